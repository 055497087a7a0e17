// The colours and patterns of the lane states, and the colour of each thread. A state is told by its
// colour and, as a second channel, by its pattern (stripes for a lock, dots for a condition, …), so that
// no one needs to tell colours apart; the colours were chosen so that they stay apart for deuteranopes
// and protanopes too (tested with a simulation of their vision in src/test/frontend). Pure: no DOM.

/** Each state's fill and pattern, in legend order. */
export const STATE_STYLE = {
  created: { color: "#d0d7de", pattern: "dashes" }, // not yet started: told from "finished" by its dashes
  starting: { color: "#c2d69b", pattern: "vertical" }, // a child JVM starting: machinery, not the lesson
  running: { color: "#1b9e77", pattern: "solid" },
  "gil-wait": { color: "#f3d68a", pattern: "dots" },
  sleeping: { color: "#56b4e9", pattern: "solid" },
  blocked: { color: "#d55e00", pattern: "diagonal" },
  waiting: { color: "#7b3294", pattern: "dots" },
  "queue-wait": { color: "#cc79a7", pattern: "cross" },
  joining: { color: "#e6ab02", pattern: "horizontal" },
  finished: { color: "#f4f6f8", pattern: "solid" },
  "cut-off": { color: "#b2182b", pattern: "x" },
  stopped: { color: "#6e7781", pattern: "vertical" },
  killed: { color: "#3d2b56", pattern: "x" },
};

/** Waiting states: a wait too short to see still gets a visible width and a marker. */
export const WAIT_STATES = new Set(["blocked", "waiting", "queue-wait", "joining", "gil-wait"]);

/**
 * Each thread's own colour (its code marker, its swatch, its turns on the GIL lane, drawn hatched so it
 * cannot be taken for a state): dark and saturated, apart from each other, and none of them the orange
 * of "waiting for a lock".
 */
export const ACTOR_COLORS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#999933", "#6a3d9a", "#8c6d31", "#1f78b4", "#882255"];

export function actorColor(index) {
  return ACTOR_COLORS[((index % ACTOR_COLORS.length) + ACTOR_COLORS.length) % ACTOR_COLORS.length];
}

/** The stroke of a pattern drawn over `color`: dark on light fills, light on dark ones. */
export function inkOn(color) {
  return luminance(color) > 0.35 ? "rgba(0,0,0,0.55)" : "rgba(255,255,255,0.75)";
}

/** Text colour for a label written on `color`. */
export function textOn(color) {
  return luminance(color) > 0.3 ? "#1f2328" : "#ffffff";
}

// ---- colour science: what the inks above are chosen by (and the tests that keep the palette readable) ----

/** A colour "#rrggbb" as linear-light [r, g, b] from 0 to 1 (sRGB's transfer curve undone). */
export function linearRgb(color) {
  return [1, 3, 5].map((i) => {
    const v = parseInt(color.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
}

/** WCAG relative luminance of a colour "#rrggbb". */
export function luminance(color) {
  const [r, g, b] = linearRgb(color);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
