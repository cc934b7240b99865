/* byline-wordpress-destination.h — a WordPress site through its REST API (docs/wordpress.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "byline-destination.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_WORDPRESS_DESTINATION (byline_wordpress_destination_get_type ())

G_DECLARE_FINAL_TYPE (BylineWordpressDestination, byline_wordpress_destination,
                      BYLINE, WORDPRESS_DESTINATION, BylineDestination)

/* @url: the site's address ("https://baotinh.example"; its REST API is under
 * /wp-json); @user: the login name; @application_password: a WordPress
 * Application Password (Users → Profile), kept in memory only.  Returns NULL
 * with BYLINE_ERROR_INVALID for an address that is not http(s) or no user. */
BylineDestination *byline_wordpress_destination_new              (const char  *name,
                                                                  const char  *url,
                                                                  const char  *user,
                                                                  const char  *application_password,
                                                                  GError     **error);
const char        *byline_wordpress_destination_get_url          (BylineWordpressDestination *self);
/* Pictures longer than this (px) are scaled down before upload; 0: never.
 * Default BYLINE_IMAGE_DEFAULT_MAX_EDGE (2048). */
guint              byline_wordpress_destination_get_max_image_edge (BylineWordpressDestination *self);
void               byline_wordpress_destination_set_max_image_edge (BylineWordpressDestination *self,
                                                                    guint                       max_edge);
/* The session every request goes through (its "timeout" may be changed
 * before the first request). */
SoupSession       *byline_wordpress_destination_get_session      (BylineWordpressDestination *self);

G_END_DECLS
