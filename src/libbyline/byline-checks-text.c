/* byline-checks-text.c — the rules that read one text: marks, spaces, doubled words, NFC
 *
 * Each rule is written to stay quiet on correct Vietnamese newspaper text: a ")"
 * after "a" or "1" at the start of an item is a list marker, not a stray bracket;
 * "người người", "ngày ngày", "năm năm" are reduplications, not slips; an ellipsis
 * may follow a space.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "byline-checks-private.h"
#include "byline-consistency-private.h"
#include "byline-tone-private.h"
#include "byline-vn-legacy-private.h"

#define LEFT_DOUBLE_QUOTE  0x201C
#define RIGHT_DOUBLE_QUOTE 0x201D
#define ELLIPSIS           0x2026

/* ------------------------------------------------------- quotes, brackets */

typedef struct
{
  gunichar c;
  guint    pos;
} Opening;

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F;
}

void
_byline_check_marks (BylineCheckContext    *ctx,
                     const BylineCheckUnit *unit)
{
  g_autoptr(GArray) quotes = g_array_new (FALSE, FALSE, sizeof (Opening));
  g_autoptr(GArray) brackets = g_array_new (FALSE, FALSE, sizeof (Opening));
  guint pos = 0;
  guint straight = 0;
  guint straight_open = 0;
  /* The chunk of text since the last space: "a" or "12" before ")" is a list
   * marker when it starts the text or follows a ":", ";", "," or ".". */
  guint chunk_len = 0;
  gboolean chunk_alnum = TRUE;
  gboolean chunk_after_break = TRUE;
  gunichar last_visible = 0;

  for (const char *p = unit->text; *p; p = g_utf8_next_char (p), pos++)
    {
      gunichar c = g_utf8_get_char (p);
      Opening open = { c, pos };

      if (c == LEFT_DOUBLE_QUOTE)
        g_array_append_val (quotes, open);
      else if (c == RIGHT_DOUBLE_QUOTE)
        {
          if (quotes->len > 0)
            g_array_set_size (quotes, quotes->len - 1);
          else
            _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "unbalanced-quote", pos, pos + 1, NULL,
                               _("The closing quotation mark ” has no opening one"));
        }
      else if (c == '"')
        {
          if (straight++ % 2 == 0)
            straight_open = pos;
        }
      else if (c == '(' || c == '[')
        g_array_append_val (brackets, open);
      else if (c == ')' || c == ']')
        {
          gunichar want = c == ')' ? '(' : '[';
          gboolean marker = c == ')' && chunk_len >= 1 && chunk_len <= 3 && chunk_alnum
                            && chunk_after_break;

          if (brackets->len > 0 && g_array_index (brackets, Opening, brackets->len - 1).c == want)
            g_array_set_size (brackets, brackets->len - 1);
          else if (!marker)
            _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "unbalanced-bracket", pos, pos + 1, NULL,
                               _("The bracket “%s” closes nothing"), c == ')' ? ")" : "]");
        }

      if (g_unichar_isspace (c) || is_space (c))
        {
          chunk_len = 0;
          chunk_alnum = TRUE;
          chunk_after_break = last_visible == 0 || last_visible == ':' || last_visible == ';'
                              || last_visible == ',' || last_visible == '.';
        }
      else
        {
          chunk_len++;
          chunk_alnum = chunk_alnum && g_unichar_isalnum (c);
          last_visible = c;
        }
    }

  for (guint i = 0; i < quotes->len; i++)
    {
      guint at = g_array_index (quotes, Opening, i).pos;
      _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "unbalanced-quote", at, at + 1, NULL,
                         _("The quotation mark “ is never closed"));
    }
  for (guint i = 0; i < brackets->len; i++)
    {
      const Opening *o = &g_array_index (brackets, Opening, i);
      _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "unbalanced-bracket", o->pos, o->pos + 1, NULL,
                         _("The bracket “%s” is never closed"), o->c == '(' ? "(" : "[");
    }
  if (straight % 2 == 1)
    _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "unbalanced-quote", straight_open, straight_open + 1,
                       NULL, _("This straight quotation mark (\") is never closed"));
}

/* ----------------------------------------------------------------- spaces */

static gboolean
attaches_left (gunichar c)
{
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?'
         || c == ')' || c == ']' || c == RIGHT_DOUBLE_QUOTE;
}

static gboolean
attaches_right (gunichar c)
{
  return c == '(' || c == '[' || c == LEFT_DOUBLE_QUOTE;
}

void
_byline_check_spacing (BylineCheckContext    *ctx,
                       const BylineCheckUnit *unit)
{
  gunichar before = 0;    /* the character before the run of spaces */
  guint run_start = 0;
  guint run_len = 0;
  guint pos = 0;

  for (const char *p = unit->text; *p; p = g_utf8_next_char (p), pos++)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next;
      gunichar after;

      if (is_space (c))
        {
          if (run_len++ == 0)
            run_start = pos;
          continue;
        }
      if (run_len == 0 || run_start == 0)
        {
          before = c;
          run_len = 0;
          continue;
        }

      next = g_utf8_next_char (p);
      after = g_utf8_get_char (next);
      if (attaches_left (c) && !(c == '.' && (after == '.' || g_unichar_isdigit (after))))
        {
          g_autofree char *mark = g_ucs4_to_utf8 (&c, 1, NULL, NULL, NULL);

          _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "space-before-punctuation",
                             run_start, pos, "", _("Space before “%s”"), mark);
        }
      else if (attaches_right (before))
        {
          g_autofree char *mark = g_ucs4_to_utf8 (&before, 1, NULL, NULL, NULL);

          _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "space-after-bracket",
                             run_start, pos, "", _("Space after “%s”"), mark);
        }
      else if (run_len >= 2 && c != ELLIPSIS)
        _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "double-space",
                           run_start, pos, " ", _("Several spaces in a row"));
      before = c;
      run_len = 0;
    }
}

/* --------------------------------------------------------- doubled words */

/* Whole-word reduplications that newspapers print: "người người", "ngày ngày",
 * "năm năm" (five years), "ba ba" (a turtle), "ầm ầm"... */
static const char * const reduplications[] = {
  "ai", "ào", "ầm", "ba", "bừng", "buồn", "cao", "cào", "chiều", "chuồn", "dần",
  "đâu", "đêm", "điệp", "đỏ", "đoàn", "đời", "đùng", "đều", "ha", "hàng", "hay",
  "he", "hi", "hì", "hơi", "hồng", "khá", "khà", "lâu", "lớp", "luôn", "mãi",
  "năm", "ngang", "ngày", "người", "nhà", "nhanh", "nhỏ", "nơi", "oang", "rành",
  "rầm", "ròng", "sáng", "sớm", "sờ", "tầng", "tháng", "thấp", "thường", "to",
  "tối", "trắng", "trùng", "từ", "ù", "vàng", "vui", "vù", "vừa", "xa", "xanh",
  "xinh",
};

static GHashTable *
get_reduplications (void)
{
  static GHashTable *set;

  if (g_once_init_enter_pointer (&set))
    {
      GHashTable *s = g_hash_table_new (g_str_hash, g_str_equal);

      for (gsize i = 0; i < G_N_ELEMENTS (reduplications); i++)
        g_hash_table_add (s, (gpointer) reduplications[i]);
      g_once_init_leave_pointer (&set, s);
    }
  return set;
}

void
_byline_check_doubled_words (BylineCheckContext    *ctx,
                             const BylineCheckUnit *unit)
{
  GHashTable *allowed = get_reduplications ();
  g_autofree char *previous = NULL;
  BylineWord prev = { 0 };
  BylineWordIter iter;
  BylineWord word;

  _byline_word_iter_init (&iter, unit->text);
  while (_byline_word_iter_next (&iter, &word))
    {
      g_autofree char *lower = NULL;

      if (word.in_link || word.near_digit || g_utf8_strlen (word.start, word.length) < 2)
        {
          g_clear_pointer (&previous, g_free);
          continue;
        }
      lower = g_utf8_strdown (word.start, word.length);
      if (previous != NULL && word.space_before && g_str_equal (previous, lower)
          && !g_hash_table_contains (allowed, lower))
        {
          g_autofree char *first = g_strndup (prev.start, prev.length);
          g_autofree char *form = byline_tone_place (lower, -1, BYLINE_TONE_STYLE_MODERN);

          /* "các các" is a slip; "giao thông thông suốt" is two words that meet. */
          if (_byline_is_function_word (form))
            _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "doubled-word",
                               prev.cstart, word.cend, first, _("“%s” is written twice"), first);
          else
            _byline_check_add (ctx, unit, BYLINE_SEVERITY_INFO, "doubled-word",
                               prev.cstart, word.cend, first,
                               _("“%s” is written twice: a slip, or two words that meet?"), first);
          g_clear_pointer (&previous, g_free);
          continue;
        }
      g_free (previous);
      previous = g_steal_pointer (&lower);
      prev = word;
    }
}

/* -------------------------------------------------------------------- NFC */

guint
_byline_find_non_nfc (const char *text,
                      guint      *start,
                      guint      *end)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  const char *seg = NULL;
  guint seg_pos = 0;
  guint pos = 0;
  guint count = 0;

  *start = *end = 0;
  if (nfc == NULL || strcmp (nfc, text) == 0)
    return 0;

  /* A segment is a starter and the combining marks after it. */
  for (const char *p = text;; p = g_utf8_next_char (p), pos++)
    {
      gunichar c = g_utf8_get_char (p);

      if (*p != '\0' && seg != NULL && g_unichar_combining_class (c) != 0)
        continue;
      if (seg != NULL)
        {
          g_autofree char *piece = g_utf8_normalize (seg, p - seg, G_NORMALIZE_NFC);

          if (piece == NULL || strlen (piece) != (gsize) (p - seg) || memcmp (piece, seg, p - seg) != 0)
            {
              if (count++ == 0)
                {
                  *start = seg_pos;
                  *end = pos;
                }
            }
        }
      if (*p == '\0')
        break;
      seg = p;
      seg_pos = pos;
    }
  /* Changes NFC makes across segments (rare) still count once. */
  return MAX (count, 1);
}

void
_byline_check_nfc (BylineCheckContext    *ctx,
                   const BylineCheckUnit *unit)
{
  guint start, end;
  guint count = _byline_find_non_nfc (unit->text, &start, &end);

  if (count == 0)
    return;
  _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "not-nfc", start, end, NULL,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u letter is not in Unicode NFC (decomposed marks, as some PDFs and input methods leave)",
                                  "%u letters are not in Unicode NFC (decomposed marks, as some PDFs and input methods leave)",
                                  count),
                     count);
}

/* Typed in TCVN3 or VNI (pasted as plain text from a .VnTime or VNI-Times
 * document, or typed with the input method set to the old code): the fix
 * is the text in Unicode. */
gboolean
_byline_check_legacy (BylineCheckContext    *ctx,
                      const BylineCheckUnit *unit)
{
  BylineVnLegacy legacy = _byline_vn_legacy_detect (unit->text);
  g_autofree char *unicode = NULL;
  g_autofree char *excerpt = NULL;
  guint length = g_utf8_strlen (unit->text, -1);

  if (legacy == BYLINE_VN_LEGACY_NONE)
    return FALSE;
  unicode = _byline_vn_legacy_to_unicode (unit->text, legacy);
  if (g_utf8_strlen (unicode, -1) > 40)
    {
      g_autofree char *start = g_utf8_substring (unicode, 0, 39);

      excerpt = g_strconcat (start, "…", NULL);
    }
  else
    excerpt = g_strdup (unicode);
  if (legacy == BYLINE_VN_LEGACY_VNI)
    _byline_check_add (ctx, unit, BYLINE_SEVERITY_ERROR, "vni-text", 0, length, unicode,
                       _("Typed in the old VNI code (VNI-Times fonts), not Unicode: in Vietnamese it reads “%s”"),
                       excerpt);
  else
    _byline_check_add (ctx, unit, BYLINE_SEVERITY_ERROR, "tcvn3-text", 0, length, unicode,
                       _("Typed in the old TCVN3 code (.VnTime fonts), not Unicode: in Vietnamese it reads “%s”"),
                       excerpt);
  return TRUE;
}

/* --------------------------------------------------------------- captions */

guint
_byline_edit_distance (const gunichar *a,
                       guint           la,
                       const gunichar *b,
                       guint           lb,
                       guint           limit)
{
  guint big = limit + 1;
  g_autofree guint *prev = NULL;
  g_autofree guint *cur = NULL;

  if ((la > lb ? la - lb : lb - la) > limit)
    return big;

  prev = g_new (guint, lb + 2);
  cur = g_new (guint, lb + 2);
  for (guint j = 0; j <= lb + 1; j++)
    prev[j] = j <= limit ? j : big;

  /* Only the diagonal band |i - j| <= limit can hold a distance within limit. */
  for (guint i = 1; i <= la; i++)
    {
      guint lo = i > limit ? i - limit : 1;
      guint hi = MIN (lb, i + limit);
      guint row_min = big;
      guint *swap;

      cur[0] = i <= limit ? i : big;
      if (lo > 1)
        cur[lo - 1] = big;
      row_min = cur[0];
      for (guint j = lo; j <= hi; j++)
        {
          guint v = prev[j - 1] + (a[i - 1] != b[j - 1] ? 1 : 0);

          v = MIN (v, prev[j] + 1);
          v = MIN (v, cur[j - 1] + 1);
          cur[j] = MIN (v, big);
          row_min = MIN (row_min, cur[j]);
        }
      if (hi + 1 <= lb + 1)
        cur[hi + 1] = big;
      if (row_min > limit)
        return big;
      swap = prev, prev = cur, cur = swap;
    }
  return MIN (prev[lb], big);
}

typedef struct
{
  const BylineCheckUnit *unit;
  gunichar              *chars;
  glong                  n_chars;
  guint                 *words;    /* word ids, for a distance in words */
  guint                  n_words;
} Caption;

static void
caption_clear (gpointer data)
{
  Caption *c = data;

  g_free (c->chars);
  g_free (c->words);
}

static void
caption_words (Caption    *caption,
               GHashTable *ids)
{
  g_auto(GStrv) words = g_strsplit (caption->unit->text, " ", -1);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; words[i] != NULL; i++)
    {
      gpointer id;
      guint value;

      if (*words[i] == '\0')
        continue;
      if (!g_hash_table_lookup_extended (ids, words[i], NULL, &id))
        {
          id = GUINT_TO_POINTER (g_hash_table_size (ids) + 1);
          g_hash_table_insert (ids, g_strdup (words[i]), id);
        }
      value = GPOINTER_TO_UINT (id);
      g_array_append_val (out, value);
    }
  caption->n_words = out->len;
  caption->words = (guint *) g_array_free (out, FALSE);
}

void
_byline_check_captions (BylineCheckContext *ctx)
{
  g_autoptr(GArray) captions = g_array_new (FALSE, TRUE, sizeof (Caption));
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double ratio = ctx->options->caption_similarity;

  g_array_set_clear_func (captions, caption_clear);
  for (guint i = 0; i < ctx->units->len; i++)
    {
      const BylineCheckUnit *unit = &g_array_index (ctx->units, BylineCheckUnit, i);
      g_autofree char *trimmed = NULL;
      Caption c = { unit, NULL, 0, NULL, 0 };

      if (unit->field != BYLINE_FIELD_CAPTION || unit->text == NULL)
        continue;
      trimmed = g_strstrip (g_strdup (unit->text));
      if (*trimmed == '\0')
        continue;
      c.chars = g_utf8_to_ucs4_fast (trimmed, -1, &c.n_chars);
      caption_words (&c, ids);
      g_array_append_val (captions, c);
    }

  for (guint j = 1; j < captions->len; j++)
    for (guint i = 0; i < j; i++)
      {
        const Caption *a = &g_array_index (captions, Caption, i);
        const Caption *b = &g_array_index (captions, Caption, j);
        guint longest = MAX (a->n_chars, b->n_chars);
        guint limit = (guint) (ratio * longest);
        guint word_limit = MAX (a->n_words, b->n_words) / 6;
        guint d;

        if (a->n_chars == b->n_chars
            && memcmp (a->chars, b->chars, a->n_chars * sizeof (gunichar)) == 0)
          {
            _byline_check_add (ctx, b->unit, BYLINE_SEVERITY_ERROR, "duplicate-caption", 0, 0, NULL,
                               _("Pictures %u and %u have the same caption"),
                               a->unit->picture, b->unit->picture);
            break;
          }
        /* Short captions ("Ảnh minh hoạ") are only compared whole. */
        if (MIN (a->n_chars, b->n_chars) < 12)
          continue;
        d = _byline_edit_distance (a->chars, a->n_chars, b->chars, b->n_chars, MAX (limit, 1));
        if (d > limit && word_limit > 0 && MIN (a->n_words, b->n_words) >= 6)
          {
            /* One proper noun changed: few words differ, however long they are. */
            if (_byline_edit_distance (a->words, a->n_words, b->words, b->n_words, word_limit) <= word_limit)
              d = limit;
          }
        if (d <= limit)
          {
            _byline_check_add (ctx, b->unit, BYLINE_SEVERITY_WARNING, "similar-caption", 0, 0, NULL,
                               _("The captions of pictures %u and %u are nearly the same: was one copied and not finished?"),
                               a->unit->picture, b->unit->picture);
            break;
          }
      }
}
