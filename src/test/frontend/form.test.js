import { test, assertEqual } from "./harness.js";
import { applyVariant, readForm } from "/js/form.js";

function form() {
  const f = document.createElement("form");
  f.innerHTML = `
    <input type="number" name="htmlSeconds" value="2" data-type="decimal">
    <input type="checkbox" name="daemon" data-type="boolean">
    <input type="number" name="speed" value="1" data-type="speed">`;
  return f;
}

test("form: numbers stay numbers, checkboxes become booleans, speed is apart", () => {
  assertEqual(readForm(form()), { params: { htmlSeconds: 2, daemon: false }, speed: 1 });
});

test("form: what is not a number goes as typed, for the server to refuse by name", () => {
  const f = form();
  f.querySelector("[name=htmlSeconds]").value = "";
  assertEqual(readForm(f).params.htmlSeconds, "");
});

test("form: a variant sets the inputs it names and leaves the rest", () => {
  const f = form();
  applyVariant(f, { daemon: true, unknown: 3 });
  assertEqual(readForm(f), { params: { htmlSeconds: 2, daemon: true }, speed: 1 });
});
