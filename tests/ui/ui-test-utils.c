/* ui-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "ui-test-utils.h"
#include "byline-application.h"
#include "byline-window.h"

void
byline_ui_test_init (void)
{
  gtk_init ();
  adw_init ();
  byline_ui_init ();
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

void
byline_ui_test_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
byline_ui_test_wait_until (gboolean (*done) (gpointer data),
                           gpointer   data,
                           guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

void
byline_ui_test_type (GtkTextView *view,
                     const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  /* One user action per character, as key presses come. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, p, g_utf8_next_char (p) - p, TRUE);
      gtk_text_buffer_end_user_action (buffer);
    }
}

gboolean
byline_ui_test_make_photo (GFile      *file,
                           guint       width,
                           guint       height,
                           const char *palette)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *size = g_strdup_printf ("%ux%u", width, height);
  g_autofree char *ground_size = g_strdup_printf ("%ux%u", width, height * 3 / 5);
  g_autofree char *plasma = g_strdup_printf ("plasma:%s", palette);
  g_autoptr(GError) error = NULL;
  int status = 0;
  /* A sky over rough, coloured ground: enough like a landscape photo. */
  const char *argv[] = {
    "convert", "-seed", "7", "-size", size, "gradient:#9cc3e6-#e9e4d8",
    "(", "-size", ground_size, plasma, "-blur", "0x6", "-modulate", "95,70", ")",
    "-gravity", "south", "-composite", "-quality", "88", path, NULL
  };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH
                                                 | G_SPAWN_STDOUT_TO_DEV_NULL
                                                 | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, NULL))
    return FALSE;
  return TRUE;
}

BylineWindow *
byline_ui_test_new_window (BylineDraftStore *store)
{
  BylineWindow *window = byline_window_new (NULL, store);

  g_assert_true (byline_window_new_draft (window, NULL));
  return window;
}
