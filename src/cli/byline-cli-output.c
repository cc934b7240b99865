/* byline-cli-output.c — what byline-cli prints and writes: text, JSON, files
 *
 * Text for people goes through g_print(), which main() sends out as UTF-8;
 * data (exports and --json) is written with write(2), as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>

#include "byline-cli.h"

gboolean
byline_cli_write_stdout (const void  *data,
                         gsize        length,
                         GError     **error)
{
  /* Whatever g_print() may have buffered goes first. */
  fflush (stdout);
  while (length > 0)
    {
      gssize written = write (STDOUT_FILENO, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          int saved_errno = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("cannot write to standard output: %s"), g_strerror (saved_errno));
          return FALSE;
        }
      data = (const guint8 *) data + written;
      length -= written;
    }
  return TRUE;
}

gboolean
byline_cli_print_json (JsonNode  *node,
                       GError   **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');
  return byline_cli_write_stdout (text->str, text->len, error);
}

/* ----------------------------------------------------------------- text */

char *
byline_cli_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("-");
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

const char *
byline_cli_status_label (BylineStatus status)
{
  switch (status)
    {
    case BYLINE_STATUS_DRAFT:
      return C_("status", "draft");
    case BYLINE_STATUS_SUBMITTED:
      return C_("status", "submitted");
    case BYLINE_STATUS_RETURNED:
      return C_("status", "returned");
    case BYLINE_STATUS_SCHEDULED:
      return C_("status", "scheduled");
    case BYLINE_STATUS_PUBLISHED:
      return C_("status", "published");
    default:
      return "?";
    }
}

char *
byline_cli_pad (const char *text,
                guint       width)
{
  glong length = g_utf8_strlen (text, -1);
  GString *padded = g_string_new (text);

  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (padded, ' ');
  return g_string_free (padded, FALSE);
}

static char *
right_align (const char *text,
             guint       width)
{
  glong length = g_utf8_strlen (text, -1);
  g_autofree char *pad = g_strnfill (length < (glong) width ? width - length : 0, ' ');

  return g_strconcat (pad, text, NULL);
}

static guint
label_width (const char * const *labels)
{
  guint width = 0;

  for (gsize i = 0; labels[i] != NULL; i++)
    width = MAX (width, (guint) g_utf8_strlen (labels[i], -1));
  return width;
}

void
byline_cli_print_summaries (GPtrArray *summaries,
                            gboolean   deleted)
{
  const char *headers[] = {
    C_("column", "ID"), C_("column", "STATUS"), deleted ? C_("column", "DELETED") : C_("column", "MODIFIED"),
    C_("column", "WORDS"), C_("column", "HEADLINE"), NULL
  };
  const char *statuses[] = {
    headers[1],
    byline_cli_status_label (BYLINE_STATUS_DRAFT),
    byline_cli_status_label (BYLINE_STATUS_SUBMITTED),
    byline_cli_status_label (BYLINE_STATUS_RETURNED),
    byline_cli_status_label (BYLINE_STATUS_SCHEDULED),
    byline_cli_status_label (BYLINE_STATUS_PUBLISHED),
    NULL
  };
  guint status_width = label_width (statuses);
  guint words_width = MAX (6, (guint) g_utf8_strlen (headers[3], -1));
  g_autofree char *id_h = byline_cli_pad (headers[0], 36);
  g_autofree char *status_h = byline_cli_pad (headers[1], status_width);
  g_autofree char *modified_h = byline_cli_pad (headers[2], 16);
  g_autofree char *words_h = right_align (headers[3], words_width);

  g_print ("%s  %s  %s  %s  %s\n", id_h, status_h, modified_h, words_h, headers[4]);
  for (guint i = 0; i < summaries->len; i++)
    {
      const BylineDraftSummary *summary = g_ptr_array_index (summaries, i);
      g_autofree char *status = byline_cli_pad (summary->problem ? "?"
                                                : byline_cli_status_label (summary->status),
                                                status_width);
      g_autofree char *modified = byline_cli_format_time (deleted ? summary->deleted : summary->modified);
      g_autofree char *modified_p = byline_cli_pad (modified, 16);

      if (summary->problem != NULL)
        {
          g_autofree char *problem = g_strdup (summary->problem);

          /* A draft that cannot be read is listed, so that it can be seen and
           * deleted; why takes the place of its headline. */
          g_strdelimit (problem, "\r\n", ' ');
          g_print ("%s  %s  %s  %*s  (%s)\n", summary->id, status, modified_p,
                   (int) words_width, "-", problem);
          continue;
        }
      g_print ("%s  %s  %s  %*u  %s\n", summary->id, status, modified_p,
               (int) words_width, summary->word_count,
               summary->headline ? summary->headline : "");
    }
}

void
byline_cli_print_versions (GPtrArray *versions,
                           guint64    current)
{
  const char *headers[] = {
    C_("column", "VERSION"), C_("column", "SAVED"), C_("column", "WORDS"),
    C_("column", "HEADLINE"), NULL
  };
  guint number_width = MAX (8, (guint) g_utf8_strlen (headers[0], -1));
  guint words_width = MAX (6, (guint) g_utf8_strlen (headers[2], -1));
  g_autofree char *number_h = right_align (headers[0], number_width);
  g_autofree char *saved_h = byline_cli_pad (headers[1], 16);
  g_autofree char *words_h = right_align (headers[2], words_width);

  g_print ("  %s  %s  %s  %s\n", number_h, saved_h, words_h, headers[3]);
  for (guint i = 0; i < versions->len; i++)
    {
      const BylineDraftVersion *version = g_ptr_array_index (versions, i);
      g_autofree char *saved = byline_cli_format_time (version->saved);
      g_autofree char *saved_p = byline_cli_pad (saved, 16);

      /* "*" marks the current version, as git marks the current branch. */
      g_print ("%s %*" G_GUINT64_FORMAT "  %s  %*u  %s\n",
               version->revision == current ? "*" : " ",
               (int) number_width, version->revision, saved_p,
               (int) words_width, version->word_count,
               version->headline ? version->headline : "");
    }
}

/* Pictures an imported item named but whose bytes are not here yet. */
static void
print_pending_pictures (BylineArticle *article)
{
  g_autoptr(JsonArray) pending = byline_ninjs_dup_pending_pictures (article);

  if (pending == NULL)
    return;

  /* A ninjs item's by their address, an opened document's or page's by
   * their name and file. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u picture not in the story:\n",
                        "%u pictures not in the story:\n", json_array_get_length (pending)),
           json_array_get_length (pending));
  for (guint i = 0; i < json_array_get_length (pending); i++)
    {
      JsonObject *picture = json_array_get_object_element (pending, i);
      const char *href = picture ? json_object_get_string_member_with_default (picture, "href", "") : "";
      const char *caption = picture ? json_object_get_string_member_with_default (picture, "caption", "") : "";
      const char *name = picture ? json_object_get_string_member_with_default (picture, "name", "") : "";
      const char *source = picture ? json_object_get_string_member_with_default (picture, "source", "") : "";

      /* A linked one's address after its name: where it was to come from. */
      if (*source != '\0' || (*href == '\0' && *name != '\0'))
        g_print ("  – %s%s%s%s%s%s\n", name, *source ? " (" : "", source, *source ? ")" : "",
                 *href ? ": " : "", href);
      else
        g_print ("  – %s%s%s\n", href, *caption ? ": " : "", caption);
    }
}

void
byline_cli_print_article (BylineArticle *article)
{
  const char *labels[] = {
    _("Id:"), _("Status:"), _("Byline:"), _("Dateline:"), _("Category:"), _("Tags:"),
    _("Language:"), _("Created:"), _("Modified:"), _("Publish time:"), _("Revision:"),
    _("Words:"), _("Pictures:"), NULL
  };
  guint width = label_width (labels) + 1;
  const char * const *tags = byline_article_get_tags (article);
  g_autofree char *byline = byline_article_dup_byline (article);
  g_autofree char *tag_list = tags ? g_strjoinv (", ", (char **) tags) : g_strdup ("");
  g_autofree char *created = byline_cli_format_time (byline_article_get_created (article));
  g_autofree char *modified = byline_cli_format_time (byline_article_get_modified (article));
  g_autofree char *publish = byline_cli_format_time (byline_article_get_publish_time (article));
  g_autofree char *revision = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                               byline_article_get_revision (article));
  g_autofree char *words = g_strdup_printf ("%u", byline_article_count_words (article));
  g_autofree char *n_images = g_strdup_printf ("%u", byline_article_get_n_images (article));
  g_autofree char *text = byline_text_export (article);
  const char *values[] = {
    byline_article_get_id (article),
    byline_cli_status_label (byline_article_get_status (article)),
    byline ? byline : "",
    byline_article_get_dateline (article) ? byline_article_get_dateline (article) : "",
    byline_article_get_category (article) ? byline_article_get_category (article) : "",
    tag_list, byline_article_get_language (article) ? byline_article_get_language (article) : "",
    created, modified, publish, revision, words, n_images,
  };

  for (gsize i = 0; labels[i] != NULL; i++)
    {
      g_autofree char *label = byline_cli_pad (labels[i], width);
      g_print ("%s%s\n", label, values[i]);
    }

  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      const char *caption = byline_image_get_caption (image);

      /* TRANSLATORS: a picture of the article: its number, file name, width,
       * height, media type and caption */
      g_print (_("  %u. %s (%u×%u, %s)%s%s%s\n"), i + 1,
               byline_image_get_filename (image) ? byline_image_get_filename (image) : "",
               byline_image_get_width (image), byline_image_get_height (image),
               byline_image_get_media_type (image),
               byline_image_get_featured (image) ? _(", featured") : "",
               caption && *caption ? ": " : "", caption ? caption : "");
    }

  print_pending_pictures (article);

  g_print ("\n%s", text);
  if (text[0] != '\0' && !g_str_has_suffix (text, "\n"))
    g_print ("\n");
}

/* ISO 8601 as people write it: GLib wants the seconds, people leave them out. */
GDateTime *
byline_cli_parse_time (const char *text)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  GDateTime *time = g_date_time_new_from_iso8601 (text, local);
  const char *t = strchr (text, 'T');

  if (time == NULL && t != NULL && strlen (t) >= 6 && t[3] == ':' && t[6] != ':')
    {
      g_autofree char *with_seconds = g_strdup_printf ("%.*s:00%s", (int) (t + 6 - text), text, t + 6);

      time = g_date_time_new_from_iso8601 (with_seconds, local);
    }
  return time;
}

/* --------------------------------------------------- async, and words */

void
byline_cli_got_result (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

GAsyncResult *
byline_cli_wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

gboolean
byline_cli_say (GError     **error,
                const char  *format,
                ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  return byline_cli_write_stdout (text, strlen (text), error);
}

gboolean
byline_cli_usage_error (GError     **error,
                        const char  *message,
                        const char  *detail)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, message, detail);
  return FALSE;
}

/* ----------------------------------------------------------------- JSON */

static void
add_time (JsonBuilder *builder,
          const char  *name,
          GDateTime   *time)
{
  json_builder_set_member_name (builder, name);
  if (time != NULL)
    {
      g_autofree char *iso = g_date_time_format_iso8601 (time);
      json_builder_add_string_value (builder, iso);
    }
  else
    json_builder_add_null_value (builder);
}

JsonNode *
byline_cli_summary_to_json (const BylineDraftSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, summary->id);
  json_builder_set_member_name (builder, "headline");
  json_builder_add_string_value (builder, summary->headline ? summary->headline : "");
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, byline_status_to_string (summary->status));
  add_time (builder, "modified", summary->modified);
  /* In the trash's listing only: when it was deleted. */
  if (summary->deleted != NULL)
    add_time (builder, "deleted", summary->deleted);
  json_builder_set_member_name (builder, "word_count");
  json_builder_add_int_value (builder, summary->word_count);
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, summary->revision);
  /* Why the draft cannot be read; null for a good one. */
  json_builder_set_member_name (builder, "problem");
  if (summary->problem != NULL)
    json_builder_add_string_value (builder, summary->problem);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
byline_cli_version_to_json (const BylineDraftVersion *version)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, version->revision);
  add_time (builder, "saved", version->saved);
  json_builder_set_member_name (builder, "headline");
  json_builder_add_string_value (builder, version->headline ? version->headline : "");
  json_builder_set_member_name (builder, "word_count");
  json_builder_add_int_value (builder, version->word_count);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
