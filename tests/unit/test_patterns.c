/* Each rule pattern of the schema through the engine, on small synthetic
 * catalogs with hand-computed edges.  (The real agreements that use each
 * pattern are tested in test_agreements*.c from their own worked examples.) */
#include "harness.h"
#include "ledger.h"

#define ACC "c1,Acme,ops@acme.test,en,CNY\n"

/* A catalog "demo" with the given period, scope and metric elements. */
static char *demo(const char *period, const char *scope, const char *metrics)
{
	static char xml[8192];

	snprintf(xml, sizeof xml,
		 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		 "<catalog xmlns=\"urn:slareport:catalog:1\" product=\"demo\" provider=\"P\"\n"
		 "         version=\"2024-01-01\" timezone=\"+08:00\">\n"
		 "  <title lang=\"zh-CN\">演示</title><title lang=\"en\">Demo</title>\n"
		 "  <source seed=\"s.txt\" line=\"1\" updated=\"2024-01-01\">Demo</source>\n"
		 "  <period kind=\"%s\" lines=\"1\"/>\n"
		 "  <scope kind=\"%s\" unit=\"x\" lines=\"1\"/>\n"
		 "  <fee basis=\"paid-excluding-vouchers\" lines=\"1\"/>\n"
		 "  <causes><cause code=\"provider\" counts=\"true\">p</cause>\n"
		 "    <cause code=\"maintenance\" counts=\"false\">m</cause></causes>\n"
		 "%s"
		 "  <combine rule=\"separate\"/>\n"
		 "  <cap kind=\"month-fee\" lines=\"1\"/>\n"
		 "  <claim opens-after-business-day=\"5\" closes-after-days=\"60\" lines=\"1\"/>\n"
		 "</catalog>\n", period, scope, metrics);
	return xml;
}

#define TITLES "<title lang=\"zh-CN\">a</title><title lang=\"en\">a</title>"
#define VOUCHER "<compensation kind=\"voucher\" lines=\"1\"/>"
#define BANDS3 "<bands lines=\"1\"><band lower=\"99\" upper=\"99.9\" percent=\"10\"/>" \
	       "<band lower=\"95\" upper=\"99\" percent=\"25\"/><band upper=\"95\" percent=\"100\"/></bands>"

static void run(struct month *m, const char *catalog, int y, int mo, const char *res,
		const char *out, const char *use)
{
	char *d = catalog_dir("demo.xml", catalog);

	month_load_with(m, d, y, mo, ACCOUNTS_HDR ACC, res, out, use);
	month_compute(m, 0);
	remove_dir(d);
}

/* usage-windows: 1-minute windows, error rate > 0.01 % unavailable, windows
 * without traffic available; failed requests of unavailable windows × 10. */
static void test_usage_windows(void **st)
{
	struct month m;
	const struct sr_metric_result *r;
	const char *metric =
		"<metric id=\"a\" kind=\"usage-windows\" lines=\"1\">" TITLES
		"<objective pct=\"99.99\" lines=\"1\"/>"
		"<window seconds=\"60\" unavailable-when=\"error-rate-above\" threshold-pct=\"0.01\" lines=\"1\"/>"
		"<bands lines=\"1\"><band upper=\"99.99\" multiplier=\"10\"/></bands>"
		"<compensation kind=\"request-units\" unit=\"request\" lines=\"1\"/></metric>\n";

	(void)st;
	run(&m, demo("natural-month", "resource", metric), 2026, 11,
	    RESOURCES_HDR "c1,demo,r1,,,,,100.00,\n", OUTAGES_HDR,
	    USAGE_HDR
	    "c1,demo,r1,,2026-11-02T10:00:00,10000,1\n"      /* exactly 0.01 %: available */
	    "c1,demo,r1,,2026-11-02T10:01:00,10000,2\n"      /* above: unavailable */
	    "c1,demo,r1,,2026-11-02T10:02:00,50,50\n"
	    "c1,demo,r1,,2026-11-02T10:03:00,20000,3\n"
	    "c1,demo,r1,,2026-11-02T10:04:00,20000,3\n"
	    "c1,demo,r1,,2026-11-02T10:05:00,9999,1\n"       /* 1/9999 > 0.01 % */
	    "c1,demo,r1,,2026-11-02T10:06:00,0,0\n");        /* no traffic: available */
	r = metric_of(&m.c, 0, "a");
	assert_int_equal(r->windows, 43200);
	assert_int_equal(r->unavailable, 5);
	month_free(&m);
	/* an exclusion that covers a whole window excuses it; a partly covered one
	 * keeps its counts */
	run(&m, demo("natural-month", "resource", metric), 2026, 11,
	    RESOURCES_HDR "c1,demo,r1,,,,,100.00,\n",
	    OUTAGES_HDR "x1,c1,demo,r1,,2026-11-02T10:01:00,2026-11-02T10:02:00,maintenance,,\n"
	    "x2,c1,demo,r1,,2026-11-02T10:03:00,2026-11-02T10:03:30,maintenance,,\n",
	    USAGE_HDR
	    "c1,demo,r1,,2026-11-02T10:01:00,10000,2\n"
	    "c1,demo,r1,,2026-11-02T10:02:00,50,50\n"
	    "c1,demo,r1,,2026-11-02T10:03:00,20000,3\n");
	r = metric_of(&m.c, 0, "a");
	assert_int_equal(r->unavailable, 2);
	assert_int_equal(r->failed_in_events, 53);
	month_free(&m);
	run(&m, demo("natural-month", "resource", metric), 2026, 11,
	    RESOURCES_HDR "c1,demo,r1,,,,,100.00,\n", OUTAGES_HDR,
	    USAGE_HDR
	    "c1,demo,r1,,2026-11-02T10:00:00,10000,1\n"      /* exactly 0.01 %: available */
	    "c1,demo,r1,,2026-11-02T10:01:00,10000,2\n"      /* above: unavailable */
	    "c1,demo,r1,,2026-11-02T10:02:00,50,50\n"
	    "c1,demo,r1,,2026-11-02T10:03:00,20000,3\n"
	    "c1,demo,r1,,2026-11-02T10:04:00,20000,3\n"
	    "c1,demo,r1,,2026-11-02T10:05:00,9999,1\n"
	    "c1,demo,r1,,2026-11-02T10:06:00,0,0\n");
	r = metric_of(&m.c, 0, "a");
	assert_int_equal(r->failed_in_events, 2 + 50 + 3 + 3 + 1);
	assert_pct(r->availability, "99.9884");
	assert_int_equal(r->units, 590);
	month_free(&m);
}

/* min-consecutive 2 (CDN style), windows without traffic excluded, min-requests. */
static void test_windows_consecutive_excluded(void **st)
{
	struct month m;
	const struct sr_metric_result *r;
	const char *metric =
		"<metric id=\"a\" kind=\"usage-windows\" lines=\"1\">" TITLES
		"<objective pct=\"99.9\" lines=\"1\"/>"
		"<window seconds=\"300\" unavailable-when=\"success-rate-below\" threshold-pct=\"99\""
		" min-requests=\"10\" empty=\"excluded\" min-consecutive=\"2\" lines=\"1\"/>"
		BANDS3 VOUCHER "</metric>\n";

	(void)st;
	run(&m, demo("natural-month", "resource", metric), 2026, 11,
	    RESOURCES_HDR "c1,demo,r1,,,,,100.00,\n", OUTAGES_HDR,
	    USAGE_HDR
	    "c1,demo,r1,,2026-11-02T10:00:00,100,2\n"        /* 98 %: down, run of 1 */
	    "c1,demo,r1,,2026-11-02T10:10:00,100,2\n"        /* run of 2 (10:10, 10:15) */
	    "c1,demo,r1,,2026-11-02T10:15:00,100,5\n"
	    "c1,demo,r1,,2026-11-02T10:20:00,100,1\n"        /* 99 %: not below */
	    "c1,demo,r1,,2026-11-02T10:25:00,9,9\n"          /* < 10 requests: empty */
	    "c1,demo,r1,,2026-11-02T10:30:00,100,0\n");
	r = metric_of(&m.c, 0, "a");
	assert_int_equal(r->windows, 8640);
	assert_int_equal(r->empty_windows, 8640 - 5);
	assert_int_equal(r->unavailable, 2);
	assert_int_equal(r->availability.num, 3);      /* (5 - 2) / 5 measured windows */
	assert_int_equal(r->availability.den, 5);
	assert_string_equal(sr_band_text(r), "[0,95)");
	month_free(&m);
}

/* window-mean: 1 − Σ rate / N with N every 5-minute window of the month. */
static void test_window_mean(void **st)
{
	struct month m;
	const struct sr_metric_result *r;
	const char *metric =
		"<metric id=\"a\" kind=\"window-mean\" lines=\"1\">" TITLES
		"<objective pct=\"99.9\" lines=\"1\"/>"
		"<window seconds=\"300\" lines=\"1\"/>" BANDS3 VOUCHER "</metric>\n";

	(void)st;
	/* 8640 windows in November; rates 1/2 + 1/4 + 1/3: Σ = 13/12;
	 * 1 − 13/12/8640 = 99.98746 % -> met at 99.9 */
	run(&m, demo("natural-month", "resource", metric), 2026, 11,
	    RESOURCES_HDR "c1,demo,r1,,,,,100.00,\n", OUTAGES_HDR,
	    USAGE_HDR
	    "c1,demo,r1,,2026-11-02T10:00:00,2,1\n"
	    "c1,demo,r1,,2026-11-02T10:05:00,4,1\n"
	    "c1,demo,r1,,2026-11-02T10:10:00,3,1\n");
	r = metric_of(&m.c, 0, "a");
	assert_int_equal(r->windows, 8640);
	assert_pct(r->availability, "99.9874");
	assert_string_equal(sr_band_text(r), "met");
	month_free(&m);
}

/* outage-length: > 5 min … ≤ 2 h 10 %; > 2 h ≤ 10 h 25 %; > 10 h 100 %. */
static void length_case(const char *end, const char *band, sr_money voucher)
{
	struct month m;
	char out[256];
	const struct sr_metric_result *r;
	const char *metric =
		"<metric id=\"a\" kind=\"outage-length\" lines=\"1\">" TITLES
		"<objective max=\"5\" lines=\"1\"/>"
		"<minutes ignore-seconds=\"0\" round=\"up\" lines=\"1\"/>"
		"<bands measure=\"total-minutes\" lines=\"1\">"
		"<band lower=\"5\" lower-inclusive=\"false\" upper=\"120\" upper-inclusive=\"true\" percent=\"10\"/>"
		"<band lower=\"120\" lower-inclusive=\"false\" upper=\"600\" upper-inclusive=\"true\" percent=\"25\"/>"
		"<band lower=\"600\" lower-inclusive=\"false\" percent=\"100\"/></bands>" VOUCHER
		"</metric>\n";

	snprintf(out, sizeof out, OUTAGES_HDR "e1,c1,demo,r1,,2026-11-02T00:00:00,%s,provider,,\n",
		 end);
	run(&m, demo("natural-month", "resource", metric), 2026, 11,
	    RESOURCES_HDR "c1,demo,r1,,,,,200.00,\n", out, NULL);
	r = metric_of(&m.c, 0, "a");
	assert_string_equal(sr_band_text(r), band);
	assert_int_equal(r->voucher, voucher);
	month_free(&m);
}

static void test_outage_length(void **st)
{
	(void)st;
	length_case("2026-11-02T00:05:00", "met", 0);
	length_case("2026-11-02T00:05:01", "(5,120]", 2000);
	length_case("2026-11-02T02:00:00", "(5,120]", 2000);
	length_case("2026-11-02T02:00:01", "(120,600]", 5000);
	length_case("2026-11-02T10:00:01", "(600,inf)", 20000);
}

/* count: 3 < n <= 5 -> 5 %, n > 5 -> 10 %; an incident wholly excluded does not count. */
static void test_count(void **st)
{
	struct month m;
	const struct sr_metric_result *r;
	const char *metric =
		"<metric id=\"a\" kind=\"count\" lines=\"1\">" TITLES
		"<objective max=\"3\" lines=\"1\"/>"
		"<bands measure=\"count\" lines=\"1\">"
		"<band lower=\"3\" lower-inclusive=\"false\" upper=\"5\" upper-inclusive=\"true\" percent=\"5\"/>"
		"<band lower=\"5\" lower-inclusive=\"false\" percent=\"10\"/></bands>" VOUCHER
		"</metric>\n";

	(void)st;
	run(&m, demo("natural-month", "resource", metric), 2026, 11,
	    RESOURCES_HDR "c1,demo,r1,,,,,200.00,\n",
	    OUTAGES_HDR
	    "e1,c1,demo,r1,,2026-11-02T00:00:00,2026-11-02T00:00:00,provider,,\n"
	    "e2,c1,demo,r1,,2026-11-03T00:00:00,2026-11-03T00:00:00,provider,,\n"
	    "e3,c1,demo,r1,,2026-11-04T00:00:00,2026-11-04T00:00:30,provider,,\n"
	    "e4,c1,demo,r1,,2026-11-05T00:00:00,2026-11-05T00:01:00,provider,,\n"
	    "e5,c1,demo,r1,,2026-11-06T00:00:00,2026-11-06T00:01:00,provider,,\n"
	    "x5,c1,demo,r1,,2026-11-06T00:00:00,2026-11-06T00:02:00,maintenance,,\n",
	    NULL);
	r = metric_of(&m.c, 0, "a");
	assert_int_equal(r->count, 4);
	assert_string_equal(sr_band_text(r), "(3,5]");
	assert_int_equal(r->voucher, 1000);
	month_free(&m);
}

/* Clock-minute roundings and merging of events less than N seconds apart. */
static void test_clock_minutes_and_merge(void **st)
{
	struct sr_minute_rule covered = {0, 1, SR_ROUND_CLOCK_COVERED, 0, 0};
	struct sr_minute_rule touched = {0, 1, SR_ROUND_CLOCK_TOUCHED, 0, 0};
	sr_time t0 = 1793491200;  /* a whole minute */
	struct month m;
	const char *metric =
		"<metric id=\"a\" kind=\"event-minutes\" lines=\"1\">" TITLES
		"<objective pct=\"99.9\" lines=\"1\"/>"
		"<minutes ignore-seconds=\"0\" round=\"up\" merge-gap-seconds=\"1800\" lines=\"1\"/>"
		BANDS3 VOUCHER "</metric>\n";

	(void)st;
	assert_int_equal(sr_count_span(&covered, t0 + 30, t0 + 150), 1);   /* 00:30–02:30 */
	assert_int_equal(sr_count_span(&covered, t0, t0 + 120), 2);
	assert_int_equal(sr_count_span(&covered, t0 + 1, t0 + 60), 0);
	assert_int_equal(sr_count_span(&touched, t0 + 30, t0 + 150), 3);
	assert_int_equal(sr_count_span(&touched, t0, t0 + 60), 1);
	assert_int_equal(sr_count_span(&touched, t0 + 59, t0 + 61), 2);
	/* 10:00-10:05 and 10:34:59-10:40 are 29 min 59 s apart: one incident of
	 * 5 + 6 minutes (the gap is not unavailable); 11:10 starts exactly 30 min
	 * after 10:40: a new incident of 1 minute */
	run(&m, demo("natural-month", "resource", metric), 2026, 11,
	    RESOURCES_HDR "c1,demo,r1,,,,,200.00,\n",
	    OUTAGES_HDR
	    "e1,c1,demo,r1,,2026-11-02T10:00:00,2026-11-02T10:05:00,provider,,\n"
	    "e2,c1,demo,r1,,2026-11-02T10:34:59,2026-11-02T10:40:00,provider,,\n"
	    "e3,c1,demo,r1,,2026-11-02T11:10:00,2026-11-02T11:11:00,provider,,\n",
	    NULL);
	assert_int_equal(metric_of(&m.c, 0, "a")->nincidents, 2);
	assert_int_equal(metric_of(&m.c, 0, "a")->incidents[0].counted, 11);
	assert_int_equal(metric_of(&m.c, 0, "a")->unavailable, 12);
	month_free(&m);
}

/* fleet: Σ available / Σ service over the customer's resources; account scope. */
static void test_fleet(void **st)
{
	struct month m;
	const struct sr_metric_result *r;
	const char *metric =
		"<metric id=\"a\" kind=\"fleet\" lines=\"1\">" TITLES
		"<objective pct=\"99.9\" lines=\"1\"/>"
		"<minutes ignore-seconds=\"60\" round=\"up\" lines=\"1\"/>" BANDS3 VOUCHER
		"</metric>\n";

	(void)st;
	/* two instances of 43200 min, one 16 days (23040): 109440 min; 120 + 30 down */
	run(&m, demo("natural-month", "account", metric), 2026, 11,
	    RESOURCES_HDR "c1,demo,r1,,,,,100.00,\nc1,demo,r2,,,,,100.00,\n"
	    "c1,demo,r3,,,2026-11-15T12:00:00,,50.00,\n",
	    OUTAGES_HDR
	    "e1,c1,demo,r1,,2026-11-02T10:00:00,2026-11-02T12:00:00,provider,,\n"
	    "e2,c1,demo,r3,,2026-11-15T11:30:00,2026-11-15T12:30:00,provider,,\n",
	    NULL);
	assert_int_equal(m.c.nr, 1);
	r = metric_of(&m.c, 0, "a");
	assert_string_equal(m.c.r[0].res->id, "*");
	assert_int_equal(r->service_minutes, 109440);
	assert_int_equal(r->unavailable, 150);
	assert_pct(r->availability, "99.8629");
	assert_int_equal(r->voucher, 2500);   /* 10 % of the group's fee 250.00 */
	month_free(&m);
}

/* sum: console and API downtime added up; the parts pay nothing themselves. */
static void test_sum(void **st)
{
	struct month m;
	const struct sr_metric_result *r;
	const char *metrics =
		"<metric id=\"console\" kind=\"event-minutes\" lines=\"1\">" TITLES
		"<minutes ignore-seconds=\"0\" lines=\"1\"/>"
		"<compensation kind=\"none\" lines=\"1\"/></metric>\n"
		"<metric id=\"api\" kind=\"event-minutes\" lines=\"1\">" TITLES
		"<minutes ignore-seconds=\"0\" lines=\"1\"/>"
		"<compensation kind=\"none\" lines=\"1\"/></metric>\n"
		"<metric id=\"total\" primary=\"true\" kind=\"sum\" of=\"console api\" lines=\"1\">"
		TITLES "<objective pct=\"99.9\" lines=\"1\"/>" BANDS3 VOUCHER "</metric>\n";

	(void)st;
	run(&m, demo("natural-month", "resource", metrics), 2026, 11,
	    RESOURCES_HDR "c1,demo,r1,,,,,100.00,\n",
	    OUTAGES_HDR
	    "e1,c1,demo,r1,console,2026-11-02T10:00:00,2026-11-02T10:30:00,provider,,\n"
	    "e2,c1,demo,r1,api,2026-11-02T10:00:00,2026-11-02T10:20:00,provider,,\n",
	    NULL);
	r = metric_of(&m.c, 0, "total");
	assert_int_equal(metric_of(&m.c, 0, "console")->status, SR_NO_COMMITMENT);
	assert_int_equal(r->unavailable, 50);     /* 43150/43200 = 99.884 % */
	assert_string_equal(sr_band_text(r), "[99,99.9)");
	assert_int_equal(m.c.r[0].voucher, 1000);
	month_free(&m);
}

/* Account scope: two SMS-like apps are one unit, usage added up. */
static void test_account_scope_ratio(void **st)
{
	struct month m;
	const struct sr_metric_result *r;
	const char *metric =
		"<metric id=\"a\" kind=\"request-ratio\" lines=\"1\">" TITLES
		"<objective pct=\"95\" lines=\"1\"/>"
		"<bands lines=\"1\"><band lower=\"90\" upper=\"95\" percent=\"10\"/>"
		"<band upper=\"90\" percent=\"30\"/></bands>" VOUCHER "</metric>\n";

	(void)st;
	/* app 1: 10 % failed alone, app 2: 0 %: together 5000/150000 = 96.67 % met */
	run(&m, demo("natural-month", "account", metric), 2026, 11,
	    RESOURCES_HDR "c1,demo,app1,,,,,100.00,\nc1,demo,app2,,,,,100.00,\n", OUTAGES_HDR,
	    USAGE_HDR "c1,demo,app1,,,50000,5000\nc1,demo,app2,,,100000,0\n");
	assert_int_equal(m.c.nr, 1);
	r = metric_of(&m.c, 0, "a");
	assert_int_equal(r->total_requests, 150000);
	assert_string_equal(sr_band_text(r), "met");
	month_free(&m);
}

/* A group's member exclusion excuses only that member: A down 10:00-11:00,
 * B excluded over the same hour -> the account is down 60 minutes. */
static void test_group_exclusion_per_member(void **st)
{
	struct month m;
	const struct sr_metric_result *r;
	const char *metric =
		"<metric id=\"a\" kind=\"event-minutes\" lines=\"1\">" TITLES
		"<objective pct=\"99.9\" lines=\"1\"/>"
		"<minutes ignore-seconds=\"0\" lines=\"1\"/>" BANDS3 VOUCHER "</metric>\n";

	(void)st;
	run(&m, demo("natural-month", "account", metric), 2026, 11,
	    RESOURCES_HDR "c1,demo,ra,,,,,1000.00,\nc1,demo,rb,,,,,1000.00,\n",
	    OUTAGES_HDR
	    "e1,c1,demo,ra,,2026-11-02T10:00:00,2026-11-02T11:00:00,provider,,\n"
	    "x1,c1,demo,rb,,2026-11-02T10:00:00,2026-11-02T11:00:00,maintenance,,\n"
	    /* an exclusion on A itself still excuses A */
	    "e2,c1,demo,ra,,2026-11-03T10:00:00,2026-11-03T10:30:00,provider,,\n"
	    "x2,c1,demo,ra,,2026-11-03T10:00:00,2026-11-03T10:20:00,maintenance,,\n",
	    NULL);
	r = metric_of(&m.c, 0, "a");
	assert_int_equal(r->unavailable, 60 + 10);
	assert_pct(r->availability, "99.8379");
	assert_int_equal(r->voucher, 20000);   /* 10 % of the group's 2000.00 */
	month_free(&m);
}

/* Windows of a group: one member's exclusion drops only its own counts (B's
 * failures in the window A's maintenance covers still count). */
static void test_group_window_exclusion(void **st)
{
	struct month m;
	const struct sr_metric_result *r;
	const char *metric =
		"<metric id=\"a\" kind=\"usage-windows\" lines=\"1\">" TITLES
		"<objective pct=\"99.9\" lines=\"1\"/>"
		"<window seconds=\"60\" unavailable-when=\"all-failed\" lines=\"1\"/>"
		BANDS3 VOUCHER "</metric>\n";

	(void)st;
	run(&m, demo("natural-month", "account", metric), 2026, 11,
	    RESOURCES_HDR "c1,demo,ga,,,,,100.00,\nc1,demo,gb,,,,,100.00,\n",
	    OUTAGES_HDR "x1,c1,demo,ga,,2026-11-02T10:00:00,2026-11-02T10:02:00,maintenance,,\n",
	    USAGE_HDR
	    /* 10:00: A excused, B all failed -> down; 10:01: A excused, B fine -> up */
	    "c1,demo,ga,,2026-11-02T10:00:00,10,10\n"
	    "c1,demo,gb,,2026-11-02T10:00:00,5,5\n"
	    "c1,demo,ga,,2026-11-02T10:01:00,10,10\n"
	    "c1,demo,gb,,2026-11-02T10:01:00,5,0\n"
	    /* 10:05: both fail, nobody excused -> down */
	    "c1,demo,ga,,2026-11-02T10:05:00,10,10\n"
	    "c1,demo,gb,,2026-11-02T10:05:00,5,5\n");
	r = metric_of(&m.c, 0, "a");
	assert_int_equal(r->unavailable, 2);
	assert_int_equal(r->excluded_seconds, 120);
	month_free(&m);
}

/* Year periods: a service year ending in the period; natural year in December. */
static void test_year_periods(void **st)
{
	struct month m;
	const struct sr_metric_result *r;
	const char *metric =
		"<metric id=\"a\" kind=\"event-minutes\" lines=\"1\">" TITLES
		"<objective pct=\"99.9\" lines=\"1\"/>"
		"<minutes ignore-seconds=\"0\" lines=\"1\"/>" BANDS3 VOUCHER "</metric>\n";

	(void)st;
	/* activated 2025-11-17: the service year 2025-11-17 .. 2026-11-17 ends in
	 * November 2026 (365 days = 525600 min); 600 min down in January */
	run(&m, demo("service-year", "resource", metric), 2026, 11,
	    RESOURCES_HDR "c1,demo,r1,,,2025-11-17T00:00:00,,100.00,\n",
	    OUTAGES_HDR "e1,c1,demo,r1,,2026-01-10T00:00:00,2026-01-10T10:00:00,provider,,\n",
	    NULL);
	r = metric_of(&m.c, 0, "a");
	assert_int_equal(r->service_minutes, 525600);
	assert_int_equal(r->unavailable, 600);
	assert_pct(r->availability, "99.8858");
	month_free(&m);
	/* the same in October: not the month the service year ends */
	run(&m, demo("service-year", "resource", metric), 2026, 10,
	    RESOURCES_HDR "c1,demo,r1,,,2025-11-17T00:00:00,,100.00,\n", OUTAGES_HDR, NULL);
	assert_int_equal(metric_of(&m.c, 0, "a")->status, SR_NOT_APPLICABLE);
	month_free(&m);
	run(&m, demo("natural-year", "resource", metric), 2026, 12,
	    RESOURCES_HDR "c1,demo,r1,,,,,100.00,\n", OUTAGES_HDR, NULL);
	assert_int_equal(metric_of(&m.c, 0, "a")->service_minutes, 525600);
	month_free(&m);
}

/* extra-time: availability bands that add months of service. */
static void test_extra_time(void **st)
{
	struct month m;
	const struct sr_metric_result *r;
	const char *metric =
		"<metric id=\"a\" kind=\"event-minutes\" lines=\"1\">" TITLES
		"<objective pct=\"99.5\" lines=\"1\"/>"
		"<minutes ignore-seconds=\"0\" lines=\"1\"/>"
		"<bands lines=\"1\"><band lower=\"95\" upper=\"99.5\" months=\"1\"/>"
		"<band lower=\"90\" upper=\"95\" months=\"2\"/><band upper=\"90\" months=\"3\"/></bands>"
		"<compensation kind=\"extra-time\" unit=\"month\" lines=\"1\"/></metric>\n";
	char b[32];

	(void)st;
	run(&m, demo("natural-month", "resource", metric), 2026, 11,
	    RESOURCES_HDR "c1,demo,r1,,,,,100.00,\n",
	    OUTAGES_HDR "e1,c1,demo,r1,,2026-11-02T00:00:00,2026-11-04T00:00:00,provider,,\n",
	    NULL);
	r = metric_of(&m.c, 0, "a");
	assert_pct(r->availability, "93.3333");
	assert_int_equal(r->units, 2);
	sr_fmt_units(&m.c, b, sizeof b);
	assert_string_equal(b, "2");
	month_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_usage_windows),
		cmocka_unit_test(test_windows_consecutive_excluded),
		cmocka_unit_test(test_window_mean),
		cmocka_unit_test(test_outage_length),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_clock_minutes_and_merge),
		cmocka_unit_test(test_fleet),
		cmocka_unit_test(test_sum),
		cmocka_unit_test(test_account_scope_ratio),
		cmocka_unit_test(test_group_exclusion_per_member),
		cmocka_unit_test(test_group_window_exclusion),
		cmocka_unit_test(test_year_periods),
		cmocka_unit_test(test_extra_time),
	};

	return cmocka_run_group_tests_name("patterns", tests, NULL, NULL);
}
