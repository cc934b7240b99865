/* ui-story.h — the story the window tests type, as a reporter would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ui-test-utils.h"
#include "byline-choice-row.h"

G_BEGIN_DECLS

/* What byline_ui_test_type_story() types. */
#define HEADLINE "Nậm Nhùn: mưa lũ gây sạt lở, chia cắt nhiều bản"
#define LEAD "Mưa lớn kéo dài từ đêm 9/8 đã gây sạt lở nghiêm trọng."
#define PARAGRAPH1 "Theo Ban Chỉ huy, 37 hộ dân phải sơ tán khẩn cấp."
#define HEADING "Khẩn trương khắc phục"
#define PARAGRAPH2 "Lực lượng cứu hộ đã có mặt từ sáng sớm."

/* A 40 × 30 PNG of one colour, @name in the fixture's folder of files. */
GFile *byline_ui_test_picture      (BylineUiWindowFixture *f,
                                    const char            *name,
                                    guint32                rgb);
/* Chooses, as a click would, the choice of @row that reads @label. */
void   byline_ui_test_choose       (BylineChoiceRow       *row,
                                    const char            *label);
/* Types the whole story through the window's widgets: headline, lead, a
 * body with a heading and a bold span, two pictures with caption, credit
 * and alt text, two authors, a tag, the dateline and the category. */
void   byline_ui_test_type_story   (BylineUiWindowFixture *f);
/* Empties the window's story again, as a new one starts: no headline,
 * lead, source prefix, author, text or picture. */
void   byline_ui_test_empty_story  (BylineUiWindowFixture *f);
/* Whether a block of the window's story has the text its "want-text"
 * (g_object_set_data() on the window) says: for byline_ui_test_wait_until(). */
gboolean byline_ui_test_has_block_text (gpointer               f);
/* How many blocks of @body have text. */
guint  byline_ui_test_count_text_blocks (BylineBody          *body);
/* For byline_ui_test_wait_until(): whether @window's story has @n pictures. */
typedef struct
{
  BylineWindow *window;
  guint         n;
} BylineUiImageWait;
gboolean byline_ui_test_has_n_images (gpointer               wait);
/* Asserts that @a is that story. */
void   byline_ui_test_check_story  (BylineArticle         *a);

G_END_DECLS
