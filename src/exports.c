#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include "csvread.h"
#include "exports.h"

#define EVENT_SLACK_DAYS 62  /* events this far outside the period are export errors */

int sr_valid_customer_id(const char *s)
{
	size_t n = strlen(s), dots = 0;

	if (n < 1 || n > 64)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return 0;
		dots += c == '.';
	}
	return dots < n;  /* "." and ".." are not file names we write */
}

size_t sr_exports_account(const struct sr_exports *x, const char *id)
{
	return sr_strmap_get(&x->account_ix, id);
}

const struct sr_hold *sr_exports_hold(const struct sr_exports *x, const char *id)
{
	size_t i = sr_strmap_get(&x->hold_ix, id);

	return i == (size_t)-1 ? NULL : &x->holds[i];
}

static void *grow(void *v, size_t n, size_t size)
{
	/* capacity doubles at powers of two */
	if (n == 0 || (n & (n - 1)) == 0) {
		void *nv = realloc(v, (n ? n * 2 : 16) * size);
		return nv;
	}
	return v;
}

static void hold(struct sr_exports *x, const char *cust, const char *file, long line,
		 const char *column, const char *code);

/* Records a rejected row and holds its customer ("" = unknown customer). */
static void reject(struct sr_exports *x, const char *file, long line, const char *column,
		   const char *code, const char *message, const char *customer)
{
	struct sr_reject *r;
	char cust[sizeof r->customer];

	snprintf(cust, sizeof cust, "%s", customer ? customer : "");
	if ((r = grow(x->rejects, x->nrejects, sizeof *r)) == NULL)
		goto fatal;
	x->rejects = r;
	r = &x->rejects[x->nrejects++];
	memset(r, 0, sizeof *r);
	snprintf(r->file, sizeof r->file, "%s", file);
	r->line = line;
	snprintf(r->column, sizeof r->column, "%s", column ? column : "");
	snprintf(r->code, sizeof r->code, "%s", code);
	snprintf(r->message, sizeof r->message, "%s", message);
	snprintf(r->customer, sizeof r->customer, "%s", cust);
	if (!cust[0]) {
		x->unattributed = 1;
		return;
	}
	hold(x, cust, file, line, column, code);
	return;
fatal:
	x->unattributed = 1;  /* out of memory: nothing may be published */
}

/* Holds customer cust, with the row's place and code as a reason. */
static void hold(struct sr_exports *x, const char *cust, const char *file, long line,
		 const char *column, const char *code)
{
	struct sr_hold *h;
	size_t hi;

	hi = sr_strmap_get(&x->hold_ix, cust);
	if (hi == (size_t)-1) {
		if ((h = grow(x->holds, x->nholds, sizeof *h)) == NULL)
			goto fatal;
		x->holds = h;
		hi = x->nholds++;
		h = &x->holds[hi];
		memset(h, 0, sizeof *h);
		snprintf(h->customer, sizeof h->customer, "%s", cust);
		h->in_accounts = sr_strmap_get(&x->account_ix, cust) != (size_t)-1;
		if (sr_strmap_put(&x->hold_ix, cust, hi))
			goto fatal;
	}
	h = &x->holds[hi];
	if (h->nreasons < 3) {
		size_t len = strlen(h->reason);
		snprintf(h->reason + len, sizeof h->reason - len, "%s%s line %ld%s%s: %s",
			 len ? "; " : "", file, line, column && column[0] ? " column " : "",
			 column ? column : "", code);
	} else if (h->nreasons == 3) {
		size_t len = strlen(h->reason);
		snprintf(h->reason + len, sizeof h->reason - len, "; more in rejects.csv");
	}
	h->nreasons++;
	return;
fatal:
	x->unattributed = 1;  /* out of memory: nothing may be published */
}

struct rowctx {
	struct sr_exports *x;
	const struct sr_catalogs *cats;
	const char *file;
	const char *default_locale;
	int64_t period_first, period_last;  /* local days of the period */
	struct sr_strmap seen;              /* duplicate detection */
	struct sr_strmap folded_ix;         /* near_customer's index, built on need */
	size_t *folded_next;
	/* line of each rejected resources.csv row (by res_key) that left nothing
	 * in the model: the rows naming it say so instead of "not in
	 * resources.csv" (a rejected account's line is its hold's account_line) */
	struct sr_strmap rejected_res;
};

/* The customer a row names, if its id is usable as a key (even when invalid
 * as a file name, so the hold shows what the export said). */
static const char *row_customer(const struct sr_csv_row *row, size_t col)
{
	const char *c = row->field[col];
	size_t n = row->len[col];

	if (n == 0 || n > SR_CUST_MAX + 190)
		return "";
	return c;
}

static int bad(struct rowctx *c, const struct sr_csv_row *row, const char *column,
	       const char *code, const char *cust, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static int bad(struct rowctx *c, const struct sr_csv_row *row, const char *column,
	       const char *code, const char *cust, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	reject(c->x, c->file, row->line, column, code, msg, cust);
	return 0;
}

/* Reader-level problems (syntax, UTF-8, field count): the row is rejected. */
static int reader_problem(struct rowctx *c, const struct sr_csv_row *row, size_t cust_col)
{
	const char *cust = row->attributable ? row_customer(row, cust_col) : "";

	if (!row->err.code[0])
		return 0;
	reject(c->x, c->file, row->line, row->err.column, row->err.code, row->err.msg, cust);
	return 1;
}

static char *dup_field(const struct sr_csv_row *row, size_t col)
{
	return strdup(row->field[col]);
}

/* ---------------- accounts.csv ---------------- */

enum { A_ID, A_NAME, A_EMAIL, A_LOCALE, A_CURRENCY };
static const struct sr_csv_col account_cols[] = {
	{"customer_id", 1}, {"name", 1}, {"email", 1}, {"locale", 1}, {"currency", 1},
};

static int on_account(void *ctx, const struct sr_csv_row *row)
{
	struct rowctx *c = ctx;
	struct sr_exports *x = c->x;
	const char *id = row->field[A_ID], *cust = row_customer(row, A_ID);
	const char *loc = row->field[A_LOCALE], *cur = row->field[A_CURRENCY];
	struct sr_account *a;

	if (reader_problem(c, row, A_ID))
		return 0;
	if (!sr_valid_customer_id(id))
		return bad(c, row, "customer_id", "bad-customer-id", cust,
			   "customer_id '%.80s' must be 1–64 characters of A–Z a–z 0–9 . _ - "
			   "(it becomes a file name)", id);
	if (sr_strmap_get(&x->account_ix, id) != (size_t)-1)
		return bad(c, row, "customer_id", "duplicate-customer", cust,
			   "customer_id '%s' appears more than once in accounts.csv", id);
	if (row->len[A_NAME] == 0)
		return bad(c, row, "name", "missing-value", cust, "name is empty");
	if (row->len[A_EMAIL] == 0 || strchr(row->field[A_EMAIL], '@') == NULL ||
	    strpbrk(row->field[A_EMAIL], " ,;<>\r\n\t") != NULL)
		return bad(c, row, "email", "bad-email", cust, "email '%.80s' is not one address",
			   row->field[A_EMAIL]);
	if (loc[0] && strcmp(loc, "zh-CN") != 0 && strcmp(loc, "en") != 0)
		return bad(c, row, "locale", "bad-locale", cust,
			   "locale '%.40s' must be zh-CN, en or empty", loc);
	if (sr_currency_digits(cur) < 0)
		return bad(c, row, "currency", "unknown-currency", cust,
			   "currency '%.40s' is not an ISO 4217 code this tool knows", cur);
	if ((a = grow(x->accounts, x->naccounts, sizeof *a)) == NULL)
		return -1;
	x->accounts = a;
	a = &x->accounts[x->naccounts];
	memset(a, 0, sizeof *a);
	snprintf(a->id, sizeof a->id, "%s", id);
	a->name = dup_field(row, A_NAME);
	a->email = dup_field(row, A_EMAIL);
	snprintf(a->locale, sizeof a->locale, "%s", loc[0] ? loc : c->default_locale);
	snprintf(a->currency, sizeof a->currency, "%s", cur);
	a->digits = sr_currency_digits(cur);
	a->line = row->line;
	if (a->name == NULL || a->email == NULL ||
	    sr_strmap_put(&x->account_ix, id, x->naccounts))
		return -1;
	x->naccounts++;
	return 0;
}

/* ---------------- shared field checks ---------------- */

/* id with surrounding spaces removed and ASCII letters lowered into key[n];
 * 0 when it does not fit (then it matches no account). */
static int fold_id(const char *id, char *key, size_t n)
{
	size_t a = 0, b = strlen(id);

	while (a < b && (id[a] == ' ' || id[a] == '\t'))
		a++;
	while (b > a && (id[b - 1] == ' ' || id[b - 1] == '\t'))
		b--;
	if (b - a >= n)
		return 0;
	for (size_t i = a; i < b; i++)
		key[i - a] = (char)tolower((unsigned char)id[i]);
	key[b - a] = '\0';
	return 1;
}

/* The accounts by folded id, built on first need: folded_ix gives the first
 * account of a key, folded_next[i] the next account with the same key. */
static int build_folded(struct rowctx *c)
{
	char key[SR_CUST_MAX];

	c->folded_next = malloc((c->x->naccounts ? c->x->naccounts : 1) *
				sizeof *c->folded_next);
	if (c->folded_next == NULL)
		return -1;
	for (size_t i = 0; i < c->x->naccounts; i++) {
		size_t first;
		fold_id(c->x->accounts[i].id, key, sizeof key);
		first = sr_strmap_get(&c->folded_ix, key);
		c->folded_next[i] = (size_t)-1;
		if (first == (size_t)-1) {
			if (sr_strmap_put(&c->folded_ix, key, i))
				return -1;
		} else {
			c->folded_next[i] = c->folded_next[first];
			c->folded_next[first] = i;
		}
	}
	return 0;
}

/* An unknown customer id that differs from an account's only in surrounding
 * spaces or letter case most likely means that account: its row may be missing
 * from that customer's figures, so the account is held too. */
static void near_customer(struct rowctx *c, const struct sr_csv_row *row, const char *id)
{
	char key[SR_CUST_MAX];

	if (c->folded_next == NULL && build_folded(c)) {
		c->x->unattributed = 1;  /* out of memory: nothing may be published */
		return;
	}
	if (!fold_id(id, key, sizeof key))
		return;
	for (size_t i = sr_strmap_get(&c->folded_ix, key); i != (size_t)-1;
	     i = c->folded_next[i])
		if (strcmp(c->x->accounts[i].id, id) != 0)
			hold(c->x, c->x->accounts[i].id, c->file, row->line, "customer_id",
			     "near-customer-id");
}

/* Customer column of resources/outages/usage: must be a known account. */
static int known_customer(struct rowctx *c, const struct sr_csv_row *row, size_t col,
			  size_t *acc)
{
	const char *id = row->field[col];

	if (!sr_valid_customer_id(id)) {
		bad(c, row, "customer_id", "bad-customer-id", row_customer(row, col),
		    "customer_id '%.80s' must be 1–64 characters of A–Z a–z 0–9 . _ -", id);
		near_customer(c, row, id);
		return 0;
	}
	*acc = sr_strmap_get(&c->x->account_ix, id);
	if (*acc == (size_t)-1) {
		size_t h = sr_strmap_get(&c->x->hold_ix, id);
		if (h != (size_t)-1 && c->x->holds[h].account_line > 0)
			bad(c, row, "customer_id", "unknown-customer", id, "customer_id '%s': "
			    "its accounts.csv row (line %ld) was rejected", id,
			    c->x->holds[h].account_line);
		else
			bad(c, row, "customer_id", "unknown-customer", id,
			    "customer_id '%s' is not in accounts.csv", id);
		near_customer(c, row, id);
		return 0;
	}
	return 1;
}

static int plain_text(struct rowctx *c, const struct sr_csv_row *row, size_t col,
		      const char *name, size_t max, int required, const char *cust)
{
	const char *v = row->field[col];
	size_t n = row->len[col];

	if (n == 0 && required) {
		bad(c, row, name, "missing-value", cust, "%s is empty", name);
		return 0;
	}
	if (n >= max || strpbrk(v, "\r\n\t\x1f") != NULL || (n > 0 && (v[0] == ' ' ||
	    v[n - 1] == ' '))) {
		bad(c, row, name, "bad-value", cust, "%s '%.60s' must be one line without "
		    "leading/trailing spaces, at most %zu bytes", name, v, max - 1);
		return 0;
	}
	return 1;
}

static int timestamp(struct rowctx *c, const struct sr_csv_row *row, size_t col,
		     const char *name, int tz, sr_time *t, const char *cust)
{
	struct sr_err e;

	sr_err_clear(&e);
	if (sr_parse_time(row->field[col], row->len[col], tz, t, &e)) {
		bad(c, row, name, e.code, cust, "%s: %s", name, e.msg);
		return 0;
	}
	return 1;
}

static int count_field(struct rowctx *c, const struct sr_csv_row *row, size_t col,
		       const char *name, int64_t *v, const char *cust)
{
	struct sr_err e;

	sr_err_clear(&e);
	if (row->len[col] == 0)
		return bad(c, row, name, "missing-value", cust, "%s is empty", name), 0;
	if (row->field[col][0] == '-')
		return bad(c, row, name, "negative", cust, "%s '%.40s' is negative", name,
			   row->field[col]), 0;
	if (sr_decimal_parse(row->field[col], row->len[col], 0, v, &e)) {
		bad(c, row, name, "bad-count", cust, "%s '%.40s' is not a whole number", name,
		    row->field[col]);
		return 0;
	}
	return 1;
}

static void res_key(char *buf, size_t n, const char *cust, const char *product,
		    const char *res)
{
	snprintf(buf, n, "%s\x1f%s\x1f%s", cust, product, res);
}

/* The catalog in force for the row's product, or a rejected row. */
static const struct sr_catalog *row_catalog(struct rowctx *c, const struct sr_csv_row *row,
					    size_t col, const char *cust)
{
	const char *product = row->field[col];
	const struct sr_catalog *k = sr_catalog_find(c->cats, product, c->period_first);

	if (k != NULL)
		return k;
	if (sr_catalog_known_product(c->cats, product))
		bad(c, row, "product", "no-agreement-in-force", cust, "product '%.40s' has no "
		    "agreement in force on the period's first day", product);
	else
		bad(c, row, "product", "unknown-product", cust, "product '%.40s' has no catalog",
		    product);
	return NULL;
}

/* Resolves the product, resource and metric columns of an outage or usage row
 * (resource "*" allowed when star): 1 ok, 0 rejected. */
static int row_target(struct rowctx *c, const struct sr_csv_row *row, const char *cust,
		      size_t pcol, size_t rcol, size_t mcol, int star,
		      const struct sr_catalog **k, const struct sr_metric **m)
{
	const char *res = row->field[rcol];
	char key[512];

	if ((*k = row_catalog(c, row, pcol, cust)) == NULL ||
	    !plain_text(c, row, rcol, "resource_id", SR_RES_MAX, 1, cust))
		return 0;
	if (!(star && strcmp(res, "*") == 0)) {
		res_key(key, sizeof key, cust, row->field[pcol], res);
		if (sr_strmap_get(&c->x->resource_ix, key) == (size_t)-1) {
			size_t at = sr_strmap_get(&c->rejected_res, key);
			if (at != (size_t)-1)
				return bad(c, row, "resource_id", "unknown-resource", cust,
					   "resource '%s' of product '%s': its resources.csv row "
					   "(line %zu) was rejected", res, row->field[pcol], at);
			return bad(c, row, "resource_id", "unknown-resource", cust, "resource '%s' "
				   "of product '%s' is not in resources.csv for this customer", res,
				   row->field[pcol]);
		}
	}
	*m = row->len[mcol] ? sr_catalog_metric(*k, row->field[mcol]) : sr_catalog_primary(*k);
	if (*m == NULL)
		return bad(c, row, "metric", "unknown-metric", cust, "metric '%.40s' is not in "
			   "catalog %s", row->field[mcol], (*k)->file);
	return 1;
}

/* ---------------- resources.csv ---------------- */

enum {
	R_CUST, R_PRODUCT, R_RES, R_REGION, R_ZONE, R_START, R_END, R_FEE, R_PRICE,
	R_FEES_PAID, R_FEES_12M, R_ANNUAL, R_PREPAID, R_PREPAID_MONTHS, R_NCOLS
};
static const struct sr_csv_col resource_cols[] = {
	{"customer_id", 1}, {"product", 1}, {"resource_id", 1}, {"region", 1}, {"zone", 1},
	{"service_start", 1}, {"service_end", 1}, {"monthly_fee", 1}, {"unit_price", 1},
	/* optional: liability caps and the inputs of derived fee bases */
	{"fees_paid", 0}, {"fees_12m", 0}, {"annual_fee", 0}, {"prepaid_fee", 0},
	{"prepaid_months", 0},
};

/* An optional money column: 1 present, 0 empty, -1 rejected. */
static int opt_money(struct rowctx *c, const struct sr_csv_row *row, size_t col,
		     const char *name, int digits, sr_money *v, const char *cust)
{
	struct sr_err e;

	if (row->len[col] == 0)
		return 0;
	sr_err_clear(&e);
	if (sr_decimal_parse(row->field[col], row->len[col], digits, v, &e)) {
		bad(c, row, name, e.code, cust, "%s: %s", name, e.msg);
		return -1;
	}
	return 1;
}

static int needs_unit_price(const struct sr_catalog *k)
{
	for (size_t i = 0; i < k->nmetrics; i++)
		if (k->metrics[i].comp == SR_COMP_SERVICE_UNITS)
			return 1;
	return 0;
}

static int on_resource(void *ctx, const struct sr_csv_row *row)
{
	struct rowctx *c = ctx;
	struct sr_exports *x = c->x;
	const char *cust = row_customer(row, R_CUST), *product = row->field[R_PRODUCT];
	struct sr_resource r, *rv;
	struct sr_err e;
	char key[512];
	size_t acc;

	if (reader_problem(c, row, R_CUST) || !known_customer(c, row, R_CUST, &acc))
		return 0;
	memset(&r, 0, sizeof r);
	r.account = acc;
	r.line = row->line;
	if ((r.catalog = row_catalog(c, row, R_PRODUCT, cust)) == NULL)
		return 0;
	snprintf(r.product, sizeof r.product, "%s", product);
	if (!plain_text(c, row, R_RES, "resource_id", SR_RES_MAX, 1, cust) ||
	    !plain_text(c, row, R_REGION, "region", 65, 0, cust) ||
	    !plain_text(c, row, R_ZONE, "zone", 65, 0, cust))
		return 0;
	if (strcmp(row->field[R_RES], "*") == 0)
		return bad(c, row, "resource_id", "bad-value", cust,
			   "resource_id '*' is reserved for exclusion rows in outages.csv");
	snprintf(r.id, sizeof r.id, "%s", row->field[R_RES]);
	snprintf(r.region, sizeof r.region, "%s", row->field[R_REGION]);
	snprintf(r.zone, sizeof r.zone, "%s", row->field[R_ZONE]);
	if (row->len[R_START] > 0) {
		if (!timestamp(c, row, R_START, "service_start", r.catalog->tz_off, &r.start, cust))
			return 0;
		r.has_start = 1;
	}
	if (row->len[R_END] > 0) {
		if (!timestamp(c, row, R_END, "service_end", r.catalog->tz_off, &r.end, cust))
			return 0;
		r.has_end = 1;
	}
	if (r.has_start && r.has_end && r.end < r.start)
		return bad(c, row, "service_end", "end-before-start", cust,
			   "service_end is before service_start");
	sr_err_clear(&e);
	if (row->len[R_FEE] == 0)
		return bad(c, row, "monthly_fee", "missing-value", cust, "monthly_fee is empty");
	if (sr_decimal_parse(row->field[R_FEE], row->len[R_FEE], x->accounts[acc].digits, &r.fee,
			     &e))
		return bad(c, row, "monthly_fee", e.code, cust, "monthly_fee: %s (currency %s "
			   "has %d decimals)", e.msg, x->accounts[acc].currency,
			   x->accounts[acc].digits);
	{
		int digits = x->accounts[acc].digits, pf, pm = 0;
		sr_money pre = 0;
		int64_t months = 0;
		if ((r.has_fees_paid = opt_money(c, row, R_FEES_PAID, "fees_paid", digits,
						 &r.fees_paid, cust)) < 0 ||
		    (r.has_fees_12m = opt_money(c, row, R_FEES_12M, "fees_12m", digits,
						&r.fees_12m, cust)) < 0 ||
		    (r.has_annual_fee = opt_money(c, row, R_ANNUAL, "annual_fee", digits,
						  &r.annual_fee, cust)) < 0 ||
		    (pf = opt_money(c, row, R_PREPAID, "prepaid_fee", digits, &pre, cust)) < 0)
			return 0;
		if (row->len[R_PREPAID_MONTHS] > 0) {
			if (!count_field(c, row, R_PREPAID_MONTHS, "prepaid_months", &months, cust))
				return 0;
			if (months < 1)
				return bad(c, row, "prepaid_months", "bad-value", cust,
					   "prepaid_months must be at least 1");
			pm = 1;
		}
		if (pf != pm)
			return bad(c, row, pf ? "prepaid_months" : "prepaid_fee", "missing-value",
				   cust, "prepaid_fee and prepaid_months go together");
		/* derived fee bases: the catalog says how the month's fee is found */
		if (strcmp(r.catalog->fee_basis, "annual-div-12") == 0 && r.has_annual_fee) {
			r.fee = sr_money_mul_half_up(r.annual_fee, (struct sr_ratio){1, 12});
			r.fee_derived = 1;
		} else if (strcmp(r.catalog->fee_basis, "prepaid-amortised") == 0 && pf) {
			r.fee = sr_money_mul_half_up(pre, (struct sr_ratio){1, months});
			r.fee_derived = 1;
		}
	}
	if (row->len[R_PRICE] > 0) {
		if (sr_decimal_parse(row->field[R_PRICE], row->len[R_PRICE],
				     SR_UNIT_PRICE_DECIMALS, &r.unit_price, &e))
			return bad(c, row, "unit_price", e.code, cust, "unit_price: %s", e.msg);
		if (r.unit_price == 0)
			return bad(c, row, "unit_price", "bad-value", cust, "unit_price is zero");
		r.has_unit_price = 1;
	} else if (needs_unit_price(r.catalog)) {
		return bad(c, row, "unit_price", "missing-value", cust, "product '%s' compensates "
			   "in service units: unit_price is required", product);
	}
	res_key(key, sizeof key, cust, product, r.id);
	if (sr_strmap_get(&x->resource_ix, key) != (size_t)-1)
		return bad(c, row, "resource_id", "duplicate-resource", cust,
			   "resource '%s' of product '%s' is listed twice", r.id, product);
	if ((rv = grow(x->resources, x->nresources, sizeof *rv)) == NULL)
		return -1;
	x->resources = rv;
	x->resources[x->nresources] = r;
	if (sr_strmap_put(&x->resource_ix, key, x->nresources))
		return -1;
	x->nresources++;
	return 0;
}

/* ---------------- outages.csv ---------------- */

enum { O_ID, O_CUST, O_PRODUCT, O_RES, O_METRIC, O_START, O_END, O_CAUSE, O_FAILED, O_NOTE };
static const struct sr_csv_col outage_cols[] = {
	{"event_id", 1}, {"customer_id", 1}, {"product", 1}, {"resource_id", 1}, {"metric", 1},
	{"start", 1}, {"end", 1}, {"cause", 1}, {"failed_requests", 1}, {"note", 1},
};

static int on_outage(void *ctx, const struct sr_csv_row *row)
{
	struct rowctx *c = ctx;
	struct sr_exports *x = c->x;
	const char *cust = row_customer(row, O_CUST), *product = row->field[O_PRODUCT];
	const struct sr_catalog *k;
	const struct sr_metric *m;
	const struct sr_cause *cause;
	struct sr_event ev, *evv;
	char key[700];
	size_t acc;
	int64_t first_ok, last_ok;

	if (reader_problem(c, row, O_CUST) || !known_customer(c, row, O_CUST, &acc))
		return 0;
	memset(&ev, 0, sizeof ev);
	ev.account = acc;
	ev.line = row->line;
	if (!plain_text(c, row, O_ID, "event_id", SR_RES_MAX, 1, cust))
		return 0;
	snprintf(ev.id, sizeof ev.id, "%s", row->field[O_ID]);
	if (!row_target(c, row, cust, O_PRODUCT, O_RES, O_METRIC, 1, &k, &m))
		return 0;
	snprintf(ev.product, sizeof ev.product, "%s", product);
	snprintf(ev.resource, sizeof ev.resource, "%s", row->field[O_RES]);
	cause = sr_catalog_cause(k, row->field[O_CAUSE]);
	/* window metrics take exclusion events (they excuse the windows they cover) */
	if (m->kind != SR_MK_EVENT_MINUTES && m->kind != SR_MK_OUTAGE_LENGTH &&
	    m->kind != SR_MK_COUNT && m->kind != SR_MK_FLEET &&
	    !(m->has_window && cause != NULL && !cause->counts))
		return bad(c, row, "metric", "not-an-event-metric", cust, "metric '%s' of %s is "
			   "%s and takes no outage events", m->id, k->file,
			   sr_metric_kind_name(m->kind));
	snprintf(ev.metric, sizeof ev.metric, "%s", m->id);
	if (!timestamp(c, row, O_START, "start", k->tz_off, &ev.start, cust))
		return 0;
	if (row->len[O_END] == 0) {
		ev.open_end = 1;
		ev.end = INT64_MAX;
	} else if (!timestamp(c, row, O_END, "end", k->tz_off, &ev.end, cust)) {
		return 0;
	} else if (ev.end < ev.start) {
		return bad(c, row, "end", "end-before-start", cust, "end is before start");
	}
	{
		/* a year-long service period reaches a year back */
		int64_t back = k->period == SR_PERIOD_SERVICE_YEAR ||
			       k->period == SR_PERIOD_NATURAL_YEAR ? 366 + EVENT_SLACK_DAYS :
			       EVENT_SLACK_DAYS;
		first_ok = c->period_first - back;
	}
	last_ok = c->period_last + EVENT_SLACK_DAYS;
	if (sr_local_day(ev.start, k->tz_off) > last_ok ||
	    (!ev.open_end && sr_local_day(ev.end, k->tz_off) < first_ok))
		return bad(c, row, "start", "outside-period", cust, "event lies outside the "
			   "period and the service month it could belong to");
	cause = sr_catalog_cause(k, row->field[O_CAUSE]);
	if (cause == NULL)
		return bad(c, row, "cause", "unknown-cause", cust, "cause '%.40s' is not in the "
			   "cause list of %s", row->field[O_CAUSE], k->file);
	snprintf(ev.cause, sizeof ev.cause, "%s", cause->code);
	ev.counts = cause->counts;
	if (ev.counts && strcmp(ev.resource, "*") == 0)
		return bad(c, row, "resource_id", "bad-value", cust, "resource_id '*' is only "
			   "allowed for exclusion causes");
	if (row->len[O_FAILED] > 0) {
		if (!count_field(c, row, O_FAILED, "failed_requests", &ev.failed, cust))
			return 0;
		ev.has_failed = 1;
	}
	snprintf(key, sizeof key, "%s\x1f%s\x1f%s\x1f%s\x1f%s", ev.id, cust, product,
		 ev.resource, ev.metric);
	if (sr_strmap_get(&c->seen, key) != (size_t)-1)
		return bad(c, row, "event_id", "duplicate-event", cust, "event '%s' for resource "
			   "'%s' appears twice", ev.id, ev.resource);
	if (sr_strmap_put(&c->seen, key, row->line))
		return -1;
	ev.note = dup_field(row, O_NOTE);
	if (ev.note == NULL || (evv = grow(x->events, x->nevents, sizeof *evv)) == NULL)
		return -1;
	x->events = evv;
	x->events[x->nevents++] = ev;
	return 0;
}

/* ---------------- usage.csv ---------------- */

enum { U_CUST, U_PRODUCT, U_RES, U_METRIC, U_WINDOW, U_TOTAL, U_FAILED };
static const struct sr_csv_col usage_cols[] = {
	{"customer_id", 1}, {"product", 1}, {"resource_id", 1}, {"metric", 1},
	{"window_start", 1}, {"total_requests", 1}, {"failed_requests", 1},
};

static int on_usage(void *ctx, const struct sr_csv_row *row)
{
	struct rowctx *c = ctx;
	struct sr_exports *x = c->x;
	const char *cust = row_customer(row, U_CUST), *product = row->field[U_PRODUCT];
	const struct sr_catalog *k;
	const struct sr_metric *m;
	struct sr_usage u, *uv;
	char key[700];
	size_t acc;

	if (reader_problem(c, row, U_CUST) || !known_customer(c, row, U_CUST, &acc))
		return 0;
	memset(&u, 0, sizeof u);
	u.account = acc;
	u.line = row->line;
	if (!row_target(c, row, cust, U_PRODUCT, U_RES, U_METRIC, 0, &k, &m))
		return 0;
	snprintf(u.product, sizeof u.product, "%s", product);
	snprintf(u.resource, sizeof u.resource, "%s", row->field[U_RES]);
	res_key(key, sizeof key, cust, product, u.resource);
	if (m->kind != SR_MK_REQUEST_RATIO && !m->has_window && !m->max_units_usage)
		return bad(c, row, "metric", "not-a-usage-metric", cust, "metric '%s' of %s is "
			   "%s and takes no usage counts", m->id, k->file,
			   sr_metric_kind_name(m->kind));
	snprintf(u.metric, sizeof u.metric, "%s", m->id);
	if (row->len[U_WINDOW] > 0) {
		int64_t local;
		if (!timestamp(c, row, U_WINDOW, "window_start", k->tz_off, &u.window_start, cust))
			return 0;
		u.has_window = 1;
		if (!m->has_window)
			return bad(c, row, "window_start", "not-a-window-metric", cust, "metric '%s' "
				   "of %s takes monthly totals only (window_start empty)", m->id,
				   k->file);
		local = u.window_start + k->tz_off;
		if (((local % m->window.seconds) + m->window.seconds) % m->window.seconds != 0)
			return bad(c, row, "window_start", "off-grid-window", cust, "window_start "
				   "is not on the %llds grid that starts at 00:00:00",
				   (long long)m->window.seconds);
	} else if (m->has_window && !m->max_units_usage) {
		return bad(c, row, "window_start", "missing-value", cust, "metric '%s' of %s is "
			   "measured per window: window_start is required", m->id, k->file);
	}
	if (!count_field(c, row, U_TOTAL, "total_requests", &u.total, cust) ||
	    !count_field(c, row, U_FAILED, "failed_requests", &u.failed, cust))
		return 0;
	if (u.failed > u.total)
		return bad(c, row, "failed_requests", "failed-above-total", cust,
			   "failed_requests %lld is above total_requests %lld",
			   (long long)u.failed, (long long)u.total);
	snprintf(key + strlen(key), sizeof key - strlen(key), "\x1f%s\x1f%lld", u.metric,
		 u.has_window ? (long long)u.window_start : -1LL);
	if (sr_strmap_get(&c->seen, key) != (size_t)-1)
		return bad(c, row, u.has_window ? "window_start" : "metric", "duplicate-usage", cust,
			   "usage for resource '%s' metric '%s' %s appears twice", u.resource,
			   u.metric, u.has_window ? "in this window" : "(monthly total)");
	if (sr_strmap_put(&c->seen, key, row->line))
		return -1;
	if ((uv = grow(x->usage, x->nusage, sizeof *uv)) == NULL)
		return -1;
	x->usage = uv;
	x->usage[x->nusage++] = u;
	return 0;
}

/* ---------------- per-account index ---------------- */

/* Counting sort of row indices by account: ix[off[a] .. off[a+1]) are the rows
 * of account a, in file order. */
static int index_by_account(size_t naccounts, const void *rows, size_t nrows, size_t size,
			    size_t acc_offset, size_t **ix, size_t **off)
{
	size_t *fill;

	*off = calloc(naccounts + 1, sizeof **off);
	*ix = calloc(nrows ? nrows : 1, sizeof **ix);
	fill = calloc(naccounts + 1, sizeof *fill);
	if (*off == NULL || *ix == NULL || fill == NULL) {
		free(fill);
		return -1;
	}
	for (size_t i = 0; i < nrows; i++) {
		size_t a;
		memcpy(&a, (const char *)rows + i * size + acc_offset, sizeof a);
		(*off)[a + 1]++;
	}
	for (size_t a = 0; a < naccounts; a++)
		(*off)[a + 1] += (*off)[a];
	for (size_t i = 0; i < nrows; i++) {
		size_t a;
		memcpy(&a, (const char *)rows + i * size + acc_offset, sizeof a);
		(*ix)[(*off)[a] + fill[a]++] = i;
	}
	free(fill);
	return 0;
}

/* ---------------- driver ---------------- */

static int read_one(struct rowctx *c, const char *dir, int idx, const char *name,
		    const struct sr_csv_col *cols, size_t ncols, sr_csv_row_fn fn, int optional,
		    struct sr_err *e)
{
	char path[1024];
	FILE *probe;
	size_t before = c->x->nrejects;
	int rc;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	snprintf(c->x->files[idx].name, sizeof c->x->files[idx].name, "%s", name);
	probe = fopen(path, "rb");
	if (probe == NULL) {
		if (optional)
			return 0;
		return sr_err_set(e, "missing-file", "%s: required input file is missing", path);
	}
	fclose(probe);
	c->file = name;
	sr_strmap_free(&c->seen);
	if (sr_sha256_file(path, c->x->files[idx].sha256, e))
		return -1;
	c->x->files[idx].present = 1;
	rc = sr_csv_read(path, name, cols, ncols, fn, c, e);
	(void)before;
	return rc;
}

/* The accounts.csv and resources.csv readers, noting a rejected row that left
 * nothing in the model under its key (a duplicate's first row stays): on the
 * customer's hold, or in rejected_res. */
static int on_account_noted(void *ctx, const struct sr_csv_row *row)
{
	struct rowctx *c = ctx;
	size_t before = c->x->nrejects;
	const char *id = row->field[A_ID];
	int rc = on_account(ctx, row);
	size_t h;

	if (rc != 0 || c->x->nrejects == before || !row->attributable || id[0] == '\0' ||
	    sr_strmap_get(&c->x->account_ix, id) != (size_t)-1)
		return rc;
	h = sr_strmap_get(&c->x->hold_ix, row_customer(row, A_ID));
	if (h != (size_t)-1 && c->x->holds[h].account_line == 0)
		c->x->holds[h].account_line = row->line;
	return rc;
}

static int on_resource_noted(void *ctx, const struct sr_csv_row *row)
{
	struct rowctx *c = ctx;
	size_t before = c->x->nrejects;
	int rc = on_resource(ctx, row);
	char key[512];

	if (rc == 0 && c->x->nrejects > before && row->attributable &&
	    row->len[R_CUST] > 0 && row->len[R_PRODUCT] > 0 && row->len[R_RES] > 0) {
		res_key(key, sizeof key, row->field[R_CUST], row->field[R_PRODUCT],
			row->field[R_RES]);
		if (sr_strmap_get(&c->x->resource_ix, key) == (size_t)-1 &&
		    sr_strmap_get(&c->rejected_res, key) == (size_t)-1 &&
		    sr_strmap_put(&c->rejected_res, key, (size_t)row->line))
			return -1;
	}
	return rc;
}

int sr_exports_read(const char *dir, int y, int m, const struct sr_catalogs *cats,
		    const char *default_locale, struct sr_exports *x, struct sr_err *e)
{
	struct rowctx c;
	int rc;

	memset(x, 0, sizeof *x);
	memset(&c, 0, sizeof c);
	x->period_y = y;
	x->period_m = m;
	c.x = x;
	c.cats = cats;
	c.default_locale = default_locale;
	c.period_first = sr_days_from_civil(y, m, 1);
	c.period_last = c.period_first + sr_days_in_month(y, m) - 1;
	rc = read_one(&c, dir, 0, "accounts.csv", account_cols, 5, on_account_noted, 0, e);
	if (rc == 0)
		rc = read_one(&c, dir, 1, "resources.csv", resource_cols, R_NCOLS,
			      on_resource_noted, 0, e);
	if (rc == 0)
		rc = read_one(&c, dir, 2, "outages.csv", outage_cols, 10, on_outage, 0, e);
	if (rc == 0)
		rc = read_one(&c, dir, 3, "usage.csv", usage_cols, 7, on_usage, 1, e);
	sr_strmap_free(&c.seen);
	sr_strmap_free(&c.rejected_res);
	sr_strmap_free(&c.folded_ix);
	free(c.folded_next);
	if (rc == 0 &&
	    (index_by_account(x->naccounts, x->resources, x->nresources, sizeof *x->resources,
			      offsetof(struct sr_resource, account), &x->res_ix, &x->res_off) ||
	     index_by_account(x->naccounts, x->events, x->nevents, sizeof *x->events,
			      offsetof(struct sr_event, account), &x->ev_ix, &x->ev_off) ||
	     index_by_account(x->naccounts, x->usage, x->nusage, sizeof *x->usage,
			      offsetof(struct sr_usage, account), &x->use_ix, &x->use_off)))
		rc = sr_err_set(e, "no-memory", "out of memory indexing the exports");
	/* holds registered before the account was read (none today) stay correct:
	 * in_accounts is refreshed here */
	for (size_t i = 0; i < x->nholds; i++)
		x->holds[i].in_accounts =
			sr_strmap_get(&x->account_ix, x->holds[i].customer) != (size_t)-1;
	return rc;
}

void sr_exports_free(struct sr_exports *x)
{
	for (size_t i = 0; i < x->naccounts; i++) {
		free(x->accounts[i].name);
		free(x->accounts[i].email);
	}
	for (size_t i = 0; i < x->nevents; i++)
		free(x->events[i].note);
	free(x->accounts);
	free(x->resources);
	free(x->events);
	free(x->usage);
	free(x->rejects);
	free(x->holds);
	free(x->res_ix);
	free(x->res_off);
	free(x->ev_ix);
	free(x->ev_off);
	free(x->use_ix);
	free(x->use_off);
	sr_strmap_free(&x->account_ix);
	sr_strmap_free(&x->resource_ix);
	sr_strmap_free(&x->hold_ix);
	memset(x, 0, sizeof *x);
}
