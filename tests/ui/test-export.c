/* test-export.c — the app's Export and Open: a story written out as a web
 * page, a ninjs item and plain text, with its pictures beside it, and each
 * opened again as a new draft, as another newsroom's Byline would.  Bad
 * files get the reader's message and leave the store as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"
#include "ui-test-utils.h"
#include "byline-import-file.h"

static guint
count_children (GFile *folder)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  guint n = 0;

  if (children == NULL)
    return 0;
  for (GFileInfo *info; (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL;)
    {
      g_object_unref (info);
      n++;
    }
  return n;
}

static guint
count_drafts (BylineDraftStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = byline_draft_store_list (store, &error);

  g_assert_no_error (error);
  return drafts->len;
}

static void
check_round_trip (BylineExportFormat format)
{
  g_autoptr(GFile) media = byline_test_make_folder ("export-media");
  g_autoptr(GFile) out = byline_test_make_folder ("export-out");
  g_autoptr(GFile) drafts = byline_test_make_folder ("export-drafts");
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (drafts);
  g_autoptr(BylineArticle) article = byline_test_make_article (media);
  g_autoptr(BylineArticle) back = NULL;
  g_autofree char *name = g_strdup_printf ("story.%s", byline_export_format_extension (format));
  g_autoptr(GFile) file = g_file_get_child (out, name);
  g_autoptr(GFile) pictures = g_file_get_child (out, "story-media");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *again = NULL;
  gboolean with_pictures = format != BYLINE_EXPORT_TEXT;

  g_assert_true (byline_export_write (article, NULL, format, file, NULL, &error));
  g_assert_no_error (error);
  /* The pictures beside the file, for the formats that refer to them. */
  g_assert_cmpuint (count_children (pictures), ==, with_pictures ? 2 : 0);

  id = byline_import_file (store, file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_cmpstr (id, !=, byline_article_get_id (article));
  back = byline_draft_store_load (store, id, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (byline_article_get_headline (back), ==, byline_article_get_headline (article));
  g_assert_nonnull (strstr (byline_article_get_lead (back), "Mưa lớn kéo dài từ đêm 9/8"));
  g_assert_cmpuint (byline_article_get_n_images (back), ==, with_pictures ? 2 : 0);
  for (guint i = 0; with_pictures && i < 2; i++)
    {
      BylineImage *image = byline_article_get_image (back, i);

      g_assert_cmpstr (byline_image_get_caption (image), ==,
                       byline_image_get_caption (byline_article_get_image (article, i)));
      /* The picture itself came along, into the draft's own media. */
      g_assert_nonnull (byline_image_get_file (image));
      g_assert_true (g_file_query_exists (byline_image_get_file (image), NULL));
      g_assert_cmpstr (byline_image_get_sha256 (image), ==,
                       byline_image_get_sha256 (byline_article_get_image (article, i)));
    }

  /* Opened twice, it is two drafts: an import is a copy. */
  again = byline_import_file (store, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, !=, id);
  g_assert_cmpuint (count_drafts (store), ==, 2);
}

static void
test_html (void)
{
  check_round_trip (BYLINE_EXPORT_HTML);
}

static void
test_ninjs (void)
{
  check_round_trip (BYLINE_EXPORT_NINJS);
}

static void
test_text (void)
{
  check_round_trip (BYLINE_EXPORT_TEXT);
}

/* A draft of the store opened by its file: the same draft, not a copy. */
static void
test_own_draft (void)
{
  g_autoptr(GFile) media = byline_test_make_folder ("export-own-media");
  g_autoptr(GFile) drafts = byline_test_make_folder ("export-own-drafts");
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (drafts);
  g_autoptr(BylineArticle) article = byline_test_make_article (media);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *id = NULL;

  g_assert_true (byline_draft_store_save (store, article, &error));
  g_assert_no_error (error);
  folder = byline_draft_store_get_draft_folder (store, byline_article_get_id (article));
  file = g_file_get_child (folder, "draft.json");
  id = byline_import_file (store, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, byline_article_get_id (article));
  g_assert_cmpuint (count_drafts (store), ==, 1);
}

/* What is not a story: the reader's message, and no draft. */
static void
test_bad_files (void)
{
  g_autoptr(GFile) drafts = byline_test_make_folder ("export-bad-drafts");
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (drafts);
  struct {
    const char *path;
    const char *says;
  } cases[] = {
    { "cli/neither.json", "neither a Byline draft nor a ninjs item" },
    { "cli/empty.txt", "is empty" },
    { "cli/picture.png", "is a picture (image/png)" },
    { "cli/binary.gz", "is a binary file" },
    { "cli/latin1.txt", "not UTF-8 text" },
    { "cli/truncated.json", "truncated.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = byline_test_data_path (cases[i].path);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *id = byline_import_file (store, file, &error);

      g_assert_null (id);
      g_assert_nonnull (error);
      g_assert_true (error->domain == BYLINE_ERROR);
      if (strstr (error->message, cases[i].says) == NULL)
        g_error ("%s: “%s” does not say “%s”", cases[i].path, error->message, cases[i].says);
    }
  g_assert_cmpuint (count_drafts (store), ==, 0);
}

/* A file gone before it is opened (a stick pulled out, a name mistyped on the
 * command line), or a folder: in our words, not GLib's ("Error when getting
 * information for file …", which has no Vietnamese). */
static void
test_files_not_there (void)
{
  g_autoptr(GFile) drafts = byline_test_make_folder ("drafts");
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (drafts);
  g_autoptr(GFile) stick = byline_test_make_folder ("usb");
  g_autoptr(GFile) gone = g_file_get_child (stick, "lu-quet.docx");
  g_autofree char *gone_says = g_strdup_printf ("%s: it is not there", g_file_peek_path (gone));
  g_autofree char *folder_says = g_strdup_printf ("%s: it is a folder, not a file", g_file_peek_path (stick));
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) folder_error = NULL;
  g_autofree char *id = byline_import_file (store, gone, &error);
  g_autofree char *folder_id = byline_import_file (store, stick, &folder_error);

  g_assert_null (id);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, gone_says);
  g_assert_null (folder_id);
  g_test_message ("%s", folder_error->message);
  g_assert_cmpstr (folder_error->message, ==, folder_says);
  g_assert_cmpuint (count_drafts (store), ==, 0);
}

typedef struct
{
  GFile *drafts;
  guint  media_before_finish;
  char  *id;
  GError *error;
} AsyncOpen;

/* The pictures a draft folder of @drafts holds (the only one). */
static guint
count_store_media (GFile *drafts)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (drafts, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  guint n = 0;

  for (GFileInfo *info; (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL;)
    {
      g_autoptr(GFile) draft = g_file_get_child (drafts, g_file_info_get_name (info));
      g_autoptr(GFile) media = g_file_get_child (draft, "media");

      if (g_file_info_get_name (info)[0] != '.')
        n += count_children (media);
      g_object_unref (info);
    }
  return n;
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  AsyncOpen *open = data;

  /* Before the main thread's part: the thread has copied the pictures. */
  open->media_before_finish = count_store_media (open->drafts);
  open->id = byline_import_file_finish (BYLINE_DRAFT_STORE (source), result, NULL, &open->error);
}

/* A Word document's photos are copied into the store in the thread that
 * reads it: on the main thread only the draft is written (the copies, with
 * their fsyncs, froze the window for as long as the photos took). */
static void
test_document_pictures_in_thread (void)
{
  g_autoptr(GFile) drafts = byline_test_make_folder ("export-async-drafts");
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (drafts);
  g_autofree char *path = byline_test_data_path ("docx/cho-phien.docx");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BylineArticle) back = NULL;
  g_autoptr(GError) error = NULL;
  AsyncOpen open = { .drafts = drafts };
  guint n;

  byline_import_file_async (store, file, NULL, on_opened, &open);
  while (open.id == NULL && open.error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (open.error);

  back = byline_draft_store_load (store, open.id, &error);
  g_assert_no_error (error);
  n = byline_article_get_n_images (back);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (open.media_before_finish, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (g_file_query_exists (byline_image_get_file (byline_article_get_image (back, i)), NULL));
  g_assert_cmpuint (count_drafts (store), ==, 1);
  g_free (open.id);
}

int
main (int   argc,
      char *argv[])
{
  byline_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/export/html", test_html);
  g_test_add_func ("/ui/export/ninjs", test_ninjs);
  g_test_add_func ("/ui/export/text", test_text);
  g_test_add_func ("/ui/export/own-draft", test_own_draft);
  g_test_add_func ("/ui/export/bad-files", test_bad_files);
  g_test_add_func ("/ui/export/files-not-there", test_files_not_there);
  g_test_add_func ("/ui/export/document-pictures-in-thread", test_document_pictures_in_thread);
  return g_test_run ();
}
