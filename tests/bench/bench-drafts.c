/* bench-drafts.c — the drafts library with a year of drafts
 *
 * Opens the library (Ctrl+O) on a store of 2,000 drafts and on one of 50 (one
 * page of rows), interleaved, and times each from the dialog's creation to its
 * first frame.  A reporter files three to five stories a day: 2,000 is about
 * a year.  Prints the medians and their ratio; the goal we set is that a year
 * of drafts opens within 3× of one page of them (it took 3.5–4.5 s, 16× the
 * page, when every draft had a row).
 *
 *   build-aux/dev exec xvfb-run -a dbus-run-session -- \
 *     env GSK_RENDERER=cairo GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=_build/data \
 *     _build/tests/bench/bench-drafts [RUNS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>

#include "bench-utils.h"
#include "ui-test-utils.h"
#include "byline-drafts-dialog.h"

#define MANY 2000
#define FEW  50
#define GOAL 3.0

/* Draft folders written as the store writes them, without a save each (and
 * its fsync): the store makes their summaries on its first listing. */
static GFile *
make_store (const char *tmp,
            const char *name,
            guint       n)
{
  g_autoptr(GError) error = NULL;
  GFile *folder = g_file_new_build_filename (tmp, name, NULL);
  const char *places[] = { "Nậm Nhùn", "Sìn Hồ", "Tam Đường", "Phong Thổ", "Mường Tè", "Than Uyên" };

  g_assert_true (g_file_make_directory (folder, NULL, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylineArticle) article = byline_article_new ();
      g_autofree char *headline = g_strdup_printf ("%s: bản tin số %u về mưa lũ và sạt lở", places[i % 6], i);
      g_autoptr(GFile) draft = NULL;
      g_autoptr(GFile) json = NULL;
      g_autoptr(GBytes) bytes = NULL;

      byline_article_set_headline (article, headline);
      byline_body_append_block (byline_article_get_body (article), BYLINE_BLOCK_PARAGRAPH,
                                "(BLC) - Mưa lớn kéo dài từ đêm 9/8 đã gây sạt lở tại nhiều xã.");
      draft = g_file_get_child (folder, byline_article_get_id (article));
      g_assert_true (g_file_make_directory (draft, NULL, &error));
      json = g_file_get_child (draft, "draft.json");
      bytes = byline_draft_format_serialize (article);
      g_assert_true (g_file_replace_contents (json, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                              NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  return folder;
}

typedef struct
{
  GMainLoop *loop;
  gint64     start;
  double     ms;
} Frame;

static void
on_after_paint (GdkFrameClock *clock,
                Frame         *frame)
{
  if (frame->ms > 0)
    return;
  frame->ms = (g_get_monotonic_time () - frame->start) / 1000.0;
  g_main_loop_quit (frame->loop);
}

/* From the dialog's creation (which lists the store) to the first frame of
 * the window showing it. */
static double
time_open (GtkWindow        *window,
           BylineDraftStore *store)
{
  Frame frame = { g_main_loop_new (NULL, FALSE), 0, 0 };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frame);
  AdwDialog *dialog;

  frame.start = g_get_monotonic_time ();
  dialog = byline_drafts_dialog_new (store, NULL);
  adw_dialog_present (dialog, GTK_WIDGET (window));
  g_main_loop_run (frame.loop);
  g_signal_handler_disconnect (clock, handler);
  adw_dialog_force_close (dialog);
  byline_ui_test_wait (100);
  g_main_loop_unref (frame.loop);
  return frame.ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GFile) many_folder = NULL;
  g_autoptr(GFile) few_folder = NULL;
  g_autoptr(BylineDraftStore) many = NULL;
  g_autoptr(BylineDraftStore) few = NULL;
  g_autofree double *many_ms = NULL;
  g_autofree double *few_ms = NULL;
  g_autofree double *ratios = NULL;
  g_autofree char *remove = NULL;
  GtkWidget *window;
  guint runs = 9;
  double ratio;

  if (argc > 1)
    runs = MAX (1, atoi (argv[1]));
  byline_ui_test_init (&argc, &argv);

  tmp = g_dir_make_tmp ("byline-bench-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  g_print ("writing %u drafts and %u…\n", MANY, FEW);
  fflush (stdout);
  many_folder = make_store (tmp, "many", MANY);
  few_folder = make_store (tmp, "few", FEW);
  many = byline_draft_store_new (many_folder);
  few = byline_draft_store_new (few_folder);

  /* An AdwWindow, as the app's: the dialog shows inside it. */
  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  byline_ui_test_wait (300);

  /* Warm-up: the summaries written, the dialog's class and styles loaded. */
  time_open (GTK_WINDOW (window), many);
  time_open (GTK_WINDOW (window), few);

  many_ms = g_new0 (double, runs);
  few_ms = g_new0 (double, runs);
  ratios = g_new0 (double, runs);
  for (guint i = 0; i < runs; i++)
    {
      few_ms[i] = time_open (GTK_WINDOW (window), few);
      many_ms[i] = time_open (GTK_WINDOW (window), many);
      ratios[i] = many_ms[i] / few_ms[i];
    }
  ratio = bench_median (ratios, runs);
  g_print ("open the library to its first frame, median of %u: %u drafts %.1f ms, %u drafts %.1f ms\n",
           runs, MANY, bench_median (many_ms, runs), FEW, bench_median (few_ms, runs));
  g_print ("ratio %.2f× (goal ≤ %.1f×): %s\n", ratio, GOAL, ratio <= GOAL ? "PASS" : "FAIL");

  gtk_window_destroy (GTK_WINDOW (window));
  remove = g_strdup_printf ("rm -rf '%s'", tmp);
  if (system (remove) != 0)
    g_printerr ("could not remove %s\n", tmp);
  return ratio <= GOAL ? 0 : 1;
}
