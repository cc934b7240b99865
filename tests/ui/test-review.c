/* test-review.c — the editors' desk in the window, through its widgets
 *
 * Two people on the reference Newsroom server (in process, on loopback),
 * each with a window, a draft store and an account whose token is in a
 * private keyring: the reporter submits a story; the editor's window shows
 * the Review Queue button, the queue lists the story, Open downloads it into
 * a local draft shown with the review bar, and Return to Reporter… sends it
 * back with a note.  The reporter's window then shows the returned banner
 * with the note, and Show Changes the editor's words struck out and added.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "byline-test-utils.h"
#include "publish-test-utils.h"
#include "ui-test-utils.h"
#include "byline-changes-dialog.h"
#include "byline-merge-dialog.h"
#include "byline-document.h"
#include "byline-publisher.h"
#include "byline-review-button.h"
#include "byline-review-dialog.h"
#include "byline-window.h"
#include "byline-window-review.h"
#include "byline-newsroom-destination.h"
#include "byline-widget-util.h"
#include "byline-article-editor.h"
#include "byline-body-view.h"
#include "byline-metadata-sidebar.h"

#define REPORTER_ACCOUNT "Toà soạn Lai Châu — phóng viên"
#define EDITOR_ACCOUNT   "Toà soạn Lai Châu — biên tập"
#define HEADLINE         "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản"
#define EDITOR_HEADLINE  "Nậm Nhùn: sạt lở chia cắt nhiều bản sau mưa lũ"
#define NOTE             "Em kiểm tra lại số hộ phải sơ tán với Ban Chỉ huy nhé."

typedef struct
{
  BylineDraftStore *store;
  BylinePublisher  *publisher;
  BylineWindow     *window;
  char             *account_name;
} Person;

typedef struct
{
  BylineNewsroomServer *server;
  Person                reporter;
  Person                editor;
  GFile                *media;
} Fixture;

static void
person_start_with (Person        *person,
                   const char    *who,
                   BylineAccount *account,
                   const char    *token)
{
  g_autofree char *drafts_name = g_strconcat (who, "-drafts", NULL);
  g_autofree char *config_name = g_strconcat (who, "-config", NULL);
  g_autoptr(GFile) drafts = byline_test_make_folder (drafts_name);
  g_autoptr(GFile) config = byline_test_make_folder (config_name);
  g_autoptr(GFile) file = g_file_get_child (config, "accounts.ini");
  g_autoptr(BylineAccounts) accounts = byline_accounts_new (file);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* The account and its token (into the keyring) before the program starts. */
  byline_accounts_save_async (accounts, account, token, NULL, byline_test_got_result, &result);
  g_assert_true (byline_accounts_save_finish (accounts, byline_test_wait (&result), &error));
  g_assert_no_error (error);

  person->account_name = g_strdup (byline_account_get_name (account));
  person->store = byline_draft_store_new (drafts);
  person->publisher = byline_publisher_new (person->store, file, NULL);
  g_assert_true (byline_publisher_start (person->publisher, &error));
  g_assert_no_error (error);
  person->window = byline_window_new (NULL, person->store);
  byline_window_set_publisher (person->window, person->publisher);
  g_assert_true (byline_window_new_draft (person->window, NULL));
  gtk_window_set_default_size (GTK_WINDOW (person->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (person->window));
}

static void
person_start (Person     *person,
              Fixture    *f,
              const char *who,
              const char *account_name,
              const char *token)
{
  g_autoptr(BylineAccount) account = byline_account_new (account_name, BYLINE_ACCOUNT_NEWSROOM,
                                                         byline_newsroom_server_get_url (f->server), NULL);

  person_start_with (person, who, account, token);
}

static void
person_stop (Person *person)
{
  if (person->window != NULL)
    gtk_window_destroy (GTK_WINDOW (person->window));
  if (person->publisher != NULL)
    byline_publisher_stop (person->publisher);
  g_clear_object (&person->publisher);
  g_clear_object (&person->store);
  g_clear_pointer (&person->account_name, g_free);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = byline_test_newsroom_server_new ();
  f->media = byline_test_make_folder ("photos");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  person_stop (&f->reporter);
  person_stop (&f->editor);
  g_clear_object (&f->server);
  g_clear_object (&f->media);
  byline_ui_test_wait (50);
}

/* ---------------------------------------------------------------- helpers */

static gboolean
has_review_account (gpointer data)
{
  return byline_window_get_n_review_accounts (data) == 1;
}

static void
wait_for_review_account (Person *person)
{
  g_assert_true (byline_ui_test_wait_until (has_review_account, person->window, 10000));
}

typedef struct
{
  BylineWindow *window;
  const char   *text;
} BadgeWait;

static gboolean
badge_is (gpointer data)
{
  BadgeWait *wait = data;

  return g_strcmp0 (byline_review_button_get_badge_text (BYLINE_REVIEW_BUTTON (byline_window_get_review_button (wait->window))),
                    wait->text) == 0;
}

static gboolean
queue_listed (gpointer data)
{
  BylineReviewQueue *queue = byline_review_dialog_get_queue (data);

  return queue != NULL && !byline_review_queue_get_loading (queue)
         && g_list_model_get_n_items (G_LIST_MODEL (queue)) > 0;
}

typedef struct
{
  BylineWindow *window;
  const char   *id;
} ShownWait;

static gboolean
draft_shown (gpointer data)
{
  ShownWait *wait = data;
  BylineDocument *document = byline_window_get_document (wait->window);

  return document != NULL && g_strcmp0 (byline_document_get_id (document), wait->id) == 0;
}

typedef struct
{
  BylineNewsroomServer *server;
  const char           *id;
  const char           *status;
} ServerWait;

static gboolean
server_has_status (gpointer data)
{
  ServerWait *wait = data;
  g_autofree char *status = NULL;
  g_autoptr(GBytes) item = byline_newsroom_server_get_item (wait->server, wait->id, NULL, &status);

  return item != NULL && g_strcmp0 (status, wait->status) == 0;
}

/* The first row of the queue: its title, subtitle and Open button. */
static AdwActionRow *
first_row (BylineReviewDialog *dialog)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (byline_review_dialog_get_list (dialog), 0);

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  return ADW_ACTION_ROW (row);
}

/* Opens story @id from @person's queue of @status, by its row's Open button. */
static void
open_from_queue_with_note (Person       *person,
                           const char   *id,
                           BylineStatus  status,
                           const char   *headline,
                           const char   *note)
{
  AdwDialog *dialog;
  AdwActionRow *row;
  GtkWidget *open;
  ShownWait shown = { person->window, id };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (person->window), "win.review-queue", NULL));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (person->window));
  g_assert_true (BYLINE_IS_REVIEW_DIALOG (dialog));
  /* (Someone with both roles sees the stories waiting for review first.) */
  g_assert_true (byline_review_dialog_show (BYLINE_REVIEW_DIALOG (dialog), person->account_name, status));
  g_assert_true (byline_ui_test_wait_until (queue_listed, dialog, 15000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (byline_review_dialog_get_queue (BYLINE_REVIEW_DIALOG (dialog)))),
                    ==, 1);
  g_assert_cmpint (byline_review_queue_get_status (byline_review_dialog_get_queue (BYLINE_REVIEW_DIALOG (dialog))), ==,
                   status);

  row = first_row (BYLINE_REVIEW_DIALOG (dialog));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, headline);
  /* The keyboard is on the first story, where Enter opens it. */
  g_assert_true (adw_dialog_get_focus (dialog) == GTK_WIDGET (row));
  g_test_message ("Queue row: %s — %s", headline, adw_action_row_get_subtitle (row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Nguyễn Thị Hương"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Xã hội"));
  /* "240 words" is kept on one line: a no-break space. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "\u00a0words"));
  g_assert_nonnull (byline_ui_test_find_button (GTK_WIDGET (row), "_Open"));
  /* The note it came with, on a line of its own, before one opens it. */
  if (note != NULL)
    {
      g_autofree char *line = g_strconcat ("\nNote: ", note, NULL);

      g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (row), line));
    }
  else
    g_assert_null (strstr (adw_action_row_get_subtitle (row), "Note:"));

  open = byline_ui_test_find_button (GTK_WIDGET (row), "_Open");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (open)));
  g_signal_emit_by_name (open, "clicked");
  /* Downloading: the other Open buttons wait. */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (open)));
  g_assert_true (byline_ui_test_wait_until (draft_shown, &shown, 15000));
  /* (The story may be shown already: the reporter's own.) */
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_no_dialog, person->window, 15000));
  byline_ui_test_wait (100);
  /* The keyboard is in the story's text, as after opening a draft (it was
   * left on the Review Queue button, where a space typed opened the queue
   * again and the next one opened another story). */
  g_assert_true (byline_widget_has_keyboard (GTK_WIDGET (byline_article_editor_get_body_view (byline_window_get_editor (person->window)))));
}

static void
open_from_queue (Person       *person,
                 const char   *id,
                 BylineStatus  status,
                 const char   *headline)
{
  open_from_queue_with_note (person, id, status, headline, NULL);
}

static gboolean
review_bar_narrow (gpointer data)
{
  BylineWindow *window = data;
  GtkWidget *bar = GTK_WIDGET (byline_window_get_review_bar (window));

  return gtk_widget_get_width (GTK_WIDGET (window)) <= 360
         && gtk_widget_get_mapped (byline_ui_test_find_button (bar, "_Publish"))
         && !gtk_widget_get_mapped (byline_ui_test_find_button (bar, "S_chedule…"));
}

static gboolean
review_bar_wide (gpointer data)
{
  BylineWindow *window = data;

  return gtk_widget_get_mapped (byline_ui_test_find_button (GTK_WIDGET (byline_window_get_review_bar (window)),
                                                            "S_chedule…"));
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      GMenuModel *section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_action (section, action))
        {
          g_object_unref (section);
          return TRUE;
        }
      g_clear_object (&section);
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
    }
  return FALSE;
}

/* In a 360 px window the review bar fits: Publish, and the other two in a
 * menu.  Its three buttons took 420 px in Vietnamese and pushed the whole
 * window wider than the screen. */
static void
check_review_bar_narrow (BylineWindow *window)
{
  GtkWidget *bar = GTK_WIDGET (byline_window_get_review_bar (window));
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  GtkWidget *more = byline_ui_test_find_descendant (bar, GTK_TYPE_MENU_BUTTON);
  int min = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  g_assert_true (byline_ui_test_wait_until (review_bar_narrow, window, 10000));
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("the window needs %d px", min);
  g_assert_cmpint (min, <=, 350);
  g_assert_nonnull (more);
  g_assert_true (gtk_widget_get_mapped (more));
  g_assert_true (gtk_widget_get_sensitive (more));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (more)), "win.review-return"));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (more)), "win.review-schedule"));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (byline_ui_test_wait_until (review_bar_wide, window, 10000));
  g_assert_false (gtk_widget_get_mapped (more));
}

/* ------------------------------------------------------------------ test */

static void
test_return_with_note (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BylineArticle) story = byline_test_make_article (f->media);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  BylineReviewSendOptions submit = { .status = BYLINE_STATUS_SUBMITTED };
  BylineDestination *destination;
  ServerWait returned;
  AdwDialog *dialog;
  GtkWidget *note_view;
  GtkActionBar *bar;
  AdwBanner *banner;
  GtkTextBuffer *buffer;
  GtkTextIter start, end, at;
  g_autofree char *text = NULL;
  const char *id = byline_article_get_id (story);

  person_start (&f->reporter, f, "reporter", REPORTER_ACCOUNT, BYLINE_TEST_REPORTER_TOKEN);
  person_start (&f->editor, f, "editor", EDITOR_ACCOUNT, BYLINE_TEST_EDITOR_TOKEN);
  wait_for_review_account (&f->reporter);
  wait_for_review_account (&f->editor);

  /* Only the editor has the Review Queue button; both have the queue. */
  g_assert_true (gtk_widget_get_visible (byline_window_get_review_button (f->editor.window)));
  g_assert_false (gtk_widget_get_visible (byline_window_get_review_button (f->reporter.window)));

  /* The reporter's story, submitted. */
  byline_article_set_status (story, BYLINE_STATUS_DRAFT);
  byline_article_set_editor_note (story, NULL);
  byline_article_set_publish_time (story, NULL);
  g_assert_true (byline_draft_store_save (f->reporter.store, story, &error));
  g_assert_no_error (error);
  destination = byline_window_get_review_destination (f->reporter.window);
  g_assert_null (destination);
  {
    g_autoptr(BylineDestination) reporter = byline_newsroom_destination_new (REPORTER_ACCOUNT,
                                                                            byline_newsroom_server_get_url (f->server),
                                                                            BYLINE_TEST_REPORTER_TOKEN, &error);

    g_assert_no_error (error);
    byline_review_send_async (f->reporter.store, reporter, id, &submit, NULL, byline_test_got_result, &result);
    receipt = byline_review_send_finish (f->reporter.store, byline_test_wait (&result), NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (receipt);
  }

  /* The editor opens it from the queue: the review bar offers what an editor may do. */
  open_from_queue (&f->editor, id, BYLINE_STATUS_SUBMITTED, HEADLINE);
  /* The queue read, the Review Queue button counts what waits (its round
   * is an hour away here), and says so. */
  {
    BadgeWait one = { f->editor.window, "1" };
    GtkWidget *button = byline_window_get_review_button (f->editor.window);

    g_assert_true (byline_ui_test_wait_until (badge_is, &one, 10000));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Review Queue (Ctrl+Shift+R): 1 story waiting");
  }
  bar = byline_window_get_review_bar (f->editor.window);
  g_assert_true (gtk_action_bar_get_revealed (bar));
  g_assert_true (byline_window_get_review_destination (f->editor.window) != NULL);
  g_assert_cmpstr (byline_destination_get_name (byline_window_get_review_destination (f->editor.window)), ==,
                   EDITOR_ACCOUNT);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (byline_ui_test_find_button (GTK_WIDGET (bar), "_Publish"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (byline_ui_test_find_button (GTK_WIDGET (bar), "_Return to Reporter…"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (byline_ui_test_find_button (GTK_WIDGET (bar), "S_chedule…"))));
  check_review_bar_narrow (f->editor.window);
  g_assert_cmpuint (byline_article_get_n_images (byline_document_get_article (byline_window_get_document (f->editor.window))),
                    ==, 2);
  g_assert_false (adw_banner_get_revealed (byline_window_get_review_banner (f->editor.window)));

  /* … edits the headline and returns the story with a note. */
  byline_article_set_headline (byline_document_get_article (byline_window_get_document (f->editor.window)),
                               EDITOR_HEADLINE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor.window), "win.review-return", NULL));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->editor.window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  note_view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog))));
  g_assert_true (GTK_IS_TEXT_VIEW (note_view));
  byline_ui_test_type (GTK_TEXT_VIEW (note_view), NOTE);
  g_signal_emit_by_name (dialog, "response::return", "return");
  adw_dialog_force_close (dialog);

  returned = (ServerWait) { f->server, id, "returned" };
  g_assert_true (byline_ui_test_wait_until (server_has_status, &returned, 15000));
  byline_ui_test_wait (200);
  g_assert_false (gtk_action_bar_get_revealed (bar));
  /* The editor's own window does not call the story returned to them. */
  g_assert_false (adw_banner_get_revealed (byline_window_get_review_banner (f->editor.window)));
  /* Nothing waits any more: the count goes at once, not at the next round. */
  {
    BadgeWait none = { f->editor.window, "" };

    g_assert_true (byline_ui_test_wait_until (badge_is, &none, 5000));
  }
  g_assert_cmpint (byline_article_get_status (byline_document_get_article (byline_window_get_document (f->editor.window))),
                   ==, BYLINE_STATUS_RETURNED);
  /* The toast takes the editor on to the next story: the queue. */
  {
    GtkWidget *next = byline_ui_test_find_button (GTK_WIDGET (f->editor.window), "_Review Queue…");
    AdwDialog *queue;

    g_assert_nonnull (next);
    g_signal_emit_by_name (next, "clicked");
    queue = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->editor.window));
    g_assert_true (BYLINE_IS_REVIEW_DIALOG (queue));
    adw_dialog_force_close (queue);
    byline_ui_test_wait (100);
  }

  /* The reporter: "Returned to You" (a reporter has no other list), the banner with the note. */
  open_from_queue_with_note (&f->reporter, id, BYLINE_STATUS_RETURNED, EDITOR_HEADLINE, NOTE);
  banner = byline_window_get_review_banner (f->reporter.window);
  g_assert_true (adw_banner_get_revealed (banner));
  g_test_message ("Banner: %s", adw_banner_get_title (banner));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), NOTE));
  g_assert_false (gtk_action_bar_get_revealed (byline_window_get_review_bar (f->reporter.window)));
  g_assert_cmpstr (adw_banner_get_button_label (banner), ==, "Show _Changes");

  /* Show Changes: the editor's words, struck out and added. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->reporter.window), "win.review-changes", NULL));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->reporter.window));
  g_assert_true (BYLINE_IS_CHANGES_DIALOG (dialog));
  buffer = gtk_text_view_get_buffer (byline_changes_dialog_get_view (BYLINE_CHANGES_DIALOG (dialog)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_test_message ("Changes:\n%s", text);
  g_assert_nonnull (strstr (text, "Headline, changed\n"));
  g_assert_null (strstr (text, "[-"));
  g_assert_null (strstr (text, "{+"));
  /* "sau mưa lũ" came at the end of the headline; "gây" went. */
  g_assert_true (gtk_text_iter_forward_search (&start, "sau mưa lũ", 0, &at, NULL, NULL));
  g_assert_true (gtk_text_iter_has_tag (&at, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                         "added")));
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "gây", 0, &at, NULL, NULL));
  g_assert_true (gtk_text_iter_has_tag (&at, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                         "removed")));
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "Nậm Nhùn:", 0, &at, NULL, NULL));
  g_assert_false (gtk_text_iter_has_tag (&at, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                          "removed")));
  adw_dialog_force_close (dialog);

  /* The reporter submits again: the banner goes. */
  byline_article_set_status (byline_document_get_article (byline_window_get_document (f->reporter.window)),
                             BYLINE_STATUS_SUBMITTED);
  byline_ui_test_wait (50);
  g_assert_false (adw_banner_get_revealed (banner));
}

#define REPORTER_NOTE "Ảnh 2 em bổ sung nguồn sau; số hộ đã xác minh với xã."
#define REPLY_NOTE    "Em đã hỏi lại Ban Chỉ huy: 137 hộ."
#define FIXED_LEAD    "Mưa lớn kéo dài đã buộc chính quyền sơ tán 137 hộ dân."

static gboolean
banner_hidden (gpointer data)
{
  return !adw_banner_get_revealed (data);
}

static GtkTextView *
note_field_of (AdwDialog *dialog)
{
  GtkTextView *view = byline_note_dialog_get_view (dialog);

  g_assert_true (GTK_IS_TEXT_VIEW (view));
  return view;
}

/* The note the server keeps with story @id's last status change. */
static void
assert_server_note (Fixture    *f,
                    const char *id,
                    const char *expected)
{
  g_autofree char *note = byline_newsroom_server_dup_note (f->server, id);

  g_assert_cmpstr (note, ==, expected);
}

/* The note goes with the story both ways, typed in the window each time:
 * the reporter's (Details) with the submission, seen by the editor in the
 * queue and above the story; the editor's with the return, in a field of
 * its own (it was filled with the reporter's note, and Return sent that
 * back as the editor's); the reporter's reply with Submit Again, and the
 * editor sees what the reporter changed since. */
static void
test_notes_both_ways (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BylineArticle) story = byline_test_make_article (f->media);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *id = byline_article_get_id (story);
  ServerWait submitted = { f->server, id, "submitted" };
  ServerWait returned = { f->server, id, "returned" };
  BylineArticle *shown;
  AdwBanner *banner;
  AdwDialog *dialog;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  person_start (&f->reporter, f, "reporter", REPORTER_ACCOUNT, BYLINE_TEST_REPORTER_TOKEN);
  person_start (&f->editor, f, "editor", EDITOR_ACCOUNT, BYLINE_TEST_EDITOR_TOKEN);
  wait_for_review_account (&f->reporter);
  wait_for_review_account (&f->editor);

  /* The reporter writes a note in Details and submits from the window. */
  byline_article_set_status (story, BYLINE_STATUS_DRAFT);
  byline_article_set_editor_note (story, NULL);
  byline_article_set_publish_time (story, NULL);
  g_assert_true (byline_draft_store_save (f->reporter.store, story, &error));
  g_assert_no_error (error);
  g_assert_true (byline_window_open_draft (f->reporter.window, id, &error));
  g_assert_no_error (error);
  byline_ui_test_type (byline_metadata_sidebar_get_note (byline_window_get_metadata_sidebar (f->reporter.window)),
                       REPORTER_NOTE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->reporter.window), "win.send", "s", "submitted"));
  g_assert_true (byline_ui_test_wait_until (server_has_status, &submitted, 15000));
  assert_server_note (f, id, REPORTER_NOTE);

  /* The editor reads it in the queue and above the story. */
  open_from_queue_with_note (&f->editor, id, BYLINE_STATUS_SUBMITTED, HEADLINE, REPORTER_NOTE);
  banner = byline_window_get_review_banner (f->editor.window);
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_title (banner), ==, "Note with the story: " REPORTER_NOTE);
  /* Nothing to compare yet: no Show Changes (libadwaita keeps "" for none). */
  g_assert_cmpstr (adw_banner_get_button_label (banner), ==, "");

  /* Return: the note field starts empty, the reporter's note is above it,
   * and Return waits for a word. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor.window), "win.review-return", NULL));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->editor.window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  view = note_field_of (dialog);
  text = byline_ui_test_view_text (view);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  g_test_message ("Return dialog: %s", adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "“" REPORTER_NOTE "”"));
  g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "return"));
  byline_ui_test_type (view, "  ");
  g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "return"));
  /* Ctrl+Enter does nothing either without a note. */
  g_assert_false (byline_note_dialog_send (dialog));
  byline_ui_test_type (view, NOTE);
  g_assert_true (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "return"));
  g_signal_emit_by_name (dialog, "response::return", "return");
  adw_dialog_force_close (dialog);
  g_assert_true (byline_ui_test_wait_until (server_has_status, &returned, 15000));
  assert_server_note (f, id, NOTE);
  byline_ui_test_wait (200);
  /* The editor who returned it is not told it was returned to them. */
  g_assert_false (adw_banner_get_revealed (byline_window_get_review_banner (f->editor.window)));

  /* The reporter fixes the lead and submits again, with a reply: the
   * editor's note is shown, not sent back. */
  open_from_queue_with_note (&f->reporter, id, BYLINE_STATUS_RETURNED, HEADLINE, NOTE);
  banner = byline_window_get_review_banner (f->reporter.window);
  g_assert_cmpstr (adw_banner_get_title (banner), ==, "Returned by the editor: " NOTE);
  shown = byline_document_get_article (byline_window_get_document (f->reporter.window));
  byline_article_set_lead (shown, FIXED_LEAD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->reporter.window), "win.send", "s", "submitted"));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->reporter.window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Submit Again?");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "“" NOTE "”"));
  view = note_field_of (dialog);
  text = byline_ui_test_view_text (view);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  /* Nothing goes before the answer. */
  byline_ui_test_wait (300);
  g_assert_true (server_has_status (&returned));
  byline_ui_test_type (view, REPLY_NOTE);
  /* Ctrl+Enter in the note submits, as the Submit button does. */
  g_assert_true (byline_note_dialog_send (dialog));
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_no_dialog, f->reporter.window, 5000));
  g_assert_true (byline_ui_test_wait_until (server_has_status, &submitted, 15000));
  assert_server_note (f, id, REPLY_NOTE);
  /* Submitted: the banner goes once the outbox has noted it in the draft. */
  g_assert_true (byline_ui_test_wait_until (banner_hidden, banner, 5000));

  /* The editor: the reply above the story, and what the reporter changed. */
  open_from_queue_with_note (&f->editor, id, BYLINE_STATUS_SUBMITTED, HEADLINE, REPLY_NOTE);
  banner = byline_window_get_review_banner (f->editor.window);
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_title (banner), ==, "Note with the story: " REPLY_NOTE);
  g_assert_cmpstr (adw_banner_get_button_label (banner), ==, "Show _Changes");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor.window), "win.review-changes", NULL));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->editor.window));
  g_assert_true (BYLINE_IS_CHANGES_DIALOG (dialog));
  g_assert_cmpstr (adw_dialog_get_title (dialog), ==, "Changes by the Reporter");
  buffer = gtk_text_view_get_buffer (byline_changes_dialog_get_view (BYLINE_CHANGES_DIALOG (dialog)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_test_message ("The reporter's changes:\n%s", text);
  g_assert_nonnull (strstr (text, "Lead, changed\n"));
  g_assert_null (strstr (text, "Headline"));
  adw_dialog_force_close (dialog);
}

static gboolean
folder_has_status (gpointer data)
{
  GFile *status = data;

  return g_file_query_exists (status, NULL);
}

/* A newsroom folder gives everyone both roles: the reporter's window, too,
 * may review.  The story the editor returned still shows the reporter the
 * returned banner with the editor's note (it showed none: an editor "had
 * returned it"); the editor's own window still does not. */
static void
test_folder_returned (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BylineArticle) story = byline_test_make_article (f->media);
  g_autoptr(GFile) folder = byline_test_make_folder ("newsroom");
  g_autoptr(GFile) mark = g_file_get_child (folder, ".byline-newsroom");
  g_autoptr(BylineAccount) reporter = byline_account_new ("Tòa soạn", BYLINE_ACCOUNT_FOLDER,
                                                          g_file_peek_path (folder), NULL);
  g_autoptr(BylineAccount) editor = byline_account_new ("Tòa soạn", BYLINE_ACCOUNT_FOLDER,
                                                        g_file_peek_path (folder), NULL);
  const char *id = byline_article_get_id (story);
  g_autofree char *submitted_path = g_build_filename (g_file_peek_path (folder), "submitted", id, "status.json", NULL);
  g_autofree char *returned_path = g_build_filename (g_file_peek_path (folder), "returned", id, "status.json", NULL);
  g_autoptr(GFile) submitted = g_file_new_for_path (submitted_path);
  g_autoptr(GFile) returned = g_file_new_for_path (returned_path);
  g_autoptr(GError) error = NULL;
  AdwBanner *banner;
  AdwDialog *dialog;

  g_file_replace_contents (mark, "", 0, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  person_start_with (&f->reporter, "reporter", reporter, NULL);
  /* The editor's Review Queue button counts every second here. */
  g_setenv ("BYLINE_REVIEW_COUNT_SECONDS", "1", TRUE);
  person_start_with (&f->editor, "editor", editor, NULL);
  wait_for_review_account (&f->reporter);
  wait_for_review_account (&f->editor);
  g_setenv ("BYLINE_REVIEW_COUNT_SECONDS", "3600", TRUE);

  byline_article_set_status (story, BYLINE_STATUS_DRAFT);
  byline_article_set_editor_note (story, REPORTER_NOTE);
  g_assert_true (byline_draft_store_save (f->reporter.store, story, &error));
  g_assert_no_error (error);
  g_assert_true (byline_window_open_draft (f->reporter.window, id, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->reporter.window), "win.send", "s", "submitted"));
  g_assert_true (byline_ui_test_wait_until (folder_has_status, submitted, 15000));
  /* The editor's button counts it by itself: nobody opened the queue. */
  {
    BadgeWait one = { f->editor.window, "1" };

    g_assert_true (byline_ui_test_wait_until (badge_is, &one, 10000));
  }

  open_from_queue_with_note (&f->editor, id, BYLINE_STATUS_SUBMITTED, HEADLINE, REPORTER_NOTE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor.window), "win.review-return", NULL));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->editor.window));
  byline_ui_test_type (note_field_of (dialog), NOTE);
  g_signal_emit_by_name (dialog, "response::return", "return");
  adw_dialog_force_close (dialog);
  g_assert_true (byline_ui_test_wait_until (folder_has_status, returned, 15000));
  byline_ui_test_wait (200);
  g_assert_false (adw_banner_get_revealed (byline_window_get_review_banner (f->editor.window)));

  open_from_queue_with_note (&f->reporter, id, BYLINE_STATUS_RETURNED, HEADLINE, NOTE);
  banner = byline_window_get_review_banner (f->reporter.window);
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_title (banner), ==, "Returned by the editor: " NOTE);
}

static gboolean
alert_shown (gpointer data)
{
  return ADW_IS_ALERT_DIALOG (adw_application_window_get_visible_dialog (data));
}

/* Publish over a preflight error: refused first, then "Publish Anyway",
 * recorded on the story; the server has it published. */
static void
test_publish_anyway (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BylineArticle) story = byline_test_make_article (f->media);
  g_autoptr(BylineDestination) reporter = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(BylineArticle) saved = NULL;
  g_autoptr(GError) error = NULL;
  BylineReviewSendOptions submit = { .status = BYLINE_STATUS_SUBMITTED };
  const char *id = byline_article_get_id (story);
  ServerWait published = { f->server, id, "published" };
  ServerWait submitted = { f->server, id, "submitted" };
  AdwDialog *dialog;
  GtkWidget *errors;
  JsonObject *record;

  g_autoptr(GFile) reporter_drafts = byline_test_make_folder ("reporter-drafts");

  /* The reporter submits from a store of their own, without a window. */
  f->reporter.store = byline_draft_store_new (reporter_drafts);
  byline_article_set_status (story, BYLINE_STATUS_DRAFT);
  byline_article_set_editor_note (story, NULL);
  byline_article_set_publish_time (story, NULL);
  g_assert_true (byline_draft_store_save (f->reporter.store, story, &error));
  reporter = byline_newsroom_destination_new (REPORTER_ACCOUNT, byline_newsroom_server_get_url (f->server),
                                              BYLINE_TEST_REPORTER_TOKEN, &error);
  g_assert_no_error (error);
  byline_review_send_async (f->reporter.store, reporter, id, &submit, NULL, byline_test_got_result, &result);
  receipt = byline_review_send_finish (f->reporter.store, byline_test_wait (&result), NULL, &error);
  g_assert_no_error (error);

  person_start (&f->editor, f, "editor", EDITOR_ACCOUNT, BYLINE_TEST_EDITOR_TOKEN);
  wait_for_review_account (&f->editor);
  open_from_queue (&f->editor, id, BYLINE_STATUS_SUBMITTED, HEADLINE);

  /* The editor empties the headline: an error that blocks publishing. */
  byline_article_set_headline (byline_document_get_article (byline_window_get_document (f->editor.window)), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor.window), "win.review-publish", NULL));
  g_assert_true (byline_ui_test_wait_until (alert_shown, f->editor.window, 15000));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->editor.window));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Publish With Errors?");
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "publish"));
  g_assert_cmpint (adw_alert_dialog_get_response_appearance (ADW_ALERT_DIALOG (dialog), "publish"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_alert_dialog_get_response_label (ADW_ALERT_DIALOG (dialog), "publish"), ==, "_Publish Anyway");
  errors = adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog));
  g_test_message ("Errors: %s", gtk_label_get_label (GTK_LABEL (errors)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (errors)), "• "));
  /* Nothing went out yet. */
  g_assert_true (server_has_status (&submitted));

  g_signal_emit_by_name (dialog, "response::publish", "publish");
  adw_dialog_force_close (dialog);
  g_assert_true (byline_ui_test_wait_until (server_has_status, &published, 15000));
  byline_ui_test_wait (200);

  /* The override is on the story; the bar has nothing left to offer. */
  saved = byline_draft_store_load (f->editor.store, id, &error);
  g_assert_no_error (error);
  record = byline_review_get_override (saved);
  g_assert_nonnull (record);
  g_assert_cmpstr (json_object_get_string_member (record, "status"), ==, "published");
  g_assert_cmpint (byline_article_get_status (byline_document_get_article (byline_window_get_document (f->editor.window))),
                   ==, BYLINE_STATUS_PUBLISHED);
  g_assert_false (gtk_action_bar_get_revealed (byline_window_get_review_bar (f->editor.window)));
}

static gboolean
merge_shown (gpointer data)
{
  return BYLINE_IS_MERGE_DIALOG (adw_application_window_get_visible_dialog (data));
}

static void
reporter_send (BylineDraftStore  *store,
               BylineDestination *destination,
               const char        *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  BylineReviewSendOptions submit = { .status = BYLINE_STATUS_SUBMITTED };

  byline_review_send_async (store, destination, id, &submit, NULL, byline_test_got_result, &result);
  receipt = byline_review_send_finish (store, byline_test_wait (&result), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (receipt);
}

#define REPORTER_HEADLINE "Nậm Nhùn: mưa lũ gây sạt lở, 137 hộ phải di dời"

/* The reporter and the editor change the same headline: Publish stops with
 * the merge dialog, both versions side by side; taking theirs and publishing
 * again publishes the reporter's headline. */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BylineArticle) story = byline_test_make_article (f->media);
  g_autoptr(GFile) reporter_drafts = byline_test_make_folder ("reporter-drafts");
  g_autoptr(BylineDestination) reporter = NULL;
  g_autoptr(BylineArticle) fixed = NULL;
  g_autoptr(GBytes) item = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = byline_article_get_id (story);
  ServerWait published = { f->server, id, "published" };
  AdwDialog *dialog;

  f->reporter.store = byline_draft_store_new (reporter_drafts);
  byline_article_set_status (story, BYLINE_STATUS_DRAFT);
  byline_article_set_editor_note (story, NULL);
  byline_article_set_publish_time (story, NULL);
  g_assert_true (byline_draft_store_save (f->reporter.store, story, &error));
  reporter = byline_newsroom_destination_new (REPORTER_ACCOUNT, byline_newsroom_server_get_url (f->server),
                                              BYLINE_TEST_REPORTER_TOKEN, &error);
  g_assert_no_error (error);
  reporter_send (f->reporter.store, reporter, id);

  person_start (&f->editor, f, "editor", EDITOR_ACCOUNT, BYLINE_TEST_EDITOR_TOKEN);
  wait_for_review_account (&f->editor);
  open_from_queue (&f->editor, id, BYLINE_STATUS_SUBMITTED, HEADLINE);

  /* Meanwhile the reporter rewrites the headline and submits again. */
  fixed = byline_draft_store_load (f->reporter.store, id, &error);
  g_assert_no_error (error);
  byline_article_set_headline (fixed, REPORTER_HEADLINE);
  g_assert_true (byline_draft_store_save (f->reporter.store, fixed, &error));
  reporter_send (f->reporter.store, reporter, id);

  /* The editor's own headline, then Publish: the same place changed twice. */
  byline_article_set_headline (byline_document_get_article (byline_window_get_document (f->editor.window)),
                               EDITOR_HEADLINE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor.window), "win.review-publish", NULL));
  g_assert_true (byline_ui_test_wait_until (merge_shown, f->editor.window, 15000));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->editor.window));
  g_assert_nonnull (byline_ui_test_find_button (GTK_WIDGET (dialog), "_Apply"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (byline_ui_test_find_button (GTK_WIDGET (dialog), "_Apply"))));
  /* Nothing went out over the reporter's version. */
  {
    g_autofree char *status = NULL;

    g_clear_pointer (&item, g_bytes_unref);
    item = byline_newsroom_server_get_item (f->server, id, NULL, &status);
    g_assert_cmpstr (status, ==, "submitted");
    g_assert_nonnull (strstr (g_bytes_get_data (item, NULL), REPORTER_HEADLINE));
  }

  byline_merge_dialog_choose (BYLINE_MERGE_DIALOG (dialog), 0, BYLINE_MERGE_TAKE_THEIRS);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (byline_ui_test_find_button (GTK_WIDGET (dialog), "_Apply"))));
  g_signal_emit_by_name (byline_ui_test_find_button (GTK_WIDGET (dialog), "_Apply"), "clicked");
  byline_ui_test_wait (300);
  g_assert_cmpstr (byline_article_get_headline (byline_document_get_article (byline_window_get_document (f->editor.window))),
                   ==, REPORTER_HEADLINE);
  g_assert_true (gtk_action_bar_get_revealed (byline_window_get_review_bar (f->editor.window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor.window), "win.review-publish", NULL));
  g_assert_true (byline_ui_test_wait_until (server_has_status, &published, 15000));
  g_clear_pointer (&item, g_bytes_unref);
  item = byline_newsroom_server_get_item (f->server, id, NULL, NULL);
  g_assert_nonnull (strstr (g_bytes_get_data (item, NULL), REPORTER_HEADLINE));
}

static gboolean
rows_are (gpointer data)
{
  GtkListBox *list = byline_review_dialog_get_list (data);
  guint wanted = GPOINTER_TO_UINT (g_object_get_data (data, "wanted-rows"));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n == wanted;
}

static void
wait_for_rows (AdwDialog *dialog,
               guint      n)
{
  g_object_set_data (G_OBJECT (dialog), "wanted-rows", GUINT_TO_POINTER (n));
  g_assert_true (byline_ui_test_wait_until (rows_are, dialog, 5000));
}

/* The queue of a morning: its count in the title, a search by headline,
 * reporter or note without diacritics ("bac ha" finds "Bắc Hà"), a word
 * when nothing matches, and Enter opening the story found. */
static void
test_queue_search (Fixture       *f,
                   gconstpointer  data)
{
  const char *headlines[] = {
    HEADLINE,
    "Chợ phiên Bắc Hà đông vui ngày cuối tuần",
    "Lào Cai đón 2 triệu lượt khách",
  };
  g_autoptr(BylineDestination) reporter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bac_ha_id = NULL;
  AdwDialog *dialog;
  GtkEditable *search;
  AdwWindowTitle *title;
  AdwActionRow *row;
  ShownWait shown = { NULL, NULL };

  person_start (&f->reporter, f, "reporter", REPORTER_ACCOUNT, BYLINE_TEST_REPORTER_TOKEN);
  reporter = byline_newsroom_destination_new (REPORTER_ACCOUNT, byline_newsroom_server_get_url (f->server),
                                              BYLINE_TEST_REPORTER_TOKEN, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    {
      g_autoptr(BylineArticle) story = byline_test_make_article (f->media);

      byline_article_set_headline (story, headlines[i]);
      byline_article_set_status (story, BYLINE_STATUS_DRAFT);
      g_assert_true (byline_draft_store_save (f->reporter.store, story, &error));
      g_assert_no_error (error);
      reporter_send (f->reporter.store, reporter, byline_article_get_id (story));
      if (i == 1)
        bac_ha_id = g_strdup (byline_article_get_id (story));
    }

  person_start (&f->editor, f, "editor", EDITOR_ACCOUNT, BYLINE_TEST_EDITOR_TOKEN);
  wait_for_review_account (&f->editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor.window), "win.review-queue", NULL));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->editor.window));
  g_assert_true (BYLINE_IS_REVIEW_DIALOG (dialog));
  wait_for_rows (dialog, 3);
  title = ADW_WINDOW_TITLE (byline_ui_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_WINDOW_TITLE));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "3 stories");
  search = byline_review_dialog_get_search (BYLINE_REVIEW_DIALOG (dialog));
  /* Three stories are read at a glance: no search shown until one types. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (search)));

  gtk_editable_set_text (search, "bac ha");
  wait_for_rows (dialog, 1);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (search)));
  row = first_row (BYLINE_REVIEW_DIALOG (dialog));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, headlines[1]);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "3 stories");

  /* By the reporter's name, without its marks: all three are hers. */
  gtk_editable_set_text (search, "nguyen thi huong");
  wait_for_rows (dialog, 3);

  gtk_editable_set_text (search, "hội nghị");
  wait_for_rows (dialog, 0);
  g_assert_true (gtk_widget_get_mapped (byline_ui_test_find_label (GTK_WIDGET (dialog), "No Matching Stories")));

  /* Enter opens the story found. */
  gtk_editable_set_text (search, "Bắc Hà");
  wait_for_rows (dialog, 1);
  g_signal_emit_by_name (search, "activate");
  shown = (ShownWait) { f->editor.window, bac_ha_id };
  g_assert_true (byline_ui_test_wait_until (draft_shown, &shown, 15000));
  g_assert_cmpstr (byline_article_get_headline (byline_document_get_article (byline_window_get_document (f->editor.window))),
                   ==, headlines[1]);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
first_row_checked (gpointer data)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (byline_review_dialog_get_list (data), 0);
  GtkWidget *label = row ? g_object_get_data (G_OBJECT (row), "preflight") : NULL;

  return label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), "Checking…") != 0;
}

static gboolean
rows_not_checked (gpointer data)
{
  for (guint i = 1; i < 3; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (byline_review_dialog_get_list (data), i);
      GtkWidget *label = row ? g_object_get_data (G_OBJECT (row), "preflight") : NULL;

      if (label == NULL || g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), "Not checked") != 0)
        return FALSE;
    }
  return TRUE;
}

/* A slow line: the queue shows the stories as soon as they are listed, each
 * checked as it comes (a story that hangs does not hold the others back from
 * view), and the line failing leaves the rest "Not checked", with why, while
 * the list stays; it showed a spinner until every story had come down. */
static void
test_queue_slow_line (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BylineDestination) reporter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hung_path = NULL;
  char *ids[3] = { NULL, NULL, NULL };
  AdwDialog *dialog;
  GtkListBoxRow *row;
  GtkWidget *label;

  person_start (&f->reporter, f, "reporter", REPORTER_ACCOUNT, BYLINE_TEST_REPORTER_TOKEN);
  reporter = byline_newsroom_destination_new (REPORTER_ACCOUNT, byline_newsroom_server_get_url (f->server),
                                              BYLINE_TEST_REPORTER_TOKEN, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BylineArticle) story = byline_test_make_article (f->media);

      byline_article_set_status (story, BYLINE_STATUS_DRAFT);
      g_assert_true (byline_draft_store_save (f->reporter.store, story, &error));
      g_assert_no_error (error);
      reporter_send (f->reporter.store, reporter, byline_article_get_id (story));
      ids[i] = g_strdup (byline_article_get_id (story));
    }
  /* Newest first: the second listed, ids[1], hangs. */
  hung_path = g_strconcat ("/v1/items/", ids[1], NULL);
  byline_newsroom_server_inject (f->server, "GET", hung_path, BYLINE_FAULT_HANG, 0, 0, 0, 1);

  person_start (&f->editor, f, "editor", EDITOR_ACCOUNT, BYLINE_TEST_EDITOR_TOKEN);
  wait_for_review_account (&f->editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor.window), "win.review-queue", NULL));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->editor.window));
  g_assert_true (BYLINE_IS_REVIEW_DIALOG (dialog));
  wait_for_rows (dialog, 3);
  g_assert_true (byline_ui_test_wait_until (first_row_checked, dialog, 10000));
  /* Still loading, the list shows: the first story checked, the others not yet. */
  g_assert_true (byline_review_queue_get_loading (byline_review_dialog_get_queue (BYLINE_REVIEW_DIALOG (dialog))));
  row = gtk_list_box_get_row_at_index (byline_review_dialog_get_list (BYLINE_REVIEW_DIALOG (dialog)), 1);
  label = g_object_get_data (G_OBJECT (row), "preflight");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Checking…");
  g_assert_true (byline_ui_test_wait_until (widget_mapped, row, 5000));
  /* The keyboard is on the first story already. */
  g_assert_true (adw_dialog_get_focus (dialog)
                 == GTK_WIDGET (gtk_list_box_get_row_at_index (byline_review_dialog_get_list (BYLINE_REVIEW_DIALOG (dialog)), 0)));

  /* The line fails: the rest say so, the list stays. */
  byline_newsroom_server_release_hung (f->server);
  g_assert_true (byline_ui_test_wait_until (rows_not_checked, dialog, 15000));
  g_assert_true (byline_ui_test_wait_until (queue_listed, dialog, 15000));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (byline_review_dialog_get_list (BYLINE_REVIEW_DIALOG (dialog)))));
  row = gtk_list_box_get_row_at_index (byline_review_dialog_get_list (BYLINE_REVIEW_DIALOG (dialog)), 2);
  label = g_object_get_data (G_OBJECT (row), "preflight");
  g_test_message ("Not checked: %s", gtk_widget_get_tooltip_text (label));
  g_assert_nonnull (gtk_widget_get_tooltip_text (label));
  adw_dialog_force_close (dialog);
  for (guint i = 0; i < 3; i++)
    g_free (ids[i]);
}

static gboolean
queue_shows_error (gpointer data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (data, BYLINE_TYPE_REVIEW_DIALOG, "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "error") == 0;
}

static gboolean
queue_shows_empty (gpointer data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (data, BYLINE_TYPE_REVIEW_DIALOG, "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") == 0;
}

/* The editor's newsroom folder is on a network drive, not connected when
 * Byline starts: the queue is there, and says why it lists nothing. */
static void
test_folder_not_connected (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GFile) mount_point = byline_test_make_folder ("mnt");
  g_autoptr(GFile) mark = g_file_get_child (mount_point, ".byline-newsroom");
  g_autoptr(BylineAccount) account = byline_account_new ("Ổ mạng chung", BYLINE_ACCOUNT_FOLDER,
                                                         g_file_peek_path (mount_point), NULL);
  g_autofree char *expected = g_strdup_printf ("The folder %s has nothing of the newsroom’s in it: is its network "
                                               "drive connected? If it is the right folder, test the account’s "
                                               "connection in Preferences.", g_file_peek_path (mount_point));
  g_autoptr(GError) error = NULL;
  GtkWidget *try_again;
  AdwDialog *dialog;

  byline_account_set_roles (account, BYLINE_ROLE_EDITOR);
  person_start_with (&f->editor, "editor", account, NULL);
  wait_for_review_account (&f->editor);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor.window), "win.review-queue", NULL));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->editor.window));
  g_assert_true (BYLINE_IS_REVIEW_DIALOG (dialog));
  g_assert_true (byline_ui_test_wait_until (queue_shows_error, dialog, 10000));
  g_assert_nonnull (byline_ui_test_find_label (GTK_WIDGET (dialog), expected));
  /* Nothing written on this computer's disk meanwhile. */
  g_assert_false (g_file_query_exists (mark, NULL));

  /* The drive connected: Try Again lists its stories (none yet). */
  g_file_replace_contents (mark, "", 0, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  try_again = byline_ui_test_find_button (GTK_WIDGET (dialog), "_Try Again");
  g_assert_nonnull (try_again);
  g_signal_emit_by_name (try_again, "clicked");
  g_assert_true (byline_ui_test_wait_until (queue_shows_empty, dialog, 10000));
  adw_dialog_force_close (dialog);
}

int
main (int   argc,
      char *argv[])
{
  BylineTestKeyring *keyring;
  g_autofree char *display = NULL;
  int status;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  /* The Review Queue button counts the stories waiting when asked, its own
   * rounds an hour apart (but in /ui/review/folder-returned). */
  g_setenv ("BYLINE_REVIEW_COUNT_SECONDS", "3600", TRUE);
  /* The private session bus the keyring lives on has no accessibility bus. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  display = g_strdup (g_getenv ("DISPLAY"));
  keyring = byline_test_keyring_start ();
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  byline_ui_test_init (&argc, &argv);
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.bylinenews.Byline");

    g_settings_set_boolean (settings, "spell-check", FALSE);
  }

  g_test_add ("/ui/review/return-with-note", Fixture, NULL, fixture_setup, test_return_with_note, fixture_teardown);
  g_test_add ("/ui/review/notes-both-ways", Fixture, NULL, fixture_setup, test_notes_both_ways, fixture_teardown);
  g_test_add ("/ui/review/folder-returned", Fixture, NULL, fixture_setup, test_folder_returned, fixture_teardown);
  g_test_add ("/ui/review/queue-search", Fixture, NULL, fixture_setup, test_queue_search, fixture_teardown);
  g_test_add ("/ui/review/queue-slow-line", Fixture, NULL, fixture_setup, test_queue_slow_line, fixture_teardown);
  g_test_add ("/ui/review/publish-anyway", Fixture, NULL, fixture_setup, test_publish_anyway, fixture_teardown);
  g_test_add ("/ui/review/conflict", Fixture, NULL, fixture_setup, test_conflict, fixture_teardown);
  g_test_add ("/ui/review/folder-not-connected", Fixture, NULL, fixture_setup, test_folder_not_connected,
              fixture_teardown);

  status = g_test_run ();

  byline_test_keyring_stop (keyring);
  return status;
}
