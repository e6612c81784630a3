import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** The rules checked: WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** One problem axe found, as a line a reader can act on. */
interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page (injecting it once per document) and returns its violations as
 * readable lines: rule id, impact, the elements' selectors and what to do. Empty when clean.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const injected = await page.evaluate('typeof window.axe === "object"');
  if (!injected) await page.evaluate(axe.source);
  const findings = await page.evaluate<Finding[]>(`
    window.axe
      .run(document, {
        runOnly: { type: 'tag', values: ${JSON.stringify(tags)} },
        resultTypes: ['violations'],
      })
      .then((found) =>
        found.violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact ?? null,
          help: violation.help,
          // Each element with what is wrong there (a contrast check gives its ratio and colours).
          targets: violation.nodes.map((node) =>
            [node.target.join(' '), [...node.any, ...node.all, ...node.none][0]?.message]
              .filter(Boolean)
              .join(': '),
          ),
        })),
      )
  `);
  return findings.map(
    (finding) =>
      `${finding.id} (${finding.impact ?? 'no impact'}): ${finding.help}\n    ${finding.targets.join('\n    ')}`,
  );
}
