/* byline-docx-private.h — a story written in Word (.docx)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-types.h"

G_BEGIN_DECLS

/* Whether @bytes are a ZIP archive of Word's, if damaged. */
gboolean       _byline_docx_sniff  (GBytes      *bytes);
/* The story in a .docx, read as byline_html_import() reads a page (see
 * byline-docx.c for what becomes what).  Its pictures are attached from a
 * temporary folder removed when the article is finalized: save it first.
 * Errors: BYLINE_ERROR_MALFORMED for a damaged archive or document.xml,
 * BYLINE_ERROR_TOO_LARGE for a part over 64 MiB, and the HTML import's. */
BylineArticle *_byline_docx_import (GBytes      *bytes,
                                    const char  *display,
                                    GError     **error);

G_END_DECLS
