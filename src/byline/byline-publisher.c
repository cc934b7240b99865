/* byline-publisher.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-document.h"
#include "byline-folder-destination.h"
#include "byline-publisher.h"

struct _BylinePublisher
{
  GObject           parent_instance;

  BylineDraftStore *store;
  BylineAccounts   *accounts;
  BylineOutbox     *outbox;
  GSettings        *settings;
  GHashTable       *documents;   /* draft id → BylineDocument (weak) */
  GHashTable       *opening;     /* destination names being opened */
  GHashTable       *problems;    /* destination name → GError: why it cannot be opened */
  GCancellable     *cancellable;
};

G_DEFINE_FINAL_TYPE (BylinePublisher, byline_publisher, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---------------------------------------------- a removed account's place */

/* Stands in the outbox for an account removed while it still had stories to
 * send, so that they stop with the reason (and Retry, Cancel) rather than go
 * out with the old secret, or wait for nothing. */
#define BYLINE_TYPE_GONE_DESTINATION (byline_gone_destination_get_type ())
G_DECLARE_FINAL_TYPE (BylineGoneDestination, byline_gone_destination, BYLINE, GONE_DESTINATION, BylineDestination)

struct _BylineGoneDestination
{
  BylineDestination parent_instance;
};

G_DEFINE_FINAL_TYPE (BylineGoneDestination, byline_gone_destination, BYLINE_TYPE_DESTINATION)

static BylineDestinationCapabilities
gone_get_capabilities (BylineDestination *destination)
{
  /* Every status, so that the refusal is this one's. */
  return BYLINE_DESTINATION_CAN_SUBMIT | BYLINE_DESTINATION_CAN_PUBLISH
         | BYLINE_DESTINATION_CAN_SCHEDULE | BYLINE_DESTINATION_CAN_RETURN;
}

static void
gone_refuse (BylineDestination   *destination,
             gpointer             source_tag,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_task_report_new_error (destination, callback, user_data, source_tag, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                           _("There is no account “%s” any more: add it again, or cancel"),
                           byline_destination_get_name (destination));
}

static void
gone_check_async (BylineDestination   *destination,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  gone_refuse (destination, gone_check_async, callback, user_data);
}

static BylineIdentity *
gone_check_finish (BylineDestination  *destination,
                   GAsyncResult       *result,
                   GError            **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
gone_send_async (BylineDestination       *destination,
                 BylineArticle           *article,
                 const BylineSendOptions *options,
                 GCancellable            *cancellable,
                 GAsyncReadyCallback      callback,
                 gpointer                 user_data)
{
  gone_refuse (destination, gone_send_async, callback, user_data);
}

static gboolean
gone_send_finish (BylineDestination  *destination,
                  GAsyncResult       *result,
                  BylineSendReceipt **receipt,
                  GError            **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
gone_set_status_async (BylineDestination   *destination,
                       const char          *remote_id,
                       BylineStatus         status,
                       const char          *note,
                       GDateTime           *publish_at,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  gone_refuse (destination, gone_set_status_async, callback, user_data);
}

static gboolean
gone_set_status_finish (BylineDestination  *destination,
                        GAsyncResult       *result,
                        GError            **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
byline_gone_destination_class_init (BylineGoneDestinationClass *klass)
{
  BylineDestinationClass *destination_class = BYLINE_DESTINATION_CLASS (klass);

  destination_class->get_capabilities = gone_get_capabilities;
  destination_class->check_async = gone_check_async;
  destination_class->check_finish = gone_check_finish;
  destination_class->send_async = gone_send_async;
  destination_class->send_finish = gone_send_finish;
  destination_class->set_status_async = gone_set_status_async;
  destination_class->set_status_finish = gone_set_status_finish;
}

static void
byline_gone_destination_init (BylineGoneDestination *self)
{
}

/* ---------------------------------------------------------- destinations */

typedef struct
{
  BylinePublisher *self;
  char            *name;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->self);
  g_free (data->name);
  g_free (data);
}

static void
on_destination_opened (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  OpenData *data = user_data;
  BylinePublisher *self = data->self;
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(GError) error = NULL;

  destination = byline_accounts_create_destination_finish (BYLINE_ACCOUNTS (source), result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_hash_table_remove (self->opening, data->name);
      if (destination != NULL)
        {
          g_hash_table_remove (self->problems, data->name);
          byline_outbox_add_destination (self->outbox, destination);
        }
      else
        g_hash_table_replace (self->problems, g_strdup (data->name), g_error_copy (error));
      g_signal_emit (self, signals[CHANGED], 0);
    }
  open_data_free (data);
}

static void
open_destination (BylinePublisher *self,
                  const char      *name)
{
  OpenData *data;

  if (g_hash_table_contains (self->opening, name))
    return;
  if (byline_accounts_lookup (self->accounts, name) == NULL)
    {
      g_hash_table_replace (self->problems, g_strdup (name),
                            g_error_new (BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                                         _("There is no account “%s” any more"), name));
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }
  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->name = g_strdup (name);
  g_hash_table_add (self->opening, g_strdup (name));
  byline_accounts_create_destination_async (self->accounts, name, self->cancellable,
                                            on_destination_opened, data);
}

/* Every job names its destination; the outbox holds it until it is added. */
static void
open_missing_destinations (BylinePublisher *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->outbox));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylineOutboxJob) job = g_list_model_get_item (G_LIST_MODEL (self->outbox), i);
      const char *name = byline_outbox_job_get_destination (job);

      if (byline_outbox_job_get_state (job) != BYLINE_OUTBOX_JOB_SENT
          && byline_outbox_lookup_destination (self->outbox, name) == NULL
          && !g_hash_table_contains (self->problems, name))
        open_destination (self, name);
    }
}

/* An account was removed (or the list reloaded): the outbox stops sending to
 * destinations that no longer have one. */
static void
on_accounts_changed (BylinePublisher *self)
{
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->outbox));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylineOutboxJob) job = g_list_model_get_item (G_LIST_MODEL (self->outbox), i);
      const char *name = byline_outbox_job_get_destination (job);
      BylineDestination *destination = byline_outbox_lookup_destination (self->outbox, name);

      if (destination != NULL && !BYLINE_IS_GONE_DESTINATION (destination)
          && byline_accounts_lookup (self->accounts, name) == NULL
          && !g_ptr_array_find_with_equal_func (gone, name, g_str_equal, NULL))
        g_ptr_array_add (gone, g_strdup (name));
    }
  for (guint i = 0; i < gone->len; i++)
    {
      g_autoptr(BylineDestination) stand_in = g_object_new (BYLINE_TYPE_GONE_DESTINATION,
                                                            "name", g_ptr_array_index (gone, i), NULL);

      byline_outbox_add_destination (self->outbox, stand_in);
    }
}

const char *
byline_publisher_get_problem (BylinePublisher *self,
                              const char      *destination)
{
  GError *problem;

  g_return_val_if_fail (BYLINE_IS_PUBLISHER (self), NULL);
  problem = destination ? g_hash_table_lookup (self->problems, destination) : NULL;
  return problem ? problem->message : NULL;
}

gboolean
byline_publisher_job_needs_account (BylinePublisher *self,
                                    BylineOutboxJob *job)
{
  const char *name;
  GError *problem;

  g_return_val_if_fail (BYLINE_IS_PUBLISHER (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_OUTBOX_JOB (job), FALSE);

  name = byline_outbox_job_get_destination (job);
  if (byline_accounts_lookup (self->accounts, name) == NULL)
    return FALSE;
  switch (byline_outbox_job_get_state (job))
    {
    case BYLINE_OUTBOX_JOB_FAILED:
    case BYLINE_OUTBOX_JOB_WAITING:
      return byline_outbox_job_get_account_problem (job);
    case BYLINE_OUTBOX_JOB_QUEUED:
      problem = g_hash_table_lookup (self->problems, name);
      return g_error_matches (problem, BYLINE_ERROR, BYLINE_ERROR_AUTH);
    default:
      return FALSE;
    }
}

/* ------------------------------------------------------- results in drafts */

/* Where the story went, noted in the draft, so that the next send replaces
 * that version instead of creating the story again. */
static void
note_in_article (BylineArticle   *article,
                 BylineOutboxJob *job)
{
  byline_article_set_remote (article, byline_outbox_job_get_destination (job),
                             byline_outbox_job_get_remote_id (job),
                             byline_outbox_job_get_remote_version (job));
  if (byline_outbox_job_get_status (job) != BYLINE_STATUS_DRAFT)
    byline_article_set_status (article, byline_outbox_job_get_status (job));
}

static void
on_job_finished (BylinePublisher *self,
                 BylineOutboxJob *job)
{
  const char *draft_id = byline_outbox_job_get_draft_id (job);
  BylineDocument *document;

  if (byline_outbox_job_get_state (job) != BYLINE_OUTBOX_JOB_SENT
      || byline_outbox_job_get_remote_id (job) == NULL)
    return;

  document = g_hash_table_lookup (self->documents, draft_id);
  if (document != NULL)
    {
      /* The document autosaves it with whatever is being typed. */
      note_in_article (byline_document_get_article (document), job);
      return;
    }

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) article = byline_draft_store_load (self->store, draft_id, &error);

      if (article != NULL)
        {
          note_in_article (article, job);
          if (byline_draft_store_save (self->store, article, &error))
            return;
        }
      if (!g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT))
        {
          g_warning ("Sent, but could not note it in the draft: %s", error->message);
          return;
        }
    }
}

static void
on_document_gone (gpointer  data,
                  GObject  *where_the_object_was)
{
  BylinePublisher *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer) where_the_object_was)
      g_hash_table_iter_remove (&iter);
}

void
byline_publisher_watch_document (BylinePublisher *self,
                                 BylineDocument  *document)
{
  const char *id;
  BylineDocument *before;

  g_return_if_fail (BYLINE_IS_PUBLISHER (self));
  g_return_if_fail (BYLINE_IS_DOCUMENT (document));

  id = byline_document_get_id (document);
  before = g_hash_table_lookup (self->documents, id);
  if (before == document)
    return;
  if (before != NULL)
    g_object_weak_unref (G_OBJECT (before), on_document_gone, self);
  g_hash_table_replace (self->documents, g_strdup (id), document);
  g_object_weak_ref (G_OBJECT (document), on_document_gone, self);
}

/* ------------------------------------------------------------- accounts */

static void
on_default_account_saved (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!byline_accounts_save_finish (BYLINE_ACCOUNTS (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not add the folder account: %s", error->message);
}

/* Sending works with no server at all: to a folder on this computer. */
static void
add_default_account (BylinePublisher *self)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "byline", "newsroom", NULL);
  g_autoptr(BylineAccount) account = byline_account_new (_("Newsroom folder"), BYLINE_ACCOUNT_FOLDER,
                                                         folder, NULL);

  byline_accounts_save_async (self->accounts, account, NULL, self->cancellable,
                              on_default_account_saved, NULL);
}

static void
on_account_saved (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BylinePublisher *self = g_task_get_source_object (task);
  const char *name = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!byline_accounts_save_finish (BYLINE_ACCOUNTS (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The outbox sends with the new address and secret from now on. */
  g_hash_table_remove (self->problems, name);
  g_hash_table_remove (self->opening, name);
  open_destination (self, name);
  g_task_return_boolean (task, TRUE);
}

void
byline_publisher_save_account_async (BylinePublisher     *self,
                                     BylineAccount       *account,
                                     const char          *secret,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BYLINE_IS_PUBLISHER (self));
  g_return_if_fail (BYLINE_IS_ACCOUNT (account));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_publisher_save_account_async);
  g_task_set_task_data (task, g_strdup (byline_account_get_name (account)), g_free);
  byline_accounts_save_async (self->accounts, account, secret, cancellable, on_account_saved,
                              g_steal_pointer (&task));
}

gboolean
byline_publisher_save_account_finish (BylinePublisher  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  BylineIdentity *identity = byline_destination_check_finish (BYLINE_DESTINATION (source), result, &error);

  if (identity == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, identity, (GDestroyNotify) byline_identity_free);
}

static void
on_check_destination (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(BylineDestination) destination = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  destination = byline_accounts_create_destination_finish (BYLINE_ACCOUNTS (source), result, &error);
  if (destination == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  /* Checked while being set up: the folder is the one the user chose. */
  if (BYLINE_IS_FOLDER_DESTINATION (destination))
    byline_folder_destination_set_chosen (BYLINE_FOLDER_DESTINATION (destination), TRUE);
  byline_destination_check_async (destination, cancellable, on_checked, g_steal_pointer (&task));
}

void
byline_publisher_check_account_async (BylinePublisher     *self,
                                      const char          *name,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BYLINE_IS_PUBLISHER (self));
  g_return_if_fail (name != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_publisher_check_account_async);
  byline_accounts_create_destination_async (self->accounts, name, cancellable, on_check_destination,
                                            g_steal_pointer (&task));
}

BylineIdentity *
byline_publisher_check_account_finish (BylinePublisher  *self,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------------- sending */

char *
byline_publisher_dup_default_destination (BylinePublisher *self)
{
  g_autofree char *last = NULL;
  g_autoptr(BylineAccount) first = NULL;

  g_return_val_if_fail (BYLINE_IS_PUBLISHER (self), NULL);

  last = g_settings_get_string (self->settings, "send-destination");
  if (*last != '\0' && byline_accounts_lookup (self->accounts, last) != NULL)
    return g_steal_pointer (&last);
  first = g_list_model_get_item (G_LIST_MODEL (self->accounts), 0);
  return first ? g_strdup (byline_account_get_name (first)) : NULL;
}

BylineOutboxJob *
byline_publisher_send (BylinePublisher  *self,
                       BylineDocument   *document,
                       const char       *destination,
                       BylineStatus      status,
                       const char       *note,
                       GDateTime        *publish_at,
                       GError          **error)
{
  BylineOutboxJob *job;

  g_return_val_if_fail (BYLINE_IS_PUBLISHER (self), NULL);
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (destination != NULL, NULL);

  if (byline_accounts_lookup (self->accounts, destination) == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                   _("There is no account “%s”: add it in Preferences"), destination);
      return NULL;
    }
  /* The outbox sends the draft as saved: what is on screen, then. */
  if (byline_document_get_save_state (document) == BYLINE_SAVE_STATE_NEW)
    {
      if (!byline_document_save (document, error))
        return NULL;
    }
  else if (!byline_document_flush (document, error))
    return NULL;

  byline_publisher_watch_document (self, document);
  job = byline_outbox_enqueue (self->outbox, byline_document_get_id (document), destination, status,
                               note, publish_at, error);
  if (job == NULL)
    return NULL;
  g_settings_set_string (self->settings, "send-destination", destination);
  if (byline_outbox_lookup_destination (self->outbox, destination) == NULL)
    {
      g_hash_table_remove (self->problems, destination);
      open_destination (self, destination);
    }
  return job;
}

BylineOutboxJob *
byline_publisher_find_job (BylinePublisher *self,
                           const char      *draft_id)
{
  guint n;

  g_return_val_if_fail (BYLINE_IS_PUBLISHER (self), NULL);

  if (draft_id == NULL)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->outbox));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(BylineOutboxJob) job = g_list_model_get_item (G_LIST_MODEL (self->outbox), i - 1);

      if (g_strcmp0 (byline_outbox_job_get_draft_id (job), draft_id) == 0)
        return job;   /* the outbox holds it */
    }
  return NULL;
}

/* ---------------------------------------------------------------- running */

gboolean
byline_publisher_start (BylinePublisher  *self,
                        GError          **error)
{
  g_autoptr(GError) accounts_error = NULL;
  g_autoptr(GError) outbox_error = NULL;

  g_return_val_if_fail (BYLINE_IS_PUBLISHER (self), FALSE);

  if (!byline_accounts_load (self->accounts, &accounts_error))
    g_warning ("Could not read the accounts: %s", accounts_error->message);
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->accounts)) == 0)
    add_default_account (self);

  if (!byline_outbox_load (self->outbox, &outbox_error))
    g_warning ("Could not read the outbox: %s", outbox_error->message);
  open_missing_destinations (self);
  byline_outbox_start (self->outbox);

  if (accounts_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&accounts_error));
      return FALSE;
    }
  if (outbox_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&outbox_error));
      return FALSE;
    }
  return TRUE;
}

void
byline_publisher_stop (BylinePublisher *self)
{
  g_return_if_fail (BYLINE_IS_PUBLISHER (self));
  byline_outbox_stop (self->outbox);
}

BylineDraftStore *
byline_publisher_get_store (BylinePublisher *self)
{
  g_return_val_if_fail (BYLINE_IS_PUBLISHER (self), NULL);
  return self->store;
}

BylineAccounts *
byline_publisher_get_accounts (BylinePublisher *self)
{
  g_return_val_if_fail (BYLINE_IS_PUBLISHER (self), NULL);
  return self->accounts;
}

BylineOutbox *
byline_publisher_get_outbox (BylinePublisher *self)
{
  g_return_val_if_fail (BYLINE_IS_PUBLISHER (self), NULL);
  return self->outbox;
}

/* ---------------------------------------------------------------- GObject */

static void
byline_publisher_dispose (GObject *object)
{
  BylinePublisher *self = BYLINE_PUBLISHER (object);
  GHashTableIter iter;
  gpointer value;

  g_cancellable_cancel (self->cancellable);
  if (self->outbox != NULL)
    {
      byline_outbox_stop (self->outbox);
      g_signal_handlers_disconnect_by_data (self->outbox, self);
    }
  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (value, on_document_gone, self);
  g_hash_table_remove_all (self->documents);

  G_OBJECT_CLASS (byline_publisher_parent_class)->dispose (object);
}

static void
byline_publisher_finalize (GObject *object)
{
  BylinePublisher *self = BYLINE_PUBLISHER (object);

  g_clear_object (&self->outbox);
  g_clear_object (&self->accounts);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->opening, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_hash_table_unref);

  G_OBJECT_CLASS (byline_publisher_parent_class)->finalize (object);
}

static void
byline_publisher_class_init (BylinePublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = byline_publisher_dispose;
  object_class->finalize = byline_publisher_finalize;

  /* A destination was opened, or could not be: problems changed. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
byline_publisher_init (BylinePublisher *self)
{
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->opening = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_error_free);
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
}

BylinePublisher *
byline_publisher_new (BylineDraftStore *store,
                      GFile            *accounts_file,
                      GNetworkMonitor  *monitor)
{
  BylinePublisher *self;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);

  self = g_object_new (BYLINE_TYPE_PUBLISHER, NULL);
  self->store = g_object_ref (store);
  self->accounts = byline_accounts_new (accounts_file);
  self->outbox = byline_outbox_new (store, monitor);
  /* The windows hold open drafts; their copies take the result (on_job_finished). */
  g_object_set (self->outbox, "update-drafts", FALSE, NULL);
  g_signal_connect_object (self->outbox, "job-finished", G_CALLBACK (on_job_finished),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->accounts, "items-changed", G_CALLBACK (on_accounts_changed),
                           self, G_CONNECT_SWAPPED);
  return self;
}
