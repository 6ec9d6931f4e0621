#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "calendar.h"
#include "civil.h"
#include "xmlsafe.h"

static int by_day(const void *a, const void *b)
{
	const struct sr_calday *x = a, *y = b;

	return (x->day > y->day) - (x->day < y->day);
}

static char *prop(xmlNodePtr n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

int sr_calendar_load(const char *path, const char *name, struct sr_calendar *cal,
		     struct sr_err *e)
{
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	size_t cap = 0;
	int rc = -1;

	memset(cal, 0, sizeof *cal);
	if (sr_xml_read(path, name, &doc, cal->sha256, e))
		return -1;
	root = xmlDocGetRootElement(doc);
	if (!sr_xml_is(root, "calendar") || root->ns == NULL ||
	    strcmp((const char *)root->ns->href, "urn:slareport:calendar:1") != 0) {
		sr_err_set(e, "bad-calendar", "%s: root must be <calendar xmlns=\""
			   "urn:slareport:calendar:1\">", name);
		goto out;
	}
	for (xmlNodePtr y = root->children; y; y = y->next) {
		struct sr_calyear *cy;
		char *v, *src, *st;
		int year;

		if (!sr_xml_is(y, "year"))
			continue;
		if (cal->nyears == sizeof cal->years / sizeof cal->years[0]) {
			sr_err_set(e, "bad-calendar", "%s: too many years", name);
			goto out;
		}
		v = prop(y, "value");
		src = prop(y, "source");
		st = prop(y, "status");
		year = v ? (int)strtol(v, NULL, 10) : 0;
		cy = &cal->years[cal->nyears++];
		cy->year = year;
		cy->provisional = st != NULL && strcmp(st, "provisional") == 0;
		snprintf(cy->source, sizeof cy->source, "%s", src ? src : "");
		xmlFree(v);
		xmlFree(src);
		xmlFree(st);
		if (year < 1900 || year > 2999) {
			sr_err_set(e, "bad-calendar", "%s:%ld: <year value=> must be a year", name,
				   xmlGetLineNo(y));
			goto out;
		}
		for (xmlNodePtr d = y->children; d; d = d->next) {
			int wd = sr_xml_is(d, "workday");
			char *ds;
			int64_t day;
			int yy, mm, dd, bad;

			if (!wd && !sr_xml_is(d, "holiday"))
				continue;
			ds = prop(d, "date");
			bad = ds == NULL || sr_parse_date(ds, strlen(ds), &day, e) != 0;
			xmlFree(ds);
			if (bad) {
				sr_err_set(e, "bad-calendar", "%s:%ld: bad date= attribute", name,
					   xmlGetLineNo(d));
				goto out;
			}
			sr_civil_from_days(day, &yy, &mm, &dd);
			if (yy != year) {
				sr_err_set(e, "bad-calendar", "%s:%ld: date outside its <year %d>",
					   name, xmlGetLineNo(d), year);
				goto out;
			}
			if (cal->n == cap) {
				void *nv;
				cap = cap ? cap * 2 : 128;
				nv = realloc(cal->days, cap * sizeof *cal->days);
				if (nv == NULL) {
					sr_err_set(e, "no-memory", "out of memory");
					goto out;
				}
				cal->days = nv;
			}
			cal->days[cal->n].day = day;
			cal->days[cal->n].is_workday = wd;
			cal->n++;
		}
	}
	if (cal->n > 1)
		qsort(cal->days, cal->n, sizeof *cal->days, by_day);
	for (size_t i = 1; i < cal->n; i++)
		if (cal->days[i].day == cal->days[i - 1].day) {
			char ds[16];
			sr_format_date(cal->days[i].day, ds, sizeof ds);
			sr_err_set(e, "bad-calendar", "%s: %s is listed twice", name, ds);
			goto out;
		}
	rc = 0;
out:
	xmlFreeDoc(doc);
	if (rc != 0)
		sr_calendar_free(cal);
	return rc;
}

void sr_calendar_free(struct sr_calendar *cal)
{
	free(cal->days);
	cal->days = NULL;
	cal->n = 0;
}

static const struct sr_calyear *year_of(const struct sr_calendar *cal, int y)
{
	for (size_t i = 0; i < cal->nyears; i++)
		if (cal->years[i].year == y)
			return &cal->years[i];
	return NULL;
}

int sr_calendar_is_business(const struct sr_calendar *cal, int64_t day)
{
	int y, m, d, w;
	struct sr_calday key = {day, 0}, *hit;

	sr_civil_from_days(day, &y, &m, &d);
	if (year_of(cal, y) == NULL)
		return -1;
	hit = cal->n ? bsearch(&key, cal->days, cal->n, sizeof *cal->days, by_day) : NULL;
	if (hit != NULL)
		return hit->is_workday;
	w = sr_weekday(day);
	return w != 0 && w != 6;
}

int64_t sr_calendar_nth_business(const struct sr_calendar *cal, int y, int m, int n,
				 int *provisional)
{
	int64_t day = sr_days_from_civil(y, m, 1);
	const struct sr_calyear *cy = year_of(cal, y);

	if (cy == NULL)
		return -1;
	if (provisional != NULL)
		*provisional |= cy->provisional;
	for (int seen = 0;; day++) {
		int b = sr_calendar_is_business(cal, day);
		if (b < 0)
			return -1;
		if (b && ++seen == n)
			return day;
	}
}

int sr_claim_window(const struct sr_calendar *cal, int64_t last, int nth, int after_end,
		    int days, int months, int64_t *opens, int64_t *closes, int *provisional,
		    struct sr_err *e)
{
	int y, m, d, ny, nm;

	sr_civil_from_days(last, &y, &m, &d);
	ny = y + (m == 12);
	nm = m == 12 ? 1 : m + 1;
	if (nth == 0) {
		*opens = last + 1;  /* no start restriction: from the day after */
	} else if (after_end) {
		/* the nth business day after the service period's last day */
		int64_t day = last;
		for (int seen = 0; seen < nth;) {
			int b = sr_calendar_is_business(cal, ++day);
			if (b < 0)
				return sr_err_set(e, "calendar-missing", "calendar.xml has no list "
						  "for the days after %04d-%02d-%02d", y, m, d);
			seen += b;
		}
		{
			int py, pm, pd;
			const struct sr_calyear *cy;
			sr_civil_from_days(day, &py, &pm, &pd);
			cy = year_of(cal, py);
			if (provisional != NULL && cy != NULL)
				*provisional |= cy->provisional;
		}
		*opens = day + 1;
	} else {
		int64_t b = sr_calendar_nth_business(cal, ny, nm, nth, provisional);
		if (b < 0)
			return sr_err_set(e, "calendar-missing", "calendar.xml has no list for %d "
					  "(needed for a claim window after %04d-%02d-%02d)", ny, y, m,
					  d);
		*opens = b + 1;
	}
	if (months > 0) {
		int cy = y, cm = m + months;
		cy += (cm - 1) / 12;
		cm = (cm - 1) % 12 + 1;
		*closes = sr_days_from_civil(cy, cm, sr_days_in_month(cy, cm));
	} else {
		*closes = last + days;
	}
	return 0;
}
