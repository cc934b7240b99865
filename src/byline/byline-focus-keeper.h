/* byline-focus-keeper.h — the focus kept where it was when a window's layout changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

/* From now on, @window gives the focus back to the widget that had it
 * when one of its breakpoints applied or unapplied. */
void byline_focus_keeper_attach (AdwApplicationWindow *window);

G_END_DECLS
