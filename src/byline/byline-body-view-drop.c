/* byline-body-view-drop.c — what is dropped on the text arrives whole
 *
 * GtkTextView drops text.  A selection dragged within the story lost its
 * figures on the way and left broken lines behind ("hoa" on one line, its
 * "." on another); a piece dragged from LibreOffice or a web page came as
 * bare text.  The body view takes those drops before GtkTextView does:
 *
 *  - a selection of this story moves as blocks, figures, captions and
 *    styles with it, one undo step (with Ctrl held, it is copied, as Copy
 *    and Paste would);
 *  - a selection of another story's body (a second window) is copied with
 *    its pictures into this draft, as Copy and Paste would;
 *  - another program's piece of a document, or a page, is pasted at the
 *    point it was dropped, as Paste would (byline-body-view-paste.c).
 *
 * A figure dragged by its picture moves as its line does; a row of the
 * pictures panel dropped on the text puts its picture there.
 *
 * Plain text, and what is dragged from the headline or lead, stays
 * GtkTextView's.  Picture and story files have their own drop target
 * (byline-body-view.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include "byline-article.h"
#include "byline-body.h"
#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-body-view-private.h"
#include "byline-caption-row.h"
#include "byline-clip.h"
#include "byline-document.h"
#include "byline-figure.h"
#include "byline-sized-paintable.h"
#include "byline-widget-util.h"

#define VIEW_KEY "byline-body-view"

BylineBodyView *
_byline_body_view_for_buffer (GtkTextBuffer *buffer)
{
  return BYLINE_IS_BODY_BUFFER (buffer) ? g_object_get_data (G_OBJECT (buffer), VIEW_KEY) : NULL;
}

/* The text buffer whose selection is being dragged, when the drag is this
 * process's (a text view's in any window), else NULL. */
static GtkTextBuffer *
dragged_buffer (GdkDrop *drop)
{
  GdkDrag *drag = gdk_drop_get_drag (drop);

  /* A drag of this process: its content is read as it is, at once. */
  return drag != NULL ? _byline_content_get_text_buffer (gdk_drag_get_content (drag)) : NULL;
}

GtkTextBuffer *
_byline_content_get_text_buffer (GdkContentProvider *content)
{
  g_autoptr(GdkContentFormats) formats = gdk_content_provider_ref_formats (content);
  g_auto(GValue) value = G_VALUE_INIT;

  if (!gdk_content_formats_contain_gtype (formats, GTK_TYPE_TEXT_BUFFER))
    return NULL;
  g_value_init (&value, GTK_TYPE_TEXT_BUFFER);
  if (!gdk_content_provider_get_value (content, &value, NULL))
    return NULL;
  /* The provider holds the buffer. */
  return g_value_get_object (&value);
}

/* The body view whose selection is being dragged (this window's or
 * another's), or NULL when the drag is not a story body's. */
static BylineBodyView *
dragged_view (GdkDrop *drop)
{
  GtkTextBuffer *buffer = dragged_buffer (drop);

  return buffer != NULL ? _byline_body_view_for_buffer (buffer) : NULL;
}

static void
get_iter_at (BylineBodyView *self,
             double          x,
             double          y,
             GtkTextIter    *iter)
{
  int bx, by;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), iter, bx, by);
}

/* Within the story's own selection: nowhere to go. */
static gboolean
in_selection (BylineBodyView    *self,
              const GtkTextIter *iter)
{
  GtkTextIter start, end;

  return gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (byline_body_view_get_body_buffer (self)),
                                               &start, &end)
         && gtk_text_iter_in_range (iter, &start, &end);
}

/* Whether @view's selection is whole blocks (paragraphs from their start,
 * figures): they go between two blocks where they are dropped, not into a
 * paragraph, cutting a word in two.  Words from inside a paragraph go into
 * the line they are dropped in. */
static gboolean
selects_blocks (BylineBodyView *view)
{
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (byline_body_view_get_body_buffer (view)),
                                             &start, &end))
    return FALSE;
  return gtk_text_iter_starts_line (&start)
         && (gtk_text_iter_ends_line (&end) || gtk_text_iter_starts_line (&end) || gtk_text_iter_is_end (&end));
}

/* Where a selection of @from dropped at (@x, @y) goes: between the blocks
 * there for whole blocks, else at the point. */
static void
get_drop_iter (BylineBodyView *self,
               BylineBodyView *from,
               double          x,
               double          y,
               GtkTextIter    *iter)
{
  if (from != NULL && selects_blocks (from))
    byline_body_buffer_get_iter_at_block (byline_body_view_get_body_buffer (self), iter,
                                          _byline_body_view_get_block_at (self, x, y), 0);
  else
    get_iter_at (self, x, y, iter);
}

/* Moved within the story unless only a copy is offered (Ctrl held). */
static gboolean
is_move (GdkDrop *drop)
{
  return (gdk_drop_get_actions (drop) & GDK_ACTION_MOVE) != 0;
}

static gboolean
on_accept (GtkDropTargetAsync *target,
           GdkDrop            *drop,
           BylineBodyView     *self)
{
  BylineBodyView *from;

  if (byline_body_view_get_document (self) == NULL || !gtk_text_view_get_editable (GTK_TEXT_VIEW (self)))
    return FALSE;
  from = dragged_view (drop);
  if (from != NULL)
    return byline_body_view_get_document (from) != NULL;
  /* Not a story's: the headline's or lead's words are text, GtkTextView's
   * (they offer a page too, byline-body-view-copy.c). */
  if (dragged_buffer (drop) != NULL)
    return FALSE;
  return _byline_body_view_has_rich_format (gdk_drop_get_formats (drop));
}

static gboolean
hide_drop_caret (gpointer data)
{
  byline_text_view_hide_drop_caret (GTK_TEXT_VIEW (data));
  return G_SOURCE_REMOVE;
}

/* Whether this story's selection, dropped at (@x, @y) (before block @to as
 * @blocks), stays where it is: into itself, or moved just before or after
 * itself. */
static gboolean
goes_nowhere (BylineBodyView *self,
              gboolean        blocks,
              guint           to,
              gboolean        move,
              double          x,
              double          y)
{
  GtkTextIter iter;
  guint first, last;

  if (!blocks)
    {
      get_iter_at (self, x, y, &iter);
      return in_selection (self, &iter);
    }
  if (!move)
    return FALSE;
  byline_body_buffer_get_selected_blocks (byline_body_view_get_body_buffer (self), &first, &last);
  return to >= first && to <= last + 1;
}

static GdkDragAction
on_motion (GtkDropTargetAsync *target,
           GdkDrop            *drop,
           double              x,
           double              y,
           BylineBodyView     *self)
{
  BylineBodyView *from = dragged_view (drop);
  gboolean blocks = from != NULL && selects_blocks (from);
  guint to = blocks ? _byline_body_view_get_block_at (self, x, y) : 0;
  GdkDragAction action = from == self && is_move (drop) ? GDK_ACTION_MOVE : GDK_ACTION_COPY;

  if (from == self && goes_nowhere (self, blocks, to, action == GDK_ACTION_MOVE, x, y))
    action = 0;
  /* GtkTextView's caret would show a point inside a word.  It shows it on
   * each motion, after this target: hidden again before the frame. */
  if (blocks)
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, hide_drop_caret, g_object_ref (self), g_object_unref);
  _byline_body_view_show_drop_block (self, blocks && action != 0 ? (int) to : -1);
  return action;
}

static void
on_leave (GtkDropTargetAsync *target,
          GdkDrop            *drop,
          BylineBodyView     *self)
{
  _byline_body_view_show_drop_block (self, -1);
}

/* A figure moved: the picture whose figure left the text goes back in. */
static gboolean
put_back_image (const char *image_id,
                guint       index,
                gpointer    user_data)
{
  BylineArticle *article = user_data;
  BylineBody *body = byline_article_get_body (article);

  if (byline_article_find_image (article, image_id) == NULL || byline_body_find_image (body, image_id) >= 0)
    return FALSE;
  byline_body_insert_image (body, index, image_id);
  return TRUE;
}

/* Words of a line dragged within the text keep the sentences they leave
 * and join spaced as a word processor's "smart" move does: no two spaces,
 * and no space before the full stop, where they were; a space between them
 * and the words they go beside. */
static gboolean
ends_word (gunichar c)
{
  return g_unichar_isalnum (c) || (c > 0 && c < 128 && strchr (".,;:!?)\"", (int) c) != NULL)
         || c == 0x201D /* ” */ || c == 0x2026 /* … */;
}

static void
close_gap (GtkTextBuffer *buffer,
           GtkTextMark   *at)
{
  GtkTextIter here, before;
  gunichar next;

  gtk_text_buffer_get_iter_at_mark (buffer, &here, at);
  next = gtk_text_iter_ends_line (&here) ? 0 : gtk_text_iter_get_char (&here);
  before = here;
  if (gtk_text_iter_starts_line (&here) || !gtk_text_iter_backward_char (&before))
    {
      /* Words taken from a line's start: its next word starts it. */
      if (next == ' ')
        {
          GtkTextIter after = here;

          gtk_text_iter_forward_char (&after);
          gtk_text_buffer_delete (buffer, &here, &after);
        }
      return;
    }
  if (gtk_text_iter_get_char (&before) == ' '
      && (next == 0 || next == ' ' || (next < 128 && strchr (".,;:!?)", (int) next) != NULL)))
    gtk_text_buffer_delete (buffer, &before, &here);
}

static void
space_around (GtkTextBuffer *buffer,
              GtkTextMark   *start_mark,
              GtkTextMark   *end_mark)
{
  GtkTextIter start, end, outside;

  gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
  gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
  outside = end;
  if (!gtk_text_iter_ends_line (&end) && g_unichar_isalnum (gtk_text_iter_get_char (&end))
      && gtk_text_iter_backward_char (&outside) && g_unichar_isalnum (gtk_text_iter_get_char (&outside)))
    gtk_text_buffer_insert (buffer, &end, " ", 1);

  gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
  outside = start;
  if (!gtk_text_iter_starts_line (&start) && g_unichar_isalnum (gtk_text_iter_get_char (&start))
      && gtk_text_iter_backward_char (&outside) && ends_word (gtk_text_iter_get_char (&outside)))
    gtk_text_buffer_insert (buffer, &start, " ", 1);
}

/* Moves the selection to @iter as blocks, one undo step; the cursor ends
 * after what moved, nothing selected (GtkTextView deletes the selection
 * once a move is done, which must find nothing left to delete). */
static void
move_selection (BylineBodyView *self,
                GtkTextIter    *iter)
{
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (self);
  GtkTextBuffer *text = GTK_TEXT_BUFFER (buffer);
  BylineArticle *article = byline_document_get_article (byline_body_view_get_document (self));
  g_autoptr(BylineArticle) piece = _byline_body_view_dup_selection_piece (self);
  GtkTextMark *target, *gap, *moved_end;
  GtkTextIter start, end;
  gboolean words;

  if (piece == NULL)
    return;
  gtk_text_buffer_get_selection_bounds (text, &start, &end);
  /* Words from inside one line, which go into the line they are dropped in. */
  words = gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end)
          && byline_body_get_n_blocks (byline_article_get_body (piece)) == 1;
  target = gtk_text_buffer_create_mark (text, NULL, iter, TRUE);
  gap = gtk_text_buffer_create_mark (text, NULL, &start, TRUE);
  /* The whole story shows, so that block and line are one. */
  byline_body_buffer_show_all (buffer);

  byline_body_buffer_begin_edit (buffer, BYLINE_EDIT_OTHER);
  gtk_text_buffer_get_selection_bounds (text, &start, &end);
  gtk_text_buffer_delete (text, &start, &end);
  if (words)
    close_gap (text, gap);
  gtk_text_buffer_get_iter_at_mark (text, &start, target);
  gtk_text_buffer_place_cursor (text, &start);
  byline_body_buffer_paste_body (buffer, byline_article_get_body (piece), put_back_image, article);
  if (words)
    {
      gtk_text_buffer_get_iter_at_mark (text, &end, gtk_text_buffer_get_insert (text));
      moved_end = gtk_text_buffer_create_mark (text, NULL, &end, FALSE);
      space_around (text, target, moved_end);
      gtk_text_buffer_get_iter_at_mark (text, &end, moved_end);
      gtk_text_buffer_place_cursor (text, &end);
      gtk_text_buffer_delete_mark (text, moved_end);
    }
  byline_body_buffer_end_edit (buffer);

  gtk_text_buffer_delete_mark (text, target);
  gtk_text_buffer_delete_mark (text, gap);
  gtk_text_buffer_get_iter_at_mark (text, &end, gtk_text_buffer_get_insert (text));
  gtk_text_buffer_place_cursor (text, &end);
}

/* Whole blocks of the story moved before block @to: the same blocks, their
 * pictures and styles as they are, one undo step; the cursor after them,
 * nothing left selected (GtkTextView deletes the selection once a move is
 * done).  FALSE, the selection kept, when they stay where they are: the
 * drop is then no move, or GtkTextView would delete them. */
static gboolean
move_blocks (BylineBodyView *self,
             guint           to)
{
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (self);
  guint first, last, moved_end;
  GtkTextIter iter;

  byline_body_buffer_get_selected_blocks (buffer, &first, &last);
  if (!byline_body_buffer_move_blocks (buffer, first, last, to))
    return FALSE;
  moved_end = to > last ? to - 1 : to + last - first;
  byline_body_buffer_get_iter_at_block (buffer, &iter, moved_end, 0);
  if (!gtk_text_iter_ends_line (&iter))
    gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
  return TRUE;
}

/* Byline's own piece of @view's selection, at @iter, copied with its
 * pictures (in a thread, as a paste): FALSE when nothing is selected. */
static gboolean
copy_selection (BylineBodyView *self,
                BylineBodyView *view,
                GtkTextIter    *iter)
{
  g_autoptr(BylineArticle) piece = _byline_body_view_dup_selection_piece (view);
  g_autoptr(GBytes) bytes = NULL;
  gboolean blocks = selects_blocks (view);

  if (piece == NULL)
    return FALSE;
  bytes = byline_clip_serialize (piece);
  /* (Which, in the same story, leaves nothing selected.) */
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (byline_body_view_get_body_buffer (self)), iter);
  _byline_body_view_paste_own_piece (self, bytes, blocks);
  return TRUE;
}

static gboolean
on_drop (GtkDropTargetAsync *target,
         GdkDrop            *drop,
         double              x,
         double              y,
         BylineBodyView     *self)
{
  BylineBodyView *from = dragged_view (drop);
  GtkTextIter iter;

  byline_text_view_hide_drop_caret (GTK_TEXT_VIEW (self));
  _byline_body_view_show_drop_block (self, -1);
  get_drop_iter (self, from, x, y, &iter);
  if (from == NULL)
    {
      /* Another program's: as Paste would, which finishes the drop. */
      gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (byline_body_view_get_body_buffer (self)), &iter);
      _byline_body_view_paste_drop (self, drop);
    }
  else if (from == self && is_move (drop) && selects_blocks (self))
    gdk_drop_finish (drop, move_blocks (self, _byline_body_view_get_block_at (self, x, y)) ? GDK_ACTION_MOVE : 0);
  else if (from == self && in_selection (self, &iter))
    gdk_drop_finish (drop, 0);
  else if (from == self && is_move (drop))
    {
      move_selection (self, &iter);
      gdk_drop_finish (drop, GDK_ACTION_MOVE);
    }
  else
    /* Copied within the story (Ctrl held), or from another story. */
    gdk_drop_finish (drop, copy_selection (self, from, &iter) ? GDK_ACTION_COPY : 0);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return TRUE;
}

/* The longer side of a dragged figure's picture: a figure is up to 640 px
 * wide, and at its size it hid the lines it was dragged over. */
#define FIGURE_DRAG_ICON_SIZE 160.0

/* A figure dragged by its picture is its line of the text dragged: the
 * drop above moves it. */
static GdkContentProvider *
on_figure_drag_prepare (GtkDragSource  *source,
                        double          x,
                        double          y,
                        BylineBodyView *self)
{
  GtkWidget *figure = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  GtkTextChildAnchor *anchor = g_object_get_data (G_OBJECT (figure), "byline-anchor");
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_body_view_get_body_buffer (self));
  GtkTextIter start, end;

  if (anchor == NULL || gtk_text_child_anchor_get_deleted (anchor)
      || byline_body_view_get_document (self) == NULL || !gtk_text_view_get_editable (GTK_TEXT_VIEW (self)))
    return NULL;
  gtk_text_buffer_get_iter_at_child_anchor (buffer, &start, anchor);
  end = start;
  if (!gtk_text_iter_forward_line (&end))
    gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  /* The picture under the pointer, small enough to see where it goes. */
  if (byline_figure_get_paintable (BYLINE_FIGURE (figure)) != NULL)
    {
      GdkPaintable *picture = byline_figure_get_paintable (BYLINE_FIGURE (figure));
      int width = gdk_paintable_get_intrinsic_width (picture);
      int height = gdk_paintable_get_intrinsic_height (picture);
      double scale = width > 0 && height > 0 ? MIN (1.0, FIGURE_DRAG_ICON_SIZE / (double) MAX (width, height)) : 1.0;
      g_autoptr(GdkPaintable) icon = byline_sized_paintable_new (picture, width * scale, height * scale);

      gtk_drag_source_set_icon (source, icon, (int) CLAMP (x * scale, 0, width * scale),
                                (int) CLAMP (y * scale, 0, height * scale));
    }
  return gdk_content_provider_new_typed (GTK_TYPE_TEXT_BUFFER, buffer);
}

void
_byline_body_view_add_figure_drag (BylineBodyView *self,
                                   BylineFigure   *figure)
{
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect_object (source, "prepare", G_CALLBACK (on_figure_drag_prepare), self, 0);
  byline_figure_add_drag_source (figure, source);
}

/* A picture (a pictures panel row, a file) dragged over the text: the line
 * shows where it will go (the drops: on_row_drop(), and byline-body-view.c's). */
GdkDragAction
_byline_body_view_on_block_motion (GtkDropTarget  *target,
                                   double          x,
                                   double          y,
                                   BylineBodyView *self)
{
  if (byline_body_view_get_document (self) == NULL || !gtk_text_view_get_editable (GTK_TEXT_VIEW (self)))
    return 0;
  _byline_body_view_show_drop_block (self, _byline_body_view_get_block_at (self, x, y));
  return gtk_drop_target_get_actions (target) & GDK_ACTION_MOVE ? GDK_ACTION_MOVE : GDK_ACTION_COPY;
}

void
_byline_body_view_on_block_leave (GtkDropTarget  *target,
                                  BylineBodyView *self)
{
  _byline_body_view_show_drop_block (self, -1);
}

/* A row of the pictures panel dragged onto the text: its picture's figure
 * goes where it is dropped, between two lines (a picture not in the text
 * yet is put in it; one that is, moves), one undo step. */
static gboolean
on_row_drop (GtkDropTarget  *target,
             const GValue   *value,
             double          x,
             double          y,
             BylineBodyView *self)
{
  BylineCaptionRow *row = g_value_get_object (value);
  BylineDocument *document = byline_body_view_get_document (self);
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (self);
  BylineImage *image = row != NULL ? byline_caption_row_get_image (row) : NULL;
  BylineBody *body;
  guint at;
  int from;

  if (document == NULL || image == NULL || !gtk_text_view_get_editable (GTK_TEXT_VIEW (self))
      || byline_article_find_image (byline_document_get_article (document), byline_image_get_id (image)) == NULL)
    return FALSE;
  byline_text_view_hide_drop_caret (GTK_TEXT_VIEW (self));
  _byline_body_view_show_drop_block (self, -1);
  body = byline_article_get_body (byline_document_get_article (document));
  byline_body_buffer_show_all (buffer);
  at = MIN (_byline_body_view_get_block_at (self, x, y), byline_body_get_n_blocks (body));

  from = byline_body_find_image (body, byline_image_get_id (image));
  byline_body_buffer_begin_edit (buffer, BYLINE_EDIT_OTHER);
  if (from < 0)
    byline_body_insert_image (body, at, byline_image_get_id (image));
  else if ((guint) from != at && (guint) from + 1 != at)
    byline_body_move_block (body, from, (guint) from < at ? at - 1 : at);
  byline_body_buffer_end_edit (buffer);
  byline_document_set_selected_image (document, image);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return TRUE;
}

void
_byline_body_view_init_drop (BylineBodyView *self)
{
  GdkContentFormatsBuilder *builder = gdk_content_formats_builder_new ();
  g_autoptr(GdkContentFormats) rich = byline_body_view_new_paste_formats (FALSE);
  GtkDropTargetAsync *target;
  GtkDropTarget *rows;

  g_object_set_data (G_OBJECT (byline_body_view_get_body_buffer (self)), VIEW_KEY, self);

  gdk_content_formats_builder_add_gtype (builder, GTK_TYPE_TEXT_BUFFER);
  gdk_content_formats_builder_add_formats (builder, rich);
  target = gtk_drop_target_async_new (gdk_content_formats_builder_free_to_formats (builder),
                                      GDK_ACTION_COPY | GDK_ACTION_MOVE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (target), GTK_PHASE_CAPTURE);
  g_signal_connect (target, "accept", G_CALLBACK (on_accept), self);
  g_signal_connect (target, "drag-enter", G_CALLBACK (on_motion), self);
  g_signal_connect (target, "drag-motion", G_CALLBACK (on_motion), self);
  g_signal_connect (target, "drag-leave", G_CALLBACK (on_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  rows = gtk_drop_target_new (BYLINE_TYPE_CAPTION_ROW, GDK_ACTION_MOVE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (rows), GTK_PHASE_CAPTURE);
  g_signal_connect (rows, "motion", G_CALLBACK (_byline_body_view_on_block_motion), self);
  g_signal_connect (rows, "leave", G_CALLBACK (_byline_body_view_on_block_leave), self);
  g_signal_connect (rows, "drop", G_CALLBACK (on_row_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (rows));
}
