/* byline-body-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-body-view-private.h"
#include "byline-web-picture.h"
#include "byline-widget-util.h"
#include "byline-document.h"
#include "byline-figure.h"
#include "byline-text-field.h"

#define MARKER_GUTTER 32

struct _BylineBodyView
{
  GtkSourceView     parent_instance;

  BylineBodyBuffer *buffer;
  BylineDocument   *document;
  GPtrArray        *figures;        /* BylineFigure, weak */
  PangoLayout      *marker_layout;
  int               figure_width;
  guint             onscreen_idle;
  GtkAdjustment    *scroll;         /* the view's own, watched for figures */
  GtkTextMark      *scroll_mark;
  guint             rescroll_idle;
  gboolean          rescroll_to_block;
  int               rescroll_y;     /* where the block was at the last look */
  guint             rescroll_looks; /* left before giving up on it settling */
  gboolean          can_undo;       /* the context menu's Undo and Redo */
  gboolean          can_redo;
  int               drop_block;     /* where a block dragged over goes, or -1 */
};

G_DEFINE_FINAL_TYPE (BylineBodyView, byline_body_view, GTK_SOURCE_TYPE_VIEW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ figures */

static BylineImage *
find_image (BylineBodyView *self,
            const char     *image_id)
{
  if (self->document == NULL)
    return NULL;
  return byline_article_find_image (byline_document_get_article (self->document), image_id);
}

static void
on_figure_gone (gpointer  data,
                GObject  *where)
{
  BylineBodyView *self = data;

  g_ptr_array_remove_fast (self->figures, where);
}

static void
on_figure_activate (BylineBodyView *self,
                    BylineFigure   *figure)
{
  int block = byline_body_buffer_find_image (self->buffer, byline_figure_get_image_id (figure));
  GtkTextIter iter;

  if (block < 0)
    return;
  byline_body_buffer_get_iter_at_block (self->buffer, &iter, block, 0);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->buffer), &iter);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void queue_update_figures_onscreen (BylineBodyView *self);

static void
on_anchor_added (BylineBodyView     *self,
                 GtkTextChildAnchor *anchor,
                 const char         *image_id)
{
  GtkWidget *figure = byline_figure_new (image_id);
  BylineImage *selected = self->document ? byline_document_get_selected_image (self->document) : NULL;

  byline_figure_set_image (BYLINE_FIGURE (figure), find_image (self, image_id));
  byline_figure_set_available_width (BYLINE_FIGURE (figure), self->figure_width);
  byline_figure_set_selected (BYLINE_FIGURE (figure),
                              selected != NULL && g_strcmp0 (byline_image_get_id (selected), image_id) == 0);
  g_signal_connect_object (figure, "activate", G_CALLBACK (on_figure_activate), self, G_CONNECT_SWAPPED);
  _byline_body_view_add_figure_drag (self, BYLINE_FIGURE (figure));

  g_ptr_array_add (self->figures, figure);
  g_object_weak_ref (G_OBJECT (figure), on_figure_gone, self);
  g_object_set_data_full (G_OBJECT (figure), "byline-anchor", g_object_ref (anchor), g_object_unref);
  gtk_text_view_add_child_at_anchor (GTK_TEXT_VIEW (self), figure, anchor);
  queue_update_figures_onscreen (self);
}

static void
on_images_changed (BylineBodyView *self)
{
  /* A picture removed (or put back) changes what its figures show. */
  for (guint i = 0; i < self->figures->len; i++)
    {
      BylineFigure *figure = g_ptr_array_index (self->figures, i);

      byline_figure_set_image (figure, find_image (self, byline_figure_get_image_id (figure)));
    }
}

static void
on_selected_image_changed (BylineBodyView *self)
{
  BylineImage *selected = byline_document_get_selected_image (self->document);

  for (guint i = 0; i < self->figures->len; i++)
    {
      BylineFigure *figure = g_ptr_array_index (self->figures, i);

      byline_figure_set_selected (figure, selected != NULL
                                  && g_strcmp0 (byline_image_get_id (selected),
                                                byline_figure_get_image_id (figure)) == 0);
    }
}

static void
on_cursor_moved (BylineBodyView *self)
{
  guint block;
  const BylineBlock *b;
  BylineImage *image;

  if (self->document == NULL || !byline_body_buffer_locate_cursor (self->buffer, &block, NULL))
    return;
  b = byline_body_get_block (byline_body_buffer_get_body (self->buffer), block);
  /* GTK draws the caret as tall as its line, and as wide as a twenty-fifth of
   * that: beside a figure, a grey bar the figure's height.  The figure's own
   * outline shows where the cursor is instead. */
  if (byline_block_get_kind (b) != BYLINE_BLOCK_IMAGE)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "at-figure");
      return;
    }
  gtk_widget_add_css_class (GTK_WIDGET (self), "at-figure");
  image = find_image (self, byline_block_get_image_id (b));
  if (image != NULL)
    byline_document_set_selected_image (self->document, image);
}

/* Figures within a screen's height of what shows decode their picture; the
 * others let theirs go.  Where a figure is comes from its line in the
 * layout (an estimate until GtkTextView lays it out), not from the figure's
 * allocation, which GtkTextView gives only to figures it has placed. */
static gboolean
update_figures_onscreen (gpointer data)
{
  BylineBodyView *self = data;
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;

  self->onscreen_idle = 0;
  gtk_text_view_get_visible_rect (view, &visible);
  for (guint i = 0; i < self->figures->len; i++)
    {
      GtkWidget *figure = g_ptr_array_index (self->figures, i);
      GtkTextChildAnchor *anchor = g_object_get_data (G_OBJECT (figure), "byline-anchor");
      GtkTextIter iter;
      int y, height;
      gboolean near = FALSE;

      if (anchor != NULL && !gtk_text_child_anchor_get_deleted (anchor)
          && gtk_widget_get_mapped (figure))
        {
          gtk_text_buffer_get_iter_at_child_anchor (GTK_TEXT_BUFFER (self->buffer), &iter, anchor);
          gtk_text_view_get_line_yrange (view, &iter, &y, &height);
          near = y + height >= visible.y - visible.height
                 && y <= visible.y + 2 * visible.height;
        }
      byline_figure_set_onscreen (BYLINE_FIGURE (figure), near);
    }
  return G_SOURCE_REMOVE;
}

static void
queue_update_figures_onscreen (BylineBodyView *self)
{
  /* After the frame that placed them. */
  if (self->onscreen_idle == 0)
    self->onscreen_idle = g_idle_add (update_figures_onscreen, self);
}

static void
watch_scroll (BylineBodyView *self)
{
  GtkAdjustment *scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

  if (scroll == self->scroll)
    return;
  if (self->scroll != NULL)
    g_signal_handlers_disconnect_by_func (self->scroll, queue_update_figures_onscreen, self);
  g_set_object (&self->scroll, scroll);
  if (scroll != NULL)
    g_signal_connect_object (scroll, "value-changed",
                             G_CALLBACK (queue_update_figures_onscreen), self, G_CONNECT_SWAPPED);
}

static void
byline_body_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  BylineBodyView *self = BYLINE_BODY_VIEW (widget);
  int figure_width;

  /* The figures learn their width before GtkTextView places them, so that
   * each is measured once, at that width, in this frame.  The resize they
   * queue makes GTK lay out once more before it paints, which is cheap: only
   * the line of widgets above the view measures again. */
  figure_width = width
                 - gtk_text_view_get_left_margin (GTK_TEXT_VIEW (self))
                 - gtk_text_view_get_right_margin (GTK_TEXT_VIEW (self))
                 - 8;
  if (figure_width != self->figure_width)
    {
      self->figure_width = figure_width;
      for (guint i = 0; i < self->figures->len; i++)
        byline_figure_set_available_width (g_ptr_array_index (self->figures, i), figure_width);
    }

  GTK_WIDGET_CLASS (byline_body_view_parent_class)->size_allocate (widget, width, height, baseline);
  watch_scroll (self);
  queue_update_figures_onscreen (self);
}

/* ----------------------------------------------------------- list markers */

static void
draw_marker (BylineBodyView *self,
             GtkSnapshot    *snapshot,
             const char     *text,
             int             y,
             const GdkRGBA  *color)
{
  int width, height;

  pango_layout_set_text (self->marker_layout, text, -1);
  pango_layout_get_pixel_size (self->marker_layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (MARKER_GUTTER - 8 - width, y));
  gtk_snapshot_append_layout (snapshot, self->marker_layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Where a picture or paragraphs dragged over the text will go: a line
 * between two blocks, in the accent colour, as wide as the text. */
static void
draw_drop_line (BylineBodyView *self,
                GtkSnapshot    *snapshot)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  BylineBody *body = byline_body_buffer_get_body (self->buffer);
  GdkRGBA *accent = adw_style_manager_get_accent_color_rgba (adw_style_manager_get_default ());
  GtkTextIter iter;
  int y, height, left, right;

  if ((guint) self->drop_block < byline_body_get_n_blocks (body))
    {
      byline_body_buffer_get_iter_at_block (self->buffer, &iter, self->drop_block, 0);
      gtk_text_view_get_line_yrange (view, &iter, &y, &height);
      /* In the middle of the space above the block. */
      y -= gtk_text_view_get_pixels_below_lines (view) / 2;
    }
  else
    {
      gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (self->buffer), &iter);
      gtk_text_view_get_line_yrange (view, &iter, &y, &height);
      y += height - gtk_text_view_get_pixels_below_lines (view) / 2;
    }
  left = gtk_text_view_get_left_margin (view);
  right = MAX (left + 1, gtk_widget_get_width (GTK_WIDGET (self)) - gtk_text_view_get_right_margin (view));
  gtk_snapshot_append_color (snapshot, accent, &GRAPHENE_RECT_INIT (left, MAX (0, y - 1), right - left, 3));
  gdk_rgba_free (accent);
}

static void
byline_body_view_snapshot_layer (GtkTextView      *text_view,
                                 GtkTextViewLayer  layer,
                                 GtkSnapshot      *snapshot)
{
  BylineBodyView *self = BYLINE_BODY_VIEW (text_view);
  BylineBody *body = byline_body_buffer_get_body (self->buffer);
  GdkRectangle visible;
  GdkRGBA color, bar;
  guint number = 0;
  guint n;

  GTK_TEXT_VIEW_CLASS (byline_body_view_parent_class)->snapshot_layer (text_view, layer, snapshot);

  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    byline_text_view_draw_placeholder (text_view, snapshot, _("Write the story…"));
  if (layer != GTK_TEXT_VIEW_LAYER_ABOVE_TEXT || body == NULL)
    return;
  if (self->drop_block >= 0)
    draw_drop_line (self, snapshot);

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_widget_get_color (GTK_WIDGET (self), &color);
  bar = color;
  bar.alpha = 0.25;
  color.alpha *= 0.75;

  if (self->marker_layout == NULL)
    self->marker_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

  n = byline_body_get_n_blocks (body);
  for (guint i = 0; i < n; i++)
    {
      BylineBlockKind kind = byline_block_get_kind (byline_body_get_block (body, i));
      GtkTextIter iter;
      int y, height;

      number = kind == BYLINE_BLOCK_NUMBERED_ITEM ? number + 1 : 0;
      if (kind != BYLINE_BLOCK_NUMBERED_ITEM && kind != BYLINE_BLOCK_BULLETED_ITEM
          && kind != BYLINE_BLOCK_QUOTE)
        continue;

      gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (self->buffer), &iter, i);
      gtk_text_view_get_line_yrange (text_view, &iter, &y, &height);
      if (y + height < visible.y || y > visible.y + visible.height)
        continue;

      if (kind == BYLINE_BLOCK_QUOTE)
        {
          gtk_snapshot_append_color (snapshot, &bar,
                                     &GRAPHENE_RECT_INIT (10, y + 2, 4, MAX (height - 4, 4)));
        }
      else if (kind == BYLINE_BLOCK_BULLETED_ITEM)
        draw_marker (self, snapshot, "•", y, &color);
      else
        {
          char label[16];

          g_snprintf (label, sizeof label, "%u.", number);
          draw_marker (self, snapshot, label, y, &color);
        }
    }
}

guint
_byline_body_view_get_block_at (BylineBodyView *self,
                                double          x,
                                double          y)
{
  GtkTextIter iter, start, end;
  int bx, by, trailing = 0, line_y, height, length;
  guint block = 0, offset = 0;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  gtk_text_view_get_iter_at_position (GTK_TEXT_VIEW (self), &iter, &trailing, bx, by);
  if (!byline_body_buffer_locate (self->buffer, &iter, &block, &offset))
    return 0;
  start = end = iter;
  gtk_text_iter_set_line_offset (&start, 0);
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  length = gtk_text_iter_get_line_offset (&end);
  if (length > 1)
    {
      /* Over the first half of a paragraph, in reading order, before it;
       * over its second half, after it: never into it, cutting a word. */
      return (offset + (trailing > 0)) * 2 < (guint) length ? block : block + 1;
    }
  /* A figure, an empty line: by the half it is over. */
  gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (self), &start, &line_y, &height);
  return by < line_y + height / 2 ? block : block + 1;
}

int
_byline_body_view_get_paragraph_at (BylineBodyView *self,
                                    double          x,
                                    double          y)
{
  BylineDocument *document = self->document;
  GtkTextIter iter;
  int bx, by, trailing = 0;
  guint block = 0, offset = 0;

  if (document == NULL)
    return -1;
  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  gtk_text_view_get_iter_at_position (GTK_TEXT_VIEW (self), &iter, &trailing, bx, by);
  if (!byline_body_buffer_locate (self->buffer, &iter, &block, &offset))
    return -1;
  return byline_block_get_kind (byline_body_get_block (byline_article_get_body (byline_document_get_article (document)),
                                                       block)) == BYLINE_BLOCK_PARAGRAPH ? (int) block : -1;
}

void
_byline_body_view_show_drop_block (BylineBodyView *self,
                                   int             block)
{
  block = MAX (block, -1);
  if (block == self->drop_block)
    return;
  self->drop_block = block;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
_byline_body_view_get_drop_block (BylineBodyView *self)
{
  return self->drop_block;
}

/* A story's file (a page, text, a draft or ninjs, a Word or LibreOffice
 * document), by its
 * name: dropped on the text, it opens as a story, it does not go in as a
 * picture. */
static gboolean
is_story_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *type = g_content_type_guess (name, NULL, 0, NULL);

  /* A web address goes where pictures go; a page's opens as a story from
   * there (byline-body-view-pictures.c). */
  if (byline_web_picture_is_web (file))
    return FALSE;
  return g_content_type_is_a (type, "text/plain")
         || g_content_type_is_a (type, "text/html")
         || g_content_type_is_a (type, "application/json")
         || g_content_type_is_a (type, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
         || g_content_type_is_a (type, "application/vnd.oasis.opendocument.text")
         || g_content_type_is_a (type, "application/msword")
         || g_content_type_is_a (type, "application/rtf")
         || g_str_has_suffix (name, ".docx") || g_str_has_suffix (name, ".odt") || g_str_has_suffix (name, ".doc")
         || g_str_has_suffix (name, ".rtf")
         || g_str_has_suffix (name, ".json");
}

static gboolean
has_story_file (GListModel *files)
{
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      if (is_story_file (file))
        return TRUE;
    }
  return FALSE;
}

/* Pictures show where they will go; a story opens, it goes nowhere in this one. */
static GdkDragAction
on_files_motion (GtkDropTarget  *target,
                 double          x,
                 double          y,
                 BylineBodyView *self)
{
  const GValue *value = gtk_drop_target_get_value (target);
  g_autoptr(GListModel) files = NULL;

  if (value == NULL)
    return GDK_ACTION_COPY;
  files = byline_file_list_to_model (g_value_get_boxed (value));
  if (has_story_file (files))
    {
      _byline_body_view_show_drop_block (self, -1);
      return GDK_ACTION_COPY;
    }
  return _byline_body_view_on_block_motion (target, x, y, self);
}

static gboolean
on_drop (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         BylineBodyView *self)
{
  g_autoptr(GListModel) dropped = byline_file_list_to_model (g_value_get_boxed (value));

  _byline_body_view_show_drop_block (self, -1);
  /* With a story among them, all open as stories (a picture among them is
   * refused with the reason): pictures going into a story that a story
   * dropped with them replaces would be lost. */
  if (has_story_file (dropped))
    {
      g_autoptr(GStrvBuilder) uris = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (dropped); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (dropped, i);

          g_strv_builder_take (uris, g_file_get_uri (file));
        }
      strv = g_strv_builder_end (uris);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.open-uris", "^as", strv);
      return TRUE;
    }

  /* Dropped on a caption kept as text, a missing picture's: it goes there. */
  _byline_body_view_insert_pictures_within (self, dropped, _byline_body_view_get_block_at (self, x, y),
                                            _byline_body_view_get_paragraph_at (self, x, y));
  return TRUE;
}

/* Pictures, a word processor's document, a web page: byline-body-view-paste.c.
 * Plain text is GtkTextView's to paste; the buffer turns it into blocks. */
static void
on_paste_clipboard (BylineBodyView *self)
{
  if (_byline_body_view_paste_clipboard (self))
    g_signal_stop_emission_by_name (self, "paste-clipboard");
}

/* A story's pictures go with its text to another story (byline-clip.h). */
static void
on_copy_clipboard (BylineBodyView *self)
{
  if (_byline_body_view_copy_clipboard (self, FALSE))
    g_signal_stop_emission_by_name (self, "copy-clipboard");
}

static void
on_cut_clipboard (BylineBodyView *self)
{
  if (_byline_body_view_copy_clipboard (self, TRUE))
    g_signal_stop_emission_by_name (self, "cut-clipboard");
}

/* Alt+Up and Alt+Down (GtkSourceView's "move-lines", which would move text
 * lines behind the body's back): the paragraphs and figures of the
 * selection, or the cursor's, move up or down past the next block, their
 * styles and pictures with them, one undo step each; the keyboard's way to
 * do what dragging them does. */
static void
on_move_lines (GtkSourceView *view,
               gboolean       down)
{
  BylineBodyView *self = BYLINE_BODY_VIEW (view);

  g_signal_stop_emission_by_name (view, "move-lines");
  if (self->document == NULL || !gtk_text_view_get_editable (GTK_TEXT_VIEW (self)))
    return;
  if (byline_body_buffer_move_selected_blocks (self->buffer, down))
    gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self),
                                        gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->buffer)));
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
refuse_move_words (GtkSourceView *view,
                   int            step)
{
  g_signal_stop_emission_by_name (view, "move-words");
}

/* Going to the end, or selecting all, needs the whole of a long story. */
static void
on_move_cursor (BylineBodyView  *self,
                GtkMovementStep  step,
                int              count,
                gboolean         extend)
{
  if (step == GTK_MOVEMENT_BUFFER_ENDS && count > 0)
    byline_body_buffer_show_all (self->buffer);
}

static void
on_select_all (BylineBodyView *self,
               gboolean        select)
{
  if (select)
    byline_body_buffer_show_all (self->buffer);
}

/* ------------------------------------------------------------------ public */

/* GtkTextView scrolls to a mark as soon as it has laid out the lines around
 * it, from estimates of the lines above, then lays those out bit by bit,
 * keeping the top line where it is: on a long story the target (a figure
 * scrolled to, the cursor after Ctrl+End) ends up out of sight.  Once
 * everything is laid out, it is brought back. */
/* Whether the line at @iter shows (its top, and as much of it as fits);
 * @y_out: where the line is. */
static gboolean
line_in_sight (BylineBodyView    *self,
               const GtkTextIter *iter,
               int               *y_out)
{
  GdkRectangle visible;
  int y, height;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (self), iter, &y, &height);
  if (y_out != NULL)
    *y_out = y;
  return y >= visible.y && y + MIN (height, visible.height) <= visible.y + visible.height;
}

static gboolean
rescroll (gpointer data)
{
  BylineBodyView *self = data;
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextMark *insert = gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->buffer));
  GtkTextIter iter;

  self->rescroll_idle = 0;
  if (self->rescroll_to_block)
    {
      int y;

      gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &iter, self->scroll_mark);
      if (!line_in_sight (self, &iter, &y))
        gtk_text_view_scroll_to_mark (view, self->scroll_mark, 0, TRUE, 0, 0.5);
      /* GtkTextView may not have laid out every line above yet (it goes on
       * frame by frame): while the block still moves, look again a few
       * frames later. */
      if (y != self->rescroll_y && self->rescroll_looks > 0)
        {
          self->rescroll_y = y;
          self->rescroll_looks--;
          self->rescroll_idle = g_timeout_add_full (G_PRIORITY_LOW, 50, rescroll, self, NULL);
          return G_SOURCE_REMOVE;
        }
    }
  else if (gtk_widget_has_focus (GTK_WIDGET (self)))
    gtk_text_view_scroll_mark_onscreen (view, insert);
  self->rescroll_to_block = FALSE;
  return G_SOURCE_REMOVE;
}

static void
queue_rescroll (BylineBodyView *self,
                gboolean        to_block)
{
  self->rescroll_to_block = to_block;
  /* After GtkTextView's layout in idle (GTK_TEXT_VIEW_PRIORITY_VALIDATE). */
  if (self->rescroll_idle == 0)
    self->rescroll_idle = g_idle_add_full (G_PRIORITY_LOW, rescroll, self, NULL);
}

static void
on_mark_set (BylineBodyView    *self,
             const GtkTextIter *location,
             GtkTextMark       *mark)
{
  if (mark == gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->buffer))
      && gtk_widget_has_focus (GTK_WIDGET (self)))
    queue_rescroll (self, FALSE);
}

/* Scrolls so that @iter is in the middle of the view, and again once the
 * lines above it are laid out (their heights were estimates). */
static void
scroll_to (BylineBodyView    *self,
           const GtkTextIter *iter)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);

  if (self->scroll_mark == NULL)
    self->scroll_mark = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, iter, TRUE));
  else
    gtk_text_buffer_move_mark (buffer, self->scroll_mark, iter);
  /* A mark, not an iter: GtkTextView scrolls once the lines above are laid out. */
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), self->scroll_mark, 0, TRUE, 0, 0.5);
  self->rescroll_y = -1;
  self->rescroll_looks = 20;
  queue_rescroll (self, TRUE);
}

void
byline_body_view_scroll_to_block (BylineBodyView *self,
                                  guint           index)
{
  GtkTextIter iter;

  g_return_if_fail (BYLINE_IS_BODY_VIEW (self));

  if (!byline_body_buffer_reach_block (self->buffer, &iter, index, 0))
    return;
  scroll_to (self, &iter);
}

void
byline_body_view_show_iter (BylineBodyView    *self,
                            const GtkTextIter *iter)
{
  GdkRectangle visible, where;

  g_return_if_fail (BYLINE_IS_BODY_VIEW (self));
  g_return_if_fail (iter != NULL);

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), iter, &where);
  if (where.y >= visible.y && where.y + where.height <= visible.y + visible.height)
    return;
  scroll_to (self, iter);
}

/* Whether block @index shows in the view's visible part. */
gboolean
byline_body_view_block_in_sight (BylineBodyView *self,
                                 guint           index)
{
  GtkTextIter iter;

  g_return_val_if_fail (BYLINE_IS_BODY_VIEW (self), FALSE);

  if (!byline_body_buffer_reach_block (self->buffer, &iter, index, 0))
    return FALSE;
  return line_in_sight (self, &iter, NULL);
}

BylineBodyBuffer *
byline_body_view_get_body_buffer (BylineBodyView *self)
{
  g_return_val_if_fail (BYLINE_IS_BODY_VIEW (self), NULL);
  return self->buffer;
}

BylineDocument *
byline_body_view_get_document (BylineBodyView *self)
{
  g_return_val_if_fail (BYLINE_IS_BODY_VIEW (self), NULL);
  return self->document;
}

/* A change of the article from outside the text, as an edit of its own. */
static void
on_document_begin_edit (BylineBodyView *self)
{
  byline_body_buffer_begin_edit (self->buffer, BYLINE_EDIT_OTHER);
}

static void
on_document_end_edit (BylineBodyView *self)
{
  byline_body_buffer_end_edit (self->buffer);
}

void
byline_body_view_set_document (BylineBodyView *self,
                               BylineDocument *document)
{
  g_return_if_fail (BYLINE_IS_BODY_VIEW (self));
  g_return_if_fail (document == NULL || BYLINE_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (byline_document_get_article (self->document), self);
      g_signal_handlers_disconnect_by_data (byline_article_get_images (byline_document_get_article (self->document)), self);
    }
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      BylineArticle *article = byline_document_get_article (document);

      g_signal_connect_swapped (byline_article_get_images (article), "items-changed",
                                G_CALLBACK (on_images_changed), self);
      g_signal_connect_swapped (document, "notify::selected-image",
                                G_CALLBACK (on_selected_image_changed), self);
      g_signal_connect_swapped (document, "begin-edit", G_CALLBACK (on_document_begin_edit), self);
      g_signal_connect_swapped (document, "end-edit", G_CALLBACK (on_document_end_edit), self);
      byline_body_buffer_set_body (self->buffer, byline_article_get_body (article));
    }
  else
    byline_body_buffer_set_body (self->buffer, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* ------------------------------------------------------------------ GObject */

static void
byline_body_view_dispose (GObject *object)
{
  BylineBodyView *self = BYLINE_BODY_VIEW (object);

  g_clear_handle_id (&self->onscreen_idle, g_source_remove);
  g_clear_handle_id (&self->rescroll_idle, g_source_remove);
  if (self->scroll != NULL)
    g_signal_handlers_disconnect_by_func (self->scroll, queue_update_figures_onscreen, self);
  g_clear_object (&self->scroll);
  g_clear_object (&self->scroll_mark);
  byline_body_view_set_document (self, NULL);
  for (guint i = 0; i < self->figures->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->figures, i), on_figure_gone, self);
  g_ptr_array_set_size (self->figures, 0);
  g_clear_object (&self->marker_layout);

  G_OBJECT_CLASS (byline_body_view_parent_class)->dispose (object);
}

static void
byline_body_view_finalize (GObject *object)
{
  BylineBodyView *self = BYLINE_BODY_VIEW (object);

  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (byline_body_view_parent_class)->finalize (object);
}

static void
byline_body_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BylineBodyView *self = BYLINE_BODY_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_body_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BylineBodyView *self = BYLINE_BODY_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: byline_body_view_set_document (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_body_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  /* Always scrolled (in a BylineStoryPage): the page gives the view its size
   * and learns the height of its content from the adjustment.  GtkTextView's
   * own measure would measure every figure of the story, laid out or not
   * (100 figures: a quarter of a second on opening a long story). */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 120 : 1;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 1;
}

static GtkSizeRequestMode
byline_body_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
update_style_scheme (BylineBodyView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  GtkSourceStyleScheme *scheme =
    gtk_source_style_scheme_manager_get_scheme (gtk_source_style_scheme_manager_get_default (),
                                                dark ? "byline-dark" : "byline");
  GtkTextTag *link = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (self->buffer)),
                                                "byline-link");

  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (self->buffer), scheme);
  /* The accent blue of each style, readable on its background. */
  if (link != NULL)
    g_object_set (link, "foreground", dark ? "#78aeed" : "#1c71d8", NULL);
}

/* The context menu's Undo and Redo (GtkTextView's "text.undo" and
 * "text.redo", here replaced).  GtkTextBuffer's own history is off: it knows
 * text only, and the body's is byline-body-history.c.  GtkTextView's actions
 * were therefore always greyed; these do what Ctrl+Z and Ctrl+Shift+Z do:
 * the editor's actions, or the body's history outside an editor.  The
 * editor enables them as its own (byline_body_view_set_undo_enabled()). */
static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  BylineBodyView *self = BYLINE_BODY_VIEW (widget);

  if (!gtk_widget_activate_action (widget, "editor.undo", NULL))
    byline_body_buffer_undo (self->buffer);
}

static void
redo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  BylineBodyView *self = BYLINE_BODY_VIEW (widget);

  if (!gtk_widget_activate_action (widget, "editor.redo", NULL))
    byline_body_buffer_redo (self->buffer);
}

/* Again after GtkTextView, which sets them from the buffer's own (empty)
 * history when the buffer notifies can-undo, has-selection and others. */
static void
apply_undo_enabled (BylineBodyView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "text.undo", self->can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "text.redo", self->can_redo);
}

void
byline_body_view_set_undo_enabled (BylineBodyView *self,
                                   gboolean        can_undo,
                                   gboolean        can_redo)
{
  g_return_if_fail (BYLINE_IS_BODY_VIEW (self));

  self->can_undo = can_undo;
  self->can_redo = can_redo;
  apply_undo_enabled (self);
}

static void
byline_body_view_class_init (BylineBodyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  _byline_body_view_register_serializers ();

  object_class->dispose = byline_body_view_dispose;
  object_class->finalize = byline_body_view_finalize;
  object_class->get_property = byline_body_view_get_property;
  object_class->set_property = byline_body_view_set_property;
  widget_class->size_allocate = byline_body_view_size_allocate;
  widget_class->get_request_mode = byline_body_view_get_request_mode;
  widget_class->measure = byline_body_view_measure;
  text_view_class->snapshot_layer = byline_body_view_snapshot_layer;
  gtk_widget_class_install_action (widget_class, "text.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "text.redo", NULL, redo_action);

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, BYLINE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_body_view_init (BylineBodyView *self)
{
  GtkDropTarget *drop;

  self->figures = g_ptr_array_new ();
  self->figure_width = 120;
  self->drop_block = -1;
  self->buffer = byline_body_buffer_new ();
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), GTK_TEXT_BUFFER (self->buffer));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self), FALSE);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (self), 12);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (self), 4);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), 0);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), 0);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self), 48);
  gtk_source_view_set_show_line_numbers (GTK_SOURCE_VIEW (self), FALSE);
  gtk_source_view_set_highlight_current_line (GTK_SOURCE_VIEW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "body-view");

  g_signal_connect_swapped (self->buffer, "anchor-added", G_CALLBACK (on_anchor_added), self);
  g_signal_connect_swapped (self->buffer, "notify::cursor-position", G_CALLBACK (on_cursor_moved), self);
  g_signal_connect_swapped (self->buffer, "mark-set", G_CALLBACK (on_mark_set), self);
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (gtk_widget_queue_draw), self);
  g_signal_connect_object (self->buffer, "notify", G_CALLBACK (apply_undo_enabled), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect (self, "paste-clipboard", G_CALLBACK (on_paste_clipboard), NULL);
  g_signal_connect (self, "copy-clipboard", G_CALLBACK (on_copy_clipboard), NULL);
  g_signal_connect (self, "cut-clipboard", G_CALLBACK (on_cut_clipboard), NULL);
  /* GtkSourceView's line and word moving copies text around, figures as bare
   * characters: not something a story's structure survives. */
  g_signal_connect (self, "move-lines", G_CALLBACK (on_move_lines), NULL);
  g_signal_connect (self, "move-words", G_CALLBACK (refuse_move_words), NULL);
  g_signal_connect (self, "move-cursor", G_CALLBACK (on_move_cursor), NULL);
  g_signal_connect (self, "select-all", G_CALLBACK (on_select_all), NULL);

  update_style_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop), GTK_PHASE_CAPTURE);
  gtk_drop_target_set_preload (drop, TRUE);
  g_signal_connect (drop, "motion", G_CALLBACK (on_files_motion), self);
  g_signal_connect (drop, "leave", G_CALLBACK (_byline_body_view_on_block_leave), self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  _byline_body_view_init_drop (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Story body"),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);
}

GtkWidget *
byline_body_view_new (void)
{
  return g_object_new (BYLINE_TYPE_BODY_VIEW, NULL);
}
