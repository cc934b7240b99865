/* byline-application.h — the Byline application: windows, drafts, session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_APPLICATION (byline_application_get_type ())

G_DECLARE_FINAL_TYPE (BylineApplication, byline_application, BYLINE, APPLICATION, AdwApplication)

/* Resources, style, GtkSourceView and libspelling: once, after GTK is initialized
 * and before any widget (the application's startup, the tests). */
/* Tunes the C library's memory allocator for a long day of stories: the
 * first call of main(), before any thread starts. */
void               byline_memory_init                 (void);
void               byline_ui_init                     (void);

BylineApplication *byline_application_new             (void);
BylineDraftStore  *byline_application_get_store       (BylineApplication *self);
/* The window showing draft @id, or NULL. */
BylineWindow      *byline_application_find_window     (BylineApplication *self,
                                                       const char        *id);
/* Shows draft @id: its window if it has one, else a new window. */
BylineWindow      *byline_application_open_draft      (BylineApplication *self,
                                                       const char        *id);
BylineWindow      *byline_application_new_window      (BylineApplication *self);
/* The ids of the drafts open in windows. */
GStrv              byline_application_dup_open_drafts (BylineApplication *self);

G_END_DECLS
