#include "harness.h"
#include "civil.h"

static sr_time ts(const char *s, int off)
{
	sr_time t;
	struct sr_err e;

	assert_int_equal(sr_parse_time(s, strlen(s), off, &t, &e), 0);
	return t;
}

static void bad_ts(const char *s, const char *code)
{
	sr_time t;
	struct sr_err e;

	sr_err_clear(&e);
	assert_int_equal(sr_parse_time(s, strlen(s), 8 * 3600, &t, &e), -1);
	assert_string_equal(e.code, code);
}

static void test_days(void **st)
{
	int y, m, d;

	(void)st;
	assert_int_equal(sr_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(sr_days_from_civil(2000, 3, 1), 11017);
	sr_civil_from_days(sr_days_from_civil(2028, 2, 29), &y, &m, &d);
	assert_int_equal(y * 10000 + m * 100 + d, 20280229);
	assert_int_equal(sr_days_in_month(2024, 2), 29);
	assert_int_equal(sr_days_in_month(2100, 2), 28);
	assert_int_equal(sr_days_in_month(2026, 10), 31);
	/* 2026-10-01 is a Thursday, 2026-12-07 a Monday */
	assert_int_equal(sr_weekday(sr_days_from_civil(2026, 10, 1)), 4);
	assert_int_equal(sr_weekday(sr_days_from_civil(2026, 12, 7)), 1);
}

static void test_parse_offsets(void **st)
{
	const int cst = 8 * 3600;

	(void)st;
	/* the same instant written four ways */
	assert_int_equal(ts("2026-10-01T00:30:00+08:00", 0), ts("2026-09-30T16:30:00Z", 0));
	assert_int_equal(ts("2026-10-01 00:30", cst), ts("2026-09-30T16:30Z", 0));
	assert_int_equal(ts("2026-09-30T11:30:00-05:00", cst), ts("2026-09-30T16:30:00Z", cst));
	assert_int_equal(ts("2026-10-01T00:30:00", cst), ts("2026-09-30T16:30:00+00:00", cst));
	assert_int_equal(ts("2024-02-29T12:00:00+05:45", 0) % 60, 0);
	/* an event in Z that lies in the next month in +08:00 */
	assert_int_equal(sr_local_day(ts("2026-10-31T16:30:00Z", 0), cst),
			 sr_days_from_civil(2026, 11, 1));
	assert_int_equal(sr_local_day(ts("2026-10-31T15:59:59Z", 0), cst),
			 sr_days_from_civil(2026, 10, 31));
}

static void test_parse_rejects(void **st)
{
	(void)st;
	bad_ts("2026-10-01T24:00:00+08:00", "bad-timestamp");
	bad_ts("2026-02-29T10:00:00+08:00", "bad-timestamp");
	bad_ts("2026-10-01T10:00:60+08:00", "bad-timestamp");
	bad_ts("2026-10-01T10:00+8", "bad-timestamp");
	bad_ts("2026-10-01T10:00:00+15:00", "bad-timestamp");
	bad_ts("2026-10-01", "bad-timestamp");
	bad_ts("2026/10/01 10:00", "bad-timestamp");
	bad_ts("2026-10-01T10:00:00.5Z", "bad-timestamp");
	bad_ts("", "bad-timestamp");
}

static void test_format(void **st)
{
	char b[64];

	(void)st;
	sr_format_iso(ts("2026-09-30T16:30:05Z", 0), 8 * 3600, b, sizeof b);
	assert_string_equal(b, "2026-10-01T00:30:05+08:00");
	sr_format_local(ts("2026-09-30T16:30:05Z", 0), -3600, b, sizeof b);
	assert_string_equal(b, "2026-09-30 15:30:05");
	sr_format_duration(61, b, sizeof b);
	assert_string_equal(b, "1 min 01 s");
	sr_format_duration(3723, b, sizeof b);
	assert_string_equal(b, "1 h 02 min 03 s");
}

static void test_period(void **st)
{
	int y, m;
	struct sr_err e;

	(void)st;
	assert_int_equal(sr_parse_period("2026-10", &y, &m, &e), 0);
	assert_int_equal(y * 100 + m, 202610);
	assert_int_equal(sr_parse_period("2026-13", &y, &m, &e), -1);
	assert_int_equal(sr_parse_period("2026-1", &y, &m, &e), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_parse_offsets),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_period),
	};

	return cmocka_run_group_tests_name("civil", tests, NULL, NULL);
}
