// The story of a paused run's steps, for a teacher to narrate: when each thread was held at the gate (its
// lane is drawn held for that span, not running), which thread each step let go (numbered on its lane,
// the latest one marked), and the places of the held threads in the held list, which stay put across
// steps. A step taken while no thread is at a step is answered too: the server moves lesson time on to
// the next wake-up and holds the thread that wakes (the status says so: live-run.js), or, when no timer
// runs, nothing moves and the page says why. Pure reducers (tested) and the controller that applies them
// to the page's state.
import { now } from "../model.js";
import { stepUnderWay, whyStill } from "../why-still.js";

/** How long a step may go unanswered (no event, no word on the gate, no jump) before the page says why nothing moved. */
export const STEP_ANSWER_MS = 800;

/**
 * The holds after the gate changed: spans {actor, from, to} in lesson seconds, to null while held. A
 * thread newly held is held since its last event (it went on to the gate from there); one no longer
 * held, or every one when the run goes on, is held until `at`.
 */
export function holdsAfter(holds, held, paused, at, lastOf) {
  const out = holds.slice();
  const open = new Map();
  const lastEnd = new Map();
  out.forEach((h, i) => {
    if (h.to == null) open.set(h.actor, i);
    else if (Number.isFinite(h.to)) lastEnd.set(h.actor, Math.max(lastEnd.get(h.actor) ?? -Infinity, h.to));
  });
  for (const [actor, i] of open) {
    if (!paused || !held.has(actor)) out[i] = { ...out[i], to: Math.max(out[i].from, at) };
  }
  if (paused) {
    for (const actor of held.keys()) {
      if (open.has(actor)) continue;
      const since = Math.max(lastOf(actor) ?? at, lastEnd.get(actor) ?? -Infinity);
      out.push({ actor, from: Math.min(since, at), to: null });
    }
  }
  return out;
}

/** The holds after a step let `actor` go: its span ends at its next event, when that comes (Infinity till then). */
export function holdsAfterStep(holds, actor) {
  return holds.map((h) => (h.actor === actor && h.to == null ? { ...h, to: Infinity } : h));
}

/**
 * Places the steps not placed yet: a step is drawn where the thread it let go did its next thing (the
 * first event of that thread recorded after the step was asked for); its hold ends there. `points` maps
 * a seq to {actor, t}; `count` events are known. Returns {steps, holds}, the same arrays when nothing moved.
 */
export function placeSteps(steps, holds, points, count) {
  if (!steps.some((s) => s.t == null)) return { steps, holds };
  let ends = null;
  const placed = steps.map((step) => {
    if (step.t != null) return step;
    for (let seq = step.from; seq < count; seq++) {
      const p = points.get(seq);
      if (p && p.actor === step.actor) {
        (ends ??= new Map()).set(step.actor, p.t);
        return { ...step, t: p.t };
      }
    }
    return step;
  });
  if (!ends) return { steps, holds };
  const closed = holds.map((h) => (h.to === Infinity && ends.has(h.actor) ? { ...h, to: Math.max(h.from, ends.get(h.actor)) } : h));
  return { steps: placed, holds: closed };
}

/**
 * The held list's places: every thread held during this pause keeps its place (in lane order) while it
 * lives, held or busy with its step; the list starts afresh when the run goes on.
 */
export function heldOrder(order, held, paused, alive) {
  if (!paused) return [];
  const ids = new Set([...order, ...held.keys()].filter(alive));
  return [...ids].sort((a, b) => a - b);
}

/**
 * The controller: it keeps holds, steps, justStepped, heldOrder and stepNote in the page's state (a new
 * run starts them afresh: liveRun's "started").
 */
export function stepHistory({ store, t, clock = () => performance.now() }) {
  let waiting = 0; // the timer of a step that has not been answered yet
  let notedAt = null; // the events known when the page said why a step moved nothing

  const lessonNow = (s) => (s.model ? now(s.model, s.clock ? s.clock.now(clock()) : 0) : 0);
  const alive = (s) => (id) => {
    const actor = s.model?.actors.get(id);
    const last = actor?.segments[actor.segments.length - 1];
    return !last || !["finished", "cut-off", "stopped", "killed"].includes(last.state);
  };

  store.on("change.step-history", (s, changed) => {
    if (changed.has("model") && s.mode === "live" && s.model) {
      const placed = placeSteps(s.steps, s.holds, s.model.points, s.model.events);
      if (placed.steps !== s.steps) store.set(placed);
      if (s.stepNote && s.model.events !== notedAt) store.set({ stepNote: null }); // something moved since
    }
    if (!changed.has("gate") || s.mode !== "live") return;
    // a thread a jump woke slept until the jump's end, whether or not its waking has come yet: held from there
    const woke = s.gate.jump?.woke ?? [];
    const lastOf = (id) => {
      const last = s.model?.actors.get(id)?.lastT;
      return woke.includes(id) ? Math.max(last ?? -Infinity, s.gate.jump.to) : last;
    };
    const patch = {
      holds: holdsAfter(s.holds, s.gate.held, s.gate.paused, lessonNow(s), lastOf),
      heldOrder: heldOrder(s.heldOrder, s.gate.held, s.gate.paused, alive(s)),
    };
    if (s.stepNote && (s.gate.held.size > 0 || !s.gate.paused || s.gate.jump)) patch.stepNote = null;
    if (!s.gate.paused && s.justStepped != null) patch.justStepped = null; // the run goes on: no step is under way
    store.set(patch);
  });

  return {
    /** A step was asked for: `actor` (null when nothing was held and the server was asked all the same). */
    stepped(actor) {
      const s = store.state;
      if (s.mode !== "live") return;
      clearTimeout(waiting);
      if (actor != null) {
        store.set({
          holds: holdsAfterStep(s.holds, actor),
          steps: [...s.steps, { n: s.steps.length + 1, actor, t: null, from: s.model?.events ?? 0 }],
          justStepped: actor,
          stepNote: null,
        });
        return;
      }
      // nothing is held: the server may yet move lesson time on to the next thread that wakes and hold
      // it; if nothing at all comes back, the page says why nothing moved
      const before = { events: s.model?.events, gate: s.gateMessages, jump: s.gate.jump?.number };
      waiting = setTimeout(() => {
        const n = store.state;
        if (n.mode !== "live" || !n.gate.paused || n.gate.held.size > 0) return;
        // a jump moved lesson time (even if the thread it woke has ended since): that was the answer
        if (n.model?.events === before.events && n.gateMessages === before.gate && n.gate.jump?.number === before.jump) {
          notedAt = n.model?.events;
          store.set({ stepNote: whyStill(n.model, t, stepUnderWay(n)) });
        }
      }, STEP_ANSWER_MS);
    },
  };
}
