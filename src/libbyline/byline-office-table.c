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
 * The readers mark each paragraph with its table, row and column
 * (BylineOfficeTables); only the outermost table counts, an inner one's
 * paragraphs are its cell's (so that cell has more than one, most often,
 * and its table is one of layout).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include "byline-office-private.h"

#define SEPARATOR "–"   /* U+2013, an en dash */
/* Places kept for empty cells between two, at most (the columns a damaged
 * file says are not all made). */
#define MAX_EMPTY_CELLS 64

void
_byline_office_tables_begin_table (BylineOfficeTables *tables)
{
  if (tables->depth++ > 0)
    return;
  tables->table = ++tables->last_id;
  tables->row = tables->cell = 0;
}

void
_byline_office_tables_end_table (BylineOfficeTables *tables)
{
  if (tables->depth == 0 || --tables->depth > 0)
    return;
  tables->table = tables->row = tables->cell = 0;
}

void
_byline_office_tables_begin_row (BylineOfficeTables *tables)
{
  if (tables->depth != 1)
    return;
  tables->row = ++tables->last_id;
  tables->cell = 0;
}

void
_byline_office_tables_begin_cell (BylineOfficeTables *tables)
{
  if (tables->depth != 1)
    return;
  /* A cell before any row (a damaged file): a row of its own. */
  if (tables->row == 0)
    tables->row = ++tables->last_id;
  if (tables->cell < G_MAXUINT)
    tables->cell++;
}

void
_byline_office_tables_mark (BylineOfficeTables *tables,
                            BylineOfficePara   *para)
{
  para->table = tables->table;
  para->row = tables->table != 0 ? tables->row : 0;
  para->cell = tables->table != 0 ? tables->cell : 0;
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
      _byline_office_tables_begin_cell (tables);
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
    _byline_office_tables_begin_cell (tables);
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

/* The row's paragraphs @paras[@begin, @end) as one paragraph. */
static BylineOfficePara *
merge_row (BylineOfficePara **paras,
           guint              begin,
           guint              end)
{
  BylineOfficePara *row = _byline_office_para_new ();
  guint column = 0;   /* of the last cell with text */

  /* Still in its table, for the headline's search (byline-office.c). */
  row->table = paras[begin]->table;
  row->row = paras[begin]->row;

  for (guint i = begin; i < end; i++)
    {
      BylineOfficePara *para = paras[i];

      if (!has_text (para))
        continue;
      if (column > 0)
        {
          /* An empty cell between keeps its place. */
          g_string_append (row->html, " " SEPARATOR " ");
          row->n_chars++;
          for (guint c = column + 1; c < para->cell && c - column <= MAX_EMPTY_CELLS; c++)
            {
              g_string_append (row->html, SEPARATOR " ");
              row->n_chars++;
            }
        }
      g_string_append (row->html, para->html->str);
      row->n_cells++;
      row->n_chars += para->n_chars;
      row->n_bold += para->n_bold;
      row->n_italic += para->n_italic;
      column = MAX (para->cell, 1);
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
  for (guint i = begin; i < end;)
    {
      guint next = i + 1;
      BylineOfficePara *row;

      while (next < end && cells[next]->row == cells[i]->row)
        next++;
      row = merge_row (cells, i, next);
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
