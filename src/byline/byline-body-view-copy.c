/* byline-body-view-copy.c — what the body view puts on the clipboard
 *
 * GtkTextView copies text: a story's pictures were lost between two
 * drafts, an empty line in the place of each.  Copy and Cut put the
 * selection on the clipboard as Byline's own piece (byline-clip.h: a draft
 * of it, with where its pictures' files are), which a paste into another
 * story takes whole (byline-body-view-paste.c), and as a page and text for
 * other programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include "byline-article.h"
#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-body-view-private.h"
#include "byline-clip.h"
#include "byline-document.h"
#include "byline-draft-store.h"
#include "byline-html.h"

/* Where other programs find the pictures of the HTML copied: the draft's
 * media folder (as file:// URIs, which LibreOffice and mail programs read). */
static char *
dup_media_base (BylineDocument *document)
{
  BylineArticle *article = byline_document_get_article (document);
  g_autoptr(GFile) folder = byline_draft_store_get_draft_folder (byline_document_get_store (document),
                                                                 byline_article_get_id (article));
  g_autoptr(GFile) media = folder != NULL ? g_file_get_child (folder, "media") : NULL;
  g_autofree char *uri = media != NULL ? g_file_get_uri (media) : NULL;

  return uri != NULL ? g_strconcat (uri, "/", NULL) : NULL;
}

BylineArticle *
_byline_body_view_dup_selection_piece (BylineBodyView *self)
{
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (self);
  BylineDocument *document = byline_body_view_get_document (self);
  g_autoptr(BylineArticle) piece = NULL;
  GtkTextIter start, end;
  guint from_block, from_offset, to_block, to_offset;

  if (document == NULL || !gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (buffer), &start, &end)
      || !byline_body_buffer_locate (buffer, &start, &from_block, &from_offset)
      || !byline_body_buffer_locate (buffer, &end, &to_block, &to_offset))
    return NULL;
  piece = byline_clip_cut_piece (byline_document_get_article (document), from_block, from_offset,
                                 to_block, to_offset);
  if (byline_body_get_n_blocks (byline_article_get_body (piece)) == 0)
    return NULL;
  return g_steal_pointer (&piece);
}

/* A page, not a piece of one: LibreOffice pastes a fragment's figure
 * without the caption before its credit, and the charset is said. */
static char *
wrap_page (const char *body)
{
  return g_strconcat ("<html><head><meta charset=\"utf-8\"></head><body>\n", body, "</body></html>\n", NULL);
}

/* The selection as Byline's own piece, as a page whose pictures are the
 * draft's files, and as text, those asked for (not NULL); FALSE when
 * nothing is selected. */
static gboolean
dup_selection (BylineBodyView  *self,
               GBytes         **own,
               GBytes         **page,
               char           **text)
{
  g_autoptr(BylineArticle) piece = _byline_body_view_dup_selection_piece (self);
  g_autofree char *media_base = NULL;
  g_autofree char *body = NULL;
  BylineHtmlOptions options = { NULL, TRUE };
  char *html;

  if (piece == NULL)
    return FALSE;
  if (own != NULL)
    *own = byline_clip_serialize (piece);
  if (page != NULL)
    {
      media_base = dup_media_base (byline_body_view_get_document (self));
      options.media_base = media_base;
      body = byline_html_export_body (piece, &options);
      html = wrap_page (body);
      *page = g_bytes_new_take (html, strlen (html));
    }
  if (text != NULL)
    *text = byline_clip_dup_text (piece);
  return TRUE;
}

gboolean
_byline_body_view_copy_clipboard (BylineBodyView *self,
                                  gboolean        cut)
{
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (self);
  g_autoptr(GBytes) own = NULL;
  g_autoptr(GBytes) html_bytes = NULL;
  g_autoptr(GdkContentProvider) content = NULL;
  g_autofree char *text = NULL;
  GdkContentProvider *providers[3];

  /* Byline's own, then a page and the text for other programs. */
  if (!dup_selection (self, &own, &html_bytes, &text))
    return FALSE;
  providers[0] = gdk_content_provider_new_for_bytes (BYLINE_CLIP_MIME_TYPE, own);
  providers[1] = gdk_content_provider_new_for_bytes ("text/html", html_bytes);
  providers[2] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  content = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), content);

  if (cut)
    gtk_text_buffer_delete_selection (GTK_TEXT_BUFFER (buffer), TRUE,
                                      gtk_text_view_get_editable (GTK_TEXT_VIEW (self)));
  return TRUE;
}

/* --------------------------------------------------------- dragged out
 *
 * GtkTextView drags its selection as its buffer, which GTK offers other
 * programs as text only: a paragraph and its photo dragged into a word
 * processor or a mail arrived as words.  A drag's formats are its
 * content's, and what GDK can turn its types into: these serializers turn
 * a text buffer into Byline's own piece and a page, as Copy offers them.
 * They are GTK's for every text buffer (GDK knows types, not instances):
 * another view's words (the headline's) go as a page of their text, and
 * as no piece; pasted in Byline, they are GtkTextView's text paste
 * (byline-body-view-paste.c). */

static void
on_written (GObject      *stream,
            GAsyncResult *result,
            gpointer      data)
{
  GdkContentSerializer *serializer = data;
  GError *error = NULL;

  if (g_output_stream_write_all_finish (G_OUTPUT_STREAM (stream), result, NULL, &error))
    gdk_content_serializer_return_success (serializer);
  else
    gdk_content_serializer_return_error (serializer, error);
}

/* Another text view's selected words, as a page: a paragraph a line. */
static GBytes *
text_page (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) paragraphs = g_string_new (NULL);
  char *page;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_iter_get_visible_text (&start, &end);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

      g_string_append_printf (paragraphs, "<p>%s</p>\n", escaped);
    }
  page = wrap_page (paragraphs->str);
  return g_bytes_new_take (page, strlen (page));
}

static void
serialize_selection (GdkContentSerializer *serializer)
{
  GtkTextBuffer *buffer = g_value_get_object (gdk_content_serializer_get_value (serializer));
  gboolean page = g_str_equal (gdk_content_serializer_get_mime_type (serializer), "text/html");
  BylineBodyView *view = buffer != NULL ? _byline_body_view_for_buffer (buffer) : NULL;
  GBytes *bytes = NULL;

  /* Only the format asked for is made: a drop target asks for one. */
  if (view == NULL || !dup_selection (view, page ? NULL : &bytes, page ? &bytes : NULL, NULL))
    {
      /* A story's body with nothing selected any more has nothing to give. */
      if (!page || buffer == NULL || view != NULL)
        {
          gdk_content_serializer_return_error (serializer,
                                               g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                                    "Not a story's text"));
          return;
        }
      bytes = text_page (buffer);
    }
  gdk_content_serializer_set_task_data (serializer, bytes, (GDestroyNotify) g_bytes_unref);
  g_output_stream_write_all_async (gdk_content_serializer_get_output_stream (serializer),
                                   g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   gdk_content_serializer_get_priority (serializer),
                                   gdk_content_serializer_get_cancellable (serializer),
                                   on_written, serializer);
}

void
_byline_body_view_register_serializers (void)
{
  gdk_content_register_serializer (GTK_TYPE_TEXT_BUFFER, BYLINE_CLIP_MIME_TYPE, serialize_selection, NULL, NULL);
  gdk_content_register_serializer (GTK_TYPE_TEXT_BUFFER, "text/html", serialize_selection, NULL, NULL);
}
