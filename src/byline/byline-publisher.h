/* byline-publisher.h — the application's accounts and outbox, in one place
 *
 * One per application (the windows, the Preferences and the tests share it).
 * It loads the accounts and the outbox, resumes the jobs a previous run left,
 * opens the destinations they need (secrets from the keyring), and runs the
 * outbox in the application's process: it holds jobs while offline and retries
 * them by itself.  A send goes through byline_publisher_send(), which saves
 * the document first, so that what goes out is what the window shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"
#include "byline-accounts.h"
#include "byline-outbox.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PUBLISHER (byline_publisher_get_type ())

G_DECLARE_FINAL_TYPE (BylinePublisher, byline_publisher, BYLINE, PUBLISHER, GObject)

/* @accounts_file NULL: $XDG_CONFIG_HOME/byline/accounts.ini; @monitor NULL: the default. */
BylinePublisher *byline_publisher_new                 (BylineDraftStore    *store,
                                                       GFile               *accounts_file,
                                                       GNetworkMonitor     *monitor);
/* Reads the accounts (adding the folder account when there is none) and the
 * outbox, and starts sending.  A damaged accounts file is reported, and the
 * outbox runs all the same. */
gboolean         byline_publisher_start               (BylinePublisher     *self,
                                                       GError             **error);
void             byline_publisher_stop                (BylinePublisher     *self);
BylineDraftStore *byline_publisher_get_store          (BylinePublisher     *self);
BylineAccounts  *byline_publisher_get_accounts        (BylinePublisher     *self);
BylineOutbox    *byline_publisher_get_outbox          (BylinePublisher     *self);

/* The destination a send goes to unless told: the last one used, else the
 * first account; NULL when there is no account. */
char            *byline_publisher_dup_default_destination (BylinePublisher *self);

/* Saves the document, queues the job and remembers @destination as the default. */
BylineOutboxJob *byline_publisher_send                (BylinePublisher     *self,
                                                       BylineDocument      *document,
                                                       const char          *destination,
                                                       BylineStatus         status,
                                                       const char          *note,
                                                       GDateTime           *publish_at,
                                                       GError             **error);
/* The newest job of draft @draft_id, or NULL. */
BylineOutboxJob *byline_publisher_find_job            (BylinePublisher     *self,
                                                       const char          *draft_id);
/* Why jobs for @destination cannot go (no such account, no secret in the
 * keyring), or NULL. */
const char      *byline_publisher_get_problem         (BylinePublisher     *self,
                                                       const char          *destination);
/* @job is held up by its account's token or password (refused, or not in the
 * keyring): what to offer is the account's settings. */
gboolean         byline_publisher_job_needs_account   (BylinePublisher     *self,
                                                       BylineOutboxJob     *job);
/* A window's open document: when a send of its draft ends, the result is
 * noted in this copy (which autosaves) rather than behind its back on disk. */
void             byline_publisher_watch_document      (BylinePublisher     *self,
                                                       BylineDocument      *document);

/* Saves @account (and @secret, to the keyring; NULL keeps the stored one),
 * then opens its destination again for the outbox. */
void             byline_publisher_save_account_async  (BylinePublisher     *self,
                                                       BylineAccount       *account,
                                                       const char          *secret,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean         byline_publisher_save_account_finish (BylinePublisher     *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
/* "Test connection": who account @name is at its destination. */
void             byline_publisher_check_account_async (BylinePublisher     *self,
                                                       const char          *name,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
BylineIdentity  *byline_publisher_check_account_finish (BylinePublisher    *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
