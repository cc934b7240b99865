/* byline-telex.c — a syllable typed in Telex with the input method off
 *
 * Telex types "ư" as "uw", "ê" as "ee", "đ" as "dd" and the tone with a key
 * after the syllable (s sắc, f huyền, r hỏi, x ngã, j nặng).  When the input
 * method is switched off by mistake (Unikey's Ctrl+Shift is one slip away)
 * the keys stay in the text: "Nuwowcs leen nhanh".  Those words have no marks
 * and are not syllables, so the spell checker took them for foreign words
 * and said nothing.  Decoded, they say what was meant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include <string.h>

#include "byline-tone.h"
#include "byline-tone-private.h"

static gunichar
tone_of_key (char key)
{
  switch (key)
    {
    case 's': return 0x0301;   /* sắc */
    case 'f': return 0x0300;   /* huyền */
    case 'r': return 0x0309;   /* hỏi */
    case 'x': return 0x0303;   /* ngã */
    case 'j': return 0x0323;   /* nặng */
    default:  return 0;
    }
}

static gboolean
is_vowel (gunichar c)
{
  return strchr ("aeiouy", (int) c) != NULL
         || c == 0x0103 || c == 0x00E2 || c == 0x00EA || c == 0x00F4 || c == 0x01A1 || c == 0x01B0;
}

/* The letters of @lower (lower case ASCII) with Telex's letter keys applied;
 * NULL when there are none. */
static GString *
apply_letter_keys (const char *lower,
                   gsize       length)
{
  GString *out = g_string_new (NULL);
  gboolean keyed = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = lower[i], next = i + 1 < length ? lower[i + 1] : '\0';

      if ((c == 'a' || c == 'e' || c == 'o' || c == 'd') && next == c)
        {
          g_string_append_unichar (out, c == 'a' ? 0x00E2 : c == 'e' ? 0x00EA : c == 'o' ? 0x00F4 : 0x0111);
          i++;
          keyed = TRUE;
        }
      else if ((c == 'a' || c == 'o' || c == 'u') && next == 'w')
        {
          g_string_append_unichar (out, c == 'a' ? 0x0103 : c == 'o' ? 0x01A1 : 0x01B0);
          i++;
          keyed = TRUE;
        }
      else if (c == 'w')
        {
          g_string_append_unichar (out, 0x01B0);
          keyed = TRUE;
        }
      else
        g_string_append_c (out, c);
    }
  if (!keyed)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return out;
}

/* @letters with @tone after its first vowel (byline_tone_place() moves it to
 * its place), NFC. */
static char *
with_tone (const char *letters,
           gunichar    tone)
{
  GString *out = g_string_new (NULL);
  gboolean placed = tone == 0;

  for (const char *p = letters; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, c);
      if (!placed && is_vowel (c))
        {
          g_string_append_unichar (out, tone);
          placed = TRUE;
        }
    }
  {
    g_autofree char *decomposed = g_string_free (out, FALSE);

    return g_utf8_normalize (decomposed, -1, G_NORMALIZE_NFC);
  }
}

char *
byline_tone_from_telex (const char      *word,
                        gssize           length,
                        BylineToneStyle  style)
{
  g_autofree char *lower = NULL;
  g_autoptr(GString) letters = NULL;
  g_autofree char *toned = NULL;
  g_autofree char *placed = NULL;
  g_autofree char *typed = NULL;
  gunichar tone = 0;
  gsize n;

  g_return_val_if_fail (word != NULL, NULL);

  n = length < 0 ? strlen (word) : (gsize) length;
  if (n < 2)
    return NULL;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalpha (word[i]))
      return NULL;

  lower = g_ascii_strdown (word, n);
  /* No Vietnamese syllable ends in s, f, r, x or j: a tone key. */
  tone = tone_of_key (lower[n - 1]);
  letters = apply_letter_keys (lower, tone != 0 ? n - 1 : n);
  if (letters == NULL)
    return NULL;
  /* "uơ" is typed "uow" as well as "uwow": "ươ" but in "thuở". */
  if (!g_str_has_prefix (letters->str, "thu"))
    g_string_replace (letters, "u\xc6\xa1", "\xc6\xb0\xc6\xa1", 1);   /* u ơ → ư ơ */

  toned = with_tone (letters->str, tone);
  if (toned == NULL || !byline_tone_is_syllable (toned, -1))
    return NULL;
  placed = byline_tone_place (toned, -1, style);

  /* The case of the word typed: "NUWOWCS", "Nuwowcs", "nuwowcs". */
  typed = g_strndup (word, n);
  return _byline_word_with_case_of (typed, placed);
}
