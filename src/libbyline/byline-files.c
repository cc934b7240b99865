/* byline-files.c — files written whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>

#include "byline-files.h"


static char *
display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

static int
open_temporary (GFile   *dest,
                char   **tmp_path,
                GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (dest);
  g_autofree char *base = g_file_get_basename (dest);
  g_autofree char *template = NULL;
  int fd;

  if (parent == NULL || g_file_peek_path (parent) == NULL)
    {
      g_autofree char *name = display_name (dest);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: cannot write there"), name);
      return -1;
    }

  template = g_strdup_printf ("%s/.%s.XXXXXX", g_file_peek_path (parent), base);
  fd = g_mkstemp_full (template, O_WRONLY | O_CLOEXEC, 0666 & ~0022);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name (dest);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("cannot write %s: %s"), name, g_strerror (saved_errno));
      return -1;
    }
  *tmp_path = g_steal_pointer (&template);
  return fd;
}

/* fsync, then rename over @dest; the temporary file is gone either way. */
static gboolean
finish_temporary (GOutputStream  *stream,
                  const char     *tmp_path,
                  GFile          *dest,
                  gboolean        ok,
                  GError        **error)
{
  int fd = g_unix_output_stream_get_fd (G_UNIX_OUTPUT_STREAM (stream));

  if (ok && fsync (fd) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name (dest);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("cannot write %s: %s"), name, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!g_output_stream_close (stream, NULL, ok ? error : NULL))
    ok = FALSE;
  if (ok && g_rename (tmp_path, g_file_peek_path (dest)) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name (dest);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("cannot write %s: %s"), name, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp_path);
  return ok;
}

gboolean
byline_io_error_is_disconnection (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_MOUNTED);
}

const char *
byline_io_error_phrase (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != G_IO_ERROR)
    return NULL;
  switch (error->code)
    {
    case G_IO_ERROR_NOT_FOUND:
      return _("it is not there");
    case G_IO_ERROR_PERMISSION_DENIED:
      return _("you do not have permission");
    case G_IO_ERROR_NO_SPACE:
      return _("the drive is full");
    case G_IO_ERROR_READ_ONLY:
      return _("the drive can only be read");
    case G_IO_ERROR_IS_DIRECTORY:
      return _("it is a folder, not a file");
    case G_IO_ERROR_NOT_DIRECTORY:
      return _("a file is where a folder of its path should be");
    case G_IO_ERROR_TIMED_OUT:
      return _("the network drive did not answer");
    default:
      return byline_io_error_is_disconnection (error) ? _("the network drive is not connected") : NULL;
    }
}

void
byline_io_error_reword (GError **error,
                        GFile   *file)
{
  const char *phrase;
  g_autofree char *name = NULL;
  GError *reworded;

  if (error == NULL || *error == NULL || (phrase = byline_io_error_phrase (*error)) == NULL)
    return;
  name = g_file_get_parse_name (file);
  reworded = g_error_new ((*error)->domain, (*error)->code, "%s: %s", name, phrase);
  g_error_free (*error);
  *error = reworded;
}

gboolean
byline_file_write_atomically (GFile   *file,
                             GBytes  *bytes,
                             GError **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;
  gsize written;
  int fd;

  fd = open_temporary (file, &tmp_path, error);
  if (fd < 0)
    return FALSE;
  stream = g_unix_output_stream_new (fd, TRUE);
  ok = g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  &written, NULL, &local_error);
  if (!ok)
    {
      g_autofree char *name = display_name (file);
      g_set_error (error, local_error->domain, local_error->code,
                   _("cannot write %s: %s"), name, local_error->message);
    }
  return finish_temporary (stream, tmp_path, file, ok, error);
}

gboolean
byline_file_copy_atomically (GFile   *source,
                            GFile   *dest,
                            GError **error)
{
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;
  int fd;

  input = g_file_read (source, NULL, &local_error);
  if (input == NULL)
    {
      g_autofree char *name = display_name (source);
      g_set_error (error, local_error->domain, local_error->code,
                   _("cannot read %s: %s"), name, local_error->message);
      return FALSE;
    }

  fd = open_temporary (dest, &tmp_path, error);
  if (fd < 0)
    return FALSE;
  stream = g_unix_output_stream_new (fd, TRUE);
  ok = g_output_stream_splice (stream, G_INPUT_STREAM (input),
                               G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, NULL, &local_error) >= 0;
  if (!ok)
    {
      g_autofree char *name = display_name (source);
      g_set_error (error, local_error->domain, local_error->code,
                   _("cannot copy %s: %s"), name, local_error->message);
    }
  return finish_temporary (stream, tmp_path, dest, ok, error);
}

gboolean
byline_file_remove_tree (GFile   *file,
                        GError **error)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, error) && info != NULL)
        if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
          {
            if (!byline_file_remove_tree (child, error))
              return FALSE;
          }
        else if (!g_file_delete (child, NULL, error))
          return FALSE;
    }
  return g_file_delete (file, NULL, error);
}

void
byline_file_remove_tree_and_unref (gpointer file)
{
  g_autoptr(GFile) folder = file;

  byline_file_remove_tree (folder, NULL);
}

char *
byline_file_name_of_ref (const char *ref)
{
  g_autofree char *path = NULL;
  const char *slash, *name;
  char *unescaped;

  g_return_val_if_fail (ref != NULL, NULL);

  path = g_strndup (ref, strcspn (ref, "?#"));
  slash = strrchr (path, '/');
  name = slash != NULL ? slash + 1 : path;
  if (*name == '\0')
    return NULL;
  unescaped = g_uri_unescape_string (name, NULL);
  if (unescaped != NULL && g_utf8_validate (unescaped, -1, NULL) && *unescaped != '\0')
    return unescaped;
  g_free (unescaped);
  return g_strdup (name);
}
