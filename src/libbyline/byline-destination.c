/* byline-destination.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-destination-private.h"

#include "byline-article.h"
#include "byline-error.h"

typedef struct
{
  char        *name;
  BylineRoles  roles;
  gint64       not_before;
} BylineDestinationPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BylineDestination, byline_destination, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
byline_identity_free (BylineIdentity *identity)
{
  if (identity == NULL)
    return;
  g_free (identity->user);
  g_free (identity->display_name);
  g_free (identity->role_name);
  g_free (identity);
}

char *
byline_roles_to_string (BylineRoles roles)
{
  if ((roles & BYLINE_ROLE_REPORTER) && (roles & BYLINE_ROLE_EDITOR))
    return g_strdup ("reporter, editor");
  if (roles & BYLINE_ROLE_EDITOR)
    return g_strdup ("editor");
  if (roles & BYLINE_ROLE_REPORTER)
    return g_strdup ("reporter");
  return g_strdup ("no role");
}

void
byline_send_receipt_free (BylineSendReceipt *receipt)
{
  if (receipt == NULL)
    return;
  g_free (receipt->remote_id);
  g_free (receipt->remote_version);
  g_free (receipt->url);
  g_free (receipt);
}

BylineSendOptions *
_byline_send_options_copy (const BylineSendOptions *options)
{
  BylineSendOptions *copy = g_new0 (BylineSendOptions, 1);

  *copy = *options;
  copy->note = g_strdup (options->note);
  copy->publish_at = options->publish_at ? g_date_time_ref (options->publish_at) : NULL;
  copy->written_versions = (const char * const *) g_strdupv ((char **) options->written_versions);
  return copy;
}

void
_byline_send_options_free (BylineSendOptions *options)
{
  if (options == NULL)
    return;
  g_free ((char *) options->note);
  g_clear_pointer (&options->publish_at, g_date_time_unref);
  g_strfreev ((char **) options->written_versions);
  g_free (options);
}

gboolean
_byline_send_options_wrote (const BylineSendOptions *options,
                            const char              *version)
{
  if (version == NULL || options->written_versions == NULL)
    return FALSE;
  return g_strv_contains (options->written_versions, version);
}

char *
_byline_version_for_bytes (GBytes *bytes)
{
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return g_strdup_printf ("\"%s\"", sha256);
}

static void
byline_destination_finalize (GObject *object)
{
  BylineDestination *self = BYLINE_DESTINATION (object);
  BylineDestinationPrivate *priv = byline_destination_get_instance_private (self);

  g_clear_pointer (&priv->name, g_free);

  G_OBJECT_CLASS (byline_destination_parent_class)->finalize (object);
}

static void
byline_destination_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BylineDestination *self = BYLINE_DESTINATION (object);
  BylineDestinationPrivate *priv = byline_destination_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, priv->name);
      break;
    case PROP_ROLES:
      g_value_set_uint (value, priv->roles);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_destination_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BylineDestination *self = BYLINE_DESTINATION (object);
  BylineDestinationPrivate *priv = byline_destination_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_NAME:
      priv->name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_destination_class_init (BylineDestinationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_destination_finalize;
  object_class->get_property = byline_destination_get_property;
  object_class->set_property = byline_destination_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLES] =
    g_param_spec_uint ("roles", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_destination_init (BylineDestination *self)
{
}

const char *
byline_destination_get_name (BylineDestination *self)
{
  BylineDestinationPrivate *priv = byline_destination_get_instance_private (self);

  g_return_val_if_fail (BYLINE_IS_DESTINATION (self), NULL);

  return priv->name;
}

BylineDestinationCapabilities
byline_destination_get_capabilities (BylineDestination *self)
{
  g_return_val_if_fail (BYLINE_IS_DESTINATION (self), 0);

  return BYLINE_DESTINATION_GET_CLASS (self)->get_capabilities (self);
}

BylineRoles
byline_destination_get_roles (BylineDestination *self)
{
  BylineDestinationPrivate *priv = byline_destination_get_instance_private (self);

  g_return_val_if_fail (BYLINE_IS_DESTINATION (self), BYLINE_ROLE_NONE);

  return priv->roles;
}

void
_byline_destination_set_roles (BylineDestination *self,
                               BylineRoles        roles)
{
  BylineDestinationPrivate *priv = byline_destination_get_instance_private (self);

  if (priv->roles == roles)
    return;
  priv->roles = roles;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLES]);
}

gint64
byline_destination_get_not_before (BylineDestination *self)
{
  BylineDestinationPrivate *priv = byline_destination_get_instance_private (self);

  g_return_val_if_fail (BYLINE_IS_DESTINATION (self), 0);

  if (priv->not_before != 0 && priv->not_before <= g_get_monotonic_time ())
    priv->not_before = 0;
  return priv->not_before;
}

void
_byline_destination_defer (BylineDestination *self,
                           guint              seconds)
{
  BylineDestinationPrivate *priv = byline_destination_get_instance_private (self);
  gint64 until = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  priv->not_before = MAX (priv->not_before, until);
}

void
byline_destination_check_async (BylineDestination   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_DESTINATION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  BYLINE_DESTINATION_GET_CLASS (self)->check_async (self, cancellable, callback, user_data);
}

BylineIdentity *
byline_destination_check_finish (BylineDestination  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  BylineIdentity *identity;

  g_return_val_if_fail (BYLINE_IS_DESTINATION (self), NULL);

  identity = BYLINE_DESTINATION_GET_CLASS (self)->check_finish (self, result, error);
  if (identity != NULL)
    _byline_destination_set_roles (self, identity->roles);
  return identity;
}

static gboolean
status_allowed (BylineDestination       *self,
                const BylineSendOptions *options,
                GError                 **error)
{
  BylineDestinationCapabilities caps = byline_destination_get_capabilities (self);
  BylineDestinationCapabilities needed = 0;

  switch (options->status)
    {
    case BYLINE_STATUS_DRAFT:
      break;
    case BYLINE_STATUS_SUBMITTED:
      needed = BYLINE_DESTINATION_CAN_SUBMIT;
      break;
    case BYLINE_STATUS_PUBLISHED:
      needed = BYLINE_DESTINATION_CAN_PUBLISH;
      break;
    case BYLINE_STATUS_SCHEDULED:
      needed = BYLINE_DESTINATION_CAN_SCHEDULE;
      if (options->publish_at == NULL)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("Scheduling needs a publication time"));
          return FALSE;
        }
      break;
    case BYLINE_STATUS_RETURNED:
      needed = BYLINE_DESTINATION_CAN_RETURN;
      break;
    default:
      needed = G_MAXUINT;
    }

  if ((caps & needed) != needed)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("The destination “%s” cannot take a story as “%s”"),
                   byline_destination_get_name (self),
                   byline_status_to_string (options->status));
      return FALSE;
    }
  return TRUE;
}

void
byline_destination_send_async (BylineDestination       *self,
                               BylineArticle           *article,
                               const BylineSendOptions *options,
                               GCancellable            *cancellable,
                               GAsyncReadyCallback      callback,
                               gpointer                 user_data)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BYLINE_IS_DESTINATION (self));
  g_return_if_fail (BYLINE_IS_ARTICLE (article));
  g_return_if_fail (options != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if (!status_allowed (self, options, &error))
    {
      g_task_report_error (self, callback, user_data, byline_destination_send_async,
                           g_steal_pointer (&error));
      return;
    }

  BYLINE_DESTINATION_GET_CLASS (self)->send_async (self, article, options, cancellable,
                                                   callback, user_data);
}

gboolean
byline_destination_send_finish (BylineDestination  *self,
                                GAsyncResult       *result,
                                BylineSendReceipt **receipt,
                                GError            **error)
{
  g_return_val_if_fail (BYLINE_IS_DESTINATION (self), FALSE);

  if (receipt != NULL)
    *receipt = NULL;
  if (g_async_result_is_tagged (result, byline_destination_send_async))
    return g_task_propagate_boolean (G_TASK (result), error);

  return BYLINE_DESTINATION_GET_CLASS (self)->send_finish (self, result, receipt, error);
}

void
byline_destination_set_status_async (BylineDestination   *self,
                                     const char          *remote_id,
                                     BylineStatus         status,
                                     const char          *note,
                                     GDateTime           *publish_at,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  BylineSendOptions options = { .status = status, .note = note, .publish_at = publish_at };
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BYLINE_IS_DESTINATION (self));
  g_return_if_fail (remote_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if (!status_allowed (self, &options, &error))
    {
      g_task_report_error (self, callback, user_data, byline_destination_set_status_async,
                           g_steal_pointer (&error));
      return;
    }

  BYLINE_DESTINATION_GET_CLASS (self)->set_status_async (self, remote_id, status, note,
                                                         publish_at, cancellable,
                                                         callback, user_data);
}

gboolean
byline_destination_set_status_finish (BylineDestination  *self,
                                      GAsyncResult       *result,
                                      GError            **error)
{
  g_return_val_if_fail (BYLINE_IS_DESTINATION (self), FALSE);

  if (g_async_result_is_tagged (result, byline_destination_set_status_async))
    return g_task_propagate_boolean (G_TASK (result), error);

  return BYLINE_DESTINATION_GET_CLASS (self)->set_status_finish (self, result, error);
}

gboolean
byline_destination_error_is_transient (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  return g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK)
      || g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_SERVER)
      || g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_NOT_NEWSROOM);
}
