/* byline-accounts-page.h — Preferences: where stories can be sent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_ACCOUNTS_PAGE (byline_accounts_page_get_type ())

G_DECLARE_FINAL_TYPE (BylineAccountsPage, byline_accounts_page, BYLINE, ACCOUNTS_PAGE, AdwPreferencesPage)

AdwPreferencesPage *byline_accounts_page_new      (BylinePublisher    *publisher);
/* The list of accounts, one activatable row each (tests, screenshots). */
GtkListBox         *byline_accounts_page_get_list (BylineAccountsPage *self);

G_END_DECLS
