/* ui-window-test.h — the short names of the tests on a BylineUiWindowFixture
 *
 * Included by the test programs whose every test starts from a new story's
 * window (not by those with a fixture of their own, as test-publish.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ui-test-utils.h"
#include "byline-article-editor.h"
#include "byline-window.h"

typedef BylineUiWindowFixture Fixture;

static inline BylineArticle *
article (Fixture *f)
{
  return byline_ui_test_article (f);
}

static inline BylineArticleEditor *
editor (Fixture *f)
{
  return byline_window_get_editor (f->window);
}
