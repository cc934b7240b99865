/* byline-window-missing.c — the pictures a story was to have and has not
 *
 * A document's or a page's pictures that could not come in are kept with
 * the story (byline-article-missing.c).  The window says so when the story
 * opens (byline_window_tell_left_out(), with Show: win.show-missing-pictures),
 * and the pictures panel lists them (byline-missing-list.c) with Add
 * (win.add-missing-picture: the picture chosen goes in its place) and
 * Forget (win.forget-missing-picture; the checklist's, of one or several,
 * is win.forget-missing-pictures; a toast can undo either).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "byline-article-editor.h"
#include "byline-body-view.h"
#include "byline-checklist.h"
#include "byline-document.h"
#include "byline-missing-undo.h"
#include "byline-ninjs.h"
#include "byline-widget-util.h"
#include "byline-window-private.h"

/* The checklist, at the first picture the story was to have and has not:
 * its caption kept as text selected, where it goes once added. */
static void
show_missing_pictures_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  BylineChecklist *checklist = _byline_window_get_checklist (self);
  GListModel *findings;

  _byline_window_show_checklist (self);
  findings = byline_checklist_get_findings (checklist);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (byline_finding_get_code (finding), "missing-pictures"))
        {
          byline_checklist_activate_finding (checklist, i);
          return;
        }
    }
}

typedef struct
{
  BylineWindow *window;
  char         *name;
} MissingChoice;

static void
on_missing_picture_chosen (GObject      *source,
                           GAsyncResult *result,
                           gpointer      data)
{
  MissingChoice *choice = data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
  BylineArticleEditor *editor = byline_window_get_editor (choice->window);

  if (file != NULL)
    {
      byline_body_view_add_missing_picture (byline_article_editor_get_body_view (editor), file, choice->name);
      byline_article_editor_focus_body (editor);
    }
  g_object_unref (choice->window);
  g_free (choice->name);
  g_free (choice);
}

/* "Add…" of a picture the story was to have (the pictures panel's list of
 * them): its picture, chosen, goes in its place. */
static void
add_missing_picture_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = byline_pictures_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *title = g_strdup_printf (_("Add the Picture “%s”"), name);
  MissingChoice *choice;

  if (byline_window_get_document (self) == NULL)
    return;
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  choice = g_new0 (MissingChoice, 1);
  choice->window = g_object_ref (self);
  choice->name = g_strdup (name);
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, on_missing_picture_chosen, choice);
}

typedef struct
{
  BylineWindow       *window;   /* weak */
  BylineMissingTaken *taken;
} Forgotten;

static void
forgotten_free (gpointer  data,
                GClosure *closure)
{
  Forgotten *forgotten = data;

  g_clear_weak_pointer (&forgotten->window);
  _byline_missing_taken_free (forgotten->taken);
  g_free (forgotten);
}

/* Given back, while its story is still the window's. */
static void
on_forget_undone (AdwToast  *toast,
                  Forgotten *forgotten)
{
  BylineDocument *document = forgotten->window != NULL ? byline_window_get_document (forgotten->window) : NULL;

  if (document != NULL
      && byline_document_get_article (document) == _byline_missing_taken_get_article (forgotten->taken))
    _byline_missing_taken_put_back (forgotten->taken);
}

/* Forgets the pictures the story was to have named @names, with a toast
 * that can undo it. */
static void
forget_missing_pictures (BylineWindow       *self,
                         const char * const *names)
{
  BylineDocument *document = byline_window_get_document (self);
  BylineArticle *article = document != NULL ? byline_document_get_article (document) : NULL;
  g_autoptr(JsonArray) before = NULL;
  g_autofree char *title = NULL;
  const char *first = NULL;
  BylineMissingTaken *taken;
  Forgotten *forgotten;
  AdwToast *toast;
  guint n;

  if (article == NULL)
    return;
  before = byline_ninjs_dup_pending_pictures (article);
  for (guint i = 0; names[i] != NULL; i++)
    {
      int index = byline_article_find_missing_picture (article, names[i], NULL);

      if (index < 0)
        continue;
      first = first != NULL ? first : names[i];
      byline_article_settle_missing_picture (article, index);
    }
  if ((taken = _byline_missing_taken_new (article, before)) == NULL)
    return;
  n = _byline_missing_taken_get_n (taken);
  if (n == 1)
    title = g_strdup_printf (_("“%s” forgotten"), first);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u picture forgotten", "%u pictures forgotten", n), n);
  forgotten = g_new0 (Forgotten, 1);
  g_set_weak_pointer (&forgotten->window, self);
  forgotten->taken = taken;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_forget_undone), forgotten, forgotten_free, 0);
  byline_window_add_toast (self, toast);
}

/* "Forget" of a picture the story was to have: not needed, or added by
 * hand under another name elsewhere.  A toast can undo it. */
static void
forget_missing_picture_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  const char *names[] = { g_variant_get_string (param, NULL), NULL };

  forget_missing_pictures (BYLINE_WINDOW (widget), names);
}

/* The checklist's Forget, of one or several. */
static void
forget_missing_pictures_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  g_autofree const char **names = g_variant_get_strv (param, NULL);

  forget_missing_pictures (BYLINE_WINDOW (widget), names);
}

void
byline_window_tell_left_out (BylineWindow *self,
                             const char   *notice)
{
  AdwToast *toast;
  BylineDocument *document;
  g_auto(GStrv) missing = NULL;
  guint n_placed = 0;

  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (notice != NULL);

  document = byline_window_get_document (self);
  missing = document != NULL ? byline_article_dup_missing_pictures (byline_document_get_article (document)) : NULL;
  /* Those whose captions stayed in the text: where they go is there. */
  for (guint i = 0; missing != NULL && missing[i] != NULL; i++)
    n_placed += byline_article_find_missing_place (byline_document_get_article (document), (int) i) >= 0;
  if (n_placed > 0)
    {
      g_autofree char *told = g_strdup_printf ("%s. %s", notice,
                                               g_dngettext (GETTEXT_PACKAGE,
                                                            "Its caption is still in the text: Show goes there, "
                                                            "and the picture added with the cursor there takes its place",
                                                            "Their captions are still in the text: Show goes to the "
                                                            "first, and a picture added with the cursor in one takes "
                                                            "its place", n_placed));

      toast = byline_toast_new_long (told);
    }
  else
    toast = byline_toast_new_long (notice);
  if (missing != NULL)
    {
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-missing-pictures");
    }
  /* Until the person closes it: a picture is missing from the story, not
   * something to miss while looking away. */
  adw_toast_set_timeout (toast, 0);
  byline_window_add_toast (self, toast);
}

void
_byline_window_class_init_missing (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-missing-pictures", NULL, show_missing_pictures_action);
  gtk_widget_class_install_action (widget_class, "win.add-missing-picture", "s", add_missing_picture_action);
  gtk_widget_class_install_action (widget_class, "win.forget-missing-picture", "s", forget_missing_picture_action);
  gtk_widget_class_install_action (widget_class, "win.forget-missing-pictures", "as",
                                   forget_missing_pictures_action);
}
