import { isIPv4, isIPv6 } from 'node:net';
import { findingAt, type Finding } from '../finding.js';

/** Dotted quads and colon-hex runs that Node's own parser accepts as IPv4 or IPv6 addresses. */
export function findIpAddresses(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(/(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\.?\d)/g))
    if (isIPv4(match[0])) findings.push(ipFinding(text, match, 'IPv4'));
  for (const match of text.matchAll(
    /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{1,4})?(?![\w:])/g,
  ))
    if (/[0-9A-Fa-f]/.test(match[0]) && isIPv6(match[0])) findings.push(ipFinding(text, match, 'IPv6'));
  return findings;
}

function ipFinding(text: string, match: RegExpExecArray, version: string): Finding {
  return findingAt(text, {
    type: 'ip_address',
    start: match.index,
    end: match.index + match[0].length,
    confidence: 0.9,
    detail: version,
  });
}
