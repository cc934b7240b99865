#!/usr/bin/python3
# make-an-chu.py OUT.docx — a story with what Word does not show: hidden
# text (a reporter's note to the editor) and a tracked change's deletion,
# beside a tracked insertion, which shows.  python-docx, with the hidden
# run's <w:vanish/> and the <w:del>/<w:ins> added by hand.
import sys

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

doc = Document()
doc.add_paragraph('Chợ phiên Cán Cấu')
doc.add_paragraph('(BLC) - Chợ phiên Cán Cấu họp vào thứ Bảy hằng tuần.')
p = doc.add_paragraph('Chợ có hơn ')
p.add_run('200')
hidden = p.add_run(' (ghi chú: kiểm tra lại số gian hàng)')
hidden._r.get_or_add_rPr().append(OxmlElement('w:vanish'))
p.add_run(' gian hàng.')
p = doc.add_paragraph('Người dân ')
d = OxmlElement('w:del')
d.set(qn('w:id'), '1'); d.set(qn('w:author'), 'Biên tập'); d.set(qn('w:date'), '2026-12-06T08:00:00Z')
dr = OxmlElement('w:r'); dt = OxmlElement('w:delText'); dt.text = 'đã '
dt.set(qn('xml:space'), 'preserve'); dr.append(dt); d.append(dr); p._p.append(d)
i = OxmlElement('w:ins')
i.set(qn('w:id'), '2'); i.set(qn('w:author'), 'Biên tập'); i.set(qn('w:date'), '2026-12-06T08:00:00Z')
ir = OxmlElement('w:r'); it = OxmlElement('w:t'); it.text = 'vẫn '
it.set(qn('xml:space'), 'preserve'); ir.append(it); i.append(ir); p._p.append(i)
p.add_run('mang hàng xuống chợ từ sáng sớm.')
doc.add_paragraph('Thu Hà')
doc.save(sys.argv[1])
