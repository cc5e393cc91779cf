// axe-core over what the page shows right now: every spec calls it in each page and state it visits
// (a dialog open, a picker shown, a message type rendered), and the run fails on any serious or
// critical violation of WCAG 2.0–2.2 A/AA. Minor and moderate findings are axe's "best practice"
// territory and are not asserted.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const FAILING_IMPACTS = new Set(["serious", "critical"]);

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

function describe(violations: Violation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(" ")}\n      ${(node.failureSummary ?? "").replace(/\n/g, "\n      ")}`)
        .join("\n");
      const more = violation.nodes.length > 5 ? `\n    …and ${violation.nodes.length - 5} more` : "";
      return `- ${violation.id} (${violation.impact}): ${violation.help}\n${nodes}${more}`;
    })
    .join("\n");
}

/**
 * Fails on any serious or critical WCAG A/AA violation in the page as it is now. `label` names the
 * state in the failure message and the attached report (e.g. "composer · note mode").
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Each check brings its own time: axe takes well under a second on a quiet machine, many on a
  // loaded one, and the specs' budgets were set without it.
  test.info().setTimeout(test.info().timeout + 30_000);
  // Let CSS transitions (hover colours, a dialog fading in) settle, so contrast is measured on what
  // stays on screen.
  // Spinners run forever and are left out; a page that navigates meanwhile ends the wait.
  await page
    .evaluate(() =>
      Promise.race([
        Promise.all(
          document
            .getAnimations()
            .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
            .map((animation) => animation.finished.catch(() => undefined)),
        ),
        new Promise((resolve) => setTimeout(resolve, 2_000)),
      ]),
    )
    .catch(() => undefined);
  const started = performance.now();
  // Only violations are detailed (axe's own advice for speed); passes are merely counted.
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_AA)
    .options({ resultTypes: ["violations"] })
    .analyze();
  const took = Math.round(performance.now() - started);
  const failing = results.violations.filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ""));
  if (failing.length > 0) {
    await test.info().attach(`axe ${label}`, {
      body: JSON.stringify(failing, null, 2),
      contentType: "application/json",
    });
  }
  if (process.env.A11Y_REPORT_ONLY === "1") {
    console.log(`AXE ${label}: ${failing.length} serious/critical in ${took} ms\n${describe(failing)}`);
    return;
  }
  // The rule ids in the diff, the nodes and how to fix them in the message.
  expect(
    failing.map((violation) => violation.id),
    `accessibility of ${label}:\n${describe(failing)}`,
  ).toEqual([]);
}

/** What has the focus, and whether it is drawn: an outline, or a ring (a box-shadow spread with no offset or blur). */
async function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const ring = /0px 0px 0px [1-9]/.test(style.boxShadow);
    const name = element.getAttribute("aria-label") ?? element.textContent?.trim().slice(0, 40) ?? "";
    return { element: `<${element.tagName.toLowerCase()}> "${name}"`, drawn: outline || ring };
  });
}

/** Something has the focus and a visible ring shows where. */
export async function expectFocusVisible(page: Page): Promise<void> {
  const focus = await focused(page);
  expect(focus, "nothing has the focus").not.toBeNull();
  expect(focus!.drawn, `the focus on ${focus!.element} has no visible ring`).toBe(true);
}

/**
 * Presses Tab (Shift+Tab with `back`) until `target` has the focus, as a keyboard user would, and
 * checks that every stop on the way shows its focus ring.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { back = false, maxStops = 40 }: { back?: boolean; maxStops?: number } = {},
): Promise<void> {
  for (let stop = 0; stop < maxStops; stop++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    await expectFocusVisible(page);
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`${String(target)} not reached in ${maxStops} Tab presses`);
}
