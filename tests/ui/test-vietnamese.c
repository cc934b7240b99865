/* test-vietnamese.c — under LANG=vi_VN.UTF-8 the window shows no English
 *
 * A story with pictures is open in a real BylineWindow, with the pictures, the
 * details and the preflight checklist shown and the preview dialog presented:
 * every label, button label, tooltip, row title and subtitle, placeholder,
 * status page, menu item and the preview's text on screen is collected, and none may hold a word
 * of the English interface (the words of the catalog's msgids that no
 * Vietnamese translation uses), apart from a few names that stay as they are.
 * Dates are in Vietnamese newspaper style ("Chủ nhật, 10/08/2025 - 16:30").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "byline-test-utils.h"
#include "ui-test-utils.h"
#include "byline-article-editor.h"
#include "byline-body-view.h"
#include "byline-checklist.h"
#include "byline-document.h"
#include "byline-window-private.h"

/* Names and formats that are the same in both languages. */
static const char *allowed[] = {
  "byline", "ninjs", "html", "json", "url", "gmt", "png", "jpeg", "jpg", "iptc", "sha256",
  "english",   /* the language picker names each language in itself */
  "ctrl", "shift", "alt", "tab", "enter", "esc", "del", "home", "end",  /* key names */
  NULL,
};

static GHashTable *english;   /* lower-case words of the English interface */

static char *
po_string (const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');

  if (start == NULL || end <= start)
    return g_strdup ("");
  return g_strcompress (g_strndup (start + 1, end - start - 1));
}

static void
add_words (GHashTable *set,
           const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *p = lower;

  while (*p != '\0')
    {
      const char *start = p;

      while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p - start >= 3)
        g_hash_table_add (set, g_strndup (start, p - start));
      if (*p != '\0')
        p = g_utf8_next_char (p);
    }
}

/* The words of the msgids, less every word a translation uses. */
static void
load_english_words (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "vi.po", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) vietnamese = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) current = g_string_new (NULL);
  gboolean in_msgid = FALSE;
  GHashTableIter iter;
  gpointer word;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *text = NULL;

      if (g_str_has_prefix (line, "#"))
        continue;
      if (g_str_has_prefix (line, "msgid"))
        in_msgid = TRUE;
      else if (g_str_has_prefix (line, "msgstr") || g_str_has_prefix (line, "msgctxt"))
        in_msgid = FALSE;
      else if (!g_str_has_prefix (line, "\""))
        continue;
      text = po_string (line);
      add_words (in_msgid ? english : vietnamese, text);
    }
  g_hash_table_iter_init (&iter, vietnamese);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    g_hash_table_remove (english, word);
  for (guint i = 0; allowed[i] != NULL; i++)
    g_hash_table_remove (english, allowed[i]);
  g_test_message ("%u words of the English interface", g_hash_table_size (english));
  g_assert_cmpuint (g_hash_table_size (english), >, 300);
}

/* ----------------------------------------------------------- what is shown */

typedef struct
{
  GPtrArray *texts;   /* "where: text" */
} Shown;

static void
add (Shown      *shown,
     GtkWidget  *widget,
     const char *what,
     const char *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (shown->texts, g_strdup_printf ("%s %s: %s", G_OBJECT_TYPE_NAME (widget), what, text));
}

static void
add_menu (Shown      *shown,
          GtkWidget  *widget,
          GMenuModel *model)
{
  for (int i = 0; model != NULL && i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      const char *name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        add (shown, widget, "menu item", label);
      while (g_menu_link_iter_get_next (links, &name, &link))
        {
          add_menu (shown, widget, link);
          g_object_unref (link);
        }
    }
}

static void
collect (Shown     *shown,
         GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  add (shown, widget, "tooltip", gtk_widget_get_tooltip_text (widget));
  if (GTK_IS_LABEL (widget))
    add (shown, widget, "label", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_BUTTON (widget))
    add (shown, widget, "button", gtk_button_get_label (GTK_BUTTON (widget)));
  if (GTK_IS_MENU_BUTTON (widget))
    add (shown, widget, "button", gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)));
  if (GTK_IS_MENU_BUTTON (widget))
    {
      /* Menus made on first use (the window's) are made by opening them. */
      if (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) == NULL
          && gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)) == NULL)
        {
          gtk_menu_button_popup (GTK_MENU_BUTTON (widget));
          gtk_menu_button_popdown (GTK_MENU_BUTTON (widget));
        }
      add_menu (shown, widget, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)));
    }
  if (ADW_IS_PREFERENCES_ROW (widget))
    add (shown, widget, "title", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget))
    add (shown, widget, "subtitle", adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      add (shown, widget, "group title", adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)));
      add (shown, widget, "group description", adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)));
    }
  if (ADW_IS_WINDOW_TITLE (widget))
    {
      add (shown, widget, "title", adw_window_title_get_title (ADW_WINDOW_TITLE (widget)));
      add (shown, widget, "subtitle", adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)));
    }
  if (ADW_IS_STATUS_PAGE (widget))
    {
      add (shown, widget, "title", adw_status_page_get_title (ADW_STATUS_PAGE (widget)));
      add (shown, widget, "description", adw_status_page_get_description (ADW_STATUS_PAGE (widget)));
    }
  if (GTK_IS_TEXT (widget))
    add (shown, widget, "placeholder", gtk_text_get_placeholder_text (GTK_TEXT (widget)));
  if (GTK_IS_TEXT_VIEW (widget))
    {
      g_autofree char *placeholder = NULL;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "placeholder"))
        g_object_get (widget, "placeholder", &placeholder, NULL);
      add (shown, widget, "placeholder", placeholder);
      add_menu (shown, widget, gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (widget)));
      /* Not editable: text the program wrote (the preview), not the reporter. */
      if (!gtk_text_view_get_editable (GTK_TEXT_VIEW (widget)))
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
          g_autofree char *text = NULL;
          GtkTextIter start, end;

          gtk_text_buffer_get_bounds (buffer, &start, &end);
          text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
          add (shown, widget, "text", text);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (shown, child);
}

/* The English words in @text, or NULL. */
static char *
english_in (const char *text)
{
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) found = g_string_new (NULL);
  GHashTableIter iter;
  gpointer word;

  add_words (words, text);
  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (g_hash_table_contains (english, word))
      g_string_append_printf (found, "%s%s", found->len ? ", " : "", (char *) word);
  return found->len ? g_string_free (g_steal_pointer (&found), FALSE) : NULL;
}

/* ------------------------------------------------------------------- story */

static void
write_story (BylineWindow *window,
             GFile        *pictures)
{
  BylineArticle *article = byline_document_get_article (byline_window_get_document (window));
  BylineBody *body = byline_article_get_body (article);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) when = g_date_time_new (zone, 2025, 8, 10, 16, 30, 0);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) first = g_file_get_child (pictures, "sat-lo.png");
  g_autoptr(GFile) second = g_file_get_child (pictures, "cuu-ho.png");
  g_autoptr(GError) error = NULL;
  const char *authors[] = { "Lò Văn Dũng", NULL };

  byline_article_set_headline (article, "Nậm Nhùn: mưa lũ gây sạt lở, 137 hộ dân phải di dời");
  byline_article_set_lead (article, "Mưa lớn kéo dài từ đêm 9/8 đã gây sạt lở đất tại nhiều xã.");
  byline_article_set_authors (article, authors);
  byline_article_set_category (article, "Xã hội");
  byline_article_set_publish_time (article, when);
  if (byline_body_get_n_blocks (body) == 0)
    byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "");
  byline_body_set_text (body, 0, "Theo Ban Chỉ huy, lượng mưa tại xã Nậm Hàng đã vượt 180 mm.");
  byline_body_append_block (body, BYLINE_BLOCK_PARAGRAPH, "Người dân các các bản đã được sơ tán.");

  byline_test_write_png (first, 40, 30, 0x8a5a2b);
  byline_test_write_png (second, 40, 30, 0x2b5a8a);
  g_list_store_append (files, first);
  g_list_store_append (files, second);
  byline_body_view_insert_pictures (byline_article_editor_get_body_view (byline_window_get_editor (window)),
                                    G_LIST_MODEL (files), 1, &error);
  g_assert_no_error (error);
  byline_image_set_caption (byline_article_get_image (article, 0), "Sạt lở trên Quốc lộ 4H, sáng 10/8.");
  byline_image_set_caption (byline_article_get_image (article, 1), "Sạt lở trên Quốc lộ 4H, sáng 10/8.");
}

static void
test_no_english (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("drafts-vi");
  g_autoptr(GFile) pictures = byline_test_make_folder ("pictures-vi");
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (folder);
  BylineWindow *window = byline_ui_test_new_window (store);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  Shown shown = { g_ptr_array_new_with_free_func (g_free) };
  gboolean date_seen = FALSE, weekday_seen = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  write_story (window, pictures);
  /* The breakpoints have applied: what is shown now stays shown. */
  byline_ui_test_wait (300);
  adw_overlay_split_view_set_show_sidebar (window->inner_split, TRUE);
  adw_overlay_split_view_set_show_sidebar (window->outer_split, TRUE);
  _byline_window_show_checklist (window);
  g_assert_cmpuint (g_list_model_get_n_items (byline_checklist_get_findings (_byline_window_get_checklist (window))), >, 0);
  byline_ui_test_wait (500);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preview", NULL));
  byline_ui_test_wait (800);

  collect (&shown, GTK_WIDGET (window));
  g_test_message ("%u texts on screen", shown.texts->len);
  g_assert_cmpuint (shown.texts->len, >, 60);
  for (guint i = 0; i < shown.texts->len; i++)
    {
      const char *text = g_ptr_array_index (shown.texts, i);
      g_autofree char *words = english_in (strchr (text, ':') + 1);

      if (g_getenv ("BYLINE_TEST_VERBOSE") != NULL)
        g_test_message ("shown: %s", text);

      if (words != NULL)
        g_ptr_array_add (problems, g_strdup_printf ("%s   [%s]", text, words));
      /* Sunday 10 August 2025, 16:30 at GMT+7: in the details, and with the
       * weekday in the preview. */
      if (strstr (text, "10/08/2025 - 16:30 (GMT+7)") != NULL)
        date_seen = TRUE;
      if (strstr (text, "Chủ nhật, 10/08/2025 - 16:30") != NULL)
        weekday_seen = TRUE;
      g_assert_null (strstr (text, "Sunday"));
      g_assert_null (strstr (text, "August"));
    }
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("English: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (date_seen);
  g_assert_true (weekday_seen);

  g_ptr_array_unref (shown.texts);
  gtk_window_destroy (GTK_WINDOW (window));
  byline_ui_test_wait (100);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("BYLINE_LOCALEDIR");

  g_setenv ("LANG", "vi_VN.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "vi", TRUE);
  g_setenv ("LC_ALL", "vi_VN.UTF-8", TRUE);
  byline_ui_test_init (&argc, &argv);
  if (setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
    g_error ("the vi_VN.UTF-8 locale is not available (locales, locale-gen)");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_assert_cmpstr (_("Headline"), ==, "Tít");
  load_english_words ();

  g_test_add_func ("/ui/vietnamese/no-english", test_no_english);

  return g_test_run ();
}
