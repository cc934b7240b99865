/* ui-story.c — the story the window tests type, as a reporter would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "ui-story.h"
#include "byline-test-utils.h"
#include "byline-article-editor.h"
#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-caption-panel.h"
#include "byline-caption-row.h"
#include "byline-chip-entry.h"
#include "byline-document.h"
#include "byline-metadata-sidebar.h"
#include "byline-window.h"

GFile *
byline_ui_test_picture (BylineUiWindowFixture *f,
                        const char            *name,
                        guint32                rgb)
{
  GFile *file = g_file_get_child (f->files, name);

  byline_test_write_png (file, 40, 30, rgb);
  return file;
}

gboolean
byline_ui_test_has_block_text (gpointer data)
{
  BylineUiWindowFixture *f = data;
  const char *text = g_object_get_data (G_OBJECT (f->window), "want-text");
  BylineBody *body = byline_article_get_body (byline_ui_test_article (f));

  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    if (strstr (byline_block_get_text (byline_body_get_block (body, i)), text) != NULL)
      return TRUE;
  return FALSE;
}

guint
byline_ui_test_count_text_blocks (BylineBody *body)
{
  guint n = 0;

  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    if (*byline_block_get_text (byline_body_get_block (body, i)) != '\0')
      n++;
  return n;
}

gboolean
byline_ui_test_has_n_images (gpointer data)
{
  BylineUiImageWait *wait = data;
  BylineArticle *story = byline_document_get_article (byline_window_get_document (wait->window));

  return byline_article_get_n_images (story) == wait->n;
}

/* Chooses, as a click would, the choice of @row that reads @label: the row
 * opens its list (built then, not before), and the list's row is activated. */
void
byline_ui_test_choose (BylineChoiceRow *row,
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
void
byline_ui_test_type_story (BylineUiWindowFixture *f)
{
  BylineArticleEditor *editor = byline_window_get_editor (f->window);
  BylineBodyView *body = byline_article_editor_get_body_view (editor);
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (body);
  BylineMetadataSidebar *sidebar = byline_window_get_metadata_sidebar (f->window);
  BylineCaptionPanel *panel = byline_window_get_caption_panel (f->window);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) first = byline_ui_test_picture (f, "sat-lo.png", 0x8a5a2b);
  g_autoptr(GFile) second = byline_ui_test_picture (f, "cuu-ho.png", 0x2b5a8a);
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  struct {
    const char *caption, *credit, *alt;
  } captions[] = {
    { "Sạt lở trên Quốc lộ 4H.", "Ảnh: Lò Văn Dũng", "Đất đá tràn xuống mặt đường." },
    { "Cứu hộ giúp dân di dời.", "Ảnh: Nguyễn Thị Hương", "Bộ đội khiêng đồ qua suối." },
  };

  byline_article_editor_focus_headline (editor);
  byline_ui_test_type (byline_article_editor_get_headline_view (editor), HEADLINE);
  /* Enter in the headline goes on to the lead. */
  byline_ui_test_type (byline_article_editor_get_headline_view (editor), "\n");
  byline_ui_test_type (byline_article_editor_get_lead_view (editor), LEAD);

  byline_article_editor_focus_body (editor);
  byline_ui_test_type (GTK_TEXT_VIEW (body), PARAGRAPH1 "\n" HEADING "\n" PARAGRAPH2);

  /* The middle line becomes a heading, "37 hộ dân" bold, through the editor's actions. */
  byline_body_buffer_get_iter_at_block (buffer, &start, 1, 3);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.style", "s", "heading1"));
  byline_body_buffer_get_iter_at_block (buffer, &start, 0, 18);
  byline_body_buffer_get_iter_at_block (buffer, &end, 0, 27);
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (buffer), &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.bold", NULL));

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
  byline_ui_test_choose (BYLINE_CHOICE_ROW (byline_ui_test_find_descendant (GTK_WIDGET (sidebar), BYLINE_TYPE_CHOICE_ROW)),
          "Xã hội");
}

void
byline_ui_test_check_story (BylineArticle *a)
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

void
byline_ui_test_empty_story (BylineUiWindowFixture *f)
{
  BylineArticle *a = byline_ui_test_article (f);

  byline_article_set_headline (a, "");
  byline_article_set_lead (a, "");
  byline_article_set_source_prefix (a, "");
  byline_article_set_authors (a, NULL);
  byline_body_clear (byline_article_get_body (a));
  while (byline_article_get_n_images (a) > 0)
    byline_article_remove_image (a, byline_article_get_image (a, 0));
}
