/* byline-cli-review.c — review and merge: the editors' desk from a terminal
 *
 *   review list --from ACCOUNT [--status STATUS]
 *   review open REMOTE_ID --from ACCOUNT
 *   review publish|schedule|return|submit ID --to ACCOUNT [--note TEXT] [--at TIME] [--override]
 *   merge ID --from ACCOUNT [--take N=ours|theirs|both]… [--all ours|theirs]
 *
 * Sends go straight to the destination (not through the outbox): a conflict
 * is merged at once, or stops with the conflicts for `merge` to settle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "byline-cli.h"
#include "byline-accounts.h"
#include "byline-diff.h"
#include "byline-merge.h"
#include "byline-review.h"

static BylineDestination *
open_destination (const char     *name,
                  char          **user,
                  GError        **error)
{
  g_autoptr(BylineAccounts) accounts = byline_accounts_new (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  BylineAccount *account;

  if (!byline_accounts_load (accounts, error))
    return NULL;
  account = byline_accounts_lookup (accounts, name);
  if (account == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                   _("There is no account “%s”: add it with “byline-cli account add”"), name);
      return NULL;
    }
  if (user != NULL)
    *user = g_strdup (byline_account_get_user (account));
  byline_accounts_create_destination_async (accounts, name, NULL, byline_cli_got_result, &result);
  return byline_accounts_create_destination_finish (accounts, byline_cli_wait_result (&result), error);
}

static char *
short_id (const char *id)
{
  return g_strndup (id, 8);
}

/* ------------------------------------------------------------------ list */

static char *
preflight_label (const BylineRemoteStory *story)
{
  if (story->problem != NULL)
    return g_strdup (_("damaged"));
  if (story->not_checked != NULL)
    return g_strdup (_("not checked"));
  if (story->n_errors > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", story->n_errors),
                            story->n_errors);
  if (story->n_warnings > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", story->n_warnings),
                            story->n_warnings);
  return g_strdup (_("ready"));
}

static gboolean
review_list (BylineCli          *cli,
             BylineDestination  *destination,
             BylineStatus        status,
             GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) stories = NULL;

  byline_review_list_async (destination, status, NULL, NULL, byline_cli_got_result, &result);
  stories = byline_review_list_finish (destination, byline_cli_wait_result (&result), error);
  if (stories == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < stories->len; i++)
        json_array_add_element (array, byline_remote_story_to_json (g_ptr_array_index (stories, i)));
      json_node_set_array (root, array);
      return byline_cli_print_json (root, error);
    }
  for (guint i = 0; i < stories->len; i++)
    {
      BylineRemoteStory *story = g_ptr_array_index (stories, i);
      g_autofree char *id = short_id (story->remote_id);
      g_autofree char *when = byline_cli_format_time (story->submitted ? story->submitted : story->updated);
      g_autofree char *preflight = preflight_label (story);
      g_autofree char *preflight_p = byline_cli_pad (preflight, 10);
      g_autofree char *author = byline_cli_pad (story->author ? story->author : "-", 22);
      g_autofree char *category = byline_cli_pad (story->category ? story->category : "-", 10);

      if (!byline_cli_say (error, "%s  %s  %5u  %s %s %s %s\n", id, when, story->word_count, preflight_p, author,
                category, story->headline ? story->headline : ""))
        return FALSE;
      /* Why, under it: the editor tells the reporter to send it again, or
       * lists the queue again once the line is back. */
      if ((story->problem != NULL || story->not_checked != NULL)
          && !byline_cli_say (error, "          %s\n", story->problem ? story->problem : story->not_checked))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------ conflicts */

static gboolean
print_conflicts (BylineMerge  *merge,
                 const char   *id,
                 const char   *account,
                 GError      **error)
{
  guint n = byline_merge_get_n_conflicts (merge);

  for (guint i = 0; i < n; i++)
    {
      const BylineMergeConflict *conflict = byline_merge_get_conflict (merge, i);

      if (!byline_cli_say (error, _("%u. %s (%s)\n   yours:  %s\n   theirs: %s\n"), i + 1, conflict->label,
                byline_merge_choice_to_string (conflict->choice), conflict->ours_text, conflict->theirs_text))
        return FALSE;
    }
  if (!byline_merge_is_resolved (merge))
    return byline_cli_say (error, _("Choose with “byline-cli merge %s --from %s --take N=ours|theirs”; until then the "
                         "draft keeps yours.\n"), id, account);
  return TRUE;
}

/* ------------------------------------------------------------------ open */

static gboolean
review_open (BylineCli          *cli,
             BylineDestination  *destination,
             const char         *remote_id,
             GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineReviewOpened) opened = NULL;
  const char *account = byline_destination_get_name (destination);
  const char *id;

  byline_review_open_async (byline_cli_get_store (cli), destination, remote_id, NULL, byline_cli_got_result, &result);
  opened = byline_review_open_finish (byline_cli_get_store (cli), byline_cli_wait_result (&result), error);
  if (opened == NULL)
    return FALSE;
  id = byline_article_get_id (opened->article);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "draft");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "created");
      json_builder_add_boolean_value (builder, opened->created);
      json_builder_set_member_name (builder, "story");
      json_builder_add_value (builder, byline_remote_story_to_json (opened->story));
      json_builder_set_member_name (builder, "changes");
      if (opened->changes != NULL)
        json_builder_add_value (builder, byline_diff_to_json (opened->changes));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "conflicts");
      if (opened->merge != NULL)
        json_builder_add_value (builder, byline_merge_conflicts_to_json (opened->merge));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      return byline_cli_print_json (root, error);
    }

  if (!byline_cli_say (error, _("Opened “%s” (%s) as the draft %s.\n"), byline_article_get_headline (opened->article),
            byline_status_to_string (opened->story->status), id))
    return FALSE;
  if (opened->story->note != NULL && *opened->story->note != '\0'
      && !byline_cli_say (error, _("Note: %s\n"), opened->story->note))
    return FALSE;
  if (opened->changes != NULL && opened->changes->len > 0)
    {
      g_autofree char *text = byline_diff_to_text (opened->changes);

      if (!byline_cli_say (error, _("Changed on “%s” since your version:\n\n%s"), account, text))
        return FALSE;
    }
  if (opened->merge != NULL)
    {
      if (byline_merge_is_resolved (opened->merge))
        return byline_cli_say (error, _("Your own changes since were kept: they touched other parts of the story.\n"));
      if (!byline_cli_say (error, _("Your own changes since conflict with these:\n")))
        return FALSE;
      return print_conflicts (opened->merge, id, account, error);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ send */

static gboolean
review_send (BylineCli          *cli,
             BylineDestination  *destination,
             const char         *who,
             const char         *arg,
             BylineStatus        status,
             const char         *note,
             GDateTime          *publish_at,
             gboolean            override_checks,
             GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineSendReceipt) receipt = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autofree char *id = NULL;
  BylineReviewSendOptions options = {
    .status = status,
    .note = note,
    .publish_at = publish_at,
    .override_checks = override_checks,
    .who = who,
  };
  gboolean merged = FALSE;

  if ((id = byline_cli_resolve_id (cli, arg, FALSE, error)) == NULL)
    return FALSE;
  byline_review_send_async (byline_cli_get_store (cli), destination, id, &options, NULL, byline_cli_got_result, &result);
  receipt = byline_review_send_finish (byline_cli_get_store (cli), byline_cli_wait_result (&result), &merged, error);
  if (receipt == NULL)
    {
      if (error != NULL && g_error_matches (*error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT))
        g_prefix_error (error, _("Not sent: "));
      if (error != NULL && g_error_matches (*error, BYLINE_ERROR, BYLINE_ERROR_INVALID) && !override_checks
          && (status == BYLINE_STATUS_PUBLISHED || status == BYLINE_STATUS_SCHEDULED))
        {
          g_autofree char *message = g_strdup_printf (_("%s (--override publishes anyway, and says so on the story)"),
                                                      (*error)->message);

          g_free ((*error)->message);
          (*error)->message = g_steal_pointer (&message);
        }
      return FALSE;
    }
  article = byline_draft_store_load (byline_cli_get_store (cli), id, error);
  if (article == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "draft");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, byline_status_to_string (status));
      json_builder_set_member_name (builder, "remote_version");
      json_builder_add_string_value (builder, receipt->remote_version);
      json_builder_set_member_name (builder, "merged");
      json_builder_add_boolean_value (builder, merged);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      return byline_cli_print_json (root, error);
    }
  if (merged && !byline_cli_say (error, _("Someone else had changed it meanwhile; their changes were merged with yours.\n")))
    return FALSE;
  if (status == BYLINE_STATUS_SCHEDULED)
    {
      g_autofree char *when = byline_cli_format_time (publish_at);

      return byline_cli_say (error, _("Scheduled “%s” on “%s” for %s.\n"), byline_article_get_headline (article),
                  byline_destination_get_name (destination), when);
    }
  return byline_cli_say (error, _("Sent “%s” to “%s” as %s.\n"), byline_article_get_headline (article),
              byline_destination_get_name (destination), byline_cli_status_label (status));
}

gboolean
byline_cli_review (BylineCli  *cli,
                   int         argc,
                   char      **argv,
                   GError    **error)
{
  g_autofree char *account = NULL;
  g_autofree char *status_arg = NULL;
  g_autofree char *note_arg = NULL;
  g_autofree char *at = NULL;
  gboolean override_checks = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &account, N_("The account (list, open)"), N_("NAME") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &account, N_("The account (publish, schedule, return, submit)"), N_("NAME") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_arg, N_("list: the stories with this status (default submitted)"),
      N_("STATUS") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note_arg, N_("A note for the reporter or the editor, never published"),
      N_("TEXT") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("schedule: when, as 2025-08-11T06:30+07:00"), N_("TIME") },
    { "override", 0, 0, G_OPTION_ARG_NONE, &override_checks,
      N_("publish, schedule: in spite of preflight errors (recorded on the story)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  static const char * const actions[] = { "list", "open", "publish", "schedule", "return", "submit", NULL };
  g_autoptr(BylineDestination) destination = NULL;
  g_autoptr(GDateTime) publish_at = NULL;
  g_autofree char *note = NULL;
  g_autofree char *user = NULL;
  BylineStatus status = BYLINE_STATUS_SUBMITTED;
  const char *action;

  if (!byline_cli_parse_command (cli, entries, &argc, &argv, 1, 2, error))
    return FALSE;
  action = argv[1];
  if (!g_strv_contains (actions, action))
    return byline_cli_usage_error (error, _("review: unknown action “%s” (list, open, publish, schedule, return or submit)"),
                        action);
  if (g_str_equal (action, "list") ? argc > 2 : argc < 3)
    return byline_cli_usage_error (error, g_str_equal (action, "list") ? _("review list: unexpected argument “%s”")
                                                            : _("review %s: missing argument ID"),
                        g_str_equal (action, "list") ? argv[2] : action);
  if (account == NULL)
    return byline_cli_usage_error (error, _("review %s: --from NAME (or --to NAME) is required"), action);
  if (status_arg != NULL && !byline_status_from_string (status_arg, &status))
    return byline_cli_usage_error (error, _("review: unknown status “%s”"), status_arg);
  if (g_str_equal (action, "schedule"))
    {
      if (at == NULL || (publish_at = byline_cli_parse_time (at)) == NULL)
        return byline_cli_usage_error (error, _("review schedule: --at TIME is required, like 2025-08-11T06:30+07:00%s"), "");
    }
  if (g_str_equal (action, "return") && note_arg == NULL)
    return byline_cli_usage_error (error, _("review return: --note TEXT is required: say what to fix%s"), "");
  if (note_arg != NULL && (note = byline_cli_arg_to_utf8 (note_arg, _("The note"), error)) == NULL)
    return FALSE;

  if ((destination = open_destination (account, &user, error)) == NULL)
    return FALSE;

  if (g_str_equal (action, "list"))
    return review_list (cli, destination, status, error);
  if (g_str_equal (action, "open"))
    return review_open (cli, destination, argv[2], error);
  if (g_str_equal (action, "publish"))
    status = BYLINE_STATUS_PUBLISHED;
  else if (g_str_equal (action, "schedule"))
    status = BYLINE_STATUS_SCHEDULED;
  else if (g_str_equal (action, "return"))
    status = BYLINE_STATUS_RETURNED;
  else
    status = BYLINE_STATUS_SUBMITTED;
  return review_send (cli, destination, user, argv[2], status, note, publish_at, override_checks, error);
}

/* ----------------------------------------------------------------- merge */

gboolean
byline_cli_merge (BylineCli  *cli,
                  int         argc,
                  char      **argv,
                  GError    **error)
{
  g_autofree char *account = NULL;
  g_auto(GStrv) takes = NULL;
  g_autofree char *all = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &account, N_("The account the other version came from (required)"),
      N_("NAME") },
    { "take", 0, 0, G_OPTION_ARG_STRING_ARRAY, &takes,
      N_("Settle conflict N: ours, theirs, or both (body only)"), N_("N=CHOICE") },
    { "all", 0, 0, G_OPTION_ARG_STRING, &all, N_("Settle every conflict the same way"), N_("CHOICE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(BylineMerge) merge = NULL;
  g_autoptr(BylineArticle) saved = NULL;
  g_autofree char *id = NULL;
  BylineMergeChoice choice;

  if (!byline_cli_parse_command (cli, entries, &argc, &argv, 1, 1, error))
    return FALSE;
  if (account == NULL)
    return byline_cli_usage_error (error, _("merge: --from NAME is required%s"), "");
  if (all != NULL && (!byline_merge_choice_from_string (all, &choice) || choice == BYLINE_MERGE_UNRESOLVED))
    return byline_cli_usage_error (error, _("merge: --all takes ours, theirs or both, not “%s”"), all);
  if ((id = byline_cli_resolve_id (cli, argv[1], FALSE, error)) == NULL)
    return FALSE;

  merge = byline_review_load_merge (byline_cli_get_store (cli), id, account, error);
  if (merge == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                     _("Nothing waits to be merged in this draft for “%s”"), account);
      return FALSE;
    }

  for (guint i = 0; all != NULL && i < byline_merge_get_n_conflicts (merge); i++)
    if (!byline_merge_resolve (merge, i, choice))
      byline_merge_resolve (merge, i, BYLINE_MERGE_TAKE_OURS);
  for (guint t = 0; takes != NULL && takes[t] != NULL; t++)
    {
      g_auto(GStrv) parts = g_strsplit (takes[t], "=", 2);
      guint64 n = 0;

      if (parts[0] == NULL || parts[1] == NULL
          || !g_ascii_string_to_unsigned (parts[0], 10, 1, byline_merge_get_n_conflicts (merge), &n, NULL)
          || !byline_merge_choice_from_string (parts[1], &choice) || choice == BYLINE_MERGE_UNRESOLVED)
        return byline_cli_usage_error (error, _("merge: --take wants N=ours|theirs|both with N a conflict's number, not “%s”"),
                            takes[t]);
      if (!byline_merge_resolve (merge, n - 1, choice))
        return byline_cli_usage_error (error, _("merge: “both” is only for the body: %s"), takes[t]);
    }

  if (takes != NULL || all != NULL)
    {
      saved = byline_review_resolve (byline_cli_get_store (cli), id, account, merge, error);
      if (saved == NULL)
        return FALSE;
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "draft");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "resolved");
      json_builder_add_boolean_value (builder, byline_merge_is_resolved (merge));
      json_builder_set_member_name (builder, "conflicts");
      json_builder_add_value (builder, byline_merge_conflicts_to_json (merge));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      return byline_cli_print_json (root, error);
    }
  if (!print_conflicts (merge, id, account, error))
    return FALSE;
  if (byline_merge_is_resolved (merge) && saved != NULL)
    return byline_cli_say (error, _("Merged: the draft holds your choices, and the next send replaces their version.\n"));
  return TRUE;
}
