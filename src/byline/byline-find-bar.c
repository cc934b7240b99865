/* byline-find-bar.c
 *
 * A GtkSourceSearchContext for each text of the story (headline, lead and
 * body) does the finding, and the bar goes from one to the next; replacing
 * goes through the buffers like typing does, so it reaches the story and can
 * be undone.
 * Unless "Match Diacritics" is on, what is typed is found whatever marks the
 * story puts on its bare letters ("sat lo" finds "sạt lở"): the search is then
 * a regular expression made by byline_text_search_pattern().
 * Replace All is undone and redone whole (byline-replace-all-undo.c).
 * After the body come the pictures' captions, credits and alt texts, searched
 * in the article with the same expression (byline-article-search.c); the
 * window selects their matches in the pictures panel (::show-picture-match).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-find-bar.h"
#include "byline-replace-all-undo.h"
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
  GtkWidget               *replace_button;
  GtkWidget               *replace_all_button;
  GtkWidget               *previous_button;
  GtkWidget               *next_button;
  GtkWidget               *options_button;
  GtkWidget               *close_button;

  BylineArticle           *article;    /* for its pictures' captions, credits and alt texts */
  int                      picture_match; /* the match selected in the pictures, or -1 */
  /* The last Replace All, while nothing changed since: Ctrl+Z undoes it
   * whole, as its toast's Undo does; undone (its done), Ctrl+Shift+Z
   * does it again. */
  BylineReplaceAllUndo    *last_replace_all;
};

G_DEFINE_FINAL_TYPE (BylineFindBar, byline_find_bar, GTK_TYPE_WIDGET)

enum {
  SHOW_PICTURE_MATCH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_CAN_UNDO_REPLACE_ALL,
  PROP_CAN_REDO_REPLACE_ALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* The matches in the pictures' captions, credits and alt texts, which come
 * after the body's: in the count, and one by one as the text's are. */
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

  pictures = count_in_pictures (self);
  /* The pictures' texts changed under the match. */
  if (self->picture_match >= (int) pictures && gtk_revealer_get_reveal_child (self->revealer))
    self->picture_match = -1;
  if (count >= 0 && self->picture_match >= 0)
    position = count + self->picture_match + 1;
  if (count >= 0)
    count += pictures;
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
 * as typed; and it always has one, to the empty group the search starts
 * with: GtkSourceView's replace_all() took a replacement without references
 * as it was (GtkSourceView issue 172), and both ways of replacing get the
 * same expansion this way.
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

/* The match in the pictures is not the current one any more. */
static void
leave_pictures (BylineFindBar *self)
{
  if (self->picture_match < 0)
    return;
  self->picture_match = -1;
  g_signal_emit (self, signals[SHOW_PICTURE_MATCH], 0, NULL, 0, 0u, 0u, FALSE);
}

/* The fields but @except (-1: all) let their selection go: one match is
 * the current one. */
static void
clear_selections (BylineFindBar *self,
                  int            except)
{
  for (guint i = 0; i < self->n_fields; i++)
    if ((int) i != except && gtk_text_buffer_get_has_selection (field_buffer (self, i)))
      {
        GtkTextIter cursor;
        GtkTextBuffer *other = field_buffer (self, i);

        gtk_text_buffer_get_iter_at_mark (other, &cursor, gtk_text_buffer_get_insert (other));
        gtk_text_buffer_select_range (other, &cursor, &cursor);
      }
}

static void
select_match (BylineFindBar     *self,
              guint              field,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  GtkTextView *view = self->fields[field].view;

  clear_selections (self, field);
  self->current = field;
  leave_pictures (self);
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

static GArray *
picture_matches (BylineFindBar *self)
{
  g_autoptr(GRegex) regex = NULL;

  if (self->article == NULL || (regex = search_regex (self)) == NULL)
    return NULL;
  return byline_article_find_in_pictures (self->article, regex);
}

/* The match after (or before) match @from of the pictures: -1 is before the
 * first, G_MAXINT after the last.  ::show-picture-match shows it. */
static gboolean
find_in_pictures (BylineFindBar *self,
                  int            from,
                  gboolean       forward)
{
  g_autoptr(GArray) matches = picture_matches (self);
  const BylinePictureMatch *match;
  int k;

  if (matches == NULL)
    return FALSE;
  if (from > (int) matches->len)
    from = matches->len;
  k = forward ? from + 1 : from - 1;
  if (k < 0 || k >= (int) matches->len)
    return FALSE;
  match = &g_array_index (matches, BylinePictureMatch, k);
  clear_selections (self, -1);
  self->picture_match = k;
  g_signal_emit (self, signals[SHOW_PICTURE_MATCH], 0,
                 byline_article_get_image (self->article, match->picture), (int) match->field,
                 match->start, match->end, FALSE);
  update_count (self);
  return TRUE;
}

static gboolean
find_in_field (BylineFindBar     *self,
               guint              field,
               const GtkTextIter *from,
               gboolean           forward)
{
  GtkSourceSearchContext *context = self->fields[field].context;
  GtkTextIter iter, start, end;
  gboolean found;

  if (from != NULL)
    iter = *from;
  else if (forward)
    gtk_text_buffer_get_start_iter (field_buffer (self, field), &iter);
  else
    gtk_text_buffer_get_end_iter (field_buffer (self, field), &iter);
  found = forward ? gtk_source_search_context_forward (context, &iter, &start, &end, NULL)
                  : gtk_source_search_context_backward (context, &iter, &start, &end, NULL);
  if (found)
    select_match (self, field, &start, &end);
  return found;
}

/* The first match from @from in field @field on, through the next fields,
 * the pictures (field n_fields, from match @from_match) and round to the
 * first: wrapping is the bar's, across the fields. */
static gboolean
find_from (BylineFindBar     *self,
           guint              field,
           const GtkTextIter *from,
           int                from_match,
           gboolean           forward)
{
  guint n = self->n_fields + 1;

  for (guint step = 0; step <= n; step++)
    {
      guint i = forward ? (field + step) % n : (field + n - step % n) % n;
      gboolean found;

      if (i == self->n_fields)
        found = find_in_pictures (self, step == 0 ? from_match : (forward ? -1 : G_MAXINT), forward);
      else
        found = find_in_field (self, i, step == 0 ? from : NULL, forward);
      if (found)
        return TRUE;
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
  if (self->picture_match >= 0)
    {
      find_from (self, self->n_fields, NULL, self->picture_match, forward);
      return;
    }
  gtk_text_buffer_get_selection_bounds (field_buffer (self, self->current), &start, &end);
  find_from (self, self->current, forward ? &end : &start, -1, forward);
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
  if (self->picture_match >= 0)
    find_from (self, self->n_fields, NULL, self->picture_match - 1, TRUE);
  else
    {
      gtk_text_buffer_get_selection_bounds (field_buffer (self, self->current), &start, &end);
      find_from (self, self->current, &start, -1, TRUE);
    }
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

/* @match (NULL: every match) in the pictures' texts replaced with what
 * "Replace with" has, in the case of each unless "Match Case" is on. */
static guint
replace_in_pictures (BylineFindBar            *self,
                     GRegex                   *regex,
                     const BylinePictureMatch *match)
{
  const char *query = gtk_source_search_settings_get_case_sensitive (self->settings)
                      ? NULL : gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return byline_article_replace_in_pictures (self->article, regex, match,
                                             gtk_editable_get_text (GTK_EDITABLE (self->replace_entry)), query);
}

/* The match selected in the pictures replaced, then the next one shown:
 * the same index when the replacement is no match any more. */
static void
replace_in_picture (BylineFindBar *self)
{
  g_autoptr(GRegex) regex = search_regex (self);
  g_autoptr(GArray) before = picture_matches (self);
  g_autoptr(GArray) after = NULL;
  BylinePictureMatch match;
  int k = self->picture_match;

  if (regex == NULL || before == NULL || k >= (int) before->len)
    {
      byline_find_bar_move (self, TRUE);
      return;
    }
  match = g_array_index (before, BylinePictureMatch, k);
  replace_in_pictures (self, regex, &match);
  after = picture_matches (self);
  if (after != NULL && k < (int) after->len
      && g_array_index (after, BylinePictureMatch, k).picture == match.picture
      && g_array_index (after, BylinePictureMatch, k).field == match.field
      && g_array_index (after, BylinePictureMatch, k).start == match.start)
    k++;
  if (!find_from (self, self->n_fields, NULL, k - 1, TRUE))
    {
      self->picture_match = -1;
      update_count (self);
    }
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
  if (self->picture_match >= 0)
    {
      replace_in_picture (self);
      return;
    }
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

static void
forget_replace_all (BylineFindBar *self)
{
  if (self->last_replace_all == NULL)
    return;
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, forget_replace_all, self);
  g_clear_pointer (&self->last_replace_all, byline_replace_all_undo_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO_REPLACE_ALL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO_REPLACE_ALL]);
}

/* @undo is the last change of the story, until the next. */
static void
remember_replace_all (BylineFindBar        *self,
                      BylineReplaceAllUndo *undo)
{
  forget_replace_all (self);
  self->last_replace_all = byline_replace_all_undo_ref (undo);
  g_signal_connect_swapped (self->article, "changed", G_CALLBACK (forget_replace_all), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO_REPLACE_ALL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO_REPLACE_ALL]);
}

/* The headline, lead, body and the pictures' texts: a name misspelt in the
 * text is misspelt in the captions and credits too. */
static void
on_replace_all (BylineFindBar *self)
{
  g_autoptr(GRegex) regex = search_regex (self);
  g_autoptr(BylineArticle) before = self->article != NULL ? byline_article_copy (self->article) : NULL;
  BylineBodyBuffer *body = NULL;
  guint n = 0;

  leave_pictures (self);
  for (guint i = 0; i < self->n_fields; i++)
    {
      guint replaced = replace_all_in (self, i);

      if (replaced > 0 && BYLINE_IS_BODY_VIEW (self->fields[i].view))
        body = byline_body_view_get_body_buffer (BYLINE_BODY_VIEW (self->fields[i].view));
      n += replaced;
    }
  if (self->article != NULL && regex != NULL)
    n += replace_in_pictures (self, regex, NULL);
  update_count (self);
  if (n > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("Replaced %u match", "Replaced %u matches", n), n);
      AdwToast *toast = adw_toast_new (title);

      forget_replace_all (self);
      if (before != NULL)
        {
          g_autoptr(BylineReplaceAllUndo) undo = byline_replace_all_undo_new (self->article, before, body);

          byline_replace_all_undo_set_toast (undo, toast);
          remember_replace_all (self, undo);
        }
      byline_widget_show_toast (GTK_WIDGET (self), toast);
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

/* Every key typed changes the article: nothing to do while the bar is away. */
static void
on_article_changed (BylineFindBar *self)
{
  if (gtk_revealer_get_reveal_child (self->revealer))
    update_count (self);
}

void
byline_find_bar_set_article (BylineFindBar *self,
                             BylineArticle *article)
{
  g_return_if_fail (BYLINE_IS_FIND_BAR (self));
  g_return_if_fail (article == NULL || BYLINE_IS_ARTICLE (article));

  if (self->article == article)
    return;
  forget_replace_all (self);
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_data (self->article, self);
  g_set_object (&self->article, article);
  /* A caption typed while the bar is open changes the count. */
  if (article != NULL)
    g_signal_connect_object (article, "changed", G_CALLBACK (on_article_changed), self, G_CONNECT_SWAPPED);
  update_count (self);
}

gboolean
byline_find_bar_can_undo_replace_all (BylineFindBar *self)
{
  g_return_val_if_fail (BYLINE_IS_FIND_BAR (self), FALSE);
  return self->last_replace_all != NULL && !byline_replace_all_undo_is_done (self->last_replace_all);
}

gboolean
byline_find_bar_can_redo_replace_all (BylineFindBar *self)
{
  g_return_val_if_fail (BYLINE_IS_FIND_BAR (self), FALSE);
  return self->last_replace_all != NULL && byline_replace_all_undo_is_done (self->last_replace_all);
}

/* Ctrl+Z right after Replace All: all of it, in every field, as the
 * toast's Undo (Ctrl+Z in one field undid only that field's part). */
gboolean
byline_find_bar_undo_replace_all (BylineFindBar *self)
{
  g_autoptr(BylineReplaceAllUndo) undo = NULL;

  g_return_val_if_fail (BYLINE_IS_FIND_BAR (self), FALSE);

  if (!byline_find_bar_can_undo_replace_all (self))
    return FALSE;
  undo = byline_replace_all_undo_ref (self->last_replace_all);
  forget_replace_all (self);
  byline_replace_all_undo_undo (undo);
  /* Redone by Ctrl+Shift+Z, until the story changes. */
  remember_replace_all (self, undo);
  return TRUE;
}

/* Ctrl+Shift+Z right after that undo: all of it again. */
gboolean
byline_find_bar_redo_replace_all (BylineFindBar *self)
{
  g_autoptr(BylineReplaceAllUndo) undo = NULL;

  g_return_val_if_fail (BYLINE_IS_FIND_BAR (self), FALSE);

  if (!byline_find_bar_can_redo_replace_all (self))
    return FALSE;
  undo = byline_replace_all_undo_ref (self->last_replace_all);
  forget_replace_all (self);
  byline_replace_all_undo_redo (undo);
  remember_replace_all (self, undo);
  return TRUE;
}

void
byline_find_bar_reveal (BylineFindBar *self,
                        gboolean       replace)
{
  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  /* From the field the keyboard is in, else the body. */
  leave_pictures (self);
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
  /* Back to the field of the match, in the text or in a picture's row. */
  if (self->picture_match >= 0)
    {
      g_autoptr(GArray) matches = picture_matches (self);

      if (matches != NULL && self->picture_match < (int) matches->len)
        {
          const BylinePictureMatch *match = &g_array_index (matches, BylinePictureMatch, self->picture_match);

          gtk_revealer_set_reveal_child (self->revealer, FALSE);
          g_signal_emit (self, signals[SHOW_PICTURE_MATCH], 0,
                         byline_article_get_image (self->article, match->picture), (int) match->field,
                         match->start, match->end, TRUE);
          return;
        }
    }
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
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

/* Tab goes from the search to "Replace with" and its buttons, then to the
 * buttons of the search: the two texts a person types come one after the
 * other.  (GTK's own order goes by position, row by row.) */
static gboolean
byline_find_bar_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  BylineFindBar *self = BYLINE_FIND_BAR (widget);
  GtkWidget *order[] = {
    GTK_WIDGET (self->search_entry), GTK_WIDGET (self->replace_entry), self->replace_button,
    self->replace_all_button, self->previous_button, self->next_button, self->options_button,
    GTK_WIDGET (self->replace_toggle), self->close_button,
  };
  int n = G_N_ELEMENTS (order), current = -1, step;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (byline_find_bar_parent_class)->focus (widget, direction);

  for (int i = 0; i < n && focus != NULL; i++)
    if (focus == order[i] || gtk_widget_is_ancestor (focus, order[i]))
      current = i;
  /* Within the one that has it first (a part of it). */
  if (current >= 0 && gtk_widget_child_focus (order[current], direction))
    return TRUE;
  step = direction == GTK_DIR_TAB_FORWARD ? 1 : -1;
  for (int i = current >= 0 ? current + step : (step > 0 ? 0 : n - 1); i >= 0 && i < n; i += step)
    if (gtk_widget_get_mapped (order[i]) && gtk_widget_child_focus (order[i], direction))
      return TRUE;
  return FALSE;
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
byline_find_bar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BylineFindBar *self = BYLINE_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO_REPLACE_ALL:
      g_value_set_boolean (value, byline_find_bar_can_undo_replace_all (self));
      break;
    case PROP_CAN_REDO_REPLACE_ALL:
      g_value_set_boolean (value, byline_find_bar_can_redo_replace_all (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  object_class->get_property = byline_find_bar_get_property;
  widget_class->focus = byline_find_bar_focus;

  /**
   * BylineFindBar:can-undo-replace-all:
   *
   * Whether the last change of the story is a Replace All, which
   * byline_find_bar_undo_replace_all() undoes whole.
   */
  properties[PROP_CAN_UNDO_REPLACE_ALL] =
    g_param_spec_boolean ("can-undo-replace-all", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO_REPLACE_ALL] =
    g_param_spec_boolean ("can-redo-replace-all", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BylineFindBar::show-picture-match:
   * @image: (nullable): the BylineImage, or %NULL: no match in the pictures
   *   is the current one any more
   * @field: BYLINE_FIELD_CAPTION, _CREDIT or _ALT_TEXT
   * @start: the match's first character
   * @end: the character after it
   * @grab: whether the keyboard goes there (the bar is put away), or stays
   *   in the search
   *
   * A match in a picture's text is the current one: the window selects it
   * in the pictures panel.
   */
  signals[SHOW_PICTURE_MATCH] =
    g_signal_new ("show-picture-match", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 5,
                  BYLINE_TYPE_IMAGE, G_TYPE_INT, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bylinenews/Byline/byline-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, content);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, case_button);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, diacritics_button);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, replace_toggle);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, replace_button);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, replace_all_button);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, previous_button);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, next_button);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, options_button);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, close_button);
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

  self->picture_match = -1;
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
