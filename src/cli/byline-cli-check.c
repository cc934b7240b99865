/* byline-cli-check.c — byline-cli check: the preflight checks of a draft or a file
 *
 * Exit status 1 when a finding is an error (what blocks publishing), 0 otherwise,
 * whatever warnings there are.  A file (not a draft of the store) is also checked
 * as it arrived — decomposed letters, invisible characters — before the import
 * normalizes it.  The other drafts of the store are the archive the consistency
 * check compares against.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-cli.h"

typedef struct
{
  char     *tone_style;
  char     *source_prefix;
  char     *house_list;
  char     *words;
  int       headline_max;
  int       lead_max;
  gboolean  no_spelling;
  gboolean  no_archive;
} CheckArgs;

static void
check_args_clear (CheckArgs *args)
{
  g_free (args->tone_style);
  g_free (args->source_prefix);
  g_free (args->house_list);
  g_free (args->words);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CheckArgs, check_args_clear)

/* The bytes of @arg as they are on disk, for the raw-text checks; NULL for a
 * draft of the store, standard input, or a word processor's document (a ZIP
 * archive: its text is XML inside, not these bytes). */
static char *
read_raw (const char  *arg,
          gsize       *length)
{
  g_autofree char *path = NULL;
  char *contents = NULL;

  if (g_str_equal (arg, "-") || !g_file_test (arg, G_FILE_TEST_EXISTS))
    return NULL;
  if (g_file_test (arg, G_FILE_TEST_IS_DIR))
    path = g_build_filename (arg, "draft.json", NULL);
  else
    path = g_strdup (arg);
  if (!g_file_get_contents (path, &contents, length, NULL))
    return NULL;
  if (*length >= 4 && memcmp (contents, "PK\003\004", 4) == 0)
    g_clear_pointer (&contents, g_free);
  return contents;
}

static void
append_all (GListStore *all,
            GListModel *findings)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);
      g_list_store_append (all, finding);
    }
}

static gboolean
setup_options (BylineCli           *cli,
               CheckArgs           *args,
               BylineArticle       *article,
               BylineCheckOptions  *options,
               GListStore          *notes,
               GError             **error)
{
  if (args->tone_style != NULL)
    {
      BylineToneStyle style;

      if (!byline_tone_style_from_string (args->tone_style, &style))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--tone-style must be classic (hòa, thủy), modern (hoà, thuỷ) or any, not “%s”"),
                       args->tone_style);
          return FALSE;
        }
      byline_check_options_set_tone_style (options, style);
    }
  if (args->source_prefix != NULL)
    byline_check_options_set_source_prefix (options, args->source_prefix);
  if (args->headline_max >= 0)
    byline_check_options_set_headline_max_chars (options, args->headline_max);
  if (args->lead_max >= 0)
    byline_check_options_set_lead_max_chars (options, args->lead_max);

  if (args->house_list != NULL)
    {
      g_autoptr(BylineHouseList) house = byline_house_list_new ();
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (args->house_list);

      if (!byline_house_list_load (house, file, error))
        return FALSE;
      byline_check_options_set_house_list (options, house);
    }

  if (!args->no_spelling)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(BylineSpellChecker) speller = byline_spell_checker_new (NULL, &local_error);

      if (speller == NULL)
        {
          /* Not a failure of the story: say so among the findings. */
          g_autoptr(BylineFinding) note = byline_finding_new (BYLINE_SEVERITY_INFO, "spelling-unavailable",
                                                              BYLINE_FIELD_ARTICLE, local_error->message);
          g_list_store_append (notes, note);
        }
      else
        {
          g_autoptr(GFile) user_words = byline_spell_default_user_word_list ();

          /* The user's own list is a help, not a requirement. */
          if (!byline_spell_checker_load_word_list (speller, BYLINE_WORD_LIST_USER, user_words, &local_error))
            {
              g_autoptr(BylineFinding) note = byline_finding_new (BYLINE_SEVERITY_INFO, "word-list-unavailable",
                                                                  BYLINE_FIELD_ARTICLE, local_error->message);
              g_list_store_append (notes, note);
            }
          if (args->words != NULL)
            {
              g_autoptr(GFile) file = g_file_new_for_commandline_arg (args->words);

              if (!byline_spell_checker_load_word_list (speller, BYLINE_WORD_LIST_NEWSROOM, file, error))
                return FALSE;
            }
          byline_check_options_set_spell_checker (options, speller);
        }
    }

  if (!args->no_archive)
    {
      g_autoptr(BylineConsistencyIndex) archive = byline_consistency_index_new ();
      g_autoptr(GError) local_error = NULL;

      /* An empty or missing store is an empty archive. */
      if (byline_consistency_index_add_store (archive, byline_cli_get_store (cli),
                                              byline_article_get_id (article), NULL, &local_error))
        byline_check_options_set_archive (options, archive);
      else
        g_debug ("No archive for the consistency check: %s", local_error->message);
    }
  return TRUE;
}

static const char *
severity_label (BylineSeverity severity)
{
  switch (severity)
    {
    case BYLINE_SEVERITY_ERROR: return _("error");
    case BYLINE_SEVERITY_WARNING: return _("warning");
    case BYLINE_SEVERITY_INFO:
    default: return _("note");
    }
}

static void
print_findings (GListModel    *findings,
                BylineArticle *article,
                const char    *display)
{
  guint counts[3] = { 0, 0, 0 };
  guint n = g_list_model_get_n_items (findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *location = byline_finding_dup_location (finding, article);
      const char *suggestion = byline_finding_get_suggestion (finding);

      counts[byline_finding_get_severity (finding)]++;
      g_print ("%s: %s: %s [%s]\n", severity_label (byline_finding_get_severity (finding)),
               location, byline_finding_get_message (finding), byline_finding_get_code (finding));
      if (suggestion != NULL && *suggestion != '\0' && byline_finding_get_excerpt (finding) != NULL)
        g_print ("    “%s” → “%s”\n", byline_finding_get_excerpt (finding), suggestion);
    }

  if (n == 0)
    g_print (_("%s: no problems found\n"), display);
  else
    {
      g_autofree char *errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors",
                                                              counts[BYLINE_SEVERITY_ERROR]),
                                                 counts[BYLINE_SEVERITY_ERROR]);
      g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                                                counts[BYLINE_SEVERITY_WARNING]),
                                                   counts[BYLINE_SEVERITY_WARNING]);
      g_autofree char *notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes",
                                                             counts[BYLINE_SEVERITY_INFO]),
                                                counts[BYLINE_SEVERITY_INFO]);

      /* Translators: "Nậm Nhùn…: 2 errors, 3 warnings, 0 notes" */
      g_print (_("%s: %s, %s, %s\n"), display, errors, warnings, notes);
    }
}

gboolean
byline_cli_check (BylineCli  *cli,
                  int         argc,
                  char      **argv,
                  GError    **error)
{
  g_auto(CheckArgs) args = { .headline_max = -1, .lead_max = -1 };
  const GOptionEntry entries[] = {
    { "tone-style", 0, 0, G_OPTION_ARG_STRING, &args.tone_style,
      N_("The house placement of tone marks: classic (hòa, thủy) or modern (hoà, thuỷ); "
         "by default only mixing them is flagged"), N_("STYLE") },
    { "source-prefix", 0, 0, G_OPTION_ARG_STRING, &args.source_prefix,
      N_("The source the lead must start with, as in “(PREFIX) - ”"), N_("PREFIX") },
    { "house-list", 0, 0, G_OPTION_ARG_FILENAME, &args.house_list,
      N_("The newsroom's list of wrong → right spellings, one pair a line"), N_("FILE") },
    { "words", 0, 0, G_OPTION_ARG_FILENAME, &args.words,
      N_("The newsroom's word list (names of people and places), one a line"), N_("FILE") },
    { "headline-max", 0, 0, G_OPTION_ARG_INT, &args.headline_max,
      N_("The longest headline, in characters (default 120; 0: no limit)"), N_("N") },
    { "lead-max", 0, 0, G_OPTION_ARG_INT, &args.lead_max,
      N_("The longest lead, in characters (default 400; 0: no limit)"), N_("N") },
    { "no-spelling", 0, 0, G_OPTION_ARG_NONE, &args.no_spelling,
      N_("Do not check spelling"), NULL },
    { "no-archive", 0, 0, G_OPTION_ARG_NONE, &args.no_archive,
      N_("Do not compare spellings with the other drafts of the store"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylineCheckOptions) options = NULL;
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autofree char *display = NULL;
  g_autofree char *raw = NULL;
  gsize raw_length = 0;
  guint errors = 0;

  if (!byline_cli_parse_command (cli, entries, &argc, &argv, 1, 1, error))
    return FALSE;

  /* Read the bytes first: what the import normalizes away is a finding too. */
  raw = read_raw (argv[1], &raw_length);
  article = byline_cli_load_source (cli, argv[1], &display, error);
  if (article == NULL)
    return FALSE;

  all = g_list_store_new (BYLINE_TYPE_FINDING);
  options = byline_check_options_new ();
  if (!setup_options (cli, &args, article, options, all, error))
    return FALSE;

  if (raw != NULL)
    {
      g_autoptr(GListModel) raw_found = byline_check_raw_text (raw, raw_length, display);
      append_all (all, raw_found);
    }
  found = byline_check_article (article, options);
  append_all (all, found);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (G_LIST_MODEL (all), i);
      errors += byline_finding_get_severity (finding) == BYLINE_SEVERITY_ERROR;
    }

  if (cli->json)
    {
      g_autoptr(JsonNode) node = byline_findings_to_json (G_LIST_MODEL (all), article);
      JsonObject *object = json_node_get_object (node);

      json_object_set_string_member (object, "id", byline_article_get_id (article));
      json_object_set_string_member (object, "source", display);
      if (!byline_cli_print_json (node, error))
        return FALSE;
    }
  else
    print_findings (G_LIST_MODEL (all), article, display);

  if (errors > 0)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %u error must be fixed before publishing",
                                "%s: %u errors must be fixed before publishing", errors),
                   display, errors);
      return FALSE;
    }
  return TRUE;
}
