/* byline-article-editor-private.h — shared by the editor and its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-article-editor.h"
#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-find-bar.h"
#include "byline-story-page.h"

G_BEGIN_DECLS

struct _BylineArticleEditor
{
  GtkWidget          parent_instance;

  BylineDocument    *document;
  GSettings         *settings;
  BylineBodyBuffer  *body_buffer;
  guint              status_timeout;
  gboolean           updating_headline;
  gboolean           updating_lead;
  char              *status_text;

  /* Template widgets */
  GtkMenuButton     *style_button;
  GtkMenuButton     *more_button;
  GtkWidget         *toolbar_scroller;
  BylineFindBar     *find_bar;
  GtkScrolledWindow *scroller;
  BylineStoryPage   *page;
  GtkTextView       *headline_view;
  GtkLabel          *headline_count;
  GtkTextView       *lead_view;
  GtkLabel          *lead_count;
  BylineBodyView    *body_view;
  GtkLabel          *status_label;
};

/* byline-article-editor-actions.c */
void _byline_article_editor_class_init_actions (GtkWidgetClass      *widget_class);
void _byline_article_editor_init_actions       (BylineArticleEditor *self);
/* Enables and checks every action from the state of the document and cursor. */
void _byline_article_editor_update_actions     (BylineArticleEditor *self);

G_END_DECLS
