// D3 v7 comes from its WebJar as one classic script (the page loads it before any module);
// this module is the one place that reads it, so every other module imports d3 like any module.
const d3 = globalThis.d3;
if (!d3) {
  throw new Error("D3 did not load: the page must include /webjars/d3/dist/d3.min.js before its modules");
}
export default d3;
