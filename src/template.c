#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "civil.h"
#include "fileio.h"
#include "template.h"

#define TPL_MAX_BYTES (256 * 1024)

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

int sr_tpl_load(const char *dir, const char *lang, struct sr_tpl *t, struct sr_err *e)
{
	char path[1024], *buf = NULL, *line, *next;
	size_t len;
	long lineno = 0;
	int rc = -1;

	memset(t, 0, sizeof *t);
	snprintf(t->lang, sizeof t->lang, "%s", lang);
	snprintf(path, sizeof path, "%s/%s.txt", dir, lang);
	if (sr_read_file(path, TPL_MAX_BYTES, &buf, &len, e))
		return -1;
	for (line = buf; line != NULL; line = next) {
		char *eq, *k, *v;
		struct sr_tpl_kv *nv;

		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		lineno++;
		k = trim(line);
		if (*k == '\0' || *k == '#')
			continue;
		eq = strchr(k, '=');
		if (eq == NULL) {
			sr_err_set(e, "bad-template", "%s:%ld: expected key = value", path, lineno);
			goto out;
		}
		*eq = '\0';
		k = trim(k);
		v = trim(eq + 1);
		if (sr_tpl_raw(t, k) != NULL) {
			sr_err_set(e, "bad-template", "%s:%ld: key '%s' is defined twice", path,
				   lineno, k);
			goto out;
		}
		nv = realloc(t->kv, (t->n + 1) * sizeof *nv);
		if (nv == NULL) {
			sr_err_set(e, "no-memory", "out of memory");
			goto out;
		}
		t->kv = nv;
		t->kv[t->n].key = strdup(k);
		t->kv[t->n].val = strdup(v);
		if (!t->kv[t->n].key || !t->kv[t->n].val) {
			free(t->kv[t->n].key);
			free(t->kv[t->n].val);
			sr_err_set(e, "no-memory", "out of memory");
			goto out;
		}
		t->n++;
	}
	rc = 0;
out:
	free(buf);
	if (rc != 0)
		sr_tpl_free(t);
	return rc;
}

void sr_tpl_free(struct sr_tpl *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->kv[i].key);
		free(t->kv[i].val);
	}
	free(t->kv);
	t->kv = NULL;
	t->n = 0;
}

const char *sr_tpl_raw(const struct sr_tpl *t, const char *key)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->kv[i].key, key) == 0)
			return t->kv[i].val;
	return NULL;
}

void sr_tpl_fmt(const struct sr_tpl *t, char *buf, size_t n, const char *key, ...)
{
	const char *src = sr_tpl_raw(t, key), *names[24], *vals[24];
	size_t out = 0, nargs = 0;
	va_list ap;

	if (n == 0)
		return;
	va_start(ap, key);
	while (nargs < 24 && (names[nargs] = va_arg(ap, const char *)) != NULL) {
		vals[nargs] = va_arg(ap, const char *);
		nargs++;
	}
	va_end(ap);
	if (src == NULL) {
		snprintf(buf, n, "[%s]", key);
		return;
	}
	for (const char *p = src; *p && out + 1 < n;) {
		const char *close = *p == '{' ? strchr(p, '}') : NULL;
		const char *val = NULL;

		if (close != NULL) {
			size_t len = (size_t)(close - p - 1);
			for (size_t i = 0; i < nargs && val == NULL; i++)
				if (strlen(names[i]) == len && strncmp(names[i], p + 1, len) == 0)
					val = vals[i] ? vals[i] : "";
		}
		if (val == NULL) {
			buf[out++] = *p++;
			continue;
		}
		for (; *val && out + 1 < n; val++)
			buf[out++] = *val;
		p = close + 1;
	}
	buf[out] = '\0';
	sr_utf8_trim(buf);
}

void sr_utf8_trim(char *buf)
{
	size_t n = strlen(buf), lead = n, need;
	unsigned char c;

	/* the last lead byte, at most 3 continuation bytes back */
	while (lead > 0 && n - lead < 4 && ((unsigned char)buf[lead - 1] & 0xC0) == 0x80)
		lead--;
	if (lead == 0)
		return;
	c = (unsigned char)buf[lead - 1];
	need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	if (n - (lead - 1) < need)
		buf[lead - 1] = '\0';
}

void sr_loc_int(int64_t v, char *buf, size_t n)
{
	char digits[32], tmp[48];
	size_t len, o = 0;
	int neg = v < 0;

	snprintf(digits, sizeof digits, "%lld", (long long)(neg ? -v : v));
	len = strlen(digits);
	if (neg)
		tmp[o++] = '-';
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			tmp[o++] = ',';
		tmp[o++] = digits[i];
	}
	tmp[o] = '\0';
	snprintf(buf, n, "%s", tmp);
}

void sr_loc_money(const char *lang, sr_money v, int digits, const char *cur, char *buf,
		  size_t n)
{
	int64_t p = 1;
	char whole[48], frac[16] = "";

	for (int i = 0; i < digits; i++)
		p *= 10;
	sr_loc_int(v / p, whole, sizeof whole);
	if (digits > 0)
		snprintf(frac, sizeof frac, ".%0*lld", digits, (long long)(v % p));
	if (strcmp(lang, "zh-CN") == 0 && strcmp(cur, "CNY") == 0)
		snprintf(buf, n, "¥%s%s", whole, frac);
	else
		snprintf(buf, n, "%s %s%s", cur, whole, frac);
}

void sr_loc_date(const char *lang, int64_t day, char *buf, size_t n)
{
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	int y, m, d;

	sr_civil_from_days(day, &y, &m, &d);
	if (strcmp(lang, "zh-CN") == 0)
		snprintf(buf, n, "%d年%d月%d日", y, m, d);
	else
		snprintf(buf, n, "%d %s %d", d, mon[m - 1], y);
}

void sr_loc_month(const char *lang, int y, int m, char *buf, size_t n)
{
	static const char *const mon[] = {"January", "February", "March", "April", "May",
					  "June", "July", "August", "September", "October",
					  "November", "December"};

	if (strcmp(lang, "zh-CN") == 0)
		snprintf(buf, n, "%d年%d月", y, m);
	else
		snprintf(buf, n, "%s %d", mon[m - 1], y);
}

void sr_loc_pct(const char *lang, struct sr_ratio r, char *buf, size_t n)
{
	char b[40];

	sr_ratio_format_pct(r, 4, b, sizeof b);
	snprintf(buf, n, "%s%s", b, strcmp(lang, "zh-CN") == 0 ? "%" : " %");
}
