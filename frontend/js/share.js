// Files for sharing a run: its recording (to open again in the viewer), the timeline as SVG and PNG,
// the run as a Perfetto trace. Each is made here in the browser and handed over as a download.

/** Hands `blob` to the learner as a file called `name`. */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name for this run: threadlab-<scenario>-<date and time>.<ext>. */
export function fileName(scenario, ext, date = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  const stamp = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
  return `threadlab-${scenario}-${stamp}.${ext}`;
}

const VARIABLES = ["--ink", "--muted", "--line", "--paper", "--panel", "--accent", "--go", "--danger", "--highlight"];

/** The CSS rules of the page's own stylesheets that style something in `svg`, as text. */
function rulesFor(svg) {
  const out = [];
  for (const sheet of document.styleSheets) {
    let rules;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of rules) {
      if (!rule.selectorText) continue;
      try {
        if (svg.querySelector(rule.selectorText) || svg.matches(rule.selectorText)) out.push(rule.cssText);
      } catch {
        // a selector this engine cannot match on its own: not one of the timeline's
      }
    }
  }
  return out.join("\n");
}

/**
 * The timeline as a standalone SVG document: `svg` (drawn in SVG, not on the canvas) with the page's
 * patterns and the rules that style it copied in, on a white background.
 */
export function standaloneSvg(svg, title) {
  const clone = svg.cloneNode(true);
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.removeAttribute("aria-describedby");
  clone.setAttribute("role", "img");
  const defs = clone.querySelector("defs");
  const patterns = document.getElementById("pattern-defs");
  if (patterns) for (const p of patterns.querySelectorAll("pattern")) defs.append(p.cloneNode(true));
  const style = document.createElementNS("http://www.w3.org/2000/svg", "style");
  // the page's colours and sizes are custom properties of its root: the file needs them on its own
  const root = getComputedStyle(document.documentElement);
  const vars = VARIABLES.map((v) => `${v}: ${root.getPropertyValue(v).trim() || "initial"};`).join(" ");
  style.textContent = `svg { ${vars} font-family: "DejaVu Sans Mono", monospace; }\n${rulesFor(svg)}`;
  defs.append(style);
  const titleNode = document.createElementNS("http://www.w3.org/2000/svg", "title");
  titleNode.textContent = title;
  clone.insertBefore(titleNode, clone.firstChild);
  const background = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#ffffff");
  clone.insertBefore(background, defs.nextSibling);
  for (const node of clone.querySelectorAll("[tabindex]")) node.removeAttribute("tabindex");
  return new XMLSerializer().serializeToString(clone);
}

/** An SVG document's text drawn into a PNG at `scale` times its size. */
export function pngOf(svgText, width, height, scale = 2) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const ctx = canvas.getContext("2d");
      ctx.scale(scale, scale);
      ctx.drawImage(image, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("png"))), "image/png");
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error("svg"));
    };
    image.src = url;
  });
}
