/* byline-choice-row.h — a row that picks one of a list of strings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_CHOICE_ROW (byline_choice_row_get_type ())

G_DECLARE_FINAL_TYPE (BylineChoiceRow, byline_choice_row, BYLINE, CHOICE_ROW, AdwActionRow)

GtkWidget  *byline_choice_row_new          (void);
GListModel *byline_choice_row_get_model    (BylineChoiceRow *self);
void        byline_choice_row_set_model    (BylineChoiceRow *self,
                                            GListModel      *model);
guint       byline_choice_row_get_selected (BylineChoiceRow *self);
void        byline_choice_row_set_selected (BylineChoiceRow *self,
                                            guint            position);
GtkPopover *byline_choice_row_get_popover  (BylineChoiceRow *self);

G_END_DECLS
