/* byline-window.c
 *
 * The window holds one BylineDocument and gives it to its three sections,
 * which never talk to each other.  It shows the save state in its title and
 * a banner, and saves before it closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-article-editor.h"
#include "byline-body-view.h"
#include "byline-caption-panel.h"
#include "byline-document.h"
#include "byline-focus-keeper.h"
#include "byline-menu-button.h"
#include "byline-metadata-sidebar.h"
#include "byline-window-private.h"

G_DEFINE_FINAL_TYPE (BylineWindow, byline_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* -------------------------------------------------------------- save state */

static void
update_title (BylineWindow *self)
{
  const char *title = self->document ? byline_document_get_title (self->document) : "Byline";
  g_autofree char *window_title = g_strdup_printf ("%s — Byline", title);

  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_save_state (BylineWindow *self)
{
  const char *subtitle = "";
  const GError *error = NULL;

  if (self->document != NULL)
    {
      switch (byline_document_get_save_state (self->document))
        {
        case BYLINE_SAVE_STATE_NEW:
          subtitle = _("New story");
          break;
        case BYLINE_SAVE_STATE_SAVED:
          subtitle = _("Saved");
          break;
        case BYLINE_SAVE_STATE_UNSAVED:
          subtitle = _("Unsaved changes");
          break;
        case BYLINE_SAVE_STATE_FAILED:
        default:
          subtitle = _("Not saved");
          error = byline_document_get_save_error (self->document);
          break;
        }
    }
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->window_title),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);

  if (error != NULL)
    {
      gboolean conflict = g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT);
      g_autofree char *title = NULL;

      /* The core's message names the file (a temporary one, in the draft's
       * folder), for the command line and the log; the person needs what
       * happened and what to do. */
      if (conflict)
        title = g_strdup (_("Not saved: the story was changed elsewhere since it was "
                            "opened here. What you typed is still here: merge the two."));
      else if (g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NO_SPACE))
        title = g_strdup (_("Not saved: the disk is full. What you typed is still here, and is saved "
                            "as soon as there is room: free some space, or export the story to another disk."));
      else if (g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NOT_WRITABLE))
        title = g_strdup (_("Not saved: Byline may not write to its drafts folder. What you typed is "
                            "still here: export the story to another folder."));
      else
        title = g_strdup_printf (_("Could not save: %s"), error->message);

      adw_banner_set_title (self->banner, title);
      /* The target first, then the action that takes it. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner), NULL);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->banner), NULL);
      if (conflict)
        {
          adw_banner_set_button_label (self->banner, _("_Merge…"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner), "win.merge-conflict");
        }
      else if (g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NOT_WRITABLE))
        {
          /* Trying again there would not help: the story goes elsewhere. */
          adw_banner_set_button_label (self->banner, _("_Export…"));
          gtk_actionable_set_action_target (GTK_ACTIONABLE (self->banner), "s", "html");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner), "win.export");
        }
      else
        {
          adw_banner_set_button_label (self->banner, _("_Try Again"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner), "win.retry-save");
        }
      adw_banner_set_revealed (self->banner, TRUE);
    }
  else
    adw_banner_set_revealed (self->banner, FALSE);

  _byline_window_update_actions (self);
}

/* ----------------------------------------------------------------- document */

BylineDocument *
byline_window_get_document (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);
  return self->document;
}

BylineDraftStore *
byline_window_get_store (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);
  return self->store;
}

gboolean
byline_window_close_document (BylineWindow  *self,
                              GError       **error)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);

  if (self->document == NULL)
    return TRUE;
  return byline_document_close (self->document, error);
}

static void
on_autosave_delay_changed (BylineWindow *self)
{
  if (self->document != NULL)
    byline_document_set_autosave_delay (self->document,
                                        g_settings_get_uint (self->settings, "autosave-delay"));
}

gboolean
byline_window_set_document (BylineWindow    *self,
                            BylineDocument  *document,
                            GError         **error)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (document == NULL || BYLINE_IS_DOCUMENT (document), FALSE);

  if (self->document == document)
    return TRUE;

  if (self->document != NULL)
    {
      if (!byline_document_close (self->document, error))
        return FALSE;
      g_signal_handlers_disconnect_by_data (self->document, self);
    }

  g_set_object (&self->document, document);
  if (document != NULL)
    {
      on_autosave_delay_changed (self);
      g_signal_connect_swapped (document, "notify::title", G_CALLBACK (update_title), self);
      g_signal_connect_swapped (document, "notify::save-state", G_CALLBACK (update_save_state), self);
    }

  byline_article_editor_set_document (self->editor, document);
  byline_caption_panel_set_document (self->caption_panel, document);
  byline_metadata_sidebar_set_document (self->metadata_sidebar, document);

  update_title (self);
  update_save_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  return TRUE;
}

void
_byline_window_replace_document (BylineWindow   *self,
                                 BylineDocument *document)
{
  if (self->document != NULL)
    {
      byline_document_discard (self->document);
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_clear_object (&self->document);
    }
  byline_window_set_document (self, document, NULL);
}

gboolean
byline_window_open_draft (BylineWindow  *self,
                          const char    *id,
                          GError       **error)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylineDocument) document = NULL;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->document != NULL && g_strcmp0 (byline_document_get_id (self->document), id) == 0)
    return TRUE;
  article = byline_draft_store_load (self->store, id, error);
  if (article == NULL)
    return FALSE;
  document = byline_document_new (self->store, article, TRUE);
  if (!byline_window_set_document (self, document, error))
    return FALSE;
  byline_article_editor_focus_body (self->editor);
  return TRUE;
}

gboolean
byline_window_new_draft (BylineWindow  *self,
                         GError       **error)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(BylineDocument) document = NULL;
  g_autofree char *default_byline = g_settings_get_string (self->settings, "default-byline");
  g_autofree char *source_prefix = g_settings_get_string (self->settings, "source-prefix");
  g_autofree char *dateline = g_settings_get_string (self->settings, "default-dateline");
  g_auto(GStrv) authors = g_strsplit_set (default_byline, ",;", -1);

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);

  /* Before the store watches it: defaults are not an edit to save. */
  byline_article_set_authors (article, (const char * const *) authors);
  byline_article_set_source_prefix (article, source_prefix);
  byline_article_set_dateline (article, dateline);

  document = byline_document_new (self->store, article, FALSE);
  if (!byline_window_set_document (self, document, error))
    return FALSE;
  byline_article_editor_focus_headline (self->editor);
  return TRUE;
}

BylineArticleEditor *
byline_window_get_editor (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);
  return self->editor;
}

BylineCaptionPanel *
byline_window_get_caption_panel (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);
  return self->caption_panel;
}

BylineMetadataSidebar *
byline_window_get_metadata_sidebar (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);
  return self->metadata_sidebar;
}

void
byline_window_add_toast (BylineWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (BYLINE_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* -------------------------------------------------------------------- close */

static void
on_close_anyway (AdwAlertDialog *dialog,
                 const char     *response,
                 BylineWindow   *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->closing_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "copy") == 0)
    _byline_window_save_as_copy (self);
  else if (g_strcmp0 (response, "export") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.export", "s", "html");
}

static void
save_window_state (BylineWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
byline_window_close_request (GtkWindow *window)
{
  BylineWindow *self = BYLINE_WINDOW (window);
  g_autoptr(GError) error = NULL;
  AdwDialog *dialog;
  const char *keep;   /* the response that keeps the words */

  save_window_state (self);

  if (self->closing_confirmed || byline_window_close_document (self, &error))
    return GTK_WINDOW_CLASS (byline_window_parent_class)->close_request (window);

  /* Never lose words without asking. */
  dialog = adw_alert_dialog_new (_("Save Failed"), NULL);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Keep Editing"),
                                  "discard", _("_Close Without Saving"),
                                  NULL);
  /* A new draft would go to the same full or closed disk: the story goes
   * elsewhere then. */
  if (g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NO_SPACE)
      || g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NOT_WRITABLE))
    {
      adw_alert_dialog_set_body (ADW_ALERT_DIALOG (dialog),
                                 g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NO_SPACE)
                                 ? _("The latest changes to this story could not be saved: the disk is full. "
                                     "Export the story to another disk, or free some space and keep editing.")
                                 : _("The latest changes to this story could not be saved: Byline may not "
                                     "write to its drafts folder. Export the story to another folder."));
      keep = "export";
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), keep, _("_Export…"));
    }
  else
    {
      adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                    _("The latest changes to this story could not be saved: %s"),
                                    error->message);
      keep = "copy";
      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), keep, _("Save as _New Draft"));
    }
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), keep, ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), keep);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_anyway), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return TRUE;
}

/* ------------------------------------------------------------ narrow sizes */

static void
on_narrow (BylineWindow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
}

static void
on_wide (BylineWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");
}

/* ------------------------------------------------------------------ GObject */

static void
byline_window_constructed (GObject *object)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  G_OBJECT_CLASS (byline_window_parent_class)->constructed (object);

  if (self->store == NULL)
    self->store = byline_draft_store_new (NULL);
}

static void
byline_window_dispose (GObject *object)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  if (self->document != NULL)
    {
      byline_document_close (self->document, NULL);
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_clear_object (&self->document);
    }
  g_clear_weak_pointer (&self->find_selection);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_WINDOW);

  G_OBJECT_CLASS (byline_window_parent_class)->dispose (object);
}

static void
byline_window_finalize (GObject *object)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->publisher);
  g_clear_object (&self->send_group);
  g_clear_object (&self->destinations_menu);

  G_OBJECT_CLASS (byline_window_parent_class)->finalize (object);
}

static void
byline_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_window_class_init (BylineWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = byline_window_constructed;
  object_class->dispose = byline_window_dispose;
  object_class->finalize = byline_window_finalize;
  object_class->get_property = byline_window_get_property;
  object_class->set_property = byline_window_set_property;
  window_class->close_request = byline_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BYLINE_TYPE_DRAFT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, BYLINE_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BYLINE_TYPE_ARTICLE_EDITOR);
  g_type_ensure (BYLINE_TYPE_CAPTION_PANEL);
  g_type_ensure (BYLINE_TYPE_METADATA_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bylinenews/Byline/byline-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, outer_split);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, inner_split);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, caption_panel);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, metadata_sidebar);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, send_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, send_menu);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, send_bar);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, outbox_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, send_box);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, narrow_bar);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, narrow_send_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, narrow_outbox_button);

  /* Found with gtk_widget_get_template_child(), not kept in the window's struct. */
  gtk_widget_class_bind_template_child_full (widget_class, "main_menu_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "main_menu", FALSE, 0);

  gtk_widget_class_bind_template_callback (widget_class, on_narrow);
  gtk_widget_class_bind_template_callback (widget_class, on_wide);

  _byline_window_class_init_actions (widget_class);
  _byline_window_class_init_send (widget_class);
  _byline_window_class_init_checks (widget_class);
  _byline_window_class_init_missing (widget_class);
  _byline_window_class_init_review (widget_class);
}

static void
on_pictures_dropped (BylineWindow *self,
                     GListModel   *files)
{
  byline_body_view_insert_pictures_async (byline_article_editor_get_body_view (self->editor), files, -1);
}

static void
on_place_image (BylineWindow *self,
                BylineImage  *image)
{
  byline_body_view_place_image (byline_article_editor_get_body_view (self->editor), image);
  byline_article_editor_focus_body (self->editor);
}

static void
byline_window_init (BylineWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  byline_focus_keeper_attach (ADW_APPLICATION_WINDOW (self));
  g_signal_connect_object (self->caption_panel, "pictures-dropped", G_CALLBACK (on_pictures_dropped), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->caption_panel, "place-image", G_CALLBACK (on_place_image), self,
                           G_CONNECT_SWAPPED);
  /* Three menus, each made when it first opens (more than the header bar). */
  byline_menu_button_set_menu_on_first_use (
    GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self), BYLINE_TYPE_WINDOW, "main_menu_button")),
    G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (self), BYLINE_TYPE_WINDOW, "main_menu")));
  byline_menu_button_set_menu_on_first_use (self->send_button, G_MENU_MODEL (self->send_menu));
  byline_menu_button_set_menu_on_first_use (self->narrow_send_button, G_MENU_MODEL (self->send_menu));
  _byline_window_init_send (self);
  _byline_window_init_review (self);
  _byline_window_init_checks (self);

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->settings, "changed::autosave-delay",
                           G_CALLBACK (on_autosave_delay_changed), self, G_CONNECT_SWAPPED);
  update_title (self);
  update_save_state (self);
}

BylineWindow *
byline_window_new (GtkApplication   *application,
                   BylineDraftStore *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || BYLINE_IS_DRAFT_STORE (store), NULL);

  return g_object_new (BYLINE_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}
