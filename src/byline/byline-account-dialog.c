/* byline-account-dialog.c
 *
 * The secret is read from the password row only to hand it to the keyring
 * (through the publisher), and the row is emptied once the keyring has it:
 * it is never kept elsewhere, logged or shown.  A save that failed leaves it
 * in the row, to save again without typing it again.  "Test Connection"
 * saves first, then asks the destination who the account is there, with
 * the secret the keyring holds: what is tested is what the outbox will use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-account-dialog.h"
#include "byline-widget-util.h"
#include "byline-publisher.h"

/* What the keyring holds for the account, as the dialog last said it. */
typedef enum { SECRET_UNKNOWN, SECRET_KEPT, SECRET_NONE, SECRET_UNREACHABLE } SecretState;

struct _BylineAccountDialog
{
  AdwDialog             parent_instance;

  BylinePublisher      *publisher;
  char                 *name;        /* of the account edited; NULL while new */
  GCancellable         *cancellable;
  GCancellable         *checking;     /* the connection test, stopped by closing */
  char                 *result;
  gboolean              busy;
  gboolean              saved;        /* the account was saved from this dialog */
  gboolean              closing;      /* a folder account saved: checked, then closed */
  SecretState           secret_state;
  GtkWidget            *focus_before; /* weak: the keyboard's place before busy */

  AdwPreferencesGroup  *fields_group;
  AdwEntryRow          *name_row;
  AdwComboRow          *kind_row;
  AdwEntryRow          *url_row;
  GtkWidget            *folder_button;
  AdwEntryRow          *user_row;
  AdwPasswordEntryRow  *secret_row;
  AdwActionRow         *result_row;
  GtkStack             *result_icon;
  AdwPreferencesGroup  *remove_group;
};

G_DEFINE_FINAL_TYPE (BylineAccountDialog, byline_account_dialog, ADW_TYPE_DIALOG)

/* ------------------------------------------------------------------ state */

static void
update_actions (BylineAccountDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.save", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.test", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.remove", !self->busy && self->name != NULL);
}

static void
show_result (BylineAccountDialog *self,
             const char          *icon,
             const char          *title,
             const char          *subtitle)
{
  g_free (self->result);
  self->result = subtitle ? g_strdup_printf ("%s\n%s", title, subtitle) : g_strdup (title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row), title);
  adw_action_row_set_subtitle (self->result_row, subtitle ? subtitle : "");
  gtk_stack_set_visible_child_name (self->result_icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->result_row), TRUE);
  gtk_accessible_announce (GTK_ACCESSIBLE (self), self->result, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
}

/* Busy greys the buttons, and the keyboard on one of them (Test Connection
 * pressed with Space) would be left nowhere: it goes back there after. */
static void
set_busy (BylineAccountDialog *self,
          gboolean             busy)
{
  self->busy = busy;
  if (busy)
    g_set_weak_pointer (&self->focus_before, adw_dialog_get_focus (ADW_DIALOG (self)));
  update_actions (self);
  if (!busy && self->focus_before != NULL)
    {
      if (adw_dialog_get_focus (ADW_DIALOG (self)) == NULL && gtk_widget_is_sensitive (self->focus_before))
        gtk_widget_grab_focus (self->focus_before);
      g_clear_weak_pointer (&self->focus_before);
    }
}

/* What the keyring holds for the account, said above the fields. */
static void
show_secret_state (BylineAccountDialog *self,
                   SecretState          state)
{
  const char *text[] = {
    [SECRET_UNKNOWN] = NULL,
    [SECRET_KEPT] = _("The token or password is kept in the keyring. Type a new one only to replace it."),
    [SECRET_NONE] = _("There is no token or password in the keyring for this account: type it."),
    [SECRET_UNREACHABLE] = _("The keyring cannot be reached."),
  };

  self->secret_state = state;
  adw_preferences_group_set_description (self->fields_group, text[state]);
}

static BylineAccountKind
selected_kind (BylineAccountDialog *self)
{
  return (BylineAccountKind) adw_combo_row_get_selected (self->kind_row);
}

static void
on_kind_changed (BylineAccountDialog *self)
{
  gboolean folder = selected_kind (self) == BYLINE_ACCOUNT_FOLDER;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->url_row), folder ? _("Folder") : _("Address"));
  adw_entry_row_set_input_purpose (self->url_row,
                                   folder ? GTK_INPUT_PURPOSE_FREE_FORM : GTK_INPUT_PURPOSE_URL);
  gtk_widget_set_visible (self->folder_button, folder);
  gtk_widget_set_visible (GTK_WIDGET (self->user_row), !folder);
  gtk_widget_set_visible (GTK_WIDGET (self->secret_row), !folder);
  if (folder && *gtk_editable_get_text (GTK_EDITABLE (self->url_row)) == '\0')
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "byline", "newsroom", NULL);

      gtk_editable_set_text (GTK_EDITABLE (self->url_row), path);
    }
}

static void
on_folder_chosen (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BylineAccountDialog) self = user_data;
  g_autoptr(GFile) folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (source), result, NULL);

  /* Cancelled, or a place with no path (the folder destination writes files). */
  if (folder == NULL || g_file_peek_path (folder) == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), g_file_peek_path (folder));
}

/* The folder typed so far, or the nearest folder above it that is there, for
 * the chooser to start in; NULL when none is. */
static GFile *
typed_folder (BylineAccountDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  g_autoptr(GFile) folder = NULL;

  if (!g_path_is_absolute (text))
    return NULL;
  folder = g_file_new_for_path (text);
  while (folder != NULL && g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      GFile *parent = g_file_get_parent (folder);

      g_object_unref (folder);
      folder = parent;
    }
  return g_steal_pointer (&folder);
}

/* A folder typed by hand is out of reach inside Flatpak's sandbox; one chosen
 * here comes through the file chooser portal, which keeps it open to Byline. */
static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BylineAccountDialog *self = BYLINE_ACCOUNT_DIALOG (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GFile) start = typed_folder (self);

  gtk_file_dialog_set_title (dialog, _("Choose the Folder to Send To"));
  gtk_file_dialog_set_accept_label (dialog, _("_Choose"));
  if (start != NULL)
    gtk_file_dialog_set_initial_folder (dialog, start);
  gtk_file_dialog_select_folder (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), self->cancellable,
                                 on_folder_chosen, g_object_ref (self));
}

static void
on_has_secret (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BylineAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean kept = byline_accounts_has_secret_finish (BYLINE_ACCOUNTS (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  show_secret_state (self, error != NULL ? SECRET_UNREACHABLE : kept ? SECRET_KEPT : SECRET_NONE);
}

/* ----------------------------------------------------------------- saving */

typedef enum { THEN_CLOSE, THEN_TEST, THEN_TAKE_FOLDER } Then;

static const char *
roles_label (BylineRoles roles)
{
  if ((roles & BYLINE_ROLE_EDITOR) && (roles & BYLINE_ROLE_REPORTER))
    return _("reporter and editor");
  if (roles & BYLINE_ROLE_EDITOR)
    return _("editor");
  if (roles & BYLINE_ROLE_REPORTER)
    return _("reporter");
  return _("no role");
}

static void on_checked (GObject *source, GAsyncResult *result, gpointer user_data);

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(BylineAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Then then = GPOINTER_TO_UINT (g_object_steal_data (G_OBJECT (self), "then"));

  if (!byline_publisher_save_account_finish (BYLINE_PUBLISHER (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_result (self, "error", _("Not saved"), error->message);
          set_busy (self, FALSE);
        }
      return;
    }

  self->saved = TRUE;
  /* The keyring has the secret typed: not kept here. */
  if (g_object_steal_data (G_OBJECT (self), "secret-given") != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
      show_secret_state (self, SECRET_KEPT);
    }

  /* From now on this is the account of that name. */
  if (self->name == NULL)
    {
      self->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
      /* (Not greyed with the keyboard in it: it goes on to the address.) */
      if (byline_widget_has_keyboard (GTK_WIDGET (self->name_row)))
        gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), FALSE);
      adw_dialog_set_title (ADW_DIALOG (self), _("Edit Account"));
      gtk_widget_set_visible (GTK_WIDGET (self->remove_group), TRUE);
    }
  if (then == THEN_CLOSE)
    {
      set_busy (self, FALSE);
      adw_dialog_close (ADW_DIALOG (self));
      return;
    }
  /* A folder is the newsroom's once checked (made, and marked as such):
   * saved, it is checked before the dialog closes. */
  self->closing = then == THEN_TAKE_FOLDER;
  show_result (self, "busy", _("Connecting…"), NULL);
  g_clear_object (&self->checking);
  self->checking = g_cancellable_new ();
  byline_publisher_check_account_async (self->publisher, self->name, self->checking, on_checked,
                                        g_object_ref (self));
}

static void
save (BylineAccountDialog *self,
      Then                 then)
{
  g_autoptr(BylineAccount) account = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  g_autofree char *user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  BylineAccountKind kind = selected_kind (self);

  if (self->busy)
    return;
  if (self->name == NULL && byline_accounts_lookup (byline_publisher_get_accounts (self->publisher), name) != NULL)
    {
      show_result (self, "error", _("Not saved"), _("There is already an account of that name."));
      return;
    }

  account = byline_account_new (self->name ? self->name : name, kind, url,
                                kind == BYLINE_ACCOUNT_FOLDER || *user == '\0' ? NULL : user);
  if (kind == BYLINE_ACCOUNT_FOLDER || *secret == '\0')
    secret = NULL;
  if (kind == BYLINE_ACCOUNT_FOLDER && then == THEN_CLOSE)
    then = THEN_TAKE_FOLDER;
  set_busy (self, TRUE);
  g_object_set_data (G_OBJECT (self), "then", GUINT_TO_POINTER (then));
  g_object_set_data (G_OBJECT (self), "secret-given", GINT_TO_POINTER (secret != NULL));
  byline_publisher_save_account_async (self->publisher, account, secret,
                                       self->cancellable, on_saved, g_object_ref (self));
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BylineAccountDialog) self = user_data;
  g_autoptr(BylineIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saving;

  identity = byline_publisher_check_account_finish (BYLINE_PUBLISHER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  saving = self->closing;
  self->closing = FALSE;
  if (identity != NULL && saving)
    {
      set_busy (self, FALSE);
      adw_dialog_close (ADW_DIALOG (self));
      return;
    }
  /* (Saved all the same: the drive may be connected later.) */
  if (identity == NULL)
    show_result (self, "error", saving ? _("Saved, but the folder cannot be used yet") : _("Could not connect"),
                 error->message);
  else
    {
      g_autofree char *who = g_strdup_printf (_("Signed in as %s (%s)"),
                                              identity->display_name ? identity->display_name : identity->user,
                                              identity->user);
      g_autofree char *role = g_strdup_printf (_("Role: %s"), roles_label (identity->roles));

      show_result (self, "ok", who, role);
    }
  set_busy (self, FALSE);
  /* Signed in: what was said of the keyring before no longer holds. */
  if (identity != NULL && self->secret_state != SECRET_KEPT)
    show_secret_state (self, SECRET_UNKNOWN);
}

/* ---------------------------------------------------------------- actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  save (BYLINE_ACCOUNT_DIALOG (widget), THEN_CLOSE);
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  save (BYLINE_ACCOUNT_DIALOG (widget), THEN_TEST);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

static void
on_removed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BylineAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!byline_accounts_remove_finish (BYLINE_ACCOUNTS (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_result (self, "error", _("Not removed"), error->message);
      return;
    }
  adw_dialog_close (ADW_DIALOG (self));
}

static void
on_remove_response (AdwAlertDialog      *alert,
                    const char          *response,
                    BylineAccountDialog *self)
{
  if (g_strcmp0 (response, "remove") != 0 || self->name == NULL)
    return;
  set_busy (self, TRUE);
  byline_accounts_remove_async (byline_publisher_get_accounts (self->publisher), self->name,
                                self->cancellable, on_removed, g_object_ref (self));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BylineAccountDialog *self = BYLINE_ACCOUNT_DIALOG (widget);
  AdwDialog *alert;

  if (self->name == NULL)
    return;
  alert = adw_alert_dialog_new (_("Remove Account?"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (alert),
                                _("“%s” and its token or password in the keyring will be forgotten. "
                                  "Stories already sent stay where they are."), self->name);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "cancel", _("_Cancel"),
                                  "remove", _("_Remove"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "cancel");
  g_signal_connect_object (alert, "response", G_CALLBACK (on_remove_response), self, 0);
  adw_dialog_present (alert, GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ public */

gboolean
byline_account_dialog_is_busy (BylineAccountDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_ACCOUNT_DIALOG (self), FALSE);
  return self->busy;
}

const char *
byline_account_dialog_get_result (BylineAccountDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_ACCOUNT_DIALOG (self), NULL);
  return self->result ? self->result : "";
}

gboolean
byline_account_dialog_get_saved (BylineAccountDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_ACCOUNT_DIALOG (self), FALSE);
  return self->saved;
}

/* The account fixed: the story goes again with what it has now, a waiting
 * one at once.  (A job held for a missing secret goes by itself once the
 * account is saved.) */
static void
on_fixing_closed (BylineOutboxJob *job,
                  AdwDialog       *dialog)
{
  BylineAccountDialog *self = BYLINE_ACCOUNT_DIALOG (dialog);
  g_autoptr(GError) error = NULL;

  if (!self->saved || (byline_outbox_job_get_state (job) != BYLINE_OUTBOX_JOB_FAILED
                       && byline_outbox_job_get_state (job) != BYLINE_OUTBOX_JOB_WAITING))
    return;
  if (!byline_outbox_retry (byline_publisher_get_outbox (self->publisher), byline_outbox_job_get_id (job), &error)
      && !g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND))
    g_warning ("Could not retry: %s", error->message);
}

void
byline_account_dialog_present_for_job (BylinePublisher *publisher,
                                       BylineOutboxJob *job,
                                       GtkWidget       *parent)
{
  BylineAccount *account;
  AdwDialog *dialog;

  g_return_if_fail (BYLINE_IS_PUBLISHER (publisher));
  g_return_if_fail (BYLINE_IS_OUTBOX_JOB (job));

  account = byline_accounts_lookup (byline_publisher_get_accounts (publisher),
                                    byline_outbox_job_get_destination (job));
  if (account == NULL)
    return;
  dialog = byline_account_dialog_new (publisher, account);
  g_signal_connect_object (dialog, "closed", G_CALLBACK (on_fixing_closed), job, G_CONNECT_SWAPPED);
  /* (It opens with the keyboard in the token or password.) */
  adw_dialog_present (dialog, parent);
}

/* ----------------------------------------------------------------- GObject */

/* A test of the connection nobody waits for any more: a dead server would
 * otherwise keep it, and the dialog, until the network gives up.  A save or
 * a removal under way is left to finish. */
static void
byline_account_dialog_closed (AdwDialog *dialog)
{
  BylineAccountDialog *self = BYLINE_ACCOUNT_DIALOG (dialog);

  g_cancellable_cancel (self->checking);
}

static void
byline_account_dialog_dispose (GObject *object)
{
  BylineAccountDialog *self = BYLINE_ACCOUNT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->checking);
  g_clear_weak_pointer (&self->focus_before);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_ACCOUNT_DIALOG);

  G_OBJECT_CLASS (byline_account_dialog_parent_class)->dispose (object);
}

static void
byline_account_dialog_finalize (GObject *object)
{
  BylineAccountDialog *self = BYLINE_ACCOUNT_DIALOG (object);

  g_clear_object (&self->publisher);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->checking);
  g_free (self->name);
  g_free (self->result);

  G_OBJECT_CLASS (byline_account_dialog_parent_class)->finalize (object);
}

static void
byline_account_dialog_class_init (BylineAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwDialogClass *dialog_class = ADW_DIALOG_CLASS (klass);

  object_class->dispose = byline_account_dialog_dispose;
  dialog_class->closed = byline_account_dialog_closed;
  object_class->finalize = byline_account_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bylinenews/Byline/byline-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineAccountDialog, fields_group);
  gtk_widget_class_bind_template_child (widget_class, BylineAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BylineAccountDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BylineAccountDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, BylineAccountDialog, folder_button);
  gtk_widget_class_bind_template_child (widget_class, BylineAccountDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, BylineAccountDialog, secret_row);
  gtk_widget_class_bind_template_child (widget_class, BylineAccountDialog, result_row);
  gtk_widget_class_bind_template_child (widget_class, BylineAccountDialog, result_icon);
  gtk_widget_class_bind_template_child (widget_class, BylineAccountDialog, remove_group);

  gtk_widget_class_install_action (widget_class, "account.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "account.test", NULL, test_action);
  gtk_widget_class_install_action (widget_class, "account.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "account.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "account.choose-folder", NULL, choose_folder_action);
}

static void
byline_account_dialog_init (BylineAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (on_kind_changed),
                           self, G_CONNECT_SWAPPED);
}

AdwDialog *
byline_account_dialog_new (BylinePublisher *publisher,
                           BylineAccount   *account)
{
  BylineAccountDialog *self;

  g_return_val_if_fail (BYLINE_IS_PUBLISHER (publisher), NULL);
  g_return_val_if_fail (account == NULL || BYLINE_IS_ACCOUNT (account), NULL);

  self = g_object_new (BYLINE_TYPE_ACCOUNT_DIALOG, NULL);
  self->publisher = g_object_ref (publisher);

  if (account == NULL)
    {
      /* Most people add their newsroom's server. */
      adw_combo_row_set_selected (self->kind_row, BYLINE_ACCOUNT_NEWSROOM);
      on_kind_changed (self);
      update_actions (self);
      /* The keyboard starts in the name, not on Cancel (which a space would press). */
      adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (self->name_row));
      return ADW_DIALOG (self);
    }

  self->name = g_strdup (byline_account_get_name (account));
  adw_dialog_set_title (ADW_DIALOG (self), _("Edit Account"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->name);
  /* The name is the account's key (in the file and the keyring). */
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), byline_account_get_url (account));
  if (byline_account_get_user (account) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->user_row), byline_account_get_user (account));
  adw_combo_row_set_selected (self->kind_row, byline_account_get_kind (account));
  on_kind_changed (self);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_group), TRUE);
  if (byline_account_needs_secret (account))
    byline_accounts_has_secret_async (byline_publisher_get_accounts (publisher), self->name,
                                      self->cancellable, on_has_secret, g_object_ref (self));
  update_actions (self);
  /* The name cannot change: the keyboard starts in the password or token
   * (what an account is opened again for, most often), else the address. */
  adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (byline_account_needs_secret (account) ? ADW_ENTRY_ROW (self->secret_row)
                                                                                            : self->url_row));
  return ADW_DIALOG (self);
}
