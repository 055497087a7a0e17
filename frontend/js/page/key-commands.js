// The page's keys (keys.js says which key means what): each action goes to the controller whose job it
// is, the replay's while a run is replayed, the live run's otherwise; zoom and pan to the timeline.
import { actionFor } from "../keys.js";
import { fullscreen } from "../teacher.js";

/**
 * Listens to the document's keys. `run()` starts a run, `keysDialog` is the key list (on `dialog`),
 * `teacher` the teacher mode, `room` the page's room (its panel shown or hidden); the others are the
 * controllers and the chart.
 */
export function keyCommands({ store, t, dialog, keysDialog, run, live, player, chart, address, teacher, room }) {
  /** + and −: a replay's speed, or the speed of time of the next run. */
  function changeSpeed(direction) {
    if (store.state.mode === "replay") {
      player.nudgeSpeed(direction);
      return;
    }
    const value = address.nudgeSpeed(direction);
    if (value != null) store.set({ status: { text: t(store.state.mode === "live" ? "run.speed-next" : "run.speed", value) } });
  }

  const actions = {
    run: () => run(),
    ends: (arg, replaying) => replaying && player.ends(arg),
    pause: (arg, replaying) => (replaying ? player.toggle() : live.togglePause()),
    step: (arg, replaying) => (replaying ? player.stepBy(1) : live.step()),
    back: (arg, replaying) => replaying && player.stepBy(-1),
    speed: (arg) => changeSpeed(arg),
    fullscreen: () => fullscreen(),
    teacher: () => teacher.toggle(),
    zoom: (arg, replaying) => chart.zoomBy(arg, replaying ? store.state.replayT : null),
    pan: (arg) => chart.panBy(arg),
    "reset-zoom": () => chart.resetZoom(),
    follow: () => chart.follow(!chart.follow()),
    help: () => keysDialog.toggle(),
    room: () => room.togglePanel(),
  };

  document.addEventListener("keydown", (event) => {
    if (dialog.open && event.key !== "?") return;
    const action = actionFor(event);
    if (!action) return;
    event.preventDefault();
    actions[action.action]?.(action.arg, store.state.mode === "replay");
  });
  // a focused button, checkbox or summary acts on Space's release: the page took Space on its press
  document.addEventListener("keyup", (event) => {
    if (event.key === " " && !dialog.open && actionFor(event)) event.preventDefault();
  });
}
