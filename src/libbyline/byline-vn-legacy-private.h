/* byline-vn-legacy-private.h — Vietnamese typed in the fonts of before Unicode
 *
 * Until the 2000s Vietnamese offices typed in TCVN3 (ABC): fonts named
 * ".VnTime", ".VnArial"… that draw Vietnamese letters in place of Latin-1's
 * (“¾” is “ắ”), and their capitals' fonts, ".VnTimeH"…, that draw every
 * letter as a capital.  Documents written so are still sent in: their text is
 * Latin-1 gibberish ("Chî phiªn B¾c Hµ") unless read through the font.
 * The south, and many offices elsewhere, typed in VNI: fonts named
 * "VNI-Times", "VNI-Helve"… that draw Latin-1's accented letters as the
 * marks over the letter before them ("Chôï phieân Baéc Haø").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BYLINE_VN_LEGACY_NONE,
  BYLINE_VN_LEGACY_TCVN3,           /* .VnTime */
  BYLINE_VN_LEGACY_TCVN3_CAPITALS,  /* .VnTimeH */
  BYLINE_VN_LEGACY_VNI,             /* VNI-Times */
} BylineVnLegacy;

/* What text in the font @family (a CSS font-family list: its first) is
 * written in. */
BylineVnLegacy _byline_vn_legacy_for_font   (const char     *family);
/* Whether @text has a letter only Unicode's Vietnamese has (ă đ ĩ ũ ơ ư,
 * a letter with a tone of Latin Extended Additional): it is Unicode,
 * whatever its font's name says. */
gboolean       _byline_vn_legacy_has_unicode (const char    *text);
/* @text (UTF-8) as the font draws it, in Unicode (unless it has Unicode's
 * own letters). */
char          *_byline_vn_legacy_to_unicode (const char     *text,
                                             BylineVnLegacy  legacy);

/* Whether the soft hyphen's code (Word's optional hyphen) is a letter in
 * @legacy: TCVN3's ư; in VNI, as in Unicode, it is no letter. */
#define BYLINE_VN_LEGACY_SOFT_HYPHEN_IS_LETTER(legacy) \
  ((legacy) == BYLINE_VN_LEGACY_TCVN3 || (legacy) == BYLINE_VN_LEGACY_TCVN3_CAPITALS)

/* What @text, whose font is not known (pasted as plain text, typed with
 * the input method set to an old code), is written in.  TCVN3: no
 * character beyond Latin-1 (real Vietnamese has ư, ơ, đ, ạ…) and words
 * that mix ASCII letters with Latin-1 signs no Vietnamese word has and
 * are Vietnamese syllables once converted ("Chî", "B¾c"; not "Cola®" or
 * "«Cà"): two, or one in a text of up to three words.  VNI: no letter
 * beyond Latin-1, and words that are no Vietnamese syllable as they are but
 * one of two letters or more once converted ("Chôï", "Baéc"; not "où",
 * "Tôi"): two, or one in a text of up to three Vietnamese words; and more
 * than twice as many as the words with letters beyond ASCII that are
 * Vietnamese neither way ("Café", "naïve", "Zürich").  When both, the code
 * with more evidence. */
BylineVnLegacy _byline_vn_legacy_detect      (const char *text);

/* Text in bytes that are not UTF-8, as the Vietnamese of before Unicode
 * wrote it: TCVN3 (a .VnTime document saved as text), VNI (a VNI-Times
 * one, in Windows-1252), whichever its words are (as
 * _byline_vn_legacy_detect tells), else Windows-1258 (Notepad's "ANSI" on
 * a Vietnamese Windows).  VNI and Windows-1258 only when nine words in ten
 * with marks are Vietnamese syllables.  UTF-8, NFC; NULL when none reads
 * as Vietnamese. */
char          *_byline_vn_legacy_decode_text (const char *data,
                                              gsize       length);

/* Within byline-vn-legacy*.c: the letter TCVN3 draws at @c (0: none),
 * and @text (UTF-8) as the VNI fonts draw it. */
gunichar       _byline_vn_legacy_tcvn3_letter (gunichar    c);
void           _byline_vn_legacy_append_vni  (GString    *out,
                                              const char *text);

G_END_DECLS
