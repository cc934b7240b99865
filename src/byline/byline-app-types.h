/* byline-app-types.h — every type of the GTK application, forward-declared
 *
 * Headers of src/byline include this one file instead of each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline.h"

G_BEGIN_DECLS

typedef struct _BylineAccountDialog     BylineAccountDialog;
typedef struct _BylineAccountsPage      BylineAccountsPage;
typedef struct _BylineApplication       BylineApplication;
typedef struct _BylineArticleEditor     BylineArticleEditor;
typedef struct _BylineArticlePreview    BylineArticlePreview;
typedef struct _BylineBodyBuffer        BylineBodyBuffer;
typedef struct _BylineBodyHistory       BylineBodyHistory;
typedef struct _BylineBodyView          BylineBodyView;
typedef struct _BylineCaptionPanel      BylineCaptionPanel;
typedef struct _BylineCaptionRow        BylineCaptionRow;
typedef struct _BylineChecklist         BylineChecklist;
typedef struct _BylineChecklistButton   BylineChecklistButton;
typedef struct _BylineChipEntry         BylineChipEntry;
typedef struct _BylineDateButton        BylineDateButton;
typedef struct _BylineDocument          BylineDocument;
typedef struct _BylineDraftsDialog      BylineDraftsDialog;
typedef struct _BylineFigure            BylineFigure;
typedef struct _BylineFindBar           BylineFindBar;
typedef struct _BylineHistoryDialog     BylineHistoryDialog;
typedef struct _BylineMetadataSidebar   BylineMetadataSidebar;
typedef struct _BylineOutboxButton      BylineOutboxButton;
typedef struct _BylinePreferencesDialog BylinePreferencesDialog;
typedef struct _BylinePreviewDialog     BylinePreviewDialog;
typedef struct _BylinePublisher         BylinePublisher;
typedef struct _BylineSendBar           BylineSendBar;
typedef struct _BylineShortcutsDialog   BylineShortcutsDialog;
typedef struct _BylineThumbnailer       BylineThumbnailer;
typedef struct _BylineWindow            BylineWindow;

/* What the window shows about the draft on disk. */
typedef enum
{
  BYLINE_SAVE_STATE_NEW,      /* never saved, never changed: nothing to lose */
  BYLINE_SAVE_STATE_SAVED,
  BYLINE_SAVE_STATE_UNSAVED,  /* changed since the last save; autosave pending */
  BYLINE_SAVE_STATE_FAILED,   /* the last save failed; the text is only in memory */
} BylineSaveState;

G_END_DECLS
