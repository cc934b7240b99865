# A story with a small data table (3 × 3, its header in bold, an empty
# cell, a link in a cell) and a layout table (two cells of long text).
import sys
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

out = sys.argv[1]
doc = Document()
doc.add_paragraph('Lũ quét ở Mường Tè: thống kê thiệt hại')
doc.add_paragraph('(BLC) - Trận lũ quét đêm 10/9 làm hư hại nhà cửa của hàng trăm hộ ở ba xã.')
doc.add_paragraph('Số liệu của Ủy ban nhân dân huyện:')

data = doc.add_table(rows=3, cols=3)
for col, text in enumerate(('Xã', 'Số hộ', 'Thiệt hại')):
    data.cell(0, col).paragraphs[0].add_run(text).bold = True
for col, text in enumerate(('Pa Ủ', '120', '3 tỷ đồng')):
    data.cell(1, col).text = text
data.cell(2, 0).text = 'Mù Cả'
p = data.cell(2, 2).paragraphs[0]
p.add_run('1,2 tỷ ')
rid = doc.part.relate_to('https://baolaocai.vn/mu-ca', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink', is_external=True)
h = OxmlElement('w:hyperlink'); h.set(qn('r:id'), rid)
hr = OxmlElement('w:r'); t = OxmlElement('w:t'); t.text = 'đồng'; hr.append(t); h.append(hr)
p._p.append(h)

doc.add_paragraph('Lực lượng chức năng đang khắc phục hậu quả.')

layout = doc.add_table(rows=1, cols=2)
layout.cell(0, 0).text = ('Ở xã Pa Ủ, nước lũ cuốn trôi 12 ngôi nhà và hàng chục héc-ta lúa sắp đến ngày thu hoạch '
                          'của đồng bào dân tộc La Hủ.')
layout.cell(0, 1).text = ('Ở xã Mù Cả, đường vào trung tâm xã bị sạt lở nhiều đoạn, các lực lượng phải đi bộ '
                          'hàng giờ để đưa hàng cứu trợ vào.')

doc.add_paragraph('Huyện đề nghị tỉnh hỗ trợ khẩn cấp cho các hộ bị thiệt hại.')
doc.save(out)
