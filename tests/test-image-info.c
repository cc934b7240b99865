/* test-image-info.c — picture headers: JPEG, PNG, GIF, WebP; truncated and hostile ones
 *
 * Every header is handed to the sniffer at the very end of a mapping followed
 * by an inaccessible page, so a read past @length crashes the test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "byline-test-utils.h"

#define put16be byline_test_put16be
#define put16le byline_test_put16le
#define put_bytes byline_test_put_bytes
#include "byline-image-info.h"

typedef struct
{
  const char *media_type;
  guint       width;
  guint       height;
} Info;

static gboolean
sniff_guarded (const guint8 *data,
               gsize         length,
               Info         *info)
{
  gsize page = sysconf (_SC_PAGESIZE);
  gsize span = (length + page - 1) / page * page;
  guint8 *region, *start;
  gboolean result;

  region = mmap (NULL, span + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  g_assert_true (region != MAP_FAILED);
  g_assert_cmpint (mprotect (region + span, page, PROT_NONE), ==, 0);
  start = region + span - length;
  if (length > 0)
    memcpy (start, data, length);

  *info = (Info) { NULL, 0, 0 };
  result = byline_image_info_sniff (start, length, &info->media_type, &info->width, &info->height);
  munmap (region, span + page);

  if (result)
    {
      g_assert_nonnull (info->media_type);
      g_assert_cmpuint (info->width, >, 0);
      g_assert_cmpuint (info->height, >, 0);
    }
  return result;
}

/* @reader on @length bytes that end where a page no one may read begins. */
static guint
read_guarded (guint        (*reader) (const guint8 *, gsize),
              const guint8  *data,
              gsize          length)
{
  gsize page = sysconf (_SC_PAGESIZE);
  gsize span = (length + page - 1) / page * page + page;
  guint8 *region = mmap (NULL, span + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  guint8 *start;
  guint result;

  g_assert_true (region != MAP_FAILED);
  g_assert_cmpint (mprotect (region + span, page, PROT_NONE), ==, 0);
  start = region + span - length;
  memcpy (start, data, length);
  result = reader (start, length);
  munmap (region, span + page);
  return result;
}

static guint
orientation_guarded (const guint8 *data,
                     gsize         length)
{
  return read_guarded (byline_image_info_exif_orientation, data, length);
}

static guint
read_other (const guint8 *data,
            gsize         length)
{
  return byline_image_info_other (data, length);
}



static void
put24le (GByteArray *out,
         guint       value)
{
  guint8 b[3] = { value, value >> 8, value >> 16 };
  g_byte_array_append (out, b, 3);
}

static void
put32le (GByteArray *out,
         guint32     value)
{
  guint8 b[4] = { value, value >> 8, value >> 16, value >> 24 };
  g_byte_array_append (out, b, 4);
}


/* A baseline or progressive JPEG header as cameras write it: JFIF, a large
 * EXIF segment, quantization and Huffman tables (DHT is 0xC4, inside the SOF
 * range), fill bytes, then the frame, the scan and the end. */
static GByteArray *
make_jpeg (guint8 sof,
           guint  width,
           guint  height,
           gsize  exif_size)
{
  GByteArray *out = g_byte_array_new ();
  static const guint8 dht[] = { 0xff, 0xc4, 0x00, 0x05, 0x00, 0x01, 0x02 };

  put_bytes (out, "\xff\xd8", 2);
  put_bytes (out, "\xff\xe0\x00\x10JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);
  put_bytes (out, "\xff\xe1", 2);
  put16be (out, exif_size + 2);
  for (gsize i = 0; i < exif_size; i++)
    {
      guint8 b = i < 6 ? "Exif\0\0"[i] : (guint8) (i * 7);
      g_byte_array_append (out, &b, 1);
    }
  put_bytes (out, "\xff\xdb\x00\x43\x00", 5);
  for (int i = 0; i < 64; i++)
    {
      guint8 b = 1 + i;
      g_byte_array_append (out, &b, 1);
    }
  g_byte_array_append (out, dht, sizeof dht);
  put_bytes (out, "\xff\xff\xff", 3);  /* fill bytes before the next marker */
  {
    guint8 marker[2] = { 0xff, sof };
    g_byte_array_append (out, marker, 2);
  }
  put16be (out, 17);
  put_bytes (out, "\x08", 1);
  put16be (out, height);
  put16be (out, width);
  put_bytes (out, "\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 10);
  put_bytes (out, "\xff\xda\x00\x0c\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00", 14);
  put_bytes (out, "\x12\x34\x56\xff\xd9", 5);
  return out;
}

static GByteArray *
make_gif (guint width,
          guint height)
{
  GByteArray *out = g_byte_array_new ();

  put_bytes (out, "GIF89a", 6);
  put16le (out, width);
  put16le (out, height);
  put_bytes (out, "\x80\x00\x00\x00\x00\x00\xff\xff\xff;", 10);
  return out;
}

static GByteArray *
make_webp (const char *kind,
           guint       width,
           guint       height)
{
  GByteArray *chunk = g_byte_array_new ();
  GByteArray *out = g_byte_array_new ();

  if (g_str_equal (kind, "VP8 "))
    {
      put_bytes (chunk, "\x50\x01\x00\x9d\x01\x2a", 6);
      put16le (chunk, width | (1 << 14));   /* scaling bits must be ignored */
      put16le (chunk, height | (2 << 14));
      put_bytes (chunk, "\x00\x00\x00\x00", 4);
    }
  else if (g_str_equal (kind, "VP8L"))
    {
      put_bytes (chunk, "\x2f", 1);
      put32le (chunk, (width - 1) | ((height - 1) << 14) | (1u << 28));
      put_bytes (chunk, "\x00\x00\x00", 3);
    }
  else
    {
      put_bytes (chunk, "\x10\x00\x00\x00", 4);
      put24le (chunk, width - 1);
      put24le (chunk, height - 1);
    }

  put_bytes (out, "RIFF", 4);
  put32le (out, 4 + 8 + chunk->len);
  put_bytes (out, "WEBP", 4);
  put_bytes (out, kind, 4);
  put32le (out, chunk->len);
  g_byte_array_append (out, chunk->data, chunk->len);
  g_byte_array_unref (chunk);
  return out;
}

static GByteArray *
make_png (guint width,
          guint height)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("png");
  g_autoptr(GFile) file = g_file_get_child (folder, "x.png");
  g_autoptr(GBytes) bytes = NULL;

  byline_test_write_png (file, width, height, 0x336699);
  bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  g_assert_nonnull (bytes);
  return g_bytes_unref_to_array (g_steal_pointer (&bytes));
}

static void
assert_sniffs (GByteArray *data,
               const char *media_type,
               guint       width,
               guint       height)
{
  Info info;

  g_assert_true (sniff_guarded (data->data, data->len, &info));
  g_assert_cmpstr (info.media_type, ==, media_type);
  g_assert_cmpuint (info.width, ==, width);
  g_assert_cmpuint (info.height, ==, height);

  /* Output arguments are optional. */
  g_assert_true (byline_image_info_sniff (data->data, data->len, NULL, NULL, NULL));
}

/* Every prefix shorter than @needed fails, every longer one succeeds. */
static void
assert_truncations (GByteArray *data,
                    gsize       needed)
{
  Info info;

  for (gsize length = 0; length < data->len; length++)
    {
      gboolean result = sniff_guarded (data->data, length, &info);

      if (length < needed)
        g_assert_false (result);
      else
        g_assert_true (result);
    }
}

static void
test_jpeg (void)
{
  g_autoptr(GByteArray) baseline = make_jpeg (0xc0, 4000, 3000, 40000);
  g_autoptr(GByteArray) progressive = make_jpeg (0xc2, 1, 65535, 10);
  gsize sof_end;

  assert_sniffs (baseline, "image/jpeg", 4000, 3000);
  assert_sniffs (progressive, "image/jpeg", 1, 65535);

  /* Up to the frame header's width, and not a byte more, is needed. */
  sof_end = 2 + 18 + 2 + 2 + 40000 + 5 + 64 + 7 + 3 + 2 + 7;
  assert_truncations (baseline, sof_end);
}

/* A phone held upright stores its photo on its side and says so in EXIF:
 * the size is the one it shows at, so that a portrait is not laid out as a
 * landscape.  A damaged EXIF segment only loses the orientation. */
static void
test_jpeg_orientation (void)
{
  for (guint orientation = 0; orientation <= 9; orientation++)
    for (int big_endian = 0; big_endian <= 1; big_endian++)
      {
        g_autoptr(GByteArray) jpeg = byline_test_jpeg_oriented (4000, 3000, orientation, big_endian);
        gboolean turned = orientation >= 5 && orientation <= 8;

        g_test_message ("orientation %u, %s", orientation, big_endian ? "MM" : "II");
        assert_sniffs (jpeg, "image/jpeg", turned ? 3000 : 4000, turned ? 4000 : 3000);
        g_assert_cmpuint (byline_image_info_exif_orientation (jpeg->data + 6, jpeg->len - 6), ==,
                          orientation >= 1 && orientation <= 8 ? orientation : 1);

        /* Every byte of the EXIF data changed in turn: still a JPEG of one
         * size or the other.  And the segment cut short anywhere, with a
         * page no one may read right after it: no read past its end. */
        for (guint i = 6 + 6; i < jpeg->len - 21; i++)
          {
            g_autoptr(GByteArray) damaged = g_byte_array_new ();
            Info info;

            g_byte_array_append (damaged, jpeg->data, jpeg->len);
            damaged->data[i] ^= 0xff;
            g_assert_true (sniff_guarded (damaged->data, damaged->len, &info));
            g_assert_true (info.width * info.height == 4000 * 3000);
            g_assert_cmpuint (orientation_guarded (jpeg->data + 6, i - 6), <=, 8);
          }
      }
}

static void
test_jpeg_hostile (void)
{
  Info info;
  static const struct {
    const char *bytes;
    gsize length;
  } cases[] = {
    { "\xff\xd8", 2 },                                        /* nothing after SOI */
    { "\xff\xd8\xff\xe0\x00\x00", 6 },                        /* segment length 0 */
    { "\xff\xd8\xff\xe0\x00\x01", 6 },                        /* segment length 1 */
    { "\xff\xd8\xff\xe0\xff\xff", 6 },                        /* segment past the end */
    { "\xff\xd8\xff\xda\x00\x08\x01\x02\x03\x04\x05\x06", 12 },  /* scan before frame */
    { "\xff\xd8\xff\xd9", 4 },                                /* end before frame */
    { "\xff\xd8\xff\xff\xff\xff\xff\xff", 8 },                /* only fill bytes */
    { "\xff\xd8\x00\x00\xff\xc0", 6 },                        /* not a marker */
    { "\xff\xd8\xff\xc0\x00\x05\x08\x00\x10\x00\x10", 11 },   /* frame header too short */
    { "\xff\xd8\xff\xc0\x00\x11\x08\x00\x00\x00\x10\x03", 12 }, /* height 0 (DNL) */
    { "\xff\xd8\xff\xc4\x00\x11\x08\x00\x10\x00\x10\x03", 12 }, /* DHT is not a frame */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_false (sniff_guarded ((const guint8 *) cases[i].bytes, cases[i].length, &info));
    }
}

/* The formats Byline does not take but names (HEIC, AVIF, TIFF, BMP, PSD)
 * from their first bytes, and nothing from fewer of them than it needs or
 * from the formats it takes. */
static void
test_other (void)
{
  static const struct {
    const char *bytes;
    gsize       length;
    guint       other;
  } cases[] = {
    { "\0\0\0\x18" "ftypheic\0\0\0\0", 16, BYLINE_IMAGE_OTHER_HEIC },
    { "\0\0\0\x18" "ftypmif1\0\0\0\0", 16, BYLINE_IMAGE_OTHER_HEIC },
    { "\0\0\0\x1c" "ftypavif\0\0\0\0", 16, BYLINE_IMAGE_OTHER_AVIF },
    { "\0\0\0\x18" "ftypisom\0\0\0\0", 16, BYLINE_IMAGE_OTHER_NONE },  /* a video */
    { "II*\0\x08\0\0\0", 8, BYLINE_IMAGE_OTHER_TIFF },
    { "MM\0*\0\0\0\x08", 8, BYLINE_IMAGE_OTHER_TIFF },
    { "BM\x36\x10\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0", 18, BYLINE_IMAGE_OTHER_BMP },
    { "BM is how this text starts", 26, BYLINE_IMAGE_OTHER_NONE },
    { "8BPS\0\1\0\0", 8, BYLINE_IMAGE_OTHER_PSD },
    { "\xff\xd8\xff\xe0", 4, BYLINE_IMAGE_OTHER_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpuint (read_guarded (read_other, (const guint8 *) cases[i].bytes, cases[i].length), ==,
                        cases[i].other);
      for (gsize cut = 0; cut < cases[i].length; cut++)
        g_assert_cmpuint (read_guarded (read_other, (const guint8 *) cases[i].bytes, cut), <=,
                          BYLINE_IMAGE_OTHER_PSD);
    }
}

static void
test_png (void)
{
  g_autoptr(GByteArray) png = make_png (12, 8);
  g_autoptr(GByteArray) zero = make_png (12, 8);

  assert_sniffs (png, "image/png", 12, 8);
  assert_truncations (png, 24);

  /* A zero width is no picture. */
  memset (zero->data + 16, 0, 4);
  {
    Info info;
    g_assert_false (sniff_guarded (zero->data, zero->len, &info));
  }
}

static void
test_gif (void)
{
  g_autoptr(GByteArray) gif = make_gif (320, 200);
  g_autoptr(GByteArray) gif87 = make_gif (1, 1);

  memcpy (gif87->data, "GIF87a", 6);
  assert_sniffs (gif, "image/gif", 320, 200);
  assert_sniffs (gif87, "image/gif", 1, 1);
  assert_truncations (gif, 10);
}

static void
test_webp (void)
{
  g_autoptr(GByteArray) lossy = make_webp ("VP8 ", 640, 480);
  g_autoptr(GByteArray) lossless = make_webp ("VP8L", 16383, 1);
  g_autoptr(GByteArray) extended = make_webp ("VP8X", 16777216, 3);
  Info info;

  assert_sniffs (lossy, "image/webp", 640, 480);
  assert_sniffs (lossless, "image/webp", 16383, 1);
  assert_sniffs (extended, "image/webp", 16777216, 3);
  assert_truncations (lossy, 30);
  assert_truncations (lossless, 25);
  assert_truncations (extended, 30);

  /* A broken start code or signature is not a picture. */
  lossy->data[24] = 0x02;
  g_assert_false (sniff_guarded (lossy->data, lossy->len, &info));
  lossless->data[20] = 0x2e;
  g_assert_false (sniff_guarded (lossless->data, lossless->len, &info));
}

#define BYTES(literal) { literal, sizeof literal - 1 }

static void
test_not_pictures (void)
{
  static const struct {
    const char *bytes;
    gsize length;
  } cases[] = {
    BYTES (""),
    BYTES ("Nậm Nhùn: mưa lũ gây sạt lở"),
    BYTES ("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
    BYTES ("%PDF-1.7\n"),
    BYTES ("RIFF\x10\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x02\x00"),
    BYTES ("GIF88a\x01\x00\x01\x00"),
    BYTES ("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDX\x00\x00\x00\x01\x00\x00\x00\x01"),
    BYTES ("RIFF\x10\x00\x00\x00WEBPVP8Z\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"),
  };
  Info info;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_false (sniff_guarded ((const guint8 *) cases[i].bytes, cases[i].length, &info));
  g_assert_false (byline_image_info_sniff (NULL, 0, NULL, NULL, NULL));
}

/* Random damage to valid headers: never a crash or a read past the end, and
 * a success always has a size. */
static void
test_fuzz (void)
{
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) g_byte_array_unref);
  guint successes = 0;

  g_ptr_array_add (samples, make_jpeg (0xc0, 800, 600, 300));
  g_ptr_array_add (samples, make_png (3, 2));
  g_ptr_array_add (samples, make_gif (5, 7));
  g_ptr_array_add (samples, make_webp ("VP8 ", 9, 9));
  g_ptr_array_add (samples, make_webp ("VP8L", 9, 9));
  g_ptr_array_add (samples, make_webp ("VP8X", 9, 9));

  for (guint round = 0; round < 20000; round++)
    {
      GByteArray *sample = g_ptr_array_index (samples, round % samples->len);
      g_autofree guint8 *copy = g_memdup2 (sample->data, sample->len);
      gsize length = g_test_rand_int_range (0, sample->len + 1);
      guint flips = g_test_rand_int_range (0, 4);
      Info info;

      for (guint i = 0; i < flips && length > 0; i++)
        copy[g_test_rand_int_range (0, length)] = g_test_rand_int_range (0, 256);
      if (sniff_guarded (copy, length, &info))
        successes++;
    }

  /* Most damage spares the header fields: the sniffer must still see those. */
  g_assert_cmpuint (successes, >, 1000);
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/image-info/jpeg", test_jpeg);
  g_test_add_func ("/image-info/jpeg-hostile", test_jpeg_hostile);
  g_test_add_func ("/image-info/jpeg-orientation", test_jpeg_orientation);
  g_test_add_func ("/image-info/other", test_other);
  g_test_add_func ("/image-info/png", test_png);
  g_test_add_func ("/image-info/gif", test_gif);
  g_test_add_func ("/image-info/webp", test_webp);
  g_test_add_func ("/image-info/not-pictures", test_not_pictures);
  g_test_add_func ("/image-info/fuzz", test_fuzz);

  return g_test_run ();
}
