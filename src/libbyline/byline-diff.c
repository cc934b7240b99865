/* byline-diff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "byline-article.h"
#include "byline-body.h"
#include "byline-diff-private.h"
#include "byline-image.h"

static const char *part_names[] = {
  [BYLINE_PART_HEADLINE] = "headline",
  [BYLINE_PART_LEAD] = "lead",
  [BYLINE_PART_AUTHORS] = "authors",
  [BYLINE_PART_DATELINE] = "dateline",
  [BYLINE_PART_SOURCE_PREFIX] = "source-prefix",
  [BYLINE_PART_CATEGORY] = "category",
  [BYLINE_PART_TAGS] = "tags",
  [BYLINE_PART_BODY] = "body",
  [BYLINE_PART_PICTURE] = "picture",
  [BYLINE_PART_CAPTION] = "caption",
  [BYLINE_PART_CREDIT] = "credit",
  [BYLINE_PART_ALT_TEXT] = "alt-text",
};

const char *
byline_part_to_string (BylinePart part)
{
  g_return_val_if_fail (part <= BYLINE_PART_ALT_TEXT, NULL);

  return part_names[part];
}

void
byline_diff_entry_free (BylineDiffEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->label);
  g_free (entry->old_text);
  g_free (entry->new_text);
  g_free (entry->image_id);
  g_free (entry);
}

/* ------------------------------------------------------------- helpers */

int *
_byline_lcs_match (const char * const *a,
                   guint               n_a,
                   const char * const *b,
                   guint               n_b)
{
  g_autofree guint *table = g_new0 (guint, (gsize) (n_a + 1) * (n_b + 1));
  int *match = g_new (int, MAX (n_a, 1));
  guint i, j;

#define AT(x, y) table[(gsize) (x) * (n_b + 1) + (y)]
  /* Suffix lengths, so that the walk below goes forwards. */
  for (i = n_a; i-- > 0;)
    for (j = n_b; j-- > 0;)
      AT (i, j) = g_strcmp0 (a[i], b[j]) == 0 ? AT (i + 1, j + 1) + 1
                                              : MAX (AT (i + 1, j), AT (i, j + 1));
  for (i = 0; i < n_a; i++)
    match[i] = -1;
  i = j = 0;
  while (i < n_a && j < n_b)
    {
      if (g_strcmp0 (a[i], b[j]) == 0)
        {
          match[i] = j;
          i++, j++;
        }
      else if (AT (i + 1, j) >= AT (i, j + 1))
        i++;
      else
        j++;
    }
#undef AT
  return match;
}

GStrv
_byline_body_block_keys (BylineBody *body)
{
  guint n = byline_body_get_n_blocks (body);
  GStrv keys = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);
      g_autoptr(GString) key = g_string_new (byline_block_kind_to_string (byline_block_get_kind (block)));
      const BylineSpan *spans;
      guint n_spans;

      g_string_append_c (key, '\x1f');
      if (byline_block_get_kind (block) == BYLINE_BLOCK_IMAGE)
        g_string_append (key, byline_block_get_image_id (block));
      else
        g_string_append (key, byline_block_get_text (block));
      spans = byline_block_get_spans (block, &n_spans);
      for (guint s = 0; s < n_spans; s++)
        g_string_append_printf (key, "\x1f%u-%u-%d-%s", spans[s].start, spans[s].end, spans[s].kind,
                                spans[s].href ? spans[s].href : "");
      keys[i] = g_string_free (g_steal_pointer (&key), FALSE);
    }
  return keys;
}

void
_byline_body_append_copy (BylineBody        *body,
                          const BylineBlock *block)
{
  BylineBlockKind kind = byline_block_get_kind (block);
  const BylineSpan *spans;
  guint index, n_spans;

  if (kind == BYLINE_BLOCK_IMAGE)
    {
      byline_body_insert_image (body, byline_body_get_n_blocks (body), byline_block_get_image_id (block));
      return;
    }
  index = byline_body_append_block (body, kind, byline_block_get_text (block));
  spans = byline_block_get_spans (block, &n_spans);
  for (guint s = 0; s < n_spans; s++)
    byline_body_apply_span (body, index, spans[s].start, spans[s].end, spans[s].kind, spans[s].href, TRUE);
}

char *
_byline_block_dup_display (BylineArticle     *article,
                           const BylineBlock *block)
{
  BylineImage *image;

  if (byline_block_get_kind (block) != BYLINE_BLOCK_IMAGE)
    return g_strdup (byline_block_get_text (block));
  image = byline_article_find_image (article, byline_block_get_image_id (block));
  if (image != NULL && byline_image_get_caption (image) != NULL && *byline_image_get_caption (image))
    return g_strdup_printf (_("[Picture: %s]"), byline_image_get_caption (image));
  return g_strdup (_("[Picture]"));
}

char *
_byline_strv_display (const char * const *strv)
{
  return strv != NULL ? g_strjoinv (", ", (char **) strv) : g_strdup ("");
}

/* ---------------------------------------------------------------- words */

/* Words with the space before them, so that joining them gives the text back. */
static GStrv
split_words (const char *text)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  const char *p = text ? text : "";

  while (*p)
    {
      const char *start = p;

      while (*p == ' ')
        p++;
      while (*p && *p != ' ')
        p++;
      g_ptr_array_add (words, g_strndup (start, p - start));
    }
  g_ptr_array_add (words, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

static void
append_run (GString    *out,
            GStrv       words,
            guint       from,
            guint       to,
            gboolean    after_removal,
            const char *open,
            const char *close)
{
  if (from >= to)
    return;
  /* The space before the run stays outside the markers; after a removal
   * that space is there already: "[-37-]{+41+}". */
  {
    const char *first = words[from];
    const char *w = first;

    while (*w == ' ')
      {
        if (!after_removal)
          g_string_append_c (out, *w);
        w++;
      }
    g_string_append (out, open);
    g_string_append (out, w);
  }
  for (guint i = from + 1; i < to; i++)
    g_string_append (out, words[i]);
  g_string_append (out, close);
}

char *
byline_diff_words (const char *old_text,
                   const char *new_text)
{
  g_auto(GStrv) a = split_words (old_text);
  g_auto(GStrv) b = split_words (new_text);
  g_autofree char **a_trim = NULL;
  g_autofree char **b_trim = NULL;
  g_autofree int *match = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_a = g_strv_length (a), n_b = g_strv_length (b);
  guint i = 0, j = 0;

  /* Compare the words without their leading spaces. */
  a_trim = g_new0 (char *, n_a + 1);
  b_trim = g_new0 (char *, n_b + 1);
  for (guint k = 0; k < n_a; k++)
    a_trim[k] = a[k] + strspn (a[k], " ");
  for (guint k = 0; k < n_b; k++)
    b_trim[k] = b[k] + strspn (b[k], " ");
  match = _byline_lcs_match ((const char * const *) a_trim, n_a, (const char * const *) b_trim, n_b);

  while (i < n_a || j < n_b)
    {
      guint next_i = i, next_j;

      while (next_i < n_a && match[next_i] < 0)
        next_i++;
      next_j = next_i < n_a ? (guint) match[next_i] : n_b;
      append_run (out, a, i, next_i, FALSE, "[-", "-]");
      append_run (out, b, j, next_j, next_i > i, "{+", "+}");
      if (next_i < n_a)
        g_string_append (out, b[next_j]);
      i = next_i + 1;
      j = next_j + 1;
      if (next_i >= n_a)
        break;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------ diff */

static void
add_entry (GPtrArray      *entries,
           BylinePart      part,
           BylineDiffKind  kind,
           char           *label,
           const char     *old_text,
           const char     *new_text,
           int             block,
           const char     *image_id)
{
  BylineDiffEntry *entry = g_new0 (BylineDiffEntry, 1);

  entry->part = part;
  entry->kind = kind;
  entry->label = label;
  entry->old_text = g_strdup (old_text);
  entry->new_text = g_strdup (new_text);
  entry->block = block;
  entry->image_id = g_strdup (image_id);
  g_ptr_array_add (entries, entry);
}

static void
diff_string (GPtrArray  *entries,
             BylinePart  part,
             const char *label,
             const char *old_text,
             const char *new_text)
{
  if (g_strcmp0 (old_text ? old_text : "", new_text ? new_text : "") == 0)
    return;
  add_entry (entries, part, BYLINE_DIFF_CHANGED, g_strdup (label),
             old_text ? old_text : "", new_text ? new_text : "", -1, NULL);
}

static char *
block_label (const BylineBlock *block,
             guint              index)
{
  if (byline_block_get_kind (block) == BYLINE_BLOCK_IMAGE)
    return g_strdup_printf (_("Body, picture at block %u"), index + 1);
  return g_strdup_printf (_("Body, paragraph %u"), index + 1);
}

static void
diff_body (GPtrArray     *entries,
           BylineArticle *old_version,
           BylineArticle *new_version)
{
  BylineBody *a = byline_article_get_body (old_version);
  BylineBody *b = byline_article_get_body (new_version);
  g_auto(GStrv) keys_a = _byline_body_block_keys (a);
  g_auto(GStrv) keys_b = _byline_body_block_keys (b);
  guint n_a = g_strv_length (keys_a), n_b = g_strv_length (keys_b);
  g_autofree int *match = _byline_lcs_match ((const char * const *) keys_a, n_a,
                                             (const char * const *) keys_b, n_b);
  guint i = 0, j = 0;

  while (i < n_a || j < n_b)
    {
      guint next_i = i, next_j, k;

      while (next_i < n_a && match[next_i] < 0)
        next_i++;
      next_j = next_i < n_a ? (guint) match[next_i] : n_b;

      /* Between two unchanged blocks: pairs are changes, the rest added or removed. */
      for (k = 0; i + k < next_i || j + k < next_j; k++)
        {
          const BylineBlock *old_block = i + k < next_i ? byline_body_get_block (a, i + k) : NULL;
          const BylineBlock *new_block = j + k < next_j ? byline_body_get_block (b, j + k) : NULL;
          g_autofree char *old_text = old_block ? _byline_block_dup_display (old_version, old_block) : NULL;
          g_autofree char *new_text = new_block ? _byline_block_dup_display (new_version, new_block) : NULL;

          if (old_block != NULL && new_block != NULL)
            add_entry (entries, BYLINE_PART_BODY, BYLINE_DIFF_CHANGED, block_label (new_block, j + k),
                       old_text, new_text, j + k, NULL);
          else if (new_block != NULL)
            add_entry (entries, BYLINE_PART_BODY, BYLINE_DIFF_ADDED, block_label (new_block, j + k),
                       NULL, new_text, j + k, NULL);
          else
            add_entry (entries, BYLINE_PART_BODY, BYLINE_DIFF_REMOVED, block_label (old_block, i + k),
                       old_text, NULL, i + k, NULL);
        }
      if (next_i >= n_a)
        break;
      i = next_i + 1;
      j = next_j + 1;
    }
}

static int
image_position (BylineArticle *article,
                const char    *id)
{
  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    if (g_strcmp0 (byline_image_get_id (byline_article_get_image (article, i)), id) == 0)
      return i;
  return -1;
}

static void
diff_images (GPtrArray     *entries,
             BylineArticle *old_version,
             BylineArticle *new_version)
{
  for (guint i = 0; i < byline_article_get_n_images (new_version); i++)
    {
      BylineImage *image = byline_article_get_image (new_version, i);
      const char *id = byline_image_get_id (image);
      BylineImage *old_image = byline_article_find_image (old_version, id);
      const struct { BylinePart part; const char *format; const char *(*get) (BylineImage *); } texts[] = {
        { BYLINE_PART_CAPTION, N_("Picture %u, caption"), byline_image_get_caption },
        { BYLINE_PART_CREDIT, N_("Picture %u, credit"), byline_image_get_credit },
        { BYLINE_PART_ALT_TEXT, N_("Picture %u, alt text"), byline_image_get_alt_text },
      };

      if (old_image == NULL)
        {
          add_entry (entries, BYLINE_PART_PICTURE, BYLINE_DIFF_ADDED,
                     g_strdup_printf (_("Picture %u"), i + 1), NULL,
                     byline_image_get_caption (image) ? byline_image_get_caption (image) : "", -1, id);
          continue;
        }
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          const char *before = texts[t].get (old_image);
          const char *after = texts[t].get (image);

          if (g_strcmp0 (before ? before : "", after ? after : "") != 0)
            add_entry (entries, texts[t].part, BYLINE_DIFF_CHANGED,
                       g_strdup_printf (_(texts[t].format), i + 1),
                       before ? before : "", after ? after : "", -1, id);
        }
    }
  for (guint i = 0; i < byline_article_get_n_images (old_version); i++)
    {
      BylineImage *image = byline_article_get_image (old_version, i);

      if (image_position (new_version, byline_image_get_id (image)) < 0)
        add_entry (entries, BYLINE_PART_PICTURE, BYLINE_DIFF_REMOVED,
                   g_strdup_printf (_("Picture %u"), i + 1),
                   byline_image_get_caption (image) ? byline_image_get_caption (image) : "", NULL, -1,
                   byline_image_get_id (image));
    }
}

GPtrArray *
byline_article_diff (BylineArticle *old_version,
                     BylineArticle *new_version)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_diff_entry_free);
  g_autofree char *old_authors = NULL;
  g_autofree char *new_authors = NULL;
  g_autofree char *old_tags = NULL;
  g_autofree char *new_tags = NULL;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (old_version), NULL);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (new_version), NULL);

  old_authors = _byline_strv_display (byline_article_get_authors (old_version));
  new_authors = _byline_strv_display (byline_article_get_authors (new_version));
  old_tags = _byline_strv_display (byline_article_get_tags (old_version));
  new_tags = _byline_strv_display (byline_article_get_tags (new_version));

  diff_string (entries, BYLINE_PART_HEADLINE, _("Headline"),
               byline_article_get_headline (old_version), byline_article_get_headline (new_version));
  diff_string (entries, BYLINE_PART_LEAD, _("Lead"),
               byline_article_get_lead (old_version), byline_article_get_lead (new_version));
  diff_string (entries, BYLINE_PART_AUTHORS, _("Byline"), old_authors, new_authors);
  diff_string (entries, BYLINE_PART_DATELINE, _("Dateline"),
               byline_article_get_dateline (old_version), byline_article_get_dateline (new_version));
  diff_string (entries, BYLINE_PART_SOURCE_PREFIX, _("Source"),
               byline_article_get_source_prefix (old_version), byline_article_get_source_prefix (new_version));
  diff_string (entries, BYLINE_PART_CATEGORY, _("Category"),
               byline_article_get_category (old_version), byline_article_get_category (new_version));
  diff_string (entries, BYLINE_PART_TAGS, _("Tags"), old_tags, new_tags);
  diff_body (entries, old_version, new_version);
  diff_images (entries, old_version, new_version);
  return g_steal_pointer (&entries);
}

char *
byline_diff_to_text (GPtrArray *entries)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (entries != NULL, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      BylineDiffEntry *entry = g_ptr_array_index (entries, i);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      switch (entry->kind)
        {
        case BYLINE_DIFF_CHANGED:
          {
            g_autofree char *words = byline_diff_words (entry->old_text, entry->new_text);

            g_string_append_printf (out, _("%s, changed:\n"), entry->label);
            g_string_append_printf (out, "  %s\n", words);
          }
          break;
        case BYLINE_DIFF_ADDED:
          g_string_append_printf (out, _("%s, added:\n"), entry->label);
          g_string_append_printf (out, "  {+%s+}\n", entry->new_text);
          break;
        case BYLINE_DIFF_REMOVED:
          g_string_append_printf (out, _("%s, removed:\n"), entry->label);
          g_string_append_printf (out, "  [-%s-]\n", entry->old_text);
          break;
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

JsonNode *
byline_diff_to_json (GPtrArray *entries)
{
  static const char *kinds[] = { "changed", "added", "removed" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (entries != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      BylineDiffEntry *entry = g_ptr_array_index (entries, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "part");
      json_builder_add_string_value (builder, byline_part_to_string (entry->part));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kinds[entry->kind]);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, entry->label);
      json_builder_set_member_name (builder, "old");
      if (entry->old_text != NULL)
        json_builder_add_string_value (builder, entry->old_text);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "new");
      if (entry->new_text != NULL)
        json_builder_add_string_value (builder, entry->new_text);
      else
        json_builder_add_null_value (builder);
      if (entry->block >= 0)
        {
          json_builder_set_member_name (builder, "block");
          json_builder_add_int_value (builder, entry->block);
        }
      if (entry->image_id != NULL)
        {
          json_builder_set_member_name (builder, "image");
          json_builder_add_string_value (builder, entry->image_id);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}
