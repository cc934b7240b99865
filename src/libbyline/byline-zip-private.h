/* byline-zip-private.h — the members of a ZIP archive held in memory
 *
 * Enough of ZIP for the documents of word processors (.docx, .odt): stored
 * and deflated members, read whole.  No ZIP64, no encryption, no archive
 * split over several files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _BylineZip BylineZip;

/* NULL with BYLINE_ERROR_MALFORMED when @bytes is not a ZIP archive this
 * can read.  @display names the file in messages. */
BylineZip  *byline_zip_open      (GBytes      *bytes,
                                  const char  *display,
                                  GError     **error);
void        byline_zip_free      (BylineZip   *zip);
gboolean    byline_zip_contains  (BylineZip   *zip,
                                  const char  *name);
/* The member's bytes, uncompressed; NULL with BYLINE_ERROR_NOT_FOUND when
 * there is none of that name, BYLINE_ERROR_TOO_LARGE over @max_size bytes,
 * BYLINE_ERROR_MALFORMED when it cannot be read. */
GBytes     *byline_zip_read      (BylineZip   *zip,
                                  const char  *name,
                                  gsize        max_size,
                                  GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineZip, byline_zip_free)

G_END_DECLS
