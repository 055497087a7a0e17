// The run form: reads the parameter values as typed JSON values and applies a variant's values.

/** {params, speed} from the form's inputs; numbers stay numbers, checkboxes become booleans. */
export function readForm(form) {
  const params = {};
  let speed = 1;
  for (const input of form.querySelectorAll("input[data-type]")) {
    const type = input.dataset.type;
    if (type === "speed") {
      const number = Number(input.value);
      speed = input.value.trim() !== "" && Number.isFinite(number) ? number : input.value;
    } else if (type === "boolean") {
      params[input.name] = input.checked;
    } else {
      // Anything that is not a number goes as typed, so the server's refusal quotes it.
      const number = Number(input.value);
      params[input.name] = input.value.trim() !== "" && Number.isFinite(number) ? number : input.value;
    }
  }
  return { params, speed };
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
