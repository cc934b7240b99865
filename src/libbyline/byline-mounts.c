/* byline-mounts.c — is a folder on a drive that is not mounted?
 *
 * A network drive named in /etc/fstab and not mounted leaves its mount point
 * an empty folder of the local disk: a folder below it is "there" to GIO,
 * and what is written there stays on this computer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gunixmounts.h>

#include "byline-mounts-private.h"

/* The system's tables: GLib's own defaults on Linux. */
#define SYSTEM_FSTAB  "/etc/fstab"
#define SYSTEM_MOUNTS "/proc/self/mountinfo"

static GHashTable *
table_points (const char *fstab)
{
  GHashTable *paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  size_t n = 0;
  GUnixMountPoint **points = g_unix_mount_points_get_from_file (fstab, NULL, &n);

  for (size_t i = 0; i < n; i++)
    {
      g_hash_table_add (paths, g_strdup (g_unix_mount_point_get_mount_path (points[i])));
      g_unix_mount_point_free (points[i]);
    }
  g_free (points);
  return paths;
}

static GHashTable *
mounted_paths (const char *mounts)
{
  GHashTable *paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  size_t n = 0;
  GUnixMountEntry **entries = g_unix_mount_entries_get_from_file (mounts, NULL, &n);

  for (size_t i = 0; i < n; i++)
    {
      g_hash_table_add (paths, g_strdup (g_unix_mount_entry_get_mount_path (entries[i])));
      g_unix_mount_entry_free (entries[i]);
    }
  g_free (entries);
  return paths;
}

char *
_byline_unmounted_drive_of (const char *path,
                            const char *fstab,
                            const char *mounts)
{
  g_autoptr(GHashTable) points = NULL;
  g_autoptr(GHashTable) mounted = NULL;
  g_autofree char *at = NULL;

  g_return_val_if_fail (path != NULL && g_path_is_absolute (path), NULL);

  points = table_points (fstab != NULL ? fstab : SYSTEM_FSTAB);
  if (g_hash_table_size (points) == 0)
    return NULL;
  mounted = mounted_paths (mounts != NULL ? mounts : SYSTEM_MOUNTS);
  /* From the folder up to the drive it is on now: a mount point of the
   * table crossed on the way is a drive that should be there and is not. */
  at = g_canonicalize_filename (path, NULL);
  for (;;)
    {
      g_autofree char *parent = NULL;

      if (g_hash_table_contains (mounted, at))
        return NULL;
      if (g_hash_table_contains (points, at))
        return g_steal_pointer (&at);
      parent = g_path_get_dirname (at);
      if (g_strcmp0 (parent, at) == 0)
        return NULL;
      g_free (at);
      at = g_steal_pointer (&parent);
    }
}
