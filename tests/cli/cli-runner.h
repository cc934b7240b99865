/* cli-runner.h — runs byline-cli for the tests, and looks at the disk around it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-test-utils.h"

G_BEGIN_DECLS

#define HEADLINE "Nậm Nhùn: mưa lũ gây sạt lở"
#define PARAGRAPH_1 "Mưa lớn kéo dài từ đêm 9/8 đã gây sạt lở tại nhiều xã của huyện Nậm Nhùn."
#define PARAGRAPH_2 "Đến sáng 10/8 đã có 37 hộ dân phải sơ tán."
#define CAPTION "Sạt lở trên Quốc lộ 4H."

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

void run_clear (Run *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* byline_test_init(), and the program to run from $BYLINE_CLI. */
void      cli_runner_init  (int                 *argc,
                            char              ***argv);
/* Runs byline-cli @args in the C.UTF-8 locale with @input on its stdin. */
void      run_cliv         (Run                 *run,
                            const char          *input,
                            const char * const  *args);
/* The same in @locale ("C", …). */
void      run_cliv_locale  (Run                 *run,
                            const char          *locale,
                            const char          *input,
                            const char * const  *args);

#define run_cli(run, ...) \
  G_STMT_START { \
    const char *args_[] = { __VA_ARGS__, NULL }; \
    run_cliv ((run), NULL, args_); \
  } G_STMT_END

#define run_cli_input(run, input, ...) \
  G_STMT_START { \
    const char *args_[] = { __VA_ARGS__, NULL }; \
    run_cliv ((run), (input), args_); \
  } G_STMT_END

/* Success: exit 0, nothing on stderr. */
void      assert_ok        (Run                 *run);
/* The token of @user in the users.json of a byline-newsroom-server's @data folder. */
char     *token_of         (const char          *data,
                            const char          *user);
/* A user error: exit 1, nothing on stdout, one line "byline-cli: …" on
 * stderr holding @fragment (unless NULL). */
void      assert_failed    (Run                 *run,
                            const char          *fragment);
/* A usage error: exit 2, nothing on stdout, @first_line and a hint. */
void      assert_usage     (Run                 *run,
                            const char          *first_line);

/* `new --headline`, `import`: the new id. */
char     *new_draft        (const char          *headline);
char     *import_file      (const char          *path);
char     *list_json        (void);
JsonNode *show_json        (const char          *id);
JsonNode *parse_json       (const char          *text);

/* $XDG_DATA_HOME/byline/drafts */
char     *store_path       (void);
char     *out_path         (GFile               *folder,
                            const char          *name);
/* Size, mtime and SHA-256 of a file; every file under a folder. */
char     *file_digest      (const char          *path);
char     *file_sha256      (const char          *path);
char     *snapshot         (const char          *root);
char     *path_state       (const char          *path);

G_END_DECLS
