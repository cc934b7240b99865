/* byline-source-buffer.h — a GtkSourceBuffer that changes tags only where they change
 *
 * GtkTextBuffer lays a range out again whenever a tag is applied to it or
 * removed from it, even where that changes nothing, and GtkTextView draws it
 * again.  Byline's text buffers retag what is typed into (styles, spans) and
 * libspelling takes its underline off every word typed: each cost a layout
 * of the paragraph and a frame per key.  This buffer applies a tag only where
 * it is missing and removes it only where it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_SOURCE_BUFFER (byline_source_buffer_get_type ())

G_DECLARE_DERIVABLE_TYPE (BylineSourceBuffer, byline_source_buffer, BYLINE, SOURCE_BUFFER, GtkSourceBuffer)

struct _BylineSourceBufferClass
{
  GtkSourceBufferClass parent_class;
};

GtkSourceBuffer *byline_source_buffer_new (void);

G_END_DECLS
