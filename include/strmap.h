#ifndef SR_STRMAP_H
#define SR_STRMAP_H
/* A string -> index hash map (open addressing).  Keys are copied. */
#include <stddef.h>

struct sr_strmap {
	struct sr_strmap_slot { char *key; size_t val; } *slots;
	size_t cap, n;
};

/* Index stored for key, or (size_t)-1. */
size_t sr_strmap_get(const struct sr_strmap *m, const char *key);
/* Stores key -> val (replacing); 0 ok, -1 out of memory. */
int sr_strmap_put(struct sr_strmap *m, const char *key, size_t val);
void sr_strmap_free(struct sr_strmap *m);
#endif
