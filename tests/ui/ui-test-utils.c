/* ui-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "ui-test-utils.h"
#include "byline-widget-util.h"
#include "byline-test-utils.h"
#include "byline-document.h"
#include "byline-application.h"
#include "byline-window.h"

static char *private_home;

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                               NULL, NULL);

  if (children != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          remove_tree (child);
          g_object_unref (info);
        }
    }
  g_file_delete (file, NULL, NULL);
}

static void
remove_private_home (void)
{
  g_autoptr(GFile) home = g_file_new_for_path (private_home);

  remove_tree (home);
}

void
byline_ui_test_init_gtk (void)
{
  gtk_init ();
  adw_init ();
  byline_ui_init ();
}

void
byline_ui_test_init (int    *argc,
                     char ***argv)
{
  static const char *dirs[][2] = {
    { "HOME", "home" }, { "XDG_DATA_HOME", "data" }, { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" }, { "XDG_STATE_HOME", "state" }, { "TMPDIR", "tmp" },
  };

  /* As the application's main() does, before any thread. */
  byline_memory_init ();
  setlocale (LC_ALL, "C.UTF-8");
  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides XDG_DATA_DIRS, and without the
   * MIME database GdkPixbuf cannot tell an SVG icon from anything else. */
  private_home = g_dir_make_tmp ("byline-ui-test-XXXXXX", NULL);
  g_assert_nonnull (private_home);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (private_home, dirs[i][1], NULL);

      g_mkdir_with_parents (path, 0700);
      g_setenv (dirs[i][0], path, TRUE);
    }
  atexit (remove_private_home);

  g_test_init (argc, argv, NULL);
  byline_ui_test_init_gtk ();
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

GtkWidget *
byline_ui_test_find_button (GtkWidget  *root,
                            const char *label)
{
  /* An icon button is known by its tooltip, as a person knows it. */
  if (GTK_IS_BUTTON (root)
      && (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0
          || (gtk_button_get_label (GTK_BUTTON (root)) == NULL
              && g_strcmp0 (gtk_widget_get_tooltip_text (root), label) == 0)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = byline_ui_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
byline_ui_test_find_check (GtkWidget  *root,
                           const char *label)
{
  if (GTK_IS_CHECK_BUTTON (root) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = byline_ui_test_find_check (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
byline_ui_test_find_label (GtkWidget  *root,
                           const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = byline_ui_test_find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
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

GtkWidget *
byline_ui_test_find_descendant (GtkWidget *root,
                                GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = byline_ui_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkDropTarget *
file_drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller)
          && gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)) != NULL
          && gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)),
                                                GDK_TYPE_FILE_LIST))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

gboolean
byline_ui_test_drop_file (GtkWidget *widget,
                          GFile     *file,
                          double     x,
                          double     y)
{
  GtkDropTarget *target = file_drop_target_of (widget);
  GSList *list = g_slist_append (NULL, file);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free (list);
  g_signal_emit_by_name (target, "drop", &value, x, y, &accepted);
  g_value_unset (&value);
  return accepted;
}

const char *
byline_ui_test_toast_title (GtkWidget *root)
{
  if (GTK_IS_LABEL (root))
    for (GtkWidget *up = gtk_widget_get_parent (root); up != NULL; up = gtk_widget_get_parent (up))
      if (g_str_equal (gtk_widget_get_css_name (up), "toast"))
        return gtk_label_get_text (GTK_LABEL (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *title = byline_ui_test_toast_title (child);

      if (title != NULL)
        return title;
    }
  return NULL;
}

char *
byline_ui_test_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  /* A slice, so that figures show as U+FFFC. */
  return gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
}

gboolean
byline_ui_test_has_dialog (gpointer window)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL;
}

gboolean
byline_ui_test_has_no_dialog (gpointer window)
{
  return !byline_ui_test_has_dialog (window);
}

gboolean
byline_ui_test_focus_in (gpointer widget)
{
  return byline_widget_has_keyboard (widget);
}

BylineWindow *
byline_ui_test_new_window (BylineDraftStore *store)
{
  BylineWindow *window = byline_window_new (NULL, store);

  g_assert_true (byline_window_new_draft (window, NULL));
  return window;
}

void
byline_ui_window_fixture_setup (BylineUiWindowFixture *f,
                                gconstpointer          data)
{
  g_autoptr(GFile) drafts = byline_test_make_folder ("drafts");

  /* A store of its own for each test: they share one data folder. */
  f->store = byline_draft_store_new (drafts);
  f->files = byline_test_make_folder ("files");
  f->window = byline_ui_test_new_window (f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  byline_ui_test_wait (100);
}

void
byline_ui_window_fixture_teardown (BylineUiWindowFixture *f,
                                   gconstpointer          data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  g_clear_object (&f->files);
  byline_ui_test_wait (50);
}

BylineArticle *
byline_ui_test_article (BylineUiWindowFixture *f)
{
  return byline_document_get_article (byline_window_get_document (f->window));
}

gboolean
byline_ui_test_press_shortcut (GtkWidget       *widget,
                               guint            keyval,
                               GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}
