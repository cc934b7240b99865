/* test-drag.c — what is dragged with the mouse in the text arrives whole
 *
 * The pointer is moved through the X server (ui-pointer.h): GTK starts its
 * own drag from the selection and drops it as it would for a person.
 * GtkTextView's own drop lost a figure dragged with the text around it and
 * left broken lines; a piece dragged from a word processor came as text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <libsoup/soup.h>

#include "byline-test-utils.h"
#include "office-test-utils.h"
#include "ui-pointer.h"
#include "ui-story.h"
#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-body-view-private.h"
#include "byline-caption-panel.h"
#include "byline-clip.h"
#include "byline-document.h"
#include "ui-window-test.h"

#define OPENDOCUMENT_PIECE "application/x-openoffice-embed-source-xml;windows_formatname=\"Star Embed Source (XML)\""
#define DESCRIPTOR "application/x-openoffice-objectdescriptor-xml;windows_formatname=\"Star Object Descriptor (XML)\";" \
                   "classname=\"8BC6B165-B1B2-4EDD-aa47-dae2ee689dd6\";typename=\"LibreOffice Writer\";" \
                   "displayname=\"file:///home/pv/B%C3%A0i/Hoa%20tam%20gi%C3%A1c%20m%E1%BA%A1ch.docx\""

static BylineBodyView *
body_view (Fixture *f)
{
  return byline_article_editor_get_body_view (editor (f));
}

static BylineBodyBuffer *
body_buffer (Fixture *f)
{
  return byline_body_view_get_body_buffer (body_view (f));
}

/* Four blocks: a paragraph, a captioned figure, two paragraphs. */
static void
type_story (Fixture *f)
{
  BylineBodyView *view = body_view (f);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) picture = byline_ui_test_picture (f, "sat-lo.png", 0x8a2b2b);
  g_autoptr(GError) error = NULL;
  BylineImage *image;

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Mưa lớn kéo dài suốt đêm.\n");
  g_list_store_append (files, picture);
  g_assert_cmpuint (byline_body_view_insert_pictures (view, G_LIST_MODEL (files), -1, &error), ==, 1);
  g_assert_no_error (error);
  image = byline_article_get_image (article (f), 0);
  byline_image_set_caption (image, "Sạt lở trên Quốc lộ 4H.");
  byline_image_set_credit (image, "Ảnh: Lò Văn Dũng");
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Nhiều hộ phải di dời.\nĐường lên xã bị chia cắt.");
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (article (f))), ==, 4);
  /* Laid out, so that the text has places on the screen. */
  byline_ui_test_wait (300);
}

static void
select_range (Fixture *f,
              guint    from_block,
              guint    from_offset,
              guint    to_block,
              guint    to_offset)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (body_buffer (f));
  GtkTextIter start, end;

  byline_body_buffer_get_iter_at_block (body_buffer (f), &start, from_block, from_offset);
  byline_body_buffer_get_iter_at_block (body_buffer (f), &end, to_block, to_offset);
  gtk_text_buffer_select_range (buffer, &start, &end);
  byline_ui_test_wait (100);
}

/* Where (@block, @offset) of @view's story is on the screen: the middle of
 * its character, or just after it. */
static void
point_at (BylineBodyView *view,
          guint           block,
          guint           offset,
          gboolean        after,
          double         *x,
          double         *y)
{
  GtkTextIter iter;

  byline_body_buffer_get_iter_at_block (byline_body_view_get_body_buffer (view), &iter, block, offset);
  byline_ui_test_iter_point (GTK_TEXT_VIEW (view), &iter, after, x, y);
}

static void
drag_in_body (Fixture  *f,
              guint     from_block,
              guint     from_offset,
              guint     to_block,
              guint     to_offset,
              gboolean  after,
              gboolean  ctrl)
{
  double x1, y1, x2, y2;

  point_at (body_view (f), from_block, from_offset, FALSE, &x1, &y1);
  point_at (body_view (f), to_block, to_offset, after, &x2, &y2);
  byline_ui_test_drag (GTK_WIDGET (body_view (f)), x1, y1, GTK_WIDGET (body_view (f)), x2, y2, ctrl);
}

typedef struct
{
  BylineBody *body;
  guint       n_blocks;
  guint       block;
  const char *text;
} BlockWait;

static gboolean
has_block (gpointer data)
{
  BlockWait *wait = data;

  return byline_body_get_n_blocks (wait->body) == wait->n_blocks
         && g_strcmp0 (byline_block_get_text (byline_body_get_block (wait->body, wait->block)), wait->text) == 0;
}

static void
assert_story_as_typed (Fixture *f)
{
  BylineBody *body = byline_article_get_body (article (f));
  BylineImage *image = byline_article_get_image (article (f), 0);

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn kéo dài suốt đêm.");
  office_assert_block (body, 1, BYLINE_BLOCK_IMAGE, NULL);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 1)), ==, byline_image_get_id (image));
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ phải di dời.");
  office_assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Đường lên xã bị chia cắt.");
}

/* A paragraph and the figure under it, dragged below the last paragraph:
 * they move as they were, the figure with its picture and caption, no
 * empty line left behind; one undo puts them back. */
static void
test_move_figure (Fixture       *f,
                  gconstpointer  data)
{
  BylineBody *body = byline_article_get_body (article (f));
  BylineImage *image;
  BlockWait wait = { body, 4, 2, "Mưa lớn kéo dài suốt đêm." };

  type_story (f);
  image = byline_article_get_image (article (f), 0);
  select_range (f, 0, 0, 2, 0);
  drag_in_body (f, 0, 3, 3, 24, TRUE, FALSE);
  g_assert_true (byline_ui_test_wait_until (has_block, &wait, 3000));

  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ phải di dời.");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Đường lên xã bị chia cắt.");
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn kéo dài suốt đêm.");
  office_assert_block (body, 3, BYLINE_BLOCK_IMAGE, NULL);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 3)), ==, byline_image_get_id (image));
  /* The same picture, not a copy; its caption and credit with it. */
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Sạt lở trên Quốc lộ 4H.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Lò Văn Dũng");
  /* Nothing left selected for GtkTextView's move to delete. */
  g_assert_false (gtk_text_buffer_get_has_selection (GTK_TEXT_BUFFER (body_buffer (f))));

  g_assert_true (byline_body_buffer_undo (body_buffer (f)));
  assert_story_as_typed (f);
}

/* The figure shown at @block of @view's story. */
static GtkWidget *
figure_at (BylineBodyView *view,
           guint           block)
{
  GtkTextIter iter;
  GtkTextChildAnchor *anchor;
  g_autofree GtkWidget **widgets = NULL;
  guint n = 0;

  byline_body_buffer_get_iter_at_block (byline_body_view_get_body_buffer (view), &iter, block, 0);
  anchor = gtk_text_iter_get_child_anchor (&iter);
  g_assert_nonnull (anchor);
  widgets = gtk_text_child_anchor_get_widgets (anchor, &n);
  g_assert_cmpuint (n, ==, 1);
  return widgets[0];
}

/* A figure dragged by its picture, as a photo is in a word processor: it
 * moves where it is dropped, the same picture with its caption; one undo
 * puts it back. */
static void
test_move_figure_alone (Fixture       *f,
                        gconstpointer  data)
{
  BylineBody *body = byline_article_get_body (article (f));
  BylineImage *image;
  GtkWidget *figure;
  BlockWait wait = { body, 4, 2, "Đường lên xã bị chia cắt." };
  double x2, y2;

  type_story (f);
  image = byline_article_get_image (article (f), 0);
  figure = figure_at (body_view (f), 1);
  point_at (body_view (f), 3, 24, TRUE, &x2, &y2);
  byline_ui_test_drag (figure, 20, 12, GTK_WIDGET (body_view (f)), x2, y2, FALSE);
  g_assert_true (byline_ui_test_wait_until (has_block, &wait, 3000));

  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn kéo dài suốt đêm.");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ phải di dời.");
  office_assert_block (body, 3, BYLINE_BLOCK_IMAGE, NULL);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 3)), ==, byline_image_get_id (image));
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Sạt lở trên Quốc lộ 4H.");

  g_assert_true (byline_body_buffer_undo (body_buffer (f)));
  assert_story_as_typed (f);
}

static gboolean
drop_caret_shown (BylineBodyView *view)
{
  GtkTextMark *mark = gtk_text_buffer_get_mark (GTK_TEXT_BUFFER (byline_body_view_get_body_buffer (view)),
                                                "gtk_drag_target");

  return mark != NULL && gtk_text_mark_get_visible (mark);
}

/* The width of the icon of the drag @widget began, 0 without one. */
static int
drag_icon_width (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GdkDrag *drag = GTK_IS_DRAG_SOURCE (controller) ? gtk_drag_source_get_drag (GTK_DRAG_SOURCE (controller)) : NULL;
      GtkWidget *icon = drag != NULL ? gtk_drag_icon_get_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag))) : NULL;

      if (icon != NULL)
        return gtk_widget_get_width (icon);
    }
  return 0;
}

/* A photo dragged by its figure goes with the pointer as a thumbnail: at
 * its size in the text (up to 640 px) it hid the lines it was dragged over. */
static void
test_figure_icon (Fixture       *f,
                  gconstpointer  data)
{
  BylineBodyView *view = body_view (f);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) photo = g_file_get_child (f->files, "sat-lo.png");
  g_autoptr(GError) error = NULL;
  GtkWidget *figure;
  double x, y;
  int width;

  byline_test_write_png (photo, 1200, 800, 0x8a2b2b);
  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Mưa lớn kéo dài suốt đêm.\n");
  g_list_store_append (files, photo);
  g_assert_cmpuint (byline_body_view_insert_pictures (view, G_LIST_MODEL (files), -1, &error), ==, 1);
  g_assert_no_error (error);
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Nhiều hộ phải di dời.");
  byline_ui_test_wait (300);
  figure = figure_at (view, 1);
  g_assert_cmpint (gtk_widget_get_width (figure), >, 400);

  point_at (view, 0, 3, FALSE, &x, &y);
  byline_ui_test_drag_over (figure, 200, 100, GTK_WIDGET (view), x, y, FALSE);
  width = drag_icon_width (figure);
  byline_ui_test_drop (figure);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (width, <=, 160);
}

/* Whole blocks (a figure, paragraphs from their start) dropped on a
 * paragraph go between blocks, never into it cutting a word in two: over
 * its first half, before it; over its second half, after it.  While they
 * are dragged, a line shows where, not GtkTextView's caret in a word. */
static void
test_blocks_between_paragraphs (Fixture       *f,
                                gconstpointer  data)
{
  BylineBody *body = byline_article_get_body (article (f));
  BylineImage *image;
  GtkWidget *figure;
  BlockWait wait = { body, 4, 1, "Nhiều hộ phải di dời." };
  double x1, y1, x2, y2;

  type_story (f);
  image = byline_article_get_image (article (f), 0);
  figure = figure_at (body_view (f), 1);
  /* Onto "xã", in the first half of "Đường lên xã bị chia cắt.". */
  point_at (body_view (f), 3, 10, FALSE, &x2, &y2);
  byline_ui_test_drag_over (figure, 20, 12, GTK_WIDGET (body_view (f)), x2, y2, FALSE);
  g_assert_cmpint (_byline_body_view_get_drop_block (body_view (f)), ==, 3);
  g_assert_false (drop_caret_shown (body_view (f)));
  byline_ui_test_drop (figure);
  g_assert_true (byline_ui_test_wait_until (has_block, &wait, 3000));
  g_assert_cmpint (_byline_body_view_get_drop_block (body_view (f)), ==, -1);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn kéo dài suốt đêm.");
  office_assert_block (body, 2, BYLINE_BLOCK_IMAGE, NULL);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 2)), ==, byline_image_get_id (image));
  office_assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Đường lên xã bị chia cắt.");

  /* The first paragraph, selected whole, onto "chia" in the second half
   * of the last one: after it. */
  byline_ui_test_click (GTK_WIDGET (body_view (f)), 5, 5);
  select_range (f, 0, 0, 1, 0);
  point_at (body_view (f), 0, 3, FALSE, &x1, &y1);
  point_at (body_view (f), 3, 17, FALSE, &x2, &y2);
  byline_ui_test_drag_over (GTK_WIDGET (body_view (f)), x1, y1, GTK_WIDGET (body_view (f)), x2, y2, FALSE);
  g_assert_cmpint (_byline_body_view_get_drop_block (body_view (f)), ==, 4);
  g_assert_false (drop_caret_shown (body_view (f)));
  byline_ui_test_drop (GTK_WIDGET (body_view (f)));
  wait.block = 3;
  wait.text = "Mưa lớn kéo dài suốt đêm.";
  g_assert_true (byline_ui_test_wait_until (has_block, &wait, 3000));
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ phải di dời.");
  office_assert_block (body, 1, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Đường lên xã bị chia cắt.");

  g_assert_true (byline_body_buffer_undo (body_buffer (f)));
  g_assert_true (byline_body_buffer_undo (body_buffer (f)));
  assert_story_as_typed (f);

  /* The last paragraph, whole, copied (Ctrl) onto the first half of the
   * first: a paragraph of its own above it, not words at its start. */
  byline_ui_test_click (GTK_WIDGET (body_view (f)), 5, 5);
  select_range (f, 3, 0, 3, 25);
  drag_in_body (f, 3, 3, 0, 4, FALSE, TRUE);
  wait.n_blocks = 5;
  wait.block = 0;
  wait.text = "Đường lên xã bị chia cắt.";
  g_assert_true (byline_ui_test_wait_until (has_block, &wait, 3000));
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn kéo dài suốt đêm.");
  office_assert_block (body, 4, BYLINE_BLOCK_PARAGRAPH, "Đường lên xã bị chia cắt.");

  /* A paragraph dropped on its own second half: it stays, nothing lost
   * (GtkTextView deletes what a move took away). */
  byline_ui_test_click (GTK_WIDGET (body_view (f)), 5, 5);
  select_range (f, 4, 0, 4, 25);
  drag_in_body (f, 4, 3, 4, 20, FALSE, FALSE);
  byline_ui_test_wait (300);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 5);
  office_assert_block (body, 4, BYLINE_BLOCK_PARAGRAPH, "Đường lên xã bị chia cắt.");
}

/* Words dragged from one paragraph into another go into its line, with
 * their bold; the paragraph they left keeps its place.  Spaces are kept
 * right, as a word processor's move keeps them. */
static void
test_move_words (Fixture       *f,
                 gconstpointer  data)
{
  BylineBody *body = byline_article_get_body (article (f));
  BlockWait wait = { body, 4, 3, "Đường lên xã suốt đêm bị chia cắt." };

  type_story (f);
  /* " suốt đêm" in bold. */
  select_range (f, 0, 15, 0, 24);
  byline_body_buffer_toggle_span (body_buffer (f), BYLINE_SPAN_BOLD);
  drag_in_body (f, 0, 18, 3, 12, FALSE, FALSE);
  g_assert_true (byline_ui_test_wait_until (has_block, &wait, 3000));

  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn kéo dài.");
  office_assert_block (body, 1, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ phải di dời.");
  {
    guint n_spans;
    const BylineSpan *spans = byline_block_get_spans (byline_body_get_block (body, 3), &n_spans);

    g_assert_cmpuint (n_spans, ==, 1);
    g_assert_cmpint (spans[0].kind, ==, BYLINE_SPAN_BOLD);
    g_assert_cmpuint (spans[0].start, ==, 12);
    g_assert_cmpuint (spans[0].end, ==, 21);
  }

  /* Dropped inside the selection itself: nothing happens. */
  byline_ui_test_click (GTK_WIDGET (body_view (f)), 5, 5);
  select_range (f, 2, 0, 2, 8);
  drag_in_body (f, 2, 2, 2, 6, FALSE, FALSE);
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ phải di dời.");
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);

  g_assert_true (byline_body_buffer_undo (body_buffer (f)));
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn kéo dài suốt đêm.");
  office_assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Đường lên xã bị chia cắt.");

  /* A word as a double click selects it, without its spaces, moved before
   * the full stop: one space where it was, one before it where it went. */
  byline_ui_test_click (GTK_WIDGET (body_view (f)), 5, 5);
  select_range (f, 2, 9, 2, 13);
  drag_in_body (f, 2, 10, 2, 20, FALSE, FALSE);
  wait.block = 2;
  wait.text = "Nhiều hộ di dời phải.";
  g_assert_true (byline_ui_test_wait_until (has_block, &wait, 3000));
  /* And back after "hộ", dropped on the space before "di". */
  byline_ui_test_click (GTK_WIDGET (body_view (f)), 5, 5);
  select_range (f, 2, 16, 2, 20);
  drag_in_body (f, 2, 17, 2, 8, FALSE, FALSE);
  wait.text = "Nhiều hộ phải di dời.";
  g_assert_true (byline_ui_test_wait_until (has_block, &wait, 3000));
}

typedef struct
{
  BylineArticle *story;
  guint          n;
} ImageWait;

static gboolean
has_n_images (gpointer data)
{
  ImageWait *wait = data;

  return byline_article_get_n_images (wait->story) == wait->n;
}

/* With Ctrl held, a copy: the story stays as it was, and the copy's figure
 * shows a copy of the picture, as Copy and Paste would make. */
static void
test_copy_with_ctrl (Fixture       *f,
                     gconstpointer  data)
{
  BylineBody *body = byline_article_get_body (article (f));
  ImageWait wait = { article (f), 2 };
  BylineImage *original, *copy;

  type_story (f);
  original = byline_article_get_image (article (f), 0);
  select_range (f, 0, 0, 2, 0);
  drag_in_body (f, 0, 3, 3, 24, TRUE, TRUE);
  g_assert_true (byline_ui_test_wait_until (has_n_images, &wait, 5000));

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 6);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn kéo dài suốt đêm.");
  office_assert_block (body, 1, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 4, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn kéo dài suốt đêm.");
  office_assert_block (body, 5, BYLINE_BLOCK_IMAGE, NULL);
  copy = byline_article_get_image (article (f), 1);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 1)), ==, byline_image_get_id (original));
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 5)), ==, byline_image_get_id (copy));
  g_assert_cmpstr (byline_image_get_sha256 (copy), ==, byline_image_get_sha256 (original));
  g_assert_cmpstr (byline_image_get_caption (copy), ==, "Sạt lở trên Quốc lộ 4H.");
}

/* A selection dragged from one story's window into another's: copied there
 * with its picture (into that draft's folder), the first story unchanged. */
static void
test_between_stories (Fixture       *f,
                      gconstpointer  data)
{
  BylineWindow *other = byline_ui_test_new_window (f->store);
  BylineBodyView *other_view = byline_article_editor_get_body_view (byline_window_get_editor (other));
  BylineArticle *other_story = byline_document_get_article (byline_window_get_document (other));
  BylineBody *other_body = byline_article_get_body (other_story);
  ImageWait wait = { other_story, 1 };
  BylineImage *image, *original;
  g_autofree char *path = NULL;
  double x1, y1;

  type_story (f);
  original = byline_article_get_image (article (f), 0);
  gtk_window_present (GTK_WINDOW (other));
  byline_ui_test_place_window (GTK_WINDOW (f->window), 0, 0, 640, 800);
  byline_ui_test_place_window (GTK_WINDOW (other), 640, 0, 640, 800);

  select_range (f, 0, 0, 3, 0);
  point_at (body_view (f), 0, 3, FALSE, &x1, &y1);
  byline_ui_test_drag (GTK_WIDGET (body_view (f)), x1, y1, GTK_WIDGET (other_view), 40, 20, FALSE);
  g_assert_true (byline_ui_test_wait_until (has_n_images, &wait, 5000));

  g_assert_cmpuint (byline_body_get_n_blocks (other_body), >=, 3);
  office_assert_block (other_body, 0, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn kéo dài suốt đêm.");
  office_assert_block (other_body, 1, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (other_body, 2, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ phải di dời.");
  image = byline_article_get_image (other_story, 0);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (other_body, 1)), ==, byline_image_get_id (image));
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Sạt lở trên Quốc lộ 4H.");
  g_assert_cmpstr (byline_image_get_sha256 (image), ==, byline_image_get_sha256 (original));
  path = g_file_get_path (byline_image_get_file (image));
  g_assert_nonnull (strstr (path, byline_article_get_id (other_story)));
  /* Copied, not moved. */
  assert_story_as_typed (f);

  gtk_window_destroy (GTK_WINDOW (other));
}

/* Another program's window: what it is offered when something is dropped
 * on it, and the page it reads. */
typedef struct
{
  GtkWidget *window;
  char      *formats;
  char      *html;
  gboolean   done;
} Program;

static void
on_page_spliced (GObject      *object,
                 GAsyncResult *result,
                 gpointer      data)
{
  Program *program = data;
  GdkDrop *drop = g_object_get_data (object, "drop");

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, NULL) >= 0)
    {
      g_autoptr(GBytes) bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (object));

      program->html = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  gdk_drop_finish (drop, program->html != NULL ? GDK_ACTION_COPY : 0);
  program->done = TRUE;
  g_object_unref (object);
}

/* Read as a program reads it: without blocking (the page is written into
 * the pipe as it is read, by this same main loop when the drag is local). */
static void
on_page_read (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  Program *program = data;
  g_autoptr(GInputStream) stream = gdk_drop_read_finish (GDK_DROP (object), result, NULL, NULL);
  GOutputStream *out;

  if (stream == NULL)
    {
      gdk_drop_finish (GDK_DROP (object), 0);
      program->done = TRUE;
      return;
    }
  out = g_memory_output_stream_new_resizable ();
  g_object_set_data_full (G_OBJECT (out), "drop", g_object_ref (object), g_object_unref);
  g_output_stream_splice_async (out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_page_spliced, program);
}

static gboolean
on_program_drop (GtkDropTargetAsync *target,
                 GdkDrop            *drop,
                 double              x,
                 double              y,
                 Program            *program)
{
  program->formats = gdk_content_formats_to_string (gdk_drop_get_formats (drop));
  gdk_drop_read_async (drop, (const char *[]) { "text/html", NULL }, G_PRIORITY_DEFAULT, NULL,
                       on_page_read, program);
  return TRUE;
}

static gboolean
program_done (gpointer data)
{
  return ((Program *) data)->done;
}

/* A paragraph and its figure dragged out of Byline into another program (a
 * word processor, a mail) go as a page with the picture and its caption,
 * as Copy puts them on the clipboard; GtkTextView offered their text only.
 * What Byline's headline offers stays its text. */
static void
test_out_to_other_program (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GdkContentFormats) formats = gdk_content_formats_new ((const char *[]) { "text/html", NULL }, 1);
  GtkDropTargetAsync *target = gtk_drop_target_async_new (g_steal_pointer (&formats), GDK_ACTION_COPY);
  Program program = { gtk_window_new (), NULL, NULL, FALSE };
  g_autofree char *uri = NULL;
  double x1, y1;

  type_story (f);
  g_signal_connect (target, "drop", G_CALLBACK (on_program_drop), &program);
  gtk_widget_add_controller (program.window, GTK_EVENT_CONTROLLER (target));
  gtk_window_set_default_size (GTK_WINDOW (program.window), 400, 400);
  gtk_window_present (GTK_WINDOW (program.window));
  byline_ui_test_place_window (GTK_WINDOW (f->window), 0, 0, 640, 800);
  byline_ui_test_place_window (GTK_WINDOW (program.window), 700, 0, 400, 400);

  select_range (f, 0, 0, 2, 0);
  point_at (body_view (f), 0, 3, FALSE, &x1, &y1);
  byline_ui_test_drag (GTK_WIDGET (body_view (f)), x1, y1, program.window, 200, 200, FALSE);
  g_assert_true (byline_ui_test_wait_until (program_done, &program, 5000));
  g_test_message ("offered: %s", program.formats);
  g_assert_nonnull (strstr (program.formats, BYLINE_CLIP_MIME_TYPE));
  g_assert_nonnull (program.html);
  /* A whole page: LibreOffice pasted a fragment's figure without its
   * caption. */
  g_assert_true (g_str_has_prefix (program.html, "<html><head><meta charset=\"utf-8\">"));
  g_assert_nonnull (strstr (program.html, "Mưa lớn kéo dài suốt đêm."));
  g_assert_nonnull (strstr (program.html, "Sạt lở trên Quốc lộ 4H."));
  uri = g_file_get_uri (byline_image_get_file (byline_article_get_image (article (f), 0)));
  g_assert_nonnull (strstr (program.html, "<img"));
  g_assert_nonnull (strstr (program.html, uri));
  /* Copied out, not moved. */
  assert_story_as_typed (f);

  /* The headline's words: as a page too, their text (escaped). */
  g_clear_pointer (&program.html, g_free);
  g_clear_pointer (&program.formats, g_free);
  program.done = FALSE;
  byline_ui_test_click (GTK_WIDGET (body_view (f)), 5, 5);
  byline_article_set_headline (article (f), "Sạt lở <Quốc lộ 4H>");
  byline_ui_test_wait (200);
  {
    GtkTextView *headline = byline_article_editor_get_headline_view (editor (f));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (headline);
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    gtk_text_buffer_select_range (buffer, &start, &end);
    byline_ui_test_wait (100);
    gtk_text_buffer_get_iter_at_offset (buffer, &start, 2);
    byline_ui_test_iter_point (headline, &start, FALSE, &x1, &y1);
    byline_ui_test_drag (GTK_WIDGET (headline), x1, y1, program.window, 200, 200, FALSE);
  }
  g_assert_true (byline_ui_test_wait_until (program_done, &program, 5000));
  g_assert_nonnull (program.html);
  g_assert_nonnull (strstr (program.html, "Sạt lở &lt;Quốc lộ 4H&gt;"));

  /* Copied by GtkTextView and pasted into the body, they are its text, as
   * they were (not a piece that could not be read). */
  {
    GtkTextView *headline = byline_article_editor_get_headline_view (editor (f));
    BlockWait wait = { byline_article_get_body (article (f)), 4, 3, "Đường lên xã bị chia cắt.Sạt lở <Quốc lộ 4H>" };
    GtkTextIter end;

    gtk_text_buffer_copy_clipboard (gtk_text_view_get_buffer (headline), gtk_widget_get_clipboard (GTK_WIDGET (headline)));
    gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (body_buffer (f)), &end);
    gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (body_buffer (f)), &end);
    g_signal_emit_by_name (body_view (f), "paste-clipboard");
    g_assert_true (byline_ui_test_wait_until (has_block, &wait, 3000));
  }

  g_free (program.html);
  g_free (program.formats);
  gtk_window_destroy (GTK_WINDOW (program.window));
}

/* What LibreOffice offers for a piece of anh-noi.docx: its OpenDocument
 * package, Rich Text, a page, text. */
static GdkContentProvider *
libreoffice_piece (void)
{
  g_autoptr(GBytes) odt = byline_test_data_bytes ("clipboard/anh-noi.odt");
  g_autoptr(GBytes) rtf = byline_test_data_bytes ("clipboard/anh-noi.rtf");
  g_autoptr(GBytes) html = byline_test_data_bytes ("clipboard/anh-noi.html");
  g_autoptr(GBytes) nothing = g_bytes_new_static ("", 0);
  GdkContentProvider *providers[5];

  providers[0] = gdk_content_provider_new_for_bytes (OPENDOCUMENT_PIECE, odt);
  providers[1] = gdk_content_provider_new_for_bytes ("text/rtf", rtf);
  providers[2] = gdk_content_provider_new_for_bytes (DESCRIPTOR, nothing);
  providers[3] = gdk_content_provider_new_for_bytes ("text/html", html);
  providers[4] = gdk_content_provider_new_typed (G_TYPE_STRING, "Hoa tam giác mạch nở rộ ở Bắc Hà");
  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}

/* Another program's window at the screen's bottom left, a label in it to
 * drag @content from. */
static GtkWidget *
source_window (GdkContentProvider *content,
               GtkWidget         **label)
{
  GtkWidget *window = gtk_window_new ();
  GtkDragSource *source = gtk_drag_source_new ();

  *label = gtk_label_new ("Hoa tam giác mạch");
  gtk_drag_source_set_content (source, content);
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY | GDK_ACTION_MOVE);
  gtk_widget_add_controller (*label, GTK_EVENT_CONTROLLER (source));
  g_object_set_data (G_OBJECT (window), "drag-source", source);
  gtk_window_set_child (GTK_WINDOW (window), *label);
  gtk_window_present (GTK_WINDOW (window));
  byline_ui_test_wait (300);
  byline_ui_test_place_window (GTK_WINDOW (window), 0, 600, 300, 200);
  return window;
}

/* A piece of a document dragged from a word processor, which offers it as
 * LibreOffice does (its OpenDocument package, Rich Text, a page, text):
 * the text where it was dropped, the photos with their captions copied
 * into the draft, as a paste brings them. */
static void
test_from_word_processor (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GdkContentProvider) content = libreoffice_piece ();
  GtkWidget *label;
  GtkWidget *window;
  BylineBody *body = byline_article_get_body (article (f));
  ImageWait wait = { article (f), 2 };
  BylineImage *image;
  double x, y;

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (body_view (f)), "Mở đầu.\nKết.");
  byline_ui_test_wait (300);
  window = source_window (content, &label);

  /* Dropped at the start of "Kết.". */
  point_at (body_view (f), 1, 0, FALSE, &x, &y);
  byline_ui_test_drag (label, 20, 10, GTK_WIDGET (body_view (f)), x - 2, y, FALSE);
  g_assert_true (byline_ui_test_wait_until (has_n_images, &wait, 5000));

  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Mở đầu.");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Hoa tam giác mạch nở rộ ở Bắc Hà");
  office_assert_block (body, byline_body_get_n_blocks (body) - 1, BYLINE_BLOCK_PARAGRAPH, "Kết.");
  image = byline_article_get_image (article (f), 0);
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (image)), >, 1);
  g_assert_cmpstr (byline_image_get_filename (image), ==, "hoa-tam-giac-mach-1.jpg");
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Cánh đồng hoa ở Lùng Phình.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Thu Hà");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A site whose picture comes only when the test lets it. */
typedef struct
{
  GBytes            *picture;
  SoupServerMessage *held;
  gboolean           drag_ended;
} SlowSite;

static void
serve_slowly (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           data)
{
  SlowSite *site = data;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_COPY, g_bytes_get_data (site->picture, NULL),
                                    g_bytes_get_size (site->picture));
  site->held = msg;
  soup_server_message_pause (msg);
}

static gboolean
picture_asked (gpointer data)
{
  return ((SlowSite *) data)->held != NULL;
}

static gboolean
drag_ended (gpointer data)
{
  return ((SlowSite *) data)->drag_ended;
}

static void
on_drag_end (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             SlowSite      *site)
{
  site->drag_ended = TRUE;
}

/* Part of a story dragged from a browser: the text and its picture arrive,
 * and the browser's drag ends as soon as the page is read, not after its
 * pictures have downloaded over a slow line. */
static void
test_from_browser (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) made = byline_ui_test_picture (f, "made.png", 0x3366cc);
  SlowSite site = { g_file_load_bytes (made, NULL, NULL, NULL), NULL, FALSE };
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *page = NULL;
  g_autoptr(GBytes) page_bytes = NULL;
  g_autoptr(GdkContentProvider) content = NULL;
  ImageWait wait = { article (f), 1 };
  GtkWidget *label;
  GtkWidget *window;
  double x, y;
  int port;

  server = byline_test_serve_local (serve_slowly, &site, &port);
  page = g_strdup_printf ("<meta charset=utf-8><p>Nước lũ dâng cao.</p><figure><img src='http://127.0.0.1:%d/"
                          "lu-len.png' alt='Nước lũ'><figcaption>Nước lũ tràn qua bản.</figcaption></figure>",
                          port);
  page_bytes = g_bytes_new (page, strlen (page));
  content = gdk_content_provider_new_for_bytes ("text/html", page_bytes);

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (body_view (f)), "Mở đầu.");
  byline_ui_test_wait (300);
  window = source_window (content, &label);
  g_signal_connect (g_object_get_data (G_OBJECT (window), "drag-source"), "drag-end",
                    G_CALLBACK (on_drag_end), &site);

  point_at (body_view (f), 0, 6, TRUE, &x, &y);
  byline_ui_test_drag (label, 20, 10, GTK_WIDGET (body_view (f)), x, y, FALSE);
  g_assert_true (byline_ui_test_wait_until (picture_asked, &site, 5000));
  /* The picture is still on its way; the drag is over. */
  g_assert_true (byline_ui_test_wait_until (drag_ended, &site, 5000));
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 0);

  soup_server_message_unpause (site.held);
  g_assert_true (byline_ui_test_wait_until (has_n_images, &wait, 5000));
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (article (f), 0)), ==,
                   "Nước lũ tràn qua bản.");
  g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (article (f), 0)), ==, "lu-len.png");

  soup_server_disconnect (server);
  gtk_window_destroy (GTK_WINDOW (window));
  g_bytes_unref (site.picture);
}

/* A whole story dragged onto a new story's headline is taken apart as its
 * paste there is: headline, lead and source prefix to their fields, the
 * text and photos into the body.  GtkTextView's drop made it the
 * headline's one line.  A headline dragged there stays a headline. */
static void
test_story_onto_headline (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GdkContentProvider) content = libreoffice_piece ();
  g_autoptr(GdkContentProvider) words = gdk_content_provider_new_typed (G_TYPE_STRING, "Mưa lũ\nở Bát Xát");
  GtkTextView *headline = byline_article_editor_get_headline_view (editor (f));
  GtkWidget *label;
  GtkWidget *window;
  ImageWait wait = { article (f), 2 };

  byline_article_editor_focus_headline (editor (f));
  byline_ui_test_wait (300);
  window = source_window (content, &label);
  byline_ui_test_drag (label, 20, 10, GTK_WIDGET (headline), 30, 10, FALSE);
  g_assert_true (byline_ui_test_wait_until (has_n_images, &wait, 5000));
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Hoa tam giác mạch nở rộ ở Bắc Hà");
  g_assert_cmpstr (byline_article_get_source_prefix (article (f)), ==, "BLC");
  g_assert_true (g_str_has_prefix (byline_article_get_lead (article (f)), "(BLC) - Những ngày này"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Two lines, onto a new story's headline: its headline. */
  byline_ui_test_empty_story (f);
  byline_ui_test_wait (300);
  byline_ui_test_click (GTK_WIDGET (headline), 30, 10);
  window = source_window (words, &label);
  byline_ui_test_drag (label, 20, 10, GTK_WIDGET (headline), 30, 10, FALSE);
  byline_ui_test_wait (500);
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Mưa lũ ở Bát Xát");
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A row of the pictures panel dragged onto the text: a picture not in the
 * text is put where it is dropped; one in the text moves there. */
static void
test_row_into_text (Fixture       *f,
                    gconstpointer  data)
{
  BylineBody *body = byline_article_get_body (article (f));
  BylineCaptionPanel *panel = byline_window_get_caption_panel (f->window);
  BylineBodyBuffer *buffer = body_buffer (f);
  BylineImage *image;
  GtkWidget *row;
  BlockWait wait = { body, 4, 3, "Đường lên xã bị chia cắt." };
  double x, y;

  type_story (f);
  image = byline_article_get_image (article (f), 0);
  byline_body_buffer_begin_edit (buffer, BYLINE_EDIT_OTHER);
  byline_body_remove_block (body, 1);
  byline_body_buffer_end_edit (buffer);
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (image)), ==, -1);
  byline_ui_test_wait (300);

  row = GTK_WIDGET (byline_caption_panel_get_row (panel, 0));
  point_at (body_view (f), 1, 20, TRUE, &x, &y);
  byline_ui_test_drag (row, 40, 24, GTK_WIDGET (body_view (f)), x, y, FALSE);
  g_assert_true (byline_ui_test_wait_until (has_block, &wait, 3000));
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ phải di dời.");
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 2)), ==, byline_image_get_id (image));

  /* In the text now: dragged again, above the first line, it moves. */
  byline_ui_test_click (GTK_WIDGET (body_view (f)), 5, 5);
  row = GTK_WIDGET (byline_caption_panel_get_row (panel, 0));
  point_at (body_view (f), 0, 0, FALSE, &x, &y);
  byline_ui_test_drag (row, 40, 24, GTK_WIDGET (body_view (f)), x - 2, y, FALSE);
  wait.block = 1;
  wait.text = "Mưa lớn kéo dài suốt đêm.";
  g_assert_true (byline_ui_test_wait_until (has_block, &wait, 3000));
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 0)), ==, byline_image_get_id (image));
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);

  /* One undo a drop. */
  g_assert_true (byline_body_buffer_undo (buffer));
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 2)), ==, byline_image_get_id (image));
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn kéo dài suốt đêm.");
}

int
main (int   argc,
      char *argv[])
{
  /* The loopback site is reached directly, as no proxy is asked. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  byline_ui_test_init (&argc, &argv);

  byline_ui_test_add_window_test ("/ui/drag/move-figure", test_move_figure);
  byline_ui_test_add_window_test ("/ui/drag/move-figure-alone", test_move_figure_alone);
  byline_ui_test_add_window_test ("/ui/drag/blocks-between-paragraphs", test_blocks_between_paragraphs);
  byline_ui_test_add_window_test ("/ui/drag/figure-icon", test_figure_icon);
  byline_ui_test_add_window_test ("/ui/drag/move-words", test_move_words);
  byline_ui_test_add_window_test ("/ui/drag/copy-with-ctrl", test_copy_with_ctrl);
  byline_ui_test_add_window_test ("/ui/drag/between-stories", test_between_stories);
  byline_ui_test_add_window_test ("/ui/drag/out-to-other-program", test_out_to_other_program);
  byline_ui_test_add_window_test ("/ui/drag/from-word-processor", test_from_word_processor);
  byline_ui_test_add_window_test ("/ui/drag/from-browser", test_from_browser);
  byline_ui_test_add_window_test ("/ui/drag/story-onto-headline", test_story_onto_headline);
  byline_ui_test_add_window_test ("/ui/drag/row-into-text", test_row_into_text);

  return g_test_run ();
}
