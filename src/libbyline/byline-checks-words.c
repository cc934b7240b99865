/* byline-checks-words.c — spelling and consistency findings over the whole story
 *
 * Consistency runs first: where it flags a phrase ("người đân" among "người
 * dân"), the spelling finding for the same word ("đân") is left out, since the
 * suggestion of the story or the archive is the better one.
 *
 * hunspell's suggestions know nothing of the story: for "nguời" it offers
 * "nguồi" first, for "đân" "dan".  The story itself knows better: a word it
 * uses elsewhere that differs only by its marks (or by an initial that sounds
 * the same) is the first suggestion; then hunspell's, preferring one the story
 * uses.  A capitalized word in mid-sentence is most likely a name hunspell does
 * not know: it gets a suggestion only from the story, and a hint about the
 * newsroom's word list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "byline-checks-private.h"
#include "byline-tone-private.h"
#include "byline-vn-legacy-private.h"

typedef struct
{
  GHashTable *counts;   /* form → uses */
  GHashTable *by_key;   /* folded key → GPtrArray of forms */
  GHashTable *capital;  /* forms seen with a capital */
} StoryWords;

static void story_words_clear (StoryWords *story);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StoryWords, story_words_clear)

/* Lower case, modern tone placement: how words of the story are compared. */
static char *
word_form (const char *word,
           gssize      length)
{
  g_autofree char *placed = byline_tone_place (word, length, BYLINE_TONE_STYLE_MODERN);

  return g_utf8_strdown (placed, -1);
}

static char *
word_key (const char *word,
          gsize       length)
{
  GString *key = g_string_new (NULL);

  _byline_word_fold (word, length, key);
  return g_string_free (key, FALSE);
}

static void
story_words_clear (StoryWords *story)
{
  g_clear_pointer (&story->counts, g_hash_table_unref);
  g_clear_pointer (&story->by_key, g_hash_table_unref);
  g_clear_pointer (&story->capital, g_hash_table_unref);
}

static void
story_words_build (StoryWords         *story,
                   BylineCheckContext *ctx)
{
  story->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  story->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  story->capital = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < ctx->units->len; i++)
    {
      const BylineCheckUnit *unit = &g_array_index (ctx->units, BylineCheckUnit, i);
      BylineWordIter iter;
      BylineWord word;

      if (!_byline_check_unit_is_prose (unit))
        continue;
      _byline_word_iter_init (&iter, unit->text);
      while (_byline_word_iter_next (&iter, &word))
        {
          g_autofree char *form = word_form (word.start, word.length);
          guint uses = GPOINTER_TO_UINT (g_hash_table_lookup (story->counts, form));

          if (uses == 0)
            {
              g_autofree char *key = word_key (word.start, word.length);
              GPtrArray *forms = g_hash_table_lookup (story->by_key, key);

              if (forms == NULL)
                {
                  forms = g_ptr_array_new_with_free_func (g_free);
                  g_hash_table_insert (story->by_key, g_steal_pointer (&key), forms);
                }
              g_ptr_array_add (forms, g_strdup (form));
            }
          if (g_unichar_isupper (g_utf8_get_char (word.start)))
            g_hash_table_add (story->capital, g_strdup (form));
          g_hash_table_insert (story->counts, g_steal_pointer (&form), GUINT_TO_POINTER (uses + 1));
        }
    }
}

/* The right word of the story that @word most likely misspells, or NULL.  Names
 * differ by their marks legitimately ("Pá Hạ", "Pa Vệ Sủ"): for a name, only
 * a capitalized word the story uses at least twice as often. */
static const char *
story_suggestion (StoryWords         *story,
                  BylineSpellChecker *checker,
                  const char         *word,
                  gboolean            name)
{
  g_autofree char *key = word_key (word, strlen (word));
  g_autofree char *form = word_form (word, -1);
  GPtrArray *forms = g_hash_table_lookup (story->by_key, key);
  guint own = GPOINTER_TO_UINT (g_hash_table_lookup (story->counts, form));
  const char *best = NULL;
  guint best_uses = 0;

  for (guint i = 0; forms != NULL && i < forms->len; i++)
    {
      const char *candidate = forms->pdata[i];
      guint uses = GPOINTER_TO_UINT (g_hash_table_lookup (story->counts, candidate));

      if (g_str_equal (candidate, form) || uses <= best_uses
          || (name && (!g_hash_table_contains (story->capital, candidate) || uses < MAX (2, 2 * own)))
          || !byline_spell_checker_check_word (checker, candidate, -1))
        continue;
      best = candidate;
      best_uses = uses;
    }
  return best;
}

/* @typed: what @word types in Telex, or NULL (byline_tone_from_telex()). */
static char *
best_suggestion (BylineCheckContext *ctx,
                 BylineSpellChecker *checker,
                 StoryWords         *story,
                 const char         *word,
                 const char         *typed,
                 gboolean            name)
{
  g_auto(GStrv) options = NULL;
  g_autofree char *cased = NULL;
  const char *best;

  if (story->counts == NULL)
    story_words_build (story, ctx);

  /* Typed with the input method off: what the keys meant. */
  if (typed != NULL && byline_spell_checker_check_word (checker, typed, -1))
    return byline_tone_place (typed, -1, ctx->tone_target);

  best = story_suggestion (story, checker, word, name);
  if (best != NULL)
    cased = _byline_word_with_case_of (word, best);
  else if (!name)
    {
      options = byline_spell_checker_suggest (checker, word, -1, 6);
      best = options[0];
      for (guint i = 0; options[i] != NULL; i++)
        {
          g_autofree char *form = word_form (options[i], -1);

          if (g_hash_table_contains (story->counts, form))
            {
              best = options[i];
              break;
            }
        }
      if (best != NULL)
        cased = g_strdup (best);
    }

  if (cased == NULL)
    return NULL;
  return byline_tone_place (cased, -1, ctx->tone_target);
}

/* Whether a finding of the consistency check or the house list covers
 * [start, end) of @unit already: its suggestion comes from the story, the
 * archive or the newsroom, better than hunspell's. */
static gboolean
covered_by_consistency (BylineCheckContext    *ctx,
                        const BylineCheckUnit *unit,
                        guint                  start,
                        guint                  end)
{
  const char *image_id = unit->image != NULL ? byline_image_get_id (unit->image) : NULL;

  for (guint i = 0; i < ctx->findings->len; i++)
    {
      BylineFinding *f = g_ptr_array_index (ctx->findings, i);
      const char *code = byline_finding_get_code (f);

      if ((g_str_equal (code, "inconsistent-spelling") || g_str_equal (code, "house-style"))
          && byline_finding_get_field (f) == unit->field
          && byline_finding_get_block (f) == (unit->field == BYLINE_FIELD_BODY ? unit->block : -1)
          && g_strcmp0 (byline_finding_get_image_id (f), image_id) == 0
          && byline_finding_get_start (f) < end && start < byline_finding_get_end (f))
        return TRUE;
    }
  return FALSE;
}

/* A capital after a sentence has begun marks a name. */
static gboolean
looks_like_name (const char *text,
                 guint       start,
                 const char *word)
{
  const char *at = g_utf8_offset_to_pointer (text, start);
  const char *p = at;

  if (!g_unichar_isupper (g_utf8_get_char (word)) || _byline_word_is_upper (word, strlen (word)))
    return FALSE;
  while (p > text)
    {
      gunichar c;

      p = g_utf8_find_prev_char (text, p);
      c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0xA0)
        continue;
      return !(c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2026 || c == 0x201C
               || c == '"' || c == '(' || c == '-' || c == 0x2013 || c == 0x2014);
    }
  return FALSE;
}

void
_byline_check_spelling (BylineCheckContext *ctx)
{
  BylineSpellChecker *checker = ctx->options->spell_checker;
  g_autoptr(GHashTable) suggested = NULL;
  g_auto(StoryWords) story = { NULL, NULL, NULL };

  if (checker == NULL || !byline_check_options_is_enabled (ctx->options, "spelling"))
    return;

  /* Suggestions cost far more than checks: only for the first few words. */
  suggested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < ctx->units->len; i++)
    {
      const BylineCheckUnit *unit = &g_array_index (ctx->units, BylineCheckUnit, i);
      g_autoptr(GArray) found = NULL;

      /* TCVN3 or VNI text is one finding of its own (tcvn3-text,
       * vni-text), not a word in every word. */
      if (!_byline_check_unit_is_prose (unit) || _byline_vn_legacy_detect (unit->text) != BYLINE_VN_LEGACY_NONE)
        continue;
      found = byline_spell_checker_check_text (checker, unit->text);
      for (guint k = 0; k < found->len; k++)
        {
          const BylineMisspelling *m = &g_array_index (found, BylineMisspelling, k);
          g_autofree char *word = _byline_check_excerpt (unit->text, m->start, m->end);
          gboolean name = looks_like_name (unit->text, m->start, word);
          g_autofree char *typed = byline_tone_from_telex (word, -1, BYLINE_TONE_STYLE_MODERN);
          const char *suggestion = NULL;

          if (covered_by_consistency (ctx, unit, m->start, m->end))
            continue;

          if (!g_hash_table_lookup_extended (suggested, word, NULL, (gpointer *) &suggestion)
              && g_hash_table_size (suggested) < ctx->options->max_suggestions)
            {
              char *best = best_suggestion (ctx, checker, &story, word, typed, name);

              g_hash_table_insert (suggested, g_strdup (word), best);
              suggestion = best;
            }
          if (typed != NULL)
            _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "spelling", m->start, m->end, suggestion,
                               _("“%s” looks typed with the Vietnamese input method off (Telex)"), word);
          else if (name)
            _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "spelling", m->start, m->end, suggestion,
                               _("“%s” is not in the dictionary; if it is a name, add it to the newsroom’s word list"),
                               word);
          else
            _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "spelling", m->start, m->end, suggestion,
                               _("“%s” is not in the dictionary"), word);
        }
    }
}

void
_byline_check_consistency (BylineCheckContext *ctx)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) found = NULL;

  if (!byline_check_options_is_enabled (ctx->options, "inconsistent-spelling")
      && (ctx->options->house_list == NULL || !byline_check_options_is_enabled (ctx->options, "house-style")))
    return;

  for (guint i = 0; i < ctx->units->len; i++)
    {
      const BylineCheckUnit *unit = &g_array_index (ctx->units, BylineCheckUnit, i);
      g_ptr_array_add (texts, _byline_check_unit_is_prose (unit) && unit->field != BYLINE_FIELD_CREDIT ? (gpointer) unit->text : NULL);
    }

  found = byline_consistency_check (ctx->options->archive, ctx->options->house_list,
                                    (const char * const *) texts->pdata, texts->len);
  for (guint i = 0; i < found->len; i++)
    {
      const BylineInconsistency *inc = g_ptr_array_index (found, i);
      const BylineCheckUnit *unit = &g_array_index (ctx->units, BylineCheckUnit, inc->text);

      if (inc->house_rule)
        _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "house-style", inc->start, inc->end,
                           inc->suggestion, _("This newsroom writes “%s”, not “%s”"),
                           inc->suggestion, inc->found);
      else
        _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "inconsistent-spelling", inc->start, inc->end,
                           inc->suggestion,
                           _("Written “%s” here but “%s” elsewhere (%u against %u, in this story and the archive)"),
                           inc->found, inc->suggestion, inc->found_count, inc->suggestion_count);
    }
}
