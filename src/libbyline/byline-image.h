/* byline-image.h — one picture of an article, with its caption, credit and alt text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_IMAGE (byline_image_get_type ())

G_DECLARE_FINAL_TYPE (BylineImage, byline_image, BYLINE, IMAGE, GObject)

BylineImage *byline_image_new            (const char  *sha256,
                                          const char  *media_type);
BylineImage *byline_image_copy           (BylineImage *self);
const char  *byline_image_get_id         (BylineImage *self);
const char  *byline_image_get_sha256     (BylineImage *self);
const char  *byline_image_get_media_type (BylineImage *self);
/* "media/<sha256>.<ext>": where the bytes live inside a draft folder */
char        *byline_image_dup_media_path (BylineImage *self);
const char  *byline_image_get_filename   (BylineImage *self);
void         byline_image_set_filename   (BylineImage *self,
                                          const char  *filename);
guint        byline_image_get_width      (BylineImage *self);
guint        byline_image_get_height     (BylineImage *self);
void         byline_image_set_size       (BylineImage *self,
                                          guint        width,
                                          guint        height);
const char  *byline_image_get_caption    (BylineImage *self);
void         byline_image_set_caption    (BylineImage *self,
                                          const char  *caption);
const char  *byline_image_get_credit     (BylineImage *self);
void         byline_image_set_credit     (BylineImage *self,
                                          const char  *credit);
const char  *byline_image_get_alt_text   (BylineImage *self);
void         byline_image_set_alt_text   (BylineImage *self,
                                          const char  *alt_text);
gboolean     byline_image_get_featured   (BylineImage *self);
void         byline_image_set_featured   (BylineImage *self,
                                          gboolean     featured);
/* Where the bytes are now: a file inside a draft folder once the draft is saved,
 * the original picture before that.  Not part of the draft format. */
GFile       *byline_image_get_file       (BylineImage *self);
void         byline_image_set_file       (BylineImage *self,
                                          GFile       *file);

const char  *byline_media_type_to_extension (const char *media_type);

G_END_DECLS
