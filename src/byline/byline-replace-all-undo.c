/* byline-replace-all-undo.c
 *
 * What Replace All changed: the story before and after.  Undo puts back
 * each text that is still as Replace All left it, and takes back the body's
 * step if the body is still as it left it: an edit made since is not undone.
 * Redo does the same the other way.  Shared by the toast's Undo and the
 * find bar's Ctrl+Z (a reference each), so that it is done once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-body.h"
#include "byline-replace-all-undo.h"

struct _BylineReplaceAllUndo
{
  BylineArticle    *article;
  BylineArticle    *before;
  BylineArticle    *after;
  BylineBodyBuffer *body;     /* when the body had matches */
  AdwToast         *toast;    /* weak */
  gboolean          done;
};

BylineReplaceAllUndo *
byline_replace_all_undo_new (BylineArticle    *article,
                             BylineArticle    *before,
                             BylineBodyBuffer *body)
{
  BylineReplaceAllUndo *self;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (before), NULL);
  g_return_val_if_fail (body == NULL || BYLINE_IS_BODY_BUFFER (body), NULL);

  self = g_rc_box_new0 (BylineReplaceAllUndo);
  self->article = g_object_ref (article);
  self->before = g_object_ref (before);
  self->after = byline_article_copy (article);
  self->body = body != NULL ? g_object_ref (body) : NULL;
  return self;
}

BylineReplaceAllUndo *
byline_replace_all_undo_ref (BylineReplaceAllUndo *self)
{
  return g_rc_box_acquire (self);
}

static void
clear (gpointer data)
{
  BylineReplaceAllUndo *self = data;

  g_clear_object (&self->article);
  g_clear_object (&self->before);
  g_clear_object (&self->after);
  g_clear_object (&self->body);
  g_clear_weak_pointer (&self->toast);
}

void
byline_replace_all_undo_unref (BylineReplaceAllUndo *self)
{
  g_rc_box_release_full (self, clear);
}

/* The toast's handler's data, released with the handler. */
static void
closure_notify (gpointer  data,
                GClosure *closure)
{
  byline_replace_all_undo_unref (data);
}

static void
on_toast_undo (AdwToast             *toast,
               BylineReplaceAllUndo *self)
{
  byline_replace_all_undo_undo (self);
}

void
byline_replace_all_undo_set_toast (BylineReplaceAllUndo *self,
                                   AdwToast             *toast)
{
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_set_weak_pointer (&self->toast, toast);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_undo),
                         byline_replace_all_undo_ref (self), closure_notify, 0);
}

gboolean
byline_replace_all_undo_is_done (BylineReplaceAllUndo *self)
{
  return self->done;
}

void
byline_replace_all_undo_undo (BylineReplaceAllUndo *self)
{
  if (self->done)
    return;
  self->done = TRUE;
  if (self->body != NULL
      && byline_body_equal (byline_article_get_body (self->article), byline_article_get_body (self->after)))
    byline_body_buffer_undo (self->body);
  byline_article_restore_texts (self->article, self->before, self->after);
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
}

void
byline_replace_all_undo_redo (BylineReplaceAllUndo *self)
{
  if (!self->done)
    return;
  self->done = FALSE;
  if (self->body != NULL
      && byline_body_equal (byline_article_get_body (self->article), byline_article_get_body (self->before)))
    byline_body_buffer_redo (self->body);
  byline_article_restore_texts (self->article, self->after, self->before);
}
