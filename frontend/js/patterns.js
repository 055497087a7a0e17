// The states' patterns (the second channel beside colour) for SVG and for canvas, drawn from one
// description so that the two look the same, and the GIL's hatching in each holder's colour.
import d3 from "./d3.js";
import { STATE_STYLE, actorColor, inkOn } from "./palette.js";

const SIZE = 8;

// One tile of each pattern, as SVG path data (lines) or dots.
export const TILES = {
  diagonal: { path: "M-2,2L2,-2M0,8L8,0M6,10L10,6", width: 1.4 },
  horizontal: { path: "M0,4H8", width: 1.4 },
  vertical: { path: "M4,0V8", width: 1.4 },
  cross: { path: "M0,4H8M4,0V8", width: 1.1 },
  x: { path: "M0,0L8,8M8,0L0,8", width: 1.1 },
  dots: { dots: [[2, 2], [6, 6]], r: 1.3 },
  dashes: { path: "M1,2H4M5,6H8", width: 1.3 },
};

/**
 * A GIL turn's hatch, in its holder's colour on white: thick stripes leaning the other way from every
 * state's, so that no turn reads as "waiting for a lock" whatever its holder's colour.
 */
export const GIL_TILE = { path: "M-2,6L2,10M0,0L8,8M6,-2L10,2", width: 3 };

/** The fill of a state: its colour, or url(#…) of its pattern. */
export function stateFill(state) {
  const style = STATE_STYLE[state];
  if (!style) return "#cccccc";
  return style.pattern === "solid" ? style.color : `url(#pat-${state})`;
}

/** The fill of a GIL turn held by the thread of colour index i. */
export function gilFill(index) {
  return `url(#pat-gil-${index % 10})`;
}

/**
 * The page's one set of patterns, in a hidden <svg> of its own (made on first use), so that the
 * timeline, the legend and an exported SVG all refer to the same ids. Returns its <defs> node.
 */
export function sharedPatterns(doc = document) {
  let svg = doc.getElementById("pattern-defs");
  if (!svg) {
    svg = doc.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("id", "pattern-defs");
    svg.setAttribute("class", "pattern-defs");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("width", "0");
    svg.setAttribute("height", "0");
    svg.appendChild(doc.createElementNS("http://www.w3.org/2000/svg", "defs"));
    doc.body.appendChild(svg);
  }
  const defs = svg.querySelector("defs");
  if (!defs.firstChild) definePatterns(d3.select(defs));
  return defs;
}

/** Adds the patterns to an SVG <defs> selection (idempotent): one per patterned state, one per GIL holder. */
function definePatterns(defs) {
  const states = Object.entries(STATE_STYLE).filter(([, s]) => s.pattern !== "solid");
  const items = [
    ...states.map(([state, s]) => ({ id: `pat-${state}`, color: s.color, ink: inkOn(s.color), tile: TILES[s.pattern] })),
    { id: "pat-held", color: "#ffffff", ink: "#0550ae", tile: { path: "M-2,2L2,-2M0,8L8,0M6,10L10,6", width: 2 } },
    ...Array.from({ length: 10 }, (_, i) => ({ id: `pat-gil-${i}`, color: "#ffffff", ink: actorColor(i), tile: GIL_TILE })),
  ];
  const pattern = defs
    .selectAll("pattern.state-pattern")
    .data(items, (d) => d.id)
    .join((enter) => {
      const p = enter
        .append("pattern")
        .attr("class", "state-pattern")
        .attr("id", (d) => d.id)
        .attr("patternUnits", "userSpaceOnUse")
        .attr("width", SIZE)
        .attr("height", SIZE);
      p.append("rect").attr("width", SIZE).attr("height", SIZE).attr("fill", (d) => d.color);
      p.filter((d) => d.tile.path)
        .append("path")
        .attr("d", (d) => d.tile.path)
        .attr("stroke", (d) => d.ink)
        .attr("stroke-width", (d) => d.tile.width)
        .attr("fill", "none");
      p.filter((d) => d.tile.dots)
        .selectAll("circle")
        .data((d) => d.tile.dots.map(([cx, cy]) => ({ cx, cy, r: d.tile.r, ink: d.ink })))
        .join("circle")
        .attr("cx", (c) => c.cx)
        .attr("cy", (c) => c.cy)
        .attr("r", (c) => c.r)
        .attr("fill", (c) => c.ink);
      return p;
    });
  return pattern;
}

/** Canvas patterns, made once per 2D context: fillStyle for a state, or for a GIL holder's index. */
export function canvasFills(ctx) {
  const cache = new Map();
  function tile(color, ink, t) {
    const c = document.createElement("canvas");
    c.width = SIZE;
    c.height = SIZE;
    const g = c.getContext("2d");
    g.fillStyle = color;
    g.fillRect(0, 0, SIZE, SIZE);
    if (t.path) {
      g.strokeStyle = ink;
      g.lineWidth = t.width;
      g.stroke(new Path2D(t.path));
    } else {
      g.fillStyle = ink;
      for (const [x, y] of t.dots) {
        g.beginPath();
        g.arc(x, y, t.r, 0, 2 * Math.PI);
        g.fill();
      }
    }
    return ctx.createPattern(c, "repeat");
  }
  return {
    state(state) {
      if (!cache.has(state)) {
        const s = STATE_STYLE[state] ?? { color: "#cccccc", pattern: "solid" };
        cache.set(state, s.pattern === "solid" ? s.color : tile(s.color, inkOn(s.color), TILES[s.pattern]));
      }
      return cache.get(state);
    },
    gil(index) {
      const key = `gil:${index % 10}`;
      if (!cache.has(key)) cache.set(key, tile("#ffffff", actorColor(index), GIL_TILE));
      return cache.get(key);
    },
  };
}
