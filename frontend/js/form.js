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
