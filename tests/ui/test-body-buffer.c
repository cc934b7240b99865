/* test-body-buffer.c — the editor's buffer follows the body, and edits typed
 * into it become the same edits of the body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <gtk/gtk.h>

#include "byline-test-utils.h"
#include "ui-test-utils.h"
#include "byline-body-buffer.h"

/* Fails unless line i of the buffer shows block i of the body, for every
 * block, or for the first ones while a long story is still being shown. */
static void
assert_in_sync (BylineBodyBuffer *buffer)
{
  GtkTextBuffer *text_buffer = GTK_TEXT_BUFFER (buffer);
  BylineBody *body = byline_body_buffer_get_body (buffer);
  guint n = byline_body_get_n_blocks (body);

  if (n == 0)
    {
      GtkTextIter start, end;
      g_autofree char *all = NULL;

      gtk_text_buffer_get_bounds (text_buffer, &start, &end);
      all = gtk_text_iter_get_slice (&start, &end);
      g_assert_cmpstr (all, ==, "");
      return;
    }

  /* A long story shows its first blocks first: those, line for block. */
  if (!byline_body_buffer_get_complete (buffer))
    {
      n = gtk_text_buffer_get_line_count (text_buffer);
      g_assert_cmpuint (n, <, byline_body_get_n_blocks (body));
    }
  g_assert_cmpint (gtk_text_buffer_get_line_count (text_buffer), ==, n);
  for (guint i = 0; i < n; i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);
      GtkTextIter start, end;
      g_autofree char *line = NULL;

      gtk_text_buffer_get_iter_at_line (text_buffer, &start, i);
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      line = gtk_text_iter_get_slice (&start, &end);

      if (byline_block_get_kind (block) == BYLINE_BLOCK_IMAGE)
        {
          GtkTextChildAnchor *anchor = gtk_text_iter_get_child_anchor (&start);

          g_assert_cmpint (gtk_text_iter_get_chars_in_line (&start), >=, 1);
          g_assert_nonnull (anchor);
          g_assert_cmpstr (byline_body_buffer_get_anchor_image_id (anchor), ==,
                           byline_block_get_image_id (block));
          g_assert_cmpstr (line, ==, "\xEF\xBF\xBC");
        }
      else
        g_assert_cmpstr (line, ==, byline_block_get_text (block));
    }
}

static BylineBodyBuffer *
make_buffer (BylineBody *body)
{
  BylineBodyBuffer *buffer = byline_body_buffer_new ();

  byline_body_buffer_set_body (buffer, body);
  assert_in_sync (buffer);
  return buffer;
}

static void
type_at (BylineBodyBuffer *buffer,
         guint             block,
         guint             offset,
         const char       *text)
{
  GtkTextIter iter;

  byline_body_buffer_get_iter_at_block (buffer, &iter, block, offset);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
  gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (buffer));
  gtk_text_buffer_insert_interactive_at_cursor (GTK_TEXT_BUFFER (buffer), text, -1, TRUE);
  gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (buffer));
  assert_in_sync (buffer);
}

static void
delete_between (BylineBodyBuffer *buffer,
                guint             b1,
                guint             o1,
                guint             b2,
                guint             o2)
{
  GtkTextIter start, end;

  byline_body_buffer_get_iter_at_block (buffer, &start, b1, o1);
  byline_body_buffer_get_iter_at_block (buffer, &end, b2, o2);
  gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (buffer));
  gtk_text_buffer_delete_interactive (GTK_TEXT_BUFFER (buffer), &start, &end, TRUE);
  gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (buffer));
  assert_in_sync (buffer);
}

static void
assert_cursor (BylineBodyBuffer *buffer,
               guint             block,
               guint             offset)
{
  guint b, o;

  byline_body_buffer_locate_cursor (buffer, &b, &o);
  g_assert_cmpuint (b, ==, block);
  g_assert_cmpuint (o, ==, offset);
}

static const char *
text_of (BylineBody *body,
         guint       index)
{
  return byline_block_get_text (byline_body_get_block (body, index));
}

static void
test_shows_body (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  g_autoptr(BylineBodyBuffer) buffer = NULL;
  GtkTextTagTable *table;
  GtkTextIter iter;

  byline_body_append_block (body, BYLINE_BLOCK_HEADING1, "Mưa lũ ở Nậm Nhùn");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Đêm qua, mưa lớn kéo dài.");
  byline_body_insert_image (body, 2, "img-1");
  byline_body_append_block (body, BYLINE_BLOCK_BULLETED_ITEM, "Một");
  byline_body_apply_span (body, 1, 0, 7, BYLINE_SPAN_BOLD, NULL, TRUE);

  buffer = make_buffer (body);
  table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (buffer));

  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (buffer), &iter, 0);
  g_assert_true (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (table, "byline-heading1")));
  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (buffer), &iter, 1, 3);
  g_assert_true (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (table, "byline-bold")));
  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (buffer), &iter, 1, 8);
  g_assert_false (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (table, "byline-bold")));
  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (buffer), &iter, 3);
  g_assert_true (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (table, "byline-bulleted-item")));
  g_assert_cmpint (byline_body_buffer_find_image (buffer, "img-1"), ==, 2);

  /* Changes made to the body elsewhere show at once. */
  byline_body_set_text (body, 1, "Sáng nay trời tạnh.");
  assert_in_sync (buffer);
  byline_body_move_block (body, 2, 0);
  assert_in_sync (buffer);
  byline_body_remove_block (body, 3);
  assert_in_sync (buffer);
  byline_body_set_block_kind (body, 1, BYLINE_BLOCK_QUOTE);
  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (buffer), &iter, 1);
  g_assert_true (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (table, "byline-quote")));
  g_assert_false (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (table, "byline-heading1")));
  byline_body_clear (body);
  assert_in_sync (buffer);
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Lại từ đầu");
  assert_in_sync (buffer);
}

static void
test_typing (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  g_autoptr(BylineBodyBuffer) buffer = make_buffer (body);

  /* An empty body takes its first paragraph from the first letter typed. */
  type_at (buffer, 0, 0, "Hà Nội");
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 1);
  g_assert_cmpstr (text_of (body, 0), ==, "Hà Nội");
  assert_cursor (buffer, 0, 6);

  type_at (buffer, 0, 6, "\nngày mai");
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 2);
  g_assert_cmpstr (text_of (body, 1), ==, "ngày mai");
  assert_cursor (buffer, 1, 8);

  /* Enter in the middle splits the block. */
  type_at (buffer, 0, 2, "\n");
  g_assert_cmpstr (text_of (body, 0), ==, "Hà");
  g_assert_cmpstr (text_of (body, 1), ==, " Nội");
  assert_cursor (buffer, 1, 0);

  /* Backspace at the start of a line joins it to the one above. */
  delete_between (buffer, 0, 2, 1, 0);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 2);
  g_assert_cmpstr (text_of (body, 0), ==, "Hà Nội");

  /* A combining accent typed after its letter is stored composed (NFC). */
  type_at (buffer, 1, 8, " a");
  type_at (buffer, 1, 10, "\xCC\x80");
  g_assert_cmpstr (text_of (body, 1), ==, "ngày mai à");
  assert_cursor (buffer, 1, 10);

  /* Pasted text with CR LF line ends makes paragraphs. */
  type_at (buffer, 1, 10, "\r\nMột\r\nHai");
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  g_assert_cmpstr (text_of (body, 3), ==, "Hai");

  /* A selection across lines goes, and the two ends join. */
  delete_between (buffer, 0, 3, 2, 1);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 2);
  g_assert_cmpstr (text_of (body, 0), ==, "Hà ột");
}

static void
test_figures (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  g_autoptr(BylineBodyBuffer) buffer = NULL;

  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Trước");
  byline_body_insert_image (body, 1, "img-1");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Sau");
  buffer = make_buffer (body);

  /* Typing after a figure starts a paragraph below it. */
  type_at (buffer, 1, 1, "Chú thích");
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 1)), ==, BYLINE_BLOCK_IMAGE);
  g_assert_cmpstr (text_of (body, 2), ==, "Chú thích");
  assert_cursor (buffer, 2, 9);

  /* Enter before a figure opens an empty line above it; the cursor stays with it. */
  type_at (buffer, 1, 0, "\n");
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 5);
  g_assert_cmpstr (text_of (body, 1), ==, "");
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 2)), ==, BYLINE_BLOCK_IMAGE);
  assert_cursor (buffer, 2, 0);

  /* Backspace before the figure takes the empty line away again. */
  delete_between (buffer, 1, 0, 2, 0);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 1)), ==, BYLINE_BLOCK_IMAGE);

  /* Backspace before a figure under a line of text changes nothing. */
  delete_between (buffer, 0, 5, 1, 0);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  g_assert_cmpstr (text_of (body, 0), ==, "Trước");

  /* Deleting the figure's character removes the block. */
  delete_between (buffer, 1, 0, 1, 1);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 3);
  g_assert_cmpint (byline_body_find_image (body, "img-1"), ==, -1);

  /* A selection over a figure takes it too. */
  byline_body_insert_image (body, 1, "img-2");
  assert_in_sync (buffer);
  delete_between (buffer, 0, 2, 2, 3);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 2);
  g_assert_cmpstr (text_of (body, 0), ==, "Tr thích");
}

static void
test_formatting (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  g_autoptr(BylineBodyBuffer) buffer = NULL;
  GtkTextBuffer *text_buffer;
  GtkTextIter start, end;
  const BylineSpan *spans;
  guint n_spans;
  g_autofree char *href = NULL;

  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Ủy ban nhân dân tỉnh");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Lai Châu");
  buffer = make_buffer (body);
  text_buffer = GTK_TEXT_BUFFER (buffer);

  byline_body_buffer_get_iter_at_block (buffer, &start, 0, 3);
  byline_body_buffer_get_iter_at_block (buffer, &end, 1, 3);
  gtk_text_buffer_select_range (text_buffer, &start, &end);
  byline_body_buffer_toggle_span (buffer, BYLINE_SPAN_BOLD);

  spans = byline_block_get_spans (byline_body_get_block (body, 0), &n_spans);
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpuint (spans[0].start, ==, 3);
  g_assert_cmpuint (spans[0].end, ==, 20);
  spans = byline_block_get_spans (byline_body_get_block (body, 1), &n_spans);
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpuint (spans[0].end, ==, 3);
  g_assert_true (byline_body_buffer_has_span_at_cursor (buffer, BYLINE_SPAN_BOLD));

  /* All of it bold: the same command takes it away. */
  byline_body_buffer_toggle_span (buffer, BYLINE_SPAN_BOLD);
  byline_block_get_spans (byline_body_get_block (body, 0), &n_spans);
  g_assert_cmpuint (n_spans, ==, 0);

  byline_body_buffer_set_link (buffer, "https://baolaichau.vn/");
  byline_body_buffer_get_iter_at_block (buffer, &start, 0, 5);
  gtk_text_buffer_place_cursor (text_buffer, &start);
  href = byline_body_buffer_dup_link_at_cursor (buffer);
  g_assert_cmpstr (href, ==, "https://baolaichau.vn/");

  byline_body_buffer_set_block_kind (buffer, BYLINE_BLOCK_HEADING2);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 0)), ==, BYLINE_BLOCK_HEADING2);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 1)), ==, BYLINE_BLOCK_PARAGRAPH);
  g_assert_cmpint (byline_body_buffer_get_cursor_kind (buffer), ==, BYLINE_BLOCK_HEADING2);

  /* Typing inside a bold word keeps it bold in the model and the buffer. */
  byline_body_apply_span (body, 1, 0, 8, BYLINE_SPAN_BOLD, NULL, TRUE);
  type_at (buffer, 1, 3, "x");
  g_assert_cmpstr (text_of (body, 1), ==, "Laix Châu");
  spans = byline_block_get_spans (byline_body_get_block (body, 1), &n_spans);
  for (guint i = 0; i < n_spans; i++)
    if (spans[i].kind == BYLINE_SPAN_BOLD)
      {
        g_assert_cmpuint (spans[i].start, ==, 0);
        g_assert_cmpuint (spans[i].end, ==, 9);
      }
    else
      /* The link over "Lai" does not grow at its end. */
      g_assert_cmpuint (spans[i].end, ==, 3);
}

/* Which characters of line 0 carry @tag, as a string of '-' and '#'. */
static char *
tag_map (GtkTextBuffer *buffer,
         GtkTextTag    *tag)
{
  GString *map = g_string_new (NULL);
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (!gtk_text_iter_ends_line (&iter))
    {
      g_string_append_c (map, gtk_text_iter_has_tag (&iter, tag) ? '#' : '-');
      gtk_text_iter_forward_char (&iter);
    }
  return g_string_free (map, FALSE);
}

static void
tag_range (GtkTextBuffer *buffer,
           GtkTextTag    *tag,
           gboolean       apply,
           int            from,
           int            to)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, from);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, to);
  if (apply)
    gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
  else
    gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
}

/* Byline's buffers skip putting a tag where it already is and taking it off
 * where it is not (GtkTextBuffer would lay the paragraph out again for
 * nothing): every other change of a tag, over part of a run, across runs, at
 * either edge, still takes effect. */
static void
assert_tag_changes (GtkTextBuffer *text_buffer)
{
  GtkTextTag *tag = gtk_text_buffer_create_tag (text_buffer, "probe", "underline", PANGO_UNDERLINE_ERROR, NULL);
  struct {
    gboolean    apply;
    int         from, to;
    const char *after;
  } steps[] = {
    { TRUE,   4,  7, "----###-----------" },
    { TRUE,   4,  7, "----###-----------" },  /* already there */
    { TRUE,   2,  9, "--#######---------" },  /* over a run and past both edges */
    { FALSE,  0,  2, "--#######---------" },  /* not there */
    { FALSE, 12, 18, "--#######---------" },  /* not there */
    { TRUE,   5,  6, "--#######---------" },  /* inside a run */
    { TRUE,  11, 14, "--#######--###----" },
    { TRUE,   8, 12, "--############----" },  /* joins two runs */
    { FALSE,  5,  6, "--###-########----" },  /* a hole */
    { FALSE,  0,  3, "---##-########----" },  /* a run's start */
    { FALSE, 10, 18, "---##-####--------" },  /* a run's end, past it */
    { FALSE,  0, 18, "------------------" },
    { FALSE,  0, 18, "------------------" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *map = NULL;

      tag_range (text_buffer, tag, steps[i].apply, steps[i].from, steps[i].to);
      map = tag_map (text_buffer, tag);
      g_assert_cmpstr (map, ==, steps[i].after);
    }
}

static void
test_tags_only_where_needed (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  g_autoptr(BylineBodyBuffer) buffer = NULL;
  g_autoptr(GtkSourceBuffer) field_buffer = byline_source_buffer_new ();
  GtkTextBuffer *text_buffer;

  /* The headline's and the lead's buffer. */
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (field_buffer), "Một hai ba bốn năm", -1);
  assert_tag_changes (GTK_TEXT_BUFFER (field_buffer));

  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Một hai ba bốn năm");
  buffer = make_buffer (body);
  text_buffer = GTK_TEXT_BUFFER (buffer);
  assert_tag_changes (text_buffer);

  /* The body's own tags too: a paragraph made a heading and back, a bold
   * span typed into, keep what the body says. */
  byline_body_set_block_kind (body, 0, BYLINE_BLOCK_HEADING1);
  byline_body_apply_span (body, 0, 4, 7, BYLINE_SPAN_BOLD, NULL, TRUE);
  type_at (buffer, 0, 5, "x");
  {
    GtkTextTag *bold = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (text_buffer), "byline-bold");
    GtkTextTag *heading = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (text_buffer), "byline-heading1");
    g_autofree char *bold_map = NULL;
    g_autofree char *heading_map = NULL;

    g_assert_nonnull (bold);
    g_assert_nonnull (heading);
    bold_map = tag_map (text_buffer, bold);
    heading_map = tag_map (text_buffer, heading);
    g_assert_cmpstr (bold_map, ==, "----####-----------");
    g_assert_cmpstr (heading_map, ==, "###################");
    byline_body_set_block_kind (body, 0, BYLINE_BLOCK_PARAGRAPH);
    g_clear_pointer (&heading_map, g_free);
    heading_map = tag_map (text_buffer, heading);
    g_assert_cmpstr (heading_map, ==, "-------------------");
  }
}

static void
test_undo (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  g_autoptr(BylineBody) before = byline_body_new ();
  g_autoptr(BylineBody) after = byline_body_new ();
  g_autoptr(BylineBodyBuffer) buffer = NULL;
  BylineBodyHistory *history;

  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Một hai");
  byline_body_insert_image (body, 1, "img-1");
  buffer = make_buffer (body);
  history = byline_body_buffer_get_history (buffer);
  g_assert_false (byline_body_history_can_undo (history));
  byline_body_copy_from (before, body);

  /* Letters typed in a row are one step. */
  type_at (buffer, 0, 7, " b");
  type_at (buffer, 0, 9, "a");
  type_at (buffer, 0, 10, "\n");
  byline_body_buffer_set_block_kind (buffer, BYLINE_BLOCK_HEADING1);
  byline_body_copy_from (after, body);
  g_assert_true (byline_body_history_can_undo (history));

  while (byline_body_buffer_undo (buffer))
    assert_in_sync (buffer);
  g_assert_true (byline_body_equal (body, before));
  assert_cursor (buffer, 0, 7);
  g_assert_true (byline_body_history_can_redo (history));

  while (byline_body_buffer_redo (buffer))
    assert_in_sync (buffer);
  g_assert_true (byline_body_equal (body, after));

  /* A change from elsewhere forgets the history: its snapshots would be stale. */
  byline_body_remove_image (body, "img-1");
  g_assert_false (byline_body_history_can_undo (history));
  assert_in_sync (buffer);
}

/* Alt+Up and Alt+Down: the blocks of the selection, or the cursor's, move
 * past the next one, styles and figures with them, the selection kept on
 * them, one undo step each; not past the story's start or end. */
static void
test_move_blocks (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  g_autoptr(BylineBody) before = byline_body_new ();
  g_autoptr(BylineBodyBuffer) buffer = NULL;
  GtkTextBuffer *text;
  GtkTextIter start, end;

  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Một");
  byline_body_append_block (body, BYLINE_BLOCK_HEADING1, "Hai");
  byline_body_insert_image (body, 2, "img-1");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Bốn");
  byline_body_apply_span (body, 3, 0, 3, BYLINE_SPAN_BOLD, NULL, TRUE);
  buffer = make_buffer (body);
  text = GTK_TEXT_BUFFER (buffer);
  byline_body_copy_from (before, body);

  /* The cursor in "Bốn", moved up twice: past the figure, past "Hai". */
  byline_body_buffer_get_iter_at_block (buffer, &start, 3, 1);
  gtk_text_buffer_place_cursor (text, &start);
  g_assert_true (byline_body_buffer_move_selected_blocks (buffer, FALSE));
  g_assert_true (byline_body_buffer_move_selected_blocks (buffer, FALSE));
  assert_in_sync (buffer);
  g_assert_cmpstr (text_of (body, 1), ==, "Bốn");
  g_assert_cmpstr (text_of (body, 2), ==, "Hai");
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 2)), ==, BYLINE_BLOCK_HEADING1);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 3)), ==, BYLINE_BLOCK_IMAGE);
  {
    guint n_spans;
    const BylineSpan *spans = byline_block_get_spans (byline_body_get_block (body, 1), &n_spans);

    g_assert_cmpuint (n_spans, ==, 1);
    g_assert_cmpint (spans[0].kind, ==, BYLINE_SPAN_BOLD);
  }
  assert_cursor (buffer, 1, 1);

  /* "Hai" and the figure selected, down: past the story's end, nothing. */
  byline_body_buffer_get_iter_at_block (buffer, &start, 2, 0);
  byline_body_buffer_get_iter_at_block (buffer, &end, 3, 1);
  gtk_text_buffer_select_range (text, &start, &end);
  g_assert_false (byline_body_buffer_move_selected_blocks (buffer, TRUE));
  /* Up: both past "Bốn", still selected. */
  g_assert_true (byline_body_buffer_move_selected_blocks (buffer, FALSE));
  assert_in_sync (buffer);
  g_assert_cmpstr (text_of (body, 0), ==, "Một");
  g_assert_cmpstr (text_of (body, 1), ==, "Hai");
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 2)), ==, BYLINE_BLOCK_IMAGE);
  g_assert_cmpstr (text_of (body, 3), ==, "Bốn");
  g_assert_true (gtk_text_buffer_get_selection_bounds (text, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_line (&start), ==, 1);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&start), ==, 0);
  g_assert_cmpint (gtk_text_iter_get_line (&end), ==, 2);

  /* From the first block, up: nothing. */
  byline_body_buffer_get_iter_at_block (buffer, &start, 0, 1);
  gtk_text_buffer_place_cursor (text, &start);
  g_assert_false (byline_body_buffer_move_selected_blocks (buffer, FALSE));

  /* Three moves, three undo steps. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (byline_body_buffer_undo (buffer));
  g_assert_true (byline_body_equal (body, before));
  assert_in_sync (buffer);
}

static void
test_paste_html (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  g_autoptr(BylineBodyBuffer) buffer = NULL;
  const BylineSpan *spans;
  guint n_spans, n_pictures = 99;

  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Đầu cuối");
  buffer = make_buffer (body);

  /* Words from a web page go into the line, bold kept, script gone. */
  {
    GtkTextIter iter;
    byline_body_buffer_get_iter_at_block (buffer, &iter, 0, 4);
    gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
  }
  g_assert_cmpuint (byline_body_buffer_paste_html (buffer, "<b>giữa</b><script>alert(1)</script> ", &n_pictures), ==, 1);
  g_assert_cmpuint (n_pictures, ==, 0);
  assert_in_sync (buffer);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 1);
  g_assert_nonnull (strstr (text_of (body, 0), "giữa"));
  g_assert_null (strstr (text_of (body, 0), "alert"));
  spans = byline_block_get_spans (byline_body_get_block (body, 0), &n_spans);
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpint (spans[0].kind, ==, BYLINE_SPAN_BOLD);

  /* Blocks split the line they land in.  The page's pictures stay out, and
   * are counted; an <img> with nothing to show is not. */
  byline_body_buffer_paste_html (buffer, "<h2>Tiêu đề</h2><img src='https://example.org/a.jpg'><img>"
                                 "<ul><li>Một</li><li>Hai</li></ul>"
                                 "<figure><img src='b.jpg'><figcaption>Ảnh</figcaption></figure>", &n_pictures);
  g_assert_cmpuint (n_pictures, ==, 2);
  assert_in_sync (buffer);
  g_assert_cmpuint (byline_body_get_n_blocks (body), >=, 4);
  g_assert_cmpint (byline_body_buffer_find_image (buffer, "x"), ==, -1);
  {
    gboolean heading = FALSE, item = FALSE;

    for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
      {
        BylineBlockKind kind = byline_block_get_kind (byline_body_get_block (body, i));

        heading |= kind == BYLINE_BLOCK_HEADING1;
        item |= kind == BYLINE_BLOCK_BULLETED_ITEM;
      }
    g_assert_true (heading);
    g_assert_true (item);
  }
  g_assert_true (byline_body_buffer_undo (buffer));
  assert_in_sync (buffer);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 1);

  /* Paragraphs pasted on an empty line (after Enter) take its place: no
   * empty line is left under them. */
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (buffer), &end);
    gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &end);
    gtk_text_buffer_insert_interactive_at_cursor (GTK_TEXT_BUFFER (buffer), "\n", -1, TRUE);
  }
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 2);
  g_assert_cmpuint (byline_body_buffer_paste_html (buffer, "<p>Một</p><p>Hai</p>", NULL), ==, 2);
  assert_in_sync (buffer);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 3);
  g_assert_cmpstr (text_of (body, 1), ==, "Một");
  g_assert_cmpstr (text_of (body, 2), ==, "Hai");
  g_assert_true (byline_body_buffer_undo (buffer));
  assert_in_sync (buffer);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 2);
  g_assert_cmpstr (text_of (body, 1), ==, "");
}

/* Random edits, typed as a user would, against a plain GtkTextBuffer given the
 * same edits: with text only, both must read the same after every one. */
static void
test_random_edits (void)
{
  static const char *pieces[] = {
    "a", "ư", "Nậm Nhùn", " ", "\n", "mưa\nlũ", "\n\n", "đ", "e\xCC\x81", "x y z",
  };
  g_autoptr(BylineBody) body = byline_body_new ();
  g_autoptr(BylineBodyBuffer) buffer = make_buffer (body);
  g_autoptr(GtkTextBuffer) plain = gtk_text_buffer_new (NULL);
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint step = 0; step < 600; step++)
    {
      GtkTextBuffer *text_buffer = GTK_TEXT_BUFFER (buffer);
      int n_chars = gtk_text_buffer_get_char_count (text_buffer);
      GtkTextIter a, b, pa, pb;
      int from = g_rand_int_range (rand, 0, n_chars + 1);

      gtk_text_buffer_get_iter_at_offset (text_buffer, &a, from);
      gtk_text_buffer_get_iter_at_offset (plain, &pa, from);

      if (g_rand_boolean (rand) || n_chars == 0)
        {
          const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];
          g_autofree char *nfc = NULL;

          gtk_text_buffer_place_cursor (text_buffer, &a);
          gtk_text_buffer_insert_interactive_at_cursor (text_buffer, piece, -1, TRUE);
          gtk_text_buffer_insert (plain, &pa, piece, -1);
        }
      else
        {
          int to = MIN (n_chars, from + g_rand_int_range (rand, 1, 12));

          gtk_text_buffer_get_iter_at_offset (text_buffer, &b, to);
          gtk_text_buffer_get_iter_at_offset (plain, &pb, to);
          gtk_text_buffer_delete_interactive (text_buffer, &a, &b, TRUE);
          gtk_text_buffer_delete (plain, &pa, &pb);
        }
      assert_in_sync (buffer);

      {
        GtkTextIter s, e;
        g_autofree char *ours = NULL, *theirs = NULL, *theirs_nfc = NULL;

        gtk_text_buffer_get_bounds (text_buffer, &s, &e);
        ours = gtk_text_iter_get_slice (&s, &e);
        gtk_text_buffer_get_bounds (plain, &s, &e);
        theirs = gtk_text_iter_get_slice (&s, &e);
        theirs_nfc = g_utf8_normalize (theirs, -1, G_NORMALIZE_NFC);
        g_assert_cmpstr (ours, ==, theirs_nfc);
        /* Keep the oracle in NFC too, so offsets stay comparable. */
        gtk_text_buffer_set_text (plain, theirs_nfc, -1);
      }
    }
  g_rand_free (rand);
}

static gboolean
is_complete (gpointer data)
{
  return byline_body_buffer_get_complete (data);
}

/* A long story is shown a part at a time.  While it is, typing into the part
 * shown and changes of the body anywhere (the caption panel removing a
 * picture, undo) must leave the buffer showing the body's first blocks line
 * for line, and the rest must show in the end, with those changes. */
static void
test_shown_in_parts (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  g_autoptr(BylineBodyBuffer) buffer = byline_body_buffer_new ();
  GtkTextBuffer *text_buffer = GTK_TEXT_BUFFER (buffer);
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());
  guint n_model_changes = 0, n_steps = 0, n_typed = 0;

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *text = g_strdup_printf ("Đoạn %u: lực lượng cứu hộ có mặt.", i);

      if (i % 25 == 24)
        {
          g_autofree char *id = g_strdup_printf ("anh-%u", i);
          byline_body_insert_image (body, G_MAXUINT, id);
        }
      else
        byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, text);
    }

  byline_body_buffer_set_body (buffer, body);
  g_assert_false (byline_body_buffer_get_complete (buffer));
  g_assert_cmpint (gtk_text_buffer_get_line_count (text_buffer), <, 100);
  assert_in_sync (buffer);

  /* Typed at the top before anything else: the window is editable at once. */
  type_at (buffer, 0, 0, "Mới: ");
  g_assert_cmpstr (text_of (body, 0), ==, "Mới: Đoạn 0: lực lượng cứu hộ có mặt.");

  for (guint op = 0; !byline_body_buffer_get_complete (buffer) && op < 2000; op++)
    {
      guint n = byline_body_get_n_blocks (body);
      guint shown = gtk_text_buffer_get_line_count (text_buffer);
      guint block = g_rand_int_range (rand, 0, n);

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:
          /* A step of the idle that shows more, once edits were made while
           * only the first part showed. */
          if (op < 40)
            break;
          g_main_context_iteration (NULL, FALSE);
          n_steps++;
          break;
        case 1:
          {
            guint line = g_rand_int_range (rand, 0, shown);

            if (byline_block_get_kind (byline_body_get_block (body, line)) != BYLINE_BLOCK_IMAGE)
              {
                type_at (buffer, line, 0, g_rand_boolean (rand) ? "x\ny" : "đ");
                n_typed++;
              }
          }
          break;
        case 2:
          {
            guint line = g_rand_int_range (rand, 1, shown);
            delete_between (buffer, line - 1, 0, line, 0);
            n_typed++;
          }
          break;
        case 3:
          if (byline_block_get_kind (byline_body_get_block (body, block)) != BYLINE_BLOCK_IMAGE)
            {
              byline_body_insert_text (body, block, 0, "Sửa: ");
              n_model_changes++;
            }
          break;
        case 4:
          if (n > 2)
            {
              byline_body_remove_block (body, block);
              n_model_changes++;
            }
          break;
        default:
          byline_body_insert_block (body, block, BYLINE_BLOCK_QUOTE, "Trích dẫn");
          n_model_changes++;
          break;
        }
      assert_in_sync (buffer);
    }

  g_assert_cmpuint (n_steps, >, 0);
  g_assert_cmpuint (n_typed, >, 0);
  g_assert_cmpuint (n_model_changes, >, 0);
  g_assert_true (byline_ui_test_wait_until (is_complete, buffer, 10000));
  assert_in_sync (buffer);
  g_rand_free (rand);
}

/* What needs a place further down shows the rest at once. */
/* Frames back to back, as on a slow machine during an animation: a source
 * of GTK's frame priority that is always ready and takes its time. */
static gboolean
busy_frames (gpointer data)
{
  g_usleep (2000);
  return G_SOURCE_CONTINUE;
}

static void
test_shown_while_busy (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  g_autoptr(BylineBodyBuffer) buffer = byline_body_buffer_new ();
  guint busy;

  for (guint i = 0; i < 300; i++)
    byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Một đoạn.");
  byline_body_buffer_set_body (buffer, body);
  g_assert_false (byline_body_buffer_get_complete (buffer));

  /* The idle steps never find a gap; the rest still comes. */
  busy = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, busy_frames, NULL, NULL);
  g_assert_true (byline_ui_test_wait_until (is_complete, buffer, 10000));
  g_source_remove (busy);
  assert_in_sync (buffer);
}

static void
test_show_all (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  g_autoptr(BylineBodyBuffer) buffer = byline_body_buffer_new ();

  for (guint i = 0; i < 300; i++)
    byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Một đoạn.");
  byline_body_buffer_set_body (buffer, body);
  g_assert_false (byline_body_buffer_get_complete (buffer));

  /* Undo of a change below what shows. */
  byline_body_buffer_begin_edit (buffer, BYLINE_EDIT_OTHER);
  byline_body_insert_text (body, 250, 0, "Cuối ");
  byline_body_buffer_end_edit (buffer);
  byline_body_history_end_edit (byline_body_buffer_get_history (buffer), 250, 5, FALSE);
  g_assert_false (byline_body_buffer_get_complete (buffer));
  g_assert_true (byline_body_buffer_undo (buffer));
  assert_in_sync (buffer);
  g_assert_cmpstr (text_of (body, 250), ==, "Một đoạn.");
  g_assert_true (byline_ui_test_wait_until (is_complete, buffer, 10000));
  assert_in_sync (buffer);

  /* The body loses all it had below what shows (the caption panel removing
   * pictures, say): nothing is left to show, and nothing more is shown. */
  byline_body_buffer_set_body (buffer, NULL);
  byline_body_buffer_set_body (buffer, body);
  g_assert_false (byline_body_buffer_get_complete (buffer));
  {
    guint shown = gtk_text_buffer_get_line_count (GTK_TEXT_BUFFER (buffer));

    while (byline_body_get_n_blocks (body) > shown)
      byline_body_remove_block (body, byline_body_get_n_blocks (body) - 1);
    g_assert_true (byline_body_buffer_get_complete (buffer));
    for (guint i = 0; i < 5; i++)
      g_main_context_iteration (NULL, FALSE);
    assert_in_sync (buffer);
    for (guint i = 0; i < 250; i++)
      byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Một đoạn.");
  }

  /* And explicitly, as Ctrl+End, select all and find do. */
  byline_body_buffer_set_body (buffer, NULL);
  byline_body_buffer_set_body (buffer, body);
  g_assert_false (byline_body_buffer_get_complete (buffer));
  byline_body_buffer_show_all (buffer);
  g_assert_true (byline_body_buffer_get_complete (buffer));
  assert_in_sync (buffer);
}

/* Where the cursor is each time the buffer says it may have moved (the body
 * view then looks whether it is at a figure, to select its picture). */
static void
on_cursor_seen (GtkTextBuffer *buffer,
                GParamSpec    *pspec,
                GArray        *seen)
{
  GtkTextIter iter;
  int offset;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&iter);
  g_array_append_val (seen, offset);
}

/* A reporter who clicks at the end of the part shown so far, or selects up
 * to it, stays there while the rest of the story comes in below. */
static void
test_cursor_stays_while_shown (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  g_autoptr(BylineBodyBuffer) buffer = byline_body_buffer_new ();
  GtkTextBuffer *text_buffer = GTK_TEXT_BUFFER (buffer);
  GtkTextIter end, start, insert, bound;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (int));
  int end_offset, start_offset, last_line;

  for (guint i = 0; i < 300; i++)
    byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Một đoạn.");
  byline_body_buffer_set_body (buffer, body);
  g_assert_false (byline_body_buffer_get_complete (buffer));

  gtk_text_buffer_get_end_iter (text_buffer, &end);
  end_offset = gtk_text_iter_get_offset (&end);
  last_line = gtk_text_iter_get_line (&end);
  gtk_text_buffer_get_iter_at_line (text_buffer, &start, last_line);
  start_offset = gtk_text_iter_get_offset (&start);
  /* Selected backwards from the end: the cursor at the end, the bound before. */
  gtk_text_buffer_select_range (text_buffer, &end, &start);
  g_signal_connect (text_buffer, "notify::cursor-position", G_CALLBACK (on_cursor_seen), seen);

  g_assert_true (byline_ui_test_wait_until (is_complete, buffer, 10000));
  g_assert_cmpint (gtk_text_buffer_get_line_count (text_buffer), ==, 300);
  gtk_text_buffer_get_iter_at_mark (text_buffer, &insert, gtk_text_buffer_get_insert (text_buffer));
  gtk_text_buffer_get_iter_at_mark (text_buffer, &bound, gtk_text_buffer_get_selection_bound (text_buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&insert), ==, end_offset);
  g_assert_cmpint (gtk_text_iter_get_line (&insert), ==, last_line);
  g_assert_true (gtk_text_iter_ends_line (&insert));
  g_assert_cmpint (gtk_text_iter_get_offset (&bound), ==, start_offset);
  /* Not even for a moment: seen elsewhere, it would select a figure there. */
  for (guint i = 0; i < seen->len; i++)
    g_assert_cmpint (g_array_index (seen, int, i), ==, end_offset);
}

/* A handler of the cursor moving goes to a block while the buffer is still
 * following a change of the body (redo adds lines; the body view looks
 * whether a figure is in sight): the change must not be applied twice. */
static void
on_cursor_position (BylineBodyBuffer *buffer)
{
  byline_body_buffer_show_all (buffer);
}

static void
test_reach_while_following (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  g_autoptr(BylineBodyBuffer) buffer = NULL;

  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Một");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Hai");
  buffer = make_buffer (body);
  type_at (buffer, 0, 3, " a\nb\nc");
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  g_assert_true (byline_body_buffer_undo (buffer));
  assert_in_sync (buffer);

  g_signal_connect (buffer, "notify::cursor-position", G_CALLBACK (on_cursor_position), NULL);
  g_assert_true (byline_body_buffer_redo (buffer));
  assert_in_sync (buffer);
  g_assert_true (byline_body_buffer_undo (buffer));
  assert_in_sync (buffer);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  byline_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/body-buffer/shows-body", test_shows_body);
  g_test_add_func ("/ui/body-buffer/typing", test_typing);
  g_test_add_func ("/ui/body-buffer/figures", test_figures);
  g_test_add_func ("/ui/body-buffer/formatting", test_formatting);
  g_test_add_func ("/ui/body-buffer/tags-only-where-needed", test_tags_only_where_needed);
  g_test_add_func ("/ui/body-buffer/undo", test_undo);
  g_test_add_func ("/ui/body-buffer/move-blocks", test_move_blocks);
  g_test_add_func ("/ui/body-buffer/paste-html", test_paste_html);
  g_test_add_func ("/ui/body-buffer/random-edits", test_random_edits);
  g_test_add_func ("/ui/body-buffer/shown-in-parts", test_shown_in_parts);
  g_test_add_func ("/ui/body-buffer/show-all", test_show_all);
  g_test_add_func ("/ui/body-buffer/shown-while-busy", test_shown_while_busy);
  g_test_add_func ("/ui/body-buffer/reach-while-following", test_reach_while_following);
  g_test_add_func ("/ui/body-buffer/cursor-stays-while-shown", test_cursor_stays_while_shown);

  return g_test_run ();
}
