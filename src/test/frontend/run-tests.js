// Runs every pure-logic test of the frontend (a module of its own: the pages' CSP allows no inline script).
import { run } from "./harness.js";
import "./model.test.js";
import "./i18n.test.js";
import "./form.test.js";
import "./objects.test.js";
import "./layout.test.js";
import "./geometry.test.js";
import "./page-state.test.js";
import "./replay.test.js";
import "./pages.test.js";
import "./palette.test.js";
import "./perfetto.test.js";
import "./challenges.test.js";
import "./listing.test.js";
import "./python-run.test.js";
import "./qr.test.js";
import "./room.test.js";
import "./python-model.test.js";
import "./python-compare.test.js";

run();
