/* test-web.c — what comes into a story from a web site: a picture or a
 * link dragged from a browser, a piece of a page or a whole story pasted,
 * their pictures downloaded; and the same on a line that stalls, where the
 * person can stop what they no longer want to wait for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"
#include "office-test-utils.h"
#include "ui-story.h"
#include "ui-web-site.h"
#include "byline-article-editor.h"
#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-caption-panel.h"
#include "byline-document.h"
#include "byline-draft-store.h"
#include "byline-window.h"
#include "ui-window-test.h"

/* A story selected on a web page and pasted where a new story starts: its
 * first paragraph the headline (the selection had no <h1>), a credited
 * paragraph the lead, the rest the body, its picture downloaded from the
 * site.  A title alone copied from a page stays the headline's. */
static void
test_paste_web_story (Fixture       *f,
                      gconstpointer  data)
{
  GtkTextView *headline = byline_article_editor_get_headline_view (editor (f));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (headline));
  BylineBody *body = byline_article_get_body (article (f));
  g_auto(BylineUiWebSite) site = { 0 };
  g_autofree char *page = NULL;
  static const char title[] = "<meta charset=utf-8><span>Mưa lũ ở Bát Xát</span>";
  g_autoptr(GBytes) page_bytes = NULL;
  g_autoptr(GBytes) title_bytes = g_bytes_new_static (title, strlen (title));
  g_autoptr(GdkContentProvider) page_content = NULL;
  g_autoptr(GdkContentProvider) title_content = NULL;
  GdkContentProvider *providers[2];
  BylineUiImageWait wait = { f->window, 1 };
  BylineImage *image;

  byline_ui_web_site_open (f, &site);
  page = g_strdup_printf ("<meta charset=utf-8><div class=detail><p><b>Sạt lở trên Quốc lộ 4H</b></p>"
                          "<p>(BLC) - Mưa lớn đêm 9/8 gây sạt lở nhiều đoạn.</p>"
                          "<p>Nhiều đoạn bị đất đá vùi lấp, có nơi dày hơn <a href='https://baolaocai.vn/x'>2 mét</a>.</p>"
                          "<figure><img src='http://127.0.0.1:%d/anh/s%%E1%%BA%%A1t.png'><figcaption>Hiện trường. "
                          "Ảnh: Hà Anh</figcaption></figure>"
                          "<p>Lực lượng chức năng đang khắc phục.</p></div>", site.port);
  page_bytes = g_bytes_new (page, strlen (page));
  page_content = gdk_content_provider_new_for_bytes ("text/html", page_bytes);

  byline_article_editor_focus_headline (editor (f));
  gdk_clipboard_set_content (clipboard, page_content);
  g_object_set_data (G_OBJECT (f->window), "want-text", (gpointer) "Lực lượng chức năng");
  g_signal_emit_by_name (headline, "paste-clipboard");
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_block_text, f, 5000));
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Sạt lở trên Quốc lộ 4H");
  g_assert_cmpstr (byline_article_get_lead (article (f)), ==, "(BLC) - Mưa lớn đêm 9/8 gây sạt lở nhiều đoạn.");
  g_assert_cmpstr (byline_article_get_source_prefix (article (f)), ==, "BLC");
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Nhiều đoạn bị đất đá vùi lấp, có nơi dày hơn 2 mét.");
  office_assert_span (body, 0, BYLINE_SPAN_LINK, "Nhiều đoạn bị đất đá vùi lấp, có nơi dày hơn ", "2 mét",
                      "https://baolaocai.vn/x");
  /* Its picture is the site's: downloaded, with its caption and credit. */
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_n_images, &wait, 10000));
  image = byline_article_get_image (article (f), 0);
  g_assert_cmpstr (byline_image_get_filename (image), ==, "sạt.png");
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Hiện trường.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Hà Anh");
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (image)), >=, 0);

  /* A title alone, from a story begun as nothing: the headline's. */
  byline_ui_test_empty_story (f);
  byline_article_editor_focus_headline (editor (f));
  providers[0] = gdk_content_provider_new_for_bytes ("text/html", title_bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, "Mưa lũ ở Bát Xát");
  title_content = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (clipboard, title_content);
  g_signal_emit_by_name (headline, "paste-clipboard");
  byline_ui_test_wait (300);
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Mưa lũ ở Bát Xát");
  g_assert_cmpuint (byline_ui_test_count_text_blocks (body), ==, 0);
}

static gboolean
toast_says_not_downloaded (gpointer data)
{
  Fixture *f = data;
  const char *title = byline_ui_test_toast_title (GTK_WIDGET (f->window));

  return title != NULL && g_str_has_prefix (title, "Could not download the picture http://127.0.0.1:")
         && strstr (title, "/anh/mat.png") != NULL;
}

/* A picture dragged from a web page is its address: downloaded, added where
 * it was dropped, named as the address names it.  GIO cannot read an
 * address without GVfs (none in the Flatpak): the drop said "Operation not
 * supported".  An address that does not answer is named in the message. */
static void
test_drop_web_picture (Fixture       *f,
                       gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  BylineBody *body = byline_article_get_body (article (f));
  g_auto(BylineUiWebSite) site = { 0 };
  g_autofree char *address = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(GFile) web = NULL;
  g_autoptr(GFile) gone = NULL;
  BylineUiImageWait wait = { f->window, 1 };
  BylineImage *image;
  g_autofree char *path = NULL;

  byline_ui_web_site_open (f, &site);
  address = g_strdup_printf ("http://127.0.0.1:%d/anh/s%%E1%%BA%%A1t-l%%E1%%BB%%9F.png?w=1200", site.port);

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Mưa lớn kéo dài.");
  web = g_file_new_for_uri (address);
  g_assert_true (byline_ui_test_drop_file (GTK_WIDGET (view), web, 10, 10));
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_n_images, &wait, 5000));

  image = byline_article_get_image (article (f), 0);
  g_assert_cmpstr (byline_image_get_filename (image), ==, "sạt-lở.png");
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (image)), >=, 0);
  path = g_file_get_path (byline_image_get_file (image));
  g_assert_nonnull (strstr (path, byline_article_get_id (article (f))));
  g_assert_true (g_file_query_exists (byline_image_get_file (image), NULL));

  missing = g_strdup_printf ("http://127.0.0.1:%d/anh/mat.png", site.port);
  gone = g_file_new_for_uri (missing);
  g_assert_true (byline_ui_test_drop_file (GTK_WIDGET (view), gone, 10, 10));
  g_assert_true (byline_ui_test_wait_until (toast_says_not_downloaded, f, 5000));
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
}

static gboolean
toast_names_left_out (gpointer data)
{
  Fixture *f = data;
  const char *title = byline_ui_test_toast_title (GTK_WIDGET (f->window));

  return g_strcmp0 (title, "1 picture of the page could not be downloaded (mat.png): save it from the browser, "
                           "then add it with Add Pictures") == 0;
}

/* Part of a story selected in a browser and pasted: its pictures are the
 * site's, downloaded and pasted with their captions, credits and alt text,
 * into the draft's folder, one undo step with the text.  They were left
 * out ("2 pictures of the page were not pasted: save them…").  One the site
 * no longer has is named.  A lazy page's picture has a relative address,
 * which browsers copy as it is: it is read against the page's address, which
 * Chromium names beside the HTML (it was left out, named). */
static void
test_paste_web_pictures (Fixture       *f,
                         gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (view);
  BylineBody *body = byline_article_get_body (article (f));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  g_auto(BylineUiWebSite) site = { 0 };
  g_autofree char *page = NULL;
  g_autofree char *page_uri = NULL;
  g_autoptr(GBytes) page_bytes = NULL;
  g_autoptr(GBytes) page_uri_bytes = NULL;
  g_autoptr(GdkContentProvider) content = NULL;
  g_autofree char *path = NULL;
  BylineUiImageWait wait = { f->window, 1 };
  BylineImage *image;

  byline_ui_web_site_open (f, &site);
  page = g_strdup_printf ("<meta charset=utf-8><p>Mưa lớn đêm 9/8.</p>"
                          "<figure><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' "
                          "data-src='/anh/s%%E1%%BA%%A1t-l%%E1%%BB%%9F.png?w=800' "
                          "alt='Đất đá trên mặt đường'><figcaption>Sạt lở trên Quốc lộ 4H. Ảnh: Lò Văn Dũng"
                          "</figcaption></figure>"
                          "<figure><img src='http://127.0.0.1:%d/anh/mat.png'></figure>"
                          "<p>Nhiều hộ phải di dời.</p>", site.port);
  page_bytes = g_bytes_new (page, strlen (page));
  page_uri = g_strdup_printf ("http://127.0.0.1:%d/tin/mua-lu.html", site.port);
  page_uri_bytes = g_bytes_new (page_uri, strlen (page_uri));
  content = gdk_content_provider_new_union ((GdkContentProvider *[]) {
                                              gdk_content_provider_new_for_bytes ("text/html", page_bytes),
                                              gdk_content_provider_new_for_bytes ("chromium/x-source-url",
                                                                                  page_uri_bytes),
                                            }, 2);

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Mở đầu.\n");
  gdk_clipboard_set_content (clipboard, content);
  g_signal_emit_by_name (view, "paste-clipboard");
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_n_images, &wait, 10000));

  image = byline_article_get_image (article (f), 0);
  g_assert_cmpstr (byline_image_get_filename (image), ==, "sạt-lở.png");
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Sạt lở trên Quốc lộ 4H.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Lò Văn Dũng");
  g_assert_cmpstr (byline_image_get_alt_text (image), ==, "Đất đá trên mặt đường");
  path = g_file_get_path (byline_image_get_file (image));
  g_assert_nonnull (strstr (path, byline_article_get_id (article (f))));
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Mở đầu.");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn đêm 9/8.");
  office_assert_block (body, 2, BYLINE_BLOCK_IMAGE, NULL);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 2)), ==, byline_image_get_id (image));
  office_assert_block (body, byline_body_get_n_blocks (body) - 1, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ phải di dời.");
  g_assert_true (byline_ui_test_wait_until (toast_names_left_out, f, 5000));

  /* One undo takes all of it back. */
  g_assert_true (byline_body_buffer_undo (buffer));
  g_assert_cmpint (byline_body_find_image (body, byline_image_get_id (image)), ==, -1);
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Mở đầu.");
}

static gboolean
no_toast (gpointer data)
{
  Fixture *f = data;

  return byline_ui_test_toast_title (GTK_WIDGET (f->window)) == NULL;
}

static gboolean
web_story_opened (gpointer data)
{
  Fixture *f = data;
  BylineDocument *document = byline_window_get_document (f->window);

  return document != NULL
         && g_strcmp0 (byline_article_get_headline (byline_document_get_article (document)),
                       "Sạt lở trên Quốc lộ 4H") == 0
         && byline_article_get_n_images (byline_document_get_article (document)) == 1;
}

/* A link to a story dragged from a browser onto the text opens the story,
 * here in the window that holds nothing yet: its headline, lead and text,
 * its picture downloaded with its caption and credit.  It said "… is a web
 * page, not a picture: to bring its story, select it in the browser…".
 * The page is downloaded once: it was downloaded again to be opened, after
 * it was found not to be a picture (one more wait on a slow line). */
static void
test_drop_web_story (Fixture       *f,
                     gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  g_auto(BylineUiWebSite) site = { 0 };
  g_autofree char *address = NULL;
  g_autoptr(GFile) link = NULL;
  BylineArticle *opened;
  BylineImage *image;

  byline_ui_web_site_open (f, &site);
  address = byline_ui_web_site_address (&site, "/tin/sat-lo-quoc-lo-4h");
  link = g_file_new_for_uri (address);
  byline_article_editor_focus_body (editor (f));
  g_assert_true (byline_ui_test_drop_file (GTK_WIDGET (view), link, 10, 10));
  g_assert_true (byline_ui_test_wait_until (web_story_opened, f, 10000));

  opened = byline_document_get_article (byline_window_get_document (f->window));
  g_assert_cmpstr (byline_article_get_lead (opened), ==, "(BLC) - Mưa lớn đêm 9/8 gây sạt lở nhiều đoạn.");
  image = byline_article_get_image (opened, 0);
  g_assert_cmpstr (byline_image_get_filename (image), ==, "sạt.png");
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Hiện trường.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Hà Anh");
  g_assert_true (g_file_query_exists (byline_image_get_file (image), NULL));
  /* No message of a page that is not a picture; the download's is gone. */
  g_assert_true (byline_ui_test_wait_until (no_toast, f, 3000));
  g_assert_cmpuint (byline_ui_web_site_count (&site, "/tin/sat-lo-quoc-lo-4h"), ==, 1);
  g_assert_cmpuint (byline_ui_web_site_count (&site, "/anh/sạt.png"), ==, 1);
}

static gboolean
toast_says (Fixture    *f,
            const char *title)
{
  return g_strcmp0 (byline_ui_test_toast_title (GTK_WIDGET (f->window)), title) == 0;
}

static gboolean
says_downloading (gpointer data)
{
  return toast_says (data, "Downloading from 127.0.0.1…");
}

/* The story's one picture is on the slow line. */
static gboolean
says_opening (gpointer data)
{
  return toast_says (data, "Opening the story from 127.0.0.1… picture 1 of 1");
}

/* The first of the page's two pictures has come, the second is on the slow line. */
static gboolean
says_downloading_second (gpointer data)
{
  return toast_says (data, "Downloading picture 2 of 2 of the page…");
}

/* For byline_ui_test_wait_until(): @n requests on the slow line. */
typedef struct
{
  BylineUiWebSite *site;
  guint            n;
} LineWait;

/* Whether the slow line holds @n requests (their downloads are under way). */
static gboolean
line_holds (gpointer data)
{
  LineWait *wait = data;

  return wait->site->held->len >= wait->n;
}

/* Whether the client has hung up on @n of them. */
static gboolean
line_hung_up (gpointer data)
{
  LineWait *wait = data;

  return byline_ui_web_site_count_hung_up (wait->site) >= wait->n;
}

/* Presses the button of the toast showing, as a person would. */
static void
press_toast_button (Fixture    *f,
                    const char *label)
{
  GtkWidget *button = byline_ui_test_find_button (GTK_WIDGET (f->window), label);
  GtkWidget *up = button;

  g_assert_nonnull (button);
  while (up != NULL && !g_str_equal (gtk_widget_get_css_name (up), "toast"))
    up = gtk_widget_get_parent (up);
  g_assert_nonnull (up);
  gtk_widget_activate (button);
}

/* A picture dragged from a site on a line that stalls: the toast that says
 * it downloads has a Stop button, and Stop ends the wait at once, without
 * a picture and without an error (the person chose it).  The download
 * waited for the HTTP time-out (60 s), the toast's close button only hid
 * it. */
static void
test_stop_web_picture (Fixture       *f,
                       gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  g_auto(BylineUiWebSite) site = { 0 };
  g_autofree char *address = NULL;
  g_autoptr(GFile) web = NULL;
  gint64 stopped;

  byline_ui_web_site_open (f, &site);
  address = byline_ui_web_site_address (&site, "/cham/s%%E1%%BA%%A1t.png");
  web = g_file_new_for_uri (address);
  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Mưa lớn kéo dài.");
  g_assert_true (byline_ui_test_drop_file (GTK_WIDGET (view), web, 10, 10));
  g_assert_true (byline_ui_test_wait_until (says_downloading, f, 3000));
  g_assert_true (byline_ui_test_wait_until (line_holds, &(LineWait) { &site, 1 }, 3000));

  stopped = g_get_monotonic_time ();
  press_toast_button (f, "Stop");
  g_assert_true (byline_ui_test_wait_until (no_toast, f, 3000));
  /* The line is hung up on. */
  g_assert_true (byline_ui_test_wait_until (line_hung_up, &(LineWait) { &site, 1 }, 3000));
  /* Not the time-out's message a while later: nothing more is said. */
  byline_ui_test_wait (500);
  g_assert_null (byline_ui_test_toast_title (GTK_WIDGET (f->window)));
  g_assert_cmpint (g_get_monotonic_time () - stopped, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 0);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (byline_article_get_body (article (f)), 0)), ==,
                   "Mưa lớn kéo dài.");
}

static gboolean
says_how_much (gpointer data)
{
  Fixture *f = data;
  const char *title = byline_ui_test_toast_title (GTK_WIDGET (f->window));
  g_autofree char *size = g_format_size (BYLINE_UI_WEB_SITE_LONG_SIZE);
  g_autofree char *pattern = g_strdup_printf ("Downloading %s from 127.0.0.1… *%%", size);

  /* Some of it, not all yet. */
  return title != NULL && g_pattern_match_simple (pattern, title) && !g_str_has_suffix (title, " 100%")
         && !g_str_has_suffix (title, " 0%");
}

static gboolean
says_again (gpointer data)
{
  const char *title = byline_ui_test_toast_title (GTK_WIDGET (((Fixture *) data)->window));

  return g_strcmp0 (title, "Lost the connection to 127.0.0.1: downloading again…") == 0;
}

static gboolean
says_how_much_again (gpointer data)
{
  const char *title = byline_ui_test_toast_title (GTK_WIDGET (((Fixture *) data)->window));
  g_autofree char *size = g_format_size (BYLINE_UI_WEB_SITE_LONG_SIZE);
  g_autofree char *pattern = g_strdup_printf ("Downloading %s from 127.0.0.1 again… *%%", size);

  return title != NULL && g_pattern_match_simple (pattern, title);
}

typedef gboolean (*Says) (gpointer data);

/* Drops the site's large picture at @path on the text; the toast says each
 * of @says (NULL-terminated) in turn, then the picture is in, and the
 * toast gone. */
static void
drop_large_picture (Fixture         *f,
                    BylineUiWebSite *site,
                    const char      *path,
                    const Says      *says)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  g_autofree char *address = byline_ui_web_site_address (site, "%s", path);
  g_autoptr(GFile) web = g_file_new_for_uri (address);
  BylineUiImageWait wait = { f->window, 1 };

  byline_article_editor_focus_body (editor (f));
  g_assert_true (byline_ui_test_drop_file (GTK_WIDGET (view), web, 10, 10));
  for (guint i = 0; says[i] != NULL; i++)
    g_assert_true (byline_ui_test_wait_until (says[i], f, 5000));
  g_assert_true (byline_ui_test_wait_until (byline_ui_test_has_n_images, &wait, 10000));
  g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (article (f), 0)), ==, "anh-lon.png");
  g_assert_true (byline_ui_test_wait_until (no_toast, f, 3000));
}

/* A large picture on a slow line: its toast says its size and how much of
 * it has come (it said "Downloading from 127.0.0.1…" for minutes, and
 * looked stuck), then it is in. */
static void
test_web_picture_progress (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(BylineUiWebSite) site = { 0 };

  byline_ui_web_site_open (f, &site);
  drop_large_picture (f, &site, "/lau/anh-lon.png", (const Says[]) { says_how_much, NULL });
}

/* A large picture whose line drops half-way: the toast says so, the
 * picture is downloaded again, and comes whole.  A drop in the mountains
 * made the picture refused, and the count went back to 0 unsaid. */
static void
test_web_picture_again (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(BylineUiWebSite) site = { 0 };

  byline_ui_web_site_open (f, &site);
  drop_large_picture (f, &site, "/dut/anh-lon.png", (const Says[]) { says_again, says_how_much_again, NULL });
  g_assert_cmpuint (byline_ui_web_site_count (&site, "/dut/anh-lon.png"), ==, 2);
}

/* A picture downloading on a stalled line into a window that is closed, or
 * into a story that another one replaces in the window: the download stops
 * (the line is hung up on).  It went on, to the time-out or the end of a
 * large photo, on a line with better to carry. */
static void
test_web_picture_forsaken (Fixture       *f,
                           gconstpointer  data)
{
  BylineWindow *other = byline_ui_test_new_window (f->store);
  BylineBodyView *view = byline_article_editor_get_body_view (byline_window_get_editor (other));
  g_auto(BylineUiWebSite) site = { 0 };
  g_autofree char *address = NULL;
  g_autoptr(GFile) web = NULL;
  g_autoptr(BylineArticle) another = byline_article_new ();

  byline_ui_web_site_open (f, &site);
  address = byline_ui_web_site_address (&site, "/cham/s%%E1%%BA%%A1t.png");
  web = g_file_new_for_uri (address);
  byline_ui_test_wait (200);
  g_assert_true (byline_ui_test_drop_file (GTK_WIDGET (view), web, 10, 10));
  g_assert_true (byline_ui_test_wait_until (line_holds, &(LineWait) { &site, 1 }, 3000));
  gtk_window_destroy (GTK_WINDOW (other));
  g_assert_true (byline_ui_test_wait_until (line_hung_up, &(LineWait) { &site, 1 }, 3000));

  /* Another story opened in this window. */
  view = byline_article_editor_get_body_view (editor (f));
  g_assert_true (byline_ui_test_drop_file (GTK_WIDGET (view), web, 10, 10));
  g_assert_true (byline_ui_test_wait_until (says_downloading, f, 3000));
  g_assert_true (byline_ui_test_wait_until (line_holds, &(LineWait) { &site, 2 }, 3000));
  byline_article_set_headline (another, "Cầu tạm bị cuốn trôi");
  g_assert_true (byline_draft_store_save (f->store, another, NULL));
  g_assert_true (byline_window_open_draft (f->window, byline_article_get_id (another), NULL));
  g_assert_true (byline_ui_test_wait_until (line_hung_up, &(LineWait) { &site, 2 }, 3000));
}

/* A link to a story whose picture stalls: while the story comes, a toast
 * says so, and which of its pictures downloads ("Opening the story from
 * 127.0.0.1… picture 1 of 1"; nothing was shown between the page's download
 * and the story's window); Stop opens nothing, makes no draft, says no
 * error, and the story being written stays. */
static void
test_stop_web_story (Fixture       *f,
                     gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  g_auto(BylineUiWebSite) site = { 0 };
  g_autofree char *address = NULL;
  g_autoptr(GFile) link = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  BylineDocument *document = byline_window_get_document (f->window);

  byline_ui_web_site_open (f, &site);
  address = byline_ui_web_site_address (&site, "/tin/anh-cham");
  link = g_file_new_for_uri (address);
  byline_article_editor_focus_body (editor (f));
  before = byline_draft_store_list (f->store, NULL);
  g_assert_true (byline_ui_test_drop_file (GTK_WIDGET (view), link, 10, 10));
  g_assert_true (byline_ui_test_wait_until (says_opening, f, 5000));
  g_assert_true (byline_ui_test_wait_until (line_holds, &(LineWait) { &site, 1 }, 3000));

  press_toast_button (f, "Stop");
  g_assert_true (byline_ui_test_wait_until (no_toast, f, 3000));
  byline_ui_test_wait (500);
  g_assert_null (byline_ui_test_toast_title (GTK_WIDGET (f->window)));
  g_assert_true (byline_window_get_document (f->window) == document);
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "");
  after = byline_draft_store_list (f->store, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpuint (byline_ui_web_site_count (&site, "/tin/anh-cham"), ==, 1);
}

static gboolean
says_one_skipped (gpointer data)
{
  return toast_says (data, "1 picture of the page was not downloaded (sạt-lở.png): save it from the browser, "
                           "then add it with Add Pictures");
}

/* A piece of a page pasted, one of whose two pictures stalls: the toast
 * says which one downloads, and Skip pastes the text at once with the
 * picture that came, and names the one that did not.  The text waited for
 * the stalled picture's time-out. */
static void
test_skip_page_pictures (Fixture       *f,
                         gconstpointer  data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (editor (f));
  BylineBody *body = byline_article_get_body (article (f));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  g_auto(BylineUiWebSite) site = { 0 };
  g_autofree char *page = NULL;
  g_autoptr(GBytes) page_bytes = NULL;
  g_autoptr(GdkContentProvider) content = NULL;
  BylineImage *image;

  byline_ui_web_site_open (f, &site);
  page = g_strdup_printf ("<meta charset=utf-8><p>Mưa lớn đêm 9/8.</p>"
                          "<figure><img src='http://127.0.0.1:%d/anh/s%%E1%%BA%%A1t.png'>"
                          "<figcaption>Hiện trường. Ảnh: Hà Anh</figcaption></figure>"
                          "<figure><img src='http://127.0.0.1:%d/cham/s%%E1%%BA%%A1t-l%%E1%%BB%%9F.png'>"
                          "<figcaption>Sạt lở ở Y Tý.</figcaption></figure>"
                          "<p>Nhiều hộ phải di dời.</p>", site.port, site.port);
  page_bytes = g_bytes_new (page, strlen (page));
  content = gdk_content_provider_new_for_bytes ("text/html", page_bytes);

  byline_article_editor_focus_body (editor (f));
  byline_ui_test_type (GTK_TEXT_VIEW (view), "Mở đầu.\n");
  gdk_clipboard_set_content (clipboard, content);
  g_signal_emit_by_name (view, "paste-clipboard");
  g_assert_true (byline_ui_test_wait_until (says_downloading_second, f, 5000));
  g_assert_true (byline_ui_test_wait_until (line_holds, &(LineWait) { &site, 1 }, 5000));
  /* The text waits for the pictures. */
  g_assert_cmpuint (byline_ui_test_count_text_blocks (body), ==, 1);

  press_toast_button (f, "Skip");
  g_assert_true (byline_ui_test_wait_until (says_one_skipped, f, 3000));
  office_assert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "Mở đầu.");
  office_assert_block (body, 1, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn đêm 9/8.");
  office_assert_block (body, 2, BYLINE_BLOCK_IMAGE, NULL);
  office_assert_block (body, byline_body_get_n_blocks (body) - 1, BYLINE_BLOCK_PARAGRAPH, "Nhiều hộ phải di dời.");
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
  image = byline_article_get_image (article (f), 0);
  g_assert_cmpstr (byline_image_get_filename (image), ==, "sạt.png");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Hà Anh");

  /* The one skipped is kept with the story, for the checks to name; saved
   * from the browser and added, it goes where its caption was pasted. */
  {
    g_auto(GStrv) missing = byline_article_dup_missing_pictures (article (f));
    const char *expected[] = { "sạt-lở.png", NULL };
    g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
    g_autoptr(GFile) saved = byline_ui_test_picture (f, "sạt-lở.png", 0x884422);
    g_autoptr(GError) error = NULL;
    guint n = byline_body_get_n_blocks (body);

    g_assert_cmpstrv (missing, expected);
    office_assert_block (body, n - 2, BYLINE_BLOCK_PARAGRAPH, "Sạt lở ở Y Tý.");
    g_list_store_append (files, saved);
    g_assert_cmpuint (byline_body_view_insert_pictures (view, G_LIST_MODEL (files), 0, &error), ==, 1);
    g_assert_no_error (error);
    g_assert_cmpuint (byline_body_get_n_blocks (body), ==, n);
    office_assert_block (body, n - 2, BYLINE_BLOCK_IMAGE, NULL);
    image = byline_article_find_image (article (f), byline_block_get_image_id (byline_body_get_block (body, n - 2)));
    g_assert_cmpstr (byline_image_get_caption (image), ==, "Sạt lở ở Y Tý.");
    g_assert_null (byline_article_dup_missing_pictures (article (f)));
  }
}

int
main (int   argc,
      char *argv[])
{
  byline_ui_test_init (&argc, &argv);
  /* GNOME's proxy settings' schema is not among the test's. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  byline_ui_test_add_window_test ("/ui/web/drop-web-picture", test_drop_web_picture);
  byline_ui_test_add_window_test ("/ui/web/paste-web-story", test_paste_web_story);
  byline_ui_test_add_window_test ("/ui/web/paste-web-pictures", test_paste_web_pictures);
  byline_ui_test_add_window_test ("/ui/web/drop-web-story", test_drop_web_story);
  byline_ui_test_add_window_test ("/ui/web/stop-web-picture", test_stop_web_picture);
  byline_ui_test_add_window_test ("/ui/web/web-picture-progress", test_web_picture_progress);
  byline_ui_test_add_window_test ("/ui/web/web-picture-again", test_web_picture_again);
  byline_ui_test_add_window_test ("/ui/web/stop-web-story", test_stop_web_story);
  byline_ui_test_add_window_test ("/ui/web/web-picture-forsaken", test_web_picture_forsaken);
  byline_ui_test_add_window_test ("/ui/web/skip-page-pictures", test_skip_page_pictures);

  return g_test_run ();
}

