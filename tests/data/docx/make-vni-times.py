# The story of make-vntime.py as the south typed it before Unicode: VNI
# Windows and the "VNI-Times" font for the document.  A VNI letter is a
# Latin-1 letter and the one after it, drawn as its marks ("aø" is "à");
# VNI has every capital, so the headline is typed in capitals.  The text is
# stored as those Latin-1 letters.  One sentence was pasted in Unicode, in
# Times New Roman.  With --soft-hyphen, "Phình" has an optional hyphen
# (Word's soft hyphen, TCVN3's ư but nothing in VNI).  With --split, the
# lead's runs are cut between letters and their marks ("chô" "ï phieân"), as
# Word cuts runs where an edit was made later.
#   python3 make-vni-times.py vni-times.docx
#   python3 make-vni-times.py --soft-hyphen vni-soft-hyphen.docx
#   python3 make-vni-times.py --split vni-split.docx
import io, sys, unicodedata
from docx import Document
from docx.oxml import OxmlElement
from docx.shared import Cm
from PIL import Image

# A row a vowel: no tone (or its own letter), huyền, sắc, hỏi, ngã, nặng.
ROWS = (("a", "a aø aù aû aõ aï"), ("â", "aâ aà aá aå aã aä"), ("ă", "aê aè aé aú aü aë"),
        ("e", "e eø eù eû eõ eï"), ("ê", "eâ eà eá eå eã eä"), ("i", "i ì í æ ó ò"),
        ("o", "o oø où oû oõ oï"), ("ô", "oâ oà oá oå oã oä"), ("ơ", "ô ôø ôù ôû ôõ ôï"),
        ("u", "u uø uù uû uõ uï"), ("ư", "ö öø öù öû öõ öï"), ("y", "y yø yù yû yõ î"))
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
VNI = {"đ": "ñ", "Đ": "Ñ"}
for vowel, row in ROWS:
    for tone, code in zip(TONES, row.split()):
        letter = unicodedata.normalize("NFC", vowel + tone)
        VNI[letter] = code
        VNI[letter.upper()] = code.upper()

def vni(text):
    return "".join(VNI.get(c, c) for c in text)

out = sys.argv[-1]
doc = Document()
doc.styles['Normal'].font.name = 'VNI-Times'
doc.add_paragraph(vni('CHỢ PHIÊN BẮC HÀ'))
if '--split' in sys.argv:
    p = doc.add_paragraph()
    lead = vni('(BLC) - Sáng 6/12, hàng nghìn du khách đến chợ phiên Bắc Hà.')
    for piece in lead.replace('chôï', 'chô|ï').replace('Haø', 'Ha|ø').split('|'):
        p.add_run(piece)
else:
    doc.add_paragraph(vni('(BLC) - Sáng 6/12, hàng nghìn du khách đến chợ phiên Bắc Hà.'))
if '--soft-hyphen' in sys.argv:
    p = doc.add_paragraph()
    r = p.add_run(vni('Người dân các xã Lùng Phì'))
    r._r.append(OxmlElement('w:softHyphen'))
    t = OxmlElement('w:t')
    t.text = vni('nh, Tả Van Chư mang hàng xuống chợ. ')
    t.set('{http://www.w3.org/XML/1998/namespace}space', 'preserve')
    r._r.append(t)
else:
    p = doc.add_paragraph(vni('Người dân các xã Lùng Phình, Tả Van Chư mang hàng xuống chợ. '))
p.add_run('Giá một con ngựa bạch khoảng 25 triệu đồng.').font.name = 'Times New Roman'
img = Image.new('RGB', (40, 30), (200, 40, 40))
buf = io.BytesIO(); img.save(buf, 'PNG'); buf.seek(0)
doc.add_picture(buf, width=Cm(5))
p = doc.add_paragraph()
p.add_run(vni('Phiên chợ ngựa đông vui. ')).italic = True
p.add_run(vni('Ảnh: Thu Hà')).italic = True
doc.add_paragraph(vni('Nhiệt độ buổi sáng chỉ còn 8°C.'))
doc.add_paragraph(vni('Thu Hà'))
doc.save(out)
