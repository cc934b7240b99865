/* byline-cli-publish.c — account, publish, outbox: sending from a terminal
 *
 * Secrets come from standard input (or $BYLINE_SECRET), never from the
 * command line, and go to the keyring; nothing here prints them.  `publish`
 * goes through the same outbox as the window: the job is on disk before
 * anything is sent, and a send that cannot finish stays there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Cli"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "byline-cli.h"
#include "byline-accounts.h"
#include "byline-folder-destination.h"
#include "byline-outbox.h"
#include "byline-review.h"

#define SECRET_ENV       "BYLINE_SECRET"
#define SECRET_MAX_BYTES 4096
#define DEFAULT_WAIT     300

/* ------------------------------------------------------------- helpers */

static char *
read_line_from_tty (const char  *prompt,
                    GError     **error)
{
  struct termios saved, quiet;
  char buffer[SECRET_MAX_BYTES];
  gboolean echo_off;
  char *line;

  fputs (prompt, stderr);
  fflush (stderr);
  echo_off = tcgetattr (STDIN_FILENO, &saved) == 0;
  if (echo_off)
    {
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  line = fgets (buffer, sizeof buffer, stdin);
  if (echo_off)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  fputc ('\n', stderr);
  if (line == NULL)
    return g_strdup ("");
  line = g_strdup (buffer);
  memset (buffer, 0, sizeof buffer);
  return line;
}

/* The secret from $BYLINE_SECRET, or the first line of standard input. */
static char *
read_secret (const char  *account,
             GError     **error)
{
  const char *from_env = g_getenv (SECRET_ENV);
  g_autofree char *text = NULL;
  char *secret;

  if (from_env != NULL && *from_env != '\0')
    text = g_strdup (from_env);
  else if (isatty (STDIN_FILENO))
    {
      g_autofree char *prompt = g_strdup_printf (_("Token or password for “%s”: "), account);

      text = read_line_from_tty (prompt, error);
    }
  else
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      char buffer[SECRET_MAX_BYTES + 1] = { 0 };
      gsize length = 0;

      if (!g_input_stream_read_all (in, buffer, SECRET_MAX_BYTES, &length, NULL, error))
        return NULL;
      text = g_strndup (buffer, length);
      memset (buffer, 0, sizeof buffer);
    }
  if (text == NULL)
    return NULL;

  secret = g_strndup (text, strcspn (text, "\r\n"));
  memset (text, 0, strlen (text));
  if (*secret == '\0' || !g_utf8_validate (secret, -1, NULL))
    {
      g_free (secret);
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("No token or password for “%s”: give it on standard input or in $%s"),
                   account, SECRET_ENV);
      return NULL;
    }
  return secret;
}

static BylineAccounts *
load_accounts (GError **error)
{
  g_autoptr(BylineAccounts) accounts = byline_accounts_new (NULL);

  if (!byline_accounts_load (accounts, error))
    return NULL;
  return g_steal_pointer (&accounts);
}

static BylineDestination *
open_destination (BylineAccounts  *accounts,
                  const char      *name,
                  GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (byline_accounts_lookup (accounts, name) == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                   _("There is no account “%s”: add it with “byline-cli account add”"), name);
      return NULL;
    }
  byline_accounts_create_destination_async (accounts, name, NULL, byline_cli_got_result, &result);
  return byline_accounts_create_destination_finish (accounts, byline_cli_wait_result (&result), error);
}

/* ------------------------------------------------------------ account */

/* A folder named for an account is the newsroom's from now on: made if need
 * be, and marked (see byline-folder-destination.h), as the window does when
 * its account is saved. */
static gboolean
take_folder (BylineAccounts  *accounts,
             const char      *name,
             GError         **error)
{
  g_autoptr(BylineDestination) destination = open_destination (accounts, name, error);
  g_autoptr(BylineIdentity) identity = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  if (destination == NULL)
    return FALSE;
  byline_folder_destination_set_chosen (BYLINE_FOLDER_DESTINATION (destination), TRUE);
  byline_destination_check_async (destination, NULL, byline_cli_got_result, &result);
  identity = byline_destination_check_finish (destination, byline_cli_wait_result (&result), error);
  if (identity == NULL)
    g_prefix_error (error, _("The account “%s” is kept, but its folder cannot be used: "), name);
  return identity != NULL;
}

static gboolean
account_add (BylineCli       *cli,
             BylineAccounts  *accounts,
             const char      *name_arg,
             const char      *kind_arg,
             const char      *url,
             const char      *user,
             GError         **error)
{
  g_autofree char *name = byline_cli_arg_to_utf8 (name_arg, _("The account name"), error);
  g_autoptr(BylineAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *secret = NULL;
  BylineAccountKind kind;
  gboolean existed;

  if (name == NULL)
    return FALSE;
  if (kind_arg == NULL || url == NULL)
    return byline_cli_usage_error (error, _("account add: --kind and --url are required%s"), "");
  if (!byline_account_kind_from_string (kind_arg, &kind))
    return byline_cli_usage_error (error, _("account add: unknown kind “%s” (folder, newsroom or wordpress)"), kind_arg);

  account = byline_account_new (name, kind, url, user);
  existed = byline_accounts_lookup (accounts, name) != NULL;
  if (byline_account_needs_secret (account) && (secret = read_secret (name, error)) == NULL)
    return FALSE;

  byline_accounts_save_async (accounts, account, secret, NULL, byline_cli_got_result, &result);
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  if (!byline_accounts_save_finish (accounts, byline_cli_wait_result (&result), error))
    return FALSE;
  if (kind == BYLINE_ACCOUNT_FOLDER && !take_folder (accounts, byline_account_get_name (account), error))
    return FALSE;
  return byline_cli_say (error, existed ? _("Updated the account “%s”.\n") : _("Added the account “%s”.\n"),
              byline_account_get_name (account));
}

static gboolean
account_list (BylineCli       *cli,
              BylineAccounts  *accounts,
              GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (accounts));

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylineAccount) account = g_list_model_get_item (G_LIST_MODEL (accounts), i);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) keyring_error = NULL;
      const char *name = byline_account_get_name (account);
      const char *kind = byline_account_kind_to_string (byline_account_get_kind (account));
      const char *secret_state;
      gboolean kept;

      byline_accounts_has_secret_async (accounts, name, NULL, byline_cli_got_result, &result);
      kept = byline_accounts_has_secret_finish (accounts, byline_cli_wait_result (&result), &keyring_error);
      secret_state = !byline_account_needs_secret (account) ? "-"
                   : keyring_error != NULL ? _("keyring unavailable")
                   : kept ? _("kept") : _("missing");

      if (cli->json)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, name);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, kind);
          json_builder_set_member_name (builder, "url");
          json_builder_add_string_value (builder, byline_account_get_url (account));
          json_builder_set_member_name (builder, "user");
          json_builder_add_string_value (builder, byline_account_get_user (account));
          json_builder_set_member_name (builder, "secret_kept");
          json_builder_add_boolean_value (builder, kept);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *padded_name = byline_cli_pad (name, 24);
          g_autofree char *padded_kind = byline_cli_pad (kind, 10);

          if (!byline_cli_say (error, "%s %s %s  %s  %s\n", padded_name, padded_kind,
                    byline_account_get_url (account),
                    byline_account_get_user (account) ? byline_account_get_user (account) : "-",
                    secret_state))
            return FALSE;
        }
    }
  json_builder_end_array (builder);

  if (cli->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);

      return byline_cli_print_json (root, error);
    }
  return TRUE;
}

static gboolean
account_test (BylineCli       *cli,
              BylineAccounts  *accounts,
              const char      *name,
              GError         **error)
{
  g_autoptr(BylineDestination) destination = open_destination (accounts, name, error);
  g_autoptr(BylineIdentity) identity = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *roles = NULL;

  if (destination == NULL)
    return FALSE;
  /* Named on the command line: the newsroom's folder from now on. */
  if (BYLINE_IS_FOLDER_DESTINATION (destination))
    byline_folder_destination_set_chosen (BYLINE_FOLDER_DESTINATION (destination), TRUE);
  byline_destination_check_async (destination, NULL, byline_cli_got_result, &result);
  identity = byline_destination_check_finish (destination, byline_cli_wait_result (&result), error);
  if (identity == NULL)
    return FALSE;
  roles = byline_roles_to_string (identity->roles);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "account");
      json_builder_add_string_value (builder, byline_destination_get_name (destination));
      json_builder_set_member_name (builder, "user");
      json_builder_add_string_value (builder, identity->user);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, identity->display_name);
      json_builder_set_member_name (builder, "editor");
      json_builder_add_boolean_value (builder, (identity->roles & BYLINE_ROLE_EDITOR) != 0);
      json_builder_set_member_name (builder, "reporter");
      json_builder_add_boolean_value (builder, (identity->roles & BYLINE_ROLE_REPORTER) != 0);
      if (identity->role_name != NULL)
        {
          json_builder_set_member_name (builder, "role");
          json_builder_add_string_value (builder, identity->role_name);
        }
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      return byline_cli_print_json (root, error);
    }
  if (identity->role_name != NULL)
    return byline_cli_say (error, _("“%s”: signed in as %s (%s), role: %s (there: %s).\n"),
                byline_destination_get_name (destination), identity->display_name, identity->user, roles,
                identity->role_name);
  return byline_cli_say (error, _("“%s”: signed in as %s (%s), role: %s.\n"), byline_destination_get_name (destination),
              identity->display_name, identity->user, roles);
}

gboolean
byline_cli_account (BylineCli  *cli,
                    int         argc,
                    char      **argv,
                    GError    **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("add: folder, newsroom or wordpress"), N_("KIND") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("add: the address (a folder for a folder account)"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("add: the user name there"), N_("USER") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(BylineAccounts) accounts = NULL;
  const char *action;

  if (!byline_cli_parse_command (cli, entries, &argc, &argv, 1, 2, error))
    return FALSE;
  action = argv[1];

  if (!g_str_equal (action, "list") && argc < 3)
    return byline_cli_usage_error (error, _("account %s: missing argument NAME"), action);
  if (g_str_equal (action, "list") && argc > 2)
    return byline_cli_usage_error (error, _("account list: unexpected argument “%s”"), argv[2]);
  if (!g_strv_contains ((const char * const[]) { "add", "list", "test", "remove", NULL }, action))
    return byline_cli_usage_error (error, _("account: unknown action “%s” (add, list, test or remove)"), action);

  if ((accounts = load_accounts (error)) == NULL)
    return FALSE;

  if (g_str_equal (action, "add"))
    return account_add (cli, accounts, argv[2], kind, url, user, error);
  if (g_str_equal (action, "list"))
    return account_list (cli, accounts, error);
  if (g_str_equal (action, "test"))
    return account_test (cli, accounts, argv[2], error);

  {
    g_autoptr(GAsyncResult) result = NULL;

    byline_accounts_remove_async (accounts, argv[2], NULL, byline_cli_got_result, &result);
    if (!byline_accounts_remove_finish (accounts, byline_cli_wait_result (&result), error))
      return FALSE;
    return byline_cli_say (error, _("Removed the account “%s” and its secret.\n"), argv[2]);
  }
}

/* ------------------------------------------------------- outbox, running */

typedef struct
{
  GPtrArray *jobs;
} Pending;

static gboolean
all_settled (gpointer data)
{
  Pending *pending = data;

  for (guint i = 0; i < pending->jobs->len; i++)
    {
      BylineOutboxJobState state = byline_outbox_job_get_state (g_ptr_array_index (pending->jobs, i));

      if (state != BYLINE_OUTBOX_JOB_SENT && state != BYLINE_OUTBOX_JOB_FAILED)
        return FALSE;
    }
  return TRUE;
}

static gboolean
deadline_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs @outbox until every job of @jobs is sent or failed, or @seconds pass. */
static void
run_outbox (BylineOutbox *outbox,
            GPtrArray    *jobs,
            guint         seconds)
{
  Pending pending = { jobs };
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, deadline_cb, &timed_out);

  byline_outbox_start (outbox);
  while (!all_settled (&pending) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  byline_outbox_stop (outbox);
  /* A send stopped mid-way notes itself as queued again before we leave. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static JsonNode *
job_to_json (BylineOutboxJob *job)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "job");
  json_builder_add_string_value (builder, byline_outbox_job_get_id (job));
  json_builder_set_member_name (builder, "draft");
  json_builder_add_string_value (builder, byline_outbox_job_get_draft_id (job));
  json_builder_set_member_name (builder, "destination");
  json_builder_add_string_value (builder, byline_outbox_job_get_destination (job));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, byline_status_to_string (byline_outbox_job_get_status (job)));
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, byline_outbox_job_state_to_string (byline_outbox_job_get_state (job)));
  json_builder_set_member_name (builder, "attempts");
  json_builder_add_int_value (builder, byline_outbox_job_get_attempts (job));
  json_builder_set_member_name (builder, "reason");
  if (byline_outbox_job_get_error_message (job) != NULL)
    json_builder_add_string_value (builder, byline_outbox_job_get_error_message (job));
  else
    json_builder_add_null_value (builder);
  if (byline_outbox_job_get_remote_version (job) != NULL)
    {
      json_builder_set_member_name (builder, "remote_id");
      json_builder_add_string_value (builder, byline_outbox_job_get_remote_id (job));
      json_builder_set_member_name (builder, "remote_version");
      json_builder_add_string_value (builder, byline_outbox_job_get_remote_version (job));
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
job_line (BylineOutboxJob *job)
{
  g_autofree char *id = g_strndup (byline_outbox_job_get_id (job), 8);
  g_autofree char *draft = g_strndup (byline_outbox_job_get_draft_id (job), 8);
  g_autofree char *state = byline_cli_pad (byline_outbox_job_state_to_string (byline_outbox_job_get_state (job)), 8);
  g_autofree char *status = byline_cli_pad (byline_status_to_string (byline_outbox_job_get_status (job)), 10);
  const char *reason = byline_outbox_job_get_error_message (job);

  return g_strdup_printf ("%s  %s %s %s  %s  %u%s%s\n", id, state, status, draft,
                          byline_outbox_job_get_destination (job), byline_outbox_job_get_attempts (job),
                          reason ? "  " : "", reason ? reason : "");
}

/* Adds the destinations @jobs are for; the accounts that are missing or
 * lack a secret are reported in the jobs' outcome, not here. */
static gboolean
add_destinations (BylineOutbox  *outbox,
                  GPtrArray     *jobs,
                  GError       **error)
{
  g_autoptr(BylineAccounts) accounts = load_accounts (error);

  if (accounts == NULL)
    return FALSE;
  for (guint i = 0; i < jobs->len; i++)
    {
      const char *name = byline_outbox_job_get_destination (g_ptr_array_index (jobs, i));
      g_autoptr(BylineDestination) destination = NULL;

      if (byline_outbox_lookup_destination (outbox, name) != NULL)
        continue;
      destination = open_destination (accounts, name, error);
      if (destination == NULL)
        return FALSE;
      byline_outbox_add_destination (outbox, destination);
    }
  return TRUE;
}

/* ------------------------------------------------------------- publish */

/* Errors of the preflight checks block publishing and scheduling unless
 * @override, which is recorded on the story (and saved) before it goes. */
static gboolean
check_before_publishing (BylineCli      *cli,
                         BylineArticle  *article,
                         BylineStatus    status,
                         gboolean        override,
                         GError        **error)
{
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) codes = NULL;
  g_autoptr(BylineFinding) first = NULL;
  guint n_errors = 0;

  if (status != BYLINE_STATUS_PUBLISHED && status != BYLINE_STATUS_SCHEDULED)
    return TRUE;
  findings = byline_check_article (article, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);

      if (byline_finding_get_severity (finding) != BYLINE_SEVERITY_ERROR)
        continue;
      if (first == NULL)
        first = g_object_ref (finding);
      g_strv_builder_add (builder, byline_finding_get_code (finding));
      n_errors++;
    }
  if (n_errors == 0)
    return TRUE;
  if (!override)
    {
      g_autofree char *where = byline_finding_dup_location (first, article);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "publish: %u error blocks publishing (%s: %s); fix it (see “byline-cli check”), "
                                "or --override",
                                "publish: %u errors block publishing (first, %s: %s); fix them (see “byline-cli "
                                "check”), or --override",
                                n_errors),
                   n_errors, where, byline_finding_get_message (first));
      return FALSE;
    }
  codes = g_strv_builder_end (builder);
  byline_review_record_override (article, NULL, status, (const char * const *) codes);
  return byline_draft_store_save (byline_cli_get_store (cli), article, error);
}

gboolean
byline_cli_publish (BylineCli  *cli,
                    int         argc,
                    char      **argv,
                    GError    **error)
{
  g_autofree char *to = NULL;
  g_autofree char *status_arg = NULL;
  g_autofree char *at = NULL;
  g_autofree char *note_arg = NULL;
  int wait = DEFAULT_WAIT;
  gboolean override = FALSE;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The account to send to (required)"), N_("NAME") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_arg,
      N_("draft, submitted (default), published or scheduled"), N_("STATUS") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("scheduled: when, as 2025-08-11T06:30+07:00"), N_("TIME") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note_arg, N_("A note for the editor"), N_("TEXT") },
    { "wait", 0, 0, G_OPTION_ARG_INT, &wait,
      N_("Seconds to wait for the send (default 300; 0: only queue it)"), N_("SECONDS") },
    { "override", 0, 0, G_OPTION_ARG_NONE, &override,
      N_("Publish in spite of preflight errors (recorded on the story)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(BylineAccounts) accounts = NULL;
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(BylineOutbox) outbox = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GDateTime) publish_at = NULL;
  g_autoptr(GPtrArray) jobs = g_ptr_array_new ();
  g_autofree char *id = NULL;
  g_autofree char *note = NULL;
  BylineStatus status = BYLINE_STATUS_SUBMITTED;
  BylineOutboxJob *job;

  if (!byline_cli_parse_command (cli, entries, &argc, &argv, 1, 1, error))
    return FALSE;
  if (to == NULL)
    return byline_cli_usage_error (error, _("publish: --to NAME is required%s"), "");
  if (status_arg != NULL
      && (!byline_status_from_string (status_arg, &status) || status == BYLINE_STATUS_RETURNED))
    return byline_cli_usage_error (error, _("publish: unknown status “%s” (draft, submitted, published or scheduled)"),
                        status_arg);
  if (at != NULL)
    {
      publish_at = byline_cli_parse_time (at);
      if (publish_at == NULL)
        return byline_cli_usage_error (error, _("publish: “%s” is not a date and time like 2025-08-11T06:30+07:00"), at);
    }
  if (status == BYLINE_STATUS_SCHEDULED && publish_at == NULL)
    return byline_cli_usage_error (error, _("publish: --status scheduled needs --at TIME%s"), "");
  if (wait < 0)
    return byline_cli_usage_error (error, _("publish: --wait takes a number of seconds%s"), "");
  if (note_arg != NULL && (note = byline_cli_arg_to_utf8 (note_arg, _("The note"), error)) == NULL)
    return FALSE;

  if ((id = byline_cli_resolve_id (cli, argv[1], FALSE, error)) == NULL)
    return FALSE;
  if ((article = byline_draft_store_load (byline_cli_get_store (cli), id, error)) == NULL)
    return FALSE;
  if (!check_before_publishing (cli, article, status, override, error))
    return FALSE;
  if ((accounts = load_accounts (error)) == NULL
      || (destination = open_destination (accounts, to, error)) == NULL)
    return FALSE;

  outbox = byline_outbox_new (byline_cli_get_store (cli), NULL);
  if (!byline_outbox_load (outbox, error))
    return FALSE;
  byline_outbox_add_destination (outbox, destination);
  job = byline_outbox_enqueue (outbox, id, byline_destination_get_name (destination), status, note,
                               publish_at, error);
  if (job == NULL)
    return FALSE;

  if (wait > 0)
    {
      g_ptr_array_add (jobs, job);
      run_outbox (outbox, jobs, wait);
    }

  if (byline_outbox_job_get_state (job) == BYLINE_OUTBOX_JOB_FAILED)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED, _("Not sent: %s"),
                   byline_outbox_job_get_error_message (job));
      return FALSE;
    }
  if (wait > 0 && byline_outbox_job_get_state (job) != BYLINE_OUTBOX_JOB_SENT)
    {
      const char *reason = byline_outbox_job_get_error_message (job);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NETWORK,
                   _("Not sent yet (%s); it stays in the outbox: “byline-cli outbox retry” sends it"),
                   reason ? reason : _("no answer in time"));
      return FALSE;
    }

  if (cli->json)
    {
      g_autoptr(JsonNode) root = job_to_json (job);

      return byline_cli_print_json (root, error);
    }
  if (wait == 0)
    return byline_cli_say (error, _("Queued for “%s”: job %s.\n"), to, byline_outbox_job_get_id (job));
  return byline_cli_say (error, _("Sent “%s” to “%s” as %s.\n"), byline_article_get_headline (article),
              byline_destination_get_name (destination), byline_cli_status_label (status));
}

/* -------------------------------------------------------------- outbox */

static BylineOutboxJob *
find_job (BylineOutbox  *outbox,
          const char    *prefix,
          GError       **error)
{
  BylineOutboxJob *found = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (outbox));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylineOutboxJob) job = g_list_model_get_item (G_LIST_MODEL (outbox), i);

      if (strlen (prefix) >= 4 && g_str_has_prefix (byline_outbox_job_get_id (job), prefix))
        {
          if (found != NULL)
            {
              g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                           _("“%s” names more than one job: give more of its id"), prefix);
              return NULL;
            }
          found = job;
        }
    }
  if (found == NULL)
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND, _("There is no job “%s” in the outbox"), prefix);
  return found;
}

gboolean
byline_cli_outbox (BylineCli  *cli,
                   int         argc,
                   char      **argv,
                   GError    **error)
{
  int wait = DEFAULT_WAIT;
  GOptionEntry entries[] = {
    { "wait", 0, 0, G_OPTION_ARG_INT, &wait, N_("retry: seconds to wait for the sends (default 300)"),
      N_("SECONDS") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(BylineOutbox) outbox = NULL;
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func (g_object_unref);
  const char *action;
  guint n;

  if (!byline_cli_parse_command (cli, entries, &argc, &argv, 0, 2, error))
    return FALSE;
  action = argc > 1 ? argv[1] : "list";
  if (!g_strv_contains ((const char * const[]) { "list", "retry", "cancel", NULL }, action))
    return byline_cli_usage_error (error, _("outbox: unknown action “%s” (list, retry or cancel)"), action);
  if (g_str_equal (action, "cancel") && argc < 3)
    return byline_cli_usage_error (error, _("outbox cancel: missing argument JOB%s"), "");
  if (g_str_equal (action, "list") && argc > 2)
    return byline_cli_usage_error (error, _("outbox list: unexpected argument “%s”"), argv[2]);

  outbox = byline_outbox_new (byline_cli_get_store (cli), NULL);
  if (!byline_outbox_load (outbox, error))
    return FALSE;

  if (g_str_equal (action, "cancel"))
    {
      BylineOutboxJob *job = find_job (outbox, argv[2], error);
      g_autofree char *id = NULL;

      if (job == NULL)
        return FALSE;
      id = g_strdup (byline_outbox_job_get_id (job));
      if (!byline_outbox_cancel (outbox, id, error))
        return FALSE;
      return byline_cli_say (error, _("Cancelled job %s.\n"), id);
    }

  if (argc > 2)
    {
      BylineOutboxJob *job = find_job (outbox, argv[2], error);

      if (job == NULL)
        return FALSE;
      g_ptr_array_add (jobs, g_object_ref (job));
    }
  else
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (outbox));
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (jobs, g_list_model_get_item (G_LIST_MODEL (outbox), i));
    }

  if (g_str_equal (action, "retry"))
    {
      gboolean all_sent = TRUE;

      if (!add_destinations (outbox, jobs, error))
        return FALSE;
      for (guint i = 0; i < jobs->len; i++)
        if (!byline_outbox_retry (outbox, byline_outbox_job_get_id (g_ptr_array_index (jobs, i)), error))
          return FALSE;
      run_outbox (outbox, jobs, MAX (wait, 1));
      for (guint i = 0; i < jobs->len; i++)
        all_sent &= byline_outbox_job_get_state (g_ptr_array_index (jobs, i)) == BYLINE_OUTBOX_JOB_SENT;
      if (!all_sent)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED,
                       _("Not everything was sent: see “byline-cli outbox list”"));
          return FALSE;
        }
    }

  if (cli->json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < jobs->len; i++)
        json_array_add_element (array, job_to_json (g_ptr_array_index (jobs, i)));
      json_node_set_array (root, array);
      return byline_cli_print_json (root, error);
    }
  for (guint i = 0; i < jobs->len; i++)
    {
      g_autofree char *line = job_line (g_ptr_array_index (jobs, i));

      if (!byline_cli_write_stdout (line, strlen (line), error))
        return FALSE;
    }
  return TRUE;
}
