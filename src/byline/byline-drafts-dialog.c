/* byline-drafts-dialog.c
 *
 * The list comes from byline_draft_store_list(), which reads each draft's
 * small summary, not its body.  Searching ignores case and Vietnamese
 * diacritics, as reporters type fast ("nam nhun" finds "Nậm Nhùn").
 *
 * A reporter's year is a thousand drafts or more, and a row is a dozen
 * widgets: a row for each took seconds to show.  The search runs over all
 * the summaries, and rows are made for the newest PAGE of what it finds,
 * with a "Show More" row below for the next PAGE.
 *
 * "Deleted Drafts" lists the store's trash on a page of its own, each draft
 * with when it was deleted, how long it is kept (Preferences'
 * "trash-days") and Restore: the toast's Undo is gone in seconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-drafts-dialog.h"
#include "byline-widget-util.h"
#include "byline-undo-toasts.h"

struct _BylineDraftsDialog
{
  AdwDialog         parent_instance;

  BylineDraftStore *store;
  GStrv             open_ids;
  char             *query;
  GPtrArray        *drafts;       /* BylineDraftSummary, newest first */
  GPtrArray        *folded;       /* each one's headline as searched */
  GHashTable       *damaged;      /* id → BylineDraftVersion: a damaged draft's last saved version */
  guint             limit;        /* rows to show at most */
  guint             trash_limit;  /* the same on the Deleted Drafts page */
  guint             n_trash;      /* drafts in the trash, shown or not */
  guint             n_visible;    /* drafts the search finds */

  AdwToastOverlay  *toast_overlay;
  AdwNavigationView *navigation;
  GtkSearchEntry   *search_entry;
  GtkStack         *stack;
  GtkListBox       *list_box;
  GtkStack         *trash_stack;
  GtkListBox       *trash_list;
  AdwStatusPage    *trash_empty;
  GtkWidget        *empty_button;
  BylineUndoToasts *undo_toasts;  /* of the drafts deleted */
};

/* Rows made at a time. */
#define PAGE 50

G_DEFINE_FINAL_TYPE (BylineDraftsDialog, byline_drafts_dialog, ADW_TYPE_DIALOG)

enum {
  OPEN_DRAFT,
  NEW_DRAFT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
byline_format_relative_time (GDateTime *when)
{
  return byline_format_relative_time_full (when, FALSE);
}

char *
byline_format_relative_time_full (GDateTime *when,
                                  gboolean   seconds)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;
  int days;

  if (when == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (when);
  /* As the dates below say the time: "21:05", or "9:05 PM" in US English. */
  time = byline_format_date (local, BYLINE_DATE_FORMAT_TIME | (seconds ? BYLINE_DATE_FORMAT_SECONDS : 0), NULL);
  days = g_date_time_get_day_of_year (now) - g_date_time_get_day_of_year (local)
         + 365 * (g_date_time_get_year (now) - g_date_time_get_year (local));

  if (days == 0)
    /* Translators: %s is a time like 10:32 */
    return g_strdup_printf (_("Today, %s"), time);
  if (days == 1)
    return g_strdup_printf (_("Yesterday, %s"), time);
  return byline_format_date (local, BYLINE_DATE_FORMAT_DATE | BYLINE_DATE_FORMAT_TIME
                                    | (seconds ? BYLINE_DATE_FORMAT_SECONDS : 0), NULL);
}

static const char *
status_name (BylineStatus status)
{
  switch (status)
    {
    case BYLINE_STATUS_SUBMITTED: return _("Submitted");
    case BYLINE_STATUS_RETURNED: return _("Returned");
    case BYLINE_STATUS_SCHEDULED: return _("Scheduled");
    case BYLINE_STATUS_PUBLISHED: return _("Published");
    case BYLINE_STATUS_DRAFT:
    default: return _("Draft");
    }
}

static gboolean
is_open (BylineDraftsDialog *self,
         const char         *id)
{
  return self->open_ids != NULL && g_strv_contains ((const char * const *) self->open_ids, id);
}

static void
show_toast (BylineDraftsDialog *self,
            AdwToast           *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_undelete (AdwToast           *toast,
             BylineDraftsDialog *self)
{
  g_autofree char *id = g_object_steal_data (G_OBJECT (toast), "id");
  g_autoptr(GError) error = NULL;

  if (id == NULL)
    return;
  if (!byline_draft_store_undelete (self->store, id, &error))
    show_toast (self, byline_toast_new_for_error (error));
  byline_drafts_dialog_reload (self);
  /* The draft back, its row under the keyboard. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "id"), id) == 0)
      {
        adw_dialog_set_focus (ADW_DIALOG (self), row);
        break;
      }
}

/* Ctrl+Z: the latest deletion whose toast still shows, as its Undo does. */
static void
undo_delete_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  byline_undo_toasts_undo_latest (BYLINE_DRAFTS_DIALOG (widget)->undo_toasts);
}

static void fill_rows (BylineDraftsDialog *self);

/* A draft deleted here leaves the list without the store being read again. */
static void
forget_draft (BylineDraftsDialog *self,
              const char         *id)
{
  for (guint i = 0; self->drafts != NULL && i < self->drafts->len; i++)
    if (g_str_equal (((BylineDraftSummary *) g_ptr_array_index (self->drafts, i))->id, id))
      {
        g_ptr_array_remove_index (self->drafts, i);
        g_ptr_array_remove_index (self->folded, i);
        break;
      }
  fill_rows (self);
}

static void
delete_row (BylineDraftsDialog *self,
            GtkWidget          *row)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "id"));
  const char *headline = g_object_get_data (G_OBJECT (row), "headline");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!byline_draft_store_delete (self->store, id, &error))
    {
      show_toast (self, byline_toast_new_for_error (error));
      return;
    }
  /* Translators: %s is a headline */
  title = g_strdup_printf (_("“%s” deleted"), headline);
  toast = byline_undo_toasts_add (self->undo_toasts, title);
  g_object_set_data_full (G_OBJECT (toast), "id", g_strdup (id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undelete), self, 0);
  show_toast (self, toast);
  forget_draft (self, id);
}

static void
on_delete_clicked (GtkButton          *button,
                   BylineDraftsDialog *self)
{
  delete_row (self, gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW));
}

/* Down in the search goes to the drafts it found. */
static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       BylineDraftsDialog    *self)
{
  return byline_list_box_take_down (self->list_box, keyval, state);
}

/* The Delete key on a draft's row (or its button) deletes it, as its button
 * does; the keyboard goes on to the row that takes its place.  Taken in the
 * capture phase, ahead of the search's key capture, which would swallow it;
 * anywhere else (in the search) the key is left alone. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BylineDraftsDialog    *self)
{
  GtkWidget *focus = adw_dialog_get_focus (ADW_DIALOG (self));
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  GtkListBoxRow *next;
  int index;


  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete)
      || (state & gtk_accelerator_get_default_mod_mask ()) != 0
      || row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->list_box)
      || g_object_get_data (G_OBJECT (row), "deletable") == NULL)
    return FALSE;
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  delete_row (self, row);
  next = gtk_list_box_get_row_at_index (self->list_box, index);
  if (next == NULL && index > 0)
    next = gtk_list_box_get_row_at_index (self->list_box, index - 1);
  if (next != NULL)
    adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (next));
  return TRUE;
}

/* A draft's row, on either page: its headline ("Untitled Story" when it has
 * none, and so in the row's "headline" data), @subtitle below, and its id. */
static GtkWidget *
make_summary_row (const BylineDraftSummary *summary,
                  const char               *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  const char *headline = byline_text_is_blank (summary->headline) ? _("Untitled Story") : summary->headline;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), headline);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data_full (G_OBJECT (row), "id", g_strdup (summary->id), g_free);
  g_object_set_data_full (G_OBJECT (row), "headline", g_strdup (headline), g_free);
  return row;
}

/* A draft whose file cannot be read: listed under its last saved version
 * (the history holds the current version too), which activating it offers
 * to open (recover_draft()).  Without one, it can only be seen and deleted. */
static GtkWidget *
make_damaged_row (BylineDraftsDialog       *self,
                  const BylineDraftSummary *summary)
{
  BylineDraftVersion *newest = g_hash_table_lookup (self->damaged, summary->id);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (newest == NULL)
    {
      subtitle = g_strdup_printf (_("Cannot be opened: %s"), summary->problem);
      row = make_summary_row (summary, subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      return row;
    }
  {
    g_autofree char *when = byline_format_relative_time (newest->saved);

    /* Translators: %s is when the version was saved: "Today, 16:24" */
    subtitle = g_strdup_printf (_("Damaged · last saved version: %s"), when);
  }
  row = make_summary_row (summary, subtitle);
  if (!byline_text_is_blank (newest->headline))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), newest->headline);
      g_object_set_data_full (G_OBJECT (row), "headline", g_strdup (newest->headline), g_free);
    }
  g_object_set_data_full (G_OBJECT (row), "problem", g_strdup (summary->problem), g_free);
  g_object_set_data_full (G_OBJECT (row), "saved", g_date_time_ref (newest->saved),
                          (GDestroyNotify) g_date_time_unref);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static GtkWidget *
make_row (BylineDraftsDialog       *self,
          const BylineDraftSummary *summary)
{
  GtkWidget *delete;
  g_autofree char *when = byline_format_relative_time (summary->modified);
  g_autofree char *words = byline_format_word_count (summary->word_count, NULL);
  g_autofree char *subtitle = NULL;
  g_autofree char *delete_name = NULL;
  GtkWidget *row;
  const char *headline;

  if (summary->problem != NULL)
    row = make_damaged_row (self, summary);
  else
    {
      g_autofree char *status = byline_widget_keep_together (status_name (summary->status));
      g_autofree char *kept_when = byline_widget_keep_together (when);
      g_autofree char *kept_words = byline_widget_keep_together (words);

      /* A narrow row wraps between the parts, not inside one. */
      subtitle = g_strdup_printf ("%s · %s · %s", status, kept_when, kept_words);
      row = make_summary_row (summary, subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  headline = g_object_get_data (G_OBJECT (row), "headline");

  if (is_open (self, summary->id))
    {
      GtkWidget *badge = gtk_label_new (_("Open"));

      gtk_widget_add_css_class (badge, "dim-label");
      gtk_widget_add_css_class (badge, "caption");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  else
    {
      delete_name = g_strdup_printf (_("Delete “%s”"), headline);
      delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_tooltip_text (delete, _("Delete"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_name, -1);
      g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
      g_object_set_data (G_OBJECT (row), "deletable", GINT_TO_POINTER (TRUE));
    }
  return row;
}

static gboolean
matches (BylineDraftsDialog *self,
         guint               i)
{
  return self->query == NULL || *self->query == '\0'
         || strstr (g_ptr_array_index (self->folded, i), self->query) != NULL;
}

static void
update_page (BylineDraftsDialog *self)
{
  if (self->drafts == NULL || self->drafts->len == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (self->n_visible == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

/* "Show 50 More Drafts", of @left not shown yet. */
static GtkWidget *
make_more_row (guint left)
{
  guint next = MIN (left, PAGE);
  g_autofree char *title = g_strdup_printf (ngettext ("Show %u More Draft", "Show %u More Drafts", next), next);
  GtkWidget *more = adw_button_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
  adw_button_row_set_end_icon_name (ADW_BUTTON_ROW (more), "go-down-symbolic");
  g_object_set_data (G_OBJECT (more), "more", GINT_TO_POINTER (TRUE));
  return more;
}

/* After "Show More": the keyboard goes on from the first of the new rows,
 * which took the place of the "Show More" row at @index. */
static void
focus_row_at (GtkListBox *list,
              int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Rows for the first self->limit drafts the search finds, and "Show More"
 * when it finds more. */
static void
fill_rows (BylineDraftsDialog *self)
{
  guint shown = 0;

  gtk_list_box_remove_all (self->list_box);
  self->n_visible = 0;
  for (guint i = 0; self->drafts != NULL && i < self->drafts->len; i++)
    {
      if (!matches (self, i))
        continue;
      self->n_visible++;
      if (shown < self->limit)
        {
          gtk_list_box_append (self->list_box, make_row (self, g_ptr_array_index (self->drafts, i)));
          shown++;
        }
    }
  if (self->n_visible > shown)
    gtk_list_box_append (self->list_box, make_more_row (self->n_visible - shown));
  update_page (self);
}

static void
on_search_changed (BylineDraftsDialog *self)
{
  g_free (self->query);
  /* The same folding as the headlines': lower case, no diacritics, dashes for spaces. */
  self->query = byline_text_slugify (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  self->limit = PAGE;
  fill_rows (self);
}

static void
on_search_activate (BylineDraftsDialog *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row))
        && g_object_get_data (G_OBJECT (row), "more") == NULL)
      {
        g_signal_emit_by_name (self->list_box, "row-activated", row);
        return;
      }
}

static void
open_and_close (BylineDraftsDialog *self,
                const char         *id)
{
  g_autofree char *kept = g_strdup (id);

  adw_dialog_close (ADW_DIALOG (self));
  g_signal_emit (self, signals[OPEN_DRAFT], 0, kept);
}

static void
on_recover_response (AdwAlertDialog     *alert,
                     const char         *response,
                     BylineDraftsDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (alert), "id");
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "open") != 0)
    return;
  /* The newest version that can be read becomes the current one; the
   * damaged file is set aside in the draft's folder, not deleted. */
  versions = byline_draft_store_list_history (self->store, id, &error);
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      BylineDraftVersion *version = g_ptr_array_index (versions, i);
      g_autoptr(BylineArticle) article = NULL;

      g_clear_error (&error);
      article = byline_draft_store_restore (self->store, id, version->revision, &error);
      if (article != NULL)
        {
          open_and_close (self, id);
          return;
        }
    }
  show_toast (self, adw_toast_new (error != NULL ? error->message : _("No saved version of it can be read")));
  byline_drafts_dialog_reload (self);
}

static void
recover_draft (BylineDraftsDialog *self,
               GtkListBoxRow      *row)
{
  const char *headline = g_object_get_data (G_OBJECT (row), "headline");
  g_autofree char *when = byline_format_relative_time (g_object_get_data (G_OBJECT (row), "saved"));
  AdwDialog *alert = adw_alert_dialog_new (_("Open the Last Saved Version?"), NULL);

  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (alert),
                                /* Translators: the draft's headline, and when its last readable version
                                 * was saved */
                                _("The file of “%s” is damaged. The last version saved (%s) will be opened "
                                  "in its place. The damaged file is kept in the draft’s folder."),
                                headline, when);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "cancel", _("_Cancel"),
                                  "open", _("_Open Saved Version"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "open", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "open");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "cancel");
  g_object_set_data_full (G_OBJECT (alert), "id", g_strdup (g_object_get_data (G_OBJECT (row), "id")), g_free);
  g_signal_connect_object (alert, "response", G_CALLBACK (on_recover_response), self, 0);
  adw_dialog_present (alert, GTK_WIDGET (self));
}

static void
on_row_activated (BylineDraftsDialog *self,
                  GtkListBoxRow      *row)
{

  if (g_object_get_data (G_OBJECT (row), "more") != NULL)
    {
      int index = gtk_list_box_row_get_index (row);

      self->limit += PAGE;
      fill_rows (self);
      focus_row_at (self->list_box, index);
      return;
    }
  if (g_object_get_data (G_OBJECT (row), "problem") != NULL)
    recover_draft (self, row);
  else
    open_and_close (self, g_object_get_data (G_OBJECT (row), "id"));
}

static void
on_new_clicked (BylineDraftsDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
  g_signal_emit (self, signals[NEW_DRAFT], 0);
}

void
byline_drafts_dialog_reload (BylineDraftsDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BYLINE_IS_DRAFTS_DIALOG (self));

  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_ptr_array_set_size (self->folded, 0);
  g_hash_table_remove_all (self->damaged);
  self->drafts = byline_draft_store_list (self->store, &error);
  if (self->drafts == NULL)
    show_toast (self, byline_toast_new_for_error (error));
  for (guint i = 0; self->drafts != NULL && i < self->drafts->len; i++)
    {
      const BylineDraftSummary *summary = g_ptr_array_index (self->drafts, i);
      const char *headline = summary->headline;

      /* A damaged draft under its last saved version's headline, in its
       * row (make_damaged_row()) and here. */
      if (summary->problem != NULL)
        {
          g_autoptr(GPtrArray) versions = byline_draft_store_list_history (self->store, summary->id, NULL);

          if (versions != NULL && versions->len > 0)
            {
              BylineDraftVersion *newest = g_ptr_array_steal_index (versions, 0);

              g_hash_table_replace (self->damaged, g_strdup (summary->id), newest);
              headline = newest->headline;
            }
        }
      /* As the row shows it: "untitled" finds the untitled ones. */
      if (byline_text_is_blank (headline))
        headline = _("Untitled Story");
      g_ptr_array_add (self->folded, byline_text_slugify (headline));
    }
  fill_rows (self);
}

/* ------------------------------------------------------------------ trash */

static void fill_trash (BylineDraftsDialog *self);

static void
on_restore_clicked (GtkButton          *button,
                    BylineDraftsDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "id"));
  g_autofree char *headline = g_strdup (g_object_get_data (G_OBJECT (row), "headline"));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!byline_draft_store_undelete (self->store, id, &error))
    {
      show_toast (self, byline_toast_new_for_error (error));
      return;
    }
  /* Translators: %s is a headline */
  title = g_strdup_printf (_("“%s” restored"), headline);
  show_toast (self, adw_toast_new (title));
  byline_drafts_dialog_reload (self);
  fill_trash (self);
}

/* "Deleted: Today, 10:32 · Kept 29 more days" */
static char *
trash_subtitle (const BylineDraftSummary *summary,
                guint                     trash_days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = byline_format_relative_time (summary->deleted);
  g_autofree char *kept = NULL;
  gint64 age = summary->deleted != NULL ? g_date_time_difference (now, summary->deleted) / G_TIME_SPAN_DAY : 0;

  if (age >= trash_days)
    kept = g_strdup (_("Removed for good at the next start"));
  else
    kept = g_strdup_printf (ngettext ("Kept %u more day", "Kept %u more days", (gulong) (trash_days - age)),
                            (guint) (trash_days - age));
  /* Translators: when the draft was deleted (like "Today, 10:32"), then how
   * long it is still kept */
  return g_strdup_printf (_("Deleted: %s · %s"), when, kept);
}

static GtkWidget *
make_trash_row (BylineDraftsDialog       *self,
                const BylineDraftSummary *summary,
                guint                     trash_days)
{
  GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore"));
  g_autofree char *subtitle = trash_subtitle (summary, trash_days);
  GtkWidget *row = make_summary_row (summary, subtitle);
  /* Translators: %s is a headline */
  g_autofree char *restore_name = g_strdup_printf (_("Restore “%s”"),
                                                   (char *) g_object_get_data (G_OBJECT (row), "headline"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  /* Which draft it restores, for a screen reader: a button's label would
   * name it by the label alone ("Restore"), the same on every row. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (restore), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (restore), GTK_ACCESSIBLE_PROPERTY_LABEL, restore_name, -1);
  g_signal_connect_object (restore, "clicked", G_CALLBACK (on_restore_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
  return row;
}

static void
fill_trash (BylineDraftsDialog *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  guint trash_days = g_settings_get_uint (settings, "trash-days");
  g_autoptr(GPtrArray) trash = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  gtk_list_box_remove_all (self->trash_list);
  trash = byline_draft_store_list_trash (self->store, &error);
  if (trash == NULL)
    {
      show_toast (self, byline_toast_new_for_error (error));
      return;
    }
  /* A page at a time, as the drafts: a big clean-up can fill the trash. */
  for (guint i = 0; i < trash->len && i < self->trash_limit; i++)
    gtk_list_box_append (self->trash_list, make_trash_row (self, g_ptr_array_index (trash, i), trash_days));
  if (trash->len > self->trash_limit)
    gtk_list_box_append (self->trash_list, make_more_row (trash->len - self->trash_limit));

  self->n_trash = trash->len;
  gtk_widget_set_sensitive (self->empty_button, trash->len > 0);
  kept = g_strdup_printf (ngettext ("Deleted drafts are kept here for %u day",
                                    "Deleted drafts are kept here for %u days", trash_days), trash_days);
  adw_status_page_set_description (self->trash_empty, kept);
  gtk_stack_set_visible_child_name (self->trash_stack, trash->len > 0 ? "list" : "empty");
}

static void
on_empty_response (AdwAlertDialog     *alert,
                   const char         *response,
                   BylineDraftsDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "empty"))
    return;
  /* All it can: one draft that cannot go does not keep the others. */
  byline_draft_store_empty_trash (self->store, &error);
  if (error != NULL)
    show_toast (self, byline_toast_new_for_error (error));
  fill_trash (self);
}

/* For good, and the pictures with them: asked first. */
static void
on_empty_clicked (BylineDraftsDialog *self)
{
  guint n = self->n_trash;
  AdwDialog *alert;

  /* (Short: a heading does not wrap.) */
  alert = adw_alert_dialog_new (_("Remove for Good?"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (alert),
                                ngettext ("The deleted draft and its pictures cannot be brought back.",
                                          "The %u deleted drafts and their pictures cannot be brought back.", n),
                                n);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "cancel", _("_Cancel"),
                                  "empty", _("_Remove for Good"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "empty", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "cancel");
  g_signal_connect_object (alert, "response", G_CALLBACK (on_empty_response), self, 0);
  adw_dialog_present (alert, GTK_WIDGET (self));
}

static void
on_trash_row_activated (BylineDraftsDialog *self,
                        GtkListBoxRow      *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (g_object_get_data (G_OBJECT (row), "more") == NULL)
    return;
  self->trash_limit += PAGE;
  fill_trash (self);
  focus_row_at (self->trash_list, index);
}

static void
on_trash_clicked (BylineDraftsDialog *self)
{
  self->trash_limit = PAGE;
  fill_trash (self);
  /* Typing there is not a search of the drafts. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  adw_navigation_view_push_by_tag (self->navigation, "trash");
}

/* Escape in the search: clears it, or closes the library when it is empty
 * (the search has the keyboard, so Escape reaches it first). */
static void
on_search_stop (BylineDraftsDialog *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    adw_dialog_close (ADW_DIALOG (self));
}

static void
on_drafts_page_shown (BylineDraftsDialog *self)
{
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

GtkListBox *
byline_drafts_dialog_get_trash_list (BylineDraftsDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFTS_DIALOG (self), NULL);
  return self->trash_list;
}

GtkListBox *
byline_drafts_dialog_get_list (BylineDraftsDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFTS_DIALOG (self), NULL);
  return self->list_box;
}

static void
byline_drafts_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BYLINE_TYPE_DRAFTS_DIALOG);
  G_OBJECT_CLASS (byline_drafts_dialog_parent_class)->dispose (object);
}

static void
byline_drafts_dialog_finalize (GObject *object)
{
  BylineDraftsDialog *self = BYLINE_DRAFTS_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->open_ids, g_strfreev);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_clear_pointer (&self->folded, g_ptr_array_unref);
  g_clear_pointer (&self->damaged, g_hash_table_unref);
  g_clear_pointer (&self->undo_toasts, byline_undo_toasts_free);

  G_OBJECT_CLASS (byline_drafts_dialog_parent_class)->finalize (object);
}

static void
byline_drafts_dialog_class_init (BylineDraftsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_drafts_dialog_dispose;
  object_class->finalize = byline_drafts_dialog_finalize;

  signals[OPEN_DRAFT] = g_signal_new ("open-draft", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[NEW_DRAFT] = g_signal_new ("new-draft", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bylinenews/Byline/byline-drafts-dialog.ui");
  gtk_widget_class_install_action (widget_class, "drafts.undo-delete", NULL, undo_delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "drafts.undo-delete", NULL);
  gtk_widget_class_bind_template_child (widget_class, BylineDraftsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BylineDraftsDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineDraftsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, BylineDraftsDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, BylineDraftsDialog, navigation);
  gtk_widget_class_bind_template_child (widget_class, BylineDraftsDialog, trash_stack);
  gtk_widget_class_bind_template_child (widget_class, BylineDraftsDialog, trash_list);
  gtk_widget_class_bind_template_child (widget_class, BylineDraftsDialog, trash_empty);
  gtk_widget_class_bind_template_child (widget_class, BylineDraftsDialog, empty_button);
  gtk_widget_class_bind_template_callback (widget_class, on_trash_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_empty_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_trash_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_drafts_page_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_new_clicked);
}

static void
byline_drafts_dialog_init (BylineDraftsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->folded = g_ptr_array_new_with_free_func (g_free);
  self->damaged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) byline_draft_version_free);
  self->undo_toasts = byline_undo_toasts_new (GTK_WIDGET (self), "drafts.undo-delete");
  self->limit = PAGE;
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    /* Before the search's key capture, which on_drafts_page_shown() sets
     * again after it: that would swallow the key. */
    gtk_event_controller_set_name (keys, "byline-drafts-delete-key");
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);

    keys = gtk_event_controller_key_new ();
    gtk_event_controller_set_name (keys, "byline-drafts-search-down");
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  /* The search has the keyboard when the library opens (not the first
   * button of the header bar, New Story, which a space would press). */
  adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (self->search_entry));
}

AdwDialog *
byline_drafts_dialog_new (BylineDraftStore   *store,
                          const char * const *open_ids)
{
  BylineDraftsDialog *self;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);

  self = g_object_new (BYLINE_TYPE_DRAFTS_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->open_ids = g_strdupv ((char **) open_ids);
  byline_drafts_dialog_reload (self);
  return ADW_DIALOG (self);
}
