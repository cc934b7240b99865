/* byline-body-buffer.c — following the body
 *
 * Every change of the body arrives as ::blocks-changed (position, removed,
 * added) or ::block-changed (index).  The lines it concerns are compared with
 * what the body now holds and only the characters that differ are replaced,
 * so that the cursor, marks and the spell checker's work survive, and typing
 * one letter changes one letter of the buffer.  Then those lines are tagged
 * again from the blocks' kinds and spans.
 *
 * A long story is shown a part at a time: its first blocks at once, the rest
 * in idle steps of a few milliseconds, so that the window shows the top of
 * the story, ready to type in, before GTK has laid out twenty thousand words
 * and measured a hundred figures.  The buffer always shows the body's first
 * n_blocks blocks, line for block: an edit of those lines is an edit of those
 * blocks, and a change of the body beyond them waits for its turn.  Going to
 * a place further down (a figure, a finding, undo) shows the rest first,
 * byline_body_buffer_reach_block(), and so does what needs all of it (the
 * end, select all, find): byline_body_buffer_show_all().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-body-buffer-private.h"

#define OBJECT_REPLACEMENT 0xFFFC
#define IMAGE_ID_KEY "byline-image-id"
#define HISTORY_LIMIT 200
/* The first blocks are shown at once, enough for a screen or two; the rest
 * in idle steps of up to STEP_USEC each.  Steps are long rather than many:
 * after each, GTK lays out and paints the window again, which costs more than
 * the step (20,000 words and 100 figures: one or two steps, the whole story
 * shown some 0.3 s after its top). */
#define FIRST_BLOCKS 40
#define STEP_BLOCKS 10
#define STEP_USEC 50000
/* After GTK's frames (GDK_PRIORITY_REDRAW) and GtkTextView's layout of the
 * lines already there; before spell checking and other background work. */
#define SHOW_MORE_PRIORITY (G_PRIORITY_HIGH_IDLE + 30)
/* Idles of that priority wait for a gap between GTK's frames, which a slow
 * machine drawing frame after frame (an animation, a list filling) may not
 * leave: then a step at least this often. */
#define NUDGE_MS 250

G_DEFINE_FINAL_TYPE (BylineBodyBuffer, byline_body_buffer, BYLINE_TYPE_SOURCE_BUFFER)

enum {
  PROP_0,
  PROP_BODY,
  PROP_COMPLETE,
  N_PROPS
};

enum {
  ANCHOR_ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One character of a region being compared: an anchor carries its picture. */
typedef struct
{
  gunichar    c;
  const char *image_id;
} Token;

/* ---------------------------------------------------------------- helpers */

const char *
byline_body_buffer_get_anchor_image_id (GtkTextChildAnchor *anchor)
{
  g_return_val_if_fail (GTK_IS_TEXT_CHILD_ANCHOR (anchor), NULL);
  return g_object_get_data (G_OBJECT (anchor), IMAGE_ID_KEY);
}

gboolean
_byline_body_buffer_is_image_block (BylineBodyBuffer *self,
                                    guint             block)
{
  return self->body != NULL
         && block < byline_body_get_n_blocks (self->body)
         && byline_block_get_kind (byline_body_get_block (self->body, block)) == BYLINE_BLOCK_IMAGE;
}

void
byline_body_buffer_get_iter_at_block (BylineBodyBuffer *self,
                                      GtkTextIter      *iter,
                                      guint             block,
                                      guint             offset)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  guint n_lines;

  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));
  g_return_if_fail (iter != NULL);

  n_lines = gtk_text_buffer_get_line_count (buffer);
  if (block >= n_lines)
    {
      gtk_text_buffer_get_end_iter (buffer, iter);
      return;
    }
  gtk_text_buffer_get_iter_at_line (buffer, iter, block);
  if (!gtk_text_iter_ends_line (iter))
    {
      GtkTextIter line_end = *iter;
      guint length;

      gtk_text_iter_forward_to_line_end (&line_end);
      length = gtk_text_iter_get_line_offset (&line_end);
      gtk_text_iter_set_line_offset (iter, MIN (offset, length));
    }
}

/**
 * byline_body_buffer_reach_block:
 *
 * As byline_body_buffer_get_iter_at_block(), for going there: a block below
 * what shows yet of a long story is shown first, with the rest.  Iters taken
 * before are not valid after it.
 *
 * Returns: %FALSE if the buffer has no line @block (@iter is then its end).
 */
gboolean
byline_body_buffer_reach_block (BylineBodyBuffer *self,
                                GtkTextIter      *iter,
                                guint             block,
                                guint             offset)
{
  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), FALSE);
  g_return_val_if_fail (iter != NULL, FALSE);

  if (block >= self->n_blocks)
    byline_body_buffer_show_all (self);
  byline_body_buffer_get_iter_at_block (self, iter, block, offset);
  return block < (guint) gtk_text_buffer_get_line_count (GTK_TEXT_BUFFER (self));
}

void
_byline_body_buffer_place_cursor_at (BylineBodyBuffer *self,
                                     guint             block,
                                     guint             offset)
{
  GtkTextIter iter;

  byline_body_buffer_reach_block (self, &iter, block, offset);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self), &iter);
}

gboolean
byline_body_buffer_locate (BylineBodyBuffer  *self,
                           const GtkTextIter *iter,
                           guint             *block,
                           guint             *offset)
{
  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), FALSE);
  g_return_val_if_fail (iter != NULL, FALSE);

  if (self->body == NULL || byline_body_get_n_blocks (self->body) == 0)
    {
      if (block != NULL)
        *block = 0;
      if (offset != NULL)
        *offset = 0;
      return FALSE;
    }
  if (block != NULL)
    *block = MIN ((guint) gtk_text_iter_get_line (iter), byline_body_get_n_blocks (self->body) - 1);
  if (offset != NULL)
    *offset = gtk_text_iter_get_line_offset (iter);
  return TRUE;
}

gboolean
byline_body_buffer_locate_cursor (BylineBodyBuffer *self,
                                  guint            *block,
                                  guint            *offset)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter iter;

  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), FALSE);

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return byline_body_buffer_locate (self, &iter, block, offset);
}

int
byline_body_buffer_find_image (BylineBodyBuffer *self,
                               const char       *image_id)
{
  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), -1);

  if (self->body == NULL || image_id == NULL)
    return -1;
  return byline_body_find_image (self->body, image_id);
}

/* ------------------------------------------------------------------- tags */

static void
retag_line (BylineBodyBuffer *self,
            guint             index,
            gboolean          fresh)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  const BylineBlock *block = byline_body_get_block (self->body, index);
  const BylineSpan *spans;
  GtkTextIter start, end;
  BylineBodyTag kind_tag = N_TAGS;
  guint n_spans;

  gtk_text_buffer_get_iter_at_line (buffer, &start, index);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  /* Paragraph tags must cover the newline too, or an empty line loses them. */
  if (!gtk_text_iter_is_end (&end))
    gtk_text_iter_forward_char (&end);

  /* Text just put in an empty buffer has no tags to remove (removing
   * them line by line was a third of opening a long story's body). */
  if (!fresh)
    for (guint i = 0; i < N_TAGS; i++)
      gtk_text_buffer_remove_tag (buffer, self->tags[i], &start, &end);

  switch (byline_block_get_kind (block))
    {
    case BYLINE_BLOCK_HEADING1: kind_tag = TAG_HEADING1; break;
    case BYLINE_BLOCK_HEADING2: kind_tag = TAG_HEADING2; break;
    case BYLINE_BLOCK_QUOTE: kind_tag = TAG_QUOTE; break;
    case BYLINE_BLOCK_BULLETED_ITEM: kind_tag = TAG_BULLETED; break;
    case BYLINE_BLOCK_NUMBERED_ITEM: kind_tag = TAG_NUMBERED; break;
    case BYLINE_BLOCK_IMAGE: kind_tag = TAG_FIGURE; break;
    case BYLINE_BLOCK_PARAGRAPH:
    default: break;
    }
  if (kind_tag != N_TAGS)
    gtk_text_buffer_apply_tag (buffer, self->tags[kind_tag], &start, &end);

  spans = byline_block_get_spans (block, &n_spans);
  for (guint i = 0; i < n_spans; i++)
    {
      GtkTextIter span_start = start, span_end = start;
      BylineBodyTag tag;

      switch (spans[i].kind)
        {
        case BYLINE_SPAN_BOLD: tag = TAG_BOLD; break;
        case BYLINE_SPAN_ITALIC: tag = TAG_ITALIC; break;
        case BYLINE_SPAN_LINK: tag = TAG_LINK; break;
        default: continue;
        }
      gtk_text_iter_set_line_offset (&span_start, spans[i].start);
      gtk_text_iter_set_line_offset (&span_end, spans[i].end);
      gtk_text_buffer_apply_tag (buffer, self->tags[tag], &span_start, &span_end);
    }
}

static void
create_tags (BylineBodyBuffer *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);

  self->tags[TAG_HEADING1] =
    gtk_text_buffer_create_tag (buffer, "byline-heading1",
                                "weight", PANGO_WEIGHT_BOLD,
                                "scale", 1.45,
                                "pixels-above-lines", 14,
                                NULL);
  self->tags[TAG_HEADING2] =
    gtk_text_buffer_create_tag (buffer, "byline-heading2",
                                "weight", PANGO_WEIGHT_BOLD,
                                "scale", 1.2,
                                "pixels-above-lines", 8,
                                NULL);
  self->tags[TAG_QUOTE] =
    gtk_text_buffer_create_tag (buffer, "byline-quote",
                                "style", PANGO_STYLE_ITALIC,
                                "left-margin", 28,
                                "right-margin", 28,
                                NULL);
  self->tags[TAG_BULLETED] =
    gtk_text_buffer_create_tag (buffer, "byline-bulleted-item",
                                "left-margin", 32,
                                NULL);
  self->tags[TAG_NUMBERED] =
    gtk_text_buffer_create_tag (buffer, "byline-numbered-item",
                                "left-margin", 32,
                                NULL);
  self->tags[TAG_FIGURE] =
    gtk_text_buffer_create_tag (buffer, "byline-figure",
                                "justification", GTK_JUSTIFY_CENTER,
                                "pixels-above-lines", 6,
                                NULL);
  self->tags[TAG_BOLD] =
    gtk_text_buffer_create_tag (buffer, "byline-bold",
                                "weight", PANGO_WEIGHT_BOLD,
                                NULL);
  self->tags[TAG_ITALIC] =
    gtk_text_buffer_create_tag (buffer, "byline-italic",
                                "style", PANGO_STYLE_ITALIC,
                                NULL);
  self->tags[TAG_LINK] =
    gtk_text_buffer_create_tag (buffer, "byline-link",
                                "underline", PANGO_UNDERLINE_SINGLE,
                                "foreground", "#1c71d8",
                                NULL);
}

/* ---------------------------------------------------------- model → buffer */

static void
append_text_tokens (GArray     *tokens,
                    const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      Token token = { g_utf8_get_char (p), NULL };
      g_array_append_val (tokens, token);
    }
}

static void
append_block_tokens (BylineBodyBuffer *self,
                     GArray           *tokens,
                     guint             index)
{
  const BylineBlock *block = byline_body_get_block (self->body, index);

  if (byline_block_get_kind (block) == BYLINE_BLOCK_IMAGE)
    {
      Token token = { OBJECT_REPLACEMENT, byline_block_get_image_id (block) };
      g_array_append_val (tokens, token);
    }
  else
    append_text_tokens (tokens, byline_block_get_text (block));
}

/* What the buffer shows between @start and @end, anchors with their pictures. */
static GArray *
buffer_tokens (BylineBodyBuffer  *self,
               const GtkTextIter *start,
               const GtkTextIter *end)
{
  g_autofree char *slice = gtk_text_iter_get_slice (start, end);
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  guint offset = 0;

  for (const char *p = slice; *p; p = g_utf8_next_char (p), offset++)
    {
      Token token = { g_utf8_get_char (p), NULL };

      if (token.c == OBJECT_REPLACEMENT)
        {
          GtkTextIter iter = *start;
          GtkTextChildAnchor *anchor;

          gtk_text_iter_forward_chars (&iter, offset);
          anchor = gtk_text_iter_get_child_anchor (&iter);
          /* An anchor without a picture never matches one with a picture. */
          if (anchor != NULL)
            token.image_id = byline_body_buffer_get_anchor_image_id (anchor) ?: "";
        }
      g_array_append_val (tokens, token);
    }
  return tokens;
}

static inline gboolean
token_equal (const Token *a,
             const Token *b)
{
  return a->c == b->c && g_strcmp0 (a->image_id, b->image_id) == 0;
}

/* Makes the text between @start and @end read as @tokens, changing as few
 * characters as it can. */
static void
replace_region (BylineBodyBuffer *self,
                GtkTextIter      *start,
                GtkTextIter      *end,
                GArray           *tokens,
                GPtrArray        *new_anchors)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  g_autoptr(GArray) old = buffer_tokens (self, start, end);
  g_autoptr(GString) run = g_string_new (NULL);
  guint prefix = 0, suffix = 0;
  GtkTextIter from, to;
  int start_offset = gtk_text_iter_get_offset (start);

  while (prefix < old->len && prefix < tokens->len
         && token_equal (&g_array_index (old, Token, prefix), &g_array_index (tokens, Token, prefix)))
    prefix++;
  while (suffix < old->len - prefix && suffix < tokens->len - prefix
         && token_equal (&g_array_index (old, Token, old->len - 1 - suffix),
                         &g_array_index (tokens, Token, tokens->len - 1 - suffix)))
    suffix++;

  if (prefix == old->len && prefix == tokens->len)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &from, start_offset + prefix);
  gtk_text_buffer_get_iter_at_offset (buffer, &to, start_offset + old->len - suffix);
  if (!gtk_text_iter_equal (&from, &to))
    gtk_text_buffer_delete (buffer, &from, &to);

  for (guint i = prefix; i < tokens->len - suffix; i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);

      if (token->image_id == NULL)
        {
          g_string_append_unichar (run, token->c);
          continue;
        }
      if (run->len > 0)
        {
          gtk_text_buffer_insert (buffer, &from, run->str, run->len);
          g_string_truncate (run, 0);
        }
      {
        g_autoptr(GtkTextChildAnchor) anchor = gtk_text_child_anchor_new ();

        g_object_set_data_full (G_OBJECT (anchor), IMAGE_ID_KEY,
                                g_strdup (token->image_id), g_free);
        gtk_text_buffer_insert_child_anchor (buffer, &from, anchor);
        g_ptr_array_add (new_anchors, g_object_ref (anchor));
      }
    }
  if (run->len > 0)
    gtk_text_buffer_insert (buffer, &from, run->str, run->len);
}

static void
emit_anchors (BylineBodyBuffer *self,
              GPtrArray        *anchors)
{
  for (guint i = 0; i < anchors->len; i++)
    {
      GtkTextChildAnchor *anchor = g_ptr_array_index (anchors, i);

      if (!gtk_text_child_anchor_get_deleted (anchor))
        g_signal_emit (self, signals[ANCHOR_ADDED], 0, anchor,
                       byline_body_buffer_get_anchor_image_id (anchor));
    }
}

static void
forget_history_unless_ours (BylineBodyBuffer *self)
{
  /* The body changed from elsewhere (a picture removed in the caption panel,
   * a restored version): earlier snapshots no longer fit the article. */
  if (self->editing == 0 && self->applying_history == 0)
    byline_body_history_clear (self->history);
}

/* Makes lines @position to @position + @removed of the buffer (of its
 * n_blocks) show the body's blocks @position to @position + @added. */
static void
show_blocks (BylineBodyBuffer *self,
             guint             position,
             guint             removed,
             guint             added)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GPtrArray) anchors = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_n = self->n_blocks;
  guint new_n = old_n - removed + added;
  GtkTextIter start, end;

  for (guint i = position; i < position + added; i++)
    {
      if (i > position)
        {
          Token newline = { '\n', NULL };
          g_array_append_val (tokens, newline);
        }
      append_block_tokens (self, tokens, i);
    }

  if (old_n == 0)
    {
      /* The buffer is one empty line that stands for no block at all. */
      gtk_text_buffer_get_bounds (buffer, &start, &end);
    }
  else if (removed > 0 && added > 0)
    {
      gtk_text_buffer_get_iter_at_line (buffer, &start, position);
      gtk_text_buffer_get_iter_at_line (buffer, &end, position + removed - 1);
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
    }
  else if (removed == 0)
    {
      Token newline = { '\n', NULL };

      if (position < old_n)
        {
          gtk_text_buffer_get_iter_at_line (buffer, &start, position);
          g_array_append_val (tokens, newline);
        }
      else
        {
          gtk_text_buffer_get_end_iter (buffer, &start);
          g_array_prepend_val (tokens, newline);
        }
      end = start;
    }
  else if (new_n == 0)
    gtk_text_buffer_get_bounds (buffer, &start, &end);
  else if (position + removed < old_n)
    {
      gtk_text_buffer_get_iter_at_line (buffer, &start, position);
      gtk_text_buffer_get_iter_at_line (buffer, &end, position + removed);
    }
  else
    {
      gtk_text_buffer_get_iter_at_line (buffer, &start, position - 1);
      if (!gtk_text_iter_ends_line (&start))
        gtk_text_iter_forward_to_line_end (&start);
      gtk_text_buffer_get_end_iter (buffer, &end);
    }

  self->syncing++;
  replace_region (self, &start, &end, tokens, anchors);
  self->n_blocks = new_n;
  for (guint i = position; i < position + added; i++)
    retag_line (self, i, old_n == 0);
  /* A numbered list below renumbers itself: views redraw on ::changed. */
  self->syncing--;

  g_assert (new_n == 0 || (guint) gtk_text_buffer_get_line_count (buffer) == new_n);
  emit_anchors (self, anchors);
}

/* Blocks of the body not shown yet (0 too while the buffer follows a change
 * that removed blocks: the body has fewer than the buffer for that moment). */
static guint
n_pending (BylineBodyBuffer *self)
{
  guint n = self->body != NULL ? byline_body_get_n_blocks (self->body) : 0;

  return n > self->n_blocks ? n - self->n_blocks : 0;
}

static void
on_blocks_changed (BylineBodyBuffer *self,
                   guint             position,
                   guint             removed,
                   guint             added,
                   BylineBody       *body)
{
  guint old_body_n = byline_body_get_n_blocks (body) + removed - added;

  forget_history_unless_ours (self);

  if (self->n_blocks < old_body_n)
    {
      /* Below what is shown yet: shown in its turn. */
      if (position >= self->n_blocks)
        return;
      /* Across the end of what is shown: the new blocks show at once. */
      removed = MIN (removed, self->n_blocks - position);
    }
  show_blocks (self, position, removed, added);
}

static void
stop_showing (BylineBodyBuffer *self)
{
  g_clear_handle_id (&self->show_more_id, g_source_remove);
  g_clear_handle_id (&self->nudge_id, g_source_remove);
}

static void
done_showing (BylineBodyBuffer *self)
{
  g_debug ("Body: %u blocks shown in %u steps over %.1f ms", self->n_blocks, self->n_steps,
           (g_get_monotonic_time () - self->shown_since) / 1000.0);
  stop_showing (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

static gboolean
mark_at_end (GtkTextBuffer *buffer,
             GtkTextMark   *mark)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, mark);
  return gtk_text_iter_is_end (&iter);
}

/* One step, for the idle or the timer: G_SOURCE_CONTINUE while more is left. */
static gboolean
take_step (BylineBodyBuffer *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextMark *insert = gtk_text_buffer_get_insert (buffer);
  GtkTextMark *bound = gtk_text_buffer_get_selection_bound (buffer);
  gboolean insert_at_end = mark_at_end (buffer, insert);
  gboolean bound_at_end = mark_at_end (buffer, bound);
  int end = gtk_text_buffer_get_char_count (buffer);
  gint64 until = g_get_monotonic_time () + STEP_USEC;

  /* What is shown is appended at the end, and a cursor there would go along
   * with it: it is put back before anyone hears that it may have moved
   * (the body view selects the picture of a figure the cursor is at). */
  g_object_freeze_notify (G_OBJECT (self));
  /* (Nothing may be left: the body lost its last blocks meanwhile.) */
  while (n_pending (self) > 0)
    {
      show_blocks (self, self->n_blocks, 0, MIN (n_pending (self), STEP_BLOCKS));
      if (g_get_monotonic_time () >= until)
        break;
    }
  if (insert_at_end || bound_at_end)
    {
      GtkTextIter insert_iter, bound_iter;

      gtk_text_buffer_get_iter_at_mark (buffer, &insert_iter, insert);
      gtk_text_buffer_get_iter_at_mark (buffer, &bound_iter, bound);
      if (insert_at_end)
        gtk_text_buffer_get_iter_at_offset (buffer, &insert_iter, end);
      if (bound_at_end)
        gtk_text_buffer_get_iter_at_offset (buffer, &bound_iter, end);
      gtk_text_buffer_select_range (buffer, &insert_iter, &bound_iter);
    }
  g_object_thaw_notify (G_OBJECT (self));
  self->n_steps++;
  if (n_pending (self) > 0)
    return G_SOURCE_CONTINUE;
  done_showing (self);
  return G_SOURCE_REMOVE;
}

static gboolean
show_more (gpointer data)
{
  BylineBodyBuffer *self = data;

  self->stepped = TRUE;
  return take_step (self);
}

static gboolean
nudge (gpointer data)
{
  BylineBodyBuffer *self = data;

  if (self->stepped)
    {
      self->stepped = FALSE;
      return G_SOURCE_CONTINUE;
    }
  return take_step (self);
}

static void
start_showing (BylineBodyBuffer *self)
{
  self->show_more_id = g_idle_add_full (SHOW_MORE_PRIORITY, show_more, self, NULL);
  self->nudge_id = g_timeout_add (NUDGE_MS, nudge, self);
  self->stepped = FALSE;
  self->shown_since = g_get_monotonic_time ();
  self->n_steps = 0;
}

/**
 * byline_body_buffer_show_all:
 *
 * Shows at once the part of a long story not shown yet, for what needs a
 * place in it.  Iters into the buffer are not valid after it.
 */
void
byline_body_buffer_show_all (BylineBodyBuffer *self)
{
  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));

  /* Not while the buffer follows a change of the body (a handler of the
   * cursor moving, say): the body already has it, the buffer not yet, and
   * what looks pending is that change. */
  if (self->syncing > 0)
    return;
  if (n_pending (self) > 0)
    show_blocks (self, self->n_blocks, 0, n_pending (self));
  if (self->show_more_id != 0)
    done_showing (self);
}

/**
 * byline_body_buffer_get_complete:
 *
 * Returns: whether the buffer shows the whole body (%FALSE for a moment
 *   after a long story is set).
 */
gboolean
byline_body_buffer_get_complete (BylineBodyBuffer *self)
{
  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), FALSE);
  return n_pending (self) == 0;
}

static void
on_block_changed (BylineBodyBuffer *self,
                  guint             index,
                  BylineBody       *body)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GPtrArray) anchors = g_ptr_array_new_with_free_func (g_object_unref);
  GtkTextIter start, end;

  forget_history_unless_ours (self);
  if (index >= self->n_blocks)
    return;

  append_block_tokens (self, tokens, index);
  gtk_text_buffer_get_iter_at_line (buffer, &start, index);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);

  self->syncing++;
  replace_region (self, &start, &end, tokens, anchors);
  retag_line (self, index, FALSE);
  self->syncing--;

  emit_anchors (self, anchors);
}

void
byline_body_buffer_set_body (BylineBodyBuffer *self,
                             BylineBody       *body)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter start, end;

  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));
  g_return_if_fail (body == NULL || BYLINE_IS_BODY (body));

  if (self->body == body)
    return;

  if (self->body != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->body, self);
      g_clear_object (&self->body);
    }
  stop_showing (self);

  self->syncing++;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  self->syncing--;
  self->n_blocks = 0;
  byline_body_history_clear (self->history);

  if (body != NULL)
    {
      self->body = g_object_ref (body);
      g_signal_connect_swapped (body, "blocks-changed", G_CALLBACK (on_blocks_changed), self);
      g_signal_connect_swapped (body, "block-changed", G_CALLBACK (on_block_changed), self);
      if (byline_body_get_n_blocks (body) > 0)
        show_blocks (self, 0, 0, MIN (byline_body_get_n_blocks (body), FIRST_BLOCKS));
      /* Before a view lays the first part out: then, a step at each idle. */
      if (n_pending (self) > 0)
        start_showing (self);
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_place_cursor (buffer, &start);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

BylineBody *
byline_body_buffer_get_body (BylineBodyBuffer *self)
{
  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), NULL);
  return self->body;
}

BylineBodyHistory *
byline_body_buffer_get_history (BylineBodyBuffer *self)
{
  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), NULL);
  return self->history;
}

/* ------------------------------------------------------------------ GObject */

static void
byline_body_buffer_dispose (GObject *object)
{
  BylineBodyBuffer *self = BYLINE_BODY_BUFFER (object);

  if (self->body != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->body, self);
      g_clear_object (&self->body);
    }
  stop_showing (self);

  G_OBJECT_CLASS (byline_body_buffer_parent_class)->dispose (object);
}

static void
byline_body_buffer_finalize (GObject *object)
{
  BylineBodyBuffer *self = BYLINE_BODY_BUFFER (object);

  g_clear_object (&self->history);

  G_OBJECT_CLASS (byline_body_buffer_parent_class)->finalize (object);
}

static void
byline_body_buffer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BylineBodyBuffer *self = BYLINE_BODY_BUFFER (object);

  switch (prop_id)
    {
    case PROP_BODY: g_value_set_object (value, self->body); break;
    case PROP_COMPLETE: g_value_set_boolean (value, byline_body_buffer_get_complete (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_body_buffer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BylineBodyBuffer *self = BYLINE_BODY_BUFFER (object);

  switch (prop_id)
    {
    case PROP_BODY: byline_body_buffer_set_body (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_body_buffer_constructed (GObject *object)
{
  BylineBodyBuffer *self = BYLINE_BODY_BUFFER (object);

  G_OBJECT_CLASS (byline_body_buffer_parent_class)->constructed (object);

  /* Undo is the body's, through snapshots: the buffer's own history would
   * undo half an edit (text without its spans and kinds). */
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self), FALSE);
  gtk_source_buffer_set_highlight_matching_brackets (GTK_SOURCE_BUFFER (self), FALSE);
  /* The tag table exists only once construction has set it. */
  create_tags (self);
  _byline_body_buffer_init_edit (self);
}

static void
byline_body_buffer_class_init (BylineBodyBufferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = byline_body_buffer_constructed;
  object_class->dispose = byline_body_buffer_dispose;
  object_class->finalize = byline_body_buffer_finalize;
  object_class->get_property = byline_body_buffer_get_property;
  object_class->set_property = byline_body_buffer_set_property;

  properties[PROP_BODY] =
    g_param_spec_object ("body", NULL, NULL, BYLINE_TYPE_BODY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the whole body shows: FALSE for a moment after a long story is set. */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BylineBodyBuffer::anchor-added:
   * @anchor: the anchor of a new figure
   * @image_id: the picture it shows
   *
   * Views put a figure widget at @anchor.
   */
  signals[ANCHOR_ADDED] =
    g_signal_new ("anchor-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  GTK_TYPE_TEXT_CHILD_ANCHOR, G_TYPE_STRING);
}

static void
byline_body_buffer_init (BylineBodyBuffer *self)
{
  self->history = byline_body_history_new (HISTORY_LIMIT);
}

BylineBodyBuffer *
byline_body_buffer_new (void)
{
  return g_object_new (BYLINE_TYPE_BODY_BUFFER, NULL);
}
