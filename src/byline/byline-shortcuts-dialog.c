/* byline-shortcuts-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-shortcuts-dialog.h"

struct _BylineShortcutsDialog
{
  AdwDialog           parent_instance;
  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (BylineShortcutsDialog, byline_shortcuts_dialog, ADW_TYPE_DIALOG)

typedef struct
{
  const char *title;   /* NULL starts a group named by accel */
  const char *accel;
} Entry;

/* Keep in step with the bindings in byline-window-actions.c,
 * byline-window-checks.c, byline-window-send.c, byline-window-review.c,
 * byline-review-dialog.c, byline-article-editor-actions.c,
 * byline-caption-row.c, byline-caption-panel.c, byline-drafts-dialog.c and
 * byline-application.c. */
static const Entry entries[] = {
  { NULL, N_("Stories") },
  { N_("New story"), "<Control>n" },
  { N_("Drafts"), "<Control>o" },
  { N_("Open a file"), "<Control><Shift>o" },
  { N_("Save now"), "<Control>s" },
  { N_("Version history"), "<Control><Shift>h" },
  { N_("Preview"), "<Control><Shift>p" },
  { N_("Preflight checks"), "F8" },
  { N_("Submit for review"), "<Control><Shift>Return" },
  { N_("Print"), "<Control>p" },
  { N_("Export as HTML"), "<Control>e" },
  { N_("New window"), "<Control><Shift>n" },
  { N_("Close window"), "<Control>w" },
  { N_("Quit"), "<Control>q" },
  { NULL, N_("Writing") },
  { N_("Undo"), "<Control>z" },
  { N_("Redo"), "<Control><Shift>z" },
  { N_("Bold"), "<Control>b" },
  { N_("Italic"), "<Control>i" },
  { N_("Link"), "<Control>k" },
  { N_("Paragraph"), "<Control><Alt>0" },
  { N_("Heading"), "<Control><Alt>1" },
  { N_("Subheading"), "<Control><Alt>2" },
  { N_("Quote"), "<Control><Shift>9" },
  { N_("Bulleted list"), "<Control><Shift>8" },
  { N_("Numbered list"), "<Control><Shift>7" },
  { N_("Move paragraph up"), "<Alt>Up" },
  { N_("Move paragraph down"), "<Alt>Down" },
  { N_("Paste as plain text"), "<Control><Shift>v" },
  { N_("Insert pictures"), "<Control><Alt>i" },
  { N_("Find"), "<Control>f" },
  { N_("Find and replace"), "<Control>h" },
  { N_("Next match"), "<Control>g" },
  { N_("Previous match"), "<Control><Shift>g" },
  { NULL, N_("Pictures") },
  { N_("Edit the caption of the picture in the text"), "F2" },
  { N_("Move picture up"), "<Alt>Up" },
  { N_("Move picture down"), "<Alt>Down" },
  { N_("Remove picture"), "<Alt>Delete" },
  { N_("Undo removing a picture"), "<Control>z" },
  { NULL, N_("Review") },
  { N_("Review queue"), "<Control><Shift>r" },
  { N_("Refresh the queue"), "F5" },
  { N_("Publish the story under review"), "<Control><Shift>Return" },
  { N_("Send the note (returning or submitting again)"), "<Control>Return" },
  { NULL, N_("Drafts Library") },
  { N_("Delete the draft"), "Delete" },
  { N_("Undo deleting a draft"), "<Control>z" },
  { NULL, N_("Window") },
  { N_("Show or hide pictures"), "F9" },
  { N_("Show or hide details"), "<Shift>F9" },
  { N_("Preferences"), "<Control>comma" },
  { N_("Keyboard shortcuts"), "<Control>question" },
};

static GtkWidget *
make_keys (const char *accel)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  guint key;
  GdkModifierType mods;
  g_autofree char *label = NULL;
  g_auto(GStrv) parts = NULL;

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (!gtk_accelerator_parse (accel, &key, &mods))
    return box;
  label = gtk_accelerator_get_label (key, mods);
  parts = g_strsplit (label, "+", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      /* "Ctrl++" splits into an empty part: the key itself is "+". */
      GtkWidget *cap = gtk_label_new (*parts[i] ? parts[i] : "+");

      if (*parts[i] == '\0' && parts[i + 1] != NULL && *parts[i + 1] == '\0')
        i++;
      gtk_widget_add_css_class (cap, "keycap");
      gtk_box_append (GTK_BOX (box), cap);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return box;
}

static void
byline_shortcuts_dialog_class_init (BylineShortcutsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bylinenews/Byline/byline-shortcuts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineShortcutsDialog, page);
}

static void
byline_shortcuts_dialog_init (BylineShortcutsDialog *self)
{
  AdwPreferencesGroup *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkWidget *row;

      if (entries[i].title == NULL)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, _(entries[i].accel));
          adw_preferences_page_add (self->page, group);
          continue;
        }
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(entries[i].title));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_keys (entries[i].accel));
      adw_preferences_group_add (group, row);
    }
}

AdwDialog *
byline_shortcuts_dialog_new (void)
{
  return g_object_new (BYLINE_TYPE_SHORTCUTS_DIALOG, NULL);
}
