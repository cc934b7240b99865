/* byline-wordpress-content.c — a story as a WordPress post: content, slug, fingerprint
 *
 * The content is block-editor HTML: each paragraph, heading, list, quotation
 * and picture one block with its <!-- wp:… --> delimiters, written exactly
 * as WordPress itself serializes them, so that its filters (kses for authors,
 * which re-serializes blocks) leave every byte as it was sent.  Text is
 * escaped as WordPress keeps it: &amp; &lt; &gt; and &quot;, never &#39;
 * (kses rewrites that as &#039;).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include <string.h>

#include "byline-body.h"
#include "byline-html-private.h"
#include "byline-image.h"
#include "byline-text.h"
#include "byline-wordpress-private.h"

#define SLUG_MAX 150

static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *escaped = _byline_wordpress_escape (text);

  g_string_append (out, escaped);
}

static void
append_attribute (GString    *out,
                  const char *value)
{
  for (const char *p = value; *p; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      default: g_string_append_c (out, *p);
      }
}

static void
append_inline (GString           *out,
               const BylineBlock *block)
{
  g_autoptr(GString) html = g_string_new (NULL);

  _byline_html_append_inline (html, block);
  /* The only entity the HTML export writes that kses would change. */
  g_string_replace (html, "&#39;", "'", 0);
  g_string_append (out, html->str);
}

char *
_byline_wordpress_caption_html (BylineImage *image)
{
  const char *caption = byline_image_get_caption (image);
  const char *credit = byline_image_get_credit (image);
  GString *out = g_string_new (NULL);

  if (caption != NULL && *caption)
    append_text (out, caption);
  if (credit != NULL && *credit)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, "<span class=\"credit\">");
      append_text (out, credit);
      g_string_append (out, "</span>");
    }
  return g_string_free (out, FALSE);
}

static void
append_image (GString              *out,
              BylineImage          *image,
              BylineWordpressMedia *media)
{
  g_autofree char *caption = _byline_wordpress_caption_html (image);
  const char *alt = byline_image_get_alt_text (image);

  /* bylineId: the picture's own id, so that a story opened for review keeps
   * its pictures (WordPress keeps unknown block attributes as they are). */
  g_string_append_printf (out, "<!-- wp:image {\"id\":%" G_GINT64_FORMAT ",\"sizeSlug\":\"full\","
                               "\"linkDestination\":\"none\",\"bylineId\":\"%s\"} -->\n", media->id,
                          byline_image_get_id (image));
  g_string_append (out, "<figure class=\"wp-block-image size-full\"><img src=\"");
  append_attribute (out, media->source_url);
  g_string_append (out, "\" alt=\"");
  append_attribute (out, alt ? alt : "");
  g_string_append_printf (out, "\" class=\"wp-image-%" G_GINT64_FORMAT "\" />", media->id);
  if (*caption)
    g_string_append_printf (out, "<figcaption>%s</figcaption>", caption);
  g_string_append (out, "</figure>\n<!-- /wp:image -->");
}

static const char *
group_of (BylineBlockKind kind)
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
close_group (GString    *out,
             const char *group)
{
  if (g_str_equal (group, "blockquote"))
    g_string_append (out, "</blockquote>\n<!-- /wp:quote -->");
  else
    g_string_append_printf (out, "</%s>\n<!-- /wp:list -->", group);
}

static void
open_group (GString    *out,
            const char *group)
{
  if (g_str_equal (group, "blockquote"))
    g_string_append (out, "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\">");
  else if (g_str_equal (group, "ol"))
    g_string_append (out, "<!-- wp:list {\"ordered\":true} -->\n<ol>");
  else
    g_string_append (out, "<!-- wp:list -->\n<ul>");
}

char *
_byline_wordpress_content (BylineArticle *article,
                           GHashTable    *media)
{
  BylineBody *body = byline_article_get_body (article);
  guint n_blocks = byline_body_get_n_blocks (body);
  g_autofree char *byline = byline_article_dup_byline (article);
  GString *out = g_string_new (NULL);
  const char *group = NULL;

  for (guint i = 0; i < n_blocks; i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);
      BylineBlockKind kind = byline_block_get_kind (block);
      BylineWordpressMedia *picture = NULL;
      BylineImage *image = NULL;

      if (kind == BYLINE_BLOCK_IMAGE)
        {
          image = byline_article_find_image (article, byline_block_get_image_id (block));
          picture = image ? g_hash_table_lookup (media, byline_image_get_id (image)) : NULL;
          if (picture == NULL)
            continue;
        }
      else if (*byline_block_get_text (block) == '\0')
        continue;

      if (group != NULL && g_strcmp0 (group, group_of (kind)) != 0)
        {
          close_group (out, group);
          group = NULL;
        }
      if (group == NULL)
        {
          if (out->len > 0)
            g_string_append (out, "\n\n");
          if (group_of (kind) != NULL)
            open_group (out, group = group_of (kind));
        }

      switch (kind)
        {
        case BYLINE_BLOCK_PARAGRAPH:
          g_string_append (out, "<!-- wp:paragraph -->\n<p>");
          append_inline (out, block);
          g_string_append (out, "</p>\n<!-- /wp:paragraph -->");
          break;
        case BYLINE_BLOCK_HEADING1:
          g_string_append (out, "<!-- wp:heading -->\n<h2>");
          append_inline (out, block);
          g_string_append (out, "</h2>\n<!-- /wp:heading -->");
          break;
        case BYLINE_BLOCK_HEADING2:
          g_string_append (out, "<!-- wp:heading {\"level\":3} -->\n<h3>");
          append_inline (out, block);
          g_string_append (out, "</h3>\n<!-- /wp:heading -->");
          break;
        case BYLINE_BLOCK_QUOTE:
          g_string_append (out, "<p>");
          append_inline (out, block);
          g_string_append (out, "</p>");
          break;
        case BYLINE_BLOCK_BULLETED_ITEM:
        case BYLINE_BLOCK_NUMBERED_ITEM:
          g_string_append (out, "<li>");
          append_inline (out, block);
          g_string_append (out, "</li>");
          break;
        case BYLINE_BLOCK_IMAGE:
          append_image (out, image, picture);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (group != NULL)
    close_group (out, group);

  if (byline != NULL && *byline)
    {
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, "<!-- wp:paragraph {\"className\":\"byline\"} -->\n<p class=\"byline\">");
      append_text (out, byline);
      g_string_append (out, "</p>\n<!-- /wp:paragraph -->");
    }
  return g_string_free (out, FALSE);
}

char *
_byline_wordpress_slug (BylineArticle *article)
{
  g_autofree char *base = byline_article_dup_slug (article);
  const char *id = byline_article_get_id (article);
  GString *slug = g_string_new (NULL);
  guint digits = 0;

  for (const char *p = base ? base : ""; *p && slug->len < SLUG_MAX; p++)
    if (g_ascii_isalnum (*p) || (*p == '-' && slug->len > 0 && slug->str[slug->len - 1] != '-'))
      g_string_append_c (slug, g_ascii_tolower (*p));
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len > 0)
    g_string_append_c (slug, '-');
  for (const char *p = id; *p && digits < 8; p++)
    if (g_ascii_isxdigit (*p))
      {
        g_string_append_c (slug, g_ascii_tolower (*p));
        digits++;
      }
  return g_string_free (slug, FALSE);
}

/* ---------------------------------------------------------- fingerprint */

static const char *
text_member (JsonObject *post,
             const char *name)
{
  JsonNode *node = json_object_get_member (post, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_string_member_with_default (json_node_get_object (node), "raw", "");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return "";
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
append_ids (GString    *out,
            JsonObject *post,
            const char *name)
{
  JsonArray *array = json_object_has_member (post, name) && JSON_NODE_HOLDS_ARRAY (json_object_get_member (post, name))
                     ? json_object_get_array_member (post, name) : NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gint64 id = json_array_get_int_element (array, i);

      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_gint64);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (out, '\n');
}

char *
_byline_wordpress_fingerprint (JsonObject *post,
                               gboolean    full)
{
  g_autoptr(GString) canonical = g_string_new (NULL);
  const char *fields[] = { "title", "content", "excerpt", "status" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = text_member (post, fields[i]);

      /* Lengths first: no field can pass for another. */
      g_string_append_printf (canonical, "%s %zu:%s\n", fields[i], strlen (value), value);
    }
  if (!full)
    return g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical->str, canonical->len);
  g_string_append_printf (canonical, "featured_media %" G_GINT64_FORMAT "\n",
                          json_object_get_int_member_with_default (post, "featured_media", 0));
  g_string_append (canonical, "categories ");
  append_ids (canonical, post, "categories");
  g_string_append (canonical, "tags ");
  append_ids (canonical, post, "tags");
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical->str, canonical->len);
}

char *
_byline_wordpress_version_get (const char *version,
                               const char *key)
{
  g_auto(GStrv) parts = NULL;
  gsize key_length = strlen (key);

  if (version == NULL)
    return NULL;
  parts = g_strsplit (version, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strncmp (parts[i], key, key_length) == 0 && parts[i][key_length] == ':')
      return g_strdup (parts[i] + key_length + 1);
  return NULL;
}
