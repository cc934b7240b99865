/* byline-send-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-account-dialog.h"
#include "byline-publisher.h"
#include "byline-send-bar.h"
#include "byline-widget-util.h"

struct _BylineSendBar
{
  GtkWidget        parent_instance;

  BylinePublisher *publisher;
  char            *draft_id;
  BylineOutboxJob *job;
  char            *dismissed;   /* the id of a job the person closed */
  char            *text;

  GtkRevealer     *revealer;
  GtkStack        *icon_stack;
  GtkImage        *icon;
  GtkLabel        *label;
  GtkProgressBar  *progress;
  GtkButton       *account_button;
  GtkButton       *retry_button;
  GtkButton       *cancel_button;
  GtkButton       *dismiss_button;
  GtkWidget       *row;
  GtkWidget       *actions;   /* in row, or in below when compact */
  GtkWidget       *below;
  gboolean         compact;
};

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BylineSendBar, byline_send_bar, GTK_TYPE_WIDGET)

static void update (BylineSendBar *self);

static const char *
status_phrase (BylineStatus status)
{
  switch (status)
    {
    case BYLINE_STATUS_SUBMITTED: return _("submitted for review");
    case BYLINE_STATUS_PUBLISHED: return _("published");
    case BYLINE_STATUS_SCHEDULED: return _("scheduled");
    case BYLINE_STATUS_RETURNED:  return _("returned");
    case BYLINE_STATUS_DRAFT:
    default:                      return _("saved as a draft");
    }
}

/* @reason as a sentence of its own: the core's messages end with a full
 * stop, a server's may not (no "(….)." in what the bar says). */
static char *
as_sentence (const char *reason)
{
  gsize len = strlen (reason);

  if (len > 0 && strchr (".!?", reason[len - 1]) == NULL && !g_str_has_suffix (reason, "…"))
    return g_strconcat (reason, ".", NULL);
  return g_strdup (reason);
}

char *
byline_outbox_job_describe (BylineOutboxJob *job,
                            BylinePublisher *publisher)
{
  const char *to = byline_outbox_job_get_destination (job);
  const char *message = byline_outbox_job_get_error_message (job);
  const char *problem = publisher ? byline_publisher_get_problem (publisher, to) : NULL;
  const char *phrase = status_phrase (byline_outbox_job_get_status (job));
  GDateTime *next = byline_outbox_job_get_next_attempt (job);
  g_autofree char *reason = message != NULL ? as_sentence (message) : NULL;

  switch (byline_outbox_job_get_state (job))
    {
    case BYLINE_OUTBOX_JOB_QUEUED:
      if (problem != NULL)
        {
          g_autofree char *why = as_sentence (problem);

          return g_strdup_printf (_("Waiting to go to “%s”: %s"), to, why);
        }
      return g_strdup_printf (_("Queued for “%s”."), to);
    case BYLINE_OUTBOX_JOB_WAITING:
      if (next != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (next);
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          /* Seconds matter in the first tries only; later, minutes apart. */
          gboolean soon = g_date_time_difference (local, now) < 60 * G_TIME_SPAN_SECOND;
          g_autofree char *when = g_date_time_format (local, soon ? "%H:%M:%S" : "%H:%M");

          /* Translators: the second %s is a sentence saying why, the third a time */
          return g_strdup_printf (_("Not sent to “%s” yet: %s Trying again by itself at %s."),
                                  to, reason ? reason : _("No answer."), when);
        }
      return g_strdup_printf (_("Waiting for a network connection to send to “%s”."), to);
    case BYLINE_OUTBOX_JOB_SENDING:
      return g_strdup_printf (_("Sending to “%s”…"), to);
    case BYLINE_OUTBOX_JOB_SENT:
      return g_strdup_printf (_("Sent to “%s”: %s."), to, phrase);
    case BYLINE_OUTBOX_JOB_FAILED:
    default:
      return g_strdup_printf (_("Not sent to “%s”: %s"), to, reason ? reason : _("Unknown error."));
    }
}

/* ------------------------------------------------------------------ state */

static void
set_job (BylineSendBar   *self,
         BylineOutboxJob *job)
{
  if (self->job == job)
    return;
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_set_object (&self->job, job);
  if (job != NULL)
    g_signal_connect_object (job, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}

static void
update (BylineSendBar *self)
{
  BylineOutboxJob *job = self->job;
  BylineOutboxJobState state;
  gboolean shown;

  shown = job != NULL && g_strcmp0 (self->dismissed, byline_outbox_job_get_id (job)) != 0;
  gtk_revealer_set_reveal_child (self->revealer, shown);
  gtk_widget_set_visible (GTK_WIDGET (self), shown);
  g_clear_pointer (&self->text, g_free);
  if (!shown)
    return;

  state = byline_outbox_job_get_state (job);
  self->text = byline_outbox_job_describe (job, self->publisher);
  gtk_label_set_label (self->label, self->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);

  gtk_stack_set_visible_child_name (self->icon_stack, state == BYLINE_OUTBOX_JOB_SENDING ? "busy" : "icon");
  gtk_image_set_from_icon_name (self->icon,
                                state == BYLINE_OUTBOX_JOB_SENT ? "object-select-symbolic"
                                : state == BYLINE_OUTBOX_JOB_FAILED ? "dialog-error-symbolic"
                                : state == BYLINE_OUTBOX_JOB_WAITING ? "network-offline-symbolic"
                                : "document-send-symbolic");

  gtk_widget_set_visible (GTK_WIDGET (self->progress), state == BYLINE_OUTBOX_JOB_SENDING);
  gtk_progress_bar_set_fraction (self->progress, byline_outbox_job_get_progress (job));
  gtk_widget_set_visible (GTK_WIDGET (self->account_button),
                          self->publisher != NULL && byline_publisher_job_needs_account (self->publisher, job));
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button),
                          state == BYLINE_OUTBOX_JOB_FAILED || state == BYLINE_OUTBOX_JOB_WAITING);
  /* Also while sending: on a slow line the pictures can take minutes. */
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), state != BYLINE_OUTBOX_JOB_SENT);
  /* (No empty row under the text when sent.) */
  gtk_widget_set_visible (self->actions, state != BYLINE_OUTBOX_JOB_SENT);
  gtk_widget_set_visible (self->below, self->compact && gtk_widget_get_visible (self->actions));
  gtk_widget_set_visible (GTK_WIDGET (self->dismiss_button),
                          state == BYLINE_OUTBOX_JOB_SENT || state == BYLINE_OUTBOX_JOB_FAILED);

  gtk_widget_remove_css_class (GTK_WIDGET (self), "failed");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "sent");
  if (state == BYLINE_OUTBOX_JOB_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self), "failed");
  else if (state == BYLINE_OUTBOX_JOB_SENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "sent");
}

static void
refresh (BylineSendBar *self)
{
  set_job (self, self->publisher ? byline_publisher_find_job (self->publisher, self->draft_id) : NULL);
  update (self);
}

/* ---------------------------------------------------------------- actions */

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  BylineSendBar *self = BYLINE_SEND_BAR (widget);
  g_autoptr(GError) error = NULL;

  if (self->job != NULL
      && !byline_outbox_retry (byline_publisher_get_outbox (self->publisher),
                               byline_outbox_job_get_id (self->job), &error))
    g_warning ("Could not retry: %s", error->message);
}

static void
account_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BylineSendBar *self = BYLINE_SEND_BAR (widget);

  if (self->job != NULL && self->publisher != NULL)
    byline_account_dialog_present_for_job (self->publisher, self->job, widget);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BylineSendBar *self = BYLINE_SEND_BAR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->job == NULL)
    return;
  id = g_strdup (byline_outbox_job_get_id (self->job));
  if (!byline_outbox_cancel (byline_publisher_get_outbox (self->publisher), id, &error))
    {
      g_warning ("Could not cancel: %s", error->message);
      return;
    }
  /* The bar goes away with the job: say what became of the story. */
  byline_widget_show_toast (GTK_WIDGET (self), adw_toast_new (_("Not sent: cancelled")));
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BylineSendBar *self = BYLINE_SEND_BAR (widget);

  if (self->job == NULL)
    return;
  g_free (self->dismissed);
  self->dismissed = g_strdup (byline_outbox_job_get_id (self->job));
  update (self);
}

/* ------------------------------------------------------------------ public */

void
byline_send_bar_set_publisher (BylineSendBar   *self,
                               BylinePublisher *publisher)
{
  g_return_if_fail (BYLINE_IS_SEND_BAR (self));
  g_return_if_fail (publisher == NULL || BYLINE_IS_PUBLISHER (publisher));

  if (self->publisher == publisher)
    return;
  if (self->publisher != NULL)
    {
      g_signal_handlers_disconnect_by_data (byline_publisher_get_outbox (self->publisher), self);
      g_signal_handlers_disconnect_by_data (self->publisher, self);
    }
  g_set_object (&self->publisher, publisher);
  if (publisher != NULL)
    {
      g_signal_connect_object (byline_publisher_get_outbox (publisher), "items-changed",
                               G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (publisher, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }
  refresh (self);
}

void
byline_send_bar_set_draft_id (BylineSendBar *self,
                              const char    *draft_id)
{
  g_return_if_fail (BYLINE_IS_SEND_BAR (self));

  if (g_strcmp0 (self->draft_id, draft_id) == 0)
    return;
  g_free (self->draft_id);
  self->draft_id = g_strdup (draft_id);
  refresh (self);
}

void
byline_send_bar_reveal (BylineSendBar *self)
{
  g_return_if_fail (BYLINE_IS_SEND_BAR (self));

  g_clear_pointer (&self->dismissed, g_free);
  refresh (self);
}

BylineOutboxJob *
byline_send_bar_get_job (BylineSendBar *self)
{
  g_return_val_if_fail (BYLINE_IS_SEND_BAR (self), NULL);
  return self->text != NULL ? self->job : NULL;
}

const char *
byline_send_bar_get_text (BylineSendBar *self)
{
  g_return_val_if_fail (BYLINE_IS_SEND_BAR (self), NULL);
  return self->text;
}

/* ----------------------------------------------------------------- GObject */

static void
byline_send_bar_dispose (GObject *object)
{
  BylineSendBar *self = BYLINE_SEND_BAR (object);

  set_job (self, NULL);
  g_clear_object (&self->publisher);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_SEND_BAR);

  G_OBJECT_CLASS (byline_send_bar_parent_class)->dispose (object);
}

static void
byline_send_bar_finalize (GObject *object)
{
  BylineSendBar *self = BYLINE_SEND_BAR (object);

  g_free (self->draft_id);
  g_free (self->dismissed);
  g_free (self->text);

  G_OBJECT_CLASS (byline_send_bar_parent_class)->finalize (object);
}

static void
byline_send_bar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BylineSendBar *self = BYLINE_SEND_BAR (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_send_bar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BylineSendBar *self = BYLINE_SEND_BAR (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      byline_send_bar_set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_send_bar_class_init (BylineSendBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_send_bar_dispose;
  object_class->finalize = byline_send_bar_finalize;
  object_class->get_property = byline_send_bar_get_property;
  object_class->set_property = byline_send_bar_set_property;

  /* Its buttons below its text, not beside it: in a narrow window, beside
   * them the text had a column of a word or two. */
  properties[PROP_COMPACT] = g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                   G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bylinenews/Byline/byline-send-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineSendBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, BylineSendBar, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, BylineSendBar, icon);
  gtk_widget_class_bind_template_child (widget_class, BylineSendBar, label);
  gtk_widget_class_bind_template_child (widget_class, BylineSendBar, progress);
  gtk_widget_class_bind_template_child (widget_class, BylineSendBar, account_button);
  gtk_widget_class_bind_template_child (widget_class, BylineSendBar, retry_button);
  gtk_widget_class_bind_template_child (widget_class, BylineSendBar, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BylineSendBar, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, BylineSendBar, row);
  gtk_widget_class_bind_template_child (widget_class, BylineSendBar, actions);
  gtk_widget_class_bind_template_child (widget_class, BylineSendBar, below);

  gtk_widget_class_install_action (widget_class, "send-bar.account", NULL, account_action);
  gtk_widget_class_install_action (widget_class, "send-bar.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "send-bar.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "send-bar.dismiss", NULL, dismiss_action);

  gtk_widget_class_set_css_name (widget_class, "sendbar");
  /* Screen readers announce what it says as it changes. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
byline_send_bar_init (BylineSendBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

gboolean
byline_send_bar_get_compact (BylineSendBar *self)
{
  g_return_val_if_fail (BYLINE_IS_SEND_BAR (self), FALSE);
  return self->compact;
}

void
byline_send_bar_set_compact (BylineSendBar *self,
                             gboolean       compact)
{
  g_return_if_fail (BYLINE_IS_SEND_BAR (self));

  compact = !!compact;
  if (self->compact == compact)
    return;
  self->compact = compact;
  /* Under the text, or beside it (a GtkGrid moving it between its cells
   * asked the window for 1,300 px of height: its wrapping text measured
   * at its narrowest). */
  g_object_ref (self->actions);
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->actions)), self->actions);
  if (compact)
    gtk_box_append (GTK_BOX (self->below), self->actions);
  else
    gtk_box_insert_child_after (GTK_BOX (self->row), self->actions, gtk_widget_get_parent (GTK_WIDGET (self->label)));
  g_object_unref (self->actions);
  gtk_widget_set_visible (self->below, compact && gtk_widget_get_visible (self->actions));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}
