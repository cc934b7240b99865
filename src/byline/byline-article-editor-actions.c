/* byline-article-editor-actions.c — the editor.* actions and their shortcuts
 *
 * One group, "editor", on the editor widget; _byline_article_editor_update_actions()
 * computes every action's enabled state and state from the document and the
 * cursor, and is the only place that does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-article-editor-private.h"
#include "byline-document.h"
#include "byline-widget-util.h"

#define GROUP_KEY "byline-editor-actions"

static GActionGroup *
get_group (BylineArticleEditor *self)
{
  return g_object_get_data (G_OBJECT (self), GROUP_KEY);
}

static void
set_enabled (BylineArticleEditor *self,
             const char          *name,
             gboolean             enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (get_group (self)), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
set_state (BylineArticleEditor *self,
           const char          *name,
           GVariant            *state)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (get_group (self)), name);

  g_simple_action_set_state (G_SIMPLE_ACTION (action), state);
}

static const struct {
  BylineBlockKind  kind;
  const char      *label;
} styles[] = {
  { BYLINE_BLOCK_PARAGRAPH, N_("Paragraph") },
  { BYLINE_BLOCK_HEADING1, N_("Heading") },
  { BYLINE_BLOCK_HEADING2, N_("Subheading") },
  { BYLINE_BLOCK_QUOTE, N_("Quote") },
  { BYLINE_BLOCK_BULLETED_ITEM, N_("Bulleted List") },
  { BYLINE_BLOCK_NUMBERED_ITEM, N_("Numbered List") },
};

void
_byline_article_editor_update_actions (BylineArticleEditor *self)
{
  BylineBodyHistory *history;
  gboolean has_document, on_text, can_undo, can_redo;
  BylineBlockKind kind;

  if (get_group (self) == NULL)
    return;

  has_document = self->document != NULL;
  history = byline_body_buffer_get_history (self->body_buffer);
  kind = byline_body_buffer_get_cursor_kind (self->body_buffer);
  /* At a figure, with no text selected, the styles of a paragraph and the
   * formatting of text have nothing to apply to.  (From the marks, not
   * has-selection: mark-set's handlers run before the buffer updates it.) */
  on_text = kind != BYLINE_BLOCK_IMAGE
            || gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->body_buffer), NULL, NULL);

  can_undo = has_document && (byline_body_history_can_undo (history)
                               || byline_find_bar_can_undo_replace_all (self->find_bar));
  can_redo = has_document && (byline_body_history_can_redo (history)
                              || byline_find_bar_can_redo_replace_all (self->find_bar));
  set_enabled (self, "undo", can_undo);
  set_enabled (self, "undo-replace-all", has_document && byline_find_bar_can_undo_replace_all (self->find_bar));
  set_enabled (self, "redo", can_redo);
  /* The body's context menu: its Undo and Redo are these. */
  byline_body_view_set_undo_enabled (self->body_view, can_undo, can_redo);
  set_enabled (self, "redo-replace-all", has_document && byline_find_bar_can_redo_replace_all (self->find_bar));
  set_enabled (self, "bold", has_document && on_text);
  set_enabled (self, "italic", has_document && on_text);
  set_enabled (self, "link", has_document && on_text);
  set_enabled (self, "style", has_document && on_text);
  /* (A menu button is not greyed by its menu's actions.) */
  gtk_widget_set_sensitive (GTK_WIDGET (self->style_button), has_document && on_text);
  set_enabled (self, "insert-picture", has_document);
  set_enabled (self, "find", has_document);
  set_enabled (self, "replace", has_document);

  set_state (self, "bold",
             g_variant_new_boolean (byline_body_buffer_has_span_at_cursor (self->body_buffer, BYLINE_SPAN_BOLD)));
  set_state (self, "italic",
             g_variant_new_boolean (byline_body_buffer_has_span_at_cursor (self->body_buffer, BYLINE_SPAN_ITALIC)));
  set_state (self, "style", g_variant_new_string (byline_block_kind_to_string (kind)));

  /* Only when it changes: GtkMenuButton makes a new label each time, and the
   * toolbar and the window above it are measured again (after every key). */
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (styles[i].kind == kind
        && g_strcmp0 (gtk_menu_button_get_label (self->style_button), _(styles[i].label)) != 0)
      gtk_menu_button_set_label (self->style_button, _(styles[i].label));
}

/* ----------------------------------------------------------------- handlers */

static void
undo_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  BylineArticleEditor *self = data;

  /* Right after Replace All, all of it, in every field. */
  if (!byline_find_bar_undo_replace_all (self->find_bar))
    byline_body_buffer_undo (self->body_buffer);
  byline_article_editor_focus_body (self);
}

/* Ctrl+Z right after Replace All, wherever the keyboard is (the headline,
 * the lead, the find bar): all of it.  Enabled only then: otherwise the key
 * goes on to the field's own undo. */
static void
undo_replace_all_activated (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       data)
{
  BylineArticleEditor *self = data;

  byline_find_bar_undo_replace_all (self->find_bar);
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  BylineArticleEditor *self = data;

  if (!byline_find_bar_redo_replace_all (self->find_bar))
    byline_body_buffer_redo (self->body_buffer);
  byline_article_editor_focus_body (self);
}

static void
redo_replace_all_activated (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       data)
{
  BylineArticleEditor *self = data;

  byline_find_bar_redo_replace_all (self->find_bar);
}

static void
bold_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  BylineArticleEditor *self = data;

  byline_body_buffer_toggle_span (self->body_buffer, BYLINE_SPAN_BOLD);
  _byline_article_editor_update_actions (self);
}

static void
italic_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  BylineArticleEditor *self = data;

  byline_body_buffer_toggle_span (self->body_buffer, BYLINE_SPAN_ITALIC);
  _byline_article_editor_update_actions (self);
}

static void
style_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       data)
{
  BylineArticleEditor *self = data;
  BylineBlockKind kind;

  if (!byline_block_kind_from_string (g_variant_get_string (param, NULL), &kind)
      || !byline_block_kind_is_text (kind))
    return;
  /* The list buttons toggle: a list item asked to be one again becomes a paragraph. */
  if (kind == byline_body_buffer_get_cursor_kind (self->body_buffer)
      && (kind == BYLINE_BLOCK_BULLETED_ITEM || kind == BYLINE_BLOCK_NUMBERED_ITEM
          || kind == BYLINE_BLOCK_QUOTE))
    kind = BYLINE_BLOCK_PARAGRAPH;
  byline_body_buffer_set_block_kind (self->body_buffer, kind);
  _byline_article_editor_update_actions (self);
}

static void
on_link_response (AdwAlertDialog      *dialog,
                  const char          *response,
                  BylineArticleEditor *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *href = NULL;

  if (g_strcmp0 (response, "apply") == 0)
    {
      href = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
      if (*href != '\0' && !g_uri_peek_scheme (href))
        {
          char *with_scheme = g_strconcat ("https://", href, NULL);
          g_free (href);
          href = with_scheme;
        }
      byline_body_buffer_set_link (self->body_buffer, *href ? href : NULL);
    }
  else if (g_strcmp0 (response, "remove") == 0)
    byline_body_buffer_set_link (self->body_buffer, NULL);
  byline_article_editor_focus_body (self);
}

static void
link_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  BylineArticleEditor *self = data;
  g_autofree char *current = byline_body_buffer_dup_link_at_cursor (self->body_buffer);
  AdwDialog *dialog;
  GtkWidget *entry;

  dialog = adw_alert_dialog_new (current ? _("Edit Link") : _("Add Link"),
                                 _("The selected words will lead to this address."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), current ? current : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Link address"), -1);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "remove", _("_Remove Link"),
                                  "apply", _("_Apply"),
                                  NULL);
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (dialog), "remove", current != NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "apply");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_link_response), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  gtk_widget_grab_focus (entry);
}

static void
on_pictures_chosen (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(BylineArticleEditor) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;

  files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (object), result, &error);
  if (files == NULL)
    return;

  /* Under the cursor's paragraph, or in it when it is a missing picture's
   * caption. */
  byline_body_view_insert_pictures_async (self->body_view, files, -1);
  byline_article_editor_focus_body (self);
}

/* Ctrl+Shift+V: the clipboard's text alone, as typed, without the pictures,
 * headings or bold a document or a page brings (byline-body-view-paste.c). */
static void
paste_text_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       data)
{
  BylineArticleEditor *self = data;

  if (!gtk_widget_has_focus (GTK_WIDGET (self->body_view)))
    byline_article_editor_focus_body (self);
  gtk_text_buffer_paste_clipboard (GTK_TEXT_BUFFER (self->body_buffer),
                                   gtk_widget_get_clipboard (GTK_WIDGET (self->body_view)), NULL, TRUE);
}

static void
insert_picture_activated (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       data)
{
  BylineArticleEditor *self = data;
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = byline_pictures_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_list_store_append (filters, filter);

  gtk_file_dialog_set_title (dialog, _("Insert Pictures"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 NULL, on_pictures_chosen, g_object_ref (self));
}

static void
reveal_find_bar (BylineArticleEditor *self,
                 gboolean             replace)
{
  /* Find counts, and Replace All replaces, in the whole story. */
  byline_body_buffer_show_all (self->body_buffer);
  byline_find_bar_reveal (self->find_bar, replace);
}

static void
find_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  reveal_find_bar (data, FALSE);
}

static void
replace_activated (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       data)
{
  reveal_find_bar (data, TRUE);
}

static void
find_next_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       data)
{
  BylineArticleEditor *self = data;

  byline_find_bar_move (self->find_bar, TRUE);
}

static void
find_previous_activated (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       data)
{
  BylineArticleEditor *self = data;

  byline_find_bar_move (self->find_bar, FALSE);
}

static const GActionEntry entries[] = {
  { "undo", undo_activated },
  { "undo-replace-all", undo_replace_all_activated },
  { "redo-replace-all", redo_replace_all_activated },
  { "redo", redo_activated },
  { "bold", bold_activated, NULL, "false" },
  { "italic", italic_activated, NULL, "false" },
  { "style", style_activated, "s", "'paragraph'" },
  { "link", link_activated },
  { "insert-picture", insert_picture_activated },
  { "paste-text", paste_text_activated },
  { "find", find_activated },
  { "replace", replace_activated },
  { "find-next", find_next_activated },
  { "find-previous", find_previous_activated },
};

/* ---------------------------------------------------------------- shortcuts */

void
_byline_article_editor_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "editor.link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "editor.style", "s", "paragraph");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "editor.style", "s", "heading1");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "editor.style", "s", "heading2");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_parenleft, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.style", "s", "quote");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.style", "s", "quote");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_asterisk, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.style", "s", "bulleted-item");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_8, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.style", "s", "bulleted-item");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ampersand, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.style", "s", "numbered-item");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.style", "s", "numbered-item");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "editor.insert-picture", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "editor.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "editor.replace", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "editor.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.find-previous", NULL);
}

void
_byline_article_editor_init_actions (BylineArticleEditor *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkEventController *controller;
  static const struct {
    guint           keyval;
    GdkModifierType mods;
    const char     *action;
  } body_keys[] = {
    { GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo" },
    { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.redo" },
    { GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.redo" },
    { GDK_KEY_y, GDK_CONTROL_MASK, "editor.redo" },
    { GDK_KEY_b, GDK_CONTROL_MASK, "editor.bold" },
    { GDK_KEY_i, GDK_CONTROL_MASK, "editor.italic" },
    { GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.paste-text" },
    { GDK_KEY_V, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.paste-text" },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), self);
  g_object_set_data_full (G_OBJECT (self), GROUP_KEY, g_object_ref (group), g_object_unref);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "editor", G_ACTION_GROUP (group));

  /* The body's undo is the model's: these keys must reach us before
   * GtkTextView's own bindings for them, so they are taken in the capture phase. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (body_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (body_keys[i].keyval,
                                                                                    body_keys[i].mods),
                                                            gtk_named_action_new (body_keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self->body_view), controller);

  /* Before the fields' own Ctrl+Z, and the body's above. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("editor.undo-replace-all")));
  for (guint i = 0; i < G_N_ELEMENTS (body_keys); i++)
    if (g_str_equal (body_keys[i].action, "editor.redo"))
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (body_keys[i].keyval,
                                                                                      body_keys[i].mods),
                                                              gtk_named_action_new ("editor.redo-replace-all")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  g_signal_connect_object (self->find_bar, "notify::can-undo-replace-all",
                           G_CALLBACK (_byline_article_editor_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->find_bar, "notify::can-redo-replace-all",
                           G_CALLBACK (_byline_article_editor_update_actions), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (byline_body_buffer_get_history (self->body_buffer), "notify::can-undo",
                           G_CALLBACK (_byline_article_editor_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (byline_body_buffer_get_history (self->body_buffer), "notify::can-redo",
                           G_CALLBACK (_byline_article_editor_update_actions), self, G_CONNECT_SWAPPED);
  _byline_article_editor_update_actions (self);
}
