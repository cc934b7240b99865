/* byline-doc-props.c — the character properties of a Word 97 text
 *
 * Which font (for TCVN3: byline-vn-legacy.c), bold and italics each
 * character of a .doc has, from [MS-DOC]:
 *
 * - the font table (SttbfFfn): each font's name;
 * - the style sheet (STSH): each style's character properties, through the
 *   style it is based on;
 * - the FKPs of PlcBteChpx: runs of the text (by their offsets in the
 *   WordDocument stream) with their own properties (a Chpx: sprms), and of
 *   PlcBtePapx: runs of paragraphs with their style.
 *
 * Only these sprms are read: sprmCRgFtc0 and sprmCRgFtc2 (the fonts of
 * ASCII and of other letters: the second wins), sprmCFBold and
 * sprmCFItalic, sprmCIstd (a character style), sprmCPicLocation (a
 * picture), sprmCFRMarkDel (text a tracked change deleted) and
 * sprmCFVanish (hidden text); of paragraphs, their list and level, whether
 * they are in a table, end a row, and a row's end's sprmTDefTable: its
 * cells' edges and which are merged.  Everything is bounds
 * checked; what cannot be read says nothing (-1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include "byline-doc-props-private.h"
#include "byline-doc-plc-private.h"
#include "byline-le-private.h"

#define FKP_SIZE       512
#define MAX_STYLES     4096
#define MAX_DEPTH      32

#define SPRM_FTC0      0x4A4F
#define SPRM_FTC2      0x4A51
#define SPRM_BOLD      0x0835
#define SPRM_ITALIC    0x0836
#define SPRM_DELETED   0x0800   /* sprmCFRMarkDel: a tracked deletion */
#define SPRM_HIDDEN    0x083C   /* sprmCFVanish */
#define SPRM_ISTD      0x4A30
#define SPRM_PICTURE   0x6A03   /* sprmCPicLocation */
#define SPRM_ILFO      0x460B   /* sprmPIlfo: the paragraph's list */
#define SPRM_ILVL      0x260A   /* sprmPIlvl: its level */
#define SPRM_IN_TABLE  0x2416   /* sprmPFInTable: in a table's cell */
#define SPRM_TTP       0x2417   /* sprmPFTtp: a row's end */
#define SPRM_ITAP      0x6649   /* sprmPItap: how deep in tables */
#define SPRM_DEF_TABLE 0xD608   /* sprmTDefTable: a row's cells */
#define SPRM_CHG_TABS  0xC615   /* sprmPChgTabs */
#define MAX_COLUMNS    63       /* [MS-DOC] 2.9.318 TDefTableOperand */
#define TC80_SIZE      20
#define NFC_BULLET     0x17
#define NFC_NONE       0xFF

/* The FIB's pairs: fcStshf 1, fcPlcfBteChpx 12, fcPlcfBtePapx 13,
 * fcSttbfFfn 15. */
#define PAIR_STSH      1
#define PAIR_BTE_CHPX  12
#define PAIR_BTE_PAPX  13
#define PAIR_FONTS     15
#define PAIR_LISTS     73       /* fcPlfLst */
#define PAIR_LIST_USES 74       /* fcPlfLfo */

typedef struct
{
  guint32        start;
  guint32        end;
  BylineDocChar  props;     /* CHPX runs */
  int            istd;      /* PAPX runs: the paragraph's style; CHPX runs: a character style, or -1 */
  int            ilfo;      /* PAPX runs: its list (1-based; 0 none, -1 not said) */
  int            ilvl;
  gboolean       in_table;  /* PAPX runs: in a table's cell, or a row's end */
  gboolean       row_end;   /* PAPX runs: a row's end (TTP) */
  guint          first_cell; /* PAPX runs: its row's cells in cells, if a row's end */
  guint          n_cells;
} Run;

typedef struct
{
  int            base;      /* istdBase, or -1 */
  BylineDocChar  props;
  char          *name;      /* "Heading 1", "Title"…, or NULL */
  int            ilfo;      /* a paragraph style's list ("List Bullet"), or -1 */
} Style;

struct _BylineDocProps
{
  GHashTable *numbered;     /* ilfo of numbered lists (set) */
  GHashTable *listed;       /* ilfo of any list (set) */
  GPtrArray *fonts;         /* char*, NULL where unreadable */
  GArray    *styles;        /* Style, by istd */
  GArray    *chars;         /* Run, by start */
  GArray    *paragraphs;    /* Run, by start */
  GArray    *cells;         /* BylineOfficeCellDef: the rows' cells, of the row ends' runs */
};

/* A toggle's operand: 0 off, 1 on, 0x80 the style's, 0x81 not the style's
 * (-2 here, resolved against the style). */
static int
toggle (guint8 operand)
{
  switch (operand)
    {
    case 0: return 0;
    case 1: return 1;
    case 0x81: return -2;
    default: return -1;
    }
}

/* The next sprm of @grpprl from *@at: its code, and where its operand is
 * (of *@size bytes); FALSE at the end, or where one goes past it.  The
 * operand's size is in the sprm's top bits; variable ones start with it,
 * but for sprmTDefTable, whose first 16 bits are the size of the rest and
 * one more, and sprmPChgTabs, whose size is said otherwise: that one ends
 * the walk rather than be misread. */
static gboolean
next_sprm (const guint8  *grpprl,
           gsize          length,
           gsize         *at,
           guint16       *sprm,
           const guint8 **operand,
           gsize         *size)
{
  if (*at + 2 > length)
    return FALSE;
  *sprm = _byline_le16 (grpprl + *at);
  *at += 2;
  switch (*sprm >> 13)
    {
    case 0: case 1: *size = 1; break;
    case 2: case 4: case 5: *size = 2; break;
    case 3: *size = 4; break;
    case 7: *size = 3; break;
    default:
      if (*sprm == SPRM_CHG_TABS || *at >= length)
        return FALSE;
      if (*sprm != SPRM_DEF_TABLE)
        *size = 1 + grpprl[*at];
      else if (*at + 2 <= length && _byline_le16 (grpprl + *at) > 0)
        *size = 1 + (gsize) _byline_le16 (grpprl + *at);
      else
        return FALSE;
      break;
    }
  if (*at + *size > length)
    return FALSE;
  *operand = grpprl + *at;
  *at += *size;
  return TRUE;
}

/* A row's end's sprmTDefTable @operand (@size bytes: its cb, itcMac, the
 * itcMac + 1 edges of its cells, then a TC80 for each, or fewer, [MS-DOC]
 * 2.9.318): its cells into @cells, each at its right edge, merged as its
 * TC80's TCGRF says: horzMerge (bits 0–1) 2 or 3 merged into the cell
 * before; vertMerge (bits 5–6, Word 97's fVertMerge and fVertRestart) 3
 * the first of cells merged down the rows, 1 one under it.  A cell without
 * its TC80 is alone. */
static void
read_row_cells (const guint8 *operand,
                gsize         size,
                GArray       *cells,
                Run          *run)
{
  guint n;
  gsize tcs;

  if (size < 3)
    return;
  n = operand[2];
  tcs = 3 + ((gsize) n + 1) * 2;
  if (n == 0 || n > MAX_COLUMNS || tcs > size)
    return;
  run->first_cell = cells->len;
  run->n_cells = n;
  for (guint i = 0; i < n; i++)
    {
      BylineOfficeCellDef cell = { BYLINE_OFFICE_CELL_ALONE, (gint16) _byline_le16 (operand + 3 + (i + 1) * 2) };

      if (tcs + ((gsize) i + 1) * TC80_SIZE <= size)
        {
          guint16 grf = _byline_le16 (operand + tcs + i * TC80_SIZE);
          guint horizontal = grf & 0x3, vertical = (grf >> 5) & 0x3;

          if (horizontal >= 2)
            cell.merge = BYLINE_OFFICE_CELL_COVERED;
          else if (vertical == 3)
            cell.merge = BYLINE_OFFICE_CELL_FIRST;
          else if (vertical == 1)
            cell.merge = BYLINE_OFFICE_CELL_CONTINUED;
        }
      g_array_append_val (cells, cell);
    }
}

/* The sprms of a paragraph's @grpprl that say its list and level, and
 * (@run non-NULL) whether it is in a table, and the cells of the row it
 * ends (into @cells). */
static void
read_list_sprms (const guint8 *grpprl,
                 gsize         length,
                 int          *ilfo,
                 int          *ilvl,
                 Run          *run,
                 GArray       *cells)
{
  const guint8 *operand;
  guint16 sprm;
  gsize at = 0, size;

  while (next_sprm (grpprl, length, &at, &sprm, &operand, &size))
    {
      if (sprm == SPRM_ILFO)
        *ilfo = _byline_le16 (operand);
      else if (sprm == SPRM_ILVL && ilvl != NULL)
        *ilvl = operand[0];
      else if (run == NULL)
        continue;
      else if (sprm == SPRM_IN_TABLE)
        run->in_table = operand[0] != 0;
      else if (sprm == SPRM_TTP)
        run->row_end = operand[0] != 0;
      else if (sprm == SPRM_ITAP)
        run->in_table = _byline_le32 (operand) > 0;
      else if (sprm == SPRM_DEF_TABLE)
        read_row_cells (operand, size, cells, run);
    }
}

/* PlfLst (the lists: their LSTFs, then their levels' LVLs, after it in the
 * table stream) and PlfLfo (the lists paragraphs name, 1-based): which are
 * lists, and which numbered, by their first level's number format. */
static void
read_lists (BylineDocProps *props,
            const guint8   *table,
            gsize           table_length,
            guint32         lst_at,
            guint32         lst_length,
            guint32         lfo_at,
            guint32         lfo_length)
{
  g_autoptr(GHashTable) numbered_lists = g_hash_table_new (NULL, NULL);   /* lsid */
  const guint8 *lst = table + lst_at;
  guint16 n_lists;
  gsize level_at;
  guint32 n_uses;

  if (lst_length < 2 || lfo_length < 4)
    return;
  n_lists = _byline_le16 (lst);
  if (2 + (gsize) n_lists * 28 > lst_length)
    return;
  level_at = (gsize) lst_at + lst_length;
  for (guint i = 0; i < n_lists; i++)
    {
      const guint8 *lstf = lst + 2 + i * 28;
      guint32 lsid = _byline_le32 (lstf);
      guint levels = (lstf[26] & 0x01) ? 1 : 9;

      for (guint l = 0; l < levels; l++)
        {
          const guint8 *lvl = table + level_at;
          gsize size;

          if (level_at + 28 + 2 > table_length)
            return;
          if (l == 0 && lvl[4] != NFC_BULLET && lvl[4] != NFC_NONE)
            g_hash_table_add (numbered_lists, GUINT_TO_POINTER (lsid));
          /* LVLF, its paragraph and character sprms, its number text. */
          size = 28 + lvl[25] + lvl[24];
          if (level_at + size + 2 > table_length)
            return;
          size += 2 + (gsize) _byline_le16 (table + level_at + size) * 2;
          level_at += size;
        }
    }

  n_uses = _byline_le32 (table + lfo_at);
  for (guint32 i = 0; i < n_uses && 4 + ((gsize) i + 1) * 16 <= lfo_length; i++)
    {
      guint32 lsid = _byline_le32 (table + lfo_at + 4 + i * 16);

      g_hash_table_add (props->listed, GUINT_TO_POINTER (i + 1));
      if (g_hash_table_contains (numbered_lists, GUINT_TO_POINTER (lsid)))
        g_hash_table_add (props->numbered, GUINT_TO_POINTER (i + 1));
    }
}

/* The sprms of @grpprl that say a font, bold, italics, a picture or a
 * character style. */
static void
read_sprms (const guint8  *grpprl,
            gsize          length,
            BylineDocChar *props,
            int           *istd)
{
  const guint8 *operand;
  guint16 sprm;
  gsize at = 0, size;

  while (next_sprm (grpprl, length, &at, &sprm, &operand, &size))
    {
      if ((sprm == SPRM_FTC0 && props->font == -1) || sprm == SPRM_FTC2)
        props->font = _byline_le16 (operand);
      else if (sprm == SPRM_BOLD)
        props->bold = toggle (operand[0]);
      else if (sprm == SPRM_ITALIC)
        props->italic = toggle (operand[0]);
      else if (sprm == SPRM_DELETED)
        props->deleted = operand[0] != 0;
      else if (sprm == SPRM_HIDDEN)
        props->hidden = toggle (operand[0]);
      else if (sprm == SPRM_ISTD && istd != NULL)
        *istd = _byline_le16 (operand);
      else if (sprm == SPRM_PICTURE)
        props->picture = _byline_le32 (operand);
    }
}

static gboolean
pair (const guint8 *fc_lcb,
      guint         n_pairs,
      guint         index,
      gsize         table_length,
      guint32      *fc,
      guint32      *lcb)
{
  if (index >= n_pairs)
    return FALSE;
  *fc = _byline_le32 (fc_lcb + index * 8);
  *lcb = _byline_le32 (fc_lcb + index * 8 + 4);
  return *lcb > 0 && (guint64) *fc + *lcb <= table_length;
}

/* SttbfFfn: an STTB of FFNs, each a length byte, 39 bytes of metrics, then
 * its name in UTF-16, NUL-terminated. */
static void
read_fonts (BylineDocProps *props,
            const guint8   *sttb,
            gsize           length)
{
  guint16 count;
  gsize at = 4;

  if (length < 4 || _byline_le16 (sttb) == 0xFFFF)
    return;
  count = _byline_le16 (sttb);
  for (guint i = 0; i < count && at < length; i++)
    {
      gsize size = sttb[at];
      const guint8 *ffn = sttb + at + 1;
      char *name = NULL;

      if (at + 1 + size > length)
        break;
      if (size > 39)
        {
          glong n = 0;

          while (39 + (gsize) (n + 1) * 2 <= size && _byline_le16 (ffn + 39 + n * 2) != 0)
            n++;
          if (n > 0)
            {
              g_autofree gunichar2 *utf16 = g_new (gunichar2, n);

              for (glong k = 0; k < n; k++)
                utf16[k] = _byline_le16 (ffn + 39 + k * 2);
              name = g_utf16_to_utf8 (utf16, n, NULL, NULL, NULL);
            }
        }
      g_ptr_array_add (props->fonts, name);
      at += 1 + size;
    }
}

/* The STSH: the STSHI, then an STD per style: its Stdf (cbSTDBaseInFile
 * bytes: sgc and istdBase among them), its name, and its UPXs (a paragraph
 * style's PAPX then CHPX, a character style's CHPX), each padded to even. */
static void
read_styles (BylineDocProps *props,
             const guint8   *stsh,
             gsize           length)
{
  guint16 info_size, count, base_size;
  gsize at;

  if (length < 2)
    return;
  info_size = _byline_le16 (stsh);
  if (info_size < 4 || 2 + (gsize) info_size > length)
    return;
  count = MIN (_byline_le16 (stsh + 2), MAX_STYLES);
  base_size = _byline_le16 (stsh + 4);
  at = 2 + info_size;
  for (guint i = 0; i < count && at + 2 <= length; i++)
    {
      guint16 size = _byline_le16 (stsh + at);
      const guint8 *std = stsh + at + 2;
      Style style = { -1, BYLINE_DOC_CHAR_UNSAID, NULL, -1 };

      if (at + 2 + size > length)
        break;
      if (size >= base_size && base_size >= 6)
        {
          guint sgc = _byline_le16 (std + 2) & 0x000F;
          guint base = _byline_le16 (std + 2) >> 4;
          guint n_upx = _byline_le16 (std + 4) & 0x000F;
          gsize p = base_size;

          style.base = base == 0x0FFF ? -1 : (int) base;
          /* The name: a length, the characters, a NUL. */
          if (p + 2 <= size)
            {
              gsize n = _byline_le16 (std + p);

              if (n > 0 && p + 2 + n * 2 <= size)
                {
                  g_autofree gunichar2 *utf16 = g_new (gunichar2, n);

                  for (gsize k = 0; k < n; k++)
                    utf16[k] = _byline_le16 (std + p + 2 + k * 2);
                  style.name = g_utf16_to_utf8 (utf16, n, NULL, NULL, NULL);
                }
              p += 2 + (n + 1) * 2;
            }
          for (guint u = 0; u < n_upx && p + 2 <= size; u++)
            {
              guint16 upx = _byline_le16 (std + p);
              const guint8 *data = std + p + 2;

              if (p + 2 + upx > size)
                break;
              /* The character properties: a paragraph style's second UPX,
               * a character style's first; a paragraph style's list in its
               * first (its istd, then sprms). */
              if ((sgc == 1 && u == 1) || (sgc == 2 && u == 0))
                read_sprms (data, upx, &style.props, NULL);
              else if (sgc == 1 && u == 0 && upx >= 2)
                read_list_sprms (data + 2, upx - 2, &style.ilfo, NULL, NULL, NULL);
              p += 2 + upx + (upx % 2);
            }
        }
      g_array_append_val (props->styles, style);
      at += 2 + size;
    }
}

/* The FKPs a PlcBte points at: its FCs (n + 1), then n page numbers. */
static void
read_fkps (BylineDocProps *props,
           const guint8   *doc,
           gsize           doc_length,
           const guint8   *plc,
           gsize           length,
           gboolean        paragraphs)
{
  GArray *runs = paragraphs ? props->paragraphs : props->chars;
  guint32 n;

  if (!_byline_doc_plc_count (length, 4, &n))
    return;
  for (guint32 i = 0; i < n; i++)
    {
      guint64 page_at = (guint64) (_byline_le32 (_byline_doc_plc_entry (plc, n, i, 4)) & 0x3FFFFF) * FKP_SIZE;
      const guint8 *page;
      guint crun;

      if (page_at + FKP_SIZE > doc_length)
        continue;
      page = doc + page_at;
      crun = page[FKP_SIZE - 1];
      /* rgfc, then a byte (CHPX) or a 13-byte BxPap (PAPX) per run. */
      if ((crun + 1) * 4 + crun * (paragraphs ? 13 : 1) > FKP_SIZE - 1)
        continue;
      for (guint r = 0; r < crun; r++)
        {
          Run run = { _byline_le32 (page + r * 4), _byline_le32 (page + (r + 1) * 4), BYLINE_DOC_CHAR_UNSAID, -1, -1, 0,
                      FALSE, FALSE, 0, 0 };
          gsize offset = (gsize) page[(crun + 1) * 4 + r * (paragraphs ? 13 : 1)] * 2;

          if (offset != 0 && offset < FKP_SIZE - 1)
            {
              if (paragraphs)
                {
                  /* PapxInFkp: cb (or 0 and cb'), then the style and sprms. */
                  gsize size = page[offset];
                  gsize data = offset + 1;

                  if (size == 0 && offset + 1 < FKP_SIZE - 1)
                    {
                      size = (gsize) page[offset + 1] * 2;
                      data = offset + 2;
                    }
                  else
                    size = size * 2 - 1;
                  if (size >= 2 && data + size <= FKP_SIZE - 1)
                    {
                      run.istd = _byline_le16 (page + data);
                      read_list_sprms (page + data + 2, size - 2, &run.ilfo, &run.ilvl, &run, props->cells);
                    }
                }
              else
                {
                  gsize size = page[offset];

                  if (offset + 1 + size <= FKP_SIZE - 1)
                    read_sprms (page + offset + 1, size, &run.props, &run.istd);
                }
            }
          if (run.end > run.start)
            g_array_append_val (runs, run);
        }
    }
}

static void
style_clear (gpointer data)
{
  Style *style = data;

  g_free (style->name);
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const Run *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

BylineDocProps *
_byline_doc_props_new (const guint8 *doc,
                       gsize         doc_length,
                       const guint8 *table,
                       gsize         table_length,
                       const guint8 *fc_lcb,
                       guint         n_pairs)
{
  BylineDocProps *props = g_new0 (BylineDocProps, 1);
  guint32 fc, lcb;

  props->fonts = g_ptr_array_new_with_free_func (g_free);
  props->numbered = g_hash_table_new (NULL, NULL);
  props->listed = g_hash_table_new (NULL, NULL);
  props->styles = g_array_new (FALSE, FALSE, sizeof (Style));
  g_array_set_clear_func (props->styles, style_clear);
  props->chars = g_array_new (FALSE, FALSE, sizeof (Run));
  props->paragraphs = g_array_new (FALSE, FALSE, sizeof (Run));
  props->cells = g_array_new (FALSE, FALSE, sizeof (BylineOfficeCellDef));

  if (pair (fc_lcb, n_pairs, PAIR_FONTS, table_length, &fc, &lcb))
    read_fonts (props, table + fc, lcb);
  if (pair (fc_lcb, n_pairs, PAIR_STSH, table_length, &fc, &lcb))
    read_styles (props, table + fc, lcb);
  if (pair (fc_lcb, n_pairs, PAIR_BTE_CHPX, table_length, &fc, &lcb))
    read_fkps (props, doc, doc_length, table + fc, lcb, FALSE);
  if (pair (fc_lcb, n_pairs, PAIR_BTE_PAPX, table_length, &fc, &lcb))
    read_fkps (props, doc, doc_length, table + fc, lcb, TRUE);
  {
    guint32 lfo_fc, lfo_lcb;

    if (pair (fc_lcb, n_pairs, PAIR_LISTS, table_length, &fc, &lcb)
        && pair (fc_lcb, n_pairs, PAIR_LIST_USES, table_length, &lfo_fc, &lfo_lcb))
      read_lists (props, table, table_length, fc, lcb, lfo_fc, lfo_lcb);
  }
  g_array_sort (props->chars, compare_runs);
  g_array_sort (props->paragraphs, compare_runs);
  return props;
}

void
_byline_doc_props_free (BylineDocProps *props)
{
  if (props == NULL)
    return;
  g_ptr_array_unref (props->fonts);
  g_hash_table_unref (props->numbered);
  g_hash_table_unref (props->listed);
  g_array_unref (props->styles);
  g_array_unref (props->chars);
  g_array_unref (props->paragraphs);
  g_array_unref (props->cells);
  g_free (props);
}

static const Run *
find_run (GArray  *runs,
          guint32  fc)
{
  guint low = 0, high = runs->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      const Run *run = &g_array_index (runs, Run, mid);

      if (fc < run->start)
        high = mid;
      else if (fc >= run->end)
        low = mid + 1;
      else
        return run;
    }
  return NULL;
}

/* A style's properties, through the styles it is based on. */
static BylineDocChar
style_props (BylineDocProps *props,
             int             istd)
{
  BylineDocChar out = BYLINE_DOC_CHAR_UNSAID;

  for (int depth = 0; istd >= 0 && (guint) istd < props->styles->len && depth < MAX_DEPTH; depth++)
    {
      const Style *style = &g_array_index (props->styles, Style, istd);

      if (out.font == -1)
        out.font = style->props.font;
      if (out.bold == -1)
        out.bold = style->props.bold;
      if (out.italic == -1)
        out.italic = style->props.italic;
      if (out.hidden == -1)
        out.hidden = style->props.hidden;
      istd = style->base;
    }
  return out;
}

static int
resolve_toggle (int own,
                int style)
{
  if (own == -2)
    return style == 1 ? 0 : 1;
  return own != -1 ? own : style;
}

void
_byline_doc_props_at (BylineDocProps *props,
                      guint32         fc,
                      gboolean        paragraph_look,
                      BylineDocChar  *out)
{
  const Run *chars = find_run (props->chars, fc);
  const Run *paragraph = find_run (props->paragraphs, fc);
  BylineDocChar own = chars != NULL ? chars->props : (BylineDocChar) BYLINE_DOC_CHAR_UNSAID;
  BylineDocChar style = style_props (props, paragraph != NULL ? paragraph->istd : 0);

  /* A heading's bold is its look, not emphasis: only its font counts. */
  if (!paragraph_look)
    style.bold = style.italic = -1;

  /* A character style comes between the run's own and the paragraph's. */
  if (chars != NULL && chars->istd >= 0)
    {
      BylineDocChar character = style_props (props, chars->istd);

      if (character.font != -1)
        style.font = character.font;
      if (character.bold != -1)
        style.bold = character.bold;
      if (character.italic != -1)
        style.italic = character.italic;
      if (character.hidden != -1)
        style.hidden = character.hidden;
    }
  out->font = own.font != -1 ? own.font : style.font;
  out->bold = resolve_toggle (own.bold, style.bold);
  out->italic = resolve_toggle (own.italic, style.italic);
  out->picture = own.picture;
  out->deleted = own.deleted == 1;
  out->hidden = resolve_toggle (own.hidden, style.hidden) == 1;
}

const char *
_byline_doc_props_font_name (BylineDocProps *props,
                             int             font)
{
  if (font < 0 || (guint) font >= props->fonts->len)
    return NULL;
  return props->fonts->pdata[font];
}

const char *
_byline_doc_props_paragraph_style (BylineDocProps *props,
                                   guint32         fc)
{
  const Run *paragraph = find_run (props->paragraphs, fc);
  int istd = paragraph != NULL ? paragraph->istd : 0;

  if (istd < 0 || (guint) istd >= props->styles->len)
    return NULL;
  return g_array_index (props->styles, Style, istd).name;
}

int
_byline_doc_props_paragraph_list (BylineDocProps *props,
                                  guint32         fc)
{
  const Run *paragraph = find_run (props->paragraphs, fc);
  int ilfo = paragraph != NULL ? paragraph->ilfo : -1;
  int istd = paragraph != NULL ? paragraph->istd : 0;

  /* The paragraph's own, else its style's (through the styles it is based
   * on): "List Bullet" is a list by its style. */
  for (int depth = 0; ilfo == -1 && istd >= 0 && (guint) istd < props->styles->len && depth < MAX_DEPTH; depth++)
    {
      const Style *style = &g_array_index (props->styles, Style, istd);

      ilfo = style->ilfo;
      istd = style->base;
    }
  if (ilfo <= 0 || !g_hash_table_contains (props->listed, GINT_TO_POINTER (ilfo)))
    return 0;
  return g_hash_table_contains (props->numbered, GINT_TO_POINTER (ilfo)) ? 2 : 1;
}

gboolean
_byline_doc_props_paragraph_in_table (BylineDocProps *props,
                                      guint32         fc,
                                      gboolean       *row_end)
{
  const Run *paragraph = find_run (props->paragraphs, fc);

  *row_end = paragraph != NULL && paragraph->row_end;
  return paragraph != NULL && (paragraph->in_table || paragraph->row_end);
}

guint
_byline_doc_props_row_cells (BylineDocProps             *props,
                             guint32                     fc,
                             const BylineOfficeCellDef **cells)
{
  const Run *paragraph = find_run (props->paragraphs, fc);

  *cells = NULL;
  if (paragraph == NULL || !paragraph->row_end || paragraph->n_cells == 0)
    return 0;
  *cells = &g_array_index (props->cells, BylineOfficeCellDef, paragraph->first_cell);
  return paragraph->n_cells;
}
