/* byline-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Test"

#include <locale.h>
#include <stdarg.h>
#include <string.h>

#include "byline-test-utils.h"
#include "byline-draft-format.h"

void
byline_test_init (int    *argc,
                  char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  /* Every test case gets fresh, private HOME and XDG folders. */
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

GFile *
byline_test_make_folder (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autofree char *unique = NULL;
  GFile *folder;

  unique = g_strdup_printf ("%s-XXXXXX", path);
  g_assert_nonnull (g_mkdtemp (unique));
  folder = g_file_new_for_path (unique);
  return folder;
}

char *
byline_test_data_path (const char *path)
{
  return g_test_build_filename (G_TEST_DIST, "data", path, NULL);
}

GBytes *
byline_test_data_bytes (const char *path)
{
  g_autofree char *full = byline_test_data_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (full, FALSE, &error);

  g_assert_no_error (error);
  return g_mapped_file_get_bytes (mapped);
}

/* ------------------------------------------------------------------ PNG */

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         length)
{
  static guint32 table[256];

  if (table[1] == 0)
    for (guint32 n = 0; n < 256; n++)
      {
        guint32 c = n;
        for (int k = 0; k < 8; k++)
          c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
      }

  crc ^= 0xffffffffu;
  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

static void
put_be32 (GByteArray *out,
          guint32     value)
{
  guint8 b[4] = { value >> 24, value >> 16, value >> 8, value };
  g_byte_array_append (out, b, 4);
}

static void
put_chunk (GByteArray   *out,
           const char   *type,
           const guint8 *data,
           gsize         length)
{
  guint32 crc;

  put_be32 (out, length);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (out, data, length);
  crc = crc32_update (0, (const guint8 *) type, 4);
  crc = crc32_update (crc, data, length);
  put_be32 (out, crc);
}

void
byline_test_write_png (GFile   *file,
                       guint    width,
                       guint    height,
                       guint32  rgb)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GByteArray) raw = g_byte_array_new ();
  g_autoptr(GZlibCompressor) compressor = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GOutputStream) zout = NULL;
  g_autoptr(GBytes) compressed = NULL;
  g_autoptr(GError) error = NULL;
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  guint8 ihdr[13] = { 0 };

  g_byte_array_append (png, signature, sizeof signature);
  ihdr[0] = width >> 24; ihdr[1] = width >> 16; ihdr[2] = width >> 8; ihdr[3] = width;
  ihdr[4] = height >> 24; ihdr[5] = height >> 16; ihdr[6] = height >> 8; ihdr[7] = height;
  ihdr[8] = 8;  /* bit depth */
  ihdr[9] = 2;  /* truecolour */
  put_chunk (png, "IHDR", ihdr, sizeof ihdr);

  for (guint y = 0; y < height; y++)
    {
      guint8 filter = 0;
      g_byte_array_append (raw, &filter, 1);
      for (guint x = 0; x < width; x++)
        {
          guint8 px[3] = { rgb >> 16, rgb >> 8, rgb };
          g_byte_array_append (raw, px, 3);
        }
    }

  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
  memory = g_memory_output_stream_new_resizable ();
  zout = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_output_stream_write_all (zout, raw->data, raw->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (zout, NULL, &error);
  g_assert_no_error (error);
  compressed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  put_chunk (png, "IDAT", g_bytes_get_data (compressed, NULL), g_bytes_get_size (compressed));
  put_chunk (png, "IEND", NULL, 0);

  g_file_replace_contents (file, (const char *) png->data, png->len, NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ ZIP */

static void
put_le (GByteArray *out,
        guint32     value,
        guint       size)
{
  for (guint i = 0; i < size; i++)
    {
      guint8 b = (guint8) (value >> (8 * i));
      g_byte_array_append (out, &b, 1);
    }
}

/* A local header (@central FALSE) or a central directory entry: both start
 * with the same fields after their signatures. */
static void
put_zip_header (GByteArray *out,
                gboolean    central,
                const char *name,
                gsize       size,
                guint32     crc,
                guint32     offset)
{
  put_le (out, central ? 0x02014b50 : 0x04034b50, 4);
  if (central)
    put_le (out, 20, 2);        /* made by */
  put_le (out, 20, 2);          /* needed to extract */
  put_le (out, 0, 2);           /* flags */
  put_le (out, 0, 2);           /* stored */
  put_le (out, 0, 2);           /* time */
  put_le (out, 0x21, 2);        /* 1 January 1980 */
  put_le (out, crc, 4);
  put_le (out, size, 4);
  put_le (out, size, 4);
  put_le (out, strlen (name), 2);
  put_le (out, 0, 2);           /* extra field */
  if (central)
    {
      put_le (out, 0, 2);       /* comment */
      put_le (out, 0, 2);       /* disk */
      put_le (out, 0, 2);       /* internal attributes */
      put_le (out, 0, 4);       /* external attributes */
      put_le (out, offset, 4);
    }
  g_byte_array_append (out, (const guint8 *) name, strlen (name));
}

gssize
byline_test_find_bytes (GBytes     *bytes,
                        const char *needle,
                        gsize       needle_length,
                        gboolean    last)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  gssize found = -1;

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (data + i, needle, needle_length) == 0)
      {
        found = (gssize) i;
        if (!last)
          break;
      }
  return found;
}

GBytes *
byline_test_make_zip (const char *name,
                      ...)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GByteArray) directory = g_byte_array_new ();
  guint32 offset;
  guint n = 0;
  va_list args;

  va_start (args, name);
  for (; name != NULL; name = va_arg (args, const char *), n++)
    {
      const char *contents = va_arg (args, const char *);
      gsize size = strlen (contents);
      guint32 crc = crc32_update (0, (const guint8 *) contents, size);

      put_zip_header (directory, TRUE, name, size, crc, out->len);
      put_zip_header (out, FALSE, name, size, crc, 0);
      g_byte_array_append (out, (const guint8 *) contents, size);
    }
  va_end (args);

  offset = out->len;
  g_byte_array_append (out, directory->data, directory->len);
  put_le (out, 0x06054b50, 4);
  put_le (out, 0, 2);           /* this disk */
  put_le (out, 0, 2);           /* the directory's disk */
  put_le (out, n, 2);
  put_le (out, n, 2);
  put_le (out, directory->len, 4);
  put_le (out, offset, 4);
  put_le (out, 0, 2);           /* comment */
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* ---------------------------------------------------------------- article */

static BylineImage *
make_image (GFile      *media_folder,
            const char *name,
            guint       width,
            guint       height,
            guint32     rgb)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;
  BylineImage *image;

  if (media_folder != NULL)
    {
      file = g_file_get_child (media_folder, name);
      byline_test_write_png (file, width, height, rgb);
      bytes = g_file_load_bytes (file, NULL, NULL, NULL);
      g_assert_nonnull (bytes);
      sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
    }
  else
    sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);

  image = byline_image_new (sha256, "image/png");
  byline_image_set_filename (image, name);
  byline_image_set_size (image, width, height);
  if (file != NULL)
    byline_image_set_file (image, file);
  return image;
}

BylineArticle *
byline_test_make_article (GFile *media_folder)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(BylineImage) first = NULL;
  g_autoptr(BylineImage) second = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) created = g_date_time_new (zone, 2022, 8, 10, 21, 5, 0);
  g_autoptr(GDateTime) publish = g_date_time_new (zone, 2022, 8, 11, 6, 30, 0);
  const char *authors[] = { "Nguyễn Thị Hương", "Lò Văn Dũng", NULL };
  const char *tags[] = { "mưa lũ", "Nậm Nhùn", "sạt lở đất", NULL };
  BylineBody *body;
  guint i;

  byline_article_set_headline (article, "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản");
  byline_article_set_lead (article,
                           "(BLC) - Mưa lớn kéo dài từ đêm 9/8 đã gây sạt lở nghiêm trọng "
                           "tại nhiều xã của huyện Nậm Nhùn, tỉnh Lai Châu.");
  byline_article_set_authors (article, authors);
  byline_article_set_dateline (article, "Lai Châu");
  byline_article_set_source_prefix (article, "BLC");
  byline_article_set_category (article, "Xã hội");
  byline_article_set_tags (article, tags);
  byline_article_set_language (article, "vi");
  byline_article_set_created (article, created);
  byline_article_set_modified (article, created);
  byline_article_set_publish_time (article, publish);
  byline_article_set_status (article, BYLINE_STATUS_SUBMITTED);
  byline_article_set_editor_note (article, "Kiểm tra lại số hộ bị ảnh hưởng với UBND xã.");
  byline_article_set_remote (article, "toà soạn", "42", "\"v7\"");

  first = make_image (media_folder, "sat-lo-quoc-lo.png", 12, 8, 0x8a5a2b);
  byline_image_set_caption (first, "Sạt lở trên Quốc lộ 4H đoạn qua xã Nậm Hàng.");
  byline_image_set_credit (first, "Ảnh: Lò Văn Dũng");
  byline_image_set_alt_text (first, "Đất đá tràn xuống mặt đường, một máy xúc đang dọn.");
  byline_image_set_featured (first, TRUE);
  byline_article_add_image (article, first);

  second = make_image (media_folder, "luc-luong-cuu-ho.png", 6, 9, 0x2b5a8a);
  byline_image_set_caption (second, "Lực lượng cứu hộ giúp dân di dời tài sản.");
  byline_image_set_credit (second, "Ảnh: Nguyễn Thị Hương");
  byline_image_set_alt_text (second, "Bộ đội khiêng đồ đạc qua con suối đục ngầu.");
  byline_article_add_image (article, second);

  body = byline_article_get_body (article);
  i = byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH,
                                "Theo Ban Chỉ huy Phòng chống thiên tai huyện, đến sáng 10/8 "
                                "đã có 37 hộ dân phải sơ tán khẩn cấp.");
  byline_body_apply_span (body, i, 0, 9, BYLINE_SPAN_ITALIC, NULL, TRUE);
  byline_body_apply_span (body, i, 69, 79, BYLINE_SPAN_BOLD, NULL, TRUE);
  byline_body_insert_image (body, G_MAXUINT, byline_image_get_id (first));
  byline_body_append_block (body, BYLINE_BLOCK_HEADING1, "Khẩn trương khắc phục hậu quả");
  i = byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH,
                                "Thông tin chi tiết xem tại cổng thông tin điện tử của tỉnh.");
  byline_body_apply_span (body, i, 27, 58, BYLINE_SPAN_LINK, "https://laichau.gov.vn/", TRUE);
  byline_body_append_block (body, BYLINE_BLOCK_QUOTE,
                            "“Chúng tôi ưu tiên bảo đảm an toàn tính mạng cho người dân”, "
                            "ông Phạm Văn Quý cho biết.");
  byline_body_append_block (body, BYLINE_BLOCK_HEADING2, "Các việc cần làm ngay");
  byline_body_append_block (body, BYLINE_BLOCK_BULLETED_ITEM, "Di dời 37 hộ khỏi vùng nguy hiểm");
  byline_body_append_block (body, BYLINE_BLOCK_BULLETED_ITEM, "Thông tuyến Quốc lộ 4H");
  byline_body_append_block (body, BYLINE_BLOCK_NUMBERED_ITEM, "Kiểm đếm thiệt hại");
  byline_body_append_block (body, BYLINE_BLOCK_NUMBERED_ITEM, "Hỗ trợ lương thực");
  byline_body_insert_image (body, G_MAXUINT, byline_image_get_id (second));
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH,
                            "Hiện lực lượng chức năng vẫn đang tiếp tục khắc phục.");

  return g_steal_pointer (&article);
}

static char *
dump (BylineArticle *article)
{
  g_autoptr(GBytes) bytes = byline_draft_format_serialize (article);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

void
byline_test_assert_articles_equal (BylineArticle *a,
                                   BylineArticle *b)
{
  g_autofree char *ja = dump (a);
  g_autofree char *jb = dump (b);

  if (g_strcmp0 (ja, jb) != 0)
    {
      g_printerr ("--- first\n%s\n--- second\n%s\n", ja, jb);
      g_assert_cmpstr (ja, ==, jb);
    }
  g_assert_true (byline_body_equal (byline_article_get_body (a), byline_article_get_body (b)));
}

static char *expected_warning;
static guint expected_hits;
G_LOCK_DEFINE_STATIC (expected);

static GLogWriterOutput
catch_warning (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  gboolean caught = FALSE;

  G_LOCK (expected);
  if (expected_warning != NULL && (level & G_LOG_LEVEL_WARNING))
    for (gsize i = 0; i < n_fields && !caught; i++)
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0
          && g_pattern_match_simple (expected_warning, fields[i].value))
        {
          expected_hits++;
          caught = TRUE;
        }
  G_UNLOCK (expected);
  return caught ? G_LOG_WRITER_HANDLED : g_log_writer_default (level, fields, n_fields, user_data);
}

void
byline_test_catch_warnings (void)
{
  g_log_set_writer_func (catch_warning, NULL, NULL);
}

guint
byline_test_expect_warning (const char *pattern)
{
  guint hits;

  G_LOCK (expected);
  hits = expected_hits;
  expected_hits = 0;
  g_free (expected_warning);
  expected_warning = g_strdup (pattern);
  G_UNLOCK (expected);
  return hits;
}

void
byline_test_put16be (GByteArray *out,
                     guint       value)
{
  guint8 b[2] = { value >> 8, value };
  g_byte_array_append (out, b, 2);
}

void
byline_test_put16le (GByteArray *out,
                     guint       value)
{
  guint8 b[2] = { value, value >> 8 };
  g_byte_array_append (out, b, 2);
}

void
byline_test_put_bytes (GByteArray *out,
                       const char *bytes,
                       gsize       length)
{
  g_byte_array_append (out, (const guint8 *) bytes, length);
}

/* A JPEG header whose EXIF segment says @orientation, in the byte order
 * cameras of either kind write ("II" or "MM"), after another tag. */
GByteArray *
byline_test_jpeg_oriented (guint    width,
                           guint    height,
                           guint    orientation,
                           gboolean big_endian)
{
  GByteArray *out = g_byte_array_new ();
  GByteArray *exif = g_byte_array_new ();
  void (*put16) (GByteArray *, guint) = big_endian ? byline_test_put16be : byline_test_put16le;

  byline_test_put_bytes (exif, "Exif\0\0", 6);
  byline_test_put_bytes (exif, big_endian ? "MM\0\x2a\0\0\0\x08" : "II\x2a\0\x08\0\0\0", 8);
  put16 (exif, 2);                                     /* two entries */
  put16 (exif, 0x010f);                                /* Make, ASCII, 4 bytes */
  put16 (exif, 2);
  byline_test_put_bytes (exif, big_endian ? "\0\0\0\x04" : "\x04\0\0\0", 4);
  byline_test_put_bytes (exif, "Cam", 4);
  put16 (exif, 0x0112);                                /* Orientation, SHORT, 1 */
  put16 (exif, 3);
  byline_test_put_bytes (exif, big_endian ? "\0\0\0\x01" : "\x01\0\0\0", 4);
  put16 (exif, orientation);
  byline_test_put_bytes (exif, "\0\0", 2);
  byline_test_put_bytes (exif, "\0\0\0\0", 4);                       /* no next IFD */

  byline_test_put_bytes (out, "\xff\xd8\xff\xe1", 4);
  byline_test_put16be (out, exif->len + 2);
  g_byte_array_append (out, exif->data, exif->len);
  byline_test_put_bytes (out, "\xff\xc0", 2);
  byline_test_put16be (out, 17);
  byline_test_put_bytes (out, "\x08", 1);
  byline_test_put16be (out, height);
  byline_test_put16be (out, width);
  byline_test_put_bytes (out, "\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 10);
  byline_test_put_bytes (out, "\xff\xd9", 2);
  g_byte_array_unref (exif);
  return out;
}

SoupServer *
byline_test_serve_local (SoupServerCallback  callback,
                         gpointer            data,
                         int                *port)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  soup_server_add_handler (server, NULL, callback, data, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *port = g_uri_get_port (uris->data);
  return server;
}
