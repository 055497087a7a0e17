// Share and export: the page's link copied, the run's recording downloaded or a recording opened, the
// timeline as SVG or PNG, the run as a Perfetto trace; the share line says what happened.
import { download, fileName, pngOf, standaloneSvg } from "../share.js";
import { parseRecording } from "../replay.js";
import { perfettoTrace } from "../perfetto.js";
import { SVG_LIMIT } from "../timeline-rows.js";

/**
 * The share section's buttons (found with `byId`) for `scenario`; `chart` draws the timeline in `box`,
 * `open(recording)` replays a recording opened from a file.
 */
export function shareExport({ store, t, byId, scenario, chart, box, open }) {
  function say(text, error = false) {
    byId("share-status").textContent = text;
    byId("share-status").classList.toggle("error", error);
  }

  /** The timeline as a standalone SVG document, drawn whole in SVG (never on the canvas). */
  function svgText() {
    chart.svgLimit(Infinity).redraw();
    const text = standaloneSvg(box.querySelector("svg.timeline-chart"), document.title);
    chart.svgLimit(SVG_LIMIT).redraw();
    return text;
  }

  byId("copy-link").addEventListener("click", () => {
    const link = location.href;
    const done = () => say(t("share.copied", link));
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(link).then(done, () => say(t("share.copy-this", link)));
    else say(t("share.copy-this", link));
  });
  byId("download-recording").addEventListener("click", () => {
    const { recording } = store.state;
    if (!recording) return;
    download(new Blob([JSON.stringify(recording)], { type: "application/json" }), fileName(scenario, "json"));
  });
  byId("open-recording").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    try {
      const recording = parseRecording(await file.text());
      if (recording.scenario !== scenario) throw new Error("recording.other-scenario");
      open(recording);
      say(t("share.opened", file.name));
    } catch (error) {
      say(t(error.message, file.name), true);
    }
  });
  byId("export-svg").addEventListener("click", () => {
    download(new Blob([svgText()], { type: "image/svg+xml" }), fileName(scenario, "svg"));
  });
  byId("export-png").addEventListener("click", () => {
    const svg = box.querySelector("svg.timeline-chart");
    const [w, h] = [Number(svg.getAttribute("width")), Number(svg.getAttribute("height"))];
    pngOf(svgText(), w, h).then(
      (blob) => download(blob, fileName(scenario, "png")),
      () => say(t("share.png-failed"), true),
    );
  });
  byId("export-trace").addEventListener("click", () => {
    const { replay, replayT, model } = store.state;
    const trace = perfettoTrace(replay ? replay.at(replay.end) : model, t); // the whole run
    download(new Blob([trace.bytes], { type: "application/octet-stream" }), fileName(scenario, "perfetto-trace"));
    say(t("share.trace", trace.tracks, trace.slices, trace.flows));
    if (replay) store.set({ model: replay.at(replayT) }); // back to where the replay stands
  });
}
