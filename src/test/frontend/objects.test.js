import { test, assertEqual } from "./harness.js";
import { applyEvents, createModel, gilSegments, segmentEnd } from "/js/model.js";
import { stateAt } from "./model-probe.js";
import { objectList } from "/js/objects.js";

const S = 1e9;
let seq = 0;
const spawn = (id, name, pid = 1) => ({ seq: seq++, timeNs: 0, actor: id, kind: "SPAWN", object: null, line: 0, cause: -1,
  value: { id, name, type: "THREAD", pid, parent: -1, daemon: false } });
const ev = (t, actor, kind, object = null, value = null, cause = -1) =>
  ({ seq: seq++, timeNs: t * S, actor, kind, object, value, line: 0, cause });
const create = (name, type, size) => ev(0, 0, "CREATE", name, { type, size });

function model(...events) {
  return applyEvents(createModel({ runId: 1, speed: 1 }), [spawn(0, "main"), spawn(1, "A"), spawn(2, "B"), ...events]);
}

test("objects: a lock's holder and waiters follow acquire, acquired and release", () => {
  const m = model(create("a", "lock", 1), ev(1, 1, "ACQUIRE", "a"), ev(1, 1, "ACQUIRED", "a"), ev(2, 2, "ACQUIRE", "a"));
  const [a] = objectList(m);
  assertEqual([...a.holders.keys()], [1], "holder");
  assertEqual([...a.waiters], [2], "waiters");
  assertEqual(stateAt(m, 2, 2.5), "blocked", "B waits for the lock");
  applyEvents(m, [ev(3, 1, "RELEASE", "a"), ev(3, 2, "ACQUIRED", "a")]);
  assertEqual([...a.holders.keys()], [2], "the holder after the release");
  assertEqual(a.waiters.size, 0);
});

test("objects: an RLock shows its hold count going up and down", () => {
  const m = model(create("r", "rlock", 1), ev(1, 1, "ACQUIRED", "r", 1), ev(1, 1, "ACQUIRED", "r", 2));
  assertEqual(objectList(m)[0].holders.get(1), 2);
  applyEvents(m, [ev(2, 1, "RELEASE", "r", 1)]);
  assertEqual(objectList(m)[0].holders.get(1), 1);
  applyEvents(m, [ev(3, 1, "RELEASE", "r", 0)]);
  assertEqual(objectList(m)[0].holders.size, 0);
});

test("objects: a semaphore's permits, given back by another thread than the one that took them", () => {
  const m = model(create("sem", "bounded-semaphore", 3), ev(1, 1, "ACQUIRED", "sem", 2), ev(2, 2, "RELEASE", "sem", 3));
  const [sem] = objectList(m);
  assertEqual([sem.permits, sem.holders.size], [3, 0]);
});

test("objects: a queue's depth and items follow puts and gets", () => {
  const m = model(create("q", "queue", 2), ev(1, 1, "PUT", "q", "x"), ev(1, 1, "PUT_DONE", "q", 1),
    ev(2, 1, "PUT", "q", "y"), ev(2, 1, "PUT_DONE", "q", 2), ev(3, 2, "GET", "q"), ev(3, 2, "GOT", "q", "x"));
  const [q] = objectList(m);
  assertEqual([q.depth, q.maxDepth, q.items], [1, 2, ["y"]]);
});

test("objects: a shared value keeps its writes over time", () => {
  const m = model(create("total", "value", 0), ev(1, 1, "WRITE", "total", 1), ev(2, 2, "WRITE", "total", -1));
  const [total] = objectList(m);
  assertEqual(total.value, -1);
  assertEqual(total.values, [{ t: 1, value: 1 }, { t: 2, value: -1 }]);
});

test("gil: each process has its own GIL lane, and a thread waiting for the GIL says so", () => {
  const m = applyEvents(createModel({ runId: 1, speed: 1 }), [spawn(0, "main", 10), spawn(1, "child", 20),
    ev(1, 0, "START"), ev(1, 0, "GIL_TAKEN", "GIL"), ev(1, 1, "START"), ev(1, 1, "GIL_TAKEN", "GIL"),
    ev(2, 0, "GIL_DROPPED", "GIL"), ev(3, 0, "GIL_REQUEST", "GIL")]);
  const lanes = gilSegments(m);
  assertEqual(lanes.map((l) => l.pid), [10, 20]);
  assertEqual(lanes[0].segments.map((s) => [s.start, segmentEnd(s, 4)]), [[1, 2]]);
  assertEqual(lanes[1].segments.map((s) => [s.start, segmentEnd(s, 4)]), [[1, 4]]);
  assertEqual(stateAt(m, 0, 3.5), "gil-wait");
});

test("model: a deadlock found is kept with its cycle", () => {
  const m = model(ev(5, 1, "DEADLOCK", "b, a", { actors: ["A", "B"], objects: ["b", "a"], description: "…" }));
  assertEqual([m.finding.deadlock, m.finding.actors, m.finding.t], [true, ["A", "B"], 5]);
});

test("objects: a future goes pending, running, finished, with its call and result", () => {
  const m = model(create("future-0", "future", 0), ev(1, 0, "SUBMIT", "future-0", "get_html(3)"),
    ev(1, 1, "RUNNING", "future-0"));
  const [f] = objectList(m);
  assertEqual([f.call, f.state], ["get_html(3)", "RUNNING"]);
  applyEvents(m, [ev(2, 0, "CANCEL", "future-0", false), ev(4, 1, "DONE", "future-0", "3")]);
  assertEqual([f.state, f.result], ["FINISHED", "3"]);
});

test("objects: a thread that ends waits for nothing, but keeps what it held", () => {
  const m = model(create("a", "lock", 1), ev(1, 1, "ACQUIRED", "a"), ev(2, 2, "ACQUIRE", "a"), ev(3, 2, "EXIT", null, "freed"),
    ev(3, 1, "EXIT", null, "freed"));
  const [a] = objectList(m);
  assertEqual([[...a.holders.keys()], a.waiters.size], [[1], 0]);
});
