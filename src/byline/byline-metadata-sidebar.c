/* byline-metadata-sidebar.c
 *
 * Each field writes to the article as it changes and shows the article's
 * value when it changes elsewhere, unless the field already says it up to
 * the model's normalization (so typing is never undone under the cursor).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-chip-entry.h"
#include "byline-choice-row.h"
#include "byline-date-button.h"
#include "byline-document.h"
#include "byline-metadata-sidebar.h"
#include "byline-widget-util.h"
#include "byline-text-field.h"

struct _BylineMetadataSidebar
{
  GtkWidget         parent_instance;

  BylineDocument   *document;
  GSettings        *settings;
  GtkStringList    *categories;
  gboolean          categories_extended; /* holds a category of a story's own */
  gboolean          updating;

  GtkLabel         *status_label;
  BylineChipEntry  *authors_entry;
  AdwEntryRow      *dateline_row;
  AdwEntryRow      *source_row;
  AdwActionRow     *publish_row;
  BylineDateButton *date_button;
  BylineChoiceRow  *category_row;
  BylineChoiceRow  *language_row;
  BylineChipEntry  *tags_entry;
  AdwEntryRow      *slug_row;
  GtkWidget        *slug_reset;
  GtkTextView      *note_view;
};

G_DEFINE_FINAL_TYPE (BylineMetadataSidebar, byline_metadata_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The languages a newsroom here writes in; an article's other language is added. */
static const struct {
  const char *code;
  const char *name;
} languages[] = {
  { "vi", "Tiếng Việt" },
  { "en", "English" },
  { "fr", "Français" },
  { "zh", "中文" },
  { "lo", "ພາສາລາວ" },
  { "km", "ភាសាខ្មែរ" },
  { "th", "ภาษาไทย" },
  { "ko", "한국어" },
  { "ja", "日本語" },
  { "ru", "Русский" },
};

static BylineArticle *
article (BylineMetadataSidebar *self)
{
  return byline_document_get_article (self->document);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || *a == NULL) && (b == NULL || *b == NULL);
  return g_strv_equal (a, b);
}

/* ----------------------------------------------------------- model → view */

static void
show_entry (BylineMetadataSidebar *self,
            AdwEntryRow           *row,
            const char            *value)
{
  g_autofree char *normal = byline_text_normalize_line (gtk_editable_get_text (GTK_EDITABLE (row)), -1);

  if (g_strcmp0 (normal, value) == 0)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  self->updating = FALSE;
}

static void
show_status (BylineMetadataSidebar *self)
{
  static const char *names[] = {
    [BYLINE_STATUS_DRAFT] = N_("Draft"),
    [BYLINE_STATUS_SUBMITTED] = N_("Submitted"),
    [BYLINE_STATUS_RETURNED] = N_("Returned"),
    [BYLINE_STATUS_SCHEDULED] = N_("Scheduled"),
    [BYLINE_STATUS_PUBLISHED] = N_("Published"),
  };
  BylineStatus status = byline_article_get_status (article (self));

  gtk_label_set_text (self->status_label, (guint) status < G_N_ELEMENTS (names) ? _(names[status]) : "");
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_label),
                              (const char *[]) { "status-badge", "caption",
                                                 byline_status_to_string (status), NULL });
}

static void
show_slug (BylineMetadataSidebar *self)
{
  g_autofree char *slug = byline_article_dup_slug (article (self));
  g_autofree char *typed = byline_text_slugify (gtk_editable_get_text (GTK_EDITABLE (self->slug_row)));
  gboolean automatic = byline_article_get_slug (article (self)) == NULL;
  gboolean editing = byline_widget_has_keyboard (GTK_WIDGET (self->slug_row));

  gtk_widget_set_sensitive (self->slug_reset, !automatic);
  /* While someone clears the field to type a new slug, leave it empty. */
  if (g_strcmp0 (typed, slug) == 0 || (editing && *typed == '\0'))
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->slug_row), slug);
  self->updating = FALSE;
}

static void
show_category (BylineMetadataSidebar *self)
{
  const char *category = byline_article_get_category (article (self));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->categories));
  guint selected = 0;

  for (guint i = 1; i < n && !byline_text_is_blank (category); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->categories, i), category) == 0)
      selected = i;
  /* A category from elsewhere (an imported story) is offered too. */
  if (selected == 0 && !byline_text_is_blank (category))
    {
      gtk_string_list_append (self->categories, category);
      self->categories_extended = TRUE;
      selected = n;
    }
  self->updating = TRUE;
  byline_choice_row_set_selected (self->category_row, selected);
  self->updating = FALSE;
}

static void
show_language (BylineMetadataSidebar *self)
{
  const char *language = byline_article_get_language (article (self));
  GtkStringList *model = GTK_STRING_LIST (byline_choice_row_get_model (self->language_row));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint selected = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i].code, language) == 0)
      selected = i;
  for (guint i = G_N_ELEMENTS (languages); i < n && selected == G_MAXUINT; i++)
    if (g_strcmp0 (gtk_string_list_get_string (model, i), language) == 0)
      selected = i;
  if (selected == G_MAXUINT)
    {
      gtk_string_list_append (model, language);
      selected = n;
    }
  self->updating = TRUE;
  byline_choice_row_set_selected (self->language_row, selected);
  self->updating = FALSE;
}

static void
show_note (BylineMetadataSidebar *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *normal = NULL;
  const char *note = byline_article_get_editor_note (article (self));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  normal = byline_text_normalize (text, -1);
  if (g_strcmp0 (normal, note) == 0)
    return;
  self->updating = TRUE;
  gtk_text_buffer_set_text (buffer, note, -1);
  self->updating = FALSE;
}

static void
show_all (BylineMetadataSidebar *self)
{
  BylineArticle *a = article (self);

  self->updating = TRUE;
  if (!strv_equal (byline_chip_entry_get_values (self->authors_entry), byline_article_get_authors (a)))
    byline_chip_entry_set_values (self->authors_entry, byline_article_get_authors (a));
  if (!strv_equal (byline_chip_entry_get_values (self->tags_entry), byline_article_get_tags (a)))
    byline_chip_entry_set_values (self->tags_entry, byline_article_get_tags (a));
  byline_date_button_set_date_time (self->date_button, byline_article_get_publish_time (a));
  self->updating = FALSE;

  show_entry (self, self->dateline_row, byline_article_get_dateline (a));
  show_entry (self, self->source_row, byline_article_get_source_prefix (a));
  show_category (self);
  show_language (self);
  show_slug (self);
  show_note (self);
  show_status (self);
}

static void
on_article_notify (BylineMetadataSidebar *self,
                   GParamSpec            *pspec)
{
  if (self->updating)
    return;
  /* Cheap enough to show everything; the fields skip what they already say. */
  show_all (self);
}

/* ----------------------------------------------------------- view → model */

static void
on_authors_changed (BylineMetadataSidebar *self)
{
  if (!self->updating && self->document != NULL)
    byline_article_set_authors (article (self), byline_chip_entry_get_values (self->authors_entry));
}

static void
on_tags_changed (BylineMetadataSidebar *self)
{
  if (!self->updating && self->document != NULL)
    byline_article_set_tags (article (self), byline_chip_entry_get_values (self->tags_entry));
}

static void
on_dateline_changed (BylineMetadataSidebar *self)
{
  if (!self->updating && self->document != NULL)
    byline_article_set_dateline (article (self), gtk_editable_get_text (GTK_EDITABLE (self->dateline_row)));
}

static void
on_source_changed (BylineMetadataSidebar *self)
{
  if (!self->updating && self->document != NULL)
    byline_article_set_source_prefix (article (self), gtk_editable_get_text (GTK_EDITABLE (self->source_row)));
}

static void
on_date_changed (BylineMetadataSidebar *self)
{
  if (!self->updating && self->document != NULL)
    byline_article_set_publish_time (article (self), byline_date_button_get_date_time (self->date_button));
}

static void
on_category_selected (BylineMetadataSidebar *self)
{
  guint selected = byline_choice_row_get_selected (self->category_row);

  if (self->updating || self->document == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  byline_article_set_category (article (self),
                               selected == 0 ? "" : gtk_string_list_get_string (self->categories, selected));
}

static void
on_language_selected (BylineMetadataSidebar *self)
{
  guint selected = byline_choice_row_get_selected (self->language_row);
  GtkStringList *model = GTK_STRING_LIST (byline_choice_row_get_model (self->language_row));

  if (self->updating || self->document == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  byline_article_set_language (article (self),
                               selected < G_N_ELEMENTS (languages) ? languages[selected].code
                                                                   : gtk_string_list_get_string (model, selected));
}

static void
on_slug_changed (BylineMetadataSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->slug_row));
  g_autofree char *typed = byline_text_slugify (text);
  g_autofree char *derived = NULL;

  if (self->updating || self->document == NULL)
    return;
  derived = byline_text_slugify (byline_article_get_headline (article (self)));
  /* Typing what the headline gives anyway keeps the slug following the headline. */
  byline_article_set_slug (article (self), g_strcmp0 (typed, derived) == 0 ? NULL : text);
}

static void
on_slug_reset (BylineMetadataSidebar *self)
{
  byline_article_set_slug (article (self), NULL);
  show_slug (self);
}

static void
on_note_changed (BylineMetadataSidebar *self,
                 GtkTextBuffer         *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->updating || self->document == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  byline_article_set_editor_note (article (self), text);
}

static void
load_categories (BylineMetadataSidebar *self)
{
  g_auto(GStrv) list = g_settings_get_strv (self->settings, "categories");
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  gtk_string_list_append (categories, C_("category", "None"));
  for (guint i = 0; list[i] != NULL; i++)
    gtk_string_list_append (categories, list[i]);
  g_set_object (&self->categories, categories);
  self->categories_extended = FALSE;
  /* A new model selects its first row: that is not someone choosing "None". */
  self->updating = TRUE;
  byline_choice_row_set_model (self->category_row, G_LIST_MODEL (categories));
  self->updating = FALSE;
  if (self->document != NULL)
    show_category (self);
}

/* ------------------------------------------------------------------ public */

BylineDocument *
byline_metadata_sidebar_get_document (BylineMetadataSidebar *self)
{
  g_return_val_if_fail (BYLINE_IS_METADATA_SIDEBAR (self), NULL);
  return self->document;
}

void
byline_metadata_sidebar_set_document (BylineMetadataSidebar *self,
                                      BylineDocument        *document)
{
  g_return_if_fail (BYLINE_IS_METADATA_SIDEBAR (self));
  g_return_if_fail (document == NULL || BYLINE_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (article (self), self);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      /* Another story's values must not leak into this one. */
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->dateline_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->source_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->slug_row), "");
      self->updating = FALSE;
      /* Only another story's own category needs the list made again. */
      if (self->categories_extended)
        load_categories (self);
      show_all (self);
      g_signal_connect_swapped (article (self), "notify", G_CALLBACK (on_article_notify), self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
byline_metadata_sidebar_focus_field (BylineMetadataSidebar *self,
                                     BylineField            field)
{
  GtkWidget *widget;

  g_return_if_fail (BYLINE_IS_METADATA_SIDEBAR (self));

  switch (field)
    {
    case BYLINE_FIELD_BYLINE: widget = GTK_WIDGET (self->authors_entry); break;
    case BYLINE_FIELD_CATEGORY: widget = GTK_WIDGET (self->category_row); break;
    case BYLINE_FIELD_PUBLISH_TIME: widget = GTK_WIDGET (self->date_button); break;
    default: return;
    }
  gtk_widget_grab_focus (widget);
}

BylineChipEntry *
byline_metadata_sidebar_get_authors (BylineMetadataSidebar *self)
{
  g_return_val_if_fail (BYLINE_IS_METADATA_SIDEBAR (self), NULL);
  return self->authors_entry;
}

BylineChipEntry *
byline_metadata_sidebar_get_tags (BylineMetadataSidebar *self)
{
  g_return_val_if_fail (BYLINE_IS_METADATA_SIDEBAR (self), NULL);
  return self->tags_entry;
}

GtkEditable *
byline_metadata_sidebar_get_dateline (BylineMetadataSidebar *self)
{
  g_return_val_if_fail (BYLINE_IS_METADATA_SIDEBAR (self), NULL);
  return GTK_EDITABLE (self->dateline_row);
}

GtkEditable *
byline_metadata_sidebar_get_slug (BylineMetadataSidebar *self)
{
  g_return_val_if_fail (BYLINE_IS_METADATA_SIDEBAR (self), NULL);
  return GTK_EDITABLE (self->slug_row);
}

GtkTextView *
byline_metadata_sidebar_get_note (BylineMetadataSidebar *self)
{
  g_return_val_if_fail (BYLINE_IS_METADATA_SIDEBAR (self), NULL);
  return self->note_view;
}

/* ------------------------------------------------------------------ GObject */

static void
byline_metadata_sidebar_dispose (GObject *object)
{
  BylineMetadataSidebar *self = BYLINE_METADATA_SIDEBAR (object);
  GtkWidget *child;

  byline_metadata_sidebar_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_METADATA_SIDEBAR);
  /* The template's unnamed children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (byline_metadata_sidebar_parent_class)->dispose (object);
}

static void
byline_metadata_sidebar_finalize (GObject *object)
{
  BylineMetadataSidebar *self = BYLINE_METADATA_SIDEBAR (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->categories);

  G_OBJECT_CLASS (byline_metadata_sidebar_parent_class)->finalize (object);
}

static void
byline_metadata_sidebar_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  BylineMetadataSidebar *self = BYLINE_METADATA_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: g_value_set_object (value, self->document); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_metadata_sidebar_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  BylineMetadataSidebar *self = BYLINE_METADATA_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT: byline_metadata_sidebar_set_document (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_metadata_sidebar_class_init (BylineMetadataSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_metadata_sidebar_dispose;
  object_class->finalize = byline_metadata_sidebar_finalize;
  object_class->get_property = byline_metadata_sidebar_get_property;
  object_class->set_property = byline_metadata_sidebar_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, BYLINE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BYLINE_TYPE_CHIP_ENTRY);
  g_type_ensure (BYLINE_TYPE_CHOICE_ROW);
  g_type_ensure (BYLINE_TYPE_DATE_BUTTON);
  g_type_ensure (BYLINE_TYPE_TEXT_FIELD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bylinenews/Byline/byline-metadata-sidebar.ui");
  gtk_widget_class_set_css_name (widget_class, "metadatasidebar");
  gtk_widget_class_bind_template_child (widget_class, BylineMetadataSidebar, status_label);
  gtk_widget_class_bind_template_child (widget_class, BylineMetadataSidebar, authors_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineMetadataSidebar, dateline_row);
  gtk_widget_class_bind_template_child (widget_class, BylineMetadataSidebar, source_row);
  gtk_widget_class_bind_template_child (widget_class, BylineMetadataSidebar, publish_row);
  gtk_widget_class_bind_template_child (widget_class, BylineMetadataSidebar, date_button);
  gtk_widget_class_bind_template_child (widget_class, BylineMetadataSidebar, category_row);
  gtk_widget_class_bind_template_child (widget_class, BylineMetadataSidebar, language_row);
  gtk_widget_class_bind_template_child (widget_class, BylineMetadataSidebar, tags_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineMetadataSidebar, slug_row);
  gtk_widget_class_bind_template_child (widget_class, BylineMetadataSidebar, slug_reset);
  gtk_widget_class_bind_template_child (widget_class, BylineMetadataSidebar, note_view);
}

static void
byline_metadata_sidebar_init (BylineMetadataSidebar *self)
{
  g_autoptr(GtkStringList) language_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (language_names, languages[i].name);
  self->updating = TRUE;
  byline_choice_row_set_model (self->language_row, G_LIST_MODEL (language_names));
  self->updating = FALSE;
  load_categories (self);

  /* The other groups' lists are named by their titles; this one has none
   * (and its list would be "labelled by" the empty title). */
  {
    GtkAccessible *list = GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self->dateline_row)));

    gtk_accessible_reset_relation (list, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    gtk_accessible_update_property (list, GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dateline and source prefix"), -1);
  }
  byline_chip_entry_set_placeholder (self->authors_entry, _("Add an author"));
  byline_chip_entry_set_placeholder (self->tags_entry, _("Add a tag"));

  g_signal_connect_object (self->settings, "changed::categories",
                           G_CALLBACK (load_categories), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->authors_entry, "changed", G_CALLBACK (on_authors_changed), self);
  g_signal_connect_swapped (self->tags_entry, "changed", G_CALLBACK (on_tags_changed), self);
  g_signal_connect_swapped (self->dateline_row, "changed", G_CALLBACK (on_dateline_changed), self);
  g_signal_connect_swapped (self->source_row, "changed", G_CALLBACK (on_source_changed), self);
  g_signal_connect_swapped (self->date_button, "notify::date-time", G_CALLBACK (on_date_changed), self);
  g_signal_connect_swapped (self->category_row, "notify::selected", G_CALLBACK (on_category_selected), self);
  g_signal_connect_swapped (self->language_row, "notify::selected", G_CALLBACK (on_language_selected), self);
  g_signal_connect_swapped (self->slug_row, "changed", G_CALLBACK (on_slug_changed), self);
  g_signal_connect_swapped (self->slug_reset, "clicked", G_CALLBACK (on_slug_reset), self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_note_changed), self, G_CONNECT_SWAPPED);
}
