# A story with a group of pictures (Word: select them, Group), floating
# ("Square" wrapping) at the start of the third paragraph: a JPEG, a PNG and
# an EMF drawing, in that order.  python-docx writes pictures inline, one a
# paragraph; their relationships are kept and their paragraphs made one
# <wpg:wgp> in a <wp:anchor>.
import io, re, sys, zipfile
from docx import Document
from docx.shared import Cm
from PIL import Image

out = sys.argv[1]
doc = Document()
doc.add_paragraph('Nhà sàn của người Dao đỏ ở Tả Van')
doc.add_paragraph('(BLC) - Bản Tả Van còn giữ nhiều nếp nhà sàn cổ.')
p = doc.add_paragraph('Ngôi nhà lớn nhất bản đã hơn 100 năm tuổi.')
for colour, size, kind in (((150, 90, 40), (48, 32), 'JPEG'), ((40, 120, 60), (40, 30), 'PNG')):
    buf = io.BytesIO(); Image.new('RGB', size, colour).save(buf, kind); buf.seek(0)
    doc.add_picture(buf, width=Cm(4))
doc.add_paragraph('Bài và ảnh: Thu Hà')
doc.save(out)

with zipfile.ZipFile(out) as src:
    parts = {i.filename: src.read(i.filename) for i in src.infolist()}
xml = parts['word/document.xml'].decode()
rels = parts['word/_rels/document.xml.rels'].decode()
# The two pictures' paragraphs out; their r:embed ids kept.
pics = re.findall(r'<w:p>(?:(?!<w:p>).)*?<a:blip r:embed="(rId\d+)"/>.*?</w:p>', xml, re.S)
assert len(pics) == 2, pics
xml = re.sub(r'<w:p>(?:(?!<w:p>).)*?<a:blip r:embed="rId\d+"/>.*?</w:p>', '', xml, flags=re.S)
# An EMF's header record (EMR_HEADER, type 1), enough to be one.
emf = bytes([1, 0, 0, 0, 108, 0, 0, 0]) + bytes(32) + b' EMF' + bytes(64)
parts['word/media/drawing.emf'] = emf
rels = rels.replace('</Relationships>', '<Relationship Id="rIdEmf" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/image" Target="media/drawing.emf"/></Relationships>')
ct = parts['[Content_Types].xml'].decode()
if 'Extension="emf"' not in ct:
    ct = ct.replace('<Default ', '<Default Extension="emf" ContentType="image/x-emf"/><Default ', 1)
parts['[Content_Types].xml'] = ct.encode()

NS = ('xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"')
W = 1440000; H = 960000
def pic(n, rid, x):
    return (f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{n}" name="Picture {n}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="{x}" y="0"/><a:ext cx="{W}" cy="{H}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>')
group = ('<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
         'relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
         '<wp:positionH relativeFrom="column"><wp:align>right</wp:align></wp:positionH>'
         '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
         f'<wp:extent cx="{3 * W}" cy="{H}"/><wp:wrapSquare wrapText="bothSides"/>'
         '<wp:docPr id="10" name="Group 10"/><wp:cNvGraphicFramePr/>'
         f'<a:graphic {NS}><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup">'
         '<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm>'
         f'<a:off x="0" y="0"/><a:ext cx="{3 * W}" cy="{H}"/><a:chOff x="0" y="0"/><a:chExt cx="{3 * W}" cy="{H}"/>'
         '</a:xfrm></wpg:grpSpPr>' + pic(11, pics[0], 0) + pic(12, pics[1], W) + pic(13, 'rIdEmf', 2 * W) +
         '</wpg:wgp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
anchor = '<w:t>Ngôi nhà lớn nhất'
i = xml.index(anchor)
i = xml.rindex('<w:r>', 0, i)
xml = xml[:i] + group + xml[i:]
parts['word/document.xml'] = xml.encode()
parts['word/_rels/document.xml.rels'] = rels.encode()
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as dst:
    for name, data in parts.items():
        dst.writestr(name, data)
