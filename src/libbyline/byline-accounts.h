/* byline-accounts.h — where stories can be sent, and the secrets to get in
 *
 * Accounts (name, kind, address, user) are kept in a key file,
 * $XDG_CONFIG_HOME/byline/accounts.ini:
 *
 *   [Toà soạn]
 *   kind=newsroom
 *   url=https://toasoan.example/api
 *   user=huong
 *
 * The secret (a token, an application password) is kept only in the Secret
 * Service (libsecret, schema io.github.bylinenews.Byline.Account, attribute
 * "account" = the name): never in a file, a log or a command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-destination.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_ACCOUNT_FOLDER,
  BYLINE_ACCOUNT_NEWSROOM,
  BYLINE_ACCOUNT_WORDPRESS,
} BylineAccountKind;

const char *byline_account_kind_to_string   (BylineAccountKind  kind);
gboolean    byline_account_kind_from_string (const char        *str,
                                             BylineAccountKind *kind);

#define BYLINE_TYPE_ACCOUNT (byline_account_get_type ())

G_DECLARE_FINAL_TYPE (BylineAccount, byline_account, BYLINE, ACCOUNT, GObject)

/* @url: an http(s) address, or for a folder a path or any GIO location. */
BylineAccount     *byline_account_new          (const char        *name,
                                                BylineAccountKind  kind,
                                                const char        *url,
                                                const char        *user);
const char        *byline_account_get_name     (BylineAccount     *self);
BylineAccountKind  byline_account_get_kind     (BylineAccount     *self);
const char        *byline_account_get_url      (BylineAccount     *self);
const char        *byline_account_get_user     (BylineAccount     *self);
/* A folder asks nobody who one is: its account says ("role" in accounts.ini:
 * reporter, editor, or both, the default).  Other kinds learn it from the
 * destination (byline_destination_check_async). */
BylineRoles        byline_account_get_roles    (BylineAccount     *self);
void               byline_account_set_roles    (BylineAccount     *self,
                                                BylineRoles        roles);
/* FALSE for folders. */
gboolean           byline_account_needs_secret (BylineAccount     *self);

#define BYLINE_TYPE_ACCOUNTS (byline_accounts_get_type ())

/* A GListModel of BylineAccount, sorted by name. */
G_DECLARE_FINAL_TYPE (BylineAccounts, byline_accounts, BYLINE, ACCOUNTS, GObject)

/* @file NULL: $XDG_CONFIG_HOME/byline/accounts.ini */
BylineAccounts    *byline_accounts_new         (GFile             *file);
GFile             *byline_accounts_get_file    (BylineAccounts    *self);
/* A missing file is no account. */
gboolean           byline_accounts_load        (BylineAccounts    *self,
                                                GError           **error);
BylineAccount     *byline_accounts_lookup      (BylineAccounts    *self,
                                                const char        *name);

/* Adds @account, or replaces the one of that name.  @secret goes to the
 * keyring first; NULL keeps the stored one (a new account that needs a
 * secret fails with BYLINE_ERROR_INVALID then). */
void               byline_accounts_save_async  (BylineAccounts    *self,
                                                BylineAccount     *account,
                                                const char        *secret,
                                                GCancellable      *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer           user_data);
gboolean           byline_accounts_save_finish (BylineAccounts    *self,
                                                GAsyncResult      *result,
                                                GError           **error);
/* Forgets the account and its secret. */
void               byline_accounts_remove_async  (BylineAccounts    *self,
                                                  const char        *name,
                                                  GCancellable      *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer           user_data);
gboolean           byline_accounts_remove_finish (BylineAccounts    *self,
                                                  GAsyncResult      *result,
                                                  GError           **error);

/* The destination of account @name, with its secret from the keyring.
 * BYLINE_ERROR_NOT_FOUND for no such account, BYLINE_ERROR_AUTH when the
 * keyring has no secret for it, BYLINE_ERROR_UNSUPPORTED_FORMAT for a kind
 * this version cannot send to. */
void               byline_accounts_create_destination_async  (BylineAccounts      *self,
                                                              const char          *name,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
BylineDestination *byline_accounts_create_destination_finish (BylineAccounts      *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);

/* TRUE when the keyring holds a secret for account @name (never returns it). */
void               byline_accounts_has_secret_async  (BylineAccounts      *self,
                                                      const char          *name,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean           byline_accounts_has_secret_finish (BylineAccounts      *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
