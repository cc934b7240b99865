/* ui-pointer.h — the mouse, moved through the X server as a person moves it
 *
 * GTK's drag and drop cannot be faked from inside: a drag is the X server's
 * pointer and the XDND messages between windows.  These helpers press,
 * move and release the pointer with XTest (the tests run on Xvfb, with
 * GDK_BACKEND=x11), so that GTK drags and drops as it would for a person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Presses the first button at (@x1, @y1) of @from, moves in small steps to
 * (@x2, @y2) of @to (another window's widget, or the same), and releases;
 * with @ctrl, the Control key is held throughout (a copy). */
void byline_ui_test_drag           (GtkWidget   *from,
                                    double       x1,
                                    double       y1,
                                    GtkWidget   *to,
                                    double       x2,
                                    double       y2,
                                    gboolean     ctrl);
/* The same drag in two halves: held over (@x2, @y2) of @to, to look at
 * what the drop target shows there, then released (@widget: any of the
 * display's). */
void byline_ui_test_drag_over      (GtkWidget   *from,
                                    double       x1,
                                    double       y1,
                                    GtkWidget   *to,
                                    double       x2,
                                    double       y2,
                                    gboolean     ctrl);
void byline_ui_test_drop           (GtkWidget   *widget);
/* Clicks the first button at (@x, @y) of @widget.  After a drop, GTK on
 * X11 takes the next press to end the drag it began (with or without
 * Byline's drop: GtkTextView's own does the same), so a second drag in a
 * row begins with a click, as a person's would. */
void byline_ui_test_click          (GtkWidget   *widget,
                                    double       x,
                                    double       y);
/* Where @iter's character is in @view's coordinates: its middle, or with
 * @after, just after it. */
void byline_ui_test_iter_point     (GtkTextView       *view,
                                    const GtkTextIter *iter,
                                    gboolean           after,
                                    double            *x,
                                    double            *y);
/* Moves and sizes @window on the screen (Xvfb has no window manager to
 * place two windows side by side). */
void byline_ui_test_place_window   (GtkWindow   *window,
                                    int          x,
                                    int          y,
                                    int          width,
                                    int          height);

G_END_DECLS
