/* byline-folder-newsroom.c — is a folder the newsroom's, there to write in?
 *
 * The checks a folder destination makes before it reads or writes stories
 * (see byline-folder-destination.h), and its errors in the person's words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "byline-article.h"
#include "byline-error.h"
#include "byline-files.h"
#include "byline-folder-private.h"
#include "byline-mounts-private.h"

const BylineStatus _byline_folder_statuses[BYLINE_FOLDER_N_STATUSES] = {
  BYLINE_STATUS_DRAFT, BYLINE_STATUS_SUBMITTED, BYLINE_STATUS_RETURNED,
  BYLINE_STATUS_SCHEDULED, BYLINE_STATUS_PUBLISHED,
};

/* A folder a network drive is mounted on is an empty folder of this
 * computer while the drive is not mounted: a story written there would
 * reach no editor.  So Byline writes into a folder only once it is the
 * newsroom's: marked with this file when it is taken, or holding stories. */
#define NEWSROOM_MARK ".byline-newsroom"
#define NEWSROOM_MARK_TEXT "Byline sends its stories to this folder: see draft/, submitted/, returned/, " \
                           "scheduled/ and published/.\n"

/* A failure of GIO as a BYLINE_ERROR: a share that went away is worth a retry. */
void
_byline_folder_set_io_error (GError    **error,
                             GError     *cause,
                             GFile      *file,
                             const char *format)  /* translated, "… %s: %s" for the name and the cause */
{
  g_autofree char *name = g_file_get_parse_name (file);
  const char *phrase = byline_io_error_phrase (cause);
  BylineError code = BYLINE_ERROR_FAILED;

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, cause);
      return;
    }
  if (byline_io_error_is_disconnection (cause))
    code = BYLINE_ERROR_NETWORK;
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    code = BYLINE_ERROR_NO_SPACE;
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
           || g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    code = BYLINE_ERROR_NOT_WRITABLE;
  g_set_error (error, BYLINE_ERROR, code, format, name, phrase != NULL ? phrase : cause->message);
  g_error_free (cause);
}

static void
set_not_there_error (GError **error,
                     GFile   *folder)
{
  g_autofree char *name = g_file_get_parse_name (folder);

  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK,
               _("The folder %s is not there: is its network drive connected?"), name);
}

/* A folder from before the mark: a status's folder of stories in it. */
static gboolean
holds_stories (GFile        *folder,
               GCancellable *cancellable)
{
  for (guint i = 0; i < BYLINE_FOLDER_N_STATUSES; i++)
    {
      g_autoptr(GFile) by_status = g_file_get_child (folder, byline_status_to_string (_byline_folder_statuses[i]));

      if (g_file_query_file_type (by_status, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
        return TRUE;
    }
  return FALSE;
}

gboolean
_byline_folder_reach (GFile         *folder,
                      gboolean       take,
                      const char    *fstab,
                      const char    *mounts,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFile) mark = g_file_get_child (folder, NEWSROOM_MARK);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *drive = NULL;

  /* A drive of the system's table not mounted: whatever is in its folder
   * now is the local disk's, mark or not, chosen or not. */
  if (g_file_peek_path (folder) != NULL
      && (drive = _byline_unmounted_drive_of (g_file_peek_path (folder), fstab, mounts)) != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK,
                   _("The folder %s is on the drive %s, which is not connected."), name, drive);
      return FALSE;
    }
  if (g_file_query_exists (mark, cancellable))
    return TRUE;

  if (take && !g_file_make_directory_with_parents (folder, cancellable, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      _byline_folder_set_io_error (error, g_steal_pointer (&local_error), folder,
                                   _("Could not create the folder %s: %s"));
      return FALSE;
    }
  g_clear_error (&local_error);

  info = g_file_query_info (folder, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      set_not_there_error (error, folder);
      return FALSE;
    }
  if (info == NULL)
    {
      _byline_folder_set_io_error (error, g_steal_pointer (&local_error), folder,
                                   _("Could not open the folder %s: %s"));
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED, _("%s is a file, not a folder."), name);
      return FALSE;
    }

  if (!take && !holds_stories (folder, cancellable))
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_NEWSROOM,
                   _("The folder %s has nothing of the newsroom’s in it: is its network drive connected? "
                     "If it is the right folder, test the account’s connection in Preferences."), name);
      return FALSE;
    }
  /* Taken now, or holding stories from before the mark: marked from now on.
   * (An editor who may only read a folder of stories reads it unmarked.) */
  if (!g_file_replace_contents (mark, NEWSROOM_MARK_TEXT, strlen (NEWSROOM_MARK_TEXT), NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, cancellable, &local_error)
      && take)
    {
      _byline_folder_set_io_error (error, g_steal_pointer (&local_error), folder,
                                   _("Could not write in the folder %s: %s"));
      return FALSE;
    }
  return TRUE;
}

/* A failure within the newsroom's folder: when the folder itself has gone
 * (its drive unplugged or disconnected meanwhile), that is what to say. */
void
_byline_folder_set_failure (GError    **error,
                            GError     *cause,
                            GFile      *folder,
                            const char *format)  /* translated, "… %s: %s" for the folder and the cause */
{
  g_autoptr(GFile) mark = g_file_get_child (folder, NEWSROOM_MARK);

  if (cause->domain == BYLINE_ERROR || g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, cause);
  else if (!byline_io_error_is_disconnection (cause)
           && !g_file_query_exists (mark, NULL) && !holds_stories (folder, NULL))
    {
      set_not_there_error (error, folder);
      g_error_free (cause);
    }
  else
    _byline_folder_set_io_error (error, cause, folder, format);
}
