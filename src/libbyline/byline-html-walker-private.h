/* byline-html-walker-private.h — the sanitizing walk over a libxml2 HTML tree
 *
 * Shared by byline-html-import.c (the entry points), byline-html-walker.c (the
 * walk), byline-html-elements.c (what each element means) and
 * byline-html-pictures.c (local pictures).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "byline-body.h"
#include "byline-types.h"
#include "byline-vn-legacy-private.h"

G_BEGIN_DECLS

/* Text being gathered: a body block (with spans) or a captured field. */
typedef struct
{
  GString         *text;
  guint            n_chars;
  gboolean         pending_space;
  BylineBlockKind  kind;      /* of the block's first character */
  GArray          *spans;     /* BylineSpan; NULL for plain captured text */
  int              open[3];   /* start of the open run of each BylineSpanKind, or -1 */
  char            *open_href;
  gboolean         space_bold;   /* the style of the pending space */
  gboolean         space_italic;
  char            *space_href;
} Sink;

typedef enum
{
  CAPTURE_NONE,
  CAPTURE_HEADLINE,
  CAPTURE_LEAD,
  CAPTURE_BYLINE,
  CAPTURE_DATELINE,
  CAPTURE_CAPTION,
  CAPTURE_CREDIT,
} Capture;

typedef struct
{
  Capture      kind;
  Sink         sink;
  BylineImage *image;   /* the picture a caption or credit outside <figure> is for */
} CaptureSink;

enum
{
  LEAVE_FLUSH   = 1 << 0,
  LEAVE_CAPTURE = 1 << 1,
  LEAVE_FIGURE  = 1 << 2,
};

/* What an element passes on to what is inside it. */
typedef struct
{
  BylineBlockKind  kind;        /* of a text block starting inside */
  BylineBlockKind  list_kind;   /* of an <li> inside */
  char            *href;        /* a safe link, or NULL */
  guint            own_href : 1;
  guint            bold : 1;
  guint            italic : 1;
  guint            legacy : 2;  /* BylineVnLegacy: a .VnTime font's text */
  guint            descend : 1;
  guint            leave : 3;
} Frame;

typedef struct
{
  gboolean     active;
  gboolean     has_picture;  /* its <img> was seen, attached or not */
  gboolean     left_out;     /* … and left out (named) */
  gboolean     featured;
  BylineImage *image;        /* attached */
  GString     *caption;
  GString     *credit;
} Figure;

typedef struct
{
  /* What the walk writes into */
  BylineArticle *article;      /* NULL when pasting: no pictures, no headline */
  BylineBody    *body;
  guint          index;        /* blocks go in before this one */
  guint          n_inserted;
  guint          n_pictures_left;  /* pasting: <img> not pasted */
  const char    *source_name;
  GHashTable    *font_rules;   /* of the page's <style>: _byline_html_font_rules() */
  GFile         *base;
  char          *base_real;    /* realpath() of base, NULL if it does not exist */

  /* State */
  GArray        *frames;       /* Frame: the stack of open elements */
  GPtrArray     *captures;     /* CaptureSink: the innermost last */
  Sink           block;
  Figure         figure;
  BylineImage   *last_image;   /* the picture just inserted outside a figure */
  gboolean       skip_text;    /* before the <h1>: breadcrumbs, kickers, dates */
  xmlNode       *last;         /* with it, the walk ends when it leaves it */
  gboolean       keep_legacy;  /* the old codes' fonts name Unicode text here */
  gboolean       document;     /* written by byline-office.c: <img data-left-out> */
  GError        *error;

  /* The vote on the old codes (_byline_walker_keeps_legacy): no output */
  gboolean       voting;
  gboolean       vote_unicode; /* text in their fonts with Unicode's own letters */
  GString       *vote_text;    /* the rest of the text in their fonts */

  /* Found on the way */
  char          *headline;
  char          *lead;
  char          *byline;
  char          *dateline;
} Walker;

/* The rules of the <style> sheets under @root that set a font, by selector
 * ("p.western", ".MsoNormal", "body"): NULL when none sets a TCVN3 font. */
GHashTable  *_byline_html_font_rules       (xmlNode        *root);
/* The same, of the <style> elements @sheets (a page's, found already). */
GHashTable  *_byline_html_font_rules_of    (GPtrArray      *sheets);
/* Whether @rules set @node's font, and then in what it is written. */
gboolean     _byline_html_font_rule_for    (GHashTable     *rules,
                                            xmlNode        *node,
                                            BylineVnLegacy *legacy);

/* Whether the text under @root in the fonts of the old codes (.VnTime,
 * VNI-Times; @font_rules: the page's sheets') is Unicode all the same, to
 * be left as it is: some of it has Unicode's own Vietnamese letters (ư,
 * ạ…) and none of it reads as the old codes (an old template whose font is
 * .VnTime, typed in Unicode).  Then a word such as "Sáng", which is the
 * same letters in both, is not converted either.  @data, the page as
 * parsed, says at once when no such font is named at all. */
gboolean     _byline_walker_keeps_legacy   (const char     *data,
                                            gsize           length,
                                            xmlNode        *root,
                                            GHashTable     *font_rules);

void         _byline_walker_init           (Walker        *w,
                                            BylineArticle *article,
                                            BylineBody    *body,
                                            guint          index,
                                            GFile         *base_folder);
void         _byline_walker_clear          (Walker        *w);
/* Walks @root and everything inside it; stops at the first w->error. */
void         _byline_walker_run            (Walker        *w,
                                            xmlNode       *root);

/* For the element rules: a block boundary (or a space inside a captured
 * field), a captured field that ends with @frame's element, a picture block. */
void         _byline_walker_boundary       (Walker        *w);
void         _byline_walker_start_capture  (Walker        *w,
                                            Frame         *frame,
                                            Capture        kind,
                                            BylineImage   *image);
void         _byline_walker_insert_picture (Walker        *w,
                                            BylineImage   *image);
/* Sets up @frame (already a copy of its parent's) for @node. */
void         _byline_html_enter_element    (Walker        *w,
                                            xmlNode       *node,
                                            Frame         *frame);

/* Calls @func on each element of @root's tree (@root too), in the page's
 * order, without recursion; not into the elements it returns FALSE for. */
void         _byline_html_walk_elements    (xmlNode       *root,
                                            gboolean     (*func) (xmlNode  *node,
                                                                  gpointer  data),
                                            gpointer       data);

/* A paragraph shorter than this (in characters) is a caption, a date, a
 * link, a form's label: not a story's text. */
#define BYLINE_HTML_MIN_PARAGRAPH 25

/* The element of @root holding a news page's story text, its paragraphs,
 * under @headline (its <h1>) or around it; NULL when none stands out
 * (byline-html-main-text.c). */
xmlNode     *_byline_html_find_story_text  (xmlNode       *root,
                                            xmlNode       *headline);

/* The value of attribute @name of @node, "" for one without a value, or NULL. */
const char  *_byline_html_get_attr         (xmlNode       *node,
                                            const char    *name);
/* Whether @node's class attribute has a word @match accepts. */
gboolean     _byline_html_has_class        (xmlNode       *node,
                                            gboolean     (*match) (const char *word,
                                                                   gsize       length));

/* The local picture <img> @img points to, read, checked and added to the
 * article; NULL when it is not attached (remote, missing, not a picture) or
 * when it leaves the base folder, then with w->error set. */
BylineImage *_byline_html_attach_picture   (Walker        *w,
                                            xmlNode       *img);

G_END_DECLS
