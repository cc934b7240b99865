/* byline-widget-util.h — small things every widget of the window may need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void        byline_widget_set_tooltip   (GtkWidget   *widget,
                                         const char  *text);
/* Shows @toast (taken) in the window's toast overlay above @widget, if any. */
void        byline_widget_show_toast    (GtkWidget   *widget,
                                         AdwToast    *toast);
/* A toast saying @text that stays until byline_toast_clear() takes it
 * away: for work under way (a download).  With @cancellable, its button
 * @stop_label ("Stop") cancels that: on a slow line, the person need not
 * wait for what they no longer want. */
AdwToast   *byline_toast_new_lasting     (const char   *text,
                                          const char   *stop_label,
                                          GCancellable *cancellable);
/* Shows such a toast above @widget; returns it, for byline_toast_clear(). */
AdwToast   *byline_widget_show_lasting_toast (GtkWidget    *widget,
                                              const char   *text,
                                              const char   *stop_label,
                                              GCancellable *cancellable);
/* Sets @toast's title (and its custom title's, if a label) to @title
 * (taken) on the main thread: for a worker thread saying how its work goes. */
void        byline_toast_set_title_from_thread (AdwToast *toast,
                                                char     *title);
/* Dismisses *@toast, if any, and clears it. */
void        byline_toast_clear          (AdwToast   **toast);
/* Whether the keyboard focus is in @widget or in one of its parts. */
gboolean    byline_widget_has_keyboard  (GtkWidget   *widget);
/* @text with its spaces made no-break spaces, for a part of a row's
 * subtitle that a wrap must not cut: "240 words", "Today, 2:43 PM". */
char       *byline_widget_keep_together (const char  *text);
/* Tab and Shift+Tab go out of @list, not to its next row: for a list
 * whose rows are chosen with the arrows (the versions of the history). */
void        byline_list_box_leave_on_tab (GtkListBox *list);
/* For a search above @list: Down (@keyval, with no modifier in @state) puts
 * the keyboard on the first row it shows.  TRUE when it did. */
gboolean    byline_list_box_take_down   (GtkListBox      *list,
                                         guint            keyval,
                                         GdkModifierType  state);
/* A toast for an error to read: its text wraps instead of being cut short,
 * and it stays ten seconds. */
AdwToast   *byline_toast_new_long       (const char  *text);
/* What to tell the person of a failure to write a draft or its pictures:
 * a full disk or a folder Byline may not write to said plainly (the core's
 * message names a temporary file, for the log); else the core's message. */
char       *byline_error_dup_for_person (const GError *error);
/* A toast saying that. */
AdwToast   *byline_toast_new_for_error  (const GError *error);
/* Hides the caret GtkTextView shows where its own drop would go (its mark
 * "gtk_drag_target", GTK 4.18), which it hides only when its own drop
 * ends: for a drop another target of @view took. */
void        byline_text_view_hide_drop_caret (GtkTextView *view);
/* Seconds from the environment variable @name (a test's shorter wait), at
 * least @minimum and at most an hour; @fallback when it is unset or not a
 * number. */
guint       byline_env_get_seconds      (const char  *name,
                                         guint        minimum,
                                         guint        fallback);
/* The files of a drop, as the list model GtkFileDialog gives. */
GListModel *byline_file_list_to_model   (GdkFileList *list);
/* The size to show a picture of @width × @height pixels at, in a box of at
 * most @max_width × @max_height, where one of its pixels measures @pixel:
 * the whole picture, its shape kept, never larger than its own pixels (a
 * logo stays a logo).  A picture of unknown size takes the box's width at
 * 16:9. */
void        byline_picture_fit          (guint        width,
                                         guint        height,
                                         double       max_width,
                                         double       max_height,
                                         double       pixel,
                                         double      *fit_width,
                                         double      *fit_height);

/* The file chooser's filter of the pictures Byline takes (and of those it
 * makes JPEGs of: an iPhone's HEIC, AVIF). */
GtkFileFilter *byline_pictures_filter_new (void);

/* An alert dialog that asks for a note to the other side (returning a
 * story, submitting it again): @body, then a few lines (named @field_name for
 * assistive technologies, showing @placeholder while empty, scrolling past
 * 120 px), then Cancel and @response (suggested, the default).  Enter in the
 * note starts a new line; Ctrl+Enter gives @response. */
AdwDialog  *byline_note_dialog_new      (const char   *heading,
                                         const char   *body,
                                         const char   *field_name,
                                         const char   *placeholder,
                                         const char   *response,
                                         const char   *response_label);
GtkTextView *byline_note_dialog_get_view (AdwDialog   *dialog);
/* The note without the spaces around it; NULL when that is empty. */
char       *byline_note_dialog_dup_note (AdwDialog    *dialog);
/* Gives @dialog's default response, as its button would, if that is
 * enabled (Ctrl+Enter in the note does); FALSE when it is not. */
gboolean    byline_note_dialog_send     (AdwDialog    *dialog);
/* Presents it over @parent, with the keyboard in the note. */
void        byline_note_dialog_present  (AdwDialog    *dialog,
                                         GtkWidget    *parent);

G_END_DECLS
