/* byline-body-view-paste.c — what the body view pastes that is not plain text
 *
 * Picture files copied in a file manager are added to the story
 * (byline-body-view-pictures.c).  A piece of a word processor's document
 * comes in as the document would open, pictures with their captions and
 * credits copied into the draft (byline-body-view-piece.c): LibreOffice
 * puts one on the clipboard as an OpenDocument package and as Rich Text,
 * pictures and all, beside HTML whose pictures are its own temporary files
 * (out of a Flatpak's reach, and gone once it quits).  A web page's HTML is
 * cleaned to the body's structure; its pictures are the site's: downloaded
 * in a thread and pasted with their captions (byline-web-page.h), those
 * that cannot be named.  A picture alone (a browser's "Copy Image") is
 * added as "Pasted Picture <date>.png".  A whole story pasted into an empty
 * one's headline: byline-body-view-story-paste.c.
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
#include "byline-body-view-paste-private.h"
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
 * package (its descriptor: byline-body-view-piece.c). */
#define OPENDOCUMENT_PIECE "application/x-openoffice-embed-source-xml"

static void
paste_clear (BylinePaste *paste)
{
  if (paste->drop != NULL)
    gdk_drop_finish (paste->drop, paste->pasted ? GDK_ACTION_COPY : 0);
  g_clear_object (&paste->drop);
  g_clear_object (&paste->clipboard);
  g_clear_object (&paste->view);
  g_free (paste->page_uri);
}

BylinePaste *
_byline_paste_new (BylineBodyView *view,
                   GdkDrop        *drop)
{
  BylinePaste *paste = g_rc_box_new0 (BylinePaste);

  paste->view = g_object_ref (view);
  if (drop != NULL)
    paste->drop = g_object_ref (drop);
  else
    paste->clipboard = g_object_ref (gtk_widget_get_clipboard (GTK_WIDGET (view)));
  return paste;
}

BylinePaste *
_byline_paste_ref (BylinePaste *paste)
{
  return g_rc_box_acquire (paste);
}

void
_byline_paste_unref (BylinePaste *paste)
{
  g_rc_box_release_full (paste, (GDestroyNotify) paste_clear);
}

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

void
_byline_paste_read_bytes_async (BylinePaste         *paste,
                                const char          *type,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  const char *types[] = { type, NULL };
  GTask *task = g_task_new (paste->view, NULL, callback, user_data);

  g_task_set_source_tag (task, _byline_paste_read_bytes_async);
  if (paste->drop != NULL)
    gdk_drop_read_async (paste->drop, types, G_PRIORITY_DEFAULT, NULL, on_bytes_stream, task);
  else
    gdk_clipboard_read_async (paste->clipboard, types, G_PRIORITY_DEFAULT, NULL, on_bytes_stream, task);
}

GBytes *
_byline_paste_read_bytes_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The paste's value of @type (a file list, a picture, text); the callback
 * gets @paste, referenced, and reads it with _byline_paste_read_value_finish(). */
void
_byline_paste_read_value_async (BylinePaste         *paste,
                                GType                type,
                                GAsyncReadyCallback  callback)
{
  if (paste->drop != NULL)
    gdk_drop_read_value_async (paste->drop, type, G_PRIORITY_DEFAULT, NULL, callback, _byline_paste_ref (paste));
  else
    gdk_clipboard_read_value_async (paste->clipboard, type, G_PRIORITY_DEFAULT, NULL, callback,
                                    _byline_paste_ref (paste));
}

const GValue *
_byline_paste_read_value_finish (GObject       *object,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  if (GDK_IS_DROP (object))
    return gdk_drop_read_value_finish (GDK_DROP (object), result, error);
  return gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, error);
}

/* Where browsers name the page a selection was copied from: Chromium, then
 * Firefox (byline_web_page_dup_source_uri()). */
static const char * const page_uri_types[] = { "chromium/x-source-url", "text/x-moz-url-priv" };

typedef struct
{
  BylinePaste         *paste;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} PageRead;

static void
on_page_uri_read (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PageRead *read = user_data;
  g_autoptr(BylinePaste) paste = read->paste;
  g_autoptr(GBytes) bytes = _byline_paste_read_bytes_finish (result, NULL);

  /* Without it, the page's relative addresses are left out, named. */
  if (bytes != NULL)
    paste->page_uri = byline_web_page_dup_source_uri (bytes);
  _byline_paste_read_bytes_async (paste, "text/html", read->callback, read->user_data);
  g_free (read);
}

void
_byline_paste_read_page_async (BylinePaste         *paste,
                               GdkContentFormats   *formats,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  const char *type = NULL;
  PageRead *read;

  for (guint i = 0; i < G_N_ELEMENTS (page_uri_types) && type == NULL; i++)
    type = _byline_paste_find_type (formats, page_uri_types[i]);
  if (type == NULL || paste->page_uri != NULL)
    {
      _byline_paste_read_bytes_async (paste, "text/html", callback, user_data);
      return;
    }
  read = g_new (PageRead, 1);
  read->paste = _byline_paste_ref (paste);
  read->callback = callback;
  read->user_data = user_data;
  _byline_paste_read_bytes_async (paste, type, on_page_uri_read, read);
}

void
_byline_paste_show_error (BylineBodyView *self,
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
  g_autoptr(BylinePaste) paste = user_data;
  const GValue *value = _byline_paste_read_value_finish (object, result, NULL);
  const char *text = value != NULL ? g_value_get_string (value) : NULL;

  if (text != NULL && *text != '\0')
    paste->pasted = gtk_text_buffer_insert_interactive_at_cursor (
                      GTK_TEXT_BUFFER (byline_body_view_get_body_buffer (paste->view)), text, -1,
                      gtk_text_view_get_editable (GTK_TEXT_VIEW (paste->view)));
}

/* Nothing richer the body can hold: the text, as GtkTextView pastes it. */
void
_byline_paste_text (BylinePaste *paste)
{
  /* A drop finished already (a web page's, its pictures downloading). */
  if (paste->drop == NULL && paste->clipboard == NULL)
    return;
  if (paste->drop != NULL)
    _byline_paste_read_value_async (paste, G_TYPE_STRING, on_text_read);
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
  g_autoptr(BylinePaste) paste = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) files = NULL;
  const GValue *value;

  value = _byline_paste_read_value_finish (object, result, &error);
  if (value == NULL)
    {
      _byline_paste_show_error (paste->view, error);
      return;
    }
  files = byline_file_list_to_model (g_value_get_boxed (value));
  byline_body_view_insert_pictures_async (paste->view, files, -1);
  paste->pasted = TRUE;
}

/* A web page's pictures are the site's: they stay out of the story until
 * someone saves them and adds them, so they are said to be missing. */
void
_byline_paste_show_pictures_left_out (BylineBodyView *self,
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
void
_byline_paste_page (BylinePaste *paste,
                    GBytes      *bytes)
{
  g_autofree char *html = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  guint n_pictures = 0;

  if (byline_body_buffer_paste_html (byline_body_view_get_body_buffer (paste->view), html, &n_pictures) == 0)
    /* Nothing the body can hold: fall back to the text. */
    _byline_paste_text (paste);
  else
    paste->pasted = TRUE;
  _byline_paste_show_pictures_left_out (paste->view, n_pictures);
}

/* The pictures of a page's piece that the body cannot take. */
guint
_byline_paste_count_page_pictures (GBytes *bytes)
{
  g_autoptr(BylineBody) counted = byline_body_new ();
  guint n_pictures = 0;

  byline_html_paste_full (counted, 0, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &n_pictures);
  return n_pictures;
}

static void
on_html_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BylinePaste) paste = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = _byline_paste_read_bytes_finish (result, &error);

  if (bytes == NULL)
    {
      _byline_paste_show_error (paste->view, error);
      return;
    }
  /* Its pictures are the site's: downloaded, and pasted with their captions. */
  if (byline_body_view_get_document (paste->view) != NULL && byline_web_page_has_pictures (bytes, paste->page_uri))
    _byline_paste_web_piece (paste, bytes, FALSE);
  else
    _byline_paste_page (paste, bytes);
}

static void
on_texture_read (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BylinePaste) paste = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  const GValue *value;

  value = _byline_paste_read_value_finish (object, result, &error);
  if (value == NULL)
    {
      _byline_paste_show_error (paste->view, error);
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
const char *
_byline_paste_find_type (GdkContentFormats *formats,
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
const char *
_byline_paste_find_piece_type (GdkContentFormats *formats)
{
  for (guint i = 0; i < G_N_ELEMENTS (piece_types); i++)
    {
      const char *found = _byline_paste_find_type (formats, piece_types[i]);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
_byline_body_view_has_rich_format (GdkContentFormats *formats)
{
  return _byline_paste_find_type (formats, BYLINE_CLIP_MIME_TYPE) != NULL || _byline_paste_find_piece_type (formats) != NULL
         || _byline_paste_find_type (formats, "text/html") != NULL;
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

/* --------------------------------------------------------------- dispatch */

/* With @pieces, a word processor's piece before the page it also offers. */
gboolean
_byline_paste_formats (BylinePaste       *paste,
                       GdkContentFormats *formats,
                       gboolean           pieces)
{
  BylineDocument *document = byline_body_view_get_document (paste->view);
  const char *piece_type = pieces ? _byline_paste_find_piece_type (formats) : NULL;

  if (document != NULL && gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    _byline_paste_read_value_async (paste, GDK_TYPE_FILE_LIST, on_files_read);
  else if (document != NULL && pieces && gdk_content_formats_contain_mime_type (formats, BYLINE_CLIP_MIME_TYPE))
    _byline_paste_piece (paste, formats, BYLINE_CLIP_MIME_TYPE, NULL, TRUE, FALSE);
  else if (document != NULL && piece_type != NULL)
    _byline_paste_piece (paste, formats, piece_type, NULL, FALSE, FALSE);
  else if (gdk_content_formats_contain_mime_type (formats, "text/html"))
    _byline_paste_read_page_async (paste, formats, on_html_read, _byline_paste_ref (paste));
  else if (document != NULL
           && gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE)
           && !gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    _byline_paste_read_value_async (paste, GDK_TYPE_TEXTURE, on_texture_read);
  else
    return FALSE;
  return TRUE;
}

gboolean
_byline_body_view_paste_clipboard (BylineBodyView *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  g_autoptr(GdkContentFormats) formats = NULL;
  g_autoptr(BylinePaste) paste = NULL;
  GdkContentProvider *content = gdk_clipboard_get_content (clipboard);

  /* Words another text view copied (the headline's): their text, which
   * GtkTextView pastes (they offer a page too, byline-body-view-copy.c). */
  if (content != NULL && _byline_content_get_text_buffer (content) != NULL)
    return FALSE;
  paste = _byline_paste_new (self, NULL);
  /* Another application's clipboard lists MIME types: see which GTypes they make. */
  formats = gdk_content_formats_union_deserialize_gtypes (
              gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));
  return _byline_paste_formats (paste, formats, TRUE);
}

gboolean
_byline_body_view_paste_drop (BylineBodyView *self,
                              GdkDrop        *drop)
{
  g_autoptr(GdkContentFormats) formats = NULL;
  g_autoptr(BylinePaste) paste = _byline_paste_new (self, drop);

  formats = gdk_content_formats_union_deserialize_gtypes (gdk_content_formats_ref (gdk_drop_get_formats (drop)));
  if (_byline_paste_formats (paste, formats, TRUE))
    return TRUE;
  _byline_paste_text (paste);
  return TRUE;
}

void
_byline_body_view_paste_own_piece (BylineBodyView *self,
                                   GBytes         *piece,
                                   gboolean        as_blocks)
{
  g_autoptr(GdkContentFormats) formats = gdk_content_formats_new (NULL, 0);
  g_autoptr(BylinePaste) paste = NULL;

  g_return_if_fail (byline_body_view_get_document (self) != NULL);

  paste = _byline_paste_new (self, NULL);
  paste->as_blocks = as_blocks;
  _byline_paste_piece (paste, formats, BYLINE_CLIP_MIME_TYPE, piece, TRUE, FALSE);
}

