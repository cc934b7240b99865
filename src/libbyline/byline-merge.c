/* byline-merge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-article.h"
#include "byline-body.h"
#include "byline-diff-private.h"
#include "byline-draft-store.h"
#include "byline-image.h"
#include "byline-merge.h"

typedef enum { OURS, THEIRS } Side;

#define N_FIELDS (BYLINE_PART_TAGS + 1)
#define N_PICTURE_TEXTS 3

typedef struct
{
  Side side;
  int  conflict;   /* index into conflicts, or -1 */
} Pick;

typedef enum { SEGMENT_OURS, SEGMENT_THEIRS, SEGMENT_CONFLICT } SegmentKind;

typedef struct
{
  SegmentKind kind;
  guint       ours_start, ours_len;
  guint       theirs_start, theirs_len;
  int         conflict;
} Segment;

typedef struct
{
  BylineImage *image;                    /* from ours, else theirs */
  BylineImage *ours, *theirs;            /* not owned; may be NULL */
  Pick         texts[N_PICTURE_TEXTS];   /* caption, credit, alt text */
} PictureMerge;

struct _BylineMerge
{
  GObject        parent_instance;

  BylineArticle *base;    /* NULL: unknown */
  BylineArticle *ours;
  BylineArticle *theirs;
  GPtrArray     *conflicts;
  Pick           fields[N_FIELDS];
  GArray        *segments;
  GPtrArray     *pictures;
  guint          n_taken;
};

G_DEFINE_FINAL_TYPE (BylineMerge, byline_merge, G_TYPE_OBJECT)

static const char *choice_names[] = { "unresolved", "ours", "theirs", "both" };

static const BylinePart picture_parts[N_PICTURE_TEXTS] = {
  BYLINE_PART_CAPTION, BYLINE_PART_CREDIT, BYLINE_PART_ALT_TEXT,
};

static const char *
picture_text (BylineImage *image,
              guint        which)
{
  const char *text = NULL;

  if (image == NULL)
    return "";
  switch (which)
    {
    case 0: text = byline_image_get_caption (image); break;
    case 1: text = byline_image_get_credit (image); break;
    default: text = byline_image_get_alt_text (image); break;
    }
  return text ? text : "";
}

static void
set_picture_text (BylineImage *image,
                  guint        which,
                  const char  *text)
{
  switch (which)
    {
    case 0: byline_image_set_caption (image, text); break;
    case 1: byline_image_set_credit (image, text); break;
    default: byline_image_set_alt_text (image, text); break;
    }
}

static void
conflict_free (BylineMergeConflict *conflict)
{
  g_free (conflict->label);
  g_free (conflict->base_text);
  g_free (conflict->ours_text);
  g_free (conflict->theirs_text);
  g_free (conflict->image_id);
  g_free (conflict);
}

static void
picture_merge_free (PictureMerge *picture)
{
  g_clear_object (&picture->image);
  g_free (picture);
}

const char *
byline_merge_choice_to_string (BylineMergeChoice choice)
{
  g_return_val_if_fail (choice <= BYLINE_MERGE_TAKE_BOTH, NULL);

  return choice_names[choice];
}

gboolean
byline_merge_choice_from_string (const char        *str,
                                 BylineMergeChoice *choice)
{
  for (guint i = 0; i < G_N_ELEMENTS (choice_names); i++)
    if (g_strcmp0 (str, choice_names[i]) == 0)
      {
        *choice = i;
        return TRUE;
      }
  return FALSE;
}

static int
add_conflict (BylineMerge *self,
              BylinePart   part,
              char        *label,
              const char  *base_text,
              const char  *ours_text,
              const char  *theirs_text,
              const char  *image_id)
{
  BylineMergeConflict *conflict = g_new0 (BylineMergeConflict, 1);

  conflict->part = part;
  conflict->label = label;
  conflict->base_text = g_strdup (base_text ? base_text : "");
  conflict->ours_text = g_strdup (ours_text ? ours_text : "");
  conflict->theirs_text = g_strdup (theirs_text ? theirs_text : "");
  conflict->image_id = g_strdup (image_id);
  g_ptr_array_add (self->conflicts, conflict);
  return self->conflicts->len - 1;
}

/* The three-way rule for one value. */
static Pick
merge_value (BylineMerge *self,
             const char  *base,
             const char  *ours,
             const char  *theirs,
             gboolean     have_base,
             BylinePart   part,
             const char  *label,
             const char  *image_id)
{
  Pick pick = { OURS, -1 };

  base = base ? base : "";
  ours = ours ? ours : "";
  theirs = theirs ? theirs : "";
  if (g_str_equal (ours, theirs))
    return pick;
  if (have_base && g_str_equal (ours, base))
    {
      pick.side = THEIRS;
      self->n_taken++;
      return pick;
    }
  if (have_base && g_str_equal (theirs, base))
    return pick;
  pick.conflict = add_conflict (self, part, g_strdup (label), have_base ? base : "", ours, theirs, image_id);
  return pick;
}

/* ------------------------------------------------------------- fields */

static char *
field_value (BylineArticle *article,
             BylinePart     part)
{
  switch (part)
    {
    case BYLINE_PART_HEADLINE: return g_strdup (byline_article_get_headline (article));
    case BYLINE_PART_LEAD: return g_strdup (byline_article_get_lead (article));
    case BYLINE_PART_AUTHORS: return _byline_strv_display (byline_article_get_authors (article));
    case BYLINE_PART_DATELINE: return g_strdup (byline_article_get_dateline (article));
    case BYLINE_PART_SOURCE_PREFIX: return g_strdup (byline_article_get_source_prefix (article));
    case BYLINE_PART_CATEGORY: return g_strdup (byline_article_get_category (article));
    case BYLINE_PART_TAGS: return _byline_strv_display (byline_article_get_tags (article));
    default: g_assert_not_reached ();
    }
}

static const char *
field_label (BylinePart part)
{
  switch (part)
    {
    case BYLINE_PART_HEADLINE: return _("Headline");
    case BYLINE_PART_LEAD: return _("Lead");
    case BYLINE_PART_AUTHORS: return _("Byline");
    case BYLINE_PART_DATELINE: return _("Dateline");
    case BYLINE_PART_SOURCE_PREFIX: return _("Source");
    case BYLINE_PART_CATEGORY: return _("Category");
    case BYLINE_PART_TAGS: return _("Tags");
    default: g_assert_not_reached ();
    }
}

static void
copy_field (BylineArticle *to,
            BylineArticle *from,
            BylinePart     part)
{
  switch (part)
    {
    case BYLINE_PART_HEADLINE: byline_article_set_headline (to, byline_article_get_headline (from)); break;
    case BYLINE_PART_LEAD: byline_article_set_lead (to, byline_article_get_lead (from)); break;
    case BYLINE_PART_AUTHORS: byline_article_set_authors (to, byline_article_get_authors (from)); break;
    case BYLINE_PART_DATELINE: byline_article_set_dateline (to, byline_article_get_dateline (from)); break;
    case BYLINE_PART_SOURCE_PREFIX:
      byline_article_set_source_prefix (to, byline_article_get_source_prefix (from));
      break;
    case BYLINE_PART_CATEGORY: byline_article_set_category (to, byline_article_get_category (from)); break;
    case BYLINE_PART_TAGS: byline_article_set_tags (to, byline_article_get_tags (from)); break;
    default: g_assert_not_reached ();
    }
}

static void
merge_fields (BylineMerge *self)
{
  for (BylinePart part = BYLINE_PART_HEADLINE; part < N_FIELDS; part++)
    {
      g_autofree char *base = self->base ? field_value (self->base, part) : NULL;
      g_autofree char *ours = field_value (self->ours, part);
      g_autofree char *theirs = field_value (self->theirs, part);

      self->fields[part] = merge_value (self, base, ours, theirs, self->base != NULL, part,
                                        field_label (part), NULL);
    }
}

/* --------------------------------------------------------------- body */

static gboolean
runs_equal (GStrv a, guint a_start, guint a_len,
            GStrv b, guint b_start, guint b_len)
{
  if (a_len != b_len)
    return FALSE;
  for (guint i = 0; i < a_len; i++)
    if (g_strcmp0 (a[a_start + i], b[b_start + i]) != 0)
      return FALSE;
  return TRUE;
}

static char *
run_text (BylineArticle *article,
          guint          start,
          guint          len)
{
  BylineBody *body = byline_article_get_body (article);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = start; i < start + len; i++)
    {
      g_autofree char *block = _byline_block_dup_display (article, byline_body_get_block (body, i));

      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, block);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_segment (BylineMerge *self,
             SegmentKind  kind,
             guint        ours_start,
             guint        ours_len,
             guint        theirs_start,
             guint        theirs_len,
             int          conflict)
{
  Segment segment = { kind, ours_start, ours_len, theirs_start, theirs_len, conflict };

  if (ours_len == 0 && theirs_len == 0)
    return;
  g_array_append_val (self->segments, segment);
}

static void
add_body_conflict (BylineMerge *self,
                   BylineArticle *base, guint b, guint b_len,
                   guint o, guint o_len,
                   guint t, guint t_len)
{
  g_autofree char *base_text = base ? run_text (base, b, b_len) : g_strdup ("");
  g_autofree char *ours_text = run_text (self->ours, o, o_len);
  g_autofree char *theirs_text = run_text (self->theirs, t, t_len);
  char *label;
  int conflict;

  if (o_len <= 1)
    label = g_strdup_printf (_("Body, paragraph %u"), o + 1);
  else
    label = g_strdup_printf (_("Body, paragraphs %u–%u"), o + 1, o + o_len);
  conflict = add_conflict (self, BYLINE_PART_BODY, label, base_text, ours_text, theirs_text, NULL);
  add_segment (self, SEGMENT_CONFLICT, o, o_len, t, t_len, conflict);
}

/* One stretch between blocks all three versions share. */
static void
merge_chunk (BylineMerge *self,
             GStrv base, guint b, guint b_len,
             GStrv ours, guint o, guint o_len,
             GStrv theirs, guint t, guint t_len)
{
  gboolean have_base = self->base != NULL;
  BylineArticle *base_article = have_base ? self->base : self->ours;

  if (runs_equal (ours, o, o_len, theirs, t, t_len))
    {
      add_segment (self, SEGMENT_OURS, o, o_len, t, t_len, -1);
      return;
    }
  if (have_base && runs_equal (base, b, b_len, ours, o, o_len))
    {
      add_segment (self, SEGMENT_THEIRS, o, o_len, t, t_len, -1);
      self->n_taken++;
      return;
    }
  if (have_base && runs_equal (base, b, b_len, theirs, t, t_len))
    {
      add_segment (self, SEGMENT_OURS, o, o_len, t, t_len, -1);
      return;
    }
  if (have_base && b_len > 1 && b_len == o_len && o_len == t_len)
    {
      /* Both changed the same stretch block for block: paragraph by paragraph again. */
      for (guint i = 0; i < b_len; i++)
        merge_chunk (self, base, b + i, 1, ours, o + i, 1, theirs, t + i, 1);
      return;
    }
  add_body_conflict (self, have_base ? base_article : NULL, b, b_len, o, o_len, t, t_len);
}

static void
merge_body (BylineMerge *self)
{
  BylineArticle *base_article = self->base ? self->base : self->ours;
  g_auto(GStrv) base = _byline_body_block_keys (byline_article_get_body (base_article));
  g_auto(GStrv) ours = _byline_body_block_keys (byline_article_get_body (self->ours));
  g_auto(GStrv) theirs = _byline_body_block_keys (byline_article_get_body (self->theirs));
  guint n_b = g_strv_length (base), n_o = g_strv_length (ours), n_t = g_strv_length (theirs);
  g_autofree int *to_ours = _byline_lcs_match ((const char * const *) base, n_b, (const char * const *) ours, n_o);
  g_autofree int *to_theirs = _byline_lcs_match ((const char * const *) base, n_b,
                                                 (const char * const *) theirs, n_t);
  guint b = 0, o = 0, t = 0;

  for (;;)
    {
      guint next_b;

      /* Blocks all three share, in a row. */
      while (b < n_b && to_ours[b] == (int) o && to_theirs[b] == (int) t)
        {
          add_segment (self, SEGMENT_OURS, o, 1, t, 1, -1);
          b++, o++, t++;
        }
      if (b >= n_b && o >= n_o && t >= n_t)
        break;
      next_b = b;
      while (next_b < n_b && (to_ours[next_b] < 0 || to_theirs[next_b] < 0))
        next_b++;
      if (next_b < n_b)
        {
          merge_chunk (self, base, b, next_b - b, ours, o, to_ours[next_b] - o,
                       theirs, t, to_theirs[next_b] - t);
          o = to_ours[next_b];
          t = to_theirs[next_b];
        }
      else
        {
          merge_chunk (self, base, b, n_b - b, ours, o, n_o - o, theirs, t, n_t - t);
          o = n_o;
          t = n_t;
        }
      b = next_b;
    }
}

/* ----------------------------------------------------------- pictures */

static gboolean
picture_texts_equal (BylineImage *a,
                     BylineImage *b)
{
  for (guint i = 0; i < N_PICTURE_TEXTS; i++)
    if (!g_str_equal (picture_text (a, i), picture_text (b, i)))
      return FALSE;
  return TRUE;
}

static void
add_picture (BylineMerge *self,
             BylineImage *ours,
             BylineImage *theirs)
{
  PictureMerge *picture = g_new0 (PictureMerge, 1);
  const char *id = byline_image_get_id (ours ? ours : theirs);
  BylineImage *base = self->base ? byline_article_find_image (self->base, id) : NULL;
  guint position = byline_article_get_n_images (self->ours);

  for (guint i = 0; ours != NULL && i < byline_article_get_n_images (self->ours); i++)
    if (byline_article_get_image (self->ours, i) == ours)
      position = i;

  picture->image = byline_image_copy (ours ? ours : theirs);
  picture->ours = ours;
  picture->theirs = theirs;
  for (guint i = 0; i < N_PICTURE_TEXTS; i++)
    {
      static const char *formats[N_PICTURE_TEXTS] = {
        N_("Picture %u, caption"), N_("Picture %u, credit"), N_("Picture %u, alt text"),
      };
      g_autofree char *label = g_strdup_printf (_(formats[i]), position + 1);

      picture->texts[i] = (Pick) { ours ? OURS : THEIRS, -1 };
      if (ours != NULL && theirs != NULL)
        picture->texts[i] = merge_value (self, picture_text (base, i), picture_text (ours, i),
                                         picture_text (theirs, i), base != NULL,
                                         picture_parts[i], label, id);
    }
  g_ptr_array_add (self->pictures, picture);
}

static void
merge_pictures (BylineMerge *self)
{
  for (guint i = 0; i < byline_article_get_n_images (self->ours); i++)
    {
      BylineImage *ours = byline_article_get_image (self->ours, i);
      const char *id = byline_image_get_id (ours);
      BylineImage *theirs = byline_article_find_image (self->theirs, id);
      BylineImage *base = self->base ? byline_article_find_image (self->base, id) : NULL;

      /* Removed by them, untouched by us: removed. */
      if (theirs == NULL && base != NULL && picture_texts_equal (base, ours))
        {
          self->n_taken++;
          continue;
        }
      add_picture (self, ours, theirs);
    }
  for (guint i = 0; i < byline_article_get_n_images (self->theirs); i++)
    {
      BylineImage *theirs = byline_article_get_image (self->theirs, i);
      const char *id = byline_image_get_id (theirs);
      BylineImage *base = self->base ? byline_article_find_image (self->base, id) : NULL;

      if (byline_article_find_image (self->ours, id) != NULL)
        continue;
      /* Removed by us, untouched by them: stays removed. */
      if (base != NULL && picture_texts_equal (base, theirs))
        continue;
      if (base == NULL)
        self->n_taken++;
      add_picture (self, NULL, theirs);
    }
}

/* ------------------------------------------------------------- object */

static void
byline_merge_finalize (GObject *object)
{
  BylineMerge *self = BYLINE_MERGE (object);

  g_clear_object (&self->base);
  g_clear_object (&self->ours);
  g_clear_object (&self->theirs);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->pictures, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_merge_parent_class)->finalize (object);
}

static void
byline_merge_class_init (BylineMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_merge_finalize;
}

static void
byline_merge_init (BylineMerge *self)
{
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_free);
  self->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  self->pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) picture_merge_free);
}

BylineMerge *
byline_merge_new (BylineArticle *base,
                  BylineArticle *ours,
                  BylineArticle *theirs)
{
  BylineMerge *self;

  g_return_val_if_fail (base == NULL || BYLINE_IS_ARTICLE (base), NULL);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (ours), NULL);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (theirs), NULL);

  self = g_object_new (BYLINE_TYPE_MERGE, NULL);
  self->base = base ? byline_article_copy (base) : NULL;
  self->ours = byline_article_copy (ours);
  self->theirs = byline_article_copy (theirs);
  merge_fields (self);
  merge_body (self);
  merge_pictures (self);
  return self;
}

guint
byline_merge_get_n_conflicts (BylineMerge *self)
{
  g_return_val_if_fail (BYLINE_IS_MERGE (self), 0);

  return self->conflicts->len;
}

const BylineMergeConflict *
byline_merge_get_conflict (BylineMerge *self,
                           guint        index)
{
  g_return_val_if_fail (BYLINE_IS_MERGE (self), NULL);
  g_return_val_if_fail (index < self->conflicts->len, NULL);

  return g_ptr_array_index (self->conflicts, index);
}

gboolean
byline_merge_resolve (BylineMerge       *self,
                      guint              index,
                      BylineMergeChoice  choice)
{
  BylineMergeConflict *conflict;

  g_return_val_if_fail (BYLINE_IS_MERGE (self), FALSE);
  g_return_val_if_fail (index < self->conflicts->len, FALSE);

  conflict = g_ptr_array_index (self->conflicts, index);
  if (choice == BYLINE_MERGE_TAKE_BOTH && conflict->part != BYLINE_PART_BODY)
    return FALSE;
  conflict->choice = choice;
  return TRUE;
}

gboolean
byline_merge_is_resolved (BylineMerge *self)
{
  g_return_val_if_fail (BYLINE_IS_MERGE (self), FALSE);

  for (guint i = 0; i < self->conflicts->len; i++)
    if (((BylineMergeConflict *) g_ptr_array_index (self->conflicts, i))->choice == BYLINE_MERGE_UNRESOLVED)
      return FALSE;
  return TRUE;
}

guint
byline_merge_get_n_taken (BylineMerge *self)
{
  g_return_val_if_fail (BYLINE_IS_MERGE (self), 0);

  return self->n_taken;
}

static Side
picked_side (BylineMerge *self,
             Pick         pick)
{
  BylineMergeConflict *conflict;

  if (pick.conflict < 0)
    return pick.side;
  conflict = g_ptr_array_index (self->conflicts, pick.conflict);
  return conflict->choice == BYLINE_MERGE_TAKE_THEIRS ? THEIRS : OURS;
}

BylineArticle *
byline_merge_dup_result (BylineMerge *self)
{
  g_autoptr(BylineArticle) result = NULL;
  g_autoptr(GPtrArray) old_images = g_ptr_array_new_with_free_func (g_object_unref);
  BylineBody *body, *ours_body, *theirs_body;

  g_return_val_if_fail (BYLINE_IS_MERGE (self), NULL);

  result = byline_article_copy (self->ours);
  for (BylinePart part = BYLINE_PART_HEADLINE; part < N_FIELDS; part++)
    if (picked_side (self, self->fields[part]) == THEIRS)
      copy_field (result, self->theirs, part);

  /* Pictures: removing one removes its blocks, so before the body is rebuilt. */
  while (byline_article_get_n_images (result) > 0)
    byline_article_remove_image (result, byline_article_get_image (result, 0));
  for (guint i = 0; i < self->pictures->len; i++)
    {
      PictureMerge *picture = g_ptr_array_index (self->pictures, i);
      g_autoptr(BylineImage) image = byline_image_copy (picture->image);

      for (guint t = 0; t < N_PICTURE_TEXTS; t++)
        {
          BylineImage *from = picked_side (self, picture->texts[t]) == THEIRS && picture->theirs
                            ? picture->theirs : (picture->ours ? picture->ours : picture->theirs);

          set_picture_text (image, t, picture_text (from, t));
        }
      byline_article_add_image (result, image);
    }

  body = byline_article_get_body (result);
  ours_body = byline_article_get_body (self->ours);
  theirs_body = byline_article_get_body (self->theirs);
  byline_body_clear (body);
  for (guint i = 0; i < self->segments->len; i++)
    {
      Segment *segment = &g_array_index (self->segments, Segment, i);
      gboolean take_ours = segment->kind == SEGMENT_OURS;
      gboolean take_theirs = segment->kind == SEGMENT_THEIRS;

      if (segment->kind == SEGMENT_CONFLICT)
        {
          BylineMergeConflict *conflict = g_ptr_array_index (self->conflicts, segment->conflict);

          take_theirs = conflict->choice == BYLINE_MERGE_TAKE_THEIRS || conflict->choice == BYLINE_MERGE_TAKE_BOTH;
          take_ours = !take_theirs || conflict->choice == BYLINE_MERGE_TAKE_BOTH;
        }
      for (guint k = 0; take_ours && k < segment->ours_len; k++)
        {
          const BylineBlock *block = byline_body_get_block (ours_body, segment->ours_start + k);

          if (byline_block_get_kind (block) != BYLINE_BLOCK_IMAGE
              || byline_article_find_image (result, byline_block_get_image_id (block)) != NULL)
            _byline_body_append_copy (body, block);
        }
      for (guint k = 0; take_theirs && k < segment->theirs_len; k++)
        {
          const BylineBlock *block = byline_body_get_block (theirs_body, segment->theirs_start + k);

          if (byline_block_get_kind (block) != BYLINE_BLOCK_IMAGE
              || byline_article_find_image (result, byline_block_get_image_id (block)) != NULL)
            _byline_body_append_copy (body, block);
        }
    }
  return g_steal_pointer (&result);
}

JsonNode *
byline_merge_conflicts_to_json (BylineMerge *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (BYLINE_IS_MERGE (self), NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      BylineMergeConflict *conflict = g_ptr_array_index (self->conflicts, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "index");
      json_builder_add_int_value (builder, i + 1);
      json_builder_set_member_name (builder, "part");
      json_builder_add_string_value (builder, byline_part_to_string (conflict->part));
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, conflict->label);
      json_builder_set_member_name (builder, "base");
      json_builder_add_string_value (builder, conflict->base_text);
      json_builder_set_member_name (builder, "ours");
      json_builder_add_string_value (builder, conflict->ours_text);
      json_builder_set_member_name (builder, "theirs");
      json_builder_add_string_value (builder, conflict->theirs_text);
      json_builder_set_member_name (builder, "choice");
      json_builder_add_string_value (builder, byline_merge_choice_to_string (conflict->choice));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

BylineArticle *
byline_merge_save_draft (BylineMerge       *self,
                         BylineDraftStore  *store,
                         GError           **error)
{
  g_autoptr(BylineArticle) merged = NULL;
  g_autoptr(BylineArticle) draft = NULL;

  g_return_val_if_fail (BYLINE_IS_MERGE (self), NULL);
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);

  merged = byline_merge_dup_result (self);
  draft = byline_draft_store_load (store, byline_article_get_id (merged), error);
  if (draft == NULL)
    return NULL;
  /* On top of what is there: a save elsewhere meanwhile is a conflict again. */
  byline_article_set_revision (merged, byline_article_get_revision (draft));
  if (!byline_draft_store_save (store, merged, error))
    return NULL;
  return g_steal_pointer (&merged);
}
