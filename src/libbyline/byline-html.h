/* byline-html.h — clean HTML5 and plain text out; sanitized HTML in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-types.h"

G_BEGIN_DECLS

typedef struct
{
  const char *media_base;     /* prefix of <img src>; NULL: "media/" */
  gboolean    fragment;       /* only the <article>, no <html> document around it */
} BylineHtmlOptions;

char          *byline_html_export          (BylineArticle           *article,
                                            const BylineHtmlOptions *options);
/* The body alone, as HTML, for the clipboard and destinations. */
char          *byline_html_export_body     (BylineArticle           *article,
                                            const BylineHtmlOptions *options);
char          *byline_text_export          (BylineArticle           *article);

/* Imports a web page or pasted HTML as a new draft.  Keeps only what the body
 * model has; drops scripts, styles, handlers, javascript: URLs and unknown
 * attributes.  <img> with a relative src inside @base_folder is attached (its
 * file set on the image); one that leaves the folder fails the whole import
 * with BYLINE_ERROR_UNSAFE_PATH.  @base_folder NULL: no local pictures. */
BylineArticle *byline_html_import          (GBytes                  *bytes,
                                            const char              *source_name,
                                            GFile                   *base_folder,
                                            GError                 **error);
/* Pasted HTML into @body at block @index (blocks inserted before it); pictures are
 * ignored.  Returns how many blocks were inserted. */
guint          byline_html_paste           (BylineBody              *body,
                                            guint                    index,
                                            const char              *html,
                                            gssize                   length);
gboolean       byline_html_sniff           (GBytes                  *bytes);

/* Plain text as a new draft: first line the headline, blank lines between paragraphs. */
BylineArticle *byline_text_import          (GBytes                  *bytes,
                                            const char              *source_name,
                                            GError                 **error);

G_END_DECLS
