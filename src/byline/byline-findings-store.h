/* byline-findings-store.h — the checklist's list of findings, brought up to date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline.h"

G_BEGIN_DECLS

/* Makes @store (of BylineFinding) hold @found, in its order, changing as
 * little as it can: see byline-findings-store.c. */
void byline_findings_store_update (GListStore *store,
                                   GPtrArray  *found);

G_END_DECLS
