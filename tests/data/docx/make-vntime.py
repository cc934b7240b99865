# A story typed as offices typed before Unicode: Unikey in TCVN3 (ABC) and
# Word's ".VnTime" font for the document, ".VnTimeH" (capitals) for the
# headline.  The text is stored as the Latin-1 letters the font draws as
# Vietnamese.  One sentence was pasted in Unicode, in Times New Roman.
#   python3 make-vntime.py vntime.docx
import io, sys
from docx import Document
from docx.shared import Cm
from PIL import Image

ROWS = (("µ¸¶·¹", "àáảãạ"), ("¨»¾¼½Æ", "ăằắẳẵặ"), ("©ÇÊÈÉË", "âầấẩẫậ"), ("®", "đ"),
        ("ÌÐÎÏÑ", "èéẻẽẹ"), ("ªÒÕÓÔÖ", "êềếểễệ"), ("×ÝØÜÞ", "ìíỉĩị"), ("ßãáâä", "òóỏõọ"),
        ("«åèæçé", "ôồốổỗộ"), ("¬êíëìî", "ơờớởỡợ"), ("ïóñòô", "ùúủũụ"),
        ("\u00ad" "õøö÷ù", "ưừứửữự"), ("úýûüþ", "ỳýỷỹỵ"), ("¡¢§£¤¥¦", "ĂÂĐÊÔƠƯ"))
TCVN3 = {u: t for tcvn, uni in ROWS for t, u in zip(tcvn, uni)}

def tcvn3(text):
    return "".join(TCVN3.get(c, c) for c in text)

out = sys.argv[1]
doc = Document()
doc.styles['Normal'].font.name = '.VnTime'
title = doc.add_paragraph()
title.add_run(tcvn3('chợ phiên bắc hà')).font.name = '.VnTimeH'
doc.add_paragraph(tcvn3('(BLC) - Sáng 6/12, hàng nghìn du khách đến chợ phiên Bắc Hà.'))
p = doc.add_paragraph(tcvn3('Người dân các xã Lùng Phình, Tả Van Chư mang hàng xuống chợ. '))
p.add_run('Giá một con ngựa bạch khoảng 25 triệu đồng.').font.name = 'Times New Roman'
img = Image.new('RGB', (40, 30), (200, 40, 40))
buf = io.BytesIO(); img.save(buf, 'PNG'); buf.seek(0)
doc.add_picture(buf, width=Cm(5))
# No capital with a tone in .VnTime: the Ả of "Ảnh" is typed in .VnTimeH.
p = doc.add_paragraph()
p.add_run(tcvn3('Phiên chợ ngựa đông vui. ')).italic = True
r = p.add_run(tcvn3('ả'))
r.italic = True
r.font.name = '.VnTimeH'
p.add_run(tcvn3('nh: Thu Hà')).italic = True
doc.add_paragraph(tcvn3('Nhiệt độ buổi sáng chỉ còn 8°C.'))
doc.add_paragraph(tcvn3('Thu Hà'))
doc.save(out)
