/* test-web-picture.c — a picture of a web page downloaded to be added
 *
 * A server on loopback answers as web sites do: a picture behind an escaped
 * Vietnamese name and a query, a redirect, a picture without an extension,
 * a page where a picture was meant, nothing there, too large (told, or
 * found out while reading), empty; and no server at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libsoup/soup.h>
#include <glib/gstdio.h>
#include <string.h>

#include "byline-test-utils.h"
#include "byline-error.h"
#include "byline-article.h"
#include "byline-web-page.h"
#include "byline-web-picture.h"

static const guchar png[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0, 40, 0, 0, 0, 30, 8, 2, 0, 0, 0,
};

typedef struct
{
  SoupServer *server;
  char       *base;
  GByteArray *jpeg;
  guint       story_requests;  /* of /tin/lu-quet-o-bat-xat */
  guint       other_pictures;  /* requests of /thumb/…, /logo.png */
  guint       missing_requests;  /* of /missing.jpg */
} Fixture;

/* The site's answers that are text: a path, its type, its body. */
static const struct
{
  const char *path;
  const char *type;
  const char *body;
} answers[] = {
  /* A page where a picture was meant. */
  { "/login.jpg", "text/html", "<!DOCTYPE html><html><body><form>Đăng nhập</form></body></html>" },
  /* An official letter. */
  { "/cong-van", "application/pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" },
  /* Where a paywalled story's link leads. */
  { "/dang-nhap", "text/html",
    "<!DOCTYPE html><html lang=vi><head><meta charset=utf-8><title>Đăng nhập</title></head><body><form>"
    "<label>Tên đăng nhập <input name=u></label><label>Mật khẩu <input type=password></label>"
    "<button>Đăng nhập</button></form></body></html>" },
  /* A site's home page: the latest stories' headlines, leads and thumbnails. */
  { "/", "text/html",
    "<!DOCTYPE html><html lang=vi><head><meta charset=utf-8><title>Báo Lào Cai</title></head><body>"
    "<nav><a href='/'>Trang chủ</a> <a href='/xa-hoi'>Xã hội</a></nav>"
    "<div><img src='/thumb/cuu-ho.jpg'><h3><a href='/tin/cuu-ho'>Cứu hộ giúp dân vùng lũ Bát Xát</a></h3>"
    "<p>(BLC) - Hàng trăm cán bộ, chiến sĩ đã giúp dân di dời tài sản ra khỏi vùng nguy hiểm.</p></div>"
    "<div><img src='/thumb/sat-lo.jpg'><h3><a href='/tin/sat-lo'>Mưa lớn gây sạt lở</a></h3>"
    "<p>(BLC) - Mưa lớn kéo dài gây sạt lở nhiều tuyến đường liên xã ở Bát Xát.</p></div>"
    "<div><img src='/thumb/lua.jpg'><h3><a href='/tin/lua'>Lúa mùa được giá</a></h3>"
    "<p>(BLC) - Nông dân Mường Khương phấn khởi vì lúa mùa năm nay được mùa, được giá.</p></div>"
    "</body></html>" },
  /* A section's page as WordPress writes it: an <article> for each story. */
  { "/tin-moi", "text/html",
    "<!DOCTYPE html><html lang=vi><head><meta charset=utf-8><title>Tin mới</title></head><body><main>"
    "<article><h2><a href='/cuu-ho/'>Cứu hộ giúp dân vùng lũ Bát Xát</a></h2>"
    "<div><p>(BLC) - Hàng trăm cán bộ, chiến sĩ đã giúp dân di dời tài sản ra khỏi vùng nguy hiểm.</p></div></article>"
    "<article><h2><a href='/sat-lo/'>Mưa lớn gây sạt lở</a></h2>"
    "<div><p>(BLC) - Mưa lớn kéo dài gây sạt lở nhiều tuyến đường liên xã ở Bát Xát.</p></div></article>"
    "<article><h2><a href='/lua/'>Lúa mùa được giá</a></h2>"
    "<div><p>(BLC) - Nông dân Mường Khương phấn khởi vì lúa mùa năm nay được mùa, được giá.</p></div></article>"
    "</main></body></html>" },
  /* A story with its related stories under it, each a linked headline and
   * a lead. */
  { "/tin/co-tin-lien-quan", "text/html",
    "<!DOCTYPE html><html lang=vi><head><meta charset=utf-8></head><body><article><h1>Thông xe Quốc lộ 4D</h1>"
    "<p>(BLC) - Sau ba ngày khắc phục, Quốc lộ 4D đoạn qua Sa Pa đã thông xe lúc 17 giờ chiều nay.</p>"
    "<p>Lực lượng chức năng vẫn túc trực tại điểm sạt lở để phân luồng, bảo đảm an toàn cho người đi đường.</p>"
    "<h3>Tin liên quan</h3>"
    "<h3><a href='/tin/sat-lo'>Sạt lở chia cắt Quốc lộ 4D</a></h3><p>Mưa lớn gây sạt lở.</p>"
    "<h3><a href='/tin/mua'>Mưa lớn ở Sa Pa</a></h3><p>Mưa kéo dài ba ngày.</p>"
    "</article></body></html>" },
  /* A story whose photo the site no longer has, at a root-relative address. */
  { "/tin/anh-mat", "text/html",
    "<!DOCTYPE html><html lang=vi><head><meta charset=utf-8></head><body><article><h1>Cầu tạm bị cuốn trôi</h1>"
    "<p>(BLC) - Lũ cuốn trôi cầu tạm ở Y Tý.</p><figure><img src='/uploads/cau-tam.jpg'>"
    "<figcaption>Cầu tạm. Ảnh: Hà Anh</figcaption></figure><p>Xã đang dựng lại cầu.</p></article></body></html>" },
  /* A story, its photo at a relative address, its reporter's name closing it. */
  { "/tin/lu-quet-o-bat-xat", "text/html",
    "<!DOCTYPE html><html lang=vi><head><meta charset=utf-8><title>Lũ quét ở Bát Xát - Báo Lào Cai</title></head>"
    "<body><nav><a href='/'>Trang chủ</a></nav><article><h1>Lũ quét ở Bát Xát</h1>"
    "<p>(BLC) - Đêm 5/12, mưa lớn gây lũ quét ở xã Trịnh Tường.</p>"
    "<figure><img src='../anh/L%C5%A9%20qu%C3%A9t.jpg' alt='Nước lũ'>"
    "<figcaption>Nước lũ tràn qua bản. Ảnh: Hà Anh</figcaption></figure>"
    "<p>Nhiều hộ dân phải di dời theo <a href='/van-ban/cong-van-12'>công văn số 12</a>.</p>"
    "<p style='text-align:right'><strong>Thu Hà</strong></p>"
    "</article></body></html>" },
  { "/empty.jpg", "image/jpeg", "" },
};

static void
on_request (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (g_str_equal (path, "/tin/lu-quet-o-bat-xat"))
    f->story_requests++;
  if (g_str_has_prefix (path, "/thumb/") || g_str_equal (path, "/logo.png"))
    f->other_pictures++;
  if (g_str_equal (path, "/missing.jpg"))
    f->missing_requests++;
  /* A news site's page as it is: the site's logo, then the latest stories'
   * thumbnails, forty-five of them, then the story with its photo. */
  if (g_str_equal (path, "/tin/trang-bao"))
    {
      GString *page = g_string_new ("<!DOCTYPE html><html lang=vi><head><meta charset=utf-8></head><body>"
                                    "<header><img src='/logo.png' alt='Báo Lào Cai'></header><aside><h2>Tin mới</h2>");

      for (guint i = 0; i < 45; i++)
        g_string_append_printf (page, "<div><a href='/tin/%u'><img src='/thumb/%u.jpg'></a>"
                                "<h3><a href='/tin/%u'>Tin số %u</a></h3></div>", i, i, i, i);
      g_string_append (page, "</aside><article><h1>Lũ quét ở Bát Xát</h1>"
                       "<p>(BLC) - Đêm 5/12, mưa lớn gây lũ quét ở xã Trịnh Tường.</p>"
                       "<figure><img src='/anh/L%C5%A9%20qu%C3%A9t.jpg'><figcaption>Nước lũ tràn qua bản."
                       "</figcaption></figure><p>Nhiều hộ dân phải di dời tài sản.</p></article>"
                       "<footer><img src='/thumb/quang-cao.jpg'></footer></body></html>");
      gsize length = page->len;

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_TAKE, g_string_free (page, FALSE), length);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    if (g_str_equal (path, answers[i].path))
      {
        soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
        soup_server_message_set_response (msg, answers[i].type, SOUP_MEMORY_STATIC, answers[i].body,
                                          strlen (answers[i].body));
        return;
      }

  if (g_str_equal (path, "/anh/L%C5%A9 qu%C3%A9t.jpg") || g_str_equal (path, "/anh/Lũ quét.jpg"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/jpeg", SOUP_MEMORY_COPY, (const char *) f->jpeg->data,
                                        f->jpeg->len);
    }
  else if (g_str_equal (path, "/r"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/anh/L%C5%A9%20qu%C3%A9t.jpg?w=800");
  else if (g_str_equal (path, "/tin/moi"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/tin/lu-quet-o-bat-xat");
  else if (g_str_equal (path, "/picture"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, (const char *) png, sizeof png);
    }
  else if (g_str_equal (path, "/big.jpg") || g_str_equal (path, "/big-chunked.jpg"))
    {
      g_autofree char *big = g_malloc0 (300000);

      memcpy (big, f->jpeg->data, f->jpeg->len);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      if (g_str_equal (path, "/big-chunked.jpg"))
        soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_server_message_set_response (msg, "image/jpeg", SOUP_MEMORY_COPY, big, 300000);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  int port;

  f->jpeg = byline_test_jpeg_oriented (40, 30, 1, FALSE);
  f->server = byline_test_serve_local (on_request, f, &port);
  f->base = g_strdup_printf ("http://127.0.0.1:%d", port);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  soup_server_disconnect (f->server);
  g_object_unref (f->server);
  g_byte_array_unref (f->jpeg);
  g_free (f->base);
}

typedef struct
{
  char   *uri;
  gsize   max;
  GFile  *file;
  GError *error;
  gboolean done;
} Download;

static gpointer
download_in_thread (gpointer data)
{
  Download *d = data;

  d->file = byline_web_picture_download (d->uri, d->max, NULL, &d->error);
  g_atomic_int_set (&d->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* Downloads @path of the server (or @path itself when it is an address),
 * the server answering on this thread meanwhile. */
static GFile *
download (Fixture     *f,
          const char  *path,
          gsize        max,
          GError     **error)
{
  Download d = { NULL, max, NULL, NULL, FALSE };
  GThread *thread;

  d.uri = g_str_has_prefix (path, "http") ? g_strdup (path) : g_strconcat (f->base, path, NULL);
  thread = g_thread_new ("download", download_in_thread, &d);
  while (!g_atomic_int_get (&d.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  g_free (d.uri);
  if (d.error != NULL)
    g_propagate_error (error, d.error);
  return d.file;
}

static void
assert_downloaded (GFile        *file,
                   const char   *name,
                   const guchar *bytes,
                   gsize         length)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) folder = g_file_get_parent (file);
  gsize size = 0;

  g_assert_cmpstr (base, ==, name);
  g_assert_true (g_file_load_contents (file, NULL, &contents, &size, NULL, NULL));
  g_assert_cmpmem (contents, size, bytes, length);
  byline_web_picture_discard (file);
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_false (g_file_query_exists (folder, NULL));
}

/* A picture behind a redirect and a query: downloaded whole, named as the
 * address names it, in Vietnamese; without an extension, one from its type. */
static void
test_download (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GFile *file;
  g_autoptr(GFile) web = g_file_new_for_uri ("https://baolaocai.vn/anh/lu.jpg");
  g_autoptr(GFile) local = g_file_new_for_path ("/tmp/lu.jpg");

  g_assert_true (byline_web_picture_is_web (web));
  g_assert_false (byline_web_picture_is_web (local));
  /* The site, as a message names it. */
  {
    g_autofree char *site = byline_web_dup_site (web);

    g_assert_cmpstr (site, ==, "baolaocai.vn");
  }

  file = download (f, "/r", BYLINE_WEB_PICTURE_MAX_BYTES, &error);
  g_assert_no_error (error);
  assert_downloaded (file, "Lũ quét.jpg", f->jpeg->data, f->jpeg->len);
  g_object_unref (file);

  file = download (f, "/picture", BYLINE_WEB_PICTURE_MAX_BYTES, &error);
  g_assert_no_error (error);
  assert_downloaded (file, "picture.png", png, sizeof png);
  g_object_unref (file);
}

/* Each failure as a sentence that names the address, of the kind the
 * window and the outbox tell apart. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  static const struct { const char *path; int code; const char *words; } cases[] = {
    { "/login.jpg", BYLINE_ERROR_UNSUPPORTED_FORMAT, "is not a picture but text/html" },
    { "/tin/lu-quet-o-bat-xat", BYLINE_ERROR_UNSUPPORTED_FORMAT, "is a web page, not a picture: to bring its story" },
    { "/missing.jpg", BYLINE_ERROR_NOT_FOUND, "Could not download the picture" },
    /* An official letter's link: no advice to save "its picture". */
    { "/cong-van", BYLINE_ERROR_UNSUPPORTED_FORMAT, "is a PDF document, which Byline does not read" },
    /* A link to a page that is gone, dropped where pictures go: no picture named. */
    { "/tin/khong-co", BYLINE_ERROR_NOT_FOUND, "Could not download http://" },
    { "/big.jpg", BYLINE_ERROR_TOO_LARGE, "is larger than 100.0" },
    { "/big-chunked.jpg", BYLINE_ERROR_TOO_LARGE, "is larger than 100.0" },
    { "/empty.jpg", BYLINE_ERROR_MALFORMED, "is empty" },
    { "http://127.0.0.1:9/anh/lu.jpg", BYLINE_ERROR_NETWORK, "refused the connection" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = download (f, cases[i].path, 100000, &error);

      g_assert_null (file);
      g_assert_error (error, BYLINE_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].words) == NULL || strstr (error->message, "/") == NULL)
        g_error ("%s: “%s” does not say “%s” or the address", cases[i].path, error->message, cases[i].words);
    }
  /* Nothing left behind by a picture too large (the temporary folder is
   * the test's own, main()). */
  {
    g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, "byline-web-"));
  }
}

typedef struct
{
  GBytes         *html;
  char           *page_uri;
  BylineArticle  *piece;
  char          **left_out;
  GError         *error;
  gboolean        done;
  GString        *progress;  /* "done/total " each time it is told */
} PieceRead;

static void
record_progress (guint    done,
                 guint    total,
                 gpointer data)
{
  PieceRead *r = data;

  if (r->progress == NULL)
    r->progress = g_string_new (NULL);
  g_string_append_printf (r->progress, "%u/%u ", done, total);
}

static gpointer
read_piece_in_thread (gpointer data)
{
  PieceRead *r = data;

  r->piece = byline_web_page_read_piece (r->html, r->page_uri, "the page", NULL, record_progress, r,
                                         &r->left_out, &r->error);
  g_atomic_int_set (&r->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

static void
read_piece (PieceRead *r)
{
  GThread *thread = g_thread_new ("piece", read_piece_in_thread, r);

  while (!g_atomic_int_get (&r->done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
}

/* A story selected in a browser: its pictures downloaded, with their
 * captions, credits and alt text, each named as its address names it; one
 * the site no longer has is left out and named; nothing is left behind in
 * the temporary folder once the piece goes. */
static void
test_page_piece (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *html = g_strdup_printf (
    "<html><body><p>Lũ quét ở <b>Bát Xát</b>.</p>\n"
    "<figure><img src=\"%s/anh/L%%C5%%A9%%20qu%%C3%%A9t.jpg?w=800\" alt=\"Nước lũ\">"
    "<figcaption>Nước lũ tràn qua bản. Ảnh: Hà Anh</figcaption></figure>\n"
    "<figure><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"%s/picture\" alt=\"Bản đồ\"></figure>\n"
    "<figure><img src=\"%s/khong-co.jpg\" alt=\"Cầu tạm\"><figcaption>Cầu tạm.</figcaption></figure>\n"
    "<p>Đường lên xã bị chia cắt.</p></body></html>", f->base, f->base, f->base);
  PieceRead r = { NULL, NULL, NULL, NULL, NULL, FALSE, NULL };
  g_autoptr(GFile) folder = NULL;
  BylineBody *body;
  BylineImage *image;

  r.html = g_bytes_new (html, strlen (html));
  g_assert_true (byline_web_page_has_pictures (r.html, NULL));
  read_piece (&r);

  g_assert_no_error (r.error);
  g_assert_nonnull (r.piece);
  body = byline_article_get_body (r.piece);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 0)), ==, "Lũ quét ở Bát Xát.");
  g_assert_cmpuint (byline_article_get_n_images (r.piece), ==, 2);
  image = byline_article_get_image (r.piece, 0);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 1)), ==, BYLINE_BLOCK_IMAGE);
  g_assert_cmpstr (byline_image_get_filename (image), ==, "Lũ quét.jpg");
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Nước lũ tràn qua bản.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Hà Anh");
  g_assert_cmpstr (byline_image_get_alt_text (image), ==, "Nước lũ");
  g_assert_true (g_file_query_exists (byline_image_get_file (image), NULL));
  /* The lazy page's picture, from data-src. */
  g_assert_cmpstr (byline_image_get_alt_text (byline_article_get_image (r.piece, 1)), ==, "Bản đồ");
  /* The one the site no longer has: left out, named. */
  g_assert_nonnull (r.left_out);
  g_assert_cmpuint (g_strv_length (r.left_out), ==, 1);
  g_test_message ("left out: %s", r.left_out[0]);
  g_assert_true (strstr (r.left_out[0], "Cầu tạm") != NULL || strstr (r.left_out[0], "khong-co") != NULL);
  /* Told before each of the three from the web, and once all are done. */
  g_assert_nonnull (r.progress);
  g_assert_cmpstr (r.progress->str, ==, "0/3 1/3 2/3 3/3 ");
  g_string_free (r.progress, TRUE);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, byline_body_get_n_blocks (body) - 1)), ==,
                   "Đường lên xã bị chia cắt.");

  folder = g_file_get_parent (byline_image_get_file (image));
  g_clear_object (&r.piece);
  g_assert_false (g_file_query_exists (folder, NULL));
  g_strfreev (r.left_out);
  g_bytes_unref (r.html);
}

/* Browsers copy the addresses of a lazy page's pictures as the page has
 * them: relative ones are read against the page's address, which the
 * browser names beside the HTML; without it they cannot be. */
static void
test_page_relative (Fixture       *f,
                    gconstpointer  data)
{
  static const char html[] =
    "<p>Lũ quét ở Bát Xát.</p>\n"
    "<figure><img src=\"../anh/L%C5%A9%20qu%C3%A9t.jpg\" alt=\"Nước lũ\"><figcaption>Nước lũ. Ảnh: Hà Anh</figcaption></figure>\n"
    "<figure><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"/picture\" alt=\"Bản đồ\"></figure>\n"
    "<p>Đường lên xã bị chia cắt.</p>";
  PieceRead r = { NULL, NULL, NULL, NULL, NULL, FALSE, NULL };
  g_autofree char *page = g_strconcat (f->base, "/tin/lu-quet-o-bat-xat", NULL);
  g_autofree char *file_page = g_strdup ("file:///tmp/tin/lu-quet.html");

  r.html = g_bytes_new_static (html, strlen (html));
  g_assert_false (byline_web_page_has_pictures (r.html, NULL));
  /* Only a web page's address is a base: not a file's. */
  g_assert_false (byline_web_page_has_pictures (r.html, file_page));
  g_assert_true (byline_web_page_has_pictures (r.html, page));

  r.page_uri = page;
  read_piece (&r);
  g_assert_no_error (r.error);
  g_assert_nonnull (r.piece);
  g_assert_cmpuint (byline_article_get_n_images (r.piece), ==, 2);
  g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (r.piece, 0)), ==, "Lũ quét.jpg");
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (r.piece, 0)), ==, "Nước lũ.");
  g_assert_cmpstr (byline_image_get_alt_text (byline_article_get_image (r.piece, 1)), ==, "Bản đồ");
  g_assert_true (r.left_out == NULL || r.left_out[0] == NULL);

  g_clear_object (&r.piece);
  g_strfreev (r.left_out);
  if (r.progress != NULL)
    g_string_free (r.progress, TRUE);
  g_bytes_unref (r.html);
}

/* What browsers name the page with beside a selection: Chromium in UTF-8,
 * Firefox in UTF-16, its title on a second line. */
static void
test_page_source_uri (void)
{
  static const struct { const char *data; gsize length; const char *uri; } cases[] = {
    { "https://baolaocai.vn/tin/lu-quet.html", 37, "https://baolaocai.vn/tin/lu-quet.html" },
    { " http://127.0.0.1:8080/a?b=1\n", 30, "http://127.0.0.1:8080/a?b=1" },
    /* UTF-16LE with its mark: "https://a.vn/x\nLũ" */
    { "\xff\xfeh\0t\0t\0p\0s\0:\0/\0/\0a\0.\0v\0n\0/\0x\0\n\0L\0\x69\x1e", 36, "https://a.vn/x" },
    /* and without */
    { "h\0t\0t\0p\0:\0/\0/\0a\0.\0v\0n\0/\0", 24, "http://a.vn/" },
    { "file:///tmp/lu.html", 19, NULL },
    { "about:blank", 11, NULL },
    { "https://", 8, NULL },
    { "\xff\xfe\x00\xd8", 4, NULL },
    { "", 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].data, cases[i].length);
      g_autofree char *uri = byline_web_page_dup_source_uri (bytes);

      g_assert_cmpstr (uri, ==, cases[i].uri);
    }
}

typedef struct
{
  char           *uri;
  BylineArticle  *story;
  char          **left_out;
  GError         *error;
  gboolean        done;
} ArticleRead;

static gpointer
read_article_in_thread (gpointer data)
{
  ArticleRead *r = data;

  r->story = byline_web_page_read_article (r->uri, NULL, &r->left_out, &r->error);
  g_atomic_int_set (&r->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

static void
read_article (ArticleRead *r)
{
  GThread *thread = g_thread_new ("article", read_article_in_thread, r);

  while (!g_atomic_int_get (&r->done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
}

/* A link to a story dropped on Byline: the page downloaded and read as a
 * saved page opens, its picture (a relative address) downloaded with its
 * caption and credit.  A picture's address is not a page. */
static void
test_page_article (Fixture       *f,
                   gconstpointer  data)
{
  ArticleRead r = { g_strconcat (f->base, "/tin/lu-quet-o-bat-xat", NULL), NULL, NULL, NULL, FALSE };
  ArticleRead picture = { g_strconcat (f->base, "/picture", NULL), NULL, NULL, NULL, FALSE };
  BylineImage *image;

  read_article (&r);
  g_assert_no_error (r.error);
  g_assert_nonnull (r.story);
  g_assert_cmpstr (byline_article_get_headline (r.story), ==, "Lũ quét ở Bát Xát");
  g_assert_cmpstr (byline_article_get_lead (r.story), ==, "(BLC) - Đêm 5/12, mưa lớn gây lũ quét ở xã Trịnh Tường.");
  g_assert_cmpuint (byline_article_get_n_images (r.story), ==, 1);
  image = byline_article_get_image (r.story, 0);
  g_assert_cmpstr (byline_image_get_filename (image), ==, "Lũ quét.jpg");
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Nước lũ tràn qua bản.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Hà Anh");
  g_assert_true (g_file_query_exists (byline_image_get_file (image), NULL));
  /* The story's photo leads it, as a document's first picture does. */
  g_assert_true (byline_image_get_featured (image));
  g_assert_true (r.left_out == NULL || r.left_out[0] == NULL);
  /* The reporter's name closing the story is its byline, not its text. */
  g_assert_nonnull (byline_article_get_authors (r.story));
  g_assert_cmpstr (byline_article_get_authors (r.story)[0], ==, "Thu Hà");
  {
    BylineBody *body = byline_article_get_body (r.story);

    g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, byline_body_get_n_blocks (body) - 1)), ==,
                     "Nhiều hộ dân phải di dời theo công văn số 12.");
  }

  read_article (&picture);
  g_assert_null (picture.story);
  g_assert_error (picture.error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT);
  g_assert_nonnull (strstr (picture.error->message, "is not a web page but image/png"));

  g_clear_object (&r.story);
  g_strfreev (r.left_out);
  g_free (r.uri);
  g_clear_error (&picture.error);
  g_free (picture.uri);
}

typedef struct
{
  char                  *uri;
  GCancellable          *cancellable;
  GFile                 *file;
  BylineDownloadedPage  *page;
  BylineArticle         *story;
  char                 **left_out;
  GError                *error;
  gboolean               done;
} LinkRead;

/* Downloads @r->uri as a link dropped where a picture goes, then, when it
 * is a page, reads its story. */
static gpointer
read_link_in_thread (gpointer data)
{
  LinkRead *r = data;

  r->file = byline_web_picture_download_full (r->uri, BYLINE_WEB_PICTURE_MAX_BYTES, NULL, NULL, NULL, &r->page,
                                              &r->error);
  if (r->page != NULL)
    r->story = byline_web_page_read_downloaded (r->page, r->cancellable, NULL, NULL, &r->left_out, &r->error);
  g_atomic_int_set (&r->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

static void
read_link (Fixture  *f,
           LinkRead *r)
{
  GThread *thread = g_thread_new ("link", read_link_in_thread, r);

  while (!g_atomic_int_get (&r->done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
}

static void
link_read_clear (LinkRead *r)
{
  g_clear_object (&r->file);
  g_clear_pointer (&r->page, byline_downloaded_page_free);
  g_clear_object (&r->story);
  g_clear_pointer (&r->left_out, g_strfreev);
  g_clear_error (&r->error);
  g_clear_pointer (&r->uri, g_free);
}

/* A link to a story dropped where a picture goes: the page is kept, with
 * the address it came from after its redirect, and its story read from it
 * without downloading it again (it was, a second wait on a slow line).  Its
 * picture's and its link's relative addresses are read against the address
 * it came from (the link was dropped). */
static void
test_page_kept (Fixture       *f,
                gconstpointer  data)
{
  LinkRead r = { g_strconcat (f->base, "/tin/moi", NULL), NULL };
  g_autofree char *base = g_strconcat (f->base, "/tin/lu-quet-o-bat-xat", NULL);

  read_link (f, &r);
  g_assert_no_error (r.error);
  g_assert_null (r.file);
  g_assert_nonnull (r.page);
  g_assert_cmpstr (r.page->uri, ==, r.uri);
  g_assert_cmpstr (r.page->base, ==, base);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (r.page->html, NULL), g_bytes_get_size (r.page->html),
                                  "<h1>Lũ quét ở Bát Xát</h1>"));
  g_assert_nonnull (r.story);
  g_assert_cmpstr (byline_article_get_headline (r.story), ==, "Lũ quét ở Bát Xát");
  g_assert_cmpuint (byline_article_get_n_images (r.story), ==, 1);
  g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (r.story, 0)), ==, "Lũ quét.jpg");
  g_assert_cmpuint (f->story_requests, ==, 1);
  /* Its link to a page of its site is kept, at its whole address. */
  {
    BylineBody *body = byline_article_get_body (r.story);
    g_autofree char *href = g_strconcat (f->base, "/van-ban/cong-van-12", NULL);
    gboolean found = FALSE;

    for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
      {
        guint n_spans;
        const BylineSpan *spans = byline_block_get_spans (byline_body_get_block (body, i), &n_spans);

        for (guint j = 0; j < n_spans; j++)
          found |= spans[j].kind == BYLINE_SPAN_LINK && g_strcmp0 (spans[j].href, href) == 0;
      }
    g_assert_true (found);
  }
  link_read_clear (&r);
}

/* A story whose photo is gone from the site (404), or whose pictures the
 * person stopped waiting for: it opens, and the picture is left out and
 * named.  With a root-relative address ("/uploads/cau-tam.jpg") the whole
 * story was refused: "the picture is outside the folder; nothing was
 * imported". */
static void
test_page_pictures_left_out (Fixture       *f,
                             gconstpointer  data)
{
  LinkRead gone = { g_strconcat (f->base, "/tin/anh-mat", NULL), NULL };
  LinkRead stopped = { g_strconcat (f->base, "/tin/lu-quet-o-bat-xat", NULL), g_cancellable_new () };
  const char *gone_names[] = { "cau-tam.jpg", NULL };
  const char *stopped_names[] = { "Lũ quét.jpg", NULL };

  read_link (f, &gone);
  g_assert_no_error (gone.error);
  g_assert_nonnull (gone.story);
  g_assert_cmpstr (byline_article_get_headline (gone.story), ==, "Cầu tạm bị cuốn trôi");
  g_assert_cmpuint (byline_article_get_n_images (gone.story), ==, 0);
  g_assert_cmpstrv (gone.left_out, gone_names);
  /* Kept with the draft, for the checks to name, as a document's. */
  {
    g_auto(GStrv) missing = byline_article_dup_missing_pictures (gone.story);
    g_autofree char *source = byline_article_dup_missing_source (gone.story);

    g_assert_cmpstrv (missing, gone_names);
    g_assert_cmpstr (source, ==, gone.uri);
  }

  /* Stopped once the page is here: its picture is not asked for. */
  g_cancellable_cancel (stopped.cancellable);
  read_link (f, &stopped);
  g_assert_no_error (stopped.error);
  g_assert_nonnull (stopped.story);
  g_assert_cmpstr (byline_article_get_headline (stopped.story), ==, "Lũ quét ở Bát Xát");
  g_assert_cmpuint (byline_article_get_n_images (stopped.story), ==, 0);
  g_assert_cmpstrv (stopped.left_out, stopped_names);

  g_object_unref (stopped.cancellable);
  link_read_clear (&gone);
  link_read_clear (&stopped);
}

/* A link to a story on a news site's page, as pages are: a logo, the
 * latest stories' thumbnails, an advertisement.  Only the story's photo is
 * downloaded.  All were, forty before the story's own, which was then past
 * the bound and left out; on a mountain district's line, minutes of
 * "picture 7 of 40" for pictures the story does not hold. */
static void
test_page_story_pictures_only (Fixture       *f,
                               gconstpointer  data)
{
  LinkRead r = { g_strconcat (f->base, "/tin/trang-bao", NULL), NULL };

  read_link (f, &r);
  g_assert_no_error (r.error);
  g_assert_nonnull (r.story);
  g_assert_cmpstr (byline_article_get_headline (r.story), ==, "Lũ quét ở Bát Xát");
  g_assert_cmpuint (byline_article_get_n_images (r.story), ==, 1);
  g_assert_cmpstr (byline_image_get_filename (byline_article_get_image (r.story, 0)), ==, "Lũ quét.jpg");
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (r.story, 0)), ==, "Nước lũ tràn qua bản.");
  g_assert_true (r.left_out == NULL || r.left_out[0] == NULL);
  g_assert_cmpuint (f->other_pictures, ==, 0);
  link_read_clear (&r);
}

/* A link that leads to a page to log in, not to its story: said, and no
 * story made of the form's labels ("Đăng nhập" with its words "Tên đăng
 * nhập", "Mật khẩu" opened as a draft).  A link to the site's home page:
 * said, and no story made of its headlines and leads. */
static void
test_page_no_story (Fixture       *f,
                    gconstpointer  data)
{
  LinkRead r = { g_strconcat (f->base, "/dang-nhap", NULL), NULL };
  LinkRead home = { g_strconcat (f->base, "/", NULL), NULL };
  LinkRead section = { g_strconcat (f->base, "/tin-moi", NULL), NULL };
  LinkRead related = { g_strconcat (f->base, "/tin/co-tin-lien-quan", NULL), NULL };

  read_link (f, &r);
  g_assert_nonnull (r.page);
  g_assert_null (r.story);
  g_assert_error (r.error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (r.error->message, "/dang-nhap shows no story"));
  link_read_clear (&r);

  /* The site's home page: said, with two of its headlines, before any of
   * its thumbnails is downloaded; a section's page of <article>s too. */
  read_link (f, &home);
  g_assert_nonnull (home.page);
  g_assert_null (home.story);
  g_assert_error (home.error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (home.error->message, "/ is a list of stories (“Cứu hộ giúp dân vùng lũ Bát Xát”, "
                                                 "“Mưa lớn gây sạt lở”…), not one story"));
  g_assert_cmpuint (f->other_pictures, ==, 0);
  link_read_clear (&home);
  read_link (f, &section);
  g_assert_null (section.story);
  g_assert_error (section.error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (section.error->message, "/tin-moi is a list of stories"));
  link_read_clear (&section);

  /* A story with its related stories' headlines under it opens. */
  read_link (f, &related);
  g_assert_no_error (related.error);
  g_assert_nonnull (related.story);
  g_assert_cmpstr (byline_article_get_headline (related.story), ==, "Thông xe Quốc lộ 4D");
  link_read_clear (&related);
}

/* A server that answers with a picture's or a page's headers and part of
 * its bytes, then hangs up: a mountain district's line cut mid-download.
 * With @whole_after, the answers after the first are whole. */
typedef struct
{
  const char *type;         /* "image/jpeg", "text/html;1.0" (an HTTP/1.0 server) */
  gboolean    whole_after;
  guint       connections;
} CutServer;

static gboolean
on_cut_incoming (GSocketService    *service,
                 GSocketConnection *connection,
                 GObject           *source,
                 gpointer           data)
{
  CutServer *server = data;
  gboolean old = g_str_has_suffix (server->type, ";1.0");
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autofree char *mime = g_strndup (server->type, strcspn (server->type, ";"));
  g_autofree char *head = g_strdup_printf ("HTTP/%s 200 OK\r\nContent-Type: %s\r\nContent-Length: 100000\r\n"
                                           "Connection: close\r\n\r\n", old ? "1.0" : "1.1", mime);
  g_autofree guchar *body = g_malloc0 (100000);
  gboolean whole = server->whole_after && server->connections > 0;
  char request[4096];

  server->connections++;
  /* The request, whole enough: one read. */
  g_input_stream_read (in, request, sizeof request, NULL, NULL);
  if (g_str_equal (mime, "image/jpeg"))
    memcpy (body, "\xff\xd8\xff\xe0", 4);
  else
    memcpy (body, "<html><body><h1>Lũ</h1><p>", strlen ("<html><body><h1>Lũ</h1><p>"));
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, body, whole ? 100000 : 50000, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

/* Downloads, as a picture or as a link's page, from a CutServer of @type;
 * returns the picture, or the page in *@page. */
static GFile *
download_from_cut_server (Fixture                *f,
                          CutServer              *server,
                          BylineDownloadedPage  **page,
                          GError                **error)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *uri = NULL;
  GFile *file = NULL;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &local);
  g_assert_no_error (local);
  g_signal_connect (service, "incoming", G_CALLBACK (on_cut_incoming), server);
  uri = g_strdup_printf ("http://127.0.0.1:%u/%s", port,
                         g_str_has_prefix (server->type, "image/") ? "anh/lu.jpg" : "tin/lu-quet");
  if (g_str_has_prefix (server->type, "image/"))
    file = download (f, uri, BYLINE_WEB_PICTURE_MAX_BYTES, error);
  else
    {
      LinkRead r = { g_strdup (uri), NULL };

      read_link (f, &r);
      g_assert_null (r.story);
      *page = g_steal_pointer (&r.page);
      if (*page == NULL)
        g_propagate_error (error, g_steal_pointer (&r.error));
      link_read_clear (&r);
    }
  if (*error != NULL)
    g_assert_nonnull (strstr ((*error)->message, uri));
  g_socket_service_stop (service);
  return file;
}

/* A picture, or a page, whose connection is cut halfway is not taken as it
 * is: it is tried once more, then a clear error, and nothing left.  From an
 * HTTP/1.0 server, which libsoup reads to the connection's end, half a
 * photo was added to the story (its bottom grey), and half a page was read
 * as the story. */
static void
test_cut (Fixture       *f,
          gconstpointer  data)
{
  const char *types[] = { "image/jpeg", "image/jpeg;1.0", "text/html", "text/html;1.0" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      CutServer server = { types[i], FALSE, 0 };
      g_autoptr(BylineDownloadedPage) page = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = download_from_cut_server (f, &server, &page, &error);

      g_assert_null (file);
      g_assert_null (page);
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "was lost"));
      g_assert_cmpuint (server.connections, ==, 2);
    }
  {
    g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, "byline-web-"));
  }
}

/* The line drops once mid-download, as it often does in a mountain
 * district: the next try, a second later, brings the picture or the page
 * whole.  The picture was left out of a link's story, or its drop refused,
 * for a drop the next try got past.  What a server answers (the picture is
 * not there) is not tried again. */
static void
test_cut_once (Fixture       *f,
               gconstpointer  data)
{
  const char *types[] = { "image/jpeg", "image/jpeg;1.0", "text/html", "text/html;1.0" };
  g_autoptr(GError) missing = NULL;
  g_autoptr(GFile) none = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      CutServer server = { types[i], TRUE, 0 };
      g_autoptr(BylineDownloadedPage) page = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = download_from_cut_server (f, &server, &page, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (server.connections, ==, 2);
      if (file != NULL)
        {
          g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);

          g_assert_cmpint (g_file_info_get_size (info), ==, 100000);
          byline_web_picture_discard (file);
        }
      else
        {
          g_assert_nonnull (page);
          g_assert_cmpuint (g_bytes_get_size (page->html), ==, 100000);
        }
    }

  none = download (f, "/missing.jpg", BYLINE_WEB_PICTURE_MAX_BYTES, &missing);
  g_assert_error (missing, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
  g_assert_cmpuint (f->missing_requests, ==, 1);
}

/* A page without pictures from the web is not one. */
static void
test_page_without_pictures (void)
{
  static const char *const pages[] = {
    "<p>Chỉ có chữ.</p>", "<p><img src=\"anh.jpg\"></p>", "<img src=\"data:image/png;base64,AAAA\">", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (pages[i], strlen (pages[i]));

      g_assert_false (byline_web_page_has_pictures (bytes, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  /* A temporary folder of its own, to see that nothing is left in it. */
  g_autofree char *tmp = g_build_filename ("/tmp", "byline-test-web-XXXXXX", NULL);
  int status;

  g_assert_nonnull (g_mkdtemp (tmp));
  g_setenv ("TMPDIR", tmp, TRUE);
  /* GNOME's proxy settings' schema is not among the test's. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  byline_test_init (&argc, &argv);

  g_test_add ("/web-picture/download", Fixture, NULL, fixture_setup, test_download, fixture_teardown);
  g_test_add ("/web-picture/refused", Fixture, NULL, fixture_setup, test_refused, fixture_teardown);
  g_test_add ("/web-page/piece", Fixture, NULL, fixture_setup, test_page_piece, fixture_teardown);
  g_test_add_func ("/web-page/without-pictures", test_page_without_pictures);
  g_test_add ("/web-page/relative", Fixture, NULL, fixture_setup, test_page_relative, fixture_teardown);
  g_test_add_func ("/web-page/source-uri", test_page_source_uri);
  g_test_add ("/web-page/article", Fixture, NULL, fixture_setup, test_page_article, fixture_teardown);
  g_test_add ("/web-page/kept", Fixture, NULL, fixture_setup, test_page_kept, fixture_teardown);
  g_test_add ("/web-picture/cut", Fixture, NULL, fixture_setup, test_cut, fixture_teardown);
  g_test_add ("/web-picture/cut-once", Fixture, NULL, fixture_setup, test_cut_once, fixture_teardown);
  g_test_add ("/web-page/no-story", Fixture, NULL, fixture_setup, test_page_no_story, fixture_teardown);
  g_test_add ("/web-page/story-pictures-only", Fixture, NULL, fixture_setup, test_page_story_pictures_only,
              fixture_teardown);
  g_test_add ("/web-page/pictures-left-out", Fixture, NULL, fixture_setup, test_page_pictures_left_out,
              fixture_teardown);

  status = g_test_run ();
  g_rmdir (tmp);
  return status;
}
