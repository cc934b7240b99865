/* byline-ninjs.h — IPTC ninjs: export 2.2, import 1.x, 2.x and 3.x
 *
 * The mapping between an article and a ninjs item is described at the top of
 * byline-ninjs-export.c (export) and byline-ninjs-import.c (import).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "byline-types.h"

G_BEGIN_DECLS

/* How pictures are referred to from the exported item: each association's
 * rendition href, and each <img src> of the HTML body, is @media_base +
 * "<sha256>.<ext>" (NULL: "media/", the layout of a draft folder).  Pass an
 * absolute URL ("https://cdn.example.vn/media/") when the item leaves the machine. */
typedef struct
{
  const char *media_base;
} BylineNinjsOptions;

/* The article as a ninjs 2.2 item that validates against the IPTC schema.
 * The editor's note is never part of it.  @options may be NULL. */
JsonNode      *byline_ninjs_export        (BylineArticle             *article,
                                           const BylineNinjsOptions  *options);
/* The same as pretty-printed UTF-8 JSON. */
GBytes        *byline_ninjs_export_bytes  (BylineArticle             *article,
                                           const BylineNinjsOptions  *options);

/* Imports a ninjs 1.x, 2.x or 3.x item as a new draft (new id, status draft).
 * Pictures referred to by relative hrefs (or file: URIs) are looked up under
 * @base_folder (may be NULL: no local pictures) and, when present, attached
 * through BylineImage:file.  Pictures whose bytes are not there (remote ones,
 * missing files) are kept as metadata in the draft's "pending_pictures" member.
 * @source_name names the input in error messages (a path, or "<stdin>").
 * Errors: BYLINE_ERROR_MALFORMED (with line and column), BYLINE_ERROR_NOT_UTF8,
 * BYLINE_ERROR_UNSUPPORTED_FORMAT (JSON that is not a ninjs item, binary data,
 * a local file that is not a picture), BYLINE_ERROR_UNSAFE_PATH (a reference
 * that leaves @base_folder: the whole import fails), BYLINE_ERROR_TOO_LARGE. */
BylineArticle *byline_ninjs_import        (GBytes                    *bytes,
                                           const char                *source_name,
                                           GFile                     *base_folder,
                                           GError                   **error);
/* The pictures an imported item referred to whose bytes were not there (remote
 * renditions, missing files), in the item's order, as JSON objects with the
 * members name, uri, href, contenttype, width, height, caption, credit, alt_text
 * and featured (those the item had); NULL when there are none.  They live in
 * the draft (its "pending_pictures" member) until something fetches them. */
JsonArray     *byline_ninjs_dup_pending_pictures (BylineArticle      *article);

/* TRUE when @bytes is a JSON object that looks like a ninjs item of any version. */
gboolean       byline_ninjs_sniff         (GBytes                    *bytes);

G_END_DECLS
