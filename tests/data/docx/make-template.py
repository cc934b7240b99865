# A story on a newsroom's own Word template: styles named in Vietnamese
# ("Tít", "Sapo"), a paragraph style in bold, a character style in italics,
# and a kicker above the headline.
import sys
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

doc = Document()
styles = doc.styles
tit = styles.add_style('Tít', WD_STYLE_TYPE.PARAGRAPH); tit.base_style = styles['Normal']
tit.font.bold = True; tit.font.size = Pt(20)
sapo = styles.add_style('Sapo', WD_STYLE_TYPE.PARAGRAPH); sapo.base_style = styles['Normal']; sapo.font.bold = True
dam = styles.add_style('Đậm', WD_STYLE_TYPE.PARAGRAPH); dam.base_style = styles['Normal']; dam.font.bold = True
nghieng = styles.add_style('Nghiêng', WD_STYLE_TYPE.CHARACTER); nghieng.font.italic = True

doc.add_paragraph('Du lịch')
doc.add_paragraph('Lào Cai đón 2 triệu lượt khách', style='Tít')
doc.add_paragraph('(BLC) - Năm 2026, Lào Cai đón hơn 2 triệu lượt khách du lịch.', style='Sapo')
doc.add_paragraph('Điểm nhấn của năm.', style='Đậm')
p = doc.add_paragraph('Du khách đến ')
p.add_run('Sa Pa', style='Nghiêng')
p.add_run(' đông nhất.')
doc.add_paragraph('Thu Hà')
doc.save(sys.argv[1])
