/* byline-checklist.h — the preflight checklist of the open story
 *
 * Runs byline_check_article() on the document's article, again a moment after
 * every change (then in a thread, on a copy), with the limits and house rules of the settings, and lists the
 * findings: errors first, each with its place; activating one emits
 * ::activate-finding (the window shows the place), and a finding with a
 * suggestion has a button that applies it (a fix of the text, as one step
 * of its undo: byline_document_begin_edit()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_CHECKLIST (byline_checklist_get_type ())

G_DECLARE_FINAL_TYPE (BylineChecklist, byline_checklist, BYLINE, CHECKLIST, GtkWidget)

BylineDocument *byline_checklist_get_document   (BylineChecklist *self);
void            byline_checklist_set_document   (BylineChecklist *self,
                                                 BylineDocument  *document);
/* The findings of the last run: a GListModel of BylineFinding. */
GListModel     *byline_checklist_get_findings   (BylineChecklist *self);
guint           byline_checklist_get_n_errors   (BylineChecklist *self);
guint           byline_checklist_get_n_warnings (BylineChecklist *self);
/* "2 errors, 1 warning" (translated), or "No problems found". */
const char     *byline_checklist_get_summary    (BylineChecklist *self);
/* Runs the checks now instead of after the pause (a run is also pending
 * until then); the UI tests and "before sending" call it. */
void            byline_checklist_run            (BylineChecklist *self);
/* TRUE while findings are pending: a change not checked yet, or checks
 * running in the thread. */
gboolean        byline_checklist_get_busy       (BylineChecklist *self);
/* The list shows only the rows on screen.  For the tests: */
/* scrolls finding @index into view (its row exists after the next layout); */
void            byline_checklist_scroll_to_finding (BylineChecklist *self,
                                                    guint            index);
/* the same, and gives its row the keyboard focus; */
void            byline_checklist_focus_finding  (BylineChecklist *self,
                                                 guint            index);
/* the row (an AdwActionRow) showing finding @index, or NULL when it is not
 * on screen; */
GtkWidget      *byline_checklist_get_row        (BylineChecklist *self,
                                                 guint            index);
/* how many rows the list holds; */
guint           byline_checklist_get_n_rows     (BylineChecklist *self);
/* activates finding @index as Enter on its row does. */
void            byline_checklist_activate_finding (BylineChecklist *self,
                                                   guint            index);

G_END_DECLS
