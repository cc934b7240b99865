/* test-long-day.c — a reporter's day in one window: story after story, each
 * with its photos, saved, opened again.  The process must not
 * grow with the number of stories.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>

#include "ui-window-test.h"
#include "byline-body-view.h"
#include "byline-caption-panel.h"
#include "byline-caption-row.h"

#define N_STORIES  12
/* The first stories warm the process up: caches and heaps reach their
 * working size (once 7 MB in one step at the third story, then flat to the
 * twelfth).  They are not compared. */
#define N_WARM_UP  2
/* The process's size is compared over this many stories after the warm-up
 * and at the end, the smallest of each: a passing spike is not growth. */
#define N_COMPARED 3
/* What the process may grow by from the first stories to the last: without
 * one heap for every thread it grew by 16 MB and more. */
#define MAX_GROWTH_KB (6 * 1024)

/* The process's resident size, less the free top of its main heap, which
 * glibc gives back and takes again from one story to the next (7 MB here):
 * without it the size went up and down by that much. */
static long
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;
  long top = 0;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);
#ifdef __GLIBC__
  top = (long) (mallinfo2 ().keepcost / 1024);
#endif
  return atol (line + strlen ("VmRSS:")) - top;
}

/* How many heaps (arenas) malloc has: glibc gives a thread that allocates
 * while another does one of its own, which keeps what it once held. */
static guint
count_heaps (void)
{
  guint n = 0;
#ifdef __GLIBC__
  char *xml = NULL;
  size_t size = 0;
  FILE *out = open_memstream (&xml, &size);

  g_assert_nonnull (out);
  g_assert_cmpint (malloc_info (0, out), ==, 0);
  fclose (out);
  for (const char *at = xml; (at = strstr (at, "<heap nr=")) != NULL; at++)
    n++;
  free (xml);
#endif
  return n;
}

/* A short story with two camera photos, captioned, as a reporter types it. */
static void
type_story (Fixture *f,
            GFile   *photos[2])
{
  BylineBodyView *body = byline_article_editor_get_body_view (editor (f));
  BylineCaptionPanel *panel = byline_window_get_caption_panel (f->window);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GError) error = NULL;

  byline_article_editor_focus_headline (editor (f));
  byline_ui_test_type (byline_article_editor_get_headline_view (editor (f)), "Mưa lũ gây sạt lở ở Nậm Nhùn\n");
  byline_ui_test_type (byline_article_editor_get_lead_view (editor (f)), "Mưa lớn kéo dài từ đêm 9/8 đã gây sạt lở.");
  byline_article_editor_focus_body (editor (f));
  for (guint i = 0; i < 5; i++)
    byline_ui_test_type (GTK_TEXT_VIEW (body), "Theo Ban Chỉ huy, 37 hộ dân phải sơ tán khẩn cấp trong đêm.\n");
  g_list_store_append (files, photos[0]);
  g_list_store_append (files, photos[1]);
  g_assert_cmpuint (byline_body_view_insert_pictures (body, G_LIST_MODEL (files), -1, &error), ==, 2);
  g_assert_no_error (error);
  byline_ui_test_wait (300);
  for (guint i = 0; i < 2; i++)
    {
      BylineCaptionRow *row = byline_caption_panel_get_row (panel, i);

      g_assert_nonnull (row);
      gtk_widget_grab_focus (GTK_WIDGET (byline_caption_row_get_caption_view (row)));
      byline_ui_test_type (byline_caption_row_get_caption_view (row), "Sạt lở trên Quốc lộ 4H.");
      gtk_editable_set_text (byline_caption_row_get_credit_entry (row), "Ảnh: Lò Văn Dũng");
    }
}

/* Found by opening thirty stories in a row: the resident memory rose from
 * 160 MB to 227 MB, without a leak (the heap in use stayed at 41 MB).  The
 * photos' decodes, in the threads that decode them, came from heaps that
 * kept what they once held (byline_memory_init() gives every thread one).
 *
 * The preview is not opened here: with the cairo renderer these tests use,
 * cairo keeps the glyphs of the fonts each preview let go, a cache that
 * grows by about 0.6 MB a preview up to its bound. */
static void
test_memory (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.bylinenews.Byline");
  GFile *photos[2] = {
    g_file_get_child (f->files, "sat-lo.jpg"), g_file_get_child (f->files, "cuu-ho.jpg"),
  };
  long resident[N_STORIES];
  long first = G_MAXLONG, last = G_MAXLONG;

  g_assert_true (byline_ui_test_make_photo (photos[0], 2400, 1600, "tan-brown"));
  g_assert_true (byline_ui_test_make_photo (photos[1], 2400, 1600, "skyblue-green"));
  g_settings_set_uint (settings, "autosave-delay", 500);

  for (guint story = 0; story < N_STORIES; story++)
    {
      g_autofree char *id = NULL;

      type_story (f, photos);
      byline_ui_test_wait (700);
      id = g_strdup (byline_article_get_id (article (f)));
      g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 2);

      /* On to the next story, then back to this one to check it, and on. */
      g_assert_true (byline_window_new_draft (f->window, NULL));
      byline_ui_test_wait (200);
      g_assert_true (byline_window_open_draft (f->window, id, NULL));
      byline_ui_test_wait (400);
      g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Mưa lũ gây sạt lở ở Nậm Nhùn");
      g_assert_true (byline_window_new_draft (f->window, NULL));
      byline_ui_test_wait (200);

      resident[story] = resident_kb ();
      g_test_message ("story %u: %ld KB resident", story + 1, resident[story]);
    }
  for (guint i = 0; i < N_COMPARED; i++)
    {
      first = MIN (first, resident[N_WARM_UP + i]);
      last = MIN (last, resident[N_STORIES - 1 - i]);
    }
  g_assert_cmpint (last - first, <, MAX_GROWTH_KB);
#ifdef __GLIBC__
  /* The cause of the growth found: the decoding threads' heaps.  Their
   * growth comes in steps, as a heap is made, and a step can come before
   * the stories compared: the heaps are counted too. */
  g_test_message ("%u malloc heaps", count_heaps ());
  g_assert_cmpuint (count_heaps (), ==, 1);
#endif
  g_settings_reset (settings, "autosave-delay");
  g_object_unref (photos[0]);
  g_object_unref (photos[1]);
}

int
main (int   argc,
      char *argv[])
{
  byline_ui_test_init (&argc, &argv);
  byline_ui_test_add_window_test ("/ui/long-day/memory", test_memory);
  return g_test_run ();
}
