/* ui-pointer.c — the mouse, moved through the X server as a person moves it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* GDK's X11 functions are deprecated since GTK 4.18 (X11 is on its way
 * out); the tests run on Xvfb, which needs them. */
#define GDK_DISABLE_DEPRECATION_WARNINGS
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "ui-pointer.h"
#include "ui-test-utils.h"

static Display *
get_xdisplay (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return gdk_x11_display_get_xdisplay (display);
}

static void
to_root (GtkWidget *widget,
         double     x,
         double     y,
         int       *root_x,
         int       *root_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  Display *xdisplay = get_xdisplay (widget);
  graphene_point_t point;
  double sx, sy;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &sx, &sy);
  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         DefaultRootWindow (xdisplay), (int) (point.x + sx), (int) (point.y + sy),
                         root_x, root_y, &child);
}

static void
move_to (Display *xdisplay,
         int      x,
         int      y)
{
  XTestFakeMotionEvent (xdisplay, -1, x, y, CurrentTime);
  XFlush (xdisplay);
  byline_ui_test_wait (40);
}

static gboolean drag_ctrl;

void
byline_ui_test_drag_over (GtkWidget *from,
                          double     x1,
                          double     y1,
                          GtkWidget *to,
                          double     x2,
                          double     y2,
                          gboolean   ctrl)
{
  Display *xdisplay = get_xdisplay (from);
  KeyCode control = XKeysymToKeycode (xdisplay, XK_Control_L);
  int ax, ay, bx, by;

  to_root (from, x1, y1, &ax, &ay);
  to_root (to, x2, y2, &bx, &by);
  move_to (xdisplay, ax, ay);
  drag_ctrl = ctrl;
  if (ctrl)
    XTestFakeKeyEvent (xdisplay, control, True, CurrentTime);
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  XFlush (xdisplay);
  byline_ui_test_wait (150);
  /* Past GTK's drag threshold first, then on in steps: each a motion the
   * drop target sees. */
  for (int i = 1; i <= 12; i++)
    move_to (xdisplay, ax + (bx - ax) * i / 12, ay + (by - ay) * i / 12);
  byline_ui_test_wait (200);
}

void
byline_ui_test_drop (GtkWidget *widget)
{
  Display *xdisplay = get_xdisplay (widget);

  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  if (drag_ctrl)
    XTestFakeKeyEvent (xdisplay, XKeysymToKeycode (xdisplay, XK_Control_L), False, CurrentTime);
  drag_ctrl = FALSE;
  XFlush (xdisplay);
  byline_ui_test_wait (300);
}

void
byline_ui_test_drag (GtkWidget *from,
                     double     x1,
                     double     y1,
                     GtkWidget *to,
                     double     x2,
                     double     y2,
                     gboolean   ctrl)
{
  byline_ui_test_drag_over (from, x1, y1, to, x2, y2, ctrl);
  byline_ui_test_drop (from);
}

void
byline_ui_test_click (GtkWidget *widget,
                      double     x,
                      double     y)
{
  Display *xdisplay = get_xdisplay (widget);
  int rx, ry;

  to_root (widget, x, y, &rx, &ry);
  move_to (xdisplay, rx, ry);
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  XFlush (xdisplay);
  /* Past the double-click time: the next press is a press of its own. */
  byline_ui_test_wait (500);
}

void
byline_ui_test_iter_point (GtkTextView       *view,
                           const GtkTextIter *iter,
                           gboolean           after,
                           double            *x,
                           double            *y)
{
  GdkRectangle rect;
  int wx, wy;

  gtk_text_view_get_iter_location (view, iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + (after ? rect.width + 1 : rect.width / 2),
                                         rect.y + rect.height / 2, &wx, &wy);
  *x = wx;
  *y = wy;
}

void
byline_ui_test_place_window (GtkWindow *window,
                             int        x,
                             int        y,
                             int        width,
                             int        height)
{
  Display *xdisplay = get_xdisplay (GTK_WIDGET (window));

  XMoveResizeWindow (xdisplay, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                     x, y, width, height);
  XFlush (xdisplay);
  byline_ui_test_wait (500);
}
