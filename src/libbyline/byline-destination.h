/* byline-destination.h — somewhere a story is sent: a folder, our Newsroom API, WordPress
 *
 * A destination turns an article into the destination's form and sends it with
 * its pictures, then sets its workflow status there.  Every operation is
 * asynchronous and cancellable; failures are BYLINE_ERROR codes the outbox
 * sorts into "retry later" (NETWORK, SERVER) and "tell the user" (the rest).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-types.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_DESTINATION_CAN_SUBMIT        = 1 << 0,
  BYLINE_DESTINATION_CAN_PUBLISH       = 1 << 1,
  BYLINE_DESTINATION_CAN_SCHEDULE      = 1 << 2,
  BYLINE_DESTINATION_CAN_RETURN        = 1 << 3,
  /* Refuses to write over a version changed by someone else (BYLINE_ERROR_CONFLICT). */
  BYLINE_DESTINATION_DETECTS_CONFLICTS = 1 << 4,
  /* Needs a network connection: the outbox holds its jobs while offline. */
  BYLINE_DESTINATION_NEEDS_NETWORK     = 1 << 5,
  /* Lists items by status for the editors' review queue. */
  BYLINE_DESTINATION_HAS_REVIEW_QUEUE  = 1 << 6,
} BylineDestinationCapabilities;

typedef enum
{
  BYLINE_ROLE_NONE     = 0,
  BYLINE_ROLE_REPORTER = 1 << 0,
  BYLINE_ROLE_EDITOR   = 1 << 1,
} BylineRoles;

/* Who the account is at the destination: "Test connection". */
typedef struct
{
  char        *user;
  char        *display_name;
  BylineRoles  roles;
  char        *role_name;     /* the destination's own name for it ("author"); may be NULL */
} BylineIdentity;

void            byline_identity_free        (BylineIdentity *identity);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineIdentity, byline_identity_free)
/* "reporter", "editor", "reporter, editor" or "no role" */
char           *byline_roles_to_string      (BylineRoles     roles);

/* What arrived where, after a successful send. */
typedef struct
{
  char         *remote_id;
  char         *remote_version;   /* an opaque version (an ETag); NULL if none */
  char         *url;              /* where a person can see it; may be NULL */
  BylineStatus  status;
  gboolean      created;          /* TRUE when this send created the item */
  guint         assets_uploaded;  /* pictures sent; those already there are skipped */
} BylineSendReceipt;

void            byline_send_receipt_free    (BylineSendReceipt *receipt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineSendReceipt, byline_send_receipt_free)

/* Called on the main context while bytes go out: @sent of @total for the whole send. */
typedef void (*BylineSendProgressFunc)  (goffset      sent,
                                         goffset      total,
                                         gpointer     user_data);
/* Called right before the item itself is written, with the version the
 * destination will hold if the write lands.  The outbox records it on disk
 * first: when the answer is lost, a later retry recognizes its own write
 * instead of reporting a conflict or creating a second item. */
typedef void (*BylineSendWillWriteFunc) (const char  *version,
                                         gpointer     user_data);

typedef struct
{
  /* DRAFT saves the item only; SUBMITTED, PUBLISHED, SCHEDULED and RETURNED
   * also set the workflow status. */
  BylineStatus              status;
  const char               *note;        /* for the editor; may be NULL */
  GDateTime                *publish_at;  /* SCHEDULED: when; may be NULL otherwise */
  /* Versions earlier attempts of the same send may have written (NULL-terminated). */
  const char * const       *written_versions;
  BylineSendProgressFunc    progress;
  BylineSendWillWriteFunc   will_write;
  gpointer                  user_data;
} BylineSendOptions;

#define BYLINE_TYPE_DESTINATION (byline_destination_get_type ())

G_DECLARE_DERIVABLE_TYPE (BylineDestination, byline_destination, BYLINE, DESTINATION, GObject)

struct _BylineDestinationClass
{
  GObjectClass parent_class;

  BylineDestinationCapabilities (*get_capabilities) (BylineDestination    *self);

  void               (*check_async)      (BylineDestination        *self,
                                          GCancellable             *cancellable,
                                          GAsyncReadyCallback       callback,
                                          gpointer                  user_data);
  BylineIdentity    *(*check_finish)     (BylineDestination        *self,
                                          GAsyncResult             *result,
                                          GError                  **error);
  /* @article is only read before the vfunc returns: implementations take
   * what they need (the exported item, the picture files) synchronously. */
  void               (*send_async)       (BylineDestination        *self,
                                          BylineArticle            *article,
                                          const BylineSendOptions  *options,
                                          GCancellable             *cancellable,
                                          GAsyncReadyCallback       callback,
                                          gpointer                  user_data);
  gboolean           (*send_finish)      (BylineDestination        *self,
                                          GAsyncResult             *result,
                                          BylineSendReceipt       **receipt,
                                          GError                  **error);
  void               (*set_status_async) (BylineDestination        *self,
                                          const char               *remote_id,
                                          BylineStatus              status,
                                          const char               *note,
                                          GDateTime                *publish_at,
                                          GCancellable             *cancellable,
                                          GAsyncReadyCallback       callback,
                                          gpointer                  user_data);
  gboolean           (*set_status_finish) (BylineDestination       *self,
                                          GAsyncResult             *result,
                                          GError                  **error);

  gpointer padding[8];
};

/* The account name: the key of the article's remote state for this destination. */
const char                    *byline_destination_get_name         (BylineDestination *self);
BylineDestinationCapabilities  byline_destination_get_capabilities (BylineDestination *self);
/* The roles learned by the last successful check; BYLINE_ROLE_NONE before. */
BylineRoles                    byline_destination_get_roles        (BylineDestination *self);
/* Monotonic time (g_get_monotonic_time) before which the destination asked not
 * to be sent anything (Retry-After); 0 when it did not. */
gint64                         byline_destination_get_not_before   (BylineDestination *self);

void               byline_destination_check_async       (BylineDestination        *self,
                                                         GCancellable             *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
BylineIdentity    *byline_destination_check_finish      (BylineDestination        *self,
                                                         GAsyncResult             *result,
                                                         GError                  **error);
/* Sends @article (its exported item and its pictures) and sets the status in
 * @options.  Fails with BYLINE_ERROR_INVALID, touching nothing, when the
 * destination cannot take that status. */
void               byline_destination_send_async        (BylineDestination        *self,
                                                         BylineArticle            *article,
                                                         const BylineSendOptions  *options,
                                                         GCancellable             *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
/* @receipt (may be NULL) is set on success, and on BYLINE_ERROR_CONFLICT, where
 * its remote_version is the version the destination holds now. */
gboolean           byline_destination_send_finish       (BylineDestination        *self,
                                                         GAsyncResult             *result,
                                                         BylineSendReceipt       **receipt,
                                                         GError                  **error);
void               byline_destination_set_status_async  (BylineDestination        *self,
                                                         const char               *remote_id,
                                                         BylineStatus              status,
                                                         const char               *note,
                                                         GDateTime                *publish_at,
                                                         GCancellable             *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
gboolean           byline_destination_set_status_finish (BylineDestination        *self,
                                                         GAsyncResult             *result,
                                                         GError                  **error);

/* TRUE for the failures worth retrying later by themselves: NETWORK and SERVER. */
gboolean           byline_destination_error_is_transient (const GError            *error);

G_END_DECLS
