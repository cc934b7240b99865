/* byline-body-view-pictures.c — pictures coming into the body view: added
 * (at once, or copied in a thread), or a picture of the story put in the text
 * (where one the story was to have goes: byline-body-view-missing.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-body-view-private.h"
#include "byline-document.h"
#include "byline-error.h"
#include "byline-files.h"
#include "byline-missing-undo.h"
#include "byline-ninjs.h"
#include "byline-web-picture.h"
#include "byline-widget-util.h"

/* After @n figures inserted at block @at: the cursor on the empty line below
 * them if there is one, else just after them. */
static void
place_cursor_after_figures (BylineBodyView *self,
                            guint           at,
                            guint           n)
{
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (self);
  BylineDocument *document = byline_body_view_get_document (self);
  BylineBody *body = byline_article_get_body (byline_document_get_article (document));
  guint next = at + n;
  GtkTextIter iter;

  if (next < byline_body_get_n_blocks (body)
      && byline_block_get_kind (byline_body_get_block (body, next)) != BYLINE_BLOCK_IMAGE
      && byline_block_get_length (byline_body_get_block (body, next)) == 0)
    byline_body_buffer_get_iter_at_block (buffer, &iter, next, 0);
  else
    byline_body_buffer_get_iter_at_block (buffer, &iter, at + n - 1, 1);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
}

static GPtrArray *
files_of (GListModel *model)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (files, g_list_model_get_item (model, i));
  return files;
}

/* A picture dragged from a web page is its address: downloaded first (GIO
 * reads no http: address here).  Blocking, as copying a camera's photo is. */
static BylineImage *
import_file (BylineDraftStore       *store,
             BylineArticle          *article,
             GFile                  *file,
             GPtrArray              *pages,
             GCancellable           *cancellable,
             GFileProgressCallback   progress,
             gpointer                progress_data,
             GError                **error)
{
  g_autoptr(GFile) downloaded = NULL;
  g_autoptr(GError) local = NULL;
  BylineImage *image;

  if (byline_web_picture_is_web (file))
    {
      g_autofree char *uri = g_file_get_uri (file);
      BylineDownloadedPage *page = NULL;

      downloaded = byline_web_picture_download_full (uri, BYLINE_WEB_PICTURE_MAX_BYTES, cancellable, progress,
                                                     progress_data, pages != NULL ? &page : NULL, &local);
      /* A link to a story: it opens as one (the caller does it), from the
       * page downloaded here. */
      if (page != NULL)
        {
          g_ptr_array_add (pages, page);
          return NULL;
        }
      if (downloaded == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      file = downloaded;
    }
  image = byline_draft_store_import_image (store, article, file, &local);
  if (downloaded != NULL)
    byline_web_picture_discard (downloaded);
  /* Another place GIO cannot read here (ftp:, a data: picture). */
  if (image == NULL && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("Cannot add the picture at %s: Byline adds pictures from files and web addresses"),
                   g_str_has_prefix (uri, "data:") ? "data:" : uri);
      return NULL;
    }
  if (image == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return image;
}

/* Copies @files into @article's draft, adding the pictures to @images;
 * keeps going past a file that fails, and says why the first one did. */
static void
import_files (BylineDraftStore       *store,
              BylineArticle          *article,
              GPtrArray              *files,
              GPtrArray              *images,
              GPtrArray              *pages,
              GCancellable           *cancellable,
              GFileProgressCallback   progress,
              gpointer                progress_data,
              GError                **first_error)
{
  /* Stopped: those in already stay, the others are not added. */
  for (guint i = 0; i < files->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr(GError) error = NULL;
      BylineImage *image = import_file (store, article, g_ptr_array_index (files, i), pages, cancellable, progress,
                                        progress_data, &error);

      if (image != NULL)
        g_ptr_array_add (images, image);
      else if (error != NULL && first_error != NULL && *first_error == NULL)
        g_propagate_error (first_error, g_steal_pointer (&error));
    }
}

void
_byline_body_view_add_image (BylineBodyView *self,
                             BylineImage    *image,
                             guint           block)
{
  BylineDocument *document = byline_body_view_get_document (self);
  BylineArticle *article = byline_document_get_article (document);

  if (byline_article_find_image (article, byline_image_get_id (image)) != NULL)
    byline_body_insert_image (byline_article_get_body (article), block, byline_image_get_id (image));
  else
    byline_document_add_image (document, image, block);
}

/* Shows @images, in the draft already, before block @at, as one undo step;
 * with @move_cursor the cursor goes below them.  A picture that was missing
 * from the story, added by hand, takes what is known of it and goes where
 * its caption stands instead: found by its name, by the paragraph @within
 * (-1 for none) that the insertion point is in, or, for the first, named
 * @missing_name (chosen for it: byline_body_view_add_missing_picture()). */
static void
show_images (BylineBodyView *self,
             GPtrArray      *images,
             guint           at,
             int             within,
             const char     *missing_name,
             gboolean        move_cursor)
{
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (self);
  BylineDocument *document = byline_body_view_get_document (self);
  BylineArticle *article = byline_document_get_article (document);
  BylineBody *body = byline_article_get_body (article);
  JsonArray *before;
  guint n_at = 0;

  if (images->len == 0)
    return;
  before = byline_ninjs_dup_pending_pictures (article);
  byline_body_buffer_begin_edit (buffer, BYLINE_EDIT_OTHER);
  for (guint i = 0; i < images->len; i++)
    {
      BylineImage *image = g_ptr_array_index (images, i);
      gboolean by_name;
      int block;
      int missing = _byline_body_view_find_missing (article, image, within, i == 0 ? missing_name : NULL, &block, &by_name);
      /* A picture of the story put back in the text: nothing settles it by
       * its name, and it stands for a missing one only in that one's place. */
      gboolean in_story = byline_article_find_image (article, byline_image_get_id (image)) != NULL;

      if (in_story && block < 0)
        missing = -1;
      if (missing >= 0)
        byline_article_describe_as_missing (article, missing, image);
      /* Settled now, before it comes in: a picture of its name would settle
       * the first of that name as it does. */
      if (missing >= 0 && (!by_name || in_story))
        byline_article_settle_missing_picture (article, missing);
      if (block >= 0)
        {
          /* The caption as the person may have changed it since. */
          g_autofree char *caption = g_strdup (byline_block_get_text (byline_body_get_block (body, block)));

          _byline_body_view_put_in_place (self, image, block, caption);
          if (block == within)
            within = -1;
        }
      else
        {
          _byline_body_view_add_image (self, image, at + n_at);
          if (within >= (int) (at + n_at))
            within++;
          n_at++;
        }
    }
  byline_body_buffer_end_edit (buffer);
  /* Undone, the missing pictures they took the places of are missed again. */
  _byline_missing_taken_attach (article, g_steal_pointer (&before), byline_body_buffer_get_history (buffer));
  if (move_cursor && n_at > 0)
    place_cursor_after_figures (self, at, n_at);
}

guint
byline_body_view_insert_pictures (BylineBodyView *self,
                                  GListModel     *files,
                                  int             index,
                                  GError        **error)
{
  BylineBodyBuffer *buffer;
  BylineDocument *document;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int within = -1;
  guint at;

  g_return_val_if_fail (BYLINE_IS_BODY_VIEW (self), 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), 0);

  buffer = byline_body_view_get_body_buffer (self);
  document = byline_body_view_get_document (self);

  if (document == NULL)
    return 0;

  /* The new figures' lines must show, wherever they go. */
  byline_body_buffer_show_all (buffer);
  at = index < 0 ? byline_body_buffer_get_insert_block (buffer) : (guint) index;
  if (index < 0)
    {
      GtkTextIter cursor;

      gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (buffer), &cursor,
                                        gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (buffer)));
      within = _byline_body_view_paragraph_at (buffer, &cursor);
    }
  images = g_ptr_array_new_with_free_func (g_object_unref);
  list = files_of (files);
  import_files (byline_document_get_store (document), byline_document_get_article (document), list, images, NULL,
                NULL, NULL, NULL, error);
  show_images (self, images, at, within, NULL, TRUE);
  return images->len;
}

/* ---------------------------------------------- pictures, off the main thread */

/* Photos from a camera's card are large: copying and hashing twenty of them
 * took seconds on the main thread, the window frozen.  They are imported
 * into the draft in a thread; then shown where the cursor was, which a mark
 * follows while the reporter types on. */
typedef struct
{
  BylineBodyView   *view;
  BylineDocument   *document;   /* the view's when it began */
  BylineArticle    *article;
  BylineDraftStore *store;
  GPtrArray        *files;      /* GFile */
  GtkTextMark      *mark;       /* before the line they go above */
  GtkTextMark      *within;     /* in the paragraph they were added in, or NULL */
  char             *missing;    /* the missing picture the first stands for, or NULL */
  int               cursor;     /* the cursor's offset then */
  GPtrArray        *images;     /* BylineImage, imported */
  GPtrArray        *pages;      /* BylineDownloadedPage: the links to stories among them */
  GError           *error;      /* why the first that failed did */
  GdkTexture       *texture;    /* pasted: written to a file in the thread first */
  char             *name;       /* … with this name */
  AdwToast         *downloading; /* shown while a web picture downloads */
  char             *host;       /* … from there */
  gint64            said_at;    /* when its progress was last said (monotonic µs) */
  gboolean          again;      /* its line dropped: downloading it again */
  GCancellable     *cancellable; /* its Stop button's */
} Insertion;

static void
insertion_free (Insertion *insertion)
{
  if (insertion->mark != NULL && !gtk_text_mark_get_deleted (insertion->mark))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (insertion->mark), insertion->mark);
  g_clear_object (&insertion->mark);
  if (insertion->within != NULL && !gtk_text_mark_get_deleted (insertion->within))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (insertion->within), insertion->within);
  g_clear_object (&insertion->within);
  g_free (insertion->missing);
  g_clear_object (&insertion->view);
  g_clear_object (&insertion->document);
  g_clear_object (&insertion->article);
  g_clear_object (&insertion->store);
  g_clear_pointer (&insertion->files, g_ptr_array_unref);
  g_clear_pointer (&insertion->images, g_ptr_array_unref);
  g_clear_pointer (&insertion->pages, g_ptr_array_unref);
  g_clear_error (&insertion->error);
  g_clear_object (&insertion->texture);
  g_free (insertion->name);
  byline_toast_clear (&insertion->downloading);
  g_free (insertion->host);
  g_clear_object (&insertion->cancellable);
  g_free (insertion);
}

/* A picture pasted from a browser has no file: it gets one, in a folder of
 * its own, named as the panel and the exports show it. */
static GFile *
write_texture (GdkTexture  *texture,
               const char  *name,
               GError     **error)
{
  g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (texture);
  g_autofree char *folder_path = g_dir_make_tmp ("byline-pasted-XXXXXX", error);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;

  if (folder_path == NULL)
    return NULL;
  folder = g_file_new_for_path (folder_path);
  file = g_file_get_child (folder, name);
  if (!g_file_replace_contents (file, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE, NULL, NULL, error))
    {
      g_file_delete (folder, NULL, NULL);
      return NULL;
    }
  return g_steal_pointer (&file);
}

/* The toast of a web picture downloading, its title in figures of one
 * width: its Stop button does not move under the pointer as the count goes
 * on. */
static AdwToast *
show_download_toast (BylineBodyView *self,
                     Insertion      *insertion)
{
  g_autofree char *title = g_strdup_printf (_("Downloading from %s…"), insertion->host);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  GtkWidget *label = gtk_label_new (title);
  AdwToast *toast;

  /* Translators: the button of the message "Downloading from baolaocai.vn…" */
  toast = byline_toast_new_lasting (title, _("Stop"), insertion->cancellable);
  pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
  gtk_label_set_attributes (GTK_LABEL (label), attributes);
  /* In a narrow window, the host's name gives way. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  adw_toast_set_custom_title (toast, label);
  byline_widget_show_toast (GTK_WIDGET (self), g_object_ref (toast));
  return toast;
}

/* How much of a web picture has come, said in its toast: a camera's photo
 * takes minutes on a mountain district's line, and a toast that says the
 * same all along looks stuck.  Called in the thread; said on the main one,
 * at most four times a second. */
static void
on_download_progress (goffset  received,
                      goffset  total,
                      gpointer data)
{
  Insertion *insertion = data;
  gint64 now = g_get_monotonic_time ();
  char *title;

  if (insertion->downloading == NULL)
    return;
  /* The line dropped: said at once, else the count going back to 0 looks
   * like a fault. */
  if (received < 0)
    {
      insertion->again = TRUE;
      insertion->said_at = now;
      /* Translators: "Lost the connection to baolaocai.vn: downloading again…" */
      title = g_strdup_printf (_("Lost the connection to %s: downloading again…"), insertion->host);
      byline_toast_set_title_from_thread (insertion->downloading, title);
      return;
    }
  if (now - insertion->said_at < G_USEC_PER_SEC / 4)
    return;
  insertion->said_at = now;
  /* Its size and a share, which keep their width as they go, rather than
   * what has come ("99.9 kB", "100.0 kB", "1.0 MB"). */
  if (total > 0)
    {
      g_autofree char *all = g_format_size (total);
      int share = (int) MIN (100, received * 100 / total);

      if (insertion->again)
        /* Translators: "Downloading 8.4 MB from baolaocai.vn again… 27%", after the line dropped */
        title = g_strdup_printf (_("Downloading %s from %s again… %d%%"), all, insertion->host, share);
      else
        /* Translators: "Downloading 8.4 MB from baolaocai.vn… 27%" */
        title = g_strdup_printf (_("Downloading %s from %s… %d%%"), all, insertion->host, share);
    }
  else
    {
      g_autofree char *got = g_format_size (received);

      /* Translators: "Downloading from baolaocai.vn… 2.1 MB", its size not known */
      title = g_strdup_printf (_("Downloading from %s… %s"), insertion->host, got);
    }
  byline_toast_set_title_from_thread (insertion->downloading, title);
}

static void
import_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  Insertion *insertion = data;
  g_autoptr(GFile) pasted = NULL;

  /* Encoding a large picture as PNG takes a while too. */
  if (insertion->texture != NULL)
    {
      pasted = write_texture (insertion->texture, insertion->name, &insertion->error);
      if (pasted != NULL)
        g_ptr_array_add (insertion->files, g_object_ref (pasted));
    }
  import_files (insertion->store, insertion->article, insertion->files, insertion->images, insertion->pages,
                insertion->cancellable, on_download_progress, insertion, &insertion->error);
  if (pasted != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (pasted);

      byline_file_remove_tree (folder, NULL);
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Insertion *insertion = g_task_get_task_data (G_TASK (result));
  BylineBodyView *self = insertion->view;
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (self);
  GtkTextIter iter, cursor;
  guint block = 0, offset = 0;
  int within;
  gboolean unmoved;

  byline_toast_clear (&insertion->downloading);
  /* Another story in the view now: the pictures stay in their draft's folder. */
  if (byline_body_view_get_document (self) != insertion->document || gtk_text_mark_get_deleted (insertion->mark))
    return;
  if (insertion->images->len > 0)
    {
      byline_body_buffer_show_all (buffer);
      gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (buffer), &iter, insertion->mark);
      if (byline_body_buffer_locate (buffer, &iter, &block, &offset) && offset > 0)
        block++;
      within = -1;
      if (insertion->within != NULL && !gtk_text_mark_get_deleted (insertion->within))
        {
          gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (buffer), &iter, insertion->within);
          within = _byline_body_view_paragraph_at (buffer, &iter);
        }
      gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (buffer), &cursor,
                                        gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (buffer)));
      unmoved = gtk_text_iter_get_offset (&cursor) == insertion->cursor;
      /* The cursor goes below them unless the reporter has moved it meanwhile. */
      show_images (self, insertion->images, block, within, insertion->missing, unmoved);
    }
  /* Stopped by the person: nothing to tell. */
  if (insertion->error != NULL && !g_error_matches (insertion->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = byline_error_dup_for_person (insertion->error);

      byline_widget_show_toast (GTK_WIDGET (self), byline_toast_new_long (message));
    }
  /* Links to stories dropped where pictures go: they open as stories, as a
   * story's file dropped there does. */
  if (insertion->pages->len > 0)
    {
      GVariantBuilder builder;

      g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssay)"));
      for (guint i = 0; i < insertion->pages->len; i++)
        {
          BylineDownloadedPage *page = g_ptr_array_index (insertion->pages, i);

          g_variant_builder_add (&builder, "(ss@ay)", page->uri, page->base,
                                 g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, page->html, TRUE));
        }
      gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.open-web-pages", g_variant_builder_end (&builder));
    }
}

/* @index: the block they go above, or -1 for the cursor's; @within: the
 * paragraph they are added in (the cursor's, or the one dropped on), or
 * -1: there goes a missing picture whose caption it is (show_images()). */
static void
start_insertion (BylineBodyView *self,
                 GListModel     *files,
                 GdkTexture     *texture,
                 const char     *name,
                 int             index,
                 int             within,
                 const char     *missing)
{
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (self);
  BylineDocument *document = byline_body_view_get_document (self);
  g_autoptr(GTask) task = NULL;
  Insertion *insertion;
  GtkTextIter iter;
  guint at;

  if (document == NULL || ((files == NULL || g_list_model_get_n_items (files) == 0) && texture == NULL))
    return;

  byline_body_buffer_show_all (buffer);
  at = index < 0 ? byline_body_buffer_get_insert_block (buffer) : (guint) index;
  insertion = g_new0 (Insertion, 1);
  insertion->view = g_object_ref (self);
  insertion->document = g_object_ref (document);
  insertion->article = g_object_ref (byline_document_get_article (document));
  insertion->store = g_object_ref (byline_document_get_store (document));
  insertion->files = files != NULL ? files_of (files) : g_ptr_array_new_with_free_func (g_object_unref);
  insertion->images = g_ptr_array_new_with_free_func (g_object_unref);
  insertion->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_downloaded_page_free);
  insertion->cancellable = g_cancellable_new ();
  /* Another story in the view, or the window gone: what downloads is no
   * longer wanted, and a slow line has better to carry. */
  g_signal_connect_object (self, "notify::document", G_CALLBACK (g_cancellable_cancel), insertion->cancellable,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "unrealize", G_CALLBACK (g_cancellable_cancel), insertion->cancellable,
                           G_CONNECT_SWAPPED);
  insertion->texture = texture != NULL ? g_object_ref (texture) : NULL;
  insertion->name = g_strdup (name);
  insertion->missing = g_strdup (missing);
  if (at < byline_body_get_n_blocks (byline_article_get_body (insertion->article)))
    byline_body_buffer_get_iter_at_block (buffer, &iter, at, 0);
  else
    gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (buffer), &iter);
  insertion->mark = g_object_ref (gtk_text_buffer_create_mark (GTK_TEXT_BUFFER (buffer), NULL, &iter, TRUE));
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (buffer), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (buffer)));
  insertion->cursor = gtk_text_iter_get_offset (&iter);
  if (index < 0)
    within = _byline_body_view_paragraph_at (buffer, &iter);
  if (within >= 0 && (guint) within < byline_body_get_n_blocks (byline_article_get_body (insertion->article)))
    {
      byline_body_buffer_get_iter_at_block (buffer, &iter, within, 0);
      insertion->within = g_object_ref (gtk_text_buffer_create_mark (GTK_TEXT_BUFFER (buffer), NULL, &iter, FALSE));
    }

  /* A picture from the web may take a while on a slow line: said, until
   * it is in (or why not). */
  for (guint i = 0; i < insertion->files->len; i++)
    if (byline_web_picture_is_web (g_ptr_array_index (insertion->files, i)))
      {
        insertion->host = byline_web_dup_site (g_ptr_array_index (insertion->files, i));
        insertion->downloading = show_download_toast (self, insertion);
        break;
      }

  task = g_task_new (self, NULL, on_imported, NULL);
  g_task_set_source_tag (task, byline_body_view_insert_pictures_async);
  g_task_set_task_data (task, insertion, (GDestroyNotify) insertion_free);
  g_task_run_in_thread (task, import_in_thread);
}

void
byline_body_view_insert_pictures_async (BylineBodyView *self,
                                        GListModel     *files,
                                        int             index)
{
  g_return_if_fail (BYLINE_IS_BODY_VIEW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  start_insertion (self, files, NULL, NULL, index, -1, NULL);
}

void
_byline_body_view_insert_pictures_within (BylineBodyView *self,
                                          GListModel     *files,
                                          guint           index,
                                          int             within)
{
  start_insertion (self, files, NULL, NULL, (int) index, within, NULL);
}

void
byline_body_view_add_missing_picture (BylineBodyView *self,
                                      GFile          *file,
                                      const char     *missing_name)
{
  g_autoptr(GListStore) files = NULL;

  g_return_if_fail (BYLINE_IS_BODY_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (missing_name != NULL);

  files = g_list_store_new (G_TYPE_FILE);
  g_list_store_append (files, file);
  start_insertion (self, G_LIST_MODEL (files), NULL, NULL, -1, -1, missing_name);
}

void
byline_body_view_insert_texture_async (BylineBodyView *self,
                                       GdkTexture     *texture,
                                       const char     *name)
{
  g_return_if_fail (BYLINE_IS_BODY_VIEW (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));
  g_return_if_fail (name != NULL);

  start_insertion (self, NULL, texture, name, -1, -1, NULL);
}

/* Puts a picture of the story that is not in the text at the cursor, or in
 * the place of the missing picture it stands for. */
void
byline_body_view_place_image (BylineBodyView *self,
                              BylineImage    *image)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);
  BylineBodyBuffer *buffer;
  BylineDocument *document;
  BylineBody *body;
  GtkTextIter cursor;

  g_return_if_fail (BYLINE_IS_BODY_VIEW (self));
  g_return_if_fail (BYLINE_IS_IMAGE (image));

  buffer = byline_body_view_get_body_buffer (self);
  document = byline_body_view_get_document (self);

  if (document == NULL)
    return;
  body = byline_article_get_body (byline_document_get_article (document));
  if (byline_body_find_image (body, byline_image_get_id (image)) >= 0)
    return;
  byline_body_buffer_show_all (buffer);
  /* At the cursor, as a picture added; in a missing one's place when it
   * stands for one (as after undoing its addition there). */
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (buffer), &cursor,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (buffer)));
  g_ptr_array_add (images, g_object_ref (image));
  show_images (self, images, byline_body_buffer_get_insert_block (buffer),
               _byline_body_view_paragraph_at (buffer, &cursor), NULL, TRUE);
  byline_document_set_selected_image (document, image);
}
