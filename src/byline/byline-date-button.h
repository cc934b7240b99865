/* byline-date-button.h — a publish date and time, picked with a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_DATE_BUTTON (byline_date_button_get_type ())

G_DECLARE_FINAL_TYPE (BylineDateButton, byline_date_button, BYLINE, DATE_BUTTON, GtkWidget)

GtkWidget *byline_date_button_new           (void);
/* NULL: not set ("As soon as approved"). */
GDateTime *byline_date_button_get_date_time (BylineDateButton *self);
void       byline_date_button_set_date_time (BylineDateButton *self,
                                             GDateTime        *date_time);

G_END_DECLS
