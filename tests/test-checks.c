/* test-checks.c — the preflight checks: each one fires on a slip and keeps quiet on right text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <unistd.h>

#include "byline-test-utils.h"

/* ---------------------------------------------------------------- helpers */

/* The private XDG folders of a test hide /usr/share/hunspell from enchant, whose
 * hunspell provider also looks in $XDG_CONFIG_HOME/enchant/hunspell. */
static BylineSpellChecker *
new_spell_checker (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_config_dir (), "enchant", NULL);
  g_autofree char *link = g_build_filename (folder, "hunspell", NULL);
  g_autoptr(GError) error = NULL;
  BylineSpellChecker *checker;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  if (!g_file_test (link, G_FILE_TEST_EXISTS))
    g_assert_cmpint (symlink ("/usr/share/hunspell", link), ==, 0);
  checker = byline_spell_checker_new ("vi_VN", &error);
  g_assert_no_error (error);
  return checker;
}

/* Options with the clock stopped the morning after the test article was written. */
static BylineCheckOptions *
new_options (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2022, 8, 11, 5, 0, 0);
  BylineCheckOptions *options = byline_check_options_new ();

  byline_check_options_set_now (options, now);
  return options;
}

static GListModel *
run (BylineArticle      *article,
     BylineCheckOptions *options)
{
  GListModel *findings = byline_check_article (article, options);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) f = g_list_model_get_item (findings, i);
      g_autofree char *location = byline_finding_dup_location (f, article);

      g_test_message ("%s %s [%s] %s", byline_severity_to_string (byline_finding_get_severity (f)),
                      byline_finding_get_code (f), location, byline_finding_get_message (f));
    }
  return findings;
}

static guint
count_code (GListModel *findings,
            const char *code)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) f = g_list_model_get_item (findings, i);
      n += g_str_equal (byline_finding_get_code (f), code);
    }
  return n;
}

/* The first finding with @code; the model keeps it alive. */
static BylineFinding *
find_code (GListModel *findings,
           const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) f = g_list_model_get_item (findings, i);

      if (g_str_equal (byline_finding_get_code (f), code))
        return f;
    }
  g_assert_not_reached ();
}

static GListModel *
run_now (BylineArticle *article)
{
  g_autoptr(BylineCheckOptions) options = new_options ();

  return run (article, options);
}

/* An article whose only text is one body paragraph, otherwise complete. */
static BylineArticle *
article_with_body (const char *text)
{
  BylineArticle *article = byline_test_make_article (NULL);
  BylineBody *body = byline_article_get_body (article);

  byline_body_clear (body);
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, text);
  return article;
}

/* ------------------------------------------------------------ right story */

static void
test_correct_story (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(BylineCheckOptions) options = new_options ();
  g_autoptr(BylineSpellChecker) speller = new_spell_checker ();
  g_autoptr(BylineConsistencyIndex) archive = byline_consistency_index_new ();
  g_autoptr(BylineHouseList) house = byline_house_list_new ();
  g_autofree char *house_path = byline_test_data_path ("vi/house-list.txt");
  g_autoptr(GFile) house_file = g_file_new_for_path (house_path);
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (byline_house_list_load (house, house_file, &error));
  g_assert_no_error (error);
  byline_consistency_index_add_article (archive, article);

  byline_check_options_set_source_prefix (options, "BLC");
  byline_check_options_set_spell_checker (options, speller);
  byline_check_options_set_archive (options, archive);
  byline_check_options_set_house_list (options, house);
  findings = run (article, options);

  /* Every check ran, none fired. */
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
  g_assert_false (byline_findings_have_errors (findings));
}

/* --------------------------------------------------------- required fields */

static void
test_missing_fields (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GListModel) findings = run (article, NULL);
  g_autoptr(BylineFinding) first = NULL;

  g_assert_cmpuint (count_code (findings, "missing-headline"), ==, 1);
  g_assert_cmpuint (count_code (findings, "missing-lead"), ==, 1);
  g_assert_cmpuint (count_code (findings, "missing-byline"), ==, 1);
  g_assert_cmpuint (count_code (findings, "missing-category"), ==, 1);
  g_assert_true (byline_findings_have_errors (findings));

  first = g_list_model_get_item (findings, 0);
  g_assert_cmpint (byline_finding_get_severity (first), ==, BYLINE_SEVERITY_ERROR);
  g_assert_cmpint (byline_finding_get_field (first), ==, BYLINE_FIELD_HEADLINE);

  /* Blank is missing too; a byline of one blank author as well. */
  {
    const char *blank_authors[] = { "  ", NULL };
    g_autoptr(GListModel) again = NULL;

    byline_article_set_headline (article, "   ");
    byline_article_set_authors (article, blank_authors);
    again = run (article, NULL);
    g_assert_cmpuint (count_code (again, "missing-headline"), ==, 1);
    g_assert_cmpuint (count_code (again, "missing-byline"), ==, 1);
  }
}

static void
test_lengths (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(BylineCheckOptions) options = new_options ();
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GListModel) quiet = NULL;
  BylineFinding *f;
  guint headline_len = g_utf8_strlen (byline_article_get_headline (article), -1);

  quiet = run (article, options);
  g_assert_cmpuint (count_code (quiet, "headline-too-long"), ==, 0);
  g_assert_cmpuint (count_code (quiet, "lead-too-long"), ==, 0);

  byline_check_options_set_headline_max_chars (options, 20);
  byline_check_options_set_lead_max_chars (options, 50);
  findings = run (article, options);
  f = find_code (findings, "headline-too-long");
  g_assert_cmpint (byline_finding_get_severity (f), ==, BYLINE_SEVERITY_WARNING);
  /* The range is what goes over the limit. */
  g_assert_cmpuint (byline_finding_get_start (f), ==, 20);
  g_assert_cmpuint (byline_finding_get_end (f), ==, headline_len);
  g_assert_cmpuint (count_code (findings, "lead-too-long"), ==, 1);
}

static void
test_source_prefix (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(BylineCheckOptions) options = new_options ();
  g_autoptr(GListModel) f1 = NULL;
  g_autoptr(GListModel) f2 = NULL;
  g_autoptr(GListModel) f3 = NULL;
  g_autoptr(GListModel) f4 = NULL;
  g_autoptr(GListModel) f5 = NULL;
  BylineFinding *f;

  byline_check_options_set_source_prefix (options, "BLC");

  /* The story has no source of its own and the lead lacks "(BLC) - ". */
  byline_article_set_source_prefix (article, "");
  byline_article_set_lead (article, "Mưa lớn kéo dài đã gây sạt lở tại Nậm Nhùn.");
  f1 = run (article, options);
  f = find_code (f1, "missing-source-prefix");
  g_assert_cmpstr (byline_finding_get_suggestion (f), ==, "(BLC) - ");
  g_assert_true (byline_finding_apply (f, article));
  g_assert_cmpstr (byline_article_get_lead (article), ==, "(BLC) - Mưa lớn kéo dài đã gây sạt lở tại Nậm Nhùn.");
  f2 = run (article, options);
  g_assert_cmpuint (count_code (f2, "missing-source-prefix"), ==, 0);
  g_assert_cmpuint (count_code (f2, "malformed-source-prefix"), ==, 0);

  /* Typed another way */
  byline_article_set_lead (article, "(BLC)- Mưa lớn kéo dài.");
  f3 = run (article, options);
  f = find_code (f3, "malformed-source-prefix");
  g_assert_true (byline_finding_apply (f, article));
  g_assert_cmpstr (byline_article_get_lead (article), ==, "(BLC) - Mưa lớn kéo dài.");

  /* Another agency's story in front of our own source */
  byline_article_set_source_prefix (article, "BLC");
  byline_article_set_lead (article, "(TTXVN) - Mưa lớn kéo dài.");
  f4 = run (article, options);
  g_assert_cmpuint (count_code (f4, "source-prefix-mismatch"), ==, 1);

  /* The story's own source: the exports put it in front of the lead. */
  byline_article_set_lead (article, "Mưa lớn kéo dài.");
  f5 = run (article, options);
  g_assert_cmpuint (count_code (f5, "missing-source-prefix"), ==, 0);
  g_assert_cmpuint (count_code (f5, "source-prefix-mismatch"), ==, 0);
}

static void
test_publish_time (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(BylineCheckOptions) options = new_options ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) past = g_date_time_new (zone, 2022, 6, 30, 8, 0, 0);
  g_autoptr(GDateTime) future = g_date_time_new (zone, 2023, 1, 2, 8, 0, 0);
  g_autoptr(GDateTime) soon = g_date_time_new (zone, 2022, 8, 12, 8, 0, 0);
  g_autoptr(GListModel) f1 = NULL;
  g_autoptr(GListModel) f2 = NULL;
  g_autoptr(GListModel) f3 = NULL;
  g_autoptr(GListModel) f4 = NULL;

  byline_article_set_publish_time (article, past);
  f1 = run (article, options);
  g_assert_cmpuint (count_code (f1, "publish-time-past"), ==, 1);
  g_assert_cmpint (byline_finding_get_field (find_code (f1, "publish-time-past")), ==, BYLINE_FIELD_PUBLISH_TIME);
  g_assert_nonnull (strstr (byline_finding_get_message (find_code (f1, "publish-time-past")), "41 days"));

  byline_article_set_publish_time (article, future);
  f2 = run (article, options);
  g_assert_cmpuint (count_code (f2, "publish-time-future"), ==, 1);

  byline_article_set_publish_time (article, soon);
  f3 = run (article, options);
  g_assert_cmpuint (count_code (f3, "publish-time-past") + count_code (f3, "publish-time-future"), ==, 0);

  /* A published story's date is history. */
  byline_article_set_publish_time (article, past);
  byline_article_set_status (article, BYLINE_STATUS_PUBLISHED);
  f4 = run (article, options);
  g_assert_cmpuint (count_code (f4, "publish-time-past"), ==, 0);
}

/* --------------------------------------------------------------- pictures */

static void
test_picture_fields (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(GListModel) findings = NULL;
  BylineImage *second = byline_article_get_image (article, 1);
  BylineFinding *f;
  g_autofree char *location = NULL;

  byline_image_set_caption (second, "");
  byline_image_set_credit (second, " ");
  byline_image_set_alt_text (second, NULL);
  findings = run_now (article);

  f = find_code (findings, "missing-caption");
  g_assert_cmpint (byline_finding_get_severity (f), ==, BYLINE_SEVERITY_ERROR);
  g_assert_cmpint (byline_finding_get_field (f), ==, BYLINE_FIELD_CAPTION);
  g_assert_cmpstr (byline_finding_get_image_id (f), ==, byline_image_get_id (second));
  location = byline_finding_dup_location (f, article);
  g_assert_cmpstr (location, ==, "Picture 2, caption");
  g_assert_cmpint (byline_finding_get_severity (find_code (findings, "missing-credit")), ==, BYLINE_SEVERITY_ERROR);
  g_assert_cmpint (byline_finding_get_severity (find_code (findings, "missing-alt-text")), ==, BYLINE_SEVERITY_WARNING);
  g_assert_cmpuint (count_code (findings, "missing-caption"), ==, 1);
}

/* Pictures the story was to have and has not (an imported document's that
 * could not come in): a warning naming them and their file, until the fix
 * forgets them. */
static void
test_missing_pictures (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GListModel) after = NULL;
  BylineFinding *f;

  findings = run_now (article);
  g_assert_cmpuint (count_code (findings, "missing-pictures"), ==, 0);
  g_clear_object (&findings);

  byline_article_add_missing_picture (article, "Picture 2", "Lũ quét.docx");
  byline_article_add_missing_picture (article, "Chart 3", "Lũ quét.docx");
  findings = run_now (article);
  f = find_code (findings, "missing-pictures");
  g_assert_cmpint (byline_finding_get_severity (f), ==, BYLINE_SEVERITY_WARNING);
  g_assert_cmpint (byline_finding_get_field (f), ==, BYLINE_FIELD_ARTICLE);
  g_assert_cmpstr (byline_finding_get_message (f), ==,
                   "2 pictures of Lũ quét.docx are not in the story: Picture 2, Chart 3");
  g_assert_nonnull (byline_finding_get_fix_label (f));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) other = g_list_model_get_item (findings, i);

      if (other != f)
        g_assert_null (byline_finding_get_fix_label (other));
    }

  /* The fix forgets them; once. */
  g_assert_true (byline_finding_apply (f, article));
  g_assert_null (byline_article_dup_missing_pictures (article));
  g_assert_false (byline_finding_apply (f, article));
  after = run_now (article);
  g_assert_cmpuint (count_code (after, "missing-pictures"), ==, 0);
  g_clear_object (&after);

  /* A ninjs item's picture on a server, and no one file. */
  byline_article_add_missing_picture (article, "anh-1.jpg", NULL);
  after = run_now (article);
  g_assert_cmpstr (byline_finding_get_message (find_code (after, "missing-pictures")), ==,
                   "1 picture is not in the story: anh-1.jpg");
}

/* A missing picture whose caption stands in the text (kept as a paragraph
 * when it could not come) is named at that paragraph, where it goes once
 * added, even changed a little since; its fix forgets it alone.  The
 * others are named together, their fix forgetting them only. */
static void
test_missing_picture_place (void)
{
  g_autoptr(BylineArticle) article = article_with_body ("Đêm 5/12, mưa lớn gây lũ quét.");
  BylineBody *body = byline_article_get_body (article);
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GListModel) after = NULL;
  BylineFinding *photo = NULL, *chart = NULL, *rest = NULL;

  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Nước lũ tràn qua bản. Ảnh: Hà Anh");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Lượng mưa ở Bát Xát trong ba ngày.");
  byline_article_add_missing_picture_full (article, "Picture 2", "Lũ quét.docx", "Nước lũ tràn qua bản. Ảnh: Hà Anh");
  byline_article_add_missing_picture_full (article, "Chart 3", "Lũ quét.docx", "Lượng mưa ở Bát Xát.");
  byline_article_add_missing_picture_full (article, "Picture 4", "Lũ quét.docx", "Không còn trong bài.");
  findings = run_now (article);
  g_assert_cmpuint (count_code (findings, "missing-pictures"), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) f = g_list_model_get_item (findings, i);

      if (!g_str_equal (byline_finding_get_code (f), "missing-pictures"))
        continue;
      if (byline_finding_get_block (f) == 1)
        photo = f;
      else if (byline_finding_get_block (f) == 2)
        chart = f;
      else
        rest = f;
    }
  g_assert_nonnull (photo);
  g_assert_nonnull (chart);
  g_assert_nonnull (rest);
  g_assert_cmpint (byline_finding_get_field (photo), ==, BYLINE_FIELD_BODY);
  g_assert_cmpuint (byline_finding_get_start (photo), ==, 0);
  g_assert_cmpuint (byline_finding_get_end (photo), ==, g_utf8_strlen ("Nước lũ tràn qua bản. Ảnh: Hà Anh", -1));
  g_assert_cmpstr (byline_finding_get_message (photo), ==,
                   "The picture “Picture 2” is not in the story: this paragraph was its caption. "
                   "Put the cursor in it and add the picture to put it here");
  g_assert_cmpstr (byline_finding_get_fix_label (photo), ==,
                   "Forget this picture: it was added by hand, or is not needed");
  /* The one whose place is not in the text any more, with the others'. */
  g_assert_cmpint (byline_finding_get_field (rest), ==, BYLINE_FIELD_ARTICLE);
  g_assert_cmpstr (byline_finding_get_message (rest), ==, "1 picture of Lũ quét.docx is not in the story: Picture 4");

  g_assert_true (byline_finding_apply (photo, article));
  {
    g_auto(GStrv) left = byline_article_dup_missing_pictures (article);
    const char *expected[] = { "Chart 3", "Picture 4", NULL };

    g_assert_cmpstrv (left, expected);
  }
  g_assert_true (byline_finding_apply (rest, article));
  {
    g_auto(GStrv) left = byline_article_dup_missing_pictures (article);
    const char *expected[] = { "Chart 3", NULL };

    g_assert_cmpstrv (left, expected);
  }
  after = run_now (article);
  g_assert_cmpuint (count_code (after, "missing-pictures"), ==, 1);
  g_assert_cmpint (byline_finding_get_block (find_code (after, "missing-pictures")), ==, 2);
}

/* A caption that ends with its credit, and no credit: one finding, whose
 * fix moves the credit where it belongs; none once a credit is given. */
static void
test_credit_in_caption (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GListModel) after = NULL;
  BylineImage *second = byline_article_get_image (article, 1);
  BylineFinding *f;

  byline_image_set_caption (second, "Đường đã thông xe. Ảnh: Hà Anh");
  byline_image_set_credit (second, "");
  findings = run_now (article);
  f = find_code (findings, "credit-in-caption");
  g_assert_nonnull (f);
  g_assert_cmpint (byline_finding_get_severity (f), ==, BYLINE_SEVERITY_ERROR);
  g_assert_cmpstr (byline_finding_get_message (f), ==, "Picture 2 has its credit in the caption: “Ảnh: Hà Anh”");
  g_assert_cmpuint (count_code (findings, "missing-credit"), ==, 0);

  g_assert_true (byline_finding_apply (f, article));
  g_assert_cmpstr (byline_image_get_caption (second), ==, "Đường đã thông xe.");
  g_assert_cmpstr (byline_image_get_credit (second), ==, "Ảnh: Hà Anh");
  after = run_now (article);
  g_assert_cmpuint (count_code (after, "credit-in-caption"), ==, 0);
  g_assert_cmpuint (count_code (after, "missing-credit"), ==, 0);

  /* With a credit of its own, the caption's words are the caption's. */
  byline_image_set_caption (second, "Đường đã thông xe. Ảnh: Hà Anh");
  g_clear_object (&after);
  after = run_now (article);
  g_assert_cmpuint (count_code (after, "credit-in-caption"), ==, 0);
}

static void
assert_byline (BylineArticle *article,
               const char    *expected)
{
  g_autofree char *byline = byline_article_dup_byline (article);

  g_assert_cmpstr (byline, ==, expected);
}

/* The byline typed at the end of the text, as in a word processor. */
static void
test_byline_in_text (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  BylineBody *body = byline_article_get_body (article);
  const char *none[] = { NULL };
  const char *other[] = { "Lò Văn Dũng", NULL };
  guint n = byline_body_get_n_blocks (body);
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GListModel) after = NULL;
  BylineFinding *f;

  /* No byline in the field: an error in place of "no byline", fixed by moving it. */
  byline_article_set_authors (article, none);
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Bài và ảnh: Hà Anh - Lò Dũng");
  findings = run_now (article);
  f = find_code (findings, "byline-in-text");
  g_assert_cmpint (byline_finding_get_severity (f), ==, BYLINE_SEVERITY_ERROR);
  g_assert_cmpstr (byline_finding_get_message (f), ==,
                   "The byline “Hà Anh, Lò Dũng” is typed as the last paragraph, not in the byline");
  g_assert_cmpint (byline_finding_get_block (f), ==, (int) n);
  g_assert_cmpuint (count_code (findings, "missing-byline"), ==, 0);
  g_assert_true (byline_finding_apply (f, article));
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, n);
  assert_byline (article, "Hà Anh, Lò Dũng");
  after = run_now (article);
  g_assert_cmpuint (count_code (after, "byline-in-text"), ==, 0);
  g_assert_cmpuint (count_code (after, "missing-byline"), ==, 0);
  g_clear_object (&findings);
  g_clear_object (&after);

  /* The same byline in both: it would be printed twice; the fix drops the paragraph. */
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Hà Anh và Lò Dũng");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "");
  findings = run_now (article);
  f = find_code (findings, "byline-in-text");
  g_assert_cmpint (byline_finding_get_severity (f), ==, BYLINE_SEVERITY_WARNING);
  g_assert_cmpint (byline_finding_get_block (f), ==, (int) n);
  g_assert_true (byline_finding_apply (f, article));
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, n + 1);
  assert_byline (article, "Hà Anh, Lò Dũng");
  g_clear_object (&findings);

  /* A fix for a paragraph edited since the run changes nothing. */
  byline_body_remove_block (body, n);
  byline_article_set_authors (article, none);
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Hà Anh");
  findings = run_now (article);
  f = find_code (findings, "byline-in-text");
  byline_body_set_text (body, n, "Hà Anh viết");
  g_assert_false (byline_finding_apply (f, article));
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, n)), ==, "Hà Anh viết");
  assert_byline (article, "");
  g_clear_object (&findings);

  /* The story's place, written as a name is: not a byline. */
  byline_body_set_text (body, n, "Mường Tè");
  byline_article_set_dateline (article, "Mường Tè");
  findings = run_now (article);
  g_assert_cmpuint (count_code (findings, "byline-in-text"), ==, 0);
  g_clear_object (&findings);
  byline_body_set_text (body, n, "Huyện Mường Tè");
  byline_article_set_dateline (article, NULL);
  findings = run_now (article);
  g_assert_cmpuint (count_code (findings, "byline-in-text"), ==, 0);
  g_clear_object (&findings);

  /* Another name than the story's, a paragraph that is the whole text, or a
   * name before a picture's end: none of these. */
  byline_body_set_text (body, n, "Hà Anh");
  byline_article_set_authors (article, other);
  findings = run_now (article);
  g_assert_cmpuint (count_code (findings, "byline-in-text"), ==, 0);
  g_clear_object (&findings);
  byline_article_set_authors (article, none);
  while (byline_body_get_n_blocks (body) > 1)
    byline_body_remove_block (body, 0);
  findings = run_now (article);
  g_assert_cmpuint (count_code (findings, "byline-in-text"), ==, 0);
  g_assert_cmpuint (count_code (findings, "missing-byline"), ==, 1);
}

static void
test_captions (void)
{
  static const struct { const char *first, *second; const char *code; } cases[] = {
    /* copied whole */
    { "Lực lượng cứu hộ giúp dân di dời tài sản.", "Lực lượng cứu hộ giúp dân di dời tài sản.", "duplicate-caption" },
    /* one diacritic */
    { "Lực lượng cứu hộ giúp dân di dời tài sản.", "Lực lượng cứu hộ giúp dân di dời tài sán.", "similar-caption" },
    /* one proper noun changed, the rest copied */
    { "Sạt lở trên Quốc lộ 4H đoạn qua xã Nậm Hàng, huyện Nậm Nhùn, tỉnh Lai Châu.",
      "Sạt lở trên Quốc lộ 4H đoạn qua xã Mường Mô, huyện Nậm Nhùn, tỉnh Lai Châu.", "similar-caption" },
    /* a longer name in place of a short one */
    { "Ông Lò Văn Dũng, Chủ tịch UBND huyện Nậm Nhùn, kiểm tra hiện trường sạt lở.",
      "Ông Phạm Văn Quý, Chủ tịch UBND huyện Nậm Nhùn, kiểm tra hiện trường sạt lở.", "similar-caption" },
    /* two different captions that share words */
    { "Sạt lở trên Quốc lộ 4H đoạn qua xã Nậm Hàng.", "Lực lượng cứu hộ giúp dân di dời tài sản.", NULL },
    { "Đất đá tràn xuống mặt đường Quốc lộ 4H.", "Máy xúc dọn đất đá trên Quốc lộ 12.", NULL },
    /* short captions: only identical ones count */
    { "Ảnh: Minh hoạ", "Ảnh: Tư liệu", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
      g_autoptr(GListModel) findings = NULL;
      BylineImage *second = byline_article_get_image (article, 1);

      g_test_message ("captions: %s | %s", cases[i].first, cases[i].second);
      byline_image_set_caption (byline_article_get_image (article, 0), cases[i].first);
      byline_image_set_caption (second, cases[i].second);
      findings = run_now (article);

      if (cases[i].code == NULL)
        {
          g_assert_cmpuint (count_code (findings, "duplicate-caption"), ==, 0);
          g_assert_cmpuint (count_code (findings, "similar-caption"), ==, 0);
        }
      else
        {
          BylineFinding *f = find_code (findings, cases[i].code);

          g_assert_cmpuint (g_list_model_get_n_items (findings), >=, 1);
          /* On the later picture, naming both */
          g_assert_cmpstr (byline_finding_get_image_id (f), ==, byline_image_get_id (second));
          g_assert_nonnull (strstr (byline_finding_get_message (f), "1 and 2"));
          g_assert_cmpint (byline_finding_get_severity (f), ==,
                           g_str_equal (cases[i].code, "duplicate-caption") ? BYLINE_SEVERITY_ERROR
                                                                            : BYLINE_SEVERITY_WARNING);
        }
    }
}

static void
test_edit_distance_many_pictures (void)
{
  /* 100 pictures whose captions follow one pattern, differing in a date or a
   * place: the comparison stays quick (a banded distance) and flags them. */
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(GListModel) findings = NULL;
  gint64 start;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) &i, sizeof i);
      g_autoptr(BylineImage) image = byline_image_new (sha, "image/png");
      g_autofree char *caption = g_strdup_printf ("Bản %s, xã %s: người dân dựng lại nhà sau trận lũ ngày %u/8.",
                                                  (const char *[]) { "Nậm Ngà", "Huổi Luông", "Pa Tần", "Nậm Ban" }[i % 4],
                                                  (const char *[]) { "Nậm Hàng", "Mường Mô", "Nậm Manh" }[i % 3],
                                                  i + 1);

      byline_image_set_caption (image, caption);
      byline_image_set_credit (image, "Ảnh: Lò Văn Dũng");
      byline_image_set_alt_text (image, "Nhà sàn dựng lại bên suối.");
      byline_article_add_image (article, image);
    }

  start = g_get_monotonic_time ();
  findings = run_now (article);
  g_test_message ("100 pictures checked in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (count_code (findings, "similar-caption"), >=, 88);
  g_assert_cmpuint (count_code (findings, "duplicate-caption"), ==, 0);
}

/* ---------------------------------------------------------------- marks */

static void
test_quotes_and_brackets (void)
{
  static const struct { const char *text; const char *code; guint at; } fire[] = {
    { "“Chúng tôi ưu tiên bảo đảm an toàn, ông Quý nói.", "unbalanced-quote", 0 },
    { "Ông Quý nói: bảo đảm an toàn” cho dân.", "unbalanced-quote", 28 },
    { "Ông Quý gọi đây là \"trận lũ lịch sử.", "unbalanced-quote", 19 },
    { "Huyện Nậm Nhùn (Lai Châu đã sơ tán 37 hộ.", "unbalanced-bracket", 15 },
    { "Huyện Nậm Nhùn Lai Châu) đã sơ tán 37 hộ.", "unbalanced-bracket", 23 },
  };
  static const char * const quiet[] = {
    "“Chúng tôi ưu tiên bảo đảm an toàn”, ông Quý nói.",
    "Ông nói: “Dân gọi đây là “trận lũ lịch sử” của bản”.",
    "Ông Quý gọi đây là \"trận lũ lịch sử\".",
    "Huyện Nậm Nhùn (Lai Châu) đã sơ tán 37 hộ [ảnh].",
    "Các việc cần làm: a) di dời dân; b) thông tuyến; 1) kiểm đếm thiệt hại.",
    "Ông O’Brien (chuyên gia) và bà Hương’s đến thăm.",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (fire); i++)
    {
      g_autoptr(BylineArticle) article = article_with_body (fire[i].text);
      g_autoptr(GListModel) findings = run_now (article);
      BylineFinding *f = find_code (findings, fire[i].code);

      g_assert_cmpuint (count_code (findings, fire[i].code), ==, 1);
      g_assert_cmpint (byline_finding_get_field (f), ==, BYLINE_FIELD_BODY);
      g_assert_cmpint (byline_finding_get_block (f), ==, 0);
      g_assert_cmpuint (byline_finding_get_start (f), ==, fire[i].at);
      g_assert_cmpuint (byline_finding_get_end (f), ==, fire[i].at + 1);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (quiet); i++)
    {
      g_autoptr(BylineArticle) article = article_with_body (quiet[i]);
      g_autoptr(GListModel) findings = run_now (article);

      g_test_message ("quiet: %s", quiet[i]);
      g_assert_cmpuint (count_code (findings, "unbalanced-quote"), ==, 0);
      g_assert_cmpuint (count_code (findings, "unbalanced-bracket"), ==, 0);
    }

  /* Crossed brackets: both are reported. */
  {
    g_autoptr(BylineArticle) article = article_with_body ("Theo [Ban Chỉ huy) đã có 37 hộ.");
    g_autoptr(GListModel) findings = run_now (article);

    g_assert_cmpuint (count_code (findings, "unbalanced-bracket"), ==, 2);
  }
}

static void
test_doubled_words (void)
{
  static const char * const quiet[] = {
    "Người người, nhà nhà tham gia dọn dẹp; ngày ngày bà con ra đồng.",
    "Năm năm qua, nước lũ dần dần rút; xa xa là những bản làng.",
    "Các hộ dân, các các bộ phận... không: các, các.",
  };
  g_autoptr(BylineArticle) article = article_with_body ("Đã di dời các các hộ dân. Các các lực lượng đã có mặt, và và cả bộ đội.");
  g_autoptr(GListModel) findings = run_now (article);
  BylineFinding *f;

  g_assert_cmpuint (count_code (findings, "doubled-word"), ==, 3);
  f = find_code (findings, "doubled-word");
  g_assert_cmpint (byline_finding_get_severity (f), ==, BYLINE_SEVERITY_WARNING);
  g_assert_cmpuint (byline_finding_get_start (f), ==, 10);
  g_assert_cmpuint (byline_finding_get_end (f), ==, 17);
  g_assert_cmpstr (byline_finding_get_excerpt (f), ==, "các các");
  g_assert_cmpstr (byline_finding_get_suggestion (f), ==, "các");
  g_assert_true (byline_finding_apply (f, article));
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (byline_article_get_body (article), 0)), ==,
                   "Đã di dời các hộ dân. Các các lực lượng đã có mặt, và và cả bộ đội.");
  /* The finding is stale now: applying it again changes nothing. */
  g_assert_false (byline_finding_apply (f, article));

  /* Two words that meet ("giao thông" · "thông suốt") are only a note. */
  {
    g_autoptr(BylineArticle) meet = article_with_body ("Các đơn vị bảo đảm giao thông thông suốt.");
    g_autoptr(GListModel) note = run_now (meet);

    g_assert_cmpint (byline_finding_get_severity (find_code (note, "doubled-word")), ==, BYLINE_SEVERITY_INFO);
  }

  for (gsize i = 0; i < G_N_ELEMENTS (quiet); i++)
    {
      g_autoptr(BylineArticle) ok = article_with_body (quiet[i]);
      g_autoptr(GListModel) none = run_now (ok);

      g_test_message ("quiet: %s", quiet[i]);
      /* "các, các" has a comma between; "các các bộ" is the one slip of the third. */
      g_assert_cmpuint (count_code (none, "doubled-word"), ==, i == 2 ? 1 : 0);
    }
}

static void
test_spacing (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GListModel) quiet = NULL;
  BylineFinding *f;

  byline_article_set_headline (article, "Nậm Nhùn: mưa lũ gây sạt lở , chia cắt nhiều bản");
  byline_image_set_caption (byline_article_get_image (article, 0), "Sạt lở trên Quốc lộ 4H ( xã Nậm Hàng ) .");
  byline_body_set_text (byline_article_get_body (article), 0, "Theo Ban Chỉ huy  Phòng chống thiên tai huyện , đến sáng 10/8 đã có 37 hộ dân phải sơ tán !");
  findings = run_now (article);

  f = find_code (findings, "space-before-punctuation");
  g_assert_cmpint (byline_finding_get_field (f), ==, BYLINE_FIELD_HEADLINE);
  g_assert_cmpuint (byline_finding_get_start (f), ==, 27);
  g_assert_cmpuint (byline_finding_get_end (f), ==, 28);
  g_assert_cmpuint (count_code (findings, "space-before-punctuation"), ==, 5);
  g_assert_cmpuint (count_code (findings, "space-after-bracket"), ==, 1);
  g_assert_cmpuint (count_code (findings, "double-space"), ==, 1);
  f = find_code (findings, "double-space");
  g_assert_cmpstr (byline_finding_get_suggestion (f), ==, " ");
  g_assert_true (byline_finding_apply (f, article));

  /* Right typography stays quiet: ellipses, decimals, times, dashes, URLs. */
  byline_article_set_headline (article, "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản");
  byline_image_set_caption (byline_article_get_image (article, 0), "Sạt lở trên Quốc lộ 4H (xã Nậm Hàng).");
  byline_body_set_text (byline_article_get_body (article), 0,
                        "Lượng mưa đo được là 120,5 mm ... và còn mưa… Lúc 21:05, ông nói: “Đi ngay!” - rồi gọi (xem https://laichau.gov.vn/?a=1) tiếp.");
  quiet = run_now (article);
  g_assert_cmpuint (count_code (quiet, "space-before-punctuation"), ==, 0);
  g_assert_cmpuint (count_code (quiet, "space-after-bracket"), ==, 0);
  g_assert_cmpuint (count_code (quiet, "double-space"), ==, 0);
}

/* -------------------------------------------------------------------- NFC */

static void
test_nfc (void)
{
  const char *vietnamese = "Nậm Nhùn: mưa lũ gây sạt lở\nThiệt hại được thống kê.";
  g_autofree char *nfd = g_utf8_normalize (vietnamese, -1, G_NORMALIZE_NFD);
  g_autoptr(GListModel) raw = byline_check_raw_text (nfd, -1, "bai-viet.txt");
  g_autoptr(GListModel) clean = byline_check_raw_text (vietnamese, -1, "bai-viet.txt");
  g_autoptr(GListModel) zero_width = byline_check_raw_text ("Nậm\u200bNhùn", -1, "x.txt");
  g_autoptr(GListModel) binary = byline_check_raw_text ("Nậm \xff Nhùn", -1, "x.bin");
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(GListModel) model = NULL;
  BylineFinding *f;

  f = find_code (raw, "not-nfc");
  g_assert_cmpint (byline_finding_get_field (f), ==, BYLINE_FIELD_SOURCE);
  /* "ậ" is the first decomposed letter: character 1, line 1 column 2 */
  g_assert_cmpuint (byline_finding_get_start (f), ==, 1);
  g_assert_nonnull (strstr (byline_finding_get_message (f), "bai-viet.txt:1:2"));
  g_assert_nonnull (strstr (byline_finding_get_message (f), "13 letters"));
  g_assert_cmpuint (g_list_model_get_n_items (clean), ==, 0);
  g_assert_cmpuint (count_code (zero_width, "invisible-character"), ==, 1);
  g_assert_cmpuint (count_code (binary, "not-utf8"), ==, 1);
  g_assert_true (byline_findings_have_errors (binary));

  /* The model normalizes what it is given: an NFD headline is stored NFC. */
  byline_article_set_headline (article, nfd);
  model = run_now (article);
  g_assert_cmpuint (count_code (model, "not-nfc"), ==, 0);
}

/* -------------------------------------------------------------- tone marks */

static void
test_tone_styles (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(BylineCheckOptions) options = new_options ();
  g_autoptr(GListModel) mixed = NULL;
  g_autoptr(GListModel) house = NULL;
  g_autoptr(GListModel) fixed = NULL;
  BylineBody *body = byline_article_get_body (article);
  const BylineSpan *spans;
  guint n_spans;
  BylineFinding *f;

  /* Two classic, one modern: the modern one is the odd one out. */
  byline_article_set_headline (article, "Thủy điện Hòa Bình xả lũ, sức khoẻ người dân được bảo đảm");
  mixed = run (article, options);
  g_assert_cmpuint (count_code (mixed, "mixed-tone-style"), ==, 1);
  f = find_code (mixed, "mixed-tone-style");
  g_assert_cmpstr (byline_finding_get_excerpt (f), ==, "khoẻ");
  g_assert_cmpstr (byline_finding_get_suggestion (f), ==, "khỏe");

  /* The house wants the modern placement: the two classic ones. */
  byline_check_options_set_tone_style (options, BYLINE_TONE_STYLE_MODERN);
  house = run (article, options);
  g_assert_cmpuint (count_code (house, "tone-style"), ==, 2);
  g_assert_cmpuint (count_code (house, "mixed-tone-style"), ==, 0);
  g_assert_cmpstr (byline_finding_get_suggestion (find_code (house, "tone-style")), ==, "Thuỷ");

  /* Fix all, keeping the bold and italic of the first paragraph. */
  byline_body_set_text (body, 0, "Thủy điện Hòa Bình đã có 37 hộ dân phải sơ tán khẩn cấp, ủy ban xã cho biết.");
  byline_body_apply_span (body, 0, 0, 4, BYLINE_SPAN_BOLD, NULL, TRUE);
  byline_body_apply_span (body, 0, 10, 18, BYLINE_SPAN_ITALIC, NULL, TRUE);
  g_assert_cmpuint (byline_article_apply_tone_style (article, BYLINE_TONE_STYLE_MODERN), ==, 5);
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Thuỷ điện Hoà Bình xả lũ, sức khoẻ người dân được bảo đảm");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 0)), ==,
                   "Thuỷ điện Hoà Bình đã có 37 hộ dân phải sơ tán khẩn cấp, uỷ ban xã cho biết.");
  spans = byline_block_get_spans (byline_body_get_block (body, 0), &n_spans);
  g_assert_cmpuint (n_spans, ==, 2);
  g_assert_cmpuint (spans[0].start, ==, 0);
  g_assert_cmpuint (spans[0].end, ==, 4);
  g_assert_cmpuint (spans[1].start, ==, 10);
  g_assert_cmpuint (spans[1].end, ==, 18);
  fixed = run (article, options);
  g_assert_cmpuint (count_code (fixed, "tone-style"), ==, 0);
  g_assert_cmpuint (count_code (fixed, "mixed-tone-style"), ==, 0);
}

static void
test_tone_misplaced (void)
{
  g_autoptr(BylineArticle) article = article_with_body ("Bà Hòang ở ngòai bản, quý khách ở hoàng thành.");
  g_autoptr(GListModel) findings = run_now (article);
  BylineFinding *f;

  g_assert_cmpuint (count_code (findings, "misplaced-tone"), ==, 2);
  f = find_code (findings, "misplaced-tone");
  g_assert_cmpstr (byline_finding_get_excerpt (f), ==, "Hòang");
  g_assert_cmpstr (byline_finding_get_suggestion (f), ==, "Hoàng");
  g_assert_cmpuint (count_code (findings, "mixed-tone-style"), ==, 0);
}

/* ------------------------------------------------ spelling and consistency */

static void
test_spelling (void)
{
  g_autoptr(BylineArticle) article = article_with_body ("Lực lượng chức năng đã giúp nguời dân di dời đến nơi an toàn; "
                                                        "người dân rất phấn khởi.");
  g_autoptr(BylineCheckOptions) options = new_options ();
  g_autoptr(BylineSpellChecker) speller = new_spell_checker ();
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GListModel) without = NULL;
  BylineFinding *f;

  without = run (article, options);
  g_assert_cmpuint (count_code (without, "spelling"), ==, 0);

  byline_check_options_set_spell_checker (options, speller);
  findings = run (article, options);
  g_assert_cmpuint (count_code (findings, "spelling"), ==, 1);
  f = find_code (findings, "spelling");
  g_assert_cmpstr (byline_finding_get_excerpt (f), ==, "nguời");
  g_assert_cmpuint (byline_finding_get_start (f), ==, 28);
  /* hunspell ranks "nguồi" first; the story's own "người" wins */
  g_assert_cmpstr (byline_finding_get_suggestion (f), ==, "người");
  g_assert_true (byline_finding_apply (f, article));

  /* Names from the newsroom's list */
  {
    g_autofree char *path = byline_test_data_path ("vi/newsroom-words.txt");
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GListModel) before = NULL;
    g_autoptr(GListModel) after = NULL;
    g_autoptr(GError) error = NULL;

    byline_article_set_lead (article, "(BLC) - Mưa lũ gây thiệt hại ở Sìn Hồ và Pú Đao.");
    before = run (article, options);
    g_assert_cmpuint (count_code (before, "spelling"), ==, 2);
    g_assert_true (byline_spell_checker_load_word_list (speller, BYLINE_WORD_LIST_NEWSROOM, file, &error));
    g_assert_no_error (error);
    after = run (article, options);
    g_assert_cmpuint (count_code (after, "spelling"), ==, 0);
  }
}

/* Text pasted as plain text from a document typed in an old code. */
typedef struct
{
  const char *code;        /* the finding: "tcvn3-text", "vni-text" */
  const char *body;        /* Unicode, or other text with the code's signs: not it */
  const char *headline;
  const char *credit;
  const char *caption;     /* another language with those signs: not it */
  const char *not_code;    /* the other code's finding, none; or NULL */
  const char *says;        /* in its message, or NULL */
  const char *credit_fix;  /* the credit's fix, or NULL */
} LegacyCase;

/* A headline and a credit in the old code: one error each, whose fix is
 * the text in Unicode, and no spelling finding on every word of them. */
static void
test_legacy_text (gconstpointer data)
{
  const LegacyCase *c = data;
  g_autoptr(BylineArticle) article = article_with_body (c->body);
  g_autoptr(BylineCheckOptions) options = new_options ();
  g_autoptr(BylineSpellChecker) speller = new_spell_checker ();
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GListModel) after = NULL;
  BylineImage *image = byline_article_get_image (article, 0);
  BylineFinding *f;

  byline_article_set_headline (article, c->headline);
  byline_image_set_credit (image, c->credit);
  byline_image_set_caption (image, c->caption);
  byline_check_options_set_spell_checker (options, speller);
  findings = run (article, options);

  g_assert_cmpuint (count_code (findings, c->code), ==, 2);
  if (c->not_code != NULL)
    g_assert_cmpuint (count_code (findings, c->not_code), ==, 0);
  f = find_code (findings, c->code);
  g_assert_cmpint (byline_finding_get_field (f), ==, BYLINE_FIELD_HEADLINE);
  g_assert_cmpint (byline_finding_get_severity (f), ==, BYLINE_SEVERITY_ERROR);
  g_assert_cmpstr (byline_finding_get_suggestion (f), ==, "Chợ phiên Bắc Hà đông vui");
  if (c->says != NULL)
    g_assert_nonnull (strstr (byline_finding_get_message (f), c->says));
  g_assert_nonnull (strstr (byline_finding_get_message (f), "“Chợ phiên Bắc Hà đông vui”"));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) other = g_list_model_get_item (findings, i);
      BylineField field = byline_finding_get_field (other);

      if (field == BYLINE_FIELD_HEADLINE || field == BYLINE_FIELD_CREDIT)
        g_assert_cmpstr (byline_finding_get_code (other), ==, c->code);
    }

  /* Fixed: the text in Unicode, and nothing more to say. */
  g_assert_true (byline_finding_apply (f, article));
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Chợ phiên Bắc Hà đông vui");
  after = run (article, options);
  g_assert_cmpuint (count_code (after, c->code), ==, 1);
  f = find_code (after, c->code);
  g_assert_cmpint (byline_finding_get_field (f), ==, BYLINE_FIELD_CREDIT);
  if (c->credit_fix != NULL)
    g_assert_cmpstr (byline_finding_get_suggestion (f), ==, c->credit_fix);
}

/* TCVN3; Vietnamese in Unicode, and other text with Latin-1 signs, are not it. */
static const LegacyCase tcvn3_case = {
  "tcvn3-text", "Tấm bạt 3×4m, giá ½ triệu đồng.", "Chî phiªn B¾c Hµ ®«ng vui", "¶nh: Thu Hµ",
  "Copyright © AFP 2022, Café Paris", NULL, NULL, NULL,
};

/* The same, typed in VNI: its own finding, vni-text, whose fix reads the
 * VNI marks; French, with letters that are VNI's marks too, is not it. */
static const LegacyCase vni_case = {
  "vni-text", "Noël à Zürich : un café crème, naïve et «Cà phê».", "Chôï phieân Baéc Haø ñoâng vui",
  "AÛnh: Thu Haø", "Où est la gare ? Où est le café ?", "tcvn3-text", "VNI", "Ảnh: Thu Hà",
};

static void
test_spelling_suggestions (void)
{
  g_autoptr(BylineCheckOptions) options = new_options ();
  g_autoptr(BylineSpellChecker) speller = new_spell_checker ();
  BylineFinding *f;

  byline_check_options_set_spell_checker (options, speller);

  /* hunspell offers "dan" for "đân"; the story says "dân". */
  {
    g_autoptr(BylineArticle) article = article_with_body ("Bộ đội giúp đân bản dựng lại nhà; nhân dân rất phấn khởi.");
    g_autoptr(GListModel) findings = run (article, options);

    f = find_code (findings, "spelling");
    g_assert_cmpstr (byline_finding_get_excerpt (f), ==, "đân");
    g_assert_cmpstr (byline_finding_get_suggestion (f), ==, "dân");
  }

  /* A name in mid-sentence: a hint, and no "Khoảng" for "Khoàng" although the
   * story says "khoảng". */
  {
    g_autoptr(BylineArticle) article = article_with_body ("Nhà anh Khoàng Văn Quân cách suối khoảng 700 m, khoảng 20 phút đi bộ.");
    g_autoptr(GListModel) findings = run (article, options);

    f = find_code (findings, "spelling");
    g_assert_cmpstr (byline_finding_get_excerpt (f), ==, "Khoàng");
    g_assert_null (byline_finding_get_suggestion (f));
    g_assert_nonnull (strstr (byline_finding_get_message (f), "word list"));
  }

  /* One slip, one finding: the consistency check's phrase, not also the word. */
  {
    g_autoptr(BylineArticle) article = article_with_body ("Người dân được hỗ trợ; người dân phấn khởi; người đân ổn định cuộc sống.");
    g_autoptr(GListModel) findings = run (article, options);

    g_assert_cmpuint (count_code (findings, "inconsistent-spelling"), ==, 1);
    g_assert_cmpuint (count_code (findings, "spelling"), ==, 0);
  }
}

/* The input method switched off by mistake leaves Telex's keys in the words,
 * and a consonant typed twice leaves a word no language has: both had no
 * marks and were no syllables, so they passed for foreign words. */
static void
test_spelling_slips (void)
{
  g_autoptr(BylineCheckOptions) options = new_options ();
  g_autoptr(BylineSpellChecker) speller = new_spell_checker ();
  g_autoptr(BylineArticle) article = article_with_body ("Nuwowcs leen nhanhh trong ddeem. Ảnh đăng trên Facebook, "
                                                        "mẫu xét nghiệm COVID-19 của ca bệnh.");
  g_autoptr(GListModel) findings = NULL;
  const char *expected[][2] = { { "Nuwowcs", "Nước" }, { "leen", "lên" }, { "nhanhh", "nhanh" }, { "ddeem", "đêm" } };

  byline_check_options_set_spell_checker (options, speller);
  findings = run (article, options);
  /* Those four, not "Facebook" or "COVID". */
  g_assert_cmpuint (count_code (findings, "spelling"), ==, G_N_ELEMENTS (expected));
  for (guint i = 0, k = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) f = g_list_model_get_item (findings, i);

      if (!g_str_equal (byline_finding_get_code (f), "spelling"))
        continue;
      g_assert_cmpstr (byline_finding_get_excerpt (f), ==, expected[k][0]);
      g_assert_cmpstr (byline_finding_get_suggestion (f), ==, expected[k][1]);
      if (k != 2)
        g_assert_nonnull (strstr (byline_finding_get_message (f), "Telex"));
      k++;
    }
}

static void
test_consistency (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(BylineCheckOptions) options = new_options ();
  g_autoptr(BylineHouseList) house = byline_house_list_new ();
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GListModel) off = NULL;
  g_autoptr(GError) error = NULL;
  BylineBody *body = byline_article_get_body (article);
  BylineFinding *f;
  const char *disabled[] = { "inconsistent-spelling", "house-style", NULL };

  /* The headline and the lead say "sạt lở"; one paragraph slips. */
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Nguy cơ sạt lở vẫn còn, nhiều điểm sạt lỡ chưa được khắc phục.");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Bà con đã chia sẽ khó khăn với nhau.");
  g_assert_true (byline_house_list_add (house, "chia sẽ", "chia sẻ", &error));
  byline_check_options_set_house_list (options, house);
  findings = run (article, options);

  f = find_code (findings, "inconsistent-spelling");
  g_assert_cmpuint (count_code (findings, "inconsistent-spelling"), ==, 1);
  g_assert_cmpint (byline_finding_get_field (f), ==, BYLINE_FIELD_BODY);
  g_assert_cmpint (byline_finding_get_block (f), ==, (int) byline_body_get_n_blocks (body) - 2);
  g_assert_cmpstr (byline_finding_get_excerpt (f), ==, "sạt lỡ");
  g_assert_cmpstr (byline_finding_get_suggestion (f), ==, "sạt lở");
  f = find_code (findings, "house-style");
  g_assert_cmpstr (byline_finding_get_suggestion (f), ==, "chia sẻ");

  byline_check_options_set_disabled (options, disabled);
  off = run (article, options);
  g_assert_cmpuint (count_code (off, "inconsistent-spelling") + count_code (off, "house-style"), ==, 0);
  g_assert_false (byline_check_options_is_enabled (options, "house-style"));
  g_assert_true (byline_check_options_is_enabled (options, "spelling"));
}

/* ------------------------------------------------------ apply, order, JSON */

static void
test_apply_keeps_spans (void)
{
  g_autoptr(BylineArticle) article = article_with_body ("Các các hộ dân phải sơ tán khẩn cấp.");
  BylineBody *body = byline_article_get_body (article);
  g_autoptr(GListModel) findings = NULL;
  const BylineSpan *spans;
  guint n_spans;

  /* bold "phải sơ tán", a link on "khẩn cấp" */
  byline_body_apply_span (body, 0, 15, 26, BYLINE_SPAN_BOLD, NULL, TRUE);
  byline_body_apply_span (body, 0, 27, 35, BYLINE_SPAN_LINK, "https://laichau.gov.vn/", TRUE);
  findings = run_now (article);
  g_assert_true (byline_finding_apply (find_code (findings, "doubled-word"), article));

  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 0)), ==, "Các hộ dân phải sơ tán khẩn cấp.");
  spans = byline_block_get_spans (byline_body_get_block (body, 0), &n_spans);
  g_assert_cmpuint (n_spans, ==, 2);
  g_assert_cmpuint (spans[0].start, ==, 11);
  g_assert_cmpuint (spans[0].end, ==, 22);
  g_assert_cmpint (spans[0].kind, ==, BYLINE_SPAN_BOLD);
  g_assert_cmpuint (spans[1].start, ==, 23);
  g_assert_cmpuint (spans[1].end, ==, 31);
  g_assert_cmpstr (spans[1].href, ==, "https://laichau.gov.vn/");
}

static void
test_order_and_json (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(BylineFinding) first = NULL;
  g_autoptr(BylineFinding) last = NULL;
  JsonObject *root;
  JsonArray *list;
  JsonObject *item;
  guint n;

  byline_article_set_category (article, "");
  byline_image_set_alt_text (byline_article_get_image (article, 1), "");
  byline_body_set_text (byline_article_get_body (article), 0, "Các các hộ dân.");
  findings = run_now (article);
  n = g_list_model_get_n_items (findings);
  g_assert_cmpuint (n, ==, 3);

  /* Errors first, then in the order of the story. */
  first = g_list_model_get_item (findings, 0);
  last = g_list_model_get_item (findings, n - 1);
  g_assert_cmpstr (byline_finding_get_code (first), ==, "missing-category");
  g_assert_cmpstr (byline_finding_get_code (last), ==, "missing-alt-text");

  json = byline_findings_to_json (findings, article);
  root = json_node_get_object (json);
  g_assert_cmpint (json_object_get_int_member (root, "errors"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "warnings"), ==, 2);
  list = json_object_get_array_member (root, "findings");
  g_assert_cmpuint (json_array_get_length (list), ==, 3);
  item = json_array_get_object_element (list, 1);
  g_assert_cmpstr (json_object_get_string_member (item, "code"), ==, "doubled-word");
  g_assert_cmpstr (json_object_get_string_member (item, "field"), ==, "body");
  g_assert_cmpint (json_object_get_int_member (item, "block"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (item, "start"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (item, "end"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (item, "excerpt"), ==, "Các các");
  g_assert_cmpstr (json_object_get_string_member (item, "suggestion"), ==, "Các");
  g_assert_cmpstr (json_object_get_string_member (item, "location"), ==, "Body, block 1, characters 1–7");
  item = json_array_get_object_element (list, 2);
  g_assert_cmpint (json_object_get_int_member (item, "picture"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (item, "severity"), ==, "warning");

  /* Properties, for the window's list */
  {
    g_autofree char *code = NULL;
    BylineSeverity severity;

    g_object_get (first, "code", &code, "severity", &severity, NULL);
    g_assert_cmpstr (code, ==, "missing-category");
    g_assert_cmpint (severity, ==, BYLINE_SEVERITY_ERROR);
  }
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/checks/correct-story", test_correct_story);
  g_test_add_func ("/checks/missing-fields", test_missing_fields);
  g_test_add_func ("/checks/lengths", test_lengths);
  g_test_add_func ("/checks/source-prefix", test_source_prefix);
  g_test_add_func ("/checks/publish-time", test_publish_time);
  g_test_add_func ("/checks/picture-fields", test_picture_fields);
  g_test_add_func ("/checks/captions", test_captions);
  g_test_add_func ("/checks/credit-in-caption", test_credit_in_caption);
  g_test_add_func ("/checks/missing-pictures", test_missing_pictures);
  g_test_add_func ("/checks/missing-picture-place", test_missing_picture_place);
  g_test_add_func ("/checks/byline-in-text", test_byline_in_text);
  g_test_add_func ("/checks/captions-many", test_edit_distance_many_pictures);
  g_test_add_func ("/checks/quotes-brackets", test_quotes_and_brackets);
  g_test_add_func ("/checks/doubled-words", test_doubled_words);
  g_test_add_func ("/checks/spacing", test_spacing);
  g_test_add_func ("/checks/nfc", test_nfc);
  g_test_add_func ("/checks/tone-styles", test_tone_styles);
  g_test_add_func ("/checks/tone-misplaced", test_tone_misplaced);
  g_test_add_func ("/checks/spelling", test_spelling);
  g_test_add_func ("/checks/spelling-suggestions", test_spelling_suggestions);
  g_test_add_func ("/checks/spelling-slips", test_spelling_slips);
  g_test_add_data_func ("/checks/tcvn3", &tcvn3_case, test_legacy_text);
  g_test_add_data_func ("/checks/vni", &vni_case, test_legacy_text);
  g_test_add_func ("/checks/consistency", test_consistency);
  g_test_add_func ("/checks/apply-keeps-spans", test_apply_keeps_spans);
  g_test_add_func ("/checks/order-and-json", test_order_and_json);

  return g_test_run ();
}
