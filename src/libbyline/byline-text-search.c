/* byline-text-search.c
 *
 * Reporters type a search fast and without its marks, as they do in the
 * drafts list: "sat lo" for "sạt lở".  Each bare Latin letter of a query
 * becomes the class of every precomposed letter made of it and marks (as
 * Unicode decomposes them), with "đ" for "d" (which does not decompose).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-text-search.h"

/* Indexed by the bare letter ('A'…'Z', 'a'…'z'): "[aàáâ…]" */
static char *letter_classes[128];

static void
add_variant (GString **classes,
             gunichar  base,
             gunichar  letter)
{
  if (classes[base] == NULL)
    {
      classes[base] = g_string_new ("[");
      g_string_append_c (classes[base], (char) base);
    }
  g_string_append_unichar (classes[base], letter);
}

/* Whether @letter is @base followed only by combining marks once decomposed;
 * @base is set. */
static gboolean
decomposes_to_bare (gunichar  letter,
                    gunichar *base)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (letter, FALSE, decomposed, G_N_ELEMENTS (decomposed));

  if (n < 2 || decomposed[0] >= 0x80 || !g_ascii_isalpha (decomposed[0]))
    return FALSE;
  for (gsize i = 1; i < n; i++)
    if (!g_unichar_ismark (decomposed[i]))
      return FALSE;
  *base = decomposed[0];
  return TRUE;
}

static void
build_classes (void)
{
  /* Latin-1, Latin Extended-A and -B, Latin Extended Additional (where
   * the Vietnamese letters with two marks are). */
  static const gunichar ranges[][2] = { { 0x00C0, 0x024F }, { 0x1E00, 0x1EFF } };
  GString *classes[128] = { NULL };

  for (gsize r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (gunichar c = ranges[r][0]; c <= ranges[r][1]; c++)
      {
        gunichar base;

        if (decomposes_to_bare (c, &base))
          add_variant (classes, base, c);
      }
  add_variant (classes, 'd', 0x0111);   /* đ */
  add_variant (classes, 'D', 0x0110);   /* Đ */

  for (gsize i = 0; i < G_N_ELEMENTS (classes); i++)
    if (classes[i] != NULL)
      {
        g_string_append_c (classes[i], ']');
        letter_classes[i] = g_string_free (classes[i], FALSE);
      }
}

char *
byline_text_search_pattern (const char *query)
{
  static gsize built = 0;
  g_autofree char *nfc = NULL;
  GString *pattern;

  if (g_once_init_enter (&built))
    {
      build_classes ();
      g_once_init_leave (&built, 1);
    }

  nfc = g_utf8_normalize (query != NULL ? query : "", -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    nfc = g_utf8_make_valid (query, -1);

  pattern = g_string_new (NULL);
  for (const char *p = nfc; *p; p = g_utf8_next_char (p))
    {
      guchar c = (guchar) *p;

      if (c < 0x80 && letter_classes[c] != NULL)
        {
          g_string_append (pattern, letter_classes[c]);
          g_string_append (pattern, "\\p{Mn}*");
        }
      else
        {
          g_autofree char *escaped = g_regex_escape_string (p, g_utf8_next_char (p) - p);
          g_string_append (pattern, escaped);
        }
    }
  return g_string_free (pattern, FALSE);
}
