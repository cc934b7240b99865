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
#include "ui-story.h"
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
#include "byline-merge-dialog.h"
#include "byline-article-preview.h"
#include "byline-metadata-sidebar.h"
#include "byline-preferences-dialog.h"
#include "byline-widget-util.h"
#include "byline-text-field.h"
#include "byline-toast-title.h"
#include "byline-shortcuts-dialog.h"
#include "byline-window.h"
#include "ui-window-test.h"

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

  byline_ui_test_type_story (f);
  byline_ui_test_check_story (article (f));

  document = byline_window_get_document (f->window);
  g_assert_cmpuint (byline_document_get_save_state (document), ==, BYLINE_SAVE_STATE_UNSAVED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  g_assert_cmpuint (byline_document_get_save_state (document), ==, BYLINE_SAVE_STATE_SAVED);

  id = g_strdup (byline_document_get_id (document));
  on_disk = read_draft_json (f->store, id);
  byline_ui_test_check_story (on_disk);
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

  byline_ui_test_check_story (article (f));
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

/* Alt+Down and Alt+Up in the body, as the shortcuts window lists them:
 * the cursor's paragraph moves past the next one and back, one undo step
 * each (GtkSourceView's own binding moved text lines; Byline refused it). */
static void
test_move_paragraph_keys (Fixture       *f,
                          gconstpointer  data)
{
  BylineBodyView *body = byline_article_editor_get_body_view (editor (f));
  BylineBody *model = byline_article_get_body (article (f));
  GtkTextIter iter;

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (body), "Một\nHai\nBa");
  byline_body_buffer_get_iter_at_block (byline_body_view_get_body_buffer (body), &iter, 0, 1);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (byline_body_view_get_body_buffer (body)), &iter);

  g_assert_true (byline_ui_test_press_shortcut (GTK_WIDGET (body), GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 0)), ==, "Hai");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 1)), ==, "Một");
  g_assert_true (byline_ui_test_press_shortcut (GTK_WIDGET (body), GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 2)), ==, "Một");
  /* At the end: it stays. */
  byline_ui_test_press_shortcut (GTK_WIDGET (body), GDK_KEY_Down, GDK_ALT_MASK);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 2)), ==, "Một");
  g_assert_true (byline_ui_test_press_shortcut (GTK_WIDGET (body), GDK_KEY_Up, GDK_ALT_MASK));
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 1)), ==, "Một");
  g_assert_cmpuint (byline_body_get_n_blocks (model), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor (f)), "editor.undo", NULL));
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 2)), ==, "Một");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor (f)), "editor.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor (f)), "editor.undo", NULL));
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 0)), ==, "Một");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 1)), ==, "Hai");
}

/* The item of the context menu of @view whose label is @label (no
 * mnemonic), after popping the menu up. */
static GtkWidget *
find_menu_item (GtkWidget  *root,
                const char *label)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), "GtkModelButton"))
    {
      g_autofree char *text = NULL;
      g_autoptr(GString) bare = NULL;

      g_object_get (root, "text", &text, NULL);
      bare = g_string_new (text);
      g_string_replace (bare, "_", "", 0);
      if (g_str_equal (bare->str, label))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_item (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
context_menu_item (GtkWidget  *view,
                   const char *label)
{
  GtkWidget *item;

  g_assert_true (gtk_widget_activate_action (view, "menu.popup", NULL));
  byline_ui_test_wait (100);
  item = find_menu_item (view, label);
  g_assert_nonnull (item);
  return item;
}

/* The body's context menu: its Undo and Redo were always greyed (GtkTextView
 * asks GtkTextBuffer's own history, which is off); they are the editor's. */
static void
test_context_menu_undo (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *body = GTK_WIDGET (byline_article_editor_get_body_view (editor (f)));
  BylineBody *model = byline_article_get_body (article (f));
  GtkWidget *undo, *redo;

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (body), "Một hai ba");

  undo = context_menu_item (body, "Undo");
  redo = context_menu_item (body, "Redo");
  g_assert_true (gtk_widget_get_sensitive (undo));
  g_assert_false (gtk_widget_get_sensitive (redo));
  gtk_widget_activate (undo);
  byline_ui_test_wait (100);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 0)), ==, "Một hai ");

  /* Undoing moved the cursor, and GtkTextView set its actions again. */
  undo = context_menu_item (body, "Undo");
  redo = context_menu_item (body, "Redo");
  g_assert_true (gtk_widget_get_sensitive (undo));
  g_assert_true (gtk_widget_get_sensitive (redo));
  gtk_widget_activate (redo);
  byline_ui_test_wait (100);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (model, 0)), ==, "Một hai ba");
  g_assert_false (gtk_widget_get_sensitive (context_menu_item (body, "Redo")));
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

/* Narrow, Preferences is a bottom sheet: the keyboard starts in the first
 * row, as wide (it started in the third row, the dateline, where a key
 * typed changed the default dateline). */
static void
test_preferences_narrow (Fixture       *f,
                         gconstpointer  data)
{
  AdwDialog *dialog = byline_preferences_dialog_new ();

  /* (AdwPreferencesDialog needs 360 px; without a compositor the window's
   * frame takes 10 of its 360.) */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 380, 700);
  byline_ui_test_wait (400);
  adw_dialog_present (dialog, GTK_WIDGET (f->window));
  byline_ui_test_wait (600);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dialog), "bottom-sheet"));
  g_assert_true (byline_widget_has_keyboard (GTK_WIDGET (preference_row (GTK_WIDGET (dialog), "Default byline"))));
  adw_dialog_close (dialog);
  byline_ui_test_wait (300);
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
  g_assert_true (byline_widget_has_keyboard (GTK_WIDGET (preference_row (GTK_WIDGET (dialog), "Default byline"))));
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

static AdwBanner *
save_banner (Fixture *f)
{
  return ADW_BANNER (gtk_widget_get_template_child (GTK_WIDGET (f->window), BYLINE_TYPE_WINDOW, "banner"));
}

/* Draft @id saved through @other (another store on the same folder, as the
 * editor's through a shared folder) with a new headline or lead. */
static void
save_elsewhere (BylineDraftStore *other,
                const char       *id,
                const char       *headline,
                const char       *lead)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) theirs = byline_draft_store_load (other, id, &error);

  g_assert_no_error (error);
  if (headline != NULL)
    byline_article_set_headline (theirs, headline);
  if (lead != NULL)
    byline_article_set_lead (theirs, lead);
  g_assert_true (byline_draft_store_save (other, theirs, &error));
  g_assert_no_error (error);
}

/* A save that fails says so, and keeps every word: a banner with Try Again
 * when the disk refused, with Merge… when someone else saved the draft
 * meanwhile (what both changed is asked, the rest merged at once), or Save
 * as New Draft; either way the words end up on disk. */
static void
test_save_failures (Fixture       *f,
                    gconstpointer  data)
{
  GtkTextView *headline = byline_article_editor_get_headline_view (editor (f));
  BylineDocument *document;
  g_autoptr(BylineDraftStore) other = NULL;
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
  save_elsewhere (other, id, "Lũ quét ở Mường Tè (biên tập)", NULL);

  /* The reporter types on: the save meets the conflict, and overwrites nothing. */
  byline_ui_test_type (headline, " đêm qua");
  g_assert_false (byline_document_flush (document, NULL));
  byline_ui_test_wait (300);
  g_assert_true (adw_banner_get_revealed (save_banner (f)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (save_banner (f))), ==, "win.merge-conflict");
  /* Said as a reporter can read it: not the draft's id and revisions. */
  g_assert_true (g_str_has_prefix (adw_banner_get_title (save_banner (f)),
                                   "Not saved: the story was changed elsewhere"));
  g_assert_null (strstr (adw_banner_get_title (save_banner (f)), id));
  {
    g_autoptr(BylineArticle) on_disk = read_draft_json (f->store, id);

    g_assert_cmpstr (byline_article_get_headline (on_disk), ==, "Lũ quét ở Mường Tè (biên tập)");
  }

  /* Merge…: both changed the headline, which is asked; the reporter keeps
   * theirs, and the editor's stays in the history. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.merge-conflict", NULL));
  byline_ui_test_wait (300);
  {
    AdwDialog *merge = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
    g_autoptr(GPtrArray) versions = NULL;
    gboolean editors_kept = FALSE;

    g_assert_true (BYLINE_IS_MERGE_DIALOG (merge));
    g_assert_nonnull (byline_ui_test_find_button (GTK_WIDGET (merge), "Save Mine as _New Draft"));
    byline_merge_dialog_choose (BYLINE_MERGE_DIALOG (merge), 0, BYLINE_MERGE_TAKE_OURS);
    g_assert_true (byline_merge_dialog_apply (BYLINE_MERGE_DIALOG (merge), &error));
    g_assert_no_error (error);
    byline_ui_test_wait (300);
    document = byline_window_get_document (f->window);
    g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Lũ quét ở Mường Tè, 3 người mất tích đêm qua");
    g_assert_cmpint (byline_document_get_save_state (document), ==, BYLINE_SAVE_STATE_SAVED);
    g_assert_false (adw_banner_get_revealed (save_banner (f)));
    versions = byline_draft_store_list_history (f->store, id, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < versions->len; i++)
      editors_kept |= g_strcmp0 (((BylineDraftVersion *) g_ptr_array_index (versions, i))->headline,
                                 "Lũ quét ở Mường Tè (biên tập)") == 0;
    g_assert_true (editors_kept);
  }
  {
    g_autoptr(BylineArticle) on_disk = read_draft_json (f->store, id);

    g_assert_cmpstr (byline_article_get_headline (on_disk), ==, "Lũ quét ở Mường Tè, 3 người mất tích đêm qua");
  }

  /* Changes in different places merge without a question: the editor's
   * lead, the reporter's headline. */
  save_elsewhere (other, id, NULL, "Sapo của biên tập.");
  headline = byline_article_editor_get_headline_view (editor (f));
  byline_article_editor_focus_headline (editor (f));
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (headline), &end);
    gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (headline), &end);
  }
  byline_ui_test_type (headline, "!");
  g_assert_false (byline_document_flush (document, NULL));
  byline_ui_test_wait (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.merge-conflict", NULL));
  byline_ui_test_wait (300);
  g_assert_false (BYLINE_IS_MERGE_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window))));
  {
    g_autoptr(BylineArticle) on_disk = read_draft_json (f->store, id);

    g_assert_cmpstr (byline_article_get_headline (on_disk), ==, "Lũ quét ở Mường Tè, 3 người mất tích đêm qua!");
    g_assert_cmpstr (byline_article_get_lead (on_disk), ==, "Sapo của biên tập.");
    g_assert_cmpstr (byline_article_get_lead (article (f)), ==, "Sapo của biên tập.");
  }

  /* Save as New Draft: both versions are kept, the window edits the copy. */
  save_elsewhere (other, id, "Lũ quét (biên tập lần hai)", NULL);
  document = byline_window_get_document (f->window);
  headline = byline_article_editor_get_headline_view (editor (f));
  byline_article_editor_focus_headline (editor (f));
  byline_ui_test_type (headline, "?");
  g_assert_false (byline_document_flush (document, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-copy", NULL));
  byline_ui_test_wait (300);
  copy_id = g_strdup (byline_article_get_id (article (f)));
  g_assert_cmpstr (copy_id, !=, id);
  g_assert_false (adw_banner_get_revealed (save_banner (f)));
  mine = read_draft_json (f->store, copy_id);
  g_assert_nonnull (strstr (byline_article_get_headline (mine), "?"));
  {
    g_autoptr(BylineArticle) on_disk = read_draft_json (f->store, id);

    g_assert_cmpstr (byline_article_get_headline (on_disk), ==, "Lũ quét (biên tập lần hai)");
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
              && !g_str_has_prefix (name, "row.") && !g_str_has_prefix (name, "panel."))
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

static gboolean
vadjustment_moved (gpointer data)
{
  return gtk_adjustment_get_value (data) > 0;
}

static gboolean
vadjustment_at_top (gpointer data)
{
  return gtk_adjustment_get_value (data) == 0;
}

/* The preview is read with the keyboard: it has the focus (not its Print
 * button, which a Space pressed to read on used to press), and Space and
 * Shift+Space turn its pages. */
static void
test_preview_keyboard (Fixture       *f,
                       gconstpointer  data)
{
  BylineBodyView *body = byline_article_editor_get_body_view (editor (f));
  g_autoptr(GString) text = g_string_new (NULL);
  AdwDialog *dialog;
  GtkWidget *preview, *view, *focus;
  GtkAdjustment *scroll;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (text, "Đoạn %u: mưa lớn kéo dài khiến nhiều tuyến đường bị chia cắt.\n", i + 1);
  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (body), text->str);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preview", NULL));
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_dialog, f->window, 5000));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  preview = byline_ui_test_find_descendant (GTK_WIDGET (dialog), BYLINE_TYPE_ARTICLE_PREVIEW);
  view = byline_ui_test_find_descendant (preview, GTK_TYPE_TEXT_VIEW);
  byline_ui_test_wait (300);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == view);

  scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_assert_nonnull (scroll);
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0);
  g_assert_true (gtk_widget_activate_action (preview, "preview.page", "i", 1));
  g_assert_true (byline_ui_test_wait_until (vadjustment_moved, scroll, 5000));
  g_assert_true (gtk_widget_activate_action (preview, "preview.page", "i", -1));
  g_assert_true (byline_ui_test_wait_until (vadjustment_at_top, scroll, 5000));
}

static gboolean narrow_folded (gpointer data);

/* In a 360 px window the preview fits: its pictures as wide as the page
 * has room for (they were 560 px, the page cut at the window's edge), and
 * as wide as before again in a wide window. */
static void
test_preview_narrow (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window));
  g_autoptr(GFile) file = g_file_get_child (f->files, "lu-quet.png");
  g_autoptr(GError) error = NULL;
  AdwDialog *dialog;
  GtkWidget *preview, *picture;
  int min = 0;

  byline_test_write_png (file, 1600, 1200, 0x3366aa);
  byline_document_import_image (byline_window_get_document (f->window), file, 0, &error);
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  g_assert_true (byline_ui_test_wait_until (narrow_folded, f, 10000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preview", NULL));
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_dialog, f->window, 5000));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  preview = byline_ui_test_find_descendant (GTK_WIDGET (dialog), BYLINE_TYPE_ARTICLE_PREVIEW);
  picture = byline_ui_test_find_descendant (preview, GTK_TYPE_PICTURE);
  g_assert_nonnull (picture);
  byline_ui_test_wait (500);
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("the window needs %d px; the preview is %d px, its picture %d × %d", min,
                  gtk_widget_get_width (preview), gtk_widget_get_width (picture), gtk_widget_get_height (picture));
  g_assert_cmpint (min, <=, 350);
  g_assert_cmpint (gtk_widget_get_width (preview), <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_cmpint (gtk_widget_get_width (picture), <=, gtk_widget_get_width (preview) - 48);
  /* Its shape kept. */
  g_assert_cmpint (ABS (gtk_widget_get_width (picture) * 3 - gtk_widget_get_height (picture) * 4), <=, 8);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  byline_ui_test_wait (800);
  g_test_message ("wide: its picture %d × %d", gtk_widget_get_width (picture), gtk_widget_get_height (picture));
  g_assert_cmpint (gtk_widget_get_width (picture), ==, 560);
  g_assert_cmpint (gtk_widget_get_height (picture), ==, 420);
  adw_dialog_force_close (dialog);
}

static gboolean
popover_shown (gpointer button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

static gboolean
popover_hidden (gpointer button)
{
  return !popover_shown (button);
}

/* The publish time is chosen in the date button's popover, opened as a
 * click or the keyboard opens it, whatever the room below the row; the day
 * picked is the story's. */
static void
test_publish_date_popover (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *date = byline_ui_test_find_descendant (GTK_WIDGET (byline_window_get_metadata_sidebar (f->window)),
                                                    BYLINE_TYPE_DATE_BUTTON);
  GtkWidget *button = byline_ui_test_find_descendant (date, GTK_TYPE_MENU_BUTTON);
  GtkWidget *calendar;
  GDateTime *when;

  g_assert_null (byline_article_get_publish_time (article (f)));
  /* The row opens it too (a click anywhere on it, Enter or Space on it). */
  adw_action_row_activate (ADW_ACTION_ROW (gtk_widget_get_ancestor (date, ADW_TYPE_ACTION_ROW)));
  g_assert_true (byline_ui_test_wait_until (popover_shown, button, 5000));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  g_assert_true (byline_ui_test_wait_until (popover_hidden, button, 5000));
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (byline_ui_test_wait_until (popover_shown, button, 5000));
  calendar = byline_ui_test_find_descendant (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                                             GTK_TYPE_CALENDAR);
  g_assert_nonnull (calendar);
  /* GTK shrinks a popover to the room beside its button and does not show
   * one that cannot be that small: below the sidebar's row on a screen 800
   * pixels high the popover never showed.  Now it can be as small as any
   * room (its content scrolls), and all of it fits in 380 pixels. */
  {
    int minimum = 0, natural = 0;

    gtk_widget_measure (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                        GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
    g_test_message ("date popover: %d px at least, %d px natural", minimum, natural);
    g_assert_cmpint (minimum, <=, 150);
    g_assert_cmpint (natural, <=, 380);
  }
  {
    g_autoptr(GDateTime) day = g_date_time_new_local (2025, 8, 12, 0, 0, 0);

    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  }
  when = byline_article_get_publish_time (article (f));
  g_assert_nonnull (when);
  g_assert_cmpint (g_date_time_get_year (when), ==, 2025);
  g_assert_cmpint (g_date_time_get_month (when), ==, 8);
  g_assert_cmpint (g_date_time_get_day_of_month (when), ==, 12);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

/* Ctrl+F and Ctrl+H are the window's too: from the sidebar's fields they
 * open the find bar; not while a dialog is over the window. */
static void
test_find_from_sidebar (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GHashTable) bindings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  GtkWidget *sidebar = GTK_WIDGET (byline_window_get_metadata_sidebar (f->window));
  GtkWidget *bar = byline_ui_test_find_descendant (GTK_WIDGET (editor (f)), BYLINE_TYPE_FIND_BAR);
  GtkWidget *search = byline_ui_test_find_descendant (bar, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *replace = byline_ui_test_find_descendant (bar, GTK_TYPE_ENTRY);
  AdwDialog *dialog;
  GPtrArray *keys;

  collect_bindings (GTK_WIDGET (f->window), bindings);
  keys = g_hash_table_lookup (bindings, "win.find");
  g_assert_nonnull (keys);
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, "Ctrl+F");
  keys = g_hash_table_lookup (bindings, "win.replace");
  g_assert_nonnull (keys);
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, "Ctrl+H");

  /* Behind a dialog, nothing. */
  dialog = adw_dialog_new ();
  adw_dialog_set_child (dialog, gtk_label_new ("…"));
  adw_dialog_present (dialog, GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL));
  g_assert_false (byline_find_bar_get_revealed (BYLINE_FIND_BAR (bar)));
  adw_dialog_force_close (dialog);

  g_assert_true (gtk_widget_child_focus (sidebar, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), sidebar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL));
  g_assert_true (byline_find_bar_get_revealed (BYLINE_FIND_BAR (bar)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), search));
  g_assert_false (gtk_widget_is_visible (replace));
  byline_find_bar_dismiss (BYLINE_FIND_BAR (bar));

  g_assert_true (gtk_widget_child_focus (sidebar, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.replace", NULL));
  g_assert_true (byline_find_bar_get_revealed (BYLINE_FIND_BAR (bar)));
  g_assert_true (gtk_widget_is_visible (replace));
}

/* Every action the window, the editor, the pictures panel and a picture's
 * row bind to a key is in the shortcuts window, under one of its keys. */
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

  byline_ui_test_type_story (f);
  /* A dialog's content is in the window once it is presented. */
  adw_dialog_present (dialog, GTK_WIDGET (f->window));
  byline_ui_test_wait (200);
  collect_keycaps (GTK_WIDGET (dialog), listed);
  adw_dialog_close (dialog);
  byline_ui_test_wait (200);
  collect_bindings (GTK_WIDGET (f->window), bindings);
  g_assert_cmpuint (g_hash_table_size (listed), >=, 30);
  /* The window's, the editor's, the panel's and the row's own: all were found. */
  g_assert_true (g_hash_table_contains (bindings, "win.save"));
  g_assert_true (g_hash_table_contains (bindings, "editor.find"));
  g_assert_true (g_hash_table_contains (bindings, "panel.undo-removal"));
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

/* Types @texts into the headline, one saved version each (a moment apart,
 * as a reporter's words come), then opens the history as the window does. */
static AdwDialog *
open_history_after (Fixture            *f,
                    const char * const *texts)
{
  GtkTextView *headline = byline_article_editor_get_headline_view (editor (f));
  g_autoptr(GError) error = NULL;
  AdwDialog *dialog;

  byline_article_editor_focus_headline (editor (f));
  for (guint i = 0; texts[i] != NULL; i++)
    {
      if (i > 0)
        {
          g_assert_true (byline_document_flush (byline_window_get_document (f->window), &error));
          g_assert_no_error (error);
          byline_ui_test_wait (1100);
        }
      byline_ui_test_type (headline, texts[i]);
    }
  /* Opening the history saves what is on screen first: the newest version. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.history", NULL));
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_dialog, f->window, 5000));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  g_assert_true (BYLINE_IS_HISTORY_DIALOG (dialog));
  return dialog;
}

/* The history, as a reporter uses it: open it from the window, tell the
 * versions apart, look at an earlier one, restore it; the window and the
 * draft on disk then hold it. */
static void
test_history_restore (Fixture       *f,
                      gconstpointer  data)
{
  const char *texts[] = { "Bản tin sáng", " đã sửa", NULL };
  g_autoptr(BylineArticle) on_disk = NULL;
  g_autofree char *preview_text = NULL;
  g_autofree char *id = NULL;
  AdwDialog *dialog;
  GtkListBox *list;
  GtkListBoxRow *current, *earlier;
  GtkWidget *restore, *preview;
  const char *current_title, *earlier_title;

  dialog = open_history_after (f, texts);
  id = g_strdup (byline_article_get_id (article (f)));
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

/* In a narrow window the history opens on its list of versions (it showed
 * the current version, with Restore greyed, and the list behind Back); a
 * version activated there is shown on its own page. */
static void
test_history_narrow (Fixture       *f,
                     gconstpointer  data)
{
  const char *texts[] = { "Bản tin sáng", " đã sửa", NULL };
  AdwNavigationSplitView *split;
  AdwDialog *dialog;
  GtkListBox *list;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  byline_ui_test_wait (400);
  dialog = open_history_after (f, texts);
  byline_ui_test_wait (600);
  split = ADW_NAVIGATION_SPLIT_VIEW (byline_ui_test_find_descendant (GTK_WIDGET (dialog),
                                                                     ADW_TYPE_NAVIGATION_SPLIT_VIEW));
  g_assert_true (adw_navigation_split_view_get_collapsed (split));
  g_assert_false (adw_navigation_split_view_get_show_content (split));
  list = byline_history_dialog_get_list (BYLINE_HISTORY_DIALOG (dialog));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 1));
  byline_ui_test_wait (600);
  g_assert_true (adw_navigation_split_view_get_show_content (split));
  {
    GtkWidget *preview = byline_ui_test_find_descendant (GTK_WIDGET (dialog), BYLINE_TYPE_ARTICLE_PREVIEW);
    g_autofree char *text = byline_article_preview_dup_text (BYLINE_ARTICLE_PREVIEW (preview));

    g_assert_true (gtk_widget_get_mapped (preview));
    g_assert_null (strstr (text, "đã sửa"));
    g_assert_true (gtk_widget_get_sensitive (byline_ui_test_find_button (GTK_WIDGET (dialog), "_Restore")));
  }
  adw_dialog_close (dialog);
}

/* Tab (as the list's key controller takes it) from @list; where the focus went. */
static GtkWidget *
tab_from (GtkListBox      *list,
          GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (list));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "byline-list-leave-on-tab") == 0)
        g_signal_emit_by_name (controller, "key-pressed", state ? GDK_KEY_ISO_Left_Tab : GDK_KEY_Tab, 0,
                               state, &handled);
    }
  g_assert_true (handled);
  return gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (list)));
}

/* In the history, Up and Down choose a version and Tab goes on to Restore:
 * it went through every version, loading each one as it passed. */
static void
test_history_tab (Fixture       *f,
                  gconstpointer  data)
{
  const char *texts[] = { "Bản tin ", "Bản tin ", "Bản tin ", NULL };
  AdwDialog *dialog;
  GtkListBox *list;
  GtkWidget *restore, *focus;

  dialog = open_history_after (f, texts);
  list = byline_history_dialog_get_list (BYLINE_HISTORY_DIALOG (dialog));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 2));
  byline_ui_test_wait (300);
  restore = byline_ui_test_find_button (GTK_WIDGET (dialog), "_Restore");

  /* An earlier version chosen with the keyboard; Tab: Restore. */
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 1));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)));
  byline_ui_test_wait (100);
  focus = tab_from (list, 0);
  g_assert_true (focus == restore);
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 1));
  /* Shift+Tab from the list does not go to its row above either. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)));
  focus = tab_from (list, GDK_SHIFT_MASK);
  g_assert_false (gtk_widget_is_ancestor (focus, GTK_WIDGET (list)));
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 1));
  adw_dialog_close (dialog);
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

static gboolean
field_fits (gpointer data)
{
  GtkWidget *field = data;
  int natural = 0;

  gtk_widget_measure (field, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (field), NULL, &natural, NULL, NULL);
  return gtk_widget_get_width (field) > 600 && gtk_widget_get_height (field) <= natural;
}

/* A busy main loop: work below the frames' priority, above GtkTextView's
 * validation (a long story's layout, the checklist). */
static gboolean
keep_busy (gpointer data)
{
  g_usleep (2000);
  return G_SOURCE_CONTINUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *n_frames)
{
  (*n_frames)++;
}

static gboolean
painted_twice (gpointer data)
{
  guint *n_frames = data;

  return *n_frames >= 2;
}

/* A panel folded away (a breakpoint, the window narrowed from 1280 to
 * 880 px) gave the headline a narrow frame, then a wide one; with the main
 * loop busy between the two, the field kept the narrow layout's height: a
 * gap of empty lines under the headline, until something else resized it. */
static void
test_field_after_narrow_frame (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *field = byline_text_field_new ();
  GtkWidget *panel = gtk_label_new ("Ảnh");
  GdkFrameClock *clock;
  guint n_frames = 0, busy;
  gulong handler;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (field), GTK_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_widget_set_valign (field, GTK_ALIGN_START);
  gtk_widget_set_size_request (panel, 820, -1);
  gtk_widget_set_visible (panel, FALSE);
  gtk_box_append (GTK_BOX (box), field);
  gtk_box_append (GTK_BOX (box), panel);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)),
                            "Hoa tam giác mạch nở rộ ở Bắc Hà", -1);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 600);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (byline_ui_test_wait_until (field_fits, field, 3000));
  byline_ui_test_wait (300);

  clock = gtk_widget_get_frame_clock (window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &n_frames);
  busy = g_idle_add_full (GDK_PRIORITY_REDRAW + 2, keep_busy, NULL, NULL);
  /* A frame with the panel beside the field, a frame without. */
  gtk_widget_set_visible (panel, TRUE);
  g_assert_true (byline_ui_test_wait_until (painted_twice, &n_frames, 3000));
  n_frames = 0;
  gtk_widget_set_visible (panel, FALSE);
  g_assert_true (byline_ui_test_wait_until (painted_twice, &n_frames, 3000));
  g_source_remove (busy);
  g_signal_handler_disconnect (clock, handler);

  g_assert_true (byline_ui_test_wait_until (field_fits, field, 3000));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Snapping the window to half the screen while typing: the story keeps the
 * focus through each layout change (libadwaita 1.7 hides the window's
 * content for a frame and gave the focus to the main menu), and what is
 * typed next goes into it. */
static void
test_resize_keeps_focus (Fixture       *f,
                         gconstpointer  data)
{
  BylineBodyView *body = byline_article_editor_get_body_view (editor (f));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body));
  GtkWidget *headline;

  byline_ui_test_type_story (f);
  byline_article_editor_focus_body (editor (f));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (body)));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  g_assert_true (byline_ui_test_wait_until (narrow_folded, f, 10000));
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_focus_in, body, 10000));
  byline_ui_test_type (GTK_TEXT_VIEW (body), " Hết.");
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_nonnull (strstr (text, " Hết."));
  }

  /* From the headline, wider again. */
  byline_article_editor_focus_headline (editor (f));
  headline = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (headline);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  g_assert_true (byline_ui_test_wait_until (editor_and_pictures, f, 10000));
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_focus_in, headline, 10000));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  g_assert_true (byline_ui_test_wait_until (all_three, f, 10000));
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_focus_in, headline, 10000));
}

/* With large text (GNOME's Large Text is 1.25 times; 1.5 here too) the
 * window still fits in 360 px, the pictures over the story too, and every
 * editing tool shows without scrolling the toolbar.  The panels over the
 * story were sized in sp, 450 px with 1.5 times the text; and a figure
 * was given less than its caption needs (GTK warns, which fails a test). */
static void
test_narrow_large_text (Fixture       *f,
                        gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window));
  GtkWidget *toolbar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor (f)),
                                                                  BYLINE_TYPE_ARTICLE_EDITOR,
                                                                  "toolbar_scroller"));
  GtkAdjustment *scroll = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (toolbar));
  static const int scales[] = { 125, 150 };

  byline_ui_test_type_story (f);
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      int min = 0;

      g_test_message ("text at %d %%", scales[i]);
      g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * scales[i] / 100, NULL);
      gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
      byline_ui_test_wait (300);
      gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
      g_assert_true (byline_ui_test_wait_until (narrow_folded, f, 10000));
      byline_ui_test_wait (200);
      gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_assert_cmpint (min, <=, 350);
      g_assert_cmpfloat (gtk_adjustment_get_upper (scroll), <=, gtk_adjustment_get_page_size (scroll));

      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-pictures", NULL);
      g_assert_true (byline_ui_test_wait_until (is_mapped, byline_window_get_caption_panel (f->window), 10000));
      gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_assert_cmpint (min, <=, 350);
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-pictures", NULL);
    }
  gtk_settings_reset_property (settings, "gtk-xft-dpi");
}

static GtkWidget *
find_by_css_name (GtkWidget  *root,
                  const char *name)
{
  if (g_str_equal (gtk_widget_get_css_name (root), name))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_css_name (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Within the overlay's width, from its left edge. */
static void
assert_within (GtkWidget *widget,
               GtkWidget *overlay)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_is_visible (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, overlay, &bounds));
  g_test_message ("%s: %.0f to %.0f of %d", gtk_widget_get_css_name (widget), bounds.origin.x,
                  bounds.origin.x + bounds.size.width, gtk_widget_get_width (overlay));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (overlay));
}

/* The toast's words within its title's width, all its lines in its height. */
static int
assert_toast_fits (BylineWindow *window)
{
  GtkWidget *toast = find_by_css_name (GTK_WIDGET (window), "toast");
  GtkWidget *overlay = gtk_widget_get_ancestor (toast, ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *title = byline_ui_test_find_descendant (toast, BYLINE_TYPE_TOAST_TITLE);
  GtkWidget *label = byline_ui_test_find_descendant (title, GTK_TYPE_LABEL);
  PangoRectangle extents;

  assert_within (toast, overlay);
  assert_within (byline_ui_test_find_button (toast, "_Show"), overlay);
  /* and its close button, its last */
  assert_within (gtk_widget_get_last_child (toast), overlay);
  assert_within (label, overlay);
  pango_layout_get_pixel_extents (gtk_label_get_layout (GTK_LABEL (label)), NULL, &extents);
  g_test_message ("its text: %d × %d in %d × %d", extents.width, extents.height,
                  gtk_widget_get_width (label), gtk_widget_get_height (label));
  g_assert_cmpint (extents.width, <=, gtk_widget_get_width (label));
  g_assert_cmpint (extents.height, <=, gtk_widget_get_height (label));
  /* On several lines, not a pill, whose round ends cut into its words. */
  g_assert_true (gtk_widget_has_css_class (toast, "lines"));
  return gtk_widget_get_width (label);
}

static gboolean
toast_shown (gpointer data)
{
  GtkWidget *toast = find_by_css_name (data, "toast");

  return toast != NULL && gtk_widget_get_mapped (toast);
}

/* A long message in a narrow window wraps within the window, its button and
 * its close button in sight, all its lines shown; in a wide window again,
 * its lines are long again.  libadwaita gives a toast the height it asks
 * for at its natural width: at 360 px the message of a Word story's
 * missing pictures had the height of two lines for the words of five, its
 * text widened past the window's edge, over its buttons. */
static void
test_narrow_long_toast (Fixture       *f,
                        gconstpointer  data)
{
  AdwToast *toast = byline_toast_new_long ("2 pictures of lu-quet.docx could not come in: missing, damaged, "
                                           "or not JPEG, PNG, GIF or WebP. Their captions are still in the "
                                           "story: press Show to go to a caption, then add the picture with "
                                           "the cursor there to put it in its place.");
  int width;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  g_assert_true (byline_ui_test_wait_until (narrow_folded, f, 10000));
  adw_toast_set_button_label (toast, "_Show");
  byline_window_add_toast (f->window, g_object_ref (toast));
  g_assert_true (byline_ui_test_wait_until (toast_shown, f->window, 10000));
  byline_ui_test_wait (500);
  width = assert_toast_fits (f->window);
  g_assert_cmpint (width, <, 300);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  byline_ui_test_wait (500);
  width = assert_toast_fits (f->window);
  g_assert_cmpint (width, >, 400);

  /* Opened narrow, after it was shown wide. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  g_assert_true (byline_ui_test_wait_until (narrow_folded, f, 10000));
  byline_ui_test_wait (500);
  width = assert_toast_fits (f->window);
  g_assert_cmpint (width, <, 300);
  adw_toast_dismiss (toast);
  g_object_unref (toast);
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

  byline_ui_test_type_story (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  /* The side panels are folded away… */
  g_assert_true (byline_ui_test_wait_until (narrow_folded, f, 10000));

  /* Everything fits in 360 pixels: nothing asks for more. */
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 350);
  /* The find bar too, with its replace row. */
  {
    GtkWidget *bar = byline_ui_test_find_descendant (GTK_WIDGET (editor (f)), BYLINE_TYPE_FIND_BAR);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor (f)), "editor.replace", NULL));
    gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_test_message ("with the find bar: %d px", min);
    g_assert_cmpint (min, <=, 350);
    byline_find_bar_dismiss (BYLINE_FIND_BAR (bar));
  }

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
  byline_ui_test_type_story (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.checks", NULL));
  g_assert_cmpuint (frames_while_idle (f, 1000), <=, 2);

  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", TRUE, NULL);
}

/* The style button names the paragraph's style.  A key typed in a paragraph
 * leaves it as it is: a new label after every key made GTK measure the
 * toolbar and the window above it again, a third of every key's frame. */
static void
test_typing_keeps_style_label (Fixture       *f,
                               gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (view);
  GtkMenuButton *style = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (editor (f)),
                                                                         BYLINE_TYPE_ARTICLE_EDITOR,
                                                                         "style_button"));
  GtkWidget *label;
  GtkTextIter iter;

  byline_ui_test_type (GTK_TEXT_VIEW (view), "Một đoạn.\nTiêu đề");
  byline_body_set_block_kind (byline_article_get_body (article (f)), 1, BYLINE_BLOCK_HEADING1);
  byline_body_buffer_get_iter_at_block (buffer, &iter, 0, 3);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
  byline_ui_test_wait (100);
  g_assert_cmpstr (gtk_menu_button_get_label (style), ==, "Paragraph");
  label = byline_ui_test_find_descendant (GTK_WIDGET (style), GTK_TYPE_LABEL);
  g_assert_nonnull (label);
  g_object_add_weak_pointer (G_OBJECT (label), (gpointer *) &label);

  byline_ui_test_type (GTK_TEXT_VIEW (view), "mới ");
  byline_ui_test_wait (100);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (byline_article_get_body (article (f)), 0)),
                   ==, "Mộtmới  đoạn.");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_ancestor (label, GTK_WIDGET (style)));

  /* Into the heading: the button says so. */
  byline_body_buffer_get_iter_at_block (buffer, &iter, 1, 2);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
  byline_ui_test_wait (100);
  g_assert_cmpstr (gtk_menu_button_get_label (style), ==, "Heading");
  g_clear_weak_pointer (&label);
}

int
main (int   argc,
      char *argv[])
{
  byline_ui_test_init (&argc, &argv);

  byline_ui_test_add_window_test ("/ui/window/story-round-trip", test_story_round_trip);
  byline_ui_test_add_window_test ("/ui/window/autosave", test_autosave);
  byline_ui_test_add_window_test ("/ui/window/pristine-not-saved", test_pristine_not_saved);
  byline_ui_test_add_window_test ("/ui/window/undo-typing", test_undo_typing);
  byline_ui_test_add_window_test ("/ui/window/move-paragraph-keys", test_move_paragraph_keys);
  byline_ui_test_add_window_test ("/ui/window/context-menu-undo", test_context_menu_undo);
  byline_ui_test_add_window_test ("/ui/window/headline-limit", test_headline_limit);
  g_test_add_func ("/ui/window/choice-row", test_choice_row);
  byline_ui_test_add_window_test ("/ui/window/find-from-sidebar", test_find_from_sidebar);
  byline_ui_test_add_window_test ("/ui/window/preview-keyboard", test_preview_keyboard);
  byline_ui_test_add_window_test ("/ui/window/preview-narrow", test_preview_narrow);
  byline_ui_test_add_window_test ("/ui/window/publish-date-popover", test_publish_date_popover);
  byline_ui_test_add_window_test ("/ui/window/preferences", test_preferences);
  byline_ui_test_add_window_test ("/ui/window/preferences-narrow", test_preferences_narrow);
  byline_ui_test_add_window_test ("/ui/window/remembers-size", test_remembers_size);
  byline_ui_test_add_window_test ("/ui/window/save-failures", test_save_failures);
  byline_ui_test_add_window_test ("/ui/window/close-saves", test_close_saves);
  byline_ui_test_add_window_test ("/ui/window/shortcuts-listed", test_shortcuts_listed);
  byline_ui_test_add_window_test ("/ui/window/history-restore", test_history_restore);
  byline_ui_test_add_window_test ("/ui/window/history-narrow", test_history_narrow);
  byline_ui_test_add_window_test ("/ui/window/history-tab", test_history_tab);
  byline_ui_test_add_window_test ("/ui/window/narrow", test_narrow);
  byline_ui_test_add_window_test ("/ui/window/narrow-large-text", test_narrow_large_text);
  byline_ui_test_add_window_test ("/ui/window/narrow-long-toast", test_narrow_long_toast);
  byline_ui_test_add_window_test ("/ui/window/resize-keeps-focus", test_resize_keeps_focus);
  g_test_add_func ("/ui/window/field-after-narrow-frame", test_field_after_narrow_frame);
  byline_ui_test_add_window_test ("/ui/window/idle-draws-nothing", test_idle_draws_nothing);
  byline_ui_test_add_window_test ("/ui/window/typing-keeps-style-label", test_typing_keeps_style_label);

  return g_test_run ();
}
