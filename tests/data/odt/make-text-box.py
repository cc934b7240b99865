# cho-phien.odt with a text box (a frame with text, no picture) in its third
# paragraph, as LibreOffice writes one (Insert ▸ Text Box).
import sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
content = src.read('content.xml').decode()
anchor = 'dân tộc.</text:p>'
assert anchor in content
frame = ('<draw:frame draw:style-name="fr1" draw:name="Text Box 1" text:anchor-type="paragraph" '
         'svg:width="2in" svg:height="0.5in" draw:z-index="3"><draw:text-box>'
         '<text:p text:style-name="Standard">Chợ mở từ 6 giờ sáng.</text:p></draw:text-box></draw:frame>')
content = content.replace(anchor, 'dân tộc.' + frame + '</text:p>', 1)
with zipfile.ZipFile(sys.argv[2], 'w') as out:
    for info in src.infolist():
        data = content.encode() if info.filename == 'content.xml' else src.read(info.filename)
        out.writestr(info, data, compress_type=info.compress_type)
