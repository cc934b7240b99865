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
  const char *media_base;     /* prefix of <img src>, followed by "<sha256>.<ext>";
                               * NULL: "media/", as in a draft folder */
  gboolean    fragment;       /* only the <article>, no <html> document around it */
} BylineHtmlOptions;

/* An HTML5 page (or with options->fragment, only its <article>): <h1> headline,
 * <p class="dateline">, <p class="lead"> with the source prefix ("(BLC) - ")
 * unless the lead has it, the body, <p class="byline">.  Pictures are
 * <figure class="featured"?><img src alt width height><figcaption>caption
 * <span class="credit">credit</span></figcaption></figure>.  Only http, https
 * and mailto links are written; others keep their text.  @options may be NULL. */
char          *byline_html_export          (BylineArticle           *article,
                                            const BylineHtmlOptions *options);
/* The body alone, as HTML, for the clipboard and destinations. */
char          *byline_html_export_body     (BylineArticle           *article,
                                            const BylineHtmlOptions *options);
/* Headline, lead, paragraphs separated by blank lines, list items as "- " and
 * "1. ", pictures as "[Ảnh: caption — credit]", the byline last. */
char          *byline_text_export          (BylineArticle           *article);

/* Imports a web page or pasted HTML as a new draft.  Keeps only what the body
 * model has; drops scripts, styles, handlers, javascript: URLs and unknown
 * attributes.  <img> with a relative src inside @base_folder is attached (its
 * file set on the image); one that leaves the folder fails the whole import
 * with BYLINE_ERROR_UNSAFE_PATH.  @base_folder NULL: no local pictures.
 * Remote, missing and non-picture files are not attached; their captions stay
 * as paragraphs.  Errors: BYLINE_ERROR_TOO_LARGE over 64 MiB,
 * BYLINE_ERROR_UNSUPPORTED_FORMAT for binary data, BYLINE_ERROR_MALFORMED
 * for a page without any article text. */
BylineArticle *byline_html_import          (GBytes                  *bytes,
                                            const char              *source_name,
                                            GFile                   *base_folder,
                                            GError                 **error);
/* Pasted HTML into @body at block @index (blocks inserted before it); pictures are
 * ignored.  Understands the clipboards of browsers, Google Docs (bold and
 * italic in inline styles), LibreOffice and Word.  Returns how many blocks
 * were inserted.  @length -1: @html is NUL-terminated. */
guint          byline_html_paste           (BylineBody              *body,
                                            guint                    index,
                                            const char              *html,
                                            gssize                   length);
/* The same; *@n_pictures (optional) says how many pictures were left out:
 * the page's own, which the person must save and add. */
guint          byline_html_paste_full      (BylineBody              *body,
                                            guint                    index,
                                            const char              *html,
                                            gssize                   length,
                                            guint                   *n_pictures);
/* Whether @bytes look like HTML: markup first, a known tag in the first KiB. */
gboolean       byline_html_sniff           (GBytes                  *bytes);

/* A story selected on a web page and pasted whole (no <title>, no local
 * pictures): as byline_html_import(), but with no <h1> its first paragraph
 * is the headline. */
BylineArticle *byline_html_import_selection (GBytes                *bytes,
                                             GError               **error);

/* Plain text as a new draft: first line the headline, blank lines between
 * paragraphs, lines of one paragraph joined; a first paragraph credited like
 * "(BLC) - " is the lead (and "BLC" the source prefix); paragraphs of "- "
 * or "1. " lines are lists.  Errors: BYLINE_ERROR_NOT_UTF8 (with the line and
 * byte offset), BYLINE_ERROR_UNSUPPORTED_FORMAT for binary data,
 * BYLINE_ERROR_TOO_LARGE over 64 MiB, BYLINE_ERROR_MALFORMED if empty. */
BylineArticle *byline_text_import          (GBytes                  *bytes,
                                            const char              *source_name,
                                            GError                 **error);
/* Text pasted whole where a new story starts (from a mail, a chat, a text
 * editor) made what byline_text_import() reads, or NULL when it is not a
 * story but a headline: fewer than three lines, or than two paragraphs
 * where blank lines part them.  With no blank line in it, each line is a
 * paragraph: a chat sends a paragraph as a line, and a clipboard holds
 * lines as they were typed, not wrapped. */
char          *byline_text_prepare_pasted_story (const char          *text);

G_END_DECLS
