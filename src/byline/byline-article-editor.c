/* byline-article-editor.c
 *
 * The headline and the lead are GtkTextViews over their own small buffers,
 * kept equal to the article's strings: typing sets the article, and a change
 * of the article from elsewhere (a restored version, an undo) is shown unless
 * it is only what the model's normalization made of the text typed (a
 * trailing space it drops, an accent it composes).  The body is a
 * BylineBodyView.  A BylineStoryPage scrolls the three as one page, the body
 * through its own adjustment so that a long story costs only what shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-article-editor-private.h"
#include "byline-document.h"
#include "byline-find-bar.h"
#include "byline-menu-button.h"
#include "byline-spelling.h"
#include "byline-story-page.h"
#include "byline-text-field.h"
#include "byline-widget-util.h"

#define STATUS_DELAY_MS 200

G_DEFINE_FINAL_TYPE (BylineArticleEditor, byline_article_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --------------------------------------------------------------- scrolling */

void
byline_article_editor_scroll_to_block (BylineArticleEditor *self,
                                       guint                index)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_EDITOR (self));

  byline_body_view_scroll_to_block (self->body_view, index);
}

static void
on_body_mark_set (BylineArticleEditor *self,
                  const GtkTextIter   *location,
                  GtkTextMark         *mark)
{
  /* GtkTextView keeps the cursor in sight itself. */
  if (mark == gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->body_buffer)))
    _byline_article_editor_update_actions (self);
}

/* Typing moves the cursor with the text, without a mark-set (the buffer
 * does not place it again after a key): out of a figure into the paragraph
 * typed after it, say.  The tools follow once the edit is whole. */
static void
on_body_user_action_ended (BylineArticleEditor *self)
{
  _byline_article_editor_update_actions (self);
}

static void
on_field_focus_enter (BylineArticleEditor *self)
{
  /* The headline and lead are at the top of the page. */
  byline_story_page_scroll_to_top (self->page);
}

/* ------------------------------------------------------------------- status */

static void
update_count_label (GtkLabel   *label,
                    const char *text,
                    guint       limit)
{
  guint length = g_utf8_strlen (text, -1);
  g_autofree char *count = NULL;

  if (length > limit)
    {
      count = g_strdup_printf (ngettext ("%u / %u — %u character too many",
                                         "%u / %u — %u characters too many",
                                         length - limit),
                               length, limit, length - limit);
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
    }
  else
    {
      count = g_strdup_printf ("%u / %u", length, limit);
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
    }
  gtk_label_set_text (label, count);
  gtk_widget_set_visible (GTK_WIDGET (label), length > 0);
}

static char *
format_count (guint n)
{
  return byline_format_number (n, NULL);
}

static void
update_status (BylineArticleEditor *self)
{
  BylineArticle *article;
  BylineBody *body;
  guint words, chars, minutes;
  g_autofree char *words_str = NULL, *chars_str = NULL;
  g_autofree char *words_text = NULL, *chars_text = NULL, *minutes_text = NULL;

  g_clear_handle_id (&self->status_timeout, g_source_remove);
  if (self->document == NULL)
    return;

  article = byline_document_get_article (self->document);
  body = byline_article_get_body (article);
  words = byline_article_count_words (article);
  chars = g_utf8_strlen (byline_article_get_headline (article), -1)
          + g_utf8_strlen (byline_article_get_lead (article), -1)
          + byline_body_count_chars (body);
  minutes = words > 0 ? byline_text_reading_minutes (words, g_settings_get_uint (self->settings,
                                                                                 "words-per-minute"))
                      : 0;
  words_str = format_count (words);
  chars_str = format_count (chars);
  words_text = g_strdup_printf (ngettext ("%s word", "%s words", words), words_str);
  chars_text = g_strdup_printf (ngettext ("%s character", "%s characters", chars), chars_str);
  minutes_text = g_strdup_printf (ngettext ("%u min read", "%u min read", minutes), minutes);

  g_free (self->status_text);
  self->status_text = g_strdup_printf ("%s · %s · %s", words_text, chars_text, minutes_text);
  gtk_label_set_text (self->status_label, self->status_text);

}

static gboolean
on_status_timeout (gpointer data)
{
  BylineArticleEditor *self = data;

  self->status_timeout = 0;
  update_status (self);
  return G_SOURCE_REMOVE;
}

static void
on_article_changed (BylineArticleEditor *self)
{
  /* Counting a long story on every key press is wasted work: wait for a pause. */
  if (self->status_timeout == 0)
    self->status_timeout = g_timeout_add (STATUS_DELAY_MS, on_status_timeout, self);
}

/* --------------------------------------------------------- headline, lead */

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Shows @value in @view unless the view already says it (up to normalization). */
static void
show_field (BylineArticleEditor *self,
            GtkTextView         *view,
            const char          *value,
            gboolean             one_line,
            gboolean            *updating)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *text = dup_buffer_text (buffer);
  g_autofree char *normal = one_line ? byline_text_normalize_line (text, -1)
                                     : byline_text_normalize (text, -1);

  if (g_strcmp0 (normal, value) == 0)
    return;
  *updating = TRUE;
  gtk_text_buffer_set_text (buffer, value, -1);
  *updating = FALSE;
}

static void
update_headline_count (BylineArticleEditor *self)
{
  const char *headline = self->document ? byline_article_get_headline (byline_document_get_article (self->document)) : "";

  update_count_label (self->headline_count, headline, g_settings_get_uint (self->settings, "headline-limit"));
}

static void
update_lead_count (BylineArticleEditor *self)
{
  const char *lead = self->document ? byline_article_get_lead (byline_document_get_article (self->document)) : "";

  update_count_label (self->lead_count, lead, g_settings_get_uint (self->settings, "lead-limit"));
}

static void
on_article_headline (BylineArticleEditor *self)
{
  show_field (self, self->headline_view,
              byline_article_get_headline (byline_document_get_article (self->document)),
              TRUE, &self->updating_headline);
  update_headline_count (self);
}

static void
on_article_lead (BylineArticleEditor *self)
{
  show_field (self, self->lead_view,
              byline_article_get_lead (byline_document_get_article (self->document)),
              FALSE, &self->updating_lead);
  update_lead_count (self);
}

static void
on_headline_buffer_changed (BylineArticleEditor *self,
                            GtkTextBuffer       *buffer)
{
  g_autofree char *text = dup_buffer_text (buffer);

  if (self->updating_headline || self->document == NULL)
    return;
  self->updating_headline = TRUE;
  byline_article_set_headline (byline_document_get_article (self->document), text);
  self->updating_headline = FALSE;
}

static void
on_lead_buffer_changed (BylineArticleEditor *self,
                        GtkTextBuffer       *buffer)
{
  g_autofree char *text = dup_buffer_text (buffer);

  if (self->updating_lead || self->document == NULL)
    return;
  self->updating_lead = TRUE;
  byline_article_set_lead (byline_document_get_article (self->document), text);
  self->updating_lead = FALSE;
}

static void
on_headline_insert_text (GtkTextBuffer       *buffer,
                         GtkTextIter         *location,
                         const char          *text,
                         int                  len,
                         BylineArticleEditor *self)
{
  g_autofree char *one_line = NULL;

  if (memchr (text, '\n', len) == NULL && memchr (text, '\r', len) == NULL)
    return;
  g_signal_stop_emission_by_name (buffer, "insert-text");

  /* Enter goes on to the lead; pasted lines become one. */
  if ((len == 1 && text[0] == '\n') || (len == 2 && text[0] == '\r'))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->lead_view));
      return;
    }
  one_line = g_strndup (text, len);
  g_strdelimit (one_line, "\r\n", ' ');
  gtk_text_buffer_insert (buffer, location, one_line, -1);
}

/* Nothing written yet: no headline, lead, text or picture. */
static gboolean
story_is_empty (BylineArticle *article)
{
  BylineBody *body = byline_article_get_body (article);

  if (!byline_text_is_blank (byline_article_get_headline (article))
      || !byline_text_is_blank (byline_article_get_lead (article))
      || byline_article_get_n_images (article) > 0)
    return FALSE;
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    if (!byline_text_is_blank (byline_block_get_text (byline_body_get_block (body, i))))
      return FALSE;
  return TRUE;
}

/* A whole story copied in a word processor and pasted where a new story
 * starts, in its headline: taken apart as opening the document would,
 * not all of it made the headline's one line, its pictures lost. */
static void
on_headline_paste (BylineArticleEditor *self,
                   GtkTextView         *view)
{
  if (self->document != NULL && story_is_empty (byline_document_get_article (self->document))
      && byline_body_view_paste_story (self->body_view, view))
    g_signal_stop_emission_by_name (view, "paste-clipboard");
}

/* The same story dragged there (from LibreOffice, a web page, a text
 * editor) is taken apart the same way, not made a headline. */
static gboolean
on_headline_drop_accept (BylineArticleEditor *self,
                         GdkDrop             *drop)
{
  return self->document != NULL && story_is_empty (byline_document_get_article (self->document))
         && gtk_text_view_get_editable (self->headline_view);
}

static gboolean
on_headline_drop (BylineArticleEditor *self,
                  GdkDrop             *drop)
{
  byline_text_view_hide_drop_caret (self->headline_view);
  return byline_body_view_drop_story (self->body_view, self->headline_view, drop);
}

static gboolean
on_lead_key_pressed (BylineArticleEditor   *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  /* Enter at the end of the lead goes on to the body. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
      && (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) == 0)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->lead_view);
      GtkTextIter cursor;

      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      if (gtk_text_iter_is_end (&cursor))
        {
          byline_article_editor_focus_body (self);
          return TRUE;
        }
    }
  return FALSE;
}

/* -------------------------------------------------------------- document */

static void
on_selected_image (BylineArticleEditor *self)
{
  BylineImage *image = byline_document_get_selected_image (self->document);
  guint cursor_block;
  int block;

  if (image == NULL)
    return;
  block = byline_body_buffer_find_image (self->body_buffer, byline_image_get_id (image));
  if (block < 0)
    return;
  /* The cursor is in the figure already: it selected it by being put there,
   * and the view stays where it is; unless the figure was scrolled away since
   * and its picture is chosen again (in the caption panel). */
  if (byline_body_buffer_locate_cursor (self->body_buffer, &cursor_block, NULL)
      && cursor_block == (guint) block)
    {
      if (!byline_body_view_block_in_sight (self->body_view, block))
        byline_article_editor_scroll_to_block (self, block);
      return;
    }
  {
    GtkTextIter iter;

    byline_body_buffer_reach_block (self->body_buffer, &iter, block, 0);
    gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->body_buffer), &iter);
  }
  byline_article_editor_scroll_to_block (self, block);
}

static void
on_settings_changed (BylineArticleEditor *self)
{
  update_headline_count (self);
  update_lead_count (self);
  update_status (self);
}

BylineDocument *
byline_article_editor_get_document (BylineArticleEditor *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_EDITOR (self), NULL);
  return self->document;
}

static void
attach_spelling (BylineArticleEditor *self)
{
  const char *language = byline_article_get_language (byline_document_get_article (self->document));

  byline_spelling_attach (self->headline_view, language);
  byline_spelling_attach (self->lead_view, language);
  byline_spelling_attach (GTK_TEXT_VIEW (self->body_view), language);
}

void
byline_article_editor_set_document (BylineArticleEditor *self,
                                    BylineDocument      *document)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_EDITOR (self));
  g_return_if_fail (document == NULL || BYLINE_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (byline_document_get_article (self->document), self);
      g_signal_handlers_disconnect_by_data (self->document, self);
    }
  g_set_object (&self->document, document);
  byline_body_view_set_document (self->body_view, document);
  byline_find_bar_set_article (self->find_bar, document != NULL ? byline_document_get_article (document) : NULL);

  if (document != NULL)
    {
      BylineArticle *article = byline_document_get_article (document);

      g_signal_connect_swapped (article, "notify::headline", G_CALLBACK (on_article_headline), self);
      g_signal_connect_swapped (article, "notify::lead", G_CALLBACK (on_article_lead), self);
      g_signal_connect_swapped (article, "changed", G_CALLBACK (on_article_changed), self);
      g_signal_connect_swapped (document, "notify::selected-image", G_CALLBACK (on_selected_image), self);
      g_signal_connect_swapped (article, "notify::language", G_CALLBACK (attach_spelling), self);
      attach_spelling (self);

      self->updating_headline = self->updating_lead = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->headline_view),
                                byline_article_get_headline (article), -1);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->lead_view),
                                byline_article_get_lead (article), -1);
      self->updating_headline = self->updating_lead = FALSE;
      update_headline_count (self);
      update_lead_count (self);
      update_status (self);
      byline_story_page_scroll_to_top (self->page);
    }

  _byline_article_editor_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GtkTextView *
byline_article_editor_get_headline_view (BylineArticleEditor *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_EDITOR (self), NULL);
  return self->headline_view;
}

GtkTextView *
byline_article_editor_get_lead_view (BylineArticleEditor *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_EDITOR (self), NULL);
  return self->lead_view;
}

BylineBodyView *
byline_article_editor_get_body_view (BylineArticleEditor *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_EDITOR (self), NULL);
  return self->body_view;
}

BylineFindBar *
byline_article_editor_get_find_bar (BylineArticleEditor *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_EDITOR (self), NULL);
  return self->find_bar;
}

const char *
byline_article_editor_get_status_text (BylineArticleEditor *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_EDITOR (self), NULL);

  if (self->status_timeout != 0)
    update_status (self);
  return self->status_text;
}

void
byline_article_editor_focus_headline (BylineArticleEditor *self)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->headline_view));
}

void
byline_article_editor_focus_body (BylineArticleEditor *self)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

/* ------------------------------------------------------------------ GObject */

static void
byline_article_editor_dispose (GObject *object)
{
  BylineArticleEditor *self = BYLINE_ARTICLE_EDITOR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->status_timeout, g_source_remove);
  byline_article_editor_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_ARTICLE_EDITOR);
  /* The template's unnamed children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (byline_article_editor_parent_class)->dispose (object);
}

static void
byline_article_editor_finalize (GObject *object)
{
  BylineArticleEditor *self = BYLINE_ARTICLE_EDITOR (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->status_text, g_free);

  G_OBJECT_CLASS (byline_article_editor_parent_class)->finalize (object);
}

static void
byline_article_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BylineArticleEditor *self = BYLINE_ARTICLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_article_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BylineArticleEditor *self = BYLINE_ARTICLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: byline_article_editor_set_document (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_article_editor_class_init (BylineArticleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_article_editor_dispose;
  object_class->finalize = byline_article_editor_finalize;
  object_class->get_property = byline_article_editor_get_property;
  object_class->set_property = byline_article_editor_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, BYLINE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BYLINE_TYPE_BODY_VIEW);
  g_type_ensure (BYLINE_TYPE_FIND_BAR);
  g_type_ensure (BYLINE_TYPE_STORY_PAGE);
  g_type_ensure (BYLINE_TYPE_TEXT_FIELD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bylinenews/Byline/byline-article-editor.ui");
  gtk_widget_class_set_css_name (widget_class, "articleeditor");
  gtk_widget_class_bind_template_child (widget_class, BylineArticleEditor, style_button);
  gtk_widget_class_bind_template_child_full (widget_class, "style_menu", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, BylineArticleEditor, more_button);
  gtk_widget_class_bind_template_child_full (widget_class, "more_menu", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, BylineArticleEditor, toolbar_scroller);
  gtk_widget_class_bind_template_child (widget_class, BylineArticleEditor, find_bar);
  gtk_widget_class_bind_template_child (widget_class, BylineArticleEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, BylineArticleEditor, page);
  gtk_widget_class_bind_template_child (widget_class, BylineArticleEditor, headline_view);
  gtk_widget_class_bind_template_child (widget_class, BylineArticleEditor, headline_count);
  gtk_widget_class_bind_template_child (widget_class, BylineArticleEditor, lead_view);
  gtk_widget_class_bind_template_child (widget_class, BylineArticleEditor, lead_count);
  gtk_widget_class_bind_template_child (widget_class, BylineArticleEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, BylineArticleEditor, status_label);

  _byline_article_editor_class_init_actions (widget_class);
}

static void
byline_article_editor_init (BylineArticleEditor *self)
{
  GtkEventController *key;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Its popover has a widget per style: made when first opened. */
  byline_menu_button_set_menu_on_first_use (
    self->style_button,
    G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (self), BYLINE_TYPE_ARTICLE_EDITOR, "style_menu")));
  byline_menu_button_set_menu_on_first_use (
    self->more_button,
    G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (self), BYLINE_TYPE_ARTICLE_EDITOR, "more_menu")));

  self->settings = g_settings_new (APPLICATION_ID);
  self->body_buffer = byline_body_view_get_body_buffer (self->body_view);

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->headline_view), "changed",
                           G_CALLBACK (on_headline_buffer_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->headline_view, "paste-clipboard",
                           G_CALLBACK (on_headline_paste), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->headline_view), "insert-text",
                           G_CALLBACK (on_headline_insert_text), self, 0);
  g_signal_connect_object (gtk_text_view_get_buffer (self->lead_view), "changed",
                           G_CALLBACK (on_lead_buffer_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body_buffer, "mark-set",
                           G_CALLBACK (on_body_mark_set), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body_buffer, "end-user-action",
                           G_CALLBACK (on_body_user_action_ended), self, G_CONNECT_SWAPPED);

  {
    GtkDropTargetAsync *drop;

    drop = gtk_drop_target_async_new (byline_body_view_new_paste_formats (TRUE), GDK_ACTION_COPY);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop), GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (drop, "accept", G_CALLBACK (on_headline_drop_accept), self);
    g_signal_connect_swapped (drop, "drop", G_CALLBACK (on_headline_drop), self);
    gtk_widget_add_controller (GTK_WIDGET (self->headline_view), GTK_EVENT_CONTROLLER (drop));
  }

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (on_lead_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->lead_view), key);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_field_focus_enter), self);
  gtk_widget_add_controller (GTK_WIDGET (self->headline_view), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_field_focus_enter), self);
  gtk_widget_add_controller (GTK_WIDGET (self->lead_view), focus);

  byline_find_bar_add_view (self->find_bar, self->headline_view);
  byline_find_bar_add_view (self->find_bar, self->lead_view);
  byline_find_bar_add_view (self->find_bar, GTK_TEXT_VIEW (self->body_view));
  _byline_article_editor_init_actions (self);
  update_status (self);
}
