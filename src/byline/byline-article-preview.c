/* byline-article-preview.c
 *
 * A GtkTextView that is not editable, filled from the article each time it
 * changes: category, headline, date in the story's language style, lead,
 * body with its figures and captions, and the byline at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-article-preview.h"
#include "byline-sized-paintable.h"
#include "byline-thumbnailer.h"
#include "byline-widget-util.h"

#define PICTURE_WIDTH 560
#define PICTURE_MAX_HEIGHT 480
#define PAGE_WIDTH 720    /* the page, as the clamp keeps it */
#define PAGE_MARGIN 24    /* either side of the text */
/* The page's width at least: its pictures fit what it gets.  (Their 560 px
 * made the preview wider than a 360 px window, cut at its right edge.) */
#define MIN_WIDTH 240

struct _BylineArticlePreview
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkTextView   *view;
  BylineArticle *article;
  guint          refresh_idle;
  GPtrArray     *pictures;       /* GtkPicture, in the page */
  int            picture_width;  /* at most, in the width the page has */
};

G_DEFINE_FINAL_TYPE (BylineArticlePreview, byline_article_preview, GTK_TYPE_WIDGET)

char *
byline_article_dup_date_line (BylineArticle *article)
{
  GDateTime *when;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  when = byline_article_get_publish_time (article);
  if (when == NULL)
    when = byline_article_get_modified (article);
  if (when == NULL)
    when = byline_article_get_created (article);
  if (when == NULL)
    return g_strdup ("");
  return byline_format_date (when, BYLINE_DATE_FORMAT_FULL | BYLINE_DATE_FORMAT_ZONE,
                             byline_article_get_language (article));
}

static void
create_tags (GtkTextBuffer *buffer)
{
  gtk_text_buffer_create_tag (buffer, "kicker", "weight", PANGO_WEIGHT_BOLD, "scale", 0.8,
                              "foreground", "#e01b24", "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "headline", "family", "serif", "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.9, "pixels-below-lines", 10, NULL);
  gtk_text_buffer_create_tag (buffer, "meta", "scale", 0.85, "style", PANGO_STYLE_ITALIC,
                              "pixels-below-lines", 14, NULL);
  gtk_text_buffer_create_tag (buffer, "lead", "weight", PANGO_WEIGHT_BOLD, "scale", 1.05,
                              "pixels-below-lines", 14, NULL);
  gtk_text_buffer_create_tag (buffer, "paragraph", "family", "serif", "scale", 1.1,
                              "pixels-below-lines", 12, "pixels-inside-wrap", 4, NULL);
  gtk_text_buffer_create_tag (buffer, "heading1", "weight", PANGO_WEIGHT_BOLD, "scale", 1.3,
                              "pixels-above-lines", 8, "pixels-below-lines", 8, NULL);
  gtk_text_buffer_create_tag (buffer, "heading2", "weight", PANGO_WEIGHT_BOLD, "scale", 1.15,
                              "pixels-above-lines", 6, "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "quote", "family", "serif", "style", PANGO_STYLE_ITALIC,
                              "scale", 1.1, "left-margin", 32, "right-margin", 32,
                              "pixels-below-lines", 12, NULL);
  gtk_text_buffer_create_tag (buffer, "item", "family", "serif", "scale", 1.1, "left-margin", 24,
                              "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "figure", "justification", GTK_JUSTIFY_CENTER,
                              "pixels-above-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "caption", "style", PANGO_STYLE_ITALIC, "scale", 0.9,
                              "justification", GTK_JUSTIFY_CENTER,
                              "pixels-below-lines", 16, NULL);
  gtk_text_buffer_create_tag (buffer, "byline", "weight", PANGO_WEIGHT_BOLD,
                              "justification", GTK_JUSTIFY_RIGHT, "pixels-above-lines", 12, NULL);
  gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "link", "underline", PANGO_UNDERLINE_SINGLE,
                              "foreground", "#1c71d8", NULL);
}

static void
insert_line (GtkTextBuffer *buffer,
             GtkTextIter   *iter,
             const char    *text,
             const char    *tag)
{
  gtk_text_buffer_insert_with_tags_by_name (buffer, iter, text, -1, tag, NULL);
  gtk_text_buffer_insert_with_tags_by_name (buffer, iter, "\n", 1, tag, NULL);
}

static void
insert_text_block (GtkTextBuffer     *buffer,
                   GtkTextIter       *iter,
                   const BylineBlock *block,
                   guint              number)
{
  static const char *span_tags[] = {
    [BYLINE_SPAN_BOLD] = "bold",
    [BYLINE_SPAN_ITALIC] = "italic",
    [BYLINE_SPAN_LINK] = "link",
  };
  const char *tag;
  const BylineSpan *spans;
  guint n_spans;
  int start;
  g_autofree char *prefix = NULL;

  switch (byline_block_get_kind (block))
    {
    case BYLINE_BLOCK_HEADING1: tag = "heading1"; break;
    case BYLINE_BLOCK_HEADING2: tag = "heading2"; break;
    case BYLINE_BLOCK_QUOTE: tag = "quote"; break;
    case BYLINE_BLOCK_BULLETED_ITEM: tag = "item"; prefix = g_strdup ("•  "); break;
    case BYLINE_BLOCK_NUMBERED_ITEM: tag = "item"; prefix = g_strdup_printf ("%u.  ", number); break;
    case BYLINE_BLOCK_PARAGRAPH:
    default: tag = "paragraph"; break;
    }

  if (prefix != NULL)
    gtk_text_buffer_insert_with_tags_by_name (buffer, iter, prefix, -1, tag, NULL);
  start = gtk_text_iter_get_offset (iter);
  insert_line (buffer, iter, byline_block_get_text (block), tag);

  spans = byline_block_get_spans (block, &n_spans);
  for (guint i = 0; i < n_spans; i++)
    {
      GtkTextIter s, e;

      gtk_text_buffer_get_iter_at_offset (buffer, &s, start + spans[i].start);
      gtk_text_buffer_get_iter_at_offset (buffer, &e, start + spans[i].end);
      gtk_text_buffer_apply_tag_by_name (buffer, span_tags[spans[i].kind], &s, &e);
    }
}

/* @picture's size in whole pixels: whole and never enlarged, as a page
 * shows it, at most @max_width wide. */
static void
fit_picture (GtkWidget *picture,
             int        max_width,
             int       *width,
             int       *height)
{
  double w, h;

  byline_picture_fit (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (picture), "image-width")),
                      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (picture), "image-height")),
                      max_width, PICTURE_MAX_HEIGHT, 1, &w, &h);
  *width = MAX (1, (int) (w + 0.5));
  *height = MAX (1, (int) (h + 0.5));
}

static void
size_picture (BylineArticlePreview *self,
              GtkWidget            *picture)
{
  int width, height;

  fit_picture (picture, self->picture_width, &width, &height);
  gtk_widget_set_size_request (picture, width, height);
}

static void
on_picture_loaded (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GdkTexture) texture = byline_thumbnailer_load_finish (BYLINE_THUMBNAILER (object), result, NULL);

  int width, height;

  if (texture == NULL)
    return;
  /* Decoded for the screen's pixels at its widest, shown at the size asked
   * for (size_picture()). */
  fit_picture (GTK_WIDGET (picture), PICTURE_WIDTH, &width, &height);
  {
    g_autoptr(GdkPaintable) sized = byline_sized_paintable_new (GDK_PAINTABLE (texture), width, height);

    gtk_picture_set_paintable (picture, sized);
  }
}

static void
insert_figure (BylineArticlePreview *self,
               GtkTextBuffer        *buffer,
               GtkTextIter          *iter,
               BylineImage          *image)
{
  GtkTextChildAnchor *anchor;
  GtkWidget *picture = gtk_picture_new ();
  GFile *file = byline_image_get_file (image);
  g_autofree char *caption = NULL;
  int width, height;

  /* Decoded at its widest; as wide as the page has room for. */
  g_object_set_data (G_OBJECT (picture), "image-width", GUINT_TO_POINTER (byline_image_get_width (image)));
  g_object_set_data (G_OBJECT (picture), "image-height", GUINT_TO_POINTER (byline_image_get_height (image)));
  fit_picture (picture, PICTURE_WIDTH, &width, &height);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  size_picture (self, picture);
  g_ptr_array_add (self->pictures, g_object_ref (picture));
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), byline_image_get_alt_text (image));
  if (file != NULL)
    byline_thumbnailer_load_async (byline_thumbnailer_get_default (), file,
                                   MAX (width, height) * gtk_widget_get_scale_factor (GTK_WIDGET (self->view)),
                                   FALSE, NULL, on_picture_loaded, g_object_ref (picture));

  anchor = gtk_text_buffer_create_child_anchor (buffer, iter);
  gtk_text_view_add_child_at_anchor (self->view, picture, anchor);
  gtk_text_buffer_insert_with_tags_by_name (buffer, iter, "\n", 1, "figure", NULL);
  {
    GtkTextIter s = *iter;

    gtk_text_iter_backward_chars (&s, 2);
    gtk_text_buffer_apply_tag_by_name (buffer, "figure", &s, iter);
  }

  if (!byline_text_is_blank (byline_image_get_credit (image)))
    caption = g_strdup_printf ("%s (%s)", byline_image_get_caption (image), byline_image_get_credit (image));
  else
    caption = g_strdup (byline_image_get_caption (image));
  insert_line (buffer, iter, caption, "caption");
}

static void
refresh (BylineArticlePreview *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  BylineArticle *article = self->article;
  BylineBody *body;
  GtkTextIter iter;
  g_autofree char *date = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *meta = NULL;
  guint number = 0;

  g_ptr_array_set_size (self->pictures, 0);
  gtk_text_buffer_set_text (buffer, "", 0);
  if (article == NULL)
    return;

  gtk_text_buffer_get_end_iter (buffer, &iter);
  if (!byline_text_is_blank (byline_article_get_category (article)))
    {
      g_autofree char *kicker = g_utf8_strup (byline_article_get_category (article), -1);
      insert_line (buffer, &iter, kicker, "kicker");
    }
  insert_line (buffer, &iter,
               byline_text_is_blank (byline_article_get_headline (article))
                 ? _("Untitled Story") : byline_article_get_headline (article),
               "headline");

  date = byline_article_dup_date_line (article);
  if (!byline_text_is_blank (byline_article_get_dateline (article)))
    meta = g_strdup_printf ("%s — %s", byline_article_get_dateline (article), date);
  else
    meta = g_strdup (date);
  insert_line (buffer, &iter, meta, "meta");

  if (!byline_text_is_blank (byline_article_get_lead (article)))
    {
      /* The source prefix opens the lead, "(BLC) - Đêm qua…", as published. */
      g_autofree char *lead = byline_text_prefix_lead (byline_article_get_lead (article),
                                                       byline_article_get_source_prefix (article));

      insert_line (buffer, &iter, lead, "lead");
    }

  body = byline_article_get_body (article);
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);
      BylineBlockKind kind = byline_block_get_kind (block);

      number = kind == BYLINE_BLOCK_NUMBERED_ITEM ? number + 1 : 0;
      if (kind == BYLINE_BLOCK_IMAGE)
        {
          BylineImage *image = byline_article_find_image (article, byline_block_get_image_id (block));

          if (image != NULL)
            insert_figure (self, buffer, &iter, image);
        }
      else
        insert_text_block (buffer, &iter, block, number);
    }

  byline = byline_article_dup_byline (article);
  if (!byline_text_is_blank (byline))
    gtk_text_buffer_insert_with_tags_by_name (buffer, &iter, byline, -1, "byline", NULL);
}

static gboolean
on_refresh_idle (gpointer data)
{
  BylineArticlePreview *self = data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_article_changed (BylineArticlePreview *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_timeout_add (300, on_refresh_idle, self);
}

void
byline_article_preview_set_article (BylineArticlePreview *self,
                                    BylineArticle        *article)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_PREVIEW (self));
  g_return_if_fail (article == NULL || BYLINE_IS_ARTICLE (article));

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_data (self->article, self);
  g_set_object (&self->article, article);
  if (article != NULL)
    g_signal_connect_swapped (article, "changed", G_CALLBACK (on_article_changed), self);
  refresh (self);
}

BylineArticle *
byline_article_preview_get_article (BylineArticlePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_PREVIEW (self), NULL);
  return self->article;
}

char *
byline_article_preview_dup_text (BylineArticlePreview *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (BYLINE_IS_ARTICLE_PREVIEW (self), NULL);

  if (self->refresh_idle != 0)
    {
      g_clear_handle_id (&self->refresh_idle, g_source_remove);
      refresh (self);
    }
  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
byline_article_preview_dispose (GObject *object)
{
  BylineArticlePreview *self = BYLINE_ARTICLE_PREVIEW (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_data (self->article, self);
  g_clear_object (&self->article);
  g_clear_pointer (&self->pictures, g_ptr_array_unref);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (byline_article_preview_parent_class)->dispose (object);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BylineArticlePreview *self = BYLINE_ARTICLE_PREVIEW (widget);

  g_signal_emit_by_name (self->view, "move-cursor", GTK_MOVEMENT_PAGES, g_variant_get_int32 (param), FALSE);
}

static void
byline_article_preview_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  BylineArticlePreview *self = BYLINE_ARTICLE_PREVIEW (widget);

  gtk_widget_measure (self->scroller, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  /* Its pictures shrink to what it gets (size_allocate). */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = MIN (*minimum, MIN_WIDTH);
}

static void
byline_article_preview_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  BylineArticlePreview *self = BYLINE_ARTICLE_PREVIEW (widget);
  int picture_width = CLAMP (MIN (width, PAGE_WIDTH) - 2 * PAGE_MARGIN, 1, PICTURE_WIDTH);

  /* The pictures learn their width before the page is laid out in it. */
  if (picture_width != self->picture_width)
    {
      self->picture_width = picture_width;
      for (guint i = 0; i < self->pictures->len; i++)
        size_picture (self, g_ptr_array_index (self->pictures, i));
    }
  gtk_widget_allocate (self->scroller, width, height, baseline, NULL);
}

/* The page, not the buttons around it, has the keyboard. */
static gboolean
byline_article_preview_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BYLINE_ARTICLE_PREVIEW (widget)->view));
}

static void
byline_article_preview_class_init (BylineArticlePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_article_preview_dispose;
  widget_class->grab_focus = byline_article_preview_grab_focus;
  widget_class->measure = byline_article_preview_measure;
  widget_class->size_allocate = byline_article_preview_size_allocate;
  /* Read as a page: the keyboard scrolls it (arrows and Page Up/Down, which
   * GtkTextView scrolls with when it shows no cursor), Space too, as in a browser. */
  gtk_widget_class_install_action (widget_class, "preview.page", "i", page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "preview.page", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_SHIFT_MASK, "preview.page", "i", -1);
  gtk_widget_class_set_css_name (widget_class, "articlepreview");
}

static void
byline_article_preview_init (BylineArticlePreview *self)
{
  GtkWidget *clamp;

  self->pictures = g_ptr_array_new_with_free_func (g_object_unref);
  self->picture_width = PICTURE_WIDTH;
  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->view, FALSE);
  gtk_text_view_set_cursor_visible (self->view, FALSE);
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->view, 32);
  gtk_text_view_set_bottom_margin (self->view, 48);
  gtk_text_view_set_left_margin (self->view, PAGE_MARGIN);
  gtk_text_view_set_right_margin (self->view, PAGE_MARGIN);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "preview-page");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview of the story"), -1);
  create_tags (gtk_text_view_get_buffer (self->view));
  /* Shown on a screen of another scale: its pictures decoded again. */
  g_signal_connect_swapped (self->view, "notify::scale-factor", G_CALLBACK (on_article_changed), self);

  /* The view scrolls itself (keyboard scrolling, and only what shows is drawn). */
  clamp = adw_clamp_scrollable_new ();
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), PAGE_WIDTH);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), GTK_WIDGET (self->view));

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
byline_article_preview_new (void)
{
  return g_object_new (BYLINE_TYPE_ARTICLE_PREVIEW, NULL);
}
