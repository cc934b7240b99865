/* byline-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include <string.h>

#include "byline-text.h"

static gboolean
keep_char (gunichar c)
{
  if (c == '\t')
    return TRUE;
  if (g_unichar_iscntrl (c))
    return FALSE;
  /* Byte order marks and other zero-width formatting that input methods and
   * PDFs leave behind; ZWJ/ZWNJ are kept, some scripts need them. */
  if (c == 0xFEFF || c == 0x200B || c == 0x2060)
    return FALSE;
  return TRUE;
}

/* Characters that NFC leaves as they are whatever follows them, as long as
 * no combining mark follows (and combining marks are outside these ranges):
 * Latin with its spacing modifiers, the Vietnamese precomposed letters of
 * Latin Extended Additional, general punctuation (but for the two singleton
 * spaces U+2000 and U+2001) and currency signs. */
static inline gboolean
nfc_stable (gunichar c)
{
  return c < 0x0300
         || (c >= 0x1E00 && c <= 0x1EFF)
         || (c >= 0x2002 && c <= 0x206F)
         || (c >= 0x20A0 && c <= 0x20CF);
}

/* Whether normalize() would give @text back unchanged: almost always so
 * for text that was normalized when it was saved, and much cheaper to
 * tell than to normalize again. */
static gboolean
already_clean (const char *text,
               gsize       length,
               gboolean    fold_space)
{
  const char *end = text + length;
  gboolean after_space = TRUE;   /* no leading space */

  for (const char *p = text; p < end;)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        c = (guchar) *p++;
      else
        {
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            return FALSE;
          p = g_utf8_next_char (p);
        }

      if (!nfc_stable (c) || c == 0)
        return FALSE;
      if (fold_space)
        {
          if (c == ' ')
            {
              if (after_space)
                return FALSE;
              after_space = TRUE;
              continue;
            }
          if (g_unichar_isspace (c) || c == 0xA0 || c == 0x202F)
            return FALSE;
        }
      else if (c == '\r')
        return FALSE;
      else if (c == '\n')
        continue;
      if (!keep_char (c))
        return FALSE;
      after_space = FALSE;
    }
  /* No trailing space either. */
  return !fold_space || !after_space || length == 0;
}

static char *
normalize (const char *text,
           gssize      length,
           gboolean    fold_space)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfc = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  if (length < 0)
    length = strlen (text);
  if (already_clean (text, length, fold_space))
    return g_strndup (text, length);

  valid = g_utf8_make_valid (text, length);
  nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    nfc = g_steal_pointer (&valid);

  out = g_string_sized_new (strlen (nfc));
  for (const char *p = nfc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (fold_space && (g_unichar_isspace (c) || c == 0xA0 || c == 0x202F))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (!fold_space && c == '\r' && p[1] == '\n')
        continue;
      if (!fold_space && (c == '\n' || c == '\r'))
        {
          g_string_append_c (out, '\n');
          continue;
        }
      if (!keep_char (c))
        continue;
      if (pending_space)
        {
          g_string_append_c (out, ' ');
          pending_space = FALSE;
        }
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
byline_text_normalize (const char *text,
                       gssize      length)
{
  return normalize (text, length, FALSE);
}

char *
byline_text_normalize_line (const char *text,
                            gssize      length)
{
  return normalize (text, length, TRUE);
}

char *
byline_text_slugify (const char *text)
{
  g_autofree char *nfd = NULL;
  GString *slug;
  gboolean dash = FALSE;

  if (text == NULL)
    return g_strdup ("");

  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (nfd == NULL)
    return g_strdup ("");

  slug = g_string_new (NULL);
  for (const char *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Combining marks are the diacritics NFD took apart. */
      if (g_unichar_ismark (c))
        continue;
      /* đ/Đ carry their stroke in the letter itself, NFD keeps them whole. */
      if (c == 0x0111 || c == 0x0110)
        c = 'd';
      c = g_unichar_tolower (c);

      if (c < 0x80 && g_ascii_isalnum (c))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          dash = FALSE;
          g_string_append_c (slug, (char) c);
        }
      else
        dash = TRUE;
    }

  return g_string_free (slug, FALSE);
}

guint
byline_text_count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (!in_word)
            words++;
          in_word = TRUE;
        }
      else if (g_unichar_isspace (c) || c == 0xA0)
        in_word = FALSE;
      /* Punctuation inside a token ("COVID-19", "10.000") keeps it one word. */
    }

  return words;
}

/* @text's words, case-folded, without the punctuation around them. */
static GPtrArray *
fold_words (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
  g_autofree char *nfc = g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = nfc != NULL ? nfc : ""; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  return words;
}

guint
byline_text_likeness (const char *a,
                      const char *b)
{
  g_autoptr(GPtrArray) words_a = fold_words (a);
  g_autoptr(GPtrArray) words_b = fold_words (b);
  g_autoptr(GHashTable) in_b = g_hash_table_new (g_str_hash, g_str_equal);
  guint shared = 0, longer = MAX (words_a->len, words_b->len);

  if (longer == 0)
    return 0;
  /* Each word of @b once: "lũ lũ lũ" is not "lũ quét qua bản". */
  for (guint i = 0; i < words_b->len; i++)
    g_hash_table_add (in_b, words_b->pdata[i]);
  for (guint i = 0; i < words_a->len; i++)
    if (g_hash_table_remove (in_b, words_a->pdata[i]))
      shared++;
  return shared * 100 / longer;
}

guint
byline_text_stands_for (const char *wanted,
                        const char *candidate)
{
  g_autofree char *a = byline_text_normalize_line (wanted, -1);
  g_autofree char *b = byline_text_normalize_line (candidate, -1);
  guint likeness;

  if (g_str_equal (a, b))
    return BYLINE_TEXT_SAME;
  likeness = byline_text_likeness (a, b);
  return likeness >= BYLINE_TEXT_LIKE_PERCENT ? likeness : 0;
}

guint
byline_text_reading_minutes (guint words,
                             guint words_per_minute)
{
  if (words == 0)
    return 0;
  if (words_per_minute == 0)
    words_per_minute = 200;
  return MAX (1, (words + words_per_minute / 2) / words_per_minute);
}

gboolean
byline_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

char *
byline_text_prefix_lead (const char *lead,
                         const char *source_prefix)
{
  g_autofree char *marker = NULL;

  if (lead == NULL || *lead == '\0')
    return g_strdup ("");
  if (byline_text_is_blank (source_prefix))
    return g_strdup (lead);

  marker = g_strdup_printf ("(%s)", source_prefix);
  if (g_str_has_prefix (lead, marker))
    return g_strdup (lead);
  return g_strdup_printf ("%s - %s", marker, lead);
}

/* The credit as the exports print it, marker and all ("Ảnh: Hà Anh"): its
 * own words a name or an agency, short, with no sentence in them. */
#define CREDIT "((?:Ảnh|Photo|Nguồn ảnh)\\s*:\\s*(?:[^.!?()\\n]){1,60}?)"

/* After a sentence's end, a dash, or in brackets at the very end; the
 * caption must have words of its own before it.  Compiled once: the checks
 * ask about every caption at every run. */
static GRegex *const *
credit_patterns (void)
{
  static const char *const patterns[] = {
    "^(.*\\S.*[.!?…])\\s+" CREDIT "\\s*\\.?\\s*$",
    "^(.*\\S)\\s+[-–—]\\s+" CREDIT "\\s*\\.?\\s*$",
    "^(.*\\S)\\s*\\(\\s*" CREDIT "\\s*\\)\\s*\\.?\\s*$",
    NULL
  };
  static GRegex *regexes[G_N_ELEMENTS (patterns)];
  static gsize compiled;

  if (g_once_init_enter (&compiled))
    {
      for (gsize i = 0; patterns[i] != NULL; i++)
        {
          regexes[i] = g_regex_new (patterns[i], G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
          g_assert (regexes[i] != NULL);
        }
      g_once_init_leave (&compiled, 1);
    }
  return (GRegex *const *) regexes;
}

char *
byline_text_split_credit (const char  *caption,
                          char       **credit)
{
  GRegex *const *patterns;

  g_return_val_if_fail (credit != NULL, NULL);

  *credit = NULL;
  /* Every credit has its colon: most captions are done here. */
  if (caption == NULL || strchr (caption, ':') == NULL)
    return NULL;
  patterns = credit_patterns ();
  for (gsize i = 0; patterns[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (patterns[i], caption, 0, &match))
        {
          g_autofree char *who = g_match_info_fetch (match, 2);

          *credit = g_strstrip (g_steal_pointer (&who));
          return g_strstrip (g_match_info_fetch (match, 1));
        }
    }
  return NULL;
}

/* "Bài và ảnh: " and the like in front of the names, any case. */
static const char *
skip_byline_marker (const char *text)
{
  static const char *const markers[] = {
    "bài và ảnh", "bài, ảnh", "bài/ảnh", "bài - ảnh", "tin và ảnh", "tin, ảnh", "tin/ảnh",
    "bài", "tin", NULL
  };

  for (gsize i = 0; markers[i] != NULL; i++)
    {
      const char *m = markers[i], *p = text;

      while (*m != '\0' && *p != '\0'
             && g_unichar_tolower (g_utf8_get_char (p)) == g_utf8_get_char (m))
        {
          p = g_utf8_next_char (p);
          m = g_utf8_next_char (m);
        }
      if (*m != '\0')
        continue;
      while (*p == ' ')
        p++;
      if (*p == ':')
        return p + 1;
    }
  if (g_str_has_prefix (text, "By "))
    return text + 3;
  return text;
}

/* "Anh", "Dũng", "PV": letters only, a capital first, then all small or all capitals. */
static gboolean
is_name_word (const char *word,
              gboolean   *capitals)
{
  gboolean small = FALSE, big = FALSE;

  if (!g_unichar_isupper (g_utf8_get_char (word)))
    return FALSE;
  for (const char *p = g_utf8_next_char (word); *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        small = TRUE;
      else if (g_unichar_isupper (c))
        big = TRUE;
      else
        return FALSE;
    }
  *capitals = !small;
  return !(small && big);
}

/* Two to five words, or one abbreviation: "PV", "TTXVN". */
static gboolean
is_name (const char *name,
         guint       n_words,
         gboolean    all_capitals)
{
  glong length = g_utf8_strlen (name, -1);

  if (n_words == 1)
    return all_capitals && length >= 2 && length <= 6;
  return n_words >= 2 && n_words <= 5;
}

/* "Huyện Mường Tè", "Bản Lầy": a place, written as a name is.  (Words
 * that are also family names, as "Hồ", are not here.) */
static gboolean
is_place_word (const char *word)
{
  static const char *const places[] = {
    "Tỉnh", "Huyện", "Xã", "Phường", "Quận", "TP", "TP.", "Bản", "Thôn", "Xóm", "Làng",
    "Sông", "Suối", "Núi", "Đèo", "Khu", NULL
  };

  return g_strv_contains (places, word);
}

static gboolean
is_name_separator (const char *token)
{
  static const char *const separators[] = { ",", "/", "-", "–", "—", "&", "và", NULL };

  return g_strv_contains (separators, token);
}

char **
byline_text_parse_byline (const char *paragraph)
{
  g_autoptr(GStrvBuilder) authors = g_strv_builder_new ();
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) spaced = NULL;
  g_auto(GStrv) tokens = NULL;
  const char *names;
  guint n_authors = 0, n_words = 0;
  gboolean all_capitals = TRUE;

  if (paragraph == NULL)
    return NULL;
  while (*paragraph == ' ')
    paragraph++;
  names = skip_byline_marker (paragraph);
  /* "Theo TTXVN": where the story was taken from, not who wrote it. */
  if (g_utf8_strlen (names, -1) > 80 || g_str_has_prefix (names, "Theo "))
    return NULL;

  /* "Hà Anh, Lò Dũng" and "Hà Anh/Lò Dũng": the separators as words. */
  spaced = g_string_new (names);
  g_string_replace (spaced, ",", " , ", 0);
  g_string_replace (spaced, "/", " / ", 0);
  tokens = g_strsplit (spaced->str, " ", -1);

  for (guint i = 0;; i++)
    {
      const char *token = tokens[i];
      gboolean capitals = FALSE;

      if (token != NULL && *token == '\0')
        continue;
      if (token == NULL || is_name_separator (token))
        {
          if (!is_name (name->str, n_words, all_capitals) || ++n_authors > 4)
            return NULL;
          g_strv_builder_add (authors, name->str);
          g_string_truncate (name, 0);
          n_words = 0;
          all_capitals = TRUE;
          if (token == NULL)
            break;
          continue;
        }
      if (!is_name_word (token, &capitals) || (n_words == 0 && is_place_word (token)))
        return NULL;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, token);
      all_capitals = all_capitals && capitals;
      n_words++;
    }
  return g_strv_builder_end (authors);
}
