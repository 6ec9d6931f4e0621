/* Reading the exports: rejected rows name file, line, column and code, and
 * hold their customer; nothing is computed from them. */
#include "harness.h"

static const struct sr_reject *find_reject(const struct sr_exports *x, const char *code)
{
	for (size_t i = 0; i < x->nrejects; i++)
		if (strcmp(x->rejects[i].code, code) == 0)
			return &x->rejects[i];
	for (size_t i = 0; i < x->nrejects; i++)
		print_message("reject: %s:%ld [%s] %s %s\n", x->rejects[i].file,
			      x->rejects[i].line, x->rejects[i].column, x->rejects[i].code,
			      x->rejects[i].message);
	fail_msg("no reject with code %s", code);
	return NULL;
}

/* An unknown id that differs from accounts only in spaces or case holds every
 * such account (two here), and no other. */
static void test_near_customer_ids(void **st)
{
	struct month m;

	(void)st;
	month_load(&m, 2026, 10,
		   ACCOUNTS_HDR "Beta-Inc,Beta 1,a@b.test,en,CNY\n"
		   "beta-inc,Beta 2,b@b.test,en,CNY\n"
		   "gamma,Gamma,g@g.test,en,CNY\n",
		   RESOURCES_HDR "beta-inc,cvm,b1,ap-beijing,bj-1,,,100.00,\n"
		   "gamma,cvm,g1,ap-beijing,bj-1,,,100.00,\n",
		   OUTAGES_HDR "e1,BETA-INC,cvm,b1,,2026-10-02T10:00:00+08:00,"
		   "2026-10-02T10:05:00+08:00,provider,,\n",
		   NULL);
	assert_int_equal(m.read_rc, 0);
	assert_int_equal(find_reject(&m.x, "unknown-customer")->line, 2);
	assert_non_null(strstr(sr_exports_hold(&m.x, "Beta-Inc")->reason, "near-customer-id"));
	assert_non_null(strstr(sr_exports_hold(&m.x, "beta-inc")->reason, "near-customer-id"));
	assert_non_null(sr_exports_hold(&m.x, "BETA-INC"));
	assert_null(sr_exports_hold(&m.x, "gamma"));
	month_free(&m);
}

static void test_rejects_and_holds(void **st)
{
	struct month m;
	const struct sr_reject *r;

	(void)st;
	month_load(&m, 2026, 10,
		   ACCOUNTS_HDR "good,Good Co,a@good.test,zh-CN,CNY\n"
		   "bad,Bad Co,b@bad.test,en,USD\n"
		   "bad/../x,Evil,e@evil.test,en,USD\n"
		   "yen,Yen Co,y@yen.test,,JPY\n"
		   "eur,Eur Co,e@eur.test,en,XXX\n",
		   RESOURCES_HDR "good,cvm,g1,ap-beijing,bj-1,,,100.00,\n"
		   "bad,cvm,b1,ap-beijing,bj-1,,,100.00,\n"
		   "bad,cvm,b2,ap-beijing,bj-1,,,-5.00,\n"
		   "yen,cvm,y1,ap-tokyo,tk-1,,,1000.5,\n"
		   "ghost,cvm,z1,ap-beijing,bj-1,,,1.00,\n"
		   "good,nosuch,n1,,,,,1.00,\n",
		   OUTAGES_HDR "e1,good,cvm,g1,,2026-10-02T10:00:00+08:00,2026-10-02T10:05:00+08:00,provider,,\n"
		   "e2,bad,cvm,b1,,2026-10-02T10:00:00+08:00,2026-10-02T09:05:00+08:00,provider,,\n"
		   "e3,bad,cvm,b1,,2026-10-02T10:00:00+08:00,2026-10-02T10:05:00+08:00,sunspots,,\n",
		   NULL);
	assert_int_equal(m.read_rc, 0);
	r = find_reject(&m.x, "bad-customer-id");
	assert_string_equal(r->file, "accounts.csv");
	assert_int_equal(r->line, 4);
	assert_string_equal(r->column, "customer_id");
	r = find_reject(&m.x, "unknown-currency");
	assert_int_equal(r->line, 6);
	assert_string_equal(r->column, "currency");
	r = find_reject(&m.x, "negative");
	assert_string_equal(r->file, "resources.csv");
	assert_int_equal(r->line, 4);
	assert_string_equal(r->column, "monthly_fee");
	r = find_reject(&m.x, "too-many-decimals");   /* JPY has no decimals */
	assert_int_equal(r->line, 5);
	r = find_reject(&m.x, "unknown-customer");
	assert_int_equal(r->line, 6);
	r = find_reject(&m.x, "unknown-product");
	assert_int_equal(r->line, 7);
	assert_string_equal(r->column, "product");
	r = find_reject(&m.x, "end-before-start");
	assert_string_equal(r->file, "outages.csv");
	assert_int_equal(r->line, 3);
	assert_string_equal(r->column, "end");
	r = find_reject(&m.x, "unknown-cause");
	assert_int_equal(r->line, 4);
	/* held: bad (three rows), yen, ghost, bad/../x, eur, good (unknown product) */
	assert_non_null(sr_exports_hold(&m.x, "bad"));
	assert_non_null(sr_exports_hold(&m.x, "yen"));
	assert_non_null(sr_exports_hold(&m.x, "ghost"));
	assert_false(sr_exports_hold(&m.x, "ghost")->in_accounts);
	assert_non_null(sr_exports_hold(&m.x, "bad/../x"));
	assert_non_null(sr_exports_hold(&m.x, "good"));
	assert_int_equal(sr_exports_hold(&m.x, "bad")->nreasons, 3);
	assert_false(m.x.unattributed);
	month_free(&m);
}

static void test_duplicates_and_unattributed(void **st)
{
	struct month m;

	(void)st;
	month_load(&m, 2026, 10,
		   ACCOUNTS_HDR "c1,C,c@c.test,en,CNY\nc1,C again,c@c.test,en,CNY\n",
		   RESOURCES_HDR "c1,cvm,r1,,,,,1.00,\nc1,cvm,r1,,,,,2.00,\n",
		   OUTAGES_HDR "e1,c1,cvm,r1,,2026-10-02T10:00:00Z,2026-10-02T10:05:00Z,provider,,\n"
		   "e1,c1,cvm,r1,,2026-10-03T10:00:00Z,2026-10-03T10:05:00Z,provider,,\n"
		   "e9,c1,cvm,r1,,1999-10-03T10:00:00Z,1999-10-03T10:05:00Z,provider,,\n"
		   "e8,,cvm,r1,,2026-10-03T10:00:00Z,2026-10-03T10:05:00Z,provider,,\n",
		   NULL);
	assert_string_equal(find_reject(&m.x, "duplicate-customer")->file, "accounts.csv");
	assert_int_equal(find_reject(&m.x, "duplicate-resource")->line, 3);
	assert_int_equal(find_reject(&m.x, "duplicate-event")->line, 3);
	assert_int_equal(find_reject(&m.x, "outside-period")->line, 4);
	/* a row naming no customer may belong to anyone: the run is fatal */
	assert_true(m.x.unattributed);
	month_free(&m);
}

static void test_missing_column_fatal(void **st)
{
	struct month m;

	(void)st;
	month_load(&m, 2026, 10, "customer_id,name,email,locale\nc1,C,c@c.test,en\n",
		   RESOURCES_HDR, OUTAGES_HDR, NULL);
	assert_int_equal(m.read_rc, -1);
	month_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rejects_and_holds),
		cmocka_unit_test(test_near_customer_ids),
		cmocka_unit_test(test_duplicates_and_unattributed),
		cmocka_unit_test(test_missing_column_fatal),
	};

	return cmocka_run_group_tests_name("exports", tests, NULL, NULL);
}
