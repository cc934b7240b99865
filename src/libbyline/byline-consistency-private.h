/* byline-consistency-private.h — what the consistency check and the house list share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-consistency.h"

G_BEGIN_DECLS

/* A word of a text, as the consistency check compares it. */
typedef struct
{
  guint  cstart;       /* characters */
  guint  cend;
  gsize  bstart;       /* bytes, into the text */
  gsize  bend;
  char  *form;         /* lower case, tone mark where the modern style puts it */
  char  *key;          /* folded: see _byline_word_fold() */
  guint  connected : 1;/* only spaces between it and the word before */
  guint  capital : 1;
  guint  syllable : 1;
} BylineToken;

/* A phrase found in one of the texts checked. */
typedef struct
{
  guint text;
  guint cstart;
  guint cend;
  gsize bstart;
  gsize bend;
  guint n;             /* words */
} BylineOccurrence;

typedef struct
{
  BylineInconsistency *found;
  guint                n;      /* words in the phrase (0: house rule): shorter flags win */
} BylineCandidate;

/* The words of @text (links and words glued to digits left out): BylineToken. */
GArray *_byline_tokenize                   (const char             *text);
/* @right with the capitals the writer gave @found. */
char   *_byline_match_case                 (const char             *found,
                                            const char             *right);
void    _byline_consistency_add_candidate  (GArray                 *candidates,
                                            const char * const     *texts,
                                            const BylineOccurrence *occ,
                                            const char             *right,
                                            guint                   found_count,
                                            guint                   right_count,
                                            gboolean                house_rule);
/* Adds a BylineCandidate for every house rule that matches in @tokens. */
void    _byline_house_list_check           (BylineHouseList        *house_list,
                                            GArray                 *tokens,
                                            guint                   text_index,
                                            const char * const     *texts,
                                            GArray                 *candidates);

G_END_DECLS
