/* byline-window-actions.c — the win.* actions and their shortcuts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-application.h"
#include "byline-article-editor.h"
#include "byline-document.h"
#include "byline-drafts-dialog.h"
#include "byline-import-file.h"
#include "byline-history-dialog.h"
#include "byline-preview-dialog.h"
#include "byline-print.h"
#include "byline-web-picture.h"
#include "byline-widget-util.h"
#include "byline-window-private.h"

#define DOCX_TYPE "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#define ODT_TYPE  "application/vnd.oasis.opendocument.text"
#define DOC_TYPE  "application/msword"
#define RTF_TYPE  "application/rtf"

static void
show_error_toast (BylineWindow *self,
                  const char   *what,
                  const GError *error)
{
  g_autofree char *message = byline_error_dup_for_person (error);
  g_autofree char *title = what ? g_strdup_printf ("%s: %s", what, message) : g_strdup (message);

  byline_window_add_toast (self, byline_toast_new_long (title));
}

/* Where the person last exported or opened a story, for the next dialog:
 * the same folder, session after session within a run. */
static GFile *last_folder;

static void
remember_folder (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *portal = g_build_filename (g_get_user_runtime_dir (), "doc", NULL);
  const char *path = parent ? g_file_peek_path (parent) : NULL;

  /* Inside Flatpak a chosen file comes through the document portal, in a
   * folder of its own that means nothing to the next file chooser. */
  if (path == NULL || g_str_has_prefix (path, portal) || g_str_has_prefix (path, "/run/flatpak/doc/"))
    return;
  g_set_object (&last_folder, parent);
}

static gboolean
is_folder (GFile *file)
{
  return g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY;
}

static void
start_in_last_folder (GtkFileDialog *dialog)
{
  const char *documents;
  g_autoptr(GFile) first = NULL;

  /* Not a folder deleted since. */
  if (last_folder != NULL && is_folder (last_folder))
    {
      gtk_file_dialog_set_initial_folder (dialog, last_folder);
      return;
    }
  /* The first time, the user's documents rather than wherever Byline was
   * started from (its working folder). */
  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  first = g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());
  if (is_folder (first))
    gtk_file_dialog_set_initial_folder (dialog, first);
}

void
_byline_window_update_actions (BylineWindow *self)
{
  gboolean has_document = self->document != NULL;
  BylineSaveState state = has_document ? byline_document_get_save_state (self->document)
                                       : BYLINE_SAVE_STATE_NEW;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save",
                                 has_document && state != BYLINE_SAVE_STATE_SAVED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry-save",
                                 has_document && state == BYLINE_SAVE_STATE_FAILED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.history",
                                 has_document && state != BYLINE_SAVE_STATE_NEW);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preview", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.insert-picture", has_document);
  _byline_window_update_send_actions (self);
}

/* -------------------------------------------------------------- new, open */

static void
new_draft_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!byline_window_new_draft (self, &error))
    show_error_toast (self, _("Could not start a new story"), error);
}

static void
on_draft_chosen (BylineWindow       *self,
                 const char         *id,
                 BylineDraftsDialog *dialog)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  if (BYLINE_IS_APPLICATION (app))
    {
      BylineWindow *other = byline_application_find_window (BYLINE_APPLICATION (app), id);

      if (other != NULL)
        {
          gtk_window_present (GTK_WINDOW (other));
          return;
        }
    }
  if (!byline_window_open_draft (self, id, &error))
    show_error_toast (self, _("Could not open the draft"), error);
}

static void
drafts_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GStrvBuilder) open = g_strv_builder_new ();
  g_auto(GStrv) open_ids = NULL;
  AdwDialog *dialog;

  if (BYLINE_IS_APPLICATION (app))
    {
      g_auto(GStrv) ids = byline_application_dup_open_drafts (BYLINE_APPLICATION (app));
      g_strv_builder_addv (open, (const char **) ids);
    }
  else if (self->document != NULL)
    g_strv_builder_add (open, byline_document_get_id (self->document));
  open_ids = g_strv_builder_end (open);

  dialog = byline_drafts_dialog_new (self->store, (const char * const *) open_ids);
  g_signal_connect_object (dialog, "open-draft", G_CALLBACK (on_draft_chosen), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "new-draft", G_CALLBACK (new_draft_action), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
on_files_to_open (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BylineWindow) self = user_data;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;

  files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (object), result, &error);
  if (files == NULL)
    return;
  if (g_list_model_get_n_items (files) > 0)
    {
      g_autoptr(GFile) first = g_list_model_get_item (files, 0);

      remember_folder (first);
    }
  _byline_window_open_files (self, files);
}

/* Each file a story of its own: the first in this window if it holds
 * nothing yet, the others in windows of their own.  One after the other,
 * each read in a thread (a long Word document with photos takes a while). */
typedef struct
{
  BylineWindow   *window;
  GtkApplication *app;      /* the window's, kept: the window may close meanwhile */
  GListModel     *files;
  GPtrArray      *pages;    /* BylineDownloadedPage or NULL, one a file: web pages downloaded already */
  guint           next;
  GCancellable   *cancellable; /* the Stop of the toast said while a story comes from the web */
  AdwToast       *opening;  /* that toast */
  char           *site;     /* … naming where from */
} OpenFiles;

static void open_next_file (OpenFiles *open);

static void
open_files_free (OpenFiles *open)
{
  g_clear_object (&open->window);
  g_clear_object (&open->app);
  g_clear_object (&open->files);
  g_clear_pointer (&open->pages, g_ptr_array_unref);
  byline_toast_clear (&open->opening);
  g_clear_object (&open->cancellable);
  g_free (open->site);
  g_free (open);
}

static void
on_file_imported (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  OpenFiles *open = data;
  BylineWindow *self = open->window;
  GtkApplication *app = open->app;
  g_autoptr(GFile) file = g_list_model_get_item (open->files, open->next);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *id = byline_import_file_finish (BYLINE_DRAFT_STORE (source), result, &notice, &local_error);

  BylineWindow *opened = NULL;   /* the window the draft opened in */

  byline_toast_clear (&open->opening);
  /* Stopped by the person: nothing to tell, nothing more to open. */
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      open_files_free (open);
      return;
    }
  /* Closed meanwhile: the drafts are in the store; the application, if
   * any, opens them in windows of their own. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      if (id != NULL && BYLINE_IS_APPLICATION (app))
        opened = byline_application_open_draft (BYLINE_APPLICATION (app), id);
    }
  else if (id == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *what = g_strdup_printf (_("Could not open “%s”"), name);

      /* The reader's messages name the file already. */
      if (strstr (local_error->message, name) != NULL)
        g_clear_pointer (&what, g_free);
      show_error_toast (self, what, local_error);
    }
  /* The first file takes this window if it holds nothing yet. */
  else if (open->next == 0 && (self->document == NULL || byline_document_is_pristine (self->document)))
    opened = byline_window_open_draft (self, id, &local_error) ? self : NULL;
  else if (BYLINE_IS_APPLICATION (app))
    opened = byline_application_open_draft (BYLINE_APPLICATION (app), id);
  else
    opened = byline_window_open_draft (self, id, &local_error) ? self : NULL;
  if (id != NULL && local_error != NULL)
    show_error_toast (self, _("Could not open the draft"), local_error);
  /* Opened, but some pictures could not come: said in the story's window. */
  else if (notice != NULL && opened != NULL)
    byline_window_tell_left_out (opened, notice);

  open->next++;
  open_next_file (open);
}

/* Which of the story's pictures downloads, said in the toast.  Called in
 * the reading thread. */
static void
on_story_pictures (guint    done,
                   guint    total,
                   gpointer data)
{
  OpenFiles *open = data;

  if (open->opening == NULL || done >= total)
    return;
  /* Translators: "Opening the story from baolaocai.vn… picture 2 of 5" */
  byline_toast_set_title_from_thread (open->opening,
                                      g_strdup_printf (_("Opening the story from %s… picture %u of %u"), open->site,
                                                       done + 1, total));
}

static void
open_next_file (OpenFiles *open)
{
  g_autoptr(GFile) file = NULL;
  BylineDownloadedPage *page;

  if (open->next >= g_list_model_get_n_items (open->files))
    {
      open_files_free (open);
      return;
    }
  file = g_list_model_get_item (open->files, open->next);
  page = open->pages != NULL ? g_ptr_array_index (open->pages, open->next) : NULL;
  /* A story from the web takes a while on a slow line: said, and it can be
   * stopped. */
  if (byline_web_picture_is_web (file))
    {
      g_autofree char *title = NULL;

      g_free (open->site);
      open->site = byline_web_dup_site (file);
      title = g_strdup_printf (_("Opening the story from %s…"), open->site);

      /* Translators: the button of the message "Opening the story from baolaocai.vn…" */
      open->opening = byline_toast_new_lasting (title, _("Stop"), open->cancellable);
      byline_window_add_toast (open->window, g_object_ref (open->opening));
    }
  if (page != NULL)
    byline_import_web_page_async (open->window->store, page, on_story_pictures, open, open->cancellable,
                                  on_file_imported, open);
  else
    byline_import_file_async (open->window->store, file, open->cancellable, on_file_imported, open);
}

static void
open_files_with_pages (BylineWindow *self,
                       GListModel   *files,
                       GPtrArray    *pages)
{
  OpenFiles *open = g_new0 (OpenFiles, 1);

  open->window = g_object_ref (self);
  open->app = gtk_window_get_application (GTK_WINDOW (self));
  if (open->app != NULL)
    g_object_ref (open->app);
  open->files = g_object_ref (files);
  open->pages = pages != NULL ? g_ptr_array_ref (pages) : NULL;
  open->cancellable = g_cancellable_new ();
  open_next_file (open);
}

void
_byline_window_open_files (BylineWindow *self,
                           GListModel   *files)
{
  open_files_with_pages (self, files, NULL);
}

/* Files dropped on the text that are stories, not pictures (the body view
 * hands them over as URIs). */
static void
open_uris_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autofree const char **uris = g_variant_get_strv (param, NULL);

  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);

      g_list_store_append (files, file);
    }
  _byline_window_open_files (BYLINE_WINDOW (widget), G_LIST_MODEL (files));
}

/* Links to stories dropped on the text, downloaded there already
 * (a(ssay): each page's address, the address it came from, its HTML). */
static void
open_web_pages_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_downloaded_page_free);
  g_autoptr(GVariantIter) iter = NULL;
  GVariant *html;   /* g_variant_iter_loop() frees it */
  const char *uri, *base;

  g_variant_get (param, "a(ssay)", &iter);
  while (g_variant_iter_loop (iter, "(&s&s@ay)", &uri, &base, &html))
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (html);

      g_list_store_append (files, file);
      g_ptr_array_add (pages, byline_downloaded_page_new (uri, base, bytes));
    }
  open_files_with_pages (BYLINE_WINDOW (widget), G_LIST_MODEL (files), pages);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) html = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) word = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("Stories (drafts, ninjs, HTML, Word, LibreOffice, text)"));
  gtk_file_filter_add_mime_type (all, "application/json");
  gtk_file_filter_add_mime_type (all, "text/html");
  gtk_file_filter_add_mime_type (all, "text/plain");
  gtk_file_filter_add_mime_type (all, DOCX_TYPE);
  gtk_file_filter_add_mime_type (all, ODT_TYPE);
  gtk_file_filter_add_mime_type (all, DOC_TYPE);
  gtk_file_filter_add_mime_type (all, RTF_TYPE);
  gtk_file_filter_add_suffix (all, "json");
  gtk_file_filter_add_suffix (all, "docx");
  gtk_file_filter_add_suffix (all, "odt");
  gtk_file_filter_add_suffix (all, "doc");
  gtk_file_filter_add_suffix (all, "rtf");
  gtk_file_filter_set_name (html, _("Web pages"));
  gtk_file_filter_add_mime_type (html, "text/html");
  gtk_file_filter_set_name (json, _("Byline drafts and ninjs"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_set_name (text, _("Plain text"));
  gtk_file_filter_add_mime_type (text, "text/plain");
  gtk_file_filter_set_name (word, _("Word and LibreOffice documents"));
  gtk_file_filter_add_mime_type (word, DOCX_TYPE);
  gtk_file_filter_add_mime_type (word, ODT_TYPE);
  gtk_file_filter_add_mime_type (word, DOC_TYPE);
  gtk_file_filter_add_mime_type (word, RTF_TYPE);
  gtk_file_filter_add_suffix (word, "docx");
  gtk_file_filter_add_suffix (word, "odt");
  gtk_file_filter_add_suffix (word, "doc");
  gtk_file_filter_add_suffix (word, "rtf");
  g_list_store_append (filters, all);
  g_list_store_append (filters, json);
  g_list_store_append (filters, html);
  g_list_store_append (filters, word);
  g_list_store_append (filters, text);

  gtk_file_dialog_set_title (dialog, _("Open Stories"));
  start_in_last_folder (dialog);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, all);
  gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), NULL, on_files_to_open, g_object_ref (self));
}

/* -------------------------------------------------------------------- save */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  if (byline_document_save (self->document, &error))
    byline_window_add_toast (self, adw_toast_new (_("Saved")));
}

void
_byline_window_save_as_copy (BylineWindow *self)
{
  BylineArticle *from;
  g_autoptr(BylineArticle) copy = byline_article_new ();
  g_autoptr(BylineDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  from = byline_document_get_article (self->document);

  byline_article_set_headline (copy, byline_article_get_headline (from));
  byline_article_set_lead (copy, byline_article_get_lead (from));
  byline_article_set_authors (copy, byline_article_get_authors (from));
  byline_article_set_dateline (copy, byline_article_get_dateline (from));
  byline_article_set_source_prefix (copy, byline_article_get_source_prefix (from));
  byline_article_set_category (copy, byline_article_get_category (from));
  byline_article_set_tags (copy, byline_article_get_tags (from));
  byline_article_set_language (copy, byline_article_get_language (from));
  byline_article_set_slug (copy, byline_article_get_slug (from));
  byline_article_set_publish_time (copy, byline_article_get_publish_time (from));
  byline_article_set_editor_note (copy, byline_article_get_editor_note (from));
  for (guint i = 0; i < byline_article_get_n_images (from); i++)
    {
      g_autoptr(BylineImage) image = byline_image_copy (byline_article_get_image (from, i));
      byline_article_add_image (copy, image);
    }
  byline_body_copy_from (byline_article_get_body (copy), byline_article_get_body (from));

  if (!byline_draft_store_save (self->store, copy, &error))
    {
      show_error_toast (self, _("Could not save a copy"), error);
      return;
    }
  /* The old draft stays as it is on disk; this window now edits the copy. */
  document = byline_document_new (self->store, copy, TRUE);
  _byline_window_replace_document (self, document);
  byline_window_add_toast (self, adw_toast_new (_("Saved as a new draft")));
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  _byline_window_save_as_copy (BYLINE_WINDOW (widget));
}

/* --------------------------------------------------- history, preview, print */

static void
on_undo_restore (AdwToast     *toast,
                 BylineWindow *self)
{
  guint64 previous = *(guint64 *) g_object_get_data (G_OBJECT (toast), "previous");
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylineDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  article = byline_draft_store_restore (self->store, byline_document_get_id (self->document),
                                        previous, &error);
  if (article == NULL)
    {
      show_error_toast (self, _("Could not undo"), error);
      return;
    }
  document = byline_document_new (self->store, article, TRUE);
  _byline_window_replace_document (self, document);
}

static void
on_version_restored (BylineWindow        *self,
                     BylineArticle       *article,
                     guint64              previous,
                     BylineHistoryDialog *dialog)
{
  g_autoptr(BylineDocument) document = byline_document_new (self->store, article, TRUE);
  AdwToast *toast;
  guint64 *data = g_new (guint64, 1);

  /* The old document was flushed before the history opened: drop it as it is. */
  _byline_window_replace_document (self, document);

  toast = adw_toast_new (_("Earlier version restored"));
  adw_toast_set_button_label (toast, _("_Undo"));
  *data = previous;
  g_object_set_data_full (G_OBJECT (toast), "previous", data, g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_restore), self, 0);
  byline_window_add_toast (self, toast);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  AdwDialog *dialog;

  if (self->document == NULL)
    return;
  /* What is on screen becomes the newest version first. */
  if (!byline_document_flush (self->document, &error))
    {
      show_error_toast (self, _("Could not save"), error);
      return;
    }
  dialog = byline_history_dialog_new (self->store, byline_document_get_id (self->document));
  g_signal_connect_object (dialog, "restored", G_CALLBACK (on_version_restored), self, G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (self->document != NULL)
    adw_dialog_present (byline_preview_dialog_new (byline_document_get_article (self->document)),
                        GTK_WIDGET (self));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (self->document != NULL)
    byline_print_article (byline_document_get_article (self->document), GTK_WINDOW (self));
}

/* ------------------------------------------------------------------ export */

static void
show_in_folder_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_open_containing_folder (launcher, GTK_WINDOW (widget), NULL, NULL, NULL);
}

static void
exported (BylineWindow       *self,
          BylineExportFormat  format,
          GFile              *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *done = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  if (self->document == NULL)
    return;
  if (!byline_export_write (byline_document_get_article (self->document), self->store, format, file, NULL, &error))
    {
      show_error_toast (self, _("Could not export"), error);
      return;
    }
  remember_folder (file);
  name = g_file_get_basename (file);
  done = g_strdup_printf (_("Exported to “%s”"), name);
  toast = adw_toast_new (done);
  uri = g_file_get_uri (file);
  /* To attach it to a mail or a chat, the file is wanted next. */
  adw_toast_set_button_label (toast, _("Show in _Folder"));
  adw_toast_set_action_name (toast, "win.show-in-folder");
  adw_toast_set_action_target (toast, "s", uri);
  byline_window_add_toast (self, toast);
}

static void
on_export_file (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BylineWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    exported (self, GPOINTER_TO_UINT (g_object_get_data (object, "format")), file);
}

static void
on_export_folder (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BylineWindow) self = user_data;
  g_autoptr(GFile) folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object), result, NULL);
  g_autoptr(GFile) file = NULL;

  if (folder == NULL)
    return;
  file = byline_export_free_file (folder, g_object_get_data (object, "name"));
  exported (self, GPOINTER_TO_UINT (g_object_get_data (object, "format")), file);
}

/* Inside a sandbox a file chosen to save comes alone, through the document
 * portal: the pictures cannot go in a folder beside it.  A folder chosen
 * comes with what is in it.  BYLINE_SANDBOXED=1 behaves so outside one. */
static gboolean
in_sandbox (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) || g_strcmp0 (g_getenv ("BYLINE_SANDBOXED"), "1") == 0;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  BylineExportFormat format;
  g_autofree char *slug = NULL;
  char *name;

  if (self->document == NULL || !byline_export_format_from_string (g_variant_get_string (param, NULL), &format))
    return;

  slug = byline_article_dup_slug (byline_document_get_article (self->document));
  name = g_strdup_printf ("%s.%s", *slug ? slug : "story", byline_export_format_extension (format));
  g_object_set_data_full (G_OBJECT (dialog), "name", name, g_free);
  g_object_set_data (G_OBJECT (dialog), "format", GUINT_TO_POINTER (format));
  start_in_last_folder (dialog);

  if (format != BYLINE_EXPORT_TEXT && byline_article_get_n_images (byline_document_get_article (self->document)) > 0
      && in_sandbox ())
    {
      /* "<slug>.html" and "<slug>-media/" go into the folder chosen. */
      gtk_file_dialog_set_title (dialog, _("Export Story to Folder"));
      gtk_file_dialog_select_folder (dialog, GTK_WINDOW (self), NULL, on_export_folder, g_object_ref (self));
      return;
    }

  gtk_file_filter_set_name (filter, byline_export_format_name (format));
  gtk_file_filter_add_suffix (filter, byline_export_format_extension (format));
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, _("Export Story"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, on_export_file, g_object_ref (self));
}

/* ---------------------------------------------------------------- the rest */

static void
insert_picture_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->editor), "editor.insert-picture", NULL);
}

/* Ctrl+F and Ctrl+H from anywhere in the window (the sidebar's fields, the
 * pictures' captions), not only from the editor, which has them too; not
 * behind a dialog. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self)) != NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->editor),
                              g_str_equal (action_name, "win.replace") ? "editor.replace" : "editor.find", NULL);
}

static void
show_pictures_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  adw_overlay_split_view_set_show_sidebar (self->inner_split,
                                           !adw_overlay_split_view_get_show_sidebar (self->inner_split));
}

static void
show_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  adw_overlay_split_view_set_show_sidebar (self->outer_split,
                                           !adw_overlay_split_view_get_show_sidebar (self->outer_split));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

void
_byline_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-draft", NULL, new_draft_action);
  gtk_widget_class_install_action (widget_class, "win.drafts", NULL, drafts_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.open-uris", "as", open_uris_action);
  gtk_widget_class_install_action (widget_class, "win.open-web-pages", "a(ssay)", open_web_pages_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.retry-save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.show-in-folder", "s", show_in_folder_action);
  gtk_widget_class_install_action (widget_class, "win.insert-picture", NULL, insert_picture_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.replace", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-pictures", NULL, show_pictures_action);
  gtk_widget_class_install_action (widget_class, "win.show-details", NULL, show_details_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-draft", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.drafts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.history", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", "s", "html");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "win.replace", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-pictures", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_SHIFT_MASK, "win.show-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
}
