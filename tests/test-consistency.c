/* test-consistency.c — one word, one spelling: in a story, against an archive, house list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "byline-test-utils.h"

static GPtrArray *
check (BylineConsistencyIndex *archive,
       BylineHouseList        *house,
       const char * const     *texts)
{
  return byline_consistency_check (archive, house, texts, -1);
}

static const BylineInconsistency *
found_at (GPtrArray *found,
          guint      i)
{
  g_assert_cmpuint (i, <, found->len);
  return g_ptr_array_index (found, i);
}

static void
test_rare_form_in_story (void)
{
  /* A word misspelled once among several correct uses. */
  const char *texts[] = {
    "Mưa lớn gây sạt lở tại Nậm Nhùn",
    "Đến sáng 10/8, nhiều điểm sạt lở vẫn chưa được khắc phục.",
    "Lực lượng chức năng cảnh báo nguy cơ sạt lỡ trên các tuyến đường.",
    "Người dân tránh xa khu vực sạt lở.",
    NULL,
  };
  g_autoptr(GPtrArray) found = check (NULL, NULL, texts);
  const BylineInconsistency *inc;

  g_assert_cmpuint (found->len, ==, 1);
  inc = found_at (found, 0);
  g_assert_cmpuint (inc->text, ==, 2);
  g_assert_cmpstr (inc->found, ==, "sạt lỡ");
  g_assert_cmpstr (inc->suggestion, ==, "sạt lở");
  /* "sạt lỡ" starts at character 37 of the third text */
  g_assert_cmpuint (inc->start, ==, 37);
  g_assert_cmpuint (inc->end, ==, 43);
  g_assert_cmpuint (inc->found_count, ==, 1);
  g_assert_cmpuint (inc->suggestion_count, ==, 3);
  g_assert_false (inc->house_rule);
}

static void
test_names (void)
{
  const char *texts[] = {
    "Huyện Nậm Nhùn có 11 xã.",
    "nậm nhun là huyện vùng cao, lãnh đạo huyện Nậm Nhùn cho biết.",
    "Ông Phạm Văn Quý, Chủ tịch UBND xã, và ông Phạm Văn Quý cùng đi kiểm tra. Ông Phạm Văn Quí nói thêm.",
    NULL,
  };
  g_autoptr(GPtrArray) found = check (NULL, NULL, texts);

  g_assert_cmpuint (found->len, ==, 2);
  /* The capitals the writer used are kept where they are right, added where
   * the dominant spelling has them. */
  g_assert_cmpstr (found_at (found, 0)->found, ==, "nậm nhun");
  g_assert_cmpstr (found_at (found, 0)->suggestion, ==, "Nậm Nhùn");
  g_assert_cmpuint (found_at (found, 0)->start, ==, 0);
  /* "Quí" and "Quý" are one word spelled two ways (i/y) */
  g_assert_cmpstr (found_at (found, 1)->found, ==, "Văn Quí");
  g_assert_cmpstr (found_at (found, 1)->suggestion, ==, "Văn Quý");
}

static void
test_sentence_case (void)
{
  const char *texts[] = {
    "Chia sẻ của người dân về chia sẻ khó khăn, chia sẻ kinh nghiệm.",
    "Chia sẽ thông tin kịp thời.",
    NULL,
  };
  g_autoptr(GPtrArray) found = check (NULL, NULL, texts);

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (found_at (found, 0)->found, ==, "Chia sẽ");
  g_assert_cmpstr (found_at (found, 0)->suggestion, ==, "Chia sẻ");
}

static void
test_single_syllables_never (void)
{
  /* ma, má, mà, mả, mã, mạ: six words.  One syllable is never flagged. */
  const char *texts[] = {
    "Chuyện ma. Má tôi nói mà không ai tin. Mả tổ, mã số, mạ non.",
    "Má đi chợ. Má về nhà. Má nấu cơm. Mà thôi.",
    NULL,
  };
  g_autoptr(GPtrArray) found = check (NULL, NULL, texts);

  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_function_words (void)
{
  /* "các bản" (villages) and "các bạn" (friends) are both right. */
  const char *texts[] = {
    "Mưa lũ chia cắt các bản vùng cao. Các bản Nậm Ngà, Huổi Luông bị cô lập.",
    "Đoàn thanh niên kêu gọi các bạn trẻ góp sức, các bản khác cũng vậy.",
    "Cứu hộ đã đến, lực lượng cứu hộ làm việc xuyên đêm; dân làng cứu họ ra khỏi đống đổ nát.",
    NULL,
  };
  g_autoptr(GPtrArray) found = check (NULL, NULL, texts);

  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_no_syllable_shared (void)
{
  /* "lở vẫn" (a landslide, still) folds as "Lò Văn" (a Thái family name, of
   * three people here) does: two phrases that share no syllable are two
   * phrases, not a slip, which changes one syllable.  The story that showed
   * it got "Written “lở vẫn” here but “Lò Văn” elsewhere". */
  const char *texts[] = {
    "Ông Lò Văn Dũng, Chủ tịch UBND huyện, cho biết. Ông Lò Văn Dũng nói thêm.",
    "Bà Lò Văn Hoa cũng có mặt.",
    "Đến chiều 6/12, nguy cơ sạt lở vẫn còn cao ở nhiều điểm.",
    NULL,
  };
  g_autoptr(GPtrArray) found = check (NULL, NULL, texts);

  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_ties_and_tone_style (void)
{
  /* One against one proves nothing; "hòa"/"hoà" is the tone check's business. */
  const char *texts[] = {
    "Thủy điện Hòa Bình xả lũ. Hòa Bình mưa to. Hoà Bình chuẩn bị.",
    "Bán hàng trực tuyến, bạn hàng truyền thống.",
    NULL,
  };
  g_autoptr(GPtrArray) found = check (NULL, NULL, texts);

  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_spacing (void)
{
  const char *texts[] = {
    "Tỉnh Lai Châu có 8 huyện. Lai Châu là tỉnh biên giới.",
    "Đoàn công tác về LaiChâu ngày 9/8, rồi trở lại Lai Châu.",
    NULL,
  };
  g_autoptr(GPtrArray) found = check (NULL, NULL, texts);

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (found_at (found, 0)->found, ==, "LaiChâu");
  g_assert_cmpstr (found_at (found, 0)->suggestion, ==, "Lai Châu");
  g_assert_cmpuint (found_at (found, 0)->text, ==, 1);
}

static void
test_i_y (void)
{
  const char *texts[] = {
    "Đội ngũ kỹ thuật viên, kỹ thuật canh tác mới và kỹ thuật tưới.",
    "Tập huấn kĩ thuật cho bà con.",
    NULL,
  };
  g_autoptr(GPtrArray) found = check (NULL, NULL, texts);

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (found_at (found, 0)->found, ==, "kĩ thuật");
  g_assert_cmpstr (found_at (found, 0)->suggestion, ==, "kỹ thuật");
}

static void
test_dialect_initials (void)
{
  /* d/r/gi, s/x, ch/tr and l/n sound alike in one dialect or another, and đ/d
   * differ by one key stroke: slips of those kinds are found. */
  const char *texts[] = {
    "Huyện chủ động di dời dân. Việc di dời dân cư đã xong. Lai Châu: chủ động di rời dân.",
    "Người dân được hỗ trợ; người dân rất phấn khởi; người đân ổn định cuộc sống.",
    "Sử dụng vốn đúng mục đích, sử dụng tiết kiệm; xử dụng hợp lý.",
    NULL,
  };
  /* Two right phrases: two function words ("dân đã"/"dân ra"), a syllable
   * differing by both marks and letters ("phương rà"/"phương đã"), numbers
   * ("mười lăm"/"mười năm"). */
  const char *right[] = {
    "Địa phương rà soát lại. Địa phương đã làm xong. Địa phương đã báo cáo.",
    "Người dân đã về. Người dân ra đồng. Người dân ra chợ.",
    "Sau mười lăm ngày, tức là mười năm về trước; mười năm qua.",
    NULL,
  };
  g_autoptr(GPtrArray) found = check (NULL, NULL, texts);
  g_autoptr(GPtrArray) none = check (NULL, NULL, right);

  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpstr (found_at (found, 0)->found, ==, "di rời");
  g_assert_cmpstr (found_at (found, 0)->suggestion, ==, "di dời");
  g_assert_cmpstr (found_at (found, 1)->found, ==, "người đân");
  g_assert_cmpstr (found_at (found, 1)->suggestion, ==, "người dân");
  g_assert_cmpstr (found_at (found, 2)->found, ==, "xử dụng");
  g_assert_cmpstr (found_at (found, 2)->suggestion, ==, "sử dụng");
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_nfd_and_links (void)
{
  g_autofree char *nfd = g_utf8_normalize ("Huyện Nậm Nhùn. Nậm Nhùn mưa to. Nậm Nhun thiệt hại.",
                                           -1, G_NORMALIZE_NFD);
  const char *texts[] = { nfd, "Xem https://namnhun.laichau.gov.vn/nam-nhun", NULL };
  g_autoptr(GPtrArray) found = check (NULL, NULL, texts);

  g_assert_cmpuint (found->len, ==, 1);
  /* Positions count characters of the text as given (here decomposed). */
  g_assert_cmpuint (found_at (found, 0)->text, ==, 0);
  g_assert_cmpuint (found_at (found, 0)->end - found_at (found, 0)->start, ==,
                    g_utf8_strlen (found_at (found, 0)->found, -1));
}

static void
test_correct_story_is_quiet (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(BylineConsistencyIndex) index = byline_consistency_index_new ();
  const char *texts[] = {
    "Theo Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn tỉnh Lai Châu, mưa lớn "
    "kéo dài từ đêm 9/8 đến sáng 10/8 đã gây sạt lở đất tại nhiều xã của huyện Nậm Nhùn.",
    "Tại xã Nậm Hàng, sạt lở làm hư hỏng 5 ngôi nhà; tại xã Mường Mô, lũ cuốn trôi 2 cây cầu "
    "treo. Người dân các bản ven suối đã được di dời đến nơi an toàn.",
    "Ông Lò Văn Dũng, Chủ tịch UBND huyện Nậm Nhùn, cho biết huyện đã huy động hơn 200 cán bộ, "
    "chiến sĩ giúp dân khắc phục hậu quả. “Chúng tôi ưu tiên bảo đảm an toàn tính mạng cho "
    "người dân”, ông Dũng nói.",
    "Mưa lũ cũng làm ngập úng hơn 30 ha lúa và hoa màu. Các bạn trẻ trong đoàn thanh niên "
    "đã có mặt từ sớm để giúp các bản khắc phục.",
    NULL,
  };
  g_autoptr(GPtrArray) found = NULL;

  byline_consistency_index_add_article (index, article);
  found = check (index, NULL, texts);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_archive (void)
{
  g_autoptr(BylineConsistencyIndex) index = byline_consistency_index_new ();
  const char *doc1[] = { "Huyện Nậm Nhùn mưa lớn.", "Nậm Nhùn có 11 xã. Nậm Nhùn, Nậm Nhùn.", NULL };
  const char *doc2[] = { "Lãnh đạo huyện Nậm Nhùn kiểm tra.", NULL };
  const char *doc3[] = { "Đường về Nậm Nhùn bị sạt lở.", NULL };
  const char *story[] = { "Mưa lũ ở Nậm Nhun gây thiệt hại.", NULL };
  g_autoptr(GPtrArray) found = NULL;

  byline_consistency_index_add_texts (index, doc1, -1);
  byline_consistency_index_add_texts (index, doc2, -1);
  byline_consistency_index_add_texts (index, doc3, -1);
  g_assert_cmpuint (byline_consistency_index_get_n_documents (index), ==, 3);

  /* One use in the story against three archive documents (a document counts once). */
  found = check (index, NULL, story);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (found_at (found, 0)->found, ==, "Nậm Nhun");
  g_assert_cmpstr (found_at (found, 0)->suggestion, ==, "Nậm Nhùn");
  g_assert_cmpuint (found_at (found, 0)->found_count, ==, 1);
  g_assert_cmpuint (found_at (found, 0)->suggestion_count, ==, 3);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Without the archive the story alone says nothing. */
  found = check (NULL, NULL, story);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_archive_established (void)
{
  /* A spelling the newsroom has used in several stories is established: "bạn
   * hàng" (trading partner) is not "bán hàng" (selling) misspelled. */
  g_autoptr(BylineConsistencyIndex) index = byline_consistency_index_new ();
  const char *story[] = { "Doanh nghiệp tìm bạn hàng mới.", NULL };
  g_autoptr(GPtrArray) found = NULL;

  for (guint i = 0; i < 20; i++)
    {
      const char *doc[] = { "Người dân bán hàng online.", NULL };
      byline_consistency_index_add_texts (index, doc, -1);
    }
  for (guint i = 0; i < 3; i++)
    {
      const char *doc[] = { "Các bạn hàng lâu năm.", NULL };
      byline_consistency_index_add_texts (index, doc, -1);
    }

  found = check (index, NULL, story);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_archive_from_store (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("consistency-store");
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (folder);
  g_autoptr(BylineConsistencyIndex) index = byline_consistency_index_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  const char *story[] = { "Đoàn công tác về Nậm Nhun ngày 12/8.", NULL };
  char *skip = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BylineArticle) article = byline_test_make_article (NULL);

      g_assert_true (byline_draft_store_save (store, article, &error));
      g_assert_no_error (error);
      if (i == 0)
        skip = g_strdup (byline_article_get_id (article));
    }

  g_assert_true (byline_consistency_index_add_store (index, store, skip, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (byline_consistency_index_get_n_documents (index), ==, 2);
  g_free (skip);

  found = check (index, NULL, story);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (found_at (found, 0)->suggestion, ==, "Nậm Nhùn");
  g_assert_cmpuint (found_at (found, 0)->suggestion_count, ==, 2);
}

/* A damaged draft in the store is left out of the archive quietly: the
 * drafts library shows it; the program did nothing wrong (its warning was
 * fatal in tests and printed at every start). */
static void
test_archive_damaged_draft (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("consistency-damaged");
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (folder);
  g_autoptr(BylineConsistencyIndex) index = byline_consistency_index_new ();
  g_autoptr(BylineArticle) good = byline_test_make_article (NULL);
  g_autoptr(BylineArticle) damaged = byline_test_make_article (NULL);
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (byline_draft_store_save (store, good, &error));
  g_assert_true (byline_draft_store_save (store, damaged, &error));
  g_assert_no_error (error);
  dir = g_file_get_child (folder, byline_article_get_id (damaged));
  draft = g_file_get_child (dir, "draft.json");
  g_assert_true (g_file_replace_contents (draft, "{\"format\":", 10, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                          &error));
  g_assert_no_error (error);

  g_assert_true (byline_consistency_index_add_store (index, store, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (byline_consistency_index_get_n_documents (index), ==, 1);
}

static void
test_house_list (void)
{
  g_autoptr(BylineHouseList) house = byline_house_list_new ();
  g_autofree char *path = byline_test_data_path ("vi/house-list.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  const char *texts[] = {
    "Bà con chia sẽ: cần bổ xung lương thực.",
    "SẠT LỠ nghiêm trọng; việc sát nhập xã đã xong, xử lí xong.",
    /* right already, or only part of a word: nothing */
    "Chia sẻ khó khăn, bổ sung nhân lực, sạt lở đất, sáp nhập, xử lý, chia sẽo.",
    NULL,
  };

  g_assert_true (byline_house_list_load (house, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (byline_house_list_get_n_rules (house), ==, 6);

  found = check (NULL, house, texts);
  g_assert_cmpuint (found->len, ==, 5);
  g_assert_true (found_at (found, 0)->house_rule);
  g_assert_cmpstr (found_at (found, 0)->found, ==, "chia sẽ");
  g_assert_cmpstr (found_at (found, 0)->suggestion, ==, "chia sẻ");
  g_assert_cmpuint (found_at (found, 0)->start, ==, 7);
  g_assert_cmpstr (found_at (found, 1)->found, ==, "bổ xung");
  g_assert_cmpstr (found_at (found, 1)->suggestion, ==, "bổ sung");
  g_assert_cmpstr (found_at (found, 2)->found, ==, "SẠT LỠ");
  g_assert_cmpstr (found_at (found, 2)->suggestion, ==, "SẠT LỞ");
  g_assert_cmpstr (found_at (found, 3)->suggestion, ==, "sáp nhập");
  g_assert_cmpstr (found_at (found, 4)->suggestion, ==, "xử lý");
}

static void
test_house_list_errors (void)
{
  g_autoptr(BylineHouseList) house = byline_house_list_new ();
  g_autoptr(GError) error = NULL;
  const char *bad_arrow = "# ok\nsạt lỡ → sạt lở\nchia sẽ chia sẻ\n";
  const char *bad_words = "Tp.HCM → TP.HCM\n";

  g_assert_false (byline_house_list_load_data (house, bad_arrow, -1, "house.txt", &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "house.txt:3"));
  g_clear_error (&error);

  g_assert_false (byline_house_list_load_data (house, bad_words, -1, "house.txt", &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "house.txt:1"));
  g_clear_error (&error);

  g_assert_false (byline_house_list_load_data (house, "\xff\xfe", 2, "house.txt", &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_UTF8);
  g_clear_error (&error);

  g_assert_false (byline_house_list_add (house, "", "x", &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED);
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/consistency/rare-form", test_rare_form_in_story);
  g_test_add_func ("/consistency/archive-damaged-draft", test_archive_damaged_draft);
  g_test_add_func ("/consistency/names", test_names);
  g_test_add_func ("/consistency/sentence-case", test_sentence_case);
  g_test_add_func ("/consistency/single-syllables", test_single_syllables_never);
  g_test_add_func ("/consistency/function-words", test_function_words);
  g_test_add_func ("/consistency/no-syllable-shared", test_no_syllable_shared);
  g_test_add_func ("/consistency/ties-and-tone-style", test_ties_and_tone_style);
  g_test_add_func ("/consistency/spacing", test_spacing);
  g_test_add_func ("/consistency/i-y", test_i_y);
  g_test_add_func ("/consistency/dialect-initials", test_dialect_initials);
  g_test_add_func ("/consistency/nfd-and-links", test_nfd_and_links);
  g_test_add_func ("/consistency/correct-story", test_correct_story_is_quiet);
  g_test_add_func ("/consistency/archive", test_archive);
  g_test_add_func ("/consistency/archive-established", test_archive_established);
  g_test_add_func ("/consistency/archive-store", test_archive_from_store);
  g_test_add_func ("/consistency/house-list", test_house_list);
  g_test_add_func ("/consistency/house-list-errors", test_house_list_errors);

  return g_test_run ();
}
