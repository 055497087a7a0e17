// A lesson's challenge played (challenges.js says which and how it is won): the Challenge button sets
// the challenge's parameters and starts a paused run; the recorded events are judged as they come, and
// the box above the timeline says the goal, the win, or that the run went on without a step.
import { challengeOf, judge } from "../challenges.js";

/**
 * The challenge of `scenario` on its button and box (found with `byId`), if it has one. `play(values)`
 * sets the form to the challenge's values and starts its run, paused.
 */
export function challengePlay({ store, t, byId, scenario, play }) {
  const spec = challengeOf(scenario);
  const box = byId("challenge-box");

  function draw(c) {
    box.hidden = c == null;
    if (!c) return;
    const text = c.status === "won" ? `${t("challenge.won")} ${t(c.won.key, ...c.won.args)}` : c.status === "too-fast" ? t("challenge.too-fast") : t(`challenge.${scenario}.goal`);
    const className = c.status === "won" ? "challenge-box won" : "challenge-box";
    if (box.className !== className) box.className = className;
    if (box.textContent !== text) box.textContent = text;
  }

  /** Reads the recording for the win, while a challenge is played (once more at the end: the marks). */
  function judgeNow(last = false) {
    const { challenge, recording, model } = store.state;
    if (!challenge || (challenge.status === "won" && !last) || !recording) return;
    const won = judge(scenario, recording.events, (id) => model.actors.get(id)?.name ?? String(id));
    if (won) store.set({ challenge: { ...challenge, status: "won", won } });
  }

  if (spec) {
    byId("challenge").hidden = false;
    byId("challenge").addEventListener("click", () => {
      store.set({ challenge: { status: "playing", steps: 0, won: null } });
      play({ ...spec.params, ...spec.settings });
    });
  }
  store.on("change.challenge", (s, changed) => {
    if (changed.has("challenge")) draw(s.challenge);
  });

  return {
    judge: () => judgeNow(),
    /** A step was asked for. */
    stepped() {
      const { challenge } = store.state;
      if (challenge) store.set({ challenge: { ...challenge, steps: challenge.steps + 1 } });
    },
    /** The run is over: judged a last time. */
    ended() {
      judgeNow(true);
      const { challenge } = store.state;
      // a challenge starts paused: the run went on without a step only because the learner resumed it
      if (challenge && challenge.status !== "won" && challenge.steps === 0) store.set({ challenge: { ...challenge, status: "too-fast" } });
    },
    /** Another run, not the challenge's: the challenge is over. */
    clear() {
      if (store.state.challenge) store.set({ challenge: null });
    },
  };
}
