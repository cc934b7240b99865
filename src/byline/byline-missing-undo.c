/* byline-missing-undo.c — missing pictures taken off the list, to give back
 *
 * A picture added in the place of one a document could not bring
 * (byline-body-view-pictures.c) settles that missing picture: the panel's
 * list and the checklist forget it.  Undoing the addition brought the
 * caption back as a paragraph but not the reminder, so the picture was
 * missed with nothing to say so.  The list of missing pictures is the
 * article's, not the body's, so the body's snapshots do not hold it: what
 * the edit settled is attached to its step of the history instead, put back
 * on undo and settled again on redo.  Only those, by their contents: a
 * picture forgotten by hand in between stays forgotten.  The pictures
 * panel's Forget gives them back the same way, from its toast's Undo
 * (byline-window-missing.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include "byline-missing-undo.h"
#include "byline-ninjs.h"

struct _BylineMissingTaken
{
  BylineArticle *article;
  GArray        *indexes;   /* where each was in the list, increasing */
  GPtrArray     *pictures;  /* JsonNode, as the draft holds them */
};

BylineMissingTaken *
_byline_missing_taken_new (BylineArticle *article,
                           JsonArray     *before)
{
  g_autoptr(JsonArray) after = NULL;
  BylineMissingTaken *self;
  guint j = 0;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  if (before == NULL)
    return NULL;
  after = byline_ninjs_dup_pending_pictures (article);
  self = g_new0 (BylineMissingTaken, 1);
  self->article = g_object_ref (article);
  self->indexes = g_array_new (FALSE, FALSE, sizeof (int));
  self->pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  /* Pictures are only taken off: those of before not met, in order, in after. */
  for (guint i = 0; i < json_array_get_length (before); i++)
    {
      JsonNode *picture = json_array_get_element (before, i);

      if (after != NULL && j < json_array_get_length (after)
          && json_node_equal (picture, json_array_get_element (after, j)))
        {
          j++;
          continue;
        }
      g_array_append_val (self->indexes, i);
      g_ptr_array_add (self->pictures, json_node_ref (picture));
    }
  if (self->pictures->len == 0)
    g_clear_pointer (&self, _byline_missing_taken_free);
  return self;
}

void
_byline_missing_taken_free (BylineMissingTaken *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->article);
  g_array_unref (self->indexes);
  g_ptr_array_unref (self->pictures);
  g_free (self);
}

BylineArticle *
_byline_missing_taken_get_article (BylineMissingTaken *self)
{
  return self->article;
}

guint
_byline_missing_taken_get_n (BylineMissingTaken *self)
{
  return self->pictures->len;
}

void
_byline_missing_taken_put_back (BylineMissingTaken *self)
{
  /* In increasing order: each goes back where it was among the others. */
  for (guint i = 0; i < self->pictures->len; i++)
    byline_article_put_back_missing_picture (self->article, g_array_index (self->indexes, int, i),
                                             g_ptr_array_index (self->pictures, i));
}

static int
find_equal (BylineArticle *article,
            JsonNode      *picture)
{
  g_autoptr(JsonArray) pending = byline_ninjs_dup_pending_pictures (article);

  for (guint i = 0; pending != NULL && i < json_array_get_length (pending); i++)
    if (json_node_equal (json_array_get_element (pending, i), picture))
      return (int) i;
  return -1;
}

void
_byline_missing_taken_take_again (BylineMissingTaken *self)
{
  for (guint i = self->pictures->len; i > 0; i--)
    byline_article_settle_missing_picture (self->article,
                                           find_equal (self->article, g_ptr_array_index (self->pictures, i - 1)));
}

void
_byline_missing_taken_attach (BylineArticle     *article,
                              JsonArray         *before,
                              BylineBodyHistory *history)
{
  g_autoptr(JsonArray) owned = before;
  BylineMissingTaken *taken;

  g_return_if_fail (BYLINE_IS_ARTICLE (article));
  g_return_if_fail (BYLINE_IS_BODY_HISTORY (history));

  taken = _byline_missing_taken_new (article, before);
  if (taken != NULL)
    byline_body_history_attach (history, taken, (BylineBodyHistoryFunc) _byline_missing_taken_put_back,
                                (BylineBodyHistoryFunc) _byline_missing_taken_take_again,
                                (GDestroyNotify) _byline_missing_taken_free);
}
