#include "harness.h"

/* A minimal valid catalog; %s slots: extra root attribute text, bands. */
static const char *const tmpl =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<catalog xmlns=\"urn:slareport:catalog:1\" product=\"demo\" provider=\"P\"\n"
	"         version=\"2024-01-01\" timezone=\"+08:00\"%s>\n"
	"  <title lang=\"zh-CN\">演示</title>\n"
	"  <title lang=\"en\">Demo</title>\n"
	"  <source seed=\"s.txt\" line=\"1\" updated=\"2024-01-01\">Demo</source>\n"
	"  <period kind=\"natural-month\" lines=\"2\"/>\n"
	"  <scope kind=\"resource\" unit=\"instance\" lines=\"3\"/>\n"
	"  <fee basis=\"paid-excluding-vouchers\" lines=\"4\"/>\n"
	"  <causes><cause code=\"provider\" counts=\"true\">p</cause></causes>\n"
	"  <metric id=\"up\" primary=\"true\" kind=\"event-minutes\" lines=\"5\">\n"
	"    <title lang=\"zh-CN\">可用性</title><title lang=\"en\">Availability</title>\n"
	"    <objective pct=\"99.9\" lines=\"6\"/>\n"
	"    <minutes ignore-seconds=\"60\" lines=\"7\"/>\n"
	"    <bands lines=\"8\">\n%s"
	"    </bands>\n"
	"    <compensation kind=\"voucher\" lines=\"9\"/>\n"
	"  </metric>\n"
	"  <combine rule=\"separate\"/>\n"
	"  <cap kind=\"month-fee\" lines=\"10\"/>\n"
	"  <claim opens-after-business-day=\"5\" closes-after-days=\"60\" lines=\"11\"/>\n"
	"</catalog>\n";

#define GOOD_BANDS "      <band lower=\"99\" upper=\"99.9\" percent=\"10\"/>\n" \
		   "      <band upper=\"99\" percent=\"25\"/>\n"

static struct sr_diags load_one(const char *text, struct sr_catalogs *cats)
{
	char *d = temp_dir(), cmd[2200];
	struct sr_diags diags = {0};

	snprintf(cmd, sizeof cmd, "cp '%s/catalogs/catalog.xsd' '%s/'", root_dir(), d);
	assert_int_equal(system(cmd), 0);
	write_file(d, "demo.xml", text);
	sr_catalogs_load(d, cats, &diags);
	remove_dir(d);
	return diags;
}

static void catalog(char *buf, size_t n, const char *attrs, const char *bands)
{
	snprintf(buf, n, tmpl, attrs, bands);
}

static int has_diag(const struct sr_diags *d, int is_error, long line, const char *text)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].is_error == is_error && (line == 0 || d->v[i].line == line) &&
		    strstr(d->v[i].msg, text) != NULL && strcmp(d->v[i].file, "demo.xml") == 0)
			return 1;
	for (size_t i = 0; i < d->n; i++)
		print_message("diag: %s:%ld %s\n", d->v[i].file, d->v[i].line, d->v[i].msg);
	return 0;
}

static void test_shipped_catalogs_valid(void **st)
{
	struct sr_catalogs cats;
	struct sr_diags d = {0};
	char path[1024];

	(void)st;
	snprintf(path, sizeof path, "%s/catalogs", root_dir());
	assert_int_equal(sr_catalogs_load(path, &cats, &d), 0);
	assert_int_equal(d.errors, 0);
	assert_non_null(sr_catalog_find(&cats, "cvm", sr_days_from_civil(2026, 10, 1)));
	/* two SMS versions: the one in force on the period's first day is used */
	assert_string_equal(sr_catalog_find(&cats, "sms", sr_days_from_civil(2021, 6, 1))->version,
			    "2020-09-23");
	assert_string_equal(sr_catalog_find(&cats, "sms", sr_days_from_civil(2026, 10, 1))->version,
			    "2022-04-01");
	assert_null(sr_catalog_find(&cats, "cvm", sr_days_from_civil(2024, 1, 31)));
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
}

static void test_good_and_band_gap_warning(void **st)
{
	char buf[4096];
	struct sr_catalogs cats;
	struct sr_diags d;

	(void)st;
	catalog(buf, sizeof buf, "", GOOD_BANDS);
	d = load_one(buf, &cats);
	assert_int_equal(d.errors, 0);
	assert_int_equal(cats.n, 1);
	assert_int_equal(cats.v[0].metrics[0].nbands, 2);
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
	/* first band below the objective: a warning, not an error */
	catalog(buf, sizeof buf, "", "      <band lower=\"99\" upper=\"99.5\" percent=\"10\"/>\n");
	d = load_one(buf, &cats);
	assert_int_equal(d.errors, 0);
	assert_true(has_diag(&d, 0, 16, "first band starts below 99.5"));
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
}

/* Replaces the first `from` in s (of size n) by `to`. */
static void replace(char *s, size_t n, const char *from, const char *to)
{
	char *p = strstr(s, from);
	size_t lf = strlen(from), lt = strlen(to);

	assert_non_null(p);
	assert_true(strlen(s) - lf + lt < n);
	memmove(p + lt, p + lf, strlen(p + lf) + 1);
	memcpy(p, to, lt);
}

/* The tmpl with its availability metric swapped for a count metric, max 2. */
static void count_catalog(char *buf, size_t n, const char *bands)
{
	char t[4096];

	snprintf(t, sizeof t, "%s", tmpl);
	replace(t, sizeof t, "kind=\"event-minutes\"", "kind=\"count\"");
	replace(t, sizeof t, "<objective pct=\"99.9\"", "<objective max=\"2\"");
	replace(t, sizeof t, "<minutes ignore-seconds=\"60\" lines=\"7\"/>", "");
	replace(t, sizeof t, "<bands lines", "<bands measure=\"count\" lines");
	snprintf(buf, n, t, "", bands);
}

static void test_first_band_against_objective(void **st)
{
	char buf[4096];
	struct sr_catalogs cats;
	struct sr_diags d;

	(void)st;
	/* first band above the objective 99.9: reported once, as reaching above it
	 * (an error without an objective-mismatch note), never as a gap */
	catalog(buf, sizeof buf, "", "      <band lower=\"99\" upper=\"99.95\" percent=\"10\"/>\n");
	d = load_one(buf, &cats);
	assert_true(has_diag(&d, 1, 16, "reaches above the objective 99.9"));
	for (size_t i = 0; i < d.n; i++)
		assert_null(strstr(d.v[i].msg, "starts below"));
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
	/* counts are whole: max 2 and a first band from 3 inclusive leave no gap */
	count_catalog(buf, sizeof buf, "      <band lower=\"3\" upper=\"5\" percent=\"5\"/>\n"
		      "      <band lower=\"5\" percent=\"10\"/>\n");
	d = load_one(buf, &cats);
	assert_int_equal(d.errors, 0);
	assert_int_equal(cats.n, 1);
	for (size_t i = 0; i < d.n; i++)
		assert_null(strstr(d.v[i].msg, "first band starts"));
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
	/* ... but a first band from 4 leaves 3 earning nothing */
	count_catalog(buf, sizeof buf, "      <band lower=\"4\" percent=\"5\"/>\n");
	d = load_one(buf, &cats);
	assert_int_equal(d.errors, 0);
	assert_true(has_diag(&d, 0, 16, "objective max 2 but the first band starts at 4"));
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
}

/* A text longer than its field is an error naming the element, never cut. */
static void test_text_too_long(void **st)
{
	char buf[8192], cause[1200];
	struct sr_catalogs cats;
	struct sr_diags d;

	(void)st;
	memset(cause, 'x', 1100);
	strcpy(cause + 1100, "</cause>");
	catalog(buf, sizeof buf, "", GOOD_BANDS);
	replace(buf, sizeof buf, "p</cause>", cause);
	d = load_one(buf, &cats);
	assert_true(has_diag(&d, 1, 0, "<cause> text is 1100 bytes; at most 1023 fit"));
	assert_int_equal(cats.n, 0);
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
}

static void test_schema_error_names_line(void **st)
{
	char buf[4096];
	struct sr_catalogs cats;
	struct sr_diags d;

	(void)st;
	catalog(buf, sizeof buf, "", "      <band lower=\"99\" upper=\"99.9\" percent=\"ten\"/>\n");
	d = load_one(buf, &cats);
	assert_true(d.errors > 0);
	assert_int_equal(cats.n, 0);
	assert_true(has_diag(&d, 1, 16, "percent"));
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
}

static void test_overlapping_bands_rejected(void **st)
{
	char buf[4096];
	struct sr_catalogs cats;
	struct sr_diags d;

	(void)st;
	catalog(buf, sizeof buf, "", "      <band lower=\"98\" upper=\"99.9\" percent=\"10\"/>\n"
		"      <band upper=\"99\" percent=\"25\"/>\n");
	d = load_one(buf, &cats);
	assert_true(has_diag(&d, 1, 17, "overlap"));
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
	/* touching with both ends inclusive overlaps at exactly 99 */
	catalog(buf, sizeof buf, "", "      <band lower=\"99\" upper=\"99.9\" percent=\"10\"/>\n"
		"      <band upper=\"99\" upper-inclusive=\"true\" percent=\"25\"/>\n");
	d = load_one(buf, &cats);
	assert_true(has_diag(&d, 1, 17, "overlap"));
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
}

static void test_band_above_objective_and_percent(void **st)
{
	char buf[4096];
	struct sr_catalogs cats;
	struct sr_diags d;

	(void)st;
	catalog(buf, sizeof buf, "", "      <band lower=\"99\" upper=\"99.95\" percent=\"10\"/>\n");
	d = load_one(buf, &cats);
	assert_true(has_diag(&d, 1, 16, "above the objective"));
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
	catalog(buf, sizeof buf, "", "      <band upper=\"99.9\" percent=\"150\"/>\n");
	d = load_one(buf, &cats);
	assert_true(has_diag(&d, 1, 16, "above 100"));
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
}

static void test_hostile_xml(void **st)
{
	char buf[4096];
	struct sr_catalogs cats;
	struct sr_diags d;
	const char *laughs =
		"<?xml version=\"1.0\"?>\n<!DOCTYPE catalog [\n <!ENTITY a \"aaaa\">\n"
		" <!ENTITY b \"&a;&a;&a;&a;\">\n]>\n<catalog>&b;</catalog>\n";
	const char *xxe =
		"<?xml version=\"1.0\"?>\n<!DOCTYPE c SYSTEM \"file:///etc/hostname\">\n<c/>\n";

	(void)st;
	d = load_one(laughs, &cats);
	assert_true(has_diag(&d, 1, 2, "DOCTYPE"));
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
	d = load_one(xxe, &cats);
	assert_true(has_diag(&d, 1, 2, "DOCTYPE"));
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
	/* wrong namespace */
	catalog(buf, sizeof buf, "", GOOD_BANDS);
	memcpy(strstr(buf, "urn:slareport:catalog:1"), "urn:slareport:catalog:9", 23);
	d = load_one(buf, &cats);
	assert_true(has_diag(&d, 1, 3, "root element must be"));
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
	/* XInclude and schema-location hints (which may name a network URL) */
	catalog(buf, sizeof buf, "", GOOD_BANDS);
	replace(buf, sizeof buf, "  <combine", "  <xi:include xmlns:xi=\"http://www.w3.org/2001/"
		"XInclude\" href=\"/etc/passwd\" parse=\"text\"/>\n  <combine");
	d = load_one(buf, &cats);
	assert_true(has_diag(&d, 1, 21, "XInclude is not allowed"));
	assert_int_equal(cats.n, 0);
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
	catalog(buf, sizeof buf, " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
		"xsi:schemaLocation=\"urn:slareport:catalog:1 http://203.0.113.9/x.xsd\"",
		GOOD_BANDS);
	d = load_one(buf, &cats);
	assert_true(has_diag(&d, 1, 3, "(schema-location hints) are not allowed"));
	assert_int_equal(cats.n, 0);
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
	/* nesting: 40 levels (our limit, 32) and 5000 (libxml2's own, 256) */
	for (int depth = 40; depth <= 5000; depth += 4960) {
		char *big = malloc(16 * 5000 + 4096), *p;
		catalog(buf, sizeof buf, "", GOOD_BANDS);
		p = strstr(buf, "  <combine");
		memcpy(big, buf, (size_t)(p - buf));
		big[p - buf] = '\0';
		{
			char *o = big + (p - buf);
			for (int i = 0; i < depth; i++, o += 3)
				memcpy(o, "<x>", 3);
			for (int i = 0; i < depth; i++, o += 4)
				memcpy(o, "</x>", 4);
			strcpy(o, p);
		}
		d = load_one(big, &cats);
		assert_true(has_diag(&d, 1, 0, "elements nested deeper than 32 levels"));
		sr_catalogs_free(&cats);
		sr_diags_free(&d);
		free(big);
	}
	/* a 3 MB attribute value: a schema error, the message kept short */
	{
		size_t n = 3u << 20;
		char *big = malloc(n + 8192), *p;
		catalog(buf, sizeof buf, "", GOOD_BANDS);
		p = strstr(buf, "product=\"demo\"") + strlen("product=\"");
		memcpy(big, buf, (size_t)(p - buf));
		memset(big + (p - buf), 'a', n);
		strcpy(big + (p - buf) + n, p + strlen("demo"));
		d = load_one(big, &cats);
		assert_true(d.errors > 0);
		assert_int_equal(cats.n, 0);
		for (size_t i = 0; i < d.n; i++)
			assert_true(strlen(d.v[i].msg) < 1024);
		sr_catalogs_free(&cats);
		sr_diags_free(&d);
		/* and a file over 4 MiB is refused before parsing */
		free(big);
		big = malloc(5u << 20);
		memcpy(big, buf, (size_t)(p - buf));
		memset(big + (p - buf), 'a', (5u << 20) - (size_t)(p - buf) - 64);
		strcpy(big + (5u << 20) - 64, "\"/>");
		d = load_one(big, &cats);
		assert_true(has_diag(&d, 1, 0, "larger than the limit of 4194304 bytes"));
		sr_catalogs_free(&cats);
		sr_diags_free(&d);
		free(big);
	}
	/* not well-formed: file and line */
	d = load_one("<?xml version=\"1.0\"?>\n<catalog>\n<a>\n</catalog>\n", &cats);
	assert_true(has_diag(&d, 1, 4, "not well-formed"));
	sr_catalogs_free(&cats);
	sr_diags_free(&d);
}

static void test_claim_window_calendar(void **st)
{
	struct sr_calendar cal;
	struct sr_err e;
	char path[1024], a[16], b[16];
	int64_t o, c;
	int prov = 0;

	(void)st;
	snprintf(path, sizeof path, "%s/catalogs/calendar.xml", root_dir());
	assert_int_equal(sr_calendar_load(path, "calendar.xml", &cal, &e), 0);
	assert_int_equal(sr_claim_window(&cal, sr_days_from_civil(2026, 11, 30), 5, 0, 60, 0, &o, &c,
					 &prov, &e), 0);
	sr_format_date(o, a, sizeof a);
	sr_format_date(c, b, sizeof b);
	assert_string_equal(a, "2026-12-08");
	assert_string_equal(b, "2027-01-29");
	assert_int_equal(sr_claim_window(&cal, sr_days_from_civil(2026, 11, 30), 5, 0, 0, 2, &o, &c,
					 &prov, &e), 0);
	sr_format_date(c, b, sizeof b);
	assert_string_equal(b, "2027-01-31");
	/* September 2026: October opens with the National Day holiday (10-01..10-07)
	 * and Saturday 10-10 is worked: business days 8, 9, 10, 12, 13 -> opens 10-14 */
	assert_int_equal(sr_claim_window(&cal, sr_days_from_civil(2026, 9, 30), 5, 0, 60, 0, &o, &c,
					 &prov, &e), 0);
	sr_format_date(o, a, sizeof a);
	sr_format_date(c, b, sizeof b);
	assert_string_equal(a, "2026-10-14");
	assert_string_equal(b, "2026-11-29");
	assert_int_equal(prov, 0);
	/* an anniversary month ending 2026-04-16: May's 5th business day (after the
	 * Labour Day holiday 05-01..05-05; Saturday 05-09 is worked) and 60 days
	 * after 04-16 */
	assert_int_equal(sr_claim_window(&cal, sr_days_from_civil(2026, 4, 16), 5, 0, 60, 0, &o, &c,
					 &prov, &e), 0);
	sr_format_date(o, a, sizeof a);
	sr_format_date(c, b, sizeof b);
	assert_string_equal(a, "2026-05-12");
	assert_string_equal(b, "2026-06-15");
	/* no start restriction: from the day after the period */
	assert_int_equal(sr_claim_window(&cal, sr_days_from_civil(2026, 11, 30), 0, 0, 30, 0, &o, &c,
					 &prov, &e), 0);
	sr_format_date(o, a, sizeof a);
	sr_format_date(c, b, sizeof b);
	assert_string_equal(a, "2026-12-01");
	assert_string_equal(b, "2026-12-30");
	/* "结束后的第五个工作日后": 5 business days after 2026-04-16 (Fri 17, Mon 20 ..
	 * Thu 23) -> opens 04-24 */
	assert_int_equal(sr_claim_window(&cal, sr_days_from_civil(2026, 4, 16), 5, 1, 60, 0, &o,
					 &c, &prov, &e), 0);
	sr_format_date(o, a, sizeof a);
	assert_string_equal(a, "2026-04-24");
	/* a year the calendar does not list */
	assert_int_equal(sr_claim_window(&cal, sr_days_from_civil(2030, 1, 31), 5, 0, 60, 0, &o, &c,
					 &prov, &e), -1);
	assert_string_equal(e.code, "calendar-missing");
	sr_calendar_free(&cal);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_catalogs_valid),
		cmocka_unit_test(test_good_and_band_gap_warning),
		cmocka_unit_test(test_first_band_against_objective),
		cmocka_unit_test(test_text_too_long),
		cmocka_unit_test(test_schema_error_names_line),
		cmocka_unit_test(test_overlapping_bands_rejected),
		cmocka_unit_test(test_band_above_objective_and_percent),
		cmocka_unit_test(test_hostile_xml),
		cmocka_unit_test(test_claim_window_calendar),
	};

	return cmocka_run_group_tests_name("catalog", tests, NULL, NULL);
}
