/* byline-ninjs-export.c — an article as an IPTC ninjs 2.2 news item
 *
 * The mapping, for the documentation too:
 *
 *   (always)           standard { name "ninjs", version "2.2", schema <IPTC URL> },
 *                      type "text", profile "text-photo" (with pictures) or
 *                      "text-only"
 *   id                 uri "urn:uuid:<id>" (RFC 4122 URN: globally unique, stable
 *                      across exports of the same draft)
 *   revision           version (as a string; omitted before the first save)
 *   created            firstcreated and contentcreated
 *   modified           versioncreated
 *   publish_time       embargoed, only while the status is "scheduled"
 *   status             pubstatus: published, scheduled → "usable";
 *                      draft, submitted, returned → "withheld"
 *   headline           headlines [{ role "main", contenttype "text/plain" }]
 *   lead               descriptions [{ role "summary", contenttype "text/plain" }],
 *                      with the source prefix in front ("(BLC) - …") as the HTML
 *                      and text exports show it
 *   body               bodies [{ role "main", contenttype "text/html" }], the HTML of
 *                      byline_html_export_body(), with wordcount and charcount
 *   authors            by, the names joined by ", "
 *   dateline           located
 *   source_prefix      infosources [{ literal "BLC" }]
 *   category           subjects [{ name, rel "category", uri "urn:byline:category:<slug>" }]
 *   tags               subjects [{ name, rel "keyword" }], in order
 *   language           language
 *   slug               slugline
 *   images             associations, in the article's order: the featured picture
 *                      is named "featureimage", the others "image1", "image2", …
 *                      Each is a ninjs object of type "picture":
 *                        uri           "urn:uuid:<image id>"
 *                        descriptions  the caption (role "caption") and the alt
 *                                      text (role "alt"), both text/plain: ninjs 2.x
 *                                      has no member for alternative text, and a
 *                                      description role is the one place the
 *                                      schema leaves open for it
 *                        by            the credit ("Ảnh: Lò Văn Dũng")
 *                        renditions    one, named "original": href (media_base +
 *                                      "<sha256>.<ext>"), contenttype, width, height,
 *                                      title (the picture's file name, when it has one)
 *   editor_note        never exported (not even as ednote: it is for the newsroom)
 *   remote state       not exported
 *
 * Members with no value are left out rather than written empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-article.h"
#include "byline-body.h"
#include "byline-html-private.h"
#include "byline-image.h"
#include "byline-ninjs.h"
#include "byline-text.h"

#define NINJS_SCHEMA_2_2 "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#"

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* RFC 3339 with the article's own offset, whole seconds: "2022-08-10T21:05:00+07:00". */
static void
add_date_time (JsonBuilder *builder,
               const char  *name,
               GDateTime   *date_time)
{
  g_autofree char *text = NULL;

  if (date_time == NULL)
    return;
  if (g_date_time_get_utc_offset (date_time) == 0)
    text = g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%SZ");
  else
    text = g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%S%:z");
  add_string (builder, name, text);
}

/* One {role, contenttype, value} entry of headlines, descriptions or bodies. */
static void
add_text_object (JsonBuilder *builder,
                 const char  *role,
                 const char  *content_type,
                 const char  *value)
{
  json_builder_begin_object (builder);
  add_string (builder, "role", role);
  add_string (builder, "contenttype", content_type);
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, value);
  json_builder_end_object (builder);
}

static const char *
pubstatus_for (BylineStatus status)
{
  switch (status)
    {
    case BYLINE_STATUS_PUBLISHED:
    case BYLINE_STATUS_SCHEDULED:
      return "usable";
    case BYLINE_STATUS_DRAFT:
    case BYLINE_STATUS_SUBMITTED:
    case BYLINE_STATUS_RETURNED:
    default:
      return "withheld";
    }
}

static void
add_subjects (JsonBuilder   *builder,
              BylineArticle *article)
{
  const char *category = byline_article_get_category (article);
  const char * const *tags = byline_article_get_tags (article);
  gboolean has_category = !byline_text_is_blank (category);

  if (!has_category && (tags == NULL || tags[0] == NULL))
    return;

  json_builder_set_member_name (builder, "subjects");
  json_builder_begin_array (builder);

  if (has_category)
    {
      g_autofree char *slug = byline_text_slugify (category);

      json_builder_begin_object (builder);
      add_string (builder, "name", category);
      add_string (builder, "rel", "category");
      if (slug != NULL && *slug != '\0')
        {
          g_autofree char *uri = g_strconcat ("urn:byline:category:", slug, NULL);
          add_string (builder, "uri", uri);
        }
      json_builder_end_object (builder);
    }

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (byline_text_is_blank (tags[i]))
        continue;
      json_builder_begin_object (builder);
      add_string (builder, "name", tags[i]);
      add_string (builder, "rel", "keyword");
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
}

static void
add_picture (JsonBuilder *builder,
             BylineImage *image,
             const char  *name,
             const char  *media_base)
{
  const char *caption = byline_image_get_caption (image);
  const char *alt_text = byline_image_get_alt_text (image);
  const char *media_type = byline_image_get_media_type (image);
  g_autofree char *uri = g_strconcat ("urn:uuid:", byline_image_get_id (image), NULL);
  g_autofree char *href = g_strconcat (media_base,
                                       byline_image_get_sha256 (image), ".",
                                       byline_media_type_to_extension (media_type),
                                       NULL);

  json_builder_begin_object (builder);
  add_string (builder, "name", name);
  add_string (builder, "uri", uri);
  add_string (builder, "type", "picture");

  if (!byline_text_is_blank (caption) || !byline_text_is_blank (alt_text))
    {
      json_builder_set_member_name (builder, "descriptions");
      json_builder_begin_array (builder);
      if (!byline_text_is_blank (caption))
        add_text_object (builder, "caption", "text/plain", caption);
      if (!byline_text_is_blank (alt_text))
        add_text_object (builder, "alt", "text/plain", alt_text);
      json_builder_end_array (builder);
    }

  add_string (builder, "by", byline_image_get_credit (image));

  json_builder_set_member_name (builder, "renditions");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "name", "original");
  add_string (builder, "href", href);
  add_string (builder, "contenttype", media_type);
  /* The picture's own name ("sat-lo-quoc-lo.jpg"), which its href, a
   * server's address by its SHA-256, does not keep: an editor who opens the
   * story sees the reporter's names (byline-ninjs-media.c). */
  if (!byline_text_is_blank (byline_image_get_filename (image)))
    add_string (builder, "title", byline_image_get_filename (image));
  if (byline_image_get_width (image) > 0 && byline_image_get_height (image) > 0)
    {
      json_builder_set_member_name (builder, "width");
      json_builder_add_int_value (builder, byline_image_get_width (image));
      json_builder_set_member_name (builder, "height");
      json_builder_add_int_value (builder, byline_image_get_height (image));
    }
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

static void
add_associations (JsonBuilder   *builder,
                  BylineArticle *article,
                  const char    *media_base)
{
  guint n_images = byline_article_get_n_images (article);
  gboolean featured_named = FALSE;
  guint next_number = 1;

  if (n_images == 0)
    return;

  json_builder_set_member_name (builder, "associations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_images; i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      g_autofree char *name = NULL;

      /* Names are unique: should two pictures claim to be featured, the second
       * one is numbered like the rest. */
      if (byline_image_get_featured (image) && !featured_named)
        {
          name = g_strdup ("featureimage");
          featured_named = TRUE;
        }
      else
        name = g_strdup_printf ("image%u", next_number++);

      add_picture (builder, image, name, media_base);
    }
  json_builder_end_array (builder);
}

JsonNode *
byline_ninjs_export (BylineArticle            *article,
                     const BylineNinjsOptions *options)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *html = NULL;
  g_autofree char *lead = NULL;
  BylineHtmlOptions html_options = { 0 };
  const char *media_base = NULL;
  const char *source_prefix;
  BylineStatus status;
  BylineBody *body;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  if (options != NULL)
    media_base = options->media_base;
  if (media_base == NULL)
    media_base = "media/";

  status = byline_article_get_status (article);
  body = byline_article_get_body (article);
  uri = g_strconcat ("urn:uuid:", byline_article_get_id (article), NULL);
  byline = byline_article_dup_byline (article);
  slug = byline_article_dup_slug (article);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);

  add_string (builder, "uri", uri);
  json_builder_set_member_name (builder, "standard");
  json_builder_begin_object (builder);
  add_string (builder, "name", "ninjs");
  add_string (builder, "version", "2.2");
  add_string (builder, "schema", NINJS_SCHEMA_2_2);
  json_builder_end_object (builder);

  add_string (builder, "type", "text");
  add_string (builder, "profile", byline_article_get_n_images (article) > 0 ? "text-photo" : "text-only");
  if (byline_article_get_revision (article) > 0)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                                  byline_article_get_revision (article));
      add_string (builder, "version", version);
    }
  add_date_time (builder, "firstcreated", byline_article_get_created (article));
  add_date_time (builder, "versioncreated", byline_article_get_modified (article));
  add_date_time (builder, "contentcreated", byline_article_get_created (article));
  if (status == BYLINE_STATUS_SCHEDULED)
    add_date_time (builder, "embargoed", byline_article_get_publish_time (article));
  add_string (builder, "pubstatus", pubstatus_for (status));
  add_string (builder, "language", byline_article_get_language (article));
  add_string (builder, "slugline", slug);
  add_string (builder, "by", byline);
  add_string (builder, "located", byline_article_get_dateline (article));

  source_prefix = byline_article_get_source_prefix (article);
  if (!byline_text_is_blank (source_prefix))
    {
      json_builder_set_member_name (builder, "infosources");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string (builder, "literal", source_prefix);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }

  if (!byline_text_is_blank (byline_article_get_headline (article)))
    {
      json_builder_set_member_name (builder, "headlines");
      json_builder_begin_array (builder);
      add_text_object (builder, "main", "text/plain", byline_article_get_headline (article));
      json_builder_end_array (builder);
    }

  lead = byline_text_prefix_lead (byline_article_get_lead (article), source_prefix);
  if (!byline_text_is_blank (lead))
    {
      json_builder_set_member_name (builder, "descriptions");
      json_builder_begin_array (builder);
      add_text_object (builder, "summary", "text/plain", lead);
      json_builder_end_array (builder);
    }

  add_subjects (builder, article);

  html_options.media_base = media_base;
  html_options.fragment = TRUE;
  html = byline_html_export_body (article, &html_options);
  if (html != NULL && *html != '\0')
    {
      json_builder_set_member_name (builder, "bodies");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string (builder, "role", "main");
      add_string (builder, "contenttype", "text/html");
      json_builder_set_member_name (builder, "charcount");
      json_builder_add_int_value (builder, byline_body_count_chars (body));
      json_builder_set_member_name (builder, "wordcount");
      json_builder_add_int_value (builder, byline_body_count_words (body));
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, html);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }

  add_associations (builder, article, media_base);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

GBytes *
byline_ninjs_export_bytes (BylineArticle            *article,
                           const BylineNinjsOptions *options)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  char *data;
  gsize length;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  root = byline_ninjs_export (article, options);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}
