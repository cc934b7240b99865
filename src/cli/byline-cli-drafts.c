/* byline-cli-drafts.c — the commands on drafts of the store: new, list, show,
 * history, restore, delete, undelete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-cli.h"

#define MIN_ID_PREFIX 4

static char *
store_name (BylineCli *cli)
{
  return g_file_get_parse_name (byline_draft_store_get_folder (byline_cli_get_store (cli)));
}

gboolean
byline_cli_is_id_like (const char *arg)
{
  gsize length = strlen (arg);

  return length >= MIN_ID_PREFIX && length <= 36
         && strspn (arg, "0123456789abcdefABCDEF-") == length;
}

char *
byline_cli_resolve_id (BylineCli   *cli,
                       const char  *arg,
                       gboolean     trash,
                       GError     **error)
{
  BylineDraftStore *store = byline_cli_get_store (cli);
  g_autoptr(GPtrArray) summaries = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *folder = NULL;
  const char *found = NULL;
  guint n_found = 0;

  if (!byline_cli_is_id_like (arg))
    {
      g_autofree char *shown = g_utf8_make_valid (arg, -1);
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                   _("“%s” is not a draft id"), shown);
      return NULL;
    }
  wanted = g_ascii_strdown (arg, -1);

  if (!trash && g_uuid_string_is_valid (wanted) && byline_draft_store_contains (store, wanted))
    return g_steal_pointer (&wanted);

  summaries = trash ? byline_draft_store_list_trash (store, error)
                    : byline_draft_store_list (store, error);
  if (summaries == NULL)
    return NULL;

  for (guint i = 0; i < summaries->len; i++)
    {
      const BylineDraftSummary *summary = g_ptr_array_index (summaries, i);

      if (g_str_equal (summary->id, wanted))
        return g_steal_pointer (&wanted);
      if (g_str_has_prefix (summary->id, wanted))
        {
          found = summary->id;
          n_found++;
        }
    }

  folder = store_name (cli);
  if (n_found == 1)
    return g_strdup (found);
  if (n_found > 1)
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                 _("“%s” is the start of %u draft ids in %s; give more of the id"),
                 arg, n_found, folder);
  else if (trash)
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                 _("no deleted draft “%s” in the trash of %s"), arg, folder);
  else
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_NOT_FOUND,
                 _("no draft “%s” in %s"), arg, folder);
  return NULL;
}

/* ------------------------------------------------------------------ new */

static gboolean
set_text (const char  *arg,
          const char  *option,
          char       **value,
          GError     **error)
{
  if (arg == NULL)
    return TRUE;
  *value = byline_cli_arg_to_utf8 (arg, option, error);
  return *value != NULL;
}

static GStrv
strv_to_utf8 (char       **args,
              const char  *option,
              GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (gsize i = 0; args != NULL && args[i] != NULL; i++)
    {
      char *value = byline_cli_arg_to_utf8 (args[i], option, error);
      if (value == NULL)
        return NULL;
      g_strv_builder_take (builder, value);
    }
  return g_strv_builder_end (builder);
}

gboolean
byline_cli_new (BylineCli  *cli,
                int         argc,
                char      **argv,
                GError    **error)
{
  g_autofree char *headline_arg = NULL, *lead_arg = NULL, *dateline_arg = NULL;
  g_autofree char *category_arg = NULL;
  g_auto(GStrv) author_args = NULL, tag_args = NULL;
  g_autofree char *headline = NULL, *lead = NULL, *dateline = NULL, *category = NULL;
  g_auto(GStrv) authors = NULL, tags = NULL;
  g_autoptr(BylineArticle) article = NULL;
  const GOptionEntry entries[] = {
    { "headline", 0, 0, G_OPTION_ARG_FILENAME, &headline_arg, N_("The headline"), N_("TEXT") },
    { "lead", 0, 0, G_OPTION_ARG_FILENAME, &lead_arg, N_("The lead (sapo)"), N_("TEXT") },
    { "author", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &author_args,
      N_("An author, for the byline (repeat for several)"), N_("NAME") },
    { "dateline", 0, 0, G_OPTION_ARG_FILENAME, &dateline_arg, N_("The dateline place"),
      N_("PLACE") },
    { "category", 0, 0, G_OPTION_ARG_FILENAME, &category_arg, N_("The category"), N_("NAME") },
    { "tag", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &tag_args, N_("A tag (repeat for several)"),
      N_("TAG") },
    G_OPTION_ENTRY_NULL
  };

  if (!byline_cli_parse_command (cli, entries, &argc, &argv, 0, 0, error))
    return FALSE;

  if (!set_text (headline_arg, "--headline", &headline, error)
      || !set_text (lead_arg, "--lead", &lead, error)
      || !set_text (dateline_arg, "--dateline", &dateline, error)
      || !set_text (category_arg, "--category", &category, error))
    return FALSE;
  if (author_args != NULL && (authors = strv_to_utf8 (author_args, "--author", error)) == NULL)
    return FALSE;
  if (tag_args != NULL && (tags = strv_to_utf8 (tag_args, "--tag", error)) == NULL)
    return FALSE;

  article = byline_article_new ();
  if (headline != NULL)
    byline_article_set_headline (article, headline);
  if (lead != NULL)
    byline_article_set_lead (article, lead);
  if (authors != NULL)
    byline_article_set_authors (article, (const char * const *) authors);
  if (dateline != NULL)
    byline_article_set_dateline (article, dateline);
  if (category != NULL)
    byline_article_set_category (article, category);
  if (tags != NULL)
    byline_article_set_tags (article, (const char * const *) tags);

  if (!byline_draft_store_save (byline_cli_get_store (cli), article, error))
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, byline_article_get_id (article));
      json_builder_set_member_name (builder, "headline");
      json_builder_add_string_value (builder, byline_article_get_headline (article));
      json_builder_set_member_name (builder, "revision");
      json_builder_add_int_value (builder, byline_article_get_revision (article));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      return byline_cli_print_json (root, error);
    }

  g_print ("%s\n", byline_article_get_id (article));
  return TRUE;
}

/* ----------------------------------------------------------------- list */

gboolean
byline_cli_list (BylineCli  *cli,
                 int         argc,
                 char      **argv,
                 GError    **error)
{
  gboolean trash = FALSE;
  g_autoptr(GPtrArray) summaries = NULL;
  const GOptionEntry entries[] = {
    { "trash", 0, 0, G_OPTION_ARG_NONE, &trash, N_("List the deleted drafts instead"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!byline_cli_parse_command (cli, entries, &argc, &argv, 0, 0, error))
    return FALSE;

  summaries = trash ? byline_draft_store_list_trash (byline_cli_get_store (cli), error)
                    : byline_draft_store_list (byline_cli_get_store (cli), error);
  if (summaries == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (summaries->len);
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < summaries->len; i++)
        json_array_add_element (array, byline_cli_summary_to_json (g_ptr_array_index (summaries, i)));
      json_node_set_array (root, array);
      return byline_cli_print_json (root, error);
    }

  if (summaries->len == 0)
    {
      g_autofree char *folder = store_name (cli);
      if (trash)
        g_print (_("The trash of %s is empty.\n"), folder);
      else
        g_print (_("No drafts in %s.\n"), folder);
      return TRUE;
    }
  byline_cli_print_summaries (summaries, trash);
  return TRUE;
}

/* ----------------------------------------------------------------- show */

static gboolean
parse_revision (const char  *arg,
                guint64     *revision,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_ascii_string_to_unsigned (arg, 10, 1, G_MAXUINT64, revision, &local_error))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a version number (see “byline-cli history ID”)"), arg);
      return FALSE;
    }
  return TRUE;
}

gboolean
byline_cli_show (BylineCli  *cli,
                 int         argc,
                 char      **argv,
                 GError    **error)
{
  g_autofree char *revision_arg = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autofree char *display = NULL;
  const GOptionEntry entries[] = {
    { "revision", 0, 0, G_OPTION_ARG_STRING, &revision_arg,
      N_("Show an earlier version (a draft of the store only)"), N_("VERSION") },
    G_OPTION_ENTRY_NULL
  };

  if (!byline_cli_parse_command (cli, entries, &argc, &argv, 1, 1, error))
    return FALSE;

  if (revision_arg != NULL)
    {
      g_autofree char *id = NULL;
      guint64 revision;

      if (!parse_revision (revision_arg, &revision, error))
        return FALSE;
      id = byline_cli_resolve_id (cli, argv[1], FALSE, error);
      if (id == NULL)
        return FALSE;
      article = byline_draft_store_load_version (byline_cli_get_store (cli), id, revision, error);
    }
  else
    article = byline_cli_load_source (cli, argv[1], &display, error);
  if (article == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonNode) root = byline_draft_format_to_json (article);
      return byline_cli_print_json (root, error);
    }
  byline_cli_print_article (article);
  return TRUE;
}

/* -------------------------------------------------------------- history */

gboolean
byline_cli_history (BylineCli  *cli,
                    int         argc,
                    char      **argv,
                    GError    **error)
{
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  guint64 current = 0;

  if (!byline_cli_parse_command (cli, NULL, &argc, &argv, 1, 1, error))
    return FALSE;

  /* Not byline_draft_store_load(): the history of a draft whose current
   * version cannot be read is what one needs to see. */
  id = byline_cli_resolve_id (cli, argv[1], FALSE, error);
  if (id == NULL)
    return FALSE;
  versions = byline_draft_store_list_history (byline_cli_get_store (cli), id, error);
  if (versions == NULL)
    return FALSE;
  /* Newest first, the current version the first. */
  if (versions->len > 0)
    current = ((BylineDraftVersion *) g_ptr_array_index (versions, 0))->revision;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "revision");
      json_builder_add_int_value (builder, current);
      json_builder_set_member_name (builder, "versions");
      json_builder_begin_array (builder);
      for (guint i = 0; i < versions->len; i++)
        json_builder_add_value (builder, byline_cli_version_to_json (g_ptr_array_index (versions, i)));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      return byline_cli_print_json (root, error);
    }

  byline_cli_print_versions (versions, current);
  return TRUE;
}

/* -------------------------------------------------------------- restore */

gboolean
byline_cli_restore (BylineCli  *cli,
                    int         argc,
                    char      **argv,
                    GError    **error)
{
  g_autofree char *id = NULL;
  g_autoptr(BylineArticle) article = NULL;
  guint64 revision;

  if (!byline_cli_parse_command (cli, NULL, &argc, &argv, 2, 2, error)
      || !parse_revision (argv[2], &revision, error))
    return FALSE;

  id = byline_cli_resolve_id (cli, argv[1], FALSE, error);
  if (id == NULL)
    return FALSE;
  article = byline_draft_store_restore (byline_cli_get_store (cli), id, revision, error);
  if (article == NULL)
    return FALSE;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "restored");
      json_builder_add_int_value (builder, revision);
      json_builder_set_member_name (builder, "revision");
      json_builder_add_int_value (builder, byline_article_get_revision (article));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      return byline_cli_print_json (root, error);
    }

  /* Plain "%lu": a translation cannot hold G_GUINT64_FORMAT. */
  g_print (_("Restored version %lu of %s as revision %lu.\n"),
           (unsigned long) revision, id, (unsigned long) byline_article_get_revision (article));
  return TRUE;
}

/* ------------------------------------------------------ delete, undelete */

static gboolean
print_done (BylineCli   *cli,
            const char  *id,
            const char  *member,
            const char  *message,
            GError     **error)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, member);
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      return byline_cli_print_json (root, error);
    }
  g_print ("%s\n", message);
  return TRUE;
}

gboolean
byline_cli_delete (BylineCli  *cli,
                   int         argc,
                   char      **argv,
                   GError    **error)
{
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;

  if (!byline_cli_parse_command (cli, NULL, &argc, &argv, 1, 1, error))
    return FALSE;

  id = byline_cli_resolve_id (cli, argv[1], FALSE, error);
  if (id == NULL || !byline_draft_store_delete (byline_cli_get_store (cli), id, error))
    return FALSE;

  message = g_strdup_printf (_("Moved %s to the trash; “byline-cli undelete %s” brings it back."),
                             id, id);
  return print_done (cli, id, "deleted", message, error);
}

gboolean
byline_cli_undelete (BylineCli  *cli,
                     int         argc,
                     char      **argv,
                     GError    **error)
{
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;

  if (!byline_cli_parse_command (cli, NULL, &argc, &argv, 1, 1, error))
    return FALSE;

  id = byline_cli_resolve_id (cli, argv[1], TRUE, error);
  if (id == NULL || !byline_draft_store_undelete (byline_cli_get_store (cli), id, error))
    return FALSE;

  message = g_strdup_printf (_("Brought %s back from the trash."), id);
  return print_done (cli, id, "undeleted", message, error);
}
