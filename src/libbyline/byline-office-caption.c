/* byline-office-caption.c — pictures' captions as word processors number
 * and frame them
 *
 * Word's and LibreOffice's Insert Caption write "Hình 1: …" under a
 * picture, the number a sequence field ({ SEQ Hình }, <text:sequence>):
 * the readers say where it ends (_byline_office_para_end_sequence()), and
 * the caption is the paragraph without its label, number and separator,
 * which are the document's numbering, not the story's.  A caption typed
 * "Ảnh 1: …" by hand has no field: it is kept as typed.  LibreOffice puts
 * a picture and its caption in a frame, a text box: saved as .doc, that
 * box's paragraphs are made the picture and its caption again
 * (_byline_office_add_box()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <string.h>

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

/* @html, a paragraph's, to a caption: without the line breaks and spaces
 * around it ("[picture]<br>Illustration 1: …"), after a space. */
static void
append_caption (GString    *caption,
                const char *html)
{
  g_autofree char *copy = NULL;
  gboolean trimmed;

  for (trimmed = TRUE; trimmed;)
    {
      trimmed = g_str_has_prefix (html, "<br>") || g_ascii_isspace (*html);
      html += g_str_has_prefix (html, "<br>") ? 4 : g_ascii_isspace (*html) ? 1 : 0;
    }
  copy = g_strdup (html);
  for (trimmed = TRUE; trimmed;)
    {
      gsize length = strlen (copy);

      trimmed = g_str_has_suffix (copy, "<br>") || (length > 0 && g_ascii_isspace (copy[length - 1]));
      if (g_str_has_suffix (copy, "<br>"))
        copy[length - 4] = '\0';
      else if (trimmed)
        copy[length - 1] = '\0';
    }
  if (*copy == '\0')
    return;
  if (caption->len > 0)
    g_string_append_c (caption, ' ');
  g_string_append (caption, copy);
}

void
_byline_office_add_box (GPtrArray *paras,
                        GPtrArray *box)
{
  g_autoptr(GString) caption = g_string_new (NULL);
  BylineOfficePara *frame;
  guint n_pictures = 0;
  gsize n_chars = 0;

  for (guint i = 0; i < box->len; i++)
    {
      BylineOfficePara *para = box->pdata[i];

      n_pictures += para->pictures->len;
      n_chars += _byline_office_para_caption_chars (para);
    }
  if (n_pictures == 0 || n_chars > BYLINE_OFFICE_MAX_CAPTION)
    {
      /* A box of no text (a picture's own, as LibreOffice writes one) is
       * nothing between a picture and its caption. */
      for (guint i = 0; i < box->len; i++)
        {
          BylineOfficePara *para = box->pdata[i];

          if (para->n_chars > 0 || para->pictures->len > 0)
            g_ptr_array_add (paras, g_steal_pointer (&box->pdata[i]));
        }
      g_ptr_array_set_size (box, 0);
      return;
    }
  frame = _byline_office_para_new ();
  for (guint i = 0; i < box->len; i++)
    {
      BylineOfficePara *para = box->pdata[i];

      for (guint j = 0; j < para->pictures->len; j++)
        {
          g_ptr_array_add (frame->pictures, g_steal_pointer (&para->pictures->pdata[j]));
          g_ptr_array_add (frame->captions, g_steal_pointer (&para->captions->pdata[j]));
        }
      if (_byline_office_para_caption_chars (para) > 0)
        append_caption (caption, _byline_office_para_caption (para));
    }
  /* The last picture's, unless it has one of its own. */
  if (caption->len > 0 && frame->captions->pdata[frame->captions->len - 1] == NULL)
    frame->captions->pdata[frame->captions->len - 1] = g_strdup (caption->str);
  g_ptr_array_add (paras, frame);
  g_ptr_array_set_size (box, 0);
}
