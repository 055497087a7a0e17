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
  GIL_REQUEST: "gil-wait",
};

/** An empty model of the run announced by a "started" message. */
export function createModel(started) {
  return {
    runId: started.runId,
    speed: started.speed,
    actors: new Map(), // id -> actor: {id, name, type, pid, daemon, parent, segments, marks}
    points: new Map(), // seq -> {actor, t}: where each event sits, for causal links
    links: [], // {kind, from: {actor, t}, to: {actor, t}}
    prints: [], // {t, actor, text, line}
    lastT: 0, // tutorial seconds of the latest event
    end: null, // tutorial seconds at which the run ended
    outcome: null,
    finding: null, // {deadlock, actors, objects, description, t}: what the watchdog found
    gil: new Map(), // pid -> [{actor, start, end}]: who held that process's emulated GIL when
    objects: new Map(), // name -> the object's story, see objects.js
  };
}

/**
 * Seconds of an event's time. Events carry lesson time: a sleep of s seconds spans s seconds at every
 * speed, while costs that are not the lesson's (a JVM starting, CPU work) take the real time they take.
 */
export function seconds(model, timeNs) {
  return timeNs / 1e9;
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
  model.lastT = Math.max(model.lastT, t);
  model.points.set(e.seq, { actor: e.actor, t });
  if (e.kind === "SPAWN") {
    const info = e.value;
    model.actors.set(info.id, { ...info, segments: [], marks: [] });
  }
  const actor = model.actors.get(e.actor);
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
    if (!model.gil.has(pid)) model.gil.set(pid, []);
    const held = model.gil.get(pid);
    const last = held[held.length - 1];
    if (e.kind === "GIL_TAKEN") held.push({ actor: e.actor, start: t, end: null });
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
  }
  if (e.kind === "PRINT") {
    model.prints.push({ t, actor: e.actor, text: e.value, line: e.line });
    actor.marks.push({ kind: e.kind, t, text: e.value, line: e.line });
    return;
  }
  if (e.kind === "EXIT") {
    // an ended thread waits for nothing any more (what it held, it still holds: nobody released it)
    for (const o of model.objects.values()) o.waiters.delete(e.actor);
    enter(actor, exitState(e.value), t, null, e.line);
    actor.marks.push({ kind: e.kind, t, text: e.value, line: e.line });
    return;
  }
  if (e.kind === "GIL_TAKEN") {
    if (currentState(actor) === "gil-wait") enter(actor, "running", t, null, 0);
    return;
  }
  if (e.kind === "ACQUIRED" || e.kind === "GOT" || e.kind === "PUT_DONE" || e.kind === "WOKEN") {
    // an uncontended step begins and ends at once: leave no zero-length "blocked" sliver behind
    const open = actor.segments[actor.segments.length - 1];
    if (open && open.end == null && open.start === t && open.state !== "running") actor.segments.pop();
  }
  const next = STATE_AFTER[e.kind];
  if (next) {
    enter(actor, next, t, e.kind === "JOIN" ? e.object : e.kind === "SLEEP" ? e.value : null, e.line);
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

function enter(actor, state, t, detail = null, line = 0) {
  const open = actor.segments[actor.segments.length - 1];
  if (open && open.end == null) {
    open.end = t;
  }
  actor.segments.push({ state, start: t, end: null, detail, line });
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
 * The lanes to draw at time `at`: one per actor in the order they were created, each segment with
 * a finite end (an open segment lasts until `at`).
 */
export function lanes(model, at) {
  return [...model.actors.values()].map((actor) => ({
    id: actor.id,
    name: actor.name,
    type: actor.type,
    pid: actor.pid,
    daemon: actor.daemon,
    segments: actor.segments.map((s, i) => ({
      key: `${actor.id}:${i}`,
      state: s.state,
      start: s.start,
      end: s.end ?? Math.max(s.start, at),
      detail: s.detail,
      line: s.line,
    })),
    marks: actor.marks,
  }));
}

/** Each process's GIL as a lane of segments, one per holder in turn; an open one lasts until `at`. */
export function gilSegments(model, at) {
  return [...model.gil.entries()].map(([pid, held]) => ({
    pid,
    segments: held.map((g, i) => ({ key: `gil:${pid}:${i}`, actor: g.actor, start: g.start, end: g.end ?? Math.max(g.start, at) })),
  }));
}

/** The state an actor is in at time t, or null before it exists. */
export function stateAt(model, actorId, t) {
  const actor = model.actors.get(actorId);
  if (!actor) return null;
  let state = null;
  for (const s of actor.segments) {
    if (s.start <= t) state = s.state;
  }
  return state;
}
