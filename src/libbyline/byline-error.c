/* byline-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "byline-error.h"

G_DEFINE_QUARK (byline-error-quark, byline_error)
