/* byline-accounts-page.c
 *
 * The list follows the accounts model (BylineAccounts): adding, editing and
 * removing go through BylineAccountDialog, which saves through the publisher,
 * and the list changes by itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-account-dialog.h"
#include "byline-accounts-page.h"
#include "byline-publisher.h"

struct _BylineAccountsPage
{
  AdwPreferencesPage  parent_instance;

  BylinePublisher    *publisher;
  GtkListBox         *list;
};

G_DEFINE_FINAL_TYPE (BylineAccountsPage, byline_accounts_page, ADW_TYPE_PREFERENCES_PAGE)

static const char *
kind_label (BylineAccountKind kind)
{
  switch (kind)
    {
    case BYLINE_ACCOUNT_FOLDER:    return _("Folder");
    case BYLINE_ACCOUNT_NEWSROOM:  return _("Newsroom API");
    case BYLINE_ACCOUNT_WORDPRESS: return _("WordPress");
    default:                       return "";
    }
}

static void
on_row_activated (BylineAccountsPage *self,
                  AdwActionRow       *row)
{
  BylineAccount *account = g_object_get_data (G_OBJECT (row), "account");

  adw_dialog_present (byline_account_dialog_new (self->publisher, account), GTK_WIDGET (self));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BylineAccountsPage *self = user_data;
  BylineAccount *account = item;
  const char *user = byline_account_get_user (account);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  if (user != NULL && *user != '\0')
    subtitle = g_strdup_printf ("%s · %s · %s", kind_label (byline_account_get_kind (account)),
                                byline_account_get_url (account), user);
  else
    subtitle = g_strdup_printf ("%s · %s", kind_label (byline_account_get_kind (account)),
                                byline_account_get_url (account));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), byline_account_get_name (account));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
  return row;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  BylineAccountsPage *self = BYLINE_ACCOUNTS_PAGE (widget);

  adw_dialog_present (byline_account_dialog_new (self->publisher, NULL), widget);
}

GtkListBox *
byline_accounts_page_get_list (BylineAccountsPage *self)
{
  g_return_val_if_fail (BYLINE_IS_ACCOUNTS_PAGE (self), NULL);
  return self->list;
}

static void
byline_accounts_page_dispose (GObject *object)
{
  BylineAccountsPage *self = BYLINE_ACCOUNTS_PAGE (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_ACCOUNTS_PAGE);
  g_clear_object (&self->publisher);

  G_OBJECT_CLASS (byline_accounts_page_parent_class)->dispose (object);
}

static void
byline_accounts_page_class_init (BylineAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_accounts_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bylinenews/Byline/byline-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineAccountsPage, list);
  gtk_widget_class_install_action (widget_class, "accounts.add", NULL, add_action);
}

static void
byline_accounts_page_init (BylineAccountsPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No accounts yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
}

AdwPreferencesPage *
byline_accounts_page_new (BylinePublisher *publisher)
{
  BylineAccountsPage *self;

  g_return_val_if_fail (BYLINE_IS_PUBLISHER (publisher), NULL);

  self = g_object_new (BYLINE_TYPE_ACCOUNTS_PAGE, NULL);
  self->publisher = g_object_ref (publisher);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (byline_publisher_get_accounts (publisher)),
                           create_row, self, NULL);
  return ADW_PREFERENCES_PAGE (self);
}
