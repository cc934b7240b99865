/* byline-outbox-job.c — one send, its state and its line in outbox.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-article.h"
#include "byline-date-format.h"
#include "byline-error.h"
#include "byline-outbox-private.h"

G_DEFINE_FINAL_TYPE (BylineOutboxJob, byline_outbox_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DRAFT_ID,
  PROP_DESTINATION,
  PROP_STATUS,
  PROP_STATE,
  PROP_ATTEMPTS,
  PROP_PROGRESS,
  PROP_ERROR_MESSAGE,
  PROP_ACCOUNT_PROBLEM,
  PROP_NEXT_ATTEMPT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_names[] = {
  "queued", "waiting", "sending", "sent", "failed",
};

const char *
byline_outbox_job_state_to_string (BylineOutboxJobState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_names), NULL);

  return state_names[state];
}

static void
byline_outbox_job_finalize (GObject *object)
{
  BylineOutboxJob *self = BYLINE_OUTBOX_JOB (object);

  g_free (self->id);
  g_free (self->draft_id);
  g_free (self->destination);
  g_free (self->note);
  g_clear_pointer (&self->publish_at, g_date_time_unref);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_free (self->error_message);
  g_clear_pointer (&self->next_attempt, g_date_time_unref);
  g_clear_pointer (&self->written_versions, g_ptr_array_unref);
  g_free (self->remote_id);
  g_free (self->remote_version);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (byline_outbox_job_parent_class)->finalize (object);
}

static void
byline_outbox_job_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BylineOutboxJob *self = BYLINE_OUTBOX_JOB (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_DRAFT_ID:
      g_value_set_string (value, self->draft_id);
      break;
    case PROP_DESTINATION:
      g_value_set_string (value, self->destination);
      break;
    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;
    case PROP_ATTEMPTS:
      g_value_set_uint (value, self->attempts);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_ACCOUNT_PROBLEM:
      g_value_set_boolean (value, self->account_problem);
      break;
    case PROP_NEXT_ATTEMPT:
      g_value_set_boxed (value, self->next_attempt);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_outbox_job_class_init (BylineOutboxJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = byline_outbox_job_finalize;
  object_class->get_property = byline_outbox_job_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_DRAFT_ID] = g_param_spec_string ("draft-id", NULL, NULL, NULL, flags);
  properties[PROP_DESTINATION] = g_param_spec_string ("destination", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_uint ("status", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* A BylineOutboxJobState. */
  properties[PROP_STATE] = g_param_spec_uint ("state", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_ATTEMPTS] = g_param_spec_uint ("attempts", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, flags);
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL, flags);
  properties[PROP_ACCOUNT_PROBLEM] = g_param_spec_boolean ("account-problem", NULL, NULL, FALSE, flags);
  properties[PROP_NEXT_ATTEMPT] = g_param_spec_boxed ("next-attempt", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_outbox_job_init (BylineOutboxJob *self)
{
  self->written_versions = g_ptr_array_new_with_free_func (g_free);
}

BylineOutboxJob *
_byline_outbox_job_new (const char   *draft_id,
                        const char   *destination,
                        BylineStatus  status,
                        const char   *note,
                        GDateTime    *publish_at)
{
  BylineOutboxJob *self = g_object_new (BYLINE_TYPE_OUTBOX_JOB, NULL);

  self->id = g_uuid_string_random ();
  self->draft_id = g_strdup (draft_id);
  self->destination = g_strdup (destination);
  self->status = status;
  self->note = g_strdup (note);
  self->publish_at = publish_at ? g_date_time_ref (publish_at) : NULL;
  self->created = g_date_time_new_now_utc ();
  return self;
}

void
_byline_outbox_job_update (BylineOutboxJob *self,
                           BylineStatus     status,
                           const char      *note,
                           GDateTime       *publish_at)
{
  self->status = status;
  g_free (self->note);
  self->note = g_strdup (note);
  g_clear_pointer (&self->publish_at, g_date_time_unref);
  self->publish_at = publish_at ? g_date_time_ref (publish_at) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

void
_byline_outbox_job_set_state (BylineOutboxJob      *self,
                              BylineOutboxJobState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
_byline_outbox_job_set_error (BylineOutboxJob *self,
                              const char      *message)
{
  if (message == NULL && self->account_problem)
    {
      self->account_problem = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_PROBLEM]);
    }
  if (g_strcmp0 (self->error_message, message) == 0)
    return;
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

void
_byline_outbox_job_set_failure (BylineOutboxJob *self,
                                const GError    *error)
{
  /* A token refused, or a folder that may be the wrong one. */
  gboolean account_problem = g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_AUTH)
                             || g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NOT_NEWSROOM);

  /* (Told before the message, which a window shows with its buttons.) */
  if (self->account_problem != account_problem)
    {
      self->account_problem = account_problem;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_PROBLEM]);
    }
  _byline_outbox_job_set_error (self, error->message);
}

void
_byline_outbox_job_set_progress (BylineOutboxJob *self,
                                 double           progress)
{
  progress = CLAMP (progress, 0.0, 1.0);
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

void
_byline_outbox_job_set_next_attempt (BylineOutboxJob *self,
                                     gint64           when_mono)
{
  self->next_attempt_mono = when_mono;
  g_clear_pointer (&self->next_attempt, g_date_time_unref);
  if (when_mono != 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      self->next_attempt = g_date_time_add (now, when_mono - g_get_monotonic_time ());
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_ATTEMPT]);
}

void
_byline_outbox_job_bump_attempts (BylineOutboxJob *self)
{
  self->attempts++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTEMPTS]);
}

void
_byline_outbox_job_set_remote (BylineOutboxJob *self,
                               const char      *remote_id,
                               const char      *remote_version)
{
  g_free (self->remote_id);
  self->remote_id = g_strdup (remote_id);
  g_free (self->remote_version);
  self->remote_version = g_strdup (remote_version);
}

guint
_byline_outbox_backoff_ms (guint  initial_ms,
                           guint  max_ms,
                           guint  attempts,
                           double random)
{
  guint64 base = initial_ms;

  for (guint i = 1; i < attempts && base < max_ms; i++)
    base *= 2;
  base = MIN (base, max_ms);
  return base / 2 + (guint64) (random * (base - base / 2));
}

/* ----------------------------------------------------------------- JSON */

static void
add_date (JsonBuilder *builder,
          const char  *name,
          GDateTime   *date_time)
{
  g_autofree char *text = date_time ? byline_format_rfc3339 (date_time) : NULL;

  json_builder_set_member_name (builder, name);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
_byline_outbox_job_to_json (BylineOutboxJob *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  /* A send a crash interrupts is simply queued again. */
  BylineOutboxJobState state = self->state == BYLINE_OUTBOX_JOB_SENDING ? BYLINE_OUTBOX_JOB_QUEUED
                                                                        : self->state;

  json_builder_begin_object (builder);
  add_string (builder, "id", self->id);
  add_string (builder, "destination", self->destination);
  add_string (builder, "status", byline_status_to_string (self->status));
  add_string (builder, "note", self->note);
  add_date (builder, "publish_at", self->publish_at);
  add_date (builder, "created", self->created);
  add_string (builder, "state", byline_outbox_job_state_to_string (state));
  json_builder_set_member_name (builder, "attempts");
  json_builder_add_int_value (builder, self->attempts);
  add_date (builder, "next_attempt", self->state == BYLINE_OUTBOX_JOB_WAITING ? self->next_attempt : NULL);
  add_string (builder, "error", self->error_message);
  if (self->account_problem)
    {
      json_builder_set_member_name (builder, "account_problem");
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_set_member_name (builder, "written_versions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->written_versions->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->written_versions, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static GDateTime *
get_date (JsonObject *object,
          const char *name)
{
  const char *text = get_string (object, name);

  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

BylineOutboxJob *
_byline_outbox_job_from_json (JsonObject  *object,
                              const char  *draft_id,
                              const char  *source_name,
                              GError     **error)
{
  g_autoptr(BylineOutboxJob) self = g_object_new (BYLINE_TYPE_OUTBOX_JOB, NULL);
  const char *id = get_string (object, "id");
  const char *destination = get_string (object, "destination");
  const char *state = get_string (object, "state");
  JsonArray *written = NULL;
  BylineStatus status;

  if (id == NULL || destination == NULL
      || !byline_status_from_string (get_string (object, "status"), &status))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                   _("%s: a job without an id, a destination or a valid status"), source_name);
      return NULL;
    }

  self->id = g_strdup (id);
  self->draft_id = g_strdup (draft_id);
  self->destination = g_strdup (destination);
  self->status = status;
  self->note = g_strdup (get_string (object, "note"));
  self->publish_at = get_date (object, "publish_at");
  self->created = get_date (object, "created");
  if (self->created == NULL)
    self->created = g_date_time_new_now_utc ();
  self->attempts = json_object_get_int_member_with_default (object, "attempts", 0);
  self->error_message = g_strdup (get_string (object, "error"));
  self->account_problem = self->error_message != NULL
                          && json_object_get_boolean_member_with_default (object, "account_problem", FALSE);

  self->state = BYLINE_OUTBOX_JOB_QUEUED;
  if (g_strcmp0 (state, "failed") == 0)
    self->state = BYLINE_OUTBOX_JOB_FAILED;
  else if (g_strcmp0 (state, "waiting") == 0)
    {
      g_autoptr(GDateTime) when = get_date (object, "next_attempt");
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      self->state = BYLINE_OUTBOX_JOB_WAITING;
      if (when != NULL)
        _byline_outbox_job_set_next_attempt (self, g_get_monotonic_time ()
                                                   + MAX (0, g_date_time_difference (when, now)));
    }

  if (json_object_has_member (object, "written_versions")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "written_versions")))
    written = json_object_get_array_member (object, "written_versions");
  for (guint i = 0; written != NULL && i < json_array_get_length (written); i++)
    {
      JsonNode *node = json_array_get_element (written, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_ptr_array_add (self->written_versions, g_strdup (json_node_get_string (node)));
    }
  return g_steal_pointer (&self);
}

/* --------------------------------------------------------------- public */

const char *
byline_outbox_job_get_id (BylineOutboxJob *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_JOB (self), NULL);
  return self->id;
}

const char *
byline_outbox_job_get_draft_id (BylineOutboxJob *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_JOB (self), NULL);
  return self->draft_id;
}

const char *
byline_outbox_job_get_destination (BylineOutboxJob *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_JOB (self), NULL);
  return self->destination;
}

BylineStatus
byline_outbox_job_get_status (BylineOutboxJob *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_JOB (self), BYLINE_STATUS_DRAFT);
  return self->status;
}

const char *
byline_outbox_job_get_note (BylineOutboxJob *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_JOB (self), NULL);
  return self->note;
}

GDateTime *
byline_outbox_job_get_publish_at (BylineOutboxJob *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_JOB (self), NULL);
  return self->publish_at;
}

GDateTime *
byline_outbox_job_get_created (BylineOutboxJob *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_JOB (self), NULL);
  return self->created;
}

BylineOutboxJobState
byline_outbox_job_get_state (BylineOutboxJob *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_JOB (self), BYLINE_OUTBOX_JOB_QUEUED);
  return self->state;
}

guint
byline_outbox_job_get_attempts (BylineOutboxJob *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_JOB (self), 0);
  return self->attempts;
}

double
byline_outbox_job_get_progress (BylineOutboxJob *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_JOB (self), 0.0);
  return self->progress;
}

gboolean
byline_outbox_job_get_account_problem (BylineOutboxJob *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_JOB (self), FALSE);

  return self->account_problem;
}

const char *
byline_outbox_job_get_error_message (BylineOutboxJob *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_JOB (self), NULL);
  return self->error_message;
}

GDateTime *
byline_outbox_job_get_next_attempt (BylineOutboxJob *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_JOB (self), NULL);
  return self->next_attempt;
}

const char *
byline_outbox_job_get_remote_id (BylineOutboxJob *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_JOB (self), NULL);
  return self->remote_id;
}

const char *
byline_outbox_job_get_remote_version (BylineOutboxJob *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_JOB (self), NULL);
  return self->remote_version;
}
