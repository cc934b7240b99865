import io, sys, zipfile
from docx import Document
from docx.shared import Cm
from PIL import Image

out = sys.argv[1]
doc = Document()
doc.add_paragraph('Khai mạc Chợ phiên Bắc Hà')
doc.add_paragraph('(BLC) - Sáng 6/12, Chợ phiên Bắc Hà mở cửa đón du khách với nhiều hoạt động văn hóa.')
doc.add_paragraph('Năm nay, chợ có hơn 300 gian hàng của đồng bào các dân tộc.')
for color, fmt in (((200, 40, 40), 'PNG'), ((40, 40, 200), 'PNG')):
    img = Image.new('RGB', (40, 30), color)
    buf = io.BytesIO(); img.save(buf, fmt); buf.seek(0)
    doc.add_picture(buf, width=Cm(5))
    if color[0] == 200:
        p = doc.add_paragraph()
        p.add_run('Du khách tham quan chợ phiên. Ảnh: Thu Hà').italic = True
doc.add_paragraph('Chợ họp vào Chủ nhật hằng tuần.')
doc.add_paragraph('Bài và ảnh: Thu Hà')
doc.save(out)
