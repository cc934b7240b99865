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

/* One spelling of a phrase in the archive */
typedef struct
{
  char  *form;
  char  *surface;   /* as written, the one with the fewest capitals seen */
  guint  docs;
} BylineVariant;

typedef void (*BylinePhraseFunc) (const char        *key,
                                  const char        *form,
                                  const char        *text,
                                  const BylineToken *first,
                                  const BylineToken *last,
                                  guint              n,
                                  gpointer           user_data);

/* Calls @func for every phrase of @tokens worth comparing: two and three words
 * with only spaces between them, and words of one piece that are no syllable
 * ("LaiChâu"). */
void           _byline_foreach_phrase            (const char             *text,
                                                  GArray                 *tokens,
                                                  BylinePhraseFunc        func,
                                                  gpointer                user_data);
guint          _byline_count_capitals            (const char             *text);
/* The spellings (BylineVariant) the archive has under @key, or NULL. */
GArray        *_byline_consistency_index_lookup  (BylineConsistencyIndex *self,
                                                  const char             *key);
BylineVariant *_byline_variants_find             (GArray                 *variants,
                                                  const char             *form);

/* "các", "của", "đã", ...: @form lower case, tone marks placed the modern way. */
gboolean _byline_is_function_word          (const char             *form);
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
