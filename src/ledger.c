#include <string.h>
#include "fileio.h"
#include "ledger.h"

void sr_fmt_money(sr_money v, int digits, char *buf, size_t n)
{
	sr_decimal_format(v, digits, buf, n);
}

void sr_fmt_unavailable(const struct sr_metric_result *mr, char *buf, size_t n)
{
	enum sr_metric_kind k = mr->metric->kind;
	int64_t secs;

	buf[0] = '\0';
	if (mr->status == SR_NOT_APPLICABLE || mr->status == SR_NO_COMMITMENT ||
	    k == SR_MK_REQUEST_RATIO || k == SR_MK_WINDOW_MEAN || k == SR_MK_NONE)
		return;
	if (k == SR_MK_USAGE_WINDOWS)
		secs = mr->unavailable * mr->metric->window.seconds;
	else if (mr->metric->minutes.round == SR_ROUND_SECONDS)
		secs = mr->unavailable;
	else
		secs = mr->unavailable * 60;
	if (secs % 60 == 0)
		snprintf(buf, n, "%lld", (long long)(secs / 60));
	else
		sr_decimal_format(secs * 100 / 60, 2, buf, n);  /* truncated */
}

const char *sr_band_text(const struct sr_metric_result *mr)
{
	switch (mr->status) {
	case SR_MET:
		return "met";
	case SR_GAP:
		return "gap";
	case SR_NOT_APPLICABLE:
		return "n/a";
	case SR_NO_COMMITMENT:
		return "none";
	default:
		return mr->band->label;
	}
}

void sr_fmt_compensation(const struct sr_metric_result *mr, int digits, char *buf, size_t n)
{
	if (mr->comp == SR_COMP_VOUCHER || mr->comp == SR_COMP_VOUCHER_EXCESS)
		sr_fmt_money(mr->voucher, digits, buf, n);
	else if (mr->comp == SR_COMP_SERVICE_UNITS || mr->comp == SR_COMP_REQUEST_UNITS ||
		 mr->comp == SR_COMP_EXTRA_TIME)
		snprintf(buf, n, "%lld", (long long)mr->units);
	else
		snprintf(buf, n, "0");
}

void sr_fmt_units(const struct sr_customer_result *c, char *buf, size_t n)
{
	size_t len = 0;

	if (c->nunits <= 1) {
		snprintf(buf, n, "%lld", (long long)c->units_total);
		return;
	}
	buf[0] = '\0';
	for (size_t i = 0; i < c->nunits && len < n; i++) {
		snprintf(buf + len, n - len, "%s%s=%lld", i ? ";" : "", c->units[i].unit,
			 (long long)c->units[i].n);
		len = strlen(buf);
	}
}

const char *sr_comp_unit(const struct sr_metric_result *mr, const struct sr_account *acc)
{
	if (mr->comp == SR_COMP_VOUCHER || mr->comp == SR_COMP_VOUCHER_EXCESS)
		return acc->currency;
	if (mr->comp == SR_COMP_SERVICE_UNITS || mr->comp == SR_COMP_REQUEST_UNITS ||
	    mr->comp == SR_COMP_EXTRA_TIME)
		return mr->metric->unit;
	return "";
}

static void put_i(FILE *f, long long v)
{
	fprintf(f, ",%lld", v);
}

void sr_ledger_header(FILE *f)
{
	fputs("period,customer_id,product,catalog_version,resource_id,metric,service_minutes,"
	      "unavailable_minutes,excluded_minutes,availability_pct,objective_pct,band,"
	      "compensation_kind,compensation_percent,fee,compensation,unit,applied,capped\n", f);
}

void sr_ledger_rows(FILE *f, const char *period, const struct sr_customer_result *c)
{
	int digits = c->acc->digits;

	for (size_t i = 0; i < c->nr; i++) {
		const struct sr_resource_result *rr = &c->r[i];
		for (size_t j = 0; j < rr->nm; j++) {
			const struct sr_metric_result *mr = &rr->m[j];
			int na = mr->status == SR_NOT_APPLICABLE;
			char buf[64];

			sr_csv_put(f, period, 1);
			sr_csv_put(f, c->acc->id, 0);
			sr_csv_put(f, rr->res->product, 0);
			sr_csv_put(f, rr->cat->version, 0);
			sr_csv_put(f, rr->res->id, 0);
			sr_csv_put(f, mr->metric->id, 0);
			put_i(f, na ? 0 : mr->service_minutes);
			sr_fmt_unavailable(mr, buf, sizeof buf);
			sr_csv_put(f, buf, 0);
			if (buf[0])
				put_i(f, (mr->excluded_seconds + 59) / 60);
			else
				fputc(',', f);
			buf[0] = '\0';
			if (!na && mr->status != SR_NO_COMMITMENT)
				sr_ratio_format_pct(mr->availability, 4, buf, sizeof buf);
			sr_csv_put(f, buf, 0);
			/* outage-length / count commitments are "at most N", not a percentage */
			if (mr->metric->has_max && !mr->metric->has_objective)
				snprintf(buf, sizeof buf, "max %s", mr->metric->max_txt);
			else
				snprintf(buf, sizeof buf, "%s", mr->metric->objective_txt);
			sr_csv_put(f, buf, 0);
			sr_csv_put(f, sr_band_text(mr), 0);
			sr_csv_put(f, sr_comp_kind_name(mr->comp), 0);
			buf[0] = '\0';
			if (mr->status == SR_BAND && mr->band->percent_txt[0])
				snprintf(buf, sizeof buf, "%s", mr->band->percent_txt);
			else if (mr->status == SR_BAND && mr->band->multiplier_txt[0])
				snprintf(buf, sizeof buf, "x%s", mr->band->multiplier_txt);
			sr_csv_put(f, buf, 0);
			sr_fmt_money(rr->res->fee, digits, buf, sizeof buf);
			sr_csv_put(f, buf, 0);
			sr_fmt_compensation(mr, digits, buf, sizeof buf);
			sr_csv_put(f, buf, 0);
			sr_csv_put(f, sr_comp_unit(mr, c->acc), 0);
			sr_csv_put(f, mr->applied ? "yes" : "no", 0);
			sr_csv_put(f, mr->capped ? "yes" : "no", 0);
			fputc('\n', f);
		}
	}
}

void sr_manifest_header(FILE *f)
{
	fputs("customer_id,name,email,locale,status,report,sha256,pages,currency,voucher_total,"
	      "units_total,resources,breaches,claim_opens,claim_closes,reason\n", f);
}

void sr_manifest_row(FILE *f, const struct sr_manifest_row *m)
{
	char buf[64];
	const struct sr_account *a = m->acc;

	sr_csv_put(f, m->customer, 1);
	sr_csv_put(f, a ? a->name : "", 0);
	sr_csv_put(f, a ? a->email : "", 0);
	sr_csv_put(f, a ? a->locale : "", 0);
	sr_csv_put(f, m->held ? "held" : "ok", 0);
	sr_csv_put(f, m->report, 0);
	sr_csv_put(f, m->sha256, 0);
	buf[0] = '\0';
	if (m->report[0])
		snprintf(buf, sizeof buf, "%d", m->pages);
	sr_csv_put(f, buf, 0);
	sr_csv_put(f, a ? a->currency : "", 0);
	if (m->held) {
		fputs(",,,,,,", f);
	} else {
		sr_fmt_money(m->voucher_total, a->digits, buf, sizeof buf);
		sr_csv_put(f, buf, 0);
		sr_csv_put(f, m->units_total, 0);
		put_i(f, (long long)m->resources);
		put_i(f, (long long)m->breaches);
		buf[0] = '\0';
		if (m->has_claim)
			sr_format_date(m->claim_opens, buf, sizeof buf);
		sr_csv_put(f, buf, 0);
		buf[0] = '\0';
		if (m->has_claim)
			sr_format_date(m->claim_closes, buf, sizeof buf);
		sr_csv_put(f, buf, 0);
	}
	sr_csv_put(f, m->reason, 0);
	fputc('\n', f);
}

void sr_rejects_write(FILE *f, const struct sr_exports *x)
{
	fputs("file,line,column,code,message\n", f);
	for (size_t i = 0; i < x->nrejects; i++) {
		const struct sr_reject *r = &x->rejects[i];
		char line[24];

		snprintf(line, sizeof line, "%ld", r->line);
		sr_csv_put(f, r->file, 1);
		sr_csv_put(f, line, 0);
		sr_csv_put(f, r->column, 0);
		sr_csv_put(f, r->code, 0);
		sr_csv_put(f, r->message, 0);
		fputc('\n', f);
	}
}
