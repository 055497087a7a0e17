// Colours as people see them, for the tests that keep the palette readable: WCAG contrast, and CIE76
// colour differences with normal vision and as simulated for protanopes and deuteranopes.
import { linearRgb, luminance } from "/js/palette.js";

// Machado, Oliveira and Fernandes (2009), severity 1, applied to linear RGB.
const SIMULATION = {
  normal: null,
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
};

export const VISIONS = Object.keys(SIMULATION);

/** WCAG contrast ratio of two colours "#rrggbb". */
export function contrast(a, b) {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** CIE L*a*b* of a colour as seen with the given vision. */
function labSeen(color, vision = "normal") {
  const l = linearRgb(color);
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
