/* byline-folder-destination.h — sending to a folder: no server needed
 *
 * Each story is written as ninjs 2.2 with its pictures, in a folder named after
 * its status, so that an editor on the same machine or share takes it from there:
 *
 *   <folder>/<status>/<id>/item.json          the ninjs 2.2 item
 *   <folder>/<status>/<id>/media/<sha256>.<ext>  its pictures ("media/…" hrefs)
 *   <folder>/<status>/<id>/status.json        status, note, publish_at, updated, version
 *
 * <status> is draft, submitted, published, scheduled or returned; a story is in
 * one of them at a time.  Pictures are written before item.json, and every file
 * is written to a temporary name and renamed, so a reader that sees item.json
 * sees a whole story.  The default folder is $XDG_DATA_HOME/byline/newsroom.
 *
 * <folder>/.byline-newsroom marks the newsroom's folder.  Byline reads and
 * writes stories only in a folder so marked (or holding stories already): a
 * network drive's empty mount point, while the drive is not connected, is
 * not the newsroom's folder.  The default folder, or one the user has just
 * chosen (byline_folder_destination_set_chosen()), is made and marked by the
 * first check or send; any other folder missing is BYLINE_ERROR_NETWORK, to
 * be tried again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-destination.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_FOLDER_DESTINATION (byline_folder_destination_get_type ())

G_DECLARE_FINAL_TYPE (BylineFolderDestination, byline_folder_destination,
                      BYLINE, FOLDER_DESTINATION, BylineDestination)

/* @folder: any GIO location (a mounted share too); NULL: the default. */
BylineDestination *byline_folder_destination_new         (const char               *name,
                                                          GFile                    *folder);
GFile             *byline_folder_destination_get_folder  (BylineFolderDestination  *self);
/* @chosen: the user has just chosen this folder for the newsroom (setting up
 * its account): the next check makes it if need be and marks it. */
void               byline_folder_destination_set_chosen  (BylineFolderDestination  *self,
                                                          gboolean                  chosen);
/* A folder asks nobody: the role is the account's setting ("role" in
 * accounts.ini), reporter and editor by default.  Reported by check and
 * byline_destination_get_roles(). */
void               byline_folder_destination_set_roles   (BylineFolderDestination  *self,
                                                          BylineRoles               roles);

/* The ids of the stories with @status, sorted. */
GStrv              byline_folder_destination_list        (BylineFolderDestination  *self,
                                                          BylineStatus              status,
                                                          GError                  **error);
/* The folder holding story @id, and its status; NULL when there is none. */
GFile             *byline_folder_destination_find        (BylineFolderDestination  *self,
                                                          const char               *id,
                                                          BylineStatus             *status);

G_END_DECLS
