/* byline-article-order.c
 *
 * The caption panel lists the pictures in the article's order and a reader
 * meets them in the body's: the two are kept the same.  Pictures shown in the
 * body come in the order of their first figure, the others after them in the
 * order they had.  Moving a picture in the list moves its figure: the figures
 * stay where they stand in the text and the pictures trade places in them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-article-private.h"
#include "byline-body.h"
#include "byline-image.h"

/* Picture id → 1 + the index of its first figure. */
static GHashTable *
first_figures (BylineBody *body)
{
  GHashTable *firsts = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = byline_body_get_n_blocks (body);

  for (guint i = 0; i < n; i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);
      const char *id;

      if (byline_block_get_kind (block) != BYLINE_BLOCK_IMAGE)
        continue;
      id = byline_block_get_image_id (block);
      if (id != NULL && !g_hash_table_contains (firsts, id))
        g_hash_table_insert (firsts, (gpointer) id, GUINT_TO_POINTER (i + 1));
    }
  return firsts;
}

static guint
figure_key (GHashTable  *firsts,
            BylineImage *image)
{
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (firsts, byline_image_get_id (image)));

  return first > 0 ? first : G_MAXUINT;
}

static int
compare_by_figure (gconstpointer a,
                   gconstpointer b,
                   gpointer      firsts)
{
  guint ka = figure_key (firsts, *(BylineImage **) a);
  guint kb = figure_key (firsts, *(BylineImage **) b);

  return ka < kb ? -1 : ka > kb;
}

static GPtrArray *
copy_order (BylineArticle *self)
{
  guint n = byline_article_get_n_images (self);
  GPtrArray *order = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, g_object_ref (byline_article_get_image (self, i)));
  return order;
}

/* @order sorted as the body shows it; stable, so the pictures not shown keep
 * their order. */
static void
sort_by_body (GPtrArray  *order,
              BylineBody *body)
{
  g_autoptr(GHashTable) firsts = first_figures (body);

  g_ptr_array_sort_with_data (order, compare_by_figure, firsts);
}

/**
 * byline_article_sort_images_by_body:
 *
 * Puts the pictures in the order of their first figure in the body, those
 * not in the body last.  Returns whether the order changed.
 */
gboolean
byline_article_sort_images_by_body (BylineArticle *self)
{
  g_autoptr(GPtrArray) order = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), FALSE);

  /* Called at every change of the body's blocks (every Enter): a story of
   * one picture or none has no order to keep. */
  if (_byline_article_get_image_order_frozen (self) || byline_article_get_n_images (self) < 2)
    return FALSE;
  order = copy_order (self);
  sort_by_body (order, byline_article_get_body (self));
  for (guint i = 0; i < order->len && !changed; i++)
    changed = g_ptr_array_index (order, i) != byline_article_get_image (self, i);
  if (changed)
    _byline_article_set_image_order (self, order);
  return changed;
}

static const char *
image_id_at (BylineBody *body,
             guint       index)
{
  return byline_block_get_image_id (byline_body_get_block (body, index));
}

/* Blocks @a < @b trade places; those between stay. */
static void
swap_blocks (BylineBody *body,
             guint       a,
             guint       b)
{
  byline_body_move_block (body, b, a);
  byline_body_move_block (body, a + 1, b);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

/**
 * byline_article_move_image:
 *
 * Moves the picture at @from to @to in the list.  If pictures in the body
 * change order, their figures trade places in the text so that it shows them
 * in the new order.  A picture in the body cannot go below one that is not:
 * the list is sorted by the body again afterwards.
 */
void
byline_article_move_image (BylineArticle *self,
                           guint          from,
                           guint          to)
{
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GHashTable) firsts = NULL;
  g_autoptr(GArray) slots = NULL;
  g_autoptr(GPtrArray) wanted = NULL;
  BylineBody *body;
  gpointer moved;
  guint n;

  g_return_if_fail (BYLINE_IS_ARTICLE (self));

  n = byline_article_get_n_images (self);
  g_return_if_fail (from < n && to < n);
  if (from == to)
    return;

  order = copy_order (self);
  moved = g_ptr_array_steal_index (order, from);
  g_ptr_array_insert (order, to, moved);

  /* The slots: where the first figures stand, top to bottom; the pictures
   * that should fill them, in the new order. */
  body = byline_article_get_body (self);
  firsts = first_figures (body);
  slots = g_array_new (FALSE, FALSE, sizeof (guint));
  wanted = g_ptr_array_new ();
  for (guint i = 0; i < order->len; i++)
    {
      BylineImage *image = g_ptr_array_index (order, i);
      guint key = figure_key (firsts, image);

      if (key == G_MAXUINT)
        continue;
      key--;
      g_array_append_val (slots, key);
      g_ptr_array_add (wanted, (gpointer) byline_image_get_id (image));
    }
  g_array_sort (slots, compare_uint);

  _byline_article_freeze_image_order (self, TRUE);
  for (guint k = 0; k < slots->len; k++)
    {
      guint slot = g_array_index (slots, guint, k);

      if (g_strcmp0 (image_id_at (body, slot), g_ptr_array_index (wanted, k)) == 0)
        continue;
      for (guint j = k + 1; j < slots->len; j++)
        {
          guint other = g_array_index (slots, guint, j);

          if (g_strcmp0 (image_id_at (body, other), g_ptr_array_index (wanted, k)) == 0)
            {
              swap_blocks (body, slot, other);
              break;
            }
        }
    }
  _byline_article_freeze_image_order (self, FALSE);

  sort_by_body (order, body);
  _byline_article_set_image_order (self, order);
}
