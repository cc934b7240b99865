/* byline-html-elements.c — what each HTML element means to the body model
 *
 * Every element is looked up in one table: dropped with what is inside it
 * (scripts, styles, embedded objects, forms, page chrome), a block (a new body
 * block starts inside it and after it), a heading, quote, list or item, a
 * picture, or inline.  Unknown elements are inline, so custom elements and
 * Word's <o:p> keep their text.  Inline styles may say bold or italic (Google
 * Docs, LibreOffice) or hide an element; class names say what a news page's
 * lead, byline, dateline, captions and credits are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include <string.h>

#include "byline-html-private.h"
#include "byline-html-walker-private.h"
#include "byline-image.h"

typedef enum
{
  ROLE_INLINE,
  ROLE_DROP,
  ROLE_BLOCK,
  ROLE_HEADING,
  ROLE_QUOTE,
  ROLE_BULLETED_LIST,
  ROLE_NUMBERED_LIST,
  ROLE_ITEM,
  ROLE_BREAK,
  ROLE_IMAGE,
  ROLE_FIGURE,
  ROLE_FIGCAPTION,
  ROLE_BOLD,
  ROLE_ITALIC,
  ROLE_LINK,
  ROLE_SMALL,
} Role;

static const struct
{
  const char *name;
  Role        role;
} element_roles[] = {
  /* Never content, and what is inside them is not either. */
  { "applet", ROLE_DROP }, { "aside", ROLE_DROP }, { "audio", ROLE_DROP },
  { "base", ROLE_DROP }, { "button", ROLE_DROP }, { "canvas", ROLE_DROP },
  { "datalist", ROLE_DROP }, { "dialog", ROLE_DROP }, { "embed", ROLE_DROP },
  { "frame", ROLE_DROP }, { "frameset", ROLE_DROP }, { "head", ROLE_DROP },
  { "iframe", ROLE_DROP }, { "input", ROLE_DROP }, { "link", ROLE_DROP },
  { "map", ROLE_DROP }, { "math", ROLE_DROP }, { "meta", ROLE_DROP },
  { "meter", ROLE_DROP }, { "nav", ROLE_DROP }, { "noembed", ROLE_DROP },
  { "noframes", ROLE_DROP }, { "noscript", ROLE_DROP }, { "object", ROLE_DROP },
  { "optgroup", ROLE_DROP }, { "option", ROLE_DROP }, { "param", ROLE_DROP },
  { "plaintext", ROLE_DROP }, { "progress", ROLE_DROP }, { "script", ROLE_DROP },
  { "select", ROLE_DROP }, { "source", ROLE_DROP }, { "style", ROLE_DROP },
  { "svg", ROLE_DROP }, { "template", ROLE_DROP }, { "textarea", ROLE_DROP },
  { "title", ROLE_DROP }, { "track", ROLE_DROP }, { "video", ROLE_DROP },
  { "xmp", ROLE_DROP },
  /* Blocks: what is inside starts a new block and ends one. */
  { "address", ROLE_BLOCK }, { "article", ROLE_BLOCK }, { "body", ROLE_BLOCK },
  { "caption", ROLE_BLOCK }, { "center", ROLE_BLOCK }, { "dd", ROLE_BLOCK },
  { "details", ROLE_BLOCK }, { "div", ROLE_BLOCK }, { "dl", ROLE_BLOCK },
  { "dt", ROLE_BLOCK }, { "fieldset", ROLE_BLOCK }, { "footer", ROLE_BLOCK },
  { "form", ROLE_BLOCK }, { "header", ROLE_BLOCK }, { "hgroup", ROLE_BLOCK },
  { "html", ROLE_BLOCK }, { "legend", ROLE_BLOCK }, { "main", ROLE_BLOCK },
  { "p", ROLE_BLOCK }, { "pre", ROLE_BLOCK }, { "section", ROLE_BLOCK },
  { "summary", ROLE_BLOCK }, { "table", ROLE_BLOCK }, { "tbody", ROLE_BLOCK },
  { "td", ROLE_BLOCK }, { "tfoot", ROLE_BLOCK }, { "th", ROLE_BLOCK },
  { "thead", ROLE_BLOCK }, { "tr", ROLE_BLOCK },
  { "h1", ROLE_HEADING }, { "h2", ROLE_HEADING }, { "h3", ROLE_HEADING },
  { "h4", ROLE_HEADING }, { "h5", ROLE_HEADING }, { "h6", ROLE_HEADING },
  { "blockquote", ROLE_QUOTE },
  { "ul", ROLE_BULLETED_LIST }, { "menu", ROLE_BULLETED_LIST }, { "dir", ROLE_BULLETED_LIST },
  { "ol", ROLE_NUMBERED_LIST }, { "li", ROLE_ITEM },
  { "br", ROLE_BREAK }, { "hr", ROLE_BREAK },
  { "img", ROLE_IMAGE }, { "figure", ROLE_FIGURE }, { "figcaption", ROLE_FIGCAPTION },
  { "b", ROLE_BOLD }, { "strong", ROLE_BOLD },
  { "i", ROLE_ITALIC }, { "em", ROLE_ITALIC },
  { "a", ROLE_LINK }, { "small", ROLE_SMALL },
};

static Role
element_role (const char *name)
{
  static GHashTable *roles;

  if (g_once_init_enter_pointer (&roles))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (element_roles); i++)
        g_hash_table_insert (table, (gpointer) element_roles[i].name,
                             GUINT_TO_POINTER (element_roles[i].role));
      g_once_init_leave_pointer (&roles, table);
    }
  /* Unknown elements (custom ones, <span>, <font>, Word's <o:p>) are inline. */
  return GPOINTER_TO_UINT (g_hash_table_lookup (roles, name));
}

const char *
_byline_html_get_attr (xmlNode    *node,
                       const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (g_ascii_strcasecmp ((const char *) attr->name, name) == 0)
      {
        if (attr->children != NULL && attr->children->content != NULL)
          return (const char *) attr->children->content;
        return "";
      }
  return NULL;
}

gboolean
_byline_html_has_class (xmlNode   *node,
                        gboolean (*match) (const char *word,
                                           gsize       length))
{
  const char *value = _byline_html_get_attr (node, "class");

  if (value == NULL)
    return FALSE;

  while (*value)
    {
      const char *end;

      while (g_ascii_isspace (*value))
        value++;
      end = value;
      while (*end && !g_ascii_isspace (*end))
        end++;
      if (end > value && match (value, end - value))
        return TRUE;
      value = end;
    }
  return FALSE;
}

/* @word is @name, or ends with "-name" or "_name" ("detail-sapo"). */
static gboolean
word_names (const char *word,
            gsize       length,
            const char *name)
{
  gsize n = strlen (name);

  if (length < n || g_ascii_strncasecmp (word + length - n, name, n) != 0)
    return FALSE;
  return length == n || word[length - n - 1] == '-' || word[length - n - 1] == '_';
}

static gboolean
is_lead_class (const char *word,
               gsize       length)
{
  static const char *names[] = { "lead", "sapo", "description", "summary", "standfirst", "chapeau" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (word_names (word, length, names[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_byline_class (const char *word,
                 gsize       length)
{
  return word_names (word, length, "byline") || word_names (word, length, "author")
         || word_names (word, length, "author-name") || word_names (word, length, "tac-gia");
}

static gboolean
is_dateline_class (const char *word,
                   gsize       length)
{
  return word_names (word, length, "dateline");
}

static gboolean
is_caption_class (const char *word,
                  gsize       length)
{
  /* "caption", "image-caption", "PhotoCMS_Caption", "image_desc" */
  for (gsize i = 0; i + 7 <= length; i++)
    if (g_ascii_strncasecmp (word + i, "caption", 7) == 0)
      return TRUE;
  return word_names (word, length, "desc");
}

static gboolean
is_credit_class (const char *word,
                 gsize       length)
{
  return word_names (word, length, "credit") || word_names (word, length, "author")
         || word_names (word, length, "source");
}

static gboolean
is_featured_class (const char *word,
                   gsize       length)
{
  return word_names (word, length, "featured");
}

/* Reads what an inline style says about weight and slant (Google Docs and
 * LibreOffice put bold and italic there), and whether it hides the element. */
static void
apply_style (const char *style,
             Frame      *frame,
             gboolean   *hidden)
{
  g_auto(GStrv) declarations = g_strsplit (style, ";", 64);

  for (guint i = 0; declarations[i] != NULL; i++)
    {
      char *colon = strchr (declarations[i], ':');
      char *property, *value, *important;

      if (colon == NULL)
        continue;
      *colon = '\0';
      property = g_strstrip (declarations[i]);
      value = g_strstrip (colon + 1);
      if ((important = strchr (value, '!')) != NULL)
        {
          *important = '\0';
          g_strchomp (value);
        }

      if (g_ascii_strcasecmp (property, "font-weight") == 0)
        {
          if (g_ascii_isdigit (*value))
            frame->bold = g_ascii_strtoull (value, NULL, 10) >= 600;
          else if (g_ascii_strcasecmp (value, "bold") == 0 || g_ascii_strcasecmp (value, "bolder") == 0)
            frame->bold = TRUE;
          else if (g_ascii_strcasecmp (value, "normal") == 0 || g_ascii_strcasecmp (value, "lighter") == 0)
            frame->bold = FALSE;
        }
      /* A page saved from a document typed in TCVN3 (Word's
       * font-family:".VnTime"). */
      else if (g_ascii_strcasecmp (property, "font-family") == 0)
        frame->legacy = _byline_vn_legacy_for_font (value);
      else if (g_ascii_strcasecmp (property, "font-style") == 0)
        {
          if (g_ascii_strcasecmp (value, "italic") == 0 || g_ascii_strcasecmp (value, "oblique") == 0)
            frame->italic = TRUE;
          else if (g_ascii_strcasecmp (value, "normal") == 0)
            frame->italic = FALSE;
        }
      else if ((g_ascii_strcasecmp (property, "display") == 0 && g_ascii_strcasecmp (value, "none") == 0)
               || (g_ascii_strcasecmp (property, "visibility") == 0 && g_ascii_strcasecmp (value, "hidden") == 0)
               /* Word's list bullets, typed out as text */
               || (g_ascii_strcasecmp (property, "mso-list") == 0 && g_ascii_strcasecmp (value, "ignore") == 0))
        *hidden = TRUE;
    }
}

static Capture
top_capture (Walker *w)
{
  if (w->captures->len == 0)
    return CAPTURE_NONE;
  return ((CaptureSink *) g_ptr_array_index (w->captures, w->captures->len - 1))->kind;
}

static BylineImage *
top_capture_image (Walker *w)
{
  if (w->captures->len == 0)
    return NULL;
  return ((CaptureSink *) g_ptr_array_index (w->captures, w->captures->len - 1))->image;
}

static void
enter_picture (Walker  *w,
               xmlNode *node)
{
  BylineImage *image;
  gboolean in_figure;

  if (w->article == NULL)
    {
      const char *src = _byline_html_get_attr (node, "src");

      /* Pasting: no picture comes in, but the person is told of those the
       * page had (an <img> with nothing to show is none). */
      if (src != NULL && *src != '\0')
        w->n_pictures_left++;
      return;
    }

  in_figure = w->figure.active && !w->figure.has_picture;
  image = _byline_html_attach_picture (w, node);
  if (w->error != NULL)
    return;
  if (in_figure)
    w->figure.has_picture = TRUE;
  if (image == NULL)
    return;

  _byline_walker_insert_picture (w, image);
  if (in_figure)
    g_set_object (&w->figure.image, image);
  else
    g_set_object (&w->last_image, image);
}

void
_byline_html_enter_element (Walker  *w,
                            xmlNode *node,
                            Frame   *frame)
{
  Role role = element_role ((const char *) node->name);
  const char *style;
  gboolean hidden = FALSE;
  Capture capture = top_capture (w);

  if (role == ROLE_DROP || _byline_html_get_attr (node, "hidden") != NULL)
    {
      frame->descend = FALSE;
      return;
    }

  switch (role)
    {
    case ROLE_BOLD:
      frame->bold = TRUE;
      break;
    case ROLE_ITALIC:
      frame->italic = TRUE;
      break;
    case ROLE_LINK:
      {
        g_autofree char *href = g_strdup (_byline_html_get_attr (node, "href"));

        frame->href = NULL;
        if (href != NULL && _byline_html_href_is_safe (g_strstrip (href)))
          {
            frame->href = g_steal_pointer (&href);
            frame->own_href = TRUE;
          }
      }
      break;
    case ROLE_BREAK:
      _byline_walker_boundary (w);
      frame->descend = FALSE;
      return;
    case ROLE_IMAGE:
      enter_picture (w, node);
      frame->descend = FALSE;
      return;
    case ROLE_HEADING:
      _byline_walker_boundary (w);
      frame->leave |= LEAVE_FLUSH;
      if (w->article != NULL && node->name[1] == '1' && w->headline == NULL && capture == CAPTURE_NONE)
        {
          _byline_walker_start_capture (w, frame, CAPTURE_HEADLINE, NULL);
          w->skip_text = FALSE;
        }
      frame->kind = node->name[1] <= '2' ? BYLINE_BLOCK_HEADING1 : BYLINE_BLOCK_HEADING2;
      break;
    case ROLE_QUOTE:
      _byline_walker_boundary (w);
      frame->leave |= LEAVE_FLUSH;
      frame->kind = BYLINE_BLOCK_QUOTE;
      break;
    case ROLE_BULLETED_LIST:
    case ROLE_NUMBERED_LIST:
      _byline_walker_boundary (w);
      frame->leave |= LEAVE_FLUSH;
      frame->list_kind = role == ROLE_BULLETED_LIST ? BYLINE_BLOCK_BULLETED_ITEM : BYLINE_BLOCK_NUMBERED_ITEM;
      break;
    case ROLE_ITEM:
      _byline_walker_boundary (w);
      frame->leave |= LEAVE_FLUSH;
      frame->kind = frame->list_kind;
      break;
    case ROLE_FIGURE:
      _byline_walker_boundary (w);
      frame->leave |= LEAVE_FLUSH;
      if (!w->figure.active)
        {
          w->figure.active = TRUE;
          w->figure.featured = _byline_html_has_class (node, is_featured_class);
          frame->leave |= LEAVE_FIGURE;
        }
      break;
    case ROLE_FIGCAPTION:
      _byline_walker_boundary (w);
      frame->leave |= LEAVE_FLUSH;
      if (w->figure.active && capture == CAPTURE_NONE)
        _byline_walker_start_capture (w, frame, CAPTURE_CAPTION, NULL);
      break;
    case ROLE_BLOCK:
      _byline_walker_boundary (w);
      frame->leave |= LEAVE_FLUSH;
      break;
    case ROLE_SMALL:
    case ROLE_INLINE:
    case ROLE_DROP:
    default:
      break;
    }

  /* In TCVN3, as the page's style sheet says, or its element (below). */
  {
    BylineVnLegacy legacy;

    if (_byline_html_font_rule_for (w->font_rules, node, &legacy))
      frame->legacy = legacy;
  }
  /* LibreOffice's pages and old ones: <font face=".VnTime">. */
  if (g_ascii_strcasecmp ((const char *) node->name, "font") == 0
      && _byline_html_get_attr (node, "face") != NULL)
    frame->legacy = _byline_vn_legacy_for_font (_byline_html_get_attr (node, "face"));
  if ((style = _byline_html_get_attr (node, "style")) != NULL)
    {
      apply_style (style, frame, &hidden);
      if (hidden)
        {
          frame->descend = FALSE;
          return;
        }
    }

  if (frame->leave & LEAVE_CAPTURE)
    return;

  /* What the classes of a news page say an element is. */
  if (capture == CAPTURE_CAPTION
      && (role == ROLE_SMALL || _byline_html_has_class (node, is_credit_class)))
    _byline_walker_start_capture (w, frame, CAPTURE_CREDIT, top_capture_image (w));
  else if (w->article == NULL)
    return;
  else if (capture == CAPTURE_LEAD && w->dateline == NULL
           && _byline_html_has_class (node, is_dateline_class))
    _byline_walker_start_capture (w, frame, CAPTURE_DATELINE, NULL);
  else if (capture != CAPTURE_NONE)
    return;
  else if (w->lead == NULL && _byline_html_has_class (node, is_lead_class))
    _byline_walker_start_capture (w, frame, CAPTURE_LEAD, NULL);
  else if (w->byline == NULL && _byline_html_has_class (node, is_byline_class))
    _byline_walker_start_capture (w, frame, CAPTURE_BYLINE, NULL);
  else if (w->dateline == NULL && _byline_html_has_class (node, is_dateline_class))
    _byline_walker_start_capture (w, frame, CAPTURE_DATELINE, NULL);
  else if (_byline_html_has_class (node, is_caption_class))
    {
      if (w->figure.active)
        _byline_walker_start_capture (w, frame, CAPTURE_CAPTION, NULL);
      else if (w->last_image != NULL && *byline_image_get_caption (w->last_image) == '\0')
        _byline_walker_start_capture (w, frame, CAPTURE_CAPTION, w->last_image);
    }
}

