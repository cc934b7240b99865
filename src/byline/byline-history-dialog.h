/* byline-history-dialog.h — the saved versions of a draft: list, preview, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_HISTORY_DIALOG (byline_history_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BylineHistoryDialog, byline_history_dialog, BYLINE, HISTORY_DIALOG, AdwDialog)

AdwDialog *byline_history_dialog_new     (BylineDraftStore    *store,
                                          const char          *id);
/* Restores the version shown; emits ::restored. */
gboolean   byline_history_dialog_restore (BylineHistoryDialog *self,
                                          guint64              revision,
                                          GError             **error);
GtkListBox *byline_history_dialog_get_list (BylineHistoryDialog *self);

G_END_DECLS
