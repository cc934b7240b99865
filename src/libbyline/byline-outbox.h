/* byline-outbox.h — every send as a job that survives restarts, crashes and bad lines
 *
 * A job (save to a destination, submit, publish, schedule) is written to
 * <draft folder>/outbox.json before anything is sent, and rewritten at every
 * change, atomically.  The outbox sends one job at a time, the latest saved
 * version of the draft, and:
 *
 *  - holds jobs while offline (GNetworkMonitor) for destinations that need the
 *    network, and sends them as soon as the line comes back;
 *  - retries NETWORK and SERVER failures (5xx, 408, 429, timeouts, resets, DNS)
 *    with exponential backoff and jitter, never before a Retry-After;
 *  - stops on any other failure (wrong password, role, conflict, …) with the
 *    reason in BylineOutboxJob:error-message, until byline_outbox_retry();
 *  - records the version it is about to write before each write, so that a
 *    retry after a lost answer, also after a restart, never creates a second
 *    item and never reports its own write as a conflict;
 *  - after a send, records the remote id and version (and the status) in the
 *    draft, unless BylineOutbox:update-drafts is off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-destination.h"
#include "byline-types.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_OUTBOX_JOB_QUEUED,   /* waiting its turn */
  BYLINE_OUTBOX_JOB_WAITING,  /* offline, or waiting to retry after a passing failure */
  BYLINE_OUTBOX_JOB_SENDING,
  BYLINE_OUTBOX_JOB_SENT,
  BYLINE_OUTBOX_JOB_FAILED,   /* needs the person: see error-message, then retry or cancel */
} BylineOutboxJobState;

const char *byline_outbox_job_state_to_string (BylineOutboxJobState state);

#define BYLINE_TYPE_OUTBOX_JOB (byline_outbox_job_get_type ())

G_DECLARE_FINAL_TYPE (BylineOutboxJob, byline_outbox_job, BYLINE, OUTBOX_JOB, GObject)

const char           *byline_outbox_job_get_id            (BylineOutboxJob *self);
const char           *byline_outbox_job_get_draft_id      (BylineOutboxJob *self);
const char           *byline_outbox_job_get_destination   (BylineOutboxJob *self);
BylineStatus          byline_outbox_job_get_status        (BylineOutboxJob *self);
const char           *byline_outbox_job_get_note          (BylineOutboxJob *self);
GDateTime            *byline_outbox_job_get_publish_at    (BylineOutboxJob *self);
GDateTime            *byline_outbox_job_get_created       (BylineOutboxJob *self);
BylineOutboxJobState  byline_outbox_job_get_state         (BylineOutboxJob *self);
/* Attempts that reached the point of sending (waiting offline is not one). */
guint                 byline_outbox_job_get_attempts      (BylineOutboxJob *self);
/* 0.0 … 1.0 while sending. */
double                byline_outbox_job_get_progress      (BylineOutboxJob *self);
/* Why the last attempt failed, or why the job waits; NULL when it did not. */
const char           *byline_outbox_job_get_error_message (BylineOutboxJob *self);
/* The last attempt failed for the account's token or password (wrong, or not
 * in the keyring), or found its folder empty of the newsroom's: the
 * account's settings are where to fix it (or to take that folder). */
gboolean              byline_outbox_job_get_account_problem (BylineOutboxJob *self);
/* WAITING: when the next attempt is due (NULL while offline). */
GDateTime            *byline_outbox_job_get_next_attempt  (BylineOutboxJob *self);
/* SENT: what the destination holds now. */
const char           *byline_outbox_job_get_remote_id     (BylineOutboxJob *self);
const char           *byline_outbox_job_get_remote_version (BylineOutboxJob *self);

#define BYLINE_TYPE_OUTBOX (byline_outbox_get_type ())

/* A GListModel of BylineOutboxJob, oldest first. */
G_DECLARE_FINAL_TYPE (BylineOutbox, byline_outbox, BYLINE, OUTBOX, GObject)

/* @monitor NULL: g_network_monitor_get_default(). */
BylineOutbox    *byline_outbox_new                (BylineDraftStore   *store,
                                                   GNetworkMonitor    *monitor);
/* Jobs name their destination; they wait until it is added. */
void             byline_outbox_add_destination    (BylineOutbox       *self,
                                                   BylineDestination  *destination);
BylineDestination *byline_outbox_lookup_destination (BylineOutbox     *self,
                                                   const char         *name);
/* Reads the jobs of every draft.  A job a crash left "sending" is queued again. */
gboolean         byline_outbox_load               (BylineOutbox       *self,
                                                   GError            **error);
/* Records a job and returns it (owned by the outbox).  A job of the same draft
 * for the same destination that has not started yet is updated instead. */
BylineOutboxJob *byline_outbox_enqueue            (BylineOutbox       *self,
                                                   const char         *draft_id,
                                                   const char         *destination,
                                                   BylineStatus        status,
                                                   const char         *note,
                                                   GDateTime          *publish_at,
                                                   GError            **error);
BylineOutboxJob *byline_outbox_find               (BylineOutbox       *self,
                                                   const char         *job_id);
/* A failed or waiting job: try again now. */
gboolean         byline_outbox_retry              (BylineOutbox       *self,
                                                   const char         *job_id,
                                                   GError            **error);
/* Stops and forgets a job, on disk too. */
gboolean         byline_outbox_cancel             (BylineOutbox       *self,
                                                   const char         *job_id,
                                                   GError            **error);
/* Sending happens only between start and stop; stop interrupts a send, which
 * is queued again. */
void             byline_outbox_start              (BylineOutbox       *self);
void             byline_outbox_stop               (BylineOutbox       *self);
/* Jobs not sent yet (failed ones included). */
guint            byline_outbox_get_n_pending      (BylineOutbox       *self);
/* Forgets the jobs that were sent (they are no longer on disk already). */
void             byline_outbox_clear_sent         (BylineOutbox       *self);
/* The first delay between attempts, doubled at each failure up to @max_ms. */
void             byline_outbox_set_backoff        (BylineOutbox       *self,
                                                   guint               initial_ms,
                                                   guint               max_ms);

G_END_DECLS
