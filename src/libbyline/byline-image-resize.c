/* byline-image-resize.c — JPEG (libjpeg-turbo) and PNG (libpng), row by row
 *
 * The codecs report errors by longjmp(); everything they touch lives in a
 * heap "job" so that nothing is lost to registers when they jump.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>

#include "byline-error.h"
#include "byline-image-info.h"
#include "byline-image-resize.h"

#define JPEG_QUALITY 85

/* ------------------------------------------------------------ resampling */

typedef void (*EmitRow) (const guint8 *row,
                         gpointer      data);

/* An area average: each output pixel is the mean of the source pixels that
 * fall in it.  The source arrives one row at a time. */
typedef struct
{
  guint    src_width, src_height, dst_width, dst_height, channels;
  guint   *x_bounds;   /* dst_width + 1 source columns */
  guint32 *sums;
  guint8  *out;
  guint    src_row, dst_row, rows;
} Resampler;

static Resampler *
resampler_new (guint src_width,
               guint src_height,
               guint dst_width,
               guint dst_height,
               guint channels)
{
  Resampler *r = g_new0 (Resampler, 1);

  r->src_width = src_width;
  r->src_height = src_height;
  r->dst_width = dst_width;
  r->dst_height = dst_height;
  r->channels = channels;
  r->x_bounds = g_new (guint, dst_width + 1);
  for (guint x = 0; x <= dst_width; x++)
    r->x_bounds[x] = (guint64) x * src_width / dst_width;
  r->sums = g_new0 (guint32, (gsize) dst_width * channels);
  r->out = g_new0 (guint8, (gsize) dst_width * channels);
  return r;
}

static void
resampler_free (Resampler *r)
{
  if (r == NULL)
    return;
  g_free (r->x_bounds);
  g_free (r->sums);
  g_free (r->out);
  g_free (r);
}

static void
resampler_push (Resampler    *r,
                const guint8 *row,
                EmitRow       emit,
                gpointer      data)
{
  guint end;

  for (guint x = 0; x < r->dst_width; x++)
    for (guint sx = r->x_bounds[x]; sx < r->x_bounds[x + 1]; sx++)
      for (guint c = 0; c < r->channels; c++)
        r->sums[x * r->channels + c] += row[sx * r->channels + c];
  r->rows++;
  r->src_row++;

  end = (guint64) (r->dst_row + 1) * r->src_height / r->dst_height;
  if (r->src_row < end || r->dst_row >= r->dst_height)
    return;

  for (guint x = 0; x < r->dst_width; x++)
    {
      guint32 n = r->rows * (r->x_bounds[x + 1] - r->x_bounds[x]);

      for (guint c = 0; c < r->channels; c++)
        {
          guint i = x * r->channels + c;

          r->out[i] = (r->sums[i] + n / 2) / n;
          r->sums[i] = 0;
        }
    }
  r->rows = 0;
  r->dst_row++;
  emit (r->out, data);
}

static void
target_size (guint  width,
             guint  height,
             guint  max_edge,
             guint *dst_width,
             guint *dst_height)
{
  if (width >= height)
    {
      *dst_width = max_edge;
      *dst_height = MAX (1, (guint) (((guint64) height * max_edge + width / 2) / width));
    }
  else
    {
      *dst_height = max_edge;
      *dst_width = MAX (1, (guint) (((guint64) width * max_edge + height / 2) / height));
    }
}

/* ------------------------------------------------------------------- JPEG */

typedef struct
{
  struct jpeg_error_mgr          manager;
  jmp_buf                        jump;
  char                           message[JMSG_LENGTH_MAX];
  struct jpeg_decompress_struct  in;
  struct jpeg_compress_struct    out;
  gboolean                       out_created;
  FILE                          *file;
  unsigned char                 *buffer;
  unsigned long                  size;
  JOCTET                        *icc;
  unsigned int                   icc_length;
  guint8                        *row;
  Resampler                     *resampler;
} JpegJob;

static void
jpeg_error_exit (j_common_ptr cinfo)
{
  JpegJob *job = (JpegJob *) cinfo->err;

  cinfo->err->format_message (cinfo, job->message);
  longjmp (job->jump, 1);
}

static void
jpeg_quiet (j_common_ptr cinfo,
            int          level)
{
}

/* EXIF Orientation (1–8) from the APP1 segments; 1 when there is none. */
static guint
exif_orientation (jpeg_saved_marker_ptr markers)
{
  for (jpeg_saved_marker_ptr m = markers; m != NULL; m = m->next)
    {
      guint orientation;

      if (m->marker != JPEG_APP0 + 1)
        continue;
      orientation = byline_image_info_exif_orientation (m->data, m->data_length);
      if (orientation != 1)
        return orientation;
    }
  return 1;
}

/* A minimal EXIF segment holding the orientation only. */
static void
write_exif_orientation (struct jpeg_compress_struct *out,
                        guint                        orientation)
{
  const JOCTET exif[] = {
    'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0, 42, 0, 0, 0, 8,               /* big-endian TIFF, IFD0 at 8 */
    0, 1,                                      /* one entry */
    0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (JOCTET) orientation, 0, 0,
    0, 0, 0, 0,                                /* no next IFD */
  };

  jpeg_write_marker (out, JPEG_APP0 + 1, exif, sizeof exif);
}

static void
emit_jpeg_row (const guint8 *row,
               gpointer      data)
{
  JSAMPROW rows[1] = { (JSAMPROW) row };

  jpeg_write_scanlines (data, rows, 1);
}

static void
jpeg_job_free (JpegJob *job)
{
  jpeg_destroy_decompress (&job->in);
  if (job->out_created)
    jpeg_destroy_compress (&job->out);
  if (job->file != NULL)
    fclose (job->file);
  free (job->buffer);
  free (job->icc);
  g_free (job->row);
  resampler_free (job->resampler);
  g_free (job);
}

static GBytes *
downscale_jpeg (const char  *path,
                guint        max_edge,
                guint       *width,
                guint       *height,
                GError     **error)
{
  JpegJob *job = g_new0 (JpegJob, 1);
  GBytes *result = NULL;
  guint long_edge, denom = 1, orientation, dst_width, dst_height;

  job->in.err = jpeg_std_error (&job->manager);
  job->out.err = &job->manager;
  job->manager.error_exit = jpeg_error_exit;
  job->manager.emit_message = jpeg_quiet;

  if (setjmp (job->jump))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                   _("The picture %s cannot be read: %s"), path, job->message);
      jpeg_job_free (job);
      return NULL;
    }

  job->file = g_fopen (path, "rb");
  if (job->file == NULL)
    {
      int saved = errno;
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                   _("The picture %s cannot be opened: %s"), path, g_strerror (saved));
      jpeg_job_free (job);
      return NULL;
    }

  jpeg_create_decompress (&job->in);
  jpeg_stdio_src (&job->in, job->file);
  jpeg_save_markers (&job->in, JPEG_APP0 + 1, 0xffff);
  jpeg_save_markers (&job->in, JPEG_APP0 + 2, 0xffff);
  jpeg_read_header (&job->in, TRUE);

  long_edge = MAX (job->in.image_width, job->in.image_height);
  if (long_edge <= max_edge
      || job->in.jpeg_color_space == JCS_CMYK || job->in.jpeg_color_space == JCS_YCCK)
    {
      jpeg_job_free (job);
      return NULL;
    }

  orientation = exif_orientation (job->in.marker_list);
  jpeg_read_icc_profile (&job->in, &job->icc, &job->icc_length);
  target_size (job->in.image_width, job->in.image_height, max_edge, &dst_width, &dst_height);

  /* Let libjpeg do the first halvings while decoding. */
  while (denom < 8 && long_edge / (denom * 2) >= max_edge)
    denom *= 2;
  job->in.scale_num = 1;
  job->in.scale_denom = denom;
  job->in.out_color_space = JCS_RGB;
  jpeg_start_decompress (&job->in);

  job->resampler = resampler_new (job->in.output_width, job->in.output_height, dst_width, dst_height, 3);
  job->row = g_malloc ((gsize) job->in.output_width * 3);

  jpeg_create_compress (&job->out);
  job->out_created = TRUE;
  jpeg_mem_dest (&job->out, &job->buffer, &job->size);
  job->out.image_width = dst_width;
  job->out.image_height = dst_height;
  job->out.input_components = 3;
  job->out.in_color_space = JCS_RGB;
  jpeg_set_defaults (&job->out);
  jpeg_set_quality (&job->out, JPEG_QUALITY, TRUE);
  job->out.optimize_coding = TRUE;
  jpeg_start_compress (&job->out, TRUE);
  if (orientation > 1)
    write_exif_orientation (&job->out, orientation);
  if (job->icc != NULL)
    jpeg_write_icc_profile (&job->out, job->icc, job->icc_length);

  while (job->in.output_scanline < job->in.output_height)
    {
      JSAMPROW rows[1] = { job->row };

      jpeg_read_scanlines (&job->in, rows, 1);
      resampler_push (job->resampler, job->row, emit_jpeg_row, &job->out);
    }
  jpeg_finish_decompress (&job->in);
  jpeg_finish_compress (&job->out);

  result = g_bytes_new (job->buffer, job->size);
  /* The size it shows at, as byline_image_info_sniff() says it. */
  *width = orientation >= 5 ? dst_height : dst_width;
  *height = orientation >= 5 ? dst_width : dst_height;
  jpeg_job_free (job);
  return result;
}

/* -------------------------------------------------------------------- PNG */

typedef struct
{
  jmp_buf      jump;
  char         message[256];
  png_structp  in;
  png_infop    in_info;
  png_structp  out;
  png_infop    out_info;
  FILE        *file;
  GByteArray  *encoded;
  guint8      *row;
  Resampler   *resampler;
} PngJob;

static void
png_error_fn (png_structp       png,
              png_const_charp   message)
{
  PngJob *job = png_get_error_ptr (png);

  g_strlcpy (job->message, message, sizeof job->message);
  longjmp (job->jump, 1);
}

static void
png_warning_fn (png_structp       png,
                png_const_charp   message)
{
}

static void
png_write_fn (png_structp  png,
              png_bytep    data,
              png_size_t   length)
{
  PngJob *job = png_get_io_ptr (png);

  g_byte_array_append (job->encoded, data, length);
}

static void
png_flush_fn (png_structp png)
{
}

static void
emit_png_row (const guint8 *row,
              gpointer      data)
{
  png_write_row (data, (png_const_bytep) row);
}

static void
png_job_free (PngJob *job)
{
  if (job->in != NULL)
    png_destroy_read_struct (&job->in, job->in_info ? &job->in_info : NULL, NULL);
  if (job->out != NULL)
    png_destroy_write_struct (&job->out, job->out_info ? &job->out_info : NULL);
  if (job->file != NULL)
    fclose (job->file);
  if (job->encoded != NULL)
    g_byte_array_unref (job->encoded);
  g_free (job->row);
  resampler_free (job->resampler);
  g_free (job);
}

static GBytes *
downscale_png (const char  *path,
               guint        max_edge,
               guint       *width,
               guint       *height,
               GError     **error)
{
  PngJob *job = g_new0 (PngJob, 1);
  guint src_width, src_height, channels, dst_width, dst_height;
  GBytes *result;

  if (setjmp (job->jump))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                   _("The picture %s cannot be read: %s"), path, job->message);
      png_job_free (job);
      return NULL;
    }

  job->file = g_fopen (path, "rb");
  if (job->file == NULL)
    {
      int saved = errno;
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                   _("The picture %s cannot be opened: %s"), path, g_strerror (saved));
      png_job_free (job);
      return NULL;
    }

  job->in = png_create_read_struct (PNG_LIBPNG_VER_STRING, job, png_error_fn, png_warning_fn);
  job->in_info = png_create_info_struct (job->in);
  png_init_io (job->in, job->file);
  png_read_info (job->in, job->in_info);
  src_width = png_get_image_width (job->in, job->in_info);
  src_height = png_get_image_height (job->in, job->in_info);

  /* Interlaced pictures cannot be read a row at a time: they go as they are. */
  if (MAX (src_width, src_height) <= max_edge
      || png_get_interlace_type (job->in, job->in_info) != PNG_INTERLACE_NONE)
    {
      png_job_free (job);
      return NULL;
    }

  png_set_expand (job->in);
  png_set_strip_16 (job->in);
  png_set_gray_to_rgb (job->in);
  png_read_update_info (job->in, job->in_info);
  channels = png_get_channels (job->in, job->in_info);
  if (channels != 3 && channels != 4)
    {
      png_job_free (job);
      return NULL;
    }

  target_size (src_width, src_height, max_edge, &dst_width, &dst_height);
  job->resampler = resampler_new (src_width, src_height, dst_width, dst_height, channels);
  job->row = g_malloc ((gsize) src_width * channels);
  job->encoded = g_byte_array_new ();

  job->out = png_create_write_struct (PNG_LIBPNG_VER_STRING, job, png_error_fn, png_warning_fn);
  job->out_info = png_create_info_struct (job->out);
  png_set_write_fn (job->out, job, png_write_fn, png_flush_fn);
  png_set_IHDR (job->out, job->out_info, dst_width, dst_height, 8,
                channels == 4 ? PNG_COLOR_TYPE_RGBA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info (job->out, job->out_info);

  for (guint y = 0; y < src_height; y++)
    {
      png_read_row (job->in, job->row, NULL);
      resampler_push (job->resampler, job->row, emit_png_row, job->out);
    }
  png_read_end (job->in, NULL);
  png_write_end (job->out, NULL);

  result = g_byte_array_free_to_bytes (g_steal_pointer (&job->encoded));
  *width = dst_width;
  *height = dst_height;
  png_job_free (job);
  return result;
}

/* ----------------------------------------------------------------- public */

GBytes *
byline_image_downscale (GFile       *file,
                        const char  *media_type,
                        guint        max_edge,
                        guint       *width,
                        guint       *height,
                        GError     **error)
{
  g_autofree char *path = NULL;
  guint w = 0, h = 0;
  GBytes *result = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (media_type != NULL, NULL);
  g_return_val_if_fail (max_edge > 0, NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    return NULL;   /* not a local file: sent as it is */

  if (g_str_equal (media_type, "image/jpeg"))
    result = downscale_jpeg (path, max_edge, &w, &h, error);
  else if (g_str_equal (media_type, "image/png"))
    result = downscale_png (path, max_edge, &w, &h, error);

  if (result != NULL)
    {
      if (width != NULL)
        *width = w;
      if (height != NULL)
        *height = h;
    }
  return result;
}
