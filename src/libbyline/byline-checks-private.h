/* byline-checks-private.h — what the parts of the checker share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-checks.h"
#include "byline-image.h"

G_BEGIN_DECLS

/* The options, for the checks to read directly. */
struct _BylineCheckOptions
{
  GObject                 parent_instance;

  guint                   headline_max_chars;
  guint                   lead_max_chars;
  char                   *source_prefix;
  BylineToneStyle         tone_style;
  guint                   max_days_past;
  guint                   max_days_future;
  double                  caption_similarity;
  guint                   max_suggestions;
  GDateTime              *now;
  BylineSpellChecker     *spell_checker;
  BylineConsistencyIndex *archive;
  BylineHouseList        *house_list;
  GStrv                   disabled;
};

/* One text of the story, or one metadata field, with its place. */
typedef struct
{
  BylineField  field;
  int          block;     /* BYLINE_FIELD_BODY */
  BylineImage *image;     /* picture fields */
  guint        picture;   /* 1-based number of the picture */
  const char  *text;      /* NULL for fields that are not text */
  guint        order;     /* position in the story, for sorting */
} BylineCheckUnit;

typedef struct
{
  BylineArticle      *article;   /* NULL for raw text */
  BylineCheckOptions *options;
  GPtrArray          *findings;
  GArray             *units;     /* BylineCheckUnit */
  BylineToneStyle     tone_target; /* the house style, else the story's majority */
  GPtrArray          *strings;   /* texts the units point to that the context owns */
} BylineCheckContext;

/* Adds a finding at [start, end) of @unit's text, when its code is enabled. */
BylineFinding *_byline_check_add (BylineCheckContext    *ctx,
                                  const BylineCheckUnit *unit,
                                  BylineSeverity         severity,
                                  const char            *code,
                                  guint                  start,
                                  guint                  end,
                                  const char            *suggestion,
                                  const char            *format,
                                  ...) G_GNUC_PRINTF (8, 9);

/* byline-checks.c */
gboolean _byline_check_unit_is_prose  (const BylineCheckUnit *unit);
/* The characters [start, end) of @text, or NULL when the range is empty. */
char    *_byline_check_excerpt        (const char            *text,
                                       guint                  start,
                                       guint                  end);

/* byline-checks-words.c: spelling and consistency over the whole story */
void     _byline_check_spelling       (BylineCheckContext    *ctx);
void     _byline_check_consistency    (BylineCheckContext    *ctx);

/* byline-checks-text.c: rules on one text */
void     _byline_check_marks          (BylineCheckContext    *ctx,
                                       const BylineCheckUnit *unit);
void     _byline_check_spacing        (BylineCheckContext    *ctx,
                                       const BylineCheckUnit *unit);
void     _byline_check_doubled_words  (BylineCheckContext    *ctx,
                                       const BylineCheckUnit *unit);
void     _byline_check_nfc            (BylineCheckContext    *ctx,
                                       const BylineCheckUnit *unit);
/* Whether @unit is TCVN3 or VNI text (and then a finding with its fix). */
gboolean _byline_check_legacy         (BylineCheckContext    *ctx,
                                       const BylineCheckUnit *unit);
/* The number of pieces of @text that NFC would change, and the character range
 * of the first one. */
guint    _byline_find_non_nfc         (const char            *text,
                                       guint                 *start,
                                       guint                 *end);
/* Over all the captions of the story. */
void     _byline_check_captions       (BylineCheckContext    *ctx);
/* The Levenshtein distance of @a and @b (code points) when it is at most
 * @limit, else @limit + 1. */
guint    _byline_edit_distance        (const gunichar        *a,
                                       guint                  la,
                                       const gunichar        *b,
                                       guint                  lb,
                                       guint                  limit);

/* byline-checks-finding.c */
void     _byline_finding_set_credit   (BylineFinding         *self,
                                       const char            *credit);
void     _byline_finding_set_takes_byline (BylineFinding      *self);
void     _byline_finding_set_forgets_pictures (BylineFinding      *self,
                                               const char * const *names);
void     _byline_finding_set_order    (BylineFinding         *self,
                                       guint                  order);
guint    _byline_finding_get_order    (BylineFinding         *self);


G_END_DECLS
