/* byline-cli.c — byline-cli: the drafts of Byline from a terminal
 *
 * Dispatch, the options every command shares, and how errors become exit
 * statuses: 0 success, 1 a user error (one line on stderr), 2 a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "byline-cli.h"

static gboolean byline_cli_help (BylineCli *cli, int argc, char **argv, GError **error);

static const BylineCliCommand commands[] = {
  { "new", "",
    N_("Create an empty draft and print its id"),
    N_("The new draft is saved in the store at once; its id is printed on a line of its own."),
    byline_cli_new },
  { "list", "",
    N_("List the drafts, newest first"),
    N_("With --trash, lists the deleted drafts that “undelete” can bring back."),
    byline_cli_list },
  { "show", N_("ID|PATH"),
    N_("Show a draft of the store, or a file as it would be imported"),
    N_("ID is a draft's id, or the first characters of it when they name only one draft.\n"
       "PATH is a draft folder, a draft.json, a ninjs item, an HTML page or a text file;\n"
       "it is read, never stored.  With --json, prints the draft in the Byline draft format."),
    byline_cli_show },
  { "import", N_("FILE"),
    N_("Import a file as a new draft and print its id"),
    N_("FILE may be a ninjs item (1.x, 2.x or 3.x), an HTML page, a Word or LibreOffice\n"
       "document (.docx, .odt, Word 97-2003's .doc, Rich Text's .rtf, with its pictures), a\n"
       "text file (UTF-8, or Vietnamese saved before Unicode: TCVN3, VNI, Windows-1258; first\n"
       "line the headline, blank lines between paragraphs), or a Byline draft (a draft folder\n"
       "or its draft.json), which is imported as a copy with a new id.  The kind is told from\n"
       "the content, not the name.  Pictures referred to by relative paths are looked up next\n"
       "to FILE and copied into the draft; a reference that leaves FILE's folder is refused.\n"
       "Nothing is written when FILE cannot be imported."),
    byline_cli_import },
  { "export", N_("ID|PATH"),
    N_("Export a draft as ninjs, HTML, text or a draft folder"),
    N_("Writes to standard output, or with -o to FILE, atomically: FILE is complete or\n"
       "untouched.  For ninjs and HTML, -o also copies the pictures into a folder next to\n"
       "FILE named after it (story-media/ for story.html), so that the export is self-contained.  For the draft format, -o names\n"
       "a folder that must not exist yet (or be empty): it receives draft.json and media/."),
    byline_cli_export },
  { "history", N_("ID"),
    N_("List the saved versions of a draft, newest first"),
    NULL,
    byline_cli_history },
  { "restore", N_("ID VERSION"),
    N_("Make an earlier version of a draft the current one"),
    N_("VERSION is a revision number from “history”.  The restored text is saved as a new\n"
       "revision, so the version it replaces stays in the history."),
    byline_cli_restore },
  { "delete", N_("ID"),
    N_("Move a draft to the trash"),
    N_("“undelete” brings it back.  The app removes drafts deleted more than 30 days ago\n"
       "for good (Preferences, “Keep deleted drafts”)."),
    byline_cli_delete },
  { "undelete", N_("ID"),
    N_("Bring a deleted draft back from the trash"),
    NULL,
    byline_cli_undelete },
  { "check", N_("ID|PATH"),
    N_("Run the preflight checks on a draft or a file"),
    N_("Checks what a story needs before it goes out: headline, lead, byline, category,\n"
       "captions, credits and alt text of the pictures, near-duplicate captions, quotes and\n"
       "brackets, doubled words, spacing, tone-mark placement, spelling (hunspell vi_VN) and\n"
       "spellings that differ from the rest of the story or the other drafts of the store.\n"
       "Exit status 1 when an error (what blocks publishing) is found, else 0."),
    byline_cli_check },
  { "account", N_("add|list|test|remove [NAME]"),
    N_("Manage the places stories are sent to"),
    N_("add NAME --kind newsroom|folder|wordpress --url URL [--user USER] adds or updates an\n"
       "account; its token or password is read from standard input (or $BYLINE_SECRET) and\n"
       "kept in the keyring, never in a file.  test NAME signs in and prints who you are."),
    byline_cli_account },
  { "publish", N_("ID"),
    N_("Send a draft to an account: save, submit, publish or schedule"),
    N_("The send goes through the outbox: it is recorded before anything is sent, retried on\n"
       "network and server failures, and stays queued when it cannot finish in --wait seconds."),
    byline_cli_publish },
  { "review", N_("list|open|publish|schedule|return|submit [ID]"),
    N_("The review queue: open, publish, schedule or return stories"),
    N_("list --from NAME shows the stories waiting for review, newest first, with their author,\n"
       "word count and preflight status.  open REMOTE_ID --from NAME downloads one with its\n"
       "pictures into the draft of the same id (merged with your changes when you had any), and\n"
       "shows the note and what changed since your version.  publish, schedule --at TIME,\n"
       "return --note TEXT and submit ID --to NAME send the draft: when someone else changed it\n"
       "meanwhile, their changes are merged with yours first, and a real conflict stops the\n"
       "send until “merge” settles it.  Preflight errors block publish and schedule unless\n"
       "--override, which is recorded on the story."),
    byline_cli_review },
  { "merge", N_("ID"),
    N_("Show or settle the conflicts of a merge"),
    N_("Lists the conflicts between your version and theirs (numbered), or settles them with\n"
       "--take N=ours|theirs|both (both: body only, yours then theirs) or --all CHOICE.  Both\n"
       "versions stay in the draft's history whatever you choose."),
    byline_cli_merge },
  { "outbox", N_("[list|retry|cancel] [JOB]"),
    N_("List, retry or cancel the sends that have not gone yet"),
    NULL,
    byline_cli_outbox },
  { "help", N_("[COMMAND]"),
    N_("Show the help of byline-cli or of one command"),
    NULL,
    byline_cli_help },
};

static const BylineCliCommand *
find_command (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

BylineDraftStore *
byline_cli_get_store (BylineCli *cli)
{
  if (cli->store == NULL)
    {
      g_autoptr(GFile) folder = NULL;

      if (cli->store_path != NULL)
        folder = g_file_new_for_commandline_arg (cli->store_path);
      cli->store = byline_draft_store_new (folder);
    }
  return cli->store;
}

char *
byline_cli_arg_to_utf8 (const char  *arg,
                        const char  *what,
                        GError     **error)
{
  char *utf8;

  if (g_utf8_validate (arg, -1, NULL))
    return g_strdup (arg);
  utf8 = g_locale_to_utf8 (arg, -1, NULL, NULL, NULL);
  if (utf8 == NULL)
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_UTF8,
                 _("%s is neither UTF-8 nor in the encoding of the locale"), what);
  return utf8;
}

/* ------------------------------------------------------------- options */

static GOptionEntry *
common_entries (gboolean  *json,
                char     **store_path)
{
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, json,
      N_("Print machine-readable JSON"), NULL },
    { "store", 0, 0, G_OPTION_ARG_FILENAME, store_path,
      N_("Use the drafts in DIR (default: $XDG_DATA_HOME/byline/drafts)"), N_("DIR") },
    G_OPTION_ENTRY_NULL
  };

  return g_memdup2 (entries, sizeof entries);
}

static GOptionContext *
command_context (const BylineCliCommand  *command,
                 const GOptionEntry      *entries,
                 gboolean                *json,
                 char                   **store_path)
{
  g_autofree GOptionEntry *common = common_entries (json, store_path);
  g_autoptr(GArray) all = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  GOptionContext *context;

  for (gsize i = 0; entries != NULL && entries[i].long_name != NULL; i++)
    g_array_append_val (all, entries[i]);
  for (gsize i = 0; common[i].long_name != NULL; i++)
    g_array_append_val (all, common[i]);

  context = g_option_context_new (command->parameters[0] ? _(command->parameters) : NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (command->description != NULL)
    g_option_context_set_description (context, _(command->description));
  g_option_context_add_main_entries (context, (GOptionEntry *) all->data, GETTEXT_PACKAGE);
  return context;
}

gboolean
byline_cli_parse_command (BylineCli           *cli,
                          const GOptionEntry  *entries,
                          int                 *argc,
                          char              ***argv,
                          int                  min_args,
                          int                  max_args,
                          GError             **error)
{
  /* Given before the command, these are in @cli already; given after it,
   * they win. */
  gboolean json = FALSE;
  g_autofree char *store_path = NULL;
  g_autoptr(GOptionContext) context = command_context (cli->command, entries, &json, &store_path);
  g_autofree char *prgname = g_strdup_printf ("byline-cli %s", cli->command->name);
  gboolean parsed;
  int n_args;

  /* The usage line of --help reads "byline-cli COMMAND [OPTION…] …". */
  g_set_prgname (prgname);
  parsed = g_option_context_parse (context, argc, argv, error);
  g_set_prgname ("byline-cli");
  if (!parsed)
    return FALSE;
  cli->json |= json;
  if (store_path != NULL)
    {
      g_free (cli->store_path);
      cli->store_path = g_steal_pointer (&store_path);
    }

  n_args = *argc - 1;
  if (n_args < min_args)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("%s: missing argument %s"), cli->command->name, _(cli->command->parameters));
      return FALSE;
    }
  if (max_args >= 0 && n_args > max_args)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("%s: unexpected argument “%s”"), cli->command->name,
                   (*argv)[1 + max_args]);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- help */

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *name = byline_cli_pad (commands[i].name, 10);
      g_string_append_printf (text, "  %s%s\n", name, _(commands[i].summary));
    }
  g_string_append_c (text, '\n');
  g_string_append (text, _("Run “byline-cli COMMAND --help” for the options of a command.\n"
                           "Exit status: 0 on success, 1 when the command failed (the reason is\n"
                           "printed on one line), 2 when the command line is wrong."));
  return g_string_free (text, FALSE);
}

static GOptionContext *
tool_context (BylineCli *cli,
              gboolean  *version)
{
  g_autofree GOptionEntry *common = common_entries (&cli->json, &cli->store_path);
  g_autofree char *description = describe_commands ();
  GOptionEntry entries[] = {
    common[0],
    common[1],
    { "version", 0, 0, G_OPTION_ARG_NONE, version, N_("Print the version and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };
  GOptionContext *context = g_option_context_new (_("COMMAND [ARGUMENT…]"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Write, import and export the drafts of Byline, "
                                           "the newsroom's editor."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  return context;
}

static gboolean
byline_cli_help (BylineCli  *cli,
                 int         argc,
                 char      **argv,
                 GError    **error)
{
  const BylineCliCommand *command;

  if (!byline_cli_parse_command (cli, NULL, &argc, &argv, 0, 1, error))
    return FALSE;

  if (argc == 1)
    {
      gboolean version = FALSE;
      g_autoptr(GOptionContext) context = tool_context (cli, &version);
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      return TRUE;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("unknown command “%s”"), argv[1]);
      return FALSE;
    }
  else
    {
      /* A command's entries live in its own function: run it with --help,
       * which prints the help and exits before the command does anything. */
      char *help_argv[] = { (char *) command->name, (char *) "--help", NULL };

      cli->command = command;
      return command->run (cli, 2, help_argv, error);
    }
}

/* -------------------------------------------------------------- errors */

static void
print_error (const char *message)
{
  g_autofree char *line = g_utf8_make_valid (message, -1);

  /* One line, always: scripts read the first line of stderr. */
  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("byline-cli: %s\n", line);
}

static void
print_usage_hint (const BylineCliCommand *command)
{
  if (command != NULL && !g_str_equal (command->name, "help"))
    g_printerr (_("Try “byline-cli %s --help” for more information.\n"), command->name);
  else
    g_printerr (_("Try “byline-cli --help” for more information.\n"));
}

/* Text goes out as UTF-8 whatever the locale's encoding: in the C locale of
 * a cron job or a container, g_print() would turn Vietnamese into question
 * marks, and scripts read this output (as Python does since PEP 538). */
static void
print_utf8 (const char *text)
{
  fputs (text, stdout);
}

static void
printerr_utf8 (const char *text)
{
  fputs (text, stderr);
  fflush (stderr);
}

int
main (int    argc,
      char **argv)
{
  BylineCli cli = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const BylineCliCommand *command;
  gboolean version = FALSE;
  gboolean ok;

  setlocale (LC_ALL, "");
  /* As the app does: meson devenv and the tests point at the translations just built. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BYLINE_LOCALEDIR") ? g_getenv ("BYLINE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_print_handler (print_utf8);
  g_set_printerr_handler (printerr_utf8);
  g_set_prgname ("byline-cli");

  context = tool_context (&cli, &version);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error (error->message);
      print_usage_hint (NULL);
      return BYLINE_CLI_EXIT_USAGE;
    }
  if (version)
    {
      g_print ("byline-cli %s\n", PACKAGE_VERSION);
      return BYLINE_CLI_EXIT_OK;
    }
  if (argc < 2)
    {
      print_error (_("no command given"));
      print_usage_hint (NULL);
      return BYLINE_CLI_EXIT_USAGE;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[1]);
      print_error (message);
      print_usage_hint (NULL);
      return BYLINE_CLI_EXIT_USAGE;
    }

  cli.command = command;
  ok = command->run (&cli, argc - 1, argv + 1, &error);
  g_clear_object (&cli.store);
  g_free (cli.store_path);

  if (ok)
    return BYLINE_CLI_EXIT_OK;

  g_assert (error != NULL);
  print_error (error->message);
  if (error->domain == G_OPTION_ERROR)
    {
      print_usage_hint (cli.command);
      return BYLINE_CLI_EXIT_USAGE;
    }
  return BYLINE_CLI_EXIT_FAILED;
}
