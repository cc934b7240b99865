/* byline-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-image-private.h"
#include "byline-text.h"

struct _BylineImage
{
  GObject     parent_instance;

  char       *id;
  char       *sha256;
  char       *media_type;
  char       *filename;
  char       *caption;
  char       *credit;
  char       *alt_text;
  GFile      *file;
  JsonObject *extra;
  guint       width;
  guint       height;
  guint       featured : 1;
};

G_DEFINE_FINAL_TYPE (BylineImage, byline_image, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SHA256,
  PROP_MEDIA_TYPE,
  PROP_FILENAME,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_CAPTION,
  PROP_CREDIT,
  PROP_ALT_TEXT,
  PROP_FEATURED,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *media_type;
  const char *extension;
} known_types[] = {
  { "image/jpeg", "jpg" },
  { "image/png", "png" },
  { "image/gif", "gif" },
  { "image/webp", "webp" },
};

const char *
byline_media_type_to_extension (const char *media_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_types); i++)
    if (g_strcmp0 (media_type, known_types[i].media_type) == 0)
      return known_types[i].extension;
  return "bin";
}

static void
byline_image_finalize (GObject *object)
{
  BylineImage *self = (BylineImage *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->media_type, g_free);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->credit, g_free);
  g_clear_pointer (&self->alt_text, g_free);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (byline_image_parent_class)->finalize (object);
}

static void
byline_image_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BylineImage *self = BYLINE_IMAGE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_SHA256: g_value_set_string (value, self->sha256); break;
    case PROP_MEDIA_TYPE: g_value_set_string (value, self->media_type); break;
    case PROP_FILENAME: g_value_set_string (value, self->filename); break;
    case PROP_WIDTH: g_value_set_uint (value, self->width); break;
    case PROP_HEIGHT: g_value_set_uint (value, self->height); break;
    case PROP_CAPTION: g_value_set_string (value, self->caption); break;
    case PROP_CREDIT: g_value_set_string (value, self->credit); break;
    case PROP_ALT_TEXT: g_value_set_string (value, self->alt_text); break;
    case PROP_FEATURED: g_value_set_boolean (value, self->featured); break;
    case PROP_FILE: g_value_set_object (value, self->file); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_image_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BylineImage *self = BYLINE_IMAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_SHA256:
      self->sha256 = g_ascii_strdown (g_value_get_string (value) ?: "", -1);
      break;
    case PROP_MEDIA_TYPE:
      self->media_type = g_value_dup_string (value);
      break;
    case PROP_FILENAME: byline_image_set_filename (self, g_value_get_string (value)); break;
    case PROP_WIDTH: byline_image_set_size (self, g_value_get_uint (value), self->height); break;
    case PROP_HEIGHT: byline_image_set_size (self, self->width, g_value_get_uint (value)); break;
    case PROP_CAPTION: byline_image_set_caption (self, g_value_get_string (value)); break;
    case PROP_CREDIT: byline_image_set_credit (self, g_value_get_string (value)); break;
    case PROP_ALT_TEXT: byline_image_set_alt_text (self, g_value_get_string (value)); break;
    case PROP_FEATURED: byline_image_set_featured (self, g_value_get_boolean (value)); break;
    case PROP_FILE: byline_image_set_file (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_image_constructed (GObject *object)
{
  BylineImage *self = BYLINE_IMAGE (object);

  G_OBJECT_CLASS (byline_image_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
  if (self->media_type == NULL)
    self->media_type = g_strdup ("application/octet-stream");
}

static void
byline_image_class_init (BylineImageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = byline_image_finalize;
  object_class->get_property = byline_image_get_property;
  object_class->set_property = byline_image_set_property;
  object_class->constructed = byline_image_constructed;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, co);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, co);
  properties[PROP_MEDIA_TYPE] = g_param_spec_string ("media-type", NULL, NULL, NULL, co);
  properties[PROP_FILENAME] = g_param_spec_string ("filename", NULL, NULL, NULL, rw);
  properties[PROP_WIDTH] = g_param_spec_uint ("width", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_HEIGHT] = g_param_spec_uint ("height", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_CAPTION] = g_param_spec_string ("caption", NULL, NULL, NULL, rw);
  properties[PROP_CREDIT] = g_param_spec_string ("credit", NULL, NULL, NULL, rw);
  properties[PROP_ALT_TEXT] = g_param_spec_string ("alt-text", NULL, NULL, NULL, rw);
  properties[PROP_FEATURED] = g_param_spec_boolean ("featured", NULL, NULL, FALSE, rw);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_image_init (BylineImage *self)
{
  self->filename = g_strdup ("");
  self->caption = g_strdup ("");
  self->credit = g_strdup ("");
  self->alt_text = g_strdup ("");
}

BylineImage *
byline_image_new (const char *sha256,
                  const char *media_type)
{
  return _byline_image_new_full (NULL, sha256, media_type);
}

BylineImage *
_byline_image_new_full (const char *id,
                        const char *sha256,
                        const char *media_type)
{
  return g_object_new (BYLINE_TYPE_IMAGE,
                       "id", id,
                       "sha256", sha256,
                       "media-type", media_type,
                       NULL);
}

BylineImage *
byline_image_copy (BylineImage *self)
{
  BylineImage *copy;

  g_return_val_if_fail (BYLINE_IS_IMAGE (self), NULL);

  copy = _byline_image_new_full (self->id, self->sha256, self->media_type);
  g_set_str (&copy->filename, self->filename);
  g_set_str (&copy->caption, self->caption);
  g_set_str (&copy->credit, self->credit);
  g_set_str (&copy->alt_text, self->alt_text);
  copy->width = self->width;
  copy->height = self->height;
  copy->featured = self->featured;
  g_set_object (&copy->file, self->file);
  if (self->extra != NULL)
    copy->extra = json_object_ref (self->extra);
  return copy;
}

#define DEFINE_STRING_PROPERTY(field, PROP)                                   \
const char *                                                                  \
byline_image_get_##field (BylineImage *self)                                  \
{                                                                             \
  g_return_val_if_fail (BYLINE_IS_IMAGE (self), NULL);                        \
  return self->field;                                                         \
}                                                                             \
                                                                              \
void                                                                          \
byline_image_set_##field (BylineImage *self,                                  \
                          const char  *value)                                 \
{                                                                             \
  g_autofree char *normalized = NULL;                                         \
                                                                              \
  g_return_if_fail (BYLINE_IS_IMAGE (self));                                  \
                                                                              \
  normalized = byline_text_normalize_line (value, -1);                        \
  if (g_set_str (&self->field, normalized))                                   \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);             \
}

DEFINE_STRING_PROPERTY (filename, PROP_FILENAME)
DEFINE_STRING_PROPERTY (caption, PROP_CAPTION)
DEFINE_STRING_PROPERTY (credit, PROP_CREDIT)
DEFINE_STRING_PROPERTY (alt_text, PROP_ALT_TEXT)

#undef DEFINE_STRING_PROPERTY

const char *
byline_image_get_id (BylineImage *self)
{
  g_return_val_if_fail (BYLINE_IS_IMAGE (self), NULL);
  return self->id;
}

const char *
byline_image_get_sha256 (BylineImage *self)
{
  g_return_val_if_fail (BYLINE_IS_IMAGE (self), NULL);
  return self->sha256;
}

const char *
byline_image_get_media_type (BylineImage *self)
{
  g_return_val_if_fail (BYLINE_IS_IMAGE (self), NULL);
  return self->media_type;
}

char *
byline_image_dup_media_path (BylineImage *self)
{
  g_return_val_if_fail (BYLINE_IS_IMAGE (self), NULL);
  return g_strdup_printf ("media/%s.%s", self->sha256,
                          byline_media_type_to_extension (self->media_type));
}

guint
byline_image_get_width (BylineImage *self)
{
  g_return_val_if_fail (BYLINE_IS_IMAGE (self), 0);
  return self->width;
}

guint
byline_image_get_height (BylineImage *self)
{
  g_return_val_if_fail (BYLINE_IS_IMAGE (self), 0);
  return self->height;
}

void
byline_image_set_size (BylineImage *self,
                       guint        width,
                       guint        height)
{
  g_return_if_fail (BYLINE_IS_IMAGE (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->width != width)
    {
      self->width = width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
    }
  if (self->height != height)
    {
      self->height = height;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEIGHT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
byline_image_get_featured (BylineImage *self)
{
  g_return_val_if_fail (BYLINE_IS_IMAGE (self), FALSE);
  return self->featured;
}

void
byline_image_set_featured (BylineImage *self,
                           gboolean     featured)
{
  g_return_if_fail (BYLINE_IS_IMAGE (self));

  featured = !!featured;
  if (self->featured != featured)
    {
      self->featured = featured;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEATURED]);
    }
}

GFile *
byline_image_get_file (BylineImage *self)
{
  g_return_val_if_fail (BYLINE_IS_IMAGE (self), NULL);
  return self->file;
}

void
byline_image_set_file (BylineImage *self,
                       GFile       *file)
{
  g_return_if_fail (BYLINE_IS_IMAGE (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

JsonObject *
_byline_image_get_extra (BylineImage *self)
{
  return self->extra;
}

void
_byline_image_set_extra (BylineImage *self,
                         JsonObject  *extra)
{
  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
