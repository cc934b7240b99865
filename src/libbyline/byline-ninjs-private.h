/* byline-ninjs-private.h — what the ninjs importer's two halves share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-ninjs.h"

G_BEGIN_DECLS

/* The member of the draft that keeps pictures whose bytes were not imported. */
#define BYLINE_NINJS_PENDING_MEMBER "pending_pictures"

/* Lenient accessors: a member of another type reads as absent. */
const char *_byline_ninjs_get_string   (JsonObject         *object,
                                        const char         *name);
/* The 2.x spelling, else the 3.x one ("contenttype", "contentType"). */
const char *_byline_ninjs_get_string2  (JsonObject         *object,
                                        const char         *name2,
                                        const char         *name3);
JsonArray  *_byline_ninjs_get_array    (JsonObject         *object,
                                        const char         *name);
JsonObject *_byline_ninjs_get_object   (JsonObject         *object,
                                        const char         *name);
/* A positive whole number (ninjs 2.x writes sizes as "number"). */
gboolean    _byline_ninjs_get_uint     (JsonObject         *object,
                                        const char         *name,
                                        guint              *value);

/* Case-insensitive, ignoring a "drol:" or URI prefix. */
gboolean    _byline_ninjs_role_is      (const char         *role,
                                        const char * const *roles);
gboolean    _byline_ninjs_is_html      (const char         *content_type,
                                        const char         *role,
                                        const char         *value);
/* The value of the best entry of a headlines/descriptions array whose role is
 * one of @roles (NULL: any), plain text preferred; NULL when there is none. */
char       *_byline_ninjs_pick_text    (JsonArray          *array,
                                        const char * const *roles,
                                        gboolean            allow_no_role,
                                        gboolean            keep_lines);
/* The text of an HTML fragment: one line, or one line per block when @keep_lines. */
char       *_byline_ninjs_html_to_text (const char         *html,
                                        gboolean            keep_lines);

gboolean    _byline_ninjs_is_item      (JsonObject         *root);
int         _byline_ninjs_detect_major (JsonObject         *root);

/* Headline, lead, byline, dateline, language, category, tags, times, source. */
void        _byline_ninjs_import_fields (BylineArticle     *article,
                                         JsonObject        *root,
                                         gboolean           is_picture);

/* The pictures of one import: those of the associations (or of the item itself
 * when it is one), then those of the body's figures, deduplicated by content. */
typedef struct _BylineNinjsMedia BylineNinjsMedia;

BylineNinjsMedia *_byline_ninjs_media_new             (BylineArticle     *article,
                                                       const char        *source_name,
                                                       GFile             *base_folder,
                                                       GError           **error);
void              _byline_ninjs_media_free            (BylineNinjsMedia  *media);
gboolean          _byline_ninjs_media_import_pictures (BylineNinjsMedia  *media,
                                                       JsonObject        *root,
                                                       GError           **error);
/* A body figure's picture: @image is set (owned by the article) when its bytes
 * are here; a remote or missing one is kept as pending.  FALSE (and @error) for
 * an unsafe or unreadable reference. */
gboolean          _byline_ninjs_media_add_figure      (BylineNinjsMedia  *media,
                                                       const char        *src,
                                                       const char        *caption,
                                                       const char        *credit,
                                                       const char        *alt_text,
                                                       BylineImage      **image,
                                                       GError           **error);
/* Stores the pictures whose bytes are elsewhere in the draft ("pending_pictures"). */
void              _byline_ninjs_media_finish          (BylineNinjsMedia  *media);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineNinjsMedia, _byline_ninjs_media_free)

gboolean    _byline_ninjs_import_body  (BylineArticle      *article,
                                        JsonObject         *root,
                                        BylineNinjsMedia   *media,
                                        GError            **error);

G_END_DECLS
