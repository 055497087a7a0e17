// The last run of a lesson in this tab, kept in the session's storage, so that a reload brings it back
// (replayable) when the address still asks for the same parameters and settings.
import { parseRecording } from "../replay.js";

export function lastRun(scenario, storage = sessionStorage) {
  const key = `threadlab:last:${scenario}`;
  return {
    remember(recording) {
      try {
        storage.setItem(key, JSON.stringify(recording));
      } catch {
        storage.removeItem(key); // too big to keep: a reload starts afresh
      }
    },
    /** Opens the recording kept with `open`, if it was run with these parameters and settings. */
    restore(params, settings, open) {
      const text = storage.getItem(key);
      if (!text) return;
      try {
        const recording = parseRecording(text);
        const same = (a, b) => Object.keys(a).every((k) => String(a[k]) === String(b[k] ?? ""));
        if (same(params, recording.started.params) && same(settings, recording.started.settings)) open(recording);
      } catch {
        storage.removeItem(key);
      }
    },
  };
}
