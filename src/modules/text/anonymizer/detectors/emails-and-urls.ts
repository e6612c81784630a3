import { LinkifyIt } from 'linkify-it';
import { findingAt, type Finding } from '../finding.js';

/** linkify-it (markdown-it's link finder): full Unicode, the IANA top-level domains, bare `example.com` too. */
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false });

/**
 * Email addresses and URLs. An address or a link with a scheme is near certain; a bare domain
 * (`example.com`) less so, as file names and version strings can look like one.
 */
export function findEmailsAndUrls(text: string): Finding[] {
  return (linkify.match(text) ?? []).map((match) => {
    const isEmail = match.schema === 'mailto:' && !match.raw.toLowerCase().startsWith('mailto:');
    return findingAt(text, {
      type: isEmail ? 'email' : 'url',
      start: match.index,
      end: match.lastIndex,
      confidence: isEmail ? 0.95 : match.schema === '' ? 0.75 : 0.9,
    });
  });
}
