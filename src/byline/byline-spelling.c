/* byline-spelling.c
 *
 * libspelling asks enchant about every word, while the core skips acronyms,
 * foreign words and names from the lists: words are taught to libspelling as
 * they are typed or pasted (from the "insert-text" handler, before the
 * adapter's engine gets to them in its idle), so nothing flashes red that the
 * checks would accept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-spelling.h"
#include "byline-frame-wait.h"

#define ADAPTER_KEY "byline-spelling-adapter"
#define TAG_KEY "byline-spelling-tag"

typedef struct
{
  char               *tag;
  BylineSpellChecker *core;       /* NULL: no dictionary */
  SpellingChecker    *checker;
  GHashTable         *seen;       /* words already asked about */
} Language;

static GHashTable *languages;     /* tag → Language */
static GPtrArray  *adapters;      /* SpellingTextBufferAdapter, weak */
static GPtrArray  *add_actions;   /* "add-newsroom" of every view, weak */
static GSettings  *settings;

static void
language_free (gpointer data)
{
  Language *lang = data;

  g_free (lang->tag);
  g_clear_object (&lang->core);
  g_clear_object (&lang->checker);
  g_clear_pointer (&lang->seen, g_hash_table_unref);
  g_free (lang);
}

char *
byline_spelling_tag_for_language (const char *language)
{
  if (language == NULL || *language == '\0')
    return NULL;
  if (g_str_equal (language, "vi") || g_str_has_prefix (language, "vi-") || g_str_has_prefix (language, "vi_"))
    return g_strdup ("vi_VN");
  if (g_str_equal (language, "en"))
    return g_strdup ("en_US");
  /* "en-GB" → "en_GB" */
  return g_strdelimit (g_strdup (language), "-", '_');
}

static void
update_enabled (void)
{
  gboolean on = g_settings_get_boolean (settings, "spell-check");

  for (guint i = 0; adapters != NULL && i < adapters->len; i++)
    {
      SpellingTextBufferAdapter *adapter = g_ptr_array_index (adapters, i);

      spelling_text_buffer_adapter_set_enabled (adapter,
                                                on && spelling_text_buffer_adapter_get_checker (adapter) != NULL);
    }
}

static void on_newsroom_list_changed (void);

static void
ensure_init (void)
{
  if (languages != NULL)
    return;
  languages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, language_free);
  adapters = g_ptr_array_new ();
  add_actions = g_ptr_array_new ();
  settings = g_settings_new (APPLICATION_ID);
  g_signal_connect (settings, "changed::spell-check", G_CALLBACK (update_enabled), NULL);
  g_signal_connect (settings, "changed::newsroom-word-list", G_CALLBACK (on_newsroom_list_changed), NULL);
}

static void
load_word_list (BylineSpellChecker *core,
                BylineWordList      list,
                GFile              *file)
{
  g_autoptr(GError) error = NULL;

  /* A list that cannot be read leaves more words underlined, nothing worse. */
  if (!byline_spell_checker_load_word_list (core, list, file, &error))
    g_warning ("%s", error->message);
}

static void
teach_all (Language *lang)
{
  g_auto(GStrv) words = byline_spell_checker_list_words (lang->core);
  g_auto(GStrv) variants = byline_spell_checker_list_style_variants (lang->core, BYLINE_TONE_STYLE_CLASSIC);

  for (guint i = 0; words[i] != NULL; i++)
    spelling_checker_ignore_word (lang->checker, words[i]);
  for (guint i = 0; variants[i] != NULL; i++)
    spelling_checker_ignore_word (lang->checker, variants[i]);
}

/* The core's checker for @language, loaded on first use; libspelling's
 * checker waits for get_language(): the checklist needs only the core's. */
static Language *
get_core_language (const char *language)
{
  g_autofree char *tag = byline_spelling_tag_for_language (language ? language : "vi");
  SpellingProvider *provider;
  Language *lang;

  ensure_init ();
  if ((lang = g_hash_table_lookup (languages, tag)) != NULL)
    return lang;

  lang = g_new0 (Language, 1);
  lang->tag = g_steal_pointer (&tag);
  lang->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (languages, lang->tag, lang);

  lang->core = byline_spell_checker_new (lang->tag, NULL);
  provider = spelling_provider_get_default ();
  if (lang->core == NULL || !spelling_provider_supports_language (provider, lang->tag))
    {
      g_clear_object (&lang->core);
      return lang;
    }
  {
    g_autofree char *newsroom = g_settings_get_string (settings, "newsroom-word-list");
    g_autoptr(GFile) user = byline_spell_default_user_word_list ();

    if (*newsroom != '\0')
      {
        g_autoptr(GFile) file = g_file_new_for_path (newsroom);
        load_word_list (lang->core, BYLINE_WORD_LIST_NEWSROOM, file);
      }
    load_word_list (lang->core, BYLINE_WORD_LIST_USER, user);
  }
  return lang;
}

static Language *
get_language (const char *language)
{
  Language *lang = get_core_language (language);

  if (lang->core != NULL && lang->checker == NULL)
    {
      lang->checker = spelling_checker_new (spelling_provider_get_default (), lang->tag);
      teach_all (lang);
    }
  return lang;
}

BylineSpellChecker *
byline_spelling_get_core_checker (const char *language)
{
  return get_core_language (language)->core;
}

SpellingChecker *
byline_spelling_get_checker (const char *language)
{
  return get_language (language)->checker;
}

static void
invalidate_checker (SpellingChecker *checker)
{
  for (guint i = 0; i < adapters->len; i++)
    {
      SpellingTextBufferAdapter *adapter = g_ptr_array_index (adapters, i);

      if (spelling_text_buffer_adapter_get_checker (adapter) == checker)
        spelling_text_buffer_adapter_invalidate_all (adapter);
    }
}

/* Another file chosen in the preferences: its words are accepted from now on
 * (those of the previous list stay accepted until the program restarts). */
static void
on_newsroom_list_changed (void)
{
  g_autofree char *path = g_settings_get_string (settings, "newsroom-word-list");
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < add_actions->len; i++)
    g_simple_action_set_enabled (g_ptr_array_index (add_actions, i), *path != '\0');
  if (*path == '\0')
    return;

  g_hash_table_iter_init (&iter, languages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Language *lang = value;
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (lang->core == NULL)
        continue;
      load_word_list (lang->core, BYLINE_WORD_LIST_NEWSROOM, file);
      /* Without libspelling's checker yet, it learns them all when made. */
      if (lang->checker == NULL)
        continue;
      teach_all (lang);
      invalidate_checker (lang->checker);
    }
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
learn_words (Language   *lang,
             const char *text)
{
  gboolean learned = FALSE;
  const char *p = text;

  if (lang->core == NULL)
    return FALSE;
  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        {
          g_autofree char *word = g_strndup (start, p - start);

          if (g_hash_table_contains (lang->seen, word))
            continue;
          if (byline_spell_checker_check_word (lang->core, word, -1)
              && !spelling_checker_check_word (lang->checker, word, -1))
            {
              spelling_checker_ignore_word (lang->checker, word);
              learned = TRUE;
            }
          g_hash_table_add (lang->seen, g_steal_pointer (&word));
        }
    }
  return learned;
}

gboolean
byline_spelling_learn_text (const char *language,
                            const char *text)
{
  Language *lang;

  g_return_val_if_fail (text != NULL, FALSE);

  lang = get_language (language);
  if (!learn_words (lang, text))
    return FALSE;
  invalidate_checker (lang->checker);
  return TRUE;
}

/* ------------------------------------------------------------------ views */

static void
extend_to_words (GtkTextIter *start,
                 GtkTextIter *end)
{
  if (!gtk_text_iter_starts_word (start))
    gtk_text_iter_backward_word_start (start);
  if (!gtk_text_iter_ends_word (end))
    gtk_text_iter_forward_word_end (end);
}

/* Learns the words that @start to @end touch.  They are found as
 * learn_words() splits them, in the text of their lines: GtkTextIter's word
 * moves would have Pango break the whole paragraph again after every key. */
static void
learn_around (GtkTextBuffer *buffer,
              GtkTextIter   *start,
              GtkTextIter   *end)
{
  const char *tag = g_object_get_data (G_OBJECT (buffer), TAG_KEY);
  g_autofree char *lines = NULL;
  g_autofree char *text = NULL;
  GtkTextIter first = *start, last = *end;
  const char *from, *to;
  Language *lang;

  if (tag == NULL)
    return;
  lang = get_language (tag);
  gtk_text_iter_set_line_offset (&first, 0);
  if (!gtk_text_iter_ends_line (&last))
    gtk_text_iter_forward_to_line_end (&last);
  lines = gtk_text_iter_get_slice (&first, &last);
  from = g_utf8_offset_to_pointer (lines, gtk_text_iter_get_offset (start) - gtk_text_iter_get_offset (&first));
  to = g_utf8_offset_to_pointer (from, gtk_text_iter_get_offset (end) - gtk_text_iter_get_offset (start));
  while (from > lines && is_word_char (g_utf8_get_char (g_utf8_prev_char (from))))
    from = g_utf8_prev_char (from);
  while (*to != '\0' && is_word_char (g_utf8_get_char (to)))
    to = g_utf8_next_char (to);
  text = g_strndup (from, to - from);
  /* The engine checks these later, in its idle: no need to invalidate. */
  learn_words (lang, text);
}

static void
on_insert_text (GtkTextBuffer *buffer,
                GtkTextIter   *location,
                const char    *text,
                int            length)
{
  GtkTextIter start = *location, end = *location;

  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, length));
  learn_around (buffer, &start, &end);
}

static void
on_delete_range (GtkTextBuffer *buffer,
                 GtkTextIter   *start,
                 GtkTextIter   *end)
{
  GtkTextIter a = *start, b = *start;

  learn_around (buffer, &a, &b);
}

static void
on_adapter_gone (gpointer  data,
                 GObject  *where)
{
  g_ptr_array_remove_fast (adapters, where);
}

static void
on_action_gone (gpointer  data,
                GObject  *where)
{
  g_ptr_array_remove_fast (add_actions, where);
}

static void
add_to_newsroom_list (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkTextView *view = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  const char *tag = g_object_get_data (G_OBJECT (buffer), TAG_KEY);
  g_autoptr(GError) error = NULL;
  g_autofree char *word = NULL;
  GtkTextIter start, end;
  Language *lang;

  if (tag == NULL || (lang = get_language (tag))->core == NULL)
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
  if (!gtk_text_iter_inside_word (&start) && !gtk_text_iter_ends_word (&start))
    return;
  end = start;
  extend_to_words (&start, &end);
  word = gtk_text_iter_get_slice (&start, &end);
  if (!byline_spell_checker_add_word (lang->core, BYLINE_WORD_LIST_NEWSROOM, word, &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  spelling_checker_ignore_word (lang->checker, word);
  invalidate_checker (lang->checker);
}

static void install_adapter (GtkTextView *view);

/* The view and its buffer are going: the adapter, which a pending timeout of
 * its own may keep alive a little longer, must not tick on a buffer that is gone. */
static void
on_buffer_gone (gpointer  data,
                GObject  *where)
{
  SpellingTextBufferAdapter *adapter = data;

  /* Disabled, its engine drops what it had queued and queues nothing more. */
  if (spelling_text_buffer_adapter_get_enabled (adapter))
    spelling_text_buffer_adapter_set_enabled (adapter, FALSE);
  else
    spelling_text_buffer_adapter_invalidate_all (adapter);
  g_object_unref (adapter);
}

static void
remove_adapter (GtkTextView *view)
{
  SpellingTextBufferAdapter *old = g_object_get_data (G_OBJECT (view), ADAPTER_KEY);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag;
  GtkTextIter start, end;

  if (old == NULL)
    return;
  tag = spelling_text_buffer_adapter_get_tag (old);
  if (GTK_IS_TEXT_TAG (tag))
    {
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
      gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (buffer), tag);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (view), "spelling", NULL);
  gtk_text_view_set_extra_menu (view, NULL);
  g_object_weak_unref (G_OBJECT (buffer), on_buffer_gone, old);
  g_object_unref (old);
  g_ptr_array_remove_fast (adapters, old);
  g_object_weak_unref (G_OBJECT (old), on_adapter_gone, NULL);
  /* Now, not when its pending cursor timeout lets go of it: until its dispose
   * it follows the buffer, and its engine may tick on a buffer that is gone. */
  g_object_run_dispose (G_OBJECT (old));
  g_object_set_data (G_OBJECT (view), ADAPTER_KEY, NULL);
}


static void
install_adapter (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  Language *lang = get_language (g_object_get_data (G_OBJECT (buffer), TAG_KEY));
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) lists = g_menu_new ();
  SpellingTextBufferAdapter *adapter;

  remove_adapter (view);
  adapter = spelling_text_buffer_adapter_new (GTK_SOURCE_BUFFER (buffer), lang->checker);
  /* Off until update_enabled(): an adapter without a checker must not run. */
  spelling_text_buffer_adapter_set_enabled (adapter, FALSE);
  g_object_set_data_full (G_OBJECT (view), ADAPTER_KEY, adapter, g_object_unref);
  g_ptr_array_add (adapters, adapter);
  g_object_weak_ref (G_OBJECT (adapter), on_adapter_gone, NULL);
  g_object_weak_ref (G_OBJECT (buffer), on_buffer_gone, g_object_ref (adapter));

  g_menu_append_section (menu, NULL, spelling_text_buffer_adapter_get_menu_model (adapter));
  g_menu_append (lists, _("Add to _Newsroom Word List"), "byline-spelling.add-newsroom");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (lists));
  gtk_text_view_set_extra_menu (view, G_MENU_MODEL (menu));
  gtk_widget_insert_action_group (GTK_WIDGET (view), "spelling", G_ACTION_GROUP (adapter));
  update_enabled ();
}

#define REINSTALL_KEY "byline-spelling-reinstall"

static void
cancel_reinstall (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

static gboolean
reinstall_adapter (gpointer data)
{
  GtkTextView *view = data;

  g_object_steal_data (G_OBJECT (view), REINSTALL_KEY);
  if (g_object_get_data (G_OBJECT (view), ADAPTER_KEY) == NULL)
    install_adapter (view);
  return G_SOURCE_REMOVE;
}

/* GTK reports an inserted child anchor (a figure of the body) to no
 * commit-notify callback, so an adapter's count of the buffer's characters
 * would fall one short per figure and libspelling would abort at the next
 * deletion across it (_cjh_text_region_remove): the adapter goes at once, and
 * a fresh one comes in an idle, once for all the figures inserted meanwhile
 * (a long story shown a part at a time inserts a hundred, each part several;
 * a new adapter each time was half a million instructions). */
static void
on_insert_child_anchor (GtkTextView *view)
{
  /* None yet (the first frame is awaited), or gone with a figure before. */
  if (g_object_get_data (G_OBJECT (view), ADAPTER_KEY) == NULL)
    return;
  remove_adapter (view);
  g_object_set_data_full (G_OBJECT (view), REINSTALL_KEY,
                          GUINT_TO_POINTER (g_idle_add (reinstall_adapter, view)), cancel_reinstall);
}

/* What is already there, before the engine's first pass; then the engine. */
static void
check_view (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  learn_around (buffer, &start, &end);
  install_adapter (view);
}

/* ------------------------------------------------- after the first frame */

/* Loading a language (two enchant brokers, the dictionary twice, the word
 * lists) takes longer than building the window's three parts: views attached
 * before their window has drawn get their checker in an idle after its first
 * frame, so that the window shows first.  The wait goes with the view. */
#define WAIT_KEY "byline-spelling-wait"

static gboolean
check_waiting_view (gpointer data)
{
  GtkTextView *view = data;

  g_object_set_data (G_OBJECT (view), WAIT_KEY, NULL);
  /* Attached again since, or no longer ours to check. */
  if (g_object_get_data (G_OBJECT (view), ADAPTER_KEY) == NULL
      && g_object_get_data (G_OBJECT (gtk_text_view_get_buffer (view)), TAG_KEY) != NULL)
    check_view (view);
  return G_SOURCE_REMOVE;
}

static void
check_after_first_frame (GtkTextView *view)
{
  if (g_object_get_data (G_OBJECT (view), WAIT_KEY) != NULL)
    return;
  g_object_set_data_full (G_OBJECT (view), WAIT_KEY,
                          byline_frame_wait_new (GTK_WIDGET (view), check_waiting_view, view),
                          (GDestroyNotify) byline_frame_wait_free);
}

void
byline_spelling_attach (GtkTextView *view,
                        const char  *language)
{
  GtkTextBuffer *buffer;
  g_autofree char *tag = NULL;
  Language *lang;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  buffer = gtk_text_view_get_buffer (view);
  g_return_if_fail (GTK_SOURCE_IS_BUFFER (buffer));

  ensure_init ();
  tag = byline_spelling_tag_for_language (language ? language : "vi");
  lang = g_hash_table_lookup (languages, tag);
  if (lang != NULL && lang->core != NULL && lang->checker == NULL)
    lang = NULL;      /* only the core's half is loaded */
  if (g_strcmp0 (g_object_get_data (G_OBJECT (buffer), TAG_KEY), tag) == 0
      && (g_object_get_data (G_OBJECT (view), ADAPTER_KEY) != NULL || lang == NULL))
    return;
  g_object_set_data_full (G_OBJECT (buffer), TAG_KEY, g_strdup (tag), g_free);

  if (g_object_get_data (G_OBJECT (view), "byline-spelling-group") == NULL)
    {
      g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
      g_autoptr(GSimpleAction) add = g_simple_action_new ("add-newsroom", NULL);
      g_autofree char *newsroom = g_settings_get_string (settings, "newsroom-word-list");

      g_simple_action_set_enabled (add, *newsroom != '\0');
      g_signal_connect_object (add, "activate", G_CALLBACK (add_to_newsroom_list), view, 0);
      g_ptr_array_add (add_actions, add);
      g_object_weak_ref (G_OBJECT (add), on_action_gone, NULL);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (add));
      gtk_widget_insert_action_group (GTK_WIDGET (view), "byline-spelling", G_ACTION_GROUP (group));
      g_object_set_data (G_OBJECT (view), "byline-spelling-group", group);

      g_signal_connect_after (buffer, "insert-text", G_CALLBACK (on_insert_text), NULL);
      g_signal_connect_after (buffer, "delete-range", G_CALLBACK (on_delete_range), NULL);
      g_signal_connect_object (buffer, "insert-child-anchor", G_CALLBACK (on_insert_child_anchor),
                               view, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  if (lang == NULL && !gtk_widget_get_mapped (GTK_WIDGET (view)))
    {
      /* Another language's adapter must not go on checking meanwhile. */
      remove_adapter (view);
      check_after_first_frame (view);
      return;
    }
  check_view (view);
}

SpellingTextBufferAdapter *
byline_spelling_get_adapter (GtkTextView *view)
{
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  return g_object_get_data (G_OBJECT (view), ADAPTER_KEY);
}
