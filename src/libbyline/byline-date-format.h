/* byline-date-format.h — dates and counts the way a newspaper prints them
 *
 * Vietnamese (a @language starting with "vi"): "Thứ tư, 10/08/2022 - 21:05 (GMT+7)",
 * "1.234 từ", "3 phút".  English: "Wednesday, August 10, 2022, 9:05 PM (GMT+7)" for
 * "en", "en_US" and the C locale, "Wednesday, 10 August 2022, 21:05 (GMT+7)" for the
 * other English locales (and any other language); "1,234 words", "1 minute".  The
 * weekday is computed from the date itself.  A NULL @language means the current
 * locale (LC_TIME, as g_get_language_names_with_category() reports it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BYLINE_DATE_FORMAT_DATE    = 1 << 0,  /* 10/08/2022 */
  BYLINE_DATE_FORMAT_WEEKDAY = 1 << 1,  /* Thứ tư, */
  BYLINE_DATE_FORMAT_TIME    = 1 << 2,  /* 21:05 */
  BYLINE_DATE_FORMAT_ZONE    = 1 << 3,  /* (GMT+7): the date's own UTC offset */
  BYLINE_DATE_FORMAT_SECONDS = 1 << 4,  /* 21:05:09: with TIME, the seconds too */
  BYLINE_DATE_FORMAT_FULL    = BYLINE_DATE_FORMAT_WEEKDAY | BYLINE_DATE_FORMAT_DATE | BYLINE_DATE_FORMAT_TIME,
} BylineDateFormatFlags;

/* @when in its own time zone (convert it first to show another). */
char       *byline_format_date          (GDateTime             *when,
                                         BylineDateFormatFlags  flags,
                                         const char            *language);
/* "GMT+7", "GMT-3:30", "GMT". */
char       *byline_format_utc_offset    (GDateTime             *when);
/* RFC 3339, as drafts and ninjs store times: "2022-08-10T21:05:00+07:00",
 * with the microseconds when there are any, "Z" for UTC. */
char       *byline_format_rfc3339       (GDateTime             *when);
/* "1.234" / "1,234" */
char       *byline_format_number        (guint64                number,
                                         const char            *language);
/* "1.234 từ" / "1,234 words", "1 word" */
char       *byline_format_word_count    (guint                  words,
                                         const char            *language);
/* "3 phút" / "3 minutes", "1 minute" */
char       *byline_format_minutes       (guint                  minutes,
                                         const char            *language);
/* The language the current locale formats dates in, e.g. "vi_VN.UTF-8" or "C". */
const char *byline_format_locale_language (void);

G_END_DECLS
