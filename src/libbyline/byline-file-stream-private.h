/* byline-file-stream-private.h — a local file as a pollable input stream
 *
 * libsoup sends a request body with g_output_stream_splice_async(); from a
 * GFileInputStream every 8 KiB read becomes a job in GIO's thread pool, which
 * halves the throughput of a large upload.  A local file is always readable,
 * so this stream says so (GPollableInputStream) and reads inline: the splice
 * then runs on the main context, chunk after chunk, without threads, and
 * memory still does not grow with the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The stream and the file's size. */
GInputStream *_byline_file_stream_new (GFile         *file,
                                       goffset       *size,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
