# cho-phien.odt with its second picture in a captioned frame, as LibreOffice
# writes one (Insert ▸ Caption…): the picture and "Illustration 1: …" in a
# text box.
import sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
content = src.read('content.xml').decode()
old_start = content.index('<text:p text:style-name="Standard"><draw:frame draw:style-name="fr1" draw:name="Picture 2"')
old_end = content.index('</text:p>', old_start) + len('</text:p>')
picture = content[old_start:old_end]
image = picture[picture.index('<draw:image'):picture.index('</draw:frame>')]
new = ('<text:p text:style-name="Standard"><draw:frame draw:style-name="fr1" draw:name="Frame1" '
       'text:anchor-type="as-char" svg:width="1.9689in" draw:z-index="2"><draw:text-box fo:min-height="1.7in">'
       '<text:p text:style-name="Illustration"><draw:frame draw:style-name="fr1" draw:name="Picture 2" '
       'text:anchor-type="as-char" svg:width="1.9689in" svg:height="1.4764in" draw:z-index="1">' + image +
       '<svg:desc>Gian hàng thổ cẩm</svg:desc></draw:frame><text:line-break/>Illustration '
       '<text:sequence text:ref-name="refIllustration0" text:name="Illustration" '
       'text:formula="ooow:Illustration+1" style:num-format="1">1</text:sequence>: '
       'Thổ cẩm của đồng bào Mông. Ảnh: Thu Hà</text:p></draw:text-box></draw:frame></text:p>')
content = content[:old_start] + new + content[old_end:]
with zipfile.ZipFile(sys.argv[2], 'w') as out:
    for info in src.infolist():
        data = content.encode() if info.filename == 'content.xml' else src.read(info.filename)
        out.writestr(info, data, compress_type=info.compress_type)
