/* byline-checklist-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-checklist-button.h"
#include "byline-document.h"
#include "byline-widget-util.h"

struct _BylineChecklistButton
{
  GtkToggleButton  parent_instance;

  BylineChecklist *checklist;
  BylineDocument  *document;      /* the checklist's, followed for its first edit */
  GtkImage        *icon;
  GtkLabel        *badge;
};

G_DEFINE_FINAL_TYPE (BylineChecklistButton, byline_checklist_button, GTK_TYPE_TOGGLE_BUTTON)

enum {
  PROP_0,
  PROP_CHECKLIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (BylineChecklistButton *self)
{
  guint errors = self->checklist ? byline_checklist_get_n_errors (self->checklist) : 0;
  guint warnings = self->checklist ? byline_checklist_get_n_warnings (self->checklist) : 0;
  const char *summary = self->checklist ? byline_checklist_get_summary (self->checklist) : NULL;
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;

  /* A new story nobody has typed in yet is not wrong yet: the count waits
   * for the first edit (the tooltip and the checklist still say all). */
  if (self->document != NULL && byline_document_is_pristine (self->document))
    errors = warnings = 0;
  if (errors > 0)
    count = g_strdup_printf ("%u", errors);
  else if (warnings > 0)
    count = g_strdup_printf ("%u", warnings);

  gtk_label_set_text (self->badge, count ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (self->badge), count != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->badge), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->badge), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), errors > 0 ? "error" : "warning");
  gtk_image_set_from_icon_name (self->icon, count ? "dialog-warning-symbolic" : "object-select-symbolic");

  /* Translators: the tooltip of the checklist button; %s is "2 errors, 1 warning" */
  tooltip = g_strdup_printf (_("Preflight Checks (F8): %s"), summary ? summary : "");
  byline_widget_set_tooltip (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preflight checks"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary ? summary : "",
                                  -1);
}

static void
follow_document (BylineChecklistButton *self)
{
  BylineDocument *document = self->checklist ? byline_checklist_get_document (self->checklist) : NULL;

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "notify::save-state", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

BylineChecklist *
byline_checklist_button_get_checklist (BylineChecklistButton *self)
{
  g_return_val_if_fail (BYLINE_IS_CHECKLIST_BUTTON (self), NULL);
  return self->checklist;
}

void
byline_checklist_button_set_checklist (BylineChecklistButton *self,
                                       BylineChecklist       *checklist)
{
  g_return_if_fail (BYLINE_IS_CHECKLIST_BUTTON (self));
  g_return_if_fail (checklist == NULL || BYLINE_IS_CHECKLIST (checklist));

  if (self->checklist == checklist)
    return;
  if (self->checklist != NULL)
    g_signal_handlers_disconnect_by_data (self->checklist, self);
  g_set_object (&self->checklist, checklist);
  if (checklist != NULL)
    {
      g_signal_connect_object (checklist, "notify::summary", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (checklist, "notify::document", G_CALLBACK (follow_document), self,
                               G_CONNECT_SWAPPED);
    }
  follow_document (self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);
}

const char *
byline_checklist_button_get_badge_text (BylineChecklistButton *self)
{
  g_return_val_if_fail (BYLINE_IS_CHECKLIST_BUTTON (self), NULL);
  return gtk_label_get_text (self->badge);
}

static void
byline_checklist_button_dispose (GObject *object)
{
  BylineChecklistButton *self = BYLINE_CHECKLIST_BUTTON (object);

  if (self->checklist != NULL)
    g_signal_handlers_disconnect_by_data (self->checklist, self);
  g_clear_object (&self->checklist);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (byline_checklist_button_parent_class)->dispose (object);
}

static void
byline_checklist_button_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  BylineChecklistButton *self = BYLINE_CHECKLIST_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST: g_value_set_object (value, self->checklist); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_checklist_button_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  BylineChecklistButton *self = BYLINE_CHECKLIST_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST: byline_checklist_button_set_checklist (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_checklist_button_class_init (BylineChecklistButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = byline_checklist_button_dispose;
  object_class->get_property = byline_checklist_button_get_property;
  object_class->set_property = byline_checklist_button_set_property;

  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, BYLINE_TYPE_CHECKLIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_checklist_button_init (BylineChecklistButton *self)
{
  GtkWidget *overlay = gtk_overlay_new ();

  self->icon = GTK_IMAGE (gtk_image_new_from_icon_name ("object-select-symbolic"));
  self->badge = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), "checklist-badge");
  gtk_widget_set_halign (GTK_WIDGET (self->badge), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self->badge), GTK_ALIGN_START);
  gtk_widget_set_can_target (GTK_WIDGET (self->badge), FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->badge), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->icon));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->badge));
  gtk_button_set_child (GTK_BUTTON (self), overlay);
  update (self);
}
