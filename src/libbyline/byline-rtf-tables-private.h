/* byline-rtf-tables-private.h — what an .rtf's tables say: its fonts, its
 * paragraph styles, its lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "byline-office-private.h"
#include "byline-vn-legacy-private.h"

G_BEGIN_DECLS

/* A table's entry is read from the control words and text of its group;
 * the tables keep so many at most (a file of nothing but entries is
 * damaged or made to do harm). */
#define BYLINE_RTF_MAX_ENTRIES 4096
#define BYLINE_RTF_MAX_LEVELS  9

typedef struct
{
  GString        *name;
  gboolean        named;     /* its name has ended (";") */
  int             charset;   /* \fcharsetN; 1, "the default", if none */
  BylineVnLegacy  legacy;    /* known once named */
} BylineRtfFont;

typedef struct
{
  GString           *name;
  gboolean           named;
  gboolean           bold;   /* the style's own look: no emphasis */
  gboolean           italic;
  BylineOfficeStyle  style;  /* known once named */
} BylineRtfStyle;

typedef struct
{
  int      id;
  guint    n_levels;
  int      nfc[BYLINE_RTF_MAX_LEVELS];   /* \levelnfcN: 23 a bullet, 255 none */
} BylineRtfList;

typedef struct
{
  GHashTable *fonts;      /* \fN → BylineRtfFont */
  GHashTable *styles;     /* \sN → BylineRtfStyle */
  GHashTable *lists;      /* \listidN → BylineRtfList */
  GHashTable *overrides;  /* \lsN → \listidN */
} BylineRtfTables;

void            _byline_rtf_tables_init    (BylineRtfTables *tables);
void            _byline_rtf_tables_clear   (BylineRtfTables *tables);

/* A new entry (replacing one of the same number); NULL when the table is
 * full. */
BylineRtfFont  *_byline_rtf_tables_add_font  (BylineRtfTables *tables,
                                              int              number);
BylineRtfStyle *_byline_rtf_style_new        (void);
void            _byline_rtf_style_free       (BylineRtfStyle  *style);
/* @style's group has ended: it is added (taken) as \s@number. */
void            _byline_rtf_tables_add_style (BylineRtfTables *tables,
                                              int              number,
                                              BylineRtfStyle  *style);
/* @list's levels are read; it is added (taken) under its \listid. */
void            _byline_rtf_tables_add_list  (BylineRtfTables *tables,
                                              BylineRtfList   *list);
void            _byline_rtf_tables_add_override (BylineRtfTables *tables,
                                                 int              ls,
                                                 int              list_id);
/* Text of an entry's group: its name, up to the ";" that ends it. */
void            _byline_rtf_name_append      (GString         *name,
                                              gboolean        *named,
                                              const char      *text);
void            _byline_rtf_font_named       (BylineRtfFont   *font);
void            _byline_rtf_style_named      (BylineRtfStyle  *style);

BylineRtfFont  *_byline_rtf_tables_font      (BylineRtfTables *tables,
                                              int              number);
BylineRtfStyle *_byline_rtf_tables_style     (BylineRtfTables *tables,
                                              int              number);
/* The kind of list \lsN at level \ilvlN is: bulleted unless its list's
 * level says a number. */
BylineOfficeList _byline_rtf_tables_list     (BylineRtfTables *tables,
                                              int              ls,
                                              int              level);

G_END_DECLS
