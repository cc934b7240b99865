/* ui-file-chooser.h — driving GTK's own file chooser in UI tests
 *
 * Outside a sandbox GtkFileDialog shows GTK's file chooser in the process:
 * the tests find it among the toplevels and answer it as a person would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The shown toplevel of @type, if any, in *@found. */
gboolean        byline_ui_test_find_toplevel        (GType           type,
                                                     GtkWidget     **found);
/* The file chooser opened, titled @title and modal; fails the test after 5 s. */
GtkFileChooser *byline_ui_test_wait_for_chooser     (const char     *title);
/* Waits until no file chooser is shown. */
void            byline_ui_test_wait_chooser_gone    (void);
/* Waits until @chooser has @file selected. */
void            byline_ui_test_wait_chooser_selects (GtkFileChooser *chooser,
                                                     GFile          *file);
/* Waits until @chooser shows @folder. */
void            byline_ui_test_wait_chooser_shows   (GtkFileChooser *chooser,
                                                     GFile          *folder);
/* Picks @file in an Open chooser and presses Open. */
void            byline_ui_test_chooser_open         (GtkFileChooser *chooser,
                                                     GFile          *file);
/* Goes into @folder in a Select Folder chooser and presses its button. */
void            byline_ui_test_chooser_select_folder (GtkFileChooser *chooser,
                                                      GFile          *folder);
/* Presses Cancel. */
void            byline_ui_test_chooser_cancel       (GtkFileChooser *chooser);

G_END_DECLS
