/* byline-spell.c
 *
 * Results are remembered per word as written: a 20,000-word story has a few
 * thousand distinct syllables, so enchant sees each of them once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>
#include <enchant.h>
#include <glib/gi18n-lib.h>

#include "byline-error.h"
#include "byline-spell.h"
#include "byline-text.h"
#include "byline-tone-private.h"

#define VERDICT_RIGHT GINT_TO_POINTER (1)
#define VERDICT_WRONG GINT_TO_POINTER (2)

struct _BylineSpellChecker
{
  GObject        parent_instance;

  char          *language;
  EnchantBroker *broker;
  EnchantDict   *dict;
  GHashTable    *words;        /* accepted forms (see word_form()) from lists and "ignore" */
  GFile         *files[2];     /* per BylineWordList */
  GHashTable    *verdicts;     /* word as written → VERDICT_* */
  guint          serial;       /* bumped whenever words are accepted */
};

G_DEFINE_FINAL_TYPE (BylineSpellChecker, byline_spell_checker, G_TYPE_OBJECT)

static void
byline_spell_checker_finalize (GObject *object)
{
  BylineSpellChecker *self = BYLINE_SPELL_CHECKER (object);

  if (self->dict != NULL)
    enchant_broker_free_dict (self->broker, self->dict);
  if (self->broker != NULL)
    enchant_broker_free (self->broker);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->words, g_hash_table_unref);
  g_clear_pointer (&self->verdicts, g_hash_table_unref);
  g_clear_object (&self->files[0]);
  g_clear_object (&self->files[1]);

  G_OBJECT_CLASS (byline_spell_checker_parent_class)->finalize (object);
}

static void
byline_spell_checker_class_init (BylineSpellCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_spell_checker_finalize;
}

static void
byline_spell_checker_init (BylineSpellChecker *self)
{
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

BylineSpellChecker *
byline_spell_checker_new (const char  *language,
                          GError     **error)
{
  g_autoptr(BylineSpellChecker) self = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (language == NULL)
    language = "vi_VN";

  self = g_object_new (BYLINE_TYPE_SPELL_CHECKER, NULL);
  self->language = g_strdup (language);
  self->broker = enchant_broker_init ();
  if (self->broker == NULL || !enchant_broker_dict_exists (self->broker, language))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                   _("No spelling dictionary for “%s” is installed (for Vietnamese: hunspell-vi)"),
                   language);
      return NULL;
    }
  self->dict = enchant_broker_request_dict (self->broker, language);
  if (self->dict == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                   _("The spelling dictionary for “%s” cannot be opened: %s"),
                   language, enchant_broker_get_error (self->broker));
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
byline_spell_checker_get_language (BylineSpellChecker *self)
{
  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), NULL);

  return self->language;
}

/* What the lists compare: lower case, tone mark where the modern style puts it. */
static char *
word_form (const char *word,
           gssize      length)
{
  g_autofree char *placed = byline_tone_place (word, length, BYLINE_TONE_STYLE_MODERN);

  return g_utf8_strdown (placed, -1);
}

static void
accept_words (BylineSpellChecker *self,
              const char         *entry)
{
  BylineWordIter iter;
  BylineWord word;

  _byline_word_iter_init (&iter, entry);
  while (_byline_word_iter_next (&iter, &word))
    g_hash_table_add (self->words, word_form (word.start, word.length));
  g_hash_table_remove_all (self->verdicts);
  self->serial++;
}

gboolean
byline_spell_checker_load_word_list (BylineSpellChecker  *self,
                                     BylineWordList       list,
                                     GFile               *file,
                                     GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length = 0;

  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), FALSE);
  g_return_val_if_fail (list == BYLINE_WORD_LIST_NEWSROOM || list == BYLINE_WORD_LIST_USER, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  g_set_object (&self->files[list], file);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      /* A list nobody has added to yet */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
          || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_UTF8,
                   _("%s: the word list is not UTF-8 text"), name);
      return FALSE;
    }

  text = byline_text_normalize (contents, length);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (*line != '\0' && *line != '#')
        accept_words (self, line);
    }
  return TRUE;
}

gboolean
byline_spell_checker_add_word (BylineSpellChecker  *self,
                               BylineWordList       list,
                               const char          *word,
                               GError             **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *line = NULL;

  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), FALSE);
  g_return_val_if_fail (list == BYLINE_WORD_LIST_NEWSROOM || list == BYLINE_WORD_LIST_USER, FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  clean = byline_text_normalize_line (word, -1);
  if (*clean == '\0')
    return TRUE;
  accept_words (self, clean);
  if (self->files[list] == NULL)
    return TRUE;

  parent = g_file_get_parent (self->files[list]);
  if (parent != NULL && !g_file_make_directory_with_parents (parent, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Appending a line is what two people adding to a shared list at once
   * are least likely to lose. */
  out = g_file_append_to (self->files[list], G_FILE_CREATE_NONE, NULL, error);
  if (out == NULL)
    return FALSE;
  line = g_strconcat (clean, "\n", NULL);
  return g_output_stream_write_all (G_OUTPUT_STREAM (out), line, strlen (line), NULL, NULL, error)
         && g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

guint
byline_spell_checker_get_serial (BylineSpellChecker *self)
{
  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), 0);

  return self->serial;
}

GStrv
byline_spell_checker_list_words (BylineSpellChecker *self)
{
  g_autofree const char **words = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), NULL);

  words = (const char **) g_hash_table_get_keys_as_array (self->words, &n);
  g_sort_array (words, n, sizeof (char *), compare_strings, NULL);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, words[i]);
  return g_strv_builder_end (builder);
}

void
byline_spell_checker_ignore_word (BylineSpellChecker *self,
                                  const char         *word)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (BYLINE_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL);

  clean = byline_text_normalize_line (word, -1);
  accept_words (self, clean);
}

/* A word with no marks that is no syllable, but that Vietnamese typing got
 * wrong rather than another language: Telex's keys left in it ("nuwowcs",
 * the input method off), or a consonant typed twice ("nhanhh"). */
static gboolean
is_slip (const char *word,
         gsize       length)
{
  g_autofree char *telex = byline_tone_from_telex (word, length, BYLINE_TONE_STYLE_ANY);

  if (telex != NULL)
    return TRUE;
  for (gsize i = 0; i + 1 < length; i++)
    if (word[i] == word[i + 1] && g_ascii_isalpha (word[i]) && strchr ("aeiouyAEIOUY", word[i]) == NULL)
      {
        g_autofree char *once = g_strdup_printf ("%.*s%.*s", (int) i, word, (int) (length - i - 1), word + i + 1);

        if (byline_tone_is_syllable (once, -1))
          return TRUE;
      }
  return FALSE;
}

/* Words that are not the dictionary's business: see byline-spell.h. */
static gboolean
is_checked (const BylineWord *word,
            gboolean          syllable)
{
  if (g_utf8_strlen (word->start, word->length) < 2)
    return FALSE;
  if (!syllable && _byline_word_is_upper (word->start, word->length))
    return FALSE;
  if (!syllable && !_byline_word_has_marks (word->start, word->length))
    return is_slip (word->start, word->length);
  return TRUE;
}

static gboolean
check_one (BylineSpellChecker *self,
           const BylineWord   *word)
{
  g_autofree char *key = g_strndup (word->start, word->length);
  g_autofree char *form = NULL;
  g_autofree char *placed = NULL;
  gpointer verdict = g_hash_table_lookup (self->verdicts, key);
  gboolean right;

  /* Context first: the cache only knows the word. */
  if (word->in_link || word->near_digit)
    return TRUE;
  if (verdict != NULL)
    return verdict == VERDICT_RIGHT;

  if (!is_checked (word, byline_tone_is_syllable (word->start, word->length)))
    right = TRUE;
  else
    {
      form = word_form (word->start, word->length);
      right = g_hash_table_contains (self->words, form);
      if (!right)
        {
          placed = byline_tone_place (word->start, word->length, BYLINE_TONE_STYLE_MODERN);
          right = enchant_dict_check (self->dict, placed, -1) == 0;
        }
    }

  g_hash_table_insert (self->verdicts, g_steal_pointer (&key), right ? VERDICT_RIGHT : VERDICT_WRONG);
  return right;
}

gboolean
byline_spell_checker_check_word (BylineSpellChecker *self,
                                 const char         *word,
                                 gssize              length)
{
  BylineWord w = { 0 };

  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), TRUE);
  g_return_val_if_fail (word != NULL, TRUE);

  w.start = word;
  w.length = length < 0 ? strlen (word) : (gsize) length;
  if (w.length == 0)
    return TRUE;
  return check_one (self, &w);
}

GArray *
byline_spell_checker_check_text (BylineSpellChecker *self,
                                 const char         *text)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (BylineMisspelling));
  BylineWordIter iter;
  BylineWord word;

  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), found);
  g_return_val_if_fail (text != NULL, found);

  _byline_word_iter_init (&iter, text);
  while (_byline_word_iter_next (&iter, &word))
    if (!check_one (self, &word))
      {
        BylineMisspelling m = { word.cstart, word.cend };
        g_array_append_val (found, m);
      }
  return found;
}

GStrv
byline_spell_checker_suggest (BylineSpellChecker *self,
                              const char         *word,
                              gssize              length,
                              guint               max)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *placed = NULL;
  char **suggestions;
  size_t n = 0;

  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  placed = byline_tone_place (word, length, BYLINE_TONE_STYLE_MODERN);
  suggestions = enchant_dict_suggest (self->dict, placed, -1, &n);
  for (size_t i = 0; i < n && i < max; i++)
    {
      g_autofree char *nfc = g_utf8_normalize (suggestions[i], -1, G_NORMALIZE_NFC);

      if (nfc != NULL)
        g_strv_builder_add (builder, nfc);
    }
  if (suggestions != NULL)
    enchant_dict_free_string_list (self->dict, suggestions);
  return g_strv_builder_end (builder);
}

GStrv
byline_spell_checker_list_style_variants (BylineSpellChecker *self,
                                          BylineToneStyle     style)
{
  static const char * const initials[] = {
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
    "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
  };
  static const char * const rhymes[] = { "oa", "oe", "uy" };
  static const gunichar tones[] = { 0x0300, 0x0301, 0x0303, 0x0309, 0x0323 };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (initials); i++)
    for (gsize r = 0; r < G_N_ELEMENTS (rhymes); r++)
      for (gsize t = 0; t < G_N_ELEMENTS (tones); t++)
        {
          g_autofree char *decomposed = NULL;
          g_autofree char *modern = NULL;
          char mark[8] = { 0 };

          g_unichar_to_utf8 (tones[t], mark);
          /* The mark on the last vowel: the modern placement, the dictionary's. */
          decomposed = g_strconcat (initials[i], rhymes[r], mark, NULL);
          modern = g_utf8_normalize (decomposed, -1, G_NORMALIZE_NFC);
          if (byline_tone_classify (modern, -1) != BYLINE_TONE_PLACEMENT_MODERN
              || enchant_dict_check (self->dict, modern, -1) != 0)
            continue;
          g_strv_builder_take (builder, byline_tone_place (modern, -1, style));
        }
  return g_strv_builder_end (builder);
}

GFile *
byline_spell_default_user_word_list (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "byline", "words.txt", NULL);

  return g_file_new_for_path (path);
}
