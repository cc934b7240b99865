/* byline-consistency.h — one word, one spelling: within an article and against the archive
 *
 * hunspell knows Vietnamese syllables, not words, so "sạt lỡ" passes it although the
 * word is "sạt lở".  The consistency check groups phrases of two and three syllables
 * that are the same once marks, spacing, tone placement and the i/y of "kỹ"/"kĩ" are
 * set aside, and flags the rare spelling of a group where another dominates — in the
 * article, or in an archive of the newsroom's other stories.  A house list of known
 * wrong → right pairs, kept by the newsroom in a text file, is applied as well.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-types.h"

G_BEGIN_DECLS

typedef struct
{
  guint     text;          /* index into the texts given to byline_consistency_check() */
  guint     start;         /* characters */
  guint     end;
  char     *found;         /* as written in the text */
  char     *suggestion;    /* the dominant spelling, in the capitals of @found */
  guint     found_count;   /* uses of @found: in the texts, plus archive documents */
  guint     suggestion_count;
  gboolean  house_rule;    /* from the house list, not from counting */
} BylineInconsistency;

void byline_inconsistency_free (BylineInconsistency *inconsistency);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineInconsistency, byline_inconsistency_free)

/* ------------------------------------------------------------ house list */

#define BYLINE_TYPE_HOUSE_LIST (byline_house_list_get_type ())

G_DECLARE_FINAL_TYPE (BylineHouseList, byline_house_list, BYLINE, HOUSE_LIST, GObject)

BylineHouseList *byline_house_list_new        (void);
/* One pair a line, "wrong → right" (also "->" or "=>" or a tab); "#" starts a
 * comment; blank lines are skipped.  The wrong side is words and spaces only.
 * Fails with BYLINE_ERROR_MALFORMED naming the file and line. */
gboolean         byline_house_list_load       (BylineHouseList  *self,
                                               GFile            *file,
                                               GError          **error);
gboolean         byline_house_list_load_data  (BylineHouseList  *self,
                                               const char       *data,
                                               gssize            length,
                                               const char       *source_name,
                                               GError          **error);
gboolean         byline_house_list_add        (BylineHouseList  *self,
                                               const char       *wrong,
                                               const char       *right,
                                               GError          **error);
guint            byline_house_list_get_n_rules (BylineHouseList *self);

/* ---------------------------------------------------------------- archive */

#define BYLINE_TYPE_CONSISTENCY_INDEX (byline_consistency_index_get_type ())

G_DECLARE_FINAL_TYPE (BylineConsistencyIndex, byline_consistency_index, BYLINE, CONSISTENCY_INDEX, GObject)

BylineConsistencyIndex *byline_consistency_index_new          (void);
/* Each call adds one document: an article counts once per spelling it uses. */
void                    byline_consistency_index_add_texts    (BylineConsistencyIndex  *self,
                                                               const char * const      *texts,
                                                               gssize                   n_texts);
void                    byline_consistency_index_add_article  (BylineConsistencyIndex  *self,
                                                               BylineArticle           *article);
/* Every draft of @store but @skip_id (may be NULL).  Drafts that fail to load are
 * skipped with a warning; only listing the store can fail. */
gboolean                byline_consistency_index_add_store    (BylineConsistencyIndex  *self,
                                                               BylineDraftStore        *store,
                                                               const char              *skip_id,
                                                               GCancellable            *cancellable,
                                                               GError                 **error);
guint                   byline_consistency_index_get_n_documents (BylineConsistencyIndex *self);

/* Inconsistencies (BylineInconsistency) in @texts, in text order.  @archive and
 * @house_list may be NULL. */
GPtrArray              *byline_consistency_check              (BylineConsistencyIndex  *archive,
                                                               BylineHouseList         *house_list,
                                                               const char * const      *texts,
                                                               gssize                   n_texts);

G_END_DECLS
