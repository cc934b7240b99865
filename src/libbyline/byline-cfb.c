/* byline-cfb.c — the streams of a compound file held in memory
 *
 * A compound file is sectors of 512 (version 3) or 4096 bytes (version 4)
 * after a header: a FAT chains the sectors of each stream, the sectors of
 * the FAT are listed in the header's DIFAT (and further DIFAT sectors), and
 * a directory of 128-byte entries names the streams.  Streams under 4096
 * bytes live in the mini stream (the root entry's stream) in 64-byte
 * sectors chained by the mini FAT.  Every offset, chain and size is checked
 * against the file: a damaged or hostile file is refused, never read past.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "byline-cfb-private.h"
#include "byline-error.h"
#include "byline-le-private.h"

#define HEADER_SIZE   512
#define ENTRY_SIZE    128
#define END_OF_CHAIN  0xFFFFFFFEu
#define MAX_SECTOR    0xFFFFFFFAu   /* above: free, end of chain, FAT, DIFAT */
#define ENTRY_STREAM  2
#define ENTRY_ROOT    5

static const guint8 signature[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

typedef struct
{
  char    *name;
  guint8   type;
  guint32  start;
  guint64  size;
} Entry;

struct _BylineCfb
{
  GBytes       *bytes;
  const guint8 *data;
  gsize         length;
  char         *display;
  guint         sector_size;
  guint32       mini_cutoff;
  GArray       *fat;        /* guint32 */
  GArray       *mini_fat;   /* guint32 */
  GBytes       *mini_stream;
  GArray       *entries;    /* Entry */
};

gpointer
_byline_cfb_damaged (GError     **error,
                     const char  *display)
{
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
               _("%s is damaged: its Word 97–2003 file cannot be read"), display);
  return NULL;
}

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->name);
}

gboolean
_byline_cfb_sniff (GBytes *bytes)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  return length >= HEADER_SIZE && memcmp (data, signature, sizeof signature) == 0;
}

/* Sector @n, or NULL when it is not in the file. */
static const guint8 *
sector (BylineCfb *cfb,
        guint32    n)
{
  guint64 offset = ((guint64) n + 1) * cfb->sector_size;

  if (n >= MAX_SECTOR || offset + cfb->sector_size > cfb->length)
    return NULL;
  return cfb->data + offset;
}

/* The first @size bytes of the chain from @start in @fat, its sectors
 * (@sector_size bytes) from @read_sector.  A sector met twice is a loop:
 * the chain is damaged, and what is read never exceeds the file. */
static GBytes *
read_chain (BylineCfb      *cfb,
            GArray         *fat,
            guint32         start,
            guint64         size,
            const guint8 *(*read_sector) (BylineCfb *cfb, guint32 n),
            guint           sector_size)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree guint8 *seen = g_malloc0 (fat->len / 8 + 1);
  guint32 n = start;

  while (n != END_OF_CHAIN && out->len < size)
    {
      const guint8 *data;

      if (n >= fat->len || (seen[n / 8] & (1u << (n % 8))) != 0 || (data = read_sector (cfb, n)) == NULL)
        return NULL;
      seen[n / 8] |= 1u << (n % 8);
      g_byte_array_append (out, data, sector_size);
      n = g_array_index (fat, guint32, n);
    }
  if (out->len < size)
    return NULL;
  g_byte_array_set_size (out, size);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static const guint8 *
mini_sector (BylineCfb *cfb,
             guint32    n)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (cfb->mini_stream, &length);

  if (((guint64) n + 1) * 64 > length)
    return NULL;
  return data + (gsize) n * 64;
}

/* The FAT: the sectors the DIFAT lists, in the header (109) and in DIFAT
 * sectors chained after it. */
static gboolean
read_fat (BylineCfb *cfb)
{
  const guint8 *header = cfb->data;
  guint32 n_fat = _byline_le32 (header + 44);
  guint32 difat = _byline_le32 (header + 68);
  guint32 n_difat = _byline_le32 (header + 72);
  guint per_sector = cfb->sector_size / 4;
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (guint32));

  /* More FAT sectors than the file has sectors is no file. */
  if (n_fat == 0 || n_fat > cfb->length / cfb->sector_size || n_difat > cfb->length / cfb->sector_size)
    return FALSE;
  for (guint i = 0; i < 109 && list->len < n_fat; i++)
    {
      guint32 s = _byline_le32 (header + 76 + i * 4);

      g_array_append_val (list, s);
    }
  for (guint32 d = 0; d < n_difat && list->len < n_fat; d++)
    {
      const guint8 *data = sector (cfb, difat);

      if (data == NULL)
        return FALSE;
      for (guint i = 0; i + 1 < per_sector && list->len < n_fat; i++)
        {
          guint32 s = _byline_le32 (data + i * 4);

          g_array_append_val (list, s);
        }
      difat = _byline_le32 (data + (per_sector - 1) * 4);
    }
  if (list->len < n_fat)
    return FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      const guint8 *data = sector (cfb, g_array_index (list, guint32, i));

      if (data == NULL)
        return FALSE;
      for (guint k = 0; k < per_sector; k++)
        {
          guint32 next = _byline_le32 (data + k * 4);

          g_array_append_val (cfb->fat, next);
        }
    }
  return TRUE;
}

static gboolean
read_directory (BylineCfb *cfb)
{
  guint64 most = (guint64) cfb->fat->len * cfb->sector_size;
  g_autoptr(GBytes) dir = NULL;
  const guint8 *data;
  gsize length;
  guint32 n = _byline_le32 (cfb->data + 48);
  guint sectors = 0;

  /* The directory's size is its chain's: count it first. */
  for (guint32 s = n; s != END_OF_CHAIN; s = g_array_index (cfb->fat, guint32, s))
    if (s >= cfb->fat->len || ++sectors > cfb->fat->len)
      return FALSE;
  dir = read_chain (cfb, cfb->fat, n, MIN ((guint64) sectors * cfb->sector_size, most), sector, cfb->sector_size);
  if (dir == NULL)
    return FALSE;
  data = g_bytes_get_data (dir, &length);
  for (gsize offset = 0; offset + ENTRY_SIZE <= length; offset += ENTRY_SIZE)
    {
      const guint8 *e = data + offset;
      guint name_length = _byline_le16 (e + 64);
      Entry entry = { 0 };

      entry.type = e[66];
      if (entry.type == 0 || name_length < 2 || name_length > 64 || name_length % 2 != 0)
        continue;
      entry.name = g_utf16_to_utf8 ((const gunichar2 *) e, name_length / 2 - 1, NULL, NULL, NULL);
      if (entry.name == NULL)
        continue;
      entry.start = _byline_le32 (e + 116);
      entry.size = (guint64) _byline_le32 (e + 120) | (cfb->sector_size == 512 ? 0 : (guint64) _byline_le32 (e + 124) << 32);
      if (entry.size > cfb->length)
        {
          g_free (entry.name);
          return FALSE;
        }
      g_array_append_val (cfb->entries, entry);
    }
  return cfb->entries->len > 0 && g_array_index (cfb->entries, Entry, 0).type == ENTRY_ROOT;
}

static gboolean
read_mini (BylineCfb *cfb)
{
  Entry *root = &g_array_index (cfb->entries, Entry, 0);
  guint32 mini_fat = _byline_le32 (cfb->data + 60);
  guint32 n_mini_fat = _byline_le32 (cfb->data + 64);
  g_autoptr(GBytes) table = NULL;
  const guint8 *data;
  gsize length;

  cfb->mini_stream = root->size > 0 ? read_chain (cfb, cfb->fat, root->start, root->size, sector, cfb->sector_size)
                                    : g_bytes_new (NULL, 0);
  if (cfb->mini_stream == NULL)
    return FALSE;
  if (n_mini_fat == 0 || mini_fat == END_OF_CHAIN)
    return TRUE;
  if (n_mini_fat > cfb->fat->len)
    return FALSE;
  table = read_chain (cfb, cfb->fat, mini_fat, (guint64) n_mini_fat * cfb->sector_size, sector, cfb->sector_size);
  if (table == NULL)
    return FALSE;
  data = g_bytes_get_data (table, &length);
  for (gsize i = 0; i + 4 <= length; i += 4)
    {
      guint32 next = _byline_le32 (data + i);

      g_array_append_val (cfb->mini_fat, next);
    }
  return TRUE;
}

BylineCfb *
_byline_cfb_open (GBytes      *bytes,
                  const char  *display,
                  GError     **error)
{
  g_autoptr(BylineCfb) cfb = NULL;
  guint16 shift;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display != NULL, NULL);

  if (!_byline_cfb_sniff (bytes))
    return _byline_cfb_damaged (error, display);
  cfb = g_new0 (BylineCfb, 1);
  cfb->bytes = g_bytes_ref (bytes);
  cfb->data = g_bytes_get_data (bytes, &cfb->length);
  cfb->display = g_strdup (display);
  cfb->fat = g_array_new (FALSE, FALSE, sizeof (guint32));
  cfb->mini_fat = g_array_new (FALSE, FALSE, sizeof (guint32));
  cfb->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (cfb->entries, entry_clear);

  shift = _byline_le16 (cfb->data + 30);
  /* Version 3 has 512-byte sectors, version 4 4096-byte ones; mini sectors
   * are 64 bytes in both. */
  if ((shift != 9 && shift != 12) || _byline_le16 (cfb->data + 32) != 6)
    return _byline_cfb_damaged (error, display);
  cfb->sector_size = 1u << shift;
  cfb->mini_cutoff = _byline_le32 (cfb->data + 56);
  if (cfb->mini_cutoff != 4096 || !read_fat (cfb) || !read_directory (cfb) || !read_mini (cfb))
    return _byline_cfb_damaged (error, display);
  return g_steal_pointer (&cfb);
}

void
_byline_cfb_free (BylineCfb *cfb)
{
  if (cfb == NULL)
    return;
  g_bytes_unref (cfb->bytes);
  g_free (cfb->display);
  g_array_unref (cfb->fat);
  g_array_unref (cfb->mini_fat);
  g_clear_pointer (&cfb->mini_stream, g_bytes_unref);
  g_array_unref (cfb->entries);
  g_free (cfb);
}

GBytes *
_byline_cfb_read (BylineCfb   *cfb,
                  const char  *name,
                  GError     **error)
{
  GBytes *bytes;

  g_return_val_if_fail (cfb != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 1; i < cfb->entries->len; i++)
    {
      Entry *entry = &g_array_index (cfb->entries, Entry, i);

      if (entry->type != ENTRY_STREAM || g_ascii_strcasecmp (entry->name, name) != 0)
        continue;
      if (entry->size == 0)
        return g_bytes_new (NULL, 0);
      if (entry->size < cfb->mini_cutoff)
        bytes = read_chain (cfb, cfb->mini_fat, entry->start, entry->size, mini_sector, 64);
      else
        bytes = read_chain (cfb, cfb->fat, entry->start, entry->size, sector, cfb->sector_size);
      return bytes != NULL ? bytes : _byline_cfb_damaged (error, cfb->display);
    }
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND, _("%s has no %s"), cfb->display, name);
  return NULL;
}
