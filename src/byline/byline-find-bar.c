/* byline-find-bar.c
 *
 * A GtkSourceSearchContext for each text of the story (headline, lead and
 * body) does the finding, and the bar goes from one to the next; replacing
 * goes through the buffers like typing does, so it reaches the story and can
 * be undone.
 * Unless "Match Diacritics" is on, what is typed is found whatever marks the
 * story puts on its bare letters ("sat lo" finds "sạt lở"): the search is then
 * a regular expression made by byline_text_search_pattern().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-find-bar.h"
#include "byline-story-page.h"
#include "byline-text-search.h"
#include "byline-widget-util.h"

#define MAX_FIELDS 4

/* A text of the story the bar searches (headline, lead, body), in order. */
typedef struct
{
  GtkTextView            *view;
  GtkSourceSearchContext *context;
} Field;

struct _BylineFindBar
{
  GtkWidget                parent_instance;

  Field                    fields[MAX_FIELDS];
  guint                    n_fields;
  guint                    current;    /* the field of the match selected, or to search from */
  GtkSourceSearchSettings *settings;

  GtkRevealer             *revealer;
  GtkWidget               *content;
  GtkSearchEntry          *search_entry;
  GtkLabel                *count_label;
  GtkCheckButton          *case_button;
  GtkCheckButton          *diacritics_button;
  GtkToggleButton         *replace_toggle;
  GtkEntry                *replace_entry;

  BylineArticle           *article;    /* for its pictures' captions, credits and alt texts */
};

G_DEFINE_FINAL_TYPE (BylineFindBar, byline_find_bar, GTK_TYPE_WIDGET)

static GtkTextBuffer *
field_buffer (BylineFindBar *self,
              guint          i)
{
  return gtk_text_view_get_buffer (self->fields[i].view);
}

/* The search as an expression, for the pictures' texts, or NULL. */
static GRegex *
search_regex (BylineFindBar *self)
{
  return byline_text_search_regex (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                   gtk_source_search_settings_get_case_sensitive (self->settings),
                                   gtk_check_button_get_active (self->diacritics_button));
}

/* The matches in the pictures' captions, credits and alt texts: counted, not
 * gone through (they are in the pictures panel, not the text). */
static guint
count_in_pictures (BylineFindBar *self)
{
  g_autoptr(GRegex) regex = NULL;

  if (self->article == NULL || !gtk_revealer_get_reveal_child (self->revealer))
    return 0;
  regex = search_regex (self);
  return regex != NULL ? byline_article_count_in_pictures (self->article, regex) : 0;
}

static void
update_count (BylineFindBar *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  int count = 0, position = -1;
  guint pictures;
  g_autofree char *text = NULL;

  if (self->n_fields == 0)
    return;

  /* "3 of 12" counts through the fields in order. */
  for (guint i = 0; i < self->n_fields; i++)
    {
      int n = gtk_source_search_context_get_occurrences_count (self->fields[i].context);

      if (n < 0)
        {
          count = -1;
          break;
        }
      buffer = field_buffer (self, i);
      if (i == self->current && gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
        {
          int p = gtk_source_search_context_get_occurrence_position (self->fields[i].context, &start, &end);

          if (p > 0)
            position = count + p;
        }
      count += n;
    }

  pictures = count < 0 ? 0 : count_in_pictures (self);
  if (count < 0 || byline_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))))
    text = g_strdup ("");
  else if (count == 0 && pictures == 0)
    text = g_strdup (_("No match"));
  else if (count == 0)
    /* Translators: matches in the captions, credits and alt texts */
    text = g_strdup_printf (ngettext ("%u in pictures", "%u in pictures", pictures), pictures);
  else
    {
      g_autofree char *in_text = position > 0
        /* Translators: the 3rd of 12 matches */
        ? g_strdup_printf (_("%d of %d"), position, count)
        : g_strdup_printf (ngettext ("%d match", "%d matches", count), count);

      if (pictures > 0)
        /* Translators: "3 of 12 · 2 in pictures": matches in the text, then in the captions, credits and alt texts */
        text = g_strdup_printf (ngettext ("%s · %u in pictures", "%s · %u in pictures", pictures), in_text, pictures);
      else
        text = g_steal_pointer (&in_text);
    }
  gtk_label_set_text (self->count_label, text);

  if (count == 0 && pictures == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

/* The replacement as the search context takes it.  A regular expression's
 * replacement has references ("\\0"), so its backslashes are doubled to stay
 * as typed; and replace_all() takes a replacement without references as it
 * is, but one with references through the expression (GtkSourceView issue
 * 172), so it always has one: to the empty group the search starts with.
 * Unless "Match Case" is on, it takes the case of the text it replaces
 * ("lũ quét" → "lũ ống" gives "Lũ ống" at a sentence's start). */
static char *
replacement_for (BylineFindBar     *self,
                 const GtkTextIter *start,
                 const GtkTextIter *end)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  g_autofree char *cased = NULL;
  g_auto(GStrv) pieces = NULL;
  g_autofree char *escaped = NULL;

  if (!gtk_source_search_settings_get_case_sensitive (self->settings))
    {
      g_autofree char *match = gtk_text_iter_get_text (start, end);

      cased = byline_text_match_case (text, match, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      text = cased;
    }
  if (!gtk_source_search_settings_get_regex_enabled (self->settings))
    return g_strdup (text);
  pieces = g_strsplit (text, "\\", -1);
  escaped = g_strjoinv ("\\\\", pieces);
  return g_strconcat ("\\g<1>", escaped, NULL);
}

static void
select_match (BylineFindBar     *self,
              guint              field,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  GtkTextView *view = self->fields[field].view;

  /* The other fields let their selection go: one match is the current one. */
  for (guint i = 0; i < self->n_fields; i++)
    if (i != field && gtk_text_buffer_get_has_selection (field_buffer (self, i)))
      {
        GtkTextIter cursor;
        GtkTextBuffer *other = field_buffer (self, i);

        gtk_text_buffer_get_iter_at_mark (other, &cursor, gtk_text_buffer_get_insert (other));
        gtk_text_buffer_select_range (other, &cursor, &cursor);
      }
  self->current = field;
  gtk_text_buffer_select_range (gtk_text_view_get_buffer (view), start, end);
  /* A view keeps its cursor in sight only when it has the keyboard, and the
   * search has it now.  The headline and lead are at the top of the page. */
  if (BYLINE_IS_BODY_VIEW (view))
    byline_body_view_show_iter (BYLINE_BODY_VIEW (view), start);
  else
    {
      GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (view), BYLINE_TYPE_STORY_PAGE);

      if (page != NULL)
        byline_story_page_scroll_to_top (BYLINE_STORY_PAGE (page));
    }
  update_count (self);
}

/* The first match from @from in field @field on, through the next fields
 * and round to the first: wrapping is the bar's, across the fields. */
static gboolean
find_from (BylineFindBar     *self,
           guint              field,
           const GtkTextIter *from,
           gboolean           forward)
{
  GtkTextIter iter = *from, start, end;

  for (guint step = 0; step <= self->n_fields; step++)
    {
      guint i = forward ? (field + step) % self->n_fields
                        : (field + self->n_fields - step % self->n_fields) % self->n_fields;
      GtkSourceSearchContext *context = self->fields[i].context;
      gboolean found;

      if (step > 0)
        {
          if (forward)
            gtk_text_buffer_get_start_iter (field_buffer (self, i), &iter);
          else
            gtk_text_buffer_get_end_iter (field_buffer (self, i), &iter);
        }
      found = forward ? gtk_source_search_context_forward (context, &iter, &start, &end, NULL)
                      : gtk_source_search_context_backward (context, &iter, &start, &end, NULL);
      if (found)
        {
          select_match (self, i, &start, &end);
          return TRUE;
        }
    }
  return FALSE;
}

void
byline_find_bar_move (BylineFindBar *self,
                      gboolean       forward)
{
  GtkTextIter start, end;

  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  if (self->n_fields == 0)
    return;
  gtk_text_buffer_get_selection_bounds (field_buffer (self, self->current), &start, &end);
  find_from (self, self->current, forward ? &end : &start, forward);
}

static void
on_search_changed (BylineFindBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean exact = gtk_check_button_get_active (self->diacritics_button);
  g_autofree char *loose = exact || *text == '\0' ? NULL : byline_text_search_pattern (text);
  /* The empty group is for replacement_text(). */
  g_autofree char *pattern = loose != NULL ? g_strconcat ("()", loose, NULL) : NULL;
  GtkTextIter start, end;

  gtk_source_search_settings_set_regex_enabled (self->settings, !exact);
  gtk_source_search_settings_set_search_text (self->settings, *text ? (pattern != NULL ? pattern : text) : NULL);
  if (self->n_fields == 0 || *text == '\0')
    {
      update_count (self);
      return;
    }
  /* Type-ahead: the first match from where the selection starts. */
  gtk_text_buffer_get_selection_bounds (field_buffer (self, self->current), &start, &end);
  find_from (self, self->current, &start, TRUE);
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

/* A replacement is one step of a field's undo.  The body's history groups
 * an edit with the typing before it when the cursor has not moved, and a
 * replacement does not move it: it is an edit of its own. */
static void
begin_replacing (BylineFindBar *self,
                 guint          field)
{
  GtkTextView *view = self->fields[field].view;

  gtk_text_buffer_begin_user_action (gtk_text_view_get_buffer (view));
  if (BYLINE_IS_BODY_VIEW (view))
    byline_body_buffer_begin_edit (byline_body_view_get_body_buffer (BYLINE_BODY_VIEW (view)),
                                   BYLINE_EDIT_OTHER);
}

static void
end_replacing (BylineFindBar *self,
               guint          field)
{
  GtkTextView *view = self->fields[field].view;

  if (BYLINE_IS_BODY_VIEW (view))
    byline_body_buffer_end_edit (byline_body_view_get_body_buffer (BYLINE_BODY_VIEW (view)));
  gtk_text_buffer_end_user_action (gtk_text_view_get_buffer (view));
}

static void
on_replace (BylineFindBar *self)
{
  GtkSourceSearchContext *context;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autoptr(GError) error = NULL;
  g_autofree char *replacement = NULL;

  if (self->n_fields == 0)
    return;
  context = self->fields[self->current].context;
  buffer = field_buffer (self, self->current);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end)
      || gtk_source_search_context_get_occurrence_position (context, &start, &end) <= 0)
    {
      byline_find_bar_move (self, TRUE);
      return;
    }
  replacement = replacement_for (self, &start, &end);
  begin_replacing (self, self->current);
  if (!gtk_source_search_context_replace (context, &start, &end, replacement, -1, &error))
    g_warning ("Could not replace: %s", error->message);
  end_replacing (self, self->current);
  byline_find_bar_move (self, TRUE);
}

/* Each match with its own replacement (its case), all of a field in one
 * step of its undo. */
static guint
replace_all_in (BylineFindBar *self,
                guint          field)
{
  GtkSourceSearchContext *context = self->fields[field].context;
  GtkTextBuffer *buffer = field_buffer (self, field);
  GtkTextIter iter, start, end;
  gboolean wrapped = FALSE;
  guint n = 0;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  begin_replacing (self, field);
  while (gtk_source_search_context_forward (context, &iter, &start, &end, &wrapped) && !wrapped)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *replacement = replacement_for (self, &start, &end);

      if (!gtk_source_search_context_replace (context, &start, &end, replacement, -1, &error))
        {
          g_warning ("Could not replace: %s", error->message);
          break;
        }
      /* Searching on after the replacement: it is not searched again. */
      iter = end;
      n++;
    }
  end_replacing (self, field);
  return n;
}

/* The headline, lead, body and the pictures' texts: a name misspelt in the
 * text is misspelt in the captions and credits too. */
static void
on_replace_all (BylineFindBar *self)
{
  g_autoptr(GRegex) regex = search_regex (self);
  guint n = 0;

  for (guint i = 0; i < self->n_fields; i++)
    n += replace_all_in (self, i);
  if (self->article != NULL && regex != NULL)
    {
      gboolean match_case = gtk_source_search_settings_get_case_sensitive (self->settings);

      n += byline_article_replace_in_pictures (self->article, regex,
                                               gtk_editable_get_text (GTK_EDITABLE (self->replace_entry)),
                                               match_case ? NULL
                                                          : gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
    }
  update_count (self);
  if (n > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("Replaced %u match", "Replaced %u matches", n), n);

      byline_widget_show_toast (GTK_WIDGET (self), adw_toast_new (title));
    }
}

/* The headline and lead have no style scheme of their own: their matches
 * look as the body's scheme (light or dark) has them. */
static void
update_match_styles (BylineFindBar *self)
{
  GtkSourceStyleScheme *scheme = NULL;
  GtkSourceStyle *style = NULL;

  for (guint i = 0; i < self->n_fields && scheme == NULL; i++)
    scheme = gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (field_buffer (self, i)));
  if (scheme != NULL)
    style = gtk_source_style_scheme_get_style (scheme, "search-match");
  for (guint i = 0; i < self->n_fields; i++)
    if (gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (field_buffer (self, i))) == NULL)
      gtk_source_search_context_set_match_style (self->fields[i].context, style);
}

/* Highlighted only where there is a style to do it with (GtkSourceView
 * warns otherwise). */
static void
set_highlight (BylineFindBar *self,
               gboolean       highlight)
{
  update_match_styles (self);
  for (guint i = 0; i < self->n_fields; i++)
    gtk_source_search_context_set_highlight (
      self->fields[i].context,
      highlight && (gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (field_buffer (self, i))) != NULL
                    || gtk_source_search_context_get_match_style (self->fields[i].context) != NULL));
}

void
byline_find_bar_add_view (BylineFindBar *self,
                          GtkTextView   *view)
{
  GtkTextBuffer *buffer;
  Field *field;

  g_return_if_fail (BYLINE_IS_FIND_BAR (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (GTK_SOURCE_IS_BUFFER (gtk_text_view_get_buffer (view)));
  g_return_if_fail (self->n_fields < MAX_FIELDS);

  buffer = gtk_text_view_get_buffer (view);
  field = &self->fields[self->n_fields++];
  field->view = view;
  /* Not highlighting from the start: the headline and lead have no style to
   * do it with yet (GtkSourceView warns). */
  field->context = g_object_new (GTK_SOURCE_TYPE_SEARCH_CONTEXT,
                                 "buffer", buffer,
                                 "settings", self->settings,
                                 "highlight", FALSE,
                                 NULL);
  g_signal_connect_object (field->context, "notify::occurrences-count",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  /* The dark style changes the body's scheme while the bar may be open. */
  g_signal_connect_object (buffer, "notify::style-scheme",
                           G_CALLBACK (update_match_styles), self, G_CONNECT_SWAPPED);
  /* Searching starts in the body, the last field, unless the keyboard is elsewhere. */
  self->current = self->n_fields - 1;
}

void
byline_find_bar_set_article (BylineFindBar *self,
                             BylineArticle *article)
{
  g_return_if_fail (BYLINE_IS_FIND_BAR (self));
  g_return_if_fail (article == NULL || BYLINE_IS_ARTICLE (article));

  if (self->article == article)
    return;
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_data (self->article, self);
  g_set_object (&self->article, article);
  /* A caption typed while the bar is open changes the count. */
  if (article != NULL)
    g_signal_connect_object (article, "changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  update_count (self);
}

void
byline_find_bar_reveal (BylineFindBar *self,
                        gboolean       replace)
{
  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  /* From the field the keyboard is in, else the body. */
  for (guint i = 0; i < self->n_fields; i++)
    if (byline_widget_has_keyboard (GTK_WIDGET (self->fields[i].view)))
      self->current = i;

  if (self->n_fields > 0)
    {
      GtkTextBuffer *buffer = field_buffer (self, self->current);
      GtkTextIter start, end;

      /* A short selection on one line is what to look for. */
      if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end)
          && gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end)
          && gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) < 80)
        {
          g_autofree char *text = gtk_text_iter_get_slice (&start, &end);
          gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
        }
    }

  set_highlight (self, TRUE);
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

  set_highlight (self, FALSE);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  /* Back to the field of the match. */
  if (self->n_fields > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->fields[self->current].view));
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

  byline_find_bar_set_article (self, NULL);
  for (guint i = 0; i < self->n_fields; i++)
    g_clear_object (&self->fields[i].context);
  self->n_fields = 0;
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
  /* Wrapping is the bar's, across the fields (find_from()). */
  gtk_source_search_settings_set_wrap_around (self->settings, FALSE);
  g_object_bind_property (self->case_button, "active", self->settings, "case-sensitive",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->settings, "notify::case-sensitive",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->diacritics_button, "toggled",
                           G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
}
