/* byline-html-fonts.c — which elements a page's style sheet sets in a TCVN3 font
 *
 * A page saved from a document typed in TCVN3 (.VnTime) says its font in a
 * <style> sheet, for a class of paragraphs ("p.western { font-family:
 * ".VnTime", serif }" from LibreOffice, "p.MsoNormal" from Word), and only
 * the runs in another font inline.  The rules read here are the simple ones
 * those writers use: an element, a class, or both, with a font-family.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "byline-html-walker-private.h"

#include <string.h>

/* "font-family" in @declarations, or NULL. */
static char *
font_family (const char *declarations)
{
  g_auto(GStrv) parts = g_strsplit (declarations, ";", 64);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *colon = strchr (parts[i], ':');

      if (colon == NULL)
        continue;
      *colon = '\0';
      if (g_ascii_strcasecmp (g_strstrip (parts[i]), "font-family") == 0)
        return g_strdup (g_strstrip (colon + 1));
    }
  return NULL;
}

/* The last compound of each selector: "p.western", ".MsoNormal", "body";
 * others (attributes, pseudo-classes, ids) are not read. */
static void
add_selectors (GHashTable     *rules,
               const char     *selectors,
               BylineVnLegacy  legacy)
{
  g_auto(GStrv) list = g_strsplit (selectors, ",", 64);

  for (guint i = 0; list[i] != NULL; i++)
    {
      char *selector = g_strstrip (list[i]);
      char *last = strrchr (selector, ' ');
      char *compound = last != NULL ? last + 1 : selector;

      if (*compound == '\0' || strpbrk (compound, ":[#>+~*") != NULL)
        continue;
      /* Element names are not case-sensitive, classes are. */
      for (char *p = compound; *p != '\0' && *p != '.'; p++)
        *p = g_ascii_tolower (*p);
      g_hash_table_replace (rules, g_strdup (compound), GINT_TO_POINTER (legacy + 1));
    }
}

static void
read_sheet (GHashTable *rules,
            const char *sheet)
{
  g_autoptr(GString) text = g_string_new (sheet);
  g_auto(GStrv) blocks = NULL;
  char *start;

  /* Comments out, and the <!-- --> old pages put around the sheet. */
  while ((start = strstr (text->str, "/*")) != NULL)
    {
      char *end = strstr (start + 2, "*/");
      gsize to = end != NULL ? (gsize) (end + 2 - text->str) : text->len;

      g_string_erase (text, start - text->str, to - (start - text->str));
    }
  g_string_replace (text, "<!--", " ", 0);
  g_string_replace (text, "-->", " ", 0);

  blocks = g_strsplit (text->str, "}", -1);
  for (guint i = 0; blocks[i] != NULL; i++)
    {
      char *brace = strchr (blocks[i], '{');
      g_autofree char *family = NULL;

      if (brace == NULL)
        continue;
      *brace = '\0';
      /* @media and @font-face: not a selector. */
      if (strchr (blocks[i], '@') != NULL)
        continue;
      family = font_family (brace + 1);
      if (family != NULL)
        add_selectors (rules, blocks[i], _byline_vn_legacy_for_font (family));
    }
}

GHashTable *
_byline_html_font_rules_of (GPtrArray *sheets)
{
  g_autoptr(GHashTable) rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < sheets->len; i++)
    {
      xmlChar *sheet = xmlNodeGetContent (sheets->pdata[i]);

      if (sheet != NULL)
        read_sheet (rules, (const char *) sheet);
      xmlFree (sheet);
    }
  /* Only what sets a TCVN3 font matters, and what undoes it. */
  g_hash_table_iter_init (&iter, rules);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (GPOINTER_TO_INT (value) - 1 != BYLINE_VN_LEGACY_NONE)
      return g_steal_pointer (&rules);
  return NULL;
}

static gboolean
add_sheet (xmlNode  *node,
           gpointer  sheets)
{
  if (g_ascii_strcasecmp ((const char *) node->name, "style") != 0)
    return TRUE;
  g_ptr_array_add (sheets, node);
  return FALSE;
}

GHashTable *
_byline_html_font_rules (xmlNode *root)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new ();

  /* Every <style> of the tree. */
  _byline_html_walk_elements (root, add_sheet, sheets);
  return _byline_html_font_rules_of (sheets);
}

gboolean
_byline_html_font_rule_for (GHashTable     *rules,
                            xmlNode        *node,
                            BylineVnLegacy *legacy)
{
  g_autofree char *name = g_ascii_strdown ((const char *) node->name, -1);
  const char *classes = _byline_html_get_attr (node, "class");
  gpointer value = NULL;

  if (rules == NULL)
    return FALSE;
  /* A class's rule (with its element, then alone), else the element's. */
  if (classes != NULL)
    {
      g_auto(GStrv) list = g_strsplit_set (classes, " \t\n\r\f", -1);

      for (guint i = 0; list[i] != NULL && value == NULL; i++)
        {
          g_autofree char *both = g_strconcat (name, ".", list[i], NULL);
          g_autofree char *alone = g_strconcat (".", list[i], NULL);

          if (*list[i] == '\0')
            continue;
          if ((value = g_hash_table_lookup (rules, both)) == NULL)
            value = g_hash_table_lookup (rules, alone);
        }
    }
  if (value == NULL)
    value = g_hash_table_lookup (rules, name);
  if (value == NULL)
    return FALSE;
  *legacy = GPOINTER_TO_INT (value) - 1;
  return TRUE;
}
