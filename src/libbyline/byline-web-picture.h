/* byline-web-picture.h — a picture of a web page, downloaded to be added
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a picture downloaded from a page may weigh: a camera's largest JPEG
 * is some 30 MB. */
#define BYLINE_WEB_PICTURE_MAX_BYTES (64 * 1024 * 1024)

/* Whether @file is a web address (http: or https:), which GIO cannot read
 * without GVfs (none in the Flatpak). */
gboolean byline_web_picture_is_web   (GFile         *file);
/* The site @file (a web address) is on, to name it for a person
 * ("baolaocai.vn"), else its address. */
char    *byline_web_dup_site         (GFile         *file);
/* Downloads the picture at @uri into a temporary folder of its own, the
 * file named as the address names it ("lu-quet.jpg", else "Web Picture.jpg"),
 * at most @max_bytes.  Blocking: for a worker thread.  A page, or anything
 * else that is not a picture, is refused.  Errors name the address:
 * BYLINE_ERROR_NETWORK (no connection, no answer), BYLINE_ERROR_NOT_FOUND,
 * BYLINE_ERROR_TOO_LARGE, BYLINE_ERROR_UNSUPPORTED_FORMAT, others as the
 * server answered.  Give the file to byline_web_picture_discard() when
 * done with it. */
GFile   *byline_web_picture_download (const char    *uri,
                                      gsize          max_bytes,
                                      GCancellable  *cancellable,
                                      GError       **error);
/* A web page downloaded where a picture was meant: a link to a story
 * dropped on the text.  Kept, so that it opens without being downloaded a
 * second time (on a mountain district's line, seconds). */
typedef struct
{
  char   *uri;   /* the address asked for */
  char   *base;  /* the address it came from, after its redirects */
  GBytes *html;
} BylineDownloadedPage;

BylineDownloadedPage *byline_downloaded_page_new  (const char *uri,
                                                   const char *base,
                                                   GBytes     *html);
void                  byline_downloaded_page_free (BylineDownloadedPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineDownloadedPage, byline_downloaded_page_free)

/* The same, but an address that is a web page, when @page is given, is
 * downloaded whole (at most BYLINE_IMPORT_MAX_SIZE) into *@page, and NULL
 * is returned with no error.  Without @page it is refused.  @progress, if
 * given, is called in the downloading thread as a picture's bytes come:
 * those received, and all of them (-1 when the server does not say).  A
 * line that drops mid-download is tried once more, a second later: then
 * @progress is called with -1 received, and counts again from 0. */
GFile   *byline_web_picture_download_full (const char             *uri,
                                           gsize                   max_bytes,
                                           GCancellable           *cancellable,
                                           GFileProgressCallback   progress,
                                           gpointer                progress_data,
                                           BylineDownloadedPage  **page,
                                           GError                **error);
/* Downloads the web page at @uri, at most @max_bytes, and returns its
 * HTML, with in *@base (optional) the address it came from after its
 * redirects, against which its links are read.  What the server says is no
 * page (a picture, a PDF) is refused.  Blocking: for a worker thread. */
GBytes  *byline_web_page_download    (const char    *uri,
                                      gsize          max_bytes,
                                      GCancellable  *cancellable,
                                      char         **base,
                                      GError       **error);
/* Deletes a downloaded picture and its temporary folder. */
void     byline_web_picture_discard  (GFile         *file);

G_END_DECLS
