/* test-story-page.c — the headline, lead and a long body scroll as one page
 *
 * A story of 600 paragraphs and 12 pictures, opened in a real window: the
 * page's scrollbar runs over the header and the whole body, the header goes
 * off the top first and then the body scrolls itself; scrolling to a figure,
 * the cursor kept in sight while typing at the end, the headline brought back
 * into sight when it takes the focus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "byline-test-utils.h"
#include "ui-test-utils.h"
#include "byline-article-editor.h"
#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-document.h"
#include "byline-figure.h"
#include "byline-window.h"

#define N_PARAGRAPHS 600
#define N_PICTURES 12

typedef struct
{
  BylineDraftStore *store;
  BylineWindow     *window;
  char             *id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("drafts");
  g_autoptr(GFile) pictures = byline_test_make_folder ("pictures");
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GError) error = NULL;
  BylineBody *body = byline_article_get_body (article);

  byline_article_set_headline (article, "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản");
  byline_article_set_lead (article, "(BLC) - Mưa lớn kéo dài đã gây sạt lở nghiêm trọng.");
  for (guint i = 0; i < N_PARAGRAPHS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Đoạn %u: lực lượng cứu hộ đã có mặt tại hiện trường "
                                               "từ sáng sớm để giúp người dân di dời tài sản.", i + 1);

      byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, text);
      if (i % (N_PARAGRAPHS / N_PICTURES) == 9)
        {
          g_autofree char *name = g_strdup_printf ("anh-%u.png", i);
          g_autoptr(GFile) file = g_file_get_child (pictures, name);
          g_autoptr(BylineImage) picture = NULL;
          g_autoptr(GBytes) bytes = NULL;
          g_autofree char *sha = NULL;

          byline_test_write_png (file, 64, 48, 0x305070 + i);
          bytes = g_file_load_bytes (file, NULL, NULL, NULL);
          sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
          picture = byline_image_new (sha, "image/png");
          byline_image_set_file (picture, file);
          byline_image_set_filename (picture, name);
          byline_image_set_size (picture, 64, 48);
          byline_image_set_caption (picture, "Bộ đội giúp dân di dời.");
          byline_article_add_image (article, picture);
          byline_body_insert_image (body, G_MAXUINT, byline_image_get_id (picture));
        }
    }

  f->store = byline_draft_store_new (folder);
  g_assert_true (byline_draft_store_save (f->store, article, &error));
  g_assert_no_error (error);
  f->id = g_strdup (byline_article_get_id (article));

  f->window = byline_ui_test_new_window (f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  g_assert_true (byline_window_open_draft (f->window, f->id, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  g_clear_pointer (&f->id, g_free);
  byline_ui_test_wait (50);
}

static BylineArticleEditor *
editor (Fixture *f)
{
  return byline_window_get_editor (f->window);
}

static GtkTextView *
body (Fixture *f)
{
  return GTK_TEXT_VIEW (byline_article_editor_get_body_view (editor (f)));
}

static GtkAdjustment *
page_adjustment (Fixture *f)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (body (f)), GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

static GtkWidget *
scroller (Fixture *f)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (body (f)), GTK_TYPE_SCROLLED_WINDOW);
}

/* Where @widget's top and bottom are in the scrolled window; FALSE if not placed. */
static gboolean
in_sight (Fixture   *f,
          GtkWidget *widget)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget)
      || !gtk_widget_compute_bounds (widget, scroller (f), &bounds))
    return FALSE;
  return bounds.origin.y >= -1
         && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller (f)) + 1;
}

static gboolean
is_laid_out (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_mapped (GTK_WIDGET (body (f)))
         && gtk_adjustment_get_upper (page_adjustment (f)) > gtk_adjustment_get_page_size (page_adjustment (f));
}

static void
test_scrolls_as_one (Fixture       *f,
                     gconstpointer  data)
{
  GtkAdjustment *page, *own;
  GtkWidget *headline = GTK_WIDGET (byline_article_editor_get_headline_view (editor (f)));
  graphene_rect_t bounds;
  double header;

  g_assert_true (byline_ui_test_wait_until (is_laid_out, f, 5000));
  byline_ui_test_wait (300);
  page = page_adjustment (f);
  own = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (body (f)));
  g_assert_true (own != page);

  /* At the top: the headline shows, the body starts below it at its own top. */
  g_assert_cmpfloat (gtk_adjustment_get_value (page), ==, 0);
  g_assert_true (in_sight (f, headline));
  g_assert_cmpfloat (gtk_adjustment_get_value (own), ==, 0);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (body (f)), scroller (f), &bounds));
  header = bounds.origin.y;
  g_assert_cmpfloat (header, >, 80);
  /* The page runs over the header and all of the body. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (page), >=, header + gtk_adjustment_get_upper (own) - 1);

  /* Half the header scrolled away: the body moves up with it, unscrolled. */
  gtk_adjustment_set_value (page, header / 2);
  byline_ui_test_wait (100);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (body (f)), scroller (f), &bounds));
  g_assert_cmpfloat_with_epsilon (bounds.origin.y, header - (int) (header / 2), 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (own), ==, 0);

  /* Past the header: the body fills the page and scrolls by the rest. */
  gtk_adjustment_set_value (page, header + 500);
  byline_ui_test_wait (100);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (body (f)), scroller (f), &bounds));
  g_assert_cmpfloat_with_epsilon (bounds.origin.y, 0, 1);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (own), 500, 1);
  g_assert_false (in_sight (f, headline));

  /* The headline taking the focus brings the page back to its top. */
  gtk_widget_grab_focus (headline);
  byline_ui_test_wait (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (page), ==, 0);
  g_assert_true (in_sight (f, headline));
}

typedef struct
{
  Fixture   *f;
  GtkWidget *widget;
  guint      block;
} SightWait;

/* The figure's line is where the body shows it, and the figure there. */
static gboolean
widget_in_sight (gpointer data)
{
  SightWait *wait = data;
  GtkTextView *view = body (wait->f);
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (BYLINE_BODY_VIEW (view));
  GdkRectangle visible;
  GtkTextIter iter;
  int y, height;

  byline_body_buffer_get_iter_at_block (buffer, &iter, wait->block, 0);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_yrange (view, &iter, &y, &height);
  return y >= visible.y && y + height <= visible.y + visible.height
         && in_sight (wait->f, wait->widget);
}

static gboolean
body_complete (gpointer data)
{
  Fixture *f = data;

  return byline_body_buffer_get_complete (byline_body_view_get_body_buffer (BYLINE_BODY_VIEW (body (f))));
}

static GtkWidget *
figure_at_block (Fixture *f,
                 guint    block)
{
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (BYLINE_BODY_VIEW (body (f)));
  GtkTextIter iter;
  GtkTextChildAnchor *anchor;
  GtkWidget **widgets;
  guint n = 0;
  GtkWidget *figure;

  byline_body_buffer_get_iter_at_block (buffer, &iter, block, 0);
  anchor = gtk_text_iter_get_child_anchor (&iter);
  g_assert_nonnull (anchor);
  widgets = gtk_text_child_anchor_get_widgets (anchor, &n);
  g_assert_cmpuint (n, ==, 1);
  figure = widgets[0];
  g_free (widgets);
  return figure;
}

static void
test_scroll_to_figure (Fixture       *f,
                       gconstpointer  data)
{
  BylineBody *story = byline_article_get_body (byline_document_get_article (byline_window_get_document (f->window)));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (BYLINE_BODY_VIEW (body (f)));
  SightWait wait = { f, NULL };
  guint last = 0;

  g_assert_true (byline_ui_test_wait_until (is_laid_out, f, 5000));
  /* The last figure's widget exists once its line shows. */
  g_assert_true (byline_ui_test_wait_until (body_complete, f, 5000));
  for (guint i = 0; i < byline_body_get_n_blocks (story); i++)
    if (byline_block_get_kind (byline_body_get_block (story, i)) == BYLINE_BLOCK_IMAGE)
      last = i;
  g_assert_cmpuint (last, >, N_PARAGRAPHS - N_PARAGRAPHS / N_PICTURES);

  /* The last figure, far below what GtkTextView has laid out so far. */
  wait.widget = figure_at_block (f, last);
  wait.block = last;
  g_assert_false (widget_in_sight (&wait));
  byline_article_editor_scroll_to_block (editor (f), last);
  g_assert_true (byline_ui_test_wait_until (widget_in_sight, &wait, 5000));
  byline_ui_test_wait (300);
  g_assert_true (widget_in_sight (&wait));
  g_assert_cmpfloat (gtk_adjustment_get_value (page_adjustment (f)), >, 10000);

  /* The cursor put in the figure selects its picture, and nothing moves. */
  {
    GtkTextIter iter;
    double value = gtk_adjustment_get_value (page_adjustment (f));

    byline_body_buffer_get_iter_at_block (buffer, &iter, last, 0);
    gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
    byline_ui_test_wait (300);
    g_assert_true (byline_document_get_selected_image (byline_window_get_document (f->window))
                   == byline_article_get_image (byline_document_get_article (byline_window_get_document (f->window)),
                                                N_PICTURES - 1));
    g_assert_cmpfloat (gtk_adjustment_get_value (page_adjustment (f)), ==, value);
  }

  /* Selecting its picture (the caption panel's row does this) does too, from
   * the top, also with the cursor still in the figure scrolled away from. */
  gtk_adjustment_set_value (page_adjustment (f), 0);
  g_assert_true (byline_ui_test_wait_until (is_laid_out, f, 5000));
  byline_ui_test_wait (100);
  g_assert_false (widget_in_sight (&wait));
  byline_document_set_selected_image (byline_window_get_document (f->window), NULL);
  byline_document_set_selected_image (byline_window_get_document (f->window),
                                      byline_article_get_image (byline_document_get_article (byline_window_get_document (f->window)),
                                                                N_PICTURES - 1));
  g_assert_true (byline_ui_test_wait_until (widget_in_sight, &wait, 5000));
  {
    guint block;

    g_assert_true (byline_body_buffer_locate_cursor (buffer, &block, NULL));
    g_assert_cmpuint (block, ==, last);
  }
}

static gboolean
cursor_in_sight (gpointer data)
{
  Fixture *f = data;
  GtkTextView *view = body (f);
  GdkRectangle strong;
  int wx, wy;
  graphene_point_t point;

  gtk_text_view_get_cursor_locations (view, NULL, &strong, NULL);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, strong.x, strong.y, &wx, &wy);
  if (!gtk_widget_compute_point (GTK_WIDGET (view), scroller (f), &GRAPHENE_POINT_INIT (wx, wy), &point))
    return FALSE;
  return point.y >= 0 && point.y + strong.height <= gtk_widget_get_height (scroller (f));
}

static gboolean
cursor_at_end_in_sight (gpointer data)
{
  Fixture *f = data;

  return cursor_in_sight (f) && gtk_adjustment_get_value (page_adjustment (f)) > 10000;
}

static void
test_cursor_kept_in_sight (Fixture       *f,
                           gconstpointer  data)
{
  g_assert_true (byline_ui_test_wait_until (is_laid_out, f, 5000));
  gtk_widget_grab_focus (GTK_WIDGET (body (f)));

  /* Ctrl+End (GtkTextView's keybinding signal): the page follows the cursor. */
  g_signal_emit_by_name (body (f), "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  g_assert_true (byline_ui_test_wait_until (cursor_at_end_in_sight, f, 5000));

  /* From the top of the page, where the header shows: Up. */
  gtk_adjustment_set_value (page_adjustment (f), 0);
  byline_ui_test_wait (200);
  g_assert_false (cursor_in_sight (f));
  g_signal_emit_by_name (body (f), "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, -1, FALSE);
  g_assert_true (byline_ui_test_wait_until (cursor_at_end_in_sight, f, 5000));
}

/* What the first painted frame shows of the figures: each as wide as the
 * body leaves it, not at the narrow width a figure starts with.  (They
 * used to learn their width in an idle after that frame, so the story first
 * showed with narrow figures, and each figure was measured twice.) */
typedef struct
{
  Fixture *f;
  guint    n_figures;
  guint    n_right;
  int      expected;
  gboolean painted;
} FirstFrame;

static void
on_first_paint (GdkFrameClock *clock,
                FirstFrame    *first)
{
  GtkWidget *view = GTK_WIDGET (body (first->f));

  if (first->painted)
    return;
  first->painted = TRUE;
  first->expected = gtk_widget_get_width (view)
                    - gtk_text_view_get_left_margin (GTK_TEXT_VIEW (view))
                    - gtk_text_view_get_right_margin (GTK_TEXT_VIEW (view)) - 8;
  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!BYLINE_IS_FIGURE (child))
        continue;
      first->n_figures++;
      if (byline_figure_get_width (BYLINE_FIGURE (child)) == first->expected
          && gtk_widget_get_width (child) == first->expected)
        first->n_right++;
    }
}

static gboolean
first_painted (gpointer data)
{
  return ((FirstFrame *) data)->painted;
}

static void
test_figures_sized_in_first_frame (Fixture       *f,
                                   gconstpointer  data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  FirstFrame first = { f, 0, 0, 0, FALSE };
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint), &first);
  g_assert_true (byline_ui_test_wait_until (first_painted, &first, 5000));
  g_signal_handler_disconnect (clock, handler);

  g_assert_cmpint (first.expected, >, 120);
  /* The story's top shows first: its first figure is there. */
  g_assert_cmpuint (first.n_figures, >=, 1);
  g_assert_cmpuint (first.n_right, ==, first.n_figures);

  /* The figures that show later are as wide. */
  g_assert_true (byline_ui_test_wait_until (body_complete, f, 5000));
  byline_ui_test_wait (100);
  first.painted = FALSE;
  first.n_figures = first.n_right = 0;
  on_first_paint (clock, &first);
  g_assert_cmpuint (first.n_figures, ==, N_PICTURES);
  g_assert_cmpuint (first.n_right, ==, N_PICTURES);
}

/* The story shows its top first, ready to type in; the rest follows, or
 * shows at once for Ctrl+End. */
static void
test_shown_in_parts (Fixture       *f,
                     gconstpointer  data)
{
  BylineBody *story = byline_article_get_body (byline_document_get_article (byline_window_get_document (f->window)));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (BYLINE_BODY_VIEW (body (f)));
  guint n_blocks = byline_body_get_n_blocks (story);
  guint block;

  g_assert_false (byline_body_buffer_get_complete (buffer));
  g_assert_cmpint (gtk_text_buffer_get_line_count (GTK_TEXT_BUFFER (buffer)), <, n_blocks);
  g_assert_true (byline_ui_test_wait_until (is_laid_out, f, 5000));

  /* Typed at the top as soon as the window shows. */
  gtk_widget_grab_focus (GTK_WIDGET (body (f)));
  g_signal_emit_by_name (body (f), "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, FALSE);
  byline_ui_test_type (body (f), "Mới: ");
  g_assert_true (g_str_has_prefix (byline_block_get_text (byline_body_get_block (story, 0)), "Mới: Đoạn 1:"));
  g_assert_cmpuint (byline_body_get_n_blocks (story), ==, n_blocks);

  /* Ctrl+End goes to the real end. */
  g_signal_emit_by_name (body (f), "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  g_assert_true (byline_body_buffer_get_complete (buffer));
  g_assert_true (byline_body_buffer_locate_cursor (buffer, &block, NULL));
  g_assert_cmpuint (block, ==, n_blocks - 1);
  g_assert_cmpint (gtk_text_buffer_get_line_count (GTK_TEXT_BUFFER (buffer)), ==, n_blocks);
}

int
main (int   argc,
      char *argv[])
{
  byline_ui_test_init (&argc, &argv);

  g_test_add ("/ui/story-page/scrolls-as-one", Fixture, NULL, fixture_setup, test_scrolls_as_one, fixture_teardown);
  g_test_add ("/ui/story-page/scroll-to-figure", Fixture, NULL, fixture_setup, test_scroll_to_figure, fixture_teardown);
  g_test_add ("/ui/story-page/figures-sized-in-first-frame", Fixture, NULL, fixture_setup,
              test_figures_sized_in_first_frame, fixture_teardown);
  g_test_add ("/ui/story-page/shown-in-parts", Fixture, NULL, fixture_setup, test_shown_in_parts, fixture_teardown);
  g_test_add ("/ui/story-page/cursor-kept-in-sight", Fixture, NULL, fixture_setup, test_cursor_kept_in_sight, fixture_teardown);
  return g_test_run ();
}
