// Why a paused run has no thread to step: every thread that has not ended sleeps, joins or waits, and
// while the run is paused lesson time stands still, so no sleep and no timed wait can end. Said in the
// learner's language from the model alone. Pure.
import { doing } from "./describe.js";

const ENDED = new Set(["finished", "cut-off", "stopped", "killed"]);

/** The sentence a step that moved nothing answers with. */
export function whyStill(model, t) {
  const waits = [];
  for (const actor of model?.actors.values() ?? []) {
    const s = actor.segments[actor.segments.length - 1];
    if (!s || ENDED.has(s.state) || actor.type === "GIL") continue;
    waits.push(doing(model, actor, s, t));
  }
  return waits.length ? t("step.none", waits.join(t("finding.joiner"))) : t("step.none-alive");
}
