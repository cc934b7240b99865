/* byline-zip.c — the members of a ZIP archive held in memory
 *
 * The central directory at the end of the archive lists the members; each
 * points to its local header, after which its data follows, stored or
 * deflated (inflated here by GLib's zlib converter).  Sizes come from the
 * central directory, which a writer fills in even when it streamed the
 * member (general purpose bit 3).  Every offset and size is checked against
 * the archive's length before it is used: the file is the user's, but may
 * come from anyone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "byline-error.h"
#include "byline-le-private.h"
#include "byline-zip-private.h"

#define END_SIGNATURE       0x06054b50
#define CENTRAL_SIGNATURE   0x02014b50
#define LOCAL_SIGNATURE     0x04034b50
#define END_SIZE            22
#define CENTRAL_SIZE        46
#define LOCAL_SIZE          30
#define MAX_COMMENT         0xffff
#define MAX_MEMBERS         65535

typedef struct
{
  guint16 method;
  guint32 compressed;
  guint32 size;
  guint32 offset;       /* of the local header */
} Member;

struct _BylineZip
{
  GBytes     *bytes;
  char       *display;
  GHashTable *members;  /* name → Member* */
};

static gpointer
malformed (GError     **error,
           const char  *display)
{
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
               _("%s is damaged: its ZIP archive cannot be read"), display);
  return NULL;
}

BylineZip *
byline_zip_open (GBytes      *bytes,
                 const char  *display,
                 GError     **error)
{
  g_autoptr(GHashTable) members = NULL;
  const guint8 *data;
  gsize length;
  gssize end = -1;
  guint n;
  gsize at, directory_end;
  BylineZip *zip;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length < END_SIZE)
    return malformed (error, display);
  /* The end record, after which only its comment may come. */
  for (gssize i = (gssize) (length - END_SIZE); i >= 0 && (gsize) i + END_SIZE + MAX_COMMENT >= length; i--)
    if (_byline_le32 (data + i) == END_SIGNATURE && i + END_SIZE + _byline_le16 (data + i + 20) == (gssize) length)
      {
        end = i;
        break;
      }
  if (end < 0)
    return malformed (error, display);

  n = _byline_le16 (data + end + 10);
  at = _byline_le32 (data + end + 16);
  directory_end = at + (gsize) _byline_le32 (data + end + 12);
  if (n == 0xffff || at == 0xffffffff || directory_end > (gsize) end || at > directory_end)
    return malformed (error, display);

  members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < n && i < MAX_MEMBERS; i++)
    {
      Member *member;
      guint name_length, skip;
      char *name;

      if (at + CENTRAL_SIZE > directory_end || _byline_le32 (data + at) != CENTRAL_SIGNATURE)
        return malformed (error, display);
      name_length = _byline_le16 (data + at + 28);
      skip = name_length + _byline_le16 (data + at + 30) + _byline_le16 (data + at + 32);
      if (at + CENTRAL_SIZE + skip > directory_end)
        return malformed (error, display);

      member = g_new0 (Member, 1);
      member->method = _byline_le16 (data + at + 10);
      member->compressed = _byline_le32 (data + at + 20);
      member->size = _byline_le32 (data + at + 24);
      member->offset = _byline_le32 (data + at + 42);
      name = g_strndup ((const char *) data + at + CENTRAL_SIZE, name_length);
      /* A second member of the same name: the first counts. */
      if (g_hash_table_contains (members, name))
        {
          g_free (name);
          g_free (member);
        }
      else
        g_hash_table_insert (members, name, member);
      at += CENTRAL_SIZE + skip;
    }

  zip = g_new0 (BylineZip, 1);
  zip->bytes = g_bytes_ref (bytes);
  zip->display = g_strdup (display);
  zip->members = g_steal_pointer (&members);
  return zip;
}

void
byline_zip_free (BylineZip *zip)
{
  if (zip == NULL)
    return;
  g_bytes_unref (zip->bytes);
  g_free (zip->display);
  g_hash_table_unref (zip->members);
  g_free (zip);
}

gboolean
byline_zip_contains (BylineZip  *zip,
                     const char *name)
{
  g_return_val_if_fail (zip != NULL, FALSE);
  return g_hash_table_contains (zip->members, name);
}

static GBytes *
inflate (const guint8  *input,
         gsize          input_length,
         gsize          size,
         const char    *display,
         GError       **error)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
  /* One byte more than the directory says: a member that would fill it
   * is not what the directory says. */
  g_autofree guint8 *output = g_malloc (size + 1);
  gsize read_total = 0, written_total = 0;

  for (;;)
    {
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (decompressor),
                                    input + read_total, input_length - read_total,
                                    output + written_total, size + 1 - written_total,
                                    G_CONVERTER_INPUT_AT_END, &bytes_read, &bytes_written, NULL);
      if (result == G_CONVERTER_ERROR)
        return malformed (error, display);
      read_total += bytes_read;
      written_total += bytes_written;
      if (result == G_CONVERTER_FINISHED)
        break;
      /* More data than the directory said, or no progress: damaged. */
      if (written_total > size || (bytes_read == 0 && bytes_written == 0))
        return malformed (error, display);
    }
  if (written_total != size)
    return malformed (error, display);
  return g_bytes_new_take (g_realloc (g_steal_pointer (&output), MAX (size, 1)), size);
}

GBytes *
byline_zip_read (BylineZip   *zip,
                 const char  *name,
                 gsize        max_size,
                 GError     **error)
{
  const Member *member;
  const guint8 *data;
  gsize length, start;

  g_return_val_if_fail (zip != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  member = g_hash_table_lookup (zip->members, name);
  if (member == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND, _("%s has no %s"), zip->display, name);
      return NULL;
    }
  if (member->size > max_size)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE,
                   _("%s: %s is larger than %u MB"),
                   zip->display, name, (guint) MIN (max_size / (1024 * 1024), G_MAXUINT));
      return NULL;
    }

  data = g_bytes_get_data (zip->bytes, &length);
  if ((gsize) member->offset + LOCAL_SIZE > length || _byline_le32 (data + member->offset) != LOCAL_SIGNATURE)
    return malformed (error, zip->display);
  start = (gsize) member->offset + LOCAL_SIZE + _byline_le16 (data + member->offset + 26) + _byline_le16 (data + member->offset + 28);
  if (start > length || member->compressed > length - start)
    return malformed (error, zip->display);

  switch (member->method)
    {
    case 0:
      if (member->compressed != member->size)
        return malformed (error, zip->display);
      return g_bytes_new_from_bytes (zip->bytes, start, member->size);
    case 8:
      return inflate (data + start, member->compressed, member->size, zip->display, error);
    default:
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s: %s is compressed in a way Byline cannot read"), zip->display, name);
      return NULL;
    }
}
