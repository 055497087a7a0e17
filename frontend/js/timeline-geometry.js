// The timeline's places for one drawing, pure: the rows with their heights and bands, the labels' texts
// and room, where each thread's arrows end, the arrows in the window, a deadlock cycle's edges.
// No DOM (text is measured by the function the chart passes): tested in src/test/frontend.
import { groupRows, spread } from "./timeline-layout.js";
import { fitLabels, rowLabel } from "./timeline-names.js";

/** Room around the plot, in pixels; the left is the labels' column, sized to them. */
export const MARGIN = { top: 10, right: 24 };

/** Each process's GIL as a lane of its own, drawn above the threads. */
export function gilLanes(gil = []) {
  return gil.map((g) => ({
    id: `gil:${g.pid}`,
    name: gil.length > 1 ? `GIL · pid ${g.pid}` : "GIL",
    type: "GIL",
    segments: g.segments,
    marks: [],
  }));
}

/** A row's full label (timeline-names.js shortens it to fit). */
export { rowLabel };

/** Room for the time axis under the plot: its ticks and their numbers. */
export const axisSpace = (fontSize) => Math.round(fontSize * 1.5 + 14);

/**
 * Rows with their places, for data {lanes, gil}: each row gets y from the top, a height h and its label
 * (the text shown and the full one); returns {rows, height, labelWidth, axisTop, plotBottom, laneHeight}.
 * `textWidth(text)` measures a label in the chart's type. With `fitHeight` (teacher mode) the chart fits
 * that height: lanes as tall as the room allows (from 1.25 lines of type up to `laneHeight`), groups
 * folded when the lanes would not fit, one axis (below), labels shortened to a wider column.
 */
export function geometry(data, { collapsed = null, laneHeight, fontSize, width, textWidth, t, fitHeight = null }) {
  const gil = gilLanes(data.gil ?? []).map((lane) => ({ key: `lane:${lane.id}`, kind: "lane", lane }));
  const bottom = axisSpace(fontSize);
  let rows;
  let lane = laneHeight;
  if (fitHeight) {
    const room = fitHeight - MARGIN.top - bottom;
    const least = Math.ceil(fontSize * 1.25);
    rows = [...gil, ...groupRows(data.lanes, collapsed, { maxRows: Math.max(1, Math.floor(room / least) - gil.length) })];
    const units = rows.reduce((n, row) => n + (openGroup(row) ? 0.7 : 1), 0);
    lane = Math.max(least, Math.min(laneHeight, Math.floor(room / Math.max(1, units))));
  } else {
    rows = [...gil, ...groupRows(data.lanes, collapsed)];
  }
  const axisTop = !fitHeight && rows.length > 10;
  let top = MARGIN.top + (axisTop ? fontSize * 2.2 : 0);
  for (const row of rows) {
    row.h = openGroup(row) ? Math.round(lane * 0.7) : lane;
    row.y = top;
    top += row.h;
  }
  const decoration = fontSize * 1.8 + 20; // the colour's dot and the gaps
  const cap = width * (fitHeight ? 0.5 : 0.36);
  const labels = fitLabels(rows, cap - decoration, textWidth, t, fontSize * 1.5);
  rows.forEach((row, i) => (row.label = labels[i]));
  const widest = labels.reduce((w, l) => Math.max(w, l.cut ? Infinity : l.width), rows.length ? -Infinity : 40);
  const labelWidth = Math.round(Math.min(Math.max(90, widest + decoration), cap));
  return { rows, height: top + bottom, labelWidth, axisTop, plotBottom: top, laneHeight: lane };
}

const openGroup = (row) => row.kind === "group" && !row.group.collapsed;

/** The coloured band of a row (an open group's row is a heading: no band). */
export const band = (row) => (row.kind === "group" && !row.group.collapsed ? 0 : Math.round(row.h * 0.72));

/** Where a row's band begins. */
export const bandTop = (row) => row.y + (row.h - band(row)) / 2;

/**
 * Where each actor's arrows end: the middle of its lane's band; for a lane hidden in a collapsed group,
 * of the group's row; null for an actor with no row.
 */
export function midOf(rows) {
  const rowOf = new Map(rows.filter((r) => r.kind === "lane").map((r) => [r.lane.id, r]));
  for (const r of rows) if (r.kind === "group" && r.group.collapsed) for (const m of r.group.members) rowOf.set(m.id, r);
  return (id) => (rowOf.has(id) ? bandTop(rowOf.get(id)) + band(rowOf.get(id)) / 2 : null);
}

/** Links per block of the arrows' index: a block whose arrows all begin after the window is skipped whole. */
const BLOCK = 256;

/**
 * The arrows in view, for one chart: linksInView(all, d0, d1, mid, hidden) returns the links of the kinds
 * not hidden that cross [d0, d1] between two actors with rows, stopping past `limit`. Links come in the
 * order of their effects, so those that end in view are found by bisection; the longest arrow bounds how
 * far past the window one may end and still cross it, and within that stretch whole blocks of arrows that
 * all begin after the window are skipped (so a deep zoom visits a few blocks, not the whole run). A run's
 * links only grow: only the new ones are measured (all of them again for another list, or a shorter one).
 */
export function linkWindow(limit) {
  let index = { links: null, count: 0, span: 0, firstFrom: [] };
  return function linksInView(all, d0, d1, mid, hidden) {
    if (index.links !== all || index.count > all.length) index = { links: all, count: 0, span: 0, firstFrom: [] };
    for (; index.count < all.length; index.count++) {
      const k = all[index.count];
      index.span = Math.max(index.span, k.to.t - k.from.t);
      const b = Math.floor(index.count / BLOCK);
      index.firstFrom[b] = Math.min(index.firstFrom[b] ?? Infinity, k.from.t);
    }
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (all[m].to.t < d0) lo = m + 1;
      else hi = m;
    }
    const out = [];
    const ys = new Map();
    const y = (id) => {
      if (!ys.has(id)) ys.set(id, mid(id));
      return ys.get(id);
    };
    for (let i = lo; i < all.length; i++) {
      if (i % BLOCK === 0 && index.firstFrom[i / BLOCK] > d1) {
        i += BLOCK - 1; // every arrow of this block begins after the window
        continue;
      }
      const k = all[i];
      if (k.to.t > d1 + index.span) break;
      if (k.from.t > d1 || hidden.has(k.kind) || y(k.from.actor) == null || y(k.to.actor) == null) continue;
      out.push(k);
      if (out.length > limit) break;
    }
    return out;
  };
}

/**
 * An arrow from (x1, y1) to (x2, y2) as drawn in a plot from `lo` to `hi`: a curve when both ends are in
 * view (or near it); else the straight stretch of it that is in view (at such a zoom its curve is too
 * long to see), with its head only where its real end is. Returns {d, head} (d null when none of it shows).
 */
export function arrowPath(x1, y1, x2, y2, lo, hi) {
  const margin = 24;
  if (x1 >= lo - margin && x2 <= hi + margin) return { d: `M${x1},${y1}C${x1 + 18},${y1} ${x2 - 18},${y2} ${x2},${y2}`, head: true };
  const a = Math.max(x1, lo - 2);
  const b = Math.min(x2, hi + 2);
  if (a > b) return { d: null, head: false };
  const y = (px) => (x2 === x1 ? y2 : y1 + ((y2 - y1) * (px - x1)) / (x2 - x1));
  return { d: `M${a},${y(a)}L${b},${y(b)}`, head: x2 <= hi + margin };
}

/**
 * A deadlock's cycle as edges between the middles of its threads' rows: each edge bulges `step` further
 * left than the one before, and its lock's name (labelY) is spread so that none covers another.
 * `ids` are the cycle's actors in order, `objects` the locks between them.
 */
export function cycleEdges(ids, objects, mid, step, labelSize) {
  const pairs = ids.map((id, i) => ({ from: id, to: ids[(i + 1) % ids.length], object: objects[i], bulge: -(step + step * i) }));
  const ys = spread(pairs.map((p) => (mid(p.from) + mid(p.to)) / 2), labelSize);
  pairs.forEach((p, i) => (p.labelY = ys[i]));
  return pairs;
}
