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
count_items_changed (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static const char *paragraphs[] = { "p0", "p1", "p2", "p3" };

/* The images' ids, in the list's order, as "A B C D"; the figures' as "1A 3B". */
static char *
list_order (BylineArticle *article,
            BylineImage  **images)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    for (guint k = 0; k < 4; k++)
      if (byline_article_get_image (article, i) == images[k])
        g_string_append_printf (out, "%s%c", out->len ? " " : "", 'A' + k);
  return g_string_free (out, FALSE);
}

static char *
figure_order (BylineArticle *article,
              BylineImage  **images)
{
  BylineBody *body = byline_article_get_body (article);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);

      if (byline_block_get_kind (block) != BYLINE_BLOCK_IMAGE)
        {
          g_assert_cmpstr (byline_block_get_text (block), ==, paragraphs[i / 2]);
          continue;
        }
      for (guint k = 0; k < 4; k++)
        if (g_strcmp0 (byline_block_get_image_id (block), byline_image_get_id (images[k])) == 0)
          g_string_append_printf (out, "%s%u%c", out->len ? " " : "", i, 'A' + k);
    }
  return g_string_free (out, FALSE);
}

#define assert_order(article, images, list, figures) G_STMT_START { \
    g_autofree char *l_ = list_order (article, images); \
    g_autofree char *f_ = figure_order (article, images); \
    g_assert_cmpstr (l_, ==, list); \
    g_assert_cmpstr (f_, ==, figures); \
  } G_STMT_END

#define assert_list(article, images, list) G_STMT_START { \
    g_autofree char *l_ = list_order (article, images); \
    g_assert_cmpstr (l_, ==, list); \
  } G_STMT_END

/* The list follows the text: pictures in the body in the order of their first
 * figure, the others after them; a move trades figures in the text. */
static void
test_image_order (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  BylineBody *body = byline_article_get_body (article);
  GListModel *list = byline_article_get_images (article);
  BylineImage *images[4];
  guint changes = 0;

  /* p0 A p1 B p2 C p3; D not in the text; the list D C A B. */
  for (guint k = 0; k < 4; k++)
    images[k] = byline_image_new ("ab", "image/jpeg");
  for (guint k = 0; k < 4; k++)
    {
      byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, paragraphs[k]);
      if (k < 3)
        byline_body_insert_image (body, byline_body_get_n_blocks (body), byline_image_get_id (images[k]));
    }
  byline_article_add_image (article, images[3]);
  byline_article_add_image (article, images[2]);
  byline_article_add_image (article, images[0]);
  byline_article_add_image (article, images[1]);
  for (guint k = 0; k < 4; k++)
    g_object_unref (images[k]);
  assert_order (article, images, "D C A B", "1A 3B 5C");

  g_signal_connect (list, "items-changed", G_CALLBACK (count_items_changed), &changes);
  g_assert_true (byline_article_sort_images_by_body (article));
  assert_order (article, images, "A B C D", "1A 3B 5C");
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (byline_article_sort_images_by_body (article));
  g_assert_cmpuint (changes, ==, 1);

  /* C to the top: the figures stay where they stand, the pictures move. */
  byline_article_move_image (article, 2, 0);
  assert_order (article, images, "C A B D", "1C 3A 5B");
  byline_article_move_image (article, 0, 1);
  assert_order (article, images, "A C B D", "1A 3C 5B");
  byline_article_move_image (article, 0, 2);
  assert_order (article, images, "C B A D", "1C 3B 5A");

  /* A picture in the text stays above one that is not, and the other way. */
  byline_article_move_image (article, 2, 3);
  assert_order (article, images, "C B A D", "1C 3B 5A");
  byline_article_move_image (article, 3, 0);
  assert_order (article, images, "C B A D", "1C 3B 5A");

  /* A figure moved in the text moves its picture in the list. */
  byline_body_move_block (body, 5, 0);
  g_assert_true (byline_article_sort_images_by_body (article));
  assert_list (article, images, "A C B D");

  /* Two pictures not in the text trade places freely. */
  byline_body_remove_block (body, 0);
  byline_article_sort_images_by_body (article);
  assert_list (article, images, "C B A D");
  byline_article_move_image (article, 3, 2);
  assert_list (article, images, "C B D A");
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

/* Find and Replace reach the pictures' captions, credits and alt texts. */
static void
test_replace_in_pictures (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  BylineImage *first = byline_article_get_image (article, 0);
  BylineImage *second = byline_article_get_image (article, 1);
  g_autoptr(GRegex) loose = byline_text_search_regex ("lo van dung", FALSE, FALSE);
  g_autoptr(GRegex) exact = byline_text_search_regex ("Lò Văn Dũng", TRUE, TRUE);
  g_autoptr(GRegex) nowhere = byline_text_search_regex ("Sìn Hồ", FALSE, TRUE);

  g_assert_null (byline_text_search_regex ("", FALSE, FALSE));
  byline_image_set_caption (second, "Anh lò văn dũng giúp dân di dời tài sản.");
  /* The credit "Ảnh: Lò Văn Dũng" and the caption's name, whatever their case and marks. */
  g_assert_cmpuint (byline_article_count_in_pictures (article, loose), ==, 2);
  g_assert_cmpuint (byline_article_count_in_pictures (article, exact), ==, 1);
  g_assert_cmpuint (byline_article_count_in_pictures (article, nowhere), ==, 0);

  g_assert_cmpuint (byline_article_replace_in_pictures (article, loose, NULL, "Lò Văn Dũng", "lo van dung"), ==, 2);
  g_assert_cmpstr (byline_image_get_credit (first), ==, "Ảnh: Lò Văn Dũng");
  g_assert_cmpstr (byline_image_get_caption (second), ==, "Anh Lò Văn Dũng giúp dân di dời tài sản.");
  /* The other texts stay as they were. */
  g_assert_cmpstr (byline_image_get_caption (first), ==, "Sạt lở trên Quốc lộ 4H đoạn qua xã Nậm Hàng.");
  g_assert_cmpstr (byline_image_get_credit (second), ==, "Ảnh: Nguyễn Thị Hương");

  /* In the case of each match, unless Match Case is on. */
  g_clear_pointer (&loose, g_regex_unref);
  loose = byline_text_search_regex ("quoc lo", FALSE, FALSE);
  g_assert_cmpuint (byline_article_replace_in_pictures (article, loose, NULL, "tỉnh lộ", "quốc lộ"), ==, 1);
  g_assert_cmpstr (byline_image_get_caption (first), ==, "Sạt lở trên Tỉnh lộ 4H đoạn qua xã Nậm Hàng.");
  g_assert_cmpuint (byline_article_replace_in_pictures (article, exact, NULL, "lò văn dũng", NULL), ==, 2);
  g_assert_cmpstr (byline_image_get_credit (first), ==, "Ảnh: lò văn dũng");

  /* Found one by one, in order, in characters; and replaced one at a time. */
  byline_image_set_caption (first, "Dũng và Dũng.");
  byline_image_set_credit (first, "Ảnh: Dũng");
  byline_image_set_caption (second, "Không có.");
  byline_image_set_alt_text (second, "Anh Dũng.");
  {
    g_autoptr(GRegex) dung = byline_text_search_regex ("dung", FALSE, FALSE);
    g_autoptr(GArray) found = byline_article_find_in_pictures (article, dung);
    const BylinePictureMatch expected[] = {
      { 0, BYLINE_FIELD_CAPTION, 0, 4 },
      { 0, BYLINE_FIELD_CAPTION, 8, 12 },
      { 0, BYLINE_FIELD_CREDIT, 5, 9 },
      { 1, BYLINE_FIELD_ALT_TEXT, 4, 8 },
    };
    BylinePictureMatch gone = { 0, BYLINE_FIELD_CAPTION, 2, 6 };

    g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < found->len; i++)
      {
        const BylinePictureMatch *m = &g_array_index (found, BylinePictureMatch, i);

        g_assert_cmpuint (m->picture, ==, expected[i].picture);
        g_assert_cmpint (m->field, ==, expected[i].field);
        g_assert_cmpuint (m->start, ==, expected[i].start);
        g_assert_cmpuint (m->end, ==, expected[i].end);
      }
    g_assert_cmpuint (byline_article_replace_in_pictures (article, dung, &expected[1], "Hà", "dung"), ==, 1);
    g_assert_cmpstr (byline_image_get_caption (first), ==, "Dũng và Hà.");
    /* A match no longer where it was is left alone. */
    g_assert_cmpuint (byline_article_replace_in_pictures (article, dung, &gone, "Hà", "dung"), ==, 0);
    g_assert_cmpstr (byline_image_get_caption (first), ==, "Dũng và Hà.");
  }

  /* Undone: the texts still as the replace left them go back; one changed since stays. */
  {
    g_autoptr(GRegex) ha = byline_text_search_regex ("hà", FALSE, FALSE);
    g_autoptr(BylineArticle) before = byline_article_copy (article);
    g_autoptr(BylineArticle) after = NULL;

    g_assert_cmpuint (byline_article_replace_in_pictures (article, ha, NULL, "Hùng", "hà"), ==, 1);
    byline_article_set_headline (article, "Hùng kể lại");
    after = byline_article_copy (article);
    byline_image_set_alt_text (second, "Anh Dũng đứng đó.");
    byline_article_set_headline (article, "Hùng kể lại chuyện");
    byline_article_restore_texts (article, before, after);
    g_assert_cmpstr (byline_image_get_caption (first), ==, "Dũng và Hà.");
    g_assert_cmpstr (byline_image_get_alt_text (second), ==, "Anh Dũng đứng đó.");
    g_assert_cmpstr (byline_article_get_headline (article), ==, "Hùng kể lại chuyện");
    g_assert_cmpstr (byline_image_get_credit (first), ==, "Ảnh: Dũng");
  }
}

/* Pictures the story was to have and has not: kept with the draft, named,
 * forgotten on request; the article's copies keep their own. */
static void
test_missing_pictures (void)
{
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  g_autoptr(BylineArticle) copy = NULL;
  g_autoptr(BylineArticle) reloaded = NULL;
  g_autoptr(GBytes) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *source = NULL;
  const char *expected[] = { "Picture 2", "Chart 3", NULL };
  guint changed = 0;

  g_assert_null (byline_article_dup_missing_pictures (article));
  g_assert_null (byline_article_dup_missing_source (article));
  g_assert_false (byline_article_forget_missing_pictures (article));

  g_signal_connect (article, "changed", G_CALLBACK (count_signal), &changed);
  byline_article_add_missing_picture (article, "Picture 2", "Lũ quét.docx");
  byline_article_add_missing_picture (article, "Chart 3", "Lũ quét.docx");
  g_assert_cmpuint (changed, ==, 2);
  names = byline_article_dup_missing_pictures (article);
  g_assert_cmpstrv (names, expected);
  source = byline_article_dup_missing_source (article);
  g_assert_cmpstr (source, ==, "Lũ quét.docx");

  /* Saved and loaded with the draft. */
  draft = byline_draft_format_serialize (article);
  reloaded = byline_draft_format_parse (draft, "draft.json", &error);
  g_assert_no_error (error);
  g_clear_pointer (&names, g_strfreev);
  names = byline_article_dup_missing_pictures (reloaded);
  g_assert_cmpstrv (names, expected);

  /* From two files: no one file to name. */
  byline_article_add_missing_picture (reloaded, "anh-3.jpg", NULL);
  g_clear_pointer (&source, g_free);
  source = byline_article_dup_missing_source (reloaded);
  g_assert_null (source);

  /* Forgetting them in one copy leaves the other's. */
  copy = byline_article_copy (article);
  g_assert_true (byline_article_forget_missing_pictures (article));
  g_assert_cmpuint (changed, ==, 3);
  g_assert_null (byline_article_dup_missing_pictures (article));
  g_clear_pointer (&names, g_strfreev);
  names = byline_article_dup_missing_pictures (copy);
  g_assert_cmpstrv (names, expected);
  g_clear_pointer (&draft, g_bytes_unref);
  draft = byline_draft_format_serialize (article);
  g_assert_null (g_strstr_len (g_bytes_get_data (draft, NULL), g_bytes_get_size (draft), "pending_pictures"));

  /* A page's picture left out, saved and added by hand: not missing any
   * more (its name is the file's; any case); the others still are. */
  byline_article_add_missing_picture (article, "anh-3.jpg", "trang.html");
  byline_article_add_missing_picture (article, "Picture 2", "Lũ quét.docx");
  {
    g_autoptr(BylineImage) added = byline_image_new ("ab", "image/jpeg");
    g_autoptr(BylineImage) again = byline_image_new ("cd", "image/jpeg");
    const char *left[] = { "Picture 2", NULL };

    byline_image_set_filename (added, "ANH-3.JPG");
    byline_article_add_image (article, added);
    g_clear_pointer (&names, g_strfreev);
    names = byline_article_dup_missing_pictures (article);
    g_assert_cmpstrv (names, left);
    byline_image_set_filename (again, "anh-3.jpg");
    byline_article_add_image (article, again);
    g_clear_pointer (&names, g_strfreev);
    names = byline_article_dup_missing_pictures (article);
    g_assert_cmpstrv (names, left);
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
  g_test_add_func ("/article/image-order", test_image_order);
  g_test_add_func ("/article/copy", test_copy);
  g_test_add_func ("/article/counts", test_counts);
  g_test_add_func ("/article/status-names", test_status_names);
  g_test_add_func ("/article/replace-in-pictures", test_replace_in_pictures);
  g_test_add_func ("/article/missing-pictures", test_missing_pictures);

  return g_test_run ();
}
