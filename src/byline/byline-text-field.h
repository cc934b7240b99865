/* byline-text-field.h — a multi-line text field that grows with its text
 *
 * GtkTextView outside a scrolled window may keep the height of its first
 * allocation (0 when it was allocated before its width was known) and does
 * not ask for more when its text wraps to new lines.  BylineTextField (and
 * BylineBodyView, through the helpers below) checks its natural height after
 * each allocation and change and asks for a new size when it differs.  It
 * also draws a placeholder while empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_TEXT_FIELD (byline_text_field_get_type ())

G_DECLARE_FINAL_TYPE (BylineTextField, byline_text_field, BYLINE, TEXT_FIELD, GtkTextView)

GtkWidget  *byline_text_field_new             (void);
const char *byline_text_field_get_placeholder (BylineTextField *self);
void        byline_text_field_set_placeholder (BylineTextField *self,
                                               const char      *placeholder);
/* The whole text. */
char       *byline_text_field_dup_text        (BylineTextField *self);

/* For GtkTextView subclasses that need the same: call from size_allocate
 * (after chaining up) and after buffer changes. */
void        byline_text_view_follow_height    (GtkTextView     *view);
/* Draws @placeholder dimmed where the text would start, if the buffer is empty. */
void        byline_text_view_draw_placeholder (GtkTextView     *view,
                                               GtkSnapshot     *snapshot,
                                               const char      *placeholder);

G_END_DECLS
