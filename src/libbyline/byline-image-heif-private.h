/* byline-image-heif-private.h — HEIF pictures made JPEGs (byline-image-heif.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-image-info.h"

G_BEGIN_DECLS

/* Whether a picture of @kind (an iPhone's HEIC, an AVIF) can be made a
 * JPEG here: libheif, with a decoder for its codec. */
gboolean  _byline_image_heif_can_convert (BylineImageOther  kind);
/* The HEIF picture @data as a JPEG, turned as it is shown, with its colour
 * profile and without its EXIF data (the camera, the place); its size in
 * *@width and *@height.  NULL with an error (BYLINE_ERROR_MALFORMED) when
 * it cannot be decoded. */
GBytes   *_byline_image_heif_to_jpeg     (const guint8     *data,
                                          gsize             length,
                                          const char       *name,
                                          guint            *width,
                                          guint            *height,
                                          GError          **error);

/* The name of @name made a JPEG: "IMG_0412.HEIC" → "IMG_0412.jpg", as a
 * site that checks a file's name against its bytes wants it. */
char     *_byline_image_heif_jpeg_name   (const char       *name);

G_END_DECLS
