import { test, assertEqual } from "./harness.js";
import { judge } from "/js/challenges.js";
import { findingSentence, caption, summary } from "/js/describe.js";
import { applyEvents, createModel } from "/js/model.js";
import { translator } from "/js/i18n.js";

let seq = 0;
const ev = (actor, kind, object = null, value = null) => ({ seq: seq++, timeNs: seq * 1000, actor, kind, object, value, line: 0, cause: -1 });
const names = (id) => ["main", "Thread-1 (add)", "Thread-2 (desc)"][id];

test("challenge gil-race: won when a write lands over a write made since its read", () => {
  const events = [ev(1, "READ", "total", 0), ev(2, "READ", "total", 0), ev(2, "WRITE", "total", -1), ev(1, "WRITE", "total", 1)];
  assertEqual(judge("gil-race", events, names).args, ["Thread-1 (add)", "Thread-2 (desc)", "total", 0, -1, 1]);
});

test("challenge gil-race: taking turns read-write, read-write loses nothing", () => {
  const events = [ev(1, "READ", "total", 0), ev(1, "WRITE", "total", 1), ev(2, "READ", "total", 1), ev(2, "WRITE", "total", 0)];
  assertEqual(judge("gil-race", events, names), null);
});

test("challenge deadlock and condition-poem: the closed cycle, the lost notify", () => {
  assertEqual(judge("deadlock", [ev(0, "DEADLOCK", null, { actors: ["A", "B"], objects: ["b", "a"] })], names).args, ["A, B", "b, a"]);
  assertEqual(judge("condition-poem", [ev(1, "NOTIFY", "cond", 1)], names), null, "a notify that woke someone");
  assertEqual(judge("condition-poem", [ev(1, "NOTIFY", "cond", 0)], names).args, ["Thread-1 (add)", "cond"]);
});

const t = translator({
  "finding.waits-held": "{0} waits for {1}, held by {2}", "finding.joiner": "; ", "finding.self": "{0} waits for {1}, which it holds itself",
  "finding.waits-on": "{0} waits on {1}", "finding.waits-end": "{0} waits for {1} to end",
  "finding.waits-result": "{0} waits for the result of {1}, which {2} runs", "finding.waits-end-hang": "{0} waits for {1} to end", "unit.s": "{0} s", "unit.ms": "{0} ms", "unit.us": "{0} µs",
  "now.sleeping": "{0} sleeps {1} s", "now.blocked-by": "{0} waits for lock {1}, held by {2}",
});

test("finding: built in the learner's words from actors and objects, never the server's English", () => {
  assertEqual(findingSentence({ deadlock: true, actors: ["A", "B"], objects: ["b", "a"] }, t), "A waits for b, held by B; B waits for a, held by A");
  assertEqual(findingSentence({ deadlock: true, actors: ["main"], objects: ["lock"] }, t), "main waits for lock, which it holds itself");
  assertEqual(findingSentence({ deadlock: false, actors: ["A"], objects: ["cond"] }, t), "A waits on cond");
  assertEqual(findingSentence({ deadlock: true, actors: ["main", "T"], objects: ["T", "L"], kinds: ["join", "lock"] }, t),
    "main waits for T to end; T waits for L, held by main");
  assertEqual(findingSentence({ deadlock: true, actors: ["main", "w"], objects: ["future-0", "L"], kinds: ["result", "lock"] }, t),
    "main waits for the result of future-0, which w runs; w waits for L, held by main");
});

test("caption: says what the thread that changed last is doing, naming who holds the lock", () => {
  seq = 0;
  const spawn = (id, name) => ({ seq: seq++, timeNs: 0, actor: id, kind: "SPAWN", object: null, line: 0, cause: -1, value: { id, name, type: "THREAD", pid: 1, parent: -1, daemon: false } });
  const at = (s, actor, kind, object = null, value = null) => ({ seq: seq++, timeNs: s * 1e9, actor, kind, object, value, line: 0, cause: -1 });
  const m = applyEvents(createModel({ runId: 1, speed: 1 }), [spawn(1, "A"), spawn(2, "B"), at(0, 0, "CREATE", "a", { type: "lock", size: 1 }),
    at(0, 1, "START"), at(0, 2, "START"), at(1, 1, "ACQUIRED", "a", 1), at(2, 2, "ACQUIRE", "a")]);
  assertEqual(caption(m, 2.5, t), "2.50 s · B waits for lock a, held by A");
  assertEqual(summary(m, 2.5, t).length, 3, "a head and a sentence per thread");
});
