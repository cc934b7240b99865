/* byline-doc-private.h — a story written in Word 97–2003 (.doc)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-types.h"

G_BEGIN_DECLS

/* Whether @bytes are a compound file, as .doc files are (if damaged). */
gboolean       _byline_doc_sniff  (GBytes      *bytes);
/* The text of a .doc as a story (see byline-doc.c for what is read).
 * Errors: BYLINE_ERROR_MALFORMED for a damaged file, BYLINE_ERROR_UNSUPPORTED_FORMAT
 * for a compound file that is no Word document, one older than Word 97
 * or one protected by a password, and the HTML import's. */
BylineArticle *_byline_doc_import (GBytes      *bytes,
                                   const char  *display,
                                   GError     **error);

G_END_DECLS
