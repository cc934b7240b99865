/* byline-image-info.c
 *
 * Only the headers are read, never the pixels: enough to name the type and
 * the size, and small enough to check every bound by hand.  Every reader
 * takes the data and its length and checks an offset before reading it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include <string.h>

#include "byline-image-info.h"

static inline guint32
be16 (const guint8 *p)
{
  return ((guint32) p[0] << 8) | p[1];
}

static inline guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static inline guint32
le16 (const guint8 *p)
{
  return ((guint32) p[1] << 8) | p[0];
}

static inline guint32
le32 (const guint8 *p)
{
  return ((guint32) p[3] << 24) | ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

static inline guint32
le24 (const guint8 *p)
{
  return ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

static gboolean
has_bytes (gsize length,
           gsize offset,
           gsize count)
{
  return offset <= length && count <= length - offset;
}

static gboolean
sniff_png (const guint8 *data,
           gsize         length,
           guint        *width,
           guint        *height)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  /* The first chunk must be IHDR, 13 bytes long. */
  if (!has_bytes (length, 0, 24)
      || memcmp (data, signature, sizeof signature) != 0
      || be32 (data + 8) != 13
      || memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;

  *width = be32 (data + 16);
  *height = be32 (data + 20);
  /* The PNG specification caps both at 2^31 - 1. */
  return *width <= G_MAXINT32 && *height <= G_MAXINT32;
}

static gboolean
sniff_gif (const guint8 *data,
           gsize         length,
           guint        *width,
           guint        *height)
{
  if (!has_bytes (length, 0, 10)
      || (memcmp (data, "GIF87a", 6) != 0 && memcmp (data, "GIF89a", 6) != 0))
    return FALSE;

  *width = le16 (data + 6);
  *height = le16 (data + 8);
  return TRUE;
}

BylineImageOther
byline_image_info_other (const guint8 *data,
                         gsize         length)
{
  /* An ISO media file: a "ftyp" box and its brand. */
  if (has_bytes (length, 0, 12) && memcmp (data + 4, "ftyp", 4) == 0)
    {
      static const char *heic[] = { "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1" };

      if (memcmp (data + 8, "avif", 4) == 0 || memcmp (data + 8, "avis", 4) == 0)
        return BYLINE_IMAGE_OTHER_AVIF;
      for (guint i = 0; i < G_N_ELEMENTS (heic); i++)
        if (memcmp (data + 8, heic[i], 4) == 0)
          return BYLINE_IMAGE_OTHER_HEIC;
    }
  if (has_bytes (length, 0, 4) && (memcmp (data, "II*\0", 4) == 0 || memcmp (data, "MM\0*", 4) == 0))
    return BYLINE_IMAGE_OTHER_TIFF;
  /* "BM", the file's size, four reserved zeros, the pixels' offset and
   * the size of one of the info headers Windows and OS/2 wrote. */
  if (has_bytes (length, 0, 18) && memcmp (data, "BM", 2) == 0 && le32 (data + 6) == 0)
    {
      guint32 info = le32 (data + 14);

      if (info == 12 || info == 40 || info == 52 || info == 56 || info == 64 || info == 108 || info == 124)
        return BYLINE_IMAGE_OTHER_BMP;
    }
  if (has_bytes (length, 0, 6) && memcmp (data, "8BPS\0\1", 6) == 0)
    return BYLINE_IMAGE_OTHER_PSD;
  return BYLINE_IMAGE_OTHER_NONE;
}

guint
byline_image_info_exif_orientation (const guint8 *data,
                                    gsize         length)
{
  const guint8 *tiff = data + 6;
  gboolean big;
  guint32 ifd, entries;

  if (length < 6 + 8 || memcmp (data, "Exif\0\0", 6) != 0)
    return 1;
  length -= 6;
  if (memcmp (tiff, "MM", 2) == 0)
    big = TRUE;
  else if (memcmp (tiff, "II", 2) == 0)
    big = FALSE;
  else
    return 1;
  ifd = big ? be32 (tiff + 4) : le32 (tiff + 4);
  if (!has_bytes (length, ifd, 2))
    return 1;
  entries = big ? be16 (tiff + ifd) : le16 (tiff + ifd);
  for (guint32 i = 0; i < entries; i++)
    {
      gsize at = ifd + 2 + (gsize) i * 12;
      guint32 value;

      if (!has_bytes (length, at, 12))
        break;
      if ((big ? be16 (tiff + at) : le16 (tiff + at)) != 0x0112)
        continue;
      /* A SHORT: in the first two bytes of the value. */
      value = big ? be16 (tiff + at + 8) : le16 (tiff + at + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  return 1;
}

static gboolean
is_jpeg_sof (guint8 marker)
{
  /* SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
  return marker >= 0xc0 && marker <= 0xcf
         && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
}

static gboolean
sniff_jpeg (const guint8 *data,
            gsize         length,
            guint        *width,
            guint        *height)
{
  gsize pos = 2;
  guint orientation = 1;

  if (!has_bytes (length, 0, 3) || data[0] != 0xff || data[1] != 0xd8 || data[2] != 0xff)
    return FALSE;

  for (;;)
    {
      guint8 marker;
      gsize segment;

      if (!has_bytes (length, pos, 1) || data[pos] != 0xff)
        return FALSE;
      /* Any number of 0xFF fill bytes may precede a marker. */
      while (has_bytes (length, pos, 1) && data[pos] == 0xff)
        pos++;
      if (!has_bytes (length, pos, 1))
        return FALSE;
      marker = data[pos++];

      /* Markers without a segment: TEM, RSTn and a repeated SOI. */
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8))
        continue;
      /* The image data or its end came before any frame header. */
      if (marker == 0xd9 || marker == 0xda || marker == 0x00)
        return FALSE;

      if (!has_bytes (length, pos, 2))
        return FALSE;
      segment = be16 (data + pos);
      if (segment < 2)
        return FALSE;

      if (is_jpeg_sof (marker))
        {
          /* length (2), precision (1), height (2), width (2) */
          if (segment < 7 || !has_bytes (length, pos, 7))
            return FALSE;
          *height = be16 (data + pos + 3);
          *width = be16 (data + pos + 5);
          /* Orientations 5–8 turn it a quarter. */
          if (orientation >= 5)
            {
              guint stored_width = *width;

              *width = *height;
              *height = stored_width;
            }
          return TRUE;
        }
      if (marker == 0xe1 && orientation == 1 && has_bytes (length, pos, segment))
        orientation = byline_image_info_exif_orientation (data + pos + 2, segment - 2);

      pos += segment;
    }
}

static gboolean
sniff_webp (const guint8 *data,
            gsize         length,
            guint        *width,
            guint        *height)
{
  const guint8 *chunk;

  if (!has_bytes (length, 0, 20)
      || memcmp (data, "RIFF", 4) != 0
      || memcmp (data + 8, "WEBP", 4) != 0)
    return FALSE;

  chunk = data + 12;
  if (memcmp (chunk, "VP8 ", 4) == 0)
    {
      /* Lossy: a 3-byte frame tag, the start code 9d 01 2a, then two 14-bit
       * sizes with 2 bits of scaling above each. */
      if (!has_bytes (length, 20, 10)
          || data[23] != 0x9d || data[24] != 0x01 || data[25] != 0x2a)
        return FALSE;
      *width = le16 (data + 26) & 0x3fff;
      *height = le16 (data + 28) & 0x3fff;
      return TRUE;
    }
  else if (memcmp (chunk, "VP8L", 4) == 0)
    {
      guint32 bits;

      /* Lossless: the signature 0x2f, then width - 1 and height - 1 in 14 bits each. */
      if (!has_bytes (length, 20, 5) || data[20] != 0x2f)
        return FALSE;
      bits = (guint32) data[21] | ((guint32) data[22] << 8)
             | ((guint32) data[23] << 16) | ((guint32) data[24] << 24);
      *width = (bits & 0x3fff) + 1;
      *height = ((bits >> 14) & 0x3fff) + 1;
      return TRUE;
    }
  else if (memcmp (chunk, "VP8X", 4) == 0)
    {
      /* Extended: flags (1), reserved (3), canvas width - 1 and height - 1 in 24 bits. */
      if (!has_bytes (length, 20, 10))
        return FALSE;
      *width = le24 (data + 24) + 1;
      *height = le24 (data + 27) + 1;
      return TRUE;
    }

  return FALSE;
}

gboolean
byline_image_info_sniff (const guint8  *data,
                         gsize          length,
                         const char   **media_type,
                         guint         *width,
                         guint         *height)
{
  static const struct {
    const char *media_type;
    gboolean  (*sniff) (const guint8 *, gsize, guint *, guint *);
  } formats[] = {
    { "image/jpeg", sniff_jpeg },
    { "image/png", sniff_png },
    { "image/gif", sniff_gif },
    { "image/webp", sniff_webp },
  };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (data == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      guint w = 0, h = 0;

      if (formats[i].sniff (data, length, &w, &h))
        {
          if (w == 0 || h == 0)
            return FALSE;
          if (media_type != NULL)
            *media_type = formats[i].media_type;
          if (width != NULL)
            *width = w;
          if (height != NULL)
            *height = h;
          return TRUE;
        }
    }

  return FALSE;
}
