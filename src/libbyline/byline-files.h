/* byline-files.h — files written whole or not at all
 *
 * Each goes to a temporary file in the same folder, is flushed to disk and
 * renamed over its name: the file is either as it was or complete.  Errors
 * name the file as the person would type it (its parse name).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean byline_file_write_atomically (GFile   *file,
                                       GBytes  *bytes,
                                       GError **error);
/* Copies @source to @dest the same way. */
gboolean byline_file_copy_atomically  (GFile   *source,
                                       GFile   *dest,
                                       GError **error);
/* Removes @file and, for a folder, everything in it. */
gboolean byline_file_remove_tree      (GFile   *file,
                                       GError **error);
/* The file's name at the end of @ref, an address or a relative path
 * ("…/L%C5%A9%20qu%C3%A9t.jpg?w=800" → "Lũ quét.jpg"): its query and fragment
 * cut, %XX decoded (left as it is when that is no UTF-8); NULL when it ends
 * with a slash. */
char    *byline_file_name_of_ref      (const char *ref);
/* What went wrong in a GIO error of the usual kinds, in the person's words
 * ("the drive is full"), or NULL: GLib's own messages are not all translated
 * (in Vietnamese "Error opening file …" is not). */
const char *byline_io_error_phrase    (const GError *error);
/* A GIO network error, from a network drive too: may be gone later. */
gboolean byline_io_error_is_disconnection (const GError *error);
/* *@error, from a GIO call on @file, said again as "FILE: what went wrong"
 * when byline_io_error_phrase() knows it; its domain and code are kept. */
void     byline_io_error_reword       (GError **error,
                                       GFile   *file);
/* The same for a temporary folder that goes with an object
 * (g_object_set_data_full()'s GDestroyNotify): @file is a GFile, unreffed. */
void     byline_file_remove_tree_and_unref (gpointer file);

G_END_DECLS
