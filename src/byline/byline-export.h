/* byline-export.h — a story out to a file, and a file in as a draft
 *
 * GTK-free: the window asks for the file with GtkFileDialog, this writes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_EXPORT_HTML,
  BYLINE_EXPORT_NINJS,
  BYLINE_EXPORT_TEXT,
} BylineExportFormat;

gboolean    byline_export_format_from_string (const char          *name,
                                              BylineExportFormat  *format);
const char *byline_export_format_extension   (BylineExportFormat   format);
const char *byline_export_format_name        (BylineExportFormat   format);

/* Writes @article to @file (atomically); for HTML and ninjs the pictures go
 * into a folder beside it, "<name>-media/", which the file refers to. */
gboolean    byline_export_article            (BylineArticle       *article,
                                              BylineExportFormat   format,
                                              GFile               *file,
                                              GError             **error);

/* Opens a Byline draft (draft.json), a ninjs item, an HTML page or plain text
 * as a draft in @store and returns its id.  A draft already in the store is
 * opened as it is; anything else becomes a new draft, saved at once. */
char       *byline_import_file               (BylineDraftStore    *store,
                                              GFile               *file,
                                              GError             **error);

G_END_DECLS
