/* byline-body-view-piece.c — a piece of a document or a page, pasted whole
 *
 * A word processor's piece (LibreOffice's OpenDocument package, Rich Text),
 * Byline's own (byline-clip.h) or a web page whose pictures are the site's
 * is read in a thread: its pictures are downloaded where they are a site's
 * and copied into the draft with their captions, credits and alt texts,
 * then the piece is pasted as one step.  Pictures that cannot be taken are
 * named.
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
#include "byline-draft-store.h"
#include "byline-error.h"
#include "byline-image.h"
#include "byline-import.h"
#include "byline-text.h"
#include "byline-web-page.h"
#include "byline-widget-util.h"
#include "byline-clip.h"

/* LibreOffice's description of its piece, which names the document it comes from. */
#define OPENDOCUMENT_DESCRIPTOR "application/x-openoffice-objectdescriptor-xml"

/* A web page's pictures that could not be downloaded (gone from the site,
 * no connection), or were @skipped, by their names. */
static char *
describe_not_downloaded (const char * const *names,
                         gboolean            skipped)
{
  guint n = g_strv_length ((char **) names);
  g_autofree char *shown = NULL;

  shown = g_strjoinv (", ", (char **) names);
  if (n > 3)
    {
      g_autofree char *three = NULL;
      const char *first[] = { names[0], names[1], names[2], "…", NULL };

      three = g_strjoinv (", ", (char **) first);
      g_free (shown);
      shown = g_steal_pointer (&three);
    }
  if (skipped)
    return g_strdup_printf (ngettext ("%u picture of the page was not downloaded (%s): save it from the browser, "
                                      "then add it with Add Pictures",
                                      "%u pictures of the page were not downloaded (%s): save them from the "
                                      "browser, then add them with Add Pictures", n),
                            n, shown);
  return g_strdup_printf (ngettext ("%u picture of the page could not be downloaded (%s): save it from the browser, "
                                    "then add it with Add Pictures",
                                    "%u pictures of the page could not be downloaded (%s): save them from the "
                                    "browser, then add them with Add Pictures", n),
                          n, shown);
}

/* The document a piece comes from, which names its pictures: LibreOffice
 * says it in its descriptor's type (displayname="file:///…/Lũ quét.docx"). */
static char *
dup_piece_source (GdkContentFormats *formats)
{
  const char *descriptor = _byline_paste_find_type (formats, OPENDOCUMENT_DESCRIPTOR);
  const char *name = descriptor != NULL ? strstr (descriptor, "displayname=\"") : NULL;
  const char *end = name != NULL ? strchr (name + strlen ("displayname=\""), '"') : NULL;

  if (end != NULL)
    {
      g_autofree char *uri = g_strndup (name + strlen ("displayname=\""), end - name - strlen ("displayname=\""));
      g_autofree char *scheme = g_uri_parse_scheme (uri);
      g_autoptr(GFile) file = scheme != NULL ? g_file_new_for_uri (uri) : NULL;
      g_autofree char *base = file != NULL ? g_file_get_basename (file) : g_path_get_basename (uri);

      if (base != NULL && g_utf8_validate (base, -1, NULL) && !byline_text_is_blank (base)
          && strcmp (base, "/") != 0 && strcmp (base, ".") != 0)
        return g_steal_pointer (&base);
    }
  /* Translators: what a piece of a document pasted is called where it has
   * no document's name: its pictures are named after it */
  return g_strdup (_("Pasted Text"));
}

typedef struct
{
  BylinePaste             *paste;
  BylineBodyView    *view;
  BylineDocument    *document;
  BylineArticle     *article;     /* the document's: the thread reads its id only */
  BylineDraftStore  *store;
  GdkContentFormats *formats;     /* to paste otherwise when the piece cannot be read */
  gboolean           own;         /* Byline's own piece (byline-clip.h), else a word processor's */
  gboolean           whole;       /* a whole story, for an empty one: read as a document opens */
  gboolean           web;         /* a web page's piece: its pictures downloaded */
  AdwToast          *downloading; /* with @web, said while they download */
  GCancellable      *skip;        /* with @web, its Skip button's: the text without the rest */
  BylineArticle     *story;       /* with @whole, the story read, but its body */
  char              *source;
  char              *page_uri;    /* with @web, the page's address, when known */
  BylineBody        *body;        /* the piece */
  GHashTable        *images;      /* the piece's picture id → the picture copied into the draft */
  char             **left_out;    /* the piece's pictures not taken */
  BylineArticle     *missing;     /* … those kept as missing, with their places */
  GError            *error;       /* the piece not read */
  GError            *copy_error;  /* the first picture not copied */
} Piece;

static void
piece_free (Piece *piece)
{
  _byline_paste_unref (piece->paste);
  g_clear_object (&piece->view);
  g_clear_object (&piece->document);
  g_clear_object (&piece->article);
  g_clear_object (&piece->store);
  g_clear_object (&piece->story);
  g_clear_pointer (&piece->formats, gdk_content_formats_unref);
  g_free (piece->source);
  g_free (piece->page_uri);
  g_clear_object (&piece->body);
  g_clear_pointer (&piece->images, g_hash_table_unref);
  g_strfreev (piece->left_out);
  g_clear_object (&piece->missing);
  g_clear_error (&piece->error);
  g_clear_error (&piece->copy_error);
  byline_toast_clear (&piece->downloading);
  g_clear_object (&piece->skip);
  g_free (piece);
}

/* Which of the page's pictures downloads, said in the toast: on a slow line
 * each takes seconds.  Called in the thread. */
static void
on_pictures_progress (guint    done,
                      guint    total,
                      gpointer data)
{
  Piece *piece = data;

  if (piece->downloading == NULL || done >= total)
    return;
  /* Translators: "Downloading picture 2 of 5 of the page…" */
  byline_toast_set_title_from_thread (piece->downloading,
                                      g_strdup_printf (_("Downloading picture %u of %u of the page…"), done + 1,
                                                       total));
}

/* Reads the piece and copies its pictures into the draft, with their
 * captions, credits and alt texts: seconds for a few camera photos. */
static void
read_piece_in_thread (GTask        *task,
                      gpointer      source,
                      gpointer      data,
                      GCancellable *cancellable)
{
  Piece *piece = data;
  GBytes *bytes = g_object_get_data (G_OBJECT (task), "bytes");
  g_autoptr(BylineArticle) read = NULL;

  if (piece->own)
    read = byline_clip_parse (bytes, &piece->error);
  else if (piece->web && piece->whole)
    read = byline_web_page_read_story (bytes, piece->page_uri, piece->source, piece->skip, on_pictures_progress,
                                       piece, &piece->left_out, &piece->error);
  else if (piece->web)
    read = byline_web_page_read_piece (bytes, piece->page_uri, piece->source, piece->skip, on_pictures_progress,
                                       piece, &piece->left_out, &piece->error);
  else if (piece->whole)
    read = byline_import_read_full (bytes, piece->source, NULL, NULL, &piece->left_out, &piece->error);
  else
    read = byline_import_read_piece (bytes, piece->source, &piece->left_out, &piece->error);
  if (read == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }
  for (guint i = 0; i < byline_article_get_n_images (read); i++)
    {
      BylineImage *image = byline_article_get_image (read, i);
      g_autoptr(GError) error = NULL;
      GFile *file = byline_image_get_file (image);
      g_autoptr(BylineImage) copy = NULL;

      if (file == NULL)
        g_set_error (&error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                     _("The file of the picture “%s” is not known"), byline_image_get_filename (image));
      else
        copy = byline_draft_store_import_image (piece->store, piece->article, file, &error);
      /* A story's picture is the file its SHA-256 names, not another one put
       * in its place since it was copied. */
      if (copy != NULL && piece->own && g_strcmp0 (byline_image_get_sha256 (copy), byline_image_get_sha256 (image)) != 0)
        {
          g_set_error (&error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                       _("The picture “%s” has changed since it was copied"), byline_image_get_filename (image));
          g_clear_object (&copy);
        }
      if (copy == NULL)
        {
          if (piece->copy_error == NULL)
            piece->copy_error = g_steal_pointer (&error);
          continue;
        }
      byline_image_set_filename (copy, byline_image_get_filename (image));
      byline_image_set_caption (copy, byline_image_get_caption (image));
      byline_image_set_credit (copy, byline_image_get_credit (image));
      byline_image_set_alt_text (copy, byline_image_get_alt_text (image));
      g_hash_table_insert (piece->images, g_strdup (byline_image_get_id (image)), g_steal_pointer (&copy));
    }
  /* A page's or a document's pictures that did not come: the story keeps
   * them, with their places. */
  piece->missing = byline_article_new ();
  byline_article_add_missing_pictures_of (piece->missing, read);
  /* The piece's pictures' temporary folder goes with @read, here. */
  piece->body = g_object_ref (byline_article_get_body (read));
  if (piece->whole)
    piece->story = g_object_ref (read);
  g_task_return_boolean (task, TRUE);
}

static gboolean
add_piece_image (const char *image_id,
                 guint       index,
                 gpointer    user_data)
{
  Piece *piece = user_data;
  BylineImage *image = g_hash_table_lookup (piece->images, image_id);
  BylineArticle *article = byline_document_get_article (piece->document);
  BylineBody *body = byline_article_get_body (article);

  if (image == NULL)
    return FALSE;
  /* Cut from this story and pasted back: the picture itself moves (its
   * figure left the text, the picture stayed with the story), not a copy. */
  if (piece->own && byline_article_find_image (article, image_id) != NULL
      && byline_body_find_image (body, image_id) < 0)
    byline_body_insert_image (body, index, image_id);
  else
    byline_document_add_image (piece->document, image, (int) index);
  return TRUE;
}

static void
on_piece_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Piece *piece = g_task_get_task_data (G_TASK (result));
  BylineBodyView *self = piece->view;
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (self);
  g_autofree char *message = NULL;

  /* Downloaded: what came of it is said next. */
  byline_toast_clear (&piece->downloading);
  /* Another story in the view now: pictures copied stay in their draft's folder. */
  if (byline_body_view_get_document (self) != piece->document)
    return;
  if (piece->error != NULL)
    {
      /* Not a piece Byline reads (a spreadsheet's, a drawing's): as the
       * clipboard's other formats say, else as text. */
      g_debug ("Pasting otherwise: %s", piece->error->message);
      if (piece->web)
        {
          GBytes *bytes = g_object_get_data (G_OBJECT (result), "bytes");

          /* As the page's text, its pictures left out. */
          if (!piece->whole || !_byline_paste_page_story (piece->paste, bytes, _byline_paste_count_page_pictures (bytes)))
            _byline_paste_page (piece->paste, bytes);
        }
      else if (!_byline_paste_formats (piece->paste, piece->formats, FALSE))
        _byline_paste_text (piece->paste);
      return;
    }

  /* The new figures' lines must show, wherever they go. */
  if (g_hash_table_size (piece->images) > 0)
    byline_body_buffer_show_all (buffer);
  if (piece->whole)
    _byline_paste_take_story_fields (self, piece->story);
  if (piece->paste->as_blocks)
    byline_body_buffer_paste_blocks (buffer, piece->body, add_piece_image, piece);
  else
    byline_body_buffer_paste_body (buffer, piece->body, add_piece_image, piece);
  piece->paste->pasted = TRUE;
  /* Kept, for the checks to name, and to go where their captions were
   * pasted once added by hand. */
  byline_article_add_missing_pictures_of (byline_document_get_article (piece->document), piece->missing);
  if (piece->whole)
    gtk_widget_grab_focus (GTK_WIDGET (self));

  if (piece->web && piece->left_out != NULL && piece->left_out[0] != NULL)
    message = describe_not_downloaded ((const char * const *) piece->left_out,
                                       g_cancellable_is_cancelled (piece->skip));
  else if (piece->left_out != NULL && piece->left_out[0] != NULL)
    message = byline_import_describe_left_out (piece->source, (const char * const *) piece->left_out);
  else if (piece->copy_error != NULL)
    message = byline_error_dup_for_person (piece->copy_error);
  if (message != NULL)
    byline_widget_show_toast (GTK_WIDGET (self), byline_toast_new_long (message));
}

static void
on_piece_bytes (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Piece *piece = g_task_get_task_data (task);
  GBytes *bytes = _byline_paste_read_bytes_finish (result, &piece->error);

  if (bytes == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }
  g_object_set_data_full (G_OBJECT (task), "bytes", bytes, (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, read_piece_in_thread);
}

/* A piece to read from @paste, for its view's document; takes @source. */
static Piece *
piece_new (BylinePaste       *paste,
           GdkContentFormats *formats,
           char              *source)
{
  BylineDocument *document = byline_body_view_get_document (paste->view);
  Piece *piece = g_new0 (Piece, 1);

  piece->paste = _byline_paste_ref (paste);
  piece->view = g_object_ref (paste->view);
  piece->document = g_object_ref (document);
  piece->article = g_object_ref (byline_document_get_article (document));
  piece->store = g_object_ref (byline_document_get_store (document));
  piece->formats = gdk_content_formats_ref (formats);
  piece->source = source;
  piece->images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  return piece;
}

/* Pastes the piece of @type, read from @paste, or @bytes when given. */
void
_byline_paste_piece (BylinePaste       *paste,
                     GdkContentFormats *formats,
                     const char        *type,
                     GBytes            *bytes,
                     gboolean           own,
                     gboolean           whole)
{
  GTask *task;
  Piece *piece;

  piece = piece_new (paste, formats, dup_piece_source (formats));
  piece->own = own;
  piece->whole = whole;

  task = g_task_new (paste->view, NULL, on_piece_read, NULL);
  g_task_set_source_tag (task, _byline_paste_piece);
  g_task_set_task_data (task, piece, (GDestroyNotify) piece_free);
  if (bytes != NULL)
    {
      g_object_set_data_full (G_OBJECT (task), "bytes", g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
      g_task_run_in_thread (task, read_piece_in_thread);
      g_object_unref (task);
    }
  else
    _byline_paste_read_bytes_async (paste, type, on_piece_bytes, task);
}

/* A piece of a web page whose pictures are the site's: read in a thread,
 * each picture downloaded, then pasted with them as a document's piece is. */
void
_byline_paste_web_piece (BylinePaste *paste,
                         GBytes      *bytes,
                         gboolean     whole)
{
  g_autoptr(GdkContentFormats) formats = gdk_content_formats_new (NULL, 0);
  GTask *task;
  Piece *piece;

  /* Translators: what a piece of a web page pasted is called, in a message
   * naming its pictures that could not be downloaded */
  piece = piece_new (paste, formats, g_strdup (_("the page")));
  piece->web = TRUE;
  piece->whole = whole;
  piece->page_uri = g_strdup (paste->page_uri);
  /* The page is read: the browser it was dragged from need not wait for
   * its pictures. */
  if (paste->drop != NULL)
    {
      gdk_drop_finish (paste->drop, GDK_ACTION_COPY);
      g_clear_object (&paste->drop);
    }
  /* On a slow line the text need not wait for them: Skip pastes it with
   * those downloaded, naming the others. */
  piece->skip = g_cancellable_new ();
  /* Another story in the view, or the window gone: not pasted, so not
   * downloaded on. */
  g_signal_connect_object (paste->view, "notify::document", G_CALLBACK (g_cancellable_cancel), piece->skip,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (paste->view, "unrealize", G_CALLBACK (g_cancellable_cancel), piece->skip,
                           G_CONNECT_SWAPPED);
  piece->downloading = byline_widget_show_lasting_toast (GTK_WIDGET (paste->view),
                                                         _("Downloading the pictures of the page…"),
                                                         /* Translators: the button of the message "Downloading
                                                          * the pictures of the page…": the text is pasted
                                                          * without them */
                                                         C_("pictures", "Skip"), piece->skip);

  task = g_task_new (paste->view, NULL, on_piece_read, NULL);
  g_task_set_source_tag (task, _byline_paste_web_piece);
  g_task_set_task_data (task, piece, (GDestroyNotify) piece_free);
  g_object_set_data_full (G_OBJECT (task), "bytes", g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, read_piece_in_thread);
  g_object_unref (task);
}

