/* byline-rtf-reader-private.h — reading a Rich Text (.rtf) document: the
 * reader's state, shared by byline-rtf.c (groups, destinations, control
 * words), byline-rtf-text.c (text, paragraphs, fields) and
 * byline-rtf-picture.c (pictures, shapes)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "byline-office-private.h"
#include "byline-rtf-lexer-private.h"
#include "byline-rtf-tables-private.h"

G_BEGIN_DECLS

#define BYLINE_RTF_MAX_DEPTH    256
#define BYLINE_RTF_MAX_FIELDS   32
#define BYLINE_RTF_MAX_PICTURE  (64 * 1024 * 1024)
#define BYLINE_RTF_MAX_PICTURES 1000

typedef enum
{
  DEST_TEXT,          /* the story */
  DEST_SKIP,          /* nothing in the group is read */
  DEST_IGNORE,        /* its text is not read; groups in it may be (\result) */
  DEST_FONTTBL,
  DEST_STYLESHEET,
  DEST_STYLE,         /* an entry of the stylesheet */
  DEST_LISTTABLE,
  DEST_LIST,
  DEST_LISTLEVEL,
  DEST_OVERRIDES,
  DEST_OVERRIDE,
  DEST_FLDINST,       /* a field's instruction */
  DEST_PICT,          /* a picture's data */
  DEST_PN,            /* an old list's numbering */
  DEST_SN,            /* a shape property's name */
  DEST_SV_ALT,        /* the value of a shape's description */
} Destination;

/* A group, as it is read. */
typedef struct
{
  Destination dest;
  Destination outer;   /* the destination around an ignored one (\object, \upr, \shp) */
  gboolean    starts;  /* the group began its destination (a picture, a table entry) */
  gboolean    field;   /* the group is a \field */
  int         shape;   /* the group is a \shp: where its pictures begin in shape_pictures; else -1 */
  gboolean    bold, italic, hidden, deleted;
  int         font;    /* -1: the default (\deff) */
  int         uc;      /* bytes of fallback after a \u */
} State;

typedef struct
{
  GString  *instruction;
  gboolean  result;    /* its result is being read */
  char     *link;      /* a HYPERLINK's address, until its text begins it */
  gboolean  linked;    /* it opened the paragraph's <a> */
} Field;

typedef struct
{
  GByteArray *data;
  gboolean    photo;     /* \jpegblip, \pngblip */
  gboolean    wanted;    /* neither hidden nor deleted */
  int         nibble;    /* a hex digit read, waiting for its pair; -1 none */
  GString    *alt;
} Picture;

typedef struct
{
  BylineRtfLexer     lexer;
  BylineRtfTables    tables;
  BylineOfficeMedia *media;
  State              states[BYLINE_RTF_MAX_DEPTH];
  int                depth;      /* states in use */
  int                overflow;   /* groups deeper than BYLINE_RTF_MAX_DEPTH, skipped */
  gboolean           star;       /* \* came: the next word is a destination to skip unless known */
  gboolean           done;       /* the document's group has closed */
  int                codepage;   /* \ansicpg */
  int                deff;
  guint              skip;       /* fallback bytes to skip after \u */
  gunichar           high;       /* a \u's high surrogate, waiting for its low one */
  GByteArray        *bytes;      /* text bytes not yet decoded ... */
  int                bytes_codepage;  /* ... in this code page */

  /* The tables' entry being read. */
  BylineRtfFont     *font;
  BylineRtfStyle    *style;
  int                style_number;
  BylineRtfList     *list;
  int                override_ls, override_id;

  /* The paragraph's properties, until \pard. */
  int                para_style;
  int                para_ls;
  int                para_level;
  BylineOfficeList   para_pn;
  gboolean           para_in_table;  /* \intbl, \itapN */
  BylineOfficeCellMerge cell_merge;  /* the row definition's cell, until its \cellx */

  /* Fields, pictures, shapes' properties. */
  Field              fields[BYLINE_RTF_MAX_FIELDS];
  int                n_fields;   /* may pass BYLINE_RTF_MAX_FIELDS: those are not kept */
  Picture            picture;
  gboolean           in_picture;
  guint              n_pictures;
  GPtrArray         *shape_pictures;  /* ShapePicture*, or NULL for one that is no photo */
  GString           *sn;

  /* The paragraphs. */
  GPtrArray         *paras;
  BylineOfficePara  *para;
  GString           *run;
  BylineVnLegacy     run_legacy;
  gboolean           run_bold, run_italic;
  gboolean           in_link;
  BylineOfficeTables cells;   /* where the paragraph sits in a table */
} Reader;

/* A shape's picture (its "pib", or its "fillBlip" as LibreOffice writes a
 * grouped picture's), kept until the shape ends: it is one picture. */
typedef struct
{
  GBytes *bytes;
  char   *extension;
  char   *alt;
} ShapePicture;

static inline State *
_byline_rtf_state (Reader *r)
{
  return &r->states[r->depth - 1];
}


/* byline-rtf-text.c */
void           _byline_rtf_flush_run       (Reader           *r);
BylineRtfFont *_byline_rtf_current_font    (Reader           *r);
void           _byline_rtf_add_story_text  (Reader           *r,
                                            const char       *text);
void           _byline_rtf_end_paragraph   (Reader           *r);
void           _byline_rtf_add_line_break  (Reader           *r);
void           _byline_rtf_field_begin     (Reader           *r);
void           _byline_rtf_field_result    (Reader           *r);
void           _byline_rtf_field_end       (Reader           *r);
/* Bytes of text in the code page of the group's font, decoded when a
 * token that is no text comes (flush_bytes()); a \u's character. */
void           _byline_rtf_add_bytes       (Reader           *r,
                                            const guint8     *bytes,
                                            gsize             length);
void           _byline_rtf_flush_bytes     (Reader           *r);
void           _byline_rtf_add_unichar     (Reader           *r,
                                            gunichar          c);

/* byline-rtf-picture.c */
void           _byline_rtf_picture_begin   (Reader           *r);
/* @hex: the picture's hex digits, else its \bin bytes. */
void           _byline_rtf_picture_data    (Reader           *r,
                                            const guint8     *data,
                                            gsize             length,
                                            gboolean          hex);
void           _byline_rtf_picture_end     (Reader           *r,
                                            gboolean          whole);
void           _byline_rtf_shape_end       (Reader           *r,
                                            guint             from);
void           _byline_rtf_shape_picture_free (ShapePicture  *picture);

G_END_DECLS
