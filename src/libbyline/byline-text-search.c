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

#include <string.h>

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

typedef enum
{
  CASE_NONE,     /* no cased letter */
  CASE_LOWER,    /* a small first letter */
  CASE_TITLE,    /* a capital first, no capital after it */
  CASE_MIXED,    /* a capital first, another after it */
  CASE_UPPER,    /* two cased letters or more, all capitals */
} CaseShape;

static CaseShape
case_shape (const char *text)
{
  gboolean first = TRUE, first_upper = FALSE, later_upper = FALSE, any_lower = FALSE;
  guint cased = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean upper = g_unichar_isupper (c) || g_unichar_istitle (c);

      if (!upper && !g_unichar_islower (c))
        continue;
      cased++;
      if (first)
        first_upper = upper;
      else
        later_upper = later_upper || upper;
      any_lower = any_lower || !upper;
      first = FALSE;
    }
  if (cased == 0)
    return CASE_NONE;
  if (cased >= 2 && !any_lower)
    return CASE_UPPER;
  if (!first_upper)
    return CASE_LOWER;
  return later_upper ? CASE_MIXED : CASE_TITLE;
}

/* @text with its first cased letter made @upper. */
static char *
set_first_letter (const char *text,
                  gboolean    upper)
{
  GString *out = g_string_new (NULL);
  gboolean done = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!done && (g_unichar_isupper (c) || g_unichar_islower (c) || g_unichar_istitle (c)))
        {
          c = upper ? g_unichar_totitle (c) : g_unichar_tolower (c);
          done = TRUE;
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
byline_text_match_case (const char *replacement,
                        const char *match,
                        const char *query)
{
  CaseShape found, wanted;

  g_return_val_if_fail (replacement != NULL, NULL);

  if (match == NULL)
    return g_strdup (replacement);
  found = case_shape (match);
  wanted = case_shape (replacement);
  if (wanted == CASE_NONE || wanted == CASE_MIXED)
    return g_strdup (replacement);
  /* Words in capitals are a headline's; one is an abbreviation ("UBND"),
   * which says nothing of the case of its replacement but its first letter. */
  if (found == CASE_UPPER && strchr (match, ' ') != NULL)
    return g_utf8_strup (replacement, -1);
  if (found == CASE_UPPER)
    found = CASE_TITLE;
  if ((found == CASE_TITLE || found == CASE_MIXED) && wanted == CASE_LOWER)
    return set_first_letter (replacement, TRUE);
  if (found == CASE_LOWER && wanted == CASE_TITLE && query != NULL && case_shape (query) == CASE_TITLE)
    return set_first_letter (replacement, FALSE);
  return g_strdup (replacement);
}

GRegex *
byline_text_search_regex (const char *query,
                          gboolean    match_case,
                          gboolean    match_diacritics)
{
  g_autofree char *pattern = NULL;

  if (query == NULL || *query == '\0')
    return NULL;
  pattern = match_diacritics ? g_regex_escape_string (query, -1) : byline_text_search_pattern (query);
  return g_regex_new (pattern, match_case ? 0 : G_REGEX_CASELESS, 0, NULL);
}
