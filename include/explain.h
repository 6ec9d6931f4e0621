#ifndef SR_EXPLAIN_H
#define SR_EXPLAIN_H
/* `slareport explain`: one customer's computation step by step — events ->
 * merged incidents -> counted minutes -> band -> compensation — so a support
 * engineer can answer the customer's question. */
#include <stdio.h>
#include "engine.h"

void sr_explain_customer(FILE *f, const struct sr_exports *x,
			 const struct sr_customer_result *c, const char *period,
			 const struct sr_hold *hold);
#endif
