/* byline-document.h — one open draft: the article, its store and its save state
 *
 * The view-model every section of a window binds to (as SysprofSession is in
 * Sysprof): sections never talk to each other, they watch the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-app-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_DOCUMENT (byline_document_get_type ())

G_DECLARE_FINAL_TYPE (BylineDocument, byline_document, BYLINE, DOCUMENT, GObject)

/* What byline_document_remove_image() took away, for undo. */
typedef struct _BylineImageRemoval BylineImageRemoval;

BylineDocument   *byline_document_new                (BylineDraftStore *store,
                                                      BylineArticle    *article,
                                                      gboolean          saved);
BylineArticle    *byline_document_get_article        (BylineDocument   *self);
BylineDraftStore *byline_document_get_store          (BylineDocument   *self);
const char       *byline_document_get_id             (BylineDocument   *self);
/* The headline, or "Untitled Story". */
const char       *byline_document_get_title          (BylineDocument   *self);
BylineSaveState   byline_document_get_save_state     (BylineDocument   *self);
/* Why the last save failed, or NULL. */
const GError     *byline_document_get_save_error     (BylineDocument   *self);
/* TRUE for a new draft nobody has typed in yet: it may be replaced or dropped. */
gboolean          byline_document_is_pristine        (BylineDocument   *self);

void              byline_document_set_autosave_delay (BylineDocument   *self,
                                                      guint             delay_ms);
gboolean          byline_document_save               (BylineDocument   *self,
                                                      GError          **error);
/* Saves now if anything is unsaved. */
gboolean          byline_document_flush              (BylineDocument   *self,
                                                      GError          **error);
/* Flushes and stops autosaving: the document is done with. */
gboolean          byline_document_close              (BylineDocument   *self,
                                                      GError          **error);

/* Stops autosaving without saving: what is unsaved stays unsaved. */
void              byline_document_discard            (BylineDocument   *self);

/* Changes made to the article from outside its text (a checklist's fix, a
 * picture moved in the pictures panel) between these two are one step of
 * the text's undo, as an edit typed there is: the body view takes them
 * (::begin-edit, ::end-edit).  Without them, a change of the body from
 * elsewhere makes the text's undo forget its steps. */
void              byline_document_begin_edit         (BylineDocument   *self);
void              byline_document_end_edit           (BylineDocument   *self);
BylineImage      *byline_document_get_selected_image (BylineDocument   *self);
void              byline_document_set_selected_image (BylineDocument   *self,
                                                      BylineImage      *image);

/* Copies @file into the draft and adds it to the article; with @block_index
 * >= 0 also shows it in the body before that block (-1: at the end). */
BylineImage      *byline_document_import_image       (BylineDocument   *self,
                                                      GFile            *file,
                                                      int               block_index,
                                                      GError          **error);
/* A picture imported into the draft already (byline_draft_store_import_image()),
 * added to the article and shown in the body before @block_index (-1: at the end). */
void              byline_document_add_image          (BylineDocument   *self,
                                                      BylineImage      *image,
                                                      int               block_index);
/* Takes the picture and its figures away, as one step of the text's undo:
 * undoing it there, or undoing a figure's deletion after it, brings the
 * picture back with its figure. */
BylineImageRemoval *byline_document_remove_image     (BylineDocument   *self,
                                                      BylineImage      *image);
/* Puts the picture back where it was, in the list and in the body. Frees @removal. */
void              byline_document_undo_removal       (BylineDocument   *self,
                                                      BylineImageRemoval *removal);
void              byline_image_removal_free          (BylineImageRemoval *removal);
BylineImage      *byline_image_removal_get_image     (BylineImageRemoval *removal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineImageRemoval, byline_image_removal_free)

G_END_DECLS
