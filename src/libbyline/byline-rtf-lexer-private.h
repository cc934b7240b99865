/* byline-rtf-lexer-private.h — the tokens of a Rich Text (.rtf) document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A control word longer than this is no word RTF has: kept cut, matching
 * none. */
#define BYLINE_RTF_MAX_WORD 32

typedef enum
{
  BYLINE_RTF_END,      /* the input is over */
  BYLINE_RTF_OPEN,     /* { */
  BYLINE_RTF_CLOSE,    /* } */
  BYLINE_RTF_WORD,     /* \word, \wordN, \word-N */
  BYLINE_RTF_SYMBOL,   /* \ and one character that is no letter: \~ \- \* \\ */
  BYLINE_RTF_BYTE,     /* \'hh: a byte of the text's code page */
  BYLINE_RTF_TEXT,     /* bytes as they are, without line ends */
  BYLINE_RTF_BINARY,   /* the bytes a \binN gives, whatever they are */
} BylineRtfTokenKind;

typedef struct
{
  BylineRtfTokenKind  kind;
  char                word[BYLINE_RTF_MAX_WORD + 1];  /* WORD; SYMBOL's character */
  gboolean            has_param;
  int                 param;
  guint8              byte;     /* BYTE */
  const guint8       *data;     /* TEXT, BINARY: in the input */
  gsize               length;
} BylineRtfToken;

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         at;
} BylineRtfLexer;

void     _byline_rtf_lexer_init (BylineRtfLexer *lexer,
                                 const guint8   *data,
                                 gsize           length);
/* The next token into @token; BYLINE_RTF_END at the end, and never a read
 * past it (a \bin longer than what is left gives what is left). */
void     _byline_rtf_lexer_next (BylineRtfLexer *lexer,
                                 BylineRtfToken *token);

G_END_DECLS
