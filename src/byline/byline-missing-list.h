/* byline-missing-list.h — the pictures a story was to have and has not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_MISSING_LIST (byline_missing_list_get_type ())

G_DECLARE_FINAL_TYPE (BylineMissingList, byline_missing_list, BYLINE, MISSING_LIST, GtkWidget)

GtkWidget      *byline_missing_list_new          (void);
BylineDocument *byline_missing_list_get_document (BylineMissingList *self);
void            byline_missing_list_set_document (BylineMissingList *self,
                                                  BylineDocument    *document);
/* How many rows it shows. */
guint           byline_missing_list_get_n_rows   (BylineMissingList *self);

G_END_DECLS
