#!/usr/bin/python3
# make-cho-anh.py OUT.docx — a story whose two pictures could not come in,
# each with its caption in italics under it: a photo only linked ("Insert
# Picture > Link to File": r:link, no r:embed) from the province's site, with
# a description, and a chart Word draws itself.  Written with zipfile alone,
# the way Word lays the parts out.
import sys
import zipfile

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing'
A = 'http://schemas.openxmlformats.org/drawingml/2006/main'
PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture'
C = 'http://schemas.openxmlformats.org/drawingml/2006/chart'
IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image'
CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart'


def para(text, italic=False):
    props = '<w:rPr><w:i/></w:rPr>' if italic else ''
    return f'<w:p><w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def inline(n, name, descr, data):
    return (f'<w:p><w:r><w:drawing><wp:inline><wp:extent cx="5486400" cy="3657600"/>'
            f'<wp:docPr id="{n}" name="{name}" descr="{descr}"/><a:graphic>{data}</a:graphic>'
            f'</wp:inline></w:drawing></w:r></w:p>')


photo = (f'<a:graphicData uri="{PIC}"><pic:pic><pic:nvPicPr><pic:cNvPr id="2" name="lu-quet.jpg"/>'
         f'<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="rId1"/></pic:blipFill><pic:spPr/>'
         f'</pic:pic></a:graphicData>')
chart = f'<a:graphicData uri="{C}"><c:chart r:id="rId2"/></a:graphicData>'

body = ''.join([
    para('Lũ quét ở Bát Xát'),
    para('(BLC) - Đêm 5/12, lũ quét qua xã Trịnh Tường làm hư hỏng nhiều nhà dân.'),
    para('Nhiều hộ dân phải di dời tài sản trong đêm.'),
    inline(2, 'Picture 2', 'Nước ngập nửa nhà sàn', photo),
    para('Nước lũ tràn qua bản. Ảnh: Hà Anh', italic=True),
    para('Mưa kéo dài ba ngày, có nơi trên 300 mm.'),
    inline(3, 'Chart 3', '', chart),
    para('Lượng mưa ở Bát Xát.', italic=True),
    para('Chính quyền xã đã bố trí chỗ ở tạm cho các hộ.'),
    para('Hà Anh'),
])
document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:pic="{PIC}" '
            f'xmlns:c="{C}"><w:body>{body}</w:body></w:document>')
rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{IMAGE}" Target="https://laocai.gov.vn/anh/lu-quet.jpg" '
        f'TargetMode="External"/>'
        f'<Relationship Id="rId2" Type="{CHART}" Target="charts/chart1.xml"/>'
        f'</Relationships>')
types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType='
         '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '</Types>')
package_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/officeDocument" Target="word/document.xml"/></Relationships>')

with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', types)
    z.writestr('_rels/.rels', package_rels)
    z.writestr('word/document.xml', document)
    z.writestr('word/_rels/document.xml.rels', rels)
