/* byline-window-checks.c — the checklist in the window: showing where a finding is
 *
 * The checklist knows findings, not widgets; the window, which holds every
 * section, turns a finding's place into the widget that shows it and selects
 * the range there.  The find bar's matches in the pictures are shown the
 * same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include "byline-article-editor.h"
#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-caption-panel.h"
#include "byline-caption-row.h"
#include "byline-checklist.h"
#include "byline-checklist-button.h"
#include "byline-document.h"
#include "byline-find-bar.h"
#include "byline-metadata-sidebar.h"
#include "byline-window-private.h"

static AdwOverlaySplitView *
checks_split (BylineWindow *self)
{
  return ADW_OVERLAY_SPLIT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (self), BYLINE_TYPE_WINDOW,
                                                                "checks_split"));
}

BylineChecklist *
_byline_window_get_checklist (BylineWindow *self)
{
  return BYLINE_CHECKLIST (gtk_widget_get_template_child (GTK_WIDGET (self), BYLINE_TYPE_WINDOW, "checklist"));
}

void
_byline_window_uncover_story (BylineWindow *self)
{
  if (adw_overlay_split_view_get_collapsed (checks_split (self)))
    adw_overlay_split_view_set_show_sidebar (checks_split (self), FALSE);
}

void
_byline_window_show_checklist (BylineWindow *self)
{
  byline_checklist_run (_byline_window_get_checklist (self));
  adw_overlay_split_view_set_show_sidebar (checks_split (self), TRUE);
}

/* With @grab, the keyboard goes there too; without, it stays where it is
 * (in the find bar's search) and the selection only shows. */
static void
select_in_text_view (GtkTextView *view,
                     guint        start,
                     guint        end,
                     gboolean     grab)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  if (start == end)
    gtk_text_buffer_get_end_iter (buffer, &b), a = b;
  if (grab)
    gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_select_range (buffer, &b, &a);
  gtk_text_view_scroll_to_iter (view, &a, 0.1, FALSE, 0, 0);
}

static void
select_in_editable (GtkEditable *editable,
                    guint        start,
                    guint        end,
                    gboolean     grab)
{
  if (grab)
    gtk_widget_grab_focus (GTK_WIDGET (editable));
  if (start < end)
    gtk_editable_select_region (editable, start, end);
  else
    gtk_editable_set_position (editable, -1);
}

static void
show_in_body (BylineWindow  *self,
              BylineFinding *finding)
{
  BylineBodyView *view = byline_article_editor_get_body_view (self->editor);
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (view);
  int block = byline_finding_get_block (finding);
  GtkTextIter a, b;

  if (block < 0)
    return;
  byline_article_editor_scroll_to_block (self->editor, block);
  byline_body_buffer_reach_block (buffer, &a, block, byline_finding_get_start (finding));
  byline_body_buffer_get_iter_at_block (buffer, &b, block, byline_finding_get_end (finding));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (buffer), &b, &a);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (view), &a, 0.1, FALSE, 0, 0);
}

/* Characters [start, end) of a picture's caption, credit or alt text,
 * selected in its row of the pictures panel, shown. */
static GtkWidget *
show_in_picture (BylineWindow *self,
                 BylineImage  *image,
                 BylineField   field,
                 guint         start,
                 guint         end,
                 gboolean      grab)
{
  BylineArticle *article = byline_document_get_article (self->document);
  BylineCaptionRow *row = NULL;
  GtkWidget *widget;

  if (image == NULL)
    return NULL;
  /* Narrow, the pictures cover the text and the find bar, and take the
   * keyboard from the search: the figure shows the match in the text, with
   * its caption and credit under it. */
  if (!grab && adw_overlay_split_view_get_collapsed (self->inner_split))
    {
      byline_document_set_selected_image (self->document, image);
      return NULL;
    }
  adw_overlay_split_view_set_show_sidebar (self->inner_split, TRUE);
  byline_document_set_selected_image (self->document, image);
  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    if (byline_article_get_image (article, i) == image)
      row = byline_caption_panel_get_row (self->caption_panel, i);
  if (row == NULL)
    return NULL;

  switch (field)
    {
    case BYLINE_FIELD_CREDIT:
      widget = GTK_WIDGET (byline_caption_row_get_credit_entry (row));
      break;
    case BYLINE_FIELD_ALT_TEXT:
      widget = GTK_WIDGET (byline_caption_row_get_alt_entry (row));
      break;
    case BYLINE_FIELD_CAPTION:
    default:
      widget = GTK_WIDGET (byline_caption_row_get_caption_view (row));
      break;
    }
  if (GTK_IS_TEXT_VIEW (widget))
    select_in_text_view (GTK_TEXT_VIEW (widget), start, end, grab);
  else
    select_in_editable (GTK_EDITABLE (widget), start, end, grab);
  return widget;
}

static void
show_in_pictures (BylineWindow  *self,
                  BylineFinding *finding)
{
  BylineArticle *article = byline_document_get_article (self->document);
  const char *image_id = byline_finding_get_image_id (finding);

  show_in_picture (self, image_id ? byline_article_find_image (article, image_id) : NULL,
                   byline_finding_get_field (finding), byline_finding_get_start (finding),
                   byline_finding_get_end (finding), TRUE);
}

/* The selection the find bar made in a picture's row, let go. */
static void
clear_find_selection (BylineWindow *self)
{
  GtkWidget *widget = self->find_selection;

  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter cursor;

      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      gtk_text_buffer_select_range (buffer, &cursor, &cursor);
    }
  else if (GTK_IS_EDITABLE (widget))
    gtk_editable_select_region (GTK_EDITABLE (widget), 0, 0);
  g_clear_weak_pointer (&self->find_selection);
}

/* The find bar's match in a picture's text: selected in its row, with the
 * keyboard left in the search (so that Enter goes on to the next) unless
 * the bar was put away; one at a time. */
static void
on_find_picture_match (BylineWindow *self,
                       BylineImage  *image,
                       int           field,
                       guint         start,
                       guint         end,
                       gboolean      grab)
{
  GtkWidget *shown;

  clear_find_selection (self);
  if (self->document == NULL || image == NULL)
    return;
  shown = show_in_picture (self, image, (BylineField) field, start, end, grab);
  if (shown != NULL && !grab)
    g_set_weak_pointer (&self->find_selection, shown);
}

void
_byline_window_init_checks (BylineWindow *self)
{
  g_signal_connect_object (byline_article_editor_get_find_bar (self->editor), "show-picture-match",
                           G_CALLBACK (on_find_picture_match), self, G_CONNECT_SWAPPED);
}

void
_byline_window_show_finding (BylineWindow    *self,
                             BylineFinding   *finding,
                             BylineChecklist *checklist)
{
  g_return_if_fail (BYLINE_IS_FINDING (finding));

  if (self->document == NULL)
    return;

  /* Narrow: the checklist covers the text it points to. */
  _byline_window_uncover_story (self);

  switch (byline_finding_get_field (finding))
    {
    case BYLINE_FIELD_HEADLINE:
      select_in_text_view (byline_article_editor_get_headline_view (self->editor),
                           byline_finding_get_start (finding), byline_finding_get_end (finding), TRUE);
      break;
    case BYLINE_FIELD_LEAD:
      select_in_text_view (byline_article_editor_get_lead_view (self->editor),
                           byline_finding_get_start (finding), byline_finding_get_end (finding), TRUE);
      break;
    case BYLINE_FIELD_BODY:
      show_in_body (self, finding);
      break;
    case BYLINE_FIELD_CAPTION:
    case BYLINE_FIELD_CREDIT:
    case BYLINE_FIELD_ALT_TEXT:
      show_in_pictures (self, finding);
      break;
    case BYLINE_FIELD_BYLINE:
    case BYLINE_FIELD_CATEGORY:
    case BYLINE_FIELD_PUBLISH_TIME:
      adw_overlay_split_view_set_show_sidebar (self->outer_split, TRUE);
      byline_metadata_sidebar_focus_field (self->metadata_sidebar, byline_finding_get_field (finding));
      break;
    case BYLINE_FIELD_ARTICLE:
    case BYLINE_FIELD_SOURCE:
    default:
      /* A picture-wide finding still names its picture; pictures not in
       * the story are added in the pictures panel. */
      if (byline_finding_get_image_id (finding) != NULL)
        show_in_pictures (self, finding);
      else if (g_str_equal (byline_finding_get_code (finding), "missing-pictures"))
        adw_overlay_split_view_set_show_sidebar (self->inner_split, TRUE);
      break;
    }
}

static void
toggle_checklist (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  AdwOverlaySplitView *split = checks_split (BYLINE_WINDOW (widget));

  adw_overlay_split_view_set_show_sidebar (split, !adw_overlay_split_view_get_show_sidebar (split));
}

/* F2 on a figure in the text, or a double click on it: the keyboard in its
 * caption, in the pictures panel (opened if it was put away), after the
 * caption's last word. */
static void
edit_caption_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  BylineImage *image = self->document ? byline_document_get_selected_image (self->document) : NULL;
  const char *caption;
  guint length;

  if (image == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  caption = byline_image_get_caption (image);
  length = caption != NULL ? g_utf8_strlen (caption, -1) : 0;
  show_in_picture (self, image, BYLINE_FIELD_CAPTION, length, length, TRUE);
}

void
_byline_window_class_init_checks (GtkWidgetClass *widget_class)
{
  g_type_ensure (BYLINE_TYPE_CHECKLIST);
  g_type_ensure (BYLINE_TYPE_CHECKLIST_BUTTON);
  /* Found with gtk_widget_get_template_child(), not kept in the window's struct. */
  gtk_widget_class_bind_template_child_full (widget_class, "checklist", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "checks_split", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "checks_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, _byline_window_show_finding);
  gtk_widget_class_install_action (widget_class, "win.checks", NULL, toggle_checklist);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.checks", NULL);
  gtk_widget_class_install_action (widget_class, "win.edit-caption", NULL, edit_caption_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit-caption", NULL);
}
