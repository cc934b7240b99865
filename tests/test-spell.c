/* test-spell.c — enchant-2 with the hunspell vi_VN dictionary, and the word lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <unistd.h>
#include <glib/gstdio.h>

#include "byline-test-utils.h"

/* The private XDG folders of a test hide /usr/share/hunspell from enchant, whose
 * hunspell provider also looks in $XDG_CONFIG_HOME/enchant/hunspell. */
static void
find_system_dictionaries (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_config_dir (), "enchant", NULL);
  g_autofree char *link = g_build_filename (folder, "hunspell", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  if (!g_file_test (link, G_FILE_TEST_EXISTS))
    g_assert_cmpint (symlink ("/usr/share/hunspell", link), ==, 0);
}

static BylineSpellChecker *
new_checker (void)
{
  g_autoptr(GError) error = NULL;
  BylineSpellChecker *checker;

  find_system_dictionaries ();
  checker = byline_spell_checker_new (NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (checker);
  g_assert_cmpstr (byline_spell_checker_get_language (checker), ==, "vi_VN");
  return checker;
}

static void
test_no_dictionary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSpellChecker) checker = byline_spell_checker_new ("xx_YY", &error);

  g_assert_null (checker);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "xx_YY"));
}

static void
test_words (void)
{
  g_autoptr(BylineSpellChecker) checker = new_checker ();
  /* Right: both tone placements, capitals, names the dictionary knows. */
  static const char * const right[] = {
    "hoà", "hòa", "thuỷ", "thủy", "khoẻ", "khỏe", "Nguyễn", "sạt", "lở", "người",
    "NGƯỜI", "Người", "quý", "kỹ", "kĩ", "Nậm", "hoàng",
    /* a misplaced mark is the tone check's finding, not a misspelling */
    "thíêt", "hòang",
    /* not checked: another language, acronyms, single letters */
    "Facebook", "online", "UBND", "ĐBQH", "HĐND", "a", "H",
  };
  static const char * const wrong[] = {
    "nguời", "nghiêngg", "hoàngg", "Sìn", "sẳn", "thiêt",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (right); i++)
    {
      g_test_message ("right: %s", right[i]);
      g_assert_true (byline_spell_checker_check_word (checker, right[i], -1));
      /* the second time from the cache */
      g_assert_true (byline_spell_checker_check_word (checker, right[i], -1));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_test_message ("wrong: %s", wrong[i]);
      g_assert_false (byline_spell_checker_check_word (checker, wrong[i], -1));
      g_assert_false (byline_spell_checker_check_word (checker, wrong[i], -1));
    }
}

static void
test_text_positions (void)
{
  g_autoptr(BylineSpellChecker) checker = new_checker ();
  g_autofree char *nfd = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) found_nfd = NULL;
  const char *text = "Mưa lớn gây thiệt hai cho nguời dân ở Sìn Hồ, xem https://sìn-hồ.vn và Quốc lộ 4H.";
  const BylineMisspelling *m;

  found = byline_spell_checker_check_text (checker, text);
  /* "hai" is a word (two) even when "hại" was meant: the consistency check's job */
  g_assert_cmpuint (found->len, ==, 2);
  m = &g_array_index (found, BylineMisspelling, 0);
  g_assert_cmpuint (m->start, ==, 26);
  g_assert_cmpuint (m->end, ==, 31);
  m = &g_array_index (found, BylineMisspelling, 1);
  g_assert_cmpuint (m->start, ==, 38);
  g_assert_cmpuint (m->end, ==, 41);

  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  found_nfd = byline_spell_checker_check_text (checker, nfd);
  g_assert_cmpuint (found_nfd->len, ==, 2);
}

static void
test_correct_text_is_quiet (void)
{
  g_autoptr(BylineSpellChecker) checker = new_checker ();
  g_autoptr(BylineArticle) article = byline_test_make_article (NULL);
  BylineBody *body = byline_article_get_body (article);
  const char *more[] = {
    "Thủy điện Hòa Bình bảo đảm an toàn; sức khoẻ người dân được ưu tiên hàng đầu.",
    "Theo Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn tỉnh, đến 17 giờ ngày 10/8, "
    "mưa lũ đã làm 2 người chết, 3 người bị thương; hơn 30 ha lúa bị ngập úng.",
    "Ông Lò Văn Dũng cho biết: “Chúng tôi đã chuẩn bị sẵn sàng lương thực, thuốc men”.",
    NULL,
  };

  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);
      g_autoptr(GArray) found = NULL;

      if (!byline_block_kind_is_text (byline_block_get_kind (block)))
        continue;
      found = byline_spell_checker_check_text (checker, byline_block_get_text (block));
      g_assert_cmpuint (found->len, ==, 0);
    }
  for (guint i = 0; more[i] != NULL; i++)
    {
      g_autoptr(GArray) found = byline_spell_checker_check_text (checker, more[i]);
      g_assert_cmpuint (found->len, ==, 0);
    }
  g_assert_true (byline_spell_checker_check_word (checker, byline_article_get_headline (article), 5));
}

static void
test_newsroom_list (void)
{
  g_autoptr(BylineSpellChecker) checker = new_checker ();
  g_autofree char *path = byline_test_data_path ("vi/newsroom-words.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  const char *text = "Các xã Pú Đao, Huổi Luông và SÌN HỒ của huyện Phìn Hồ.";

  guint serial;

  before = byline_spell_checker_check_text (checker, text);
  g_assert_cmpuint (before->len, >=, 3);

  serial = byline_spell_checker_get_serial (checker);
  g_assert_true (byline_spell_checker_load_word_list (checker, BYLINE_WORD_LIST_NEWSROOM, file, &error));
  g_assert_no_error (error);
  /* The checklist's thread learns again from a serial that changed. */
  g_assert_cmpuint (byline_spell_checker_get_serial (checker), !=, serial);
  after = byline_spell_checker_check_text (checker, text);
  g_assert_cmpuint (after->len, ==, 0);

  /* For the window's libspelling session: every syllable, lower case, sorted. */
  {
    g_auto(GStrv) words = byline_spell_checker_list_words (checker);

    g_assert_cmpuint (g_strv_length (words), ==, 10);
    g_assert_true (g_strv_contains ((const char * const *) words, "sìn"));
    g_assert_true (g_strv_contains ((const char * const *) words, "khoòng"));
    for (guint i = 1; words[i] != NULL; i++)
      g_assert_cmpint (g_strcmp0 (words[i - 1], words[i]), <, 0);
  }
  /* The list does not make its words' misspellings right. */
  g_assert_false (byline_spell_checker_check_word (checker, "Sìnn", -1));
}

static void
test_user_list (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("spell-user");
  g_autoptr(GFile) file = g_file_get_child (folder, "sub/words.txt");
  g_autoptr(BylineSpellChecker) checker = new_checker ();
  g_autoptr(BylineSpellChecker) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  /* A list that does not exist yet is empty, and is created on the first add. */
  g_assert_true (byline_spell_checker_load_word_list (checker, BYLINE_WORD_LIST_USER, file, &error));
  g_assert_no_error (error);
  g_assert_false (byline_spell_checker_check_word (checker, "Tủng", -1));
  g_assert_true (byline_spell_checker_add_word (checker, BYLINE_WORD_LIST_USER, "Tủng Qua Lìn", &error));
  g_assert_no_error (error);
  g_assert_true (byline_spell_checker_check_word (checker, "Tủng", -1));
  g_assert_true (byline_spell_checker_add_word (checker, BYLINE_WORD_LIST_USER, "Dền Thàng", &error));
  g_assert_no_error (error);

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_cmpstr (contents, ==, "Tủng Qua Lìn\nDền Thàng\n");

  again = new_checker ();
  g_assert_true (byline_spell_checker_load_word_list (again, BYLINE_WORD_LIST_USER, file, &error));
  g_assert_true (byline_spell_checker_check_word (again, "Thàng", -1));
  g_assert_true (byline_spell_checker_check_word (again, "tủng", -1));

  /* "ignore" lasts as long as the checker */
  g_assert_false (byline_spell_checker_check_word (again, "Húa", -1));
  byline_spell_checker_ignore_word (again, "Húa");
  g_assert_true (byline_spell_checker_check_word (again, "Húa", -1));
}

static void
test_suggest (void)
{
  g_autoptr(BylineSpellChecker) checker = new_checker ();
  g_auto(GStrv) suggestions = byline_spell_checker_suggest (checker, "nguời", -1, 5);
  g_auto(GStrv) none = byline_spell_checker_suggest (checker, "nguời", -1, 0);

  g_assert_nonnull (suggestions);
  g_assert_true (g_strv_contains ((const char * const *) suggestions, "người"));
  g_assert_cmpuint (g_strv_length (suggestions), <=, 5);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_style_variants (void)
{
  g_autoptr(BylineSpellChecker) checker = new_checker ();
  g_auto(GStrv) classic = byline_spell_checker_list_style_variants (checker, BYLINE_TONE_STYLE_CLASSIC);
  g_auto(GStrv) modern = byline_spell_checker_list_style_variants (checker, BYLINE_TONE_STYLE_MODERN);

  g_assert_cmpuint (g_strv_length (classic), >, 50);
  g_assert_cmpuint (g_strv_length (classic), ==, g_strv_length (modern));
  for (guint i = 0; classic[i] != NULL; i++)
    {
      g_assert_cmpint (byline_tone_classify (classic[i], -1), ==, BYLINE_TONE_PLACEMENT_CLASSIC);
      g_assert_cmpint (byline_tone_classify (modern[i], -1), ==, BYLINE_TONE_PLACEMENT_MODERN);
      /* byline's own checker takes both */
      g_assert_true (byline_spell_checker_check_word (checker, classic[i], -1));
    }
  g_assert_true (g_strv_contains ((const char * const *) classic, "hòa"));
  g_assert_true (g_strv_contains ((const char * const *) classic, "thủy"));
  g_assert_true (g_strv_contains ((const char * const *) classic, "khỏe"));
  g_assert_true (g_strv_contains ((const char * const *) classic, "ủy"));
  g_assert_true (g_strv_contains ((const char * const *) modern, "hoà"));
  g_assert_false (g_strv_contains ((const char * const *) classic, "hoà"));
  /* "quòa" is no word: only what the dictionary knows */
  g_assert_false (g_strv_contains ((const char * const *) classic, "quòa"));
}

static void
test_default_user_list (void)
{
  g_autoptr(GFile) file = byline_spell_default_user_word_list ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "byline", "words.txt", NULL);
  g_autofree char *path = g_file_get_path (file);

  g_assert_cmpstr (path, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/spell/no-dictionary", test_no_dictionary);
  g_test_add_func ("/spell/words", test_words);
  g_test_add_func ("/spell/text-positions", test_text_positions);
  g_test_add_func ("/spell/correct-text", test_correct_text_is_quiet);
  g_test_add_func ("/spell/newsroom-list", test_newsroom_list);
  g_test_add_func ("/spell/user-list", test_user_list);
  g_test_add_func ("/spell/suggest", test_suggest);
  g_test_add_func ("/spell/style-variants", test_style_variants);
  g_test_add_func ("/spell/default-user-list", test_default_user_list);

  return g_test_run ();
}
