/* byline-source-buffer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-source-buffer.h"

G_DEFINE_TYPE (BylineSourceBuffer, byline_source_buffer, GTK_SOURCE_TYPE_BUFFER)

/* Whether @tag is on any character between @start and @end. */
static gboolean
tag_touches (GtkTextTag        *tag,
             const GtkTextIter *start,
             const GtkTextIter *end)
{
  GtkTextIter iter = *start;

  if (gtk_text_iter_has_tag (&iter, tag))
    return TRUE;
  return gtk_text_iter_forward_to_tag_toggle (&iter, tag) && gtk_text_iter_compare (&iter, end) < 0;
}

/* Whether @tag is on every character between @start and @end. */
static gboolean
tag_covers (GtkTextTag        *tag,
            const GtkTextIter *start,
            const GtkTextIter *end)
{
  GtkTextIter iter = *start;

  if (!gtk_text_iter_has_tag (&iter, tag))
    return FALSE;
  return !gtk_text_iter_forward_to_tag_toggle (&iter, tag) || gtk_text_iter_compare (&iter, end) >= 0;
}

static void
byline_source_buffer_apply_tag (GtkTextBuffer     *buffer,
                                GtkTextTag        *tag,
                                const GtkTextIter *start,
                                const GtkTextIter *end)
{
  if (tag_covers (tag, start, end))
    return;
  GTK_TEXT_BUFFER_CLASS (byline_source_buffer_parent_class)->apply_tag (buffer, tag, start, end);
}

static void
byline_source_buffer_remove_tag (GtkTextBuffer     *buffer,
                                 GtkTextTag        *tag,
                                 const GtkTextIter *start,
                                 const GtkTextIter *end)
{
  if (!tag_touches (tag, start, end))
    return;
  GTK_TEXT_BUFFER_CLASS (byline_source_buffer_parent_class)->remove_tag (buffer, tag, start, end);
}

static void
byline_source_buffer_class_init (BylineSourceBufferClass *klass)
{
  GtkTextBufferClass *buffer_class = GTK_TEXT_BUFFER_CLASS (klass);

  buffer_class->apply_tag = byline_source_buffer_apply_tag;
  buffer_class->remove_tag = byline_source_buffer_remove_tag;
}

static void
byline_source_buffer_init (BylineSourceBuffer *self)
{
}

GtkSourceBuffer *
byline_source_buffer_new (void)
{
  return g_object_new (BYLINE_TYPE_SOURCE_BUFFER, NULL);
}
