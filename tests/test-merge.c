/* test-merge.c — the three-way merge and the readable diff of two versions of a story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"
#include "byline-diff.h"
#include "byline-merge.h"

static BylineArticle *
make_base (void)
{
  BylineArticle *article = byline_test_make_article (NULL);

  return article;
}

static guint
find_paragraph (BylineArticle *article,
                const char    *start)
{
  BylineBody *body = byline_article_get_body (article);

  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    if (g_str_has_prefix (byline_block_get_text (byline_body_get_block (body, i)), start))
      return i;
  g_assert_not_reached ();
}

static void
set_paragraph (BylineArticle *article,
               const char    *start,
               const char    *text)
{
  byline_body_set_text (byline_article_get_body (article), find_paragraph (article, start), text);
}

static const char *
block_text (BylineArticle *article,
            guint          index)
{
  return byline_block_get_text (byline_body_get_block (byline_article_get_body (article), index));
}

/* Different paragraphs, different fields, different captions: all merged. */
static void
test_different_parts (void)
{
  g_autoptr(BylineArticle) base = make_base ();
  g_autoptr(BylineArticle) ours = byline_article_copy (base);
  g_autoptr(BylineArticle) theirs = byline_article_copy (base);
  g_autoptr(BylineMerge) merge = NULL;
  g_autoptr(BylineArticle) result = NULL;
  guint theo, thong;

  /* We edit the first paragraph, the lead and the first picture's caption. */
  set_paragraph (ours, "Theo Ban", "Theo Ban Chỉ huy, đến trưa 10/8 đã có 41 hộ dân phải sơ tán khẩn cấp.");
  byline_article_set_lead (ours, "(BLC) - Mưa lớn kéo dài từ đêm 9/8 đã gây sạt lở tại ba xã của huyện Nậm Nhùn.");
  byline_image_set_caption (byline_article_get_image (ours, 0), "Sạt lở trên Quốc lộ 4H, sáng 10/8.");
  /* They edit the headline, a later paragraph, the second caption, and add a paragraph at the end. */
  byline_article_set_headline (theirs, "Nậm Nhùn: sạt lở chia cắt nhiều bản sau mưa lũ");
  set_paragraph (theirs, "Thông tin chi tiết", "Thông tin chi tiết được cập nhật trên cổng thông tin của tỉnh.");
  byline_image_set_caption (byline_article_get_image (theirs, 1), "Bộ đội giúp dân di dời tài sản.");
  byline_body_append_block (byline_article_get_body (theirs), BYLINE_BLOCK_PARAGRAPH, "Phóng viên sẽ tiếp tục thông tin.");

  merge = byline_merge_new (base, ours, theirs);
  g_assert_cmpuint (byline_merge_get_n_conflicts (merge), ==, 0);
  g_assert_true (byline_merge_is_resolved (merge));
  g_assert_cmpuint (byline_merge_get_n_taken (merge), ==, 4);
  result = byline_merge_dup_result (merge);

  g_assert_cmpstr (byline_article_get_id (result), ==, byline_article_get_id (ours));
  g_assert_cmpstr (byline_article_get_headline (result), ==, "Nậm Nhùn: sạt lở chia cắt nhiều bản sau mưa lũ");
  g_assert_cmpstr (byline_article_get_lead (result), ==, byline_article_get_lead (ours));
  theo = find_paragraph (result, "Theo Ban");
  thong = find_paragraph (result, "Thông tin chi tiết");
  g_assert_cmpstr (block_text (result, theo), ==, "Theo Ban Chỉ huy, đến trưa 10/8 đã có 41 hộ dân phải sơ tán khẩn cấp.");
  g_assert_cmpstr (block_text (result, thong), ==, "Thông tin chi tiết được cập nhật trên cổng thông tin của tỉnh.");
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (result)), ==,
                    byline_body_get_n_blocks (byline_article_get_body (base)) + 1);
  g_assert_cmpstr (block_text (result, byline_body_get_n_blocks (byline_article_get_body (result)) - 1), ==,
                   "Phóng viên sẽ tiếp tục thông tin.");
  /* The spans of untouched paragraphs survive. */
  {
    guint n_spans;

    byline_block_get_spans (byline_body_get_block (byline_article_get_body (result), thong), &n_spans);
    g_assert_cmpuint (n_spans, ==, 0);
  }
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (result, 0)), ==, "Sạt lở trên Quốc lộ 4H, sáng 10/8.");
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (result, 1)), ==, "Bộ đội giúp dân di dời tài sản.");
  /* The picture block still shows the first picture. */
  g_assert_cmpint (byline_body_find_image (byline_article_get_body (result),
                                           byline_image_get_id (byline_article_get_image (result, 0))), >=, 0);
}

/* Both change the same sentence: a conflict with both versions; ours until chosen. */
static void
test_same_sentence (void)
{
  g_autoptr(BylineArticle) base = make_base ();
  g_autoptr(BylineArticle) ours = byline_article_copy (base);
  g_autoptr(BylineArticle) theirs = byline_article_copy (base);
  g_autoptr(BylineMerge) merge = NULL;
  g_autoptr(BylineArticle) kept = NULL;
  g_autoptr(BylineArticle) chosen = NULL;
  g_autoptr(BylineArticle) both = NULL;
  const BylineMergeConflict *conflict;
  const char *ours_text = "Theo Ban Chỉ huy Phòng chống thiên tai huyện, đến sáng 10/8 đã có 40 hộ dân phải sơ tán.";
  const char *theirs_text = "Theo Ban Chỉ huy Phòng chống thiên tai huyện, đến sáng 10/8 đã có 37 hộ dân phải di dời.";
  guint n_base = byline_body_get_n_blocks (byline_article_get_body (base));

  set_paragraph (ours, "Theo Ban", ours_text);
  set_paragraph (theirs, "Theo Ban", theirs_text);
  /* And a change of theirs elsewhere, taken anyway. */
  byline_article_set_category (theirs, "Thời sự");

  merge = byline_merge_new (base, ours, theirs);
  g_assert_cmpuint (byline_merge_get_n_conflicts (merge), ==, 1);
  g_assert_false (byline_merge_is_resolved (merge));
  conflict = byline_merge_get_conflict (merge, 0);
  g_assert_cmpint (conflict->part, ==, BYLINE_PART_BODY);
  g_assert_cmpstr (conflict->label, ==, "Body, paragraph 1");
  g_assert_cmpstr (conflict->ours_text, ==, ours_text);
  g_assert_cmpstr (conflict->theirs_text, ==, theirs_text);
  g_assert_true (g_str_has_prefix (conflict->base_text, "Theo Ban Chỉ huy Phòng chống thiên tai huyện, đến sáng 10/8 đã có 37 hộ dân phải sơ tán khẩn cấp."));

  kept = byline_merge_dup_result (merge);
  g_assert_cmpstr (block_text (kept, 0), ==, ours_text);
  g_assert_cmpstr (byline_article_get_category (kept), ==, "Thời sự");

  g_assert_true (byline_merge_resolve (merge, 0, BYLINE_MERGE_TAKE_THEIRS));
  g_assert_true (byline_merge_is_resolved (merge));
  chosen = byline_merge_dup_result (merge);
  g_assert_cmpstr (block_text (chosen, 0), ==, theirs_text);
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (chosen)), ==, n_base);

  g_assert_true (byline_merge_resolve (merge, 0, BYLINE_MERGE_TAKE_BOTH));
  both = byline_merge_dup_result (merge);
  g_assert_cmpstr (block_text (both, 0), ==, ours_text);
  g_assert_cmpstr (block_text (both, 1), ==, theirs_text);
  g_assert_cmpuint (byline_body_get_n_blocks (byline_article_get_body (both)), ==, n_base + 1);
}

/* Captions per picture: a conflict on one, the other merged. */
static void
test_captions (void)
{
  g_autoptr(BylineArticle) base = make_base ();
  g_autoptr(BylineArticle) ours = byline_article_copy (base);
  g_autoptr(BylineArticle) theirs = byline_article_copy (base);
  g_autoptr(BylineMerge) merge = NULL;
  g_autoptr(BylineArticle) result = NULL;
  g_autoptr(JsonNode) json = NULL;
  const BylineMergeConflict *conflict;

  byline_image_set_caption (byline_article_get_image (ours, 0), "Quốc lộ 4H bị sạt lở.");
  byline_image_set_caption (byline_article_get_image (theirs, 0), "Sạt lở nặng trên Quốc lộ 4H.");
  byline_image_set_credit (byline_article_get_image (theirs, 1), "Ảnh: Lò Văn Dũng");
  byline_image_set_alt_text (byline_article_get_image (ours, 1), "Bộ đội khiêng tủ qua suối.");

  merge = byline_merge_new (base, ours, theirs);
  g_assert_cmpuint (byline_merge_get_n_conflicts (merge), ==, 1);
  conflict = byline_merge_get_conflict (merge, 0);
  g_assert_cmpint (conflict->part, ==, BYLINE_PART_CAPTION);
  g_assert_cmpstr (conflict->label, ==, "Picture 1, caption");
  g_assert_cmpstr (conflict->image_id, ==, byline_image_get_id (byline_article_get_image (base, 0)));
  g_assert_false (byline_merge_resolve (merge, 0, BYLINE_MERGE_TAKE_BOTH));
  g_assert_true (byline_merge_resolve (merge, 0, BYLINE_MERGE_TAKE_OURS));

  result = byline_merge_dup_result (merge);
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (result, 0)), ==, "Quốc lộ 4H bị sạt lở.");
  g_assert_cmpstr (byline_image_get_credit (byline_article_get_image (result, 1)), ==, "Ảnh: Lò Văn Dũng");
  g_assert_cmpstr (byline_image_get_alt_text (byline_article_get_image (result, 1)), ==, "Bộ đội khiêng tủ qua suối.");

  json = byline_merge_conflicts_to_json (merge);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (json), 0), "theirs"),
                   ==, "Sạt lở nặng trên Quốc lộ 4H.");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (json), 0), "choice"),
                   ==, "ours");
}

/* Neighbouring paragraphs changed one on each side: merged block by block. */
static void
test_neighbours (void)
{
  g_autoptr(BylineArticle) base = make_base ();
  g_autoptr(BylineArticle) ours = byline_article_copy (base);
  g_autoptr(BylineArticle) theirs = byline_article_copy (base);
  g_autoptr(BylineMerge) merge = NULL;
  g_autoptr(BylineArticle) result = NULL;

  set_paragraph (ours, "Di dời", "Di dời 41 hộ khỏi vùng nguy hiểm");
  set_paragraph (theirs, "Thông tuyến", "Thông tuyến Quốc lộ 4H trước ngày 12/8");
  merge = byline_merge_new (base, ours, theirs);
  g_assert_cmpuint (byline_merge_get_n_conflicts (merge), ==, 0);
  result = byline_merge_dup_result (merge);
  g_assert_cmpstr (block_text (result, find_paragraph (result, "Di dời")), ==, "Di dời 41 hộ khỏi vùng nguy hiểm");
  g_assert_cmpstr (block_text (result, find_paragraph (result, "Thông tuyến")), ==, "Thông tuyến Quốc lộ 4H trước ngày 12/8");
}

/* A paragraph one side deleted and the other left alone is gone; a picture one
 * side removed goes with its block; one both added the same is there once. */
static void
test_removals (void)
{
  g_autoptr(BylineArticle) base = make_base ();
  g_autoptr(BylineArticle) ours = byline_article_copy (base);
  g_autoptr(BylineArticle) theirs = byline_article_copy (base);
  g_autoptr(BylineMerge) merge = NULL;
  g_autoptr(BylineArticle) result = NULL;
  BylineBody *body;
  guint n_base = byline_body_get_n_blocks (byline_article_get_body (base));

  byline_body_remove_block (byline_article_get_body (ours), find_paragraph (ours, "Kiểm đếm"));
  byline_article_remove_image (theirs, byline_article_get_image (theirs, 0));
  byline_body_append_block (byline_article_get_body (ours), BYLINE_BLOCK_PARAGRAPH, "Cùng một câu thêm vào.");
  byline_body_append_block (byline_article_get_body (theirs), BYLINE_BLOCK_PARAGRAPH, "Cùng một câu thêm vào.");

  merge = byline_merge_new (base, ours, theirs);
  g_assert_cmpuint (byline_merge_get_n_conflicts (merge), ==, 0);
  result = byline_merge_dup_result (merge);
  body = byline_article_get_body (result);
  g_assert_cmpuint (byline_article_get_n_images (result), ==, 1);
  g_assert_cmpstr (byline_image_get_id (byline_article_get_image (result, 0)), ==,
                   byline_image_get_id (byline_article_get_image (base, 1)));
  /* base − picture block − "Kiểm đếm" + the added sentence */
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, n_base - 1);
  g_assert_cmpstr (block_text (result, byline_body_get_n_blocks (body) - 1), ==, "Cùng một câu thêm vào.");
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    g_assert_false (g_str_has_prefix (block_text (result, i), "Kiểm đếm"));
}

/* Without the common version, every difference is a conflict. */
static void
test_no_base (void)
{
  g_autoptr(BylineArticle) ours = make_base ();
  g_autoptr(BylineArticle) theirs = byline_article_copy (ours);
  g_autoptr(BylineMerge) merge = NULL;

  byline_article_set_headline (theirs, "Tiêu đề khác");
  merge = byline_merge_new (NULL, ours, theirs);
  g_assert_cmpuint (byline_merge_get_n_conflicts (merge), ==, 1);
  g_assert_cmpint (byline_merge_get_conflict (merge, 0)->part, ==, BYLINE_PART_HEADLINE);
}

/* ------------------------------------------------------------------- diff */

static void
test_diff_words (void)
{
  g_autofree char *same = byline_diff_words ("Mưa lớn kéo dài", "Mưa lớn kéo dài");
  g_autofree char *changed = byline_diff_words ("đã có 37 hộ dân phải sơ tán", "đã có 41 hộ dân phải di dời");
  g_autofree char *added = byline_diff_words ("Mưa lớn", "Mưa lớn kéo dài");
  g_autofree char *removed = byline_diff_words ("Mưa rất lớn", "Mưa lớn");

  g_assert_cmpstr (same, ==, "Mưa lớn kéo dài");
  g_assert_cmpstr (changed, ==, "đã có [-37-]{+41+} hộ dân phải [-sơ tán-]{+di dời+}");
  g_assert_cmpstr (added, ==, "Mưa lớn {+kéo dài+}");
  g_assert_cmpstr (removed, ==, "Mưa [-rất-] lớn");
}

static void
test_diff_article (void)
{
  g_autoptr(BylineArticle) before = make_base ();
  g_autoptr(BylineArticle) after = byline_article_copy (before);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  BylineDiffEntry *entry;

  none = byline_article_diff (before, after);
  g_assert_cmpuint (none->len, ==, 0);

  byline_article_set_headline (after, "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt ba bản");
  set_paragraph (after, "Theo Ban", "Theo Ban Chỉ huy Phòng chống thiên tai huyện, đến sáng 10/8 đã có 41 hộ dân phải sơ tán khẩn cấp.");
  byline_body_insert_block (byline_article_get_body (after), 3, BYLINE_BLOCK_PARAGRAPH, "Một đoạn mới.");
  byline_body_remove_block (byline_article_get_body (after), find_paragraph (after, "Kiểm đếm"));
  byline_image_set_caption (byline_article_get_image (after, 1), "Cứu hộ giúp dân.");

  entries = byline_article_diff (before, after);
  g_assert_cmpuint (entries->len, ==, 5);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->part, ==, BYLINE_PART_HEADLINE);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpint (entry->part, ==, BYLINE_PART_BODY);
  g_assert_cmpint (entry->kind, ==, BYLINE_DIFF_CHANGED);
  g_assert_cmpint (entry->block, ==, 0);
  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpint (entry->kind, ==, BYLINE_DIFF_ADDED);
  g_assert_cmpstr (entry->new_text, ==, "Một đoạn mới.");
  g_assert_cmpstr (entry->label, ==, "Body, paragraph 4");
  entry = g_ptr_array_index (entries, 3);
  g_assert_cmpint (entry->kind, ==, BYLINE_DIFF_REMOVED);
  g_assert_cmpstr (entry->old_text, ==, "Kiểm đếm thiệt hại");
  entry = g_ptr_array_index (entries, 4);
  g_assert_cmpint (entry->part, ==, BYLINE_PART_CAPTION);
  g_assert_cmpstr (entry->label, ==, "Picture 2, caption");

  text = byline_diff_to_text (entries);
  g_assert_nonnull (strstr (text, "Headline, changed:\n  Nậm Nhùn: mưa lũ gây sạt lở, chia cắt [-nhiều-]{+ba+} bản\n"));
  g_assert_nonnull (strstr (text, "đã có [-37-]{+41+} hộ"));
  g_assert_nonnull (strstr (text, "Body, paragraph 4, added:\n  {+Một đoạn mới.+}\n"));
  g_assert_nonnull (strstr (text, "removed:\n  [-Kiểm đếm thiệt hại-]\n"));
  if (g_test_verbose ()) g_printerr ("%s", text);
  g_assert_nonnull (strstr (text, "Picture 2, caption, changed:\n  [-Lực lượng cứu-]{+Cứu+} hộ giúp [-dân di dời tài sản.-]{+dân.+}\n"));

  json = byline_diff_to_json (entries);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json)), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/merge/different-parts", test_different_parts);
  g_test_add_func ("/merge/same-sentence", test_same_sentence);
  g_test_add_func ("/merge/captions", test_captions);
  g_test_add_func ("/merge/neighbours", test_neighbours);
  g_test_add_func ("/merge/removals", test_removals);
  g_test_add_func ("/merge/no-base", test_no_base);
  g_test_add_func ("/diff/words", test_diff_words);
  g_test_add_func ("/diff/article", test_diff_article);

  return g_test_run ();
}
