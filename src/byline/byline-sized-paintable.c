/* byline-sized-paintable.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-sized-paintable.h"

struct _BylineSizedPaintable
{
  GObject       parent_instance;

  GdkPaintable *paintable;
  double        width;
  double        height;
};

static void byline_sized_paintable_iface_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineSizedPaintable, byline_sized_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, byline_sized_paintable_iface_init))

static void
byline_sized_paintable_snapshot (GdkPaintable *paintable,
                                 GdkSnapshot  *snapshot,
                                 double        width,
                                 double        height)
{
  BylineSizedPaintable *self = BYLINE_SIZED_PAINTABLE (paintable);

  gdk_paintable_snapshot (self->paintable, snapshot, width, height);
}

static int
byline_sized_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  return (int) (BYLINE_SIZED_PAINTABLE (paintable)->width + 0.5);
}

static int
byline_sized_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  return (int) (BYLINE_SIZED_PAINTABLE (paintable)->height + 0.5);
}

static double
byline_sized_paintable_get_intrinsic_aspect_ratio (GdkPaintable *paintable)
{
  BylineSizedPaintable *self = BYLINE_SIZED_PAINTABLE (paintable);

  return self->height > 0 ? self->width / self->height : 0;
}

static GdkPaintableFlags
byline_sized_paintable_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static void
byline_sized_paintable_iface_init (GdkPaintableInterface *iface)
{
  iface->snapshot = byline_sized_paintable_snapshot;
  iface->get_intrinsic_width = byline_sized_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = byline_sized_paintable_get_intrinsic_height;
  iface->get_intrinsic_aspect_ratio = byline_sized_paintable_get_intrinsic_aspect_ratio;
  iface->get_flags = byline_sized_paintable_get_flags;
}

static void
byline_sized_paintable_finalize (GObject *object)
{
  BylineSizedPaintable *self = BYLINE_SIZED_PAINTABLE (object);

  g_clear_object (&self->paintable);
  G_OBJECT_CLASS (byline_sized_paintable_parent_class)->finalize (object);
}

static void
byline_sized_paintable_class_init (BylineSizedPaintableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_sized_paintable_finalize;
}

static void
byline_sized_paintable_init (BylineSizedPaintable *self)
{
}

/* @paintable must not change (a texture): its contents and size are said
 * to be static. */
GdkPaintable *
byline_sized_paintable_new (GdkPaintable *paintable,
                            double        width,
                            double        height)
{
  BylineSizedPaintable *self;

  g_return_val_if_fail (GDK_IS_PAINTABLE (paintable), NULL);

  self = g_object_new (BYLINE_TYPE_SIZED_PAINTABLE, NULL);
  self->paintable = g_object_ref (paintable);
  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  return GDK_PAINTABLE (self);
}

/* What it draws: the picture at the screen's pixels. */
GdkPaintable *
byline_sized_paintable_get_paintable (BylineSizedPaintable *self)
{
  g_return_val_if_fail (BYLINE_IS_SIZED_PAINTABLE (self), NULL);
  return self->paintable;
}
