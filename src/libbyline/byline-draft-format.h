/* byline-draft-format.h — "Byline draft v1": the JSON of one draft (docs/draft-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "byline-types.h"

G_BEGIN_DECLS

#define BYLINE_DRAFT_FORMAT_NAME      "byline-draft"
#define BYLINE_DRAFT_FORMAT_MAJOR     1
/* 1.1: a picture's width and height are the size it shows at (a JPEG's
 * EXIF orientation applied); 1.0 drafts may have its stored size. */
#define BYLINE_DRAFT_FORMAT_MINOR     1

/* The whole draft as a JSON document.  Image files are not included: they sit
 * beside draft.json as media/<sha256>.<ext>. */
GBytes        *byline_draft_format_serialize   (BylineArticle *article);
JsonNode      *byline_draft_format_to_json     (BylineArticle *article);

/* @source_name names the input in error messages (a path, or "<stdin>").
 * A draft of a newer major version fails with BYLINE_ERROR_NEWER_VERSION;
 * malformed JSON with BYLINE_ERROR_MALFORMED naming the line and column. */
BylineArticle *byline_draft_format_parse       (GBytes        *bytes,
                                                const char    *source_name,
                                                GError       **error);
BylineArticle *byline_draft_format_from_json   (JsonNode      *root,
                                                const char    *source_name,
                                                GError       **error);
/* TRUE when @bytes looks like a Byline draft (its "format" member). */
gboolean       byline_draft_format_sniff       (GBytes        *bytes);

G_END_DECLS
