/* ui-web-site.h — a news site on loopback, for the tests of what comes
 * from the web: pages and pictures, one that is gone, and a slow line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "ui-test-utils.h"

G_BEGIN_DECLS

/* Its pages:
 *   /tin/sat-lo-quoc-lo-4h  a story, "Sạt lở trên Quốc lộ 4H", with one
 *                           picture (/anh/sạt.png, caption and credit);
 *   /tin/anh-cham           the same story, its picture on the slow line.
 * Its pictures: any whose name has "sạt" in it is a picture made for the
 * test; under /cham/ ("slow") one that never comes: the server holds the
 * request, as a mountain district's line stalls; under /lau/ ("long") a
 * large one (BYLINE_UI_WEB_SITE_LONG_SIZE bytes, its size said) that comes
 * in pieces over a second and a half.  Anything else is not
 * there (404).  Every request's path is kept, decoded. */
#define BYLINE_UI_WEB_SITE_LONG_SIZE 600000

typedef struct
{
  SoupServer *server;
  GBytes     *picture;
  int         port;
  GPtrArray  *requests;  /* char *: the paths asked for */
  GPtrArray  *held;      /* SoupServerMessage: the slow line's, unanswered */
  gboolean    dropped;   /* the line that drops once has */
} BylineUiWebSite;

void  byline_ui_web_site_open     (BylineUiWindowFixture *f,
                                   BylineUiWebSite       *site);
void  byline_ui_web_site_close    (BylineUiWebSite       *site);
/* The address of @path on the site (printf-style). */
char *byline_ui_web_site_address  (BylineUiWebSite       *site,
                                   const char            *path_format,
                                   ...) G_GNUC_PRINTF (2, 3);
/* How many of the requests the slow line holds the client has hung up on
 * (it has closed their connection). */
guint byline_ui_web_site_count_hung_up (BylineUiWebSite *site);
/* How many times @path (decoded) was asked for. */
guint byline_ui_web_site_count    (BylineUiWebSite       *site,
                                   const char            *path);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BylineUiWebSite, byline_ui_web_site_close)

G_END_DECLS
