/* byline-undo-toasts.h — the Undo toasts a key can press too
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _BylineUndoToasts BylineUndoToasts;

/* For @owner (not referenced: it owns the result), whose action
 * @action_name (Ctrl+Z) is enabled exactly while an Undo toast shows. */
BylineUndoToasts *byline_undo_toasts_new          (GtkWidget        *owner,
                                                   const char       *action_name);
void              byline_undo_toasts_free         (BylineUndoToasts *self);
/* A new toast "@title" with an Undo button, followed until dismissed; the
 * caller connects its ::button-clicked and shows it. */
AdwToast         *byline_undo_toasts_add          (BylineUndoToasts *self,
                                                   const char       *title);
/* Presses the Undo of the latest toast still showing, and dismisses it. */
gboolean          byline_undo_toasts_undo_latest  (BylineUndoToasts *self);
/* Every toast dismissed, its Undo not pressed. */
void              byline_undo_toasts_dismiss_all  (BylineUndoToasts *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineUndoToasts, byline_undo_toasts_free)

G_END_DECLS
