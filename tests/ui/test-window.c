/* test-window.c — a story typed into the window's widgets is on disk as typed
 *
 * Each test opens a real BylineWindow on a store in the test's private data
 * folder, types through the widgets (the same buffers and signals key presses
 * go through), and checks what the store wrote against what is on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "byline-test-utils.h"
#include "ui-test-utils.h"
#include "byline-article-editor.h"
#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-caption-panel.h"
#include "byline-caption-row.h"
#include "byline-chip-entry.h"
#include "byline-date-button.h"
#include "byline-choice-row.h"
#include "byline-document.h"
#include "byline-find-bar.h"
#include "byline-history-dialog.h"
#include "byline-article-preview.h"
#include "byline-metadata-sidebar.h"
#include "byline-preferences-dialog.h"
#include "byline-shortcuts-dialog.h"
#include "byline-window.h"

#define HEADLINE "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản"
#define LEAD "Mưa lớn kéo dài từ đêm 9/8 đã gây sạt lở nghiêm trọng."
#define PARAGRAPH1 "Theo Ban Chỉ huy, 37 hộ dân phải sơ tán khẩn cấp."
#define HEADING "Khẩn trương khắc phục"
#define PARAGRAPH2 "Lực lượng cứu hộ đã có mặt từ sáng sớm."

typedef BylineUiWindowFixture Fixture;

static BylineArticle *
article (Fixture *f)
{
  return byline_ui_test_article (f);
}

static BylineArticleEditor *
editor (Fixture *f)
{
  return byline_window_get_editor (f->window);
}

static GFile *
picture (Fixture    *f,
         const char *name,
         guint32     rgb)
{
  GFile *file = g_file_get_child (f->files, name);

  byline_test_write_png (file, 40, 30, rgb);
  return file;
}

/* Chooses, as a click would, the choice of @row that reads @label: the row
 * opens its list (built then, not before), and the list's row is activated. */
static void
choose (BylineChoiceRow *row,
        const char      *label)
{
  GListModel *model = byline_choice_row_get_model (row);
  GtkListBox *list;
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_null (byline_choice_row_get_popover (row));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_nonnull (byline_choice_row_get_popover (row));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (byline_choice_row_get_popover (row))));
  list = GTK_LIST_BOX (byline_ui_test_find_descendant (GTK_WIDGET (byline_choice_row_get_popover (row)),
                                                       GTK_TYPE_LIST_BOX));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, position);
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (list, position), "activate");
  g_assert_cmpuint (byline_choice_row_get_selected (row), ==, position);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (byline_choice_row_get_popover (row))));
}

/* Types the whole story through the widgets, as a reporter would. */
static void
type_story (Fixture *f)
{
  BylineBodyView *body = byline_article_editor_get_body_view (editor (f));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (body);
  BylineMetadataSidebar *sidebar = byline_window_get_metadata_sidebar (f->window);
  BylineCaptionPanel *panel = byline_window_get_caption_panel (f->window);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) first = picture (f, "sat-lo.png", 0x8a5a2b);
  g_autoptr(GFile) second = picture (f, "cuu-ho.png", 0x2b5a8a);
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  struct {
    const char *caption, *credit, *alt;
  } captions[] = {
    { "Sạt lở trên Quốc lộ 4H.", "Ảnh: Lò Văn Dũng", "Đất đá tràn xuống mặt đường." },
    { "Cứu hộ giúp dân di dời.", "Ảnh: Nguyễn Thị Hương", "Bộ đội khiêng đồ qua suối." },
  };

  byline_article_editor_focus_headline (editor (f));
  byline_ui_test_type (byline_article_editor_get_headline_view (editor (f)), HEADLINE);
  /* Enter in the headline goes on to the lead. */
  byline_ui_test_type (byline_article_editor_get_headline_view (editor (f)), "\n");
  byline_ui_test_type (byline_article_editor_get_lead_view (editor (f)), LEAD);

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (body), PARAGRAPH1 "\n" HEADING "\n" PARAGRAPH2);

  /* The middle line becomes a heading, "37 hộ dân" bold, through the editor's actions. */
  byline_body_buffer_get_iter_at_block (buffer, &start, 1, 3);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor (f)), "editor.style", "s", "heading1"));
  byline_body_buffer_get_iter_at_block (buffer, &start, 0, 18);
  byline_body_buffer_get_iter_at_block (buffer, &end, 0, 27);
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (buffer), &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor (f)), "editor.bold", NULL));

  /* Two pictures, as the file chooser or a drop hands them over: after the first paragraph. */
  byline_body_buffer_get_iter_at_block (buffer, &start, 0, 5);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &start);
  g_list_store_append (files, first);
  g_list_store_append (files, second);
  g_assert_cmpuint (byline_body_view_insert_pictures (body, G_LIST_MODEL (files), -1, &error), ==, 2);
  g_assert_no_error (error);
  byline_ui_test_wait (100);

  for (guint i = 0; i < G_N_ELEMENTS (captions); i++)
    {
      BylineCaptionRow *row = byline_caption_panel_get_row (panel, i);

      g_assert_nonnull (row);
      g_assert_nonnull (byline_caption_row_get_missing (row));
      gtk_widget_grab_focus (GTK_WIDGET (byline_caption_row_get_caption_view (row)));
      byline_ui_test_type (byline_caption_row_get_caption_view (row), captions[i].caption);
      gtk_editable_set_text (byline_caption_row_get_credit_entry (row), captions[i].credit);
      gtk_editable_set_text (byline_caption_row_get_alt_entry (row), captions[i].alt);
      g_assert_null (byline_caption_row_get_missing (row));
    }

  /* Details */
  gtk_editable_set_text (byline_chip_entry_get_text (byline_metadata_sidebar_get_authors (sidebar)),
                         "Nguyễn Thị Hương, Lò Văn Dũng");
  byline_chip_entry_commit (byline_metadata_sidebar_get_authors (sidebar));
  gtk_editable_set_text (byline_chip_entry_get_text (byline_metadata_sidebar_get_tags (sidebar)), "mưa lũ");
  byline_chip_entry_commit (byline_metadata_sidebar_get_tags (sidebar));
  gtk_editable_set_text (byline_metadata_sidebar_get_dateline (sidebar), "Lai Châu");
  choose (BYLINE_CHOICE_ROW (byline_ui_test_find_descendant (GTK_WIDGET (sidebar), BYLINE_TYPE_CHOICE_ROW)),
          "Xã hội");
}

static void
check_story (BylineArticle *a)
{
  BylineBody *body = byline_article_get_body (a);
  const char * const *authors = byline_article_get_authors (a);
  const BylineSpan *spans;
  guint n_spans;
  g_autofree char *slug = byline_article_dup_slug (a);

  g_assert_cmpstr (byline_article_get_headline (a), ==, HEADLINE);
  g_assert_cmpstr (byline_article_get_lead (a), ==, LEAD);
  g_assert_cmpstr (byline_article_get_dateline (a), ==, "Lai Châu");
  g_assert_cmpstr (byline_article_get_category (a), ==, "Xã hội");
  g_assert_cmpstr (slug, ==, "nam-nhun-mua-lu-gay-sat-lo-chia-cat-nhieu-ban");
  g_assert_cmpuint (g_strv_length ((char **) authors), ==, 2);
  g_assert_cmpstr (authors[0], ==, "Nguyễn Thị Hương");
  g_assert_cmpstr (authors[1], ==, "Lò Văn Dũng");
  g_assert_cmpstr (byline_article_get_tags (a)[0], ==, "mưa lũ");

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 5);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 0)), ==, PARAGRAPH1);
  spans = byline_block_get_spans (byline_body_get_block (body, 0), &n_spans);
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpint (spans[0].kind, ==, BYLINE_SPAN_BOLD);
  g_assert_cmpuint (spans[0].start, ==, 18);
  g_assert_cmpuint (spans[0].end, ==, 27);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 1)), ==, BYLINE_BLOCK_IMAGE);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 2)), ==, BYLINE_BLOCK_IMAGE);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 3)), ==, BYLINE_BLOCK_HEADING1);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 3)), ==, HEADING);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 4)), ==, PARAGRAPH2);

  g_assert_cmpuint (byline_article_get_n_images (a), ==, 2);
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (a, 0)), ==, "Sạt lở trên Quốc lộ 4H.");
  g_assert_cmpstr (byline_image_get_credit (byline_article_get_image (a, 0)), ==, "Ảnh: Lò Văn Dũng");
  g_assert_cmpstr (byline_image_get_alt_text (byline_article_get_image (a, 1)), ==, "Bộ đội khiêng đồ qua suối.");
  g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (a, 1)), ==, "cuu-ho.png");
  /* The first picture of a story is its featured one. */
  g_assert_true (byline_image_get_featured (byline_article_get_image (a, 0)));
  g_assert_false (byline_image_get_featured (byline_article_get_image (a, 1)));
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 1)), ==,
                   byline_image_get_id (byline_article_get_image (a, 0)));
}

static BylineArticle *
read_draft_json (BylineDraftStore *store,
                 const char       *id)
{
  g_autoptr(GFile) folder = byline_draft_store_get_draft_folder (store, id);
  g_autoptr(GFile) file = g_file_get_child (folder, "draft.json");
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  BylineArticle *parsed;

  g_assert_nonnull (bytes);
  /* The JSON itself, as docs/draft-format.md describes it. */
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, BYLINE_DRAFT_FORMAT_NAME);
  g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, id);

  parsed = byline_draft_format_parse (bytes, "draft.json", &error);
  g_assert_no_error (error);
  return parsed;
}

static void
test_story_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BylineArticle) on_disk = NULL;
  g_autoptr(BylineArticle) reopened_disk = NULL;
  g_autofree char *id = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *body_text = NULL;
  BylineDocument *document;

  type_story (f);
  check_story (article (f));

  document = byline_window_get_document (f->window);
  g_assert_cmpuint (byline_document_get_save_state (document), ==, BYLINE_SAVE_STATE_UNSAVED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  g_assert_cmpuint (byline_document_get_save_state (document), ==, BYLINE_SAVE_STATE_SAVED);

  id = g_strdup (byline_document_get_id (document));
  on_disk = read_draft_json (f->store, id);
  check_story (on_disk);
  byline_test_assert_articles_equal (article (f), on_disk);

  /* The pictures were copied into the draft by content. */
  for (guint i = 0; i < 2; i++)
    {
      BylineImage *image = byline_article_get_image (article (f), i);
      g_autofree char *path = g_file_get_path (byline_image_get_file (image));
      g_autoptr(GFile) folder = byline_draft_store_get_draft_folder (f->store, id);
      g_autofree char *folder_path = g_file_get_path (folder);

      g_assert_true (g_str_has_prefix (path, folder_path));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  /* Close the window, open the draft in a new one: all of it is there. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = byline_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (byline_window_open_draft (f->window, id, NULL));
  byline_ui_test_wait (200);

  check_story (article (f));
  headline = byline_ui_test_view_text (byline_article_editor_get_headline_view (editor (f)));
  g_assert_cmpstr (headline, ==, HEADLINE);
  body_text = byline_ui_test_view_text (GTK_TEXT_VIEW (byline_article_editor_get_body_view (editor (f))));
  g_assert_true (g_str_has_prefix (body_text, PARAGRAPH1 "\n\xEF\xBF\xBC\n\xEF\xBF\xBC\n" HEADING));
  g_assert_nonnull (byline_caption_panel_get_row (byline_window_get_caption_panel (f->window), 1));
  g_assert_null (byline_caption_panel_get_row (byline_window_get_caption_panel (f->window), 2));

  /* Opening a draft does not change it. */
  g_assert_cmpuint (byline_document_get_save_state (byline_window_get_document (f->window)), ==,
                    BYLINE_SAVE_STATE_SAVED);
  reopened_disk = read_draft_json (f->store, id);
  byline_test_assert_articles_equal (on_disk, reopened_disk);
}

static gboolean
is_saved (gpointer data)
{
  Fixture *f = data;

  return byline_document_get_save_state (byline_window_get_document (f->window)) == BYLINE_SAVE_STATE_SAVED;
}

static void
test_autosave (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.bylinenews.Byline");
  g_autoptr(BylineArticle) on_disk = NULL;
  BylineDocument *document = byline_window_get_document (f->window);
  gint64 typed;

  /* The delay comes from GSettings and applies to open documents at once. */
  g_settings_set_uint (settings, "autosave-delay", 500);

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (byline_article_editor_get_body_view (editor (f))), "Tin nhanh");
  typed = g_get_monotonic_time ();
  g_assert_cmpuint (byline_document_get_save_state (document), ==, BYLINE_SAVE_STATE_UNSAVED);

  g_assert_true (byline_ui_test_wait_until (is_saved, f, 5000));
  /* Not before the delay: a debounce, not a save per key. */
  g_assert_cmpint (g_get_monotonic_time () - typed, >=, 450 * 1000);
  on_disk = read_draft_json (f->store, byline_document_get_id (document));
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (byline_article_get_body (on_disk), 0)), ==,
                   "Tin nhanh");
  g_settings_reset (settings, "autosave-delay");
}

static void
test_pristine_not_saved (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) drafts = NULL;

  /* A new window nobody typed in leaves nothing behind. */
  g_assert_true (byline_document_is_pristine (byline_window_get_document (f->window)));
  g_assert_true (byline_window_close_document (f->window, NULL));
  drafts = byline_draft_store_list (f->store, NULL);
  g_assert_cmpuint (drafts->len, ==, 0);
}

static gboolean
has_cursor_in_block (gpointer data)
{
  Fixture *f = data;
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (byline_article_editor_get_body_view (editor (f)));
  guint block;

  return byline_body_buffer_locate_cursor (buffer, &block, NULL) && block == 2;
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

  type_story (f);
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
    byline_body_buffer_get_iter_at_block (buffer, &iter, 0, 2);
    gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
    g_assert_false (gtk_widget_has_css_class (view, "at-figure"));
  }
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

  type_story (f);
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

  type_story (f);
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

/* A story of @n pictures, a paragraph before each, saved and opened in the window. */
static void
open_long_story (Fixture *f,
                 guint    n)
{
  g_autoptr(BylineArticle) story = byline_article_new ();
  BylineBody *body = byline_article_get_body (story);
  g_autoptr(GError) error = NULL;

  byline_article_set_headline (story, HEADLINE);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("anh-%03u.png", i);
      g_autofree char *caption = g_strdup_printf ("Ảnh %u: lực lượng cứu hộ.", i + 1);
      g_autoptr(GFile) file = picture (f, name, 0x102030 + i * 997);
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
      g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      g_autoptr(BylineImage) image = byline_image_new (sha, "image/png");

      byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, PARAGRAPH1);
      byline_image_set_file (image, file);
      byline_image_set_filename (image, name);
      byline_image_set_size (image, 40, 30);
      byline_image_set_caption (image, caption);
      byline_image_set_credit (image, "Lò Văn Dũng");
      /* Every tenth picture lacks its alt text. */
      if (i % 10 != 9)
        byline_image_set_alt_text (image, "Bộ đội giúp dân di dời.");
      byline_article_add_image (story, image);
      byline_body_insert_image (body, G_MAXUINT, byline_image_get_id (image));
    }
  g_assert_true (byline_draft_store_save (f->store, story, &error));
  g_assert_no_error (error);
  g_assert_true (byline_window_open_draft (f->window, byline_article_get_id (story), &error));
  g_assert_no_error (error);
  byline_ui_test_wait (300);
}

/* Not through byline_caption_panel_get_row(), which builds the row it returns. */
static GtkListBox *
caption_list (Fixture *f)
{
  return GTK_LIST_BOX (byline_ui_test_find_descendant (GTK_WIDGET (byline_window_get_caption_panel (f->window)),
                                                       GTK_TYPE_LIST_BOX));
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

static void
test_undo_typing (Fixture       *f,
                  gconstpointer  data)
{
  BylineBodyView *body = byline_article_editor_get_body_view (editor (f));
  BylineBody *model = byline_article_get_body (article (f));

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (body), "Một hai ba");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor (f)), "editor.style", "s", "heading2"));
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (model, 0)), ==, BYLINE_BLOCK_HEADING2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor (f)), "editor.undo", NULL));
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (model, 0)), ==, BYLINE_BLOCK_PARAGRAPH);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor (f)), "editor.undo", NULL));
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 0)), ==, "Một hai ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor (f)), "editor.redo", NULL));
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 0)), ==, "Một hai ba");
}

static void
test_headline_limit (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.bylinenews.Byline");
  g_autofree char *status = NULL;
  GtkWidget *count;

  g_settings_set_uint (settings, "headline-limit", 20);
  byline_article_editor_focus_headline (editor (f));
  byline_ui_test_type (byline_article_editor_get_headline_view (editor (f)), "Một tiêu đề dài hơn hai mươi ký tự");

  /* The count under the headline warns past the limit. */
  count = gtk_widget_get_next_sibling (GTK_WIDGET (byline_article_editor_get_headline_view (editor (f))));
  g_assert_true (GTK_IS_LABEL (count));
  g_assert_true (gtk_widget_has_css_class (count, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (count)), "34 / 20"));

  status = g_strdup (byline_article_editor_get_status_text (editor (f)));
  g_assert_nonnull (strstr (status, "9 words"));
  g_settings_reset (settings, "headline-limit");
  g_settings_reset (settings, "trash-days");
}

static gboolean
label_says (gpointer data)
{
  GtkLabel *label = data;
  const char *expected = g_object_get_data (G_OBJECT (label), "expected");

  return g_strcmp0 (gtk_label_get_text (label), expected) == 0;
}

static gboolean
search_hidden (gpointer data)
{
  return !gtk_widget_is_visible (data);
}

static void
assert_scheme (BylineBodyBuffer *buffer,
               const char       *id)
{
  GtkSourceStyleScheme *scheme = gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (buffer));

  g_assert_nonnull (scheme);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (scheme), ==, id);
  g_assert_nonnull (gtk_source_style_scheme_get_style (scheme, "search-match"));
}

/* Find and replace in the body, through the find bar's entries and buttons;
 * the matches are marked by the body's own style scheme, light and dark. */
static void
test_find_replace (Fixture       *f,
                   gconstpointer  data)
{
  BylineBodyView *body = byline_article_editor_get_body_view (editor (f));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (body);
  BylineBody *model;
  GtkWidget *bar, *count, *replace_all;
  GtkEditable *search, *replacement;

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (body), "Mưa lớn ở Sa Pa.\nMưa kéo dài, mưa to.");

  assert_scheme (buffer, "byline");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  assert_scheme (buffer, "byline-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  assert_scheme (buffer, "byline");

  /* Put away, the bar's widgets are hidden (not styled with the window). */
  bar = byline_ui_test_find_descendant (GTK_WIDGET (editor (f)), BYLINE_TYPE_FIND_BAR);
  search = GTK_EDITABLE (byline_ui_test_find_descendant (bar, GTK_TYPE_SEARCH_ENTRY));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (search)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor (f)), "editor.replace", NULL));
  g_assert_true (byline_find_bar_get_revealed (BYLINE_FIND_BAR (bar)));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (search)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (search)));
  count = gtk_widget_get_next_sibling (GTK_WIDGET (search));
  g_assert_true (GTK_IS_LABEL (count));

  /* Any case: the first match is selected, the count says which of three. */
  gtk_editable_set_text (search, "mưa");
  g_object_set_data (G_OBJECT (count), "expected", (gpointer) "1 of 3");
  g_assert_true (byline_ui_test_wait_until (label_says, count, 3000));

  replacement = GTK_EDITABLE (byline_ui_test_find_descendant (bar, GTK_TYPE_ENTRY));
  gtk_editable_set_text (replacement, "Gió");
  replace_all = byline_ui_test_find_button (bar, "Replace _All");
  g_assert_nonnull (replace_all);
  g_signal_emit_by_name (replace_all, "clicked");

  /* The body, not only the buffer, has the new words. */
  model = byline_article_get_body (article (f));
  g_assert_cmpuint (byline_body_get_n_blocks (model), ==, 2);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 0)), ==, "Gió lớn ở Sa Pa.");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 1)), ==, "Gió kéo dài, Gió to.");
  g_object_set_data (G_OBJECT (count), "expected", (gpointer) "No match");
  g_assert_true (byline_ui_test_wait_until (label_says, count, 3000));

  /* Escape puts the bar away. */
  byline_find_bar_dismiss (BYLINE_FIND_BAR (bar));
  g_assert_false (byline_find_bar_get_revealed (BYLINE_FIND_BAR (bar)));
  g_assert_true (byline_ui_test_wait_until (search_hidden, search, 3000));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (body)));
}

static void
on_notify_count (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    data)
{
  (*(guint *) data)++;
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget)
      && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_POPOVER (child) && shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* The choice row on its own: what it shows, what it says to a screen reader,
 * and the choice kept when its list changes (as GtkSingleSelection keeps it). */
static void
test_choice_row (void)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char *[]) { "Thời sự", "Xã hội", "Kinh tế", NULL });
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  BylineChoiceRow *row = BYLINE_CHOICE_ROW (byline_choice_row_new ());
  guint notified = 0;
  GtkListBox *choices;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Category");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_notify_count), &notified);

  g_assert_cmpuint (byline_choice_row_get_selected (row), ==, GTK_INVALID_LIST_POSITION);
  byline_choice_row_set_model (row, G_LIST_MODEL (model));
  g_assert_cmpuint (byline_choice_row_get_selected (row), ==, 0);
  g_assert_cmpuint (notified, ==, 1);
  byline_choice_row_set_selected (row, 1);
  g_assert_cmpuint (notified, ==, 2);
  byline_choice_row_set_selected (row, 1);
  g_assert_cmpuint (notified, ==, 2);
  /* The choice is shown beside the title. */
  g_assert_true (shows_label (GTK_WIDGET (row), "Xã hội"));
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)) == GTK_ACCESSIBLE_ROLE_COMBO_BOX);

  /* The chosen item moves: it stays chosen; it goes: the first is. */
  gtk_string_list_splice (model, 0, 0, (const char *[]) { "Chính trị", NULL });
  g_assert_cmpuint (byline_choice_row_get_selected (row), ==, 2);
  gtk_string_list_remove (model, 2);
  g_assert_cmpuint (byline_choice_row_get_selected (row), ==, 0);
  byline_choice_row_set_selected (row, 99);
  g_assert_cmpuint (byline_choice_row_get_selected (row), ==, GTK_INVALID_LIST_POSITION);

  /* Opened, the list holds every choice, the check mark on the chosen one;
   * the keyboard starts there. */
  byline_choice_row_set_selected (row, 2);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  byline_ui_test_wait (100);
  choices = GTK_LIST_BOX (byline_ui_test_find_descendant (GTK_WIDGET (byline_choice_row_get_popover (row)),
                                                          GTK_TYPE_LIST_BOX));
  g_assert_nonnull (gtk_list_box_get_row_at_index (choices, 2));
  g_assert_null (gtk_list_box_get_row_at_index (choices, 3));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (choices, 2))));
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *row_i = GTK_WIDGET (gtk_list_box_get_row_at_index (choices, i));
      GtkWidget *check = byline_ui_test_find_descendant (row_i, GTK_TYPE_IMAGE);

      g_assert_cmpfloat (gtk_widget_get_opacity (check), ==, i == 2 ? 1.0 : 0.0);
    }
  /* A choice added while open is listed too, without a check mark; one added
   * before the chosen one moves the mark with it. */
  gtk_string_list_append (model, "Thể thao");
  g_assert_nonnull (gtk_list_box_get_row_at_index (choices, 3));
  g_assert_cmpfloat (gtk_widget_get_opacity (byline_ui_test_find_descendant (
                       GTK_WIDGET (gtk_list_box_get_row_at_index (choices, 3)), GTK_TYPE_IMAGE)), ==, 0.0);
  gtk_string_list_splice (model, 0, 0, (const char *[]) { "Văn hóa", NULL });
  g_assert_cmpuint (byline_choice_row_get_selected (row), ==, 3);
  for (guint i = 0; i < 5; i++)
    {
      GtkWidget *row_i = GTK_WIDGET (gtk_list_box_get_row_at_index (choices, i));
      GtkWidget *check = byline_ui_test_find_descendant (row_i, GTK_TYPE_IMAGE);

      g_assert_cmpfloat (gtk_widget_get_opacity (check), ==, i == 3 ? 1.0 : 0.0);
    }
  gtk_string_list_remove (model, 0);
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (choices, 3), "activate");
  g_assert_cmpuint (byline_choice_row_get_selected (row), ==, 3);
  byline_ui_test_wait (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (byline_choice_row_get_popover (row))));

  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwPreferencesRow *
preference_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_PREFERENCES_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesRow *found = preference_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What Preferences says a new story starts with is what the next one has,
 * and the headline's limit changes under the headline as it is set. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.bylinenews.Byline");
  AdwDialog *dialog = byline_preferences_dialog_new ();
  GtkWidget *count;
  const char * const *authors;

  adw_dialog_present (dialog, GTK_WIDGET (f->window));
  byline_ui_test_wait (300);
  gtk_editable_set_text (GTK_EDITABLE (preference_row (GTK_WIDGET (dialog), "Default byline")),
                         "Lò Văn Dũng,  Nguyễn Thị Hương ");
  gtk_editable_set_text (GTK_EDITABLE (preference_row (GTK_WIDGET (dialog), "Source prefix")), "BLC");
  gtk_editable_set_text (GTK_EDITABLE (preference_row (GTK_WIDGET (dialog), "Dateline")), "Lai Châu");
  adw_spin_row_set_value (ADW_SPIN_ROW (preference_row (GTK_WIDGET (dialog), "Headline")), 40);
  g_assert_cmpfloat (adw_spin_row_get_value (ADW_SPIN_ROW (preference_row (GTK_WIDGET (dialog),
                                                                           "Keep deleted drafts"))), ==, 30);
  adw_spin_row_set_value (ADW_SPIN_ROW (preference_row (GTK_WIDGET (dialog), "Keep deleted drafts")), 90);
  byline_ui_test_wait (100);
  g_assert_cmpuint (g_settings_get_uint (settings, "trash-days"), ==, 90);

  /* The open story's headline counts against the new limit at once. */
  byline_article_editor_focus_headline (editor (f));
  byline_ui_test_type (byline_article_editor_get_headline_view (editor (f)), "Mưa lũ");
  count = gtk_widget_get_next_sibling (GTK_WIDGET (byline_article_editor_get_headline_view (editor (f))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (count)), "/ 40"));
  adw_dialog_close (dialog);
  byline_ui_test_wait (300);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-draft", NULL));
  byline_ui_test_wait (200);
  authors = byline_article_get_authors (article (f));
  g_assert_cmpuint (g_strv_length ((char **) authors), ==, 2);
  g_assert_cmpstr (authors[0], ==, "Lò Văn Dũng");
  g_assert_cmpstr (authors[1], ==, "Nguyễn Thị Hương");
  g_assert_cmpstr (byline_article_get_source_prefix (article (f)), ==, "BLC");
  g_assert_cmpstr (byline_article_get_dateline (article (f)), ==, "Lai Châu");

  g_settings_reset (settings, "default-byline");
  g_settings_reset (settings, "source-prefix");
  g_settings_reset (settings, "default-dateline");
  g_settings_reset (settings, "headline-limit");
}

/* A window closed at one size, the next one opens at it. */
static void
test_remembers_size (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.bylinenews.Byline");
  BylineWindow *next;
  int width = 0, height = 0;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  byline_ui_test_wait (300);
  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;
  byline_ui_test_wait (200);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);

  next = byline_ui_test_new_window (f->store);
  gtk_window_get_default_size (GTK_WINDOW (next), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  gtk_window_destroy (GTK_WINDOW (next));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static gboolean
has_n_images (gpointer data)
{
  Fixture *f = data;

  return byline_article_get_n_images (article (f)) == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (f->window), "want"));
}

static gboolean
has_pasted_heading (gpointer data)
{
  Fixture *f = data;
  BylineBody *body = byline_article_get_body (article (f));

  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    if (g_strcmp0 (byline_block_get_text (byline_body_get_block (body, i)), "Hiện trường") == 0)
      return TRUE;
  return FALSE;
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

/* What a reporter pastes into the body: a picture copied in a browser (no
 * file), picture files copied in the file manager, and a web page's text,
 * cleaned to the body's structure. */
static void
test_paste (Fixture       *f,
            gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  BylineBody *body = byline_article_get_body (article (f));
  g_autoptr(GFile) file = picture (f, "pasted.png", 0x2b8a5a);
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_file (file, NULL);
  GdkFileList *files = NULL;
  g_autoptr(GdkContentProvider) html = NULL;
  g_autoptr(GBytes) page = NULL;
  GSList *list = NULL;
  gboolean found_heading = FALSE;
  const char *markup = "<meta charset=utf-8><div style='color:red'><h2>Hiện trường</h2>"
                       "<p>Nước <b>dâng cao</b> <span class=x>nhanh</span>.</p>"
                       "<script>alert(1)</script></div>";

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Mở đầu.");

  g_assert_nonnull (texture);
  gdk_clipboard_set_texture (clipboard, texture);
  paste_and_wait_for_images (f, 1);
  g_assert_cmpuint (byline_image_get_width (byline_article_get_image (article (f), 0)), ==, 40);

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
  g_signal_emit_by_name (view, "paste-clipboard");
  g_assert_true (byline_ui_test_wait_until (has_pasted_heading, f, 5000));
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
}

static GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller)
          && gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)) != NULL
          && gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)),
                                                GDK_TYPE_FILE_LIST))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* Drops @file on @widget at (@x, @y) as GTK hands a drop over; returns what
 * the drop target answered. */
static gboolean
drop_file (GtkWidget *widget,
           GFile     *file,
           double     x,
           double     y)
{
  GtkDropTarget *target = drop_target_of (widget);
  GSList *list = g_slist_append (NULL, file);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free (list);
  g_signal_emit_by_name (target, "drop", &value, x, y, &accepted);
  g_value_unset (&value);
  return accepted;
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
 * cursor; undo takes it out again. */
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

  type_story (f);
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
  g_assert_false (byline_caption_row_get_placed (row));
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
 * Pictures button puts it.  A file that is not a picture is refused with a
 * toast that says why, and the story is unchanged. */
static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (view);
  BylineBody *body = byline_article_get_body (article (f));
  g_autoptr(GFile) first = picture (f, "tha-vao-bai.png", 0x5a2b8a);
  g_autoptr(GFile) second = picture (f, "tha-vao-danh-sach.png", 0x8a2b5a);
  g_autoptr(GFile) text = g_file_get_child (f->files, "ghi-chu.txt");
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
  g_assert_true (drop_file (GTK_WIDGET (view), first, x, y));
  byline_ui_test_wait (100);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (byline_article_get_image (article (f), 0))),
                   ==, 1);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 2)), ==, "Đoạn hai.");

  /* Not a picture: refused, with the reason. */
  g_assert_true (g_file_replace_contents (text, "ghi chú", strlen ("ghi chú"), NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (drop_file (GTK_WIDGET (view), text, x, y));
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  g_assert_cmpstr (byline_ui_test_toast_title (GTK_WIDGET (f->window)), ==,
                   "“ghi-chu.txt” is not a JPEG, PNG, GIF or WebP picture");

  /* Onto the pictures panel: at the cursor, the end of the last paragraph. */
  byline_body_buffer_get_iter_at_block (buffer, &iter, 3, strlen ("Đoạn ba."));
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
  g_assert_true (drop_file (GTK_WIDGET (byline_window_get_caption_panel (f->window)), second, 10, 10));
  byline_ui_test_wait (100);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 2);
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

static AdwBanner *
save_banner (Fixture *f)
{
  return ADW_BANNER (gtk_widget_get_template_child (GTK_WIDGET (f->window), BYLINE_TYPE_WINDOW, "banner"));
}

/* A save that fails says so, and keeps every word: a banner with Try Again
 * when the disk refused, with Save as New Draft when someone else saved the
 * draft meanwhile; either way the words end up on disk. */
static void
test_save_failures (Fixture       *f,
                    gconstpointer  data)
{
  GtkTextView *headline = byline_article_editor_get_headline_view (editor (f));
  BylineDocument *document;
  g_autoptr(BylineDraftStore) other = NULL;
  g_autoptr(BylineArticle) theirs = NULL;
  g_autoptr(BylineArticle) mine = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *copy_id = NULL;

  byline_article_editor_focus_headline (editor (f));
  byline_ui_test_type (headline, "Lũ quét ở Mường Tè");
  document = byline_window_get_document (f->window);
  g_assert_true (byline_document_flush (document, &error));
  g_assert_no_error (error);
  id = g_strdup (byline_article_get_id (article (f)));
  folder = byline_draft_store_get_draft_folder (f->store, id);

  /* The disk refuses: the draft's folder is a file now. */
  {
    g_autofree char *path = g_file_get_path (folder);
    const char *argv[] = { "rm", "-rf", path, NULL };
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 NULL, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_true (g_file_replace_contents (folder, "x", 1, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, NULL));
  byline_ui_test_type (headline, ", 3 người mất tích");
  g_assert_false (byline_document_flush (document, NULL));
  g_assert_cmpint (byline_document_get_save_state (document), ==, BYLINE_SAVE_STATE_FAILED);
  byline_ui_test_wait (300);
  g_assert_true (adw_banner_get_revealed (save_banner (f)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (save_banner (f))), ==, "win.retry-save");
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Lũ quét ở Mường Tè, 3 người mất tích");

  /* Put right, Try Again saves it all. */
  g_assert_true (g_file_delete (folder, NULL, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.retry-save", NULL));
  byline_ui_test_wait (300);
  g_assert_cmpint (byline_document_get_save_state (document), ==, BYLINE_SAVE_STATE_SAVED);
  g_assert_false (adw_banner_get_revealed (save_banner (f)));
  {
    g_autoptr(BylineArticle) on_disk = read_draft_json (f->store, id);

    g_assert_cmpstr (byline_article_get_headline (on_disk), ==, "Lũ quét ở Mường Tè, 3 người mất tích");
  }

  /* Someone else (the editor, through a shared folder) saves the draft. */
  other = byline_draft_store_new (byline_draft_store_get_folder (f->store));
  theirs = byline_draft_store_load (other, id, &error);
  g_assert_no_error (error);
  byline_article_set_headline (theirs, "Lũ quét ở Mường Tè (biên tập)");
  g_assert_true (byline_draft_store_save (other, theirs, &error));
  g_assert_no_error (error);

  /* The reporter types on: the save meets the conflict, and overwrites nothing. */
  byline_ui_test_type (headline, " đêm qua");
  g_assert_false (byline_document_flush (document, NULL));
  byline_ui_test_wait (300);
  g_assert_true (adw_banner_get_revealed (save_banner (f)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (save_banner (f))), ==, "win.save-copy");
  {
    g_autoptr(BylineArticle) on_disk = read_draft_json (f->store, id);

    g_assert_cmpstr (byline_article_get_headline (on_disk), ==, "Lũ quét ở Mường Tè (biên tập)");
  }

  /* Save as New Draft: both versions are kept, the window edits the copy. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-copy", NULL));
  byline_ui_test_wait (300);
  copy_id = g_strdup (byline_article_get_id (article (f)));
  g_assert_cmpstr (copy_id, !=, id);
  g_assert_false (adw_banner_get_revealed (save_banner (f)));
  mine = read_draft_json (f->store, copy_id);
  g_assert_cmpstr (byline_article_get_headline (mine), ==, "Lũ quét ở Mường Tè, 3 người mất tích đêm qua");
  {
    g_autoptr(BylineArticle) on_disk = read_draft_json (f->store, id);

    g_assert_cmpstr (byline_article_get_headline (on_disk), ==, "Lũ quét ở Mường Tè (biên tập)");
  }
}

/* Closed before the autosave delay is over: what was typed is on disk. */
static void
test_close_saves (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.bylinenews.Byline");
  g_autoptr(BylineArticle) on_disk = NULL;
  g_autofree char *id = NULL;

  g_settings_set_uint (settings, "autosave-delay", 60000);
  byline_article_editor_focus_headline (editor (f));
  byline_ui_test_type (byline_article_editor_get_headline_view (editor (f)), "Đóng cửa sổ ngay");
  id = g_strdup (byline_article_get_id (article (f)));
  g_assert_cmpint (byline_document_get_save_state (byline_window_get_document (f->window)), ==,
                   BYLINE_SAVE_STATE_UNSAVED);

  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close", NULL));
  byline_ui_test_wait (300);
  /* Closed, not held open by a question. */
  g_assert_null (f->window);
  on_disk = read_draft_json (f->store, id);
  g_assert_cmpstr (byline_article_get_headline (on_disk), ==, "Đóng cửa sổ ngay");
  g_settings_reset (settings, "autosave-delay");
}

/* Remove, as the row's menu and Alt+Delete do it, and Undo in the toast. */
static void
test_remove_row_toast (Fixture       *f,
                       gconstpointer  data)
{
  BylineCaptionPanel *panel;
  BylineImage *first, *second;
  GtkWidget *undo;

  type_story (f);
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
}

static void
collect_keycaps (GtkWidget  *widget,
                 GHashTable *listed)
{
  GString *keys = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "keycap"))
        {
          if (keys == NULL)
            keys = g_string_new (NULL);
          g_string_append_printf (keys, "%s%s", keys->len ? "+" : "", gtk_label_get_text (GTK_LABEL (child)));
        }
      else
        collect_keycaps (child, listed);
    }
  if (keys != NULL)
    g_hash_table_add (listed, g_string_free (keys, FALSE));
}

/* Each action with a key binding (action name → the labels of its keys). */
static void
collect_bindings (GtkWidget  *widget,
                  GHashTable *bindings)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          const char *name;
          GPtrArray *labels;

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action))
            continue;
          name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
          if (!g_str_has_prefix (name, "win.") && !g_str_has_prefix (name, "editor.")
              && !g_str_has_prefix (name, "row."))
            continue;
          labels = g_hash_table_lookup (bindings, name);
          if (labels == NULL)
            {
              labels = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (bindings, g_strdup (name), labels);
            }
          g_ptr_array_add (labels, gtk_accelerator_get_label (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                                              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_bindings (child, bindings);
}

/* Every action the window, the editor and a picture's row bind to a key is
 * in the shortcuts window, under one of its keys. */
static void
test_shortcuts_listed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) bindings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  AdwDialog *dialog = g_object_ref_sink (byline_shortcuts_dialog_new ());
  GHashTableIter iter;
  gpointer name, labels;

  type_story (f);
  /* A dialog's content is in the window once it is presented. */
  adw_dialog_present (dialog, GTK_WIDGET (f->window));
  byline_ui_test_wait (200);
  collect_keycaps (GTK_WIDGET (dialog), listed);
  adw_dialog_close (dialog);
  byline_ui_test_wait (200);
  collect_bindings (GTK_WIDGET (f->window), bindings);
  g_assert_cmpuint (g_hash_table_size (listed), >=, 30);
  /* The window's, the editor's and the row's own: all were found. */
  g_assert_true (g_hash_table_contains (bindings, "win.save"));
  g_assert_true (g_hash_table_contains (bindings, "editor.find"));
  g_assert_true (g_hash_table_contains (bindings, "row.move-up"));

  g_hash_table_iter_init (&iter, bindings);
  while (g_hash_table_iter_next (&iter, &name, &labels))
    {
      GPtrArray *keys = labels;
      gboolean found = FALSE;

      for (guint i = 0; i < keys->len && !found; i++)
        found = g_hash_table_contains (listed, g_ptr_array_index (keys, i));
      if (!found)
        g_error ("%s (%s) is not in the shortcuts window", (char *) name, (char *) g_ptr_array_index (keys, 0));
    }
  g_object_unref (dialog);
}

/* The history, as a reporter uses it: open it from the window, tell the
 * versions apart, look at an earlier one, restore it; the window and the
 * draft on disk then hold it. */
static void
test_history_restore (Fixture       *f,
                      gconstpointer  data)
{
  GtkTextView *headline = byline_article_editor_get_headline_view (editor (f));
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) on_disk = NULL;
  g_autofree char *preview_text = NULL;
  g_autofree char *id = NULL;
  AdwDialog *dialog;
  GtkListBox *list;
  GtkListBoxRow *current, *earlier;
  GtkWidget *restore, *preview;
  const char *current_title, *earlier_title;

  byline_article_editor_focus_headline (editor (f));
  byline_ui_test_type (headline, "Bản tin sáng");
  g_assert_true (byline_document_flush (byline_window_get_document (f->window), &error));
  g_assert_no_error (error);
  /* A reporter's next words come a moment later. */
  byline_ui_test_wait (1100);
  byline_ui_test_type (headline, " đã sửa");
  id = g_strdup (byline_article_get_id (article (f)));

  /* Opening the history saves what is on screen first: the newest version. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.history", NULL));
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_dialog, f->window, 5000));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  g_assert_true (BYLINE_IS_HISTORY_DIALOG (dialog));
  list = byline_history_dialog_get_list (BYLINE_HISTORY_DIALOG (dialog));
  current = gtk_list_box_get_row_at_index (list, 0);
  earlier = gtk_list_box_get_row_at_index (list, 1);
  g_assert_nonnull (earlier);
  g_assert_true (gtk_list_box_get_selected_row (list) == current);

  /* Saved in the same minute, the two still read differently. */
  current_title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (current));
  earlier_title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (earlier));
  g_assert_cmpstr (current_title, !=, earlier_title);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (current)), "Bản tin sáng đã sửa"));

  /* The current version cannot be restored over itself. */
  restore = byline_ui_test_find_button (GTK_WIDGET (dialog), "_Restore");
  g_assert_nonnull (restore);
  g_assert_false (gtk_widget_get_sensitive (restore));

  /* The earlier one, chosen, is in the preview, and can be. */
  gtk_list_box_select_row (list, earlier);
  byline_ui_test_wait (100);
  preview = byline_ui_test_find_descendant (GTK_WIDGET (dialog), BYLINE_TYPE_ARTICLE_PREVIEW);
  preview_text = byline_article_preview_dup_text (BYLINE_ARTICLE_PREVIEW (preview));
  g_assert_nonnull (strstr (preview_text, "Bản tin sáng"));
  g_assert_null (strstr (preview_text, "đã sửa"));
  g_assert_true (gtk_widget_get_sensitive (restore));

  g_signal_emit_by_name (restore, "clicked");
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_no_dialog, f->window, 5000));

  /* The window edits the restored version, and it is the draft on disk. */
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Bản tin sáng");
  {
    g_autofree char *shown = byline_ui_test_view_text (byline_article_editor_get_headline_view (editor (f)));

    g_assert_cmpstr (shown, ==, "Bản tin sáng");
  }
  on_disk = read_draft_json (f->store, id);
  g_assert_cmpstr (byline_article_get_headline (on_disk), ==, "Bản tin sáng");
}

static gboolean
narrow_folded (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_width (GTK_WIDGET (f->window)) <= 360
         && gtk_widget_get_mapped (GTK_WIDGET (editor (f)))
         && !gtk_widget_get_mapped (GTK_WIDGET (byline_window_get_caption_panel (f->window)))
         && !gtk_widget_get_mapped (GTK_WIDGET (byline_window_get_metadata_sidebar (f->window)));
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The window's default size is its frame's: its own width is a little less. */
static gboolean
window_about (Fixture *f,
              int      width)
{
  return ABS (gtk_widget_get_width (GTK_WIDGET (f->window)) - width) <= 20;
}

static gboolean
editor_and_pictures (gpointer data)
{
  Fixture *f = data;

  return window_about (f, 800)
         && gtk_widget_get_mapped (GTK_WIDGET (byline_window_get_caption_panel (f->window)))
         && gtk_widget_get_mapped (GTK_WIDGET (editor (f)));
}

static gboolean
all_three (gpointer data)
{
  Fixture *f = data;

  return window_about (f, 1280)
         && gtk_widget_get_mapped (GTK_WIDGET (byline_window_get_caption_panel (f->window)))
         && gtk_widget_get_mapped (GTK_WIDGET (byline_window_get_metadata_sidebar (f->window)))
         && gtk_widget_get_mapped (GTK_WIDGET (editor (f)));
}

static gboolean
checks_beside (gpointer split)
{
  return gtk_widget_get_width (GTK_WIDGET (gtk_widget_get_root (split))) > 1500
         && !adw_overlay_split_view_get_collapsed (split);
}

static gboolean
checks_over (gpointer split)
{
  return adw_overlay_split_view_get_collapsed (split);
}

/* Whether @menu or one of its sections has an item for @action. */
static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* Each size is waited for as the condition it must show (a slow machine, or
 * valgrind, takes longer than any fixed wait), then checked. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window));
  AdwOverlaySplitView *checks;
  int min = 0;

  type_story (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  /* The side panels are folded away… */
  g_assert_true (byline_ui_test_wait_until (narrow_folded, f, 10000));

  /* Everything fits in 360 pixels: nothing asks for more. */
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 350);

  /* Every editing tool within reach: none behind the toolbar's scroll, and
   * those that do not fit in its menu (the lists are in the style menu). */
  {
    GtkWidget *toolbar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor (f)),
                                                                    BYLINE_TYPE_ARTICLE_EDITOR,
                                                                    "toolbar_scroller"));
    GtkWidget *more = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor (f)),
                                                                 BYLINE_TYPE_ARTICLE_EDITOR, "more_button"));
    GtkAdjustment *scroll = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (toolbar));
    GMenuModel *menu;

    g_assert_true (byline_ui_test_wait_until (is_mapped, more, 10000));
    byline_ui_test_wait (100);
    g_assert_cmpfloat (gtk_adjustment_get_upper (scroll), <=, gtk_adjustment_get_page_size (scroll));
    g_assert_false (gtk_widget_is_visible (byline_ui_test_find_button (toolbar, "Undo (Ctrl+Z)")));
    g_assert_false (gtk_widget_is_visible (byline_ui_test_find_button (toolbar, "Find and Replace (Ctrl+F)")));
    gtk_menu_button_popup (GTK_MENU_BUTTON (more));
    byline_ui_test_wait (100);
    menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (more));
    g_assert_nonnull (menu);
    for (const char **action = (const char *[]) { "editor.insert-picture", "editor.find", "editor.undo",
                                                   "editor.redo", NULL };
         *action != NULL; action++)
      g_assert_true (menu_has_action (menu, *action));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (more));
  }

  /* …and come back over the text on demand. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-pictures", NULL);
  g_assert_true (byline_ui_test_wait_until (is_mapped, byline_window_get_caption_panel (f->window), 10000));
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 350);

  /* At 800 × 600 the editor and the pictures share the window. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-pictures", NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  g_assert_true (byline_ui_test_wait_until (editor_and_pictures, f, 10000));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor (f))), >=, 400);

  /* Wide, all three parts side by side. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  g_assert_true (byline_ui_test_wait_until (all_three, f, 10000));

  /* The toolbar shows all its tools from 601 sp up (its breakpoint): they
   * fit in that, whatever the name of the paragraph's style (which shrinks,
   * ellipsized, to make room; the longest is Vietnamese's "Bulleted List"). */
  {
    GtkWidget *toolbar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor (f)),
                                                                    BYLINE_TYPE_ARTICLE_EDITOR,
                                                                    "toolbar_scroller"));
    GtkMenuButton *style = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (editor (f)),
                                                                           BYLINE_TYPE_ARTICLE_EDITOR,
                                                                           "style_button"));
    GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (toolbar));
    g_autofree char *label = g_strdup (gtk_menu_button_get_label (style));
    int minimum = 0;

    g_assert_true (gtk_widget_is_visible (byline_ui_test_find_button (toolbar, "Undo (Ctrl+Z)")));
    gtk_menu_button_set_label (style, "Danh sách dấu chấm");
    gtk_widget_measure (gtk_viewport_get_child (GTK_VIEWPORT (viewport)), GTK_ORIENTATION_HORIZONTAL, -1,
                        &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 600);
    gtk_menu_button_set_label (style, label);
    g_assert_false (gtk_widget_is_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor (f)),
                                                                                    BYLINE_TYPE_ARTICLE_EDITOR,
                                                                                    "more_button"))));
  }

  /* The publish time in the sidebar: the date whole and its time zone, on a
   * line of its own, not cut off by the row. */
  {
    g_autoptr(GTimeZone) zone = g_time_zone_new_offset (7 * 3600);
    g_autoptr(GDateTime) when = g_date_time_new (zone, 2025, 8, 10, 16, 30, 0);
    GtkWidget *button = byline_ui_test_find_descendant (GTK_WIDGET (byline_window_get_metadata_sidebar (f->window)),
                                                        BYLINE_TYPE_DATE_BUTTON);
    GtkWidget *date_label, *zone_label;

    byline_article_set_publish_time (article (f), when);
    date_label = byline_ui_test_find_descendant (button, GTK_TYPE_LABEL);
    zone_label = gtk_widget_get_next_sibling (date_label);
    g_assert_true (byline_ui_test_wait_until (is_mapped, zone_label, 10000));
    byline_ui_test_wait (100);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (zone_label)), ==, "GMT+7");
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (date_label)), "2025"));
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (date_label))));
    {
      int natural = 0;

      gtk_widget_measure (zone_label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (zone_label), >=, natural);
    }
  }

  /* The checklist comes over the story up to 1400 sp, and beside it above.
   * (A size request: the X server of the tests is narrower than 1600.) */
  checks = ADW_OVERLAY_SPLIT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (f->window), BYLINE_TYPE_WINDOW,
                                                                  "checks_split"));
  g_assert_true (adw_overlay_split_view_get_collapsed (checks));
  gtk_widget_set_size_request (GTK_WIDGET (f->window), 1600, 600);
  g_assert_true (byline_ui_test_wait_until (checks_beside, checks, 10000));
  gtk_widget_set_size_request (GTK_WIDGET (f->window), 360, 294);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  g_assert_true (byline_ui_test_wait_until (checks_over, checks, 10000));
}

static void
count_frame (GdkFrameClock *clock,
             guint         *frames)
{
  (*frames)++;
}

/* Frames the window draws in @ms once it has settled. */
static guint
frames_while_idle (Fixture *f,
                   guint    ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  guint frames = 0;
  gulong handler;

  /* Settled: the start's work, the checks' first run, any animation. */
  byline_ui_test_wait (1000);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame), &frames);
  byline_ui_test_wait (ms);
  g_signal_handler_disconnect (clock, handler);
  return frames;
}

/* A window left alone draws nothing: no widget asks for a new layout frame
 * after frame (a text field once did, every frame, for as long as the window
 * was open: a core kept busy at 60 frames a second). */
static void
test_idle_draws_nothing (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *headline = GTK_WIDGET (byline_article_editor_get_headline_view (editor (f)));

  /* A blinking cursor fades in and out, a frame at a time, for ten seconds
   * after the last key: a cursor that does not blink draws nothing. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (byline_article_editor_get_lead_view (editor (f))));
  gtk_widget_grab_focus (headline);

  /* A new story, as a new user sees it. */
  g_assert_cmpuint (frames_while_idle (f, 1000), <=, 2);

  /* With a headline of two lines and a lead. */
  byline_ui_test_type (GTK_TEXT_VIEW (headline), HEADLINE " " HEADLINE " " HEADLINE);
  byline_ui_test_type (byline_article_editor_get_lead_view (editor (f)), LEAD);
  g_assert_cmpuint (frames_while_idle (f, 1000), <=, 2);

  /* A whole story with two captioned pictures, the checklist open beside it. */
  type_story (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.checks", NULL));
  g_assert_cmpuint (frames_while_idle (f, 1000), <=, 2);

  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", TRUE, NULL);
}

int
main (int   argc,
      char *argv[])
{
  byline_ui_test_init (&argc, &argv);

  byline_ui_test_add_window_test ("/ui/window/story-round-trip", test_story_round_trip);
  byline_ui_test_add_window_test ("/ui/window/autosave", test_autosave);
  byline_ui_test_add_window_test ("/ui/window/pristine-not-saved", test_pristine_not_saved);
  byline_ui_test_add_window_test ("/ui/window/selection-follows", test_selection_follows);
  byline_ui_test_add_window_test ("/ui/window/rows-freed", test_rows_freed);
  byline_ui_test_add_window_test ("/ui/window/remove-picture-undo", test_remove_picture_undo);
  byline_ui_test_add_window_test ("/ui/window/long-story-rows", test_long_story_rows);
  byline_ui_test_add_window_test ("/ui/window/undo-typing", test_undo_typing);
  byline_ui_test_add_window_test ("/ui/window/headline-limit", test_headline_limit);
  g_test_add_func ("/ui/window/choice-row", test_choice_row);
  byline_ui_test_add_window_test ("/ui/window/find-replace", test_find_replace);
  byline_ui_test_add_window_test ("/ui/window/preferences", test_preferences);
  byline_ui_test_add_window_test ("/ui/window/remembers-size", test_remembers_size);
  byline_ui_test_add_window_test ("/ui/window/picture-not-in-text", test_picture_not_in_text);
  byline_ui_test_add_window_test ("/ui/window/drop", test_drop);
  byline_ui_test_add_window_test ("/ui/window/paste", test_paste);
  byline_ui_test_add_window_test ("/ui/window/save-failures", test_save_failures);
  byline_ui_test_add_window_test ("/ui/window/close-saves", test_close_saves);
  byline_ui_test_add_window_test ("/ui/window/remove-row-toast", test_remove_row_toast);
  byline_ui_test_add_window_test ("/ui/window/shortcuts-listed", test_shortcuts_listed);
  byline_ui_test_add_window_test ("/ui/window/history-restore", test_history_restore);
  byline_ui_test_add_window_test ("/ui/window/narrow", test_narrow);
  byline_ui_test_add_window_test ("/ui/window/idle-draws-nothing", test_idle_draws_nothing);

  return g_test_run ();
}
