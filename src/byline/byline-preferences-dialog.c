/* byline-preferences-dialog.c
 *
 * Every row is bound to its GSettings key: a change applies at once, in
 * every window (the editor and the document watch the keys).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-accounts-page.h"
#include "byline-preferences-dialog.h"

struct _BylinePreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  GSettings            *settings;

  AdwEntryRow          *byline_row;
  AdwEntryRow          *source_row;
  AdwEntryRow          *dateline_row;
  AdwSpinRow           *headline_row;
  AdwSpinRow           *lead_row;
  AdwSpinRow           *autosave_row;
  AdwSpinRow           *trash_row;
  AdwSpinRow           *speed_row;
  AdwSwitchRow         *spell_row;
  AdwComboRow          *tone_row;
  AdwEntryRow          *words_row;
  AdwEntryRow          *house_row;
};

G_DEFINE_FINAL_TYPE (BylinePreferencesDialog, byline_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

/* The key counts milliseconds, people count seconds. */
static gboolean
ms_to_seconds (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant) / 1000.0);
  return TRUE;
}

static GVariant *
seconds_to_ms (const GValue       *value,
               const GVariantType *type,
               gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) (g_value_get_double (value) * 1000 + 0.5));
}

static gboolean
uint_to_double (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
double_to_uint (const GValue       *value,
                const GVariantType *type,
                gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) (g_value_get_double (value) + 0.5));
}

/* The combo's rows, in the order of the .ui, as the key spells them. */
static const char *tone_styles[] = { "any", "classic", "modern" };

static gboolean
tone_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tone_styles); i++)
    if (g_str_equal (style, tone_styles[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_tone (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  return g_variant_new_string (tone_styles[position < G_N_ELEMENTS (tone_styles) ? position : 0]);
}

static void
on_file_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AdwEntryRow) row = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  /* Cancelled: nothing to do. */
  if (file != NULL && g_file_peek_path (file) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), g_file_peek_path (file));
}

static void
choose_text_file (BylinePreferencesDialog *self,
                  AdwEntryRow             *row,
                  const char              *title)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("Text files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL,
                        on_file_chosen, g_object_ref (row));
}

static void
on_choose_words (BylinePreferencesDialog *self)
{
  choose_text_file (self, self->words_row, _("Newsroom Word List"));
}

static void
on_choose_house (BylinePreferencesDialog *self)
{
  choose_text_file (self, self->house_row, _("House List"));
}

static void
byline_preferences_dialog_finalize (GObject *object)
{
  BylinePreferencesDialog *self = BYLINE_PREFERENCES_DIALOG (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (byline_preferences_dialog_parent_class)->finalize (object);
}

/* AdwDialog grabs its focus each time it is shown as another sheet: with
 * no focus it remembers, it moves the focus one step forward, which in a
 * bottom sheet ended in the third row.  The focus stays where it is, or
 * starts in the first row, the reporter's name. */
static gboolean
byline_preferences_dialog_grab_focus (GtkWidget *widget)
{
  BylinePreferencesDialog *self = BYLINE_PREFERENCES_DIALOG (widget);
  AdwPreferencesPage *page = adw_preferences_dialog_get_visible_page (ADW_PREFERENCES_DIALOG (self));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && focus != widget && gtk_widget_is_ancestor (focus, widget)
      && gtk_widget_get_mapped (focus) && gtk_widget_get_focusable (focus))
    return TRUE;
  if (page != NULL && gtk_widget_is_ancestor (GTK_WIDGET (self->byline_row), GTK_WIDGET (page)))
    return gtk_widget_grab_focus (GTK_WIDGET (self->byline_row));
  return GTK_WIDGET_CLASS (byline_preferences_dialog_parent_class)->grab_focus (widget);
}

static void
byline_preferences_dialog_class_init (BylinePreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = byline_preferences_dialog_finalize;
  widget_class->grab_focus = byline_preferences_dialog_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bylinenews/Byline/byline-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesDialog, byline_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesDialog, dateline_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesDialog, headline_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesDialog, lead_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesDialog, autosave_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesDialog, trash_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesDialog, speed_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesDialog, spell_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesDialog, tone_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesDialog, words_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesDialog, house_row);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_words);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_house);
}

static void
byline_preferences_dialog_init (BylinePreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "default-byline", self->byline_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "source-prefix", self->source_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "default-dateline", self->dateline_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "headline-limit", self->headline_row, "value",
                                G_SETTINGS_BIND_DEFAULT, uint_to_double, double_to_uint, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "lead-limit", self->lead_row, "value",
                                G_SETTINGS_BIND_DEFAULT, uint_to_double, double_to_uint, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "words-per-minute", self->speed_row, "value",
                                G_SETTINGS_BIND_DEFAULT, uint_to_double, double_to_uint, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "autosave-delay", self->autosave_row, "value",
                                G_SETTINGS_BIND_DEFAULT, ms_to_seconds, seconds_to_ms, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "trash-days", self->trash_row, "value",
                                G_SETTINGS_BIND_DEFAULT, uint_to_double, double_to_uint, NULL, NULL);
  g_settings_bind (self->settings, "spell-check", self->spell_row, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "tone-style", self->tone_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, tone_to_position, position_to_tone, NULL, NULL);
  g_settings_bind (self->settings, "newsroom-word-list", self->words_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "house-list", self->house_row, "text", G_SETTINGS_BIND_DEFAULT);
}

void
byline_preferences_dialog_set_publisher (BylinePreferencesDialog *self,
                                         BylinePublisher         *publisher)
{
  g_return_if_fail (BYLINE_IS_PREFERENCES_DIALOG (self));

  adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (self), byline_accounts_page_new (publisher));
}

AdwDialog *
byline_preferences_dialog_new (void)
{
  return g_object_new (BYLINE_TYPE_PREFERENCES_DIALOG, NULL);
}
