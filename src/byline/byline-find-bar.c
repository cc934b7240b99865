/* byline-find-bar.c
 *
 * A GtkSourceSearchContext does the finding; replacing goes through the
 * buffer like typing does, so it reaches the body and can be undone.
 * Unless "Match Diacritics" is on, what is typed is found whatever marks the
 * story puts on its bare letters ("sat lo" finds "sạt lở"): the search is then
 * a regular expression made by byline_text_search_pattern().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-body-view.h"
#include "byline-find-bar.h"

struct _BylineFindBar
{
  GtkWidget                parent_instance;

  GtkSourceView           *view;
  GtkSourceSearchSettings *settings;
  GtkSourceSearchContext  *context;

  GtkRevealer             *revealer;
  GtkWidget               *content;
  GtkSearchEntry          *search_entry;
  GtkLabel                *count_label;
  GtkToggleButton         *case_button;
  GtkToggleButton         *diacritics_button;
  GtkToggleButton         *replace_toggle;
  GtkEntry                *replace_entry;
};

G_DEFINE_FINAL_TYPE (BylineFindBar, byline_find_bar, GTK_TYPE_WIDGET)

static void
update_count (BylineFindBar *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  int count, position = -1;
  g_autofree char *text = NULL;

  if (self->context == NULL)
    return;

  count = gtk_source_search_context_get_occurrences_count (self->context);
  buffer = GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (self->context));
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    position = gtk_source_search_context_get_occurrence_position (self->context, &start, &end);

  if (count < 0 || byline_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))))
    text = g_strdup ("");
  else if (count == 0)
    text = g_strdup (_("No match"));
  else if (position > 0)
    /* Translators: the 3rd of 12 matches */
    text = g_strdup_printf (_("%d of %d"), position, count);
  else
    text = g_strdup_printf (ngettext ("%d match", "%d matches", count), count);
  gtk_label_set_text (self->count_label, text);

  if (count == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

/* The replacement as the search context takes it.  A regular expression's
 * replacement has references ("\\0"), so its backslashes are doubled to stay
 * as typed; and replace_all() takes a replacement without references as it
 * is, but one with references through the expression (GtkSourceView issue
 * 172), so it always has one: to the empty group the search starts with. */
static char *
replacement_text (BylineFindBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  g_auto(GStrv) pieces = NULL;
  g_autofree char *escaped = NULL;

  if (!gtk_source_search_settings_get_regex_enabled (self->settings))
    return g_strdup (text);
  pieces = g_strsplit (text, "\\", -1);
  escaped = g_strjoinv ("\\\\", pieces);
  return g_strconcat ("\\g<1>", escaped, NULL);
}

static void
select_match (BylineFindBar     *self,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));

  gtk_text_buffer_select_range (buffer, start, end);
  /* The view keeps the cursor in sight only when it has the keyboard, and
   * the search has it now. */
  if (BYLINE_IS_BODY_VIEW (self->view))
    byline_body_view_show_iter (BYLINE_BODY_VIEW (self->view), start);
  update_count (self);
}

void
byline_find_bar_move (BylineFindBar *self,
                      gboolean       forward)
{
  GtkTextBuffer *buffer;
  GtkTextIter from, start, end, found_start, found_end;
  gboolean wrapped;
  gboolean found;

  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  if (self->context == NULL)
    return;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  from = forward ? end : start;
  if (forward)
    found = gtk_source_search_context_forward (self->context, &from, &found_start, &found_end, &wrapped);
  else
    found = gtk_source_search_context_backward (self->context, &from, &found_start, &found_end, &wrapped);
  if (found)
    select_match (self, &found_start, &found_end);
}

static void
on_search_changed (BylineFindBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean exact = gtk_toggle_button_get_active (self->diacritics_button);
  g_autofree char *loose = exact || *text == '\0' ? NULL : byline_text_search_pattern (text);
  /* The empty group is for replacement_text(). */
  g_autofree char *pattern = loose != NULL ? g_strconcat ("()", loose, NULL) : NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end, found_start, found_end;

  gtk_source_search_settings_set_regex_enabled (self->settings, !exact);
  gtk_source_search_settings_set_search_text (self->settings, *text ? (pattern != NULL ? pattern : text) : NULL);
  if (self->context == NULL || *text == '\0')
    {
      update_count (self);
      return;
    }
  /* Type-ahead: the first match from where the selection starts. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (gtk_source_search_context_forward (self->context, &start, &found_start, &found_end, NULL))
    select_match (self, &found_start, &found_end);
  update_count (self);
}

static void
on_search_activate (BylineFindBar *self)
{
  byline_find_bar_move (self, TRUE);
}

static void
on_next_match (BylineFindBar *self)
{
  byline_find_bar_move (self, TRUE);
}

static void
on_previous_match (BylineFindBar *self)
{
  byline_find_bar_move (self, FALSE);
}

static void
on_replace (BylineFindBar *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autoptr(GError) error = NULL;
  g_autofree char *replacement = replacement_text (self);

  if (self->context == NULL)
    return;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end)
      || gtk_source_search_context_get_occurrence_position (self->context, &start, &end) <= 0)
    {
      byline_find_bar_move (self, TRUE);
      return;
    }
  if (!gtk_source_search_context_replace (self->context, &start, &end, replacement, -1, &error))
    g_warning ("Could not replace: %s", error->message);
  byline_find_bar_move (self, TRUE);
}

static void
on_replace_all (BylineFindBar *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *replacement = replacement_text (self);

  if (self->context == NULL)
    return;
  if (!gtk_source_search_context_replace_all (self->context, replacement, -1, &error))
    g_warning ("Could not replace: %s", error->message);
  update_count (self);
}

void
byline_find_bar_set_view (BylineFindBar *self,
                          GtkSourceView *view)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (BYLINE_IS_FIND_BAR (self));
  g_return_if_fail (GTK_SOURCE_IS_VIEW (view));

  self->view = view;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  self->context = gtk_source_search_context_new (GTK_SOURCE_BUFFER (buffer), self->settings);
  gtk_source_search_context_set_highlight (self->context, FALSE);
  g_signal_connect_object (self->context, "notify::occurrences-count",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
}

void
byline_find_bar_reveal (BylineFindBar *self,
                        gboolean       replace)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  /* A short selection on one line is what to look for. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end)
      && gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end)
      && gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) < 80)
    {
      g_autofree char *text = gtk_text_iter_get_slice (&start, &end);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
    }

  gtk_source_search_context_set_highlight (self->context, TRUE);
  gtk_toggle_button_set_active (self->replace_toggle, replace || gtk_toggle_button_get_active (self->replace_toggle));
  gtk_widget_set_visible (self->content, TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
  update_count (self);
}

void
byline_find_bar_dismiss (BylineFindBar *self)
{
  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  if (self->context != NULL)
    gtk_source_search_context_set_highlight (self->context, FALSE);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  if (self->view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* Put away, the bar's widgets are hidden: a hidden widget is not restyled
 * with the window, as at start-up, when the bar is not needed yet. */
static void
on_child_revealed (BylineFindBar *self)
{
  if (!gtk_revealer_get_reveal_child (self->revealer) && !gtk_revealer_get_child_revealed (self->revealer))
    gtk_widget_set_visible (self->content, FALSE);
}

gboolean
byline_find_bar_get_revealed (BylineFindBar *self)
{
  g_return_val_if_fail (BYLINE_IS_FIND_BAR (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

static gboolean
dismiss_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  byline_find_bar_dismiss (BYLINE_FIND_BAR (widget));
  return TRUE;
}

static void
byline_find_bar_dispose (GObject *object)
{
  BylineFindBar *self = BYLINE_FIND_BAR (object);
  GtkWidget *child;

  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_FIND_BAR);
  /* The template's unnamed children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (byline_find_bar_parent_class)->dispose (object);
}

static void
byline_find_bar_finalize (GObject *object)
{
  BylineFindBar *self = BYLINE_FIND_BAR (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (byline_find_bar_parent_class)->finalize (object);
}

static void
byline_find_bar_class_init (BylineFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_find_bar_dispose;
  object_class->finalize = byline_find_bar_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bylinenews/Byline/byline-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, content);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, case_button);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, diacritics_button);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, replace_toggle);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, replace_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_child_revealed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_next_match);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_match);
  gtk_widget_class_bind_template_callback (widget_class, on_replace);
  gtk_widget_class_bind_template_callback (widget_class, on_replace_all);
  gtk_widget_class_bind_template_callback (widget_class, byline_find_bar_dismiss);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, dismiss_shortcut, NULL);
}

static void
byline_find_bar_init (BylineFindBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->settings, TRUE);
  g_object_bind_property (self->case_button, "active", self->settings, "case-sensitive",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->settings, "notify::case-sensitive",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->diacritics_button, "toggled",
                           G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
}
