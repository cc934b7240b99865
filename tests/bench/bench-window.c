/* bench-window.c — the editor window with a long story: opening it, its memory, typing
 *
 * The foundation benchmark's story (20,000 words, 100 pictures, here 12-megapixel
 * JPEGs) saved in a store, then, each figure a ratio or a bound measured in
 * this run:
 *
 *  - open: from asking the window to open the draft to its first painted frame
 *    (editable, the focus in the body, the story's top in it), against the
 *    core's byline_draft_store_load of the same draft, runs interleaved; goal
 *    ≤ 3×.  Then to the frame with the whole story in the view (the body
 *    shows its first blocks at once and the rest in idle steps), and a bare
 *    GtkTextView given the same text at once: the floor for that.
 *  - memory: in a fresh process that only opens the draft (the way the
 *    application does), resident memory once every thumbnail asked for is
 *    decoded, and again after scrolling through the whole story; goal ≤ 250 MB.
 *    Without GL (GDK_DISABLE=gl): under Xvfb the probe alone loads llvmpipe;
 *    a second process shows the figure with it.
 *  - typing: a character inserted in the middle of the body the way GtkTextView
 *    inserts a key press (a user action, at the cursor), timed from the insert
 *    to the frame clock's next "after-paint"; goal median and p95 < 16 ms.
 *    Then words typed with pauses between them: the longest the main loop
 *    stalls (what a key pressed then would wait); the same goal.  Once with
 *    the checklist hidden, once with it shown beside the story, as a reporter
 *    working through its findings has it: each run of the checks after a
 *    pause then also changes the list on screen.
 *
 *   build-aux/dev benchmark window
 *   build-aux/dev exec xvfb-run -a dbus-run-session -- tests/bench/bench-window [RUNS] [KEYS]
 *
 * Exits with 1 when a goal is missed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline-Bench"

#include <stdlib.h>
#include <string.h>

#include "bench-utils.h"
#include "ui-test-utils.h"
#include "byline-article-editor.h"
#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-checklist.h"
#include "byline-document.h"
#include "byline-thumbnailer.h"
#include "byline-window.h"
#include "byline-window-private.h"

#define GOAL_OPEN_RATIO 3.0
#define GOAL_RSS_MB     250.0
#define GOAL_FRAME_MS   16.0
#define N_WARMUP_KEYS   10

/* ------------------------------------------------------------ frame clock */

typedef struct
{
  guint  n_paints;
  gint64 painted_at;
} Frames;

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  frames->painted_at = g_get_monotonic_time ();
  frames->n_paints++;
}

typedef struct
{
  Frames frames;
  guint  since;
} FrameWait;

static gboolean
frame_wait_done (gpointer data)
{
  FrameWait *wait = data;

  return wait->frames.n_paints > wait->since;
}

/* Runs the main loop until the next frame is painted; its time. */
static gint64
wait_for_paint (FrameWait *wait)
{
  gboolean painted;

  painted = byline_ui_test_wait_until (frame_wait_done, wait, 10000);
  g_assert_true (painted);
  return wait->frames.painted_at;
}

static gulong
watch_frames (GtkWidget *widget,
              FrameWait *wait)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_assert_nonnull (clock);
  return g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &wait->frames);
}

/* ------------------------------------------------------------------- open */

static double
time_core_load (BylineDraftStore *store,
                const char       *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;
  gint64 start = g_get_monotonic_time ();

  article = byline_draft_store_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gboolean
thumbnails_done (gpointer data)
{
  return byline_thumbnailer_get_n_pending (byline_thumbnailer_get_default ()) == 0;
}

static gboolean
body_complete (gpointer data)
{
  BylineBodyView *view = byline_article_editor_get_body_view (byline_window_get_editor (data));

  return byline_body_buffer_get_complete (byline_body_view_get_body_buffer (view));
}

/* From a first frame to the frame that has the whole story in the view: a
 * long story shows its top first, ready to type in, and the rest follows. */
static gint64
wait_for_whole_story (BylineWindow *window,
                      FrameWait    *wait)
{
  BylineBodyView *view = byline_article_editor_get_body_view (byline_window_get_editor (window));

  /* A ceiling for a profiler's slow run, not a goal. */
  g_assert_true (byline_ui_test_wait_until (body_complete, window, 120000));
  wait->since = wait->frames.n_paints;
  /* The frame that shows the last lines may already be painted, and a window
   * with nothing new to show paints no more: one more frame of the view
   * (at most a frame late). */
  gtk_widget_queue_draw (GTK_WIDGET (view));
  wait_for_paint (wait);
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))), >, 80000);
  return wait->frames.painted_at;
}

/* A new window on draft @id: the time to its first frame in @ms, and with
 * @whole_ms (NULL: not waited for) the time to the whole story in the view. */
static BylineWindow *
open_window (BylineDraftStore *store,
             const char       *id,
             FrameWait        *wait,
             double           *ms,
             double           *whole_ms)
{
  g_autoptr(GError) error = NULL;
  BylineWindow *window;
  BylineBodyView *view;
  gint64 start, painted, whole;

  wait->since = 0;
  wait->frames.n_paints = 0;
  start = g_get_monotonic_time ();
  window = byline_window_new (NULL, store);
  g_assert_true (byline_window_open_draft (window, id, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  watch_frames (GTK_WIDGET (window), wait);
  painted = wait_for_paint (wait);
  if (ms != NULL)
    *ms = (painted - start) / 1000.0;

  /* Editable: the story's top is in the view, which has the focus. */
  view = byline_article_editor_get_body_view (byline_window_get_editor (window));
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))), >, 1000);

  if (whole_ms != NULL)
    {
      whole = wait_for_whole_story (window, wait);
      *whole_ms = (whole - start) / 1000.0;
    }
  return window;
}

/* The timed part of open_in_window(), a function of its own for a profiler
 * (perf's or callgrind's view of what it calls). */
static G_GNUC_NO_INLINE gint64
open_into (BylineWindow *window,
           const char   *id,
           FrameWait    *wait)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (byline_window_open_draft (window, id, &error));
  g_assert_no_error (error);
  return wait_for_paint (wait);
}

/* The story a window shows before the long one is opened into it. */
static BylineArticle *
save_short_story (BylineDraftStore *store)
{
  g_autoptr(GError) error = NULL;
  BylineArticle *story = byline_article_new ();

  byline_article_set_headline (story, "Tin ngắn");
  g_assert_true (byline_draft_store_save (store, story, &error));
  g_assert_no_error (error);
  return story;
}

/* The same draft opened in a window already on screen (showing another
 * story): what opening from the drafts library costs, without making a window.
 * @whole_ms as for open_window(). */
static double
open_in_window (BylineWindow *window,
                const char   *other_id,
                const char   *id,
                FrameWait    *wait,
                double       *whole_ms)
{
  g_autoptr(GError) error = NULL;
  gint64 start, painted;

  g_assert_true (byline_window_open_draft (window, other_id, &error));
  g_assert_no_error (error);
  wait->since = wait->frames.n_paints;
  wait_for_paint (wait);
  g_assert_true (byline_ui_test_wait_until (thumbnails_done, NULL, 60000));
  byline_ui_test_wait (100);

  wait->since = wait->frames.n_paints;
  start = g_get_monotonic_time ();
  painted = open_into (window, id, wait);
  g_assert_cmpint (gtk_text_buffer_get_char_count (
                     gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                       byline_article_editor_get_body_view (byline_window_get_editor (window))))), >, 1000);
  if (whole_ms != NULL)
    *whole_ms = (wait_for_whole_story (window, wait) - start) / 1000.0;
  return (painted - start) / 1000.0;
}

static void
close_window (BylineWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  /* Decodes the window asked for finish (or are cancelled) before the next run. */
  g_assert_true (byline_ui_test_wait_until (thumbnails_done, NULL, 60000));
  byline_ui_test_wait (100);
}

/* ----------------------------------------------------------------- memory */

static double
status_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, field);
  g_assert_nonnull (line);
  return g_ascii_strtod (line + strlen (field) + 1, NULL) / 1024.0;
}

static GtkAdjustment *
body_scroll (BylineWindow *window)
{
  GtkWidget *view = GTK_WIDGET (byline_article_editor_get_body_view (byline_window_get_editor (window)));
  GtkWidget *scroller = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scroller);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

/* Scrolls through the whole story a page at a time, as a reader would. */
static void
scroll_through (BylineWindow *window,
                FrameWait    *wait)
{
  GtkAdjustment *adj = body_scroll (window);

  for (double value = 0;
       value + gtk_adjustment_get_page_size (adj) < gtk_adjustment_get_upper (adj);
       value += gtk_adjustment_get_page_size (adj))
    {
      /* No frame for a scroll that does not move (the first page). */
      if (gtk_adjustment_get_value (adj) != value)
        {
          wait->since = wait->frames.n_paints;
          gtk_adjustment_set_value (adj, value);
          wait_for_paint (wait);
        }
      g_assert_true (byline_ui_test_wait_until (thumbnails_done, NULL, 60000));
    }
}

/* ----------------------------------------------------------------- typing */

/* One key: inserted as GtkTextView inserts a key press, then the main loop
 * runs until the next frame is painted.  Separate, so that a profiler can
 * collect only these (callgrind --toggle-collect=type_one_key). */
static G_NO_INLINE void
type_one_key (GtkTextView *view,
              const char  *key,
              FrameWait   *wait,
              double      *handler_ms,
              double      *frame_ms)
{
  gint64 start, handled, painted;

  wait->since = wait->frames.n_paints;
  start = g_get_monotonic_time ();
  byline_ui_test_type (view, key);
  handled = g_get_monotonic_time ();
  painted = wait_for_paint (wait);
  *handler_ms = (handled - start) / 1000.0;
  *frame_ms = (painted - start) / 1000.0;
}

/* Types @n_keys keys at the cursor of @view, timing each to its frame. */
static void
type_keys (GtkTextView *view,
           FrameWait   *wait,
           guint        n_keys,
           double      *handler_ms,
           double      *frame_ms)
{
  /* Words of the story, so that the spell checker has real work. */
  static const char typed[] = "người dân xã Nậm Hàng đã về nhà an toàn ";
  const char *p = typed;

  /* The first keys warm up (and are not counted), the others are measured. */
  for (int i = -N_WARMUP_KEYS; i < (int) n_keys; i++)
    {
      const char *next = g_utf8_next_char (p);
      g_autofree char *key = g_strndup (p, next - p);
      double handler, frame;

      /* Quiet between keys, as between key presses. */
      byline_ui_test_wait (40);
      if (i < 0)
        {
          byline_ui_test_type (view, key);
          byline_ui_test_wait (20);
        }
      else
        {
          type_one_key (view, key, wait, &handler, &frame);
          handler_ms[i] = handler;
          frame_ms[i] = frame;
        }
      p = *next ? next : typed;
    }
}

static guint
middle_paragraph (BylineBody *body)
{
  guint block = byline_body_get_n_blocks (body) / 2;

  while (byline_block_get_kind (byline_body_get_block (body, block)) != BYLINE_BLOCK_PARAGRAPH)
    block++;
  return block;
}

/* The cursor at @offset in @block, the body focused. */
static void
place_cursor (BylineWindow *window,
              guint         block,
              guint         offset)
{
  BylineBodyView *view = byline_article_editor_get_body_view (byline_window_get_editor (window));
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (view);
  GtkTextIter iter;

  byline_body_buffer_get_iter_at_block (buffer, &iter, block, offset);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &iter);
  byline_ui_test_wait (500);
}

static void
type_in_the_middle (BylineWindow *window,
                    FrameWait    *wait,
                    guint         n_keys,
                    double       *handler_ms,
                    double       *frame_ms)
{
  BylineBodyView *view = byline_article_editor_get_body_view (byline_window_get_editor (window));
  BylineBody *body = byline_body_buffer_get_body (byline_body_view_get_body_buffer (view));
  guint block = middle_paragraph (body);

  place_cursor (window, block, byline_block_get_length (byline_body_get_block (body, block)) / 2);
  type_keys (GTK_TEXT_VIEW (view), wait, n_keys, handler_ms, frame_ms);
}

/* The first paragraph with findings of two severities (a warning and a
 * note), from the checklist: where a reporter going through it would type. */
static guint
paragraph_with_findings (BylineWindow *window)
{
  GListModel *findings = byline_checklist_get_findings (_byline_window_get_checklist (window));
  g_autoptr(GHashTable) severities = g_hash_table_new (NULL, NULL);
  int first = -1;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BylineFinding) finding = g_list_model_get_item (findings, i);
      gpointer block = GINT_TO_POINTER (byline_finding_get_block (finding));
      guint mask = GPOINTER_TO_UINT (g_hash_table_lookup (severities, block));

      if (byline_finding_get_field (finding) != BYLINE_FIELD_BODY)
        continue;
      mask |= 1u << byline_finding_get_severity (finding);
      g_hash_table_insert (severities, block, GUINT_TO_POINTER (mask));
      if ((mask & (mask - 1)) != 0 && (first < 0 || GPOINTER_TO_INT (block) < first))
        first = GPOINTER_TO_INT (block);
    }
  g_assert_cmpint (first, >=, 0);
  return first;
}

/* The body as plain text, a paragraph a line (pictures left out); the line
 * of block @middle in @line. */
static char *
plain_body_text (BylineBody *body,
                 guint       middle,
                 guint      *line)
{
  GString *text = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);

      if (byline_block_get_kind (block) == BYLINE_BLOCK_IMAGE)
        continue;
      if (i == middle && line != NULL)
        *line = n;
      g_string_append (text, byline_block_get_text (block));
      g_string_append_c (text, '\n');
      n++;
    }
  return g_string_free (text, FALSE);
}

/* A window with nothing but a scrolled GtkTextView showing @text. */
static GtkWidget *
bare_view_window (const char  *text,
                  GtkWidget  **view_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  if (view_out != NULL)
    *view_out = view;
  return window;
}

/* What GTK itself takes to show the story's text: the draft loaded by the
 * core, its paragraphs put into a plain GtkTextView in a new window, until
 * that window's first frame.  The floor under the window's open. */
static double
open_bare_view (BylineDraftStore *store,
                const char       *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autofree char *text = NULL;
  FrameWait wait = { 0 };
  GtkWidget *window;
  gint64 start, painted;

  start = g_get_monotonic_time ();
  article = byline_draft_store_load (store, id, &error);
  g_assert_no_error (error);
  text = plain_body_text (byline_article_get_body (article), 0, NULL);
  window = bare_view_window (text, NULL);
  gtk_window_present (GTK_WINDOW (window));
  watch_frames (window, &wait);
  painted = wait_for_paint (&wait);
  gtk_window_destroy (GTK_WINDOW (window));
  byline_ui_test_wait (50);
  return (painted - start) / 1000.0;
}

/* The baseline for typing: a bare GtkTextView in a window of the same size,
 * holding the same story's text (paragraphs only), typed into the same way
 * at the same place.  What it takes is what GTK, cairo and Xvfb take for a
 * key on this machine. */
static void
type_in_bare_view (BylineBody *body,
                   guint       n_keys,
                   double     *handler_ms,
                   double     *frame_ms)
{
  guint middle = middle_paragraph (body), target = 0;
  g_autofree char *text = plain_body_text (body, middle, &target);
  GtkWidget *view;
  GtkWidget *window = bare_view_window (text, &view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  FrameWait wait = { 0 };
  GtkTextIter iter;

  gtk_window_present (GTK_WINDOW (window));
  watch_frames (window, &wait);
  wait_for_paint (&wait);

  gtk_text_buffer_get_iter_at_line (buffer, &iter, target);
  gtk_text_iter_forward_chars (&iter, gtk_text_iter_get_chars_in_line (&iter) / 2);
  gtk_widget_grab_focus (view);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (view), &iter, 0, TRUE, 0, 0.5);
  byline_ui_test_wait (1500);
  type_keys (GTK_TEXT_VIEW (view), &wait, n_keys, handler_ms, frame_ms);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The longest the main loop was kept from running while someone types a word
 * and pauses to think, as reporters do: a key pressed then waits that long
 * before anything else happens.  Work that runs after a pause (the checks,
 * the autosave) shows here, not in the keystrokes above. */
typedef struct
{
  gint64 last;
  gint64 longest;
} Stall;

static gboolean
on_stall_tick (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last != 0)
    stall->longest = MAX (stall->longest, now - stall->last);
  /* BENCH_WINDOW_VERBOSE=1: each gap, with the time, to set beside the debug log. */
  if (stall->last != 0 && now - stall->last > 16000 && g_getenv ("BENCH_WINDOW_VERBOSE") != NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_now_local ();
      g_autofree char *when = g_date_time_format (dt, "%T.%f");

      g_printerr ("stall: %.1f ms, ending %s\n", (now - stall->last) / 1000.0, when);
    }
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

static double
type_with_pauses (BylineWindow *window,
                  guint         n_words,
                  guint         pause_ms)
{
  BylineBodyView *view = byline_article_editor_get_body_view (byline_window_get_editor (window));
  Stall stall = { 0 };
  guint tick;

  tick = g_timeout_add_full (G_PRIORITY_HIGH, 2, on_stall_tick, &stall, NULL);
  for (guint i = 0; i < n_words; i++)
    {
      const char *word = i % 2 ? "hiện trường " : "cứu hộ ";

      for (const char *p = word; *p; p = g_utf8_next_char (p))
        {
          g_autofree char *key = g_strndup (p, g_utf8_next_char (p) - p);

          byline_ui_test_type (GTK_TEXT_VIEW (view), key);
          byline_ui_test_wait (60);
        }
      byline_ui_test_wait (pause_ms);
    }
  g_source_remove (tick);
  return stall.longest / 1000.0;
}

/* ------------------------------------------------------------ the child */

/* A fresh process that opens the draft, as the application does: its memory
 * is the window's and the story's, not the generator's.  Prints key=value. */
static int
run_child (const char *store_path,
           const char *id,
           guint       n_keys)
{
  g_autoptr(GFile) folder = g_file_new_for_path (store_path);
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (folder);
  g_autofree double *handler_ms = g_new0 (double, n_keys);
  g_autofree double *frame_ms = g_new0 (double, n_keys);
  GtkSettings *settings = gtk_settings_get_default ();
  FrameWait wait = { 0 };
  BylineWindow *window;
  const char *only;
  double open_ms, rss_open, rss_scrolled, hwm;

  /* A blinking cursor paints frames of its own. */
  g_object_set (settings, "gtk-cursor-blink", FALSE, NULL);

  window = open_window (store, id, &wait, &open_ms, NULL);
  /* For a profiler (BENCH_WINDOW_CHILD_PREFIX): BENCH_WINDOW_ONLY=open|open-again|typing
   * (open_into() is the timed part of open-again). */
  only = g_getenv ("BENCH_WINDOW_ONLY");
  if (g_strcmp0 (only, "open") == 0)
    {
      g_print ("open_ms=%.2f\n", open_ms);
      return 0;
    }
  if (g_strcmp0 (only, "open-again") == 0)
    {
      g_autoptr(BylineArticle) short_story = save_short_story (store);

      g_print ("open_again_ms=%.2f\n",
               open_in_window (window, byline_article_get_id (short_story), id, &wait, NULL));
      return 0;
    }
  if (g_strcmp0 (only, "typing") == 0)
    {
      /* As in the whole run: the story all shown, the thumbnails made (the
       * cursor is put in the middle of the story, which must be there). */
      g_assert_true (byline_ui_test_wait_until (body_complete, window, 120000));
      g_assert_true (byline_ui_test_wait_until (thumbnails_done, NULL, 120000));
      byline_ui_test_wait (1000);
      type_in_the_middle (window, &wait, n_keys, handler_ms, frame_ms);
      g_print ("frame_median_ms=%.2f\nframe_p95_ms=%.2f\n",
               bench_median (frame_ms, n_keys), bench_percentile (frame_ms, n_keys, 0.95));
      return 0;
    }
  g_assert_true (byline_ui_test_wait_until (thumbnails_done, NULL, 120000));
  byline_ui_test_wait (1000);
  rss_open = status_mb ("VmRSS:");

  scroll_through (window, &wait);
  byline_ui_test_wait (1000);
  rss_scrolled = status_mb ("VmRSS:");
  hwm = status_mb ("VmHWM:");
  g_print ("rss_anon_mb=%.1f\nrss_file_mb=%.1f\n", status_mb ("RssAnon:"), status_mb ("RssFile:"));
  if (g_strcmp0 (only, "memory") == 0)
    {
      g_print ("rss_open_mb=%.1f\nrss_scrolled_mb=%.1f\nhwm_mb=%.1f\n", rss_open, rss_scrolled, hwm);
      return 0;
    }

  type_in_the_middle (window, &wait, n_keys, handler_ms, frame_ms);
  g_print ("stall_ms=%.2f\n", type_with_pauses (window, 6, 2500));
  /* The checklist's first run on showing it is on the main thread, and so is
   * the sidebar's slide: neither is typing's.  Then words typed at the start
   * of a paragraph with a warning and a note, as after going to one of them:
   * the first run after them moves both, far apart in the list. */
  _byline_window_show_checklist (window);
  byline_ui_test_wait (1500);
  place_cursor (window, paragraph_with_findings (window), 0);
  g_print ("stall_shown_ms=%.2f\n", type_with_pauses (window, 6, 2500));
  {
    g_autofree double *bare_handler_ms = g_new0 (double, n_keys);
    g_autofree double *bare_frame_ms = g_new0 (double, n_keys);
    BylineBody *body = byline_article_get_body (byline_document_get_article (byline_window_get_document (window)));

    type_in_bare_view (body, n_keys, bare_handler_ms, bare_frame_ms);
    g_print ("bare_frame_median_ms=%.2f\nbare_frame_p95_ms=%.2f\n",
             bench_median (bare_frame_ms, n_keys), bench_percentile (bare_frame_ms, n_keys, 0.95));
  }

  g_print ("open_ms=%.2f\n", open_ms);
  g_print ("rss_open_mb=%.1f\nrss_scrolled_mb=%.1f\nhwm_mb=%.1f\n", rss_open, rss_scrolled, hwm);
  g_print ("handler_median_ms=%.2f\nhandler_p95_ms=%.2f\n",
           bench_median (handler_ms, n_keys), bench_percentile (handler_ms, n_keys, 0.95));
  g_print ("frame_median_ms=%.2f\nframe_p95_ms=%.2f\nframe_max_ms=%.2f\n",
           bench_median (frame_ms, n_keys), bench_percentile (frame_ms, n_keys, 0.95),
           bench_percentile (frame_ms, n_keys, 1.0));

  /* Not a save on close: the typing is not part of the story. */
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

static double
child_value (const char *output,
             const char *key)
{
  /* A whole key ("frame_median_ms" is also in "bare_frame_median_ms"), at
   * the start of a line or after the "# " of GLib's TAP output. */
  g_autofree char *needle = g_strdup_printf ("# %s=", key);
  g_autofree char *plain = g_strdup_printf ("\n%s=", key);
  g_autofree char *text = g_strconcat ("\n", output, NULL);
  const char *line = strstr (text, needle);

  if (line == NULL && (line = strstr (text, plain)) != NULL)
    needle = g_steal_pointer (&plain);

  if (line == NULL)
    g_error ("the child printed no %s:\n%s", key, output);
  return g_ascii_strtod (line + strlen (needle), NULL);
}

static char *
run_child_process (const char *self_path,
                   const char *store_path,
                   const char *id,
                   guint       n_keys,
                   gboolean    without_gl,
                   const char *only)
{
  g_autofree char *keys = g_strdup_printf ("%u", n_keys);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) child_argv = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *prefix = g_getenv ("BENCH_WINDOW_CHILD_PREFIX");
  char *out = NULL;
  int status;

  /* BENCH_WINDOW_CHILD_PREFIX="valgrind --tool=callgrind": profile the child. */
  if (prefix != NULL)
    {
      g_auto(GStrv) words = g_strsplit (prefix, " ", -1);
      g_strv_builder_addv (builder, (const char **) words);
    }
  g_strv_builder_add_many (builder, self_path, "--child", store_path, id, keys, NULL);
  child_argv = g_strv_builder_end (builder);
  envp = without_gl ? g_environ_setenv (envp, "GDK_DISABLE", "gl", TRUE) : g_environ_unsetenv (envp, "GDK_DISABLE");
  if (only != NULL)
    envp = g_environ_setenv (envp, "BENCH_WINDOW_ONLY", only, TRUE);
  g_spawn_sync (NULL, child_argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* BENCH_WINDOW_VERBOSE=1: what the child printed, its debug log too
   * (G_MESSAGES_DEBUG=Byline through BENCH_WINDOW_CHILD_PREFIX="env G_MESSAGES_DEBUG=Byline"). */
  if (g_getenv ("BENCH_WINDOW_VERBOSE") != NULL)
    g_printerr ("%s", out);
  return out;
}

static const char *
verdict (gboolean met)
{
  return met ? "PASS" : "FAIL";
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(GFile) photos = NULL;
  g_autoptr(GFile) store_folder = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *store_path = NULL;
  g_autofree char *child_out = NULL;
  g_autofree char *child_gl_out = NULL;
  g_autofree double *load_ms = NULL;
  g_autofree double *open_ms = NULL;
  g_autofree double *ratios = NULL;
  g_autofree double *bare_ms = NULL;
  g_autofree double *whole_ms = NULL;
  g_autofree double *whole_ratios = NULL;
  const char *id;
  guint runs = 7, n_keys = 200;
  double load, open, ratio, bare, open_again, ratio_again, whole, whole_ratio, whole_again, whole_ratio_again, rss_open, rss_scrolled, hwm, rss, frame_median, frame_p95, stall, stall_shown;
  gboolean open_met, rss_met, typing_met, stall_met, stall_shown_met;

  if (argc == 5 && g_str_equal (argv[1], "--child"))
    {
      byline_ui_test_init (&argc, &argv);
      return run_child (argv[2], argv[3], (guint) atoi (argv[4]));
    }
  if (argc > 1)
    runs = MAX (1, atoi (argv[1]));
  if (argc > 2)
    n_keys = MAX (20, atoi (argv[2]));

  byline_ui_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  tmp = g_dir_make_tmp ("byline-bench-window-XXXXXX", &error);
  g_assert_no_error (error);
  photos = g_file_new_build_filename (tmp, "photos", NULL);
  g_file_make_directory (photos, NULL, &error);
  g_assert_no_error (error);
  store_folder = g_file_new_build_filename (tmp, "drafts", NULL);
  store_path = g_file_get_path (store_folder);

  g_print ("writing the story and its %u pictures of 4000 × 3000…\n", BENCH_N_IMAGES);
  article = bench_make_long_article (photos, BENCH_PICTURES_CAMERA_JPEG);
  store = byline_draft_store_new (store_folder);
  g_assert_true (byline_draft_store_save (store, article, &error));
  g_assert_no_error (error);
  id = byline_article_get_id (article);
  g_print ("article: %u words, %u pictures; %u interleaved runs, %u keys\n",
           byline_article_count_words (article), byline_article_get_n_images (article), runs, n_keys);

  /* Open: the core's load and the window's, interleaved, after a warm-up of each. */
  load_ms = g_new0 (double, runs);
  open_ms = g_new0 (double, runs);
  ratios = g_new0 (double, runs);
  bare_ms = g_new0 (double, runs);
  whole_ms = g_new0 (double, runs);
  whole_ratios = g_new0 (double, runs);
  time_core_load (store, id);
  {
    FrameWait wait = { 0 };
    close_window (open_window (store, id, &wait, NULL, NULL));
  }
  open_bare_view (store, id);
  for (guint i = 0; i < runs; i++)
    {
      FrameWait wait = { 0 };

      load_ms[i] = time_core_load (store, id);
      close_window (open_window (store, id, &wait, &open_ms[i], &whole_ms[i]));
      ratios[i] = open_ms[i] / load_ms[i];
      whole_ratios[i] = whole_ms[i] / load_ms[i];
      bare_ms[i] = open_bare_view (store, id);
    }
  load = bench_median (load_ms, runs);
  open = bench_median (open_ms, runs);
  ratio = bench_median (ratios, runs);
  bare = bench_median (bare_ms, runs);
  whole = bench_median (whole_ms, runs);
  whole_ratio = bench_median (whole_ratios, runs);

  /* The same, into a window already open on a short story. */
  {
    g_autoptr(BylineArticle) short_story = save_short_story (store);
    FrameWait wait = { 0 };
    BylineWindow *window;

    window = open_window (store, id, &wait, NULL, NULL);
    for (guint i = 0; i < runs; i++)
      {
        load_ms[i] = time_core_load (store, id);
        open_ms[i] = open_in_window (window, byline_article_get_id (short_story), id, &wait, &whole_ms[i]);
        ratios[i] = open_ms[i] / load_ms[i];
        whole_ratios[i] = whole_ms[i] / load_ms[i];
      }
    close_window (window);
    open_again = bench_median (open_ms, runs);
    ratio_again = bench_median (ratios, runs);
    whole_again = bench_median (whole_ms, runs);
    whole_ratio_again = bench_median (whole_ratios, runs);
  }

  /* BENCH_WINDOW_OPEN_ONLY=1: only the opening, for quick A/B runs. */
  if (g_getenv ("BENCH_WINDOW_OPEN_ONLY") != NULL)
    {
      g_print ("open_ms=%.2f\nload_ms=%.2f\nopen_ratio=%.2f\nopen_again_ms=%.2f\nopen_again_ratio=%.2f\n"
               "whole_ms=%.2f\nwhole_again_ms=%.2f\nbare_ms=%.2f\nwhole_over_bare=%.2f\n",
               open, load, ratio, open_again, ratio_again, whole, whole_again, bare, whole / bare);
      return 0;
    }

  /* Memory and typing in a process of their own, without GL: the benchmark
   * draws with cairo, and under Xvfb merely probing GL loads Mesa's llvmpipe
   * and LLVM (some 75 MB of RSS no user's machine has in that form).  Then
   * the memory once more with the probe, to show it. */
  child_out = run_child_process (argv[0], store_path, id, n_keys, TRUE, NULL);
  child_gl_out = run_child_process (argv[0], store_path, id, n_keys, FALSE, "memory");
  rss_open = child_value (child_out, "rss_open_mb");
  rss_scrolled = child_value (child_out, "rss_scrolled_mb");
  hwm = child_value (child_out, "hwm_mb");
  rss = MAX (rss_open, rss_scrolled);
  frame_median = child_value (child_out, "frame_median_ms");
  frame_p95 = child_value (child_out, "frame_p95_ms");

  open_met = ratio <= GOAL_OPEN_RATIO;
  rss_met = rss <= GOAL_RSS_MB;
  typing_met = frame_median < GOAL_FRAME_MS && frame_p95 < GOAL_FRAME_MS;
  stall = child_value (child_out, "stall_ms");
  stall_met = stall < GOAL_FRAME_MS;
  stall_shown = child_value (child_out, "stall_shown_ms");
  stall_shown_met = stall_shown < GOAL_FRAME_MS;

  g_print ("\n%-44s %10s %10s %10s  %s\n", "measure", "value", "baseline", "ratio", "goal");
  g_print ("%-44s %7.1f ms %7.1f ms %9.2f×  ≤ %.0f× core load: %s\n",
           "open draft → first frame, editable (median)", open, load, ratio, GOAL_OPEN_RATIO, verdict (open_met));
  g_print ("%-44s %7.1f ms\n", "  (same, fresh process, first open)", child_value (child_out, "open_ms"));
  g_print ("%-44s %7.1f ms %10s %9.2f×  (shown)\n", "  (same, into a window already open)", open_again, "", ratio_again);
  g_print ("%-44s %7.1f ms %7.1f ms %9.2f×  (shown)\n", "open draft → whole story in the view", whole, load, whole_ratio);
  g_print ("%-44s %7.1f ms %10s %9.2f×  (shown)\n", "  (same, into a window already open)", whole_again, "", whole_ratio_again);
  g_print ("%-44s %7.1f ms %7.1f ms %9.2f×  (the floor: GTK alone, same text)\n",
           "  (bare GtkTextView, same text, new window)", bare, load, bare / load);
  g_print ("%-44s %7.1f MB %10s %10s  ≤ %.0f MB: %s\n",
           "RSS, draft open, thumbnails decoded", rss_open, "", "", GOAL_RSS_MB, verdict (rss_open <= GOAL_RSS_MB));
  g_print ("%-44s %7.1f MB %10s %10s  ≤ %.0f MB: %s\n",
           "RSS, after scrolling through the story", rss_scrolled, "", "", GOAL_RSS_MB,
           verdict (rss_scrolled <= GOAL_RSS_MB));
  g_print ("%-44s %7.1f MB\n", "  (peak RSS, VmHWM)", hwm);
  g_print ("%-44s %7.1f MB %7.1f MB\n", "  (after scrolling: anonymous / files)",
           child_value (child_out, "rss_anon_mb"), child_value (child_out, "rss_file_mb"));
  g_print ("%-44s %7.1f MB %7.1f MB\n", "  (same with Xvfb's GL probed: RSS / files)",
           child_value (child_gl_out, "rss_scrolled_mb"), child_value (child_gl_out, "rss_file_mb"));
  g_print ("%-44s %7.2f ms %7.2f ms\n", "key: handler, median / p95",
           child_value (child_out, "handler_median_ms"), child_value (child_out, "handler_p95_ms"));
  g_print ("%-44s %7.2f ms %7.2f ms %10s  < %.0f ms: %s\n", "key → after-paint, median / p95",
           frame_median, frame_p95, "", GOAL_FRAME_MS, verdict (typing_met));
  g_print ("%-44s %7.2f ms\n", "  (key → after-paint, worst)", child_value (child_out, "frame_max_ms"));
  g_print ("%-44s %7.2f ms %7.2f ms %9.2f×  (baseline: a bare GtkTextView, same text)\n",
           "  bare GtkTextView: key → after-paint, median / p95",
           child_value (child_out, "bare_frame_median_ms"), child_value (child_out, "bare_frame_p95_ms"),
           frame_median / child_value (child_out, "bare_frame_median_ms"));
  g_print ("%-44s %7.2f ms %10s %10s  < %.0f ms: %s\n", "longest main-loop stall, typing with pauses",
           stall, "", "", GOAL_FRAME_MS, verdict (stall_met));
  g_print ("%-44s %7.2f ms %10s %10s  < %.0f ms: %s\n", "  (same, checklist shown)",
           stall_shown, "", "", GOAL_FRAME_MS, verdict (stall_shown_met));

  g_clear_object (&store);
  return open_met && rss_met && typing_met && stall_met && stall_shown_met ? 0 : 1;
}
