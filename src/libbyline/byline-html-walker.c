/* byline-html-walker.c — the sanitizing walk over a libxml2 HTML tree
 *
 * The tree is walked with an explicit stack (w->frames), never by recursion, and
 * only what the body model has is kept: text blocks, bold, italic,
 * http/https/mailto links and pictures.  Nothing else is ever read from the
 * page (no attribute but the handful named below), so scripts, styles,
 * handlers and javascript: URLs cannot reach the model.
 *
 * Decisions worth knowing:
 * - Non-breaking spaces fold like ordinary spaces: pages pasted from word
 *   processors are full of them, and a news body has no use for them.
 * - Links must be absolute; relative ones lose their link but keep their text.
 * - At most MAX_SPANS bold, italic or link runs per block: a hostile page of
 *   alternating <b>/<i> cannot make the import quadratic.
 * - A caption whose picture was not attached becomes a paragraph, so no words
 *   are lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include <stdlib.h>
#include <string.h>

#include "byline-article.h"
#include "byline-body.h"
#include "byline-error.h"
#include "byline-html-private.h"
#include "byline-html-walker-private.h"
#include "byline-image.h"
#include "byline-text.h"

#define MAX_SPANS 256

/* ------------------------------------------------------------------- sinks */

static void
span_clear (gpointer data)
{
  BylineSpan *span = data;
  g_clear_pointer (&span->href, g_free);
}

static void
sink_init (Sink     *sink,
           gboolean  with_spans)
{
  sink->text = g_string_new (NULL);
  sink->spans = NULL;
  if (with_spans)
    {
      sink->spans = g_array_new (FALSE, FALSE, sizeof (BylineSpan));
      g_array_set_clear_func (sink->spans, span_clear);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sink->open); i++)
    sink->open[i] = -1;
  sink->open_href = NULL;
  sink->space_href = NULL;
  sink->n_chars = 0;
  sink->pending_space = FALSE;
  sink->kind = BYLINE_BLOCK_PARAGRAPH;
}

static void
sink_reset (Sink *sink)
{
  g_string_truncate (sink->text, 0);
  if (sink->spans != NULL)
    g_array_set_size (sink->spans, 0);
  for (guint i = 0; i < G_N_ELEMENTS (sink->open); i++)
    sink->open[i] = -1;
  g_clear_pointer (&sink->open_href, g_free);
  g_clear_pointer (&sink->space_href, g_free);
  sink->n_chars = 0;
  sink->pending_space = FALSE;
  sink->kind = BYLINE_BLOCK_PARAGRAPH;
}

static void
sink_clear (Sink *sink)
{
  if (sink->text != NULL)
    g_string_free (sink->text, TRUE);
  sink->text = NULL;
  g_clear_pointer (&sink->spans, g_array_unref);
  g_clear_pointer (&sink->open_href, g_free);
  g_clear_pointer (&sink->space_href, g_free);
}

static char *
sink_steal_text (Sink *sink)
{
  char *text = g_strndup (sink->text->str, sink->text->len);
  sink_reset (sink);
  return text;
}

static void
sink_close_run (Sink           *sink,
                BylineSpanKind  kind)
{
  int start = sink->open[kind];

  if (start < 0)
    return;
  sink->open[kind] = -1;
  if ((guint) start < sink->n_chars && sink->spans->len < MAX_SPANS)
    {
      BylineSpan span = { start, sink->n_chars, kind, NULL };

      if (kind == BYLINE_SPAN_LINK)
        span.href = g_steal_pointer (&sink->open_href);
      g_array_append_val (sink->spans, span);
    }
  if (kind == BYLINE_SPAN_LINK)
    g_clear_pointer (&sink->open_href, g_free);
}

static void
sink_close_runs (Sink *sink)
{
  if (sink->spans == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (sink->open); i++)
    sink_close_run (sink, i);
}

static inline gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xA0 || c == 0x202F;
}

/* Opens and closes the bold, italic and link runs so that the next
 * character has the style @bold, @italic, @href. */
static void
sink_set_style (Sink       *sink,
                gboolean    bold,
                gboolean    italic,
                const char *href)
{
  if (sink->spans == NULL)
    return;

  if (!bold)
    sink_close_run (sink, BYLINE_SPAN_BOLD);
  if (!italic)
    sink_close_run (sink, BYLINE_SPAN_ITALIC);
  if (sink->open[BYLINE_SPAN_LINK] >= 0 && g_strcmp0 (href, sink->open_href) != 0)
    sink_close_run (sink, BYLINE_SPAN_LINK);

  if (sink->spans->len >= MAX_SPANS)
    return;
  if (bold && sink->open[BYLINE_SPAN_BOLD] < 0)
    sink->open[BYLINE_SPAN_BOLD] = sink->n_chars;
  if (italic && sink->open[BYLINE_SPAN_ITALIC] < 0)
    sink->open[BYLINE_SPAN_ITALIC] = sink->n_chars;
  if (href != NULL && sink->open[BYLINE_SPAN_LINK] < 0)
    {
      sink->open[BYLINE_SPAN_LINK] = sink->n_chars;
      sink->open_href = g_strdup (href);
    }
}

/* White space to lay out before the next character, in the style of the
 * first space of the run (as a browser shows it). */
static void
sink_add_space (Sink        *sink,
                const Frame *frame)
{
  if (sink->pending_space)
    return;
  sink->pending_space = TRUE;
  sink->space_bold = frame != NULL && frame->bold;
  sink->space_italic = frame != NULL && frame->italic;
  g_free (sink->space_href);
  sink->space_href = frame != NULL ? g_strdup (frame->href) : NULL;
}

/* Appends @text (already NFC and valid) the way a browser lays it out: every
 * run of white space is one space, none at the start or the end of a block.
 * Bold, italic and link runs open and close with the state of @frame at each
 * character, so that overlapping and overriding markup comes out right. */
static void
sink_add_text (Sink        *sink,
               const char  *text,
               const Frame *frame)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        {
          sink_add_space (sink, frame);
          continue;
        }

      if (sink->n_chars == 0)
        sink->kind = frame->kind;

      if (sink->pending_space && sink->n_chars > 0)
        {
          sink_set_style (sink, sink->space_bold, sink->space_italic, sink->space_href);
          g_string_append_c (sink->text, ' ');
          sink->n_chars++;
        }
      sink->pending_space = FALSE;
      sink_set_style (sink, frame->bold, frame->italic, frame->href);

      /* A combining mark at the start of a text node belongs to the letter at
       * the end of the previous one: compose them, so the text stays NFC. */
      if (g_unichar_ismark (c) && sink->text->len > 0)
        {
          char *prev = g_utf8_find_prev_char (sink->text->str, sink->text->str + sink->text->len);
          gunichar composed;

          if (prev != NULL && g_unichar_compose (g_utf8_get_char (prev), c, &composed))
            {
              g_string_truncate (sink->text, prev - sink->text->str);
              g_string_append_unichar (sink->text, composed);
              continue;
            }
        }

      g_string_append_len (sink->text, p, g_utf8_next_char (p) - p);
      sink->n_chars++;
    }
}

/* ------------------------------------------------------------------ walker */

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  if (frame->own_href)
    g_free (frame->href);
}

static void
capture_free (gpointer data)
{
  CaptureSink *capture = data;

  sink_clear (&capture->sink);
  g_clear_object (&capture->image);
  g_free (capture);
}

void
_byline_walker_init (Walker        *w,
                     BylineArticle *article,
                     BylineBody    *body,
                     guint          index,
                     GFile         *base_folder)
{
  memset (w, 0, sizeof *w);
  w->article = article;
  w->body = body;
  w->index = index;
  w->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_array_set_clear_func (w->frames, frame_clear);
  w->captures = g_ptr_array_new_with_free_func (capture_free);
  sink_init (&w->block, TRUE);
  if (article != NULL && base_folder != NULL)
    {
      w->base = g_object_ref (base_folder);
      if (g_file_peek_path (base_folder) != NULL)
        w->base_real = realpath (g_file_peek_path (base_folder), NULL);
    }
}

void
_byline_walker_clear (Walker *w)
{
  g_clear_pointer (&w->frames, g_array_unref);
  g_clear_pointer (&w->captures, g_ptr_array_unref);
  sink_clear (&w->block);
  g_clear_object (&w->base);
  g_clear_pointer (&w->base_real, free);
  g_clear_object (&w->figure.image);
  if (w->figure.caption != NULL)
    g_string_free (g_steal_pointer (&w->figure.caption), TRUE);
  if (w->figure.credit != NULL)
    g_string_free (g_steal_pointer (&w->figure.credit), TRUE);
  g_clear_pointer (&w->headline, g_free);
  g_clear_pointer (&w->lead, g_free);
  g_clear_pointer (&w->byline, g_free);
  g_clear_pointer (&w->dateline, g_free);
  g_clear_error (&w->error);
}

static Sink *
current_sink (Walker *w)
{
  if (w->captures->len > 0)
    return &((CaptureSink *) g_ptr_array_index (w->captures, w->captures->len - 1))->sink;
  return &w->block;
}

static const Frame *
top_frame (Walker *w)
{
  return &g_array_index (w->frames, Frame, w->frames->len - 1);
}

/* Ends the text block being built and adds it to the body. */
static void
flush_block (Walker *w)
{
  Sink *sink = &w->block;

  sink_close_runs (sink);
  if (sink->n_chars > 0 && !w->skip_text)
    {
      guint index = w->index + w->n_inserted;
      const BylineBlock *block;
      guint length;

      byline_body_insert_block (w->body, index, sink->kind, sink->text->str);
      block = byline_body_get_block (w->body, index);
      length = byline_block_get_length (block);
      for (guint i = 0; i < sink->spans->len; i++)
        {
          const BylineSpan *span = &g_array_index (sink->spans, BylineSpan, i);

          if (span->start < length)
            byline_body_apply_span (w->body, index, span->start, MIN (span->end, length),
                                    span->kind, span->href, TRUE);
        }
      w->n_inserted++;
      g_clear_object (&w->last_image);
    }
  sink_reset (sink);
}

/* A block boundary: a new body block, or a space inside a captured text. */
static void
boundary (Walker *w)
{
  if (w->captures->len > 0)
    sink_add_space (current_sink (w), NULL);
  else
    flush_block (w);
}

static void
insert_picture (Walker      *w,
                BylineImage *image)
{
  flush_block (w);
  byline_body_insert_image (w->body, w->index + w->n_inserted, byline_image_get_id (image));
  w->n_inserted++;
}

static void
start_capture (Walker      *w,
               Frame       *frame,
               Capture      kind,
               BylineImage *image)
{
  CaptureSink *capture = g_new0 (CaptureSink, 1);

  capture->kind = kind;
  capture->image = image != NULL ? g_object_ref (image) : NULL;
  sink_init (&capture->sink, FALSE);
  g_ptr_array_add (w->captures, capture);
  frame->leave |= LEAVE_CAPTURE;
}

static void
set_once (char       **field,
          const char  *text)
{
  if (*field == NULL && *text)
    *field = g_strdup (text);
}

static void
append_to (GString    **field,
           const char  *text)
{
  if (*text == '\0')
    return;
  if (*field == NULL)
    *field = g_string_new (NULL);
  else if ((*field)->len > 0)
    g_string_append_c (*field, ' ');
  g_string_append (*field, text);
}

static void
finish_capture (Walker *w)
{
  CaptureSink *capture = g_ptr_array_steal_index (w->captures, w->captures->len - 1);
  g_autofree char *text = sink_steal_text (&capture->sink);

  switch (capture->kind)
    {
    case CAPTURE_HEADLINE: set_once (&w->headline, text); break;
    case CAPTURE_LEAD: set_once (&w->lead, text); break;
    case CAPTURE_BYLINE: set_once (&w->byline, text); break;
    case CAPTURE_DATELINE: set_once (&w->dateline, text); break;
    case CAPTURE_CAPTION:
    case CAPTURE_CREDIT:
      /* A caption or credit outside <figure> starts only for a picture. */
      if (capture->image != NULL && *text)
        {
          if (capture->kind == CAPTURE_CAPTION)
            byline_image_set_caption (capture->image, text);
          else
            byline_image_set_credit (capture->image, text);
        }
      else if (w->figure.active)
        append_to (capture->kind == CAPTURE_CAPTION ? &w->figure.caption : &w->figure.credit, text);
      break;
    case CAPTURE_NONE:
    default:
      break;
    }
  capture_free (capture);
}

static void
finish_figure (Walker *w)
{
  Figure *figure = &w->figure;
  g_autofree char *caption = figure->caption ? g_string_free_and_steal (figure->caption) : NULL;
  g_autofree char *credit = figure->credit ? g_string_free_and_steal (figure->credit) : NULL;

  figure->caption = figure->credit = NULL;
  figure->active = FALSE;

  if (figure->image != NULL)
    {
      if (caption != NULL)
        byline_image_set_caption (figure->image, caption);
      if (credit != NULL)
        byline_image_set_credit (figure->image, credit);
      if (figure->featured)
        byline_image_set_featured (figure->image, TRUE);
    }
  else if (caption != NULL || credit != NULL)
    {
      g_autofree char *words = g_strjoin (" ", caption ? caption : credit,
                                          caption && credit ? credit : NULL, NULL);
      Frame plain = *top_frame (w);

      plain.bold = plain.italic = FALSE;
      plain.href = NULL;
      plain.kind = BYLINE_BLOCK_PARAGRAPH;
      boundary (w);
      sink_add_text (current_sink (w), words, &plain);
      boundary (w);
    }
  g_clear_object (&figure->image);
  figure->featured = FALSE;
  figure->has_picture = FALSE;
}

/* ----------------------------------------------------------- element rules */

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
    return;

  in_figure = w->figure.active && !w->figure.has_picture;
  image = _byline_html_attach_picture (w, node);
  if (w->error != NULL)
    return;
  if (in_figure)
    w->figure.has_picture = TRUE;
  if (image == NULL)
    return;

  insert_picture (w, image);
  if (in_figure)
    g_set_object (&w->figure.image, image);
  else
    g_set_object (&w->last_image, image);
}

static void
enter_element (Walker  *w,
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
      boundary (w);
      frame->descend = FALSE;
      return;
    case ROLE_IMAGE:
      enter_picture (w, node);
      frame->descend = FALSE;
      return;
    case ROLE_HEADING:
      boundary (w);
      frame->leave |= LEAVE_FLUSH;
      if (w->article != NULL && node->name[1] == '1' && w->headline == NULL && capture == CAPTURE_NONE)
        {
          start_capture (w, frame, CAPTURE_HEADLINE, NULL);
          w->skip_text = FALSE;
        }
      frame->kind = node->name[1] <= '2' ? BYLINE_BLOCK_HEADING1 : BYLINE_BLOCK_HEADING2;
      break;
    case ROLE_QUOTE:
      boundary (w);
      frame->leave |= LEAVE_FLUSH;
      frame->kind = BYLINE_BLOCK_QUOTE;
      break;
    case ROLE_BULLETED_LIST:
    case ROLE_NUMBERED_LIST:
      boundary (w);
      frame->leave |= LEAVE_FLUSH;
      frame->list_kind = role == ROLE_BULLETED_LIST ? BYLINE_BLOCK_BULLETED_ITEM : BYLINE_BLOCK_NUMBERED_ITEM;
      break;
    case ROLE_ITEM:
      boundary (w);
      frame->leave |= LEAVE_FLUSH;
      frame->kind = frame->list_kind;
      break;
    case ROLE_FIGURE:
      boundary (w);
      frame->leave |= LEAVE_FLUSH;
      if (!w->figure.active)
        {
          w->figure.active = TRUE;
          w->figure.featured = _byline_html_has_class (node, is_featured_class);
          frame->leave |= LEAVE_FIGURE;
        }
      break;
    case ROLE_FIGCAPTION:
      boundary (w);
      frame->leave |= LEAVE_FLUSH;
      if (w->figure.active && capture == CAPTURE_NONE)
        start_capture (w, frame, CAPTURE_CAPTION, NULL);
      break;
    case ROLE_BLOCK:
      boundary (w);
      frame->leave |= LEAVE_FLUSH;
      break;
    case ROLE_SMALL:
    case ROLE_INLINE:
    case ROLE_DROP:
    default:
      break;
    }

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
    start_capture (w, frame, CAPTURE_CREDIT, top_capture_image (w));
  else if (w->article == NULL)
    return;
  else if (capture == CAPTURE_LEAD && w->dateline == NULL
           && _byline_html_has_class (node, is_dateline_class))
    start_capture (w, frame, CAPTURE_DATELINE, NULL);
  else if (capture != CAPTURE_NONE)
    return;
  else if (w->lead == NULL && _byline_html_has_class (node, is_lead_class))
    start_capture (w, frame, CAPTURE_LEAD, NULL);
  else if (w->byline == NULL && _byline_html_has_class (node, is_byline_class))
    start_capture (w, frame, CAPTURE_BYLINE, NULL);
  else if (w->dateline == NULL && _byline_html_has_class (node, is_dateline_class))
    start_capture (w, frame, CAPTURE_DATELINE, NULL);
  else if (_byline_html_has_class (node, is_caption_class))
    {
      if (w->figure.active)
        start_capture (w, frame, CAPTURE_CAPTION, NULL);
      else if (w->last_image != NULL && *byline_image_get_caption (w->last_image) == '\0')
        start_capture (w, frame, CAPTURE_CAPTION, w->last_image);
    }
}

/* Leaves @node: pops its frame and ends what entering it started. */
static void
leave (Walker  *w,
       xmlNode *node)
{
  guint leave_flags;

  if (node->type != XML_ELEMENT_NODE)
    return;

  leave_flags = top_frame (w)->leave;
  if (leave_flags & LEAVE_CAPTURE)
    finish_capture (w);
  if (leave_flags & LEAVE_FLUSH)
    boundary (w);
  if (leave_flags & LEAVE_FIGURE)
    finish_figure (w);
  g_array_set_size (w->frames, w->frames->len - 1);
}

/* Enters @node: returns whether to walk its children. */
static gboolean
enter (Walker  *w,
       xmlNode *node)
{
  Frame frame;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL && w->frames->len > 0)
        {
          g_autofree char *text = byline_text_normalize ((const char *) node->content, -1);
          sink_add_text (current_sink (w), text, top_frame (w));
        }
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  if (w->frames->len > 0)
    frame = *top_frame (w);
  else
    {
      memset (&frame, 0, sizeof frame);
      frame.kind = BYLINE_BLOCK_PARAGRAPH;
      frame.list_kind = BYLINE_BLOCK_BULLETED_ITEM;
    }
  frame.own_href = FALSE;
  frame.leave = 0;
  frame.descend = TRUE;

  enter_element (w, node, &frame);

  g_array_append_val (w->frames, frame);
  return frame.descend && w->error == NULL;
}

/* Walks the subtree of @root without recursion: the stack is w->frames. */
void
_byline_walker_run (Walker  *w,
                    xmlNode *root)
{
  xmlNode *node = root;
  gboolean descend = enter (w, node);

  for (;;)
    {
      if (descend && node->children != NULL && w->error == NULL)
        {
          node = node->children;
          descend = enter (w, node);
          continue;
        }
      while (node != root && node->next == NULL)
        {
          leave (w, node);
          node = node->parent;
        }
      leave (w, node);
      if (node == root || w->error != NULL)
        break;
      node = node->next;
      descend = enter (w, node);
    }
  /* After an error the walk stops halfway: drop the frames it left. */
  g_array_set_size (w->frames, 0);
  if (w->error == NULL)
    flush_block (w);
}

