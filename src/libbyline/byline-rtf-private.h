/* byline-rtf-private.h — a story saved as Rich Text (.rtf)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-types.h"

G_BEGIN_DECLS

/* Whether @bytes begin as Rich Text does ("{\rtf", after a byte order
 * mark and spaces), damaged or not further on. */
gboolean       _byline_rtf_sniff  (GBytes      *bytes);
/* The text of an .rtf as a story (see byline-rtf.c for what is read).
 * Errors: the HTML import's; a damaged or cut file gives what could be
 * read. */
BylineArticle *_byline_rtf_import (GBytes      *bytes,
                                   const char  *display,
                                   GError     **error);
/* A piece of a document as a word processor copies it to the clipboard
 * as Rich Text: all of it the body (_byline_office_import_piece()). */
BylineArticle *_byline_rtf_import_piece (GBytes      *bytes,
                                         const char  *display,
                                         GError     **error);

G_END_DECLS
