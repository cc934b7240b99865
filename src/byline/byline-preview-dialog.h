/* byline-preview-dialog.h — the story as it will look published
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PREVIEW_DIALOG (byline_preview_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BylinePreviewDialog, byline_preview_dialog, BYLINE, PREVIEW_DIALOG, AdwDialog)

AdwDialog *byline_preview_dialog_new (BylineArticle *article);

G_END_DECLS
