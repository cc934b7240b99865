/* byline-image-info.h — media type and pixel size of a picture, from its header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many bytes from the start of a file to give byline_image_info_sniff():
 * a JPEG's size comes after its APPn segments (EXIF with a thumbnail, an ICC
 * profile, XMP), each up to 64 KiB, so a short head is not always enough. */
#define BYLINE_IMAGE_INFO_HEAD_SIZE (1024 * 1024)

/* Recognizes JPEG, PNG, GIF and WebP from their first bytes and reads the pixel
 * size from the header: the size the picture shows at, so a JPEG whose EXIF
 * Orientation turns it a quarter (a phone held upright) has its stored width
 * and height swapped.  Never reads past @length: a truncated or hostile
 * header, or a size of zero, gives FALSE.  @media_type, @width and @height may
 * be NULL; they are set only on success. */
gboolean byline_image_info_sniff (const guint8 *data,
                                  gsize         length,
                                  const char  **media_type,
                                  guint        *width,
                                  guint        *height);

/* A picture format Byline does not take, recognised by its first bytes,
 * for a message that says what to do: HEIC (an iPhone's photos), AVIF,
 * TIFF, BMP, Photoshop's PSD; BYLINE_IMAGE_OTHER_NONE for anything else. */
typedef enum
{
  BYLINE_IMAGE_OTHER_NONE,
  BYLINE_IMAGE_OTHER_HEIC,
  BYLINE_IMAGE_OTHER_AVIF,
  BYLINE_IMAGE_OTHER_TIFF,
  BYLINE_IMAGE_OTHER_BMP,
  BYLINE_IMAGE_OTHER_PSD,
} BylineImageOther;

BylineImageOther byline_image_info_other (const guint8 *data,
                                          gsize         length);

/* The EXIF Orientation (1–8) of a JPEG's APP1 segment @data (from its
 * "Exif\0\0"), 1 when it has none.  Never reads past @length. */
guint    byline_image_info_exif_orientation (const guint8 *data,
                                             gsize         length);

G_END_DECLS
