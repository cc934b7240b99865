/* byline-findings-store.c — the checklist's list of findings, brought up to date
 *
 * A re-run of the checks finds mostly what the last one found: the list store
 * the checklist shows is changed only where the findings really changed, so
 * that a long story's list does not remake hundreds of rows for a word typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include "byline-findings-store.h"

/* The same finding, found again: the same check on the same words of the
 * same block or field, with the same fix.  Where in the block may have moved
 * (a word typed before it), and its message may have other counts ("3
 * against 2", which change all over a long story with a word typed anywhere). */
static gboolean
same_finding (BylineFinding *a,
              BylineFinding *b)
{
  return byline_finding_get_severity (a) == byline_finding_get_severity (b)
         && byline_finding_get_field (a) == byline_finding_get_field (b)
         && byline_finding_get_block (a) == byline_finding_get_block (b)
         && g_strcmp0 (byline_finding_get_code (a), byline_finding_get_code (b)) == 0
         && g_strcmp0 (byline_finding_get_image_id (a), byline_finding_get_image_id (b)) == 0
         && g_strcmp0 (byline_finding_get_excerpt (a), byline_finding_get_excerpt (b)) == 0
         && g_strcmp0 (byline_finding_get_suggestion (a), byline_finding_get_suggestion (b)) == 0;
}

static guint
finding_hash (gconstpointer data)
{
  BylineFinding *finding = (BylineFinding *) data;
  guint hash = g_str_hash (byline_finding_get_code (finding));

  hash = hash * 31 + byline_finding_get_field (finding);
  hash = hash * 31 + (guint) byline_finding_get_block (finding);
  if (byline_finding_get_excerpt (finding) != NULL)
    hash = hash * 31 + g_str_hash (byline_finding_get_excerpt (finding));
  return hash;
}

static gboolean
finding_equal (gconstpointer a,
               gconstpointer b)
{
  return same_finding ((BylineFinding *) a, (BylineFinding *) b);
}

/* Where each finding is in @findings (the first of equal ones). */
static GHashTable *
index_findings (GPtrArray *findings)
{
  GHashTable *index = g_hash_table_new (finding_hash, finding_equal);

  for (guint i = findings->len; i-- > 0;)
    g_hash_table_insert (index, g_ptr_array_index (findings, i), GUINT_TO_POINTER (i));
  return index;
}

static gboolean
comes_after (GHashTable    *index,
             BylineFinding *finding,
             guint          position)
{
  gpointer found;

  return g_hash_table_lookup_extended (index, finding, NULL, &found) && GPOINTER_TO_UINT (found) > position;
}

typedef struct
{
  guint old_pos, n_removed;   /* of the findings shown */
  guint new_pos, n_added;     /* of the findings found */
} Change;

/* Replaces only the findings that changed.  An edit in one paragraph changes
 * its findings in each severity's part of the list (a word typed before a
 * warning and a note moves both): one splice from the first to the last of
 * them replaced the hundreds of findings between, 180–350 ms of a shown list.
 * Findings found again keep their object, their range and message updated in
 * place before any splice: a row on screen shows the new place or counts, no
 * other is touched.  Each run of findings gone or new is a splice of its own;
 * with more than one, those gone are removed first and the new ones added
 * after, so that the list never holds findings of two texts at once. */
void
byline_findings_store_update (GListStore *store,
                              GPtrArray  *found)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) shown_index = NULL;
  g_autoptr(GHashTable) found_index = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  Change change = { 0 };
  guint i = 0, j = 0, n_removed = 0, updated = 0;

  for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (store)); k++)
    g_ptr_array_add (shown, g_list_model_get_item (G_LIST_MODEL (store), k));
  shown_index = index_findings (shown);
  found_index = index_findings (found);

  while (i < shown->len || j < found->len)
    {
      BylineFinding *old = i < shown->len ? g_ptr_array_index (shown, i) : NULL;
      BylineFinding *fresh = j < found->len ? g_ptr_array_index (found, j) : NULL;

      if (old != NULL && fresh != NULL && same_finding (old, fresh))
        {
          if (byline_finding_get_start (old) != byline_finding_get_start (fresh)
              || byline_finding_get_end (old) != byline_finding_get_end (fresh)
              || g_strcmp0 (byline_finding_get_message (old), byline_finding_get_message (fresh)) != 0)
            {
              byline_finding_set_range (old, byline_finding_get_start (fresh), byline_finding_get_end (fresh),
                                        byline_finding_get_excerpt (fresh));
              byline_finding_set_message (old, byline_finding_get_message (fresh));
              updated++;
            }
          if (change.n_removed > 0 || change.n_added > 0)
            g_array_append_val (changes, change);
          i++;
          j++;
          change = (Change) { i, 0, j, 0 };
        }
      /* Gone, or further down in both lists (moved: taken out, put back). */
      else if (old != NULL
               && (fresh == NULL || !comes_after (found_index, old, j) || comes_after (shown_index, fresh, i)))
        {
          change.n_removed++;
          i++;
        }
      else
        {
          change.n_added++;
          j++;
        }
    }
  if (change.n_removed > 0 || change.n_added > 0)
    g_array_append_val (changes, change);

  if (changes->len == 1)
    {
      const Change *c = &g_array_index (changes, Change, 0);

      g_list_store_splice (store, c->old_pos, c->n_removed, found->pdata + c->new_pos, c->n_added);
    }
  else if (changes->len > 1)
    {
      for (guint k = changes->len; k-- > 0;)
        {
          const Change *c = &g_array_index (changes, Change, k);

          if (c->n_removed > 0)
            g_list_store_splice (store, c->old_pos, c->n_removed, NULL, 0);
        }
      /* What is left is what stays: each run goes where the new list has it. */
      for (guint k = 0; k < changes->len; k++)
        {
          const Change *c = &g_array_index (changes, Change, k);

          if (c->n_added > 0)
            g_list_store_splice (store, c->new_pos, 0, found->pdata + c->new_pos, c->n_added);
        }
    }
  for (guint k = 0; k < changes->len; k++)
    n_removed += g_array_index (changes, Change, k).n_removed;
  g_debug ("Checklist: %u of %u findings replaced by %u, in %u places; %u moved or reworded",
           n_removed, shown->len, found->len - (shown->len - n_removed), changes->len, updated);
}
