/* test-body.c — the body model's edit operations and change signals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "byline-test-utils.h"

typedef struct
{
  GString *log;
} Recorder;

static void
on_blocks_changed (BylineBody *body,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Recorder   *rec)
{
  g_string_append_printf (rec->log, "blocks(%u,%u,%u) ", position, removed, added);
}

static void
on_block_changed (BylineBody *body,
                  guint       index,
                  Recorder   *rec)
{
  g_string_append_printf (rec->log, "block(%u) ", index);
}

static void
record (BylineBody *body,
        Recorder   *rec)
{
  rec->log = g_string_new (NULL);
  g_signal_connect (body, "blocks-changed", G_CALLBACK (on_blocks_changed), rec);
  g_signal_connect (body, "block-changed", G_CALLBACK (on_block_changed), rec);
}

static char *
take_log (Recorder *rec)
{
  char *log = g_strdup (g_strchomp (rec->log->str));
  g_string_truncate (rec->log, 0);
  return log;
}

/* "[b:0-3][i:2-5]" */
static char *
spans_to_string (BylineBody *body,
                 guint       index)
{
  const BylineSpan *spans;
  guint n;
  GString *s = g_string_new (NULL);

  spans = byline_block_get_spans (byline_body_get_block (body, index), &n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "[%c:%u-%u%s%s]",
                            byline_span_kind_to_string (spans[i].kind)[0],
                            spans[i].start, spans[i].end,
                            spans[i].href ? " " : "", spans[i].href ? spans[i].href : "");
  return g_string_free (s, FALSE);
}

#define assert_log(rec, expected) G_STMT_START { \
  g_autofree char *_log = take_log (rec);        \
  g_assert_cmpstr (_log, ==, expected);          \
} G_STMT_END

#define assert_spans(body, index, expected) G_STMT_START { \
  g_autofree char *_s = spans_to_string (body, index);     \
  g_assert_cmpstr (_s, ==, expected);                      \
} G_STMT_END

static void
test_structure (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  Recorder rec;

  record (body, &rec);
  g_assert_cmpuint (byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Một"), ==, 0);
  g_assert_cmpuint (byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Ba"), ==, 1);
  g_assert_cmpuint (byline_body_insert_block (body, 1, BYLINE_BLOCK_HEADING1, "Hai"), ==, 1);
  g_assert_cmpuint (byline_body_insert_image (body, 99, "img-1"), ==, 3);
  assert_log (&rec, "blocks(0,0,1) blocks(1,0,1) blocks(1,0,1) blocks(3,0,1)");

  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 4);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 1)), ==, "Hai");
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 1)), ==, BYLINE_BLOCK_HEADING1);
  g_assert_cmpstr (byline_block_get_image_id (byline_body_get_block (body, 3)), ==, "img-1");
  g_assert_cmpint (byline_body_find_image (body, "img-1"), ==, 3);
  g_assert_cmpint (byline_body_find_image (body, "nope"), ==, -1);

  byline_body_move_block (body, 3, 0);
  assert_log (&rec, "blocks(3,1,0) blocks(0,0,1)");
  g_assert_cmpint (byline_body_find_image (body, "img-1"), ==, 0);

  byline_body_set_block_kind (body, 1, BYLINE_BLOCK_QUOTE);
  byline_body_set_block_kind (body, 1, BYLINE_BLOCK_QUOTE);
  assert_log (&rec, "block(1)");

  g_assert_cmpuint (byline_body_remove_image (body, "img-1"), ==, 1);
  byline_body_remove_block (body, 0);
  assert_log (&rec, "blocks(0,1,0) blocks(0,1,0)");
  g_assert_cmpuint (byline_body_get_n_blocks (body), ==, 2);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 0)), ==, "Hai");

  byline_body_clear (body);
  assert_log (&rec, "blocks(0,2,0)");
  g_string_free (rec.log, TRUE);
}

static void
test_text_edits (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  Recorder rec;

  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Mưa lũ ở bản");
  record (body, &rec);

  byline_body_insert_text (body, 0, 6, " lớn");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 0)), ==, "Mưa lũ lớn ở bản");
  g_assert_cmpuint (byline_block_get_length (byline_body_get_block (body, 0)), ==, 16);
  byline_body_delete_text (body, 0, 0, 4);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 0)), ==, "lũ lớn ở bản");
  /* past the end: clamped, not a crash */
  byline_body_delete_text (body, 0, 10, 100);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 0)), ==, "lũ lớn ở b");
  byline_body_insert_text (body, 0, 100, "ản\nmới");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 0)), ==, "lũ lớn ở bản mới");
  assert_log (&rec, "block(0) block(0) block(0) block(0)");

  /* nothing to do: no signal */
  byline_body_insert_text (body, 0, 0, "");
  byline_body_delete_text (body, 0, 3, 0);
  assert_log (&rec, "");
  g_string_free (rec.log, TRUE);
}

static void
test_combining_mark_composes (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();

  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Hoa");
  byline_body_apply_span (body, 0, 0, 3, BYLINE_SPAN_BOLD, NULL, TRUE);
  /* an input method sending the grave accent after the "o" */
  byline_body_insert_text (body, 0, 2, "\xcc\x80");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 0)), ==, "Hòa");
  g_assert_cmpuint (byline_block_get_length (byline_body_get_block (body, 0)), ==, 3);
  assert_spans (body, 0, "[b:0-3]");
}

static void
test_spans (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();

  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "0123456789");

  byline_body_toggle_span (body, 0, 2, 5, BYLINE_SPAN_BOLD, NULL);
  assert_spans (body, 0, "[b:2-5]");
  /* adjoining bold merges */
  byline_body_toggle_span (body, 0, 5, 7, BYLINE_SPAN_BOLD, NULL);
  assert_spans (body, 0, "[b:2-7]");
  /* toggling a covered range removes it, splitting the span */
  byline_body_toggle_span (body, 0, 3, 4, BYLINE_SPAN_BOLD, NULL);
  assert_spans (body, 0, "[b:2-3][b:4-7]");
  /* partly covered: toggling sets */
  byline_body_toggle_span (body, 0, 1, 5, BYLINE_SPAN_BOLD, NULL);
  assert_spans (body, 0, "[b:1-7]");
  /* italic overlaps bold freely */
  byline_body_toggle_span (body, 0, 6, 9, BYLINE_SPAN_ITALIC, NULL);
  assert_spans (body, 0, "[b:1-7][i:6-9]");
  /* links with different targets stay apart, the same target merges */
  byline_body_apply_span (body, 0, 0, 2, BYLINE_SPAN_LINK, "https://a.vn/", TRUE);
  byline_body_apply_span (body, 0, 2, 4, BYLINE_SPAN_LINK, "https://b.vn/", TRUE);
  byline_body_apply_span (body, 0, 4, 5, BYLINE_SPAN_LINK, "https://b.vn/", TRUE);
  assert_spans (body, 0, "[l:0-2 https://a.vn/][b:1-7][l:2-5 https://b.vn/][i:6-9]");
  /* a link toggled off everywhere over the range */
  byline_body_toggle_span (body, 0, 0, 5, BYLINE_SPAN_LINK, NULL);
  assert_spans (body, 0, "[b:1-7][i:6-9]");

  /* typing inside a span grows it, before it moves it, at its end does not */
  byline_body_insert_text (body, 0, 3, "ab");
  assert_spans (body, 0, "[b:1-9][i:8-11]");
  byline_body_insert_text (body, 0, 0, "x");
  assert_spans (body, 0, "[b:2-10][i:9-12]");
  byline_body_insert_text (body, 0, 10, "y");
  assert_spans (body, 0, "[b:2-10][i:9-13]");
  /* deleting shrinks and drops empty spans */
  byline_body_delete_text (body, 0, 1, 8);
  assert_spans (body, 0, "[b:1-2][i:1-5]");
  byline_body_delete_text (body, 0, 1, 1);
  assert_spans (body, 0, "[i:1-4]");
}

static void
test_split_merge (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  Recorder rec;

  byline_body_append_block (body, BYLINE_BLOCK_BULLETED_ITEM, "Di dời hộ dân");
  byline_body_apply_span (body, 0, 3, 10, BYLINE_SPAN_BOLD, NULL, TRUE);
  record (body, &rec);

  byline_body_split_block (body, 0, 6);
  assert_log (&rec, "blocks(0,1,2)");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 0)), ==, "Di dời");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 1)), ==, " hộ dân");
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 1)), ==, BYLINE_BLOCK_BULLETED_ITEM);
  assert_spans (body, 0, "[b:3-6]");
  assert_spans (body, 1, "[b:0-4]");

  byline_body_merge_with_next (body, 0);
  assert_log (&rec, "blocks(0,2,1)");
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 0)), ==, "Di dời hộ dân");
  assert_spans (body, 0, "[b:3-10]");

  /* Enter at the end of a heading starts a paragraph */
  byline_body_set_block_kind (body, 0, BYLINE_BLOCK_HEADING2);
  byline_body_split_block (body, 0, 100);
  g_assert_cmpint (byline_block_get_kind (byline_body_get_block (body, 1)), ==, BYLINE_BLOCK_PARAGRAPH);
  g_assert_cmpstr (byline_block_get_text (byline_body_get_block (body, 1)), ==, "");
  g_string_free (rec.log, TRUE);
}

/* The count from scratch, block by block. */
static guint
words_counted_again (BylineBody *body)
{
  guint words = 0;

  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    words += byline_text_count_words (byline_block_get_text (byline_body_get_block (body, i)));
  return words;
}

/* The body keeps each block's count (the editor asks after every key): it
 * must follow every kind of change. */
static void
test_word_count_kept (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  g_autoptr(BylineBody) copy = byline_body_new ();

  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Mưa lũ gây sạt lở");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "tại xã Nậm Hàng");
  g_assert_cmpuint (byline_body_count_words (body), ==, 9);

  byline_body_insert_text (body, 0, 3, " lớn");
  g_assert_cmpuint (byline_body_count_words (body), ==, 10);
  byline_body_insert_text (body, 0, 0, "x");
  g_assert_cmpuint (byline_body_count_words (body), ==, 10);
  byline_body_delete_text (body, 1, 3, 4);
  g_assert_cmpuint (byline_body_count_words (body), ==, words_counted_again (body));
  byline_body_split_block (body, 0, 4);
  g_assert_cmpuint (byline_body_count_words (body), ==, words_counted_again (body));
  byline_body_merge_with_next (body, 0);
  g_assert_cmpuint (byline_body_count_words (body), ==, words_counted_again (body));
  byline_body_set_text (body, 1, "Một hai ba bốn năm sáu");
  g_assert_cmpuint (byline_body_count_words (body), ==, words_counted_again (body));
  byline_body_insert_image (body, 1, "anh");
  byline_body_remove_block (body, 0);
  g_assert_cmpuint (byline_body_count_words (body), ==, 6);

  byline_body_copy_from (copy, body);
  g_assert_cmpuint (byline_body_count_words (copy), ==, 6);
  byline_body_insert_text (copy, 1, 0, "Không ");
  g_assert_cmpuint (byline_body_count_words (copy), ==, 7);
  g_assert_cmpuint (byline_body_count_words (body), ==, 6);
}

static void
test_counts_and_copy (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();
  g_autoptr(BylineBody) copy = byline_body_new ();
  g_autofree char *text = NULL;

  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Mưa lũ gây sạt lở");
  byline_body_insert_image (body, 9, "x");
  byline_body_append_block (body, BYLINE_BLOCK_QUOTE, "Ông Quý cho biết");
  g_assert_cmpuint (byline_body_count_words (body), ==, 9);
  g_assert_cmpuint (byline_body_count_chars (body), ==, 17 + 16);
  text = byline_body_dup_plain_text (body);
  g_assert_cmpstr (text, ==, "Mưa lũ gây sạt lở\n\nÔng Quý cho biết");

  g_assert_false (byline_body_equal (body, copy));
  byline_body_copy_from (copy, body);
  g_assert_true (byline_body_equal (body, copy));
  byline_body_apply_span (copy, 0, 0, 3, BYLINE_SPAN_ITALIC, NULL, TRUE);
  g_assert_false (byline_body_equal (body, copy));
}

static void
test_kind_names (void)
{
  for (BylineBlockKind k = BYLINE_BLOCK_PARAGRAPH; k <= BYLINE_BLOCK_IMAGE; k++)
    {
      BylineBlockKind back;
      g_assert_true (byline_block_kind_from_string (byline_block_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
    }
  g_assert_false (byline_block_kind_is_text (BYLINE_BLOCK_IMAGE));
  g_assert_true (byline_block_kind_is_text (BYLINE_BLOCK_QUOTE));
}

/* A paragraph found by its text, or by most of its words once changed;
 * not a heading, and not one too unlike. */
static void
test_find_paragraph (void)
{
  g_autoptr(BylineBody) body = byline_body_new ();

  byline_body_append_block (body, BYLINE_BLOCK_HEADING1, "Nước lũ tràn qua bản.");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Mưa lớn kéo dài ba ngày.");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Nước lũ tràn qua bản Mường Hum.");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Nước  lũ tràn qua bản.");

  g_assert_cmpint (byline_body_find_paragraph (body, "Nước lũ tràn qua bản."), ==, 3);
  g_assert_cmpint (byline_body_find_paragraph (body, "Nước lũ tràn qua bản Mường Hum"), ==, 2);
  g_assert_cmpint (byline_body_find_paragraph (body, "Mưa lớn ở Sa Pa suốt đêm qua."), ==, -1);
  g_assert_cmpint (byline_body_find_paragraph (body, "Mưa lớn kéo dài hai ngày."), ==, 1);
  g_assert_cmpint (byline_body_find_paragraph (body, NULL), ==, -1);
  byline_body_remove_block (body, 3);
  /* Changed since: the most like it. */
  g_assert_cmpint (byline_body_find_paragraph (body, "Nước lũ tràn qua bản."), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/body/structure", test_structure);
  g_test_add_func ("/body/text-edits", test_text_edits);
  g_test_add_func ("/body/combining-mark", test_combining_mark_composes);
  g_test_add_func ("/body/spans", test_spans);
  g_test_add_func ("/body/split-merge", test_split_merge);
  g_test_add_func ("/body/counts-and-copy", test_counts_and_copy);
  g_test_add_func ("/body/word-count-kept", test_word_count_kept);
  g_test_add_func ("/body/kind-names", test_kind_names);
  g_test_add_func ("/body/find-paragraph", test_find_paragraph);

  return g_test_run ();
}
