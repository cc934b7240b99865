/* byline-error.h — the one error domain of libbyline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BYLINE_ERROR (byline_error_quark ())

typedef enum
{
  BYLINE_ERROR_FAILED,            /* anything not listed below */
  BYLINE_ERROR_NOT_FOUND,         /* no draft, image or version by that name */
  BYLINE_ERROR_MALFORMED,         /* input that does not parse; message names file and position */
  BYLINE_ERROR_NOT_UTF8,          /* text input that is not UTF-8 */
  BYLINE_ERROR_UNSUPPORTED_FORMAT,/* not a draft, ninjs, HTML, .docx, .odt or text */
  BYLINE_ERROR_NEWER_VERSION,     /* written by a newer major version of the format */
  BYLINE_ERROR_INVALID,           /* parses, but a field has a value it may not have */
  BYLINE_ERROR_UNSAFE_PATH,       /* a reference that leaves the folder it came from */
  BYLINE_ERROR_CONFLICT,          /* changed by someone else since it was loaded */
  BYLINE_ERROR_LOCKED,            /* another process holds the draft */
  BYLINE_ERROR_TOO_LARGE,         /* input over a documented limit */
  BYLINE_ERROR_AUTH,              /* the destination refused the token or password */
  BYLINE_ERROR_FORBIDDEN,         /* the account's role does not allow this */
  BYLINE_ERROR_NETWORK,           /* offline, no answer, timeout, connection reset, DNS: retry later */
  BYLINE_ERROR_SERVER,            /* the destination failed (5xx, 408, 429): retry later */
  BYLINE_ERROR_TLS,               /* the server's certificate is not trusted: never retried */
  BYLINE_ERROR_NO_SPACE,          /* the disk (or the person's quota) is full */
  BYLINE_ERROR_NOT_WRITABLE,      /* no permission to write there, or a read-only disk */
  BYLINE_ERROR_NOT_NEWSROOM,      /* a folder account's folder holds nothing of the newsroom's: its
                                   * drive not connected, or the wrong folder: retry later, or fix
                                   * the account */
} BylineError;

GQuark byline_error_quark (void);

G_END_DECLS
