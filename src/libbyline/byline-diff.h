/* byline-diff.h — what changed between two versions of a story, readably
 *
 * Field by field (headline, lead, byline, dateline, category, tags), the body
 * block by block (a longest common subsequence of the blocks, so a paragraph
 * inserted in the middle is one "added" entry, not every later one changed),
 * and the pictures by id (caption, credit, alt text; added, removed).  Used to
 * show a reporter what the editor changed since submission, and by the merge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-types.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_PART_HEADLINE,
  BYLINE_PART_LEAD,
  BYLINE_PART_AUTHORS,
  BYLINE_PART_DATELINE,
  BYLINE_PART_SOURCE_PREFIX,
  BYLINE_PART_CATEGORY,
  BYLINE_PART_TAGS,
  BYLINE_PART_BODY,       /* blocks of the body */
  BYLINE_PART_PICTURE,    /* a picture added or removed */
  BYLINE_PART_CAPTION,    /* of a picture */
  BYLINE_PART_CREDIT,
  BYLINE_PART_ALT_TEXT,
} BylinePart;

typedef enum
{
  BYLINE_DIFF_CHANGED,
  BYLINE_DIFF_ADDED,
  BYLINE_DIFF_REMOVED,
} BylineDiffKind;

typedef struct
{
  BylinePart      part;
  BylineDiffKind  kind;
  char           *label;       /* "Headline", "Body, paragraph 3", "Picture 2, caption" (translated) */
  char           *old_text;    /* NULL for ADDED */
  char           *new_text;    /* NULL for REMOVED */
  int             block;       /* BODY: the block's index in the new version (old for REMOVED); else -1 */
  char           *image_id;    /* PICTURE, CAPTION, CREDIT, ALT_TEXT; else NULL */
} BylineDiffEntry;

void        byline_diff_entry_free     (BylineDiffEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineDiffEntry, byline_diff_entry_free)

/* BylineDiffEntry elements in the order of the story; empty when nothing differs. */
GPtrArray  *byline_article_diff        (BylineArticle   *old_version,
                                        BylineArticle   *new_version);
/* Word by word: unchanged words as they are, "[-removed-]" and "{+added+}". */
char       *byline_diff_words          (const char      *old_text,
                                        const char      *new_text);
/* One paragraph per entry: its label, then the words that changed
 * (byline_diff_words), or the text added or removed. */
char       *byline_diff_to_text        (GPtrArray       *entries);
/* [{part, kind, label, old, new, block, image}] */
JsonNode   *byline_diff_to_json        (GPtrArray       *entries);
const char *byline_part_to_string      (BylinePart       part);

G_END_DECLS
