# A story with a floating photo, as reporters set one ("Square" wrapping):
# python-docx writes pictures inline, so the JPEG's <wp:inline> is made a
# <wp:anchor> with square wrapping; it is anchored at the start of the
# third paragraph, and the line in italics under that paragraph is its
# caption.  Then an inline PNG of its own paragraph, to check the order.
import io, re, sys
from docx import Document
from docx.shared import Cm
from PIL import Image

out = sys.argv[1]
doc = Document()
doc.add_paragraph('Hoa tam giác mạch nở rộ ở Bắc Hà')
doc.add_paragraph('(BLC) - Những ngày này, các thung lũng ở Bắc Hà phủ sắc hồng của hoa tam giác mạch.')
img = Image.new('RGB', (48, 32), (200, 90, 160))
buf = io.BytesIO(); img.save(buf, 'JPEG', quality=60); buf.seek(0)
p = doc.add_paragraph()
p.add_run().add_picture(buf, width=Cm(4))
p.add_run('Du khách đổ về xã Lùng Phình để chụp ảnh bên những cánh đồng hoa.')
p._p.xpath('.//wp:docPr')[0].set('descr', 'Cánh đồng hoa tam giác mạch')
p = doc.add_paragraph()
p.add_run('Cánh đồng hoa ở Lùng Phình. Ảnh: Thu Hà').italic = True
doc.add_paragraph('Mùa hoa kéo dài đến hết tháng 11.')
img = Image.new('RGB', (40, 30), (40, 160, 60))
buf = io.BytesIO(); img.save(buf, 'PNG'); buf.seek(0)
doc.add_picture(buf, width=Cm(4))
doc.add_paragraph('Bài và ảnh: Thu Hà')
doc.save(out)

# The first picture floats: <wp:inline>…<wp:extent/> becomes <wp:anchor>
# with its position and <wp:wrapSquare/> after the extent.
import zipfile
with zipfile.ZipFile(out) as src:
    parts = {i.filename: src.read(i.filename) for i in src.infolist()}
xml = parts['word/document.xml'].decode()
m = re.search(r'<wp:inline([^>]*)>(<wp:extent[^>]*/>)(.*?)</wp:inline>', xml, re.S)
namespaces = ' '.join(re.findall(r'xmlns:\w+="[^"]*"', m.group(1)))
anchor = ('<wp:anchor ' + namespaces + ' distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="2" '
          'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
          '<wp:positionH relativeFrom="column"><wp:align>right</wp:align></wp:positionH>'
          '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
          + m.group(2) + '<wp:wrapSquare wrapText="bothSides"/>' + m.group(3) + '</wp:anchor>')
xml = xml[:m.start()] + anchor + xml[m.end():]
parts['word/document.xml'] = xml.encode()
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as dst:
    for name, data in parts.items():
        dst.writestr(name, data)
