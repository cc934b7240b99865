/* byline-wordpress-client.c — requests to the WordPress REST API, and its errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "byline-destination-private.h"
#include "byline-error.h"
#include "byline-http-private.h"
#include "byline-wordpress-private.h"

void
_byline_wordpress_me_free (BylineWordpressMe *me)
{
  if (me == NULL)
    return;
  g_free (me->username);
  g_free (me->name);
  g_free (me->role);
  g_free (me);
}

char *
_byline_wordpress_escape (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 16);

  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      default: g_string_append_c (out, *p);
      }
  return g_string_free (out, FALSE);
}

char *
_byline_wordpress_unescape (const char *html)
{
  static const struct { const char *entity; const char *text; } entities[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
    { "&#039;", "'" }, { "&#39;", "'" }, { "&#8211;", "–" }, { "&#8217;", "’" },
  };
  GString *out = g_string_new (NULL);

  for (const char *p = html; *p;)
    {
      gboolean replaced = FALSE;

      if (*p == '&')
        for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
          if (g_str_has_prefix (p, entities[i].entity))
            {
              g_string_append (out, entities[i].text);
              p += strlen (entities[i].entity);
              replaced = TRUE;
              break;
            }
      if (!replaced)
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

SoupMessage *
_byline_wordpress_message (BylineWordpressDestination *self,
                           const char                 *method,
                           const char                 *path)
{
  g_autofree char *address = g_strconcat (self->url, "/wp-json", path, NULL);
  g_autofree char *pair = g_strconcat (self->user, ":", self->password, NULL);
  g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  g_autofree char *authorization = g_strconcat ("Basic ", encoded, NULL);
  SoupMessage *msg = soup_message_new (method, address);
  SoupMessageHeaders *headers;

  memset (pair, 0, strlen (pair));
  memset (encoded, 0, strlen (encoded));
  g_assert (msg != NULL);  /* the address was checked when the destination was made */
  /* As for the Newsroom API: libsoup resends a write whose kept-alive
   * connection closed before the answer; a write on its own connection fails
   * instead, and the outbox retries it knowing what may have landed. */
  if (g_str_equal (method, SOUP_METHOD_POST))
    soup_message_add_flags (msg, SOUP_MESSAGE_NEW_CONNECTION);
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Authorization", authorization);
  soup_message_headers_replace (headers, "Accept", "application/json");
  memset (authorization, 0, strlen (authorization));
  return msg;
}

static char *
dup_host (SoupMessage *msg)
{
  GUri *uri = soup_message_get_uri (msg);

  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  return g_strdup (g_uri_get_host (uri));
}

/* WordPress answers errors as {"code", "message", "data": {"status"}}. */
static GError *
error_from_response (SoupMessage *msg,
                     JsonNode    *root,
                     GBytes      *body,
                     const char  *forbidden)
{
  guint status = soup_message_get_status (msg);
  g_autofree char *host = dup_host (msg);
  JsonObject *object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *code = object ? json_object_get_string_member_with_default (object, "code", NULL) : NULL;
  const char *message = object ? json_object_get_string_member_with_default (object, "message", NULL) : NULL;
  g_autofree char *text = message ? _byline_wordpress_unescape (message) : NULL;

  if (status == SOUP_STATUS_UNAUTHORIZED)
    /* A stock site answers a wrong application password as if nobody had
     * signed in (rest_not_logged_in, rest_cannot_create); sites with common
     * plugins say incorrect_password or invalid_username.  The fix is the same. */
    return g_error_new (BYLINE_ERROR, BYLINE_ERROR_AUTH,
                        _("Wrong user name or password for %s: WordPress needs an application password "
                        "(Users → Profile → Application Passwords), not the login password."), host);
  if (status == SOUP_STATUS_FORBIDDEN)
    {
      if (forbidden != NULL)
        return g_error_new_literal (BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN, forbidden);
      if (text != NULL)
        return g_error_new (BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN,
                            _("Your WordPress account at %s is not allowed to do this: %s"), host, text);
      return g_error_new (BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN,
                          _("Your WordPress account at %s is not allowed to do this."), host);
    }
  if (g_strcmp0 (code, "rest_upload_hash_mismatch") == 0)
    return g_error_new (BYLINE_ERROR, BYLINE_ERROR_NETWORK,
                        _("A picture arrived damaged at %s; it will be sent again."), host);
  if (g_strcmp0 (code, "rest_post_invalid_id") == 0 || status == SOUP_STATUS_NOT_FOUND)
    {
      if (text != NULL)
        return g_error_new (BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND, "%s: %s", host, text);
      return g_error_new (BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND, _("%s: no such item."), host);
    }
  if (status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE)
    return g_error_new (BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE,
                        _("Too large for %s: its PHP settings (upload_max_filesize, post_max_size) refuse it."),
                        host);
  if (status >= 400 && status < 500 && status != SOUP_STATUS_REQUEST_TIMEOUT && status != 429 && text != NULL)
    return g_error_new (BYLINE_ERROR, BYLINE_ERROR_INVALID, _("%s refused the request: %s"), host, text);
  return _byline_http_error_from_response (msg, body);
}

JsonNode *
_byline_wordpress_send (BylineWordpressDestination  *self,
                        SoupMessage                 *msg,
                        const char                  *forbidden,
                        GCancellable                *cancellable,
                        GError                     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint status, retry_after;
  JsonNode *root = NULL;

  body = soup_session_send_and_read (self->session, msg, cancellable, &local_error);
  if (body == NULL)
    {
      g_propagate_error (error, _byline_http_error_from_transport (local_error, msg));
      return NULL;
    }

  status = soup_message_get_status (msg);
  retry_after = _byline_http_get_retry_after (msg);
  if (retry_after > 0)
    _byline_destination_defer (BYLINE_DESTINATION (self), retry_after);

  if (g_bytes_get_size (body) > 0
      && json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL))
    root = json_node_ref (json_parser_get_root (parser));

  if (status >= 300)
    {
      g_propagate_error (error, error_from_response (msg, root, body, forbidden));
      g_clear_pointer (&root, json_node_unref);
      return NULL;
    }
  if (root == NULL)
    {
      g_autofree char *host = dup_host (msg);

      /* A PHP warning printed before the JSON, a proxy's page, …: not WordPress. */
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_SERVER,
                   _("%s did not answer as the WordPress REST API does (no JSON at %s)."),
                   host, g_uri_get_path (soup_message_get_uri (msg)));
      return NULL;
    }
  return root;
}

JsonNode *
_byline_wordpress_call (BylineWordpressDestination  *self,
                        const char                  *method,
                        const char                  *path,
                        JsonNode                    *body,
                        const char                  *forbidden,
                        GCancellable                *cancellable,
                        GError                     **error)
{
  g_autoptr(SoupMessage) msg = _byline_wordpress_message (self, method, path);

  if (body != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(GBytes) bytes = NULL;
      gsize length;
      char *text;

      json_generator_set_root (generator, body);
      text = json_generator_to_data (generator, &length);
      bytes = g_bytes_new_take (text, length);
      soup_message_set_request_body_from_bytes (msg, "application/json; charset=utf-8", bytes);
    }
  return _byline_wordpress_send (self, msg, forbidden, cancellable, error);
}

/* ----------------------------------------------------------------- me */

BylineWordpressMe *
_byline_wordpress_get_me (BylineWordpressDestination  *self,
                          GCancellable                *cancellable,
                          GError                     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(BylineWordpressMe) me = NULL;
  JsonObject *object, *caps;
  JsonArray *roles;

  root = _byline_wordpress_call (self, SOUP_METHOD_GET, "/wp/v2/users/me?context=edit", NULL, NULL,
                                 cancellable, error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_SERVER, _("%s did not say who you are."), self->url);
      return NULL;
    }
  object = json_node_get_object (root);
  me = g_new0 (BylineWordpressMe, 1);
  me->id = json_object_get_int_member_with_default (object, "id", 0);
  me->username = g_strdup (json_object_get_string_member_with_default (object, "username", self->user));
  me->name = _byline_wordpress_unescape (json_object_get_string_member_with_default (object, "name",
                                                                                     me->username));
  roles = json_object_has_member (object, "roles") ? json_object_get_array_member (object, "roles") : NULL;
  if (roles != NULL && json_array_get_length (roles) > 0)
    me->role = g_strdup (json_array_get_string_element (roles, 0));
  caps = json_object_has_member (object, "capabilities")
         ? json_object_get_object_member (object, "capabilities") : NULL;
  if (caps != NULL)
    {
      me->can_upload = json_object_get_boolean_member_with_default (caps, "upload_files", FALSE);
      me->can_publish = json_object_get_boolean_member_with_default (caps, "publish_posts", FALSE);
      me->can_edit_others = json_object_get_boolean_member_with_default (caps, "edit_others_posts", FALSE);
    }
  return g_steal_pointer (&me);
}

/* ---------------------------------------------------- categories, tags */

static gboolean
same_name (const char *html_name,
           const char *name)
{
  g_autofree char *plain = _byline_wordpress_unescape (html_name);
  g_autofree char *a = g_utf8_normalize (plain, -1, G_NORMALIZE_NFC);
  g_autofree char *b = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  g_autofree char *fa = a ? g_utf8_casefold (a, -1) : NULL;
  g_autofree char *fb = b ? g_utf8_casefold (b, -1) : NULL;

  return fa != NULL && fb != NULL && g_str_equal (fa, fb);
}

gint64
_byline_wordpress_find_category (BylineWordpressDestination  *self,
                                 const char                  *name,
                                 GCancellable                *cancellable,
                                 GError                     **error)
{
  g_autoptr(GString) known = g_string_new (NULL);

  /* All of them, page by page: WordPress drops an id it does not know
   * without a word, so the name must be found before the post is sent. */
  for (guint page = 1; page < 100; page++)
    {
      g_autofree char *path = g_strdup_printf ("/wp/v2/categories?per_page=100&page=%u&_fields=id,name", page);
      g_autoptr(SoupMessage) msg = _byline_wordpress_message (self, SOUP_METHOD_GET, path);
      g_autoptr(JsonNode) root = _byline_wordpress_send (self, msg, NULL, cancellable, error);
      const char *total;
      JsonArray *array;

      if (root == NULL)
        return -1;
      if (!JSON_NODE_HOLDS_ARRAY (root))
        break;
      array = json_node_get_array (root);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *entry = json_array_get_object_element (array, i);
          const char *entry_name = entry ? json_object_get_string_member_with_default (entry, "name", "") : "";

          if (same_name (entry_name, name))
            return json_object_get_int_member_with_default (entry, "id", -1);
          if (known->len < 400)
            {
              g_autofree char *plain = _byline_wordpress_unescape (entry_name);

              g_string_append_printf (known, "%s“%s”", known->len ? ", " : "", plain);
            }
        }
      total = soup_message_headers_get_one (soup_message_get_response_headers (msg), "X-WP-TotalPages");
      if (total == NULL || page >= g_ascii_strtoull (total, NULL, 10))
        break;
    }

  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
               _("WordPress at %s has no category “%s” (it has %s): add it there, or choose one of those."),
               self->url, name, known->len ? known->str : "none");
  return -1;
}

gint64
_byline_wordpress_ensure_tag (BylineWordpressDestination  *self,
                              const char                  *name,
                              const char                  *role,
                              GCancellable                *cancellable,
                              GError                     **error)
{
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/wp/v2/tags?per_page=100&_fields=id,name&search=", escaped, NULL);
  g_autofree char *forbidden = NULL;
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) local_error = NULL;

  found = _byline_wordpress_call (self, SOUP_METHOD_GET, path, NULL, NULL, cancellable, error);
  if (found == NULL)
    return -1;
  if (JSON_NODE_HOLDS_ARRAY (found))
    {
      JsonArray *array = json_node_get_array (found);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *entry = json_array_get_object_element (array, i);

          if (entry && same_name (json_object_get_string_member_with_default (entry, "name", ""), name))
            return json_object_get_int_member_with_default (entry, "id", -1);
        }
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  forbidden = g_strdup_printf (_("Your WordPress role (%s) cannot add the new tag “%s”: "
                                 "ask an editor to add it, or remove it from the story."),
                               role ? role : C_("WordPress role", "none"), name);
  created = _byline_wordpress_call (self, SOUP_METHOD_POST, "/wp/v2/tags", body, forbidden,
                                    cancellable, &local_error);
  if (created != NULL && JSON_NODE_HOLDS_OBJECT (created))
    return json_object_get_int_member_with_default (json_node_get_object (created), "id", -1);
  if (created != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_SERVER, _("%s did not create the tag “%s”."), self->url, name);
      return -1;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return -1;
}
