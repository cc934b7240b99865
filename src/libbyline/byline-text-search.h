/* byline-text-search.h — finding Vietnamese words typed without their marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A regular expression (GRegex) that finds @query in text whatever marks
 * the text puts on the query's bare letters: "sat lo" finds "sạt lở",
 * "Sạt lở" and "sát lò"; "do" finds "đô".  A letter typed with its marks
 * finds only itself: "sạt" does not find "sát".  Marks that follow a letter
 * as combining characters (decomposed text) are part of the match.  Any other
 * character of @query is literal. */
char *byline_text_search_pattern (const char *query);

/* The expression the find bar searches with: @query as typed when
 * @match_diacritics, else through byline_text_search_pattern(); any case
 * unless @match_case.  NULL for an empty query. */
GRegex *byline_text_search_regex (const char *query,
                                  gboolean    match_case,
                                  gboolean    match_diacritics);

/* The replacement for @match, found by @query ignoring case, in the case the
 * text has there, as a word processor does: "lũ quét" → "lũ ống" at the start
 * of a sentence gives "Lũ ống", in a headline in capitals "LŨ ỐNG".  When the
 * query and the replacement were both typed with a capital ("Lũ quét" →
 * "Lũ ống"), a match in small letters gets a small one.  Anything else, such
 * as "ubnd" → "UBND" or "ha noi" → "Hà Nội", is put as typed. */
char *byline_text_match_case     (const char *replacement,
                                  const char *match,
                                  const char *query);

G_END_DECLS
