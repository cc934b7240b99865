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
#include "byline-import-private.h"
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
  g_clear_pointer (&w->font_rules, g_hash_table_unref);
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
  if (w->vote_text != NULL)
    g_string_free (g_steal_pointer (&w->vote_text), TRUE);
}

/* Whether @data names a font of the old codes anywhere: ".VnTime",
 * ".VnArialH" (as Word and LibreOffice write them; ".vn/" and
 * ".vnexpress" in a Vietnamese page's addresses are none), "VNI-Times". */
static gboolean
names_legacy_font (const char *data,
                   gsize       length)
{
  for (gsize i = 0; i + 5 <= length; i++)
    if ((data[i] == '.' && ((data[i + 1] == 'V' && data[i + 2] == 'n' && g_ascii_isupper (data[i + 3]))
                            || g_ascii_strncasecmp (data + i, ".vntime", MIN (7, length - i)) == 0
                            || g_ascii_strncasecmp (data + i, ".vnarial", MIN (8, length - i)) == 0))
        || ((data[i] == 'v' || data[i] == 'V') && g_ascii_strncasecmp (data + i, "vni-", 4) == 0
            && g_ascii_isalpha (data[i + 4])))
      return TRUE;
  return FALSE;
}

gboolean
_byline_walker_keeps_legacy (const char *data,
                             gsize       length,
                             xmlNode    *root,
                             GHashTable *font_rules)
{
  g_autoptr(BylineBody) scratch = NULL;
  g_autoptr(GString) words = NULL;
  gboolean keep;
  Walker v;

  if (root == NULL || !names_legacy_font (data, length))
    return FALSE;
  scratch = byline_body_new ();
  _byline_walker_init (&v, NULL, scratch, 0, NULL);
  v.voting = TRUE;
  v.vote_text = g_string_new (NULL);
  v.font_rules = font_rules != NULL ? g_hash_table_ref (font_rules) : NULL;
  _byline_walker_run (&v, root);
  /* Word's quotes and dashes are Unicode in any font: no evidence. */
  words = g_string_sized_new (v.vote_text->len);
  for (const char *p = v.vote_text->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (words, c >= 0x2000 && c <= 0x206F ? ' ' : c);
    }
  keep = v.vote_unicode && _byline_vn_legacy_detect (words->str) == BYLINE_VN_LEGACY_NONE;
  _byline_walker_clear (&v);
  return keep;
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
void
_byline_walker_boundary (Walker *w)
{
  if (w->captures->len > 0)
    sink_add_space (current_sink (w), NULL);
  else
    flush_block (w);
}

void
_byline_walker_insert_picture (Walker      *w,
                               BylineImage *image)
{
  flush_block (w);
  byline_body_insert_image (w->body, w->index + w->n_inserted, byline_image_get_id (image));
  w->n_inserted++;
}

void
_byline_walker_start_capture (Walker      *w,
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
      _byline_walker_boundary (w);
      sink_add_text (current_sink (w), words, &plain);
      _byline_walker_boundary (w);
      /* The caption of a picture left out stands in its place: the picture
       * goes there once added by hand (byline-article-missing.c). */
      if (figure->left_out && w->article != NULL)
        _byline_import_left_out_place (w->article, words);
    }
  g_clear_object (&figure->image);
  figure->featured = FALSE;
  figure->has_picture = FALSE;
  figure->left_out = FALSE;
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
    _byline_walker_boundary (w);
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
      if (node->content != NULL && w->frames->len > 0 && w->voting)
        {
          if (top_frame (w)->legacy == BYLINE_VN_LEGACY_NONE)
            ;
          else if (_byline_vn_legacy_has_unicode ((const char *) node->content))
            w->vote_unicode = TRUE;
          else
            g_string_append_printf (w->vote_text, "%s ", (const char *) node->content);
        }
      else if (node->content != NULL && w->frames->len > 0)
        {
          g_autofree char *unicode = _byline_vn_legacy_to_unicode ((const char *) node->content,
                                                                   w->keep_legacy ? BYLINE_VN_LEGACY_NONE
                                                                                  : top_frame (w)->legacy);
          g_autofree char *text = byline_text_normalize (unicode, -1);
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

  _byline_html_enter_element (w, node, &frame);

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
      while (node != root && node->next == NULL && node != w->last)
        {
          leave (w, node);
          node = node->parent;
        }
      leave (w, node);
      if (node == root || node == w->last || w->error != NULL)
        break;
      node = node->next;
      descend = enter (w, node);
    }
  /* After an error the walk stops halfway: drop the frames it left. */
  g_array_set_size (w->frames, 0);
  if (w->error == NULL)
    flush_block (w);
}

void
_byline_html_walk_elements (xmlNode   *root,
                            gboolean (*func) (xmlNode  *node,
                                              gpointer  data),
                            gpointer   data)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE && func (node, data) && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      while (node != root && node->next == NULL)
        node = node->parent;
      if (node == root)
        break;
      node = node->next;
    }
}
