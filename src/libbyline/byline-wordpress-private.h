/* byline-wordpress-private.h — the WordPress destination's parts
 *
 * Every request here is synchronous: a send runs in a worker thread, one
 * step after the other (libsoup ≥ 3.2 sends from any thread).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-article.h"
#include "byline-review.h"
#include "byline-wordpress-destination.h"

G_BEGIN_DECLS

struct _BylineWordpressDestination
{
  BylineDestination  parent_instance;

  char              *url;       /* the site, without a trailing slash */
  char              *user;
  char              *password;
  SoupSession       *session;
  guint              max_image_edge;
};

/* Who the account is: /wp/v2/users/me?context=edit. */
typedef struct
{
  gint64   id;
  char    *username;
  char    *name;
  char    *role;          /* the first WordPress role: "author", "editor", … */
  gboolean can_upload;    /* upload_files */
  gboolean can_publish;   /* publish_posts */
  gboolean can_edit_others; /* edit_others_posts: an editor */
} BylineWordpressMe;

/* Post meta registered by the Byline plugin (data/wordpress/byline-review.php):
 * the editor's note (edit context only, never published), whether the story
 * was returned to its reporter (status "draft" then), the id of the draft
 * the post came from, and the dateline, which the post's content has not. */
#define BYLINE_WORDPRESS_META_NOTE     "byline_note"
#define BYLINE_WORDPRESS_META_RETURNED "byline_returned"
#define BYLINE_WORDPRESS_META_ID       "byline_id"
#define BYLINE_WORDPRESS_META_DATELINE "byline_dateline"

void               _byline_wordpress_me_free      (BylineWordpressMe *me);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineWordpressMe, _byline_wordpress_me_free)

/* -------------------------------------------------- byline-wordpress-send.c */

/* The send of byline_destination_send_async(). */
void               _byline_wordpress_send_story_async  (BylineWordpressDestination *self,
                                                        BylineArticle              *article,
                                                        const BylineSendOptions    *options,
                                                        GCancellable               *cancellable,
                                                        GAsyncReadyCallback         callback,
                                                        gpointer                    user_data);
gboolean           _byline_wordpress_send_story_finish (BylineWordpressDestination *self,
                                                        GAsyncResult               *result,
                                                        BylineSendReceipt         **receipt,
                                                        GError                    **error);
/* "draft", "pending", "publish" or "future". */
const char        *_byline_wordpress_status_name  (BylineStatus                 status);
/* "2025-08-10T23:30:00": @when in UTC, as date_gmt takes it. */
char              *_byline_wordpress_format_gmt   (GDateTime                   *when);

/* ------------------------------------------------ byline-wordpress-client.c */

/* An authorized request to @path under /wp-json ("/wp/v2/posts?…"). */
SoupMessage       *_byline_wordpress_message      (BylineWordpressDestination  *self,
                                                   const char                  *method,
                                                   const char                  *path);
/* Sends @msg and parses its JSON answer.  A transport failure or an answer
 * >= 300 fails with a BYLINE_ERROR; a 403 then says @forbidden when given. */
JsonNode          *_byline_wordpress_send         (BylineWordpressDestination  *self,
                                                   SoupMessage                 *msg,
                                                   const char                  *forbidden,
                                                   GCancellable                *cancellable,
                                                   GError                     **error);
/* GET, or with @body a POST of that JSON object. */
JsonNode          *_byline_wordpress_call         (BylineWordpressDestination  *self,
                                                   const char                  *method,
                                                   const char                  *path,
                                                   JsonNode                    *body,
                                                   const char                  *forbidden,
                                                   GCancellable                *cancellable,
                                                   GError                     **error);
BylineWordpressMe *_byline_wordpress_get_me       (BylineWordpressDestination  *self,
                                                   GCancellable                *cancellable,
                                                   GError                     **error);
/* The id of the category named @name; BYLINE_ERROR_INVALID naming those
 * there are when WordPress has none of that name. */
gint64             _byline_wordpress_find_category (BylineWordpressDestination *self,
                                                   const char                  *name,
                                                   GCancellable                *cancellable,
                                                   GError                     **error);
/* The id of the tag named @name, created when missing. */
gint64             _byline_wordpress_ensure_tag   (BylineWordpressDestination  *self,
                                                   const char                  *name,
                                                   const char                  *role,
                                                   GCancellable                *cancellable,
                                                   GError                     **error);
/* "&amp;" → "&": names as WordPress gives them back are HTML. */
char              *_byline_wordpress_unescape     (const char                  *html);
/* & < > as entities: what WordPress keeps as it is, even through its filters. */
char              *_byline_wordpress_escape       (const char                  *text);

/* ------------------------------------------------- byline-wordpress-media.c */

typedef struct
{
  gint64  id;
  char   *source_url;
  gboolean uploaded;      /* FALSE: it was there already */
} BylineWordpressMedia;

void               _byline_wordpress_media_free   (BylineWordpressMedia *media);

typedef void (*BylineWordpressProgress) (goffset   sent,
                                         gpointer  user_data);

/* The picture @file (SHA-256 @sha256) in the media library, with @caption
 * and @alt_text: found by its name when this account uploaded it before,
 * uploaded otherwise. */
BylineWordpressMedia *_byline_wordpress_media_ensure (BylineWordpressDestination *self,
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
                                                   GError                     **error);
/* "Ảnh hội nghị.JPG", "…" → "anh-hoi-nghi-<16 hex>.jpg": ASCII only, since
 * WordPress refuses filename*=. */
char              *_byline_wordpress_media_filename (const char                *original,
                                                   const char                  *sha256,
                                                   const char                  *media_type);

/* ----------------------------------------------- byline-wordpress-content.c */

/* The post's content: the body as block-editor HTML, each picture an image
 * block with its caption.  @media maps a BylineImage id to its
 * BylineWordpressMedia. */
char              *_byline_wordpress_content      (BylineArticle               *article,
                                                   GHashTable                  *media);
/* The caption and credit of @image as the HTML of a <figcaption>. */
char              *_byline_wordpress_caption_html (BylineImage                 *image);
/* The slug that names this draft's post whatever its headline becomes
 * later: "<headline slug>-<first 8 of the draft id>". */
char              *_byline_wordpress_slug         (BylineArticle               *article);

/* What a post holds, as far as Byline writes it: title, content, excerpt and
 * status, and with @full its featured picture, categories and tags (raw, as
 * context=edit gives them, or as a request body has them).  A SHA-256, equal
 * for what is sent and what arrives. */
char              *_byline_wordpress_fingerprint  (JsonObject                  *post,
                                                   gboolean                     full);

/* The latest revision's id ("0": none, "-": not readable by this role). */
char              *_byline_wordpress_latest_revision (BylineWordpressDestination *self,
                                                   gint64                       id,
                                                   GCancellable                *cancellable,
                                                   GError                     **error);
/* "modified:… revision:… sha256:… text:… slug:…" of @post (context=edit). */
char              *_byline_wordpress_version_of   (JsonObject                  *post,
                                                   const char                  *revision,
                                                   const char                  *slug);

/* ------------------------------------------------ byline-wordpress-review.c */

/* Whether the site keeps Byline's post meta (the plugin is there). */
gboolean           _byline_wordpress_post_has_byline_meta (JsonObject         *post);
void               _byline_wordpress_review_iface_init (BylineReviewSourceInterface *iface);

/* A version string: "key:value" pairs separated by spaces. */
char              *_byline_wordpress_version_get  (const char                  *version,
                                                   const char                  *key);

G_END_DECLS
