import { test, assertEqual } from "./harness.js";
import { translator } from "/js/i18n.js";

test("i18n: a text's placeholders take the arguments in order", () => {
  const t = translator({ "outcome.failed": "Failed after {0} s: {1}" });
  assertEqual(t("outcome.failed", "1.50", "boom"), "Failed after 1.50 s: boom");
});

test("i18n: a missing key shows the key, a missing argument keeps its placeholder", () => {
  const t = translator({ a: "x {0} {1}" });
  assertEqual(t("nope"), "nope");
  assertEqual(t("a", 1), "x 1 {1}");
});
