/* byline-metadata-sidebar.h — byline, dateline, source, publish time, category,
 * tags, slug, language and the editor's note of a story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_METADATA_SIDEBAR (byline_metadata_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (BylineMetadataSidebar, byline_metadata_sidebar, BYLINE, METADATA_SIDEBAR, GtkWidget)

BylineDocument  *byline_metadata_sidebar_get_document     (BylineMetadataSidebar *self);
void             byline_metadata_sidebar_set_document     (BylineMetadataSidebar *self,
                                                           BylineDocument        *document);
/* Moves the focus to where @field (byline, category, publication time) is edited. */
void             byline_metadata_sidebar_focus_field      (BylineMetadataSidebar *self,
                                                           BylineField            field);
BylineChipEntry *byline_metadata_sidebar_get_authors      (BylineMetadataSidebar *self);
BylineChipEntry *byline_metadata_sidebar_get_tags         (BylineMetadataSidebar *self);
GtkEditable     *byline_metadata_sidebar_get_dateline     (BylineMetadataSidebar *self);
GtkEditable     *byline_metadata_sidebar_get_slug         (BylineMetadataSidebar *self);
/* The editor's note: for the newsroom, sent with the story for review. */
GtkTextView     *byline_metadata_sidebar_get_note         (BylineMetadataSidebar *self);

G_END_DECLS
