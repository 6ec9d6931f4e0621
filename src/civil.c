#include <stdio.h>
#include <string.h>
#include "civil.h"

/* Howard Hinnant's days_from_civil / civil_from_days, exact for all int years. */
int64_t sr_days_from_civil(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void sr_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

int sr_days_in_month(int y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12)
		return 0;
	return dim[m - 1] + (m == 2 && leap);
}

int sr_weekday(int64_t days)
{
	int64_t w = (days + 4) % 7;  /* 1970-01-01 was a Thursday */

	return (int)(w < 0 ? w + 7 : w);
}

static int digits(const char *s, size_t n, int *out)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int parse_offset_n(const char *s, size_t n, int *off, struct sr_err *e)
{
	int hh, mm;

	if (n == 1 && s[0] == 'Z') {
		*off = 0;
		return 0;
	}
	if (n != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' ||
	    digits(s + 1, 2, &hh) || digits(s + 4, 2, &mm))
		return sr_err_set(e, "bad-offset", "UTC offset '%.*s' is not Z or ±HH:MM",
				  (int)n, s);
	if (hh > 14 || mm > 59 || (hh == 14 && mm != 0))
		return sr_err_set(e, "bad-offset", "UTC offset '%.*s' is out of range (±14:00)",
				  (int)n, s);
	*off = (hh * 3600 + mm * 60) * (s[0] == '-' ? -1 : 1);
	return 0;
}

int sr_parse_offset(const char *s, int *off, struct sr_err *e)
{
	return parse_offset_n(s, strlen(s), off, e);
}

static int parse_ymd(const char *s, size_t n, int *y, int *m, int *d, struct sr_err *e)
{
	if (n != 10 || s[4] != '-' || s[7] != '-' || digits(s, 4, y) ||
	    digits(s + 5, 2, m) || digits(s + 8, 2, d))
		return sr_err_set(e, "bad-date", "'%.*s' is not a date YYYY-MM-DD", (int)n, s);
	if (*y < 1900 || *y > 2999 || *m < 1 || *m > 12 || *d < 1 ||
	    *d > sr_days_in_month(*y, *m))
		return sr_err_set(e, "bad-date", "'%.*s' is not a valid calendar date", (int)n, s);
	return 0;
}

int sr_parse_date(const char *s, size_t len, int64_t *days, struct sr_err *e)
{
	int y, m, d;

	if (parse_ymd(s, len, &y, &m, &d, e))
		return -1;
	*days = sr_days_from_civil(y, m, d);
	return 0;
}

/* A date or offset error inside a timestamp is a timestamp error. */
static int retag(struct sr_err *e, const char *code)
{
	if (e != NULL)
		snprintf(e->code, sizeof e->code, "%s", code);
	return -1;
}

int sr_parse_time(const char *s, size_t n, int default_off, sr_time *t, struct sr_err *e)
{
	int y, mo, d, hh, mi, ss = 0, off = default_off;
	size_t p;

	if (n < 16)
		return sr_err_set(e, "bad-timestamp",
				  "'%.*s' is not a timestamp YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]",
				  (int)n, s);
	if (parse_ymd(s, 10, &y, &mo, &d, e)) {
		return retag(e, "bad-timestamp");
	}
	if ((s[10] != 'T' && s[10] != ' ') || s[13] != ':' || digits(s + 11, 2, &hh) ||
	    digits(s + 14, 2, &mi))
		return sr_err_set(e, "bad-timestamp",
				  "'%.*s' is not a timestamp YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]",
				  (int)n, s);
	p = 16;
	if (p < n && s[p] == ':') {
		if (p + 3 > n || digits(s + p + 1, 2, &ss))
			return sr_err_set(e, "bad-timestamp", "'%.*s': seconds must be two digits",
					  (int)n, s);
		p += 3;
	}
	if (hh > 23 || mi > 59 || ss > 59)
		return sr_err_set(e, "bad-timestamp",
				  "'%.*s': time of day out of range (00:00:00–23:59:59; "
				  "write 24:00 as 00:00 of the next day)", (int)n, s);
	if (p < n && parse_offset_n(s + p, n - p, &off, e)) {
		return retag(e, "bad-timestamp");
	}
	*t = sr_days_from_civil(y, mo, d) * 86400 + hh * 3600 + mi * 60 + ss - off;
	return 0;
}

int sr_parse_period(const char *s, int *y, int *m, struct sr_err *e)
{
	if (strlen(s) != 7 || s[4] != '-' || digits(s, 4, y) || digits(s + 5, 2, m) ||
	    *y < 1900 || *y > 2999 || *m < 1 || *m > 12)
		return sr_err_set(e, "bad-period", "period '%s' is not YYYY-MM", s);
	return 0;
}

int64_t sr_local_day(sr_time t, int off)
{
	int64_t l = t + off;

	return l >= 0 ? l / 86400 : -((-l + 86399) / 86400);
}

sr_time sr_day_start(int64_t days, int off)
{
	return days * 86400 - off;
}

void sr_format_date(int64_t days, char *buf, size_t n)
{
	int y, m, d;

	sr_civil_from_days(days, &y, &m, &d);
	snprintf(buf, n, "%04d-%02d-%02d", y, m, d);
}

void sr_format_offset(int off, char *buf, size_t n)
{
	int a = off < 0 ? -off : off;

	snprintf(buf, n, "%c%02d:%02d", off < 0 ? '-' : '+', a / 3600, a % 3600 / 60);
}

static void format_sep(sr_time t, int off, char sep, int with_off, char *buf, size_t n)
{
	int64_t days = sr_local_day(t, off);
	int64_t sec = t + off - days * 86400;
	char date[16], o[8];

	sr_format_date(days, date, sizeof date);
	sr_format_offset(off, o, sizeof o);
	snprintf(buf, n, "%s%c%02d:%02d:%02d%s", date, sep, (int)(sec / 3600),
		 (int)(sec % 3600 / 60), (int)(sec % 60), with_off ? o : "");
}

void sr_format_local(sr_time t, int off, char *buf, size_t n)
{
	format_sep(t, off, ' ', 0, buf, n);
}

void sr_format_iso(sr_time t, int off, char *buf, size_t n)
{
	format_sep(t, off, 'T', 1, buf, n);
}

void sr_format_duration(int64_t s, char *buf, size_t n)
{
	if (s >= 3600)
		snprintf(buf, n, "%lld h %02lld min %02lld s", (long long)(s / 3600),
			 (long long)(s % 3600 / 60), (long long)(s % 60));
	else if (s >= 60)
		snprintf(buf, n, "%lld min %02lld s", (long long)(s / 60), (long long)(s % 60));
	else
		snprintf(buf, n, "%lld s", (long long)s);
}
