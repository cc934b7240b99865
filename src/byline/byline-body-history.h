/* byline-body-history.h — undo and redo for a body, as snapshots of the model
 *
 * GtkTextBuffer's own history knows text only; a body also has block kinds,
 * spans and pictures.  Each undo step is a copy of the body taken before an
 * edit; consecutive typing in one place shares one step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_EDIT_TYPING,
  BYLINE_EDIT_DELETING,
  BYLINE_EDIT_OTHER,
} BylineEditKind;

#define BYLINE_TYPE_BODY_HISTORY (byline_body_history_get_type ())

G_DECLARE_FINAL_TYPE (BylineBodyHistory, byline_body_history, BYLINE, BODY_HISTORY, GObject)

BylineBodyHistory *byline_body_history_new        (guint              limit);
/* Called before every edit of @body from the editor: takes a snapshot unless
 * the edit continues the previous one (typing on at the same place). */
void               byline_body_history_begin_edit (BylineBodyHistory *self,
                                                   BylineBody        *body,
                                                   BylineEditKind     kind,
                                                   guint              block,
                                                   guint              offset);
/* Where the edit left the cursor, so that the next one can continue it. */
void               byline_body_history_end_edit   (BylineBodyHistory *self,
                                                   guint              block,
                                                   guint              offset,
                                                   gboolean           word_ended);
/* The cursor is now at (@block, @offset): elsewhere than where the last edit
 * ended, the next edit starts a new step. */
void               byline_body_history_cursor_moved (BylineBodyHistory *self,
                                                   guint              block,
                                                   guint              offset);
/* What an edit changed beside the body (the story's missing pictures a
 * picture added took the place of), undone and done again with it. */
typedef void (*BylineBodyHistoryFunc) (gpointer data);

/* Attaches @data to the step the last edit made: @undo (data) when it is
 * undone, @redo (data) when it is done again. */
void               byline_body_history_attach     (BylineBodyHistory     *self,
                                                   gpointer               data,
                                                   BylineBodyHistoryFunc  undo,
                                                   BylineBodyHistoryFunc  redo,
                                                   GDestroyNotify         free_data);
/* The next edit starts a new step. */
void               byline_body_history_break      (BylineBodyHistory *self);
void               byline_body_history_clear      (BylineBodyHistory *self);
gboolean           byline_body_history_can_undo   (BylineBodyHistory *self);
gboolean           byline_body_history_can_redo   (BylineBodyHistory *self);
/* Replaces @body's blocks with the previous snapshot; the cursor of that
 * snapshot in @block and @offset. */
gboolean           byline_body_history_undo       (BylineBodyHistory *self,
                                                   BylineBody        *body,
                                                   guint              cursor_block,
                                                   guint              cursor_offset,
                                                   guint             *block,
                                                   guint             *offset);
gboolean           byline_body_history_redo       (BylineBodyHistory *self,
                                                   BylineBody        *body,
                                                   guint              cursor_block,
                                                   guint              cursor_offset,
                                                   guint             *block,
                                                   guint             *offset);

G_END_DECLS
