/* byline-checks.c — the checker that runs every check on a story, and on raw text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "byline-article.h"
#include "byline-body.h"
#include "byline-checks-private.h"
#include "byline-image.h"
#include "byline-text.h"
#include "byline-tone-private.h"

/* --------------------------------------------------------------- findings */

char *
_byline_check_excerpt (const char *text,
                       guint       start,
                       guint       end)
{
  const char *from, *to;

  if (text == NULL || end <= start)
    return NULL;
  from = g_utf8_offset_to_pointer (text, start);
  to = g_utf8_offset_to_pointer (from, end - start);
  return g_strndup (from, to - from);
}

BylineFinding *
_byline_check_add (BylineCheckContext    *ctx,
                   const BylineCheckUnit *unit,
                   BylineSeverity         severity,
                   const char            *code,
                   guint                  start,
                   guint                  end,
                   const char            *suggestion,
                   const char            *format,
                   ...)
{
  g_autofree char *message = NULL;
  g_autofree char *excerpt = NULL;
  BylineFinding *finding;
  va_list args;

  if (!byline_check_options_is_enabled (ctx->options, code))
    return NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  finding = byline_finding_new (severity, code, unit->field, message);
  if (unit->field == BYLINE_FIELD_BODY)
    byline_finding_set_block (finding, unit->block);
  if (unit->image != NULL)
    byline_finding_set_image_id (finding, byline_image_get_id (unit->image));
  excerpt = _byline_check_excerpt (unit->text, start, end);
  byline_finding_set_range (finding, start, end, excerpt);
  byline_finding_set_suggestion (finding, suggestion);
  _byline_finding_set_order (finding, unit->order);
  g_ptr_array_add (ctx->findings, finding);
  return finding;
}

static const BylineCheckUnit *
unit_for (BylineCheckContext *ctx,
          BylineField         field)
{
  for (guint i = 0; i < ctx->units->len; i++)
    if (g_array_index (ctx->units, BylineCheckUnit, i).field == field)
      return &g_array_index (ctx->units, BylineCheckUnit, i);
  g_assert_not_reached ();
}

gboolean
_byline_check_unit_is_prose (const BylineCheckUnit *unit)
{
  switch (unit->field)
    {
    case BYLINE_FIELD_HEADLINE:
    case BYLINE_FIELD_LEAD:
    case BYLINE_FIELD_BODY:
    case BYLINE_FIELD_CAPTION:
    case BYLINE_FIELD_CREDIT:
    case BYLINE_FIELD_ALT_TEXT:
      return unit->text != NULL && *unit->text != '\0';
    default:
      return FALSE;
    }
}

/* ---------------------------------------------------------------- the story */

/* The byline typed as the body's last paragraph, as reporters end a story in
 * a word processor: the exports print the story's byline there already.
 * The fix moves it to the byline.  Returns whether it was found. */
static gboolean
check_byline_paragraph (BylineCheckContext *ctx,
                        gboolean            has_author)
{
  g_auto(GStrv) authors = NULL;
  g_autofree char *names = NULL;
  g_autofree char *message = NULL;
  const BylineCheckUnit *unit = NULL;
  BylineFinding *finding;
  int index = byline_article_find_byline_paragraph (ctx->article, &authors);

  for (guint i = 0; index >= 0 && i < ctx->units->len && unit == NULL; i++)
    {
      const BylineCheckUnit *u = &g_array_index (ctx->units, BylineCheckUnit, i);

      if (u->field == BYLINE_FIELD_BODY && u->block == index)
        unit = u;
    }
  if (unit == NULL)
    return FALSE;
  names = g_strjoinv (", ", authors);
  /* With the same names in the byline, it would only be printed twice. */
  message = g_strdup_printf (has_author ? _("The byline “%s” is also the last paragraph: it would be published twice")
                                        : _("The byline “%s” is typed as the last paragraph, not in the byline"),
                             names);
  finding = _byline_check_add (ctx, unit, has_author ? BYLINE_SEVERITY_WARNING : BYLINE_SEVERITY_ERROR,
                               "byline-in-text", 0, g_utf8_strlen (unit->text, -1), "", "%s", message);
  if (finding == NULL)   /* this check switched off: "has no byline" then */
    return FALSE;
  _byline_finding_set_takes_byline (finding);
  return TRUE;
}

static void
check_required (BylineCheckContext *ctx)
{
  BylineArticle *article = ctx->article;
  const char * const *authors = byline_article_get_authors (article);
  gboolean has_author = FALSE;

  if (byline_text_is_blank (byline_article_get_headline (article)))
    _byline_check_add (ctx, unit_for (ctx, BYLINE_FIELD_HEADLINE), BYLINE_SEVERITY_ERROR,
                       "missing-headline", 0, 0, NULL, _("The story has no headline"));
  if (byline_text_is_blank (byline_article_get_lead (article)))
    _byline_check_add (ctx, unit_for (ctx, BYLINE_FIELD_LEAD), BYLINE_SEVERITY_ERROR,
                       "missing-lead", 0, 0, NULL, _("The story has no lead"));
  for (guint i = 0; authors != NULL && authors[i] != NULL; i++)
    has_author = has_author || !byline_text_is_blank (authors[i]);
  if (!check_byline_paragraph (ctx, has_author) && !has_author)
    _byline_check_add (ctx, unit_for (ctx, BYLINE_FIELD_BYLINE), BYLINE_SEVERITY_ERROR,
                       "missing-byline", 0, 0, NULL, _("The story has no byline"));
  if (byline_text_is_blank (byline_article_get_category (article)))
    _byline_check_add (ctx, unit_for (ctx, BYLINE_FIELD_CATEGORY), BYLINE_SEVERITY_ERROR,
                       "missing-category", 0, 0, NULL, _("The story has no category"));
}

static void
check_length (BylineCheckContext *ctx,
              BylineField         field,
              guint               max_chars,
              const char         *code,
              const char         *format)
{
  const BylineCheckUnit *unit = unit_for (ctx, field);
  guint length;

  if (max_chars == 0 || unit->text == NULL)
    return;
  length = g_utf8_strlen (unit->text, -1);
  if (length > max_chars)
    _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, code, max_chars, length, NULL,
                       format, length, max_chars);
}

/* "(BLC) - " in front of the lead, when the house wants its source there. */
static void
check_source_prefix (BylineCheckContext *ctx)
{
  const BylineCheckUnit *unit = unit_for (ctx, BYLINE_FIELD_LEAD);
  const char *own = byline_article_get_source_prefix (ctx->article);
  const char *wanted = !byline_text_is_blank (own) ? own : ctx->options->source_prefix;
  const char *lead = unit->text;
  g_autofree char *expected = NULL;
  const char *close;

  if (byline_text_is_blank (wanted) || byline_text_is_blank (lead))
    return;
  expected = g_strdup_printf ("(%s) - ", wanted);
  if (g_str_has_prefix (lead, expected))
    return;

  close = lead[0] == '(' ? strchr (lead, ')') : NULL;
  if (close != NULL && close - lead <= 24)
    {
      g_autofree char *named = g_strndup (lead + 1, close - lead - 1);
      const char *rest = close + 1;
      guint end;

      /* Whatever separator was typed: " - ", "- ", " – ", " — ", ": " */
      while (*rest == ' ' || *rest == '-' || *rest == ':' || g_str_has_prefix (rest, "–")
             || g_str_has_prefix (rest, "—"))
        rest = g_str_has_prefix (rest, "–") || g_str_has_prefix (rest, "—") ? rest + 3 : rest + 1;
      end = g_utf8_pointer_to_offset (lead, rest);

      if (g_strcmp0 (named, wanted) == 0)
        _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "malformed-source-prefix", 0, end,
                           expected, _("The source is written “%s” in this newsroom"), expected);
      else if (!byline_text_is_blank (own))
        _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "source-prefix-mismatch", 0, end,
                           NULL, _("The lead names the source “%s”, but the story’s source is “%s”"),
                           named, own);
      return;
    }

  /* The exports put the story's own source in front of the lead. */
  if (!byline_text_is_blank (own))
    return;
  _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "missing-source-prefix", 0, 0, expected,
                     _("The lead does not start with the source “%s”"), expected);
}

static void
check_publish_time (BylineCheckContext *ctx)
{
  const BylineCheckUnit *unit = unit_for (ctx, BYLINE_FIELD_PUBLISH_TIME);
  GDateTime *when = byline_article_get_publish_time (ctx->article);
  g_autoptr(GDateTime) now = NULL;
  GTimeSpan ahead;
  gint64 days;

  /* A published story's time is history, not a mistake. */
  if (when == NULL || byline_article_get_status (ctx->article) == BYLINE_STATUS_PUBLISHED)
    return;

  now = ctx->options->now != NULL ? g_date_time_ref (ctx->options->now) : g_date_time_new_now_utc ();
  ahead = g_date_time_difference (when, now);
  days = ABS (ahead) / G_TIME_SPAN_DAY;

  if (ahead < 0 && ctx->options->max_days_past > 0 && days >= ctx->options->max_days_past)
    _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "publish-time-past", 0, 0, NULL,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The publication time is %u day in the past",
                                    "The publication time is %u days in the past", days),
                       (guint) days);
  else if (ahead > 0 && ctx->options->max_days_future > 0 && days >= ctx->options->max_days_future)
    _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "publish-time-future", 0, 0, NULL,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The publication time is %u day ahead",
                                    "The publication time is %u days ahead", days),
                       (guint) days);
}

/* A picture with no credit whose caption ends with one ("… Ảnh: Hà Anh"):
 * the fix moves it.  Returns whether it was found. */
static gboolean
check_credit_in_caption (BylineCheckContext    *ctx,
                         const BylineCheckUnit *unit)
{
  g_autofree char *credit = NULL;
  g_autofree char *caption = NULL;
  BylineFinding *finding;

  if (unit->field != BYLINE_FIELD_CAPTION || unit->image == NULL
      || !byline_text_is_blank (byline_image_get_credit (unit->image)))
    return FALSE;
  caption = byline_text_split_credit (unit->text, &credit);
  if (caption == NULL || !g_str_has_prefix (unit->text, caption))
    return FALSE;
  /* The fix takes the caption's tail away and puts it in the credit. */
  finding = _byline_check_add (ctx, unit, BYLINE_SEVERITY_ERROR, "credit-in-caption",
                               g_utf8_strlen (caption, -1), g_utf8_strlen (unit->text, -1), "",
                               _("Picture %u has its credit in the caption: “%s”"), unit->picture, credit);
  if (finding == NULL)   /* this check switched off: "has no credit" then */
    return FALSE;
  _byline_finding_set_credit (finding, credit);
  return TRUE;
}

static void
check_pictures (BylineCheckContext *ctx)
{
  g_autoptr(GHashTable) credited = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < ctx->units->len; i++)
    {
      const BylineCheckUnit *unit = &g_array_index (ctx->units, BylineCheckUnit, i);

      if (check_credit_in_caption (ctx, unit))
        g_hash_table_add (credited, unit->image);
      if (!byline_text_is_blank (unit->text))
        continue;
      if (unit->field == BYLINE_FIELD_CAPTION)
        _byline_check_add (ctx, unit, BYLINE_SEVERITY_ERROR, "missing-caption", 0, 0, NULL,
                           _("Picture %u has no caption"), unit->picture);
      else if (unit->field == BYLINE_FIELD_CREDIT && !g_hash_table_contains (credited, unit->image))
        _byline_check_add (ctx, unit, BYLINE_SEVERITY_ERROR, "missing-credit", 0, 0, NULL,
                           _("Picture %u has no credit"), unit->picture);
      else if (unit->field == BYLINE_FIELD_ALT_TEXT)
        _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "missing-alt-text", 0, 0, NULL,
                           _("Picture %u has no description for readers who cannot see it (alt text)"),
                           unit->picture);
    }
}

/* The unit of body paragraph @block, or NULL. */
static const BylineCheckUnit *
body_unit (BylineCheckContext *ctx,
           int                 block)
{
  for (guint i = 0; block >= 0 && i < ctx->units->len; i++)
    {
      const BylineCheckUnit *unit = &g_array_index (ctx->units, BylineCheckUnit, i);

      if (unit->field == BYLINE_FIELD_BODY && unit->block == block)
        return unit;
    }
  return NULL;
}

/* Pictures the story was to have and has not: a document's that could not
 * come in, a ninjs item's still elsewhere (byline-article-missing.c).  One
 * whose caption stands in the text is named there, where it goes once added
 * with the cursor in it; the others together.  The fix forgets them, once
 * added by hand or not wanted. */
static void
check_missing_pictures (BylineCheckContext *ctx)
{
  g_auto(GStrv) names = byline_article_dup_missing_pictures (ctx->article);
  g_autoptr(GPtrArray) rest = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  g_autofree char *source = NULL;
  g_autofree char *list = NULL;
  BylineCheckUnit unit = { BYLINE_FIELD_ARTICLE, -1, NULL, 0, NULL, ctx->units->len };
  BylineFinding *finding;
  guint n;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      const BylineCheckUnit *paragraph = body_unit (ctx, byline_article_find_missing_place (ctx->article, (int) i));

      if (paragraph == NULL)
        {
          g_ptr_array_add (rest, names[i]);
          continue;
        }
      finding = _byline_check_add (ctx, paragraph, BYLINE_SEVERITY_WARNING, "missing-pictures", 0,
                                   g_utf8_strlen (paragraph->text, -1), NULL,
                                   _("The picture “%s” is not in the story: this paragraph was its caption. "
                                     "Put the cursor in it and add the picture to put it here"), names[i]);
      if (finding != NULL)
        _byline_finding_set_forgets_pictures (finding, (const char * const[]) { names[i], NULL });
    }

  if ((n = rest->len) == 0)
    return;
  source = byline_article_dup_missing_source (ctx->article);
  list = g_strjoinv (", ", (char **) rest->pdata);
  if (source != NULL)
    finding = _byline_check_add (ctx, &unit, BYLINE_SEVERITY_WARNING, "missing-pictures", 0, 0, NULL,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "%u picture of %s is not in the story: %s",
                                              "%u pictures of %s are not in the story: %s", n),
                                 n, source, list);
  else
    finding = _byline_check_add (ctx, &unit, BYLINE_SEVERITY_WARNING, "missing-pictures", 0, 0, NULL,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "%u picture is not in the story: %s",
                                              "%u pictures are not in the story: %s", n),
                                 n, list);
  if (finding != NULL)
    _byline_finding_set_forgets_pictures (finding, (const char * const *) rest->pdata);
}

/* ------------------------------------------------------------- tone marks */

static const char *
style_example (BylineToneStyle style)
{
  return style == BYLINE_TONE_STYLE_CLASSIC ? "hòa, thủy" : "hoà, thuỷ";
}

static void
free_scan (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

static void
check_tone (BylineCheckContext *ctx)
{
  BylineToneStyle wanted = ctx->options->tone_style;
  BylineToneStyle target = wanted;
  g_autoptr(GPtrArray) scans = g_ptr_array_new_with_free_func (free_scan);
  guint classic = 0, modern = 0;

  for (guint i = 0; i < ctx->units->len; i++)
    {
      const BylineCheckUnit *unit = &g_array_index (ctx->units, BylineCheckUnit, i);
      GArray *found = _byline_check_unit_is_prose (unit) ? byline_tone_scan (unit->text) : NULL;

      g_ptr_array_add (scans, found);
      for (guint k = 0; found != NULL && k < found->len; k++)
        {
          BylineTonePlacement p = g_array_index (found, BylineToneSyllable, k).placement;
          classic += p == BYLINE_TONE_PLACEMENT_CLASSIC;
          modern += p == BYLINE_TONE_PLACEMENT_MODERN;
        }
    }

  /* Without a house style the story's own majority decides; on a tie, the
   * modern placement (the school rule, and the dictionary's). */
  if (target == BYLINE_TONE_STYLE_ANY && classic > 0 && modern > 0)
    target = classic > modern ? BYLINE_TONE_STYLE_CLASSIC : BYLINE_TONE_STYLE_MODERN;
  ctx->tone_target = target;
  if (target == BYLINE_TONE_STYLE_ANY && classic != modern)
    ctx->tone_target = classic > modern ? BYLINE_TONE_STYLE_CLASSIC : BYLINE_TONE_STYLE_MODERN;

  for (guint i = 0; i < ctx->units->len; i++)
    {
      const BylineCheckUnit *unit = &g_array_index (ctx->units, BylineCheckUnit, i);
      GArray *found = g_ptr_array_index (scans, i);

      for (guint k = 0; found != NULL && k < found->len; k++)
        {
          const BylineToneSyllable *s = &g_array_index (found, BylineToneSyllable, k);
          g_autofree char *word = _byline_check_excerpt (unit->text, s->start, s->end);
          g_autofree char *fixed = NULL;
          gboolean off_style;

          off_style = (target == BYLINE_TONE_STYLE_CLASSIC && s->placement == BYLINE_TONE_PLACEMENT_MODERN)
                      || (target == BYLINE_TONE_STYLE_MODERN && s->placement == BYLINE_TONE_PLACEMENT_CLASSIC);
          fixed = byline_tone_place (word, -1, target);

          if (s->placement == BYLINE_TONE_PLACEMENT_MISPLACED)
            _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "misplaced-tone", s->start, s->end, fixed,
                               _("The tone mark of “%s” is on the wrong vowel: “%s”"), word, fixed);
          else if (off_style && wanted != BYLINE_TONE_STYLE_ANY)
            _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "tone-style", s->start, s->end, fixed,
                               _("The house style places tone marks as in “%s”: “%s”"),
                               style_example (target), fixed);
          else if (off_style)
            _byline_check_add (ctx, unit, BYLINE_SEVERITY_WARNING, "mixed-tone-style", s->start, s->end, fixed,
                               _("Tone marks are placed two ways in this story; most are as in “%s”: “%s”"),
                               style_example (target), fixed);
        }
    }
}

/* ------------------------------------------------------------------ driver */

static BylineCheckUnit *
add_unit (BylineCheckContext *ctx,
          BylineField         field,
          const char         *text)
{
  BylineCheckUnit unit = { field, -1, NULL, 0, text, ctx->units->len };

  g_array_append_val (ctx->units, unit);
  return &g_array_index (ctx->units, BylineCheckUnit, ctx->units->len - 1);
}

static void
collect_units (BylineCheckContext *ctx)
{
  BylineArticle *article = ctx->article;
  BylineBody *body = byline_article_get_body (article);
  char *byline = byline_article_dup_byline (article);

  g_ptr_array_add (ctx->strings, byline);
  add_unit (ctx, BYLINE_FIELD_HEADLINE, byline_article_get_headline (article));
  add_unit (ctx, BYLINE_FIELD_LEAD, byline_article_get_lead (article));
  add_unit (ctx, BYLINE_FIELD_BYLINE, byline);
  add_unit (ctx, BYLINE_FIELD_CATEGORY, byline_article_get_category (article));
  add_unit (ctx, BYLINE_FIELD_PUBLISH_TIME, NULL);

  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);

      if (byline_block_kind_is_text (byline_block_get_kind (block)))
        add_unit (ctx, BYLINE_FIELD_BODY, byline_block_get_text (block))->block = i;
    }

  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      const struct { BylineField field; const char *text; } parts[] = {
        { BYLINE_FIELD_CAPTION, byline_image_get_caption (image) },
        { BYLINE_FIELD_CREDIT, byline_image_get_credit (image) },
        { BYLINE_FIELD_ALT_TEXT, byline_image_get_alt_text (image) },
      };

      for (gsize k = 0; k < G_N_ELEMENTS (parts); k++)
        {
          BylineCheckUnit *unit = add_unit (ctx, parts[k].field, parts[k].text);

          unit->image = image;
          unit->picture = i + 1;
        }
    }
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  BylineFinding *fa = *(BylineFinding **) a;
  BylineFinding *fb = *(BylineFinding **) b;
  BylineSeverity sa = byline_finding_get_severity (fa);
  BylineSeverity sb = byline_finding_get_severity (fb);
  guint oa = _byline_finding_get_order (fa);
  guint ob = _byline_finding_get_order (fb);

  if (sa != sb)
    return sa > sb ? -1 : 1;
  if (oa != ob)
    return oa < ob ? -1 : 1;
  return (byline_finding_get_start (fa) > byline_finding_get_start (fb))
         - (byline_finding_get_start (fa) < byline_finding_get_start (fb));
}

static GListModel *
finish (BylineCheckContext *ctx)
{
  GListStore *store = g_list_store_new (BYLINE_TYPE_FINDING);

  /* Stable: findings of one place stay in the order the checks found them. */
  g_ptr_array_sort (ctx->findings, compare_findings);
  g_list_store_splice (store, 0, 0, ctx->findings->pdata, ctx->findings->len);
  g_ptr_array_unref (ctx->findings);
  g_array_unref (ctx->units);
  g_ptr_array_unref (ctx->strings);
  g_clear_object (&ctx->options);
  return G_LIST_MODEL (store);
}

static void
context_init (BylineCheckContext *ctx,
              BylineArticle      *article,
              BylineCheckOptions *options)
{
  ctx->article = article;
  ctx->options = options != NULL ? g_object_ref (options) : byline_check_options_new ();
  ctx->findings = g_ptr_array_new_with_free_func (g_object_unref);
  ctx->units = g_array_new (FALSE, TRUE, sizeof (BylineCheckUnit));
  ctx->strings = g_ptr_array_new_with_free_func (g_free);
  ctx->tone_target = ctx->options->tone_style;
}

GListModel *
byline_check_article (BylineArticle      *article,
                      BylineCheckOptions *options)
{
  BylineCheckContext ctx = { 0 };

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (options == NULL || BYLINE_IS_CHECK_OPTIONS (options), NULL);

  context_init (&ctx, article, options);
  collect_units (&ctx);

  check_required (&ctx);
  check_length (&ctx, BYLINE_FIELD_HEADLINE, ctx.options->headline_max_chars, "headline-too-long",
                _("The headline has %u characters; the limit is %u"));
  check_length (&ctx, BYLINE_FIELD_LEAD, ctx.options->lead_max_chars, "lead-too-long",
                _("The lead has %u characters; the limit is %u"));
  check_source_prefix (&ctx);
  check_publish_time (&ctx);
  check_pictures (&ctx);
  check_missing_pictures (&ctx);
  _byline_check_captions (&ctx);

  for (guint i = 0; i < ctx.units->len; i++)
    {
      const BylineCheckUnit *unit = &g_array_index (ctx.units, BylineCheckUnit, i);

      if (!_byline_check_unit_is_prose (unit))
        continue;
      /* Gibberish until converted: nothing else to say about it. */
      if (_byline_check_legacy (&ctx, unit))
        continue;
      _byline_check_marks (&ctx, unit);
      _byline_check_spacing (&ctx, unit);
      _byline_check_doubled_words (&ctx, unit);
      _byline_check_nfc (&ctx, unit);
    }

  check_tone (&ctx);
  _byline_check_consistency (&ctx);
  _byline_check_spelling (&ctx);

  return finish (&ctx);
}

static void
line_and_column (const char *text,
                 guint       offset,
                 guint      *line,
                 guint      *column)
{
  guint pos = 0;

  *line = 1;
  *column = 1;
  for (const char *p = text; *p && pos < offset; p = g_utf8_next_char (p), pos++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else
        (*column)++;
    }
}

GListModel *
byline_check_raw_text (const char *text,
                       gssize      length,
                       const char *source_name)
{
  BylineCheckContext ctx = { 0 };
  BylineCheckUnit *unit;
  g_autofree char *valid = NULL;
  const char *bad = NULL;
  guint start, end, count, line, column;
  guint invisible = 0, first_invisible = 0, pos = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (source_name == NULL)
    source_name = "<input>";
  context_init (&ctx, NULL, NULL);

  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate_len (text, length, &bad))
    {
      unit = add_unit (&ctx, BYLINE_FIELD_SOURCE, NULL);
      _byline_check_add (&ctx, unit, BYLINE_SEVERITY_ERROR, "not-utf8", 0, 0, NULL,
                         _("%s: byte %lu is not UTF-8 text"),
                         source_name, (unsigned long) (bad - text));
      return finish (&ctx);
    }
  valid = g_strndup (text, length);
  unit = add_unit (&ctx, BYLINE_FIELD_SOURCE, valid);

  count = _byline_find_non_nfc (valid, &start, &end);
  if (count > 0)
    {
      line_and_column (valid, start, &line, &column);
      _byline_check_add (&ctx, unit, BYLINE_SEVERITY_WARNING, "not-nfc", start, end, NULL,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s:%u:%u: %u letter is not in Unicode NFC; it is normalized on import",
                                      "%s:%u:%u: %u letters are not in Unicode NFC; they are normalized on import",
                                      count),
                         source_name, line, column, count);
    }

  for (const char *p = valid; *p; p = g_utf8_next_char (p), pos++)
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F
          || c == 0x200B || c == 0x2060 || (c == 0xFEFF && pos > 0))
        {
          if (invisible++ == 0)
            first_invisible = pos;
        }
    }
  if (invisible > 0)
    {
      line_and_column (valid, first_invisible, &line, &column);
      _byline_check_add (&ctx, unit, BYLINE_SEVERITY_INFO, "invisible-character",
                         first_invisible, first_invisible + 1, "",
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%s:%u:%u: %u invisible character (control or zero-width) is removed on import",
                                      "%s:%u:%u: %u invisible characters (control or zero-width) are removed on import",
                                      invisible),
                         source_name, line, column, invisible);
    }

  /* The findings point into @valid: keep their excerpts, not the text. */
  return finish (&ctx);
}

gboolean
byline_findings_have_errors (GListModel *findings)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (findings), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);

      if (byline_finding_get_severity (finding) == BYLINE_SEVERITY_ERROR)
        return TRUE;
    }
  return FALSE;
}

JsonNode *
byline_findings_to_json (GListModel    *findings,
                         BylineArticle *article)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint counts[3] = { 0, 0, 0 };

  g_return_val_if_fail (G_IS_LIST_MODEL (findings), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);

      counts[byline_finding_get_severity (finding)]++;
      json_builder_add_value (builder, byline_finding_to_json (finding, article));
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "errors");
  json_builder_add_int_value (builder, counts[BYLINE_SEVERITY_ERROR]);
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_int_value (builder, counts[BYLINE_SEVERITY_WARNING]);
  json_builder_set_member_name (builder, "infos");
  json_builder_add_int_value (builder, counts[BYLINE_SEVERITY_INFO]);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
