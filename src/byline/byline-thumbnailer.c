/* byline-thumbnailer.c
 *
 * At most two pictures decode at once, whatever asks: opening a story with a
 * hundred photos must not start a hundred decoders.  Textures are cached
 * weakly, so that a figure and its row share one while either shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-thumbnailer.h"

#define MAX_RUNNING 2

struct _BylineThumbnailer
{
  GObject     parent_instance;
  GHashTable *cache;     /* "size:uri" → GdkTexture, weak */
  GQueue      waiting;   /* GTask */
  guint       running;
};

G_DEFINE_FINAL_TYPE (BylineThumbnailer, byline_thumbnailer, G_TYPE_OBJECT)

typedef struct
{
  GFile    *file;
  int       size;
  gboolean  square;
  char     *key;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->file);
  g_free (request->key);
  g_free (request);
}

static char *
cache_key (GFile    *file,
           int       size,
           gboolean  square)
{
  g_autofree char *uri = g_file_get_uri (file);
  return g_strdup_printf ("%d%s:%s", size, square ? "sq" : "", uri);
}

static void
byline_thumbnailer_finalize (GObject *object)
{
  BylineThumbnailer *self = BYLINE_THUMBNAILER (object);

  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (byline_thumbnailer_parent_class)->finalize (object);
}

static void
byline_thumbnailer_class_init (BylineThumbnailerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_thumbnailer_finalize;
}

static void
byline_thumbnailer_init (BylineThumbnailer *self)
{
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&self->waiting);
}

BylineThumbnailer *
byline_thumbnailer_get_default (void)
{
  static BylineThumbnailer *instance;

  if (instance == NULL)
    {
      instance = g_object_new (BYLINE_TYPE_THUMBNAILER, NULL);
      g_object_add_weak_pointer (G_OBJECT (instance), (gpointer *) &instance);
    }
  return instance;
}

/* To fit in @size × @size, but never larger than the picture: at_scale
 * would blow a logo up to @size. */
static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         data)
{
  int size = GPOINTER_TO_INT (data);
  double scale;

  if (width <= size && height <= size)
    return;
  scale = MIN ((double) size / width, (double) size / height);
  gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale + 0.5)), MAX (1, (int) (height * scale + 0.5)));
}

GdkPixbuf *
byline_thumbnailer_load_pixbuf (GFile   *file,
                                int      size,
                                GError **error)
{
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  GdkPixbuf *pixbuf;
  guint8 buffer[65536];
  gssize n;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_is_native (file))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not a local picture");
      return NULL;
    }
  /* One read of the file: the loader learns the size from the header. */
  if ((input = g_file_read (file, NULL, error)) == NULL)
    return NULL;
  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), GINT_TO_POINTER (size));
  while ((n = g_input_stream_read (G_INPUT_STREAM (input), buffer, sizeof buffer, NULL, error)) > 0)
    if (!gdk_pixbuf_loader_write (loader, buffer, n, error))
      {
        gdk_pixbuf_loader_close (loader, NULL);
        return NULL;
      }
  if (n < 0)
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  if (!gdk_pixbuf_loader_close (loader, error))
    return NULL;
  if ((pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      g_set_error (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE, "No picture in the file");
      return NULL;
    }
  /* Cameras store portrait photos sideways with an EXIF orientation. */
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

/* In the format cairo draws (GDK_MEMORY_DEFAULT): GTK's cairo renderer
 * copies a texture into a cairo surface every frame it is drawn, and a
 * texture in any other format (a JPEG's R8G8B8) is converted pixel by
 * pixel each time.  Converted once here, in the decoding thread, each
 * frame's copy is a plain one.  GL and Vulkan renderers take it as well. */
static GdkTexture *
texture_for_pixbuf (GdkPixbuf *pixbuf)
{
  g_autoptr(GBytes) bytes = gdk_pixbuf_read_pixel_bytes (pixbuf);
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  g_autoptr(GdkTexture) decoded = gdk_memory_texture_new (width, height,
                                                          gdk_pixbuf_get_has_alpha (pixbuf)
                                                            ? GDK_MEMORY_R8G8B8A8 : GDK_MEMORY_R8G8B8,
                                                          bytes, gdk_pixbuf_get_rowstride (pixbuf));
  g_autoptr(GdkTextureDownloader) downloader = gdk_texture_downloader_new (decoded);
  g_autoptr(GBytes) converted = NULL;
  gsize stride;

  gdk_texture_downloader_set_format (downloader, GDK_MEMORY_DEFAULT);
  converted = gdk_texture_downloader_download_bytes (downloader, &stride);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, converted, stride);
}

static void
decode_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  pixbuf = byline_thumbnailer_load_pixbuf (request->file, request->size * (request->square ? 2 : 1), &error);
  if (pixbuf == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (request->square)
    {
      /* Decoded to fit twice the size, so that the middle square fills @size. */
      int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
      int side = MIN (w, h);
      g_autoptr(GdkPixbuf) middle = gdk_pixbuf_new_subpixbuf (pixbuf, (w - side) / 2, (h - side) / 2, side, side);
      g_autoptr(GdkPixbuf) scaled = gdk_pixbuf_scale_simple (middle, MIN (side, request->size),
                                                            MIN (side, request->size), GDK_INTERP_BILINEAR);

      g_set_object (&pixbuf, scaled);
    }
  g_task_return_pointer (task, texture_for_pixbuf (pixbuf), g_object_unref);
}

static void start_next (BylineThumbnailer *self);

static void
on_texture_gone (gpointer  data,
                 GObject  *where_the_object_was)
{
  g_autofree char *key = data;
  BylineThumbnailer *self = byline_thumbnailer_get_default ();

  if (g_hash_table_lookup (self->cache, key) == (gpointer) where_the_object_was)
    g_hash_table_remove (self->cache, key);
}

static void
on_decoded (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  BylineThumbnailer *self = BYLINE_THUMBNAILER (object);
  g_autoptr(GTask) outer = user_data;
  Request *request = g_task_get_task_data (outer);
  GError *error = NULL;
  GdkTexture *texture;

  self->running--;
  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (texture == NULL)
    g_task_return_error (outer, error);
  else
    {
      if (g_hash_table_lookup (self->cache, request->key) == NULL)
        {
          g_hash_table_insert (self->cache, g_strdup (request->key), texture);
          g_object_weak_ref (G_OBJECT (texture), on_texture_gone, g_strdup (request->key));
        }
      g_task_return_pointer (outer, texture, g_object_unref);
    }
  start_next (self);
}

static void
start_next (BylineThumbnailer *self)
{
  while (self->running < MAX_RUNNING && self->waiting.length > 0)
    {
      g_autoptr(GTask) outer = g_queue_pop_head (&self->waiting);
      Request *request = g_task_get_task_data (outer);
      GdkTexture *cached = g_hash_table_lookup (self->cache, request->key);
      GTask *inner;

      if (g_task_return_error_if_cancelled (outer))
        continue;
      if (cached != NULL)
        {
          g_task_return_pointer (outer, g_object_ref (cached), g_object_unref);
          continue;
        }

      self->running++;
      inner = g_task_new (self, g_task_get_cancellable (outer), on_decoded, g_object_ref (outer));
      g_task_set_source_tag (inner, decode_in_thread);
      g_task_set_task_data (inner, g_task_get_task_data (outer), NULL);
      g_task_run_in_thread (inner, decode_in_thread);
      g_object_unref (inner);
    }
}

GdkTexture *
byline_thumbnailer_lookup (BylineThumbnailer *self,
                           GFile             *file,
                           int                size,
                           gboolean           square)
{
  g_autofree char *key = NULL;
  GdkTexture *texture;

  g_return_val_if_fail (BYLINE_IS_THUMBNAILER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  key = cache_key (file, size, square);
  texture = g_hash_table_lookup (self->cache, key);
  return texture != NULL ? g_object_ref (texture) : NULL;
}

void
byline_thumbnailer_load_async (BylineThumbnailer   *self,
                               GFile               *file,
                               int                  size,
                               gboolean             square,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (BYLINE_IS_THUMBNAILER (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (size > 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_thumbnailer_load_async);
  request = g_new0 (Request, 1);
  request->file = g_object_ref (file);
  request->size = size;
  request->square = square;
  request->key = cache_key (file, size, square);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  g_queue_push_tail (&self->waiting, g_steal_pointer (&task));
  start_next (self);
}

/* Decodes running or waiting: what a benchmark waits for before it measures. */
guint
byline_thumbnailer_get_n_pending (BylineThumbnailer *self)
{
  g_return_val_if_fail (BYLINE_IS_THUMBNAILER (self), 0);
  return self->running + self->waiting.length;
}

GdkTexture *
byline_thumbnailer_load_finish (BylineThumbnailer  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (BYLINE_IS_THUMBNAILER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
