#ifndef SR_ERR_H
#define SR_ERR_H
/* Error context filled by any function that can fail (0 ok, negative error).
 * The batch goes on after a row error; the message names file, line, column. */
#include <stddef.h>

enum sr_exit {
	SR_EXIT_OK = 0,
	SR_EXIT_FATAL = 2,  /* unreadable file, invalid catalog, missing column */
	SR_EXIT_HELD = 3,   /* run finished, some customers held back */
	SR_EXIT_USAGE = 64  /* bad command line */
};

struct sr_err {
	char code[32];     /* short machine code, e.g. "bad-timestamp" */
	char msg[512];     /* a sentence a person understands */
	char file[256];
	long line;         /* 1-based; 0 = not known */
	char column[64];   /* column name or number; "" = whole row/file */
};

/* Fills e (may be NULL) and returns -1; printf-style message. */
int sr_err_set(struct sr_err *e, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void sr_err_clear(struct sr_err *e);
/* Sets file/line/column of e (file and column may be NULL). */
void sr_err_where(struct sr_err *e, const char *file, long line, const char *column);

#endif
