/* byline-widget-util.c — small things every widget of the window may need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-widget-util.h"

/* gtk_widget_set_tooltip_text(), only when the text changes: on a shown
 * widget GTK looks again for what is under the pointer each time, even for
 * the same text (56 M instructions for one caption row of a long story). */
void
byline_widget_set_tooltip (GtkWidget  *widget,
                           const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

GListModel *
byline_file_list_to_model (GdkFileList *list)
{
  GListStore *files = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = gdk_file_list_get_files (list); l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  return G_LIST_MODEL (files);
}

void
byline_widget_show_toast (GtkWidget *widget,
                          AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

gboolean
byline_widget_has_keyboard (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

char *
byline_widget_keep_together (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text != NULL ? text : "", " ", -1);

  return g_strjoinv ("\u00a0", words);
}
