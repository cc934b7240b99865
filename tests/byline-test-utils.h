/* byline-test-utils.h — what every test program shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "byline.h"

G_BEGIN_DECLS

/* g_test_init() plus a private temporary HOME and XDG folders, removed at exit;
 * sets the C.UTF-8 locale so that tests read the same everywhere. */
void           byline_test_init          (int          *argc,
                                          char       ***argv);
/* A new empty folder inside the test's temporary folder. */
GFile         *byline_test_make_folder   (const char   *name);
/* tests/data/<path> */
char          *byline_test_data_path     (const char   *path);
GBytes        *byline_test_data_bytes    (const char   *path);
/* An article with every field set, in Vietnamese, with two captioned images whose
 * files are written into @media_folder (small valid PNGs); NULL: no files. */
BylineArticle *byline_test_make_article  (GFile        *media_folder);
/* Writes a valid PNG of @width x @height (one colour) to @file. */
void           byline_test_write_png     (GFile        *file,
                                          guint         width,
                                          guint         height,
                                          guint32       rgb);
/* A ZIP archive of the members named, each followed by its text (stored,
 * not deflated), up to a NULL name: a Word document from XML strings. */
GBytes        *byline_test_make_zip      (const char   *name,
                                          ...) G_GNUC_NULL_TERMINATED;
/* Where @needle (@length bytes) first is in @bytes, or with @last its
 * last place; -1 if nowhere: for a test that damages one field of a file. */
gssize         byline_test_find_bytes    (GBytes       *bytes,
                                          const char   *needle,
                                          gsize         length,
                                          gboolean      last);
/* Fails the test with both JSON dumps when the articles differ in any field. */
void           byline_test_assert_articles_equal (BylineArticle *a,
                                                  BylineArticle *b);

/* Bytes of a file written by hand: 16 bits big- or little-endian, bytes. */
void           byline_test_put16be          (GByteArray  *out,
                                             guint        value);
void           byline_test_put16le          (GByteArray  *out,
                                             guint        value);
void           byline_test_put_bytes        (GByteArray  *out,
                                             const char  *bytes,
                                             gsize        length);
/* A JPEG's header (no picture data: enough to be measured) of @width ×
 * @height pixels whose EXIF segment says @orientation, in the byte order
 * cameras of either kind write ("II" or "MM"), after another tag. */
GByteArray    *byline_test_jpeg_oriented    (guint        width,
                                             guint        height,
                                             guint        orientation,
                                             gboolean     big_endian);

/* A web server on loopback (IPv4, a free port) that answers every path with
 * @callback; its port in *@port.  soup_server_disconnect() it when done. */
SoupServer    *byline_test_serve_local      (SoupServerCallback  callback,
                                             gpointer            data,
                                             int                *port);

/* g_test_expect_message() does not see structured logging, which Byline
 * uses.  byline_test_catch_warnings(), first thing in main(), lets a test
 * say which warning it expects: one whose message matches @pattern
 * (g_pattern_match_simple()) is counted, not printed, until the next
 * byline_test_expect_warning() (NULL: none); the count is returned then. */
void           byline_test_catch_warnings   (void);
guint          byline_test_expect_warning   (const char *pattern);

G_END_DECLS
