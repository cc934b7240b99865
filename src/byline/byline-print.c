/* byline-print.c
 *
 * The story is laid out as a column of pieces (Pango layouts for the text,
 * pixbufs for the pictures) at the page width; begin-print places them line
 * by line on pages as a typesetter would: a long paragraph breaks between
 * lines, never leaving one line alone at a page's foot or head; a heading
 * goes with the start of what follows it, a picture with its caption, and a
 * picture is never cut.  draw-page paints what a page holds, and under it
 * the story's headline and the page's number, so that an editor's proof
 * whose pages come apart still reads in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "byline-article-preview.h"
#include "byline-date-format.h"
#include "byline-print.h"
#include "byline-thumbnailer.h"
#include "byline-widget-util.h"

#define PICTURE_DECODE_SIZE 1600
/* Points under the text kept for the page's foot: the rule and its line. */
#define FOOT_HEIGHT 24
/* The fewest lines of a paragraph alone at a page's foot or head. */
#define MIN_LINES 2

typedef enum
{
  ROLE_TEXT,      /* breaks between lines */
  ROLE_HEADING,   /* whole, with the start of what follows */
  ROLE_PICTURE,   /* whole, with its caption */
  ROLE_CAPTION,   /* whole */
} Role;

typedef struct
{
  PangoLayout *layout;    /* text, or NULL */
  GdkPixbuf   *pixbuf;    /* picture, or NULL */
  double       width;     /* of a picture, in points */
  double       height;
  double       space_after;
  Role         role;
} Piece;

typedef struct
{
  guint  piece;
  int    line;            /* -1: the whole picture */
  double y;               /* on the page */
} Placement;

typedef struct
{
  BylineArticle *article;
  GArray        *pieces;  /* Piece */
  GPtrArray     *pages;   /* GArray of Placement */
  char          *printed; /* when, as the pages' foot says it */
} Job;

static void
piece_clear (gpointer data)
{
  Piece *piece = data;

  g_clear_object (&piece->layout);
  g_clear_object (&piece->pixbuf);
}

static void
job_free (Job *job)
{
  g_clear_object (&job->article);
  g_clear_pointer (&job->pieces, g_array_unref);
  g_clear_pointer (&job->pages, g_ptr_array_unref);
  g_free (job->printed);
  g_free (job);
}

/* The height the story's text has on a page: the page's, less its foot. */
static double
text_height (GtkPrintContext *context)
{
  return gtk_print_context_get_height (context) - FOOT_HEIGHT;
}

/* The story's headline as the pages print it. */
static const char *
headline_of (BylineArticle *article)
{
  const char *headline = byline_article_get_headline (article);

  return byline_text_is_blank (headline) ? _("Untitled Story") : headline;
}

static void
add_text (Job             *job,
          GtkPrintContext *context,
          double           width,
          const char      *font,
          const char      *markup,
          PangoAlignment   alignment,
          double           space_after,
          Role             role)
{
  Piece piece = { 0 };
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  piece.layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_width (piece.layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (piece.layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_font_description (piece.layout, desc);
  pango_layout_set_alignment (piece.layout, alignment);
  pango_layout_set_markup (piece.layout, markup, -1);
  piece.space_after = space_after;
  piece.role = role;
  g_array_append_val (job->pieces, piece);
}

static void
add_plain (Job             *job,
           GtkPrintContext *context,
           double           width,
           const char      *font,
           const char      *text,
           PangoAlignment   alignment,
           double           space_after,
           Role             role)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  add_text (job, context, width, font, markup, alignment, space_after, role);
}

/* A text block with its spans as Pango markup. */
static char *
block_markup (const BylineBlock *block)
{
  const char *text = byline_block_get_text (block);
  const BylineSpan *spans;
  guint n_spans, length = byline_block_get_length (block);
  GString *out = g_string_new (NULL);
  const char *p = text;

  spans = byline_block_get_spans (block, &n_spans);
  for (guint offset = 0; offset <= length; offset++)
    {
      /* Close what ends here, then open what starts here. */
      for (guint i = 0; i < n_spans; i++)
        if (spans[i].end == offset)
          g_string_append (out, spans[i].kind == BYLINE_SPAN_BOLD ? "</b>"
                                : spans[i].kind == BYLINE_SPAN_ITALIC ? "</i>" : "</u>");
      if (offset == length)
        break;
      for (guint i = 0; i < n_spans; i++)
        if (spans[i].start == offset)
          g_string_append (out, spans[i].kind == BYLINE_SPAN_BOLD ? "<b>"
                                : spans[i].kind == BYLINE_SPAN_ITALIC ? "<i>" : "<u>");
      {
        const char *next = g_utf8_next_char (p);
        g_autofree char *escaped = g_markup_escape_text (p, next - p);

        g_string_append (out, escaped);
        p = next;
      }
    }
  return g_string_free (out, FALSE);
}

static void
build_pieces (Job             *job,
              GtkPrintContext *context)
{
  BylineArticle *article = job->article;
  BylineBody *body = byline_article_get_body (article);
  double width = gtk_print_context_get_width (context);
  double page_height = text_height (context);
  g_autofree char *date = byline_article_dup_date_line (article);
  g_autofree char *byline = byline_article_dup_byline (article);
  guint number = 0;

  if (!byline_text_is_blank (byline_article_get_category (article)))
    {
      g_autofree char *kicker = g_utf8_strup (byline_article_get_category (article), -1);
      add_plain (job, context, width, "Sans Bold 8", kicker, PANGO_ALIGN_LEFT, 4, ROLE_HEADING);
    }
  add_plain (job, context, width, "Serif Bold 20", headline_of (article), PANGO_ALIGN_LEFT, 6, ROLE_HEADING);
  {
    g_autofree char *meta = byline_text_is_blank (byline_article_get_dateline (article))
                            ? g_strdup (date)
                            : g_strdup_printf ("%s — %s", byline_article_get_dateline (article), date);
    add_plain (job, context, width, "Sans 8", meta, PANGO_ALIGN_LEFT, 12, ROLE_HEADING);
  }
  if (!byline_text_is_blank (byline_article_get_lead (article)))
    {
      g_autofree char *lead = byline_text_prefix_lead (byline_article_get_lead (article),
                                                       byline_article_get_source_prefix (article));
      add_plain (job, context, width, "Sans Bold 10.5", lead, PANGO_ALIGN_LEFT, 12, ROLE_TEXT);
    }

  for (guint i = 0; i < byline_body_get_n_blocks (body); i++)
    {
      const BylineBlock *block = byline_body_get_block (body, i);
      BylineBlockKind kind = byline_block_get_kind (block);
      g_autofree char *markup = NULL;

      number = kind == BYLINE_BLOCK_NUMBERED_ITEM ? number + 1 : 0;
      if (kind == BYLINE_BLOCK_IMAGE)
        {
          BylineImage *image = byline_article_find_image (article, byline_block_get_image_id (block));
          g_autofree char *caption = NULL;
          Piece piece = { 0 };

          if (image == NULL)
            continue;
          if (byline_image_get_file (image) != NULL)
            piece.pixbuf = byline_thumbnailer_load_pixbuf (byline_image_get_file (image), PICTURE_DECODE_SIZE, NULL);
          if (piece.pixbuf != NULL)
            {
              /* Whole, at most the column's width and 60 % of the page,
               * and a pixel never larger than a CSS pixel (0.75 pt), so
               * that a logo is not blown up to the column's width (the
               * pixbuf is the picture's own size up to the size decoded). */
              byline_picture_fit (gdk_pixbuf_get_width (piece.pixbuf), gdk_pixbuf_get_height (piece.pixbuf),
                                  width, page_height * 0.6, 0.75, &piece.width, &piece.height);
              piece.space_after = 4;
              piece.role = ROLE_PICTURE;
              g_array_append_val (job->pieces, piece);
            }
          caption = byline_text_is_blank (byline_image_get_credit (image))
                    ? g_strdup (byline_image_get_caption (image))
                    : g_strdup_printf ("%s (%s)", byline_image_get_caption (image), byline_image_get_credit (image));
          add_plain (job, context, width, "Serif Italic 9", caption, PANGO_ALIGN_CENTER, 12, ROLE_CAPTION);
          continue;
        }

      markup = block_markup (block);
      switch (kind)
        {
        case BYLINE_BLOCK_HEADING1:
          add_text (job, context, width, "Sans Bold 13", markup, PANGO_ALIGN_LEFT, 8, ROLE_HEADING);
          break;
        case BYLINE_BLOCK_HEADING2:
          add_text (job, context, width, "Sans Bold 11.5", markup, PANGO_ALIGN_LEFT, 6, ROLE_HEADING);
          break;
        case BYLINE_BLOCK_QUOTE:
          add_text (job, context, width, "Serif Italic 11", markup, PANGO_ALIGN_LEFT, 10, ROLE_TEXT);
          break;
        case BYLINE_BLOCK_BULLETED_ITEM:
        case BYLINE_BLOCK_NUMBERED_ITEM:
          {
            g_autofree char *item = kind == BYLINE_BLOCK_BULLETED_ITEM
                                    ? g_strdup_printf ("•  %s", markup)
                                    : g_strdup_printf ("%u.  %s", number, markup);
            add_text (job, context, width, "Serif 11", item, PANGO_ALIGN_LEFT, 4, ROLE_TEXT);
            break;
          }
        case BYLINE_BLOCK_PARAGRAPH:
        default:
          add_text (job, context, width, "Serif 11", markup, PANGO_ALIGN_LEFT, 8, ROLE_TEXT);
          break;
        }
    }

  if (!byline_text_is_blank (byline))
    add_plain (job, context, width, "Sans Bold 10", byline, PANGO_ALIGN_RIGHT, 0, ROLE_CAPTION);
}

static GArray *
new_page (Job *job)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (job->pages, page);
  return page;
}

static double
line_height (Piece *piece,
             int    line)
{
  PangoRectangle logical;

  pango_layout_line_get_extents (pango_layout_get_line_readonly (piece->layout, line), NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static gboolean
is_whole (Piece *piece)
{
  return piece->role != ROLE_TEXT;
}

/* The height that must be left on a page to start piece @i there: all of a
 * piece kept whole, the first lines of a paragraph (all of a short one),
 * and for a heading or a picture also what must come with it. */
static double
height_to_start (Job   *job,
                 guint  i)
{
  Piece *piece = &g_array_index (job->pieces, Piece, i);
  double height = 0;
  int n_lines;

  if (piece->pixbuf != NULL)
    height = piece->height + piece->space_after;
  else
    {
      n_lines = pango_layout_get_line_count (piece->layout);
      /* A paragraph that cannot give two lines to each page goes whole. */
      if (is_whole (piece) || n_lines < 2 * MIN_LINES)
        {
          for (int line = 0; line < n_lines; line++)
            height += line_height (piece, line);
          height += piece->space_after;
        }
      else
        for (int line = 0; line < MIN_LINES; line++)
          height += line_height (piece, line);
    }
  if ((piece->role == ROLE_HEADING || piece->role == ROLE_PICTURE) && i + 1 < job->pieces->len)
    height += height_to_start (job, i + 1);
  return height;
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Job               *job)
{
  double page_height = text_height (context);
  GArray *page;
  double y = 0;

  g_array_set_size (job->pieces, 0);
  g_ptr_array_set_size (job->pages, 0);
  build_pieces (job, context);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    g_free (job->printed);
    job->printed = byline_format_date (now, BYLINE_DATE_FORMAT_DATE | BYLINE_DATE_FORMAT_TIME, NULL);
  }

  page = new_page (job);
  for (guint i = 0; i < job->pieces->len; i++)
    {
      Piece *piece = &g_array_index (job->pieces, Piece, i);
      int n_lines, line = 0;

      /* What cannot start here with what goes with it starts a page; a
       * chain taller than a page starts where it is. */
      if (y > 0 && y + height_to_start (job, i) > page_height)
        {
          page = new_page (job);
          y = 0;
        }
      if (piece->pixbuf != NULL)
        {
          Placement placement = { i, -1, y };

          g_array_append_val (page, placement);
          y += piece->height + piece->space_after;
          continue;
        }

      n_lines = pango_layout_get_line_count (piece->layout);
      while (line < n_lines)
        {
          int fit = 0;
          double bottom = y;

          while (line + fit < n_lines && bottom + line_height (piece, line + fit) <= page_height)
            bottom += line_height (piece, line + fit++);
          if (line + fit < n_lines)
            {
              /* The page breaks in this piece: leave at least MIN_LINES on
               * each side, or move what is left of it to the next page. */
              if (!is_whole (piece) && n_lines - line - fit < MIN_LINES)
                fit = n_lines - line - MIN_LINES;
              if (y > 0 && (is_whole (piece) || fit < MIN_LINES))
                {
                  page = new_page (job);
                  y = 0;
                  continue;
                }
              /* A line taller than a page still goes somewhere. */
              fit = MAX (fit, 1);
            }
          for (int k = 0; k < fit; k++, line++)
            {
              Placement placement = { i, line, y };

              g_array_append_val (page, placement);
              y += line_height (piece, line);
            }
          if (line < n_lines)
            {
              page = new_page (job);
              y = 0;
            }
        }
      y += piece->space_after;
    }

  gtk_print_operation_set_n_pages (operation, job->pages->len);
}

/* Under the text: a rule, the story's headline, when it was printed (two
 * proofs of one story are told apart) and the page's number. */
static void
draw_foot (Job             *job,
           GtkPrintContext *context,
           int              page_nr)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double top = text_height (context) + 8;
  g_autoptr(PangoLayout) title = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoLayout) number = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 7.5");
  g_autofree char *page = NULL;
  int number_width;

  /* TRANSLATORS: at the foot of a printed story's pages: when it was
   * printed ("10/08/2022 - 21:05"), the page's number, the number of pages */
  page = g_strdup_printf (C_("print", "Printed %s · Page %d of %d"), job->printed, page_nr + 1,
                          (int) job->pages->len);
  pango_layout_set_font_description (number, font);
  pango_layout_set_text (number, page, -1);
  pango_layout_get_size (number, &number_width, NULL);

  pango_layout_set_font_description (title, font);
  pango_layout_set_text (title, headline_of (job->article), -1);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (title, TRUE);
  pango_layout_set_width (title, (int) ((width - 24) * PANGO_SCALE) - number_width);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, top);
  cairo_line_to (cr, width, top);
  cairo_stroke (cr);
  cairo_move_to (cr, 0, top + 4);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, width - (double) number_width / PANGO_SCALE, top + 4);
  pango_cairo_show_layout (cr, number);
  cairo_restore (cr);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Job               *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  GArray *page = g_ptr_array_index (job->pages, page_nr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < page->len; i++)
    {
      Placement *placement = &g_array_index (page, Placement, i);
      Piece *piece = &g_array_index (job->pieces, Piece, placement->piece);

      if (placement->line < 0)
        {
          double w = gdk_pixbuf_get_width (piece->pixbuf), h = gdk_pixbuf_get_height (piece->pixbuf);
          double scale = MIN (piece->width / w, piece->height / h);
          g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (piece->pixbuf);

          cairo_save (cr);
          cairo_translate (cr, (width - w * scale) / 2, placement->y);
          cairo_scale (cr, scale, scale);
          {
            cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) w, (int) h);

            gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                                  cairo_image_surface_get_stride (surface));
            cairo_surface_mark_dirty (surface);
            cairo_set_source_surface (cr, surface, 0, 0);
            cairo_paint (cr);
            cairo_surface_destroy (surface);
          }
          cairo_restore (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          continue;
        }

      {
        PangoLayoutIter *iter = pango_layout_get_iter (piece->layout);
        PangoRectangle logical;
        int baseline;

        for (int line = 0; line < placement->line; line++)
          pango_layout_iter_next_line (iter);
        pango_layout_iter_get_line_extents (iter, NULL, &logical);
        baseline = pango_layout_iter_get_baseline (iter);
        cairo_move_to (cr, (double) logical.x / PANGO_SCALE,
                       placement->y + (double) (baseline - logical.y) / PANGO_SCALE);
        pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        pango_layout_iter_free (iter);
      }
    }
  draw_foot (job, context, page_nr);
}

static GtkPrintOperation *
make_operation (BylineArticle *article)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  Job *job = g_new0 (Job, 1);
  g_autofree char *slug = byline_article_dup_slug (article);

  job->article = g_object_ref (article);
  job->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_array_set_clear_func (job->pieces, piece_clear);
  job->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  gtk_print_operation_set_job_name (operation, *slug ? slug : "story");
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "job", job, (GDestroyNotify) job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  return operation;
}

/* ---------------------------------------------- settings between prints */

/* The printer, its options and the paper of the last print, as GNOME apps
 * keep them: the next print dialog starts with them, in this run and the
 * next ($XDG_CONFIG_HOME/byline/print-settings.ini; inside Flatpak, the
 * app's own). */
static GtkPrintSettings *last_settings;
/* The story last printed, kept with the settings. */
#define STORY_KEY "byline-story"
static GtkPageSetup *last_page_setup;

static char *
settings_path (void)
{
  const char *override = g_getenv ("BYLINE_PRINT_SETTINGS");

  return override ? g_strdup (override)
                  : g_build_filename (g_get_user_config_dir (), "byline", "print-settings.ini", NULL);
}

static void
load_settings (void)
{
  static gboolean loaded;
  g_autofree char *path = NULL;
  g_autoptr(GKeyFile) file = g_key_file_new ();

  if (loaded)
    return;
  loaded = TRUE;
  path = settings_path ();
  /* None yet, or unreadable: the dialog's own defaults. */
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return;
  last_settings = gtk_print_settings_new_from_key_file (file, NULL, NULL);
  last_page_setup = gtk_page_setup_new_from_key_file (file, NULL, NULL);
}

static void
save_settings (GtkPrintOperation *operation)
{
  g_autofree char *path = settings_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  Job *job = g_object_get_data (G_OBJECT (operation), "job");

  g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  g_set_object (&last_page_setup, gtk_print_operation_get_default_page_setup (operation));
  if (last_settings == NULL)
    return;
  /* Whose file the output file is: see byline_print_settings_for(). */
  gtk_print_settings_set (last_settings, STORY_KEY, byline_article_get_id (job->article));
  gtk_print_settings_to_key_file (last_settings, file, NULL);
  if (last_page_setup != NULL)
    gtk_page_setup_to_key_file (last_page_setup, file, NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0 || !g_key_file_save_to_file (file, path, &error))
    g_debug ("print settings not kept: %s", error ? error->message : g_strerror (errno));
}

GtkPrintSettings *
byline_print_settings_for (GtkPrintSettings *last,
                           BylineArticle    *article)
{
  GtkPrintSettings *settings = last != NULL ? gtk_print_settings_copy (last) : gtk_print_settings_new ();
  const char *uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  g_autofree char *slug = byline_article_dup_slug (article);

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), settings);

  /* The dialog keeps the file it printed to: offered again for the same
   * story, but for another GTK's "Print to File" would write over it. */
  if (uri != NULL && g_strcmp0 (gtk_print_settings_get (settings, STORY_KEY), byline_article_get_id (article)) == 0)
    return settings;
  if (uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, path);
      gtk_print_settings_unset (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
    }
  /* The first print to a file: in the Documents folder, not wherever
   * Byline was started from (a terminal's folder, GTK's default). */
  if (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR) == NULL)
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR,
                              documents != NULL ? documents : g_get_home_dir ());
    }
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, *slug ? slug : "story");
  return settings;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_APPLY:
      save_settings (operation);
      break;
    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      if (parent != NULL && error != NULL)
        {
          g_autofree char *title = g_strdup_printf ("%s: %s", _("Could not print"), error->message);

          byline_widget_show_toast (GTK_WIDGET (parent), adw_toast_new (title));
        }
      break;
    case GTK_PRINT_OPERATION_RESULT_CANCEL:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      break;
    }
  g_clear_object (&parent);
  g_object_unref (operation);
}

void
byline_print_article (BylineArticle *article,
                      GtkWindow     *parent)
{
  GtkPrintOperation *operation;
  g_autoptr(BylineArticle) copy = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;

  g_return_if_fail (BYLINE_IS_ARTICLE (article));

  /* Printing goes on while the story is edited: it prints the story as it
   * was when Print was chosen. */
  copy = byline_article_copy (article);
  operation = make_operation (copy);
  load_settings ();
  settings = byline_print_settings_for (last_settings, copy);
  gtk_print_operation_set_print_settings (operation, settings);
  if (last_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, last_page_setup);
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* "done" comes once the dialog is answered and the pages are out, with
   * the error if any; on_print_done() lets go of the operation. */
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), parent ? g_object_ref (parent) : NULL);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}

gboolean
byline_print_to_pdf (BylineArticle  *article,
                     const char     *path,
                     int            *n_pages,
                     GError        **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  Job *job;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = make_operation (article);
  gtk_print_operation_set_export_filename (operation, path);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  job = g_object_get_data (G_OBJECT (operation), "job");
  if (n_pages != NULL)
    *n_pages = job->pages->len;
  return TRUE;
}
