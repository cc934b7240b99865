/* byline-merge-dialog.h — both versions side by side for each conflict of a
 * merge, and a choice for each (yours, theirs, or both for the body)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"
#include "byline-merge.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_MERGE_DIALOG (byline_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BylineMergeDialog, byline_merge_dialog, BYLINE, MERGE_DIALOG, AdwDialog)

/* Apply saves the choices with byline_review_resolve() and emits "resolved"
 * (BylineArticle *, the draft as saved). */
AdwDialog *byline_merge_dialog_new    (BylineDraftStore  *store,
                                       const char        *draft_id,
                                       const char        *destination,
                                       BylineMerge       *merge);
/* What Apply does, for the choices made; FALSE with @error if it could not save. */
gboolean   byline_merge_dialog_apply  (BylineMergeDialog *self,
                                       GError           **error);
/* Chooses as the buttons of conflict @index do. */
void       byline_merge_dialog_choose (BylineMergeDialog *self,
                                       guint              index,
                                       BylineMergeChoice  choice);

G_END_DECLS
