/* ui-test-utils.h — what the UI tests and the screenshot tool share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline.h"
#include "byline-app-types.h"

G_BEGIN_DECLS

/* g_test_init() with private HOME and XDG folders (but the system's
 * XDG_DATA_DIRS, where the MIME database and icons are), then GTK,
 * libadwaita and Byline's resources.  Removes the folders at exit. */
void          byline_ui_test_init            (int           *argc,
                                              char        ***argv);
/* GTK, libadwaita and Byline's resources only (the screenshot tool). */
void          byline_ui_test_init_gtk        (void);
/* Runs the main loop for @ms milliseconds. */
void          byline_ui_test_wait            (guint          ms);
/* Runs the main loop until @done says so or @timeout_ms pass; FALSE on timeout. */
gboolean      byline_ui_test_wait_until      (gboolean     (*done) (gpointer data),
                                              gpointer       data,
                                              guint          timeout_ms);
/* Types @text into @view as the keyboard would (insert at the cursor, in a user action). */
void          byline_ui_test_type            (GtkTextView   *view,
                                              const char    *text);
/* Writes a photo-like JPEG of @width × @height with ImageMagick; FALSE if it cannot. */
gboolean      byline_ui_test_make_photo      (GFile         *file,
                                              guint          width,
                                              guint          height,
                                              const char    *palette);
/* The button under @root (itself included) whose label is @label (an icon
 * button's tooltip), or NULL. */
GtkWidget    *byline_ui_test_find_button     (GtkWidget     *root,
                                              const char    *label);
/* The label under @root (itself included) that shows @text (mnemonic
 * underscores aside), or NULL. */
GtkWidget    *byline_ui_test_find_label      (GtkWidget     *root,
                                              const char    *text);
/* A window on @store showing a new, empty story. */
BylineWindow *byline_ui_test_new_window      (BylineDraftStore *store);

G_END_DECLS
