/* byline-window.h — a window editing one story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_WINDOW (byline_window_get_type ())

G_DECLARE_FINAL_TYPE (BylineWindow, byline_window, BYLINE, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests); the store is the one drafts are kept in. */
BylineWindow          *byline_window_new                  (GtkApplication   *application,
                                                           BylineDraftStore *store);
BylineDraftStore      *byline_window_get_store            (BylineWindow     *self);
BylineDocument        *byline_window_get_document         (BylineWindow     *self);
/* Shows @document, closing (and so saving) the one shown before. */
gboolean               byline_window_set_document         (BylineWindow     *self,
                                                           BylineDocument   *document,
                                                           GError          **error);
/* Opens the stored draft @id here. */
gboolean               byline_window_open_draft           (BylineWindow     *self,
                                                           const char       *id,
                                                           GError          **error);
/* A new story with the defaults from Preferences. */
gboolean               byline_window_new_draft            (BylineWindow     *self,
                                                           GError          **error);
BylineArticleEditor   *byline_window_get_editor           (BylineWindow     *self);
BylineCaptionPanel    *byline_window_get_caption_panel    (BylineWindow     *self);
BylineMetadataSidebar *byline_window_get_metadata_sidebar (BylineWindow     *self);
void                   byline_window_add_toast            (BylineWindow     *self,
                                                           AdwToast         *toast);
/* Says @notice (pictures of a file opened in this window that could not
 * come in) until the person closes it, with a button to where they go
 * when the story keeps them. */
void                   byline_window_tell_left_out        (BylineWindow     *self,
                                                           const char       *notice);
/* Sending (byline-window-send.c): without a publisher the window cannot send. */
void                   byline_window_set_publisher        (BylineWindow     *self,
                                                           BylinePublisher  *publisher);
BylinePublisher       *byline_window_get_publisher        (BylineWindow     *self);
BylineSendBar         *byline_window_get_send_bar         (BylineWindow     *self);
BylineOutboxButton    *byline_window_get_outbox_button    (BylineWindow     *self);
/* Saves what is unsaved and stops editing; FALSE (with @error) if it could not save. */
gboolean               byline_window_close_document       (BylineWindow     *self,
                                                           GError          **error);

G_END_DECLS
