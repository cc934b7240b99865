/* byline-send-bar.h — where the story in the window is on its way out
 *
 * Shows the newest outbox job of the window's draft: queued, waiting (offline,
 * or to retry), sending with a progress bar, sent, or failed with the reason,
 * with Retry and Cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"
#include "byline-accounts.h"
#include "byline-outbox.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_SEND_BAR (byline_send_bar_get_type ())

G_DECLARE_FINAL_TYPE (BylineSendBar, byline_send_bar, BYLINE, SEND_BAR, GtkWidget)

void             byline_send_bar_set_publisher (BylineSendBar   *self,
                                                BylinePublisher *publisher);
void             byline_send_bar_set_draft_id  (BylineSendBar   *self,
                                                const char      *draft_id);
/* Its buttons below its text (a narrow window), or beside it. */
gboolean         byline_send_bar_get_compact   (BylineSendBar   *self);
void             byline_send_bar_set_compact   (BylineSendBar   *self,
                                                gboolean         compact);
/* Shows the newest job again, also one the person dismissed (after a send). */
void             byline_send_bar_reveal        (BylineSendBar   *self);
/* The job shown, or NULL when the bar is hidden. */
BylineOutboxJob *byline_send_bar_get_job       (BylineSendBar   *self);
/* What the bar says now. */
const char      *byline_send_bar_get_text      (BylineSendBar   *self);

/* "Sent to “X”: submitted for review" and the like, for a job in any state
 * (the outbox popover says the same). */
char            *byline_outbox_job_describe    (BylineOutboxJob *job,
                                                BylinePublisher *publisher);

G_END_DECLS
