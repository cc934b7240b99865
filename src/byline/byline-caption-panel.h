/* byline-caption-panel.h — every picture of the story, with its caption fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_CAPTION_PANEL (byline_caption_panel_get_type ())

G_DECLARE_FINAL_TYPE (BylineCaptionPanel, byline_caption_panel, BYLINE, CAPTION_PANEL, GtkWidget)

BylineDocument   *byline_caption_panel_get_document (BylineCaptionPanel *self);
void              byline_caption_panel_set_document (BylineCaptionPanel *self,
                                                     BylineDocument     *document);
/* The row of the picture at @position in the article's list, or NULL. */
BylineCaptionRow *byline_caption_panel_get_row      (BylineCaptionPanel *self,
                                                     guint               position);
/* Moves the picture at @from to @to, keeping its row focused. */
void              byline_caption_panel_move         (BylineCaptionPanel *self,
                                                     guint               from,
                                                     guint               to);
/* Removes the picture, with an "Undo" toast. */
void              byline_caption_panel_remove       (BylineCaptionPanel *self,
                                                     BylineImage        *image);

G_END_DECLS
