/* byline-clip.c — a piece of a story on the clipboard, from one Byline story
 * to another
 *
 * Copied as plain text, a story's pictures were lost between two drafts, and
 * an empty line stood where each had been.  A piece is copied as a draft of
 * its own (docs/draft-format.md), its body the part selected and its
 * pictures those the part shows, beside the paths of their files in the
 * draft copied from; pasting copies the files into the draft pasted into
 * (byline-body-view-paste.c), each checked against its SHA-256.  The same
 * piece goes on the clipboard as HTML and as plain text for other programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "byline-article.h"
#include "byline-body.h"
#include "byline-clip.h"
#include "byline-draft-format.h"
#include "byline-error.h"
#include "byline-image.h"

/* The members of the clipboard's JSON object. */
#define DRAFT_MEMBER "draft"
#define FILES_MEMBER "files"   /* picture id → the absolute path of its file */

static gboolean
is_image (BylineBody *body,
          guint       index)
{
  return byline_block_get_kind (byline_body_get_block (body, index)) == BYLINE_BLOCK_IMAGE;
}

BylineArticle *
byline_clip_cut_piece (BylineArticle *article,
                       guint          from_block,
                       guint          from_offset,
                       guint          to_block,
                       guint          to_offset)
{
  BylineBody *body;
  BylineArticle *piece;
  BylineBody *cut;
  gboolean partial;
  guint n, last;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  body = byline_article_get_body (article);
  n = byline_body_get_n_blocks (body);
  piece = byline_article_new ();
  cut = byline_article_get_body (piece);
  if (n == 0 || from_block >= n || from_block > to_block
      || (from_block == to_block && from_offset >= to_offset))
    return piece;
  to_block = MIN (to_block, n - 1);
  /* Whole lines selected end at the start of the next: not in it. */
  if (to_offset == 0 && to_block > from_block)
    {
      to_block--;
      to_offset = G_MAXUINT;
    }
  /* Words of a heading or a list item go into the line they are pasted in. */
  partial = from_block == to_block && !is_image (body, to_block)
            && (from_offset > 0 || to_offset < byline_block_get_length (byline_body_get_block (body, to_block)));

  /* Only the blocks selected: the first is block 0 of the piece, the last
   * block @last. */
  byline_body_copy_blocks_from (cut, body, from_block, to_block - from_block + 1);
  last = to_block - from_block;
  /* A picture is one place, as in the editor: offset 0 before it, 1 after. */
  if (is_image (cut, last))
    {
      if (to_offset == 0)
        byline_body_remove_block (cut, last);
    }
  else if (to_offset < byline_block_get_length (byline_body_get_block (cut, last)))
    byline_body_delete_text (cut, last, to_offset, byline_block_get_length (byline_body_get_block (cut, last)) - to_offset);
  if (from_offset > 0 && byline_body_get_n_blocks (cut) > 0)
    {
      if (is_image (cut, 0))
        byline_body_remove_block (cut, 0);
      else
        byline_body_delete_text (cut, 0, 0, from_offset);
    }
  if (partial && byline_body_get_n_blocks (cut) == 1
      && byline_block_kind_is_text (byline_block_get_kind (byline_body_get_block (cut, 0))))
    byline_body_set_block_kind (cut, 0, BYLINE_BLOCK_PARAGRAPH);

  for (guint i = 0; i < byline_body_get_n_blocks (cut); i++)
    {
      const BylineBlock *block = byline_body_get_block (cut, i);
      BylineImage *image;

      if (byline_block_get_kind (block) != BYLINE_BLOCK_IMAGE)
        continue;
      image = byline_article_find_image (article, byline_block_get_image_id (block));
      if (image != NULL && byline_article_find_image (piece, byline_image_get_id (image)) == NULL)
        {
          g_autoptr(BylineImage) copy = byline_image_copy (image);

          byline_image_set_featured (copy, FALSE);
          byline_article_add_image (piece, copy);
        }
    }
  return piece;
}

GBytes *
byline_clip_serialize (BylineArticle *piece)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize length;
  char *data;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (piece), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, DRAFT_MEMBER);
  json_builder_add_value (builder, byline_draft_format_to_json (piece));
  json_builder_set_member_name (builder, FILES_MEMBER);
  json_builder_begin_object (builder);
  for (guint i = 0; i < byline_article_get_n_images (piece); i++)
    {
      BylineImage *image = byline_article_get_image (piece, i);
      GFile *file = byline_image_get_file (image);
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path == NULL)
        continue;
      json_builder_set_member_name (builder, byline_image_get_id (image));
      json_builder_add_string_value (builder, path);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

BylineArticle *
byline_clip_parse (GBytes  *bytes,
                   GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BylineArticle) piece = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root, *draft, *files_node;
  JsonObject *files;
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  /* Nothing at all (a program that offered the type and wrote nothing). */
  if (data == NULL)
    data = "";
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || (draft = json_object_get_member (json_node_get_object (root), DRAFT_MEMBER)) == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                   _("What was copied is not a piece of a Byline story%s%s"),
                   local_error != NULL ? ": " : "", local_error != NULL ? local_error->message : "");
      return NULL;
    }
  piece = byline_draft_format_from_json (draft, _("the copied text"), error);
  if (piece == NULL)
    return NULL;

  files_node = json_object_get_member (json_node_get_object (root), FILES_MEMBER);
  files = files_node != NULL && JSON_NODE_HOLDS_OBJECT (files_node) ? json_node_get_object (files_node) : NULL;
  for (guint i = 0; files != NULL && i < byline_article_get_n_images (piece); i++)
    {
      BylineImage *image = byline_article_get_image (piece, i);
      JsonNode *node = json_object_get_member (files, byline_image_get_id (image));
      const char *path = node != NULL && JSON_NODE_HOLDS_VALUE (node)
                         && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;

      if (path != NULL && g_path_is_absolute (path))
        {
          g_autoptr(GFile) file = g_file_new_for_path (path);

          byline_image_set_file (image, file);
        }
    }
  return g_steal_pointer (&piece);
}

char *
byline_clip_dup_text (BylineArticle *piece)
{
  BylineBody *body;
  GString *out = g_string_new (NULL);
  gboolean first = TRUE;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (piece), NULL);

  body = byline_article_get_body (piece);
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);

      if (!byline_block_kind_is_text (byline_block_get_kind (block)))
        continue;
      if (!first)
        g_string_append_c (out, '\n');
      g_string_append (out, byline_block_get_text (block));
      first = FALSE;
    }
  return g_string_free (out, FALSE);
}
