/* byline-import-file.c — a file opened in the window becomes a draft
 *
 * Reading the file (a Word document with photos is unzipped, its XML read,
 * its pictures written out and copied into the store) can run in a thread;
 * what touches the store's state (saving the new draft, which emits
 * ::saved) runs where the store lives, on the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-import-file.h"
#include "byline-web-page.h"
#include "byline-web-picture.h"


typedef struct
{
  GFile                *file;
  BylineDownloadedPage *page;     /* the web page @file names, downloaded already */
  BylineWebProgress     progress; /* … how many of its pictures have come */
  gpointer              progress_data;
  BylineArticle        *article;
  const char           *format;   /* static: "draft", "html"… */
  char                 *notice;   /* what was left out, for the person */
} Read;

static void
read_free (Read *read)
{
  g_clear_object (&read->file);
  g_clear_pointer (&read->page, byline_downloaded_page_free);
  g_clear_object (&read->article);
  g_free (read->notice);
  g_free (read);
}

/* The file as an article, and what it was; no store involved.  A web
 * page's pictures not downloaded when @cancellable is cancelled are left
 * out. */
static BylineArticle *
read_file (GFile                      *file,
           const BylineDownloadedPage *page,
           BylineWebProgress           progress,
           gpointer                    progress_data,
           const char                **format,
           char                      **notice,
           GCancellable               *cancellable,
           GError                    **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) left_out = NULL;
  BylineArticle *article;
  goffset size;

  /* A link to a web page (dropped from a browser): its story, downloaded. */
  if (byline_web_picture_is_web (file))
    {
      g_autofree char *uri = g_file_get_uri (file);

      *format = "html";
      article = page != NULL ? byline_web_page_read_downloaded (page, cancellable, progress, progress_data,
                                                                &left_out, error)
                             : byline_web_page_read_article (uri, cancellable, &left_out, error);
      if (article != NULL && notice != NULL)
        *notice = byline_import_describe_left_out (uri, (const char * const *) left_out);
      return article;
    }

  /* The person chose the file: its name is enough in a toast. */
  name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    {
      /* A stick pulled out, a typo on the command line: said in our words. */
      byline_io_error_reword (error, file);
      return NULL;
    }
  size = g_file_info_get_size (info);
  if (size > BYLINE_IMPORT_MAX_SIZE)
    {
      g_autoptr(GFileInputStream) input = g_file_read (file, NULL, error);
      guint8 head[4] = { 0 };
      gsize n = 0;
      gsize limit;

      if (input == NULL
          || !g_input_stream_read_all (G_INPUT_STREAM (input), head, sizeof head, &n, NULL, error))
        {
          byline_io_error_reword (error, file);
          return NULL;
        }
      /* A Word document carries its photos: it may be larger. */
      limit = byline_import_size_limit (head, n);
      if ((gsize) size > limit)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE,
                       _("%s is larger than %d MB"), name, (int) (limit / (1024 * 1024)));
          return NULL;
        }
    }
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    {
      byline_io_error_reword (error, file);
      return NULL;
    }
  folder = g_file_get_parent (file);

  /* What the CLI takes, with the same messages for what it does not. */
  article = byline_import_read_full (bytes, name, folder, format, &left_out, error);
  if (article != NULL && notice != NULL)
    *notice = byline_import_describe_left_out (name, (const char * const *) left_out);
  return article;
}

/* Readies the article read for @store: a draft from elsewhere finds its
 * pictures, and the pictures are copied into the store (what takes time in
 * saving a document with photos: reading, hashing and syncing them), so that
 * save_read() only writes the draft.  Touches no state of the store: may run
 * in a thread. */
static gboolean
prepare_read (BylineDraftStore  *store,
              GFile             *file,
              BylineArticle     *article,
              const char        *format,
              GError           **error)
{
  if (g_str_equal (format, "draft"))
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);

      /* Already one of ours: save_read() opens it. */
      if (byline_draft_store_contains (store, byline_article_get_id (article)))
        return TRUE;
      /* From elsewhere: its pictures sit beside it in media/. */
      byline_import_attach_draft_media (article, folder, name, FALSE, NULL);
      byline_article_set_revision (article, 0);
    }
  return byline_draft_store_copy_media (store, article, error);
}

/* The article read and readied into @store: its id. */
static char *
save_read (BylineDraftStore  *store,
           BylineArticle     *article,
           const char        *format,
           GError           **error)
{
  /* Already one of ours (or made so meanwhile): open it, do not make a
   * second one. */
  if (g_str_equal (format, "draft")
      && byline_draft_store_contains (store, byline_article_get_id (article)))
    return g_strdup (byline_article_get_id (article));
  if (!byline_draft_store_save (store, article, error))
    return NULL;
  return g_strdup (byline_article_get_id (article));
}

char *
byline_import_file (BylineDraftStore  *store,
                    GFile             *file,
                    GError           **error)
{
  g_autoptr(BylineArticle) article = NULL;
  const char *format = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  article = read_file (file, NULL, NULL, NULL, &format, NULL, NULL, error);
  if (article == NULL || !prepare_read (store, file, article, format, error))
    return NULL;
  return save_read (store, article, format, error);
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Read *read = data;
  GError *error = NULL;

  read->article = read_file (read->file, read->page, read->progress, read->progress_data, &read->format,
                             &read->notice, cancellable, &error);
  /* Stopped while it was read: nothing goes into the store.  Once it is
   * in, it opens: too late to stop. */
  if (read->article != NULL && g_cancellable_set_error_if_cancelled (cancellable, &error))
    g_clear_object (&read->article);
  if (read->article == NULL
      || !prepare_read (source, read->file, read->article, read->format, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
start_read (BylineDraftStore    *store,
            Read                *read,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, byline_import_file_async);
  g_task_set_task_data (task, read, (GDestroyNotify) read_free);
  /* What was read whole before a cancel is kept (read_in_thread()). */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, read_in_thread);
}

void
byline_import_file_async (BylineDraftStore    *store,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Read *read;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  read = g_new0 (Read, 1);
  read->file = g_object_ref (file);
  start_read (store, read, cancellable, callback, user_data);
}

void
byline_import_web_page_async (BylineDraftStore           *store,
                              const BylineDownloadedPage *page,
                              BylineWebProgress           progress,
                              gpointer                    progress_data,
                              GCancellable               *cancellable,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  Read *read;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (store));
  g_return_if_fail (page != NULL);

  read = g_new0 (Read, 1);
  read->file = g_file_new_for_uri (page->uri);
  read->page = byline_downloaded_page_new (page->uri, page->base, page->html);
  read->progress = progress;
  read->progress_data = progress_data;
  start_read (store, read, cancellable, callback, user_data);
}

char *
byline_import_file_finish (BylineDraftStore  *store,
                           GAsyncResult      *result,
                           char             **notice,
                           GError           **error)
{
  Read *read;
  char *id;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  if (notice != NULL)
    *notice = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  read = g_task_get_task_data (G_TASK (result));
  id = save_read (store, read->article, read->format, error);
  if (id != NULL && notice != NULL)
    *notice = g_steal_pointer (&read->notice);
  return id;
}
