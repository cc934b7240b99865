/* byline-application.c
 *
 * One instance per session.  Files given on the command line or through
 * "Open" become drafts (HTML, ninjs and text are imported as new ones).  The
 * ids of the drafts open in windows are kept in GSettings as they change, so
 * that the next start, after a crash too, opens them again with what the
 * autosave last wrote.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <stdlib.h>
#ifdef HAVE_MALLOPT
#include <malloc.h>
#endif

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <libspelling.h>

#include "byline-application.h"
#include "byline-widget-util.h"
#include "byline-document.h"
#include "byline-import-file.h"
#include "byline-preferences-dialog.h"
#include "byline-publisher.h"
#include "byline-resources.h"
#include "byline-shortcuts-dialog.h"
#include "byline-window.h"

struct _BylineApplication
{
  AdwApplication    parent_instance;

  BylineDraftStore *store;
  GSettings        *settings;
  BylinePublisher  *publisher;
  guint             purge_source;
};

/* Deleted drafts (with their pictures) are kept for Undo and for
 * byline-cli's undelete as many days as the "trash-days" setting says, then
 * removed for good, this long after start-up (not to compete with it;
 * BYLINE_TRASH_PURGE_DELAY, in seconds, for the tests). */
#define TRASH_PURGE_DELAY_S 60

typedef struct
{
  BylineDraftStore *store;
  guint             days;
} TrashPurge;

static void
trash_purge_free (TrashPurge *purge)
{
  g_object_unref (purge->store);
  g_free (purge);
}

G_DEFINE_FINAL_TYPE (BylineApplication, byline_application, ADW_TYPE_APPLICATION)

#define BYLINE_STYLE_SCHEMES "resource:///io/github/bylinenews/Byline/styles/"


void
byline_memory_init (void)
{
#ifdef HAVE_MALLOPT
  /* One heap for every thread.  glibc gives each thread that allocates
   * while another does a heap of its own, up to eight per processor, and
   * each keeps what it once held: the photos decoded in the thumbnailer's
   * threads, story after story, grew the process from 160 MB to 227 MB
   * over 30 stories though nothing leaked.  With one heap it stays flat
   * (tests/ui/test-long-day.c); typing and opening are as fast
   * (docs/performance.md).  Only threads not started yet are bound by it. */
  mallopt (M_ARENA_MAX, 1);
#endif
}

void
byline_ui_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      byline_register_resource ();
      gtk_source_init ();
      /* The body's two schemes only: GtkSourceView's own search path would
       * have it parse a dozen code schemes at the first buffer (about 20 M
       * instructions of start-up), for a view that shows prose. */
      gtk_source_style_scheme_manager_set_search_path (gtk_source_style_scheme_manager_get_default (),
                                                       (const char * const[]) { BYLINE_STYLE_SCHEMES, NULL });
      spelling_init ();
      /* Loaded here rather than as AdwApplication's style.css, so that the
       * tests and the screenshot tool, which have no application, look the same. */
      gtk_css_provider_load_from_resource (css, "/io/github/bylinenews/Byline/byline.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&done, 1);
    }
}

/* ----------------------------------------------------------------- session */

GStrv
byline_application_dup_open_drafts (BylineApplication *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (BYLINE_IS_APPLICATION (self), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      BylineDocument *document;

      if (!BYLINE_IS_WINDOW (l->data))
        continue;
      document = byline_window_get_document (l->data);
      if (document != NULL)
        g_strv_builder_add (builder, byline_document_get_id (document));
    }
  return g_strv_builder_end (builder);
}

static void
save_session (BylineApplication *self)
{
  g_auto(GStrv) ids = byline_application_dup_open_drafts (self);

  g_settings_set_strv (self->settings, "open-drafts", (const char * const *) ids);
  /* The settings backend writes on its own time; a crash must find this. */
  g_settings_sync ();
}

static void
on_window_document (BylineApplication *self)
{
  save_session (self);
}

static void
on_window_removed (BylineApplication *self,
                   GtkWindow         *window)
{
  /* Closing the last window ends the session: what it showed opens next time. */
  if (gtk_application_get_windows (GTK_APPLICATION (self)) != NULL)
    save_session (self);
}

/* ------------------------------------------------------------------ windows */

BylineWindow *
byline_application_new_window (BylineApplication *self)
{
  BylineWindow *window;

  g_return_val_if_fail (BYLINE_IS_APPLICATION (self), NULL);

  window = byline_window_new (GTK_APPLICATION (self), self->store);
  byline_window_set_publisher (window, self->publisher);
  g_signal_connect_object (window, "notify::document", G_CALLBACK (on_window_document),
                           self, G_CONNECT_SWAPPED);
  return window;
}

BylineWindow *
byline_application_find_window (BylineApplication *self,
                                const char        *id)
{
  g_return_val_if_fail (BYLINE_IS_APPLICATION (self), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      BylineDocument *document;

      if (!BYLINE_IS_WINDOW (l->data))
        continue;
      document = byline_window_get_document (l->data);
      if (document != NULL && g_strcmp0 (byline_document_get_id (document), id) == 0)
        return l->data;
    }
  return NULL;
}

/* A window to put a draft in: the active one if it holds an untouched new story. */
static BylineWindow *
reusable_window (BylineApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  BylineDocument *document;

  if (!BYLINE_IS_WINDOW (active))
    return NULL;
  document = byline_window_get_document (BYLINE_WINDOW (active));
  return document == NULL || byline_document_is_pristine (document) ? BYLINE_WINDOW (active) : NULL;
}

BylineWindow *
byline_application_open_draft (BylineApplication *self,
                               const char        *id)
{
  g_autoptr(GError) error = NULL;
  BylineWindow *window;
  gboolean fresh = FALSE;

  g_return_val_if_fail (BYLINE_IS_APPLICATION (self), NULL);

  window = byline_application_find_window (self, id);
  if (window == NULL)
    {
      window = reusable_window (self);
      if (window == NULL)
        {
          window = byline_application_new_window (self);
          fresh = TRUE;
        }
      if (!byline_window_open_draft (window, id, &error))
        {
          g_warning ("Could not open draft %s: %s", id, error->message);
          if (fresh)
            {
              byline_window_new_draft (window, NULL);
              byline_window_add_toast (window, byline_toast_new_long (error->message));
            }
        }
    }
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
open_new_story (BylineApplication *self)
{
  BylineWindow *window = byline_application_new_window (self);

  byline_window_new_draft (window, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

/* Files given to the application (the command line, a file manager's Open
 * With), one after the other, each read in a thread: windows already open
 * go on meanwhile.  The application is held until the last is in. */
typedef struct
{
  BylineApplication *app;
  GPtrArray         *files;   /* GFile */
  guint              next;
  GPtrArray         *errors;  /* char*: messages */
  GPtrArray         *notices; /* char*: pictures of files opened left out */
  BylineWindow      *window;  /* weak: the last file's */
  gboolean           new_story; /* --new too: a new story after the files */
} OpenFiles;

static void open_next_file (OpenFiles *open);

/* Files that cannot be read say so in the window that comes to the front
 * last, where the person looks: not in one the next file's window covers. */
static void
open_files_done (OpenFiles *open)
{
  BylineApplication *self = open->app;
  BylineWindow *window = open->window;

  if (open->errors->len > 0 || open->notices->len > 0)
    {
      if (window == NULL)
        window = BYLINE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (self)));
      if (window == NULL)
        {
          window = byline_application_new_window (self);
          byline_window_new_draft (window, NULL);
          gtk_window_present (GTK_WINDOW (window));
        }
      for (guint i = 0; i < open->errors->len; i++)
        byline_window_add_toast (window, byline_toast_new_long (g_ptr_array_index (open->errors, i)));
      for (guint i = 0; i < open->notices->len; i++)
        byline_window_tell_left_out (window, g_ptr_array_index (open->notices, i));
    }
  if (open->new_story)
    open_new_story (self);
  g_clear_weak_pointer (&open->window);
  g_ptr_array_unref (open->files);
  g_ptr_array_unref (open->errors);
  g_ptr_array_unref (open->notices);
  g_application_release (G_APPLICATION (self));
  g_object_unref (open->app);
  g_free (open);
}

static void
on_file_imported (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  OpenFiles *open = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *id = byline_import_file_finish (BYLINE_DRAFT_STORE (source), result, &notice, &error);

  if (id != NULL)
    {
      g_set_weak_pointer (&open->window, byline_application_open_draft (open->app, id));
      /* Pictures left out: said where the errors are, as the person looks. */
      if (notice != NULL)
        g_ptr_array_add (open->notices, g_steal_pointer (&notice));
    }
  else
    {
      g_printerr ("byline: %s\n", error->message);
      g_ptr_array_add (open->errors, g_strdup (error->message));
    }
  open->next++;
  open_next_file (open);
}

static void
open_next_file (OpenFiles *open)
{
  if (open->next >= open->files->len)
    {
      open_files_done (open);
      return;
    }
  byline_import_file_async (open->app->store, g_ptr_array_index (open->files, open->next), NULL,
                            on_file_imported, open);
}

static void
open_files (BylineApplication  *self,
            GFile             **files,
            int                 n_files,
            gboolean            then_new_story)
{
  OpenFiles *open = g_new0 (OpenFiles, 1);

  open->new_story = then_new_story;
  open->app = g_object_ref (self);
  open->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 0; i < n_files; i++)
    g_ptr_array_add (open->files, g_object_ref (files[i]));
  open->errors = g_ptr_array_new_with_free_func (g_free);
  open->notices = g_ptr_array_new_with_free_func (g_free);
  g_application_hold (G_APPLICATION (self));
  open_next_file (open);
}

/* ---------------------------------------------------------------- profiling */

/* BYLINE_PROFILE_FIRST_FRAME=1: exit as the first window's first frame is
 * painted, so that a profiler (callgrind) sees exactly the start-up to a
 * visible window (docs/performance.md, "Start-up").  For profiling only. */
static void
on_first_frame_painted (GdkFrameClock *clock)
{
  exit (0);
}

static void
on_window_realized (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_frame_painted), NULL);
}

static void
on_window_added_profiling (GtkApplication *application,
                           GtkWindow      *window)
{
  g_signal_connect_after (window, "realize", G_CALLBACK (on_window_realized), NULL);
}

/* ----------------------------------------------------------- GApplication */

static void
byline_application_activate (GApplication *application)
{
  BylineApplication *self = BYLINE_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_auto(GStrv) ids = NULL;
  gboolean opened = FALSE;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  /* The drafts that were open last time, after a crash as after a quit. */
  ids = g_settings_get_strv (self->settings, "open-drafts");
  for (guint i = 0; ids[i] != NULL; i++)
    if (byline_draft_store_contains (self->store, ids[i]))
      {
        byline_application_open_draft (self, ids[i]);
        opened = TRUE;
      }
  if (!opened)
    open_new_story (self);
}

static void
byline_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  open_files (BYLINE_APPLICATION (application), files, n_files, FALSE);
}

static int
byline_application_command_line (GApplication            *application,
                                 GApplicationCommandLine *command_line)
{
  BylineApplication *self = BYLINE_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_auto(GStrv) args = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean new_story = FALSE;

  g_variant_dict_lookup (options, "new", "b", &new_story);
  /* "^aay", not "^a&ay": the strings are copies, which GStrv frees. */
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &args))
    for (guint i = 0; args[i] != NULL; i++)
      g_ptr_array_add (files, g_application_command_line_create_file_for_arg (command_line, args[i]));

  if (files->len > 0)
    open_files (self, (GFile **) files->pdata, files->len, new_story);
  else if (new_story)
    open_new_story (self);
  if (files->len == 0 && !new_story)
    g_application_activate (application);
  return 0;
}

static int
byline_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("byline %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

/* ------------------------------------------------------------------ actions */

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       data)
{
  open_new_story (BYLINE_APPLICATION (data));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       data)
{
  BylineApplication *self = BYLINE_APPLICATION (data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwDialog *dialog = byline_preferences_dialog_new ();

  byline_preferences_dialog_set_publisher (BYLINE_PREFERENCES_DIALOG (dialog), self->publisher);
  if (g_strcmp0 (g_action_get_name (G_ACTION (action)), "accounts") == 0)
    adw_preferences_dialog_set_visible_page_name (ADW_PREFERENCES_DIALOG (dialog), "accounts");
  adw_dialog_present (dialog, GTK_WIDGET (window));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (data));

  adw_dialog_present (byline_shortcuts_dialog_new (), GTK_WIDGET (window));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (data));
  AdwDialog *about = adw_about_dialog_new ();
  static const char *developers[] = { "The Byline developers", NULL };

  adw_about_dialog_set_application_name (ADW_ABOUT_DIALOG (about), "Byline");
  adw_about_dialog_set_application_icon (ADW_ABOUT_DIALOG (about), APPLICATION_ID);
  adw_about_dialog_set_version (ADW_ABOUT_DIALOG (about), PACKAGE_VERSION);
  adw_about_dialog_set_developer_name (ADW_ABOUT_DIALOG (about), _("The Byline developers"));
  adw_about_dialog_set_developers (ADW_ABOUT_DIALOG (about), developers);
  adw_about_dialog_set_comments (ADW_ABOUT_DIALOG (about),
                                 _("Write, caption and publish news stories. Drafts are saved as you type."));
  adw_about_dialog_set_license_type (ADW_ABOUT_DIALOG (about), GTK_LICENSE_GPL_3_0);
  adw_about_dialog_set_website (ADW_ABOUT_DIALOG (about), "https://github.com/bylinenews/byline");
  /* Translators: your name(s), one per line */
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (about), _("translator-credits"));
  adw_dialog_present (about, GTK_WIDGET (window));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  GtkApplication *app = GTK_APPLICATION (data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window saves as it closes, and may refuse when it cannot. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_entries[] = {
  { "new-window", new_window_activated },
  { "preferences", preferences_activated },
  { "accounts", preferences_activated },
  { "shortcuts", shortcuts_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
purge_trash_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  TrashPurge *purge = task_data;
  g_autoptr(GError) error = NULL;
  guint purged = byline_draft_store_purge_trash (purge->store, purge->days * G_TIME_SPAN_DAY, &error);

  if (error != NULL)
    g_warning ("Emptying the drafts' trash: %s", error->message);
  if (purged > 0)
    g_debug ("%u drafts deleted more than %u days ago removed for good", purged, purge->days);
}

static void
purge_trash_later (gpointer data)
{
  BylineApplication *self = data;
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
  TrashPurge *purge = g_new0 (TrashPurge, 1);

  self->purge_source = 0;
  purge->store = g_object_ref (self->store);
  purge->days = g_settings_get_uint (self->settings, "trash-days");
  g_task_set_task_data (task, purge, (GDestroyNotify) trash_purge_free);
  g_task_run_in_thread (task, purge_trash_thread);
}

static void
byline_application_startup (GApplication *application)
{
  BylineApplication *self = BYLINE_APPLICATION (application);
  static const char *new_window[] = { "<Control><Shift>n", NULL };
  static const char *preferences[] = { "<Control>comma", NULL };
  static const char *shortcuts[] = { "<Control>question", NULL };
  static const char *quit[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (byline_application_parent_class)->startup (application);

  byline_ui_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window", new_window);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", shortcuts);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit);

  self->settings = g_settings_new (APPLICATION_ID);
  self->store = byline_draft_store_new (NULL);
  g_signal_connect (self, "window-removed", G_CALLBACK (on_window_removed), NULL);
  if (g_getenv ("BYLINE_PROFILE_FIRST_FRAME") != NULL)
    g_signal_connect (self, "window-added", G_CALLBACK (on_window_added_profiling), NULL);

  /* The outbox runs while the application does: jobs a previous run left
   * go out now, by themselves. */
  self->publisher = byline_publisher_new (self->store, NULL, NULL);
  {
    g_autoptr(GError) error = NULL;

    if (!byline_publisher_start (self->publisher, &error))
      g_warning ("Publishing: %s", error->message);
  }

  /* Without this the trash, photos and all, only grew. */
  self->purge_source = g_timeout_add_seconds_once (byline_env_get_seconds ("BYLINE_TRASH_PURGE_DELAY", 0, TRASH_PURGE_DELAY_S),
                                                   purge_trash_later, self);
}

static void
byline_application_shutdown (GApplication *application)
{
  BylineApplication *self = BYLINE_APPLICATION (application);

  g_clear_handle_id (&self->purge_source, g_source_remove);

  /* A send cut here is queued again, and goes at the next start. */
  if (self->publisher != NULL)
    byline_publisher_stop (self->publisher);

  G_APPLICATION_CLASS (byline_application_parent_class)->shutdown (application);
}

static void
byline_application_finalize (GObject *object)
{
  BylineApplication *self = BYLINE_APPLICATION (object);

  g_clear_object (&self->publisher);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (byline_application_parent_class)->finalize (object);
}

static void
byline_application_class_init (BylineApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = byline_application_finalize;
  app_class->startup = byline_application_startup;
  app_class->shutdown = byline_application_shutdown;
  app_class->activate = byline_application_activate;
  app_class->open = byline_application_open;
  app_class->command_line = byline_application_command_line;
  app_class->handle_local_options = byline_application_handle_local_options;
}

static void
byline_application_init (BylineApplication *self)
{
  static const GOptionEntry options[] = {
    { "new", 'n', 0, G_OPTION_ARG_NONE, NULL, N_("Start a new story"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens Byline drafts, ninjs items, web pages and text files as drafts."));
}

BylineApplication *
byline_application_new (void)
{
  return g_object_new (BYLINE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", "/io/github/bylinenews/Byline",
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE
                                | G_APPLICATION_HANDLES_OPEN
                                | G_APPLICATION_CAN_OVERRIDE_APP_ID,
                       NULL);
}

BylineDraftStore *
byline_application_get_store (BylineApplication *self)
{
  g_return_val_if_fail (BYLINE_IS_APPLICATION (self), NULL);
  return self->store;
}
