/* test-figure.c — a picture shows whole and never larger than it is: a
 * portrait photo is not cut to a strip, a logo is not blown up to the
 * text's width.  In the editor's figures, in the preview, and in the
 * pictures decoded for both.  (Print is in test-print.c.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "byline-test-utils.h"
#include "ui-test-utils.h"
#include "byline-article-preview.h"
#include "byline-figure.h"
#include "byline-sized-paintable.h"
#include "byline-thumbnailer.h"

typedef struct
{
  const char *name;
  guint       width, height;      /* the picture's pixels */
  int         shown_width, shown_height;
} Case;

/* In a figure 600 px wide, at most 420 px tall. */
static const Case figure_cases[] = {
  { "landscape.png", 1200, 900, 560, 420 },
  { "portrait.png", 900, 1200, 315, 420 },
  { "logo.png", 200, 100, 200, 100 },
  { "panorama.png", 2400, 300, 600, 75 },
};

static BylineImage *
make_image (GFile      *folder,
            const Case *c)
{
  g_autoptr(GFile) file = g_file_get_child (folder, c->name);
  BylineImage *image;

  byline_test_write_png (file, c->width, c->height, 0x8a5a2b);
  image = byline_image_new (c->name, "image/png");
  byline_image_set_size (image, c->width, c->height);
  byline_image_set_file (image, file);
  byline_image_set_caption (image, "Chú thích ảnh đủ dài để xuống dòng dưới ảnh nhỏ.");
  byline_image_set_credit (image, "Ảnh: Lò Văn Dũng");
  return image;
}

static GtkWidget *
find_picture (GtkWidget *root)
{
  if (GTK_IS_PICTURE (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_picture (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *css_class)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget *picture;
  int        width, height;
} Shown;

static gboolean
is_shown (gpointer data)
{
  Shown *shown = data;

  return gtk_picture_get_paintable (GTK_PICTURE (shown->picture)) != NULL
         && gtk_widget_get_width (shown->picture) == shown->width
         && gtk_widget_get_height (shown->picture) == shown->height;
}

/* A figure of @image, @width wide, on screen in a window of its own. */
static GtkWidget *
show_figure (BylineImage *image,
             int          width,
             GtkWidget  **window)
{
  GtkWidget *figure = byline_figure_new (byline_image_get_id (image));

  *window = gtk_window_new ();
  gtk_widget_set_halign (figure, GTK_ALIGN_START);
  gtk_widget_set_valign (figure, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (*window), figure);
  gtk_window_set_default_size (GTK_WINDOW (*window), 700, 700);
  byline_figure_set_image (BYLINE_FIGURE (figure), image);
  byline_figure_set_available_width (BYLINE_FIGURE (figure), width);
  byline_figure_set_onscreen (BYLINE_FIGURE (figure), TRUE);
  gtk_window_present (GTK_WINDOW (*window));
  return figure;
}

/* Waits for @figure's picture decoded and shown at @width × @height. */
static GtkWidget *
wait_shown (GtkWidget  *figure,
            const char *name,
            int         width,
            int         height)
{
  Shown shown = { find_picture (figure), width, height };

  g_assert_nonnull (shown.picture);
  if (!byline_ui_test_wait_until (is_shown, &shown, 5000))
    g_error ("%s shows at %d × %d, not %d × %d", name,
             gtk_widget_get_width (shown.picture), gtk_widget_get_height (shown.picture), width, height);
  return shown.picture;
}

/* Each figure, its picture decoded, in a window: the picture at its size,
 * the caption below it, as wide as the figure. */
static void
test_figure_sizes (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("figure-sizes");

  for (guint i = 0; i < G_N_ELEMENTS (figure_cases); i++)
    {
      const Case *c = &figure_cases[i];
      g_autoptr(BylineImage) image = make_image (folder, c);
      GtkWidget *window;
      GtkWidget *figure;
      GtkWidget *caption, *picture;
      graphene_rect_t picture_bounds, caption_bounds;

      g_test_message ("%s", c->name);
      figure = show_figure (image, 600, &window);
      picture = wait_shown (figure, c->name, c->shown_width, c->shown_height);

      g_assert_cmpint (gtk_widget_get_width (figure), ==, 600);
      caption = find_label (figure, "caption-text");
      g_assert_nonnull (caption);
      g_assert_cmpint (gtk_widget_get_width (caption), ==, 600);
      g_assert_true (gtk_widget_compute_bounds (picture, figure, &picture_bounds));
      g_assert_true (gtk_widget_compute_bounds (caption, figure, &caption_bounds));
      g_assert_cmpfloat (picture_bounds.origin.x, <=, 2);
      g_assert_cmpfloat (caption_bounds.origin.y, >=, picture_bounds.origin.y + picture_bounds.size.height);

      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* In a column wider than a picture may be (side panels hidden, large
 * text), the figure is still as wide as the text, its picture at most 640
 * px at the text's start: the text view centres a narrower figure, which
 * put a small picture and its caption in from the text's edge. */
static void
test_figure_wide_column (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("figure-wide");
  g_autoptr(BylineImage) image = make_image (folder, &figure_cases[3]);
  GtkWidget *window;
  GtkWidget *figure;
  GtkWidget *picture, *caption;
  graphene_rect_t bounds;

  figure = show_figure (image, 900, &window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  picture = wait_shown (figure, figure_cases[3].name, 640, 80);
  g_assert_cmpint (gtk_widget_get_width (figure), ==, 900);
  g_assert_true (gtk_widget_compute_bounds (picture, figure, &bounds));
  g_assert_cmpfloat (bounds.origin.x, <=, 2);
  caption = find_label (figure, "caption-text");
  g_assert_cmpint (gtk_widget_get_width (caption), ==, 900);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A portrait phone photo added before Byline read EXIF orientations has
 * its stored size in the draft, a landscape one: once decoded (turned
 * upright), the figure takes the picture's own shape. */
static void
test_figure_turned (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("figure-turned");
  const Case upright = { "upright.png", 900, 1200, 315, 420 };
  g_autoptr(BylineImage) image = make_image (folder, &upright);
  GtkWidget *window;
  GtkWidget *figure;
  GtkWidget *picture;

  byline_image_set_size (image, 1200, 900);
  figure = show_figure (image, 600, &window);
  picture = wait_shown (figure, upright.name, 315, 420);

  /* Let go off screen and resized there: still its own shape. */
  byline_figure_set_onscreen (BYLINE_FIGURE (figure), FALSE);
  byline_figure_set_available_width (BYLINE_FIGURE (figure), 250);
  byline_ui_test_wait (200);
  g_assert_cmpint (gtk_widget_get_width (picture), ==, 250);
  g_assert_cmpint (gtk_widget_get_height (picture), ==, 333);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* In a right-to-left language the picture starts at the right, where the
 * text starts. */
static void
test_figure_right_to_left (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("figure-rtl");
  g_autoptr(BylineImage) image = make_image (folder, &figure_cases[2]);
  GtkWidget *window;
  GtkWidget *figure;
  GtkWidget *picture;
  graphene_rect_t bounds;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  figure = show_figure (image, 600, &window);
  picture = wait_shown (figure, "logo.png", 200, 100);
  g_assert_true (gtk_widget_compute_bounds (picture, figure, &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, >=, 598);
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

/* A picture is decoded at most at its own size: a texture as large as the
 * figure for a small logo was memory for nothing and a blurred picture. */
static void
test_decoded_not_enlarged (void)
{
  g_autoptr(GFile) folder = byline_test_make_folder ("figure-decoded");
  g_autoptr(GFile) logo = g_file_get_child (folder, "logo.png");
  g_autoptr(GFile) photo = g_file_get_child (folder, "photo.png");
  g_autoptr(GdkPixbuf) small = NULL;
  g_autoptr(GdkPixbuf) large = NULL;
  g_autoptr(GError) error = NULL;

  byline_test_write_png (logo, 200, 100, 0x2b5a8a);
  byline_test_write_png (photo, 1200, 900, 0x2b5a8a);
  small = byline_thumbnailer_load_pixbuf (logo, BYLINE_FIGURE_DECODE_SIZE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (small), ==, 200);
  g_assert_cmpint (gdk_pixbuf_get_height (small), ==, 100);
  large = byline_thumbnailer_load_pixbuf (photo, BYLINE_FIGURE_DECODE_SIZE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (large), ==, BYLINE_FIGURE_DECODE_SIZE);
  g_assert_cmpint (gdk_pixbuf_get_height (large), ==, BYLINE_FIGURE_DECODE_SIZE * 3 / 4);
}

/* The pixels behind @picture, as drawn: on a screen of scale 2 (meson's
 * ui-figure-scale-2 runs these tests with GDK_SCALE=2) a picture decoded
 * only at the size it shows at is blurred, twice too few pixels each way.
 * What GtkPicture asks for stays the size it shows at. */
static void
assert_decoded_for_screen (GtkWidget  *picture,
                           const char *name,
                           int         source_width,
                           int         shown_width)
{
  GdkPaintable *paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
  int scale = gtk_widget_get_scale_factor (picture);
  GdkTexture *texture;

  g_test_message ("%s at scale %d", name, scale);
  if (BYLINE_IS_SIZED_PAINTABLE (paintable))
    texture = GDK_TEXTURE (byline_sized_paintable_get_paintable (BYLINE_SIZED_PAINTABLE (paintable)));
  else
    texture = GDK_TEXTURE (paintable);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, MIN (source_width, shown_width * scale));
  g_assert_cmpint (gdk_texture_get_width (texture), <=, source_width);
  /* Its size said in the screen's points, not its pixels: a drag icon of
   * it is as large as the figure on every screen. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), <=,
                   MAX (shown_width, (gdk_texture_get_width (texture) + scale - 1) / scale));
}

static void
test_figure_sharp (void)
{
  static const Case photo = { "photo.png", 2400, 1600, 600, 400 };
  g_autoptr(GFile) folder = byline_test_make_folder ("figure-sharp");
  g_autoptr(BylineImage) image = make_image (folder, &photo);
  GtkWidget *window;
  GtkWidget *figure;
  GtkWidget *picture;

  figure = show_figure (image, 600, &window);
  picture = wait_shown (figure, photo.name, photo.shown_width, photo.shown_height);
  assert_decoded_for_screen (picture, photo.name, photo.width, photo.shown_width);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget *root;
  guint      n_pictures;
} Preview;

static void
count_loaded (GtkWidget *root,
              guint     *n)
{
  if (GTK_IS_PICTURE (root) && gtk_picture_get_paintable (GTK_PICTURE (root)) != NULL)
    (*n)++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    count_loaded (child, n);
}

static gboolean
all_loaded (gpointer data)
{
  Preview *preview = data;
  guint n = 0;

  count_loaded (preview->root, &n);
  return n == preview->n_pictures;
}

static void
collect_pictures (GtkWidget *root,
                  GPtrArray *pictures)
{
  if (GTK_IS_PICTURE (root))
    g_ptr_array_add (pictures, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_pictures (child, pictures);
}

/* The preview, as a page shows it: each picture whole, at most 560 × 480,
 * never enlarged; what GtkPicture asks for once its picture is decoded is
 * that size (a text view gives its children the size they ask for). */
static void
test_preview_sizes (void)
{
  static const Case cases[] = {
    { "landscape.png", 1200, 900, 560, 420 },
    { "portrait.png", 900, 1200, 360, 480 },
    { "logo.png", 200, 100, 200, 100 },
  };
  g_autoptr(GFile) folder = byline_test_make_folder ("preview-sizes");
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GPtrArray) pictures = g_ptr_array_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *preview = byline_article_preview_new ();
  Preview wait = { preview, G_N_ELEMENTS (cases) };

  byline_article_set_headline (article, "Ảnh trong bản xem trước");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineImage) image = make_image (folder, &cases[i]);

      byline_article_add_image (article, image);
      byline_body_insert_image (byline_article_get_body (article), G_MAXUINT, byline_image_get_id (image));
    }
  gtk_window_set_child (GTK_WINDOW (window), preview);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  byline_article_preview_set_article (BYLINE_ARTICLE_PREVIEW (preview), article);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (byline_ui_test_wait_until (all_loaded, &wait, 5000));

  collect_pictures (preview, pictures);
  g_assert_cmpuint (pictures->len, ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < pictures->len; i++)
    {
      GtkWidget *picture = g_ptr_array_index (pictures, i);
      int width = 0, height = 0;

      g_test_message ("%s", cases[i].name);
      gtk_widget_measure (picture, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      gtk_widget_measure (picture, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
      g_assert_cmpint (width, ==, cases[i].shown_width);
      g_assert_cmpint (height, ==, cases[i].shown_height);
      assert_decoded_for_screen (picture, cases[i].name, cases[i].width, cases[i].shown_width);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  byline_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/figure/sizes", test_figure_sizes);
  g_test_add_func ("/ui/figure/wide-column", test_figure_wide_column);
  g_test_add_func ("/ui/figure/turned", test_figure_turned);
  g_test_add_func ("/ui/figure/right-to-left", test_figure_right_to_left);
  g_test_add_func ("/ui/figure/decoded-not-enlarged", test_decoded_not_enlarged);
  g_test_add_func ("/ui/figure/sharp", test_figure_sharp);
  g_test_add_func ("/ui/figure/preview-sizes", test_preview_sizes);
  return g_test_run ();
}
