/* byline-text-field.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include <gtksourceview/gtksource.h>

#include "byline-source-buffer.h"
#include "byline-text-field.h"

#define NATURAL_KEY "byline-natural-height"
#define IDLE_KEY "byline-follow-idle"
#define TALL_KEY "byline-tall-height"

/* How long a deletion by the input method waits for the letter that replaces it. */
#define REPLACE_WINDOW_MS 100

struct _BylineTextField
{
  GtkTextView  parent_instance;
  char        *placeholder;

  guint        key_deleting;   /* inside Backspace, Delete or Cut */
  gboolean     replacing;      /* a user action held open across an input method's replacement */
  guint        replace_id;
};

G_DEFINE_FINAL_TYPE (BylineTextField, byline_text_field, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_PLACEHOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
follow_height_idle (gpointer data)
{
  GtkWidget *widget = data;
  int width = gtk_widget_get_width (widget);
  int natural = 0;
  int last = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), NATURAL_KEY));

  g_object_set_data (G_OBJECT (widget), IDLE_KEY, NULL);
  if (width > 0)
    gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  /* The allocation lags the text: ask the parent again, once for each new
   * height. Not whenever the natural height exceeds the allocated one: the
   * first counts the field's CSS padding and the second does not, so a field
   * with padding asked at every allocation, a new layout every frame. */
  if (natural != last)
    {
      g_object_set_data (G_OBJECT (widget), NATURAL_KEY, GINT_TO_POINTER (natural));
      gtk_widget_queue_resize (widget);
    }
  /* Taller than its text needs, and not padding's doing (the allocation
   * leaves padding out, the natural height counts it): allocated for a
   * narrower width it had in passing, as when a breakpoint folds a panel
   * away within one frame (the parent measured the field before it laid
   * its text out again at the new width).  Asked again, once for that
   * height. */
  else if (gtk_widget_get_height (widget) > natural
           && gtk_widget_get_height (widget) != GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), TALL_KEY)))
    {
      g_object_set_data (G_OBJECT (widget), TALL_KEY, GINT_TO_POINTER (gtk_widget_get_height (widget)));
      gtk_widget_queue_resize (widget);
    }
  return G_SOURCE_REMOVE;
}

void
byline_text_view_follow_height (GtkTextView *view)
{
  guint id;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  if (g_object_get_data (G_OBJECT (view), IDLE_KEY) != NULL)
    return;
  /* After GtkTextView has validated the new lines. */
  id = g_idle_add_full (GTK_TEXT_VIEW_PRIORITY_VALIDATE + 1, follow_height_idle,
                        g_object_ref (view), g_object_unref);
  g_object_set_data (G_OBJECT (view), IDLE_KEY, GUINT_TO_POINTER (id));
}

void
byline_text_view_draw_placeholder (GtkTextView *view,
                                   GtkSnapshot *snapshot,
                                   const char  *placeholder)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA color;
  int width;

  if (placeholder == NULL || gtk_text_buffer_get_char_count (buffer) > 0)
    return;

  gtk_widget_get_color (GTK_WIDGET (view), &color);
  color.alpha *= 0.45;
  width = gtk_widget_get_width (GTK_WIDGET (view))
          - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), placeholder);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  gtk_snapshot_save (snapshot);
  /* Buffer coordinates: the text starts at the left margin, under the top one. */
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (gtk_text_view_get_left_margin (view), 0));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
on_changed (GtkTextView *view)
{
  byline_text_view_follow_height (view);
}

static void
byline_text_field_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  GTK_WIDGET_CLASS (byline_text_field_parent_class)->size_allocate (widget, width, height, baseline);
  byline_text_view_follow_height (GTK_TEXT_VIEW (widget));
}

static void
byline_text_field_snapshot_layer (GtkTextView      *view,
                                  GtkTextViewLayer  layer,
                                  GtkSnapshot      *snapshot)
{
  BylineTextField *self = BYLINE_TEXT_FIELD (view);

  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    byline_text_view_draw_placeholder (view, snapshot, self->placeholder);
}

static GtkSizeRequestMode
byline_text_field_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void end_replacing (BylineTextField *self);

static void
byline_text_field_dispose (GObject *object)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (object, IDLE_KEY));

  if (id != 0)
    g_source_remove (id);
  g_object_set_data (object, IDLE_KEY, NULL);
  end_replacing (BYLINE_TEXT_FIELD (object));

  G_OBJECT_CLASS (byline_text_field_parent_class)->dispose (object);
}

static void
byline_text_field_finalize (GObject *object)
{
  BylineTextField *self = BYLINE_TEXT_FIELD (object);

  g_free (self->placeholder);

  G_OBJECT_CLASS (byline_text_field_parent_class)->finalize (object);
}

static void
byline_text_field_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BylineTextField *self = BYLINE_TEXT_FIELD (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER: g_value_set_string (value, self->placeholder); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_text_field_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BylineTextField *self = BYLINE_TEXT_FIELD (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER: byline_text_field_set_placeholder (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_text_field_class_init (BylineTextFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = byline_text_field_dispose;
  object_class->finalize = byline_text_field_finalize;
  object_class->get_property = byline_text_field_get_property;
  object_class->set_property = byline_text_field_set_property;
  widget_class->size_allocate = byline_text_field_size_allocate;
  widget_class->get_request_mode = byline_text_field_get_request_mode;
  text_view_class->snapshot_layer = byline_text_field_snapshot_layer;

  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Input methods for Vietnamese that work on the surrounding text
 * (ibus-bamboo, fcitx5) type "ệ" as: delete the "ê" before the cursor,
 * commit "ệ".  GtkTextBuffer's history would keep those as two steps, and
 * undo would go back through a word without its vowel.  A deletion right
 * before the cursor that no key of ours made holds one user action open
 * until the text that replaces it, so both are one step. */
static void
end_replacing (BylineTextField *self)
{
  g_clear_handle_id (&self->replace_id, g_source_remove);
  if (!self->replacing)
    return;
  self->replacing = FALSE;
  gtk_text_buffer_end_user_action (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)));
}

static gboolean
replace_timed_out (gpointer data)
{
  BylineTextField *self = data;

  self->replace_id = 0;
  end_replacing (self);
  return G_SOURCE_REMOVE;
}

static void
on_delete_range (BylineTextField *self,
                 GtkTextIter     *start,
                 GtkTextIter     *end,
                 GtkTextBuffer   *buffer)
{
  GtkTextIter cursor;

  if (self->key_deleting > 0 || self->replacing)
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  if (!gtk_text_iter_equal (end, &cursor) || gtk_text_iter_get_offset (end) - gtk_text_iter_get_offset (start) > 2)
    return;
  gtk_text_buffer_begin_user_action (buffer);
  self->replacing = TRUE;
  self->replace_id = g_timeout_add (REPLACE_WINDOW_MS, replace_timed_out, self);
}

static void
on_inserted (BylineTextField *self)
{
  end_replacing (self);
}

static void
key_delete_begins (BylineTextField *self)
{
  self->key_deleting++;
}

static void
key_delete_ends (BylineTextField *self)
{
  self->key_deleting--;
}

static void
byline_text_field_init (BylineTextField *self)
{
  /* A source buffer, for libspelling's adapter; no brackets to match in prose. */
  g_autoptr(GtkSourceBuffer) buffer = byline_source_buffer_new ();

  gtk_source_buffer_set_highlight_matching_brackets (buffer, FALSE);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), GTK_TEXT_BUFFER (buffer));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self), FALSE);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), "changed",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), "changed",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (buffer, "delete-range", G_CALLBACK (on_delete_range), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (on_inserted), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  for (guint i = 0; i < 3; i++)
    {
      const char *key_signals[] = { "backspace", "delete-from-cursor", "cut-clipboard" };

      g_signal_connect (self, key_signals[i], G_CALLBACK (key_delete_begins), NULL);
      g_signal_connect_after (self, key_signals[i], G_CALLBACK (key_delete_ends), NULL);
    }
}

GtkWidget *
byline_text_field_new (void)
{
  return g_object_new (BYLINE_TYPE_TEXT_FIELD, NULL);
}

const char *
byline_text_field_get_placeholder (BylineTextField *self)
{
  g_return_val_if_fail (BYLINE_IS_TEXT_FIELD (self), NULL);
  return self->placeholder;
}

void
byline_text_field_set_placeholder (BylineTextField *self,
                                   const char      *placeholder)
{
  g_return_if_fail (BYLINE_IS_TEXT_FIELD (self));

  if (g_set_str (&self->placeholder, placeholder))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER, placeholder, -1);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER]);
    }
}

char *
byline_text_field_dup_text (BylineTextField *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (BYLINE_IS_TEXT_FIELD (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
