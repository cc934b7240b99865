/* byline-checklist-button.h — the header bar's way into the checklist, with a count
 *
 * A toggle button with a badge: the number of errors (red) or, when there are
 * none, of warnings; a check mark when the story is clean.  Its tooltip and
 * accessible name say the same in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"
#include "byline-checklist.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_CHECKLIST_BUTTON (byline_checklist_button_get_type ())

G_DECLARE_FINAL_TYPE (BylineChecklistButton, byline_checklist_button, BYLINE, CHECKLIST_BUTTON, GtkToggleButton)

BylineChecklist *byline_checklist_button_get_checklist  (BylineChecklistButton *self);
void             byline_checklist_button_set_checklist  (BylineChecklistButton *self,
                                                         BylineChecklist       *checklist);
/* The badge's text ("3"), empty when it is hidden. */
const char      *byline_checklist_button_get_badge_text (BylineChecklistButton *self);

G_END_DECLS
