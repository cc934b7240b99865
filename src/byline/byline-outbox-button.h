/* byline-outbox-button.h — the outbox in the header bar: how many stories are
 * still to go, and a popover listing every job with Retry and Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_OUTBOX_BUTTON (byline_outbox_button_get_type ())

G_DECLARE_FINAL_TYPE (BylineOutboxButton, byline_outbox_button, BYLINE, OUTBOX_BUTTON, GtkWidget)

void        byline_outbox_button_set_publisher (BylineOutboxButton *self,
                                                BylinePublisher    *publisher);
/* TRUE when there are jobs to show (sent ones too, until cleared). */
gboolean    byline_outbox_button_get_shown     (BylineOutboxButton *self);
/* The count shown ("" when nothing is pending). */
const char *byline_outbox_button_get_count     (BylineOutboxButton *self);
/* The list in the popover, one row per job. */
GtkListBox *byline_outbox_button_get_list      (BylineOutboxButton *self);
void        byline_outbox_button_popup         (BylineOutboxButton *self);

G_END_DECLS
