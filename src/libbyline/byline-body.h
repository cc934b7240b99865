/* byline-body.h — the body of an article: an ordered list of blocks with inline spans
 *
 * Pure data, no GTK.  Offsets are in characters (Unicode code points), as in a
 * GtkTextBuffer, never in bytes.  Text is stored NFC-normalized and never holds a
 * newline: a new line is a new block (byline_body_split_block()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "byline-types.h"

G_BEGIN_DECLS

typedef struct
{
  guint           start;  /* first character */
  guint           end;    /* one past the last character; start < end */
  BylineSpanKind  kind;
  char           *href;   /* BYLINE_SPAN_LINK only */
} BylineSpan;

#define BYLINE_TYPE_BODY (byline_body_get_type ())

G_DECLARE_FINAL_TYPE (BylineBody, byline_body, BYLINE, BODY, GObject)

BylineBody        *byline_body_new             (void);
void               byline_body_copy_from       (BylineBody        *self,
                                                BylineBody        *other);
/* @self becomes a copy of @n blocks of @other from block @first. */
void               byline_body_copy_blocks_from (BylineBody       *self,
                                                 BylineBody       *other,
                                                 guint             first,
                                                 guint             n);
gboolean           byline_body_equal           (BylineBody        *self,
                                                BylineBody        *other);
guint              byline_body_get_n_blocks    (BylineBody        *self);
const BylineBlock *byline_body_get_block       (BylineBody        *self,
                                                guint              index);

/* Structure */
guint              byline_body_insert_block    (BylineBody        *self,
                                                guint              index,
                                                BylineBlockKind    kind,
                                                const char        *text);
guint              byline_body_append_block    (BylineBody        *self,
                                                BylineBlockKind    kind,
                                                const char        *text);
guint              byline_body_insert_image    (BylineBody        *self,
                                                guint              index,
                                                const char        *image_id);
void               byline_body_remove_block    (BylineBody        *self,
                                                guint              index);
void               byline_body_move_block      (BylineBody        *self,
                                                guint              from,
                                                guint              to);
void               byline_body_clear           (BylineBody        *self);
void               byline_body_split_block     (BylineBody        *self,
                                                guint              index,
                                                guint              offset);
void               byline_body_merge_with_next (BylineBody        *self,
                                                guint              index);
void               byline_body_set_block_kind  (BylineBody        *self,
                                                guint              index,
                                                BylineBlockKind    kind);
/* Removes every image block that refers to @image_id; returns how many. */
guint              byline_body_remove_image    (BylineBody        *self,
                                                const char        *image_id);
/* The index of the first image block for @image_id, or -1. */
int                byline_body_find_image      (BylineBody        *self,
                                                const char        *image_id);
/* The paragraph that is @text (white space aside), or was before a few
 * words of it were changed: else the one most like it
 * (byline_text_stands_for()); -1 when none is. */
int                byline_body_find_paragraph  (BylineBody        *self,
                                                const char        *text);

/* Text inside one block */
void               byline_body_insert_text     (BylineBody        *self,
                                                guint              index,
                                                guint              offset,
                                                const char        *text);
void               byline_body_delete_text     (BylineBody        *self,
                                                guint              index,
                                                guint              offset,
                                                guint              n_chars);
void               byline_body_set_text        (BylineBody        *self,
                                                guint              index,
                                                const char        *text);
/* Adds @kind over [start, end) unless all of it has it already, then removes it. */
void               byline_body_toggle_span     (BylineBody        *self,
                                                guint              index,
                                                guint              start,
                                                guint              end,
                                                BylineSpanKind     kind,
                                                const char        *href);
/* Sets (or with %FALSE, removes) @kind over [start, end). */
void               byline_body_apply_span      (BylineBody        *self,
                                                guint              index,
                                                guint              start,
                                                guint              end,
                                                BylineSpanKind     kind,
                                                const char        *href,
                                                gboolean           set);

/* Whole-body views */
char              *byline_body_dup_plain_text  (BylineBody        *self);
guint              byline_body_count_words     (BylineBody        *self);
guint              byline_body_count_chars     (BylineBody        *self);

/* Blocks are owned by the body; these never fail on a valid block. */
BylineBlockKind    byline_block_get_kind       (const BylineBlock *block);
const char        *byline_block_get_text       (const BylineBlock *block);
guint              byline_block_get_length     (const BylineBlock *block);
const BylineSpan  *byline_block_get_spans      (const BylineBlock *block,
                                                guint             *n_spans);
const char        *byline_block_get_image_id   (const BylineBlock *block);
gboolean           byline_block_kind_is_text   (BylineBlockKind    kind);

const char        *byline_block_kind_to_string (BylineBlockKind    kind);
gboolean           byline_block_kind_from_string (const char      *str,
                                                BylineBlockKind   *kind);
const char        *byline_span_kind_to_string  (BylineSpanKind     kind);
gboolean           byline_span_kind_from_string (const char       *str,
                                                BylineSpanKind    *kind);

G_END_DECLS
