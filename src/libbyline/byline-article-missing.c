/* byline-article-missing.c — pictures a story should have and has not
 *
 * A story opened from Word may name a chart or a linked photo that could not
 * come in; a ninjs item may point at pictures on a server.  The person is
 * told when the story opens, but a message is gone once closed: the draft
 * keeps them (its "pending_pictures" member, docs/draft-format.md), the
 * checks name them before the story goes out, and the person forgets them
 * once they are added by hand or not wanted.
 *
 * The draft's other members Byline does not know live in the same object,
 * which copies of the article share: it is replaced, never changed in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-article-private.h"
#include "byline-ninjs-private.h"
#include "byline-body.h"
#include "byline-files.h"
#include "byline-image.h"
#include "byline-text.h"

static JsonArray *
get_pending (BylineArticle *self)
{
  JsonObject *extra = _byline_article_get_extra (self);
  JsonNode *node = extra != NULL ? json_object_get_member (extra, BYLINE_NINJS_PENDING_MEMBER) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* A copy of the other members, with @pending (or without, when NULL). */
static void
set_pending (BylineArticle *self,
             JsonArray     *pending)
{
  JsonObject *extra = _byline_article_get_extra (self);
  g_autoptr(JsonObject) copy = json_object_new ();

  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *node;

      json_object_iter_init (&iter, extra);
      while (json_object_iter_next (&iter, &member, &node))
        if (!g_str_equal (member, BYLINE_NINJS_PENDING_MEMBER))
          json_object_set_member (copy, member, json_node_copy (node));
    }
  if (pending != NULL)
    json_object_set_array_member (copy, BYLINE_NINJS_PENDING_MEMBER, json_array_ref (pending));
  _byline_article_set_extra (self, json_object_get_size (copy) > 0 ? copy : NULL);
  _byline_article_emit_changed (self);
}

static const char *
get_member (JsonObject *picture,
            const char *member)
{
  JsonNode *node = json_object_get_member (picture, member);
  const char *value = node != NULL && JSON_NODE_HOLDS_VALUE (node)
                      && json_node_get_value_type (node) == G_TYPE_STRING
                      ? json_node_get_string (node) : NULL;

  return value != NULL && *value != '\0' ? value : NULL;
}

/* Missing picture @index, or NULL when there is none. */
static JsonObject *
get_picture (BylineArticle *self,
             int            index)
{
  JsonArray *pending = get_pending (self);
  JsonNode *node;

  if (pending == NULL || index < 0 || (guint) index >= json_array_get_length (pending))
    return NULL;
  node = json_array_get_element (pending, index);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* How the person knows it: its name, its file's, or its address. */
static char *
dup_display_name (JsonObject *picture)
{
  const char *name = get_member (picture, "name");
  const char *href = get_member (picture, "href");
  const char *uri = get_member (picture, "uri");

  if (name != NULL)
    return g_strdup (name);
  if (href != NULL)
    {
      char *file = byline_file_name_of_ref (href);

      return file != NULL ? file : g_strdup (href);
    }
  if (uri != NULL)
    return g_strdup (uri);
  return g_strdup (_("a picture"));
}

GStrv
byline_article_dup_missing_pictures (BylineArticle *self)
{
  JsonArray *pending;
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  pending = get_pending (self);
  if (pending == NULL || json_array_get_length (pending) == 0)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (pending); i++)
    {
      JsonNode *node = json_array_get_element (pending, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        g_strv_builder_take (builder, dup_display_name (json_node_get_object (node)));
    }
  return g_strv_builder_end (builder);
}

char *
byline_article_dup_missing_source (BylineArticle *self)
{
  JsonArray *pending;
  const char *source = NULL;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  pending = get_pending (self);
  for (guint i = 0; pending != NULL && i < json_array_get_length (pending); i++)
    {
      JsonNode *node = json_array_get_element (pending, i);
      const char *this = JSON_NODE_HOLDS_OBJECT (node)
                         ? get_member (json_node_get_object (node), "source") : NULL;

      if (this == NULL || (source != NULL && !g_str_equal (source, this)))
        return NULL;
      source = this;
    }
  return g_strdup (source);
}

void
byline_article_add_missing_picture (BylineArticle *self,
                                    const char    *name,
                                    const char    *source)
{
  byline_article_add_missing_picture_full (self, name, source, NULL);
}

static void
append_copies (JsonArray *to,
               JsonArray *from)
{
  for (guint i = 0; from != NULL && i < json_array_get_length (from); i++)
    json_array_add_element (to, json_node_copy (json_array_get_element (from, i)));
}

/* A new array of @self's missing pictures, then @other's (or none). */
static JsonArray *
copy_pending (BylineArticle *self,
              JsonArray     *other)
{
  JsonArray *copy = json_array_new ();

  append_copies (copy, get_pending (self));
  append_copies (copy, other);
  return copy;
}

/* Where in @self's missing pictures the first of @filename is (its name,
 * in any case: two pictures may share a name), or -1. */
static int
find_pending (BylineArticle *self,
              const char    *filename)
{
  JsonArray *pending = get_pending (self);
  g_autofree char *wanted = NULL;

  if (pending == NULL || filename == NULL || *filename == '\0')
    return -1;
  wanted = g_utf8_casefold (filename, -1);
  for (guint i = 0; i < json_array_get_length (pending); i++)
    {
      JsonObject *picture = get_picture (self, i);
      g_autofree char *name = picture != NULL ? dup_display_name (picture) : NULL;
      const char *href = picture != NULL ? get_member (picture, "href") : NULL;
      g_autofree char *file = href != NULL ? byline_file_name_of_ref (href) : NULL;

      /* "Picture 3" in Word, linked to ".../lu-quet.jpg": either name. */
      for (const char *each[] = { name, file, NULL }, **p = each; *p != NULL; p++)
        {
          g_autofree char *folded = g_utf8_casefold (*p, -1);

          if (g_str_equal (folded, wanted))
            return (int) i;
        }
    }
  return -1;
}

void
byline_article_add_missing_picture_full (BylineArticle *self,
                                         const char    *name,
                                         const char    *source,
                                         const char    *place)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail (name != NULL);

  _byline_article_add_missing_picture (self, name, source, NULL, place, NULL);
}

static void
set_member (JsonObject *picture,
            const char *member,
            const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (picture, member, value);
}

void
_byline_article_add_missing_picture (BylineArticle *self,
                                     const char    *name,
                                     const char    *source,
                                     const char    *href,
                                     const char    *place,
                                     const char    *alt_text)
{
  g_autoptr(JsonArray) copy = copy_pending (self, NULL);
  g_autoptr(JsonObject) picture = json_object_new ();

  json_object_set_string_member (picture, "name", name);
  set_member (picture, "source", source);
  set_member (picture, "href", href);
  set_member (picture, "place", place);
  set_member (picture, "alt_text", alt_text);
  json_array_add_object_element (copy, g_steal_pointer (&picture));
  set_pending (self, copy);
}

gboolean
_byline_article_settle_missing_picture (BylineArticle *self,
                                        const char    *filename)
{
  int found = find_pending (self, filename);

  if (found < 0)
    return FALSE;
  byline_article_settle_missing_picture (self, found);
  return TRUE;
}

void
byline_article_settle_missing_picture (BylineArticle *self,
                                       int            index)
{
  g_autoptr(JsonArray) rest = NULL;

  g_return_if_fail (BYLINE_IS_ARTICLE (self));

  if (get_picture (self, index) == NULL)
    return;
  rest = copy_pending (self, NULL);
  json_array_remove_element (rest, index);
  set_pending (self, json_array_get_length (rest) > 0 ? rest : NULL);
}

void
byline_article_add_missing_pictures_of (BylineArticle *self,
                                        BylineArticle *other)
{
  JsonArray *theirs;

  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail (BYLINE_IS_ARTICLE (other));

  theirs = get_pending (other);
  if (theirs != NULL && json_array_get_length (theirs) > 0)
    set_pending (self, copy_pending (self, theirs));
}

int
byline_article_find_missing_picture (BylineArticle *self,
                                     const char    *filename,
                                     const char    *paragraph)
{
  JsonArray *pending;
  guint best_score = 0;
  int found;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), -1);

  if ((found = find_pending (self, filename)) >= 0 || paragraph == NULL)
    return found;
  pending = get_pending (self);
  /* The caption as it was kept, else as the person has changed it since,
   * as byline_body_find_paragraph() finds it. */
  for (guint i = 0; pending != NULL && i < json_array_get_length (pending) && best_score < BYLINE_TEXT_SAME; i++)
    {
      JsonObject *picture = get_picture (self, i);
      const char *place = picture != NULL ? get_member (picture, "place") : NULL;
      guint score;

      if (place != NULL && (score = byline_text_stands_for (place, paragraph)) > best_score)
        {
          best_score = score;
          found = (int) i;
        }
    }
  return found;
}

char *
byline_article_dup_missing_place (BylineArticle *self,
                                  int            index)
{
  JsonObject *picture;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  picture = get_picture (self, index);
  return picture != NULL ? g_strdup (get_member (picture, "place")) : NULL;
}

char *
byline_article_dup_missing_link (BylineArticle *self,
                                 int            index)
{
  JsonObject *picture;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  picture = get_picture (self, index);
  return picture != NULL ? g_strdup (get_member (picture, "href")) : NULL;
}

void
byline_article_put_back_missing_picture (BylineArticle *self,
                                         int            index,
                                         JsonNode      *picture)
{
  g_autoptr(JsonArray) copy = NULL;

  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail (picture != NULL && JSON_NODE_HOLDS_OBJECT (picture));

  copy = copy_pending (self, NULL);
  index = CLAMP (index, 0, (int) json_array_get_length (copy));
  /* json-glib has no insertion: the rest after it again. */
  {
    g_autoptr(JsonArray) ordered = json_array_new ();

    for (guint i = 0; i <= json_array_get_length (copy); i++)
      {
        if ((int) i == index)
          json_array_add_element (ordered, json_node_copy (picture));
        if (i < json_array_get_length (copy))
          json_array_add_element (ordered, json_node_copy (json_array_get_element (copy, i)));
      }
    set_pending (self, ordered);
  }
}

int
byline_article_find_missing_place (BylineArticle *self,
                                   int            index)
{
  g_autofree char *place = NULL;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), -1);

  place = byline_article_dup_missing_place (self, index);
  return place != NULL ? byline_body_find_paragraph (byline_article_get_body (self), place) : -1;
}

void
byline_article_describe_as_missing (BylineArticle *self,
                                    int            index,
                                    BylineImage   *image)
{
  static const struct
  {
    const char *member;
    const char *(*get) (BylineImage *image);
    void (*set) (BylineImage *image, const char *text);
  } fields[] = {
    { "caption", byline_image_get_caption, byline_image_set_caption },
    { "credit", byline_image_get_credit, byline_image_set_credit },
    { "alt_text", byline_image_get_alt_text, byline_image_set_alt_text },
  };
  JsonObject *picture;

  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail (BYLINE_IS_IMAGE (image));

  if ((picture = get_picture (self, index)) == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *said = get_member (picture, fields[i].member);

      if (said != NULL && byline_text_is_blank (fields[i].get (image)))
        fields[i].set (image, said);
    }
}

gboolean
byline_article_forget_missing_pictures (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), FALSE);

  if (get_pending (self) == NULL)
    return FALSE;
  set_pending (self, NULL);
  return TRUE;
}
