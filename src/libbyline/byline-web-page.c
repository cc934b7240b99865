/* byline-web-page.c — a piece of a web page, with its pictures
 *
 * A story selected in a browser and pasted (or dragged) into Byline comes
 * as HTML whose pictures are the site's addresses.  They were left out:
 * "3 pictures of the page were not pasted: save them, then add them with
 * Add Pictures", and the reporter saved each by hand.  Each is downloaded
 * instead (byline-web-picture.c: limits, names from the address, pages
 * refused) into a temporary folder, the page's <img> pointed at its file
 * there, and the page read as a saved page is (byline-html-import.c), so
 * that the pictures come with their captions and credits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

#include "byline-article.h"
#include "byline-error.h"
#include "byline-html.h"
#include "byline-image.h"
#include "byline-import.h"
#include "byline-files.h"
#include "byline-html-private.h"
#include "byline-html-walker-private.h"
#include "byline-import-private.h"
#include "byline-web-page.h"
#include "byline-web-picture.h"

#define PARSE_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* The web address of @img's picture, or NULL: src, else the lazy-loading
 * pages' data-src; "//host/a.jpg" is https. */
static char *
dup_web_ref (xmlNode    *img,
             const char *base)
{
  static const char *const attributes[] = { "src", "data-src", "data-original", NULL };

  for (guint i = 0; attributes[i] != NULL; i++)
    {
      g_autofree char *ref = (char *) xmlGetProp (img, (const xmlChar *) attributes[i]);

      if (ref == NULL)
        continue;
      g_strstrip (ref);
      /* A page downloaded knows its address: "/anh/a.jpg" is on its site. */
      if (base != NULL && *ref != '\0' && g_ascii_strncasecmp (ref, "data:", 5) != 0)
        {
          g_autofree char *resolved = g_uri_resolve_relative (base, ref, G_URI_FLAGS_NONE, NULL);

          if (resolved != NULL)
            g_set_str (&ref, resolved);
        }
      if (g_str_has_prefix (ref, "//"))
        return g_strconcat ("https:", ref, NULL);
      if (g_ascii_strncasecmp (ref, "http://", 7) == 0 || g_ascii_strncasecmp (ref, "https://", 8) == 0)
        return g_steal_pointer (&ref);
      /* A placeholder (data:, empty) in src: the next attribute has it. */
      if (*ref != '\0' && g_ascii_strncasecmp (ref, "data:", 5) != 0)
        return NULL;
    }
  return NULL;
}

/* @uri when it is a web page's address, the only base pictures are read against. */
static const char *
web_base (const char *uri)
{
  if (uri != NULL && (g_ascii_strncasecmp (uri, "http://", 7) == 0 || g_ascii_strncasecmp (uri, "https://", 8) == 0))
    return uri;
  return NULL;
}

char *
byline_web_page_dup_source_uri (GBytes *data)
{
  gsize length = 0;
  const guchar *bytes;
  g_autofree char *text = NULL;
  g_autoptr(GUri) uri = NULL;
  char *end;

  g_return_val_if_fail (data != NULL, NULL);

  bytes = g_bytes_get_data (data, &length);
  if (bytes == NULL || length == 0 || length > 64 * 1024)
    return NULL;
  /* Firefox writes UTF-16, with or without its byte-order mark. */
  if (length >= 2 && bytes[0] == 0xff && bytes[1] == 0xfe)
    text = g_convert ((const char *) bytes + 2, length - 2, "UTF-8", "UTF-16LE", NULL, NULL, NULL);
  else if (length >= 2 && bytes[0] == 0xfe && bytes[1] == 0xff)
    text = g_convert ((const char *) bytes + 2, length - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);
  else if (length >= 2 && bytes[1] == 0)
    text = g_convert ((const char *) bytes, length, "UTF-8", "UTF-16LE", NULL, NULL, NULL);
  else
    text = g_strndup ((const char *) bytes, length);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  /* The address is the first line (Firefox may add the page's title). */
  if ((end = strpbrk (text, "\r\n")) != NULL)
    *end = '\0';
  g_strstrip (text);
  if (web_base (text) == NULL || (uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL)) == NULL
      || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return NULL;
  return g_uri_to_string (uri);
}

static gboolean
add_picture (xmlNode  *node,
             gpointer  pictures)
{
  if (g_ascii_strcasecmp ((const char *) node->name, "img") == 0)
    g_ptr_array_add (pictures, node);
  return TRUE;
}

static void
collect_pictures (xmlNode   *root,
                  GPtrArray *pictures)
{
  if (root != NULL)
    _byline_html_walk_elements (root, add_picture, pictures);
}

static gboolean
resolve_link (xmlNode  *node,
              gpointer  base)
{
  g_autofree char *href = NULL;
  g_autofree char *resolved = NULL;

  if (g_ascii_strcasecmp ((const char *) node->name, "a") != 0
      || (href = (char *) xmlGetProp (node, (const xmlChar *) "href")) == NULL)
    return TRUE;
  g_strstrip (href);
  /* "#comments", "javascript:…": nothing to read against the page. */
  if (*href == '\0' || *href == '#' || g_uri_peek_scheme (href) != NULL)
    return TRUE;
  resolved = g_uri_resolve_relative (base, href, G_URI_FLAGS_NONE, NULL);
  if (resolved != NULL)
    xmlSetProp (node, (const xmlChar *) "href", (const xmlChar *) resolved);
  return TRUE;
}

/* Points the page's links at their whole addresses: "/tin/cau-moi" is on
 * the page's site.  A story's links to its site's pages were dropped as
 * having no address. */
static void
resolve_links (xmlNode    *root,
               const char *base)
{
  if (root != NULL && base != NULL)
    _byline_html_walk_elements (root, resolve_link, (gpointer) base);
}

static xmlDoc *
parse (GBytes *html)
{
  gsize length;
  const char *data = g_bytes_get_data (html, &length);

  if (data == NULL || length == 0 || length > G_MAXINT)
    return NULL;
  /* What a browser puts on the clipboard is UTF-8. */
  return htmlReadMemory (data, (int) length, NULL, "UTF-8", PARSE_OPTIONS);
}

static gboolean
mentions_img (GBytes *html)
{
  gsize length;
  const char *data = g_bytes_get_data (html, &length);

  for (gsize i = 0; data != NULL && i + 4 <= length; i++)
    if (data[i] == '<' && g_ascii_strncasecmp (data + i + 1, "img", 3) == 0)
      return TRUE;
  return FALSE;
}

gboolean
byline_web_page_has_pictures (GBytes     *html,
                              const char *page_uri)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) pictures = g_ptr_array_new ();

  g_return_val_if_fail (html != NULL, FALSE);

  /* Most pastes are words: no parse for a page without an <img>. */
  if (!mentions_img (html) || (doc = parse (html)) == NULL)
    return FALSE;
  collect_pictures (xmlDocGetRootElement (doc), pictures);
  for (guint i = 0; i < pictures->len; i++)
    {
      g_autofree char *ref = dup_web_ref (g_ptr_array_index (pictures, i), web_base (page_uri));

      if (ref != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Points @img at @ref, and at nothing else the page offered (a lazy
 * page's data-src, a srcset). */
static void
point_at (xmlNode    *img,
          const char *ref)
{
  xmlSetProp (img, (const xmlChar *) "src", (const xmlChar *) ref);
  xmlUnsetProp (img, (const xmlChar *) "srcset");
  xmlUnsetProp (img, (const xmlChar *) "data-src");
}

/* Downloads @img's picture into @folder, as "@index-<its name>", and points
 * @img at it; FALSE (and @img as it was) when it cannot be had. */
static gboolean
fetch_picture (xmlNode      *img,
               const char   *ref,
               guint         index,
               GFile        *folder,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) downloaded = byline_web_picture_download (ref, BYLINE_WEB_PICTURE_MAX_BYTES, cancellable, &error);
  g_autofree char *basename = NULL;
  g_autofree char *subfolder = g_strdup_printf ("%02u", index);
  g_autofree char *name = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) sub = NULL;
  g_autofree char *ref_name = NULL;
  gboolean moved;

  if (downloaded == NULL)
    {
      g_debug ("Picture of the page left out: %s", error->message);
      return FALSE;
    }
  /* A folder each: two pictures may have one name, and the name is what the
   * pictures panel shows. */
  basename = g_file_get_basename (downloaded);
  name = g_build_filename (subfolder, basename, NULL);
  target = g_file_resolve_relative_path (folder, name);
  sub = g_file_get_child (folder, subfolder);
  moved = g_file_make_directory (sub, cancellable, &error)
          && g_file_move (downloaded, target, G_FILE_COPY_NONE, cancellable, NULL, NULL, &error);
  byline_web_picture_discard (downloaded);
  if (!moved)
    {
      g_debug ("Picture of the page left out: %s", error != NULL ? error->message : subfolder);
      return FALSE;
    }
  /* A relative reference, as a saved page's (its %XX decoded on reading). */
  ref_name = g_uri_escape_string (name, "/", TRUE);
  /* The picture is this file now, whatever else the page offered. */
  point_at (img, ref_name);
  return TRUE;
}

/* Whether @story has a paragraph a story would have (as the story finder
 * counts them, byline-html-main-text.c), or a picture.  A log-in page, a
 * paywall's form, has labels and buttons only. */
static gboolean
has_story_text (BylineArticle *story,
                guint          n_pictures)
{
  BylineBody *body = byline_article_get_body (story);
  const char *lead = byline_article_get_lead (story);

  if (n_pictures > 0
      || (lead != NULL && g_utf8_strlen (lead, -1) >= BYLINE_HTML_MIN_PARAGRAPH))
    return TRUE;
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    if (g_utf8_strlen (byline_block_get_text (byline_body_get_block (body, i)), -1) >= BYLINE_HTML_MIN_PARAGRAPH)
      return TRUE;
  return FALSE;
}

/* Whether @block is a heading that is a link and nothing else, as a list
 * of stories' headlines are. */
static gboolean
is_linked_heading (const BylineBlock *block)
{
  BylineBlockKind kind = byline_block_get_kind (block);
  const BylineSpan *spans;
  guint n_spans;

  if (kind != BYLINE_BLOCK_HEADING1 && kind != BYLINE_BLOCK_HEADING2)
    return FALSE;
  spans = byline_block_get_spans (block, &n_spans);
  for (guint i = 0; i < n_spans; i++)
    if (spans[i].kind == BYLINE_SPAN_LINK && spans[i].start == 0 && spans[i].end == byline_block_get_length (block))
      return TRUE;
  return FALSE;
}

/* Whether @story is a list of stories, as a site's home page or a
 * section's page is: two headlines or more that are links, most of its
 * headings, and no more text than their leads (the paragraph under each).
 * A story with a list of related stories at its end has text of its own.
 * Opened, a list was a draft of those headlines and leads.  The first two
 * headlines are put in *@first and *@second. */
static gboolean
is_list_of_stories (BylineArticle  *story,
                    const char    **first,
                    const char    **second)
{
  BylineBody *body = byline_article_get_body (story);
  guint linked = 0, headings = 0;
  gsize leads = 0, other = 0;
  gboolean under_linked = FALSE;

  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);
      BylineBlockKind kind = byline_block_get_kind (block);

      if (kind != BYLINE_BLOCK_HEADING1 && kind != BYLINE_BLOCK_HEADING2)
        {
          if (under_linked)
            leads += byline_block_get_length (block);
          else
            other += byline_block_get_length (block);
          under_linked = FALSE;
          continue;
        }
      headings++;
      under_linked = is_linked_heading (block);
      if (!under_linked)
        continue;
      if (linked == 0)
        *first = byline_block_get_text (block);
      else if (linked == 1)
        *second = byline_block_get_text (block);
      linked++;
    }
  return linked >= 2 && 2 * linked > headings && other <= leads;
}

/* Refuses a page that holds no story, read before its pictures are
 * downloaded (they are @n_pictures). */
static gboolean
check_is_story (BylineArticle  *story,
                guint           n_pictures,
                const char     *uri,
                GError        **error)
{
  const char *first = NULL, *second = NULL;

  /* A link that leads to a log-in page, not to the story: a draft of its
   * labels ("Tên đăng nhập", "Mật khẩu") is no use. */
  if (!has_story_text (story, n_pictures))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                   _("%s shows no story, only a few words (a page to log in?): open it in the browser, "
                     "select the story, then paste it or drag it here"), uri);
      return FALSE;
    }
  /* A link to the site's home page, or to a section's: its headlines and
   * leads are no story, and its thumbnails were downloaded for nothing. */
  if (is_list_of_stories (story, &first, &second))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                   _("%s is a list of stories (“%s”, “%s”…), not one story: open the story you want in the "
                     "browser, then drag its link here"), uri, first, second);
      return FALSE;
    }
  return TRUE;
}

typedef BylineArticle *(*ImportFunc) (GBytes *, const char *, GFile *, GError **);
/* Refuses what @story, read from a page before its pictures are downloaded
 * (@n_pictures of them in the story), is not. */
typedef gboolean (*CheckFunc) (BylineArticle *story, guint n_pictures, const char *display, GError **error);

/* What a picture is pointed at to learn whether the story holds it. */
#define PROBE_NAME "byline-picture-"

static GBytes *
dump (xmlDoc *doc)
{
  xmlChar *dumped = NULL;
  int size = 0;

  htmlDocDumpMemoryFormat (doc, &dumped, &size, 0);
  return g_bytes_new_with_free_func (dumped, size, xmlFree, dumped);
}

/* Which of the page's @pictures (those with a web address in @refs) are in
 * the story @import finds in it.  A news page has tens of pictures besides
 * the story's: the site's logo, advertisements, other stories' thumbnails.
 * They were all downloaded, on a mountain district's line, before the
 * story's own, and past the bound of 40 the story's own were not tried.
 * The page is read once with each web picture pointed at a name of its own
 * that names nothing: the names the import leaves out are the story's.
 * *@wanted_out is NULL when the page cannot be read so: then all of them.
 * FALSE when @check refuses the story so read. */
static gboolean
find_story_pictures (xmlDoc      *doc,
                     GPtrArray   *pictures,
                     GPtrArray   *refs,
                     ImportFunc   import,
                     CheckFunc    check,
                     const char  *display,
                     gboolean   **wanted_out,
                     GError     **error)
{
  g_autofree gboolean *wanted = g_new0 (gboolean, pictures->len);
  g_autoptr(GBytes) probe = NULL;
  g_autoptr(BylineArticle) story = NULL;
  g_auto(GStrv) labels = NULL;
  guint n_wanted = 0;

  for (guint i = 0; i < pictures->len; i++)
    if (g_ptr_array_index (refs, i) != NULL)
      {
        g_autofree char *name = g_strdup_printf (PROBE_NAME "%u", i);

        point_at (g_ptr_array_index (pictures, i), name);
      }
  probe = dump (doc);
  if ((story = import (probe, display, NULL, NULL)) == NULL)
    return TRUE;
  labels = _byline_import_steal_left_out (story);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      guint64 index;

      if (g_str_has_prefix (labels[i], PROBE_NAME)
          && g_ascii_string_to_unsigned (labels[i] + strlen (PROBE_NAME), 10, 0, pictures->len - 1, &index, NULL))
        {
          wanted[index] = TRUE;
          n_wanted++;
        }
    }
  if (check != NULL && !check (story, n_wanted, display, error))
    return FALSE;
  *wanted_out = g_steal_pointer (&wanted);
  return TRUE;
}

/* Downloads the web pictures of @html into a new temporary folder, *@folder,
 * and returns the page pointing at them there: with @story_import, only
 * those of the story it finds in the page, once @check has not refused it. */
static GBytes *
fetch_pictures (GBytes             *html,
                const char         *base,
                const char         *display,
                ImportFunc          story_import,
                CheckFunc           check,
                GCancellable       *cancellable,
                BylineWebProgress   progress,
                gpointer            progress_data,
                GFile             **folder,
                GError            **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) pictures = g_ptr_array_new ();
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
  g_autofree gboolean *wanted = NULL;
  g_autofree char *path = NULL;
  guint tried = 0, total = 0, n_web = 0;

  if ((doc = parse (html)) == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED, _("%s: no HTML document could be read"), display);
      return NULL;
    }
  if ((path = g_dir_make_tmp ("byline-web-XXXXXX", error)) == NULL)
    return NULL;
  *folder = g_file_new_for_path (path);

  resolve_links (xmlDocGetRootElement (doc), base);
  collect_pictures (xmlDocGetRootElement (doc), pictures);
  /* Each picture's address on the web, if it has one. */
  for (guint i = 0; i < pictures->len; i++)
    {
      char *ref = dup_web_ref (g_ptr_array_index (pictures, i), base);

      g_ptr_array_add (refs, ref);
      n_web += ref != NULL;
    }
  if (story_import != NULL && (n_web > 0 || check != NULL)
      && !find_story_pictures (doc, pictures, refs, story_import, check, display, &wanted, error))
    return NULL;
  /* Those to download, counted first, to say how many of them have come. */
  for (guint i = 0; i < pictures->len; i++)
    if (g_ptr_array_index (refs, i) != NULL && (wanted == NULL || wanted[i]) && total < BYLINE_WEB_PAGE_MAX_PICTURES)
      total++;
  for (guint i = 0; i < pictures->len; i++)
    {
      xmlNode *img = g_ptr_array_index (pictures, i);
      const char *ref = g_ptr_array_index (refs, i);

      if (ref == NULL)
        continue;
      /* Past the limit, stopped, or not to be had: left out and named by
       * the import, as a picture on the web.  Left as it was, a site's
       * "/uploads/lu.jpg" would be read as a file outside the folder, and
       * the whole story refused. */
      if ((wanted == NULL || wanted[i]) && tried < total && !g_cancellable_is_cancelled (cancellable))
        {
          if (progress != NULL)
            progress (tried, total, progress_data);
          tried++;
          if (fetch_picture (img, ref, i + 1, *folder, cancellable))
            continue;
        }
      point_at (img, ref);
    }
  if (progress != NULL && total > 0)
    progress (total, total, progress_data);
  return dump (doc);
}

/* @story_only: @import finds a story in a page, and only the story's
 * pictures are downloaded, once @check (or NULL) has not refused it. */
static BylineArticle *
read_with_pictures (GBytes             *html,
                    const char         *base,
                    const char         *display,
                    ImportFunc          import,
                    gboolean            story_only,
                    CheckFunc           check,
                    GCancellable       *cancellable,
                    BylineWebProgress   progress,
                    gpointer            progress_data,
                    char             ***left_out,
                    GError            **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(BylineArticle) article = NULL;

  g_return_val_if_fail (html != NULL, NULL);
  g_return_val_if_fail (display != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (left_out != NULL)
    *left_out = NULL;
  rewritten = fetch_pictures (html, base, display, story_only ? import : NULL, check, cancellable, progress,
                              progress_data, &folder, error);
  if (rewritten == NULL || (article = import (rewritten, display, folder, error)) == NULL)
    {
      if (folder != NULL)
        byline_file_remove_tree (folder, NULL);
      return NULL;
    }
  /* The store copies the pictures into the draft: the folder goes with the
   * article. */
  g_object_set_data_full (G_OBJECT (article), "byline-web-page-media", g_steal_pointer (&folder),
                          byline_file_remove_tree_and_unref);
  /* The pictures that did not come are kept with it, as a document's are,
   * for the checks to name until they are added by hand or forgotten (a
   * message alone is gone once closed), and with their places, where they
   * go once added; as from the page's address when it is known. */
  return _byline_import_finish_piece (g_steal_pointer (&article), display, base != NULL ? base : display,
                                      left_out, error);
}

BylineArticle *
byline_web_page_read_piece (GBytes             *html,
                            const char         *page_uri,
                            const char         *display,
                            GCancellable       *cancellable,
                            BylineWebProgress   progress,
                            gpointer            progress_data,
                            char             ***left_out,
                            GError            **error)
{
  return read_with_pictures (html, web_base (page_uri), display, _byline_html_import_piece, FALSE, NULL, cancellable,
                             progress, progress_data, left_out, error);
}

BylineArticle *
byline_web_page_read_story (GBytes             *html,
                            const char         *page_uri,
                            const char         *display,
                            GCancellable       *cancellable,
                            BylineWebProgress   progress,
                            gpointer            progress_data,
                            char             ***left_out,
                            GError            **error)
{
  return read_with_pictures (html, web_base (page_uri), display, _byline_html_import_selection, TRUE, NULL, cancellable,
                             progress, progress_data, left_out, error);
}

BylineArticle *
byline_web_page_read_downloaded (const BylineDownloadedPage  *page,
                                 GCancellable                *cancellable,
                                 BylineWebProgress            progress,
                                 gpointer                     progress_data,
                                 char                      ***left_out,
                                 GError                     **error)
{
  g_autoptr(BylineArticle) story = NULL;

  g_return_val_if_fail (page != NULL, NULL);

  story = read_with_pictures (page->html, page->base, page->uri, byline_html_import, TRUE, check_is_story,
                              cancellable, progress, progress_data, left_out, error);
  if (story == NULL)
    return NULL;
  /* A site's story leads with its photo: the first is featured, as a
   * document's first picture is. */
  if (byline_article_get_n_images (story) > 0 && byline_article_get_featured_image (story) == NULL)
    byline_image_set_featured (byline_article_get_image (story, 0), TRUE);
  /* Its reporter's name closing it ("Thu Hà") is its byline, as when the
   * page saved is opened. */
  byline_article_take_byline_paragraph (story);
  return g_steal_pointer (&story);
}

BylineArticle *
byline_web_page_read_article (const char     *uri,
                              GCancellable   *cancellable,
                              char         ***left_out,
                              GError        **error)
{
  g_autofree char *base = NULL;
  g_autoptr(GBytes) html = NULL;
  g_autoptr(BylineDownloadedPage) page = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  if (left_out != NULL)
    *left_out = NULL;

  html = byline_web_page_download (uri, BYLINE_IMPORT_MAX_SIZE, cancellable, &base, error);
  if (html == NULL)
    return NULL;
  page = byline_downloaded_page_new (uri, base, html);
  return byline_web_page_read_downloaded (page, cancellable, NULL, NULL, left_out, error);
}
