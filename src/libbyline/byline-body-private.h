/* byline-body-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-body.h"

G_BEGIN_DECLS

/* Members of a block the draft format does not know, kept for the next save. */
JsonObject *_byline_block_get_extra      (const BylineBlock *block);
void        _byline_body_set_block_extra (BylineBody        *self,
                                          guint              index,
                                          JsonObject        *extra);

G_END_DECLS
