#ifndef SR_XMLSAFE_H
#define SR_XMLSAFE_H
/* Safe XML reading for hand-edited files: no network, no DTD, no entities,
 * no XInclude.  A document with a DOCTYPE or ENTITY declaration is refused
 * before libxml2 sees it. */
#include <libxml/tree.h>
#include "err.h"

#define SR_XML_MAX_BYTES (4 * 1024 * 1024)
#define SR_XML_MAX_DEPTH 32

/* Reads and parses path; the error names file and line.  The caller frees the
 * document with xmlFreeDoc.  sha256 (may be NULL) receives the file digest. */
int sr_xml_read(const char *path, const char *name, xmlDocPtr *doc, char sha256[65],
		struct sr_err *e);
/* Installs the deny-all external entity loader (idempotent). */
void sr_xml_lockdown(void);
/* on = 1: the default loader, for reading our own schema file; on = 0: deny. */
void sr_xml_trusted(int on);
/* Text helpers: attribute value or NULL (caller frees with xmlFree). */
int sr_xml_is(xmlNodePtr n, const char *name);
#endif
