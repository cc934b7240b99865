/* byline-account-dialog.h — add or edit one account: name, kind, address,
 * user and secret (to the keyring only); test it; remove it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"
#include "byline-accounts.h"
#include "byline-outbox.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_ACCOUNT_DIALOG (byline_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BylineAccountDialog, byline_account_dialog, BYLINE, ACCOUNT_DIALOG, AdwDialog)

/* @account NULL: a new account. */
AdwDialog  *byline_account_dialog_new         (BylinePublisher     *publisher,
                                               BylineAccount       *account);
/* TRUE while saving, testing or removing. */
gboolean    byline_account_dialog_is_busy     (BylineAccountDialog *self);
/* What the last save or test said ("" before). */
const char *byline_account_dialog_get_result  (BylineAccountDialog *self);
/* TRUE once the account was saved from this dialog. */
gboolean    byline_account_dialog_get_saved   (BylineAccountDialog *self);
/* Opens the account of @job, whose token or password was refused or is
 * missing; once it is saved there, a failed @job is sent again. */
void        byline_account_dialog_present_for_job (BylinePublisher *publisher,
                                                   BylineOutboxJob *job,
                                                   GtkWidget       *parent);

G_END_DECLS
