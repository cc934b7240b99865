/* byline-sized-paintable.h — a picture decoded for the screen's pixels,
 * asking for the size it shows at
 *
 * On a screen of scale 2 a picture shown 560 px wide is decoded 1120
 * pixels wide, or it is blurred; a GtkPicture (and a drag icon) would then
 * ask for 1120 px.  This paintable draws @paintable and says @width ×
 * @height.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_SIZED_PAINTABLE (byline_sized_paintable_get_type ())

G_DECLARE_FINAL_TYPE (BylineSizedPaintable, byline_sized_paintable, BYLINE, SIZED_PAINTABLE, GObject)

GdkPaintable *byline_sized_paintable_new (GdkPaintable *paintable,
                                          double        width,
                                          double        height);
GdkPaintable *byline_sized_paintable_get_paintable (BylineSizedPaintable *self);

G_END_DECLS
