/* byline-article.c
 *
 * An article owns its body and its pictures and says so when any of them
 * changes: every property notifies, and ::changed (no arguments) is emitted
 * after any change of the article, its body or one of its pictures, which is
 * what autosave listens to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-article-private.h"
#include "byline-body.h"
#include "byline-enums.h"
#include "byline-image-private.h"
#include "byline-text.h"

typedef struct
{
  char *remote_id;
  char *remote_version;
} RemoteState;

struct _BylineArticle
{
  GObject       parent_instance;

  char         *id;
  char         *headline;
  char         *lead;
  BylineBody   *body;
  GStrv         authors;
  char         *dateline;
  char         *source_prefix;
  char         *category;
  GStrv         tags;
  char         *language;
  char         *slug;
  GDateTime    *created;
  GDateTime    *modified;
  GDateTime    *publish_time;
  char         *editor_note;
  GListStore   *images;
  GHashTable   *image_index; /* id → BylineImage (borrowed); NULL until asked for */
  GHashTable   *remotes;     /* destination name → RemoteState */
  gboolean      images_frozen; /* a move is trading figures: no sorting */
  JsonObject   *extra;
  guint64       revision;
  BylineStatus  status;
};

G_DEFINE_FINAL_TYPE (BylineArticle, byline_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_HEADLINE,
  PROP_LEAD,
  PROP_BODY,
  PROP_AUTHORS,
  PROP_DATELINE,
  PROP_SOURCE_PREFIX,
  PROP_CATEGORY,
  PROP_TAGS,
  PROP_LANGUAGE,
  PROP_SLUG,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_PUBLISH_TIME,
  PROP_STATUS,
  PROP_EDITOR_NOTE,
  PROP_IMAGES,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *status_names[] = {
  [BYLINE_STATUS_DRAFT] = "draft",
  [BYLINE_STATUS_SUBMITTED] = "submitted",
  [BYLINE_STATUS_RETURNED] = "returned",
  [BYLINE_STATUS_SCHEDULED] = "scheduled",
  [BYLINE_STATUS_PUBLISHED] = "published",
};

static void
remote_state_free (gpointer data)
{
  RemoteState *state = data;

  g_free (state->remote_id);
  g_free (state->remote_version);
  g_free (state);
}

static void
emit_changed (BylineArticle *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_image_notify (BylineArticle *self)
{
  emit_changed (self);
}

static void
on_images_changed (BylineArticle *self,
                   guint          position,
                   guint          removed,
                   guint          added,
                   GListModel    *model)
{
  /* A removal may have taken any id away: the index is made again when
   * next asked for.  Additions (a draft being loaded) just extend it. */
  if (removed > 0)
    g_clear_pointer (&self->image_index, g_hash_table_unref);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(BylineImage) image = g_list_model_get_item (model, i);

      g_signal_handlers_disconnect_by_func (image, on_image_notify, self);
      g_signal_connect_object (image, "notify", G_CALLBACK (on_image_notify), self,
                               G_CONNECT_SWAPPED);
      if (self->image_index != NULL)
        g_hash_table_insert (self->image_index, (gpointer) byline_image_get_id (image), image);
    }
  emit_changed (self);
}

static void
on_body_changed (BylineArticle *self)
{
  emit_changed (self);
}

static void
byline_article_dispose (GObject *object)
{
  BylineArticle *self = (BylineArticle *)object;

  if (self->images != NULL)
    g_signal_handlers_disconnect_by_func (self->images, on_images_changed, self);
  if (self->body != NULL)
    g_signal_handlers_disconnect_by_func (self->body, on_body_changed, self);

  G_OBJECT_CLASS (byline_article_parent_class)->dispose (object);
}

static void
byline_article_finalize (GObject *object)
{
  BylineArticle *self = (BylineArticle *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->headline, g_free);
  g_clear_pointer (&self->lead, g_free);
  g_clear_object (&self->body);
  g_clear_pointer (&self->authors, g_strfreev);
  g_clear_pointer (&self->dateline, g_free);
  g_clear_pointer (&self->source_prefix, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_pointer (&self->publish_time, g_date_time_unref);
  g_clear_pointer (&self->editor_note, g_free);
  g_clear_object (&self->images);
  g_clear_pointer (&self->image_index, g_hash_table_unref);
  g_clear_pointer (&self->remotes, g_hash_table_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (byline_article_parent_class)->finalize (object);
}

static void
byline_article_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BylineArticle *self = BYLINE_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_HEADLINE: g_value_set_string (value, self->headline); break;
    case PROP_LEAD: g_value_set_string (value, self->lead); break;
    case PROP_BODY: g_value_set_object (value, self->body); break;
    case PROP_AUTHORS: g_value_set_boxed (value, self->authors); break;
    case PROP_DATELINE: g_value_set_string (value, self->dateline); break;
    case PROP_SOURCE_PREFIX: g_value_set_string (value, self->source_prefix); break;
    case PROP_CATEGORY: g_value_set_string (value, self->category); break;
    case PROP_TAGS: g_value_set_boxed (value, self->tags); break;
    case PROP_LANGUAGE: g_value_set_string (value, self->language); break;
    case PROP_SLUG: g_value_set_string (value, self->slug); break;
    case PROP_CREATED: g_value_set_boxed (value, self->created); break;
    case PROP_MODIFIED: g_value_set_boxed (value, self->modified); break;
    case PROP_PUBLISH_TIME: g_value_set_boxed (value, self->publish_time); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_EDITOR_NOTE: g_value_set_string (value, self->editor_note); break;
    case PROP_IMAGES: g_value_set_object (value, self->images); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_article_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BylineArticle *self = BYLINE_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_dup_string (value); break;
    case PROP_HEADLINE: byline_article_set_headline (self, g_value_get_string (value)); break;
    case PROP_LEAD: byline_article_set_lead (self, g_value_get_string (value)); break;
    case PROP_AUTHORS: byline_article_set_authors (self, g_value_get_boxed (value)); break;
    case PROP_DATELINE: byline_article_set_dateline (self, g_value_get_string (value)); break;
    case PROP_SOURCE_PREFIX: byline_article_set_source_prefix (self, g_value_get_string (value)); break;
    case PROP_CATEGORY: byline_article_set_category (self, g_value_get_string (value)); break;
    case PROP_TAGS: byline_article_set_tags (self, g_value_get_boxed (value)); break;
    case PROP_LANGUAGE: byline_article_set_language (self, g_value_get_string (value)); break;
    case PROP_SLUG: byline_article_set_slug (self, g_value_get_string (value)); break;
    case PROP_CREATED: byline_article_set_created (self, g_value_get_boxed (value)); break;
    case PROP_MODIFIED: byline_article_set_modified (self, g_value_get_boxed (value)); break;
    case PROP_PUBLISH_TIME: byline_article_set_publish_time (self, g_value_get_boxed (value)); break;
    case PROP_STATUS: byline_article_set_status (self, g_value_get_enum (value)); break;
    case PROP_EDITOR_NOTE: byline_article_set_editor_note (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_article_constructed (GObject *object)
{
  BylineArticle *self = BYLINE_ARTICLE (object);

  G_OBJECT_CLASS (byline_article_parent_class)->constructed (object);

  if (self->id == NULL || !g_uuid_string_is_valid (self->id))
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
byline_article_class_init (BylineArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = byline_article_dispose;
  object_class->finalize = byline_article_finalize;
  object_class->get_property = byline_article_get_property;
  object_class->set_property = byline_article_set_property;
  object_class->constructed = byline_article_constructed;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADLINE] = g_param_spec_string ("headline", NULL, NULL, "", rw);
  properties[PROP_LEAD] = g_param_spec_string ("lead", NULL, NULL, "", rw);
  properties[PROP_BODY] = g_param_spec_object ("body", NULL, NULL, BYLINE_TYPE_BODY, ro);
  properties[PROP_AUTHORS] = g_param_spec_boxed ("authors", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_DATELINE] = g_param_spec_string ("dateline", NULL, NULL, "", rw);
  properties[PROP_SOURCE_PREFIX] = g_param_spec_string ("source-prefix", NULL, NULL, "", rw);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, "", rw);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, "vi", rw);
  properties[PROP_SLUG] = g_param_spec_string ("slug", NULL, NULL, NULL, rw);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_MODIFIED] = g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_PUBLISH_TIME] =
    g_param_spec_boxed ("publish-time", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, BYLINE_TYPE_STATUS, BYLINE_STATUS_DRAFT, rw);
  properties[PROP_EDITOR_NOTE] = g_param_spec_string ("editor-note", NULL, NULL, "", rw);
  properties[PROP_IMAGES] = g_param_spec_object ("images", NULL, NULL, G_TYPE_LIST_MODEL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
byline_article_init (BylineArticle *self)
{
  self->headline = g_strdup ("");
  self->lead = g_strdup ("");
  self->authors = g_new0 (char *, 1);
  self->dateline = g_strdup ("");
  self->source_prefix = g_strdup ("");
  self->category = g_strdup ("");
  self->tags = g_new0 (char *, 1);
  self->language = g_strdup ("vi");
  self->editor_note = g_strdup ("");
  self->created = g_date_time_new_now_local ();
  self->modified = g_date_time_ref (self->created);
  self->status = BYLINE_STATUS_DRAFT;
  self->remotes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, remote_state_free);

  self->body = byline_body_new ();
  g_signal_connect_swapped (self->body, "blocks-changed", G_CALLBACK (on_body_changed), self);
  g_signal_connect_swapped (self->body, "block-changed", G_CALLBACK (on_body_changed), self);

  self->images = g_list_store_new (BYLINE_TYPE_IMAGE);
  g_signal_connect_swapped (self->images, "items-changed", G_CALLBACK (on_images_changed), self);
}

BylineArticle *
byline_article_new (void)
{
  return g_object_new (BYLINE_TYPE_ARTICLE, NULL);
}

BylineArticle *
byline_article_new_with_id (const char *id)
{
  g_return_val_if_fail (id == NULL || g_uuid_string_is_valid (id), NULL);
  return g_object_new (BYLINE_TYPE_ARTICLE, "id", id, NULL);
}

BylineArticle *
byline_article_copy (BylineArticle *self)
{
  BylineArticle *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  copy = byline_article_new_with_id (self->id);
  g_set_str (&copy->headline, self->headline);
  g_set_str (&copy->lead, self->lead);
  byline_body_copy_from (copy->body, self->body);
  byline_article_set_authors (copy, (const char * const *) self->authors);
  g_set_str (&copy->dateline, self->dateline);
  g_set_str (&copy->source_prefix, self->source_prefix);
  g_set_str (&copy->category, self->category);
  byline_article_set_tags (copy, (const char * const *) self->tags);
  g_set_str (&copy->language, self->language);
  g_set_str (&copy->slug, self->slug);
  byline_article_set_created (copy, self->created);
  byline_article_set_modified (copy, self->modified);
  byline_article_set_publish_time (copy, self->publish_time);
  copy->status = self->status;
  g_set_str (&copy->editor_note, self->editor_note);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->images)); i++)
    {
      g_autoptr(BylineImage) image = g_list_model_get_item (G_LIST_MODEL (self->images), i);
      g_autoptr(BylineImage) image_copy = byline_image_copy (image);

      g_list_store_append (copy->images, image_copy);
    }
  g_hash_table_iter_init (&iter, self->remotes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RemoteState *state = value;
      byline_article_set_remote (copy, key, state->remote_id, state->remote_version);
    }
  _byline_article_set_extra (copy, self->extra);
  copy->revision = self->revision;
  return copy;
}

/* Strings are stored as one line, NFC; multi-line fields keep their newlines. */
static void
set_string (BylineArticle *self,
            char         **field,
            const char    *value,
            gboolean       multiline,
            guint          prop_id)
{
  g_autofree char *clean = multiline ? byline_text_normalize (value, -1)
                                     : byline_text_normalize_line (value, -1);

  if (g_set_str (field, clean))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
      emit_changed (self);
    }
}

/* One line each, NFC, no empty entries and no duplicates, order kept. */
static GStrv
clean_strv (const char * const *values)
{
  g_autoptr(GPtrArray) clean = g_ptr_array_new_null_terminated (0, NULL, TRUE);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      char *value = byline_text_normalize_line (values[i], -1);

      if (*value != '\0'
          && (clean->len == 0 || !g_strv_contains ((const char * const *) clean->pdata, value)))
        {
          g_ptr_array_add (clean, value);
          continue;
        }
      g_free (value);
    }
  return (GStrv) g_ptr_array_free (g_steal_pointer (&clean), FALSE);
}

static void
set_strv (BylineArticle       *self,
          GStrv               *field,
          const char * const  *values,
          guint                prop_id)
{
  g_auto(GStrv) clean = clean_strv (values);

  if (g_strv_equal ((const char * const *) *field, (const char * const *) clean))
    return;
  g_strfreev (*field);
  *field = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
}

static void
set_date_time (BylineArticle  *self,
               GDateTime     **field,
               GDateTime      *value,
               guint           prop_id)
{
  if (*field == value || (*field && value && g_date_time_equal (*field, value)
                          && g_date_time_get_utc_offset (*field) == g_date_time_get_utc_offset (value)))
    return;
  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
}

#define DEFINE_STRING(field, PROP, multiline)                                 \
const char *                                                                  \
byline_article_get_##field (BylineArticle *self)                              \
{                                                                             \
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);                      \
  return self->field;                                                         \
}                                                                             \
                                                                              \
void                                                                          \
byline_article_set_##field (BylineArticle *self,                              \
                            const char    *value)                             \
{                                                                             \
  g_return_if_fail (BYLINE_IS_ARTICLE (self));                                \
  set_string (self, &self->field, value, multiline, PROP);                    \
}

DEFINE_STRING (headline, PROP_HEADLINE, FALSE)
DEFINE_STRING (lead, PROP_LEAD, TRUE)
DEFINE_STRING (dateline, PROP_DATELINE, FALSE)
DEFINE_STRING (source_prefix, PROP_SOURCE_PREFIX, FALSE)
DEFINE_STRING (category, PROP_CATEGORY, FALSE)
DEFINE_STRING (editor_note, PROP_EDITOR_NOTE, TRUE)

#undef DEFINE_STRING

const char *
byline_article_get_id (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);
  return self->id;
}

BylineBody *
byline_article_get_body (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);
  return self->body;
}

const char * const *
byline_article_get_authors (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);
  return (const char * const *) self->authors;
}

void
byline_article_set_authors (BylineArticle      *self,
                            const char * const *authors)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  set_strv (self, &self->authors, authors, PROP_AUTHORS);
}

char *
byline_article_dup_byline (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);
  return g_strjoinv (", ", self->authors);
}

const char * const *
byline_article_get_tags (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);
  return (const char * const *) self->tags;
}

void
byline_article_set_tags (BylineArticle      *self,
                         const char * const *tags)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  set_strv (self, &self->tags, tags, PROP_TAGS);
}

const char *
byline_article_get_language (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);
  return self->language;
}

void
byline_article_set_language (BylineArticle *self,
                             const char    *language)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  set_string (self, &self->language,
              (language == NULL || *language == '\0') ? "vi" : language,
              FALSE, PROP_LANGUAGE);
}

const char *
byline_article_get_slug (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);
  return self->slug;
}

void
byline_article_set_slug (BylineArticle *self,
                         const char    *slug)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (BYLINE_IS_ARTICLE (self));

  if (slug != NULL && *slug != '\0')
    clean = byline_text_slugify (slug);
  if (clean != NULL && *clean == '\0')
    g_clear_pointer (&clean, g_free);
  if (g_set_str (&self->slug, clean))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLUG]);
      emit_changed (self);
    }
}

char *
byline_article_dup_slug (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  if (self->slug != NULL)
    return g_strdup (self->slug);
  return byline_text_slugify (self->headline);
}

#define DEFINE_DATE_TIME(field, PROP)                                         \
GDateTime *                                                                   \
byline_article_get_##field (BylineArticle *self)                              \
{                                                                             \
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);                      \
  return self->field;                                                         \
}                                                                             \
                                                                              \
void                                                                          \
byline_article_set_##field (BylineArticle *self,                              \
                            GDateTime     *value)                             \
{                                                                             \
  g_return_if_fail (BYLINE_IS_ARTICLE (self));                                \
  set_date_time (self, &self->field, value, PROP);                            \
}

DEFINE_DATE_TIME (created, PROP_CREATED)
DEFINE_DATE_TIME (modified, PROP_MODIFIED)
DEFINE_DATE_TIME (publish_time, PROP_PUBLISH_TIME)

#undef DEFINE_DATE_TIME

BylineStatus
byline_article_get_status (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), BYLINE_STATUS_DRAFT);
  return self->status;
}

void
byline_article_set_status (BylineArticle *self,
                           BylineStatus   status)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail ((guint) status < G_N_ELEMENTS (status_names));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  emit_changed (self);
}

GListModel *
byline_article_get_images (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);
  return G_LIST_MODEL (self->images);
}

guint
byline_article_get_n_images (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->images));
}

BylineImage *
byline_article_get_image (BylineArticle *self,
                          guint          position)
{
  g_autoptr(BylineImage) image = NULL;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  /* The store keeps its reference: hand out a borrowed one. */
  image = g_list_model_get_item (G_LIST_MODEL (self->images), position);
  return image;
}

BylineImage *
byline_article_find_image (BylineArticle *self,
                           const char    *image_id)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  if (image_id == NULL)
    return NULL;

  /* Exporting or loading a story looks up every figure's picture: by id,
   * not by walking the list each time.  Ids never change. */
  if (self->image_index == NULL)
    {
      guint n = byline_article_get_n_images (self);

      self->image_index = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < n; i++)
        {
          BylineImage *image = byline_article_get_image (self, i);

          g_hash_table_insert (self->image_index, (gpointer) byline_image_get_id (image), image);
        }
    }
  return g_hash_table_lookup (self->image_index, image_id);
}

void
byline_article_add_image (BylineArticle *self,
                          BylineImage   *image)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  byline_article_insert_image (self, byline_article_get_n_images (self), image);
}

void
byline_article_insert_image (BylineArticle *self,
                             guint          position,
                             BylineImage   *image)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail (BYLINE_IS_IMAGE (image));
  g_return_if_fail (byline_article_find_image (self, byline_image_get_id (image)) == NULL);

  position = MIN (position, byline_article_get_n_images (self));
  g_list_store_insert (self->images, position, image);
  /* A page's picture left out, saved by the reporter and added by hand. */
  _byline_article_settle_missing_picture (self, byline_image_get_filename (image));
}

void
byline_article_remove_image (BylineArticle *self,
                             BylineImage   *image)
{
  guint position;

  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail (BYLINE_IS_IMAGE (image));

  if (!g_list_store_find (self->images, image, &position))
    return;

  g_object_ref (image);
  g_signal_handlers_disconnect_by_func (image, on_image_notify, self);
  byline_body_remove_image (self->body, byline_image_get_id (image));
  /* The body's change may have sorted the pictures again. */
  if (g_list_store_find (self->images, image, &position))
    g_list_store_remove (self->images, position);
  g_object_unref (image);
}

/* Puts the same pictures in @order: one items-changed, over the part that
 * differs.  @order holds its own references: the store drops its own first. */
void
_byline_article_set_image_order (BylineArticle *self,
                                 GPtrArray     *order)
{
  guint n = byline_article_get_n_images (self);
  guint first = 0, last = n;

  g_return_if_fail (order->len == n);

  while (first < n && byline_article_get_image (self, first) == g_ptr_array_index (order, first))
    first++;
  while (last > first && byline_article_get_image (self, last - 1) == g_ptr_array_index (order, last - 1))
    last--;
  if (first < last)
    g_list_store_splice (self->images, first, last - first, order->pdata + first, last - first);
}

/* While a move trades figures in the body, the body's order is half made. */
void
_byline_article_freeze_image_order (BylineArticle *self,
                                    gboolean       frozen)
{
  self->images_frozen = frozen;
}

gboolean
_byline_article_get_image_order_frozen (BylineArticle *self)
{
  return self->images_frozen;
}

BylineImage *
byline_article_get_featured_image (BylineArticle *self)
{
  guint n;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  n = byline_article_get_n_images (self);
  for (guint i = 0; i < n; i++)
    {
      BylineImage *image = byline_article_get_image (self, i);

      if (byline_image_get_featured (image))
        return image;
    }
  return NULL;
}

const char *
byline_article_get_remote_id (BylineArticle *self,
                              const char    *destination)
{
  RemoteState *state;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  state = g_hash_table_lookup (self->remotes, destination);
  return state ? state->remote_id : NULL;
}

const char *
byline_article_get_remote_version (BylineArticle *self,
                                   const char    *destination)
{
  RemoteState *state;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  state = g_hash_table_lookup (self->remotes, destination);
  return state ? state->remote_version : NULL;
}

void
byline_article_set_remote (BylineArticle *self,
                           const char    *destination,
                           const char    *remote_id,
                           const char    *remote_version)
{
  RemoteState *state;

  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail (destination != NULL && *destination);

  if (remote_id == NULL)
    {
      if (g_hash_table_remove (self->remotes, destination))
        emit_changed (self);
      return;
    }

  state = g_hash_table_lookup (self->remotes, destination);
  if (state != NULL
      && g_strcmp0 (state->remote_id, remote_id) == 0
      && g_strcmp0 (state->remote_version, remote_version) == 0)
    return;

  state = g_new0 (RemoteState, 1);
  state->remote_id = g_strdup (remote_id);
  state->remote_version = g_strdup (remote_version);
  g_hash_table_replace (self->remotes, g_strdup (destination), state);
  emit_changed (self);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GStrv
byline_article_list_remotes (BylineArticle *self)
{
  g_autofree const char **keys = NULL;
  GStrv result;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->remotes, NULL);
  result = g_strdupv ((char **) keys);
  g_sort_array (result, g_strv_length (result), sizeof (char *), compare_strings, NULL);
  return result;
}

guint64
byline_article_get_revision (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), 0);
  return self->revision;
}

void
byline_article_set_revision (BylineArticle *self,
                             guint64        revision)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  self->revision = revision;
}

guint
byline_article_count_words (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), 0);

  return byline_text_count_words (self->headline)
       + byline_text_count_words (self->lead)
       + byline_body_count_words (self->body);
}

JsonObject *
_byline_article_get_extra (BylineArticle *self)
{
  return self->extra;
}

void
_byline_article_set_extra (BylineArticle *self,
                           JsonObject    *extra)
{
  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

void
_byline_article_emit_changed (BylineArticle *self)
{
  emit_changed (self);
}

const char *
byline_status_to_string (BylineStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
byline_status_from_string (const char   *str,
                           BylineStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (str, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}
