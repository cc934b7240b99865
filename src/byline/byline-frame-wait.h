/* byline-frame-wait.h — work put off until a widget's window has drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _BylineFrameWait BylineFrameWait;

/* Calls @func (@data) once, from a low-priority idle after @widget is mapped
 * and its frame clock has painted a frame.  Freeing the wait first (as its
 * owner goes) cancels it; @func may free it. */
BylineFrameWait *byline_frame_wait_new  (GtkWidget       *widget,
                                         GSourceFunc      func,
                                         gpointer         data);
void             byline_frame_wait_free (BylineFrameWait *wait);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineFrameWait, byline_frame_wait_free)

G_END_DECLS
