/* Agreements decided per measurement window from usage.csv counts, through the
 * shipped catalogs: SCF, CDN, COS, TRTC, EMR, Oceanus, Traffic Anti-Fraud (TAF)
 * and the 2020 captcha agreement.  Each test reproduces the agreement's own worked
 * example where it has one (seed 001_9e8ef7e27374634f.txt, lines cited) and the
 * edges of its pattern, with the expected figures computed by hand from the text.
 *
 * The catalogs are read from a private directory holding copies of the shipped
 * files of these agreements (catalogs/<product>.xml), so that catalogs other people
 * are still writing cannot break this file. */
#include <stdarg.h>
#include "harness.h"
#include "civil.h"
#include "ledger.h"

#define ACC "c1,Acme,ops@acme.test,en,CNY\n"

/* ---------------- helpers ---------------- */

static char *cat_dir;

static int setup_catalogs(void **st)
{
	char cmd[2048];

	(void)st;
	cat_dir = strdup("/tmp/sr-hb-cat-XXXXXX");
	if (cat_dir == NULL || mkdtemp(cat_dir) == NULL)
		return -1;
	snprintf(cmd, sizeof cmd,
		 "cd '%s/catalogs' && cp catalog.xsd calendar.xml scf.xml cdn.xml cos.xml trtc.xml "
		 "emr.xml oceanus.xml taf.xml captcha.xml captcha-2020.xml '%s/'",
		 root_dir(), cat_dir);
	return system(cmd) == 0 ? 0 : -1;
}

static int teardown_catalogs(void **st)
{
	char cmd[1100];

	(void)st;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", cat_dir);
	free(cat_dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void load(struct month *m, int y, int mo, const char *resources, const char *usage)
{
	month_load_with(m, cat_dir, y, mo, ACCOUNTS_HDR ACC, resources, OUTAGES_HDR, usage);
	month_compute(m, 0);
}

/* Availability (truncated to 4 decimals), band and compensation as printed. */
static void expect(const struct sr_metric_result *r, const char *pct, const char *band,
		   const char *comp)
{
	char b[64];

	assert_pct(r->availability, pct);
	assert_string_equal(sr_band_text(r), band);
	sr_fmt_compensation(r, 2, b, sizeof b);
	assert_string_equal(b, comp);
}

static void expect_minutes(const struct sr_metric_result *r, const char *minutes)
{
	char b[32];

	sr_fmt_unavailable(r, b, sizeof b);
	assert_string_equal(b, minutes);
}

static void expect_day(int64_t day, const char *want)
{
	char b[32];

	sr_format_date(day, b, sizeof b);
	assert_string_equal(b, want);
}

/* ---------------- SCF (seed 3777) ---------------- */

/* 3800: "5分钟为一个统计粒度，错误率超过5%，视为该单位时间的服务不可用": exactly 5 %
 * is available, above it is not; an account's functions are one unit (3808 "本服务"),
 * their requests added up per 5-minute unit. */
static void test_scf_threshold_account(void **st)
{
	struct month m;
	struct sbuf u = {0};
	const struct sr_metric_result *r;

	(void)st;
	sb_printf(&u, USAGE_HDR);
	usage_rows(&u, "c1,scf,fn-1,", local_at(2026, 11, 2, 10, 0), 300, 1, 100, 5);    /* 5 %: available */
	usage_rows(&u, "c1,scf,fn-1,", local_at(2026, 11, 2, 10, 5), 300, 1, 100, 6);    /* 6 %: unavailable */
	usage_rows(&u, "c1,scf,fn-1,", local_at(2026, 11, 2, 10, 10), 300, 1, 0, 0);     /* no requests */
	/* 10:15: fn-1 10 % and fn-2 0 % alone; together 10/200 = 5 %: available */
	usage_rows(&u, "c1,scf,fn-1,", local_at(2026, 11, 2, 10, 15), 300, 1, 100, 10);
	usage_rows(&u, "c1,scf,fn-2,", local_at(2026, 11, 2, 10, 15), 300, 1, 100, 0);
	/* 10:20: 3/50 + 3/50 = 6/100 = 6 %: unavailable */
	usage_rows(&u, "c1,scf,fn-1,", local_at(2026, 11, 2, 10, 20), 300, 1, 50, 3);
	usage_rows(&u, "c1,scf,fn-2,", local_at(2026, 11, 2, 10, 20), 300, 1, 50, 3);
	load(&m, 2026, 11, RESOURCES_HDR "c1,scf,fn-1,ap-guangzhou,,,,120.00,\n"
	     "c1,scf,fn-2,ap-guangzhou,,,,80.00,\n", u.p);
	assert_int_equal(m.c.nr, 1);
	assert_string_equal(m.c.r[0].res->id, "*");
	assert_int_equal(m.c.r[0].res->fee, 20000);
	r = metric_of(&m.c, 0, "availability");
	assert_int_equal(r->windows, 8640);                      /* 30 × 288 */
	assert_int_equal(r->unavailable, 2);
	expect_minutes(r, "10");
	expect(r, "99.9768", "met", "0.00");                     /* 8638 / 8640 */
	month_free(&m);
	free(u.p);
}

/* Bands of 3842-3844, 3898-3900 on 8640 units (November): 99.95 % allows 4.32
 * units, 99 % 86.4, 95 % exactly 432.  Fee 300.00: 10 % / 25 % / 100 %. */
static void scf_case(int down, const char *pct, const char *band, const char *voucher)
{
	struct month m;
	struct sbuf u = {0};

	sb_printf(&u, USAGE_HDR);
	usage_rows(&u, "c1,scf,fn-1,", local_at(2026, 11, 2, 0, 0), 300, down, 1000, 51);
	load(&m, 2026, 11, RESOURCES_HDR "c1,scf,fn-1,,,,,300.00,\n", u.p);
	assert_int_equal(metric_of(&m.c, 0, "availability")->unavailable, down);
	expect(metric_of(&m.c, 0, "availability"), pct, band, voucher);
	if (m.c.r[0].voucher > 0) {
		/* 5th business day of December 2026 is the 7th; 60 days after 11-30 */
		expect_day(m.c.claim_opens, "2026-12-08");
		expect_day(m.c.claim_closes, "2027-01-29");
	}
	month_free(&m);
	free(u.p);
}

static void test_scf_bands(void **st)
{
	(void)st;
	scf_case(4, "99.9537", "met", "0.00");
	scf_case(5, "99.9421", "[99,99.95)", "30.00");
	scf_case(86, "99.0046", "[99,99.95)", "30.00");
	scf_case(87, "98.9930", "[95,99)", "75.00");
	scf_case(432, "95.0000", "[95,99)", "75.00");
	scf_case(433, "94.9884", "[0,95)", "300.00");
}

/* ---------------- CDN (seed 13422) ---------------- */

/* 13465-13467: a unit above 0.05 % is abnormal; "连续两个单位时间出现异常，则此10分钟
 * 算为不可用单位时间，低于连续两个单位时间不计入".  A run of 1 counts 0, a run of 2
 * counts 10 minutes; a run of 3 counts 15 (note run-length); runs are per domain. */
static void test_cdn_consecutive_units(void **st)
{
	struct month m;
	struct sbuf u = {0};
	const struct sr_metric_result *r;

	(void)st;
	sb_printf(&u, USAGE_HDR);
	usage_rows(&u, "c1,cdn,d1,", local_at(2026, 11, 2, 10, 0), 300, 1, 200000, 100); /* 0.05 %: normal */
	usage_rows(&u, "c1,cdn,d1,", local_at(2026, 11, 2, 11, 0), 300, 1, 10000, 6);    /* run of 1: 0 */
	usage_rows(&u, "c1,cdn,d1,", local_at(2026, 11, 2, 12, 0), 300, 2, 10000, 6);    /* run of 2: 10 min */
	usage_rows(&u, "c1,cdn,d1,", local_at(2026, 11, 2, 13, 0), 300, 3, 10000, 6);    /* run of 3: 15 min */
	/* abnormal, exactly 0.05 %, abnormal: two runs of 1 */
	usage_rows(&u, "c1,cdn,d1,", local_at(2026, 11, 2, 14, 0), 300, 1, 10000, 6);
	usage_rows(&u, "c1,cdn,d1,", local_at(2026, 11, 2, 14, 5), 300, 1, 10000, 5);
	usage_rows(&u, "c1,cdn,d1,", local_at(2026, 11, 2, 14, 10), 300, 1, 10000, 6);
	/* abnormal, no traffic (no row), abnormal: not consecutive */
	usage_rows(&u, "c1,cdn,d1,", local_at(2026, 11, 2, 15, 0), 300, 1, 10000, 6);
	usage_rows(&u, "c1,cdn,d1,", local_at(2026, 11, 2, 15, 10), 300, 1, 10000, 6);
	/* 23:55 and 00:00 of the next day are consecutive units: 10 min */
	usage_rows(&u, "c1,cdn,d1,", local_at(2026, 11, 2, 23, 55), 300, 2, 10000, 6);
	/* another domain: a run of 2 of its own, and one unit next to d1's run of 1 */
	usage_rows(&u, "c1,cdn,d2,", local_at(2026, 11, 5, 8, 0), 300, 2, 4000, 3);
	usage_rows(&u, "c1,cdn,d2,", local_at(2026, 11, 2, 11, 5), 300, 1, 10000, 6);
	load(&m, 2026, 11, RESOURCES_HDR "c1,cdn,d1,,,,,400.00,\nc1,cdn,d2,,,,,50.00,\n", u.p);
	assert_int_equal(m.c.nr, 2);
	r = metric_of(&m.c, 0, "domain");
	assert_int_equal(r->windows, 8640);
	assert_int_equal(r->unavailable, 2 + 3 + 2);
	expect_minutes(r, "35");
	expect(r, "99.9189", "met", "0.00");                     /* 8633 / 8640 */
	r = metric_of(&m.c, 1, "domain");
	assert_int_equal(r->unavailable, 2);
	expect_minutes(r, "10");
	month_free(&m);
	free(u.p);
}

/* Bands of 13647-13653 on 8640 units: 99.9 % allows 8.64 units.  Runs of 2 units
 * (so every unit counts); fee 400.00: 10 % / 25 % / 50 %. */
static void cdn_case(int pairs, int extra, const char *pct, const char *band,
		     const char *voucher)
{
	struct month m;
	struct sbuf u = {0};
	int down = 2 * pairs + extra;

	sb_printf(&u, USAGE_HDR);
	for (int i = 0; i < pairs; i++)   /* separate runs of 2, an hour apart */
		usage_rows(&u, "c1,cdn,d1,", local_at(2026, 11, 3, 0, 0) + (int64_t)i * 3600, 300, 2, 2000, 2);
	if (extra)  /* and one run of `extra` consecutive units */
		usage_rows(&u, "c1,cdn,d1,", local_at(2026, 11, 20, 0, 0), 300, extra, 2000, 2);
	load(&m, 2026, 11, RESOURCES_HDR "c1,cdn,d1,,,,,400.00,\n", u.p);
	assert_int_equal(metric_of(&m.c, 0, "domain")->unavailable, down);
	expect(metric_of(&m.c, 0, "domain"), pct, band, voucher);
	month_free(&m);
	free(u.p);
}

static void test_cdn_bands(void **st)
{
	(void)st;
	cdn_case(4, 0, "99.9074", "met", "0.00");               /* 8 units, 40 min */
	cdn_case(3, 3, "99.8958", "[99,99.9)", "40.00");        /* 9 units */
	cdn_case(0, 9, "99.8958", "[99,99.9)", "40.00");        /* one run of 9 */
	cdn_case(20, 46, "99.0046", "[99,99.9)", "40.00");      /* 86 */
	cdn_case(20, 47, "98.9930", "[95,99)", "100.00");       /* 87 */
	cdn_case(0, 432, "95.0000", "[95,99)", "100.00");
	cdn_case(0, 433, "94.9884", "[0,95)", "200.00");
}

/* ---------------- COS (seed 5831) ---------------- */

/* 5856, 5927: availability = 1 − Σ 5-minute error rates / (days × 288); per
 * account × region (5903-5905), each storage class its own figure (metric).
 * Region ap-guangzhou has buckets b1 (600.00) and b2 (400.00): fee 1000.00;
 * ap-beijing has b3 (500.00). */
#define COS_RES RESOURCES_HDR "c1,cos,b1,ap-guangzhou,,,,600.00,\n" \
		"c1,cos,b2,ap-guangzhou,,,,400.00,\nc1,cos,b3,ap-beijing,,,,500.00,\n"

static void cos_load(struct month *m, const char *usage)
{
	load(m, 2026, 11, COS_RES, usage);
	assert_int_equal(m->c.nr, 2);
	assert_string_equal(m->c.r[0].res->id, "*@ap-guangzhou");
	assert_int_equal(m->c.r[0].res->fee, 100000);
	assert_string_equal(m->c.r[1].res->id, "b3");
}

/* Σ rates as whole windows failed entirely plus one window of `part`/1000. */
static void cos_sigma(struct sbuf *u, const char *prefix, int whole, int part)
{
	if (whole)
		usage_rows(u, prefix, local_at(2026, 11, 4, 0, 0), 300, whole, 1000, 1000);
	if (part)
		usage_rows(u, prefix, local_at(2026, 11, 10, 12, 0), 300, 1, 1000, part);
}

static void test_cos_standard_edges(void **st)
{
	struct month m;
	struct sbuf u = {0};
	const struct sr_metric_result *r;

	(void)st;
	/* 99.99 % of 8640 windows allows Σ = 0.864: b1 432/500 and b2 432/500 in one
	 * window are 864/1000 together: exactly 99.99 %, met; an empty window and a
	 * window without requests change nothing */
	sb_printf(&u, USAGE_HDR);
	usage_rows(&u, "c1,cos,b1,standard", local_at(2026, 11, 2, 10, 0), 300, 1, 500, 432);
	usage_rows(&u, "c1,cos,b2,", local_at(2026, 11, 2, 10, 0), 300, 1, 500, 432);  /* empty = standard */
	usage_rows(&u, "c1,cos,b2,standard", local_at(2026, 11, 2, 10, 5), 300, 1, 0, 0);
	usage_rows(&u, "c1,cos,b1,standard", local_at(2026, 11, 2, 10, 10), 300, 1, 5000, 0);
	cos_load(&m, u.p);
	r = metric_of(&m.c, 0, "standard");
	assert_int_equal(r->windows, 8640);
	expect(r, "99.9900", "met", "0.00");
	expect(metric_of(&m.c, 0, "infrequent"), "100.0000", "met", "0.00");
	month_free(&m);
	free(u.p);
	u = (struct sbuf){0};
	/* one more failed request: Σ = 0.865, 99.98998 %: 10 % of 1000.00 */
	sb_printf(&u, USAGE_HDR);
	usage_rows(&u, "c1,cos,b1,standard", local_at(2026, 11, 2, 10, 0), 300, 1, 1000, 865);
	cos_load(&m, u.p);
	expect(metric_of(&m.c, 0, "standard"), "99.9899", "[99.9,99.99)", "100.00");
	assert_int_equal(m.c.r[0].voucher, 10000);
	assert_int_equal(m.c.r[1].voucher, 0);
	month_free(&m);
	free(u.p);
}

/* One storage class of ap-guangzhou with Σ = whole + part/1000. */
static void cos_case(const char *metric, int whole, int part, const char *pct,
		     const char *band, const char *voucher)
{
	struct month m;
	struct sbuf u = {0};
	char prefix[64];

	snprintf(prefix, sizeof prefix, "c1,cos,b2,%s", metric);
	sb_printf(&u, USAGE_HDR);
	cos_sigma(&u, prefix, whole, part);
	cos_load(&m, u.p);
	expect(metric_of(&m.c, 0, metric), pct, band, voucher);
	month_free(&m);
	free(u.p);
}

/* The tables of 5962-5970, 5972 + 6021-6023, 6025-6049 at their edges. */
static void test_cos_class_bands(void **st)
{
	(void)st;
	/* standard: 99.9 % is Σ 8.64 (in the 10 % band), 95 % is Σ 432 */
	cos_case("standard", 8, 640, "99.9000", "[99.9,99.99)", "100.00");
	cos_case("standard", 8, 650, "99.8998", "[95,99.9)", "300.00");
	cos_case("standard", 432, 0, "95.0000", "[95,99.9)", "300.00");
	cos_case("standard", 432, 10, "94.9998", "[0,95)", "500.00");
	/* standard multi-AZ 99.995 %: Σ 0.432 met, 0.433 below */
	cos_case("standard-maz", 0, 432, "99.9950", "met", "0.00");
	cos_case("standard-maz", 0, 433, "99.9949", "[99.9,99.995)", "100.00");
	/* infrequent 99.90 %: no 10 % row, the first band pays 30 % */
	cos_case("infrequent", 8, 640, "99.9000", "met", "0.00");
	cos_case("infrequent", 8, 650, "99.8998", "[95,99.9)", "300.00");
	/* infrequent multi-AZ 99.95 %: Σ 4.32; 99 % is Σ 86.4 */
	cos_case("infrequent-maz", 4, 320, "99.9500", "met", "0.00");
	cos_case("infrequent-maz", 4, 330, "99.9498", "[99,99.95)", "100.00");
	cos_case("infrequent-maz", 86, 410, "98.9998", "[95,99)", "300.00");
	/* cold / archive / deep archive 99.00 %: Σ 86.4 */
	cos_case("cold", 86, 400, "99.0000", "met", "0.00");
	cos_case("archive", 86, 410, "98.9998", "[95,99)", "300.00");
	cos_case("deep-archive", 432, 10, "94.9998", "[0,95)", "500.00");
	/* cold / archive multi-AZ 99.50 %: Σ 43.2 */
	cos_case("cold-maz", 43, 200, "99.5000", "met", "0.00");
	cos_case("archive-maz", 43, 210, "99.4998", "[99,99.5)", "100.00");
	/* intelligent tiering follows its access tier (5948-5956, 5973-5977) */
	cos_case("intelligent-frequent", 0, 865, "99.9899", "[99.9,99.99)", "100.00");
	cos_case("intelligent-infrequent", 0, 865, "99.9899", "met", "0.00");
	cos_case("intelligent-frequent-maz", 0, 433, "99.9949", "[99.9,99.995)", "100.00");
	cos_case("intelligent-infrequent-maz", 4, 330, "99.9498", "[99,99.95)", "100.00");
}

/* Several classes of one region below standard: each pays its percentage of the
 * region's fee, the sum capped at the fee (5919-5921); regions are separate. */
static void test_cos_classes_sum_and_cap(void **st)
{
	struct month m;
	struct sbuf u = {0};

	(void)st;
	sb_printf(&u, USAGE_HDR);
	cos_sigma(&u, "c1,cos,b1,standard", 8, 650);     /* 30 % */
	cos_sigma(&u, "c1,cos,b2,infrequent", 8, 650);   /* 30 % */
	cos_sigma(&u, "c1,cos,b3,standard", 0, 865);     /* Beijing: 10 % of 500.00 */
	cos_load(&m, u.p);
	assert_int_equal(metric_of(&m.c, 0, "standard")->voucher, 30000);
	assert_int_equal(metric_of(&m.c, 0, "infrequent")->voucher, 30000);
	assert_int_equal(m.c.r[0].voucher, 60000);
	assert_int_equal(m.c.r[1].voucher, 5000);
	month_free(&m);
	free(u.p);
	u = (struct sbuf){0};
	sb_printf(&u, USAGE_HDR);
	cos_sigma(&u, "c1,cos,b1,standard", 432, 10);    /* 50 % */
	cos_sigma(&u, "c1,cos,b1,infrequent", 432, 10);  /* 50 % */
	cos_sigma(&u, "c1,cos,b2,cold", 432, 10);        /* 50 % */
	cos_load(&m, u.p);
	assert_int_equal(m.c.r[0].voucher, 100000);      /* 1500.00 capped at 1000.00 */
	month_free(&m);
	free(u.p);
}

/* A partial service month: 5927 counts "服务月度内包含的天数 × 24 × 12" units, the
 * first day whole (activated 11-17 15:20: 14 days = 4032 units).  Σ = 0.865:
 * 1 − 0.865 / 4032 = 99.97854 %: [99.9, 99.99) for standard.  (The engine at the
 * time of writing counts the grid units from 15:20 only, 3848, giving 99.9775 %:
 * reported as a discrepancy with 5927 and SPEC §3.1.) */
static void test_cos_partial_month(void **st)
{
	struct month m;
	struct sbuf u = {0};
	const struct sr_metric_result *r;

	(void)st;
	sb_printf(&u, USAGE_HDR);
	usage_rows(&u, "c1,cos,b9,standard", local_at(2026, 11, 20, 10, 0), 300, 1, 1000, 865);
	load(&m, 2026, 11, RESOURCES_HDR "c1,cos,b9,ap-shanghai,,2026-11-17T15:20:00,,200.00,\n",
	     u.p);
	r = metric_of(&m.c, 0, "standard");
	assert_int_equal(r->service_minutes, 14 * 1440);
	assert_int_equal(r->windows, 14 * 288);
	expect(r, "99.9785", "[99.9,99.99)", "20.00");
	month_free(&m);
	free(u.p);
}

/* ---------------- TRTC (seed 15850) ---------------- */

/* 15891-15893, worked example: "2019年03月某一天上午10:00至10:30通话成功率为98% …
 * 不可用时间为30分钟，则2019年03月服务可用性 = 1 -（30 / (31 x 24 x 60)）x 100% =
 * 99.93%".  The agreement in the seed is the version of 2024-12-13, so the example
 * is reproduced in an equivalent 31-day month, March 2026: 6 units of 5 minutes,
 * 44610 / 44640 = 99.93279 %, which meets 99.9 %. */
static void test_trtc_worked_example(void **st)
{
	struct month m;
	struct sbuf u = {0};
	const struct sr_metric_result *r;

	(void)st;
	sb_printf(&u, USAGE_HDR);
	usage_rows(&u, "c1,trtc,app-1,", local_at(2026, 3, 12, 10, 0), 300, 6, 500, 10);   /* 98 % */
	usage_rows(&u, "c1,trtc,app-1,", local_at(2026, 3, 12, 10, 30), 300, 1, 500, 0);
	load(&m, 2026, 3, RESOURCES_HDR "c1,trtc,app-1,,,,,1000.00,\n", u.p);
	r = metric_of(&m.c, 0, "availability");
	assert_int_equal(r->service_minutes, 31 * 24 * 60);
	assert_int_equal(r->windows, 31 * 288);
	assert_int_equal(r->unavailable, 6);
	expect_minutes(r, "30");
	expect(r, "99.9327", "met", "0.00");
	month_free(&m);
	free(u.p);
}

/* 15883-15885: "通话成功率低于99%" — exactly 99 % is not below; a single unit below
 * is "持续5分钟" and counts 5 minutes (note five-minutes); an account's apps are one
 * unit (their room entries added up). */
static void test_trtc_threshold(void **st)
{
	struct month m;
	struct sbuf u = {0};
	const struct sr_metric_result *r;

	(void)st;
	sb_printf(&u, USAGE_HDR);
	usage_rows(&u, "c1,trtc,app-1,", local_at(2026, 3, 2, 9, 0), 300, 1, 100, 1);     /* 99 %: available */
	usage_rows(&u, "c1,trtc,app-1,", local_at(2026, 3, 2, 9, 5), 300, 1, 99, 1);      /* 98.99 %: down */
	usage_rows(&u, "c1,trtc,app-1,", local_at(2026, 3, 2, 9, 10), 300, 1, 0, 0);      /* no requests */
	/* 9:15 app-1 alone 90 %, with app-2 (1000 entries, none failed) 99.09 %: available */
	usage_rows(&u, "c1,trtc,app-1,", local_at(2026, 3, 2, 9, 15), 300, 1, 100, 10);
	usage_rows(&u, "c1,trtc,app-2,", local_at(2026, 3, 2, 9, 15), 300, 1, 1000, 0);
	load(&m, 2026, 3, RESOURCES_HDR "c1,trtc,app-1,,,,,600.00,\nc1,trtc,app-2,,,,,400.00,\n",
	     u.p);
	assert_int_equal(m.c.nr, 1);
	r = metric_of(&m.c, 0, "availability");
	assert_int_equal(r->unavailable, 1);
	expect_minutes(r, "5");
	expect(r, "99.9887", "met", "0.00");                    /* 8927 / 8928 */
	month_free(&m);
	free(u.p);
}

/* A partial service month: 15887 "服务月度总分钟数按照服务月度内的总天数 × 24 × 60",
 * the first day whole (activated 03-17 15:20: 15 days = 21600 minutes = 4320
 * units).  One unit below 99 %: 4319 / 4320 = 99.97685 %.  (The engine at the
 * time of writing counts 4136 units from 15:20, giving 4135 / 4136 = 99.9758 %.) */
static void test_trtc_partial_month(void **st)
{
	struct month m;
	const struct sr_metric_result *r;

	(void)st;
	month_load_with(&m, cat_dir, 2026, 3, ACCOUNTS_HDR ACC,
			RESOURCES_HDR "c1,trtc,app-1,,,2026-03-17T15:20:00,,300.00,\n", OUTAGES_HDR,
			USAGE_HDR "c1,trtc,app-1,,2026-03-18T10:00:00,100,50\n");
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, "availability");
	assert_int_equal(r->service_minutes, 15 * 1440);
	assert_int_equal(r->windows, 15 * 288);
	expect(r, "99.9768", "met", "0.00");
	month_free(&m);
}

/* Bands of 15979-15985 on 8928 units (March): 99.9 % allows 8.928 units, 99.5 %
 * 44.64, 99 % 89.28.  Fee (consumed) 1000.00: 10 % / 20 % / 50 %. */
static void trtc_case(int down, const char *pct, const char *band, const char *voucher)
{
	struct month m;
	struct sbuf u = {0};

	sb_printf(&u, USAGE_HDR);
	usage_rows(&u, "c1,trtc,app-1,", local_at(2026, 3, 20, 0, 0), 300, down, 2000, 21);  /* 98.95 % */
	load(&m, 2026, 3, RESOURCES_HDR "c1,trtc,app-1,,,,,1000.00,\n", u.p);
	expect(metric_of(&m.c, 0, "availability"), pct, band, voucher);
	month_free(&m);
	free(u.p);
}

static void test_trtc_bands(void **st)
{
	(void)st;
	trtc_case(8, "99.9103", "met", "0.00");
	trtc_case(9, "99.8991", "[99.5,99.9)", "100.00");
	trtc_case(44, "99.5071", "[99.5,99.9)", "100.00");
	trtc_case(45, "99.4959", "[99,99.5)", "200.00");
	trtc_case(89, "99.0031", "[99,99.5)", "200.00");
	trtc_case(90, "98.9919", "[0,99)", "500.00");
}

/* ---------------- EMR (seed 23817) ---------------- */

/* 23895: (1 − Σ unit error rates / units) × 100 %; 23852: a unit without requests
 * is 100 % available (and counted); 23891-23893: one figure per account and region,
 * several EMR services of the region together.  8640 units in November: 99.9 % is
 * Σ 8.64, 99 % Σ 86.4, 95 % Σ 432.  Fee of the region 200.00: 10 / 20 / 100 %. */
static void emr_case(int whole, int part, const char *pct, const char *band,
		     const char *voucher)
{
	struct month m;
	struct sbuf u = {0};
	const struct sr_metric_result *r;

	sb_printf(&u, USAGE_HDR);
	/* units where every valid request failed (1.6 "服务不可用"): rate 1 each */
	if (whole)
		usage_rows(&u, "c1,emr,emr-a,", local_at(2026, 11, 6, 0, 0), 300, whole, 40, 40);
	/* one unit of part/100, split over the two clusters of the region */
	if (part)
		usage_rows(&u, "c1,emr,emr-a,", local_at(2026, 11, 9, 8, 0), 300, 1, 50, part / 2);
	if (part)
		usage_rows(&u, "c1,emr,emr-b,", local_at(2026, 11, 9, 8, 0), 300, 1, 50, part - part / 2);
	usage_rows(&u, "c1,emr,emr-b,", local_at(2026, 11, 9, 8, 5), 300, 12, 0, 0);  /* no requests */
	/* another region, on its own: one unit of 1/2 */
	usage_rows(&u, "c1,emr,emr-c,", local_at(2026, 11, 9, 8, 0), 300, 1, 2, 1);
	load(&m, 2026, 11, RESOURCES_HDR "c1,emr,emr-a,ap-guangzhou,,,,150.00,\n"
	     "c1,emr,emr-b,ap-guangzhou,,,,50.00,\nc1,emr,emr-c,ap-shanghai,,,,90.00,\n", u.p);
	assert_int_equal(m.c.nr, 2);
	assert_string_equal(m.c.r[0].res->id, "*@ap-guangzhou");
	r = metric_of(&m.c, 0, "availability");
	assert_int_equal(r->windows, 8640);
	expect(r, pct, band, voucher);
	expect(metric_of(&m.c, 1, "availability"), "99.9942", "met", "0.00");
	month_free(&m);
	free(u.p);
}

static void test_emr_window_mean(void **st)
{
	(void)st;
	emr_case(0, 0, "100.0000", "met", "0.00");
	emr_case(8, 64, "99.9000", "met", "0.00");
	emr_case(8, 65, "99.8998", "[99,99.9)", "20.00");
	emr_case(86, 40, "99.0000", "[99,99.9)", "20.00");
	emr_case(86, 41, "98.9998", "[95,99)", "40.00");
	emr_case(432, 0, "95.0000", "[95,99)", "40.00");
	emr_case(432, 1, "94.9998", "[0,95)", "200.00");
}

/* ---------------- Oceanus (seed 24868) ---------------- */

/* 24891, 24895-24897: a 3-minute unit is unavailable only when every connection
 * attempt to the cluster failed; one success keeps it available.  14400 units in
 * November; each cluster on its own. */
static void test_oceanus_all_failed(void **st)
{
	struct month m;
	struct sbuf u = {0};
	const struct sr_metric_result *r;

	(void)st;
	sb_printf(&u, USAGE_HDR);
	usage_rows(&u, "c1,oceanus,cluster-1,", local_at(2026, 11, 2, 10, 0), 180, 2, 10, 10);  /* down */
	usage_rows(&u, "c1,oceanus,cluster-1,", local_at(2026, 11, 2, 10, 6), 180, 1, 10, 9);   /* 1 success */
	usage_rows(&u, "c1,oceanus,cluster-1,", local_at(2026, 11, 2, 10, 9), 180, 1, 0, 0);    /* no attempt */
	usage_rows(&u, "c1,oceanus,cluster-1,", local_at(2026, 11, 2, 23, 57), 180, 1, 1, 1);   /* down */
	usage_rows(&u, "c1,oceanus,cluster-2,", local_at(2026, 11, 2, 10, 0), 180, 1, 10, 0);
	load(&m, 2026, 11, RESOURCES_HDR "c1,oceanus,cluster-1,,,,,500.00,\n"
	     "c1,oceanus,cluster-2,,,,,500.00,\n", u.p);
	assert_int_equal(m.c.nr, 2);
	r = metric_of(&m.c, 0, "availability");
	assert_int_equal(r->windows, 14400);                    /* 30 × 480 */
	assert_int_equal(r->unavailable, 3);
	expect_minutes(r, "9");
	expect(r, "99.9791", "met", "0.00");                    /* 14397 / 14400 */
	assert_int_equal(metric_of(&m.c, 1, "availability")->unavailable, 0);
	month_free(&m);
	free(u.p);
}

/* Bands of 24991-24997: 99.9 % allows 14.4 units, 99 % exactly 144, 95 % 720.
 * Fee 500.00: 10 / 20 / 100 %. */
static void oceanus_case(int down, const char *pct, const char *band, const char *voucher,
			 const char *minutes)
{
	struct month m;
	struct sbuf u = {0};

	sb_printf(&u, USAGE_HDR);
	usage_rows(&u, "c1,oceanus,cluster-1,", local_at(2026, 11, 10, 0, 0), 180, down, 3, 3);
	load(&m, 2026, 11, RESOURCES_HDR "c1,oceanus,cluster-1,,,,,500.00,\n", u.p);
	expect(metric_of(&m.c, 0, "availability"), pct, band, voucher);
	expect_minutes(metric_of(&m.c, 0, "availability"), minutes);
	month_free(&m);
	free(u.p);
}

static void test_oceanus_bands(void **st)
{
	(void)st;
	oceanus_case(14, "99.9027", "met", "0.00", "42");
	oceanus_case(15, "99.8958", "[99,99.9)", "50.00", "45");
	oceanus_case(144, "99.0000", "[99,99.9)", "50.00", "432");
	oceanus_case(145, "98.9930", "[95,99)", "100.00", "435");
	oceanus_case(720, "95.0000", "[95,99)", "100.00", "2160");
	oceanus_case(721, "94.9930", "[0,95)", "500.00", "2163");
}

/* ---------------- Traffic Anti-Fraud (seed 16957) ---------------- */

/* 16974: "一个服务周期为一个自然年" — evaluated in the December run over 2025 (365
 * days = 525600 one-minute units; 99 % allows 5256).  16978-16984: error rate =
 * failed (not reaching the server) / received, > 1 % unavailable; usage gives
 * total = received + failed (note error-rate-base).  17021: failed requests in fault
 * events × 10, at most the calls of T-1..T-31 (the usage total row). */
static void taf_year(int down, const char *cap, const char *pct, const char *band,
		     const char *units)
{
	struct month m;
	struct sbuf u = {0};
	const struct sr_metric_result *r;

	sb_printf(&u, USAGE_HDR);
	/* edges: 1 failed of 101 (100 received: exactly 1 %) is available; 1 of 100
	 * (99 received: 1.0101 %) is not */
	usage_rows(&u, "c1,taf,app-1,", local_at(2025, 2, 1, 9, 0), 60, 1, 101, 1);
	usage_rows(&u, "c1,taf,app-1,", local_at(2025, 2, 1, 9, 1), 60, 1, 100, 1);
	usage_rows(&u, "c1,taf,app-1,", local_at(2025, 2, 1, 9, 2), 60, 1, 0, 0);
	/* the rest of the unavailable minutes: 2 of 100 failed each */
	usage_rows(&u, "c1,taf,app-1,", local_at(2025, 3, 1, 0, 0), 60, down - 2, 100, 2);
	usage_rows(&u, "c1,taf,app-1,", local_at(2025, 12, 31, 23, 59), 60, 1, 100, 2);
	if (cap != NULL)
		sb_printf(&u, "c1,taf,app-1,,,%s,0\n", cap);
	load(&m, 2025, 12, RESOURCES_HDR "c1,taf,app-1,,,,,0.00,\n", u.p);
	r = metric_of(&m.c, 0, "availability");
	assert_int_equal(r->service_minutes, 525600);
	assert_int_equal(r->windows, 525600);
	assert_int_equal(r->unavailable, down);
	assert_int_equal(r->failed_in_events, 1 + (int64_t)(down - 1) * 2);
	expect(r, pct, band, units);
	if (r->units > 0) {
		/* 5th business day of January 2026 is the 8th (01-04 is a workday);
		 * "两个月内": to the end of February */
		expect_day(m.c.claim_opens, "2026-01-09");
		expect_day(m.c.claim_closes, "2026-02-28");
	}
	month_free(&m);
	free(u.p);
}

static void test_taf_natural_year(void **st)
{
	struct month m;

	(void)st;
	taf_year(5256, "100000", "99.0000", "met", "0");
	/* 5257 minutes: 98.99980 %; failed 1 + 5256 × 2 = 10513, × 10 = 105130 */
	taf_year(5257, "200000", "98.9998", "[0,99)", "105130");
	taf_year(5257, "100000", "98.9998", "[0,99)", "100000");   /* capped */
	/* not December: the year is not evaluated */
	load(&m, 2025, 11, RESOURCES_HDR "c1,taf,app-1,,,,,0.00,\n", USAGE_HDR);
	assert_int_equal(metric_of(&m.c, 0, "availability")->status, SR_NOT_APPLICABLE);
	month_free(&m);
}

/* ---------------- Captcha, version 2020-08-10 (seed 17076) ---------------- */

/* 17152-17154, worked example: "若某不达标服务月度内的故障事件中的失败请求次数为10次，
 * 则腾讯云向您赔偿10 * 10 = 100次验证码请求次数".  Like the 2019 version, the
 * catalog counts the unavailable minutes monitoring exports as fault events in
 * outages.csv (a minute above 0.01 % errors, 17107-17109).  November 2026 has
 * 43200 minutes; 99.99 % allows 4.32: four minutes meet it, five with 10 failed
 * requests in them miss it and earn 100 requests; the claim closes "两（2）个月内". */
static void captcha_case(int down, const char *pct, const char *band, const char *units)
{
	struct month m;
	char out[512];
	const struct sr_metric_result *r;

	snprintf(out, sizeof out, OUTAGES_HDR
		 "f1,c1,captcha,cap-1,,2026-11-03T09:00:00,2026-11-03T09:%02d:00,provider,10,\n",
		 down);
	month_load_with(&m, cat_dir, 2026, 11, ACCOUNTS_HDR ACC,
			RESOURCES_HDR "c1,captcha,cap-1,,,,,800.00,\n", out, NULL);
	month_compute(&m, 0);
	assert_string_equal(m.c.r[0].res->catalog->version, "2020-08-10");
	r = metric_of(&m.c, 0, "availability");
	assert_int_equal(r->unavailable, down);
	expect(r, pct, band, units);
	if (r->units > 0) {
		expect_day(m.c.claim_opens, "2026-12-08");
		expect_day(m.c.claim_closes, "2027-01-31");
	}
	month_free(&m);
}

static void test_captcha_2020(void **st)
{
	(void)st;
	captcha_case(4, "99.9907", "met", "0");
	captcha_case(5, "99.9884", "[0,99.99)", "100");
}

/* The version in force on the period's first day: August 2020 starts before
 * 2020-08-10 (the 2019-12-05 version, seed 000), September 2020 after it. */
static void test_captcha_versions(void **st)
{
	struct month m;

	(void)st;
	month_load_with(&m, cat_dir, 2020, 8, ACCOUNTS_HDR ACC,
			RESOURCES_HDR "c1,captcha,cap-1,,,,,800.00,\n", OUTAGES_HDR, NULL);
	assert_int_equal(m.read_rc, 0);
	assert_string_equal(m.x.resources[0].catalog->version, "2019-12-05");
	month_free(&m);
	month_load_with(&m, cat_dir, 2020, 9, ACCOUNTS_HDR ACC,
			RESOURCES_HDR "c1,captcha,cap-1,,,,,800.00,\n", OUTAGES_HDR, NULL);
	assert_int_equal(m.read_rc, 0);
	assert_string_equal(m.x.resources[0].catalog->version, "2020-08-10");
	month_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scf_threshold_account),
		cmocka_unit_test(test_scf_bands),
		cmocka_unit_test(test_cdn_consecutive_units),
		cmocka_unit_test(test_cdn_bands),
		cmocka_unit_test(test_cos_standard_edges),
		cmocka_unit_test(test_cos_class_bands),
		cmocka_unit_test(test_cos_classes_sum_and_cap),
		cmocka_unit_test(test_cos_partial_month),
		cmocka_unit_test(test_trtc_worked_example),
		cmocka_unit_test(test_trtc_threshold),
		cmocka_unit_test(test_trtc_bands),
		cmocka_unit_test(test_trtc_partial_month),
		cmocka_unit_test(test_emr_window_mean),
		cmocka_unit_test(test_oceanus_all_failed),
		cmocka_unit_test(test_oceanus_bands),
		cmocka_unit_test(test_taf_natural_year),
		cmocka_unit_test(test_captcha_2020),
		cmocka_unit_test(test_captcha_versions),
	};

	return cmocka_run_group_tests_name("agreements-windows", tests, setup_catalogs,
					   teardown_catalogs);
}
