/* byline-date-button.c
 *
 * A menu button that shows the date as a newspaper prints it, with a popover
 * holding a calendar, the hour and minute, and the time zone the time is in
 * (the article keeps its zone; a new time is in the computer's zone).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-date-button.h"

struct _BylineDateButton
{
  GtkWidget   parent_instance;

  GDateTime  *date_time;
  gboolean    updating;

  GtkWidget  *button;
  GtkWidget  *label;
  GtkWidget  *zone;
  GtkWidget  *calendar;
  GtkWidget  *hour;
  GtkWidget  *minute;
  GtkWidget  *zone_label;
};

G_DEFINE_FINAL_TYPE (BylineDateButton, byline_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The date as the button shows it; the popover, when it is built, follows. */
static void
update_widgets (BylineDateButton *self)
{
  g_autofree char *label = NULL;

  if (self->calendar != NULL)
    {
      g_autofree char *zone = NULL;
      g_autofree char *offset = NULL;
      g_autoptr(GDateTime) shown = self->date_time ? g_date_time_ref (self->date_time) : g_date_time_new_now_local ();
      const char *zone_name = g_time_zone_get_identifier (g_date_time_get_timezone (shown));

      self->updating = TRUE;
      gtk_calendar_select_day (GTK_CALENDAR (self->calendar), shown);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->hour), g_date_time_get_hour (shown));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->minute), g_date_time_get_minute (shown));
      self->updating = FALSE;

      offset = byline_format_utc_offset (shown);
      zone = g_strdup_printf ("%s (%s)", zone_name ? zone_name : "", offset);
      gtk_label_set_text (GTK_LABEL (self->zone_label), zone);
    }

  /* The time zone on a line of its own, so that a narrow row shortens the
   * date, never the zone. */
  if (self->date_time != NULL)
    {
      g_autofree char *when = byline_format_date (self->date_time,
                                                  BYLINE_DATE_FORMAT_DATE | BYLINE_DATE_FORMAT_TIME, NULL);
      g_autofree char *offset = byline_format_utc_offset (self->date_time);

      gtk_label_set_text (GTK_LABEL (self->label), when);
      gtk_label_set_text (GTK_LABEL (self->zone), offset);
      gtk_widget_set_visible (self->zone, TRUE);
      label = byline_format_date (self->date_time,
                                  BYLINE_DATE_FORMAT_DATE | BYLINE_DATE_FORMAT_TIME | BYLINE_DATE_FORMAT_ZONE,
                                  NULL);
    }
  else
    {
      label = g_strdup (_("Not scheduled"));
      gtk_label_set_text (GTK_LABEL (self->label), label);
      gtk_widget_set_visible (self->zone, FALSE);
    }
  gtk_widget_set_tooltip_text (self->button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label, -1);
}

static void
set_date_time (BylineDateButton *self,
               GDateTime        *date_time)
{
  if (date_time == self->date_time
      || (date_time != NULL && self->date_time != NULL && g_date_time_equal (date_time, self->date_time)
          && g_date_time_get_utc_offset (date_time) == g_date_time_get_utc_offset (self->date_time)))
    return;
  g_clear_pointer (&self->date_time, g_date_time_unref);
  if (date_time != NULL)
    self->date_time = g_date_time_ref (date_time);
  update_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_TIME]);
}

static void
on_picked (BylineDateButton *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) picked = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  if (self->updating)
    return;
  day = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  zone = self->date_time ? g_time_zone_ref (g_date_time_get_timezone (self->date_time))
                         : g_time_zone_new_local ();
  picked = g_date_time_new (zone,
                            g_date_time_get_year (day),
                            g_date_time_get_month (day),
                            g_date_time_get_day_of_month (day),
                            gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->hour)),
                            gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->minute)),
                            0);
  set_date_time (self, picked);
}

static void
on_clear (BylineDateButton *self)
{
  set_date_time (self, NULL);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
}

static void
on_now (BylineDateButton *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) minute = g_date_time_add_seconds (now, -g_date_time_get_seconds (now));

  set_date_time (self, minute);
}

static gboolean
show_two_digits (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static GtkWidget *
make_spin (int         upper,
           const char *name)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, 1);

  /* Side by side, not stacked: the popover must fit below a row of a
   * sidebar on a small screen. */
  gtk_spin_button_set_wrap (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  g_signal_connect (spin, "output", G_CALLBACK (show_two_digits), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return spin;
}

static void
byline_date_button_dispose (GObject *object)
{
  BylineDateButton *self = BYLINE_DATE_BUTTON (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  /* They went with the button's popover, if it was ever built. */
  self->calendar = self->hour = self->minute = self->zone_label = NULL;

  G_OBJECT_CLASS (byline_date_button_parent_class)->dispose (object);
}

static void
byline_date_button_finalize (GObject *object)
{
  BylineDateButton *self = BYLINE_DATE_BUTTON (object);

  g_clear_pointer (&self->date_time, g_date_time_unref);

  G_OBJECT_CLASS (byline_date_button_parent_class)->finalize (object);
}

static void
byline_date_button_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BylineDateButton *self = BYLINE_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME: g_value_set_boxed (value, self->date_time); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_date_button_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BylineDateButton *self = BYLINE_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME: byline_date_button_set_date_time (self, g_value_get_boxed (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* As the suffix of a row that activates it (the sidebar's Publish row):
 * the row's click, Enter or Space opens the calendar. */
static gboolean
byline_date_button_mnemonic_activate (GtkWidget *widget,
                                      gboolean   group_cycling)
{
  return gtk_widget_mnemonic_activate (BYLINE_DATE_BUTTON (widget)->button, group_cycling);
}

static void
byline_date_button_class_init (BylineDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_date_button_dispose;
  object_class->finalize = byline_date_button_finalize;
  object_class->get_property = byline_date_button_get_property;
  object_class->set_property = byline_date_button_set_property;
  widget_class->mnemonic_activate = byline_date_button_mnemonic_activate;

  properties[PROP_DATE_TIME] =
    g_param_spec_boxed ("date-time", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
build_popover (GtkMenuButton *button,
               gpointer       data)
{
  BylineDateButton *self = data;
  GtkWidget *popover, *scroller, *box, *time_box, *colon, *buttons, *clear, *now, *zone_box, *zone_icon;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->calendar = gtk_calendar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Publish date"), -1);
  gtk_box_append (GTK_BOX (box), self->calendar);

  time_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (time_box, GTK_ALIGN_CENTER);
  self->hour = make_spin (23, _("Hour"));
  self->minute = make_spin (59, _("Minute"));
  colon = gtk_label_new (":");
  gtk_widget_add_css_class (colon, "title-2");
  gtk_box_append (GTK_BOX (time_box), self->hour);
  gtk_box_append (GTK_BOX (time_box), colon);
  gtk_box_append (GTK_BOX (time_box), self->minute);
  gtk_box_append (GTK_BOX (box), time_box);

  zone_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (zone_box, GTK_ALIGN_CENTER);
  zone_icon = gtk_image_new_from_icon_name ("preferences-system-time-symbolic");
  gtk_widget_add_css_class (zone_icon, "dim-label");
  self->zone_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->zone_label, "dim-label");
  gtk_widget_add_css_class (self->zone_label, "caption");
  gtk_widget_set_tooltip_text (self->zone_label, _("Time zone"));
  gtk_box_append (GTK_BOX (zone_box), zone_icon);
  gtk_box_append (GTK_BOX (zone_box), self->zone_label);
  gtk_box_append (GTK_BOX (box), zone_box);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  clear = gtk_button_new_with_mnemonic (_("_Clear"));
  now = gtk_button_new_with_mnemonic (_("_Now"));
  gtk_box_append (GTK_BOX (buttons), clear);
  gtk_box_append (GTK_BOX (buttons), now);
  gtk_box_append (GTK_BOX (box), buttons);

  /* GTK shrinks a popover to the room it has beside its button, and does not
   * show one that cannot be as small as that (the calendar never showed
   * below the sidebar's row on a screen 800 pixels high): the content
   * scrolls when the room is short. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);

  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_picked), self);
  g_signal_connect_swapped (self->hour, "value-changed", G_CALLBACK (on_picked), self);
  g_signal_connect_swapped (self->minute, "value-changed", G_CALLBACK (on_picked), self);
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (on_clear), self);
  g_signal_connect_swapped (now, "clicked", G_CALLBACK (on_now), self);

  update_widgets (self);
}

static void
byline_date_button_init (BylineDateButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* Centred on the arrow, whether it holds one line or three. */
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  /* A value, as the rows' other values are: not a bold button label; on two
   * lines where one is too narrow. */
  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (self->label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_justify (GTK_LABEL (self->label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (self->label), 1.0);
  gtk_widget_add_css_class (self->label, "date-value");
  self->zone = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->zone), 1.0);
  gtk_widget_add_css_class (self->zone, "date-value");
  gtk_widget_add_css_class (self->zone, "caption");
  gtk_widget_add_css_class (self->zone, "dim-label");
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_box_append (GTK_BOX (box), self->zone);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), box);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (self->button), TRUE);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Publish date and time"), -1);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));

  /* The calendar alone costs more than the rest of the sidebar's rows:
   * built when the popover first opens, not at start-up. */
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->button), build_popover, self, NULL);

  update_widgets (self);
}

GtkWidget *
byline_date_button_new (void)
{
  return g_object_new (BYLINE_TYPE_DATE_BUTTON, NULL);
}

GDateTime *
byline_date_button_get_date_time (BylineDateButton *self)
{
  g_return_val_if_fail (BYLINE_IS_DATE_BUTTON (self), NULL);
  return self->date_time;
}

void
byline_date_button_set_date_time (BylineDateButton *self,
                                  GDateTime        *date_time)
{
  g_return_if_fail (BYLINE_IS_DATE_BUTTON (self));
  set_date_time (self, date_time);
}
