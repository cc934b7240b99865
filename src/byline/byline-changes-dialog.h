/* byline-changes-dialog.h — what the other side changed, readably: each changed
 * part of the story with its words struck out or added
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"
#include "byline-diff.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_CHANGES_DIALOG (byline_changes_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BylineChangesDialog, byline_changes_dialog, BYLINE, CHANGES_DIALOG, AdwDialog)

/* @entries: BylineDiffEntry (byline_article_diff); @note: the note the
 * story came with, or NULL; @by_reporter: the reporter's changes, shown
 * to the editor (else the editor's, shown to the reporter). */
AdwDialog   *byline_changes_dialog_new      (GPtrArray           *entries,
                                             const char          *note,
                                             gboolean             by_reporter);
GtkTextView *byline_changes_dialog_get_view (BylineChangesDialog *self);

/* Fills @buffer with @entries: labels as headings, removed words tagged
 * "removed" (struck out) and added ones "added". */
void         byline_changes_render          (GtkTextBuffer       *buffer,
                                             GPtrArray           *entries);

G_END_DECLS
