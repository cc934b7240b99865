/* byline-body-view-story-paste.c — a whole story pasted into an empty one
 *
 * Pasted or dropped into an empty story's headline, a whole story (from a
 * word processor, a web page, a mail or a chat) is taken apart as the
 * document would open: headline, lead, source prefix, byline, dateline, and
 * its text in the body.  What is not a story goes into the headline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "byline-article.h"
#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-body-view-paste-private.h"
#include "byline-document.h"
#include "byline-html.h"
#include "byline-import.h"
#include "byline-text.h"
#include "byline-web-page.h"

/* A whole story pasted into an empty one: its headline, lead, source
 * prefix, byline and dateline, as the document would open (the story's
 * own left as they are, where it has them); its text goes into the body. */
void
_byline_paste_take_story_fields (BylineBodyView *self,
                                 BylineArticle  *story)
{
  BylineArticle *article = byline_document_get_article (byline_body_view_get_document (self));
  const char * const *authors = byline_article_get_authors (article);
  GtkTextIter start;

  if (byline_text_is_blank (byline_article_get_headline (article)))
    byline_article_set_headline (article, byline_article_get_headline (story));
  if (byline_text_is_blank (byline_article_get_lead (article)))
    byline_article_set_lead (article, byline_article_get_lead (story));
  if (byline_text_is_blank (byline_article_get_source_prefix (article)))
    byline_article_set_source_prefix (article, byline_article_get_source_prefix (story));
  if (byline_text_is_blank (byline_article_get_dateline (article)))
    byline_article_set_dateline (article, byline_article_get_dateline (story));
  if ((authors == NULL || authors[0] == NULL) && byline_article_get_authors (story) != NULL)
    byline_article_set_authors (article, byline_article_get_authors (story));
  /* The text goes at the body's start: the cursor was in the headline. */
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (byline_body_view_get_body_buffer (self)), &start);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (byline_body_view_get_body_buffer (self)), &start);
}

/* The text blocks of @body. */
static guint
count_text_blocks (BylineBody *body)
{
  guint n = 0;

  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    if (byline_block_kind_is_text (byline_block_get_kind (byline_body_get_block (body, i))))
      n++;
  return n;
}

typedef struct
{
  BylineBodyView *view;
  GtkTextView    *field;
  BylinePaste          *from;
} StoryPaste;

static void
story_paste_free (StoryPaste *paste)
{
  g_object_unref (paste->view);
  g_object_unref (paste->field);
  _byline_paste_unref (paste->from);
  g_free (paste);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StoryPaste, story_paste_free)

static StoryPaste *
story_paste_new (GtkTextView *field,
                 BylinePaste *from)
{
  StoryPaste *paste = g_new0 (StoryPaste, 1);

  paste->view = g_object_ref (from->view);
  paste->field = g_object_ref (field);
  paste->from = _byline_paste_ref (from);
  return paste;
}

/* Not a story: the text goes into the field, as GtkTextView would put it. */
static void
paste_into_field (StoryPaste *paste,
                  const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (paste->field);

  if (paste->from->drop == NULL)
    gtk_text_buffer_paste_clipboard (buffer, paste->from->clipboard, NULL, TRUE);
  else if (text != NULL && *text != '\0')
    paste->from->pasted = gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
}

/* Text pasted whole into an empty story's headline (a story from a mail, a
 * chat, a text editor): a story when it has three lines or more, or two
 * paragraphs (byline_text_prepare_pasted_story()); else the headline's. */
static void
on_story_text_read (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(StoryPaste) paste = user_data;
  const GValue *value = _byline_paste_read_value_finish (object, result, NULL);
  const char *text = value != NULL ? g_value_get_string (value) : NULL;
  g_autofree char *prepared = text != NULL ? byline_text_prepare_pasted_story (text) : NULL;
  g_autoptr(BylineArticle) story = NULL;

  if (byline_body_view_get_document (paste->view) == NULL)
    return;
  if (prepared != NULL)
    {
      gsize length = strlen (prepared);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&prepared), length);

      story = byline_import_read_full (bytes, _("Pasted Text"), NULL, NULL, NULL, NULL);
    }
  if (story == NULL)
    {
      paste_into_field (paste, text);
      return;
    }
  _byline_paste_take_story_fields (paste->view, story);
  byline_body_buffer_paste_body (byline_body_view_get_body_buffer (paste->view), byline_article_get_body (story),
                                 NULL, NULL);
  paste->from->pasted = TRUE;
  gtk_widget_grab_focus (GTK_WIDGET (paste->view));
}

static void
read_story_text (StoryPaste *paste)
{
  BylinePaste *from = paste->from;

  if (from->drop != NULL)
    gdk_drop_read_value_async (from->drop, G_TYPE_STRING, G_PRIORITY_DEFAULT, NULL, on_story_text_read, paste);
  else
    gdk_clipboard_read_value_async (from->clipboard, G_TYPE_STRING, G_PRIORITY_DEFAULT, NULL,
                                    on_story_text_read, paste);
}

/* The story a page's piece holds, its @n_pictures pictures left out: FALSE
 * when it is none. */
gboolean
_byline_paste_page_story (BylinePaste *paste,
                          GBytes      *bytes,
                          guint        n_pictures)
{
  BylineBodyView *self = paste->view;
  g_autoptr(BylineArticle) story = byline_html_import_selection (bytes, NULL);

  if (story == NULL)
    return FALSE;
  _byline_paste_take_story_fields (self, story);
  byline_body_buffer_paste_body (byline_body_view_get_body_buffer (self), byline_article_get_body (story),
                                 NULL, NULL);
  paste->pasted = TRUE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  _byline_paste_show_pictures_left_out (self, n_pictures);
  return TRUE;
}

/* A web page's piece pasted whole into an empty story's headline: a story
 * when it has two paragraphs or more, its headline the page's <h1> or else
 * its first paragraph; one paragraph stays the headline's (the field's). */
static void
on_story_html_read (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(StoryPaste) paste = user_data;
  BylineBodyView *self = paste->view;
  g_autoptr(GBytes) bytes = _byline_paste_read_bytes_finish (result, NULL);
  g_autoptr(BylineBody) blocks = byline_body_new ();
  guint n_pictures = 0;
  gboolean story;

  if (bytes == NULL || byline_body_view_get_document (self) == NULL)
    return;
  byline_html_paste_full (blocks, 0, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &n_pictures);
  story = count_text_blocks (blocks) >= 2;
  if (story && n_pictures > 0 && byline_web_page_has_pictures (bytes, paste->from->page_uri))
    /* Its pictures are the site's: downloaded, the story read in a thread. */
    _byline_paste_web_piece (paste->from, bytes, TRUE);
  else if (!story || !_byline_paste_page_story (paste->from, bytes, n_pictures))
    /* Its text may still be a story (a chat's lines in <br>s). */
    read_story_text (g_steal_pointer (&paste));
}

static gboolean
paste_story_from (BylinePaste       *from,
                  GtkTextView       *field,
                  GdkContentFormats *formats)
{
  const char *type;

  if (byline_body_view_get_document (from->view) == NULL)
    return FALSE;
  if ((type = _byline_paste_find_piece_type (formats)) != NULL)
    _byline_paste_piece (from, formats, type, NULL, FALSE, TRUE);
  else if (gdk_content_formats_contain_mime_type (formats, "text/html"))
    _byline_paste_read_page_async (from, formats, on_story_html_read, story_paste_new (field, from));
  else if (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    read_story_text (story_paste_new (field, from));
  else
    return FALSE;
  return TRUE;
}

gboolean
byline_body_view_paste_story (BylineBodyView *self,
                              GtkTextView    *field)
{
  g_autoptr(BylinePaste) from = NULL;
  g_autoptr(GdkContentFormats) formats = NULL;

  g_return_val_if_fail (BYLINE_IS_BODY_VIEW (self), FALSE);
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (field), FALSE);

  from = _byline_paste_new (self, NULL);
  formats = gdk_content_formats_union_deserialize_gtypes (gdk_content_formats_ref (gdk_clipboard_get_formats (from->clipboard)));
  return paste_story_from (from, field, formats);
}

gboolean
byline_body_view_drop_story (BylineBodyView *self,
                             GtkTextView    *field,
                             GdkDrop        *drop)
{
  g_autoptr(BylinePaste) from = NULL;
  g_autoptr(GdkContentFormats) formats = NULL;

  g_return_val_if_fail (BYLINE_IS_BODY_VIEW (self), FALSE);
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (field), FALSE);
  g_return_val_if_fail (GDK_IS_DROP (drop), FALSE);

  from = _byline_paste_new (self, drop);
  formats = gdk_content_formats_union_deserialize_gtypes (gdk_content_formats_ref (gdk_drop_get_formats (drop)));
  return paste_story_from (from, field, formats);
}
