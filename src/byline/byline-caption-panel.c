/* byline-caption-panel.c
 *
 * The list box is bound to the article's pictures; selecting a row selects
 * the picture in the document, which the editor follows (and the other way).
 *
 * A row is made cheap and built (template, thumbnail, spell checker) only
 * when it comes near the visible part of the list: a story of a hundred
 * pictures opens with a screenful of built rows. Built rows stay built, so
 * text being typed and the focus are never handed to another picture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-caption-panel.h"
#include "byline-widget-util.h"
#include "byline-caption-row.h"
#include "byline-document.h"
#include "byline-missing-list.h"
#include "byline-undo-toasts.h"

struct _BylineCaptionPanel
{
  GtkWidget          parent_instance;

  BylineDocument    *document;
  gboolean           selecting;

  GtkLabel          *count_label;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkWidget         *add_button;   /* of the empty panel */
  BylineMissingList *missing_list; /* the pictures the story was to have */
  GtkListBox        *list_box;

  guint              fill_id;
  GtkWidget         *scroll_target;
  BylineUndoToasts  *undo_toasts;   /* of the pictures removed */
};

G_DEFINE_FINAL_TYPE (BylineCaptionPanel, byline_caption_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PICTURES_DROPPED,
  PLACE_IMAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
position_of (BylineCaptionPanel *self,
             BylineImage        *image)
{
  BylineArticle *article = byline_document_get_article (self->document);

  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    if (byline_article_get_image (article, i) == image)
      return i;
  return G_MAXUINT;
}

/* Whether the list scrolled; a row not laid out yet is left to fill_view(). */
static gboolean
scroll_to_row_now (BylineCaptionPanel *self,
                   GtkWidget          *row)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;
  double value, page, wanted;

  if (gtk_widget_get_height (row) == 0
      || !gtk_widget_compute_bounds (row, GTK_WIDGET (self->list_box), &bounds))
    return FALSE;
  value = gtk_adjustment_get_value (vadj);
  page = gtk_adjustment_get_page_size (vadj);
  wanted = value;
  if (bounds.origin.y < value)
    wanted = bounds.origin.y;
  else if (bounds.origin.y + bounds.size.height > value + page)
    wanted = bounds.origin.y + bounds.size.height - page;
  gtk_adjustment_set_value (vadj, wanted);
  return ABS (gtk_adjustment_get_value (vadj) - value) >= 1.0;
}

/* Builds the rows that show, all in this frame, or else one of those half a
 * page from showing (a row takes 3–8 ms to build: the first frame of a long
 * story's window makes only what it shows, and a row a frame comes after).
 * Before the list is first laid out, rows are counted at their estimated
 * height from the top, and the page taken as a screenful of four rows, so
 * that the first frame already shows built rows. */
static gboolean
build_rows_in_view (BylineCaptionPanel *self)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (vadj);
  double page = gtk_adjustment_get_page_size (vadj);
  double y = 0;
  BylineCaptionRow *ahead = NULL;
  gboolean built = FALSE;

  if (page <= 0)
    page = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 4 * BYLINE_CAPTION_ROW_ESTIMATED_HEIGHT);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL && y < value + page * 1.5;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      double height = BYLINE_CAPTION_ROW_ESTIMATED_HEIGHT;

      if (!BYLINE_IS_CAPTION_ROW (child))
        continue;
      /* A row not laid out yet has no height of its own. */
      if (gtk_widget_get_height (child) > 0
          && gtk_widget_compute_bounds (child, GTK_WIDGET (self->list_box), &bounds))
        {
          y = bounds.origin.y;
          height = bounds.size.height;
        }
      if (!byline_caption_row_get_built (BYLINE_CAPTION_ROW (child)))
        {
          if (y + height > value && y < value + page)
            {
              byline_caption_row_build (BYLINE_CAPTION_ROW (child));
              built = TRUE;
            }
          else if (ahead == NULL && y + height > value - page / 2)
            ahead = BYLINE_CAPTION_ROW (child);
        }
      y += height;
    }
  if (!built && ahead != NULL)
    {
      byline_caption_row_build (ahead);
      built = TRUE;
    }
  return built;
}

/* Each frame until the list settles: rows coming into view are built, and the
 * row asked for is scrolled to once the rows around it have their height. */
static gboolean
fill_view (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  BylineCaptionPanel *self = user_data;

  /* Hidden (a narrow window folds the panel away): again when it shows. */
  if (!gtk_widget_get_mapped (widget))
    {
      self->fill_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (build_rows_in_view (self))
    return G_SOURCE_CONTINUE;
  if (self->scroll_target != NULL)
    {
      if (gtk_widget_get_parent (self->scroll_target) == GTK_WIDGET (self->list_box)
          && (gtk_widget_get_height (self->scroll_target) == 0
              || scroll_to_row_now (self, self->scroll_target)))
        return G_SOURCE_CONTINUE;
      g_clear_object (&self->scroll_target);
    }
  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_fill (BylineCaptionPanel *self)
{
  if (self->fill_id == 0)
    self->fill_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_box), fill_view, self, NULL);
}

static void
scroll_to_row (BylineCaptionPanel *self,
               GtkWidget          *row)
{
  byline_caption_row_build (BYLINE_CAPTION_ROW (row));
  scroll_to_row_now (self, row);
  g_set_object (&self->scroll_target, row);
  queue_fill (self);
}

/* @image's row selected, focused and in view. */
static void
focus_image_row (BylineCaptionPanel *self,
                 BylineImage        *image)
{
  guint position = position_of (self, image);
  GtkListBoxRow *row;

  if (position == G_MAXUINT || (row = gtk_list_box_get_row_at_index (self->list_box, position)) == NULL)
    return;
  gtk_list_box_select_row (self->list_box, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  scroll_to_row (self, GTK_WIDGET (row));
}

void
byline_caption_panel_move (BylineCaptionPanel *self,
                           guint               from,
                           guint               to)
{
  g_autoptr(BylineImage) image = NULL;
  BylineArticle *article;

  g_return_if_fail (BYLINE_IS_CAPTION_PANEL (self));

  if (self->document == NULL)
    return;
  article = byline_document_get_article (self->document);
  if (from >= byline_article_get_n_images (article) || to >= byline_article_get_n_images (article)
      || from == to)
    return;

  image = g_object_ref (byline_article_get_image (article, from));
  /* The figures trade places in the text: one step of its undo. */
  byline_document_begin_edit (self->document);
  byline_article_move_image (article, from, to);
  byline_document_end_edit (self->document);

  /* The rows were made again: keep the moved one under the keyboard, where
   * it went (a picture in the text stays above those that are not). */
  focus_image_row (self, image);
}

static void
on_undo_removal (AdwToast           *toast,
                 BylineCaptionPanel *self)
{
  BylineImageRemoval *removal = g_object_steal_data (G_OBJECT (toast), "removal");
  g_autoptr(BylineImage) image = NULL;

  if (removal == NULL || self->document == NULL)
    return;
  image = g_object_ref (byline_image_removal_get_image (removal));
  byline_document_undo_removal (self->document, removal);
  /* The picture back, its row under the keyboard as before. */
  focus_image_row (self, image);
}

/* Ctrl+Z in the list: the latest removal whose toast still shows. */
static void
undo_removal_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  byline_undo_toasts_undo_latest (BYLINE_CAPTION_PANEL (widget)->undo_toasts);
}

void
byline_caption_panel_remove (BylineCaptionPanel *self,
                             BylineImage        *image)
{
  BylineImageRemoval *removal;
  g_autofree char *title = NULL;
  gboolean had_keyboard;
  guint position;
  AdwToast *toast;

  g_return_if_fail (BYLINE_IS_CAPTION_PANEL (self));
  g_return_if_fail (BYLINE_IS_IMAGE (image));

  if (self->document == NULL)
    return;

  had_keyboard = byline_widget_has_keyboard (GTK_WIDGET (self));
  position = position_of (self, image);
  removal = byline_document_remove_image (self->document, image);
  /* The keyboard stays in the panel, where Ctrl+Z brings the picture back:
   * on the next picture, or the one before, or Add Pictures. */
  if (had_keyboard)
    {
      guint n = byline_article_get_n_images (byline_document_get_article (self->document));

      if (n > 0)
        focus_image_row (self, byline_article_get_image (byline_document_get_article (self->document),
                                                         MIN (position, n - 1)));
      else
        gtk_widget_grab_focus (self->add_button);
    }
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("“%s” removed"), byline_image_get_filename (image));
  toast = byline_undo_toasts_add (self->undo_toasts, title);
  g_object_set_data_full (G_OBJECT (toast), "removal", removal,
                          (GDestroyNotify) byline_image_removal_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_removal), self, 0);
  byline_widget_show_toast (GTK_WIDGET (self), toast);
}

static void
on_row_move (BylineCaptionPanel *self,
             int                 delta,
             BylineCaptionRow   *row)
{
  guint from = position_of (self, byline_caption_row_get_image (row));

  if (from == G_MAXUINT || (delta < 0 && from == 0))
    return;
  byline_caption_panel_move (self, from, from + delta);
}

static void
on_row_remove (BylineCaptionPanel *self,
               BylineCaptionRow   *row)
{
  byline_caption_panel_remove (self, byline_caption_row_get_image (row));
}

static void
on_row_show (BylineCaptionPanel *self,
             BylineCaptionRow   *row)
{
  /* Selecting again makes the editor scroll to the figure. */
  byline_document_set_selected_image (self->document, NULL);
  byline_document_set_selected_image (self->document, byline_caption_row_get_image (row));
}

static gboolean
on_row_drop (GtkDropTarget *target,
             const GValue  *value,
             double         x,
             double         y,
             gpointer       user_data)
{
  BylineCaptionRow *onto = BYLINE_CAPTION_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
  BylineCaptionPanel *self = BYLINE_CAPTION_PANEL (gtk_widget_get_ancestor (GTK_WIDGET (onto),
                                                                            BYLINE_TYPE_CAPTION_PANEL));
  BylineCaptionRow *dragged = g_value_get_object (value);
  guint from, to;

  if (self == NULL || dragged == NULL || dragged == onto)
    return FALSE;
  from = position_of (self, byline_caption_row_get_image (dragged));
  to = position_of (self, byline_caption_row_get_image (onto));
  if (from == G_MAXUINT || to == G_MAXUINT)
    return FALSE;
  byline_caption_panel_move (self, from, to);
  return TRUE;
}

/* Marks the rows whose picture has no figure in the text, and lets each move
 * only where it can go: a picture in the text stays above those that are not
 * (byline_article_move_image()). */
static void
update_placed (BylineCaptionPanel *self)
{
  BylineBody *body = byline_article_get_body (byline_document_get_article (self->document));
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) flags = g_array_new (FALSE, FALSE, sizeof (gboolean));
  GtkListBoxRow *row;

  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);

      if (byline_block_get_kind (block) == BYLINE_BLOCK_IMAGE)
        g_hash_table_add (placed, (gpointer) byline_block_get_image_id (block));
    }
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      gboolean in_text = FALSE;

      if (BYLINE_IS_CAPTION_ROW (row))
        {
          BylineImage *image = byline_caption_row_get_image (BYLINE_CAPTION_ROW (row));

          in_text = g_hash_table_contains (placed, byline_image_get_id (image));
          byline_caption_row_set_placed (BYLINE_CAPTION_ROW (row), in_text);
        }
      g_array_append_val (flags, in_text);
    }
  for (guint i = 0; i < flags->len; i++)
    {
      gboolean in_text = g_array_index (flags, gboolean, i);

      row = gtk_list_box_get_row_at_index (self->list_box, i);
      if (BYLINE_IS_CAPTION_ROW (row))
        byline_caption_row_set_can_move (BYLINE_CAPTION_ROW (row),
                                         i > 0 && (in_text || !g_array_index (flags, gboolean, i - 1)),
                                         i + 1 < flags->len && (!in_text || g_array_index (flags, gboolean, i + 1)));
    }
}

static void
on_row_place (BylineCaptionPanel *self,
              BylineCaptionRow   *row)
{
  g_signal_emit (self, signals[PLACE_IMAGE], 0, byline_caption_row_get_image (row));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BylineCaptionPanel *self = user_data;
  GtkWidget *row = byline_caption_row_new (self->document, BYLINE_IMAGE (item));
  GtkDropTarget *drop = gtk_drop_target_new (BYLINE_TYPE_CAPTION_ROW, GDK_ACTION_MOVE);

  g_signal_connect (drop, "drop", G_CALLBACK (on_row_drop), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));
  g_signal_connect_object (row, "move", G_CALLBACK (on_row_move), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "show-in-text", G_CALLBACK (on_row_show), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "place-in-text", G_CALLBACK (on_row_place), self, G_CONNECT_SWAPPED);
  return row;
}

static void
update_count (BylineCaptionPanel *self)
{
  guint n = self->document ? byline_article_get_n_images (byline_document_get_article (self->document)) : 0;
  g_autofree char *count = g_strdup_printf ("%u", n);

  /* Rows added or gone: those now in view get built. */
  queue_fill (self);
  gtk_label_set_text (self->count_label, n > 0 ? count : "");
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
on_document_selected_image (BylineCaptionPanel *self)
{
  BylineImage *image = byline_document_get_selected_image (self->document);
  GtkListBoxRow *row = NULL;
  guint position;

  if (self->selecting)
    return;
  if (image != NULL && (position = position_of (self, image)) != G_MAXUINT)
    row = gtk_list_box_get_row_at_index (self->list_box, position);

  self->selecting = TRUE;
  if (row != NULL)
    {
      gtk_list_box_select_row (self->list_box, row);
      scroll_to_row (self, GTK_WIDGET (row));
    }
  else
    gtk_list_box_unselect_all (self->list_box);
  self->selecting = FALSE;
}

static void
on_row_selected (BylineCaptionPanel *self,
                 GtkListBoxRow      *row)
{
  if (self->selecting || self->document == NULL)
    return;
  self->selecting = TRUE;
  byline_document_set_selected_image (self->document,
                                      row ? byline_caption_row_get_image (BYLINE_CAPTION_ROW (row)) : NULL);
  self->selecting = FALSE;
}

BylineCaptionRow *
byline_caption_panel_get_row (BylineCaptionPanel *self,
                              guint               position)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (BYLINE_IS_CAPTION_PANEL (self), NULL);

  row = gtk_list_box_get_row_at_index (self->list_box, position);
  if (row != NULL)
    byline_caption_row_build (BYLINE_CAPTION_ROW (row));
  return (BylineCaptionRow *) row;
}

BylineDocument *
byline_caption_panel_get_document (BylineCaptionPanel *self)
{
  g_return_val_if_fail (BYLINE_IS_CAPTION_PANEL (self), NULL);
  return self->document;
}

void
byline_caption_panel_set_document (BylineCaptionPanel *self,
                                   BylineDocument     *document)
{
  g_return_if_fail (BYLINE_IS_CAPTION_PANEL (self));
  g_return_if_fail (document == NULL || BYLINE_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      BylineArticle *article = byline_document_get_article (self->document);

      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (byline_article_get_images (article), self);
      g_signal_handlers_disconnect_by_data (byline_article_get_body (article), self);
    }
  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  /* Toasts offering to undo a removal belong to the story they came from. */
  byline_undo_toasts_dismiss_all (self->undo_toasts);
  /* A row of the story going away, waiting to be scrolled to: it goes too. */
  g_clear_object (&self->scroll_target);
  g_set_object (&self->document, document);
  byline_missing_list_set_document (self->missing_list, document);

  if (document != NULL)
    {
      GListModel *images = byline_article_get_images (byline_document_get_article (document));

      gtk_list_box_bind_model (self->list_box, images, create_row, self, NULL);
      g_signal_connect_swapped (images, "items-changed", G_CALLBACK (update_count), self);
      /* Whether each picture is in the text: once for all rows, after rows
       * or figures come and go. */
      g_signal_connect_swapped (images, "items-changed", G_CALLBACK (update_placed), self);
      g_signal_connect_swapped (byline_article_get_body (byline_document_get_article (document)), "blocks-changed",
                                G_CALLBACK (update_placed), self);
      update_placed (self);
      g_signal_connect_swapped (document, "notify::selected-image",
                                G_CALLBACK (on_document_selected_image), self);
    }
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
byline_caption_panel_dispose (GObject *object)
{
  BylineCaptionPanel *self = BYLINE_CAPTION_PANEL (object);
  GtkWidget *child;

  byline_caption_panel_set_document (self, NULL);
  if (self->fill_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_box), self->fill_id);
  self->fill_id = 0;
  g_clear_object (&self->scroll_target);
  g_clear_pointer (&self->undo_toasts, byline_undo_toasts_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_CAPTION_PANEL);
  /* The template's unnamed children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (byline_caption_panel_parent_class)->dispose (object);
}

static void
byline_caption_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BylineCaptionPanel *self = BYLINE_CAPTION_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_caption_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BylineCaptionPanel *self = BYLINE_CAPTION_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: byline_caption_panel_set_document (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Photos dragged from the file manager onto the list: the window inserts
 * them as the Add Pictures button does. */
static gboolean
on_files_drop (GtkDropTarget      *target,
               const GValue       *value,
               double              x,
               double              y,
               BylineCaptionPanel *self)
{
  g_autoptr(GListModel) files = NULL;

  if (self->document == NULL)
    return FALSE;
  files = byline_file_list_to_model (g_value_get_boxed (value));
  g_signal_emit (self, signals[PICTURES_DROPPED], 0, files);
  return TRUE;
}

static void
byline_caption_panel_class_init (BylineCaptionPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_caption_panel_dispose;
  object_class->get_property = byline_caption_panel_get_property;
  object_class->set_property = byline_caption_panel_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, BYLINE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::place-image (BylineImage): a picture not in the text is to go in at the cursor. */
  signals[PLACE_IMAGE] =
    g_signal_new ("place-image", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BYLINE_TYPE_IMAGE);
  /* ::pictures-dropped (GListModel of GFile): picture files dropped on the panel. */
  signals[PICTURES_DROPPED] =
    g_signal_new ("pictures-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_LIST_MODEL);

  gtk_widget_class_install_action (widget_class, "panel.undo-removal", NULL, undo_removal_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "panel.undo-removal", NULL);

  g_type_ensure (BYLINE_TYPE_MISSING_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bylinenews/Byline/byline-caption-panel.ui");
  gtk_widget_class_set_css_name (widget_class, "captionpanel");
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionPanel, list_box);
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionPanel, add_button);
  gtk_widget_class_bind_template_child (widget_class, BylineCaptionPanel, missing_list);
}

static void
byline_caption_panel_init (BylineCaptionPanel *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->undo_toasts = byline_undo_toasts_new (GTK_WIDGET (self), "panel.undo-removal");
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_files_drop), self, G_CONNECT_DEFAULT);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  g_signal_connect_swapped (self->list_box, "row-selected", G_CALLBACK (on_row_selected), self);
  g_signal_connect_swapped (self->list_box, "map", G_CALLBACK (queue_fill), self);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (queue_fill), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (queue_fill), self, G_CONNECT_SWAPPED);
  update_count (self);
}
