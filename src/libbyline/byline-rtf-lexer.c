/* byline-rtf-lexer.c — the tokens of a Rich Text (.rtf) document
 *
 * RTF 1.9.1, "Conventions of an RTF Reader": groups in braces, control
 * words (letters, then an optional signed number, then an optional space
 * that is part of the word), control symbols (a backslash and one other
 * character), \'hh for a byte of the code page, and text.  Line ends are
 * no text; a backslash before one is \par.  \binN is followed by N bytes
 * of anything, braces included: the tokenizer takes them, so that no
 * reader of the tokens loses count of the groups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include "byline-rtf-lexer-private.h"

/* Parameters are 16 or 32 bits; more digits than this are a damaged file. */
#define MAX_DIGITS 10

void
_byline_rtf_lexer_init (BylineRtfLexer *lexer,
                        const guint8   *data,
                        gsize           length)
{
  *lexer = (BylineRtfLexer) { data, length, 0 };
}

static void
read_word (BylineRtfLexer *lexer,
           BylineRtfToken *token)
{
  const guint8 *data = lexer->data;
  gsize n = 0;
  gboolean negative = FALSE;
  gint64 value = 0;
  guint digits = 0;

  token->kind = BYLINE_RTF_WORD;
  while (lexer->at < lexer->length && g_ascii_isalpha (data[lexer->at]))
    {
      if (n < BYLINE_RTF_MAX_WORD)
        token->word[n++] = (char) data[lexer->at];
      lexer->at++;
    }
  token->word[n] = '\0';

  if (lexer->at + 1 < lexer->length && data[lexer->at] == '-' && g_ascii_isdigit (data[lexer->at + 1]))
    {
      negative = TRUE;
      lexer->at++;
    }
  while (lexer->at < lexer->length && g_ascii_isdigit (data[lexer->at]))
    {
      if (digits++ < MAX_DIGITS)
        value = value * 10 + (data[lexer->at] - '0');
      lexer->at++;
    }
  if (digits > 0)
    {
      token->has_param = TRUE;
      value = negative ? -value : value;
      token->param = (int) CLAMP (value, G_MININT, G_MAXINT);
    }
  if (lexer->at < lexer->length && data[lexer->at] == ' ')
    lexer->at++;

  if (strcmp (token->word, "bin") == 0 && token->has_param && token->param > 0)
    {
      token->kind = BYLINE_RTF_BINARY;
      token->data = data + lexer->at;
      token->length = MIN ((gsize) token->param, lexer->length - lexer->at);
      lexer->at += token->length;
    }
}

static void
read_control (BylineRtfLexer *lexer,
              BylineRtfToken *token)
{
  const guint8 *data = lexer->data;
  guint8 c;

  lexer->at++;   /* the backslash */
  if (lexer->at >= lexer->length)
    {
      token->kind = BYLINE_RTF_END;
      return;
    }
  c = data[lexer->at];
  if (g_ascii_isalpha (c))
    {
      read_word (lexer, token);
      return;
    }
  lexer->at++;
  if (c == '\'' && lexer->at + 2 <= lexer->length
      && g_ascii_isxdigit (data[lexer->at]) && g_ascii_isxdigit (data[lexer->at + 1]))
    {
      token->kind = BYLINE_RTF_BYTE;
      token->byte = (guint8) (g_ascii_xdigit_value (data[lexer->at]) << 4 | g_ascii_xdigit_value (data[lexer->at + 1]));
      lexer->at += 2;
      return;
    }
  if (c == '\r' || c == '\n')
    {
      token->kind = BYLINE_RTF_WORD;
      strcpy (token->word, "par");
      return;
    }
  token->kind = BYLINE_RTF_SYMBOL;
  token->word[0] = (char) c;
  token->word[1] = '\0';
}

void
_byline_rtf_lexer_next (BylineRtfLexer *lexer,
                        BylineRtfToken *token)
{
  const guint8 *data = lexer->data;
  gsize start;

  memset (token, 0, sizeof *token);
  while (lexer->at < lexer->length && (data[lexer->at] == '\r' || data[lexer->at] == '\n'))
    lexer->at++;
  if (lexer->at >= lexer->length)
    {
      token->kind = BYLINE_RTF_END;
      return;
    }
  switch (data[lexer->at])
    {
    case '{':
      token->kind = BYLINE_RTF_OPEN;
      lexer->at++;
      return;
    case '}':
      token->kind = BYLINE_RTF_CLOSE;
      lexer->at++;
      return;
    case '\\':
      read_control (lexer, token);
      return;
    default:
      break;
    }
  start = lexer->at;
  while (lexer->at < lexer->length && strchr ("{}\\\r\n", data[lexer->at]) == NULL)
    lexer->at++;
  /* A NUL is no text, and strchr() finds it in its set: one byte on. */
  if (lexer->at == start)
    lexer->at++;
  token->kind = BYLINE_RTF_TEXT;
  token->data = data + start;
  token->length = lexer->at - start;
}
