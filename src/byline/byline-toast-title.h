/* byline-toast-title.h — a toast's title that wraps, and fits the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_TOAST_TITLE (byline_toast_title_get_type ())

G_DECLARE_FINAL_TYPE (BylineToastTitle, byline_toast_title, BYLINE, TOAST_TITLE, GtkWidget)

GtkWidget  *byline_toast_title_new      (const char       *text);
const char *byline_toast_title_get_text (BylineToastTitle *self);
void        byline_toast_title_set_text (BylineToastTitle *self,
                                         const char       *text);

G_END_DECLS
