/* byline-figure.c
 *
 * Lives at a child anchor of the body view.  GtkTextView gives its children
 * their natural size, and a wrapping caption would ask for one long line, so
 * the figure says its own width: the width the view has for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-figure.h"
#include "byline-sized-paintable.h"
#include "byline-thumbnailer.h"
#include "byline-widget-util.h"

#define MAX_WIDTH 640
#define MAX_HEIGHT 420
#define SPACING 6        /* between the picture and its caption */

struct _BylineFigure
{
  GtkWidget     parent_instance;

  GtkWidget    *frame;
  GtkWidget    *box;          /* caption and credit, below the frame */
  GtkWidget    *picture;
  GtkWidget    *caption;
  GtkWidget    *credit;
  GtkGesture   *click;

  char         *image_id;
  BylineImage  *image;
  GCancellable *cancellable;
  GFile        *shown_file;
  int           shown_scale;  /* the screen's scale it was decoded for */
  int           width;
  int           picture_width;
  int           picture_height;
  gboolean      turned;       /* the picture is its size turned a quarter */
  gboolean      onscreen;
};

G_DEFINE_FINAL_TYPE (BylineFigure, byline_figure, GTK_TYPE_WIDGET)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The picture shows whole, its shape kept, at most the figure's width and
 * MAX_HEIGHT tall, and never larger than its pixels: a portrait photo is
 * not cut to a strip, a logo not blown up to the text's width. */
static void
update_picture_size (BylineFigure *self)
{
  guint w = self->image ? byline_image_get_width (self->image) : 0;
  guint h = self->image ? byline_image_get_height (self->image) : 0;
  GdkPaintable *shown = gtk_picture_get_paintable (GTK_PICTURE (self->picture));
  double width, height;

  /* A picture whose size the story has wrong, turned a quarter (a ninjs
   * item's; a phone's portrait photo in an old draft is measured again by
   * the store when it loads): the picture decoded knows (and the figure
   * remembers while the picture is let go off screen). */
  if (shown != NULL && w > 0 && h > 0)
    {
      int shown_w = gdk_paintable_get_intrinsic_width (shown);
      int shown_h = gdk_paintable_get_intrinsic_height (shown);

      self->turned = shown_w != shown_h && w != h && (w > h) != (shown_w > shown_h);
    }
  if (self->turned)
    {
      guint stored = w;

      w = h;
      h = stored;
    }
  byline_picture_fit (w, h, MIN (self->width, MAX_WIDTH), MAX_HEIGHT, 1, &width, &height);
  width = MAX (1, (int) (width + 0.5));
  height = MAX (1, (int) (height + 0.5));
  if (width == self->picture_width && height == self->picture_height)
    return;
  self->picture_width = width;
  self->picture_height = height;
  gtk_widget_set_size_request (self->picture, width, height);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
update_labels (BylineFigure *self)
{
  const char *caption = self->image ? byline_image_get_caption (self->image) : NULL;
  const char *credit = self->image ? byline_image_get_credit (self->image) : NULL;
  g_autofree char *accessible = NULL;

  if (self->image == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->caption), _("This picture is no longer in the story"));
      gtk_widget_add_css_class (self->caption, "missing");
    }
  else if (byline_text_is_blank (caption))
    {
      gtk_label_set_text (GTK_LABEL (self->caption), _("No caption yet"));
      gtk_widget_add_css_class (self->caption, "missing");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->caption), caption);
      gtk_widget_remove_css_class (self->caption, "missing");
    }

  gtk_label_set_text (GTK_LABEL (self->credit), credit ? credit : "");
  gtk_widget_set_visible (self->credit, !byline_text_is_blank (credit));

  accessible = g_strdup_printf (_("Picture: %s"), gtk_label_get_text (GTK_LABEL (self->caption)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->image ? byline_image_get_alt_text (self->image) : "",
                                  -1);
}

/* The picture decoded for the screen's pixels (a scale 2 screen has twice
 * as many each way), asking for the size it shows at. */
static void
show_texture (BylineFigure *self,
              GdkTexture   *texture)
{
  g_autoptr(GdkPaintable) sized = NULL;
  int scale = MAX (1, self->shown_scale);

  sized = byline_sized_paintable_new (GDK_PAINTABLE (texture),
                                      (double) gdk_texture_get_width (texture) / scale,
                                      (double) gdk_texture_get_height (texture) / scale);
  gtk_picture_set_paintable (GTK_PICTURE (self->picture), sized);
  update_picture_size (self);
}

static void
on_texture_loaded (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BylineFigure) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = byline_thumbnailer_load_finish (BYLINE_THUMBNAILER (object), result, &error);
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not show a picture: %s", error->message);
      return;
    }
  show_texture (self, texture);
}

static void
load_picture (BylineFigure *self)
{
  BylineThumbnailer *thumbnailer = byline_thumbnailer_get_default ();
  GFile *file = self->image ? byline_image_get_file (self->image) : NULL;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  g_autoptr(GdkTexture) cached = NULL;

  if (!self->onscreen)
    {
      /* A story may hold a hundred camera photos: only the figures near the
       * screen keep a decoded picture (byline_figure_set_onscreen). */
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      g_clear_object (&self->shown_file);
      gtk_picture_set_paintable (GTK_PICTURE (self->picture), NULL);
      return;
    }

  /* After a save the file moves into the draft: same bytes, same picture. */
  if (file != NULL && self->shown_file != NULL && self->shown_scale == scale)
    {
      g_autofree char *a = g_file_get_basename (file);
      g_autofree char *b = g_file_get_basename (self->shown_file);

      if (g_strcmp0 (a, b) == 0)
        return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->shown_file, file);
  self->shown_scale = scale;

  if (file == NULL)
    {
      gtk_picture_set_paintable (GTK_PICTURE (self->picture), NULL);
      return;
    }

  cached = byline_thumbnailer_lookup (thumbnailer, file, BYLINE_FIGURE_DECODE_SIZE * scale, FALSE);
  if (cached != NULL)
    {
      show_texture (self, cached);
      return;
    }
  self->cancellable = g_cancellable_new ();
  byline_thumbnailer_load_async (thumbnailer, file, BYLINE_FIGURE_DECODE_SIZE * scale, FALSE, self->cancellable,
                                 on_texture_loaded, g_object_ref (self));
}

static void
on_scale_factor_notify (BylineFigure *self,
                        GParamSpec   *pspec,
                        gpointer      data)
{
  load_picture (self);
}

static void
on_image_notify (BylineFigure *self,
                 GParamSpec   *pspec,
                 BylineImage  *image)
{
  if (g_strcmp0 (pspec->name, "file") == 0)
    load_picture (self);
  else if (g_strcmp0 (pspec->name, "width") == 0 || g_strcmp0 (pspec->name, "height") == 0)
    update_picture_size (self);
  else
    update_labels (self);
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  BylineFigure    *self)
{
  /* Ours, not the text view's too: its double click selected the figure
   * as a word and took the keyboard back from the caption. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[ACTIVATE], 0);
  /* A double click: its caption, to type in (byline-window-checks.c). */
  if (n_press == 2)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-caption", NULL);
}

/* The frame's width: its picture's, and no wider than the figure.  (A
 * GtkPicture asks for its texture's own size, which is not the size it
 * shows at: the figure places the frame itself.) */
static int
frame_width (BylineFigure *self,
             int           width)
{
  int extra = 0;

  /* What the frame adds around its picture: its border and padding. */
  gtk_widget_measure (self->frame, GTK_ORIENTATION_HORIZONTAL, -1, &extra, NULL, NULL, NULL);
  extra = MAX (0, extra - self->picture_width);
  return MIN (width, self->picture_width + extra);
}

static int
frame_height (BylineFigure *self,
              int           width)
{
  int height = 0;

  gtk_widget_measure (self->frame, GTK_ORIENTATION_VERTICAL, frame_width (self, width), &height, NULL, NULL, NULL);
  return height;
}

static void
byline_figure_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  BylineFigure *self = BYLINE_FIGURE (widget);
  int below = 0, width = 0;

  /* Never narrower than the caption can be: its twelve characters are
   * wider than the narrowest figure with large text. */
  gtk_widget_measure (self->box, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  width = MAX (width, self->width);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = width;
      return;
    }
  gtk_widget_measure (self->box, orientation, width, &below, NULL, NULL, NULL);
  *minimum = *natural = frame_height (self, width) + SPACING + below;
}

static void
byline_figure_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  BylineFigure *self = BYLINE_FIGURE (widget);
  int top = frame_height (self, width);
  int frame = frame_width (self, width);
  /* At the text's start: the right in a right-to-left language. */
  int x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? width - frame : 0;

  gtk_widget_allocate (self->frame, frame, top, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, 0)));
  gtk_widget_allocate (self->box, width, MAX (0, height - top - SPACING), -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, top + SPACING)));
}

static void
byline_figure_dispose (GObject *object)
{
  BylineFigure *self = BYLINE_FIGURE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->image != NULL)
    g_signal_handlers_disconnect_by_func (self->image, on_image_notify, self);
  g_clear_object (&self->image);
  g_clear_pointer (&self->frame, gtk_widget_unparent);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (byline_figure_parent_class)->dispose (object);
}

static void
byline_figure_finalize (GObject *object)
{
  BylineFigure *self = BYLINE_FIGURE (object);

  g_free (self->image_id);
  g_clear_object (&self->shown_file);

  G_OBJECT_CLASS (byline_figure_parent_class)->finalize (object);
}

static void
byline_figure_class_init (BylineFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_figure_dispose;
  object_class->finalize = byline_figure_finalize;
  widget_class->measure = byline_figure_measure;
  widget_class->size_allocate = byline_figure_size_allocate;

  /**
   * BylineFigure::activate:
   *
   * The figure was clicked: the view puts its cursor there.
   */
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "figure");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
byline_figure_init (BylineFigure *self)
{
  GtkGesture *click;

  /* Narrow until the view says how much room there is. */
  self->width = 120;

  self->frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (self->frame, "figure-frame");
  gtk_widget_set_parent (self->frame, GTK_WIDGET (self));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, SPACING);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->picture = gtk_picture_new ();
  gtk_picture_set_content_fit (GTK_PICTURE (self->picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_picture_set_can_shrink (GTK_PICTURE (self->picture), TRUE);
  gtk_frame_set_child (GTK_FRAME (self->frame), self->picture);

  self->caption = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->caption), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->caption), PANGO_WRAP_WORD_CHAR);
  /* GTK measures a wrapping label's narrowest width before its height for a
   * width, and without this that is a line per letter, each break shaped
   * again by Pango.  The figure is never narrower than 120 px. */
  gtk_label_set_width_chars (GTK_LABEL (self->caption), 12);
  gtk_label_set_xalign (GTK_LABEL (self->caption), 0);
  gtk_widget_add_css_class (self->caption, "caption-text");
  gtk_box_append (GTK_BOX (self->box), self->caption);

  self->credit = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->credit), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->credit), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->credit, "credit-text");
  gtk_widget_add_css_class (self->credit, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->credit);

  /* Moved to a screen of another scale: decoded again for its pixels. */
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_notify), NULL);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  self->click = click;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  update_labels (self);
  update_picture_size (self);
}

GtkWidget *
byline_figure_new (const char *image_id)
{
  BylineFigure *self = g_object_new (BYLINE_TYPE_FIGURE, NULL);

  self->image_id = g_strdup (image_id);
  return GTK_WIDGET (self);
}

void
byline_figure_add_drag_source (BylineFigure  *self,
                               GtkDragSource *source)
{
  g_return_if_fail (BYLINE_IS_FIGURE (self));
  g_return_if_fail (GTK_IS_DRAG_SOURCE (source));

  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
  gtk_gesture_group (self->click, GTK_GESTURE (source));
}

GdkPaintable *
byline_figure_get_paintable (BylineFigure *self)
{
  g_return_val_if_fail (BYLINE_IS_FIGURE (self), NULL);

  return gtk_picture_get_paintable (GTK_PICTURE (self->picture));
}

const char *
byline_figure_get_image_id (BylineFigure *self)
{
  g_return_val_if_fail (BYLINE_IS_FIGURE (self), NULL);
  return self->image_id;
}

BylineImage *
byline_figure_get_image (BylineFigure *self)
{
  g_return_val_if_fail (BYLINE_IS_FIGURE (self), NULL);
  return self->image;
}

void
byline_figure_set_image (BylineFigure *self,
                         BylineImage  *image)
{
  g_return_if_fail (BYLINE_IS_FIGURE (self));
  g_return_if_fail (image == NULL || BYLINE_IS_IMAGE (image));

  if (self->image == image)
    return;
  if (self->image != NULL)
    g_signal_handlers_disconnect_by_func (self->image, on_image_notify, self);
  g_set_object (&self->image, image);
  self->turned = FALSE;
  if (image != NULL)
    g_signal_connect_object (image, "notify", G_CALLBACK (on_image_notify), self, G_CONNECT_SWAPPED);

  g_clear_object (&self->shown_file);
  /* Not the last picture's shape for this one. */
  gtk_picture_set_paintable (GTK_PICTURE (self->picture), NULL);
  load_picture (self);
  update_labels (self);
  update_picture_size (self);
}

void
byline_figure_set_available_width (BylineFigure *self,
                                   int           width)
{
  g_return_if_fail (BYLINE_IS_FIGURE (self));

  /* As wide as the text, so that it starts where the text starts (its
   * picture is at most MAX_WIDTH): a wider column (its side panels hidden,
   * large text) must not centre a narrow figure, its caption indented. */
  width = MAX (width, 120);
  if (width == self->width)
    return;
  self->width = width;
  update_picture_size (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
byline_figure_get_width (BylineFigure *self)
{
  g_return_val_if_fail (BYLINE_IS_FIGURE (self), 0);
  return self->width;
}

void
byline_figure_set_onscreen (BylineFigure *self,
                            gboolean      onscreen)
{
  g_return_if_fail (BYLINE_IS_FIGURE (self));

  onscreen = !!onscreen;
  if (onscreen == self->onscreen)
    return;
  self->onscreen = onscreen;
  load_picture (self);
}

gboolean
byline_figure_get_onscreen (BylineFigure *self)
{
  g_return_val_if_fail (BYLINE_IS_FIGURE (self), FALSE);
  return self->onscreen;
}

void
byline_figure_set_selected (BylineFigure *self,
                            gboolean      selected)
{
  g_return_if_fail (BYLINE_IS_FIGURE (self));

  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (self), "selected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "selected");
}
