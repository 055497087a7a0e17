// Real CPython beside the run: the same listing, rendered for the form's values, runs under the
// server's python3 at the same speed (docs/protocol.md, "python"); its printed lines are shown with
// their lesson times in #python-run, beside ThreadLab's console. Its own socket: closing it ends the
// program. Every message of the CPython run is dispatched on the section as a "python-message" event
// (detail: the message; "python-asked" first, with the values asked for), for CPython's own timeline
// (python-timeline.js) to draw.
import { socketUrl } from "./connection.js";
import { readForm } from "./form.js";
import { pageTranslator } from "./i18n.js";

/** The sentence for how a CPython run ended, in the page's words (Python's own words for an error). */
export function endText(t, version, end) {
  const seconds = t("python.seconds", Number(end.elapsed ?? 0).toFixed(2));
  if (end.status === "HANG") {
    const where = (end.frames ?? []).filter((f) => f.line > 0).map((f) => t("python.stuck", f.thread, f.line));
    return t("python.end.HANG", version, seconds, where.join(t("python.and")));
  }
  if (end.status === "CANCELLED" && end.error) return t("python.end.LIMIT", version, seconds);
  return t(`python.end.${end.status}`, version, seconds, end.error ?? "");
}

/** The sentence for a refusal. */
export function refusalText(t, error) {
  if (error.code === "no-python") return t("python.none");
  if (error.code === "busy") return t("python.busy");
  return t("python.error", error.message);
}

/** Wires the section: the button, the status line and the lines printed. */
export function pythonRun({ section, form, scenario, lang, t, open = (url) => new WebSocket(url), fetcher = fetch }) {
  const button = section.querySelector("button.python-run-button");
  const status = section.querySelector(".python-status");
  const list = section.querySelector("ol.python-lines");
  let socket = null;
  let version = "";

  function show(text, state) {
    status.textContent = text;
    section.dataset.state = state;
  }

  function append(lines) {
    for (const line of lines) {
      const li = document.createElement("li");
      li.className = `python-line python-${line.stream}`;
      const time = document.createElement("span");
      time.className = "python-time";
      time.textContent = t("python.seconds", Number(line.t).toFixed(2));
      const who = document.createElement("span");
      who.className = "python-thread";
      who.textContent = line.thread;
      const text = document.createElement("span");
      text.className = "python-text";
      text.textContent = line.text;
      li.append(time, who, text);
      list.append(li);
    }
  }

  /** Tells CPython's timeline what happened. */
  function tell(message) {
    section.dispatchEvent(new CustomEvent("python-message", { detail: message }));
  }

  function start() {
    socket?.close();
    list.replaceChildren();
    show(t("python.starting"), "starting");
    const { params, settings } = readForm(form);
    const mine = open(socketUrl());
    socket = mine;
    let runId = null;
    tell({ type: "python-asked", scenario, params, settings, lang });
    mine.addEventListener("open", () => mine.send(JSON.stringify({ type: "python", scenario, params, settings, lang })));
    mine.addEventListener("message", (message) => {
      const data = JSON.parse(message.data);
      if (data.type === "python-queued") {
        show(t("python.queued", data.position), "queued");
      } else if (data.type === "python-started") {
        runId = data.pythonRunId;
        version = data.version;
        show(t("python.running", version), "running");
        tell(data);
      } else if (data.type === "python-output" && data.pythonRunId === runId) {
        append(data.lines);
        tell(data);
      } else if (data.type === "python-events" && data.pythonRunId === runId) {
        tell(data);
      } else if (data.type === "python-end" && data.pythonRunId === runId) {
        tell(data);
        show(endText(t, version, data), `ended-${data.status.toLowerCase()}`);
        mine.close();
      } else if (data.type === "error") {
        show(refusalText(t, data), data.code === "no-python" ? "none" : "refused");
        if (data.code === "no-python") button.hidden = true;
        mine.close();
      }
    });
  }

  button.addEventListener("click", start);
  // Say at once whether this server can do it at all.
  const asked = fetcher("/api/python")
    .then((response) => (response.ok ? response.json() : {}))
    .then((answer) => {
      if (answer.version) {
        version = answer.version;
        show(t("python.offer", version), "ready");
      } else if (answer.missing) {
        button.hidden = true;
        show(t("python.none"), "none");
      }
    })
    .catch(() => {});
  return { start, asked };
}

const section = document.getElementById("python-run");
const page = document.querySelector("main.scenario");
const form = document.getElementById("run-form");
if (section && page && form) {
  pythonRun({ section, form, scenario: page.dataset.scenario, lang: document.documentElement.lang || "en", t: pageTranslator() });
}
