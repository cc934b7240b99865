/* byline-accounts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <libsecret/secret.h>
#include <string.h>

#include "byline-accounts.h"
#include "byline-error.h"
#include "byline-folder-destination.h"
#include "byline-newsroom-destination.h"
#include "byline-wordpress-destination.h"

static const SecretSchema account_schema = {
  "io.github.bylinenews.Byline.Account", SECRET_SCHEMA_NONE,
  {
    { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

static const char * const kind_names[] = { "folder", "newsroom", "wordpress" };

const char *
byline_account_kind_to_string (BylineAccountKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
byline_account_kind_from_string (const char        *str,
                                 BylineAccountKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* -------------------------------------------------------------- account */

struct _BylineAccount
{
  GObject            parent_instance;

  char              *name;
  BylineAccountKind  kind;
  char              *url;
  char              *user;
  BylineRoles        roles;   /* folder accounts: the role is a setting */
};

G_DEFINE_FINAL_TYPE (BylineAccount, byline_account, G_TYPE_OBJECT)

static void
byline_account_finalize (GObject *object)
{
  BylineAccount *self = BYLINE_ACCOUNT (object);

  g_free (self->name);
  g_free (self->url);
  g_free (self->user);

  G_OBJECT_CLASS (byline_account_parent_class)->finalize (object);
}

static void
byline_account_class_init (BylineAccountClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_account_finalize;
}

static void
byline_account_init (BylineAccount *self)
{
}

BylineAccount *
byline_account_new (const char        *name,
                    BylineAccountKind  kind,
                    const char        *url,
                    const char        *user)
{
  BylineAccount *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (BYLINE_TYPE_ACCOUNT, NULL);
  self->name = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  self->kind = kind;
  self->url = g_strdup (url);
  self->user = g_strdup (user);
  self->roles = BYLINE_ROLE_REPORTER | BYLINE_ROLE_EDITOR;
  return self;
}

BylineRoles
byline_account_get_roles (BylineAccount *self)
{
  g_return_val_if_fail (BYLINE_IS_ACCOUNT (self), BYLINE_ROLE_NONE);
  return self->roles;
}

void
byline_account_set_roles (BylineAccount *self,
                          BylineRoles    roles)
{
  g_return_if_fail (BYLINE_IS_ACCOUNT (self));
  self->roles = roles;
}

static BylineRoles
roles_from_string (const char *text)
{
  g_auto(GStrv) names = g_strsplit (text, ",", -1);
  BylineRoles roles = BYLINE_ROLE_NONE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_strstrip (names[i]);
      if (g_str_equal (names[i], "reporter"))
        roles |= BYLINE_ROLE_REPORTER;
      else if (g_str_equal (names[i], "editor"))
        roles |= BYLINE_ROLE_EDITOR;
    }
  return roles;
}

const char *
byline_account_get_name (BylineAccount *self)
{
  g_return_val_if_fail (BYLINE_IS_ACCOUNT (self), NULL);
  return self->name;
}

BylineAccountKind
byline_account_get_kind (BylineAccount *self)
{
  g_return_val_if_fail (BYLINE_IS_ACCOUNT (self), BYLINE_ACCOUNT_FOLDER);
  return self->kind;
}

const char *
byline_account_get_url (BylineAccount *self)
{
  g_return_val_if_fail (BYLINE_IS_ACCOUNT (self), NULL);
  return self->url;
}

const char *
byline_account_get_user (BylineAccount *self)
{
  g_return_val_if_fail (BYLINE_IS_ACCOUNT (self), NULL);
  return self->user;
}

gboolean
byline_account_needs_secret (BylineAccount *self)
{
  g_return_val_if_fail (BYLINE_IS_ACCOUNT (self), FALSE);
  return self->kind != BYLINE_ACCOUNT_FOLDER;
}

static gboolean
check_account (BylineAccount  *account,
               GError        **error)
{
  const char *name = account->name;

  if (name == NULL || *name == '\0' || strpbrk (name, "[]\n\r") != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("An account needs a name, without brackets or line breaks"));
      return FALSE;
    }
  if (account->kind != BYLINE_ACCOUNT_FOLDER)
    {
      g_autoptr(GUri) uri = g_uri_parse (account->url, G_URI_FLAGS_NONE, NULL);
      const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

      if (uri == NULL || (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
          || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("“%s” is not an http:// or https:// address"), account->url);
          return FALSE;
        }
    }
  if (account->kind == BYLINE_ACCOUNT_WORDPRESS
      && (account->user == NULL || *account->user == '\0' || strchr (account->user, ':') != NULL))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("A WordPress account needs the user name (--user) its application password belongs to"));
      return FALSE;
    }
  if (account->kind == BYLINE_ACCOUNT_FOLDER && *account->url == '\0')
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID, _("A folder account needs a folder"));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------- accounts */

struct _BylineAccounts
{
  GObject    parent_instance;

  GFile     *file;
  GPtrArray *accounts;   /* BylineAccount, sorted by name */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineAccounts, byline_accounts, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
byline_accounts_get_item_type (GListModel *model)
{
  return BYLINE_TYPE_ACCOUNT;
}

static guint
byline_accounts_get_n_items (GListModel *model)
{
  return BYLINE_ACCOUNTS (model)->accounts->len;
}

static gpointer
byline_accounts_get_item (GListModel *model,
                          guint       position)
{
  BylineAccounts *self = BYLINE_ACCOUNTS (model);

  if (position >= self->accounts->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->accounts, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = byline_accounts_get_item_type;
  iface->get_n_items = byline_accounts_get_n_items;
  iface->get_item = byline_accounts_get_item;
}

static void
byline_accounts_finalize (GObject *object)
{
  BylineAccounts *self = BYLINE_ACCOUNTS (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_accounts_parent_class)->finalize (object);
}

static void
byline_accounts_class_init (BylineAccountsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_accounts_finalize;
}

static void
byline_accounts_init (BylineAccounts *self)
{
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
}

BylineAccounts *
byline_accounts_new (GFile *file)
{
  BylineAccounts *self = g_object_new (BYLINE_TYPE_ACCOUNTS, NULL);

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  if (file != NULL)
    self->file = g_object_ref (file);
  else
    self->file = g_file_new_build_filename (g_get_user_config_dir (), "byline", "accounts.ini", NULL);
  return self;
}

GFile *
byline_accounts_get_file (BylineAccounts *self)
{
  g_return_val_if_fail (BYLINE_IS_ACCOUNTS (self), NULL);
  return self->file;
}

static int
compare_accounts (gconstpointer a,
                  gconstpointer b)
{
  const BylineAccount *aa = *(BylineAccount **) a;
  const BylineAccount *ab = *(BylineAccount **) b;

  return g_utf8_collate (aa->name, ab->name);
}

static void
replace_all (BylineAccounts *self,
             GPtrArray      *accounts)
{
  guint removed = self->accounts->len;

  g_ptr_array_sort (accounts, compare_accounts);
  g_ptr_array_unref (self->accounts);
  self->accounts = g_ptr_array_ref (accounts);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, accounts->len);
}

gboolean
byline_accounts_load (BylineAccounts  *self,
                      GError         **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (BYLINE_IS_ACCOUNTS (self), FALSE);

  path = g_file_get_path (self->file);
  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          replace_all (self, accounts);
          return TRUE;
        }
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED, "%s: %s", path, local_error->message);
      return FALSE;
    }

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *kind_name = g_key_file_get_string (keyfile, groups[i], "kind", NULL);
      g_autofree char *url = g_key_file_get_string (keyfile, groups[i], "url", NULL);
      g_autofree char *user = g_key_file_get_string (keyfile, groups[i], "user", NULL);
      g_autofree char *role = g_key_file_get_string (keyfile, groups[i], "role", NULL);
      BylineAccount *account;
      BylineAccountKind kind;

      if (!byline_account_kind_from_string (kind_name, &kind) || url == NULL)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                       _("%s: the account “%s” needs a kind (folder, newsroom or wordpress) and a url"),
                       path, groups[i]);
          return FALSE;
        }
      account = byline_account_new (groups[i], kind, url, user);
      if (role != NULL)
        byline_account_set_roles (account, roles_from_string (role));
      g_ptr_array_add (accounts, account);
    }
  replace_all (self, accounts);
  return TRUE;
}

BylineAccount *
byline_accounts_lookup (BylineAccounts *self,
                        const char     *name)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (BYLINE_IS_ACCOUNTS (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  normalized = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  for (guint i = 0; i < self->accounts->len; i++)
    {
      BylineAccount *account = g_ptr_array_index (self->accounts, i);

      if (g_strcmp0 (account->name, normalized) == 0)
        return account;
    }
  return NULL;
}

/* Writes @accounts to the key file, atomically (g_file_set_contents). */
static gboolean
write_file (BylineAccounts  *self,
            GPtrArray       *accounts,
            GError         **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GFile) parent = g_file_get_parent (self->file);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *data = NULL;
  gsize length;

  for (guint i = 0; i < accounts->len; i++)
    {
      BylineAccount *account = g_ptr_array_index (accounts, i);

      g_key_file_set_string (keyfile, account->name, "kind", byline_account_kind_to_string (account->kind));
      g_key_file_set_string (keyfile, account->name, "url", account->url);
      if (account->user != NULL)
        g_key_file_set_string (keyfile, account->name, "user", account->user);
      if (account->kind == BYLINE_ACCOUNT_FOLDER
          && account->roles != (BYLINE_ROLE_REPORTER | BYLINE_ROLE_EDITOR))
        {
          g_autofree char *role = byline_roles_to_string (account->roles);

          g_key_file_set_string (keyfile, account->name, "role", role);
        }
    }
  data = g_key_file_to_data (keyfile, &length, NULL);

  if (!g_file_make_directory_with_parents (parent, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED, _("Could not create the folder of %s: %s"),
                   path, local_error->message);
      return FALSE;
    }
  g_clear_error (&local_error);
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED, _("Could not save the accounts: %s"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

static GHashTable *
secret_attributes (const char *name)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, "account", (gpointer) name);
  return attributes;
}

static GError *
keyring_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  return g_error_new (BYLINE_ERROR, BYLINE_ERROR_FAILED,
                      _("The keyring is not available (%s): the password cannot be kept safely"),
                      error->message);
}

/* ------------------------------------------------------------------ save */

static gboolean
commit_account (BylineAccounts  *self,
                BylineAccount   *account,
                GError         **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->accounts->len; i++)
    {
      BylineAccount *existing = g_ptr_array_index (self->accounts, i);

      if (!g_str_equal (existing->name, account->name))
        g_ptr_array_add (accounts, g_object_ref (existing));
    }
  g_ptr_array_add (accounts, g_object_ref (account));
  if (!write_file (self, accounts, error))
    return FALSE;
  replace_all (self, accounts);
  return TRUE;
}

static void
store_secret_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BylineAccounts *self = g_task_get_source_object (task);
  BylineAccount *account = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_task_return_error (task, keyring_error (error));
      return;
    }
  if (!commit_account (self, account, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
existing_secret_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BylineAccounts *self = g_task_get_source_object (task);
  BylineAccount *account = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, keyring_error (error));
      return;
    }
  if (secret == NULL)
    {
      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                               _("The account “%s” needs a token or password"), account->name);
      return;
    }
  secret_password_free (secret);
  if (!commit_account (self, account, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
byline_accounts_save_async (BylineAccounts      *self,
                            BylineAccount       *account,
                            const char          *secret,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (BYLINE_IS_ACCOUNTS (self));
  g_return_if_fail (BYLINE_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_accounts_save_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);

  if (!check_account (account, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!byline_account_needs_secret (account))
    {
      if (!commit_account (self, account, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  /* The keyring first: never an account whose secret was not kept. */
  attributes = secret_attributes (account->name);
  if (secret == NULL)
    {
      secret_password_lookupv (&account_schema, attributes, cancellable,
                               existing_secret_cb, g_steal_pointer (&task));
      return;
    }
  if (*secret == '\0')
    {
      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                               _("The account “%s” needs a token or password"), account->name);
      return;
    }
  label = g_strdup_printf ("Byline: %s", account->name);
  secret_password_storev (&account_schema, attributes, SECRET_COLLECTION_DEFAULT, label, secret,
                          cancellable, store_secret_cb, g_steal_pointer (&task));
}

gboolean
byline_accounts_save_finish (BylineAccounts  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---------------------------------------------------------------- remove */

static void
clear_secret_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BylineAccounts *self = g_task_get_source_object (task);
  const char *name = g_task_get_task_data (task);
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  /* FALSE without an error: there was no secret to clear. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, keyring_error (error));
      return;
    }

  for (guint i = 0; i < self->accounts->len; i++)
    {
      BylineAccount *existing = g_ptr_array_index (self->accounts, i);

      if (!g_str_equal (existing->name, name))
        g_ptr_array_add (accounts, g_object_ref (existing));
    }
  if (!write_file (self, accounts, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  replace_all (self, accounts);
  g_task_return_boolean (task, TRUE);
}

void
byline_accounts_remove_async (BylineAccounts      *self,
                              const char          *name,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  BylineAccount *account;

  g_return_if_fail (BYLINE_IS_ACCOUNTS (self));
  g_return_if_fail (name != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_accounts_remove_async);
  account = byline_accounts_lookup (self, name);
  if (account == NULL)
    {
      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND, _("There is no account “%s”"), name);
      return;
    }
  g_task_set_task_data (task, g_strdup (account->name), g_free);
  attributes = secret_attributes (account->name);
  secret_password_clearv (&account_schema, attributes, cancellable, clear_secret_cb, g_steal_pointer (&task));
}

gboolean
byline_accounts_remove_finish (BylineAccounts  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ----------------------------------------------------------- destinations */

static BylineDestination *
make_destination (BylineAccount  *account,
                  const char     *secret,
                  GError        **error)
{
  switch (account->kind)
    {
    case BYLINE_ACCOUNT_FOLDER:
      {
        g_autoptr(GFile) folder = g_file_new_for_commandline_arg (account->url);
        BylineDestination *destination = byline_folder_destination_new (account->name, folder);

        byline_folder_destination_set_roles (BYLINE_FOLDER_DESTINATION (destination), account->roles);
        return destination;
      }
    case BYLINE_ACCOUNT_NEWSROOM:
      return byline_newsroom_destination_new (account->name, account->url, secret, error);
    case BYLINE_ACCOUNT_WORDPRESS:
      return byline_wordpress_destination_new (account->name, account->url, account->user, secret, error);
    default:
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("This version of Byline cannot send to %s accounts yet"),
                   byline_account_kind_to_string (account->kind));
      return NULL;
    }
}

static void
lookup_secret_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BylineAccount *account = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  BylineDestination *destination;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, keyring_error (error));
      return;
    }
  if (g_task_get_source_tag (task) == byline_accounts_has_secret_async)
    {
      g_task_return_boolean (task, secret != NULL);
      secret_password_free (secret);
      return;
    }
  if (secret == NULL)
    {
      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_AUTH,
                               _("No token or password is kept for “%s”: enter it again"), account->name);
      return;
    }
  destination = make_destination (account, secret, &error);
  secret_password_free (secret);
  if (destination == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, destination, g_object_unref);
}

static void
lookup_secret (BylineAccounts      *self,
               const char          *name,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  BylineAccount *account = byline_accounts_lookup (self, name);

  g_task_set_source_tag (task, source_tag);
  if (account == NULL)
    {
      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND, _("There is no account “%s”"), name);
      return;
    }
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);

  if (!byline_account_needs_secret (account))
    {
      if (source_tag == byline_accounts_has_secret_async)
        g_task_return_boolean (task, FALSE);
      else
        g_task_return_pointer (task, make_destination (account, NULL, NULL), g_object_unref);
      return;
    }
  attributes = secret_attributes (account->name);
  secret_password_lookupv (&account_schema, attributes, cancellable, lookup_secret_cb, g_steal_pointer (&task));
}

void
byline_accounts_create_destination_async (BylineAccounts      *self,
                                          const char          *name,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_ACCOUNTS (self));
  g_return_if_fail (name != NULL);

  lookup_secret (self, name, byline_accounts_create_destination_async, cancellable, callback, user_data);
}

BylineDestination *
byline_accounts_create_destination_finish (BylineAccounts  *self,
                                           GAsyncResult    *result,
                                           GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
byline_accounts_has_secret_async (BylineAccounts      *self,
                                  const char          *name,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_ACCOUNTS (self));
  g_return_if_fail (name != NULL);

  lookup_secret (self, name, byline_accounts_has_secret_async, cancellable, callback, user_data);
}

gboolean
byline_accounts_has_secret_finish (BylineAccounts  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
