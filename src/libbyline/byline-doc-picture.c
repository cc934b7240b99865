/* byline-doc-picture.c — the photo of an inline picture of a Word 97 text
 *
 * An inline picture is the character 0x01 whose run says where its PICF
 * is in the Data stream ([MS-DOC] 2.9.191): a 68-byte header (and a name
 * when mm is MM_SHAPEFILE), then OfficeArt records ([MS-ODRAW]): a shape
 * container, and an OfficeArtFBSE holding the picture's BLIP record, or
 * saying where in the WordDocument stream it is.  A JPEG or PNG BLIP is
 * its header, one or two 16-byte ids and a tag byte, then the file.
 * Anything else (WMF, EMF, a drawing) is not a photo Byline takes.
 * Floating pictures' FBSEs are in the drawing's picture store
 * (byline-doc-drawing.c), read the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include "byline-doc-picture-private.h"
#include "byline-image-info.h"
#include "byline-le-private.h"

#define PICF_SIZE        0x44
#define MM_SHAPEFILE     0x66
#define RT_FBSE          0xF007
#define RT_BLIP_JPEG     0xF01D
#define RT_BLIP_PNG      0xF01E
#define RT_BLIP_JPEG_CMYK 0xF02A

/* The file in the BLIP record at @at of @bytes, if a JPEG or PNG. */
static GBytes *
read_blip (GBytes      *bytes,
           gsize        at,
           const char **extension)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  guint16 type, instance;
  guint32 size;
  gsize skip;
  const char *media_type = NULL;
  g_autoptr(GBytes) image = NULL;

  if (at > length || length - at < 8)
    return NULL;
  instance = _byline_le16 (data + at) >> 4;
  type = _byline_le16 (data + at + 2);
  size = _byline_le32 (data + at + 4);
  if (type != RT_BLIP_JPEG && type != RT_BLIP_PNG && type != RT_BLIP_JPEG_CMYK)
    return NULL;
  /* One id, or two when the instance is odd; then a tag byte. */
  skip = 16 * ((instance & 1) ? 2 : 1) + 1;
  if (size > length - at - 8 || size <= skip)
    return NULL;
  image = g_bytes_new_from_bytes (bytes, at + 8 + skip, size - skip);
  /* What the record says it is, it must be. */
  if (!byline_image_info_sniff (g_bytes_get_data (image, NULL), g_bytes_get_size (image), &media_type, NULL, NULL))
    return NULL;
  *extension = g_str_equal (media_type, "image/png") ? "png" : "jpg";
  return g_steal_pointer (&image);
}

GBytes *
_byline_doc_store_picture (GBytes      *stream,
                           gsize        at,
                           gsize        end,
                           GBytes      *doc,
                           const char **extension)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (stream, &length);
  guint32 record, delay;
  guint8 name;

  if (end > length || at > end || end - at < 8)
    return NULL;
  record = _byline_le32 (data + at + 4);
  if (record > end - at - 8)
    return NULL;
  if (_byline_le16 (data + at + 2) != RT_FBSE)
    return read_blip (stream, at, extension);
  if (record < 36)
    return NULL;
  name = data[at + 8 + 33];
  delay = _byline_le32 (data + at + 8 + 28);
  if (36 + (gsize) name < record)
    return read_blip (stream, at + 8 + 36 + name, extension);
  /* Not here: in the "delay stream", the WordDocument stream. */
  return doc != NULL ? read_blip (doc, delay, extension) : NULL;
}

GBytes *
_byline_doc_picture (GBytes      *data_stream,
                     GBytes      *doc,
                     gint64       offset,
                     const char **extension)
{
  gsize length;
  const guint8 *data;
  guint32 size;
  gsize at, end;

  if (data_stream == NULL || offset < 0)
    return NULL;
  data = g_bytes_get_data (data_stream, &length);
  if ((guint64) offset > length || length - offset < PICF_SIZE)
    return NULL;
  size = _byline_le32 (data + offset);
  if (size < PICF_SIZE || size > length - offset || _byline_le16 (data + offset + 4) != PICF_SIZE)
    return NULL;
  at = offset + PICF_SIZE;
  end = offset + size;
  /* MM_SHAPEFILE: the picture's file name, a length byte first. */
  if (_byline_le16 (data + offset + 6) == MM_SHAPEFILE)
    {
      if (at >= end)
        return NULL;
      at += 1 + data[at];
    }

  /* The records: the one FBSE has the BLIP, or says where it is. */
  while (at + 8 <= end)
    {
      guint16 type = _byline_le16 (data + at + 2);
      guint32 record = _byline_le32 (data + at + 4);

      if (record > end - at - 8)
        return NULL;
      if (type == RT_FBSE && record >= 36)
        return _byline_doc_store_picture (data_stream, at, end, doc, extension);
      at += 8 + record;
    }
  return NULL;
}
