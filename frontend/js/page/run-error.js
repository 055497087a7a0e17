// A refused start in the learner's words: a bad parameter is named by its label (and its field marked
// and focused, to fix at once), other refusals by their code.
import { markInvalid } from "../form.js";

/** The status text for the server's error `message` about a run asked with `form`. */
export function errorText(message, form, t) {
  const d = message.details ?? {};
  switch (message.code) {
    case "bad-parameter":
      if (d.parameter) markInvalid(form, d.parameter, "status");
      if (d.type === "boolean") return t("error.bad-flag", labelOf(form, d.parameter));
      return d.min != null ? t("error.bad-parameter", labelOf(form, d.parameter), d.min, d.max) : message.message;
    case "unknown-scenario":
    case "busy":
      return t(`error.${message.code}`);
    default:
      return t(`error.${message.code}`, message.message);
  }
}

/** The form's label of a parameter, for messages about it; its name if the form has none. */
function labelOf(form, name) {
  const label = form.querySelector(`input[name="${CSS.escape(name)}"]`)?.closest("label")?.querySelector(".label");
  return label ? label.textContent.trim() : name;
}
