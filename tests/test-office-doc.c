/* test-office-doc.c — the records of a Word 97–2003 document (.doc) read
 * by byline-doc*.c and byline-cfb.c: what is refused and how, and those
 * records damaged, cut short, looped or put anywhere, never a crash nor a
 * read past the file.  The stories of tests/data/doc/ as stories, the same
 * as the .docx and .odt they were made from, are read in test-office.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"
#include "byline-article.h"
#include "byline-body.h"
#include "byline-error.h"
#include "byline-image.h"
#include "byline-import.h"

/* The offset of the first sector that starts with @needle (the FIB:
 * 0xA5EC), for the tests that damage one field. */
static gsize
doc_sector (GBytes     *bytes,
            const void *needle,
            gsize       length)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  for (gsize at = 512; at + length <= size; at += 512)
    if (memcmp (data + at, needle, length) == 0)
      return at;
  g_assert_not_reached ();
}

static GError *
import_patched (GBytes     *good,
                gsize       at,
                const void *patch,
                gsize       length)
{
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BylineArticle) article = NULL;
  GError *error = NULL;

  memcpy (copy + at, patch, length);
  bytes = g_bytes_new (copy, g_bytes_get_size (good));
  article = byline_import_read (bytes, "bai.doc", NULL, NULL, &error);
  g_assert_null (article);
  return error;
}

/* A damaged copy of a .doc, @size bytes, read: a story or an error, never
 * both, and every picture of the story a photo Byline takes. */
static BylineArticle *
read_damaged (const guint8 *copy,
              gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (copy, size);
  g_autoptr(GError) error = NULL;
  BylineArticle *article = byline_import_read (bytes, "bai.doc", NULL, NULL, &error);

  g_assert_true ((article == NULL) != (error == NULL));
  for (guint i = 0; article != NULL && i < byline_article_get_n_images (article); i++)
    {
      const char *type = byline_image_get_media_type (byline_article_get_image (article, i));

      g_assert_true (g_str_equal (type, "image/png") || g_str_equal (type, "image/jpeg"));
    }
  return article;
}

/* What is refused, and how: not Word's, too old, a password, damaged. */
static void
test_doc_refused (void)
{
  g_autoptr(GBytes) good = byline_test_data_bytes ("doc/cho-phien.doc");
  gsize fib = doc_sector (good, "\xEC\xA5", 2);
  GError *error;

  /* An old Office file that is no Word document (Excel's, PowerPoint's):
   * the directory names no WordDocument stream. */
  {
    gsize size;
    const guint8 *data = g_bytes_get_data (good, &size);
    const guint8 *name = NULL;

    for (gsize at = 512; at + 24 <= size && name == NULL; at += 128)
      if (memcmp (data + at, "W\0o\0r\0d\0D\0o\0c\0", 14) == 0)
        name = data + at;
    g_assert_nonnull (name);
    error = import_patched (good, name - data, "X", 1);
    g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT);
    g_assert_nonnull (strstr (error->message, "not a Word document"));
    g_clear_error (&error);
  }

  /* fWhichTblStm pointing at a table stream that is not there. */
  {
    const guint8 *data = g_bytes_get_data (good, NULL);
    guint8 flags[2] = { data[fib + 10], data[fib + 11] ^ 0x02 };

    error = import_patched (good, fib + 10, flags, 2);
    g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
    g_assert_nonnull (strstr (error->message, "bai.doc is damaged"));
    g_clear_error (&error);
  }

  /* Word 95 (nFib 0x68). */
  error = import_patched (good, fib + 2, "\x68\x00", 2);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT);
  g_assert_nonnull (strstr (error->message, "older than Word 97"));
  g_clear_error (&error);

  /* fEncrypted */
  {
    const guint8 *data = g_bytes_get_data (good, NULL);
    guint8 flags[2] = { data[fib + 10], data[fib + 11] | 0x01 };

    error = import_patched (good, fib + 10, flags, 2);
    g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT);
    g_assert_nonnull (strstr (error->message, "password"));
    g_clear_error (&error);
  }

  /* The header's sector size, the FAT's first sector, the directory's
   * start: damaged, said so. */
  error = import_patched (good, 30, "\x0A\x00", 2);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "bai.doc is damaged"));
  g_clear_error (&error);
  error = import_patched (good, 76, "\xFF\xFF\xFF\x7F", 4);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_clear_error (&error);
  error = import_patched (good, 48, "\x00\x00\x00\x70", 4);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_clear_error (&error);
  /* The FIB's ccpText beyond any story. */
  error = import_patched (good, fib + 0x4C, "\xFF\xFF\xFF\x7F", 4);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_clear_error (&error);
}

/* A loop in a chain of sectors (the FAT pointing a sector at itself):
 * refused, without reading on for ever or past the file. */
static void
test_doc_fat_loop (void)
{
  g_autoptr(GBytes) good = byline_test_data_bytes ("doc/cho-phien.doc");
  gsize size;
  const guint8 *data = g_bytes_get_data (good, &size);
  guint32 fat_sector = data[76] | (data[77] << 8) | (data[78] << 16) | ((guint32) data[79] << 24);
  guint32 dir = data[48] | (data[49] << 8) | (data[50] << 16) | ((guint32) data[51] << 24);
  guint8 self[4] = { dir & 0xFF, (dir >> 8) & 0xFF, (dir >> 16) & 0xFF, dir >> 24 };
  GError *error;

  /* FAT[dir] = dir: the directory's chain goes round. */
  error = import_patched (good, 512 + (gsize) fat_sector * 512 + dir * 4, self, 4);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_clear_error (&error);
}

/* The picture's records (PICF, shape, FBSE, BLIP) damaged: the story is
 * read without the picture or refused, never a crash or a picture that is
 * not one. */
static void
test_doc_picture_damaged (void)
{
  g_autoptr(GBytes) good = byline_test_data_bytes ("doc/cho-phien.doc");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  gsize size;
  const guint8 *data = g_bytes_get_data (good, &size);
  gsize png = 0;

  for (gsize at = 0; at + 8 <= size && png == 0; at++)
    if (memcmp (data + at, "\x89PNG\r\n\x1a\n", 8) == 0)
      png = at;
  g_assert_cmpuint (png, >, 260);
  for (guint round = 0; round < 300; round++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr(BylineArticle) article = NULL;
      guint n = g_rand_int_range (rand, 1, 6);

      for (guint i = 0; i < n; i++)
        copy[png - 260 + g_rand_int_range (rand, 0, 276)] = (guint8) g_rand_int_range (rand, 0, 256);
      article = read_damaged (copy, size);
    }
}

/* anh-noi.doc with @length bytes at @at made @patch: its story, or NULL. */
static BylineArticle *
import_doc_patched (GBytes     *good,
                    gsize       at,
                    const void *patch,
                    gsize       length)
{
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BylineArticle *article;

  g_assert_cmpuint (at + length, <=, g_bytes_get_size (good));
  memcpy (copy + at, patch, length);
  bytes = g_bytes_new (copy, g_bytes_get_size (good));
  article = byline_import_read (bytes, "bai.doc", NULL, NULL, &error);
  g_assert_true ((article == NULL) != (error == NULL));
  return article;
}

static void
append_le (GByteArray *array,
           guint32     value,
           guint       size)
{
  for (guint i = 0; i < size; i++)
    g_byte_array_append (array, (guint8[]) { (value >> (8 * i)) & 0xFF }, 1);
}

static void
append_utf16 (GByteArray *array,
              const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    append_le (array, g_utf8_get_char (p), 2);
  append_le (array, 0, 2);
}

/* The floating shape's alt text, its wzDescription ([MS-ODRAW] 2.3.4):
 * LibreOffice 7.4 writes none into a .doc, Word does.  Here the shape's
 * property table (OfficeArtFOPT, 90 bytes: 15 simple properties) is made
 * one of the same size with pib and two complex properties, its name and
 * its description, their UTF-16 after the table in that order. */
static void
test_doc_floating_alt_text (void)
{
  g_autoptr(GBytes) good = byline_test_data_bytes ("doc/anh-noi.doc");
  gssize fopt = byline_test_find_bytes (good, "\xF3\x00\x0B\xF0\x5A\x00\x00\x00", 8, FALSE);
  g_autoptr(GByteArray) record = g_byte_array_new ();
  g_autoptr(BylineArticle) article = NULL;
  BylineImage *image;

  g_assert_cmpint (fopt, >, 0);
  append_le (record, 0x0033, 2);             /* version 3, 3 properties */
  append_le (record, 0xF00B, 2);
  append_le (record, 90, 4);
  append_le (record, 0x4104, 2);             /* pib, a store entry (fBid) */
  append_le (record, 1, 4);
  append_le (record, 0x8380, 2);             /* wzName, complex */
  append_le (record, 16, 4);                 /* 7 letters and a NUL */
  append_le (record, 0x8381, 2);             /* wzDescription, complex */
  append_le (record, 56, 4);                 /* 27 letters and a NUL */
  append_utf16 (record, "Ảnh hoa");
  append_utf16 (record, "Cánh đồng hoa tam giác mạch");
  g_assert_cmpuint (record->len, ==, 8 + 90);

  article = import_doc_patched (good, fopt, record->data, record->len);
  g_assert_nonnull (article);
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 2);
  image = byline_article_get_image (article, 0);
  g_assert_cmpstr (byline_image_get_media_type (image), ==, "image/jpeg");
  g_assert_cmpstr (byline_image_get_alt_text (image), ==, "Cánh đồng hoa tam giác mạch");
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Cánh đồng hoa ở Lùng Phình.");
}

/* The floating picture's records damaged, one field at a time (the anchor,
 * the shape, its properties, the picture store, the BLIP, the FIB's
 * pointer): the story is read without that picture, the inline one kept.
 * Then bytes of all of them at random: a story or an error, never a crash
 * or a picture that is not a photo. */
static void
test_doc_floating_damaged (void)
{
  g_autoptr(GBytes) good = byline_test_data_bytes ("doc/anh-noi.doc");
  gsize size;
  const guint8 *data = g_bytes_get_data (good, &size);
  gsize fib = doc_sector (good, "\xEC\xA5", 2);
  /* The OfficeArtDggContainer (108 bytes) and, 449 bytes on, the
   * PlcfSpaMom: CPs 117 and 280, then the FSPA of shape 1026. */
  gssize dgg = byline_test_find_bytes (good, "\x0F\x00\x00\xF0\x6C\x00\x00\x00", 8, FALSE);
  gssize plc = byline_test_find_bytes (good, "\x75\x00\x00\x00\x18\x01\x00\x00\x02\x04\x00\x00", 12, FALSE);
  gssize fopt = byline_test_find_bytes (good, "\xF3\x00\x0B\xF0\x5A\x00\x00\x00", 8, FALSE);
  gssize jpeg = byline_test_find_bytes (good, "\xFF\xD8\xFF", 3, FALSE);
  gsize fbse, pib;
  struct { const char *what; gsize at; const char *patch; gsize length; } cases[] = {
    { "the anchor's shape not there", 0, "\x03\x04\x00\x00", 4 },
    { "the anchor at another character", 0, "\x74\x00\x00\x00", 4 },
    { "pib past the store", 0, "\x02\x00\x00\x00", 4 },
    { "pib 0", 0, "\x00\x00\x00\x00", 4 },
    { "more properties than the table holds", 0, "\xF3\xFF", 2 },
    { "the property table past its shape", 0, "\xFF\xFF\xFF\x7F", 4 },
    { "the store entry past the store", 0, "\x00\xFF\xFF\xFF", 4 },
    { "the BLIP past the WordDocument stream", 0, "\xF0\xFF\xFF\x7F", 4 },
    { "the BLIP an EMF", 0, "\x1A\xF0", 2 },
    { "no OfficeArtDggContainer", 0, "\x01\xF0", 2 },
    { "lcbDggInfo past the table stream", fib + 558, "\xFF\xFF\xFF\x7F", 4 },
    { "lcbPlcSpaMom past the table stream", fib + 478, "\xFF\xFF\xFF\x7F", 4 },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);

  g_assert_cmpint (dgg, >, 0);
  g_assert_cmpint (plc, ==, dgg + 449);
  g_assert_cmpint (fopt, >, dgg);
  g_assert_cmpint (jpeg, >, 25);
  fbse = dgg + 48;
  pib = fopt + 8 + 4 * 6;   /* its fifth property */
  g_assert_cmpmem (data + pib, 6, "\x04\x41\x01\x00\x00\x00", 6);
  g_assert_cmpmem (data + fbse, 4, "\x52\x00\x07\xF0", 4);
  g_assert_cmpmem (data + jpeg - 25 + 2, 2, "\x1D\xF0", 2);
  cases[0].at = plc + 8;
  cases[1].at = plc;
  cases[2].at = cases[3].at = pib + 2;
  cases[4].at = fopt;
  cases[5].at = fopt + 4;
  cases[6].at = fbse + 4;
  cases[7].at = fbse + 8 + 28;
  cases[8].at = jpeg - 25 + 2;
  cases[9].at = dgg + 2;

  {
    g_autoptr(BylineArticle) article = import_doc_patched (good, 0, data, 1);

    g_assert_cmpuint (byline_article_get_n_images (article), ==, 2);
  }
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineArticle) article = import_doc_patched (good, cases[i].at, cases[i].patch, cases[i].length);

      g_test_message ("%s", cases[i].what);
      g_assert_nonnull (article);
      g_assert_cmpuint (byline_article_get_n_images (article), ==, 1);
      g_assert_cmpstr (byline_image_get_media_type (byline_article_get_image (article, 0)), ==, "image/png");
      /* The line under it, a caption of nothing, is text. */
      g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (article)), ==, 4);
    }

  for (guint round = 0; round < 300; round++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr(BylineArticle) article = NULL;
      guint n = g_rand_int_range (rand, 1, 6);

      for (guint i = 0; i < n; i++)
        {
          /* The drawing and its anchors, or the BLIP's header. */
          gsize at = g_rand_boolean (rand) ? dgg + g_rand_int_range (rand, 0, 449 + 34)
                                           : jpeg - 25 + g_rand_int_range (rand, 0, 25 + 4);

          copy[at] = (guint8) g_rand_int_range (rand, 0, 256);
        }
      article = read_damaged (copy, size);
    }
}

/* How many times @text is a paragraph of @article's body. */
static guint
count_paragraph (BylineArticle *article,
                 const char    *text)
{
  BylineBody *body = byline_article_get_body (article);
  guint found = 0;

  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    found += g_strcmp0 (byline_block_get_text (byline_body_get_block (body, i)), text) == 0;
  return found;
}

/* The text box's records damaged, one field at a time (its shapes' lTxid,
 * the PlcftxbxTxt's CPs and FTXBXS, the FIB's lengths of the stories and
 * pointer): the story is read without the box's text, or with it once.
 * Then bytes of them at random: a story or an error, never a crash. */
static void
test_doc_text_box_damaged (void)
{
  g_autoptr(GBytes) good = byline_test_data_bytes ("doc/hop-chu.doc");
  gsize size;
  const guint8 *data = g_bytes_get_data (good, &size);
  gsize fib = doc_sector (good, "\xEC\xA5", 2);
  /* The PlcftxbxTxt: CPs 0, 1, 24, 25, then three FTXBXS (the shape's
   * empty text, its frame's, one left for reuse). */
  gssize plc = byline_test_find_bytes (good, "\x00\x00\x00\x00\x01\x00\x00\x00\x18\x00\x00\x00\x19\x00\x00\x00",
                                       16, FALSE);
  /* The frame's lTxid (entry 2), then its next property. */
  gssize txid = byline_test_find_bytes (good, "\x80\x00\x00\x00\x02\x00\x81\x00", 8, FALSE);
  gssize shape_txid = byline_test_find_bytes (good, "\x80\x00\x00\x00\x01\x00\x81\x00", 8, FALSE);
  gssize dg = byline_test_find_bytes (good, "\x0F\x00\x02\xF0", 4, FALSE);
  struct { const char *what; gsize at; const char *patch; gsize length; } cases[] = {
    { "lTxid the entry left for reuse", 0, "\x03\x00", 2 },
    { "lTxid past the entries", 0, "\x09\x00", 2 },
    { "lTxid 0", 0, "\x00\x00", 2 },
    { "lTxid the second of a chain", 0, "\x01\x00\x02\x00", 4 },
    { "the entry reusable", 0, "\x01\x00", 2 },
    { "the box's end before its start", 0, "\x00\x00\x00\x00", 4 },
    { "the box's end past the story", 0, "\xFF\xFF\x00\x00", 4 },
    { "the box's start past any story", 0, "\xFF\xFF\xFF\x7F", 4 },
    { "ccpTxbx past any story", fib + 100, "\xFF\xFF\xFF\x7F", 4 },
    { "ccpTxbx short of the box", fib + 100, "\x05\x00\x00\x00", 4 },
    { "ccpTxbx 0", fib + 100, "\x00\x00\x00\x00", 4 },
    { "ccpFtn past the pieces", fib + 80, "\x00\x10\x00\x00", 4 },
    { "ccpFtn so that the sum wraps", fib + 80, "\xFF\xFF\xFF\xFF", 4 },
    { "lcbPlcftxbxTxt past the table stream", fib + 606, "\xFF\xFF\xFF\x7F", 4 },
    { "lcbPlcftxbxTxt not whole entries", fib + 606, "\x51\x00\x00\x00", 4 },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261208);

  g_assert_cmpint (plc, >, 0);
  g_assert_cmpint (txid, >, 0);
  g_assert_cmpint (shape_txid, >, 0);
  g_assert_cmpint (dg, >, 0);
  g_assert_cmpmem (data + fib + 100, 4, "\x19\x00\x00\x00", 4);
  g_assert_cmpmem (data + fib + 606, 4, "\x52\x00\x00\x00", 4);
  cases[0].at = cases[1].at = cases[2].at = txid + 4;
  cases[3].at = txid + 2;
  cases[4].at = plc + 16 + 22 + 8;
  cases[5].at = cases[6].at = plc + 8;
  cases[7].at = plc + 4;

  {
    g_autoptr(BylineArticle) article = import_doc_patched (good, 0, data, 1);

    g_assert_cmpuint (count_paragraph (article, "Chợ mở từ 6 giờ sáng."), ==, 1);
  }
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineArticle) article = import_doc_patched (good, cases[i].at, cases[i].patch, cases[i].length);

      g_test_message ("%s", cases[i].what);
      g_assert_nonnull (article);
      g_assert_cmpuint (count_paragraph (article, "Chợ mở từ 6 giờ sáng."), ==, 0);
      g_assert_cmpuint (count_paragraph (article, "Chợ họp vào Chủ nhật hằng tuần."), ==, 1);
      g_assert_cmpuint (byline_article_get_n_images (article), ==, 2);
    }
  /* Both shapes naming the same box: its text once. */
  {
    g_autoptr(BylineArticle) article = import_doc_patched (good, shape_txid + 4, "\x02\x00", 2);

    g_assert_cmpuint (count_paragraph (article, "Chợ mở từ 6 giờ sáng."), ==, 1);
  }

  for (guint round = 0; round < 300; round++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) article = NULL;
      guint n = g_rand_int_range (rand, 1, 6);

      for (guint i = 0; i < n; i++)
        {
          /* The PlcftxbxTxt, or the shapes and their properties. */
          gsize at = g_rand_boolean (rand) ? plc + g_rand_int_range (rand, 0, 82)
                                           : dg + g_rand_int_range (rand, 0, 586);

          copy[at] = (guint8) g_rand_int_range (rand, 0, 256);
        }
      bytes = g_bytes_new (copy, size);
      article = byline_import_read (bytes, "bai.doc", NULL, NULL, &error);
      g_assert_true ((article == NULL) != (error == NULL));
      if (article != NULL)
        g_assert_cmpuint (count_paragraph (article, "Chợ mở từ 6 giờ sáng."), <=, 1);
    }
}

/* The group's records damaged: a child's picture not in the store (named
 * as left out, the others kept), the group's container longer than its
 * drawing or its own shape not one (nothing of it read); then bytes of
 * the drawing at random: a story or an error, never a crash or a picture
 * that is not a photo. */
static void
test_doc_group_damaged (void)
{
  g_autoptr(GBytes) good = byline_test_data_bytes ("doc/nhom-anh.doc");
  gsize size;
  const guint8 *data = g_bytes_get_data (good, &size);
  /* The drawing (778 bytes); in it the patriarch's group, then the
   * group's (622 bytes): its own shape, then three pictures. */
  gssize dg = byline_test_find_bytes (good, "\x0F\x00\x02\xF0\x02\x03\x00\x00", 8, FALSE);
  gssize group = byline_test_find_bytes (good, "\x0F\x00\x03\xF0\x6E\x02\x00\x00", 8, FALSE);
  gssize png_pib = byline_test_find_bytes (good, "\x04\x41\x02\x00\x00\x00", 6, FALSE);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261209);

  g_assert_cmpint (dg, >, 0);
  g_assert_cmpint (group, >, dg);
  g_assert_cmpint (png_pib, >, group);
  {
    g_autoptr(BylineArticle) article = import_doc_patched (good, png_pib + 2, "\x09", 1);

    g_assert_cmpuint (byline_article_get_n_images (article), ==, 1);
    g_assert_cmpstr (byline_image_get_media_type (byline_article_get_image (article, 0)), ==, "image/jpeg");
  }
  {
    g_autoptr(BylineArticle) article = import_doc_patched (good, group + 4, "\xFF\xFF\x00\x00", 4);

    g_assert_nonnull (article);
    g_assert_cmpuint (byline_article_get_n_images (article), ==, 0);
  }
  {
    g_autoptr(BylineArticle) article = import_doc_patched (good, group + 8 + 2, "\x05\xF0", 2);

    g_assert_nonnull (article);
    g_assert_cmpuint (byline_article_get_n_images (article), ==, 0);
  }

  for (guint round = 0; round < 300; round++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr(BylineArticle) article = NULL;
      guint n = g_rand_int_range (rand, 1, 6);

      for (guint i = 0; i < n; i++)
        copy[dg + g_rand_int_range (rand, 0, 778)] = (guint8) g_rand_int_range (rand, 0, 256);
      article = read_damaged (copy, size);
    }
}

/* The text of @article's body's block @index. */
static const char *
block_text (BylineArticle *article,
            guint          index)
{
  return byline_block_get_text (byline_body_get_block (byline_article_get_body (article), index));
}

/* A row's cells as its end's sprmTDefTable says them, damaged (gop-o.doc:
 * "Bát Xát" merged down two rows): no first above the cell merged under
 * it, two firsts, too many columns, a size of 0 or past the paragraph's:
 * a story, the rows as if not merged, never the merged cell where it is
 * not; a row's first cell said merged into the one before it: a cell
 * alone.  Then bytes of the three rows' definitions at random: a story or
 * an error, never a crash. */
static void
test_doc_merged_damaged (void)
{
  /* sprmTDefTable, 70 bytes after its size, 3 cells, the first's left
   * edge -108: its TC80s from 13 bytes in, their TCGRF first. */
  static const char tap[] = "\x08\xD6\x46\x00\x03\x94\xFF";
  static const struct
  {
    guint       row;
    gsize       offset;
    const char *patch;
    gsize       length;
    const char *third;   /* the table's third row, if it is known */
  } cases[] = {
    { 1, 13, "\x00\x00", 2, "Trịnh Tường – 80" },   /* "Bát Xát" no first */
    { 2, 13, "\x60\x00", 2, "Trịnh Tường – 80" },   /* the cell under it a first too */
    { 1, 4, "\xFF", 1, "Trịnh Tường – 80" },         /* 255 columns */
    { 1, 2, "\xFF\xFF", 2, NULL },                   /* a size past the paragraph's */
    { 1, 2, "\x00\x00", 2, NULL },                   /* a size of 0 */
    { 0, 13, "\x03\x00", 2, "Bát Xát – Trịnh Tường – 80" },
  };
  g_autoptr(GBytes) good = byline_test_data_bytes ("doc/gop-o.doc");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  gsize size, rows[3];
  const guint8 *data = g_bytes_get_data (good, &size);
  guint n = 0;

  for (gsize at = 0; at + sizeof tap - 1 <= size && n < 3; at++)
    if (memcmp (data + at, tap, sizeof tap - 1) == 0)
      rows[n++] = at;
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (data[rows[1] + 13], ==, 0x60);
  g_assert_cmpuint (data[rows[2] + 13], ==, 0x20);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineArticle) article = import_doc_patched (good, rows[cases[i].row] + cases[i].offset,
                                                             cases[i].patch, cases[i].length);
      guint n_blocks;

      g_assert_nonnull (article);
      n_blocks = byline_body_get_n_blocks (byline_article_get_body (article));
      if (cases[i].third != NULL)
        {
          g_assert_cmpuint (n_blocks, ==, 6);
          g_assert_cmpstr (block_text (article, 3), ==, cases[i].third);
        }
      else
        for (guint b = 0; b < n_blocks; b++)
          g_assert_false (g_str_has_prefix (block_text (article, b), "Bát Xát – Trịnh Tường"));
    }

  for (guint round = 0; round < 300; round++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr(BylineArticle) article = NULL;
      guint k = g_rand_int_range (rand, 1, 6);

      for (guint i = 0; i < k; i++)
        {
          gsize at = rows[g_rand_int_range (rand, 0, 3)] + (gsize) g_rand_int_range (rand, 2, 73);

          copy[at] = (guint8) g_rand_int_range (rand, 0, 256);
        }
      article = read_damaged (copy, size);
    }
}

/* Word's special characters (fields' begin, separator and end, paragraph
 * and cell marks, pictures' and shapes' anchors) put anywhere in the
 * text, 300 times: a story or an error, never a crash, and the story's
 * HTML balanced (the import would refuse a page it cannot parse). */
static void
test_doc_special_characters (void)
{
  static const guint8 specials[] = { 0x13, 0x14, 0x15, 0x0D, 0x07, 0x01, 0x08, 0x0B, 0x1F };
  g_autoptr(GBytes) good = byline_test_data_bytes ("doc/mua-lu.doc");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  gsize size;
  const guint8 *data = g_bytes_get_data (good, &size);
  gsize text = 0;
  guint read = 0;

  /* The text is stored in UTF-16: its first words. */
  for (gsize at = 0; at + 8 <= size && text == 0; at++)
    if (memcmp (data + at, "M\0\xb0\x01" "a\0", 6) == 0)
      text = at;
  g_assert_cmpuint (text, >, 0);
  for (guint round = 0; round < 300; round++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) article = NULL;
      guint n = g_rand_int_range (rand, 1, 12);

      for (guint i = 0; i < n; i++)
        {
          gsize at = text + 2 * (gsize) g_rand_int_range (rand, 0, 600);

          copy[at] = specials[g_rand_int_range (rand, 0, G_N_ELEMENTS (specials))];
          copy[at + 1] = 0;
        }
      bytes = g_bytes_new (copy, size);
      article = byline_import_read (bytes, "bai.doc", NULL, NULL, &error);
      g_assert_true ((article == NULL) != (error == NULL));
      read += article != NULL;
    }
  g_test_message ("%u of 300 read", read);
  g_assert_cmpuint (read, >, 200);
}

/* Cut short anywhere: refused or read, never a crash. */
static void
test_doc_truncated (void)
{
  g_autoptr(GBytes) good = byline_test_data_bytes ("doc/mua-lu.doc");
  gsize size = g_bytes_get_size (good);

  for (gsize cut = 0; cut < size; cut += 256)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_from_bytes (good, 0, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) article = byline_import_read (bytes, "bai.doc", NULL, NULL, &error);

      g_assert_true ((article == NULL) != (error == NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/office/doc/refused", test_doc_refused);
  g_test_add_func ("/office/doc/fat-loop", test_doc_fat_loop);
  g_test_add_func ("/office/doc/truncated", test_doc_truncated);
  g_test_add_func ("/office/doc/picture-damaged", test_doc_picture_damaged);
  g_test_add_func ("/office/doc/floating-alt-text", test_doc_floating_alt_text);
  g_test_add_func ("/office/doc/floating-damaged", test_doc_floating_damaged);
  g_test_add_func ("/office/doc/text-box-damaged", test_doc_text_box_damaged);
  g_test_add_func ("/office/doc/group-damaged", test_doc_group_damaged);
  g_test_add_func ("/office/doc/special-characters", test_doc_special_characters);
  g_test_add_func ("/office/doc/merged-damaged", test_doc_merged_damaged);

  return g_test_run ();
}
