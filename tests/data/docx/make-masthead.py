# Stories that start with a table.  masthead.docx: on a newsroom's template
# whose first row holds the paper's name and the issue in two cells of two
# paragraphs each (a masthead, not the headline); masthead-row.docx: the
# same in one short line a cell (a small data table, made one line);
# boxed-title.docx: the headline and lead boxed in a one-cell table, the
# text below it.
#   python3 make-masthead.py DIR
import os
import sys
from docx import Document

folder = sys.argv[1]


def add_story(doc):
    doc.add_paragraph('Mưa lũ gây sạt lở ở Bát Xát')
    doc.add_paragraph().add_run('(BLC) - Đêm qua, mưa lớn gây sạt lở nhiều tuyến đường ở huyện Bát Xát.').bold = True
    doc.add_paragraph('Theo Ban Chỉ huy phòng chống thiên tai huyện, 12 điểm sạt lở đã được ghi nhận.')
    doc.add_paragraph('Lực lượng chức năng đang túc trực.')


doc = Document()
masthead = doc.add_table(rows=1, cols=2)
left, right = masthead.cell(0, 0), masthead.cell(0, 1)
left.paragraphs[0].add_run('BÁO LÀO CAI').bold = True
left.add_paragraph('Cơ quan của Đảng bộ, Chính quyền và Nhân dân tỉnh Lào Cai')
right.paragraphs[0].add_run('Số 1234')
right.add_paragraph('Thứ Hai, 7/12/2026')
add_story(doc)
doc.save(os.path.join(folder, 'masthead.docx'))

doc = Document()
masthead = doc.add_table(rows=1, cols=2)
masthead.cell(0, 0).text = 'BÁO LÀO CAI'
masthead.cell(0, 1).text = 'Thứ Hai, 7/12/2026'
add_story(doc)
doc.save(os.path.join(folder, 'masthead-row.docx'))

doc = Document()
box = doc.add_table(rows=1, cols=1)
box.cell(0, 0).paragraphs[0].add_run('Mưa lũ gây sạt lở ở Bát Xát')
box.cell(0, 0).add_paragraph().add_run('(BLC) - Đêm qua, mưa lớn gây sạt lở nhiều tuyến đường ở huyện Bát Xát.').bold = True
doc.add_paragraph('Theo Ban Chỉ huy phòng chống thiên tai huyện, 12 điểm sạt lở đã được ghi nhận.')
doc.add_paragraph('Lực lượng chức năng đang túc trực.')
doc.save(os.path.join(folder, 'boxed-title.docx'))
