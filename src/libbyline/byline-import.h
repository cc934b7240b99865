/* byline-import.h — an article from a file's bytes, whatever the file is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-types.h"

G_BEGIN_DECLS

/* Reads a Byline draft, a ninjs item, a web page, a word processor's
 * document (Word's .docx, LibreOffice's .odt) or plain text from @bytes, told
 * apart by their content (a leading byte order mark is skipped).  @display
 * names the file in messages; @folder, where it is (or NULL), resolves the
 * pictures of a page or ninjs item.  @format, if not NULL, is set to "draft",
 * "ninjs", "html", "docx", "odt" or "text".  A draft is returned as it is:
 * its pictures are not attached (byline_import_attach_draft_media()).  A
 * document's pictures are attached from a temporary folder that goes with
 * the article: save it before letting it go.
 *
 * Anything else fails with a message that names @display and says what it
 * is: empty, JSON of another kind (BYLINE_ERROR_UNSUPPORTED_FORMAT, or
 * BYLINE_ERROR_MALFORMED with the position where it does not parse), a
 * picture, a binary file, text that is not UTF-8 (BYLINE_ERROR_NOT_UTF8, with
 * the line and column). */
BylineArticle *byline_import_read               (GBytes         *bytes,
                                                 const char     *display,
                                                 GFile          *folder,
                                                 const char    **format,
                                                 GError        **error);

/* byline_import_read(), and the pictures of the file that could not be
 * taken into the story, in *@left_out (NULL-terminated, empty when none; NULL
 * on failure): missing, damaged, on the web, or drawings and formats Byline
 * does not take (EMF, WMF, TIFF…), each named as the person may find it in
 * the file ("image3.emf", "picture 2"); the article keeps them too
 * (byline_article_dup_missing_pictures()). */
BylineArticle *byline_import_read_full          (GBytes         *bytes,
                                                 const char     *display,
                                                 GFile          *folder,
                                                 const char    **format,
                                                 char         ***left_out,
                                                 GError        **error);
/* A piece of a document as a word processor copies it to the clipboard:
 * an OpenDocument package (LibreOffice's "Star Embed Source (XML)") or Rich
 * Text.  All of it is the returned article's body, in order, its pictures
 * with their captions and credits attached from a temporary folder that goes
 * with the article (copy them before letting it go); no headline, lead or
 * byline is taken out of it.  *@left_out as byline_import_read_full() (the
 * article does not keep them).  Anything else fails with
 * BYLINE_ERROR_UNSUPPORTED_FORMAT; a piece with nothing Byline can read with
 * BYLINE_ERROR_INVALID. */
BylineArticle *byline_import_read_piece         (GBytes         *bytes,
                                                 const char     *display,
                                                 char         ***left_out,
                                                 GError        **error);
/* What to tell the person of @left_out, the pictures of @display
 * byline_import_read_full() left out; NULL when there are none. */
char          *byline_import_describe_left_out  (const char          *display,
                                                 const char * const  *left_out);

/* The largest file byline_import_read() is given, by the file's first bytes
 * @head (at least 4, or all of it): 64 MiB, more than any story's text or
 * page; 256 MiB for a word processor's document (a ZIP archive), which
 * carries its pictures. */
#define BYLINE_IMPORT_MAX_SIZE          (64 * 1024 * 1024)
#define BYLINE_IMPORT_MAX_DOCUMENT_SIZE (256 * 1024 * 1024)
gsize          byline_import_size_limit         (const void     *head,
                                                 gsize           length);

/* Points the pictures of a draft read from @folder at the files of its media
 * folder.  With @require each must be there, a regular file with the SHA-256
 * its name says, or this fails naming it; without, missing ones are left as
 * metadata. */
gboolean       byline_import_attach_draft_media (BylineArticle  *article,
                                                 GFile          *folder,
                                                 const char     *display,
                                                 gboolean        require,
                                                 GError        **error);

G_END_DECLS
