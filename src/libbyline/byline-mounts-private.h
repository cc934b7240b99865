/* byline-mounts-private.h — is a folder on a drive that is not mounted?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The mount point of the system's table (fstab) that @path lies on, when
 * that drive is not mounted now (a network drive not connected), or NULL.
 * @fstab and @mounts: the tables to read, for tests; NULL: the system's. */
char *_byline_unmounted_drive_of (const char *path,
                                  const char *fstab,
                                  const char *mounts);

G_END_DECLS
