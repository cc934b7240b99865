/* byline-drafts-dialog.h — the drafts library: search, open, new, delete with undo, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_DRAFTS_DIALOG (byline_drafts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BylineDraftsDialog, byline_drafts_dialog, BYLINE, DRAFTS_DIALOG, AdwDialog)

/* Drafts in @open_ids are open in a window: they cannot be deleted here. */
AdwDialog *byline_drafts_dialog_new        (BylineDraftStore   *store,
                                            const char * const *open_ids);
/* Reads the store again. */
void       byline_drafts_dialog_reload     (BylineDraftsDialog *self);
GtkListBox *byline_drafts_dialog_get_list  (BylineDraftsDialog *self);
/* The list of the "Deleted Drafts" page. */
GtkListBox *byline_drafts_dialog_get_trash_list (BylineDraftsDialog *self);
/* "Today, 10:32", "Yesterday", "Monday", "10/08/2022" — for lists of drafts and versions. */
char      *byline_format_relative_time     (GDateTime          *when);
/* The same, with the seconds: for times that share a minute. */
char      *byline_format_relative_time_full (GDateTime         *when,
                                             gboolean           seconds);

G_END_DECLS
