/* byline-focus-keeper.c
 *
 * When a breakpoint of an AdwApplicationWindow applies or unapplies,
 * libadwaita 1.7's AdwBreakpointBin hides the window's content for a frame
 * (so that the old layout is not drawn at the new size).  Hidden, the story
 * being typed in loses the focus, and a focus move asked for meanwhile ends
 * on the first control of the header bar: a reporter who snaps the window
 * to half the screen finds the main menu focused, and the next space opens
 * it.  Later libadwaita versions give the focus back themselves; this does
 * it for the versions that do not: once the frame after the change is over,
 * the widget that last had the focus gets it again, if it is still shown.
 *
 * A dialog has the same trouble when it changes between a floating sheet
 * and a bottom sheet (its own breakpoint, applied at its first size in a
 * narrow window): its content goes to a new sheet, not yet open, and the
 * focus asked for (the drafts library's search) ends on the first button
 * of its header bar.  The window's keeper attaches one to every dialog it
 * shows, which gives it back the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "byline-focus-keeper.h"

#define KEEPER_KEY "byline-focus-keeper"

typedef struct
{
  GtkWidget *host;         /* the window or the dialog, unowned: the keeper lives in its data */
  gboolean   bottom_sheet; /* a dialog's presentation */
  GtkWidget *last_focus;   /* weak: the last widget that had the focus */
  GtkWidget *to_restore;   /* weak */
  guint      tick_id;
  guint      idle_id;
} FocusKeeper;

/* While the window is whole: its data is freed only after the widget's
 * own finalization, too late for its tick callback. */
static void
on_host_destroy (FocusKeeper *keeper)
{
  if (keeper->tick_id != 0)
    gtk_widget_remove_tick_callback (keeper->host, keeper->tick_id);
  keeper->tick_id = 0;
  g_clear_handle_id (&keeper->idle_id, g_source_remove);
}

static void
keeper_free (gpointer data)
{
  FocusKeeper *keeper = data;

  g_clear_handle_id (&keeper->idle_id, g_source_remove);
  g_clear_weak_pointer (&keeper->last_focus);
  g_clear_weak_pointer (&keeper->to_restore);
  g_free (keeper);
}

static GtkWidget *
host_focus (FocusKeeper *keeper)
{
  if (ADW_IS_DIALOG (keeper->host))
    return adw_dialog_get_focus (ADW_DIALOG (keeper->host));
  return gtk_window_get_focus (GTK_WINDOW (keeper->host));
}

static void
on_focus_changed (FocusKeeper *keeper)
{
  GtkWidget *focus = host_focus (keeper);

  if (focus != NULL)
    g_set_weak_pointer (&keeper->last_focus, focus);
}

static gboolean
restore_focus (gpointer data)
{
  FocusKeeper *keeper = data;
  GtkWidget *widget = keeper->to_restore;

  keeper->idle_id = 0;
  if (widget != NULL
      && host_focus (keeper) != widget
      && gtk_widget_get_mapped (widget)
      && gtk_widget_is_sensitive (widget))
    {
      g_debug ("Focus given back to %s after a breakpoint", G_OBJECT_TYPE_NAME (widget));
      gtk_widget_grab_focus (widget);
    }
  g_clear_weak_pointer (&keeper->to_restore);
  return G_SOURCE_REMOVE;
}

/* The bin shows the content again from a tick callback of this frame, added
 * after this one: the focus is given back once the frame is over. */
static gboolean
on_frame_after_change (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  FocusKeeper *keeper = data;

  keeper->tick_id = 0;
  if (keeper->idle_id == 0)
    keeper->idle_id = g_idle_add (restore_focus, keeper);
  return G_SOURCE_REMOVE;
}

static void
on_breakpoint_changed (FocusKeeper *keeper)
{
  /* The focus itself may already be gone: the content is hidden first. */
  if (keeper->last_focus == NULL)
    return;
  g_set_weak_pointer (&keeper->to_restore, keeper->last_focus);
  if (keeper->tick_id == 0)
    keeper->tick_id = gtk_widget_add_tick_callback (keeper->host, on_frame_after_change, keeper, NULL);
}

/* AdwDialog says which sheet it is in only by its style classes. */
static void
on_dialog_classes_changed (FocusKeeper *keeper)
{
  gboolean bottom_sheet = gtk_widget_has_css_class (keeper->host, "bottom-sheet");

  if (bottom_sheet == keeper->bottom_sheet)
    return;
  keeper->bottom_sheet = bottom_sheet;
  on_breakpoint_changed (keeper);
}

static FocusKeeper *
keeper_new (GtkWidget *host)
{
  FocusKeeper *keeper;

  g_return_val_if_fail (g_object_get_data (G_OBJECT (host), KEEPER_KEY) == NULL, NULL);

  keeper = g_new0 (FocusKeeper, 1);
  keeper->host = host;
  g_object_set_data_full (G_OBJECT (host), KEEPER_KEY, keeper, keeper_free);
  g_signal_connect_swapped (host, "notify::focus-widget", G_CALLBACK (on_focus_changed), keeper);
  g_signal_connect_swapped (host, "destroy", G_CALLBACK (on_host_destroy), keeper);
  return keeper;
}

static void
attach_dialog (AdwDialog *dialog)
{
  FocusKeeper *keeper;

  if (g_object_get_data (G_OBJECT (dialog), KEEPER_KEY) != NULL)
    return;
  keeper = keeper_new (GTK_WIDGET (dialog));
  /* A focus set before it is shown counts too. */
  on_focus_changed (keeper);
  g_signal_connect_swapped (dialog, "notify::css-classes", G_CALLBACK (on_dialog_classes_changed), keeper);
}

/* Each dialog the window shows gets a keeper of its own. */
static void
on_visible_dialog (AdwApplicationWindow *window)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (window);

  if (dialog != NULL)
    attach_dialog (dialog);
}

void
byline_focus_keeper_attach (AdwApplicationWindow *window)
{
  FocusKeeper *keeper;

  g_return_if_fail (ADW_IS_APPLICATION_WINDOW (window));

  keeper = keeper_new (GTK_WIDGET (window));
  g_signal_connect_swapped (window, "notify::current-breakpoint", G_CALLBACK (on_breakpoint_changed), keeper);
  g_signal_connect (window, "notify::visible-dialog", G_CALLBACK (on_visible_dialog), NULL);
}
