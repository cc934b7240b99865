/* byline-export.h — a story out to a file: ninjs, an HTML page or plain text
 *
 * The window's Export and `byline-cli export` both write through this.  A
 * ninjs or HTML file refers to its pictures in a folder beside it named after
 * it, "<name>-media/" for "<name>.html", where they are copied as
 * <sha256>.<ext>.  The pictures are written first and the file last, each to
 * a temporary name renamed into place, so that a failure leaves nothing new
 * behind and a reader that sees the file sees its pictures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-article.h"
#include "byline-draft-store.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_EXPORT_NINJS,
  BYLINE_EXPORT_HTML,
  BYLINE_EXPORT_TEXT,
} BylineExportFormat;

/* "ninjs", "html" or "text" (any case). */
gboolean    byline_export_format_from_string (const char          *name,
                                              BylineExportFormat  *format);
const char *byline_export_format_to_string   (BylineExportFormat   format);
/* "json", "html", "txt" */
const char *byline_export_format_extension   (BylineExportFormat   format);
/* For a file chooser's filter: "Web page (HTML)", translated. */
const char *byline_export_format_name        (BylineExportFormat   format);

/* The file's bytes.  @media_base: what picture references start with ("x/"
 * gives "x/<sha256>.jpg"); NULL: the draft's own "media/". */
GBytes     *byline_export_bytes              (BylineArticle       *article,
                                              BylineExportFormat   format,
                                              const char          *media_base);

/* "<name>-media", the pictures' folder of an export to @file. */
char       *byline_export_media_folder_name  (GFile               *file);

/* Writes @article to @file, and for ninjs and HTML its pictures into the
 * folder beside it.  With @media_base the file refers to the pictures there
 * instead and none is copied.  A picture's bytes are its file
 * (byline_image_get_file()), else in @store's folder of the draft (@store may
 * be NULL).  A picture that cannot be found is an error, not a broken page. */
gboolean    byline_export_write              (BylineArticle       *article,
                                              BylineDraftStore    *store,
                                              BylineExportFormat   format,
                                              GFile               *file,
                                              const char          *media_base,
                                              GError             **error);

/* Copies the pictures into @folder (made if needed) as <sha256>.<ext>, found
 * as byline_export_write() finds them; on failure what it added is taken
 * away again. */
gboolean    byline_export_pictures           (BylineArticle       *article,
                                              BylineDraftStore    *store,
                                              GFile               *folder,
                                              GError             **error);

/* @name in @folder if nothing has it, else "<stem>-2.<ext>", "<stem>-3.<ext>"
 * and so on, with no "<stem>-N-media" beside it either: an export into a
 * folder replaces nothing there. */
GFile      *byline_export_free_file          (GFile               *folder,
                                              const char          *name);

G_END_DECLS
