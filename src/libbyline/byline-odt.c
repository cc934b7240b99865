/* byline-odt.c — a story written in LibreOffice Writer (.odt)
 *
 * On a GNOME desktop the word processor is LibreOffice.  An OpenDocument
 * text keeps its text in content.xml, its named styles in styles.xml and
 * its pictures in Pictures/; this reads its paragraphs for
 * byline-office.c, which makes the story of them:
 *
 * - a paragraph's style is the named style its automatic style derives from
 *   (Title, Subtitle, Heading n, Quotations, Caption); <text:h> is a heading
 *   by its outline level;
 * - bold and italics come from the text properties of the styles of the
 *   paragraph and its spans (fo:font-weight, fo:font-style), through their
 *   parents; links are kept; <text:s/> and tabs are spaces;
 * - lists are numbered or not as the first level of their list style says;
 *   a small data table is a paragraph a row (byline-office-table.c),
 *   other tables and sections their paragraphs; the text a tracked
 *   change deleted (kept apart, in <text:tracked-changes>) is left out,
 *   and so is hidden text (a span whose style says text:display="none");
 * - a picture (<draw:frame><draw:image/>) is one of the Pictures/ files,
 *   with its description (<svg:desc>, else <svg:title>) as alt text; a
 *   picture inside a captioned frame (a text box: picture, then the text
 *   "Illustration 1: …") has that text as its caption, as has one grouped
 *   with a text box (draw:g, Word's floating picture and its caption,
 *   converted); a text box without a picture has its paragraphs after the
 *   one it is anchored in;
 * - a caption's number (<text:sequence>), its label before it and the
 *   separator after are marked, left out when the paragraph is a picture's
 *   caption (byline-office.c): "Hình 1: " is the document's numbering;
 * - text in a font of the old codes (".VnTime", VNI-Times: its span's
 *   style, its paragraph's or the default paragraph style's font face) goes
 *   to the HTML import in that font, which reads it as the font draws it
 *   (byline-vn-legacy.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "byline-error.h"
#include "byline-odt-private.h"
#include "byline-office-private.h"
#include "byline-vn-legacy-private.h"

#define MAX_DEPTH  64

#define is    _byline_xml_is
#define child _byline_xml_child
#define attr  _byline_xml_attr

typedef struct
{
  char     *parent;      /* the style it derives from, or NULL */
  char     *display;     /* its name as shown ("Tít" for "T_c3_ad_t"), or NULL */
  char     *list;        /* style:list-style-name of a paragraph style */
  int       bold;        /* -1: not said; else FALSE or TRUE */
  int       italic;
  char     *font;        /* style:font-name (a font face's name), or NULL */
  gboolean  named;       /* a style of styles.xml's <office:styles> */
  int       hidden;      /* text:display: -1 not said; TRUE "none", hidden text */
} Style;

typedef struct
{
  BylineZip         *zip;
  const char        *display;
  GHashTable        *styles;     /* name → Style* (paragraph and text) */
  GHashTable        *numbered;   /* list style names whose first level is numbered (set) */
  BylineOfficeMedia *media;
  gboolean           in_caption; /* reading a captioned frame's text: no pictures */
  GHashTable        *font_faces; /* font face name → its font family */
  char              *default_font; /* the default paragraph style's font face */
  BylineOfficeTables tables;       /* where the paragraph being read sits */
} Odt;

static void
style_free (Style *style)
{
  g_free (style->parent);
  g_free (style->display);
  g_free (style->list);
  g_free (style->font);
  g_free (style);
}

/* -1 when the properties do not say; "bold", "600"…"900"; "italic", "oblique". */
static int
font_property (xmlNode    *properties,
               const char *name)
{
  g_autofree char *value = attr (properties, name);

  if (value == NULL)
    return -1;
  return g_str_equal (value, "bold") || g_str_equal (value, "italic") || g_str_equal (value, "oblique")
         || (g_ascii_isdigit (value[0]) && atoi (value) >= 600);
}

/* The styles and list styles of one <office:styles> or
 * <office:automatic-styles>. */
static void
read_styles (Odt      *odt,
             xmlNode  *styles,
             gboolean  named)
{
  for (xmlNode *s = styles != NULL ? styles->children : NULL; s != NULL; s = s->next)
    {
      g_autofree char *name = attr (s, "name");
      g_autofree char *family = attr (s, "family");

      if (is (s, "default-style") && g_strcmp0 (family, "paragraph") == 0)
        {
          g_free (odt->default_font);
          odt->default_font = attr (child (s, "text-properties"), "font-name");
        }
      if (name == NULL)
        continue;
      if (is (s, "style"))
        {
          Style *style = g_new0 (Style, 1);
          xmlNode *text = child (s, "text-properties");

          style->parent = attr (s, "parent-style-name");
          style->display = attr (s, "display-name");
          style->list = attr (s, "list-style-name");
          style->bold = font_property (text, "font-weight");
          style->italic = font_property (text, "font-style");
          style->font = attr (text, "font-name");
          {
            g_autofree char *display = attr (text, "display");

            style->hidden = display == NULL ? -1 : g_str_equal (display, "none");
          }
          if (style->font == NULL)
            style->font = attr (text, "font-family");
          style->named = named;
          g_hash_table_replace (odt->styles, g_steal_pointer (&name), style);
        }
      else if (is (s, "list-style"))
        {
          for (xmlNode *level = s->children; level != NULL; level = level->next)
            {
              g_autofree char *number = attr (level, "level");

              if (g_strcmp0 (number, "1") != 0)
                continue;
              if (is (level, "list-level-style-number"))
                {
                  g_autofree char *format = attr (level, "num-format");

                  /* An empty format numbers nothing. */
                  if (format == NULL || *format != '\0')
                    g_hash_table_add (odt->numbered, g_strdup (name));
                }
              break;
            }
        }
    }
}

/* <office:font-face-decls>: what a style's font-name names. */
static void
read_font_faces (Odt     *odt,
                 xmlNode *decls)
{
  for (xmlNode *f = decls != NULL ? decls->children : NULL; f != NULL; f = f->next)
    {
      g_autofree char *name = attr (f, "name");
      g_autofree char *family = attr (f, "font-family");

      if (is (f, "font-face") && name != NULL && family != NULL)
        g_hash_table_replace (odt->font_faces, g_steal_pointer (&name), g_steal_pointer (&family));
    }
}

typedef enum
{
  SAYS_BOLD,
  SAYS_ITALIC,
  SAYS_FONT,
  SAYS_HIDDEN,
} Says;

/* The first style of @name's chain (it, then its parents) that says @what,
 * or NULL. */
static Style *
style_saying (Odt        *odt,
              const char *name,
              Says        what)
{
  for (int depth = 0; name != NULL && depth < MAX_DEPTH; depth++)
    {
      Style *style = g_hash_table_lookup (odt->styles, name);

      if (style == NULL)
        return NULL;
      if ((what == SAYS_BOLD && style->bold != -1) || (what == SAYS_ITALIC && style->italic != -1)
          || (what == SAYS_FONT && style->font != NULL) || (what == SAYS_HIDDEN && style->hidden != -1))
        return style;
      name = style->parent;
    }
  return NULL;
}

/* In what text in the font face @face is written. */
static BylineVnLegacy
face_legacy (Odt        *odt,
             const char *face)
{
  const char *family = g_hash_table_lookup (odt->font_faces, face);

  return _byline_vn_legacy_for_font (family != NULL ? family : face);
}

/* In what the text of the style (through its parents) is written: TCVN3
 * when its font is a ".Vn" one; -1 when no style says a font. */
static int
style_legacy (Odt        *odt,
              const char *name)
{
  Style *style = style_saying (odt, name, SAYS_FONT);

  return style != NULL ? (int) face_legacy (odt, style->font) : -1;
}

/* Through the parents: whether the style says bold (or italic). */
static gboolean
style_says (Odt        *odt,
            const char *name,
            gboolean    italic)
{
  Style *style = style_saying (odt, name, italic ? SAYS_ITALIC : SAYS_BOLD);

  if (style == NULL)
    return FALSE;
  return italic ? style->italic : style->bold;
}

/* The named style an automatic one derives from, and its list style. */
static BylineOfficeStyle
paragraph_style (Odt         *odt,
                 const char  *name,
                 const char **list)
{
  BylineOfficeStyle found = BYLINE_OFFICE_NORMAL;

  for (int depth = 0; name != NULL && depth < MAX_DEPTH; depth++)
    {
      Style *style = g_hash_table_lookup (odt->styles, name);

      if (style == NULL)
        break;
      if (list != NULL && *list == NULL && style->list != NULL && *style->list != '\0')
        *list = style->list;
      if (style->named && found == BYLINE_OFFICE_NORMAL)
        found = _byline_office_style_from_name (style->display != NULL ? style->display : name);
      name = style->parent;
    }
  return found;
}

typedef struct
{
  gboolean       bold;
  gboolean       italic;
  BylineVnLegacy legacy;   /* the text's font is a TCVN3 one (".VnTime") */
} Format;

static void read_inline (Odt              *odt,
                         xmlNode          *parent,
                         Format            format,
                         BylineOfficePara *para,
                         int               depth);

/* The caption of a captioned frame: its text box's text, without the
 * picture and without LibreOffice's "Illustration 1: " before it. */
static char *
text_box_caption (Odt     *odt,
                  xmlNode *box,
                  gsize   *n_chars)
{
  BylineOfficePara *text = _byline_office_para_new ();
  char *caption = NULL;

  odt->in_caption = TRUE;
  for (xmlNode *p = box->children; p != NULL; p = p->next)
    if (is (p, "p") || is (p, "h"))
      read_inline (odt, p, (Format) { FALSE, FALSE, BYLINE_VN_LEGACY_NONE }, text, 1);
  odt->in_caption = FALSE;
  *n_chars = _byline_office_para_caption_chars (text);
  if (*n_chars > 0)
    caption = g_strstrip (g_strdup (_byline_office_para_caption (text)));
  _byline_office_para_free (text);
  return caption;
}

static void
read_frame (Odt              *odt,
            xmlNode          *frame,
            BylineOfficePara *para,
            int               depth)
{
  xmlNode *image = child (frame, "image");
  xmlNode *box = child (frame, "text-box");

  if (depth > MAX_DEPTH)
    return;
  if (image != NULL)
    {
      g_autofree char *href = attr (image, "href");
      g_autofree char *name = attr (frame, "name");   /* "Picture 2", as Writer shows it */
      xmlNode *desc = child (frame, "desc");
      xmlNode *title = child (frame, "title");
      xmlChar *alt = desc != NULL ? xmlNodeGetContent (desc) : title != NULL ? xmlNodeGetContent (title) : NULL;

      /* Pictures in the archive only: a linked one is elsewhere (an
       * address, or a file beside the document: "../Ảnh/lu.jpg"), and one
       * without a file is one LibreOffice could not load. */
      if (href == NULL || strstr (href, ":") != NULL || href[0] == '/' || g_str_has_prefix (href, "../"))
        {
          g_autofree char *file = href != NULL ? g_path_get_basename (href) : NULL;

          _byline_office_para_add_left_out (para, name != NULL && *name != '\0' ? name
                                                  : file != NULL ? file : _("a picture"),
                                            href, (const char *) alt);
        }
      else
        _byline_office_add_member (odt->media, para, href[0] == '.' && href[1] == '/' ? href + 2 : href, name,
                                   (const char *) alt);
      xmlFree (alt);
    }
  else if (child (frame, "object") != NULL || child (frame, "object-ole") != NULL)
    {
      /* A chart or an object with no picture of it to show. */
      g_autofree char *name = attr (frame, "name");

      _byline_office_para_add_left_out (para, name != NULL && *name != '\0' ? name : _("a chart"), NULL, NULL);
    }
  else if (box != NULL)
    {
      /* A captioned frame: the pictures in its text box, its text their
       * caption.  A text box without pictures (a sidebar, a quote set
       * apart): its paragraphs after the one it is anchored in. */
      g_autofree char *caption = NULL;
      BylineOfficePara *inner = _byline_office_para_new ();
      gsize n_chars = 0;

      for (xmlNode *p = box->children; p != NULL; p = p->next)
        for (xmlNode *c = p->children; c != NULL; c = c->next)
          if (is (c, "frame"))
            read_frame (odt, c, inner, depth + 1);
      if (inner->pictures->len == 0)
        g_ptr_array_add (para->boxes, box);
      else
        {
          caption = text_box_caption (odt, box, &n_chars);
          /* A text box beside the picture in it: after the paragraph too. */
          g_ptr_array_extend (para->boxes, inner->boxes, NULL, NULL);
        }
      for (guint i = 0; i < inner->pictures->len; i++)
        {
          g_ptr_array_add (para->pictures, g_strdup (inner->pictures->pdata[i]));
          g_ptr_array_add (para->captions, g_strdup (i + 1 == inner->pictures->len ? caption : NULL));
        }
      _byline_office_para_free (inner);
    }
}

/* A group of shapes: Word's floating picture grouped with the text box
 * of its caption ("Hình 1: …"), converted.  Its pictures; its text boxes'
 * text (draw:custom-shape) the last one's caption when it is one's length,
 * else their paragraphs after the one it is anchored in. */
static void
read_group (Odt              *odt,
            xmlNode          *group,
            BylineOfficePara *para,
            int               depth)
{
  BylineOfficePara *inner = _byline_office_para_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autofree char *caption = NULL;
  gsize n_chars = 0;

  if (depth > MAX_DEPTH)
    return;
  for (xmlNode *c = group->children; c != NULL; c = c->next)
    if (is (c, "frame"))
      read_frame (odt, c, inner, depth + 1);
    else if (is (c, "g"))
      read_group (odt, c, inner, depth + 1);
    else if (is (c, "custom-shape"))
      g_ptr_array_add (inner->boxes, c);
  if (inner->pictures->len > 0 && inner->boxes->len == 1)
    caption = text_box_caption (odt, inner->boxes->pdata[0], &n_chars);
  if (caption != NULL && n_chars <= BYLINE_OFFICE_MAX_CAPTION
      && inner->captions->pdata[inner->captions->len - 1] == NULL)
    g_ptr_array_set_size (inner->boxes, 0);
  else
    g_clear_pointer (&caption, g_free);
  for (guint i = 0; i < inner->pictures->len; i++)
    {
      const char *own = inner->captions->pdata[i];

      g_ptr_array_add (para->pictures, g_strdup (inner->pictures->pdata[i]));
      g_ptr_array_add (para->captions, g_strdup (i + 1 == inner->pictures->len && caption != NULL ? caption : own));
    }
  g_ptr_array_extend (para->boxes, inner->boxes, NULL, NULL);
  _byline_office_para_free (inner);
}

static void
read_inline (Odt              *odt,
             xmlNode          *parent,
             Format            format,
             BylineOfficePara *para,
             int               depth)
{
  if (depth > MAX_DEPTH)
    return;
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        {
          _byline_office_para_add_text_in (para, (const char *) c->content, format.bold, format.italic,
                                           format.legacy);
        }
      else if (is (c, "span"))
        {
          g_autofree char *name = attr (c, "style-name");
          Format inner = format;

          if (name != NULL)
            {
              Style *style = g_hash_table_lookup (odt->styles, name);

              /* Hidden text: not shown, not printed, not the story's. */
              if (style != NULL && style_saying (odt, name, SAYS_HIDDEN) != NULL
                  && style_saying (odt, name, SAYS_HIDDEN)->hidden == TRUE)
                continue;
              if (style != NULL)
                {
                  inner.bold = style_says (odt, name, FALSE) || (format.bold && style->bold == -1);
                  inner.italic = style_says (odt, name, TRUE) || (format.italic && style->italic == -1);
                  if (style_legacy (odt, name) != -1)
                    inner.legacy = style_legacy (odt, name);
                }
            }
          read_inline (odt, c, inner, para, depth + 1);
        }
      else if (is (c, "a"))
        {
          g_autofree char *href = attr (c, "href");
          g_autofree char *escaped = href != NULL ? g_markup_escape_text (href, -1) : NULL;

          if (escaped != NULL)
            g_string_append_printf (para->html, "<a href=\"%s\">", escaped);
          read_inline (odt, c, format, para, depth + 1);
          if (escaped != NULL)
            g_string_append (para->html, "</a>");
        }
      else if (is (c, "s"))
        {
          g_autofree char *count = attr (c, "c");
          int n = count != NULL ? CLAMP (atoi (count), 1, 100) : 1;

          for (int i = 0; i < n; i++)
            _byline_office_para_add_text (para, " ", FALSE, FALSE);
        }
      else if (is (c, "tab"))
        _byline_office_para_add_text (para, " ", FALSE, FALSE);
      else if (is (c, "line-break"))
        g_string_append (para->html, "<br>");
      else if (is (c, "frame"))
        {
          if (!odt->in_caption)
            read_frame (odt, c, para, depth + 1);
        }
      else if (is (c, "g"))
        {
          if (!odt->in_caption)
            read_group (odt, c, para, depth + 1);
        }
      /* A text box drawn as a shape (Word's, converted): its paragraphs
       * after this one, not in its text. */
      else if (is (c, "custom-shape"))
        {
          if (!odt->in_caption)
            g_ptr_array_add (para->boxes, c);
        }
      /* "Illustration <text:sequence>1</text:sequence>: ": a caption's
       * number, which the caption is without. */
      else if (is (c, "sequence"))
        {
          read_inline (odt, c, format, para, depth + 1);
          _byline_office_para_end_sequence (para);
        }
      /* Notes, bookmarks, fields' text: a note's text is not the story's;
       * fields (page numbers) show their text. */
      else if (is (c, "note") || is (c, "annotation") || is (c, "tracked-changes"))
        continue;
      else if (c->type == XML_ELEMENT_NODE)
        read_inline (odt, c, format, para, depth + 1);
    }
}

static BylineOfficePara *
read_paragraph (Odt              *odt,
                xmlNode          *p,
                BylineOfficeList  list)
{
  BylineOfficePara *para = _byline_office_para_new ();
  g_autofree char *name = attr (p, "style-name");
  const char *list_style = NULL;
  int legacy = style_legacy (odt, name);
  Format format = { style_says (odt, name, FALSE), style_says (odt, name, TRUE), BYLINE_VN_LEGACY_NONE };

  /* The paragraph's font, else the default paragraph style's. */
  if (legacy == -1 && odt->default_font != NULL)
    legacy = face_legacy (odt, odt->default_font);
  format.legacy = legacy == -1 ? BYLINE_VN_LEGACY_NONE : legacy;
  para->style = paragraph_style (odt, name, &list_style);
  /* A heading's, a quote's or a caption's style is bold or italic by its
   * look, not for emphasis. */
  if (para->style != BYLINE_OFFICE_NORMAL)
    format.bold = format.italic = FALSE;
  if (is (p, "h"))
    {
      g_autofree char *level = attr (p, "outline-level");

      if (para->style != BYLINE_OFFICE_TITLE && para->style != BYLINE_OFFICE_SUBTITLE)
        para->style = level == NULL || atoi (level) <= 1 ? BYLINE_OFFICE_HEADING1 : BYLINE_OFFICE_HEADING2;
    }
  para->list = list;
  /* A paragraph style that makes a list ("List Bullet"). */
  if (list == BYLINE_OFFICE_NO_LIST && list_style != NULL)
    para->list = g_hash_table_contains (odt->numbered, list_style) ? BYLINE_OFFICE_NUMBERED : BYLINE_OFFICE_BULLETED;
  read_inline (odt, p, format, para, 0);
  return para;
}

static void read_blocks (Odt              *odt,
                         xmlNode          *parent,
                         BylineOfficeList  list,
                         GPtrArray        *paras,
                         int               depth);

/* A table's cell: one that table:number-rows-spanned="2" merges down the
 * rows begins cells merged so; each place it covers, under it or, with
 * table:number-columns-spanned, beside it, is a covered cell, whose text,
 * if any, is not shown.  One under it is given an empty paragraph, which a
 * data table's row fills with the merged cell's text. */
static void
read_cell (Odt              *odt,
           xmlNode          *cell,
           BylineOfficeList  list,
           GPtrArray        *paras,
           int               depth)
{
  g_autofree char *rows = NULL;

  if (is (cell, "covered-table-cell"))
    {
      _byline_office_tables_begin_cell (&odt->tables, BYLINE_OFFICE_CELL_COVERED, 1);
      if (odt->tables.depth == 1 && odt->tables.continued)
        {
          BylineOfficePara *para = _byline_office_para_new ();

          _byline_office_tables_mark (&odt->tables, para);
          g_ptr_array_add (paras, para);
        }
      return;
    }
  rows = attr (cell, "number-rows-spanned");
  _byline_office_tables_begin_cell (&odt->tables,
                                    rows != NULL && g_ascii_strtoull (rows, NULL, 10) > 1
                                      ? BYLINE_OFFICE_CELL_FIRST : BYLINE_OFFICE_CELL_ALONE,
                                    1);
  read_blocks (odt, cell, list, paras, depth + 1);
}

static void
read_blocks (Odt              *odt,
             xmlNode          *parent,
             BylineOfficeList  list,
             GPtrArray        *paras,
             int               depth)
{
  if (depth > MAX_DEPTH)
    return;
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (is (c, "p") || is (c, "h"))
        {
          BylineOfficePara *para = read_paragraph (odt, c, list);

          _byline_office_tables_mark (&odt->tables, para);
          g_ptr_array_add (paras, para);
          /* The text boxes in it (a sidebar, a quote set apart) after it. */
          for (guint i = 0; i < para->boxes->len; i++)
            read_blocks (odt, para->boxes->pdata[i], BYLINE_OFFICE_NO_LIST, paras, depth + 1);
        }
      else if (is (c, "list"))
        {
          g_autofree char *name = attr (c, "style-name");
          BylineOfficeList kind = list;

          /* A list without a style of its own continues its parent's. */
          if (name != NULL)
            kind = g_hash_table_contains (odt->numbered, name) ? BYLINE_OFFICE_NUMBERED : BYLINE_OFFICE_BULLETED;
          else if (kind == BYLINE_OFFICE_NO_LIST)
            kind = BYLINE_OFFICE_BULLETED;
          read_blocks (odt, c, kind, paras, depth + 1);
        }
      else if (is (c, "table"))
        {
          _byline_office_tables_begin_table (&odt->tables);
          read_blocks (odt, c, BYLINE_OFFICE_NO_LIST, paras, depth + 1);
          _byline_office_tables_end_table (&odt->tables);
        }
      else if (is (c, "table-row"))
        {
          _byline_office_tables_begin_row (&odt->tables);
          read_blocks (odt, c, list, paras, depth + 1);
        }
      else if (is (c, "table-cell") || is (c, "covered-table-cell"))
        read_cell (odt, c, list, paras, depth);
      else if (is (c, "list-item") || is (c, "list-header") || is (c, "section") || is (c, "table-rows")
               || is (c, "table-header-rows") || is (c, "index-body"))
        read_blocks (odt, c, list, paras, depth + 1);
    }
}

/* The archive's first member, stored, is "mimetype" with the type. */
gboolean
_byline_odt_sniff (GBytes *bytes)
{
  return _byline_office_sniff_zip (bytes, "application/vnd.oasis.opendocument.text");
}

static BylineArticle *
read_odt (GBytes      *bytes,
          const char  *display,
          gboolean     piece,
          GError     **error)
{
  g_autoptr(BylineZip) zip = NULL;
  g_autoptr(BylineOfficeMedia) media = NULL;
  g_autoptr(GPtrArray) paras = g_ptr_array_new_with_free_func ((GDestroyNotify) _byline_office_para_free);
  g_autoptr(GHashTable) styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) style_free);
  g_autoptr(GHashTable) numbered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) font_faces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Odt odt;
  xmlDoc *styles_doc, *content;
  xmlNode *root, *text;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display != NULL, NULL);

  zip = byline_zip_open (bytes, display, error);
  if (zip == NULL)
    return NULL;
  media = _byline_office_media_new (zip, display);
  odt = (Odt) { zip, display, styles, numbered, media, FALSE, font_faces, NULL };

  content = _byline_office_read_xml (zip, display, "content.xml", TRUE, error);
  if (content == NULL)
    return NULL;
  styles_doc = _byline_office_read_xml (zip, display, "styles.xml", FALSE, NULL);
  if (styles_doc != NULL)
    {
      read_font_faces (&odt, child (xmlDocGetRootElement (styles_doc), "font-face-decls"));
      read_styles (&odt, child (xmlDocGetRootElement (styles_doc), "styles"), TRUE);
      read_styles (&odt, child (xmlDocGetRootElement (styles_doc), "automatic-styles"), FALSE);
      xmlFreeDoc (styles_doc);
    }
  root = xmlDocGetRootElement (content);
  read_font_faces (&odt, child (root, "font-face-decls"));
  read_styles (&odt, child (root, "automatic-styles"), FALSE);
  text = child (child (root, "body"), "text");
  if (text != NULL)
    read_blocks (&odt, text, BYLINE_OFFICE_NO_LIST, paras, 0);
  xmlFreeDoc (content);
  g_free (odt.default_font);

  if (piece)
    return _byline_office_import_piece (paras, media, display, error);
  return _byline_office_import (paras, media, display, error);
}

BylineArticle *
_byline_odt_import (GBytes      *bytes,
                    const char  *display,
                    GError     **error)
{
  return read_odt (bytes, display, FALSE, error);
}

BylineArticle *
_byline_odt_import_piece (GBytes      *bytes,
                          const char  *display,
                          GError     **error)
{
  return read_odt (bytes, display, TRUE, error);
}
