/* byline-docx.c — a story written in Word (.docx)
 *
 * Reporters write in Word and send the .docx.  Its text is in
 * word/document.xml (WordprocessingML), its pictures in word/media/; this
 * turns them into the simple page the HTML import reads, so that what that
 * import does for a page (the headline, the lead, "(BLC) - ", a byline as the
 * last paragraph, captions and credits) it does for the document too:
 *
 * - the headline is the first paragraph in the Title or Heading 1 style, or
 *   else the first paragraph, as a reporter types it in plain text;
 * - the lead is the next paragraph when it is in the Subtitle style or all in
 *   bold, as newspapers set the sapo (else the import's "(BLC) - " rule);
 * - later headings are the body's two levels, List paragraphs lists
 *   (numbered or not, from numbering.xml), Quote paragraphs quotes;
 * - bold, italic and links are kept; tables are read as their paragraphs;
 *   deleted text of tracked changes is left out, inserted text kept;
 * - a picture is a figure, with its description as alt text and, as caption,
 *   the paragraph after it when that is in the Caption style or all in
 *   italics.  Pictures are written to a temporary folder the import attaches
 *   them from; the folder is removed with the article (the store has copied
 *   them into the draft by then).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "byline-article.h"
#include "byline-docx-private.h"
#include "byline-error.h"
#include "byline-html.h"
#include "byline-text.h"
#include "byline-zip-private.h"

#define MAX_PART_SIZE    (64 * 1024 * 1024)
#define MAX_PICTURE_SIZE (64 * 1024 * 1024)
#define MAX_CAPTION      300
#define SNIFF_SIZE       (64 * 1024)

typedef enum
{
  PARA_NORMAL,
  PARA_TITLE,
  PARA_SUBTITLE,
  PARA_HEADING1,
  PARA_HEADING2,
  PARA_QUOTE,
  PARA_CAPTION,
} ParaStyle;

/* A paragraph, read. */
typedef struct
{
  ParaStyle  style;
  int        list;          /* 0: not in a list; 1: bulleted; 2: numbered */
  GString   *html;          /* its text as inline HTML */
  gsize      n_chars;       /* characters of text */
  gsize      n_bold;        /* … of them in bold */
  gsize      n_italic;      /* … in italics */
  GPtrArray *pictures;      /* char*: <img> elements, in order */
} Para;

typedef struct
{
  BylineZip  *zip;
  const char *display;
  GHashTable *targets;      /* relationship id → target (word/…, or a URL) */
  GHashTable *external;     /* relationship ids of external targets (set) */
  GHashTable *styles;       /* style id → style name, lower case */
  GHashTable *style_lists;  /* style id → numId of the list it makes */
  GHashTable *numbered;     /* numId → "1" when its first level is not bullets */
  GFile      *media;        /* the temporary folder, made on the first picture */
  GHashTable *written;      /* member → file name in @media */
  GError     *error;        /* the first failure writing a picture */
} Docx;

static void
para_free (Para *para)
{
  g_string_free (para->html, TRUE);
  g_ptr_array_unref (para->pictures);
  g_free (para);
}

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node != NULL ? node->children : NULL; c != NULL; c = c->next)
    if (is (c, name))
      return c;
  return NULL;
}

/* The attribute of that local name, whatever its namespace. */
static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value;
  char *copy;

  if (node == NULL || (value = xmlGetProp (node, (const xmlChar *) name)) == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* <w:b/>, <w:b w:val="true"/>: on; <w:b w:val="0"/>: off. */
static gboolean
toggle_on (xmlNode *property)
{
  g_autofree char *value = attr (property, "val");

  if (property == NULL)
    return FALSE;
  return value == NULL || !(g_str_equal (value, "0") || g_str_equal (value, "false") || g_str_equal (value, "off"));
}

static xmlDoc *
read_part (Docx        *docx,
           const char  *name,
           gboolean     required,
           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  xmlDoc *doc;
  gsize length;
  const char *data;

  bytes = byline_zip_read (docx->zip, name, MAX_PART_SIZE, &local_error);
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
  /* Word writes no document type; one with entities of its own is made to
   * be expanded a billion times. */
  if (doc != NULL && doc->intSubset != NULL)
    g_clear_pointer (&doc, xmlFreeDoc);
  if (doc == NULL && required)
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_MALFORMED,
                 _("%s is damaged: its %s cannot be read"), docx->display, name);
  return doc;
}

static void
read_relationships (Docx *docx)
{
  xmlDoc *doc = read_part (docx, "word/_rels/document.xml.rels", FALSE, NULL);
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;

  for (xmlNode *r = root != NULL ? root->children : NULL; r != NULL; r = r->next)
    {
      g_autofree char *id = attr (r, "Id");
      g_autofree char *target = attr (r, "Target");
      g_autofree char *mode = attr (r, "TargetMode");

      if (!is (r, "Relationship") || id == NULL || target == NULL)
        continue;
      if (g_strcmp0 (mode, "External") == 0)
        {
          g_hash_table_add (docx->external, g_strdup (id));
          g_hash_table_replace (docx->targets, g_steal_pointer (&id), g_steal_pointer (&target));
        }
      else if (target[0] == '/')
        g_hash_table_replace (docx->targets, g_steal_pointer (&id), g_strdup (target + 1));
      else
        g_hash_table_replace (docx->targets, g_steal_pointer (&id), g_strconcat ("word/", target, NULL));
    }
  g_clear_pointer (&doc, xmlFreeDoc);
}

static void
read_styles (Docx *docx)
{
  xmlDoc *doc = read_part (docx, "word/styles.xml", FALSE, NULL);
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;

  for (xmlNode *s = root != NULL ? root->children : NULL; s != NULL; s = s->next)
    {
      g_autofree char *id = attr (s, "styleId");
      g_autofree char *name = attr (child (s, "name"), "val");

      g_autofree char *list = attr (child (child (child (s, "pPr"), "numPr"), "numId"), "val");

      if (!is (s, "style") || id == NULL)
        continue;
      /* "List Bullet": the style is the list, its paragraphs say nothing. */
      if (list != NULL)
        g_hash_table_replace (docx->style_lists, g_strdup (id), g_steal_pointer (&list));
      if (name != NULL)
        g_hash_table_replace (docx->styles, g_steal_pointer (&id), g_utf8_strdown (name, -1));
    }
  g_clear_pointer (&doc, xmlFreeDoc);
}

/* Which lists are numbered: numId → abstractNumId → its first level's format. */
static void
read_numbering (Docx *docx)
{
  xmlDoc *doc = read_part (docx, "word/numbering.xml", FALSE, NULL);
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  g_autoptr(GHashTable) abstract = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *a = root != NULL ? root->children : NULL; a != NULL; a = a->next)
    {
      g_autofree char *id = attr (a, "abstractNumId");

      if (!is (a, "abstractNum") || id == NULL)
        continue;
      for (xmlNode *level = a->children; level != NULL; level = level->next)
        {
          g_autofree char *ilvl = attr (level, "ilvl");
          g_autofree char *format = attr (child (level, "numFmt"), "val");

          if (is (level, "lvl") && g_strcmp0 (ilvl, "0") == 0)
            {
              if (format != NULL && !g_str_equal (format, "bullet") && !g_str_equal (format, "none"))
                g_hash_table_add (abstract, g_steal_pointer (&id));
              break;
            }
        }
    }
  for (xmlNode *n = root != NULL ? root->children : NULL; n != NULL; n = n->next)
    {
      g_autofree char *id = attr (n, "numId");
      g_autofree char *abstract_id = attr (child (n, "abstractNumId"), "val");

      if (is (n, "num") && id != NULL && abstract_id != NULL && g_hash_table_contains (abstract, abstract_id))
        g_hash_table_add (docx->numbered, g_steal_pointer (&id));
    }
  g_clear_pointer (&doc, xmlFreeDoc);
}

static ParaStyle
para_style (Docx    *docx,
            xmlNode *properties)
{
  g_autofree char *id = attr (child (properties, "pStyle"), "val");
  const char *name;

  if (id == NULL)
    return PARA_NORMAL;
  /* Built-in styles keep their English names whatever the language of Word;
   * a document without styles.xml has only their ids. */
  name = g_hash_table_lookup (docx->styles, id);
  if (name == NULL)
    name = id;
  if (g_ascii_strcasecmp (name, "title") == 0)
    return PARA_TITLE;
  if (g_ascii_strcasecmp (name, "subtitle") == 0)
    return PARA_SUBTITLE;
  if (g_ascii_strcasecmp (name, "heading 1") == 0 || g_ascii_strcasecmp (name, "heading1") == 0)
    return PARA_HEADING1;
  if (g_ascii_strncasecmp (name, "heading", 7) == 0)
    return PARA_HEADING2;
  if (g_ascii_strcasecmp (name, "quote") == 0 || g_ascii_strcasecmp (name, "intense quote") == 0)
    return PARA_QUOTE;
  if (g_ascii_strcasecmp (name, "caption") == 0)
    return PARA_CAPTION;
  return PARA_NORMAL;
}

static void
remove_folder (gpointer data)
{
  GFile *folder = data;
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                    G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) file = g_file_get_child (folder, g_file_info_get_name (info));

      g_file_delete (file, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (folder, NULL, NULL);
  g_object_unref (folder);
}

/* The picture's member written to the temporary folder: its file name there. */
static const char *
write_picture (Docx       *docx,
               const char *member)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  const char *written;

  if ((written = g_hash_table_lookup (docx->written, member)) != NULL)
    return written;
  if (docx->error != NULL || !byline_zip_contains (docx->zip, member))
    return NULL;
  if (docx->media == NULL)
    {
      g_autofree char *path = g_dir_make_tmp ("byline-docx-XXXXXX", &docx->error);

      if (path == NULL)
        return NULL;
      docx->media = g_file_new_for_path (path);
    }
  bytes = byline_zip_read (docx->zip, member, MAX_PICTURE_SIZE, NULL);
  if (bytes == NULL)
    return NULL;   /* a damaged picture: its caption stays as text */
  /* "media/image1.jpeg" as image1.jpeg, numbered if the name is taken. */
  base = g_path_get_basename (member);
  g_strcanon (base, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_", '_');
  name = g_strdup (base);
  file = g_file_get_child (docx->media, name);
  if (g_file_query_exists (file, NULL))
    {
      g_free (name);
      g_object_unref (file);
      name = g_strdup_printf ("%u-%s", g_hash_table_size (docx->written) + 1, base);
      file = g_file_get_child (docx->media, name);
    }
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE, NULL, NULL, &docx->error))
    return NULL;
  g_hash_table_insert (docx->written, g_strdup (member), g_steal_pointer (&name));
  return g_hash_table_lookup (docx->written, member);
}

static void
read_picture (Docx    *docx,
              xmlNode *drawing,
              Para    *para)
{
  g_autofree char *alt = NULL;
  g_autofree char *id = NULL;
  g_autofree char *escaped_alt = NULL;
  g_autofree char *escaped_src = NULL;
  const char *member, *src;
  GPtrArray *stack = g_ptr_array_new ();

  /* <wp:docPr descr="…"/> and <a:blip r:embed="rId5"/>, at any depth. */
  g_ptr_array_add (stack, drawing);
  while (stack->len > 0)
    {
      xmlNode *node = g_ptr_array_steal_index (stack, stack->len - 1);

      for (xmlNode *c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
          g_ptr_array_add (stack, c);
      if (alt == NULL && is (node, "docPr"))
        alt = attr (node, "descr");
      if (id == NULL && (is (node, "blip") || is (node, "imagedata")))
        id = is (node, "blip") ? attr (node, "embed") : attr (node, "id");
    }
  g_ptr_array_unref (stack);

  if (id == NULL || g_hash_table_contains (docx->external, id)
      || (member = g_hash_table_lookup (docx->targets, id)) == NULL
      || (src = write_picture (docx, member)) == NULL)
    return;
  escaped_src = g_markup_escape_text (src, -1);
  escaped_alt = g_markup_escape_text (alt != NULL ? alt : "", -1);
  g_ptr_array_add (para->pictures, g_strdup_printf ("<img src=\"%s\" alt=\"%s\">", escaped_src, escaped_alt));
}

static void
add_text (Para       *para,
          const char *text,
          gboolean    bold,
          gboolean    italic)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  glong n = g_utf8_strlen (text, -1);

  if (bold)
    g_string_append (para->html, "<b>");
  if (italic)
    g_string_append (para->html, "<i>");
  g_string_append (para->html, escaped);
  if (italic)
    g_string_append (para->html, "</i>");
  if (bold)
    g_string_append (para->html, "</b>");
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

static void
read_run (Docx    *docx,
          xmlNode *run,
          Para    *para)
{
  xmlNode *properties = child (run, "rPr");
  gboolean bold = toggle_on (child (properties, "b"));
  gboolean italic = toggle_on (child (properties, "i"));

  for (xmlNode *c = run->children; c != NULL; c = c->next)
    {
      if (is (c, "t"))
        {
          xmlChar *text = xmlNodeGetContent (c);

          if (text != NULL)
            add_text (para, (const char *) text, bold, italic);
          xmlFree (text);
        }
      else if (is (c, "tab"))
        add_text (para, " ", FALSE, FALSE);
      else if (is (c, "br") || is (c, "cr"))
        g_string_append (para->html, "<br>");
      else if (is (c, "noBreakHyphen"))
        add_text (para, "-", bold, italic);
      else if (is (c, "drawing") || is (c, "pict"))
        read_picture (docx, c, para);
    }
}

/* Runs, and what holds runs: links, tracked insertions, fields, smart tags
 * and content controls.  Deleted text and field codes are left out. */
static void
read_inline (Docx    *docx,
             xmlNode *parent,
             Para    *para)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (is (c, "r"))
        read_run (docx, c, para);
      else if (is (c, "hyperlink"))
        {
          g_autofree char *id = attr (c, "id");
          const char *target = id != NULL && g_hash_table_contains (docx->external, id)
                               ? g_hash_table_lookup (docx->targets, id) : NULL;

          if (target != NULL)
            {
              g_autofree char *escaped = g_markup_escape_text (target, -1);

              g_string_append_printf (para->html, "<a href=\"%s\">", escaped);
            }
          read_inline (docx, c, para);
          if (target != NULL)
            g_string_append (para->html, "</a>");
        }
      else if (is (c, "ins") || is (c, "smartTag") || is (c, "fldSimple") || is (c, "customXml"))
        read_inline (docx, c, para);
      else if (is (c, "sdt"))
        {
          xmlNode *content = child (c, "sdtContent");

          if (content != NULL)
            read_inline (docx, content, para);
        }
    }
}

static Para *
read_paragraph (Docx    *docx,
                xmlNode *p)
{
  Para *para = g_new0 (Para, 1);
  xmlNode *properties = child (p, "pPr");
  xmlNode *numbering = child (properties, "numPr");

  para->html = g_string_new (NULL);
  para->pictures = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *style = attr (child (properties, "pStyle"), "val");
  g_autofree char *list = attr (child (numbering, "numId"), "val");

  para->style = para_style (docx, properties);
  if (list == NULL && style != NULL)
    list = g_strdup (g_hash_table_lookup (docx->style_lists, style));
  /* numId 0 takes a style's numbering away. */
  if (list != NULL && !g_str_equal (list, "0"))
    para->list = g_hash_table_contains (docx->numbered, list) ? 2 : 1;
  read_inline (docx, p, para);
  return para;
}

/* Paragraphs of the body, of tables' cells and of content controls, in order. */
static void
read_blocks (Docx      *docx,
             xmlNode   *parent,
             GPtrArray *paras)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (is (c, "p"))
        g_ptr_array_add (paras, read_paragraph (docx, c));
      else if (is (c, "tbl") || is (c, "tr") || is (c, "tc") || is (c, "sdtContent") || is (c, "customXml"))
        read_blocks (docx, c, paras);
      else if (is (c, "sdt"))
        read_blocks (docx, c, paras);
    }
}

static gboolean
para_is_empty (Para *para)
{
  return para->n_chars == 0 && para->pictures->len == 0;
}

static gboolean
para_all (Para  *para,
          gsize  count)
{
  return para->n_chars > 0 && count == para->n_chars && para->pictures->len == 0;
}

static void
append_para (GString    *html,
             Para       *para,
             const char *open,
             const char *close)
{
  g_string_append (html, open);
  g_string_append (html, para->html->str);
  g_string_append (html, close);
  g_string_append_c (html, '\n');
}

static char *
to_html (GPtrArray *paras)
{
  GString *html = g_string_new ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n");
  gboolean headline = FALSE, lead_checked = FALSE;
  int list = 0;

  for (guint i = 0; i < paras->len; i++)
    {
      Para *para = paras->pdata[i];
      Para *next = i + 1 < paras->len ? paras->pdata[i + 1] : NULL;
      gboolean is_headline = FALSE, is_lead = FALSE;
      int para_list;

      if (para_is_empty (para))
        continue;
      /* The first paragraph, or the Title above it, is the headline; the
       * next one the lead when set as newspapers set it. */
      if (!headline && para->n_chars > 0)
        headline = is_headline = TRUE;
      else if (headline && !lead_checked && para->n_chars > 0)
        {
          lead_checked = TRUE;
          is_lead = para->style == PARA_SUBTITLE || (para->list == 0 && para_all (para, para->n_bold));
        }

      para_list = is_headline || is_lead ? 0 : para->list;
      if (list != para_list)
        {
          if (list != 0)
            g_string_append (html, list == 2 ? "</ol>\n" : "</ul>\n");
          if (para_list != 0)
            g_string_append (html, para_list == 2 ? "<ol>" : "<ul>");
          list = para_list;
        }

      if (is_headline)
        append_para (html, para, "<h1>", "</h1>");
      else if (is_lead)
        append_para (html, para, "<p class=\"sapo\">", "</p>");
      else if (para_list != 0)
        append_para (html, para, "<li>", "</li>");
      else if (para->n_chars > 0)
        switch (para->style)
          {
          case PARA_TITLE:
          case PARA_HEADING1:
            append_para (html, para, "<h2>", "</h2>");
            break;
          case PARA_HEADING2:
            append_para (html, para, "<h3>", "</h3>");
            break;
          case PARA_QUOTE:
            append_para (html, para, "<blockquote><p>", "</p></blockquote>");
            break;
          default:
            append_para (html, para, "<p>", "</p>");
          }

      for (guint j = 0; j < para->pictures->len; j++)
        {
          const char *caption = NULL;

          /* The paragraph under the last picture, in the Caption style or
           * in italics: its caption. */
          if (j + 1 == para->pictures->len && next != NULL && next->pictures->len == 0 && next->list == 0
              && next->n_chars > 0 && g_utf8_strlen (next->html->str, -1) <= MAX_CAPTION * 2
              && next->n_chars <= MAX_CAPTION
              && (next->style == PARA_CAPTION || para_all (next, next->n_italic)))
            {
              caption = next->html->str;
              i++;
            }
          if (list != 0)
            {
              g_string_append (html, list == 2 ? "</ol>\n" : "</ul>\n");
              list = 0;
            }
          g_string_append_printf (html, "<figure>%s%s%s%s</figure>\n", (char *) para->pictures->pdata[j],
                                  caption != NULL ? "<figcaption>" : "", caption != NULL ? caption : "",
                                  caption != NULL ? "</figcaption>" : "");
        }
    }
  if (list != 0)
    g_string_append (html, list == 2 ? "</ol>\n" : "</ul>\n");
  g_string_append (html, "</body></html>\n");
  return g_string_free (html, FALSE);
}

/* A ZIP archive whose first members are Word's (the parts are listed by
 * name in their local headers, word/ among the first).  A damaged one is
 * still a Word document: the import says it is damaged. */
gboolean
_byline_docx_sniff (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length < 4 || memcmp (data, "PK\003\004", 4) != 0)
    return FALSE;
  length = MIN (length, SNIFF_SIZE);
  for (gsize i = 0; i + 5 <= length; i++)
    if (memcmp (data + i, "word/", 5) == 0)
      return TRUE;
  return FALSE;
}

BylineArticle *
_byline_docx_import (GBytes      *bytes,
                     const char  *display,
                     GError     **error)
{
  g_autoptr(BylineZip) zip = NULL;
  g_autoptr(GPtrArray) paras = g_ptr_array_new_with_free_func ((GDestroyNotify) para_free);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) external = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) style_lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) numbered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GBytes) html_bytes = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autofree char *html = NULL;
  Docx docx = { 0 };
  gsize length;
  xmlDoc *doc;
  xmlNode *body;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display != NULL, NULL);

  zip = byline_zip_open (bytes, display, error);
  if (zip == NULL)
    return NULL;
  docx = (Docx) { zip, display, targets, external, styles, style_lists, numbered, NULL, written, NULL };

  doc = read_part (&docx, "word/document.xml", TRUE, error);
  if (doc == NULL)
    return NULL;
  read_relationships (&docx);
  read_styles (&docx);
  read_numbering (&docx);
  body = child (xmlDocGetRootElement (doc), "body");
  if (body != NULL)
    read_blocks (&docx, body, paras);
  xmlFreeDoc (doc);

  html = to_html (paras);
  length = strlen (html);
  html_bytes = g_bytes_new_take (g_steal_pointer (&html), length);
  if (docx.error != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED,
                   _("The pictures of %s could not be copied: %s"), display, docx.error->message);
      g_clear_error (&docx.error);
      if (docx.media != NULL)
        remove_folder (g_steal_pointer (&docx.media));
      return NULL;
    }
  article = byline_html_import (html_bytes, display, docx.media, error);
  /* The store copies the pictures when the draft is saved; the folder goes
   * with the article. */
  if (docx.media != NULL && article != NULL)
    g_object_set_data_full (G_OBJECT (article), "byline-docx-media", g_steal_pointer (&docx.media), remove_folder);
  else if (docx.media != NULL)
    remove_folder (g_steal_pointer (&docx.media));
  return g_steal_pointer (&article);
}
