/* test-drafts-library.c — the drafts library: the stories on disk listed,
 * searched without diacritics, deleted with an undo, opened in the window,
 * and a year of drafts shown a page at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"
#include "ui-test-utils.h"
#include "byline-article-editor.h"
#include "byline-document.h"
#include "byline-drafts-dialog.h"
#include "byline-window.h"
#include "byline-widget-util.h"
#include "ui-window-test.h"

/* Saves a story of @headline into the fixture's store; its id. */
static char *
save_draft (Fixture    *f,
            const char *headline)
{
  g_autoptr(BylineArticle) a = byline_article_new ();
  g_autoptr(GError) error = NULL;

  byline_article_set_headline (a, headline);
  g_assert_true (byline_draft_store_save (f->store, a, &error));
  g_assert_no_error (error);
  return g_strdup (byline_article_get_id (a));
}

/* The library, opened as Ctrl+O opens it. */
static AdwDialog *
open_library (Fixture *f)
{
  AdwDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.drafts", NULL));
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_dialog, f->window, 5000));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  g_assert_true (BYLINE_IS_DRAFTS_DIALOG (dialog));
  return dialog;
}

typedef struct
{
  GtkListBox *list;
  guint       n;
} RowsWanted;

static GtkListBoxRow *
visible_row (GtkListBox *list,
             guint       n)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row) && n-- == 0)
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

static guint
count_visible_rows (GtkListBox *list)
{
  guint n = 0;

  while (visible_row (list, n) != NULL)
    n++;
  return n;
}

static gboolean
rows_shown (gpointer data)
{
  RowsWanted *wanted = data;

  return count_visible_rows (wanted->list) == wanted->n;
}

static void
search_for (GtkWidget  *search,
            GtkListBox *list,
            const char *text,
            guint       n)
{
  RowsWanted wanted = { list, n };

  gtk_editable_set_text (GTK_EDITABLE (search), text);
  g_assert_true (byline_ui_test_wait_until (rows_shown, &wanted, 5000));
}

static GtkListBoxRow *
row_titled (GtkListBox *list,
            const char *title)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row)
        && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

/* The controller named @name of @widget; there is one. */
static GtkEventController *
named_controller (GtkWidget  *widget,
                  const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkEventController *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        {
          g_assert_null (found);
          found = controller;
        }
    }
  g_assert_nonnull (found);
  return found;
}

/* @keyval as @widget's controller @name takes it; whether it did. */
static gboolean
press_key (GtkWidget  *widget,
           const char *name,
           guint       keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (named_controller (widget, name), "key-pressed", keyval, 0, 0, &handled);
  return handled;
}

/* The Delete key as the library takes it: in the capture phase, ahead of
 * the search's key capture (which swallowed it when it was a binding). */
static gboolean
press_delete (AdwDialog *dialog)
{
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (named_controller (GTK_WIDGET (dialog),
                                                                                "byline-drafts-delete-key")),
                   ==, GTK_PHASE_CAPTURE);
  return press_key (GTK_WIDGET (dialog), "byline-drafts-delete-key", GDK_KEY_Delete);
}

/* The drafts library: the stories on disk listed, a search without the
 * diacritics, a delete that a toast undoes (and the same by keyboard: Delete,
 * Ctrl+Z), and a story opened from it. */
static void
test_drafts_library (Fixture       *f,
                     gconstpointer  data)
{
  const char *headlines[] = { "Mưa lũ ở Nậm Nhùn", "Đường lên Sìn Hồ", "Chợ phiên Tam Đường" };
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *road_id = NULL;
  AdwDialog *dialog;
  GtkListBox *list;
  GtkWidget *search, *delete, *undo;
  GtkListBoxRow *row;

  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    {
      g_autofree char *id = save_draft (f, headlines[i]);

      if (i == 1)
        road_id = g_steal_pointer (&id);
    }

  dialog = open_library (f);
  list = byline_drafts_dialog_get_list (BYLINE_DRAFTS_DIALOG (dialog));
  /* The three saved; the window's new story is not on disk until it is written in. */
  g_assert_cmpuint (count_visible_rows (list), ==, 3);

  /* Typed without its diacritics, "duong" finds both roads, "sin ho" one.
   * The search has the keyboard from the start: a space typed there is not
   * a press of the first button (New Story). */
  search = byline_ui_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_focus_in, search, 5000));
  search_for (search, list, "duong", 2);
  search_for (search, list, "sin ho", 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (visible_row (list, 0))), ==, headlines[1]);
  search_for (search, list, "", 3);

  /* Deleted: gone from the list and from the store, until Undo brings it back. */
  row = row_titled (list, headlines[1]);
  delete = byline_ui_test_find_button (GTK_WIDGET (row), NULL);
  g_assert_nonnull (delete);
  g_signal_emit_by_name (delete, "clicked");
  byline_ui_test_wait (300);
  g_assert_null (row_titled (list, headlines[1]));
  g_assert_false (byline_draft_store_contains (f->store, road_id));
  undo = byline_ui_test_find_button (GTK_WIDGET (dialog), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  byline_ui_test_wait (300);
  g_assert_nonnull (row_titled (list, headlines[1]));
  g_assert_true (byline_draft_store_contains (f->store, road_id));
  listed = byline_draft_store_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);

  /* By keyboard: Down from the search goes to the drafts found; Delete on a
   * row deletes its draft and the keyboard goes to the row in its place;
   * Ctrl+Z brings the draft back, its row under the keyboard, once. */
  adw_dialog_set_focus (dialog, search);
  g_assert_true (press_key (search, "byline-drafts-search-down", GDK_KEY_Down));
  g_assert_true (adw_dialog_get_focus (dialog) == GTK_WIDGET (visible_row (list, 0)));
  row = row_titled (list, headlines[1]);
  adw_dialog_set_focus (dialog, GTK_WIDGET (row));
  g_assert_true (press_delete (dialog));
  g_assert_null (row_titled (list, headlines[1]));
  g_assert_false (byline_draft_store_contains (f->store, road_id));
  g_assert_true (GTK_IS_LIST_BOX_ROW (adw_dialog_get_focus (dialog)));
  g_assert_true (gtk_widget_get_parent (adw_dialog_get_focus (dialog)) == GTK_WIDGET (list));
  g_assert_true (byline_ui_test_press_shortcut (GTK_WIDGET (dialog), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_nonnull (row_titled (list, headlines[1]));
  g_assert_true (adw_dialog_get_focus (dialog) == GTK_WIDGET (row_titled (list, headlines[1])));
  g_assert_true (byline_draft_store_contains (f->store, road_id));
  g_assert_false (byline_ui_test_press_shortcut (GTK_WIDGET (dialog), GDK_KEY_z, GDK_CONTROL_MASK));
  /* The keyboard in the search: Delete is the search's, no draft goes. */
  adw_dialog_set_focus (dialog, search);
  g_assert_false (press_delete (dialog));
  g_assert_cmpuint (count_visible_rows (list), ==, 3);

  /* Chosen, it opens in the window and the library closes. */
  g_signal_emit_by_name (list, "row-activated", row_titled (list, headlines[1]));
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_no_dialog, f->window, 5000));
  g_assert_cmpstr (byline_article_get_id (article (f)), ==, road_id);
  {
    BylineArticleEditor *editor = byline_window_get_editor (f->window);
    g_autofree char *shown = byline_ui_test_view_text (byline_article_editor_get_headline_view (editor));

    g_assert_cmpstr (shown, ==, headlines[1]);
  }
}

static const char *
row_title (GtkListBoxRow *row)
{
  return row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

/* A year of drafts: rows for the newest fifty and a "Show More" row, which
 * brings the next fifty (a row for each of 2,000 drafts took 3.5 s to show); the search still finds the oldest draft, and a
 * search cleared starts from fifty again. */
static void
test_drafts_library_many (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *oldest_id = NULL;
  AdwDialog *dialog;
  GtkListBox *list;
  GtkWidget *search;

  oldest_id = save_draft (f, "Đường lên Sìn Hồ");
  for (guint i = 1; i <= 120; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Bản tin số %03u", i);

      g_free (save_draft (f, headline));
    }

  dialog = open_library (f);
  list = byline_drafts_dialog_get_list (BYLINE_DRAFTS_DIALOG (dialog));
  search = byline_ui_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY);

  /* (Saved within the same seconds, their order among themselves is the ids'.) */
  g_assert_cmpuint (count_visible_rows (list), ==, 51);
  g_assert_false (ADW_IS_BUTTON_ROW (visible_row (list, 49)));
  g_assert_true (ADW_IS_BUTTON_ROW (visible_row (list, 50)));
  g_assert_cmpstr (row_title (visible_row (list, 50)), ==, "Show 50 More Drafts");

  g_signal_emit_by_name (list, "row-activated", visible_row (list, 50));
  g_assert_cmpuint (count_visible_rows (list), ==, 101);
  g_assert_false (ADW_IS_BUTTON_ROW (visible_row (list, 99)));
  g_assert_cmpstr (row_title (visible_row (list, 100)), ==, "Show 21 More Drafts");
  {
    g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < 100; i++)
      g_assert_true (g_hash_table_add (titles, (gpointer) row_title (visible_row (list, i))));
  }
  /* Still open: "Show More" is not a draft. */
  g_assert_true (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window)) == dialog);

  /* The oldest, by its name without diacritics, and Enter opens it. */
  search_for (search, list, "duong len", 1);
  g_assert_cmpstr (row_title (visible_row (list, 0)), ==, "Đường lên Sìn Hồ");
  search_for (search, list, "", 51);
  search_for (search, list, "ban tin so 00", 9);
  g_assert_false (ADW_IS_BUTTON_ROW (visible_row (list, 8)));
  search_for (search, list, "duong len", 1);
  g_signal_emit_by_name (search, "activate");
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_no_dialog, f->window, 5000));
  g_assert_cmpstr (byline_article_get_id (article (f)), ==, oldest_id);
}

static gboolean
page_is (gpointer data)
{
  AdwNavigationView *navigation = g_object_get_data (data, "navigation");
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (navigation);

  return page != NULL && g_strcmp0 (adw_navigation_page_get_tag (page), g_object_get_data (data, "want")) == 0;
}

static gboolean
captures_keys (gpointer search)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (search, BYLINE_TYPE_DRAFTS_DIALOG);

  return gtk_search_entry_get_key_capture_widget (search) == dialog;
}

/* Deleted, a draft waits on the "Deleted Drafts" page, with when it was
 * deleted and how long it is kept, until Restore brings it back: the toast's
 * Undo is gone in seconds. */
static void
test_restore_from_trash (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *road_id = NULL;
  AdwDialog *dialog;
  GtkListBox *list, *trash;
  GtkWidget *delete, *restore, *navigation, *search;
  const char *subtitle;

  g_free (save_draft (f, "Chợ phiên Tam Đường"));
  road_id = save_draft (f, "Đường lên Sìn Hồ");
  dialog = open_library (f);
  list = byline_drafts_dialog_get_list (BYLINE_DRAFTS_DIALOG (dialog));
  trash = byline_drafts_dialog_get_trash_list (BYLINE_DRAFTS_DIALOG (dialog));
  navigation = byline_ui_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_NAVIGATION_VIEW);
  g_object_set_data (G_OBJECT (dialog), "navigation", navigation);

  /* Deleted from the list, and the toast let go. */
  delete = byline_ui_test_find_button (GTK_WIDGET (row_titled (list, "Đường lên Sìn Hồ")), NULL);
  g_signal_emit_by_name (delete, "clicked");
  byline_ui_test_wait (200);
  g_assert_null (row_titled (list, "Đường lên Sìn Hồ"));
  g_assert_false (byline_draft_store_contains (f->store, road_id));

  /* On the "Deleted Drafts" page. */
  g_signal_emit_by_name (byline_ui_test_find_button (GTK_WIDGET (dialog), "Deleted Drafts"), "clicked");
  g_object_set_data (G_OBJECT (dialog), "want", (gpointer) "trash");
  g_assert_true (byline_ui_test_wait_until (page_is, dialog, 5000));
  g_assert_cmpuint (count_visible_rows (trash), ==, 1);
  g_assert_nonnull (row_titled (trash, "Đường lên Sìn Hồ"));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row_titled (trash, "Đường lên Sìn Hồ")));
  {
    g_autoptr(GPtrArray) deleted = byline_draft_store_list_trash (f->store, NULL);
    GDateTime *when = ((BylineDraftSummary *) g_ptr_array_index (deleted, 0))->deleted;
    g_autofree char *time = byline_format_date (when, BYLINE_DATE_FORMAT_TIME, NULL);
    g_autofree char *expected = g_strdup_printf ("Deleted: Today, %s · Kept 30 more days", time);

    /* The time as every date in the app says it (12-hour in US English). */
    g_assert_cmpstr (subtitle, ==, expected);
  }

  /* Restored: back in the store and in the list, and the trash empty. */
  restore = byline_ui_test_find_button (GTK_WIDGET (trash), "_Restore");
  g_assert_nonnull (restore);
  g_signal_emit_by_name (restore, "clicked");
  byline_ui_test_wait (200);
  g_assert_true (byline_draft_store_contains (f->store, road_id));
  g_assert_cmpuint (count_visible_rows (trash), ==, 0);
  g_assert_nonnull (byline_ui_test_find_label (GTK_WIDGET (dialog), "No Deleted Drafts"));
  g_assert_nonnull (byline_ui_test_find_label (GTK_WIDGET (dialog), "Deleted drafts are kept here for 30 days"));
  g_assert_nonnull (row_titled (list, "Đường lên Sìn Hồ"));

  /* Back on the drafts, typing searches them again (not before: typing on
   * the trash's page is not a search of the drafts). */
  search = byline_ui_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY);
  g_assert_null (gtk_search_entry_get_key_capture_widget (GTK_SEARCH_ENTRY (search)));
  adw_navigation_view_pop (ADW_NAVIGATION_VIEW (navigation));
  g_object_set_data (G_OBJECT (dialog), "want", (gpointer) "drafts");
  g_assert_true (byline_ui_test_wait_until (page_is, dialog, 5000));
  g_assert_true (byline_ui_test_wait_until (captures_keys, search, 5000));
}

/* Answers the Empty button's question with @response; the question's body. */
static char *
empty_trash (AdwDialog  *library,
             Fixture    *f,
             const char *response)
{
  GtkWidget *empty = byline_ui_test_find_button (GTK_WIDGET (library), "_Empty");
  AdwDialog *alert;
  char *body;

  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_is_sensitive (empty));
  g_signal_emit_by_name (empty, "clicked");
  byline_ui_test_wait (200);
  alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  g_assert_true (ADW_IS_ALERT_DIALOG (alert));
  g_assert_cmpint (adw_alert_dialog_get_response_appearance (ADW_ALERT_DIALOG (alert), "empty"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  body = g_strdup (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)));
  g_signal_emit_by_name (alert, "response", response);
  adw_dialog_force_close (alert);
  byline_ui_test_wait (200);
  return body;
}

/* Empty removes the deleted drafts for good, once asked, and nothing else. */
static void
test_empty_trash (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *kept = save_draft (f, "Chợ phiên Tam Đường");
  g_autofree char *first = save_draft (f, "Đường lên Sìn Hồ");
  g_autofree char *second = save_draft (f, "Mưa lũ ở Nậm Nhùn");
  g_autofree char *body = NULL;
  g_autoptr(GPtrArray) trash = NULL;
  g_autoptr(GError) error = NULL;
  AdwDialog *dialog;

  g_assert_true (byline_draft_store_delete (f->store, first, &error));
  g_assert_true (byline_draft_store_delete (f->store, second, &error));
  g_assert_no_error (error);
  dialog = open_library (f);
  g_signal_emit_by_name (byline_ui_test_find_button (GTK_WIDGET (dialog), "Deleted Drafts"), "clicked");
  byline_ui_test_wait (400);
  g_assert_cmpuint (count_visible_rows (byline_drafts_dialog_get_trash_list (BYLINE_DRAFTS_DIALOG (dialog))), ==, 2);

  /* Cancelled: nothing removed. */
  body = empty_trash (dialog, f, "cancel");
  g_assert_cmpstr (body, ==, "The 2 deleted drafts and their pictures cannot be brought back.");
  trash = byline_draft_store_list_trash (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trash->len, ==, 2);
  g_clear_pointer (&trash, g_ptr_array_unref);

  /* Confirmed: the trash is empty, the page says so, and the draft that was
   * not deleted is still there. */
  g_clear_pointer (&body, g_free);
  body = empty_trash (dialog, f, "empty");
  trash = byline_draft_store_list_trash (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trash->len, ==, 0);
  g_assert_cmpuint (count_visible_rows (byline_drafts_dialog_get_trash_list (BYLINE_DRAFTS_DIALOG (dialog))), ==, 0);
  g_assert_nonnull (byline_ui_test_find_label (GTK_WIDGET (dialog), "No Deleted Drafts"));
  g_assert_false (gtk_widget_is_sensitive (byline_ui_test_find_button (GTK_WIDGET (dialog), "_Empty")));
  g_assert_true (byline_draft_store_contains (f->store, kept));
}

/* A big clean-up: the Deleted Drafts page shows them fifty at a time too. */
static void
test_trash_pages (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AdwDialog *dialog;
  GtkListBox *trash;

  for (guint i = 0; i < 55; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Bản tin số %03u", i);
      g_autofree char *id = save_draft (f, headline);

      g_assert_true (byline_draft_store_delete (f->store, id, &error));
      g_assert_no_error (error);
    }
  dialog = open_library (f);
  trash = byline_drafts_dialog_get_trash_list (BYLINE_DRAFTS_DIALOG (dialog));
  g_signal_emit_by_name (byline_ui_test_find_button (GTK_WIDGET (dialog), "Deleted Drafts"), "clicked");
  byline_ui_test_wait (400);
  g_assert_cmpuint (count_visible_rows (trash), ==, 51);
  g_assert_true (ADW_IS_BUTTON_ROW (visible_row (trash, 50)));
  g_assert_cmpstr (row_title (visible_row (trash, 50)), ==, "Show 5 More Drafts");
  /* Empty counts them all, not the rows shown (it said 51). */
  {
    g_autofree char *body = empty_trash (dialog, f, "cancel");

    g_assert_cmpstr (body, ==, "The 55 deleted drafts and their pictures cannot be brought back.");
  }
  g_signal_emit_by_name (trash, "row-activated", visible_row (trash, 50));
  g_assert_cmpuint (count_visible_rows (trash), ==, 55);
  g_assert_false (ADW_IS_BUTTON_ROW (visible_row (trash, 54)));
  /* A draft's row does nothing when activated: Restore is its button. */
  g_signal_emit_by_name (trash, "row-activated", visible_row (trash, 0));
  g_assert_cmpuint (count_visible_rows (trash), ==, 55);
}

/* A draft whose file was damaged (a disk that failed, a copy cut short) is
 * listed under its last saved version's headline; activated, it offers to
 * open that version, and does, the damaged file kept beside it.  It was an
 * "Untitled Story" that nothing could open. */
static void
test_damaged_draft (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = save_draft (f, "Mưa lũ ở Nậm Nhùn");
  g_autoptr(GFile) folder = byline_draft_store_get_draft_folder (f->store, id);
  g_autoptr(GFile) file = g_file_get_child (folder, "draft.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  gboolean kept_aside = FALSE;
  AdwDialog *dialog, *alert;
  GtkListBox *list;
  GtkListBoxRow *row;

  g_assert_true (g_file_replace_contents (file, "{\"format\": \"byline-draft\", \"hea", 31, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);

  dialog = open_library (f);
  list = byline_drafts_dialog_get_list (BYLINE_DRAFTS_DIALOG (dialog));
  row = row_titled (list, "Mưa lũ ở Nậm Nhùn");
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Damaged"));
  /* The search finds it by that headline too. */
  search_for (byline_ui_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY), list, "nam nhun", 1);

  g_signal_emit_by_name (list, "row-activated", row);
  byline_ui_test_wait (200);
  alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  g_assert_true (ADW_IS_ALERT_DIALOG (alert));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)), "“Mưa lũ ở Nậm Nhùn” is damaged"));
  g_signal_emit_by_name (alert, "response", "open");
  adw_dialog_force_close (alert);
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_no_dialog, f->window, 5000));

  /* The window edits it, and it reads again from disk. */
  g_assert_cmpstr (byline_article_get_id (article (f)), ==, id);
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Mưa lũ ở Nậm Nhùn");
  {
    g_autoptr(BylineArticle) loaded = byline_draft_store_load (f->store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (byline_article_get_headline (loaded), ==, "Mưa lũ ở Nậm Nhùn");
  }
  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      kept_aside |= g_str_has_prefix (g_file_info_get_name (info), "draft.json.damaged-");
      g_object_unref (info);
    }
  g_assert_true (kept_aside);
}

/* In a narrow window the library is a bottom sheet, made when the dialog
 * first finds out its size: the search has the keyboard there too, not the
 * header bar's New Story. */
static void
test_drafts_library_narrow (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *id = save_draft (f, "Mưa lũ ở Nậm Nhùn");
  AdwDialog *dialog;
  GtkWidget *search;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  byline_ui_test_wait (400);
  dialog = open_library (f);
  byline_ui_test_wait (600);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dialog), "bottom-sheet"));
  search = byline_ui_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (byline_widget_has_keyboard (search));
}

int
main (int   argc,
      char *argv[])
{
  byline_ui_test_init (&argc, &argv);

  byline_ui_test_add_window_test ("/ui/drafts-library/list-search-delete-open", test_drafts_library);
  byline_ui_test_add_window_test ("/ui/drafts-library/narrow", test_drafts_library_narrow);
  byline_ui_test_add_window_test ("/ui/drafts-library/damaged", test_damaged_draft);
  byline_ui_test_add_window_test ("/ui/drafts-library/many", test_drafts_library_many);
  byline_ui_test_add_window_test ("/ui/drafts-library/restore-from-trash", test_restore_from_trash);
  byline_ui_test_add_window_test ("/ui/drafts-library/empty-trash", test_empty_trash);
  byline_ui_test_add_window_test ("/ui/drafts-library/trash-pages", test_trash_pages);

  return g_test_run ();
}
