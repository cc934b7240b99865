/* bench-utils.h — what the benchmarks share: the long story and its timing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-test-utils.h"

G_BEGIN_DECLS

#define BENCH_N_WORDS  20000
#define BENCH_N_IMAGES 100

typedef enum
{
  /* 64 × 48 PNGs: the core's benchmark, where the pictures are only metadata. */
  BENCH_PICTURES_SMALL_PNG,
  /* 4000 × 3000 JPEGs (12 megapixels) of gradients and noise, as a camera gives. */
  BENCH_PICTURES_CAMERA_JPEG,
} BenchPictures;

/* The foundation benchmark's story: 20,000 Vietnamese words in paragraphs with
 * a bold span each, and 100 captioned pictures spread through it, their files
 * written into @photos.  Always the same story (a fixed seed). */
BylineArticle *bench_make_long_article (GFile          *photos,
                                        BenchPictures   pictures);

/* Writes a @width × @height baseline JPEG of a gradient with noise (what a
 * camera's sensor gives, so that it compresses like a photo); @seed varies it. */
void           bench_write_photo_jpeg  (GFile          *file,
                                        guint           width,
                                        guint           height,
                                        guint32         seed);

/* Median and 95th percentile of @n values (sorted in place). */
double         bench_median            (double         *values,
                                        guint           n);
double         bench_percentile        (double         *values,
                                        guint           n,
                                        double          fraction);

G_END_DECLS
