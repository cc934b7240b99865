/* byline-preferences-dialog.h — Preferences, over the GSettings schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PREFERENCES_DIALOG (byline_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BylinePreferencesDialog, byline_preferences_dialog, BYLINE, PREFERENCES_DIALOG, AdwPreferencesDialog)

AdwDialog *byline_preferences_dialog_new           (void);
/* Adds the Accounts page, over @publisher's accounts. */
void       byline_preferences_dialog_set_publisher (BylinePreferencesDialog *self,
                                                    BylinePublisher         *publisher);

G_END_DECLS
