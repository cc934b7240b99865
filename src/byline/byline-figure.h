/* byline-figure.h — a picture in the text, with its caption and credit under it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_FIGURE_DECODE_SIZE 640

#define BYLINE_TYPE_FIGURE (byline_figure_get_type ())

G_DECLARE_FINAL_TYPE (BylineFigure, byline_figure, BYLINE, FIGURE, GtkWidget)

GtkWidget   *byline_figure_new                 (const char   *image_id);
/* Adds @source to the figure, with its click: the figure's click claims the
 * press from the text view, and a drag begins from that press. */
void         byline_figure_add_drag_source     (BylineFigure  *self,
                                                GtkDragSource *source);
/* The picture as it shows (its thumbnail), or NULL while it loads. */
GdkPaintable *byline_figure_get_paintable      (BylineFigure  *self);
const char  *byline_figure_get_image_id        (BylineFigure *self);
/* The picture the figure shows, or NULL when the article has no such picture. */
void         byline_figure_set_image           (BylineFigure *self,
                                                BylineImage  *image);
BylineImage *byline_figure_get_image           (BylineFigure *self);
void         byline_figure_set_available_width (BylineFigure *self,
                                                int           width);
int          byline_figure_get_width           (BylineFigure *self);
/* Whether the figure is on screen or near it: only then is its picture
 * decoded and kept.  New figures are not. */
void         byline_figure_set_onscreen        (BylineFigure *self,
                                                gboolean      onscreen);
gboolean     byline_figure_get_onscreen        (BylineFigure *self);
void         byline_figure_set_selected        (BylineFigure *self,
                                                gboolean      selected);

G_END_DECLS
