#!/usr/bin/env python3
"""Independent oracle for slareport's ledger.csv (SPEC section 3 and 5).

    python3 tests/golden/oracle.py INPUT_DIR CATALOG_DIR YYYY-MM > expected-ledger.csv

Written from SPEC.md and the catalog XML, not from the C engine, so that the two can
be diffed.  Standard library only; every tier, minute and cent is decided with
integers and fractions.Fraction, never with floating point.

It assumes a clean month (no rejected rows): it does not validate the exports the way
the engine does, it only computes.  Rows: one per (customer, resource, metric), the
customers in accounts.csv order, their resources in resources.csv order, the metrics
in catalog order.

Choices where SPEC and catalogs are silent (the C engine was found to agree):
- anniversary-month: service_start on day D != 1 before the period -> the service
  month [D of the previous month, D of this month); a day the month lacks is its
  last day (start 05-31 -> 09-30 .. 10-31); started inside the period with D != 1 ->
  n/a (its first service month ends next period); empty start or D = 1 -> the
  calendar month.  Windows are then intersected with [service_start, service_end).
- an exclusion row with resource_id `*` covers every resource of that customer and
  product, for the metric named in the row (empty = primary); there is no region
  column, so it is not limited to a region.
- excluded_minutes = ceil(seconds of incident time under exclusions / 60), summed
  over the month before rounding; empty on rows without event computation.
- an incident counts at most the minutes it would count whole; unavailable minutes
  are capped at the service minutes.
- request-units: failed_requests of each counted event, pro rata (floored) to the part
  of the event that lies in pieces with counted minutes > 0.
- combine max: the metric with the highest compensation in a band is applied, ties
  to the earlier metric; separate/sum: every metric in a band is applied.
"""
import csv
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from fractions import Fraction

NS = "{urn:slareport:catalog:1}"
HEADER = ("period,customer_id,product,catalog_version,resource_id,metric,service_minutes,"
          "unavailable_minutes,excluded_minutes,availability_pct,objective_pct,band,"
          "compensation_kind,compensation_percent,fee,compensation,unit,applied,capped")
# ISO 4217 minor units; everything not listed has 2.
ZERO_DECIMALS = {"JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF", "PYG"}
EPOCH = date(1970, 1, 1)

# ---------------------------------------------------------------- small helpers


def decimals(currency):
    return 0 if currency in ZERO_DECIMALS else 2


def parse_decimal(s):
    """'1234.56' -> Fraction, exactly."""
    s = s.strip()
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", s):
        raise ValueError("not a plain decimal: %r" % s)
    return Fraction(s)


def fmt_money(minor, digits):
    """integer minor units -> '123.45' (or '123' for 0-decimal currencies)."""
    sign = "-" if minor < 0 else ""
    minor = abs(minor)
    if digits == 0:
        return sign + str(minor)
    q, r = divmod(minor, 10 ** digits)
    return "%s%d.%0*d" % (sign, q, digits, r)


def half_up(x):
    """round a non-negative Fraction half-up to an integer."""
    return (x.numerator * 2 + x.denominator) // (2 * x.denominator)


def ceil_div(a, b):
    return -((-a) // b)


def fmt_pct_trunc(x):
    """Fraction percent -> truncated to 4 decimals, '99.9753'."""
    t = (x.numerator * 10000) // x.denominator  # floor; x >= 0
    return "%d.%04d" % divmod(t, 10000)


def parse_offset(s):
    if s == "Z":
        return 0
    m = re.fullmatch(r"([+-])(\d{2}):(\d{2})", s)
    if not m:
        raise ValueError("bad offset %r" % s)
    v = int(m.group(2)) * 3600 + int(m.group(3)) * 60
    return v if m.group(1) == "+" else -v


TS_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?")


def parse_ts(s, default_off):
    """ISO 8601 timestamp -> integer seconds since the epoch (UTC)."""
    m = TS_RE.fullmatch(s.strip())
    if not m:
        raise ValueError("bad timestamp %r" % s)
    y, mo, d, hh, mi = (int(m.group(i)) for i in range(1, 6))
    ss = int(m.group(6) or 0)
    off = parse_offset(m.group(7)) if m.group(7) else default_off
    days = (date(y, mo, d) - EPOCH).days
    return days * 86400 + hh * 3600 + mi * 60 + ss - off


def day_start(d, off):
    """instant at which local date d begins at offset off."""
    return (d - EPOCH).days * 86400 - off


def local_date(t, off):
    return EPOCH + timedelta(days=(t + off) // 86400)


def clamp_date(y, m, d):
    """date(y, m, d), or the month's last day when the month has no day d."""
    ny, nm = add_months(y, m, 1)
    last = (date(ny, nm, 1) - timedelta(days=1)).day
    return date(y, m, min(d, last))


def add_months(y, m, k):
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


# interval sets: sorted lists of disjoint [a, b) with a < b

def merge(spans, gap=0):
    out = []
    for a, b in sorted(spans):
        if b <= a:
            continue
        if out and a <= out[-1][1] + gap:
            if b > out[-1][1]:
                out[-1][1] = b
        else:
            out.append([a, b])
    return [tuple(x) for x in out]


def intersect(xs, ys):
    out, i, j = [], 0, 0
    while i < len(xs) and j < len(ys):
        a = max(xs[i][0], ys[j][0])
        b = min(xs[i][1], ys[j][1])
        if a < b:
            out.append((a, b))
        if xs[i][1] < ys[j][1]:
            i += 1
        else:
            j += 1
    return out


def subtract(span, cuts):
    """[a, b) minus a merged list of cuts -> list of pieces."""
    a, b = span
    out = []
    for c, d in cuts:
        if d <= a or c >= b:
            continue
        if c > a:
            out.append((a, c))
        a = max(a, d)
        if a >= b:
            break
    if a < b:
        out.append((a, b))
    return out


def total(spans):
    return sum(b - a for a, b in spans)


# ---------------------------------------------------------------- catalogs


class Band:
    def __init__(self, el):
        self.lower_s = el.get("lower")
        self.upper_s = el.get("upper")
        self.lower = Fraction(self.lower_s) if self.lower_s is not None else Fraction(0)
        self.upper = Fraction(self.upper_s) if self.upper_s is not None else Fraction(100)
        self.lower_inc = el.get("lower-inclusive", "true") in ("true", "1")
        self.upper_inc = el.get("upper-inclusive", "false") in ("true", "1")
        self.percent_s = el.get("percent")
        self.multiplier = el.get("multiplier")

    def contains(self, a):
        lo = a >= self.lower if self.lower_inc else a > self.lower
        hi = a <= self.upper if self.upper_inc else a < self.upper
        return lo and hi

    def label(self):
        return "%s%s,%s%s" % ("[" if self.lower_inc else "(",
                              self.lower_s if self.lower_s is not None else "0",
                              self.upper_s if self.upper_s is not None else "100",
                              "]" if self.upper_inc else ")")

    def percent_text(self):
        if self.percent_s is not None:
            return self.percent_s
        if self.multiplier is not None:
            return "x" + self.multiplier
        return ""


class Metric:
    def __init__(self, el):
        self.id = el.get("id")
        self.kind = el.get("kind")
        self.primary = el.get("primary", "false") in ("true", "1")
        self.of = el.get("of")
        obj = el.find(NS + "objective")
        self.objective_s = obj.get("pct") if obj is not None else None
        self.objective = Fraction(self.objective_s) if self.objective_s else None
        mn = el.find(NS + "minutes")
        self.ignore_seconds = int(mn.get("ignore-seconds", "0")) if mn is not None else 0
        self.ignore_inclusive = (mn.get("ignore-inclusive", "true") in ("true", "1")) \
            if mn is not None else True
        self.round = mn.get("round", "up") if mn is not None else "up"
        self.deductible = int(mn.get("deductible-minutes", "0")) if mn is not None else 0
        self.merge_gap = int(mn.get("merge-gap-seconds", "0")) if mn is not None else 0
        bands = el.find(NS + "bands")
        self.bands = [Band(b) for b in bands.findall(NS + "band")] if bands is not None else []
        comp = el.find(NS + "compensation")
        self.comp_kind = comp.get("kind")
        self.comp_unit = comp.get("unit") or ""

    def piece_minutes(self, s):
        """the minute rule for one incident piece of s seconds."""
        if (s <= self.ignore_seconds) if self.ignore_inclusive else (s < self.ignore_seconds):
            return 0
        if self.round == "up":
            m = ceil_div(s, 60)
        elif self.round == "down":
            m = s // 60
        else:
            raise NotImplementedError("round=%s" % self.round)
        return max(0, m - self.deductible)


class Catalog:
    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.path = path
        self.product = root.get("product")
        self.version = root.get("version")
        self.effective = root.get("effective") or self.version
        self.tz = parse_offset(root.get("timezone"))
        self.period_kind = root.find(NS + "period").get("kind")
        self.causes = {c.get("code"): c.get("counts") in ("true", "1")
                       for c in root.find(NS + "causes").findall(NS + "cause")}
        self.metrics = [Metric(m) for m in root.findall(NS + "metric")]
        self.primary = next((m for m in self.metrics if m.primary), self.metrics[0])
        self.combine = root.find(NS + "combine").get("rule")
        self.caps = [c.get("kind") for c in root.findall(NS + "cap")]

    def metric(self, mid):
        if not mid:
            return self.primary
        for m in self.metrics:
            if m.id == mid:
                return m
        raise KeyError("metric %r not in %s" % (mid, self.path))


def load_catalogs(d, period_first):
    by_product = {}
    for path in sorted(glob.glob(os.path.join(d, "*.xml"))):
        root = ET.parse(path).getroot()
        if root.tag != NS + "catalog":
            continue  # calendar.xml
        c = Catalog(path)
        by_product.setdefault(c.product, []).append(c)
    in_force = {}
    for p, cs in by_product.items():
        ok = [c for c in cs if c.effective <= period_first.isoformat()]
        if ok:
            in_force[p] = max(ok, key=lambda c: (c.effective, c.version))
    return in_force


# ---------------------------------------------------------------- exports


def read_csv(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


class Window:
    """a resource's service window for the metric's period kind."""

    def __init__(self, applicable, start=None, end=None, off=0):
        self.applicable = applicable
        self.start, self.end = start, end
        if applicable:
            first = local_date(start, off)
            last = local_date(end - 1, off)
            self.minutes = ((last - first).days + 1) * 1440
        else:
            self.minutes = 0


def service_window(cat, res, year, month):
    off = cat.tz
    p0 = day_start(date(year, month, 1), off)
    ny, nm = add_months(year, month, 1)
    p1 = day_start(date(ny, nm, 1), off)
    s = parse_ts(res["service_start"], off) if res.get("service_start") else None
    e = parse_ts(res["service_end"], off) if res.get("service_end") else None
    kind = cat.period_kind
    lo, hi = p0, p1
    if kind == "anniversary-month" and s is not None:
        sd = local_date(s, off)
        if sd.day != 1:
            if s >= p0:
                return Window(False)  # activated inside the period: no service month ends here
            # the service month from day D of the previous month to day D of this
            # one; a day the month lacks (31 Sep) is taken as its last day
            py, pm = add_months(year, month, -1)
            lo = day_start(clamp_date(py, pm, sd.day), off)
            hi = day_start(clamp_date(year, month, sd.day), off)
    elif kind == "full-month":
        if (s is not None and s > p0) or (e is not None and e < p1):
            return Window(False)
    elif kind not in ("natural-month", "anniversary-month"):
        raise NotImplementedError("period kind %s" % kind)
    if s is not None:
        lo = max(lo, s)
    if e is not None:
        hi = min(hi, e)
    if hi <= lo:
        return Window(False)
    return Window(True, lo, hi, off)


# ---------------------------------------------------------------- the computation


class Row:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def event_pieces(cat, metric, res, win, events):
    """-> (pieces, excluded_seconds, counted_events) for one event-minutes metric."""
    cust, prod, rid = res["customer_id"], res["product"], res["resource_id"]
    counted, excl = [], []
    for ev in events:
        if ev["customer_id"] != cust or ev["product"] != prod:
            continue
        if cat.metric(ev.get("metric", "")).id != metric.id:
            continue
        if ev["resource_id"] == rid:
            pass
        elif ev["resource_id"] == "*" and not cat.causes[ev["cause"]]:
            pass
        else:
            continue
        a = parse_ts(ev["start"], cat.tz)
        b = parse_ts(ev["end"], cat.tz) if ev.get("end") else win.end
        a, b = max(a, win.start), min(b, win.end)
        if cat.causes[ev["cause"]]:
            counted.append((a, b, ev))
        elif b > a:
            excl.append((a, b))
    incidents = merge([(a, b) for a, b, _ in counted if b > a], metric.merge_gap)
    cuts = merge(excl)
    pieces, excluded, groups = [], 0, []
    for inc in incidents:
        ps = subtract(inc, cuts)
        excluded += (inc[1] - inc[0]) - total(ps)
        pieces.extend(ps)
        groups.append((inc, ps))
    return pieces, excluded, counted, groups


def compute(inp, catdir, period):
    year, month = int(period[:4]), int(period[5:7])
    first = date(year, month, 1)
    cats = load_catalogs(catdir, first)
    accounts = read_csv(os.path.join(inp, "accounts.csv"))
    resources = read_csv(os.path.join(inp, "resources.csv"))
    events = read_csv(os.path.join(inp, "outages.csv"))
    usage = read_csv(os.path.join(inp, "usage.csv"))

    # first pass: windows and event-metric pieces of every resource (the multi-zone
    # metric needs the other resources' pieces)
    info = {}
    for res in resources:
        cat = cats[res["product"]]
        key = (res["customer_id"], res["product"], res["resource_id"])
        d = {"cat": cat, "res": res, "win": {}, "pieces": {}}
        for m in cat.metrics:
            win = service_window(cat, res, year, month)
            d["win"][m.id] = win
            if m.kind == "event-minutes" and win.applicable:
                d["pieces"][m.id] = event_pieces(cat, m, res, win, events)
        info[key] = d

    out = []
    for acc in accounts:
        cust = acc["customer_id"]
        cur = acc["currency"]
        digits = decimals(cur)
        for res in resources:
            if res["customer_id"] != cust:
                continue
            key = (cust, res["product"], res["resource_id"])
            d = info[key]
            cat = d["cat"]
            fee = parse_decimal(res["monthly_fee"])
            fee_minor = fee * 10 ** digits
            assert fee_minor.denominator == 1
            fee_minor = int(fee_minor)
            rows = []
            for m in cat.metrics:
                win = d["win"][m.id]
                # excluded_minutes is 0 on rows that have no event computation
                # (n/a, none, request-ratio); unavailable_minutes is left empty there
                r = Row(metric=m, service=win.minutes if win.applicable else 0,
                        unav="", excl=0, avail=None, band="n/a", pct="",
                        comp=0, raw=0, capped=False, money=False, applied=False)
                rows.append(r)
                if not win.applicable:
                    continue
                if m.kind == "none":
                    r.band = "none"
                    continue
                if m.kind == "event-minutes":
                    pieces, excluded, counted, groups = d["pieces"][m.id]
                    mins = [m.piece_minutes(b - a) for a, b in pieces]
                    # an incident counts at most what it counts whole: cutting out an
                    # exclusion never adds minutes
                    r.unav = sum(min(sum(m.piece_minutes(b - a) for a, b in ps),
                                     m.piece_minutes(inc[1] - inc[0]))
                                 for inc, ps in groups)
                    r.unav = min(r.unav, r.service)
                    r.excl = ceil_div(excluded, 60)
                    r.avail = Fraction(r.service - r.unav, r.service) * 100
                    # failed requests of counted events, pro rata to the part of the
                    # event inside pieces with counted minutes > 0 (floored)
                    live = [p for p, k in zip(pieces, mins) if k > 0]
                    r.failed = 0
                    for a, b, ev in counted:
                        if not ev.get("failed_requests") or b <= a:
                            continue
                        inside = sum(max(0, min(b, pb) - max(a, pa)) for pa, pb in live)
                        r.failed += int(ev["failed_requests"]) * inside // (b - a)
                elif m.kind == "multi-zone":
                    src = cat.metric(m.of)
                    region, zone = res.get("region", ""), res.get("zone", "")
                    others = {}
                    if region and zone:
                        for k2, d2 in info.items():
                            r2 = d2["res"]
                            if k2[0] != cust or k2[1] != res["product"]:
                                continue
                            if r2.get("region") != region or not r2.get("zone") \
                                    or r2["zone"] == zone:
                                continue
                            p2 = d2["pieces"].get(src.id, ([], 0, []))[0]
                            others.setdefault(r2["zone"], []).append(p2)
                    if not others:
                        r.service = 0
                        continue  # n/a: no other zone in the region
                    down = []
                    for z in sorted(others):
                        allz = others[z][0]
                        for p2 in others[z][1:]:
                            allz = intersect(allz, p2)
                        down.extend(allz)
                    down = merge(down)
                    mine = d["pieces"].get(src.id, ([], 0, []))[0]
                    spans = merge(intersect(merge(mine), down))
                    r.unav = sum(m.piece_minutes(b - a) for a, b in spans)
                    r.excl = 0
                    r.avail = max(Fraction(0), Fraction(r.service - r.unav, r.service) * 100)
                    r.failed = 0
                elif m.kind == "request-ratio":
                    tot = fail = 0
                    for u in usage:
                        if (u["customer_id"], u["product"], u["resource_id"]) != key:
                            continue
                        if u.get("window_start"):
                            continue
                        if cat.metric(u.get("metric", "")).id != m.id:
                            continue
                        tot += int(u["total_requests"])
                        fail += int(u["failed_requests"])
                    r.excl = 0
                    r.avail = Fraction(100) if tot == 0 else Fraction(tot - fail, tot) * 100
                else:
                    raise NotImplementedError("metric kind %s" % m.kind)

                if r.avail >= m.objective:
                    r.band = "met"
                    continue
                band = next((b for b in m.bands if b.contains(r.avail)), None)
                if band is None:
                    r.band = "gap"
                    continue
                r.band = band.label()
                r.pct = band.percent_text()
                if m.comp_kind == "voucher":
                    raw = half_up(Fraction(band.percent_s) / 100 * fee_minor)
                    comp = raw
                    if "month-fee" in cat.caps and comp > fee_minor:
                        comp, r.capped = fee_minor, True
                    r.comp, r.money = comp, True
                elif m.comp_kind == "service-units":
                    price = parse_decimal(res["unit_price"])
                    raw = Fraction(band.percent_s) / 100 * fee / price
                    comp = raw.numerator // raw.denominator
                    if "month-fee" in cat.caps:
                        capu = fee / price
                        capu = capu.numerator // capu.denominator
                        if comp > capu:
                            comp, r.capped = capu, True
                    r.comp = comp
                elif m.comp_kind == "request-units":
                    r.comp = r.failed * int(band.multiplier)
                elif m.comp_kind == "none":
                    r.comp = 0
                else:
                    raise NotImplementedError("compensation %s" % m.comp_kind)

            # combining
            in_band = [r for r in rows if r.pct != ""]
            if cat.combine == "max":
                best = None
                for r in in_band:
                    if best is None or r.comp > best.comp:
                        best = r
                if best is not None:
                    best.applied = True
            else:
                for r in in_band:
                    r.applied = True

            for r in rows:
                m = r.metric
                kind = m.comp_kind
                if m.comp_kind == "voucher":
                    comp_s = fmt_money(r.comp, digits)
                    unit = cur
                elif m.comp_kind in ("service-units", "request-units"):
                    comp_s = str(r.comp)
                    unit = m.comp_unit
                else:
                    comp_s, unit = "0", ""
                out.append([
                    period, cust, res["product"], cat.version, res["resource_id"], m.id,
                    str(r.service), str(r.unav), str(r.excl) if r.unav != "" else "",
                    fmt_pct_trunc(r.avail) if r.avail is not None else "",
                    m.objective_s or "", r.band, kind, r.pct,
                    fmt_money(fee_minor, digits), comp_s, unit,
                    "yes" if r.applied else "no", "yes" if r.capped else "no"])
    return out


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 64
    rows = compute(argv[1], argv[2], argv[3])
    w = csv.writer(sys.stdout, lineterminator="\n")
    sys.stdout.write(HEADER + "\n")
    for r in rows:
        w.writerow(r)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
