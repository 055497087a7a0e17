// The page's keys, one place: what each does, for the handler and for the key list (?). Pure.

/** [key label, action, words key], in the order the key list shows them. */
export const KEYS = [
  ["R", "run", "keys.run"],
  ["Space", "pause", "keys.pause"],
  ["→", "step", "keys.step"],
  ["←", "back", "keys.back"],
  ["Home / End", "ends", "keys.ends"],
  ["+ / −", "speed", "keys.speed"],
  ["F", "fullscreen", "keys.fullscreen"],
  ["T", "teacher", "keys.teacher"],
  ["W / S", "zoom", "keys.zoom"],
  ["A / D", "pan", "keys.pan"],
  ["0", "reset-zoom", "keys.reset"],
  ["L", "follow", "keys.follow"],
  ["C", "room", "keys.room"],
  ["?", "help", "keys.help"],
];

/**
 * The action of a key press, or null: {action, arg}. Keys typed into a text field, or with Ctrl/Alt/Meta,
 * are the browser's, and so are the keys a list of choices or the scrubber moves with. Space is the page's
 * wherever the focus is (a button just clicked keeps the focus, and must not take Space for itself):
 * Enter still presses a focused button.
 */
export function actionFor(event) {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const target = event.target || {};
  const tag = (target.tagName || "").toLowerCase();
  const type = tag === "input" ? (target.type || "text").toLowerCase() : "";
  const text = (tag === "input" && !["checkbox", "radio", "range", "button", "submit", "reset", "file", "color"].includes(type)) || tag === "textarea" || target.isContentEditable;
  if (text) return null;
  if (event.key === " ") return { action: "pause" };
  if (tag === "select") return null; // its letters choose, its arrows move
  if (type === "range" && event.key.startsWith("Arrow")) return null; // the scrubber moves itself
  // A letter does the same with Shift or Caps Lock: look it up in lower case.
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const found = Object.hasOwn(ACTIONS, key) ? ACTIONS[key] : null;
  return found && { ...found };
}

/** What each key other than Space does; a letter under its lower case. */
const ACTIONS = {
  ArrowRight: { action: "step" },
  ArrowLeft: { action: "back" },
  Home: { action: "ends", arg: -1 },
  End: { action: "ends", arg: 1 },
  r: { action: "run" },
  "+": { action: "speed", arg: 1 },
  "=": { action: "speed", arg: 1 },
  "-": { action: "speed", arg: -1 },
  _: { action: "speed", arg: -1 },
  f: { action: "fullscreen" },
  t: { action: "teacher" },
  w: { action: "zoom", arg: 1.5 },
  s: { action: "zoom", arg: 1 / 1.5 },
  a: { action: "pan", arg: -0.2 },
  d: { action: "pan", arg: 0.2 },
  0: { action: "reset-zoom" },
  l: { action: "follow" },
  c: { action: "room" },
  "?": { action: "help" },
};

/** The next speed up or down the usual steps (a replay's or the next run's). */
const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 4, 5, 10, 20, 50, 100];

export function nextSpeed(speed, direction) {
  if (direction > 0) return SPEEDS.find((s) => s > speed + 1e-9) ?? SPEEDS[SPEEDS.length - 1];
  return [...SPEEDS].reverse().find((s) => s < speed - 1e-9) ?? SPEEDS[0];
}
