/* byline-missing-undo.c — the missing pictures an edit took the places of,
 * in its undo
 *
 * A picture added in the place of one a document could not bring
 * (byline-body-view-pictures.c) settles that missing picture: the panel's
 * list and the checklist forget it.  Undoing the addition brought the
 * caption back as a paragraph but not the reminder, so the picture was
 * missed with nothing to say so.  The list of missing pictures is the
 * article's, not the body's, so the body's snapshots do not hold it: what
 * the edit settled is attached to its step of the history instead, put back
 * on undo and settled again on redo.  Only those, by their contents: a
 * picture forgotten by hand in between stays forgotten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include "byline-missing-undo.h"
#include "byline-ninjs.h"

typedef struct
{
  BylineArticle *article;
  GArray        *indexes;   /* where each was in the list, increasing */
  GPtrArray     *pictures;  /* JsonNode, as the draft holds them */
} Settled;

static void
settled_free (gpointer data)
{
  Settled *settled = data;

  g_object_unref (settled->article);
  g_array_unref (settled->indexes);
  g_ptr_array_unref (settled->pictures);
  g_free (settled);
}

static void
settled_undo (gpointer data)
{
  Settled *settled = data;

  /* In increasing order: each goes back where it was among the others. */
  for (guint i = 0; i < settled->pictures->len; i++)
    byline_article_put_back_missing_picture (settled->article, g_array_index (settled->indexes, int, i),
                                             g_ptr_array_index (settled->pictures, i));
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

static void
settled_redo (gpointer data)
{
  Settled *settled = data;

  for (guint i = settled->pictures->len; i > 0; i--)
    byline_article_settle_missing_picture (settled->article,
                                           find_equal (settled->article, g_ptr_array_index (settled->pictures, i - 1)));
}

JsonArray *
_byline_missing_undo_begin (BylineArticle *article)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  return byline_ninjs_dup_pending_pictures (article);
}

void
_byline_missing_undo_end (BylineArticle     *article,
                          JsonArray         *before,
                          BylineBodyHistory *history)
{
  g_autoptr(JsonArray) owned = before;
  g_autoptr(JsonArray) after = NULL;
  Settled *settled;
  guint j = 0;

  g_return_if_fail (BYLINE_IS_ARTICLE (article));
  g_return_if_fail (BYLINE_IS_BODY_HISTORY (history));

  if (before == NULL)
    return;
  after = byline_ninjs_dup_pending_pictures (article);
  settled = g_new0 (Settled, 1);
  settled->article = g_object_ref (article);
  settled->indexes = g_array_new (FALSE, FALSE, sizeof (int));
  settled->pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  /* The edit only takes pictures off the list: those of before not met, in
   * order, in after. */
  for (guint i = 0; i < json_array_get_length (before); i++)
    {
      JsonNode *picture = json_array_get_element (before, i);

      if (after != NULL && j < json_array_get_length (after)
          && json_node_equal (picture, json_array_get_element (after, j)))
        {
          j++;
          continue;
        }
      g_array_append_val (settled->indexes, i);
      g_ptr_array_add (settled->pictures, json_node_ref (picture));
    }
  if (settled->pictures->len == 0)
    {
      settled_free (settled);
      return;
    }
  byline_body_history_attach (history, settled, settled_undo, settled_redo, settled_free);
}
