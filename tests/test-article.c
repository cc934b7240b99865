/* test-article.c — the article model: properties, notifications, pictures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "byline-test-utils.h"

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_defaults (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autofree char *slug = NULL;

  g_assert_true (g_uuid_string_is_valid (byline_article_get_id (article)));
  g_assert_cmpstr (byline_article_get_headline (article), ==, "");
  g_assert_cmpstr (byline_article_get_language (article), ==, "vi");
  g_assert_cmpint (byline_article_get_status (article), ==, BYLINE_STATUS_DRAFT);
  g_assert_nonnull (byline_article_get_created (article));
  g_assert_null (byline_article_get_publish_time (article));
  g_assert_cmpuint (g_strv_length ((GStrv) byline_article_get_authors (article)), ==, 0);
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 0);
  g_assert_null (byline_article_get_slug (article));
  slug = byline_article_dup_slug (article);
  g_assert_cmpstr (slug, ==, "");
}

static void
test_notify_and_changed (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  guint notified = 0, changed = 0;
  const char *tags[] = { "mưa lũ", " mưa lũ ", "", "Lai Châu", NULL };

  g_signal_connect (article, "notify::headline", G_CALLBACK (count_notify), &notified);
  g_signal_connect (article, "changed", G_CALLBACK (count_signal), &changed);

  byline_article_set_headline (article, "Mưa  lũ\nở Lai Châu");
  g_assert_cmpstr (byline_article_get_headline (article), ==, "Mưa lũ ở Lai Châu");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);

  /* the same value again: no notification */
  byline_article_set_headline (article, "Mưa lũ ở Lai Châu");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 1);

  /* the lead keeps its line breaks */
  byline_article_set_lead (article, "Dòng một\nDòng hai");
  g_assert_cmpstr (byline_article_get_lead (article), ==, "Dòng một\nDòng hai");
  g_assert_cmpuint (changed, ==, 2);

  byline_article_set_tags (article, tags);
  g_assert_cmpuint (g_strv_length ((GStrv) byline_article_get_tags (article)), ==, 2);
  g_assert_cmpstr (byline_article_get_tags (article)[1], ==, "Lai Châu");
  g_assert_cmpuint (changed, ==, 3);

  /* body edits and image edits count as changes of the article */
  byline_body_append_block (byline_article_get_body (article), BYLINE_BLOCK_PARAGRAPH, "Đoạn");
  g_assert_cmpuint (changed, ==, 4);
  {
    g_autoptr(BylineImage) image = byline_image_new ("ab", "image/jpeg");
    byline_article_add_image (article, image);
    g_assert_cmpuint (changed, ==, 5);
    byline_image_set_caption (image, "Chú thích");
    g_assert_cmpuint (changed, ==, 6);
  }

  byline_article_set_status (article, BYLINE_STATUS_RETURNED);
  g_assert_cmpuint (changed, ==, 7);
  byline_article_set_remote (article, "wp", "17", "2024-01-01T00:00:00");
  g_assert_cmpuint (changed, ==, 8);
  g_assert_cmpstr (byline_article_get_remote_id (article, "wp"), ==, "17");
  byline_article_set_remote (article, "wp", "17", "2024-01-01T00:00:00");
  g_assert_cmpuint (changed, ==, 8);
}

static void
test_slug (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autofree char *derived = NULL;
  g_autofree char *chosen = NULL;

  byline_article_set_headline (article, "Nậm Nhùn: đường bị chia cắt");
  derived = byline_article_dup_slug (article);
  g_assert_cmpstr (derived, ==, "nam-nhun-duong-bi-chia-cat");

  byline_article_set_slug (article, "Sạt lở Nậm Nhùn");
  chosen = byline_article_dup_slug (article);
  g_assert_cmpstr (chosen, ==, "sat-lo-nam-nhun");

  byline_article_set_slug (article, "");
  g_assert_null (byline_article_get_slug (article));
}

static void
test_images (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  BylineBody *body = byline_article_get_body (article);
  BylineImage *first, *second;
  guint blocks = byline_body_get_n_blocks (body);

  g_assert_cmpuint (byline_article_get_n_images (article), ==, 2);
  first = byline_article_get_image (article, 0);
  second = byline_article_get_image (article, 1);
  g_assert_true (byline_article_get_featured_image (article) == first);
  g_assert_true (byline_article_find_image (article, byline_image_get_id (second)) == second);

  byline_article_move_image (article, 1, 0);
  g_assert_true (byline_article_get_image (article, 0) == second);

  byline_article_remove_image (article, first);
  g_assert_cmpuint (byline_article_get_n_images (article), ==, 1);
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, blocks - 1);
  g_assert_null (byline_article_get_featured_image (article));
}

static void
test_copy (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(BylineArticle) copy = byline_article_copy (article);

  byline_test_assert_articles_equal (article, copy);

  /* deep: editing the copy leaves the original alone */
  byline_image_set_caption (byline_article_get_image (copy, 0), "Khác");
  byline_body_insert_text (byline_article_get_body (copy), 0, 0, "Khác ");
  g_assert_cmpstr (byline_image_get_caption (byline_article_get_image (article, 0)), !=, "Khác");
  g_assert_false (byline_body_equal (byline_article_get_body (article),
                                     byline_article_get_body (copy)));
}

static void
test_counts (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autofree char *byline = NULL;
  const char *authors[] = { "Thu Hà", "Minh Đức", NULL };

  byline_article_set_headline (article, "Ba từ đây");
  byline_article_set_lead (article, "Bốn từ ở đây");
  byline_body_append_block (byline_article_get_body (article), BYLINE_BLOCK_PARAGRAPH, "Hai từ");
  g_assert_cmpuint (byline_article_count_words (article), ==, 9);

  byline_article_set_authors (article, authors);
  byline = byline_article_dup_byline (article);
  g_assert_cmpstr (byline, ==, "Thu Hà, Minh Đức");
}

static void
test_status_names (void)
{
  for (BylineStatus s = BYLINE_STATUS_DRAFT; s <= BYLINE_STATUS_PUBLISHED; s++)
    {
      BylineStatus back;
      g_assert_true (byline_status_from_string (byline_status_to_string (s), &back));
      g_assert_cmpint (back, ==, s);
    }
  {
    BylineStatus unused;
    g_assert_false (byline_status_from_string ("archived", &unused));
  }
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/article/defaults", test_defaults);
  g_test_add_func ("/article/notify-and-changed", test_notify_and_changed);
  g_test_add_func ("/article/slug", test_slug);
  g_test_add_func ("/article/images", test_images);
  g_test_add_func ("/article/copy", test_copy);
  g_test_add_func ("/article/counts", test_counts);
  g_test_add_func ("/article/status-names", test_status_names);

  return g_test_run ();
}
