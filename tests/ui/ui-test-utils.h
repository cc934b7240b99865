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
/* The check button labelled @label (mnemonic underscores and all) under @root. */
GtkWidget    *byline_ui_test_find_check      (GtkWidget     *root,
                                              const char    *label);
/* The label under @root (itself included) that shows @text (mnemonic
 * underscores aside), or NULL. */
GtkWidget    *byline_ui_test_find_label      (GtkWidget     *root,
                                              const char    *text);
/* The first widget of @type under @root (itself included), depth first, or NULL. */
GtkWidget    *byline_ui_test_find_descendant (GtkWidget     *root,
                                              GType          type);
/* Drops @file on @widget at (@x, @y) as GTK hands a drop over (to its drop
 * target that takes files); returns what the target answered. */
gboolean      byline_ui_test_drop_file       (GtkWidget     *widget,
                                              GFile         *file,
                                              double         x,
                                              double         y);
/* The title of the toast showing under @root, or NULL. */
const char   *byline_ui_test_toast_title     (GtkWidget     *root);
/* What @view's buffer holds, figures as U+FFFC. */
char         *byline_ui_test_view_text       (GtkTextView   *view);
/* Conditions for byline_ui_test_wait_until() on an AdwApplicationWindow:
 * whether it shows a dialog. */
gboolean      byline_ui_test_has_dialog      (gpointer       window);
gboolean      byline_ui_test_has_no_dialog   (gpointer       window);
/* A condition: whether the keyboard focus is in @widget or one of its parts. */
gboolean      byline_ui_test_focus_in        (gpointer       widget);
/* A window on @store showing a new, empty story. */
BylineWindow *byline_ui_test_new_window      (BylineDraftStore *store);

/* What most window tests start from: a new story's window, shown at
 * 1280 × 800, on a store of its own, and a folder of the test's own for its
 * pictures and other files.  A test may destroy the window itself and set
 * @window to NULL. */
typedef struct
{
  BylineDraftStore *store;
  BylineWindow     *window;
  GFile            *files;
} BylineUiWindowFixture;

void           byline_ui_window_fixture_setup    (BylineUiWindowFixture *f,
                                                  gconstpointer          data);
void           byline_ui_window_fixture_teardown (BylineUiWindowFixture *f,
                                                  gconstpointer          data);
/* The story the fixture's window shows. */
BylineArticle *byline_ui_test_article            (BylineUiWindowFixture *f);

/* g_test_add() for a test on a BylineUiWindowFixture. */
#define byline_ui_test_add_window_test(path, test) \
  g_test_add ((path), BylineUiWindowFixture, NULL, byline_ui_window_fixture_setup, (test), \
              byline_ui_window_fixture_teardown)

/* Presses @keyval with @mods as @widget's own shortcuts (its class's
 * bindings) take it: GTK cannot be sent a key here.  Whether one did
 * something (a disabled action does not). */
gboolean    byline_ui_test_press_shortcut (GtkWidget       *widget,
                                           guint            keyval,
                                           GdkModifierType  mods);

G_END_DECLS
