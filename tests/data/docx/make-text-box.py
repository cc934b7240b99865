# cho-phien.docx with a text box after its third paragraph, as Word 2010+
# writes one: the shape (wps) in mc:Choice and the same box in VML in
# mc:Fallback, for readers that know no wps.
import sys, zipfile
A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
box = ('<w:txbxContent><w:p><w:r><w:t>Chợ mở từ 6 giờ sáng.</w:t></w:r></w:p></w:txbxContent>')
run = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
       '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" '
       'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
       '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
       '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
       '<wp:extent cx="1828800" cy="457200"/><wp:wrapSquare wrapText="bothSides"/>'
       '<wp:docPr id="5" name="Text Box 5"/><a:graphic ' + A + '>'
       '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
       '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>' + box + '</wps:txbx><wps:bodyPr/></wps:wsp>'
       '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
       '<mc:Fallback><w:pict><v:shape type="#_x0000_t202" style="width:144pt;height:36pt">'
       '<v:textbox>' + box + '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
src = zipfile.ZipFile(sys.argv[1])
doc = src.read('word/document.xml').decode()
anchor = 'dân tộc.</w:t></w:r>'
assert anchor in doc
doc = doc.replace(anchor, anchor + run, 1)
with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as out:
    for info in src.infolist():
        out.writestr(info.filename, doc if info.filename == 'word/document.xml' else src.read(info.filename))
