/* byline-rtf-picture.c — a Rich Text document's pictures
 *
 * A \pict holds a picture's bytes in hex (or after a \bin); \jpegblip
 * and \pngblip say a photo, the others (\emfblip, \wmetafile…) a
 * drawing Byline does not take, named as left out.  A shape (\shp) holds
 * its picture in its "pib" property, or as LibreOffice writes a grouped
 * picture in its "fillBlip": the shape is one picture, its first photo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "byline-image-info.h"
#include "byline-rtf-reader-private.h"

/* ----------------------------------------------------------- pictures */

void
_byline_rtf_picture_begin (Reader *r)
{
  r->in_picture = TRUE;
  r->picture = (Picture) { g_byte_array_new (), FALSE, !_byline_rtf_state (r)->hidden && !_byline_rtf_state (r)->deleted, -1,
                           g_string_new (NULL) };
}

void
_byline_rtf_picture_data (Reader       *r,
              const guint8 *data,
              gsize         length,
              gboolean      hex)
{
  Picture *picture = &r->picture;

  if (!hex)
    {
      if (picture->data->len + length <= BYLINE_RTF_MAX_PICTURE)
        g_byte_array_append (picture->data, data, length);
      return;
    }
  for (gsize i = 0; i < length && picture->data->len < BYLINE_RTF_MAX_PICTURE; i++)
    {
      int value = g_ascii_xdigit_value (data[i]);

      if (value < 0)
        continue;
      if (picture->nibble < 0)
        picture->nibble = value;
      else
        {
          guint8 byte = (guint8) (picture->nibble << 4 | value);

          g_byte_array_append (picture->data, &byte, 1);
          picture->nibble = -1;
        }
    }
}

static void
add_photo (Reader     *r,
           GBytes     *bytes,
           const char *extension,
           const char *alt)
{
  g_autofree char *key = g_strdup_printf ("pict:%u", r->n_pictures);
  const char *name = _byline_office_media_add_bytes (r->media, key, bytes, extension);

  if (name == NULL)
    return;
  _byline_rtf_flush_run (r);
  _byline_office_para_add_picture (r->para, name, alt, NULL);
}

/* A picture that is no photo (a WMF, an EMF) or is damaged: named by its
 * place among the pictures. */
static void
left_out (Reader *r)
{
  g_autofree char *label = g_strdup_printf (_("picture %u"), r->n_pictures);

  _byline_rtf_flush_run (r);
  _byline_office_para_add_left_out (r->para, label, NULL, NULL);
}

static gboolean
in_shape (Reader *r)
{
  for (int d = 0; d < r->depth; d++)
    if (r->states[d].shape >= 0)
      return TRUE;
  return FALSE;
}

/* The picture's group has closed (@whole), or the file ended in it. */
void
_byline_rtf_picture_end (Reader   *r,
             gboolean  whole)
{
  Picture *picture = &r->picture;
  const char *media_type = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *extension = NULL;

  r->in_picture = FALSE;
  if (whole && picture->photo
      && byline_image_info_sniff (picture->data->data, picture->data->len, &media_type, NULL, NULL))
    {
      bytes = g_bytes_new (picture->data->data, picture->data->len);
      extension = g_str_equal (media_type, "image/jpeg") ? "jpg" : strchr (media_type, '/') + 1;
    }
  if (!picture->wanted)
    ;
  else if (in_shape (r) && r->shape_pictures->len < BYLINE_RTF_MAX_PICTURES)
    {
      ShapePicture *kept = NULL;

      if (bytes != NULL)
        {
          kept = g_new0 (ShapePicture, 1);
          *kept = (ShapePicture) { g_bytes_ref (bytes), g_strdup (extension), g_strdup (picture->alt->str) };
        }
      g_ptr_array_add (r->shape_pictures, kept);
    }
  else
    {
      r->n_pictures++;
      if (bytes != NULL && r->n_pictures <= BYLINE_RTF_MAX_PICTURES)
        add_photo (r, bytes, extension, picture->alt->str);
      else
        left_out (r);
    }
  g_byte_array_unref (picture->data);
  g_string_free (picture->alt, TRUE);
}

/* A shape has ended: its pictures (@from on; a shape in it has taken its
 * own) are one, the first photo. */
void
_byline_rtf_shape_end (Reader *r,
           guint   from)
{
  ShapePicture *photo = NULL;

  if (from >= r->shape_pictures->len)
    return;
  for (guint i = from; i < r->shape_pictures->len && photo == NULL; i++)
    photo = r->shape_pictures->pdata[i];
  r->n_pictures++;
  if (photo != NULL && r->n_pictures <= BYLINE_RTF_MAX_PICTURES)
    add_photo (r, photo->bytes, photo->extension, photo->alt);
  else
    left_out (r);
  g_ptr_array_set_size (r->shape_pictures, from);
}

void
_byline_rtf_shape_picture_free (ShapePicture *picture)
{
  if (picture == NULL)
    return;
  g_bytes_unref (picture->bytes);
  g_free (picture->extension);
  g_free (picture->alt);
  g_free (picture);
}
