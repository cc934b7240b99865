/* byline-checks-finding.c — one finding of the preflight checks, and applying its fix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "byline-article.h"
#include "byline-body.h"
#include "byline-checks-private.h"
#include "byline-image.h"

struct _BylineFinding
{
  GObject         parent_instance;

  BylineSeverity  severity;
  BylineField     field;
  int             block;
  guint           start;
  guint           end;
  guint           order;
  char           *code;
  char           *message;
  char           *image_id;
  char           *excerpt;
  char           *suggestion;
  char           *credit;      /* the fix also sets the picture's credit to this */
  gboolean        takes_byline; /* the fix moves the paragraph to the byline */
  GStrv           forgets;     /* the fix forgets these pictures not in the story */
};

G_DEFINE_FINAL_TYPE (BylineFinding, byline_finding, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (BylineSeverity, byline_severity,
  G_DEFINE_ENUM_VALUE (BYLINE_SEVERITY_INFO, "info"),
  G_DEFINE_ENUM_VALUE (BYLINE_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (BYLINE_SEVERITY_ERROR, "error"))

G_DEFINE_ENUM_TYPE (BylineField, byline_field,
  G_DEFINE_ENUM_VALUE (BYLINE_FIELD_ARTICLE, "article"),
  G_DEFINE_ENUM_VALUE (BYLINE_FIELD_HEADLINE, "headline"),
  G_DEFINE_ENUM_VALUE (BYLINE_FIELD_LEAD, "lead"),
  G_DEFINE_ENUM_VALUE (BYLINE_FIELD_BYLINE, "byline"),
  G_DEFINE_ENUM_VALUE (BYLINE_FIELD_CATEGORY, "category"),
  G_DEFINE_ENUM_VALUE (BYLINE_FIELD_PUBLISH_TIME, "publish-time"),
  G_DEFINE_ENUM_VALUE (BYLINE_FIELD_BODY, "body"),
  G_DEFINE_ENUM_VALUE (BYLINE_FIELD_CAPTION, "caption"),
  G_DEFINE_ENUM_VALUE (BYLINE_FIELD_CREDIT, "credit"),
  G_DEFINE_ENUM_VALUE (BYLINE_FIELD_ALT_TEXT, "alt-text"),
  G_DEFINE_ENUM_VALUE (BYLINE_FIELD_SOURCE, "source"))

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_CODE,
  PROP_MESSAGE,
  PROP_FIELD,
  PROP_BLOCK,
  PROP_IMAGE_ID,
  PROP_START,
  PROP_END,
  PROP_EXCERPT,
  PROP_SUGGESTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
byline_finding_finalize (GObject *object)
{
  BylineFinding *self = BYLINE_FINDING (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->image_id, g_free);
  g_clear_pointer (&self->excerpt, g_free);
  g_clear_pointer (&self->suggestion, g_free);
  g_clear_pointer (&self->credit, g_free);
  g_clear_pointer (&self->forgets, g_strfreev);

  G_OBJECT_CLASS (byline_finding_parent_class)->finalize (object);
}

static void
byline_finding_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BylineFinding *self = BYLINE_FINDING (object);

  switch (prop_id)
    {
    case PROP_SEVERITY: g_value_set_enum (value, self->severity); break;
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_MESSAGE: g_value_set_string (value, self->message); break;
    case PROP_FIELD: g_value_set_enum (value, self->field); break;
    case PROP_BLOCK: g_value_set_int (value, self->block); break;
    case PROP_IMAGE_ID: g_value_set_string (value, self->image_id); break;
    case PROP_START: g_value_set_uint (value, self->start); break;
    case PROP_END: g_value_set_uint (value, self->end); break;
    case PROP_EXCERPT: g_value_set_string (value, self->excerpt); break;
    case PROP_SUGGESTION: g_value_set_string (value, self->suggestion); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_finding_class_init (BylineFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = byline_finding_finalize;
  object_class->get_property = byline_finding_get_property;

  properties[PROP_SEVERITY] = g_param_spec_enum ("severity", NULL, NULL, BYLINE_TYPE_SEVERITY,
                                                 BYLINE_SEVERITY_WARNING, ro);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, ro);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, ro | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FIELD] = g_param_spec_enum ("field", NULL, NULL, BYLINE_TYPE_FIELD,
                                              BYLINE_FIELD_ARTICLE, ro);
  properties[PROP_BLOCK] = g_param_spec_int ("block", NULL, NULL, -1, G_MAXINT, -1, ro);
  properties[PROP_IMAGE_ID] = g_param_spec_string ("image-id", NULL, NULL, NULL, ro);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, ro | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, ro | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EXCERPT] = g_param_spec_string ("excerpt", NULL, NULL, NULL, ro | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUGGESTION] = g_param_spec_string ("suggestion", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_finding_init (BylineFinding *self)
{
  self->block = -1;
}

BylineFinding *
byline_finding_new (BylineSeverity  severity,
                    const char     *code,
                    BylineField     field,
                    const char     *message)
{
  BylineFinding *self;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (BYLINE_TYPE_FINDING, NULL);
  self->severity = severity;
  self->code = g_strdup (code);
  self->field = field;
  self->message = g_strdup (message);
  return self;
}

#define GETTER(type, name, member, fallback) \
  type \
  byline_finding_get_##name (BylineFinding *self) \
  { \
    g_return_val_if_fail (BYLINE_IS_FINDING (self), fallback); \
    return self->member; \
  }

GETTER (BylineSeverity, severity, severity, BYLINE_SEVERITY_INFO)
GETTER (const char *, code, code, NULL)
GETTER (const char *, message, message, NULL)
GETTER (BylineField, field, field, BYLINE_FIELD_ARTICLE)
GETTER (int, block, block, -1)
GETTER (const char *, image_id, image_id, NULL)
GETTER (guint, start, start, 0)
GETTER (guint, end, end, 0)
GETTER (const char *, excerpt, excerpt, NULL)
GETTER (const char *, suggestion, suggestion, NULL)

#undef GETTER

void
byline_finding_set_block (BylineFinding *self,
                          int            block)
{
  g_return_if_fail (BYLINE_IS_FINDING (self));

  self->block = block;
}

void
byline_finding_set_image_id (BylineFinding *self,
                             const char    *image_id)
{
  g_return_if_fail (BYLINE_IS_FINDING (self));

  g_set_str (&self->image_id, image_id);
}

void
byline_finding_set_range (BylineFinding *self,
                          guint          start,
                          guint          end,
                          const char    *excerpt)
{
  g_return_if_fail (BYLINE_IS_FINDING (self));
  g_return_if_fail (start <= end);

  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  if (g_set_str (&self->excerpt, excerpt))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCERPT]);
}

void
byline_finding_set_suggestion (BylineFinding *self,
                               const char    *suggestion)
{
  g_return_if_fail (BYLINE_IS_FINDING (self));

  g_set_str (&self->suggestion, suggestion);
}

void
byline_finding_set_message (BylineFinding *self,
                            const char    *message)
{
  g_return_if_fail (BYLINE_IS_FINDING (self));
  g_return_if_fail (message != NULL);

  if (g_set_str (&self->message, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

/* The fix moves text out of a caption into the picture's credit. */
void
_byline_finding_set_credit (BylineFinding *self,
                            const char    *credit)
{
  g_set_str (&self->credit, credit);
}

/* The fix takes the body's last paragraph, a byline, into the story's byline. */
void
_byline_finding_set_takes_byline (BylineFinding *self)
{
  self->takes_byline = TRUE;
}

/* The fix forgets the pictures the story was to have named @names
 * (byline_article_dup_missing_pictures()). */
void
_byline_finding_set_forgets_pictures (BylineFinding      *self,
                                      const char * const *names)
{
  g_strfreev (self->forgets);
  self->forgets = g_strdupv ((char **) names);
}

const char * const *
byline_finding_get_forgotten_pictures (BylineFinding *self)
{
  g_return_val_if_fail (BYLINE_IS_FINDING (self), NULL);

  return (const char * const *) self->forgets;
}

const char *
byline_finding_get_fix_label (BylineFinding *self)
{
  g_return_val_if_fail (BYLINE_IS_FINDING (self), NULL);

  if (self->forgets != NULL && g_strv_length (self->forgets) == 1)
    return _("Forget this picture: it was added by hand, or is not needed");
  if (self->forgets != NULL)
    return _("Forget these pictures: they were added by hand, or are not needed");
  return NULL;
}

void
_byline_finding_set_order (BylineFinding *self,
                           guint          order)
{
  self->order = order;
}

guint
_byline_finding_get_order (BylineFinding *self)
{
  return self->order;
}

/* --------------------------------------------------------------- location */

static guint
picture_number (BylineArticle *article,
                const char    *image_id)
{
  if (article == NULL || image_id == NULL)
    return 0;
  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    if (g_strcmp0 (byline_image_get_id (byline_article_get_image (article, i)), image_id) == 0)
      return i + 1;
  return 0;
}

char *
byline_finding_dup_location (BylineFinding *self,
                             BylineArticle *article)
{
  g_autofree char *place = NULL;
  guint picture;

  g_return_val_if_fail (BYLINE_IS_FINDING (self), NULL);
  g_return_val_if_fail (article == NULL || BYLINE_IS_ARTICLE (article), NULL);

  picture = picture_number (article, self->image_id);
  switch (self->field)
    {
    case BYLINE_FIELD_HEADLINE: place = g_strdup (_("Headline")); break;
    case BYLINE_FIELD_LEAD: place = g_strdup (_("Lead")); break;
    case BYLINE_FIELD_BYLINE: place = g_strdup (C_("field", "Byline")); break;
    case BYLINE_FIELD_CATEGORY: place = g_strdup (_("Category")); break;
    case BYLINE_FIELD_PUBLISH_TIME: place = g_strdup (_("Publication time")); break;
    case BYLINE_FIELD_BODY: place = g_strdup_printf (_("Body, block %d"), self->block + 1); break;
    case BYLINE_FIELD_CAPTION: place = g_strdup_printf (_("Picture %u, caption"), picture); break;
    case BYLINE_FIELD_CREDIT: place = g_strdup_printf (_("Picture %u, credit"), picture); break;
    case BYLINE_FIELD_ALT_TEXT: place = g_strdup_printf (_("Picture %u, alt text"), picture); break;
    case BYLINE_FIELD_SOURCE: place = g_strdup (_("Source text")); break;
    case BYLINE_FIELD_ARTICLE:
    default: place = g_strdup (_("Story")); break;
    }

  if (self->end == self->start + 1)
    /* Translators: a place in the story, then the number of a character in it */
    return g_strdup_printf (_("%s, character %u"), place, self->end);
  if (self->end > self->start)
    /* Translators: a place in the story, then a range of characters */
    return g_strdup_printf (_("%s, characters %u–%u"), place, self->start + 1, self->end);
  return g_steal_pointer (&place);
}

/* ------------------------------------------------------------------ apply */

static char *
splice (const char *text,
        guint       start,
        guint       end,
        const char *excerpt,
        const char *replacement)
{
  glong length = g_utf8_strlen (text, -1);
  const char *from, *to;

  if (end > (guint) length || start > end)
    return NULL;
  from = g_utf8_offset_to_pointer (text, start);
  to = g_utf8_offset_to_pointer (from, end - start);
  if (excerpt != NULL && (strlen (excerpt) != (gsize) (to - from)
                          || memcmp (excerpt, from, to - from) != 0))
    return NULL;
  return g_strdup_printf ("%.*s%s%s", (int) (from - text), text, replacement, to);
}

typedef struct
{
  guint          start;
  guint          end;
  BylineSpanKind kind;
  char          *href;
} SavedSpan;

/* Sets a block's text, putting its spans back where the same characters went:
 * text before @start keeps its place, text after @end moves by the difference. */
static void
set_block_text_keeping_spans (BylineBody *body,
                              guint       index,
                              const char *text,
                              guint       start,
                              guint       end,
                              guint       new_len)
{
  const BylineBlock *block = byline_body_get_block (body, index);
  const BylineSpan *spans;
  g_autoptr(GArray) saved = g_array_new (FALSE, FALSE, sizeof (SavedSpan));
  guint n_spans = 0;
  int delta = (int) new_len - (int) (end - start);

  spans = byline_block_get_spans (block, &n_spans);
  for (guint i = 0; i < n_spans; i++)
    {
      SavedSpan s = { spans[i].start, spans[i].end, spans[i].kind, g_strdup (spans[i].href) };
      g_array_append_val (saved, s);
    }

  byline_body_set_text (body, index, text);

  for (guint i = 0; i < saved->len; i++)
    {
      SavedSpan *s = &g_array_index (saved, SavedSpan, i);
      guint positions[2] = { s->start, s->end };

      for (guint k = 0; k < 2; k++)
        {
          guint p = positions[k];

          if (p >= end)
            p = (guint) ((int) p + delta);
          else if (p > start)
            p = start + MIN (p - start, new_len);
          positions[k] = p;
        }
      if (positions[0] < positions[1])
        byline_body_apply_span (body, index, positions[0], positions[1], s->kind, s->href, TRUE);
      g_free (s->href);
    }
}

gboolean
byline_finding_apply (BylineFinding *self,
                      BylineArticle *article)
{
  g_autofree char *changed = NULL;
  BylineImage *image = NULL;
  const char *text;

  g_return_val_if_fail (BYLINE_IS_FINDING (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);

  if (self->forgets != NULL)
    {
      gboolean any = FALSE;

      for (guint i = 0; self->forgets[i] != NULL; i++)
        {
          int index = byline_article_find_missing_picture (article, self->forgets[i], NULL);

          any |= index >= 0;
          byline_article_settle_missing_picture (article, index);
        }
      return any;
    }
  if (self->suggestion == NULL)
    return FALSE;

  if (self->image_id != NULL)
    image = byline_article_find_image (article, self->image_id);

  switch (self->field)
    {
    case BYLINE_FIELD_HEADLINE: text = byline_article_get_headline (article); break;
    case BYLINE_FIELD_LEAD: text = byline_article_get_lead (article); break;
    case BYLINE_FIELD_CAPTION: text = image ? byline_image_get_caption (image) : NULL; break;
    case BYLINE_FIELD_CREDIT: text = image ? byline_image_get_credit (image) : NULL; break;
    case BYLINE_FIELD_ALT_TEXT: text = image ? byline_image_get_alt_text (image) : NULL; break;
    case BYLINE_FIELD_BODY:
      {
        BylineBody *body = byline_article_get_body (article);
        const BylineBlock *block;

        if (self->block < 0 || (guint) self->block >= byline_body_get_n_blocks (body))
          return FALSE;
        block = byline_body_get_block (body, self->block);
        if (!byline_block_kind_is_text (byline_block_get_kind (block)))
          return FALSE;
        text = byline_block_get_text (block);
      }
      break;
    default:
      return FALSE;
    }

  if (text == NULL)
    return FALSE;
  changed = splice (text, self->start, self->end, self->excerpt, self->suggestion);
  if (changed == NULL)
    return FALSE;
  /* The paragraph is still the byline it was: it goes where bylines go. */
  if (self->takes_byline)
    return self->field == BYLINE_FIELD_BODY && *changed == '\0'
           && byline_article_find_byline_paragraph (article, NULL) == self->block
           && byline_article_take_byline_paragraph (article);
  /* The caption's tail was its credit: it goes where credits go. */
  if (self->credit != NULL)
    {
      if (image == NULL)
        return FALSE;
      byline_image_set_credit (image, self->credit);
    }

  switch (self->field)
    {
    case BYLINE_FIELD_HEADLINE: byline_article_set_headline (article, changed); break;
    case BYLINE_FIELD_LEAD: byline_article_set_lead (article, changed); break;
    case BYLINE_FIELD_CAPTION: byline_image_set_caption (image, changed); break;
    case BYLINE_FIELD_CREDIT: byline_image_set_credit (image, changed); break;
    case BYLINE_FIELD_ALT_TEXT: byline_image_set_alt_text (image, changed); break;
    case BYLINE_FIELD_BODY:
      set_block_text_keeping_spans (byline_article_get_body (article), self->block, changed,
                                    self->start, self->end, g_utf8_strlen (self->suggestion, -1));
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static guint
count_moves (const char      *text,
             BylineToneStyle  style)
{
  g_autoptr(GArray) found = byline_tone_scan (text);
  guint moves = 0;

  for (guint i = 0; i < found->len; i++)
    switch (g_array_index (found, BylineToneSyllable, i).placement)
      {
      case BYLINE_TONE_PLACEMENT_MISPLACED: moves++; break;
      case BYLINE_TONE_PLACEMENT_CLASSIC: moves += style == BYLINE_TONE_STYLE_MODERN; break;
      case BYLINE_TONE_PLACEMENT_MODERN: moves += style == BYLINE_TONE_STYLE_CLASSIC; break;
      case BYLINE_TONE_PLACEMENT_NONE:
      case BYLINE_TONE_PLACEMENT_NEUTRAL:
      default: break;
      }
  return moves;
}

guint
byline_article_apply_tone_style (BylineArticle   *article,
                                 BylineToneStyle  style)
{
  BylineBody *body;
  guint changed = 0;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), 0);

  /* Moving a mark keeps every character where it was, so spans stay put. */
#define CONVERT(getter, setter, obj) \
  G_STMT_START { \
    const char *old = getter (obj); \
    g_autofree char *converted = old ? byline_tone_convert (old, style) : NULL; \
    if (converted != NULL && !g_str_equal (converted, old)) \
      { \
        changed += count_moves (old, style); \
        setter (obj, converted); \
      } \
  } G_STMT_END

  CONVERT (byline_article_get_headline, byline_article_set_headline, article);
  CONVERT (byline_article_get_lead, byline_article_set_lead, article);

  body = byline_article_get_body (article);
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);
      const char *old;
      g_autofree char *converted = NULL;

      if (!byline_block_kind_is_text (byline_block_get_kind (block)))
        continue;
      old = byline_block_get_text (block);
      converted = byline_tone_convert (old, style);
      if (g_str_equal (converted, old))
        continue;
      changed += count_moves (old, style);
      set_block_text_keeping_spans (body, i, converted, 0, 0, 0);
    }

  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);

      CONVERT (byline_image_get_caption, byline_image_set_caption, image);
      CONVERT (byline_image_get_credit, byline_image_set_credit, image);
      CONVERT (byline_image_get_alt_text, byline_image_set_alt_text, image);
    }
#undef CONVERT

  return changed;
}

/* ------------------------------------------------------------------- JSON */

JsonNode *
byline_finding_to_json (BylineFinding *self,
                        BylineArticle *article)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *location = NULL;
  guint picture;

  g_return_val_if_fail (BYLINE_IS_FINDING (self), NULL);

  location = byline_finding_dup_location (self, article);
  picture = picture_number (article, self->image_id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "severity");
  json_builder_add_string_value (builder, byline_severity_to_string (self->severity));
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, self->code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, self->message);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, byline_field_to_string (self->field));
  if (self->block >= 0)
    {
      json_builder_set_member_name (builder, "block");
      json_builder_add_int_value (builder, self->block);
    }
  if (self->image_id != NULL)
    {
      json_builder_set_member_name (builder, "image");
      json_builder_add_string_value (builder, self->image_id);
      if (picture > 0)
        {
          json_builder_set_member_name (builder, "picture");
          json_builder_add_int_value (builder, picture);
        }
    }
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, self->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, self->end);
  if (self->excerpt != NULL)
    {
      json_builder_set_member_name (builder, "excerpt");
      json_builder_add_string_value (builder, self->excerpt);
    }
  if (self->suggestion != NULL)
    {
      json_builder_set_member_name (builder, "suggestion");
      json_builder_add_string_value (builder, self->suggestion);
    }
  json_builder_set_member_name (builder, "location");
  json_builder_add_string_value (builder, location);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

const char *
byline_severity_to_string (BylineSeverity severity)
{
  switch (severity)
    {
    case BYLINE_SEVERITY_ERROR: return "error";
    case BYLINE_SEVERITY_WARNING: return "warning";
    case BYLINE_SEVERITY_INFO:
    default: return "info";
    }
}

const char *
byline_field_to_string (BylineField field)
{
  GEnumClass *klass = g_type_class_get (BYLINE_TYPE_FIELD);
  GEnumValue *value = g_enum_get_value (klass, field);

  return value != NULL ? value->value_nick : "article";
}
