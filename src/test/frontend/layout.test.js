import { test, assertEqual, assertTrue } from "./harness.js";
import { MIN_WAIT_PX, domainOf, findingWindow, firstVisible, groupRows, pack, roleOf, segmentAt, spread, summarize, viewAfter } from "/js/timeline-layout.js";

// a pixel scale: 1 px per millisecond from 0
const x = Object.assign((t) => t * 1000, { invert: (px) => px / 1000 });
const seg = (state, start, end) => ({ state, start, end });

test("layout: the first segment in view is found by bisection, an open one lasts until now", () => {
  const s = [seg("running", 0, 1), seg("sleeping", 1, 2), seg("running", 2, null)];
  assertEqual(firstVisible(s, 1.5, 3), 1);
  assertEqual(firstVisible(s, 2.5, 3), 2);
  assertEqual(segmentAt(s, 2.5, 3).state, "running");
  assertEqual(segmentAt(s, 3.5, 3), null);
});

test("aggregation: what is at least a pixel wide is drawn as it is", () => {
  const items = pack([seg("running", 0, 0.01), seg("sleeping", 0.01, 0.02)], x, 0, 1, 1);
  assertEqual(items.map((i) => [i.state, i.x, i.w, i.segment != null]), [["running", 0, 10, true], ["sleeping", 10, 10, true]]);
});

test("aggregation: runs narrower than a pixel fold into one bar per column, in the state that took most time", () => {
  const tiny = [];
  for (let i = 0; i < 1000; i++) tiny.push(seg(i % 4 === 0 ? "gil-wait" : "running", i * 0.00001, (i + 1) * 0.00001));
  const items = pack(tiny, x, 0, 1, 1);
  assertTrue(items.length <= 11, `about one item per pixel, got ${items.length}`);
  assertTrue(items.slice(0, -1).every((i) => i.segment == null && i.state === "running"), "folds, running most of the time");
  assertEqual(items.reduce((n, i) => n + i.count, 0), 1000, "every segment counted once");
});

test("aggregation: a lane's last state is never folded away, however short", () => {
  const items = pack([seg("running", 0, 0.5), seg("blocked", 0.5, 0.5001), seg("stopped", 0.5001, 0.5002)], x, 0, 1, 1);
  assertEqual(items.at(-1).state, "stopped");
  assertEqual(items.at(-1).segment != null, true);
});

test("aggregation: a hundred thousand segments pack into at most a few items per pixel", () => {
  const many = [];
  for (let i = 0; i < 100_000; i++) many.push(seg(i % 2 ? "running" : "blocked", i * 1e-5, (i + 1) * 1e-5));
  const items = pack(many, x, 0, 1, 1);
  assertTrue(items.length <= 1001 * 2, `${items.length} items`);
});

test("instants: a lone short wait gets a visible width and a marker", () => {
  const items = pack([seg("running", 0, 0.5), seg("blocked", 0.5, 0.5002), seg("running", 0.5002, 1)], x, 0, 1, 1);
  const wait = items.find((i) => i.state === "blocked");
  assertEqual([wait.w, wait.instant, wait.segment != null], [MIN_WAIT_PX, true, true]);
});

test("instants: a wait of a few pixels is widened to the minimum, a long one is not", () => {
  const items = pack([seg("joining", 0, 0.002), seg("joining", 0.002, 0.5)], x, 0, 1, 1);
  assertEqual(items.map((i) => [i.w, i.instant]), [[MIN_WAIT_PX, true], [498, false]]);
});

test("groups: threads of one role group when there are enough, main stays apart", () => {
  const lane = (id, name, pid = 1) => ({ id, name, pid, segments: [] });
  const lanes = [lane(0, "main"), ...[1, 2, 3, 4].map((i) => lane(i, `Thread-${i} (get_html)`)), lane(5, "Thread-5 (parse)")];
  const rows = groupRows(lanes, null);
  assertEqual(rows.map((r) => r.kind), ["lane", "group", "lane", "lane", "lane", "lane", "lane"]);
  assertEqual(rows[1].group.role, "get_html");
  const closed = groupRows(lanes, new Set(["get_html"]));
  assertEqual(closed.map((r) => r.key), ["lane:0", "group:get_html", "lane:5"]);
});

test("groups: with many lanes every group starts collapsed, until the learner chooses", () => {
  const lanes = Array.from({ length: 40 }, (_, i) => ({ id: i + 1, name: `Thread-${i + 1} (spider)`, pid: 1, segments: [] }));
  assertEqual(groupRows([{ id: 0, name: "main", pid: 1, segments: [] }, ...lanes], null).length, 2);
  assertEqual(groupRows(lanes, new Set()).length, 41);
});

test("groups: the role of a thread's name", () => {
  assertEqual(["Thread-7 (get_html)", "ThreadPoolExecutor-0_3", "Spider-12", "main"].map(roleOf), ["get_html", "ThreadPoolExecutor-0", "Spider", "main"]);
});

test("groups: a collapsed group shows how many members are in each state", () => {
  const members = [
    { segments: [seg("running", 0, 1)] },
    { segments: [seg("blocked", 0, 0.5), seg("running", 0.5, 1)] },
  ];
  const columns = summarize(members, x, 0, 1, 1, 100);
  assertEqual(columns[0].counts.get("blocked"), 1);
  assertEqual(columns.at(-1).counts.get("running"), 2);
});

test("labels: placed where wanted when apart, pushed apart when they would overlap", () => {
  assertEqual(spread([10, 100], 16), [10, 100]);
  const [a, b, c] = spread([50, 50, 52], 16);
  assertTrue(Math.abs(b - a) >= 16 && Math.abs(c - b) >= 16 && Math.abs(c - a) >= 16, `${a} ${b} ${c}`);
  assertTrue(Math.abs((a + b + c) / 3 - 50.7) < 16, "kept near what was wanted");
});

test("view: the whole run until the learner zooms; a zoom stays put while the run goes on", () => {
  assertEqual(domainOf(null, true, 10), [0, 10.4]);
  const { view, follow } = viewAfter([2, 4], 10);
  assertEqual([view, follow], [[2, 4], false]);
  assertEqual(domainOf(view, follow, 20), [2, 4], "the run went on, the window did not move");
});

test("view: zoomed at the live edge it follows the run; scrolled back it stops following", () => {
  const live = viewAfter([8, 10.2], 10);
  assertEqual(live.follow, true);
  assertEqual(domainOf(live.view, live.follow, 20).map((v) => Math.round(v * 100) / 100), [18.2, 20.4]);
  assertEqual(viewAfter([1, 3], 10).follow, false);
  assertEqual(viewAfter([0, 10.4], 10), { view: null, follow: true }, "zoomed all the way out: the whole run again");
});

test("view: a finished run's window ends at its end", () => {
  assertEqual(domainOf(null, true, 1, 2), [0, 2.04]);
});

test("aggregation: a segment far wider than the plot is cut to it, at any zoom", () => {
  const scale = Object.assign((t) => t * 1e9, { invert: (px) => px / 1e9, range: () => [100, 900] });
  const items = pack([seg("running", 0, 10), seg("blocked", 10, 20)], scale, 9.0000001, 9.0000009, 20);
  assertEqual(items.map((i) => [i.state, i.x, i.w]), [["running", 98, 804]]);
});

test("a deadlock's moment: a run that ends a millisecond after its cycle closed opens on that millisecond", () => {
  const lane = (name, state, start) => ({ name, segments: [seg("sleeping", 0, start), seg(state, start, 1.002)] });
  const lanes = [lane("A", "blocked", 1.0005), lane("B", "blocked", 1.0007), lane("main", "joining", 0)];
  const [a, b] = findingWindow(lanes, { actors: ["A", "B"], t: 1.0015 }, 1.002);
  const blocked = (1.002 - 1.0007) / (b - a);
  assertTrue(blocked > 0.2 && blocked < 0.3, `the blocked moment takes ${(blocked * 100).toFixed(0)}% of the plot`);
  assertEqual(findingWindow(lanes, null, 1.002), null, "no finding");
  assertEqual(findingWindow([lane("A", "blocked", 0.4)], { actors: ["A"], t: 0.9 }, 1.002), null, "seen well enough in the whole run");
});
