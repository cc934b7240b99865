/* byline-office-table.c — a document's small data tables, a line a row
 *
 * The story has no tables.  A results table ("Xã | Số hộ | Thiệt hại")
 * read as its cells' paragraphs would be a column of one-word paragraphs
 * to retype; read as one paragraph a row, its cells joined by " – ", it
 * stays a table the reader can follow ("Pa Ủ – 120 – 3 tỷ đồng").  Only a
 * data table: each cell at most one paragraph with text, short, no
 * picture, no text box, and some row of two cells or more.  Other tables
 * lay a page out (a box around a paragraph, columns of text): their
 * paragraphs stay as they are.
 *
 * An empty cell between two with text keeps its place ("Pa Ủ – – 3 tỷ
 * đồng"), so that a row's columns stay those of the header; empty cells
 * at a row's ends are left out, and an empty row with them.
 *
 * A cell merged down the rows ("Bát Xát" beside two communes) is repeated
 * in each row it spans ("Bát Xát – Pa Cheo – 120", "Bát Xát – Trịnh
 * Tường – 80"), its bold and links with it: a line alone, without the
 * table's lines, must say all of its row.  A cell merged across columns
 * ("Tổng" over Huyện and Xã) is one place, as in the table the reader
 * sees, and the cells after it follow it ("Tổng – 200", not "Tổng – –
 * 200": dashes for the columns it covers would read as cells left
 * empty).  The formats say merges each their own way (a cell and the
 * ones it covers, a wide cell, cells marked as merged into the one
 * before): the readers say how each cell is merged (BylineOfficeCellMerge)
 * and where it is, its grid column or its right edge, which matches a
 * cell merged down with the ones under it.  A layout table's merged cells
 * are its paragraphs as they are, once.
 *
 * The readers mark each paragraph with its table, row and column
 * (BylineOfficeTables); only the outermost table counts, an inner one's
 * paragraphs are its cell's (so that cell has more than one, most often,
 * and its table is one of layout).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include "byline-office-private.h"

#define SEPARATOR "–"   /* U+2013, an en dash */
/* Places kept for empty cells between two, at most (the columns a damaged
 * file says are not all made). */
#define MAX_EMPTY_CELLS 64
/* The place of a cell past its row's definition: merged with none. */
#define NO_PLACE G_MININT

void
_byline_office_tables_begin_table (BylineOfficeTables *tables)
{
  if (tables->depth++ > 0)
    return;
  tables->table = ++tables->last_id;
  tables->row = tables->cell = tables->merge = 0;
  tables->continued = tables->pending = FALSE;
  tables->n_down = 0;
}

void
_byline_office_tables_end_table (BylineOfficeTables *tables)
{
  if (tables->depth == 0 || --tables->depth > 0)
    return;
  tables->table = tables->row = tables->cell = tables->merge = 0;
  tables->continued = tables->pending = FALSE;
  tables->n_down = 0;
}

static void
new_row (BylineOfficeTables *tables)
{
  tables->row = ++tables->last_id;
  tables->cell = tables->merge = 0;
  tables->continued = tables->pending = FALSE;
  tables->column = 1;
  tables->n_begun = 0;
}

void
_byline_office_tables_begin_row (BylineOfficeTables *tables)
{
  if (tables->depth != 1)
    return;
  new_row (tables);
}

/* The cells merged down the rows at @place, if any may go on there: its
 * index in tables->down, or -1. */
static int
find_down (BylineOfficeTables *tables,
           int                 place)
{
  for (guint i = 0; i < tables->n_down; i++)
    if (tables->down[i].place == place)
      return (int) i;
  return -1;
}

/* The cell begun is merged as @merge, at @place: its column, and the cells
 * merged down that it starts or goes on with. */
static void
place_cell (BylineOfficeTables    *tables,
            BylineOfficeCellMerge  merge,
            int                    place)
{
  int above = place != NO_PLACE ? find_down (tables, place) : -1;

  tables->merge = 0;
  tables->continued = FALSE;
  /* Covered by the cell before it, it has no column of its own; covered by
   * the one above, it goes on with it.  A row that begins covered (a
   * damaged file) has its first column. */
  if (merge == BYLINE_OFFICE_CELL_COVERED && above < 0 && tables->cell > 0)
    return;
  if (tables->cell < G_MAXUINT)
    tables->cell++;
  if (place == NO_PLACE)
    return;
  if ((merge == BYLINE_OFFICE_CELL_CONTINUED || merge == BYLINE_OFFICE_CELL_COVERED) && above >= 0)
    {
      tables->merge = tables->down[above].id;
      tables->continued = TRUE;
      return;
    }
  /* Another cell there ends the merge above; one said to go on with
   * nothing above it (a damaged file) is a cell alone. */
  if (above >= 0)
    tables->down[above] = tables->down[--tables->n_down];
  if (merge == BYLINE_OFFICE_CELL_FIRST && tables->n_down < BYLINE_OFFICE_MAX_MERGED)
    {
      tables->merge = ++tables->last_id;
      tables->down[tables->n_down].place = place;
      tables->down[tables->n_down++].id = tables->merge;
    }
}

/* A cell before any row (a damaged file): a row of its own. */
static void
ensure_row (BylineOfficeTables *tables)
{
  if (tables->row == 0)
    new_row (tables);
}

/* The grid column @span columns after the next cell's: a span of a
 * billion columns (a damaged file) ends the grid. */
static int
columns_after (BylineOfficeTables *tables,
               guint               span)
{
  return span >= (guint) (G_MAXINT - tables->column) ? G_MAXINT : tables->column + (int) span;
}

void
_byline_office_tables_skip_columns (BylineOfficeTables *tables,
                                    guint               n)
{
  if (tables->depth != 1)
    return;
  ensure_row (tables);
  tables->column = columns_after (tables, n);
}

void
_byline_office_tables_begin_cell (BylineOfficeTables    *tables,
                                  BylineOfficeCellMerge  merge,
                                  guint                  span)
{
  int place;

  if (tables->depth != 1)
    return;
  ensure_row (tables);
  place = tables->column;
  tables->column = columns_after (tables, MAX (span, 1));
  place_cell (tables, merge, place);
}

/* The flat formats' cell: how it is merged is known once its first
 * paragraph ends (Rich Text's next row's definition comes after the row
 * before has ended). */
static void
begin_flat_cell (BylineOfficeTables *tables)
{
  if (tables->depth != 1)
    return;
  ensure_row (tables);
  if (tables->n_begun < G_MAXUINT)
    tables->n_begun++;
  tables->pending = TRUE;
}

void
_byline_office_tables_define_row (BylineOfficeTables        *tables,
                                  const BylineOfficeCellDef *defs,
                                  guint                      n_defs)
{
  tables->n_defs = MIN (n_defs, BYLINE_OFFICE_MAX_MERGED);
  if (tables->n_defs > 0)
    memcpy (tables->defs, defs, tables->n_defs * sizeof *defs);
}

void
_byline_office_tables_define_cell (BylineOfficeTables    *tables,
                                   BylineOfficeCellMerge  merge,
                                   int                    place)
{
  if (tables->n_defs < BYLINE_OFFICE_MAX_MERGED)
    tables->defs[tables->n_defs++] = (BylineOfficeCellDef) { merge, place };
}

void
_byline_office_tables_mark (BylineOfficeTables *tables,
                            BylineOfficePara   *para)
{
  if (tables->pending)
    {
      guint index = tables->n_begun - 1;

      tables->pending = FALSE;
      if (index < tables->n_defs)
        place_cell (tables, tables->defs[index].merge, tables->defs[index].place);
      else
        place_cell (tables, BYLINE_OFFICE_CELL_ALONE, NO_PLACE);
    }
  para->table = tables->table;
  para->row = tables->table != 0 ? tables->row : 0;
  para->cell = tables->table != 0 ? tables->cell : 0;
  para->merge = tables->table != 0 ? tables->merge : 0;
  para->continued = tables->table != 0 && tables->continued;
}

void
_byline_office_tables_mark_flat (BylineOfficeTables *tables,
                                 BylineOfficePara   *para,
                                 gboolean            in_table)
{
  if (in_table && tables->depth == 0)
    {
      _byline_office_tables_begin_table (tables);
      _byline_office_tables_begin_row (tables);
      begin_flat_cell (tables);
    }
  else if (!in_table && tables->depth > 0)
    _byline_office_tables_end_table (tables);
  _byline_office_tables_mark (tables, para);
}

void
_byline_office_tables_next_flat (BylineOfficeTables *tables,
                                 gboolean            cell_end,
                                 gboolean            row_end)
{
  if (row_end)
    _byline_office_tables_begin_row (tables);
  if (cell_end || row_end)
    begin_flat_cell (tables);
}

static gboolean
has_text (BylineOfficePara *para)
{
  return para->n_chars > 0 || para->pictures->len > 0 || para->boxes->len > 0;
}

static gboolean
same_cell (BylineOfficePara *a,
           BylineOfficePara *b)
{
  return a->row == b->row && a->cell == b->cell;
}

/* Whether the table's paragraphs @paras[@begin, @end) are a data table's. */
static gboolean
is_data_table (BylineOfficePara **paras,
               guint              begin,
               guint              end)
{
  gboolean wide = FALSE;
  BylineOfficePara *full = NULL;   /* the cell's paragraph with text so far */

  for (guint i = begin; i < end; i++)
    {
      BylineOfficePara *para = paras[i];

      if (para->pictures->len > 0 || para->boxes->len > 0 || para->n_chars > BYLINE_OFFICE_MAX_TABLE_CELL)
        return FALSE;
      if (full != NULL && !same_cell (full, para))
        full = NULL;
      if (has_text (para))
        {
          if (full != NULL)
            return FALSE;
          full = para;
        }
      wide = wide || para->cell >= 2;
    }
  return wide;
}

/* The row's paragraphs @paras[@begin, @end) as one paragraph.  @firsts:
 * the first paragraph with text of each cell merged down the rows, by its
 * id, those of the rows above; this row's are added. */
static BylineOfficePara *
merge_row (BylineOfficePara **paras,
           guint              begin,
           guint              end,
           GHashTable        *firsts)
{
  BylineOfficePara *row = _byline_office_para_new ();
  guint column = 0;   /* of the last cell with text */

  /* Still in its table, for the headline's search (byline-office.c). */
  row->table = paras[begin]->table;
  row->row = paras[begin]->row;

  for (guint i = begin; i < end;)
    {
      BylineOfficePara *cell = paras[i];
      BylineOfficePara *shown = NULL;   /* the cell's paragraph with text */
      guint next = i + 1;

      while (next < end && paras[next]->cell == cell->cell)
        next++;
      for (guint j = i; j < next && shown == NULL; j++)
        if (has_text (paras[j]))
          shown = paras[j];
      i = next;
      /* A cell under one merged down, empty, says that one's text again;
       * its own, if it has any (a file Word did not write), wins. */
      if (shown != NULL && shown->merge != 0 && !shown->continued)
        g_hash_table_insert (firsts, GUINT_TO_POINTER (shown->merge), shown);
      else if (shown == NULL && cell->continued)
        shown = g_hash_table_lookup (firsts, GUINT_TO_POINTER (cell->merge));
      if (shown == NULL)
        continue;
      if (column > 0)
        {
          /* An empty cell between keeps its place. */
          g_string_append (row->html, " " SEPARATOR " ");
          row->n_chars++;
          for (guint c = column + 1; c < cell->cell && c - column <= MAX_EMPTY_CELLS; c++)
            {
              g_string_append (row->html, SEPARATOR " ");
              row->n_chars++;
            }
        }
      g_string_append (row->html, shown->html->str);
      row->n_cells++;
      row->n_chars += shown->n_chars;
      row->n_bold += shown->n_bold;
      row->n_italic += shown->n_italic;
      column = MAX (cell->cell, 1);
    }
  return row;
}

/* A data table's paragraphs @cells[@begin, @end) (freed), as its rows',
 * added to @paras. */
static void
merge_table (BylineOfficePara **cells,
             guint              begin,
             guint              end,
             GPtrArray         *paras)
{
  g_autoptr(GHashTable) firsts = g_hash_table_new (NULL, NULL);

  for (guint i = begin; i < end;)
    {
      guint next = i + 1;
      BylineOfficePara *row;

      while (next < end && cells[next]->row == cells[i]->row)
        next++;
      row = merge_row (cells, i, next, firsts);
      if (row->n_chars > 0)
        g_ptr_array_add (paras, row);
      else
        _byline_office_para_free (row);
      i = next;
    }
  for (guint i = begin; i < end; i++)
    _byline_office_para_free (cells[i]);
}

void
_byline_office_merge_tables (GPtrArray *paras)
{
  gsize n = 0;
  g_autofree BylineOfficePara **all = (BylineOfficePara **) g_ptr_array_steal (paras, &n);

  for (guint i = 0; i < n;)
    {
      guint end = i + 1;

      if (all[i]->table == 0)
        {
          g_ptr_array_add (paras, all[i++]);
          continue;
        }
      while (end < n && all[end]->table == all[i]->table)
        end++;
      if (is_data_table (all, i, end))
        merge_table (all, i, end, paras);
      else
        for (guint j = i; j < end; j++)
          g_ptr_array_add (paras, all[j]);
      i = end;
    }
}
