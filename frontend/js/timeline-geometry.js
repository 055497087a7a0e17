// The timeline's places for one drawing, pure: the rows with their heights and bands, the labels' texts
// and room, where each thread's arrows end, the arrows in the window, a deadlock cycle's edges.
// No DOM (text is measured by the function the chart passes): tested in src/test/frontend.
import { groupRows, spread } from "./timeline-layout.js";

/** Room around the plot, in pixels; the left is the labels' column, sized to them. */
export const MARGIN = { top: 10, right: 24, bottom: 44 };

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

/** A row's label: a thread (daemon, a process's pid) or a group (open or closed, how many). */
export function rowLabel(row, t) {
  if (row.kind === "group") {
    const g = row.group;
    return `${g.collapsed ? "▸" : "▾"} ${g.role} ×${g.members.length}${g.pid != null ? ` · pid ${g.pid}` : ""}`;
  }
  const l = row.lane;
  const pid = l.type === "PROCESS" && l.pid ? ` · pid ${l.pid}` : "";
  return `${l.name}${l.daemon ? ` ${t("timeline.daemon")}` : ""}${pid}`;
}

/**
 * Rows with their places, for data {lanes, gil}: each row gets y from the top and a height h; returns
 * {rows, height, labelWidth, axisTop, plotBottom}. `textWidth(text)` measures a label in the chart's type.
 */
export function geometry(data, { collapsed = null, laneHeight, fontSize, width, textWidth, t }) {
  const rows = [
    ...gilLanes(data.gil ?? []).map((lane) => ({ key: `lane:${lane.id}`, kind: "lane", lane })),
    ...groupRows(data.lanes, collapsed),
  ];
  const axisTop = rows.length > 10;
  let top = MARGIN.top + (axisTop ? fontSize * 2.2 : 0);
  for (const row of rows) {
    row.h = row.kind === "group" && !row.group.collapsed ? Math.round(laneHeight * 0.7) : laneHeight;
    row.y = top;
    top += row.h;
  }
  const height = top + MARGIN.bottom + fontSize * 1.6;
  const widest = rows.reduce((w, row) => Math.max(w, textWidth(rowLabel(row, t))), rows.length ? -Infinity : 40);
  const labelWidth = Math.round(Math.min(Math.max(90, widest + fontSize * 1.8 + 20), width * 0.36));
  return { rows, height, labelWidth, axisTop, plotBottom: top };
}

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

/**
 * The arrows in view, for one chart: linksInView(all, d0, d1, mid, hidden) returns the links of the kinds
 * not hidden that cross [d0, d1] between two actors with rows, stopping past `limit`. Links come in the
 * order of their effects, so those that end in view are found by bisection; the longest arrow bounds how
 * far past the window one may end and still cross it. A run's links only grow: only the new ones are
 * measured (all of them again for another list, or a shorter one).
 */
export function linkWindow(limit) {
  let longest = { links: null, count: 0, span: 0 };
  return function linksInView(all, d0, d1, mid, hidden) {
    if (longest.links !== all || longest.count > all.length) longest = { links: all, count: 0, span: 0 };
    for (; longest.count < all.length; longest.count++) {
      const k = all[longest.count];
      longest.span = Math.max(longest.span, k.to.t - k.from.t);
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
      const k = all[i];
      if (k.to.t > d1 + longest.span) break;
      if (k.from.t > d1 || hidden.has(k.kind) || y(k.from.actor) == null || y(k.to.actor) == null) continue;
      out.push(k);
      if (out.length > limit) break;
    }
    return out;
  };
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
