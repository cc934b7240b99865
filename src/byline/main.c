/* main.c — Byline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "byline-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BylineApplication) app = NULL;
  const char *localedir = g_getenv ("BYLINE_LOCALEDIR");

  byline_memory_init ();
  setlocale (LC_ALL, "");
  /* meson devenv points at the translations just built. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name ("Byline");
  app = byline_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
