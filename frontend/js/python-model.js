// CPython's own run of the listing, as the timeline sees it: the runner's trace (python-events), the lines
// it printed (python-output) and its end (python-end, docs/protocol.md) folded into a model of model.js's
// shape, so that the same timeline and the same exports draw it. A lane per thread of each process, keyed
// by pid and name (a process os.fork made has a MainThread too); event ids become sequence numbers, and a
// cause that arrives after its effect (another process's, written later) is linked when it comes.
// Pure: no DOM.
import { applyEnd, applyEvents, createModel } from "./model.js";

/** An empty CPython run, from its python-started message and the speed it was asked for. */
export function createPythonRun(started, speed = 1) {
  const model = createModel({ runId: started.pythonRunId, speed });
  model.lessonTime = true;
  model.scale = 1;
  return {
    model,
    started: { ...started, speed },
    version: started.version ?? "",
    events: [], // the trace as it came, for the comparison and the recording
    lines: [], // the printed lines as they came
    cuts: [], // processes that stopped tracing
    end: null, // the python-end message
    topPid: null, // the program's own process
    laneOf: new Map(), // laneKey(event) -> lane id
    spawnSeq: new Map(), // lane id -> the sequence number of its SPAWN
    spawns: new Map(), // lane id -> its SPAWN event
    byName: new Map(), // actor -> the latest lane of that name
    seqOf: new Map(), // event id -> its sequence number in the model
    effects: new Map(), // cause id not seen yet -> [{actor, t, kind}] of events it caused
    unplaced: [], // lines printed by a thread whose lane has not come yet
    seq: 0,
  };
}

const ns = (t) => Math.round(t * 1e9);

/**
 * The lane an event belongs to. A thread named after its process ("Process-1/MainThread") is one lane,
 * whichever process wrote the event (a parent writes its child's STARTING and SPAWN); a bare name is a
 * thread of the program's own process or of a copy os.fork made of it, told apart by pid (a process's
 * SPAWN says its pid in its value).
 */
export function laneKey(e) {
  if (e.actor.includes("/")) return e.actor;
  const v = e.value;
  const pid = e.kind === "SPAWN" && v && typeof v === "object" && v.type === "process" && v.pid ? v.pid : e.pid;
  return `${pid}|${e.actor}`;
}

/** The lane of an event's thread, made (with its SPAWN) when it is first seen; a later SPAWN completes it. */
function laneFor(run, e, out) {
  const key = laneKey(e);
  const v = e.kind === "SPAWN" && e.value && typeof e.value === "object" ? e.value : null;
  let id = run.laneOf.get(key);
  if (id != null) {
    if (v) {
      // its SPAWN after another process wrote of it (its parent's STARTING): what the SPAWN says, on the
      // lane's actor, or on its own SPAWN while that is still in this batch
      const actor = run.model.actors.get(id) ?? run.spawns.get(id).value;
      if (v.pid) actor.pid = v.pid;
      if (v.type === "process") actor.type = "PROCESS";
      actor.daemon = Boolean(v.daemon);
      if (e.id) run.seqOf.set(e.id, run.spawnSeq.get(id)); // what it caused points at the lane's beginning
    }
    return id;
  }
  id = run.laneOf.size;
  run.laneOf.set(key, id);
  if (run.topPid == null) run.topPid = e.pid;
  const parent = typeof v?.parent === "string" ? (run.byName.get(v.parent) ?? -1) : -1;
  const type = v?.type === "process" || (id === 0 && e.pid === run.topPid) ? "PROCESS" : "THREAD";
  const seq = run.seq++;
  run.spawnSeq.set(id, seq);
  const spawn = { seq, timeNs: ns(e.t), actor: id, kind: "SPAWN", object: null, line: 0, cause: -1,
    value: { id, name: e.actor, type, pid: v?.pid ?? e.pid, parent, daemon: Boolean(v?.daemon) } };
  run.spawns.set(id, spawn);
  out.push(spawn);
  if (v && e.id) run.seqOf.set(e.id, seq);
  run.byName.set(e.actor, id);
  return id;
}

/** Applies a batch of the trace (python-events' events and cuts). Returns the model. */
export function applyPythonEvents(run, events, cuts = []) {
  const out = [];
  const caused = []; // [effect, cause seq]: links to add once the cause is in the model
  for (const e of events) {
    run.events.push(e);
    const actor = laneFor(run, e, out);
    if (e.kind === "SPAWN") continue; // its lane's SPAWN was made from it
    const seq = run.seq++;
    if (e.id) run.seqOf.set(e.id, seq);
    let cause = -1;
    if (e.cause != null) {
      const known = run.seqOf.get(e.cause);
      if (known != null) cause = known;
      else {
        if (!run.effects.has(e.cause)) run.effects.set(e.cause, []);
        run.effects.get(e.cause).push({ kind: e.kind, to: { actor, t: e.t } });
      }
    }
    // a process's START says its pid; a thread's, nothing the model needs
    const value = e.kind === "START" ? (e.actor.endsWith("MainThread") ? e.pid : null) : e.value;
    out.push({ seq, timeNs: ns(e.t), actor, kind: e.kind, object: e.object ?? null, value, line: e.line ?? 0, cause });
    const waiting = e.id ? run.effects.get(e.id) : null;
    if (waiting) {
      run.effects.delete(e.id);
      for (const w of waiting) caused.push({ ...w, from: { actor, t: e.t } });
    }
  }
  applyEvents(run.model, out);
  for (const link of caused) addLink(run.model, link);
  run.cuts.push(...cuts);
  placeLines(run);
  return run.model;
}

/** A link whose cause came late, put where its effect's time puts it (the timeline bisects links by it). */
function addLink(model, { kind, from, to }) {
  const links = model.links;
  let i = links.length;
  while (i > 0 && links[i - 1].to.t > to.t) i--;
  links.splice(i, 0, { kind, from, to });
  model.linkKinds.add(kind);
}

/** Applies a batch of printed lines (python-output's lines): each a PRINT on its thread's lane. */
export function applyPythonLines(run, lines) {
  run.lines.push(...lines);
  run.unplaced.push(...lines);
  placeLines(run);
  return run.model;
}

function placeLines(run) {
  if (!run.unplaced.length) return;
  const out = [];
  const left = [];
  for (const line of run.unplaced) {
    const actor = run.byName.get(line.thread);
    if (actor == null) {
      left.push(line);
      continue;
    }
    out.push({ seq: run.seq++, timeNs: ns(line.t), actor, kind: "PRINT", object: line.stream === "err" ? "stderr" : null,
      value: line.text, line: 0, cause: -1 });
  }
  run.unplaced = left;
  applyEvents(run.model, out);
  // a line may come after events of its thread that happened later: the marks stay in time order
  for (const id of new Set(out.map((e) => e.actor))) run.model.actors.get(id)?.marks.sort((p, q) => p.t - q.t);
}

/** Applies the python-end message: the run's end, and for a hang where each thread waits. */
export function applyPythonEnd(run, end) {
  run.end = end;
  run.unplaced = []; // printed by no thread the trace knows (its budget was spent): the list of lines shows them
  const { model } = run;
  if (end.status === "HANG" && (end.frames ?? []).length) {
    model.finding = { deadlock: false, actors: end.frames.map((f) => f.thread), objects: end.frames.map(() => ""),
      kinds: [], description: end.error ?? "", t: Math.max(model.lastT, end.elapsed ?? 0) };
  }
  return applyEnd(model, { status: end.status, error: end.error ?? null, elapsedNs: ns(end.elapsed ?? 0), dropped: 0 });
}

/** The CPython run's lesson time now: its latest event, moved on at the rate a sleep of it runs at. */
export function pythonNow(run, msSinceLastBatch) {
  const { model } = run;
  if (model.end != null) return model.end;
  const sleeping = [...model.actors.values()].some((a) => a.segments[a.segments.length - 1]?.state === "sleeping");
  return model.lastT + (Math.max(0, msSinceLastBatch) / 1000) * (sleeping ? run.started.speed : 1);
}

/** The run as a file to download (docs/protocol.md's messages, as they came). */
export function pythonRecording(run, scenario, lang) {
  return {
    format: "threadlab-cpython-recording",
    version: 1,
    scenario,
    lang,
    started: run.started,
    lines: run.lines,
    events: run.events,
    cuts: run.cuts,
    end: run.end,
  };
}
