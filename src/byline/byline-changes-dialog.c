/* byline-changes-dialog.c
 *
 * The words come from byline_diff_words(), which marks what went with
 * "[-…-]" and what came with "{+…+}"; here they become text tags, so a
 * screen reader reads the text and the tags' names say which is which.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-changes-dialog.h"

struct _BylineChangesDialog
{
  AdwDialog    parent_instance;

  GtkTextView *view;
};

G_DEFINE_FINAL_TYPE (BylineChangesDialog, byline_changes_dialog, ADW_TYPE_DIALOG)

static void
ensure_tags (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  if (gtk_text_tag_table_lookup (table, "added") != NULL)
    return;
  gtk_text_buffer_create_tag (buffer, "heading", "weight", PANGO_WEIGHT_BOLD,
                              "pixels-above-lines", 12, "pixels-below-lines", 4, NULL);
  /* Color and a second cue (underline, strike-through), not color alone. */
  gtk_text_buffer_create_tag (buffer, "added", "underline", PANGO_UNDERLINE_SINGLE,
                              "background", "rgba(46,194,126,0.25)", NULL);
  gtk_text_buffer_create_tag (buffer, "removed", "strikethrough", TRUE,
                              "background", "rgba(224,27,36,0.2)", NULL);
}

static void
insert_tagged (GtkTextBuffer *buffer,
               const char    *text,
               gssize         len,
               const char    *tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (tag == NULL)
    gtk_text_buffer_insert (buffer, &end, text, len);
  else
    gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, len, tag, NULL);
}

static void
insert_words (GtkTextBuffer *buffer,
              const char    *marked)
{
  const char *p = marked;
  gboolean after_removed = FALSE;

  while (*p != '\0')
    {
      const char *removed = strstr (p, "[-");
      const char *added = strstr (p, "{+");
      const char *open = removed;
      const char *close;
      gboolean is_added = FALSE;

      if (added != NULL && (open == NULL || added < open))
        {
          open = added;
          is_added = TRUE;
        }
      if (open == NULL || (close = strstr (open + 2, is_added ? "+}" : "-]")) == NULL)
        {
          insert_tagged (buffer, p, -1, NULL);
          return;
        }
      /* A word replaced by another: a space between the two, as in the text. */
      if (open == p && is_added && after_removed)
        insert_tagged (buffer, " ", 1, NULL);
      insert_tagged (buffer, p, open - p, NULL);
      insert_tagged (buffer, open + 2, close - open - 2, is_added ? "added" : "removed");
      after_removed = !is_added;
      p = close + 2;
    }
}

void
byline_changes_render (GtkTextBuffer *buffer,
                       GPtrArray     *entries)
{
  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));

  ensure_tags (buffer);
  gtk_text_buffer_set_text (buffer, "", 0);
  if (entries == NULL || entries->len == 0)
    {
      insert_tagged (buffer, _("Nothing was changed."), -1, NULL);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      BylineDiffEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *heading = NULL;

      switch (entry->kind)
        {
        case BYLINE_DIFF_ADDED:
          /* Translators: %s is a part of the story, "Body, paragraph 3" */
          heading = g_strdup_printf (_("%s, added"), entry->label);
          break;
        case BYLINE_DIFF_REMOVED:
          heading = g_strdup_printf (_("%s, removed"), entry->label);
          break;
        case BYLINE_DIFF_CHANGED:
        default:
          heading = g_strdup_printf (_("%s, changed"), entry->label);
          break;
        }
      if (i > 0)
        insert_tagged (buffer, "\n", 1, NULL);
      insert_tagged (buffer, heading, -1, "heading");
      insert_tagged (buffer, "\n", 1, NULL);
      if (entry->kind == BYLINE_DIFF_ADDED)
        insert_tagged (buffer, entry->new_text ? entry->new_text : "", -1, "added");
      else if (entry->kind == BYLINE_DIFF_REMOVED)
        insert_tagged (buffer, entry->old_text ? entry->old_text : "", -1, "removed");
      else
        {
          g_autofree char *words = byline_diff_words (entry->old_text ? entry->old_text : "",
                                                      entry->new_text ? entry->new_text : "");

          insert_words (buffer, words);
        }
      insert_tagged (buffer, "\n", 1, NULL);
    }
}

GtkTextView *
byline_changes_dialog_get_view (BylineChangesDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_CHANGES_DIALOG (self), NULL);
  return self->view;
}

static void
byline_changes_dialog_class_init (BylineChangesDialogClass *klass)
{
}

static void
byline_changes_dialog_init (BylineChangesDialog *self)
{
  adw_dialog_set_content_width (ADW_DIALOG (self), 640);
  adw_dialog_set_content_height (ADW_DIALOG (self), 560);
}

AdwDialog *
byline_changes_dialog_new (GPtrArray  *entries,
                           const char *note,
                           gboolean    by_reporter)
{
  BylineChangesDialog *self = g_object_new (BYLINE_TYPE_CHANGES_DIALOG, NULL);
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *legend = gtk_label_new (_("Struck-out words were removed; underlined words were added."));

  adw_dialog_set_title (ADW_DIALOG (self), by_reporter ? _("Changes by the Reporter") : _("Changes by the Editor"));
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), adw_header_bar_new ());

  if (note != NULL && *note != '\0')
    {
      g_autofree char *text = g_strdup_printf (by_reporter ? _("Reporter’s note: %s") : _("Editor’s note: %s"), note);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_label_set_wrap (GTK_LABEL (legend), TRUE);
  gtk_label_set_xalign (GTK_LABEL (legend), 0);
  gtk_widget_add_css_class (legend, "dim-label");
  gtk_box_append (GTK_BOX (box), legend);

  self->view = GTK_TEXT_VIEW (view);
  gtk_text_view_set_editable (self->view, FALSE);
  gtk_text_view_set_cursor_visible (self->view, TRUE);
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->view, 12);
  gtk_text_view_set_right_margin (self->view, 12);
  gtk_text_view_set_top_margin (self->view, 6);
  gtk_text_view_set_bottom_margin (self->view, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Changes"), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, legend, NULL, -1);
  byline_changes_render (gtk_text_view_get_buffer (self->view), entries);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), box);
  adw_dialog_set_child (ADW_DIALOG (self), toolbar);
  adw_dialog_set_focus (ADW_DIALOG (self), view);
  return ADW_DIALOG (self);
}
