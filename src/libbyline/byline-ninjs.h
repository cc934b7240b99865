/* byline-ninjs.h — IPTC ninjs: export 2.2, import 1.x, 2.x and 3.x
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "byline-types.h"

G_BEGIN_DECLS

/* How pictures are referred to from the exported item: each association's
 * rendition href is @media_base + "<sha256>.<ext>" (NULL: "media/"). */
typedef struct
{
  const char *media_base;
} BylineNinjsOptions;

JsonNode      *byline_ninjs_export        (BylineArticle             *article,
                                           const BylineNinjsOptions  *options);
GBytes        *byline_ninjs_export_bytes  (BylineArticle             *article,
                                           const BylineNinjsOptions  *options);

/* Imports a ninjs item as a new draft (new id, status draft).  Pictures referred
 * to by relative hrefs are looked up under @base_folder (may be NULL) and, when
 * present, attached through BylineImage:file; remote ones are kept as metadata.
 * Errors: BYLINE_ERROR_MALFORMED, BYLINE_ERROR_UNSUPPORTED_FORMAT. */
BylineArticle *byline_ninjs_import        (GBytes                    *bytes,
                                           const char                *source_name,
                                           GFile                     *base_folder,
                                           GError                   **error);
gboolean       byline_ninjs_sniff         (GBytes                    *bytes);

G_END_DECLS
