/* byline-outbox.c — the queue: persistence, scheduling, retries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <gio/gunixmounts.h>
#include <glib/gstdio.h>

#include "byline-article.h"
#include "byline-draft-store.h"
#include "byline-error.h"
#include "byline-outbox-private.h"
#include "byline-review.h"

#define OUTBOX_FILE    "outbox.json"
#define OUTBOX_FORMAT  "byline-outbox"
#define OUTBOX_VERSION 1

struct _BylineOutbox
{
  GObject            parent_instance;

  BylineDraftStore  *store;
  GNetworkMonitor   *monitor;
  GUnixMountMonitor *mounts;
  GHashTable        *destinations;   /* name → BylineDestination */
  GPtrArray         *jobs;           /* BylineOutboxJob, oldest first */
  BylineOutboxJob   *current;
  GRand             *rand;
  guint              timer_id;
  guint              idle_id;
  guint              initial_ms;
  guint              max_ms;
  gboolean           running;
  gboolean           update_drafts;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineOutbox, byline_outbox, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_UPDATE_DRAFTS,
  PROP_N_PENDING,
  N_PROPS
};

enum {
  JOB_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule (BylineOutbox *self);

/* ------------------------------------------------------------ list model */

static GType
byline_outbox_get_item_type (GListModel *model)
{
  return BYLINE_TYPE_OUTBOX_JOB;
}

static guint
byline_outbox_get_n_items (GListModel *model)
{
  return BYLINE_OUTBOX (model)->jobs->len;
}

static gpointer
byline_outbox_get_item (GListModel *model,
                        guint       position)
{
  BylineOutbox *self = BYLINE_OUTBOX (model);

  if (position >= self->jobs->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->jobs, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = byline_outbox_get_item_type;
  iface->get_n_items = byline_outbox_get_n_items;
  iface->get_item = byline_outbox_get_item;
}

/* ----------------------------------------------------------- persistence */

static char *
dup_outbox_path (BylineOutbox *self,
                 const char   *draft_id)
{
  g_autoptr(GFile) folder = byline_draft_store_get_draft_folder (self->store, draft_id);
  g_autoptr(GFile) file = g_file_get_child (folder, OUTBOX_FILE);

  return g_file_get_path (file);
}

/* Writes every unsent job of @draft_id to its outbox.json (write, fsync,
 * rename), or removes the file when there is none left. */
static gboolean
save_draft_jobs (BylineOutbox  *self,
                 const char    *draft_id,
                 GError       **error)
{
  g_autofree char *path = dup_outbox_path (self, draft_id);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  guint count = 0;

  /* A deleted draft took its outbox.json to the trash with it. */
  if (!byline_draft_store_contains (self->store, draft_id))
    return TRUE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, OUTBOX_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, OUTBOX_VERSION);
  json_builder_set_member_name (builder, "jobs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->jobs->len; i++)
    {
      BylineOutboxJob *job = g_ptr_array_index (self->jobs, i);

      if (!g_str_equal (job->draft_id, draft_id) || job->state == BYLINE_OUTBOX_JOB_SENT || job->cancelled)
        continue;
      json_builder_add_value (builder, _byline_outbox_job_to_json (job));
      count++;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (count == 0)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED,
                       _("Could not remove %s: %s"), path, g_strerror (saved));
          return FALSE;
        }
      return TRUE;
    }

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  if (!g_file_set_contents_full (path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    {
      g_prefix_error (error, _("Could not record the outbox of this draft: "));
      return FALSE;
    }
  return TRUE;
}

static void
save_or_warn (BylineOutbox    *self,
              BylineOutboxJob *job)
{
  g_autoptr(GError) error = NULL;

  if (!save_draft_jobs (self, job->draft_id, &error))
    g_warning ("%s", error->message);
}

static gboolean
load_draft_jobs (BylineOutbox  *self,
                 const char    *draft_id,
                 GError       **error)
{
  g_autofree char *path = dup_outbox_path (self, draft_id);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonArray *jobs;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  /* A folder whose first save never finished has no story to send. */
  if (!byline_draft_store_contains (self->store, draft_id))
    return TRUE;

  if (!json_parser_load_from_mapped_file (parser, path, &local_error))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED, "%s: %s", path, local_error->message);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
      || g_strcmp0 (json_object_get_string_member_with_default (
                      object = json_node_get_object (json_parser_get_root (parser)), "format", NULL),
                    OUTBOX_FORMAT) != 0
      || !json_object_has_member (object, "jobs")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "jobs")))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED, _("%s is not a Byline outbox"), path);
      return FALSE;
    }
  if (json_object_get_int_member_with_default (object, "version", 0) > OUTBOX_VERSION)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NEWER_VERSION,
                   _("%s was written by a newer Byline"), path);
      return FALSE;
    }

  jobs = json_object_get_array_member (object, "jobs");
  for (guint i = 0; i < json_array_get_length (jobs); i++)
    {
      JsonObject *entry = json_array_get_object_element (jobs, i);
      g_autoptr(BylineOutboxJob) job = NULL;

      if (entry == NULL)
        continue;
      job = _byline_outbox_job_from_json (entry, draft_id, path, error);
      if (job == NULL)
        return FALSE;
      if (byline_outbox_find (self, job->id) != NULL)
        continue;
      g_ptr_array_add (self->jobs, g_steal_pointer (&job));
      g_list_model_items_changed (G_LIST_MODEL (self), self->jobs->len - 1, 0, 1);
    }
  return TRUE;
}

/* ------------------------------------------------------------- the draft */

/* Records where the story went in the draft itself, so that the next send
 * replaces that version (If-Match) instead of creating the story again. */
static void
update_draft (BylineOutbox    *self,
              BylineOutboxJob *job)
{
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) article = byline_draft_store_load (self->store, job->draft_id, &error);

      if (article == NULL)
        {
          g_warning ("Sent, but could not note it in the draft: %s", error->message);
          return;
        }
      byline_article_set_remote (article, job->destination, job->remote_id, job->remote_version);
      if (job->status != BYLINE_STATUS_DRAFT)
        byline_article_set_status (article, job->status);
      if (byline_draft_store_save (self->store, article, &error))
        return;
      if (!g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT))
        {
          g_warning ("Sent, but could not note it in the draft: %s", error->message);
          return;
        }
    }
}

/* -------------------------------------------------------------- sending */

/* Merges of theirs a job may try before it gives the conflict to the user. */
#define MAX_MERGES 3

typedef struct
{
  BylineOutbox      *self;
  BylineOutboxJob   *job;
  BylineDestination *destination;
  BylineArticle     *article;   /* what is sent: the base of later merges */
  GPtrArray         *written;   /* NULL-terminated copy of the job's versions */
} SendContext;

static void
send_context_free (SendContext *context)
{
  g_clear_object (&context->self);
  g_clear_object (&context->job);
  g_clear_object (&context->destination);
  g_clear_object (&context->article);
  g_clear_pointer (&context->written, g_ptr_array_unref);
  g_free (context);
}

static void
progress_cb (goffset  sent,
             goffset  total,
             gpointer user_data)
{
  SendContext *context = user_data;

  if (total > 0)
    _byline_outbox_job_set_progress (context->job, (double) sent / total);
}

static void
will_write_cb (const char *version,
               gpointer    user_data)
{
  SendContext *context = user_data;
  BylineOutboxJob *job = context->job;

  if (g_ptr_array_find_with_equal_func (job->written_versions, version, g_str_equal, NULL))
    return;
  g_ptr_array_add (job->written_versions, g_strdup (version));
  /* On disk before the request leaves. */
  save_or_warn (context->self, job);
}

static void watch_mounts (BylineOutbox *self);

static void
finish_job (BylineOutbox         *self,
            BylineOutboxJob      *job,
            BylineDestination    *destination,
            gboolean              success,
            BylineSendReceipt    *receipt,
            const GError         *error)
{
  g_clear_object (&job->cancellable);
  if (self->current == job)
    self->current = NULL;

  if (job->cancelled)
    return;

  if (success)
    {
      _byline_outbox_job_set_remote (job, receipt->remote_id, receipt->remote_version);
      _byline_outbox_job_set_progress (job, 1.0);
      _byline_outbox_job_set_error (job, NULL);
      _byline_outbox_job_set_next_attempt (job, 0);
      _byline_outbox_job_set_state (job, BYLINE_OUTBOX_JOB_SENT);
      save_or_warn (self, job);
      if (self->update_drafts)
        update_draft (self, job);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
      g_signal_emit (self, signals[JOB_FINISHED], 0, job);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Stopped, not cancelled: it goes again at the next start. */
      _byline_outbox_job_set_state (job, BYLINE_OUTBOX_JOB_QUEUED);
      save_or_warn (self, job);
      return;
    }

  _byline_outbox_job_set_failure (job, error);
  if (destination != NULL && byline_destination_error_is_transient (error))
    {
      gint64 now = g_get_monotonic_time ();
      guint delay_ms = _byline_outbox_backoff_ms (self->initial_ms, self->max_ms, job->attempts,
                                                  g_rand_double (self->rand));
      gint64 when = now + (gint64) delay_ms * 1000;

      when = MAX (when, byline_destination_get_not_before (destination));
      job->offline = FALSE;
      _byline_outbox_job_set_next_attempt (job, when);
      _byline_outbox_job_set_state (job, BYLINE_OUTBOX_JOB_WAITING);
      watch_mounts (self);
      save_or_warn (self, job);
      return;
    }

  if (receipt != NULL)
    _byline_outbox_job_set_remote (job, receipt->remote_id, receipt->remote_version);
  _byline_outbox_job_set_next_attempt (job, 0);
  _byline_outbox_job_set_state (job, BYLINE_OUTBOX_JOB_FAILED);
  save_or_warn (self, job);
  g_signal_emit (self, signals[JOB_FINISHED], 0, job);
}

static void
merged_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SendContext *context = user_data;
  BylineOutboxJob *job = context->job;
  g_autoptr(GError) error = NULL;
  gboolean resolved = FALSE;

  if (byline_review_merge_remote_finish (BYLINE_DRAFT_STORE (source), result, &resolved, &error) && resolved
      && !job->cancelled)
    {
      /* The draft holds both sides now, against their version: again, now. */
      g_clear_object (&job->cancellable);
      if (context->self->current == job)
        context->self->current = NULL;
      _byline_outbox_job_set_error (job, NULL);
      _byline_outbox_job_set_state (job, BYLINE_OUTBOX_JOB_QUEUED);
      save_or_warn (context->self, job);
    }
  else
    {
      if (error == NULL)
        g_set_error (&error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT,
                     _("“%s”: someone else changed this story meanwhile, and some of their changes conflict with "
                     "yours: choose which to keep (both versions are in the history)"), job->destination);
      finish_job (context->self, job, context->destination, FALSE, NULL, error);
    }
  schedule (context->self);
  send_context_free (context);
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SendContext *context = user_data;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean success;

  success = byline_destination_send_finish (BYLINE_DESTINATION (source), result, &receipt, &error);
  if (success && !context->job->cancelled)
    {
      g_autoptr(GError) base_error = NULL;
      const char *name = byline_destination_get_name (context->destination);

      /* The version both sides start from when the story comes back edited. */
      byline_article_set_remote (context->article, name, receipt->remote_id, receipt->remote_version);
      if (!byline_review_save_sent (context->self->store, name, context->article, receipt->remote_version,
                                    &base_error))
        g_warning ("Sent, but could not keep the version sent: %s", base_error->message);
    }
  /* Someone else changed the story: merge theirs in, and when nothing
   * conflicts, send the merged story at once. */
  if (!success && g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT)
      && BYLINE_IS_REVIEW_SOURCE (context->destination) && context->self->update_drafts
      && !context->job->cancelled && context->job->attempts <= MAX_MERGES)
    {
      byline_review_merge_remote_async (context->self->store, context->destination, context->job->draft_id,
                                        context->job->cancellable, merged_cb, context);
      return;
    }
  finish_job (context->self, context->job, context->destination, success, receipt, error);
  schedule (context->self);
  send_context_free (context);
}

static void
start_job (BylineOutbox      *self,
           BylineOutboxJob   *job,
           BylineDestination *destination)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;
  BylineSendOptions options = { 0 };
  SendContext *context;

  self->current = job;
  job->offline = FALSE;
  g_clear_object (&job->cancellable);
  job->cancellable = g_cancellable_new ();
  _byline_outbox_job_bump_attempts (job);
  _byline_outbox_job_set_progress (job, 0.0);
  _byline_outbox_job_set_next_attempt (job, 0);
  _byline_outbox_job_set_state (job, BYLINE_OUTBOX_JOB_SENDING);
  save_or_warn (self, job);

  /* The latest saved version of the draft goes out. */
  article = byline_draft_store_load (self->store, job->draft_id, &error);
  if (article == NULL)
    {
      if (g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND))
        g_prefix_error (&error, _("The draft is gone: "));
      finish_job (self, job, NULL, FALSE, NULL, error);
      schedule (self);
      return;
    }

  context = g_new0 (SendContext, 1);
  context->self = g_object_ref (self);
  context->job = g_object_ref (job);
  context->destination = g_object_ref (destination);
  context->article = g_object_ref (article);
  context->written = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < job->written_versions->len; i++)
    g_ptr_array_add (context->written, g_strdup (g_ptr_array_index (job->written_versions, i)));
  g_ptr_array_add (context->written, NULL);

  options.status = job->status;
  options.note = job->note;
  options.publish_at = job->publish_at;
  options.written_versions = (const char * const *) context->written->pdata;
  options.progress = progress_cb;
  options.will_write = will_write_cb;
  options.user_data = context;
  byline_destination_send_async (destination, article, &options, job->cancellable, send_cb, context);
}

/* ----------------------------------------------------------- scheduling */

static gboolean
timer_cb (gpointer user_data)
{
  BylineOutbox *self = user_data;

  self->timer_id = 0;
  schedule (self);
  return G_SOURCE_REMOVE;
}

/* Starts the first job that is due, or sets a timer for the earliest one. */
static void
schedule (BylineOutbox *self)
{
  gboolean online = g_network_monitor_get_network_available (self->monitor);
  gint64 now = g_get_monotonic_time ();
  gint64 earliest = 0;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (!self->running || self->current != NULL)
    return;

  for (guint i = 0; i < self->jobs->len; i++)
    {
      BylineOutboxJob *job = g_ptr_array_index (self->jobs, i);
      BylineDestination *destination;
      gint64 due;

      if (job->state != BYLINE_OUTBOX_JOB_QUEUED && job->state != BYLINE_OUTBOX_JOB_WAITING)
        continue;

      destination = g_hash_table_lookup (self->destinations, job->destination);
      if (destination == NULL)
        continue;

      if ((byline_destination_get_capabilities (destination) & BYLINE_DESTINATION_NEEDS_NETWORK) && !online)
        {
          if (!job->offline)
            {
              job->offline = TRUE;
              _byline_outbox_job_set_error (job, _("Waiting for a network connection."));
              _byline_outbox_job_set_next_attempt (job, 0);
              _byline_outbox_job_set_state (job, BYLINE_OUTBOX_JOB_WAITING);
              save_or_warn (self, job);
            }
          continue;
        }

      due = job->offline ? 0 : job->state == BYLINE_OUTBOX_JOB_WAITING ? job->next_attempt_mono : 0;
      due = MAX (due, byline_destination_get_not_before (destination));
      if (due > now)
        {
          earliest = earliest == 0 ? due : MIN (earliest, due);
          continue;
        }

      start_job (self, job, destination);
      return;
    }

  if (earliest != 0)
    self->timer_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (earliest - now) / 1000 + 1,
                                         timer_cb, self, NULL);
}

static gboolean
idle_cb (gpointer user_data)
{
  BylineOutbox *self = user_data;

  self->idle_id = 0;
  schedule (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_soon (BylineOutbox *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (idle_cb, self);
}

/* Whatever waited goes now. */
static void
wake_waiting (BylineOutbox *self)
{
  for (guint i = 0; i < self->jobs->len; i++)
    {
      BylineOutboxJob *job = g_ptr_array_index (self->jobs, i);

      if (job->state == BYLINE_OUTBOX_JOB_WAITING)
        {
          job->offline = FALSE;
          _byline_outbox_job_set_next_attempt (job, 0);
        }
    }
}

static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    BylineOutbox    *self)
{
  /* The line is back: whatever waited for it, or failed on it, goes now. */
  if (available)
    wake_waiting (self);
  schedule_soon (self);
}

/* A drive was mounted: the shared folder a story waits for may be there now,
 * rather than at the next try, up to a quarter of an hour later. */
static void
mounts_changed_cb (GUnixMountMonitor *mounts,
                   BylineOutbox      *self)
{
  wake_waiting (self);
  schedule_soon (self);
}

/* From the first send that waits: most runs never need it, and the start
 * of the window does not pay for it. */
static void
watch_mounts (BylineOutbox *self)
{
  if (self->mounts != NULL)
    return;
  self->mounts = g_unix_mount_monitor_get ();
  g_signal_connect_object (self->mounts, "mounts-changed", G_CALLBACK (mounts_changed_cb), self, 0);
}

/* --------------------------------------------------------------- object */

static void
byline_outbox_dispose (GObject *object)
{
  BylineOutbox *self = BYLINE_OUTBOX (object);

  self->running = FALSE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_func (self->monitor, network_changed_cb, self);
  if (self->mounts != NULL)
    g_signal_handlers_disconnect_by_func (self->mounts, mounts_changed_cb, self);

  G_OBJECT_CLASS (byline_outbox_parent_class)->dispose (object);
}

static void
byline_outbox_finalize (GObject *object)
{
  BylineOutbox *self = BYLINE_OUTBOX (object);

  g_clear_object (&self->store);
  g_clear_object (&self->monitor);
  g_clear_object (&self->mounts);
  g_clear_pointer (&self->destinations, g_hash_table_unref);
  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_clear_pointer (&self->rand, g_rand_free);

  G_OBJECT_CLASS (byline_outbox_parent_class)->finalize (object);
}

static void
byline_outbox_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BylineOutbox *self = BYLINE_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_UPDATE_DRAFTS:
      g_value_set_boolean (value, self->update_drafts);
      break;
    case PROP_N_PENDING:
      g_value_set_uint (value, byline_outbox_get_n_pending (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_outbox_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BylineOutbox *self = BYLINE_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_UPDATE_DRAFTS:
      self->update_drafts = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_outbox_class_init (BylineOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = byline_outbox_dispose;
  object_class->finalize = byline_outbox_finalize;
  object_class->get_property = byline_outbox_get_property;
  object_class->set_property = byline_outbox_set_property;

  /* Off when the window holds the draft and notes the result itself
   * (from BylineOutbox::job-finished) rather than have its copy go stale. */
  properties[PROP_UPDATE_DRAFTS] =
    g_param_spec_boolean ("update-drafts", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A job was sent, or failed in a way that needs the person. */
  signals[JOB_FINISHED] =
    g_signal_new ("job-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BYLINE_TYPE_OUTBOX_JOB);
}

static void
byline_outbox_init (BylineOutbox *self)
{
  self->destinations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->jobs = g_ptr_array_new_with_free_func (g_object_unref);
  self->rand = g_rand_new ();
  self->initial_ms = 5 * 1000;
  self->max_ms = 15 * 60 * 1000;
  self->update_drafts = TRUE;
}

BylineOutbox *
byline_outbox_new (BylineDraftStore *store,
                   GNetworkMonitor  *monitor)
{
  BylineOutbox *self;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor), NULL);

  self = g_object_new (BYLINE_TYPE_OUTBOX, NULL);
  self->store = g_object_ref (store);
  self->monitor = g_object_ref (monitor ? monitor : g_network_monitor_get_default ());
  g_signal_connect_object (self->monitor, "network-changed", G_CALLBACK (network_changed_cb), self, 0);
  return self;
}

void
byline_outbox_add_destination (BylineOutbox      *self,
                               BylineDestination *destination)
{
  g_return_if_fail (BYLINE_IS_OUTBOX (self));
  g_return_if_fail (BYLINE_IS_DESTINATION (destination));

  g_hash_table_replace (self->destinations, g_strdup (byline_destination_get_name (destination)),
                        g_object_ref (destination));
  schedule_soon (self);
}

BylineDestination *
byline_outbox_lookup_destination (BylineOutbox *self,
                                  const char   *name)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), NULL);

  return g_hash_table_lookup (self->destinations, name);
}

static int
compare_created (gconstpointer a,
                 gconstpointer b)
{
  const BylineOutboxJob *ja = a;
  const BylineOutboxJob *jb = b;

  if (ja->created == NULL || jb->created == NULL)
    return (ja->created == NULL) - (jb->created == NULL);
  return g_date_time_compare (ja->created, jb->created);
}

gboolean
byline_outbox_load (BylineOutbox  *self,
                    GError       **error)
{
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), FALSE);

  /* At start-up, before the window: the drafts' names, not their summaries
   * (2,000 drafts, a reporter's year, took 58 ms listed). */
  ids = byline_draft_store_list_ids (self->store, error);
  if (ids == NULL)
    return FALSE;

  /* One damaged file does not hold back the others' stories. */
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!load_draft_jobs (self, ids[i], &local_error))
        g_warning ("Skipping an outbox: %s", local_error->message);
    }
  /* Sent in the order they were queued, as before the restart; the list
   * model says so to whoever already watches it. */
  g_ptr_array_sort_values (self->jobs, compare_created);
  if (self->jobs->len > 1)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->jobs->len, self->jobs->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
  schedule_soon (self);
  return TRUE;
}

BylineOutboxJob *
byline_outbox_find (BylineOutbox *self,
                    const char   *job_id)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), NULL);

  for (guint i = 0; i < self->jobs->len; i++)
    {
      BylineOutboxJob *job = g_ptr_array_index (self->jobs, i);

      if (g_strcmp0 (job->id, job_id) == 0)
        return job;
    }
  return NULL;
}

BylineOutboxJob *
byline_outbox_enqueue (BylineOutbox  *self,
                       const char    *draft_id,
                       const char    *destination,
                       BylineStatus   status,
                       const char    *note,
                       GDateTime     *publish_at,
                       GError       **error)
{
  g_autoptr(BylineOutboxJob) job = NULL;

  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (draft_id != NULL, NULL);
  g_return_val_if_fail (destination != NULL && *destination != '\0', NULL);

  if (!byline_draft_store_contains (self->store, draft_id))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND, _("There is no draft “%s”"), draft_id);
      return NULL;
    }
  if (status == BYLINE_STATUS_SCHEDULED && publish_at == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID, _("Scheduling needs a publication time"));
      return NULL;
    }

  /* Sending again what has not gone yet updates that job. */
  for (guint i = 0; i < self->jobs->len; i++)
    {
      BylineOutboxJob *pending = g_ptr_array_index (self->jobs, i);

      if (g_str_equal (pending->draft_id, draft_id) && g_str_equal (pending->destination, destination)
          && !pending->cancelled
          && (pending->state == BYLINE_OUTBOX_JOB_QUEUED || pending->state == BYLINE_OUTBOX_JOB_WAITING
              || pending->state == BYLINE_OUTBOX_JOB_FAILED))
        {
          _byline_outbox_job_update (pending, status, note, publish_at);
          pending->offline = FALSE;
          _byline_outbox_job_set_error (pending, NULL);
          _byline_outbox_job_set_next_attempt (pending, 0);
          _byline_outbox_job_set_state (pending, BYLINE_OUTBOX_JOB_QUEUED);
          if (!save_draft_jobs (self, draft_id, error))
            return NULL;
          schedule_soon (self);
          return pending;
        }
    }

  job = _byline_outbox_job_new (draft_id, destination, status, note, publish_at);
  g_ptr_array_add (self->jobs, g_object_ref (job));
  if (!save_draft_jobs (self, draft_id, error))
    {
      g_ptr_array_remove (self->jobs, job);
      return NULL;
    }
  g_list_model_items_changed (G_LIST_MODEL (self), self->jobs->len - 1, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
  schedule_soon (self);
  return job;
}

gboolean
byline_outbox_retry (BylineOutbox  *self,
                     const char    *job_id,
                     GError       **error)
{
  BylineOutboxJob *job;

  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), FALSE);

  job = byline_outbox_find (self, job_id);
  if (job == NULL || (job->state != BYLINE_OUTBOX_JOB_FAILED && job->state != BYLINE_OUTBOX_JOB_WAITING
                      && job->state != BYLINE_OUTBOX_JOB_QUEUED))
    {
      if (job != NULL && job->state == BYLINE_OUTBOX_JOB_SENDING)
        g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_INVALID, _("This job is being sent, not waiting"));
      else if (job != NULL)
        g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_INVALID, _("This job is already sent, not waiting"));
      else
        g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND, _("There is no job “%s” in the outbox"), job_id);
      return FALSE;
    }

  job->offline = FALSE;
  _byline_outbox_job_set_next_attempt (job, 0);
  _byline_outbox_job_set_state (job, BYLINE_OUTBOX_JOB_QUEUED);
  if (!save_draft_jobs (self, job->draft_id, error))
    return FALSE;
  schedule_soon (self);
  return TRUE;
}

gboolean
byline_outbox_cancel (BylineOutbox  *self,
                      const char    *job_id,
                      GError       **error)
{
  g_autoptr(BylineOutboxJob) job = NULL;
  guint position;

  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), FALSE);

  if (byline_outbox_find (self, job_id) == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                   _("There is no job “%s” in the outbox"), job_id);
      return FALSE;
    }
  g_ptr_array_find (self->jobs, byline_outbox_find (self, job_id), &position);

  job = g_ptr_array_steal_index (self->jobs, position);
  job->cancelled = TRUE;
  if (job->cancellable != NULL)
    g_cancellable_cancel (job->cancellable);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
  return save_draft_jobs (self, job->draft_id, error);
}

void
byline_outbox_start (BylineOutbox *self)
{
  g_return_if_fail (BYLINE_IS_OUTBOX (self));

  self->running = TRUE;
  schedule_soon (self);
}

void
byline_outbox_stop (BylineOutbox *self)
{
  g_return_if_fail (BYLINE_IS_OUTBOX (self));

  self->running = FALSE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->current != NULL && self->current->cancellable != NULL)
    g_cancellable_cancel (self->current->cancellable);
}

guint
byline_outbox_get_n_pending (BylineOutbox *self)
{
  guint count = 0;

  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), 0);

  for (guint i = 0; i < self->jobs->len; i++)
    if (((BylineOutboxJob *) g_ptr_array_index (self->jobs, i))->state != BYLINE_OUTBOX_JOB_SENT)
      count++;
  return count;
}

void
byline_outbox_clear_sent (BylineOutbox *self)
{
  g_return_if_fail (BYLINE_IS_OUTBOX (self));

  for (guint i = self->jobs->len; i > 0; i--)
    if (((BylineOutboxJob *) g_ptr_array_index (self->jobs, i - 1))->state == BYLINE_OUTBOX_JOB_SENT)
      {
        g_ptr_array_remove_index (self->jobs, i - 1);
        g_list_model_items_changed (G_LIST_MODEL (self), i - 1, 1, 0);
      }
}

void
byline_outbox_set_backoff (BylineOutbox *self,
                           guint         initial_ms,
                           guint         max_ms)
{
  g_return_if_fail (BYLINE_IS_OUTBOX (self));
  g_return_if_fail (initial_ms > 0 && max_ms >= initial_ms);

  self->initial_ms = initial_ms;
  self->max_ms = max_ms;
}
