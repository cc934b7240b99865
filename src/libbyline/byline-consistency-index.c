/* byline-consistency-index.c — the archive: which spelling of each phrase the newsroom uses
 *
 * Every phrase of two or three words of every document, folded to its key, with
 * the spellings seen under that key and how many documents use each: an article
 * counts once per spelling, however often it repeats it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-article.h"
#include "byline-body.h"
#include "byline-consistency-private.h"
#include "byline-draft-store.h"
#include "byline-image.h"

static void
variant_clear (gpointer data)
{
  BylineVariant *v = data;

  g_free (v->form);
  g_free (v->surface);
}

static GArray *
variants_new (void)
{
  GArray *variants = g_array_new (FALSE, TRUE, sizeof (BylineVariant));

  g_array_set_clear_func (variants, variant_clear);
  return variants;
}

BylineVariant *
_byline_variants_find (GArray     *variants,
               const char *form)
{
  for (guint i = 0; i < variants->len; i++)
    if (g_str_equal (g_array_index (variants, BylineVariant, i).form, form))
      return &g_array_index (variants, BylineVariant, i);
  return NULL;
}

static void
variant_see_surface (BylineVariant    *v,
                     const char *text,
                     gsize       bstart,
                     gsize       bend)
{
  g_autofree char *surface = g_strndup (text + bstart, bend - bstart);

  if (v->surface == NULL || _byline_count_capitals (surface) < _byline_count_capitals (v->surface))
    g_set_str (&v->surface, surface);
}

struct _BylineConsistencyIndex
{
  GObject     parent_instance;
  GHashTable *entries;     /* key → GArray of BylineVariant */
  guint       n_documents;
};

G_DEFINE_FINAL_TYPE (BylineConsistencyIndex, byline_consistency_index, G_TYPE_OBJECT)

static void
byline_consistency_index_finalize (GObject *object)
{
  BylineConsistencyIndex *self = BYLINE_CONSISTENCY_INDEX (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);
  G_OBJECT_CLASS (byline_consistency_index_parent_class)->finalize (object);
}

static void
byline_consistency_index_class_init (BylineConsistencyIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_consistency_index_finalize;
}

static void
byline_consistency_index_init (BylineConsistencyIndex *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_array_unref);
}

BylineConsistencyIndex *
byline_consistency_index_new (void)
{
  return g_object_new (BYLINE_TYPE_CONSISTENCY_INDEX, NULL);
}

typedef struct
{
  BylineConsistencyIndex *index;
  GHashTable             *seen;   /* forms this document used already */
} AddData;

static void
add_phrase (const char  *key,
            const char  *form,
            const char  *text,
            const BylineToken *first,
            const BylineToken *last,
            guint        n,
            gpointer     user_data)
{
  AddData *data = user_data;
  GArray *variants;
  BylineVariant *v;

  if (g_hash_table_contains (data->seen, form))
    return;
  g_hash_table_add (data->seen, g_strdup (form));

  variants = g_hash_table_lookup (data->index->entries, key);
  if (variants == NULL)
    {
      variants = variants_new ();
      g_hash_table_insert (data->index->entries, g_strdup (key), variants);
    }
  v = _byline_variants_find (variants, form);
  if (v == NULL)
    {
      BylineVariant nv = { g_strdup (form), NULL, 0 };

      g_array_append_val (variants, nv);
      v = &g_array_index (variants, BylineVariant, variants->len - 1);
    }
  v->docs++;
  variant_see_surface (v, text, first->bstart, last->bend);
}

void
byline_consistency_index_add_texts (BylineConsistencyIndex *self,
                                    const char * const     *texts,
                                    gssize                  n_texts)
{
  AddData data = { self, NULL };

  g_return_if_fail (BYLINE_IS_CONSISTENCY_INDEX (self));
  g_return_if_fail (texts != NULL || n_texts == 0);

  if (n_texts < 0)
    n_texts = g_strv_length ((char **) texts);

  data.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (gssize i = 0; i < n_texts; i++)
    {
      g_autoptr(GArray) tokens = NULL;

      if (texts[i] == NULL)
        continue;
      tokens = _byline_tokenize (texts[i]);
      _byline_foreach_phrase (texts[i], tokens, add_phrase, &data);
    }
  g_hash_table_unref (data.seen);
  self->n_documents++;
}

static GPtrArray *
article_texts (BylineArticle *article)
{
  GPtrArray *texts = g_ptr_array_new ();
  BylineBody *body = byline_article_get_body (article);

  g_ptr_array_add (texts, (gpointer) byline_article_get_headline (article));
  g_ptr_array_add (texts, (gpointer) byline_article_get_lead (article));
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);

      if (byline_block_kind_is_text (byline_block_get_kind (block)))
        g_ptr_array_add (texts, (gpointer) byline_block_get_text (block));
    }
  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);

      g_ptr_array_add (texts, (gpointer) byline_image_get_caption (image));
      g_ptr_array_add (texts, (gpointer) byline_image_get_alt_text (image));
    }
  return texts;
}

void
byline_consistency_index_add_article (BylineConsistencyIndex *self,
                                      BylineArticle          *article)
{
  g_autoptr(GPtrArray) texts = NULL;

  g_return_if_fail (BYLINE_IS_CONSISTENCY_INDEX (self));
  g_return_if_fail (BYLINE_IS_ARTICLE (article));

  texts = article_texts (article);
  byline_consistency_index_add_texts (self, (const char * const *) texts->pdata, texts->len);
}

gboolean
byline_consistency_index_add_store (BylineConsistencyIndex  *self,
                                    BylineDraftStore        *store,
                                    const char              *skip_id,
                                    GCancellable            *cancellable,
                                    GError                 **error)
{
  g_autoptr(GPtrArray) summaries = NULL;

  g_return_val_if_fail (BYLINE_IS_CONSISTENCY_INDEX (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  summaries = byline_draft_store_list (store, error);
  if (summaries == NULL)
    return FALSE;

  for (guint i = 0; i < summaries->len; i++)
    {
      BylineDraftSummary *summary = g_ptr_array_index (summaries, i);
      g_autoptr(BylineArticle) article = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (g_strcmp0 (summary->id, skip_id) == 0)
        continue;
      article = byline_draft_store_load (store, summary->id, &local_error);
      if (article == NULL)
        {
          /* A damaged draft: the drafts library says so, and offers its last
           * saved version; not a fault of the program's, so no warning. */
          g_debug ("Consistency archive: skipping draft %s: %s", summary->id, local_error->message);
          continue;
        }
      byline_consistency_index_add_article (self, article);
    }
  return TRUE;
}

GArray *
_byline_consistency_index_lookup (BylineConsistencyIndex *self,
                                  const char             *key)
{
  return g_hash_table_lookup (self->entries, key);
}

guint
byline_consistency_index_get_n_documents (BylineConsistencyIndex *self)
{
  g_return_val_if_fail (BYLINE_IS_CONSISTENCY_INDEX (self), 0);

  return self->n_documents;
}
