/* test-pictures.c — the story's pictures in the window: the caption panel
 * and the figures in the text, kept in step, added by paste and drop,
 * removed with undo, and a hundred of them opened a screenful at a time.
 * What comes from a web site is in test-web.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"
#include "office-test-utils.h"
#include "ui-story.h"
#include "byline-article-editor.h"
#include "byline-body-buffer.h"
#include "byline-body-history.h"
#include "byline-body-view.h"
#include "byline-caption-panel.h"
#include "byline-caption-row.h"
#include "byline-document.h"
#include "byline-figure.h"
#include "byline-thumbnailer.h"
#include "byline-widget-util.h"
#include "byline-window.h"
#include "ui-window-test.h"

static gboolean
has_cursor_in_block (gpointer data)
{
  Fixture *f = data;
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (byline_article_editor_get_body_view (editor (f)));
  guint block;

  return byline_body_buffer_locate_cursor (buffer, &block, NULL) && block == 2;
}

/* Whether the editor's action @name may be used now (its group is kept on
 * the editor under this key, byline-article-editor-actions.c). */
static gboolean
action_enabled (Fixture    *f,
                const char *name)
{
  GActionGroup *group = g_object_get_data (G_OBJECT (editor (f)), "byline-editor-actions");

  g_assert_nonnull (group);
  return g_action_group_get_action_enabled (group, name);
}

static void
test_selection_follows (Fixture       *f,
                        gconstpointer  data)
{
  BylineCaptionPanel *panel;
  BylineBodyBuffer *buffer;
  BylineDocument *document;
  GtkListBox *list;
  GtkTextIter iter;

  byline_ui_test_type_story (f);
  panel = byline_window_get_caption_panel (f->window);
  document = byline_window_get_document (f->window);
  buffer = byline_body_view_get_body_buffer (byline_article_editor_get_body_view (editor (f)));
  list = GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (byline_caption_panel_get_row (panel, 0))));

  /* Selecting the second row puts the cursor at its figure (block 2). */
  gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (byline_caption_panel_get_row (panel, 1)));
  g_assert_true (byline_document_get_selected_image (document) == byline_article_get_image (article (f), 1));
  g_assert_true (byline_ui_test_wait_until (has_cursor_in_block, f, 1000));

  /* The cursor put in the first figure selects the first row. */
  byline_body_buffer_get_iter_at_block (buffer, &iter, 1, 0);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
  g_assert_true (byline_document_get_selected_image (document) == byline_article_get_image (article (f), 0));
  g_assert_true (gtk_list_box_get_selected_row (list) == GTK_LIST_BOX_ROW (byline_caption_panel_get_row (panel, 0)));

  /* Beside a figure the caret, as tall as the figure, is not drawn: the
   * figure's outline shows the cursor.  In the text it is drawn again. */
  {
    GtkWidget *view = GTK_WIDGET (byline_article_editor_get_body_view (editor (f)));

    g_assert_true (gtk_widget_has_css_class (view, "at-figure"));
    /* Nor do a paragraph's styles and the text's formatting apply there. */
    for (const char **name = (const char *[]) { "style", "bold", "italic", "link", NULL }; *name; name++)
      g_assert_false (action_enabled (f, *name));
    g_assert_true (action_enabled (f, "insert-picture"));
    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor (f)),
                                                                                        BYLINE_TYPE_ARTICLE_EDITOR,
                                                                                        "style_button"))));
    byline_body_buffer_get_iter_at_block (buffer, &iter, 0, 2);
    gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
    g_assert_false (gtk_widget_has_css_class (view, "at-figure"));
    for (const char **name = (const char *[]) { "style", "bold", "italic", "link", NULL }; *name; name++)
      g_assert_true (action_enabled (f, *name));
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor (f)),
                                                                                       BYLINE_TYPE_ARTICLE_EDITOR,
                                                                                       "style_button"))));
    /* A selection from the text into the figure: the text's block takes them. */
    {
      GtkTextIter figure;

      byline_body_buffer_get_iter_at_block (buffer, &figure, 1, 0);
      gtk_text_buffer_select_range (GTK_TEXT_BUFFER (buffer), &figure, &iter);
      g_assert_true (action_enabled (f, "style"));
    }
    /* Typing before or after a figure (where inserting pictures leaves the
     * cursor) makes a paragraph of the text, where the tools apply again:
     * the cursor moves there without a mark-set of its own. */
    for (int offset = 0; offset <= 1; offset++)
      {
        BylineBody *body = byline_article_get_body (article (f));
        guint figure = 0;

        while (byline_block_get_kind (byline_body_get_block (body, figure)) != BYLINE_BLOCK_IMAGE)
          figure++;
        byline_body_buffer_get_iter_at_block (buffer, &iter, figure, offset);
        gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
        g_assert_cmpint (byline_body_buffer_get_cursor_kind (buffer), ==, BYLINE_BLOCK_IMAGE);
        g_assert_false (action_enabled (f, "bold"));
        byline_ui_test_type (GTK_TEXT_VIEW (view), "Ảnh: ");
        g_assert_cmpint (byline_body_buffer_get_cursor_kind (buffer), ==, BYLINE_BLOCK_PARAGRAPH);
        g_assert_false (gtk_widget_has_css_class (view, "at-figure"));
        for (const char **name = (const char *[]) { "style", "bold", "italic", "link", NULL }; *name; name++)
          g_assert_true (action_enabled (f, *name));
      }
  }
}

/* A picture @name made and put in at the cursor, as "Add Pictures…" does. */
static void
add_picture_at_cursor (Fixture    *f,
                       const char *name,
                       guint32     color)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) picture = byline_ui_test_picture (f, name, color);
  g_autoptr(GError) error = NULL;

  g_list_store_append (files, picture);
  g_assert_cmpuint (byline_body_view_insert_pictures (view, G_LIST_MODEL (files), -1, &error), ==, 1);
  g_assert_no_error (error);
}

/* A story from a saved page whose photo did not come: its caption stands
 * where it was, as a paragraph.  The photo saved and added by hand, with
 * the cursor elsewhere, goes there: the paragraph is its caption and
 * credit, one step to undo.  It went to the cursor, the caption left as a
 * paragraph to move by hand. */
static void
test_missing_picture_place (Fixture       *f,
                            gconstpointer  data)
{
  const char *html = "<h1>Lũ quét ở Bát Xát</h1><p>(BLC) - Đêm 5/12, mưa lớn gây lũ quét ở Trịnh Tường.</p>"
                     "<p>Nhiều hộ dân phải di dời tài sản.</p>"
                     "<figure><img src=\"anh/lu-quet.png\"><figcaption>Nước lũ tràn qua bản. Ảnh: Hà Anh"
                     "</figcaption></figure><p>Chính quyền xã đã bố trí chỗ ở tạm.</p>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (html, strlen (html));
  g_autoptr(BylineArticle) story = NULL;
  g_autoptr(GError) error = NULL;
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (view);
  BylineBody *body;
  BylineImage *image;
  guint n_blocks;

  story = byline_import_read_full (bytes, "trang.html", f->files, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (byline_draft_store_save (f->store, story, &error));
  g_assert_true (byline_window_open_draft (f->window, byline_article_get_id (story), &error));
  g_assert_no_error (error);
  body = byline_article_get_body (article (f));
  n_blocks = byline_body_get_n_blocks (body);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, n_blocks - 2)), ==,
                   "Nước lũ tràn qua bản. Ảnh: Hà Anh");

  /* The cursor at the text's start. */
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (buffer), &start);
    gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &start);
  }
  add_picture_at_cursor (f, "lu-quet.png", 0x3366cc);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, n_blocks);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, n_blocks - 2)), ==, BYLINE_BLOCK_IMAGE);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 0)), ==, BYLINE_BLOCK_PARAGRAPH);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, n_blocks - 1)), ==,
                   "Chính quyền xã đã bố trí chỗ ở tạm.");
  image = byline_article_get_image (article (f), 0);
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Nước lũ tràn qua bản.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Hà Anh");
  g_assert_null (byline_article_dup_missing_pictures (article (f)));

  /* One step to undo: the paragraph is back where the figure was. */
  g_assert_true (byline_body_buffer_undo (buffer));
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, n_blocks);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, n_blocks - 2)), ==,
                   "Nước lũ tràn qua bản. Ảnh: Hà Anh");
}

/* A picture inserted at the end of the text, as "Add Pictures…" does, then
 * the story typed on below it: the text tools follow the cursor. */
static void
test_tools_after_insert (Fixture       *f,
                         gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (view);

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Nước lên nhanh trong đêm.");
  add_picture_at_cursor (f, "lu.png", 0x3366cc);
  g_assert_cmpint (byline_body_buffer_get_cursor_kind (buffer), ==, BYLINE_BLOCK_IMAGE);
  g_assert_false (action_enabled (f, "bold"));

  byline_ui_test_type (GTK_TEXT_VIEW (view), "Nước lũ tràn qua cầu.");
  g_assert_cmpint (byline_body_buffer_get_cursor_kind (buffer), ==, BYLINE_BLOCK_PARAGRAPH);
  for (const char **name = (const char *[]) { "style", "bold", "italic", "link", NULL }; *name; name++)
    g_assert_true (action_enabled (f, *name));
}

static gboolean
all_cleared (gpointer data)
{
  gpointer *pointers = data;

  for (guint i = 0; pointers[i] != GINT_TO_POINTER (-1); i++)
    if (pointers[i] != NULL)
      return FALSE;
  return TRUE;
}

/* A story's caption rows and the story itself go when the window moves on to
 * another: a reporter opens dozens of stories a day in one window. */
static void
test_rows_freed (Fixture       *f,
                 gconstpointer  data)
{
  BylineCaptionPanel *panel;
  gpointer pointers[] = { NULL, NULL, NULL, NULL, GINT_TO_POINTER (-1) };

  byline_ui_test_type_story (f);
  panel = byline_window_get_caption_panel (f->window);
  g_set_weak_pointer (&pointers[0], byline_caption_panel_get_row (panel, 0));
  g_set_weak_pointer (&pointers[1], byline_caption_panel_get_row (panel, 1));
  g_set_weak_pointer (&pointers[2], byline_window_get_document (f->window));
  g_set_weak_pointer (&pointers[3], article (f));
  g_assert_nonnull (pointers[0]);
  g_assert_nonnull (pointers[1]);

  /* The second row chosen while the panel is folded away (a narrow window):
   * the panel keeps it to scroll to once it shows again. */
  gtk_widget_set_visible (GTK_WIDGET (panel), FALSE);
  byline_document_set_selected_image (byline_window_get_document (f->window), byline_article_get_image (article (f), 1));
  byline_ui_test_wait (100);

  g_assert_true (byline_window_new_draft (f->window, NULL));
  g_assert_true (byline_ui_test_wait_until (all_cleared, pointers, 5000));
}

static void
test_remove_picture_undo (Fixture       *f,
                          gconstpointer  data)
{
  BylineCaptionPanel *panel;
  g_autoptr(BylineBody) before = byline_body_new ();
  g_autoptr(BylineImage) image = NULL;
  BylineImageRemoval *removal;
  BylineBody *body;

  byline_ui_test_type_story (f);
  panel = byline_window_get_caption_panel (f->window);
  body = byline_article_get_body (article (f));
  byline_body_copy_from (before, body);
  image = g_object_ref (byline_article_get_image (article (f), 0));

  /* Alt+Down on the first row moves its picture down, and the row with it. */
  byline_caption_panel_move (panel, 0, 1);
  g_assert_true (byline_article_get_image (article (f), 1) == image);
  byline_caption_panel_move (panel, 1, 0);

  removal = byline_document_remove_image (byline_window_get_document (f->window), image);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (image)), ==, -1);
  g_assert_null (byline_caption_panel_get_row (panel, 1));

  byline_document_undo_removal (byline_window_get_document (f->window), removal);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 2);
  g_assert_true (byline_article_get_image (article (f), 0) == image);
  g_assert_true (byline_body_equal (body, before));
  g_assert_nonnull (byline_caption_panel_get_row (panel, 1));
}

/* Removing a picture in the panel is a step of the text's undo: Ctrl+Z in
 * the text brings the picture back with its figure, and what was typed
 * before is still there to undo (the text's undo forgot every step).  A
 * figure deleted in the text, whose picture is then removed, comes back
 * with its picture too (it came back empty). */
static void
test_remove_picture_text_undo (Fixture       *f,
                               gconstpointer  data)
{
  BylineCaptionPanel *panel = byline_window_get_caption_panel (f->window);
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (byline_article_editor_get_body_view (editor (f)));
  BylineBody *body = byline_article_get_body (article (f));
  g_autoptr(BylineBody) typed = byline_body_new ();
  g_autoptr(BylineBody) untyped = byline_body_new ();
  g_autoptr(BylineImage) image = NULL;
  g_autoptr(BylineImage) other = NULL;
  GtkTextIter start, end;
  int block;

  byline_ui_test_type_story (f);
  image = g_object_ref (byline_article_get_image (article (f), 0));
  other = g_object_ref (byline_article_get_image (article (f), 1));
  byline_body_copy_from (untyped, body);
  byline_article_editor_focus_body (editor (f));
  byline_body_buffer_get_iter_at_block (buffer, &start, 0, 0);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &start);
  byline_ui_test_type (GTK_TEXT_VIEW (byline_article_editor_get_body_view (editor (f))), "Sáng nay, ");
  byline_body_copy_from (typed, body);
  g_assert_false (byline_body_equal (typed, untyped));

  byline_caption_panel_remove (panel, image);
  byline_ui_test_wait (50);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (image)), ==, -1);

  /* Ctrl+Z in the text: the figure and its picture, as they were. */
  g_assert_true (byline_body_buffer_undo (buffer));
  byline_ui_test_wait (50);
  g_assert_true (byline_body_equal (body, typed));
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 2);
  g_assert_true (byline_article_get_image (article (f), 0) == image);
  g_assert_true (byline_caption_row_get_image (byline_caption_panel_get_row (panel, 0)) == image);

  /* Ctrl+Shift+Z: the removal again, the picture out of the panel too (it
   * stayed there, in no place in the text); and Ctrl+Z once more. */
  g_assert_true (byline_body_buffer_redo (buffer));
  byline_ui_test_wait (50);
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (image)), ==, -1);
  g_assert_null (byline_article_find_image (article (f), byline_image_get_id (image)));
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
  g_assert_null (byline_caption_panel_get_row (panel, 1));
  g_assert_true (byline_body_buffer_undo (buffer));
  byline_ui_test_wait (50);
  g_assert_true (byline_body_equal (body, typed));
  g_assert_true (byline_article_get_image (article (f), 0) == image);
  g_assert_true (byline_caption_row_get_image (byline_caption_panel_get_row (panel, 0)) == image);

  /* The typing before it is still a step. */
  while (!byline_body_equal (body, untyped))
    g_assert_true (byline_body_buffer_undo (buffer));
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 2);

  /* The other figure deleted in the text, its picture then removed: undo
   * in the text brings both back. */
  block = byline_body_find_image (body, byline_image_get_id (other));
  g_assert_cmpint (block, >=, 0);
  byline_body_buffer_get_iter_at_block (buffer, &start, block, 0);
  byline_body_buffer_get_iter_at_block (buffer, &end, block, 1);
  g_assert_true (gtk_text_buffer_delete_interactive (GTK_TEXT_BUFFER (buffer), &start, &end, TRUE));
  byline_ui_test_wait (50);
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (other)), ==, -1);
  byline_caption_panel_remove (panel, other);
  byline_ui_test_wait (50);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
  g_assert_true (byline_body_buffer_undo (buffer));
  byline_ui_test_wait (50);
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (other)), ==, block);
  g_assert_nonnull (byline_article_find_image (article (f), byline_image_get_id (other)));
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 2);
  g_assert_true (byline_body_equal (body, untyped));
  /* Redone, the figure's deletion takes the picture removed after it. */
  g_assert_true (byline_body_buffer_redo (buffer));
  byline_ui_test_wait (50);
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (other)), ==, -1);
  g_assert_null (byline_article_find_image (article (f), byline_image_get_id (other)));
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
}

/* F2 with the cursor on a figure puts the keyboard in its caption, after
 * its last word, in the pictures panel; narrow, the panel comes out over
 * the text to show it.  (The pictures panel was otherwise reached with the
 * keyboard only through every control of the window.) */
static void
test_edit_caption (Fixture       *f,
                   gconstpointer  data)
{
  BylineCaptionPanel *panel = byline_window_get_caption_panel (f->window);
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (byline_article_editor_get_body_view (editor (f)));
  BylineBody *body = byline_article_get_body (article (f));
  BylineImage *image;
  GtkTextView *caption;
  GtkTextIter iter, end;

  byline_ui_test_type_story (f);
  image = byline_article_get_image (article (f), 1);
  for (guint wide = 0; wide < 2; wide++)
    {
      if (wide == 1)
        {
          gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
          byline_ui_test_wait (600);
          g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (panel)));
        }
      byline_article_editor_focus_body (editor (f));
      byline_body_buffer_get_iter_at_block (buffer, &iter, byline_body_find_image (body, byline_image_get_id (image)), 0);
      gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
      byline_ui_test_wait (100);
      g_assert_true (byline_document_get_selected_image (byline_window_get_document (f->window)) == image);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-caption", NULL));
      byline_ui_test_wait (300);
      caption = byline_caption_row_get_caption_view (byline_caption_panel_get_row (panel, 1));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (caption)));
      g_assert_true (byline_widget_has_keyboard (GTK_WIDGET (caption)));
      gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (caption), &iter,
                                        gtk_text_buffer_get_insert (gtk_text_view_get_buffer (caption)));
      gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (caption), &end);
      g_assert_true (gtk_text_iter_equal (&iter, &end));
      g_assert_cmpint (gtk_text_iter_get_offset (&end), >, 0);
    }
}

/* A figure selected in the text and typed over, as a key does it (the
 * selection deleted, then the letter): the
 * figure goes, the letter comes, and the picture stays in the panel, not
 * in the text.  (With the pointer over the figure this crashed Byline:
 * test-atspi-figure.py clicks it with a real pointer.) */
static void
test_type_over_figure (Fixture       *f,
                       gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (view);
  BylineBody *body = byline_article_get_body (article (f));
  BylineImage *image;
  GtkTextIter start, end;
  int block;

  byline_ui_test_type_story (f);
  image = byline_article_get_image (article (f), 0);
  block = byline_body_find_image (body, byline_image_get_id (image));
  /* Clicked, as a person selects it, then Shift+Right. */
  {
    GtkWidget *figure = byline_ui_test_find_descendant (GTK_WIDGET (view), BYLINE_TYPE_FIGURE);

    g_assert_true (g_strcmp0 (byline_figure_get_image_id (BYLINE_FIGURE (figure)), byline_image_get_id (image)) == 0);
    g_signal_emit_by_name (figure, "activate");
    byline_ui_test_wait (200);
  }
  byline_body_buffer_get_iter_at_block (buffer, &start, block, 0);
  byline_body_buffer_get_iter_at_block (buffer, &end, block, 1);
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (buffer), &end, &start);
  byline_ui_test_wait (200);

  /* What GtkTextView does with a key's text (gtk_text_view_commit_text()). */
  gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (buffer));
  gtk_text_buffer_delete_selection (GTK_TEXT_BUFFER (buffer), TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (GTK_TEXT_BUFFER (buffer), "X", -1, TRUE);
  gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (buffer));
  byline_ui_test_wait (200);
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (image)), ==, -1);
  g_assert_nonnull (byline_article_find_image (article (f), byline_image_get_id (image)));
  g_assert_nonnull (strstr (byline_block_get_text (byline_body_get_block (body, block)), "X"));
}

/* Removed from the panel with the keyboard (Alt+Delete on its row), a
 * picture leaves the keyboard in the panel: on the next row, then on Add
 * Pictures when none is left, where Ctrl+Z brings it back.  (The keyboard
 * went to the editor's toolbar, where Ctrl+Z did nothing.) */
static void
test_remove_keeps_keyboard (Fixture       *f,
                            gconstpointer  data)
{
  BylineCaptionPanel *panel = byline_window_get_caption_panel (f->window);
  BylineImage *first, *second;
  GtkWidget *focus;

  byline_ui_test_type_story (f);
  first = byline_article_get_image (article (f), 0);
  second = byline_article_get_image (article (f), 1);
  gtk_widget_grab_focus (GTK_WIDGET (byline_caption_panel_get_row (panel, 0)));
  byline_ui_test_wait (100);

  byline_caption_panel_remove (panel, first);
  byline_ui_test_wait (100);
  g_assert_true (byline_widget_has_keyboard (GTK_WIDGET (byline_caption_panel_get_row (panel, 0))));
  g_assert_true (byline_caption_row_get_image (byline_caption_panel_get_row (panel, 0)) == second);

  byline_caption_panel_remove (panel, second);
  byline_ui_test_wait (100);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 0);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (panel)));
  g_assert_true (gtk_widget_get_mapped (focus));

  /* Ctrl+Z where the keyboard is: the last picture removed comes back. */
  g_assert_true (gtk_widget_activate_action (focus, "panel.undo-removal", NULL));
  byline_ui_test_wait (100);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
  g_assert_true (byline_article_get_image (article (f), 0) == second);
}

/* Whether the item @label of @row's menu can be chosen. */
static gboolean
row_menu_item_sensitive (BylineCaptionRow *row,
                         const char       *label)
{
  GtkMenuButton *menu = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (row), BYLINE_TYPE_CAPTION_ROW,
                                                                        "menu_button"));
  GtkWidget *item;
  gboolean sensitive;

  gtk_menu_button_popup (menu);
  byline_ui_test_wait (200);
  item = byline_ui_test_find_label (GTK_WIDGET (gtk_menu_button_get_popover (menu)), label);
  g_assert_nonnull (item);
  sensitive = gtk_widget_is_sensitive (item);
  gtk_menu_button_popdown (menu);
  return sensitive;
}

/* A picture added above the others comes first in the panel; moved down by
 * keyboard, its figure trades places with the next one in the text. */
static void
test_order_follows_text (Fixture       *f,
                         gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (view);
  BylineCaptionPanel *panel;
  BylineImage *first, *top;
  BylineBody *body;
  GtkTextIter start;
  GtkWidget *row;

  byline_ui_test_type_story (f);
  panel = byline_window_get_caption_panel (f->window);
  body = byline_article_get_body (article (f));
  first = byline_article_get_image (article (f), 0);

  /* "Add Pictures…" with the cursor at the top of the text. */
  byline_body_buffer_get_iter_at_block (buffer, &start, 0, 0);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &start);
  add_picture_at_cursor (f, "top.png", 0xcc3333);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 3);
  top = byline_article_get_image (article (f), 0);
  g_assert_cmpstr (byline_image_get_filename (top), ==, "top.png");
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (top)), <,
                   byline_body_find_image (body, byline_image_get_id (first)));
  g_assert_true (byline_caption_row_get_image (byline_caption_panel_get_row (panel, 0)) == top);

  /* Alt+Down on its row: the two figures trade places, the row follows. */
  row = GTK_WIDGET (byline_caption_panel_get_row (panel, 0));
  g_assert_true (gtk_widget_activate_action (row, "row.move-down", NULL));
  g_assert_true (byline_article_get_image (article (f), 0) == first);
  g_assert_true (byline_article_get_image (article (f), 1) == top);
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (first)), <,
                   byline_body_find_image (body, byline_image_get_id (top)));
  row = GTK_WIDGET (byline_caption_panel_get_row (panel, 1));
  g_assert_true (byline_caption_row_get_image (BYLINE_CAPTION_ROW (row)) == top);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == row);

  /* The first row cannot go up, the last cannot go down. */
  g_assert_false (row_menu_item_sensitive (byline_caption_panel_get_row (panel, 0), "Move Up"));
  g_assert_true (row_menu_item_sensitive (byline_caption_panel_get_row (panel, 0), "Move Down"));
  g_assert_true (row_menu_item_sensitive (byline_caption_panel_get_row (panel, 2), "Move Up"));
  g_assert_false (row_menu_item_sensitive (byline_caption_panel_get_row (panel, 2), "Move Down"));

  /* The move is one step of the text's undo, and what was done before it
   * (adding the picture) is still there to undo after it. */
  g_assert_true (byline_body_buffer_undo (buffer));
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (top)), <,
                   byline_body_find_image (body, byline_image_get_id (first)));
  g_assert_true (byline_article_get_image (article (f), 0) == top);
  g_assert_true (byline_caption_row_get_image (byline_caption_panel_get_row (panel, 0)) == top);
  g_assert_true (byline_body_history_can_undo (byline_body_buffer_get_history (buffer)));
}

/* Picture @i of a story, its file made, with caption and credit; every
 * tenth lacks its alt text. */
static BylineImage *
make_picture (Fixture *f,
              guint    i)
{
  g_autofree char *name = g_strdup_printf ("anh-%03u.png", i);
  g_autofree char *caption = g_strdup_printf ("Ảnh %u: lực lượng cứu hộ.", i + 1);
  g_autoptr(GFile) file = byline_ui_test_picture (f, name, 0x102030 + i * 997);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  BylineImage *image = byline_image_new (sha, "image/png");

  byline_image_set_file (image, file);
  byline_image_set_filename (image, name);
  byline_image_set_size (image, 40, 30);
  byline_image_set_caption (image, caption);
  byline_image_set_credit (image, "Lò Văn Dũng");
  if (i % 10 != 9)
    byline_image_set_alt_text (image, "Bộ đội giúp dân di dời.");
  return image;
}

static void
save_and_open (Fixture       *f,
               BylineArticle *story)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (byline_draft_store_save (f->store, story, &error));
  g_assert_no_error (error);
  g_assert_true (byline_window_open_draft (f->window, byline_article_get_id (story), &error));
  g_assert_no_error (error);
  byline_ui_test_wait (300);
}

/* A story of @n pictures, a paragraph before each, saved and opened in the window. */
static void
open_long_story (Fixture *f,
                 guint    n)
{
  g_autoptr(BylineArticle) story = byline_article_new ();
  BylineBody *body = byline_article_get_body (story);

  byline_article_set_headline (story, HEADLINE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylineImage) image = make_picture (f, i);

      byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, PARAGRAPH1);
      byline_article_add_image (story, image);
      byline_body_insert_image (body, G_MAXUINT, byline_image_get_id (image));
    }
  save_and_open (f, story);
}

/* A story saved with its pictures listed in another order than the text's
 * (before the list followed the text) opens with them in the text's order,
 * and is not changed by being opened. */
static void
test_order_on_open (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BylineArticle) story = byline_article_new ();
  BylineBody *body = byline_article_get_body (story);
  BylineImage *images[3];

  byline_article_set_headline (story, HEADLINE);
  for (guint i = 0; i < 3; i++)
    {
      images[i] = make_picture (f, i);
      byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, PARAGRAPH1);
      byline_body_insert_image (body, G_MAXUINT, byline_image_get_id (images[i]));
    }
  for (guint i = 3; i > 0; i--)
    byline_article_add_image (story, images[i - 1]);
  save_and_open (f, story);

  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (byline_image_get_id (byline_article_get_image (article (f), i)), ==,
                       byline_image_get_id (images[i]));
      g_object_unref (images[i]);
    }
  g_assert_cmpint (byline_document_get_save_state (byline_window_get_document (f->window)), ==,
                   BYLINE_SAVE_STATE_SAVED);
}

static GtkListBox *
find_caption_list (GtkWidget *root)
{
  if (GTK_IS_LIST_BOX (root) && gtk_widget_has_css_class (root, "caption-list"))
    return GTK_LIST_BOX (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_caption_list (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The list of the story's pictures (not that of the pictures it has not);
 * not through byline_caption_panel_get_row(), which builds the row it
 * returns. */
static GtkListBox *
caption_list (Fixture *f)
{
  return find_caption_list (GTK_WIDGET (byline_window_get_caption_panel (f->window)));
}

static guint
count_built_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkListBoxRow *row; (row = gtk_list_box_get_row_at_index (list, n)) != NULL; )
    {
      if (!byline_caption_row_get_built (BYLINE_CAPTION_ROW (row)))
        break;
      n++;
    }
  return n;
}

static gboolean
row_in_view (GtkWidget *row)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (row, scroller, &bounds)
         && bounds.origin.y >= -1 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller) + 1;
}

static gboolean
first_rows_built (gpointer data)
{
  return count_built_rows (data) >= 2;
}

typedef struct
{
  GtkListBox *list;
  guint       position;
} RowWait;

static gboolean
row_shows (gpointer data)
{
  RowWait *wait = data;
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (wait->list, wait->position);

  return row != NULL && byline_caption_row_get_built (BYLINE_CAPTION_ROW (row)) && row_in_view (GTK_WIDGET (row));
}

static guint
count_all_built (GtkListBox *list)
{
  guint n = 0;
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    n += byline_caption_row_get_built (BYLINE_CAPTION_ROW (row));
  return n;
}

/* Opening a story of a hundred pictures builds a screenful of rows; the others
 * are built as they come into view, each with its own picture's fields. */
static void
test_long_story_rows (Fixture       *f,
                      gconstpointer  data)
{
  BylineDocument *document;
  BylineArticle *story;
  GtkListBox *list;
  GtkListBoxRow *row;
  BylineCaptionRow *caption_row;
  BylineImage *image;
  g_autofree char *caption = NULL;
  RowWait wait;

  open_long_story (f, 100);
  document = byline_window_get_document (f->window);
  story = article (f);
  list = caption_list (f);
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));

  /* Every picture has its row, named and marked, but only the first few are built. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 99));
  g_assert_null (gtk_list_box_get_row_at_index (list, 100));
  g_assert_true (byline_ui_test_wait_until (first_rows_built, list, 5000));
  byline_ui_test_wait (200);
  g_assert_cmpuint (count_all_built (list), ==, count_built_rows (list));
  g_assert_cmpuint (count_all_built (list), <=, 10);
  row = gtk_list_box_get_row_at_index (list, 89);
  g_assert_false (byline_caption_row_get_built (BYLINE_CAPTION_ROW (row)));
  g_assert_cmpstr (byline_caption_row_get_missing (BYLINE_CAPTION_ROW (row)), ==, "Missing alt text");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "incomplete"));
  g_assert_null (byline_caption_row_get_missing (BYLINE_CAPTION_ROW (gtk_list_box_get_row_at_index (list, 88))));

  /* Selecting the 90th picture (the cursor in its figure) shows its row, built. */
  byline_document_set_selected_image (document, byline_article_get_image (story, 89));
  wait = (RowWait) { list, 89 };
  g_assert_true (byline_ui_test_wait_until (row_shows, &wait, 3000));
  g_assert_true (gtk_list_box_get_selected_row (list) == row);
  caption_row = BYLINE_CAPTION_ROW (row);
  g_assert_true (byline_caption_row_get_image (caption_row) == byline_article_get_image (story, 89));
  caption = byline_ui_test_view_text (byline_caption_row_get_caption_view (caption_row));
  g_assert_cmpstr (caption, ==, "Ảnh 90: lực lượng cứu hộ.");
  g_assert_cmpuint (count_all_built (list), <=, 20);

  /* Typing into it changes that picture, and only that one. */
  gtk_widget_grab_focus (GTK_WIDGET (byline_caption_row_get_alt_entry (caption_row)));
  gtk_editable_set_text (byline_caption_row_get_alt_entry (caption_row), "Xe cứu hộ trên đèo.");
  g_assert_cmpstr (byline_image_get_alt_text (byline_article_get_image (story, 89)), ==, "Xe cứu hộ trên đèo.");
  g_assert_null (byline_caption_row_get_missing (caption_row));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "incomplete"));
  g_assert_cmpstr (byline_image_get_alt_text (byline_article_get_image (story, 88)), ==, "Bộ đội giúp dân di dời.");
  gtk_widget_grab_focus (GTK_WIDGET (byline_caption_row_get_caption_view (caption_row)));
  byline_ui_test_type (byline_caption_row_get_caption_view (caption_row), " Đèo Ô Quy Hồ.");
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (story, 89)), ==,
                   "Ảnh 90: lực lượng cứu hộ. Đèo Ô Quy Hồ.");
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (story, 90)), ==, "Ảnh 91: lực lượng cứu hộ.");

  /* Moved up by keyboard, its row (made again) is built, focused and in view. */
  image = byline_caption_row_get_image (caption_row);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (caption_row), "row.move-up", NULL));
  g_assert_true (byline_article_get_image (story, 88) == image);
  row = gtk_list_box_get_row_at_index (list, 88);
  g_assert_true (byline_caption_row_get_image (BYLINE_CAPTION_ROW (row)) == image);
  g_assert_true (byline_caption_row_get_built (BYLINE_CAPTION_ROW (row)));
  wait = (RowWait) { list, 88 };
  g_assert_true (byline_ui_test_wait_until (row_shows, &wait, 3000));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (row));

  /* Scrolled back to the top, the first rows show, still built. */
  byline_document_set_selected_image (document, byline_article_get_image (story, 0));
  wait = (RowWait) { list, 0 };
  g_assert_true (byline_ui_test_wait_until (row_shows, &wait, 3000));
  g_assert_cmpuint (count_all_built (list), <, 100);
}

static gboolean
has_n_images (gpointer data)
{
  Fixture *f = data;

  return byline_article_get_n_images (article (f)) == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (f->window), "want"));
}

static void
paste_and_wait_for_images (Fixture *f,
                           guint    n)
{
  BylineBodyView *body = byline_article_editor_get_body_view (editor (f));

  g_object_set_data (G_OBJECT (f->window), "want", GUINT_TO_POINTER (n));
  g_signal_emit_by_name (body, "paste-clipboard");
  g_assert_true (byline_ui_test_wait_until (has_n_images, f, 5000));
}

static gboolean
toast_says_lu_not_downloaded (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (byline_ui_test_toast_title (GTK_WIDGET (f->window)),
                    "1 picture of the page could not be downloaded (lu.jpg): save it from the browser, "
                    "then add it with Add Pictures") == 0;
}

/* What a reporter pastes into the body: a picture copied in a browser (no
 * file; encoded and copied into the draft in a thread, as a large one took
 * a while on the main thread), picture files copied in the file manager,
 * and a web page's text, cleaned to the body's structure. */
static void
test_paste (Fixture       *f,
            gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  BylineBody *body = byline_article_get_body (article (f));
  g_autoptr(GFile) file = byline_ui_test_picture (f, "pasted.png", 0x2b8a5a);
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_file (file, NULL);
  GdkFileList *files = NULL;
  g_autoptr(GdkContentProvider) html = NULL;
  g_autoptr(GBytes) page = NULL;
  GSList *list = NULL;
  gboolean found_heading = FALSE;
  const char *markup = "<meta charset=utf-8><div style='color:red'><h2>Hiện trường</h2>"
                       "<p>Nước <b>dâng cao</b> <span class=x>nhanh</span>.</p>"
                       "<figure><img src='http://127.0.0.1:9/lu.jpg'><figcaption>Lũ</figcaption></figure>"
                       "<script>alert(1)</script></div>";

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Mở đầu.");

  g_assert_nonnull (texture);
  gdk_clipboard_set_texture (clipboard, texture);
  paste_and_wait_for_images (f, 1);
  g_assert_cmpuint (byline_image_get_width (byline_article_get_image (article (f), 0)), ==, 40);
  /* Named for the reporter, not after the file it went through. */
  {
    const char *name = byline_image_get_filename (byline_article_get_image (article (f), 0));

    g_assert_true (g_str_has_prefix (name, "Pasted Picture 20"));
    g_assert_true (g_str_has_suffix (name, ".png"));
  }
  /* The file it went through (written in a thread, with the copy into
   * the draft) is gone. */
  {
    g_autoptr(GDir) tmp = g_dir_open (g_get_tmp_dir (), 0, NULL);
    const char *entry;

    while (tmp != NULL && (entry = g_dir_read_name (tmp)) != NULL)
      g_assert_false (g_str_has_prefix (entry, "byline-pasted-"));
  }

  list = g_slist_append (list, file);
  files = gdk_file_list_new_from_list (list);
  g_slist_free (list);
  gdk_clipboard_set (clipboard, GDK_TYPE_FILE_LIST, files);
  g_boxed_free (GDK_TYPE_FILE_LIST, files);
  paste_and_wait_for_images (f, 2);
  g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (article (f), 1)), ==, "pasted.png");

  page = g_bytes_new_static (markup, strlen (markup));
  html = gdk_content_provider_new_for_bytes ("text/html", page);
  gdk_clipboard_set_content (clipboard, html);
  g_object_set_data (G_OBJECT (f->window), "want-text", (gpointer) "Hiện trường");
  g_signal_emit_by_name (view, "paste-clipboard");
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_block_text, f, 5000));
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);

      if (g_strcmp0 (byline_block_get_text (block), "Hiện trường") == 0)
        found_heading = byline_block_get_kind (block) != BYLINE_BLOCK_PARAGRAPH;
      g_assert_null (strstr (byline_block_get_text (block) ? byline_block_get_text (block) : "", "alert"));
    }
  g_assert_true (found_heading);
  {
    g_autofree char *text = byline_ui_test_view_text (GTK_TEXT_VIEW (view));

    g_assert_nonnull (strstr (text, "Nước dâng cao nhanh."));
  }
  /* The page's picture could not be downloaded (nothing answers there): it
   * is not in the story, and a toast says so. */
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 2);
  g_assert_true (byline_ui_test_wait_until (toast_says_lu_not_downloaded, f, 5000));
}

#define OPENDOCUMENT_PIECE "application/x-openoffice-embed-source-xml;windows_formatname=\"Star Embed Source (XML)\""
#define DESCRIPTOR(name) "application/x-openoffice-objectdescriptor-xml;windows_formatname=\"Star Object " \
                         "Descriptor (XML)\";classname=\"8BC6B165-B1B2-4EDD-aa47-dae2ee689dd6\";typename=\"" \
                         "LibreOffice 7.4 Text Document\";displayname=\"" name "\";viewaspect=\"1\""

/* What LibreOffice puts on the clipboard (tests/data/clipboard/README): its
 * OpenDocument piece @odt (or garbage), Rich Text @rtf, its description
 * naming @document (unless NULL), and the HTML. */
static void
set_libreoffice_clipboard (Fixture    *f,
                           const char *odt,
                           const char *rtf,
                           const char *descriptor)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  g_autoptr(GBytes) html = byline_test_data_bytes ("clipboard/anh-noi.html");
  g_autoptr(GBytes) nothing = g_bytes_new_static ("", 0);
  GdkContentProvider *providers[4];
  guint n = 0;
  g_autoptr(GdkContentProvider) all = NULL;

  if (odt != NULL)
    {
      g_autoptr(GBytes) bytes = g_str_has_prefix (odt, "clipboard/") ? byline_test_data_bytes (odt)
                                                                       : g_bytes_new_static (odt, strlen (odt));

      providers[n++] = gdk_content_provider_new_for_bytes (OPENDOCUMENT_PIECE, bytes);
    }
  if (rtf != NULL)
    {
      g_autoptr(GBytes) bytes = byline_test_data_bytes (rtf);

      providers[n++] = gdk_content_provider_new_for_bytes ("text/rtf", bytes);
    }
  if (descriptor != NULL)
    providers[n++] = gdk_content_provider_new_for_bytes (descriptor, nothing);
  providers[n++] = gdk_content_provider_new_for_bytes ("text/html", html);
  all = gdk_content_provider_new_union (providers, n);
  g_assert_true (gdk_clipboard_set_content (clipboard, all));
}

/* A piece of a story copied in LibreOffice (Ctrl+A, Ctrl+C) pasted into
 * the body: its text where the cursor is, its photos with their captions,
 * credits and alt text copied into the draft, named after the document, in
 * one undo step.  The page LibreOffice offers beside it points at its
 * temporary files: pasted, the photos were left out ("save them, then add
 * them"), and in the Flatpak could not even be reached. */
static void
test_paste_document (Fixture       *f,
                     gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (view);
  BylineBody *body = byline_article_get_body (article (f));
  g_autofree char *draft_id = NULL;
  BylineImage *image;

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Mở đầu.\n");
  set_libreoffice_clipboard (f, "clipboard/anh-noi.odt", "clipboard/anh-noi.rtf",
                             DESCRIPTOR ("file:///home/pv/B%C3%A0i/Hoa%20tam%20gi%C3%A1c%20m%E1%BA%A1ch.docx"));
  paste_and_wait_for_images (f, 2);

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 8);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Mở đầu.");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Hoa tam giác mạch nở rộ ở Bắc Hà");
  office_assert_block (body, 4, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 6, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 7, BYLINE_BLOCK_PARAGRAPH, "Bài và ảnh: Thu Hà");

  image = byline_article_get_image (article (f), 0);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 4)), ==, byline_image_get_id (image));
  g_assert_cmpstr (byline_image_get_filename (image), ==, "hoa-tam-giac-mach-1.jpg");
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Cánh đồng hoa ở Lùng Phình.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Thu Hà");
  g_assert_cmpstr (byline_image_get_alt_text (image), ==, "Cánh đồng hoa tam giác mạch");
  /* The story's first picture: its featured one, as when pictures are added. */
  g_assert_true (byline_image_get_featured (image));
  /* Copied into the draft's own folder, not left in a temporary one. */
  draft_id = g_strdup (byline_article_get_id (article (f)));
  for (guint i = 0; i < 2; i++)
    {
      GFile *file = byline_image_get_file (byline_article_get_image (article (f), i));
      g_autofree char *path = g_file_get_path (file);

      g_assert_true (g_file_query_exists (file, NULL));
      g_assert_nonnull (strstr (path, draft_id));
    }
  g_test_message ("toast: %s", byline_ui_test_toast_title (GTK_WIDGET (f->window)));
  g_assert_null (byline_ui_test_toast_title (GTK_WIDGET (f->window)));

  /* One undo takes all of it back. */
  g_assert_true (byline_body_buffer_undo (buffer));
  g_assert_cmpuint (byline_body_get_n_blocks (body), <=, 2);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Mở đầu.");
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, i)), !=, BYLINE_BLOCK_IMAGE);

  /* A few words into the line, where the cursor is; without LibreOffice's
   * package, from its Rich Text. */
  {
    GtkTextIter iter;

    byline_body_buffer_get_iter_at_block (buffer, &iter, 0, 4);
    gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
  }
  set_libreoffice_clipboard (f, NULL, "clipboard/words.rtf", NULL);
  g_object_set_data (G_OBJECT (f->window), "want-text", (gpointer) "Mở đtam giác mạchầu.");
  g_signal_emit_by_name (view, "paste-clipboard");
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_block_text, f, 5000));
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Mở đtam giác mạchầu.");

  /* What is no text document (a spreadsheet's piece): the page instead. */
  set_libreoffice_clipboard (f, "PK\003\004 not a document", NULL, NULL);
  g_object_set_data (G_OBJECT (f->window), "want-text", (gpointer) "Mùa hoa kéo dài đến hết tháng 11.");
  g_signal_emit_by_name (view, "paste-clipboard");
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_block_text, f, 5000));
  g_assert_cmpstr (byline_ui_test_toast_title (GTK_WIDGET (f->window)), ==,
                   "2 pictures of the page were not pasted: save them, then add them with Add Pictures");
}

/* Pictures a piece has that Byline does not take (an EMF chart, a photo
 * only linked, a missing one) are named in a message; the photo is pasted. */
static void
test_paste_document_left_out (Fixture       *f,
                              gconstpointer  data)
{
  byline_article_editor_focus_body (editor (f));
  set_libreoffice_clipboard (f, "clipboard/left-out.odt", NULL, DESCRIPTOR ("file:///home/pv/left-out.docx"));
  paste_and_wait_for_images (f, 1);
  g_object_set_data (G_OBJECT (f->window), "want-text", (gpointer) "Biểu đồ lượng mưa.");
  g_assert_true (byline_ui_test_has_block_text (f));
  g_assert_true (g_str_has_prefix (byline_ui_test_toast_title (GTK_WIDGET (f->window)),
                                   "3 pictures of left-out.docx were left out (Picture 2, p3, p4)"));
  g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (article (f), 0)), ==, "left-out-1.png");
}

/* A whole story copied in LibreOffice and pasted where a new story starts,
 * in its headline: taken apart as opening the document would (headline,
 * lead, source prefix, byline, then the text and the photos).  It was all
 * made the headline's one line, 156 characters, the photos lost. */
static void
test_paste_whole_story (Fixture       *f,
                        gconstpointer  data)
{
  GtkTextView *headline = byline_article_editor_get_headline_view (editor (f));
  BylineBody *body = byline_article_get_body (article (f));

  byline_article_editor_focus_headline (editor (f));
  set_libreoffice_clipboard (f, "clipboard/anh-noi.odt", "clipboard/anh-noi.rtf",
                             DESCRIPTOR ("file:///home/pv/anh-noi.docx"));
  g_object_set_data (G_OBJECT (f->window), "want", GUINT_TO_POINTER (2));
  g_signal_emit_by_name (headline, "paste-clipboard");
  g_assert_true (byline_ui_test_wait_until (has_n_images, f, 5000));

  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Hoa tam giác mạch nở rộ ở Bắc Hà");
  g_assert_true (g_str_has_prefix (byline_article_get_lead (article (f)), "(BLC) - Những ngày này"));
  g_assert_cmpstr (byline_article_get_source_prefix (article (f)), ==, "BLC");
  g_assert_cmpstr (byline_article_get_authors (article (f))[0], ==, "Thu Hà");
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH,
                       "Du khách đổ về xã Lùng Phình để chụp ảnh bên những cánh đồng hoa.");
  office_assert_block (body, 1, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, 2, BYLINE_BLOCK_PARAGRAPH, "Mùa hoa kéo dài đến hết tháng 11.");
  office_assert_block (body, 3, BYLINE_BLOCK_IMAGE, NULL);
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (article (f), 0)), ==,
                   "Cánh đồng hoa ở Lùng Phình.");
  g_assert_true (byline_image_get_featured (byline_article_get_image (article (f), 0)));
  {
    g_autofree char *text = byline_ui_test_view_text (headline);

    g_assert_cmpstr (text, ==, "Hoa tam giác mạch nở rộ ở Bắc Hà");
  }
}

/* A story copied whole from a chat or a text editor (plain text, a line a
 * paragraph) pasted where a new story starts: taken apart as opening it as
 * a file would, not one 150-character headline.  Two lines are a headline. */
static void
test_paste_plain_story (Fixture       *f,
                        gconstpointer  data)
{
  GtkTextView *headline = byline_article_editor_get_headline_view (editor (f));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (headline));
  BylineBody *body = byline_article_get_body (article (f));

  byline_article_editor_focus_headline (editor (f));
  gdk_clipboard_set_text (clipboard, "Lũ quét ở Bát Xát\n"
                                     "(BLC) - Đêm 5/12, mưa lớn gây lũ quét tại xã Trịnh Tường.\n"
                                     "Nhiều hộ dân phải di dời khẩn cấp.\n"
                                     "Lực lượng chức năng đang khắc phục.\n"
                                     "Hà Anh\n");
  g_object_set_data (G_OBJECT (f->window), "want-text", (gpointer) "Lực lượng chức năng đang khắc phục.");
  g_signal_emit_by_name (headline, "paste-clipboard");
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_block_text, f, 5000));
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Lũ quét ở Bát Xát");
  g_assert_cmpstr (byline_article_get_lead (article (f)), ==,
                   "(BLC) - Đêm 5/12, mưa lớn gây lũ quét tại xã Trịnh Tường.");
  g_assert_cmpstr (byline_article_get_source_prefix (article (f)), ==, "BLC");
  g_assert_cmpstrv (byline_article_get_authors (article (f)), ((const char *[]) { "Hà Anh", NULL }));
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ dân phải di dời khẩn cấp.");
  g_assert_cmpuint (byline_ui_test_count_text_blocks (body), ==, 2);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (byline_article_editor_get_body_view (editor (f)))));

  /* A headline of two lines, into a story begun as nothing: the headline's. */
  byline_ui_test_empty_story (f);
  byline_article_editor_focus_headline (editor (f));
  gdk_clipboard_set_text (clipboard, "Lũ quét ở Bát Xát,\nnhiều hộ dân bị cô lập");
  g_signal_emit_by_name (headline, "paste-clipboard");
  byline_ui_test_wait (300);
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Lũ quét ở Bát Xát, nhiều hộ dân bị cô lập");
  g_assert_cmpuint (byline_ui_test_count_text_blocks (body), ==, 0);
}

/* In a story already begun, a paste in the headline is the headline's:
 * its lines one line, nothing else of the story changed. */
static void
test_paste_into_headline_begun (Fixture       *f,
                                gconstpointer  data)
{
  GtkTextView *headline = byline_article_editor_get_headline_view (editor (f));

  byline_article_set_lead (article (f), "Sapo đã viết.");
  byline_article_editor_focus_headline (editor (f));
  set_libreoffice_clipboard (f, "clipboard/words.odt", NULL, NULL);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (headline)), "Mưa lũ\nở Bát Xát");
  g_signal_emit_by_name (headline, "paste-clipboard");
  byline_ui_test_wait (200);
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Mưa lũ ở Bát Xát");
  g_assert_cmpstr (byline_article_get_lead (article (f)), ==, "Sapo đã viết.");
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 0);
}

/* Ctrl+Shift+V takes the clipboard's text alone: no picture, no heading,
 * even where a document's piece with its photos is on offer. */
static void
test_paste_as_text (Fixture       *f,
                    gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  BylineBody *body = byline_article_get_body (article (f));
  g_autoptr(GBytes) odt = byline_test_data_bytes ("clipboard/anh-noi.odt");
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) both = NULL;

  providers[0] = gdk_content_provider_new_for_bytes (OPENDOCUMENT_PIECE, odt);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, "Hoa tam giác mạch nở rộ\nMùa hoa kéo dài");
  both = gdk_content_provider_new_union (providers, 2);
  g_assert_true (gdk_clipboard_set_content (clipboard, both));

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Mở đầu.\n");
  g_assert_true (byline_ui_test_press_shortcut (GTK_WIDGET (view), GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_object_set_data (G_OBJECT (f->window), "want-text", (gpointer) "Mùa hoa kéo dài");
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_block_text, f, 5000));
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 0);
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Hoa tam giác mạch nở rộ");
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, i)), ==, BYLINE_BLOCK_PARAGRAPH);
}

/* Part of a story with its pictures copied into another story: the text
 * as it was, each picture with its caption, credit, alt text and name,
 * copied into the other draft's folder.  Copied as text, the pictures were
 * lost and an empty line stood in the place of each.  Cut and pasted back,
 * the story is whole again.  Other programs get a page and text. */
static void
test_copy_between_stories (Fixture       *f,
                           gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (view);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  BylineBody *body = byline_article_get_body (article (f));
  BylineWindow *other = byline_ui_test_new_window (f->store);
  BylineArticleEditor *other_editor = byline_window_get_editor (other);
  BylineBodyView *other_view = byline_article_editor_get_body_view (other_editor);
  BylineArticle *other_story = byline_document_get_article (byline_window_get_document (other));
  BylineBody *other_body = byline_article_get_body (other_story);
  BylineUiImageWait wait = { other, 2 };
  GdkContentFormats *formats;
  GtkTextIter start, end;

  gtk_window_present (GTK_WINDOW (other));
  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Mưa lớn kéo dài.\n");
  add_picture_at_cursor (f, "sat-lo.png", 0x8a2b2b);
  add_picture_at_cursor (f, "cau-tam.png", 0x2b8a2b);
  byline_image_set_caption (byline_article_get_image (article (f), 0), "Sạt lở trên Quốc lộ 4H.");
  byline_image_set_credit (byline_article_get_image (article (f), 0), "Ảnh: Lò Văn Dũng");
  byline_image_set_alt_text (byline_article_get_image (article (f), 1), "Cầu tạm qua suối");
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Nhiều hộ phải di dời.");
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (buffer), &start, &end);
  g_signal_emit_by_name (view, "copy-clipboard");
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "application/x-byline-piece+json"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/html"));
  g_assert_true (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING));

  byline_article_editor_focus_body (other_editor);
  g_signal_emit_by_name (other_view, "paste-clipboard");
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_n_images, &wait, 5000));
  g_assert_cmpuint (byline_body_get_n_blocks (other_body), ==, 4);
  office_assert_block (other_body, 0, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn kéo dài.");
  office_assert_block (other_body, 1, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (other_body, 2, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (other_body, 3, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ phải di dời.");
  for (guint i = 0; i < 2; i++)
    {
      BylineImage *image = byline_article_get_image (other_story, i);
      BylineImage *original = byline_article_get_image (article (f), i);
      g_autofree char *path = g_file_get_path (byline_image_get_file (image));

      g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (other_body, i + 1)), ==,
                       byline_image_get_id (image));
      g_assert_cmpstr (byline_image_get_filename (image), ==, byline_image_get_filename (original));
      g_assert_cmpstr (byline_image_get_sha256 (image), ==, byline_image_get_sha256 (original));
      g_assert_cmpstr (byline_image_get_caption (image), ==, byline_image_get_caption (original));
      g_assert_cmpstr (byline_image_get_credit (image), ==, byline_image_get_credit (original));
      g_assert_cmpstr (byline_image_get_alt_text (image), ==, byline_image_get_alt_text (original));
      g_assert_nonnull (strstr (path, byline_article_get_id (other_story)));
      g_assert_true (g_file_query_exists (byline_image_get_file (image), NULL));
    }
  g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (other_story, 0)), ==, "sat-lo.png");

  /* Cut from the first story, and pasted back. */
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (buffer), &start, &end);
  g_signal_emit_by_name (view, "cut-clipboard");
  g_assert_cmpuint (byline_body_get_n_blocks (body), <=, 1);
  g_assert_cmpstr (byline_body_get_n_blocks (body) == 1 ? byline_block_get_text (byline_body_get_block (body, 0)) : "",
                   ==, "");
  /* The pictures stay with the story, out of the text, until pasted back:
   * then they are the same pictures again, not copies beside them. */
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 2);
  g_object_set_data (G_OBJECT (f->window), "want-text", (gpointer) "Nhiều hộ phải di dời.");
  g_signal_emit_by_name (view, "paste-clipboard");
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_block_text, f, 5000));
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 2);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, i + 1)), ==,
                     byline_image_get_id (byline_article_get_image (article (f), i)));
  office_assert_block (body, 3, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ phải di dời.");
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (article (f), 0)), ==, "Sạt lở trên Quốc lộ 4H.");

  gtk_window_destroy (GTK_WINDOW (other));
}

static gboolean
toast_says_not_a_picture (gpointer data)
{
  Fixture *f = data;

  return byline_ui_test_find_label (GTK_WIDGET (f->window), "“bang-tinh.ods” is not a JPEG, PNG, GIF or WebP picture")
         != NULL;
}

static gboolean
row_says_unplaced (BylineCaptionRow *row)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (row), BYLINE_TYPE_CAPTION_ROW, "unplaced_label");

  return gtk_widget_get_visible (GTK_WIDGET (label))
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), "Not in the text") == 0;
}

/* A figure deleted from the text leaves its picture attached to the story
 * (a featured picture can be only that): its row says it is not in the
 * text, "Show in Text" gives way to "Put in Text", which puts it back at the
 * cursor; undo takes it out again.  Out of the text, it is listed last. */
static void
test_picture_not_in_text (Fixture       *f,
                          gconstpointer  data)
{
  BylineCaptionPanel *panel = byline_window_get_caption_panel (f->window);
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (byline_article_editor_get_body_view (editor (f)));
  BylineBody *body = byline_article_get_body (article (f));
  BylineCaptionRow *row;
  BylineImage *image;
  GtkTextIter start, end;
  int block;

  byline_ui_test_type_story (f);
  row = byline_caption_panel_get_row (panel, 0);
  image = byline_caption_row_get_image (row);
  block = byline_body_find_image (body, byline_image_get_id (image));
  g_assert_cmpint (block, >=, 0);
  g_assert_true (byline_caption_row_get_placed (row));
  g_assert_false (row_says_unplaced (row));

  /* Deleted from the text, as the Delete key does with the figure selected. */
  byline_body_buffer_get_iter_at_block (buffer, &start, block, 0);
  byline_body_buffer_get_iter_at_block (buffer, &end, block, 1);
  g_assert_true (gtk_text_buffer_delete_interactive (GTK_TEXT_BUFFER (buffer), &start, &end, TRUE));
  byline_ui_test_wait (50);
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (image)), ==, -1);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 2);
  /* Its row went below those of the pictures in the text. */
  g_assert_true (byline_article_get_image (article (f), 1) == image);
  row = byline_caption_panel_get_row (panel, 1);
  g_assert_true (byline_caption_row_get_image (row) == image);
  g_assert_false (byline_caption_row_get_placed (row));
  /* ...and cannot go above them, nor they below it. */
  g_assert_false (row_menu_item_sensitive (row, "Move Up"));
  g_assert_false (row_menu_item_sensitive (byline_caption_panel_get_row (panel, 0), "Move Down"));
  g_assert_true (row_says_unplaced (row));
  /* Its menu has Put in Text, not Show in Text. */
  {
    GtkMenuButton *menu = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (row), BYLINE_TYPE_CAPTION_ROW,
                                                                          "menu_button"));

    gtk_menu_button_popup (menu);
    byline_ui_test_wait (200);
    g_assert_nonnull (byline_ui_test_find_label (GTK_WIDGET (gtk_menu_button_get_popover (menu)), "Put in Text"));
    g_assert_null (byline_ui_test_find_label (GTK_WIDGET (gtk_menu_button_get_popover (menu)), "Show in Text"));
    gtk_menu_button_popdown (menu);
  }

  /* Put in Text, at the end of the story where the cursor is. */
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (buffer), &end);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.place", NULL));
  byline_ui_test_wait (50);
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (image)), ==,
                   (int) byline_body_get_n_blocks (body) - 1);
  g_assert_true (byline_caption_row_get_placed (row));
  g_assert_false (row_says_unplaced (row));
  g_assert_true (byline_document_get_selected_image (byline_window_get_document (f->window)) == image);

  /* Undo: out of the text again, still attached. */
  g_assert_true (byline_body_buffer_undo (buffer));
  byline_ui_test_wait (50);
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (image)), ==, -1);
  g_assert_false (byline_caption_row_get_placed (row));
}

/* Photos dragged from the file manager: onto the text, the picture goes
 * where it was dropped; onto the pictures panel, at the cursor as the Add
 * Pictures button puts it.  A file that is not a picture comes to nothing,
 * with a toast that says why.  (They are copied in a thread: each check
 * waits for them.) */
static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (view);
  BylineBody *body = byline_article_get_body (article (f));
  g_autoptr(GFile) first = byline_ui_test_picture (f, "tha-vao-bai.png", 0x5a2b8a);
  g_autoptr(GFile) second = byline_ui_test_picture (f, "tha-vao-danh-sach.png", 0x8a2b5a);
  g_autoptr(GFile) text = g_file_get_child (f->files, "bang-tinh.ods");
  g_autoptr(GError) error = NULL;
  GtkTextIter iter;
  GdkRectangle where;
  int x, y;
  guint n_blocks;

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Đoạn một.\nĐoạn hai.\nĐoạn ba.");
  byline_ui_test_wait (200);
  n_blocks = byline_body_get_n_blocks (body);
  g_assert_cmpuint (n_blocks, ==, 3);

  /* Onto the start of the second paragraph: the picture goes above it. */
  byline_body_buffer_get_iter_at_block (buffer, &iter, 1, 0);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &where);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET, where.x + 1,
                                         where.y + where.height / 2, &x, &y);
  g_assert_true (byline_ui_test_drop_file (GTK_WIDGET (view), first, x, y));
  /* (Copied into the draft in a thread: shown when it is there.) */
  g_object_set_data (G_OBJECT (f->window), "want", GUINT_TO_POINTER (1));
  g_assert_true (byline_ui_test_wait_until (has_n_images, f, 5000));
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (byline_article_get_image (article (f), 0))),
                   ==, 1);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 2)), ==, "Đoạn hai.");

  /* Neither a picture nor a story: nothing comes in, and a toast says why. */
  g_assert_true (g_file_replace_contents (text, "ghi chú", strlen ("ghi chú"), NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, &error));
  g_assert_no_error (error);
  byline_ui_test_drop_file (GTK_WIDGET (view), text, x, y);
  g_assert_true (byline_ui_test_wait_until (toast_says_not_a_picture, f, 5000));
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);

  /* Onto the pictures panel: at the cursor, the end of the last paragraph. */
  byline_body_buffer_get_iter_at_block (buffer, &iter, 3, strlen ("Đoạn ba."));
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
  g_assert_true (byline_ui_test_drop_file (GTK_WIDGET (byline_window_get_caption_panel (f->window)), second, 10, 10));
  g_object_set_data (G_OBJECT (f->window), "want", GUINT_TO_POINTER (2));
  g_assert_true (byline_ui_test_wait_until (has_n_images, f, 5000));
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (byline_article_get_image (article (f), 1))),
                   ==, 4);
  g_assert_nonnull (byline_caption_panel_get_row (byline_window_get_caption_panel (f->window), 1));

  /* One undo takes the dropped picture back out of the text. */
  {
    BylineImage *dropped = byline_article_get_image (article (f), 1);

    byline_body_buffer_undo (buffer);
    g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (dropped)), ==, -1);
    g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 3)), ==, "Đoạn ba.");
  }
}

static gboolean
story_opened (gpointer data)
{
  Fixture *f = data;
  BylineDocument *document = byline_window_get_document (f->window);

  return document != NULL
         && g_strcmp0 (byline_article_get_headline (byline_document_get_article (document)),
                       "Mưa lũ gây sạt lở ở Mường Tè") == 0;
}

/* A story's file dropped on the text (a Word document from the mail) opens
 * as a story, here in the window that holds nothing yet, read in a thread.
 * (Every file went in as a picture, and a story was refused as “not a JPEG,
 * PNG, GIF or WebP picture”.) */
static void
test_drop_story (Fixture       *f,
                 gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  g_autofree char *path = byline_test_data_path (data != NULL ? data : "docx/mua-lu.docx");
  g_autoptr(GFile) docx = g_file_new_for_path (path);
  BylineArticle *opened;

  byline_article_editor_focus_body (editor (f));
  g_assert_true (byline_ui_test_drop_file (GTK_WIDGET (view), docx, 10, 10));
  /* Read in a thread: the window goes on meanwhile. */
  g_assert_false (story_opened (f));
  g_assert_true (byline_ui_test_wait_until (story_opened, f, 5000));
  opened = byline_document_get_article (byline_window_get_document (f->window));
  g_assert_cmpstr (byline_article_get_lead (opened), ==,
                   "(BLC) - Đêm 5/12, mưa lớn kéo dài gây sạt lở nhiều tuyến đường ở huyện Mường Tè. "
                   "Hàng trăm hộ dân bị cô lập.");
  g_assert_cmpuint (byline_article_get_n_images (opened), ==, 1);
  g_assert_nonnull (byline_caption_panel_get_row (byline_window_get_caption_panel (f->window), 0));
}

static gboolean
toast_says_left_out (gpointer data)
{
  Fixture *f = data;

  return byline_ui_test_find_label (GTK_WIDGET (f->window),
                                    "3 pictures of left-out.docx were left out (Picture 2, Picture 3, Picture 4): "
                                    "they are missing, damaged, or not JPEG, PNG, GIF or WebP pictures") != NULL;
}

/* A document whose chart is an EMF and two of whose pictures are not in it
 * opens with its photo, and a toast says which pictures were left out and
 * why: the reporter's chart is not lost without a word. */
static void
test_drop_story_left_out (Fixture       *f,
                          gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  g_autofree char *path = byline_test_data_path ("docx/left-out.docx");
  g_autoptr(GFile) docx = g_file_new_for_path (path);

  byline_article_editor_focus_body (editor (f));
  g_assert_true (byline_ui_test_drop_file (GTK_WIDGET (view), docx, 10, 10));
  g_assert_true (byline_ui_test_wait_until (toast_says_left_out, f, 5000));
  g_assert_cmpstr (byline_article_get_headline (byline_document_get_article (byline_window_get_document (f->window))),
                   ==, "Lũ quét ở Bát Xát");
  g_assert_cmpuint (byline_article_get_n_images (byline_document_get_article (byline_window_get_document (f->window))),
                    ==, 1);
  /* The toast goes; the story keeps their names for the checks. */
  {
    g_auto(GStrv) kept = byline_article_dup_missing_pictures (byline_document_get_article (byline_window_get_document (f->window)));
    const char *expected[] = { "Picture 2", "Picture 3", "Picture 4", NULL };

    g_assert_cmpstrv (kept, expected);
  }
}

static gboolean
toast_says_cho_anh (gpointer data)
{
  Fixture *f = data;

  return byline_ui_test_find_label (GTK_WIDGET (f->window),
                                    "2 pictures of cho-anh.docx were left out (Picture 2, Chart 3): "
                                    "they are missing, damaged, or not JPEG, PNG, GIF or WebP pictures. "
                                    "Their captions are still in the text: Show goes to the first, and a picture "
                                    "added with the cursor in one takes its place") != NULL;
}

/* A document whose photo and chart could not come: its toast says their
 * captions are still in the text, and its "Show" goes to where the first
 * goes, its caption selected: the reporter adds the photo there. */
static void
test_drop_story_show_missing (Fixture       *f,
                              gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  g_autofree char *path = byline_test_data_path ("docx/cho-anh.docx");
  g_autoptr(GFile) docx = g_file_new_for_path (path);
  GtkWidget *show;
  guint block = 0, offset = 0;

  byline_article_editor_focus_body (editor (f));
  g_assert_true (byline_ui_test_drop_file (GTK_WIDGET (view), docx, 10, 10));
  g_assert_true (byline_ui_test_wait_until (toast_says_cho_anh, f, 5000));
  show = byline_ui_test_find_button (GTK_WIDGET (f->window), "_Show");
  g_assert_nonnull (show);
  g_signal_emit_by_name (show, "clicked");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  g_assert_true (byline_body_buffer_locate_cursor (byline_body_view_get_body_buffer (view), &block, &offset));
  g_assert_cmpuint (block, ==, 1);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (byline_article_get_body (article (f)), block)), ==,
                   "Nước lũ tràn qua bản. Ảnh: Hà Anh");
  g_assert_true (gtk_text_buffer_get_has_selection (GTK_TEXT_BUFFER (byline_body_view_get_body_buffer (view))));
}

static gboolean
has_n_drafts (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GPtrArray) drafts = byline_draft_store_list (f->store, NULL);

  return drafts != NULL && drafts->len == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (f->window), "want-drafts"));
}

/* A window closed while a story dropped on it is read: nothing breaks, and
 * the story is in the store, a draft like any other. */
static void
test_drop_story_window_closed (Fixture       *f,
                               gconstpointer  data)
{
  BylineWindow *other = byline_ui_test_new_window (f->store);
  g_autofree char *path = byline_test_data_path ("docx/mua-lu.docx");
  g_autoptr(GFile) docx = g_file_new_for_path (path);
  g_autoptr(GPtrArray) before = byline_draft_store_list (f->store, NULL);

  byline_ui_test_wait (200);
  g_assert_true (byline_ui_test_drop_file (GTK_WIDGET (byline_article_editor_get_body_view (byline_window_get_editor (other))),
                            docx, 10, 10));
  gtk_window_destroy (GTK_WINDOW (other));
  g_object_set_data (G_OBJECT (f->window), "want-drafts", GUINT_TO_POINTER (before->len + 1));
  g_assert_true (byline_ui_test_wait_until (has_n_drafts, f, 5000));
  byline_ui_test_wait (200);
}

/* Pictures are copied into the draft in a thread: the reporter types on
 * meanwhile, and they come where the cursor was, the typing kept, the
 * cursor left where the typing took it.  (They were copied on the main
 * thread: six 21 MB photos froze the window 1.6 s.) */
static void
test_insert_while_typing (Fixture       *f,
                          gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (view);
  BylineBody *body = byline_article_get_body (article (f));
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) first = byline_ui_test_picture (f, "mot.png", 0x5a2b8a);
  g_autoptr(GFile) second = byline_ui_test_picture (f, "hai.png", 0x8a2b5a);
  GtkTextIter iter;
  guint block = 0, offset = 0;

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Đoạn một.\nĐoạn hai.\nĐoạn ba.");
  byline_ui_test_wait (200);
  g_list_store_append (files, first);
  g_list_store_append (files, second);
  byline_body_view_insert_pictures_async (view, G_LIST_MODEL (files), 1);
  /* Before they come: the cursor to the end, and words typed there. */
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 0);
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (buffer), &iter);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
  byline_ui_test_type (GTK_TEXT_VIEW (view), " Thêm.");

  g_object_set_data (G_OBJECT (f->window), "want", GUINT_TO_POINTER (2));
  g_assert_true (byline_ui_test_wait_until (has_n_images, f, 5000));
  byline_ui_test_wait (100);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 5);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 0)), ==, "Đoạn một.");
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 1)), ==, BYLINE_BLOCK_IMAGE);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 2)), ==, BYLINE_BLOCK_IMAGE);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 3)), ==, "Đoạn hai.");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 4)), ==, "Đoạn ba. Thêm.");
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (buffer), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (buffer)));
  g_assert_true (byline_body_buffer_locate (buffer, &iter, &block, &offset));
  g_assert_cmpuint (block, ==, 4);
  g_assert_cmpuint (offset, ==, g_utf8_strlen ("Đoạn ba. Thêm.", -1));
}

/* Remove, as the row's menu and Alt+Delete do it, and Undo in the toast. */
static void
test_remove_row_toast (Fixture       *f,
                       gconstpointer  data)
{
  BylineCaptionPanel *panel;
  BylineImage *first, *second;
  GtkWidget *undo;

  byline_ui_test_type_story (f);
  panel = byline_window_get_caption_panel (f->window);
  first = byline_article_get_image (article (f), 0);
  second = byline_article_get_image (article (f), 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (byline_caption_panel_get_row (panel, 0)),
                                             "row.remove", NULL));
  byline_ui_test_wait (300);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
  g_assert_true (byline_article_get_image (article (f), 0) == second);

  undo = byline_ui_test_find_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  byline_ui_test_wait (300);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 2);
  g_assert_true (byline_article_get_image (article (f), 0) == first);
  g_assert_cmpint (byline_body_find_image (byline_article_get_body (article (f)), byline_image_get_id (first)), >=, 0);
  g_assert_nonnull (byline_caption_panel_get_row (panel, 1));
  /* Its row is back under the keyboard. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (byline_caption_panel_get_row (panel, 0)));

  /* Ctrl+Z in the list undoes the removal as the toast's button does, once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (byline_caption_panel_get_row (panel, 1)),
                                             "row.remove", NULL));
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
  g_assert_true (byline_ui_test_press_shortcut (GTK_WIDGET (panel), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 2);
  g_assert_true (byline_article_get_image (article (f), 1) == second);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (byline_caption_panel_get_row (panel, 1)));
  g_assert_false (byline_ui_test_press_shortcut (GTK_WIDGET (panel), GDK_KEY_z, GDK_CONTROL_MASK));

  /* A removal's undo belongs to its story: gone once another is open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (byline_caption_panel_get_row (panel, 0)),
                                             "row.remove", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-draft", NULL));
  byline_ui_test_wait (300);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 0);
  g_assert_false (byline_ui_test_press_shortcut (GTK_WIDGET (panel), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 0);
}

static void
on_thumbnail (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr(GError) error = NULL;

  *texture = byline_thumbnailer_load_finish (BYLINE_THUMBNAILER (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
texture_ready (gpointer data)
{
  return *(GdkTexture **) data != NULL;
}

/* Pictures come decoded in the format cairo draws: GTK's cairo renderer
 * copies a texture at every frame it draws it, and converted each JPEG's
 * pixels every time.  The picture keeps its size and its colours. */
static void
test_thumbnail_format (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("thumbnail");
  g_autoptr(GFile) file = g_file_get_child (folder, "do.png");
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTextureDownloader) downloader = NULL;
  guchar pixel[4 * 96 * 64];

  byline_test_write_png (file, 120, 80, 0xc0302a);
  byline_thumbnailer_load_async (byline_thumbnailer_get_default (), file, 96, FALSE, NULL,
                                 on_thumbnail, &texture);
  g_assert_true (byline_ui_test_wait_until (texture_ready, &texture, 10000));

  g_assert_cmpint (gdk_texture_get_format (texture), ==, GDK_MEMORY_DEFAULT);
  /* Fitted in 96 × 96. */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 96);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 64);
  downloader = gdk_texture_downloader_new (texture);
  gdk_texture_downloader_set_format (downloader, GDK_MEMORY_R8G8B8A8);
  gdk_texture_downloader_download_into (downloader, pixel, 4 * 96);
  for (guint i = 0; i < G_N_ELEMENTS (pixel); i += 4)
    {
      g_assert_cmpuint (pixel[i], ==, 0xc0);
      g_assert_cmpuint (pixel[i + 1], ==, 0x30);
      g_assert_cmpuint (pixel[i + 2], ==, 0x2a);
      g_assert_cmpuint (pixel[i + 3], ==, 0xff);
    }
}

int
main (int   argc,
      char *argv[])
{
  byline_ui_test_init (&argc, &argv);
  /* GNOME's proxy settings' schema is not among the test's. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  g_test_add_func ("/ui/pictures/thumbnail-format", test_thumbnail_format);
  byline_ui_test_add_window_test ("/ui/pictures/selection-follows", test_selection_follows);
  byline_ui_test_add_window_test ("/ui/pictures/rows-freed", test_rows_freed);
  byline_ui_test_add_window_test ("/ui/pictures/tools-after-insert", test_tools_after_insert);
  byline_ui_test_add_window_test ("/ui/pictures/remove-picture-undo", test_remove_picture_undo);
  byline_ui_test_add_window_test ("/ui/pictures/remove-picture-text-undo", test_remove_picture_text_undo);
  byline_ui_test_add_window_test ("/ui/pictures/edit-caption", test_edit_caption);
  byline_ui_test_add_window_test ("/ui/pictures/type-over-figure", test_type_over_figure);
  byline_ui_test_add_window_test ("/ui/pictures/remove-keeps-keyboard", test_remove_keeps_keyboard);
  byline_ui_test_add_window_test ("/ui/pictures/insert-while-typing", test_insert_while_typing);
  byline_ui_test_add_window_test ("/ui/pictures/order-follows-text", test_order_follows_text);
  byline_ui_test_add_window_test ("/ui/pictures/order-on-open", test_order_on_open);
  byline_ui_test_add_window_test ("/ui/pictures/long-story-rows", test_long_story_rows);
  byline_ui_test_add_window_test ("/ui/pictures/picture-not-in-text", test_picture_not_in_text);
  byline_ui_test_add_window_test ("/ui/pictures/missing-picture-place", test_missing_picture_place);
  byline_ui_test_add_window_test ("/ui/pictures/drop", test_drop);
  byline_ui_test_add_window_test ("/ui/pictures/drop-story", test_drop_story);
  /* The same story saved as Rich Text (WordPad's, Word's .rtf). */
  g_test_add ("/ui/pictures/drop-story-rtf", BylineUiWindowFixture, "rtf/mua-lu.rtf",
              byline_ui_window_fixture_setup, test_drop_story, byline_ui_window_fixture_teardown);
  byline_ui_test_add_window_test ("/ui/pictures/drop-story-left-out", test_drop_story_left_out);
  byline_ui_test_add_window_test ("/ui/pictures/drop-story-show-missing", test_drop_story_show_missing);
  byline_ui_test_add_window_test ("/ui/pictures/drop-story-window-closed", test_drop_story_window_closed);
  byline_ui_test_add_window_test ("/ui/pictures/paste", test_paste);
  byline_ui_test_add_window_test ("/ui/pictures/paste-document", test_paste_document);
  byline_ui_test_add_window_test ("/ui/pictures/paste-document-left-out", test_paste_document_left_out);
  byline_ui_test_add_window_test ("/ui/pictures/paste-whole-story", test_paste_whole_story);
  byline_ui_test_add_window_test ("/ui/pictures/paste-as-text", test_paste_as_text);
  byline_ui_test_add_window_test ("/ui/pictures/paste-plain-story", test_paste_plain_story);
  byline_ui_test_add_window_test ("/ui/pictures/paste-into-headline-begun", test_paste_into_headline_begun);
  byline_ui_test_add_window_test ("/ui/pictures/copy-between-stories", test_copy_between_stories);
  byline_ui_test_add_window_test ("/ui/pictures/remove-row-toast", test_remove_row_toast);

  return g_test_run ();
}
