/* byline-frame-wait.c — work put off until a widget's window has drawn
 *
 * What a window needs only once it shows (a spell checker's dictionary, the
 * checks of a story just opened) waits for the frame that shows it: the
 * widget's map, then its frame clock's after-paint, then an idle of low
 * priority, so that the frame is on screen before the work starts.  An idle
 * alone is not enough: between a window's map and its first frame the main
 * loop is often idle, waiting for the X server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-frame-wait.h"

struct _BylineFrameWait
{
  GtkWidget     *widget;   /* weak, while waiting for its map */
  GdkFrameClock *clock;    /* weak, while waiting for its after-paint */
  gulong         map_id;
  GSourceFunc    func;
  gpointer       data;
  guint          idle_id;
};

static void
stop_watching (BylineFrameWait *wait)
{
  if (wait->widget != NULL && wait->map_id != 0)
    g_signal_handler_disconnect (wait->widget, wait->map_id);
  wait->map_id = 0;
  g_clear_weak_pointer (&wait->widget);
  if (wait->clock != NULL)
    g_signal_handlers_disconnect_by_data (wait->clock, wait);
  g_clear_weak_pointer (&wait->clock);
}

static gboolean
run (gpointer data)
{
  BylineFrameWait *wait = data;

  wait->idle_id = 0;
  /* Last: @func may free the wait. */
  wait->func (wait->data);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock   *clock,
                BylineFrameWait *wait)
{
  stop_watching (wait);
  wait->idle_id = g_idle_add_full (G_PRIORITY_LOW, run, wait, NULL);
}

static void
watch_frames (BylineFrameWait *wait,
              GtkWidget       *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  stop_watching (wait);
  g_set_weak_pointer (&wait->clock, clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), wait);
  /* A window already shown may have nothing to draw: a frame all the same. */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static void
on_map (GtkWidget       *widget,
        BylineFrameWait *wait)
{
  watch_frames (wait, widget);
}

BylineFrameWait *
byline_frame_wait_new (GtkWidget   *widget,
                       GSourceFunc  func,
                       gpointer     data)
{
  BylineFrameWait *wait;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  wait = g_new0 (BylineFrameWait, 1);
  wait->func = func;
  wait->data = data;
  if (gtk_widget_get_mapped (widget))
    watch_frames (wait, widget);
  else
    {
      g_set_weak_pointer (&wait->widget, widget);
      wait->map_id = g_signal_connect (widget, "map", G_CALLBACK (on_map), wait);
    }
  return wait;
}

void
byline_frame_wait_free (BylineFrameWait *wait)
{
  if (wait == NULL)
    return;
  stop_watching (wait);
  g_clear_handle_id (&wait->idle_id, g_source_remove);
  g_free (wait);
}
