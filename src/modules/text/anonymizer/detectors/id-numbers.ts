import validator from 'validator';
import { findingAt, type Finding } from '../finding.js';

/**
 * Words just before a number that say it identifies someone or something: "SSN 078-05-1120",
 * "passport no. X1234567", "employee ID: EMP-004512".
 */
const idContext =
  /\b(?:id|ids|ssn|sin|nin|nino|tin|vat|social security|passport|licen[cs]e|account|acct|tax|national insurance|insurance|member(?:ship)?|employee|customer|client|patient|policy|case|reference|ref|badge|student|citizen|personal|identity|identification|registration|serial|contract|claim|number|no|nr|#)\b[\s.:#=-]*(?:\w+[\s.:#=-]+){0,3}$/i;

/**
 * ID-like numbers: a token of digits and capital letters, possibly split by dashes, dots or
 * slashes, with at least five digits ("078-05-1120", "X1234567", "AB123456C", "EMP-004512").
 * Near-certain (0.9) when words before it name an identifier or validator.js recognises a
 * national identity card format; otherwise only ID-shaped (0.6, below the default threshold).
 */
export function findIdNumbers(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(/(?<![\w./-])[A-Z0-9]+(?:[-./][A-Z0-9]+)*(?![\w/-]|\.\w)/g)) {
    const token = match[0];
    if ((token.match(/\d/g)?.length ?? 0) < 5 || token.length > 24) continue;
    const before = text.slice(Math.max(0, match.index - 48), match.index);
    const named = idContext.test(before) || validator.isIdentityCard(token, 'any');
    findings.push(
      findingAt(text, {
        type: 'id_number',
        start: match.index,
        end: match.index + token.length,
        confidence: named ? 0.9 : 0.6,
      }),
    );
  }
  return findings;
}
