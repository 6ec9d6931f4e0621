#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "err.h"

int sr_err_set(struct sr_err *e, const char *code, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	snprintf(e->code, sizeof e->code, "%s", code);
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

void sr_err_clear(struct sr_err *e)
{
	if (e != NULL)
		memset(e, 0, sizeof *e);
}

void sr_err_where(struct sr_err *e, const char *file, long line, const char *column)
{
	if (e == NULL)
		return;
	if (file != NULL)
		snprintf(e->file, sizeof e->file, "%s", file);
	e->line = line;
	snprintf(e->column, sizeof e->column, "%s", column ? column : "");
}
