/* byline-upload-private.h — the pictures of a send, scaled down before they go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "byline-types.h"

G_BEGIN_DECLS

typedef struct
{
  GFile    *file;             /* what is uploaded: the draft's file, or a scaled copy */
  char     *sha256;           /* … and its SHA-256 */
  char     *media_type;
  goffset   size;
  guint     width;
  guint     height;
  char     *original_sha256;  /* the draft's picture */
  gboolean  scaled;           /* @file is a temporary copy, removed with this */
} BylineUploadImage;

/* NULL without an error for a picture without a file (known only by its
 * address elsewhere): there is nothing to upload. */
BylineUploadImage *_byline_upload_image_new      (BylineImage        *image,
                                                  GError            **error);
void               _byline_upload_image_free     (BylineUploadImage  *image);

/* In a thread: every JPEG or PNG of @images longer than @max_edge (0: none)
 * is scaled down into a temporary file, and its entry updated. */
void               _byline_upload_prepare_async  (GPtrArray          *images,
                                                  guint               max_edge,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
gboolean           _byline_upload_prepare_finish (GAsyncResult       *result,
                                                  GError            **error);

/* Points the renditions of the ninjs @item that show a scaled picture at its
 * smaller copy (href under @media_base, width, height). */
void               _byline_upload_rewrite_item   (JsonNode           *item,
                                                  GPtrArray          *images,
                                                  const char         *media_base);
/* As byline_ninjs_export_bytes() writes it. */
GBytes            *_byline_upload_item_bytes     (JsonNode           *item);

G_END_DECLS
