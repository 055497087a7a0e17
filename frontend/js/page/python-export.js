// CPython's run exported as ThreadLab's is: its recording (docs/protocol.md's messages, as they came) and
// its timeline as a Perfetto trace, each with a button of the share section, offered once CPython ran.
import { download, fileName } from "../share.js";
import { perfettoTrace } from "../perfetto.js";
import { pythonRecording } from "../python-model.js";

/** The share section's CPython buttons (found with `byId`) for `scenario` in `lang`. */
export function pythonExport({ store, t, byId, scenario, lang }) {
  const recordingButton = byId("download-python");
  const traceButton = byId("export-python-trace");
  const say = (text) => {
    byId("share-status").textContent = text;
    byId("share-status").classList.remove("error");
  };

  store.on("change.python-export", (s, changed) => {
    if (!changed.has("python")) return;
    recordingButton.disabled = traceButton.disabled = !s.python;
  });
  recordingButton.addEventListener("click", () => {
    const run = store.state.python;
    if (!run) return;
    const text = JSON.stringify(pythonRecording(run, scenario, lang));
    download(new Blob([text], { type: "application/json" }), fileName(`${scenario}-cpython`, "json"));
  });
  traceButton.addEventListener("click", () => {
    const run = store.state.python;
    if (!run) return;
    const trace = perfettoTrace(run.model, t);
    download(new Blob([trace.bytes], { type: "application/octet-stream" }), fileName(`${scenario}-cpython`, "perfetto-trace"));
    say(t("share.python-trace", trace.tracks, trace.slices, trace.flows));
  });
}
