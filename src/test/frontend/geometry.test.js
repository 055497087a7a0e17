import { test, assertEqual, assertTrue } from "./harness.js";
import { MARGIN, arrowPath, axisSpace, band, bandTop, cycleEdges, geometry, gilLanes, linkWindow, midOf, rowLabel } from "/js/timeline-geometry.js";
import { fitLabels, labelForms } from "/js/timeline-names.js";

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

test("arrows: a deep zoom finds the few in view by skipping whole blocks, the same as looking at every one", () => {
  const all = [];
  for (let i = 0; i < 5000; i++) all.push({ kind: "K", from: { t: i - (i % 7 === 0 ? 40 : 1), actor: 0 }, to: { t: i, actor: 1 } });
  all.push({ kind: "K", from: { t: 0, actor: 0 }, to: { t: 6000, actor: 1 } }); // one arrow across the whole run
  const mid = (id) => id * 10;
  const inView = linkWindow(10_000);
  const brute = (d0, d1) => all.filter((k) => k.to.t >= d0 && k.from.t <= d1);
  for (const [d0, d1] of [[100, 100.5], [2500, 2510], [4990, 6000], [-5, 0]]) {
    assertEqual(inView(all, d0, d1, mid, new Set()).length, brute(d0, d1).length, `[${d0}, ${d1}]`);
  }
});

test("arrows: one longer than the window is the straight stretch in view, its head only where it really ends", () => {
  const both = arrowPath(100, 10, 200, 50, 50, 500);
  assertEqual([both.d.startsWith("M100,10C"), both.head], [true, true]);
  const long = arrowPath(-1e6, 0, 1e6, 100, 0, 1000);
  assertEqual([long.d, long.head], ["M-2,49.9999L1002,50.0501", false]);
  assertEqual(arrowPath(-500, 0, -400, 10, 0, 1000).d, null, "all of it left of the plot");
  assertTrue(arrowPath(-1e6, 0, 300, 100, 0, 1000).head, "it ends in view: its head is drawn");
});

test("teacher mode: the rows fit the height given, from 1.25 lines of type up to the lane height, with one axis", () => {
  const lanes = Array.from({ length: 16 }, (_, i) => lane(i, `Thread-${i} (work)`));
  const geo = geometry({ lanes, gil: [{ pid: 1, segments: [] }] }, { ...sizes, laneHeight: 52, fontSize: 24, fitHeight: 600 });
  assertTrue(geo.height <= 600, `height ${geo.height}`);
  assertEqual([geo.axisTop, geo.laneHeight >= 30, geo.rows.length], [false, true, 18], "a GIL, a group open and its 16");
  const few = geometry({ lanes: lanes.slice(0, 3) }, { ...sizes, laneHeight: 52, fontSize: 24, fitHeight: 600 });
  assertEqual(few.laneHeight, 52, "few rows: as tall as lanes get");
  const many = Array.from({ length: 40 }, (_, i) => lane(i + 1, `Spider-${i}`));
  const folded = geometry({ lanes: [lane(0, "main"), ...many] }, { ...sizes, laneHeight: 52, fontSize: 24, fitHeight: 600 });
  assertTrue(folded.height <= 600 && folded.rows.some((r) => r.kind === "group" && r.group.collapsed), "too many to fit: folded");
  assertEqual(axisSpace(24) > 24, true);
});

test("labels: a name is shortened by its role, never cut: daemon and pid go to the tooltip first", () => {
  const forms = labelForms({ kind: "lane", lane: lane(3, "Thread-3 (_handle_results)", { daemon: true }) }, t);
  assertEqual(forms.slice(0, 2), ["Thread-3 (_handle_results) timeline.daemon", "Thread-3 (_handle_results)"]);
  assertEqual(forms.at(-1), "Thread-3");
  assertTrue(forms.includes("Thread-3 (_handle_res…)"), "the role abbreviated");
  const rows = [{ kind: "lane", lane: lane(1, "SpawnPoolWorker-1", { type: "PROCESS", pid: 4242, daemon: true }) }, { kind: "lane", lane: lane(2, "Thread-3 (_handle_results)") }];
  const fitted = fitLabels(rows, 17 * 6, (text) => text.length * 6, t);
  assertEqual(fitted.map((l) => [l.text, l.cut]), [["SpawnPoolWorker-1", false], ["Thread-3 (_hand…)", false]]);
  assertEqual(fitted[0].full, "SpawnPoolWorker-1 timeline.daemon · pid 4242", "the whole label, for the tooltip");
});
