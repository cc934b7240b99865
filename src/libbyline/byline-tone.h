/* byline-tone.h — where the tone mark sits: "hòa, thủy" or "hoà, thuỷ"
 *
 * Vietnamese writes the same syllable two ways when its rhyme is an open "oa", "oe"
 * or "uy" (no final consonant): with the mark on the first vowel — "hòa, thủy, khỏe,
 * hóa, ủy ban", what Vietnamese style guides call *kiểu cũ* (the classic placement,
 * still the choice of many newspapers) — or on the main vowel — "hoà, thuỷ, khoẻ,
 * hoá, uỷ ban", *kiểu mới* (the 1980s school rule, and the form the hunspell vi_VN
 * dictionary knows).  Every other syllable has one place for its mark whatever the
 * style: "hoàng", "quý", "giá", "mùa", "ngoài", "thuế".  A mark anywhere else
 * ("hòang", "qúy", "ngòai") is misplaced in both styles.
 *
 * Offsets are in characters (code points), as everywhere in libbyline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BYLINE_TONE_STYLE_ANY,      /* no preference: keep each syllable's own style */
  BYLINE_TONE_STYLE_CLASSIC,  /* "hòa, thủy, khỏe" — mark on the first vowel (kiểu cũ) */
  BYLINE_TONE_STYLE_MODERN,   /* "hoà, thuỷ, khoẻ" — mark on the main vowel (kiểu mới) */
} BylineToneStyle;

#define BYLINE_TYPE_TONE_STYLE (byline_tone_style_get_type ())
GType byline_tone_style_get_type (void) G_GNUC_CONST;

typedef enum
{
  BYLINE_TONE_PLACEMENT_NONE,       /* not a Vietnamese syllable (a name in another language, an acronym) */
  BYLINE_TONE_PLACEMENT_NEUTRAL,    /* no mark, or the one place both styles agree on */
  BYLINE_TONE_PLACEMENT_CLASSIC,    /* "hòa" */
  BYLINE_TONE_PLACEMENT_MODERN,     /* "hoà" */
  BYLINE_TONE_PLACEMENT_MISPLACED,  /* "hòang", "qúy": wrong in both styles */
} BylineTonePlacement;

typedef struct
{
  guint               start;      /* first character of the syllable */
  guint               end;        /* one past its last character */
  BylineTonePlacement placement;
} BylineToneSyllable;

typedef struct
{
  guint classic;
  guint modern;
  guint misplaced;
} BylineToneCounts;

/* One word (a run of letters; @length in bytes or -1), NFC or not. */
BylineTonePlacement byline_tone_classify         (const char       *word,
                                                  gssize            length);
/* TRUE when @word is built like a Vietnamese syllable: initial consonant, vowels
 * and final consonant that Vietnamese spelling allows, at most one tone mark. */
gboolean            byline_tone_is_syllable      (const char       *word,
                                                  gssize            length);
/* @word with its mark where @style puts it (NFC); a misplaced mark is moved to
 * its place too.  Anything that is not a Vietnamese syllable comes back as it is. */
char               *byline_tone_place            (const char       *word,
                                                  gssize            length,
                                                  BylineToneStyle   style);

/* The syllables of @text whose placement is CLASSIC, MODERN or MISPLACED, in order
 * (an array of BylineToneSyllable); NEUTRAL and NONE ones are left out. */
GArray             *byline_tone_scan             (const char       *text);
void                byline_tone_count            (const char       *text,
                                                  BylineToneCounts *counts);
/* The style of most of the style-dependent syllables of @text; ANY when it has
 * none, or as many of each. */
BylineToneStyle     byline_tone_detect           (const char       *text);
gboolean            byline_tone_is_mixed         (const char       *text);
/* @text with every mark placed as @style wants (misplaced marks are corrected
 * too; with ANY only those).  The result has as many characters as @text. */
char               *byline_tone_convert          (const char       *text,
                                                  BylineToneStyle   style);

const char         *byline_tone_style_to_string  (BylineToneStyle   style);
gboolean            byline_tone_style_from_string (const char      *str,
                                                  BylineToneStyle  *style);

/* The syllable @word types in Telex, the most used Vietnamese input method,
 * when it was typed with the input method off: "nuwowcs" → "nước", "leen" →
 * "lên", "ddaays" → "đấy" (NFC, the mark as @style places it; the case of
 * @word).  NULL unless @word is plain ASCII letters with at least one of
 * Telex's letter keys (aa, aw, ee, oo, ow, uw, w, dd; a tone key alone, as
 * in "this" or "of", is no evidence) and what it types is a syllable. */
char               *byline_tone_from_telex       (const char       *word,
                                                  gssize            length,
                                                  BylineToneStyle   style);

G_END_DECLS
