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
  ["?", "help", "keys.help"],
];

/**
 * The action of a key press, or null: {action, arg}. Keys typed into a field, or with Ctrl/Alt/Meta,
 * are the browser's; so are Space and Enter on a button or link (they press it).
 */
export function actionFor(event) {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const target = event.target || {};
  const tag = (target.tagName || "").toLowerCase();
  const type = tag === "input" ? (target.type || "text").toLowerCase() : "";
  const typing = (tag === "input" && !["checkbox", "radio", "range", "button", "submit", "file"].includes(type)) || tag === "textarea" || tag === "select" || target.isContentEditable;
  if (typing) return null;
  if (type === "range" && event.key.startsWith("Arrow")) return null; // the scrubber moves itself
  const pressable = tag === "button" || tag === "a" || tag === "summary" || type === "checkbox" || type === "radio" || (target.getAttribute && target.getAttribute("role") === "button");
  switch (event.key) {
    case " ":
      return pressable ? null : { action: "pause" };
    case "ArrowRight":
      return { action: "step" };
    case "ArrowLeft":
      return { action: "back" };
    case "Home":
      return { action: "ends", arg: -1 };
    case "End":
      return { action: "ends", arg: 1 };
    case "r":
    case "R":
      return { action: "run" };
    case "+":
    case "=":
      return { action: "speed", arg: 1 };
    case "-":
    case "_":
      return { action: "speed", arg: -1 };
    case "f":
    case "F":
      return { action: "fullscreen" };
    case "t":
    case "T":
      return { action: "teacher" };
    case "w":
    case "W":
      return { action: "zoom", arg: 1.5 };
    case "s":
    case "S":
      return { action: "zoom", arg: 1 / 1.5 };
    case "a":
    case "A":
      return { action: "pan", arg: -0.2 };
    case "d":
    case "D":
      return { action: "pan", arg: 0.2 };
    case "0":
      return { action: "reset-zoom" };
    case "l":
    case "L":
      return { action: "follow" };
    case "?":
      return { action: "help" };
    default:
      return null;
  }
}

/** The next speed up or down the usual steps (a replay's or the next run's). */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 4, 5, 10, 20, 50, 100];

export function nextSpeed(speed, direction) {
  if (direction > 0) return SPEEDS.find((s) => s > speed + 1e-9) ?? SPEEDS[SPEEDS.length - 1];
  return [...SPEEDS].reverse().find((s) => s < speed - 1e-9) ?? SPEEDS[0];
}
