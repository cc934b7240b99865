/* byline-print.h — printing a story through GtkPrintOperation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

/* Shows the print dialog and prints @article as it will look published. */
gboolean byline_print_article (BylineArticle  *article,
                               GtkWindow      *parent,
                               GError        **error);
/* Prints without a dialog to a PDF file: for tests and the screenshot script. */
gboolean byline_print_to_pdf  (BylineArticle  *article,
                               const char     *path,
                               int            *n_pages,
                               GError        **error);

G_END_DECLS
