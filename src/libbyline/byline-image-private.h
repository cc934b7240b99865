/* byline-image-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-image.h"

G_BEGIN_DECLS

BylineImage *_byline_image_new_full  (const char  *id,
                                      const char  *sha256,
                                      const char  *media_type);
/* Members of the draft format this version does not know, kept for the next save. */
JsonObject  *_byline_image_get_extra (BylineImage *self);
void         _byline_image_set_extra (BylineImage *self,
                                      JsonObject  *extra);

G_END_DECLS
