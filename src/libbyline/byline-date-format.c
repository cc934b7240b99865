/* byline-date-format.c
 *
 * Written out by hand rather than with strftime(): the result must not depend on
 * which locales happen to be installed, and Vietnamese newspapers do not print
 * the glibc vi_VN format ("Thứ tư, 10 Tháng 8 2022").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include <string.h>

#include "byline-date-format.h"

typedef enum
{
  STYLE_VI,
  STYLE_EN_US,
  STYLE_EN,
} Style;

static const char * const vi_weekdays[] = {
  /* GDateTime: 1 is Monday, 7 Sunday */
  NULL, "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật",
};

static const char * const en_weekdays[] = {
  NULL, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

static const char * const en_months[] = {
  NULL, "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December",
};

const char *
byline_format_locale_language (void)
{
  const char * const *names = g_get_language_names_with_category ("LC_TIME");

  return names != NULL && names[0] != NULL ? names[0] : "C";
}

static Style
style_for (const char *language)
{
  if (language == NULL)
    language = byline_format_locale_language ();
  if (g_str_has_prefix (language, "vi"))
    return STYLE_VI;
  if (g_str_equal (language, "C") || g_str_equal (language, "POSIX")
      || g_str_has_prefix (language, "C.") || g_str_equal (language, "en")
      || g_str_has_prefix (language, "en_US") || g_str_has_prefix (language, "en-US")
      || g_str_has_prefix (language, "en."))
    return STYLE_EN_US;
  return STYLE_EN;
}

char *
byline_format_utc_offset (GDateTime *when)
{
  gint64 seconds;
  int hours, minutes;
  char sign;

  g_return_val_if_fail (when != NULL, NULL);

  seconds = g_date_time_get_utc_offset (when) / G_TIME_SPAN_SECOND;
  if (seconds == 0)
    return g_strdup ("GMT");
  sign = seconds < 0 ? '-' : '+';
  seconds = ABS (seconds);
  hours = seconds / 3600;
  minutes = (seconds % 3600) / 60;
  if (minutes == 0)
    return g_strdup_printf ("GMT%c%d", sign, hours);
  return g_strdup_printf ("GMT%c%d:%02d", sign, hours, minutes);
}

char *
byline_format_rfc3339 (GDateTime *when)
{
  const char *seconds;
  const char *zone;

  g_return_val_if_fail (when != NULL, NULL);

  /* Not g_date_time_format_iso8601(): it writes "+07" for "+07:00",
   * which RFC 3339 (and so ninjs and most JSON readers) does not take. */
  seconds = g_date_time_get_microsecond (when) != 0 ? "%S.%f" : "%S";
  zone = g_date_time_get_utc_offset (when) == 0 ? "Z" : "%:z";
  {
    g_autofree char *format = g_strconcat ("%Y-%m-%dT%H:%M:", seconds, zone, NULL);

    return g_date_time_format (when, format);
  }
}

static void
append_time (GString   *out,
             GDateTime *when,
             Style      style,
             gboolean   seconds)
{
  int hour = g_date_time_get_hour (when);
  int minute = g_date_time_get_minute (when);

  if (style == STYLE_EN_US)
    g_string_append_printf (out, "%d:%02d", hour % 12 == 0 ? 12 : hour % 12, minute);
  else
    g_string_append_printf (out, "%02d:%02d", hour, minute);
  if (seconds)
    g_string_append_printf (out, ":%02d", g_date_time_get_second (when));
  if (style == STYLE_EN_US)
    g_string_append (out, hour < 12 ? " AM" : " PM");
}

static void
append_date (GString   *out,
             GDateTime *when,
             Style      style)
{
  int day = g_date_time_get_day_of_month (when);
  int month = g_date_time_get_month (when);
  int year = g_date_time_get_year (when);

  switch (style)
    {
    case STYLE_VI:
      g_string_append_printf (out, "%02d/%02d/%04d", day, month, year);
      break;
    case STYLE_EN_US:
      g_string_append_printf (out, "%s %d, %d", en_months[month], day, year);
      break;
    case STYLE_EN:
    default:
      g_string_append_printf (out, "%d %s %d", day, en_months[month], year);
      break;
    }
}

char *
byline_format_date (GDateTime             *when,
                    BylineDateFormatFlags  flags,
                    const char            *language)
{
  Style style = style_for (language);
  GString *out;
  /* "Thứ tư, 10/08/2022 - 21:05" but "Wednesday, 10 August 2022, 21:05" */
  const char *before_time = style == STYLE_VI ? " - " : ", ";

  g_return_val_if_fail (when != NULL, NULL);

  if ((flags & (BYLINE_DATE_FORMAT_DATE | BYLINE_DATE_FORMAT_TIME | BYLINE_DATE_FORMAT_WEEKDAY)) == 0)
    flags |= BYLINE_DATE_FORMAT_FULL;

  out = g_string_new (NULL);
  if (flags & BYLINE_DATE_FORMAT_WEEKDAY)
    {
      int weekday = g_date_time_get_day_of_week (when);

      g_string_append (out, style == STYLE_VI ? vi_weekdays[weekday] : en_weekdays[weekday]);
    }
  if (flags & BYLINE_DATE_FORMAT_DATE)
    {
      if (out->len > 0)
        g_string_append (out, ", ");
      append_date (out, when, style);
    }
  if (flags & BYLINE_DATE_FORMAT_TIME)
    {
      if (out->len > 0)
        g_string_append (out, before_time);
      append_time (out, when, style, (flags & BYLINE_DATE_FORMAT_SECONDS) != 0);
    }
  if (flags & BYLINE_DATE_FORMAT_ZONE)
    {
      g_autofree char *zone = byline_format_utc_offset (when);

      g_string_append_printf (out, " (%s)", zone);
    }
  return g_string_free (out, FALSE);
}

char *
byline_format_number (guint64     number,
                      const char *language)
{
  char separator = style_for (language) == STYLE_VI ? '.' : ',';
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, number);
  gsize n = strlen (digits);
  GString *out = g_string_sized_new (n + n / 3);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, separator);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
format_count (guint       count,
              const char *language,
              const char *vi_unit,
              const char *en_one,
              const char *en_many)
{
  g_autofree char *number = byline_format_number (count, language);

  /* Vietnamese nouns do not change with the number. */
  if (style_for (language) == STYLE_VI)
    return g_strdup_printf ("%s %s", number, vi_unit);
  return g_strdup_printf ("%s %s", number, count == 1 ? en_one : en_many);
}

char *
byline_format_word_count (guint       words,
                          const char *language)
{
  return format_count (words, language, "từ", "word", "words");
}

char *
byline_format_minutes (guint       minutes,
                       const char *language)
{
  return format_count (minutes, language, "phút", "minute", "minutes");
}
