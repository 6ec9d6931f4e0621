#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "strmap.h"

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;  /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

size_t sr_strmap_get(const struct sr_strmap *m, const char *key)
{
	if (m->cap == 0)
		return (size_t)-1;
	for (size_t i = hash(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (m->slots[i].key == NULL)
			return (size_t)-1;
		if (strcmp(m->slots[i].key, key) == 0)
			return m->slots[i].val;
	}
}

static int grow(struct sr_strmap *m)
{
	size_t nc = m->cap ? m->cap * 2 : 64;
	struct sr_strmap_slot *ns = calloc(nc, sizeof *ns);

	if (ns == NULL)
		return -1;
	for (size_t i = 0; i < m->cap; i++) {
		size_t j;
		if (m->slots[i].key == NULL)
			continue;
		for (j = hash(m->slots[i].key) & (nc - 1); ns[j].key; j = (j + 1) & (nc - 1))
			;
		ns[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = ns;
	m->cap = nc;
	return 0;
}

int sr_strmap_put(struct sr_strmap *m, const char *key, size_t val)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap && grow(m))
		return -1;
	for (i = hash(key) & (m->cap - 1); m->slots[i].key; i = (i + 1) & (m->cap - 1))
		if (strcmp(m->slots[i].key, key) == 0) {
			m->slots[i].val = val;
			return 0;
		}
	m->slots[i].key = strdup(key);
	if (m->slots[i].key == NULL)
		return -1;
	m->slots[i].val = val;
	m->n++;
	return 0;
}

void sr_strmap_free(struct sr_strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	memset(m, 0, sizeof *m);
}
