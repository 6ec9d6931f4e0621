/* The computation of SPEC §3 through the shipped catalogs, with the worked
 * examples of SPEC §7 and the band edges. */
#include "harness.h"
#include "ledger.h"

#define ACC "c1,Acme,ops@acme.test,en,CNY\n"

/* One CVM instance for November 2026 (30 days = 43200 minutes). */
#define CVM_NOV RESOURCES_HDR "c1,cvm,ins-1,ap-guangzhou,gz-3,,,1000.00,\n"

static void one_cvm_outage(const char *start, const char *end, const char *pct,
			   const char *band, const char *voucher, long minutes)
{
	struct month m;
	char outages[512], b[40];
	const struct sr_metric_result *r;

	snprintf(outages, sizeof outages, OUTAGES_HDR "e1,c1,cvm,ins-1,,%s,%s,provider,,\n",
		 start, end);
	month_load(&m, 2026, 11, ACCOUNTS_HDR ACC, CVM_NOV, outages, NULL);
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, "instance");
	assert_int_equal(r->service_minutes, 43200);
	assert_int_equal(r->unavailable, minutes);
	assert_pct(r->availability, pct);
	assert_string_equal(sr_band_text(r), band);
	sr_fmt_compensation(r, 2, b, sizeof b);
	assert_string_equal(b, voucher);
	month_free(&m);
}

/* 99.975 % of 43200 min allows 10.8 minutes. */
static void test_cvm_objective_edge(void **st)
{
	(void)st;
	one_cvm_outage("2026-11-03T10:00:00", "2026-11-03T10:10:00", "99.9768", "met", "0.00", 10);
	one_cvm_outage("2026-11-03T10:00:00", "2026-11-03T10:10:01", "99.9745", "[99,99.975)",
		       "100.00", 11);
}

/* Exactly 99 % (432 min) is in the 10 % band; exactly 95 % (2160) in the 25 % band. */
static void test_cvm_band_edges(void **st)
{
	(void)st;
	one_cvm_outage("2026-11-03T00:00:00", "2026-11-03T07:12:00", "99.0000", "[99,99.975)",
		       "100.00", 432);
	one_cvm_outage("2026-11-03T00:00:00", "2026-11-03T07:12:01", "98.9976", "[95,99)",
		       "250.00", 433);
	one_cvm_outage("2026-11-03T00:00:00", "2026-11-04T12:00:00", "95.0000", "[95,99)",
		       "250.00", 2160);
	one_cvm_outage("2026-11-03T00:00:00", "2026-11-04T12:00:30", "94.9976", "[0,95)",
		       "1000.00", 2161);
}

/* 1 min 01 s counts 2 minutes; 60 s counts 0. */
static void test_minute_rule(void **st)
{
	struct sr_minute_rule r = {60, 1, SR_ROUND_UP, 0, 0};
	struct sr_minute_rule ace = {0, 1, SR_ROUND_UP, 5, 0};
	struct sr_minute_rule down = {60, 0, SR_ROUND_DOWN, 0, 0};

	(void)st;
	assert_int_equal(sr_count_piece(&r, 60), 0);
	assert_int_equal(sr_count_piece(&r, 61), 2);
	assert_int_equal(sr_count_piece(&r, 59), 0);
	assert_int_equal(sr_count_piece(&r, 120), 2);
	assert_int_equal(sr_count_piece(&r, 121), 3);
	assert_int_equal(sr_count_piece(&ace, 360), 1);   /* a 6-minute fault counts 1 */
	assert_int_equal(sr_count_piece(&down, 60), 1);
	assert_int_equal(sr_count_piece(&down, 119), 1);
	assert_int_equal(sr_count_piece(&down, 59), 0);
	one_cvm_outage("2026-11-03T10:00:00+08:00", "2026-11-03T10:01:00+08:00", "100.0000",
		       "met", "0.00", 0);
	one_cvm_outage("2026-11-03T10:00:00+08:00", "2026-11-03T10:01:01+08:00", "99.9953",
		       "met", "0.00", 2);
}

/* Clipping to the month, overlap merging, exclusions by cause, open events. */
static void test_clip_merge_exclude(void **st)
{
	struct month m;
	const struct sr_metric_result *r;

	(void)st;
	month_load(&m, 2026, 10, ACCOUNTS_HDR ACC,
		   RESOURCES_HDR "c1,cvm,ins-1,ap-guangzhou,gz-3,,,310.00,\n",
		   OUTAGES_HDR
		   /* crosses into October: 10 minutes count */
		   "e1,c1,cvm,ins-1,,2026-09-30T23:50:00+08:00,2026-10-01T00:10:00+08:00,provider,,\n"
		   /* two overlapping events merge to 10:00-10:30 (30 min) */
		   "e2,c1,cvm,ins-1,instance,2026-10-05T02:00:00Z,2026-10-05T02:20:00Z,provider,,\n"
		   "e3,c1,cvm,ins-1,,2026-10-05 10:15,2026-10-05 10:30,provider,,\n"
		   /* maintenance removes 10:10-10:20: pieces 10 + 10 minutes */
		   "x1,c1,cvm,ins-1,,2026-10-05T10:10:00+08:00,2026-10-05T10:20:00+08:00,maintenance,,\n"
		   /* in Z but November in +08:00: not counted in October */
		   "e4,c1,cvm,ins-1,,2026-10-31T16:30:00Z,2026-10-31T17:00:00Z,provider,,\n"
		   /* open event: counted to the end of the month = 30 min */
		   "e5,c1,cvm,ins-1,,2026-10-31T23:30:00+08:00,,provider,,\n"
		   /* customer-caused: not counted */
		   "e6,c1,cvm,ins-1,,2026-10-07T10:00:00+08:00,2026-10-07T11:00:00+08:00,customer,,\n",
		   NULL);
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, "instance");
	assert_int_equal(r->service_minutes, 44640);
	assert_int_equal(r->nincidents, 3);
	assert_int_equal(r->incidents[1].nevents, 2);
	assert_int_equal(r->incidents[1].npieces, 2);
	assert_int_equal(r->unavailable, 10 + 20 + 30);
	assert_int_equal(r->excluded_seconds, 600);
	assert_true(m.c.r[0].has_open_event);
	assert_pct(r->availability, "99.8655");
	assert_string_equal(sr_band_text(r), "[99,99.975)");
	assert_int_equal(r->voucher, 3100);
	month_free(&m);
}

/* Cutting an exclusion out of an incident never adds minutes; failed requests
 * under an exclusion are not compensated (pro-rated to the counted part). */
static void test_exclusion_never_adds(void **st)
{
	struct month m;
	const struct sr_metric_result *r;

	(void)st;
	month_load(&m, 2026, 11, ACCOUNTS_HDR ACC,
		   RESOURCES_HDR "c1,captcha,cap-1,,,,,800.00,\n",
		   OUTAGES_HDR
		   /* 3 minutes with 1 s excluded in the middle: 89.5 s + 89.5 s pieces would
		    * round to 2 + 2; the incident counts at most its whole 3 */
		   "e1,c1,captcha,cap-1,,2026-11-02T10:00:00,2026-11-02T10:03:00,provider,100,\n"
		   "x1,c1,captcha,cap-1,,2026-11-02T10:01:29,2026-11-02T10:01:30,customer,,\n"
		   /* 20 minutes, 15 of them announced maintenance: 1000 x 5/20 failed count */
		   "e2,c1,captcha,cap-1,,2026-11-03T09:00:00,2026-11-03T09:20:00,provider,1000,\n"
		   "x2,c1,captcha,cap-1,,2026-11-03T09:00:00,2026-11-03T09:15:00,maintenance,,\n",
		   NULL);
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, "availability");
	assert_int_equal(r->incidents[0].npieces, 2);
	assert_int_equal(r->incidents[0].counted, 3);
	assert_true(r->incidents[0].capped);
	assert_int_equal(r->unavailable, 3 + 5);
	assert_int_equal(r->failed_in_events, 99 + 250);   /* 100 x 179/180 floored */
	assert_int_equal(r->units, 3490);
	month_free(&m);
}

/* An account group builds its incidents from the members' events, as one
 * resource does: cutting out an exclusion still never adds minutes, and the
 * merge gap is measured between outages, not between the pieces left over. */
static void test_group_incidents_from_events(void **st)
{
	struct month m;
	const struct sr_metric_result *r;

	(void)st;
	/* captcha account with two apps: 3 minutes with 1 s excluded count 3, not 2 + 2 */
	month_load(&m, 2026, 11, ACCOUNTS_HDR ACC,
		   RESOURCES_HDR "c1,captcha,cap-1,,,,,800.00,\n"
		   "c1,captcha,cap-2,,,,,800.00,\n",
		   OUTAGES_HDR
		   "e1,c1,captcha,cap-1,,2026-11-02T10:00:00,2026-11-02T10:03:00,provider,,\n"
		   "x1,c1,captcha,cap-1,,2026-11-02T10:01:30,2026-11-02T10:01:31,maintenance,,\n"
		   /* cap-1 excused 11:00-11:30 but cap-2 down 11:10-11:20 on its own:
		    * the account is down 11:10-11:20 and 11:30-12:00, 40 minutes */
		   "e2,c1,captcha,cap-1,,2026-11-02T11:00:00,2026-11-02T12:00:00,provider,,\n"
		   "x2,c1,captcha,cap-1,,2026-11-02T11:00:00,2026-11-02T11:30:00,maintenance,,\n"
		   "e3,c1,captcha,cap-2,,2026-11-02T11:10:00,2026-11-02T11:20:00,provider,,\n",
		   NULL);
	month_compute(&m, 0);
	assert_int_equal(m.c.nr, 1);
	r = metric_of(&m.c, 0, "availability");
	assert_int_equal(r->nincidents, 2);
	assert_int_equal(r->incidents[0].counted, 3);
	assert_int_equal(r->incidents[1].counted, 40);
	assert_int_equal(r->unavailable, 43);
	assert_int_equal(r->excluded_seconds, 1 + 30 * 60);
	month_free(&m);
	/* failed requests: cap-1's 600 over 11:00-12:00 count only for its own
	 * unexcused half hour (300), though cap-2 was down at 11:10-11:20 */
	month_load(&m, 2026, 11, ACCOUNTS_HDR ACC,
		   RESOURCES_HDR "c1,captcha,cap-1,,,,,800.00,\n"
		   "c1,captcha,cap-2,,,,,800.00,\n",
		   OUTAGES_HDR
		   "e2,c1,captcha,cap-1,,2026-11-02T11:00:00,2026-11-02T12:00:00,provider,600,\n"
		   "x2,c1,captcha,cap-1,,2026-11-02T11:00:00,2026-11-02T11:30:00,maintenance,,\n"
		   "e3,c1,captcha,cap-2,,2026-11-02T11:10:00,2026-11-02T11:20:00,provider,50,\n",
		   NULL);
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, "availability");
	assert_int_equal(r->unavailable, 40);
	assert_int_equal(r->failed_in_events, 300 + 50);
	assert_int_equal(r->units, 3500);
	month_free(&m);
	/* codesign account (30-minute merge gap; outages over 5 minutes add up):
	 * 09:00-11:33 with 10:58-11:28 excused is one outage of 123 minutes,
	 * band (120, 600], 25 % of the group's 200.00 */
	month_load(&m, 2026, 11, ACCOUNTS_HDR ACC,
		   RESOURCES_HDR "c1,codesign,cs-1,,,,,100.00,\n"
		   "c1,codesign,cs-2,,,,,100.00,\n",
		   OUTAGES_HDR
		   "e1,c1,codesign,cs-1,,2026-11-05T09:00:00,2026-11-05T11:33:00,provider,,\n"
		   "x1,c1,codesign,cs-1,,2026-11-05T10:58:00,2026-11-05T11:28:00,maintenance,,\n",
		   NULL);
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, sr_catalog_primary(m.c.r[0].cat)->id);
	assert_int_equal(r->nincidents, 1);
	assert_int_equal(r->unavailable, 123);
	assert_string_equal(sr_band_text(r), "(120,600]");
	assert_int_equal(r->voucher, 5000);
	month_free(&m);
}

/* A month-long outage cut by short exclusions never shows more unavailable
 * minutes than the month has. */
static void test_unavailable_capped_at_service(void **st)
{
	struct month m;
	const struct sr_metric_result *r;

	(void)st;
	month_load(&m, 2026, 11, ACCOUNTS_HDR ACC, CVM_NOV,
		   OUTAGES_HDR "e1,c1,cvm,ins-1,,2026-11-01T00:00:00,2026-12-01T00:00:00,provider,,\n"
		   "x1,c1,cvm,ins-1,,2026-11-10T00:00:10,2026-11-10T00:00:57,customer,,\n",
		   NULL);
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, "instance");
	assert_int_equal(r->unavailable, 43200);
	assert_pct(r->availability, "0.0000");
	assert_int_equal(r->voucher, 100000);
	month_free(&m);
}

/* Partial months: days in service counted whole. */
static void test_partial_month(void **st)
{
	struct month m;
	const struct sr_metric_result *r;

	(void)st;
	month_load(&m, 2026, 10, ACCOUNTS_HDR ACC,
		   RESOURCES_HDR "c1,cvm,ins-1,ap-guangzhou,gz-3,2026-10-17T15:20:00+08:00,,150.00,\n"
		   "c1,cvm,ins-2,ap-guangzhou,gz-3,,2026-10-09T08:00:00+08:00,90.00,\n"
		   "c1,cvm,ins-3,ap-guangzhou,gz-3,2026-11-02T00:00:00+08:00,,10.00,\n",
		   OUTAGES_HDR
		   "e1,c1,cvm,ins-1,,2026-10-17T10:00:00+08:00,2026-10-17T16:00:00+08:00,provider,,\n",
		   NULL);
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, "instance");
	assert_int_equal(r->service_minutes, 15 * 1440);      /* 17..31 */
	assert_int_equal(r->unavailable, 40);                 /* from 15:20 only */
	assert_int_equal(metric_of(&m.c, 1, "instance")->service_minutes, 9 * 1440);
	assert_int_equal(metric_of(&m.c, 2, "instance")->status, SR_NOT_APPLICABLE);
	month_free(&m);
}

/* Multi-AZ: 99.995 % allows 2.16 minutes in 30 days; the higher compensation
 * of the two metrics is paid. */
static void test_cvm_multi_az_higher_of(void **st)
{
	struct month m;
	const struct sr_metric_result *inst, *maz;

	(void)st;
	month_load(&m, 2026, 11, ACCOUNTS_HDR ACC,
		   RESOURCES_HDR "c1,cvm,a1,ap-shanghai,sh-1,,,200.00,\n"
		   "c1,cvm,b1,ap-shanghai,sh-2,,,300.00,\n"
		   "c1,cvm,b2,ap-shanghai,sh-2,,,300.00,\n",
		   OUTAGES_HDR
		   /* a1 down 10:00-10:20; zone sh-2 entirely down 10:05-10:08 only */
		   "e1,c1,cvm,a1,,2026-11-10T10:00:00,2026-11-10T10:20:00,provider,,\n"
		   "e2,c1,cvm,b1,,2026-11-10T10:05:00,2026-11-10T10:30:00,provider,,\n"
		   "e3,c1,cvm,b2,,2026-11-10T09:00:00,2026-11-10T10:08:00,provider,,\n",
		   NULL);
	month_compute(&m, 0);
	inst = metric_of(&m.c, 0, "instance");
	maz = metric_of(&m.c, 0, "multi-az");
	assert_int_equal(inst->unavailable, 20);
	assert_string_equal(sr_band_text(inst), "[99,99.975)");
	assert_int_equal(maz->unavailable, 3);
	assert_pct(maz->availability, "99.9930");
	assert_string_equal(sr_band_text(maz), "[99,99.995)");
	/* both 10 %: the first (instance) is applied, 20.00 paid once */
	assert_true(inst->applied);
	assert_false(maz->applied);
	assert_int_equal(m.c.r[0].voucher, 2000);
	/* b1: down with a1's zone (sh-1 has only a1) 10:05-10:20 = 15 min */
	assert_int_equal(metric_of(&m.c, 1, "multi-az")->unavailable, 15);
	month_free(&m);
}

static void test_multi_az_not_applicable(void **st)
{
	struct month m;

	(void)st;
	month_load(&m, 2026, 11, ACCOUNTS_HDR ACC, CVM_NOV, OUTAGES_HDR, NULL);
	month_compute(&m, 0);
	assert_int_equal(metric_of(&m.c, 0, "multi-az")->status, SR_NOT_APPLICABLE);
	assert_string_equal(sr_band_text(metric_of(&m.c, 0, "multi-az")), "n/a");
	month_free(&m);
}

/* SMS (seed 002 / 001): 1 − failed / valid; 95 % met, [90,95) 10 %, < 90 30 %
 * of the fee in messages at the list price. */
static void sms_case(const char *total, const char *failed, const char *band, long units)
{
	struct month m;
	char usage[256];
	const struct sr_metric_result *r;

	snprintf(usage, sizeof usage, USAGE_HDR "c1,sms,app-1,,,%s,%s\n", total, failed);
	month_load(&m, 2026, 10, ACCOUNTS_HDR ACC,
		   RESOURCES_HDR "c1,sms,app-1,,,,,450.00,0.045\n", OUTAGES_HDR, usage);
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, sr_catalog_primary(m.c.r[0].cat)->id);
	assert_string_equal(sr_band_text(r), band);
	assert_int_equal(r->units, units);
	month_free(&m);
}

static void test_sms(void **st)
{
	(void)st;
	sms_case("100000", "5000", "met", 0);                 /* exactly 95 % */
	sms_case("100000", "5001", "[90,95)", 1000);          /* 10 % of 450 / 0.045 */
	sms_case("100000", "10000", "[90,95)", 1000);         /* exactly 90 % */
	sms_case("100000", "10001", "[0,90)", 3000);          /* 30 % */
}

/* SMS's liability cap, the fees paid (seed 001 lines 44200-44202), also holds
 * service units: 30 % of 450.00 is 3000 units, 90.00 paid buys 2000. */
static void test_sms_fees_paid_cap(void **st)
{
	struct month m;
	const struct sr_metric_result *r;

	(void)st;
	month_load(&m, 2026, 10, ACCOUNTS_HDR ACC,
		   "customer_id,product,resource_id,region,zone,service_start,service_end,"
		   "monthly_fee,unit_price,fees_paid\nc1,sms,app-1,,,,,450.00,0.045,90.00\n",
		   OUTAGES_HDR, USAGE_HDR "c1,sms,app-1,,,100000,10001\n");
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, sr_catalog_primary(m.c.r[0].cat)->id);
	assert_int_equal(r->units, 2000);
	assert_true(r->capped);
	month_free(&m);
}

/* Captcha (seed 000): a failed minute is unavailable; failed requests in fault
 * events × 10 as request units when below 99.99 %. */
static void test_captcha(void **st)
{
	struct month m;
	const struct sr_metric_result *r;

	(void)st;
	month_load(&m, 2026, 11, ACCOUNTS_HDR ACC,
		   RESOURCES_HDR "c1,captcha,cap-1,,,,,800.00,\n",
		   OUTAGES_HDR
		   "e1,c1,captcha,cap-1,,2026-11-02T10:00:00,2026-11-02T10:03:00,provider,7,\n"
		   "e2,c1,captcha,cap-1,,2026-11-02T12:00:00,2026-11-02T12:02:00,provider,3,\n",
		   NULL);
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, sr_catalog_primary(m.c.r[0].cat)->id);
	assert_int_equal(r->unavailable, 5);                  /* 43195/43200 < 99.99 % */
	assert_int_equal(r->units, (7 + 3) * 10);
	assert_int_equal(m.c.units_total, 100);
	month_free(&m);
	/* 4 minutes = 99.9907 %: objective met, nothing owed */
	month_load(&m, 2026, 11, ACCOUNTS_HDR ACC,
		   RESOURCES_HDR "c1,captcha,cap-1,,,,,800.00,\n",
		   OUTAGES_HDR
		   "e1,c1,captcha,cap-1,,2026-11-02T10:00:00,2026-11-02T10:04:00,provider,9,\n",
		   NULL);
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, sr_catalog_primary(m.c.r[0].cat)->id);
	assert_string_equal(sr_band_text(r), "met");
	assert_int_equal(r->units, 0);
	month_free(&m);
}

/* Captcha's liability cap, the annual fee (seed 000 lines 180-182), holds the
 * request units to what the fee buys at the row's unit price; without a unit
 * price a request has no value and the cap cannot bind. */
static void test_captcha_annual_fee_cap(void **st)
{
	struct month m;
	const struct sr_metric_result *r;
	static const char *const hdr =
		"customer_id,product,resource_id,region,zone,service_start,service_end,"
		"monthly_fee,unit_price,annual_fee\n";
	char res[512];
	static const char *const outages = OUTAGES_HDR
		"e1,c1,captcha,cap-1,,2026-11-02T10:00:00,2026-11-02T10:03:00,provider,7,\n"
		"e2,c1,captcha,cap-1,,2026-11-02T12:00:00,2026-11-02T12:02:00,provider,3,\n";

	(void)st;
	/* 100 units owed; 0.50 a year at 0.01 a request buys 50 */
	snprintf(res, sizeof res, "%sc1,captcha,cap-1,,,,,800.00,0.01,0.50\n", hdr);
	month_load(&m, 2026, 11, ACCOUNTS_HDR ACC, res, outages, NULL);
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, "availability");
	assert_int_equal(r->units, 50);
	assert_true(r->capped);
	month_free(&m);
	/* 0.0075 a request: 0.50 buys 66 */
	snprintf(res, sizeof res, "%sc1,captcha,cap-1,,,,,800.00,0.0075,0.50\n", hdr);
	month_load(&m, 2026, 11, ACCOUNTS_HDR ACC, res, outages, NULL);
	month_compute(&m, 0);
	assert_int_equal(metric_of(&m.c, 0, "availability")->units, 66);
	month_free(&m);
	/* no unit price: the full 100 */
	snprintf(res, sizeof res, "%sc1,captcha,cap-1,,,,,800.00,,0.50\n", hdr);
	month_load(&m, 2026, 11, ACCOUNTS_HDR ACC, res, outages, NULL);
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, "availability");
	assert_int_equal(r->units, 100);
	assert_false(r->capped);
	month_free(&m);
}

/* TI-ONE (seed 002 lines 35808-35814) sets no rounding: a started minute counts
 * (customer's favour).  November: 43200 min, 99.9 % allows 43.2. */
static void tione_case(const char *end, long minutes, const char *band, sr_money voucher)
{
	struct month m;
	char outages[256];
	const struct sr_metric_result *r;

	snprintf(outages, sizeof outages, OUTAGES_HDR
		 "e1,c1,tione,job-1,,2026-11-05T10:00:00,%s,provider,,\n", end);
	month_load(&m, 2026, 11, ACCOUNTS_HDR ACC, RESOURCES_HDR "c1,tione,job-1,,,,,1000.00,\n",
		   outages, NULL);
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, "availability");
	assert_int_equal(r->unavailable, minutes);
	assert_string_equal(sr_band_text(r), band);
	assert_int_equal(r->voucher, voucher);
	month_free(&m);
}

static void test_tione_rounds_up(void **st)
{
	(void)st;
	tione_case("2026-11-05T10:04:59", 0, "met", 0);         /* 5 minutes or less: ignored */
	tione_case("2026-11-05T10:05:00", 5, "met", 0);
	tione_case("2026-11-05T10:05:01", 6, "met", 0);
	tione_case("2026-11-05T10:43:00", 43, "met", 0);        /* 99.9004 % */
	tione_case("2026-11-05T10:43:01", 44, "[95,99.9)", 10000); /* 99.8981 % */
}

/* Chat (seed 003): 99 > Av >= 95 -> 10 %; 95 > Av >= 90 -> 20 %; 90 > Av -> 30 %. */
static void chat_case(const char *end, const char *band, sr_money voucher)
{
	struct month m;
	char outages[256];
	const struct sr_metric_result *r;

	snprintf(outages, sizeof outages, OUTAGES_HDR
		 "e1,c1,chat,app-9,,2026-11-05T00:00:00,%s,provider,,\n", end);
	month_load(&m, 2026, 11, ACCOUNTS_HDR "c1,Acme,ops@acme.test,en,USD\n",
		   RESOURCES_HDR "c1,chat,app-9,,,,,99.99,\n", outages, NULL);
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, sr_catalog_primary(m.c.r[0].cat)->id);
	assert_string_equal(sr_band_text(r), band);
	assert_int_equal(r->voucher, voucher);
	month_free(&m);
}

static void test_chat(void **st)
{
	(void)st;
	chat_case("2026-11-05T07:12:00", "met", 0);            /* 432 min = exactly 99 % */
	chat_case("2026-11-05T07:13:00", "[95,99)", 1000);     /* 10 % of 99.99 = 9.999 -> 10.00 */
	chat_case("2026-11-06T12:00:00", "[95,99)", 1000);     /* exactly 95 % */
	chat_case("2026-11-06T12:01:00", "[90,95)", 2000);     /* 19.998 -> 20.00 */
	chat_case("2026-11-08T00:01:00", "[0,90)", 3000);      /* 29.997 -> 30.00 */
}

/* IM (seed 001, 2025): objective 99.99 % but the first band starts at 99.9. */
static void test_im_gap(void **st)
{
	struct month m;
	const struct sr_metric_result *r;

	(void)st;
	month_load(&m, 2026, 11, ACCOUNTS_HDR ACC,
		   RESOURCES_HDR "c1,im,im-1,,,,,500.00,\n",
		   OUTAGES_HDR "e1,c1,im,im-1,,2026-11-05T00:00:00,2026-11-05T00:30:00,provider,,\n",
		   NULL);
	month_compute(&m, 0);
	r = metric_of(&m.c, 0, sr_catalog_primary(m.c.r[0].cat)->id);
	assert_int_equal(r->status, SR_GAP);
	assert_string_equal(sr_band_text(r), "gap");
	assert_int_equal(r->voucher, 0);
	assert_int_equal(m.c.breaches, 1);
	assert_false(m.c.has_claim);
	month_free(&m);
}

/* The claim window of SPEC §3.7: period 2026-11 opens 2026-12-08, closes
 * 2027-01-29; "within two months" closes 2027-01-31. */
static void test_claim_window(void **st)
{
	struct month m;
	char o[16], c[16];

	(void)st;
	month_load(&m, 2026, 11, ACCOUNTS_HDR ACC, CVM_NOV,
		   OUTAGES_HDR "e1,c1,cvm,ins-1,,2026-11-03T00:00:00,2026-11-03T01:00:00,provider,,\n",
		   NULL);
	month_compute(&m, 0);
	assert_true(m.c.has_claim);
	sr_format_date(m.c.claim_opens, o, sizeof o);
	sr_format_date(m.c.claim_closes, c, sizeof c);
	assert_string_equal(o, "2026-12-08");
	assert_string_equal(c, "2027-01-29");
	month_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cvm_objective_edge),
		cmocka_unit_test(test_cvm_band_edges),
		cmocka_unit_test(test_minute_rule),
		cmocka_unit_test(test_clip_merge_exclude),
		cmocka_unit_test(test_partial_month),
		cmocka_unit_test(test_exclusion_never_adds),
		cmocka_unit_test(test_group_incidents_from_events),
		cmocka_unit_test(test_unavailable_capped_at_service),
		cmocka_unit_test(test_cvm_multi_az_higher_of),
		cmocka_unit_test(test_multi_az_not_applicable),
		cmocka_unit_test(test_sms),
		cmocka_unit_test(test_sms_fees_paid_cap),
		cmocka_unit_test(test_captcha),
		cmocka_unit_test(test_tione_rounds_up),
		cmocka_unit_test(test_captcha_annual_fee_cap),
		cmocka_unit_test(test_chat),
		cmocka_unit_test(test_im_gap),
		cmocka_unit_test(test_claim_window),
	};

	return cmocka_run_group_tests_name("engine", tests, NULL, NULL);
}
