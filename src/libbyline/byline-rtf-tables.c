/* byline-rtf-tables.c — what an .rtf's tables say: its fonts, its
 * paragraph styles, its lists
 *
 * The font table names each \fN: the name says whether its text is in
 * the old Vietnamese codes (.VnTime, VNI-Times; byline-vn-legacy.c), its
 * \fcharset in which code page its bytes are.  The stylesheet names each
 * \sN (Word writes the built-in styles' English names, "heading 1", with
 * the program's own after a comma, "heading 1,Tiêu đề 1"), and says which
 * of them are bold or italic, which in a heading is its look and not
 * emphasis.  The list table says each list level's numbering (\levelnfc;
 * 23 is a bullet), the list override table which list a paragraph's \lsN
 * is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include "byline-rtf-tables-private.h"

/* A name longer than this is no font's or style's: not kept longer. */
#define MAX_NAME 256

#define LEVEL_BULLET 23
#define LEVEL_NONE   255

static void
font_free (BylineRtfFont *font)
{
  g_string_free (font->name, TRUE);
  g_free (font);
}

void
_byline_rtf_style_free (BylineRtfStyle *style)
{
  g_string_free (style->name, TRUE);
  g_free (style);
}

void
_byline_rtf_tables_init (BylineRtfTables *tables)
{
  tables->fonts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) font_free);
  tables->styles = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) _byline_rtf_style_free);
  tables->lists = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  tables->overrides = g_hash_table_new (g_direct_hash, g_direct_equal);
}

void
_byline_rtf_tables_clear (BylineRtfTables *tables)
{
  g_clear_pointer (&tables->fonts, g_hash_table_unref);
  g_clear_pointer (&tables->styles, g_hash_table_unref);
  g_clear_pointer (&tables->lists, g_hash_table_unref);
  g_clear_pointer (&tables->overrides, g_hash_table_unref);
}

static gboolean
has_room (GHashTable *table,
          int         number)
{
  return g_hash_table_size (table) < BYLINE_RTF_MAX_ENTRIES
         || g_hash_table_contains (table, GINT_TO_POINTER (number));
}

BylineRtfFont *
_byline_rtf_tables_add_font (BylineRtfTables *tables,
                             int              number)
{
  BylineRtfFont *font;

  if (!has_room (tables->fonts, number))
    return NULL;
  font = g_new0 (BylineRtfFont, 1);
  font->name = g_string_new (NULL);
  font->charset = 1;
  g_hash_table_replace (tables->fonts, GINT_TO_POINTER (number), font);
  return font;
}

BylineRtfStyle *
_byline_rtf_style_new (void)
{
  BylineRtfStyle *style = g_new0 (BylineRtfStyle, 1);

  style->name = g_string_new (NULL);
  return style;
}

void
_byline_rtf_tables_add_style (BylineRtfTables *tables,
                              int              number,
                              BylineRtfStyle  *style)
{
  if (!has_room (tables->styles, number))
    {
      _byline_rtf_style_free (style);
      return;
    }
  g_hash_table_replace (tables->styles, GINT_TO_POINTER (number), style);
}

void
_byline_rtf_tables_add_list (BylineRtfTables *tables,
                             BylineRtfList   *list)
{
  if (!has_room (tables->lists, list->id))
    {
      g_free (list);
      return;
    }
  g_hash_table_replace (tables->lists, GINT_TO_POINTER (list->id), list);
}

void
_byline_rtf_tables_add_override (BylineRtfTables *tables,
                                 int              ls,
                                 int              list_id)
{
  if (has_room (tables->overrides, ls))
    g_hash_table_replace (tables->overrides, GINT_TO_POINTER (ls), GINT_TO_POINTER (list_id));
}

void
_byline_rtf_name_append (GString    *name,
                         gboolean   *named,
                         const char *text)
{
  const char *end;

  if (*named)
    return;
  end = strchr (text, ';');
  if (name->len < MAX_NAME)
    g_string_append_len (name, text, end != NULL ? end - text : (gssize) strlen (text));
  *named = end != NULL;
}

void
_byline_rtf_font_named (BylineRtfFont *font)
{
  g_strstrip (font->name->str);
  g_string_set_size (font->name, strlen (font->name->str));
  font->legacy = g_utf8_validate (font->name->str, -1, NULL)
                 ? _byline_vn_legacy_for_font (font->name->str) : BYLINE_VN_LEGACY_NONE;
}

void
_byline_rtf_style_named (BylineRtfStyle *style)
{
  g_auto(GStrv) aliases = g_strsplit (style->name->str, ",", 8);

  style->style = BYLINE_OFFICE_NORMAL;
  for (guint i = 0; aliases[i] != NULL && style->style == BYLINE_OFFICE_NORMAL; i++)
    style->style = _byline_office_style_from_name (g_strstrip (aliases[i]));
}

BylineRtfFont *
_byline_rtf_tables_font (BylineRtfTables *tables,
                         int              number)
{
  return g_hash_table_lookup (tables->fonts, GINT_TO_POINTER (number));
}

BylineRtfStyle *
_byline_rtf_tables_style (BylineRtfTables *tables,
                          int              number)
{
  return g_hash_table_lookup (tables->styles, GINT_TO_POINTER (number));
}

BylineOfficeList
_byline_rtf_tables_list (BylineRtfTables *tables,
                         int              ls,
                         int              level)
{
  gpointer list_id;
  BylineRtfList *list;
  int nfc;

  if (!g_hash_table_lookup_extended (tables->overrides, GINT_TO_POINTER (ls), NULL, &list_id)
      || (list = g_hash_table_lookup (tables->lists, list_id)) == NULL || list->n_levels == 0)
    return BYLINE_OFFICE_BULLETED;
  nfc = list->nfc[CLAMP (level, 0, (int) list->n_levels - 1)];
  return nfc == LEVEL_BULLET || nfc == LEVEL_NONE ? BYLINE_OFFICE_BULLETED : BYLINE_OFFICE_NUMBERED;
}
