/* byline.h — the whole of libbyline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-types.h"
#include "byline-error.h"
#include "byline-enums.h"
#include "byline-text.h"
#include "byline-text-search.h"
#include "byline-image.h"
#include "byline-image-info.h"
#include "byline-body.h"
#include "byline-clip.h"
#include "byline-article.h"
#include "byline-draft-format.h"
#include "byline-draft-store.h"
#include "byline-ninjs.h"
#include "byline-html.h"
#include "byline-import.h"
#include "byline-tone.h"
#include "byline-spell.h"
#include "byline-consistency.h"
#include "byline-checks.h"
#include "byline-article-search.h"
#include "byline-date-format.h"
#include "byline-export.h"
#include "byline-files.h"
