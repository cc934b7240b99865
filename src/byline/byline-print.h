/* byline-print.h — printing a story through GtkPrintOperation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

/* Shows the print dialog, modal to @parent, and prints @article (as it is
 * now) as it will look published, without waiting for it: an error is shown
 * as a toast in @parent.  The dialog starts with the printer and paper of the
 * last print. */
void     byline_print_article (BylineArticle  *article,
                               GtkWindow      *parent);
/* The settings the print dialog starts with for @article: those of the last
 * print (@last, or none), with "Print to File" offering the file it printed
 * to again when that was this story, else a file named after the story in
 * the folder of that file (the first time, in Documents): never another
 * story's file. */
GtkPrintSettings *byline_print_settings_for (GtkPrintSettings *last,
                                             BylineArticle    *article);
/* Prints without a dialog to a PDF file: for tests and the screenshot script. */
gboolean byline_print_to_pdf  (BylineArticle  *article,
                               const char     *path,
                               int            *n_pages,
                               GError        **error);

G_END_DECLS
