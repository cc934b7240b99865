/* byline-spell.h — spelling with enchant-2 (hunspell vi_VN) and the newsroom's word lists
 *
 * The hunspell dictionary knows syllables, in the modern tone placement ("hoà",
 * "thuỷ"): a syllable is looked up with its mark where that style puts it, so
 * "hòa" (classic) passes as well; where the mark goes is the tone check's business.
 * Words of another language (no Vietnamese mark and not built like a Vietnamese
 * syllable: "Facebook", "online"), acronyms ("UBND", "ĐBQH"), single letters, words
 * inside web addresses and words glued to digits ("4H", "COVID-19") are not checked.
 *
 * Two word lists add what the dictionary lacks: the newsroom's (names of people and
 * places of the province, in a file the newsroom shares) and the user's own.  Both
 * are UTF-8 text, one word or name a line, "#" for comments; a name of several
 * syllables adds each of them.  Comparison ignores case and tone placement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-tone.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_WORD_LIST_NEWSROOM,
  BYLINE_WORD_LIST_USER,
} BylineWordList;

typedef struct
{
  guint start;   /* characters */
  guint end;
} BylineMisspelling;

#define BYLINE_TYPE_SPELL_CHECKER (byline_spell_checker_get_type ())

G_DECLARE_FINAL_TYPE (BylineSpellChecker, byline_spell_checker, BYLINE, SPELL_CHECKER, GObject)

/* @language: an enchant tag, NULL for "vi_VN".  Fails with BYLINE_ERROR_NOT_FOUND
 * when enchant has no dictionary for it. */
BylineSpellChecker *byline_spell_checker_new            (const char          *language,
                                                         GError             **error);
const char         *byline_spell_checker_get_language   (BylineSpellChecker  *self);
/* Reads a word list and remembers @file, which byline_spell_checker_add_word()
 * appends to.  A file that does not exist yet is an empty list. */
gboolean            byline_spell_checker_load_word_list (BylineSpellChecker  *self,
                                                         BylineWordList       list,
                                                         GFile               *file,
                                                         GError             **error);
/* Adds @word to @list, and to its file when it has one ("add to dictionary"). */
gboolean            byline_spell_checker_add_word       (BylineSpellChecker  *self,
                                                         BylineWordList       list,
                                                         const char          *word,
                                                         GError             **error);
/* Every word the lists and "ignore" accept, lower case, sorted: for another
 * spell checker to learn them (libspelling's session in the window). */
GStrv               byline_spell_checker_list_words     (BylineSpellChecker  *self);
/* Changes whenever the lists or "ignore" accept words: another checker taught
 * with list_words() knows whether it has to learn again.  A checker is not
 * thread-safe: a thread checks with a checker of its own, taught that way. */
guint               byline_spell_checker_get_serial     (BylineSpellChecker  *self);
/* Accepts @word until the checker is finalized ("ignore"). */
void                byline_spell_checker_ignore_word    (BylineSpellChecker  *self,
                                                         const char          *word);
/* FALSE only for a word the dictionary and the lists reject; words that are not
 * checked at all (see above) are TRUE. */
gboolean            byline_spell_checker_check_word     (BylineSpellChecker  *self,
                                                         const char          *word,
                                                         gssize               length);
/* The misspelled words of @text, in order: an array of BylineMisspelling. */
GArray             *byline_spell_checker_check_text     (BylineSpellChecker  *self,
                                                         const char          *text);
/* Up to @max suggestions, best first, in NFC; never NULL. */
GStrv               byline_spell_checker_suggest        (BylineSpellChecker  *self,
                                                         const char          *word,
                                                         gssize               length,
                                                         guint                max);

/* Every syllable whose tone mark the two styles place differently and that the
 * dictionary knows, written in @style (lower case): for a spell checker that
 * knows only the dictionary (libspelling in the window), whose modern-style
 * dictionary would otherwise underline "hòa, thủy, khỏe". */
GStrv               byline_spell_checker_list_style_variants (BylineSpellChecker *self,
                                                              BylineToneStyle     style);

/* $XDG_DATA_HOME/byline/words.txt: where the user's own list lives by default. */
GFile              *byline_spell_default_user_word_list (void);

G_END_DECLS
