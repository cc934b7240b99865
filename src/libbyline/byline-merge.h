/* byline-merge.h — a three-way merge of two versions of a story and the one both came from
 *
 * Field by field (headline, lead, byline, dateline, source, category, tags),
 * the body block by block (diff3 over the blocks: a run of blocks changed on
 * one side only is taken from that side; when both sides changed the same
 * number of blocks, block by block again), and each picture's caption, credit
 * and alt text by the picture's id.  What one side changed and the other did
 * not is taken automatically; what both changed differently is a conflict,
 * reported with the three versions and resolved by choosing a side.  Until
 * then the merged story holds "ours" there, so nothing of ours is lost; the
 * caller keeps "theirs" (byline_review keeps it in the draft's history).
 *
 * Pictures added on either side are kept, a picture removed on one side is
 * removed unless the other changed its texts; the picture's bytes are ours
 * when we have them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-diff.h"
#include "byline-types.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_MERGE_UNRESOLVED,  /* ours, until chosen */
  BYLINE_MERGE_TAKE_OURS,
  BYLINE_MERGE_TAKE_THEIRS,
  BYLINE_MERGE_TAKE_BOTH,   /* body only: ours, then theirs */
} BylineMergeChoice;

typedef struct
{
  BylinePart         part;
  char              *label;        /* "Headline", "Body, paragraph 3", "Picture 1, caption" */
  char              *base_text;    /* blocks joined by blank lines */
  char              *ours_text;
  char              *theirs_text;
  char              *image_id;     /* CAPTION, CREDIT, ALT_TEXT */
  BylineMergeChoice  choice;
} BylineMergeConflict;

#define BYLINE_TYPE_MERGE (byline_merge_get_type ())

G_DECLARE_FINAL_TYPE (BylineMerge, byline_merge, BYLINE, MERGE, GObject)

/* @base may be NULL when the common version is unknown: every difference is
 * then a conflict. */
BylineMerge               *byline_merge_new               (BylineArticle     *base,
                                                           BylineArticle     *ours,
                                                           BylineArticle     *theirs);
guint                      byline_merge_get_n_conflicts   (BylineMerge       *self);
const BylineMergeConflict *byline_merge_get_conflict      (BylineMerge       *self,
                                                           guint              index);
/* FALSE for BOTH outside the body. */
gboolean                   byline_merge_resolve           (BylineMerge       *self,
                                                           guint              index,
                                                           BylineMergeChoice  choice);
/* Every conflict resolved (or none). */
gboolean                   byline_merge_is_resolved       (BylineMerge       *self);
/* Changes taken from theirs without asking. */
guint                      byline_merge_get_n_taken       (BylineMerge       *self);
/* The merged story: a copy of ours (id, status, remote state, editor's note)
 * with the merged texts, body and pictures. */
BylineArticle             *byline_merge_dup_result        (BylineMerge       *self);
/* Saves the merged story over its draft in @store as the draft is there
 * now (two copies of one draft, the window's and one saved elsewhere since
 * it was opened): the next revision, the other in the history. */
BylineArticle             *byline_merge_save_draft        (BylineMerge       *self,
                                                           BylineDraftStore  *store,
                                                           GError           **error);
/* [{index, part, label, base, ours, theirs, choice}] */
JsonNode                  *byline_merge_conflicts_to_json (BylineMerge       *self);

const char                *byline_merge_choice_to_string  (BylineMergeChoice  choice);
gboolean                   byline_merge_choice_from_string (const char       *str,
                                                           BylineMergeChoice *choice);

G_END_DECLS
