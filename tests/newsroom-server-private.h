/* newsroom-server-private.h — what the server's storage and its handlers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "newsroom-server.h"

G_BEGIN_DECLS

#define NEWSROOM_ITEM_LIMIT (4 * 1024 * 1024)

typedef struct
{
  char  *token;
  char  *user;
  char  *name;
  GStrv  roles;
} NewsroomUser;

typedef struct
{
  char   *id;
  char   *status;
  char   *note;
  char   *publish_at;
  char   *updated;
  gint64  updated_usec;
  char   *updated_by;
  char   *etag;
  char   *headline;
  char   *submitted;      /* when it was last submitted, by whom */
  char   *submitted_by;
} NewsroomItem;

typedef struct
{
  char        *method;
  char        *prefix;
  BylineFault  fault;
  guint        status;
  guint        retry_after;
  goffset      after_bytes;
  guint        times;
} NewsroomFault;

struct _BylineNewsroomServer
{
  GObject     parent_instance;

  GFile      *folder;
  char       *path;
  SoupServer *soup;
  char       *url;
  goffset     asset_limit;

  GPtrArray  *users;       /* NewsroomUser */
  GPtrArray  *categories;  /* JsonObject {id, name} */
  GHashTable *items;       /* id → NewsroomItem */
  GPtrArray  *faults;      /* NewsroomFault */
  GPtrArray  *seen;        /* "METHOD path": every request, answered or not */
  GPtrArray  *log;         /* "METHOD path status": every answer (0: none) */
  GPtrArray  *hung;        /* SoupServerMessage */
};

/* newsroom-server.c */
NewsroomUser  *_newsroom_authenticate    (BylineNewsroomServer *self,
                                          SoupServerMessage    *msg);
gboolean       _newsroom_user_has_role   (NewsroomUser         *user,
                                          const char           *role);
NewsroomFault *_newsroom_take_fault      (BylineNewsroomServer *self,
                                          SoupServerMessage    *msg);
void           _newsroom_log_seen        (BylineNewsroomServer *self,
                                          SoupServerMessage    *msg);
char          *_newsroom_data_path       (BylineNewsroomServer *self,
                                          const char           *first,
                                          ...) G_GNUC_NULL_TERMINATED;
gboolean       _newsroom_save_item_meta  (BylineNewsroomServer *self,
                                          NewsroomItem         *item,
                                          GError              **error);
void           _newsroom_item_free       (NewsroomItem         *item);
JsonNode      *_newsroom_item_status_json (NewsroomItem        *item);

void           _newsroom_set_json        (SoupServerMessage    *msg,
                                          guint                 status,
                                          JsonNode             *node);
/* Answers an application/problem+json; @extra (may be NULL) adds members. */
void           _newsroom_set_problem     (SoupServerMessage    *msg,
                                          guint                 status,
                                          const char           *type,
                                          const char           *detail,
                                          JsonObject           *extra);
char          *_newsroom_now_iso8601     (gint64               *usec);

/* newsroom-server-handlers.c */
void           _newsroom_install_handlers (BylineNewsroomServer *self);
gboolean       _newsroom_is_sha256        (const char           *str);

G_END_DECLS
