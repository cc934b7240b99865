/* test-publish.c — sending from the window, through the widgets the person uses
 *
 * Accounts are added with the account dialog (the secret typed into its
 * password row goes to a private keyring), a story typed into the window goes
 * out with win.send, and what arrived is compared byte for byte with the
 * draft as saved: on the reference Newsroom server (in process, on loopback)
 * and in a folder.  The send bar and the outbox button must say what happens;
 * with the server down the job waits and goes out by itself when it is back,
 * also after a restart.  No token may be in any file under the test's HOME.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsecret/secret.h>

#include "byline-test-utils.h"
#include "publish-test-utils.h"
#include "wordpress-peer-utils.h"
#include "test-network-monitor.h"
#include "ui-file-chooser.h"
#include "ui-test-utils.h"
#include "byline-account-dialog.h"
#include "byline-accounts-page.h"
#include "byline-article-editor.h"
#include "byline-checklist.h"
#include "byline-date-button.h"
#include "byline-document.h"
#include "byline-outbox-button.h"
#include "byline-preferences-dialog.h"
#include "byline-publisher.h"
#include "byline-review.h"
#include "byline-send-bar.h"
#include "byline-window.h"
#include "byline-window-private.h"

#define NEWSROOM   "Toà soạn Lai Châu"
#define FOLDER     "Thư mục chung"
#define HEADLINE   "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản"
#define LEAD       "Mưa lớn kéo dài từ đêm 9/8 đã gây sạt lở nghiêm trọng."
#define PARAGRAPH  "Theo Ban Chỉ huy, 37 hộ dân phải sơ tán khẩn cấp.\nLực lượng cứu hộ đã có mặt từ sáng sớm."

typedef struct
{
  BylineNewsroomServer *server;
  BylineDraftStore     *store;
  BylinePublisher      *publisher;
  BylineWindow         *window;
  GFile                *pictures;
  guint                 port;      /* the server's, while it is down */
} Fixture;

/* A network the tests switch off and on. */
static BylineTestNetworkMonitor *network;

/* ---------------------------------------------------------------- helpers */

static BylinePublisher *
new_publisher (BylineDraftStore *store)
{
  BylinePublisher *publisher = byline_publisher_new (store, NULL, G_NETWORK_MONITOR (network));
  g_autoptr(GError) error = NULL;

  byline_publisher_start (publisher, &error);
  g_assert_no_error (error);
  /* Quick retries: the server comes back within the test. */
  byline_outbox_set_backoff (byline_publisher_get_outbox (publisher), 100, 400);
  return publisher;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GFile) drafts = byline_test_make_folder ("drafts");
  g_autoptr(GFile) config = g_file_new_build_filename (g_get_user_config_dir (), "byline", "accounts.ini", NULL);

  byline_test_network_monitor_set_online (network, TRUE);
  /* Every test starts with no account, as on a new computer. */
  g_file_delete (config, NULL, NULL);
  f->server = byline_test_newsroom_server_new ();
  f->store = byline_draft_store_new (drafts);
  f->publisher = new_publisher (f->store);
  f->window = byline_window_new (NULL, f->store);
  byline_window_set_publisher (f->window, f->publisher);
  g_assert_true (byline_window_new_draft (f->window, NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  f->pictures = byline_test_make_folder ("pictures");
  byline_ui_test_wait (100);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  byline_publisher_stop (f->publisher);
  g_clear_object (&f->publisher);
  byline_newsroom_server_release_hung (f->server);
  g_clear_object (&f->server);
  g_clear_object (&f->store);
  g_clear_object (&f->pictures);
  byline_ui_test_wait (50);
}

/* The server goes away, as over a line that drops: connections are refused
 * until server_back() listens on the same port again. */
static void
server_down (Fixture *f)
{
  g_autoptr(GUri) uri = g_uri_parse (byline_newsroom_server_get_url (f->server), G_URI_FLAGS_NONE, NULL);

  f->port = g_uri_get_port (uri);
  soup_server_disconnect (byline_newsroom_server_get_soup_server (f->server));
}

static void
server_back (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  byline_newsroom_server_listen (f->server, f->port, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
dialog_idle (gpointer data)
{
  return !byline_account_dialog_is_busy (data);
}

static void
set_row_text (BylineAccountDialog *dialog,
              const char          *row,
              const char          *text)
{
  GObject *widget = gtk_widget_get_template_child (GTK_WIDGET (dialog), BYLINE_TYPE_ACCOUNT_DIALOG, row);

  g_assert_nonnull (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* Fills the account dialog as a person would and presses @action
 * ("account.test" or "account.save"); returns the dialog (a new reference). */
static BylineAccountDialog *
fill_account (Fixture           *f,
              BylineAccount     *existing,
              const char        *name,
              BylineAccountKind  kind,
              const char        *url,
              const char        *user,
              const char        *secret,
              const char        *action)
{
  AdwDialog *dialog = byline_account_dialog_new (f->publisher, existing);
  AdwComboRow *kind_row;

  g_object_ref_sink (dialog);
  adw_dialog_present (dialog, GTK_WIDGET (f->window));
  byline_ui_test_wait (50);
  /* The keyboard starts in the name of a new account, in the password or
   * token of one opened again (else its address): not on Cancel, which a
   * space would press. */
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_focus_in,
                                            gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                           BYLINE_TYPE_ACCOUNT_DIALOG,
                                                                           existing == NULL ? "name_row"
                                                                           : byline_account_needs_secret (existing) ? "secret_row"
                                                                           : "url_row"),
                                            5000));
  if (existing == NULL)
    {
      kind_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), BYLINE_TYPE_ACCOUNT_DIALOG,
                                                                 "kind_row"));
      adw_combo_row_set_selected (kind_row, kind);
      set_row_text (BYLINE_ACCOUNT_DIALOG (dialog), "name_row", name);
      set_row_text (BYLINE_ACCOUNT_DIALOG (dialog), "url_row", url);
      set_row_text (BYLINE_ACCOUNT_DIALOG (dialog), "user_row", user ? user : "");
    }
  if (secret != NULL)
    set_row_text (BYLINE_ACCOUNT_DIALOG (dialog), "secret_row", secret);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), action, NULL));
  g_assert_true (byline_ui_test_wait_until (dialog_idle, dialog, 10000));
  return BYLINE_ACCOUNT_DIALOG (dialog);
}

static void
add_newsroom (Fixture    *f,
              const char *token)
{
  g_autoptr(BylineAccountDialog) dialog = fill_account (f, NULL, NEWSROOM, BYLINE_ACCOUNT_NEWSROOM,
                                                        byline_newsroom_server_get_url (f->server),
                                                        "huong", token, "account.save");

  g_assert_cmpstr (byline_account_dialog_get_result (dialog), ==, "");
  g_assert_nonnull (byline_accounts_lookup (byline_publisher_get_accounts (f->publisher), NEWSROOM));
}

/* Types the story into the window's fields and adds two captioned pictures. */
static void
type_story (Fixture *f)
{
  BylineArticleEditor *editor = byline_window_get_editor (f->window);
  BylineDocument *document = byline_window_get_document (f->window);
  struct {
    const char *name, *caption, *credit, *alt;
    guint32     rgb;
  } pictures[] = {
    { "sat-lo.png", "Sạt lở trên Quốc lộ 4H.", "Ảnh: Lò Văn Dũng", "Đất đá tràn xuống mặt đường.", 0x8a5a2b },
    { "cuu-ho.png", "Cứu hộ giúp dân di dời.", "Ảnh: Nguyễn Thị Hương", "Bộ đội khiêng đồ qua suối.", 0x2b5a8a },
  };

  byline_article_editor_focus_headline (editor);
  byline_ui_test_type (byline_article_editor_get_headline_view (editor), HEADLINE);
  byline_ui_test_type (byline_article_editor_get_lead_view (editor), LEAD);
  byline_article_editor_focus_body (editor);
  byline_ui_test_type (GTK_TEXT_VIEW (byline_article_editor_get_body_view (editor)), PARAGRAPH);

  for (guint i = 0; i < G_N_ELEMENTS (pictures); i++)
    {
      g_autoptr(GFile) file = g_file_get_child (f->pictures, pictures[i].name);
      g_autoptr(GError) error = NULL;
      BylineImage *image;

      byline_test_write_png (file, 60, 40, pictures[i].rgb);
      image = byline_document_import_image (document, file, -1, &error);
      g_assert_no_error (error);
      byline_image_set_caption (image, pictures[i].caption);
      byline_image_set_credit (image, pictures[i].credit);
      byline_image_set_alt_text (image, pictures[i].alt);
    }
  /* The byline and the category, without which the checklist blocks publishing. */
  {
    const char *authors[] = { "Lò Văn Dũng", NULL };
    BylineArticle *article = byline_document_get_article (document);

    byline_article_set_authors (article, authors);
    byline_article_set_category (article, "Xã hội");
  }
  byline_ui_test_wait (50);
}

/* The draft as saved now: what the outbox sends. */
static BylineArticle *
saved_draft (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  BylineArticle *article = byline_draft_store_load (f->store, byline_document_get_id (byline_window_get_document (f->window)),
                                                    &error);

  g_assert_no_error (error);
  return article;
}

static void
choose_destination (Fixture    *f,
                    const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "send.to", "s", name));
}

static void
send (Fixture    *f,
      const char *status)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.send", "s", status));
}

typedef struct
{
  Fixture              *f;
  BylineOutboxJobState  state;
} StateWait;

static gboolean
bar_in_state (gpointer data)
{
  StateWait *wait = data;
  BylineOutboxJob *job = byline_send_bar_get_job (byline_window_get_send_bar (wait->f->window));

  return job != NULL && byline_outbox_job_get_state (job) == wait->state;
}

static void
wait_for_state (Fixture              *f,
                BylineOutboxJobState  state,
                guint                 timeout_ms)
{
  StateWait wait = { f, state };

  if (!byline_ui_test_wait_until (bar_in_state, &wait, timeout_ms))
    g_error ("The send bar never showed %s; it says: %s", byline_outbox_job_state_to_string (state),
             byline_send_bar_get_text (byline_window_get_send_bar (f->window)));
}

static const char *
bar_text (Fixture *f)
{
  return byline_send_bar_get_text (byline_window_get_send_bar (f->window));
}

static void
assert_on_server (Fixture       *f,
                  BylineArticle *sent,
                  const char    *status)
{
  g_autofree char *media_base = g_strconcat (byline_newsroom_server_get_url (f->server), "/v1/assets/", NULL);
  BylineNinjsOptions options = { .media_base = media_base };
  g_autoptr(GBytes) expected = byline_ninjs_export_bytes (sent, &options);
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *server_status = NULL;

  stored = byline_newsroom_server_get_item (f->server, byline_article_get_id (sent), NULL, &server_status);
  g_assert_nonnull (stored);
  g_assert_cmpstr (server_status, ==, status);
  g_assert_cmpuint (byline_newsroom_server_count_items (f->server), ==, 1);
  g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_nonnull (strstr (g_bytes_get_data (stored, NULL), "Nậm Nhùn"));
  g_assert_cmpuint (byline_article_get_n_images (sent), ==, 2);
  for (guint i = 0; i < byline_article_get_n_images (sent); i++)
    g_assert_true (byline_newsroom_server_has_asset (f->server,
                                                     byline_image_get_sha256 (byline_article_get_image (sent, i))));
}

/* What the keyring holds for account @name, asked of libsecret directly. */
static char *
keyring_lookup (const char *name)
{
  static const SecretSchema schema = {
    "io.github.bylinenews.Byline.Account", SECRET_SCHEMA_NONE,
    { { "account", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } }
  };
  g_autoptr(GError) error = NULL;
  char *secret = secret_password_lookup_sync (&schema, NULL, &error, "account", name, NULL);

  g_assert_no_error (error);
  return secret;
}

/* No file under the test's HOME and XDG folders holds @secret.  (The keyring
 * daemon keeps its own, encrypted, in a folder of its own.) */
static void
assert_secret_nowhere (const char *folder,
                       const char *secret)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        assert_secret_nowhere (path, secret);
      else if (g_file_get_contents (path, &contents, &length, NULL)
               && g_strstr_len (contents, length, secret) != NULL)
        g_error ("%s holds a secret", path);
    }
}

static void
assert_no_secrets_on_disk (void)
{
  const char *folders[] = {
    g_get_home_dir (), g_get_user_config_dir (), g_get_user_data_dir (),
    g_get_user_cache_dir (), g_get_user_state_dir (),
  };

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      assert_secret_nowhere (folders[i], BYLINE_TEST_REPORTER_TOKEN);
      assert_secret_nowhere (folders[i], BYLINE_TEST_EDITOR_TOKEN);
    }
}

/* ------------------------------------------------------------------ tests */

/* With no account, the folder is there to send to; the page lists what the
 * dialog adds, and "Test Connection" says who you are, or plainly why not. */
static void
test_accounts_page (Fixture       *f,
                    gconstpointer  data)
{
  AdwDialog *preferences = byline_preferences_dialog_new ();
  AdwPreferencesPage *page;
  GtkListBox *list;
  g_autoptr(BylineAccountDialog) wrong = NULL;
  g_autoptr(BylineAccountDialog) right = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ini = NULL;
  g_autofree char *ini_path = g_build_filename (g_get_user_config_dir (), "byline", "accounts.ini", NULL);
  BylineAccounts *accounts = byline_publisher_get_accounts (f->publisher);
  g_autofree char *by_default = NULL;

  byline_ui_test_wait (200);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accounts)), ==, 1);
  by_default = byline_publisher_dup_default_destination (f->publisher);
  g_assert_nonnull (by_default);
  g_assert_cmpint (byline_account_get_kind (byline_accounts_lookup (accounts, by_default)), ==,
                   BYLINE_ACCOUNT_FOLDER);

  byline_preferences_dialog_set_publisher (BYLINE_PREFERENCES_DIALOG (preferences), f->publisher);
  adw_preferences_dialog_set_visible_page_name (ADW_PREFERENCES_DIALOG (preferences), "accounts");
  adw_dialog_present (preferences, GTK_WIDGET (f->window));
  byline_ui_test_wait (100);
  page = adw_preferences_dialog_get_visible_page (ADW_PREFERENCES_DIALOG (preferences));
  g_assert_true (BYLINE_IS_ACCOUNTS_PAGE (page));
  list = byline_accounts_page_get_list (BYLINE_ACCOUNTS_PAGE (page));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));

  /* A wrong token: the test says so, plainly. */
  wrong = fill_account (f, NULL, NEWSROOM, BYLINE_ACCOUNT_NEWSROOM, byline_newsroom_server_get_url (f->server),
                        "huong", "not-the-token", "account.test");
  g_assert_nonnull (strstr (byline_account_dialog_get_result (wrong), "Could not connect"));
  g_assert_null (strstr (byline_account_dialog_get_result (wrong), "not-the-token"));
  adw_dialog_close (ADW_DIALOG (wrong));

  /* The right one, typed again in the saved account's dialog. */
  right = fill_account (f, byline_accounts_lookup (accounts, NEWSROOM), NULL, 0, NULL, NULL,
                        BYLINE_TEST_REPORTER_TOKEN, "account.test");
  g_assert_nonnull (strstr (byline_account_dialog_get_result (right), "Signed in as Nguyễn Thị Hương (huong)"));
  g_assert_nonnull (strstr (byline_account_dialog_get_result (right), "Role: reporter"));
  adw_dialog_close (ADW_DIALOG (right));

  byline_ui_test_wait (100);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 1))),
                   ==, NEWSROOM);

  /* The address and the user are in the file, the token only in the keyring. */
  g_assert_true (g_file_get_contents (ini_path, &ini, NULL, NULL));
  g_assert_nonnull (strstr (ini, "[" NEWSROOM "]"));
  g_assert_nonnull (strstr (ini, "user=huong"));
  byline_accounts_has_secret_async (accounts, NEWSROOM, NULL, byline_test_got_result, &result);
  g_assert_true (byline_accounts_has_secret_finish (accounts, byline_test_wait (&result), &error));
  g_assert_no_error (error);

  /* Removing asks first, then forgets the account and its secret. */
  {
    AdwDialog *edit = byline_account_dialog_new (f->publisher, byline_accounts_lookup (accounts, NEWSROOM));
    AdwDialog *confirm;

    adw_dialog_present (edit, GTK_WIDGET (f->window));
    byline_ui_test_wait (100);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (edit), "account.remove", NULL));
    byline_ui_test_wait (100);
    confirm = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
    g_assert_true (ADW_IS_ALERT_DIALOG (confirm));
    g_assert_nonnull (byline_accounts_lookup (accounts, NEWSROOM));
    {
      g_autofree char *kept = keyring_lookup (NEWSROOM);

      /* Not compared with g_assert_cmpstr(): a failure would print it. */
      g_assert_true (g_strcmp0 (kept, BYLINE_TEST_REPORTER_TOKEN) == 0);
    }
    g_signal_emit_by_name (confirm, "response", "remove");
    g_assert_true (byline_ui_test_wait_until (dialog_idle, edit, 10000));
    byline_ui_test_wait (100);
    g_assert_null (byline_accounts_lookup (accounts, NEWSROOM));
    g_assert_null (gtk_list_box_get_row_at_index (list, 1));
    /* Asked of the keyring itself: the account is gone from Byline already. */
    {
      g_autofree char *left = keyring_lookup (NEWSROOM);

      g_assert_null (left);
    }
  }

  adw_dialog_close (preferences);
  assert_no_secrets_on_disk ();
}

static gboolean
account_dialog_shown (gpointer data)
{
  return BYLINE_IS_ACCOUNT_DIALOG (adw_application_window_get_visible_dialog (data));
}

static gboolean
connecting (gpointer data)
{
  return strstr (byline_account_dialog_get_result (data), "Connecting") != NULL;
}

static gboolean
me_asked (gpointer data)
{
  Fixture *f = data;

  /* Both: a request still to come when the hung ones are released would be
   * held in their place, and the account's test at the end would be. */
  return byline_newsroom_server_count_requests (f->server, "GET", "/v1/me") >= 2;
}

/* "Add Account" in Preferences opens the account dialog; when the server
 * never answers its connection test, Cancel closes the dialog at once (the
 * account, saved before the test, stays) and nothing is left waiting. */
static void
test_account_cancel (Fixture       *f,
                     gconstpointer  data)
{
  AdwDialog *preferences = byline_preferences_dialog_new ();
  BylineAccounts *accounts = byline_publisher_get_accounts (f->publisher);
  AdwPreferencesPage *page;
  BylineAccountDialog *dialog;
  GtkWidget *cancel;
  gpointer weak;

  byline_preferences_dialog_set_publisher (BYLINE_PREFERENCES_DIALOG (preferences), f->publisher);
  adw_preferences_dialog_set_visible_page_name (ADW_PREFERENCES_DIALOG (preferences), "accounts");
  adw_dialog_present (preferences, GTK_WIDGET (f->window));
  byline_ui_test_wait (100);
  page = adw_preferences_dialog_get_visible_page (ADW_PREFERENCES_DIALOG (preferences));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "accounts.add", NULL));
  g_assert_true (byline_ui_test_wait_until (account_dialog_shown, f->window, 2000));
  dialog = BYLINE_ACCOUNT_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window)));
  g_assert_cmpstr (adw_dialog_get_title (ADW_DIALOG (dialog)), ==, "Add Account");

  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                            BYLINE_TYPE_ACCOUNT_DIALOG,
                                                                            "kind_row")),
                              BYLINE_ACCOUNT_NEWSROOM);
  set_row_text (dialog, "name_row", NEWSROOM);
  set_row_text (dialog, "url_row", byline_newsroom_server_get_url (f->server));
  set_row_text (dialog, "user_row", "huong");
  set_row_text (dialog, "secret_row", BYLINE_TEST_REPORTER_TOKEN);
  /* The window asks too, to know whether it may review: neither is answered. */
  byline_newsroom_server_inject (f->server, "GET", "/v1/me", BYLINE_FAULT_HANG, 0, 0, 0, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.test", NULL));
  g_assert_true (byline_ui_test_wait_until (connecting, dialog, 10000));
  g_assert_true (byline_account_dialog_is_busy (dialog));
  g_assert_true (byline_ui_test_wait_until (me_asked, f, 10000));

  cancel = byline_ui_test_find_button (GTK_WIDGET (dialog), "_Cancel");
  g_assert_nonnull (cancel);
  g_assert_true (gtk_widget_is_sensitive (cancel));
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (cancel, "clicked");
  byline_ui_test_wait (500);
  g_assert_null (weak);
  g_assert_true (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window)) == preferences);
  g_assert_nonnull (byline_accounts_lookup (accounts, NEWSROOM));

  /* The server answers the held test late: nobody is waiting for it. */
  byline_newsroom_server_release_hung (f->server);
  byline_ui_test_wait (300);
  adw_dialog_close (preferences);
  byline_ui_test_wait (100);
  /* The account works. */
  {
    g_autoptr(BylineAccountDialog) again = fill_account (f, byline_accounts_lookup (accounts, NEWSROOM), NULL, 0,
                                                         NULL, NULL, NULL, "account.test");

    g_assert_nonnull (strstr (byline_account_dialog_get_result (again), "Signed in as"));
    adw_dialog_close (ADW_DIALOG (again));
  }
  assert_no_secrets_on_disk ();
}

/* A save that fails (here the accounts file cannot be written: a folder
 * stands in its place) leaves the token typed in its row, to save again
 * without typing it again, and the keyboard where it was (on Test
 * Connection, which is greyed while it works).  Once saved, the row is
 * emptied and says the keyring keeps the token. */
static void
test_account_not_saved (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) config = g_file_new_build_filename (g_get_user_config_dir (), "byline", "accounts.ini", NULL);
  g_autoptr(AdwDialog) dialog = g_object_ref_sink (byline_account_dialog_new (f->publisher, NULL));
  GObject *secret_row = gtk_widget_get_template_child (GTK_WIDGET (dialog), BYLINE_TYPE_ACCOUNT_DIALOG, "secret_row");
  AdwPreferencesGroup *fields = ADW_PREFERENCES_GROUP (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                                      BYLINE_TYPE_ACCOUNT_DIALOG,
                                                                                      "fields_group"));
  GtkWidget *test_row;
  g_autoptr(GError) error = NULL;

  /* (The publisher wrote the file at start, with the folder everyone has.) */
  g_assert_true (g_file_delete (config, NULL, NULL));
  g_file_make_directory (config, NULL, &error);
  g_assert_no_error (error);
  adw_dialog_present (dialog, GTK_WIDGET (f->window));
  byline_ui_test_wait (50);
  set_row_text (BYLINE_ACCOUNT_DIALOG (dialog), "name_row", NEWSROOM);
  set_row_text (BYLINE_ACCOUNT_DIALOG (dialog), "url_row", byline_newsroom_server_get_url (f->server));
  set_row_text (BYLINE_ACCOUNT_DIALOG (dialog), "user_row", "huong");
  set_row_text (BYLINE_ACCOUNT_DIALOG (dialog), "secret_row", BYLINE_TEST_REPORTER_TOKEN);
  test_row = byline_ui_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_BUTTON_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (test_row)), ==, "_Test Connection");
  g_assert_true (gtk_widget_grab_focus (test_row));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.test", NULL));
  g_assert_true (byline_ui_test_wait_until (dialog_idle, dialog, 10000));
  g_assert_nonnull (strstr (byline_account_dialog_get_result (BYLINE_ACCOUNT_DIALOG (dialog)), "Not saved"));
  g_assert_null (byline_accounts_lookup (byline_publisher_get_accounts (f->publisher), NEWSROOM));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (secret_row)), ==, BYLINE_TEST_REPORTER_TOKEN);
  g_assert_true (adw_dialog_get_focus (dialog) == test_row);
  g_assert_cmpstr (adw_preferences_group_get_description (fields), !=,
                   "The token or password is kept in the keyring. Type a new one only to replace it.");

  /* The folder goes: the same press saves, and signs in. */
  g_assert_true (g_file_delete (config, NULL, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.test", NULL));
  g_assert_true (byline_ui_test_wait_until (dialog_idle, dialog, 10000));
  g_assert_nonnull (strstr (byline_account_dialog_get_result (BYLINE_ACCOUNT_DIALOG (dialog)),
                            "Signed in as Nguyễn Thị Hương (huong)"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (secret_row)), ==, "");
  g_assert_cmpstr (adw_preferences_group_get_description (fields), ==,
                   "The token or password is kept in the keyring. Type a new one only to replace it.");
  g_assert_true (adw_dialog_get_focus (dialog) == test_row);
  {
    g_autofree char *kept = keyring_lookup (NEWSROOM);

    g_assert_cmpstr (kept, ==, BYLINE_TEST_REPORTER_TOKEN);
  }
  adw_dialog_close (dialog);
  assert_no_secrets_on_disk ();
}

/* A story with captioned pictures, submitted to the Newsroom server. */
static void
test_send_newsroom (Fixture       *f,
                    gconstpointer  data)
{
  BylineOutboxButton *outbox_button = byline_window_get_outbox_button (f->window);
  BylineArticle *open;
  g_autoptr(BylineArticle) sent = NULL;
  g_autoptr(BylineArticle) after = NULL;

  add_newsroom (f, BYLINE_TEST_REPORTER_TOKEN);
  type_story (f);
  choose_destination (f, NEWSROOM);
  g_assert_false (byline_outbox_button_get_shown (outbox_button));

  send (f, "submitted");
  sent = saved_draft (f);
  g_assert_cmpstr (byline_article_get_headline (sent), ==, HEADLINE);
  g_assert_true (byline_outbox_button_get_shown (outbox_button));

  wait_for_state (f, BYLINE_OUTBOX_JOB_SENT, 20000);
  g_assert_cmpstr (bar_text (f), ==, "Sent to “" NEWSROOM "”: submitted for review.");
  assert_on_server (f, sent, "submitted");
  g_assert_cmpstr (byline_outbox_button_get_count (outbox_button), ==, "");

  /* The window's copy knows where the story went, and says so on disk. */
  open = byline_document_get_article (byline_window_get_document (f->window));
  g_assert_cmpstr (byline_article_get_remote_id (open, NEWSROOM), ==, byline_article_get_id (sent));
  g_assert_cmpint (byline_article_get_status (open), ==, BYLINE_STATUS_SUBMITTED);
  g_assert_true (byline_window_close_document (f->window, NULL));
  after = saved_draft (f);
  g_assert_nonnull (byline_article_get_remote_version (after, NEWSROOM));

  /* The default next time is the destination used. */
  {
    g_autofree char *next = byline_publisher_dup_default_destination (f->publisher);
    g_assert_cmpstr (next, ==, NEWSROOM);
  }
  assert_no_secrets_on_disk ();
}

/* Published to a folder account, with no server at all. */
static void
test_send_folder (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("shared");
  g_autofree char *path = g_file_get_path (folder);
  g_autoptr(BylineAccountDialog) dialog = NULL;
  g_autoptr(BylineArticle) sent = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GFile) item = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  dialog = fill_account (f, NULL, FOLDER, BYLINE_ACCOUNT_FOLDER, path, NULL, NULL, "account.test");
  g_assert_nonnull (strstr (byline_account_dialog_get_result (dialog), "Signed in as"));
  g_assert_nonnull (strstr (byline_account_dialog_get_result (dialog), "editor"));

  type_story (f);
  choose_destination (f, FOLDER);
  send (f, "published");
  sent = saved_draft (f);
  wait_for_state (f, BYLINE_OUTBOX_JOB_SENT, 20000);
  g_assert_cmpstr (bar_text (f), ==, "Sent to “" FOLDER "”: published.");

  item = g_file_new_build_filename (path, "published", byline_article_get_id (sent), "item.json", NULL);
  g_assert_true (g_file_load_contents (item, NULL, &contents, &length, NULL, NULL));
  expected = byline_ninjs_export_bytes (sent, NULL);
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  for (guint i = 0; i < byline_article_get_n_images (sent); i++)
    {
      BylineImage *image = byline_article_get_image (sent, i);
      g_autofree char *media_path = byline_image_dup_media_path (image);
      g_autoptr(GFile) copy = g_file_new_build_filename (path, "published", byline_article_get_id (sent),
                                                          media_path, NULL);
      g_autofree char *original = NULL;
      g_autofree char *copied = NULL;
      gsize original_length, copied_length;

      g_assert_true (g_file_load_contents (byline_image_get_file (image), NULL, &original, &original_length,
                                           NULL, NULL));
      g_assert_true (g_file_load_contents (copy, NULL, &copied, &copied_length, NULL, NULL));
      g_assert_cmpmem (copied, copied_length, original, original_length);
    }
}

/* Whether the row shows a folder named "Tòa soạn", not the one typed
 * below it: the chooser's answer has arrived. */
static gboolean
url_row_moved (gpointer row)
{
  return g_str_has_suffix (gtk_editable_get_text (GTK_EDITABLE (row)), "Tòa soạn");
}

/* A folder account's folder is chosen in a file chooser rather than typed
 * (inside Flatpak the portal's, which keeps the folder open to Byline): the
 * chooser starts in the nearest folder that is there above what is typed,
 * Cancel leaves the row as it was, and the folder chosen is what is saved.
 * A server has no folder to choose. */
static void
test_choose_folder (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) base = byline_test_make_folder ("places");
  g_autoptr(GFile) chosen = g_file_get_child (base, "Tòa soạn");
  g_autoptr(GFile) missing = g_file_get_child (chosen, "chưa có");
  g_autoptr(GError) error = NULL;
  AdwDialog *dialog = byline_account_dialog_new (f->publisher, NULL);
  GtkWidget *button;
  GObject *url_row;
  BylineAccount *account;

  g_assert_true (g_file_make_directory (chosen, NULL, &error));
  g_assert_no_error (error);
  g_object_ref_sink (dialog);
  adw_dialog_present (dialog, GTK_WIDGET (f->window));
  byline_ui_test_wait (50);
  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), BYLINE_TYPE_ACCOUNT_DIALOG,
                                                     "folder_button"));
  url_row = gtk_widget_get_template_child (GTK_WIDGET (dialog), BYLINE_TYPE_ACCOUNT_DIALOG, "url_row");
  g_assert_false (gtk_widget_is_visible (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Choose the Folder");

  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                            BYLINE_TYPE_ACCOUNT_DIALOG,
                                                                            "kind_row")),
                              BYLINE_ACCOUNT_FOLDER);
  g_assert_true (gtk_widget_is_visible (button));
  set_row_text (BYLINE_ACCOUNT_DIALOG (dialog), "name_row", FOLDER);
  set_row_text (BYLINE_ACCOUNT_DIALOG (dialog), "url_row", g_file_peek_path (missing));

  g_assert_true (gtk_widget_activate (button));
  {
    GtkFileChooser *chooser = byline_ui_test_wait_for_chooser ("Choose the Folder to Send To");

    byline_ui_test_wait_chooser_shows (chooser, chosen);
    byline_ui_test_chooser_cancel (chooser);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url_row)), ==, g_file_peek_path (missing));

  g_assert_true (gtk_widget_activate (button));
  byline_ui_test_chooser_select_folder (byline_ui_test_wait_for_chooser ("Choose the Folder to Send To"), chosen);
  /* The answer comes in an idle after the chooser is gone. */
  byline_ui_test_wait_until (url_row_moved, url_row, 5000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url_row)), ==, g_file_peek_path (chosen));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.save", NULL));
  g_assert_true (byline_ui_test_wait_until (dialog_idle, dialog, 10000));
  account = byline_accounts_lookup (byline_publisher_get_accounts (f->publisher), FOLDER);
  g_assert_nonnull (account);
  g_assert_cmpstr (byline_account_get_url (account), ==, g_file_peek_path (chosen));
  g_object_unref (dialog);
}

static gboolean
send_bar_compact (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_width (GTK_WIDGET (f->window)) <= 360
         && byline_send_bar_get_compact (byline_window_get_send_bar (f->window))
         && gtk_widget_get_mapped (GTK_WIDGET (f->window->narrow_outbox_button));
}

static gboolean
send_bar_wide (gpointer data)
{
  Fixture *f = data;

  return !byline_send_bar_get_compact (byline_window_get_send_bar (f->window));
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Whether the send bar's Retry is under its text. */
static gboolean
retry_under_text (Fixture *f)
{
  GtkWidget *bar = GTK_WIDGET (byline_window_get_send_bar (f->window));
  GtkWidget *retry = byline_ui_test_find_button (bar, "_Retry");
  GtkWidget *label = byline_ui_test_find_descendant (bar, GTK_TYPE_LABEL);
  graphene_rect_t text, button;

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, bar_text (f));
  g_assert_true (gtk_widget_compute_bounds (label, bar, &text));
  g_assert_true (gtk_widget_compute_bounds (retry, bar, &button));
  g_test_message ("text: %.0f wide, %.0f to %.0f high; Retry at %.0f", text.size.width, text.origin.y,
                  text.origin.y + text.size.height, button.origin.y);
  return button.origin.y >= text.origin.y + text.size.height;
}

/* In a 360 px window the send bar's buttons go under its text, which had a
 * column of a word or two beside them, and the outbox fits the window: it
 * ran past its edge. */
static void
check_send_narrow (Fixture *f)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window));
  GtkWidget *label = byline_ui_test_find_descendant (GTK_WIDGET (byline_window_get_send_bar (f->window)),
                                                      GTK_TYPE_LABEL);
  GtkWidget *popover;
  int min = 0;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  g_assert_true (byline_ui_test_wait_until (send_bar_compact, f, 10000));
  byline_ui_test_wait (300);
  g_assert_true (retry_under_text (f));
  g_assert_cmpint (gtk_widget_get_width (label), >=, 250);
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 350);

  byline_outbox_button_popup (f->window->narrow_outbox_button);
  popover = (GtkWidget *) gtk_menu_button_get_popover (GTK_MENU_BUTTON (
    byline_ui_test_find_descendant (GTK_WIDGET (f->window->narrow_outbox_button), GTK_TYPE_MENU_BUTTON)));
  g_assert_true (byline_ui_test_wait_until (is_mapped, popover, 10000));
  byline_ui_test_wait (200);
  g_test_message ("the outbox: %d px in %d", gtk_widget_get_width (popover), gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_cmpint (gtk_widget_get_width (popover), <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
  /* Its button is at the right: it opens leftwards, into the window, not
   * centred on the button and past the window's edge. */
  g_assert_cmpint (gtk_widget_get_halign (popover), ==, GTK_ALIGN_END);
  gtk_popover_popdown (GTK_POPOVER (popover));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  g_assert_true (byline_ui_test_wait_until (send_bar_wide, f, 10000));
  byline_ui_test_wait (300);
  g_assert_false (retry_under_text (f));
}

/* The server is down when the reporter sends: the window says the story waits
 * and will be tried again; when the server is back it goes, once, untouched. */
static void
test_server_down (Fixture       *f,
                  gconstpointer  data)
{
  BylineOutboxButton *outbox_button = byline_window_get_outbox_button (f->window);
  g_autoptr(BylineArticle) sent = NULL;
  BylineOutboxJob *job;

  add_newsroom (f, BYLINE_TEST_REPORTER_TOKEN);
  type_story (f);
  choose_destination (f, NEWSROOM);

  server_down (f);
  send (f, "submitted");
  sent = saved_draft (f);
  wait_for_state (f, BYLINE_OUTBOX_JOB_WAITING, 20000);
  /* The reason is a sentence of its own, not "(… down.). Trying…". */
  g_assert_true (g_str_has_prefix (bar_text (f), "Not sent to “" NEWSROOM "” yet: "));
  g_assert_nonnull (strstr (bar_text (f), "refused the connection: the server may be down. Trying again by itself at "));
  /* A try seconds away is told to the second. */
  g_assert_true (g_regex_match_simple (" at [0-9]{2}:[0-9]{2}:[0-9]{2}\\.$", bar_text (f), 0, 0));
  g_assert_cmpstr (byline_outbox_button_get_count (outbox_button), ==, "1");
  job = byline_send_bar_get_job (byline_window_get_send_bar (f->window));
  g_assert_cmpuint (byline_outbox_job_get_attempts (job), >=, 1);
  /* The popover lists it, with Retry and Cancel. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (byline_outbox_button_get_list (outbox_button), 0));
  check_send_narrow (f);

  /* It keeps trying while the server is down… */
  byline_ui_test_wait (1000);
  g_assert_cmpint (byline_outbox_job_get_state (job), !=, BYLINE_OUTBOX_JOB_SENT);
  g_assert_cmpuint (byline_outbox_job_get_attempts (job), >=, 2);

  /* …and goes by itself when it is back. */
  server_back (f);
  wait_for_state (f, BYLINE_OUTBOX_JOB_SENT, 20000);
  g_assert_nonnull (strstr (bar_text (f), "Sent to"));
  assert_on_server (f, sent, "submitted");
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/items/", 201), ==, 1);
  g_assert_cmpstr (byline_outbox_button_get_count (outbox_button), ==, "");
}

/* A refusal needs the person: the bar gives the reason and Retry; with an
 * editor's token (typed into the account's dialog), Retry sends it. */
static void
test_failed_then_retry (Fixture       *f,
                        gconstpointer  data)
{
  BylineSendBar *bar = byline_window_get_send_bar (f->window);
  g_autoptr(BylineAccountDialog) dialog = NULL;
  g_autoptr(BylineArticle) sent = NULL;
  GObject *retry;

  add_newsroom (f, BYLINE_TEST_REPORTER_TOKEN);
  type_story (f);
  choose_destination (f, NEWSROOM);
  send (f, "published");
  sent = saved_draft (f);
  wait_for_state (f, BYLINE_OUTBOX_JOB_FAILED, 20000);
  g_assert_true (g_str_has_prefix (bar_text (f), "Not sent to “" NEWSROOM "”: "));
  g_assert_nonnull (byline_outbox_job_get_error_message (byline_send_bar_get_job (bar)));
  g_assert_nonnull (strstr (bar_text (f), byline_outbox_job_get_error_message (byline_send_bar_get_job (bar))));
  retry = gtk_widget_get_template_child (GTK_WIDGET (bar), BYLINE_TYPE_SEND_BAR, "retry_button");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (retry)));
  g_assert_cmpstr (byline_outbox_button_get_count (byline_window_get_outbox_button (f->window)), ==, "1");

  dialog = fill_account (f, byline_accounts_lookup (byline_publisher_get_accounts (f->publisher), NEWSROOM),
                         NULL, 0, NULL, NULL, BYLINE_TEST_EDITOR_TOKEN, "account.test");
  g_assert_nonnull (strstr (byline_account_dialog_get_result (dialog), "Phạm Văn Quý"));
  g_assert_nonnull (strstr (byline_account_dialog_get_result (dialog), "editor"));
  adw_dialog_close (ADW_DIALOG (dialog));
  byline_ui_test_wait (100);

  g_signal_emit_by_name (retry, "clicked");
  wait_for_state (f, BYLINE_OUTBOX_JOB_SENT, 20000);
  g_assert_cmpstr (bar_text (f), ==, "Sent to “" NEWSROOM "”: published.");
  assert_on_server (f, sent, "published");
  assert_no_secrets_on_disk ();
}

static gboolean
alert_shown (gpointer data)
{
  return ADW_IS_ALERT_DIALOG (adw_application_window_get_visible_dialog (data));
}

/* The checklist before a story leaves: a story with an error is submitted
 * for review (the checklist opens), but publishing it asks first, sends
 * nothing until "Publish Anyway", and records that decision on the story. */
static void
test_checks_before_publishing (Fixture       *f,
                               gconstpointer  data)
{
  BylineArticle *open;
  g_autoptr(BylineArticle) sent = NULL;
  JsonObject *record;
  AdwDialog *dialog;

  add_newsroom (f, BYLINE_TEST_EDITOR_TOKEN);
  type_story (f);
  open = byline_document_get_article (byline_window_get_document (f->window));
  byline_article_set_authors (open, NULL);
  choose_destination (f, NEWSROOM);

  send (f, "published");
  g_assert_true (byline_ui_test_wait_until (alert_shown, f->window, 5000));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Publish With Errors?");
  g_assert_cmpint (adw_alert_dialog_get_response_appearance (ADW_ALERT_DIALOG (dialog), "publish"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpuint (byline_checklist_get_n_errors (_byline_window_get_checklist (f->window)), ==, 1);
  byline_ui_test_wait (300);
  g_assert_cmpuint (byline_newsroom_server_count_items (f->server), ==, 0);
  g_assert_null (byline_review_get_override (open));

  g_signal_emit_by_name (dialog, "response::publish", "publish");
  adw_dialog_force_close (dialog);
  wait_for_state (f, BYLINE_OUTBOX_JOB_SENT, 20000);
  sent = saved_draft (f);
  assert_on_server (f, sent, "published");
  record = byline_review_get_override (sent);
  g_assert_nonnull (record);
  g_assert_cmpstr (json_object_get_string_member (record, "status"), ==, "published");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (record, "errors"), 0), ==,
                   "missing-byline");
}

/* An account removed while a story waits for it: the story stops with the
 * reason instead of going out with the old secret; added again, Retry sends it. */
static void
test_account_removed (Fixture       *f,
                      gconstpointer  data)
{
  BylineAccounts *accounts = byline_publisher_get_accounts (f->publisher);
  g_autoptr(BylineArticle) sent = NULL;
  AdwDialog *edit;
  AdwDialog *confirm;
  guint before;

  add_newsroom (f, BYLINE_TEST_REPORTER_TOKEN);
  type_story (f);
  choose_destination (f, NEWSROOM);
  server_down (f);
  send (f, "submitted");
  sent = saved_draft (f);
  wait_for_state (f, BYLINE_OUTBOX_JOB_WAITING, 20000);

  edit = byline_account_dialog_new (f->publisher, byline_accounts_lookup (accounts, NEWSROOM));
  adw_dialog_present (edit, GTK_WIDGET (f->window));
  byline_ui_test_wait (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (edit), "account.remove", NULL));
  byline_ui_test_wait (100);
  confirm = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  g_signal_emit_by_name (confirm, "response", "remove");
  g_assert_true (byline_ui_test_wait_until (dialog_idle, edit, 10000));
  g_assert_null (byline_accounts_lookup (accounts, NEWSROOM));

  /* An attempt already under way may end first (the server is still down). */
  wait_for_state (f, BYLINE_OUTBOX_JOB_FAILED, 20000);
  g_assert_nonnull (strstr (bar_text (f), "There is no account “" NEWSROOM "” any more"));
  /* (The window may have asked who we are before the server went down.) */
  before = byline_newsroom_server_count_requests (f->server, NULL, "/v1/");
  server_back (f);
  byline_ui_test_wait (1000);
  g_assert_cmpint (byline_outbox_job_get_state (byline_send_bar_get_job (byline_window_get_send_bar (f->window))),
                   ==, BYLINE_OUTBOX_JOB_FAILED);
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, NULL, "/v1/"), ==, before);
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, NULL, "/v1/items"), ==, 0);

  add_newsroom (f, BYLINE_TEST_REPORTER_TOKEN);
  byline_ui_test_wait (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (byline_window_get_send_bar (f->window)),
                                             "send-bar.retry", NULL));
  wait_for_state (f, BYLINE_OUTBOX_JOB_SENT, 20000);
  assert_on_server (f, sent, "submitted");
}

static gboolean
bar_hidden (gpointer data)
{
  Fixture *f = data;

  return !gtk_widget_get_visible (GTK_WIDGET (byline_window_get_send_bar (f->window)));
}

static GtkWidget *
bar_button (Fixture    *f,
            const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (byline_window_get_send_bar (f->window)),
                                                    BYLINE_TYPE_SEND_BAR, name));
}

static gboolean
item_put_held (gpointer data)
{
  Fixture *f = data;

  return byline_newsroom_server_count_requests (f->server, "PUT", "/v1/items/") == 1;
}

/* Cancel, from the send bar: a story waiting for a server that is down, and
 * a story on its way (the server holds its last request, as a dying line
 * would).  Either leaves the outbox at once, nothing more goes out, the
 * draft is as it was, and it can be sent again. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  BylineOutboxButton *outbox_button = byline_window_get_outbox_button (f->window);
  BylineOutbox *outbox = byline_publisher_get_outbox (f->publisher);
  g_autoptr(BylineArticle) before = NULL;
  g_autoptr(BylineArticle) after = NULL;
  g_autoptr(BylineArticle) sent = NULL;

  add_newsroom (f, BYLINE_TEST_REPORTER_TOKEN);
  type_story (f);
  choose_destination (f, NEWSROOM);

  /* Waiting for the server. */
  server_down (f);
  send (f, "submitted");
  before = saved_draft (f);
  wait_for_state (f, BYLINE_OUTBOX_JOB_WAITING, 20000);
  g_assert_true (gtk_widget_get_visible (bar_button (f, "cancel_button")));
  g_signal_emit_by_name (bar_button (f, "cancel_button"), "clicked");
  g_assert_true (byline_ui_test_wait_until (bar_hidden, f, 2000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 0);
  g_assert_cmpstr (byline_outbox_button_get_count (outbox_button), ==, "");
  byline_ui_test_wait (100);
  g_assert_nonnull (byline_ui_test_find_label (GTK_WIDGET (f->window), "Not sent: cancelled"));
  server_back (f);
  byline_ui_test_wait (1000);
  /* Nothing of the story sent (the window may have asked who we are before). */
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, NULL, "/v1/items"), ==, 0);
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, NULL, "/v1/assets"), ==, 0);
  after = saved_draft (f);
  byline_test_assert_articles_equal (after, before);
  g_clear_object (&after);

  /* On its way: the pictures are up, the story itself is held by the server. */
  byline_newsroom_server_inject (f->server, "PUT", "/v1/items/", BYLINE_FAULT_HANG, 0, 0, 0, 1);
  send (f, "submitted");
  wait_for_state (f, BYLINE_OUTBOX_JOB_SENDING, 20000);
  g_assert_true (byline_ui_test_wait_until (item_put_held, f, 20000));
  g_assert_true (gtk_widget_get_visible (bar_button (f, "cancel_button")));
  g_assert_false (gtk_widget_get_visible (bar_button (f, "retry_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (byline_window_get_send_bar (f->window)),
                                             "send-bar.cancel", NULL));
  g_assert_true (byline_ui_test_wait_until (bar_hidden, f, 2000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 0);
  byline_newsroom_server_release_hung (f->server);
  byline_ui_test_wait (1000);
  g_assert_cmpuint (byline_newsroom_server_count_items (f->server), ==, 0);
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, "PUT", "/v1/items/"), ==, 1);
  after = saved_draft (f);
  byline_test_assert_articles_equal (after, before);

  /* Sent again, it goes, once. */
  send (f, "submitted");
  sent = saved_draft (f);
  wait_for_state (f, BYLINE_OUTBOX_JOB_SENT, 20000);
  assert_on_server (f, sent, "submitted");
  g_assert_cmpuint (byline_newsroom_server_count_answers (f->server, "PUT", "/v1/items/", 201), ==, 1);
}

/* The outbox's own buttons: Cancel on a waiting story's row, and Clear Sent
 * once a story has gone; the send bar's close button hides a sent story's
 * bar until the story is sent again. */
static void
test_outbox_rows (Fixture       *f,
                  gconstpointer  data)
{
  BylineOutboxButton *outbox_button = byline_window_get_outbox_button (f->window);
  BylineOutbox *outbox = byline_publisher_get_outbox (f->publisher);
  GtkListBox *list = byline_outbox_button_get_list (outbox_button);
  GtkWidget *cancel;
  GtkListBoxRow *row;
  guint seen;

  add_newsroom (f, BYLINE_TEST_REPORTER_TOKEN);
  type_story (f);
  choose_destination (f, NEWSROOM);

  server_down (f);
  send (f, "submitted");
  wait_for_state (f, BYLINE_OUTBOX_JOB_WAITING, 20000);
  byline_outbox_button_popup (outbox_button);
  byline_ui_test_wait (200);
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, HEADLINE);
  cancel = byline_ui_test_find_button (GTK_WIDGET (row), "Cancel");
  g_assert_nonnull (cancel);
  g_assert_true (gtk_widget_get_visible (cancel));
  g_signal_emit_by_name (cancel, "clicked");
  g_assert_true (byline_ui_test_wait_until (bar_hidden, f, 2000));
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 0);
  /* Nothing more reaches the server once cancelled.  (What reached it
   * before, the account's GET /v1/me when the machine is slow, is not the
   * story's.) */
  seen = byline_newsroom_server_count_requests (f->server, NULL, "/v1/");
  server_back (f);
  byline_ui_test_wait (800);
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, NULL, "/v1/"), ==, seen);
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, NULL, "/v1/items"), ==, 0);

  /* Sent: the bar says so until closed; Clear Sent empties the outbox. */
  send (f, "submitted");
  wait_for_state (f, BYLINE_OUTBOX_JOB_SENT, 20000);
  g_assert_true (gtk_widget_get_visible (bar_button (f, "dismiss_button")));
  g_assert_false (gtk_widget_get_visible (bar_button (f, "cancel_button")));
  g_signal_emit_by_name (bar_button (f, "dismiss_button"), "clicked");
  g_assert_true (byline_ui_test_wait_until (bar_hidden, f, 2000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))));
  g_assert_false (gtk_widget_get_visible (byline_ui_test_find_button (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)),
                                                                      "Cancel")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (outbox_button), "outbox.clear-sent", NULL));
  byline_ui_test_wait (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outbox)), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (byline_window_get_send_bar (f->window))));

  /* Sent again: the bar is back for the new job. */
  send (f, "published");
  wait_for_state (f, BYLINE_OUTBOX_JOB_FAILED, 20000);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (byline_window_get_send_bar (f->window))));
}

/* At 360 pixels, with the Send button, the outbox and a failed story's bar
 * showing, nothing asks for more room than there is. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window));
  int min = 0;

  add_newsroom (f, BYLINE_TEST_REPORTER_TOKEN);
  type_story (f);
  choose_destination (f, NEWSROOM);
  send (f, "published");
  wait_for_state (f, BYLINE_OUTBOX_JOB_FAILED, 20000);
  g_assert_true (byline_outbox_button_get_shown (byline_window_get_outbox_button (f->window)));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  byline_ui_test_wait (600);
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 350);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 360);
  /* Send and the outbox moved to the bottom bar. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (byline_window_get_outbox_button (f->window))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                                                    BYLINE_TYPE_WINDOW,
                                                                                    "narrow_send_button"))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                                                    BYLINE_TYPE_WINDOW,
                                                                                    "narrow_outbox_button"))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (byline_window_get_send_bar (f->window))));

  /* Wide again: back in the header bar. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  byline_ui_test_wait (600);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (byline_window_get_outbox_button (f->window))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                                                    BYLINE_TYPE_WINDOW,
                                                                                    "send_button"))));
}

/* Offline: the story waits for the network, and goes as soon as it is back. */
static void
test_offline (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BylineArticle) sent = NULL;

  add_newsroom (f, BYLINE_TEST_REPORTER_TOKEN);
  type_story (f);
  choose_destination (f, NEWSROOM);
  byline_test_network_monitor_set_online (network, FALSE);
  send (f, "submitted");
  sent = saved_draft (f);
  wait_for_state (f, BYLINE_OUTBOX_JOB_WAITING, 10000);
  g_assert_cmpstr (bar_text (f), ==, "Waiting for a network connection to send to “" NEWSROOM "”.");
  byline_ui_test_wait (500);
  g_assert_cmpuint (byline_newsroom_server_count_requests (f->server, NULL, "/v1/items"), ==, 0);

  byline_test_network_monitor_set_online (network, TRUE);
  wait_for_state (f, BYLINE_OUTBOX_JOB_SENT, 20000);
  assert_on_server (f, sent, "submitted");
}

/* Schedule…: the time picked in the dialog goes with the story. */
static void
test_schedule (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("scheduled");
  g_autofree char *path = g_file_get_path (folder);
  g_autoptr(BylineAccountDialog) dialog = NULL;
  g_autoptr(BylineArticle) sent = NULL;
  g_autoptr(GFile) status_file = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *status_text = NULL;
  g_autofree char *when_text = NULL;
  AdwDialog *alert;

  dialog = fill_account (f, NULL, FOLDER, BYLINE_ACCOUNT_FOLDER, path, NULL, NULL, "account.save");
  type_story (f);
  choose_destination (f, FOLDER);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.schedule", NULL));
  byline_ui_test_wait (100);
  alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  g_assert_true (ADW_IS_ALERT_DIALOG (alert));
  when = g_date_time_ref (byline_date_button_get_date_time (
           BYLINE_DATE_BUTTON (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (alert)))));
  g_assert_cmpint (g_date_time_compare (when, now), >, 0);
  g_signal_emit_by_name (alert, "response", "schedule");
  sent = saved_draft (f);
  g_assert_true (g_date_time_equal (byline_article_get_publish_time (sent), when));

  wait_for_state (f, BYLINE_OUTBOX_JOB_SENT, 20000);
  g_assert_cmpstr (bar_text (f), ==, "Sent to “" FOLDER "”: scheduled.");
  status_file = g_file_new_build_filename (path, "scheduled", byline_article_get_id (sent), "status.json", NULL);
  g_assert_true (g_file_load_contents (status_file, NULL, &status_text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (status_text, "\"scheduled\""));
  {
    g_autoptr(JsonNode) node = json_from_string (status_text, NULL);
    const char *publish_at = json_object_get_string_member (json_node_get_object (node), "publish_at");
    g_autoptr(GDateTime) stored = g_date_time_new_from_iso8601 (publish_at, NULL);

    g_assert_nonnull (stored);
    g_assert_true (g_date_time_equal (stored, when));
  }
}

/* Queued while the server is down, then the application quits: the next
 * start resumes the job and sends it by itself. */
static void
test_restart (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BylineArticle) sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  add_newsroom (f, BYLINE_TEST_REPORTER_TOKEN);
  type_story (f);
  choose_destination (f, NEWSROOM);
  server_down (f);
  send (f, "submitted");
  sent = saved_draft (f);
  id = g_strdup (byline_article_get_id (sent));
  wait_for_state (f, BYLINE_OUTBOX_JOB_WAITING, 20000);

  /* Quit: the window closes, the outbox stops. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  byline_publisher_stop (f->publisher);
  g_clear_object (&f->publisher);
  byline_ui_test_wait (100);
  server_back (f);

  /* Start again, with the story open as the session left it. */
  f->publisher = new_publisher (f->store);
  f->window = byline_window_new (NULL, f->store);
  byline_window_set_publisher (f->window, f->publisher);
  g_assert_true (byline_window_open_draft (f->window, id, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (f->window));

  wait_for_state (f, BYLINE_OUTBOX_JOB_SENT, 20000);
  assert_on_server (f, sent, "submitted");
  g_assert_cmpstr (byline_article_get_remote_id (byline_document_get_article (byline_window_get_document (f->window)),
                                                 NEWSROOM), ==, id);
}

/* ------------------------------------------- a real WordPress (optional) */

/* Only when the program runs under tests/wordpress/run-with-peer.sh, which
 * starts a real WordPress on loopback and names its credentials.env. */
#define WORDPRESS "Báo Lai Châu (WordPress)"

/* GET @path of the site's REST API as the peer's editor. */
static JsonNode *
wordpress_get (const char *path)
{
  return byline_test_wp_peer_request ("EDITOR", SOUP_METHOD_GET, path, NULL, NULL);
}

static const char *
raw_member (JsonObject *object,
            const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (object, member), "raw");
}

/* The author's account added through the account dialog, then the story
 * typed and submitted from the window: the post is on the site as typed. */
static void
test_send_wordpress (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *login = byline_test_wp_peer_login ("AUTHOR");
  g_autofree char *password = byline_test_wp_peer_password ("AUTHOR");
  g_autoptr(BylineAccountDialog) dialog = NULL;
  g_autoptr(BylineArticle) sent = NULL;
  g_autoptr(JsonNode) post_node = NULL;
  g_autofree char *post_path = NULL;
  JsonObject *post;
  const char *post_id;
  const char *content;

  dialog = fill_account (f, NULL, WORDPRESS, BYLINE_ACCOUNT_WORDPRESS,
                         byline_test_wp_peer_get ("BASE_URL"), login, password,
                         "account.save");
  g_assert_cmpstr (byline_account_dialog_get_result (dialog), ==, "");
  type_story (f);
  choose_destination (f, WORDPRESS);
  send (f, "submitted");
  sent = saved_draft (f);
  wait_for_state (f, BYLINE_OUTBOX_JOB_SENT, 60000);
  g_assert_cmpstr (bar_text (f), ==, "Sent to “" WORDPRESS "”: submitted for review.");

  post_id = byline_article_get_remote_id (byline_document_get_article (byline_window_get_document (f->window)),
                                          WORDPRESS);
  g_assert_nonnull (post_id);
  post_path = g_strconcat ("/wp/v2/posts/", post_id, "?context=edit", NULL);
  post_node = wordpress_get (post_path);
  post = json_node_get_object (post_node);

  /* As typed, byte for byte: the headline, the lead, each paragraph, each
   * picture's caption and alt text; pending review, by the author. */
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "pending");
  g_assert_cmpstr (raw_member (post, "title"), ==, HEADLINE);
  g_assert_nonnull (strstr (raw_member (post, "excerpt"), LEAD));
  content = raw_member (post, "content");
  g_assert_nonnull (strstr (content, "<p>Theo Ban Chỉ huy, 37 hộ dân phải sơ tán khẩn cấp.</p>"));
  g_assert_nonnull (strstr (content, "<p>Lực lượng cứu hộ đã có mặt từ sáng sớm.</p>"));
  {
    const char *first = strstr (content, "<figcaption");
    const char *second = first ? strstr (first + 1, "<figcaption") : NULL;

    g_assert_nonnull (second);
    g_assert_nonnull (strstr (first, "Sạt lở trên Quốc lộ 4H."));
    g_assert_nonnull (strstr (second, "Cứu hộ giúp dân di dời."));
  }

  /* Each figure names its picture in the media library (wp-image-ID):
   * there, with the alt text typed for it. */
  {
    g_autoptr(GRegex) regex = g_regex_new ("wp-image-([0-9]+)", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    guint n = 0;

    for (g_regex_match (regex, content, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
      {
        g_autofree char *media_id = g_match_info_fetch (match, 1);
        g_autofree char *path = g_strconcat ("/wp/v2/media/", media_id, "?context=edit", NULL);
        g_autoptr(JsonNode) item = wordpress_get (path);
        const char *alt = json_object_get_string_member (json_node_get_object (item), "alt_text");

        g_assert_cmpstr (alt, ==, n == 0 ? "Đất đá tràn xuống mặt đường." : "Bộ đội khiêng đồ qua suối.");
        n++;
      }
    g_assert_cmpuint (n, ==, byline_article_get_n_images (sent));
  }
  assert_no_secrets_on_disk ();
  {
    const char *folders[] = { g_get_home_dir (), g_get_user_config_dir (), g_get_user_data_dir () };

    for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
      assert_secret_nowhere (folders[i], password);
  }
}

static gboolean
account_dialog_closed (gpointer data)
{
  Fixture *f = data;

  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window)) == NULL;
}

static const SecretSchema account_schema = {
  "io.github.bylinenews.Byline.Account", SECRET_SCHEMA_NONE,
  { { "account", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } }
};

static gboolean
account_button_shown (gpointer data)
{
  return gtk_widget_get_visible (bar_button (data, "account_button"));
}

/* The token was changed on the server: the send says so, and its Account…
 * button opens the account, where the new token sends the story. */
static void
test_wrong_token_account (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BylineArticle) sent = NULL;
  AdwDialog *dialog;
  GtkWidget *secret_row;

  add_newsroom (f, "not-the-token");
  type_story (f);
  choose_destination (f, NEWSROOM);
  g_assert_false (gtk_widget_get_visible (bar_button (f, "account_button")));
  send (f, "submitted");
  sent = saved_draft (f);
  wait_for_state (f, BYLINE_OUTBOX_JOB_FAILED, 20000);
  g_assert_nonnull (strstr (bar_text (f), "Wrong token or password"));
  g_assert_true (gtk_widget_get_visible (bar_button (f, "account_button")));
  g_assert_true (gtk_widget_get_visible (bar_button (f, "retry_button")));

  g_signal_emit_by_name (bar_button (f, "account_button"), "clicked");
  byline_ui_test_wait (100);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  g_assert_true (BYLINE_IS_ACCOUNT_DIALOG (dialog));
  secret_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), BYLINE_TYPE_ACCOUNT_DIALOG,
                                                           "secret_row"));
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_focus_in, secret_row, 5000));
  set_row_text (BYLINE_ACCOUNT_DIALOG (dialog), "secret_row", BYLINE_TEST_REPORTER_TOKEN);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.save", NULL));
  g_assert_true (byline_ui_test_wait_until (account_dialog_closed, f, 10000));

  /* Saved: the story goes again by itself. */
  wait_for_state (f, BYLINE_OUTBOX_JOB_SENT, 20000);
  g_assert_false (gtk_widget_get_visible (bar_button (f, "account_button")));
  assert_on_server (f, sent, "submitted");
}

/* A folder account saved while its folder cannot be used (here, below a
 * file; a drive not connected says the same): kept, and the dialog says why. */
static void
test_folder_account_not_usable (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GFile) share = byline_test_make_folder ("share");
  g_autoptr(GFile) file = g_file_get_child (share, "tap-tin");
  g_autoptr(GFile) below = g_file_get_child (file, "toa-soan");
  g_autoptr(BylineAccountDialog) dialog = NULL;
  const char *result;

  g_assert_true (g_file_set_contents (g_file_peek_path (file), "", 0, NULL));
  dialog = fill_account (f, NULL, FOLDER, BYLINE_ACCOUNT_FOLDER, g_file_peek_path (below), NULL, NULL,
                         "account.save");
  result = byline_account_dialog_get_result (dialog);
  g_test_message ("%s", result);
  g_assert_true (g_str_has_prefix (result, "Saved, but the folder cannot be used yet\n"));
  g_assert_nonnull (strstr (result, "tap-tin"));
  g_assert_nonnull (byline_accounts_lookup (byline_publisher_get_accounts (f->publisher), FOLDER));
  adw_dialog_force_close (ADW_DIALOG (dialog));
}

/* A folder account whose folder holds nothing of the newsroom's (set up by
 * hand in accounts.ini, or by an older Byline): the send waits, Account…
 * opens it, and saving it there takes the folder and sends the story. */
static void
test_folder_not_newsroom_account (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("share");
  g_autoptr(GFile) mark = g_file_get_child (folder, ".byline-newsroom");
  g_autoptr(BylineAccount) account = byline_account_new (FOLDER, BYLINE_ACCOUNT_FOLDER,
                                                         g_file_peek_path (folder), NULL);
  BylineAccounts *accounts = byline_publisher_get_accounts (f->publisher);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineArticle) sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) item = NULL;
  AdwDialog *dialog;

  byline_accounts_save_async (accounts, account, NULL, NULL, byline_test_got_result, &result);
  g_assert_true (byline_accounts_save_finish (accounts, byline_test_wait (&result), &error));
  g_assert_no_error (error);
  /* Tries ten minutes apart: only the account's Save can make it go now. */
  byline_outbox_set_backoff (byline_publisher_get_outbox (f->publisher), 10 * 60 * 1000, 10 * 60 * 1000);
  type_story (f);
  choose_destination (f, FOLDER);
  send (f, "submitted");
  sent = saved_draft (f);
  wait_for_state (f, BYLINE_OUTBOX_JOB_WAITING, 20000);
  g_assert_nonnull (strstr (bar_text (f), "nothing of the newsroom’s in it"));
  g_assert_true (gtk_widget_get_visible (bar_button (f, "account_button")));
  g_assert_false (g_file_query_exists (mark, NULL));

  g_signal_emit_by_name (bar_button (f, "account_button"), "clicked");
  byline_ui_test_wait (100);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  g_assert_true (BYLINE_IS_ACCOUNT_DIALOG (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.save", NULL));
  g_assert_true (byline_ui_test_wait_until (account_dialog_closed, f, 10000));
  g_assert_true (g_file_query_exists (mark, NULL));

  /* At once, not at the next try. */
  wait_for_state (f, BYLINE_OUTBOX_JOB_SENT, 5000);
  item = g_file_new_build_filename (g_file_peek_path (folder), "submitted", byline_article_get_id (sent),
                                    "item.json", NULL);
  g_assert_true (g_file_query_exists (item, NULL));
}

/* A try minutes away is told to the minute: seconds would only be noise. */
static void
test_waiting_minutes (Fixture       *f,
                      gconstpointer  data)
{
  add_newsroom (f, BYLINE_TEST_REPORTER_TOKEN);
  byline_outbox_set_backoff (byline_publisher_get_outbox (f->publisher), 10 * 60 * 1000, 10 * 60 * 1000);
  type_story (f);
  choose_destination (f, NEWSROOM);
  server_down (f);
  send (f, "submitted");
  wait_for_state (f, BYLINE_OUTBOX_JOB_WAITING, 20000);
  g_test_message ("%s", bar_text (f));
  g_assert_true (g_regex_match_simple (" Trying again by itself at [0-9]{2}:[0-9]{2}\\.$", bar_text (f), 0, 0));
}

/* The keyring has no token for the account (a new login keyring, say):
 * the send waits, and Account… is where to give it. */
static void
test_no_token_account (Fixture       *f,
                       gconstpointer  data)
{
  BylineOutboxButton *outbox_button = byline_window_get_outbox_button (f->window);
  g_autoptr(BylineArticle) sent = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  GtkWidget *account;
  AdwDialog *dialog;

  add_newsroom (f, BYLINE_TEST_REPORTER_TOKEN);
  /* Gone from the keyring (as Byline's accounts keep it there). */
  secret_password_clear_sync (&account_schema, NULL, &error, "account", NEWSROOM, NULL);
  g_assert_no_error (error);
  type_story (f);
  choose_destination (f, NEWSROOM);
  send (f, "submitted");
  sent = saved_draft (f);
  g_assert_true (byline_ui_test_wait_until (account_button_shown, f, 10000));
  g_assert_cmpint (byline_outbox_job_get_state (byline_send_bar_get_job (byline_window_get_send_bar (f->window))),
                   ==, BYLINE_OUTBOX_JOB_QUEUED);
  g_assert_true (g_str_has_suffix (bar_text (f), "enter it again."));

  /* The outbox offers the same, by the story's row. */
  byline_outbox_button_popup (outbox_button);
  byline_ui_test_wait (200);
  row = gtk_list_box_get_row_at_index (byline_outbox_button_get_list (outbox_button), 0);
  g_assert_nonnull (row);
  account = byline_ui_test_find_button (GTK_WIDGET (row), "Edit the account");
  g_assert_nonnull (account);
  g_assert_true (gtk_widget_get_visible (account));
  g_assert_false (gtk_widget_get_visible (byline_ui_test_find_button (GTK_WIDGET (row), "Retry")));
  g_signal_emit_by_name (account, "clicked");
  byline_ui_test_wait (100);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  g_assert_true (BYLINE_IS_ACCOUNT_DIALOG (dialog));
  set_row_text (BYLINE_ACCOUNT_DIALOG (dialog), "secret_row", BYLINE_TEST_REPORTER_TOKEN);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "account.save", NULL));
  g_assert_true (byline_ui_test_wait_until (account_dialog_closed, f, 10000));
  wait_for_state (f, BYLINE_OUTBOX_JOB_SENT, 20000);
  assert_on_server (f, sent, "submitted");
  g_assert_false (gtk_widget_get_visible (account));
}

int
main (int   argc,
      char *argv[])
{
  BylineTestKeyring *keyring;
  g_autofree char *display = NULL;
  int status;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  /* The private session bus the keyring lives on has no accessibility bus. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  /* Before GTK: every D-Bus client of this process then uses the private bus.
   * GTestDBus unsets DISPLAY (against X11 autolaunch); GTK needs it back. */
  display = g_strdup (g_getenv ("DISPLAY"));
  keyring = byline_test_keyring_start ();
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  byline_ui_test_init (&argc, &argv);
  network = byline_test_network_monitor_new ();
  /* Spelling is not what is tested here, and is slow to start. */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.bylinenews.Byline");

    g_settings_set_boolean (settings, "spell-check", FALSE);
  }

  g_test_add ("/ui/publish/accounts-page", Fixture, NULL, fixture_setup, test_accounts_page, fixture_teardown);
  g_test_add ("/ui/publish/send-newsroom", Fixture, NULL, fixture_setup, test_send_newsroom, fixture_teardown);
  g_test_add ("/ui/publish/send-folder", Fixture, NULL, fixture_setup, test_send_folder, fixture_teardown);
  g_test_add ("/ui/publish/choose-folder", Fixture, NULL, fixture_setup, test_choose_folder, fixture_teardown);
  g_test_add ("/ui/publish/server-down", Fixture, NULL, fixture_setup, test_server_down, fixture_teardown);
  g_test_add ("/ui/publish/failed-then-retry", Fixture, NULL, fixture_setup, test_failed_then_retry,
              fixture_teardown);
  g_test_add ("/ui/publish/account-removed", Fixture, NULL, fixture_setup, test_account_removed,
              fixture_teardown);
  g_test_add ("/ui/publish/wrong-token-account", Fixture, NULL, fixture_setup, test_wrong_token_account,
              fixture_teardown);
  g_test_add ("/ui/publish/no-token-account", Fixture, NULL, fixture_setup, test_no_token_account,
              fixture_teardown);
  g_test_add ("/ui/publish/waiting-minutes", Fixture, NULL, fixture_setup, test_waiting_minutes,
              fixture_teardown);
  g_test_add ("/ui/publish/folder-account-not-usable", Fixture, NULL, fixture_setup,
              test_folder_account_not_usable, fixture_teardown);
  g_test_add ("/ui/publish/folder-not-newsroom-account", Fixture, NULL, fixture_setup,
              test_folder_not_newsroom_account, fixture_teardown);
  g_test_add ("/ui/publish/account-cancel", Fixture, NULL, fixture_setup, test_account_cancel,
              fixture_teardown);
  g_test_add ("/ui/publish/account-not-saved", Fixture, NULL, fixture_setup, test_account_not_saved,
              fixture_teardown);
  g_test_add ("/ui/publish/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  g_test_add ("/ui/publish/outbox-rows", Fixture, NULL, fixture_setup, test_outbox_rows, fixture_teardown);
  g_test_add ("/ui/publish/narrow", Fixture, NULL, fixture_setup, test_narrow, fixture_teardown);
  g_test_add ("/ui/publish/offline", Fixture, NULL, fixture_setup, test_offline, fixture_teardown);
  g_test_add ("/ui/publish/schedule", Fixture, NULL, fixture_setup, test_schedule, fixture_teardown);
  g_test_add ("/ui/publish/restart", Fixture, NULL, fixture_setup, test_restart, fixture_teardown);
  g_test_add ("/ui/publish/checks-before-publishing", Fixture, NULL, fixture_setup,
              test_checks_before_publishing, fixture_teardown);
  /* Registered by tests/ui/meson.build a second time, under the WordPress peer. */
  if (byline_test_wp_peer_load ())
    g_test_add ("/ui/publish/send-wordpress", Fixture, NULL, fixture_setup, test_send_wordpress,
                fixture_teardown);

  status = g_test_run ();

  byline_test_keyring_stop (keyring);
  return status;
}
