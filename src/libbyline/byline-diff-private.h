/* byline-diff-private.h — what the diff and the merge share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-diff.h"

G_BEGIN_DECLS

/* A longest common subsequence of @a and @b (compared as strings): for each
 * element of @a, the index of its partner in @b, or -1.  Free with g_free. */
int     *_byline_lcs_match         (const char * const *a,
                                    guint               n_a,
                                    const char * const *b,
                                    guint               n_b);
/* One string per block that is equal exactly when the blocks are (kind, text,
 * spans, picture), NULL-terminated. */
GStrv    _byline_body_block_keys   (BylineBody         *body);
/* Appends a copy of @block (text, kind, spans, picture) to @body. */
void     _byline_body_append_copy  (BylineBody         *body,
                                    const BylineBlock  *block);
/* The text of a block for people: its text, or "[Picture: caption]". */
char    *_byline_block_dup_display (BylineArticle      *article,
                                    const BylineBlock  *block);
/* "a, b, c" */
char    *_byline_strv_display      (const char * const *strv);

G_END_DECLS
