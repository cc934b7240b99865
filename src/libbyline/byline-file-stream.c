/* byline-file-stream.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-file-stream-private.h"

#define BYLINE_TYPE_FILE_STREAM (byline_file_stream_get_type ())
G_DECLARE_FINAL_TYPE (BylineFileStream, byline_file_stream, BYLINE, FILE_STREAM, GInputStream)

struct _BylineFileStream
{
  GInputStream  parent_instance;

  GInputStream *base;
};

static void pollable_iface_init (GPollableInputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineFileStream, byline_file_stream, G_TYPE_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_POLLABLE_INPUT_STREAM, pollable_iface_init))

static gssize
byline_file_stream_read (GInputStream  *stream,
                         void          *buffer,
                         gsize          count,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return g_input_stream_read (BYLINE_FILE_STREAM (stream)->base, buffer, count, cancellable, error);
}

static gboolean
byline_file_stream_close (GInputStream  *stream,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return g_input_stream_close (BYLINE_FILE_STREAM (stream)->base, cancellable, error);
}

static gboolean
byline_file_stream_can_poll (GPollableInputStream *stream)
{
  return TRUE;
}

static gboolean
byline_file_stream_is_readable (GPollableInputStream *stream)
{
  return TRUE;
}

static GSource *
byline_file_stream_create_source (GPollableInputStream *stream,
                                  GCancellable         *cancellable)
{
  GSource *source = g_pollable_source_new (G_OBJECT (stream));
  g_autoptr(GSource) ready = g_timeout_source_new (0);

  /* Always readable: dispatch at the next iteration. */
  g_source_add_child_source (source, ready);
  if (cancellable != NULL)
    {
      g_autoptr(GSource) cancelled = g_cancellable_source_new (cancellable);

      g_source_set_dummy_callback (cancelled);
      g_source_add_child_source (source, cancelled);
    }
  return source;
}

static gssize
byline_file_stream_read_nonblocking (GPollableInputStream  *stream,
                                     void                  *buffer,
                                     gsize                  count,
                                     GError               **error)
{
  /* A read from a local file does not wait on anyone. */
  return g_input_stream_read (BYLINE_FILE_STREAM (stream)->base, buffer, count, NULL, error);
}

static void
pollable_iface_init (GPollableInputStreamInterface *iface)
{
  iface->can_poll = byline_file_stream_can_poll;
  iface->is_readable = byline_file_stream_is_readable;
  iface->create_source = byline_file_stream_create_source;
  iface->read_nonblocking = byline_file_stream_read_nonblocking;
}

static void
byline_file_stream_finalize (GObject *object)
{
  g_clear_object (&BYLINE_FILE_STREAM (object)->base);

  G_OBJECT_CLASS (byline_file_stream_parent_class)->finalize (object);
}

static void
byline_file_stream_class_init (BylineFileStreamClass *klass)
{
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = byline_file_stream_finalize;
  stream_class->read_fn = byline_file_stream_read;
  stream_class->close_fn = byline_file_stream_close;
}

static void
byline_file_stream_init (BylineFileStream *self)
{
}

GInputStream *
_byline_file_stream_new (GFile         *file,
                         goffset       *size,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFileInputStream) base = g_file_read (file, cancellable, error);
  g_autoptr(GFileInfo) info = NULL;
  BylineFileStream *self;

  if (base == NULL)
    return NULL;
  info = g_file_input_stream_query_info (base, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (size != NULL)
    *size = g_file_info_get_size (info);

  /* Only local files qualify: a file on a share may take its time. */
  if (!g_file_is_native (file))
    return G_INPUT_STREAM (g_steal_pointer (&base));

  self = g_object_new (BYLINE_TYPE_FILE_STREAM, NULL);
  self->base = G_INPUT_STREAM (g_steal_pointer (&base));
  return G_INPUT_STREAM (self);
}
