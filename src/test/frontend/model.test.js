import { test, assertEqual, assertTrue } from "./harness.js";
import { applyBatch, applyEnd, applyEvents, createModel, lanes, now, segmentEnd } from "/js/model.js";
import { stateAt } from "./model-probe.js";
import { lessonClock } from "/js/clock.js";

// speed 2: 1 s of real time is 2 s of tutorial time
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
    spawn(2, 0.1 * S, 1, "worker"),
    ev(3, 0.2 * S, 1, "START"),
    ev(4, 0.3 * S, 0, "JOIN", 1, "worker"),
    ev(5, 0.4 * S, 1, "SLEEP", 1.5),
    ev(6, 1.15 * S, 1, "WAKE"),
    ev(7, 1.2 * S, 1, "PRINT", "done"),
    ev(8, 1.25 * S, 1, "EXIT"),
    ev(9, 1.3 * S, 0, "JOINED", null, "worker", 8),
  ]);
}

test("model: from a server without a lesson clock, times are tutorial seconds (real time × speed)", () => {
  const model = story();
  assertEqual(model.lastT, 2.6, "last event time");
});

test("model: batches that carry a clock are in lesson time: seconds are timeNs / 1e9, whatever the speed", () => {
  const model = createModel({ runId: 1, speed: 5 });
  applyBatch(model, { events: [spawn(0, 0, 0, "main"), ev(1, 2 * S, 0, "SLEEP", 2)], clock: { lessonNs: 2 * S, rate: 5 } });
  assertEqual([model.lessonTime, model.lastT], [true, 2]);
  applyEnd(model, { status: "COMPLETED", elapsedNs: 3 * S });
  assertEqual(model.end, 3, "the end in lesson seconds, not × speed");
});

test("model: a batch without a clock keeps the old way for the whole run", () => {
  const model = createModel({ runId: 1, speed: 2 });
  applyBatch(model, { events: [spawn(0, 0, 0, "main"), ev(1, S, 0, "START")] });
  assertEqual([model.lessonTime, model.lastT], [false, 2]);
});

test("clock: now runs on from the server's last clock at its rate, and never backwards", () => {
  const clock = lessonClock(5).started(1000).batch({ lessonNs: 1e9, rate: 5 }, 2000);
  assertEqual(clock.now(2100), 1.5, "0.1 real s at rate 5");
  clock.batch({ lessonNs: 1.2e9, rate: 1 }, 2100); // the timer ended earlier than the page thought
  assertEqual(clock.now(2150), 1.5, "holds until real time catches up");
  assertEqual(clock.now(2500), 1.6);
});

test("clock: without a server clock, now is real time × speed, as before", () => {
  assertEqual(lessonClock(4).started(0).now(500), 2);
});

test("clock: paused, the clock the learner sees stops; resumed, it goes on", () => {
  const clock = lessonClock(1).started(0).batch({ lessonNs: 0, rate: 1 }, 0);
  clock.pause(1000);
  assertEqual([clock.paused, clock.now(5000)], [true, 1]);
  clock.resume();
  assertEqual(clock.now(6000), 6);
});

test("clock: paused, the server's batches set it: lesson time moves with the steps only, as the server tells", () => {
  const clock = lessonClock(10).started(0);
  clock.pause(84); // the gate came before any batch: real time × speed would say 0.84 s
  clock.batch({ lessonNs: 100_000, rate: 0 }, 218);
  assertEqual(clock.now(5000), 0.0001);
  clock.batch({ lessonNs: 140_000, rate: 0 }, 737);
  assertEqual(clock.now(9000), 0.00014, "a step moved it on");
  clock.resume();
  assertEqual(clock.now(9000), 0.00014, "and on from there");
});

test("model: each thread's current line is the line of its latest step", () => {
  const model = createModel({ runId: 1, speed: 1 });
  applyEvents(model, [spawn(0, 0, 0, "main"), { ...ev(1, S, 0, "SLEEP", 1), line: 31 }, { ...ev(2, 2 * S, 0, "WAKE"), line: 0 }]);
  assertEqual(lanes(model)[0].line, 31);
});

test("model: one lane per actor, in the order they were created", () => {
  const model = story();
  assertEqual(lanes(model).map((l) => l.name), ["main", "worker"]);
});

test("model: each event starts the state it leads to and ends the one before", () => {
  const model = story();
  const worker = lanes(model)[1];
  assertEqual(worker.segments.map((s) => s.state), ["created", "running", "sleeping", "running", "finished"]);
  assertEqual(worker.segments[2].start, 0.8, "sleep start");
  assertEqual(worker.segments[2].end, 2.3, "sleep end");
});

test("model: an open segment lasts until the time asked for", () => {
  const model = story();
  const finished = lanes(model)[1].segments.at(-1);
  assertEqual([finished.start, segmentEnd(finished, 3.5)], [2.5, 3.5]);
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
  applyEvents(model, [ev(10, 1.5 * S, 0, "END", { status: "COMPLETED", error: null, elapsedNs: 1.5 * S, dropped: 0 })]);
  assertEqual(model.end, 3);
  assertEqual(now(model, 99), 3, "now after the end");
  assertTrue(lanes(model).every((l) => l.segments.every((s) => segmentEnd(s, 99) <= 3)), "no segment past the end");
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
  assertEqual(lanes(model)[0].pid, 4242);
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

test("model: an exception raised, or kept in a result, marks its lane; a result that is a value does not", () => {
  const model = applyEvents(createModel({ runId: 1, speed: 1 }), [
    spawn(0, 0, 0, "main"),
    spawn(1, 0, 1, "Thread-2 (_handle_tasks)"),
    ev(2, 0.1 * S, 1, "DONE", "raised RuntimeError: Queue objects should only be shared between processes through inheritance", "AsyncResult-0"),
    ev(3, 0.2 * S, 1, "DONE", "'raised by nobody'", "AsyncResult-1"),
    ev(4, 0.3 * S, 0, "EXCEPTION", "ValueError: bad", "AsyncResult-0", 2),
  ]);
  const raised = (id) => model.actors.get(id).marks.filter((m) => m.kind === "RAISED").map((m) => m.text);
  assertEqual(raised(1), ["RuntimeError: Queue objects should only be shared between processes through inheritance"]);
  assertEqual(raised(0), ["ValueError: bad"]);
});

test("model: the kinds of links and each GIL's holders are kept in the order first seen, as the arrow filter and legend list them", () => {
  const model = createModel({ runId: 1, speed: 1 });
  applyEvents(model, [
    spawn(0, 0, 0, "main"),
    spawn(1, 0, 1, "A"),
    spawn(2, 0, 2, "B", { pid: 200 }),
    ev(3, 1, 1, "GIL_TAKEN"),
    ev(4, 2, 2, "GIL_TAKEN"),
    ev(5, 3, 1, "GIL_DROPPED"),
    ev(6, 4, 0, "GIL_TAKEN"),
    ev(7, 5, 1, "GIL_TAKEN"),
    ev(8, 6, 1, "EXIT"),
    ev(9, 7, 0, "JOINED", null, "A", 8),
    ev(10, 8, 0, "WOKEN", null, null, 7),
    ev(11, 9, 0, "JOINED", null, "A", 8),
  ]);
  assertEqual([...model.linkKinds], ["JOINED", "WOKEN"]);
  assertEqual([...model.gilHolders.entries()].map(([pid, ids]) => [pid, [...ids]]), [[100, [1, 0]], [200, [2]]]);
});
