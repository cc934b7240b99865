/* byline-consistency.c
 *
 * The heuristic, and why it is careful.  Vietnamese has many words that differ
 * by their marks alone (ma, má, mà, mả, mã, mạ), so a single syllable written two
 * ways proves nothing, and is never flagged.  What is compared are phrases of two
 * or three syllables that follow each other with only spaces between them (plus
 * words of one piece that are no Vietnamese syllable, to catch "LaiChâu" against
 * "Lai Châu").  Two phrases are spellings of one word when they are equal once
 * lower-cased, stripped of every mark ("đ" → "d"), with their tone marks moved to
 * one place (the tone check handles "hòa"/"hoà"), "y" folded to "i" where it is
 * a whole vowel ("kỹ"/"kĩ") and the initials that dialects merge folded to one
 * (d/r/gi, s/x, ch/tr, l/n: "di rời" for "di dời").
 *
 * In each group the spelling with the highest score — uses in the article plus
 * archive documents that use it — dominates when it scores at least 2, and a rarer
 * spelling is flagged when the dominant one scores at least twice as much, unless
 * the archive has established it (3 or more documents and at least a twentieth of
 * the dominant's).  Two kinds of pairs are left alone unless every word is
 * capitalized (a name): those whose shared words include a function word ("các
 * bản", villages, and "các bạn", friends, are both right), and those that differ
 * in a pronoun ("cứu hộ", rescue, and "cứu họ", save them; "bán hàng" and "bạn
 * hàng"), in two function words ("dân đã"/"dân ra"), or in a syllable by both
 * its marks and its letters ("phương rà"/"phương đã"); and phrases that share
 * no syllable at all ("lở vẫn", a landslide still, and "Lò Văn", a name), even
 * names: a slip changes one syllable.  A function word against
 * a content word is kept: "chia sẽ" for "chia sẻ" and "cũng cố" for "củng cố"
 * are the slips this check is for.  Of overlapping flags the shortest phrase
 * wins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "byline-consistency-private.h"
#include "byline-error.h"
#include "byline-text.h"
#include "byline-tone-private.h"

#define MIN_DOMINANT_SCORE  2
#define DOMINANCE_RATIO     2
#define ESTABLISHED_DOCS    3
#define ESTABLISHED_SHARE   20  /* established: at least 1/20 of the dominant's documents */
#define MAX_NGRAM           3
#define MIN_JOINED_LETTERS  4

/* Function words, classifiers and number words: two phrases that share one are
 * too often two right words ("các bản"/"các bạn", "một nửa"/"một nữa" aside). */
static const char * const function_words[] = {
  "à", "ạ", "ai", "ấy", "ba", "bao", "bằng", "bảy", "bị", "bởi", "bốn",
  "các", "cái", "cả", "cho", "chiếc", "chín", "chưa", "chứ", "có",
  "con", "còn", "cũng", "cùng", "của", "cuộc", "dù", "do", "đã", "đang", "đây",
  "để", "đến", "đều", "đi", "đó", "được", "gì", "giữa", "hai", "hay", "hết",
  "hoặc", "khi", "không", "kia", "là", "lại", "lên", "mà", "mỗi",
  "mọi", "một", "mười", "năm", "nào", "này", "nên", "nếu", "ngàn", "nghìn", "ngoài",
  "nhé", "nhỉ", "nhiều", "như", "nhưng", "những", "nữa", "ở", "ra", "rằng",
  "rất", "sau", "sáu", "sao", "sẽ", "sự", "tại", "tám", "thế", "thì", "thôi",
  "theo", "tới", "trăm", "trên", "triệu", "trong", "trước", "từ", "từng",
  "tỷ", "tỉ", "và", "vào", "vẫn", "vậy", "về", "vì", "việc", "với", "xuống",
};

/* Pronouns and forms of address: "cứu họ" is no misspelling of "cứu hộ". */
static const char * const pronouns[] = {
  "anh", "bà", "bác", "bạn", "cậu", "cháu", "chị", "chú", "chúng", "cô", "dì", "em",
  "hắn", "họ", "mày", "mình", "nó", "ông", "ta", "tao", "tôi",
};

static GHashTable *
word_set (const char * const *words,
          gsize               n_words)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (gsize i = 0; i < n_words; i++)
    g_hash_table_add (set, (gpointer) words[i]);
  return set;
}

gboolean
_byline_is_function_word (const char *form)
{
  static GHashTable *set;

  if (g_once_init_enter_pointer (&set))
    g_once_init_leave_pointer (&set, word_set (function_words, G_N_ELEMENTS (function_words)));
  return g_hash_table_contains (set, form);
}

static gboolean
is_pronoun (const char *form)
{
  static GHashTable *set;

  if (g_once_init_enter_pointer (&set))
    g_once_init_leave_pointer (&set, word_set (pronouns, G_N_ELEMENTS (pronouns)));
  return g_hash_table_contains (set, form);
}

static void
token_clear (gpointer data)
{
  BylineToken *t = data;

  g_free (t->form);
  g_free (t->key);
}

GArray *
_byline_tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (BylineToken));
  GString *key = g_string_new (NULL);
  BylineWordIter iter;
  BylineWord word;
  gboolean gap = TRUE;

  g_array_set_clear_func (tokens, token_clear);
  _byline_word_iter_init (&iter, text);
  while (_byline_word_iter_next (&iter, &word))
    {
      g_autofree char *placed = NULL;
      BylineToken t = { 0 };

      if (word.in_link || word.near_digit)
        {
          gap = TRUE;
          continue;
        }

      placed = byline_tone_place (word.start, word.length, BYLINE_TONE_STYLE_MODERN);
      g_string_truncate (key, 0);
      _byline_word_fold (word.start, word.length, key);

      t.cstart = word.cstart;
      t.cend = word.cend;
      t.bstart = word.start - text;
      t.bend = t.bstart + word.length;
      t.form = g_utf8_strdown (placed, -1);
      t.key = g_strdup (key->str);
      t.connected = !gap && word.space_before;
      t.capital = g_unichar_isupper (g_utf8_get_char (word.start));
      t.syllable = byline_tone_is_syllable (word.start, word.length);
      g_array_append_val (tokens, t);
      gap = FALSE;
    }
  g_string_free (key, TRUE);
  return tokens;
}

void
_byline_foreach_phrase (const char       *text,
                        GArray           *tokens,
                        BylinePhraseFunc  func,
                        gpointer          user_data)
{
  GString *key = g_string_new (NULL);
  GString *form = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      const BylineToken *last = &g_array_index (tokens, BylineToken, i);

      /* A joined word: "LaiChâu" may be "Lai Châu" without its space. */
      if (!last->syllable && g_utf8_strlen (last->key, -1) >= MIN_JOINED_LETTERS)
        func (last->key, last->form, text, last, last, 1, user_data);

      g_string_assign (key, last->key);
      g_string_assign (form, last->form);
      for (guint n = 2; n <= MAX_NGRAM && n <= i + 1; n++)
        {
          const BylineToken *first = &g_array_index (tokens, BylineToken, i + 1 - n);
          const BylineToken *next = first + 1;

          if (!next->connected)
            break;
          g_string_prepend (key, first->key);
          g_string_prepend_c (form, ' ');
          g_string_prepend (form, first->form);
          func (key->str, form->str, text, first, last, n, user_data);
        }
    }
  g_string_free (key, TRUE);
  g_string_free (form, TRUE);
}

guint
_byline_count_capitals (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isupper (g_utf8_get_char (p)))
      n++;
  return n;
}

/* ------------------------------------------------------------------ check */

void
byline_inconsistency_free (BylineInconsistency *inconsistency)
{
  if (inconsistency == NULL)
    return;
  g_free (inconsistency->found);
  g_free (inconsistency->suggestion);
  g_free (inconsistency);
}

typedef struct
{
  char   *form;
  char   *surface;
  guint   uses;
  GArray *occurrences;
} LocalVariant;

static void
local_variant_free (gpointer data)
{
  LocalVariant *v = data;

  g_free (v->form);
  g_free (v->surface);
  g_array_unref (v->occurrences);
  g_free (v);
}

typedef struct
{
  GHashTable *entries;  /* key → GPtrArray of LocalVariant */
  guint       text;
} LocalData;

static void
local_phrase (const char  *key,
              const char  *form,
              const char  *text,
              const BylineToken *first,
              const BylineToken *last,
              guint        n,
              gpointer     user_data)
{
  LocalData *data = user_data;
  GPtrArray *variants = g_hash_table_lookup (data->entries, key);
  LocalVariant *v = NULL;
  BylineOccurrence occ = { data->text, first->cstart, last->cend, first->bstart, last->bend, n };
  g_autofree char *surface = g_strndup (text + first->bstart, last->bend - first->bstart);

  if (variants == NULL)
    {
      variants = g_ptr_array_new_with_free_func (local_variant_free);
      g_hash_table_insert (data->entries, g_strdup (key), variants);
    }
  for (guint i = 0; i < variants->len && v == NULL; i++)
    if (g_str_equal (((LocalVariant *) variants->pdata[i])->form, form))
      v = variants->pdata[i];
  if (v == NULL)
    {
      v = g_new0 (LocalVariant, 1);
      v->form = g_strdup (form);
      v->occurrences = g_array_new (FALSE, FALSE, sizeof (BylineOccurrence));
      g_ptr_array_add (variants, v);
    }
  v->uses++;
  g_array_append_val (v->occurrences, occ);
  if (v->surface == NULL || _byline_count_capitals (surface) < _byline_count_capitals (v->surface))
    g_set_str (&v->surface, surface);
}

static char *
capitalize_first (const char *word)
{
  gunichar c = g_utf8_get_char (word);
  char buf[8];
  int len = g_unichar_to_utf8 (g_unichar_totitle (c), buf);

  return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (word));
}

/* The right spelling @right, with the capitals the writer gave @found. */
char *
_byline_match_case (const char *found,
            const char *right)
{
  g_auto(GStrv) fw = g_strsplit (found, " ", -1);
  g_auto(GStrv) rw = g_strsplit (right, " ", -1);
  guint n_found = g_strv_length (fw);

  if (_byline_word_is_upper (found, strlen (found)))
    return g_utf8_strup (right, -1);
  if (n_found != g_strv_length (rw))
    {
      if (g_unichar_isupper (g_utf8_get_char (found)))
        return capitalize_first (right);
      return g_strdup (right);
    }
  for (guint i = 0; i < n_found; i++)
    if (*fw[i] && *rw[i] && g_unichar_isupper (g_utf8_get_char (fw[i])))
      {
        char *cap = capitalize_first (rw[i]);

        g_free (rw[i]);
        rw[i] = cap;
      }
  return g_strjoinv (" ", rw);
}

void
_byline_consistency_add_candidate (GArray              *candidates,
               const char * const  *texts,
               const BylineOccurrence    *occ,
               const char          *right,
               guint                found_count,
               guint                right_count,
               gboolean             house_rule)
{
  BylineInconsistency *found = g_new0 (BylineInconsistency, 1);
  BylineCandidate c = { found, house_rule ? 0 : occ->n };

  found->text = occ->text;
  found->start = occ->cstart;
  found->end = occ->cend;
  found->found = g_strndup (texts[occ->text] + occ->bstart, occ->bend - occ->bstart);
  found->suggestion = _byline_match_case (found->found, right);
  found->found_count = found_count;
  found->suggestion_count = right_count;
  found->house_rule = house_rule;
  g_array_append_val (candidates, c);
}

static gboolean
all_capitalized (const char *surface)
{
  g_auto(GStrv) words = g_strsplit (surface, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && !g_unichar_isupper (g_utf8_get_char (words[i])))
      return FALSE;
  return TRUE;
}

static void
split_marks (const char *syllable,
             GString    *letters,
             GString    *marks)
{
  for (const char *p = syllable; *p; p = g_utf8_next_char (p))
    {
      gunichar parts[8];
      gsize n = g_unichar_fully_decompose (g_utf8_get_char (p), FALSE, parts, G_N_ELEMENTS (parts));

      for (gsize k = 0; k < n; k++)
        g_string_append_unichar (g_unichar_ismark (parts[k]) ? marks : letters, parts[k]);
    }
}

/* A slip changes the marks ("lỡ" for "lở") or a letter ("rời" for "dời", "đân"
 * for "dân", "kĩ" for "kỹ"), seldom both: "rà" and "đã" are two words. */
static gboolean
one_kind_of_difference (const char *a,
                        const char *b)
{
  g_autoptr(GString) letters_a = g_string_new (NULL);
  g_autoptr(GString) letters_b = g_string_new (NULL);
  g_autoptr(GString) marks_a = g_string_new (NULL);
  g_autoptr(GString) marks_b = g_string_new (NULL);

  split_marks (a, letters_a, marks_a);
  split_marks (b, letters_b, marks_b);
  return g_string_equal (letters_a, letters_b) || g_string_equal (marks_a, marks_b);
}

/* TRUE when @rare and @dominant are more likely two right phrases than one
 * misspelled: see the comment at the top. */
static gboolean
ambiguous_pair (const char *rare,
                const char *rare_surface,
                const char *dominant,
                const char *dominant_surface)
{
  g_auto(GStrv) a = g_strsplit (rare, " ", -1);
  g_auto(GStrv) b = g_strsplit (dominant, " ", -1);

  guint n_same = 0;

  if (g_strv_length (a) != g_strv_length (b))
    return FALSE;   /* the same letters spaced two ways */
  /* A slip changes one syllable of a phrase, seldom each of them: "lở vẫn"
   * (a landslide still) against "Lò Văn" (a name) are two phrases. */
  for (guint i = 0; a[i] != NULL; i++)
    n_same += g_str_equal (a[i], b[i]);
  if (n_same == 0)
    return TRUE;
  if (all_capitalized (rare_surface) && all_capitalized (dominant_surface))
    return FALSE;   /* a name */

  for (guint i = 0; a[i] != NULL; i++)
    {
      if (g_str_equal (a[i], b[i]))
        {
          if (_byline_is_function_word (a[i]))
            return TRUE;
        }
      else if (is_pronoun (a[i]) || is_pronoun (b[i])
               || (_byline_is_function_word (a[i]) && _byline_is_function_word (b[i]))
               || !one_kind_of_difference (a[i], b[i]))
        return TRUE;
    }
  return FALSE;
}

static void
check_group (GPtrArray           *local,
             GArray              *archived,
             const char * const  *texts,
             GArray              *candidates)
{
  const char *best_form = NULL;
  const char *best_surface = NULL;
  guint best = 0;
  guint best_docs = 0;
  gboolean tie = FALSE;
  gboolean multi = FALSE;
  guint n_variants = local->len;

  /* Score every spelling: uses here plus archive documents. */
  for (guint i = 0; archived != NULL && i < archived->len; i++)
    {
      BylineVariant *a = &g_array_index (archived, BylineVariant, i);
      const char *surface = a->surface;
      guint score = a->docs;
      gboolean also_local = FALSE;

      for (guint j = 0; j < local->len; j++)
        {
          LocalVariant *v = local->pdata[j];

          if (!g_str_equal (v->form, a->form))
            continue;
          score += v->uses;
          also_local = TRUE;
          /* The spelling with the fewest capitals: a capital that only starts
           * a sentence is no part of the word. */
          if (_byline_count_capitals (v->surface) < _byline_count_capitals (surface))
            surface = v->surface;
        }
      if (!also_local)
        n_variants++;
      multi = multi || strchr (a->form, ' ') != NULL;
      if (score > best)
        {
          best = score, best_form = a->form, best_surface = surface, best_docs = a->docs;
          tie = FALSE;
        }
      else if (score == best)
        tie = TRUE;
    }
  for (guint j = 0; j < local->len; j++)
    {
      LocalVariant *v = local->pdata[j];
      BylineVariant *a = archived != NULL ? _byline_variants_find (archived, v->form) : NULL;

      multi = multi || strchr (v->form, ' ') != NULL;
      if (a != NULL)
        continue;   /* scored above */
      if (v->uses > best)
        {
          best = v->uses, best_form = v->form, best_surface = v->surface, best_docs = 0;
          tie = FALSE;
        }
      else if (v->uses == best)
        tie = TRUE;
    }

  if (n_variants < 2 || !multi || tie || best < MIN_DOMINANT_SCORE)
    return;

  for (guint j = 0; j < local->len; j++)
    {
      LocalVariant *v = local->pdata[j];
      BylineVariant *a = archived != NULL ? _byline_variants_find (archived, v->form) : NULL;
      guint docs = a != NULL ? a->docs : 0;
      guint score = v->uses + docs;

      if (g_str_equal (v->form, best_form))
        continue;
      if (best < DOMINANCE_RATIO * score)
        continue;
      if (docs >= ESTABLISHED_DOCS && docs * ESTABLISHED_SHARE >= best_docs)
        continue;
      if (ambiguous_pair (v->form, v->surface, best_form, best_surface))
        continue;
      for (guint k = 0; k < v->occurrences->len; k++)
        _byline_consistency_add_candidate (candidates, texts, &g_array_index (v->occurrences, BylineOccurrence, k),
                       best_surface, score, best, FALSE);
    }
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const BylineCandidate *ca = a, *cb = b;

  if (ca->n != cb->n)
    return ca->n < cb->n ? -1 : 1;
  if (ca->found->text != cb->found->text)
    return ca->found->text < cb->found->text ? -1 : 1;
  return (ca->found->start > cb->found->start) - (ca->found->start < cb->found->start);
}

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const BylineInconsistency *fa = *(BylineInconsistency **) a;
  const BylineInconsistency *fb = *(BylineInconsistency **) b;

  if (fa->text != fb->text)
    return fa->text < fb->text ? -1 : 1;
  return (fa->start > fb->start) - (fa->start < fb->start);
}

GPtrArray *
byline_consistency_check (BylineConsistencyIndex *archive,
                          BylineHouseList        *house_list,
                          const char * const     *texts,
                          gssize                  n_texts)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_inconsistency_free);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (BylineCandidate));
  g_autoptr(GHashTable) local = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (archive == NULL || BYLINE_IS_CONSISTENCY_INDEX (archive), result);
  g_return_val_if_fail (house_list == NULL || BYLINE_IS_HOUSE_LIST (house_list), result);
  g_return_val_if_fail (texts != NULL || n_texts == 0, result);

  if (n_texts < 0)
    n_texts = g_strv_length ((char **) texts);

  local = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (gssize i = 0; i < n_texts; i++)
    {
      g_autoptr(GArray) tokens = NULL;
      LocalData data = { local, i };

      if (texts[i] == NULL || *texts[i] == '\0')
        continue;
      tokens = _byline_tokenize (texts[i]);
      _byline_foreach_phrase (texts[i], tokens, local_phrase, &data);
      if (house_list != NULL)
        _byline_house_list_check (house_list, tokens, i, texts, candidates);
    }

  g_hash_table_iter_init (&iter, local);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *archived = archive != NULL ? _byline_consistency_index_lookup (archive, key) : NULL;
      GPtrArray *variants = value;

      if (variants->len + (archived != NULL ? archived->len : 0) >= 2)
        check_group (variants, archived, texts, candidates);
    }

  /* House rules first, then the shortest phrases; drop flags over ones kept. */
  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      BylineInconsistency *found = g_array_index (candidates, BylineCandidate, i).found;
      gboolean overlaps = FALSE;

      for (guint k = 0; k < result->len && !overlaps; k++)
        {
          const BylineInconsistency *kept = result->pdata[k];
          overlaps = kept->text == found->text && kept->start < found->end && found->start < kept->end;
        }
      if (overlaps)
        byline_inconsistency_free (found);
      else
        g_ptr_array_add (result, found);
    }
  g_ptr_array_sort (result, compare_found);
  return result;
}
