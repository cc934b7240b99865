/* byline-cli.h — what the parts of byline-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "byline.h"

G_BEGIN_DECLS

/* Exit statuses: scripts rely on them. */
#define BYLINE_CLI_EXIT_OK     0
#define BYLINE_CLI_EXIT_FAILED 1   /* a user error: bad file, unknown id, conflict */
#define BYLINE_CLI_EXIT_USAGE  2   /* unknown command or option, missing argument */

/* Usage errors are reported in G_OPTION_ERROR (as GOptionContext does); every
 * other GError is a user error. */

typedef struct _BylineCli BylineCli;

typedef gboolean (*BylineCliRun) (BylineCli   *cli,
                                  int          argc,
                                  char       **argv,
                                  GError     **error);

typedef struct
{
  const char   *name;
  const char   *parameters;    /* N_(), after "[OPTION…]" in the usage line */
  const char   *summary;       /* N_(), one line */
  const char   *description;   /* N_(), may be NULL */
  BylineCliRun  run;
} BylineCliCommand;

struct _BylineCli
{
  gboolean          json;
  char             *store_path;
  BylineDraftStore *store;
  /* the command being run, for its usage line and "Try 'byline-cli CMD --help'" */
  const BylineCliCommand *command;
};

/* byline-cli.c */
BylineDraftStore *byline_cli_get_store       (BylineCli          *cli);
/* Parses the options of a command (plus the common --json and --store) and
 * checks that between @min_args and @max_args arguments remain.  On return
 * argv[1..argc-1] are the arguments. */
gboolean          byline_cli_parse_command   (BylineCli          *cli,
                                              const GOptionEntry *entries,
                                              int                *argc,
                                              char             ***argv,
                                              int                 min_args,
                                              int                 max_args,
                                              GError            **error);
/* Text from the command line as UTF-8: taken as it is when it is UTF-8, else
 * converted from the locale's encoding. */
char             *byline_cli_arg_to_utf8     (const char         *arg,
                                              const char         *what,
                                              GError            **error);

/* byline-cli-drafts.c */
gboolean byline_cli_new       (BylineCli *cli, int argc, char **argv, GError **error);
gboolean byline_cli_list      (BylineCli *cli, int argc, char **argv, GError **error);
gboolean byline_cli_show      (BylineCli *cli, int argc, char **argv, GError **error);
gboolean byline_cli_history   (BylineCli *cli, int argc, char **argv, GError **error);
gboolean byline_cli_restore   (BylineCli *cli, int argc, char **argv, GError **error);
gboolean byline_cli_delete    (BylineCli *cli, int argc, char **argv, GError **error);
gboolean byline_cli_undelete  (BylineCli *cli, int argc, char **argv, GError **error);
/* Hexadecimal digits and dashes, at least 4 and at most 36: an id or the
 * start of one. */
gboolean byline_cli_is_id_like (const char *arg);
/* An id from the command line: a full id, or an unambiguous prefix of one
 * (at least 4 characters) among the drafts, or among the trash with @trash. */
char    *byline_cli_resolve_id (BylineCli   *cli,
                                const char  *arg,
                                gboolean     trash,
                                GError     **error);

/* byline-cli-import.c */
gboolean byline_cli_import    (BylineCli *cli, int argc, char **argv, GError **error);
/* ID or PATH: a draft of the store, or any file `import` reads (not stored).
 * @display receives how to name it in messages. */
BylineArticle *byline_cli_load_source (BylineCli   *cli,
                                       const char  *arg,
                                       char       **display,
                                       GError     **error);
/* Reads a draft, ninjs, HTML or text file (or a draft folder) into a new
 * article; nothing is written.  @as_copy: a draft gets a new id. */
BylineArticle *byline_cli_read_file   (const char  *path,
                                       gboolean     as_copy,
                                       const char **format,
                                       GError     **error);

/* byline-cli-export.c */
gboolean byline_cli_export    (BylineCli *cli, int argc, char **argv, GError **error);

/* byline-cli-check.c */
gboolean byline_cli_check     (BylineCli *cli, int argc, char **argv, GError **error);

/* byline-cli-publish.c */
gboolean byline_cli_account   (BylineCli *cli, int argc, char **argv, GError **error);
gboolean byline_cli_publish   (BylineCli *cli, int argc, char **argv, GError **error);
gboolean byline_cli_outbox    (BylineCli *cli, int argc, char **argv, GError **error);

/* byline-cli-review.c */
gboolean byline_cli_review    (BylineCli *cli, int argc, char **argv, GError **error);
gboolean byline_cli_merge     (BylineCli *cli, int argc, char **argv, GError **error);

/* byline-cli-output.c */
gboolean    byline_cli_write_stdout    (const void   *data,
                                        gsize         length,
                                        GError      **error);
gboolean    byline_cli_print_json      (JsonNode     *node,
                                        GError      **error);
char       *byline_cli_format_time     (GDateTime    *time);
/* A GAsyncReadyCallback keeping a reference to the result in *@user_data,
 * and the main loop run until it is there: the commands are synchronous. */
void          byline_cli_got_result  (GObject       *source,
                                      GAsyncResult  *result,
                                      gpointer       user_data);
GAsyncResult *byline_cli_wait_result (GAsyncResult **slot);
/* printf to standard output; FALSE with @error when it cannot be written. */
gboolean      byline_cli_say         (GError       **error,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (2, 3);
/* A usage error (exit 2): @message is a format with one %s for @detail. */
gboolean      byline_cli_usage_error (GError       **error,
                                      const char    *message,
                                      const char    *detail);
/* ISO 8601, with or without the seconds; the local zone when none is given. */
GDateTime  *byline_cli_parse_time      (const char   *text);
const char *byline_cli_status_label    (BylineStatus  status);
/* @text padded with spaces to @width characters (not bytes). */
char       *byline_cli_pad             (const char   *text,
                                        guint         width);
JsonNode   *byline_cli_summary_to_json (const BylineDraftSummary *summary);
JsonNode   *byline_cli_version_to_json (const BylineDraftVersion *version);
/* With @deleted (the trash), the time column says when each was deleted. */
void        byline_cli_print_summaries (GPtrArray    *summaries,
                                        gboolean      deleted);
/* @current is marked. */
void        byline_cli_print_versions  (GPtrArray    *versions,
                                        guint64       current);
void        byline_cli_print_article   (BylineArticle *article);

G_END_DECLS
