/* byline-types.h — every type of libbyline, forward-declared, and its enums
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _BylineArticle    BylineArticle;
typedef struct _BylineBody       BylineBody;
typedef struct _BylineBlock      BylineBlock;
typedef struct _BylineDraftStore BylineDraftStore;
typedef struct _BylineImage      BylineImage;

typedef enum
{
  BYLINE_STATUS_DRAFT,
  BYLINE_STATUS_SUBMITTED,
  BYLINE_STATUS_RETURNED,
  BYLINE_STATUS_SCHEDULED,
  BYLINE_STATUS_PUBLISHED,
} BylineStatus;

typedef enum
{
  BYLINE_BLOCK_PARAGRAPH,
  BYLINE_BLOCK_HEADING1,
  BYLINE_BLOCK_HEADING2,
  BYLINE_BLOCK_QUOTE,
  BYLINE_BLOCK_BULLETED_ITEM,
  BYLINE_BLOCK_NUMBERED_ITEM,
  BYLINE_BLOCK_IMAGE,
} BylineBlockKind;

typedef enum
{
  BYLINE_SPAN_BOLD,
  BYLINE_SPAN_ITALIC,
  BYLINE_SPAN_LINK,
} BylineSpanKind;

G_END_DECLS
