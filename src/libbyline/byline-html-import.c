/* byline-html-import.c — a saved web page as a new draft, pasted HTML into a body
 *
 * libxml2's HTML parser builds the tree: it recovers from any markup, never
 * touches the network (HTML_PARSE_NONET), and without HTML_PARSE_HUGE it keeps
 * its own limits (nesting stops at 256 levels).  The tree is then walked by
 * byline-html-walker.c, which keeps only what the body model has.
 *
 * Around the body, a news page says what the rest of the article is: the
 * headline is the first <h1> (else og:title, else <title>), the lead an element
 * of class "lead" or "sapo" (else a first paragraph credited like "(BLC) - ",
 * else the meta description), the byline one of class "byline" or "author"
 * (else meta author), the dateline one of class "dateline"; the language comes
 * from <html lang>.  When the first <h1> sits inside an <article>, only that
 * article is read, which leaves menus, related stories and comments out;
 * else the page is read from its <h1> to the end of the element that holds
 * the story's text (byline-html-main-text.c).
 *
 * Character set: a BOM or a declared charset (<meta charset>, http-equiv) is
 * honoured; a page that declares none is UTF-8 when its bytes are, and
 * windows-1252 otherwise, as browsers do.  Whatever comes out is normalized
 * (NFC, valid UTF-8) before it reaches the model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <libxml/HTMLparser.h>
#include <string.h>

#include "byline-article.h"
#include "byline-body.h"
#include "byline-error.h"
#include "byline-html-private.h"
#include "byline-html-walker-private.h"
#include "byline-text.h"

#define PARSE_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

typedef struct
{
  xmlNode *root;         /* where the walk starts */
  gboolean has_h1;       /* an <h1> inside it */
  xmlNode *h1;           /* the first */
  char    *title;
  char    *og_title;
  char    *description;
  char    *author;
  char    *language;
  GPtrArray *sheets;     /* its <style> elements (xmlNode, not owned) */
} Page;

static void
page_clear (Page *page)
{
  g_free (page->title);
  g_free (page->og_title);
  g_free (page->description);
  g_free (page->author);
  g_free (page->language);
  g_clear_pointer (&page->sheets, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Page, page_clear)

static gboolean
is_name (xmlNode    *node,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static void
set_meta (char       **field,
          const char  *value)
{
  if (*field == NULL && value != NULL)
    {
      *field = byline_text_normalize_line (value, -1);
      if (**field == '\0')
        g_clear_pointer (field, g_free);
    }
}

/* "vi", "vi-VN", "en": a language tag, not whatever a page puts in lang. */
static gboolean
is_language_tag (const char *tag)
{
  gsize length = strlen (tag);

  if (length < 2 || length > 35 || !g_ascii_isalpha (tag[0]) || !g_ascii_isalpha (tag[1]))
    return FALSE;
  for (const char *p = tag; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* One pass over the whole tree, without recursion, for what the <head> says
 * and for the element the walk should start from. */
static void
scan_page (xmlDoc *doc,
           Page   *page)
{
  xmlNode *top = xmlDocGetRootElement (doc);
  xmlNode *body = NULL, *first_h1 = NULL;
  xmlNode *node = top;

  page->sheets = g_ptr_array_new ();

  while (node != NULL)
    {
      gboolean descend = node->type == XML_ELEMENT_NODE;

      if (is_name (node, "html") && page->language == NULL)
        {
          const char *lang = _byline_html_get_attr (node, "lang");
          if (lang != NULL && is_language_tag (lang))
            page->language = g_strdup (lang);
        }
      else if (is_name (node, "body") && body == NULL)
        body = node;
      else if (is_name (node, "h1") && first_h1 == NULL)
        first_h1 = node;
      else if (is_name (node, "title") && page->title == NULL)
        {
          xmlChar *text = xmlNodeGetContent (node);
          set_meta (&page->title, (const char *) text);
          xmlFree (text);
          descend = FALSE;
        }
      else if (is_name (node, "meta"))
        {
          const char *name = _byline_html_get_attr (node, "name");
          const char *property = _byline_html_get_attr (node, "property");
          const char *content = _byline_html_get_attr (node, "content");
          const char *key = property != NULL ? property : name;

          if (key == NULL)
            ;
          else if (g_ascii_strcasecmp (key, "og:title") == 0)
            set_meta (&page->og_title, content);
          else if (g_ascii_strcasecmp (key, "description") == 0
                   || g_ascii_strcasecmp (key, "og:description") == 0)
            set_meta (&page->description, content);
          else if (g_ascii_strcasecmp (key, "author") == 0)
            set_meta (&page->author, content);
        }
      else if (is_name (node, "script") || is_name (node, "style") || is_name (node, "template"))
        {
          /* A style sheet may say a TCVN3 font (byline-html-fonts.c). */
          if (is_name (node, "style"))
            g_ptr_array_add (page->sheets, node);
          descend = FALSE;
        }

      if (descend && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      while (node != top && node->next == NULL)
        node = node->parent;
      if (node == top)
        break;
      node = node->next;
    }

  page->root = body != NULL ? body : top;
  for (xmlNode *up = first_h1; up != NULL && up != top; up = up->parent)
    if (is_name (up, "article"))
      {
        page->root = up;
        break;
      }
  for (xmlNode *up = first_h1; up != NULL && !page->has_h1; up = up->parent)
    page->has_h1 = up == page->root;
  page->h1 = first_h1;
}

static gboolean
declares_charset (const char *data,
                  gsize       length)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (length, 4096));
  return strstr (head, "charset") != NULL;
}

/* Word writes "<![if !supportLists]>…<![endif]>" around its typed bullets: only
 * Internet Explorer knew them, and libxml2 would keep them as text.  NULL when
 * there are none. */
static char *
strip_word_conditionals (const char *data,
                         gsize       length,
                         gsize      *new_length)
{
  const char *end = data + length;
  const char *copied = data;   /* what is before this is in @out */
  const char *p = data;
  GString *out = NULL;

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      const char *close;
      gboolean marker = end - p >= 6 && memcmp (p, "<![", 3) == 0
                        && (g_ascii_strncasecmp (p + 3, "if", 2) == 0
                            || (end - p >= 8 && g_ascii_strncasecmp (p + 3, "endif", 5) == 0));

      /* "<![endif]-->" ends a comment, and stays. */
      if (!marker || (close = memchr (p, '>', MIN (end - p, 256))) == NULL || close[-1] != ']')
        {
          p++;
          continue;
        }
      if (out == NULL)
        out = g_string_sized_new (length);
      g_string_append_len (out, copied, p - copied);
      copied = p = close + 1;
    }

  if (out == NULL)
    return NULL;
  g_string_append_len (out, copied, end - copied);
  *new_length = out->len;
  return g_string_free (out, FALSE);
}

/* Parses @data (not NUL-terminated) as HTML in the right character set. */
static xmlDoc *
parse_html (const char  *data,
            gsize        length,
            const char  *name,
            GError     **error)
{
  g_autofree char *converted = NULL;
  g_autofree char *stripped = NULL;
  const char *encoding;
  gsize stripped_length = 0;
  xmlDoc *doc;

  if (length >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE)
      && ((guchar) data[1] == 0xFE || (guchar) data[1] == 0xFF) && data[0] != data[1])
    {
      gsize written = 0;

      converted = g_convert (data, length, "UTF-8", "UTF-16", NULL, &written, NULL);
      if (converted == NULL)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                       _("%s: not valid UTF-16 text"), name);
          return NULL;
        }
      data = converted;
      length = written;
      encoding = "UTF-8";
    }
  else if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    encoding = "UTF-8";
  else if (declares_charset (data, length))
    encoding = NULL;
  else if (g_utf8_validate_len (data, length, NULL))
    encoding = "UTF-8";
  else
    encoding = "windows-1252";

  if ((stripped = strip_word_conditionals (data, length, &stripped_length)) != NULL)
    {
      data = stripped;
      length = stripped_length;
    }
  doc = htmlReadMemory (data, (int) length, name, encoding, PARSE_OPTIONS);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                   _("%s: no HTML document could be read"), name);
    }
  return doc;
}

static gboolean
check_input (const char  *data,
             gsize        length,
             const char  *name,
             GError     **error)
{
  gboolean utf16 = length >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE);

  if (length > BYLINE_HTML_MAX_INPUT)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE,
                   _("%s: %lu bytes is over the limit of %d MiB for HTML"),
                   name, (unsigned long) length, BYLINE_HTML_MAX_INPUT / (1024 * 1024));
      return FALSE;
    }
  if (!utf16 && memchr (data, '\0', MIN (length, 8192)) != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s: binary data, not HTML"), name);
      return FALSE;
    }
  return TRUE;
}

static void
set_authors (BylineArticle *article,
             const char    *byline)
{
  g_auto(GStrv) parts = g_strsplit (byline, ",", 32);
  g_autoptr(GPtrArray) authors = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]))
      g_ptr_array_add (authors, parts[i]);
  g_ptr_array_add (authors, NULL);
  if (authors->len > 1)
    byline_article_set_authors (article, (const char * const *) authors->pdata);
}

/* A page without a marked lead often opens with a paragraph credited like
 * "(BLC) - ": that is its lead. */
static char *
take_credited_first_paragraph (BylineBody *body)
{
  const BylineBlock *first;
  g_autofree char *prefix = NULL;
  char *lead;

  if (byline_body_get_n_blocks (body) == 0)
    return NULL;
  first = byline_body_get_block (body, 0);
  if (byline_block_get_kind (first) != BYLINE_BLOCK_PARAGRAPH)
    return NULL;
  prefix = _byline_parse_source_prefix (byline_block_get_text (first));
  if (prefix == NULL)
    return NULL;
  lead = g_strdup (byline_block_get_text (first));
  byline_body_remove_block (body, 0);
  return lead;
}

/* Parses @bytes, named @name, and walks the page into @article's body, its
 * local pictures attached from @folder: TRUE with @w to read (the caller
 * clears it; @doc and @page go with it), FALSE with nothing to clear.  In a
 * @story's page, text before the headline is the page's, not the story's:
 * breadcrumbs, the section name, the date (pictures there are kept). */
static gboolean
walk_page (GBytes         *bytes,
           const char     *name,
           GFile          *folder,
           BylineArticle  *article,
           gboolean        story,
           gboolean        document,
           xmlDoc        **doc,
           Page           *page,
           Walker         *w,
           GError        **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!check_input (data, length, name, error))
    return FALSE;
  if ((*doc = parse_html (data, length, name, error)) == NULL)
    return FALSE;
  scan_page (*doc, page);

  _byline_walker_init (w, article, byline_article_get_body (article), 0, folder);
  w->source_name = name;
  w->document = document;
  w->font_rules = _byline_html_font_rules_of (page->sheets);
  w->keep_legacy = _byline_walker_keeps_legacy (data, length, page->root, w->font_rules);
  w->skip_text = story && page->has_h1;
  /* A story's page with no <article> around its headline: read up to the
   * end of the story's text, not the related stories and comments after. */
  if (story && page->has_h1 && !is_name (page->root, "article"))
    w->last = _byline_html_find_story_text (page->root, page->h1);
  _byline_walker_run (w, page->root);
  if (w->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&w->error));
      _byline_walker_clear (w);
      return FALSE;
    }
  return TRUE;
}

/* The text of @body's first text block, taken out of it; NULL if none. */
static char *
take_first_paragraph (BylineBody *body)
{
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);
      char *text;

      if (!byline_block_kind_is_text (byline_block_get_kind (block)))
        continue;
      text = g_strdup (byline_block_get_text (block));
      byline_body_remove_block (body, i);
      return text;
    }
  return NULL;
}

/* With @selection, a story selected on a page: with no <h1>, its first
 * paragraph is the headline (a selection has no <title>). */
static BylineArticle *
import_page (GBytes      *bytes,
             const char  *source_name,
             GFile       *base_folder,
             gboolean     selection,
             gboolean     document,
             GError     **error)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_auto(Page) page = { 0 };
  g_autofree char *lead = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *first = NULL;
  const char *name = source_name != NULL ? source_name : "HTML";
  const char *headline;
  BylineBody *body;
  Walker w;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (base_folder == NULL || G_IS_FILE (base_folder), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  article = byline_article_new ();
  body = byline_article_get_body (article);
  if (!walk_page (bytes, name, base_folder, article, TRUE, document, &doc, &page, &w, error))
    return NULL;

  headline = w.headline ? w.headline : page.og_title ? page.og_title : page.title;
  if (headline == NULL && selection)
    headline = first = take_first_paragraph (body);
  if (w.lead != NULL)
    lead = g_strdup (w.lead);
  else if ((lead = take_credited_first_paragraph (body)) == NULL)
    lead = g_strdup (page.description);

  if (headline == NULL && lead == NULL && byline_body_get_n_blocks (body) == 0)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                   _("%s: no article text found in the page"), name);
      _byline_walker_clear (&w);
      return NULL;
    }

  byline_article_set_headline (article, headline);
  if (lead != NULL)
    {
      byline_article_set_lead (article, lead);
      if ((prefix = _byline_parse_source_prefix (lead)) != NULL)
        byline_article_set_source_prefix (article, prefix);
    }
  if (w.byline != NULL || page.author != NULL)
    set_authors (article, w.byline ? w.byline : page.author);
  if (w.dateline != NULL)
    byline_article_set_dateline (article, w.dateline);
  if (page.language != NULL)
    byline_article_set_language (article, page.language);
  /* A story selected whole: the name closing it is its byline, as when a
   * document is opened (byline_import_read_full() does it for those). */
  if (selection)
    byline_article_take_byline_paragraph (article);

  _byline_walker_clear (&w);
  return g_steal_pointer (&article);
}

BylineArticle *
byline_html_import (GBytes      *bytes,
                    const char  *source_name,
                    GFile       *base_folder,
                    GError     **error)
{
  return import_page (bytes, source_name, base_folder, FALSE, FALSE, error);
}

BylineArticle *
byline_html_import_selection (GBytes  *bytes,
                              GError **error)
{
  return import_page (bytes, _("Pasted Text"), NULL, TRUE, FALSE, error);
}

BylineArticle *
_byline_html_import_selection (GBytes      *bytes,
                               const char  *display,
                               GFile       *folder,
                               GError     **error)
{
  return import_page (bytes, display, folder, TRUE, FALSE, error);
}

static BylineArticle *
import_piece (GBytes      *bytes,
              const char  *display,
              GFile       *folder,
              gboolean     document,
              GError     **error)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(xmlDoc) doc = NULL;
  g_auto(Page) page = { 0 };
  Walker w;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display != NULL, NULL);

  if (!walk_page (bytes, display, folder, article, FALSE, document, &doc, &page, &w, error))
    return NULL;
  _byline_walker_clear (&w);
  return g_steal_pointer (&article);
}

BylineArticle *
_byline_html_import_piece (GBytes      *bytes,
                           const char  *display,
                           GFile       *folder,
                           GError     **error)
{
  return import_piece (bytes, display, folder, FALSE, error);
}

BylineArticle *
_byline_html_import_document (GBytes      *bytes,
                              const char  *display,
                              GFile       *folder,
                              gboolean     piece,
                              GError     **error)
{
  if (piece)
    return import_piece (bytes, display, folder, TRUE, error);
  return import_page (bytes, display, folder, FALSE, TRUE, error);
}

guint
byline_html_paste (BylineBody *body,
                   guint       index,
                   const char *html,
                   gssize      length)
{
  return byline_html_paste_full (body, index, html, length, NULL);
}

guint
byline_html_paste_full (BylineBody *body,
                        guint       index,
                        const char *html,
                        gssize      length,
                        guint      *n_pictures)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  xmlNode *root = NULL;
  guint inserted;
  Walker w;

  g_return_val_if_fail (BYLINE_IS_BODY (body), 0);
  g_return_val_if_fail (html != NULL || length == 0, 0);

  if (n_pictures != NULL)
    *n_pictures = 0;
  if (length < 0)
    length = strlen (html);
  if (length == 0)
    return 0;

  /* The clipboard format of Windows puts a header of offsets before the HTML. */
  if (length >= 8 && memcmp (html, "Version:", 8) == 0)
    {
      const char *tag = memchr (html, '<', length);
      if (tag == NULL)
        return 0;
      length -= tag - html;
      html = tag;
    }

  if (!check_input (html, length, "pasted HTML", &error)
      || (doc = parse_html (html, length, "pasted HTML", &error)) == NULL)
    {
      g_debug ("Not pasted: %s", error->message);
      return 0;
    }

  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    if (is_name (node, "body"))
      root = node;
  if (root == NULL)
    root = xmlDocGetRootElement (doc);

  _byline_walker_init (&w, NULL, body, MIN (index, byline_body_get_n_blocks (body)), NULL);
  /* Pasted from a document typed in TCVN3: its font is in the sheet. */
  w.font_rules = _byline_html_font_rules (xmlDocGetRootElement (doc));
  w.keep_legacy = _byline_walker_keeps_legacy (html, length, root, w.font_rules);
  _byline_walker_run (&w, root);
  inserted = w.n_inserted;
  if (n_pictures != NULL)
    *n_pictures = w.n_pictures_left;
  _byline_walker_clear (&w);
  return inserted;
}
