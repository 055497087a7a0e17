// The run as the timeline sees it: events in, lanes of state segments out.
// Pure logic: no DOM, no D3, no clock of its own; tested in the browser by src/test/frontend.
import { applyToObjects } from "./objects.js";

/** The states a lane can be in, in legend order. */
export const STATES = [
  "created",
  "starting",
  "running",
  "gil-wait",
  "sleeping",
  "blocked",
  "waiting",
  "queue-wait",
  "joining",
  "finished",
  "cut-off",
  "stopped",
  "killed",
];

const STATE_AFTER = {
  SPAWN: "created",
  STARTING: "starting", // a process whose JVM is starting, until its own first step (START)
  START: "running",
  SLEEP: "sleeping",
  WAKE: "running",
  JOIN: "joining",
  JOINED: "running",
  ACQUIRE: "blocked",
  ACQUIRED: "running",
  WAIT: "waiting",
  WOKEN: "running",
  PUT: "queue-wait",
  PUT_DONE: "running",
  GET: "queue-wait",
  GOT: "running",
  REQUEST: "waiting", // a call through a manager's proxy: waits for the manager's reply
  REPLY: "running",
  GIL_REQUEST: "gil-wait",
};

/** An empty model of the run announced by a "started" message. */
export function createModel(started) {
  return {
    runId: started.runId,
    speed: started.speed,
    // Seconds per event nanosecond × 1e9: 1 where events carry lesson time (batches with a "clock"),
    // the speed where a server still sends real time (then the tutorial's seconds are real × speed).
    scale: started.speed,
    lessonTime: null, // decided by the first batch: does the server send lesson time?
    events: 0, // how many events were applied
    actors: new Map(), // id -> actor: {id, name, type, pid, daemon, parent, segments, marks}
    points: new Map(), // seq -> {actor, t}: where each event sits, for causal links
    links: [], // {kind, from: {actor, t}, to: {actor, t}}
    linkKinds: new Set(), // the kinds of links, in the order first seen: kept as they come, not found again per batch
    prints: [], // {t, actor, text, line}
    lastT: 0, // tutorial seconds of the latest event
    end: null, // tutorial seconds at which the run ended
    outcome: null,
    finding: null, // {deadlock, actors, objects, description, t}: what the watchdog found
    gil: new Map(), // pid -> [{actor, start, end}]: who held that process's emulated GIL when
    gilHolders: new Map(), // pid -> Set of actors, in the order they first took that GIL
    objects: new Map(), // name -> the object's story, see objects.js
  };
}

/** Lesson seconds of an event's nanoseconds. */
export function seconds(model, timeNs) {
  return (timeNs * model.scale) / 1e9;
}

/**
 * Applies an "events" message: its batch, and whether the server speaks lesson time (a batch with a
 * "clock"; without one, event times are real and the speed scales them, as before lesson time).
 */
export function applyBatch(model, message) {
  if (model.lessonTime == null) {
    model.lessonTime = message.clock != null;
    model.scale = model.lessonTime ? 1 : model.speed;
  }
  return applyEvents(model, message.events);
}

/** The run's end from an "end" message's outcome, if no END event fixed it already. */
export function applyEnd(model, outcome) {
  model.outcome = model.outcome ?? outcome;
  if (model.end == null) {
    model.end = Math.max(model.lastT, seconds(model, outcome.elapsedNs));
    closeAll(model, model.end);
  }
  return model;
}

/** Applies a batch of events, in order; returns the model. */
export function applyEvents(model, events) {
  for (const e of events) {
    applyEvent(model, e);
  }
  return model;
}

function applyEvent(model, e) {
  const t = seconds(model, e.timeNs);
  model.events++;
  model.lastT = Math.max(model.lastT, t);
  model.points.set(e.seq, { actor: e.actor, t });
  if (e.kind === "SPAWN") {
    const info = e.value;
    model.actors.set(info.id, { ...info, segments: [], marks: [], line: 0, lastT: t });
  }
  const actor = model.actors.get(e.actor);
  if (actor) actor.lastT = t; // when it last did something: a thread held at the gate is held since then
  if (actor && e.line > 0) {
    // where the thread is now in the Java listing: the line of its latest step
    actor.line = e.line;
  }
  if (e.kind === "END") {
    model.end = t;
    model.outcome = e.value;
    closeAll(model, t);
    for (const held of model.gil.values()) {
      const last = held[held.length - 1];
      if (last && last.end == null) last.end = t;
    }
    return;
  }
  if (e.kind === "DEADLOCK" || e.kind === "HANG") {
    model.finding = { deadlock: e.kind === "DEADLOCK", ...e.value, t };
  }
  if (e.kind === "GIL_TAKEN" || e.kind === "GIL_DROPPED") {
    // each process has a GIL of its own
    const pid = model.actors.get(e.actor)?.pid ?? 0;
    if (!model.gil.has(pid)) {
      model.gil.set(pid, []);
      model.gilHolders.set(pid, new Set());
    }
    const held = model.gil.get(pid);
    const last = held[held.length - 1];
    if (e.kind === "GIL_TAKEN") {
      held.push({ i: held.length, actor: e.actor, start: t, end: null });
      model.gilHolders.get(pid).add(e.actor);
    }
    else if (last && last.end == null) last.end = t;
  }
  applyToObjects(model, e, t);
  if (!actor || e.kind === "CREATE") {
    return;
  }
  if (e.kind === "START" && actor.type === "PROCESS" && e.value != null) {
    actor.pid = e.value;
  }
  if (e.cause != null && e.cause >= 0 && model.points.has(e.cause)) {
    model.links.push({ kind: e.kind, from: model.points.get(e.cause), to: { actor: e.actor, t } });
    model.linkKinds.add(e.kind);
  }
  if (raises(e)) {
    // where an exception is raised, or stored to be raised later (a task's result): a red mark
    actor.marks.push({ kind: "RAISED", t, text: String(e.value).replace(/^raised /, ""), line: e.line });
  }
  if (e.kind === "PRINT") {
    model.prints.push({ t, actor: e.actor, text: e.value, line: e.line });
    actor.marks.push({ kind: e.kind, t, text: e.value, line: e.line });
    return;
  }
  if (e.kind === "EXIT") {
    // an ended thread waits for nothing any more (what it held, it still holds: nobody released it)
    for (const o of model.objects.values()) o.waiters.delete(e.actor);
    enter(actor, exitState(e.value), t, e, e.line);
    actor.marks.push({ kind: e.kind, t, text: e.value, line: e.line });
    return;
  }
  if (e.kind === "GIL_TAKEN") {
    if (currentState(actor) === "gil-wait") enter(actor, "running", t, e, 0);
    return;
  }
  if (e.kind === "ACQUIRED" || e.kind === "GOT" || e.kind === "PUT_DONE" || e.kind === "WOKEN") {
    // an uncontended step begins and ends at once: leave no zero-length "blocked" sliver behind
    const open = actor.segments[actor.segments.length - 1];
    if (open && open.end == null && open.start === t && open.state !== "running") actor.segments.pop();
  }
  const next = STATE_AFTER[e.kind];
  if (next) {
    enter(actor, next, t, e, e.line);
  }
}

function currentState(actor) {
  const open = actor.segments[actor.segments.length - 1];
  return open ? open.state : null;
}

function exitState(value) {
  if (value === "cut off") return "cut-off";
  if (value === "freed" || value === "cancelled") return "stopped";
  if (typeof value === "string" && value.startsWith("killed")) return "killed";
  return "finished";
}

/** Opens the actor's next state at t, made by event e (its object and value say on what, how much). */
function enter(actor, state, t, e = null, line = 0) {
  const open = actor.segments[actor.segments.length - 1];
  if (open && open.end == null) {
    open.end = t;
  }
  const value = e && (typeof e.value === "number" || typeof e.value === "string") ? e.value : null;
  actor.segments.push({ i: actor.segments.length, state, start: t, end: null, object: e ? e.object : null, value, line });
}

/** A segment's end: its own, or `at` for the one still open. */
export function segmentEnd(s, at) {
  return s.end ?? Math.max(s.start, at);
}

function closeAll(model, t) {
  for (const actor of model.actors.values()) {
    const open = actor.segments[actor.segments.length - 1];
    if (open && open.end == null) {
      open.end = Math.max(open.start, t);
    }
  }
}

/** The run's end once known, else the given live estimate (never before the latest event). */
export function now(model, liveEstimate = 0) {
  return model.end ?? Math.max(model.lastT, liveEstimate);
}

/**
 * The lanes to draw: one per actor in the order they were created. Segments are the model's own (not
 * copied: a big run has hundreds of thousands); an open one (end null) lasts until now: see segmentEnd.
 */
export function lanes(model) {
  return [...model.actors.values()].map((actor) => ({
    id: actor.id,
    name: actor.name,
    type: actor.type,
    pid: actor.pid,
    daemon: actor.daemon,
    line: actor.line,
    segments: actor.segments,
    marks: actor.marks,
  }));
}

/** Each process's GIL as a lane of segments {actor, start, end}, one per holder in turn (not copied). */
export function gilSegments(model) {
  return [...model.gil.entries()].map(([pid, held]) => ({ pid, segments: held }));
}

/** An event that raises an exception, or sets a result to one: EXCEPTION, or a DONE or REPLY "raised …". */
function raises(e) {
  if (e.kind === "EXCEPTION") return true;
  return (e.kind === "DONE" || e.kind === "REPLY") && typeof e.value === "string" && e.value.startsWith("raised ");
}
