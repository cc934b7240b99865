/* byline-http.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <json-glib/json-glib.h>
#include <string.h>

#include "byline-error.h"
#include "byline-http-private.h"

/* Between two bytes of one request, not for the whole of it: a 50 MB upload
 * on a slow line is fine as long as it keeps moving. */
#define BYLINE_HTTP_TIMEOUT_SECONDS 60

SoupSession *
_byline_http_session_new (void)
{
  return soup_session_new_with_options ("user-agent", "Byline/" PACKAGE_VERSION " ",
                                        "timeout", BYLINE_HTTP_TIMEOUT_SECONDS,
                                        "idle-timeout", BYLINE_HTTP_TIMEOUT_SECONDS,
                                        NULL);
}

static char *
dup_host (SoupMessage *msg)
{
  GUri *uri = soup_message_get_uri (msg);
  int port = g_uri_get_port (uri);

  if (port > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), port);
  return g_strdup (g_uri_get_host (uri));
}

goffset
_byline_http_get_sent_length (SoupMessage *msg)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  const char *length = soup_message_headers_get_one (headers, "Content-Length");
  const char *coding = soup_message_headers_get_one (headers, "Content-Encoding");
  g_autofree char *trimmed = NULL;
  guint64 value = 0;

  if (length == NULL || (coding != NULL && g_ascii_strcasecmp (coding, "identity") != 0))
    return -1;
  trimmed = g_strstrip (g_strdup (length));
  if (!g_ascii_string_to_unsigned (trimmed, 10, 0, G_MAXINT64, &value, NULL))
    return -1;
  return (goffset) value;
}

gboolean
_byline_http_check_whole (SoupMessage  *msg,
                          goffset       received,
                          GError      **error)
{
  goffset sent = _byline_http_get_sent_length (msg);
  g_autofree char *host = NULL;
  g_autofree char *got = NULL;
  g_autofree char *all = NULL;

  if (sent < 0 || received >= sent)
    return TRUE;
  host = dup_host (msg);
  got = g_format_size (received);
  all = g_format_size (sent);
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK,
               _("The connection to %s was lost: %s of %s came."), host, got, all);
  return FALSE;
}

GError *
_byline_http_error_from_transport (const GError *error,
                                   SoupMessage  *msg)
{
  g_autofree char *host = dup_host (msg);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == G_TLS_ERROR)
    return g_error_new (BYLINE_ERROR, BYLINE_ERROR_TLS,
                        _("The certificate of %s cannot be trusted (%s): "
                        "Byline sends nothing over a connection it cannot verify."),
                        host, error->message);

  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (BYLINE_ERROR, BYLINE_ERROR_NETWORK,
                        _("Could not find the server %s: no connection, or a mistyped address (%s)."),
                        host, error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (BYLINE_ERROR, BYLINE_ERROR_NETWORK,
                        _("%s did not answer in time."), host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (BYLINE_ERROR, BYLINE_ERROR_NETWORK,
                        _("%s refused the connection: the server may be down."), host);

  if (error->domain == SOUP_SESSION_ERROR
      && error->code != SOUP_SESSION_ERROR_PARSING
      && error->code != SOUP_SESSION_ERROR_ENCODING)
    return g_error_new (BYLINE_ERROR, BYLINE_ERROR_FAILED,
                        _("Could not talk to %s: %s."), host, error->message);

  /* Our own picture file failing under the upload is not the network's fault. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return g_error_new (BYLINE_ERROR, BYLINE_ERROR_FAILED,
                        _("Could not read a file to send to %s: %s."), host, error->message);

  return g_error_new (BYLINE_ERROR, BYLINE_ERROR_NETWORK,
                      _("The connection to %s was lost (%s)."), host, error->message);
}

guint
_byline_http_get_retry_after (SoupMessage *msg)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                    "Retry-After");
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *trimmed = NULL;
  guint64 seconds;
  GTimeSpan span;

  if (value == NULL)
    return 0;
  trimmed = g_strstrip (g_strdup (value));
  if (g_ascii_string_to_unsigned (trimmed, 10, 0, G_MAXUINT64, &seconds, NULL))
    return MIN (seconds, 24 * 3600);

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return 0;
  now = g_date_time_new_now_utc ();
  span = g_date_time_difference (when, now);
  if (span <= 0)
    return 0;
  return MIN (span / G_TIME_SPAN_SECOND + 1, 24 * 3600);
}

char *
_byline_http_dup_problem_detail (SoupMessage *msg,
                                 GBytes      *body)
{
  const char *content_type;
  g_autoptr(JsonParser) parser = NULL;
  const char *detail;
  JsonNode *root;
  GString *line;

  content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);
  if (body == NULL || g_bytes_get_size (body) == 0
      || g_strcmp0 (content_type, "application/problem+json") != 0)
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  detail = json_object_get_string_member_with_default (json_node_get_object (root), "detail", NULL);
  if (detail == NULL || !g_utf8_validate (detail, -1, NULL))
    return NULL;

  /* One line, of a length a status bar can show. */
  line = g_string_new (NULL);
  for (const char *p = detail; *p && g_utf8_strlen (line->str, -1) < 300; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (line, g_unichar_iscntrl (c) ? ' ' : c);
    }
  g_strstrip (line->str);
  if (line->str[0] == '\0')
    {
      g_string_free (line, TRUE);
      return NULL;
    }
  return g_string_free (line, FALSE);
}

GError *
_byline_http_error_from_response (SoupMessage *msg,
                                  GBytes      *body)
{
  guint status = soup_message_get_status (msg);
  g_autofree char *host = dup_host (msg);
  g_autofree char *detail = _byline_http_dup_problem_detail (msg, body);
  const char *phrase = soup_message_get_reason_phrase (msg);
  guint retry_after;

  if (phrase == NULL || *phrase == '\0')
    phrase = soup_status_get_phrase (status);

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      /* Whatever the server says, the fix is the same. */
      return g_error_new (BYLINE_ERROR, BYLINE_ERROR_AUTH,
                          _("Wrong token or password for %s."), host);
    case SOUP_STATUS_FORBIDDEN:
      if (detail != NULL)
        return g_error_new (BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN, "%s", detail);
      return g_error_new (BYLINE_ERROR, BYLINE_ERROR_FORBIDDEN,
                          _("Your account at %s is not allowed to do this."), host);
    case SOUP_STATUS_NOT_FOUND:
    case SOUP_STATUS_GONE:
      return g_error_new (BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND, "%s",
                          detail ? detail : _("The server has no such item."));
    case SOUP_STATUS_CONFLICT:
    case SOUP_STATUS_PRECONDITION_FAILED:
      return g_error_new (BYLINE_ERROR, BYLINE_ERROR_CONFLICT, "%s",
                          detail ? detail : _("Someone else changed this story on the server."));
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      return g_error_new (BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE, "%s",
                          detail ? detail : _("Too large for the server."));
    case SOUP_STATUS_REQUEST_TIMEOUT:
    case 429:  /* Too Many Requests: not in SoupStatus */
      retry_after = _byline_http_get_retry_after (msg);
      if (retry_after > 0)
        return g_error_new (BYLINE_ERROR, BYLINE_ERROR_SERVER,
                            _("%s is busy and asks to wait %u seconds."), host, retry_after);
      return g_error_new (BYLINE_ERROR, BYLINE_ERROR_SERVER, _("%s is busy (%u %s)."),
                          host, status, phrase);
    default:
      break;
    }

  if (status >= 500)
    {
      if (detail != NULL)
        return g_error_new (BYLINE_ERROR, BYLINE_ERROR_SERVER, _("%s failed (%u %s): %s"),
                            host, status, phrase, detail);
      return g_error_new (BYLINE_ERROR, BYLINE_ERROR_SERVER, _("%s failed (%u %s)."),
                          host, status, phrase);
    }
  if (status >= 400)
    {
      if (detail != NULL)
        return g_error_new (BYLINE_ERROR, BYLINE_ERROR_INVALID, "%s", detail);
      return g_error_new (BYLINE_ERROR, BYLINE_ERROR_INVALID, _("%s refused the request (%u %s)."),
                          host, status, phrase);
    }
  return g_error_new (BYLINE_ERROR, BYLINE_ERROR_FAILED, _("%s gave an unexpected answer (%u %s)."),
                      host, status, phrase);
}
