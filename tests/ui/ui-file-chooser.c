/* ui-file-chooser.c — driving GTK's own file chooser in UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "ui-file-chooser.h"
#include "ui-test-utils.h"

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

gboolean
byline_ui_test_find_toplevel (GType       type,
                              GtkWidget **found)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *found = GTK_WIDGET (window);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
find_chooser (gpointer data)
{
  return byline_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, data);
}

GtkFileChooser *
byline_ui_test_wait_for_chooser (const char *title)
{
  GtkWidget *chooser = NULL;

  if (!byline_ui_test_wait_until (find_chooser, &chooser, 5000))
    g_error ("No file chooser opened for “%s”", title);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, title);
  /* Modal, on top of the window that asked. */
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (chooser)));
  return GTK_FILE_CHOOSER (chooser);
}

static gboolean
chooser_gone (gpointer data)
{
  GtkWidget *chooser = NULL;

  return !find_chooser (&chooser);
}

void
byline_ui_test_wait_chooser_gone (void)
{
  g_assert_true (byline_ui_test_wait_until (chooser_gone, NULL, 5000));
}

typedef struct
{
  GtkFileChooser *chooser;
  GFile          *file;
} Selection;

static gboolean
file_selected (gpointer data)
{
  Selection *selection = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (selection->chooser);

  return file != NULL && g_file_equal (file, selection->file);
}

static gboolean
shows_folder (gpointer data)
{
  Selection *selection = data;
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (selection->chooser);

  return folder != NULL && g_file_equal (folder, selection->file);
}

void
byline_ui_test_wait_chooser_selects (GtkFileChooser *chooser,
                                     GFile          *file)
{
  Selection selection = { chooser, file };

  g_assert_true (byline_ui_test_wait_until (file_selected, &selection, 5000));
}

void
byline_ui_test_wait_chooser_shows (GtkFileChooser *chooser,
                                   GFile          *folder)
{
  Selection selection = { chooser, folder };

  g_assert_true (byline_ui_test_wait_until (shows_folder, &selection, 5000));
}

/* GTK's chooser queries a folder's path for its path bar after showing it;
 * closed before that ends, it fails a critical check (gtk_box_remove on a
 * widget gone).  It gives no sign of being done. */
static void
settle (void)
{
  byline_ui_test_wait (500);
}

void
byline_ui_test_chooser_open (GtkFileChooser *chooser,
                             GFile          *file)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  /* Let it load where it opens (the last folder used, or Recent) first:
   * GTK's chooser gives no sign of that being done. */
  byline_ui_test_wait (400);
  g_assert_true (gtk_file_chooser_set_file (chooser, file, &error));
  g_assert_no_error (error);
  byline_ui_test_wait_chooser_selects (chooser, file);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  byline_ui_test_wait_chooser_gone ();
}

void
byline_ui_test_chooser_select_folder (GtkFileChooser *chooser,
                                      GFile          *folder)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
  byline_ui_test_wait (400);
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, &error));
  g_assert_no_error (error);
  /* With nothing selected inside, the folder shown is the one chosen. */
  byline_ui_test_wait_chooser_selects (chooser, folder);
  settle ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  byline_ui_test_wait_chooser_gone ();
}

void
byline_ui_test_chooser_cancel (GtkFileChooser *chooser)
{
  settle ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  byline_ui_test_wait_chooser_gone ();
}

G_GNUC_END_IGNORE_DEPRECATIONS
