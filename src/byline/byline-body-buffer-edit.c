/* byline-body-buffer-edit.c — what is typed becomes edits of the body
 *
 * ::insert-text and ::delete-range are stopped before GtkTextBuffer applies
 * them; the same change is made to the body instead, and the buffer follows
 * the body (byline-body-buffer.c).  Lines that show a figure take no text:
 * typing before or after one makes a new paragraph there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include <string.h>

#include "byline-body-buffer-private.h"

/* ------------------------------------------------------------ edit scopes */

void
byline_body_buffer_begin_edit (BylineBodyBuffer *self,
                               BylineEditKind    kind)
{
  guint block = 0, offset = 0;

  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));

  if (self->editing++ > 0 || self->body == NULL)
    return;

  /* One key press (one user action) is one undo step at most. */
  if (self->user_action_depth > 0 && self->step_taken)
    return;
  self->step_taken = TRUE;

  byline_body_buffer_locate_cursor (self, &block, &offset);
  byline_body_history_begin_edit (self->history, self->body, kind, block, offset);
}

void
byline_body_buffer_end_edit (BylineBodyBuffer *self)
{
  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));
  g_return_if_fail (self->editing > 0);

  self->editing--;
}

static void
on_begin_user_action (BylineBodyBuffer *self)
{
  if (self->user_action_depth++ == 0)
    self->step_taken = FALSE;
}

static void
on_end_user_action (BylineBodyBuffer *self)
{
  if (self->user_action_depth > 0)
    self->user_action_depth--;
}

/* ------------------------------------------------------------------ insert */

static guint
block_length (BylineBodyBuffer *self,
              guint             index)
{
  return byline_block_get_length (byline_body_get_block (self->body, index));
}

/* Splits @text at every line break a clipboard may bring. */
static GPtrArray *
split_lines (const char *text,
             gssize      len)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *end = text + (len < 0 ? (gssize) strlen (text) : len);
  const char *line = text;
  const char *p = text;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == '\n' || c == '\r' || c == 0x2029)
        {
          g_ptr_array_add (lines, g_strndup (line, p - line));
          if (c == '\r' && next < end && *next == '\n')
            next++;
          line = next;
        }
      p = next;
    }
  g_ptr_array_add (lines, g_strndup (line, end - line));
  return lines;
}

/* Inserts into the body what was typed at (@block, @offset); returns where
 * it ends in @end_block and @end_offset. */
static void
insert_into_body (BylineBodyBuffer *self,
                  guint             block,
                  guint             offset,
                  const char       *text,
                  gssize            len,
                  guint            *end_block,
                  guint            *end_offset)
{
  g_autoptr(GPtrArray) lines = split_lines (text, len);
  BylineBody *body = self->body;

  if (byline_body_get_n_blocks (body) == 0)
    {
      byline_body_insert_block (body, 0, BYLINE_BLOCK_PARAGRAPH, "");
      block = 0;
      offset = 0;
    }

  if (_byline_body_buffer_is_image_block (self, block))
    {
      /* Before the figure, a last empty piece is the figure's own line; after
       * it, a first empty piece is. */
      guint target = offset == 0 ? block : block + 1;
      guint first = 0, last = lines->len;

      if (lines->len > 1 && offset == 0 && *(char *) g_ptr_array_index (lines, lines->len - 1) == '\0')
        last--;
      else if (lines->len > 1 && offset > 0 && *(char *) g_ptr_array_index (lines, 0) == '\0')
        first++;

      for (guint i = first; i < last; i++)
        byline_body_insert_block (body, target + (i - first), BYLINE_BLOCK_PARAGRAPH,
                                  g_ptr_array_index (lines, i));

      if (offset == 0 && last < lines->len)
        {
          /* The cursor stays before the figure, which moved down. */
          *end_block = target + (last - first);
          *end_offset = 0;
        }
      else
        {
          *end_block = target + (last - first) - 1;
          *end_offset = block_length (self, *end_block);
        }
      return;
    }

  /* Enter on an empty list item or quote ends the list: it becomes a paragraph. */
  if (lines->len == 2
      && *(char *) g_ptr_array_index (lines, 0) == '\0'
      && *(char *) g_ptr_array_index (lines, 1) == '\0'
      && block_length (self, block) == 0)
    {
      BylineBlockKind kind = byline_block_get_kind (byline_body_get_block (body, block));

      if (kind == BYLINE_BLOCK_BULLETED_ITEM || kind == BYLINE_BLOCK_NUMBERED_ITEM
          || kind == BYLINE_BLOCK_QUOTE)
        {
          byline_body_set_block_kind (body, block, BYLINE_BLOCK_PARAGRAPH);
          *end_block = block;
          *end_offset = 0;
          return;
        }
    }

  for (guint i = 0; i < lines->len; i++)
    {
      guint before;

      if (i > 0)
        {
          byline_body_split_block (body, block, offset);
          block++;
          offset = 0;
        }
      before = block_length (self, block);
      byline_body_insert_text (body, block, offset, g_ptr_array_index (lines, i));
      /* NFC may join a typed accent with its letter: count what was added. */
      offset += block_length (self, block) - before;
    }
  *end_block = block;
  *end_offset = offset;
}

static void
on_insert_text (BylineBodyBuffer *self,
                GtkTextIter      *location,
                const char       *text,
                int               len)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter cursor;
  guint block = 0, offset = 0, end_block, end_offset;
  gboolean at_cursor;
  gboolean word_ended;

  if (self->syncing > 0 || self->body == NULL)
    return;
  g_signal_stop_emission_by_name (buffer, "insert-text");

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  at_cursor = gtk_text_iter_equal (&cursor, location);
  byline_body_buffer_locate (self, location, &block, &offset);

  byline_body_buffer_begin_edit (self, BYLINE_EDIT_TYPING);
  insert_into_body (self, block, offset, text, len, &end_block, &end_offset);
  byline_body_buffer_end_edit (self);

  word_ended = len > 0 && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (text + len)));
  byline_body_history_end_edit (self->history, end_block, end_offset, word_ended);

  /* Callers expect @location after the insertion, as the default handler leaves it. */
  byline_body_buffer_get_iter_at_block (self, location, end_block, end_offset);
  if (at_cursor)
    {
      GtkTextIter now;

      /* Typed text goes in at the cursor, which the buffer's insert leaves
       * after it: placing it again would only make the view lay the
       * paragraph out once more (for the input method's spot) before the frame. */
      gtk_text_buffer_get_iter_at_mark (buffer, &now, gtk_text_buffer_get_insert (buffer));
      if (!gtk_text_iter_equal (&now, location) || gtk_text_buffer_get_has_selection (buffer))
        gtk_text_buffer_place_cursor (buffer, location);
    }
}

/* ------------------------------------------------------------------ delete */

/* Deletes from the body what lies between two places of the buffer; returns
 * where the cursor belongs. */
static void
delete_from_body (BylineBodyBuffer *self,
                  guint             b1,
                  guint             o1,
                  guint             b2,
                  guint             o2,
                  guint            *end_block,
                  guint            *end_offset)
{
  BylineBody *body = self->body;
  gboolean first_removed = FALSE, last_removed = FALSE;

  *end_block = b1;
  *end_offset = o1;

  if (b1 == b2)
    {
      if (_byline_body_buffer_is_image_block (self, b1))
        {
          if (o1 == 0 && o2 >= 1)
            {
              byline_body_remove_block (body, b1);
              *end_offset = 0;
            }
        }
      else if (o2 > o1)
        byline_body_delete_text (body, b1, o1, o2 - o1);
      return;
    }

  for (guint i = b2 - 1; i > b1; i--)
    byline_body_remove_block (body, i);
  b2 = b1 + 1;

  if (_byline_body_buffer_is_image_block (self, b2))
    {
      if (o2 >= 1)
        {
          byline_body_remove_block (body, b2);
          last_removed = TRUE;
        }
    }
  else if (o2 > 0)
    byline_body_delete_text (body, b2, 0, o2);

  if (_byline_body_buffer_is_image_block (self, b1))
    {
      if (o1 == 0)
        {
          byline_body_remove_block (body, b1);
          first_removed = TRUE;
          *end_offset = 0;
        }
    }
  else if (o1 < block_length (self, b1))
    byline_body_delete_text (body, b1, o1, block_length (self, b1) - o1);

  if (first_removed || last_removed || b1 + 1 >= byline_body_get_n_blocks (body))
    return;

  /* Join what is left on both sides of the deleted line break. */
  if (!_byline_body_buffer_is_image_block (self, b1)
      && !_byline_body_buffer_is_image_block (self, b1 + 1))
    byline_body_merge_with_next (body, b1);
  else if (!_byline_body_buffer_is_image_block (self, b1) && block_length (self, b1) == 0)
    {
      /* Backspace before a figure removes the empty line above it. */
      byline_body_remove_block (body, b1);
      *end_offset = 0;
    }
  else if (!_byline_body_buffer_is_image_block (self, b1 + 1) && block_length (self, b1 + 1) == 0)
    byline_body_remove_block (body, b1 + 1);
}

/* The figures a deletion takes away (those of blocks @b1 to @b2 whose line
 * starts in [@start, @end)) are put out of sight before it, while the buffer
 * and the view's layout still agree.  Unmapped from within the deletion, a
 * figure under the pointer made GTK look for the text under the pointer in
 * a layout half changed, and crash: a picture clicked, then deleted or typed
 * over. */
static void
hide_figures_in (BylineBodyBuffer  *self,
                 const GtkTextIter *start,
                 const GtkTextIter *end,
                 guint              b1,
                 guint              b2)
{
  for (guint b = b1; b <= b2; b++)
    {
      g_autofree GtkWidget **widgets = NULL;
      GtkTextChildAnchor *anchor;
      GtkTextIter iter;
      guint n = 0;

      if (!_byline_body_buffer_is_image_block (self, b))
        continue;
      byline_body_buffer_get_iter_at_block (self, &iter, b, 0);
      if (!gtk_text_iter_in_range (&iter, start, end)
          || (anchor = gtk_text_iter_get_child_anchor (&iter)) == NULL)
        continue;
      widgets = gtk_text_child_anchor_get_widgets (anchor, &n);
      for (guint i = 0; i < n; i++)
        gtk_widget_set_visible (widgets[i], FALSE);
    }
}

static void
on_delete_range (BylineBodyBuffer *self,
                 GtkTextIter      *start,
                 GtkTextIter      *end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter cursor;
  guint b1, o1, b2, o2, end_block, end_offset;
  gboolean cursor_inside;

  if (self->syncing > 0 || self->body == NULL)
    return;
  g_signal_stop_emission_by_name (buffer, "delete-range");

  if (byline_body_get_n_blocks (self->body) == 0)
    return;

  gtk_text_iter_order (start, end);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  cursor_inside = gtk_text_iter_in_range (&cursor, start, end) || gtk_text_iter_equal (&cursor, end);

  byline_body_buffer_locate (self, start, &b1, &o1);
  byline_body_buffer_locate (self, end, &b2, &o2);
  hide_figures_in (self, start, end, b1, b2);

  byline_body_buffer_begin_edit (self, BYLINE_EDIT_DELETING);
  delete_from_body (self, b1, o1, b2, o2, &end_block, &end_offset);
  byline_body_buffer_end_edit (self);
  byline_body_history_end_edit (self->history, end_block, end_offset, FALSE);

  byline_body_buffer_get_iter_at_block (self, start, end_block, end_offset);
  *end = *start;
  if (cursor_inside)
    gtk_text_buffer_place_cursor (buffer, start);
}

static void
on_insert_child_anchor (BylineBodyBuffer   *self,
                        GtkTextIter        *location,
                        GtkTextChildAnchor *anchor)
{
  /* Only the body puts figures in. */
  if (self->syncing == 0)
    g_signal_stop_emission_by_name (self, "insert-child-anchor");
}

static void
on_insert_paintable (BylineBodyBuffer *self,
                     GtkTextIter      *location,
                     GdkPaintable     *paintable)
{
  if (self->syncing == 0)
    g_signal_stop_emission_by_name (self, "insert-paintable");
}

static void
on_mark_set (BylineBodyBuffer  *self,
             const GtkTextIter *location,
             GtkTextMark       *mark)
{
  /* Moving the cursor elsewhere ends the current run of typing. */
  if (self->editing == 0 && self->syncing == 0
      && mark == gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self)))
    {
      guint block, offset;

      byline_body_buffer_locate (self, location, &block, &offset);
      byline_body_history_cursor_moved (self->history, block, offset);
    }
}

void
_byline_body_buffer_init_edit (BylineBodyBuffer *self)
{
  g_signal_connect (self, "insert-text", G_CALLBACK (on_insert_text), NULL);
  g_signal_connect (self, "delete-range", G_CALLBACK (on_delete_range), NULL);
  g_signal_connect (self, "insert-child-anchor", G_CALLBACK (on_insert_child_anchor), NULL);
  g_signal_connect (self, "insert-paintable", G_CALLBACK (on_insert_paintable), NULL);
  g_signal_connect (self, "begin-user-action", G_CALLBACK (on_begin_user_action), NULL);
  g_signal_connect (self, "end-user-action", G_CALLBACK (on_end_user_action), NULL);
  g_signal_connect (self, "mark-set", G_CALLBACK (on_mark_set), NULL);
}

/* ---------------------------------------------------------------- commands */

/* The blocks and offsets the selection covers, or the cursor's word when
 * nothing is selected. */
static gboolean
get_range (BylineBodyBuffer *self,
           guint            *b1,
           guint            *o1,
           guint            *b2,
           guint            *o2)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter start, end;

  if (self->body == NULL || byline_body_get_n_blocks (self->body) == 0)
    return FALSE;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      if (gtk_text_iter_inside_word (&start) && !gtk_text_iter_starts_word (&start))
        gtk_text_iter_backward_word_start (&start);
      if (gtk_text_iter_inside_word (&end) || gtk_text_iter_starts_word (&end))
        gtk_text_iter_forward_word_end (&end);
      if (gtk_text_iter_equal (&start, &end))
        return FALSE;
    }
  byline_body_buffer_locate (self, &start, b1, o1);
  byline_body_buffer_locate (self, &end, b2, o2);
  return TRUE;
}

static gboolean
range_has_span (BylineBodyBuffer *self,
                guint             b1,
                guint             o1,
                guint             b2,
                guint             o2,
                BylineSpanKind    kind)
{
  for (guint b = b1; b <= b2; b++)
    {
      const BylineBlock *block = byline_body_get_block (self->body, b);
      const BylineSpan *spans;
      guint n_spans, from, to, covered;

      if (byline_block_get_kind (block) == BYLINE_BLOCK_IMAGE)
        continue;
      from = b == b1 ? o1 : 0;
      to = b == b2 ? o2 : byline_block_get_length (block);
      if (from >= to)
        continue;

      /* Spans of one kind never overlap, so their pieces inside add up. */
      spans = byline_block_get_spans (block, &n_spans);
      covered = 0;
      for (guint i = 0; i < n_spans; i++)
        if (spans[i].kind == kind && spans[i].end > from && spans[i].start < to)
          covered += MIN (spans[i].end, to) - MAX (spans[i].start, from);
      if (covered < to - from)
        return FALSE;
    }
  return TRUE;
}

static void
apply_over_range (BylineBodyBuffer *self,
                  guint             b1,
                  guint             o1,
                  guint             b2,
                  guint             o2,
                  BylineSpanKind    kind,
                  const char       *href,
                  gboolean          set)
{
  for (guint b = b1; b <= b2; b++)
    {
      const BylineBlock *block = byline_body_get_block (self->body, b);
      guint from, to;

      if (byline_block_get_kind (block) == BYLINE_BLOCK_IMAGE)
        continue;
      from = b == b1 ? o1 : 0;
      to = b == b2 ? o2 : byline_block_get_length (block);
      if (from < to)
        byline_body_apply_span (self->body, b, from, to, kind, href, set);
    }
}

void
byline_body_buffer_toggle_span (BylineBodyBuffer *self,
                                BylineSpanKind    kind)
{
  guint b1, o1, b2, o2;

  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));
  g_return_if_fail (kind != BYLINE_SPAN_LINK);

  if (!get_range (self, &b1, &o1, &b2, &o2))
    return;
  byline_body_buffer_begin_edit (self, BYLINE_EDIT_OTHER);
  apply_over_range (self, b1, o1, b2, o2, kind, NULL,
                    !range_has_span (self, b1, o1, b2, o2, kind));
  byline_body_buffer_end_edit (self);
}

void
byline_body_buffer_set_link (BylineBodyBuffer *self,
                             const char       *href)
{
  guint b1, o1, b2, o2;

  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));

  if (!get_range (self, &b1, &o1, &b2, &o2))
    return;
  byline_body_buffer_begin_edit (self, BYLINE_EDIT_OTHER);
  apply_over_range (self, b1, o1, b2, o2, BYLINE_SPAN_LINK, href,
                    href != NULL && *href != '\0');
  byline_body_buffer_end_edit (self);
}

static const BylineSpan *
span_at_cursor (BylineBodyBuffer *self,
                BylineSpanKind    kind)
{
  const BylineBlock *block;
  const BylineSpan *spans;
  guint b, o, n_spans;

  if (!byline_body_buffer_locate_cursor (self, &b, &o))
    return NULL;
  block = byline_body_get_block (self->body, b);
  spans = byline_block_get_spans (block, &n_spans);
  for (guint i = 0; i < n_spans; i++)
    /* Spans do not grow at their end, so the cursor is in one only before it. */
    if (spans[i].kind == kind && spans[i].start <= o && o < spans[i].end)
      return &spans[i];
  return NULL;
}

char *
byline_body_buffer_dup_link_at_cursor (BylineBodyBuffer *self)
{
  const BylineSpan *span;

  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), NULL);

  span = span_at_cursor (self, BYLINE_SPAN_LINK);
  return span != NULL ? g_strdup (span->href) : NULL;
}

gboolean
byline_body_buffer_has_span_at_cursor (BylineBodyBuffer *self,
                                       BylineSpanKind    kind)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  guint b1, o1, b2, o2;

  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), FALSE);

  if (gtk_text_buffer_get_has_selection (buffer) && get_range (self, &b1, &o1, &b2, &o2))
    return range_has_span (self, b1, o1, b2, o2, kind);
  return span_at_cursor (self, kind) != NULL;
}

void
byline_body_buffer_set_block_kind (BylineBodyBuffer *self,
                                   BylineBlockKind   kind)
{
  guint b1, b2;

  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));
  g_return_if_fail (byline_block_kind_is_text (kind));

  if (self->body == NULL)
    return;

  byline_body_buffer_begin_edit (self, BYLINE_EDIT_OTHER);
  if (byline_body_get_n_blocks (self->body) == 0)
    byline_body_insert_block (self->body, 0, kind, "");

  byline_body_buffer_get_selected_blocks (self, &b1, &b2);
  for (guint b = b1; b <= b2; b++)
    if (!_byline_body_buffer_is_image_block (self, b))
      byline_body_set_block_kind (self->body, b, kind);
  byline_body_buffer_end_edit (self);
}

void
byline_body_buffer_get_selected_blocks (BylineBodyBuffer *self,
                                        guint            *first,
                                        guint            *last)
{
  GtkTextIter start, end;

  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));

  gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self), &start, &end);
  byline_body_buffer_locate (self, &start, first, NULL);
  byline_body_buffer_locate (self, &end, last, NULL);
  /* A selection that ends at the start of a line does not take that line. */
  if (*last > *first && gtk_text_iter_starts_line (&end))
    (*last)--;
}

gboolean
byline_body_buffer_move_blocks (BylineBodyBuffer *self,
                                guint             first,
                                guint             last,
                                guint             to)
{
  guint n;

  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), FALSE);

  if (self->body == NULL || first > last || last >= byline_body_get_n_blocks (self->body)
      || to > byline_body_get_n_blocks (self->body) || (to >= first && to <= last + 1))
    return FALSE;
  /* Blocks not shown yet (a long story still loading) must be, to move. */
  byline_body_buffer_show_all (self);
  n = last - first + 1;
  byline_body_buffer_begin_edit (self, BYLINE_EDIT_OTHER);
  for (guint i = 0; i < n; i++)
    {
      if (to > last)
        byline_body_move_block (self->body, first, to - 1);
      else
        byline_body_move_block (self->body, first + i, to + i);
    }
  byline_body_buffer_end_edit (self);
  byline_body_history_break (self->history);
  return TRUE;
}

gboolean
byline_body_buffer_move_selected_blocks (BylineBodyBuffer *self,
                                         gboolean          down)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter start, end;
  guint first, last, start_offset = 0, end_block = 0, end_offset = 0;
  gboolean selected, end_after;
  int delta;

  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), FALSE);

  if (self->body == NULL || byline_body_get_n_blocks (self->body) == 0)
    return FALSE;
  selected = gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  byline_body_buffer_get_selected_blocks (self, &first, &last);
  byline_body_buffer_locate (self, &start, &first, &start_offset);
  byline_body_buffer_locate (self, &end, &end_block, &end_offset);
  /* A selection up to the next block's start: it ends there again. */
  end_after = end_block > last;
  if (down ? !byline_body_buffer_move_blocks (self, first, last, last + 2)
           : first == 0 || !byline_body_buffer_move_blocks (self, first, last, first - 1))
    return FALSE;

  delta = down ? 1 : -1;
  byline_body_buffer_reach_block (self, &start, first + delta, start_offset);
  if (end_after)
    byline_body_buffer_reach_block (self, &end, last + delta + 1, 0);
  else
    byline_body_buffer_reach_block (self, &end, end_block + delta, end_offset);
  if (selected)
    gtk_text_buffer_select_range (buffer, &start, &end);
  else
    gtk_text_buffer_place_cursor (buffer, &start);
  return TRUE;
}

BylineBlockKind
byline_body_buffer_get_cursor_kind (BylineBodyBuffer *self)
{
  guint b;

  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), BYLINE_BLOCK_PARAGRAPH);

  if (!byline_body_buffer_locate_cursor (self, &b, NULL))
    return BYLINE_BLOCK_PARAGRAPH;
  return byline_block_get_kind (byline_body_get_block (self->body, b));
}

guint
byline_body_buffer_get_insert_block (BylineBodyBuffer *self)
{
  guint b, o;

  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), 0);

  if (!byline_body_buffer_locate_cursor (self, &b, &o))
    return 0;
  /* At the very start of a line, the picture goes above it; on an empty
   * line too, which then stays below the picture for what comes next. */
  if (o == 0 && !_byline_body_buffer_is_image_block (self, b))
    return b;
  return b + 1;
}

/* ------------------------------------------------------------------- paste */

static void
copy_block (BylineBody        *to,
            guint              index,
            const BylineBlock *block)
{
  const BylineSpan *spans;
  guint n_spans;

  byline_body_insert_block (to, index, byline_block_get_kind (block), byline_block_get_text (block));
  spans = byline_block_get_spans (block, &n_spans);
  for (guint i = 0; i < n_spans; i++)
    byline_body_apply_span (to, index, spans[i].start, spans[i].end,
                            spans[i].kind, spans[i].href, TRUE);
}

static guint
paste_body (BylineBodyBuffer          *self,
            BylineBody                *pasted,
            gboolean                   as_blocks,
            BylineBodyBufferImageFunc  add_image,
            gpointer                   user_data)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter start, end;
  guint n, b = 0, o = 0, end_block, end_offset;

  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), 0);
  g_return_val_if_fail (BYLINE_IS_BODY (pasted), 0);

  n = byline_body_get_n_blocks (pasted);
  if (self->body == NULL || n == 0)
    return 0;

  byline_body_buffer_begin_edit (self, BYLINE_EDIT_OTHER);

  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    gtk_text_buffer_delete (buffer, &start, &end);
  if (byline_body_get_n_blocks (self->body) == 0)
    byline_body_insert_block (self->body, 0, BYLINE_BLOCK_PARAGRAPH, "");
  byline_body_buffer_locate_cursor (self, &b, &o);

  if (n == 1 && !as_blocks && byline_block_get_kind (byline_body_get_block (pasted, 0)) == BYLINE_BLOCK_PARAGRAPH
      && !_byline_body_buffer_is_image_block (self, b))
    {
      /* A few words from a web page go into the line, with their bold and links. */
      const BylineBlock *block = byline_body_get_block (pasted, 0);
      const BylineSpan *spans;
      guint n_spans, before = block_length (self, b);

      byline_body_insert_text (self->body, b, o, byline_block_get_text (block));
      spans = byline_block_get_spans (block, &n_spans);
      for (guint i = 0; i < n_spans; i++)
        byline_body_apply_span (self->body, b, o + spans[i].start, o + spans[i].end,
                                spans[i].kind, spans[i].href, TRUE);
      end_block = b;
      end_offset = o + (block_length (self, b) - before);
    }
  else
    {
      guint at, added = 0;
      gboolean into_empty = !_byline_body_buffer_is_image_block (self, b) && block_length (self, b) == 0;

      if (_byline_body_buffer_is_image_block (self, b))
        at = o == 0 ? b : b + 1;
      else if (o == 0)
        at = b;
      else if (o >= block_length (self, b))
        at = b + 1;
      else
        {
          byline_body_split_block (self->body, b, o);
          at = b + 1;
        }
      for (guint i = 0; i < n; i++)
        {
          const BylineBlock *block = byline_body_get_block (pasted, i);

          if (byline_block_get_kind (block) != BYLINE_BLOCK_IMAGE)
            copy_block (self->body, at + added++, block);
          /* A picture is the caller's to add, with its own model's entry;
           * one it has not (left out) is no block. */
          else if (add_image != NULL && add_image (byline_block_get_image_id (block), at + added, user_data))
            added++;
        }

      /* Pasting into an empty line replaces it (the blocks went above it). */
      if (added > 0 && into_empty)
        byline_body_remove_block (self->body, at + added);
      if (added == 0)
        {
          byline_body_buffer_end_edit (self);
          return 0;
        }
      end_block = at + added - 1;
      end_offset = _byline_body_buffer_is_image_block (self, end_block) ? 1 : block_length (self, end_block);
      n = added;
    }

  byline_body_buffer_end_edit (self);
  byline_body_history_break (self->history);
  _byline_body_buffer_place_cursor_at (self, end_block, end_offset);
  return n;
}

guint
byline_body_buffer_paste_body (BylineBodyBuffer          *self,
                               BylineBody                *pasted,
                               BylineBodyBufferImageFunc  add_image,
                               gpointer                   user_data)
{
  return paste_body (self, pasted, FALSE, add_image, user_data);
}

guint
byline_body_buffer_paste_blocks (BylineBodyBuffer          *self,
                                 BylineBody                *pasted,
                                 BylineBodyBufferImageFunc  add_image,
                                 gpointer                   user_data)
{
  return paste_body (self, pasted, TRUE, add_image, user_data);
}

guint
byline_body_buffer_paste_html (BylineBodyBuffer *self,
                               const char       *html,
                               guint            *n_pictures)
{
  g_autoptr(BylineBody) pasted = byline_body_new ();

  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), 0);
  g_return_val_if_fail (html != NULL, 0);

  if (n_pictures != NULL)
    *n_pictures = 0;
  if (self->body == NULL)
    return 0;
  if (byline_html_paste_full (pasted, 0, html, -1, n_pictures) == 0)
    return 0;
  return byline_body_buffer_paste_body (self, pasted, NULL, NULL);
}

/* ------------------------------------------------------------- undo, redo */

static gboolean
undo_or_redo (BylineBodyBuffer *self,
              gboolean          undo)
{
  guint cursor_block = 0, cursor_offset = 0, block = 0, offset = 0;
  gboolean done;

  if (self->body == NULL)
    return FALSE;

  byline_body_buffer_locate_cursor (self, &cursor_block, &cursor_offset);
  self->applying_history++;
  if (undo)
    done = byline_body_history_undo (self->history, self->body, cursor_block, cursor_offset,
                                     &block, &offset);
  else
    done = byline_body_history_redo (self->history, self->body, cursor_block, cursor_offset,
                                     &block, &offset);
  self->applying_history--;

  if (done)
    _byline_body_buffer_place_cursor_at (self, block, offset);
  return done;
}

gboolean
byline_body_buffer_undo (BylineBodyBuffer *self)
{
  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), FALSE);
  return undo_or_redo (self, TRUE);
}

gboolean
byline_body_buffer_redo (BylineBodyBuffer *self)
{
  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), FALSE);
  return undo_or_redo (self, FALSE);
}
