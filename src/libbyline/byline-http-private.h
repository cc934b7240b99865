/* byline-http-private.h — HTTP failures as BYLINE_ERROR, for every HTTP destination
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A session for a destination: inactivity timeout, user agent, the system's
 * certificate database (a certificate it cannot verify fails the request). */
SoupSession *_byline_http_session_new             (void);

/* A failure before an answer arrived (TLS, DNS, refused, reset, timeout) as a
 * BYLINE_ERROR naming the host.  Cancellation stays G_IO_ERROR_CANCELLED. */
GError      *_byline_http_error_from_transport    (const GError *error,
                                                   SoupMessage  *msg);
/* An answer that is not a success (>= 300), with its application/problem+json
 * body if any, as one clear sentence in a BYLINE_ERROR. */
GError      *_byline_http_error_from_response     (SoupMessage  *msg,
                                                   GBytes       *body);
/* Seconds from a Retry-After header (delta-seconds or an HTTP date); 0 when
 * absent or unreadable. */
guint        _byline_http_get_retry_after         (SoupMessage  *msg);
/* The length @msg's answer says its body has, as sent, from the header
 * itself (libsoup gives 0 for an HTTP/1.0 answer), or -1: none, or a
 * Content-Encoding the session undoes. */
goffset      _byline_http_get_sent_length         (SoupMessage  *msg);
/* Whether the @received bytes of @msg's answer are all its Content-Length
 * says it sent; else FALSE, with the error of a connection cut.  An
 * HTTP/1.0 answer ends where the connection does, and libsoup takes it as
 * whole: half a picture, its bottom grey, would be kept.  An answer whose
 * Content-Encoding the session undoes has another length, and one with no
 * Content-Length has nothing to check. */
gboolean     _byline_http_check_whole             (SoupMessage  *msg,
                                                   goffset       received,
                                                   GError      **error);
/* The "detail" of a problem+json body, on one line; NULL when none. */
char        *_byline_http_dup_problem_detail      (SoupMessage  *msg,
                                                   GBytes       *body);

G_END_DECLS
