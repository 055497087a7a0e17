import { test, assertEqual } from "./harness.js";
import { applyVariant, readForm } from "/js/form.js";

function form() {
  const f = document.createElement("form");
  f.innerHTML = `
    <input type="number" name="htmlSeconds" value="2" data-param>
    <input type="checkbox" name="daemon" data-param>
    <input type="number" name="speed" value="1" data-setting>
    <input type="checkbox" name="gil" checked data-setting>`;
  return f;
}

test("form: numbers stay numbers, checkboxes become booleans, settings are apart", () => {
  assertEqual(readForm(form()), { params: { htmlSeconds: 2, daemon: false }, settings: { speed: 1, gil: true } });
});

test("form: what is not a number goes as typed, for the server to refuse by name", () => {
  const f = form();
  f.querySelector("[name=htmlSeconds]").value = "";
  assertEqual(readForm(f).params.htmlSeconds, "");
});

test("form: a variant sets the inputs it names and leaves the rest", () => {
  const f = form();
  applyVariant(f, { daemon: true, unknown: 3 });
  assertEqual(readForm(f).params, { htmlSeconds: 2, daemon: true });
});
