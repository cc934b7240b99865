/* byline-destination-private.h — what destination implementations share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-destination.h"

G_BEGIN_DECLS

void                _byline_destination_set_roles (BylineDestination       *self,
                                                   BylineRoles              roles);
/* Honours a Retry-After of @seconds: byline_destination_get_not_before(). */
void                _byline_destination_defer     (BylineDestination       *self,
                                                   guint                    seconds);

/* A deep copy kept in a task's data while the send runs. */
BylineSendOptions  *_byline_send_options_copy     (const BylineSendOptions *options);
void                _byline_send_options_free     (BylineSendOptions       *options);
gboolean            _byline_send_options_wrote    (const BylineSendOptions *options,
                                                   const char              *version);

/* "\"<sha256 of @bytes>\"": the strong version both our folder and our Newsroom
 * API give an item, so that a client can recognize its own write. */
char               *_byline_version_for_bytes     (GBytes                  *bytes);

G_END_DECLS
