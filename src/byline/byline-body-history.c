/* byline-body-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-body-history.h"

/* Typing after a pause this long starts a new step. */
#define GROUP_TIMEOUT_USEC (2 * G_USEC_PER_SEC)

typedef struct
{
  gpointer              data;
  BylineBodyHistoryFunc undo;
  BylineBodyHistoryFunc redo;
  GDestroyNotify        free_data;
} Attachment;

typedef struct
{
  BylineBody *body;
  guint       block;
  guint       offset;
  GPtrArray  *attached;   /* Attachment*, or NULL */
} Step;

struct _BylineBodyHistory
{
  GObject         parent_instance;

  GQueue          undo;   /* Step*, newest at the head */
  GQueue          redo;
  guint           limit;

  /* The open step, which the next edit may continue. */
  gboolean        open;
  BylineEditKind  open_kind;
  guint           open_block;
  guint           open_offset;
  gint64          open_time;
};

G_DEFINE_FINAL_TYPE (BylineBodyHistory, byline_body_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
attachment_free (Attachment *attachment)
{
  if (attachment->free_data != NULL)
    attachment->free_data (attachment->data);
  g_free (attachment);
}

static void
step_free (Step *step)
{
  g_clear_object (&step->body);
  g_clear_pointer (&step->attached, g_ptr_array_unref);
  g_free (step);
}

static Step *
step_new (BylineBody *body,
          guint       block,
          guint       offset)
{
  Step *step = g_new0 (Step, 1);

  step->body = byline_body_new ();
  byline_body_copy_from (step->body, body);
  step->block = block;
  step->offset = offset;
  return step;
}

static void
notify_can (BylineBodyHistory *self,
            gboolean           could_undo,
            gboolean           could_redo)
{
  if (could_undo != byline_body_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != byline_body_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
byline_body_history_finalize (GObject *object)
{
  BylineBodyHistory *self = BYLINE_BODY_HISTORY (object);

  g_queue_clear_full (&self->undo, (GDestroyNotify) step_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) step_free);

  G_OBJECT_CLASS (byline_body_history_parent_class)->finalize (object);
}

static void
byline_body_history_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BylineBodyHistory *self = BYLINE_BODY_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO: g_value_set_boolean (value, byline_body_history_can_undo (self)); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, byline_body_history_can_redo (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_body_history_class_init (BylineBodyHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_body_history_finalize;
  object_class->get_property = byline_body_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_body_history_init (BylineBodyHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

BylineBodyHistory *
byline_body_history_new (guint limit)
{
  BylineBodyHistory *self = g_object_new (BYLINE_TYPE_BODY_HISTORY, NULL);

  self->limit = MAX (limit, 1);
  return self;
}

void
byline_body_history_begin_edit (BylineBodyHistory *self,
                                BylineBody        *body,
                                BylineEditKind     kind,
                                guint              block,
                                guint              offset)
{
  gboolean could_undo, could_redo;
  gint64 now;

  g_return_if_fail (BYLINE_IS_BODY_HISTORY (self));
  g_return_if_fail (BYLINE_IS_BODY (body));

  now = g_get_monotonic_time ();
  could_undo = byline_body_history_can_undo (self);
  could_redo = byline_body_history_can_redo (self);

  g_queue_clear_full (&self->redo, (GDestroyNotify) step_free);

  /* A deletion where typing stopped goes with the typing: an input method
   * typing Vietnamese deletes "e" and commits "ê" for one key, and undo must
   * not stop at "Viê" on its way back from "Việt". */
  if (self->open
      && kind != BYLINE_EDIT_OTHER
      && (kind == self->open_kind
          || (kind == BYLINE_EDIT_DELETING && self->open_kind == BYLINE_EDIT_TYPING))
      && block == self->open_block
      && offset == self->open_offset
      && now - self->open_time < GROUP_TIMEOUT_USEC)
    {
      self->open_time = now;
      notify_can (self, could_undo, could_redo);
      return;
    }

  g_queue_push_head (&self->undo, step_new (body, block, offset));
  while (self->undo.length > self->limit)
    step_free (g_queue_pop_tail (&self->undo));

  self->open = kind != BYLINE_EDIT_OTHER;
  self->open_kind = kind;
  self->open_block = block;
  self->open_offset = offset;
  self->open_time = now;
  notify_can (self, could_undo, could_redo);
}

void
byline_body_history_end_edit (BylineBodyHistory *self,
                              guint              block,
                              guint              offset,
                              gboolean           word_ended)
{
  g_return_if_fail (BYLINE_IS_BODY_HISTORY (self));

  self->open_block = block;
  self->open_offset = offset;
  /* Undo takes back a word at a time, as GtkTextBuffer's own history does. */
  if (word_ended)
    self->open = FALSE;
}

void
byline_body_history_cursor_moved (BylineBodyHistory *self,
                                  guint              block,
                                  guint              offset)
{
  g_return_if_fail (BYLINE_IS_BODY_HISTORY (self));

  if (self->open && (block != self->open_block || offset != self->open_offset))
    self->open = FALSE;
}

void
byline_body_history_break (BylineBodyHistory *self)
{
  g_return_if_fail (BYLINE_IS_BODY_HISTORY (self));
  self->open = FALSE;
}

void
byline_body_history_clear (BylineBodyHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (BYLINE_IS_BODY_HISTORY (self));

  could_undo = byline_body_history_can_undo (self);
  could_redo = byline_body_history_can_redo (self);
  g_queue_clear_full (&self->undo, (GDestroyNotify) step_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) step_free);
  self->open = FALSE;
  notify_can (self, could_undo, could_redo);
}

gboolean
byline_body_history_can_undo (BylineBodyHistory *self)
{
  g_return_val_if_fail (BYLINE_IS_BODY_HISTORY (self), FALSE);
  return self->undo.length > 0;
}

gboolean
byline_body_history_can_redo (BylineBodyHistory *self)
{
  g_return_val_if_fail (BYLINE_IS_BODY_HISTORY (self), FALSE);
  return self->redo.length > 0;
}

static gboolean
swap (BylineBodyHistory *self,
      GQueue            *from,
      GQueue            *to,
      BylineBody        *body,
      guint              cursor_block,
      guint              cursor_offset,
      guint             *block,
      guint             *offset)
{
  gboolean could_undo = byline_body_history_can_undo (self);
  gboolean could_redo = byline_body_history_can_redo (self);
  Step *step;
  guint step_block, step_offset;

  if (from->length == 0)
    return FALSE;

  step = g_queue_pop_head (from);
  g_queue_push_head (to, step_new (body, cursor_block, cursor_offset));
  self->open = FALSE;
  /* What else the edit changed: undone last first, or done again in its
   * order; it goes with the step to the other list. */
  if (step->attached != NULL)
    {
      Step *other = g_queue_peek_head (to);

      for (guint i = 0; i < step->attached->len; i++)
        {
          guint k = from == &self->undo ? step->attached->len - 1 - i : i;
          Attachment *attachment = g_ptr_array_index (step->attached, k);
          BylineBodyHistoryFunc apply = from == &self->undo ? attachment->undo : attachment->redo;

          apply (attachment->data);
        }
      other->attached = g_steal_pointer (&step->attached);
    }

  step_block = step->block;
  step_offset = step->offset;
  byline_body_copy_from (body, step->body);
  step_free (step);

  if (block != NULL)
    *block = step_block;
  if (offset != NULL)
    *offset = step_offset;
  notify_can (self, could_undo, could_redo);
  return TRUE;
}

void
byline_body_history_attach (BylineBodyHistory     *self,
                            gpointer               data,
                            BylineBodyHistoryFunc  undo,
                            BylineBodyHistoryFunc  redo,
                            GDestroyNotify         free_data)
{
  Step *step;
  Attachment *attachment;

  g_return_if_fail (BYLINE_IS_BODY_HISTORY (self));
  g_return_if_fail (undo != NULL && redo != NULL);

  step = g_queue_peek_head (&self->undo);
  if (step == NULL)
    {
      if (free_data != NULL)
        free_data (data);
      return;
    }
  attachment = g_new0 (Attachment, 1);
  attachment->data = data;
  attachment->undo = undo;
  attachment->redo = redo;
  attachment->free_data = free_data;
  if (step->attached == NULL)
    step->attached = g_ptr_array_new_with_free_func ((GDestroyNotify) attachment_free);
  g_ptr_array_add (step->attached, attachment);
}

gboolean
byline_body_history_undo (BylineBodyHistory *self,
                          BylineBody        *body,
                          guint              cursor_block,
                          guint              cursor_offset,
                          guint             *block,
                          guint             *offset)
{
  g_return_val_if_fail (BYLINE_IS_BODY_HISTORY (self), FALSE);
  return swap (self, &self->undo, &self->redo, body, cursor_block, cursor_offset, block, offset);
}

gboolean
byline_body_history_redo (BylineBodyHistory *self,
                          BylineBody        *body,
                          guint              cursor_block,
                          guint              cursor_offset,
                          guint             *block,
                          guint             *offset)
{
  g_return_val_if_fail (BYLINE_IS_BODY_HISTORY (self), FALSE);
  return swap (self, &self->redo, &self->undo, body, cursor_block, cursor_offset, block, offset);
}
