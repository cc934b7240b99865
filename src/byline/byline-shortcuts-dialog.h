/* byline-shortcuts-dialog.h — every keyboard shortcut, grouped
 *
 * GtkShortcutsWindow is deprecated in GTK 4.18 and AdwShortcutsDialog needs
 * libadwaita 1.8: this is a small AdwDialog of rows with keycaps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_SHORTCUTS_DIALOG (byline_shortcuts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BylineShortcutsDialog, byline_shortcuts_dialog, BYLINE, SHORTCUTS_DIALOG, AdwDialog)

AdwDialog *byline_shortcuts_dialog_new (void);

G_END_DECLS
