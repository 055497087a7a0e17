import { test, assertEqual, assertTrue } from "./harness.js";
import { applyPythonEnd, applyPythonEvents, applyPythonLines, createPythonRun, pythonNow, pythonRecording } from "/js/python-model.js";
import { lanes } from "/js/model.js";
import { perfettoTrace } from "/js/perfetto.js";

// CPython's trace of the deadlock lesson in one order, as the runner writes it (python-events)
const pe = (t, actor, id, kind, extra = {}) => ({ t, actor, id, pid: 7, kind, object: null, value: null, line: 0, cause: null, depth: null, ...extra });
const TOP = { type: "process", name: "MainProcess", pid: 7, ppid: 1, daemon: false };
const thread = (name) => ({ type: "thread", name, pid: 7, parent: "MainThread", daemon: false });

function sameOrder() {
  return [
    pe(0.001, "MainThread", "7.1", "SPAWN", { value: TOP }),
    pe(0.002, "MainThread", "7.2", "START", { value: { pid: 7, ppid: 1 } }),
    pe(0.003, "MainThread", "7.3", "CREATE", { object: "a", value: { type: "lock", size: 1 }, line: 4 }),
    pe(0.004, "A", "7.4", "SPAWN", { value: thread("A") }),
    pe(0.005, "A", "7.5", "START", { cause: "7.4" }),
    pe(0.006, "A", "7.6", "ACQUIRE", { object: "a", line: 10 }),
    pe(0.006, "A", "7.7", "ACQUIRED", { object: "a", line: 10 }),
    pe(0.007, "B", "7.8", "SPAWN", { value: thread("B") }),
    pe(0.008, "B", "7.9", "START", { cause: "7.8" }),
    pe(0.009, "B", "7.10", "ACQUIRE", { object: "a", line: 10 }),
    pe(0.2, "B", "7.12", "ACQUIRED", { object: "a", line: 10, cause: "7.11" }), // its cause comes later
    pe(0.2, "A", "7.11", "RELEASE", { object: "a", line: 10 }),
    pe(0.21, "A", "7.13", "EXIT"),
    pe(0.4, "B", "7.14", "EXIT"),
    pe(0.41, "MainThread", "7.15", "JOINED", { object: "B", cause: "7.14", line: 26 }),
  ];
}

test("python-model: a lane per thread, named as Python names it, its states from the trace", () => {
  const run = createPythonRun({ pythonRunId: 3, version: "3.11.7" }, 10);
  applyPythonEvents(run, sameOrder());
  const shown = lanes(run.model);
  assertEqual(shown.map((l) => [l.name, l.type, l.pid]), [["MainThread", "PROCESS", 7], ["A", "THREAD", 7], ["B", "THREAD", 7]]);
  const b = shown[2];
  assertEqual(b.segments.map((s) => s.state), ["created", "running", "blocked", "running", "finished"]);
  assertEqual([b.segments[2].start, b.segments[2].end, b.segments[2].object], [0.009, 0.2, "a"]);
  assertEqual(run.model.actors.get(1).parent, 0, "A's parent is the main thread");
});

test("python-model: each cause is an arrow, even one that arrived after its effect", () => {
  const run = createPythonRun({ pythonRunId: 3 }, 1);
  applyPythonEvents(run, sameOrder());
  const kinds = run.model.links.map((k) => `${k.kind}:${k.from.actor}->${k.to.actor}@${k.to.t}`);
  assertTrue(kinds.includes("ACQUIRED:1->2@0.2"), `the RELEASE let B's ACQUIRED through: ${kinds}`);
  assertTrue(kinds.includes("JOINED:2->0@0.41"), `B's EXIT ended the JOIN: ${kinds}`);
  const times = run.model.links.map((k) => k.to.t);
  assertEqual(times, [...times].sort((p, q) => p - q), "links stay in the order of their effects");
});

test("python-model: printed lines are marks of their thread; one whose thread comes later waits for it", () => {
  const run = createPythonRun({ pythonRunId: 3 }, 1);
  applyPythonLines(run, [{ t: 0.05, stream: "out", thread: "A", text: "took a" }]);
  assertEqual(run.model.prints.length, 0, "A has no lane yet");
  applyPythonEvents(run, sameOrder());
  assertEqual(run.model.prints.map((p) => [p.actor, p.text]), [[1, "took a"]]);
});

test("python-model: a process of its own, a fork's MainThread apart from the program's, and the end", () => {
  const run = createPythonRun({ pythonRunId: 4 }, 1);
  applyPythonEvents(run, [
    pe(0.001, "MainThread", "7.1", "SPAWN", { value: TOP }),
    pe(0.06, "Process-1/MainThread", "9.1", "SPAWN", { pid: 9, value: { type: "process", name: "Process-1", pid: 9, ppid: 7, parent: "MainThread" }, cause: "7.3" }),
    pe(0.061, "Process-1/MainThread", "9.2", "START", { pid: 9, value: { pid: 9, ppid: 7 }, cause: "7.3" }),
    pe(0.002, "MainThread", "11.1", "SPAWN", { pid: 11, value: { type: "process", name: "fork", pid: 11, ppid: 7, parent: "MainThread" } }),
  ]);
  applyPythonEvents(run, [pe(0.05, "MainThread", "7.3", "STARTING", { object: "Process-1" })]);
  const shown = lanes(run.model);
  assertEqual(shown.map((l) => [l.name, l.type, l.pid]), [["MainThread", "PROCESS", 7], ["Process-1/MainThread", "PROCESS", 9], ["MainThread", "PROCESS", 11]]);
  assertEqual(run.model.links.map((k) => k.kind), ["START"], "the process's START, caused by the STARTING that came after it");
  applyPythonEnd(run, { type: "python-end", pythonRunId: 4, status: "HANG", elapsed: 2.5, error: "every thread waits", frames: [{ thread: "MainThread", line: 6 }] });
  assertEqual(run.model.end, 2.5);
  assertEqual([run.model.finding.deadlock, run.model.finding.actors], [false, ["MainThread"]]);
  assertEqual(pythonNow(run, 5000), 2.5, "an ended run's now is its end");
});

test("python-model: now moves on at the speed of a sleep, at the real rate otherwise", () => {
  const run = createPythonRun({ pythonRunId: 5 }, 10);
  applyPythonEvents(run, [pe(0, "MainThread", "7.1", "SPAWN", { value: TOP }), pe(1, "MainThread", "7.2", "SLEEP", { value: 2 })]);
  assertEqual(pythonNow(run, 100), 2);
  applyPythonEvents(run, [pe(3, "MainThread", "7.3", "WAKE")]);
  assertEqual(pythonNow(run, 500), 3.5);
});

test("python-model: the run exports as a recording and as a Perfetto trace", () => {
  const run = createPythonRun({ pythonRunId: 3, version: "3.11.7" }, 10);
  applyPythonEvents(run, sameOrder());
  applyPythonEnd(run, { status: "COMPLETED", elapsed: 0.42, error: null, frames: [] });
  const recording = pythonRecording(run, "deadlock", "en");
  assertEqual([recording.format, recording.scenario, recording.events.length, recording.end.status], ["threadlab-cpython-recording", "deadlock", 15, "COMPLETED"]);
  const trace = perfettoTrace(run.model);
  assertTrue(trace.bytes.length > 100 && trace.tracks === 4 && trace.flows === run.model.links.length, `trace: ${JSON.stringify({ ...trace, bytes: trace.bytes.length })}`);
});

test("python-model: a child process is one lane, whether its parent or itself wrote of it", () => {
  const run = createPythonRun({ pythonRunId: 6 }, 1);
  applyPythonEvents(run, [
    pe(0.001, "MainThread", "7.1", "SPAWN", { value: TOP }),
    pe(0.068, "Process-2/MainThread", "7.3", "STARTING", { value: { method: "spawn" } }), // written by the parent
    pe(0.069, "Process-2/MainThread", "7.4", "SPAWN", { value: { type: "process", name: "Process-2", pid: 9, ppid: 7, parent: "MainThread" } }),
    pe(0.08, "Process-2/MainThread", "9.1", "START", { pid: 9, cause: "7.3" }),
    pe(0.09, "Process-2/MainThread", "9.exit", "EXIT", { pid: 9, value: "exit code 0" }),
    pe(0.1, "MainThread", "7.5", "JOINED", { object: "Process-2", cause: "9.exit" }),
  ]);
  const shown = lanes(run.model);
  assertEqual(shown.map((l) => [l.name, l.type, l.pid]), [["MainThread", "PROCESS", 7], ["Process-2/MainThread", "PROCESS", 9]]);
  assertEqual(shown[1].segments.map((s) => s.state), ["created", "starting", "running", "finished"]);
  assertEqual(run.model.links.map((k) => k.kind), ["START", "JOINED"]);
});
