import { test, assertEqual, assertTrue } from "./harness.js";
import { applyEvents, createModel, lanes, now, stateAt } from "/js/model.js";

// events carry lesson time: seconds are timeNs / 1e9 at every speed (here 2)
const S = 1e9;
const spawn = (seq, t, id, name, extra = {}) => ({
  seq, timeNs: t, actor: id, kind: "SPAWN", object: null, line: 0, cause: -1,
  value: { id, name, type: "THREAD", pid: 100, parent: -1, daemon: false, ...extra },
});
const ev = (seq, t, actor, kind, value = null, object = null, cause = -1) =>
  ({ seq, timeNs: t, actor, kind, object, value, line: 0, cause });

function story() {
  const model = createModel({ runId: 1, speed: 2 });
  return applyEvents(model, [
    spawn(0, 0, 0, "main"),
    ev(1, 0, 0, "START"),
    spawn(2, 0.2 * S, 1, "worker"),
    ev(3, 0.4 * S, 1, "START"),
    ev(4, 0.6 * S, 0, "JOIN", 1, "worker"),
    ev(5, 0.8 * S, 1, "SLEEP", 1.5),
    ev(6, 2.3 * S, 1, "WAKE"),
    ev(7, 2.4 * S, 1, "PRINT", "done"),
    ev(8, 2.5 * S, 1, "EXIT"),
    ev(9, 2.6 * S, 0, "JOINED", null, "worker", 8),
  ]);
}

test("model: times are lesson seconds, timeNs / 1e9, whatever the speed", () => {
  const model = story();
  assertEqual(model.lastT, 2.6, "last event time");
});

test("model: one lane per actor, in the order they were created", () => {
  const model = story();
  assertEqual(lanes(model, 3).map((l) => l.name), ["main", "worker"]);
});

test("model: each event starts the state it leads to and ends the one before", () => {
  const model = story();
  const worker = lanes(model, 3)[1];
  assertEqual(worker.segments.map((s) => s.state), ["created", "running", "sleeping", "running", "finished"]);
  assertEqual(worker.segments[2].start, 0.8, "sleep start");
  assertEqual(worker.segments[2].end, 2.3, "sleep end");
});

test("model: an open segment lasts until the time asked for", () => {
  const model = story();
  const finished = lanes(model, 3.5)[1].segments.at(-1);
  assertEqual([finished.start, finished.end], [2.5, 3.5]);
});

test("model: the join wait is a state, and its end is linked to the EXIT that caused it", () => {
  const model = story();
  assertEqual(stateAt(model, 0, 1), "joining");
  assertEqual(stateAt(model, 0, 2.7), "running");
  assertEqual(model.links, [{ kind: "JOINED", from: { actor: 1, t: 2.5 }, to: { actor: 0, t: 2.6 } }]);
});

test("model: prints are kept for the console with their actor", () => {
  const model = story();
  assertEqual(model.prints, [{ t: 2.4, actor: 1, text: "done", line: 0 }]);
});

test("model: a daemon cut off with its process ends in the cut-off state", () => {
  const model = createModel({ runId: 1, speed: 1 });
  applyEvents(model, [spawn(0, 0, 0, "d", { daemon: true }), ev(1, 0, 0, "START"), ev(2, S, 0, "EXIT", "cut off")]);
  assertEqual(stateAt(model, 0, 1), "cut-off");
});

test("model: END fixes the run's end and closes every open segment", () => {
  const model = story();
  applyEvents(model, [ev(10, 3 * S, 0, "END", { status: "COMPLETED", error: null, elapsedNs: 3 * S, dropped: 0 })]);
  assertEqual(model.end, 3);
  assertEqual(now(model, 99), 3, "now after the end");
  assertTrue(lanes(model, 99).every((l) => l.segments.every((s) => s.end <= 3)), "no segment past the end");
  assertEqual(model.outcome.status, "COMPLETED");
});

test("model: before the end, now is the live estimate but never before the latest event", () => {
  const model = story();
  assertEqual(now(model, 1), 2.6);
  assertEqual(now(model, 5), 5);
});

test("model: a process lane learns its pid when it starts", () => {
  const model = createModel({ runId: 1, speed: 1 });
  applyEvents(model, [spawn(0, 0, 0, "main", { type: "PROCESS", pid: 0 }), ev(1, 0, 0, "START", 4242)]);
  assertEqual(lanes(model, 1)[0].pid, 4242);
});

test("model: a process is starting from the ask until its own first step, which tells its pid", () => {
  const model = createModel({ runId: 1, speed: 1 });
  applyEvents(model, [
    spawn(0, 0, 0, "main"),
    ev(1, 0, 0, "START"),
    spawn(2, 0.1 * S, 1, "Process-1", { type: "PROCESS", pid: 0 }),
    ev(3, 0.2 * S, 1, "STARTING", { spare: true, launchedAgoNs: 2 * S }),
    ev(4, 0.25 * S, 1, "START", 4243),
    ev(5, 0.3 * S, 0, "SIGNAL", "SIGTERM", "Process-1"),
  ]);
  const lane = lanes(model, 1)[1];
  assertEqual(lane.segments.map((s) => s.state), ["created", "starting", "running"]);
  assertEqual([lane.segments[1].start, lane.segments[1].end], [0.2, 0.25]);
  assertEqual(lane.pid, 4243);
  assertEqual(stateAt(model, 0, 0.35), "running", "a kind without a state changes none");
});

test("model: a kind it does not know is drawn as nothing", () => {
  const model = story();
  const before = JSON.stringify(lanes(model, 3));
  applyEvents(model, [ev(10, 1.3 * S, 1, "SOMETHING_NEW", { any: 1 })]);
  assertEqual(JSON.stringify(lanes(model, 3)), before);
});
