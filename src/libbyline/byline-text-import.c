/* byline-text-import.c — plain text as a new draft, and telling HTML from text
 *
 * The text a reporter mails in: the first line is the headline, blank lines
 * separate paragraphs, and the lines of one paragraph are joined with a space
 * (mail clients wrap them).  A paragraph right after the headline credited like
 * "(BLC) - " is the lead.  A paragraph whose every line starts with "- ", "* "
 * or "• " is a bulleted list, one with "1. " or "1) " a numbered one: what
 * byline_text_export() writes comes back the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "byline-article.h"
#include "byline-body.h"
#include "byline-error.h"
#include "byline-html-private.h"
#include "byline-text.h"

/* ------------------------------------------------------------ source prefix */

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2013 || c == 0x2014;
}

char *
_byline_parse_source_prefix (const char *lead)
{
  const char *open, *close, *p;
  g_autofree char *inner = NULL;
  gboolean letter = FALSE;

  if (lead == NULL)
    return NULL;
  open = lead;
  while (g_ascii_isspace (*open))
    open++;
  if (*open != '(')
    return NULL;
  close = strchr (open, ')');
  /* "(TTXVN)", "(Chinhphu.vn)", "(Dân trí)": a name, not a sentence. */
  if (close == NULL || close == open + 1 || g_utf8_strlen (open + 1, close - open - 1) > 24)
    return NULL;

  for (p = open + 1; p < close; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        letter = TRUE;
      else if (!g_unichar_isdigit (c) && c != ' ' && c != '.' && c != '-' && c != '&')
        return NULL;
    }
  if (!letter)
    return NULL;

  p = close + 1;
  while (*p == ' ')
    p++;
  if (!is_dash (g_utf8_get_char (p)))
    return NULL;
  p = g_utf8_next_char (p);
  if (*p != ' ' && *p != '\0')
    return NULL;

  inner = g_strndup (open + 1, close - open - 1);
  return g_strdup (g_strstrip (inner));
}

/* -------------------------------------------------------------------- sniff */

gboolean
byline_html_sniff (GBytes *bytes)
{
  static const char *tags[] = {
    "!doctype html", "html", "head", "body", "meta", "title", "article", "p", "div",
    "h1", "h2", "h3", "ul", "ol", "table", "span", "br", "b", "i", "a", "strong", "em",
    "figure", "img", "section", "blockquote",
  };
  const char *data, *p, *end;
  gsize length;

  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    return FALSE;
  end = data + MIN (length, 1024);
  p = data;
  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  /* HTML starts with markup; text that mentions a tag later is still text. */
  if (p >= end || *p != '<')
    return FALSE;

  for (; p < end; p++)
    {
      if (*p != '<')
        continue;
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        return TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
        {
          gsize n = strlen (tags[i]);
          const char *after = p + 1 + n;

          if (after < end && g_ascii_strncasecmp (p + 1, tags[i], n) == 0
              && (g_ascii_isspace (*after) || *after == '>' || *after == '/'))
            return TRUE;
        }
    }
  return FALSE;
}

/* ---------------------------------------------------------------- the text */

/* The text of a list item line without its marker, or NULL if it has none. */
static const char *
strip_marker (const char      *line,
              BylineBlockKind  kind)
{
  const char *p = line;

  if (kind == BYLINE_BLOCK_BULLETED_ITEM)
    {
      if (g_str_has_prefix (p, "- ") || g_str_has_prefix (p, "* "))
        return p + 2;
      if (g_str_has_prefix (p, "• "))
        return p + strlen ("• ");
      return NULL;
    }

  while (g_ascii_isdigit (*p) && p - line < 3)
    p++;
  if (p == line || (*p != '.' && *p != ')') || p[1] != ' ')
    return NULL;
  return p + 2;
}

static gboolean
all_lines_are_items (char            **lines,
                     BylineBlockKind   kind)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (strip_marker (lines[i], kind) == NULL)
      return FALSE;
  return TRUE;
}

static void
add_paragraph (BylineArticle  *article,
               char          **lines,
               gboolean       *lead_allowed)
{
  BylineBody *body = byline_article_get_body (article);
  static const BylineBlockKind list_kinds[] = { BYLINE_BLOCK_BULLETED_ITEM, BYLINE_BLOCK_NUMBERED_ITEM };
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;
  g_autofree char *prefix = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (list_kinds); k++)
    if (all_lines_are_items (lines, list_kinds[k]))
      {
        for (guint i = 0; lines[i] != NULL; i++)
          {
            g_autofree char *item = byline_text_normalize_line (strip_marker (lines[i], list_kinds[k]), -1);
            byline_body_append_block (body, list_kinds[k], item);
          }
        *lead_allowed = FALSE;
        return;
      }

  joined = g_strjoinv (" ", lines);
  text = byline_text_normalize_line (joined, -1);
  if (*lead_allowed && (prefix = _byline_parse_source_prefix (text)) != NULL)
    {
      byline_article_set_lead (article, text);
      byline_article_set_source_prefix (article, prefix);
    }
  else
    byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, text);
  *lead_allowed = FALSE;
}

BylineArticle *
byline_text_import (GBytes      *bytes,
                    const char  *source_name,
                    GError     **error)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GPtrArray) paragraph = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *name = source_name != NULL ? source_name : "text";
  const char *data, *bad = NULL;
  gboolean have_headline = FALSE, lead_allowed = FALSE;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length > BYLINE_HTML_MAX_INPUT)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE,
                   _("%s: %lu bytes is over the limit of %d MiB for text"),
                   name, (unsigned long) length, BYLINE_HTML_MAX_INPUT / (1024 * 1024));
      return NULL;
    }
  if (length > 0 && memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s: binary data, not text"), name);
      return NULL;
    }
  if (length > 0 && !g_utf8_validate_len (data, length, &bad))
    {
      gsize offset = bad - data;
      guint line = 1;

      for (const char *p = data; p < bad; p++)
        line += *p == '\n';
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_UTF8,
                   _("%s:%u: not UTF-8 text: byte 0x%02X at offset %lu"),
                   name, line, (guchar) *bad, (unsigned long) offset);
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  text = byline_text_normalize (data, length);
  lines = g_strsplit (text, "\n", -1);

  article = byline_article_new ();
  paragraph = g_ptr_array_new ();
  for (guint i = 0; ; i++)
    {
      const char *line = lines[i];

      if (line == NULL || byline_text_is_blank (line))
        {
          if (paragraph->len > 0)
            {
              g_ptr_array_add (paragraph, NULL);
              add_paragraph (article, (char **) paragraph->pdata, &lead_allowed);
              g_ptr_array_set_size (paragraph, 0);
            }
          if (line == NULL)
            break;
          continue;
        }

      g_strstrip (lines[i]);
      if (!have_headline)
        {
          g_autofree char *headline = byline_text_normalize_line (line, -1);

          byline_article_set_headline (article, headline);
          have_headline = TRUE;
          lead_allowed = TRUE;
          continue;
        }
      g_ptr_array_add (paragraph, lines[i]);
    }

  if (!have_headline)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                   "%s: no text in the file", name);
      return NULL;
    }
  return g_steal_pointer (&article);
}

char *
byline_text_prepare_pasted_story (const char *text)
{
  g_autofree char *normal = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) paragraphs = NULL;
  guint n_lines = 0, n_groups = 0;
  gboolean blank_between = FALSE, in_group = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  normal = byline_text_normalize (text, -1);
  lines = g_strsplit (normal, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (byline_text_is_blank (lines[i]))
        {
          blank_between = blank_between || n_lines > 0;
          in_group = FALSE;
          continue;
        }
      n_lines++;
      if (!in_group)
        n_groups++;
      in_group = TRUE;
      g_strv_builder_add (kept, lines[i]);
    }
  /* A blank line after the last one parts nothing. */
  if (blank_between && n_groups < 2)
    blank_between = FALSE;

  if (blank_between)
    return n_groups >= 2 ? g_steal_pointer (&normal) : NULL;
  if (n_lines < 3)
    return NULL;
  paragraphs = g_strv_builder_end (kept);
  return g_strjoinv ("\n\n", paragraphs);
}

