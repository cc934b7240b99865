/* byline-checks.h — the preflight checks: everything a story must have before it goes out
 *
 * One call, byline_check_article(), runs every check on an article and returns
 * its findings: each has a severity (errors block publishing unless an editor
 * overrides them), a stable code for scripts ("missing-caption", "spelling", ...),
 * a translated message, the place it refers to (a field, a body block or a
 * picture's caption, credit or alt text, and a character range in that text) and,
 * when there is one, a suggested replacement for that range.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "byline-types.h"
#include "byline-tone.h"
#include "byline-spell.h"
#include "byline-consistency.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_SEVERITY_INFO,
  BYLINE_SEVERITY_WARNING,
  BYLINE_SEVERITY_ERROR,
} BylineSeverity;

#define BYLINE_TYPE_SEVERITY (byline_severity_get_type ())
GType byline_severity_get_type (void) G_GNUC_CONST;

typedef enum
{
  BYLINE_FIELD_ARTICLE,       /* the story as a whole */
  BYLINE_FIELD_HEADLINE,
  BYLINE_FIELD_LEAD,
  BYLINE_FIELD_BYLINE,        /* the authors */
  BYLINE_FIELD_CATEGORY,
  BYLINE_FIELD_PUBLISH_TIME,
  BYLINE_FIELD_BODY,          /* a block of the body: see byline_finding_get_block() */
  BYLINE_FIELD_CAPTION,       /* of a picture: see byline_finding_get_image_id() */
  BYLINE_FIELD_CREDIT,
  BYLINE_FIELD_ALT_TEXT,
  BYLINE_FIELD_SOURCE,        /* raw input before import (byline_check_raw_text()) */
} BylineField;

#define BYLINE_TYPE_FIELD (byline_field_get_type ())
GType byline_field_get_type (void) G_GNUC_CONST;

/* ---------------------------------------------------------------- finding */

#define BYLINE_TYPE_FINDING (byline_finding_get_type ())

G_DECLARE_FINAL_TYPE (BylineFinding, byline_finding, BYLINE, FINDING, GObject)

BylineFinding  *byline_finding_new             (BylineSeverity   severity,
                                                const char      *code,
                                                BylineField      field,
                                                const char      *message);
BylineSeverity  byline_finding_get_severity    (BylineFinding   *self);
const char     *byline_finding_get_code        (BylineFinding   *self);
const char     *byline_finding_get_message     (BylineFinding   *self);
BylineField     byline_finding_get_field       (BylineFinding   *self);
/* BYLINE_FIELD_BODY: the index of the block in the body; -1 otherwise. */
int             byline_finding_get_block       (BylineFinding   *self);
/* CAPTION, CREDIT, ALT_TEXT (and picture-wide findings): the picture's id. */
const char     *byline_finding_get_image_id    (BylineFinding   *self);
/* The range of the finding in its text, in characters; start == end when the
 * finding is about the whole field (a missing caption). */
guint           byline_finding_get_start       (BylineFinding   *self);
guint           byline_finding_get_end         (BylineFinding   *self);
/* The text of that range when the check ran, or NULL. */
const char     *byline_finding_get_excerpt     (BylineFinding   *self);
/* What to put in the range instead, or NULL when there is no single fix. */
const char     *byline_finding_get_suggestion  (BylineFinding   *self);
/* What byline_finding_apply() does when it is not putting the suggestion in
 * the range (translated, for a tooltip), or NULL. */
const char     *byline_finding_get_fix_label   (BylineFinding   *self);
/* The names of the pictures not in the story that byline_finding_apply()
 * forgets (byline_article_dup_missing_pictures()), or NULL. */
const char * const *byline_finding_get_forgotten_pictures (BylineFinding *self);

void            byline_finding_set_block       (BylineFinding   *self,
                                                int              block);
void            byline_finding_set_image_id    (BylineFinding   *self,
                                                const char      *image_id);
/* Notifies "start", "end" and "excerpt" when they change: the same finding
 * moved with the text around it. */
void            byline_finding_set_range       (BylineFinding   *self,
                                                guint            start,
                                                guint            end,
                                                const char      *excerpt);
void            byline_finding_set_suggestion  (BylineFinding   *self,
                                                const char      *suggestion);
/* The same finding found again, said differently (its counts changed):
 * notifies "message". */
void            byline_finding_set_message     (BylineFinding   *self,
                                                const char      *message);

/* "Headline", "Body, paragraph 3", "Picture 2, caption" ... (translated), plus
 * the character range when there is one. */
char           *byline_finding_dup_location    (BylineFinding   *self,
                                                BylineArticle   *article);
/* Replaces the finding's range by its suggestion, if the text there is still the
 * excerpt; FALSE (and nothing changed) otherwise.  Body spans are kept.  A
 * finding with a fix label does what it says instead. */
gboolean        byline_finding_apply           (BylineFinding   *self,
                                                BylineArticle   *article);
JsonNode       *byline_finding_to_json         (BylineFinding   *self,
                                                BylineArticle   *article);

/* ---------------------------------------------------------------- options */

#define BYLINE_TYPE_CHECK_OPTIONS (byline_check_options_get_type ())

G_DECLARE_FINAL_TYPE (BylineCheckOptions, byline_check_options, BYLINE, CHECK_OPTIONS, GObject)

/* Defaults: headline ≤ 120 characters, lead ≤ 400, no source prefix required, any
 * tone style (but not mixed), publication time at most 7 days past or 60 days
 * ahead, captions "nearly the same" within 15% of their length, suggestions for
 * the first 20 unknown words; no spelling, archive or house list until set.
 * Every option is also a property of the same name with "-" for "_". */
BylineCheckOptions *byline_check_options_new                   (void);
void                byline_check_options_set_headline_max_chars (BylineCheckOptions *self,
                                                                 guint               max_chars);
void                byline_check_options_set_lead_max_chars    (BylineCheckOptions *self,
                                                                 guint               max_chars);
/* "BLC": the lead must then start with "(BLC) - " unless the story has a source
 * prefix of its own (which the exports put in front of the lead). */
void                byline_check_options_set_source_prefix     (BylineCheckOptions *self,
                                                                 const char         *source_prefix);
void                byline_check_options_set_tone_style        (BylineCheckOptions *self,
                                                                 BylineToneStyle     style);
void                byline_check_options_set_max_days          (BylineCheckOptions *self,
                                                                 guint               past,
                                                                 guint               future);
/* The time "past" and "ahead" are measured from; NULL: the time of the check. */
void                byline_check_options_set_now               (BylineCheckOptions *self,
                                                                 GDateTime          *now);
void                byline_check_options_set_spell_checker     (BylineCheckOptions *self,
                                                                 BylineSpellChecker *checker);
void                byline_check_options_set_archive           (BylineCheckOptions *self,
                                                                 BylineConsistencyIndex *archive);
void                byline_check_options_set_house_list        (BylineCheckOptions *self,
                                                                 BylineHouseList    *house_list);
/* Codes of checks not to run ("missing-category", ...); NULL: run all. */
void                byline_check_options_set_disabled          (BylineCheckOptions *self,
                                                                 const char * const *codes);
gboolean            byline_check_options_is_enabled            (BylineCheckOptions *self,
                                                                 const char         *code);

/* ----------------------------------------------------------------- checks */

/* Every check on @article; @options NULL: the defaults.  A GListModel of
 * BylineFinding: errors first, then in the order of the story. */
GListModel     *byline_check_article            (BylineArticle      *article,
                                                 BylineCheckOptions *options);
/* Checks of the text as it arrived, before the model normalized it (for imports):
 * not NFC, control characters.  @source_name names it in messages. */
GListModel     *byline_check_raw_text           (const char         *text,
                                                 gssize              length,
                                                 const char         *source_name);
gboolean        byline_findings_have_errors     (GListModel         *findings);
JsonNode       *byline_findings_to_json         (GListModel         *findings,
                                                 BylineArticle      *article);

/* "Fix all" for tone marks: moves every mark in the headline, lead, body and
 * picture texts to where @style puts it (misplaced marks too); body spans are
 * kept.  Returns how many syllables changed. */
guint           byline_article_apply_tone_style (BylineArticle      *article,
                                                 BylineToneStyle     style);

const char     *byline_severity_to_string       (BylineSeverity      severity);
const char     *byline_field_to_string          (BylineField         field);

G_END_DECLS
