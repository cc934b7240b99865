/* byline-choice-row.c — a row that picks one of a list of strings
 *
 * What AdwComboRow shows (the title, the choice, a drop-down arrow, a popover
 * listing the choices with a check mark on the one chosen), for a list of
 * GtkStringObjects.  AdwComboRow builds its popover, a GtkListView with a
 * widget tree per choice, as soon as it is given its model; the metadata
 * sidebar's category and language rows had 128 widgets between them that no
 * one saw until they opened a list, all styled before the window's first
 * frame.  This row builds its popover when it is first opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include "byline-choice-row.h"

struct _BylineChoiceRow
{
  AdwActionRow  parent_instance;

  GListModel   *model;
  guint         selected;

  GtkWidget    *suffix;
  GtkLabel     *value_label;
  GtkPopover   *popover;   /* built when first opened */
  GtkListBox   *list;
};

G_DEFINE_FINAL_TYPE (BylineChoiceRow, byline_choice_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
item_string (GListModel *model,
             guint       position)
{
  g_autoptr(GtkStringObject) item = NULL;

  if (model == NULL || position >= g_list_model_get_n_items (model))
    return NULL;
  item = g_list_model_get_item (model, position);
  /* The model holds it: the string outlives this reference. */
  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : NULL;
}

/* The value beside the title, and the check mark in the list if it is built. */
static void
show_selected (BylineChoiceRow *self)
{
  const char *value = item_string (self->model, self->selected);

  gtk_label_set_label (self->value_label, value != NULL ? value : "");
  /* A screen reader says the choice after the row's name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  value != NULL ? value : "", -1);
  if (self->list == NULL)
    return;
  for (guint i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);
      GtkWidget *check;

      if (row == NULL)
        break;
      check = g_object_get_data (G_OBJECT (row), "check");
      gtk_widget_set_opacity (check, i == self->selected ? 1.0 : 0.0);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, i == self->selected, -1);
    }
}

static void
select_position (BylineChoiceRow *self,
                 guint            position)
{
  if (self->selected == position)
    {
      show_selected (self);
      return;
    }
  self->selected = position;
  show_selected (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* As GtkSingleSelection does: the chosen item stays chosen where it moves
 * to; if it goes, the first is chosen. */
static void
on_items_changed (BylineChoiceRow *self,
                  guint            position,
                  guint            removed,
                  guint            added)
{
  guint n = g_list_model_get_n_items (self->model);
  guint selected = self->selected;

  if (selected == GTK_INVALID_LIST_POSITION || selected < position)
    ;
  else if (selected < position + removed)
    selected = GTK_INVALID_LIST_POSITION;
  else
    selected = selected + added - removed;
  if (selected == GTK_INVALID_LIST_POSITION && n > 0)
    selected = 0;
  select_position (self, selected);
}

/* ----------------------------------------------------------------- popover */

/* "choice.choose" on a choice's row: what assistive technologies list as
 * the row's action (GTK offers a widget's own actions over AT-SPI, and a
 * GtkListBoxRow has none), the same as clicking it or pressing Enter on it. */
static void
on_choose (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       data)
{
  gtk_widget_activate (GTK_WIDGET (data));
}

static GtkWidget *
create_choice (gpointer item,
               gpointer user_data)
{
  static const GActionEntry entries[] = { { .name = "choose", .activate = on_choose } };
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (gtk_string_object_get_string (item));
  GtkWidget *check = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "object-select-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  /* show_selected() puts the check mark where it goes, once the row is in. */
  gtk_widget_set_opacity (check, 0.0);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "check", check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_string_object_get_string (item), -1);
  g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries), row);
  gtk_widget_insert_action_group (row, "choice", G_ACTION_GROUP (actions));
  return row;
}

static void
on_choice_activated (BylineChoiceRow *self,
                     GtkListBoxRow   *row)
{
  select_position (self, gtk_list_box_row_get_index (row));
  gtk_popover_popdown (self->popover);
}

static void
on_popover_closed (BylineChoiceRow *self)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
}

static void
ensure_popover (BylineChoiceRow *self)
{
  GtkWidget *scrolled;

  if (self->popover != NULL)
    return;
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), -1);
  if (self->model != NULL)
    gtk_list_box_bind_model (self->list, self->model, create_choice, NULL, NULL);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_choice_activated), self, G_CONNECT_SWAPPED);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->popover), "menu");
  gtk_popover_set_child (self->popover, scrolled);
  gtk_popover_set_position (self->popover, GTK_POS_BOTTOM);
  gtk_widget_set_parent (GTK_WIDGET (self->popover), self->suffix);
  g_signal_connect_object (self->popover, "closed", G_CALLBACK (on_popover_closed), self, G_CONNECT_SWAPPED);
  show_selected (self);
}

static void
byline_choice_row_activate (AdwActionRow *row)
{
  BylineChoiceRow *self = BYLINE_CHOICE_ROW (row);
  GtkListBoxRow *chosen;

  if (self->model == NULL || g_list_model_get_n_items (self->model) == 0)
    return;
  ensure_popover (self);
  gtk_popover_popup (self->popover);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, TRUE, -1);
  /* The keyboard starts on the choice made. */
  chosen = gtk_list_box_get_row_at_index (self->list, self->selected != GTK_INVALID_LIST_POSITION ? self->selected : 0);
  if (chosen != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (chosen));
}

/* "choice-row.open": the row's action for assistive technologies, as
 * activating it (a click, Enter or Space) opens the choices. */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_action_row_activate (ADW_ACTION_ROW (widget));
}

/* ------------------------------------------------------------------ public */

GtkWidget *
byline_choice_row_new (void)
{
  return g_object_new (BYLINE_TYPE_CHOICE_ROW, NULL);
}

GListModel *
byline_choice_row_get_model (BylineChoiceRow *self)
{
  g_return_val_if_fail (BYLINE_IS_CHOICE_ROW (self), NULL);
  return self->model;
}

/* As AdwComboRow: a new model has its first item chosen. */
void
byline_choice_row_set_model (BylineChoiceRow *self,
                             GListModel      *model)
{
  g_return_if_fail (BYLINE_IS_CHOICE_ROW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_set_object (&self->model, model);
  /* After the list's own handler: the rows are there to be marked. */
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, model, model != NULL ? create_choice : NULL, NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
  select_position (self, model != NULL && g_list_model_get_n_items (model) > 0 ? 0 : GTK_INVALID_LIST_POSITION);
}

guint
byline_choice_row_get_selected (BylineChoiceRow *self)
{
  g_return_val_if_fail (BYLINE_IS_CHOICE_ROW (self), GTK_INVALID_LIST_POSITION);
  return self->selected;
}

void
byline_choice_row_set_selected (BylineChoiceRow *self,
                                guint            position)
{
  g_return_if_fail (BYLINE_IS_CHOICE_ROW (self));

  if (self->model == NULL || position >= g_list_model_get_n_items (self->model))
    position = GTK_INVALID_LIST_POSITION;
  select_position (self, position);
}

/* The list of choices, or NULL if it was never opened. */
GtkPopover *
byline_choice_row_get_popover (BylineChoiceRow *self)
{
  g_return_val_if_fail (BYLINE_IS_CHOICE_ROW (self), NULL);
  return self->popover;
}

/* ----------------------------------------------------------------- GObject */

static void
byline_choice_row_dispose (GObject *object)
{
  BylineChoiceRow *self = BYLINE_CHOICE_ROW (object);

  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
      self->list = NULL;
    }
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (byline_choice_row_parent_class)->dispose (object);
}

static void
byline_choice_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BylineChoiceRow *self = BYLINE_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_choice_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BylineChoiceRow *self = BYLINE_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      byline_choice_row_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      byline_choice_row_set_selected (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_choice_row_class_init (BylineChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwActionRowClass *row_class = ADW_ACTION_ROW_CLASS (klass);

  object_class->dispose = byline_choice_row_dispose;
  object_class->get_property = byline_choice_row_get_property;
  object_class->set_property = byline_choice_row_set_property;
  row_class->activate = byline_choice_row_activate;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_COMBO_BOX);
  gtk_widget_class_install_action (widget_class, "choice-row.open", NULL, open_action);
}

static void
byline_choice_row_init (BylineChoiceRow *self)
{
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "pan-down-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  self->selected = GTK_INVALID_LIST_POSITION;
  self->value_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->value_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->value_label, 1);
  gtk_widget_add_css_class (arrow, "dropdown-arrow");
  gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);

  self->suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->suffix), GTK_WIDGET (self->value_label));
  gtk_box_append (GTK_BOX (self->suffix), arrow);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->suffix);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "combo");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
}
