/* byline-web-page.h — a piece of a web page, with its pictures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-types.h"
#include "byline-web-picture.h"

G_BEGIN_DECLS

/* At most this many pictures of a pasted page are downloaded. */
#define BYLINE_WEB_PAGE_MAX_PICTURES 40

/* The address of the page a browser's selection was copied from, as it
 * names it beside the HTML (@data: Chromium's "chromium/x-source-url",
 * Firefox's "text/x-moz-url-priv", in UTF-8 or UTF-16): an http: or https:
 * address, else NULL. */
char          *byline_web_page_dup_source_uri (GBytes        *data);

/* Called in the reading thread before each picture of a page is
 * downloaded, and once they all are: @done of the page's @total pictures
 * from the web. */
typedef void (*BylineWebProgress) (guint    done,
                                   guint    total,
                                   gpointer data);

/* Whether @html (a page's piece, as a browser copies it) shows pictures
 * from the web (http: or https: <img>s; with @page_uri, the page's
 * address, relative ones too). */
gboolean       byline_web_page_has_pictures (GBytes          *html,
                                             const char      *page_uri);
/* Reads @html, a piece of a web page selected in a browser, as
 * byline_import_read_piece() reads a word processor's: all of it as the
 * body, its pictures with their captions and credits.  Each picture is
 * downloaded (byline-web-picture.h) into a temporary folder that goes with
 * the article; those that cannot be are left out, named in *@left_out.
 * Relative addresses ("/uploads/a.jpg", a lazy page's data-src, which
 * browsers copy as they are) are read against @page_uri, the page's
 * address when known (byline_web_page_dup_source_uri()).  @progress, if
 * given, is told how many have come.  When @cancellable is cancelled, those
 * not downloaded yet are left out.  Blocking: for a worker thread. */
BylineArticle *byline_web_page_read_piece   (GBytes             *html,
                                             const char         *page_uri,
                                             const char         *display,
                                             GCancellable       *cancellable,
                                             BylineWebProgress   progress,
                                             gpointer            progress_data,
                                             char             ***left_out,
                                             GError            **error);
/* The same for a whole story selected on a page and pasted into an empty
 * one, as byline_html_import_selection() reads it: headline, lead, source
 * prefix and byline taken out. */
BylineArticle *byline_web_page_read_story   (GBytes             *html,
                                             const char         *page_uri,
                                             const char         *display,
                                             GCancellable       *cancellable,
                                             BylineWebProgress   progress,
                                             gpointer            progress_data,
                                             char             ***left_out,
                                             GError            **error);
/* The story of the web page at @uri (a link dropped on Byline), as a page
 * saved from a browser opens (byline_html_import()): downloaded, and its
 * pictures too, relative addresses read against the page's.  Blocking: for
 * a worker thread. */
BylineArticle *byline_web_page_read_article (const char      *uri,
                                             GCancellable    *cancellable,
                                             char          ***left_out,
                                             GError         **error);
/* The same for a page downloaded already (byline_web_picture_download_full()
 * found the link dropped was one): only its pictures are downloaded.  When
 * @cancellable is cancelled, the pictures not downloaded yet are left out,
 * and the story is read without them. */
BylineArticle *byline_web_page_read_downloaded (const BylineDownloadedPage  *page,
                                                GCancellable                *cancellable,
                                                BylineWebProgress            progress,
                                                gpointer                     progress_data,
                                                char                      ***left_out,
                                                GError                     **error);

G_END_DECLS
