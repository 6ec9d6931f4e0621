/* The report model: what a customer's report says, in both locales, without a
 * PDF. */
#include "harness.h"
#include "report.h"

static struct sr_tpl load_tpl(const char *lang)
{
	struct sr_tpl t;
	struct sr_err e;
	char dir[1024];

	snprintf(dir, sizeof dir, "%s/templates", root_dir());
	assert_int_equal(sr_tpl_load(dir, lang, &t, &e), 0);
	return t;
}

static void test_templates_same_keys(void **st)
{
	struct sr_tpl en = load_tpl("en"), zh = load_tpl("zh-CN");

	(void)st;
	assert_true(en.n > 40);
	assert_int_equal(en.n, zh.n);
	for (size_t i = 0; i < en.n; i++)
		if (sr_tpl_raw(&zh, en.kv[i].key) == NULL)
			fail_msg("zh-CN.txt lacks key %s", en.kv[i].key);
	sr_tpl_free(&en);
	sr_tpl_free(&zh);
}

static void test_locale_formats(void **st)
{
	char b[64];
	struct sr_tpl en = load_tpl("en"), zh = load_tpl("zh-CN");

	(void)st;
	sr_loc_money("zh-CN", 123456, 2, "CNY", b, sizeof b);
	assert_string_equal(b, "¥1,234.56");
	sr_loc_money("en", 123456, 2, "CNY", b, sizeof b);
	assert_string_equal(b, "CNY 1,234.56");
	sr_loc_money("zh-CN", 5, 2, "USD", b, sizeof b);
	assert_string_equal(b, "USD 0.05");
	sr_loc_money("en", 1234567, 0, "JPY", b, sizeof b);
	assert_string_equal(b, "JPY 1,234,567");
	sr_loc_date("zh-CN", sr_days_from_civil(2026, 12, 8), b, sizeof b);
	assert_string_equal(b, "2026年12月8日");
	sr_loc_date("en", sr_days_from_civil(2026, 12, 8), b, sizeof b);
	assert_string_equal(b, "8 Dec 2026");
	sr_loc_pct("en", (struct sr_ratio){43189, 43200}, b, sizeof b);
	assert_string_equal(b, "99.9745 %");
	sr_loc_int(-1234567, b, sizeof b);
	assert_string_equal(b, "-1,234,567");
	sr_tpl_fmt(&en, b, sizeof b, "summary.total_units", "amount", "12", "unit", "SMS", NULL);
	assert_string_equal(b, "Service units owed: 12 SMS");
	sr_tpl_fmt(&en, b, sizeof b, "no.such.key", NULL);
	assert_string_equal(b, "[no.such.key]");
	/* a text cut to fit a buffer ends between characters: "达标" (6 bytes) in 6 */
	sr_tpl_fmt(&zh, b, 6, "band.met", NULL);
	assert_string_equal(b, "达");
	sr_tpl_fmt(&zh, b, 7, "band.met", NULL);
	assert_string_equal(b, "达标");
	snprintf(b, sizeof b, "ab\xe4\xb8");
	sr_utf8_trim(b);
	assert_string_equal(b, "ab");
	snprintf(b, sizeof b, "ab\xf0\x9f\x98\x80");
	sr_utf8_trim(b);
	assert_string_equal(b, "ab\xf0\x9f\x98\x80");
	sr_tpl_free(&en);
	sr_tpl_free(&zh);
}

static const struct sr_rpt_run RUN = {"2026-11", "1a2b3c4d", "5e6f7a8b", "0.1.0"};

/* A breach: the summary names the amount and the claim window; the product
 * shows its objectives, rows, chart and incident detail. */
static void test_breach_report(void **st)
{
	struct month m;
	struct sr_tpl zh = load_tpl("zh-CN"), en = load_tpl("en");
	struct sr_report r;
	struct sr_err e;

	(void)st;
	month_load(&m, 2026, 11, ACCOUNTS_HDR "c1,华夏物流,ops@hx.test,zh-CN,CNY\n",
		   RESOURCES_HDR "c1,cvm,ins-1,ap-guangzhou,gz-3,,,1000.00,\n",
		   OUTAGES_HDR
		   "e1,c1,cvm,ins-1,,2026-11-03T10:00:00,2026-11-03T10:30:00,provider,,\n"
		   "x1,c1,cvm,ins-1,,2026-11-03T10:10:00,2026-11-03T10:15:00,maintenance,,\n",
		   NULL);
	month_compute(&m, 0);
	assert_int_equal(sr_report_build(&m.c, &m.x, &zh, &RUN, &r, &e), 0);
	assert_string_equal(r.report_id, "SR-202611-c1");
	assert_string_equal(r.customer, "客户：华夏物流（c1）");
	assert_string_equal(r.period, "服务月度：2026年11月");
	/* the title block names the issuer with its label, the metadata without */
	assert_string_equal(r.provider, "出具方：Tencent Cloud");
	assert_string_equal(r.doc_author, "Tencent Cloud");
	assert_false(r.all_met);
	assert_string_equal(r.summary[0], "2026年11月 共有 1 个资源（共 1 个）未达到服务可用性标准。");
	assert_string_equal(r.summary[2], "应赔代金券：¥100.00");
	assert_string_equal(r.summary[3], "赔偿申请期：2026年12月8日 至 2027年1月29日（含）");
	assert_int_equal(r.nproducts, 1);
	assert_string_equal(r.products[0].heading, "云服务器服务等级协议");
	assert_string_equal(r.products[0].objectives[0], "承诺标准（单实例服务可用性）：99.975%");
	/* the multi-AZ metric does not apply and is not primary: one row */
	assert_int_equal(r.products[0].nrows, 1);
	assert_string_equal(r.products[0].rows[0].unavailable, "25");
	assert_string_equal(r.products[0].rows[0].availability, "99.9421%");
	assert_string_equal(r.products[0].rows[0].band, "[99,99.975)");
	assert_string_equal(r.products[0].rows[0].compensation, "¥100.00");
	assert_true(r.products[0].rows[0].below);
	assert_true(r.products[0].has_chart);
	assert_int_equal(r.products[0].allowance, 10);   /* 43200 × 0.025 % = 10.8 */
	assert_int_equal(r.products[0].per_day[2], 25);
	assert_int_equal(r.products[0].nincidents, 1);
	assert_string_equal(r.products[0].incidents[0].line,
			    "2026-11-03 10:00:00 至 2026-11-03 10:30:00：持续 30 分 00 秒，计 25 分钟");
	assert_int_equal(r.products[0].incidents[0].nexcluded, 1);
	assert_non_null(strstr(r.products[0].incidents[0].excluded[0], "免责时段 2026-11-03 10:10:00"));
	assert_true(r.products[0].nnotes > 0);
	assert_non_null(strstr(r.footer, "{page}"));
	assert_non_null(strstr(r.footer, "SR-202611-c1"));
	sr_report_free(&r);
	/* the same in English */
	assert_int_equal(sr_report_build(&m.c, &m.x, &en, &RUN, &r, &e), 0);
	assert_string_equal(r.summary[2], "Vouchers owed: CNY 100.00");
	assert_string_equal(r.summary[3], "Claim window: from 8 Dec 2026 to 29 Jan 2027 (inclusive)");
	assert_string_equal(r.products[0].heading, "Cloud Virtual Machine Service Level Agreement");
	assert_string_equal(r.products[0].rows[0].availability, "99.9421 %");
	assert_string_equal(r.products[0].incidents[0].line,
			    "2026-11-03 10:00:00 to 2026-11-03 10:30:00: 30 min 00 s, counted 25 min");
	sr_report_free(&r);
	month_free(&m);
	/* a metric title longer than 63 bytes arrives whole (it was once cut inside
	 * the last character) */
	month_load(&m, 2026, 11, ACCOUNTS_HDR "c1,华夏物流,ops@hx.test,zh-CN,CNY\n",
		   RESOURCES_HDR "c1,captcha,app-1,,,,,300.00,\n",
		   OUTAGES_HDR "e1,c1,captcha,app-1,,2026-11-03T10:00:00,2026-11-03T11:02:03,provider,5,\n",
		   NULL);
	month_compute(&m, 0);
	assert_int_equal(sr_report_build(&m.c, &m.x, &zh, &RUN, &r, &e), 0);
	assert_string_equal(r.products[0].rows[0].metric,
			    "服务可用性（错误率大于 0.01% 的分钟为不可用）");
	assert_non_null(strstr(r.products[0].incidents[0].line, "持续 1 小时 02 分 03 秒"));
	sr_report_free(&r);
	month_free(&m);
	/* a count metric shows its count, and an unbounded band reads "> 5" */
	month_load(&m, 2026, 11, ACCOUNTS_HDR "c1,华夏物流,ops@hx.test,zh-CN,CNY\n",
		   RESOURCES_HDR "c1,exposure-mgmt,ex-1,,,,,8000.00,\n",
		   OUTAGES_HDR
		   "t1,c1,exposure-mgmt,ex-1,,2026-11-03T10:00:00,2026-11-03T10:00:00,provider,,\n"
		   "t2,c1,exposure-mgmt,ex-1,,2026-11-04T10:00:00,2026-11-04T10:00:00,provider,,\n"
		   "t3,c1,exposure-mgmt,ex-1,,2026-11-05T10:00:00,2026-11-05T10:00:00,provider,,\n"
		   "t4,c1,exposure-mgmt,ex-1,,2026-11-06T10:00:00,2026-11-06T10:00:00,provider,,\n"
		   "t5,c1,exposure-mgmt,ex-1,,2026-11-09T10:00:00,2026-11-09T10:00:00,provider,,\n"
		   "t6,c1,exposure-mgmt,ex-1,,2026-11-10T10:00:00,2026-11-10T10:00:00,provider,,\n",
		   NULL);
	month_compute(&m, 0);
	assert_int_equal(sr_report_build(&m.c, &m.x, &zh, &RUN, &r, &e), 0);
	assert_string_equal(r.products[0].rows[0].availability, "6 次");
	assert_string_equal(r.products[0].rows[0].band, "> 5");
	assert_string_equal(r.products[0].rows[0].compensation, "¥800.00");
	sr_report_free(&r);
	assert_int_equal(sr_report_build(&m.c, &m.x, &en, &RUN, &r, &e), 0);
	assert_string_equal(r.products[0].rows[0].availability, "6 times");
	sr_report_free(&r);
	month_free(&m);
	sr_tpl_free(&zh);
	sr_tpl_free(&en);
}

/* Long catalog texts reach the report whole: the 1031-byte commitment of
 * 安全保障 ends "提交报告。", a 588-byte cause of 应用云渲染 "涉黄等）". */
static void test_long_catalog_texts_whole(void **st)
{
	struct month m;
	struct sr_tpl zh = load_tpl("zh-CN");
	struct sr_report r;
	struct sr_err e;
	int found = 0;

	(void)st;
	month_load(&m, 2026, 11, ACCOUNTS_HDR "c1,华夏物流,ops@hx.test,zh-CN,CNY\n",
		   RESOURCES_HDR "c1,security-assurance,sa-1,,,,,1000.00,\n", OUTAGES_HDR, NULL);
	month_compute(&m, 0);
	assert_int_equal(sr_report_build(&m.c, &m.x, &zh, &RUN, &r, &e), 0);
	assert_int_equal(r.nproducts, 1);
	for (size_t i = 0; i < r.products[0].ncommitments; i++) {
		const char *c = r.products[0].commitments[i];
		size_t n = strlen(c), k = strlen("1 个自然日内提交报告。");
		found |= n > 1031 && strcmp(c + n - k, "1 个自然日内提交报告。") == 0;
	}
	assert_true(found);
	sr_report_free(&r);
	month_free(&m);
	/* the 588-byte customer-cause text of 应用云渲染, whole in an excluded span */
	month_load(&m, 2026, 11, ACCOUNTS_HDR "c1,华夏物流,ops@hx.test,zh-CN,CNY\n",
		   RESOURCES_HDR "c1,car,car-1,,,,,1000.00,\n",
		   OUTAGES_HDR
		   "e1,c1,car,car-1,,2026-11-03T10:00:00,2026-11-03T20:00:00,provider,,\n"
		   "x1,c1,car,car-1,,2026-11-03T10:10:00,2026-11-03T10:15:00,customer,,\n",
		   NULL);
	month_compute(&m, 0);
	assert_int_equal(sr_report_build(&m.c, &m.x, &zh, &RUN, &r, &e), 0);
	assert_int_equal(r.products[0].nincidents, 1);
	assert_int_equal(r.products[0].incidents[0].nexcluded, 1);
	{
		const char *x = r.products[0].incidents[0].excluded[0];
		const char *tail = "涉黄等）";
		assert_true(strlen(x) > 588);
		assert_string_equal(x + strlen(x) - strlen(tail), tail);
	}
	sr_report_free(&r);
	month_free(&m);
	sr_tpl_free(&zh);
}

/* Nothing below objective: the short, friendly report. */
static void test_all_met_report(void **st)
{
	struct month m;
	struct sr_tpl en = load_tpl("en");
	struct sr_report r;
	struct sr_err e;

	(void)st;
	month_load(&m, 2026, 11, ACCOUNTS_HDR "c1,Acme,ops@acme.test,en,USD\n",
		   RESOURCES_HDR "c1,cvm,ins-1,,,,,10.00,\nc1,sms,app-1,,,,,5.00,0.05\n",
		   OUTAGES_HDR, USAGE_HDR "c1,sms,app-1,,,1000,10\n");
	month_compute(&m, 0);
	assert_int_equal(sr_report_build(&m.c, &m.x, &en, &RUN, &r, &e), 0);
	assert_true(r.all_met);
	assert_string_equal(r.summary[0], "Every commitment was met in November 2026. Nothing is "
			    "owed to you this month; thank you for using our services.");
	assert_string_equal(r.summary[2], "There is nothing to claim this month.");
	assert_int_equal(r.nproducts, 2);
	assert_int_equal(r.products[0].nincidents, 0);
	assert_int_equal(r.products[0].nnotes, 0);
	assert_string_equal(r.products[1].rows[0].band, "met");
	assert_string_equal(r.products[1].rows[0].compensation, "0 SMS");
	sr_report_free(&r);
	month_free(&m);
	sr_tpl_free(&en);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_templates_same_keys),
		cmocka_unit_test(test_locale_formats),
		cmocka_unit_test(test_breach_report),
		cmocka_unit_test(test_all_met_report),
		cmocka_unit_test(test_long_catalog_texts_whole),
	};

	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
