#ifndef SR_TEMPLATE_H
#define SR_TEMPLATE_H
/* Report wording from templates/<lang>.txt ("key = value", {name} slots) and
 * locale formatting of money, numbers, dates and percentages.  Every word a
 * customer reads comes from the template files, none from C code. */
#include <stddef.h>
#include <stdint.h>
#include "err.h"
#include "money.h"

struct sr_tpl {
	char lang[8];
	struct sr_tpl_kv { char *key, *val; } *kv;
	size_t n;
};

/* Loads dir/<lang>.txt.  The caller frees with sr_tpl_free. */
int sr_tpl_load(const char *dir, const char *lang, struct sr_tpl *t, struct sr_err *e);
void sr_tpl_free(struct sr_tpl *t);
/* The raw text of key, or NULL. */
const char *sr_tpl_raw(const struct sr_tpl *t, const char *key);
/* Expands key into buf, filling {name} slots from the NULL-terminated list of
 * name, value pairs.  An unknown key or slot is written as [key] / {name} so a
 * missing word shows instead of vanishing. */
void sr_tpl_fmt(const struct sr_tpl *t, char *buf, size_t n, const char *key, ...);
/* Drops an incomplete UTF-8 sequence a too small buffer cut off at the end of
 * buf (a text cut to fit ends between characters, never inside one). */
void sr_utf8_trim(char *buf);

/* 1,234,567 */
void sr_loc_int(int64_t v, char *buf, size_t n);
/* zh-CN: ¥1,234.56 for CNY, else "USD 1,234.56"; en: "CNY 1,234.56". */
void sr_loc_money(const char *lang, sr_money v, int digits, const char *currency, char *buf,
		  size_t n);
/* zh-CN: 2026年11月7日; en: 7 Nov 2026. */
void sr_loc_date(const char *lang, int64_t day, char *buf, size_t n);
/* zh-CN: 2026年10月; en: October 2026. */
void sr_loc_month(const char *lang, int y, int m, char *buf, size_t n);
/* 99.9753% (zh-CN) / 99.9753 % (en), truncated to 4 decimals. */
void sr_loc_pct(const char *lang, struct sr_ratio r, char *buf, size_t n);

#endif
