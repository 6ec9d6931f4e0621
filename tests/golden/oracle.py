#!/usr/bin/env python3
"""Independent oracle for slareport's ledger.csv (SPEC section 3 and 5).

    python3 tests/golden/oracle.py INPUT_DIR CATALOG_DIR YYYY-MM > expected-ledger.csv

Written from SPEC.md, README.md, catalogs/README.md and the catalog XML, not from the
C engine, so that the two can be diffed.  Standard library only; every tier, minute
and cent is decided with integers and fractions.Fraction, never with floating point.

It assumes a clean month (no rejected rows): it does not validate the exports the way
the engine does, it only computes.  Rows: one per (customer, unit, metric), the
customers in accounts.csv order, their units in resources.csv order (a scope group
at the place of its first member), the metrics in catalog order.

Metric kinds: event-minutes, multi-zone, fleet, sum, outage-length, count,
request-ratio, usage-windows, window-mean, none.  Minute rules: round up / down /
seconds / clock-covered / clock-touched, ignore-seconds (inclusive or not),
deductible-minutes, merge-gap-seconds.  Compensation: voucher, service-units,
request-units (decimal multipliers, max-units="usage-total"), extra-time,
voucher-excess-minutes, none.  Fee bases annual-div-12 and prepaid-amortised; caps
month-fee and the liability caps fees-paid / fees-12m / annual-fee.

Choices where the documents are silent (the C engine was found to agree unless
its report says otherwise):
- anniversary-month: service_start on day D != 1 before the period -> the service
  month [D of the previous month, D of this month); a day the month lacks is its
  last day (start 05-31 -> 09-30 .. 10-31); started inside the period with D != 1 ->
  n/a (its first service month ends next period); empty start or D = 1 -> the
  calendar month.  Windows are then intersected with [service_start, service_end).
- an exclusion row with resource_id `*` covers every resource of that customer and
  product, for the metric named in the row (empty = primary); there is no region
  column, so it is not limited to a region.
- excluded_minutes = ceil(seconds of outage time under exclusions / 60), summed
  over the month before rounding; empty on rows without event computation
  (n/a, none, request-ratio, window-mean).  Fleet rows add up their members'
  excluded seconds, sum rows their parts' excluded seconds; usage-windows rows show
  the excused windows x window length.  In a scope group it is, as a display
  convention (the engine's), the sum over the members of each member's own outage
  time under its own exclusions, even where another member was down then and the
  group's unavailable time did not shrink.
- an incident counts at most the minutes it would count whole: cutting out an
  exclusion never adds minutes; unavailable minutes are capped at the service minutes.
  Events closer than merge-gap-seconds form one incident; the gap is not unavailable
  time, and the incident counted whole is the rule applied to its total duration.
- round="seconds": unavailable time in exact seconds; the ledger shows it as minutes,
  a whole number when it is one, else truncated to 2 decimals (1830 s -> 30.50).
- scope groups (account, account-region): the members' events are merged together;
  each member's exclusion rows (and `*` rows) excuse only that member's own outages;
  the group's window is the hull of the members' windows, its fee the members' fees
  added up, its usage the members' rows added up per window; resource_id is `*` (or
  `*@region`) with several members, else the member's id.  module scope = resource.
- fleet: every member in its own window with its own events and exclusions; service
  and unavailable minutes are added up over the members.
- sum: the parts are event-minutes metrics of the same unit; a part without an
  objective gets band `none` (its minutes are not shown, as on every `none` row).
- outage-length / count: unavailable_minutes and availability_pct show the month's
  counted incident minutes (all incidents) like an event-minutes row; objective_pct
  is "max N"; the reading decides: longest incident, total of the incidents longer
  than max, or the larger of the two; count = the counted event rows (zero-length
  rows included, rows lying wholly under an exclusion not).  A band without upper
  bound is labelled "inf".
- window metrics: an exclusion row naming the window metric (or `*`) excuses every
  window it covers entirely; a partly covered window keeps its counts.  An excused
  row's counts (requests and failures) are left out and the window is marked
  excused; in a group each member's exclusions excuse only that member's rows, the
  other members' rows of the window still count.  An excused window with no other
  counts is measured and available (error rate 0; in the denominator also under
  empty="excluded").
- usage-windows: windows = service days x (86400 / window seconds) on the grid from
  00:00:00; unavailable_minutes = counted unavailable windows x window length.
  window-mean: Σ ceil(failed x 10^12 / total) over windows with traffic (at least
  min-requests), availability = (N x 10^12 - Σ) / (N x 10^12).  empty="excluded"
  leaves windows without traffic (or under min-requests) out of N (no window left:
  100 %).
- request-units: failed_requests of each counted event, pro rata (floored) to the part
  of the event that lies in pieces with counted minutes > 0; usage-windows: the
  failed requests of the counted unavailable windows; x multiplier, floored.
- extra-time: compensation = the band's months or days, unit = the catalog's unit
  (month / day) on every row of the metric, compensation_percent empty; the
  month-fee cap does not cut time.
- voucher-excess-minutes: fee x multiplier x (unavailable - allowed) / service
  minutes, allowed = service x (100 - objective) / 100, half-up; percent "xN".
- combine max: the metric with the highest compensation in a band is applied, ties
  to the earlier metric, each capped on its own; separate/sum: every metric in a
  band is applied, and the month-fee cap and the liability caps limit their running
  total in metric (catalog) order (the metric that would cross the cap is reduced
  to what is left and marked capped, later ones pay 0, capped).
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


def truthy(v, default):
    return default if v is None else v in ("true", "1")


class Band:
    def __init__(self, el, measured):
        self.measured = measured  # bounds in minutes or counts, not percentages
        self.lower_s = el.get("lower")
        self.upper_s = el.get("upper")
        self.lower = Fraction(self.lower_s) if self.lower_s is not None else Fraction(0)
        if self.upper_s is not None:
            self.upper = Fraction(self.upper_s)
        else:
            self.upper = None if measured else Fraction(100)
        self.lower_inc = truthy(el.get("lower-inclusive"), True)
        self.upper_inc = truthy(el.get("upper-inclusive"), False)
        self.percent_s = el.get("percent")
        self.multiplier = el.get("multiplier")
        self.months = el.get("months")
        self.days = el.get("days")

    def contains(self, a):
        lo = a >= self.lower if self.lower_inc else a > self.lower
        if self.upper is None:
            return lo
        hi = a <= self.upper if self.upper_inc else a < self.upper
        return lo and hi

    def label(self):
        if self.upper_s is not None:
            up = self.upper_s
        else:
            up = "inf" if self.measured else "100"
        return "%s%s,%s%s" % ("[" if self.lower_inc else "(",
                              self.lower_s if self.lower_s is not None else "0",
                              up, "]" if self.upper_inc else ")")

    def percent_text(self):
        if self.percent_s is not None:
            return self.percent_s
        if self.multiplier is not None:
            return "x" + self.multiplier
        return ""  # extra time: the months / days are the compensation itself


class Metric:
    def __init__(self, el):
        self.id = el.get("id")
        self.kind = el.get("kind")
        self.primary = truthy(el.get("primary"), False)
        self.of = el.get("of")
        obj = el.find(NS + "objective")
        self.objective_s = obj.get("pct") if obj is not None else None
        self.objective = Fraction(self.objective_s) if self.objective_s else None
        self.max_s = obj.get("max") if obj is not None else None
        self.max = Fraction(self.max_s) if self.max_s else None
        mn = el.find(NS + "minutes")
        g = (lambda k, d: mn.get(k, d)) if mn is not None else (lambda k, d: d)
        self.ignore_seconds = int(g("ignore-seconds", "0"))
        self.ignore_inclusive = truthy(g("ignore-inclusive", None), True)
        self.round = g("round", "up")
        self.deductible = int(g("deductible-minutes", "0"))
        self.merge_gap = int(g("merge-gap-seconds", "0"))
        w = el.find(NS + "window")
        self.window = None
        if w is not None:
            self.window = {
                "seconds": int(w.get("seconds")),
                "when": w.get("unavailable-when"),
                "threshold": Fraction(w.get("threshold-pct")) / 100
                if w.get("threshold-pct") else None,
                "min_requests": int(w.get("min-requests", "0")),
                "empty": w.get("empty", "available"),
                "min_consecutive": int(w.get("min-consecutive", "1")),
                "rate_floor": Fraction(w.get("rate-floor-pct")) / 100
                if w.get("rate-floor-pct") else None,
            }
        bands = el.find(NS + "bands")
        self.measure = bands.get("measure") if bands is not None else None
        self.bands = [Band(b, self.measure is not None)
                      for b in bands.findall(NS + "band")] if bands is not None else []
        comp = el.find(NS + "compensation")
        self.comp_kind = comp.get("kind")
        self.comp_unit = comp.get("unit") or ""
        self.max_units = comp.get("max-units")

    # -- the minute rule; values are Fractions of minutes (round="seconds" is exact)

    def ignored(self, s):
        return s <= self.ignore_seconds if self.ignore_inclusive else s < self.ignore_seconds

    def piece_value(self, a, b):
        """counted minutes of one contiguous piece [a, b) (epoch seconds)."""
        s = b - a
        if s <= 0 or self.ignored(s):
            return Fraction(0)
        if self.round == "up":
            m = Fraction(ceil_div(s, 60))
        elif self.round == "down":
            m = Fraction(s // 60)
        elif self.round == "seconds":
            m = Fraction(s, 60)
        elif self.round == "clock-covered":
            m = Fraction(max(0, (b // 60) - ceil_div(a, 60)))
        elif self.round == "clock-touched":
            m = Fraction(ceil_div(b, 60) - a // 60)
        else:
            raise NotImplementedError("round=%s" % self.round)
        return max(Fraction(0), m - self.deductible)

    def whole_value(self, spans):
        """what an incident (its event spans, merged, gaps not counted) counts whole."""
        s = total(spans)
        if s <= 0 or self.ignored(s):
            return Fraction(0)
        if self.round == "clock-covered":
            m = sum((Fraction(max(0, (b // 60) - ceil_div(a, 60))) for a, b in spans),
                    Fraction(0))
        elif self.round == "clock-touched":
            mins = set()
            for a, b in spans:
                mins.update(range(a // 60, ceil_div(b, 60)))
            m = Fraction(len(mins))
        else:
            return self.piece_value(0, s)
        return max(Fraction(0), m - self.deductible)


class Catalog:
    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.path = path
        self.product = root.get("product")
        self.version = root.get("version")
        self.effective = root.get("effective") or self.version
        self.tz = parse_offset(root.get("timezone"))
        self.period_kind = root.find(NS + "period").get("kind")
        self.scope = root.find(NS + "scope").get("kind")
        fee = root.find(NS + "fee")
        self.fee_basis = fee.get("basis") if fee is not None else "paid-excluding-vouchers"
        self.causes = {c.get("code"): truthy(c.get("counts"), False)
                       for c in root.find(NS + "causes").findall(NS + "cause")}
        self.metrics = [Metric(m) for m in root.findall(NS + "metric")]
        self.primary = next((m for m in self.metrics if m.primary), self.metrics[0])
        comb = root.find(NS + "combine")
        self.combine = comb.get("rule") if comb is not None else "separate"
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
            self.first_day = first
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


def hull(windows, off):
    ws = [w for w in windows if w.applicable]
    if not ws:
        return Window(False)
    return Window(True, min(w.start for w in ws), max(w.end for w in ws), off)


def member_fee(cat, res, digits):
    """the month's fee of one resource row in minor units, by the catalog's fee basis."""
    scale = 10 ** digits
    if cat.fee_basis == "annual-div-12" and res.get("annual_fee"):
        return half_up(parse_decimal(res["annual_fee"]) * scale / 12)
    if cat.fee_basis == "prepaid-amortised" and res.get("prepaid_fee") \
            and res.get("prepaid_months"):
        return half_up(parse_decimal(res["prepaid_fee"]) * scale
                       / int(res["prepaid_months"]))
    f = parse_decimal(res["monthly_fee"]) * scale
    assert f.denominator == 1
    return int(f)


def fmt_minutes(x):
    """unavailable minutes: a whole number, or truncated to 2 decimals (seconds rule)."""
    if x.denominator == 1:
        return str(x.numerator)
    t = (x.numerator * 100) // x.denominator
    return "%d.%02d" % divmod(t, 100)


# ---------------------------------------------------------------- events


class Incidents:
    """the counted incidents of some members in [lo, hi) for one event metric."""

    def __init__(self, cat, metric, members, lo, hi, events):
        self.values = []        # counted minutes of each incident (Fraction)
        self.pieces = []        # remaining pieces of all incidents
        self.excluded = 0       # seconds of the members' outages their exclusions excuse
        self.failed = 0         # failed requests of counted events, pro rata
        self.count = 0          # counted event rows (count metrics)
        own_c, own_x, counted, instants = [], [], [], []
        for res in members:
            cs, xs = [], []
            for ev in events.get((res["customer_id"], res["product"]), ()):
                if cat.metric(ev.get("metric", "")).id != metric.id:
                    continue
                counts = cat.causes[ev["cause"]]
                if ev["resource_id"] != res["resource_id"] and \
                        not (ev["resource_id"] == "*" and not counts):
                    continue
                a = parse_ts(ev["start"], cat.tz)
                b = parse_ts(ev["end"], cat.tz) if ev.get("end") else hi
                if counts and a == b:
                    if lo <= a < hi:
                        instants.append((a, len(own_c)))
                    continue
                a, b = max(a, lo), min(b, hi)
                if b <= a:
                    continue
                if counts:
                    cs.append((a, b))
                    counted.append((a, b, ev, len(own_c)))
                else:
                    xs.append((a, b))
            own_c.append(merge(cs))
            own_x.append(merge(xs))
        own_rem = [merge(p for sp in c for p in subtract(sp, x)) for c, x in zip(own_c, own_x)]
        # excluded time, a display convention: the sum over the members of each one's
        # own outage time under its own exclusions, even where another member was down
        # at that time (so the group's unavailable time did not shrink).  For a single
        # resource it is exactly the incident time the exclusions removed.
        self.excluded = sum(total(intersect(c, x)) for c, x in zip(own_c, own_x))
        # incidents: all members' spans merged (touching always), then joined across
        # gaps shorter than the merge gap; the gap itself is no unavailable time
        groups = []
        for sp in merge(sp for c in own_c for sp in c):
            if groups and sp[0] - groups[-1][-1][1] < metric.merge_gap:
                groups[-1].append(sp)
            else:
                groups.append([sp])
        for spans in groups:
            a0, b0 = spans[0][0], spans[-1][1]
            rem = merge(p for r in own_rem for p in intersect(r, [(a0, b0)]))
            v = min(sum((metric.piece_value(a, b) for a, b in rem), Fraction(0)),
                    metric.whole_value(spans))
            self.values.append(v)
            self.pieces.extend(rem)
        live = [p for p in self.pieces if metric.piece_value(*p) > 0]
        for a, b, ev, k in counted:
            fr = ev.get("failed_requests")
            inside = total(intersect(intersect([(a, b)], live), own_rem[k]))
            if fr:
                self.failed += int(fr) * inside // (b - a)
            if intersect([(a, b)], own_rem[k]):
                self.count += 1
        for t, k in instants:
            if not any(x1 <= t < x2 for x1, x2 in own_x[k]):
                self.count += 1

    def minutes(self):
        return sum(self.values, Fraction(0))


# ---------------------------------------------------------------- the computation


class Row:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def unit_key(cat, res):
    if cat.scope == "account":
        return (res["customer_id"], res["product"])
    if cat.scope == "account-region":
        return (res["customer_id"], res["product"], res.get("region", ""))
    return (res["customer_id"], res["product"], "#", res["resource_id"])


def window_exclusions(cat, metric, members, events):
    """{resource_id: merged exclusion spans} of the members for a window metric."""
    out = {}
    for res in members:
        xs = []
        for ev in events.get((res["customer_id"], res["product"]), ()):
            if cat.causes[ev["cause"]] or cat.metric(ev.get("metric", "")).id != metric.id:
                continue
            if ev["resource_id"] not in (res["resource_id"], "*"):
                continue
            a = parse_ts(ev["start"], cat.tz)
            b = parse_ts(ev["end"], cat.tz) if ev.get("end") else 1 << 62
            xs.append((a, b))
        out[res["resource_id"]] = merge(xs)
    return out


def windows_of(metric, win, usage_rows, tz, excl):
    """per-window counts of the unit: {index: [total, failed]}, the set of excused
    windows and the number N.  A member's row in a window its own exclusions cover
    entirely is left out (its requests and failures alike) and marks the window
    excused; the other members' rows of that window still count."""
    w = metric.window["seconds"]
    g0 = day_start(win.first_day, tz)
    n = win.minutes * 60 // w
    counts, excused = {}, set()
    for u in usage_rows:
        t = parse_ts(u["window_start"], tz)
        if (t - g0) % w:
            raise ValueError("window %s off the grid" % u["window_start"])
        i = (t - g0) // w
        if 0 <= i < n:
            c = counts.setdefault(i, [0, 0])
            if any(a <= t and t + w <= b for a, b in excl.get(u["resource_id"], ())):
                excused.add(i)
                continue
            c[0] += int(u["total_requests"])
            c[1] += int(u["failed_requests"])
    return counts, excused, n


def compute(inp, catdir, period):
    year, month = int(period[:4]), int(period[5:7])
    first = date(year, month, 1)
    cats = load_catalogs(catdir, first)
    accounts = read_csv(os.path.join(inp, "accounts.csv"))
    resources = read_csv(os.path.join(inp, "resources.csv"))
    events = {}
    for ev in read_csv(os.path.join(inp, "outages.csv")):
        events.setdefault((ev["customer_id"], ev["product"]), []).append(ev)
    usage = {}
    for u in read_csv(os.path.join(inp, "usage.csv")):
        usage.setdefault((u["customer_id"], u["product"], u["resource_id"]), []).append(u)

    wins = {}
    for res in resources:
        cat = cats[res["product"]]
        wins[id(res)] = service_window(cat, res, year, month)

    pieces_cache = {}

    def resource_pieces(cat, metric, res):
        """remaining pieces of one resource for an event metric (multi-zone)."""
        k = (id(res), metric.id)
        if k not in pieces_cache:
            w = wins[id(res)]
            pieces_cache[k] = Incidents(cat, metric, [res], w.start, w.end, events).pieces \
                if w.applicable else []
        return pieces_cache[k]

    out = []
    for acc in accounts:
        cust = acc["customer_id"]
        cur = acc["currency"]
        digits = decimals(cur)
        units = {}
        for res in resources:
            if res["customer_id"] != cust:
                continue
            units.setdefault(unit_key(cats[res["product"]], res), []).append(res)
        for members in units.values():
            cat = cats[members[0]["product"]]
            win = hull([wins[id(r)] for r in members], cat.tz)
            fee_minor = sum(member_fee(cat, r, digits) for r in members)
            if len(members) == 1:
                rid = members[0]["resource_id"]
            elif cat.scope == "account-region":
                rid = "*@" + members[0].get("region", "")
            else:
                rid = "*"
            urows = [u for r in members
                     for u in usage.get((cust, r["product"], r["resource_id"]), ())]
            rows, parts = [], {}
            for m in cat.metrics:
                r = Row(metric=m, service=win.minutes, unav="", excl_s=None, avail=None,
                        band="n/a", pct="", comp=0, capped=False, applied=False,
                        failed=0, band_obj=None)
                rows.append(r)
                if not win.applicable:
                    continue
                mrows = [u for u in urows if cat.metric(u.get("metric", "")).id == m.id]
                reading = None
                if m.kind == "none":
                    r.band = "none"
                    continue
                if m.kind in ("event-minutes", "outage-length", "count"):
                    inc = Incidents(cat, m, members, win.start, win.end, events)
                    parts[m.id] = inc
                    if m.objective is None and m.max is None:
                        r.band = "none"  # a part of a sum: reported through the sum
                        continue
                    r.unav = min(inc.minutes(), Fraction(r.service))
                    r.excl_s = inc.excluded
                    r.avail = (r.service - r.unav) / Fraction(r.service) * 100
                    r.failed = inc.failed
                    if m.kind == "outage-length":
                        longest = max(inc.values, default=Fraction(0))
                        tot = sum((v for v in inc.values if v > m.max), Fraction(0))
                        reading = {"longest-minutes": longest, "total-minutes": tot,
                                   "longest-or-total-minutes": max(longest, tot)}[m.measure]
                    elif m.kind == "count":
                        reading = Fraction(inc.count)
                elif m.kind == "fleet":
                    r.service, unav, r.excl_s = 0, Fraction(0), 0
                    for res in members:
                        w = wins[id(res)]
                        if not w.applicable:
                            continue
                        inc = Incidents(cat, m, [res], w.start, w.end, events)
                        r.service += w.minutes
                        unav += min(inc.minutes(), Fraction(w.minutes))
                        r.excl_s += inc.excluded
                    r.unav = unav
                    r.avail = (r.service - unav) / Fraction(r.service) * 100
                elif m.kind == "sum":
                    srcs = [parts[p] for p in m.of.split()]
                    r.unav = min(sum((s.minutes() for s in srcs), Fraction(0)),
                                 Fraction(r.service))
                    r.excl_s = sum(s.excluded for s in srcs)
                    r.avail = (r.service - r.unav) / Fraction(r.service) * 100
                elif m.kind == "multi-zone":
                    res = members[0]
                    src = cat.metric(m.of)
                    region, zone = res.get("region", ""), res.get("zone", "")
                    others = {}
                    if region and zone:
                        for r2 in resources:
                            if r2["customer_id"] != cust or r2["product"] != res["product"]:
                                continue
                            if r2.get("region") != region or not r2.get("zone") \
                                    or r2["zone"] == zone:
                                continue
                            others.setdefault(r2["zone"], []).append(
                                resource_pieces(cat, src, r2))
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
                    spans = merge(intersect(merge(resource_pieces(cat, src, res)), down))
                    r.unav = sum((m.piece_value(a, b) for a, b in spans), Fraction(0))
                    r.excl_s = 0
                    r.avail = max(Fraction(0), (r.service - r.unav) / Fraction(r.service) * 100)
                elif m.kind == "request-ratio":
                    tot = sum(int(u["total_requests"]) for u in mrows if not u.get("window_start"))
                    fail = sum(int(u["failed_requests"]) for u in mrows
                               if not u.get("window_start"))
                    r.avail = Fraction(100) if tot == 0 else Fraction(tot - fail, tot) * 100
                elif m.kind in ("usage-windows", "window-mean"):
                    wd = m.window
                    counts, excused, n = windows_of(
                        m, win, [u for u in mrows if u.get("window_start")], cat.tz,
                        window_exclusions(cat, m, members, events))
                    busy = {i: c for i, c in counts.items()
                            if c[0] > 0 and c[0] >= wd["min_requests"]}
                    # an excused window with no other counts is measured: available,
                    # error rate 0 (it stays in the denominator under empty="excluded")
                    measured = len(busy) + sum(1 for i in excused if counts[i][0] == 0)
                    denom = n if wd["empty"] == "available" else measured
                    if m.kind == "usage-windows":
                        bad = set()
                        for i, (t, f) in busy.items():
                            if wd["when"] == "error-rate-above":
                                hit = Fraction(f, t) > wd["threshold"]
                            elif wd["when"] == "all-failed":
                                hit = f == t
                            elif wd["when"] == "success-rate-below":
                                hit = Fraction(t - f, t) < wd["threshold"]
                            else:
                                raise NotImplementedError(wd["when"])
                            if hit:
                                bad.add(i)
                        k = wd["min_consecutive"]
                        counted = set()
                        for i in sorted(bad):
                            if i - 1 in bad:
                                continue
                            j = i
                            while j + 1 in bad:
                                j += 1
                            if j - i + 1 >= k:
                                counted.update(range(i, j + 1))
                        r.unav = Fraction(len(counted) * wd["seconds"], 60)
                        r.excl_s = len(excused) * wd["seconds"]  # excused windows
                        r.failed = sum(busy[i][1] for i in counted)
                        r.avail = Fraction(100) if denom == 0 else \
                            Fraction(denom - len(counted), denom) * 100
                    else:
                        scale = 10 ** 12
                        sigma = 0
                        for t, f in busy.values():
                            if wd["rate_floor"] is not None and Fraction(f, t) <= wd["rate_floor"]:
                                continue
                            sigma += ceil_div(f * scale, t)
                        r.avail = Fraction(100) if denom == 0 else \
                            Fraction(denom * scale - sigma, denom * scale) * 100
                else:
                    raise NotImplementedError("metric kind %s" % m.kind)

                if reading is not None:
                    if reading <= m.max:
                        r.band = "met"
                        continue
                    band = next((b for b in m.bands if b.contains(reading)), None)
                else:
                    if r.avail >= m.objective:
                        r.band = "met"
                        continue
                    band = next((b for b in m.bands if b.contains(r.avail)), None)
                if band is None:
                    r.band = "gap"
                    continue
                r.band, r.band_obj = band.label(), band
                r.pct = band.percent_text()
                if m.comp_kind == "voucher":
                    r.comp = half_up(Fraction(band.percent_s) / 100 * fee_minor)
                elif m.comp_kind == "voucher-excess-minutes":
                    allowed = r.service * (100 - m.objective) / 100
                    excess = max(Fraction(0), r.unav - allowed)
                    r.comp = half_up(fee_minor * Fraction(band.multiplier) * excess / r.service)
                elif m.comp_kind == "service-units":
                    price = parse_decimal(members[0]["unit_price"])
                    raw = Fraction(band.percent_s) / 100 * fee_minor / 10 ** digits / price
                    r.comp = raw.numerator // raw.denominator
                elif m.comp_kind == "request-units":
                    raw = r.failed * Fraction(band.multiplier)
                    r.comp = raw.numerator // raw.denominator
                    if m.max_units == "usage-total":
                        cap = sum(int(u["total_requests"]) for u in mrows
                                  if not u.get("window_start"))
                        if r.comp > cap:
                            r.comp, r.capped = cap, True
                elif m.comp_kind == "extra-time":
                    r.comp = int(band.months if band.months is not None else band.days)
                elif m.comp_kind == "none":
                    r.comp = 0
                else:
                    raise NotImplementedError("compensation %s" % m.comp_kind)

            # caps: month-fee (vouchers to the fee, service units to the fee's worth),
            # then the liability caps the export supplies (units: what the cap buys)
            money = ("voucher", "voucher-excess-minutes")
            in_band = [r for r in rows if r.band_obj is not None]
            limits = {}
            if "month-fee" in cat.caps:
                limits["money"] = fee_minor
                if members[0].get("unit_price"):
                    v = Fraction(fee_minor, 10 ** digits) / parse_decimal(members[0]["unit_price"])
                    limits["service-units"] = v.numerator // v.denominator
            col = {"fees-paid": "fees_paid", "fees-12m": "fees_12m", "annual-fee": "annual_fee"}
            for kind in cat.caps:
                if kind in col and all(r2.get(col[kind]) for r2 in members):
                    v = sum(int(parse_decimal(r2[col[kind]]) * 10 ** digits) for r2 in members)
                    limits["money"] = min(limits.get("money", v), v)
                    # units are held to what the cap buys at the unit price
                    if members[0].get("unit_price"):
                        u = Fraction(v, 10 ** digits) / parse_decimal(members[0]["unit_price"])
                        u = u.numerator // u.denominator
                        for uk in ("service-units", "request-units"):
                            limits[uk] = min(limits.get(uk, u), u)
            if cat.combine == "max":
                for r in in_band:
                    k = "money" if r.metric.comp_kind in money else r.metric.comp_kind
                    if k in limits and r.comp > limits[k]:
                        r.comp, r.capped = limits[k], True
                best = None
                for r in in_band:
                    if best is None or r.comp > best.comp:
                        best = r
                if best is not None:
                    best.applied = True
            else:
                left = dict(limits)
                for r in in_band:
                    r.applied = True
                    k = "money" if r.metric.comp_kind in money else r.metric.comp_kind
                    if k in left:
                        if r.comp > left[k]:
                            r.comp, r.capped = left[k], True
                        left[k] -= r.comp

            for r in rows:
                m = r.metric
                kind = m.comp_kind
                if kind in money:
                    comp_s, unit = fmt_money(r.comp, digits), cur
                elif kind in ("service-units", "request-units"):
                    comp_s, unit = str(r.comp), m.comp_unit
                elif kind == "extra-time":
                    # the band's months or days; the unit is the catalog's (month / day),
                    # on every row of the metric as for the other unit kinds
                    comp_s, unit = str(r.comp), m.comp_unit
                else:
                    comp_s, unit = "0", ""
                has_ev = r.unav != ""
                out.append([
                    period, cust, members[0]["product"], cat.version, rid, m.id,
                    str(r.service), fmt_minutes(r.unav) if has_ev else "",
                    str(ceil_div(r.excl_s, 60)) if has_ev and r.excl_s is not None else "",
                    fmt_pct_trunc(r.avail) if r.avail is not None else "",
                    m.objective_s or ("max " + m.max_s if m.max_s else ""),
                    r.band, kind, r.pct, fmt_money(fee_minor, digits), comp_s, unit,
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
