/* newsroom-server.c — the reference server: storage, users, faults, the request log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Newsroom-Server"

#include <glib/gstdio.h>
#include <string.h>

#include "newsroom-server-private.h"

G_DEFINE_FINAL_TYPE (BylineNewsroomServer, byline_newsroom_server, G_TYPE_OBJECT)

static void
newsroom_user_free (NewsroomUser *user)
{
  g_free (user->token);
  g_free (user->user);
  g_free (user->name);
  g_strfreev (user->roles);
  g_free (user);
}

static void
newsroom_fault_free (NewsroomFault *fault)
{
  g_free (fault->method);
  g_free (fault->prefix);
  g_free (fault);
}

void
_newsroom_item_free (NewsroomItem *item)
{
  g_free (item->id);
  g_free (item->status);
  g_free (item->note);
  g_free (item->publish_at);
  g_free (item->updated);
  g_free (item->updated_by);
  g_free (item->etag);
  g_free (item->headline);
  g_free (item->submitted);
  g_free (item->submitted_by);
  g_free (item);
}

char *
_newsroom_data_path (BylineNewsroomServer *self,
                     const char           *first,
                     ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_ptr_array_add (parts, self->path);
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

char *
_newsroom_now_iso8601 (gint64 *usec)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (usec != NULL)
    *usec = g_date_time_to_unix_usec (now);
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/* ----------------------------------------------------------------- JSON */

void
_newsroom_set_json (SoupServerMessage *msg,
                    guint              status,
                    JsonNode          *node)
{
  g_autofree char *text = json_to_string (node, TRUE);
  gsize length = strlen (text);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&text), length);
}

void
_newsroom_set_problem (SoupServerMessage *msg,
                       guint              status,
                       const char        *type,
                       const char        *detail,
                       JsonObject        *extra)
{
  g_autoptr(JsonObject) problem = extra ? json_object_ref (extra) : json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *type_uri = g_strconcat ("urn:byline:newsroom:", type, NULL);
  g_autofree char *text = NULL;
  gsize length;

  const char *title = status == 428 ? "Precondition Required"
                    : status == 429 ? "Too Many Requests"
                    : soup_status_get_phrase (status);

  json_object_set_string_member (problem, "type", type_uri);
  json_object_set_string_member (problem, "title", title);
  json_object_set_int_member (problem, "status", status);
  json_object_set_string_member (problem, "detail", detail);
  json_node_set_object (node, problem);
  text = json_to_string (node, TRUE);
  length = strlen (text);

  soup_server_message_set_status (msg, status, title);
  soup_server_message_set_response (msg, "application/problem+json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&text), length);
}

JsonNode *
_newsroom_item_status_json (NewsroomItem *item)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, item->id);
  json_builder_set_member_name (builder, "headline");
  json_builder_add_string_value (builder, item->headline);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, item->status);
  json_builder_set_member_name (builder, "note");
  if (item->note != NULL)
    json_builder_add_string_value (builder, item->note);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "publish_at");
  if (item->publish_at != NULL)
    json_builder_add_string_value (builder, item->publish_at);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_string_value (builder, item->updated);
  json_builder_set_member_name (builder, "updated_usec");
  json_builder_add_int_value (builder, item->updated_usec);
  json_builder_set_member_name (builder, "updated_by");
  json_builder_add_string_value (builder, item->updated_by);
  json_builder_set_member_name (builder, "etag");
  json_builder_add_string_value (builder, item->etag);
  json_builder_set_member_name (builder, "submitted");
  if (item->submitted != NULL)
    json_builder_add_string_value (builder, item->submitted);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "submitted_by");
  if (item->submitted_by != NULL)
    json_builder_add_string_value (builder, item->submitted_by);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* -------------------------------------------------------------- storage */

static gboolean
write_json_file (const char  *path,
                 JsonNode    *node,
                 GError     **error)
{
  g_autofree char *text = json_to_string (node, TRUE);

  return g_file_set_contents_full (path, text, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
_newsroom_save_item_meta (BylineNewsroomServer  *self,
                          NewsroomItem          *item,
                          GError               **error)
{
  g_autofree char *name = g_strconcat (item->id, ".meta.json", NULL);
  g_autofree char *path = _newsroom_data_path (self, "items", name, NULL);
  g_autoptr(JsonNode) node = _newsroom_item_status_json (item);

  return write_json_file (path, node, error);
}

static void
save_users (BylineNewsroomServer *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = _newsroom_data_path (self, "users.json", NULL);
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "users");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->users->len; i++)
    {
      NewsroomUser *user = g_ptr_array_index (self->users, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "token");
      json_builder_add_string_value (builder, user->token);
      json_builder_set_member_name (builder, "user");
      json_builder_add_string_value (builder, user->user);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, user->name);
      json_builder_set_member_name (builder, "roles");
      json_builder_begin_array (builder);
      for (guint r = 0; user->roles[r] != NULL; r++)
        json_builder_add_string_value (builder, user->roles[r]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  if (!write_json_file (path, root, &error))
    g_warning ("Could not save %s: %s", path, error->message);
}

static void
save_categories (BylineNewsroomServer *self)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *path = _newsroom_data_path (self, "categories.json", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->categories->len; i++)
    json_array_add_object_element (array, json_object_ref (g_ptr_array_index (self->categories, i)));
  json_object_set_array_member (object, "categories", g_steal_pointer (&array));
  json_node_set_object (root, object);
  if (!write_json_file (path, root, &error))
    g_warning ("Could not save %s: %s", path, error->message);
}

static JsonNode *
read_json_file (const char  *path,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_mapped_file (parser, path, error))
    return NULL;
  return json_parser_steal_root (parser);
}

static void
load_users (BylineNewsroomServer *self)
{
  g_autofree char *path = _newsroom_data_path (self, "users.json", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *users;

  if (!g_file_test (path, G_FILE_TEST_EXISTS)
      || (root = read_json_file (path, NULL)) == NULL
      || !JSON_NODE_HOLDS_OBJECT (root)
      || (users = json_object_get_array_member (json_node_get_object (root), "users")) == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      JsonObject *object = json_array_get_object_element (users, i);
      JsonArray *roles = json_object_get_array_member (object, "roles");
      NewsroomUser *user = g_new0 (NewsroomUser, 1);
      g_autoptr(GStrvBuilder) strv = g_strv_builder_new ();

      user->token = g_strdup (json_object_get_string_member (object, "token"));
      user->user = g_strdup (json_object_get_string_member (object, "user"));
      user->name = g_strdup (json_object_get_string_member_with_default (object, "name", user->user));
      for (guint r = 0; roles != NULL && r < json_array_get_length (roles); r++)
        g_strv_builder_add (strv, json_array_get_string_element (roles, r));
      user->roles = g_strv_builder_end (strv);
      g_ptr_array_add (self->users, user);
    }
}

static void
load_categories (BylineNewsroomServer *self)
{
  g_autofree char *path = _newsroom_data_path (self, "categories.json", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *categories;

  if (!g_file_test (path, G_FILE_TEST_EXISTS)
      || (root = read_json_file (path, NULL)) == NULL
      || !JSON_NODE_HOLDS_OBJECT (root)
      || (categories = json_object_get_array_member (json_node_get_object (root), "categories")) == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (categories); i++)
    g_ptr_array_add (self->categories,
                     json_object_ref (json_array_get_object_element (categories, i)));
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static gboolean
load_items (BylineNewsroomServer  *self,
            GError               **error)
{
  g_autofree char *path = _newsroom_data_path (self, "items", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, error);
  const char *name;

  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = NULL;
      g_autoptr(JsonNode) root = NULL;
      NewsroomItem *item;
      JsonObject *object;

      if (!g_str_has_suffix (name, ".meta.json"))
        continue;
      file = g_build_filename (path, name, NULL);
      root = read_json_file (file, error);
      if (root == NULL)
        return FALSE;
      object = json_node_get_object (root);
      item = g_new0 (NewsroomItem, 1);
      item->id = dup_member (object, "id");
      item->headline = dup_member (object, "headline");
      item->status = dup_member (object, "status");
      item->note = dup_member (object, "note");
      item->publish_at = dup_member (object, "publish_at");
      item->updated = dup_member (object, "updated");
      item->updated_usec = json_object_get_int_member_with_default (object, "updated_usec", 0);
      item->updated_by = dup_member (object, "updated_by");
      item->etag = dup_member (object, "etag");
      item->submitted = dup_member (object, "submitted");
      item->submitted_by = dup_member (object, "submitted_by");
      g_hash_table_replace (self->items, item->id, item);
    }
  return TRUE;
}

/* ---------------------------------------------------------------- users */

NewsroomUser *
_newsroom_authenticate (BylineNewsroomServer *self,
                        SoupServerMessage    *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *value = soup_message_headers_get_one (headers, "Authorization");

  if (value != NULL && g_ascii_strncasecmp (value, "Bearer ", 7) == 0)
    {
      const char *token = value + 7;

      for (guint i = 0; i < self->users->len; i++)
        {
          NewsroomUser *user = g_ptr_array_index (self->users, i);

          if (g_strcmp0 (user->token, token) == 0)
            return user;
        }
    }

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "WWW-Authenticate", "Bearer realm=\"newsroom\"");
  _newsroom_set_problem (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                         value == NULL ? "This request needs a token."
                                       : "The server does not know this token.",
                         NULL);
  return NULL;
}

gboolean
_newsroom_user_has_role (NewsroomUser *user,
                         const char   *role)
{
  return g_strv_contains ((const char * const *) user->roles, role);
}

void
byline_newsroom_server_add_user (BylineNewsroomServer *self,
                                 const char           *token,
                                 const char           *user,
                                 const char           *display_name,
                                 const char           *roles)
{
  NewsroomUser *entry = g_new0 (NewsroomUser, 1);

  g_return_if_fail (BYLINE_IS_NEWSROOM_SERVER (self));

  entry->token = g_strdup (token);
  entry->user = g_strdup (user);
  entry->name = g_strdup (display_name);
  entry->roles = g_strsplit (roles, ",", -1);
  g_ptr_array_add (self->users, entry);
  save_users (self);
}

void
byline_newsroom_server_add_category (BylineNewsroomServer *self,
                                     const char           *id,
                                     const char           *name)
{
  JsonObject *category = json_object_new ();

  g_return_if_fail (BYLINE_IS_NEWSROOM_SERVER (self));

  json_object_set_string_member (category, "id", id);
  json_object_set_string_member (category, "name", name);
  g_ptr_array_add (self->categories, category);
  save_categories (self);
}

void
byline_newsroom_server_set_asset_limit (BylineNewsroomServer *self,
                                        goffset               limit)
{
  g_return_if_fail (BYLINE_IS_NEWSROOM_SERVER (self));

  self->asset_limit = limit;
}

/* --------------------------------------------------------------- faults */

void
byline_newsroom_server_inject (BylineNewsroomServer *self,
                               const char           *method,
                               const char           *path_prefix,
                               BylineFault           fault,
                               guint                 status,
                               guint                 retry_after,
                               goffset               after_bytes,
                               guint                 times)
{
  NewsroomFault *entry = g_new0 (NewsroomFault, 1);

  g_return_if_fail (BYLINE_IS_NEWSROOM_SERVER (self));

  entry->method = g_strdup (method);
  entry->prefix = g_strdup (path_prefix);
  entry->fault = fault;
  entry->status = status;
  entry->retry_after = retry_after;
  entry->after_bytes = after_bytes;
  entry->times = times;
  g_ptr_array_add (self->faults, entry);
}

/* The first fault that matches @msg, as a copy the caller owns. */
NewsroomFault *
_newsroom_take_fault (BylineNewsroomServer *self,
                      SoupServerMessage    *msg)
{
  const char *method = soup_server_message_get_method (msg);
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));

  for (guint i = 0; i < self->faults->len; i++)
    {
      NewsroomFault *fault = g_ptr_array_index (self->faults, i);
      NewsroomFault *copy;

      if (fault->method != NULL && g_strcmp0 (fault->method, method) != 0)
        continue;
      if (!g_str_has_prefix (path, fault->prefix))
        continue;

      copy = g_memdup2 (fault, sizeof *fault);
      copy->method = g_strdup (fault->method);
      copy->prefix = g_strdup (fault->prefix);
      if (--fault->times == 0)
        g_ptr_array_remove_index (self->faults, i);
      return copy;
    }
  return NULL;
}

void
byline_newsroom_server_release_hung (BylineNewsroomServer *self)
{
  g_return_if_fail (BYLINE_IS_NEWSROOM_SERVER (self));

  while (self->hung->len > 0)
    {
      g_autoptr(SoupServerMessage) msg = g_ptr_array_steal_index (self->hung, 0);

      _newsroom_set_problem (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable",
                             "The server is shutting down.", NULL);
      soup_server_message_unpause (msg);
    }
}

/* ------------------------------------------------------------------ log */

void
_newsroom_log_seen (BylineNewsroomServer *self,
                    SoupServerMessage    *msg)
{
  g_ptr_array_add (self->seen,
                   g_strdup_printf ("%s %s -1",
                                    soup_server_message_get_method (msg),
                                    g_uri_get_path (soup_server_message_get_uri (msg))));
}

static void
log_request (BylineNewsroomServer *self,
             SoupServerMessage    *msg)
{
  g_ptr_array_add (self->log,
                   g_strdup_printf ("%s %s %u",
                                    soup_server_message_get_method (msg),
                                    g_uri_get_path (soup_server_message_get_uri (msg)),
                                    soup_server_message_get_status (msg)));
}

static void
request_finished_cb (SoupServer           *soup,
                     SoupServerMessage    *msg,
                     BylineNewsroomServer *self)
{
  log_request (self, msg);
}

static void
request_aborted_cb (SoupServer           *soup,
                    SoupServerMessage    *msg,
                    BylineNewsroomServer *self)
{
  /* libsoup reports every 500 here, and connections lost mid-request (also
   * with 500): the log cannot tell them apart, nor do the tests need it. */
  log_request (self, msg);
}

static guint
count_log (GPtrArray            *log,
           const char           *method,
           const char           *path_prefix,
           gint64                status)
{
  guint count = 0;

  for (guint i = 0; i < log->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (log, i), " ", 3);

      if (method != NULL && g_strcmp0 (parts[0], method) != 0)
        continue;
      if (!g_str_has_prefix (parts[1], path_prefix))
        continue;
      if (status >= 0 && g_ascii_strtoll (parts[2], NULL, 10) != status)
        continue;
      count++;
    }
  return count;
}

guint
byline_newsroom_server_count_requests (BylineNewsroomServer *self,
                                       const char           *method,
                                       const char           *path_prefix)
{
  g_return_val_if_fail (BYLINE_IS_NEWSROOM_SERVER (self), 0);

  return count_log (self->seen, method, path_prefix, -1);
}

guint
byline_newsroom_server_count_answers (BylineNewsroomServer *self,
                                      const char           *method,
                                      const char           *path_prefix,
                                      guint                 status)
{
  g_return_val_if_fail (BYLINE_IS_NEWSROOM_SERVER (self), 0);

  return count_log (self->log, method, path_prefix, status);
}

/* ---------------------------------------------------------- inspection */

guint
byline_newsroom_server_count_items (BylineNewsroomServer *self)
{
  g_return_val_if_fail (BYLINE_IS_NEWSROOM_SERVER (self), 0);

  return g_hash_table_size (self->items);
}

guint
byline_newsroom_server_count_assets (BylineNewsroomServer *self)
{
  g_autofree char *path = _newsroom_data_path (self, "assets", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint count = 0;

  g_return_val_if_fail (BYLINE_IS_NEWSROOM_SERVER (self), 0);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (_newsroom_is_sha256 (name))
      count++;
  return count;
}

gboolean
byline_newsroom_server_has_asset (BylineNewsroomServer *self,
                                  const char           *sha256)
{
  g_autofree char *path = _newsroom_data_path (self, "assets", sha256, NULL);

  g_return_val_if_fail (BYLINE_IS_NEWSROOM_SERVER (self), FALSE);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

GBytes *
byline_newsroom_server_get_item (BylineNewsroomServer  *self,
                                 const char            *id,
                                 char                 **etag,
                                 char                 **status)
{
  NewsroomItem *item;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (BYLINE_IS_NEWSROOM_SERVER (self), NULL);

  item = g_hash_table_lookup (self->items, id);
  if (item == NULL)
    return NULL;
  name = g_strconcat (id, ".json", NULL);
  path = _newsroom_data_path (self, "items", name, NULL);
  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  if (etag != NULL)
    *etag = g_strdup (item->etag);
  if (status != NULL)
    *status = g_strdup (item->status);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

char *
byline_newsroom_server_dup_note (BylineNewsroomServer *self,
                                 const char           *id)
{
  NewsroomItem *item;

  g_return_val_if_fail (BYLINE_IS_NEWSROOM_SERVER (self), NULL);

  item = g_hash_table_lookup (self->items, id);
  return item != NULL ? g_strdup (item->note) : NULL;
}

void
byline_newsroom_server_replace_item (BylineNewsroomServer *self,
                                     const char           *id,
                                     GBytes               *bytes)
{
  NewsroomItem *item;
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = _newsroom_data_path (self, "items", name, NULL);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BYLINE_IS_NEWSROOM_SERVER (self));

  item = g_hash_table_lookup (self->items, id);
  g_return_if_fail (item != NULL);

  g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
  g_free (item->etag);
  item->etag = g_strdup_printf ("\"%s\"", sha256);
  g_free (item->updated);
  item->updated = _newsroom_now_iso8601 (&item->updated_usec);
  _newsroom_save_item_meta (self, item, &error);
  g_assert_no_error (error);
}

/* --------------------------------------------------------------- object */

static void
byline_newsroom_server_dispose (GObject *object)
{
  BylineNewsroomServer *self = BYLINE_NEWSROOM_SERVER (object);

  if (self->hung != NULL)
    byline_newsroom_server_release_hung (self);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);

  G_OBJECT_CLASS (byline_newsroom_server_parent_class)->dispose (object);
}

static void
byline_newsroom_server_finalize (GObject *object)
{
  BylineNewsroomServer *self = BYLINE_NEWSROOM_SERVER (object);

  g_clear_object (&self->folder);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->users, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->faults, g_ptr_array_unref);
  g_clear_pointer (&self->seen, g_ptr_array_unref);
  g_clear_pointer (&self->log, g_ptr_array_unref);
  g_clear_pointer (&self->hung, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_newsroom_server_parent_class)->finalize (object);
}

static void
byline_newsroom_server_class_init (BylineNewsroomServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = byline_newsroom_server_dispose;
  object_class->finalize = byline_newsroom_server_finalize;
}

static void
byline_newsroom_server_init (BylineNewsroomServer *self)
{
  self->asset_limit = 256 * 1024 * 1024;
  self->users = g_ptr_array_new_with_free_func ((GDestroyNotify) newsroom_user_free);
  self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) _newsroom_item_free);
  self->faults = g_ptr_array_new_with_free_func ((GDestroyNotify) newsroom_fault_free);
  self->seen = g_ptr_array_new_with_free_func (g_free);
  self->log = g_ptr_array_new_with_free_func (g_free);
  self->hung = g_ptr_array_new_with_free_func (g_object_unref);
}

BylineNewsroomServer *
byline_newsroom_server_new (GFile   *data_folder,
                            GError **error)
{
  g_autoptr(BylineNewsroomServer) self = NULL;
  const char *subfolders[] = { "assets", "items", "tmp" };

  g_return_val_if_fail (G_IS_FILE (data_folder), NULL);

  self = g_object_new (BYLINE_TYPE_NEWSROOM_SERVER, NULL);
  self->folder = g_object_ref (data_folder);
  self->path = g_file_get_path (data_folder);
  if (self->path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "The data folder must be a local folder");
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (subfolders); i++)
    {
      g_autofree char *path = _newsroom_data_path (self, subfolders[i], NULL);

      if (g_mkdir_with_parents (path, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "Could not create %s: %s", path, g_strerror (saved));
          return NULL;
        }
    }

  load_users (self);
  load_categories (self);
  if (!load_items (self, error))
    return NULL;

  self->soup = soup_server_new ("server-header", "byline-newsroom-server ", NULL);
  g_signal_connect_object (self->soup, "request-finished",
                           G_CALLBACK (request_finished_cb), self, 0);
  g_signal_connect_object (self->soup, "request-aborted",
                           G_CALLBACK (request_aborted_cb), self, 0);
  _newsroom_install_handlers (self);

  return g_steal_pointer (&self);
}

gboolean
byline_newsroom_server_listen (BylineNewsroomServer  *self,
                               guint                  port,
                               GTlsCertificate       *certificate,
                               GError               **error)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);
  GSList *uris;

  g_return_val_if_fail (BYLINE_IS_NEWSROOM_SERVER (self), FALSE);

  if (certificate != NULL)
    soup_server_set_tls_certificate (self->soup, certificate);
  if (!soup_server_listen (self->soup, address,
                           certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0, error))
    return FALSE;

  uris = soup_server_get_uris (self->soup);
  g_clear_pointer (&self->url, g_free);
  self->url = g_strdup_printf ("%s://127.0.0.1:%d", certificate != NULL ? "https" : "http",
                               g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return TRUE;
}

const char *
byline_newsroom_server_get_url (BylineNewsroomServer *self)
{
  g_return_val_if_fail (BYLINE_IS_NEWSROOM_SERVER (self), NULL);

  return self->url;
}

SoupServer *
byline_newsroom_server_get_soup_server (BylineNewsroomServer *self)
{
  g_return_val_if_fail (BYLINE_IS_NEWSROOM_SERVER (self), NULL);

  return self->soup;
}

GFile *
byline_newsroom_server_get_folder (BylineNewsroomServer *self)
{
  g_return_val_if_fail (BYLINE_IS_NEWSROOM_SERVER (self), NULL);

  return self->folder;
}
