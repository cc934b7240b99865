/* byline-checklist.c
 *
 * The checks run in a thread, 600 ms after the last change: on a copy of the
 * article (the model is not thread-safe; copying a 20,000-word story takes a
 * millisecond or two, the checks on it 100–300 ms), with a spell checker of
 * the thread's own (enchant's dictionaries are not thread-safe), taught the
 * words the window's shared checker accepts.  One run at a time: a change
 * while one runs makes its findings stale, so they are dropped and the checks
 * run again on the newer text.  byline_checklist_run() still checks at once
 * on the main thread, for sending and the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-checklist.h"
#include "byline-document.h"
#include "byline-findings-store.h"
#include "byline-frame-wait.h"
#include "byline-spelling.h"

#define RUN_DELAY_MS 600

struct _BylineChecklist
{
  GtkWidget               parent_instance;

  BylineDocument         *document;
  GListStore             *findings;
  GtkNoSelection         *selection;     /* of the list: the findings while shown */
  int                     scroll_to;     /* asked for while hidden, or -1 */
  GtkListScrollFlags      scroll_flags;
  BylineConsistencyIndex *archive;
  GSettings              *settings;
  char                   *summary;
  guint                   n_errors;
  guint                   n_warnings;
  guint                   run_source;

  /* The first run of a story just set waits for its window's next frame. */
  BylineFrameWait        *first_run;
  gboolean                checking;      /* no findings of this story yet */

  /* The run in the thread: at most one at a time. */
  guint                   serial;        /* bumped by every change */
  GCancellable           *cancellable;   /* of the run in the thread, or NULL */
  gboolean                rerun;         /* asked for while one ran */
  GHashTable             *spellers;      /* tag → BylineSpellChecker, the thread's only */
  GHashTable             *taught;        /* tag → serial of the shared checker taught */

  /* Template widgets */
  GtkWidget              *content;       /* hidden until first shown */
  AdwWindowTitle         *title;
  GtkStack               *stack;
  GtkListView            *list_view;
  GtkButton              *fix_tones_button;
  GtkButton              *convert_legacy_button;
};

G_DEFINE_FINAL_TYPE (BylineChecklist, byline_checklist, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_SUMMARY,
  N_PROPS
};

enum {
  ACTIVATE_FINDING,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static BylineArticle *
article (BylineChecklist *self)
{
  return self->document ? byline_document_get_article (self->document) : NULL;
}

/* ------------------------------------------------------------------ options */

/* The options of the settings, without spelling or the house list. */
static BylineCheckOptions *
base_options (BylineChecklist *self)
{
  g_autoptr(BylineCheckOptions) options = byline_check_options_new ();
  g_autofree char *prefix = g_settings_get_string (self->settings, "source-prefix");
  g_autofree char *tone = g_settings_get_string (self->settings, "tone-style");
  BylineToneStyle style;

  byline_check_options_set_headline_max_chars (options, g_settings_get_uint (self->settings, "headline-limit"));
  byline_check_options_set_lead_max_chars (options, g_settings_get_uint (self->settings, "lead-limit"));
  if (*prefix != '\0')
    byline_check_options_set_source_prefix (options, prefix);
  if (byline_tone_style_from_string (tone, &style))
    byline_check_options_set_tone_style (options, style);

  /* The other drafts of the store, read once per story shown.  Only read
   * afterwards, by the main thread and the checklist's thread alike. */
  if (self->archive == NULL)
    {
      BylineDraftStore *store = byline_document_get_store (self->document);
      g_autoptr(GError) error = NULL;

      self->archive = byline_consistency_index_new ();
      if (store != NULL
          && !byline_consistency_index_add_store (self->archive, store,
                                                  byline_document_get_id (self->document),
                                                  NULL, &error))
        g_warning ("%s", error->message);
    }
  byline_check_options_set_archive (options, self->archive);

  return g_steal_pointer (&options);
}

/* The window's shared checker (main thread only), or NULL: no spelling. */
static BylineSpellChecker *
shared_speller (BylineChecklist *self)
{
  if (!g_settings_get_boolean (self->settings, "spell-check"))
    return NULL;
  return byline_spelling_get_core_checker (byline_article_get_language (article (self)));
}

static void
set_house_list (BylineCheckOptions *options,
                const char         *path)
{
  g_autoptr(BylineHouseList) house = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL || *path == '\0')
    return;
  house = byline_house_list_new ();
  file = g_file_new_for_path (path);
  if (byline_house_list_load (house, file, &error))
    byline_check_options_set_house_list (options, house);
  else
    g_warning ("%s", error->message);
}

static BylineCheckOptions *
options_from_settings (BylineChecklist *self)
{
  g_autoptr(BylineCheckOptions) options = base_options (self);
  g_autofree char *house_path = g_settings_get_string (self->settings, "house-list");
  BylineSpellChecker *speller = shared_speller (self);

  if (speller != NULL)
    byline_check_options_set_spell_checker (options, speller);
  set_house_list (options, house_path);
  return g_steal_pointer (&options);
}

/* --------------------------------------------------------------------- rows */

/* The findings are shown by a GtkListView: only the rows on screen (and a few
 * around them) exist, and a re-run's splice touches only those of them.  A
 * GtkListBox made and laid out a row per finding, 635 of them on the long
 * story, again on every run, even with the sidebar hidden.  Each row is an
 * AdwActionRow made once by the factory and given a finding on bind. */

static void
on_apply_clicked (GtkButton *button,
                  gpointer   user_data)
{
  BylineChecklist *self = user_data;
  GtkListItem *item = g_object_get_data (G_OBJECT (button), "list-item");
  g_autoptr(BylineFinding) finding = NULL;
  gboolean applied, in_body;

  /* The re-run may take this finding and its row away. */
  if (item != NULL && gtk_list_item_get_item (item) != NULL)
    finding = g_object_ref (gtk_list_item_get_item (item));
  if (finding == NULL || article (self) == NULL)
    return;
  /* Pictures forgotten by the window, with a toast to undo it. */
  if (byline_finding_get_forgotten_pictures (finding) != NULL
      && gtk_widget_activate_action (GTK_WIDGET (self), "win.forget-missing-pictures", "^as",
                                     byline_finding_get_forgotten_pictures (finding)))
    {
      byline_checklist_run (self);
      return;
    }
  /* A fix of the text is one step of its undo, as an edit there is;
   * fixes of other fields leave the text's undo alone. */
  in_body = byline_finding_get_field (finding) == BYLINE_FIELD_BODY;
  if (in_body)
    byline_document_begin_edit (self->document);
  applied = byline_finding_apply (finding, article (self));
  if (in_body)
    byline_document_end_edit (self->document);
  if (applied)
    byline_checklist_run (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              BylineChecklist          *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Fix"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* The list item is the focusable, activatable row (Enter activates it). */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  /* The icon carries the severity's color; the text stays readable. */
  gtk_widget_add_css_class (row, "finding");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_visible (button, FALSE);
  g_object_set_data (G_OBJECT (button), "list-item", item);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_apply_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  g_object_set_data (G_OBJECT (row), "list-item", item);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "fix", button);
  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, TRUE);
}

static void
show_in_row (BylineChecklist *self,
             GtkListItem     *item)
{
  BylineFinding *finding = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "icon");
  GtkWidget *button = g_object_get_data (G_OBJECT (row), "fix");
  g_autofree char *location = byline_finding_dup_location (finding, article (self));
  const char *icon_name, *css, *severity;
  g_autofree char *label = NULL;

  switch (byline_finding_get_severity (finding))
    {
    case BYLINE_SEVERITY_ERROR:
      icon_name = "dialog-error-symbolic";
      css = "error";
      severity = _("Error");
      break;
    case BYLINE_SEVERITY_WARNING:
      icon_name = "dialog-warning-symbolic";
      css = "warning";
      severity = _("Warning");
      break;
    case BYLINE_SEVERITY_INFO:
    default:
      icon_name = "dialog-information-symbolic";
      css = "dim-label";
      severity = _("Note");
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), byline_finding_get_message (finding));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), location);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_widget_remove_css_class (icon, "error");
  gtk_widget_remove_css_class (icon, "warning");
  gtk_widget_remove_css_class (icon, "dim-label");
  gtk_widget_add_css_class (icon, css);
  gtk_widget_set_tooltip_text (icon, severity);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, severity, -1);

  /* What a screen reader says on the focused row: the message; the place
   * follows as its description. */
  gtk_list_item_set_accessible_label (item, byline_finding_get_message (finding));
  gtk_list_item_set_accessible_description (item, location != NULL ? location : "");

  if (byline_finding_get_fix_label (finding) != NULL)
    {
      /* Not a change of the text: the button says what it does. */
      gtk_button_set_label (GTK_BUTTON (button), _("F_orget"));
      gtk_widget_set_tooltip_text (button, byline_finding_get_fix_label (finding));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      byline_finding_get_fix_label (finding), -1);
      gtk_widget_set_visible (button, TRUE);
    }
  else if (byline_finding_get_suggestion (finding) != NULL
           && byline_finding_get_excerpt (finding) != NULL
           && byline_finding_get_start (finding) < byline_finding_get_end (finding))
    {
      const char *suggestion = byline_finding_get_suggestion (finding);

      if (*suggestion == '\0')
        label = g_strdup_printf (_("Remove “%s”"), byline_finding_get_excerpt (finding));
      else
        label = g_strdup_printf (_("Replace “%s” with “%s”"), byline_finding_get_excerpt (finding), suggestion);
      gtk_button_set_label (GTK_BUTTON (button), _("_Fix"));
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label, -1);
      gtk_widget_set_visible (button, TRUE);
    }
  else
    {
      gtk_widget_set_tooltip_text (button, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_widget_set_visible (button, FALSE);
    }
}

/* A re-run found the finding again, moved with the text before it or with
 * other counts in its message ("3 against 2"): the finding is the same
 * object, and a row on screen shows what changed. */
static void
on_finding_notify (BylineFinding *finding,
                   GParamSpec    *pspec,
                   GtkListItem   *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  show_in_row (BYLINE_CHECKLIST (gtk_widget_get_ancestor (row, BYLINE_TYPE_CHECKLIST)), item);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             BylineChecklist          *self)
{
  show_in_row (self, item);
  g_signal_connect_object (gtk_list_item_get_item (item), "notify", G_CALLBACK (on_finding_notify), item, 0);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               BylineChecklist          *self)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_finding_notify, item);
}

static void
on_list_activate (BylineChecklist *self,
                  guint            position)
{
  g_autoptr(BylineFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), position);

  if (finding != NULL)
    g_signal_emit (self, signals[ACTIVATE_FINDING], 0, finding);
}

/* Hidden, the list has no items (see map()): it scrolls once shown. */
static void
scroll_list_to (BylineChecklist    *self,
                guint               index,
                GtkListScrollFlags  flags)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      gtk_list_view_scroll_to (self->list_view, index, flags, NULL);
      return;
    }
  self->scroll_to = index;
  self->scroll_flags = flags;
}

void
byline_checklist_scroll_to_finding (BylineChecklist *self,
                                    guint            index)
{
  g_return_if_fail (BYLINE_IS_CHECKLIST (self));
  g_return_if_fail (index < g_list_model_get_n_items (G_LIST_MODEL (self->findings)));

  scroll_list_to (self, index, GTK_LIST_SCROLL_NONE);
}

void
byline_checklist_focus_finding (BylineChecklist *self,
                                guint            index)
{
  g_return_if_fail (BYLINE_IS_CHECKLIST (self));
  g_return_if_fail (index < g_list_model_get_n_items (G_LIST_MODEL (self->findings)));

  scroll_list_to (self, index, GTK_LIST_SCROLL_FOCUS);
}

void
byline_checklist_activate_finding (BylineChecklist *self,
                                   guint            index)
{
  g_return_if_fail (BYLINE_IS_CHECKLIST (self));

  /* The list view's own action: what Enter or a double click on a row does. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.activate-item", "u", index);
  else
    on_list_activate (self, index);
}

/* The rows the list view holds: the AdwActionRows of its list items. */
static GtkWidget *
row_of_child (GtkWidget *child)
{
  GtkWidget *row = gtk_widget_get_first_child (child);

  return ADW_IS_ACTION_ROW (row) && g_object_get_data (G_OBJECT (row), "list-item") != NULL ? row : NULL;
}

GtkWidget *
byline_checklist_get_row (BylineChecklist *self,
                          guint            index)
{
  g_return_val_if_fail (BYLINE_IS_CHECKLIST (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = row_of_child (child);
      GtkListItem *item = row ? g_object_get_data (G_OBJECT (row), "list-item") : NULL;

      if (item != NULL && gtk_list_item_get_item (item) != NULL
          && gtk_list_item_get_position (item) == index && gtk_widget_get_visible (child))
        return row;
    }
  return NULL;
}

guint
byline_checklist_get_n_rows (BylineChecklist *self)
{
  guint n = 0;

  g_return_val_if_fail (BYLINE_IS_CHECKLIST (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (row_of_child (child) != NULL)
      n++;
  return n;
}

/* ---------------------------------------------------------------------- run */

static void
update_summary (BylineChecklist *self)
{
  g_autofree char *summary = NULL;

  if (self->checking)
    summary = g_strdup (_("Checking…"));
  else if (self->n_errors == 0 && self->n_warnings == 0)
    summary = g_strdup (_("No problems found"));
  else if (self->n_warnings == 0)
    summary = g_strdup_printf (ngettext ("%u error", "%u errors", self->n_errors), self->n_errors);
  else if (self->n_errors == 0)
    summary = g_strdup_printf (ngettext ("%u warning", "%u warnings", self->n_warnings), self->n_warnings);
  else
    {
      g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", self->n_errors),
                                                 self->n_errors);
      g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", self->n_warnings),
                                                   self->n_warnings);

      /* Translators: "2 errors, 3 warnings" */
      summary = g_strdup_printf (_("%s, %s"), errors, warnings);
    }
  if (g_set_str (&self->summary, summary))
    {
      adw_window_title_set_subtitle (self->title, self->summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
}

/* Text typed in an old code, TCVN3 or VNI: its fix is the whole text. */
static gboolean
is_legacy_text (BylineFinding *finding)
{
  const char *code = byline_finding_get_code (finding);

  return g_str_equal (code, "tcvn3-text") || g_str_equal (code, "vni-text");
}

static void
show_findings (BylineChecklist *self,
               GListModel      *findings)
{
  guint n_errors = 0, n_warnings = 0;
  gboolean tones = FALSE;
  guint legacy = 0;
  guint n = findings ? g_list_model_get_n_items (findings) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      BylineFinding *finding = g_list_model_get_item (findings, i);

      switch (byline_finding_get_severity (finding))
        {
        case BYLINE_SEVERITY_ERROR: n_errors++; break;
        case BYLINE_SEVERITY_WARNING: n_warnings++; break;
        case BYLINE_SEVERITY_INFO:
        default: break;
        }
      /* tone-style, mixed-tone-style, misplaced-tone */
      if (strstr (byline_finding_get_code (finding), "tone") != NULL)
        tones = TRUE;
      legacy += is_legacy_text (finding);
      g_ptr_array_add (items, finding);
    }
  byline_findings_store_update (self->findings, items);
  gtk_stack_set_visible_child_name (self->stack, self->checking ? "checking" : n > 0 ? "list" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->fix_tones_button), tones);
  /* A story pasted from a TCVN3 or VNI document is a finding a paragraph. */
  gtk_widget_set_visible (GTK_WIDGET (self->convert_legacy_button), legacy > 1);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->n_errors != n_errors)
    {
      self->n_errors = n_errors;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
    }
  if (self->n_warnings != n_warnings)
    {
      self->n_warnings = n_warnings;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
    }
  update_summary (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* --------------------------------------------------------- in the thread */

typedef struct
{
  BylineArticle      *article;      /* the snapshot, the thread's */
  BylineCheckOptions *options;      /* without spelling or house list yet */
  char               *house_path;
  char               *spell_tag;    /* NULL: no spelling */
  GStrv               spell_words;  /* to teach the thread's checker, or NULL */
  GHashTable         *spellers;     /* the checklist's: only this run touches it */
  guint               serial;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->article);
  g_clear_object (&job->options);
  g_free (job->house_path);
  g_free (job->spell_tag);
  g_strfreev (job->spell_words);
  g_clear_pointer (&job->spellers, g_hash_table_unref);
  g_free (job);
}

static BylineSpellChecker *
thread_speller (Job *job)
{
  BylineSpellChecker *speller;

  if (job->spell_tag == NULL)
    return NULL;
  speller = g_hash_table_lookup (job->spellers, job->spell_tag);
  if (speller == NULL)
    {
      g_autoptr(GError) error = NULL;

      speller = byline_spell_checker_new (job->spell_tag, &error);
      if (speller == NULL)
        {
          g_warning ("%s", error->message);
          return NULL;
        }
      g_hash_table_insert (job->spellers, g_strdup (job->spell_tag), speller);
    }
  for (guint i = 0; job->spell_words != NULL && job->spell_words[i] != NULL; i++)
    byline_spell_checker_ignore_word (speller, job->spell_words[i]);
  return speller;
}

static void
check_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  BylineSpellChecker *speller;

  /* Teach first even when cancelled: the main thread counts these words as
   * learned. */
  speller = thread_speller (job);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (speller != NULL)
    byline_check_options_set_spell_checker (job->options, speller);
  set_house_list (job->options, job->house_path);
  g_task_return_pointer (task, byline_check_article (job->article, job->options), g_object_unref);
}

static void start_run (BylineChecklist *self);
static void cancel_first_run (BylineChecklist *self);

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  BylineChecklist *self = BYLINE_CHECKLIST (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GListModel) findings = g_task_propagate_pointer (G_TASK (result), NULL);

  g_clear_object (&self->cancellable);
  if (self->document == NULL)
    return;
  /* Findings of older text point at blocks and offsets that may have moved. */
  if (findings != NULL && job->serial == self->serial)
    {
      gint64 begin = g_get_monotonic_time ();

      self->checking = FALSE;
      show_findings (self, findings);
      g_debug ("Checklist: %u findings shown in %.2f ms", g_list_model_get_n_items (findings),
               (g_get_monotonic_time () - begin) / 1000.0);
    }
  if (self->rerun)
    start_run (self);
}

/* Takes the snapshot and checks it in the thread; when a run is already
 * there, again once it is done. */
static void
start_run (BylineChecklist *self)
{
  g_autoptr(GTask) task = NULL;
  BylineSpellChecker *shared;
  Job *job;
  gint64 begin;

  self->rerun = FALSE;
  if (self->document == NULL)
    {
      show_findings (self, NULL);
      return;
    }
  if (self->cancellable != NULL)
    {
      self->rerun = TRUE;
      return;
    }

  begin = g_get_monotonic_time ();
  job = g_new0 (Job, 1);
  job->article = byline_article_copy (article (self));
  job->options = base_options (self);
  job->house_path = g_settings_get_string (self->settings, "house-list");
  job->spellers = g_hash_table_ref (self->spellers);
  job->serial = self->serial;
  if ((shared = shared_speller (self)) != NULL)
    {
      const char *tag = byline_spell_checker_get_language (shared);
      guint serial = byline_spell_checker_get_serial (shared);
      gpointer taught;

      job->spell_tag = g_strdup (tag);
      if (!g_hash_table_lookup_extended (self->taught, tag, NULL, &taught)
          || GPOINTER_TO_UINT (taught) != serial)
        {
          job->spell_words = byline_spell_checker_list_words (shared);
          g_hash_table_insert (self->taught, g_strdup (tag), GUINT_TO_POINTER (serial));
        }
    }
  g_debug ("Checklist: snapshot for the thread in %.2f ms",
           (g_get_monotonic_time () - begin) / 1000.0);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_run_done, NULL);
  g_task_set_source_tag (task, start_run);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, check_in_thread);
}

/* The text or the settings changed: findings of a run under way are stale. */
static void
invalidate (BylineChecklist *self)
{
  self->serial++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

void
byline_checklist_run (BylineChecklist *self)
{
  g_autoptr(BylineCheckOptions) options = NULL;
  g_autoptr(GListModel) findings = NULL;

  g_return_if_fail (BYLINE_IS_CHECKLIST (self));

  g_clear_handle_id (&self->run_source, g_source_remove);
  /* Newer than whatever the thread is checking. */
  invalidate (self);
  cancel_first_run (self);
  self->rerun = FALSE;
  self->checking = FALSE;
  if (self->document == NULL)
    {
      show_findings (self, NULL);
      return;
    }
  options = options_from_settings (self);
  findings = byline_check_article (article (self), options);
  show_findings (self, findings);
}

gboolean
byline_checklist_get_busy (BylineChecklist *self)
{
  g_return_val_if_fail (BYLINE_IS_CHECKLIST (self), FALSE);

  return self->run_source != 0 || self->first_run != NULL || self->cancellable != NULL;
}

static gboolean
run_cb (gpointer data)
{
  BylineChecklist *self = data;

  self->run_source = 0;
  start_run (self);
  return G_SOURCE_REMOVE;
}

static void
cancel_first_run (BylineChecklist *self)
{
  g_clear_pointer (&self->first_run, byline_frame_wait_free);
}

static gboolean
first_run_cb (gpointer data)
{
  BylineChecklist *self = data;

  cancel_first_run (self);
  start_run (self);
  return G_SOURCE_REMOVE;
}

/* A story just set is checked at once, but after its window's next frame is
 * painted: on a long story the copy and the thread's start would delay that
 * frame, and a window being started would first load the spell checker. */
static void
queue_first_run (BylineChecklist *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  invalidate (self);
  cancel_first_run (self);
  g_clear_handle_id (&self->run_source, g_source_remove);
  if (root == NULL)
    self->run_source = g_idle_add_full (G_PRIORITY_LOW, run_cb, self, NULL);
  else
    self->first_run = byline_frame_wait_new (GTK_WIDGET (root), first_run_cb, self);
}

static void
queue_run (BylineChecklist *self)
{
  invalidate (self);
  /* The first run, after the window's frame, checks the newest text. */
  if (self->first_run != NULL)
    return;
  g_clear_handle_id (&self->run_source, g_source_remove);
  self->run_source = g_timeout_add (RUN_DELAY_MS, run_cb, self);
}

static void
on_fix_tones (BylineChecklist *self)
{
  g_autofree char *tone = g_settings_get_string (self->settings, "tone-style");
  BylineToneStyle style = BYLINE_TONE_STYLE_ANY;

  if (article (self) == NULL)
    return;
  /* No house style: the one most of the story already uses. */
  if (!byline_tone_style_from_string (tone, &style) || style == BYLINE_TONE_STYLE_ANY)
    {
      g_autoptr(GString) all = g_string_new (byline_article_get_headline (article (self)));
      g_autofree char *body = byline_body_dup_plain_text (byline_article_get_body (article (self)));

      g_string_append_c (all, '\n');
      g_string_append (all, byline_article_get_lead (article (self)));
      g_string_append_c (all, '\n');
      g_string_append (all, body);
      style = byline_tone_detect (all->str);
    }
  if (style != BYLINE_TONE_STYLE_ANY)
    {
      byline_document_begin_edit (self->document);
      byline_article_apply_tone_style (article (self), style);
      byline_document_end_edit (self->document);
    }
  byline_checklist_run (self);
}

/* Every text typed in TCVN3 or VNI in Unicode at once, as one step of the
 * text's undo: each finding's fix is its whole text. */
static void
on_convert_legacy (BylineChecklist *self)
{
  g_autoptr(GPtrArray) fixes = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *findings = G_LIST_MODEL (self->findings);

  if (article (self) == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      BylineFinding *finding = g_list_model_get_item (findings, i);

      if (is_legacy_text (finding))
        g_ptr_array_add (fixes, finding);
      else
        g_object_unref (finding);
    }
  byline_document_begin_edit (self->document);
  for (guint i = 0; i < fixes->len; i++)
    byline_finding_apply (fixes->pdata[i], article (self));
  byline_document_end_edit (self->document);
  byline_checklist_run (self);
}

/* ------------------------------------------------------------------ public */

BylineDocument *
byline_checklist_get_document (BylineChecklist *self)
{
  g_return_val_if_fail (BYLINE_IS_CHECKLIST (self), NULL);
  return self->document;
}

void
byline_checklist_set_document (BylineChecklist *self,
                               BylineDocument  *document)
{
  g_return_if_fail (BYLINE_IS_CHECKLIST (self));
  g_return_if_fail (document == NULL || BYLINE_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (byline_document_get_article (self->document), self);
  g_set_object (&self->document, document);
  g_clear_object (&self->archive);
  if (document != NULL)
    g_signal_connect_object (byline_document_get_article (document), "changed",
                             G_CALLBACK (queue_run), self, G_CONNECT_SWAPPED);

  /* A story just opened is checked before any edit: the badge tells. */
  self->checking = document != NULL;
  show_findings (self, NULL);
  if (document != NULL)
    queue_first_run (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GListModel *
byline_checklist_get_findings (BylineChecklist *self)
{
  g_return_val_if_fail (BYLINE_IS_CHECKLIST (self), NULL);
  return G_LIST_MODEL (self->findings);
}

guint
byline_checklist_get_n_errors (BylineChecklist *self)
{
  g_return_val_if_fail (BYLINE_IS_CHECKLIST (self), 0);
  return self->n_errors;
}

guint
byline_checklist_get_n_warnings (BylineChecklist *self)
{
  g_return_val_if_fail (BYLINE_IS_CHECKLIST (self), 0);
  return self->n_warnings;
}

const char *
byline_checklist_get_summary (BylineChecklist *self)
{
  g_return_val_if_fail (BYLINE_IS_CHECKLIST (self), NULL);
  return self->summary;
}

/* ----------------------------------------------------------------- GObject */

static void
byline_checklist_dispose (GObject *object)
{
  BylineChecklist *self = BYLINE_CHECKLIST (object);
  GtkWidget *child;

  g_clear_handle_id (&self->run_source, g_source_remove);
  cancel_first_run (self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->rerun = FALSE;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (byline_document_get_article (self->document), self);
  g_clear_object (&self->document);
  g_clear_object (&self->archive);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_CHECKLIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (byline_checklist_parent_class)->dispose (object);
}

/* A GtkListView not shown still takes every change of its model: replacing
 * 361 of a long story's 635 findings, as the first run after an edit in the
 * middle does, took 110–170 ms of the main loop with the checklist hidden.
 * Hidden, the list has no model; shown, it gets the findings and makes rows
 * for those on screen.
 *
 * The content itself is hidden until the checklist first shows: a closed
 * checklist's 60 widgets were styled with the window before its first frame. */
static void
byline_checklist_map (GtkWidget *widget)
{
  BylineChecklist *self = BYLINE_CHECKLIST (widget);

  gtk_widget_set_visible (self->content, TRUE);
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->findings));
  GTK_WIDGET_CLASS (byline_checklist_parent_class)->map (widget);
  if (self->scroll_to >= 0 && (guint) self->scroll_to < g_list_model_get_n_items (G_LIST_MODEL (self->findings)))
    gtk_list_view_scroll_to (self->list_view, self->scroll_to, self->scroll_flags, NULL);
  self->scroll_to = -1;
}

static void
byline_checklist_unmap (GtkWidget *widget)
{
  BylineChecklist *self = BYLINE_CHECKLIST (widget);

  GTK_WIDGET_CLASS (byline_checklist_parent_class)->unmap (widget);
  gtk_no_selection_set_model (self->selection, NULL);
}

static void
byline_checklist_finalize (GObject *object)
{
  BylineChecklist *self = BYLINE_CHECKLIST (object);

  g_clear_object (&self->findings);
  g_clear_object (&self->selection);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->spellers, g_hash_table_unref);
  g_clear_pointer (&self->taught, g_hash_table_unref);
  g_free (self->summary);

  G_OBJECT_CLASS (byline_checklist_parent_class)->finalize (object);
}

static void
byline_checklist_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BylineChecklist *self = BYLINE_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    case PROP_N_ERRORS: g_value_set_uint (value, self->n_errors); break;
    case PROP_N_WARNINGS: g_value_set_uint (value, self->n_warnings); break;
    case PROP_SUMMARY: g_value_set_string (value, self->summary); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_checklist_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BylineChecklist *self = BYLINE_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: byline_checklist_set_document (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_checklist_class_init (BylineChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_checklist_dispose;
  object_class->finalize = byline_checklist_finalize;
  object_class->get_property = byline_checklist_get_property;
  object_class->set_property = byline_checklist_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, BYLINE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BylineChecklist::activate-finding:
   * @finding: the BylineFinding whose place to show
   */
  signals[ACTIVATE_FINDING] =
    g_signal_new ("activate-finding", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BYLINE_TYPE_FINDING);


  widget_class->map = byline_checklist_map;
  widget_class->unmap = byline_checklist_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checklist");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bylinenews/Byline/byline-checklist.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineChecklist, title);
  gtk_widget_class_bind_template_child (widget_class, BylineChecklist, content);
  gtk_widget_class_bind_template_child (widget_class, BylineChecklist, stack);
  gtk_widget_class_bind_template_child (widget_class, BylineChecklist, list_view);
  gtk_widget_class_bind_template_child (widget_class, BylineChecklist, fix_tones_button);
  gtk_widget_class_bind_template_child (widget_class, BylineChecklist, convert_legacy_button);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_fix_tones);
  gtk_widget_class_bind_template_callback (widget_class, on_convert_legacy);
}

static void
byline_checklist_init (BylineChecklist *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->findings = g_list_store_new (BYLINE_TYPE_FINDING);
  self->scroll_to = -1;
  self->spellers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->taught = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

    g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
    g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
    g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
    gtk_list_view_set_factory (self->list_view, factory);
    g_object_unref (factory);
    /* The findings reach the list when it shows (see map()). */
    self->selection = gtk_no_selection_new (NULL);
    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  }
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (queue_run), self, G_CONNECT_SWAPPED);
  update_summary (self);
}
