#!/usr/bin/python3
# make-left-out.py OUT.docx — a story with four pictures of which Byline can
# take one: a PNG; an EMF drawing (a chart pasted from Excel); a picture
# linked on the web, not in the document; and one whose part is missing.
# Written with zipfile alone, the way Word lays the parts out.
import io
import sys
import zipfile

from PIL import Image

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing'
A = 'http://schemas.openxmlformats.org/drawingml/2006/main'
PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture'
IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image'


def para(text):
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def picture(rid, n):
    return (f'<w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="609600"/>'
            f'<wp:docPr id="{n}" name="Picture {n}"/><a:graphic><a:graphicData uri="{PIC}">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{n}" name="p{n}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rid}"/></pic:blipFill><pic:spPr/></pic:pic>'
            f'</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>')


body = ''.join([
    para('Lũ quét ở Bát Xát'),
    para('(BLC) - Đêm 5/12, lũ quét làm hư hỏng nhiều công trình.'),
    picture('rId1', 1), para('Hiện trường sau lũ.'),
    picture('rId2', 2), para('Biểu đồ lượng mưa.'),
    picture('rId3', 3), para('Ảnh trên trang của tỉnh.'),
    picture('rId4', 4), para('Ảnh bị mất.'),
    para('Hà Anh'),
])
document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:pic="{PIC}">'
            f'<w:body>{body}</w:body></w:document>')
rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{IMAGE}" Target="media/image1.png"/>'
        f'<Relationship Id="rId2" Type="{IMAGE}" Target="media/image2.emf"/>'
        f'<Relationship Id="rId3" Type="{IMAGE}" Target="https://laocai.gov.vn/anh/lu-quet.jpg" TargetMode="External"/>'
        f'<Relationship Id="rId4" Type="{IMAGE}" Target="media/image4.jpeg"/>'
        f'</Relationships>')
types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Default Extension="png" ContentType="image/png"/>'
         '<Default Extension="emf" ContentType="image/x-emf"/>'
         '<Override PartName="/word/document.xml" ContentType='
         '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '</Types>')
package_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/officeDocument" Target="word/document.xml"/></Relationships>')

png = io.BytesIO()
Image.new('RGB', (48, 32), (138, 90, 43)).save(png, 'PNG')
# An EMF's header record (EMR_HEADER, type 1), enough to be one.
emf = bytes([1, 0, 0, 0, 108, 0, 0, 0]) + bytes(32) + b' EMF' + bytes(64)

with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', types)
    z.writestr('_rels/.rels', package_rels)
    z.writestr('word/document.xml', document)
    z.writestr('word/_rels/document.xml.rels', rels)
    z.writestr('word/media/image1.png', png.getvalue())
    z.writestr('word/media/image2.emf', emf)
