/* test-find.c — the find bar: finding and replacing in the headline, lead
 * and body, with and without the marks, through the bar's own widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "byline-test-utils.h"
#include "byline-article-editor.h"
#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-caption-panel.h"
#include "byline-caption-row.h"
#include "byline-document.h"
#include "byline-find-bar.h"
#include "byline-window.h"
#include "ui-window-test.h"

static gboolean
label_says (gpointer data)
{
  GtkLabel *label = data;
  const char *expected = g_object_get_data (G_OBJECT (label), "expected");

  return g_strcmp0 (gtk_label_get_text (label), expected) == 0;
}

/* "Replace with" @text, then Replace All, as a click does. */
static void
replace_all_with (GtkWidget  *bar,
                  const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (byline_ui_test_find_descendant (bar, GTK_TYPE_ENTRY)), text);
  g_signal_emit_by_name (byline_ui_test_find_button (bar, "Replace _All"), "clicked");
}

/* The find bar's count comes to say @says (it follows the search a moment later). */
static void
assert_count (gpointer    count,
              const char *says)
{
  g_object_set_data (G_OBJECT (count), "expected", (gpointer) says);
  if (!byline_ui_test_wait_until (label_says, count, 3000))
    g_error ("the count says “%s”, not “%s”", gtk_label_get_text (GTK_LABEL (count)), says);
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

static gboolean
has_keyboard (Fixture   *f,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
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
  assert_count (count, "1 of 3");

  replacement = GTK_EDITABLE (byline_ui_test_find_descendant (bar, GTK_TYPE_ENTRY));

  /* Tab goes from the search to "Replace with" and its buttons, then to
   * the search's buttons; Shift+Tab comes back the same way. */
  {
    GtkWidget *previous = GTK_WIDGET (gtk_widget_get_template_child (bar, BYLINE_TYPE_FIND_BAR, "previous_button"));
    GtkWidget *order[] = { GTK_WIDGET (replacement), byline_ui_test_find_button (bar, "_Replace"),
                           byline_ui_test_find_button (bar, "Replace _All"), previous };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
        g_assert_true (has_keyboard (f, order[i]));
      }
    for (int i = G_N_ELEMENTS (order) - 2; i >= 0; i--)
      {
        g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_BACKWARD));
        g_assert_true (has_keyboard (f, order[i]));
      }
    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_BACKWARD));
    g_assert_true (has_keyboard (f, GTK_WIDGET (search)));
  }
  gtk_editable_set_text (replacement, "Gió");
  replace_all = byline_ui_test_find_button (bar, "Replace _All");
  g_assert_nonnull (replace_all);
  g_signal_emit_by_name (replace_all, "clicked");

  /* The body, not only the buffer, has the new words. */
  model = byline_article_get_body (article (f));
  g_assert_cmpuint (byline_body_get_n_blocks (model), ==, 2);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 0)), ==, "Gió lớn ở Sa Pa.");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 1)), ==, "Gió kéo dài, Gió to.");
  assert_count (count, "No match");

  /* Escape puts the bar away. */
  byline_find_bar_dismiss (BYLINE_FIND_BAR (bar));
  g_assert_false (byline_find_bar_get_revealed (BYLINE_FIND_BAR (bar)));
  g_assert_true (byline_ui_test_wait_until (search_hidden, search, 3000));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (body)));
}

/* A headline, lead and body typed, then Find and Replace opened: its bar,
 * search entry and count. */
static GtkWidget *
type_story_and_replace (BylineArticleEditor  *ed,
                        const char           *headline,
                        const char           *lead,
                        const char           *body,
                        GtkWidget           **search,
                        GtkWidget           **count)
{
  GtkWidget *bar;

  byline_ui_test_type (byline_article_editor_get_headline_view (ed), headline);
  byline_ui_test_type (byline_article_editor_get_lead_view (ed), lead);
  byline_article_editor_focus_body (ed);
  byline_ui_test_type (GTK_TEXT_VIEW (byline_article_editor_get_body_view (ed)), body);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ed), "editor.replace", NULL));
  bar = byline_ui_test_find_descendant (GTK_WIDGET (ed), BYLINE_TYPE_FIND_BAR);
  *search = byline_ui_test_find_descendant (bar, GTK_TYPE_SEARCH_ENTRY);
  *count = gtk_widget_get_next_sibling (*search);
  return bar;
}

/* Find and Replace All go through the headline and lead too, in the
 * story's order, and round to the top. */
static void
test_find_headline_lead (Fixture       *f,
                         gconstpointer  data)
{
  BylineArticleEditor *ed = editor (f);
  GtkWidget *bar, *search, *count;
  const char *expected[] = { "1 of 4", "2 of 4", "3 of 4", "4 of 4", "1 of 4" };

  bar = type_story_and_replace (ed, "Mưa lũ ở Sa Pa", "Mưa kéo dài.", "Sa Pa mưa to.\nMưa nữa.", &search, &count);
  /* From the body's end, round to the headline's match. */
  gtk_editable_set_text (GTK_EDITABLE (search), "mua");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      if (i > 0)
        byline_find_bar_move (BYLINE_FIND_BAR (bar), TRUE);
      assert_count (count, expected[i]);
    }
  /* After the body's last, round to the headline's. */
  {
    GtkTextBuffer *headline = gtk_text_view_get_buffer (byline_article_editor_get_headline_view (ed));
    GtkTextIter start, end;
    g_autofree char *selected = NULL;

    g_assert_true (gtk_text_buffer_get_selection_bounds (headline, &start, &end));
    selected = gtk_text_iter_get_slice (&start, &end);
    g_assert_cmpstr (selected, ==, "Mưa");
  }
  byline_find_bar_move (BYLINE_FIND_BAR (bar), FALSE);
  assert_count (count, "4 of 4");

  replace_all_with (bar, "Gió");
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Gió lũ ở Sa Pa");
  g_assert_cmpstr (byline_article_get_lead (article (f)), ==, "Gió kéo dài.");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (byline_article_get_body (article (f)), 0)), ==,
                   "Sa Pa Gió to.");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (byline_article_get_body (article (f)), 1)), ==,
                   "Gió nữa.");
  assert_count (count, "No match");

  /* A match in the headline, then Escape: the keyboard goes back to it. */
  gtk_editable_set_text (GTK_EDITABLE (search), "lu");
  assert_count (count, "1 of 1");
  byline_find_bar_dismiss (BYLINE_FIND_BAR (bar));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (byline_article_editor_get_headline_view (ed))));
}

/* Replace All with "Match Case" off puts each replacement in the case of
 * the text it replaces, and is one step of the body's undo. */
static void
test_replace_keeps_case (Fixture       *f,
                         gconstpointer  data)
{
  BylineArticleEditor *ed = editor (f);
  BylineBody *model = byline_article_get_body (article (f));
  GtkWidget *bar, *search, *count;

  bar = type_story_and_replace (ed, "Lũ quét ở Mường Tè", "Đêm qua, lũ quét tràn về.",
                                "CẢNH BÁO LŨ QUÉT\nLũ quét cuốn trôi cầu, lũ quét làm sập nhà.", &search, &count);
  gtk_editable_set_text (GTK_EDITABLE (search), "Lũ quét");
  assert_count (count, "1 of 5");

  replace_all_with (bar, "Lũ ống");
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Lũ ống ở Mường Tè");
  g_assert_cmpstr (byline_article_get_lead (article (f)), ==, "Đêm qua, lũ ống tràn về.");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 0)), ==, "CẢNH BÁO LŨ ỐNG");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 1)), ==,
                   "Lũ ống cuốn trôi cầu, lũ ống làm sập nhà.");

  /* One undo takes back the body's three. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ed), "editor.undo", NULL));
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 0)), ==, "CẢNH BÁO LŨ QUÉT");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 1)), ==,
                   "Lũ quét cuốn trôi cầu, lũ quét làm sập nhà.");
}

/* A picture with its texts, in the story's list (not in its text); the story holds it. */
static BylineImage *
add_picture (Fixture    *f,
             const char *caption,
             const char *credit,
             const char *alt_text)
{
  g_autoptr(BylineImage) image = byline_image_new ("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                                                   "image/png");

  byline_image_set_caption (image, caption);
  byline_image_set_credit (image, credit);
  byline_image_set_alt_text (image, alt_text);
  byline_article_add_image (article (f), image);
  return image;
}

static gboolean
row_made (gpointer data)
{
  Fixture *f = data;

  return byline_caption_panel_get_row (byline_window_get_caption_panel (f->window), 0) != NULL;
}

/* The selection of a caption row's field, or NULL. */
static char *
row_selection (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextIter start, end;

      if (!gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), &start, &end))
        return NULL;
      return gtk_text_iter_get_slice (&start, &end);
    }
  else
    {
      int start, end;

      if (!gtk_editable_get_selection_bounds (GTK_EDITABLE (widget), &start, &end))
        return NULL;
      return gtk_editable_get_chars (GTK_EDITABLE (widget), start, end);
    }
}

static void
assert_found (GtkWidget  *count,
              const char *says,
              GtkWidget  *where,
              const char *selected)
{
  g_autofree char *selection = NULL;

  assert_count (count, says);
  selection = row_selection (where);
  g_assert_cmpstr (selection, ==, selected);
}

/* A name misspelt in the text is misspelt in the captions and credits too:
 * Find goes on from the body to the pictures' texts, selecting each match
 * in its row with the keyboard left in the search, and Replace and Replace
 * All reach them. */
static void
test_find_in_pictures (Fixture       *f,
                       gconstpointer  data)
{
  BylineArticleEditor *ed = editor (f);
  BylineImage *image;
  GtkWidget *bar, *search, *count, *replacement, *caption, *credit, *alt;
  GtkWidget *headline = GTK_WIDGET (byline_article_editor_get_headline_view (ed));
  BylineCaptionRow *row;

  image = add_picture (f, "Anh Lò Văn Dung dẫn đường.", "Ảnh: Lò Văn Dung", "Một người đàn ông đứng bên suối.");
  g_assert_true (byline_ui_test_wait_until (row_made, f, 3000));
  row = byline_caption_panel_get_row (byline_window_get_caption_panel (f->window), 0);
  caption = GTK_WIDGET (byline_caption_row_get_caption_view (row));
  credit = GTK_WIDGET (byline_caption_row_get_credit_entry (row));
  alt = GTK_WIDGET (byline_caption_row_get_alt_entry (row));

  bar = type_story_and_replace (ed, "Lò Văn Dung kể lại", "Đêm qua, nước lên.", "Anh Dung cho biết.", &search, &count);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (bar, BYLINE_TYPE_FIND_BAR,
                                                                                "diacritics_button")), TRUE);
  /* From the body's end on into the pictures. */
  gtk_editable_set_text (GTK_EDITABLE (search), "Lò Văn Dung");
  assert_found (count, "2 of 3", caption, "Lò Văn Dung");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), search));
  byline_find_bar_move (BYLINE_FIND_BAR (bar), TRUE);
  assert_found (count, "3 of 3", credit, "Lò Văn Dung");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), search));
  /* One match is selected at a time. */
  g_assert_null (row_selection (caption));
  /* Round to the headline, and back. */
  byline_find_bar_move (BYLINE_FIND_BAR (bar), TRUE);
  assert_found (count, "1 of 3", headline, "Lò Văn Dung");
  g_assert_null (row_selection (credit));
  byline_find_bar_move (BYLINE_FIND_BAR (bar), FALSE);
  assert_found (count, "3 of 3", credit, "Lò Văn Dung");

  /* A picture's text changed while the bar is open changes the count. */
  byline_image_set_alt_text (image, "Lò Văn Dung đứng bên suối.");
  assert_count (count, "3 of 4");

  /* Replace: the credit's, then on to the alt text's. */
  replacement = byline_ui_test_find_descendant (bar, GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (replacement), "Lò Văn Dũng");
  g_signal_emit_by_name (byline_ui_test_find_button (bar, "_Replace"), "clicked");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Lò Văn Dũng");
  assert_found (count, "3 of 3", alt, "Lò Văn Dung");

  /* Replace All: the text's and the pictures'. */
  g_signal_emit_by_name (byline_ui_test_find_button (bar, "Replace _All"), "clicked");
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Lò Văn Dũng kể lại");
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Anh Lò Văn Dũng dẫn đường.");
  g_assert_cmpstr (byline_image_get_alt_text (image), ==, "Lò Văn Dũng đứng bên suối.");
  g_assert_cmpstr (byline_ui_test_toast_title (GTK_WIDGET (f->window)), ==, "Replaced 3 matches");

  /* The toast's Undo takes all of it back, in the text and the pictures,
   * but a text changed since stays as it is now. */
  byline_image_set_alt_text (image, "Lò Văn Dũng bên suối.");
  {
    GtkWidget *undo = byline_ui_test_find_button (GTK_WIDGET (f->window), "_Undo");

    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
  }
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Lò Văn Dung kể lại");
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Anh Lò Văn Dung dẫn đường.");
  g_assert_cmpstr (byline_image_get_alt_text (image), ==, "Lò Văn Dũng bên suối.");
  /* The credit was replaced before, on its own. */
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Lò Văn Dũng");

  /* Only in the pictures: found there, and no "No match". */
  byline_image_set_credit (image, "Ảnh: Hà Anh");
  gtk_editable_set_text (GTK_EDITABLE (search), "Hà Anh");
  assert_found (count, "1 of 1", credit, "Hà Anh");
  g_assert_false (gtk_widget_has_css_class (search, "error"));
  /* Put away, the keyboard goes to the match's field, as from the text. */
  byline_find_bar_dismiss (BYLINE_FIND_BAR (bar));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), credit));
}

/* Replace All's toast has an Undo for all of it: the headline, the lead and
 * the body, each as it was; what was typed before stays. */
static void
test_replace_all_undo (Fixture       *f,
                       gconstpointer  data)
{
  BylineArticleEditor *ed = editor (f);
  BylineBody *model = byline_article_get_body (article (f));
  GtkWidget *bar, *search, *count, *undo;

  bar = type_story_and_replace (ed, "Mưa lũ ở Sa Pa", "Mưa kéo dài.", "Mưa to.\nTrời còn mưa.", &search, &count);
  gtk_editable_set_text (GTK_EDITABLE (search), "mưa");
  assert_count (count, "1 of 4");
  replace_all_with (bar, "gió");
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Gió lũ ở Sa Pa");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 1)), ==, "Trời còn gió.");

  undo = byline_ui_test_find_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Mưa lũ ở Sa Pa");
  g_assert_cmpstr (byline_article_get_lead (article (f)), ==, "Mưa kéo dài.");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 0)), ==, "Mưa to.");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 1)), ==, "Trời còn mưa.");
  /* Done once: Ctrl+Z now is the text's own. */
  g_assert_false (byline_find_bar_can_undo_replace_all (BYLINE_FIND_BAR (bar)));
}

static gboolean
counts_four (gpointer count)
{
  return strstr (gtk_label_get_text (count), "4") != NULL;
}

/* Ctrl+Z right after Replace All undoes all of it, in every field, from
 * the text (the editor's Undo) as from the headline (the key the editor
 * takes before the field); the toast goes; Ctrl+Shift+Z does it all again.
 * (Ctrl+Z undid only the part in the field the keyboard was in.)  Once the
 * story changes, the keys are the field's own again. */
static void
test_replace_all_ctrl_z (Fixture       *f,
                         gconstpointer  data)
{
  BylineArticleEditor *ed = editor (f);
  BylineBody *model = byline_article_get_body (article (f));
  GtkTextView *headline = byline_article_editor_get_headline_view (ed);
  GtkWidget *bar, *search, *count;

  bar = type_story_and_replace (ed, "Mưa lũ ở Sa Pa", "Mưa kéo dài.", "Mưa to.\nTrời còn mưa.", &search, &count);
  gtk_editable_set_text (GTK_EDITABLE (search), "mưa");
  assert_count (count, "1 of 4");
  replace_all_with (bar, "gió");
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Gió lũ ở Sa Pa");
  g_assert_true (byline_find_bar_can_undo_replace_all (BYLINE_FIND_BAR (bar)));
  g_assert_nonnull (byline_ui_test_find_button (GTK_WIDGET (f->window), "_Undo"));

  /* From the text: the editor's Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (byline_article_editor_get_body_view (ed)), "editor.undo", NULL));
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Mưa lũ ở Sa Pa");
  g_assert_cmpstr (byline_article_get_lead (article (f)), ==, "Mưa kéo dài.");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 0)), ==, "Mưa to.");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 1)), ==, "Trời còn mưa.");
  byline_ui_test_wait (600);
  g_assert_null (byline_ui_test_find_button (GTK_WIDGET (f->window), "_Undo"));

  /* Ctrl+Shift+Z: all of it again, and Ctrl+Z once more.  (Redo redid
   * only the body's part.) */
  g_assert_true (byline_find_bar_can_redo_replace_all (BYLINE_FIND_BAR (bar)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (headline), "editor.redo-replace-all", NULL));
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Gió lũ ở Sa Pa");
  g_assert_cmpstr (byline_article_get_lead (article (f)), ==, "Gió kéo dài.");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 1)), ==, "Trời còn gió.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (byline_article_editor_get_body_view (ed)), "editor.undo", NULL));
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Mưa lũ ở Sa Pa");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 1)), ==, "Trời còn mưa.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (byline_article_editor_get_body_view (ed)), "editor.redo", NULL));
  g_assert_cmpstr (byline_article_get_lead (article (f)), ==, "Gió kéo dài.");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 0)), ==, "Gió to.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (headline), "editor.undo-replace-all", NULL));
  g_assert_cmpstr (byline_article_get_lead (article (f)), ==, "Mưa kéo dài.");

  /* From the headline: Ctrl+Z goes to editor.undo-replace-all first. */
  g_assert_true (byline_ui_test_wait_until (counts_four, count, 3000));
  replace_all_with (bar, "gió");
  g_assert_cmpstr (byline_article_get_lead (article (f)), ==, "Gió kéo dài.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (headline), "editor.undo-replace-all", NULL));
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Mưa lũ ở Sa Pa");
  g_assert_cmpstr (byline_article_get_lead (article (f)), ==, "Mưa kéo dài.");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 1)), ==, "Trời còn mưa.");

  /* Typed on after it: the key is the field's own again. */
  g_assert_true (byline_ui_test_wait_until (counts_four, count, 3000));
  replace_all_with (bar, "gió");
  byline_article_editor_focus_headline (ed);
  byline_ui_test_type (headline, "!");
  g_assert_false (byline_find_bar_can_undo_replace_all (BYLINE_FIND_BAR (bar)));
  gtk_widget_activate_action (GTK_WIDGET (headline), "editor.undo-replace-all", NULL);
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Gió lũ ở Sa Pa!");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 1)), ==, "Trời còn gió.");
}

static gboolean
collapsed (gpointer split)
{
  return adw_overlay_split_view_get_collapsed (split);
}

/* Narrow, the pictures would cover the text and the find bar and take the
 * keyboard: a match in a picture's text shows its figure in the text. */
static void
test_find_in_pictures_narrow (Fixture       *f,
                              gconstpointer  data)
{
  BylineArticleEditor *ed = editor (f);
  BylineImage *image;
  GtkWidget *panel = GTK_WIDGET (byline_window_get_caption_panel (f->window));
  GtkWidget *split = gtk_widget_get_ancestor (panel, ADW_TYPE_OVERLAY_SPLIT_VIEW);
  GtkWidget *search, *count;

  image = add_picture (f, "Cầu treo bị cuốn trôi.", "Ảnh: Hà Anh", "");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  g_assert_true (byline_ui_test_wait_until (collapsed, split, 10000));
  /* The focus goes back where it was a frame after the layout changes. */
  byline_ui_test_wait (500);

  type_story_and_replace (ed, "Lũ quét", "Đêm qua, nước lên.", "Nước rút.", &search, &count);
  gtk_editable_set_text (GTK_EDITABLE (search), "Hà Anh");
  assert_count (count, "1 of 1");
  g_assert_false (adw_overlay_split_view_get_show_sidebar (ADW_OVERLAY_SPLIT_VIEW (split)));
  g_assert_true (byline_document_get_selected_image (byline_window_get_document (f->window)) == image);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), search));
}

typedef struct
{
  BylineBodyView *view;
  guint           block;
} BlockWait;

static gboolean
block_shows (gpointer data)
{
  BlockWait *wait = data;

  return byline_body_view_block_in_sight (wait->view, wait->block);
}

/* A match below what shows is scrolled to, although the keyboard is in the
 * search (the view keeps the cursor in sight only when it has it). */
static void
test_find_scrolls (Fixture       *f,
                   gconstpointer  data)
{
  BylineBodyView *body = byline_article_editor_get_body_view (editor (f));
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *bar, *search, *count;
  BlockWait wait = { body, 59 };
  GtkTextIter start;

  for (guint i = 0; i < 59; i++)
    g_string_append_printf (text, "Đoạn %u: mưa lớn kéo dài khiến nhiều tuyến đường bị chia cắt.\n", i + 1);
  g_string_append (text, "Đoạn cuối: cầu treo Nậm Củm bị cuốn trôi.");
  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (body), text->str);
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body)), &start);
  gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body)), &start);
  byline_body_view_scroll_to_block (body, 0);
  wait.block = 0;
  g_assert_true (byline_ui_test_wait_until (block_shows, &wait, 5000));
  wait.block = 59;
  byline_ui_test_wait (300);
  g_assert_false (block_shows (&wait));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor (f)), "editor.find", NULL));
  bar = byline_ui_test_find_descendant (GTK_WIDGET (editor (f)), BYLINE_TYPE_FIND_BAR);
  search = byline_ui_test_find_descendant (bar, GTK_TYPE_SEARCH_ENTRY);
  count = gtk_widget_get_next_sibling (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "nam cum");
  assert_count (count, "1 of 1");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), search));
  g_assert_true (byline_ui_test_wait_until (block_shows, &wait, 5000));
}

/* "sat" finds "Sạt", "sạt" and "sát" until Match Diacritics is on; the
 * replacement is taken as typed (a backslash is not a reference). */
static void
test_find_without_marks (Fixture       *f,
                         gconstpointer  data)
{
  BylineBodyView *body = byline_article_editor_get_body_view (editor (f));
  BylineBody *model;
  GtkWidget *bar, *count, *diacritics;
  GtkEditable *search;

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (body), "Sạt lở ở Bát Xát.\nBị sạt nặng, sát nhà.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor (f)), "editor.replace", NULL));
  bar = byline_ui_test_find_descendant (GTK_WIDGET (editor (f)), BYLINE_TYPE_FIND_BAR);
  search = GTK_EDITABLE (byline_ui_test_find_descendant (bar, GTK_TYPE_SEARCH_ENTRY));
  count = gtk_widget_get_next_sibling (GTK_WIDGET (search));
  diacritics = byline_ui_test_find_check (bar, "Match _Diacritics");
  g_assert_nonnull (diacritics);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (diacritics)));

  gtk_editable_set_text (search, "sat");
  assert_count (count, "1 of 3");

  /* Marks matter once asked for, and again not. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (diacritics), TRUE);
  assert_count (count, "No match");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (diacritics), FALSE);
  assert_count (count, "1 of 3");

  /* A letter typed with its marks finds only itself. */
  gtk_editable_set_text (search, "sạt");
  assert_count (count, "1 of 2");

  gtk_editable_set_text (search, "bat xat");
  assert_count (count, "1 of 1");
  replace_all_with (bar, "Bát Xát \\0");

  model = byline_article_get_body (article (f));
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 0)), ==, "Sạt lở ở Bát Xát \\0.");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 1)), ==, "Bị sạt nặng, sát nhà.");
}

int
main (int   argc,
      char *argv[])
{
  byline_ui_test_init (&argc, &argv);

  byline_ui_test_add_window_test ("/ui/find/replace", test_find_replace);
  byline_ui_test_add_window_test ("/ui/find/without-marks", test_find_without_marks);
  byline_ui_test_add_window_test ("/ui/find/scrolls", test_find_scrolls);
  byline_ui_test_add_window_test ("/ui/find/headline-lead", test_find_headline_lead);
  byline_ui_test_add_window_test ("/ui/find/replace-keeps-case", test_replace_keeps_case);
  byline_ui_test_add_window_test ("/ui/find/in-pictures", test_find_in_pictures);
  byline_ui_test_add_window_test ("/ui/find/replace-all-undo", test_replace_all_undo);
  byline_ui_test_add_window_test ("/ui/find/replace-all-ctrl-z", test_replace_all_ctrl_z);
  byline_ui_test_add_window_test ("/ui/find/in-pictures-narrow", test_find_in_pictures_narrow);

  return g_test_run ();
}
