/* byline-office.c — what the readers of word processors' documents share
 *
 * byline-docx.c and byline-odt.c read a document's paragraphs into
 * BylineOfficeParas; this turns them into the simple page the HTML import
 * reads, so that what that import does for a page (the headline, the lead,
 * "(BLC) - ", a byline as the last paragraph, captions and credits) it does
 * for a document too.  A caption numbered by the word processor's Insert
 * Caption ("Hình 1: …": the number a sequence field, which the readers
 * mark) is the caption without its label and number; one numbered by hand
 * is kept as typed.  Pictures are written to a temporary folder the
 * import attaches them from, removed with the article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include <libxml/parser.h>

#include "byline-article.h"
#include "byline-error.h"
#include "byline-html.h"
#include "byline-html-private.h"
#include "byline-image.h"
#include "byline-image-info.h"
#include "byline-import-private.h"
#include "byline-files.h"
#include "byline-office-private.h"
#include "byline-text.h"

#define MAX_PICTURE_SIZE (64 * 1024 * 1024)

/* ---------------------------------------------------------------- XML */

gboolean
_byline_xml_is (xmlNode    *node,
                const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

xmlNode *
_byline_xml_child (xmlNode    *node,
                   const char *name)
{
  for (xmlNode *c = node != NULL ? node->children : NULL; c != NULL; c = c->next)
    if (_byline_xml_is (c, name))
      return c;
  return NULL;
}

char *
_byline_xml_attr (xmlNode    *node,
                  const char *name)
{
  xmlChar *value;
  char *copy;

  /* xmlGetProp() matches the local name, whatever the namespace. */
  if (node == NULL || (value = xmlGetProp (node, (const xmlChar *) name)) == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

xmlDoc *
_byline_office_read_xml (BylineZip   *zip,
                         const char  *display,
                         const char  *name,
                         gboolean     required,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  xmlDoc *doc;
  gsize length;
  const char *data;

  bytes = byline_zip_read (zip, name, BYLINE_OFFICE_MAX_PART, &local_error);
  if (bytes == NULL)
    {
      if (!required && g_error_matches (local_error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  /* No network, no external entities. */
  doc = xmlReadMemory (data, (int) MIN (length, G_MAXINT), name, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc != NULL && doc->intSubset != NULL)
    g_clear_pointer (&doc, xmlFreeDoc);
  if (doc == NULL)
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                 _("%s is damaged: its %s cannot be read"), display, name);
  return doc;
}

/* ------------------------------------------------------------ sniffing */

#define SNIFF_SIZE (64 * 1024)

gboolean
_byline_office_sniff_zip (GBytes     *bytes,
                          const char *marker)
{
  gsize length, n = strlen (marker);
  const char *data = g_bytes_get_data (bytes, &length);

  if (length < 4 || memcmp (data, "PK\003\004", 4) != 0)
    return FALSE;
  length = MIN (length, SNIFF_SIZE);
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, marker, n) == 0)
      return TRUE;
  return FALSE;
}

/* --------------------------------------------------------- paragraphs */

BylineOfficePara *
_byline_office_para_new (void)
{
  BylineOfficePara *para = g_new0 (BylineOfficePara, 1);

  para->html = g_string_new (NULL);
  para->pictures = g_ptr_array_new_with_free_func (g_free);
  para->captions = g_ptr_array_new_with_free_func (g_free);
  para->boxes = g_ptr_array_new ();
  return para;
}

void
_byline_office_para_free (BylineOfficePara *para)
{
  if (para == NULL)
    return;
  g_string_free (para->html, TRUE);
  g_ptr_array_unref (para->pictures);
  g_ptr_array_unref (para->captions);
  g_ptr_array_unref (para->boxes);
  g_free (para);
}

void
_byline_office_para_join (BylineOfficePara *para,
                          BylineOfficePara *before)
{
  g_string_prepend (para->html, before->html->str);
  if (para->numbered)
    {
      para->number_end += before->html->len;
      para->number_chars += before->n_chars;
    }
  para->n_chars += before->n_chars;
  para->n_bold += before->n_bold;
  para->n_italic += before->n_italic;
  for (guint i = before->pictures->len; i > 0; i--)
    {
      g_ptr_array_insert (para->pictures, 0, g_steal_pointer (&before->pictures->pdata[i - 1]));
      g_ptr_array_insert (para->captions, 0, g_steal_pointer (&before->captions->pdata[i - 1]));
    }
}

void
_byline_office_para_add_text (BylineOfficePara *para,
                              const char       *text,
                              gboolean          bold,
                              gboolean          italic)
{
  _byline_office_para_add_text_in (para, text, bold, italic, BYLINE_VN_LEGACY_NONE);
}

/* What follows a caption's number: its separator (": ", ". ", " - ",
 * " – ", " — ") and spaces. */
static const char *
after_separator (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    {
      gunichar c = g_utf8_get_char (text);

      if (!g_unichar_isspace (c) && c != ':' && c != '.' && c != '-' && c != 0x2013 && c != 0x2014)
        break;
    }
  return text;
}

void
_byline_office_para_add_text_in (BylineOfficePara *para,
                                 const char       *text,
                                 gboolean          bold,
                                 gboolean          italic,
                                 BylineVnLegacy    legacy)
{
  /* The HTML import reads the old codes by the font, as in any page, and
   * decides for the whole story whether they are those codes at all. */
  static const char *faces[] = {
    [BYLINE_VN_LEGACY_TCVN3] = ".VnTime",
    [BYLINE_VN_LEGACY_TCVN3_CAPITALS] = ".VnTimeH",
    [BYLINE_VN_LEGACY_VNI] = "VNI-Times",
  };
  g_autofree char *escaped = NULL;
  gsize text_end;
  glong n;

  if (para->after_number)
    {
      const char *rest = after_separator (text);

      /* The separator in a run of its own, so that the caption begins at
       * a run's start. */
      para->after_number = FALSE;
      if (rest != text)
        {
          g_autofree char *separator = g_strndup (text, rest - text);

          _byline_office_para_add_text_in (para, separator, bold, italic, legacy);
        }
      para->number_end = para->html->len;
      para->number_chars = para->n_chars;
      para->after_number = *rest == '\0';
      if (para->after_number)
        return;
      text = rest;
    }
  escaped = g_markup_escape_text (text, -1);
  n = g_utf8_strlen (text, -1);
  /* A word processor cuts runs where it likes (an edit made later, a
   * spelling mark), also between an old code's letter and the mark after
   * it ("chô" "ï", VNI's "chợ"): a run in the same font and formatting as
   * the one just before joins it, so that the import reads the letter
   * whole.  Not where a numbered caption's text begins. */
  if (legacy != BYLINE_VN_LEGACY_NONE && para->legacy == legacy && para->legacy_end == para->html->len
      && para->legacy_bold == bold && para->legacy_italic == italic && para->number_end != para->html->len)
    g_string_truncate (para->html, para->legacy_end - para->legacy_close);
  else
    {
      if (bold)
        g_string_append (para->html, "<b>");
      if (italic)
        g_string_append (para->html, "<i>");
      if (legacy != BYLINE_VN_LEGACY_NONE)
        g_string_append_printf (para->html, "<font face=\"%s\">", faces[legacy]);
    }
  g_string_append (para->html, escaped);
  text_end = para->html->len;
  if (legacy != BYLINE_VN_LEGACY_NONE)
    g_string_append (para->html, "</font>");
  if (italic)
    g_string_append (para->html, "</i>");
  if (bold)
    g_string_append (para->html, "</b>");
  para->legacy_close = para->html->len - text_end;
  para->legacy_end = para->html->len;
  para->legacy = legacy;
  para->legacy_bold = bold;
  para->legacy_italic = italic;
  /* Spaces count as neither: a bold paragraph may have plain spaces. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      n--;
  para->n_chars += n;
  if (bold)
    para->n_bold += n;
  if (italic)
    para->n_italic += n;
}

void
_byline_office_para_add_picture (BylineOfficePara *para,
                                 const char       *src,
                                 const char       *alt,
                                 const char       *caption)
{
  g_autofree char *escaped_src = g_markup_escape_text (src, -1);
  g_autofree char *escaped_alt = g_markup_escape_text (alt != NULL ? alt : "", -1);

  g_ptr_array_add (para->pictures, g_strdup_printf ("<img src=\"%s\" alt=\"%s\">", escaped_src, escaped_alt));
  g_ptr_array_add (para->captions, g_strdup (caption));
}

void
_byline_office_para_add_left_out (BylineOfficePara *para,
                                  const char       *label,
                                  const char       *href,
                                  const char       *alt)
{
  g_autofree char *escaped_label = g_markup_escape_text (label, -1);
  g_autofree char *escaped_href = g_markup_escape_text (href != NULL ? href : "", -1);
  g_autofree char *escaped_alt = g_markup_escape_text (alt != NULL ? alt : "", -1);

  /* Read by the HTML import of a document only (_byline_html_import_document()). */
  g_ptr_array_add (para->pictures, g_strdup_printf ("<img data-left-out=\"%s\" data-href=\"%s\" alt=\"%s\">",
                                                    escaped_label, escaped_href, escaped_alt));
  g_ptr_array_add (para->captions, NULL);
}

BylineOfficeStyle
_byline_office_style_from_name (const char *name)
{
  g_autofree char *lower = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return BYLINE_OFFICE_NORMAL;
  /* LibreOffice writes "Heading_20_1" for "Heading 1". */
  lower = g_utf8_strdown (name, -1);
  g_strdelimit (lower, "_", ' ');
  if (g_str_has_prefix (lower, "heading 20 "))
    memmove (lower + 8, lower + 11, strlen (lower + 11) + 1);
  /* A newsroom's template names its own: "Tít", "Sapo", "Chú thích ảnh". */
  if (g_str_equal (lower, "title") || g_str_equal (lower, "tít") || g_str_equal (lower, "tít bài")
      || g_str_equal (lower, "tiêu đề") || g_str_equal (lower, "headline"))
    return BYLINE_OFFICE_TITLE;
  if (g_str_equal (lower, "subtitle") || g_str_equal (lower, "sapo") || g_str_equal (lower, "lead")
      || g_str_equal (lower, "chapeau") || g_str_equal (lower, "standfirst"))
    return BYLINE_OFFICE_SUBTITLE;
  if (g_str_equal (lower, "heading 1") || g_str_equal (lower, "heading1"))
    return BYLINE_OFFICE_HEADING1;
  if (g_str_has_prefix (lower, "heading"))
    return BYLINE_OFFICE_HEADING2;
  if (g_str_equal (lower, "quote") || g_str_equal (lower, "intense quote") || g_str_equal (lower, "quotations"))
    return BYLINE_OFFICE_QUOTE;
  if (g_str_equal (lower, "caption") || g_str_equal (lower, "illustration") || g_str_equal (lower, "figure")
      || g_str_has_prefix (lower, "chú thích"))
    return BYLINE_OFFICE_CAPTION;
  return BYLINE_OFFICE_NORMAL;
}

static gboolean
para_is_empty (BylineOfficePara *para)
{
  return para->n_chars == 0 && para->pictures->len == 0;
}

static gboolean
para_all (BylineOfficePara *para,
          gsize             count)
{
  return para->n_chars > 0 && count == para->n_chars && para->pictures->len == 0;
}

/* The paragraph in the Title style among the first three with text, or -1. */
static int
find_title (GPtrArray *paras)
{
  guint seen = 0;

  for (guint i = 0; i < paras->len && seen < 3; i++)
    {
      BylineOfficePara *para = paras->pdata[i];

      if (para->n_chars == 0)
        continue;
      if (para->style == BYLINE_OFFICE_TITLE)
        return (int) i;
      seen++;
    }
  return -1;
}

/* Whether the table of @paras[@first] has a row of two cells or more with
 * text, and in *@after the first paragraph with text past it, if that one
 * is in no table. */
static gboolean
is_wide_table (GPtrArray *paras,
               guint      first,
               guint     *after)
{
  BylineOfficePara *top = paras->pdata[first];
  gboolean wide = FALSE;
  guint row = 0, cell = 0;   /* the last paragraph with text's */
  guint i;

  for (i = first; i < paras->len; i++)
    {
      BylineOfficePara *para = paras->pdata[i];

      if (para->n_chars == 0)
        continue;
      if (para->table != top->table)
        break;
      /* A data table's row made one, or another cell of the row before's. */
      if (para->n_cells >= 2 || (para->row == row && para->cell != cell))
        wide = TRUE;
      row = para->row;
      cell = para->cell;
    }
  *after = i;
  return wide && i < paras->len && ((BylineOfficePara *) paras->pdata[i])->table == 0;
}

/* The headline's paragraph, when it is not the first with text, or -1: one
 * in the Title style among the first three (find_title()), or the first
 * after a table the document starts with that has a row of two cells or
 * more, a masthead ("BÁO LÀO CAI | Thứ Hai, 7/12/2026") or a form; a story
 * boxed in a one-cell table keeps its first paragraph. */
static int
find_headline (GPtrArray *paras)
{
  int title = find_title (paras);
  guint first = 0, after;

  if (title >= 0)
    return title;
  while (first < paras->len && ((BylineOfficePara *) paras->pdata[first])->n_chars == 0)
    first++;
  if (first < paras->len && ((BylineOfficePara *) paras->pdata[first])->table != 0
      && is_wide_table (paras, first, &after))
    return (int) after;
  return -1;
}

/* What comes before the headline, a kicker above the Title ("Du lịch") or a
 * masthead, goes below the headline and its lead, as the text's first
 * paragraphs: the HTML import reads no text before the headline.  (Not
 * owning the paragraphs.) */
static GPtrArray *
headline_first (GPtrArray *paras,
                int        title)
{
  GPtrArray *ordered = g_ptr_array_sized_new (paras->len);
  guint next = (guint) title + 1;

  if (title <= 0)
    {
      g_ptr_array_extend (ordered, paras, NULL, NULL);
      return ordered;
    }
  g_ptr_array_add (ordered, paras->pdata[title]);
  /* The lead, the next paragraph with text, stays next to it. */
  while (next < paras->len && ((BylineOfficePara *) paras->pdata[next])->n_chars == 0)
    next++;
  if (next < paras->len)
    for (guint i = (guint) title + 1; i <= next; i++)
      g_ptr_array_add (ordered, paras->pdata[i]);
  for (guint i = 0; i < (guint) title; i++)
    g_ptr_array_add (ordered, paras->pdata[i]);
  for (guint i = next + 1; i < paras->len; i++)
    g_ptr_array_add (ordered, paras->pdata[i]);
  return ordered;
}

static void
append_para (GString          *html,
             BylineOfficePara *para,
             const char       *open,
             const char       *close)
{
  g_string_append (html, open);
  g_string_append (html, para->html->str);
  g_string_append (html, close);
  g_string_append_c (html, '\n');
}

/* With @piece, a piece of a document pasted: no headline or lead in it, all
 * of it text. */
static char *
to_html (GPtrArray *all,
         gboolean   piece)
{
  GString *html = g_string_new ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n");
  gboolean headline = piece, lead_checked = piece;
  BylineOfficeList list = BYLINE_OFFICE_NO_LIST;
  g_autoptr(GPtrArray) ordered = headline_first (all, piece ? -1 : find_headline (all));
  GPtrArray *paras = ordered;

  for (guint i = 0; i < paras->len; i++)
    {
      BylineOfficePara *para = paras->pdata[i];
      BylineOfficePara *next = i + 1 < paras->len ? paras->pdata[i + 1] : NULL;
      gboolean is_headline = FALSE, is_lead = FALSE;
      BylineOfficeList para_list;

      if (para_is_empty (para))
        continue;
      /* The first paragraph (the Title, put first) is the headline; the
       * next one the lead when set as newspapers set it. */
      if (!headline && para->n_chars > 0)
        headline = is_headline = TRUE;
      else if (headline && !lead_checked && para->n_chars > 0)
        {
          lead_checked = TRUE;
          is_lead = para->style == BYLINE_OFFICE_SUBTITLE
                    || (para->list == BYLINE_OFFICE_NO_LIST && para_all (para, para->n_bold));
        }

      para_list = is_headline || is_lead ? BYLINE_OFFICE_NO_LIST : para->list;
      if (list != para_list)
        {
          if (list != BYLINE_OFFICE_NO_LIST)
            g_string_append (html, list == BYLINE_OFFICE_NUMBERED ? "</ol>\n" : "</ul>\n");
          if (para_list != BYLINE_OFFICE_NO_LIST)
            g_string_append (html, para_list == BYLINE_OFFICE_NUMBERED ? "<ol>" : "<ul>");
          list = para_list;
        }

      if (is_headline)
        append_para (html, para, "<h1>", "</h1>");
      else if (is_lead)
        append_para (html, para, "<p class=\"sapo\">", "</p>");
      else if (para_list != BYLINE_OFFICE_NO_LIST)
        append_para (html, para, "<li>", "</li>");
      else if (para->n_chars > 0)
        switch (para->style)
          {
          case BYLINE_OFFICE_TITLE:
          case BYLINE_OFFICE_HEADING1:
            append_para (html, para, "<h2>", "</h2>");
            break;
          case BYLINE_OFFICE_HEADING2:
            append_para (html, para, "<h3>", "</h3>");
            break;
          case BYLINE_OFFICE_QUOTE:
            append_para (html, para, "<blockquote><p>", "</p></blockquote>");
            break;
          default:
            append_para (html, para, "<p>", "</p>");
          }

      for (guint j = 0; j < para->pictures->len; j++)
        {
          const char *caption = para->captions->pdata[j];

          /* The paragraph under the last picture, in the Caption style or
           * in italics: its caption, unless it has one of its own. */
          if (caption == NULL && j + 1 == para->pictures->len && next != NULL && next->pictures->len == 0
              && next->list == BYLINE_OFFICE_NO_LIST && _byline_office_para_caption_chars (next) > 0
              && next->n_chars <= BYLINE_OFFICE_MAX_CAPTION
              && (next->style == BYLINE_OFFICE_CAPTION || para_all (next, next->n_italic)))
            {
              /* "Hình 1: " numbered it in the document, not in the story. */
              caption = _byline_office_para_caption (next);
              i++;
            }
          if (list != BYLINE_OFFICE_NO_LIST)
            {
              g_string_append (html, list == BYLINE_OFFICE_NUMBERED ? "</ol>\n" : "</ul>\n");
              list = BYLINE_OFFICE_NO_LIST;
            }
          g_string_append_printf (html, "<figure>%s%s%s%s</figure>\n", (char *) para->pictures->pdata[j],
                                  caption != NULL ? "<figcaption>" : "", caption != NULL ? caption : "",
                                  caption != NULL ? "</figcaption>" : "");
        }
    }
  if (list != BYLINE_OFFICE_NO_LIST)
    g_string_append (html, list == BYLINE_OFFICE_NUMBERED ? "</ol>\n" : "</ul>\n");
  g_string_append (html, "</body></html>\n");
  return g_string_free (html, FALSE);
}

/* ------------------------------------------------------------- pictures */

struct _BylineOfficeMedia
{
  BylineZip  *zip;
  GFile      *folder;    /* made on the first picture */
  GHashTable *written;   /* member → file name in @folder */
  GError     *error;     /* the first failure writing a picture */
  char       *stem;      /* the pictures' names: the document's, as a slug */
};

BylineOfficeMedia *
_byline_office_media_new (BylineZip  *zip,
                          const char *display)
{
  BylineOfficeMedia *media = g_new0 (BylineOfficeMedia, 1);
  g_autofree char *base = g_path_get_basename (display);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  media->zip = zip;
  media->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* "Bài Mường Tè.docx" → "bai-muong-te-1.jpg" in the pictures panel, not
   * "image1.jpg" or LibreOffice's "10000000000000400000003050D2.jpg". */
  media->stem = byline_text_slugify (base);
  if (media->stem == NULL || *media->stem == '\0')
    g_set_str (&media->stem, "picture");
  return media;
}

void
_byline_office_media_free (BylineOfficeMedia *media)
{
  if (media == NULL)
    return;
  if (media->folder != NULL)
    byline_file_remove_tree_and_unref (g_steal_pointer (&media->folder));
  g_hash_table_unref (media->written);
  g_clear_error (&media->error);
  g_free (media->stem);
  g_free (media);
}

const char *
_byline_office_media_add_bytes (BylineOfficeMedia *media,
                                const char        *key,
                                GBytes            *bytes,
                                const char        *extension)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *name = NULL;
  const char *written;

  if ((written = g_hash_table_lookup (media->written, key)) != NULL)
    return written;
  if (media->error != NULL)
    return NULL;
  if (media->folder == NULL)
    {
      g_autofree char *path = g_dir_make_tmp ("byline-import-XXXXXX", &media->error);

      if (path == NULL)
        return NULL;
      media->folder = g_file_new_for_path (path);
    }
  /* "<stem>-1.jpeg": numbered in order, the extension letters and digits
   * only. */
  canonical = g_ascii_strdown (extension != NULL ? extension : "", -1);
  g_strcanon (canonical, "abcdefghijklmnopqrstuvwxyz0123456789", '_');
  name = *canonical != '\0'
         ? g_strdup_printf ("%s-%u.%s", media->stem, g_hash_table_size (media->written) + 1, canonical)
         : g_strdup_printf ("%s-%u", media->stem, g_hash_table_size (media->written) + 1);
  file = g_file_get_child (media->folder, name);
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE, NULL, NULL, &media->error))
    return NULL;
  g_hash_table_insert (media->written, g_strdup (key), g_steal_pointer (&name));
  return g_hash_table_lookup (media->written, key);
}

void
_byline_office_add_member (BylineOfficeMedia *media,
                           BylineOfficePara  *para,
                           const char        *member,
                           const char        *label,
                           const char        *alt)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *written, *dot;

  if ((written = g_hash_table_lookup (media->written, member)) == NULL && media->error == NULL)
    {
      /* Missing, damaged (its caption stays as text), or a drawing (EMF,
       * WMF) or a format no page shows (TIFF, BMP): the person is told. */
      if (media->zip == NULL || !byline_zip_contains (media->zip, member)
          || (bytes = byline_zip_read (media->zip, member, MAX_PICTURE_SIZE, NULL)) == NULL
          || !byline_image_info_sniff (g_bytes_get_data (bytes, NULL),
                                       MIN (g_bytes_get_size (bytes), BYLINE_IMAGE_INFO_HEAD_SIZE),
                                       NULL, NULL, NULL))
        {
          g_autofree char *name = g_path_get_basename (member);

          _byline_office_para_add_left_out (para, label != NULL && *label != '\0' ? label : name, NULL, alt);
          return;
        }
      /* "word/media/image1.jpeg": the member's extension. */
      dot = strrchr (member, '.');
      written = _byline_office_media_add_bytes (media, member, bytes,
                                                dot != NULL && strchr (dot, '/') == NULL ? dot + 1 : NULL);
    }
  /* NULL: a picture could not be written, and the import fails. */
  if (written != NULL)
    _byline_office_para_add_picture (para, written, alt, NULL);
}

/* --------------------------------------------------------------- fields */

/* The next argument of a field instruction at @p into @token: a word, or
 * text in quotes ("…", or “…” as Word's AutoCorrect types them), where \"
 * is a quote and \\ a backslash.  Returns where it ends; NULL when there is
 * none. */
static const char *
next_argument (const char *p,
               GString    *token,
               gboolean   *quoted)
{
  gunichar c;

  g_string_truncate (token, 0);
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return NULL;
  c = g_utf8_get_char (p);
  *quoted = c == '"' || c == 0x201C;
  if (*quoted)
    p = g_utf8_next_char (p);
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      c = g_utf8_get_char (p);
      if (*quoted ? (c == '"' || c == 0x201D) : g_unichar_isspace (c))
        break;
      if (*quoted && c == '\\' && (p[1] == '"' || p[1] == '\\'))
        {
          p++;
          c = (gunichar) *p;
        }
      g_string_append_unichar (token, c);
    }
  if (*quoted && *p != '\0')
    p = g_utf8_next_char (p);
  return p;
}

/* The address of a HYPERLINK field's @instruction, as given: NULL for
 * other fields, and for a place in the document alone (\l "bookmark":
 * the story has no bookmarks; with an address, as <w:hyperlink
 * w:anchor>, it is left out). */
char *
_byline_office_field_hyperlink (const char *instruction)
{
  g_autoptr(GString) token = g_string_new (NULL);
  g_autofree char *address = NULL;
  gboolean quoted = FALSE;
  const char *p = next_argument (instruction, token, &quoted);

  if (p == NULL || quoted || g_ascii_strcasecmp (token->str, "HYPERLINK") != 0)
    return NULL;
  while ((p = next_argument (p, token, &quoted)) != NULL)
    {
      if (!quoted && token->str[0] == '\\')
        {
          /* \l (the bookmark), \o (the tooltip), \t (the frame) and the
           * formatting switches \* \# \@ take an argument; \m and \n none. */
          if (token->len == 2 && strchr ("lot*#@", g_ascii_tolower (token->str[1])) != NULL
              && (p = next_argument (p, token, &quoted)) == NULL)
            break;
        }
      else if (address == NULL && token->len > 0)
        address = g_strdup (token->str);
    }
  return g_steal_pointer (&address);
}

gboolean
_byline_office_field_is_sequence (const char *instruction)
{
  g_autoptr(GString) token = g_string_new (NULL);
  gboolean quoted = FALSE;

  return next_argument (instruction, token, &quoted) != NULL && !quoted
         && g_ascii_strcasecmp (token->str, "SEQ") == 0;
}

/* --------------------------------------------------------------- import */

static BylineArticle *
import_paras (GPtrArray         *paras,
              BylineOfficeMedia *media,
              const char        *display,
              gboolean           piece,
              GError           **error)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GBytes) html_bytes = NULL;
  gboolean any = FALSE;
  char *html;

  if (media->error != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED,
                   _("The pictures of %s could not be copied: %s"), display, media->error->message);
      return NULL;
    }
  _byline_office_merge_tables (paras);
  for (guint i = 0; i < paras->len && !any; i++)
    any = !para_is_empty (paras->pdata[i]);
  if (!any)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s has no headline, lead, text or picture that Byline can read"), display);
      return NULL;
    }
  html = to_html (paras, piece);
  html_bytes = g_bytes_new_take (html, strlen (html));
  article = _byline_html_import_document (html_bytes, display, media->folder, piece, error);
  /* A document says nothing of a featured picture: the first is, as when
   * pictures are added in the window. */
  if (article != NULL && !piece && byline_article_get_n_images (article) > 0
      && byline_article_get_featured_image (article) == NULL)
    byline_image_set_featured (byline_article_get_image (article, 0), TRUE);
  /* The store copies the pictures when the draft is saved: the folder goes
   * with the article. */
  if (article != NULL && media->folder != NULL)
    g_object_set_data_full (G_OBJECT (article), "byline-office-media", g_steal_pointer (&media->folder),
                            byline_file_remove_tree_and_unref);
  return g_steal_pointer (&article);
}

BylineArticle *
_byline_office_import (GPtrArray         *paras,
                       BylineOfficeMedia *media,
                       const char        *display,
                       GError           **error)
{
  return import_paras (paras, media, display, FALSE, error);
}

BylineArticle *
_byline_office_import_piece (GPtrArray         *paras,
                             BylineOfficeMedia *media,
                             const char        *display,
                             GError           **error)
{
  return import_paras (paras, media, display, TRUE, error);
}
