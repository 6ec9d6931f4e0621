#include <string.h>
#include "explain.h"
#include "ledger.h"

static void t(FILE *f, sr_time v, int off)
{
	char b[40];

	sr_format_iso(v, off, b, sizeof b);
	fputs(b, f);
}

static void rule_text(FILE *f, const struct sr_minute_rule *r)
{
	fprintf(f, "pieces %s %lld s count 0; ", r->ignore_inclusive ? "<=" : "<",
		(long long)r->ignore_seconds);
	fputs(r->round == SR_ROUND_UP ? "others rounded up to whole minutes" :
	      r->round == SR_ROUND_DOWN ? "others counted in whole minutes (rounded down)" :
	      r->round == SR_ROUND_CLOCK_COVERED ? "others count the clock minutes they cover "
	      "entirely" :
	      r->round == SR_ROUND_CLOCK_TOUCHED ? "others count every clock minute they touch" :
	      "others counted in exact seconds", f);
	if (r->deductible_minutes)
		fprintf(f, "; only minutes beyond %lld count", (long long)r->deductible_minutes);
	if (r->merge_gap_seconds)
		fprintf(f, "; events less than %lld s apart are merged",
			(long long)r->merge_gap_seconds);
	fputc('\n', f);
}

static void events_of(FILE *f, const struct sr_exports *x, const struct sr_customer_result *c,
		      const struct sr_resource *r, const struct sr_metric *m, int off)
{
	size_t a = (size_t)(c->acc - x->accounts), n = 0;

	for (size_t k = x->ev_off[a]; k < x->ev_off[a + 1]; k++) {
		const struct sr_event *ev = &x->events[x->ev_ix[k]];
		if (strcmp(ev->product, r->product) || strcmp(ev->metric, m->id) ||
		    (strcmp(ev->resource, r->id) && strcmp(ev->resource, "*")))
			continue;
		if (n++ == 0)
			fputs("      events (outages.csv):\n", f);
		fprintf(f, "        line %ld  %s  ", ev->line, ev->id);
		t(f, ev->start, off);
		fputs(" -> ", f);
		if (ev->open_end)
			fputs("(open: counted to the end of the period)", f);
		else
			t(f, ev->end, off);
		fprintf(f, "  cause=%s (%s)%s", ev->cause, ev->counts ? "counts" : "excluded",
			strcmp(ev->resource, "*") == 0 ? " [all resources]" : "");
		if (ev->has_failed)
			fprintf(f, "  failed_requests=%lld", (long long)ev->failed);
		fputc('\n', f);
	}
	if (n == 0 && (m->kind == SR_MK_EVENT_MINUTES))
		fputs("      events (outages.csv): none\n", f);
}

static void metric(FILE *f, const struct sr_exports *x, const struct sr_customer_result *c,
		   const struct sr_resource_result *rr, const struct sr_metric_result *mr)
{
	const struct sr_metric *m = mr->metric;
	int off = rr->cat->tz_off;
	char b[64], d[64];

	fprintf(f, "    metric %s — %s (%s)\n", m->id, m->title_en, sr_metric_kind_name(m->kind));
	if (mr->status == SR_NOT_APPLICABLE) {
		fprintf(f, "      not applicable: %s\n", mr->note);
		return;
	}
	if (mr->status == SR_NO_COMMITMENT) {
		fputs("      no measurable commitment: nothing is computed\n", f);
		return;
	}
	fputs("      service window: ", f);
	t(f, mr->win_start, off);
	fputs(" -> ", f);
	t(f, mr->win_end, off);
	fprintf(f, " = %lld days x 1440 = %lld service minutes\n",
		(long long)(mr->service_minutes / 1440), (long long)mr->service_minutes);
	if (rr->nmembers > 1)
		fprintf(f, "      the agreement's scope is %s: %zu resources together\n",
			rr->cat->scope, rr->nmembers);
	if (m->kind == SR_MK_REQUEST_RATIO) {
		fprintf(f, "      requests: total %lld, failed %lld%s%s\n",
			(long long)mr->total_requests, (long long)mr->failed_requests,
			mr->note[0] ? " — " : "", mr->note);
	} else if (m->kind == SR_MK_USAGE_WINDOWS || m->kind == SR_MK_WINDOW_MEAN) {
		fprintf(f, "      windows of %llds: %lld in the service window, %lld without "
			"(enough) traffic (%s)%s%s\n", (long long)m->window.seconds,
			(long long)mr->windows, (long long)mr->empty_windows,
			m->window.empty_excluded ? "left out of the denominator" :
			"counted as available", mr->note[0] ? " — " : "", mr->note);
		if (m->kind == SR_MK_USAGE_WINDOWS)
			fprintf(f, "      unavailable windows: %lld (runs shorter than %lld not "
				"counted); failed requests in them %lld\n",
				(long long)mr->unavailable, (long long)m->window.min_consecutive,
				(long long)mr->failed_in_events);
		else
			fprintf(f, "      requests in measured windows: total %lld, failed %lld; "
				"mean error rate taken to 12 decimals, rounded up\n",
				(long long)mr->total_requests, (long long)mr->failed_requests);
	} else if (m->kind == SR_MK_SUM) {
		fprintf(f, "      sum of the counted minutes of:");
		for (size_t i = 0; i < m->nof; i++)
			fprintf(f, " %s", m->of[i]);
		fprintf(f, " = %lld %s\n", (long long)mr->unavailable,
			m->minutes.round == SR_ROUND_SECONDS ? "s" : "min");
	} else if (m->kind == SR_MK_FLEET) {
		fprintf(f, "      fleet of %zu resources: %lld unavailable of %lld service "
			"minutes, each resource counted in its own window\n", rr->nmembers,
			(long long)mr->unavailable, (long long)mr->service_minutes);
	} else {
		events_of(f, x, c, rr->res, m->kind == SR_MK_MULTI_ZONE ?
			  sr_catalog_metric(rr->cat, m->of[0]) : m, off);
		if (m->kind == SR_MK_MULTI_ZONE)
			fprintf(f, "      derived from metric %s: down while every resource of the "
				"customer in another zone of region %s is down too\n", m->of[0],
				rr->res->region);
		fputs("      minute rule: ", f);
		rule_text(f, &m->minutes);
		if (mr->nincidents == 0)
			fputs("      incidents: none\n", f);
		for (size_t i = 0; i < mr->nincidents; i++) {
			const struct sr_incident *in = &mr->incidents[i];
			fprintf(f, "      incident %zu: ", i + 1);
			t(f, in->start, off);
			fputs(" -> ", f);
			t(f, in->end, off);
			sr_format_duration(in->end - in->start, d, sizeof d);
			fprintf(f, " (%s%s%s)\n", d, in->nevents > 1 ? ", merged events" : "",
				in->open_end ? ", still open" : "");
			for (size_t k = in->excl0; k < in->excl0 + in->nexcl; k++) {
				const struct sr_excl_span *s = &mr->excl[k];
				fputs("        excluded ", f);
				t(f, s->start, off);
				fputs(" -> ", f);
				t(f, s->end, off);
				sr_format_duration(s->end - s->start, d, sizeof d);
				fprintf(f, " (%s, cause %s, line %ld)\n", d, s->cause,
					x->events[s->event].line);
			}
			for (size_t k = in->piece0; k < in->piece0 + in->npieces; k++) {
				const struct sr_piece *p = &mr->pieces[k];
				fputs("        piece ", f);
				t(f, p->start, off);
				fputs(" -> ", f);
				t(f, p->end, off);
				sr_format_duration(p->end - p->start, d, sizeof d);
				fprintf(f, " (%s) counts %lld %s\n", d, (long long)p->counted,
					m->minutes.round == SR_ROUND_SECONDS ? "s" : "min");
			}
		}
		sr_fmt_unavailable(mr, b, sizeof b);
		fprintf(f, "      unavailable minutes: %s; excluded: %lld s\n", b,
			(long long)mr->excluded_seconds);
	}
	if (m->measure == SR_MEASURE_AVAILABILITY) {
		sr_ratio_format_pct(mr->availability, 4, b, sizeof b);
		fprintf(f, "      availability: %lld/%lld = %s %% (truncated); objective %s %%\n",
			(long long)mr->availability.num, (long long)mr->availability.den, b,
			m->objective_txt);
	} else {
		if (m->measure == SR_MEASURE_COUNT)
			fprintf(f, "      incidents: %lld; the commitment allows at most %s\n",
				(long long)mr->count, m->max_txt);
		else
			fprintf(f, "      measured outage minutes: %lld (%s); longest outage %lld "
				"min; all %zu outages %lld min; the commitment allows at most "
				"%s\n", (long long)(mr->value.num / mr->value.den),
				m->measure == SR_MEASURE_LONGEST ? "the longest outage" :
				"total of the outages longer than the commitment",
				(long long)mr->longest, mr->nincidents,
				(long long)mr->unavailable, m->max_txt);
	}
	switch (mr->status) {
	case SR_MET:
		fputs("      -> objective met: no compensation\n", f);
		return;
	case SR_GAP:
		fputs("      -> below the objective but in no band of the agreement: no "
		      "compensation (see the catalog's notes)\n", f);
		return;
	default:
		break;
	}
	fprintf(f, "      -> band %s\n", mr->band->label);
	sr_fmt_compensation(mr, c->acc->digits, b, sizeof b);
	sr_fmt_money(rr->res->fee, c->acc->digits, d, sizeof d);
	if (mr->comp == SR_COMP_VOUCHER)
		fprintf(f, "      -> voucher %s %% x fee %s = %s %s (half-up)%s\n",
			mr->band->percent_txt, d, b, c->acc->currency,
			mr->capped ? ", capped (month fee or liability cap)" : "");
	else if (mr->comp == SR_COMP_VOUCHER_EXCESS)
		fprintf(f, "      -> voucher %s x the unavailable minutes beyond the objective's "
			"allowance, at fee %s per %lld service minutes = %s %s (half-up)%s\n",
			mr->band->multiplier_txt, d, (long long)mr->service_minutes, b,
			c->acc->currency, mr->capped ? ", capped" : "");
	else if (mr->comp == SR_COMP_SERVICE_UNITS) {
		char up[40];
		sr_decimal_format(rr->res->unit_price, SR_UNIT_PRICE_DECIMALS, up, sizeof up);
		fprintf(f, "      -> %s units: floor(%s %% x fee %s / unit price %s) = %s%s\n",
			m->unit, mr->band->percent_txt, d, up, b, mr->capped ? " (capped)" : "");
	} else if (mr->comp == SR_COMP_REQUEST_UNITS)
		fprintf(f, "      -> %s units: failed requests %lld x %s = %s (floored)%s\n",
			m->unit, (long long)mr->failed_in_events, mr->band->multiplier_txt, b,
			mr->capped ? ", capped at the period's requests" : "");
	else if (mr->comp == SR_COMP_EXTRA_TIME)
		fprintf(f, "      -> %s %s of extra service\n", b, m->unit);
	fprintf(f, "      -> %s\n", mr->applied ? "applied (this is what is paid)" :
		"not applied (another metric of the resource pays more)");
}

void sr_explain_customer(FILE *f, const struct sr_exports *x,
			 const struct sr_customer_result *c, const char *period,
			 const struct sr_hold *hold)
{
	char b[64], d[64];

	fprintf(f, "customer %s — %s <%s>, locale %s, currency %s\nperiod %s\n", c->acc->id,
		c->acc->name, c->acc->email, c->acc->locale, c->acc->currency, period);
	if (hold != NULL)
		fprintf(f, "HELD: no report is published (%s). The figures below are what the "
			"valid rows give and are not final.\n", hold->reason);
	for (size_t i = 0; i < c->nr; i++) {
		const struct sr_resource_result *rr = &c->r[i];
		const struct sr_catalog *k = rr->cat;
		sr_fmt_money(rr->res->fee, c->acc->digits, b, sizeof b);
		fprintf(f, "\nresource %s (product %s, region %s, zone %s; resources.csv line %ld)\n",
			rr->res->id, rr->res->product, rr->res->region[0] ? rr->res->region : "-",
			rr->res->zone[0] ? rr->res->zone : "-", rr->res->line);
		fprintf(f, "  agreement: %s / %s, version %s (%s), monthly fee %s %s\n",
			k->title_zh, k->title_en, k->version, k->file, b, c->acc->currency);
		for (size_t j = 0; j < rr->nm; j++)
			metric(f, x, c, rr, &rr->m[j]);
		sr_fmt_money(rr->voucher, c->acc->digits, b, sizeof b);
		fprintf(f, "  resource total: voucher %s %s, units %lld (combine: %s)\n", b,
			c->acc->currency, (long long)rr->units,
			k->combine == SR_COMBINE_MAX ? "the higher compensation is paid" :
			k->combine == SR_COMBINE_SUM ? "sum of metrics" : "per metric");
	}
	sr_fmt_money(c->voucher_total, c->acc->digits, b, sizeof b);
	fprintf(f, "\ntotal: voucher %s %s, units", b, c->acc->currency);
	for (size_t i = 0; i < c->nunits; i++)
		fprintf(f, " %lld %s", (long long)c->units[i].n, c->units[i].unit);
	fprintf(f, "%s, %zu resources, %zu below objective\n", c->nunits ? "" : " 0", c->nr,
		c->breaches);
	if (c->has_claim) {
		sr_format_date(c->claim_opens, b, sizeof b);
		sr_format_date(c->claim_closes, d, sizeof d);
		fprintf(f, "claim window: from %s to %s inclusive\n", b, d);
	} else {
		fputs("claim window: nothing to claim\n", f);
	}
}
