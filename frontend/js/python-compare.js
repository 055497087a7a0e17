// ThreadLab's run beside CPython's: which CPython lane is which ThreadLab lane (by thread and process
// names), the order to draw CPython's lanes in (ThreadLab's), and where the two runs differ — an order
// (the printed lines, who took a lock), a block (a thread waits for something in one run and never in the
// other), an ending (of the run, or of a thread). Pure: no DOM.
import { laneKey } from "./python-model.js";

/** Waits: the kind that begins one, the kind that ends it. */
const WAITS = { ACQUIRE: "ACQUIRED", WAIT: "WOKEN", GET: "GOT", PUT: "PUT_DONE", JOIN: "JOINED", REQUEST: "REPLY" };

/** A wait shorter than this (lesson seconds) is no block: an uncontended step takes a little time too. */
export const BLOCK_SECONDS = 0.005;

/** A wait shorter than this did not wait at all: the other run's block on the same object is a difference. */
export const NO_WAIT_SECONDS = 0.001;

/** At most this many differences are listed; the first of each kind and object come first. */
export const MAX_DIFFERENCES = 12;

/** An object's name as both runs can agree on it: CPython's `_work_queue` is ThreadLab's `work_queue`. */
export function objectKey(name) {
  return String(name ?? "").replace(/^_+/, "").replace(/\.lock$/, "");
}

/** A printed line with its numbers blurred (times, pids, totals vary from run to run). */
function printKey(text) {
  return String(text ?? "").replace(/\d+(\.\d+)?/g, "#");
}

/**
 * Each CPython lane's ThreadLab twin: the program's MainThread is ThreadLab's first actor; "P/MainThread"
 * is ThreadLab's process P; "P/T" its thread T; a process os.fork made is ThreadLab's "child …"; any other
 * thread the ThreadLab thread of its name in the same process. Returns Map(CPython id -> ThreadLab id).
 */
export function matchLanes(tl, py) {
  const twin = new Map();
  if (!tl || !py) return twin;
  const ours = [...tl.actors.values()];
  const used = new Set();
  const root = ours.find((a) => a.parent === -1) ?? ours[0];
  const processNamed = (name) => ours.find((a) => a.type === "PROCESS" && a.name === name);
  const take = (pyId, candidate) => {
    if (candidate && !used.has(candidate.id)) {
      used.add(candidate.id);
      twin.set(pyId, candidate.id);
    }
  };
  const theirs = [...py.actors.values()];
  const top = theirs[0];
  for (const lane of theirs) {
    const slash = lane.name.indexOf("/");
    if (lane === top) take(lane.id, root);
    else if (slash > 0) {
      const [proc, thread] = [lane.name.slice(0, slash), lane.name.slice(slash + 1)];
      const owner = processNamed(proc);
      if (thread === "MainThread") take(lane.id, owner);
      else take(lane.id, ours.find((a) => a.type === "THREAD" && a.name === thread && owner && a.pid === owner.pid && !used.has(a.id)));
    } else if (lane.name === "MainThread") take(lane.id, ours.find((a) => a.type === "PROCESS" && /^child\b/.test(a.name) && !used.has(a.id)));
    else take(lane.id, ours.find((a) => a.type === "THREAD" && a.name === lane.name && (!root || a.pid === root.pid) && !used.has(a.id)));
  }
  for (const lane of theirs) {
    if (!twin.has(lane.id)) take(lane.id, ours.find((a) => a.name === lane.name.slice(lane.name.indexOf("/") + 1) && !used.has(a.id)));
  }
  return twin;
}

/** CPython's lanes in ThreadLab's order (those without a twin after, as they came). */
export function laneOrder(tl, py, twin) {
  const rank = new Map(tl ? [...tl.actors.keys()].map((id, i) => [id, i]) : []);
  return [...py.actors.values()]
    .map((a, i) => ({ a, key: twin.has(a.id) ? rank.get(twin.get(a.id)) : Infinity, i }))
    .sort((p, q) => p.key - q.key || p.i - q.i)
    .map((p) => p.a.id);
}

/**
 * What one run did that the comparison looks at, from its events in the common shape {t, actor (a name
 * both runs share), kind, object, value}: its printed lines, who took each lock in turn, where each thread
 * first blocked on each object and the longest it waited for each, how each thread ended, and the objects
 * it knows.
 */
export function stepsOf(events) {
  const prints = [];
  const takers = new Map();
  const blocks = new Map();
  const longest = new Map(); // actor -> Map(kind|object -> the longest wait)
  const ends = new Map();
  const objects = new Set();
  const open = new Map(); // actor -> {kind, object, t}
  for (const e of events) {
    if (e.object != null && e.kind !== "PRINT") objects.add(objectKey(e.object));
    if (e.kind === "PRINT") prints.push({ t: e.t, actor: e.actor, text: e.value, key: printKey(e.value) });
    else if (e.kind === "EXIT") ends.set(e.actor, { t: e.t, how: endingOf(e.value) });
    else if (WAITS[e.kind]) open.set(e.actor, { kind: e.kind, object: objectKey(e.object), t: e.t });
    else {
      const wait = open.get(e.actor);
      if (wait && WAITS[wait.kind] === e.kind) {
        open.delete(e.actor);
        const key = `${wait.kind}|${wait.object}`;
        if (!longest.has(e.actor)) longest.set(e.actor, new Map());
        longest.get(e.actor).set(key, Math.max(longest.get(e.actor).get(key) ?? 0, e.t - wait.t));
        if (e.t - wait.t >= BLOCK_SECONDS) {
          if (!blocks.has(e.actor)) blocks.set(e.actor, new Map());
          if (!blocks.get(e.actor).has(key)) blocks.get(e.actor).set(key, { t: wait.t, kind: wait.kind, object: wait.object });
        }
        if (e.kind === "ACQUIRED" && e.value !== "not acquired") {
          const lock = objectKey(e.object);
          if (!takers.has(lock)) takers.set(lock, []);
          takers.get(lock).push({ t: e.t, actor: e.actor });
        }
      }
    }
  }
  // a wait still open at the end blocked until the end (a deadlock, a hang)
  for (const [actor, wait] of open) {
    const key = `${wait.kind}|${wait.object}`;
    if (!longest.has(actor)) longest.set(actor, new Map());
    longest.get(actor).set(key, Infinity);
    if (!blocks.has(actor)) blocks.set(actor, new Map());
    if (!blocks.get(actor).has(key)) blocks.get(actor).set(key, { t: wait.t, kind: wait.kind, object: wait.object, forever: true });
  }
  return { prints, takers, blocks, longest, ends, objects };
}

/** How a thread ended, in words both runs share. */
export function endingOf(value) {
  if (value == null || value === "exit code 0") return "finished";
  const text = String(value);
  if (text === "cut off") return "cut-off";
  if (text === "freed" || text === "cancelled") return "stopped";
  if (text.startsWith("killed") || text.startsWith("exit code -")) return "killed";
  return "failed";
}

/** How a run ended, in words both runs share: completes, hangs (a deadlock is a hang), fails, or null (stopped). */
export function runEnding(status) {
  if (status === "COMPLETED") return "completes";
  if (status === "HANG" || status === "DEADLOCK") return "hangs";
  if (status === "FAILED") return "fails";
  return null;
}

/** ThreadLab's events (a recording's) in the common shape, actors by name. */
export function threadlabSteps(events, scale = 1) {
  const names = new Map();
  const out = [];
  for (const e of events) {
    if (e.kind === "SPAWN" && e.value) names.set(e.value.id, e.value.name);
    out.push({ t: (e.timeNs * scale) / 1e9, actor: names.get(e.actor) ?? String(e.actor), kind: e.kind, object: e.object, value: e.value });
  }
  return out;
}

/** CPython's events in the common shape: each actor by its ThreadLab twin's name, else its own. */
export function pythonSteps(run, twin, tl) {
  const out = [];
  const nameOf = new Map();
  for (const [key, id] of run.laneOf) {
    const tlId = twin.get(id);
    nameOf.set(key, tlId != null && tl?.actors.get(tlId) ? tl.actors.get(tlId).name : `cpython:${key}`);
  }
  for (const e of run.events) out.push({ t: e.t, actor: nameOf.get(laneKey(e)), kind: e.kind, object: e.object, value: e.value });
  for (const line of run.lines) {
    const id = run.byName.get(line.thread);
    const key = [...run.laneOf].find(([, v]) => v === id)?.[0];
    out.push({ t: line.t, actor: key ? nameOf.get(key) : line.thread, kind: "PRINT", object: null, value: line.text });
  }
  return out.sort((p, q) => p.t - q.t);
}

/**
 * Where the runs differ, as far as both have gone: [{kind: "ending" | "block" | "order", lane (a CPython
 * lane id, or null for the run), t (where to mark it on CPython's timeline), key, args}], at most
 * MAX_DIFFERENCES, plus how many more there were. `tl` and `py` are stepsOf() of each; `laneOf(name)` is
 * the CPython lane of a ThreadLab name; `ended` says whether each run is over, with its status.
 */
export function differences(tl, py, laneOf, { tlStatus = null, pyStatus = null } = {}) {
  const found = [];
  const tlEnd = runEnding(tlStatus);
  const pyEnd = runEnding(pyStatus);
  if (tlEnd && pyEnd && tlEnd !== pyEnd) found.push({ kind: "ending", lane: null, t: null, key: "python.diff.run", args: [`python.diff.end.${tlEnd}`, `python.diff.end.${pyEnd}`] });
  // the printed lines, in order
  const n = Math.min(tl.prints.length, py.prints.length);
  for (let i = 0; i < n; i++) {
    if (tl.prints[i].key !== py.prints[i].key) {
      found.push({ kind: "order", lane: laneOf(py.prints[i].actor), t: py.prints[i].t, key: "python.diff.print", args: [i + 1, tl.prints[i].text, py.prints[i].text] });
      break;
    }
  }
  // who took each lock both runs know, in turn
  for (const [lock, ours] of tl.takers) {
    const theirs = py.takers.get(lock);
    if (!theirs) continue;
    const m = Math.min(ours.length, theirs.length);
    for (let i = 0; i < m; i++) {
      if (ours[i].actor !== theirs[i].actor) {
        found.push({ kind: "order", lane: laneOf(theirs[i].actor), t: theirs[i].t, key: "python.diff.lock", args: [lock, ours[i].actor, theirs[i].actor, i + 1] });
        break;
      }
    }
  }
  // blocks on objects both runs know, by threads both runs have, where the other run's thread did not wait
  // at all (once it is past them)
  const common = (object) => tl.objects.has(object) && py.objects.has(object);
  const noWait = (steps, actor, key) => (steps.longest.get(actor)?.get(key) ?? 0) < NO_WAIT_SECONDS;
  for (const actor of new Set([...tl.blocks.keys(), ...py.blocks.keys()])) {
    const lane = laneOf(actor);
    if (lane == null) continue;
    const ours = tl.blocks.get(actor) ?? new Map();
    const theirs = py.blocks.get(actor) ?? new Map();
    for (const [key, b] of ours) {
      if (common(b.object) && noWait(py, actor, key) && (pyStatus != null || py.ends.has(actor))) {
        found.push({ kind: "block", lane, t: b.t, key: "python.diff.block.threadlab", args: [actor, b.object, b.t] });
      }
    }
    for (const [key, b] of theirs) {
      if (common(b.object) && noWait(tl, actor, key) && (tlStatus != null || tl.ends.has(actor))) {
        found.push({ kind: "block", lane, t: b.t, key: "python.diff.block.cpython", args: [actor, b.object, b.t] });
      }
    }
  }
  // how each thread both runs have ended, when the runs end alike
  if (!(tlEnd && pyEnd && tlEnd !== pyEnd)) {
    for (const [actor, ours] of tl.ends) {
      const theirs = py.ends.get(actor);
      const lane = laneOf(actor);
      if (theirs && lane != null && theirs.how !== ours.how) {
        found.push({ kind: "ending", lane, t: theirs.t, key: "python.diff.ending", args: [actor, `python.diff.how.${ours.how}`, `python.diff.how.${theirs.how}`] });
      }
    }
  }
  return { shown: found.slice(0, MAX_DIFFERENCES), more: Math.max(0, found.length - MAX_DIFFERENCES) };
}

/** Everything the page needs to draw CPython beside ThreadLab: {twin, order, differences}. */
export function compareRuns(tlModel, tlEvents, run) {
  const py = run.model;
  const twin = matchLanes(tlModel, py);
  const order = laneOrder(tlModel, py, twin);
  if (!tlModel || !tlEvents) return { twin, order, differences: { shown: [], more: 0 } };
  const pyIdOfName = new Map();
  for (const [pyId, tlId] of twin) pyIdOfName.set(tlModel.actors.get(tlId)?.name, pyId);
  const laneOf = (name) => pyIdOfName.get(name) ?? null;
  const diff = differences(stepsOf(threadlabSteps(tlEvents, tlModel.scale ?? 1)), stepsOf(pythonSteps(run, twin, tlModel)), laneOf, {
    tlStatus: tlModel.outcome?.status ?? null,
    pyStatus: run.end?.status ?? null,
  });
  return { twin, order, differences: diff };
}
