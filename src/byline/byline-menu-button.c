/* byline-menu-button.c — menu buttons whose popover is made when first opened
 *
 * gtk_menu_button_set_menu_model() makes the GtkPopoverMenu at once, with a
 * widget per item: about 6 M instructions a button, more than the rest of a
 * caption row.  A button given its model through the create-popup function
 * makes it only when it first opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-menu-button.h"

static void
set_menu (GtkMenuButton *button,
          gpointer       model)
{
  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;
  gtk_menu_button_set_menu_model (button, model);
  /* A button at the end of its bar opens its menu towards the window's
   * middle, not over the window's edge (a narrow window, a phone). */
  if (gtk_widget_get_halign (GTK_WIDGET (button)) == GTK_ALIGN_END)
    gtk_widget_set_halign (GTK_WIDGET (gtk_menu_button_get_popover (button)), GTK_ALIGN_END);
}

void
byline_menu_button_set_menu_on_first_use (GtkMenuButton *button,
                                          GMenuModel    *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  gtk_menu_button_set_create_popup_func (button, set_menu, g_object_ref (model), g_object_unref);
}
