/* byline-article.h — a story: headline, lead, body, byline, metadata and pictures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_ARTICLE (byline_article_get_type ())

G_DECLARE_FINAL_TYPE (BylineArticle, byline_article, BYLINE, ARTICLE, GObject)

BylineArticle  *byline_article_new                (void);
BylineArticle  *byline_article_new_with_id        (const char      *id);
/* A deep copy with the same id: for history previews and three-way merges. */
BylineArticle  *byline_article_copy               (BylineArticle   *self);

const char     *byline_article_get_id             (BylineArticle   *self);
const char     *byline_article_get_headline       (BylineArticle   *self);
void            byline_article_set_headline       (BylineArticle   *self,
                                                   const char      *headline);
const char     *byline_article_get_lead           (BylineArticle   *self);
void            byline_article_set_lead           (BylineArticle   *self,
                                                   const char      *lead);
BylineBody     *byline_article_get_body           (BylineArticle   *self);
const char * const *byline_article_get_authors    (BylineArticle   *self);
void            byline_article_set_authors        (BylineArticle   *self,
                                                   const char * const *authors);
char           *byline_article_dup_byline         (BylineArticle   *self);
const char     *byline_article_get_dateline       (BylineArticle   *self);
void            byline_article_set_dateline       (BylineArticle   *self,
                                                   const char      *dateline);
const char     *byline_article_get_source_prefix  (BylineArticle   *self);
void            byline_article_set_source_prefix  (BylineArticle   *self,
                                                   const char      *source_prefix);
const char     *byline_article_get_category       (BylineArticle   *self);
void            byline_article_set_category       (BylineArticle   *self,
                                                   const char      *category);
const char * const *byline_article_get_tags       (BylineArticle   *self);
void            byline_article_set_tags           (BylineArticle   *self,
                                                   const char * const *tags);
const char     *byline_article_get_language       (BylineArticle   *self);
void            byline_article_set_language       (BylineArticle   *self,
                                                   const char      *language);
/* The slug set by hand, or NULL: byline_article_dup_slug() derives one then. */
const char     *byline_article_get_slug           (BylineArticle   *self);
void            byline_article_set_slug           (BylineArticle   *self,
                                                   const char      *slug);
char           *byline_article_dup_slug           (BylineArticle   *self);
GDateTime      *byline_article_get_created        (BylineArticle   *self);
void            byline_article_set_created        (BylineArticle   *self,
                                                   GDateTime       *created);
GDateTime      *byline_article_get_modified       (BylineArticle   *self);
void            byline_article_set_modified       (BylineArticle   *self,
                                                   GDateTime       *modified);
GDateTime      *byline_article_get_publish_time   (BylineArticle   *self);
void            byline_article_set_publish_time   (BylineArticle   *self,
                                                   GDateTime       *publish_time);
BylineStatus    byline_article_get_status         (BylineArticle   *self);
void            byline_article_set_status         (BylineArticle   *self,
                                                   BylineStatus     status);
const char     *byline_article_get_editor_note    (BylineArticle   *self);
void            byline_article_set_editor_note    (BylineArticle   *self,
                                                   const char      *editor_note);

/* The pictures, in order: a GListModel of BylineImage. */
GListModel     *byline_article_get_images         (BylineArticle   *self);
guint           byline_article_get_n_images       (BylineArticle   *self);
BylineImage    *byline_article_get_image          (BylineArticle   *self,
                                                   guint            position);
BylineImage    *byline_article_find_image         (BylineArticle   *self,
                                                   const char      *image_id);
void            byline_article_add_image          (BylineArticle   *self,
                                                   BylineImage     *image);
void            byline_article_insert_image       (BylineArticle   *self,
                                                   guint            position,
                                                   BylineImage     *image);
/* Removes the picture and every image block that shows it. */
void            byline_article_remove_image       (BylineArticle   *self,
                                                   BylineImage     *image);
/* Pictures shown in the body follow the body's order (byline-article-order.c). */
void            byline_article_move_image         (BylineArticle   *self,
                                                   guint            from,
                                                   guint            to);
gboolean        byline_article_sort_images_by_body (BylineArticle  *self);
BylineImage    *byline_article_get_featured_image (BylineArticle   *self);

/* A byline typed as the body's last paragraph ("Hà Anh", "Bài và ảnh: Hà
 * Anh"; byline-article-byline.c), that the story's byline can take: the
 * story has none, or the same names.  Returns its block's index and sets
 * *@authors to its names, or returns -1. */
int             byline_article_find_byline_paragraph (BylineArticle   *self,
                                                      char          ***authors);
/* Takes that paragraph out of the body; its names become the story's byline
 * when it has none.  Returns whether there was one. */
gboolean        byline_article_take_byline_paragraph (BylineArticle   *self);

/* Per-destination remote state, for publishing. */
const char     *byline_article_get_remote_id      (BylineArticle   *self,
                                                   const char      *destination);
const char     *byline_article_get_remote_version (BylineArticle   *self,
                                                   const char      *destination);
void            byline_article_set_remote         (BylineArticle   *self,
                                                   const char      *destination,
                                                   const char      *remote_id,
                                                   const char      *remote_version);
GStrv           byline_article_list_remotes       (BylineArticle   *self);

/* Store bookkeeping: the revision this copy was loaded at or last saved as. */
guint64         byline_article_get_revision       (BylineArticle   *self);
void            byline_article_set_revision       (BylineArticle   *self,
                                                   guint64          revision);

/* Pictures the story should have and has not (byline-article-missing.c): those
 * of an imported document that could not come in, and those of a ninjs item
 * whose bytes are elsewhere.  Kept in the draft until forgotten or until a
 * picture of that file's name is added, each named as the person knows it
 * ("Picture 2", "sat-lo.jpg"): NULL when there are none. */
GStrv           byline_article_dup_missing_pictures    (BylineArticle   *self);
/* @source: the file's name as the person saw it, or NULL. */
void            byline_article_add_missing_picture     (BylineArticle   *self,
                                                        const char      *name,
                                                        const char      *source);
/* The same, with @place (or NULL): the paragraph that stands in the body
 * where the picture was, its caption kept as text.  A picture of that name
 * added later goes there, that text its caption
 * (byline_article_dup_missing_place()). */
void            byline_article_add_missing_picture_full (BylineArticle  *self,
                                                         const char     *name,
                                                         const char     *source,
                                                         const char     *place);
/* Adds @other's missing pictures to @self's: a piece of @other pasted in. */
void            byline_article_add_missing_pictures_of (BylineArticle   *self,
                                                        BylineArticle   *other);
/* Which missing picture a picture added by hand stands for: the first of
 * @filename (its name, or its linked file's, in any case), else, when
 * @paragraph is not NULL, the first whose place is that text (the person
 * put the cursor in a caption kept as text, and added a picture of any
 * name); -1 when none. */
int             byline_article_find_missing_picture    (BylineArticle   *self,
                                                        const char      *filename,
                                                        const char      *paragraph);
/* Missing picture @index's place, or NULL. */
char           *byline_article_dup_missing_place       (BylineArticle   *self,
                                                        int              index);
/* The address a document linked missing picture @index from (a file
 * beside it, a web address) instead of holding it, or NULL. */
char           *byline_article_dup_missing_link        (BylineArticle   *self,
                                                        int              index);
typedef struct _JsonNode JsonNode;  /* json-glib's */

/* @picture, as a draft's `pending_pictures` member holds it (see
 * byline_ninjs_dup_pending_pictures()), back in the list at @index: the
 * undo of byline_article_settle_missing_picture(). */
void            byline_article_put_back_missing_picture (BylineArticle  *self,
                                                         int             index,
                                                         JsonNode       *picture);
/* The paragraph of the body that is missing picture @index's place
 * (byline_body_find_paragraph()), or -1 when it has none or the text has it
 * no more. */
int             byline_article_find_missing_place      (BylineArticle   *self,
                                                        int              index);
/* Gives @image what is known of missing picture @index (a ninjs item's
 * caption and credit, a document's or page's description for readers who
 * cannot see it) where @image has none. */
void            byline_article_describe_as_missing     (BylineArticle   *self,
                                                        int              index,
                                                        BylineImage     *image);
/* Missing picture @index is missing no more: added by hand, or forgotten.
 * (Adding a picture of its name settles it by itself.) */
void            byline_article_settle_missing_picture  (BylineArticle   *self,
                                                        int              index);
/* The file they were to come from when all came from one, or NULL. */
char           *byline_article_dup_missing_source      (BylineArticle   *self);
/* The person added them by hand or does without: TRUE if there were any. */
gboolean        byline_article_forget_missing_pictures (BylineArticle   *self);

/* Counts for the status area and the drafts list. */
guint           byline_article_count_words        (BylineArticle   *self);

const char     *byline_status_to_string           (BylineStatus     status);
gboolean        byline_status_from_string         (const char      *str,
                                                   BylineStatus    *status);

G_END_DECLS
