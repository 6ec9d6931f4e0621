#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ledger.h"
#include "report.h"

static int zh(const struct sr_tpl *t)
{
	return strcmp(t->lang, "zh-CN") == 0;
}

static const char *loc(const struct sr_tpl *t, const char *zh_text, const char *en_text)
{
	if (zh(t))
		return zh_text[0] ? zh_text : en_text;
	return en_text[0] ? en_text : zh_text;
}

/* The unit label of a unit kind ("sms" -> "条短信"), or the kind itself. */
static const char *unit_label(const struct sr_tpl *t, const char *unit)
{
	char key[64];
	const char *v;

	snprintf(key, sizeof key, "unit.%s", unit);
	v = sr_tpl_raw(t, key);
	return v != NULL ? v : unit;
}

static void band_text(const struct sr_tpl *t, const struct sr_metric_result *mr, char *buf,
		      size_t n)
{
	const char *key = NULL;

	switch (mr->status) {
	case SR_MET: key = "band.met"; break;
	case SR_GAP: key = "band.gap"; break;
	case SR_NOT_APPLICABLE: key = "band.na"; break;
	case SR_NO_COMMITMENT: key = "band.none"; break;
	default: break;
	}
	if (key != NULL)
		sr_tpl_fmt(t, buf, n, key, NULL);
	else if (mr->metric->measure != SR_MEASURE_AVAILABILITY && !mr->band->has_upper)
		/* an unbounded count or minutes band: "> 5", not "(5,inf)" */
		sr_tpl_fmt(t, buf, n, mr->band->lower_incl ? "band.from" : "band.above", "lower",
			   mr->band->has_lower ? mr->band->lower_txt : "0", NULL);
	else
		snprintf(buf, n, "%s", mr->band->label);
}

static void comp_text(const struct sr_tpl *t, const struct sr_account *acc,
		      const struct sr_metric_result *mr, char *buf, size_t n)
{
	char num[48];

	switch (mr->comp) {
	case SR_COMP_VOUCHER:
	case SR_COMP_VOUCHER_EXCESS:
		sr_loc_money(t->lang, mr->voucher, acc->digits, acc->currency, buf, n);
		break;
	case SR_COMP_SERVICE_UNITS:
	case SR_COMP_REQUEST_UNITS:
	case SR_COMP_EXTRA_TIME:
		sr_loc_int(mr->units, num, sizeof num);
		snprintf(buf, n, "%s %s", num, unit_label(t, mr->metric->unit));
		break;
	default:
		snprintf(buf, n, "—");
	}
}

static void row_of(const struct sr_tpl *t, const struct sr_account *acc,
		   const struct sr_resource_result *rr, const struct sr_metric_result *mr,
		   struct sr_rpt_row *row)
{
	char b[64];

	memset(row, 0, sizeof *row);
	snprintf(row->resource, sizeof row->resource, "%s", rr->res->id);
	snprintf(row->metric, sizeof row->metric, "%s",
		 loc(t, mr->metric->title_zh, mr->metric->title_en));
	sr_utf8_trim(row->metric);
	if (mr->status != SR_NOT_APPLICABLE)
		sr_loc_int(mr->service_minutes, row->service, sizeof row->service);
	sr_fmt_unavailable(mr, b, sizeof b);
	snprintf(row->unavailable, sizeof row->unavailable, "%s", b[0] ? b : "—");
	if (mr->status == SR_NOT_APPLICABLE || mr->status == SR_NO_COMMITMENT) {
		snprintf(row->availability, sizeof row->availability, "—");
	} else if (mr->metric->measure != SR_MEASURE_AVAILABILITY) {
		/* counts and outage lengths: the measured value, not a percentage */
		char v[24];
		snprintf(v, sizeof v, "%lld", (long long)(mr->value.num / mr->value.den));
		sr_tpl_fmt(t, row->availability, sizeof row->availability,
			   mr->metric->measure == SR_MEASURE_COUNT ? "value.count" :
			   "value.minutes", "n", v, NULL);
	} else {
		sr_loc_pct(t->lang, mr->availability, row->availability, sizeof row->availability);
	}
	band_text(t, mr, row->band, sizeof row->band);
	sr_loc_money(t->lang, rr->res->fee, acc->digits, acc->currency, row->fee, sizeof row->fee);
	comp_text(t, acc, mr, row->compensation, sizeof row->compensation);
	if (mr->status == SR_BAND && !mr->applied) {
		char amount[64];
		snprintf(amount, sizeof amount, "%s", row->compensation);
		sr_tpl_fmt(t, row->compensation, sizeof row->compensation, "row.not_applied",
			   "amount", amount, NULL);
	}
	row->below = mr->status == SR_BAND || mr->status == SR_GAP;
	row->applied = mr->applied;
}

/* A duration in the report's language: "1 h 02 min 03 s" / "1 小时 02 分 03 秒". */
static void duration_text(const struct sr_tpl *t, int64_t secs, char *buf, size_t n)
{
	char h[24], m[8], s[8];

	snprintf(h, sizeof h, "%lld", (long long)(secs / 3600));
	snprintf(m, sizeof m, secs >= 3600 ? "%02lld" : "%lld", (long long)(secs % 3600 / 60));
	snprintf(s, sizeof s, secs >= 60 ? "%02lld" : "%lld", (long long)(secs % 60));
	sr_tpl_fmt(t, buf, n, secs >= 3600 ? "duration.hms" : secs >= 60 ? "duration.ms" :
		   "duration.s", "h", h, "m", m, "s", s, NULL);
}

static const char *cause_text(const struct sr_catalog *k, const char *code)
{
	const struct sr_cause *c = sr_catalog_cause(k, code);

	return c != NULL && c->text[0] ? c->text : code;
}

static void add_incidents(const struct sr_tpl *t, const struct sr_exports *x,
			  const struct sr_resource_result *rr, const struct sr_metric_result *mr,
			  struct sr_rpt_product *p)
{
	int off = rr->cat->tz_off;

	for (size_t i = 0; i < mr->nincidents && p->nincidents < 200; i++) {
		const struct sr_incident *in = &mr->incidents[i];
		struct sr_rpt_incident *ri;
		char s[40], e[40], d[48], cnt[32], open[128];
		void *nv = realloc(p->incidents, (p->nincidents + 1) * sizeof *p->incidents);

		if (nv == NULL)
			return;
		p->incidents = nv;
		ri = &p->incidents[p->nincidents++];
		memset(ri, 0, sizeof *ri);
		sr_tpl_fmt(t, ri->heading, sizeof ri->heading, "incidents.resource", "resource",
			   rr->res->id, "metric", loc(t, mr->metric->title_zh, mr->metric->title_en),
			   NULL);
		sr_format_local(in->start, off, s, sizeof s);
		sr_format_local(in->end, off, e, sizeof e);
		duration_text(t, in->end - in->start, d, sizeof d);
		snprintf(cnt, sizeof cnt, "%lld", (long long)in->counted);
		open[0] = '\0';
		if (in->open_end)
			sr_tpl_fmt(t, open, sizeof open, "incidents.open", NULL);
		sr_tpl_fmt(t, ri->line, sizeof ri->line, "incidents.line", "start", s, "end", e,
			   "duration", d, "counted", cnt, "open", open, NULL);
		for (size_t k = in->excl0; k < in->excl0 + in->nexcl && ri->nexcluded < 8; k++) {
			const struct sr_excl_span *sp = &mr->excl[k];
			sr_format_local(sp->start, off, s, sizeof s);
			sr_format_local(sp->end, off, e, sizeof e);
			duration_text(t, sp->end - sp->start, d, sizeof d);
			sr_tpl_fmt(t, ri->excluded[ri->nexcluded], sizeof ri->excluded[0],
				   "incidents.excluded", "start", s, "end", e, "duration", d,
				   "cause", cause_text(rr->cat, sp->cause), NULL);
			ri->nexcluded++;
		}
		(void)x;
	}
}

/* The allowance of the objective in minutes for a month of `service` minutes. */
static int64_t allowance(const struct sr_metric *m, int64_t service)
{
	if (m->has_objective <= 0)
		return 0;
	return (int64_t)((__int128)service * (m->objective.den - m->objective.num) /
			 m->objective.den);
}

static int minute_kind(enum sr_metric_kind k)
{
	return k == SR_MK_EVENT_MINUTES || k == SR_MK_MULTI_ZONE || k == SR_MK_SUM ||
	       k == SR_MK_FLEET || k == SR_MK_USAGE_WINDOWS;
}

static struct sr_rpt_product *product_of(struct sr_report *r, const struct sr_tpl *t,
					 const struct sr_catalog *k, const struct sr_catalog **keys,
					 const struct sr_rpt_run *run)
{
	struct sr_rpt_product *p;
	char eff[128] = "", date[64];
	int y, m;

	for (size_t i = 0; i < r->nproducts; i++)
		if (keys[i] == k)
			return &r->products[i];
	p = &r->products[r->nproducts];
	keys[r->nproducts++] = k;
	memset(p, 0, sizeof *p);
	snprintf(p->heading, sizeof p->heading, "%s", loc(t, k->title_zh, k->title_en));
	if (k->has_effective) {
		sr_loc_date(t->lang, k->effective_day, date, sizeof date);
		sr_tpl_fmt(t, eff, sizeof eff, "product.effective", "date", date, NULL);
	}
	sr_tpl_fmt(t, p->agreement, sizeof p->agreement, "product.agreement", "title_zh",
		   k->title_zh, "title_en", k->title_en, "version", k->version, "effective", eff,
		   NULL);
	for (size_t i = 0; i < k->nmetrics && p->nobjectives < 8; i++) {
		const struct sr_metric *mt = &k->metrics[i];
		char o[48];
		if (mt->has_objective > 0) {
			snprintf(o, sizeof o, "%s%s", mt->objective_txt, zh(t) ? "%" : " %");
			sr_tpl_fmt(t, p->objectives[p->nobjectives++], sizeof p->objectives[0],
				   "product.objective", "metric", loc(t, mt->title_zh, mt->title_en),
				   "objective", o, NULL);
		} else if (mt->has_max > 0) {
			sr_tpl_fmt(t, p->objectives[p->nobjectives++], sizeof p->objectives[0],
				   "product.objective_max", "metric",
				   loc(t, mt->title_zh, mt->title_en), "max", mt->max_txt, NULL);
		} else if (mt->kind == SR_MK_NONE) {
			sr_tpl_fmt(t, p->objectives[p->nobjectives++], sizeof p->objectives[0],
				   "product.no_commitment", NULL);
		}
	}
	for (size_t i = 0; i < k->ncommitments && p->ncommitments < 8; i++)
		sr_tpl_fmt(t, p->commitments[p->ncommitments++], sizeof p->commitments[0],
			   "product.commitment", "text",
			   loc(t, k->commitments[i].text_zh, k->commitments[i].text_en), NULL);
	sscanf(run->period, "%d-%d", &y, &m);
	p->ndays = sr_days_in_month(y, m);
	return p;
}

int sr_report_build(const struct sr_customer_result *c, const struct sr_exports *x,
		    const struct sr_tpl *t, const struct sr_rpt_run *run, struct sr_report *r,
		    struct sr_err *e)
{
	const struct sr_account *acc = c->acc;
	const struct sr_catalog **keys = NULL;
	char a[SR_RPT_TEXT], b[SR_RPT_TEXT], period[64], num[48];
	int y = 0, m = 0;

	memset(r, 0, sizeof *r);
	snprintf(r->lang, sizeof r->lang, "%s", t->lang);
	snprintf(r->customer_id, sizeof r->customer_id, "%s", acc->id);
	sscanf(run->period, "%d-%d", &y, &m);
	snprintf(r->report_id, sizeof r->report_id, "SR-%04d%02d-%s", y, m, acc->id);
	sr_loc_month(t->lang, y, m, period, sizeof period);
	sr_tpl_fmt(t, r->doc_title, sizeof r->doc_title, "doc.title", NULL);
	sr_tpl_fmt(t, r->doc_subject, sizeof r->doc_subject, "doc.subject", "period", period,
		   NULL);
	sr_tpl_fmt(t, r->doc_keywords, sizeof r->doc_keywords, "doc.keywords", "period",
		   run->period, NULL);
	sr_tpl_fmt(t, r->title, sizeof r->title, "title", NULL);
	sr_tpl_fmt(t, r->period, sizeof r->period, "title.period", "period", period, NULL);
	sr_tpl_fmt(t, r->customer, sizeof r->customer, "title.customer", "name", acc->name, "id",
		   acc->id, NULL);
	sr_tpl_fmt(t, r->report_line, sizeof r->report_line, "title.report_id", "report_id",
		   r->report_id, NULL);
	/* providers of the agreements covered, in order */
	a[0] = '\0';
	for (size_t i = 0; i < c->nr; i++) {
		const char *pv = c->r[i].cat->provider;
		if (strstr(a, pv) == NULL)
			snprintf(a + strlen(a), sizeof a - strlen(a), "%s%s", a[0] ? ", " : "", pv);
	}
	sr_tpl_fmt(t, r->provider, sizeof r->provider, "title.provider", "provider",
		   a[0] ? a : "—", NULL);
	snprintf(r->doc_author, sizeof r->doc_author, "%s", a);

	/* summary */
	r->all_met = c->breaches == 0;
	sr_tpl_fmt(t, r->summary_heading, sizeof r->summary_heading, "summary.heading", NULL);
	snprintf(a, sizeof a, "%zu", c->nr);
	snprintf(b, sizeof b, "%zu", c->breaches);
	if (r->all_met)
		sr_tpl_fmt(t, r->summary[r->nsummary++], sizeof r->summary[0], "summary.ok",
			   "period", period, NULL);
	else
		sr_tpl_fmt(t, r->summary[r->nsummary++], sizeof r->summary[0], "summary.breach",
			   "period", period, "breaches", b, "resources", a, NULL);
	sr_tpl_fmt(t, r->summary[r->nsummary++], sizeof r->summary[0], "summary.resources",
		   "resources", a, "breaches", b, NULL);
	if (c->voucher_total > 0) {
		sr_loc_money(t->lang, c->voucher_total, acc->digits, acc->currency, num, sizeof num);
		sr_tpl_fmt(t, r->summary[r->nsummary++], sizeof r->summary[0],
			   "summary.total_voucher", "amount", num, NULL);
	}
	for (size_t i = 0; i < c->nunits && r->nsummary < 6; i++) {
		sr_loc_int(c->units[i].n, num, sizeof num);
		sr_tpl_fmt(t, r->summary[r->nsummary++], sizeof r->summary[0], "summary.total_units",
			   "amount", num, "unit", unit_label(t, c->units[i].unit), NULL);
	}
	if (c->has_claim) {
		sr_loc_date(t->lang, c->claim_opens, a, sizeof a);
		sr_loc_date(t->lang, c->claim_closes, b, sizeof b);
		sr_tpl_fmt(t, r->summary[r->nsummary++], sizeof r->summary[0], "summary.claim",
			   "opens", a, "closes", b, NULL);
		sr_tpl_fmt(t, r->summary[r->nsummary++], sizeof r->summary[0], "summary.how",
			   NULL);
	} else {
		sr_tpl_fmt(t, r->summary[r->nsummary++], sizeof r->summary[0],
			   "summary.nothing_to_claim", NULL);
	}

	/* per product */
	static const char *const cols[] = {
		"col.resource", "col.metric", "col.service", "col.unavailable", "col.availability",
		"col.band", "col.fee", "col.compensation"
	};
	for (int i = 0; i < 8; i++)
		sr_tpl_fmt(t, r->col[i], sizeof r->col[i], cols[i], NULL);
	sr_tpl_fmt(t, r->incidents_heading, sizeof r->incidents_heading, "incidents.heading",
		   NULL);
	sr_tpl_fmt(t, r->notes_heading, sizeof r->notes_heading, "notes.heading", NULL);
	r->products = calloc(c->nr ? c->nr : 1, sizeof *r->products);
	keys = calloc(c->nr ? c->nr : 1, sizeof *keys);
	if (r->products == NULL || keys == NULL) {
		free(keys);
		return sr_err_set(e, "no-memory", "out of memory");
	}
	for (size_t i = 0; i < c->nr; i++) {
		const struct sr_resource_result *rr = &c->r[i];
		struct sr_rpt_product *p = product_of(r, t, rr->cat, keys, run);
		const struct sr_metric *prim = sr_catalog_primary(rr->cat);

		for (size_t j = 0; j < rr->nm; j++) {
			const struct sr_metric_result *mr = &rr->m[j];
			void *nv;
			/* a metric that does not apply is shown only if it is the primary */
			if (mr->status == SR_NOT_APPLICABLE && mr->metric != prim)
				continue;
			nv = realloc(p->rows, (p->nrows + 1) * sizeof *p->rows);
			if (nv == NULL) {
				free(keys);
				return sr_err_set(e, "no-memory", "out of memory");
			}
			p->rows = nv;
			row_of(t, acc, rr, mr, &p->rows[p->nrows++]);
			if (mr->metric == prim && minute_kind(mr->metric->kind) &&
			    mr->status != SR_NOT_APPLICABLE) {
				for (int d = 0; d < 31; d++)
					p->per_day[d] += mr->per_day[d];
				if (!p->has_chart || allowance(prim, mr->service_minutes) > p->allowance)
					p->allowance = allowance(prim, mr->service_minutes);
				p->has_chart = 1;
				snprintf(num, sizeof num, "%lld", (long long)p->allowance);
				sr_tpl_fmt(t, p->chart_title, sizeof p->chart_title, "chart.title",
					   "metric", loc(t, prim->title_zh, prim->title_en),
					   "allowance", num, NULL);
			}
			if (mr->status == SR_BAND || mr->status == SR_GAP)
				add_incidents(t, x, rr, mr, p);
		}
		/* the catalog's notes, when something of this product missed */
		if (rr->breach && p->nnotes == 0)
			for (size_t n = 0; n < rr->cat->nnotes && p->nnotes < 16; n++) {
				const struct sr_note *no = &rr->cat->notes[n];
				sr_tpl_fmt(t, p->notes[p->nnotes++], sizeof p->notes[0], "notes.line",
					   "title", no->id, "policy",
					   loc(t, no->policy_zh, no->policy_en), NULL);
			}
	}
	free(keys);
	/* footer; the backend fills in {page} and {pages} */
	sr_tpl_fmt(t, r->footer, sizeof r->footer, "footer", "page", "{page}", "pages",
		   "{pages}", "report_id", r->report_id, "digest", run->input_digest, "version",
		   run->version, "catalogs", run->catalogs_digest, NULL);
	return 0;
}

void sr_report_free(struct sr_report *r)
{
	for (size_t i = 0; i < r->nproducts; i++) {
		free(r->products[i].rows);
		free(r->products[i].incidents);
	}
	free(r->products);
	memset(r, 0, sizeof *r);
}
