// The colours and patterns of the lane states, and the colour of each thread. A state is told by its
// colour and, as a second channel, by its pattern (stripes for a lock, dots for a condition, …), so that
// no one needs to tell colours apart; the colours were chosen so that they stay apart for deuteranopes
// and protanopes too (tested with the simulation below). Pure: no DOM.

/** Each state's fill and pattern, in legend order. */
export const STATE_STYLE = {
  created: { color: "#d0d7de", pattern: "solid" },
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
 * cannot be taken for a state): dark and saturated, apart from each other.
 */
export const ACTOR_COLORS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#6a3d9a", "#8c6d31", "#1f78b4", "#b15928"];

export function actorColor(index) {
  return ACTOR_COLORS[((index % ACTOR_COLORS.length) + ACTOR_COLORS.length) % ACTOR_COLORS.length];
}

/** The stroke of a pattern drawn over `color`: dark on light fills, light on dark ones. */
export function inkOn(color) {
  return luminance(hex(color)) > 0.35 ? "rgba(0,0,0,0.55)" : "rgba(255,255,255,0.75)";
}

/** Text colour for a label written on `color`. */
export function textOn(color) {
  return luminance(hex(color)) > 0.3 ? "#1f2328" : "#ffffff";
}

// ---- colour science, for the tests that keep the palette readable ----

function hex(color) {
  return [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
}

function linear(c) {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of an [r, g, b]. */
function luminance(rgb) {
  const [r, g, b] = rgb.map(linear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours "#rrggbb". */
export function contrast(a, b) {
  const [l1, l2] = [luminance(hex(a)), luminance(hex(b))].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

// Machado, Oliveira and Fernandes (2009), severity 1, applied to linear RGB.
const SIMULATION = {
  normal: null,
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
};

export const VISIONS = Object.keys(SIMULATION);

/** CIE L*a*b* of a colour as seen with the given vision. */
function labSeen(color, vision = "normal") {
  const l = hex(color).map(linear);
  const m = SIMULATION[vision];
  const rgb = m ? m.map((row) => Math.min(1, Math.max(0, row[0] * l[0] + row[1] * l[1] + row[2] * l[2]))) : l;
  const X = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
  const Y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  const Z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
  const f = (t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}

/** CIE76 colour difference of two colours as seen with the given vision. */
export function deltaE(a, b, vision = "normal") {
  const [p, q] = [labSeen(a, vision), labSeen(b, vision)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
