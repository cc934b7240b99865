# Pictures captioned as Word's Insert Caption writes them: a Caption
# paragraph under the picture, its number a sequence field after the label
# ("Hình { SEQ Hình \* ARABIC }: …"), complex or simple (<w:fldSimple>);
# for a floating picture, the caption in a text box grouped with it.  Then
# a caption numbered by hand ("Ảnh 4: …", no field) and a table's caption
# ("Bảng 1: …") under no picture, both kept as typed.
import io, sys, zipfile
from docx import Document
from docx.oxml import parse_xml
from docx.shared import Cm
from PIL import Image

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def run(text):
    return f'<w:r {W}><w:t xml:space="preserve">{text}</w:t></w:r>'

def seq_complex(label, number):
    return ''.join(f'<w:r {W}>{x}</w:r>' for x in (
        '<w:fldChar w:fldCharType="begin"/>',
        f'<w:instrText xml:space="preserve"> SEQ {label} \\* ARABIC </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        f'<w:t>{number}</w:t>',
        '<w:fldChar w:fldCharType="end"/>'))

def seq_simple(label, number):
    return (f'<w:fldSimple {W} w:instr=" SEQ {label} \\* ARABIC "><w:r><w:t>{number}</w:t></w:r></w:fldSimple>')

def caption(doc, *xml):
    p = doc.add_paragraph(style='Caption')
    for x in xml:
        for el in parse_xml(f'<w:wrap {W}>{x}</w:wrap>'):
            p._p.append(el)
    return p

def picture(doc, width, colour):
    buf = io.BytesIO(); Image.new('RGB', (width, 30), colour).save(buf, 'PNG'); buf.seek(0)
    doc.add_picture(buf, width=Cm(4))

out = sys.argv[1]
doc = Document()
doc.add_paragraph('Khai mạc Chợ phiên Bắc Hà')
doc.add_paragraph('(BLC) - Sáng 6/12, Chợ phiên Bắc Hà mở cửa đón du khách.')
doc.add_paragraph('Năm nay, chợ có hơn 300 gian hàng của đồng bào các dân tộc.')
picture(doc, 40, (200, 40, 40))
caption(doc, run('Hình '), seq_complex('Hình', 1), run(': Du khách tham quan chợ phiên. Ảnh: Thu Hà'))
picture(doc, 41, (40, 40, 200))
caption(doc, run('Figure '), seq_simple('Figure', 2), run(' – Thổ cẩm của đồng bào Mông. Ảnh: Thu Hà'))
doc.add_paragraph('Giá một con ngựa khoảng 25 triệu đồng.')
picture(doc, 42, (40, 160, 40))     # floating, grouped with its caption below
picture(doc, 43, (160, 160, 40))
caption(doc, run('Ảnh 4: Sạp hàng thổ cẩm. Ảnh: Thu Hà'))
caption(doc, run('Bảng '), seq_complex('Bảng', 1), run(': Giá các mặt hàng'))
doc.add_paragraph('Bài và ảnh: Thu Hà')
doc.save(out)

# The third picture out of its paragraph, into a floating group with a
# text box holding its caption, anchored in "Giá một con ngựa…".
import re
with zipfile.ZipFile(out) as src:
    parts = {i.filename: src.read(i.filename) for i in src.infolist()}
xml = parts['word/document.xml'].decode()
pics = list(re.finditer(r'<w:p>(?:(?!<w:p>).)*?<a:blip r:embed="(rId\d+)"/>.*?</w:p>', xml, re.S))
third = pics[2]
xml = xml[:third.start()] + xml[third.end():]
NS = ('xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"')
box = ('<w:txbxContent><w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr>'
       '<w:r><w:t xml:space="preserve">Ảnh </w:t></w:r>'
       '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
       '<w:r><w:instrText xml:space="preserve"> SEQ Ảnh \\* ARABIC </w:instrText></w:r>'
       '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
       '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
       '<w:r><w:t xml:space="preserve">. Phiên chợ ngựa. Ảnh: Thu Hà</w:t></w:r></w:p></w:txbxContent>')
group = ('<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
         'relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
         '<wp:positionH relativeFrom="column"><wp:align>right</wp:align></wp:positionH>'
         '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
         '<wp:extent cx="1440000" cy="1300000"/><wp:wrapSquare wrapText="bothSides"/>'
         '<wp:docPr id="20" name="Group 20"/><wp:cNvGraphicFramePr/>'
         f'<a:graphic {NS}><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup">'
         '<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1440000" cy="1300000"/>'
         '<a:chOff x="0" y="0"/><a:chExt cx="1440000" cy="1300000"/></a:xfrm></wpg:grpSpPr>'
         '<pic:pic><pic:nvPicPr><pic:cNvPr id="21" name="Picture 21" descr="Chợ ngựa"/><pic:cNvPicPr/></pic:nvPicPr>'
         f'<pic:blipFill><a:blip r:embed="{third.group(1)}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
         '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1440000" cy="1000000"/></a:xfrm>'
         '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
         '<wps:wsp><wps:cNvPr id="22" name="Text Box 22"/><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm>'
         '<a:off x="0" y="1000000"/><a:ext cx="1440000" cy="300000"/></a:xfrm>'
         '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
         f'<wps:txbx>{box}</wps:txbx><wps:bodyPr/></wps:wsp>'
         '</wpg:wgp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
anchor = '<w:t>Giá một con ngựa'
i = xml.rindex('<w:r>', 0, xml.index(anchor))
xml = xml[:i] + group + xml[i:]
parts['word/document.xml'] = xml.encode()
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as dst:
    for name, data in parts.items():
        dst.writestr(name, data)
