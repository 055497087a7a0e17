// What a step answers when no thread was at a step (every one sleeps, joins or waits). The server moves
// lesson time on to the next moment a sleep or timed wait ends and holds the thread that wakes there (its
// `jump`): the page says so, with how far time jumped and what became of each thread that woke. While the
// last step is still under way (the thread it let go sleeps, computes or starts a process: lesson time
// runs until it reaches its next step), a step does nothing, and the page says whose step goes on. When
// no timer was running, nothing can move while the run is paused, and the page says why, thread by
// thread. Said in the learner's language from the page's state alone. Pure.
import { doing } from "./describe.js";
import { formatTime } from "./format.js";

const ENDED = new Set(["finished", "cut-off", "stopped", "killed"]);
/** What a thread let go by a step may be doing while its step is under way (no other thread can end it). */
const UNDER_WAY = new Set(["running", "sleeping", "starting"]);

/**
 * The thread whose step is still under way while the run is paused, or null: the one the last step let go
 * (`justStepped`), neither held again, ended, nor at rest in a wait only another can end.
 */
export function stepUnderWay(s) {
  const id = s.justStepped;
  if (id == null || !s.gate.paused || s.gate.held.has(id)) return null;
  const actor = s.model?.actors.get(id);
  const last = actor?.segments[actor.segments.length - 1];
  return last && UNDER_WAY.has(last.state) ? id : null;
}

/** The sentence a step that moved nothing answers with; `busy` the thread whose step is still under way. */
export function whyStill(model, t, busy = null) {
  const actor = busy == null ? null : model?.actors.get(busy);
  if (actor) return t("step.under-way", actor.name, doing(model, actor, actor.segments[actor.segments.length - 1], t));
  const waits = [];
  for (const actor of model?.actors.values() ?? []) {
    const s = actor.segments[actor.segments.length - 1];
    if (!s || ENDED.has(s.state) || actor.type === "GIL") continue;
    waits.push(doing(model, actor, s, t));
  }
  return waits.length ? t("step.none", waits.join(t("finding.joiner"))) : t("step.none-alive");
}

/**
 * The sentence a step that jumped lesson time answers with: how far it jumped (`jump.by`, lesson seconds)
 * and, for each thread it woke, that it is held at its next step (in `held`), has ended, or woke (its
 * next step not reached yet).
 */
export function jumpSaid(model, jump, held, t) {
  const woke = jump.woke.map((id) => {
    const actor = model?.actors.get(id);
    const name = actor?.name ?? held.get(id)?.name ?? String(id);
    const last = actor?.segments[actor.segments.length - 1];
    if (held.has(id)) return t("jump.held", name);
    return t(last && ENDED.has(last.state) ? "jump.ended" : "jump.woke", name);
  });
  return t("run.jumped", formatTime(jump.by, t, jump.by, jump.by / 10), woke.join(t("finding.joiner")));
}

/** A gate message's jump in lesson seconds, or null: {number, from, to, by, woke}. */
export function jumpOf(message) {
  const j = message.jump;
  if (!j) return null;
  return { number: j.number, from: j.fromNs / 1e9, to: j.toNs / 1e9, by: j.byNs / 1e9, woke: j.woke ?? [] };
}
