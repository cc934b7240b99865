/* byline-window-review.c — the editors' desk in the window
 *
 * Each account whose destination has a review queue is checked once (who one
 * is there, so which role): an editor gets the Review Queue button, anyone
 * the queue of stories returned to them.  A story opened from the queue is a
 * local draft linked to the remote item; while it waits for review, the
 * review bar offers what the role permits (Publish, Schedule…, Return to
 * Reporter…: byline-window-review-send.c).  A returned story shows a banner
 * with the editor's note and the changes since submission; a story under
 * review, the note it came with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-article-editor.h"
#include "byline-changes-dialog.h"
#include "byline-document.h"
#include "byline-merge-dialog.h"
#include "byline-publisher.h"
#include "byline-review-button.h"
#include "byline-review-dialog.h"
#include "byline-widget-util.h"
#include "byline-window-review-private.h"
#include "byline-window-review.h"

#define REVIEW_KEY "byline-window-review"

static void
review_free (BylineWindowReview *review)
{
  g_cancellable_cancel (review->cancellable);
  g_clear_object (&review->cancellable);
  g_clear_pointer (&review->destinations, g_hash_table_unref);
  g_clear_pointer (&review->changes, g_hash_table_unref);
  g_free (review->sent_key);
  g_free (review);
}

BylineWindowReview *
_byline_window_get_review (BylineWindow *self)
{
  return g_object_get_data (G_OBJECT (self), REVIEW_KEY);
}


static BylinePermissions
permissions_of (BylineDestination *destination)
{
  if (destination == NULL || !BYLINE_IS_REVIEW_SOURCE (destination))
    return 0;
  return byline_review_source_get_permissions (BYLINE_REVIEW_SOURCE (destination));
}

BylineDestination *
byline_window_get_review_destination (BylineWindow *self)
{
  BylineWindowReview *review;
  g_auto(GStrv) remotes = NULL;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  review = _byline_window_get_review (self);
  if (_byline_window_review_article (self) == NULL)
    return NULL;
  remotes = byline_article_list_remotes (_byline_window_review_article (self));
  for (guint i = 0; remotes != NULL && remotes[i] != NULL; i++)
    {
      BylineDestination *destination = g_hash_table_lookup (review->destinations, remotes[i]);

      if (destination != NULL)
        return destination;
    }
  return NULL;
}

guint
byline_window_get_n_review_accounts (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), 0);
  return g_hash_table_size (_byline_window_get_review (self)->destinations);
}

AdwBanner *
byline_window_get_review_banner (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);
  return self->review_banner;
}

GtkWidget *
byline_window_get_review_button (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);
  return self->review_button;
}

GtkActionBar *
byline_window_get_review_bar (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);
  return self->review_bar;
}

/* --------------------------------------------------------- what is shown */

/* Whether the status the shown story has on @destination was sent from
 * here: an editor who returned a story, not the reporter it came back to
 * (on a newsroom folder everyone has both roles).  Cached per version. */
static gboolean
sent_here (BylineWindow      *self,
           BylineDestination *destination)
{
  BylineWindowReview *review = _byline_window_get_review (self);
  const char *name = byline_destination_get_name (destination);
  const char *version = byline_article_get_remote_version (_byline_window_review_article (self), name);
  g_autofree char *key = g_strdup_printf ("%s\n%s", byline_document_get_id (self->document), version);
  g_autofree char *sent_version = NULL;
  g_autoptr(BylineArticle) sent = NULL;

  if (g_strcmp0 (key, review->sent_key) == 0)
    return review->sent;
  sent = byline_review_load_sent (self->store, byline_document_get_id (self->document), name, &sent_version, NULL);
  g_free (review->sent_key);
  review->sent_key = g_steal_pointer (&key);
  review->sent = sent != NULL && version != NULL && g_strcmp0 (sent_version, version) == 0;
  return review->sent;
}

/* Whether the last open of the shown story brought changes the other side
 * made since this side sent it. */
static gboolean
has_changes (BylineWindow *self)
{
  GPtrArray *changes = g_hash_table_lookup (_byline_window_get_review (self)->changes,
                                            byline_document_get_id (self->document));

  return changes != NULL && changes->len > 0;
}

void
_byline_window_update_review (BylineWindow *self)
{
  BylineWindowReview *review = _byline_window_get_review (self);
  BylineDestination *destination = byline_window_get_review_destination (self);
  BylinePermissions permissions = permissions_of (destination);
  BylineArticle *shown = _byline_window_review_article (self);
  BylineStatus status = shown ? byline_article_get_status (shown) : BYLINE_STATUS_DRAFT;
  gboolean any_editor = FALSE;
  gboolean reviewing;
  gboolean returned;
  gboolean changes;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, review->destinations);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    any_editor |= (permissions_of (value) & BYLINE_PERMISSION_REVIEW) != 0;
  gtk_widget_set_visible (self->review_button, any_editor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-queue",
                                 g_hash_table_size (review->destinations) > 0);

  reviewing = destination != NULL && (permissions & BYLINE_PERMISSION_REVIEW) && status == BYLINE_STATUS_SUBMITTED;
  gtk_action_bar_set_revealed (byline_window_get_review_bar (self), reviewing);
  if (reviewing)
    {
      g_autofree char *label = g_strdup_printf (_("Waiting for review on “%s”"),
                                                byline_destination_get_name (destination));

      gtk_label_set_label (self->review_label, label);
    }
  gtk_widget_set_visible (self->review_publish_button, (permissions & BYLINE_PERMISSION_PUBLISH) != 0);
  gtk_widget_set_visible (self->review_schedule_button, (permissions & BYLINE_PERMISSION_SCHEDULE) != 0);
  gtk_widget_set_visible (self->review_return_button, (permissions & BYLINE_PERMISSION_RETURN) != 0);
  /* (Shown instead of those two in a narrow window.) */
  gtk_widget_set_sensitive (self->review_more_button,
                            (permissions & (BYLINE_PERMISSION_RETURN | BYLINE_PERMISSION_SCHEDULE)) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-publish",
                                 reviewing && !review->sending && (permissions & BYLINE_PERMISSION_PUBLISH));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-schedule",
                                 reviewing && !review->sending && (permissions & BYLINE_PERMISSION_SCHEDULE));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-return",
                                 reviewing && !review->sending && (permissions & BYLINE_PERMISSION_RETURN));

  /* Returned to this person; the editor who returned it sees no banner.  An
   * editor reviewing a story sees the note it came with, and what the
   * reporter changed since it was returned. */
  returned = status == BYLINE_STATUS_RETURNED
             && (!(permissions & BYLINE_PERMISSION_REVIEW) || !sent_here (self, destination));
  changes = returned || (reviewing && has_changes (self));
  {
    const char *note = shown ? byline_article_get_editor_note (shown) : NULL;
    gboolean has_note = note != NULL && *note != '\0';
    AdwBanner *banner = byline_window_get_review_banner (self);
    g_autofree char *title = NULL;

    if (returned)
      title = has_note ? g_strdup_printf (_("Returned by the editor: %s"), note)
                       : g_strdup (_("Returned by the editor"));
    else if (reviewing && has_note)
      title = g_strdup_printf (_("Note with the story: %s"), note);
    else if (reviewing && changes)
      title = g_strdup (_("The reporter sent the story again"));
    if (title != NULL)
      {
        adw_banner_set_title (banner, title);
        adw_banner_set_button_label (banner, changes ? _("Show _Changes") : NULL);
      }
    adw_banner_set_revealed (banner, title != NULL);
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-changes", changes);
}

static void
on_document_changed (BylineWindow *self)
{
  BylineArticle *shown = _byline_window_review_article (self);
  BylineArticle *watched = g_object_get_data (G_OBJECT (self), "byline-review-article");

  if (watched != shown)
    {
      if (watched != NULL)
        g_signal_handlers_disconnect_by_data (watched, self);
      if (shown != NULL)
        {
          g_signal_connect_object (shown, "notify::status", G_CALLBACK (_byline_window_update_review), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (shown, "notify::editor-note", G_CALLBACK (_byline_window_update_review), self,
                                   G_CONNECT_SWAPPED);
        }
      g_object_set_data_full (G_OBJECT (self), "byline-review-article",
                              shown ? g_object_ref (shown) : NULL, g_object_unref);
    }
  _byline_window_update_review (self);
}

/* --------------------------------------------------- who one is, where */

/* The accounts this person reviews on: the button counts their stories. */
static void
count_waiting (BylineWindow *self)
{
  BylineWindowReview *review = _byline_window_get_review (self);
  g_autoptr(GPtrArray) reviewed = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, review->destinations);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (permissions_of (value) & BYLINE_PERMISSION_REVIEW)
      g_ptr_array_add (reviewed, value);
  byline_review_button_set_destinations (BYLINE_REVIEW_BUTTON (self->review_button), reviewed);
}

typedef struct
{
  BylineWindow *self;
  GCancellable *cancellable;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->cancellable);
  g_free (data);
}

static void
on_checked (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  CheckData *data = user_data;
  BylineDestination *destination = BYLINE_DESTINATION (object);
  g_autoptr(BylineIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  identity = byline_destination_check_finish (destination, result, &error);
  /* Out of reach for now, with roles known without asking (a folder's are
   * its account's): its queue says why it is empty, and lists it once back. */
  if (identity == NULL && byline_destination_error_is_transient (error)
      && byline_destination_get_roles (destination) != 0)
    g_debug ("“%s” out of reach for now: %s", byline_destination_get_name (destination), error->message);
  else if (identity == NULL)
    {
      g_debug ("No review queue for “%s”: %s", byline_destination_get_name (destination), error->message);
      check_data_free (data);
      return;
    }
  if (!g_cancellable_is_cancelled (data->cancellable)
      && (permissions_of (destination) & (BYLINE_PERMISSION_REVIEW | BYLINE_PERMISSION_SUBMIT)))
    {
      BylineWindowReview *review = _byline_window_get_review (data->self);

      g_hash_table_replace (review->destinations, g_strdup (byline_destination_get_name (destination)),
                            g_object_ref (destination));
      _byline_window_update_review (data->self);
      count_waiting (data->self);
    }
  check_data_free (data);
}

static void
on_destination_created (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  CheckData *data = user_data;
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(GError) error = NULL;

  destination = byline_accounts_create_destination_finish (BYLINE_ACCOUNTS (object), result, &error);
  if (destination == NULL || !BYLINE_IS_REVIEW_SOURCE (destination)
      || g_cancellable_is_cancelled (data->cancellable))
    {
      check_data_free (data);
      return;
    }
  byline_destination_check_async (destination, data->cancellable, on_checked, data);
}

static void
check_accounts (BylineWindow *self)
{
  BylineWindowReview *review = _byline_window_get_review (self);
  BylineAccounts *accounts = byline_publisher_get_accounts (self->publisher);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (accounts));

  g_cancellable_cancel (review->cancellable);
  g_clear_object (&review->cancellable);
  review->cancellable = g_cancellable_new ();
  g_hash_table_remove_all (review->destinations);
  _byline_window_update_review (self);
  count_waiting (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylineAccount) account = g_list_model_get_item (G_LIST_MODEL (accounts), i);
      CheckData *data = g_new0 (CheckData, 1);

      data->self = g_object_ref (self);
      data->cancellable = g_object_ref (review->cancellable);
      byline_accounts_create_destination_async (accounts, byline_account_get_name (account),
                                                review->cancellable, on_destination_created, data);
    }
}

void
_byline_window_review_set_publisher (BylineWindow *self)
{
  g_signal_connect_object (byline_publisher_get_accounts (self->publisher), "items-changed",
                           G_CALLBACK (check_accounts), self, G_CONNECT_SWAPPED);
  check_accounts (self);
}

/* ------------------------------------------------------------ conflicts */

static void
reload_draft (BylineWindow *self,
              const char   *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) loaded = byline_draft_store_load (self->store, id, &error);
  g_autoptr(BylineDocument) document = NULL;

  if (loaded == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  document = byline_document_new (self->store, loaded, TRUE);
  _byline_window_replace_document (self, document);
}

static void
on_merge_resolved (BylineWindow  *self,
                   BylineArticle *saved)
{
  if (self->document != NULL && g_strcmp0 (byline_document_get_id (self->document), byline_article_get_id (saved)) == 0)
    reload_draft (self, byline_article_get_id (saved));
  byline_window_add_toast (self, adw_toast_new (_("Merged: the story can be sent again")));
  _byline_window_update_review (self);
}

void
_byline_window_show_merge (BylineWindow *self,
            const char   *draft_id,
            const char   *destination,
            BylineMerge  *merge)
{
  AdwDialog *dialog;

  /* What the window shows is saved first: the merge replaces the draft. */
  if (self->document != NULL)
    byline_document_flush (self->document, NULL);
  dialog = byline_merge_dialog_new (self->store, draft_id, destination, merge);
  g_signal_connect_object (dialog, "resolved", G_CALLBACK (on_merge_resolved), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* ------------------------------------------------- a draft saved elsewhere */

static void
on_local_merge_resolved (BylineWindow  *self,
                         BylineArticle *saved)
{
  reload_draft (self, byline_article_get_id (saved));
  byline_window_add_toast (self, adw_toast_new (_("Merged with the version saved elsewhere")));
}

/* The draft was saved elsewhere since it was opened here (the save failed
 * with a conflict): the two are merged, from the version both started from;
 * what both changed is asked, the rest is merged at once. */
static void
merge_conflict_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(BylineArticle) ours = NULL;
  g_autoptr(BylineArticle) base = NULL;
  g_autoptr(BylineArticle) theirs = NULL;
  g_autoptr(BylineMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  if (self->document == NULL)
    return;
  id = byline_document_get_id (self->document);
  ours = byline_article_copy (byline_document_get_article (self->document));
  theirs = byline_draft_store_load (self->store, id, &error);
  if (theirs == NULL)
    {
      byline_window_add_toast (self, byline_toast_new_long (error->message));
      return;
    }
  /* Gone from the history: every difference is asked. */
  base = byline_draft_store_load_version (self->store, id, byline_article_get_revision (ours), NULL);
  merge = byline_merge_new (base, ours, theirs);
  if (byline_merge_get_n_conflicts (merge) == 0)
    {
      g_autoptr(BylineArticle) saved = byline_merge_save_draft (merge, self->store, &error);

      if (saved == NULL)
        byline_window_add_toast (self, byline_toast_new_long (error->message));
      else
        on_local_merge_resolved (self, saved);
      return;
    }
  {
    AdwDialog *dialog = byline_merge_dialog_new (self->store, id, NULL, merge);

    g_signal_connect_object (dialog, "resolved", G_CALLBACK (on_local_merge_resolved), self, G_CONNECT_SWAPPED);
    adw_dialog_present (dialog, GTK_WIDGET (self));
  }
}

/* ------------------------------------------------------------ the queue */

static void
on_story_opened (BylineWindow       *self,
                 BylineDestination  *destination,
                 BylineReviewOpened *opened)
{
  BylineWindowReview *review = _byline_window_get_review (self);
  const char *id = byline_article_get_id (opened->article);
  g_autoptr(BylineArticle) loaded = NULL;
  g_autoptr(BylineDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (opened->changes != NULL)
    g_hash_table_replace (review->changes, g_strdup (id), g_ptr_array_ref (opened->changes));
  else
    g_hash_table_remove (review->changes, id);

  /* The draft on disk is newer than a copy of it shown here. */
  loaded = byline_draft_store_load (self->store, id, &error);
  if (loaded == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could not open the story: %s"), error->message);

      byline_window_add_toast (self, adw_toast_new (title));
      return;
    }
  document = byline_document_new (self->store, loaded, TRUE);
  if (self->document != NULL && g_strcmp0 (byline_document_get_id (self->document), id) == 0)
    _byline_window_replace_document (self, document);
  else if (!byline_window_set_document (self, document, &error))
    {
      g_autofree char *title = g_strdup_printf (_("Could not open the story: %s"), error->message);

      byline_window_add_toast (self, adw_toast_new (title));
      return;
    }
  if (opened->merge != NULL && byline_merge_get_n_conflicts (opened->merge) > 0)
    _byline_window_show_merge (self, id, byline_destination_get_name (destination), opened->merge);
  else
    {
      /* The story opened is what one reads now: not the checklist of the
       * one before, over it. */
      _byline_window_uncover_story (self);
      byline_article_editor_focus_body (self->editor);
    }
  _byline_window_update_review (self);
}

/* The queue has just been read: the count follows what it listed, without
 * asking the destination again (an empty queue may be one that failed: that
 * is asked). */
static void
on_queue_closed (BylineWindow *self,
                 AdwDialog    *dialog)
{
  BylineReviewQueue *queue = byline_review_dialog_get_queue (BYLINE_REVIEW_DIALOG (dialog));

  if (queue != NULL && !byline_review_queue_get_loading (queue)
      && g_list_model_get_n_items (G_LIST_MODEL (queue)) > 0
      && byline_review_queue_get_status (queue) == BYLINE_STATUS_SUBMITTED)
    byline_review_button_set_count (BYLINE_REVIEW_BUTTON (self->review_button),
                                    byline_review_queue_get_destination (queue),
                                    g_list_model_get_n_items (G_LIST_MODEL (queue)));
  else
    byline_review_button_recount (BYLINE_REVIEW_BUTTON (self->review_button));
}

AdwDialog *
byline_window_show_review_queue (BylineWindow *self)
{
  BylineWindowReview *review;
  AdwDialog *dialog;
  g_autoptr(GList) names = NULL;
  BylineDestination *current;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  review = _byline_window_get_review (self);
  dialog = byline_review_dialog_new (self->store);
  /* Editors' accounts first, each in the order of its name. */
  names = g_list_sort (g_hash_table_get_keys (review->destinations), (GCompareFunc) g_utf8_collate);
  for (int pass = 0; pass < 2; pass++)
    for (GList *l = names; l != NULL; l = l->next)
      {
        BylineDestination *destination = g_hash_table_lookup (review->destinations, l->data);
        gboolean editor = (permissions_of (destination) & BYLINE_PERMISSION_REVIEW) != 0;

        if (editor == (pass == 0))
          byline_review_dialog_add_account (BYLINE_REVIEW_DIALOG (dialog), destination);
      }
  g_signal_connect_object (dialog, "opened", G_CALLBACK (on_story_opened), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "closed", G_CALLBACK (on_queue_closed), self, G_CONNECT_SWAPPED);
  current = byline_window_get_review_destination (self);
  if (current == NULL
      || !byline_review_dialog_show (BYLINE_REVIEW_DIALOG (dialog), byline_destination_get_name (current),
                                     (permissions_of (current) & BYLINE_PERMISSION_REVIEW)
                                     ? BYLINE_STATUS_SUBMITTED : BYLINE_STATUS_RETURNED))
    byline_review_dialog_refresh (BYLINE_REVIEW_DIALOG (dialog));
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return dialog;
}

static void
review_queue_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  byline_window_show_review_queue (BYLINE_WINDOW (widget));
}

/* ------------------------------------------------------- the changes */

/* What the other side's version changed since this side last sent it: from
 * the last open, else from the versions kept beside the draft. */
static GPtrArray *
dup_changes (BylineWindow *self)
{
  BylineWindowReview *review = _byline_window_get_review (self);
  const char *id = byline_document_get_id (self->document);
  GPtrArray *changes = g_hash_table_lookup (review->changes, id);
  g_auto(GStrv) remotes = NULL;

  if (changes != NULL)
    return g_ptr_array_ref (changes);
  remotes = byline_article_list_remotes (_byline_window_review_article (self));
  for (guint i = 0; remotes != NULL && remotes[i] != NULL; i++)
    {
      g_autoptr(BylineArticle) sent = byline_review_load_sent (self->store, id, remotes[i], NULL, NULL);
      g_autoptr(BylineArticle) base = byline_review_load_base (self->store, id, remotes[i], NULL, NULL);

      if (sent != NULL && base != NULL)
        return byline_article_diff (sent, base);
    }
  return NULL;
}

AdwDialog *
byline_window_show_review_changes (BylineWindow *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  AdwDialog *dialog;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  if (self->document == NULL)
    return NULL;
  changes = dup_changes (self);
  /* An editor sees the reporter's changes; a reporter the editor's. */
  dialog = byline_changes_dialog_new (changes, byline_article_get_editor_note (_byline_window_review_article (self)),
                                      (permissions_of (byline_window_get_review_destination (self))
                                       & BYLINE_PERMISSION_REVIEW) != 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return dialog;
}

static void
review_changes_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  byline_window_show_review_changes (BYLINE_WINDOW (widget));
}

/* ------------------------------------------------------------- setup */

void
_byline_window_init_review (BylineWindow *self)
{
  BylineWindowReview *review = g_new0 (BylineWindowReview, 1);

  review->destinations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  review->changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (self), REVIEW_KEY, review, (GDestroyNotify) review_free);
  g_signal_connect (self, "notify::document", G_CALLBACK (on_document_changed), NULL);
  on_document_changed (self);
}

void
_byline_window_class_init_review (GtkWidgetClass *widget_class)
{
  g_type_ensure (BYLINE_TYPE_REVIEW_DIALOG);
  g_type_ensure (BYLINE_TYPE_REVIEW_BUTTON);

  gtk_widget_class_bind_template_child (widget_class, BylineWindow, review_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, review_banner);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, review_bar);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, review_label);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, review_publish_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, review_schedule_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, review_return_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, review_more_button);

  gtk_widget_class_install_action (widget_class, "win.review-queue", NULL, review_queue_action);
  gtk_widget_class_install_action (widget_class, "win.merge-conflict", NULL, merge_conflict_action);
  gtk_widget_class_install_action (widget_class, "win.review-changes", NULL, review_changes_action);
  _byline_window_class_init_review_send (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.review-queue", NULL);
}
