/* byline-outbox-private.h — the job's inside, for the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-outbox.h"

G_BEGIN_DECLS

struct _BylineOutboxJob
{
  GObject               parent_instance;

  char                 *id;
  char                 *draft_id;
  char                 *destination;
  BylineStatus          status;
  char                 *note;
  GDateTime            *publish_at;
  GDateTime            *created;
  BylineOutboxJobState  state;
  guint                 attempts;
  double                progress;
  char                 *error_message;
  gboolean              account_problem;   /* the failure is fixed in the account */
  GDateTime            *next_attempt;      /* wall clock, for people and for the file */
  gint64                next_attempt_mono; /* the same, for the timer */
  gboolean              offline;           /* WAITING for the network, not for a time */
  GPtrArray            *written_versions;  /* char*: versions an attempt may have written */
  char                 *remote_id;
  char                 *remote_version;
  GCancellable         *cancellable;       /* while SENDING */
  gboolean              cancelled;         /* by byline_outbox_cancel() */
};

BylineOutboxJob *_byline_outbox_job_new          (const char            *draft_id,
                                                  const char            *destination,
                                                  BylineStatus           status,
                                                  const char            *note,
                                                  GDateTime             *publish_at);
void             _byline_outbox_job_set_state    (BylineOutboxJob       *self,
                                                  BylineOutboxJobState   state);
/* @message NULL: no failure (the account's problem too). */
void             _byline_outbox_job_set_error    (BylineOutboxJob       *self,
                                                  const char            *message);
/* Why an attempt failed, and whether the account is what to fix. */
void             _byline_outbox_job_set_failure  (BylineOutboxJob       *self,
                                                  const GError          *error);
void             _byline_outbox_job_set_progress (BylineOutboxJob       *self,
                                                  double                 progress);
/* @when_mono 0: no time (offline, or not waiting). */
void             _byline_outbox_job_set_next_attempt (BylineOutboxJob   *self,
                                                  gint64                 when_mono);
void             _byline_outbox_job_bump_attempts (BylineOutboxJob      *self);
void             _byline_outbox_job_set_remote   (BylineOutboxJob       *self,
                                                  const char            *remote_id,
                                                  const char            *remote_version);
void             _byline_outbox_job_update       (BylineOutboxJob       *self,
                                                  BylineStatus           status,
                                                  const char            *note,
                                                  GDateTime             *publish_at);

/* One job in outbox.json, and back.  NULL with BYLINE_ERROR_MALFORMED. */
JsonNode        *_byline_outbox_job_to_json      (BylineOutboxJob       *self);
BylineOutboxJob *_byline_outbox_job_from_json    (JsonObject            *object,
                                                  const char            *draft_id,
                                                  const char            *source_name,
                                                  GError               **error);

/* Milliseconds to wait after @attempts failed attempts: exponential from
 * @initial_ms, capped at @max_ms, with "equal jitter" (half fixed, half
 * random from @random in [0, 1)) so that many clients do not retry together. */
guint            _byline_outbox_backoff_ms       (guint                  initial_ms,
                                                  guint                  max_ms,
                                                  guint                  attempts,
                                                  double                 random);

G_END_DECLS
