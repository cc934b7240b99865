/* byline-outbox-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-account-dialog.h"
#include "byline-outbox-button.h"
#include "byline-publisher.h"
#include "byline-send-bar.h"
#include "byline-widget-util.h"

struct _BylineOutboxButton
{
  GtkWidget        parent_instance;

  BylinePublisher *publisher;

  GtkMenuButton   *button;
  GtkLabel        *count_label;
  GtkListBox      *list;   /* in the popover, built when first opened */
};

G_DEFINE_FINAL_TYPE (BylineOutboxButton, byline_outbox_button, GTK_TYPE_WIDGET)

/* -------------------------------------------------------------------- rows */

static void
update_row (AdwActionRow *row)
{
  BylineOutboxJob *job = g_object_get_data (G_OBJECT (row), "job");
  BylinePublisher *publisher = g_object_get_data (G_OBJECT (row), "publisher");
  GtkWidget *account = g_object_get_data (G_OBJECT (row), "account");
  GtkWidget *retry = g_object_get_data (G_OBJECT (row), "retry");
  GtkWidget *cancel = g_object_get_data (G_OBJECT (row), "cancel");
  BylineOutboxJobState state = byline_outbox_job_get_state (job);
  g_autofree char *text = byline_outbox_job_describe (job, publisher);

  adw_action_row_set_subtitle (row, text);
  gtk_widget_set_visible (account, byline_publisher_job_needs_account (publisher, job));
  gtk_widget_set_visible (retry, state == BYLINE_OUTBOX_JOB_FAILED || state == BYLINE_OUTBOX_JOB_WAITING);
  gtk_widget_set_visible (cancel, state != BYLINE_OUTBOX_JOB_SENT);
}

static GtkWidget *
row_button (const char *icon,
            const char *label,
            const char *action,
            const char *job_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", job_id);
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BylineOutboxButton *self = user_data;
  BylineOutboxJob *job = item;
  const char *id = byline_outbox_job_get_id (job);
  g_autoptr(BylineArticle) article = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *account = row_button ("avatar-default-symbolic", _("Edit the account"), "outbox.account", id);
  GtkWidget *retry = row_button ("view-refresh-symbolic", _("Retry"), "outbox.retry", id);
  GtkWidget *cancel = row_button ("process-stop-symbolic", _("Cancel"), "outbox.cancel", id);
  const char *headline = NULL;

  article = byline_draft_store_load (byline_publisher_get_store (self->publisher),
                                     byline_outbox_job_get_draft_id (job), NULL);
  if (article != NULL)
    headline = byline_article_get_headline (article);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 headline && *headline ? headline : _("Untitled Story"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), account);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), retry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), cancel);

  g_object_set_data_full (G_OBJECT (row), "job", g_object_ref (job), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "publisher", g_object_ref (self->publisher), g_object_unref);
  g_object_set_data (G_OBJECT (row), "account", account);
  g_object_set_data (G_OBJECT (row), "retry", retry);
  g_object_set_data (G_OBJECT (row), "cancel", cancel);
  g_signal_connect_object (job, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  /* (Whether its account has a secret is the publisher's to know.) */
  g_signal_connect_object (self->publisher, "changed", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  update_row (ADW_ACTION_ROW (row));
  return row;
}

/* ----------------------------------------------------------------- popover */

/* The popover is 360 px wide, and no wider than the window: in a 360 px
 * window it ran past the window's edge, and past a phone's screen. */
#define POPOVER_WIDTH 360
#define POPOVER_ROOM 40   /* its padding, its margins and some of the window */

static void
on_popover_show (GtkWidget *popover,
                 GtkWidget *box)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (popover));
  GtkWidget *button = gtk_widget_get_parent (popover);
  int width = root != NULL ? gtk_widget_get_width (root) : 0;
  int box_width = width > 0 ? MIN (POPOVER_WIDTH, width - POPOVER_ROOM) : POPOVER_WIDTH;
  GtkAlign align = GTK_ALIGN_CENTER;
  graphene_point_t at;

  gtk_widget_set_size_request (box, box_width, -1);

  /* Centred on its button, it ran past a narrow window's edge (X11 keeps a
   * popover on the screen, not in the window): towards the window then. */
  if (width > 0 && button != NULL
      && gtk_widget_compute_point (button, root, &GRAPHENE_POINT_INIT (gtk_widget_get_width (button) / 2.f, 0),
                                   &at))
    {
      float half = (box_width + POPOVER_ROOM) / 2.f;

      if (at.x + half > width)
        align = GTK_ALIGN_END;
      else if (at.x - half < 0)
        align = GTK_ALIGN_START;
    }
  gtk_widget_set_halign (popover, align);
}

/* The list of jobs is built when the outbox is first opened: most windows
 * never open it, and its widgets would be styled before the first frame. */
static void
ensure_popover (BylineOutboxButton *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->list != NULL)
    return;
  builder = gtk_builder_new_from_resource ("/io/github/bylinenews/Byline/byline-outbox-popover.ui");
  self->list = GTK_LIST_BOX (gtk_builder_get_object (builder, "list"));
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (gtk_builder_get_object (builder, "popover")));
  g_signal_connect_object (gtk_builder_get_object (builder, "popover"), "show", G_CALLBACK (on_popover_show),
                           gtk_builder_get_object (builder, "box"), 0);
  if (self->publisher != NULL)
    gtk_list_box_bind_model (self->list, G_LIST_MODEL (byline_publisher_get_outbox (self->publisher)),
                             create_row, self, NULL);
}

static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  ensure_popover (user_data);
}

/* ------------------------------------------------------------------- count */

static void
update_count (BylineOutboxButton *self)
{
  BylineOutbox *outbox = byline_publisher_get_outbox (self->publisher);
  guint pending = byline_outbox_get_n_pending (outbox);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (outbox));
  g_autofree char *count = pending > 0 ? g_strdup_printf ("%u", pending) : g_strdup ("");
  g_autofree char *label = NULL;

  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), pending > 0);
  /* The button, not the widget: a narrow window hides the widget itself. */
  gtk_widget_set_visible (GTK_WIDGET (self->button), n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outbox.clear-sent", n > pending);

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Outbox: %u story to send",
                                        "Outbox: %u stories to send", pending), pending);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  byline_widget_set_tooltip (GTK_WIDGET (self->button), label);
}

/* ----------------------------------------------------------------- actions */

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  BylineOutboxButton *self = BYLINE_OUTBOX_BUTTON (widget);
  g_autoptr(GError) error = NULL;

  if (!byline_outbox_retry (byline_publisher_get_outbox (self->publisher),
                            g_variant_get_string (param, NULL), &error))
    g_warning ("Could not retry: %s", error->message);
}

static void
account_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BylineOutboxButton *self = BYLINE_OUTBOX_BUTTON (widget);
  BylineOutboxJob *job = byline_outbox_find (byline_publisher_get_outbox (self->publisher),
                                             g_variant_get_string (param, NULL));

  if (job == NULL)
    return;
  gtk_menu_button_popdown (self->button);
  byline_account_dialog_present_for_job (self->publisher, job, widget);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BylineOutboxButton *self = BYLINE_OUTBOX_BUTTON (widget);
  g_autoptr(GError) error = NULL;

  if (!byline_outbox_cancel (byline_publisher_get_outbox (self->publisher),
                             g_variant_get_string (param, NULL), &error))
    g_warning ("Could not cancel: %s", error->message);
}

static void
clear_sent_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  BylineOutboxButton *self = BYLINE_OUTBOX_BUTTON (widget);

  byline_outbox_clear_sent (byline_publisher_get_outbox (self->publisher));
}

/* ------------------------------------------------------------------ public */

void
byline_outbox_button_set_publisher (BylineOutboxButton *self,
                                    BylinePublisher    *publisher)
{
  BylineOutbox *outbox;

  g_return_if_fail (BYLINE_IS_OUTBOX_BUTTON (self));
  g_return_if_fail (BYLINE_IS_PUBLISHER (publisher));
  g_return_if_fail (self->publisher == NULL);

  self->publisher = g_object_ref (publisher);
  outbox = byline_publisher_get_outbox (publisher);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, G_LIST_MODEL (outbox), create_row, self, NULL);
  g_signal_connect_object (outbox, "notify::n-pending", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (outbox, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  update_count (self);
}

gboolean
byline_outbox_button_get_shown (BylineOutboxButton *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_BUTTON (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->button));
}

const char *
byline_outbox_button_get_count (BylineOutboxButton *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_BUTTON (self), NULL);
  return gtk_label_get_label (self->count_label);
}

GtkListBox *
byline_outbox_button_get_list (BylineOutboxButton *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX_BUTTON (self), NULL);
  ensure_popover (self);
  return self->list;
}

void
byline_outbox_button_popup (BylineOutboxButton *self)
{
  g_return_if_fail (BYLINE_IS_OUTBOX_BUTTON (self));
  gtk_menu_button_popup (self->button);
}

/* ----------------------------------------------------------------- GObject */

static void
byline_outbox_button_dispose (GObject *object)
{
  BylineOutboxButton *self = BYLINE_OUTBOX_BUTTON (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_OUTBOX_BUTTON);
  g_clear_object (&self->publisher);

  G_OBJECT_CLASS (byline_outbox_button_parent_class)->dispose (object);
}

static void
byline_outbox_button_class_init (BylineOutboxButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_outbox_button_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bylinenews/Byline/byline-outbox-button.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineOutboxButton, button);
  gtk_widget_class_bind_template_child (widget_class, BylineOutboxButton, count_label);

  gtk_widget_class_install_action (widget_class, "outbox.account", "s", account_action);
  gtk_widget_class_install_action (widget_class, "outbox.retry", "s", retry_action);
  gtk_widget_class_install_action (widget_class, "outbox.cancel", "s", cancel_action);
  gtk_widget_class_install_action (widget_class, "outbox.clear-sent", NULL, clear_sent_action);
}

static void
byline_outbox_button_init (BylineOutboxButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->button), FALSE);
  gtk_menu_button_set_create_popup_func (self->button, create_popup, self, NULL);
}
