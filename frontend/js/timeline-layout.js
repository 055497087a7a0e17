// The timeline's pure logic: which segments are in view, what is smaller than a pixel drawn in
// aggregate (as trace viewers do), short waits made visible, lanes grouped by role or process, labels
// that never overlap, and the view's time window. No DOM: tested in src/test/frontend.
import { segmentEnd } from "./model.js";
import { WAIT_STATES } from "./palette.js";

/** Narrowest a wait is drawn, in pixels; it also gets a marker, so that a contended acquire is seen. */
export const MIN_WAIT_PX = 5;

/** Index of the first segment that ends at or after t0 (segments of a lane are in time order). */
export function firstVisible(segments, t0, at) {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (segmentEnd(s, at) < t0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The segment of a lane going on at time t, or null. */
export function segmentAt(segments, t, at) {
  const i = firstVisible(segments, t, at);
  const s = segments[i];
  return s && s.start <= t ? s : null;
}

/**
 * What to draw of one lane between t0 and t1 on the pixel scale x (x(t) in px): segments at least a
 * pixel wide as they are; runs of narrower ones folded into one bar per pixel column, in the state that
 * took most of that column's time. A wait narrower than MIN_WAIT_PX is widened to it and flagged
 * `instant` (the chart marks it). Each item: {x, w, state, segment (null for a fold), count}.
 * Visits only the segments in view; at most about one item per pixel; each item is cut to the scale's
 * range (a segment a million pixels wide at a deep zoom is drawn as wide as the plot, no wider).
 */
export function pack(segments, x, t0, t1, at, stateOf = (s) => s.state) {
  const out = packed(segments, x, t0, t1, at, stateOf);
  if (!x.range) return out;
  const [lo, hi] = [x.range()[0] - 2, x.range()[1] + 2];
  for (const it of out) {
    if (it.x < lo) {
      it.w -= lo - it.x;
      it.x = lo;
    }
    if (it.x + it.w > hi) it.w = Math.max(0, hi - it.x);
  }
  return out;
}

/** A linear scale as plain arithmetic (a d3 scale's call costs more, once per segment of a big run). */
function linear(x) {
  if (!x.domain || !x.range) return x;
  const [d0, d1] = x.domain();
  const [r0, r1] = x.range();
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (t) => r0 + (t - d0) * k;
}

function packed(segments, scale, t0, t1, at, stateOf) {
  const x = linear(scale);
  const out = [];
  let fold = null; // {column, time: Map(state -> seconds), count, x0, x1, waits}
  const flush = () => {
    if (!fold) return;
    let state = null;
    let best = -1;
    for (const [s, time] of fold.time) {
      if (time > best) [state, best] = [s, time];
    }
    const previous = out[out.length - 1];
    const w = Math.max(1, fold.x1 - fold.x0);
    if (previous && previous.segment == null && previous.state === state && Math.abs(previous.x + previous.w - fold.x0) < 1.01) {
      previous.w = fold.x0 + w - previous.x; // neighbouring columns of one state: one bar
      previous.count += fold.count;
      previous.instant = previous.instant || fold.waits;
    } else {
      out.push({ x: fold.x0, w, state, segment: null, count: fold.count, instant: fold.waits });
    }
    fold = null;
  };
  for (let i = firstVisible(segments, t0, at); i < segments.length; i++) {
    const s = segments[i];
    if (s.start > t1) break;
    const end = segmentEnd(s, at);
    const xa = x(s.start);
    const xb = x(end);
    const state = stateOf(s);
    const width = xb - xa;
    if (width >= 1 || i === segments.length - 1) {
      // wide enough; or the lane's last state (how it ended, or what it does now): never folded away
      flush();
      const instant = WAIT_STATES.has(state) && width < MIN_WAIT_PX;
      out.push({ x: xa, w: instant ? MIN_WAIT_PX : Math.max(1, width), state, segment: s, count: 1, instant });
      continue;
    }
    if (WAIT_STATES.has(state) && state !== "gil-wait" && s.end != null && sparse(segments, i, x, at)) {
      // a lone short wait between wide neighbours: it is the moment to see, not noise
      flush();
      out.push({ x: xa, w: MIN_WAIT_PX, state, segment: s, count: 1, instant: true });
      continue;
    }
    const column = Math.floor(xa);
    if (fold && column > Math.floor(fold.x1)) flush();
    if (!fold) fold = { time: new Map(), count: 0, x0: xa, x1: xb, waits: false };
    fold.time.set(state, (fold.time.get(state) ?? 0) + (end - s.start));
    fold.count++;
    fold.x1 = Math.max(fold.x1, xb);
    if (WAIT_STATES.has(state) && state !== "gil-wait") fold.waits = true;
  }
  flush();
  return out;
}

// A short segment is alone when its neighbours are at least a pixel wide each.
function sparse(segments, i, x, at) {
  const wide = (s) => !s || x(segmentEnd(s, at)) - x(s.start) >= 1;
  return wide(segments[i - 1]) && wide(segments[i + 1]);
}

/** Marks (prints) in view, at most one per `gap` pixels. */
export function packMarks(marks, x, t0, t1, gap = 3) {
  const out = [];
  let lastX = -Infinity;
  for (const m of marks) {
    if (m.t < t0 || m.t > t1) continue;
    const px = x(m.t);
    if (px - lastX < gap) {
      out[out.length - 1].count++;
      continue;
    }
    out.push({ mark: m, x: px, count: 1 });
    lastX = px;
  }
  return out;
}

/**
 * The role of a thread, to group many of the same kind: "get_html" for "Thread-7 (get_html)",
 * "ThreadPoolExecutor-0" for "ThreadPoolExecutor-0_3", "Spider" for "Spider-12".
 */
export function roleOf(name) {
  const target = /^Thread-\d+ \((.+)\)$/.exec(name);
  if (target) return target[1];
  const pool = /^(.*)_\d+$/.exec(name);
  if (pool) return pool[1];
  return name.replace(/[-_ ]?\d+$/, "");
}

/**
 * Lanes grouped: threads of one role (of one process, when there are several) make a group when there
 * are at least `minGroup` of them; a collapsed group is one row. Returns rows in order, each
 * {key, kind: "lane"|"group", lane?, group?: {key, label, members, collapsed}}.
 * `collapsed` holds the keys of collapsed groups; `auto` collapses every group when there are more than
 * `maxRows` lanes and the learner has not chosen (collapsed === null).
 */
export function groupRows(lanes, collapsed = null, { minGroup = 3, maxRows = 14 } = {}) {
  const pids = new Set(lanes.map((l) => l.pid));
  const keyOf = (l) => (l.name === "main" ? null : `${pids.size > 1 ? `${l.pid}|` : ""}${roleOf(l.name)}`);
  const members = new Map();
  for (const l of lanes) {
    const k = keyOf(l);
    if (k == null) continue;
    if (!members.has(k)) members.set(k, []);
    members.get(k).push(l);
  }
  const groups = new Map([...members].filter(([, m]) => m.length >= minGroup));
  const auto = collapsed == null && lanes.length > maxRows;
  const isCollapsed = (k) => (collapsed == null ? auto : collapsed.has(k));
  const rows = [];
  const seen = new Set();
  for (const l of lanes) {
    const k = keyOf(l);
    const group = k != null ? groups.get(k) : null;
    if (!group) {
      rows.push({ key: `lane:${l.id}`, kind: "lane", lane: l });
      continue;
    }
    if (seen.has(k)) {
      if (!isCollapsed(k)) rows.push({ key: `lane:${l.id}`, kind: "lane", lane: l, groupKey: k });
      continue;
    }
    seen.add(k);
    const role = k.includes("|") ? k.slice(k.indexOf("|") + 1) : k;
    const pid = pids.size > 1 ? l.pid : null;
    rows.push({ key: `group:${k}`, kind: "group", group: { key: k, role, pid, members: group, collapsed: isCollapsed(k) } });
    if (!isCollapsed(k)) rows.push({ key: `lane:${l.id}`, kind: "lane", lane: l, groupKey: k });
  }
  return rows;
}

/**
 * A collapsed group's picture: for columns of `step` pixels, how many members are in each state then
 * (sampled at the column's middle). Returns [{x, w, counts: Map(state -> n)}], neighbouring columns
 * with equal counts merged.
 */
export function summarize(members, x, t0, t1, at, step = 3) {
  const [r0, r1] = [x(t0), x(t1)];
  const out = [];
  for (let px = r0; px < r1; px += step) {
    const t = x.invert(px + step / 2);
    const counts = new Map();
    for (const m of members) {
      const s = segmentAt(m.segments, t, at);
      if (s && t <= (s.end ?? at)) counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
    }
    const previous = out[out.length - 1];
    if (previous && sameCounts(previous.counts, counts)) previous.w += step;
    else out.push({ x: px, w: step, counts });
  }
  return out.filter((c) => c.counts.size > 0);
}

function sameCounts(a, b) {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/**
 * Places labels along one axis so that none overlaps another: each wants position `want` and takes
 * `size`; returns positions in the same order, as close to what each wants as the others allow.
 */
export function spread(wants, size) {
  const order = wants.map((want, i) => ({ want, i })).sort((a, b) => a.want - b.want);
  const placed = [];
  for (const item of order) {
    const previous = placed[placed.length - 1];
    item.at = previous ? Math.max(item.want, previous.at + size) : item.want;
    placed.push(item);
  }
  // centre the stack on what was wanted, so a pushed group does not drift one way only
  const shift = (placed.reduce((sum, p) => sum + p.at - p.want, 0) / Math.max(1, placed.length));
  for (let k = 0; k < placed.length; k++) {
    const candidate = placed[k].at - shift;
    placed[k].at = k === 0 ? candidate : Math.max(candidate, placed[k - 1].at + size);
  }
  const out = new Array(wants.length);
  for (const p of placed) out[p.i] = p.at;
  return out;
}

/**
 * The time window to show: the learner's (`view`, kept while the run goes on), or everything from 0 to
 * a little past now. Following live, a zoomed window slides to keep now at its right edge.
 */
export function domainOf(view, follow, at, end = null) {
  const full = Math.max(end != null ? end * 1.02 : at * 1.04, 1e-6);
  if (!view) return [0, full];
  const width = view[1] - view[0];
  if (follow && end == null) return [Math.max(0, at * 1.02 - width), Math.max(width, at * 1.02)];
  return view;
}

/** After a zoom or pan to `domain`: the view to keep (null: all of it) and whether to follow live. */
export function viewAfter(domain, at, end = null) {
  const full = Math.max(end != null ? end * 1.02 : at * 1.04, 1e-6);
  const width = domain[1] - domain[0];
  if (width >= full * 0.999) return { view: null, follow: true };
  return { view: [Math.max(0, domain[0]), domain[1]], follow: end == null && domain[1] >= at };
}

/**
 * The window that shows a run's deadlock or hang: from a little before the cycle closed (the latest of
 * its threads' waits to begin) to a little past the end, so that the blocked moment takes `share` of the
 * plot. Null when there is no finding, or the whole run shows it well enough already.
 */
export function findingWindow(lanes, finding, end, share = 0.25) {
  if (!finding || end == null) return null;
  const names = new Set(finding.actors);
  let closed = -Infinity;
  for (const lane of lanes) {
    if (!names.has(lane.name)) continue;
    const s = segmentAt(lane.segments, finding.t, end);
    if (s && WAIT_STATES.has(s.state)) closed = Math.max(closed, s.start);
  }
  if (!Number.isFinite(closed) || closed >= end) return null;
  const blocked = end - closed;
  const width = blocked / share;
  if (width >= end * 0.8) return null;
  const right = end + width * FOCUS_MARGIN; // room for the cycle drawn at the end, as the whole run has
  return [Math.max(0, right - width), right];
}

/** The room left past the end of a window that shows a moment, as a share of the window. */
export const FOCUS_MARGIN = 0.08;
