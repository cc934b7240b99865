/* byline-web-picture.c — a picture of a web page, downloaded to be added
 *
 * A browser drags a picture as its address (text/uri-list, "https://…/lu.jpg").
 * GIO reads no http: address without GVfs, which the Flatpak does not have:
 * dropped on a story, such a picture said "Operation not supported".  It is
 * downloaded instead, over the same HTTP session settings as publishing
 * (byline-http.c), into a temporary folder, then added as any file is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <string.h>

#include "byline-error.h"
#include "byline-files.h"
#include "byline-http-private.h"
#include "byline-import.h"
#include "byline-web-picture.h"

/* What is read first: enough to tell a picture from a page. */
#define HEAD_BYTES 4096
#define MAX_NAME_CHARS 100
/* How long a dropped line is given before a download is tried again. */
#define RETRY_DELAY_MS 1000

gboolean
byline_web_picture_is_web (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return g_file_has_uri_scheme (file, "http") || g_file_has_uri_scheme (file, "https");
}

char *
byline_web_dup_site (GFile *file)
{
  g_autofree char *uri = NULL;
  g_autoptr(GUri) parsed = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);
  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed != NULL && g_uri_get_host (parsed) != NULL)
    return g_strdup (g_uri_get_host (parsed));
  return g_steal_pointer (&uri);
}

static const char *
extension_for (const char *mime)
{
  static const struct { const char *mime, *extension; } known[] = {
    { "image/jpeg", "jpg" }, { "image/png", "png" }, { "image/gif", "gif" },
    { "image/webp", "webp" }, { "image/heic", "heic" }, { "image/heif", "heif" },
    { "image/avif", "avif" }, { "image/tiff", "tif" }, { "image/bmp", "bmp" },
    { "image/svg+xml", "svg" },
  };

  for (guint i = 0; mime != NULL && i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (mime, known[i].mime))
      return known[i].extension;
  return "jpg";
}

/* The picture's name, as the address it was downloaded from (after its
 * redirects) names it: "Lũ quét.jpg" for …/L%C5%A9%20qu%C3%A9t.jpg?w=800. */
static char *
dup_picture_name (SoupMessage *msg,
                  const char  *mime)
{
  const char *path = g_uri_get_path (soup_message_get_uri (msg));
  const char *slash = strrchr (path, '/');
  g_autofree char *name = g_uri_unescape_string (slash != NULL ? slash + 1 : path, "/");
  GString *clean = g_string_new (NULL);
  guint n = 0;

  if (name != NULL && g_utf8_validate (name, -1, NULL))
    for (const char *p = name; *p != '\0' && n < MAX_NAME_CHARS; p = g_utf8_next_char (p), n++)
      {
        gunichar c = g_utf8_get_char (p);

        g_string_append_unichar (clean, g_unichar_iscntrl (c) || c == '\\' ? '_' : c);
      }
  g_strstrip (clean->str);
  g_string_set_size (clean, strlen (clean->str));
  if (clean->len == 0 || clean->str[0] == '.')
    /* Translators: the file name of a picture added from a web page whose address gives none */
    g_string_assign (clean, _("Web Picture"));
  if (strrchr (clean->str, '.') == NULL)
    g_string_append_printf (clean, ".%s", extension_for (mime));
  return g_string_free (clean, FALSE);
}

/* Whether the address asked for ends like a picture's file ("….jpg"). */
static gboolean
names_picture (SoupMessage *msg)
{
  static const char * const extensions[] = {
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".avif", ".tif", ".tiff", ".bmp", ".svg",
  };
  g_autofree char *path = g_ascii_strdown (g_uri_get_path (soup_message_get_uri (msg)), -1);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (path, extensions[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_picture_type (const char *mime)
{
  return mime != NULL && g_str_has_prefix (mime, "image/");
}

/* The type the first bytes say, whatever the server said. */
static char *
dup_sniffed_type (const guchar *head,
                  gsize         length)
{
  g_autofree char *type = g_content_type_guess (NULL, head, length, NULL);

  return g_content_type_get_mime_type (type);
}

/* What a download was of, as its errors name it. */
typedef enum
{
  DOWNLOAD_PICTURE,
  DOWNLOAD_PAGE,
  DOWNLOAD_ADDRESS,  /* not known yet: the address alone */
} Download;

/* Sets *@error to @reason (taken), prefixed with what could not be
 * downloaded from @uri. */
static void
set_download_error (GError      **error,
                    GError       *reason,
                    Download      what,
                    const char   *uri)
{
  switch (what)
    {
    case DOWNLOAD_PICTURE:
      g_prefix_error (&reason, _("Could not download the picture %s: "), uri);
      break;
    case DOWNLOAD_PAGE:
      g_prefix_error (&reason, _("Could not download the page %s: "), uri);
      break;
    case DOWNLOAD_ADDRESS:
    default:
      g_prefix_error (&reason, _("Could not download %s: "), uri);
      break;
    }
  g_propagate_error (error, reason);
}

/* The download and the temporary folder it alone is in. */
static void
remove_download (GFile *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);

  byline_file_remove_tree (folder, NULL);
}

/* Why @uri, asked for by @msg, could not be downloaded: a picture when its
 * address says it is one; else the address alone (a link to a story
 * dropped where pictures go is asked for as a picture first: "Could not
 * download the picture …/tin/lu-quet" misled). */
static void
set_open_error (GError      **error,
                GError       *reason,
                SoupMessage  *msg,
                const char   *uri)
{
  set_download_error (error, reason, names_picture (msg) ? DOWNLOAD_PICTURE : DOWNLOAD_ADDRESS, uri);
}

/* Sends GET @uri: the answer's body, its session and message (kept while
 * it is read), or NULL with the reason said for a person, naming @uri. */
static GInputStream *
open_download (const char    *uri,
               GCancellable  *cancellable,
               SoupSession  **session,
               SoupMessage  **msg,
               GError       **error)
{
  g_autoptr(GError) local = NULL;
  GInputStream *stream;

  *msg = soup_message_new (SOUP_METHOD_GET, uri);
  if (*msg == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID, _("“%s” is not a web address"), uri);
      return NULL;
    }
  *session = _byline_http_session_new ();
  stream = soup_session_send (*session, *msg, cancellable, &local);
  if (stream == NULL)
    {
      set_open_error (error, _byline_http_error_from_transport (local, *msg), *msg, uri);
      return NULL;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (*msg)))
    {
      g_object_unref (stream);
      set_open_error (error, _byline_http_error_from_response (*msg, NULL), *msg, uri);
      return NULL;
    }
  return stream;
}

/* Whether reading an answer failed with @error because the line dropped,
 * which one more try may get past: not a time-out (a minute more of
 * waiting), not a stop. */
static gboolean
is_cut_off (const GError *error)
{
  return !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT)
         && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Reads the rest of @stream, @msg's answer, onto @page: at most
 * @max_bytes in all, else a page too large, naming @uri.  *@cut_off says
 * whether it failed as the line dropped. */
static gboolean
append_body (GInputStream  *stream,
             SoupMessage   *msg,
             GByteArray    *page,
             gsize          max_bytes,
             const char    *uri,
             GCancellable  *cancellable,
             gboolean      *cut_off,
             GError       **error)
{
  g_autoptr(GError) local = NULL;

  for (;;)
    {
      guchar buffer[65536];
      gsize n = 0;

      if (!g_input_stream_read_all (stream, buffer, sizeof buffer, &n, cancellable, &local))
        {
          *cut_off = is_cut_off (local);
          set_download_error (error, _byline_http_error_from_transport (local, msg), DOWNLOAD_PAGE, uri);
          return FALSE;
        }
      if (page->len + n > max_bytes)
        {
          g_autofree char *size = g_format_size (max_bytes);

          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE, _("The page %s is larger than %s"), uri, size);
          return FALSE;
        }
      g_byte_array_append (page, buffer, n);
      if (n < sizeof buffer)
        break;
    }
  /* Half a page would be read as the whole story. */
  if (!_byline_http_check_whole (msg, page->len, &local))
    {
      *cut_off = TRUE;
      set_download_error (error, g_steal_pointer (&local), DOWNLOAD_PAGE, uri);
      return FALSE;
    }
  return TRUE;
}

GBytes *
byline_web_page_download (const char    *uri,
                          gsize          max_bytes,
                          GCancellable  *cancellable,
                          char         **base,
                          GError       **error)
{
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) page = g_byte_array_new ();
  const char *declared;
  gboolean cut_off = FALSE;

  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((stream = open_download (uri, cancellable, &session, &msg, error)) == NULL)
    return NULL;
  declared = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);
  if (declared != NULL && g_strcmp0 (declared, "text/html") != 0 && g_strcmp0 (declared, "application/xhtml+xml") != 0)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s is not a web page but %s"), uri, declared);
      return NULL;
    }
  if (!append_body (stream, msg, page, max_bytes, uri, cancellable, &cut_off, error))
    return NULL;
  if (base != NULL)
    *base = g_uri_to_string (soup_message_get_uri (msg));
  return g_byte_array_free_to_bytes (g_steal_pointer (&page));
}

GFile *
byline_web_picture_download (const char    *uri,
                             gsize          max_bytes,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return byline_web_picture_download_full (uri, max_bytes, cancellable, NULL, NULL, NULL, error);
}

/* One try of byline_web_picture_download_full(); *@cut_off says whether it
 * failed as the line dropped, once the answer had begun. */
static GFile *
download_once (const char             *uri,
               gsize                   max_bytes,
               GCancellable           *cancellable,
               GFileProgressCallback   progress,
               gpointer                progress_data,
               BylineDownloadedPage  **page_out,
               gboolean               *cut_off,
               GError                **error)
{
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sniffed = NULL;
  g_autofree char *size = NULL;
  SoupMessageHeaders *headers;
  const char *declared;
  guchar head[HEAD_BYTES];
  gsize head_length = 0, total;
  goffset length;
  gboolean page;
  GError *cut = NULL;

  if (page_out != NULL)
    *page_out = NULL;
  if ((stream = open_download (uri, cancellable, &session, &msg, error)) == NULL)
    return NULL;

  headers = soup_message_get_response_headers (msg);
  declared = soup_message_headers_get_content_type (headers, NULL);
  size = g_format_size (max_bytes);
  length = _byline_http_get_sent_length (msg);
  if (length > 0 && (guint64) length > max_bytes)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE,
                   _("The picture %s is larger than %s"), uri, size);
      return NULL;
    }
  if (!g_input_stream_read_all (stream, head, sizeof head, &head_length, cancellable, &local))
    {
      *cut_off = is_cut_off (local);
      set_download_error (error, _byline_http_error_from_transport (local, msg), DOWNLOAD_PICTURE, uri);
      return NULL;
    }
  sniffed = dup_sniffed_type (head, head_length);
  if (head_length == 0)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED, _("The picture %s is empty"), uri);
      return NULL;
    }
  /* A page where a picture was meant (a log-in page, a gallery's); a
   * picture the first bytes do not tell (HEIC) by what the server says. */
  page = g_strcmp0 (sniffed, "text/html") == 0 || g_strcmp0 (declared, "text/html") == 0
         || g_strcmp0 (declared, "application/xhtml+xml") == 0;
  /* A link to a story, dragged where a picture would go: kept whole, to
   * be opened, when the caller can. */
  if (page && !names_picture (msg) && page_out != NULL)
    {
      g_autoptr(GByteArray) html = g_byte_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *base = NULL;

      g_byte_array_append (html, head, head_length);
      if (head_length == sizeof head
          && !append_body (stream, msg, html, BYLINE_IMPORT_MAX_SIZE, uri, cancellable, cut_off, error))
        return NULL;
      base = g_uri_to_string (soup_message_get_uri (msg));
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&html));
      *page_out = byline_downloaded_page_new (uri, base, bytes);
      return NULL;
    }
  if (page && !names_picture (msg))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s is a web page, not a picture: to bring its story, select it in the browser, "
                     "then paste it or drag it here"), uri);
      return NULL;
    }
  /* A document (an official letter, a press release): not a picture, and
   * saving "its picture" is no advice. */
  if (g_strcmp0 (sniffed, "application/pdf") == 0 || g_strcmp0 (declared, "application/pdf") == 0)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s is a PDF document, which Byline does not read: open it, copy its text, then paste it here"),
                   uri);
      return NULL;
    }
  if (page || (!is_picture_type (sniffed) && !is_picture_type (declared)))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s is not a picture but %s: open it, save its picture, then add that file"),
                   uri, declared != NULL ? declared : sniffed);
      return NULL;
    }

  folder = g_dir_make_tmp ("byline-web-XXXXXX", &local);
  if (folder == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  name = dup_picture_name (msg, is_picture_type (sniffed) ? sniffed : declared);
  file = g_file_new_build_filename (folder, name, NULL);
  out = g_file_create (file, G_FILE_CREATE_PRIVATE, cancellable, &local);
  if (out == NULL)
    {
      g_rmdir (folder);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  total = head_length;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), head, head_length, NULL, cancellable, &local))
    goto failed;
  if (progress != NULL)
    progress (total, length, progress_data);
  /* Each piece as it comes, not 64 KiB at a time: on a slow line the
   * progress would stand still for seconds. */
  while (head_length == sizeof head)
    {
      guchar buffer[65536];
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, &local);

      if (n < 0)
        {
          GError *reason = _byline_http_error_from_transport (local, msg);

          *cut_off = is_cut_off (local);
          g_clear_error (&local);
          set_download_error (&local, reason, DOWNLOAD_PICTURE, uri);
          goto failed;
        }
      if (n == 0)
        break;
      total += n;
      if (total > max_bytes)
        {
          g_set_error (&local, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE,
                       _("The picture %s is larger than %s"), uri, size);
          goto failed;
        }
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), buffer, n, NULL, cancellable, &local))
        goto failed;
      if (progress != NULL)
        progress (total, length, progress_data);
    }
  /* Cut: half a photo, its bottom grey, is no picture to add. */
  if (!_byline_http_check_whole (msg, total, &cut))
    {
      *cut_off = TRUE;
      set_download_error (&local, cut, DOWNLOAD_PICTURE, uri);
      goto failed;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local))
    goto failed;
  return g_steal_pointer (&file);

failed:
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
  remove_download (file);
  g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}

/* The line dropping mid-download, as it often does in a mountain district,
 * is tried once more a second later: the picture was left out, or the
 * story not opened, for a drop the next try gets past.  What the server
 * answered (a page gone, a refusal), a time-out and a stop are not. */
GFile *
byline_web_picture_download_full (const char             *uri,
                                  gsize                   max_bytes,
                                  GCancellable           *cancellable,
                                  GFileProgressCallback   progress,
                                  gpointer                progress_data,
                                  BylineDownloadedPage  **page_out,
                                  GError                **error)
{
  g_autoptr(GError) first = NULL;
  gboolean cut_off = FALSE;
  GFile *file;

  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = download_once (uri, max_bytes, cancellable, progress, progress_data, page_out, &cut_off, &first);
  if (first == NULL || !cut_off)
    {
      if (first != NULL)
        g_propagate_error (error, g_steal_pointer (&first));
      return file;
    }
  g_debug ("Downloading %s again: %s", uri, first->message);
  if (progress != NULL)
    progress (-1, -1, progress_data);
  /* A second, or until Stop. */
  {
    GPollFD stop;

    if (g_cancellable_make_pollfd (cancellable, &stop))
      {
        g_poll (&stop, 1, RETRY_DELAY_MS);
        g_cancellable_release_fd (cancellable);
      }
    else
      g_usleep (RETRY_DELAY_MS * 1000);
  }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  cut_off = FALSE;
  return download_once (uri, max_bytes, cancellable, progress, progress_data, page_out, &cut_off, error);
}

BylineDownloadedPage *
byline_downloaded_page_new (const char *uri,
                            const char *base,
                            GBytes     *html)
{
  BylineDownloadedPage *page = g_new0 (BylineDownloadedPage, 1);

  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (html != NULL, NULL);

  page->uri = g_strdup (uri);
  page->base = g_strdup (base != NULL ? base : uri);
  page->html = g_bytes_ref (html);
  return page;
}

void
byline_downloaded_page_free (BylineDownloadedPage *page)
{
  if (page == NULL)
    return;
  g_free (page->uri);
  g_free (page->base);
  g_bytes_unref (page->html);
  g_free (page);
}

void
byline_web_picture_discard (GFile *file)
{
  g_return_if_fail (G_IS_FILE (file));

  remove_download (file);
}
