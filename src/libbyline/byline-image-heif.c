/* byline-image-heif.c — iPhone photos (HEIC) and AVIF pictures made JPEGs
 *
 * An iPhone keeps its photos in HEIF with HEVC (.HEIC); pages serve AVIF
 * (HEIF with AV1).  Drafts and the newsroom's sites take JPEG, PNG, GIF and
 * WebP, so such a picture becomes a JPEG as it is added: decoded by libheif,
 * turned as it is shown (its irot and imir), its colour profile kept (an
 * iPhone's is Display P3), its EXIF data (camera, place) left out as
 * byline-image-resize.c leaves it out, at quality 92.
 *
 * Without libheif, or without a decoder for the codec (a Flatpak runtime
 * with no HEVC decoder), it is refused, saying how to get a JPEG
 * (byline-draft-store-files.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-error.h"
#include "byline-image-heif-private.h"

#include <string.h>

char *
_byline_image_heif_jpeg_name (const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = dot != NULL && dot != name ? g_strndup (name, dot - name) : g_strdup (name);

  return g_strconcat (stem, ".jpg", NULL);
}

#ifdef HAVE_LIBHEIF

#include <setjmp.h>
#include <stdio.h>
#include <jpeglib.h>
#include <libheif/heif.h>

#define JPEG_QUALITY 92
/* A camera's photo is 12 to 48 megapixels; more is no photo to publish. */
#define MAX_PIXELS (100u * 1000 * 1000)

static gboolean
init_libheif (void)
{
  static gsize done = 0;
  static gboolean ok = FALSE;

  /* Loads the decoders' plugins, once for the whole process. */
  if (g_once_init_enter (&done))
    {
      struct heif_error error = heif_init (NULL);

      ok = error.code == heif_error_Ok;
      if (!ok)
        g_warning ("libheif: %s", error.message);
      g_once_init_leave (&done, 1);
    }
  return ok;
}

gboolean
_byline_image_heif_can_convert (BylineImageOther kind)
{
  if (!init_libheif ())
    return FALSE;
  switch (kind)
    {
    case BYLINE_IMAGE_OTHER_HEIC:
      return heif_have_decoder_for_format (heif_compression_HEVC);
    case BYLINE_IMAGE_OTHER_AVIF:
      return heif_have_decoder_for_format (heif_compression_AV1);
    default:
      return FALSE;
    }
}

typedef struct
{
  struct jpeg_error_mgr        manager;
  jmp_buf                      jump;
  char                         message[JMSG_LENGTH_MAX];
  struct jpeg_compress_struct  out;
  unsigned char               *buffer;
  unsigned long                size;
} JpegOut;

static void
jpeg_error_exit (j_common_ptr cinfo)
{
  JpegOut *job = (JpegOut *) cinfo->err;

  cinfo->err->format_message (cinfo, job->message);
  longjmp (job->jump, 1);
}

/* @pixels (RGB, @stride bytes a row) as a JPEG with @icc, or NULL. */
static GBytes *
encode_jpeg (const guint8  *pixels,
             int            stride,
             guint          width,
             guint          height,
             const guint8  *icc,
             gsize          icc_length,
             GError       **error)
{
  /* volatile: read after longjmp(). */
  JpegOut * volatile job = g_new0 (JpegOut, 1);
  GBytes *jpeg = NULL;

  job->out.err = jpeg_std_error (&job->manager);
  job->manager.error_exit = jpeg_error_exit;
  if (setjmp (job->jump) != 0)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED, "%s", job->message);
      jpeg_destroy_compress (&job->out);
      free (job->buffer);
      g_free (job);
      return NULL;
    }
  jpeg_create_compress (&job->out);
  jpeg_mem_dest (&job->out, &job->buffer, &job->size);
  job->out.image_width = width;
  job->out.image_height = height;
  job->out.input_components = 3;
  job->out.in_color_space = JCS_RGB;
  jpeg_set_defaults (&job->out);
  jpeg_set_quality (&job->out, JPEG_QUALITY, TRUE);
  jpeg_start_compress (&job->out, TRUE);
  if (icc != NULL && icc_length > 0)
    jpeg_write_icc_profile (&job->out, icc, icc_length);
  while (job->out.next_scanline < height)
    {
      JSAMPROW row = (JSAMPROW) (pixels + (gsize) job->out.next_scanline * stride);

      jpeg_write_scanlines (&job->out, &row, 1);
    }
  jpeg_finish_compress (&job->out);
  jpeg = g_bytes_new (job->buffer, job->size);
  jpeg_destroy_compress (&job->out);
  free (job->buffer);
  g_free (job);
  return jpeg;
}

static gboolean
failed (struct heif_error   result,
        const char         *name,
        GError            **error)
{
  if (result.code == heif_error_Ok)
    return FALSE;
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
               _("“%s” could not be read as a HEIF picture: %s"), name, result.message);
  return TRUE;
}

GBytes *
_byline_image_heif_to_jpeg (const guint8  *data,
                            gsize          length,
                            const char    *name,
                            guint         *width,
                            guint         *height,
                            GError       **error)
{
  struct heif_context *context = NULL;
  struct heif_image_handle *handle = NULL;
  struct heif_image *image = NULL;
  struct heif_decoding_options *options = NULL;
  g_autofree guint8 *icc = NULL;
  gsize icc_length = 0;
  const guint8 *pixels;
  GBytes *jpeg = NULL;
  int stride = 0;

  g_return_val_if_fail (data != NULL, NULL);

  if (!init_libheif ())
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("“%s” could not be read as a HEIF picture"), name);
      return NULL;
    }
  context = heif_context_alloc ();
  if (failed (heif_context_read_from_memory_without_copy (context, data, length, NULL), name, error)
      || failed (heif_context_get_primary_image_handle (context, &handle), name, error))
    goto out;
  if ((guint64) heif_image_handle_get_width (handle) * heif_image_handle_get_height (handle) > MAX_PIXELS)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE,
                   _("“%s” is larger than %u megapixels"), name, MAX_PIXELS / 1000000);
      goto out;
    }
  /* Turned and mirrored as it is shown: libheif's default. */
  options = heif_decoding_options_alloc ();
  if (failed (heif_decode_image (handle, &image, heif_colorspace_RGB, heif_chroma_interleaved_RGB, options),
              name, error))
    goto out;
  pixels = heif_image_get_plane_readonly (image, heif_channel_interleaved, &stride);
  if (pixels == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                   _("“%s” could not be read as a HEIF picture"), name);
      goto out;
    }
  if (heif_image_handle_get_color_profile_type (handle) == heif_color_profile_type_prof
      || heif_image_handle_get_color_profile_type (handle) == heif_color_profile_type_rICC)
    {
      icc_length = heif_image_handle_get_raw_color_profile_size (handle);
      icc = g_malloc (MAX (icc_length, 1));
      if (heif_image_handle_get_raw_color_profile (handle, icc).code != heif_error_Ok)
        icc_length = 0;
    }
  *width = heif_image_get_primary_width (image);
  *height = heif_image_get_primary_height (image);
  jpeg = encode_jpeg (pixels, stride, *width, *height, icc, icc_length, error);

out:
  heif_decoding_options_free (options);
  heif_image_release (image);
  heif_image_handle_release (handle);
  heif_context_free (context);
  return jpeg;
}

#else /* !HAVE_LIBHEIF */

gboolean
_byline_image_heif_can_convert (BylineImageOther kind)
{
  return FALSE;
}

GBytes *
_byline_image_heif_to_jpeg (const guint8  *data,
                            gsize          length,
                            const char    *name,
                            guint         *width,
                            guint         *height,
                            GError       **error)
{
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
               _("“%s” could not be read as a HEIF picture"), name);
  return NULL;
}

#endif
