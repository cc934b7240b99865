/* byline-import.c — an article from a file's bytes, whatever the file is
 *
 * Shared by the CLI and the app, so that both take the same files and refuse
 * the others with the same message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "byline-article.h"
#include "byline-article-private.h"
#include "byline-body.h"
#include "byline-draft-format.h"
#include "byline-draft-store-private.h"
#include "byline-doc-private.h"
#include "byline-docx-private.h"
#include "byline-odt-private.h"
#include "byline-rtf-private.h"
#include "byline-error.h"
#include "byline-html.h"
#include "byline-image.h"
#include "byline-image-info.h"
#include "byline-import.h"
#include "byline-import-private.h"
#include "byline-ninjs.h"
#include "byline-text.h"
#include "byline-vn-legacy-private.h"

/* How far to look for NUL bytes, which no text, HTML or JSON file has. */
#define BINARY_PROBE_SIZE (64 * 1024)

/* Library messages name the input when they know it; this makes sure they do. */
static void
fail_naming (GError     **error,
             GError      *local_error,
             const char  *display)
{
  if (strstr (local_error->message, display) != NULL)
    g_propagate_error (error, local_error);
  else
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                   display, local_error->message);
      g_error_free (local_error);
    }
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

static gboolean
looks_like_json (const char *data,
                 gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return data[i] == '{' || data[i] == '[';
  return FALSE;
}

/* JSON that is neither a draft nor ninjs: say why, with the position when it
 * does not even parse. */
static void
set_json_error (GBytes      *bytes,
                const char  *display,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      const char *message = local_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED, "%s:%s", display, message);
    }
  else
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                 _("%s is JSON, but neither a Byline draft nor a ninjs item"), display);
}

/* The document a reporter is most likely to open for a story that Byline
 * does not read: a PDF.  NULL for anything else. */
static const char *
document_kind (const char *data,
               gsize       length)
{
  if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return "PDF";
  return NULL;
}

/* Text and HTML: no picture, no binary (HTML may declare another encoding;
 * the HTML reader converts it, so only text is held to UTF-8). */
static gboolean
check_not_binary (GBytes      *bytes,
                  const char  *display,
                  GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *media_type = NULL;

  if (byline_image_info_sniff ((const guint8 *) data, length, &media_type, NULL, NULL))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s is a picture (%s), not an article"), display, media_type);
      return FALSE;
    }
  if ((media_type = document_kind (data, length)) != NULL)
    {
      /* Translators: the second %s is a kind of document: "PDF" */
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s is a document (%s), not an article: save it as a web page (HTML) or as text "
                     "from the program that made it, or copy its text into a new story"),
                   display, media_type);
      return FALSE;
    }
  if (memchr (data, '\0', MIN (length, BINARY_PROBE_SIZE)) != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s is a binary file, not an article (ninjs, HTML, text or a Byline draft)"),
                   display);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_utf8 (GBytes      *bytes,
            const char  *display,
            GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *line_start = data;
  const char *end;
  guint line = 1;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;

  for (const char *p = data; p < end; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_UTF8,
               _("%s:%u:%ld: not UTF-8 text (byte 0x%02X); convert it first, "
                 "e.g. with “iconv -f WINDOWS-1258 -t UTF-8”"),
               display, line, g_utf8_strlen (line_start, end - line_start) + 1,
               (guint) (guint8) *end);
  return FALSE;
}

static gboolean
article_is_empty (BylineArticle *article)
{
  BylineBody *body = byline_article_get_body (article);
  const char *headline = byline_article_get_headline (article);
  const char *lead = byline_article_get_lead (article);

  if ((headline != NULL && *headline != '\0') || (lead != NULL && *lead != '\0')
      || byline_article_get_n_images (article) > 0)
    return FALSE;
  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);

      if (byline_block_get_kind (block) == BYLINE_BLOCK_IMAGE || *byline_block_get_text (block) != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Pages and wires put a picture's credit at the end of its caption
 * ("… Ảnh: Hà Anh"): it goes to the credit, where the checks and the
 * destinations look for it, unless the picture has one already. */
static void
take_credits_from_captions (BylineArticle *article)
{
  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      g_autofree char *credit = NULL;
      g_autofree char *caption = NULL;

      if (!byline_text_is_blank (byline_image_get_credit (image)))
        continue;
      caption = byline_text_split_credit (byline_image_get_caption (image), &credit);
      if (caption == NULL)
        continue;
      byline_image_set_caption (image, caption);
      byline_image_set_credit (image, credit);
    }
}

gsize
byline_import_size_limit (const void *head,
                          gsize       length)
{
  g_return_val_if_fail (head != NULL || length == 0, BYLINE_IMPORT_MAX_SIZE);

  /* Word's and LibreOffice's documents (ZIP), Word 97's (a compound
   * file) and Rich Text (their hex twice their size): they carry their
   * photos. */
  if ((length >= 4 && memcmp (head, "PK\003\004", 4) == 0)
      || (length >= 4 && memcmp (head, "\xD0\xCF\x11\xE0", 4) == 0)
      || (length >= 5 && memcmp (head, "{\\rtf", 5) == 0))
    return BYLINE_IMPORT_MAX_DOCUMENT_SIZE;
  return BYLINE_IMPORT_MAX_SIZE;
}

#define LEFT_OUT_KEY "byline-import-left-out"
#define DETAILS_KEY "byline-import-left-out-details"

/* What is known of a picture left out, besides its label. */
typedef struct
{
  char *href;
  char *alt;
  char *place;
} Details;

static void
details_free (gpointer data)
{
  Details *details = data;

  g_free (details->href);
  g_free (details->alt);
  g_free (details->place);
  g_free (details);
}

void
_byline_import_left_out (BylineArticle *article,
                         const char    *label)
{
  _byline_import_left_out_full (article, label, NULL, NULL);
}

void
_byline_import_left_out_full (BylineArticle *article,
                              const char    *label,
                              const char    *href,
                              const char    *alt)
{
  GPtrArray *labels = g_object_get_data (G_OBJECT (article), LEFT_OUT_KEY);
  GHashTable *details = g_object_get_data (G_OBJECT (article), DETAILS_KEY);

  if (labels == NULL)
    {
      labels = g_ptr_array_new_with_free_func (g_free);
      g_object_set_data_full (G_OBJECT (article), LEFT_OUT_KEY, labels, (GDestroyNotify) g_ptr_array_unref);
      details = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, details_free);
      g_object_set_data_full (G_OBJECT (article), DETAILS_KEY, details, (GDestroyNotify) g_hash_table_unref);
    }
  g_ptr_array_add (labels, g_strdup (label));
  /* The first of two pictures of one name keeps what is known of it. */
  if (!g_hash_table_contains (details, label))
    {
      Details *these = g_new0 (Details, 1);

      these->href = href != NULL && *href != '\0' ? g_strdup (href) : NULL;
      these->alt = alt != NULL && !byline_text_is_blank (alt) ? byline_text_normalize_line (alt, -1) : NULL;
      g_hash_table_insert (details, g_strdup (label), these);
    }
}

void
_byline_import_left_out_place (BylineArticle *article,
                               const char    *place)
{
  GPtrArray *labels = g_object_get_data (G_OBJECT (article), LEFT_OUT_KEY);
  GHashTable *details = g_object_get_data (G_OBJECT (article), DETAILS_KEY);
  Details *last;

  g_return_if_fail (labels != NULL && labels->len > 0);

  last = g_hash_table_lookup (details, g_ptr_array_index (labels, labels->len - 1));
  if (last != NULL && last->place == NULL)
    last->place = g_strdup (place);
}

char **
_byline_import_keep_left_out (BylineArticle *article,
                              const char    *source)
{
  g_autoptr(GHashTable) details = g_object_steal_data (G_OBJECT (article), DETAILS_KEY);
  g_auto(GStrv) labels = _byline_import_steal_left_out (article);

  for (guint i = 0; labels[i] != NULL; i++)
    {
      Details *these = g_hash_table_lookup (details, labels[i]);

      _byline_article_add_missing_picture (article, labels[i], source, these->href, these->place, these->alt);
    }
  return g_steal_pointer (&labels);
}

static BylineArticle *
read_article (GBytes      *bytes,
              const char  *display,
              GFile       *folder,
              const char **format,
              GError     **error)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) content = NULL;
  const char *dummy = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display != NULL, NULL);
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), NULL);

  if (format == NULL)
    format = &dummy;
  *format = NULL;

  /* A byte order mark says nothing the content does not. */
  data = g_bytes_get_data (bytes, &length);
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    content = g_bytes_new_from_bytes (bytes, 3, length - 3);
  else
    content = g_bytes_ref (bytes);
  data = g_bytes_get_data (content, &length);

  if (is_blank (data, length))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID, _("%s is empty"), display);
      return NULL;
    }

  if (byline_draft_format_sniff (content))
    {
      *format = "draft";
      article = byline_draft_format_parse (content, display, &local_error);
    }
  else if (byline_ninjs_sniff (content))
    {
      *format = "ninjs";
      article = byline_ninjs_import (content, display, folder, &local_error);
    }
  else if (_byline_rtf_sniff (content))
    {
      /* Rich Text begins with a brace too: before JSON. */
      *format = "rtf";
      article = _byline_rtf_import (content, display, &local_error);
    }
  else if (looks_like_json (data, length))
    {
      set_json_error (content, display, error);
      return NULL;
    }
  else if (_byline_docx_sniff (content))
    {
      *format = "docx";
      article = _byline_docx_import (content, display, &local_error);
    }
  else if (_byline_odt_sniff (content))
    {
      *format = "odt";
      article = _byline_odt_import (content, display, &local_error);
    }
  else if (_byline_doc_sniff (content))
    {
      *format = "doc";
      article = _byline_doc_import (content, display, &local_error);
    }
  else if (!check_not_binary (content, display, error))
    return NULL;
  else if (byline_html_sniff (content))
    {
      *format = "html";
      article = byline_html_import (content, display, folder, &local_error);
    }
  else if (!g_utf8_validate_len (data, length, NULL))
    {
      /* Vietnamese of before Unicode (TCVN3, Windows-1258), else what to do. */
      g_autofree char *decoded = _byline_vn_legacy_decode_text (data, length);
      g_autoptr(GBytes) text = NULL;

      if (decoded == NULL)
        {
          check_utf8 (content, display, error);
          return NULL;
        }
      text = g_bytes_new_take (decoded, strlen (decoded));
      decoded = NULL;
      *format = "text";
      article = byline_text_import (text, display, &local_error);
    }
  else
    {
      *format = "text";
      article = byline_text_import (content, display, &local_error);
    }

  if (article == NULL)
    {
      fail_naming (error, g_steal_pointer (&local_error), display);
      return NULL;
    }
  /* A file of another kind that gave nothing (a ninjs whose fields are all
   * of the wrong type, HTML with no text) would open as an empty story, as
   * if it had been read.  An empty Byline draft is a draft. */
  if (!g_str_equal (*format, "draft") && article_is_empty (article))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s has no headline, lead, text or picture that Byline can read"), display);
      return NULL;
    }
  /* Credits typed in captions and a byline typed as the last paragraph go
   * to their fields (byline-article-byline.c). */
  if (!g_str_equal (*format, "draft"))
    {
      take_credits_from_captions (article);
      byline_article_take_byline_paragraph (article);
    }
  return g_steal_pointer (&article);
}

BylineArticle *
byline_import_read_full (GBytes       *bytes,
                         const char   *display,
                         GFile        *folder,
                         const char  **format,
                         char       ***left_out,
                         GError      **error)
{
  g_autoptr(BylineArticle) article = read_article (bytes, display, folder, format, error);
  g_autofree char *source = g_path_get_basename (display);
  g_auto(GStrv) labels = NULL;

  if (left_out != NULL)
    *left_out = NULL;
  if (article == NULL)
    return NULL;
  /* Kept with the draft too, for the checks to name until they are
   * added by hand or forgotten (byline-article-missing.c). */
  labels = _byline_import_keep_left_out (article, source);
  if (left_out != NULL)
    *left_out = g_steal_pointer (&labels);
  return g_steal_pointer (&article);
}

/* The left-out pictures' labels kept on @article, as a string array. */
char **
_byline_import_steal_left_out (BylineArticle *article)
{
  g_autoptr(GPtrArray) labels = g_object_steal_data (G_OBJECT (article), LEFT_OUT_KEY);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_object_set_data (G_OBJECT (article), DETAILS_KEY, NULL);
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (labels, i));
  return g_strv_builder_end (builder);
}

BylineArticle *
byline_import_read_piece (GBytes       *bytes,
                          const char   *display,
                          char       ***left_out,
                          GError      **error)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autofree char *source = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (left_out != NULL)
    *left_out = NULL;
  if (_byline_odt_sniff (bytes))
    article = _byline_odt_import_piece (bytes, display, &local_error);
  else if (_byline_rtf_sniff (bytes))
    article = _byline_rtf_import_piece (bytes, display, &local_error);
  else
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                   _("%s is neither an OpenDocument text nor Rich Text"), display);
      return NULL;
    }
  if (article == NULL)
    {
      fail_naming (error, g_steal_pointer (&local_error), display);
      return NULL;
    }
  source = g_path_get_basename (display);
  return _byline_import_finish_piece (g_steal_pointer (&article), display, source, left_out, error);
}

BylineArticle *
_byline_import_finish_piece (BylineArticle   *article,
                             const char      *display,
                             const char      *source,
                             char          ***left_out,
                             GError         **error)
{
  g_autoptr(BylineArticle) piece = article;
  /* Kept with the piece, and with the story once pasted, as a whole
   * document's are (byline_import_read_full()). */
  g_auto(GStrv) labels = _byline_import_keep_left_out (piece, source);

  if (article_is_empty (piece))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s has no text or picture that Byline can read"), display);
      return NULL;
    }
  /* "… Ảnh: Hà Anh" at a caption's end is its credit, as when the document
   * is opened; a name as the last paragraph stays: it ends the piece, not
   * the story. */
  take_credits_from_captions (piece);
  if (left_out != NULL)
    *left_out = g_steal_pointer (&labels);
  return g_steal_pointer (&piece);
}

BylineArticle *
byline_import_read (GBytes      *bytes,
                    const char  *display,
                    GFile       *folder,
                    const char **format,
                    GError     **error)
{
  return byline_import_read_full (bytes, display, folder, format, NULL, error);
}

char *
byline_import_describe_left_out (const char         *display,
                                 const char * const *left_out)
{
  guint n = left_out != NULL ? g_strv_length ((char **) left_out) : 0;
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (display != NULL, NULL);

  if (n == 0)
    return NULL;
  for (guint i = 0; i < n && i < 3; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", left_out[i]);
  if (n > 3)
    g_string_append (names, ", …");
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u picture of %s was left out (%s): it is missing, damaged, "
                                       "or not a JPEG, PNG, GIF or WebP picture",
                                       "%u pictures of %s were left out (%s): they are missing, damaged, "
                                       "or not JPEG, PNG, GIF or WebP pictures", n),
                          n, display, names->str);
}

static char *
sha256_of_file (GFile   *file,
                GError **error)
{
  g_autoptr(GFileInputStream) input = g_file_read (file, NULL, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 buffer[65536];

  if (input == NULL)
    return NULL;
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (input), buffer, sizeof buffer, NULL, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

gboolean
byline_import_attach_draft_media (BylineArticle  *article,
                                  GFile          *folder,
                                  const char     *display,
                                  gboolean        require,
                                  GError        **error)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      g_autofree char *media_path = byline_image_dup_media_path (image);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFileInfo) info = NULL;
      g_autofree char *sha256 = NULL;
      g_autoptr(GError) local_error = NULL;

      /* Already a file (a picture moved in with the draft), or remote. */
      if (byline_image_get_file (image) != NULL || media_path == NULL)
        continue;
      file = g_file_resolve_relative_path (folder, media_path);
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          if (!require)
            continue;
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                       _("%s: picture “%s” is missing (%s)"), display,
                       byline_image_get_filename (image) ? byline_image_get_filename (image) : "",
                       media_path);
          return FALSE;
        }
      if (require)
        {
          sha256 = sha256_of_file (file, &local_error);
          if (sha256 == NULL)
            {
              g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED,
                           _("%s: cannot read %s: %s"), display, media_path, local_error->message);
              return FALSE;
            }
          if (g_ascii_strcasecmp (sha256, byline_image_get_sha256 (image)) != 0)
            {
              g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                           _("%s: %s does not hold the picture its name says (damaged?)"),
                           display, media_path);
              return FALSE;
            }
        }
      byline_image_set_file (image, file);
    }
  /* A draft of format 1.0: its pictures measured as the store measures
   * them when it loads one. */
  if (_byline_draft_format_take_sizes_as_stored (article))
    _byline_draft_measure_pictures (article);
  return TRUE;
}
