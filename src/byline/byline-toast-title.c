/* byline-toast-title.c — a toast's title that wraps, and fits the window
 *
 * A toast's own title is one line, cut short: a message to read (an error,
 * what a document left out and what to do) needs its words.  A wrapping
 * label alone is not enough.  AdwToastOverlay gives a toast its natural
 * width, at most the overlay's, and the height it asks for at that natural
 * width.  A label's natural width is its text on one line (at most 60
 * characters here); in a window narrower than that, the toast had the
 * height of two lines for the words of five.  GtkLabel then widened its
 * text to fit that height, past the window's edge, over the toast's buttons.
 *
 * This title asks, as its natural width, for no more than what the overlay
 * leaves it beside the rest of the toast (its buttons, their spacing, the
 * toast's margins and padding: measured, not guessed), so the height the
 * toast asks for is that of its lines at the width it gets.  When the
 * overlay's width changes, it asks again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <adwaita.h>

#include "byline-toast-title.h"

/* Characters on a line, as GNOME's toasts are wide. */
#define MAX_WIDTH_CHARS 60

struct _BylineToastTitle
{
  GtkWidget      parent_instance;

  GtkWidget     *label;
  /* The width of the toast without this title, known once it is measured. */
  int            reserve;
  gboolean       measuring_toast;
  gboolean       reentered;
  /* The overlay's width the natural width was last fitted to. */
  int            fitted_to;
  GdkFrameClock *clock;
};

G_DEFINE_FINAL_TYPE (BylineToastTitle, byline_toast_title, GTK_TYPE_WIDGET)

static GtkWidget *
find_toast (GtkWidget *widget)
{
  /* AdwToastWidget is libadwaita's own: known by its CSS name. */
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (g_str_equal (gtk_widget_get_css_name (w), "toast"))
      return w;
  return NULL;
}

/* The rest of the toast, measured once: the toast's natural width with this
 * title at its own natural width, less that width.  Measured while the
 * toast itself is measured, before anything of it is cached (the outer
 * measures then store the fitted widths over these); when the toast's
 * width is cached already, on the next measure. */
static void
measure_reserve (BylineToastTitle *self,
                 int               natural)
{
  GtkWidget *toast = find_toast (GTK_WIDGET (self));
  int toast_natural = 0;

  if (toast == NULL)
    return;
  self->measuring_toast = TRUE;
  self->reentered = FALSE;
  gtk_widget_measure (toast, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &toast_natural, NULL, NULL);
  self->measuring_toast = FALSE;
  if (self->reentered)
    self->reserve = MAX (toast_natural - natural, 0);
}

static GtkSizeRequestMode
byline_toast_title_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
byline_toast_title_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  BylineToastTitle *self = BYLINE_TOAST_TITLE (widget);
  GtkWidget *overlay;

  gtk_widget_measure (self->label, orientation, for_size, minimum, natural, minimum_baseline,
                      natural_baseline);
  if (orientation != GTK_ORIENTATION_HORIZONTAL)
    return;
  if (self->measuring_toast)
    {
      self->reentered = TRUE;
      return;
    }
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL || gtk_widget_get_width (overlay) <= 0)
    return;
  if (self->reserve < 0)
    measure_reserve (self, *natural);
  if (self->reserve < 0)
    return;
  self->fitted_to = gtk_widget_get_width (overlay);
  *natural = CLAMP (self->fitted_to - self->reserve, *minimum, *natural);
}

static void
byline_toast_title_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  BylineToastTitle *self = BYLINE_TOAST_TITLE (widget);

  gtk_widget_allocate (self->label, width, height, baseline, NULL);
}

/* After each layout of the window.  The overlay allocates its toast again
 * when it is resized, but at the size the toast asked for before: when the
 * overlay's width has changed, the toast is asked again. */
static void
on_layout (GdkFrameClock    *clock,
           BylineToastTitle *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *toast = find_toast (GTK_WIDGET (self));
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (self->label));

  if (overlay != NULL && gtk_widget_get_width (overlay) > 0
      && gtk_widget_get_width (overlay) != self->fitted_to)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  /* A toast is a pill: on more than one line, its round ends cut into the
   * first and last words (the style sheet rounds it less). */
  if (toast != NULL)
    {
      gboolean lines = pango_layout_get_line_count (layout) > 1;

      if (lines != gtk_widget_has_css_class (toast, "lines"))
        (lines ? gtk_widget_add_css_class : gtk_widget_remove_css_class) (toast, "lines");
    }
}

static void
byline_toast_title_map (GtkWidget *widget)
{
  BylineToastTitle *self = BYLINE_TOAST_TITLE (widget);

  GTK_WIDGET_CLASS (byline_toast_title_parent_class)->map (widget);
  self->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  g_signal_connect_object (self->clock, "layout", G_CALLBACK (on_layout), self, G_CONNECT_AFTER);
}

static void
byline_toast_title_unmap (GtkWidget *widget)
{
  BylineToastTitle *self = BYLINE_TOAST_TITLE (widget);

  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_func (self->clock, on_layout, self);
  g_clear_object (&self->clock);
  GTK_WIDGET_CLASS (byline_toast_title_parent_class)->unmap (widget);
}

static void
byline_toast_title_dispose (GObject *object)
{
  BylineToastTitle *self = BYLINE_TOAST_TITLE (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);
  G_OBJECT_CLASS (byline_toast_title_parent_class)->dispose (object);
}

static void
byline_toast_title_class_init (BylineToastTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_toast_title_dispose;
  widget_class->get_request_mode = byline_toast_title_get_request_mode;
  widget_class->measure = byline_toast_title_measure;
  widget_class->size_allocate = byline_toast_title_size_allocate;
  widget_class->map = byline_toast_title_map;
  widget_class->unmap = byline_toast_title_unmap;
}

static void
byline_toast_title_init (BylineToastTitle *self)
{
  GtkLabel *label;

  self->reserve = -1;
  self->label = gtk_label_new (NULL);
  label = GTK_LABEL (self->label);
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (label, MAX_WIDTH_CHARS);
  gtk_label_set_xalign (label, 0);
  gtk_widget_add_css_class (self->label, "heading");
  gtk_widget_set_margin_top (self->label, 9);
  gtk_widget_set_margin_bottom (self->label, 9);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

GtkWidget *
byline_toast_title_new (const char *text)
{
  GtkWidget *self = g_object_new (BYLINE_TYPE_TOAST_TITLE, NULL);

  byline_toast_title_set_text (BYLINE_TOAST_TITLE (self), text);
  return self;
}

const char *
byline_toast_title_get_text (BylineToastTitle *self)
{
  g_return_val_if_fail (BYLINE_IS_TOAST_TITLE (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->label));
}

void
byline_toast_title_set_text (BylineToastTitle *self,
                             const char       *text)
{
  g_return_if_fail (BYLINE_IS_TOAST_TITLE (self));

  gtk_label_set_text (GTK_LABEL (self->label), text);
}
