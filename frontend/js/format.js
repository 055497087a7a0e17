// Times as a learner reads them, in the page's language: seconds, or milliseconds and microseconds for
// runs too short for seconds to say anything ("0.00 s" tells nothing). Pure.

/** The unit that suits a span of `span` seconds: [factor, unit key]. */
function unitFor(span) {
  if (span < 0.001) return [1e6, "unit.us"];
  if (span < 1) return [1e3, "unit.ms"];
  return [1, "unit.s"];
}

/** Decimals that tell apart times `step` apart, in the unit of factor. */
function decimals(step, factor) {
  const scaled = step * factor;
  if (scaled >= 1) return 0;
  return Math.min(6, Math.ceil(-Math.log10(scaled)));
}

/**
 * A time t as text in the unit that suits `span` (default: t itself), with `t(key, value)` giving the
 * unit's words ("{0} s", "{0} 秒").
 */
export function formatTime(seconds, tr, span = Math.abs(seconds), step = span / 100) {
  const [factor, unit] = unitFor(span || 1);
  const d = decimals(step || 1e-9, factor);
  return tr(unit, (seconds * factor).toFixed(Math.min(d, 3)));
}

/** A span from a to b: "1.20–2.40 s". */
export function formatSpan(a, b, tr, span = Math.max(Math.abs(b - a), Math.abs(b))) {
  const [factor, unit] = unitFor(span || 1);
  const d = Math.min(3, decimals(span / 200 || 1e-9, factor)); // as fine as a fifth of a percent of what is in view
  return tr(unit, `${(a * factor).toFixed(d)}–${(b * factor).toFixed(d)}`);
}

/** The axis's tick format for a domain: numbers in one unit; the unit goes in the axis label. */
export function tickFormat(domain, ticks) {
  const span = domain[1] - domain[0];
  const [factor, unit] = unitFor(Math.max(Math.abs(domain[1]), span));
  const d = decimals(span / Math.max(1, ticks), factor);
  return { unit, format: (v) => (v * factor).toFixed(Math.min(d, 4)) };
}
