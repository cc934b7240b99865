/* byline-tone-private.h — syllables and words, for the checks of libbyline only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-tone.h"

G_BEGIN_DECLS

/* A word is a run of letters (and the combining marks on them). */
typedef struct
{
  const char *start;          /* in the text */
  gsize       length;         /* bytes */
  guint       cstart;         /* characters */
  guint       cend;
  guint       space_before : 1;   /* only white space between it and the previous word */
  guint       near_digit : 1;     /* its white-space-delimited chunk holds a digit ("4H", "COVID-19") */
  guint       in_link : 1;        /* part of a web or mail address */
  guint       sentence_start : 1; /* first word of the text or after . ! ? : … */
} BylineWord;

typedef struct
{
  const char *p;
  guint       cpos;
  const char *chunk_end;
  gboolean    chunk_digit;
  gboolean    chunk_link;
  gboolean    have_previous;
  gboolean    sentence_start;
} BylineWordIter;

void      _byline_word_iter_init   (BylineWordIter *iter,
                                    const char     *text);
gboolean  _byline_word_iter_next   (BylineWordIter *iter,
                                    BylineWord     *word);

/* Appends to @out the word without any mark, lower case, "đ" → "d", the "i"
 * that some write "y" ("kỹ"/"kĩ", "lý"/"lí") as "i", and initials that sound
 * alike in some dialect folded to one (d/r/gi, s/x, ch/tr, l/n): the ways one
 * word gets misspelled fold to the same key. */
void      _byline_word_fold        (const char     *word,
                                    gsize           length,
                                    GString        *out);
/* TRUE when the word carries a Vietnamese mark or the letter đ. */
gboolean  _byline_word_has_marks   (const char     *word,
                                    gsize           length);
/* TRUE when the text has two or more letters, all of them capitals. */
gboolean  _byline_word_is_upper    (const char     *word,
                                    gsize           length);
/* @suggestion in the case of @word: all capitals, or a capital first. */
char     *_byline_word_with_case_of (const char    *word,
                                     const char    *suggestion);

G_END_DECLS
