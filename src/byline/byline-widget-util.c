/* byline-widget-util.c — small things every widget of the window may need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "byline.h"
#include "byline-toast-title.h"
#include "byline-text-field.h"
#include "byline-widget-util.h"

char *
byline_error_dup_for_person (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NO_SPACE))
    return g_strdup (_("The disk is full: free some space, then try again."));
  if (g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NOT_WRITABLE))
    return g_strdup (_("Byline may not write to its drafts folder."));
  return g_strdup (error->message);
}

AdwToast *
byline_toast_new_for_error (const GError *error)
{
  g_autofree char *message = byline_error_dup_for_person (error);

  return adw_toast_new (message);
}

/* gtk_widget_set_tooltip_text(), only when the text changes: on a shown
 * widget GTK looks again for what is under the pointer each time, even for
 * the same text (56 M instructions for one caption row of a long story). */
void
byline_widget_set_tooltip (GtkWidget  *widget,
                           const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

GListModel *
byline_file_list_to_model (GdkFileList *list)
{
  GListStore *files = g_list_store_new (G_TYPE_FILE);
  GSList *all = gdk_file_list_get_files (list);

  for (GSList *l = all; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  g_slist_free (all);
  return G_LIST_MODEL (files);
}

void
byline_widget_show_toast (GtkWidget *widget,
                          AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

gboolean
byline_widget_has_keyboard (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

char *
byline_widget_keep_together (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text != NULL ? text : "", " ", -1);

  return g_strjoinv ("\u00a0", words);
}

/* Tab leaves the list instead of going to its next row: the list is not
 * focusable for the time of the move, so that GTK's focus chain skips it. */
static gboolean
on_list_tab (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkDirectionType direction;
  GtkRoot *root;
  gboolean moved;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0
      || (root = gtk_widget_get_root (list)) == NULL)
    return GDK_EVENT_PROPAGATE;
  direction = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD
                                                                         : GTK_DIR_TAB_FORWARD;
  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (list, TRUE);
  return moved ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

void
byline_list_box_leave_on_tab (GtkListBox *list)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "byline-list-leave-on-tab");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_tab), NULL);
  gtk_widget_add_controller (GTK_WIDGET (list), keys);
}

AdwToast *
byline_toast_new_lasting (const char   *text,
                          const char   *stop_label,
                          GCancellable *cancellable)
{
  AdwToast *toast = adw_toast_new (text);

  g_return_val_if_fail (cancellable == NULL || stop_label != NULL, toast);

  adw_toast_set_timeout (toast, 0);
  if (cancellable != NULL)
    {
      adw_toast_set_button_label (toast, stop_label);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (g_cancellable_cancel), cancellable,
                               G_CONNECT_SWAPPED);
    }
  return toast;
}

AdwToast *
byline_widget_show_lasting_toast (GtkWidget    *widget,
                                  const char   *text,
                                  const char   *stop_label,
                                  GCancellable *cancellable)
{
  AdwToast *toast = byline_toast_new_lasting (text, stop_label, cancellable);

  byline_widget_show_toast (widget, g_object_ref (toast));
  return toast;
}

typedef struct
{
  AdwToast *toast;
  char     *title;
} Said;

static void
said_free (gpointer data)
{
  Said *said = data;

  g_object_unref (said->toast);
  g_free (said->title);
  g_free (said);
}

static gboolean
say_title (gpointer data)
{
  Said *said = data;
  GtkWidget *label = adw_toast_get_custom_title (said->toast);

  adw_toast_set_title (said->toast, said->title);
  if (GTK_IS_LABEL (label))
    gtk_label_set_text (GTK_LABEL (label), said->title);
  else if (BYLINE_IS_TOAST_TITLE (label))
    byline_toast_title_set_text (BYLINE_TOAST_TITLE (label), said->title);
  return G_SOURCE_REMOVE;
}

void
byline_toast_set_title_from_thread (AdwToast *toast,
                                    char     *title)
{
  Said *said = g_new0 (Said, 1);

  g_return_if_fail (ADW_IS_TOAST (toast));

  said->toast = g_object_ref (toast);
  said->title = title;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, say_title, said, said_free);
}

void
byline_toast_clear (AdwToast **toast)
{
  if (*toast != NULL)
    adw_toast_dismiss (*toast);
  g_clear_object (toast);
}

AdwToast *
byline_toast_new_long (const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  /* A toast's title is one line, cut short: this one wraps, within the
   * window however narrow. */
  adw_toast_set_custom_title (toast, byline_toast_title_new (text));
  /* Time to read it to the end (and not 0, until closed: the toasts after
   * it would wait for it). */
  adw_toast_set_timeout (toast, 10);
  /* What just went wrong shows now, not after the toasts before it. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  return toast;
}

void
byline_text_view_hide_drop_caret (GtkTextView *view)
{
  GtkTextMark *mark = gtk_text_buffer_get_mark (gtk_text_view_get_buffer (view), "gtk_drag_target");

  if (mark != NULL)
    gtk_text_mark_set_visible (mark, FALSE);
}

guint
byline_env_get_seconds (const char *name,
                        guint       minimum,
                        guint       fallback)
{
  const char *value = g_getenv (name);
  guint64 seconds;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, minimum, 3600, &seconds, NULL))
    return seconds;
  return fallback;
}

void
byline_picture_fit (guint   width,
                    guint   height,
                    double  max_width,
                    double  max_height,
                    double  pixel,
                    double *fit_width,
                    double *fit_height)
{
  double scale;

  g_return_if_fail (fit_width != NULL && fit_height != NULL);

  if (width == 0 || height == 0)
    {
      *fit_width = max_width;
      *fit_height = MIN (max_width * 9 / 16, max_height);
      return;
    }
  scale = MIN (pixel, MIN (max_width / width, max_height / height));
  *fit_width = width * scale;
  *fit_height = height * scale;
}

GtkFileFilter *
byline_pictures_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Pictures"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/gif");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  /* An iPhone's photos and AVIF pictures become JPEGs as they come in; a
   * build that cannot says how to get JPEGs, better than hiding them. */
  gtk_file_filter_add_mime_type (filter, "image/heif");
  gtk_file_filter_add_mime_type (filter, "image/heic");
  gtk_file_filter_add_mime_type (filter, "image/avif");
  return filter;
}

gboolean
byline_note_dialog_send (AdwDialog *dialog)
{
  GtkWidget *button = adw_dialog_get_default_widget (dialog);

  if (button == NULL || !gtk_widget_is_sensitive (button))
    return FALSE;
  return gtk_widget_activate (button);
}

static gboolean
send_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  byline_note_dialog_send (user_data);
  return TRUE;
}

AdwDialog *
byline_note_dialog_new (const char *heading,
                        const char *body,
                        const char *field_name,
                        const char *placeholder,
                        const char *response,
                        const char *response_label)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);
  GtkWidget *text = byline_text_field_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text), 6);
  byline_text_field_set_placeholder (BYLINE_TEXT_FIELD (text), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, field_name, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, -1, 120);
  gtk_widget_add_css_class (scrolled, "card");

  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), scrolled);
  g_object_set_data (G_OBJECT (dialog), "byline-note-view", text);
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();
    GtkShortcutTrigger *trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                               gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK));

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (trigger, gtk_callback_action_new (send_shortcut, dialog, NULL)));
    /* Before the text view, which takes Enter with any modifier as a new line. */
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    gtk_widget_add_controller (text, keys);
  }
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  response, response_label,
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), response, ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), response);
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  return dialog;
}

GtkTextView *
byline_note_dialog_get_view (AdwDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "byline-note-view");
}

char *
byline_note_dialog_dup_note (AdwDialog *dialog)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (byline_note_dialog_get_view (dialog));
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
byline_note_dialog_present (AdwDialog *dialog,
                            GtkWidget *parent)
{
  adw_dialog_present (dialog, parent);
  gtk_widget_grab_focus (GTK_WIDGET (byline_note_dialog_get_view (dialog)));
}

gboolean
byline_list_box_take_down (GtkListBox      *list,
                           guint            keyval,
                           GdkModifierType  state)
{
  GtkListBoxRow *first;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
      || (state & gtk_accelerator_get_default_mod_mask ()) != 0
      || (first = gtk_list_box_get_row_at_index (list, 0)) == NULL
      || !gtk_widget_get_mapped (GTK_WIDGET (first)))
    return FALSE;
  return gtk_widget_grab_focus (GTK_WIDGET (first));
}
