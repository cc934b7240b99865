/* byline-folder-private.h — what the folder destination's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-types.h"

G_BEGIN_DECLS

/* The folders of stories by status, <folder>/<status>/<id>/. */
#define BYLINE_FOLDER_N_STATUSES 5
extern const BylineStatus _byline_folder_statuses[BYLINE_FOLDER_N_STATUSES];

/* In a thread: is @folder there and the newsroom's, to read and write
 * stories in?  With @take (the default folder, or one just chosen), it is
 * made and marked if need be.  @fstab, @mounts: the mount tables, NULL for
 * the system's. */
gboolean _byline_folder_reach         (GFile         *folder,
                                       gboolean       take,
                                       const char    *fstab,
                                       const char    *mounts,
                                       GCancellable  *cancellable,
                                       GError       **error);
/* @cause (a GIO error, taken) as a BYLINE_ERROR: @format, translated, has
 * "%s: %s" for @file's name and the cause in our words. */
void     _byline_folder_set_io_error  (GError       **error,
                                       GError        *cause,
                                       GFile         *file,
                                       const char    *format);
/* The same for a failure within the newsroom's @folder: when the folder
 * itself has gone meanwhile, that is what is said (and retried). */
void     _byline_folder_set_failure   (GError       **error,
                                       GError        *cause,
                                       GFile         *folder,
                                       const char    *format);

G_END_DECLS
