/* byline-tone.c
 *
 * A syllable is read the way Vietnamese spelling builds it: an initial consonant
 * ("ngh", "qu", "gi", ...), a vowel nucleus with its glides ("oa", "uyê", "ươi"),
 * an optional final consonant (c, ch, m, n, ng, nh, p, t) and at most one tone
 * mark.  The place of the mark then follows from the nucleus alone:
 *
 *   - a vowel with its own mark (ă â ê ô ơ ư) takes it; of two ("ươ"), the second;
 *   - a single vowel takes it;
 *   - before a final consonant, the last vowel ("hoàng", "huỳnh", "khoét");
 *   - in three vowels, the middle one ("ngoài", "khuỷu");
 *   - in an open "oa", "oe", "uy": the first vowel in the classic style, the
 *     second in the modern one — the only syllables the two styles disagree on;
 *   - in any other two vowels, the first ("mùa", "mía", "núi", "tàu").
 *
 * The "u" of "qu" and the "i" of "gi" belong to the initial ("quý", "giá",
 * "giữa"); "gì", "gìn" have no vowel after "gi", so their "i" is the nucleus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include <string.h>

#include "byline-tone-private.h"

#define MAX_LETTERS 8   /* "nghiêng" has 7 */

#define MARK_GRAVE      0x0300
#define MARK_ACUTE      0x0301
#define MARK_CIRCUMFLEX 0x0302
#define MARK_TILDE      0x0303
#define MARK_BREVE      0x0306
#define MARK_HOOK       0x0309
#define MARK_HORN       0x031B
#define MARK_DOT_BELOW  0x0323

G_DEFINE_ENUM_TYPE (BylineToneStyle, byline_tone_style,
  G_DEFINE_ENUM_VALUE (BYLINE_TONE_STYLE_ANY, "any"),
  G_DEFINE_ENUM_VALUE (BYLINE_TONE_STYLE_CLASSIC, "classic"),
  G_DEFINE_ENUM_VALUE (BYLINE_TONE_STYLE_MODERN, "modern"))

typedef struct
{
  gunichar letter;    /* lower case, no mark at all: a–z or đ */
  gunichar modifier;  /* MARK_CIRCUMFLEX, MARK_BREVE, MARK_HORN or 0 */
  gboolean upper;
} Letter;

typedef struct
{
  Letter   letters[MAX_LETTERS];
  char     bases[MAX_LETTERS * 4 + 1]; /* the letters with modifiers, lower case, UTF-8 */
  guint    offsets[MAX_LETTERS + 1];   /* of each letter in bases */
  guint    n;
  gunichar tone;
  int      tone_at;
  guint    ns;                         /* nucleus: letters [ns, ne) */
  guint    ne;
  gboolean has_final;
} Syllable;

typedef enum
{
  EITHER,       /* with or without a final consonant */
  OPEN,         /* ends in a glide: never a final consonant */
  CLOSED,       /* needs a final consonant */
} NucleusKind;

static const struct
{
  const char  *vowels;
  NucleusKind  kind;
} nuclei[] = {
  { "a", EITHER }, { "ă", CLOSED }, { "â", CLOSED }, { "e", EITHER }, { "ê", EITHER },
  { "i", EITHER }, { "o", EITHER }, { "ô", EITHER }, { "ơ", EITHER }, { "u", EITHER },
  { "ư", EITHER }, { "y", EITHER },
  { "ai", OPEN }, { "ao", OPEN }, { "au", OPEN }, { "ay", OPEN }, { "âu", OPEN },
  { "ây", OPEN }, { "eo", OPEN }, { "êu", OPEN }, { "ia", OPEN }, { "iê", CLOSED },
  { "iu", OPEN }, { "oa", EITHER }, { "oă", CLOSED }, { "oe", EITHER }, { "oi", OPEN },
  { "oo", CLOSED }, { "ôi", OPEN }, { "ơi", OPEN }, { "ua", OPEN }, { "uâ", CLOSED },
  { "uê", EITHER }, { "ui", OPEN }, { "uô", CLOSED }, { "uơ", OPEN }, { "uy", EITHER },
  { "ưa", OPEN }, { "ưi", OPEN }, { "ưu", OPEN }, { "ươ", CLOSED }, { "yê", CLOSED },
  { "iêu", OPEN }, { "yêu", OPEN }, { "oai", OPEN }, { "oao", OPEN }, { "oay", OPEN },
  { "oeo", OPEN }, { "uây", OPEN }, { "uôi", OPEN }, { "uya", OPEN }, { "uyê", CLOSED },
  { "uyu", OPEN }, { "ươi", OPEN }, { "ươu", OPEN },
};

/* Longest first; "gi" and "qu" only before another vowel (see parse_initial). */
static const char * const initials[] = {
  "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
  "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
};

static const char * const finals[] = {
  "", "c", "ch", "m", "n", "ng", "nh", "p", "t",
};

static gboolean
is_tone_mark (gunichar c)
{
  return c == MARK_GRAVE || c == MARK_ACUTE || c == MARK_TILDE
         || c == MARK_HOOK || c == MARK_DOT_BELOW;
}

static gboolean
is_modifier_mark (gunichar c)
{
  return c == MARK_CIRCUMFLEX || c == MARK_BREVE || c == MARK_HORN;
}

static gboolean
is_vowel_letter (gunichar c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

static gboolean
modifier_allowed (gunichar letter,
                  gunichar modifier)
{
  switch (modifier)
    {
    case MARK_CIRCUMFLEX: return letter == 'a' || letter == 'e' || letter == 'o';
    case MARK_BREVE:      return letter == 'a';
    case MARK_HORN:       return letter == 'o' || letter == 'u';
    default:              return FALSE;
    }
}

/* Splits a word into letters, their vowel modifiers and the tone mark.  FALSE for
 * anything that cannot be a Vietnamese syllable's letters. */
static gboolean
split_letters (const char *word,
               gssize      length,
               Syllable   *syl)
{
  const char *end = word + (length < 0 ? (gssize) strlen (word) : length);

  memset (syl, 0, sizeof *syl);
  syl->tone_at = -1;

  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    {
      gunichar parts[8];
      gsize n_parts = g_unichar_fully_decompose (g_utf8_get_char (p), FALSE, parts, G_N_ELEMENTS (parts));

      for (gsize k = 0; k < n_parts; k++)
        {
          gunichar c = parts[k];

          if (is_tone_mark (c))
            {
              if (syl->n == 0 || syl->tone != 0)
                return FALSE;
              syl->tone = c;
              syl->tone_at = syl->n - 1;
            }
          else if (is_modifier_mark (c))
            {
              Letter *l;

              if (syl->n == 0)
                return FALSE;
              l = &syl->letters[syl->n - 1];
              if (l->modifier != 0 || !modifier_allowed (l->letter, c))
                return FALSE;
              l->modifier = c;
            }
          else
            {
              gunichar lower = g_unichar_tolower (c);

              if (syl->n == MAX_LETTERS)
                return FALSE;
              if (!((lower >= 'a' && lower <= 'z') || lower == 0x0111))
                return FALSE;
              syl->letters[syl->n].letter = lower;
              syl->letters[syl->n].upper = g_unichar_isupper (c);
              syl->n++;
            }
        }
    }

  if (syl->n == 0)
    return FALSE;

  for (guint i = 0; i < syl->n; i++)
    {
      gunichar base = syl->letters[i].letter;
      char buf[8];
      int len;

      if (syl->letters[i].modifier != 0)
        g_unichar_compose (base, syl->letters[i].modifier, &base);
      syl->offsets[i] = (guint) strlen (syl->bases);
      len = g_unichar_to_utf8 (base, buf);
      buf[len] = '\0';
      g_strlcat (syl->bases, buf, sizeof syl->bases);
    }
  syl->offsets[syl->n] = (guint) strlen (syl->bases);

  return TRUE;
}

static gboolean
letter_is_vowel (const Syllable *syl,
                 guint           i)
{
  return i < syl->n && is_vowel_letter (syl->letters[i].letter);
}

static guint
parse_initial (const Syllable *syl)
{
  for (gsize i = 0; i < G_N_ELEMENTS (initials); i++)
    {
      const char *ini = initials[i];
      gsize len = strlen (ini);
      guint n_letters = (guint) g_utf8_strlen (ini, -1);

      if (n_letters > syl->n || strncmp (syl->bases, ini, len) != 0
          || syl->offsets[n_letters] != len)
        continue;
      /* "gi" and "qu" are initials only when a vowel follows: "giá", "quý",
       * but "gì", "gìn" (the "i" is the vowel). */
      if ((strcmp (ini, "gi") == 0 || strcmp (ini, "qu") == 0)
          && !letter_is_vowel (syl, n_letters))
        continue;
      return n_letters;
    }
  return 0;
}

static const char *
nucleus_string (const Syllable *syl,
                char           *buf,
                gsize           size)
{
  guint from = syl->offsets[syl->ns];
  guint to = syl->offsets[syl->ne];

  g_strlcpy (buf, syl->bases + from, MIN (size, (gsize) (to - from) + 1));
  return buf;
}

/* Finds initial, nucleus and final; FALSE when they do not make a syllable. */
static gboolean
parse (const char *word,
       gssize      length,
       Syllable   *syl)
{
  char nucleus[MAX_LETTERS * 4 + 1];
  const char *final;
  gboolean known = FALSE;

  if (!split_letters (word, length, syl))
    return FALSE;

  syl->ns = parse_initial (syl);
  syl->ne = syl->ns;
  while (letter_is_vowel (syl, syl->ne))
    syl->ne++;
  if (syl->ne == syl->ns)
    return FALSE;

  final = syl->bases + syl->offsets[syl->ne];
  for (gsize i = 0; i < G_N_ELEMENTS (finals) && !known; i++)
    known = strcmp (final, finals[i]) == 0;
  if (!known)
    return FALSE;
  syl->has_final = *final != '\0';

  nucleus_string (syl, nucleus, sizeof nucleus);
  for (gsize i = 0; i < G_N_ELEMENTS (nuclei); i++)
    if (strcmp (nuclei[i].vowels, nucleus) == 0)
      {
        if (nuclei[i].kind == OPEN && syl->has_final)
          return FALSE;
        if (nuclei[i].kind == CLOSED && !syl->has_final)
          return FALSE;
        /* A tone mark on a consonant is no Vietnamese. */
        if (syl->tone_at >= 0 && !letter_is_vowel (syl, syl->tone_at))
          return FALSE;
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_style_dependent (const Syllable *syl)
{
  char nucleus[MAX_LETTERS * 4 + 1];

  if (syl->has_final || syl->ne - syl->ns != 2)
    return FALSE;
  nucleus_string (syl, nucleus, sizeof nucleus);
  return strcmp (nucleus, "oa") == 0 || strcmp (nucleus, "oe") == 0 || strcmp (nucleus, "uy") == 0;
}

static guint
tone_place (const Syllable  *syl,
            BylineToneStyle  style)
{
  int last_modified = -1;

  for (guint i = syl->ns; i < syl->ne; i++)
    if (syl->letters[i].modifier != 0)
      last_modified = i;
  if (last_modified >= 0)
    return last_modified;
  if (syl->ne - syl->ns == 1)
    return syl->ns;
  if (syl->has_final)
    return syl->ne - 1;
  if (syl->ne - syl->ns == 3)
    return syl->ns + 1;
  if (is_style_dependent (syl))
    {
      if (style == BYLINE_TONE_STYLE_ANY)
        style = syl->tone_at == (int) syl->ns ? BYLINE_TONE_STYLE_CLASSIC : BYLINE_TONE_STYLE_MODERN;
      return style == BYLINE_TONE_STYLE_CLASSIC ? syl->ns : syl->ns + 1;
    }
  return syl->ns;
}

static BylineTonePlacement
placement_of (const Syllable *syl)
{
  if (syl->tone == 0)
    return BYLINE_TONE_PLACEMENT_NEUTRAL;
  if (is_style_dependent (syl))
    {
      if (syl->tone_at == (int) syl->ns)
        return BYLINE_TONE_PLACEMENT_CLASSIC;
      if (syl->tone_at == (int) syl->ns + 1)
        return BYLINE_TONE_PLACEMENT_MODERN;
      return BYLINE_TONE_PLACEMENT_MISPLACED;
    }
  if (syl->tone_at == (int) tone_place (syl, BYLINE_TONE_STYLE_ANY))
    return BYLINE_TONE_PLACEMENT_NEUTRAL;
  return BYLINE_TONE_PLACEMENT_MISPLACED;
}

static void
append_syllable (GString        *out,
                 const Syllable *syl,
                 int             tone_at)
{
  g_autofree char *nfc = NULL;
  GString *nfd = g_string_new (NULL);

  for (guint i = 0; i < syl->n; i++)
    {
      const Letter *l = &syl->letters[i];

      g_string_append_unichar (nfd, l->upper ? g_unichar_toupper (l->letter) : l->letter);
      /* Canonical order: horn (class 216) and dot below (220) before the
       * class-230 marks; g_utf8_normalize() sorts them anyway. */
      if (l->modifier != 0)
        g_string_append_unichar (nfd, l->modifier);
      if ((int) i == tone_at)
        g_string_append_unichar (nfd, syl->tone);
    }
  nfc = g_utf8_normalize (nfd->str, nfd->len, G_NORMALIZE_NFC);
  g_string_append (out, nfc);
  g_string_free (nfd, TRUE);
}

BylineTonePlacement
byline_tone_classify (const char *word,
                      gssize      length)
{
  Syllable syl;

  g_return_val_if_fail (word != NULL, BYLINE_TONE_PLACEMENT_NONE);

  if (!parse (word, length, &syl))
    return BYLINE_TONE_PLACEMENT_NONE;
  return placement_of (&syl);
}

gboolean
byline_tone_is_syllable (const char *word,
                         gssize      length)
{
  Syllable syl;

  g_return_val_if_fail (word != NULL, FALSE);

  return parse (word, length, &syl);
}

char *
byline_tone_place (const char      *word,
                   gssize           length,
                   BylineToneStyle  style)
{
  Syllable syl;
  GString *out;

  g_return_val_if_fail (word != NULL, NULL);

  if (length < 0)
    length = strlen (word);
  if (!parse (word, length, &syl) || syl.tone == 0)
    return g_utf8_normalize (word, length, G_NORMALIZE_NFC);

  out = g_string_new (NULL);
  append_syllable (out, &syl, tone_place (&syl, style));
  return g_string_free (out, FALSE);
}

GArray *
byline_tone_scan (const char *text)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (BylineToneSyllable));
  BylineWordIter iter;
  BylineWord word;

  g_return_val_if_fail (text != NULL, found);

  _byline_word_iter_init (&iter, text);
  while (_byline_word_iter_next (&iter, &word))
    {
      BylineToneSyllable s = { word.cstart, word.cend, BYLINE_TONE_PLACEMENT_NONE };

      if (word.in_link)
        continue;
      s.placement = byline_tone_classify (word.start, word.length);
      if (s.placement == BYLINE_TONE_PLACEMENT_CLASSIC
          || s.placement == BYLINE_TONE_PLACEMENT_MODERN
          || s.placement == BYLINE_TONE_PLACEMENT_MISPLACED)
        g_array_append_val (found, s);
    }
  return found;
}

void
byline_tone_count (const char       *text,
                   BylineToneCounts *counts)
{
  g_autoptr(GArray) found = NULL;

  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);
  if (text == NULL)
    return;

  found = byline_tone_scan (text);
  for (guint i = 0; i < found->len; i++)
    switch (g_array_index (found, BylineToneSyllable, i).placement)
      {
      case BYLINE_TONE_PLACEMENT_CLASSIC: counts->classic++; break;
      case BYLINE_TONE_PLACEMENT_MODERN: counts->modern++; break;
      case BYLINE_TONE_PLACEMENT_MISPLACED: counts->misplaced++; break;
      case BYLINE_TONE_PLACEMENT_NONE:
      case BYLINE_TONE_PLACEMENT_NEUTRAL:
      default: break;
      }
}

BylineToneStyle
byline_tone_detect (const char *text)
{
  BylineToneCounts counts;

  byline_tone_count (text, &counts);
  if (counts.classic > counts.modern)
    return BYLINE_TONE_STYLE_CLASSIC;
  if (counts.modern > counts.classic)
    return BYLINE_TONE_STYLE_MODERN;
  return BYLINE_TONE_STYLE_ANY;
}

gboolean
byline_tone_is_mixed (const char *text)
{
  BylineToneCounts counts;

  byline_tone_count (text, &counts);
  return counts.classic > 0 && counts.modern > 0;
}

char *
byline_tone_convert (const char      *text,
                     BylineToneStyle  style)
{
  BylineWordIter iter;
  BylineWord word;
  GString *out;
  const char *copied = text;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  _byline_word_iter_init (&iter, text);
  while (_byline_word_iter_next (&iter, &word))
    {
      Syllable syl;
      guint place;

      if (word.in_link || !parse (word.start, word.length, &syl) || syl.tone == 0)
        continue;
      place = tone_place (&syl, style);
      if ((int) place == syl.tone_at)
        continue;

      g_string_append_len (out, copied, word.start - copied);
      append_syllable (out, &syl, place);
      copied = word.start + word.length;
    }
  g_string_append (out, copied);
  return g_string_free (out, FALSE);
}

const char *
byline_tone_style_to_string (BylineToneStyle style)
{
  switch (style)
    {
    case BYLINE_TONE_STYLE_CLASSIC: return "classic";
    case BYLINE_TONE_STYLE_MODERN: return "modern";
    case BYLINE_TONE_STYLE_ANY:
    default: return "any";
    }
}

gboolean
byline_tone_style_from_string (const char      *str,
                               BylineToneStyle *style)
{
  static const struct { const char *name; BylineToneStyle style; } names[] = {
    { "any", BYLINE_TONE_STYLE_ANY },
    { "classic", BYLINE_TONE_STYLE_CLASSIC },
    { "modern", BYLINE_TONE_STYLE_MODERN },
  };

  g_return_val_if_fail (style != NULL, FALSE);

  for (gsize i = 0; str != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (str, names[i].name) == 0)
      {
        *style = names[i].style;
        return TRUE;
      }
  return FALSE;
}

/* ------------------------------------------------------------------ words */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

static void
scan_chunk (BylineWordIter *iter)
{
  const char *p = iter->p;

  iter->chunk_digit = FALSE;
  iter->chunk_link = FALSE;
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0 || c == 0x202F)
        break;
      if (g_unichar_isdigit (c))
        iter->chunk_digit = TRUE;
      else if (c == '@' || (c == ':' && p[1] == '/' && p[2] == '/'))
        iter->chunk_link = TRUE;
      p = g_utf8_next_char (p);
    }
  if (g_str_has_prefix (iter->p, "www."))
    iter->chunk_link = TRUE;
  iter->chunk_end = p;
}

void
_byline_word_iter_init (BylineWordIter *iter,
                        const char     *text)
{
  memset (iter, 0, sizeof *iter);
  iter->p = text;
  iter->chunk_end = text;
}

gboolean
_byline_word_iter_next (BylineWordIter *iter,
                        BylineWord     *word)
{
  gboolean had_space = FALSE;
  gboolean had_other = FALSE;

  while (*iter->p)
    {
      gunichar c = g_utf8_get_char (iter->p);
      gboolean space = g_unichar_isspace (c) || c == 0xA0 || c == 0x202F;

      if (!space && iter->p >= iter->chunk_end)
        scan_chunk (iter);
      if (is_word_char (c))
        break;
      if (space)
        had_space = TRUE;
      else
        had_other = TRUE;
      iter->p = g_utf8_next_char (iter->p);
      iter->cpos++;
    }
  if (*iter->p == '\0')
    return FALSE;

  word->start = iter->p;
  word->cstart = iter->cpos;
  while (*iter->p && is_word_char (g_utf8_get_char (iter->p)))
    {
      iter->p = g_utf8_next_char (iter->p);
      iter->cpos++;
    }
  word->length = iter->p - word->start;
  word->cend = iter->cpos;
  word->space_before = iter->have_previous && had_space && !had_other;
  word->near_digit = iter->chunk_digit;
  word->in_link = iter->chunk_link;
  iter->have_previous = TRUE;
  return TRUE;
}

/* Initials that sound alike in one dialect or another, and that reporters
 * therefore swap in writing: "di rời" for "di dời", "xạt lở" for "sạt lở",
 * "trung cư" for "chung cư", "nông" for "lông".  Folded to one letter. */
static void
fold_initial (GString *out,
              gsize    start)
{
  char *w = out->str + start;
  gsize len = out->len - start;

  if (len >= 3 && w[0] == 't' && w[1] == 'r')
    {
      g_string_erase (out, start, 2);
      g_string_insert (out, start, "ch");
    }
  else if (len >= 3 && w[0] == 'g' && w[1] == 'i' && is_vowel_letter (w[2]))
    {
      g_string_erase (out, start, 2);
      g_string_insert_c (out, start, 'd');
    }
  else if (len >= 2 && w[0] == 'x')
    w[0] = 's';
  else if (len >= 2 && w[0] == 'r')
    w[0] = 'd';
  else if (len >= 2 && w[0] == 'n' && w[1] != 'g' && w[1] != 'h')
    w[0] = 'l';
}

void
_byline_word_fold (const char *word,
                   gsize       length,
                   GString    *out)
{
  const char *end = word + length;
  gsize start = out->len;
  gsize n_letters = 0;

  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    {
      gunichar parts[8];
      gsize n = g_unichar_fully_decompose (g_utf8_get_char (p), FALSE, parts, G_N_ELEMENTS (parts));

      for (gsize k = 0; k < n; k++)
        {
          gunichar c;

          if (g_unichar_ismark (parts[k]))
            continue;
          c = g_unichar_tolower (parts[k]);
          if (c == 0x0111)
            c = 'd';
          g_string_append_unichar (out, c);
          n_letters++;
        }
    }

  /* A final "y" that is the whole vowel — "kỹ", "lý", "mỹ", "quý" — is the "i"
   * others write: fold both to "i".  "Huy", "thuỷ", "tay" keep their "y". */
  if (n_letters >= 2 && out->str[out->len - 1] == 'y')
    {
      char before = out->str[out->len - 2];
      gboolean after_qu = out->len - start >= 3 && before == 'u' && out->str[out->len - 3] == 'q';

      if (after_qu || (before >= 'a' && before <= 'z' && !is_vowel_letter (before)))
        out->str[out->len - 1] = 'i';
    }

  fold_initial (out, start);
}

gboolean
_byline_word_has_marks (const char *word,
                        gsize       length)
{
  const char *end = word + length;

  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x80 && (c == 0x0111 || c == 0x0110 || g_unichar_ismark (c)
                        || g_unichar_fully_decompose (c, FALSE, NULL, 0) > 1))
        return TRUE;
    }
  return FALSE;
}

gboolean
_byline_word_is_upper (const char *word,
                       gsize       length)
{
  const char *end = word + length;
  guint letters = 0;

  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;
      if (!g_unichar_isupper (c))
        return FALSE;
      letters++;
    }
  return letters >= 2;
}

char *
_byline_word_with_case_of (const char *word,
                           const char *suggestion)
{
  if (_byline_word_is_upper (word, strlen (word)))
    return g_utf8_strup (suggestion, -1);
  if (g_unichar_isupper (g_utf8_get_char (word)))
    {
      char buf[8];
      int len = g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (suggestion)), buf);

      return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (suggestion));
    }
  return g_strdup (suggestion);
}
