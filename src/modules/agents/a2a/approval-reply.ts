/** A tool call a waiting run holds, as the A2A answer names it. */
export interface HeldCall {
  approval_id: string;
  tool: string;
  input?: unknown;
}

/** The answers a reply gives, or why it gives none. */
export type ApprovalReply =
  { answers: { approval_id: string; approved: boolean; reason?: string }[] } | { problem: string };

/** One line of a reply: a verb, then `all` or an approval id, then an optional `: reason`. */
const line = /^(approve|refuse|deny|reject)\s+(\S+?)\s*(?::\s*(.*))?$/i;

/** How to answer, for the messages that ask. */
export const approvalReplyGrammar =
  'Answer in this task, one line per held call: "approve <approval id>" or "refuse <approval id>: <reason>"; or a single line "approve all" or "refuse all: <reason>".';

/** What a waiting run asks for, in words: its held calls with their approval ids, and how to answer. */
export function describeHeldCalls(held: HeldCall[]): string {
  const calls = held.map((call) => `- ${call.approval_id}: ${call.tool} ${JSON.stringify(call.input ?? {})}`);
  return [
    `The agent waits for your approval of ${held.length} tool call(s):`,
    ...calls,
    approvalReplyGrammar,
  ].join('\n');
}

/**
 * Reads an A2A reply to a run waiting for approvals. It must answer every held call explicitly:
 * `approve all` / `refuse all: <reason>` alone, or one `approve <id>` / `refuse <id>: <reason>`
 * line per held call (`deny` and `reject` are `refuse`). Anything else — "ok", an unknown id, a call
 * left out or answered twice, `all` beside other lines — answers nothing, and says why.
 */
export function parseApprovalReply(text: string, held: HeldCall[]): ApprovalReply {
  const lines = text
    .split('\n')
    .map((each) => each.trim())
    .filter((each) => each.length > 0);
  const parsed: { approval_id: string; approved: boolean; reason?: string }[] = [];
  for (const each of lines) {
    const match = line.exec(each);
    if (!match) return { problem: `"${each.slice(0, 100)}" is not an answer.` };
    const approved = match[1]?.toLowerCase() === 'approve';
    const reason = match[3]?.trim();
    parsed.push({
      approval_id: match[2] ?? '',
      approved,
      ...(!approved && reason ? { reason: reason.slice(0, 2_000) } : {}),
    });
  }
  if (parsed.length === 0) return { problem: 'The reply answers nothing.' };
  const all = parsed.filter((answer) => answer.approval_id.toLowerCase() === 'all');
  if (all.length > 0) {
    if (parsed.length > 1) return { problem: '"all" must be the only line of the reply.' };
    const every = all[0] as (typeof parsed)[number];
    return { answers: held.map((call) => ({ ...every, approval_id: call.approval_id })) };
  }
  const ids = new Set(held.map((call) => call.approval_id));
  const seen = new Set<string>();
  for (const answer of parsed) {
    if (!ids.has(answer.approval_id)) return { problem: `The run holds no call ${answer.approval_id}.` };
    if (seen.has(answer.approval_id)) return { problem: `${answer.approval_id} is answered twice.` };
    seen.add(answer.approval_id);
  }
  const missing = held.filter((call) => !seen.has(call.approval_id));
  if (missing.length > 0)
    return {
      problem: `No answer for ${missing.map((call) => `${call.approval_id} (${call.tool})`).join(', ')}.`,
    };
  return { answers: parsed };
}
