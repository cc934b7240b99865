/* byline-screenshots.c — saves screenshots of Byline's main states
 *
 * Run under Xvfb by build-aux/screenshots: builds a story with pictures
 * through the same code paths as the window (the document imports the photos
 * into the draft, the store saves versions), shows each state in a real
 * window and captures the screen with ImageMagick's `import`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>
#include <utime.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "config.h"

#include "ui-test-utils.h"
#include "byline-application.h"
#include "byline-article-editor.h"
#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-document.h"
#include "byline-drafts-dialog.h"
#include "byline-find-bar.h"
#include "byline-history-dialog.h"
#include "byline-import.h"
#include "byline-preferences-dialog.h"
#include "byline-preview-dialog.h"
#include "byline-account-dialog.h"
#include "byline-outbox-button.h"
#include "byline-publisher.h"
#include "byline-review-dialog.h"
#include "byline-send-bar.h"
#include "byline-shortcuts-dialog.h"
#include "byline-window.h"
#include "byline-window-private.h"
#include "byline-window-review.h"

static char *out_dir;
static char **only;   /* the states asked for; NULL: all */
static GFile *photos;
static BylineDraftStore *store;
/* What the application gives each window: the outbox, and a new user's
 * accounts (the default folder). Without it a window has no Send button. */
static BylinePublisher *app_publisher;

static const char *story_id;
/* The windows' size: BYLINE_SCREENSHOT_SIZE=360x640 takes every state in a
 * phone's width, to look at (the README's are 1280 × 800). */
static int shot_width = 1280;
static int shot_height = 800;

static gboolean wanted (const char *name);

static void
capture (GtkWidget  *window,
         const char *name)
{
  const char *suffix = g_getenv ("BYLINE_SCREENSHOT_SUFFIX");
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".png"));
  g_autofree char *file_name = g_strdup_printf ("%s%s.png", stem, suffix ? suffix : "");
  g_autofree char *path = g_build_filename (out_dir, file_name, NULL);
  g_autofree char *crop = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  /* Some states asked for: the others their windows show on the way are not written. */
  if (!wanted (name))
    return;
  crop = g_strdup_printf ("%dx%d+0+0", gtk_widget_get_width (window), gtk_widget_get_height (window));
  {
    const char *argv[] = { "import", "-window", "root", "-crop", crop, "+repage", path, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                       &status, &error)
        || !g_spawn_check_wait_status (status, &error))
      g_error ("Could not take %s: %s", name, error->message);
  }
  g_print ("%s\n", path);
}

static gboolean
wanted (const char *name)
{
  return only == NULL || g_strv_contains ((const char * const *) only, name);
}

static GFile *
photo (const char *name,
       guint       width,
       guint       height,
       const char *palette)
{
  GFile *file = g_file_get_child (photos, name);

  if (!byline_ui_test_make_photo (file, width, height, palette))
    g_error ("ImageMagick's convert is needed to make the sample photos");
  return file;
}

static BylineImage *
add_picture (BylineDocument *document,
             const char     *name,
             const char     *palette,
             guint           width,
             guint           height,
             int             block,
             const char     *caption,
             const char     *credit,
             const char     *alt)
{
  g_autoptr(GFile) file = photo (name, width, height, palette);
  g_autoptr(GError) error = NULL;
  BylineImage *image = byline_document_import_image (document, file, block, &error);

  g_assert_no_error (error);
  byline_image_set_caption (image, caption);
  byline_image_set_credit (image, credit);
  byline_image_set_alt_text (image, alt);
  return image;
}

/* Marks @words inside block @index with @kind, wherever they are. */
static void
mark (BylineBody     *body,
      guint           index,
      const char     *words,
      BylineSpanKind  kind,
      const char     *href)
{
  const char *text = byline_block_get_text (byline_body_get_block (body, index));
  const char *at = strstr (text, words);
  glong start;

  g_assert_nonnull (at);
  start = g_utf8_pointer_to_offset (text, at);
  byline_body_apply_span (body, index, start, start + g_utf8_strlen (words, -1), kind, href, TRUE);
}

static void
write_story (BylineDocument *document)
{
  BylineArticle *article = byline_document_get_article (document);
  BylineBody *body = byline_article_get_body (article);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) publish = g_date_time_new (zone ? zone : g_time_zone_new_offset (7 * 3600),
                                                  2025, 8, 10, 16, 30, 0);
  const char *authors[] = { "Lò Văn Dũng", "Nguyễn Thị Hương", NULL };
  const char *tags[] = { "mưa lũ", "Nậm Nhùn", "sạt lở đất", NULL };
  guint i;

  byline_article_set_headline (article, "Nậm Nhùn: mưa lũ gây sạt lở nghiêm trọng, 137 hộ dân phải di dời");
  byline_article_set_lead (article,
                           "Mưa lớn kéo dài từ đêm 9/8 đã gây sạt lở đất tại nhiều xã của huyện Nậm Nhùn, "
                           "chia cắt giao thông và buộc chính quyền sơ tán khẩn cấp 137 hộ dân.");
  byline_article_set_authors (article, authors);
  byline_article_set_dateline (article, "Nậm Nhùn");
  byline_article_set_source_prefix (article, "BLC");
  byline_article_set_category (article, "Xã hội");
  byline_article_set_tags (article, tags);
  byline_article_set_publish_time (article, publish);
  byline_article_set_editor_note (article, "Gọi lại UBND xã Nậm Hàng để xác nhận số hộ phải di dời.");

  i = byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH,
                                "Theo Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn huyện Nậm Nhùn, "
                                "tính đến 7 giờ sáng 10/8, lượng mưa đo được tại xã Nậm Hàng đã vượt 180 mm. "
                                "Nhiều đoạn Quốc lộ 4H bị đất đá vùi lấp, có nơi dày hơn 2 mét.");
  mark (body, i, "lượng mưa đo được tại xã Nậm Hàng đã vượt 180 mm", BYLINE_SPAN_BOLD, NULL);
  add_picture (document, "sat-lo-quoc-lo-4h.jpg", "sienna-olivedrab", 4000, 2667, -1,
               "Sạt lở trên Quốc lộ 4H đoạn qua xã Nậm Hàng, sáng 10/8.",
               "Ảnh: Lò Văn Dũng",
               "Đất đá tràn xuống mặt đường, một máy xúc đang dọn dẹp.");
  byline_body_append_block (body, BYLINE_BLOCK_HEADING1, "Khẩn trương sơ tán người dân");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH,
                            "Ngay trong đêm, lực lượng quân đội, công an và dân quân tự vệ đã được huy động "
                            "giúp người dân di chuyển tài sản đến nơi an toàn. Các điểm trường tại trung tâm "
                            "xã được dùng làm nơi tạm trú.");
  byline_body_append_block (body, BYLINE_BLOCK_QUOTE,
                            "“Chúng tôi ưu tiên bảo đảm an toàn tính mạng cho người dân, không để ai ở lại "
                            "vùng nguy hiểm”, ông Phạm Văn Quý, Phó Chủ tịch UBND huyện cho biết.");
  byline_body_append_block (body, BYLINE_BLOCK_HEADING2, "Những việc cần làm ngay");
  byline_body_append_block (body, BYLINE_BLOCK_BULLETED_ITEM, "Di dời các hộ trong vùng có nguy cơ sạt lở");
  byline_body_append_block (body, BYLINE_BLOCK_BULLETED_ITEM, "Thông tuyến Quốc lộ 4H trước ngày 12/8");
  byline_body_append_block (body, BYLINE_BLOCK_BULLETED_ITEM, "Kiểm đếm thiệt hại, hỗ trợ lương thực");
  add_picture (document, "bo-doi-giup-dan.jpg", "darkolivegreen-tan", 4000, 3000, -1,
               "Bộ đội giúp người dân bản Nậm Pì chuyển đồ đạc đến nơi an toàn.",
               "Ảnh: Nguyễn Thị Hương",
               "Hai người lính khiêng một chiếc tủ gỗ qua con đường lầy lội.");
  i = byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH,
                                "Hiện các lực lượng chức năng vẫn đang tiếp tục khắc phục hậu quả. Người dân "
                                "theo dõi thông tin trên cổng thông tin điện tử của tỉnh.");
  mark (body, i, "cổng thông tin điện tử của tỉnh", BYLINE_SPAN_LINK, "https://laichau.gov.vn/");
  add_picture (document, "vet-nut-suon-doi.jpg", "forestgreen-peru", 3000, 4000, -1,
               "Cán bộ xã kiểm tra vết nứt trên sườn đồi phía sau bản.", "", "");
}

static void
make_library (void)
{
  static const struct {
    const char  *headline;
    BylineStatus status;
    const char  *text;
  } drafts[] = {
    { "Khai mạc Tuần Văn hóa – Du lịch Lai Châu 2025", BYLINE_STATUS_PUBLISHED,
      "Tối 15/8, tại Quảng trường Nhân dân, tỉnh Lai Châu khai mạc Tuần Văn hóa – Du lịch." },
    { "Giá chè búp tươi tăng, nông dân Tam Đường phấn khởi", BYLINE_STATUS_SUBMITTED,
      "Những ngày này, người trồng chè ở huyện Tam Đường tất bật thu hái vụ chè hè thu." },
    { "Phong Thổ: hoàn thành 120 căn nhà cho hộ nghèo", BYLINE_STATUS_RETURNED,
      "Đến nay, huyện Phong Thổ đã hoàn thành 120 căn nhà cho hộ nghèo, hộ khó khăn về nhà ở." },
    { "Học sinh vùng cao bước vào năm học mới", BYLINE_STATUS_DRAFT,
      "Các trường học trên địa bàn tỉnh đã sẵn sàng cho năm học mới." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    {
      g_autoptr(BylineArticle) article = byline_article_new ();

      byline_article_set_headline (article, drafts[i].headline);
      byline_article_set_status (article, drafts[i].status);
      byline_body_append_block (byline_article_get_body (article), BYLINE_BLOCK_PARAGRAPH, drafts[i].text);
      g_assert_true (byline_draft_store_save (store, article, NULL));
    }

  /* Two deleted, for "Deleted Drafts": one a week ago. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(BylineArticle) article = byline_article_new ();
      g_autofree char *trashed = NULL;

      byline_article_set_headline (article, i == 0 ? "Mường Tè: sạt lở trên tỉnh lộ 127 (bản cũ)"
                                                   : "Hội thi hát then, đàn tính huyện Sìn Hồ");
      g_assert_true (byline_draft_store_save (store, article, NULL));
      g_assert_true (byline_draft_store_delete (store, byline_article_get_id (article), NULL));
      if (i == 1)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          struct utimbuf week_ago = { 0 };

          week_ago.actime = week_ago.modtime = g_date_time_to_unix (now) - 7 * 24 * 3600;
          trashed = g_build_filename (g_file_peek_path (byline_draft_store_get_folder (store)), ".trash",
                                      byline_article_get_id (article), NULL);
          g_assert_cmpint (utime (trashed, &week_ago), ==, 0);
        }
    }
}

static BylineWindow *
story_window (int width,
              int height)
{
  BylineWindow *window = byline_window_new (NULL, store);

  byline_window_set_publisher (window, app_publisher);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  g_assert_true (byline_window_open_draft (window, story_id, NULL));
  gtk_window_present (GTK_WINDOW (window));
  byline_ui_test_wait (1200);
  return window;
}

static void
select_picture (BylineWindow *window,
                guint         position)
{
  BylineDocument *document = byline_window_get_document (window);

  byline_document_set_selected_image (document,
                                      byline_article_get_image (byline_document_get_article (document), position));
}

/* Back to the top of the page, where the headline is. */
static void
scroll_to_top (BylineWindow *window)
{
  GtkWidget *body = GTK_WIDGET (byline_article_editor_get_body_view (byline_window_get_editor (window)));
  GtkWidget *scroller = gtk_widget_get_ancestor (body, GTK_TYPE_SCROLLED_WINDOW);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
  byline_ui_test_wait (300);
}

static void
done (BylineWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  byline_ui_test_wait (200);
}

static void
show_dialog (BylineWindow *window,
             AdwDialog    *dialog,
             const char   *name)
{
  adw_dialog_present (dialog, GTK_WIDGET (window));
  byline_ui_test_wait (1200);
  capture (GTK_WIDGET (window), name);
  adw_dialog_force_close (dialog);
}

/* Sample accounts: the newsroom's server and a shared folder on a network
 * drive that is not connected (to show a send waiting for it).  No secret:
 * nothing is sent to the server. */
static BylinePublisher *
sample_publisher (void)
{
  g_autoptr(GKeyFile) accounts = g_key_file_new ();
  g_autofree char *config = g_build_filename (g_get_user_config_dir (), "byline", NULL);
  g_autofree char *path = g_build_filename (config, "accounts.ini", NULL);
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "byline", "newsroom", NULL);
  BylinePublisher *publisher;

  g_mkdir_with_parents (config, 0700);
  g_key_file_set_string (accounts, "Thư mục tòa soạn", "kind", "folder");
  g_key_file_set_string (accounts, "Thư mục tòa soạn", "url", folder);
  g_key_file_set_string (accounts, "Tòa soạn Lai Châu", "kind", "newsroom");
  g_key_file_set_string (accounts, "Tòa soạn Lai Châu", "url", "https://toasoan.example/api");
  g_key_file_set_string (accounts, "Tòa soạn Lai Châu", "user", "huong");
  g_key_file_set_string (accounts, "Ổ mạng chung", "kind", "folder");
  g_key_file_set_string (accounts, "Ổ mạng chung", "url", "/mnt/o-mang-chung/toa-soan");
  g_assert_true (g_key_file_save_to_file (accounts, path, NULL));

  publisher = byline_publisher_new (store, NULL, NULL);
  byline_publisher_start (publisher, NULL);
  return publisher;
}

typedef struct
{
  BylineWindow         *window;
  BylineOutboxJobState  state;
} SendWait;

static gboolean
send_done (gpointer data)
{
  SendWait *wait = data;
  BylineOutboxJob *job = byline_send_bar_get_job (byline_window_get_send_bar (wait->window));

  return job != NULL && byline_outbox_job_get_state (job) == wait->state;
}

static void
send_to (BylineWindow         *window,
         const char           *destination,
         const char           *status,
         BylineOutboxJobState  until)
{
  SendWait wait = { window, until };

  gtk_widget_activate_action (GTK_WIDGET (window), "send.to", "s", destination);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.send", "s", status);
  byline_ui_test_wait_until (send_done, &wait, 10000);
  byline_ui_test_wait (600);
}

static void
shoot_sending (void)
{
  g_autoptr(BylinePublisher) publisher = sample_publisher ();
  BylineWindow *window = byline_window_new (NULL, store);
  GObject *send_button;
  AdwDialog *dialog;

  gtk_window_set_default_size (GTK_WINDOW (window), shot_width, shot_height);
  byline_window_set_publisher (window, publisher);
  g_assert_true (byline_window_open_draft (window, story_id, NULL));
  gtk_window_present (GTK_WINDOW (window));
  byline_ui_test_wait (1200);

  if (wanted ("send-menu.png"))
    {
      send_button = gtk_widget_get_template_child (GTK_WIDGET (window), BYLINE_TYPE_WINDOW, "send_button");
      gtk_widget_activate_action (GTK_WIDGET (window), "send.to", "s", "Tòa soạn Lai Châu");
      gtk_menu_button_popup (GTK_MENU_BUTTON (send_button));
      byline_ui_test_wait (800);
      capture (GTK_WIDGET (window), "send-menu.png");
      gtk_menu_button_popdown (GTK_MENU_BUTTON (send_button));
    }
  if (wanted ("send-failed.png") || wanted ("outbox.png") || wanted ("sent.png"))
    {
      BylineOutboxButton *outbox;

      send_to (window, "Ổ mạng chung", "submitted", BYLINE_OUTBOX_JOB_WAITING);
      capture (GTK_WIDGET (window), "send-failed.png");
      send_to (window, "Thư mục tòa soạn", "submitted", BYLINE_OUTBOX_JOB_SENT);
      capture (GTK_WIDGET (window), "sent.png");
      /* (In a narrow window, the one in the bar at the bottom.) */
      outbox = byline_window_get_outbox_button (window);
      if (!gtk_widget_get_mapped (GTK_WIDGET (outbox)))
        outbox = window->narrow_outbox_button;
      byline_outbox_button_popup (outbox);
      byline_ui_test_wait (800);
      capture (GTK_WIDGET (window), "outbox.png");
      /* Closed, as opening a dialog closes it for a person: the account
       * states below showed it over their dialog. */
      gtk_menu_button_popdown (GTK_MENU_BUTTON (byline_ui_test_find_descendant (GTK_WIDGET (outbox),
                                                                                GTK_TYPE_MENU_BUTTON)));
      byline_ui_test_wait (300);
    }
  if (wanted ("send-account.png"))
    {
      /* The server's account has no token in the keyring: Account… */
      send_to (window, "Tòa soạn Lai Châu", "submitted", BYLINE_OUTBOX_JOB_QUEUED);
      capture (GTK_WIDGET (window), "send-account.png");
    }
  if (wanted ("accounts.png"))
    {
      dialog = byline_preferences_dialog_new ();
      byline_preferences_dialog_set_publisher (BYLINE_PREFERENCES_DIALOG (dialog), publisher);
      adw_preferences_dialog_set_visible_page_name (ADW_PREFERENCES_DIALOG (dialog), "accounts");
      show_dialog (window, dialog, "accounts.png");
    }
  if (wanted ("account-test.png"))
    {
      BylineAccounts *accounts = byline_publisher_get_accounts (publisher);

      dialog = byline_account_dialog_new (publisher, byline_accounts_lookup (accounts, "Thư mục tòa soạn"));
      adw_dialog_present (dialog, GTK_WIDGET (window));
      byline_ui_test_wait (400);
      gtk_widget_activate_action (GTK_WIDGET (dialog), "account.test", NULL);
      show_dialog (window, dialog, "account-test.png");
    }
  if (wanted ("review-not-connected.png"))
    {
      /* An editor's queue on the shared folder whose drive is not connected. */
      dialog = byline_window_show_review_queue (window);
      byline_review_dialog_show (BYLINE_REVIEW_DIALOG (dialog), "Ổ mạng chung", BYLINE_STATUS_SUBMITTED);
      byline_ui_test_wait (800);
      capture (GTK_WIDGET (window), "review-not-connected.png");
      adw_dialog_force_close (dialog);
    }
  byline_publisher_stop (publisher);
  done (window);
}

/* ------------------------------------------------------------- review */

/* One person at a shared folder: their accounts file, draft store and window. */
static BylineWindow *
review_desk (const char        *who,
             const char        *role,
             const char        *folder,
             BylinePublisher  **publisher)
{
  g_autoptr(GKeyFile) accounts = g_key_file_new ();
  g_autofree char *base = g_build_filename (g_get_user_data_dir (), who, NULL);
  g_autofree char *path = g_build_filename (base, "accounts.ini", NULL);
  g_autofree char *drafts = g_build_filename (base, "drafts", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) drafts_folder = g_file_new_for_path (drafts);
  g_autoptr(BylineDraftStore) own_store = NULL;
  BylineWindow *window;

  g_mkdir_with_parents (drafts, 0700);
  g_key_file_set_string (accounts, "Thư mục tòa soạn", "kind", "folder");
  g_key_file_set_string (accounts, "Thư mục tòa soạn", "url", folder);
  g_key_file_set_string (accounts, "Thư mục tòa soạn", "role", role);
  g_assert_true (g_key_file_save_to_file (accounts, path, NULL));

  own_store = byline_draft_store_new (drafts_folder);
  *publisher = byline_publisher_new (own_store, file, NULL);
  byline_publisher_start (*publisher, NULL);
  window = byline_window_new (NULL, own_store);
  gtk_window_set_default_size (GTK_WINDOW (window), shot_width, shot_height);
  byline_window_set_publisher (window, *publisher);
  g_assert_true (byline_window_new_draft (window, NULL));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
has_review_account (gpointer data)
{
  return byline_window_get_n_review_accounts (data) > 0;
}

static gboolean
queue_listed (gpointer data)
{
  BylineReviewQueue *queue = byline_review_dialog_get_queue (data);

  return queue != NULL && !byline_review_queue_get_loading (queue)
         && g_list_model_get_n_items (G_LIST_MODEL (queue)) > 0;
}

static gboolean
story_shown (gpointer data)
{
  BylineDocument *document = byline_window_get_document (data);

  return document != NULL && g_strcmp0 (byline_document_get_id (document), story_id) == 0;
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
review_send (BylineWindow *window,
             BylineStatus  status,
             const char   *note)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  BylineReviewSendOptions options = { .status = status, .note = note };

  BylineAccounts *accounts = byline_publisher_get_accounts (byline_window_get_publisher (window));
  g_autoptr(BylineDestination) destination = NULL;

  byline_accounts_create_destination_async (accounts, "Thư mục tòa soạn", NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  destination = byline_accounts_create_destination_finish (accounts, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  byline_review_send_async (byline_window_get_store (window), destination, story_id, &options, NULL,
                            got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  receipt = byline_review_send_finish (byline_window_get_store (window), result, NULL, &error);
  if (receipt == NULL)
    g_error ("Could not send the story: %s", error->message);
}

/* From the queue into the window, as Open does. */
static AdwDialog *
open_from_queue (BylineWindow *window,
                 BylineStatus  status)
{
  AdwDialog *dialog;

  byline_ui_test_wait_until (has_review_account, window, 10000);
  dialog = byline_window_show_review_queue (window);
  byline_review_dialog_show (BYLINE_REVIEW_DIALOG (dialog), "Thư mục tòa soạn", status);
  byline_ui_test_wait_until (queue_listed, dialog, 10000);
  byline_ui_test_wait (800);
  return dialog;
}

/* The reporter submits the story; the editor's queue, the story under review,
 * returned with a note; the reporter's banner and the changes. */
static void
shoot_review (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "review-folder", NULL);
  g_autoptr(BylinePublisher) reporter_publisher = NULL;
  g_autoptr(BylinePublisher) editor_publisher = NULL;
  BylineWindow *reporter = review_desk ("reporter", "reporter", folder, &reporter_publisher);
  BylineWindow *editor;
  AdwDialog *dialog;
  g_autoptr(BylineArticle) article = byline_draft_store_load (store, story_id, NULL);
  BylineArticle *shown;

  g_mkdir_with_parents (folder, 0700);
  {
    /* The newsroom's folder, as the account's Save marks it. */
    g_autofree char *mark = g_build_filename (folder, ".byline-newsroom", NULL);

    g_assert_true (g_file_set_contents (mark, "", 0, NULL));
  }
  g_assert_true (byline_draft_store_save (byline_window_get_store (reporter), article, NULL));
  g_assert_true (byline_window_open_draft (reporter, story_id, NULL));
  byline_ui_test_wait_until (has_review_account, reporter, 10000);
  /* With the note of Details, as the window's Submit sends it. */
  review_send (reporter, BYLINE_STATUS_SUBMITTED, byline_article_get_editor_note (article));

  editor = review_desk ("editor", "editor", folder, &editor_publisher);
  dialog = open_from_queue (editor, BYLINE_STATUS_SUBMITTED);
  capture (GTK_WIDGET (editor), "review-queue.png");
  byline_review_dialog_open_story (BYLINE_REVIEW_DIALOG (dialog), story_id);
  byline_ui_test_wait_until (story_shown, editor, 10000);
  byline_ui_test_wait (1000);
  scroll_to_top (editor);
  capture (GTK_WIDGET (editor), "review-bar.png");

  /* The editor tightens the headline and sends it back. */
  shown = byline_document_get_article (byline_window_get_document (editor));
  byline_article_set_headline (shown, "Nậm Nhùn: sạt lở sau mưa lũ, chia cắt nhiều bản");
  byline_article_set_editor_note (shown, "Em kiểm tra lại số hộ phải sơ tán với Ban Chỉ huy nhé.");
  g_assert_true (byline_document_flush (byline_window_get_document (editor), NULL));
  review_send (editor, BYLINE_STATUS_RETURNED, "Em kiểm tra lại số hộ phải sơ tán với Ban Chỉ huy nhé.");
  byline_publisher_stop (editor_publisher);
  done (editor);
  gtk_window_present (GTK_WINDOW (reporter));

  dialog = open_from_queue (reporter, BYLINE_STATUS_RETURNED);
  byline_review_dialog_open_story (BYLINE_REVIEW_DIALOG (dialog), story_id);
  byline_ui_test_wait (1500);
  scroll_to_top (reporter);
  capture (GTK_WIDGET (reporter), "review-returned.png");
  dialog = byline_window_show_review_changes (reporter);
  byline_ui_test_wait (1000);
  capture (GTK_WIDGET (reporter), "review-changes.png");
  adw_dialog_force_close (dialog);

  byline_publisher_stop (reporter_publisher);
  done (reporter);
}

/* A Word story whose linked photo and chart could not come: the message on
 * opening, the pictures panel's list of them, their captions in the text. */
static void
shoot_missing_pictures (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "docx", "cho-anh.docx", NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BylineArticle) story = NULL;
  g_auto(GStrv) left_out = NULL;
  g_autofree char *notice = NULL;
  g_autoptr(GError) error = NULL;
  BylineWindow *window;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  story = byline_import_read_full (bytes, "lu-quet.docx", NULL, NULL, &left_out, &error);
  g_assert_no_error (error);
  g_assert_true (byline_draft_store_save (store, story, &error));
  window = byline_window_new (NULL, store);
  byline_window_set_publisher (window, app_publisher);
  gtk_window_set_default_size (GTK_WINDOW (window), shot_width, shot_height);
  g_assert_true (byline_window_open_draft (window, byline_article_get_id (story), NULL));
  gtk_window_present (GTK_WINDOW (window));
  notice = byline_import_describe_left_out ("lu-quet.docx", (const char * const *) left_out);
  byline_window_tell_left_out (window, notice);
  byline_ui_test_wait (1200);
  capture (GTK_WIDGET (window), "missing-pictures.png");
  done (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  g_autoptr(BylineWindow) keep = NULL;
  BylineWindow *window;

  if (argc < 2)
    {
      g_printerr ("usage: byline-screenshots FOLDER [STATE.png…]\n");
      return 2;
    }
  out_dir = argv[1];
  only = argc > 2 ? argv + 2 : NULL;
  if (g_strcmp0 (g_getenv ("BYLINE_SCREENSHOT_SIZE"), "") != 0
      && sscanf (g_getenv ("BYLINE_SCREENSHOT_SIZE"), "%dx%d", &shot_width, &shot_height) != 2)
    g_error ("BYLINE_SCREENSHOT_SIZE is WIDTHxHEIGHT, as 360x640");
  g_mkdir_with_parents (out_dir, 0755);

  /* A private data folder: the screenshots show the sample story only. */
  data_dir = g_dir_make_tmp ("byline-screenshots-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  /* …and private accounts: the sending states show sample ones. */
  {
    g_autofree char *config = g_build_filename (data_dir, "config", NULL);

    g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  }
  photos = g_file_new_build_filename (data_dir, "photos", NULL);
  g_file_make_directory (photos, NULL, NULL);

  /* The interface in the language asked for, from the translations just built. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BYLINE_LOCALEDIR") ? g_getenv ("BYLINE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  byline_ui_test_init_gtk ();
  store = byline_draft_store_new (NULL);
  app_publisher = byline_publisher_new (store, NULL, NULL);
  g_assert_true (byline_publisher_start (app_publisher, NULL));
  make_library ();

  /* The story, saved a few times so that it has a history. */
  window = byline_ui_test_new_window (store);
  {
    BylineDocument *document = byline_window_get_document (window);
    BylineArticle *article = byline_document_get_article (document);

    byline_article_set_headline (article, "Mưa lũ ở Nậm Nhùn");
    g_assert_true (byline_document_save (document, NULL));
    write_story (document);
    g_assert_true (byline_document_save (document, NULL));
    byline_article_set_status (article, BYLINE_STATUS_DRAFT);
    g_assert_true (byline_document_save (document, NULL));
    story_id = g_strdup (byline_document_get_id (document));
  }
  gtk_window_destroy (GTK_WINDOW (window));

  if (wanted ("editor.png") || wanted ("editor-figure.png"))
    {
      window = story_window (shot_width, shot_height);
      select_picture (window, 0);
      byline_ui_test_wait (600);
      scroll_to_top (window);
      capture (GTK_WIDGET (window), "editor.png");
      select_picture (window, 1);
      byline_ui_test_wait (600);
      capture (GTK_WIDGET (window), "editor-figure.png");
      done (window);
    }
  if (wanted ("find.png"))
    {
      GtkWidget *bar, *search;

      /* Typed without its marks, the search finds them all. */
      window = story_window (shot_width, shot_height);
      scroll_to_top (window);
      gtk_widget_activate_action (GTK_WIDGET (byline_window_get_editor (window)), "editor.find", NULL);
      bar = byline_ui_test_find_descendant (GTK_WIDGET (byline_window_get_editor (window)), BYLINE_TYPE_FIND_BAR);
      search = byline_ui_test_find_descendant (bar, GTK_TYPE_SEARCH_ENTRY);
      gtk_editable_set_text (GTK_EDITABLE (search), "sat lo");
      byline_ui_test_wait (800);
      /* With its options shown: Match Diacritics is off. */
      gtk_menu_button_popup (GTK_MENU_BUTTON (byline_ui_test_find_descendant (bar, GTK_TYPE_MENU_BUTTON)));
      byline_ui_test_wait (600);
      capture (GTK_WIDGET (window), "find.png");
      done (window);
    }
  if (wanted ("editor-800x600.png"))
    {
      window = story_window (800, 600);
      capture (GTK_WIDGET (window), "editor-800x600.png");
      done (window);
    }
  if (wanted ("narrow.png"))
    {
      window = story_window (360, 720);
      capture (GTK_WIDGET (window), "narrow.png");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pictures", NULL);
      byline_ui_test_wait (800);
      capture (GTK_WIDGET (window), "narrow-pictures.png");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pictures", NULL);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-details", NULL);
      byline_ui_test_wait (800);
      capture (GTK_WIDGET (window), "narrow-details.png");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-details", NULL);
      byline_ui_test_wait (800);
      /* The editing tools that do not fit, in their menu. */
      gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_template_child (
        GTK_WIDGET (byline_window_get_editor (window)), BYLINE_TYPE_ARTICLE_EDITOR, "more_button")));
      byline_ui_test_wait (600);
      capture (GTK_WIDGET (window), "narrow-tools.png");
      done (window);
    }
  if (wanted ("drafts.png") || wanted ("deleted-drafts.png") || wanted ("history.png") || wanted ("preview.png")
      || wanted ("preferences.png") || wanted ("shortcuts.png"))
    {
      const char *open[] = { story_id, NULL };

      window = story_window (shot_width, shot_height);
      /* (The deleted drafts are a page of the drafts library.) */
      if (wanted ("drafts.png") || wanted ("deleted-drafts.png"))
        {
          AdwDialog *dialog = byline_drafts_dialog_new (store, open);

          adw_dialog_present (dialog, GTK_WIDGET (window));
          byline_ui_test_wait (1200);
          capture (GTK_WIDGET (window), "drafts.png");
          g_signal_emit_by_name (byline_ui_test_find_button (GTK_WIDGET (dialog), _("Deleted Drafts")), "clicked");
          byline_ui_test_wait (1200);
          capture (GTK_WIDGET (window), "deleted-drafts.png");
          adw_dialog_force_close (dialog);
        }
      if (wanted ("history.png"))
        show_dialog (window, byline_history_dialog_new (store, story_id), "history.png");
      if (wanted ("preview.png"))
        show_dialog (window,
                     byline_preview_dialog_new (byline_document_get_article (byline_window_get_document (window))),
                     "preview.png");
      if (wanted ("preferences.png"))
        show_dialog (window, byline_preferences_dialog_new (), "preferences.png");
      if (wanted ("shortcuts.png"))
        show_dialog (window, byline_shortcuts_dialog_new (), "shortcuts.png");
      done (window);
    }
  if (wanted ("new-story.png"))
    {
      window = byline_ui_test_new_window (store);
      byline_window_set_publisher (window, app_publisher);
      gtk_window_set_default_size (GTK_WINDOW (window), shot_width, shot_height);
      gtk_window_present (GTK_WINDOW (window));
      byline_ui_test_wait (1000);
      capture (GTK_WIDGET (window), "new-story.png");
      done (window);
    }
  if (wanted ("send-menu.png") || wanted ("send-failed.png") || wanted ("sent.png") || wanted ("outbox.png")
      || wanted ("send-account.png") || wanted ("accounts.png") || wanted ("account-test.png")
      || wanted ("review-not-connected.png"))
    shoot_sending ();
  if (wanted ("review-queue.png") || wanted ("review-bar.png") || wanted ("review-returned.png")
      || wanted ("review-changes.png"))
    shoot_review ();
  if (wanted ("checklist.png"))
    {
      window = story_window (shot_width, shot_height);
      _byline_window_show_checklist (window);
      byline_ui_test_wait (800);
      capture (GTK_WIDGET (window), "checklist.png");
      done (window);
    }
  if (wanted ("missing-pictures.png"))
    shoot_missing_pictures ();
  if (wanted ("editor-dark.png"))
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      window = story_window (shot_width, shot_height);
      select_picture (window, 0);
      byline_ui_test_wait (600);
      capture (GTK_WIDGET (window), "editor-dark.png");
      done (window);
    }

  g_clear_object (&app_publisher);
  return 0;
}
