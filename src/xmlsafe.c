#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog.h"
#include "xmlsafe.h"

static xmlParserInputPtr deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)id;
	(void)ctxt;
	fprintf(stderr, "slareport: refused to load external resource '%s'\n", url ? url : "");
	return NULL;
}

static xmlExternalEntityLoader default_loader;

void sr_xml_lockdown(void)
{
	if (default_loader == NULL)
		default_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(deny_loader);
}

void sr_xml_trusted(int on)
{
	if (default_loader == NULL)
		default_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(on ? default_loader : deny_loader);
}

int sr_xml_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

struct first_err {
	char msg[400];
	long line;
};

static void keep_first(void *data, xmlErrorPtr err)
{
	struct first_err *f = data;
	size_t n;

	if (f->msg[0] || err == NULL)
		return;
	snprintf(f->msg, sizeof f->msg, "%s", err->message ? err->message : "parse error");
	n = strlen(f->msg);
	while (n > 0 && f->msg[n - 1] == '\n')
		f->msg[--n] = '\0';
	f->line = err->line;
}

static long line_of(const char *buf, const char *at)
{
	long line = 1;

	for (const char *p = buf; p < at; p++)
		line += *p == '\n';
	return line;
}

/* The first element or attribute that could make a parser reach outside the
 * file: XInclude elements, and schema-location hints (xsi:schemaLocation may
 * name a network URL; catalogs are validated against catalog.xsd only). */
static xmlNodePtr foreign_node(xmlNodePtr n, const char **why)
{
	static const char xinc[] = "http://www.w3.org/2001/XInclude",
			  xinc_old[] = "http://www.w3.org/2003/XInclude",
			  xsi[] = "http://www.w3.org/2001/XMLSchema-instance";

	for (; n != NULL; n = n->next) {
		xmlNodePtr bad;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->ns != NULL && (xmlStrcmp(n->ns->href, BAD_CAST xinc) == 0 ||
				      xmlStrcmp(n->ns->href, BAD_CAST xinc_old) == 0)) {
			*why = "XInclude is not allowed in this file";
			return n;
		}
		for (xmlAttrPtr a = n->properties; a != NULL; a = a->next)
			if (a->ns != NULL && xmlStrcmp(a->ns->href, BAD_CAST xsi) == 0) {
				*why = "xsi: attributes (schema-location hints) are not allowed: "
				       "the file is validated against catalog.xsd only";
				return n;
			}
		if ((bad = foreign_node(n->children, why)) != NULL)
			return bad;
	}
	return NULL;
}

static int max_depth(xmlNodePtr n, int d)
{
	int m = d;

	for (xmlNodePtr c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE) {
			int k = max_depth(c, d + 1);
			if (k > m)
				m = k;
			if (m > SR_XML_MAX_DEPTH)
				break;
		}
	return m;
}

int sr_xml_read(const char *path, const char *name, xmlDocPtr *doc, char sha256[65],
		struct sr_err *e)
{
	char *buf = NULL, *bad;
	size_t len;
	xmlParserCtxtPtr ctxt = NULL;
	struct first_err fe;
	xmlNodePtr bad_node;
	const char *why = NULL;
	int rc = -1;

	*doc = NULL;
	sr_xml_lockdown();
	if (sr_read_file(path, SR_XML_MAX_BYTES, &buf, &len, e))
		return -1;
	if (sha256 != NULL)
		sr_sha256_hex(buf, len, sha256);
	if ((bad = strstr(buf, "<!DOCTYPE")) != NULL || (bad = strstr(buf, "<!ENTITY")) != NULL) {
		sr_err_set(e, "xml-doctype", "%s:%ld: a DOCTYPE or ENTITY declaration is not allowed "
			   "in this file (no DTDs, no entities)", name, line_of(buf, bad));
		sr_err_where(e, name, line_of(buf, bad), NULL);
		goto out;
	}
	memset(&fe, 0, sizeof fe);
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		sr_err_set(e, "no-memory", "out of memory parsing %s", name);
		goto out;
	}
	xmlSetStructuredErrorFunc(&fe, keep_first);
	*doc = xmlCtxtReadMemory(ctxt, buf, (int)len, name, "UTF-8",
				 XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (*doc == NULL && strstr(fe.msg, "Excessive depth") != NULL) {
		sr_err_set(e, "xml-depth", "%s:%ld: elements nested deeper than %d levels", name,
			   fe.line, SR_XML_MAX_DEPTH);
		sr_err_where(e, name, fe.line, NULL);
		goto out;
	}
	if (*doc == NULL) {
		sr_err_set(e, "xml-syntax", "%s:%ld: not well-formed XML: %s", name, fe.line,
			   fe.msg[0] ? fe.msg : "parse error");
		sr_err_where(e, name, fe.line, NULL);
		goto out;
	}
	if ((*doc)->intSubset != NULL || (*doc)->extSubset != NULL) {
		sr_err_set(e, "xml-doctype", "%s: a DOCTYPE is not allowed in this file", name);
		goto out;
	}
	if (xmlDocGetRootElement(*doc) == NULL ||
	    max_depth(xmlDocGetRootElement(*doc), 1) > SR_XML_MAX_DEPTH) {
		sr_err_set(e, "xml-depth", "%s: elements nested deeper than %d levels", name,
			   SR_XML_MAX_DEPTH);
		goto out;
	}
	if ((bad_node = foreign_node(xmlDocGetRootElement(*doc), &why)) != NULL) {
		sr_err_set(e, "xml-foreign", "%s:%ld: %s", name, xmlGetLineNo(bad_node), why);
		sr_err_where(e, name, xmlGetLineNo(bad_node), NULL);
		goto out;
	}
	rc = 0;
out:
	if (rc != 0 && *doc != NULL) {
		xmlFreeDoc(*doc);
		*doc = NULL;
	}
	if (ctxt != NULL)
		xmlFreeParserCtxt(ctxt);
	free(buf);
	return rc;
}
