/* byline-review-dialog.c
 *
 * The rows are bound to a BylineReviewQueue, which lists the destination
 * again on refresh (newest first, with word counts and preflight status).
 * Opening a story downloads it with its pictures into its local draft
 * (byline_review_open_async); the window then shows that draft.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "byline-drafts-dialog.h"
#include "byline-review-dialog.h"
#include "byline-widget-util.h"

struct _BylineReviewDialog
{
  AdwDialog          parent_instance;

  BylineDraftStore  *store;
  GPtrArray         *destinations;   /* BylineDestination, as in account_names */
  GArray            *statuses;       /* BylineStatus, as in status_names */
  BylineReviewQueue *queue;
  GtkFilterListModel *shown;     /* the queue, as the search finds it */
  char              *query;      /* the search, folded as byline_text_slugify() does */
  GCancellable      *cancellable;
  gboolean           opening;
  gboolean           filling;
  gboolean           listed;     /* the list has been shown once */

  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkButton         *refresh_button;
  GtkWidget         *search_clamp;
  GtkSearchEntry    *search_entry;
  AdwComboRow       *account_row;
  GtkStringList     *account_names;
  AdwComboRow       *status_row;
  GtkStringList     *status_names;
  GtkStack          *stack;
  GtkListBox        *list_box;
  AdwStatusPage     *empty_page;
  AdwStatusPage     *error_page;
};

G_DEFINE_FINAL_TYPE (BylineReviewDialog, byline_review_dialog, ADW_TYPE_DIALOG)

enum {
  OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
byline_review_status_title (BylineStatus status)
{
  return status == BYLINE_STATUS_RETURNED ? _("Returned to You") : _("Waiting for Review");
}

static BylineDestination *
current_destination (BylineReviewDialog *self)
{
  guint i = adw_combo_row_get_selected (self->account_row);

  return i < self->destinations->len ? g_ptr_array_index (self->destinations, i) : NULL;
}

static BylineStatus
current_status (BylineReviewDialog *self)
{
  guint i = adw_combo_row_get_selected (self->status_row);

  return i < self->statuses->len ? g_array_index (self->statuses, BylineStatus, i) : BYLINE_STATUS_RETURNED;
}

/* ------------------------------------------------------------------ rows */

static char *
preflight_label (BylineReviewStory *story,
                 const char       **style)
{
  const BylineRemoteStory *remote = byline_review_story_get_story (story);

  if (remote->problem != NULL)
    {
      *style = "error";
      return g_strdup (_("Damaged"));
    }
  if (remote->not_checked != NULL)
    {
      *style = "warning";
      return g_strdup (_("Not checked"));
    }
  if (!remote->checked)
    {
      *style = "dim-label";
      return g_strdup (_("Checking…"));
    }
  if (remote->n_errors > 0)
    {
      *style = "error";
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", remote->n_errors),
                              remote->n_errors);
    }
  if (remote->n_warnings > 0)
    {
      *style = "warning";
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", remote->n_warnings),
                              remote->n_warnings);
    }
  *style = "success";
  return g_strdup (_("Ready"));
}

static char *
row_subtitle (BylineReviewStory *story)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *when = NULL;
  g_autofree char *words = NULL;
  g_autofree char *line = NULL;
  const char *note = byline_review_story_get_story (story)->note;
  const char *author = byline_review_story_get_author (story);
  const char *category = byline_review_story_get_category (story);
  guint n_words = byline_review_story_get_word_count (story);

  if (author != NULL && *author != '\0')
    g_strv_builder_add (parts, author);
  if (category != NULL && *category != '\0')
    g_strv_builder_add (parts, category);
  if (byline_review_story_get_submitted (story) != NULL)
    {
      g_autofree char *relative = byline_format_relative_time (byline_review_story_get_submitted (story));

      /* A narrow row wraps between the parts, not inside one. */
      when = byline_widget_keep_together (relative);
      g_strv_builder_add (parts, when);
    }
  {
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", n_words), n_words);

    words = byline_widget_keep_together (count);
  }
  if (byline_review_story_get_story (story)->checked)
    g_strv_builder_add (parts, words);
  strv = g_strv_builder_end (parts);
  line = g_strjoinv (" · ", strv);
  /* A damaged story: why it cannot be opened, for the editor to tell its reporter. */
  if (byline_review_story_get_story (story)->problem != NULL)
    {
      char *with_problem = g_strdup_printf ("%s\n%s", line, byline_review_story_get_story (story)->problem);

      g_free (line);
      line = with_problem;
    }
  /* The note that came with it, on a line of its own: the reporter's word
   * to the editor (or the editor's to the reporter) is read before opening. */
  if (note != NULL && *note != '\0')
    {
      g_autofree char *one_line = g_strdelimit (g_strdup (note), "\r\n", ' ');

      return g_strdup_printf (_("%s\nNote: %s"), line, one_line);
    }
  return g_steal_pointer (&line);
}

static void
on_open_clicked (GtkButton          *button,
                 BylineReviewDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  byline_review_dialog_open_story (self, g_object_get_data (G_OBJECT (row), "remote-id"));
}

/* What the row says of its story: again once the story is checked. */
static void
fill_row (BylineReviewDialog *self,
          GtkWidget          *row,
          BylineReviewStory  *story)
{
  const BylineRemoteStory *remote = byline_review_story_get_story (story);
  g_autofree char *subtitle = row_subtitle (story);
  const char *style = NULL;
  g_autofree char *preflight = preflight_label (story, &style);
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "preflight");
  GtkWidget *button = g_object_get_data (G_OBJECT (row), "button");
  const char *why = remote->problem == NULL ? (remote->not_checked ? remote->not_checked : remote->errors) : NULL;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_label_set_text (GTK_LABEL (label), preflight);
  for (guint i = 0; i < 4; i++)
    gtk_widget_remove_css_class (label, (const char *[]) { "error", "warning", "success", "dim-label" }[i]);
  gtk_widget_add_css_class (label, style);
  /* "1 error": which, before opening the story; "Not checked": why. */
  gtk_widget_set_tooltip_text (label, why);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why ? why : "", -1);
  /* A damaged story would not open: its row says why instead. */
  gtk_widget_set_sensitive (button, remote->problem == NULL && !self->opening);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), remote->problem == NULL);
  g_object_set_data (G_OBJECT (row), "damaged", GINT_TO_POINTER (remote->problem != NULL));
}

static void
on_story_checked (BylineReviewStory  *story,
                  GParamSpec         *pspec,
                  GtkWidget          *row)
{
  BylineReviewDialog *self = BYLINE_REVIEW_DIALOG (gtk_widget_get_ancestor (row, BYLINE_TYPE_REVIEW_DIALOG));

  if (self == NULL)
    return;
  fill_row (self, row, story);
  /* Its byline and category came with it: the search may find it now. */
  if (self->query != NULL && *self->query != '\0' && self->shown != NULL)
    gtk_filter_changed (gtk_filter_list_model_get_filter (self->shown), GTK_FILTER_CHANGE_DIFFERENT);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BylineReviewDialog *self = user_data;
  BylineReviewStory *story = item;
  const char *headline = byline_review_story_get_headline (story);
  g_autofree char *description = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *spinner = adw_spinner_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open"));

  if (headline == NULL || *headline == '\0')
    headline = _("Untitled story");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), headline);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  g_object_set_data_full (G_OBJECT (row), "remote-id",
                          g_strdup (byline_review_story_get_remote_id (story)), g_free);

  gtk_widget_add_css_class (label, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "preflight", label);

  gtk_widget_set_visible (spinner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Opening"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spinner);
  g_object_set_data (G_OBJECT (row), "spinner", spinner);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  description = g_strdup_printf (_("Open “%s”"), headline);
  /* Its name says which story, not "Open" as every row's would (the label
   * child names a button unless the relation goes). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_tooltip_text (button, description);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_open_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "button", button);

  fill_row (self, row, story);
  g_signal_connect_object (story, "notify::checked", G_CALLBACK (on_story_checked), row, 0);
  return row;
}

static void
on_row_activated (BylineReviewDialog *self,
                  GtkListBoxRow      *row)
{
  byline_review_dialog_open_story (self, g_object_get_data (G_OBJECT (row), "remote-id"));
}

static void
set_rows_busy (BylineReviewDialog *self,
               const char         *remote_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *spinner = g_object_get_data (G_OBJECT (row), "spinner");
      GtkWidget *button = g_object_get_data (G_OBJECT (row), "button");

      if (button == NULL)
        continue;
      gtk_widget_set_sensitive (button, remote_id == NULL && g_object_get_data (G_OBJECT (row), "damaged") == NULL);
      gtk_widget_set_visible (spinner, g_strcmp0 (remote_id, g_object_get_data (G_OBJECT (row), "remote-id")) == 0);
    }
}

/* -------------------------------------------------------------- listing */

/* The search shows once the stories are more than a glance takes in. */
#define SEARCH_FROM 8

static void
show_page (BylineReviewDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));
  g_autofree char *count = NULL;

  if (!byline_review_queue_get_loading (self->queue) || n > 0)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u story", "%u stories", n), n);
  adw_window_title_set_subtitle (self->window_title, count ? count : "");
  gtk_widget_set_visible (self->search_clamp, n >= SEARCH_FROM
                          || *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0');

  if (byline_review_queue_get_loading (self->queue) && n == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (n == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      /* The first time the stories show (listed, still being checked), the
       * keyboard goes to the first one (it was on Refresh, where Space would
       * have listed them again): Enter opens it. */
      if (!self->listed)
        {
          GtkWidget *focus = adw_dialog_get_focus (ADW_DIALOG (self));
          GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list_box, 0);

          self->listed = TRUE;
          if (first != NULL && (focus == NULL || focus == GTK_WIDGET (self->refresh_button)))
            adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (first));
        }
    }
}

/* -------------------------------------------------------------- search */

static gboolean
story_matches (gpointer item,
               gpointer user_data)
{
  BylineReviewDialog *self = user_data;
  const BylineRemoteStory *story = byline_review_story_get_story (item);
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (self->query == NULL || *self->query == '\0')
    return TRUE;
  /* Folded as the query is: "bac ha" finds "Bắc Hà", "thu ha" Thu Hà's stories. */
  text = g_strjoin (" ", story->headline ? story->headline : "", story->author ? story->author : "",
                    story->category ? story->category : "", story->note ? story->note : "", NULL);
  folded = byline_text_slugify (text);
  return strstr (folded, self->query) != NULL;
}

static void
on_search_changed (BylineReviewDialog *self)
{
  GtkFilter *filter;

  g_free (self->query);
  self->query = byline_text_slugify (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (self->shown == NULL)
    return;
  filter = gtk_filter_list_model_get_filter (self->shown);
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  show_page (self);
  /* What it found starts at the top, not where the scroll was. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->list_box), GTK_TYPE_SCROLLED_WINDOW);

    if (scrolled != NULL)
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
  }
}

/* A key typed on a story's row goes to the search (its key capture); the
 * keyboard follows it there, or the next key, a space, opened that story. */
static void
on_search_text_changed (BylineReviewDialog *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0'
      && !byline_widget_has_keyboard (GTK_WIDGET (self->search_entry)))
    {
      gtk_widget_set_visible (self->search_clamp, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

/* Enter in the search opens the first story it found. */
static void
on_search_activate (BylineReviewDialog *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
      {
        byline_review_dialog_open_story (self, g_object_get_data (G_OBJECT (row), "remote-id"));
        return;
      }
}

/* Escape in the search: clears it, or closes the queue when it is empty. */
static void
on_search_stop (BylineReviewDialog *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    adw_dialog_close (ADW_DIALOG (self));
}

/* Down in the search goes to the stories it found. */
static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       BylineReviewDialog    *self)
{
  return byline_list_box_take_down (self->list_box, keyval, state);
}

static void
on_refreshed (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BylineReviewDialog) self = user_data;
  BylineReviewQueue *queue = BYLINE_REVIEW_QUEUE (object);
  g_autoptr(GError) error = NULL;

  if (!byline_review_queue_refresh_finish (queue, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || queue != self->queue)
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  if (queue != self->queue)
    return;
  show_page (self);
}

void
byline_review_dialog_refresh (BylineReviewDialog *self)
{
  BylineDestination *destination;
  BylineStatus status;

  g_return_if_fail (BYLINE_IS_REVIEW_DIALOG (self));

  destination = current_destination (self);
  status = current_status (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (destination == NULL)
    {
      adw_status_page_set_description (self->empty_page, _("No account has a review queue: add one in Preferences, Accounts."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (self->queue == NULL || byline_review_queue_get_destination (self->queue) != destination
      || byline_review_queue_get_status (self->queue) != status)
    {
      g_clear_object (&self->shown);
      g_clear_object (&self->queue);
      self->queue = byline_review_queue_new (destination, status);
      self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->queue)),
                                               GTK_FILTER (gtk_custom_filter_new (story_matches, self, NULL)));
      gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->shown), create_row, self, NULL);
      g_signal_connect_object (self->shown, "items-changed", G_CALLBACK (show_page), self, G_CONNECT_SWAPPED);
    }
  adw_status_page_set_description (self->empty_page,
                                   status == BYLINE_STATUS_RETURNED
                                   ? _("No story has been returned to you.")
                                   : _("No story is waiting for review."));
  self->cancellable = g_cancellable_new ();
  byline_review_queue_refresh_async (self->queue, NULL, self->cancellable, on_refreshed, g_object_ref (self));
  show_page (self);
}

static void
fill_statuses (BylineReviewDialog *self)
{
  BylineDestination *destination = current_destination (self);
  BylinePermissions permissions = 0;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  BylineStatus status;

  if (destination != NULL && BYLINE_IS_REVIEW_SOURCE (destination))
    permissions = byline_review_source_get_permissions (BYLINE_REVIEW_SOURCE (destination));
  g_array_set_size (self->statuses, 0);
  if (permissions & BYLINE_PERMISSION_REVIEW)
    {
      status = BYLINE_STATUS_SUBMITTED;
      g_array_append_val (self->statuses, status);
      g_strv_builder_add (names, byline_review_status_title (status));
    }
  status = BYLINE_STATUS_RETURNED;
  g_array_append_val (self->statuses, status);
  g_strv_builder_add (names, byline_review_status_title (status));
  strv = g_strv_builder_end (names);

  self->filling = TRUE;
  gtk_string_list_splice (self->status_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->status_names)),
                          (const char * const *) strv);
  adw_combo_row_set_selected (self->status_row, 0);
  self->filling = FALSE;
}

static void
on_choice_changed (BylineReviewDialog *self,
                   GParamSpec         *pspec,
                   AdwComboRow        *row)
{
  if (self->filling)
    return;
  if (row == self->account_row)
    fill_statuses (self);
  byline_review_dialog_refresh (self);
}

void
byline_review_dialog_add_account (BylineReviewDialog *self,
                                  BylineDestination  *destination)
{
  g_return_if_fail (BYLINE_IS_REVIEW_DIALOG (self));
  g_return_if_fail (BYLINE_IS_REVIEW_SOURCE (destination));

  g_ptr_array_add (self->destinations, g_object_ref (destination));
  self->filling = TRUE;
  gtk_string_list_append (self->account_names, byline_destination_get_name (destination));
  self->filling = FALSE;
  if (self->destinations->len == 1)
    fill_statuses (self);
  gtk_widget_set_visible (GTK_WIDGET (self->account_row), self->destinations->len > 1);
}

gboolean
byline_review_dialog_show (BylineReviewDialog *self,
                           const char         *name,
                           BylineStatus        status)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_DIALOG (self), FALSE);

  for (guint i = 0; i < self->destinations->len; i++)
    {
      if (g_strcmp0 (byline_destination_get_name (g_ptr_array_index (self->destinations, i)), name) != 0)
        continue;
      self->filling = TRUE;
      adw_combo_row_set_selected (self->account_row, i);
      self->filling = FALSE;
      fill_statuses (self);
      for (guint j = 0; j < self->statuses->len; j++)
        if (g_array_index (self->statuses, BylineStatus, j) == status)
          {
            self->filling = TRUE;
            adw_combo_row_set_selected (self->status_row, j);
            self->filling = FALSE;
            byline_review_dialog_refresh (self);
            return TRUE;
          }
      return FALSE;
    }
  return FALSE;
}

/* -------------------------------------------------------------- opening */

typedef struct
{
  BylineReviewDialog *self;
  BylineDestination  *destination;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->destination);
  g_free (data);
}

static void
on_story_opened (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  OpenData *data = user_data;
  BylineReviewDialog *self = data->self;
  g_autoptr(BylineReviewOpened) opened = NULL;
  g_autoptr(GError) error = NULL;

  opened = byline_review_open_finish (BYLINE_DRAFT_STORE (object), result, &error);
  self->opening = FALSE;
  set_rows_busy (self, NULL);
  if (opened == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could not open the story: %s"), error->message);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_timeout (toast, 8);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    {
      /* Closed first: closing gives the keyboard back to where it was
       * before, and the window then puts it in the story. */
      adw_dialog_close (ADW_DIALOG (self));
      g_signal_emit (self, signals[OPENED], 0, data->destination, opened);
    }
  open_data_free (data);
}

void
byline_review_dialog_open_story (BylineReviewDialog *self,
                                 const char         *remote_id)
{
  BylineDestination *destination;
  OpenData *data;

  g_return_if_fail (BYLINE_IS_REVIEW_DIALOG (self));

  destination = current_destination (self);
  if (self->opening || destination == NULL || remote_id == NULL)
    return;
  self->opening = TRUE;
  set_rows_busy (self, remote_id);
  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->destination = g_object_ref (destination);
  byline_review_open_async (self->store, destination, remote_id, NULL, on_story_opened, data);
}

BylineReviewQueue *
byline_review_dialog_get_queue (BylineReviewDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_DIALOG (self), NULL);
  return self->queue;
}

GtkListBox *
byline_review_dialog_get_list (BylineReviewDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_DIALOG (self), NULL);
  return self->list_box;
}

GtkEditable *
byline_review_dialog_get_search (BylineReviewDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_REVIEW_DIALOG (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

/* ---------------------------------------------------------------- class */

static gboolean
refresh_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  byline_review_dialog_refresh (BYLINE_REVIEW_DIALOG (widget));
  return TRUE;
}

static void
byline_review_dialog_dispose (GObject *object)
{
  BylineReviewDialog *self = BYLINE_REVIEW_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->shown);
  g_clear_object (&self->queue);
  gtk_widget_dispose_template (GTK_WIDGET (object), BYLINE_TYPE_REVIEW_DIALOG);
  G_OBJECT_CLASS (byline_review_dialog_parent_class)->dispose (object);
}

static void
byline_review_dialog_finalize (GObject *object)
{
  BylineReviewDialog *self = BYLINE_REVIEW_DIALOG (object);

  g_clear_object (&self->store);
  g_free (self->query);
  g_clear_pointer (&self->destinations, g_ptr_array_unref);
  g_clear_pointer (&self->statuses, g_array_unref);
  G_OBJECT_CLASS (byline_review_dialog_parent_class)->finalize (object);
}

static void
byline_review_dialog_class_init (BylineReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_review_dialog_dispose;
  object_class->finalize = byline_review_dialog_finalize;

  /* (BylineDestination *destination, BylineReviewOpened *opened) */
  signals[OPENED] = g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, BYLINE_TYPE_DESTINATION, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bylinenews/Byline/byline-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineReviewDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BylineReviewDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BylineReviewDialog, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, BylineReviewDialog, search_clamp);
  gtk_widget_class_bind_template_child (widget_class, BylineReviewDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineReviewDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, BylineReviewDialog, account_names);
  gtk_widget_class_bind_template_child (widget_class, BylineReviewDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, BylineReviewDialog, status_names);
  gtk_widget_class_bind_template_child (widget_class, BylineReviewDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, BylineReviewDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, BylineReviewDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BylineReviewDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, byline_review_dialog_refresh);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key_pressed);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_F5, 0, refresh_shortcut, NULL);
}

static void
byline_review_dialog_init (BylineReviewDialog *self)
{
  self->destinations = g_ptr_array_new_with_free_func (g_object_unref);
  self->statuses = g_array_new (FALSE, FALSE, sizeof (BylineStatus));
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->account_row), FALSE);
  /* Typing anywhere in the queue searches it. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

AdwDialog *
byline_review_dialog_new (BylineDraftStore *store)
{
  BylineReviewDialog *self;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);

  self = g_object_new (BYLINE_TYPE_REVIEW_DIALOG, NULL);
  self->store = g_object_ref (store);
  return ADW_DIALOG (self);
}
