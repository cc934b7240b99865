/* byline-draft-store-autosave.c
 *
 * A watched article is saved a while after its last change, not after every
 * keystroke, and not later than ten delays after the first unsaved change.
 * What the store itself changes while saving (the modified time, the files of
 * the pictures) is not an edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-article.h"
#include "byline-draft-store-private.h"

typedef struct
{
  BylineDraftStore *self;        /* unowned: the store owns its watches */
  BylineArticle    *article;
  gulong            changed_id;
  guint             timeout_id;
  guint             delay_ms;
  gint64            dirty_since; /* monotonic µs; 0 while clean */
} Watch;

void
_byline_draft_watch_free (gpointer data)
{
  Watch *watch = data;

  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  g_clear_signal_handler (&watch->changed_id, watch->article);
  g_clear_object (&watch->article);
  g_free (watch);
}

static gboolean
on_autosave_timeout (gpointer data)
{
  Watch *watch = data;
  g_autoptr(BylineDraftStore) self = g_object_ref (watch->self);
  g_autoptr(BylineArticle) article = g_object_ref (watch->article);
  g_autoptr(GError) error = NULL;

  watch->timeout_id = 0;
  /* The watch may be gone after this: handlers of ::saved may unwatch. */
  if (!byline_draft_store_save (self, article, &error))
    _byline_draft_store_emit_autosave_failed (self, article, error);
  return G_SOURCE_REMOVE;
}

static void
on_article_changed (BylineArticle *article,
                    Watch         *watch)
{
  gint64 now;

  if (watch->self->saving == article)
    return;

  now = g_get_monotonic_time ();
  if (watch->dirty_since == 0)
    watch->dirty_since = now;

  /* Debounce, but do not let non-stop typing put the save off for ever. */
  if (watch->timeout_id != 0
      && now - watch->dirty_since >= (gint64) watch->delay_ms * 10 * 1000)
    return;

  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  watch->timeout_id = g_timeout_add (watch->delay_ms, on_autosave_timeout, watch);
}

void
byline_draft_store_watch (BylineDraftStore *self,
                          BylineArticle    *article,
                          guint             delay_ms)
{
  Watch *watch;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (BYLINE_IS_ARTICLE (article));

  watch = g_hash_table_lookup (self->watches, article);
  if (watch != NULL)
    {
      watch->delay_ms = delay_ms;
      return;
    }

  watch = g_new0 (Watch, 1);
  watch->self = self;
  watch->article = g_object_ref (article);
  watch->delay_ms = delay_ms;
  watch->changed_id = g_signal_connect (article, "changed", G_CALLBACK (on_article_changed), watch);
  g_hash_table_insert (self->watches, article, watch);
}

void
byline_draft_store_unwatch (BylineDraftStore *self,
                            BylineArticle    *article)
{
  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (BYLINE_IS_ARTICLE (article));

  g_hash_table_remove (self->watches, article);
}

gboolean
byline_draft_store_flush (BylineDraftStore  *self,
                          BylineArticle     *article,
                          GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!byline_draft_store_is_dirty (self, article))
    return TRUE;
  return byline_draft_store_save (self, article, error);
}

gboolean
byline_draft_store_is_dirty (BylineDraftStore *self,
                             BylineArticle    *article)
{
  Watch *watch;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);

  watch = g_hash_table_lookup (self->watches, article);
  return watch != NULL && watch->dirty_since != 0;
}

void
_byline_draft_store_watch_saved (BylineDraftStore *self,
                                 BylineArticle    *article)
{
  Watch *watch = g_hash_table_lookup (self->watches, article);

  if (watch != NULL)
    {
      g_clear_handle_id (&watch->timeout_id, g_source_remove);
      watch->dirty_since = 0;
    }
}
