// The replay player: a run that is over, or a recording opened, replayed from its recording (never run
// again). Play and pause, the scrubber, a step to the next or previous event, the ends and the speed
// move the replay's time in the page's state; this draws the player and the run's outcome.
import { replayer } from "../replay.js";
import { formatTime } from "../format.js";
import { outcomeSentence } from "../describe.js";

/** The player on the page's elements (found with `byId`). */
export function replayPlayer({ store, t, byId }) {
  const [box, outcome, scrubber, time, play, speed] = ["player", "outcome", "scrubber", "replay-time", "replay-play", "replay-speed"].map(byId);
  let frame = 0;

  /** Replays `recording`, standing at its end (with whatever else `patch` changes). */
  function enter(recording, patch = {}) {
    const replay = replayer(recording);
    store.set({ ...patch, replay, recording, mode: "replay", playing: false, replayT: replay.end, model: replay.at(replay.end) });
  }

  /** Moves to lesson time `to` (within the run), with whatever else `patch` changes. */
  function seek(to, patch = {}) {
    const { replay } = store.state;
    if (!replay) return;
    const replayT = Math.min(Math.max(0, to), replay.end);
    store.set({ ...patch, replayT, model: replay.at(replayT) });
  }

  function stop() {
    if (store.state.playing) store.set({ playing: false });
  }

  /** Plays from here (from the start when at the end) at the replay's speed, or pauses. */
  function toggle() {
    const s = store.state;
    if (!s.replay) return;
    if (s.playing) {
      store.set({ playing: false });
      return;
    }
    if (s.replayT >= s.replay.end) seek(0, { playing: true });
    else store.set({ playing: true });
    cancelAnimationFrame(frame);
    let last = performance.now();
    const tick = (ms) => {
      const now = store.state;
      if (!now.playing || now.mode !== "replay") return;
      seek(now.replayT + ((ms - last) / 1000) * now.replaySpeed);
      last = ms;
      if (store.state.replayT >= now.replay.end) {
        store.set({ playing: false });
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
  }

  /** To the next event (direction > 0) or the one before. */
  function stepBy(direction) {
    const { replay, replayT } = store.state;
    if (!replay) return;
    seek(direction > 0 ? replay.next(replayT) : replay.previous(replayT), { playing: false });
  }

  /** To the start (direction < 0) or the end. */
  function ends(direction) {
    const { replay } = store.state;
    if (replay) seek(direction < 0 ? 0 : replay.end, { playing: false });
  }

  /** The next replay speed the list offers, up or down. */
  function nudgeSpeed(direction) {
    const values = [...speed.options].map((o) => Number(o.value));
    const current = store.state.replaySpeed;
    const next = direction > 0 ? values.find((v) => v > current) ?? current : [...values].reverse().find((v) => v < current) ?? current;
    speed.value = String(next);
    store.set({ replaySpeed: next, status: { text: t("player.speed-now", next) } });
  }

  function drawOutcome({ replay, model }) {
    if (!replay) {
      outcome.hidden = true;
      return;
    }
    outcome.textContent = outcomeSentence(model, t);
    outcome.className = `outcome outcome-${(model.outcome?.status ?? "cancelled").toLowerCase()}`;
    outcome.hidden = !model.outcome;
  }

  function drawPlayer({ replay, replayT, playing }) {
    scrubber.value = String(replay.end > 0 ? Math.round((replayT / replay.end) * 1000) : 1000);
    scrubber.setAttribute("aria-valuetext", formatTime(replayT, t, replay.end));
    time.textContent = `${formatTime(replayT, t, replay.end)} / ${formatTime(replay.end, t, replay.end)}`;
    play.textContent = t(playing ? "player.pause" : "player.play");
  }

  store.on("change.player", (s, changed) => {
    if (changed.has("replay")) {
      box.hidden = !s.replay;
      drawOutcome(s); // of the whole run: the replay stands at its end when it is entered
    }
    if (s.replay && (changed.has("replay") || changed.has("replayT") || changed.has("playing"))) drawPlayer(s);
  });
  scrubber.addEventListener("input", (event) => seek((Number(event.target.value) / 1000) * (store.state.replay?.end ?? 0), { playing: false }));
  byId("replay-start").addEventListener("click", () => seek(0, { playing: false }));
  byId("replay-back").addEventListener("click", () => stepBy(-1));
  byId("replay-forward").addEventListener("click", () => stepBy(1));
  play.addEventListener("click", toggle);
  speed.addEventListener("change", (event) => store.set({ replaySpeed: Number(event.target.value) }));

  return { enter, seek, stop, toggle, stepBy, ends, nudgeSpeed };
}
