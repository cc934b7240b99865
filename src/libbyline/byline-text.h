/* byline-text.h — text helpers shared by the model, the formats and the checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NFC, invalid UTF-8 replaced, control characters but tab dropped, NULL → "". */
char     *byline_text_normalize      (const char *text,
                                      gssize      length);
/* As above, and every run of white space (newlines included) folded to one space. */
char     *byline_text_normalize_line (const char *text,
                                      gssize      length);
/* "Nậm Nhùn: mưa lũ" → "nam-nhun-mua-lu"; "đ" → "d". */
char     *byline_text_slugify        (const char *text);
guint     byline_text_count_words    (const char *text);
/* Minutes at @words_per_minute, at least 1 for any text. */
guint     byline_text_reading_minutes (guint      words,
                                      guint       words_per_minute);
gboolean  byline_text_is_blank       (const char *text);
/* The lead as published: "(BLC) - " in front of @lead, unless it already
 * starts with "(BLC)"; @lead alone without a prefix. */
char     *byline_text_prefix_lead    (const char *lead,
                                      const char *source_prefix);
/* A caption that ends with its credit, as Vietnamese papers write them:
 * "Người dân dọn bùn. Ảnh: Hà Anh", "… (Ảnh: TTXVN)", "… - Ảnh: Hà Anh".
 * Returns the caption without the credit and sets *@credit to the credit
 * as a credit field holds it, marker and all ("Ảnh: Hà Anh"), or returns
 * NULL (and *@credit NULL) when @caption does not end with one. */
char     *byline_text_split_credit   (const char  *caption,
                                      char       **credit);
/* A paragraph that is a byline, as Vietnamese stories end: "Hà Anh",
 * "Hà Anh - Lò Văn Dũng", "Bài và ảnh: Lò Văn Dũng", "Nhóm PV".  Returns
 * its authors (1 to 4 names of 2 to 5 capitalised words, or an
 * abbreviation such as "PV"), or NULL when @paragraph is not one. */
char    **byline_text_parse_byline   (const char  *paragraph);
/* How alike two texts are, from 0 to 100: the share of the words of the
 * longer that the other has too, in any case and whatever the punctuation
 * ("Nước lũ tràn qua bản." and "Nước lũ tràn qua bản Mường Hum": 71). */
guint     byline_text_likeness       (const char  *a,
                                      const char  *b);
/* How well @candidate stands for @wanted (a caption kept as text, looked
 * for again): BYLINE_TEXT_SAME when it is the same, white space aside;
 * else their likeness when it is at least BYLINE_TEXT_LIKE_PERCENT (a few
 * words changed); else 0.  Of several, the highest is the one. */
#define BYLINE_TEXT_LIKE_PERCENT 60
#define BYLINE_TEXT_SAME         101
guint     byline_text_stands_for     (const char  *wanted,
                                      const char  *candidate);

G_END_DECLS
