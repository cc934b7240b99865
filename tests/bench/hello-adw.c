/* hello-adw.c — the start-up benchmark's baseline: a bare AdwApplicationWindow
 *
 * A header bar and a text view with a line of Vietnamese, nothing else: what
 * any libadwaita application pays to show a window. 800 × 500 unless
 * BYLINE_BENCH_HELLO_SIZE says otherwise ("1280x800"): the start-up benchmark
 * also runs it at Byline's window size, to tell what the larger window costs
 * apart from what Byline itself does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

/* BYLINE_PROFILE_FIRST_FRAME=1: exit once the first frame is painted, as
 * Byline does, so that a profiler sees the same span of both programs. */
static void
on_first_frame_painted (GdkFrameClock *clock)
{
  exit (0);
}

static void
on_window_realized (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_frame_painted), NULL);
}

static void
on_activate (GtkApplication *app,
             gpointer        data)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = gtk_text_view_new ();
  const char *size = g_getenv ("BYLINE_BENCH_HELLO_SIZE");
  int width = 800, height = 500;

  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    g_error ("BYLINE_BENCH_HELLO_SIZE=%s: expected WIDTHxHEIGHT", size);

  gtk_window_set_title (GTK_WINDOW (window), "Hello");
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "Nâng cao chất lượng đội ngũ cán bộ, công chức cơ sở", -1);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (g_getenv ("BYLINE_PROFILE_FIRST_FRAME") != NULL)
    g_signal_connect_after (window, "realize", G_CALLBACK (on_window_realized), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.bylinenews.Byline.Bench.Hello",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
