/* byline-caption-row.c
 *
 * The fields write to the BylineImage as they are typed; a change of the
 * image from elsewhere (undo of a removal, a restored version) is shown unless
 * the field already says it up to the model's normalization.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-caption-row.h"
#include "byline-menu-button.h"
#include "byline-document.h"
#include "byline-spelling.h"
#include "byline-text-field.h"
#include "byline-thumbnailer.h"
#include "byline-widget-util.h"

struct _BylineCaptionRow
{
  GtkListBoxRow    parent_instance;

  BylineDocument  *document;
  BylineImage     *image;
  GCancellable    *cancellable;
  char            *missing;
  gboolean         updating;
  gboolean         built;
  gboolean         placed;     /* its figure is in the text */

  GtkWidget       *header;
  GtkWidget       *drag_handle;
  GtkImage        *thumbnail;
  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;
  GtkWidget       *unplaced_label;
  GtkWidget       *missing_box;
  GtkLabel        *missing_label;
  GtkToggleButton *featured_button;
  GtkTextView     *caption_view;
  GtkEntry        *credit_entry;
  GtkEntry        *alt_entry;
};

G_DEFINE_FINAL_TYPE (BylineCaptionRow, byline_caption_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  MOVE,
  REMOVE,
  SHOW,
  PLACE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_caption_text (BylineCaptionRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->caption_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_missing (BylineCaptionRow *self)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_null_terminated (3, NULL, TRUE);
  g_autofree char *list = NULL;
  g_autofree char *accessible = NULL;
  struct {
    const char *value;
    const char *name;
    GtkWidget  *field;
  } fields[] = {
    { byline_image_get_caption (self->image), _("caption"), GTK_WIDGET (self->caption_view) },
    { byline_image_get_credit (self->image), _("credit"), GTK_WIDGET (self->credit_entry) },
    { byline_image_get_alt_text (self->image), _("alt text"), GTK_WIDGET (self->alt_entry) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (byline_text_is_blank (fields[i].value))
      {
        g_ptr_array_add (missing, (gpointer) fields[i].name);
        if (fields[i].field != NULL)
          gtk_widget_add_css_class (fields[i].field, "warning");
      }
    else if (fields[i].field != NULL)
      gtk_widget_remove_css_class (fields[i].field, "warning");

  g_clear_pointer (&self->missing, g_free);
  if (missing->len > 0)
    {
      list = g_strjoinv (", ", (char **) missing->pdata);
      /* Translators: %s is a list such as "credit, alt text" */
      self->missing = g_strdup_printf (_("Missing %s"), list);
      gtk_widget_add_css_class (GTK_WIDGET (self), "incomplete");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "incomplete");
  if (self->built)
    {
      gtk_label_set_text (self->missing_label, self->missing ? self->missing : "");
      gtk_widget_set_visible (self->missing_box, self->missing != NULL);
    }

  accessible = self->missing != NULL
               ? g_strdup_printf ("%s — %s", byline_image_get_filename (self->image), self->missing)
               : g_strdup (byline_image_get_filename (self->image));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
update_featured (BylineCaptionRow *self)
{
  gboolean featured = byline_image_get_featured (self->image);
  const char *tooltip = featured ? _("Featured Picture") : _("Make Featured Picture");

  self->updating = TRUE;
  gtk_toggle_button_set_active (self->featured_button, featured);
  self->updating = FALSE;

  gtk_button_set_icon_name (GTK_BUTTON (self->featured_button),
                            featured ? "starred-symbolic" : "non-starred-symbolic");
  byline_widget_set_tooltip (GTK_WIDGET (self->featured_button), tooltip);
}

static void
show_entry (BylineCaptionRow *self,
            GtkEntry         *entry,
            const char       *value)
{
  g_autofree char *normal = byline_text_normalize_line (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);

  if (g_strcmp0 (normal, value) == 0)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), value);
  self->updating = FALSE;
}

static void
show_fields (BylineCaptionRow *self)
{
  g_autofree char *caption = dup_caption_text (self);
  g_autofree char *normal = byline_text_normalize_line (caption, -1);
  g_autofree char *subtitle = NULL;
  const char *type = byline_image_get_media_type (self->image);

  if (g_strcmp0 (normal, byline_image_get_caption (self->image)) != 0)
    {
      self->updating = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->caption_view),
                                byline_image_get_caption (self->image), -1);
      self->updating = FALSE;
    }
  show_entry (self, self->credit_entry, byline_image_get_credit (self->image));
  show_entry (self, self->alt_entry, byline_image_get_alt_text (self->image));

  gtk_label_set_text (self->title_label, byline_image_get_filename (self->image));
  if (byline_image_get_width (self->image) > 0)
    subtitle = g_strdup_printf ("%u × %u · %s", byline_image_get_width (self->image),
                                byline_image_get_height (self->image),
                                type && strchr (type, '/') ? strchr (type, '/') + 1 : "");
  else
    subtitle = g_strdup (type ? type : "");
  gtk_label_set_text (self->subtitle_label, subtitle);
  /* Attached to the story (a featured picture may be only that), not shown in it. */
  gtk_widget_set_visible (self->unplaced_label, !self->placed);
  update_featured (self);
  update_missing (self);
}

static void
on_caption_changed (BylineCaptionRow *self)
{
  g_autofree char *text = dup_caption_text (self);

  if (!self->updating)
    byline_image_set_caption (self->image, text);
}

static void
on_credit_changed (BylineCaptionRow *self)
{
  if (!self->updating)
    byline_image_set_credit (self->image, gtk_editable_get_text (GTK_EDITABLE (self->credit_entry)));
}

static void
on_alt_changed (BylineCaptionRow *self)
{
  if (!self->updating)
    byline_image_set_alt_text (self->image, gtk_editable_get_text (GTK_EDITABLE (self->alt_entry)));
}

static void
on_featured_toggled (BylineCaptionRow *self)
{
  BylineArticle *article = byline_document_get_article (self->document);
  gboolean featured = gtk_toggle_button_get_active (self->featured_button);

  if (self->updating)
    return;
  /* One featured picture per story. */
  if (featured)
    for (guint i = 0; i < byline_article_get_n_images (article); i++)
      {
        BylineImage *other = byline_article_get_image (article, i);

        if (other != self->image)
          byline_image_set_featured (other, FALSE);
      }
  byline_image_set_featured (self->image, featured);
}

static void
on_thumbnail_loaded (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(BylineCaptionRow) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;

  texture = byline_thumbnailer_load_finish (BYLINE_THUMBNAILER (object), result, NULL);
  if (texture != NULL)
    gtk_image_set_from_paintable (self->thumbnail, GDK_PAINTABLE (texture));
}

static void
load_thumbnail (BylineCaptionRow *self)
{
  GFile *file = byline_image_get_file (self->image);
  g_autoptr(GdkTexture) cached = NULL;

  if (file == NULL)
    return;
  cached = byline_thumbnailer_lookup (byline_thumbnailer_get_default (), file,
                                      BYLINE_CAPTION_THUMBNAIL_SIZE, TRUE);
  if (cached != NULL)
    {
      gtk_image_set_from_paintable (self->thumbnail, GDK_PAINTABLE (cached));
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  byline_thumbnailer_load_async (byline_thumbnailer_get_default (), file,
                                 BYLINE_CAPTION_THUMBNAIL_SIZE, TRUE, self->cancellable,
                                 on_thumbnail_loaded, g_object_ref (self));
}

static void
on_image_notify (BylineCaptionRow *self,
                 GParamSpec       *pspec)
{
  if (!self->built)
    {
      update_missing (self);
      return;
    }
  if (g_strcmp0 (pspec->name, "file") == 0)
    {
      if (gtk_image_get_storage_type (self->thumbnail) != GTK_IMAGE_PAINTABLE)
        load_thumbnail (self);
      return;
    }
  show_fields (self);
}

static void
on_focus_enter (BylineCaptionRow *self)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self));

  /* Working on a picture's fields selects its row (and so its figure). */
  if (GTK_IS_LIST_BOX (list) && !gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (self)))
    gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (self));
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource    *source,
                 double            x,
                 double            y,
                 BylineCaptionRow *self)
{
  return gdk_content_provider_new_typed (BYLINE_TYPE_CAPTION_ROW, self);
}

static void
on_drag_begin (GtkDragSource    *source,
               GdkDrag          *drag,
               BylineCaptionRow *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (self->header);

  gtk_drag_source_set_icon (source, paintable, 24, 24);
}

static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  BylineCaptionRow *self = BYLINE_CAPTION_ROW (widget);

  if (g_str_equal (action_name, "row.move-up"))
    g_signal_emit (self, signals[MOVE], 0, -1);
  else if (g_str_equal (action_name, "row.move-down"))
    g_signal_emit (self, signals[MOVE], 0, 1);
  else if (g_str_equal (action_name, "row.remove"))
    g_signal_emit (self, signals[REMOVE], 0);
  else if (g_str_equal (action_name, "row.show"))
    g_signal_emit (self, signals[SHOW], 0);
  else if (g_str_equal (action_name, "row.place"))
    g_signal_emit (self, signals[PLACE], 0);
}

static void
byline_caption_row_dispose (GObject *object)
{
  BylineCaptionRow *self = BYLINE_CAPTION_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->image != NULL)
    g_signal_handlers_disconnect_by_data (self->image, self);
  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_CAPTION_ROW);

  G_OBJECT_CLASS (byline_caption_row_parent_class)->dispose (object);
}

static void
byline_caption_row_finalize (GObject *object)
{
  BylineCaptionRow *self = BYLINE_CAPTION_ROW (object);

  g_clear_object (&self->image);
  g_clear_object (&self->document);
  g_free (self->missing);

  G_OBJECT_CLASS (byline_caption_row_parent_class)->finalize (object);
}

static void
byline_caption_row_class_init (BylineCaptionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_caption_row_dispose;
  object_class->finalize = byline_caption_row_finalize;

  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SHOW] = g_signal_new ("show-in-text", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* ::place-in-text: the picture is not in the text, and should go in at the cursor. */
  signals[PLACE] = g_signal_new ("place-in-text", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (BYLINE_TYPE_TEXT_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bylinenews/Byline/byline-caption-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionRow, header);
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionRow, drag_handle);
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionRow, thumbnail);
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionRow, unplaced_label);
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionRow, missing_box);
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionRow, missing_label);
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionRow, featured_button);
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionRow, caption_view);
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionRow, credit_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionRow, alt_entry);
  gtk_widget_class_bind_template_child_full (widget_class, "menu_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "row_menu", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "row.show", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "row.place", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "row.move-up", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "row.move-down", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "row.remove", NULL, row_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "row.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_ALT_MASK, "row.remove", NULL);
}

static void
byline_caption_row_init (BylineCaptionRow *self)
{
  GtkEventController *focus;

  /* Until it is built, the row only holds the place of its fields. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (self), -1, BYLINE_CAPTION_ROW_ESTIMATED_HEIGHT);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

/* Cheap: the fields, the thumbnail and the spell checker wait for
 * byline_caption_row_build(); the row already has its accessible name and is
 * marked when something is missing. */
GtkWidget *
byline_caption_row_new (BylineDocument *document,
                        BylineImage    *image)
{
  BylineCaptionRow *self;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (BYLINE_IS_IMAGE (image), NULL);

  self = g_object_new (BYLINE_TYPE_CAPTION_ROW, NULL);
  self->document = g_object_ref (document);
  self->image = g_object_ref (image);
  self->placed = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.place", FALSE);

  update_missing (self);
  g_signal_connect_object (image, "notify", G_CALLBACK (on_image_notify), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

void
byline_caption_row_build (BylineCaptionRow *self)
{
  GtkDragSource *drag;

  g_return_if_fail (BYLINE_IS_CAPTION_ROW (self));

  if (self->built)
    return;
  self->built = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_size_request (GTK_WIDGET (self), -1, -1);
  byline_menu_button_set_menu_on_first_use (
    GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self), BYLINE_TYPE_CAPTION_ROW, "menu_button")),
    G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (self), BYLINE_TYPE_CAPTION_ROW, "row_menu")));

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  gtk_widget_add_controller (self->header, GTK_EVENT_CONTROLLER (drag));

  show_fields (self);
  load_thumbnail (self);
  byline_spelling_attach (self->caption_view,
                          byline_article_get_language (byline_document_get_article (self->document)));

  g_signal_connect_object (gtk_text_view_get_buffer (self->caption_view), "changed",
                           G_CALLBACK (on_caption_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->credit_entry, "changed", G_CALLBACK (on_credit_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->alt_entry, "changed", G_CALLBACK (on_alt_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->featured_button, "toggled", G_CALLBACK (on_featured_toggled), self, G_CONNECT_SWAPPED);
}

gboolean
byline_caption_row_get_built (BylineCaptionRow *self)
{
  g_return_val_if_fail (BYLINE_IS_CAPTION_ROW (self), FALSE);
  return self->built;
}

BylineImage *
byline_caption_row_get_image (BylineCaptionRow *self)
{
  g_return_val_if_fail (BYLINE_IS_CAPTION_ROW (self), NULL);
  return self->image;
}

const char *
byline_caption_row_get_missing (BylineCaptionRow *self)
{
  g_return_val_if_fail (BYLINE_IS_CAPTION_ROW (self), NULL);
  return self->missing;
}

GtkTextView *
byline_caption_row_get_caption_view (BylineCaptionRow *self)
{
  g_return_val_if_fail (BYLINE_IS_CAPTION_ROW (self), NULL);
  byline_caption_row_build (self);
  return self->caption_view;
}

GtkEditable *
byline_caption_row_get_credit_entry (BylineCaptionRow *self)
{
  g_return_val_if_fail (BYLINE_IS_CAPTION_ROW (self), NULL);
  byline_caption_row_build (self);
  return GTK_EDITABLE (self->credit_entry);
}

GtkEditable *
byline_caption_row_get_alt_entry (BylineCaptionRow *self)
{
  g_return_val_if_fail (BYLINE_IS_CAPTION_ROW (self), NULL);
  byline_caption_row_build (self);
  return GTK_EDITABLE (self->alt_entry);
}

/* Whether the picture's figure is in the text; the panel keeps it up to date. */
void
byline_caption_row_set_placed (BylineCaptionRow *self,
                               gboolean          placed)
{
  g_return_if_fail (BYLINE_IS_CAPTION_ROW (self));

  placed = !!placed;
  if (self->placed == placed)
    return;
  self->placed = placed;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.show", placed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.place", !placed);
  if (self->built)
    show_fields (self);
}

/* Whether Move Up and Move Down have somewhere to go; the panel says. */
void
byline_caption_row_set_can_move (BylineCaptionRow *self,
                                 gboolean          up,
                                 gboolean          down)
{
  g_return_if_fail (BYLINE_IS_CAPTION_ROW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-up", up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-down", down);
}

gboolean
byline_caption_row_get_placed (BylineCaptionRow *self)
{
  g_return_val_if_fail (BYLINE_IS_CAPTION_ROW (self), FALSE);
  return self->placed;
}
