// The run in words, in the learner's language: the caption of what is happening now, the watchdog's
// finding, the outcome, and a summary of the whole timeline (its text alternative, also good to read
// aloud). Built from the model and t(key, ...args) only, never from the server's English. Pure.
import { segmentAt } from "./timeline-layout.js";
import { formatTime } from "./format.js";
import { segmentEnd } from "./model.js";

/**
 * The watchdog's finding as a sentence: for a deadlock actor i waits for object i, held by actor i+1 (a
 * join waits for actor i+1 to end, a result for the task actor i+1 runs); for a hang actor i waits on
 * object i (a condition, a queue, a join, …). `kinds` says what kind of wait each is (lock by default).
 */
export function findingSentence(finding, t) {
  if (!finding) return "";
  const { actors, objects } = finding;
  const kinds = finding.kinds ?? [];
  if (finding.deadlock) {
    if (actors.length === 1) return t("finding.self", actors[0], objects[0]);
    return actors
      .map((a, i) => {
        const next = actors[(i + 1) % actors.length];
        if (kinds[i] === "join") return t("finding.waits-end", a, next);
        if (kinds[i] === "result") return t("finding.waits-result", a, objects[i], next);
        return t("finding.waits-held", a, objects[i], next);
      })
      .join(t("finding.joiner"));
  }
  return actors
    .map((a, i) => (kinds[i] === "join" ? t("finding.waits-end-hang", a, objects[i]) : t("finding.waits-on", a, objects[i])))
    .join(t("finding.joiner"));
}

/** The outcome of a run in one sentence: how it ended, after how long. */
export function outcomeSentence(model, t) {
  const o = model.outcome;
  if (!o) return "";
  const elapsed = formatTime(model.end ?? 0, t);
  const finding = findingSentence(model.finding, t);
  let text;
  switch (o.status) {
    case "COMPLETED":
      text = t("outcome.completed", elapsed);
      break;
    case "FAILED":
      text = t("outcome.failed", elapsed, o.error ?? "");
      break;
    case "DEADLOCK":
      text = t("outcome.deadlock", elapsed, finding || (o.error ?? ""));
      break;
    case "HANG":
      text = t("outcome.hang", elapsed, finding || (o.error ?? ""));
      break;
    default:
      text = o.error ? t("outcome.stopped", elapsed, o.error) : t("outcome.cancelled", elapsed);
  }
  return o.dropped > 0 ? `${text} · ${t("outcome.dropped", o.dropped)}` : text;
}

function holderOf(model, object) {
  const o = object != null ? model.objects.get(object) : null;
  if (!o || !o.holders.size) return null;
  return [...o.holders.keys()].map((id) => model.actors.get(id)?.name ?? String(id)).join(", ");
}

/** What a thread in segment s is doing, as a sentence. */
export function doing(model, actor, s, t) {
  const name = actor.name;
  switch (s.state) {
    case "sleeping":
      return t("now.sleeping", name, s.value ?? "");
    case "blocked": {
      const holder = holderOf(model, s.object);
      return holder ? t("now.blocked-by", name, s.object ?? "", holder) : t("now.blocked", name, s.object ?? "");
    }
    case "waiting":
      return t("now.waiting", name, s.object ?? "");
    case "queue-wait":
      return t("now.queue-wait", name, s.object ?? "");
    case "joining":
      return t("now.joining", name, s.object ?? "");
    case "gil-wait":
      return t("now.gil-wait", name);
    default:
      return t(`now.${s.state}`, name);
  }
}

/**
 * The caption of what is happening at time `at`: the watchdog's finding once made, the outcome at the
 * end, else what the thread that changed last is doing (or printed), with the time.
 */
export function caption(model, at, t) {
  const time = formatTime(at, t, Math.max(at, model.lastT));
  if (model.end != null && at >= model.end && model.outcome) return outcomeSentence(model, t);
  if (model.finding && at >= model.finding.t) return `${time} · ${findingSentence(model.finding, t)}`;
  let best = null;
  for (const actor of model.actors.values()) {
    const s = segmentAt(actor.segments, at, at);
    if (!s || (best && s.start <= best.s.start)) continue;
    best = { actor, s };
  }
  const print = model.prints.length ? model.prints[model.prints.length - 1] : null;
  if (print && print.t <= at && (!best || print.t >= best.s.start)) {
    return `${time} · ${t("now.printed", model.actors.get(print.actor)?.name ?? "", print.text)}`;
  }
  return best ? `${time} · ${doing(model, best.actor, best.s, t)}` : time;
}

/**
 * The timeline as text: a sentence per thread (how long it spent in its main states, how it ended),
 * and the outcome. Returns a list of sentences.
 */
export function summary(model, at, t) {
  const span = Math.max(at, model.lastT);
  const out = [];
  out.push(t("summary.head", model.actors.size, formatTime(model.end ?? at, t, span)));
  for (const actor of model.actors.values()) {
    const time = new Map();
    for (const s of actor.segments) {
      if (s.start > at) break;
      const d = Math.min(segmentEnd(s, at), at) - s.start;
      if (s.state !== "finished" && s.state !== "created") time.set(s.state, (time.get(s.state) ?? 0) + d);
    }
    const parts = [...time]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([state, d]) => t("summary.part", t(`state.${state}`), formatTime(d, t, span)));
    const last = actor.segments.filter((s) => s.start <= at).at(-1);
    const ended = last && ["finished", "cut-off", "stopped", "killed"].includes(last.state) ? t("summary.ended", t(`state.${last.state}`), formatTime(last.start, t, span)) : "";
    out.push(t("summary.actor", actor.name, parts.join(", ") || t("summary.nothing"), ended));
  }
  if (model.finding && model.finding.t <= at) out.push(findingSentence(model.finding, t));
  if (model.outcome && model.end != null && at >= model.end) out.push(outcomeSentence(model, t));
  return out;
}
