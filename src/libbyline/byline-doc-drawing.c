/* byline-doc-drawing.c — the floating pictures of a Word 97 text
 *
 * A picture set to wrap ("Square", "Tight", "In front of text") is no
 * character of the text but a shape anchored at one: the character 0x08,
 * whose CP the table stream's PlcfSpaMom maps to an FSPA, whose first field
 * is the shape's id ([MS-DOC] 2.8.25, 2.9.253).  The shapes are in the
 * table stream's OfficeArtContent (2.9.172): an OfficeArtDggContainer with
 * the picture store (an FBSE an entry), then for the main text and the
 * headers a byte and an OfficeArtDgContainer, whose shape containers each
 * have an FSP (the id) and property tables ([MS-ODRAW] 2.2.14, 2.2.9):
 * pib, the shape's picture as an entry of the store, and wzDescription,
 * its alt text; lTxid, a text box's text.  A picture's photo is read as
 * an inline one's (byline-doc-picture.c).  A group (OfficeArtSpgrContainer)
 * is its own shape first, then its children, groups too: the anchor names
 * the group, whose pictures and text boxes are each read, in order.
 * Shapes with neither (lines, drawings) are not read.
 *
 * A text box's text is a story of its own after the main text's
 * ([MS-DOC] 2.3.1): the table stream's PlcftxbxTxt (2.8.33) cuts it into
 * one range of CPs a box, with an FTXBXS each (2.9.106), and a shape's
 * lTxid is that entry's number, from 1, in its upper half (the lower, its
 * place in a chain of linked boxes: the chain's first has all the text).
 * Entries left for reuse (fReusable, and always the last) are no box.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include "byline-doc-picture-private.h"
#include "byline-doc-plc-private.h"
#include "byline-le-private.h"

#define PAIR_PLC_SPA_MOM  40     /* FibRgFcLcb97's fcPlcSpaMom */
#define PAIR_DGG_INFO     50     /* … fcDggInfo */
#define PAIR_PLCF_TXBX    56     /* … fcPlcftxbxTxt */
#define FSPA_SIZE         26
#define FTXBXS_SIZE       22
#define MAX_DEPTH         8      /* containers in containers: groups in groups */

#define RT_DGG_CONTAINER    0xF000
#define RT_BSTORE_CONTAINER 0xF001
#define RT_DG_CONTAINER     0xF002
#define RT_SPGR_CONTAINER   0xF003
#define RT_SP_CONTAINER     0xF004
#define RT_FSP              0xF00A
#define RT_FOPT             0xF00B
#define RT_TERTIARY_FOPT    0xF122

#define PROP_TXID           0x0080
#define PROP_PIB            0x0104
#define FSP_PATRIARCH       0x0004
#define PROP_DESCRIPTION    0x0381

struct _BylineDocShape
{
  guint32 pib;           /* its picture: an entry of the store from 1; 0 none */
  guint32 txid;          /* its text: lTxid; 0 none */
  gsize   description;   /* where its alt text is (UTF-16) in the table stream */
  gsize   description_length;
};

typedef struct
{
  guint32 start, end;    /* CPs of the text boxes' story */
} BoxText;

struct _BylineDocDrawing
{
  GBytes     *table;
  GBytes     *doc;
  GHashTable *anchors;   /* CP → shape id */
  GPtrArray  *all;       /* BylineDocShape*: every shape read */
  GHashTable *shapes;    /* shape id → GPtrArray of BylineDocShape*: it, or a group's */
  GArray     *store;     /* gsize: where each entry of the store is */
  gsize       store_end;
  GArray     *boxes;     /* BoxText: PlcftxbxTxt's entries; a reusable one is empty */
};

typedef struct
{
  guint8  version;   /* 0xF: a container of records */
  guint16 instance;
  guint16 type;
  gsize   body;      /* where its body is */
  gsize   end;       /* where it ends */
} Record;

/* The record header at @at, if the record ends by @end. */
static gboolean
record_at (const guint8 *data,
           gsize         at,
           gsize         end,
           Record       *record)
{
  guint32 length;

  if (at > end || end - at < 8)
    return FALSE;
  record->version = data[at] & 0x0F;
  record->instance = _byline_le16 (data + at) >> 4;
  record->type = _byline_le16 (data + at + 2);
  length = _byline_le32 (data + at + 4);
  if (length > end - at - 8)
    return FALSE;
  record->body = at + 8;
  record->end = record->body + length;
  return TRUE;
}

/* The entries of the picture store in the OfficeArtDggContainer @dgg. */
static void
read_store (BylineDocDrawing *drawing,
            const guint8     *data,
            const Record     *dgg)
{
  Record record, entry;

  for (gsize at = dgg->body; record_at (data, at, dgg->end, &record); at = record.end)
    if (record.type == RT_BSTORE_CONTAINER)
      {
        for (gsize e = record.body; record_at (data, e, record.end, &entry); e = entry.end)
          g_array_append_val (drawing->store, e);
        drawing->store_end = record.end;
        return;
      }
}

/* pib and wzDescription in a property table (OfficeArtFOPT or
 * OfficeArtTertiaryFOPT): 6 bytes a property, then the data of those that
 * are complex, in their order.  A table that says more than it holds is
 * read no further. */
static void
read_properties (const guint8   *data,
                 const Record   *table,
                 BylineDocShape *shape)
{
  gsize n = table->instance;
  gsize complex;

  if (n * 6 > table->end - table->body)
    return;
  complex = table->body + n * 6;
  for (gsize i = 0; i < n; i++)
    {
      const guint8 *property = data + table->body + i * 6;
      guint16 id = _byline_le16 (property) & 0x3FFF;
      guint32 value = _byline_le32 (property + 2);

      if (_byline_le16 (property) & 0x8000)
        {
          if (value > table->end - complex)
            return;
          if (id == PROP_DESCRIPTION)
            {
              shape->description = complex;
              shape->description_length = value;
            }
          complex += value;
        }
      else if (id == PROP_PIB)
        shape->pib = value;
      else if (id == PROP_TXID)
        shape->txid = value;
    }
}

/* Ids are the document's own: the first shape of one is it. */
static void
add_shape (BylineDocDrawing *drawing,
           guint32           id,
           GPtrArray        *shapes)
{
  if (!g_hash_table_contains (drawing->shapes, GUINT_TO_POINTER (id)))
    g_hash_table_insert (drawing->shapes, GUINT_TO_POINTER (id), g_ptr_array_ref (shapes));
}

/* The shape container @container: its id and whether it is a group's own
 * shape; its pictures or text, added to @out. */
static guint32
read_shape (BylineDocDrawing *drawing,
            const guint8     *data,
            const Record     *container,
            GPtrArray        *out,
            gboolean         *patriarch)
{
  BylineDocShape shape = { 0 };
  gboolean has_id = FALSE;
  guint32 id = 0;
  Record record;

  for (gsize at = container->body; record_at (data, at, container->end, &record); at = record.end)
    if (record.type == RT_FSP && record.end - record.body >= 8)
      {
        id = _byline_le32 (data + record.body);
        *patriarch = (_byline_le32 (data + record.body + 4) & FSP_PATRIARCH) != 0;
        has_id = TRUE;
      }
    else if (record.type == RT_FOPT || record.type == RT_TERTIARY_FOPT)
      read_properties (data, &record, &shape);
  if (shape.pib != 0 || shape.txid != 0)
    {
      BylineDocShape *kept = g_memdup2 (&shape, sizeof shape);

      g_ptr_array_add (drawing->all, kept);
      g_ptr_array_add (out, kept);
    }
  return has_id ? id : 0;
}

/* The shapes in the records from @at to @end, groups' too, each added to
 * @out, in order.  A group's first shape container is its own: the group
 * is that id's, its children its pictures and text boxes. */
static void
read_shapes (BylineDocDrawing *drawing,
             const guint8     *data,
             gsize             at,
             gsize             end,
             GPtrArray        *out,
             int               depth)
{
  Record record;

  for (; record_at (data, at, end, &record); at = record.end)
    if (record.type == RT_SP_CONTAINER)
      {
        g_autoptr(GPtrArray) shape = g_ptr_array_new ();
        gboolean patriarch = FALSE;
        guint32 id = read_shape (drawing, data, &record, shape, &patriarch);

        if (id != 0)
          add_shape (drawing, id, shape);
        g_ptr_array_extend (out, shape, NULL, NULL);
      }
    else if (record.type == RT_SPGR_CONTAINER && depth < MAX_DEPTH)
      {
        g_autoptr(GPtrArray) group = g_ptr_array_new ();
        Record first;
        gboolean patriarch = FALSE;
        guint32 id = 0;
        gsize child = record.body;

        if (record_at (data, child, record.end, &first) && first.type == RT_SP_CONTAINER)
          {
            id = read_shape (drawing, data, &first, group, &patriarch);
            child = first.end;
          }
        read_shapes (drawing, data, child, record.end, group, depth + 1);
        /* The drawing's own group (the patriarch) is no shape of the text. */
        if (id != 0 && !patriarch)
          add_shape (drawing, id, group);
        g_ptr_array_extend (out, group, NULL, NULL);
      }
    else if (record.version == 0xF && depth < MAX_DEPTH)
      read_shapes (drawing, data, record.body, record.end, out, depth + 1);
}

/* The PlcfSpaMom: CPs, then an FSPA for each but the last. */
static void
read_anchors (BylineDocDrawing *drawing,
              const guint8     *table,
              gsize             table_length,
              guint32           fc,
              guint32           lcb)
{
  guint32 n;

  if (fc > table_length || lcb > table_length - fc || !_byline_doc_plc_count (lcb, FSPA_SIZE, &n))
    return;
  for (guint32 i = 0; i < n; i++)
    {
      guint32 cp = _byline_doc_plc_cp (table + fc, i);
      guint32 id = _byline_le32 (_byline_doc_plc_entry (table + fc, n, i, FSPA_SIZE));

      if (!g_hash_table_contains (drawing->anchors, GUINT_TO_POINTER (cp)))
        g_hash_table_insert (drawing->anchors, GUINT_TO_POINTER (cp), GUINT_TO_POINTER (id));
    }
}

/* The PlcftxbxTxt: CPs of the text boxes' story, then an FTXBXS for each
 * but the last. */
static void
read_boxes (BylineDocDrawing *drawing,
            const guint8     *table,
            gsize             table_length,
            guint32           fc,
            guint32           lcb)
{
  guint32 n;

  if (fc > table_length || lcb > table_length - fc || !_byline_doc_plc_count (lcb, FTXBXS_SIZE, &n))
    return;
  for (guint32 i = 0; i < n; i++)
    {
      BoxText box = { _byline_doc_plc_cp (table + fc, i), _byline_doc_plc_cp (table + fc, i + 1) };
      const guint8 *ftxbxs = _byline_doc_plc_entry (table + fc, n, i, FTXBXS_SIZE);

      /* One left for reuse, or a range that goes back: no box. */
      if (i + 1 == n || (_byline_le16 (ftxbxs + 8) & 0x0001) != 0 || box.end < box.start)
        box.start = box.end = 0;
      g_array_append_val (drawing->boxes, box);
    }
}

BylineDocDrawing *
_byline_doc_drawing_new (GBytes       *table,
                         GBytes       *doc,
                         const guint8 *fc_lcb,
                         guint         n_pairs)
{
  BylineDocDrawing *drawing = g_new0 (BylineDocDrawing, 1);
  gsize length;
  const guint8 *data = g_bytes_get_data (table, &length);
  guint32 fc, lcb;
  gsize at, end;
  Record record;

  drawing->table = g_bytes_ref (table);
  drawing->doc = g_bytes_ref (doc);
  drawing->anchors = g_hash_table_new (g_direct_hash, g_direct_equal);
  drawing->all = g_ptr_array_new_with_free_func (g_free);
  drawing->shapes = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  drawing->store = g_array_new (FALSE, FALSE, sizeof (gsize));
  drawing->boxes = g_array_new (FALSE, FALSE, sizeof (BoxText));
  if (n_pairs <= PAIR_DGG_INFO)
    return drawing;
  read_anchors (drawing, data, length, _byline_le32 (fc_lcb + PAIR_PLC_SPA_MOM * 8),
                _byline_le32 (fc_lcb + PAIR_PLC_SPA_MOM * 8 + 4));
  /* A text without floating shapes: nothing more to read. */
  if (g_hash_table_size (drawing->anchors) == 0)
    return drawing;
  if (n_pairs > PAIR_PLCF_TXBX)
    read_boxes (drawing, data, length, _byline_le32 (fc_lcb + PAIR_PLCF_TXBX * 8),
                _byline_le32 (fc_lcb + PAIR_PLCF_TXBX * 8 + 4));

  fc = _byline_le32 (fc_lcb + PAIR_DGG_INFO * 8);
  lcb = _byline_le32 (fc_lcb + PAIR_DGG_INFO * 8 + 4);
  if (fc > length || lcb > length - fc)
    return drawing;
  end = (gsize) fc + lcb;
  if (!record_at (data, fc, end, &record) || record.type != RT_DGG_CONTAINER)
    return drawing;
  read_store (drawing, data, &record);
  /* Then each drawing: a byte (the main text's, the headers'), then its
   * OfficeArtDgContainer. */
  for (at = record.end; record_at (data, at + 1, end, &record) && record.type == RT_DG_CONTAINER; at = record.end)
    {
      g_autoptr(GPtrArray) shapes = g_ptr_array_new ();

      read_shapes (drawing, data, record.body, record.end, shapes, 0);
    }
  return drawing;
}

void
_byline_doc_drawing_free (BylineDocDrawing *drawing)
{
  if (drawing == NULL)
    return;
  g_bytes_unref (drawing->table);
  g_bytes_unref (drawing->doc);
  g_hash_table_unref (drawing->anchors);
  g_hash_table_unref (drawing->shapes);
  g_ptr_array_unref (drawing->all);
  g_array_unref (drawing->store);
  g_array_unref (drawing->boxes);
  g_free (drawing);
}

/* wzDescription: UTF-16, to its end or its first NUL. */
static char *
read_description (const guint8 *data,
                  gsize         at,
                  gsize         length)
{
  g_autofree gunichar2 *units = g_new (gunichar2, length / 2 + 1);
  g_autofree char *text = NULL;
  glong n = 0;

  while ((gsize) n < length / 2 && (units[n] = _byline_le16 (data + at + 2 * n)) != 0)
    n++;
  text = g_utf16_to_utf8 (units, n, NULL, NULL, NULL);
  if (text == NULL || *g_strstrip (text) == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

GPtrArray *
_byline_doc_drawing_shapes (BylineDocDrawing *drawing,
                            guint32           cp)
{
  gpointer id;

  if (!g_hash_table_lookup_extended (drawing->anchors, GUINT_TO_POINTER (cp), NULL, &id))
    return NULL;
  return g_hash_table_lookup (drawing->shapes, id);
}

gboolean
_byline_doc_shape_is_picture (const BylineDocShape *shape)
{
  return shape->pib != 0;
}

gboolean
_byline_doc_drawing_text_box (BylineDocDrawing     *drawing,
                              const BylineDocShape *shape,
                              guint                *box,
                              guint32              *start,
                              guint32              *end)
{
  guint index = shape->txid >> 16;
  const BoxText *text;

  /* The text of a chain of boxes is all its first's. */
  if (index == 0 || index > drawing->boxes->len || (shape->txid & 0xFFFF) != 0)
    return FALSE;
  text = &g_array_index (drawing->boxes, BoxText, index - 1);
  if (text->end == text->start)
    return FALSE;
  *box = index;
  *start = text->start;
  *end = text->end;
  return TRUE;
}

GBytes *
_byline_doc_drawing_picture (BylineDocDrawing      *drawing,
                             const BylineDocShape  *shape,
                             const char           **extension,
                             guint                 *entry,
                             char                 **alt)
{
  GBytes *image;

  if (shape->pib == 0 || shape->pib > drawing->store->len)
    return NULL;
  image = _byline_doc_store_picture (drawing->table, g_array_index (drawing->store, gsize, shape->pib - 1),
                                     drawing->store_end, drawing->doc, extension);
  if (image == NULL)
    return NULL;
  *entry = shape->pib;
  *alt = shape->description_length > 0
           ? read_description (g_bytes_get_data (drawing->table, NULL), shape->description,
                               shape->description_length)
           : NULL;
  return image;
}
