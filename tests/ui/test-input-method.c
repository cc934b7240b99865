/* test-input-method.c — Vietnamese typed through an input method
 *
 * Vietnamese is typed on a Latin keyboard through an input method: Telex
 * turns "Vieejt" into "Việt".  Input methods do it in two ways, and the
 * window must take both: ibus-unikey by default shows the word being typed
 * as preedit text and commits it whole; ibus-bamboo and fcitx5 in their
 * "surrounding text" modes commit each letter, then delete the letter
 * before the cursor and commit it again with its mark.
 *
 * The test registers an input method module of its own (BylineTestIm, a
 * small Telex), selected for every text view as GTK_IM_MODULE would select
 * ibus, and drives it as the key presses would.  The text goes through
 * GtkTextView's own handlers of "commit", "delete-surrounding" and
 * "retrieve-surrounding", as with a real input method.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "byline-test-utils.h"
#include "ui-test-utils.h"
#include "byline-article-editor.h"
#include "byline-body-buffer.h"
#include "byline-body-view.h"
#include "byline-document.h"
#include "byline-window.h"
#include "ui-window-test.h"

/* ------------------------------------------------------- the input method */

#define BYLINE_TYPE_TEST_IM (byline_test_im_get_type ())
G_DECLARE_FINAL_TYPE (BylineTestIm, byline_test_im, BYLINE, TEST_IM, GtkIMContext)

struct _BylineTestIm
{
  GtkIMContext  parent_instance;

  char         *surrounding;   /* what the text view last told, and where its cursor is */
  int           cursor;
  GString      *preedit;
};

G_DEFINE_FINAL_TYPE (BylineTestIm, byline_test_im, GTK_TYPE_IM_CONTEXT)

/* The context of the text view that has the focus. */
static BylineTestIm *focused;

static void
byline_test_im_set_surrounding_with_selection (GtkIMContext *context,
                                               const char   *text,
                                               int           len,
                                               int           cursor_index,
                                               int           anchor_index)
{
  BylineTestIm *self = BYLINE_TEST_IM (context);

  g_free (self->surrounding);
  self->surrounding = g_strndup (text, len < 0 ? strlen (text) : (gsize) len);
  self->cursor = cursor_index;
}

static void
byline_test_im_get_preedit_string (GtkIMContext   *context,
                                   char          **str,
                                   PangoAttrList **attrs,
                                   int            *cursor_pos)
{
  BylineTestIm *self = BYLINE_TEST_IM (context);

  if (str != NULL)
    *str = g_strdup (self->preedit->str);
  if (attrs != NULL)
    {
      *attrs = pango_attr_list_new ();
      if (self->preedit->len > 0)
        {
          PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);

          underline->start_index = 0;
          underline->end_index = self->preedit->len;
          pango_attr_list_insert (*attrs, underline);
        }
    }
  if (cursor_pos != NULL)
    *cursor_pos = g_utf8_strlen (self->preedit->str, -1);
}

static void
byline_test_im_focus_in (GtkIMContext *context)
{
  focused = BYLINE_TEST_IM (context);
}

static void
byline_test_im_focus_out (GtkIMContext *context)
{
  if (focused == BYLINE_TEST_IM (context))
    focused = NULL;
}

static void
byline_test_im_finalize (GObject *object)
{
  BylineTestIm *self = BYLINE_TEST_IM (object);

  if (focused == self)
    focused = NULL;
  g_free (self->surrounding);
  g_string_free (self->preedit, TRUE);
  G_OBJECT_CLASS (byline_test_im_parent_class)->finalize (object);
}

static void
byline_test_im_class_init (BylineTestImClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkIMContextClass *im_class = GTK_IM_CONTEXT_CLASS (klass);

  object_class->finalize = byline_test_im_finalize;
  im_class->set_surrounding_with_selection = byline_test_im_set_surrounding_with_selection;
  im_class->get_preedit_string = byline_test_im_get_preedit_string;
  im_class->focus_in = byline_test_im_focus_in;
  im_class->focus_out = byline_test_im_focus_out;
}

static void
byline_test_im_init (BylineTestIm *self)
{
  self->preedit = g_string_new (NULL);
}

/* Telex: a letter and the key after it, or NULL when the key adds itself. */
static const char *
telex (gunichar    letter,
       char        key)
{
  static const struct {
    gunichar    letter;
    char        key;
    const char *becomes;
  } rules[] = {
    { 'a', 'a', "â" }, { 'a', 'w', "ă" }, { 'e', 'e', "ê" }, { 'o', 'o', "ô" }, { 'o', 'w', "ơ" },
    { 'u', 'w', "ư" }, { 'd', 'd', "đ" }, { 'D', 'd', "Đ" },
    { 'e', 'j', "ẹ" }, { 0x00ea, 'j', "ệ" }, { 'a', 'f', "à" }, { 'a', 'j', "ạ" }, { 'a', 's', "á" },
    { 'o', 's', "ó" }, { 0x01a1, 'f', "ờ" }, { 'i', 'r', "ỉ" }, { 'u', 'x', "ũ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (rules[i].letter == letter && rules[i].key == key)
      return rules[i].becomes;
  return NULL;
}

static void
commit (BylineTestIm *self,
        const char   *text)
{
  g_signal_emit_by_name (self, "commit", text);
}

/* A key typed in "surrounding text" mode: asks the text view what is before
 * the cursor, and either commits the key or replaces that letter. */
static void
key_surrounding (BylineTestIm *self,
                 char          key)
{
  gboolean handled = FALSE;
  const char *becomes = NULL;

  g_signal_emit_by_name (self, "retrieve-surrounding", &handled);
  g_assert_true (handled);
  g_assert_nonnull (self->surrounding);
  if (self->cursor > 0)
    {
      const char *before = g_utf8_find_prev_char (self->surrounding, self->surrounding + self->cursor);

      becomes = telex (g_utf8_get_char (before), key);
    }
  if (becomes != NULL)
    {
      g_signal_emit_by_name (self, "delete-surrounding", -1, 1, &handled);
      g_assert_true (handled);
      commit (self, becomes);
    }
  else
    {
      char text[2] = { key, '\0' };

      commit (self, text);
    }
}

/* Keys typed in preedit mode: the word grows as preedit text, and is
 * committed with the space or punctuation that ends it. */
static void
key_preedit (BylineTestIm *self,
             char          key)
{
  if (key == ' ' || key == '.' || key == ',')
    {
      char end[2] = { key, '\0' };
      g_autofree char *word = g_strconcat (self->preedit->str, end, NULL);

      g_string_truncate (self->preedit, 0);
      g_signal_emit_by_name (self, "preedit-changed");
      g_signal_emit_by_name (self, "preedit-end");
      commit (self, word);
      return;
    }
  if (self->preedit->len == 0)
    g_signal_emit_by_name (self, "preedit-start");
  {
    const char *last = self->preedit->len ? g_utf8_find_prev_char (self->preedit->str,
                                                                    self->preedit->str + self->preedit->len)
                                          : NULL;
    const char *becomes = last ? telex (g_utf8_get_char (last), key) : NULL;

    if (becomes != NULL)
      {
        g_string_truncate (self->preedit, last - self->preedit->str);
        g_string_append (self->preedit, becomes);
      }
    else
      g_string_append_c (self->preedit, key);
  }
  g_signal_emit_by_name (self, "preedit-changed");
}

static gboolean
has_focused_im (gpointer data)
{
  return focused != NULL;
}

/* Types @keys into the focused text view through the input method. */
static void
type_keys (const char *keys,
           gboolean    preedit)
{
  g_assert_true (byline_ui_test_wait_until (has_focused_im, NULL, 2000));
  for (const char *k = keys; *k; k++)
    {
      if (preedit)
        key_preedit (focused, *k);
      else
        key_surrounding (focused, *k);
      g_main_context_iteration (NULL, FALSE);
    }
}

/* ------------------------------------------------------------------ tests */

static const char *
body_text (Fixture *f,
           guint    block)
{
  BylineBody *body = byline_article_get_body (article (f));

  /* A new story's body has no block until something is typed. */
  if (block >= byline_body_get_n_blocks (body))
    return "";
  return byline_block_get_text (byline_body_get_block (body, block));
}

/* Letter by letter, as ibus-bamboo's surrounding-text mode types: the
 * headline, the lead and the body hold the words with their marks, and one
 * undo in the body takes back a whole word, never a letter without its mark.
 * The headline undoes through GtkTextBuffer's own history, a letter or a
 * mark at a time, but only back through what was typed. */
static void
test_surrounding (Fixture       *f,
                  gconstpointer  data)
{
  BylineBodyBuffer *buffer = byline_body_view_get_body_buffer (byline_article_editor_get_body_view (editor (f)));
  g_autoptr(GPtrArray) typed = NULL;
  g_autoptr(BylineArticle) saved = NULL;
  g_autoptr(GError) error = NULL;

  byline_article_editor_focus_headline (editor (f));
  /* Key by key, keeping what the headline was after each. */
  typed = g_ptr_array_new_with_free_func (g_free);
  for (const char *k = "Ddaf Lajt"; *k; k++)
    {
      char key[2] = { *k, '\0' };

      type_keys (key, FALSE);
      g_ptr_array_add (typed, g_strdup (byline_article_get_headline (article (f))));
    }
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Đà Lạt");

  /* The headline's own undo (GtkTextBuffer's) goes back through what was
   * typed, never forward again, never to a word that was not there. */
  {
    GtkWidget *headline = GTK_WIDGET (byline_article_editor_get_headline_view (editor (f)));
    guint last = typed->len - 1;

    byline_ui_test_wait (150);
    for (guint i = 0; i < 3; i++)
      {
        guint index;

        g_assert_true (gtk_widget_activate_action (headline, "text.undo", NULL));
        g_assert_true (g_ptr_array_find_with_equal_func (typed, byline_article_get_headline (article (f)),
                                                         g_str_equal, &index));
        g_assert_cmpuint (index, <, last);
        last = index;
      }
    for (guint i = 0; i < 3; i++)
      g_assert_true (gtk_widget_activate_action (headline, "text.redo", NULL));
    g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Đà Lạt");
  }

  gtk_widget_grab_focus (GTK_WIDGET (byline_article_editor_get_lead_view (editor (f))));
  type_keys ("Vieejt Nam", FALSE);
  g_assert_cmpstr (byline_article_get_lead (article (f)), ==, "Việt Nam");

  byline_article_editor_focus_body (editor (f));
  type_keys ("Vieejt Nam", FALSE);
  g_assert_cmpstr (body_text (f, 0), ==, "Việt Nam");
  g_assert_true (g_utf8_validate (body_text (f, 0), -1, NULL));

  /* Undo: "Nam", then "Việt " whole. */
  byline_body_buffer_undo (buffer);
  g_assert_cmpstr (body_text (f, 0), ==, "Việt ");
  byline_body_buffer_undo (buffer);
  g_assert_cmpstr (body_text (f, 0), ==, "");
  byline_body_buffer_redo (buffer);
  g_assert_cmpstr (body_text (f, 0), ==, "Việt ");

  /* On disk as typed, composed (NFC). */
  g_assert_true (byline_document_save (byline_window_get_document (f->window), &error));
  g_assert_no_error (error);
  saved = byline_draft_store_load (f->store, byline_article_get_id (article (f)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_headline (saved), ==, "Đà Lạt");
  g_assert_cmpstr (byline_article_get_lead (saved), ==, "Việt Nam");
}

/* Word by word, as ibus-unikey's preedit mode types: the word being typed
 * shows in the field but is not the story's until committed, and then is. */
static void
test_preedit (Fixture       *f,
              gconstpointer  data)
{
  GtkTextView *headline = byline_article_editor_get_headline_view (editor (f));

  byline_article_editor_focus_headline (editor (f));
  type_keys ("Ddaf", TRUE);
  g_assert_cmpstr (focused->preedit->str, ==, "Đà");
  /* Not the story's yet: the preedit is only shown. */
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "");
  type_keys (" Lajt.", TRUE);
  g_assert_cmpstr (byline_article_get_headline (article (f)), ==, "Đà Lạt.");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (headline)));

  byline_article_editor_focus_body (editor (f));
  type_keys ("Vieejt Nam ", TRUE);
  g_assert_cmpstr (body_text (f, 0), ==, "Việt Nam ");
  /* Each word came in one commit: one undo takes the last one back. */
  byline_body_buffer_undo (byline_body_view_get_body_buffer (byline_article_editor_get_body_view (editor (f))));
  g_assert_cmpstr (body_text (f, 0), ==, "Việt ");
}

int
main (int   argc,
      char *argv[])
{
  byline_ui_test_init (&argc, &argv);
  /* Every text view gets this module, as GTK_IM_MODULE=ibus gives ibus. */
  /* GTK_IM_MODULE_EXTENSION_POINT_NAME, not in GTK's public headers. */
  g_io_extension_point_implement ("gtk-im-module", BYLINE_TYPE_TEST_IM, "byline-test-im", 100);
  g_object_set (gtk_settings_get_default (), "gtk-im-module", "byline-test-im", NULL);

  byline_ui_test_add_window_test ("/ui/input-method/surrounding", test_surrounding);
  byline_ui_test_add_window_test ("/ui/input-method/preedit", test_preedit);
  return g_test_run ();
}
