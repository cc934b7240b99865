/* byline-merge-dialog.c
 *
 * Until a side is chosen the merged story holds ours (byline-merge.h), so
 * closing the dialog loses nothing; theirs is in the draft's history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-merge-dialog.h"
#include "byline-review.h"
#include "byline-widget-util.h"

struct _BylineMergeDialog
{
  AdwDialog         parent_instance;

  BylineDraftStore *store;
  char             *draft_id;
  char             *destination;
  BylineMerge      *merge;
  GPtrArray        *buttons;    /* per conflict: a GtkCheckButton *[3], ours, theirs, both */
  GtkWidget        *apply_button;
  GPtrArray        *rows;       /* the boxes of versions and choices, side by side when wide */
  AdwToastOverlay  *toast_overlay;
};

G_DEFINE_FINAL_TYPE (BylineMergeDialog, byline_merge_dialog, ADW_TYPE_DIALOG)

enum {
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_apply (BylineMergeDialog *self)
{
  gtk_widget_set_sensitive (self->apply_button, byline_merge_is_resolved (self->merge));
}

static void
on_choice_toggled (GtkCheckButton    *button,
                   BylineMergeDialog *self)
{
  if (!gtk_check_button_get_active (button))
    return;
  byline_merge_resolve (self->merge,
                        GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")),
                        GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "choice")));
  update_apply (self);
}

void
byline_merge_dialog_choose (BylineMergeDialog *self,
                            guint              index,
                            BylineMergeChoice  choice)
{
  GtkWidget **buttons;

  g_return_if_fail (BYLINE_IS_MERGE_DIALOG (self));
  g_return_if_fail (index < self->buttons->len);
  g_return_if_fail (choice >= BYLINE_MERGE_TAKE_OURS && choice <= BYLINE_MERGE_TAKE_BOTH);

  buttons = g_ptr_array_index (self->buttons, index);
  if (buttons[choice - BYLINE_MERGE_TAKE_OURS] != NULL)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (buttons[choice - BYLINE_MERGE_TAKE_OURS]), TRUE);
}

gboolean
byline_merge_dialog_apply (BylineMergeDialog  *self,
                           GError            **error)
{
  g_autoptr(BylineArticle) saved = NULL;

  g_return_val_if_fail (BYLINE_IS_MERGE_DIALOG (self), FALSE);

  /* No destination: two copies of the draft on this computer (the window's
   * and one saved elsewhere), merged over the draft. */
  if (self->destination == NULL)
    saved = byline_merge_save_draft (self->merge, self->store, error);
  else
    saved = byline_review_resolve (self->store, self->draft_id, self->destination, self->merge, error);
  if (saved == NULL)
    return FALSE;
  g_signal_emit (self, signals[RESOLVED], 0, saved);
  adw_dialog_close (ADW_DIALOG (self));
  return TRUE;
}

static void
on_apply_clicked (BylineMergeDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!byline_merge_dialog_apply (self, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, byline_toast_new_for_error (error));
}

/* Narrow, the two versions and the choices go one above the other. */
static void
set_rows_orientation (BylineMergeDialog *self,
                      GtkOrientation     orientation)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_orientable_set_orientation (g_ptr_array_index (self->rows, i), orientation);
}

static void
on_narrow (BylineMergeDialog *self)
{
  set_rows_orientation (self, GTK_ORIENTATION_VERTICAL);
}

static void
on_wide (BylineMergeDialog *self)
{
  set_rows_orientation (self, GTK_ORIENTATION_HORIZONTAL);
}

/* Local mode: keep both stories apart instead, the window's as a new draft. */
static void
on_save_copy_clicked (BylineMergeDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.save-copy", NULL);
  adw_dialog_close (ADW_DIALOG (self));
}

static GtkWidget *
version_card (const char *title,
              const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *label = gtk_label_new (text && *text ? text : _("(empty)"));

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  for (GtkWidget *w = heading; w != NULL; w = w == heading ? label : NULL)
    {
      gtk_widget_set_margin_start (w, 12);
      gtk_widget_set_margin_end (w, 12);
    }
  gtk_widget_set_margin_top (heading, 10);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static GtkWidget *
conflict_section (BylineMergeDialog *self,
                  guint              index)
{
  const BylineMergeConflict *conflict = byline_merge_get_conflict (self->merge, index);
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *heading = gtk_label_new (conflict->label);
  GtkWidget *versions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget **buttons = g_new0 (GtkWidget *, 3);
  const char *labels[] = { N_("Keep _Yours"), N_("Take _Theirs"), N_("Keep _Both") };

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (section), heading);

  gtk_box_set_homogeneous (GTK_BOX (versions), TRUE);
  gtk_box_append (GTK_BOX (versions), version_card (_("Your version"), conflict->ours_text));
  gtk_box_append (GTK_BOX (versions), version_card (self->destination != NULL ? _("Their version")
                                                                              : _("Saved elsewhere"),
                                                    conflict->theirs_text));
  gtk_box_append (GTK_BOX (section), versions);
  g_ptr_array_add (self->rows, versions);

  for (guint i = 0; i < 3; i++)
    {
      /* Both versions, one after the other, only where the body has room for it. */
      if (i == 2 && conflict->part != BYLINE_PART_BODY)
        continue;
      buttons[i] = gtk_check_button_new_with_mnemonic (_(labels[i]));
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (buttons[i]), GTK_CHECK_BUTTON (buttons[0]));
      g_object_set_data (G_OBJECT (buttons[i]), "index", GUINT_TO_POINTER (index));
      g_object_set_data (G_OBJECT (buttons[i]), "choice", GINT_TO_POINTER (BYLINE_MERGE_TAKE_OURS + i));
      g_signal_connect_object (buttons[i], "toggled", G_CALLBACK (on_choice_toggled), self, 0);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (buttons[i]), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      heading, NULL, -1);
      gtk_box_append (GTK_BOX (choices), buttons[i]);
    }
  gtk_box_append (GTK_BOX (section), choices);
  g_ptr_array_add (self->rows, choices);
  g_ptr_array_add (self->buttons, buttons);
  return section;
}

static void
byline_merge_dialog_finalize (GObject *object)
{
  BylineMergeDialog *self = BYLINE_MERGE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->merge);
  g_clear_pointer (&self->draft_id, g_free);
  g_clear_pointer (&self->destination, g_free);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (byline_merge_dialog_parent_class)->finalize (object);
}

static void
byline_merge_dialog_class_init (BylineMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_merge_dialog_finalize;

  signals[RESOLVED] = g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, BYLINE_TYPE_ARTICLE);
}

static void
byline_merge_dialog_init (BylineMergeDialog *self)
{
  self->buttons = g_ptr_array_new_with_free_func (g_free);
  adw_dialog_set_title (ADW_DIALOG (self), _("Merge Changes"));
  adw_dialog_set_content_width (ADW_DIALOG (self), 760);
  adw_dialog_set_content_height (ADW_DIALOG (self), 600);
}

AdwDialog *
byline_merge_dialog_new (BylineDraftStore *store,
                         const char       *draft_id,
                         const char       *destination,
                         BylineMerge      *merge)
{
  BylineMergeDialog *self;
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *intro;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (BYLINE_IS_MERGE (merge), NULL);

  self = g_object_new (BYLINE_TYPE_MERGE_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->draft_id = g_strdup (draft_id);
  self->destination = g_strdup (destination);
  self->merge = g_object_ref (merge);
  self->rows = g_ptr_array_new ();

  self->apply_button = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (on_apply_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->apply_button);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), header);

  intro = gtk_label_new (destination != NULL
                         ? _("You and someone else changed the same places. Choose which version to keep in each; "
                             "the other stays in the story’s history.")
                         : _("This story was changed elsewhere while you worked on it here, in the same places. "
                             "Choose which version to keep in each; the other stays in the story’s history."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), intro);
  for (guint i = 0; i < byline_merge_get_n_conflicts (merge); i++)
    gtk_box_append (GTK_BOX (box), conflict_section (self, i));
  if (destination == NULL)
    {
      GtkWidget *copy = gtk_button_new_with_mnemonic (_("Save Mine as _New Draft"));

      gtk_widget_set_halign (copy, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (copy, "pill");
      g_signal_connect_swapped (copy, "clicked", G_CALLBACK (on_save_copy_clicked), self);
      gtk_box_append (GTK_BOX (box), copy);
    }
  {
    AdwBreakpoint *breakpoint = adw_breakpoint_new (adw_breakpoint_condition_parse ("max-width: 560sp"));

    g_signal_connect_object (breakpoint, "apply", G_CALLBACK (on_narrow), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (breakpoint, "unapply", G_CALLBACK (on_wide), self, G_CONNECT_SWAPPED);
    /* (A dialog with breakpoints says the smallest size it takes.) */
    gtk_widget_set_size_request (GTK_WIDGET (self), 360, 294);
    adw_dialog_add_breakpoint (ADW_DIALOG (self), breakpoint);
  }
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 18);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), scrolled);
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, toolbar);
  adw_dialog_set_child (ADW_DIALOG (self), GTK_WIDGET (self->toast_overlay));
  update_apply (self);
  /* The keyboard on the first choice: not in the first version's text,
   * whose words a selectable label would select. */
  if (self->buttons->len > 0)
    adw_dialog_set_focus (ADW_DIALOG (self), ((GtkWidget **) g_ptr_array_index (self->buttons, 0))[0]);
  return ADW_DIALOG (self);
}
