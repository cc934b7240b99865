/* byline-thumbnailer.h — pictures decoded at the size they are shown
 *
 * A 12-megapixel photo is decoded straight to a few hundred pixels (JPEG's
 * scaled decoding) in a worker thread; the full-size pixels are never kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_THUMBNAILER (byline_thumbnailer_get_type ())

G_DECLARE_FINAL_TYPE (BylineThumbnailer, byline_thumbnailer, BYLINE, THUMBNAILER, GObject)

BylineThumbnailer *byline_thumbnailer_get_default (void);
/* The texture already decoded for @file at @size, or NULL. */
GdkTexture        *byline_thumbnailer_lookup      (BylineThumbnailer   *self,
                                                   GFile               *file,
                                                   int                  size,
                                                   gboolean             square);
/* Decodes @file to fit in @size × @size, keeping its aspect and its EXIF
 * orientation; with @square, the middle square of it, @size wide. */
void               byline_thumbnailer_load_async  (BylineThumbnailer   *self,
                                                   GFile               *file,
                                                   int                  size,
                                                   gboolean             square,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GdkTexture        *byline_thumbnailer_load_finish (BylineThumbnailer   *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/* Decodes in the calling thread (printing needs the picture now). */
guint              byline_thumbnailer_get_n_pending (BylineThumbnailer *self);
GdkPixbuf         *byline_thumbnailer_load_pixbuf (GFile               *file,
                                                   int                  size,
                                                   GError             **error);

G_END_DECLS
