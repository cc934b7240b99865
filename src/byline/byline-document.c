/* byline-document.c
 *
 * The article is the truth; the document only adds what a window needs to
 * know about it: whether it is on disk, which picture is selected, and the
 * operations that touch both the article and the store (importing a picture,
 * removing one with undo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-document.h"
#include "byline-widget-util.h"

#define DEFAULT_AUTOSAVE_DELAY_MS 2000

struct _BylineDocument
{
  GObject           parent_instance;

  BylineDraftStore *store;
  BylineArticle    *article;
  BylineImage      *selected_image;
  GError           *save_error;
  char             *title;
  BylineSaveState   save_state;
  guint             autosave_delay;
  gboolean          saved_at_start;
  gboolean          closed;
  guint             retry_source;  /* saving again after a failure */
  /* id → BylineImageRemoval: the pictures removed, which an undo of the
   * text may bring back with their figures */
  GHashTable       *removed;
  /* id → BylineImageRemoval: the pictures an undo brought back, which
   * leave again with their figures (the redo of the removal) */
  GHashTable       *brought_back;
};

struct _BylineImageRemoval
{
  BylineImage *image;
  guint        position;  /* in the article's list */
  GArray      *blocks;    /* guint: indexes of the image blocks, ascending */
};

G_DEFINE_FINAL_TYPE (BylineDocument, byline_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ARTICLE,
  PROP_SAVED,
  PROP_TITLE,
  PROP_SAVE_STATE,
  PROP_SELECTED_IMAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  BEGIN_EDIT,
  END_EDIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SAVE_RETRY_DELAY_S 10

static gboolean
retry_save (gpointer data)
{
  BylineDocument *self = data;

  /* A full disk, a folder made read-only, a drive gone: the store saves
   * again at the next change, but a reporter who stopped typing when the
   * window said "Not saved" needs no change for it to be saved once the
   * disk has room again. */
  if (!self->closed && self->save_state == BYLINE_SAVE_STATE_FAILED)
    byline_document_save (self, NULL);
  if (self->save_state == BYLINE_SAVE_STATE_FAILED && !self->closed)
    return G_SOURCE_CONTINUE;
  self->retry_source = 0;
  return G_SOURCE_REMOVE;
}

static void
set_save_state (BylineDocument  *self,
                BylineSaveState  state,
                const GError    *error)
{
  gboolean changed = self->save_state != state;

  if (error != NULL || self->save_error != NULL)
    {
      g_clear_error (&self->save_error);
      if (error != NULL)
        self->save_error = g_error_copy (error);
      changed = TRUE;
    }
  self->save_state = state;
  /* Tried again by itself, but for a conflict: that needs the person. */
  if (state == BYLINE_SAVE_STATE_FAILED && self->retry_source == 0 && !self->closed
      && !g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT))
    self->retry_source = g_timeout_add_seconds (byline_env_get_seconds ("BYLINE_SAVE_RETRY_DELAY", 1, SAVE_RETRY_DELAY_S),
                                                retry_save, self);
  else if (state != BYLINE_SAVE_STATE_FAILED || g_error_matches (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT))
    g_clear_handle_id (&self->retry_source, g_source_remove);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_STATE]);
}

static void
update_title (BylineDocument *self)
{
  const char *headline = byline_article_get_headline (self->article);
  const char *title = byline_text_is_blank (headline) ? _("Untitled Story") : headline;

  if (g_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
on_article_changed (BylineDocument *self,
                    BylineArticle  *article)
{
  if (self->closed)
    return;
  /* A failed save stays failed (and visible) until a save succeeds. */
  if (self->save_state != BYLINE_SAVE_STATE_FAILED
      && byline_draft_store_is_dirty (self->store, self->article))
    set_save_state (self, BYLINE_SAVE_STATE_UNSAVED, NULL);
}

static void
on_store_saved (BylineDocument *self,
                BylineArticle  *article)
{
  if (article == self->article)
    set_save_state (self, BYLINE_SAVE_STATE_SAVED, NULL);
}

static void
on_autosave_failed (BylineDocument *self,
                    BylineArticle  *article,
                    const GError   *error)
{
  if (article != self->article)
    return;
  /* The store tries again at each change: once in the log is enough for
   * the same reason (the window shows it meanwhile). */
  if (self->save_state != BYLINE_SAVE_STATE_FAILED || self->save_error == NULL
      || g_strcmp0 (self->save_error->message, error->message) != 0)
    g_warning ("Autosave of draft %s failed: %s", byline_article_get_id (article), error->message);
  else
    g_debug ("Autosave of draft %s failed again: %s", byline_article_get_id (article), error->message);
  set_save_state (self, BYLINE_SAVE_STATE_FAILED, error);
}

static void
on_images_changed (BylineDocument *self,
                   guint           position,
                   guint           removed,
                   guint           added,
                   GListModel     *images)
{
  /* A selected picture that left the article is no longer selected. */
  if (self->selected_image != NULL
      && byline_article_find_image (self->article,
                                    byline_image_get_id (self->selected_image)) == NULL)
    byline_document_set_selected_image (self, NULL);
}

/* A figure back in the text whose picture was removed (the text's undo of
 * the removal, or of the figure's deletion before the picture was
 * removed): the picture comes back with it, as it was. */
static void
bring_back_pictures (BylineDocument *self,
                     guint           position,
                     guint           added)
{
  BylineBody *body = byline_article_get_body (self->article);

  for (guint i = position; i < position + added && g_hash_table_size (self->removed) > 0; i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);
      const char *id = byline_block_get_image_id (block);
      BylineImageRemoval *removed;

      if (byline_block_get_kind (block) != BYLINE_BLOCK_IMAGE
          || (removed = g_hash_table_lookup (self->removed, id)) == NULL)
        continue;
      if (byline_article_find_image (self->article, id) == NULL)
        byline_article_insert_image (self->article,
                                     MIN (removed->position, byline_article_get_n_images (self->article)),
                                     removed->image);
      g_hash_table_steal (self->removed, id);
      g_hash_table_replace (self->brought_back, g_strdup (id), removed);
    }
}

static guint
image_position (BylineArticle *article,
                BylineImage   *image)
{
  guint n = byline_article_get_n_images (article);

  for (guint i = 0; i < n; i++)
    if (byline_article_get_image (article, i) == image)
      return i;
  return n;
}

/* A picture an undo brought back whose figures left the text again (the
 * text's redo of its removal) leaves the article again, as the removal
 * left it, instead of staying in the panel with no place in the text. */
static void
take_away_pictures (BylineDocument *self)
{
  BylineBody *body = byline_article_get_body (self->article);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->brought_back);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      BylineImageRemoval *removal = value;

      if (byline_body_find_image (body, key) >= 0)
        continue;
      g_hash_table_iter_steal (&iter);
      if (byline_article_find_image (self->article, key) != NULL)
        {
          removal->position = image_position (self->article, removal->image);
          byline_article_remove_image (self->article, removal->image);
        }
      g_hash_table_replace (self->removed, key, removal);
    }
}

static void
on_blocks_changed (BylineDocument *self,
                   guint           position,
                   guint           removed,
                   guint           added)
{
  if (removed > 0 && g_hash_table_size (self->brought_back) > 0)
    take_away_pictures (self);
  bring_back_pictures (self, position, added);
  byline_article_sort_images_by_body (self->article);
}

static void
byline_document_constructed (GObject *object)
{
  BylineDocument *self = BYLINE_DOCUMENT (object);

  G_OBJECT_CLASS (byline_document_parent_class)->constructed (object);

  g_assert (BYLINE_IS_DRAFT_STORE (self->store));
  g_assert (BYLINE_IS_ARTICLE (self->article));

  self->save_state = self->saved_at_start ? BYLINE_SAVE_STATE_SAVED : BYLINE_SAVE_STATE_NEW;

  /* A draft saved before the pictures followed the text lists them as they
   * came: put in the text's order before the store watches, so that merely
   * opening it changes nothing on disk (the next save keeps the order). */
  byline_article_sort_images_by_body (self->article);

  /* The store connects first, so that it knows the article is dirty when we look. */
  byline_draft_store_watch (self->store, self->article, self->autosave_delay);
  g_signal_connect_object (self->article, "changed",
                           G_CALLBACK (on_article_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article, "notify::headline",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (byline_article_get_images (self->article), "items-changed",
                           G_CALLBACK (on_images_changed), self, G_CONNECT_SWAPPED);
  /* The caption panel lists the pictures as the text shows them: a figure
   * typed, pasted or undone elsewhere moves its row. */
  g_signal_connect_object (byline_article_get_body (self->article), "blocks-changed",
                           G_CALLBACK (on_blocks_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "saved",
                           G_CALLBACK (on_store_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "autosave-failed",
                           G_CALLBACK (on_autosave_failed), self, G_CONNECT_SWAPPED);
  update_title (self);
}

static void
byline_document_dispose (GObject *object)
{
  BylineDocument *self = BYLINE_DOCUMENT (object);

  if (!self->closed && self->store != NULL && self->article != NULL)
    byline_draft_store_unwatch (self->store, self->article);
  self->closed = TRUE;
  g_clear_handle_id (&self->retry_source, g_source_remove);

  g_clear_object (&self->selected_image);

  G_OBJECT_CLASS (byline_document_parent_class)->dispose (object);
}

static void
byline_document_finalize (GObject *object)
{
  BylineDocument *self = BYLINE_DOCUMENT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->article);
  g_clear_error (&self->save_error);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->removed, g_hash_table_unref);
  g_clear_pointer (&self->brought_back, g_hash_table_unref);

  G_OBJECT_CLASS (byline_document_parent_class)->finalize (object);
}

static void
byline_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BylineDocument *self = BYLINE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_ARTICLE: g_value_set_object (value, self->article); break;
    case PROP_SAVED: g_value_set_boolean (value, self->saved_at_start); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_SAVE_STATE: g_value_set_uint (value, self->save_state); break;
    case PROP_SELECTED_IMAGE: g_value_set_object (value, self->selected_image); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_document_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BylineDocument *self = BYLINE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_ARTICLE: self->article = g_value_dup_object (value); break;
    case PROP_SAVED: self->saved_at_start = g_value_get_boolean (value); break;
    case PROP_SELECTED_IMAGE: byline_document_set_selected_image (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_document_class_init (BylineDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = byline_document_constructed;
  object_class->dispose = byline_document_dispose;
  object_class->finalize = byline_document_finalize;
  object_class->get_property = byline_document_get_property;
  object_class->set_property = byline_document_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BYLINE_TYPE_DRAFT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, BYLINE_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVED] =
    g_param_spec_boolean ("saved", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* A BylineSaveState. */
  properties[PROP_SAVE_STATE] =
    g_param_spec_uint ("save-state", NULL, NULL, 0, BYLINE_SAVE_STATE_FAILED, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_IMAGE] =
    g_param_spec_object ("selected-image", NULL, NULL, BYLINE_TYPE_IMAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[BEGIN_EDIT] =
    g_signal_new ("begin-edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[END_EDIT] =
    g_signal_new ("end-edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
byline_document_init (BylineDocument *self)
{
  self->autosave_delay = DEFAULT_AUTOSAVE_DELAY_MS;
  self->removed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) byline_image_removal_free);
  self->brought_back = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) byline_image_removal_free);
}

BylineDocument *
byline_document_new (BylineDraftStore *store,
                     BylineArticle    *article,
                     gboolean          saved)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  return g_object_new (BYLINE_TYPE_DOCUMENT,
                       "store", store,
                       "article", article,
                       "saved", saved,
                       NULL);
}

BylineArticle *
byline_document_get_article (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  return self->article;
}

BylineDraftStore *
byline_document_get_store (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  return self->store;
}

const char *
byline_document_get_id (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  return byline_article_get_id (self->article);
}

const char *
byline_document_get_title (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  return self->title;
}

BylineSaveState
byline_document_get_save_state (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), BYLINE_SAVE_STATE_NEW);
  return self->save_state;
}

const GError *
byline_document_get_save_error (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  return self->save_error;
}

gboolean
byline_document_is_pristine (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);
  return self->save_state == BYLINE_SAVE_STATE_NEW;
}

void
byline_document_set_autosave_delay (BylineDocument *self,
                                    guint           delay_ms)
{
  g_return_if_fail (BYLINE_IS_DOCUMENT (self));

  self->autosave_delay = delay_ms;
  if (!self->closed)
    byline_draft_store_watch (self->store, self->article, delay_ms);
}

gboolean
byline_document_save (BylineDocument  *self,
                      GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);

  if (!byline_draft_store_save (self->store, self->article, &local_error))
    {
      set_save_state (self, BYLINE_SAVE_STATE_FAILED, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* ::saved has set the state already. */
  return TRUE;
}

gboolean
byline_document_flush (BylineDocument  *self,
                       GError         **error)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);

  switch (self->save_state)
    {
    case BYLINE_SAVE_STATE_NEW:
      return TRUE;
    case BYLINE_SAVE_STATE_FAILED:
      return byline_document_save (self, error);
    case BYLINE_SAVE_STATE_SAVED:
    case BYLINE_SAVE_STATE_UNSAVED:
    default:
      if (!byline_draft_store_is_dirty (self->store, self->article))
        return TRUE;
      return byline_document_save (self, error);
    }
}

gboolean
byline_document_close (BylineDocument  *self,
                       GError         **error)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);

  if (self->closed)
    return TRUE;
  if (!byline_document_flush (self, error))
    return FALSE;
  byline_draft_store_unwatch (self->store, self->article);
  self->closed = TRUE;
  return TRUE;
}

void
byline_document_discard (BylineDocument *self)
{
  g_return_if_fail (BYLINE_IS_DOCUMENT (self));

  if (self->closed)
    return;
  byline_draft_store_unwatch (self->store, self->article);
  self->closed = TRUE;
}

void
byline_document_begin_edit (BylineDocument *self)
{
  g_return_if_fail (BYLINE_IS_DOCUMENT (self));
  g_signal_emit (self, signals[BEGIN_EDIT], 0);
}

void
byline_document_end_edit (BylineDocument *self)
{
  g_return_if_fail (BYLINE_IS_DOCUMENT (self));
  g_signal_emit (self, signals[END_EDIT], 0);
}

BylineImage *
byline_document_get_selected_image (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  return self->selected_image;
}

void
byline_document_set_selected_image (BylineDocument *self,
                                    BylineImage    *image)
{
  g_return_if_fail (BYLINE_IS_DOCUMENT (self));
  g_return_if_fail (image == NULL || BYLINE_IS_IMAGE (image));

  if (g_set_object (&self->selected_image, image))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_IMAGE]);
}

BylineImage *
byline_document_import_image (BylineDocument  *self,
                              GFile           *file,
                              int              block_index,
                              GError         **error)
{
  g_autoptr(BylineImage) image = NULL;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  image = byline_draft_store_import_image (self->store, self->article, file, error);
  if (image == NULL)
    return NULL;
  byline_document_add_image (self, image, block_index);
  return image;
}

void
byline_document_add_image (BylineDocument *self,
                           BylineImage    *image,
                           int             block_index)
{
  BylineBody *body;

  g_return_if_fail (BYLINE_IS_DOCUMENT (self));
  g_return_if_fail (BYLINE_IS_IMAGE (image));

  byline_article_add_image (self->article, image);
  body = byline_article_get_body (self->article);
  if (block_index < 0 || (guint) block_index > byline_body_get_n_blocks (body))
    block_index = byline_body_get_n_blocks (body);
  byline_body_insert_image (body, block_index, byline_image_get_id (image));

  /* The first picture of a story is its featured one until someone says otherwise. */
  if (byline_article_get_featured_image (self->article) == NULL)
    byline_image_set_featured (image, TRUE);
}

static BylineImageRemoval *
removal_new (BylineImage *image,
             guint        position)
{
  BylineImageRemoval *removal = g_new0 (BylineImageRemoval, 1);

  removal->image = g_object_ref (image);
  removal->position = position;
  removal->blocks = g_array_new (FALSE, FALSE, sizeof (guint));
  return removal;
}

BylineImageRemoval *
byline_document_remove_image (BylineDocument *self,
                              BylineImage    *image)
{
  BylineImageRemoval *removal;
  BylineBody *body;
  guint position;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (BYLINE_IS_IMAGE (image), NULL);

  position = image_position (self->article, image);
  removal = removal_new (image, position);

  body = byline_article_get_body (self->article);
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);

      if (byline_block_get_kind (block) == BYLINE_BLOCK_IMAGE
          && g_strcmp0 (byline_block_get_image_id (block), byline_image_get_id (image)) == 0)
        g_array_append_val (removal->blocks, i);
    }

  /* One step of the text's undo, which brings the picture back
   * (bring_back_pictures()); the panel's toast does too. */
  g_hash_table_remove (self->brought_back, byline_image_get_id (image));
  g_hash_table_replace (self->removed, g_strdup (byline_image_get_id (image)), removal_new (image, position));
  /* (A picture not in the text leaves the text as it is: no step.) */
  if (removal->blocks->len > 0)
    byline_document_begin_edit (self);
  byline_article_remove_image (self->article, image);
  if (removal->blocks->len > 0)
    byline_document_end_edit (self);
  return removal;
}

void
byline_document_undo_removal (BylineDocument     *self,
                              BylineImageRemoval *removal)
{
  BylineBody *body;

  g_return_if_fail (BYLINE_IS_DOCUMENT (self));
  g_return_if_fail (removal != NULL);

  g_hash_table_remove (self->removed, byline_image_get_id (removal->image));
  g_hash_table_remove (self->brought_back, byline_image_get_id (removal->image));
  if (byline_article_find_image (self->article, byline_image_get_id (removal->image)) == NULL)
    {
      byline_document_begin_edit (self);
      byline_article_insert_image (self->article,
                                   MIN (removal->position, byline_article_get_n_images (self->article)),
                                   removal->image);
      /* Ascending indexes were taken from the body as it was, so inserting
       * them in order puts each block back where it stood. */
      body = byline_article_get_body (self->article);
      for (guint i = 0; i < removal->blocks->len; i++)
        byline_body_insert_image (body, g_array_index (removal->blocks, guint, i),
                                  byline_image_get_id (removal->image));
      byline_document_end_edit (self);
    }
  byline_image_removal_free (removal);
}

BylineImage *
byline_image_removal_get_image (BylineImageRemoval *removal)
{
  g_return_val_if_fail (removal != NULL, NULL);
  return removal->image;
}

void
byline_image_removal_free (BylineImageRemoval *removal)
{
  if (removal == NULL)
    return;
  g_clear_object (&removal->image);
  g_clear_pointer (&removal->blocks, g_array_unref);
  g_free (removal);
}
