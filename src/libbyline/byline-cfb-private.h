/* byline-cfb-private.h — the streams of a compound file held in memory
 *
 * Word 97–2003 documents (.doc) are compound files ([MS-CFB], "OLE2"): a
 * small FAT file system inside one file, whose streams (WordDocument,
 * 1Table…) hold the document.  Enough of it to read a stream by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _BylineCfb BylineCfb;

/* Whether @bytes start as a compound file does. */
gboolean    _byline_cfb_sniff  (GBytes      *bytes);
/* NULL with BYLINE_ERROR_MALFORMED when @bytes is not a compound file this
 * can read.  @display names the file in messages. */
BylineCfb  *_byline_cfb_open   (GBytes      *bytes,
                                const char  *display,
                                GError     **error);
void        _byline_cfb_free   (BylineCfb   *cfb);
/* The stream @name (of the root storage); NULL with BYLINE_ERROR_NOT_FOUND
 * when there is none, BYLINE_ERROR_MALFORMED when it cannot be read. */
GBytes     *_byline_cfb_read   (BylineCfb   *cfb,
                                const char  *name,
                                GError     **error);

/* Sets BYLINE_ERROR_MALFORMED, "@display is damaged: its Word 97–2003 file
 * cannot be read", for what is found wrong inside too; returns NULL. */
gpointer    _byline_cfb_damaged (GError     **error,
                                 const char  *display);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineCfb, _byline_cfb_free)

G_END_DECLS
