/* bench-checks.c — every preflight check of a 20,000-word story against enchant alone
 *
 * The story is bench-core's: 20,000 words of flood reporting and 100 captioned
 * pictures.  The floor, measured in the same run, is enchant checking each of
 * its words one by one with the hunspell vi_VN dictionary already open; the
 * goal is byline_check_article() with spelling (a fresh checker each run, so no
 * word is known in advance), consistency against an archive, a house list and
 * every other rule in at most twice that time.
 *
 *   build-aux/dev benchmark        (or: build-aux/dev exec bench-checks [RUNS])
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Bench"

#include <enchant.h>
#include <locale.h>
#include <stdlib.h>

#include "byline-test-utils.h"

#define N_WORDS  20000
#define N_IMAGES 100

/* bench-core.c's words and seed: the same story */
static const char *syllables[] = {
  "mưa", "lũ", "sạt", "lở", "đất", "bản", "xã", "huyện", "Nậm", "Nhùn", "người", "dân",
  "cứu", "hộ", "đường", "quốc", "lộ", "thiệt", "hại", "tài", "sản", "khắc", "phục",
  "hậu", "quả", "chính", "quyền", "địa", "phương", "lực", "lượng", "chức", "năng",
  "Lai", "Châu", "tỉnh", "miền", "núi", "suối", "nước", "dâng", "cao", "sơ", "tán",
};

typedef struct
{
  BylineArticle          *article;
  GPtrArray              *words;     /* every word of the story, for the floor */
  EnchantBroker          *broker;
  EnchantDict            *dict;
  BylineConsistencyIndex *archive;
  BylineHouseList        *house;
  guint                   n_findings;
  GHashTable             *codes;     /* code → count, of the last run */
} Bench;

static BylineArticle *
make_long_article (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  BylineBody *body = byline_article_get_body (article);
  GRand *rand = g_rand_new_with_seed (20221008);
  const char *authors[] = { "Lò Văn Dũng", NULL };
  guint words = 0, image = 0;

  byline_article_set_headline (article, "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản");
  byline_article_set_lead (article, "(BLC) - Mưa lớn kéo dài đã gây sạt lở nghiêm trọng.");
  byline_article_set_authors (article, authors);
  byline_article_set_category (article, "Xã hội");

  while (words < N_WORDS)
    {
      GString *para = g_string_new (NULL);
      guint n = 40 + g_rand_int_range (rand, 0, 40);
      guint index;

      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (para, ' ');
          g_string_append (para, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
        }
      g_string_append_c (para, '.');
      words += n;
      index = byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, para->str);
      byline_body_apply_span (body, index, 4, 12, BYLINE_SPAN_BOLD, NULL, TRUE);
      g_string_free (para, TRUE);

      if (image < N_IMAGES && words * N_IMAGES / N_WORDS > image)
        {
          g_autofree char *name = g_strdup_printf ("anh-%03u.png", image);
          g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);
          g_autoptr(BylineImage) picture = byline_image_new (sha, "image/png");
          g_autofree char *caption = g_strdup_printf ("Ảnh %u: lực lượng cứu hộ tại hiện trường.", image + 1);

          byline_image_set_caption (picture, caption);
          byline_image_set_credit (picture, "Ảnh: Lò Văn Dũng");
          byline_image_set_alt_text (picture, "Bộ đội giúp dân di dời.");
          byline_article_add_image (article, picture);
          byline_body_insert_image (body, G_MAXUINT, byline_image_get_id (picture));
          image++;
        }
    }
  g_rand_free (rand);
  return g_steal_pointer (&article);
}

static void
collect_words (GPtrArray  *words,
               const char *text)
{
  const char *p = text;

  while (text != NULL && *p)
    {
      const char *start;

      while (*p && !g_unichar_isalpha (g_utf8_get_char (p)) && !g_unichar_ismark (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && (g_unichar_isalpha (g_utf8_get_char (p)) || g_unichar_ismark (g_utf8_get_char (p))))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }
}

static GPtrArray *
story_words (BylineArticle *article)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  BylineBody *body = byline_article_get_body (article);

  collect_words (words, byline_article_get_headline (article));
  collect_words (words, byline_article_get_lead (article));
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);

      if (byline_block_kind_is_text (byline_block_get_kind (block)))
        collect_words (words, byline_block_get_text (block));
    }
  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);

      collect_words (words, byline_image_get_caption (image));
      collect_words (words, byline_image_get_credit (image));
      collect_words (words, byline_image_get_alt_text (image));
    }
  return words;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

typedef gint64 (*BenchFunc) (Bench *b);

static double
median_ms (BenchFunc func,
           Bench    *b,
           guint     runs)
{
  g_autofree gint64 *times = g_new (gint64, runs);

  func (b);  /* warm up */
  for (guint i = 0; i < runs; i++)
    times[i] = func (b);
  qsort (times, runs, sizeof (gint64), compare_times);
  return times[runs / 2] / 1000.0;
}

static gint64
run_enchant (Bench *b)
{
  gint64 start = g_get_monotonic_time ();
  guint wrong = 0;

  for (guint i = 0; i < b->words->len; i++)
    wrong += enchant_dict_check (b->dict, b->words->pdata[i], -1) != 0;
  start = g_get_monotonic_time () - start;
  /* "BLC", an acronym the checks leave alone */
  g_assert_cmpuint (wrong, <=, 1);
  return start;
}

static gint64
run_checks (Bench *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSpellChecker) speller = byline_spell_checker_new ("vi_VN", &error);
  g_autoptr(BylineCheckOptions) options = byline_check_options_new ();
  g_autoptr(GListModel) findings = NULL;
  gint64 start;

  g_assert_no_error (error);
  byline_check_options_set_spell_checker (options, speller);
  byline_check_options_set_archive (options, b->archive);
  byline_check_options_set_house_list (options, b->house);
  byline_check_options_set_source_prefix (options, "BLC");

  start = g_get_monotonic_time ();
  findings = byline_check_article (b->article, options);
  start = g_get_monotonic_time () - start;
  b->n_findings = g_list_model_get_n_items (findings);
  g_hash_table_remove_all (b->codes);
  for (guint i = 0; i < b->n_findings; i++)
    {
      g_autoptr(BylineFinding) f = g_list_model_get_item (findings, i);
      const char *code = byline_finding_get_code (f);

      g_hash_table_insert (b->codes, g_strdup (code),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (b->codes, code)) + 1));
    }
  return start;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 9;
  double floor, checks;
  Bench b = { 0 };

  setlocale (LC_ALL, "C.UTF-8");

  b.codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.article = make_long_article ();
  b.words = story_words (b.article);
  b.broker = enchant_broker_init ();
  b.dict = enchant_broker_request_dict (b.broker, "vi_VN");
  if (b.dict == NULL)
    g_error ("No vi_VN dictionary for enchant (hunspell-vi): %s", enchant_broker_get_error (b.broker));

  /* An archive of ten stories, and the house list of the tests */
  b.archive = byline_consistency_index_new ();
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(BylineArticle) other = byline_test_make_article (NULL);
      byline_consistency_index_add_article (b.archive, other);
    }
  b.house = byline_house_list_new ();
  g_assert_true (byline_house_list_add (b.house, "sạt lỡ", "sạt lở", &error));
  g_assert_true (byline_house_list_add (b.house, "chia sẽ", "chia sẻ", &error));
  g_assert_true (byline_house_list_add (b.house, "bổ xung", "bổ sung", &error));

  g_print ("article: %u words (%u checked by the floor), %u pictures; median of %u runs\n",
           byline_article_count_words (b.article), b.words->len,
           byline_article_get_n_images (b.article), runs);

  floor = median_ms (run_enchant, &b, runs);
  checks = median_ms (run_checks, &b, runs);

  g_print ("floor: enchant_dict_check() on every word: %.2f ms\n", floor);
  g_print ("%-36s %9s %10s\n", "operation", "ms", "× floor");
  g_print ("%-36s %9.2f %10.2f   (%u findings)\n", "byline_check_article (every check)",
           checks, checks / floor, b.n_findings);
  {
    GHashTableIter iter;
    gpointer code, count;

    /* Random words make random slips: a word twice in a row, "sạt lộ" for
     * "sạt lở"; and the 100 captions differ by their number only. */
    g_hash_table_iter_init (&iter, b.codes);
    while (g_hash_table_iter_next (&iter, &code, &count))
      g_print ("  %-34s %u\n", (const char *) code, GPOINTER_TO_UINT (count));
  }
  g_print ("goal checks ≤ 2× floor: %s\n", checks <= 2 * floor ? "met" : "NOT met");

  enchant_broker_free_dict (b.broker, b.dict);
  enchant_broker_free (b.broker);
  g_ptr_array_unref (b.words);
  g_clear_object (&b.article);
  g_clear_object (&b.archive);
  g_clear_object (&b.house);
  g_hash_table_unref (b.codes);
  return 0;
}
