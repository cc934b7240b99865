/* byline-html-export.c — an article as clean HTML5 and as plain text
 *
 * The HTML is what a reader or a CMS should get: an <article> with the headline
 * in <h1>, the dateline and the lead (class "dateline", "lead"), the body, and
 * the byline last (class "byline"); pictures are <figure> with the caption and a
 * <span class="credit">.  Nothing else: no styles, no scripts, no ids.  The
 * importer reads these classes back, so HTML → article → HTML is stable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include <string.h>

#include "byline-article.h"
#include "byline-body.h"
#include "byline-html-private.h"
#include "byline-text.h"
#include "byline-image.h"

/* ------------------------------------------------------------------ shared */

gboolean
_byline_html_href_is_safe (const char *href)
{
  static const char *schemes[] = { "http://", "https://", "mailto:" };
  gboolean known = FALSE;

  if (href == NULL || *href == '\0' || !g_utf8_validate (href, -1, NULL))
    return FALSE;

  for (const char *p = href; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == 0xA0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_ascii_strncasecmp (href, schemes[i], strlen (schemes[i])) == 0)
      {
        known = TRUE;
        /* A web link needs a host: "http:///x" or "https://" alone is not one. */
        if (i < 2)
          {
            const char *host = href + strlen (schemes[i]);
            if (*host == '\0' || *host == '/' || *host == '?' || *host == '#')
              return FALSE;
          }
        else if (href[strlen (schemes[i])] == '\0')
          return FALSE;
      }
  return known;
}

static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      default: g_string_append_c (out, *p);
      }
}

/* ------------------------------------------------------------ inline spans */

static void
open_tag (GString          *out,
          const BylineSpan *span)
{
  switch (span->kind)
    {
    case BYLINE_SPAN_BOLD: g_string_append (out, "<strong>"); break;
    case BYLINE_SPAN_ITALIC: g_string_append (out, "<em>"); break;
    case BYLINE_SPAN_LINK:
      g_string_append (out, "<a href=\"");
      append_escaped (out, span->href, -1);
      g_string_append (out, "\">");
      break;
    default: g_assert_not_reached ();
    }
}

static void
close_tag (GString          *out,
           const BylineSpan *span)
{
  switch (span->kind)
    {
    case BYLINE_SPAN_BOLD: g_string_append (out, "</strong>"); break;
    case BYLINE_SPAN_ITALIC: g_string_append (out, "</em>"); break;
    case BYLINE_SPAN_LINK: g_string_append (out, "</a>"); break;
    default: g_assert_not_reached ();
    }
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/* Spans may overlap (bold over half of an italic run): the text is cut at
 * every span edge, and at each cut the tags that end are closed, together with
 * whatever was opened inside them, which is then opened again.  Tags that open
 * together open longest first, so that they nest the way a writer would. */
void
_byline_html_append_inline (GString           *out,
                            const BylineBlock *block)
{
  const char *text = byline_block_get_text (block);
  guint length = byline_block_get_length (block);
  guint n_spans = 0;
  const BylineSpan *spans = byline_block_get_spans (block, &n_spans);
  g_autoptr(GPtrArray) usable = g_ptr_array_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *at = text;
  guint at_offset = 0;

  for (guint i = 0; i < n_spans; i++)
    {
      const BylineSpan *span = &spans[i];

      if (span->start >= span->end || span->end > length)
        continue;
      if (span->kind == BYLINE_SPAN_LINK && !_byline_html_href_is_safe (span->href))
        continue;
      g_ptr_array_add (usable, (gpointer) span);
      g_array_append_val (cuts, span->start);
      g_array_append_val (cuts, span->end);
    }

  if (usable->len == 0)
    {
      append_escaped (out, text, -1);
      return;
    }

  g_array_append_val (cuts, length);
  g_array_sort (cuts, compare_guint);

  for (guint c = 0; c < cuts->len; c++)
    {
      guint cut = g_array_index (cuts, guint, c);
      guint next = G_MAXUINT;
      g_autoptr(GPtrArray) opening = g_ptr_array_new ();
      guint keep = 0;

      if (c > 0 && cut == g_array_index (cuts, guint, c - 1))
        continue;

      /* Text before this cut. */
      if (cut > at_offset)
        {
          const char *to = g_utf8_offset_to_pointer (at, cut - at_offset);
          append_escaped (out, at, to - at);
          at = to;
          at_offset = cut;
        }

      for (guint k = c + 1; k < cuts->len; k++)
        if (g_array_index (cuts, guint, k) > cut)
          {
            next = g_array_index (cuts, guint, k);
            break;
          }

      /* Close from the first open tag that does not cover [cut, next). */
      while (keep < stack->len)
        {
          const BylineSpan *span = g_ptr_array_index (stack, keep);
          if (next == G_MAXUINT || span->end < next)
            break;
          keep++;
        }
      while (stack->len > keep)
        {
          close_tag (out, g_ptr_array_index (stack, stack->len - 1));
          g_ptr_array_remove_index (stack, stack->len - 1);
        }
      if (next == G_MAXUINT)
        break;

      for (guint i = 0; i < usable->len; i++)
        {
          const BylineSpan *span = g_ptr_array_index (usable, i);
          gboolean open = FALSE;

          if (span->start > cut || span->end < next)
            continue;
          for (guint k = 0; k < stack->len && !open; k++)
            open = g_ptr_array_index (stack, k) == span;
          if (!open)
            g_ptr_array_add (opening, (gpointer) span);
        }
      /* Longest first; the order in the block breaks ties. */
      for (guint i = 1; i < opening->len; i++)
        for (guint k = i; k > 0; k--)
          {
            const BylineSpan *a = g_ptr_array_index (opening, k - 1);
            const BylineSpan *b = g_ptr_array_index (opening, k);
            if (a->end >= b->end)
              break;
            opening->pdata[k - 1] = (gpointer) b;
            opening->pdata[k] = (gpointer) a;
          }
      for (guint i = 0; i < opening->len; i++)
        {
          open_tag (out, g_ptr_array_index (opening, i));
          g_ptr_array_add (stack, g_ptr_array_index (opening, i));
        }
    }

  append_escaped (out, at, -1);
}

/* ------------------------------------------------------------------- HTML */

static void
append_figure (GString                 *out,
               BylineImage             *image,
               const BylineHtmlOptions *options)
{
  const char *media_base = options != NULL && options->media_base != NULL
                           ? options->media_base : "media/";
  const char *caption = byline_image_get_caption (image);
  const char *credit = byline_image_get_credit (image);
  const char *alt = byline_image_get_alt_text (image);
  gboolean has_caption = caption != NULL && *caption;
  gboolean has_credit = credit != NULL && *credit;

  g_string_append (out, byline_image_get_featured (image)
                        ? "<figure class=\"featured\">\n" : "<figure>\n");
  g_string_append (out, "<img src=\"");
  append_escaped (out, media_base, -1);
  append_escaped (out, byline_image_get_sha256 (image), -1);
  g_string_append_c (out, '.');
  append_escaped (out, byline_media_type_to_extension (byline_image_get_media_type (image)), -1);
  g_string_append (out, "\" alt=\"");
  append_escaped (out, alt != NULL ? alt : "", -1);
  g_string_append_c (out, '"');
  if (byline_image_get_width (image) > 0 && byline_image_get_height (image) > 0)
    g_string_append_printf (out, " width=\"%u\" height=\"%u\"",
                            byline_image_get_width (image), byline_image_get_height (image));
  g_string_append (out, ">\n");

  if (has_caption || has_credit)
    {
      g_string_append (out, "<figcaption>");
      if (has_caption)
        append_escaped (out, caption, -1);
      if (has_caption && has_credit)
        g_string_append_c (out, ' ');
      if (has_credit)
        {
          g_string_append (out, "<span class=\"credit\">");
          append_escaped (out, credit, -1);
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</figcaption>\n");
    }
  g_string_append (out, "</figure>\n");
}

static const char *
group_tag (BylineBlockKind kind)
{
  switch (kind)
    {
    case BYLINE_BLOCK_BULLETED_ITEM: return "ul";
    case BYLINE_BLOCK_NUMBERED_ITEM: return "ol";
    case BYLINE_BLOCK_QUOTE: return "blockquote";
    default: return NULL;
    }
}

static void
append_body (GString                 *out,
             BylineArticle           *article,
             const BylineHtmlOptions *options)
{
  BylineBody *body = byline_article_get_body (article);
  guint n_blocks = byline_body_get_n_blocks (body);
  const char *group = NULL;

  for (guint i = 0; i < n_blocks; i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);
      BylineBlockKind kind = byline_block_get_kind (block);
      BylineImage *image = NULL;

      if (kind == BYLINE_BLOCK_IMAGE)
        {
          image = byline_article_find_image (article, byline_block_get_image_id (block));
          if (image == NULL)
            continue;
        }
      /* An empty paragraph is a writer's spare line, not content. */
      else if (*byline_block_get_text (block) == '\0')
        continue;

      /* Consecutive list items make one list, consecutive quote paragraphs
       * one quotation. */
      if (group != NULL && g_strcmp0 (group, group_tag (kind)) != 0)
        {
          g_string_append_printf (out, "</%s>\n", group);
          group = NULL;
        }
      if (group == NULL && group_tag (kind) != NULL)
        {
          group = group_tag (kind);
          g_string_append_printf (out, "<%s>\n", group);
        }

      switch (kind)
        {
        case BYLINE_BLOCK_PARAGRAPH:
          g_string_append (out, "<p>");
          _byline_html_append_inline (out, block);
          g_string_append (out, "</p>\n");
          break;
        case BYLINE_BLOCK_HEADING1:
        case BYLINE_BLOCK_HEADING2:
          g_string_append (out, kind == BYLINE_BLOCK_HEADING1 ? "<h2>" : "<h3>");
          _byline_html_append_inline (out, block);
          g_string_append (out, kind == BYLINE_BLOCK_HEADING1 ? "</h2>\n" : "</h3>\n");
          break;
        case BYLINE_BLOCK_QUOTE:
          g_string_append (out, "<p>");
          _byline_html_append_inline (out, block);
          g_string_append (out, "</p>\n");
          break;
        case BYLINE_BLOCK_BULLETED_ITEM:
        case BYLINE_BLOCK_NUMBERED_ITEM:
          g_string_append (out, "<li>");
          _byline_html_append_inline (out, block);
          g_string_append (out, "</li>\n");
          break;
        case BYLINE_BLOCK_IMAGE:
          append_figure (out, image, options);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (group != NULL)
    g_string_append_printf (out, "</%s>\n", group);
}

static void
append_plain_paragraph (GString    *out,
                        const char *class_name,
                        const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append_printf (out, "<p class=\"%s\">", class_name);
  append_escaped (out, text, -1);
  g_string_append (out, "</p>\n");
}

char *
byline_html_export_body (BylineArticle           *article,
                         const BylineHtmlOptions *options)
{
  GString *out;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  out = g_string_new (NULL);
  append_body (out, article, options);
  return g_string_free (out, FALSE);
}

char *
byline_html_export (BylineArticle           *article,
                    const BylineHtmlOptions *options)
{
  const char *headline, *language;
  g_autofree char *lead = NULL;
  g_autofree char *byline = NULL;
  gboolean fragment;
  GString *out;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  fragment = options != NULL && options->fragment;
  headline = byline_article_get_headline (article);
  language = byline_article_get_language (article);
  if (language == NULL || *language == '\0')
    language = "vi";
  lead = byline_text_prefix_lead (byline_article_get_lead (article),
                                   byline_article_get_source_prefix (article));
  byline = byline_article_dup_byline (article);

  out = g_string_new (NULL);
  if (!fragment)
    {
      g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
      append_escaped (out, language, -1);
      g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
      append_escaped (out, headline != NULL ? headline : "", -1);
      g_string_append (out, "</title>\n</head>\n<body>\n");
    }

  g_string_append (out, "<article>\n");
  if (headline != NULL && *headline)
    {
      g_string_append (out, "<h1>");
      append_escaped (out, headline, -1);
      g_string_append (out, "</h1>\n");
    }
  append_plain_paragraph (out, "dateline", byline_article_get_dateline (article));
  append_plain_paragraph (out, "lead", lead);
  append_body (out, article, options);
  append_plain_paragraph (out, "byline", byline);
  g_string_append (out, "</article>\n");

  if (!fragment)
    g_string_append (out, "</body>\n</html>\n");

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------- plain text */

static void
start_paragraph (GString *out)
{
  if (out->len > 0)
    g_string_append (out, "\n\n");
}

char *
byline_text_export (BylineArticle *article)
{
  BylineBody *body;
  const char *headline, *language;
  const char *picture;
  g_autofree char *lead = NULL;
  g_autofree char *byline = NULL;
  BylineBlockKind previous = BYLINE_BLOCK_PARAGRAPH;
  guint number = 0;
  GString *out;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  body = byline_article_get_body (article);
  headline = byline_article_get_headline (article);
  language = byline_article_get_language (article);
  picture = language == NULL || *language == '\0' || g_str_has_prefix (language, "vi")
            ? "Ảnh" : "Photo";
  lead = byline_text_prefix_lead (byline_article_get_lead (article),
                                   byline_article_get_source_prefix (article));
  byline = byline_article_dup_byline (article);

  out = g_string_new (NULL);
  if (headline != NULL && *headline)
    g_string_append (out, headline);
  if (*lead)
    {
      start_paragraph (out);
      g_string_append (out, lead);
    }

  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);
      BylineBlockKind kind = byline_block_get_kind (block);
      const char *text = byline_block_get_text (block);

      if (kind == BYLINE_BLOCK_IMAGE)
        {
          BylineImage *image = byline_article_find_image (article, byline_block_get_image_id (block));
          const char *caption, *credit;

          if (image == NULL)
            continue;
          caption = byline_image_get_caption (image);
          credit = byline_image_get_credit (image);
          start_paragraph (out);
          g_string_append_printf (out, "[%s", picture);
          if (caption != NULL && *caption)
            g_string_append_printf (out, ": %s", caption);
          if (credit != NULL && *credit)
            g_string_append_printf (out, " — %s", credit);
          g_string_append_c (out, ']');
        }
      else if (*text == '\0')
        continue;
      else if (kind == BYLINE_BLOCK_BULLETED_ITEM || kind == BYLINE_BLOCK_NUMBERED_ITEM)
        {
          /* The items of one list stay together, one a line. */
          if (kind == previous && out->len > 0)
            g_string_append_c (out, '\n');
          else
            start_paragraph (out);
          if (kind != previous)
            number = 0;
          if (kind == BYLINE_BLOCK_BULLETED_ITEM)
            g_string_append_printf (out, "- %s", text);
          else
            g_string_append_printf (out, "%u. %s", ++number, text);
        }
      else
        {
          start_paragraph (out);
          g_string_append (out, text);
        }
      previous = kind;
    }

  if (*byline)
    {
      start_paragraph (out);
      g_string_append (out, byline);
    }
  if (out->len > 0)
    g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}
