// The run form: reads the parameter values and run settings as typed JSON values, applies a variant.

function typed(input) {
  if (input.type === "checkbox") return input.checked;
  // Anything that is not a number goes as typed, so the server's refusal quotes it.
  const number = Number(input.value);
  return input.value.trim() !== "" && Number.isFinite(number) ? number : input.value;
}

/** {params, settings} from the form: inputs marked data-param and data-setting; numbers stay numbers. */
export function readForm(form) {
  const params = {};
  const settings = {};
  for (const input of form.querySelectorAll("input[data-param]")) params[input.name] = typed(input);
  for (const input of form.querySelectorAll("input[data-setting]")) settings[input.name] = typed(input);
  return { params, settings };
}

/** Sets the inputs named in values. */
export function applyVariant(form, values) {
  for (const [name, value] of Object.entries(values)) {
    const input = form.querySelector(`input[name="${name}"]`);
    if (!input) continue;
    if (input.type === "checkbox") input.checked = Boolean(value);
    else input.value = value;
  }
}

/** The defaults of the inputs (data-default), by name, as typed values. */
export function formDefaults(form) {
  const values = {};
  for (const input of form.querySelectorAll("input[data-default]")) {
    const d = input.dataset.default;
    values[input.name] = input.type === "checkbox" ? d === "true" : Number.isFinite(Number(d)) ? Number(d) : d;
  }
  return values;
}

/** Marks the input named `name` as the one in error (aria-invalid, described by the message) and focuses it. */
export function markInvalid(form, name, messageId) {
  clearInvalid(form);
  const input = form.querySelector(`input[name="${CSS.escape(name)}"]`);
  if (!input) return false;
  input.setAttribute("aria-invalid", "true");
  if (messageId) input.setAttribute("aria-describedby", messageId);
  input.closest("details")?.setAttribute("open", "");
  input.focus();
  return true;
}

export function clearInvalid(form) {
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
  }
}
