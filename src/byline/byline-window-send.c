/* byline-window-send.c — Send: submit, publish or schedule the story, through the outbox
 *
 * win.send(status) and win.schedule queue a job for the destination in the
 * stateful send.to action (the last one used, else the first account); the
 * send bar shows how the job goes and the outbox button every job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-checklist.h"
#include "byline-date-button.h"
#include "byline-document.h"
#include "byline-outbox-button.h"
#include "byline-publisher.h"
#include "byline-review.h"
#include "byline-send-bar.h"
#include "byline-window-private.h"
#include "byline-widget-util.h"

/* ------------------------------------------------------------ destination */

static char *
dup_destination (BylineWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->send_group), "to");
  g_autoptr(GVariant) state = g_action_get_state (action);
  const char *name = g_variant_get_string (state, NULL);

  if (self->publisher == NULL)
    return NULL;
  if (*name != '\0' && byline_accounts_lookup (byline_publisher_get_accounts (self->publisher), name) != NULL)
    return g_strdup (name);
  return byline_publisher_dup_default_destination (self->publisher);
}

static void
update_destination_menu (BylineWindow *self)
{
  BylineAccounts *accounts = byline_publisher_get_accounts (self->publisher);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->send_group), "to");
  g_autofree char *current = dup_destination (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (accounts));
  g_autofree char *tooltip = NULL;

  g_menu_remove_all (self->destinations_menu);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylineAccount) account = g_list_model_get_item (G_LIST_MODEL (accounts), i);
      g_autoptr(GMenuItem) item = g_menu_item_new (byline_account_get_name (account), NULL);

      g_menu_item_set_action_and_target (item, "send.to", "s", byline_account_get_name (account));
      g_menu_append_item (self->destinations_menu, item);
    }
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (current ? current : ""));

  tooltip = current ? g_strdup_printf (_("Send to “%s”"), current) : g_strdup (_("Send"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->send_button), tooltip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->narrow_send_button), tooltip);
  _byline_window_update_send_actions (self);
}

static void
change_destination (GSimpleAction *action,
                    GVariant      *value,
                    gpointer       user_data)
{
  BylineWindow *self = user_data;
  g_autofree char *tooltip = g_strdup_printf (_("Send to “%s”"), g_variant_get_string (value, NULL));

  g_simple_action_set_state (action, value);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->send_button), tooltip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->narrow_send_button), tooltip);
}

void
_byline_window_update_send_actions (BylineWindow *self)
{
  g_autofree char *destination = self->send_group ? dup_destination (self) : NULL;
  gboolean can = self->document != NULL && destination != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.schedule", can);
}

/* ---------------------------------------------------------------- sending */

static void
queue_send (BylineWindow *self,
            BylineStatus  status,
            GDateTime    *publish_at)
{
  g_autofree char *destination = dup_destination (self);
  g_autoptr(GError) error = NULL;
  const char *note = NULL;

  if (self->document == NULL || destination == NULL)
    return;
  /* A story submitted for review takes its note (Details) to the editor. */
  if (status == BYLINE_STATUS_SUBMITTED)
    note = byline_article_get_editor_note (byline_document_get_article (self->document));
  if (note != NULL && *note == '\0')
    note = NULL;
  if (byline_publisher_send (self->publisher, self->document, destination, status, note, publish_at,
                             &error) == NULL)
    {
      g_autofree char *message = byline_error_dup_for_person (error);
      g_autofree char *title = g_strdup_printf (_("Could not send: %s"), message);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_timeout (toast, 8);
      byline_window_add_toast (self, toast);
      return;
    }
  byline_send_bar_reveal (self->send_bar);
}

/* The codes of the checklist's errors, NULL-terminated. */
static GStrv
dup_error_codes (BylineChecklist *checklist)
{
  GListModel *findings = byline_checklist_get_findings (checklist);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);

      if (byline_finding_get_severity (finding) == BYLINE_SEVERITY_ERROR)
        g_strv_builder_add (codes, byline_finding_get_code (finding));
    }
  return g_strv_builder_end (codes);
}

typedef struct
{
  BylineWindow *window;
  BylineStatus  status;
  GDateTime    *publish_at;
} PendingSend;

static void
pending_send_free (gpointer  data,
                   GClosure *closure)
{
  PendingSend *pending = data;

  g_clear_object (&pending->window);
  g_clear_pointer (&pending->publish_at, g_date_time_unref);
  g_free (pending);
}

static void
on_override_response (AdwAlertDialog *dialog,
                      const char     *response,
                      PendingSend    *pending)
{
  BylineWindow *self = pending->window;
  g_auto(GStrv) codes = NULL;

  if (g_strcmp0 (response, "publish") != 0 || self->document == NULL)
    return;
  /* The editor's decision stays on the story, saved with it before it goes. */
  codes = dup_error_codes (_byline_window_get_checklist (self));
  byline_review_record_override (byline_document_get_article (self->document), NULL, pending->status,
                                 (const char * const *) codes);
  queue_send (self, pending->status, pending->publish_at);
}

/* The checks run before a story leaves: errors block publishing (and
 * scheduling) unless the user publishes anyway, which is recorded on the
 * story; a story submitted for review goes, with the checklist shown when
 * it has something to say, since the editor decides. */
static void
send_story (BylineWindow *self,
            BylineStatus  status,
            GDateTime    *publish_at)
{
  BylineChecklist *checklist = _byline_window_get_checklist (self);
  gboolean publishing = status == BYLINE_STATUS_PUBLISHED || status == BYLINE_STATUS_SCHEDULED;
  guint n_errors;
  PendingSend *pending;
  AdwDialog *dialog;

  if (self->document == NULL)
    return;
  byline_checklist_run (checklist);
  n_errors = byline_checklist_get_n_errors (checklist);
  if (n_errors + byline_checklist_get_n_warnings (checklist) > 0)
    _byline_window_show_checklist (self);
  if (!publishing || n_errors == 0)
    {
      queue_send (self, status, publish_at);
      return;
    }

  dialog = adw_alert_dialog_new (status == BYLINE_STATUS_SCHEDULED ? _("Schedule With Errors?")
                                                                   : _("Publish With Errors?"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                g_dngettext (GETTEXT_PACKAGE,
                                             "The checklist found %u error that blocks publishing. Fix it, or "
                                             "publish anyway: your decision is recorded on the story.",
                                             "The checklist found %u errors that block publishing. Fix them, or "
                                             "publish anyway: your decision is recorded on the story.",
                                             n_errors),
                                n_errors);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "publish", _("_Publish Anyway"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "publish", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  pending = g_new0 (PendingSend, 1);
  pending->window = g_object_ref (self);
  pending->status = status;
  pending->publish_at = publish_at ? g_date_time_ref (publish_at) : NULL;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_override_response), pending,
                         pending_send_free, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
on_submit_again_response (AdwAlertDialog *dialog,
                          const char     *response,
                          BylineWindow   *self)
{
  g_autofree char *note = byline_note_dialog_dup_note (ADW_DIALOG (dialog));

  if (g_strcmp0 (response, "submit") != 0 || self->document == NULL)
    return;
  /* The reply replaces the editor's note, which is not sent back to them. */
  byline_article_set_editor_note (byline_document_get_article (self->document), note);
  send_story (self, BYLINE_STATUS_SUBMITTED, NULL);
}

/* A story the editor returned goes back with a word for them: what was
 * fixed (the field starts empty; their note is shown above it). */
static void
ask_submit_again (BylineWindow *self)
{
  const char *note = byline_article_get_editor_note (byline_document_get_article (self->document));
  g_autofree char *body = NULL;
  AdwDialog *dialog;

  if (note != NULL && *note != '\0')
    body = g_strdup_printf (_("The editor returned the story with this note: “%s”\n\n"
                              "You may tell them what you changed."), note);
  else
    body = g_strdup (_("You may tell the editor what you changed."));
  dialog = byline_note_dialog_new (_("Submit Again?"), body, _("Note for the editor"), _("What you changed…"),
                                   "submit", _("_Submit"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_submit_again_response), self, 0);
  byline_note_dialog_present (dialog, GTK_WIDGET (self));
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  BylineStatus status;

  if (!byline_status_from_string (g_variant_get_string (param, NULL), &status)
      || status == BYLINE_STATUS_SCHEDULED || status == BYLINE_STATUS_RETURNED)
    return;
  if (status == BYLINE_STATUS_SUBMITTED && self->document != NULL
      && byline_article_get_status (byline_document_get_article (self->document)) == BYLINE_STATUS_RETURNED)
    {
      ask_submit_again (self);
      return;
    }
  send_story (self, status, NULL);
}

static void
on_schedule_response (AdwAlertDialog *dialog,
                      const char     *response,
                      BylineWindow   *self)
{
  BylineDateButton *button = BYLINE_DATE_BUTTON (adw_alert_dialog_get_extra_child (dialog));
  GDateTime *when = byline_date_button_get_date_time (button);

  if (g_strcmp0 (response, "schedule") != 0 || when == NULL || self->document == NULL)
    return;
  /* The item says when it goes out, as the destination is told. */
  byline_article_set_publish_time (byline_document_get_article (self->document), when);
  send_story (self, BYLINE_STATUS_SCHEDULED, when);
}

static void
schedule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autofree char *destination = dup_destination (self);
  GtkWidget *date_button = byline_date_button_new ();
  GDateTime *set = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = NULL;
  AdwDialog *dialog;

  if (self->document == NULL || destination == NULL)
    return;
  set = byline_article_get_publish_time (byline_document_get_article (self->document));
  if (set == NULL || g_date_time_compare (set, now) <= 0)
    {
      /* At least an hour from now, on the hour. */
      g_autoptr(GDateTime) hour = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now),
                                                         g_date_time_get_hour (now), 0, 0);

      later = g_date_time_add_hours (hour, 2);
      set = later;
    }
  byline_date_button_set_date_time (BYLINE_DATE_BUTTON (date_button), set);

  dialog = adw_alert_dialog_new (_("Schedule Publication"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                _("“%s” will publish the story at this time."), destination);
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

/* ------------------------------------------------------------------ setup */

static void
on_document_changed (BylineWindow *self)
{
  byline_send_bar_set_draft_id (self->send_bar,
                                self->document ? byline_document_get_id (self->document) : NULL);
  if (self->publisher != NULL && self->document != NULL)
    byline_publisher_watch_document (self->publisher, self->document);
  _byline_window_update_send_actions (self);
}

void
byline_window_set_publisher (BylineWindow    *self,
                             BylinePublisher *publisher)
{
  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (BYLINE_IS_PUBLISHER (publisher));
  g_return_if_fail (self->publisher == NULL);

  self->publisher = g_object_ref (publisher);
  gtk_widget_set_visible (GTK_WIDGET (self->send_button), TRUE);
  /* Narrow windows have no room in the header bar: Send goes to the bottom. */
  gtk_widget_set_visible (GTK_WIDGET (self->narrow_bar), TRUE);
  byline_send_bar_set_publisher (self->send_bar, publisher);
  byline_outbox_button_set_publisher (self->outbox_button, publisher);
  byline_outbox_button_set_publisher (self->narrow_outbox_button, publisher);
  g_signal_connect_object (byline_publisher_get_accounts (publisher), "items-changed",
                           G_CALLBACK (update_destination_menu), self, G_CONNECT_SWAPPED);
  update_destination_menu (self);
  on_document_changed (self);
  _byline_window_review_set_publisher (self);
}

BylinePublisher *
byline_window_get_publisher (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);
  return self->publisher;
}

BylineSendBar *
byline_window_get_send_bar (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);
  return self->send_bar;
}

BylineOutboxButton *
byline_window_get_outbox_button (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);
  return self->outbox_button;
}

/* Ctrl+Shift+Enter: win.send("submitted"), or Publish for a story under
 * review, but not for the story behind a dialog (the window sees the key
 * first from inside one too). */
static gboolean
submit_shortcut (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  if (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (widget)) != NULL)
    return FALSE;
  /* For an editor reviewing the story, the review bar's main button,
   * asked first: the same keys submit a story of one's own, and a reflex
   * must not publish a colleague's. */
  if (gtk_action_bar_get_revealed (BYLINE_WINDOW (widget)->review_bar))
    {
      _byline_window_review_publish_asking (BYLINE_WINDOW (widget));
      return TRUE;
    }
  return gtk_widget_activate_action (widget, "win.send", "s", "submitted");
}

void
_byline_window_init_send (BylineWindow *self)
{
  static const GActionEntry entries[] = {
    { "to", NULL, "s", "''", change_destination },
  };
  g_autoptr(GMenu) section = g_menu_new ();

  self->send_group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->send_group), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "send", G_ACTION_GROUP (self->send_group));

  /* The accounts, as radio items, between the ways to send and "Accounts…". */
  self->destinations_menu = g_menu_new ();
  g_menu_insert_section (self->send_menu, 1, _("Send To"), G_MENU_MODEL (self->destinations_menu));

  g_signal_connect (self, "notify::document", G_CALLBACK (on_document_changed), NULL);
  _byline_window_update_send_actions (self);

  /* Ctrl+Shift+Enter submits (or publishes) the story from wherever the keyboard is.  As a
   * binding of the window it came after the focused widget, and the
   * headline, lead, body and captions (text views) take Enter with any
   * modifier as a new line: it is seen before them, in the capture phase. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_event_controller_set_static_name (shortcuts, "byline-send-shortcuts");
    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    for (guint i = 0; i < 2; i++)
      gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (shortcuts),
        gtk_shortcut_new (gtk_keyval_trigger_new (i == 0 ? GDK_KEY_Return : GDK_KEY_KP_Enter,
                                                  GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                          gtk_callback_action_new (submit_shortcut, NULL, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }
}

void
_byline_window_class_init_send (GtkWidgetClass *widget_class)
{
  g_type_ensure (BYLINE_TYPE_SEND_BAR);
  g_type_ensure (BYLINE_TYPE_OUTBOX_BUTTON);

  gtk_widget_class_install_action (widget_class, "win.send", "s", send_action);
  gtk_widget_class_install_action (widget_class, "win.schedule", NULL, schedule_action);
}
