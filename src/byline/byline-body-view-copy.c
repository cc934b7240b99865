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

gboolean
_byline_body_view_copy_clipboard (BylineBodyView *self,
                                  gboolean        cut)
{
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (self);
  BylineDocument *document = byline_body_view_get_document (self);
  g_autoptr(BylineArticle) piece = _byline_body_view_dup_selection_piece (self);
  g_autoptr(GBytes) own = NULL;
  g_autoptr(GBytes) html_bytes = NULL;
  g_autoptr(GdkContentProvider) content = NULL;
  g_autofree char *media_base = NULL;
  g_autofree char *text = NULL;
  BylineHtmlOptions options = { NULL, TRUE };
  GdkContentProvider *providers[3];
  char *html;

  if (piece == NULL)
    return FALSE;

  /* Byline's own, then a page and the text for other programs. */
  own = byline_clip_serialize (piece);
  media_base = dup_media_base (document);
  options.media_base = media_base;
  html = byline_html_export_body (piece, &options);
  html_bytes = g_bytes_new_take (html, strlen (html));
  text = byline_clip_dup_text (piece);
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
