/* test-checklist.c — the preflight checklist and the spelling underline in the window
 *
 * A story with the slips a newsroom makes (no source prefix in the lead, a
 * doubled word, two spaces, two captions copied and half edited, a picture
 * without credit) is shown in a real BylineWindow: the checklist lists them,
 * the badge counts them, a row shows its place and selects it, "Fix" applies
 * the suggestion, and an edit re-runs the checks on its own.  Spelling: a
 * misspelled syllable is underlined by libspelling in the lead, the headline
 * and a caption, while a name from the newsroom's word list, an acronym and a
 * correct word are not; the context menu offers the correction, and "Add to
 * Newsroom Word List" writes the file and clears the underline.  On a long story
 * the checks after an edit run in a thread, the main loop going on, and
 * findings of text changed since are never shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "byline-test-utils.h"
#include "ui-test-utils.h"
#include "byline-article-editor.h"
#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-caption-panel.h"
#include "byline-caption-row.h"
#include "byline-checklist.h"
#include "byline-checklist-button.h"
#include "byline-document.h"
#include "byline-metadata-sidebar.h"
#include "byline-chip-entry.h"
#include "byline-preferences-dialog.h"
#include "byline-spelling.h"
#include "byline-window-private.h"
#include "byline-body-view-private.h"
#include "ui-window-test.h"

#define DOUBLED "Người dân các các bản đã được sơ tán."
#define SPACES "Lực lượng cứu hộ đã  có mặt từ sáng sớm."
#define CAPTION1 "Lực lượng cứu hộ giúp dân di dời tài sản tại bản Phìn Hồ."
#define CAPTION2 "Lực lượng cứu hộ giúp dân di dời tài sản tại bản Pa Hồ."
#define SPELLING "Đoàn công tác đến Phìn Hồ và Xìn Mần, hôm nay trờii đẹp, UBND xã báo cáo."

static GFile *newsroom_words;

/* Headline, lead without "(BLC) - ", byline, category, body with slips, two
 * pictures with nearly the same caption, the second without credit. */
static void
make_story (Fixture *f)
{
  BylineArticle *a = article (f);
  BylineBody *body = byline_article_get_body (a);
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) first = g_file_get_child (f->files, "cuu-ho-1.png");
  g_autoptr(GFile) second = g_file_get_child (f->files, "cuu-ho-2.png");
  g_autoptr(GError) error = NULL;
  const char *authors[] = { "Lò Văn Dũng", NULL };
  BylineImage *image;

  byline_article_set_headline (a, "Mưa lũ ở Phìn Hồ, nhiều bản bị chia cắt");
  byline_article_set_lead (a, "Mưa lớn kéo dài từ đêm qua đã gây sạt lở nghiêm trọng.");
  byline_article_set_authors (a, authors);
  byline_article_set_category (a, "Thời sự");
  /* The house wants "(BLC) - " in front of the lead when the story has no prefix of its own. */
  byline_article_set_source_prefix (a, "");
  if (byline_body_get_n_blocks (body) == 0)
    byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "");
  byline_body_set_text (body, 0, "Theo Ban Chỉ huy, 37 hộ dân phải sơ tán khẩn cấp.");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, DOUBLED);
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, SPACES);

  byline_test_write_png (first, 40, 30, 0x8a5a2b);
  byline_test_write_png (second, 40, 30, 0x2b5a8a);
  g_list_store_append (files, first);
  g_list_store_append (files, second);
  g_assert_cmpuint (byline_body_view_insert_pictures (view, G_LIST_MODEL (files), 1, &error), ==, 2);
  g_assert_no_error (error);

  image = byline_article_get_image (a, 0);
  byline_image_set_caption (image, CAPTION1);
  byline_image_set_credit (image, "Ảnh: Lò Văn Dũng");
  byline_image_set_alt_text (image, "Bộ đội khiêng đồ đạc qua suối.");
  image = byline_article_get_image (a, 1);
  byline_image_set_caption (image, CAPTION2);
  byline_image_set_alt_text (image, "Người dân chuyển đồ lên xe tải.");
}

static int
find_code (BylineChecklist *checklist,
           const char      *code)
{
  GListModel *findings = byline_checklist_get_findings (checklist);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (byline_finding_get_code (finding), code))
        return i;
    }
  return -1;
}

static char *
list_codes (BylineChecklist *checklist)
{
  GListModel *findings = byline_checklist_get_findings (checklist);
  GString *codes = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);

      g_string_append_printf (codes, "%s%s", i ? " " : "", byline_finding_get_code (finding));
      if (g_str_equal (byline_finding_get_code (finding), "spelling"))
        g_string_append_printf (codes, "(%s)", byline_finding_get_excerpt (finding));
    }
  return g_string_free (codes, FALSE);
}

typedef struct
{
  BylineChecklist *checklist;
  guint            index;
} RowWait;

static gboolean
row_shown (gpointer data)
{
  RowWait *wait = data;

  GtkWidget *row = byline_checklist_get_row (wait->checklist, wait->index);

  return row != NULL && gtk_widget_get_mapped (row);
}

/* The list has rows only for the findings on screen: the checklist shown,
 * finding @index scrolled to, its row once laid out.  The row shows the
 * finding: its message as title, its place as subtitle, the severity's icon
 * named for screen readers. */
static GtkWidget *
shown_row (Fixture *f,
           guint    index)
{
  BylineChecklist *checklist = _byline_window_get_checklist (f->window);
  g_autoptr(BylineFinding) finding = g_list_model_get_item (byline_checklist_get_findings (checklist), index);
  g_autofree char *location = NULL;
  GtkWidget *row;

  g_assert_nonnull (finding);
  if (!gtk_widget_get_mapped (GTK_WIDGET (checklist)))
    _byline_window_show_checklist (f->window);
  byline_checklist_scroll_to_finding (checklist, index);
  g_assert_true (byline_ui_test_wait_until (row_shown, &(RowWait) { checklist, index }, 3000));
  row = byline_checklist_get_row (checklist, index);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   byline_finding_get_message (finding));
  location = byline_finding_dup_location (finding, article (f));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, location);
  return row;
}

static gboolean
focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_findings (Fixture       *f,
               gconstpointer  data)
{
  BylineChecklist *checklist = _byline_window_get_checklist (f->window);
  BylineChecklistButton *button =
    BYLINE_CHECKLIST_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (f->window), BYLINE_TYPE_WINDOW,
                                                            "checks_button"));
  g_autofree char *codes = NULL;
  g_autofree char *badge = NULL;
  guint n_errors, n_warnings;

  make_story (f);
  byline_checklist_run (checklist);
  codes = list_codes (checklist);
  g_test_message ("findings: %s", codes);

  g_assert_cmpint (find_code (checklist, "missing-source-prefix"), >=, 0);
  g_assert_cmpint (find_code (checklist, "doubled-word"), >=, 0);
  g_assert_cmpint (find_code (checklist, "double-space"), >=, 0);
  g_assert_cmpint (find_code (checklist, "similar-caption"), >=, 0);
  g_assert_cmpint (find_code (checklist, "missing-credit"), >=, 0);
  /* What the story has is not reported missing. */
  g_assert_cmpint (find_code (checklist, "missing-headline"), <, 0);
  g_assert_cmpint (find_code (checklist, "missing-byline"), <, 0);
  g_assert_cmpint (find_code (checklist, "missing-caption"), <, 0);
  /* "Phìn Hồ" is in the newsroom's list; nothing else is misspelled. */
  g_assert_cmpint (find_code (checklist, "spelling"), <, 0);

  /* One row a finding, errors first; the badge counts the errors. */
  n_errors = byline_checklist_get_n_errors (checklist);
  n_warnings = byline_checklist_get_n_warnings (checklist);
  g_assert_cmpuint (n_errors + n_warnings, >=, 5);
  shown_row (f, g_list_model_get_n_items (byline_checklist_get_findings (checklist)) - 1);
  badge = g_strdup_printf ("%u", n_errors > 0 ? n_errors : n_warnings);
  g_assert_cmpstr (byline_checklist_button_get_badge_text (button), ==, badge);
  {
    g_autoptr(BylineFinding) first = g_list_model_get_item (byline_checklist_get_findings (checklist), 0);
    g_assert_cmpint (byline_finding_get_severity (first), ==, n_errors > 0 ? BYLINE_SEVERITY_ERROR : BYLINE_SEVERITY_WARNING);
  }
}

static void
test_jump (Fixture       *f,
           gconstpointer  data)
{
  BylineChecklist *checklist = _byline_window_get_checklist (f->window);
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_body_view_get_body_buffer (view));
  BylineCaptionRow *row;
  GtkTextIter start, end;
  g_autofree char *selected = NULL;
  int index;

  make_story (f);
  /* Closed, the checklist's widgets are hidden (not styled with the window);
   * the first time it shows, they are shown. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_first_child (GTK_WIDGET (checklist))));
  _byline_window_show_checklist (f->window);
  byline_ui_test_wait (100);
  g_assert_true (gtk_widget_get_mapped (gtk_widget_get_first_child (GTK_WIDGET (checklist))));

  /* The doubled word: selected in the body, which has the focus. */
  index = find_code (checklist, "doubled-word");
  g_assert_cmpint (index, >=, 0);
  /* From the keyboard: the row (its list item) takes the focus,
   * and Enter is its activate signal. */
  {
    GtkWidget *item = gtk_widget_get_parent (shown_row (f, index));

    g_assert_true (gtk_widget_get_focusable (item));
    byline_checklist_focus_finding (checklist, index);
    byline_ui_test_wait (50);
    g_assert_true (focus_within (item));
    g_assert_true (gtk_widget_activate (item));
  }
  byline_ui_test_wait (50);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_iter_get_slice (&start, &end);
  g_assert_cmpstr (selected, ==, "các các");
  g_assert_true (focus_within (GTK_WIDGET (view)));

  /* The picture without credit: the pictures are shown, its credit entry focused. */
  index = find_code (checklist, "missing-credit");
  g_assert_cmpint (index, >=, 0);
  shown_row (f, index);
  byline_checklist_activate_finding (checklist, index);
  byline_ui_test_wait (50);
  row = byline_caption_panel_get_row (byline_window_get_caption_panel (f->window), 1);
  g_assert_nonnull (row);
  g_assert_true (focus_within (GTK_WIDGET (byline_caption_row_get_credit_entry (row))));
  g_assert_true (byline_document_get_selected_image (byline_window_get_document (f->window))
                 == byline_article_get_image (article (f), 1));
}

static gboolean
doubled_word_gone (gpointer data)
{
  return find_code (data, "doubled-word") < 0;
}

static void
test_fix_and_rerun (Fixture       *f,
                    gconstpointer  data)
{
  BylineChecklist *checklist = _byline_window_get_checklist (f->window);
  BylineBody *body = byline_article_get_body (article (f));
  GtkWidget *fix;
  int index, block;

  make_story (f);
  byline_checklist_run (checklist);

  /* "Fix" on the two spaces puts one. */
  index = find_code (checklist, "double-space");
  g_assert_cmpint (index, >=, 0);
  {
    g_autoptr(BylineFinding) finding = g_list_model_get_item (byline_checklist_get_findings (checklist), index);
    block = byline_finding_get_block (finding);
  }
  fix = byline_ui_test_find_button (shown_row (f, index), "_Fix");
  g_assert_nonnull (fix);
  g_assert_true (gtk_widget_get_visible (fix));
  {
    g_autoptr(BylineFinding) finding = g_list_model_get_item (byline_checklist_get_findings (checklist), index);
    const char *tooltip = gtk_widget_get_tooltip_text (fix);
    g_autofree char *expected = g_strdup_printf ("Replace “%s” with “%s”", byline_finding_get_excerpt (finding),
                                                 byline_finding_get_suggestion (finding));

    g_assert_cmpstr (tooltip, ==, expected);
  }
  /* Something typed before the fix, at the top. */
  {
    BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (byline_article_editor_get_body_view (editor (f)));
    GtkTextIter top;

    byline_body_buffer_get_iter_at_block (buffer, &top, 0, 0);
    gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &top);
    gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (buffer));
    gtk_text_buffer_insert_interactive_at_cursor (GTK_TEXT_BUFFER (buffer), "Sáng nay, ", -1, TRUE);
    gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (buffer));
  }
  g_signal_emit_by_name (fix, "clicked");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, block)), ==,
                   "Lực lượng cứu hộ đã có mặt từ sáng sớm.");
  g_assert_cmpint (find_code (checklist, "double-space"), <, 0);

  /* The fix is one step of the text's undo, and what was typed before it is still there to undo. */
  {
    BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (byline_article_editor_get_body_view (editor (f)));

    g_assert_true (byline_body_buffer_undo (buffer));
    g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, block)), ==, SPACES);
    g_assert_true (g_str_has_prefix (byline_block_get_text (byline_body_get_block (body, 0)), "Sáng nay, "));
    g_assert_true (byline_body_buffer_undo (buffer));
    g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 0)), ==,
                     "Theo Ban Chỉ huy, 37 hộ dân phải sơ tán khẩn cấp.");
    g_assert_true (byline_body_buffer_redo (buffer));
    g_assert_true (byline_body_buffer_redo (buffer));
    g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, block)), ==,
                     "Lực lượng cứu hộ đã có mặt từ sáng sớm.");
  }

  /* Typing in the body re-runs the checks a moment later, with nobody asking. */
  index = find_code (checklist, "doubled-word");
  g_assert_cmpint (index, >=, 0);
  {
    BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
    BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (view);
    g_autoptr(BylineFinding) finding = g_list_model_get_item (byline_checklist_get_findings (checklist), index);
    GtkTextIter start, end;

    byline_body_buffer_get_iter_at_block (buffer, &start, byline_finding_get_block (finding), 10);
    byline_body_buffer_get_iter_at_block (buffer, &end, byline_finding_get_block (finding), 14);
    gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (buffer));
    gtk_text_buffer_delete (GTK_TEXT_BUFFER (buffer), &start, &end);
    gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (buffer));
  }
  g_assert_cmpint (find_code (checklist, "doubled-word"), >=, 0);
  g_assert_true (byline_ui_test_wait_until (doubled_word_gone, checklist, 3000));
}

/* Mixed tone-mark styles: the button places every mark in the story's majority style. */
static void
test_fix_tones (Fixture       *f,
                gconstpointer  data)
{
  BylineChecklist *checklist = _byline_window_get_checklist (f->window);
  BylineBody *body = byline_article_get_body (article (f));
  GtkWidget *button;

  make_story (f);
  /* Modern: hoà, thuỷ, khoẻ (3); classic: hòa (1). */
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH,
                            "Xã Hoà Bình có thuỷ điện nhỏ; người dân khoẻ mạnh, sống hòa thuận.");
  byline_checklist_run (checklist);
  g_assert_cmpint (find_code (checklist, "mixed-tone-style"), >=, 0);
  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (checklist), BYLINE_TYPE_CHECKLIST,
                                                    "fix_tones_button"));
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (find_code (checklist, "mixed-tone-style"), <, 0);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, byline_body_get_n_blocks (body) - 1)), ==,
                   "Xã Hoà Bình có thuỷ điện nhỏ; người dân khoẻ mạnh, sống hoà thuận.");
  g_assert_false (gtk_widget_get_visible (button));
  /* Undone as one step of the text's history. */
  {
    BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (byline_article_editor_get_body_view (editor (f)));

    g_assert_true (byline_body_buffer_undo (buffer));
    g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, byline_body_get_n_blocks (body) - 1)), ==,
                     "Xã Hoà Bình có thuỷ điện nhỏ; người dân khoẻ mạnh, sống hòa thuận.");
  }
}

/* A story pasted as plain text from a TCVN3 document, and a paragraph from
 * a VNI one: a finding a paragraph, and the header's button converts them
 * all as one undo step. */
static void
test_convert_legacy (Fixture       *f,
                    gconstpointer  data)
{
  BylineChecklist *checklist = _byline_window_get_checklist (f->window);
  BylineBody *body = byline_article_get_body (article (f));
  GtkWidget *button;
  guint n;

  make_story (f);
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Ng\u00ad" "êi d©n mang hµng xuèng chî.");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Chôï phieân Baéc Haø raát ñoâng vui.");
  n = byline_body_get_n_blocks (body);
  byline_checklist_run (checklist);
  g_assert_cmpint (find_code (checklist, "tcvn3-text"), >=, 0);
  g_assert_cmpint (find_code (checklist, "vni-text"), >=, 0);
  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (checklist), BYLINE_TYPE_CHECKLIST,
                                                    "convert_legacy_button"));
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (find_code (checklist, "tcvn3-text"), <, 0);
  g_assert_cmpint (find_code (checklist, "vni-text"), <, 0);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, n - 2)), ==, "Người dân mang hàng xuống chợ.");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, n - 1)), ==, "Chợ phiên Bắc Hà rất đông vui.");
  g_assert_false (gtk_widget_get_visible (button));
  /* Undone as one step. */
  {
    BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (byline_article_editor_get_body_view (editor (f)));

    g_assert_true (byline_body_buffer_undo (buffer));
    g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, n - 2)), ==,
                     "Ng\u00ad" "êi d©n mang hµng xuèng chî.");
    g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, n - 1)), ==,
                     "Chôï phieân Baéc Haø raát ñoâng vui.");
  }
}

/* A byline typed as the last paragraph: "Fix" moves it into the byline
 * field, which shows it, and takes it out of the text, as one undo step. */
static void
test_fix_byline_paragraph (Fixture       *f,
                           gconstpointer  data)
{
  BylineChecklist *checklist = _byline_window_get_checklist (f->window);
  BylineBody *body = byline_article_get_body (article (f));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (byline_article_editor_get_body_view (editor (f)));
  BylineChipEntry *authors = byline_metadata_sidebar_get_authors (f->window->metadata_sidebar);
  const char *none[] = { NULL };
  g_autofree char *text = NULL;
  GtkWidget *fix;
  guint n;
  int index;

  make_story (f);
  byline_article_set_authors (article (f), none);
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Hà Anh - Lò Văn Dũng");
  n = byline_body_get_n_blocks (body);
  byline_checklist_run (checklist);
  g_assert_cmpint (find_code (checklist, "missing-byline"), <, 0);
  index = find_code (checklist, "byline-in-text");
  g_assert_cmpint (index, >=, 0);

  fix = byline_ui_test_find_button (shown_row (f, index), "_Fix");
  g_assert_nonnull (fix);
  g_signal_emit_by_name (fix, "clicked");
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, n - 1);
  g_assert_cmpuint (g_strv_length ((char **) byline_chip_entry_get_values (authors)), ==, 2);
  g_assert_cmpstr (byline_chip_entry_get_values (authors)[1], ==, "Lò Văn Dũng");
  {
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
    text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (buffer), &start, &end, FALSE);
  }
  g_assert_null (strstr (text, "Hà Anh"));
  g_assert_cmpint (find_code (checklist, "byline-in-text"), <, 0);

  /* Undo brings the paragraph back; the byline stays, and the checks say it is there twice. */
  g_assert_true (byline_body_buffer_undo (buffer));
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, n);
  byline_checklist_run (checklist);
  index = find_code (checklist, "byline-in-text");
  g_assert_cmpint (index, >=, 0);
  {
    g_autoptr(BylineFinding) finding = g_list_model_get_item (byline_checklist_get_findings (checklist), index);

    g_assert_cmpint (byline_finding_get_severity (finding), ==, BYLINE_SEVERITY_WARNING);
  }
}

/* Pictures of an imported document that could not come in: the checklist
 * names them until "Forget" says they were added by hand or are not
 * needed; the draft on disk forgets them too. */
static void
test_forget_missing_pictures (Fixture       *f,
                              gconstpointer  data)
{
  BylineChecklist *checklist = _byline_window_get_checklist (f->window);
  BylineDocument *document = byline_window_get_document (f->window);
  g_autoptr(BylineArticle) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *forget;
  int index;

  make_story (f);
  byline_article_add_missing_picture (article (f), "Picture 2", "Lũ quét.docx");
  byline_article_add_missing_picture (article (f), "Chart 3", "Lũ quét.docx");
  byline_checklist_run (checklist);
  index = find_code (checklist, "missing-pictures");
  g_assert_cmpint (index, >=, 0);

  /* Going to it opens the pictures panel, where they are added. */
  adw_overlay_split_view_set_show_sidebar (f->window->inner_split, FALSE);
  byline_checklist_activate_finding (checklist, index);
  g_assert_true (adw_overlay_split_view_get_show_sidebar (f->window->inner_split));

  /* Its button is not "Fix": it changes no text. */
  g_assert_null (byline_ui_test_find_button (shown_row (f, index), "_Fix"));
  forget = byline_ui_test_find_button (shown_row (f, index), "F_orget");
  g_assert_nonnull (forget);
  g_assert_true (gtk_widget_get_visible (forget));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (forget), ==,
                   "Forget these pictures: they were added by hand, or are not needed");
  g_signal_emit_by_name (forget, "clicked");
  g_assert_null (byline_article_dup_missing_pictures (article (f)));
  g_assert_cmpint (find_code (checklist, "missing-pictures"), <, 0);

  /* A toast can undo it: both back, in their order. */
  {
    GtkWidget *undo;
    g_auto(GStrv) back = NULL;

    g_assert_cmpstr (byline_ui_test_toast_title (GTK_WIDGET (f->window)), ==, "2 pictures forgotten");
    undo = byline_ui_test_find_button (GTK_WIDGET (f->window), "_Undo");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    back = byline_article_dup_missing_pictures (article (f));
    g_assert_nonnull (back);
    g_assert_cmpstr (back[0], ==, "Picture 2");
    g_assert_cmpstr (back[1], ==, "Chart 3");
    g_assert_null (back[2]);
    byline_checklist_run (checklist);
    index = find_code (checklist, "missing-pictures");
    g_assert_cmpint (index, >=, 0);
    g_signal_emit_by_name (byline_ui_test_find_button (shown_row (f, index), "F_orget"), "clicked");
    g_assert_null (byline_article_dup_missing_pictures (article (f)));
  }

  /* A row used again for a finding with a fix of the text says "Fix". */
  index = find_code (checklist, "double-space");
  g_assert_cmpint (index, >=, 0);
  g_assert_nonnull (byline_ui_test_find_button (shown_row (f, index), "_Fix"));

  g_assert_true (byline_document_save (document, &error));
  g_assert_no_error (error);
  saved = byline_draft_store_load (f->store, byline_document_get_id (document), &error);
  g_assert_no_error (error);
  g_assert_null (byline_article_dup_missing_pictures (saved));
}

/* The picture @name (a PNG, whatever its name says), as a list of files. */
static GListModel *
picture_files (Fixture    *f,
               const char *name,
               guint32     rgb)
{
  GListStore *files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) picture = g_file_get_child (f->files, name);

  byline_test_write_png (picture, 40, 30, rgb);
  g_list_store_append (files, picture);
  return G_LIST_MODEL (files);
}

static gboolean
has_n_images (gpointer data)
{
  Fixture *f = data;

  return byline_article_get_n_images (article (f)) == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (f->window),
                                                                                            "want"));
}

/* A Word story whose linked photo and chart could not come: the checklist
 * names each at its caption, kept as a paragraph, and going to the chart's
 * puts the cursor there.  The chart, exported by hand under another name
 * and added as "Add Pictures…" adds it with the cursor in its caption
 * (changed a little since), goes there; so does the photo, from the
 * camera, dropped on its caption, with its description.  Both went to the
 * cursor or the drop's line, their captions left as paragraphs. */
static void
test_missing_picture_place (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) bytes = byline_test_data_bytes ("docx/cho-anh.docx");
  BylineChecklist *checklist = _byline_window_get_checklist (f->window);
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_body_view_get_body_buffer (view));
  g_autoptr(GListModel) chart_file = picture_files (f, "bieu-do.png", 0x33aa66);
  g_autoptr(GListModel) photo_file = picture_files (f, "IMG_2041.jpg", 0x3366cc);
  g_autoptr(BylineArticle) story = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *findings;
  BylineBody *body;
  BylineImage *image;
  GtkTextIter iter;
  guint block = 0, offset = 0;
  int chart = -1, photo = -1;

  story = byline_import_read_full (bytes, "lu-quet.docx", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (byline_draft_store_save (f->store, story, &error));
  g_assert_true (byline_window_open_draft (f->window, byline_article_get_id (story), &error));
  g_assert_no_error (error);
  body = byline_article_get_body (article (f));
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 3)), ==, "Lượng mưa ở Bát Xát.");

  byline_checklist_run (checklist);
  findings = byline_checklist_get_findings (checklist);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);

      if (!g_str_equal (byline_finding_get_code (finding), "missing-pictures"))
        continue;
      g_assert_cmpint (byline_finding_get_field (finding), ==, BYLINE_FIELD_BODY);
      if (byline_finding_get_block (finding) == 1)
        photo = i;
      else if (byline_finding_get_block (finding) == 3)
        chart = i;
    }
  g_assert_cmpint (photo, >=, 0);
  g_assert_cmpint (chart, >=, 0);
  g_assert_cmpint (find_code (checklist, "missing-pictures"), ==, MIN (photo, chart));

  /* Going to the chart's: its caption selected in the text. */
  byline_checklist_activate_finding (checklist, chart);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  g_assert_true (byline_body_buffer_locate_cursor (byline_body_view_get_body_buffer (view), &block, &offset));
  g_assert_cmpuint (block, ==, 3);
  g_assert_true (gtk_text_buffer_get_has_selection (buffer));

  /* The caption changed, then the chart added under another name. */
  byline_body_buffer_get_iter_at_block (byline_body_view_get_body_buffer (view), &iter, 3,
                                        g_utf8_strlen ("Lượng mưa ở Bát Xát", -1));
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_buffer_insert_at_cursor (buffer, " trong ba ngày", -1);
  byline_body_view_insert_pictures_async (view, chart_file, -1);
  g_object_set_data (G_OBJECT (f->window), "want", GUINT_TO_POINTER (1));
  g_assert_true (byline_ui_test_wait_until (has_n_images, f, 5000));
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 3)), ==, BYLINE_BLOCK_IMAGE);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 4)), ==,
                   "Chính quyền xã đã bố trí chỗ ở tạm cho các hộ.");
  image = byline_article_find_image (article (f), byline_block_get_image_id (byline_body_get_block (body, 3)));
  g_assert_cmpstr (byline_image_get_filename (image), ==, "bieu-do.png");
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Lượng mưa ở Bát Xát trong ba ngày.");
  {
    g_auto(GStrv) left = byline_article_dup_missing_pictures (article (f));
    const char *expected[] = { "Picture 2", NULL };

    g_assert_cmpstrv (left, expected);
  }

  /* The photo dropped on its caption's second half (before block 2), the
   * cursor elsewhere. */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  _byline_body_view_insert_pictures_within (view, photo_file, 2, 1);
  g_object_set_data (G_OBJECT (f->window), "want", GUINT_TO_POINTER (2));
  g_assert_true (byline_ui_test_wait_until (has_n_images, f, 5000));
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 0)), ==, BYLINE_BLOCK_PARAGRAPH);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 1)), ==, BYLINE_BLOCK_IMAGE);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 2)), ==,
                   "Mưa kéo dài ba ngày, có nơi trên 300 mm.");
  image = byline_article_find_image (article (f), byline_block_get_image_id (byline_body_get_block (body, 1)));
  g_assert_cmpstr (byline_image_get_filename (image), ==, "IMG_2041.jpg");
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Nước lũ tràn qua bản.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Hà Anh");
  g_assert_cmpstr (byline_image_get_alt_text (image), ==, "Nước ngập nửa nhà sàn");
  g_assert_null (byline_article_dup_missing_pictures (article (f)));
  byline_checklist_run (checklist);
  g_assert_cmpint (find_code (checklist, "missing-pictures"), <, 0);
}

/* ----------------------------------------------------------------- spelling */

typedef struct
{
  GtkTextView *view;
  const char  *word;
} Word;

static gboolean
word_tagged (GtkTextView *view,
             const char  *word)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  SpellingTextBufferAdapter *adapter = byline_spelling_get_adapter (view);
  g_autofree char *text = NULL;
  GtkTextIter start, end, iter;
  const char *found;

  /* (None for a moment after a figure is inserted: a new one comes in an idle.) */
  if (adapter == NULL)
    return FALSE;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
  found = strstr (text, word);
  g_assert_nonnull (found);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, found) + 1);
  return gtk_text_iter_has_tag (&iter, spelling_text_buffer_adapter_get_tag (adapter));
}

static gboolean
has_adapter (gpointer data)
{
  return byline_spelling_get_adapter (data) != NULL;
}

static gboolean
is_tagged_cb (gpointer data)
{
  Word *w = data;

  return word_tagged (w->view, w->word);
}

static gboolean
is_untagged_cb (gpointer data)
{
  Word *w = data;

  return !word_tagged (w->view, w->word);
}

static gboolean
menu_has_label (GMenuModel *model,
                const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &text)
          && g_strcmp0 (text, label) == 0)
        return TRUE;
      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, &name, &link))
        {
          gboolean found = menu_has_label (link, label);

          g_object_unref (link);
          if (found)
            return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  GMenuModel *menu;
  const char *label;
} MenuLabel;

static gboolean
menu_has_label_cb (gpointer data)
{
  MenuLabel *m = data;

  return menu_has_label (m->menu, m->label);
}

static void
test_spelling (Fixture       *f,
               gconstpointer  data)
{
  GtkTextView *body = byline_article_editor_get_lead_view (editor (f));
  GtkTextView *headline = byline_article_editor_get_headline_view (editor (f));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (body);
  SpellingTextBufferAdapter *adapter = byline_spelling_get_adapter (body);
  g_autofree char *contents = NULL;
  GtkTextIter iter;

  g_assert_nonnull (adapter);
  g_assert_true (GTK_SOURCE_IS_BUFFER (gtk_text_view_get_buffer (headline)));
  g_assert_nonnull (byline_spelling_get_adapter (headline));
  g_assert_cmpstr (spelling_text_buffer_adapter_get_language (adapter), ==, "vi_VN");
  g_assert_true (spelling_text_buffer_adapter_get_enabled (adapter));

  /* Typed, as the reporter would; the cursor then leaves the word. */
  gtk_widget_grab_focus (GTK_WIDGET (body));
  byline_ui_test_type (body, SPELLING " Hết.");

  g_assert_true (byline_ui_test_wait_until (is_tagged_cb, &(Word) { body, "trờii" }, 5000));
  g_assert_true (word_tagged (body, "Xìn"));
  /* A name of the newsroom's list, an acronym, correct syllables: not underlined. */
  g_assert_false (word_tagged (body, "Phìn"));
  g_assert_false (word_tagged (body, "UBND"));
  g_assert_false (word_tagged (body, "Đoàn"));
  g_assert_false (word_tagged (body, "đẹp"));

  /* The headline too. */
  byline_article_editor_focus_headline (editor (f));
  byline_ui_test_type (headline, "Lũ ở Phìn Hồ làm hư nhàf dân ");
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (headline), &iter);
  gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (headline), &iter);
  g_assert_true (byline_ui_test_wait_until (is_tagged_cb, &(Word) { headline, "nhàf" }, 5000));
  g_assert_false (word_tagged (headline, "Phìn"));

  /* The cursor in the word: the context menu offers the correction. */
  gtk_widget_grab_focus (GTK_WIDGET (body));
  gtk_text_buffer_get_start_iter (buffer, &iter);
  {
    g_autofree char *text = NULL;
    GtkTextIter end;

    gtk_text_buffer_get_bounds (buffer, &iter, &end);
    text = gtk_text_buffer_get_slice (buffer, &iter, &end, TRUE);
    gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, strstr (text, "trờii")) + 2);
  }
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (byline_ui_test_wait_until (menu_has_label_cb,
                                            &(MenuLabel) { gtk_text_view_get_extra_menu (body), "trời" }, 3000));

  /* "Add to Newsroom Word List" on "Xìn": into the file, and no longer underlined. */
  {
    g_autofree char *text = NULL;
    GtkTextIter end;

    gtk_text_buffer_get_bounds (buffer, &iter, &end);
    text = gtk_text_buffer_get_slice (buffer, &iter, &end, TRUE);
    gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, strstr (text, "Xìn")) + 1);
  }
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (body), "byline-spelling.add-newsroom", NULL));
  g_assert_true (g_file_load_contents (newsroom_words, NULL, &contents, NULL, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Xìn"));
  /* Away from the word, so that the adapter may draw it again. */
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (byline_ui_test_wait_until (is_untagged_cb, &(Word) { body, "Xìn" }, 5000));
  g_assert_true (byline_ui_test_wait_until (is_tagged_cb, &(Word) { body, "trờii" }, 5000));
}

/* The body, with figures in it: underlined there too, and deleting across a
 * figure (which GTK does not report to libspelling) does not bring it down. */
static void
test_body_spelling (Fixture       *f,
                    gconstpointer  data)
{
  GtkTextView *body = GTK_TEXT_VIEW (byline_article_editor_get_body_view (editor (f)));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (body);
  GtkTextIter start, end;

  make_story (f);
  /* The figures made the adapter start afresh, in an idle. */
  g_assert_true (byline_ui_test_wait_until (has_adapter, body, 5000));
  byline_article_editor_focus_body (editor (f));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  /* "Xìn" may be in the newsroom's list by now (the lead's test adds it); "Sín" is not. */
  byline_ui_test_type (body, "\nĐoàn công tác đến Phìn Hồ và Sín Chải, hôm nay trờii đẹp, UBND xã báo cáo.\nHết.");
  g_assert_true (byline_ui_test_wait_until (is_tagged_cb, &(Word) { body, "trờii" }, 5000));
  g_assert_true (byline_ui_test_wait_until (is_tagged_cb, &(Word) { body, "Sín" }, 5000));
  g_assert_false (word_tagged (body, "Phìn"));
  g_assert_false (word_tagged (body, "UBND"));
  g_assert_false (word_tagged (body, "đẹp"));

  /* Typed a key at a time with the input method off: underlined, although
   * each word passed through forms ("le") the checker accepts. */
  for (const char *p = " Nuwowcs leen nhanhh."; *p; p = g_utf8_next_char (p))
    {
      g_autofree char *key = g_strndup (p, g_utf8_next_char (p) - p);

      byline_ui_test_type (body, key);
    }
  g_assert_true (byline_ui_test_wait_until (is_tagged_cb, &(Word) { body, "Nuwowcs" }, 5000));
  g_assert_true (byline_ui_test_wait_until (is_tagged_cb, &(Word) { body, "leen" }, 5000));
  g_assert_true (byline_ui_test_wait_until (is_tagged_cb, &(Word) { body, "nhanhh" }, 5000));

  /* Everything, figures included, deleted as one selection, then undone. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_end_user_action (buffer);
  byline_ui_test_wait (200);
  g_assert_true (byline_body_buffer_undo (BYLINE_BODY_BUFFER (buffer)));
  /* The figures came back: the adapter went with the first, and a new one
   * comes once for all of them, in an idle.  A deletion across a figure
   * before it does reaches no adapter. */
  g_assert_null (byline_spelling_get_adapter (body));
  gtk_text_buffer_get_start_iter (buffer, &start);
  while (gtk_text_iter_get_child_anchor (&start) == NULL && gtk_text_iter_forward_char (&start))
    ;
  g_assert_nonnull (gtk_text_iter_get_child_anchor (&start));
  end = start;
  gtk_text_iter_forward_line (&end);
  gtk_text_iter_backward_char (&start);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_end_user_action (buffer);
  g_assert_true (byline_ui_test_wait_until (has_adapter, body, 5000));
  g_assert_true (byline_ui_test_wait_until (is_tagged_cb, &(Word) { body, "trờii" }, 5000));
}

/* The house style in the preferences: the tone-mark style reaches the checks,
 * another newsroom word list reaches the underlining. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.bylinenews.Byline");
  g_autofree char *old_words = g_settings_get_string (settings, "newsroom-word-list");
  g_autoptr(GFile) folder = byline_test_make_folder ("newsroom-2");
  g_autoptr(GFile) words = g_file_get_child (folder, "dia-danh.txt");
  BylineChecklist *checklist = _byline_window_get_checklist (f->window);
  GtkTextView *lead = byline_article_editor_get_lead_view (editor (f));
  AdwDialog *dialog = byline_preferences_dialog_new ();
  AdwComboRow *tone_row;
  GtkEditable *words_row;
  g_autofree char *style = NULL;

  g_object_ref_sink (dialog);
  tone_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), BYLINE_TYPE_PREFERENCES_DIALOG,
                                                           "tone_row"));
  words_row = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog), BYLINE_TYPE_PREFERENCES_DIALOG,
                                                           "words_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (tone_row), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (words_row), ==, old_words);

  /* Modern style chosen: a classic "hòa" is a finding, fixed to "hoà". */
  adw_combo_row_set_selected (tone_row, 2);
  style = g_settings_get_string (settings, "tone-style");
  g_assert_cmpstr (style, ==, "modern");
  byline_article_set_headline (article (f), "Xã Hòa Bình");
  byline_checklist_run (checklist);
  {
    int index = find_code (checklist, "tone-style");
    g_autoptr(BylineFinding) finding = NULL;

    g_assert_cmpint (index, >=, 0);
    finding = g_list_model_get_item (byline_checklist_get_findings (checklist), index);
    g_assert_cmpstr (byline_finding_get_suggestion (finding), ==, "Hoà");
  }
  adw_combo_row_set_selected (tone_row, 0);
  byline_checklist_run (checklist);
  g_assert_cmpint (find_code (checklist, "tone-style"), <, 0);

  /* Another word list: "Pìn" was underlined, is not once the list names it. */
  gtk_widget_grab_focus (GTK_WIDGET (lead));
  byline_ui_test_type (lead, "Đoàn về Xá Pìn hôm qua.");
  g_assert_true (byline_ui_test_wait_until (is_tagged_cb, &(Word) { lead, "Pìn" }, 5000));
  g_assert_true (g_file_replace_contents (words, "Xá Pìn\n", strlen ("Xá Pìn\n"), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  gtk_editable_set_text (words_row, g_file_peek_path (words));
  g_assert_true (byline_ui_test_wait_until (is_untagged_cb, &(Word) { lead, "Pìn" }, 5000));
  /* Not a moment between two passes of the checker: it stays so. */
  byline_ui_test_wait (800);
  g_assert_false (word_tagged (lead, "Pìn"));
  g_assert_true (word_tagged (lead, "Xá") == FALSE && word_tagged (lead, "Đoàn") == FALSE);

  g_settings_set_string (settings, "newsroom-word-list", old_words);
  g_object_unref (dialog);
}

static void
test_caption_spelling (Fixture       *f,
                       gconstpointer  data)
{
  BylineCaptionRow *row;
  GtkTextView *caption;

  make_story (f);
  byline_image_set_caption (byline_article_get_image (article (f), 0), "Bộ đội giúp dân ở Phìn Hồ dọn nhàf cửa.");
  byline_ui_test_wait (100);
  row = byline_caption_panel_get_row (byline_window_get_caption_panel (f->window), 0);
  caption = byline_caption_row_get_caption_view (row);
  g_assert_nonnull (byline_spelling_get_adapter (caption));
  g_assert_true (byline_ui_test_wait_until (is_tagged_cb, &(Word) { caption, "nhàf" }, 5000));
  g_assert_false (word_tagged (caption, "Phìn"));
  g_assert_false (word_tagged (caption, "dọn"));
}

/* ----------------------------------------------------------- the thread */

typedef struct
{
  BylineArticle *article;
  guint          n_checked;
  gint64         last;
  gint64         longest;
} Watch;

/* Every finding shown points at the text it names, in the text as it is now:
 * findings of older text (a block since moved) would not. */
static void
on_findings_changed (GListModel *findings,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Watch      *watch)
{
  BylineBody *body = byline_article_get_body (watch->article);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);
      const char *excerpt = byline_finding_get_excerpt (finding);
      int block = byline_finding_get_block (finding);
      g_autofree char *text = NULL;

      if (byline_finding_get_field (finding) != BYLINE_FIELD_BODY || excerpt == NULL || block < 0)
        continue;
      g_assert_cmpint (block, <, byline_body_get_n_blocks (body));
      text = g_utf8_substring (byline_block_get_text (byline_body_get_block (body, block)),
                               byline_finding_get_start (finding), byline_finding_get_end (finding));
      g_assert_cmpstr (text, ==, excerpt);
      watch->n_checked++;
    }
}

static gboolean
on_watch_tick (gpointer data)
{
  Watch *watch = data;
  gint64 now = g_get_monotonic_time ();

  if (watch->last != 0)
    watch->longest = MAX (watch->longest, now - watch->last);
  watch->last = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
not_busy (gpointer data)
{
  return !byline_checklist_get_busy (data);
}

/* A long story: the checks after an edit run in a thread while the main loop
 * goes on, and what they found in text changed since is never shown. */
static void
test_threaded (Fixture       *f,
               gconstpointer  data)
{
  BylineChecklist *checklist = _byline_window_get_checklist (f->window);
  GListModel *findings = byline_checklist_get_findings (checklist);
  BylineBody *body = byline_article_get_body (article (f));
  Watch watch = { article (f), 0, 0, 0 };
  gint64 begin, sync_us;
  guint tick;
  int doubled, doubled_block = -1;

  make_story (f);
  for (guint i = 0; i < 1500; i++)
    byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH,
                              "Theo Ban Chỉ huy, 37 hộ dân phải sơ tán khẩn cấp trong đêm qua.");
  /* What a run on the main thread costs on this story. */
  begin = g_get_monotonic_time ();
  byline_checklist_run (checklist);
  sync_us = g_get_monotonic_time () - begin;
  g_assert_false (byline_checklist_get_busy (checklist));
  g_assert_cmpint (find_code (checklist, "double-space"), >=, 0);

  g_signal_connect (findings, "items-changed", G_CALLBACK (on_findings_changed), &watch);

  /* An edit: the two spaces made one; the checks are pending, in a pause. */
  for (guint b = 0; b < byline_body_get_n_blocks (body); b++)
    {
      if (g_strcmp0 (byline_block_get_text (byline_body_get_block (body, b)), DOUBLED) == 0)
        doubled_block = b;
      if (g_strcmp0 (byline_block_get_text (byline_body_get_block (body, b)), SPACES) == 0)
        byline_body_set_text (body, b, "Lực lượng cứu hộ đã có mặt từ sáng sớm.");
    }
  g_assert_cmpint (doubled_block, >=, 0);
  g_assert_true (byline_checklist_get_busy (checklist));
  /* The pause over, the checks start in the thread; then a paragraph goes
   * in front of all the others, moving every block of the findings coming. */
  byline_ui_test_wait (620);
  byline_body_insert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Tin mới nhất lúc 6 giờ sáng.");
  /* From the last edit (which costs what it costs the editor) to the findings shown. */
  tick = g_timeout_add_full (G_PRIORITY_HIGH, 2, on_watch_tick, &watch, NULL);
  g_assert_true (byline_ui_test_wait_until (not_busy, checklist, 20000));
  g_source_remove (tick);

  g_assert_cmpint (find_code (checklist, "double-space"), <, 0);
  doubled = find_code (checklist, "doubled-word");
  g_assert_cmpint (doubled, >=, 0);
  {
    g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, doubled);

    /* One block further down than before the insertion. */
    g_assert_cmpint (byline_finding_get_block (finding), ==, doubled_block + 1);
  }
  g_assert_cmpuint (watch.n_checked, >, 0);
  /* The same as checking the text as it is now on the main thread. */
  {
    g_autofree char *summary = g_strdup (byline_checklist_get_summary (checklist));
    guint n = g_list_model_get_n_items (findings);

    byline_checklist_run (checklist);
    g_assert_cmpuint (g_list_model_get_n_items (findings), ==, n);
    g_assert_cmpstr (byline_checklist_get_summary (checklist), ==, summary);
  }
  g_test_message ("longest main-loop gap %.1f ms; a run on the main thread %.1f ms",
                  watch.longest / 1000.0, sync_us / 1000.0);
  /* The checks did not hold the main loop for as long as they take. */
  g_assert_cmpint (watch.longest, <, sync_us);
  g_signal_handlers_disconnect_by_data (findings, &watch);
}

typedef struct
{
  guint position, removed, added, n_changes;
} Splice;

static void
on_splice (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           Splice     *splice)
{
  *splice = (Splice) { position, removed, added, splice->n_changes + 1 };
}

/* Every splice of a re-run, added up. */
typedef struct
{
  guint removed, added, n_changes;
} Splices;

static void
on_splices (GListModel *model,
            guint       position,
            guint       removed,
            guint       added,
            Splices    *splices)
{
  splices->removed += removed;
  splices->added += added;
  splices->n_changes++;
}

static int
find_code_at (BylineChecklist *checklist,
              const char      *code,
              int              block,
              BylineSeverity   severity)
{
  GListModel *findings = byline_checklist_get_findings (checklist);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (byline_finding_get_code (finding), code) && byline_finding_get_block (finding) == block
          && byline_finding_get_severity (finding) == severity)
        return i;
    }
  return -1;
}

#define MAX_ROWS 250

static gboolean
list_has_findings (gpointer list_view)
{
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  BylineChecklist *checklist = BYLINE_CHECKLIST (gtk_widget_get_ancestor (list_view, BYLINE_TYPE_CHECKLIST));

  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (list_view);

  /* Shown, holding every finding, and laid out: taller than it shows. */
  return gtk_widget_get_mapped (list_view)
         && g_list_model_get_n_items (shown) == g_list_model_get_n_items (byline_checklist_get_findings (checklist))
         && gtk_adjustment_get_upper (adjustment) > 2 * gtk_adjustment_get_page_size (adjustment)
         && gtk_adjustment_get_page_size (adjustment) > 0;
}

static gboolean
scrolled_down (gpointer scrolled)
{
  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scrolled)) > 0;
}

/* A long list: rows only for what is on screen, the last finding's row
 * there once scrolled to; a re-run after fixing one finding replaces only
 * that one, and the list stays where it was scrolled; an edit that moves a
 * finding and adds one far apart in the list touches only those two. */
static void
test_long_list (Fixture       *f,
                gconstpointer  data)
{
  BylineChecklist *checklist = _byline_window_get_checklist (f->window);
  GListModel *findings = byline_checklist_get_findings (checklist);
  BylineBody *body = byline_article_get_body (article (f));
  GtkScrolledWindow *scrolled;
  Splice splice = { 0 };
  GtkWidget *list_view;
  double value;
  guint n, n_rows, middle = 0;
  int index;

  make_story (f);
  for (guint i = 0; i < 1000; i++)
    byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, DOUBLED);
  /* Hidden, the list does not take the findings (a GtkListView not shown
   * still costs ~0.3 ms per finding changed); shown, it has them all. */
  byline_checklist_run (checklist);
  n = g_list_model_get_n_items (findings);
  g_assert_cmpuint (n, >, 1000);
  list_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (checklist), BYLINE_TYPE_CHECKLIST, "list_view"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (checklist)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)))), ==, 0);
  _byline_window_show_checklist (f->window);
  g_assert_true (byline_ui_test_wait_until (list_has_findings, list_view, 10000));
  n = g_list_model_get_n_items (findings);
  g_assert_cmpuint (n, >, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)))), ==, n);

  shown_row (f, 0);
  n_rows = byline_checklist_get_n_rows (checklist);
  g_test_message ("%u findings, %u rows", n, n_rows);
  g_assert_cmpuint (n_rows, >, 0);
  /* GtkListView keeps at most about 200 list items around what it shows. */
  g_assert_cmpuint (n_rows, <=, MAX_ROWS);

  /* Halfway down, a doubled word; its row shown. */
  for (index = n / 2; index < (int) n; index++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, index);

      if (g_str_equal (byline_finding_get_code (finding), "doubled-word"))
        {
          middle = byline_finding_get_block (finding);
          break;
        }
    }
  g_assert_cmpint (index, <, (int) n);
  shown_row (f, index);
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (byline_checklist_get_row (checklist, index),
                                                           GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (byline_ui_test_wait_until (scrolled_down, scrolled, 10000));
  value = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scrolled));
  g_assert_cmpuint (byline_checklist_get_n_rows (checklist), <=, MAX_ROWS);

  /* The doubled word a little above it fixed: one finding goes, nothing else. */
  g_signal_connect (findings, "items-changed", G_CALLBACK (on_splice), &splice);
  byline_body_set_text (body, middle - 1, "Người dân các bản đã được sơ tán.");
  byline_checklist_run (checklist);
  g_signal_handlers_disconnect_by_data (findings, &splice);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, n - 1);
  g_assert_cmpuint (splice.n_changes, ==, 1);
  g_assert_cmpuint (splice.removed, ==, 1);
  g_assert_cmpuint (splice.added, ==, 0);
  byline_ui_test_wait (100);
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scrolled)) - value), <, 100);
  shown_row (f, index - 1);
  g_assert_cmpuint (byline_checklist_get_n_rows (checklist), <=, MAX_ROWS);

  /* The last finding's row, scrolled to the bottom. */
  shown_row (f, n - 2);

  /* An edit in one paragraph moves its warning ("các các") and adds a note
   * ("tài tài", a slip or two words that meet), far apart in the list: the
   * note is added, the warning moves in place, the findings between them
   * stay; the warning's row shows its new place. */
  {
    Splices splices = { 0 };
    g_autoptr(BylineFinding) moved = NULL;
    g_autofree char *location = NULL;
    GtkWidget *row;

    index = find_code_at (checklist, "doubled-word", middle, BYLINE_SEVERITY_WARNING);
    g_assert_cmpint (index, >=, 0);
    moved = g_list_model_get_item (findings, index);
    shown_row (f, index);
    g_signal_connect (findings, "items-changed", G_CALLBACK (on_splices), &splices);
    byline_body_set_text (body, middle, "Sáng nay, người dân các các bản đã được sơ tán; tài tài sản được giữ.");
    byline_checklist_run (checklist);
    g_signal_handlers_disconnect_by_data (findings, &splices);
    g_assert_cmpuint (g_list_model_get_n_items (findings), ==, n);
    g_assert_cmpuint (splices.removed, ==, 0);
    g_assert_cmpuint (splices.added, ==, 1);
    g_assert_cmpint (find_code_at (checklist, "doubled-word", middle, BYLINE_SEVERITY_INFO), >=, 0);
    g_assert_cmpint (find_code_at (checklist, "doubled-word", middle, BYLINE_SEVERITY_WARNING), ==, index);
    g_assert_cmpuint (byline_finding_get_start (moved), ==, g_utf8_strlen ("Sáng nay, người dân ", -1));
    row = byline_checklist_get_row (checklist, index);
    g_assert_nonnull (row);
    location = byline_finding_dup_location (moved, article (f));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, location);
  }
}

/* A word typed elsewhere changes only the counts in a consistency finding's
 * message ("1 against 3"): the finding stays in the list, the same object,
 * and its row on screen says the new counts. */
static void
test_reworded (Fixture       *f,
               gconstpointer  data)
{
  BylineChecklist *checklist = _byline_window_get_checklist (f->window);
  GListModel *findings = byline_checklist_get_findings (checklist);
  BylineBody *body = byline_article_get_body (article (f));
  g_autoptr(BylineFinding) finding = NULL;
  g_autofree char *message = NULL;
  Splices splices = { 0 };
  GtkWidget *row;
  guint n;
  int index;

  make_story (f);
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Nguy cơ sạt lở vẫn còn, nhiều điểm sạt lỡ chưa được khắc phục.");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Sạt lở làm hư hỏng đường, sạt lở cả ở bản Pa Hồ.");
  byline_checklist_run (checklist);
  index = find_code (checklist, "inconsistent-spelling");
  g_assert_cmpint (index, >=, 0);
  finding = g_list_model_get_item (findings, index);
  g_assert_cmpstr (byline_finding_get_excerpt (finding), ==, "sạt lỡ");
  message = g_strdup (byline_finding_get_message (finding));
  shown_row (f, index);
  n = g_list_model_get_n_items (findings);

  /* One more "sạt lở", in the first paragraph. */
  g_signal_connect (findings, "items-changed", G_CALLBACK (on_splices), &splices);
  byline_body_set_text (body, 0, "Theo Ban Chỉ huy, 37 hộ dân phải sơ tán khẩn cấp vì sạt lở.");
  byline_checklist_run (checklist);
  g_signal_handlers_disconnect_by_data (findings, &splices);
  g_test_message ("“%s” → “%s”", message, byline_finding_get_message (finding));

  g_assert_cmpuint (splices.n_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, n);
  {
    g_autoptr(BylineFinding) now = g_list_model_get_item (findings, index);

    g_assert_true (now == finding);
  }
  g_assert_cmpstr (byline_finding_get_message (finding), !=, message);
  row = byline_checklist_get_row (checklist, index);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   byline_finding_get_message (finding));
}

static void
count_at_paint (GdkFrameClock *clock,
                gpointer       data)
{
  int *shown_at_first_frame = data;

  if (*shown_at_first_frame < 0)
    *shown_at_first_frame = 0;
}

/* A story opened is checked without holding up its window: right after
 * opening, the checklist says it is checking (no badge, no "Ready"), the
 * window draws, and then the findings come from the thread. */
static void
test_opened (Fixture       *f,
             gconstpointer  data)
{
  BylineChecklist *checklist;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  int painted = -1;
  g_autofree char *codes = NULL;
  GtkStack *stack;

  make_story (f);
  g_assert_true (byline_document_save (byline_window_get_document (f->window), &error));
  g_assert_no_error (error);
  id = g_strdup (byline_document_get_id (byline_window_get_document (f->window)));
  gtk_window_destroy (GTK_WINDOW (f->window));
  byline_ui_test_wait (50);

  f->window = byline_ui_test_new_window (f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  checklist = _byline_window_get_checklist (f->window);
  g_assert_true (byline_window_open_draft (f->window, id, &error));
  g_assert_no_error (error);

  g_assert_true (byline_checklist_get_busy (checklist));
  g_assert_cmpstr (byline_checklist_get_summary (checklist), ==, "Checking…");
  g_assert_cmpuint (g_list_model_get_n_items (byline_checklist_get_findings (checklist)), ==, 0);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (checklist), BYLINE_TYPE_CHECKLIST, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "checking");

  gtk_window_present (GTK_WINDOW (f->window));
  gtk_widget_realize (GTK_WIDGET (f->window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (f->window)), "after-paint",
                    G_CALLBACK (count_at_paint), &painted);
  /* Not checked before the window's first frame. */
  while (painted < 0)
    {
      g_assert_true (byline_checklist_get_busy (checklist));
      g_assert_cmpuint (g_list_model_get_n_items (byline_checklist_get_findings (checklist)), ==, 0);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (f->window)),
                                        count_at_paint, &painted);

  g_assert_true (byline_ui_test_wait_until (not_busy, checklist, 10000));
  codes = list_codes (checklist);
  g_test_message ("findings: %s", codes);
  g_assert_cmpint (find_code (checklist, "missing-source-prefix"), >=, 0);
  g_assert_cmpint (find_code (checklist, "doubled-word"), >=, 0);
  g_assert_cmpstr (byline_checklist_get_summary (checklist), !=, "Checking…");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
}

/* A new story nobody has typed in shows no count on the button yet; the
 * first edit brings it. */
static void
test_badge_waits_for_first_edit (Fixture       *f,
                                 gconstpointer  data)
{
  BylineChecklist *checklist = _byline_window_get_checklist (f->window);
  BylineChecklistButton *button =
    BYLINE_CHECKLIST_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (f->window), BYLINE_TYPE_WINDOW,
                                                            "checks_button"));

  byline_checklist_run (checklist);
  byline_ui_test_wait (300);
  g_assert_cmpuint (byline_checklist_get_n_errors (checklist), >, 0);
  g_assert_cmpstr (byline_checklist_button_get_badge_text (button), ==, "");

  byline_article_editor_focus_headline (editor (f));
  byline_ui_test_type (byline_article_editor_get_headline_view (editor (f)), "Mưa");
  byline_ui_test_wait (100);
  g_assert_cmpstr (byline_checklist_button_get_badge_text (button), !=, "");

  /* The next new story is untouched again. */
  g_assert_true (byline_window_new_draft (f->window, NULL));
  byline_checklist_run (checklist);
  byline_ui_test_wait (300);
  g_assert_cmpstr (byline_checklist_button_get_badge_text (button), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GFile) folder = NULL;

  byline_ui_test_init (&argc, &argv);

  /* The house rules, before any window reads them. */
  folder = byline_test_make_folder ("newsroom");
  newsroom_words = g_file_get_child (folder, "tu-dien-toa-soan.txt");
  g_assert_true (g_file_replace_contents (newsroom_words, "# Địa danh\nPhìn Hồ\n", strlen ("# Địa danh\nPhìn Hồ\n"),
                                          NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, NULL));
  settings = g_settings_new ("io.github.bylinenews.Byline");
  g_settings_set_string (settings, "source-prefix", "BLC");
  g_settings_set_string (settings, "newsroom-word-list", g_file_peek_path (newsroom_words));

  byline_ui_test_add_window_test ("/ui/checklist/findings", test_findings);
  byline_ui_test_add_window_test ("/ui/checklist/badge-waits-for-first-edit",
                                  test_badge_waits_for_first_edit);
  byline_ui_test_add_window_test ("/ui/checklist/jump", test_jump);
  byline_ui_test_add_window_test ("/ui/checklist/fix-and-rerun", test_fix_and_rerun);
  byline_ui_test_add_window_test ("/ui/checklist/fix-tones", test_fix_tones);
  byline_ui_test_add_window_test ("/ui/checklist/convert-legacy", test_convert_legacy);
  byline_ui_test_add_window_test ("/ui/checklist/fix-byline-paragraph", test_fix_byline_paragraph);
  byline_ui_test_add_window_test ("/ui/checklist/forget-missing-pictures", test_forget_missing_pictures);
  byline_ui_test_add_window_test ("/ui/checklist/missing-picture-place", test_missing_picture_place);
  byline_ui_test_add_window_test ("/ui/checklist/spelling", test_spelling);
  byline_ui_test_add_window_test ("/ui/checklist/body-spelling", test_body_spelling);
  byline_ui_test_add_window_test ("/ui/checklist/preferences", test_preferences);
  byline_ui_test_add_window_test ("/ui/checklist/caption-spelling", test_caption_spelling);
  byline_ui_test_add_window_test ("/ui/checklist/reworded", test_reworded);
  byline_ui_test_add_window_test ("/ui/checklist/long-list", test_long_list);
  byline_ui_test_add_window_test ("/ui/checklist/threaded", test_threaded);
  byline_ui_test_add_window_test ("/ui/checklist/opened", test_opened);

  return g_test_run ();
}
