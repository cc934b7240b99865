/* byline-missing-list.c — the pictures a story was to have and has not
 *
 * In the pictures panel, above the story's pictures: those of a document or
 * a page that could not come in (byline-article-missing.c), each with its
 * place (the caption kept in the text) and two buttons.  Add chooses the
 * picture for it, which goes in that place (win.add-missing-picture);
 * Forget says it is not needed (win.forget-missing-picture).  The
 * checklist names them too, but a reporter adding pictures looks here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "byline-document.h"
#include "byline-files.h"
#include "byline-missing-list.h"

struct _BylineMissingList
{
  GtkWidget       parent_instance;

  BylineDocument *document;
  GtkLabel       *title;
  GtkListBox     *list_box;
  char           *shown;   /* the names and places the rows show */
  guint           n_rows;
};

G_DEFINE_FINAL_TYPE (BylineMissingList, byline_missing_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
row_button (const char *icon,
            const char *tooltip,
            const char *action,
            const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (name));
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
create_row (const char *name,
            const char *place,
            const char *link)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *file = link != NULL ? byline_file_name_of_ref (link) : NULL;
  g_autofree char *linked = file != NULL ? g_strdup_printf (_("Linked to %s"), file) : NULL;
  g_autofree char *quoted = place != NULL ? g_strdup_printf ("“%s”", place) : NULL;
  g_autofree char *where = NULL;
  g_autofree char *add = g_strdup_printf (_("Add the picture “%s”: it goes where its caption is"), name);
  g_autofree char *forget = g_strdup_printf (_("Forget “%s”: it was added by hand, or is not needed"), name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  /* Where it goes: the caption it left in the text; and the file to look
   * for, when the document only linked it ("Picture 2" is Word's name). */
  if (quoted != NULL && linked != NULL)
    where = g_strdup_printf ("%s\n%s", quoted, linked);
  else
    where = g_strdup (quoted != NULL ? quoted : linked);
  if (link != NULL)
    gtk_widget_set_tooltip_text (row, link);
  if (where != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("image-missing-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("insert-image-symbolic", add, "win.add-missing-picture", name));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("window-close-symbolic", forget, "win.forget-missing-picture", name));
  return row;
}

/* The rows again when the story's missing pictures changed: the article
 * changes at each key, they seldom. */
static void
update (BylineMissingList *self)
{
  BylineArticle *article = self->document != NULL ? byline_document_get_article (self->document) : NULL;
  g_auto(GStrv) names = article != NULL ? byline_article_dup_missing_pictures (article) : NULL;
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autofree char *title = NULL;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      char *place = byline_article_dup_missing_place (article, (int) i);
      char *link = byline_article_dup_missing_link (article, (int) i);

      g_string_append_printf (shown, "%s\x1f%s\x1f%s\x1e", names[i], place != NULL ? place : "",
                              link != NULL ? link : "");
      g_ptr_array_add (places, place);
      g_ptr_array_add (links, link);
    }
  if (g_strcmp0 (shown->str, self->shown) == 0)
    return;
  g_free (self->shown);
  self->shown = g_string_free (g_steal_pointer (&shown), FALSE);

  gtk_list_box_remove_all (self->list_box);
  self->n_rows = names != NULL ? g_strv_length (names) : 0;
  for (guint i = 0; i < self->n_rows; i++)
    gtk_list_box_append (self->list_box, create_row (names[i], places->pdata[i], links->pdata[i]));
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Picture Not in the Story", "%u Pictures Not in the Story",
                                        self->n_rows), self->n_rows);
  gtk_label_set_label (self->title, title);
  gtk_widget_set_visible (GTK_WIDGET (self), self->n_rows > 0);
}

BylineDocument *
byline_missing_list_get_document (BylineMissingList *self)
{
  g_return_val_if_fail (BYLINE_IS_MISSING_LIST (self), NULL);
  return self->document;
}

void
byline_missing_list_set_document (BylineMissingList *self,
                                  BylineDocument    *document)
{
  g_return_if_fail (BYLINE_IS_MISSING_LIST (self));
  g_return_if_fail (document == NULL || BYLINE_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (byline_document_get_article (self->document), self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (byline_document_get_article (document), "changed", G_CALLBACK (update), self,
                             G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

guint
byline_missing_list_get_n_rows (BylineMissingList *self)
{
  g_return_val_if_fail (BYLINE_IS_MISSING_LIST (self), 0);
  return self->n_rows;
}

GtkWidget *
byline_missing_list_new (void)
{
  return g_object_new (BYLINE_TYPE_MISSING_LIST, NULL);
}

static void
byline_missing_list_dispose (GObject *object)
{
  BylineMissingList *self = BYLINE_MISSING_LIST (object);

  byline_missing_list_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_MISSING_LIST);
  G_OBJECT_CLASS (byline_missing_list_parent_class)->dispose (object);
}

static void
byline_missing_list_finalize (GObject *object)
{
  BylineMissingList *self = BYLINE_MISSING_LIST (object);

  g_free (self->shown);
  G_OBJECT_CLASS (byline_missing_list_parent_class)->finalize (object);
}

static void
byline_missing_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BylineMissingList *self = BYLINE_MISSING_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_missing_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BylineMissingList *self = BYLINE_MISSING_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      byline_missing_list_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_missing_list_class_init (BylineMissingListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_missing_list_dispose;
  object_class->finalize = byline_missing_list_finalize;
  object_class->get_property = byline_missing_list_get_property;
  object_class->set_property = byline_missing_list_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, BYLINE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bylinenews/Byline/byline-missing-list.ui");
  gtk_widget_class_set_css_name (widget_class, "missinglist");
  gtk_widget_class_bind_template_child (widget_class, BylineMissingList, title);
  gtk_widget_class_bind_template_child (widget_class, BylineMissingList, list_box);
}

static void
byline_missing_list_init (BylineMissingList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
