/* byline-wordpress-media.c — pictures in the WordPress media library
 *
 * A picture is uploaded as the raw body of POST /wp/v2/media, with an ASCII
 * Content-Disposition filename (WordPress refuses filename*=) that ends in
 * the first 16 hex digits of its SHA-256, and a Content-MD5 that WordPress
 * checks.  The file name makes the picture findable again (the media
 * library searches titles, and a title is the file name): a retry, or the
 * next update of the story, reuses what this account uploaded before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "byline-error.h"
#include "byline-file-stream-private.h"
#include "byline-files.h"
#include "byline-image.h"
#include "byline-wordpress-private.h"

#define HASH_DIGITS 16

void
_byline_wordpress_media_free (BylineWordpressMedia *media)
{
  if (media == NULL)
    return;
  g_free (media->source_url);
  g_free (media);
}

char *
_byline_wordpress_media_filename (const char *original,
                                  const char *sha256,
                                  const char *media_type)
{
  g_autofree char *ascii = NULL;
  g_autofree char *stem = NULL;
  const char *extension = byline_media_type_to_extension (media_type);
  GString *name = g_string_new (NULL);
  const char *dot;

  if (original != NULL)
    {
      g_autofree char *base = g_path_get_basename (original);

      dot = strrchr (base, '.');
      stem = dot && dot != base ? g_strndup (base, dot - base) : g_strdup (base);
      ascii = g_str_to_ascii (stem, "C");
    }
  for (const char *p = ascii ? ascii : ""; *p && name->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (name, g_ascii_tolower (*p));
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, "anh");
  g_string_append_c (name, '-');
  g_string_append_len (name, sha256, MIN (strlen (sha256), HASH_DIGITS));
  g_string_append_printf (name, ".%s", extension ? extension : "bin");
  return g_string_free (name, FALSE);
}

static char *
file_md5 (GFile         *file,
          goffset       *size,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GInputStream) stream = _byline_file_stream_new (file, size, cancellable, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_MD5);
  g_autofree guchar *buffer = NULL;
  gssize n;

  if (stream == NULL)
    return NULL;
  buffer = g_malloc (64 * 1024);
  while ((n = g_input_stream_read (stream, buffer, 64 * 1024, cancellable, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

static JsonObject *
find_uploaded (BylineWordpressDestination  *self,
               const BylineWordpressMe     *me,
               const char                  *sha256,
               GCancellable                *cancellable,
               GError                     **error)
{
  g_autofree char *digits = g_strndup (sha256, HASH_DIGITS);
  g_autofree char *path = g_strdup_printf ("/wp/v2/media?context=edit&per_page=20&author=%" G_GINT64_FORMAT
                                           "&search=%s&_fields=id,source_url,caption,alt_text",
                                           me->id, digits);
  g_autoptr(JsonNode) root = _byline_wordpress_call (self, SOUP_METHOD_GET, path, NULL, NULL,
                                                     cancellable, error);
  JsonArray *array;

  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (root))
    return NULL;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);
      const char *url = entry ? json_object_get_string_member_with_default (entry, "source_url", NULL) : NULL;
      /* WordPress may add "-1" (a name taken) or "-scaled" (a large picture). */
      g_autofree char *needle = g_strconcat ("-", digits, NULL);

      if (url != NULL && strstr (url, needle) != NULL)
        return json_object_ref (entry);
    }
  return NULL;
}

static const char *
raw_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_string_member_with_default (json_node_get_object (node), "raw", NULL);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static gboolean
update_text (BylineWordpressDestination  *self,
             JsonObject                  *media,
             const char                  *caption,
             const char                  *alt_text,
             GCancellable                *cancellable,
             GError                     **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *path = NULL;

  if (g_strcmp0 (raw_member (media, "caption"), caption) == 0
      && g_strcmp0 (raw_member (media, "alt_text"), alt_text) == 0)
    return TRUE;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "caption");
  json_builder_add_string_value (builder, caption);
  json_builder_set_member_name (builder, "alt_text");
  json_builder_add_string_value (builder, alt_text);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  path = g_strdup_printf ("/wp/v2/media/%" G_GINT64_FORMAT "?context=edit",
                          json_object_get_int_member_with_default (media, "id", 0));
  answer = _byline_wordpress_call (self, SOUP_METHOD_POST, path, body, NULL, cancellable, error);
  return answer != NULL;
}

typedef struct
{
  goffset                  sent;
  BylineWordpressProgress  progress;
  gpointer                 progress_data;
} Progress;

static void
wrote_body_data_cb (SoupMessage *msg,
                    guint        chunk_size,
                    Progress    *progress)
{
  progress->sent += chunk_size;
  if (progress->progress != NULL)
    progress->progress (progress->sent, progress->progress_data);
}

BylineWordpressMedia *
_byline_wordpress_media_ensure (BylineWordpressDestination  *self,
                                const BylineWordpressMe     *me,
                                GFile                       *file,
                                const char                  *sha256,
                                const char                  *media_type,
                                const char                  *filename,
                                const char                  *caption,
                                const char                  *alt_text,
                                BylineWordpressProgress      progress,
                                gpointer                     progress_data,
                                GCancellable                *cancellable,
                                GError                     **error)
{
  g_autoptr(JsonObject) found = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *name = NULL;
  g_autofree char *md5 = NULL;
  g_autofree char *disposition = NULL;
  g_autofree char *path = NULL;
  g_autofree char *caption_q = NULL;
  g_autofree char *alt_q = NULL;
  g_autofree char *forbidden = NULL;
  SoupMessageHeaders *headers;
  BylineWordpressMedia *media;
  Progress sent = { 0, progress, progress_data };
  goffset size = 0;

  found = find_uploaded (self, me, sha256, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (found != NULL)
    {
      if (!update_text (self, found, caption, alt_text, cancellable, error))
        return NULL;
      media = g_new0 (BylineWordpressMedia, 1);
      media->id = json_object_get_int_member_with_default (found, "id", 0);
      media->source_url = g_strdup (json_object_get_string_member_with_default (found, "source_url", ""));
      return media;
    }

  md5 = file_md5 (file, &size, cancellable, &local_error);
  stream = md5 ? _byline_file_stream_new (file, &size, cancellable, &local_error) : NULL;
  if (stream == NULL)
    {
      const char *phrase = byline_io_error_phrase (local_error);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND, _("Could not read the picture %s: %s"),
                   g_file_peek_path (file), phrase != NULL ? phrase : local_error->message);
      return NULL;
    }

  name = _byline_wordpress_media_filename (filename, sha256, media_type);
  caption_q = g_uri_escape_string (caption, NULL, FALSE);
  alt_q = g_uri_escape_string (alt_text, NULL, FALSE);
  /* Caption and alternative text ride along as parameters: one request. */
  path = g_strconcat ("/wp/v2/media?context=edit&caption=", caption_q, "&alt_text=", alt_q, NULL);
  msg = _byline_wordpress_message (self, SOUP_METHOD_POST, path);
  headers = soup_message_get_request_headers (msg);
  disposition = g_strdup_printf ("attachment; filename=\"%s\"", name);
  soup_message_headers_replace (headers, "Content-Disposition", disposition);
  soup_message_headers_replace (headers, "Content-MD5", md5);
  /* Streamed from the file: memory does not grow with the picture. */
  soup_message_set_request_body (msg, media_type, stream, size);
  g_signal_connect (msg, "wrote-body-data", G_CALLBACK (wrote_body_data_cb), &sent);
  forbidden = g_strdup_printf (_("Your WordPress role (%s) cannot upload pictures: ask an editor to "
                                 "publish this story, or send it without its pictures."),
                               me->role ? me->role : C_("WordPress role", "none"));
  answer = _byline_wordpress_send (self, msg, forbidden, cancellable, error);
  g_signal_handlers_disconnect_by_func (msg, wrote_body_data_cb, &sent);
  if (answer == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_SERVER, _("%s did not describe the picture it stored."),
                   self->url);
      return NULL;
    }
  if (!update_text (self, json_node_get_object (answer), caption, alt_text, cancellable, error))
    return NULL;

  media = g_new0 (BylineWordpressMedia, 1);
  media->id = json_object_get_int_member_with_default (json_node_get_object (answer), "id", 0);
  media->source_url = g_strdup (json_object_get_string_member_with_default (json_node_get_object (answer),
                                                                            "source_url", ""));
  media->uploaded = TRUE;
  return media;
}
