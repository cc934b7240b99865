/* byline-history-dialog.c
 *
 * The store keeps the last versions of each draft; this lists them with
 * their times, shows one in the preview, and restores it as a new version
 * (so that restoring can itself be undone from the history).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-article-preview.h"
#include "byline-drafts-dialog.h"
#include "byline-history-dialog.h"
#include "byline-widget-util.h"

struct _BylineHistoryDialog
{
  AdwDialog               parent_instance;

  BylineDraftStore       *store;
  char                   *id;
  guint64                 current;
  guint64                 shown;

  AdwNavigationSplitView *split;
  GtkListBox             *list_box;
  GtkWidget              *preview;
  GtkWidget              *restore_button;
  AdwNavigationPage      *content_page;
  AdwToastOverlay        *toast_overlay;
};

G_DEFINE_FINAL_TYPE (BylineHistoryDialog, byline_history_dialog, ADW_TYPE_DIALOG)

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_version (BylineHistoryDialog *self,
              guint64              revision)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  article = byline_draft_store_load_version (self->store, self->id, revision, &error);
  if (article == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, byline_toast_new_for_error (error));
      return;
    }
  self->shown = revision;
  byline_article_preview_set_article (BYLINE_ARTICLE_PREVIEW (self->preview), article);
  gtk_widget_set_sensitive (self->restore_button, revision != self->current);
}

static void
show_row (BylineHistoryDialog *self,
          GtkListBoxRow       *row)
{
  guint64 *revision = g_object_get_data (G_OBJECT (row), "revision");
  const char *title = g_object_get_data (G_OBJECT (row), "when");

  show_version (self, *revision);
  adw_navigation_page_set_title (self->content_page, title);
}

static void
on_row_activated (BylineHistoryDialog *self,
                  GtkListBoxRow       *row)
{
  show_row (self, row);
  adw_navigation_split_view_set_show_content (self->split, TRUE);
}

/* Side by side, the version chosen is shown at once.  Not a page on its
 * own in a narrow dialog: the current version, selected when the history
 * opens, would hide the list the history was opened for. */
static void
on_row_selected (BylineHistoryDialog *self,
                 GtkListBoxRow       *row)
{
  if (row != NULL && !adw_navigation_split_view_get_collapsed (self->split))
    show_row (self, row);
}

gboolean
byline_history_dialog_restore (BylineHistoryDialog  *self,
                               guint64               revision,
                               GError              **error)
{
  g_autoptr(BylineArticle) article = NULL;
  guint64 previous;

  g_return_val_if_fail (BYLINE_IS_HISTORY_DIALOG (self), FALSE);

  previous = self->current;
  article = byline_draft_store_restore (self->store, self->id, revision, error);
  if (article == NULL)
    return FALSE;
  g_signal_emit (self, signals[RESTORED], 0, article, previous);
  adw_dialog_close (ADW_DIALOG (self));
  return TRUE;
}

static void
on_restore_clicked (BylineHistoryDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!byline_history_dialog_restore (self, self->shown, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, byline_toast_new_for_error (error));
}

static gboolean
same_minute (BylineDraftVersion *a,
             BylineDraftVersion *b)
{
  if (a->saved == NULL || b->saved == NULL)
    return FALSE;
  return g_date_time_to_unix (a->saved) / 60 == g_date_time_to_unix (b->saved) / 60;
}

static void
load (BylineHistoryDialog *self)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  versions = byline_draft_store_list_history (self->store, self->id, &error);
  if (versions == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, byline_toast_new_for_error (error));
      return;
    }

  for (guint i = 0; i < versions->len; i++)
    {
      BylineDraftVersion *version = g_ptr_array_index (versions, i);
      GtkWidget *row = adw_action_row_new ();
      /* Autosaves come seconds apart: where a neighbour was saved in the
       * same minute, the seconds tell the two apart. */
      gboolean seconds = (i > 0 && same_minute (version, g_ptr_array_index (versions, i - 1)))
                         || (i + 1 < versions->len && same_minute (version, g_ptr_array_index (versions, i + 1)));
      g_autofree char *when = byline_format_relative_time_full (version->saved, seconds);
      g_autofree char *words = byline_format_word_count (version->word_count, NULL);
      g_autofree char *subtitle = NULL;
      guint64 *revision = g_new (guint64, 1);

      *revision = version->revision;
      if (i == 0)
        self->current = version->revision;
      subtitle = g_strdup_printf ("%s · %s", words,
                                  byline_text_is_blank (version->headline) ? _("Untitled Story")
                                                                           : version->headline);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (i == 0)
        {
          GtkWidget *badge = gtk_label_new (_("Current"));

          gtk_widget_add_css_class (badge, "dim-label");
          gtk_widget_add_css_class (badge, "caption");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
        }
      g_object_set_data_full (G_OBJECT (row), "revision", revision, g_free);
      g_object_set_data_full (G_OBJECT (row), "when", g_steal_pointer (&when), g_free);
      gtk_list_box_append (self->list_box, row);
    }

  if (versions->len > 0)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list_box, 0);

      gtk_list_box_select_row (self->list_box, first);
      show_version (self, self->current);
      adw_navigation_page_set_title (self->content_page, g_object_get_data (G_OBJECT (first), "when"));
    }
}

GtkListBox *
byline_history_dialog_get_list (BylineHistoryDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_HISTORY_DIALOG (self), NULL);
  return self->list_box;
}

static void
byline_history_dialog_finalize (GObject *object)
{
  BylineHistoryDialog *self = BYLINE_HISTORY_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (byline_history_dialog_parent_class)->finalize (object);
}

static void
byline_history_dialog_class_init (BylineHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_history_dialog_finalize;

  /**
   * BylineHistoryDialog::restored:
   * @article: the draft as restored (a new version)
   * @previous: the revision that was current before, to undo with
   */
  signals[RESTORED] = g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                    BYLINE_TYPE_ARTICLE, G_TYPE_UINT64);
}

static void
byline_history_dialog_init (BylineHistoryDialog *self)
{
  GtkWidget *sidebar_view = adw_toolbar_view_new ();
  GtkWidget *content_view = adw_toolbar_view_new ();
  GtkWidget *sidebar_header = adw_header_bar_new ();
  GtkWidget *content_header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  AdwNavigationPage *sidebar_page;
  AdwBreakpoint *breakpoint;

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Saved versions"), -1);
  g_signal_connect_swapped (self->list_box, "row-activated", G_CALLBACK (on_row_activated), self);
  /* Up and Down choose a version; Tab goes on to Restore, not through
   * every version (each one loaded as the keyboard passed). */
  byline_list_box_leave_on_tab (self->list_box);
  g_signal_connect_swapped (self->list_box, "row-selected", G_CALLBACK (on_row_selected), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_box));
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (sidebar_view), sidebar_header);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (sidebar_view), scroller);
  sidebar_page = adw_navigation_page_new (sidebar_view, _("Versions"));

  self->restore_button = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_add_css_class (self->restore_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->restore_button, _("Make This Version the Current One"));
  g_signal_connect_swapped (self->restore_button, "clicked", G_CALLBACK (on_restore_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (content_header), self->restore_button);
  self->preview = byline_article_preview_new ();
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (content_view), content_header);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (content_view), self->preview);
  self->content_page = adw_navigation_page_new (content_view, _("Version"));

  self->split = ADW_NAVIGATION_SPLIT_VIEW (adw_navigation_split_view_new ());
  adw_navigation_split_view_set_sidebar (self->split, sidebar_page);
  adw_navigation_split_view_set_content (self->split, self->content_page);
  adw_navigation_split_view_set_min_sidebar_width (self->split, 220);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, GTK_WIDGET (self->split));

  adw_dialog_set_title (ADW_DIALOG (self), _("Version History"));
  adw_dialog_set_content_width (ADW_DIALOG (self), 1000);
  adw_dialog_set_content_height (ADW_DIALOG (self), 720);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 294);
  adw_dialog_set_child (ADW_DIALOG (self), GTK_WIDGET (self->toast_overlay));

  breakpoint = adw_breakpoint_new (adw_breakpoint_condition_parse ("max-width: 640sp"));
  {
    GValue value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_BOOLEAN);
    g_value_set_boolean (&value, TRUE);
    adw_breakpoint_add_setter (breakpoint, G_OBJECT (self->split), "collapsed", &value);
  }
  adw_dialog_add_breakpoint (ADW_DIALOG (self), breakpoint);
}

AdwDialog *
byline_history_dialog_new (BylineDraftStore *store,
                           const char       *id)
{
  BylineHistoryDialog *self;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (BYLINE_TYPE_HISTORY_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->id = g_strdup (id);
  load (self);
  return ADW_DIALOG (self);
}
