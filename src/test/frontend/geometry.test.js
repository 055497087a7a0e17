import { test, assertEqual, assertTrue } from "./harness.js";
import { MARGIN, band, bandTop, cycleEdges, geometry, gilLanes, linkWindow, midOf, rowLabel } from "/js/timeline-geometry.js";

const t = (key, ...args) => (args.length ? `${key}(${args.join(",")})` : key);
const lane = (id, name, extra = {}) => ({ id, name, pid: 1, type: "THREAD", segments: [], ...extra });
const sizes = { laneHeight: 30, fontSize: 10, width: 1000, textWidth: (text) => text.length * 6, t };

test("geometry: the GIL's row on top, then a row per thread, each below the one before", () => {
  const geo = geometry({ lanes: [lane(0, "main"), lane(1, "worker")], gil: [{ pid: 1, segments: [] }] }, sizes);
  assertEqual(geo.rows.map((r) => r.key), ["lane:gil:1", "lane:0", "lane:1"]);
  assertEqual(geo.rows.map((r) => r.y), [MARGIN.top, MARGIN.top + 30, MARGIN.top + 60]);
  assertEqual(geo.plotBottom, MARGIN.top + 90);
  assertEqual(geo.axisTop, false, "few rows: one axis, below");
  assertEqual(geo.labelWidth, 90, "short names: the narrowest column");
});

test("geometry: a long name widens the labels' column, up to a third of the chart", () => {
  const geo = geometry({ lanes: [lane(0, "x".repeat(30))] }, sizes);
  assertEqual(geo.labelWidth, 30 * 6 + 18 + 20);
  assertEqual(geometry({ lanes: [lane(0, "x".repeat(300))] }, sizes).labelWidth, 360);
});

test("geometry: labels say daemon and a process's pid; a group says how many and whether it is open", () => {
  assertEqual(rowLabel({ kind: "lane", lane: lane(1, "d", { daemon: true }) }, t), "d timeline.daemon");
  assertEqual(rowLabel({ kind: "lane", lane: lane(2, "p", { type: "PROCESS", pid: 42 }) }, t), "p · pid 42");
  assertEqual(rowLabel({ kind: "group", group: { collapsed: true, role: "Spider", members: [1, 2, 3], pid: null } }, t), "▸ Spider ×3");
  assertEqual(gilLanes([{ pid: 1, segments: [] }, { pid: 2, segments: [] }]).map((l) => l.name), ["GIL · pid 1", "GIL · pid 2"]);
});

test("geometry: an arrow to a thread hidden in a closed group ends at the group's row", () => {
  const lanes = [lane(0, "main"), ...[1, 2, 3].map((i) => lane(i, `Spider-${i}`))];
  const geo = geometry({ lanes }, { ...sizes, collapsed: new Set(["Spider"]) });
  const group = geo.rows.find((r) => r.kind === "group");
  const mid = midOf(geo.rows);
  assertEqual(mid(2), bandTop(group) + band(group) / 2);
  assertEqual(mid(0), bandTop(geo.rows[0]) + band(geo.rows[0]) / 2);
  assertEqual(mid(99), null, "no row: no arrow");
});

test("arrows: only those that cross the window, of the kinds shown, between threads with rows", () => {
  const link = (from, to, kind = "LOCK", a = 0, b = 1) => ({ kind, from: { t: from, actor: a }, to: { t: to, actor: b } });
  const all = [link(0, 1), link(2, 3), link(2.5, 3.5, "QUEUE"), link(4, 9), link(5, 6, "LOCK", 0, 7)];
  const inView = linkWindow(100);
  const mid = (id) => (id === 7 ? null : id * 10);
  assertEqual(inView(all, 2, 3, mid, new Set()).map((k) => k.from.t), [2, 2.5]);
  assertEqual(inView(all, 2, 3, mid, new Set(["QUEUE"])).map((k) => k.from.t), [2]);
  assertEqual(inView(all, 5, 6, mid, new Set()).map((k) => k.from.t), [4], "a long arrow crosses the window; one to a thread with no row is left out");
  assertEqual(linkWindow(1)(all, 0, 10, mid, new Set()).length, 2, "past the limit: no more are looked for");
});

test("a deadlock's cycle: each edge bulges further left, its lock's name never on another's", () => {
  const edges = cycleEdges([1, 2], ["a", "b"], (id) => 100, 26, 12);
  assertEqual(edges.map((e) => [e.from, e.to, e.object, e.bulge]), [[1, 2, "a", -26], [2, 1, "b", -52]]);
  assertTrue(Math.abs(edges[0].labelY - edges[1].labelY) >= 12, "names apart");
});
