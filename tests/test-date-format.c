/* test-date-format.c — newspaper dates, numbers and counts in Vietnamese and English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "byline-test-utils.h"

static GDateTime *
hanoi (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (7 * 3600);

  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

static void
test_vietnamese (void)
{
  g_autoptr(GDateTime) when = hanoi (2022, 8, 10, 21, 5);
  g_autofree char *full = byline_format_date (when, BYLINE_DATE_FORMAT_FULL, "vi");
  g_autofree char *zone = byline_format_date (when, BYLINE_DATE_FORMAT_FULL | BYLINE_DATE_FORMAT_ZONE, "vi_VN.UTF-8");
  g_autofree char *date = byline_format_date (when, BYLINE_DATE_FORMAT_DATE, "vi");
  g_autofree char *time = byline_format_date (when, BYLINE_DATE_FORMAT_TIME, "vi");
  g_autofree char *weekday_date = byline_format_date (when, BYLINE_DATE_FORMAT_WEEKDAY | BYLINE_DATE_FORMAT_DATE, "vi");
  g_autofree char *none = byline_format_date (when, 0, "vi");

  g_assert_cmpstr (full, ==, "Thứ tư, 10/08/2022 - 21:05");
  g_assert_cmpstr (zone, ==, "Thứ tư, 10/08/2022 - 21:05 (GMT+7)");
  g_assert_cmpstr (date, ==, "10/08/2022");
  g_assert_cmpstr (time, ==, "21:05");
  g_assert_cmpstr (weekday_date, ==, "Thứ tư, 10/08/2022");
  g_assert_cmpstr (none, ==, full);
}

static void
test_weekdays (void)
{
  /* From the date itself: 8 August 2022 was a Monday. */
  static const char * const vi[] = {
    "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật",
  };
  static const char * const en[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  };

  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) when = hanoi (2022, 8, 8 + i, 6, 0);
      g_autofree char *v = byline_format_date (when, BYLINE_DATE_FORMAT_WEEKDAY, "vi");
      g_autofree char *e = byline_format_date (when, BYLINE_DATE_FORMAT_WEEKDAY, "en_GB");

      g_assert_cmpstr (v, ==, vi[i]);
      g_assert_cmpstr (e, ==, en[i]);
    }

  /* Across a year boundary and a leap day */
  {
    g_autoptr(GDateTime) leap = hanoi (2024, 2, 29, 0, 0);
    g_autoptr(GDateTime) new_year = hanoi (2023, 1, 1, 0, 0);
    g_autofree char *a = byline_format_date (leap, BYLINE_DATE_FORMAT_WEEKDAY | BYLINE_DATE_FORMAT_DATE, "vi");
    g_autofree char *b = byline_format_date (new_year, BYLINE_DATE_FORMAT_WEEKDAY | BYLINE_DATE_FORMAT_DATE, "vi");

    g_assert_cmpstr (a, ==, "Thứ năm, 29/02/2024");
    g_assert_cmpstr (b, ==, "Chủ nhật, 01/01/2023");
  }
}

static void
test_english (void)
{
  g_autoptr(GDateTime) evening = hanoi (2022, 8, 10, 21, 5);
  g_autoptr(GDateTime) midnight = hanoi (2022, 8, 10, 0, 7);
  g_autoptr(GDateTime) noon = hanoi (2022, 8, 10, 12, 30);
  g_autofree char *us = byline_format_date (evening, BYLINE_DATE_FORMAT_FULL | BYLINE_DATE_FORMAT_ZONE, "en_US.UTF-8");
  g_autofree char *gb = byline_format_date (evening, BYLINE_DATE_FORMAT_FULL | BYLINE_DATE_FORMAT_ZONE, "en_GB.UTF-8");
  g_autofree char *c = byline_format_date (evening, BYLINE_DATE_FORMAT_FULL, "C");
  g_autofree char *m = byline_format_date (midnight, BYLINE_DATE_FORMAT_TIME, "en");
  g_autofree char *n = byline_format_date (noon, BYLINE_DATE_FORMAT_TIME, "en_US");

  g_assert_cmpstr (us, ==, "Wednesday, August 10, 2022, 9:05 PM (GMT+7)");
  g_assert_cmpstr (gb, ==, "Wednesday, 10 August 2022, 21:05 (GMT+7)");
  g_assert_cmpstr (c, ==, "Wednesday, August 10, 2022, 9:05 PM");
  g_assert_cmpstr (m, ==, "12:07 AM");
  g_assert_cmpstr (n, ==, "12:30 PM");
}

/* Seconds, where two times in the same minute must read differently. */
static void
test_seconds (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) evening = g_date_time_new (zone, 2022, 8, 10, 21, 5, 9.5);
  g_autofree char *vi = byline_format_date (evening, BYLINE_DATE_FORMAT_DATE | BYLINE_DATE_FORMAT_TIME
                                                     | BYLINE_DATE_FORMAT_SECONDS, "vi");
  g_autofree char *us = byline_format_date (evening, BYLINE_DATE_FORMAT_TIME | BYLINE_DATE_FORMAT_SECONDS, "en_US");
  g_autofree char *gb = byline_format_date (evening, BYLINE_DATE_FORMAT_TIME | BYLINE_DATE_FORMAT_SECONDS, "en_GB");
  g_autofree char *none = byline_format_date (evening, BYLINE_DATE_FORMAT_TIME, "vi");

  g_assert_cmpstr (vi, ==, "10/08/2022 - 21:05:09");
  g_assert_cmpstr (us, ==, "9:05:09 PM");
  g_assert_cmpstr (gb, ==, "21:05:09");
  g_assert_cmpstr (none, ==, "21:05");
}

static void
test_zones (void)
{
  g_autoptr(GTimeZone) india = g_time_zone_new_offset (5 * 3600 + 30 * 60);
  g_autoptr(GTimeZone) brazil = g_time_zone_new_offset (-3 * 3600);
  g_autoptr(GDateTime) a = g_date_time_new (india, 2022, 8, 10, 19, 35, 0);
  g_autoptr(GDateTime) b = g_date_time_new (brazil, 2022, 8, 10, 11, 5, 0);
  g_autoptr(GDateTime) c = g_date_time_new_utc (2022, 8, 10, 14, 5, 0);
  g_autoptr(GDateTime) hn = hanoi (2022, 8, 10, 21, 5);
  g_autoptr(GTimeZone) plus7 = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) converted = g_date_time_to_timezone (c, plus7);
  g_autofree char *sa = byline_format_utc_offset (a);
  g_autofree char *sb = byline_format_utc_offset (b);
  g_autofree char *sc = byline_format_utc_offset (c);
  g_autofree char *full = byline_format_date (converted, BYLINE_DATE_FORMAT_FULL | BYLINE_DATE_FORMAT_ZONE, "vi");
  g_autofree char *expected = byline_format_date (hn, BYLINE_DATE_FORMAT_FULL | BYLINE_DATE_FORMAT_ZONE, "vi");

  g_assert_cmpstr (sa, ==, "GMT+5:30");
  g_assert_cmpstr (sb, ==, "GMT-3");
  g_assert_cmpstr (sc, ==, "GMT");
  /* The same instant shown in Vietnam's time */
  g_assert_cmpstr (full, ==, expected);
}

static void
test_numbers_and_counts (void)
{
  static const struct { guint64 n; const char *vi, *en; } numbers[] = {
    { 0, "0", "0" }, { 7, "7", "7" }, { 999, "999", "999" }, { 1000, "1.000", "1,000" },
    { 1234, "1.234", "1,234" }, { 20000, "20.000", "20,000" }, { 1234567, "1.234.567", "1,234,567" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *vi = byline_format_number (numbers[i].n, "vi");
      g_autofree char *en = byline_format_number (numbers[i].n, "en");

      g_assert_cmpstr (vi, ==, numbers[i].vi);
      g_assert_cmpstr (en, ==, numbers[i].en);
    }

#define CHECK(call, expected) G_STMT_START { g_autofree char *s = call; g_assert_cmpstr (s, ==, expected); } G_STMT_END
  CHECK (byline_format_word_count (1234, "vi_VN"), "1.234 từ");
  CHECK (byline_format_word_count (1, "vi"), "1 từ");
  CHECK (byline_format_word_count (0, "vi"), "0 từ");
  CHECK (byline_format_word_count (1, "en"), "1 word");
  CHECK (byline_format_word_count (0, "en"), "0 words");
  CHECK (byline_format_word_count (1234, "en_GB"), "1,234 words");
  CHECK (byline_format_minutes (3, "vi"), "3 phút");
  CHECK (byline_format_minutes (1, "en"), "1 minute");
  CHECK (byline_format_minutes (12, "en"), "12 minutes");
#undef CHECK

  /* Counted as Vietnamese readers count: syllables between spaces. */
  g_assert_cmpuint (byline_text_count_words ("Mưa lớn kéo dài, gây sạt lở tại Nậm Nhùn."), ==, 10);
  g_assert_cmpuint (byline_text_reading_minutes (1234, 200), ==, 6);
}

static void
test_locale (void)
{
  g_autoptr(GDateTime) when = hanoi (2022, 8, 10, 21, 5);
  g_autofree char *c = NULL;
  g_autofree char *vi = NULL;

  g_setenv ("LANGUAGE", "", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  c = byline_format_date (when, BYLINE_DATE_FORMAT_WEEKDAY, NULL);
  g_assert_cmpstr (c, ==, "Wednesday");

  /* Only the name of the locale matters, not whether it is installed. */
  g_setenv ("LC_ALL", "vi_VN.UTF-8", TRUE);
  g_assert_true (g_str_has_prefix (byline_format_locale_language (), "vi"));
  vi = byline_format_date (when, BYLINE_DATE_FORMAT_WEEKDAY, NULL);
  g_assert_cmpstr (vi, ==, "Thứ tư");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  byline_test_init (&argc, &argv);

  g_test_add_func ("/date-format/vietnamese", test_vietnamese);
  g_test_add_func ("/date-format/weekdays", test_weekdays);
  g_test_add_func ("/date-format/english", test_english);
  g_test_add_func ("/date-format/seconds", test_seconds);
  g_test_add_func ("/date-format/zones", test_zones);
  g_test_add_func ("/date-format/numbers", test_numbers_and_counts);
  g_test_add_func ("/date-format/locale", test_locale);

  return g_test_run ();
}
