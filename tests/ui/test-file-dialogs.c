/* test-file-dialogs.c — Export, Open, Insert Pictures and Print through their dialogs
 *
 * Outside a sandbox GtkFileDialog shows GTK's own file chooser in the
 * process; the tests find it among the toplevels, choose a file in it as a
 * person would (a folder and a name, or a file), press its buttons, and check
 * what the window did with the answer: the file written and the toast, the
 * story opened, the picture inserted; and that Cancel does nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <gtk/gtkunixprint.h>

#include "byline-test-utils.h"
#include "ui-file-chooser.h"
#include "ui-test-utils.h"
#include "byline-article-editor.h"
#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-caption-panel.h"
#include "byline-document.h"
#include "byline-import.h"
#include "byline-window.h"
#include "ui-window-test.h"

#define HEADLINE "Sìn Hồ: đường lên bản Pu Sam Cáp đã thông"
#define PAGE     "<html><head><title>x</title></head><body><h1>" HEADLINE "</h1>" \
                 "<p>(BLC) - Sau ba ngày, xe đã qua được.</p></body></html>"

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Toast;

static gboolean
toast_shown (gpointer data)
{
  Toast *toast = data;

  return byline_ui_test_find_label (toast->root, toast->text) != NULL;
}

static void
assert_toast (Fixture    *f,
              const char *text)
{
  Toast toast = { GTK_WIDGET (f->window), text };

  if (!byline_ui_test_wait_until (toast_shown, &toast, 3000))
    g_error ("No toast says “%s”", text);
}

/* Export: the chooser offers "<slug>.html"; the page is written where the
 * person chose and a toast says so, with a button to its folder; the next
 * export starts in that folder.  Cancel writes nothing. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *slug = NULL;
  g_autofree char *name = NULL;
  g_autofree char *page = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;

  byline_ui_test_type (byline_article_editor_get_headline_view (byline_window_get_editor (f->window)), HEADLINE);
  slug = byline_article_dup_slug (article (f));
  g_assert_cmpstr (slug, ==, "sin-ho-duong-len-ban-pu-sam-cap-da-thong");
  name = g_strconcat (slug, ".html", NULL);
  file = g_file_get_child (f->files, name);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", "s", "html"));
  chooser = byline_ui_test_wait_for_chooser ("Export Story");
  /* The first time, in the user's documents (home when there are none),
   * not in the folder the program was started from. */
  {
    const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    g_autoptr(GFile) expected = g_file_new_for_path (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                                     ? documents : g_get_home_dir ());

    byline_ui_test_wait_chooser_shows (chooser, expected);
  }
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  {
    g_autofree char *offered = gtk_file_chooser_get_current_name (chooser);

    g_assert_cmpstr (offered, ==, name);
  }
  /* Typed into the Name field as a whole path, as a person may. */
  gtk_file_chooser_set_current_name (chooser, g_file_peek_path (file));
  byline_ui_test_wait_chooser_selects (chooser, file);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
  byline_ui_test_wait_chooser_gone ();

  toast = g_strdup_printf ("Exported to “%s”", name);
  assert_toast (f, toast);
  /* The toast offers the file's folder, to attach it to a mail or a chat. */
  {
    GtkWidget *button = byline_ui_test_find_button (GTK_WIDGET (f->window), "Show in _Folder");
    g_autofree char *uri = g_file_get_uri (file);

    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-in-folder");
    g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)), NULL),
                     ==, uri);
  }
  g_assert_true (g_file_load_contents (file, NULL, &page, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (page, "<h1>" HEADLINE "</h1>"));

  /* The next export starts where this one went; cancelled, it writes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", "s", "ninjs"));
  chooser = byline_ui_test_wait_for_chooser ("Export Story");
  byline_ui_test_wait_chooser_shows (chooser, f->files);
  byline_ui_test_chooser_cancel (chooser);
  byline_ui_test_wait (200);
  {
    g_autofree char *ninjs_name = g_strconcat (slug, ".json", NULL);
    g_autoptr(GFile) ninjs = g_file_get_child (f->files, ninjs_name);

    g_assert_false (g_file_query_exists (ninjs, NULL));
  }
}

static guint
count_children (GFile *folder)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GFileInfo) info = NULL;
  guint n = 0;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_clear_object (&info);
      n++;
    }
  return n;
}

static gboolean
file_exists (gpointer file)
{
  return g_file_query_exists (file, NULL);
}

/* Exports a story with pictures "to a folder" the chooser picks. */
static void
export_to_folder (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", "s", "html"));
  byline_ui_test_chooser_select_folder (byline_ui_test_wait_for_chooser ("Export Story to Folder"), f->files);
}

/* Inside a sandbox (here BYLINE_SANDBOXED=1) the file chooser portal hands
 * over a file alone, and the pictures could not go beside it: a story with
 * pictures is exported into a folder the person picks, as "<slug>.html" and
 * "<slug>-media/"; a second export there does not replace the first. */
static void
test_export_to_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GFile) photo = g_file_get_child (f->files, "anh.png");
  g_autoptr(GFile) page = g_file_get_child (f->files, "sin-ho-duong-len-ban-pu-sam-cap-da-thong.html");
  g_autoptr(GFile) media = g_file_get_child (f->files, "sin-ho-duong-len-ban-pu-sam-cap-da-thong-media");
  g_autoptr(GFile) second = g_file_get_child (f->files, "sin-ho-duong-len-ban-pu-sam-cap-da-thong-2.html");
  g_autoptr(GError) error = NULL;

  g_setenv ("BYLINE_SANDBOXED", "1", TRUE);
  byline_ui_test_type (byline_article_editor_get_headline_view (byline_window_get_editor (f->window)), HEADLINE);
  byline_test_write_png (photo, 60, 40, 0x3a7a3a);
  g_assert_nonnull (byline_document_import_image (byline_window_get_document (f->window), photo, -1, &error));
  g_assert_no_error (error);
  g_file_delete (photo, NULL, NULL);

  export_to_folder (f);
  assert_toast (f, "Exported to “sin-ho-duong-len-ban-pu-sam-cap-da-thong.html”");
  g_assert_true (g_file_query_exists (page, NULL));
  g_assert_cmpuint (count_children (media), ==, 1);

  /* (Its toast waits behind the first one's.) */
  export_to_folder (f);
  g_assert_true (byline_ui_test_wait_until (file_exists, second, 3000));
  g_assert_true (g_file_query_exists (page, NULL));
  g_unsetenv ("BYLINE_SANDBOXED");
}

/* Open: a web page chosen in the chooser becomes a new draft, shown in this
 * window (it held nothing yet); a file that is not a story gets a toast with
 * the reason, naming the file once, and the story shown stays. */
static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) page = g_file_get_child (f->files, "bai-viet.html");
  g_autoptr(GFile) bad = g_file_get_child (f->files, "trong.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  const char *opened;

  g_assert_true (g_file_replace_contents (page, PAGE, strlen (PAGE), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                          &error));
  g_assert_no_error (error);
  g_assert_true (g_file_replace_contents (bad, "", 0, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import", NULL));
  byline_ui_test_chooser_open (byline_ui_test_wait_for_chooser ("Open Stories"), page);
  byline_ui_test_wait (300);
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, HEADLINE);
  opened = byline_document_get_id (byline_window_get_document (f->window));
  drafts = byline_draft_store_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import", NULL));
  byline_ui_test_chooser_open (byline_ui_test_wait_for_chooser ("Open Stories"), bad);
  assert_toast (f, "trong.txt is empty");
  g_assert_cmpstr (byline_document_get_id (byline_window_get_document (f->window)), ==, opened);

  /* A PDF: what to do instead, read to its end (the toast's text wraps
   * instead of being cut short). */
  {
    static const char pdf[] = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
    g_autoptr(GFile) word = g_file_get_child (f->files, "bai.pdf");
    const char *advice = "bai.pdf is a document (PDF), not an article: save it as a web page (HTML) "
                         "or as text from the program that made it, or copy its text into a new story";
    GtkWidget *label;

    g_assert_true (g_file_replace_contents (word, pdf, sizeof pdf - 1, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                            NULL, &error));
    g_assert_no_error (error);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import", NULL));
    byline_ui_test_chooser_open (byline_ui_test_wait_for_chooser ("Open Stories"), word);
    assert_toast (f, advice);
    label = byline_ui_test_find_label (GTK_WIDGET (f->window), advice);
    g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
    g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);
    byline_ui_test_wait (600);
    g_assert_cmpstr (byline_document_get_id (byline_window_get_document (f->window)), ==, opened);
  }

  /* Cancelled: nothing opens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import", NULL));
  byline_ui_test_chooser_cancel (byline_ui_test_wait_for_chooser ("Open Stories"));
  byline_ui_test_wait (200);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = byline_draft_store_list (f->store, &error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (byline_document_get_id (byline_window_get_document (f->window)), ==, opened);
}

/* Insert Pictures: the chosen photo becomes a figure of the body at the
 * cursor's empty line, which moves below it for what comes next. */
static void
test_insert_picture (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) photo = g_file_get_child (f->files, "cau-treo.png");
  BylineImage *image;

  byline_test_write_png (photo, 80, 60, 0x3a7a3a);
  byline_article_editor_focus_body (byline_window_get_editor (f->window));
  byline_ui_test_type (GTK_TEXT_VIEW (byline_article_editor_get_body_view (byline_window_get_editor (f->window))),
                       "Cây cầu treo mới.\n");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.insert-picture", NULL));
  byline_ui_test_chooser_open (byline_ui_test_wait_for_chooser ("Insert Pictures"), photo);
  byline_ui_test_wait (300);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
  image = byline_article_get_image (article (f), 0);
  g_assert_cmpint (byline_body_find_image (byline_article_get_body (article (f)), byline_image_get_id (image)), ==, 1);
  g_assert_cmpuint (byline_image_get_width (image), ==, 80);
  /* The empty line the cursor was on is below the picture, and has the cursor. */
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (article (f))), ==, 3);
  byline_ui_test_type (GTK_TEXT_VIEW (byline_article_editor_get_body_view (byline_window_get_editor (f->window))),
                       "Ảnh: cầu mới.");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (byline_article_get_body (article (f)), 2)), ==,
                   "Ảnh: cầu mới.");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.insert-picture", NULL));
  byline_ui_test_chooser_cancel (byline_ui_test_wait_for_chooser ("Insert Pictures"));
  byline_ui_test_wait (200);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
}

/* Insert Pictures shows an iPhone's photos (HEIC), which it hid, and the
 * chosen one comes in as a JPEG, named so.  (GTK's own chooser, as the
 * dialog shows it with no portal: its filter is asked of it.) */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
test_insert_iphone_photo (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) heic = byline_test_data_bytes ("heif/portrait.heic");
  g_autoptr(GFile) photo = g_file_get_child (f->files, "IMG_0413.HEIC");
  g_autoptr(GFileInfo) info = NULL;
  GtkFileChooser *chooser;
  GtkFileFilter *filter;
  BylineImage *image;

  g_assert_true (g_file_replace_contents (photo, g_bytes_get_data (heic, NULL), g_bytes_get_size (heic), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  byline_article_editor_focus_body (byline_window_get_editor (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.insert-picture", NULL));
  chooser = byline_ui_test_wait_for_chooser ("Insert Pictures");
  filter = gtk_file_chooser_get_filter (chooser);
  g_assert_nonnull (filter);
  info = g_file_query_info (photo, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_assert_nonnull (info);
  g_assert_true (gtk_filter_match (GTK_FILTER (filter), info));
  byline_ui_test_chooser_open (chooser, photo);
  byline_ui_test_wait (500);
  g_assert_cmpuint (byline_article_get_n_images (article (f)), ==, 1);
  image = byline_article_get_image (article (f), 0);
  g_assert_cmpstr (byline_image_get_filename (image), ==, "IMG_0413.jpg");
  g_assert_cmpstr (byline_image_get_media_type (image), ==, "image/jpeg");
  /* A portrait photo, stored on its side. */
  g_assert_cmpuint (byline_image_get_width (image), ==, 40);
  g_assert_cmpuint (byline_image_get_height (image), ==, 60);
}

G_GNUC_END_IGNORE_DEPRECATIONS

static gboolean
has_one_image (gpointer data)
{
  return byline_article_get_n_images (data) == 1;
}

/* A Word story whose linked photo and chart could not come: the pictures
 * panel lists them above the story's pictures, each with its caption.  Its
 * Add chooses the camera's photo, under another name, which goes to the
 * photo's caption with its description; its Forget drops the chart, and
 * the toast's Undo brings it back. */
static void
test_add_missing_picture (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) bytes = byline_test_data_bytes ("docx/cho-anh.docx");
  g_autoptr(GFile) photo = g_file_get_child (f->files, "IMG_2041.jpg");
  GtkWidget *panel = GTK_WIDGET (byline_window_get_caption_panel (f->window));
  g_autoptr(BylineArticle) story = NULL;
  g_autoptr(GError) error = NULL;
  BylineArticle *opened;
  BylineBody *body;
  BylineImage *image;
  GtkWidget *undo;

  story = byline_import_read_full (bytes, "lu-quet.docx", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (byline_draft_store_save (f->store, story, &error));
  g_assert_true (byline_window_open_draft (f->window, byline_article_get_id (story), &error));
  g_assert_no_error (error);
  opened = article (f);
  body = byline_article_get_body (opened);
  g_assert_nonnull (byline_ui_test_find_label (panel, "2 Pictures Not in the Story"));
  /* Word's photo, only linked: the file to look for. */
  g_assert_nonnull (byline_ui_test_find_label (panel, "“Nước lũ tràn qua bản. Ảnh: Hà Anh”\nLinked to lu-quet.jpg"));
  g_assert_nonnull (byline_ui_test_find_button (panel, "Add the picture “Chart 3”: it goes where its caption is"));

  byline_test_write_png (photo, 80, 60, 0x3a7a3a);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-missing-picture", "s", "Picture 2"));
  byline_ui_test_chooser_open (byline_ui_test_wait_for_chooser ("Add the Picture “Picture 2”"), photo);
  g_assert_true (byline_ui_test_wait_until (has_one_image, opened, 5000));
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 1)), ==, BYLINE_BLOCK_IMAGE);
  image = byline_article_get_image (opened, 0);
  g_assert_cmpstr (byline_image_get_filename (image), ==, "IMG_2041.jpg");
  g_assert_cmpstr (byline_image_get_caption (image), ==, "Nước lũ tràn qua bản.");
  g_assert_cmpstr (byline_image_get_credit (image), ==, "Ảnh: Hà Anh");
  g_assert_cmpstr (byline_image_get_alt_text (image), ==, "Nước ngập nửa nhà sàn");
  g_assert_nonnull (byline_ui_test_find_label (panel, "1 Picture Not in the Story"));

  /* Undone, the photo is missed again, its caption its place; done again,
   * it is in its place. */
  {
    GtkWidget *editor = GTK_WIDGET (byline_article_editor_get_body_view (byline_window_get_editor (f->window)));
    g_auto(GStrv) missed = NULL;
    g_autofree char *place = NULL;

    g_assert_true (gtk_widget_activate_action (editor, "editor.undo", NULL));
    g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 1)), ==, "Nước lũ tràn qua bản. Ảnh: Hà Anh");
    missed = byline_article_dup_missing_pictures (opened);
    g_assert_cmpstrv (missed, ((const char *[]) { "Picture 2", "Chart 3", NULL }));
    place = byline_article_dup_missing_place (opened, 0);
    g_assert_cmpint (byline_article_find_missing_place (opened, 0), ==, 1);
    g_assert_nonnull (byline_ui_test_find_label (panel, "2 Pictures Not in the Story"));

    g_assert_true (gtk_widget_activate_action (editor, "editor.redo", NULL));
    g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 1)), ==, BYLINE_BLOCK_IMAGE);
    g_clear_pointer (&missed, g_strfreev);
    missed = byline_article_dup_missing_pictures (opened);
    g_assert_cmpstrv (missed, ((const char *[]) { "Chart 3", NULL }));
    g_assert_nonnull (byline_ui_test_find_label (panel, "1 Picture Not in the Story"));

    /* Undone again, and put back from the panel (its row's "place at the
     * cursor") with the cursor in the caption: in its place, not at the
     * cursor. */
    g_assert_true (gtk_widget_activate_action (editor, "editor.undo", NULL));
    g_assert_nonnull (byline_ui_test_find_label (panel, "2 Pictures Not in the Story"));
    {
      BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (BYLINE_BODY_VIEW (editor));
      GtkTextIter in_caption;

      byline_body_buffer_get_iter_at_block (buffer, &in_caption, 1, 5);
      gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &in_caption);
      byline_body_view_place_image (BYLINE_BODY_VIEW (editor), image);
    }
    g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 1)), ==, BYLINE_BLOCK_IMAGE);
    g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 2)), ==,
                     "Mưa kéo dài ba ngày, có nơi trên 300 mm.");
    g_clear_pointer (&missed, g_strfreev);
    missed = byline_article_dup_missing_pictures (opened);
    g_assert_cmpstrv (missed, ((const char *[]) { "Chart 3", NULL }));
    g_assert_cmpuint (byline_article_get_n_images (opened), ==, 1);
    g_assert_nonnull (byline_ui_test_find_label (panel, "1 Picture Not in the Story"));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.forget-missing-picture", "s", "Chart 3"));
  g_assert_null (byline_article_dup_missing_pictures (opened));
  g_assert_null (byline_ui_test_find_label (panel, "1 Picture Not in the Story"));
  /* The chart's caption stays: only the reminder goes. */
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 3)), ==, "Lượng mưa ở Bát Xát.");

  /* The toast undoes it: the chart is missed again, with its place. */
  g_assert_nonnull (byline_ui_test_find_label (GTK_WIDGET (f->window), "“Chart 3” forgotten"));
  undo = byline_ui_test_find_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_nonnull (byline_ui_test_find_label (panel, "1 Picture Not in the Story"));
  g_assert_nonnull (byline_ui_test_find_label (panel, "“Lượng mưa ở Bát Xát.”"));
  {
    g_autofree char *place = byline_article_dup_missing_place (opened, 0);

    g_assert_cmpstr (place, ==, "Lượng mưa ở Bát Xát.");
  }
}

/* ------------------------------------------------------------------ print */

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static gboolean
find_print_dialog (gpointer data)
{
  return byline_ui_test_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG, data);
}

static gboolean
print_dialog_gone (gpointer data)
{
  GtkWidget *dialog = NULL;

  return !find_print_dialog (&dialog);
}

static GtkPrintUnixDialog *
wait_for_print_dialog (Fixture *f)
{
  GtkWidget *dialog = NULL;

  if (!byline_ui_test_wait_until (find_print_dialog, &dialog, 5000))
    g_error ("No print dialog opened");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  return GTK_PRINT_UNIX_DIALOG (dialog);
}

static gboolean
printer_selected (gpointer data)
{
  GtkPrintUnixDialog *dialog = data;
  GtkPrinter *printer = gtk_print_unix_dialog_get_selected_printer (dialog);

  return printer != NULL && g_strcmp0 (gtk_printer_get_name (printer), "Print to File") == 0;
}

static gboolean
file_complete (gpointer data)
{
  GFile *file = data;
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  gsize size = 0;
  const char *pdf = bytes ? g_bytes_get_data (bytes, &size) : NULL;

  /* A PDF ends with its end-of-file marker (and a newline). */
  return size > 64 && g_str_has_prefix (pdf, "%PDF") && g_strstr_len (pdf + size - 16, 16, "%%EOF") != NULL;
}

/* Print: GTK's print dialog, modal on the window; printed to a PDF file, the
 * story is on the page, and the next Print starts with the same printer and
 * file, in this run and (from the settings file) the next.  The dialog does
 * not hold the window's main loop. */
static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GFile) pdf = g_file_get_child (f->files, "in.pdf");
  g_autofree char *uri = g_file_get_uri (pdf);
  g_autofree char *kept = g_build_filename (g_get_user_config_dir (), "byline", "print-settings.ini", NULL);
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkPrintUnixDialog *dialog;

  /* The file backend only: GTK's CUPS backend would look for a print server
   * and ask the session's secret service for CUPS passwords, which starts a
   * keyring on the shared test bus. */
  g_object_set (gtk_settings_get_default (), "gtk-print-backends", "file", NULL);
  byline_ui_test_type (byline_article_editor_get_headline_view (byline_window_get_editor (f->window)), HEADLINE);
  g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  dialog = wait_for_print_dialog (f);
  /* As a person picks "Print to File" and names the file. */
  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_unix_dialog_set_settings (dialog, settings);
  g_assert_true (byline_ui_test_wait_until (printer_selected, dialog, 5000));

  /* The window goes on while the dialog is open (activating win.print did
   * not wait for it); what is printed is the story as it was at Print. */
  byline_article_set_lead (article (f), "(BLC) - Xe đã qua được.");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  g_assert_true (byline_ui_test_wait_until (print_dialog_gone, NULL, 5000));
  g_assert_true (byline_ui_test_wait_until (file_complete, pdf, 10000));
  {
    g_autofree char *path = g_file_get_path (pdf);
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &text, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "Sìn Hồ"));
    g_assert_null (strstr (text, "Xe đã qua được."));
  }

  /* Kept for the next print, and in the settings file. */
  g_assert_true (g_key_file_load_from_file (file, kept, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GtkPrintSettings) read = gtk_print_settings_new_from_key_file (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (gtk_print_settings_get_printer (read), ==, "Print to File");
    g_assert_cmpstr (gtk_print_settings_get (read, GTK_PRINT_SETTINGS_OUTPUT_URI), ==, uri);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  dialog = wait_for_print_dialog (f);
  g_assert_true (byline_ui_test_wait_until (printer_selected, dialog, 5000));
  {
    g_autoptr(GtkPrintSettings) offered = gtk_print_unix_dialog_get_settings (dialog);

    g_assert_cmpstr (gtk_print_settings_get (offered, GTK_PRINT_SETTINGS_OUTPUT_URI), ==, uri);
  }
  /* Cancel prints nothing and says nothing. */
  g_assert_true (g_file_delete (pdf, NULL, &error));
  g_assert_no_error (error);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_true (byline_ui_test_wait_until (print_dialog_gone, NULL, 5000));
  byline_ui_test_wait (300);
  g_assert_false (g_file_query_exists (pdf, NULL));
  g_assert_null (byline_ui_test_find_label (GTK_WIDGET (f->window), "Could not print"));

  /* Another story is offered a file of its own in that folder, not that one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-draft", NULL));
  byline_ui_test_type (byline_article_editor_get_headline_view (byline_window_get_editor (f->window)),
                       "Cầu treo Nậm Củm");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  dialog = wait_for_print_dialog (f);
  g_assert_true (byline_ui_test_wait_until (printer_selected, dialog, 5000));
  {
    g_autoptr(GtkPrintSettings) offered = gtk_print_unix_dialog_get_settings (dialog);
    g_autoptr(GFile) folder = g_file_get_parent (pdf);
    g_autoptr(GFile) own = g_file_get_child (folder, "cau-treo-nam-cum.pdf");
    g_autofree char *own_uri = g_file_get_uri (own);

    g_assert_cmpstr (gtk_print_settings_get (offered, GTK_PRINT_SETTINGS_OUTPUT_URI), ==, own_uri);
  }
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_true (byline_ui_test_wait_until (print_dialog_gone, NULL, 5000));
}

G_GNUC_END_IGNORE_DEPRECATIONS

int
main (int   argc,
      char *argv[])
{
  byline_ui_test_init (&argc, &argv);

  byline_ui_test_add_window_test ("/ui/file-dialogs/export", test_export);
  byline_ui_test_add_window_test ("/ui/file-dialogs/export-to-folder", test_export_to_folder);
  byline_ui_test_add_window_test ("/ui/file-dialogs/print", test_print);
  byline_ui_test_add_window_test ("/ui/file-dialogs/open", test_open);
  byline_ui_test_add_window_test ("/ui/file-dialogs/insert-picture", test_insert_picture);
  byline_ui_test_add_window_test ("/ui/file-dialogs/insert-iphone-photo", test_insert_iphone_photo);
  byline_ui_test_add_window_test ("/ui/file-dialogs/add-missing-picture", test_add_missing_picture);
  return g_test_run ();
}
