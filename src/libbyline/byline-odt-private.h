/* byline-odt-private.h — a story written in LibreOffice Writer (.odt)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-types.h"

G_BEGIN_DECLS

/* Whether @bytes are a ZIP archive of an OpenDocument text, if damaged. */
gboolean       _byline_odt_sniff  (GBytes      *bytes);
/* The story in an .odt, read as _byline_office_import() reads paragraphs
 * (see byline-odt.c for what becomes what).  Its pictures are attached from
 * a temporary folder removed when the article is finalized: save it first.
 * Errors: BYLINE_ERROR_MALFORMED for a damaged archive or content.xml,
 * BYLINE_ERROR_TOO_LARGE for a part over 64 MiB, and the HTML import's. */
BylineArticle *_byline_odt_import (GBytes      *bytes,
                                   const char  *display,
                                   GError     **error);
/* A piece of a document as LibreOffice copies it to the clipboard (the
 * same package): all of it the body (_byline_office_import_piece()). */
BylineArticle *_byline_odt_import_piece (GBytes      *bytes,
                                         const char  *display,
                                         GError     **error);

G_END_DECLS
