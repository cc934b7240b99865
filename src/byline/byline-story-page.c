/* byline-story-page.c
 *
 * The page's vertical adjustment (the scrolled window's) runs over the
 * header's height and then the body's content.  At a value v the header is
 * placed v pixels above the top (once v passes its height, out of sight),
 * the body takes the rest of the page below it and scrolls its own
 * adjustment to v minus the header's height.  When the body scrolls itself
 * (GtkTextView keeping the cursor in sight, or scrolling to a mark), the
 * page moves by as much.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-story-page.h"

struct _BylineStoryPage
{
  GtkWidget      parent_instance;

  GtkWidget     *header;
  GtkWidget     *body;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  GtkAdjustment *body_vadjustment;    /* given to the body */
  int            header_height;
  gboolean       allocating;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
};

static void byline_story_page_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineStoryPage, byline_story_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, byline_story_page_buildable_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

static GtkBuildableIface *parent_buildable_iface;

/* ------------------------------------------------------------- scrolling */

/* The body's content height: its adjustment's upper while it has more than
 * a page, else the height of its text (the upper is then the page). */
static double
body_content_height (BylineStoryPage *self)
{
  GtkTextView *view;
  GtkTextIter end;
  int y, height;
  double upper = gtk_adjustment_get_upper (self->body_vadjustment);

  if (upper > gtk_adjustment_get_page_size (self->body_vadjustment) || !GTK_IS_TEXT_VIEW (self->body))
    return upper;
  view = GTK_TEXT_VIEW (self->body);
  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &end);
  gtk_text_view_get_line_yrange (view, &end, &y, &height);
  return y + height + gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);
}

static void
update_vadjustment (BylineStoryPage *self,
                    double           value,
                    double           page)
{
  double upper = self->header_height + body_content_height (self);

  if (self->vadjustment == NULL)
    return;
  gtk_adjustment_configure (self->vadjustment, value, 0, MAX (upper, page),
                            page * 0.1, page * 0.9, page);
}

static void
on_value_changed (BylineStoryPage *self)
{
  if (!self->allocating)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_body_value_changed (BylineStoryPage *self)
{
  double value, expected, moved;

  if (self->allocating || self->vadjustment == NULL)
    return;
  /* The body scrolled itself: move the page by as much. */
  value = gtk_adjustment_get_value (self->vadjustment);
  expected = MAX (0, value - self->header_height);
  moved = gtk_adjustment_get_value (self->body_vadjustment) - expected;
  if (moved != 0)
    gtk_adjustment_set_value (self->vadjustment, value + moved);
}

static void
on_body_changed (BylineStoryPage *self)
{
  /* GtkTextView lays out the rest of a long story bit by bit. */
  if (!self->allocating && self->vadjustment != NULL)
    update_vadjustment (self, gtk_adjustment_get_value (self->vadjustment),
                        gtk_widget_get_height (GTK_WIDGET (self)));
}

static void
set_adjustment (BylineStoryPage  *self,
                GtkAdjustment   **slot,
                GtkAdjustment    *adjustment,
                gboolean          vertical)
{
  if (adjustment != NULL && adjustment == *slot)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_clear_object (slot);
  *slot = g_object_ref_sink (adjustment);
  if (vertical)
    g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_value_changed), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
byline_story_page_scroll_to_top (BylineStoryPage *self)
{
  g_return_if_fail (BYLINE_IS_STORY_PAGE (self));

  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
}

/* ---------------------------------------------------------------- layout */

static void
byline_story_page_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  BylineStoryPage *self = BYLINE_STORY_PAGE (widget);
  GtkWidget *children[] = { self->header, self->body };

  *minimum = *natural = 0;
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      int child_min = 0, child_nat = 0;

      if (children[i] == NULL || !gtk_widget_get_visible (children[i]))
        continue;
      gtk_widget_measure (children[i], orientation, for_size, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      else
        /* Scrolled: only the natural height means anything. */
        *natural += child_nat;
    }
}

/* Places the header and the body for the page scrolled to @value; returns
 * how far the body scrolled itself meanwhile (GtkTextView finishing a
 * scroll to a mark once it has laid out the lines around it). */
static double
place_children (BylineStoryPage *self,
                int              width,
                int              height,
                double           value)
{
  int hidden = (int) MIN (value, self->header_height);
  int body_y = self->header_height - hidden;
  double wanted = MAX (0, value - self->header_height);

  if (self->header != NULL)
    gtk_widget_size_allocate (self->header,
                              &(GtkAllocation) { 0, -hidden, width, self->header_height }, -1);
  if (self->body == NULL)
    return 0;
  gtk_adjustment_set_value (self->body_vadjustment, wanted);
  gtk_widget_size_allocate (self->body,
                            &(GtkAllocation) { 0, body_y, width, MAX (height - body_y, 1) }, -1);
  return gtk_adjustment_get_value (self->body_vadjustment) - wanted;
}

static void
byline_story_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  BylineStoryPage *self = BYLINE_STORY_PAGE (widget);
  double value = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
  int header_height = 0;

  self->allocating = TRUE;

  if (self->header != NULL && gtk_widget_get_visible (self->header))
    gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, width, NULL, &header_height, NULL, NULL);
  self->header_height = header_height;

  /* Once more if the body moved itself: the header may have to go. */
  for (guint pass = 0; pass < 2; pass++)
    {
      double scrolled = place_children (self, width, height, value);

      if (scrolled == 0)
        break;
      value = MAX (0, value + scrolled);
    }

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, 0, 0, width, width * 0.1, width * 0.9, width);
  update_vadjustment (self, value, height);

  self->allocating = FALSE;
}

static GtkSizeRequestMode
byline_story_page_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* -------------------------------------------------------------- children */

void
byline_story_page_set_header (BylineStoryPage *self,
                              GtkWidget       *header)
{
  g_return_if_fail (BYLINE_IS_STORY_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (header));
  g_return_if_fail (self->header == NULL);

  self->header = header;
  /* First: before the body in the focus chain and in drawing. */
  gtk_widget_insert_after (header, GTK_WIDGET (self), NULL);
}

void
byline_story_page_set_body (BylineStoryPage *self,
                            GtkWidget       *body)
{
  g_return_if_fail (BYLINE_IS_STORY_PAGE (self));
  g_return_if_fail (GTK_IS_SCROLLABLE (body));
  g_return_if_fail (self->body == NULL);

  self->body = body;
  gtk_widget_insert_before (body, GTK_WIDGET (self), NULL);
  gtk_scrollable_set_vadjustment (GTK_SCROLLABLE (body), self->body_vadjustment);
  g_signal_connect_object (self->body_vadjustment, "value-changed",
                           G_CALLBACK (on_body_value_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body_vadjustment, "changed",
                           G_CALLBACK (on_body_changed), self, G_CONNECT_SWAPPED);
}

static void
byline_story_page_buildable_add_child (GtkBuildable *buildable,
                                       GtkBuilder   *builder,
                                       GObject      *child,
                                       const char   *type)
{
  BylineStoryPage *self = BYLINE_STORY_PAGE (buildable);

  if (GTK_IS_SCROLLABLE (child) && self->body == NULL)
    byline_story_page_set_body (self, GTK_WIDGET (child));
  else if (GTK_IS_WIDGET (child) && self->header == NULL)
    byline_story_page_set_header (self, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
byline_story_page_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = byline_story_page_buildable_add_child;
}

/* --------------------------------------------------------------- GObject */

static void
byline_story_page_dispose (GObject *object)
{
  BylineStoryPage *self = BYLINE_STORY_PAGE (object);

  g_clear_pointer (&self->header, gtk_widget_unparent);
  g_clear_pointer (&self->body, gtk_widget_unparent);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->body_vadjustment);

  G_OBJECT_CLASS (byline_story_page_parent_class)->dispose (object);
}

static void
byline_story_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BylineStoryPage *self = BYLINE_STORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT: g_value_set_object (value, self->hadjustment); break;
    case PROP_VADJUSTMENT: g_value_set_object (value, self->vadjustment); break;
    case PROP_HSCROLL_POLICY: g_value_set_enum (value, self->hscroll_policy); break;
    case PROP_VSCROLL_POLICY: g_value_set_enum (value, self->vscroll_policy); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_story_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BylineStoryPage *self = BYLINE_STORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value), FALSE);
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value), TRUE);
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_story_page_class_init (BylineStoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_story_page_dispose;
  object_class->get_property = byline_story_page_get_property;
  object_class->set_property = byline_story_page_set_property;
  widget_class->measure = byline_story_page_measure;
  widget_class->size_allocate = byline_story_page_size_allocate;
  widget_class->get_request_mode = byline_story_page_get_request_mode;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "storypage");
}

static void
byline_story_page_init (BylineStoryPage *self)
{
  self->body_vadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  /* The header is partly above the top while the page scrolls. */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
byline_story_page_new (void)
{
  return g_object_new (BYLINE_TYPE_STORY_PAGE, NULL);
}
