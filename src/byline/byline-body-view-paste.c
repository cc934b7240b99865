/* byline-body-view-paste.c — what the body view pastes that is not plain text
 *
 * Picture files copied in a file manager are added to the story
 * (byline-body-view-pictures.c).  A piece of a word processor's document
 * comes in as the document would open, pictures with their captions and
 * credits copied into the draft: LibreOffice puts one on the clipboard as
 * an OpenDocument package and as Rich Text, pictures and all, beside HTML
 * whose pictures are its own temporary files (out of a Flatpak's reach, and
 * gone once it quits).  A web page's HTML is cleaned to the body's structure;
 * its pictures are the site's: downloaded in a thread and pasted with their
 * captions (byline-web-page.h), those that cannot be named.  A picture alone
 * (a browser's "Copy Image") is added as "Pasted Picture <date>.png".
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
#include "byline-body-view-private.h"
#include "byline-clip.h"
#include "byline-document.h"
#include "byline-draft-store.h"
#include "byline-error.h"
#include "byline-html.h"
#include "byline-image.h"
#include "byline-import.h"
#include "byline-text.h"
#include "byline-web-page.h"
#include "byline-widget-util.h"

/* LibreOffice's own format on the clipboard: the piece as an OpenDocument
 * package; and its description, which names the document it comes from. */
#define OPENDOCUMENT_PIECE "application/x-openoffice-embed-source-xml"
#define OPENDOCUMENT_DESCRIPTOR "application/x-openoffice-objectdescriptor-xml"

/* Where a paste's data comes from: the clipboard, or something dropped on
 * the text.  Each step that reads it holds a reference; a drop is finished
 * when the last is done, as a copy when something went in (the program it
 * was dragged from keeps its text). */
typedef struct
{
  BylineBodyView *view;
  GdkClipboard   *clipboard;
  GdkDrop        *drop;
  gboolean        pasted;
  gboolean        as_blocks;  /* whole blocks, between two (a drag's) */
} Paste;

static void
paste_clear (Paste *paste)
{
  if (paste->drop != NULL)
    gdk_drop_finish (paste->drop, paste->pasted ? GDK_ACTION_COPY : 0);
  g_clear_object (&paste->drop);
  g_clear_object (&paste->clipboard);
  g_clear_object (&paste->view);
}

static Paste *
paste_new (BylineBodyView *view,
           GdkDrop        *drop)
{
  Paste *paste = g_rc_box_new0 (Paste);

  paste->view = g_object_ref (view);
  if (drop != NULL)
    paste->drop = g_object_ref (drop);
  else
    paste->clipboard = g_object_ref (gtk_widget_get_clipboard (GTK_WIDGET (view)));
  return paste;
}

static Paste *
paste_ref (Paste *paste)
{
  return g_rc_box_acquire (paste);
}

static void
paste_unref (Paste *paste)
{
  g_rc_box_release_full (paste, (GDestroyNotify) paste_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Paste, paste_unref)

static gboolean paste_formats (Paste             *paste,
                               GdkContentFormats *formats,
                               gboolean           pieces);

/* The paste's @type, read whole: a GTask whose result is the GBytes.
 * Asynchronously: on X11, and from this process's own clipboard, the data
 * arrives through the main loop, which a blocking read would stop. */
static void
on_bytes_spliced (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, &error) < 0)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (object)),
                           (GDestroyNotify) g_bytes_unref);
}

static void
on_bytes_stream (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  GError *error = NULL;

  if (GDK_IS_DROP (object))
    stream = gdk_drop_read_finish (GDK_DROP (object), result, NULL, &error);
  else
    stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_bytes_spliced, g_steal_pointer (&task));
}

static void
read_bytes_async (Paste               *paste,
                  const char          *type,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  const char *types[] = { type, NULL };
  GTask *task = g_task_new (paste->view, NULL, callback, user_data);

  g_task_set_source_tag (task, read_bytes_async);
  if (paste->drop != NULL)
    gdk_drop_read_async (paste->drop, types, G_PRIORITY_DEFAULT, NULL, on_bytes_stream, task);
  else
    gdk_clipboard_read_async (paste->clipboard, types, G_PRIORITY_DEFAULT, NULL, on_bytes_stream, task);
}

static GBytes *
read_bytes_finish (GAsyncResult  *result,
                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The paste's value of @type (a file list, a picture, text); the callback
 * gets @paste, referenced, and reads it with read_value_finish(). */
static void
read_value_async (Paste               *paste,
                  GType                type,
                  GAsyncReadyCallback  callback)
{
  if (paste->drop != NULL)
    gdk_drop_read_value_async (paste->drop, type, G_PRIORITY_DEFAULT, NULL, callback, paste_ref (paste));
  else
    gdk_clipboard_read_value_async (paste->clipboard, type, G_PRIORITY_DEFAULT, NULL, callback,
                                    paste_ref (paste));
}

static const GValue *
read_value_finish (GObject       *object,
                   GAsyncResult  *result,
                   GError       **error)
{
  if (GDK_IS_DROP (object))
    return gdk_drop_read_value_finish (GDK_DROP (object), result, error);
  return gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, error);
}

static void
show_error (BylineBodyView *self,
            const GError   *error)
{
  g_warning ("%s", error->message);
  byline_widget_show_toast (GTK_WIDGET (self), byline_toast_new_for_error (error));
}

static void
on_text_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Paste) paste = user_data;
  const GValue *value = read_value_finish (object, result, NULL);
  const char *text = value != NULL ? g_value_get_string (value) : NULL;

  if (text != NULL && *text != '\0')
    paste->pasted = gtk_text_buffer_insert_interactive_at_cursor (
                      GTK_TEXT_BUFFER (byline_body_view_get_body_buffer (paste->view)), text, -1,
                      gtk_text_view_get_editable (GTK_TEXT_VIEW (paste->view)));
}

/* Nothing richer the body can hold: the text, as GtkTextView pastes it. */
static void
paste_text (Paste *paste)
{
  /* A drop finished already (a web page's, its pictures downloading). */
  if (paste->drop == NULL && paste->clipboard == NULL)
    return;
  if (paste->drop != NULL)
    read_value_async (paste, G_TYPE_STRING, on_text_read);
  else
    gtk_text_buffer_paste_clipboard (GTK_TEXT_BUFFER (byline_body_view_get_body_buffer (paste->view)),
                                     paste->clipboard, NULL,
                                     gtk_text_view_get_editable (GTK_TEXT_VIEW (paste->view)));
}

static void
on_files_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Paste) paste = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) files = NULL;
  const GValue *value;

  value = read_value_finish (object, result, &error);
  if (value == NULL)
    {
      show_error (paste->view, error);
      return;
    }
  files = byline_file_list_to_model (g_value_get_boxed (value));
  byline_body_view_insert_pictures_async (paste->view, files, -1);
  paste->pasted = TRUE;
}

/* A web page's pictures are the site's: they stay out of the story until
 * someone saves them and adds them, so they are said to be missing. */
static void
show_pictures_left_out (BylineBodyView *self,
                        guint           n_pictures)
{
  g_autofree char *title = NULL;

  if (n_pictures == 0)
    return;
  title = g_strdup_printf (ngettext ("%u picture of the page was not pasted: save it, then add it with Add Pictures",
                                     "%u pictures of the page were not pasted: save them, then add them with Add Pictures",
                                     n_pictures),
                           n_pictures);
  byline_widget_show_toast (GTK_WIDGET (self), adw_toast_new (title));
}

/* A page's HTML, cleaned to the body's structure, its pictures left out. */
static void
paste_page (Paste  *paste,
            GBytes *bytes)
{
  g_autofree char *html = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  guint n_pictures = 0;

  if (byline_body_buffer_paste_html (byline_body_view_get_body_buffer (paste->view), html, &n_pictures) == 0)
    /* Nothing the body can hold: fall back to the text. */
    paste_text (paste);
  else
    paste->pasted = TRUE;
  show_pictures_left_out (paste->view, n_pictures);
}

/* The pictures of a page's piece that the body cannot take. */
static guint
count_page_pictures (GBytes *bytes)
{
  g_autoptr(BylineBody) counted = byline_body_new ();
  guint n_pictures = 0;

  byline_html_paste_full (counted, 0, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &n_pictures);
  return n_pictures;
}

static void paste_web_piece (Paste    *paste,
                             GBytes   *bytes,
                             gboolean  whole);
static gboolean paste_page_story (Paste  *paste,
                                  GBytes *bytes,
                                  guint   n_pictures);

/* A web page's pictures that could not be downloaded (gone from the site,
 * no connection), by their names. */
static char *
describe_not_downloaded (const char * const *names)
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
  return g_strdup_printf (ngettext ("%u picture of the page could not be downloaded (%s): save it from the browser, "
                                    "then add it with Add Pictures",
                                    "%u pictures of the page could not be downloaded (%s): save them from the "
                                    "browser, then add them with Add Pictures", n),
                          n, shown);
}

static void
on_html_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Paste) paste = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_bytes_finish (result, &error);

  if (bytes == NULL)
    {
      show_error (paste->view, error);
      return;
    }
  /* Its pictures are the site's: downloaded, and pasted with their captions. */
  if (byline_body_view_get_document (paste->view) != NULL && byline_web_page_has_pictures (bytes))
    paste_web_piece (paste, bytes, FALSE);
  else
    paste_page (paste, bytes);
}

static void
on_texture_read (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Paste) paste = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  const GValue *value;

  value = read_value_finish (object, result, &error);
  if (value == NULL)
    {
      show_error (paste->view, error);
      return;
    }
  /* Named as the panel and the exports show it, not "byline-pasted-5T2G73". */
  stamp = g_date_time_format (now, "%Y-%m-%d %H-%M-%S");
  /* Translators: the file name of a picture pasted from the clipboard; %s is the date and time */
  name = g_strdup_printf (_("Pasted Picture %s.png"), stamp);
  byline_body_view_insert_texture_async (paste->view, g_value_get_object (value), name);
  paste->pasted = TRUE;
}

/* ------------------------------------------------ a word processor's piece */

/* The MIME type among @formats that is @type, with or without parameters
 * ("…;windows_formatname=…"), or NULL. */
static const char *
find_type (GdkContentFormats *formats,
           const char        *type)
{
  gsize n = 0, length = strlen (type);
  const char * const *types = gdk_content_formats_get_mime_types (formats, &n);

  for (gsize i = 0; i < n; i++)
    if (strncmp (types[i], type, length) == 0 && (types[i][length] == '\0' || types[i][length] == ';'))
      return types[i];
  return NULL;
}

/* A word processor's piece of a document, the richest first. */
static const char * const piece_types[] = { OPENDOCUMENT_PIECE, "text/rtf", "application/rtf", "text/richtext" };

/* The clipboard's piece of a document, the richest first. */
static const char *
find_piece_type (GdkContentFormats *formats)
{
  for (guint i = 0; i < G_N_ELEMENTS (piece_types); i++)
    {
      const char *found = find_type (formats, piece_types[i]);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
_byline_body_view_has_rich_format (GdkContentFormats *formats)
{
  return find_type (formats, BYLINE_CLIP_MIME_TYPE) != NULL || find_piece_type (formats) != NULL
         || find_type (formats, "text/html") != NULL;
}

GdkContentFormats *
byline_body_view_new_paste_formats (gboolean text)
{
  GdkContentFormatsBuilder *builder = gdk_content_formats_builder_new ();

  gdk_content_formats_builder_add_mime_type (builder, BYLINE_CLIP_MIME_TYPE);
  for (guint i = 0; i < G_N_ELEMENTS (piece_types); i++)
    gdk_content_formats_builder_add_mime_type (builder, piece_types[i]);
  gdk_content_formats_builder_add_mime_type (builder, "text/html");
  if (text)
    {
      gdk_content_formats_builder_add_gtype (builder, G_TYPE_STRING);
      gdk_content_formats_builder_add_mime_type (builder, "text/plain;charset=utf-8");
      gdk_content_formats_builder_add_mime_type (builder, "text/plain");
    }
  return gdk_content_formats_builder_free_to_formats (builder);
}

/* The document a piece comes from, which names its pictures: LibreOffice
 * says it in its descriptor's type (displayname="file:///…/Lũ quét.docx"). */
static char *
dup_piece_source (GdkContentFormats *formats)
{
  const char *descriptor = find_type (formats, OPENDOCUMENT_DESCRIPTOR);
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
  Paste             *paste;
  BylineBodyView    *view;
  BylineDocument    *document;
  BylineArticle     *article;     /* the document's: the thread reads its id only */
  BylineDraftStore  *store;
  GdkContentFormats *formats;     /* to paste otherwise when the piece cannot be read */
  gboolean           own;         /* Byline's own piece (byline-clip.h), else a word processor's */
  gboolean           whole;       /* a whole story, for an empty one: read as a document opens */
  gboolean           web;         /* a web page's piece: its pictures downloaded */
  AdwToast          *downloading; /* with @web, said while they download */
  BylineArticle     *story;       /* with @whole, the story read, but its body */
  char              *source;
  BylineBody        *body;        /* the piece */
  GHashTable        *images;      /* the piece's picture id → the picture copied into the draft */
  char             **left_out;    /* the piece's pictures not taken */
  GError            *error;       /* the piece not read */
  GError            *copy_error;  /* the first picture not copied */
} Piece;

static void
piece_free (Piece *piece)
{
  paste_unref (piece->paste);
  g_clear_object (&piece->view);
  g_clear_object (&piece->document);
  g_clear_object (&piece->article);
  g_clear_object (&piece->store);
  g_clear_object (&piece->story);
  g_clear_pointer (&piece->formats, gdk_content_formats_unref);
  g_free (piece->source);
  g_clear_object (&piece->body);
  g_clear_pointer (&piece->images, g_hash_table_unref);
  g_strfreev (piece->left_out);
  g_clear_error (&piece->error);
  g_clear_error (&piece->copy_error);
  if (piece->downloading != NULL)
    adw_toast_dismiss (piece->downloading);
  g_clear_object (&piece->downloading);
  g_free (piece);
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
    read = byline_web_page_read_story (bytes, piece->source, NULL, &piece->left_out, &piece->error);
  else if (piece->web)
    read = byline_web_page_read_piece (bytes, piece->source, NULL, &piece->left_out, &piece->error);
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

/* A whole story pasted into an empty one: its headline, lead, source
 * prefix, byline and dateline, as the document would open (the story's
 * own left as they are, where it has them); its text goes into the body. */
static void
take_story_fields (BylineBodyView *self,
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
  if (piece->downloading != NULL)
    adw_toast_dismiss (piece->downloading);
  g_clear_object (&piece->downloading);
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
          if (!piece->whole || !paste_page_story (piece->paste, bytes, count_page_pictures (bytes)))
            paste_page (piece->paste, bytes);
        }
      else if (!paste_formats (piece->paste, piece->formats, FALSE))
        paste_text (piece->paste);
      return;
    }

  /* The new figures' lines must show, wherever they go. */
  if (g_hash_table_size (piece->images) > 0)
    byline_body_buffer_show_all (buffer);
  if (piece->whole)
    take_story_fields (self, piece->story);
  if (piece->paste->as_blocks)
    byline_body_buffer_paste_blocks (buffer, piece->body, add_piece_image, piece);
  else
    byline_body_buffer_paste_body (buffer, piece->body, add_piece_image, piece);
  piece->paste->pasted = TRUE;
  if (piece->whole)
    gtk_widget_grab_focus (GTK_WIDGET (self));

  if (piece->web && piece->left_out != NULL && piece->left_out[0] != NULL)
    message = describe_not_downloaded ((const char * const *) piece->left_out);
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
  GBytes *bytes = read_bytes_finish (result, &piece->error);

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
piece_new (Paste             *paste,
           GdkContentFormats *formats,
           char              *source)
{
  BylineDocument *document = byline_body_view_get_document (paste->view);
  Piece *piece = g_new0 (Piece, 1);

  piece->paste = paste_ref (paste);
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
static void
paste_piece (Paste             *paste,
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
  g_task_set_source_tag (task, paste_piece);
  g_task_set_task_data (task, piece, (GDestroyNotify) piece_free);
  if (bytes != NULL)
    {
      g_object_set_data_full (G_OBJECT (task), "bytes", g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
      g_task_run_in_thread (task, read_piece_in_thread);
      g_object_unref (task);
    }
  else
    read_bytes_async (paste, type, on_piece_bytes, task);
}

/* A piece of a web page whose pictures are the site's: read in a thread,
 * each picture downloaded, then pasted with them as a document's piece is. */
static void
paste_web_piece (Paste    *paste,
                 GBytes   *bytes,
                 gboolean  whole)
{
  g_autoptr(GdkContentFormats) formats = gdk_content_formats_new (NULL, 0);
  GTask *task;
  Piece *piece;

  /* Translators: what a piece of a web page pasted is called, in a message
   * naming its pictures that could not be downloaded */
  piece = piece_new (paste, formats, g_strdup (_("the page")));
  piece->web = TRUE;
  piece->whole = whole;
  /* The page is read: the browser it was dragged from need not wait for
   * its pictures. */
  if (paste->drop != NULL)
    {
      gdk_drop_finish (paste->drop, GDK_ACTION_COPY);
      g_clear_object (&paste->drop);
    }
  piece->downloading = g_object_ref (adw_toast_new (_("Downloading the pictures of the page…")));
  adw_toast_set_timeout (piece->downloading, 0);
  byline_widget_show_toast (GTK_WIDGET (paste->view), piece->downloading);

  task = g_task_new (paste->view, NULL, on_piece_read, NULL);
  g_task_set_source_tag (task, paste_web_piece);
  g_task_set_task_data (task, piece, (GDestroyNotify) piece_free);
  g_object_set_data_full (G_OBJECT (task), "bytes", g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, read_piece_in_thread);
  g_object_unref (task);
}

/* --------------------------------------------------------------- dispatch */

/* With @pieces, a word processor's piece before the page it also offers. */
static gboolean
paste_formats (Paste             *paste,
               GdkContentFormats *formats,
               gboolean           pieces)
{
  BylineDocument *document = byline_body_view_get_document (paste->view);
  const char *piece_type = pieces ? find_piece_type (formats) : NULL;

  if (document != NULL && gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    read_value_async (paste, GDK_TYPE_FILE_LIST, on_files_read);
  else if (document != NULL && pieces && gdk_content_formats_contain_mime_type (formats, BYLINE_CLIP_MIME_TYPE))
    paste_piece (paste, formats, BYLINE_CLIP_MIME_TYPE, NULL, TRUE, FALSE);
  else if (document != NULL && piece_type != NULL)
    paste_piece (paste, formats, piece_type, NULL, FALSE, FALSE);
  else if (gdk_content_formats_contain_mime_type (formats, "text/html"))
    read_bytes_async (paste, "text/html", on_html_read, paste_ref (paste));
  else if (document != NULL
           && gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE)
           && !gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    read_value_async (paste, GDK_TYPE_TEXTURE, on_texture_read);
  else
    return FALSE;
  return TRUE;
}

gboolean
_byline_body_view_paste_clipboard (BylineBodyView *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  g_autoptr(GdkContentFormats) formats = NULL;
  g_autoptr(Paste) paste = NULL;
  GdkContentProvider *content = gdk_clipboard_get_content (clipboard);

  /* Words another text view copied (the headline's): their text, which
   * GtkTextView pastes (they offer a page too, byline-body-view-copy.c). */
  if (content != NULL && _byline_content_get_text_buffer (content) != NULL)
    return FALSE;
  paste = paste_new (self, NULL);
  /* Another application's clipboard lists MIME types: see which GTypes they make. */
  formats = gdk_content_formats_union_deserialize_gtypes (
              gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));
  return paste_formats (paste, formats, TRUE);
}

gboolean
_byline_body_view_paste_drop (BylineBodyView *self,
                              GdkDrop        *drop)
{
  g_autoptr(GdkContentFormats) formats = NULL;
  g_autoptr(Paste) paste = paste_new (self, drop);

  formats = gdk_content_formats_union_deserialize_gtypes (gdk_content_formats_ref (gdk_drop_get_formats (drop)));
  if (paste_formats (paste, formats, TRUE))
    return TRUE;
  paste_text (paste);
  return TRUE;
}

void
_byline_body_view_paste_own_piece (BylineBodyView *self,
                                   GBytes         *piece,
                                   gboolean        as_blocks)
{
  g_autoptr(GdkContentFormats) formats = gdk_content_formats_new (NULL, 0);
  g_autoptr(Paste) paste = NULL;

  g_return_if_fail (byline_body_view_get_document (self) != NULL);

  paste = paste_new (self, NULL);
  paste->as_blocks = as_blocks;
  paste_piece (paste, formats, BYLINE_CLIP_MIME_TYPE, piece, TRUE, FALSE);
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
  Paste          *from;
} StoryPaste;

static void
story_paste_free (StoryPaste *paste)
{
  g_object_unref (paste->view);
  g_object_unref (paste->field);
  paste_unref (paste->from);
  g_free (paste);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StoryPaste, story_paste_free)

static StoryPaste *
story_paste_new (GtkTextView *field,
                 Paste       *from)
{
  StoryPaste *paste = g_new0 (StoryPaste, 1);

  paste->view = g_object_ref (from->view);
  paste->field = g_object_ref (field);
  paste->from = paste_ref (from);
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
  const GValue *value = read_value_finish (object, result, NULL);
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
  take_story_fields (paste->view, story);
  byline_body_buffer_paste_body (byline_body_view_get_body_buffer (paste->view), byline_article_get_body (story),
                                 NULL, NULL);
  paste->from->pasted = TRUE;
  gtk_widget_grab_focus (GTK_WIDGET (paste->view));
}

static void
read_story_text (StoryPaste *paste)
{
  Paste *from = paste->from;

  if (from->drop != NULL)
    gdk_drop_read_value_async (from->drop, G_TYPE_STRING, G_PRIORITY_DEFAULT, NULL, on_story_text_read, paste);
  else
    gdk_clipboard_read_value_async (from->clipboard, G_TYPE_STRING, G_PRIORITY_DEFAULT, NULL,
                                    on_story_text_read, paste);
}

/* The story a page's piece holds, its @n_pictures pictures left out: FALSE
 * when it is none. */
static gboolean
paste_page_story (Paste  *paste,
                  GBytes *bytes,
                  guint   n_pictures)
{
  BylineBodyView *self = paste->view;
  g_autoptr(BylineArticle) story = byline_html_import_selection (bytes, NULL);

  if (story == NULL)
    return FALSE;
  take_story_fields (self, story);
  byline_body_buffer_paste_body (byline_body_view_get_body_buffer (self), byline_article_get_body (story),
                                 NULL, NULL);
  paste->pasted = TRUE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  show_pictures_left_out (self, n_pictures);
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
  g_autoptr(GBytes) bytes = read_bytes_finish (result, NULL);
  g_autoptr(BylineBody) blocks = byline_body_new ();
  guint n_pictures = 0;
  gboolean story;

  if (bytes == NULL || byline_body_view_get_document (self) == NULL)
    return;
  byline_html_paste_full (blocks, 0, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &n_pictures);
  story = count_text_blocks (blocks) >= 2;
  if (story && n_pictures > 0 && byline_web_page_has_pictures (bytes))
    /* Its pictures are the site's: downloaded, the story read in a thread. */
    paste_web_piece (paste->from, bytes, TRUE);
  else if (!story || !paste_page_story (paste->from, bytes, n_pictures))
    /* Its text may still be a story (a chat's lines in <br>s). */
    read_story_text (g_steal_pointer (&paste));
}

static gboolean
paste_story_from (Paste             *from,
                  GtkTextView       *field,
                  GdkContentFormats *formats)
{
  const char *type;

  if (byline_body_view_get_document (from->view) == NULL)
    return FALSE;
  if ((type = find_piece_type (formats)) != NULL)
    paste_piece (from, formats, type, NULL, FALSE, TRUE);
  else if (gdk_content_formats_contain_mime_type (formats, "text/html"))
    read_bytes_async (from, "text/html", on_story_html_read, story_paste_new (field, from));
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
  g_autoptr(Paste) from = NULL;
  g_autoptr(GdkContentFormats) formats = NULL;

  g_return_val_if_fail (BYLINE_IS_BODY_VIEW (self), FALSE);
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (field), FALSE);

  from = paste_new (self, NULL);
  formats = gdk_content_formats_union_deserialize_gtypes (gdk_content_formats_ref (gdk_clipboard_get_formats (from->clipboard)));
  return paste_story_from (from, field, formats);
}

gboolean
byline_body_view_drop_story (BylineBodyView *self,
                             GtkTextView    *field,
                             GdkDrop        *drop)
{
  g_autoptr(Paste) from = NULL;
  g_autoptr(GdkContentFormats) formats = NULL;

  g_return_val_if_fail (BYLINE_IS_BODY_VIEW (self), FALSE);
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (field), FALSE);
  g_return_val_if_fail (GDK_IS_DROP (drop), FALSE);

  from = paste_new (self, drop);
  formats = gdk_content_formats_union_deserialize_gtypes (gdk_content_formats_ref (gdk_drop_get_formats (drop)));
  return paste_story_from (from, field, formats);
}
