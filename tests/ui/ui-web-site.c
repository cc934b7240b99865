/* ui-web-site.c — a news site on loopback, for the tests of what comes
 * from the web
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "ui-web-site.h"
#include "ui-story.h"
#include "byline-test-utils.h"

#define STORY_PAGE(picture) \
  "<!DOCTYPE html><html lang=vi><head><meta charset=utf-8><title>Sạt lở trên Quốc lộ 4H</title></head>" \
  "<body><nav><a href='/'>Trang chủ</a></nav><article><h1>Sạt lở trên Quốc lộ 4H</h1>" \
  "<p>(BLC) - Mưa lớn đêm 9/8 gây sạt lở nhiều đoạn.</p>" \
  "<figure><img src='" picture "' alt='Đất đá'><figcaption>Hiện trường. Ảnh: Hà Anh</figcaption>" \
  "</figure><p>Lực lượng chức năng đang khắc phục.</p></article></body></html>"

#define PIECES 15

/* A large picture, coming a piece every tenth of a second; the line
 * dropping after @cut_after pieces, if not 0. */
typedef struct
{
  SoupServerMessage *msg;
  GBytes            *picture;
  guint              sent;
  guint              cut_after;
} Trickle;

static void
trickle_free (gpointer data)
{
  Trickle *trickle = data;

  g_object_unref (trickle->msg);
  g_bytes_unref (trickle->picture);
  g_free (trickle);
}

static gboolean
trickle_next (gpointer data)
{
  Trickle *trickle = data;
  SoupMessageBody *body = soup_server_message_get_response_body (trickle->msg);
  gsize piece = BYLINE_UI_WEB_SITE_LONG_SIZE / PIECES;
  gsize from = trickle->sent * piece;
  gsize length = trickle->sent + 1 == PIECES ? BYLINE_UI_WEB_SITE_LONG_SIZE - from : piece;
  g_autoptr(GBytes) part = NULL;

  if (trickle->cut_after > 0 && trickle->sent == trickle->cut_after)
    {
      g_socket_shutdown (soup_server_message_get_socket (trickle->msg), TRUE, TRUE, NULL);
      return G_SOURCE_REMOVE;
    }
  part = g_bytes_new_from_bytes (trickle->picture, from, length);
  soup_message_body_append_bytes (body, part);
  if (++trickle->sent == PIECES)
    soup_message_body_complete (body);
  soup_server_message_unpause (trickle->msg);
  return trickle->sent < PIECES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* The site's picture, padded (after its end, where a decoder does not
 * look) to the long picture's size. */
static GBytes *
long_picture (GBytes *picture)
{
  guchar *data = g_malloc0 (BYLINE_UI_WEB_SITE_LONG_SIZE);

  memcpy (data, g_bytes_get_data (picture, NULL), g_bytes_get_size (picture));
  return g_bytes_new_take (data, BYLINE_UI_WEB_SITE_LONG_SIZE);
}

static void
serve (SoupServer        *server,
       SoupServerMessage *msg,
       const char        *path,
       GHashTable        *query,
       gpointer           user_data)
{
  BylineUiWebSite *site = user_data;
  g_autofree char *decoded = g_uri_unescape_string (path, NULL);
  const char *page = NULL;

  g_ptr_array_add (site->requests, g_strdup (decoded != NULL ? decoded : path));
  if (g_str_equal (path, "/tin/sat-lo-quoc-lo-4h"))
    page = STORY_PAGE ("/anh/s%E1%BA%A1t.png");
  else if (g_str_equal (path, "/tin/anh-cham"))
    page = STORY_PAGE ("/cham/s%E1%BA%A1t.png");
  if (page != NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
      return;
    }
  /* The slow line: no answer, until the site closes. */
  if (g_str_has_prefix (path, "/cham/"))
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (site->held, g_object_ref (msg));
      return;
    }
  /* The slow line (/lau/), and one that drops half-way the first time
   * (/dut/). */
  if (g_str_has_prefix (path, "/lau/") || g_str_has_prefix (path, "/dut/"))
    {
      SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
      Trickle *trickle = g_new0 (Trickle, 1);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (headers, "image/png", NULL);
      soup_message_headers_set_content_length (headers, BYLINE_UI_WEB_SITE_LONG_SIZE);
      trickle->msg = g_object_ref (msg);
      trickle->picture = long_picture (site->picture);
      if (g_str_has_prefix (path, "/dut/") && !site->dropped)
        {
          trickle->cut_after = PIECES / 2;
          site->dropped = TRUE;
        }
      soup_server_message_pause (msg);
      g_timeout_add_full (G_PRIORITY_DEFAULT, 100, trickle_next, trickle, trickle_free);
      return;
    }
  if (decoded == NULL || strstr (decoded, "sạt") == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_COPY, g_bytes_get_data (site->picture, NULL),
                                    g_bytes_get_size (site->picture));
}

void
byline_ui_web_site_open (BylineUiWindowFixture *f,
                         BylineUiWebSite       *site)
{
  g_autoptr(GFile) made = byline_ui_test_picture (f, "made.png", 0x3366cc);

  site->picture = g_file_load_bytes (made, NULL, NULL, NULL);
  g_assert_nonnull (site->picture);
  site->requests = g_ptr_array_new_with_free_func (g_free);
  site->held = g_ptr_array_new_with_free_func (g_object_unref);
  site->server = byline_test_serve_local (serve, site, &site->port);
}

void
byline_ui_web_site_close (BylineUiWebSite *site)
{
  if (site->server == NULL)
    return;
  /* What the slow line held is answered, so that nothing waits on it. */
  for (guint i = 0; i < site->held->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (site->held, i);

      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_server_message_unpause (msg);
    }
  soup_server_disconnect (site->server);
  g_clear_object (&site->server);
  g_clear_pointer (&site->held, g_ptr_array_unref);
  g_clear_pointer (&site->requests, g_ptr_array_unref);
  g_clear_pointer (&site->picture, g_bytes_unref);
}

char *
byline_ui_web_site_address (BylineUiWebSite *site,
                            const char      *path_format,
                            ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, path_format);
  path = g_strdup_vprintf (path_format, args);
  va_end (args);
  return g_strdup_printf ("http://127.0.0.1:%d%s", site->port, path);
}

guint
byline_ui_web_site_count_hung_up (BylineUiWebSite *site)
{
  guint n = 0;

  /* A held request is not read from: its connection is looked at here.
   * Closed by the client, it reads as the end of the stream. */
  for (guint i = 0; i < site->held->len; i++)
    {
      GSocket *socket = soup_server_message_get_socket (g_ptr_array_index (site->held, i));
      char byte;

      if (socket == NULL
          || (g_socket_condition_check (socket, G_IO_IN | G_IO_HUP | G_IO_ERR) != 0
              && g_socket_receive_with_blocking (socket, &byte, 1, FALSE, NULL, NULL) <= 0))
        n++;
    }
  return n;
}

guint
byline_ui_web_site_count (BylineUiWebSite *site,
                          const char      *path)
{
  guint n = 0;

  for (guint i = 0; i < site->requests->len; i++)
    if (g_str_equal (g_ptr_array_index (site->requests, i), path))
      n++;
  return n;
}
