/* byline-docx.c — a story written in Word (.docx)
 *
 * Reporters write in Word and send the .docx.  Its text is in
 * word/document.xml (WordprocessingML), its pictures in word/media/; this
 * reads its paragraphs for byline-office.c, which makes the story of them:
 *
 * - a paragraph's style is its name in styles.xml (Title, Subtitle,
 *   Heading n, Quote, Caption); List paragraphs, or those of a style that
 *   makes a list ("List Bullet"), are lists, numbered or not as the first
 *   level of their numbering in numbering.xml says;
 * - bold, italic (the run's own, else its character style's, else its
 *   paragraph style's) and links are kept; tables are read as their paragraphs;
 *   deleted text of tracked changes is left out, inserted text kept;
 * - a picture (<w:drawing>, or VML's <w:pict>) is one of the word/media/
 *   files, with its description as alt text; a text box's paragraphs come
 *   after the paragraph it is anchored in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <libxml/tree.h>

#include "byline-docx-private.h"
#include "byline-error.h"
#include "byline-office-private.h"

typedef struct
{
  BylineZip  *zip;
  const char *display;
  GHashTable *targets;      /* relationship id → target (word/…, or a URL) */
  GHashTable *external;     /* relationship ids of external targets (set) */
  GHashTable *styles;       /* style id → style name, lower case */
  GHashTable *style_lists;  /* style id → numId of the list it makes */
  GHashTable *formats;      /* style id → Format*: its bold and italics */
  gboolean    para_bold;    /* the paragraph being read, by its style */
  gboolean    para_italic;
  GHashTable *numbered;     /* numIds whose first level is not bullets (set) */
  BylineOfficeMedia *media;
} Docx;

/* A style's run properties: -1 when it does not say, else FALSE or TRUE;
 * else its parent's. */
typedef struct
{
  char *based_on;
  int   bold;
  int   italic;
} Format;

#define MAX_DEPTH 32

#define is    _byline_xml_is
#define child _byline_xml_child
#define attr  _byline_xml_attr

static void
format_free (Format *format)
{
  g_free (format->based_on);
  g_free (format);
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
  return _byline_office_read_xml (docx->zip, docx->display, name, required, error);
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
      /* Parts by their names in the archive: "/word/media/a.png",
       * "../media/a.png" (from word/: the root), "media/a.png". */
      else if (target[0] == '/')
        g_hash_table_replace (docx->targets, g_steal_pointer (&id), g_strdup (target + 1));
      else if (g_str_has_prefix (target, "../"))
        g_hash_table_replace (docx->targets, g_steal_pointer (&id), g_strdup (target + 3));
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

      xmlNode *run = child (s, "rPr");
      Format *format;

      if (!is (s, "style") || id == NULL)
        continue;
      format = g_new0 (Format, 1);
      format->based_on = attr (child (s, "basedOn"), "val");
      format->bold = child (run, "b") != NULL ? toggle_on (child (run, "b")) : -1;
      format->italic = child (run, "i") != NULL ? toggle_on (child (run, "i")) : -1;
      g_hash_table_replace (docx->formats, g_strdup (id), format);
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

/* Whether the style (through the ones it is based on) sets bold (or
 * italics): -1 when none says. */
static int
style_says (Docx       *docx,
            const char *id,
            gboolean    italic)
{
  for (int depth = 0; id != NULL && depth < MAX_DEPTH; depth++)
    {
      Format *format = g_hash_table_lookup (docx->formats, id);
      int value;

      if (format == NULL)
        return -1;
      value = italic ? format->italic : format->bold;
      if (value != -1)
        return value;
      id = format->based_on;
    }
  return -1;
}

static BylineOfficeStyle
para_style (Docx    *docx,
            xmlNode *properties)
{
  g_autofree char *id = attr (child (properties, "pStyle"), "val");
  const char *name;

  if (id == NULL)
    return BYLINE_OFFICE_NORMAL;
  /* A document without styles.xml has only the styles' ids. */
  name = g_hash_table_lookup (docx->styles, id);
  return _byline_office_style_from_name (name != NULL ? name : id);
}

static void
read_picture (Docx             *docx,
              xmlNode          *drawing,
              BylineOfficePara *para)
{
  g_autofree char *alt = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  const char *member, *src;

  /* <wp:docPr descr="…"/> and <a:blip r:embed="rId5"/> (VML: <v:imagedata
   * r:id="rId5"/>), at any depth; a text box's paragraphs are read after
   * the paragraph it is in. */
  g_ptr_array_add (stack, drawing);
  while (stack->len > 0)
    {
      xmlNode *node = g_ptr_array_steal_index (stack, stack->len - 1);

      if (is (node, "txbxContent"))
        {
          g_ptr_array_add (para->boxes, node);
          continue;
        }
      for (xmlNode *c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
          g_ptr_array_add (stack, c);
      if (alt == NULL && is (node, "docPr"))
        alt = attr (node, "descr");
      if (id == NULL && (is (node, "blip") || is (node, "imagedata")))
        id = is (node, "blip") ? attr (node, "embed") : attr (node, "id");
    }

  if (id == NULL || g_hash_table_contains (docx->external, id)
      || (member = g_hash_table_lookup (docx->targets, id)) == NULL
      || (src = _byline_office_media_add (docx->media, member)) == NULL)
    return;
  _byline_office_para_add_picture (para, src, alt, NULL);
}

static void
read_run_children (Docx             *docx,
                   xmlNode          *run,
                   gboolean          bold,
                   gboolean          italic,
                   BylineOfficePara *para)
{
  for (xmlNode *c = run->children; c != NULL; c = c->next)
    {
      if (is (c, "t"))
        {
          xmlChar *text = xmlNodeGetContent (c);

          if (text != NULL)
            _byline_office_para_add_text (para, (const char *) text, bold, italic);
          xmlFree (text);
        }
      else if (is (c, "tab"))
        _byline_office_para_add_text (para, " ", FALSE, FALSE);
      else if (is (c, "br") || is (c, "cr"))
        g_string_append (para->html, "<br>");
      else if (is (c, "noBreakHyphen"))
        _byline_office_para_add_text (para, "-", bold, italic);
      else if (is (c, "drawing") || is (c, "pict"))
        read_picture (docx, c, para);
      /* Shapes and text boxes come twice: as Word 2010 draws them, and as
       * VML for older readers.  The first is read. */
      else if (is (c, "AlternateContent") && child (c, "Choice") != NULL)
        read_run_children (docx, child (c, "Choice"), bold, italic, para);
    }
}

static void
read_run (Docx             *docx,
          xmlNode          *run,
          BylineOfficePara *para)
{
  xmlNode *properties = child (run, "rPr");
  g_autofree char *style = attr (child (properties, "rStyle"), "val");
  int bold = child (properties, "b") != NULL ? toggle_on (child (properties, "b")) : style_says (docx, style, FALSE);
  int italic = child (properties, "i") != NULL ? toggle_on (child (properties, "i")) : style_says (docx, style, TRUE);

  /* The run's own, else its character style's, else its paragraph's. */
  read_run_children (docx, run, bold == -1 ? docx->para_bold : bold, italic == -1 ? docx->para_italic : italic,
                     para);
}

/* Runs, and what holds runs: links, tracked insertions, fields, smart tags
 * and content controls.  Deleted text and field codes are left out. */
static void
read_inline (Docx             *docx,
             xmlNode          *parent,
             BylineOfficePara *para)
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

static BylineOfficePara *
read_paragraph (Docx    *docx,
                xmlNode *p)
{
  BylineOfficePara *para = _byline_office_para_new ();
  xmlNode *properties = child (p, "pPr");
  xmlNode *numbering = child (properties, "numPr");
  g_autofree char *style = attr (child (properties, "pStyle"), "val");
  g_autofree char *list = attr (child (numbering, "numId"), "val");

  para->style = para_style (docx, properties);
  /* A heading's, a quote's or a caption's style is bold or italic by its
   * look, not for emphasis. */
  docx->para_bold = para->style == BYLINE_OFFICE_NORMAL && style_says (docx, style, FALSE) == TRUE;
  docx->para_italic = para->style == BYLINE_OFFICE_NORMAL && style_says (docx, style, TRUE) == TRUE;
  if (list == NULL && style != NULL)
    list = g_strdup (g_hash_table_lookup (docx->style_lists, style));
  /* numId 0 takes a style's numbering away. */
  if (list != NULL && !g_str_equal (list, "0"))
    para->list = g_hash_table_contains (docx->numbered, list) ? BYLINE_OFFICE_NUMBERED : BYLINE_OFFICE_BULLETED;
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
        {
          BylineOfficePara *para = read_paragraph (docx, c);

          g_ptr_array_add (paras, para);
          /* The text boxes in it (a sidebar, a quote set apart) after it. */
          for (guint i = 0; i < para->boxes->len; i++)
            read_blocks (docx, para->boxes->pdata[i], paras);
        }
      else if (is (c, "tbl") || is (c, "tr") || is (c, "tc") || is (c, "sdtContent") || is (c, "customXml"))
        read_blocks (docx, c, paras);
      else if (is (c, "sdt"))
        read_blocks (docx, c, paras);
    }
}

/* A ZIP archive whose first members are Word's (the parts are listed by
 * name in their local headers, word/ among the first).  A damaged one is
 * still a Word document: the import says it is damaged. */
gboolean
_byline_docx_sniff (GBytes *bytes)
{
  return _byline_office_sniff_zip (bytes, "word/");
}

BylineArticle *
_byline_docx_import (GBytes      *bytes,
                     const char  *display,
                     GError     **error)
{
  g_autoptr(BylineZip) zip = NULL;
  g_autoptr(BylineOfficeMedia) media = NULL;
  g_autoptr(GPtrArray) paras = g_ptr_array_new_with_free_func ((GDestroyNotify) _byline_office_para_free);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) external = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) style_lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) format_free);
  g_autoptr(GHashTable) numbered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Docx docx;
  xmlDoc *doc;
  xmlNode *body;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display != NULL, NULL);

  zip = byline_zip_open (bytes, display, error);
  if (zip == NULL)
    return NULL;
  media = _byline_office_media_new (zip, display);
  docx = (Docx) { zip, display, targets, external, styles, style_lists, formats, FALSE, FALSE, numbered, media };

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

  return _byline_office_import (paras, media, display, error);
}
