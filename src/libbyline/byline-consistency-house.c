/* byline-consistency-house.c — the house list: known wrong → right pairs of a newsroom
 *
 * The list is a text file the newsroom keeps (see byline-consistency.h).  A rule
 * matches whole words, whatever their capitals and tone placement: "sạt lỡ →
 * sạt lở" also finds "SẠT LỠ" (and suggests "SẠT LỞ").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "byline-consistency-private.h"
#include "byline-error.h"
#include "byline-text.h"

typedef struct
{
  GStrv  forms;     /* the wrong side, word by word, as BylineToken.form */
  guint  n;
  char  *right;
} Rule;

static void
rule_free (gpointer data)
{
  Rule *rule = data;

  g_strfreev (rule->forms);
  g_free (rule->right);
  g_free (rule);
}

struct _BylineHouseList
{
  GObject     parent_instance;
  GHashTable *by_first;   /* first word's form → GPtrArray of Rule */
  guint       n_rules;
};

G_DEFINE_FINAL_TYPE (BylineHouseList, byline_house_list, G_TYPE_OBJECT)

static void
byline_house_list_finalize (GObject *object)
{
  BylineHouseList *self = BYLINE_HOUSE_LIST (object);

  g_clear_pointer (&self->by_first, g_hash_table_unref);
  G_OBJECT_CLASS (byline_house_list_parent_class)->finalize (object);
}

static void
byline_house_list_class_init (BylineHouseListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_house_list_finalize;
}

static void
byline_house_list_init (BylineHouseList *self)
{
  self->by_first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
}

BylineHouseList *
byline_house_list_new (void)
{
  return g_object_new (BYLINE_TYPE_HOUSE_LIST, NULL);
}

guint
byline_house_list_get_n_rules (BylineHouseList *self)
{
  g_return_val_if_fail (BYLINE_IS_HOUSE_LIST (self), 0);

  return self->n_rules;
}

gboolean
byline_house_list_add (BylineHouseList  *self,
                       const char       *wrong,
                       const char       *right,
                       GError          **error)
{
  g_autofree char *clean_wrong = NULL;
  g_autofree char *clean_right = NULL;
  g_autoptr(GArray) tokens = NULL;
  GPtrArray *rules;
  Rule *rule;

  g_return_val_if_fail (BYLINE_IS_HOUSE_LIST (self), FALSE);
  g_return_val_if_fail (wrong != NULL && right != NULL, FALSE);

  clean_wrong = byline_text_normalize_line (wrong, -1);
  clean_right = byline_text_normalize_line (right, -1);
  if (*clean_wrong == '\0' || *clean_right == '\0')
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                   _("A house rule needs both a wrong and a right spelling"));
      return FALSE;
    }
  for (const char *p = clean_wrong; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) && !g_unichar_ismark (c) && c != ' ')
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                       _("“%s” may hold only words and spaces"), clean_wrong);
          return FALSE;
        }
    }

  tokens = _byline_tokenize (clean_wrong);
  rule = g_new0 (Rule, 1);
  rule->n = tokens->len;
  rule->forms = g_new0 (char *, tokens->len + 1);
  for (guint i = 0; i < tokens->len; i++)
    rule->forms[i] = g_strdup (g_array_index (tokens, BylineToken, i).form);
  rule->right = g_steal_pointer (&clean_right);

  rules = g_hash_table_lookup (self->by_first, rule->forms[0]);
  if (rules == NULL)
    {
      rules = g_ptr_array_new_with_free_func (rule_free);
      g_hash_table_insert (self->by_first, g_strdup (rule->forms[0]), rules);
    }
  g_ptr_array_add (rules, rule);
  self->n_rules++;
  return TRUE;
}

static const char *
find_arrow (const char *line,
            gsize      *arrow_len)
{
  static const char * const arrows[] = { "→", "->", "=>", "\t" };

  for (gsize i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      const char *at = strstr (line, arrows[i]);

      if (at != NULL)
        {
          *arrow_len = strlen (arrows[i]);
          return at;
        }
    }
  return NULL;
}

gboolean
byline_house_list_load_data (BylineHouseList  *self,
                             const char       *data,
                             gssize            length,
                             const char       *source_name,
                             GError          **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (BYLINE_IS_HOUSE_LIST (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (length < 0)
    length = strlen (data);
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_UTF8,
                   _("%s: the house list is not UTF-8 text"), source_name);
      return FALSE;
    }

  text = byline_text_normalize (data, length);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *wrong = NULL;
      char *line = g_strstrip (lines[i]);
      const char *arrow;
      gsize arrow_len = 0;

      if (*line == '\0' || *line == '#')
        continue;
      arrow = find_arrow (line, &arrow_len);
      if (arrow == NULL)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                       _("%s:%u: expected “wrong → right”"), source_name, i + 1);
          return FALSE;
        }
      wrong = g_strndup (line, arrow - line);
      if (!byline_house_list_add (self, wrong, arrow + arrow_len, &local_error))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                       "%s:%u: %s", source_name, i + 1, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
byline_house_list_load (BylineHouseList  *self,
                        GFile            *file,
                        GError          **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (BYLINE_IS_HOUSE_LIST (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return FALSE;
  name = g_file_get_parse_name (file);
  return byline_house_list_load_data (self, contents, length, name, error);
}


void
_byline_house_list_check (BylineHouseList    *house_list,
                   GArray             *tokens,
                   guint               text_index,
                   const char * const *texts,
                   GArray             *candidates)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const BylineToken *t = &g_array_index (tokens, BylineToken, i);
      GPtrArray *rules = g_hash_table_lookup (house_list->by_first, t->form);
      const Rule *longest = NULL;

      for (guint r = 0; rules != NULL && r < rules->len; r++)
        {
          const Rule *rule = rules->pdata[r];
          gboolean match = i + rule->n <= tokens->len;

          for (guint k = 1; match && k < rule->n; k++)
            {
              const BylineToken *tk = &g_array_index (tokens, BylineToken, i + k);
              match = tk->connected && g_str_equal (tk->form, rule->forms[k]);
            }
          if (match && (longest == NULL || rule->n > longest->n))
            longest = rule;
        }
      if (longest != NULL)
        {
          const BylineToken *last = &g_array_index (tokens, BylineToken, i + longest->n - 1);
          BylineOccurrence occ = { text_index, t->cstart, last->cend, t->bstart, last->bend, longest->n };

          _byline_consistency_add_candidate (candidates, texts, &occ, longest->right, 1, 0, TRUE);
        }
    }
}
