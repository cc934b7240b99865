/* byline-undo-toasts.c — the Undo toasts a key can press too
 *
 * A widget that removes something says so in a toast with an Undo button;
 * Ctrl+Z over that widget presses the Undo of the latest one still showing,
 * exactly as a click would (the toast's own ::button-clicked does the work).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-undo-toasts.h"

struct _BylineUndoToasts
{
  GtkWidget *owner;
  char      *action_name;
  GPtrArray *toasts;   /* AdwToast, newest last */
};

static void
update_action (BylineUndoToasts *self)
{
  gtk_widget_action_set_enabled (self->owner, self->action_name, self->toasts->len > 0);
}

static void
on_dismissed (AdwToast         *toast,
              BylineUndoToasts *self)
{
  g_signal_handlers_disconnect_by_data (toast, self);
  g_ptr_array_remove (self->toasts, toast);
  update_action (self);
}

BylineUndoToasts *
byline_undo_toasts_new (GtkWidget  *owner,
                        const char *action_name)
{
  BylineUndoToasts *self = g_new0 (BylineUndoToasts, 1);

  self->owner = owner;
  self->action_name = g_strdup (action_name);
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  update_action (self);
  return self;
}

void
byline_undo_toasts_free (BylineUndoToasts *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->toasts->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->toasts, i), self);
  g_ptr_array_unref (self->toasts);
  g_free (self->action_name);
  g_free (self);
}

AdwToast *
byline_undo_toasts_add (BylineUndoToasts *self,
                        const char       *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_dismissed), self);
  g_ptr_array_add (self->toasts, g_object_ref (toast));
  update_action (self);
  return toast;
}

gboolean
byline_undo_toasts_undo_latest (BylineUndoToasts *self)
{
  g_autoptr(AdwToast) toast = NULL;

  if (self->toasts->len == 0)
    return FALSE;
  toast = g_object_ref (g_ptr_array_index (self->toasts, self->toasts->len - 1));
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);
  return TRUE;
}

void
byline_undo_toasts_dismiss_all (BylineUndoToasts *self)
{
  while (self->toasts->len > 0)
    {
      g_autoptr(AdwToast) toast = g_ptr_array_steal_index (self->toasts, self->toasts->len - 1);

      g_signal_handlers_disconnect_by_data (toast, self);
      adw_toast_dismiss (toast);
    }
  update_action (self);
}
