/* byline-image-info.h — media type and pixel size of a picture, from its header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Recognizes JPEG, PNG, GIF and WebP from their first bytes (64 KiB are enough
 * for any JPEG header we accept).  Returns FALSE for anything else. */
gboolean byline_image_info_sniff (const guint8 *data,
                                  gsize         length,
                                  const char  **media_type,
                                  guint        *width,
                                  guint        *height);

G_END_DECLS
