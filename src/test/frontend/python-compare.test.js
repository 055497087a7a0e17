import { test, assertEqual, assertTrue } from "./harness.js";
import { compareRuns, differences, laneOrder, matchLanes, objectKey, stepsOf } from "/js/python-compare.js";
import { applyEvents, createModel } from "/js/model.js";
import { applyPythonEnd, applyPythonEvents, createPythonRun } from "/js/python-model.js";

const S = 1e9;
const spawn = (seq, id, name, type = "THREAD", pid = 100, parent = 0) => ({
  seq, timeNs: 0, actor: id, kind: "SPAWN", object: null, line: 0, cause: -1, value: { id, name, type, pid, parent: id === 0 ? -1 : parent, daemon: false },
});
const ev = (seq, t, actor, kind, object = null, value = null) => ({ seq, timeNs: t * S, actor, kind, object, value, line: 0, cause: -1 });

function threadlab(events) {
  const model = createModel({ runId: 1, speed: 1 });
  model.lessonTime = true;
  model.scale = 1;
  applyEvents(model, events);
  return { model, events };
}

const pe = (t, actor, kind, extra = {}) => ({ t, actor, id: `7.${t}.${kind}.${actor}`, pid: 7, kind, object: null, value: null, line: 0, cause: null, ...extra });
function cpython(events, end = null) {
  const run = createPythonRun({ pythonRunId: 1 }, 1);
  applyPythonEvents(run, [pe(0, "MainThread", "SPAWN", { value: { type: "process", name: "MainProcess" } }), ...events]);
  if (end) applyPythonEnd(run, end);
  return run;
}

test("python-compare: lanes matched by thread and process names, drawn in ThreadLab's order", () => {
  const tl = threadlab([spawn(0, 0, "main"), spawn(1, 1, "Process-1", "PROCESS", 0), ev(2, 0.1, 1, "START", null, 300),
    spawn(3, 2, "QueueFeederThread", "THREAD", 300, 1), spawn(4, 3, "B"), spawn(5, 4, "A")]);
  const run = createPythonRun({ pythonRunId: 1 }, 1);
  applyPythonEvents(run, [pe(0, "MainThread", "SPAWN", { value: { type: "process" } }), pe(0.1, "A", "START"), pe(0.2, "B", "START"),
    pe(0.3, "Process-1/MainThread", "START", { pid: 9 }), pe(0.4, "Process-1/QueueFeederThread", "START", { pid: 9 }), pe(0.5, "Helper", "START")]);
  const twin = matchLanes(tl.model, run.model);
  const name = (id) => run.model.actors.get(id).name;
  assertEqual([...twin].map(([py, ours]) => [name(py), tl.model.actors.get(ours).name]),
    [["MainThread", "main"], ["A", "A"], ["B", "B"], ["Process-1/MainThread", "Process-1"], ["Process-1/QueueFeederThread", "QueueFeederThread"]]);
  assertEqual(laneOrder(tl.model, run.model, twin).map(name), ["MainThread", "Process-1/MainThread", "Process-1/QueueFeederThread", "B", "A", "Helper"]);
});

test("python-compare: object names agree across the runs' spellings", () => {
  assertEqual(["_work_queue", "cond.lock", "a"].map(objectKey), ["work_queue", "cond", "a"]);
});

test("python-compare: the same run in both says no difference", () => {
  const tl = threadlab([spawn(0, 0, "main"), spawn(1, 1, "A"), ev(2, 0.1, 1, "ACQUIRE", "a"), ev(3, 0.1, 1, "ACQUIRED", "a"),
    ev(4, 0.2, 1, "PRINT", null, "took a 0.20"), ev(5, 0.3, 1, "RELEASE", "a"), ev(6, 0.4, 1, "EXIT"), ev(7, 0.5, 0, "END", null, { status: "COMPLETED" })]);
  const run = cpython([pe(0.1, "A", "SPAWN", { value: { type: "thread" } }), pe(0.11, "A", "ACQUIRE", { object: "a" }), pe(0.111, "A", "ACQUIRED", { object: "a" }),
    pe(0.3, "A", "RELEASE", { object: "a" }), pe(0.4, "A", "EXIT")], { status: "COMPLETED", elapsed: 0.5, frames: [] });
  run.lines.push({ t: 0.2, thread: "A", stream: "out", text: "took a 0.21" });
  const { differences: diff } = compareRuns(tl.model, tl.events, run);
  assertEqual(diff, { shown: [], more: 0 });
});

test("python-compare: an order, a block and an ending that differ are each found, on CPython's lane", () => {
  // ThreadLab: A takes the lock first and B waits for it; both print; B is cut off. CPython: B first, A waits; B finishes.
  const tl = threadlab([spawn(0, 0, "main"), spawn(1, 1, "A"), spawn(2, 2, "B"),
    ev(3, 0.1, 1, "ACQUIRE", "lock"), ev(4, 0.1, 1, "ACQUIRED", "lock"), ev(5, 0.12, 2, "ACQUIRE", "lock"), ev(6, 0.3, 1, "PRINT", null, "A done"),
    ev(7, 0.3, 1, "RELEASE", "lock"), ev(8, 0.3, 2, "ACQUIRED", "lock"), ev(9, 0.4, 2, "PRINT", null, "B done"), ev(10, 0.5, 1, "EXIT"), ev(11, 0.5, 2, "EXIT", null, "cut off"),
    ev(12, 0.6, 0, "END", null, { status: "COMPLETED" })]);
  const run = cpython([pe(0.01, "A", "SPAWN", { value: { type: "thread" } }), pe(0.02, "B", "SPAWN", { value: { type: "thread" } }),
    pe(0.1, "B", "ACQUIRE", { object: "lock" }), pe(0.1001, "B", "ACQUIRED", { object: "lock" }), pe(0.12, "A", "ACQUIRE", { object: "lock" }),
    pe(0.3, "B", "RELEASE", { object: "lock" }), pe(0.3001, "A", "ACQUIRED", { object: "lock" }), pe(0.5, "A", "EXIT"), pe(0.5, "B", "EXIT")],
  { status: "COMPLETED", elapsed: 0.6, frames: [] });
  run.lines.push({ t: 0.3, thread: "B", stream: "out", text: "B done" }, { t: 0.4, thread: "A", stream: "out", text: "A done" });
  const { differences: diff, twin } = compareRuns(tl.model, tl.events, run);
  const laneName = (id) => (id == null ? null : run.model.actors.get(id).name);
  const found = diff.shown.map((d) => [d.kind, d.key, laneName(d.lane)]);
  assertEqual(found, [
    ["order", "python.diff.print", "B"],
    ["order", "python.diff.lock", "B"],
    ["block", "python.diff.block.threadlab", "B"],
    ["block", "python.diff.block.cpython", "A"],
    ["ending", "python.diff.ending", "B"],
  ]);
  assertEqual(diff.shown[1].args, ["lock", "A", "B", 1]);
  assertEqual(diff.shown[4].args, ["B", "python.diff.how.cut-off", "python.diff.how.finished"]);
  assertEqual(twin.size, 3);
});

test("python-compare: a deadlock in ThreadLab and a hang in CPython end alike; a hang against a completion does not", () => {
  const tlSteps = stepsOf([]);
  const pySteps = stepsOf([]);
  assertEqual(differences(tlSteps, pySteps, () => null, { tlStatus: "DEADLOCK", pyStatus: "HANG" }).shown, []);
  assertEqual(differences(tlSteps, pySteps, () => null, { tlStatus: "COMPLETED", pyStatus: "HANG" }).shown.map((d) => [d.key, d.args]),
    [["python.diff.run", ["python.diff.end.completes", "python.diff.end.hangs"]]]);
  assertTrue(differences(tlSteps, pySteps, () => null, { tlStatus: "CANCELLED", pyStatus: "HANG" }).shown.length === 0, "a cancelled run is not compared");
});
