/* byline-vn-legacy-detect.c — what a text whose font is not known was typed in
 *
 * Pasted as plain text, typed with the input method set to an old code, or
 * saved as a text file, Vietnamese of before Unicode has no font to ask:
 * its words are the evidence.  TCVN3 puts letters where Latin-1 has signs
 * no word has ("Chî", "B¾c"); VNI writes a letter and its marks as Latin-1
 * letters ("Chôï", "Baéc"), which French, German or Spanish words have too
 * ("où", "naïve", "Zürich", "año") — so a word is VNI's evidence only when
 * it is no Vietnamese syllable as it is and one once converted, and words
 * that are neither count against.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "byline-vn-legacy-private.h"

#include "byline-tone.h"

#include <string.h>

typedef struct
{
  guint    words;
  guint    evidence;
  guint    against;     /* VNI: words with letters beyond ASCII it leaves no Vietnamese */
  guint    syllables;   /* VNI: words that are Vietnamese syllables, converted or not */
  gboolean beyond;      /* letters beyond Latin-1: already Unicode */
} Tally;

/* A TCVN3 letter that is no letter of Vietnamese in Unicode: à á â ã è é ê
 * ì í ò ó ô õ ù ú ý are both. */
static gboolean
is_tcvn3_only (gunichar c)
{
  static const gunichar both[] = {
    0xE0, 0xE1, 0xE2, 0xE3, 0xE8, 0xE9, 0xEA, 0xEC, 0xED, 0xF2, 0xF3, 0xF4, 0xF5, 0xF9, 0xFA, 0xFD,
  };

  if (c < 0xA1 || c > 0xFE || _byline_vn_legacy_tcvn3_letter (c) == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    if (c == both[i])
      return FALSE;
  return TRUE;
}

/* @word without the punctuation around it ("Hµ," "(Chî"), not its digits
 * ("5µm"): NULL when it is not all letters. */
static char *
letters_of (const char *word)
{
  const char *start = word;
  const char *end = word + strlen (word);

  while (start < end && !g_unichar_isalnum (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  if (start == end)
    return NULL;
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (!g_unichar_isalpha (g_utf8_get_char (p)))
      return NULL;
  return g_strndup (start, end - start);
}

/* Whether @word (mixing ASCII letters with TCVN3's own signs) is a
 * Vietnamese syllable once converted ("Chî" is "Chợ"; "Cola®", "«Cà",
 * "5µm" are not). */
static gboolean
word_is_tcvn3 (const char *word)
{
  g_autofree char *unicode = _byline_vn_legacy_to_unicode (word, BYLINE_VN_LEGACY_TCVN3);
  g_autofree char *letters = letters_of (unicode);

  return letters != NULL && byline_tone_is_syllable (letters, -1);
}

/* Whether @word is a Vietnamese syllable, and a syllable ending in p, t, c
 * or ch has the rising or the heavy tone ("bắc", "lạc"; no "gỏt", which is
 * French "goût" read as VNI). */
static gboolean
is_vietnamese_syllable (const char *word)
{
  g_autofree char *nfd = g_utf8_normalize (word, -1, G_NORMALIZE_NFD);
  g_autofree char *small = g_utf8_strdown (nfd, -1);
  gsize n = strlen (small);

  if (!byline_tone_is_syllable (word, -1))
    return FALSE;
  if (n == 0 || !(strchr ("ptc", small[n - 1]) != NULL || g_str_has_suffix (small, "ch")))
    return TRUE;
  return strstr (small, "\u0301") != NULL || strstr (small, "\u0323") != NULL;
}

static void
tally_vni_word (const char *word,
                Tally      *tally)
{
  g_autofree char *letters = letters_of (word);
  g_autofree char *unicode = NULL;
  gboolean beyond_ascii = FALSE, as_it_is, converted;

  if (letters == NULL)
    return;
  unicode = _byline_vn_legacy_to_unicode (letters, BYLINE_VN_LEGACY_VNI);
  for (const char *p = letters; *p != '\0'; p = g_utf8_next_char (p))
    beyond_ascii |= (guchar) *p >= 0x80;
  as_it_is = byline_tone_is_syllable (letters, -1);
  converted = beyond_ascii && is_vietnamese_syllable (unicode);
  tally->syllables += as_it_is || converted;
  if (!beyond_ascii || as_it_is)
    return;
  /* One letter is too little to tell: French "où" is VNI's "ó". */
  if (converted && g_utf8_strlen (unicode, -1) > 1)
    tally->evidence++;
  else if (!converted)
    tally->against++;
}

/* The words of @text (split at spaces), as evidence for @legacy. */
static void
tally (const char     *text,
       BylineVnLegacy  legacy,
       Tally          *tally)
{
  gboolean ascii = FALSE, tcvn3_only = FALSE;
  const char *word = NULL;

  memset (tally, 0, sizeof *tally);
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* TCVN3's ư is the soft hyphen: inside a word. */
      if (c == 0 || (g_unichar_isspace (c) && c != 0xAD))
        {
          if (word != NULL)
            {
              g_autofree char *copy = g_strndup (word, p - word);

              tally->words++;
              if (legacy == BYLINE_VN_LEGACY_VNI)
                tally_vni_word (copy, tally);
              else
                tally->evidence += ascii && tcvn3_only && word_is_tcvn3 (copy);
            }
          if (c == 0)
            break;
          word = NULL;
          ascii = tcvn3_only = FALSE;
          continue;
        }
      /* TCVN3 has no character beyond Latin-1; a VNI document has
       * Unicode's quotes and dashes, but no letter. */
      if (c > 0xFF && (legacy != BYLINE_VN_LEGACY_VNI || g_unichar_isalpha (c) || g_unichar_ismark (c)))
        tally->beyond = TRUE;
      if (word == NULL)
        word = p;
      ascii |= c < 0x80 && g_ascii_isalpha ((char) c);
      tcvn3_only |= is_tcvn3_only (c);
    }
}

BylineVnLegacy
_byline_vn_legacy_detect (const char *text)
{
  Tally tcvn3, vni;
  gboolean is_tcvn3, is_vni;

  g_return_val_if_fail (text != NULL, BYLINE_VN_LEGACY_NONE);

  tally (text, BYLINE_VN_LEGACY_TCVN3, &tcvn3);
  tally (text, BYLINE_VN_LEGACY_VNI, &vni);
  /* Two words, or one in a text of up to three ("Thu Hµ"). */
  is_tcvn3 = !tcvn3.beyond && (tcvn3.evidence >= 2 || (tcvn3.evidence == 1 && tcvn3.words <= 3));
  /* VNI: one only if every word is Vietnamese ("Thu Haø", not "la boxe
   * thaï"), and far more for VNI than against. */
  is_vni = !vni.beyond && (vni.evidence >= 2 || (vni.evidence == 1 && vni.words <= 3 && vni.syllables == vni.words))
           && vni.evidence > 2 * vni.against;
  if (is_tcvn3 && is_vni)
    return vni.evidence > tcvn3.evidence ? BYLINE_VN_LEGACY_VNI : BYLINE_VN_LEGACY_TCVN3;
  return is_tcvn3 ? BYLINE_VN_LEGACY_TCVN3 : is_vni ? BYLINE_VN_LEGACY_VNI : BYLINE_VN_LEGACY_NONE;
}

/* Whether @text reads as Vietnamese: some words with marks, and nearly
 * all of those Vietnamese syllables (not French or German words). */
static gboolean
reads_as_vietnamese (const char *text)
{
  guint marked = 0, syllables = 0;
  const char *word = NULL;
  gboolean ascii = TRUE;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalpha (c))
        {
          if (word == NULL)
            {
              word = p;
              ascii = TRUE;
            }
          ascii &= c < 0x80;
          continue;
        }
      if (word != NULL && !ascii)
        {
          marked++;
          syllables += byline_tone_is_syllable (word, p - word);
        }
      word = NULL;
      if (c == 0)
        break;
    }
  return marked > 0 && syllables * 10 >= marked * 9;
}

char *
_byline_vn_legacy_decode_text (const char *data,
                               gsize       length)
{
  g_autoptr(GString) latin1 = g_string_sized_new (length + length / 4);
  g_autofree char *cp1258 = NULL;
  g_autofree char *nfc = NULL;
  BylineVnLegacy legacy;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* TCVN3: the bytes are the font's codes. */
  for (gsize i = 0; i < length; i++)
    g_string_append_unichar (latin1, (guchar) data[i]);
  legacy = _byline_vn_legacy_detect (latin1->str);
  if (legacy == BYLINE_VN_LEGACY_TCVN3)
    {
      g_autofree char *unicode = _byline_vn_legacy_to_unicode (latin1->str, BYLINE_VN_LEGACY_TCVN3);

      return g_utf8_normalize (unicode, -1, G_NORMALIZE_NFC);
    }
  /* VNI: Windows-1252 (Notepad's "ANSI" elsewhere), whose quotes and
   * dashes a VNI text has too, and VNI's marks. */
  if (legacy == BYLINE_VN_LEGACY_VNI)
    {
      g_autofree char *cp1252 = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      g_autofree char *unicode = _byline_vn_legacy_to_unicode (cp1252 != NULL ? cp1252 : latin1->str,
                                                               BYLINE_VN_LEGACY_VNI);

      nfc = g_utf8_normalize (unicode, -1, G_NORMALIZE_NFC);
      if (nfc != NULL && reads_as_vietnamese (nfc))
        return g_steal_pointer (&nfc);
      g_clear_pointer (&nfc, g_free);
    }

  /* Windows-1258: base letters and combining tone marks. */
  cp1258 = g_convert (data, length, "UTF-8", "CP1258", NULL, NULL, NULL);
  if (cp1258 == NULL)
    return NULL;
  nfc = g_utf8_normalize (cp1258, -1, G_NORMALIZE_NFC);
  if (nfc == NULL || !reads_as_vietnamese (nfc))
    return NULL;
  return g_steal_pointer (&nfc);
}
