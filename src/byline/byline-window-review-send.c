/* byline-window-review-send.c — a story under review sent on: Publish,
 * Schedule…, Return to Reporter…
 *
 * Straight to the destination with byline_review_send_async (the core checks
 * that nobody else wrote in between), not through the outbox: the editor
 * waits for the answer.  Preflight errors ask "Publish With Errors?"; a
 * conflict opens the merge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-checklist.h"
#include "byline-date-button.h"
#include "byline-document.h"
#include "byline-publisher.h"
#include "byline-review-button.h"
#include "byline-widget-util.h"
#include "byline-window-review-private.h"

typedef struct
{
  BylineWindow *self;
  BylineStatus  status;
  char         *note;
  GDateTime    *publish_at;
  gboolean      override_checks;
  char         *draft_id;
} SendData;

static void
send_data_free (SendData *data)
{
  g_clear_object (&data->self);
  g_free (data->note);
  g_clear_pointer (&data->publish_at, g_date_time_unref);
  g_free (data->draft_id);
  g_free (data);
}

static void start_send (BylineWindow *self,
                        SendData     *data);

static void
on_override_response (AdwAlertDialog *dialog,
                      const char     *response,
                      SendData       *data)
{
  /* One answer: closing after it must not answer again. */
  g_signal_handlers_disconnect_by_data (dialog, data);
  if (g_strcmp0 (response, "publish") != 0)
    {
      send_data_free (data);
      return;
    }
  data->override_checks = TRUE;
  start_send (data->self, data);
}

/* The errors the checklist beside the story shows, one a line. */
static char *
list_errors (BylineWindow *self)
{
  BylineChecklist *checklist = _byline_window_get_checklist (self);
  GListModel *findings;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n;

  byline_checklist_run (checklist);
  findings = byline_checklist_get_findings (checklist);
  n = findings ? g_list_model_get_n_items (findings) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);

      if (byline_finding_get_severity (finding) != BYLINE_SEVERITY_ERROR)
        continue;
      g_string_append_printf (text, "• %s\n", byline_finding_get_message (finding));
    }
  if (text->len == 0)
    return NULL;
  g_string_truncate (text, text->len - 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
ask_override (BylineWindow *self,
              SendData     *data,
              const char   *message)
{
  g_autofree char *errors = list_errors (self);
  AdwDialog *dialog = adw_alert_dialog_new (_("Publish With Errors?"), NULL);
  GtkWidget *label = gtk_label_new (errors ? errors : message);

  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (dialog),
                             _("The preflight checks found errors that block publishing. "
                               "Publishing anyway is recorded on the story."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Not selectable: the dialog's first focus selected all its text. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Errors"), -1);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), label);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "publish", _("_Publish Anyway"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "publish", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_override_response), data);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
on_sent (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SendData *data = user_data;
  BylineWindow *self = data->self;
  BylineWindowReview *review = _byline_window_get_review (self);
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean merged = FALSE;

  receipt = byline_review_send_finish (BYLINE_DRAFT_STORE (object), result, &merged, &error);
  review->sending = FALSE;

  if (receipt == NULL)
    {
      g_autofree char *title = NULL;
      AdwToast *toast;

      if (g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_INVALID) && !data->override_checks
          && (data->status == BYLINE_STATUS_PUBLISHED || data->status == BYLINE_STATUS_SCHEDULED))
        {
          _byline_window_update_review (self);
          ask_override (self, data, error->message);
          return;
        }
      if (g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT))
        {
          BylineDestination *destination = byline_window_get_review_destination (self);
          g_autoptr(BylineMerge) merge = NULL;

          title = g_strdup (_("Not sent: someone else changed the story at the same place. Both versions are kept; "
                              "choose which to keep."));
          if (destination != NULL)
            merge = byline_review_load_merge (self->store, data->draft_id, byline_destination_get_name (destination),
                                              NULL);
          if (merge != NULL)
            _byline_window_show_merge (self, data->draft_id, byline_destination_get_name (destination), merge);
        }
      else
        title = g_strdup_printf (_("Not sent: %s"), error->message);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 10);
      byline_window_add_toast (self, toast);
      _byline_window_update_review (self);
      send_data_free (data);
      return;
    }

  /* The core wrote the status and the remote version into the draft. */
  if (self->document != NULL && g_strcmp0 (byline_document_get_id (self->document), data->draft_id) == 0)
    {
      g_autoptr(BylineArticle) loaded = byline_draft_store_load (self->store, data->draft_id, &error);

      if (loaded != NULL)
        {
          g_autoptr(BylineDocument) document = byline_document_new (self->store, loaded, TRUE);

          _byline_window_replace_document (self, document);
        }
      else
        g_warning ("%s", error->message);
    }

  {
    const char *what;
    g_autofree char *title = NULL;
    AdwToast *toast;

    switch (data->status)
      {
      case BYLINE_STATUS_PUBLISHED: what = merged ? _("Published, with the changes someone made meanwhile merged in")
                                                  : _("Published"); break;
      case BYLINE_STATUS_SCHEDULED: what = _("Scheduled"); break;
      case BYLINE_STATUS_RETURNED: what = _("Returned to the reporter"); break;
      default: what = _("Sent"); break;
      }
    title = g_strdup (what);
    toast = adw_toast_new (title);
    /* An editor done with a story goes on to the next one. */
    if (data->status == BYLINE_STATUS_PUBLISHED || data->status == BYLINE_STATUS_SCHEDULED
        || data->status == BYLINE_STATUS_RETURNED)
      {
        adw_toast_set_button_label (toast, _("_Review Queue…"));
        adw_toast_set_action_name (toast, "win.review-queue");
      }
    byline_window_add_toast (self, toast);
  }
  _byline_window_update_review (self);
  /* One story fewer waiting (or one more, submitted again). */
  byline_review_button_recount (BYLINE_REVIEW_BUTTON (self->review_button));
  send_data_free (data);
}

static void
start_send (BylineWindow *self,
            SendData     *data)
{
  BylineWindowReview *review = _byline_window_get_review (self);
  BylineDestination *destination = byline_window_get_review_destination (self);
  g_autoptr(GError) error = NULL;
  BylineAccount *account;
  BylineReviewSendOptions options = {
    .status = data->status,
    .note = data->note,
    .publish_at = data->publish_at,
    .override_checks = data->override_checks,
  };

  if (destination == NULL || self->document == NULL
      || g_strcmp0 (byline_document_get_id (self->document), data->draft_id) != 0)
    {
      send_data_free (data);
      return;
    }
  /* What goes out is what the window shows. */
  if (!byline_document_flush (self->document, &error))
    {
      g_autofree char *title = g_strdup_printf (_("Not sent: %s"), error->message);

      byline_window_add_toast (self, adw_toast_new (title));
      send_data_free (data);
      return;
    }
  account = byline_accounts_lookup (byline_publisher_get_accounts (self->publisher),
                                    byline_destination_get_name (destination));
  if (account != NULL)
    options.who = byline_account_get_user (account);
  review->sending = TRUE;
  _byline_window_update_review (self);
  byline_review_send_async (self->store, destination, data->draft_id, &options, NULL, on_sent, data);
}

static SendData *
send_data_new (BylineWindow *self,
               BylineStatus  status)
{
  SendData *data = g_new0 (SendData, 1);

  data->self = g_object_ref (self);
  data->status = status;
  data->draft_id = g_strdup (byline_document_get_id (self->document));
  return data;
}

static void
review_publish_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (self->document != NULL && !_byline_window_get_review (self)->sending)
    start_send (self, send_data_new (self, BYLINE_STATUS_PUBLISHED));
}

static void
on_publish_response (AdwAlertDialog *dialog,
                     const char     *response,
                     BylineWindow   *self)
{
  if (g_strcmp0 (response, "publish") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.review-publish", NULL);
}

void
_byline_window_review_publish_asking (BylineWindow *self)
{
  BylineDestination *destination = byline_window_get_review_destination (self);
  const char *headline;
  AdwDialog *dialog;

  if (self->document == NULL || destination == NULL
      || !gtk_widget_is_sensitive (GTK_WIDGET (self->review_publish_button))
      || _byline_window_get_review (self)->sending)
    return;
  headline = byline_article_get_headline (_byline_window_review_article (self));
  dialog = adw_alert_dialog_new (_("Publish Now?"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog), _("“%s” goes out on “%s” as it is now."),
                                headline && *headline ? headline : _("Untitled story"),
                                byline_destination_get_name (destination));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "publish", _("_Publish"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "publish", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "publish");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_publish_response), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
on_schedule_response (AdwAlertDialog *dialog,
                      const char     *response,
                      BylineWindow   *self)
{
  BylineDateButton *button = BYLINE_DATE_BUTTON (adw_alert_dialog_get_extra_child (dialog));
  GDateTime *when = byline_date_button_get_date_time (button);
  SendData *data;

  if (g_strcmp0 (response, "schedule") != 0 || when == NULL || self->document == NULL)
    return;
  byline_article_set_publish_time (_byline_window_review_article (self), when);
  data = send_data_new (self, BYLINE_STATUS_SCHEDULED);
  data->publish_at = g_date_time_ref (when);
  start_send (self, data);
}

static void
review_schedule_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  GtkWidget *date_button = byline_date_button_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) hour = NULL;
  g_autoptr(GDateTime) later = NULL;
  GDateTime *set;
  AdwDialog *dialog;

  if (self->document == NULL)
    return;
  set = byline_article_get_publish_time (_byline_window_review_article (self));
  if (set == NULL || g_date_time_compare (set, now) <= 0)
    {
      hour = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), g_date_time_get_hour (now), 0, 0);
      later = g_date_time_add_hours (hour, 2);
      set = later;
    }
  byline_date_button_set_date_time (BYLINE_DATE_BUTTON (date_button), set);

  dialog = adw_alert_dialog_new (_("Schedule Publication"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog), _("“%s” will publish the story at this time."),
                                byline_destination_get_name (byline_window_get_review_destination (self)));
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), date_button);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "schedule", _("_Schedule"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "schedule", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "schedule");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_schedule_response), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
on_return_response (AdwAlertDialog *dialog,
                    const char     *response,
                    BylineWindow   *self)
{
  g_autofree char *note = byline_note_dialog_dup_note (ADW_DIALOG (dialog));
  SendData *data;

  if (g_strcmp0 (response, "return") != 0 || self->document == NULL || note == NULL)
    return;
  /* The note is the story's editor's note (never published), as in Details. */
  byline_article_set_editor_note (_byline_window_review_article (self), note);
  data = send_data_new (self, BYLINE_STATUS_RETURNED);
  data->note = g_steal_pointer (&note);
  start_send (self, data);
}

/* A story goes back with a word of what to fix: Return waits for one. */
static void
on_return_note_changed (AdwAlertDialog *dialog)
{
  g_autofree char *note = byline_note_dialog_dup_note (ADW_DIALOG (dialog));

  adw_alert_dialog_set_response_enabled (dialog, "return", note != NULL);
}

static void
review_return_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autofree char *body = NULL;
  const char *note;
  AdwDialog *dialog;

  if (self->document == NULL)
    return;
  /* The note the story came with is the reporter's: shown, not given back
   * to them as the editor's (it filled the field, and Return sent it). */
  note = byline_article_get_editor_note (_byline_window_review_article (self));
  if (note != NULL && *note != '\0')
    body = g_strdup_printf (_("The reporter sees your note and what you changed, and can submit the story "
                              "again.\n\nThe story came with this note: “%s”"), note);
  else
    body = g_strdup (_("The reporter sees your note and what you changed, and can submit the story again."));
  dialog = byline_note_dialog_new (_("Return to Reporter?"), body, _("Note for the reporter"),
                                   _("What to fix, what to check…"), "return", _("_Return"));
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (dialog), "return", FALSE);
  g_signal_connect_object (gtk_text_view_get_buffer (byline_note_dialog_get_view (dialog)), "changed",
                           G_CALLBACK (on_return_note_changed), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_return_response), self, 0);
  byline_note_dialog_present (dialog, GTK_WIDGET (self));
}

void
_byline_window_class_init_review_send (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.review-publish", NULL, review_publish_action);
  gtk_widget_class_install_action (widget_class, "win.review-schedule", NULL, review_schedule_action);
  gtk_widget_class_install_action (widget_class, "win.review-return", NULL, review_return_action);
}
