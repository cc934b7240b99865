# A story with a small results table whose cells are merged: "Bát Xát", a
# link, merged down two rows (w:vMerge restart, then continue), "Tổng", in
# bold, merged across two columns (w:gridSpan), under a bold header row.
# Word's own Merge Cells writes the same markup.
import sys
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

out = sys.argv[1]
doc = Document()
doc.add_paragraph('Lào Cai hỗ trợ các hộ bị lũ cuốn trôi nhà')
doc.add_paragraph('(BLC) - Tỉnh đã chuyển tiền hỗ trợ đến 200 hộ ở hai xã của huyện Bát Xát.')
doc.add_paragraph('Số hộ được hỗ trợ, theo Sở Lao động – Thương binh và Xã hội:')

table = doc.add_table(rows=4, cols=3)
for col, text in enumerate(('Huyện', 'Xã', 'Số hộ')):
    table.cell(0, col).paragraphs[0].add_run(text).bold = True
p = table.cell(1, 0).merge(table.cell(2, 0)).paragraphs[0]
rid = doc.part.relate_to('https://baolaocai.vn/bat-xat',
                         'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
                         is_external=True)
h = OxmlElement('w:hyperlink'); h.set(qn('r:id'), rid)
hr = OxmlElement('w:r'); t = OxmlElement('w:t'); t.text = 'Bát Xát'; hr.append(t); h.append(hr)
p._p.append(h)
table.cell(1, 1).text = 'Pa Cheo'
table.cell(1, 2).text = '120'
table.cell(2, 1).text = 'Trịnh Tường'
table.cell(2, 2).text = '80'
table.cell(3, 0).merge(table.cell(3, 1)).paragraphs[0].add_run('Tổng').bold = True
table.cell(3, 2).paragraphs[0].add_run('200').bold = True

doc.add_paragraph('Mỗi hộ được hỗ trợ 40 triệu đồng để dựng lại nhà trước mùa đông.')
doc.save(out)
