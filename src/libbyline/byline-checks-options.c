/* byline-checks-options.c — what the checks are told: limits, house rules, word lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-checks-private.h"

#define DEFAULT_HEADLINE_MAX   120
#define DEFAULT_LEAD_MAX       400
#define DEFAULT_DAYS_PAST      7
#define DEFAULT_DAYS_FUTURE    60
#define DEFAULT_SIMILARITY     0.15
#define DEFAULT_SUGGESTIONS    20

G_DEFINE_FINAL_TYPE (BylineCheckOptions, byline_check_options, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HEADLINE_MAX_CHARS,
  PROP_LEAD_MAX_CHARS,
  PROP_SOURCE_PREFIX,
  PROP_TONE_STYLE,
  PROP_MAX_DAYS_PAST,
  PROP_MAX_DAYS_FUTURE,
  PROP_CAPTION_SIMILARITY,
  PROP_MAX_SUGGESTIONS,
  PROP_NOW,
  PROP_SPELL_CHECKER,
  PROP_ARCHIVE,
  PROP_HOUSE_LIST,
  PROP_DISABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
byline_check_options_finalize (GObject *object)
{
  BylineCheckOptions *self = BYLINE_CHECK_OPTIONS (object);

  g_clear_pointer (&self->source_prefix, g_free);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_object (&self->spell_checker);
  g_clear_object (&self->archive);
  g_clear_object (&self->house_list);
  g_clear_pointer (&self->disabled, g_strfreev);

  G_OBJECT_CLASS (byline_check_options_parent_class)->finalize (object);
}

static void
byline_check_options_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BylineCheckOptions *self = BYLINE_CHECK_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_HEADLINE_MAX_CHARS: g_value_set_uint (value, self->headline_max_chars); break;
    case PROP_LEAD_MAX_CHARS: g_value_set_uint (value, self->lead_max_chars); break;
    case PROP_SOURCE_PREFIX: g_value_set_string (value, self->source_prefix); break;
    case PROP_TONE_STYLE: g_value_set_enum (value, self->tone_style); break;
    case PROP_MAX_DAYS_PAST: g_value_set_uint (value, self->max_days_past); break;
    case PROP_MAX_DAYS_FUTURE: g_value_set_uint (value, self->max_days_future); break;
    case PROP_CAPTION_SIMILARITY: g_value_set_double (value, self->caption_similarity); break;
    case PROP_MAX_SUGGESTIONS: g_value_set_uint (value, self->max_suggestions); break;
    case PROP_NOW: g_value_set_boxed (value, self->now); break;
    case PROP_SPELL_CHECKER: g_value_set_object (value, self->spell_checker); break;
    case PROP_ARCHIVE: g_value_set_object (value, self->archive); break;
    case PROP_HOUSE_LIST: g_value_set_object (value, self->house_list); break;
    case PROP_DISABLED: g_value_set_boxed (value, self->disabled); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_check_options_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BylineCheckOptions *self = BYLINE_CHECK_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_HEADLINE_MAX_CHARS: self->headline_max_chars = g_value_get_uint (value); break;
    case PROP_LEAD_MAX_CHARS: self->lead_max_chars = g_value_get_uint (value); break;
    case PROP_SOURCE_PREFIX: g_set_str (&self->source_prefix, g_value_get_string (value)); break;
    case PROP_TONE_STYLE: self->tone_style = g_value_get_enum (value); break;
    case PROP_MAX_DAYS_PAST: self->max_days_past = g_value_get_uint (value); break;
    case PROP_MAX_DAYS_FUTURE: self->max_days_future = g_value_get_uint (value); break;
    case PROP_CAPTION_SIMILARITY: self->caption_similarity = g_value_get_double (value); break;
    case PROP_MAX_SUGGESTIONS: self->max_suggestions = g_value_get_uint (value); break;
    case PROP_NOW:
      g_clear_pointer (&self->now, g_date_time_unref);
      self->now = g_value_dup_boxed (value);
      break;
    case PROP_SPELL_CHECKER: g_set_object (&self->spell_checker, g_value_get_object (value)); break;
    case PROP_ARCHIVE: g_set_object (&self->archive, g_value_get_object (value)); break;
    case PROP_HOUSE_LIST: g_set_object (&self->house_list, g_value_get_object (value)); break;
    case PROP_DISABLED:
      g_clear_pointer (&self->disabled, g_strfreev);
      self->disabled = g_value_dup_boxed (value);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec); return;
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
byline_check_options_class_init (BylineCheckOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = byline_check_options_finalize;
  object_class->get_property = byline_check_options_get_property;
  object_class->set_property = byline_check_options_set_property;

  properties[PROP_HEADLINE_MAX_CHARS] =
    g_param_spec_uint ("headline-max-chars", NULL, NULL, 0, G_MAXUINT, DEFAULT_HEADLINE_MAX, rw);
  properties[PROP_LEAD_MAX_CHARS] =
    g_param_spec_uint ("lead-max-chars", NULL, NULL, 0, G_MAXUINT, DEFAULT_LEAD_MAX, rw);
  properties[PROP_SOURCE_PREFIX] = g_param_spec_string ("source-prefix", NULL, NULL, NULL, rw);
  properties[PROP_TONE_STYLE] =
    g_param_spec_enum ("tone-style", NULL, NULL, BYLINE_TYPE_TONE_STYLE, BYLINE_TONE_STYLE_ANY, rw);
  properties[PROP_MAX_DAYS_PAST] =
    g_param_spec_uint ("max-days-past", NULL, NULL, 0, G_MAXUINT, DEFAULT_DAYS_PAST, rw);
  properties[PROP_MAX_DAYS_FUTURE] =
    g_param_spec_uint ("max-days-future", NULL, NULL, 0, G_MAXUINT, DEFAULT_DAYS_FUTURE, rw);
  properties[PROP_CAPTION_SIMILARITY] =
    g_param_spec_double ("caption-similarity", NULL, NULL, 0.0, 1.0, DEFAULT_SIMILARITY, rw);
  properties[PROP_MAX_SUGGESTIONS] =
    g_param_spec_uint ("max-suggestions", NULL, NULL, 0, G_MAXUINT, DEFAULT_SUGGESTIONS, rw);
  properties[PROP_NOW] = g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_SPELL_CHECKER] =
    g_param_spec_object ("spell-checker", NULL, NULL, BYLINE_TYPE_SPELL_CHECKER, rw);
  properties[PROP_ARCHIVE] =
    g_param_spec_object ("archive", NULL, NULL, BYLINE_TYPE_CONSISTENCY_INDEX, rw);
  properties[PROP_HOUSE_LIST] =
    g_param_spec_object ("house-list", NULL, NULL, BYLINE_TYPE_HOUSE_LIST, rw);
  properties[PROP_DISABLED] = g_param_spec_boxed ("disabled", NULL, NULL, G_TYPE_STRV, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_check_options_init (BylineCheckOptions *self)
{
  self->headline_max_chars = DEFAULT_HEADLINE_MAX;
  self->lead_max_chars = DEFAULT_LEAD_MAX;
  self->max_days_past = DEFAULT_DAYS_PAST;
  self->max_days_future = DEFAULT_DAYS_FUTURE;
  self->caption_similarity = DEFAULT_SIMILARITY;
  self->max_suggestions = DEFAULT_SUGGESTIONS;
}

BylineCheckOptions *
byline_check_options_new (void)
{
  return g_object_new (BYLINE_TYPE_CHECK_OPTIONS, NULL);
}

#define SETTER(name, type, prop, ...) \
  void \
  byline_check_options_set_##name (BylineCheckOptions *self, type value) \
  { \
    g_return_if_fail (BYLINE_IS_CHECK_OPTIONS (self)); \
    g_object_set (self, prop, value, NULL); \
  }

SETTER (headline_max_chars, guint, "headline-max-chars")
SETTER (lead_max_chars, guint, "lead-max-chars")
SETTER (source_prefix, const char *, "source-prefix")
SETTER (tone_style, BylineToneStyle, "tone-style")
SETTER (now, GDateTime *, "now")
SETTER (spell_checker, BylineSpellChecker *, "spell-checker")
SETTER (archive, BylineConsistencyIndex *, "archive")
SETTER (house_list, BylineHouseList *, "house-list")
SETTER (disabled, const char * const *, "disabled")

#undef SETTER

void
byline_check_options_set_max_days (BylineCheckOptions *self,
                                   guint               past,
                                   guint               future)
{
  g_return_if_fail (BYLINE_IS_CHECK_OPTIONS (self));

  g_object_set (self, "max-days-past", past, "max-days-future", future, NULL);
}

gboolean
byline_check_options_is_enabled (BylineCheckOptions *self,
                                 const char         *code)
{
  g_return_val_if_fail (BYLINE_IS_CHECK_OPTIONS (self), TRUE);
  g_return_val_if_fail (code != NULL, TRUE);

  return self->disabled == NULL || !g_strv_contains ((const char * const *) self->disabled, code);
}
