// A listing with line numbers whose lines can be pointed at: the Java listing is the scenario's real
// source, and every event carries the line that made it.
import d3 from "./d3.js";

/** Turns the text of a <pre> into numbered lines; returns highlight(line), which marks and shows one. */
export function codeView(pre) {
  const lines = pre.textContent.replace(/\n$/, "").split("\n");
  const root = d3.select(pre).text("");
  root
    .selectAll("span.code-line")
    .data(lines)
    .join("span")
    .attr("class", "code-line")
    .attr("data-line", (_, i) => i + 1)
    .text((text) => `${text}\n`);
  return function highlight(line) {
    root.selectAll("span.code-line").classed("highlighted", (_, i) => i + 1 === line);
    const node = root.select(`span.code-line[data-line="${line}"]`).node();
    if (node) {
      pre.scrollTop = node.offsetTop - pre.clientHeight / 3;
    }
  };
}
