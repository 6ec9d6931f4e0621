/* Minute-rule agreements of seed 001 through the engine, each with its own
 * worked example and the edges of its rule: 云桌面 (cvd), 应用云渲染 (car),
 * 游戏反作弊 ACE (ace), 代码签名证书 (codesign), 运维安全中心（堡垒机） (bh),
 * 机密计算平台 (ccp), 云硬盘 (cbs), 容器服务 (tke).  Seed line numbers are those of
 * 001_9e8ef7e27374634f.txt.  Every expected figure is computed by hand from the
 * agreement's text: November 2026 has 30 days = 43200 minutes. */
#include "harness.h"
#include "ledger.h"

#define ACC "c1,Acme,ops@acme.test,zh-CN,CNY\n"

static const char *const MINE[] = {
	"cvd.xml", "car.xml", "ace.xml", "codesign.xml", "bh.xml", "ccp.xml", "cbs.xml",
	"tke.xml",
};

/* A catalog directory with the shipped schema, calendar and the catalogs under
 * test (copied from catalogs/, so a half-written catalog of another author
 * cannot break these tests). */
static char *my_catalogs(void)
{
	char *d = temp_dir(), cmd[2048];
	size_t n;

	n = (size_t)snprintf(cmd, sizeof cmd, "cd '%s/catalogs' && cp catalog.xsd calendar.xml",
			     root_dir());
	for (size_t i = 0; i < sizeof MINE / sizeof MINE[0]; i++)
		n += (size_t)snprintf(cmd + n, sizeof cmd - n, " %s", MINE[i]);
	snprintf(cmd + n, sizeof cmd - n, " '%s/'", d);
	assert_int_equal(system(cmd), 0);
	return d;
}

/* Loads November 2026 for customer c1 and computes it. */
static void load(struct month *m, const char *resources, const char *outages)
{
	char *d = my_catalogs();

	month_load_with(m, d, 2026, 11, ACCOUNTS_HDR ACC, resources, outages, NULL);
	remove_dir(d);
	month_compute(m, 0);
}

/* Compares a metric result with the expected minutes, availability (NULL: not
 * checked), band and compensation, as one string so that a failure shows the
 * whole case. */
static void expect(const struct sr_metric_result *r, long minutes, const char *pct,
		   const char *band, const char *comp)
{
	char got[160], want[160], p[40], b[40];

	sr_ratio_format_pct(r->availability, 4, p, sizeof p);
	sr_fmt_compensation(r, 2, b, sizeof b);
	snprintf(got, sizeof got, "%lld min, %s %%, %s, %s", (long long)r->unavailable,
		 pct ? p : "-", sr_band_text(r), b);
	snprintf(want, sizeof want, "%ld min, %s %%, %s, %s", minutes, pct ? pct : "-", band,
		 comp);
	assert_string_equal(got, want);
}

/* One provider event [start, end) on one resource of product with the fee. */
static void one_event(const char *product, const char *res, const char *fee,
		      const char *metric, const char *start, const char *end, long minutes,
		      const char *pct, const char *band, const char *comp)
{
	struct month m;
	char rs[256], os[256];

	snprintf(rs, sizeof rs, RESOURCES_HDR "c1,%s,%s,,,,,%s,\n", product, res, fee);
	snprintf(os, sizeof os, OUTAGES_HDR "e1,c1,%s,%s,%s,%s,%s,provider,,\n", product, res,
		 metric, start, end);
	load(&m, rs, os);
	expect(metric_of(&m.c, 0, metric), minutes, pct, band, comp);
	month_free(&m);
}

/* ---------------- 云桌面 (cvd), L15190 ---------------- */

static void cvd(const char *start, const char *end, long minutes, const char *pct,
		const char *band, const char *comp)
{
	one_event("cvd", "desk-1", "300.00", "instance", start, end, minutes, pct, band, comp);
}

/* L15237-15239: a 30-day month, 43200 × 99 % = 42768 minutes, so 432 minutes of
 * unavailability are allowed; L15221: 5 min 01 s counts 6 minutes; L15219: an
 * outage of no more than 5 minutes is not counted. */
static void test_cvd_worked_examples(void **st)
{
	(void)st;
	cvd("2026-11-03T00:00:00", "2026-11-03T07:12:00", 432, "99.0000", "met", "0.00");
	cvd("2026-11-03T00:00:00", "2026-11-03T07:13:00", 433, "98.9976", "[97,99)", "15.00");
	cvd("2026-11-03T10:00:00", "2026-11-03T10:05:01", 6, "99.9861", "met", "0.00");
	cvd("2026-11-03T10:00:00", "2026-11-03T10:05:00", 0, "100.0000", "met", "0.00");
	cvd("2026-11-03T10:00:00", "2026-11-03T10:04:59", 0, "100.0000", "met", "0.00");
	cvd("2026-11-03T10:00:00", "2026-11-03T10:06:00", 6, "99.9861", "met", "0.00");
	cvd("2026-11-03T10:00:00", "2026-11-03T10:06:01", 7, "99.9837", "met", "0.00");
}

/* L15337-15343: [97,99) 5 %, [95,97) 10 %, < 95 20 % of the 300.00 fee. */
static void test_cvd_bands(void **st)
{
	(void)st;
	cvd("2026-11-03T00:00:00", "2026-11-03T21:36:00", 1296, "97.0000", "[97,99)", "15.00");
	cvd("2026-11-03T00:00:00", "2026-11-03T21:37:00", 1297, "96.9976", "[95,97)", "30.00");
	cvd("2026-11-03T00:00:00", "2026-11-04T12:00:00", 2160, "95.0000", "[95,97)", "30.00");
	cvd("2026-11-03T00:00:00", "2026-11-04T12:01:00", 2161, "94.9976", "[0,95)", "60.00");
}

/* Each outage is judged on its own: two 4-minute outages count 0; a customer
 * shutdown (4.6, L15301) is not counted; the claim window of L15277-15287. */
static void test_cvd_pieces_and_claim(void **st)
{
	struct month m;
	char o[16], c[16];

	(void)st;
	load(&m, RESOURCES_HDR "c1,cvd,desk-1,,,,,300.00,\n",
	     OUTAGES_HDR
	     "e1,c1,cvd,desk-1,,2026-11-03T10:00:00,2026-11-03T10:04:00,provider,,\n"
	     "e2,c1,cvd,desk-1,,2026-11-03T11:00:00,2026-11-03T11:04:00,provider,,\n"
	     "e3,c1,cvd,desk-1,,2026-11-05T00:00:00,2026-11-05T10:00:00,customer,,\n"
	     /* 600 min of which a console restart covers the last 120: 480 left */
	     "e4,c1,cvd,desk-1,,2026-11-06T00:00:00,2026-11-06T10:00:00,provider,,\n"
	     "x4,c1,cvd,desk-1,,2026-11-06T08:00:00,2026-11-06T10:00:00,customer,,\n");
	expect(metric_of(&m.c, 0, "instance"), 480, "98.8888", "[97,99)", "15.00");
	assert_true(m.c.has_claim);
	sr_format_date(m.c.claim_opens, o, sizeof o);
	sr_format_date(m.c.claim_closes, c, sizeof c);
	assert_string_equal(o, "2026-12-08");
	assert_string_equal(c, "2027-01-29");
	month_free(&m);
}

/* ---------------- 应用云渲染 (car), L15350 ---------------- */

static void car(const char *start, const char *end, long minutes, const char *pct,
		const char *band, const char *comp)
{
	one_event("car", "pkg-1", "1000.00", "package", start, end, minutes, pct, band, comp);
}

/* L15381: 1 min 01 s counts 1 minute (rounded down); L15379: no more than 1
 * minute is not counted; L15397-15399: 432 minutes allowed in 30 days. */
static void test_car_worked_examples(void **st)
{
	(void)st;
	car("2026-11-03T10:00:00", "2026-11-03T10:01:01", 1, "99.9976", "met", "0.00");
	car("2026-11-03T10:00:00", "2026-11-03T10:01:00", 0, "100.0000", "met", "0.00");
	car("2026-11-03T10:00:00", "2026-11-03T10:01:59", 1, "99.9976", "met", "0.00");
	car("2026-11-03T10:00:00", "2026-11-03T10:02:00", 2, "99.9953", "met", "0.00");
	car("2026-11-03T10:00:00", "2026-11-03T10:02:59", 2, "99.9953", "met", "0.00");
	/* 432 min 59 s counts 432: exactly 99 % */
	car("2026-11-03T00:00:00", "2026-11-03T07:12:59", 432, "99.0000", "met", "0.00");
	car("2026-11-03T00:00:00", "2026-11-03T07:13:00", 433, "98.9976", "[97,99)", "50.00");
}

/* L15496-15502: [97,99) 5 %, [95,97) 10 %, < 95 20 % of the 1000.00 fee. */
static void test_car_bands(void **st)
{
	(void)st;
	car("2026-11-03T00:00:00", "2026-11-03T21:36:59", 1296, "97.0000", "[97,99)", "50.00");
	car("2026-11-03T00:00:00", "2026-11-03T21:37:00", 1297, "96.9976", "[95,97)", "100.00");
	car("2026-11-03T00:00:00", "2026-11-04T12:00:00", 2160, "95.0000", "[95,97)", "100.00");
	car("2026-11-03T00:00:00", "2026-11-04T12:01:00", 2161, "94.9976", "[0,95)", "200.00");
}

/* ---------------- 游戏反作弊 ACE (ace), L18562 ---------------- */

/* The account's ACE service is one unit: hardening (300.00) and PerfDog (200.00). */
#define ACE_RES RESOURCES_HDR "c1,ace,ace-hardening,,,,,300.00,\nc1,ace,ace-perfdog,,,,,200.00,\n"

static void ace(const char *start, const char *end, long minutes, const char *pct,
		const char *band, const char *comp)
{
	struct month m;
	char os[256];

	snprintf(os, sizeof os, OUTAGES_HDR "e1,c1,ace,ace-hardening,,%s,%s,provider,,\n",
		 start, end);
	load(&m, ACE_RES, os);
	assert_int_equal(m.c.nr, 1);
	expect(metric_of(&m.c, 0, "availability"), minutes, pct, band, comp);
	month_free(&m);
}

/* L18601-18603: hardening fails entirely for 6 minutes -> 1 minute; L18615-18617:
 * compatibility-test scheduling abnormal for 6 minutes -> 1 minute. */
static void test_ace_worked_examples(void **st)
{
	struct month m;
	const struct sr_metric_result *r;

	(void)st;
	load(&m, ACE_RES,
	     OUTAGES_HDR
	     "e1,c1,ace,ace-hardening,,2026-11-02T10:00:00,2026-11-02T10:06:00,provider,,\n"
	     "e2,c1,ace,ace-perfdog,,2026-11-05T10:00:00,2026-11-05T10:06:00,provider,,\n"
	     /* an upgrade of one feature is a normal operation (L18591-18593) */
	     "e3,c1,ace,ace-hardening,,2026-11-06T10:00:00,2026-11-06T12:00:00,normal-operation,,\n");
	assert_int_equal(m.c.nr, 1);
	assert_string_equal(m.c.r[0].res->id, "*");
	r = metric_of(&m.c, 0, "availability");
	assert_int_equal(r->nincidents, 2);
	assert_int_equal(r->incidents[0].counted, 1);
	assert_int_equal(r->incidents[1].counted, 1);
	expect(r, 2, "99.9953", "met", "0.00");
	month_free(&m);
}

/* The threshold (L18589, L18601): >= 5 min is unavailable but only the part
 * beyond 5 minutes counts; a started minute beyond it counts whole. */
static void test_ace_threshold(void **st)
{
	(void)st;
	ace("2026-11-02T10:00:00", "2026-11-02T10:04:59", 0, "100.0000", "met", "0.00");
	ace("2026-11-02T10:00:00", "2026-11-02T10:05:00", 0, "100.0000", "met", "0.00");
	ace("2026-11-02T10:00:00", "2026-11-02T10:05:01", 1, "99.9976", "met", "0.00");
	ace("2026-11-02T10:00:00", "2026-11-02T10:06:01", 2, "99.9953", "met", "0.00");
}

/* Objective 99.9 % (L18642) allows 43.2 minutes; bands L18710-18718 on the
 * group's fee 500.00: [95,99.9) 5 %, [90,95) 10 %, [85,90) 25 %, < 85 100 %. */
static void test_ace_bands(void **st)
{
	(void)st;
	/* 48 min -> 43 counted; 49 -> 44 */
	ace("2026-11-02T10:00:00", "2026-11-02T10:48:00", 43, "99.9004", "met", "0.00");
	ace("2026-11-02T10:00:00", "2026-11-02T10:49:00", 44, "99.8981", "[95,99.9)", "25.00");
	/* 2165 min -> 2160 = exactly 95 % */
	ace("2026-11-03T00:00:00", "2026-11-04T12:05:00", 2160, "95.0000", "[95,99.9)", "25.00");
	ace("2026-11-03T00:00:00", "2026-11-04T12:06:00", 2161, "94.9976", "[90,95)", "50.00");
	/* 6485 min -> 6480 = exactly 85 % */
	ace("2026-11-03T00:00:00", "2026-11-07T12:05:00", 6480, "85.0000", "[85,90)", "125.00");
	ace("2026-11-03T00:00:00", "2026-11-07T12:06:00", 6481, "84.9976", "[0,85)", "500.00");
}

/* ---------------- 代码签名证书 (codesign), L21151 ---------------- */

static void codesign(const char *outages, long minutes, long longest, const char *band,
		     const char *comp)
{
	struct month m;
	const struct sr_metric_result *r;

	load(&m, RESOURCES_HDR "c1,codesign,cert-1,,,,,800.00,\n", outages);
	r = metric_of(&m.c, 0, "outage");
	assert_int_equal(r->longest, longest);
	expect(r, minutes, NULL, band, comp);
	month_free(&m);
}

#define CS(s, e) "e" s ",c1,codesign,cert-1,," s "," e ",provider,,\n"

/* L21210-21212: a 2-minute outage, 15 minutes later a 3-minute one: one outage
 * of 5 minutes (2 + 3, the gap not counted).  5 minutes is not "超过5分钟"
 * (L21269): nothing is paid; one second more is the 10 % row. */
static void test_codesign_worked_example(void **st)
{
	struct month m;
	const struct sr_metric_result *r;

	(void)st;
	load(&m, RESOURCES_HDR "c1,codesign,cert-1,,,,,800.00,\n",
	     OUTAGES_HDR
	     "e1,c1,codesign,cert-1,,2026-11-02T10:00:00,2026-11-02T10:02:00,provider,,\n"
	     "e2,c1,codesign,cert-1,,2026-11-02T10:17:00,2026-11-02T10:20:00,provider,,\n");
	r = metric_of(&m.c, 0, "outage");
	assert_int_equal(r->nincidents, 1);
	assert_int_equal(r->incidents[0].nevents, 2);
	assert_int_equal(r->incidents[0].counted, 5);
	assert_int_equal(r->longest, 5);
	expect(r, 5, NULL, "met", "0.00");
	month_free(&m);
	codesign(OUTAGES_HDR CS("2026-11-02T10:00:00", "2026-11-02T10:02:00")
		 CS("2026-11-02T10:17:00", "2026-11-02T10:20:01"),
		 6, 6, "(5,120]", "80.00");
	/* 29 min 59 s apart: one outage of 4 + 4 = 8 minutes */
	codesign(OUTAGES_HDR CS("2026-11-02T10:00:00", "2026-11-02T10:04:00")
		 CS("2026-11-02T10:33:59", "2026-11-02T10:37:59"),
		 8, 8, "(5,120]", "80.00");
}

/* L21269-21282: a single outage > 5 min … <= 2 h 10 %; > 2 h … <= 10 h 25 %;
 * > 10 h 100 % of the 800.00 fee. */
static void test_codesign_bands(void **st)
{
	(void)st;
	codesign(OUTAGES_HDR CS("2026-11-02T10:00:00", "2026-11-02T10:05:00"), 5, 5, "met",
		 "0.00");
	codesign(OUTAGES_HDR CS("2026-11-02T10:00:00", "2026-11-02T10:05:01"), 6, 6,
		 "(5,120]", "80.00");
	codesign(OUTAGES_HDR CS("2026-11-02T10:00:00", "2026-11-02T12:00:00"), 120, 120,
		 "(5,120]", "80.00");
	codesign(OUTAGES_HDR CS("2026-11-02T10:00:00", "2026-11-02T12:00:01"), 121, 121,
		 "(120,600]", "200.00");
	codesign(OUTAGES_HDR CS("2026-11-02T10:00:00", "2026-11-02T20:00:00"), 600, 600,
		 "(120,600]", "200.00");
	codesign(OUTAGES_HDR CS("2026-11-02T10:00:00", "2026-11-02T20:00:01"), 601, 601,
		 "(600,inf)", "800.00");
}

/* "或每一次持续不可用时间超过5分钟累加高于2小时" (L21276): outages of 100 and 30
 * minutes, days apart, accumulate to 130 minutes: the 25 % row, although each
 * alone is in the 10 % row (the larger reading applies). */
static void test_codesign_cumulative(void **st)
{
	(void)st;
	codesign(OUTAGES_HDR CS("2026-11-03T00:00:00", "2026-11-03T01:40:00")
		 CS("2026-11-05T00:00:00", "2026-11-05T00:30:00"),
		 130, 100, "(120,600]", "200.00");
	/* a customer's forgotten certificate password (L21214) is not counted */
	codesign(OUTAGES_HDR CS("2026-11-03T00:00:00", "2026-11-03T01:40:00")
		 "x1,c1,codesign,cert-1,,2026-11-05T00:00:00,2026-11-05T03:00:00,customer,,\n",
		 100, 100, "(5,120]", "80.00");
}

/* The liability cap of 5.1 (L21255-21257): at most the fees already paid. */
static void test_codesign_liability_cap(void **st)
{
	struct month m;
	const struct sr_metric_result *r;

	(void)st;
	load(&m, "customer_id,product,resource_id,region,zone,service_start,service_end,"
	     "monthly_fee,unit_price,fees_paid\n"
	     "c1,codesign,cert-1,,,,,800.00,,500.00\n",
	     OUTAGES_HDR CS("2026-11-02T00:00:00", "2026-11-02T12:00:00"));
	r = metric_of(&m.c, 0, "outage");
	expect(r, 720, NULL, "(600,inf)", "500.00");
	assert_true(r->capped);
	month_free(&m);
}

/* The accumulated time counts only outages that each lasted more than 5 minutes
 * (L21269-21271: "每一次持续不可用时间超过5分钟累加").  Two 4-minute outages
 * exactly 30 minutes apart (not merged: "间隔少于30分钟", L21210) each meet the
 * commitment and accumulate nothing: nothing is owed.  See the report: the
 * engine's total counts every outage. */
static void test_codesign_short_outages_not_accumulated(void **st)
{
	struct month m;
	const struct sr_metric_result *r;

	(void)st;
	load(&m, RESOURCES_HDR "c1,codesign,cert-1,,,,,800.00,\n",
	     OUTAGES_HDR CS("2026-11-02T10:00:00", "2026-11-02T10:04:00")
	     CS("2026-11-02T10:34:00", "2026-11-02T10:38:00"));
	r = metric_of(&m.c, 0, "outage");
	assert_int_equal(r->nincidents, 2);
	assert_int_equal(r->longest, 4);
	assert_string_equal(sr_band_text(r), "met");
	assert_int_equal(r->voucher, 0);
	month_free(&m);
}

/* ---------------- 运维安全中心（堡垒机） (bh), L20607 ---------------- */

#define BH_RES RESOURCES_HDR "c1,bh,bh-1,,,,,600.00,\n"
#define BH(id, metric, s, e) id ",c1,bh,bh-1," metric "," s "," e ",provider,,\n"

/* L20654: the minutes of the three categories (L20630-20642) added up;
 * objective 99.9 % (L20658); 99.9 > Av >= 99 -> 10 % (L20684). */
static void test_bh_sum_of_categories(void **st)
{
	struct month m;

	(void)st;
	load(&m, BH_RES,
	     OUTAGES_HDR BH("e1", "management", "2026-11-02T10:00:00", "2026-11-02T10:20:00")
	     BH("e2", "proxy", "2026-11-03T10:00:00", "2026-11-03T10:15:00")
	     BH("e3", "audit", "2026-11-04T10:00:00", "2026-11-04T10:10:00"));
	assert_int_equal(metric_of(&m.c, 0, "management")->unavailable, 20);
	assert_int_equal(metric_of(&m.c, 0, "proxy")->unavailable, 15);
	assert_int_equal(metric_of(&m.c, 0, "audit")->unavailable, 10);
	assert_int_equal(metric_of(&m.c, 0, "management")->status, SR_NO_COMMITMENT);
	expect(metric_of(&m.c, 0, "availability"), 45, "99.8958", "[99,99.9)", "60.00");
	assert_true(metric_of(&m.c, 0, "availability")->applied);
	assert_int_equal(m.c.r[0].voucher, 6000);
	month_free(&m);
	/* 20 + 13 + 10 = 43 minutes: 99.9004 %, met */
	load(&m, BH_RES,
	     OUTAGES_HDR BH("e1", "management", "2026-11-02T10:00:00", "2026-11-02T10:20:00")
	     BH("e2", "proxy", "2026-11-03T10:00:00", "2026-11-03T10:13:00")
	     BH("e3", "audit", "2026-11-04T10:00:00", "2026-11-04T10:10:00"));
	expect(metric_of(&m.c, 0, "availability"), 43, "99.9004", "met", "0.00");
	month_free(&m);
	/* 20 + 14 + 10 = 44: below 99.9 % */
	load(&m, BH_RES,
	     OUTAGES_HDR BH("e1", "management", "2026-11-02T10:00:00", "2026-11-02T10:20:00")
	     BH("e2", "proxy", "2026-11-03T10:00:00", "2026-11-03T10:14:00")
	     BH("e3", "audit", "2026-11-04T10:00:00", "2026-11-04T10:10:00"));
	expect(metric_of(&m.c, 0, "availability"), 44, "99.8981", "[99,99.9)", "60.00");
	month_free(&m);
}

/* Categories unavailable at the same time are still added up ("各类不可用时间
 * 的分钟数之和"); a part-minute counts whole; maintenance (4.10, L20734) is cut out
 * of its category only. */
static void test_bh_overlap_rounding_exclusion(void **st)
{
	struct month m;

	(void)st;
	load(&m, BH_RES,
	     OUTAGES_HDR BH("e1", "management", "2026-11-02T10:00:00", "2026-11-02T10:30:00")
	     BH("e2", "proxy", "2026-11-02T10:00:00", "2026-11-02T10:30:00")
	     BH("e3", "audit", "2026-11-05T10:00:00", "2026-11-05T10:00:30")
	     /* maintenance on the management function 10:00-10:10 of 11-02 */
	     "x1,c1,bh,bh-1,management,2026-11-02T10:00:00,2026-11-02T10:10:00,maintenance,,\n");
	assert_int_equal(metric_of(&m.c, 0, "management")->unavailable, 20);
	assert_int_equal(metric_of(&m.c, 0, "proxy")->unavailable, 30);
	assert_int_equal(metric_of(&m.c, 0, "audit")->unavailable, 1);
	expect(metric_of(&m.c, 0, "availability"), 51, "99.8819", "[99,99.9)", "60.00");
	month_free(&m);
}

/* L20684-20686, L20758: [99,99.9) 10 %, [98,99) 20 %, < 98 50 % of 600.00; two
 * instances are one unit (fees 600.00 + 400.00), their overlapping management
 * outages counted once. */
static void test_bh_bands(void **st)
{
	struct month m;

	(void)st;
	load(&m, BH_RES, OUTAGES_HDR BH("e1", "audit", "2026-11-03T00:00:00", "2026-11-03T07:12:00"));
	expect(metric_of(&m.c, 0, "availability"), 432, "99.0000", "[99,99.9)", "60.00");
	month_free(&m);
	load(&m, BH_RES, OUTAGES_HDR BH("e1", "audit", "2026-11-03T00:00:00", "2026-11-03T07:13:00"));
	expect(metric_of(&m.c, 0, "availability"), 433, "98.9976", "[98,99)", "120.00");
	month_free(&m);
	load(&m, BH_RES, OUTAGES_HDR BH("e1", "audit", "2026-11-03T00:00:00", "2026-11-03T14:24:00"));
	expect(metric_of(&m.c, 0, "availability"), 864, "98.0000", "[98,99)", "120.00");
	month_free(&m);
	load(&m, BH_RES, OUTAGES_HDR BH("e1", "audit", "2026-11-03T00:00:00", "2026-11-03T14:25:00"));
	expect(metric_of(&m.c, 0, "availability"), 865, "97.9976", "[0,98)", "300.00");
	month_free(&m);
	load(&m, BH_RES "c1,bh,bh-2,,,,,400.00,\n",
	     OUTAGES_HDR BH("e1", "management", "2026-11-02T10:00:00", "2026-11-02T10:40:00")
	     "e2,c1,bh,bh-2,management,2026-11-02T10:20:00,2026-11-02T11:00:00,provider,,\n");
	assert_int_equal(m.c.nr, 1);
	expect(metric_of(&m.c, 0, "availability"), 60, "99.8611", "[99,99.9)", "100.00");
	month_free(&m);
}

/* ---------------- 机密计算平台 (ccp), L21289 ---------------- */

static void ccp(const char *start, const char *end, long minutes, const char *pct,
		const char *band, const char *comp)
{
	one_event("ccp", "ccp-1", "500.00", "availability", start, end, minutes, pct, band,
		  comp);
}

/* L21320-21322: 20 seconds and more is unavailable, under 20 seconds is not; a
 * started minute counts whole (note minutes-rounding). */
static void test_ccp_twenty_seconds(void **st)
{
	(void)st;
	ccp("2026-11-02T10:00:00", "2026-11-02T10:00:19", 0, "100.0000", "met", "0.00");
	ccp("2026-11-02T10:00:00", "2026-11-02T10:00:20", 1, "99.9976", "met", "0.00");
	ccp("2026-11-02T10:00:00", "2026-11-02T10:01:00", 1, "99.9976", "met", "0.00");
	ccp("2026-11-02T10:00:00", "2026-11-02T10:01:01", 2, "99.9953", "met", "0.00");
}

/* Objective 99.90 % (L21334) allows 43.2 minutes.  The first row "低于99.95%但
 * 等于或高于99%" (L21429) reaches above it: kept as written, 22 minutes
 * (99.9490 %) meet the commitment and earn nothing. */
static void test_ccp_objective_and_bands(void **st)
{
	(void)st;
	ccp("2026-11-02T10:00:00", "2026-11-02T10:22:00", 22, "99.9490", "met", "0.00");
	ccp("2026-11-02T10:00:00", "2026-11-02T10:43:00", 43, "99.9004", "met", "0.00");
	ccp("2026-11-02T10:00:00", "2026-11-02T10:44:00", 44, "99.8981", "[99,99.95)", "50.00");
	ccp("2026-11-03T00:00:00", "2026-11-03T07:12:00", 432, "99.0000", "[99,99.95)", "50.00");
	ccp("2026-11-03T00:00:00", "2026-11-03T07:13:00", 433, "98.9976", "[95,99)", "125.00");
	ccp("2026-11-03T00:00:00", "2026-11-04T12:00:00", 2160, "95.0000", "[95,99)", "125.00");
	ccp("2026-11-03T00:00:00", "2026-11-04T12:01:00", 2161, "94.9976", "[0,95)", "500.00");
}

/* 4.1 (L21399): a fault of the SGX compute device itself is not counted. */
static void test_ccp_compute_device(void **st)
{
	struct month m;

	(void)st;
	load(&m, RESOURCES_HDR "c1,ccp,ccp-1,,,,,500.00,\n",
	     OUTAGES_HDR
	     "e1,c1,ccp,ccp-1,,2026-11-02T10:00:00,2026-11-02T11:00:00,compute-device,,\n"
	     "e2,c1,ccp,ccp-1,,2026-11-03T10:00:00,2026-11-03T10:44:00,provider,,\n");
	expect(metric_of(&m.c, 0, "availability"), 44, "99.8981", "[99,99.95)", "50.00");
	month_free(&m);
}

/* ---------------- 云硬盘 (cbs), L6198 ---------------- */

static void cbs(const char *start, const char *end, long minutes, const char *pct,
		const char *band, const char *comp)
{
	one_event("cbs", "disk-1", "200.00", "availability", start, end, minutes, pct, band,
		  comp);
}

/* L6323-6326: 30 days × 24 × 60 × 99.95 % = 43178.4 minutes, so 21.6 minutes of
 * unavailability are allowed: 21 meet, 22 do not ([99,99.95) 10 %, L6417). */
static void test_cbs_worked_example(void **st)
{
	(void)st;
	cbs("2026-11-02T10:00:00", "2026-11-02T10:21:00", 21, "99.9513", "met", "0.00");
	cbs("2026-11-02T10:00:00", "2026-11-02T10:21:59", 21, "99.9513", "met", "0.00");
	cbs("2026-11-02T10:00:00", "2026-11-02T10:22:00", 22, "99.9490", "[99,99.95)", "20.00");
}

/* L6257: a minute counts only if the disk is inaccessible throughout it; under 1
 * minute is not counted.  Whole minutes of the duration (note whole-minute). */
static void test_cbs_whole_minute(void **st)
{
	(void)st;
	cbs("2026-11-02T10:00:00", "2026-11-02T10:00:59", 0, "100.0000", "met", "0.00");
	cbs("2026-11-02T10:00:00", "2026-11-02T10:01:00", 1, "99.9976", "met", "0.00");
	cbs("2026-11-02T10:00:30", "2026-11-02T10:01:30", 1, "99.9976", "met", "0.00");
	cbs("2026-11-02T10:00:30", "2026-11-02T10:01:45", 1, "99.9976", "met", "0.00");
	cbs("2026-11-02T10:00:00", "2026-11-02T10:01:59", 1, "99.9976", "met", "0.00");
	cbs("2026-11-02T10:00:00", "2026-11-02T10:02:00", 2, "99.9953", "met", "0.00");
}

/* L6415-6421: [99,99.95) 10 %, [95,99) 25 %, < 95 100 % of 200.00; the 12-month
 * liability cap of 5.1 (L6399-6403). */
static void test_cbs_bands_and_cap(void **st)
{
	struct month m;

	(void)st;
	cbs("2026-11-03T00:00:00", "2026-11-03T07:12:00", 432, "99.0000", "[99,99.95)", "20.00");
	cbs("2026-11-03T00:00:00", "2026-11-03T07:13:00", 433, "98.9976", "[95,99)", "50.00");
	cbs("2026-11-03T00:00:00", "2026-11-04T12:00:00", 2160, "95.0000", "[95,99)", "50.00");
	cbs("2026-11-03T00:00:00", "2026-11-04T12:01:00", 2161, "94.9976", "[0,95)", "200.00");
	load(&m, "customer_id,product,resource_id,region,zone,service_start,service_end,"
	     "monthly_fee,unit_price,fees_paid,fees_12m\n"
	     "c1,cbs,disk-1,,,,,200.00,,4000.00,150.00\n",
	     OUTAGES_HDR "e1,c1,cbs,disk-1,,2026-11-03T00:00:00,2026-11-05T00:00:00,provider,,\n");
	expect(metric_of(&m.c, 0, "availability"), 2880, "93.3333", "[0,95)", "150.00");
	month_free(&m);
}

/* ---------------- 容器服务 (tke), L2725 ---------------- */

static void tke(const char *start, const char *end, long minutes, const char *pct,
		const char *band, const char *comp)
{
	one_event("tke", "cls-1", "1000.00", "cluster", start, end, minutes, pct, band, comp);
}

/* L2762: "连续超过 5 分钟" counts, "低于 5 分钟" does not; exactly 5 minutes is
 * counted (note five-minutes); whole minutes only (note whole-minute). */
static void test_tke_threshold(void **st)
{
	(void)st;
	tke("2026-11-02T10:00:00", "2026-11-02T10:04:59", 0, "100.0000", "met", "0.00");
	tke("2026-11-02T10:00:00", "2026-11-02T10:05:00", 5, "99.9884", "met", "0.00");
	tke("2026-11-02T10:00:00", "2026-11-02T10:05:01", 5, "99.9884", "met", "0.00");
	tke("2026-11-02T10:00:00", "2026-11-02T10:05:59", 5, "99.9884", "met", "0.00");
	tke("2026-11-02T10:00:00", "2026-11-02T10:06:00", 6, "99.9861", "met", "0.00");
}

/* Objective 99.95 % (L2842) allows 21.6 minutes; L2952-2958: [99,99.95) 10 %,
 * [95,99) 25 %, < 95 100 % of the cluster's 1000.00. */
static void test_tke_bands(void **st)
{
	(void)st;
	tke("2026-11-02T10:00:00", "2026-11-02T10:21:59", 21, "99.9513", "met", "0.00");
	tke("2026-11-02T10:00:00", "2026-11-02T10:22:00", 22, "99.9490", "[99,99.95)", "100.00");
	tke("2026-11-03T00:00:00", "2026-11-03T07:12:00", 432, "99.0000", "[99,99.95)", "100.00");
	tke("2026-11-03T00:00:00", "2026-11-03T07:13:00", 433, "98.9976", "[95,99)", "250.00");
	tke("2026-11-03T00:00:00", "2026-11-04T12:00:00", 2160, "95.0000", "[95,99)", "250.00");
	tke("2026-11-03T00:00:00", "2026-11-04T12:01:00", 2161, "94.9976", "[0,95)", "1000.00");
}

/* Each cluster on its own with its own fee; an outage of a free cluster (4.9,
 * L2920) and a customer's deleted cluster (4.5, L2910) are not counted. */
static void test_tke_clusters(void **st)
{
	struct month m;

	(void)st;
	load(&m, RESOURCES_HDR "c1,tke,cls-1,,,,,1000.00,\nc1,tke,cls-2,,,,,300.00,\n",
	     OUTAGES_HDR
	     "e1,c1,tke,cls-2,,2026-11-02T10:00:00,2026-11-02T10:30:00,provider,,\n"
	     "e2,c1,tke,cls-1,,2026-11-03T10:00:00,2026-11-03T12:00:00,free-tier,,\n"
	     "e3,c1,tke,cls-1,,2026-11-04T10:00:00,2026-11-04T12:00:00,customer,,\n");
	assert_int_equal(m.c.nr, 2);
	expect(metric_of(&m.c, 0, "cluster"), 0, "100.0000", "met", "0.00");
	expect(metric_of(&m.c, 1, "cluster"), 30, "99.9305", "[99,99.95)", "30.00");
	assert_int_equal(m.c.voucher_total, 3000);
	month_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cvd_worked_examples),
		cmocka_unit_test(test_cvd_bands),
		cmocka_unit_test(test_cvd_pieces_and_claim),
		cmocka_unit_test(test_car_worked_examples),
		cmocka_unit_test(test_car_bands),
		cmocka_unit_test(test_ace_worked_examples),
		cmocka_unit_test(test_ace_threshold),
		cmocka_unit_test(test_ace_bands),
		cmocka_unit_test(test_codesign_worked_example),
		cmocka_unit_test(test_codesign_bands),
		cmocka_unit_test(test_codesign_cumulative),
		cmocka_unit_test(test_codesign_liability_cap),
		cmocka_unit_test(test_codesign_short_outages_not_accumulated),
		cmocka_unit_test(test_bh_sum_of_categories),
		cmocka_unit_test(test_bh_overlap_rounding_exclusion),
		cmocka_unit_test(test_bh_bands),
		cmocka_unit_test(test_ccp_twenty_seconds),
		cmocka_unit_test(test_ccp_objective_and_bands),
		cmocka_unit_test(test_ccp_compute_device),
		cmocka_unit_test(test_cbs_worked_example),
		cmocka_unit_test(test_cbs_whole_minute),
		cmocka_unit_test(test_cbs_bands_and_cap),
		cmocka_unit_test(test_tke_threshold),
		cmocka_unit_test(test_tke_bands),
		cmocka_unit_test(test_tke_clusters),
	};

	return cmocka_run_group_tests_name("agreements-minutes", tests, NULL, NULL);
}
