/* byline-preview-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-article-preview.h"
#include "byline-preview-dialog.h"

struct _BylinePreviewDialog
{
  AdwDialog  parent_instance;
  GtkWidget *preview;
};

G_DEFINE_FINAL_TYPE (BylinePreviewDialog, byline_preview_dialog, ADW_TYPE_DIALOG)

static void
byline_preview_dialog_class_init (BylinePreviewDialogClass *klass)
{
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}

static void
byline_preview_dialog_init (BylinePreviewDialog *self)
{
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *print = gtk_button_new_from_icon_name ("document-print-symbolic");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "win.print");
  gtk_widget_set_tooltip_text (print, _("Print (Ctrl+P)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (print), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Print"), -1);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), print);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), header);

  self->preview = byline_article_preview_new ();
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), self->preview);

  adw_dialog_set_title (ADW_DIALOG (self), _("Preview"));
  adw_dialog_set_content_width (ADW_DIALOG (self), 760);
  adw_dialog_set_content_height (ADW_DIALOG (self), 900);
  adw_dialog_set_child (ADW_DIALOG (self), toolbar);
  /* Not the Print button, which Space, pressed to read on, would press. */
  adw_dialog_set_focus (ADW_DIALOG (self), self->preview);
}

AdwDialog *
byline_preview_dialog_new (BylineArticle *article)
{
  BylinePreviewDialog *self = g_object_new (BYLINE_TYPE_PREVIEW_DIALOG, NULL);

  byline_article_preview_set_article (BYLINE_ARTICLE_PREVIEW (self->preview), article);
  return ADW_DIALOG (self);
}
