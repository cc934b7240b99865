/* byline-chip-entry.c
 *
 * Chips in an AdwWrapBox, then a text field: Enter, a comma or leaving the
 * field adds what was typed; Backspace in the empty field takes the last chip
 * back for editing.  ::changed is emitted when the values change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-chip-entry.h"

struct _BylineChipEntry
{
  GtkWidget  parent_instance;

  GtkWidget *wrap_box;
  GtkWidget *text;
  GPtrArray *values;   /* char*, NULL-terminated */
  guint      commit_id;
};

G_DEFINE_FINAL_TYPE (BylineChipEntry, byline_chip_entry, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_chips (BylineChipEntry *self);

static void
remove_value (BylineChipEntry *self,
              guint            index)
{
  if (index >= self->values->len)
    return;
  g_ptr_array_remove_index (self->values, index);
  rebuild_chips (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_chip_remove_clicked (GtkButton       *button,
                        BylineChipEntry *self)
{
  const char *value = g_object_get_data (G_OBJECT (button), "value");

  for (guint i = 0; i < self->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->values, i), value) == 0)
      {
        remove_value (self, i);
        break;
      }
  gtk_widget_grab_focus (self->text);
}

static GtkWidget *
make_chip (BylineChipEntry *self,
           const char      *value)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (value);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *remove_name = g_strdup_printf (_("Remove “%s”"), value);

  gtk_widget_add_css_class (chip, "chip");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_box_append (GTK_BOX (chip), label);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, remove_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  g_object_set_data_full (G_OBJECT (remove), "value", g_strdup (value), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_chip_remove_clicked), self, 0);
  gtk_box_append (GTK_BOX (chip), remove);
  return chip;
}

static void
rebuild_chips (BylineChipEntry *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->wrap_box)) != self->text)
    adw_wrap_box_remove (ADW_WRAP_BOX (self->wrap_box), child);
  for (guint i = 0; i < self->values->len; i++)
    adw_wrap_box_insert_child_after (ADW_WRAP_BOX (self->wrap_box),
                                     make_chip (self, g_ptr_array_index (self->values, i)),
                                     gtk_widget_get_prev_sibling (self->text));
}

static gboolean
add_value (BylineChipEntry *self,
           const char      *raw)
{
  g_autofree char *value = byline_text_normalize_line (raw, -1);

  if (*value == '\0')
    return FALSE;
  for (guint i = 0; i < self->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->values, i), value) == 0)
      return FALSE;
  g_ptr_array_add (self->values, g_steal_pointer (&value));
  return TRUE;
}

void
byline_chip_entry_commit (BylineChipEntry *self)
{
  const char *text;
  g_auto(GStrv) parts = NULL;
  gboolean added = FALSE;

  g_return_if_fail (BYLINE_IS_CHIP_ENTRY (self));

  g_clear_handle_id (&self->commit_id, g_source_remove);
  text = gtk_editable_get_text (GTK_EDITABLE (self->text));
  if (*text == '\0')
    return;
  parts = g_strsplit_set (text, ",;", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    added |= add_value (self, parts[i]);
  gtk_editable_set_text (GTK_EDITABLE (self->text), "");
  if (added)
    {
      rebuild_chips (self);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

static gboolean
commit_typed (gpointer data)
{
  BylineChipEntry *self = data;

  self->commit_id = 0;
  byline_chip_entry_commit (self);
  return G_SOURCE_REMOVE;
}

/* A comma typed makes a chip, just after the key: GTK refuses to empty the
 * field (an edit that cannot be undone) while the key's edit is going on.
 * Before the next frame is drawn, so the comma is never seen. */
static void
on_text_changed (BylineChipEntry *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text));

  if (self->commit_id == 0 && (strchr (text, ',') != NULL || strchr (text, ';') != NULL))
    self->commit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, commit_typed, self, NULL);
}

static gboolean
on_key_pressed (BylineChipEntry       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_BackSpace
      && *gtk_editable_get_text (GTK_EDITABLE (self->text)) == '\0'
      && self->values->len > 0)
    {
      g_autofree char *last = g_strdup (g_ptr_array_index (self->values, self->values->len - 1));

      remove_value (self, self->values->len - 1);
      gtk_editable_set_text (GTK_EDITABLE (self->text), last);
      gtk_editable_set_position (GTK_EDITABLE (self->text), -1);
      return TRUE;
    }
  return FALSE;
}

static void
on_click (BylineChipEntry *self)
{
  gtk_widget_grab_focus (self->text);
}

static gboolean
byline_chip_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (BYLINE_CHIP_ENTRY (widget)->text);
}

static void
byline_chip_entry_dispose (GObject *object)
{
  BylineChipEntry *self = BYLINE_CHIP_ENTRY (object);

  g_clear_handle_id (&self->commit_id, g_source_remove);
  g_clear_pointer (&self->wrap_box, gtk_widget_unparent);

  G_OBJECT_CLASS (byline_chip_entry_parent_class)->dispose (object);
}

static void
byline_chip_entry_finalize (GObject *object)
{
  BylineChipEntry *self = BYLINE_CHIP_ENTRY (object);

  g_clear_pointer (&self->values, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_chip_entry_parent_class)->finalize (object);
}

static void
byline_chip_entry_class_init (BylineChipEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_chip_entry_dispose;
  object_class->finalize = byline_chip_entry_finalize;
  widget_class->grab_focus = byline_chip_entry_grab_focus;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chipentry");
}

static void
byline_chip_entry_init (BylineChipEntry *self)
{
  GtkEventController *key, *focus;
  GtkGesture *click;

  self->values = g_ptr_array_new_null_terminated (4, g_free, TRUE);

  self->wrap_box = adw_wrap_box_new ();
  adw_wrap_box_set_child_spacing (ADW_WRAP_BOX (self->wrap_box), 6);
  adw_wrap_box_set_line_spacing (ADW_WRAP_BOX (self->wrap_box), 6);
  gtk_widget_set_parent (self->wrap_box, GTK_WIDGET (self));

  /* A bare GtkText has no role of its own (GtkEntry speaks for it): without
   * one, screen readers never saw the field. */
  self->text = g_object_new (GTK_TYPE_TEXT, "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX, NULL);
  gtk_widget_set_hexpand (self->text, TRUE);
  gtk_widget_set_valign (self->text, GTK_ALIGN_CENTER);
  gtk_text_set_activates_default (GTK_TEXT (self->text), FALSE);
  gtk_widget_set_size_request (self->text, 120, -1);
  adw_wrap_box_append (ADW_WRAP_BOX (self->wrap_box), self->text);

  g_signal_connect_swapped (self->text, "activate", G_CALLBACK (byline_chip_entry_commit), self);
  g_signal_connect_swapped (self->text, "changed", G_CALLBACK (on_text_changed), self);

  key = gtk_event_controller_key_new ();
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->text, key);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (byline_chip_entry_commit), self);
  gtk_widget_add_controller (self->text, focus);

  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "released", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
byline_chip_entry_new (void)
{
  return g_object_new (BYLINE_TYPE_CHIP_ENTRY, NULL);
}

const char * const *
byline_chip_entry_get_values (BylineChipEntry *self)
{
  g_return_val_if_fail (BYLINE_IS_CHIP_ENTRY (self), NULL);
  return (const char * const *) self->values->pdata;
}

void
byline_chip_entry_set_values (BylineChipEntry    *self,
                              const char * const *values)
{
  g_return_if_fail (BYLINE_IS_CHIP_ENTRY (self));

  g_ptr_array_set_size (self->values, 0);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    add_value (self, values[i]);
  rebuild_chips (self);
}

GtkEditable *
byline_chip_entry_get_text (BylineChipEntry *self)
{
  g_return_val_if_fail (BYLINE_IS_CHIP_ENTRY (self), NULL);
  return GTK_EDITABLE (self->text);
}

void
byline_chip_entry_set_placeholder (BylineChipEntry *self,
                                   const char      *placeholder)
{
  g_return_if_fail (BYLINE_IS_CHIP_ENTRY (self));

  gtk_text_set_placeholder_text (GTK_TEXT (self->text), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
}
