import io, sys
from docx import Document
from docx.shared import Pt, Cm
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
from PIL import Image

out = sys.argv[1]
doc = Document()
p = doc.add_paragraph()
r = p.add_run('Mưa lũ gây sạt lở ở Mường Tè'); r.bold = True; r.font.size = Pt(16)
p = doc.add_paragraph()
p.add_run('(BLC) - Đêm 5/12, mưa lớn kéo dài gây sạt lở nhiều tuyến đường ở huyện Mường Tè. ').bold = True
p.add_run('Hàng trăm hộ dân bị cô lập.').bold = True
p = doc.add_paragraph('Theo Ban Chỉ huy phòng chống thiên tai huyện, ')
p.add_run('12 điểm').bold = True
p.add_run(' sạt lở đã được ghi nhận, ')
p.add_run('nặng nhất').italic = True
p.add_run(' ở xã Pa Ủ. Xem thêm trên ')
# a hyperlink, as Word writes it
rid = doc.part.relate_to('https://baolaocai.vn/mua-lu', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink', is_external=True)
h = OxmlElement('w:hyperlink'); h.set(qn('r:id'), rid)
hr = OxmlElement('w:r'); t = OxmlElement('w:t'); t.text = 'trang của tỉnh'; hr.append(t); h.append(hr)
p._p.append(h)
p.add_run('.')
doc.add_heading('Nhiều tuyến đường bị chia cắt', level=1)
doc.add_paragraph('Quốc lộ 4H tại km 45', style='List Bullet')
doc.add_paragraph('Tỉnh lộ 127 đoạn qua xã Kan Hồ', style='List Bullet')
img = Image.new('RGB', (64, 48), (120, 90, 60))
buf = io.BytesIO(); img.save(buf, 'JPEG'); buf.seek(0)
doc.add_picture(buf, width=Cm(6))
inline = doc.paragraphs[-1]._p.xpath('.//wp:docPr')[0]
inline.set('descr', 'Đất đá tràn xuống quốc lộ 4H')
doc.add_paragraph('Đường vào xã Pa Ủ bị sạt lở. Ảnh: Lò Văn Dũng', style='Caption')
doc.add_heading('Khắc phục', level=2)
doc.add_paragraph('Huy động máy xúc', style='List Number')
doc.add_paragraph('Đưa hàng cứu trợ vào xã', style='List Number')
doc.add_paragraph('Chúng tôi sẽ thông đường trong hai ngày.', style='Quote')
table = doc.add_table(rows=1, cols=1)
table.cell(0, 0).text = 'Số liệu: 320 hộ bị ảnh hưởng.'
# a tracked deletion, left out; a tracked insertion, kept
p = doc.add_paragraph('Lực lượng chức năng ')
d = OxmlElement('w:del'); dr = OxmlElement('w:r'); dt = OxmlElement('w:delText'); dt.text = 'đã '; dt.set(qn('xml:space'), 'preserve'); dr.append(dt); d.append(dr); p._p.append(d)
i = OxmlElement('w:ins'); ir = OxmlElement('w:r'); it = OxmlElement('w:t'); it.text = 'đang '; it.set(qn('xml:space'), 'preserve'); ir.append(it); i.append(ir); p._p.append(i)
p.add_run('túc trực tại các điểm sạt lở.')
doc.add_paragraph('')
doc.add_paragraph('Hà Anh')
doc.core_properties.author = 'Hà Anh'
doc.save(out)
