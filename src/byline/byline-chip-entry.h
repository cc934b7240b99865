/* byline-chip-entry.h — a list of short values (authors, tags) as removable chips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_CHIP_ENTRY (byline_chip_entry_get_type ())

G_DECLARE_FINAL_TYPE (BylineChipEntry, byline_chip_entry, BYLINE, CHIP_ENTRY, GtkWidget)

GtkWidget          *byline_chip_entry_new             (void);
const char * const *byline_chip_entry_get_values      (BylineChipEntry    *self);
void                byline_chip_entry_set_values      (BylineChipEntry    *self,
                                                       const char * const *values);
/* Adds what is typed so far, as Enter does. */
void                byline_chip_entry_commit          (BylineChipEntry    *self);
GtkEditable        *byline_chip_entry_get_text        (BylineChipEntry    *self);
void                byline_chip_entry_set_placeholder (BylineChipEntry    *self,
                                                       const char         *placeholder);

G_END_DECLS
