// Runs every test module of the frontend: a file of its own, since the page's policy allows no inline script.
import { run } from "./harness.js";
import "./model.test.js";
import "./i18n.test.js";
import "./form.test.js";
import "./objects.test.js";

run();
