/* byline-image-resize.h — pictures made smaller before they are uploaded
 *
 * JPEG and PNG pictures whose long edge is over a limit (the preference,
 * 2048 px by default) are scaled down with an area average and re-encoded
 * (JPEG quality 85, PNG lossless); the draft keeps the original.  Memory stays
 * a few rows wide: JPEG is decoded already scaled by libjpeg (1/2, 1/4, 1/8)
 * and both formats are read and written row by row.
 *
 * A JPEG keeps its orientation (EXIF Orientation) and its colour profile; the
 * rest of its EXIF data (place, camera, thumbnail) is left out on purpose.
 * GIF, WebP, interlaced PNG and CMYK JPEG are sent as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BYLINE_IMAGE_DEFAULT_MAX_EDGE 2048

/* The re-encoded picture, the size it shows at (turned by its EXIF
 * Orientation, as byline_image_info_sniff() gives it) written in *@width and
 * *@height; NULL
 * without an error when the picture is small enough or of a kind left as it
 * is.  BYLINE_ERROR_MALFORMED when it cannot be decoded. */
GBytes *byline_image_downscale (GFile       *file,
                                const char  *media_type,
                                guint        max_edge,
                                guint       *width,
                                guint       *height,
                                GError     **error);

G_END_DECLS
