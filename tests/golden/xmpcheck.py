#!/usr/bin/env python3
"""Checks a report's XMP packet against its Info dictionary (PDF/A-1, 6.7).

Usage: xmpcheck.py XMP INFO
  XMP   the packet as `pdfinfo -meta` prints it
  INFO  what `pdfinfo -isodates` prints

The packet must claim PDF/A-1b (pdfaid:part 1, pdfaid:conformance B) and
hold, for every Info entry present, the same value: Title = dc:title,
Author = dc:creator, Subject = dc:description, Keywords = pdf:Keywords,
Creator = xmp:CreatorTool, Producer = pdf:Producer, CreationDate =
xmp:CreateDate, ModDate = xmp:ModifyDate.  A property may be written as an
attribute of rdf:Description or as an element; dc:title, dc:creator and
dc:description hold their value in an rdf:Alt or rdf:Seq.  Prints what
differs; exit 1 if anything does.
"""
import sys
import xml.etree.ElementTree as ET

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}
PAIRS = [("Title", "dc:title"), ("Author", "dc:creator"), ("Subject", "dc:description"),
         ("Keywords", "pdf:Keywords"), ("Creator", "xmp:CreatorTool"),
         ("Producer", "pdf:Producer"), ("CreationDate", "xmp:CreateDate"),
         ("ModDate", "xmp:ModifyDate")]


def qname(p):
    prefix, local = p.split(":")
    return "{%s}%s" % (NS[prefix], local)


def properties(xmp_text):
    start = xmp_text.index("<x:xmpmeta")
    end = xmp_text.index("</x:xmpmeta>") + len("</x:xmpmeta>")
    root = ET.fromstring(xmp_text[start:end])
    props = {}
    for desc in root.iter(qname("rdf:Description")):
        for k, v in desc.attrib.items():
            props[k] = v
        for child in desc:
            items = child.findall(".//" + qname("rdf:li"))
            props[child.tag] = items[0].text if items else child.text
    return props


def info(info_text):
    out = {}
    for line in info_text.splitlines():
        key, sep, value = line.partition(":")
        if sep and key in dict(PAIRS):
            out[key] = value.strip()
    return out


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        props = properties(f.read())
    with open(sys.argv[2], encoding="utf-8") as f:
        inf = info(f.read())
    why = []
    if props.get(qname("pdfaid:part")) != "1":
        why.append("pdfaid:part")
    if props.get(qname("pdfaid:conformance")) != "B":
        why.append("pdfaid:conformance")
    for key, prop in PAIRS:
        if key in inf and props.get(qname(prop)) != inf[key]:
            why.append("%s %r != %s %r" % (key, inf[key], prop, props.get(qname(prop))))
    for key in ("Title", "Author", "CreationDate"):
        if key not in inf:
            why.append("no Info " + key)
    print("; ".join(why))
    return 1 if why else 0


if __name__ == "__main__":
    sys.exit(main())
