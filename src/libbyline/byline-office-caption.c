/* byline-office-caption.c — pictures' captions as word processors number
 * them
 *
 * Word's and LibreOffice's Insert Caption write "Hình 1: …" under a
 * picture, the number a sequence field ({ SEQ Hình }, <text:sequence>):
 * the readers say where it ends (_byline_office_para_end_sequence()), and
 * the caption is the paragraph without its label, number and separator,
 * which are the document's numbering, not the story's.  A caption typed
 * "Ảnh 1: …" by hand has no field: it is kept as typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include "byline-office-private.h"

/* Characters before a caption's number, with it: "Hình minh họa 12". */
#define MAX_NUMBERING 32

void
_byline_office_para_end_sequence (BylineOfficePara *para)
{
  /* A number in a sentence ("như Hình 2 cho thấy") numbers no caption. */
  if (para->numbered || para->n_chars > MAX_NUMBERING)
    return;
  para->numbered = para->after_number = TRUE;
  para->number_end = para->html->len;
  para->number_chars = para->n_chars;
}

const char *
_byline_office_para_caption (BylineOfficePara *para)
{
  /* A reader that took text back (a field's instruction) took the number. */
  if (!para->numbered || para->number_end > para->html->len || para->number_chars > para->n_chars)
    return para->html->str;
  return para->html->str + para->number_end;
}

gsize
_byline_office_para_caption_chars (BylineOfficePara *para)
{
  if (_byline_office_para_caption (para) == para->html->str)
    return para->n_chars;
  return para->n_chars - para->number_chars;
}
