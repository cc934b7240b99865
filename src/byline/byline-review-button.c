/* byline-review-button.c
 *
 * The count is of the stories listed with status "submitted" (a folder's
 * files, one request to a server): no story is downloaded for it.  A
 * destination out of reach keeps its last count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-destination.h"
#include "byline-review.h"
#include "byline-review-button.h"
#include "byline-widget-util.h"

/* Minutes at a desk: often enough to see the morning's stories come in,
 * seldom enough for a slow line. */
#define COUNT_SECONDS 300

struct _BylineReviewButton
{
  GtkButton     parent_instance;

  GtkLabel     *badge;
  GPtrArray    *destinations;   /* BylineDestination */
  GHashTable   *counts;         /* account name → stories waiting + 1 (0: not counted yet) */
  GCancellable *cancellable;
  guint         timeout_id;
};

G_DEFINE_FINAL_TYPE (BylineReviewButton, byline_review_button, GTK_TYPE_BUTTON)

static void
update (BylineReviewButton *self)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *waiting = NULL;

  g_hash_table_iter_init (&iter, self->counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value) - 1;
  if (total > 0)
    count = total > 99 ? g_strdup ("99+") : g_strdup_printf ("%u", total);
  gtk_label_set_text (self->badge, count ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (self->badge), count != NULL);

  waiting = total > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u story waiting", "%u stories waiting",
                                                       total), total)
                      : g_strdup (_("No story waiting"));
  /* Translators: the Review Queue button's tooltip; %s is "5 stories waiting" */
  tooltip = g_strdup_printf (_("Review Queue (Ctrl+Shift+R): %s"), waiting);
  byline_widget_set_tooltip (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Review queue"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, waiting,
                                  -1);
}

typedef struct
{
  BylineReviewButton *self;
  char               *name;
} CountData;

static void
count_data_free (CountData *data)
{
  g_clear_object (&data->self);
  g_free (data->name);
  g_free (data);
}

static void
on_listed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  CountData *data = user_data;
  g_autoptr(GPtrArray) stories = NULL;
  g_autoptr(GError) error = NULL;

  stories = byline_review_source_list_finish (BYLINE_REVIEW_SOURCE (object), result, &error);
  /* The window closed meanwhile (a folder's listing does not stop when
   * cancelled): nothing to show it on. */
  if (data->self->counts == NULL)
    {
      count_data_free (data);
      return;
    }
  if (stories != NULL)
    {
      g_hash_table_replace (data->self->counts, g_strdup (data->name), GUINT_TO_POINTER (stories->len + 1));
      update (data->self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Stories waiting on “%s” not counted: %s", data->name, error->message);
  count_data_free (data);
}

void
byline_review_button_recount (BylineReviewButton *self)
{
  g_return_if_fail (BYLINE_IS_REVIEW_BUTTON (self));

  if (self->destinations == NULL)   /* disposed: a queue closed with its window */
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  for (guint i = 0; i < self->destinations->len; i++)
    {
      BylineDestination *destination = g_ptr_array_index (self->destinations, i);
      CountData *data = g_new0 (CountData, 1);

      data->self = g_object_ref (self);
      data->name = g_strdup (byline_destination_get_name (destination));
      byline_review_source_list_async (BYLINE_REVIEW_SOURCE (destination), BYLINE_STATUS_SUBMITTED,
                                       self->cancellable, on_listed, data);
    }
}

void
byline_review_button_set_count (BylineReviewButton *self,
                                BylineDestination  *destination,
                                guint               n)
{
  g_return_if_fail (BYLINE_IS_REVIEW_BUTTON (self));
  g_return_if_fail (BYLINE_IS_DESTINATION (destination));

  if (self->destinations == NULL || !g_ptr_array_find (self->destinations, destination, NULL))
    return;
  g_hash_table_replace (self->counts, g_strdup (byline_destination_get_name (destination)), GUINT_TO_POINTER (n + 1));
  update (self);
}

static gboolean
count_again (gpointer user_data)
{
  byline_review_button_recount (user_data);
  return G_SOURCE_CONTINUE;
}

void
byline_review_button_set_destinations (BylineReviewButton *self,
                                       GPtrArray          *destinations)
{
  g_return_if_fail (BYLINE_IS_REVIEW_BUTTON (self));

  if (self->destinations == NULL)   /* disposed */
    return;
  g_ptr_array_set_size (self->destinations, 0);
  for (guint i = 0; destinations != NULL && i < destinations->len; i++)
    {
      BylineDestination *destination = g_ptr_array_index (destinations, i);

      g_return_if_fail (BYLINE_IS_REVIEW_SOURCE (destination));
      g_ptr_array_add (self->destinations, g_object_ref (destination));
    }
  g_hash_table_remove_all (self->counts);
  update (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->destinations->len == 0)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }
  byline_review_button_recount (self);
  self->timeout_id = g_timeout_add_seconds (byline_env_get_seconds ("BYLINE_REVIEW_COUNT_SECONDS", 1, COUNT_SECONDS),
                                            count_again, self);
}

const char *
byline_review_button_get_badge_text (BylineReviewButton *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_BUTTON (self), NULL);
  return gtk_label_get_text (self->badge);
}

static void
byline_review_button_dispose (GObject *object)
{
  BylineReviewButton *self = BYLINE_REVIEW_BUTTON (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->destinations, g_ptr_array_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  G_OBJECT_CLASS (byline_review_button_parent_class)->dispose (object);
}

static void
byline_review_button_class_init (BylineReviewButtonClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = byline_review_button_dispose;
}

static void
byline_review_button_init (BylineReviewButton *self)
{
  GtkWidget *overlay = gtk_overlay_new ();

  self->destinations = g_ptr_array_new_with_free_func (g_object_unref);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->badge = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), "checklist-badge");
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), "review");
  gtk_widget_set_halign (GTK_WIDGET (self->badge), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self->badge), GTK_ALIGN_START);
  gtk_widget_set_can_target (GTK_WIDGET (self->badge), FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->badge), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), gtk_image_new_from_icon_name ("mail-unread-symbolic"));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->badge));
  gtk_button_set_child (GTK_BUTTON (self), overlay);
  update (self);
}
