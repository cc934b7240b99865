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
 *   paragraph style's) and links are kept, also links written as fields
 *   ({ HYPERLINK "url" }); other fields show their result, never their
 *   instruction; a small data table is a paragraph a row, other tables
 *   their paragraphs (byline-office-table.c); deleted text of
 *   tracked changes is left out, inserted text kept; hidden text
 *   (<w:vanish/>: a note to the editor) is left out;
 * - a picture (<w:drawing>, or VML's <w:pict>) is one of the word/media/
 *   files, with its description as alt text; a text box's paragraphs come
 *   after the paragraph it is anchored in (a floating picture's caption,
 *   in a text box grouped with it, after it);
 * - a caption numbered by Insert Caption ("Hình { SEQ Hình }: …") has its
 *   label, number and separator marked, left out of the picture's caption
 *   (byline-office.c);
 * - text in a font of the old codes (TCVN3's ".VnTime", VNI-Times: the
 *   run's, its character style's, its paragraph style's or the document's)
 *   goes to the HTML import in that font, which reads it as the font draws
 *   it, in Vietnamese, unless the story as a whole is Unicode
 *   (byline-vn-legacy.c, _byline_walker_keeps_legacy()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "byline-docx-private.h"
#include "byline-error.h"
#include "byline-office-private.h"
#include "byline-vn-legacy-private.h"

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
  GPtrArray  *fields;       /* Field*: the paragraph's open fields, innermost last */
  gboolean    in_link;      /* the paragraph's HTML has an <a> open */
  char       *default_font;       /* docDefaults' */
  char       *default_para_style; /* the style of paragraphs that name none */
  const char *para_font;          /* the paragraph being read, by its style */
  BylineOfficeTables tables;      /* where the paragraph being read sits */
} Docx;

/* A style's run properties: -1 when it does not say, else FALSE or TRUE;
 * else its parent's. */
typedef struct
{
  char *based_on;
  int   bold;
  int   italic;
  char *font;       /* NULL when it does not say */
} Format;

/* A complex field: <w:fldChar w:fldCharType="begin"/>, its instruction in
 * <w:instrText>, "separate", its result (what Word shows), "end", in runs
 * that may be far apart, even in other paragraphs. */
typedef struct
{
  GString  *instruction;
  gboolean  in_result;
  gboolean  link;       /* it opened the <a> */
  /* The paragraph as it was at "begin": what the instruction wrote (a
   * field's result inside it) is taken back when the instruction ends. */
  gsize     html_len;
  gsize     n_chars;
  gsize     n_bold;
  gsize     n_italic;
} Field;

#define MAX_DEPTH 32

#define is    _byline_xml_is
#define child _byline_xml_child
#define attr  _byline_xml_attr

static void
format_free (Format *format)
{
  g_free (format->based_on);
  g_free (format->font);
  g_free (format);
}

/* The font of <w:rPr>'s <w:rFonts>: the one for letters beyond ASCII
 * (where TCVN3's Vietnamese letters are), else for ASCII. */
static char *
run_font (xmlNode *properties)
{
  xmlNode *fonts = child (properties, "rFonts");
  char *font = attr (fonts, "hAnsi");

  return font != NULL ? font : attr (fonts, "ascii");
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

  docx->default_font = run_font (child (child (child (root, "docDefaults"), "rPrDefault"), "rPr"));
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
      format->font = run_font (run);
      g_hash_table_replace (docx->formats, g_strdup (id), format);
      if (docx->default_para_style == NULL)
        {
          g_autofree char *type = attr (s, "type");
          g_autofree char *is_default = attr (s, "default");

          if (g_strcmp0 (type, "paragraph") == 0 && (g_strcmp0 (is_default, "1") == 0
                                                     || g_strcmp0 (is_default, "true") == 0))
            docx->default_para_style = g_strdup (id);
        }
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

typedef enum
{
  SAYS_BOLD,
  SAYS_ITALIC,
  SAYS_FONT,
} Says;

/* The first format of @id's chain (the style, then the ones it is based
 * on) that says @what, or NULL. */
static Format *
format_saying (Docx       *docx,
               const char *id,
               Says        what)
{
  for (int depth = 0; id != NULL && depth < MAX_DEPTH; depth++)
    {
      Format *format = g_hash_table_lookup (docx->formats, id);

      if (format == NULL)
        return NULL;
      if ((what == SAYS_BOLD && format->bold != -1) || (what == SAYS_ITALIC && format->italic != -1)
          || (what == SAYS_FONT && format->font != NULL))
        return format;
      id = format->based_on;
    }
  return NULL;
}

/* Whether the style (through the ones it is based on) sets bold (or
 * italics): -1 when none says. */
static int
style_says (Docx       *docx,
            const char *id,
            gboolean    italic)
{
  Format *format = format_saying (docx, id, italic ? SAYS_ITALIC : SAYS_BOLD);

  if (format == NULL)
    return -1;
  return italic ? format->italic : format->bold;
}

/* The font the style (through the ones it is based on) sets, or NULL. */
static const char *
style_font (Docx       *docx,
            const char *id)
{
  Format *format = format_saying (docx, id, SAYS_FONT);

  return format != NULL ? format->font : NULL;
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

/* One picture of a drawing, its relationship @id: a member of the
 * archive, or left out, named @name (as Word shows it). */
static void
read_blip (Docx             *docx,
           const char       *id,
           const char       *name,
           const char       *alt,
           BylineOfficePara *para)
{
  const char *member = g_hash_table_lookup (docx->targets, id);

  /* A linked picture is elsewhere (on the web, on the writer's disk). */
  if (member == NULL || g_hash_table_contains (docx->external, id))
    {
      g_autofree char *file = member != NULL ? g_path_get_basename (member) : NULL;

      _byline_office_para_add_left_out (para, name != NULL && *name != '\0' ? name : file != NULL ? file : id,
                                        member, alt);
      return;
    }
  _byline_office_add_member (docx->media, para, member, name, alt);
}

static void
read_picture (Docx             *docx,
              xmlNode          *drawing,
              BylineOfficePara *para)
{
  g_autofree char *alt = NULL;
  g_autofree char *name = NULL;   /* "Picture 2", as Word shows it */
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  gboolean chart = FALSE;

  /* <wp:docPr descr="…"/> and <a:blip r:embed="rId5"/> (or r:link; VML: <v:imagedata
   * r:id="rId5"/>), at any depth, in order: a group's pictures are each a
   * picture; a text box's paragraphs are read after the paragraph it is
   * in. */
  g_ptr_array_add (stack, drawing);
  while (stack->len > 0)
    {
      xmlNode *node = g_ptr_array_steal_index (stack, stack->len - 1);
      char *id = NULL;

      if (is (node, "txbxContent"))
        {
          g_ptr_array_add (para->boxes, node);
          continue;
        }
      for (xmlNode *c = node->last; c != NULL; c = c->prev)
        if (c->type == XML_ELEMENT_NODE)
          g_ptr_array_add (stack, c);
      if (alt == NULL && is (node, "docPr"))
        {
          alt = attr (node, "descr");
          name = attr (node, "name");
        }
      /* Linked only ("Link to File"): r:link, and no r:embed. */
      if (is (node, "blip") && (id = attr (node, "embed")) == NULL)
        id = attr (node, "link");
      else if (is (node, "imagedata"))
        id = attr (node, "id");
      else if (is (node, "graphicData"))
        {
          g_autofree char *uri = attr (node, "uri");

          /* A chart or a SmartArt diagram: drawn by Word, no picture. */
          chart = chart || (uri != NULL && (g_str_has_suffix (uri, "/chart") || g_str_has_suffix (uri, "/diagram")));
        }
      if (id != NULL)
        g_ptr_array_add (ids, id);
    }

  for (guint i = 0; i < ids->len; i++)
    read_blip (docx, ids->pdata[i], name, alt, para);
  if (ids->len == 0 && chart)
    _byline_office_para_add_left_out (para, name != NULL && *name != '\0' ? name : _("a chart"), NULL, alt);
}

static void
field_free (Field *field)
{
  g_string_free (field->instruction, TRUE);
  g_free (field);
}

/* Opens a link to @target unless one is open (HTML links do not nest: an
 * inner one would end the outer).  Which addresses are links (http, https,
 * mailto) the HTML import decides, for every format alike. */
static gboolean
open_link (Docx             *docx,
           BylineOfficePara *para,
           const char       *target)
{
  g_autofree char *escaped = NULL;

  if (target == NULL || docx->in_link)
    return FALSE;
  escaped = g_markup_escape_text (target, -1);
  g_string_append_printf (para->html, "<a href=\"%s\">", escaped);
  docx->in_link = TRUE;
  return TRUE;
}

static void
close_link (Docx             *docx,
            BylineOfficePara *para)
{
  g_string_append (para->html, "</a>");
  docx->in_link = FALSE;
}

static Field *
innermost_field (Docx *docx)
{
  return docx->fields->len > 0 ? g_ptr_array_index (docx->fields, docx->fields->len - 1) : NULL;
}

static void
field_begin (Docx             *docx,
             BylineOfficePara *para)
{
  Field *field = g_new0 (Field, 1);

  field->instruction = g_string_new (NULL);
  field->html_len = para->html->len;
  field->n_chars = para->n_chars;
  field->n_bold = para->n_bold;
  field->n_italic = para->n_italic;
  g_ptr_array_add (docx->fields, field);
}

/* The instruction is over: it was no text of the story. */
static void
field_take_back_instruction (Field            *field,
                             BylineOfficePara *para)
{
  g_string_truncate (para->html, field->html_len);
  para->n_chars = field->n_chars;
  para->n_bold = field->n_bold;
  para->n_italic = field->n_italic;
}

static void
field_separate (Docx             *docx,
                BylineOfficePara *para)
{
  Field *field = innermost_field (docx);
  g_autofree char *target = NULL;

  if (field == NULL || field->in_result)
    return;
  field_take_back_instruction (field, para);
  field->in_result = TRUE;
  target = _byline_office_field_hyperlink (field->instruction->str);
  field->link = open_link (docx, para, target);
}

/* Whether what comes is in a field's instruction: no text of the story. */
static gboolean
in_instruction (Docx *docx)
{
  for (guint i = 0; i < docx->fields->len; i++)
    if (!((Field *) docx->fields->pdata[i])->in_result)
      return TRUE;
  return FALSE;
}

static void
field_end (Docx             *docx,
           BylineOfficePara *para)
{
  Field *field;

  if (docx->fields->len == 0)
    return;
  field = g_ptr_array_steal_index (docx->fields, docx->fields->len - 1);
  /* A field without a result (an index entry): all of it was instruction. */
  if (!field->in_result)
    field_take_back_instruction (field, para);
  /* "Hình { SEQ Hình }": a caption's number. */
  else if (_byline_office_field_is_sequence (field->instruction->str) && !in_instruction (docx))
    _byline_office_para_end_sequence (para);
  if (field->link)
    close_link (docx, para);
  field_free (field);
}

/* The paragraph's end ends its fields: a link there, as a paragraph's HTML
 * holds all it opens.  The result of a field that spans paragraphs (a
 * table of contents) is read as the text it is; its end, later, is one of
 * no field.  A field still in its instruction is damaged: what followed it
 * is kept, as before fields were read. */
static void
fields_finish (Docx             *docx,
               BylineOfficePara *para)
{
  while (docx->fields->len > 0)
    {
      Field *field = g_ptr_array_steal_index (docx->fields, docx->fields->len - 1);

      if (field->link)
        close_link (docx, para);
      field_free (field);
    }
}

static void
read_field_char (Docx             *docx,
                 xmlNode          *node,
                 BylineOfficePara *para)
{
  g_autofree char *type = attr (node, "fldCharType");

  if (g_strcmp0 (type, "begin") == 0)
    field_begin (docx, para);
  else if (g_strcmp0 (type, "separate") == 0)
    field_separate (docx, para);
  else if (g_strcmp0 (type, "end") == 0)
    field_end (docx, para);
}

static void
read_instruction (Docx    *docx,
                  xmlNode *node)
{
  Field *field = innermost_field (docx);
  xmlChar *text;

  if (field == NULL || field->in_result)
    return;
  text = xmlNodeGetContent (node);
  if (text != NULL)
    g_string_append (field->instruction, (const char *) text);
  xmlFree (text);
}

static void read_inline (Docx             *docx,
                         xmlNode          *parent,
                         BylineOfficePara *para);

/* <w:fldSimple w:instr="…">: a field and its result in one element. */
static void
read_simple_field (Docx             *docx,
                   xmlNode          *field,
                   BylineOfficePara *para)
{
  g_autofree char *instruction = attr (field, "instr");
  g_autofree char *target = instruction != NULL ? _byline_office_field_hyperlink (instruction) : NULL;
  gboolean link = open_link (docx, para, target);

  read_inline (docx, field, para);
  if (link)
    close_link (docx, para);
  if (instruction != NULL && _byline_office_field_is_sequence (instruction) && !in_instruction (docx))
    _byline_office_para_end_sequence (para);
}

static void
read_run_children (Docx             *docx,
                   xmlNode          *run,
                   gboolean          bold,
                   gboolean          italic,
                   BylineVnLegacy    legacy,
                   gboolean          hidden,
                   BylineOfficePara *para)
{
  for (xmlNode *c = run->children; c != NULL; c = c->next)
    {
      /* Hidden text (not shown, not printed): only what makes fields. */
      if (hidden && !is (c, "fldChar") && !is (c, "instrText") && !is (c, "AlternateContent"))
        continue;
      if (is (c, "t"))
        {
          xmlChar *text = xmlNodeGetContent (c);

          if (text != NULL)
            /* Typed in a .VnTime font: Latin-1 letters drawn Vietnamese. */
            _byline_office_para_add_text_in (para, (const char *) text, bold, italic, legacy);
          xmlFree (text);
        }
      else if (is (c, "tab"))
        _byline_office_para_add_text (para, " ", FALSE, FALSE);
      else if (is (c, "br") || is (c, "cr"))
        g_string_append (para->html, "<br>");
      else if (is (c, "noBreakHyphen"))
        _byline_office_para_add_text (para, "-", bold, italic);
      /* TCVN3's ư is the soft hyphen's code: Word keeps it as one. */
      else if (is (c, "softHyphen") && BYLINE_VN_LEGACY_SOFT_HYPHEN_IS_LETTER (legacy))
        _byline_office_para_add_text_in (para, "\u00AD", bold, italic, legacy);
      else if (is (c, "fldChar"))
        read_field_char (docx, c, para);
      else if (is (c, "instrText"))
        read_instruction (docx, c);
      else if (is (c, "drawing") || is (c, "pict"))
        read_picture (docx, c, para);
      /* Shapes and text boxes come twice: as Word 2010 draws them, and as
       * VML for older readers.  The first is read. */
      else if (is (c, "AlternateContent") && child (c, "Choice") != NULL)
        read_run_children (docx, child (c, "Choice"), bold, italic, legacy, hidden, para);
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
  g_autofree char *own_font = run_font (properties);
  const char *font = own_font != NULL ? own_font : style_font (docx, style);

  /* The run's own, else its character style's, else its paragraph's. */
  read_run_children (docx, run, bold == -1 ? docx->para_bold : bold, italic == -1 ? docx->para_italic : italic,
                     _byline_vn_legacy_for_font (font != NULL ? font : docx->para_font),
                     child (properties, "vanish") != NULL && toggle_on (child (properties, "vanish")) == 1, para);
}

/* Runs, and what holds runs: links, tracked insertions and moves' new
 * places, fields, smart tags, content controls and text direction.
 * Deleted text, a move's old place and field instructions are left out. */
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
          gboolean link = open_link (docx, para, target);

          read_inline (docx, c, para);
          if (link)
            close_link (docx, para);
        }
      else if (is (c, "fldSimple"))
        read_simple_field (docx, c, para);
      else if (is (c, "ins") || is (c, "moveTo") || is (c, "smartTag") || is (c, "customXml")
               || is (c, "dir") || is (c, "bdo"))
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
  docx->para_font = style_font (docx, style != NULL ? style : docx->default_para_style);
  if (docx->para_font == NULL)
    docx->para_font = docx->default_font;
  if (list == NULL && style != NULL)
    list = g_strdup (g_hash_table_lookup (docx->style_lists, style));
  /* numId 0 takes a style's numbering away. */
  if (list != NULL && !g_str_equal (list, "0"))
    para->list = g_hash_table_contains (docx->numbered, list) ? BYLINE_OFFICE_NUMBERED : BYLINE_OFFICE_BULLETED;
  read_inline (docx, p, para);
  fields_finish (docx, para);
  return para;
}

/* A number of grid columns, @value (w:val), 0 when not said. */
static guint
grid_columns (char *value)
{
  g_autofree char *owned = value;

  return owned != NULL ? (guint) MIN (g_ascii_strtoull (owned, NULL, 10), G_MAXUINT) : 0;
}

/* The row <w:tr> @tr begins: <w:gridBefore w:val="1"/> skips columns of
 * the grid before its first cell. */
static void
begin_row (Docx    *docx,
           xmlNode *tr)
{
  _byline_office_tables_begin_row (&docx->tables);
  _byline_office_tables_skip_columns (&docx->tables,
                                      grid_columns (attr (child (child (tr, "trPr"), "gridBefore"), "val")));
}

/* The cell <w:tc> @tc begins: <w:gridSpan w:val="2"/> merges it across
 * two columns of the grid; <w:vMerge w:val="restart"/> begins cells merged
 * down the rows, <w:vMerge/> ("continue") is one under it. */
static void
begin_cell (Docx    *docx,
            xmlNode *tc)
{
  xmlNode *properties = child (tc, "tcPr");
  xmlNode *vmerge = child (properties, "vMerge");
  g_autofree char *restart = attr (vmerge, "val");
  BylineOfficeCellMerge merge = BYLINE_OFFICE_CELL_ALONE;

  if (vmerge != NULL)
    merge = restart != NULL && g_str_equal (restart, "restart") ? BYLINE_OFFICE_CELL_FIRST
                                                                : BYLINE_OFFICE_CELL_CONTINUED;
  _byline_office_tables_begin_cell (&docx->tables, merge,
                                    MAX (grid_columns (attr (child (properties, "gridSpan"), "val")), 1));
}

/* Paragraphs of the body, of tables' cells and of content controls, in
 * order; a table's marked with their cells (byline-office-table.c). */
static void
read_blocks (Docx      *docx,
             xmlNode   *parent,
             GPtrArray *paras)
{
  BylineOfficePara *joined = NULL;   /* a paragraph whose mark was deleted */

  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      /* A table or a content control next: the paragraph stays whole. */
      if (joined != NULL && c->type == XML_ELEMENT_NODE && !is (c, "p")
          && (is (c, "tbl") || is (c, "tr") || is (c, "tc") || is (c, "sdt") || is (c, "sdtContent")
              || is (c, "customXml")))
        g_ptr_array_add (paras, g_steal_pointer (&joined));
      if (is (c, "p"))
        {
          BylineOfficePara *para = read_paragraph (docx, c);

          _byline_office_tables_mark (&docx->tables, para);
          if (joined != NULL)
            {
              _byline_office_para_join (para, joined);
              g_clear_pointer (&joined, _byline_office_para_free);
            }
          /* A tracked change deleted its mark: its text goes on in the next
           * paragraph (not across a text box, which comes after it). */
          if (para->boxes->len == 0 && child (child (child (c, "pPr"), "rPr"), "del") != NULL)
            {
              joined = para;
              continue;
            }
          g_ptr_array_add (paras, para);
          /* The text boxes in it (a sidebar, a quote set apart) after it. */
          for (guint i = 0; i < para->boxes->len; i++)
            read_blocks (docx, para->boxes->pdata[i], paras);
        }
      else if (is (c, "tbl"))
        {
          _byline_office_tables_begin_table (&docx->tables);
          read_blocks (docx, c, paras);
          _byline_office_tables_end_table (&docx->tables);
        }
      else if (is (c, "tr") || is (c, "tc"))
        {
          if (is (c, "tr"))
            begin_row (docx, c);
          else
            begin_cell (docx, c);
          read_blocks (docx, c, paras);
        }
      else if (is (c, "sdtContent") || is (c, "customXml"))
        read_blocks (docx, c, paras);
      else if (is (c, "sdt"))
        read_blocks (docx, c, paras);
    }
  if (joined != NULL)
    g_ptr_array_add (paras, joined);
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
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  Docx docx;
  xmlDoc *doc;
  xmlNode *body;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display != NULL, NULL);

  zip = byline_zip_open (bytes, display, error);
  if (zip == NULL)
    return NULL;
  media = _byline_office_media_new (zip, display);
  docx = (Docx) { zip, display, targets, external, styles, style_lists, formats,
                  FALSE, FALSE, numbered, media, fields, FALSE, NULL, NULL, NULL };

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
  g_free (docx.default_font);
  g_free (docx.default_para_style);

  return _byline_office_import (paras, media, display, error);
}
