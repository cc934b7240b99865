/* byline-import-file.h — a file opened in the window becomes a draft
 *
 * GTK-free: the window asks for the file with GtkFileDialog, this reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"
#include "byline-web-page.h"

G_BEGIN_DECLS

/* Opens a Byline draft (draft.json), a ninjs item, an HTML page, a Word or
 * LibreOffice document or plain text as a draft in @store and returns its
 * id.  A draft already in the store is opened as it is; anything else
 * becomes a new draft, saved at once. */
char       *byline_import_file               (BylineDraftStore    *store,
                                              GFile               *file,
                                              GError             **error);
/* The same, the file read in a thread (the store's part on this one);
 * @notice, if not NULL, is what the person should know of the reading
 * (pictures of the file left out: byline_import_describe_left_out()), or
 * NULL. */
void        byline_import_file_async         (BylineDraftStore    *store,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* The same for a web page downloaded already (a link dropped on the text,
 * byline_web_picture_download_full()): only its pictures are downloaded,
 * @progress told how many have come, in the thread.
 * Cancelled before the story is read, it ends with G_IO_ERROR_CANCELLED
 * and nothing is in the store. */
void        byline_import_web_page_async     (BylineDraftStore           *store,
                                              const BylineDownloadedPage *page,
                                              BylineWebProgress           progress,
                                              gpointer                    progress_data,
                                              GCancellable               *cancellable,
                                              GAsyncReadyCallback         callback,
                                              gpointer                    user_data);
char       *byline_import_file_finish        (BylineDraftStore    *store,
                                              GAsyncResult        *result,
                                              char               **notice,
                                              GError             **error);

G_END_DECLS
