/* byline-spelling.h — libspelling in the window, taught what the core's checker knows
 *
 * Every text the reporter writes in (body, headline, lead, captions) gets a
 * SpellingTextBufferAdapter: unknown words underlined, suggestions and "Add to
 * Dictionary" in the context menu, plus "Add to Newsroom Word List".  One
 * SpellingChecker per language is shared by all of them; it learns, as
 * session words, the newsroom's and the user's word lists, the classic tone
 * placement of the syllables the dictionary knows in the modern one, and every
 * word of the text that the core's BylineSpellChecker accepts although hunspell
 * does not (acronyms, foreign names), so that the window underlines what
 * `byline-cli check` reports and nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>
#include <libspelling.h>

#include "byline-app-types.h"

G_BEGIN_DECLS

/* "vi" → "vi_VN": the enchant tag for a draft's language; NULL for NULL. */
char               *byline_spelling_tag_for_language (const char  *language);

/* The core's checker for @language (NULL: Vietnamese) with the word lists of
 * the settings loaded, shared; NULL when no dictionary is installed. */
BylineSpellChecker *byline_spelling_get_core_checker (const char  *language);
/* The libspelling checker for @language, taught as above; NULL when there is
 * no dictionary. */
SpellingChecker    *byline_spelling_get_checker      (const char  *language);

/* Checks @view's buffer (a GtkSourceBuffer) in @language from now on; again
 * with another language when the draft's changes.  Follows the "spell-check"
 * setting. */
void                byline_spelling_attach           (GtkTextView *view,
                                                      const char  *language);
/* The adapter attach() gave @view, or NULL. */
SpellingTextBufferAdapter *
                    byline_spelling_get_adapter      (GtkTextView *view);
/* Teaches libspelling the words of @text that the core accepts; TRUE when it
 * learned any (the adapters are then invalidated). */
gboolean            byline_spelling_learn_text       (const char  *language,
                                                      const char  *text);

G_END_DECLS
