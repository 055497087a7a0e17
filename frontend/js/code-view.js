// A listing with line numbers whose lines can be pointed at: every event carries the line of the Java
// listing that made it, and each Java line maps to a line of the Python listing. Each thread has a marker
// in its own colour on the line it is at; a marker of a thread held while paused can be clicked to let
// that thread take its step.
import d3 from "./d3.js";

/**
 * Turns the text of a <pre> into numbered lines. Returns {highlight(line), markers(list), text(source)}:
 * markers takes [{id, name, line, color, held}] and draws them; clicking one dispatches "marker" {id}.
 */
export function codeView(pre, dispatch = null) {
  const root = d3.select(pre);
  function fill(source) {
    const lines = source.replace(/\n$/, "").split("\n");
    root.text("");
    const line = root
      .selectAll("span.code-line")
      .data(lines)
      .join("span")
      .attr("class", "code-line")
      .attr("data-line", (_, i) => i + 1);
    line.append("span").attr("class", "markers");
    line.append("span").attr("class", "code-text").text((text) => `${text}\n`);
  }
  fill(pre.textContent);

  return {
    /** Replaces the listing's text (a listing rendered with the run's parameters). */
    text(source) {
      if (source != null && source !== root.selectAll("span.code-text").nodes().map((n) => n.textContent).join("")) fill(source);
    },
    /** The text of a line (without its number), or "". */
    lineText(line) {
      const node = root.select(`span.code-line[data-line="${line}"] span.code-text`).node();
      return node ? node.textContent.trim() : "";
    },
    /** Marks one line and scrolls it into the middle of the listing's box. */
    highlight(line) {
      root.selectAll("span.code-line").classed("highlighted", function () {
        return Number(this.dataset.line) === line;
      });
      const node = root.select(`span.code-line[data-line="${line}"]`).node();
      if (node) pre.scrollTop = node.offsetTop - pre.clientHeight / 3;
    },
    /** Draws one marker per thread on its line. */
    markers(list) {
      const byLine = d3.group(list.filter((m) => m.line > 0), (m) => m.line);
      root.selectAll("span.code-line").each(function () {
        let here = byLine.get(Number(this.dataset.line)) ?? [];
        if (here.length > 4) {
          // many threads on one line: three markers, and how many more
          const more = here.slice(3);
          const first = here.slice(0, 3);
          here = [...first, { id: "more", name: "", glyph: `+${more.length}`, color: "#59636e", title: more.map((m) => m.name).join(", ") }];
          here.push(...more.filter((m) => m.held || m.selected).slice(0, 2));
        }
        const box = d3.select(this).select("span.markers");
        if (!here.length && box.node().childElementCount === 0) return;
        box
          .selectAll("span.marker")
          .data(here, (m) => m.id)
          .join((enter) =>
            enter
              .append("span")
              .attr("class", "marker")
              .on("click", (event, m) => dispatch && dispatch.call("marker", null, { id: m.id })),
          )
          .classed("held", (m) => Boolean(m.held))
          .classed("selected", (m) => Boolean(m.selected))
          .attr("data-actor", (m) => m.name)
          .attr("title", (m) => m.title)
          .attr("role", (m) => (m.held ? "button" : null))
          .attr("tabindex", (m) => (m.held ? 0 : null))
          .attr("aria-label", (m) => m.title)
          .style("background-color", (m) => m.color)
          .style("border-color", (m) => m.color)
          .text((m) => m.glyph);
      });
    },
  };
}
