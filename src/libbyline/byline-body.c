/* byline-body.c
 *
 * The body is the one truth an editor view mirrors: every edit goes through the
 * functions below, and each one says what it changed through two signals:
 *
 *   ::blocks-changed (position, removed, added) — blocks were replaced, as
 *     GListModel::items-changed says it (a split is 1 removed, 2 added);
 *   ::block-changed (index) — the text, spans or kind of one block changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include <string.h>

#include "byline-body-private.h"
#include "byline-text.h"

struct _BylineBlock
{
  BylineBlockKind  kind;
  char            *text;
  guint            length;   /* in characters */
  int              words;    /* byline_text_count_words (text), or -1: not counted yet */
  GArray          *spans;    /* BylineSpan, sorted by start then kind */
  char            *image_id;
  JsonObject      *extra;
};

struct _BylineBody
{
  GObject    parent_instance;
  GPtrArray *blocks;
};

G_DEFINE_FINAL_TYPE (BylineBody, byline_body, G_TYPE_OBJECT)

enum {
  BLOCKS_CHANGED,
  BLOCK_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *block_kind_names[] = {
  [BYLINE_BLOCK_PARAGRAPH] = "paragraph",
  [BYLINE_BLOCK_HEADING1] = "heading1",
  [BYLINE_BLOCK_HEADING2] = "heading2",
  [BYLINE_BLOCK_QUOTE] = "quote",
  [BYLINE_BLOCK_BULLETED_ITEM] = "bulleted-item",
  [BYLINE_BLOCK_NUMBERED_ITEM] = "numbered-item",
  [BYLINE_BLOCK_IMAGE] = "image",
};

static const char *span_kind_names[] = {
  [BYLINE_SPAN_BOLD] = "bold",
  [BYLINE_SPAN_ITALIC] = "italic",
  [BYLINE_SPAN_LINK] = "link",
};

/* ----------------------------------------------------------------- blocks */

static void
span_clear (gpointer data)
{
  BylineSpan *span = data;
  g_clear_pointer (&span->href, g_free);
}

/* Text as it may sit inside one block: NFC, no control characters, no newline. */
static char *
clean_inline_text (const char *text)
{
  char *clean = byline_text_normalize (text, -1);

  for (char *p = clean; *p; p++)
    if (*p == '\n')
      *p = ' ';
  return clean;
}

static BylineBlock *
block_new (BylineBlockKind  kind,
           const char      *text,
           const char      *image_id)
{
  BylineBlock *block = g_new0 (BylineBlock, 1);

  block->kind = kind;
  block->text = clean_inline_text (text);
  block->length = g_utf8_strlen (block->text, -1);
  block->words = -1;
  block->spans = g_array_new (FALSE, FALSE, sizeof (BylineSpan));
  g_array_set_clear_func (block->spans, span_clear);
  block->image_id = g_strdup (image_id);
  return block;
}

static void
block_free (gpointer data)
{
  BylineBlock *block = data;

  g_free (block->text);
  g_array_unref (block->spans);
  g_free (block->image_id);
  g_clear_pointer (&block->extra, json_object_unref);
  g_free (block);
}

static BylineBlock *
block_copy (const BylineBlock *block)
{
  BylineBlock *copy = g_new0 (BylineBlock, 1);

  copy->kind = block->kind;
  copy->text = g_strdup (block->text);
  copy->length = block->length;
  copy->words = block->words;
  copy->spans = g_array_sized_new (FALSE, FALSE, sizeof (BylineSpan), block->spans->len);
  g_array_set_clear_func (copy->spans, span_clear);
  for (guint i = 0; i < block->spans->len; i++)
    {
      BylineSpan span = g_array_index (block->spans, BylineSpan, i);
      span.href = g_strdup (span.href);
      g_array_append_val (copy->spans, span);
    }
  copy->image_id = g_strdup (block->image_id);
  if (block->extra != NULL)
    copy->extra = json_object_ref (block->extra);
  return copy;
}

static gboolean
block_equal (const BylineBlock *a,
             const BylineBlock *b)
{
  if (a->kind != b->kind
      || g_strcmp0 (a->text, b->text) != 0
      || g_strcmp0 (a->image_id, b->image_id) != 0
      || a->spans->len != b->spans->len)
    return FALSE;

  for (guint i = 0; i < a->spans->len; i++)
    {
      const BylineSpan *x = &g_array_index (a->spans, BylineSpan, i);
      const BylineSpan *y = &g_array_index (b->spans, BylineSpan, i);

      if (x->start != y->start || x->end != y->end || x->kind != y->kind
          || g_strcmp0 (x->href, y->href) != 0)
        return FALSE;
    }
  return TRUE;
}

static int
span_compare (gconstpointer a,
              gconstpointer b)
{
  const BylineSpan *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return 0;
}

static gboolean
same_style (const BylineSpan *a,
            const BylineSpan *b)
{
  return a->kind == b->kind && g_strcmp0 (a->href, b->href) == 0;
}

/* Sorts the spans and merges touching or overlapping spans of the same style. */
static void
spans_normalize (GArray *spans)
{
  g_array_sort (spans, span_compare);

  for (guint i = 0; i < spans->len; i++)
    {
      BylineSpan *a = &g_array_index (spans, BylineSpan, i);

      for (guint j = i + 1; j < spans->len; )
        {
          BylineSpan *b = &g_array_index (spans, BylineSpan, j);

          if (b->start > a->end)
            break;
          if (same_style (a, b))
            {
              a->end = MAX (a->end, b->end);
              g_array_remove_index (spans, j);
              a = &g_array_index (spans, BylineSpan, i);
            }
          else
            j++;
        }
    }
}

/* Takes [start, end) out of every span of @kind, splitting where needed. */
static void
spans_cut (GArray         *spans,
           guint           start,
           guint           end,
           BylineSpanKind  kind)
{
  for (guint i = 0; i < spans->len; )
    {
      BylineSpan *span = &g_array_index (spans, BylineSpan, i);

      if (span->kind != kind || span->end <= start || span->start >= end)
        {
          i++;
          continue;
        }

      if (span->start < start && span->end > end)
        {
          BylineSpan tail = { end, span->end, span->kind, g_strdup (span->href) };

          span->end = start;
          g_array_append_val (spans, tail);
          i++;
        }
      else if (span->start < start)
        {
          span->end = start;
          i++;
        }
      else if (span->end > end)
        {
          span->start = end;
          i++;
        }
      else
        g_array_remove_index (spans, i);
    }
}

static gboolean
spans_cover (GArray         *spans,
             guint           start,
             guint           end,
             BylineSpanKind  kind)
{
  guint covered_to = start;

  for (guint i = 0; i < spans->len; i++)
    {
      const BylineSpan *span = &g_array_index (spans, BylineSpan, i);

      if (span->kind != kind || span->end <= covered_to)
        continue;
      if (span->start > covered_to)
        return FALSE;
      covered_to = span->end;
      if (covered_to >= end)
        return TRUE;
    }
  return covered_to >= end;
}

static void
spans_insert (GArray *spans,
              guint   offset,
              guint   n_chars)
{
  for (guint i = 0; i < spans->len; i++)
    {
      BylineSpan *span = &g_array_index (spans, BylineSpan, i);

      if (offset <= span->start)
        {
          span->start += n_chars;
          span->end += n_chars;
        }
      else if (offset < span->end)
        span->end += n_chars;
    }
}

static guint
map_deleted (guint x,
             guint offset,
             guint n_chars)
{
  if (x < offset)
    return x;
  if (x < offset + n_chars)
    return offset;
  return x - n_chars;
}

static void
spans_delete (GArray *spans,
              guint   offset,
              guint   n_chars)
{
  for (guint i = 0; i < spans->len; )
    {
      BylineSpan *span = &g_array_index (spans, BylineSpan, i);

      span->start = map_deleted (span->start, offset, n_chars);
      span->end = map_deleted (span->end, offset, n_chars);
      if (span->start >= span->end)
        g_array_remove_index (spans, i);
      else
        i++;
    }
  spans_normalize (spans);
}

static void
block_set_text_internal (BylineBlock *block,
                         char        *text)
{
  g_free (block->text);
  block->text = text;
  block->length = g_utf8_strlen (text, -1);
  block->words = -1;
}

/* ------------------------------------------------------------------ object */

static void
byline_body_finalize (GObject *object)
{
  BylineBody *self = (BylineBody *)object;

  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_body_parent_class)->finalize (object);
}

static void
byline_body_class_init (BylineBodyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_body_finalize;

  signals[BLOCKS_CHANGED] =
    g_signal_new ("blocks-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  signals[BLOCK_CHANGED] =
    g_signal_new ("block-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
byline_body_init (BylineBody *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
}

BylineBody *
byline_body_new (void)
{
  return g_object_new (BYLINE_TYPE_BODY, NULL);
}

static inline BylineBlock *
get_block (BylineBody *self,
           guint       index)
{
  return g_ptr_array_index (self->blocks, index);
}

static void
emit_blocks_changed (BylineBody *self,
                     guint       position,
                     guint       removed,
                     guint       added)
{
  g_signal_emit (self, signals[BLOCKS_CHANGED], 0, position, removed, added);
}

static void
emit_block_changed (BylineBody *self,
                    guint       index)
{
  g_signal_emit (self, signals[BLOCK_CHANGED], 0, index);
}

void
byline_body_copy_from (BylineBody *self,
                       BylineBody *other)
{
  g_return_if_fail (BYLINE_IS_BODY (other));

  byline_body_copy_blocks_from (self, other, 0, other->blocks->len);
}

void
byline_body_copy_blocks_from (BylineBody *self,
                              BylineBody *other,
                              guint       first,
                              guint       n)
{
  guint old_len;

  g_return_if_fail (BYLINE_IS_BODY (self));
  g_return_if_fail (BYLINE_IS_BODY (other));

  if (self == other)
    return;

  first = MIN (first, other->blocks->len);
  n = MIN (n, other->blocks->len - first);
  old_len = self->blocks->len;
  g_ptr_array_set_size (self->blocks, 0);
  for (guint i = first; i < first + n; i++)
    g_ptr_array_add (self->blocks, block_copy (get_block (other, i)));
  emit_blocks_changed (self, 0, old_len, self->blocks->len);
}

gboolean
byline_body_equal (BylineBody *self,
                   BylineBody *other)
{
  g_return_val_if_fail (BYLINE_IS_BODY (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_BODY (other), FALSE);

  if (self->blocks->len != other->blocks->len)
    return FALSE;
  for (guint i = 0; i < self->blocks->len; i++)
    if (!block_equal (get_block (self, i), get_block (other, i)))
      return FALSE;
  return TRUE;
}

guint
byline_body_get_n_blocks (BylineBody *self)
{
  g_return_val_if_fail (BYLINE_IS_BODY (self), 0);
  return self->blocks->len;
}

const BylineBlock *
byline_body_get_block (BylineBody *self,
                       guint       index)
{
  g_return_val_if_fail (BYLINE_IS_BODY (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return get_block (self, index);
}

guint
byline_body_insert_block (BylineBody      *self,
                          guint            index,
                          BylineBlockKind  kind,
                          const char      *text)
{
  g_return_val_if_fail (BYLINE_IS_BODY (self), 0);
  g_return_val_if_fail (byline_block_kind_is_text (kind), 0);

  index = MIN (index, self->blocks->len);
  g_ptr_array_insert (self->blocks, index, block_new (kind, text, NULL));
  emit_blocks_changed (self, index, 0, 1);
  return index;
}

guint
byline_body_append_block (BylineBody      *self,
                          BylineBlockKind  kind,
                          const char      *text)
{
  g_return_val_if_fail (BYLINE_IS_BODY (self), 0);
  return byline_body_insert_block (self, self->blocks->len, kind, text);
}

guint
byline_body_insert_image (BylineBody *self,
                          guint       index,
                          const char *image_id)
{
  g_return_val_if_fail (BYLINE_IS_BODY (self), 0);
  g_return_val_if_fail (image_id != NULL && *image_id, 0);

  index = MIN (index, self->blocks->len);
  g_ptr_array_insert (self->blocks, index, block_new (BYLINE_BLOCK_IMAGE, "", image_id));
  emit_blocks_changed (self, index, 0, 1);
  return index;
}

void
byline_body_remove_block (BylineBody *self,
                          guint       index)
{
  g_return_if_fail (BYLINE_IS_BODY (self));
  g_return_if_fail (index < self->blocks->len);

  g_ptr_array_remove_index (self->blocks, index);
  emit_blocks_changed (self, index, 1, 0);
}

void
byline_body_move_block (BylineBody *self,
                        guint       from,
                        guint       to)
{
  BylineBlock *block;

  g_return_if_fail (BYLINE_IS_BODY (self));
  g_return_if_fail (from < self->blocks->len);
  g_return_if_fail (to < self->blocks->len);

  if (from == to)
    return;

  block = g_ptr_array_steal_index (self->blocks, from);
  emit_blocks_changed (self, from, 1, 0);
  g_ptr_array_insert (self->blocks, to, block);
  emit_blocks_changed (self, to, 0, 1);
}

void
byline_body_clear (BylineBody *self)
{
  guint old_len;

  g_return_if_fail (BYLINE_IS_BODY (self));

  old_len = self->blocks->len;
  if (old_len == 0)
    return;
  g_ptr_array_set_size (self->blocks, 0);
  emit_blocks_changed (self, 0, old_len, 0);
}

void
byline_body_split_block (BylineBody *self,
                         guint       index,
                         guint       offset)
{
  BylineBlock *block, *tail;
  const char *cut;
  BylineBlockKind tail_kind;

  g_return_if_fail (BYLINE_IS_BODY (self));
  g_return_if_fail (index < self->blocks->len);

  block = get_block (self, index);
  g_return_if_fail (byline_block_kind_is_text (block->kind));

  offset = MIN (offset, block->length);
  cut = g_utf8_offset_to_pointer (block->text, offset);

  /* Enter at the end of a heading or quote starts an ordinary paragraph;
   * list items continue the list. */
  tail_kind = block->kind;
  if (offset == block->length
      && (block->kind == BYLINE_BLOCK_HEADING1 || block->kind == BYLINE_BLOCK_HEADING2))
    tail_kind = BYLINE_BLOCK_PARAGRAPH;

  tail = block_new (tail_kind, cut, NULL);
  for (guint i = 0; i < block->spans->len; i++)
    {
      const BylineSpan *span = &g_array_index (block->spans, BylineSpan, i);

      if (span->end > offset)
        {
          BylineSpan piece = {
            MAX (span->start, offset) - offset,
            span->end - offset,
            span->kind,
            g_strdup (span->href),
          };
          g_array_append_val (tail->spans, piece);
        }
    }
  spans_delete (block->spans, offset, block->length - offset);
  block_set_text_internal (block, g_strndup (block->text, cut - block->text));

  g_ptr_array_insert (self->blocks, index + 1, tail);
  emit_blocks_changed (self, index, 1, 2);
}

void
byline_body_merge_with_next (BylineBody *self,
                             guint       index)
{
  BylineBlock *block, *next;
  guint shift;

  g_return_if_fail (BYLINE_IS_BODY (self));
  g_return_if_fail (index + 1 < self->blocks->len);

  block = get_block (self, index);
  next = get_block (self, index + 1);
  g_return_if_fail (byline_block_kind_is_text (block->kind));
  g_return_if_fail (byline_block_kind_is_text (next->kind));

  shift = block->length;
  for (guint i = 0; i < next->spans->len; i++)
    {
      BylineSpan span = g_array_index (next->spans, BylineSpan, i);

      span.start += shift;
      span.end += shift;
      span.href = g_strdup (span.href);
      g_array_append_val (block->spans, span);
    }
  spans_normalize (block->spans);
  block_set_text_internal (block, g_strconcat (block->text, next->text, NULL));
  g_ptr_array_remove_index (self->blocks, index + 1);
  emit_blocks_changed (self, index, 2, 1);
}

void
byline_body_set_block_kind (BylineBody      *self,
                            guint            index,
                            BylineBlockKind  kind)
{
  BylineBlock *block;

  g_return_if_fail (BYLINE_IS_BODY (self));
  g_return_if_fail (index < self->blocks->len);
  g_return_if_fail (byline_block_kind_is_text (kind));

  block = get_block (self, index);
  g_return_if_fail (byline_block_kind_is_text (block->kind));

  if (block->kind == kind)
    return;
  block->kind = kind;
  emit_block_changed (self, index);
}

guint
byline_body_remove_image (BylineBody *self,
                          const char *image_id)
{
  guint removed = 0;

  g_return_val_if_fail (BYLINE_IS_BODY (self), 0);
  g_return_val_if_fail (image_id != NULL, 0);

  for (guint i = self->blocks->len; i > 0; i--)
    {
      BylineBlock *block = get_block (self, i - 1);

      if (block->kind == BYLINE_BLOCK_IMAGE && g_strcmp0 (block->image_id, image_id) == 0)
        {
          byline_body_remove_block (self, i - 1);
          removed++;
        }
    }
  return removed;
}

int
byline_body_find_image (BylineBody *self,
                        const char *image_id)
{
  g_return_val_if_fail (BYLINE_IS_BODY (self), -1);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      BylineBlock *block = get_block (self, i);

      if (block->kind == BYLINE_BLOCK_IMAGE && g_strcmp0 (block->image_id, image_id) == 0)
        return (int) i;
    }
  return -1;
}

int
byline_body_find_paragraph (BylineBody *self,
                            const char *text)
{
  guint best_score = 0;
  int best = -1;

  g_return_val_if_fail (BYLINE_IS_BODY (self), -1);

  for (guint i = 0; text != NULL && i < self->blocks->len && best_score < BYLINE_TEXT_SAME; i++)
    {
      const BylineBlock *block = g_ptr_array_index (self->blocks, i);
      guint score;

      if (byline_block_get_kind (block) != BYLINE_BLOCK_PARAGRAPH)
        continue;
      if ((score = byline_text_stands_for (text, byline_block_get_text (block))) > best_score)
        {
          best_score = score;
          best = (int) i;
        }
    }
  return best;
}

void
byline_body_insert_text (BylineBody *self,
                         guint       index,
                         guint       offset,
                         const char *text)
{
  BylineBlock *block;
  g_autofree char *clean = NULL;
  const char *at;
  guint n_chars;

  g_return_if_fail (BYLINE_IS_BODY (self));
  g_return_if_fail (index < self->blocks->len);
  g_return_if_fail (text != NULL);

  block = get_block (self, index);
  g_return_if_fail (byline_block_kind_is_text (block->kind));

  offset = MIN (offset, block->length);
  clean = clean_inline_text (text);
  if (*clean == '\0')
    return;

  at = g_utf8_offset_to_pointer (block->text, offset);

  /* A combining mark typed after its letter composes with it, so that the
   * stored text stays NFC ("a" + U+0300 becomes "à"): the letter is replaced by
   * the composed text, and only what that adds counts as inserted. */
  if (offset > 0 && g_unichar_ismark (g_utf8_get_char (clean)))
    {
      const char *prev = g_utf8_prev_char (at);
      g_autofree char *joined = g_strdup_printf ("%.*s%s", (int) (at - prev), prev, clean);
      g_autofree char *composed = g_utf8_normalize (joined, -1, G_NORMALIZE_NFC);

      if (composed != NULL && g_strcmp0 (composed, joined) != 0)
        {
          n_chars = g_utf8_strlen (composed, -1) - 1;
          block_set_text_internal (block,
                                   g_strdup_printf ("%.*s%s%s",
                                                    (int) (prev - block->text), block->text,
                                                    composed, at));
          if (n_chars > 0)
            spans_insert (block->spans, offset, n_chars);
          emit_block_changed (self, index);
          return;
        }
    }

  n_chars = g_utf8_strlen (clean, -1);
  block_set_text_internal (block,
                           g_strdup_printf ("%.*s%s%s",
                                            (int) (at - block->text), block->text,
                                            clean, at));
  spans_insert (block->spans, offset, n_chars);
  emit_block_changed (self, index);
}

void
byline_body_delete_text (BylineBody *self,
                         guint       index,
                         guint       offset,
                         guint       n_chars)
{
  BylineBlock *block;
  const char *from, *to;

  g_return_if_fail (BYLINE_IS_BODY (self));
  g_return_if_fail (index < self->blocks->len);

  block = get_block (self, index);
  g_return_if_fail (byline_block_kind_is_text (block->kind));

  offset = MIN (offset, block->length);
  n_chars = MIN (n_chars, block->length - offset);
  if (n_chars == 0)
    return;

  from = g_utf8_offset_to_pointer (block->text, offset);
  to = g_utf8_offset_to_pointer (from, n_chars);
  block_set_text_internal (block,
                           g_strdup_printf ("%.*s%s", (int) (from - block->text),
                                            block->text, to));
  spans_delete (block->spans, offset, n_chars);
  emit_block_changed (self, index);
}

void
byline_body_set_text (BylineBody *self,
                      guint       index,
                      const char *text)
{
  BylineBlock *block;
  g_autofree char *clean = NULL;

  g_return_if_fail (BYLINE_IS_BODY (self));
  g_return_if_fail (index < self->blocks->len);

  block = get_block (self, index);
  g_return_if_fail (byline_block_kind_is_text (block->kind));

  clean = clean_inline_text (text);
  if (g_strcmp0 (clean, block->text) == 0)
    return;
  block_set_text_internal (block, g_steal_pointer (&clean));
  g_array_set_size (block->spans, 0);
  emit_block_changed (self, index);
}

void
byline_body_apply_span (BylineBody     *self,
                        guint           index,
                        guint           start,
                        guint           end,
                        BylineSpanKind  kind,
                        const char     *href,
                        gboolean        set)
{
  BylineBlock *block;

  g_return_if_fail (BYLINE_IS_BODY (self));
  g_return_if_fail (index < self->blocks->len);
  g_return_if_fail (kind != BYLINE_SPAN_LINK || !set || (href != NULL && *href));

  block = get_block (self, index);
  g_return_if_fail (byline_block_kind_is_text (block->kind));

  end = MIN (end, block->length);
  if (start >= end)
    return;

  spans_cut (block->spans, start, end, kind);
  if (set)
    {
      BylineSpan span = {
        start, end, kind,
        kind == BYLINE_SPAN_LINK ? g_strdup (href) : NULL,
      };
      g_array_append_val (block->spans, span);
    }
  spans_normalize (block->spans);
  emit_block_changed (self, index);
}

void
byline_body_toggle_span (BylineBody     *self,
                         guint           index,
                         guint           start,
                         guint           end,
                         BylineSpanKind  kind,
                         const char     *href)
{
  BylineBlock *block;
  gboolean covered;

  g_return_if_fail (BYLINE_IS_BODY (self));
  g_return_if_fail (index < self->blocks->len);

  block = get_block (self, index);
  covered = spans_cover (block->spans, start, MIN (end, block->length), kind);
  if (!covered && kind == BYLINE_SPAN_LINK && (href == NULL || *href == '\0'))
    return;
  byline_body_apply_span (self, index, start, end, kind, href, !covered);
}

char *
byline_body_dup_plain_text (BylineBody *self)
{
  GString *out;

  g_return_val_if_fail (BYLINE_IS_BODY (self), NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      BylineBlock *block = get_block (self, i);

      if (!byline_block_kind_is_text (block->kind))
        continue;
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, block->text);
    }
  return g_string_free (out, FALSE);
}

guint
byline_body_count_words (BylineBody *self)
{
  guint words = 0;

  g_return_val_if_fail (BYLINE_IS_BODY (self), 0);

  /* Each block's count is kept until its text changes: the editor's status
   * counts a 20,000-word story again a moment after every key. */
  for (guint i = 0; i < self->blocks->len; i++)
    {
      BylineBlock *block = get_block (self, i);

      if (block->words < 0)
        block->words = byline_text_count_words (block->text);
      words += block->words;
    }
  return words;
}

guint
byline_body_count_chars (BylineBody *self)
{
  guint chars = 0;

  g_return_val_if_fail (BYLINE_IS_BODY (self), 0);

  for (guint i = 0; i < self->blocks->len; i++)
    chars += get_block (self, i)->length;
  return chars;
}

void
_byline_body_set_block_extra (BylineBody *self,
                              guint       index,
                              JsonObject *extra)
{
  BylineBlock *block = get_block (self, index);

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&block->extra, json_object_unref);
  block->extra = extra;
}

/* ------------------------------------------------------------ block access */

BylineBlockKind
byline_block_get_kind (const BylineBlock *block)
{
  g_return_val_if_fail (block != NULL, BYLINE_BLOCK_PARAGRAPH);
  return block->kind;
}

const char *
byline_block_get_text (const BylineBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  return block->text;
}

guint
byline_block_get_length (const BylineBlock *block)
{
  g_return_val_if_fail (block != NULL, 0);
  return block->length;
}

const BylineSpan *
byline_block_get_spans (const BylineBlock *block,
                        guint             *n_spans)
{
  g_return_val_if_fail (block != NULL, NULL);

  if (n_spans != NULL)
    *n_spans = block->spans->len;
  return (const BylineSpan *) (gpointer) block->spans->data;
}

const char *
byline_block_get_image_id (const BylineBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  return block->image_id;
}

JsonObject *
_byline_block_get_extra (const BylineBlock *block)
{
  return block->extra;
}

gboolean
byline_block_kind_is_text (BylineBlockKind kind)
{
  return kind != BYLINE_BLOCK_IMAGE && (guint) kind < G_N_ELEMENTS (block_kind_names);
}

const char *
byline_block_kind_to_string (BylineBlockKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (block_kind_names), NULL);
  return block_kind_names[kind];
}

gboolean
byline_block_kind_from_string (const char      *str,
                               BylineBlockKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (block_kind_names); i++)
    if (g_strcmp0 (str, block_kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
byline_span_kind_to_string (BylineSpanKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (span_kind_names), NULL);
  return span_kind_names[kind];
}

gboolean
byline_span_kind_from_string (const char     *str,
                              BylineSpanKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (span_kind_names); i++)
    if (g_strcmp0 (str, span_kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}
