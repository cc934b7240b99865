/* byline-window-private.h — shared by the window and its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-window.h"

G_BEGIN_DECLS

struct _BylineWindow
{
  AdwApplicationWindow   parent_instance;

  BylineDraftStore      *store;
  BylineDocument        *document;
  GSettings             *settings;
  gboolean               closing_confirmed;
  BylinePublisher       *publisher;          /* NULL: no sending (some tests) */
  GSimpleActionGroup    *send_group;         /* send.to */
  GMenu                 *destinations_menu;

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  AdwWindowTitle        *window_title;
  AdwBanner             *banner;
  AdwOverlaySplitView   *outer_split;
  AdwOverlaySplitView   *inner_split;
  BylineArticleEditor   *editor;
  BylineCaptionPanel    *caption_panel;
  BylineMetadataSidebar *metadata_sidebar;
  GtkMenuButton         *send_button;
  GMenu                 *send_menu;
  BylineSendBar         *send_bar;
  BylineOutboxButton    *outbox_button;
  GtkWidget             *send_box;            /* in the header bar; hidden when narrow */
  GtkActionBar          *narrow_bar;          /* Send and the outbox, at the bottom when narrow */
  GtkMenuButton         *narrow_send_button;
  BylineOutboxButton    *narrow_outbox_button;
  /* The review queue, bar and banner (byline-window-review.c) */
  GtkWidget             *review_button;
  AdwBanner             *review_banner;
  GtkActionBar          *review_bar;
  GtkLabel              *review_label;
  GtkWidget             *review_publish_button;
  GtkWidget             *review_schedule_button;
  GtkWidget             *review_more_button;
  GtkWidget             *review_return_button;
  /* The field of the pictures panel where the find bar selected a match (weak). */
  GtkWidget             *find_selection;
};

/* byline-window.c: shows @document, dropping the one shown without saving it. */
void _byline_window_replace_document   (BylineWindow   *self,
                                        BylineDocument *document);

/* byline-window-actions.c */
void _byline_window_class_init_actions (GtkWidgetClass *widget_class);
/* Enables every win. action from the document's state; the one place that does. */
void _byline_window_update_actions     (BylineWindow   *self);
/* A copy of the story under a new id, saved: what to do when saving conflicts. */
void _byline_window_save_as_copy       (BylineWindow   *self);
void _byline_window_open_files         (BylineWindow   *self,
                                        GListModel     *files);

/* byline-window-send.c */
void _byline_window_class_init_send    (GtkWidgetClass *widget_class);
void _byline_window_init_send          (BylineWindow   *self);
void _byline_window_update_send_actions (BylineWindow  *self);

/* byline-window-checks.c: the preflight checklist beside the story. */
void             _byline_window_class_init_checks (GtkWidgetClass  *widget_class);
/* The pictures the story was to have (byline-window-missing.c). */
void             _byline_window_class_init_missing (GtkWidgetClass *widget_class);
void             _byline_window_init_checks       (BylineWindow    *self);
BylineChecklist *_byline_window_get_checklist     (BylineWindow    *self);
/* Runs the checks now and shows the list (before sending, too). */
void             _byline_window_show_checklist    (BylineWindow    *self);
/* Hides the checklist where it lies over the story (a narrow window), which
 * keeps the keyboard out of the story. */
void             _byline_window_uncover_story     (BylineWindow    *self);
void             _byline_window_show_finding      (BylineWindow    *self,
                                                   BylineFinding   *finding,
                                                   BylineChecklist *checklist);

/* byline-window-review.c: the review queue, the review bar and the returned banner. */
void _byline_window_class_init_review    (GtkWidgetClass *widget_class);
void _byline_window_init_review          (BylineWindow   *self);
void _byline_window_review_set_publisher (BylineWindow   *self);
/* Publish from the keyboard (Ctrl+Shift+Enter on a story under review):
 * asked first, since the same keys submit a story of one's own. */
void _byline_window_review_publish_asking (BylineWindow   *self);

G_END_DECLS
