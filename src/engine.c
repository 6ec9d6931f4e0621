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
	} else if (k->period == SR_PERIOD_NATURAL_YEAR) {
		if (m != 12) {
			snprintf(why, whyn, "measured per calendar year: evaluated in the "
				 "December run");
			return -1;
		}
		*ws = month_start(y, 1, off);
	} else if (k->period == SR_PERIOD_SERVICE_YEAR) {
		int sy, sm, sd;
		if (!r->has_start) {
			snprintf(why, whyn, "measured per service year from activation: "
				 "service_start is needed");
			return -1;
		}
		sr_civil_from_days(sr_local_day(r->start, off), &sy, &sm, &sd);
		if (sm != m || sy >= y) {
			snprintf(why, whyn, "measured per service year: evaluated in the run of "
				 "the month the service year ends (%02d)", sm);
			return -1;
		}
		/* the service year that ends inside this period */
		*ws = day_in_month(y - 1, m, sd, off);
		*we = day_in_month(y, m, sd, off);
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
		/* overlapping or touching events always merge; others when closer than gap */
		if (last != NULL && (in->v[i].start <= last->end ||
				     in->v[i].start - last->end < gap)) {
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

static int64_t floor_div(int64_t a, int64_t b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

int64_t sr_count_span(const struct sr_minute_rule *r, sr_time a, sr_time b)
{
	int64_t n, s = b - a;

	if (r->round != SR_ROUND_CLOCK_COVERED && r->round != SR_ROUND_CLOCK_TOUCHED)
		return sr_count_piece(r, s);
	if (s <= 0 || (r->ignore_inclusive ? s <= r->ignore_seconds : s < r->ignore_seconds))
		return 0;
	/* clock minutes are the same in every whole-minute UTC offset */
	if (r->round == SR_ROUND_CLOCK_COVERED)
		n = floor_div(b, 60) - (floor_div(a - 1, 60) + 1);
	else
		n = floor_div(b - 1, 60) - floor_div(a, 60) + 1;
	n -= r->deductible_minutes;
	return n > 0 ? n : 0;
}

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

/* The resources a computation covers: one, or a scope group. */
struct target {
	const char *product;
	const size_t *members;        /* indices into exports resources */
	size_t n;
};

static int is_member(const struct ctx *c, const struct target *t, const char *id)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(c->x->resources[t->members[i]].id, id) == 0)
			return 1;
	return 0;
}

static int event_applies(const struct ctx *c, const struct sr_event *ev,
			 const struct target *t, const char *metric)
{
	return strcmp(ev->product, t->product) == 0 && strcmp(ev->metric, metric) == 0 &&
	       ((!ev->counts && strcmp(ev->resource, "*") == 0) ||
		is_member(c, t, ev->resource));
}

/* The target's counted events for metric, clipped to [ws, we) and merged by
 * the metric's gap rule; and its exclusion spans, clipped, one per event. */
static int collect(const struct ctx *c, const struct target *tg, const struct sr_metric *m,
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
		if (!event_applies(c, ev, tg, m->id) || t < s || (t == s && ev->start != ev->end))
			continue;
		if (push(ev->counts ? &raw : &rawx, s, t, x->ev_ix[k], ev->open_end))
			goto out;
	}
	if (merge(&raw, 0, inc, inc_counts))
		goto out;
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
		int64_t whole = 0, day = -1;

		in->counted = 0;
		/* what the incident counts without exclusions: its spans, each whole */
		if (in->nspans == 1)
			whole = sr_count_span(rule, in->start, in->end);
		else
			whole = INT64_MAX;  /* gap-merged: the pieces are the spans */
		for (size_t p = in->piece0; p < in->piece0 + in->npieces; p++) {
			struct sr_piece *pc = &mr->pieces[p];
			pc->counted = sr_count_span(rule, pc->start, pc->end);
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

/* Groups the covered spans (disjoint, sorted) into incidents: spans less than
 * `gap` seconds apart are one incident, but the time between them is not
 * unavailable ("2 min + 15-min gap + 3 min = one outage of 5 min").  Each span
 * minus the exclusions gives the incident's pieces. */
static int incidents_from(struct sr_metric_result *mr, const struct sr_exports *x,
			  const struct spans *inc, const size_t *counts, const struct spans *excl,
			  int64_t gap)
{
	mr->incidents = calloc(inc->n ? inc->n : 1, sizeof *mr->incidents);
	if (mr->incidents == NULL)
		return -1;
	for (size_t i = 0; i < inc->n; i++) {
		struct sr_incident *in = mr->nincidents ? &mr->incidents[mr->nincidents - 1] : NULL;

		if (in == NULL || inc->v[i].start - in->end >= gap || gap <= 0) {
			in = &mr->incidents[mr->nincidents++];
			in->start = inc->v[i].start;
			in->piece0 = mr->npieces;
			in->excl0 = mr->nexcl;
		}
		in->end = inc->v[i].end;
		in->open_end |= inc->v[i].open_end;
		in->nevents += counts ? counts[i] : 0;
		in->nspans++;
		if (subtract(mr, x, inc->v[i].start, inc->v[i].end, excl))
			return -1;
		in->npieces = mr->npieces - in->piece0;
		in->nexcl = mr->nexcl - in->excl0;
		in->whole_seconds += inc->v[i].end - inc->v[i].start;
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

/* Count metrics: every counted event is one occurrence ("总次数": two timeouts
 * at the same time are two), unless exclusions cover all of it. */
static int count_events(const struct ctx *c, const struct target *tg,
			struct sr_metric_result *mr, const struct spans *excl)
{
	struct spans copy = {0}, u = {0};
	int rc = -1;

	for (size_t i = 0; i < excl->n; i++)
		if (push(&copy, excl->v[i].start, excl->v[i].end, 0, 0))
			goto out;
	if (merge(&copy, 0, &u, NULL))
		goto out;
	for (size_t k = c->x->ev_off[c->a]; k < c->x->ev_off[c->a + 1]; k++) {
		const struct sr_event *ev = &c->x->events[c->x->ev_ix[k]];
		sr_time s = ev->start > mr->win_start ? ev->start : mr->win_start;
		sr_time t = ev->end < mr->win_end ? ev->end : mr->win_end;
		int covered = 0;

		if (!ev->counts || !event_applies(c, ev, tg, mr->metric->id) || t < s ||
		    (t == s && ev->start != ev->end) || s >= mr->win_end)
			continue;
		for (size_t j = 0; j < u.n && !covered; j++)
			covered = t > s ? (u.v[j].start <= s && u.v[j].end >= t) :
					  (u.v[j].start <= s && s < u.v[j].end);
		mr->count += !covered;
	}
	rc = 0;
out:
	free(copy.v);
	free(u.v);
	return rc;
}

/* The remaining pieces (after each member's own exclusions) of every member of
 * a group, merged into covered spans. */
static int group_pieces(const struct ctx *c, const struct target *tg,
			struct sr_metric_result *mr, struct spans *out)
{
	struct spans all = {0};
	int rc = -1;

	for (size_t i = 0; i < tg->n; i++) {
		struct target one = {tg->product, &tg->members[i], 1};
		struct sr_metric_result part;
		struct spans inc = {0}, excl = {0};
		size_t *counts = NULL;
		int bad;

		memset(&part, 0, sizeof part);
		part.metric = mr->metric;
		part.win_start = mr->win_start;
		part.win_end = mr->win_end;
		bad = collect(c, &one, mr->metric, mr->win_start, mr->win_end, &inc, &counts,
			      &excl) ||
		      incidents_from(&part, c->x, &inc, counts, &excl, 0);
		for (size_t p = 0; !bad && p < part.npieces; p++)
			bad = push(&all, part.pieces[p].start, part.pieces[p].end, 0, 0);
		mr->excluded_seconds += part.excluded_seconds;
		free(inc.v);
		free(excl.v);
		free(counts);
		free(part.incidents);
		free(part.pieces);
		free(part.excl);
		if (bad)
			goto out;
	}
	rc = merge(&all, 0, out, NULL);
out:
	free(all.v);
	return rc;
}

/* The excusing spans of a group: the parts of its covered spans `inc` where no
 * member has a remaining piece (`rem`: disjoint, sorted), each attributed to
 * the exclusion events of `excl` that overlap it. */
static int group_excusals(const struct spans *inc, const struct spans *rem,
			  const struct spans *excl, struct spans *out)
{
	size_t r = 0;

	for (size_t i = 0; i < inc->n; i++) {
		sr_time cur = inc->v[i].start, t = inc->v[i].end;
		while (cur < t) {
			sr_time a = cur, b = t;
			while (r < rem->n && rem->v[r].end <= cur)
				r++;
			if (r < rem->n && rem->v[r].start <= cur) {
				cur = rem->v[r].end;  /* a member is still down here */
				continue;
			}
			if (r < rem->n && rem->v[r].start < t)
				b = rem->v[r].start;
			for (size_t e = 0; e < excl->n; e++) {
				sr_time ea = excl->v[e].start > a ? excl->v[e].start : a;
				sr_time eb = excl->v[e].end < b ? excl->v[e].end : b;
				if (ea < eb && push(out, ea, eb, excl->v[e].event, 0))
					return -1;
			}
			cur = b;
		}
	}
	return 0;
}

/* The exclusion spans of counted event ev's own resource (a member of tg) for
 * metric, clipped to [s, t) and merged (disjoint): appended to out, which must
 * be empty. */
static int own_exclusions(const struct ctx *c, const struct target *tg,
			  const struct sr_event *ev, const char *metric, sr_time s, sr_time t,
			  struct spans *out)
{
	struct target one = {tg->product, NULL, 1};
	struct spans raw = {0};
	int rc = -1;

	for (size_t i = 0; i < tg->n && one.members == NULL; i++)
		if (strcmp(c->x->resources[tg->members[i]].id, ev->resource) == 0)
			one.members = &tg->members[i];
	if (one.members == NULL)
		return 0;
	for (size_t k = c->x->ev_off[c->a]; k < c->x->ev_off[c->a + 1]; k++) {
		const struct sr_event *e = &c->x->events[c->x->ev_ix[k]];
		sr_time a = e->start > s ? e->start : s, b = e->end < t ? e->end : t;
		if (e->counts || a >= b || !event_applies(c, e, &one, metric))
			continue;
		if (push(&raw, a, b, 0, 0))
			goto fail;
	}
	rc = merge(&raw, 0, out, NULL);
fail:
	free(raw.v);
	return rc;
}

/* Count metrics of a group: each member's events against its own exclusions. */
static int group_count(const struct ctx *c, const struct target *tg,
		       struct sr_metric_result *mr)
{
	for (size_t i = 0; i < tg->n; i++) {
		struct target one = {tg->product, &tg->members[i], 1};
		struct spans inc = {0}, excl = {0};
		size_t *counts = NULL;
		int bad = collect(c, &one, mr->metric, mr->win_start, mr->win_end, &inc,
				  &counts, &excl) || count_events(c, &one, mr, &excl);
		free(inc.v);
		free(excl.v);
		free(counts);
		if (bad)
			return -1;
	}
	return 0;
}

/* Incidents, pieces and counted minutes of metric m over the target. */
static int event_core(const struct ctx *c, const struct target *tg, const struct sr_catalog *k,
		      struct sr_metric_result *mr)
{
	struct spans inc = {0}, excl = {0}, rem = {0}, excuse = {0}, own = {0};
	size_t *counts = NULL;
	int rc = -1;

	if (collect(c, tg, mr->metric, mr->win_start, mr->win_end, &inc, &counts, &excl))
		goto out;
	if (tg->n > 1) {
		/* a group: incidents are built from the members' events, as for one
		 * resource; each member's exclusions excuse only that member's own
		 * outages, so a moment is excused only when no member's remaining
		 * piece covers it.  Excluded minutes show the members' own. */
		int64_t own_excluded;
		if (group_pieces(c, tg, mr, &rem) || group_excusals(&inc, &rem, &excl, &excuse))
			goto out;
		sort_spans(&excuse);
		own_excluded = mr->excluded_seconds;
		if (incidents_from(mr, c->x, &inc, counts, &excuse,
				   mr->metric->minutes.merge_gap_seconds))
			goto out;
		mr->excluded_seconds = own_excluded;
	} else if (incidents_from(mr, c->x, &inc, counts, &excl,
				  mr->metric->minutes.merge_gap_seconds)) {
		goto out;
	}
	count_pieces(mr, &mr->metric->minutes, k->tz_off,
		     sr_days_from_civil(c->x->period_y, c->x->period_m, 1));
	/* failed requests of counted events, pro-rated to the part of the event
	 * that lies in counted pieces (an excluded span is no fault event) */
	for (size_t k2 = c->x->ev_off[c->a]; k2 < c->x->ev_off[c->a + 1]; k2++) {
		const struct sr_event *ev = &c->x->events[c->x->ev_ix[k2]];
		sr_time s = ev->start > mr->win_start ? ev->start : mr->win_start;
		sr_time t = ev->end < mr->win_end ? ev->end : mr->win_end;
		int64_t in_counted = 0;

		if (!ev->counts || !ev->has_failed || !event_applies(c, ev, tg, mr->metric->id) ||
		    t <= s)
			continue;
		/* in a group, the event's own member's exclusions still excuse it where
		 * another member was down */
		if (tg->n > 1 && own_exclusions(c, tg, ev, mr->metric->id, s, t, &own))
			goto out;
		for (size_t p = 0; p < mr->npieces; p++) {
			sr_time a = mr->pieces[p].start > s ? mr->pieces[p].start : s;
			sr_time b = mr->pieces[p].end < t ? mr->pieces[p].end : t;
			if (mr->pieces[p].counted <= 0 || a >= b)
				continue;
			in_counted += b - a;
			for (size_t u = 0; u < own.n; u++) {
				sr_time ua = own.v[u].start > a ? own.v[u].start : a;
				sr_time ub = own.v[u].end < b ? own.v[u].end : b;
				if (ua < ub)
					in_counted -= ub - ua;
			}
		}
		own.n = 0;
		mr->failed_in_events += (int64_t)((__int128)ev->failed * in_counted / (t - s));
	}
	for (size_t i = 0; i < mr->nincidents; i++)
		if (mr->incidents[i].counted > mr->longest)
			mr->longest = mr->incidents[i].counted;
	if (mr->metric->kind == SR_MK_COUNT &&
	    (tg->n > 1 ? group_count(c, tg, mr) : count_events(c, tg, mr, &excl)))
		goto out;
	rc = 0;
out:
	free(inc.v);
	free(excl.v);
	free(rem.v);
	free(excuse.v);
	free(own.v);
	free(counts);
	return rc;
}

static int event_metric(const struct ctx *c, const struct target *tg,
			const struct sr_catalog *k, struct sr_metric_result *mr)
{
	if (event_core(c, tg, k, mr))
		return -1;
	set_availability(mr);
	switch (mr->metric->measure) {
	case SR_MEASURE_LONGEST:
		mr->value = (struct sr_ratio){mr->longest, 1};
		break;
	case SR_MEASURE_TOTAL:
	case SR_MEASURE_LONGEST_OR_TOTAL: {
		/* outages within the commitment (at most max minutes) are no breach and
		 * do not accumulate ("每一次持续不可用时间超过5分钟累加"); the total of
		 * the longer ones is never below the longest of them */
		int64_t total = 0;
		for (size_t i = 0; i < mr->nincidents; i++) {
			struct sr_ratio v = {mr->incidents[i].counted, 1};
			if (!mr->metric->has_max || sr_ratio_cmp(v, mr->metric->max) > 0)
				total += mr->incidents[i].counted;
		}
		mr->value = (struct sr_ratio){total, 1};
		break;
	}
	case SR_MEASURE_COUNT:
		mr->value = (struct sr_ratio){mr->count, 1};
		break;
	default:
		mr->value = mr->availability;
		break;
	}
	return 0;
}

/* The uncounted pieces (after exclusions) of resource index ri for metric m. */
static int base_pieces(const struct ctx *c, size_t ri, const struct sr_catalog *k,
		       const struct sr_metric *m, struct spans *out)
{
	const struct sr_resource *r = &c->x->resources[ri];
	struct target one = {r->product, &ri, 1};
	struct sr_metric_result tmp;
	struct spans inc = {0}, excl = {0};
	size_t *counts = NULL;
	char why[128];
	int rc = -1;

	memset(&tmp, 0, sizeof tmp);
	tmp.metric = m;
	if (sr_service_window(k, r, c->x->period_y, c->x->period_m, &tmp.win_start,
			      &tmp.win_end, why, sizeof why))
		return 0;
	if (collect(c, &one, m, tmp.win_start, tmp.win_end, &inc, &counts, &excl) == 0 &&
	    incidents_from(&tmp, c->x, &inc, counts, &excl, 0) == 0) {
		rc = 0;
		for (size_t i = 0; i < tmp.npieces && rc == 0; i++)
			if (tmp.pieces[i].end > tmp.pieces[i].start)
				rc = push(out, tmp.pieces[i].start, tmp.pieces[i].end, 0, 0);
	}
	free(inc.v);
	free(excl.v);
	free(counts);
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

static int same_zone(const struct sr_resource *a, const struct sr_resource *b)
{
	return strcmp(a->product, b->product) == 0 && strcmp(a->region, b->region) == 0 &&
	       strcmp(a->zone, b->zone) == 0;
}

/* The spans in which every resource of the customer in the zone of resource
 * index first (same product and region) is down. */
static int zone_down(const struct ctx *c, size_t first, const struct sr_catalog *k,
		     const struct sr_metric *base, struct spans *out)
{
	const struct sr_exports *x = c->x;
	const struct sr_resource *z = &x->resources[first];
	struct spans acc = {0}, tmp = {0};
	int started = 0, rc = -1;

	for (size_t j = x->res_off[c->a]; j < x->res_off[c->a + 1]; j++) {
		size_t ri = x->res_ix[j];
		struct spans pp = {0}, pm = {0};
		if (!same_zone(&x->resources[ri], z))
			continue;
		if (base_pieces(c, ri, k, base, &pp) || merge(&pp, 0, &pm, NULL)) {
			free(pp.v);
			free(pm.v);
			goto out;
		}
		free(pp.v);
		if (!started) {
			acc = pm;
			started = 1;
			continue;
		}
		if (intersect(&acc, &pm, &tmp)) {
			free(pm.v);
			goto out;
		}
		free(pm.v);
		acc.n = 0;
		for (size_t q = 0; q < tmp.n; q++)
			if (push(&acc, tmp.v[q].start, tmp.v[q].end, 0, 0))
				goto out;
	}
	for (size_t q = 0; q < acc.n; q++)
		if (push(out, acc.v[q].start, acc.v[q].end, 0, 0))
			goto out;
	rc = 0;
out:
	free(acc.v);
	free(tmp.v);
	return rc;
}

/* Derived multi-zone metric: r is down while it is down and every resource of
 * the customer in some other zone of its region is down too. */
static int multi_zone_metric(const struct ctx *c, const struct target *tg,
			     const struct sr_catalog *k, struct sr_metric_result *mr)
{
	const struct sr_exports *x = c->x;
	const struct sr_metric *base = sr_catalog_metric(k, mr->metric->of[0]);
	const struct sr_resource *r;
	struct spans mine = {0}, mine_m = {0}, other_down = {0}, acc = {0};
	struct spans derived = {0}, merged = {0}, none = {0};
	int zones = 0, rc = -1;

	if (tg->n != 1) {
		mr->status = SR_NOT_APPLICABLE;
		snprintf(mr->note, sizeof mr->note, "a multi-zone metric needs resource scope");
		return 0;
	}
	r = &x->resources[tg->members[0]];
	if (base == NULL || !r->zone[0] || !r->region[0]) {
		mr->status = SR_NOT_APPLICABLE;
		snprintf(mr->note, sizeof mr->note, "no zone/region for this resource");
		return 0;
	}
	if (base_pieces(c, tg->members[0], k, base, &mine) || merge(&mine, 0, &mine_m, NULL))
		goto out;
	for (size_t i = x->res_off[c->a]; i < x->res_off[c->a + 1]; i++) {
		const struct sr_resource *o = &x->resources[x->res_ix[i]];
		int seen = 0;
		if (strcmp(o->product, r->product) || strcmp(o->region, r->region) ||
		    !o->zone[0] || strcmp(o->zone, r->zone) == 0)
			continue;
		for (size_t j = x->res_off[c->a]; j < i && !seen; j++)
			seen = same_zone(&x->resources[x->res_ix[j]], o);
		if (seen)
			continue;  /* zone already handled */
		zones++;
		if (zone_down(c, x->res_ix[i], k, base, &other_down))
			goto out;
	}
	if (zones == 0) {
		mr->status = SR_NOT_APPLICABLE;
		snprintf(mr->note, sizeof mr->note, "the customer has no %s resource in another "
			 "zone of region %s", r->product, r->region);
		rc = 0;
		goto out;
	}
	if (merge(&other_down, 0, &acc, NULL) || intersect(&mine_m, &acc, &derived) ||
	    merge(&derived, 0, &merged, NULL) || incidents_from(mr, x, &merged, NULL, &none, 0))
		goto out;
	count_pieces(mr, &mr->metric->minutes, k->tz_off,
		     sr_days_from_civil(x->period_y, x->period_m, 1));
	set_availability(mr);
	mr->value = mr->availability;
	rc = 0;
out:
	free(mine.v);
	free(mine_m.v);
	free(other_down.v);
	free(acc.v);
	free(derived.v);
	free(merged.v);
	return rc;
}

/* Fleet: Σ (service − unavailable) / Σ service over the target's resources,
 * each with its own service window and events. */
static int fleet_metric(const struct ctx *c, const struct target *tg,
			const struct sr_catalog *k, struct sr_metric_result *mr)
{
	int64_t svc = 0, down = 0;

	for (size_t i = 0; i < tg->n; i++) {
		struct target one = {tg->product, &tg->members[i], 1};
		struct sr_metric_result part;
		char why[128];
		int rc;

		memset(&part, 0, sizeof part);
		part.metric = mr->metric;
		if (sr_service_window(k, &c->x->resources[tg->members[i]], c->x->period_y,
				      c->x->period_m, &part.win_start, &part.win_end, why,
				      sizeof why))
			continue;
		part.service_minutes = sr_service_minutes(part.win_start, part.win_end,
							  k->tz_off);
		rc = event_core(c, &one, k, &part);
		set_availability(&part);
		/* round="seconds" counts seconds: compare like with like */
		svc += part.service_minutes * (mr->metric->minutes.round == SR_ROUND_SECONDS ?
					       60 : 1);
		down += part.unavailable;
		mr->excluded_seconds += part.excluded_seconds;
		mr->failed_in_events += part.failed_in_events;
		free(part.incidents);
		free(part.pieces);
		free(part.excl);
		if (rc)
			return -1;
	}
	if (svc == 0) {
		/* no member has a service month of its own (full-month agreements with
		 * only partial members): nothing is committed */
		mr->status = SR_NOT_APPLICABLE;
		snprintf(mr->note, sizeof mr->note, "no resource has a service month in this "
			 "period");
		return 0;
	}
	mr->service_minutes = mr->metric->minutes.round == SR_ROUND_SECONDS ? svc / 60 : svc;
	mr->unavailable = down;
	mr->availability = (struct sr_ratio){svc - down, svc > 0 ? svc : 1};
	mr->value = mr->availability;
	return 0;
}

static int usage_applies(const struct ctx *c, const struct sr_usage *u, const struct target *tg,
			 const char *metric)
{
	return strcmp(u->product, tg->product) == 0 && strcmp(u->metric, metric) == 0 &&
	       is_member(c, tg, u->resource);
}

/* Period totals of the target's usage rows (window_start empty). */
static void usage_totals(const struct ctx *c, const struct target *tg, const char *metric,
			 int64_t *total, int64_t *failed)
{
	const struct sr_exports *x = c->x;

	*total = *failed = 0;
	for (size_t k = x->use_off[c->a]; k < x->use_off[c->a + 1]; k++) {
		const struct sr_usage *u = &x->usage[x->use_ix[k]];
		if (u->has_window || !usage_applies(c, u, tg, metric))
			continue;
		*total += u->total;
		*failed += u->failed;
	}
}

static void ratio_metric(const struct ctx *c, const struct target *tg,
			 struct sr_metric_result *mr)
{
	usage_totals(c, tg, mr->metric->id, &mr->total_requests, &mr->failed_requests);
	if (mr->total_requests == 0) {
		mr->availability = (struct sr_ratio){1, 1};
		snprintf(mr->note, sizeof mr->note, "no requests in the period: nothing failed");
	} else {
		mr->availability = (struct sr_ratio){mr->total_requests - mr->failed_requests,
						     mr->total_requests};
	}
	mr->value = mr->availability;
}

/* One grid window's counts, all members added up. */
struct win {
	sr_time start;
	int64_t total, failed;
	int excused;              /* a member's counts were excused by its exclusion */
};

/* Exclusion spans that apply to resource id (its own, and "*"), merged. */
static int member_exclusions(const struct ctx *c, const char *product, const char *id,
			     const char *metric, struct spans *out)
{
	struct spans raw = {0};
	int rc = -1;

	for (size_t k = c->x->ev_off[c->a]; k < c->x->ev_off[c->a + 1]; k++) {
		const struct sr_event *ev = &c->x->events[c->x->ev_ix[k]];
		if (ev->counts || strcmp(ev->product, product) || strcmp(ev->metric, metric) ||
		    (strcmp(ev->resource, id) && strcmp(ev->resource, "*")))
			continue;
		if (push(&raw, ev->start, ev->end, 0, 0))
			goto out;
	}
	rc = merge(&raw, 0, out, NULL);
out:
	free(raw.v);
	return rc;
}

/* 1 if [s, s + len) lies wholly inside an exclusion span. */
static int excused(const struct spans *x, sr_time s, int64_t len)
{
	for (size_t i = 0; i < x->n; i++)
		if (x->v[i].start <= s && x->v[i].end >= s + len)
			return 1;
	return 0;
}

static int by_win(const void *a, const void *b)
{
	const struct win *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

/* The target's window rows inside [ws, we), merged per window start. */
/* The target's window rows inside [ws, we), merged per window start.  A
 * member's row in a window its own exclusions cover entirely is excused: its
 * counts are left out, and the window is marked (an excused window with no
 * other counts is available). */
static int windows_of(const struct ctx *c, const struct target *tg, const char *metric,
		      int64_t len, sr_time ws, sr_time we, struct win **out, size_t *nout)
{
	const struct sr_exports *x = c->x;
	struct win *v = NULL;
	struct spans *ex = calloc(tg->n, sizeof *ex);
	size_t n = 0, m = 0;
	int rc = -1;

	if (ex == NULL)
		return -1;
	for (size_t i = 0; i < tg->n; i++)
		if (member_exclusions(c, tg->product, x->resources[tg->members[i]].id, metric,
				      &ex[i]))
			goto out;
	for (size_t k = x->use_off[c->a]; k < x->use_off[c->a + 1]; k++) {
		const struct sr_usage *u = &x->usage[x->use_ix[k]];
		struct win *nv;
		size_t mem = 0;
		int exc;
		if (!u->has_window || !usage_applies(c, u, tg, metric) || u->window_start < ws ||
		    u->window_start >= we)
			continue;
		while (mem + 1 < tg->n && strcmp(x->resources[tg->members[mem]].id, u->resource))
			mem++;
		exc = excused(&ex[mem], u->window_start, len);
		nv = realloc(v, (n + 1) * sizeof *v);
		if (nv == NULL)
			goto out;
		v = nv;
		v[n++] = exc ? (struct win){u->window_start, 0, 0, 1} :
			       (struct win){u->window_start, u->total, u->failed, 0};
	}
	if (n > 1)
		qsort(v, n, sizeof *v, by_win);
	for (size_t i = 0; i < n; i++) {
		if (m > 0 && v[m - 1].start == v[i].start) {
			v[m - 1].total += v[i].total;
			v[m - 1].failed += v[i].failed;
			v[m - 1].excused |= v[i].excused;
		} else {
			v[m++] = v[i];
		}
	}
	*out = v;
	*nout = m;
	v = NULL;
	rc = 0;
out:
	for (size_t i = 0; i < tg->n; i++)
		free(ex[i].v);
	free(ex);
	free(v);
	return rc;
}

/* The grid of a window metric covers whole days, as service minutes do
 * ("天数 × 24 × 12"): the days the service window touches. */
static void grid_days(const struct sr_metric_result *mr, int off, sr_time *gs, sr_time *ge)
{
	*gs = sr_day_start(sr_local_day(mr->win_start, off), off);
	*ge = sr_day_start(sr_local_day(mr->win_end - 1, off) + 1, off);
}

static int window_unavailable(const struct sr_window_rule *w, const struct win *v)
{
	struct sr_ratio rate = {v->failed, v->total};

	switch (w->when) {
	case SR_WHEN_ERROR_RATE_ABOVE:
		return sr_ratio_cmp(rate, w->threshold) > 0;
	case SR_WHEN_ALL_FAILED:
		return v->failed == v->total;
	case SR_WHEN_SUCCESS_BELOW:
		return sr_ratio_cmp((struct sr_ratio){v->total - v->failed, v->total},
				    w->threshold) < 0;
	default:
		return 0;
	}
}

static int measurable(const struct sr_window_rule *w, const struct win *v)
{
	return v->total > 0 && v->total >= w->min_requests;
}

static int usage_windows_metric(const struct ctx *c, const struct target *tg,
				const struct sr_catalog *k, struct sr_metric_result *mr)
{
	const struct sr_window_rule *w = &mr->metric->window;
	struct win *v = NULL;
	size_t n = 0, run0 = 0;
	int64_t measured = 0, run = 0, run_failed = 0, denom;
	int64_t first_day = sr_days_from_civil(c->x->period_y, c->x->period_m, 1);

	sr_time gs, ge;

	grid_days(mr, k->tz_off, &gs, &ge);
	if (windows_of(c, tg, mr->metric->id, w->seconds, gs, ge, &v, &n))
		return -1;
	mr->windows = mr->service_minutes * 60 / w->seconds;
	/* runs of adjacent unavailable windows; only runs of min-consecutive count */
	for (size_t i = 0; i <= n; i++) {
		int down = i < n && measurable(w, &v[i]) && window_unavailable(w, &v[i]);
		int adjacent = i < n && run > 0 && v[i].start == v[i - 1].start + w->seconds;

		if (i < n && (measurable(w, &v[i]) || (v[i].excused && v[i].total == 0)))
			measured++;  /* an excused window is available */
		if (i < n && v[i].excused)
			mr->excluded_seconds += w->seconds;
		if (down && (run == 0 || adjacent)) {
			if (run == 0)
				run0 = i;
			run++;
			run_failed += v[i].failed;
			continue;
		}
		if (run >= w->min_consecutive && run > 0) {
			mr->unavailable += run;
			mr->failed_in_events += run_failed;
			for (size_t j = run0; j < run0 + (size_t)run; j++) {
				int64_t day = sr_local_day(v[j].start, k->tz_off) - first_day;
				if (day >= 0 && day < 31)
					mr->per_day[day] += w->seconds;  /* seconds, to minutes below */
			}
		}
		run = 0;
		run_failed = 0;
		if (down) {  /* a new run starts here */
			run0 = i;
			run = 1;
			run_failed = v[i].failed;
		}
	}
	for (int d = 0; d < 31; d++)
		mr->per_day[d] = (mr->per_day[d] + 59) / 60;
	mr->empty_windows = mr->windows - measured;
	denom = w->empty_excluded ? measured : mr->windows;
	if (denom <= 0) {
		mr->availability = (struct sr_ratio){1, 1};
		snprintf(mr->note, sizeof mr->note, "no measurable window in the period");
	} else {
		int64_t down = mr->unavailable > denom ? denom : mr->unavailable;
		mr->availability = (struct sr_ratio){denom - down, denom};
	}
	mr->value = mr->availability;
	free(v);
	return 0;
}

#define RATE_SCALE 1000000000000LL  /* error rates to 12 decimals, rounded up */

static int window_mean_metric(const struct ctx *c, const struct target *tg,
			      const struct sr_catalog *k, struct sr_metric_result *mr)
{
	const struct sr_window_rule *w = &mr->metric->window;
	struct win *v = NULL;
	size_t n = 0;
	int64_t measured = 0, denom;
	__int128 sum = 0;

	sr_time gs, ge;

	grid_days(mr, k->tz_off, &gs, &ge);
	if (windows_of(c, tg, mr->metric->id, w->seconds, gs, ge, &v, &n))
		return -1;
	mr->windows = mr->service_minutes * 60 / w->seconds;
	for (size_t i = 0; i < n; i++) {
		struct sr_ratio rate;
		if (v[i].excused)
			mr->excluded_seconds += w->seconds;
		if (!measurable(w, &v[i])) {
			measured += v[i].excused && v[i].total == 0;  /* excused: rate 0 */
			continue;
		}
		measured++;
		mr->total_requests += v[i].total;
		mr->failed_requests += v[i].failed;
		rate = (struct sr_ratio){v[i].failed, v[i].total};
		if (w->has_rate_floor && sr_ratio_cmp(rate, w->rate_floor) <= 0)
			continue;
		/* rounded up: the customer never loses by the rounding */
		sum += ((__int128)v[i].failed * RATE_SCALE + v[i].total - 1) / v[i].total;
	}
	free(v);
	mr->empty_windows = mr->windows - measured;
	denom = w->empty_excluded ? measured : mr->windows;
	if (denom <= 0) {
		mr->availability = (struct sr_ratio){1, 1};
		snprintf(mr->note, sizeof mr->note, "no measurable window in the period");
	} else {
		/* 1 − Σ rate / N, as (N·S − Σ) / (N·S) */
		__int128 den = (__int128)denom * RATE_SCALE;
		mr->availability = (struct sr_ratio){(int64_t)(den - sum), (int64_t)den};
	}
	mr->value = mr->availability;
	return 0;
}

/* Sum: the counted minutes of the parts (computed earlier for the same target). */
static void sum_metric(struct sr_resource_result *rr, struct sr_metric_result *mr)
{
	for (size_t i = 0; i < mr->metric->nof; i++)
		for (size_t j = 0; j < rr->nm; j++) {
			const struct sr_metric_result *p = &rr->m[j];
			if (strcmp(p->metric->id, mr->metric->of[i]) || p->status == SR_NOT_APPLICABLE)
				continue;
			mr->unavailable += p->unavailable;
			mr->excluded_seconds += p->excluded_seconds;
			mr->failed_in_events += p->failed_in_events;
			for (int d = 0; d < 31; d++)
				mr->per_day[d] += p->per_day[d];
		}
	set_availability(mr);
	mr->value = mr->availability;
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
	if (a->multiplier_txt[0] || b->multiplier_txt[0])
		return sr_ratio_cmp(a->multiplier, b->multiplier) > 0;
	return a->months * 31 + a->days > b->months * 31 + b->days;
}

static void decide(const struct sr_metric *m, struct sr_metric_result *mr)
{
	int met;

	if (mr->status == SR_NOT_APPLICABLE)
		return;
	if (m->kind == SR_MK_NONE || (!m->has_objective && !m->has_max)) {
		mr->status = SR_NO_COMMITMENT;
		return;
	}
	if (m->measure == SR_MEASURE_AVAILABILITY)
		met = sr_ratio_cmp(mr->value, m->objective) >= 0;
	else
		met = sr_ratio_cmp(mr->value, m->max) <= 0;
	if (met) {
		mr->status = SR_MET;
		return;
	}
	mr->status = SR_GAP;
	for (size_t i = 0; i < m->nbands; i++) {
		const struct sr_band *b = &m->bands[i];
		/* overlapping bands (a source defect kept as written): the row that
		 * pays more applies, construing the ambiguity against the drafter */
		if (in_band(b, mr->value) && (mr->band == NULL || band_pays_more(b, mr->band)))
			mr->band = b;
	}
	if (mr->band != NULL)
		mr->status = SR_BAND;
}

/* The smallest liability cap the agreement states and the export supplies. */
static int liability_cap(const struct sr_catalog *k, const struct sr_resource *r, sr_money *cap)
{
	int have = 0;

	if (k->liability[SR_CAP_FEES_PAID] && r->has_fees_paid) {
		*cap = r->fees_paid;
		have = 1;
	}
	if (k->liability[SR_CAP_FEES_12M] && r->has_fees_12m && (!have || r->fees_12m < *cap)) {
		*cap = r->fees_12m;
		have = 1;
	}
	if (k->liability[SR_CAP_ANNUAL_FEE] && r->has_annual_fee &&
	    (!have || r->annual_fee < *cap)) {
		*cap = r->annual_fee;
		have = 1;
	}
	return have;
}

/* Holds units to what money amount `most` buys at the row's unit price. */
static void cap_units(struct sr_metric_result *mr, const struct sr_resource *r,
		      const struct sr_account *acc, sr_money most)
{
	int64_t n = sr_units_floor(most, acc->digits, (struct sr_ratio){1, 1}, r->unit_price,
				   SR_UNIT_PRICE_DECIMALS);

	if (mr->units > n) {
		mr->units = n;
		mr->capped = 1;
	}
}

static void compensate(const struct ctx *c, const struct target *tg, const struct sr_resource *r,
		       const struct sr_account *acc, const struct sr_catalog *k,
		       struct sr_metric_result *mr)
{
	const struct sr_band *b = mr->band;
	sr_money cap;

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
		if (liability_cap(k, r, &cap) && mr->voucher > cap) {
			mr->voucher = cap;
			mr->capped = 1;
		}
		break;
	case SR_COMP_VOUCHER_EXCESS: {
		/* fee × multiplier × (U − S·(1 − o)) / S with o = num/den, half-up */
		const struct sr_ratio o = mr->metric->objective, k2 = b->multiplier;
		int64_t svc = mr->service_minutes, u = mr->unavailable;
		__int128 excess, num, den;
		if (mr->metric->minutes.round == SR_ROUND_SECONDS)
			svc *= 60;
		excess = (__int128)u * o.den - (__int128)svc * (o.den - o.num);
		if (excess < 0 || svc == 0)
			excess = 0;
		num = (__int128)r->fee * k2.num * excess;
		den = (__int128)k2.den * o.den * svc;
		mr->voucher = (sr_money)((2 * num + den) / (2 * den));
		if (k->cap_month_fee && mr->voucher > r->fee) {
			mr->voucher = r->fee;
			mr->capped = 1;
		}
		if (liability_cap(k, r, &cap) && mr->voucher > cap) {
			mr->voucher = cap;
			mr->capped = 1;
		}
		break;
	}
	case SR_COMP_SERVICE_UNITS:
		mr->units = sr_units_floor(r->fee, acc->digits, b->percent, r->unit_price,
					   SR_UNIT_PRICE_DECIMALS);
		if (k->cap_month_fee)
			cap_units(mr, r, acc, r->fee);
		if (liability_cap(k, r, &cap))
			cap_units(mr, r, acc, cap);
		break;
	case SR_COMP_REQUEST_UNITS:
		mr->units = sr_mul_floor(mr->failed_in_events, b->multiplier);
		if (mr->metric->max_units_usage) {
			int64_t total, failed;
			usage_totals(c, tg, mr->metric->id, &total, &failed);
			if (mr->units > total) {
				mr->units = total;
				mr->capped = 1;
			}
		}
		/* a request has a value only through the row's unit price */
		if (r->has_unit_price && liability_cap(k, r, &cap))
			cap_units(mr, r, acc, cap);
		break;
	case SR_COMP_EXTRA_TIME:
		mr->units = b->months > 0 ? b->months : b->days;
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
		if (k->combine != SR_COMBINE_MAX) {
			/* the caps limit what the resource is paid in all */
			sr_money cap = INT64_MAX, lc;
			if (k->cap_month_fee)
				cap = r->fee;
			if (liability_cap(k, r, &lc) && lc < cap)
				cap = lc;
			if (rr->voucher + mr->voucher > cap) {
				mr->voucher = cap - rr->voucher;
				mr->capped = 1;
			}
		}
		rr->voucher += mr->voucher;
		rr->units += mr->units;
	}
}

/* ---------------- per customer ---------------- */

/* Fills rr->unit from its members: one resource, or a scope group whose window
 * is the hull of the members' windows and whose fee is their sum. */
static void make_unit(const struct sr_exports *x, struct sr_resource_result *rr,
		      const char *scope)
{
	const struct sr_resource *first = &x->resources[rr->members[0]];
	struct sr_resource *u = &rr->unit;

	*u = *first;
	rr->res = u;
	if (rr->nmembers == 1)
		return;  /* a group of one keeps its resource's id */
	if (strcmp(scope, "account") == 0)
		snprintf(u->id, sizeof u->id, "*");
	else if (strcmp(scope, "account-region") == 0)
		snprintf(u->id, sizeof u->id, "*@%s", first->region);
	else
		return;
	u->zone[0] = '\0';
	for (size_t i = 1; i < rr->nmembers; i++) {
		const struct sr_resource *r = &x->resources[rr->members[i]];
		u->fee += r->fee;
		u->fee_derived |= r->fee_derived;
		u->has_start = u->has_start && r->has_start;
		if (u->has_start && r->start < u->start)
			u->start = r->start;
		u->has_end = u->has_end && r->has_end;
		if (u->has_end && r->end > u->end)
			u->end = r->end;
		if (!u->has_unit_price && r->has_unit_price) {
			u->has_unit_price = 1;
			u->unit_price = r->unit_price;
		}
		u->has_fees_paid &= r->has_fees_paid;
		u->fees_paid += r->fees_paid;
		u->has_fees_12m &= r->has_fees_12m;
		u->fees_12m += r->fees_12m;
		u->has_annual_fee &= r->has_annual_fee;
		u->annual_fee += r->annual_fee;
	}
}

static int compute_unit(const struct ctx *c, struct sr_resource_result *rr)
{
	const struct sr_resource *r = rr->res;
	const struct sr_catalog *k = r->catalog;
	const struct sr_account *acc = &c->x->accounts[c->a];
	struct target tg = {r->product, rr->members, rr->nmembers};

	rr->cat = k;
	rr->m = calloc(k->nmetrics ? k->nmetrics : 1, sizeof *rr->m);
	if (rr->m == NULL)
		return sr_err_set(c->e, "no-memory", "out of memory");
	rr->nm = k->nmetrics;
	/* parts before sums: a sum adds up metrics computed in the first pass */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < k->nmetrics; i++) {
			struct sr_metric_result *mr = &rr->m[i];
			const struct sr_metric *m = &k->metrics[i];
			int rc = 0;

			if ((m->kind == SR_MK_SUM) != pass)
				continue;
			mr->metric = m;
			mr->comp = m->comp;
			mr->availability = mr->value = (struct sr_ratio){1, 1};
			if (sr_service_window(k, r, c->x->period_y, c->x->period_m, &mr->win_start,
					      &mr->win_end, mr->note, sizeof mr->note)) {
				mr->status = SR_NOT_APPLICABLE;
				continue;
			}
			mr->service_minutes = sr_service_minutes(mr->win_start, mr->win_end,
								 k->tz_off);
			switch (m->kind) {
			case SR_MK_EVENT_MINUTES:
			case SR_MK_OUTAGE_LENGTH:
			case SR_MK_COUNT:
				rc = event_metric(c, &tg, k, mr);
				break;
			case SR_MK_MULTI_ZONE:
				rc = multi_zone_metric(c, &tg, k, mr);
				break;
			case SR_MK_FLEET:
				rc = fleet_metric(c, &tg, k, mr);
				break;
			case SR_MK_REQUEST_RATIO:
				ratio_metric(c, &tg, mr);
				break;
			case SR_MK_USAGE_WINDOWS:
				rc = usage_windows_metric(c, &tg, k, mr);
				break;
			case SR_MK_WINDOW_MEAN:
				rc = window_mean_metric(c, &tg, k, mr);
				break;
			case SR_MK_SUM:
				sum_metric(rr, mr);
				break;
			default:
				break;
			}
			if (rc)
				return sr_err_set(c->e, "no-memory", "out of memory");
			for (size_t n = 0; n < mr->nincidents; n++)
				rr->has_open_event |= mr->incidents[n].open_end;
			decide(m, mr);
			compensate(c, &tg, r, acc, k, mr);
		}
	combine(r, k, rr);
	return 0;
}

int64_t sr_service_period_last(const struct sr_catalog *k, const struct sr_resource *r, int y,
			       int m)
{
	int64_t last = sr_days_from_civil(y, m, sr_days_in_month(y, m));
	int sy, sm, sd, dim = sr_days_in_month(y, m);

	/* service years are claimed from the end of the month the year ends in,
	 * unless the catalog anchors the window at the service period's own end */
	if (!r->has_start || (k->period != SR_PERIOD_ANNIVERSARY_MONTH &&
			      !(k->period == SR_PERIOD_SERVICE_YEAR && k->claim_from_service_end)))
		return last;
	sr_civil_from_days(sr_local_day(r->start, k->tz_off), &sy, &sm, &sd);
	if (sd == 1)
		return last;
	/* the service month ends the day before the anniversary */
	return sr_days_from_civil(y, m, sd > dim ? dim : sd) - 1;
}

/* The claim window of unit rr, when its agreement sets one. */
static void unit_claim(const struct ctx *c, const struct sr_calendar *cal,
		       struct sr_resource_result *rr)
{
	const struct sr_catalog *k = rr->res->catalog;
	int64_t last;

	if (!k->has_claim)
		return;
	last = sr_service_period_last(k, rr->res, c->x->period_y, c->x->period_m);
	if (sr_claim_window(cal, last, k->claim_business_day, k->claim_after_end, k->claim_days,
			    k->claim_months, &rr->claim_opens, &rr->claim_closes,
			    &rr->claim_provisional, NULL) != 0)
		rr->claim_missing = 1;
	else
		rr->has_claim = 1;
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

/* The scope key of resource r under its catalog: resources with the same key
 * form one unit ("" = each resource on its own). */
static void scope_key(const struct sr_resource *r, char *buf, size_t n)
{
	const char *scope = r->catalog->scope;

	if (strcmp(scope, "account") == 0)
		snprintf(buf, n, "%s", r->product);
	else if (strcmp(scope, "account-region") == 0)
		snprintf(buf, n, "%s\x1f%s", r->product, r->region);
	else
		buf[0] = '\0';
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
	/* group the customer's resources into units, in file order */
	for (size_t i = 0; i < n; i++) {
		size_t ri = x->res_ix[x->res_off[a] + i], u;
		const struct sr_resource *r = &x->resources[ri];
		char key[200], other[200];
		size_t *nv;

		scope_key(r, key, sizeof key);
		for (u = 0; key[0] && u < out->nr; u++) {
			const struct sr_resource *f = &x->resources[out->r[u].members[0]];
			scope_key(f, other, sizeof other);
			if (f->catalog == r->catalog && strcmp(key, other) == 0)
				break;
		}
		if (!key[0] || u == out->nr)
			u = out->nr++;
		nv = realloc(out->r[u].members, (out->r[u].nmembers + 1) * sizeof *nv);
		if (nv == NULL)
			return sr_err_set(e, "no-memory", "out of memory");
		out->r[u].members = nv;
		out->r[u].members[out->r[u].nmembers++] = ri;
	}
	for (size_t i = 0; i < out->nr; i++) {
		struct sr_resource_result *rr = &out->r[i];

		make_unit(x, rr, x->resources[rr->members[0]].catalog->scope);
		if (compute_unit(&c, rr))
			return -1;
		unit_claim(&c, cal, rr);
		out->voucher_total += rr->voucher;
		out->units_total += rr->units;
		out->breaches += rr->breach;
		for (size_t j = 0; j < rr->nm; j++)
			if (rr->m[j].applied && rr->m[j].units > 0)
				add_units(out, rr->m[j].metric->unit, rr->m[j].units);
		if (rr->voucher == 0 && rr->units == 0)
			continue;
		/* one window valid for everything owed: the latest opening, the
		 * earliest closing */
		if (rr->claim_missing)
			out->claim_missing = 1;
		if (!rr->has_claim)
			continue;
		out->claim_provisional |= rr->claim_provisional;
		if (!out->has_claim || rr->claim_opens > out->claim_opens)
			out->claim_opens = rr->claim_opens;
		if (!out->has_claim || rr->claim_closes < out->claim_closes)
			out->claim_closes = rr->claim_closes;
		out->has_claim = 1;
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
		free(c->r[i].members);
	}
	free(c->r);
	memset(c, 0, sizeof *c);
}
