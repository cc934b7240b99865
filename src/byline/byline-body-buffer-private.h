/* byline-body-buffer-private.h — shared by the two halves of BylineBodyBuffer
 *
 * byline-body-buffer.c follows the body (model → buffer);
 * byline-body-buffer-edit.c turns what is typed into edits of the body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-body-buffer.h"

G_BEGIN_DECLS

typedef enum
{
  TAG_HEADING1,
  TAG_HEADING2,
  TAG_QUOTE,
  TAG_BULLETED,
  TAG_NUMBERED,
  TAG_FIGURE,
  TAG_BOLD,
  TAG_ITALIC,
  TAG_LINK,
  N_TAGS
} BylineBodyTag;

struct _BylineBodyBuffer
{
  GtkSourceBuffer    parent_instance;

  BylineBody        *body;
  BylineBodyHistory *history;
  GtkTextTag        *tags[N_TAGS];

  /* How many blocks the buffer shows: the first n_blocks of the body (all of
   * them but while a long story is still being shown, and before a change). */
  guint              n_blocks;
  /* Shows the rest of a long story, a few blocks at a time: an idle step,
   * and a timer that takes a step when no idle could run since its last
   * tick (frames back to back on a slow machine). */
  guint              show_more_id;
  guint              nudge_id;
  gboolean           stepped;
  guint              n_steps;
  gint64             shown_since;

  /* > 0 while the buffer follows the body: its own edits pass through. */
  guint              syncing;
  /* > 0 while an edit of the editor is applied to the body. */
  guint              editing;
  /* > 0 while undo or redo replaces the body. */
  guint              applying_history;

  /* GtkTextView groups what one key press does in a user action: one undo step each. */
  guint              user_action_depth;
  gboolean           step_taken;
};

/* byline-body-buffer.c */
void     _byline_body_buffer_place_cursor_at (BylineBodyBuffer *self,
                                              guint             block,
                                              guint             offset);
gboolean _byline_body_buffer_is_image_block  (BylineBodyBuffer *self,
                                              guint             block);

/* byline-body-buffer-edit.c */
void     _byline_body_buffer_init_edit       (BylineBodyBuffer *self);

G_END_DECLS
