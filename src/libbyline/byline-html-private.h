/* byline-html-private.h — what the HTML and text formats share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-html.h"

G_BEGIN_DECLS

/* The largest HTML or text input the importers take: a saved news page is a few
 * hundred KiB, a whole site saved as one page a few MiB. */
#define BYLINE_HTML_MAX_INPUT (64 * 1024 * 1024)

/* TRUE for the only links Byline keeps: http://host…, https://host… and
 * mailto:…, with no white space or control characters anywhere. */
gboolean  _byline_html_href_is_safe   (const char *href);

/* "(BLC) - Mưa lớn…" → "BLC": the news agency or paper a lead is credited to,
 * or NULL when the lead does not start with one. */
char     *_byline_parse_source_prefix (const char *lead);

/* The text of @block with its bold, italic and link spans as HTML, escaped. */
void      _byline_html_append_inline  (GString           *out,
                                       const BylineBlock *block);

/* As byline_html_import_selection(), its local pictures attached from
 * @folder (a web page's, downloaded there: byline-web-page.c). */
BylineArticle *_byline_html_import_selection (GBytes      *bytes,
                                              const char  *display,
                                              GFile       *folder,
                                              GError     **error);
/* The page in @bytes as the body of a new article, all of it, with its local
 * pictures attached from @folder as byline_html_import() attaches them: a
 * piece of a document pasted (byline-office.c writes it), whose <h1> is a
 * heading like any other, not a headline. */
BylineArticle *_byline_html_import_piece (GBytes      *bytes,
                                          const char  *display,
                                          GFile       *folder,
                                          GError     **error);
/* A document's story (or, with @piece, a piece of it), as byline-office.c
 * writes it in HTML: as byline_html_import() (or _byline_html_import_piece())
 * reads it, and its pictures left out keep their places
 * (_byline_office_para_add_left_out()). */
BylineArticle *_byline_html_import_document (GBytes      *bytes,
                                             const char  *display,
                                             GFile       *folder,
                                             gboolean     piece,
                                             GError     **error);

G_END_DECLS
