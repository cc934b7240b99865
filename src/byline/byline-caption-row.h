/* byline-caption-row.h — one picture of the story: thumbnail, caption, credit, alt text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_CAPTION_THUMBNAIL_SIZE 128
/* The height an unbuilt row holds for its fields. */
#define BYLINE_CAPTION_ROW_ESTIMATED_HEIGHT 240

#define BYLINE_TYPE_CAPTION_ROW (byline_caption_row_get_type ())

G_DECLARE_FINAL_TYPE (BylineCaptionRow, byline_caption_row, BYLINE, CAPTION_ROW, GtkListBoxRow)

GtkWidget   *byline_caption_row_new               (BylineDocument   *document,
                                                   BylineImage      *image);
/* Makes the fields, the thumbnail and the spell checker; the row is built
 * when it comes near the visible part of the list, or when asked for a field. */
void         byline_caption_row_build             (BylineCaptionRow *self);
gboolean     byline_caption_row_get_built         (BylineCaptionRow *self);
BylineImage *byline_caption_row_get_image         (BylineCaptionRow *self);
/* What is missing, e.g. "Missing credit, alt text", or NULL. */
const char  *byline_caption_row_get_missing       (BylineCaptionRow *self);
void         byline_caption_row_set_placed        (BylineCaptionRow *self,
                                                   gboolean          placed);
gboolean     byline_caption_row_get_placed        (BylineCaptionRow *self);
void         byline_caption_row_set_can_move      (BylineCaptionRow *self,
                                                   gboolean          up,
                                                   gboolean          down);
GtkTextView *byline_caption_row_get_caption_view  (BylineCaptionRow *self);
GtkEditable *byline_caption_row_get_credit_entry  (BylineCaptionRow *self);
GtkEditable *byline_caption_row_get_alt_entry     (BylineCaptionRow *self);

G_END_DECLS
