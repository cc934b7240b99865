/* bench-core.c — the core's save, load, ninjs export and HTML import of a long story
 *
 * A 20,000-word article with 100 pictures, timed against a floor measured in the
 * same run: json-glib parsing and generating the same JSON document that a save
 * writes.  Times are medians of several runs; what matters is the ratios, since
 * these machines are noisy.
 *
 *   build-aux/dev benchmark        (or: build-aux/dev exec bench-core [RUNS])
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Bench"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "bench-utils.h"

typedef gint64 (*BenchFunc) (gpointer data);

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static double
median_ms (BenchFunc func,
           gpointer  data,
           guint     runs)
{
  g_autofree gint64 *times = g_new (gint64, runs);

  func (data);  /* warm up */
  for (guint i = 0; i < runs; i++)
    times[i] = func (data);
  qsort (times, runs, sizeof (gint64), compare_times);
  return times[runs / 2] / 1000.0;
}

typedef struct
{
  BylineArticle    *article;
  BylineDraftStore *store;
  char             *json;
  gsize             json_length;
  JsonNode         *root;
  GBytes           *html;
  GFile            *photos;
} Bench;

static gint64
run_floor_parse (gpointer data)
{
  Bench *b = data;
  JsonParser *parser = json_parser_new_immutable ();
  gint64 start = g_get_monotonic_time ();

  /* Parsing and dropping the tree: a reader that keeps nothing of it still
   * frees it, and byline_draft_format_parse() does. */
  g_assert_true (json_parser_load_from_data (parser, b->json, b->json_length, NULL));
  g_object_unref (parser);
  return g_get_monotonic_time () - start;
}

static gint64
run_floor_generate (gpointer data)
{
  Bench *b = data;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *out = NULL;
  gint64 start = g_get_monotonic_time ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  json_generator_set_root (generator, b->root);
  out = json_generator_to_data (generator, NULL);
  return g_get_monotonic_time () - start;
}

static gint64
run_save (gpointer data)
{
  Bench *b = data;
  g_autoptr(GError) error = NULL;
  gint64 start;

  byline_article_set_headline (b->article,
                               byline_article_get_revision (b->article) % 2 ? "Mưa lũ" : "Sạt lở");
  start = g_get_monotonic_time ();
  g_assert_true (byline_draft_store_save (b->store, b->article, &error));
  g_assert_no_error (error);
  return g_get_monotonic_time () - start;
}

static gint64
run_load (gpointer data)
{
  Bench *b = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) loaded = NULL;
  gint64 start = g_get_monotonic_time ();

  loaded = byline_draft_store_load (b->store, byline_article_get_id (b->article), &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  return g_get_monotonic_time () - start;
}

static gint64
run_serialize (gpointer data)
{
  Bench *b = data;
  g_autoptr(GBytes) bytes = NULL;
  gint64 start = g_get_monotonic_time ();

  bytes = byline_draft_format_serialize (b->article);
  return g_get_monotonic_time () - start;
}

static gint64
run_parse (gpointer data)
{
  Bench *b = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (b->json, b->json_length);
  g_autoptr(BylineArticle) article = NULL;
  gint64 start = g_get_monotonic_time ();

  article = byline_draft_format_parse (bytes, "bench", NULL);
  g_assert_nonnull (article);
  return g_get_monotonic_time () - start;
}

static gint64
run_ninjs (gpointer data)
{
  Bench *b = data;
  g_autoptr(GBytes) bytes = NULL;
  gint64 start = g_get_monotonic_time ();

  bytes = byline_ninjs_export_bytes (b->article, NULL);
  g_assert_nonnull (bytes);
  return g_get_monotonic_time () - start;
}

static gint64
run_html_import (gpointer data)
{
  Bench *b = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;
  gint64 start = g_get_monotonic_time ();

  article = byline_html_import (b->html, "bench.html", b->photos, &error);
  g_assert_no_error (error);
  return g_get_monotonic_time () - start;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GFile) store_folder = NULL;
  BylineHtmlOptions html_options = { .media_base = NULL };
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 15;
  double floor_parse, floor_generate, floor, save, load, serialize, parse, ninjs, html_import;
  Bench b = { 0 };

  setlocale (LC_ALL, "C.UTF-8");
  tmp = g_dir_make_tmp ("byline-bench-XXXXXX", &error);
  g_assert_no_error (error);
  b.photos = g_file_new_build_filename (tmp, "photos", NULL);
  g_file_make_directory (b.photos, NULL, &error);
  g_assert_no_error (error);
  store_folder = g_file_new_build_filename (tmp, "drafts", NULL);

  b.article = bench_make_long_article (b.photos, BENCH_PICTURES_SMALL_PNG);
  b.store = byline_draft_store_new (store_folder);
  g_assert_true (byline_draft_store_save (b.store, b.article, &error));
  g_assert_no_error (error);

  json = byline_draft_format_serialize (b.article);
  b.json = g_strndup (g_bytes_get_data (json, NULL), g_bytes_get_size (json));
  b.json_length = g_bytes_get_size (json);
  g_assert_true (json_parser_load_from_data (parser, b.json, b.json_length, &error));
  b.root = json_node_ref (json_parser_get_root (parser));
  /* Exported as a draft folder holds it, so that the import attaches all the
   * pictures from media/ as it would for a saved web page. */
  g_clear_object (&b.photos);
  b.photos = byline_draft_store_get_draft_folder (b.store, byline_article_get_id (b.article));
  html = byline_html_export (b.article, &html_options);
  b.html = g_bytes_new_take (html, strlen (html));
  html = NULL;

  g_print ("article: %u words, %u pictures, draft.json %.1f KiB, HTML %.1f KiB; median of %u runs\n",
           byline_article_count_words (b.article), byline_article_get_n_images (b.article),
           b.json_length / 1024.0, g_bytes_get_size (b.html) / 1024.0, runs);

  floor_parse = median_ms (run_floor_parse, &b, runs);
  floor_generate = median_ms (run_floor_generate, &b, runs);
  floor = floor_parse + floor_generate;
  serialize = median_ms (run_serialize, &b, runs);
  parse = median_ms (run_parse, &b, runs);
  save = median_ms (run_save, &b, runs);
  load = median_ms (run_load, &b, runs);
  ninjs = median_ms (run_ninjs, &b, runs);
  html_import = median_ms (run_html_import, &b, runs);

  g_print ("floor: json-glib parse (and free) %.2f ms + generate %.2f ms = %.2f ms\n",
           floor_parse, floor_generate, floor);
  g_print ("%-28s %9s %12s\n", "operation", "ms", "× floor");
  g_print ("%-28s %9.2f %12.2f\n", "load (store)", load, load / floor);
  g_print ("%-28s %9.2f %12.2f\n", "save (store, fsync'd)", save, save / floor);
  g_print ("%-28s %9.2f %12.2f   (vs parse alone: %.2f)\n", "parse draft.json", parse, parse / floor, parse / floor_parse);
  g_print ("%-28s %9.2f %12.2f   (vs generate alone: %.2f)\n", "serialize draft.json", serialize, serialize / floor, serialize / floor_generate);
  g_print ("%-28s %9.2f %12.2f\n", "ninjs 2.2 export", ninjs, ninjs / floor);
  g_print ("%-28s %9.2f %12.2f\n", "HTML import", html_import, html_import / floor);
  g_print ("goal load ≤ 2× floor: %s; save ≤ 2× floor: %s\n",
           load <= 2 * floor ? "met" : "NOT met", save <= 2 * floor ? "met" : "NOT met");

  g_clear_object (&b.article);
  g_clear_object (&b.store);
  return 0;
}
