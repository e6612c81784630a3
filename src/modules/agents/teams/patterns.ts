import type { TeamSnapshot, TeamTurn } from './schema.js';
import { chooseVote } from './vote.js';

/** How a pattern ends. */
export interface PatternEnd {
  status: 'succeeded' | 'failed';
  output: string | null;
  error: { code: string; message: string } | null;
}

/** What a pattern may do: give a member a turn (an agent run), undo a member's work. Both durable. */
export interface TeamPlay {
  team: TeamSnapshot;
  input: string;
  turn(spec: { key: string; member: number; round: number; input: string }): Promise<TeamTurn>;
  compensate(spec: { key: string; member: number; output: string }): Promise<TeamTurn>;
}

const succeeded = (output: string | null): PatternEnd => ({ status: 'succeeded', output, error: null });
const failed = (code: string, turn: TeamTurn): PatternEnd => ({
  status: 'failed',
  output: null,
  error: {
    code,
    message: `${turn.agent} (${turn.key}) failed: ${turn.error?.message ?? turn.status}`,
  },
});
const ok = (turn: TeamTurn) => turn.status === 'succeeded';
const memberWith = (team: TeamSnapshot, role: string, fallback: number) => {
  const index = team.members.findIndex((member) => member.role === role);
  return index >= 0 ? index : fallback;
};

/** The supervisor plans, the workers answer their parts (all at once), the supervisor combines. */
async function supervisor(play: TeamPlay): Promise<PatternEnd> {
  const { team, input } = play;
  const lead = memberWith(team, 'supervisor', 0);
  const workers = team.members.map((_, index) => index).filter((index) => index !== lead);
  const roster = workers.map((index) => `- ${team.members[index]?.agent}`).join('\n');
  const plan = await play.turn({
    key: 'plan',
    member: lead,
    round: 0,
    input: `Goal: ${input}\n\nYour team:\n${roster}\n\nSay in one line per member, starting with its name, what it should do.`,
  });
  if (!ok(plan)) return failed('TEAM_MEMBER_FAILED', plan);
  if (workers.length === 0) return succeeded(plan.output);
  const parts = await Promise.all(
    workers.map((index) => {
      const name = team.members[index]?.agent ?? '';
      const line = (plan.output ?? '').split('\n').find((text) => text.includes(name));
      return play.turn({
        key: `work-${index}`,
        member: index,
        round: 1,
        input: line ? `${line.trim()}\n\n${input}` : input,
      });
    }),
  );
  const answered = parts.filter(ok);
  const [firstFailure] = parts.filter((turn) => !ok(turn));
  if (answered.length === 0 && firstFailure) return failed('TEAM_MEMBER_FAILED', firstFailure);
  const combined = await play.turn({
    key: 'combine',
    member: lead,
    round: 2,
    input: `Combine your team's answers into one reply to: ${input}\n\n${answered
      .map((turn) => `${turn.agent}:\n${turn.output ?? ''}`)
      .join('\n\n')}`,
  });
  return ok(combined) ? succeeded(combined.output) : failed('TEAM_MEMBER_FAILED', combined);
}

/**
 * Each member takes the previous one's output. When one fails, the members before it are undone,
 * last first, through their compensation tools (those that have one), and the run fails.
 */
async function pipeline(play: TeamPlay): Promise<PatternEnd> {
  let current = play.input;
  const done: TeamTurn[] = [];
  for (const [index] of play.team.members.entries()) {
    const turn = await play.turn({ key: `stage-${index}`, member: index, round: index, input: current });
    if (!ok(turn)) {
      for (const earlier of [...done].reverse()) {
        if (!play.team.members[earlier.member]?.compensation_tool) continue;
        await play.compensate({
          key: `undo-${earlier.member}`,
          member: earlier.member,
          output: earlier.output ?? '',
        });
      }
      return failed('PIPELINE_MEMBER_FAILED', turn);
    }
    done.push(turn);
    current = turn.output ?? '';
  }
  return succeeded(current);
}

/** Whether a critic's reply approves: JSON `{"approved": true}`, or the marker not negated. */
export function approves(reply: string | null, marker: string): boolean {
  if (!reply) return false;
  try {
    const parsed: unknown = JSON.parse(reply);
    if (parsed && typeof parsed === 'object' && 'approved' in parsed) return parsed.approved === true;
  } catch {
    // not JSON: look for the marker
  }
  const text = reply.toLowerCase();
  const word = marker.toLowerCase();
  return text.includes(word) && !text.includes(`not ${word}`);
}

/** The writer drafts, the critic reviews, until the critic approves or the rounds run out. */
async function review(play: TeamPlay): Promise<PatternEnd> {
  const { team, input } = play;
  const writer = memberWith(team, 'writer', 0);
  const critic = memberWith(team, 'critic', writer === 0 ? 1 : 0);
  const marker = team.options.approval_marker;
  let draft: TeamTurn | undefined;
  let feedback = '';
  for (let round = 1; round <= team.options.max_rounds; round++) {
    const ask = draft
      ? `${input}\n\nYour previous draft:\n${draft.output ?? ''}\n\nThe critic's feedback:\n${feedback}\n\nWrite an improved version.`
      : input;
    draft = await play.turn({ key: `write-${round}`, member: writer, round, input: ask });
    if (!ok(draft)) return failed('TEAM_MEMBER_FAILED', draft);
    const verdict = await play.turn({
      key: `review-${round}`,
      member: critic,
      round,
      input: `Review this answer to "${input}". If it is good, reply ${marker}; otherwise say what to change.\n\n${draft.output ?? ''}`,
    });
    if (!ok(verdict)) return failed('TEAM_MEMBER_FAILED', verdict);
    if (approves(verdict.output, marker)) return succeeded(draft.output);
    feedback = verdict.output ?? '';
  }
  return succeeded(draft?.output ?? null);
}

/** Every member answers the same input (all at once); the strategy picks the answer. */
async function vote(play: TeamPlay): Promise<PatternEnd> {
  const ballots = await Promise.all(
    play.team.members.map((_, index) =>
      play.turn({ key: `vote-${index}`, member: index, round: 1, input: play.input }),
    ),
  );
  const answered = ballots.filter(ok);
  const [firstFailure] = ballots;
  if (answered.length === 0 && firstFailure) return failed('TEAM_MEMBER_FAILED', firstFailure);
  return succeeded(chooseVote(answered, play.team.options.strategy));
}

export const patterns = { supervisor, pipeline, review, vote } as const;
