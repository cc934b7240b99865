/* byline-import-file.c — a file opened in the window becomes a draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-import-file.h"

/* A story file bigger than this is not a story. */
#define MAX_IMPORT_SIZE (64 * 1024 * 1024)

char *
byline_import_file (BylineDraftStore  *store,
                    GFile             *file,
                    GError           **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  const char *format = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* The person chose the file: its name is enough in a toast. */
  name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > MAX_IMPORT_SIZE)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE,
                   _("%s is larger than %d MB"), name, MAX_IMPORT_SIZE / (1024 * 1024));
      return NULL;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  folder = g_file_get_parent (file);

  /* What the CLI takes, with the same messages for what it does not. */
  article = byline_import_read (bytes, name, folder, &format, error);
  if (article != NULL && g_str_equal (format, "draft"))
    {
      /* Already one of ours: open it, do not make a second one. */
      if (byline_draft_store_contains (store, byline_article_get_id (article)))
        return g_strdup (byline_article_get_id (article));
      /* From elsewhere: its pictures sit beside it in media/. */
      byline_import_attach_draft_media (article, folder, name, FALSE, NULL);
      byline_article_set_revision (article, 0);
    }

  if (article == NULL)
    return NULL;
  if (!byline_draft_store_save (store, article, error))
    return NULL;
  return g_strdup (byline_article_get_id (article));
}
