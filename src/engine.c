#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "engine.h"

const char *sr_status_name(enum sr_status s)
{
	static const char *const names[] = {"met", "band", "gap", "n/a", "no-commitment"};

	return names[s];
}

/* ---------------- time windows ---------------- */

int64_t sr_service_minutes(sr_time ws, sr_time we, int off)
{
	if (we <= ws)
		return 0;
	/* first and last day counted whole; we is exclusive */
	return (sr_local_day(we - 1, off) - sr_local_day(ws, off) + 1) * 1440;
}

static sr_time month_start(int y, int m, int off)
{
	return sr_day_start(sr_days_from_civil(y, m, 1), off);
}

static void next_month(int *y, int *m)
{
	if (++*m == 13) {
		*m = 1;
		++*y;
	}
}

/* Local day d of month y-m, clamped to the month's last day (an anniversary on
 * the 31st falls on the 30th in a 30-day month). */
static sr_time day_in_month(int y, int m, int d, int off)
{
	int last = sr_days_in_month(y, m);

	return sr_day_start(sr_days_from_civil(y, m, d > last ? last : d), off);
}

int sr_service_window(const struct sr_catalog *k, const struct sr_resource *r, int y, int m,
		      sr_time *ws, sr_time *we, char *why, size_t whyn)
{
	int off = k->tz_off, ny = y, nm = m;
	sr_time ps = month_start(y, m, off), pe;

	next_month(&ny, &nm);
	pe = month_start(ny, nm, off);
	*ws = ps;
	*we = pe;
	if (k->period == SR_PERIOD_ANNIVERSARY_MONTH && r->has_start) {
		int sy, sm, sd, py = y, pm = m - 1;
		sr_civil_from_days(sr_local_day(r->start, off), &sy, &sm, &sd);
		if (pm == 0) {
			pm = 12;
			py--;
		}
		if (sd != 1) {
			/* the anniversary month that ends inside the period */
			*ws = day_in_month(py, pm, sd, off);
			*we = day_in_month(y, m, sd, off);
			if (r->start > *ws) {
				snprintf(why, whyn, "the first service month (from the activation "
					 "day) ends after this period");
				return -1;
			}
		}
	}
	if (r->has_start && r->start > *ws)
		*ws = r->start;
	if (r->has_end && r->end < *we)
		*we = r->end;
	if (*we <= *ws) {
		snprintf(why, whyn, "not in service during the period");
		return -1;
	}
	if (k->period == SR_PERIOD_FULL_MONTH && (*ws != ps || *we != pe)) {
		snprintf(why, whyn, "a partial month is not a service month under this agreement");
		return -1;
	}
	return 0;
}

/* ---------------- spans ---------------- */

struct span {
	sr_time start, end;
	size_t event;      /* originating event (exclusions, counted events) */
	int open_end;
};

struct spans {
	struct span *v;
	size_t n, cap;
};

static int push(struct spans *s, sr_time a, sr_time b, size_t ev, int open_end)
{
	if (s->n == s->cap) {
		size_t nc = s->cap ? s->cap * 2 : 16;
		struct span *nv = realloc(s->v, nc * sizeof *nv);
		if (nv == NULL)
			return -1;
		s->v = nv;
		s->cap = nc;
	}
	s->v[s->n++] = (struct span){a, b, ev, open_end};
	return 0;
}

static int by_start(const void *a, const void *b);

static void sort_spans(struct spans *s)
{
	if (s->n > 1)
		qsort(s->v, s->n, sizeof *s->v, by_start);
}

static int by_start(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->start != y->start)
		return (x->start > y->start) - (x->start < y->start);
	return (x->end > y->end) - (x->end < y->end);
}

/* Sorts and merges spans whose gap is at most `gap` seconds (0: overlapping or
 * touching).  Writes merged spans to out; counts[i] = events merged. */
static int merge(struct spans *in, int64_t gap, struct spans *out, size_t **counts)
{
	size_t *cnt;

	sort_spans(in);
	cnt = calloc(in->n ? in->n : 1, sizeof *cnt);
	if (cnt == NULL)
		return -1;
	for (size_t i = 0; i < in->n; i++) {
		struct span *last = out->n ? &out->v[out->n - 1] : NULL;
		if (last != NULL && in->v[i].start - last->end <= gap) {
			if (in->v[i].end > last->end)
				last->end = in->v[i].end;
			last->open_end |= in->v[i].open_end;
			cnt[out->n - 1]++;
		} else {
			if (push(out, in->v[i].start, in->v[i].end, in->v[i].event, in->v[i].open_end))
				return free(cnt), -1;
			cnt[out->n - 1] = 1;
		}
	}
	if (counts != NULL)
		*counts = cnt;
	else
		free(cnt);
	return 0;
}

/* ---------------- minute rule ---------------- */

int64_t sr_count_piece(const struct sr_minute_rule *r, int64_t s)
{
	int64_t n;

	if (s <= 0 || (r->ignore_inclusive ? s <= r->ignore_seconds : s < r->ignore_seconds))
		return 0;
	switch (r->round) {
	case SR_ROUND_SECONDS:
		n = s - r->deductible_minutes * 60;
		break;
	case SR_ROUND_DOWN:
		n = s / 60 - r->deductible_minutes;
		break;
	default:
		n = (s + 59) / 60 - r->deductible_minutes;
		break;
	}
	return n > 0 ? n : 0;
}

/* ---------------- per-metric computation ---------------- */

struct ctx {
	const struct sr_exports *x;
	const struct sr_catalogs *cats;
	size_t a;
	struct sr_err *e;
};

static int event_applies(const struct sr_event *ev, const struct sr_resource *r,
			 const char *metric)
{
	return strcmp(ev->product, r->product) == 0 && strcmp(ev->metric, metric) == 0 &&
	       (strcmp(ev->resource, r->id) == 0 ||
		(!ev->counts && strcmp(ev->resource, "*") == 0));
}

/* The resource's counted events for metric, clipped to [ws, we) and merged by
 * the metric's gap rule; and its exclusion spans, clipped and merged. */
static int collect(const struct ctx *c, const struct sr_resource *r, const struct sr_metric *m,
		   sr_time ws, sr_time we, struct spans *inc, size_t **inc_counts,
		   struct spans *excl)
{
	const struct sr_exports *x = c->x;
	struct spans raw = {0}, rawx = {0};
	int rc = -1;

	for (size_t k = x->ev_off[c->a]; k < x->ev_off[c->a + 1]; k++) {
		const struct sr_event *ev = &x->events[x->ev_ix[k]];
		sr_time s = ev->start > ws ? ev->start : ws;
		sr_time t = ev->end < we ? ev->end : we;
		if (!event_applies(ev, r, m->id) || t < s || (t == s && ev->start != ev->end))
			continue;
		if (push(ev->counts ? &raw : &rawx, s, t, x->ev_ix[k], ev->open_end))
			goto out;
	}
	if (merge(&raw, m->minutes.merge_gap_seconds, inc, inc_counts))
		goto out;
	/* exclusion spans are kept one per event (the report names each cause) */
	sort_spans(&rawx);
	for (size_t i = 0; i < rawx.n; i++)
		if (push(excl, rawx.v[i].start, rawx.v[i].end, rawx.v[i].event, 0))
			goto out;
	rc = 0;
out:
	free(raw.v);
	free(rawx.v);
	return rc;
}

static int add_piece(struct sr_metric_result *mr, sr_time a, sr_time b)
{
	struct sr_piece *nv = realloc(mr->pieces, (mr->npieces + 1) * sizeof *nv);

	if (nv == NULL)
		return -1;
	mr->pieces = nv;
	mr->pieces[mr->npieces++] = (struct sr_piece){a, b, 0};
	return 0;
}

static int add_excl(struct sr_metric_result *mr, const struct sr_exports *x, sr_time a,
		    sr_time b, size_t ev)
{
	struct sr_excl_span *nv = realloc(mr->excl, (mr->nexcl + 1) * sizeof *nv);

	if (nv == NULL)
		return -1;
	mr->excl = nv;
	mr->excl[mr->nexcl] = (struct sr_excl_span){a, b, "", ev};
	snprintf(mr->excl[mr->nexcl].cause, sizeof mr->excl[mr->nexcl].cause, "%s",
		 x->events[ev].cause);
	mr->nexcl++;
	mr->excluded_seconds += b - a;
	return 0;
}

/* Cuts incident [s, t) by the exclusion spans: records the remaining pieces and
 * the excluded parts (with their cause) in mr. */
static int subtract(struct sr_metric_result *mr, const struct sr_exports *x, sr_time s,
		    sr_time t, const struct spans *excl)
{
	sr_time cur = s;

	/* excluded parts, one per exclusion event (they may overlap each other) */
	for (size_t i = 0; i < excl->n; i++) {
		sr_time a = excl->v[i].start > s ? excl->v[i].start : s;
		sr_time b = excl->v[i].end < t ? excl->v[i].end : t;
		if (a < b && add_excl(mr, x, a, b, excl->v[i].event))
			return -1;
	}
	/* overlapping exclusions must not count twice in excluded_seconds */
	{
		struct spans u = {0}, in = {0};
		int64_t cover = 0, listed = 0;
		for (size_t i = 0; i < excl->n; i++) {
			sr_time a = excl->v[i].start > s ? excl->v[i].start : s;
			sr_time b = excl->v[i].end < t ? excl->v[i].end : t;
			if (a < b && push(&in, a, b, 0, 0)) {
				free(in.v);
				return -1;
			}
			if (a < b)
				listed += b - a;
		}
		if (merge(&in, 0, &u, NULL)) {
			free(in.v);
			free(u.v);
			return -1;
		}
		for (size_t i = 0; i < u.n; i++)
			cover += u.v[i].end - u.v[i].start;
		mr->excluded_seconds -= listed - cover;
		/* pieces = [s, t) minus the merged exclusions */
		for (size_t i = 0; i < u.n; i++) {
			if (u.v[i].start > cur && add_piece(mr, cur, u.v[i].start)) {
				free(in.v);
				free(u.v);
				return -1;
			}
			if (u.v[i].end > cur)
				cur = u.v[i].end;
		}
		free(in.v);
		free(u.v);
	}
	if (cur < t)
		return add_piece(mr, cur, t);
	if (s == t)  /* a zero-length event is a piece of 0 seconds */
		return add_piece(mr, s, t);
	return 0;
}

/* Counts the pieces of every incident and fills per-day minutes.  Cutting an
 * exclusion out of an incident never adds minutes: an incident counts at most
 * what it would count whole (two rounded-up halves of a 3-minute outage with a
 * 1-second exclusion would otherwise count 4). */
static void count_pieces(struct sr_metric_result *mr, const struct sr_minute_rule *rule,
			 int off, int64_t first_day)
{
	mr->unavailable = 0;
	for (size_t i = 0; i < mr->nincidents; i++) {
		struct sr_incident *in = &mr->incidents[i];
		int64_t whole = sr_count_piece(rule, in->end - in->start), day = -1;

		in->counted = 0;
		for (size_t p = in->piece0; p < in->piece0 + in->npieces; p++) {
			struct sr_piece *pc = &mr->pieces[p];
			pc->counted = sr_count_piece(rule, pc->end - pc->start);
			in->counted += pc->counted;
			day = sr_local_day(pc->start, off) - first_day;
			if (day >= 0 && day < 31)
				mr->per_day[day] += rule->round == SR_ROUND_SECONDS ?
						    (pc->counted + 59) / 60 : pc->counted;
		}
		if (in->counted > whole) {
			if (day >= 0 && day < 31 && rule->round != SR_ROUND_SECONDS)
				mr->per_day[day] -= in->counted - whole;
			in->counted = whole;
			in->capped = 1;
		}
		mr->unavailable += in->counted;
	}
}

static int incidents_from(struct sr_metric_result *mr, const struct sr_exports *x,
			  const struct spans *inc, const size_t *counts, const struct spans *excl)
{
	mr->incidents = calloc(inc->n ? inc->n : 1, sizeof *mr->incidents);
	if (mr->incidents == NULL)
		return -1;
	for (size_t i = 0; i < inc->n; i++) {
		struct sr_incident *in = &mr->incidents[mr->nincidents++];
		in->start = inc->v[i].start;
		in->end = inc->v[i].end;
		in->open_end = inc->v[i].open_end;
		in->nevents = counts ? counts[i] : 0;
		in->piece0 = mr->npieces;
		in->excl0 = mr->nexcl;
		if (subtract(mr, x, in->start, in->end, excl))
			return -1;
		in->npieces = mr->npieces - in->piece0;
		in->nexcl = mr->nexcl - in->excl0;
	}
	return 0;
}

static void set_availability(struct sr_metric_result *mr)
{
	int64_t total = mr->service_minutes, down = mr->unavailable;

	if (mr->metric->minutes.round == SR_ROUND_SECONDS)
		total *= 60;
	if (down > total)  /* rounded-up pieces of a month-long outage */
		down = mr->unavailable = total;
	mr->availability = (struct sr_ratio){total - down, total > 0 ? total : 1};
}

static int event_metric(const struct ctx *c, const struct sr_resource *r,
			const struct sr_catalog *k, struct sr_metric_result *mr)
{
	struct spans inc = {0}, excl = {0};
	size_t *counts = NULL;
	int rc = -1;

	if (collect(c, r, mr->metric, mr->win_start, mr->win_end, &inc, &counts, &excl))
		goto out;
	if (incidents_from(mr, c->x, &inc, counts, &excl))
		goto out;
	count_pieces(mr, &mr->metric->minutes, k->tz_off,
		     sr_days_from_civil(c->x->period_y, c->x->period_m, 1));
	/* failed requests of counted events, pro-rated to the part of the event
	 * that lies in counted pieces (an excluded span is no fault event) */
	for (size_t k2 = c->x->ev_off[c->a]; k2 < c->x->ev_off[c->a + 1]; k2++) {
		const struct sr_event *ev = &c->x->events[c->x->ev_ix[k2]];
		sr_time s = ev->start > mr->win_start ? ev->start : mr->win_start;
		sr_time t = ev->end < mr->win_end ? ev->end : mr->win_end;
		int64_t in_counted = 0;

		if (!ev->counts || !ev->has_failed || !event_applies(ev, r, mr->metric->id) ||
		    t <= s)
			continue;
		for (size_t p = 0; p < mr->npieces; p++) {
			sr_time a = mr->pieces[p].start > s ? mr->pieces[p].start : s;
			sr_time b = mr->pieces[p].end < t ? mr->pieces[p].end : t;
			if (mr->pieces[p].counted > 0 && a < b)
				in_counted += b - a;
		}
		mr->failed_in_events += (int64_t)((__int128)ev->failed * in_counted / (t - s));
	}
	set_availability(mr);
	rc = 0;
out:
	free(inc.v);
	free(excl.v);
	free(counts);
	return rc;
}

/* The uncounted pieces (after exclusions) of resource r for base metric m. */
static int base_pieces(const struct ctx *c, const struct sr_resource *r,
		       const struct sr_catalog *k, const struct sr_metric *m, struct spans *out)
{
	struct sr_metric_result tmp;
	char why[128];
	int rc = -1;

	memset(&tmp, 0, sizeof tmp);
	tmp.metric = m;
	if (sr_service_window(k, r, c->x->period_y, c->x->period_m, &tmp.win_start,
			      &tmp.win_end, why, sizeof why))
		return 0;
	{
		struct spans inc = {0}, excl = {0};
		size_t *counts = NULL;
		if (collect(c, r, m, tmp.win_start, tmp.win_end, &inc, &counts, &excl) == 0 &&
		    incidents_from(&tmp, c->x, &inc, counts, &excl) == 0) {
			rc = 0;
			for (size_t i = 0; i < tmp.npieces && rc == 0; i++)
				if (tmp.pieces[i].end > tmp.pieces[i].start)
					rc = push(out, tmp.pieces[i].start, tmp.pieces[i].end, 0, 0);
		}
		free(inc.v);
		free(excl.v);
		free(counts);
	}
	free(tmp.incidents);
	free(tmp.pieces);
	free(tmp.excl);
	return rc;
}

static int intersect(const struct spans *a, const struct spans *b, struct spans *out)
{
	size_t i = 0, j = 0;

	out->n = 0;
	while (i < a->n && j < b->n) {
		sr_time s = a->v[i].start > b->v[j].start ? a->v[i].start : b->v[j].start;
		sr_time t = a->v[i].end < b->v[j].end ? a->v[i].end : b->v[j].end;
		if (s < t && push(out, s, t, 0, 0))
			return -1;
		if (a->v[i].end < b->v[j].end)
			i++;
		else
			j++;
	}
	return 0;
}

/* Derived multi-zone metric: r is down while it is down and every resource of
 * the customer in some other zone of its region is down too. */
static int multi_zone_metric(const struct ctx *c, const struct sr_resource *r,
			     const struct sr_catalog *k, struct sr_metric_result *mr)
{
	const struct sr_exports *x = c->x;
	const struct sr_metric *base = sr_catalog_metric(k, mr->metric->of);
	struct spans mine = {0}, mine_m = {0}, other_down = {0}, acc = {0}, tmp = {0};
	struct spans derived = {0}, merged = {0};
	int zones = 0, rc = -1;

	if (base == NULL || !r->zone[0] || !r->region[0]) {
		mr->status = SR_NOT_APPLICABLE;
		snprintf(mr->note, sizeof mr->note, "no zone/region for this resource");
		return 0;
	}
	if (base_pieces(c, r, k, base, &mine) || merge(&mine, 0, &mine_m, NULL))
		goto out;
	/* for each other zone of the region: the spans where all its resources are down */
	for (size_t i = x->res_off[c->a]; i < x->res_off[c->a + 1]; i++) {
		const struct sr_resource *o = &x->resources[x->res_ix[i]];
		int seen = 0;
		struct spans zone_all = {0};
		if (strcmp(o->product, r->product) || strcmp(o->region, r->region) ||
		    !o->zone[0] || strcmp(o->zone, r->zone) == 0)
			continue;
		for (size_t j = x->res_off[c->a]; j < i; j++) {
			const struct sr_resource *p = &x->resources[x->res_ix[j]];
			seen |= strcmp(p->product, r->product) == 0 &&
				strcmp(p->region, r->region) == 0 && strcmp(p->zone, o->zone) == 0;
		}
		if (seen)
			continue;  /* zone already handled */
		zones++;
		for (size_t j = i; j < x->res_off[c->a + 1]; j++) {
			const struct sr_resource *p = &x->resources[x->res_ix[j]];
			struct spans pp = {0}, pm = {0};
			int first = j == i;
			if (strcmp(p->product, r->product) || strcmp(p->region, r->region) ||
			    strcmp(p->zone, o->zone))
				continue;
			if (base_pieces(c, p, k, base, &pp) || merge(&pp, 0, &pm, NULL)) {
				free(pp.v);
				free(pm.v);
				free(zone_all.v);
				goto out;
			}
			if (first) {
				zone_all = pm;
				pm.v = NULL;
			} else {
				if (intersect(&zone_all, &pm, &tmp)) {
					free(pp.v);
					free(pm.v);
					free(zone_all.v);
					goto out;
				}
				zone_all.n = 0;
				for (size_t q = 0; q < tmp.n; q++)
					push(&zone_all, tmp.v[q].start, tmp.v[q].end, 0, 0);
			}
			free(pp.v);
			free(pm.v);
		}
		for (size_t q = 0; q < zone_all.n; q++)
			if (push(&other_down, zone_all.v[q].start, zone_all.v[q].end, 0, 0)) {
				free(zone_all.v);
				goto out;
			}
		free(zone_all.v);
	}
	if (zones == 0) {
		mr->status = SR_NOT_APPLICABLE;
		snprintf(mr->note, sizeof mr->note, "the customer has no %s resource in another "
			 "zone of region %s", r->product, r->region);
		rc = 0;
		goto out;
	}
	if (merge(&other_down, 0, &acc, NULL) || intersect(&mine_m, &acc, &derived) ||
	    merge(&derived, 0, &merged, NULL))
		goto out;
	{
		struct spans none = {0};
		if (incidents_from(mr, x, &merged, NULL, &none))
			goto out;
	}
	count_pieces(mr, &mr->metric->minutes, k->tz_off,
		     sr_days_from_civil(x->period_y, x->period_m, 1));
	set_availability(mr);
	rc = 0;
out:
	free(mine.v);
	free(mine_m.v);
	free(other_down.v);
	free(acc.v);
	free(tmp.v);
	free(derived.v);
	free(merged.v);
	return rc;
}

static void ratio_metric(const struct ctx *c, const struct sr_resource *r,
			 struct sr_metric_result *mr)
{
	const struct sr_exports *x = c->x;

	for (size_t k = x->use_off[c->a]; k < x->use_off[c->a + 1]; k++) {
		const struct sr_usage *u = &x->usage[x->use_ix[k]];
		if (u->has_window || strcmp(u->product, r->product) || strcmp(u->resource, r->id) ||
		    strcmp(u->metric, mr->metric->id))
			continue;
		mr->total_requests += u->total;
		mr->failed_requests += u->failed;
	}
	if (mr->total_requests == 0) {
		mr->availability = (struct sr_ratio){1, 1};
		snprintf(mr->note, sizeof mr->note, "no requests in the period: nothing failed");
		return;
	}
	mr->availability = (struct sr_ratio){mr->total_requests - mr->failed_requests,
					     mr->total_requests};
}

/* ---------------- bands and compensation ---------------- */

static int in_band(const struct sr_band *b, struct sr_ratio a)
{
	int lo = sr_ratio_cmp(a, b->lower), hi = sr_ratio_cmp(a, b->upper);

	return (lo > 0 || (lo == 0 && b->lower_incl)) && (hi < 0 || (hi == 0 && b->upper_incl));
}

static int band_pays_more(const struct sr_band *a, const struct sr_band *b)
{
	if (a->percent_txt[0] || b->percent_txt[0])
		return sr_ratio_cmp(a->percent, b->percent) > 0;
	return a->multiplier > b->multiplier;
}

static void decide(const struct sr_metric *m, struct sr_metric_result *mr)
{
	if (mr->status == SR_NOT_APPLICABLE)
		return;
	if (m->kind == SR_MK_NONE || !m->has_objective) {
		mr->status = SR_NO_COMMITMENT;
		return;
	}
	if (sr_ratio_cmp(mr->availability, m->objective) >= 0) {
		mr->status = SR_MET;
		return;
	}
	mr->status = SR_GAP;
	for (size_t i = 0; i < m->nbands; i++) {
		const struct sr_band *b = &m->bands[i];
		/* overlapping bands (a source defect kept as written): the row that
		 * pays more applies, construing the ambiguity against the drafter */
		if (in_band(b, mr->availability) && (mr->band == NULL || band_pays_more(b, mr->band)))
			mr->band = b;
	}
	if (mr->band != NULL)
		mr->status = SR_BAND;
}

static void compensate(const struct sr_resource *r, const struct sr_account *acc,
		       const struct sr_catalog *k, struct sr_metric_result *mr)
{
	const struct sr_band *b = mr->band;

	mr->comp = mr->metric->comp;
	if (mr->status != SR_BAND)
		return;
	mr->percent = b->percent_txt[0] ? b->percent : (struct sr_ratio){0, 1};
	switch (mr->comp) {
	case SR_COMP_VOUCHER:
		mr->voucher = sr_money_mul_half_up(r->fee, b->percent);
		if (k->cap_month_fee && mr->voucher > r->fee) {
			mr->voucher = r->fee;
			mr->capped = 1;
		}
		break;
	case SR_COMP_SERVICE_UNITS:
		mr->units = sr_units_floor(r->fee, acc->digits, b->percent, r->unit_price,
					   SR_UNIT_PRICE_DECIMALS);
		if (k->cap_month_fee) {
			int64_t cap = sr_units_floor(r->fee, acc->digits, (struct sr_ratio){1, 1},
						     r->unit_price, SR_UNIT_PRICE_DECIMALS);
			if (mr->units > cap) {
				mr->units = cap;
				mr->capped = 1;
			}
		}
		break;
	case SR_COMP_REQUEST_UNITS:
		mr->units = mr->failed_in_events * b->multiplier;
		break;
	default:
		break;
	}
}

/* Combines the metrics of one resource per the catalog's rule. */
static void combine(const struct sr_resource *r, const struct sr_catalog *k,
		    struct sr_resource_result *rr)
{
	size_t best = (size_t)-1;

	for (size_t i = 0; i < rr->nm; i++) {
		struct sr_metric_result *mr = &rr->m[i];
		if (mr->status == SR_BAND || mr->status == SR_GAP)
			rr->breach = 1;
		if (k->combine != SR_COMBINE_MAX) {
			mr->applied = mr->status == SR_BAND;
			continue;
		}
		if (mr->status != SR_BAND)
			continue;
		if (best == (size_t)-1 || mr->voucher > rr->m[best].voucher ||
		    (mr->voucher == rr->m[best].voucher && mr->units > rr->m[best].units))
			best = i;
	}
	if (best != (size_t)-1)
		rr->m[best].applied = 1;
	for (size_t i = 0; i < rr->nm; i++) {
		struct sr_metric_result *mr = &rr->m[i];
		if (!mr->applied)
			continue;
		if (k->combine == SR_COMBINE_SUM && k->cap_month_fee &&
		    rr->voucher + mr->voucher > r->fee) {
			mr->voucher = r->fee - rr->voucher;
			mr->capped = 1;
		}
		rr->voucher += mr->voucher;
		rr->units += mr->units;
	}
}

/* ---------------- per customer ---------------- */

static int compute_resource(const struct ctx *c, const struct sr_resource *r,
			    struct sr_resource_result *rr)
{
	const struct sr_catalog *k = r->catalog;
	const struct sr_account *acc = &c->x->accounts[c->a];

	rr->res = r;
	rr->cat = k;
	rr->m = calloc(k->nmetrics ? k->nmetrics : 1, sizeof *rr->m);
	if (rr->m == NULL)
		return sr_err_set(c->e, "no-memory", "out of memory");
	for (size_t i = 0; i < k->nmetrics; i++) {
		struct sr_metric_result *mr = &rr->m[rr->nm++];
		const struct sr_metric *m = &k->metrics[i];
		int rc = 0;

		mr->metric = m;
		mr->comp = m->comp;
		mr->availability = (struct sr_ratio){1, 1};
		if (sr_service_window(k, r, c->x->period_y, c->x->period_m, &mr->win_start,
				      &mr->win_end, mr->note, sizeof mr->note)) {
			mr->status = SR_NOT_APPLICABLE;
			continue;
		}
		mr->service_minutes = sr_service_minutes(mr->win_start, mr->win_end, k->tz_off);
		switch (m->kind) {
		case SR_MK_EVENT_MINUTES:
			rc = event_metric(c, r, k, mr);
			break;
		case SR_MK_MULTI_ZONE:
			rc = multi_zone_metric(c, r, k, mr);
			break;
		case SR_MK_REQUEST_RATIO:
			ratio_metric(c, r, mr);
			break;
		default:
			break;
		}
		if (rc)
			return sr_err_set(c->e, "no-memory", "out of memory");
		for (size_t n = 0; n < mr->nincidents; n++)
			rr->has_open_event |= mr->incidents[n].open_end;
		decide(m, mr);
		compensate(r, acc, k, mr);
	}
	combine(r, k, rr);
	return 0;
}

static int add_claim(const struct ctx *c, const struct sr_calendar *cal,
		     const struct sr_catalog *k, struct sr_customer_result *out)
{
	struct sr_product_claim *pc;

	for (size_t i = 0; i < out->nclaims; i++)
		if (out->claims[i].cat == k)
			return 0;
	pc = realloc(out->claims, (out->nclaims + 1) * sizeof *pc);
	if (pc == NULL)
		return sr_err_set(c->e, "no-memory", "out of memory");
	out->claims = pc;
	pc = &out->claims[out->nclaims++];
	memset(pc, 0, sizeof *pc);
	pc->cat = k;
	if (!k->has_claim)
		return 0;
	return sr_claim_window(cal, c->x->period_y, c->x->period_m, k->claim_business_day,
			       k->claim_days, k->claim_months, &pc->opens, &pc->closes,
			       &pc->provisional, c->e);
}

/* Units are totalled per kind: SMS messages and captcha requests never add up. */
static void add_units(struct sr_customer_result *c, const char *unit, int64_t n)
{
	size_t i;

	for (i = 0; i < c->nunits && strcmp(c->units[i].unit, unit) < 0; i++)
		;
	if (i < c->nunits && strcmp(c->units[i].unit, unit) == 0) {
		c->units[i].n += n;
		return;
	}
	if (c->nunits == sizeof c->units / sizeof c->units[0])
		return;  /* catalogs name far fewer unit kinds */
	memmove(&c->units[i + 1], &c->units[i], (c->nunits - i) * sizeof c->units[0]);
	snprintf(c->units[i].unit, sizeof c->units[i].unit, "%s", unit);
	c->units[i].n = n;
	c->nunits++;
}

int sr_compute_customer(const struct sr_exports *x, const struct sr_catalogs *cats,
			const struct sr_calendar *cal, size_t a, struct sr_customer_result *out,
			struct sr_err *e)
{
	struct ctx c = {x, cats, a, e};
	size_t n = x->res_off[a + 1] - x->res_off[a];

	memset(out, 0, sizeof *out);
	out->acc = &x->accounts[a];
	out->r = calloc(n ? n : 1, sizeof *out->r);
	if (out->r == NULL)
		return sr_err_set(e, "no-memory", "out of memory");
	for (size_t i = 0; i < n; i++) {
		const struct sr_resource *r = &x->resources[x->res_ix[x->res_off[a] + i]];
		struct sr_resource_result *rr = &out->r[out->nr++];

		if (compute_resource(&c, r, rr) || add_claim(&c, cal, r->catalog, out))
			return -1;
		out->voucher_total += rr->voucher;
		out->units_total += rr->units;
		for (size_t j = 0; j < rr->nm; j++)
			if (rr->m[j].applied && rr->m[j].units > 0)
				add_units(out, rr->m[j].metric->unit, rr->m[j].units);
		out->breaches += rr->breach;
		if (rr->voucher > 0 || rr->units > 0) {
			const struct sr_product_claim *pc = NULL;
			for (size_t k = 0; k < out->nclaims; k++)
				if (out->claims[k].cat == r->catalog)
					pc = &out->claims[k];
			if (!out->has_claim || pc->opens > out->claim_opens)
				out->claim_opens = pc->opens;
			if (!out->has_claim || pc->closes < out->claim_closes)
				out->claim_closes = pc->closes;
			out->has_claim = 1;
		}
	}
	return 0;
}

void sr_customer_result_free(struct sr_customer_result *c)
{
	for (size_t i = 0; i < c->nr; i++) {
		for (size_t j = 0; j < c->r[i].nm; j++) {
			free(c->r[i].m[j].incidents);
			free(c->r[i].m[j].pieces);
			free(c->r[i].m[j].excl);
		}
		free(c->r[i].m);
	}
	free(c->r);
	free(c->claims);
	memset(c, 0, sizeof *c);
}
