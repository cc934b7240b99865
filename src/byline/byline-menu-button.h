/* byline-menu-button.h — menu buttons whose popover is made when first opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void byline_menu_button_set_menu_on_first_use (GtkMenuButton *button,
                                               GMenuModel    *model);

G_END_DECLS
