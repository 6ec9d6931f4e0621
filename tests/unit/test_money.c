#include "harness.h"
#include "money.h"

static sr_money m(const char *s)
{
	int64_t v;
	struct sr_err e;

	assert_int_equal(sr_decimal_parse(s, strlen(s), 2, &v, &e), 0);
	return v;
}

static struct sr_ratio pct(const char *s)
{
	struct sr_ratio r;
	struct sr_err e;

	assert_int_equal(sr_pct_parse(s, &r, &e), 0);
	return r;
}

static void money_is(sr_money v, const char *want)
{
	char b[40];

	sr_decimal_format(v, 2, b, sizeof b);
	assert_string_equal(b, want);
}

static void test_parse(void **st)
{
	int64_t v;
	struct sr_err e;

	(void)st;
	assert_int_equal(m("1234.56"), 123456);
	assert_int_equal(m("0.5"), 50);
	assert_int_equal(m("12"), 1200);
	assert_int_equal(sr_decimal_parse("1.234", 5, 2, &v, &e), -1);
	assert_string_equal(e.code, "too-many-decimals");
	assert_int_equal(sr_decimal_parse("-1.00", 5, 2, &v, &e), -1);
	assert_string_equal(e.code, "negative");
	assert_int_equal(sr_decimal_parse("1e3", 3, 2, &v, &e), -1);
	assert_int_equal(sr_decimal_parse("1,000.00", 8, 2, &v, &e), -1);
	assert_int_equal(sr_decimal_parse("1.", 2, 2, &v, &e), -1);
	assert_int_equal(sr_decimal_parse(".5", 2, 2, &v, &e), -1);
	assert_int_equal(sr_decimal_parse(" 1", 2, 2, &v, &e), -1);
	assert_int_equal(sr_decimal_parse("1000000000000000", 16, 2, &v, &e), -1);
	assert_int_equal(sr_decimal_parse("0.045", 5, 6, &v, &e), 0);
	assert_int_equal(v, 45000);
	assert_int_equal(sr_decimal_parse("7", 1, 0, &v, &e), 0);
	assert_int_equal(v, 7);
}

static void test_half_up_ties(void **st)
{
	(void)st;
	money_is(sr_money_mul_half_up(m("10.05"), pct("10")), "1.01");
	money_is(sr_money_mul_half_up(m("1.45"), pct("10")), "0.15");
	money_is(sr_money_mul_half_up(m("123.45"), pct("25")), "30.86");
	money_is(sr_money_mul_half_up(m("0.15"), pct("10")), "0.02");
	money_is(sr_money_mul_half_up(m("0.14"), pct("10")), "0.01");
	money_is(sr_money_mul_half_up(m("999999999.99"), pct("100")), "999999999.99");
	money_is(sr_money_mul_half_up(m("0.01"), pct("30")), "0.00");
}

static void test_ratio_compare(void **st)
{
	struct sr_ratio a;

	(void)st;
	/* 2,592 s of downtime in a 30-day month is exactly 99.9 % */
	a = (struct sr_ratio){2592000 - 2592, 2592000};
	assert_int_equal(sr_ratio_cmp(a, pct("99.9")), 0);
	/* 99.975 % of 43200 minutes is 43189.2: 11 minutes down misses, 10 meets */
	assert_true(sr_ratio_cmp((struct sr_ratio){43200 - 10, 43200}, pct("99.975")) > 0);
	assert_true(sr_ratio_cmp((struct sr_ratio){43200 - 11, 43200}, pct("99.975")) < 0);
	assert_int_equal(sr_ratio_cmp((struct sr_ratio){43200 - 432, 43200}, pct("99")), 0);
	assert_int_equal(sr_ratio_cmp((struct sr_ratio){43200 - 2160, 43200}, pct("95")), 0);
	assert_true(sr_ratio_cmp(pct("99.9999999"), pct("99.99999989")) > 0);
}

static void test_ratio_format(void **st)
{
	char b[40];

	(void)st;
	/* truncated, never rounded up */
	sr_ratio_format_pct((struct sr_ratio){43189, 43200}, 4, b, sizeof b);
	assert_string_equal(b, "99.9745");
	sr_ratio_format_pct((struct sr_ratio){2, 3}, 4, b, sizeof b);
	assert_string_equal(b, "66.6666");
	sr_ratio_format_pct((struct sr_ratio){1, 1}, 4, b, sizeof b);
	assert_string_equal(b, "100.0000");
	sr_ratio_format_pct_exact(pct("99.975"), b, sizeof b);
	assert_string_equal(b, "99.975");
}

static void test_units(void **st)
{
	(void)st;
	/* 10 % of 100.00 at 0.045 a message = 222.2 -> 222 */
	assert_int_equal(sr_units_floor(m("100.00"), 2, pct("10"), 45000, 6), 222);
	/* 30 % of 1000.00 at 0.05 = 6000 exactly */
	assert_int_equal(sr_units_floor(m("1000.00"), 2, pct("30"), 50000, 6), 6000);
	/* JPY (0 decimals): 10 % of 1000 yen at 7.5 yen = 13.33 -> 13 */
	assert_int_equal(sr_units_floor(1000, 0, pct("10"), 7500000, 6), 13);
}

static void test_currency(void **st)
{
	(void)st;
	assert_int_equal(sr_currency_digits("CNY"), 2);
	assert_int_equal(sr_currency_digits("JPY"), 0);
	assert_int_equal(sr_currency_digits("XXX"), -1);
	assert_int_equal(sr_currency_digits("cny"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_half_up_ties),
		cmocka_unit_test(test_ratio_compare),
		cmocka_unit_test(test_ratio_format),
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_currency),
	};

	return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}
