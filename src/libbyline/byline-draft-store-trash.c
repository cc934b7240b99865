/* byline-draft-store-trash.c
 *
 * Deleting a draft moves its folder, whole, to .trash/ (under its lock, so
 * that no save is halfway through it); undeleting moves it back.  A rename
 * never replaces: two drafts of one id never overwrite each other.  The
 * folder's modification time is set to the deletion's, which is what
 * byline_draft_store_purge_trash() goes by.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <errno.h>
#include <utime.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "byline-draft-store-private.h"
#include "byline-error.h"

GPtrArray *
byline_draft_store_list_trash (BylineDraftStore  *self,
                               GError           **error)
{
  g_autofree char *trash = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trash = g_build_filename (self->path, BYLINE_DRAFT_TRASH_NAME, NULL);
  return _byline_draft_list_folder (trash, BYLINE_LIST_DELETED, error);
}

gboolean
byline_draft_store_delete (BylineDraftStore  *self,
                           const char        *id,
                           GError           **error)
{
  g_autofree char *draft_dir = NULL;
  g_autofree char *trash = NULL;
  g_autofree char *trashed = NULL;
  gboolean moved;
  int lock;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_byline_draft_check_id (id, error))
    return FALSE;
  draft_dir = _byline_draft_store_dup_draft_dir (self, id);
  trash = g_build_filename (self->path, BYLINE_DRAFT_TRASH_NAME, NULL);
  trashed = _byline_draft_store_dup_trash_dir (self, id);

  if (!g_file_test (draft_dir, G_FILE_TEST_IS_DIR))
    return _byline_draft_store_set_not_found (self, id, error);
  if (g_file_test (trashed, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT,
                   _("Another copy of draft %s is already in the trash (%s)"), id, trashed);
      return FALSE;
    }
  if (!_byline_make_folder (trash, error))
    return FALSE;

  /* Under the lock, so that no save is halfway through the folder. */
  lock = _byline_draft_lock (draft_dir, id, TRUE, error);
  if (lock < 0)
    return FALSE;
  moved = _byline_rename_no_replace (draft_dir, trashed, error);
  _byline_draft_unlock (lock);
  /* A rename leaves the folder's own time as it was: it says when the
   * draft was last changed, not when it was deleted. */
  if (moved && g_utime (trashed, NULL) != 0)
    g_debug ("%s: deletion time not kept: %s", trashed, g_strerror (errno));

  return moved
         && _byline_fsync_folder (self->path, error)
         && _byline_fsync_folder (trash, error);
}

gboolean
byline_draft_store_undelete (BylineDraftStore  *self,
                             const char        *id,
                             GError           **error)
{
  g_autofree char *draft_dir = NULL;
  g_autofree char *trash = NULL;
  g_autofree char *trashed = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_byline_draft_check_id (id, error))
    return FALSE;
  draft_dir = _byline_draft_store_dup_draft_dir (self, id);
  trash = g_build_filename (self->path, BYLINE_DRAFT_TRASH_NAME, NULL);
  trashed = _byline_draft_store_dup_trash_dir (self, id);

  if (!g_file_test (trashed, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                   _("Draft %s is not in the trash"), id);
      return FALSE;
    }
  if (g_file_test (draft_dir, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT,
                   _("Draft %s cannot be undeleted: a draft with that id exists (%s)"),
                   id, draft_dir);
      return FALSE;
    }

  return _byline_rename_no_replace (trashed, draft_dir, error)
         && _byline_fsync_folder (trash, error)
         && _byline_fsync_folder (self->path, error);
}

gboolean
byline_draft_store_purge (BylineDraftStore  *self,
                          const char        *id,
                          GError           **error)
{
  g_autofree char *trashed = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_byline_draft_check_id (id, error))
    return FALSE;
  trashed = _byline_draft_store_dup_trash_dir (self, id);
  if (!g_file_test (trashed, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                   _("Draft %s is not in the trash"), id);
      return FALSE;
    }
  return _byline_remove_tree (trashed, error);
}

/* With @all, whatever the age: a folder's time may be in the future (a clock
 * that was wrong when the draft was deleted). */
static guint
purge_trash (BylineDraftStore  *self,
             GTimeSpan          older_than,
             gboolean           all,
             GError           **error)
{
  g_autofree char *trash = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint purged = 0;

  trash = g_build_filename (self->path, BYLINE_DRAFT_TRASH_NAME, NULL);
  dir = g_dir_open (trash, 0, &local_error);
  if (dir == NULL)
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_FAILED, local_error->message);
      return 0;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *trashed = NULL;
      GStatBuf st;

      if (!_byline_draft_id_is_valid (name))
        continue;
      trashed = g_build_filename (trash, name, NULL);
      if (g_stat (trashed, &st) != 0 || !S_ISDIR (st.st_mode)
          || (!all && (now - (gint64) st.st_mtime) * G_USEC_PER_SEC < older_than))
        continue;
      /* One that cannot go now stays for the next time. */
      if (_byline_remove_tree (trashed, local_error == NULL ? &local_error : NULL))
        purged++;
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return purged;
}

guint
byline_draft_store_purge_trash (BylineDraftStore  *self,
                                GTimeSpan          older_than,
                                GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return purge_trash (self, older_than, FALSE, error);
}

guint
byline_draft_store_empty_trash (BylineDraftStore  *self,
                                GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return purge_trash (self, 0, TRUE, error);
}
