import type { WorkflowDefinitionInput } from '../../../src/modules/workflows/definition.js';
import { answer, type Dialogue, turn } from './dialogue.js';

/** A workflow that waits for the user's approval, then saves a note if approved. */
const askFirst: WorkflowDefinitionInput = {
  name: 'ask-first',
  description: 'Asks before saving the weekly note',
  steps: [
    { id: 'ask', kind: 'approval', message: 'Save the weekly note?' },
    {
      id: 'save',
      kind: 'tool',
      needs: ['ask'],
      if: 'steps.ask.output.approved',
      tool: 'create_note',
      input: { name: 'Weekly', content: 'Saved after approval' },
    },
  ],
};

/** Workflows and approvals from the chat: run one by name, what waits for me, approve it, refuse it. */
export const workflows: Dialogue[] = [
  {
    name: 'workflows: list them, run the daily digest by its spoken name, then how it went',
    seed: ['Pay rent · due 2026-12-06', 'Someday · due 2099-01-01'],
    workflows: ['daily-task-digest', 'weekly-overdue-reminder'],
    turns: [
      turn('show my workflows', 'list_workflows', undefined, /2 workflows[\s\S]*\*\*daily-task-digest\*\*/),
      turn(
        'run the daily digest',
        'list_workflows run_workflow',
        undefined,
        /\*\*daily-task-digest\*\* finished[\s\S]*tasks: 1/,
      ),
      turn(
        'what happened to the last run?',
        'get_workflow_run',
        undefined,
        /\*\*daily-task-digest\*\* finished/,
      ),
      turn(
        'run the quarterly report',
        'list_workflows',
        undefined,
        /no workflow called “the quarterly report”/,
      ),
    ],
  },
  {
    name: 'workflows: what is waiting for me, approve it, then nothing waits',
    workflows: [askFirst],
    runs: ['ask-first'],
    turns: [
      turn(
        'what is waiting for me?',
        'list_approvals',
        undefined,
        /1 approval is waiting[\s\S]*Save the weekly note\?/,
      ),
      turn('approve it', 'answer_approval', undefined, /^Approved “Save the weekly note\?”/),
      turn('anything to approve?', 'list_approvals', undefined, 'Nothing is waiting for your approval.'),
    ],
  },
  {
    name: 'workflows: refuse it with two waiting asks which, then refuses the second one',
    workflows: [askFirst],
    runs: ['ask-first', 'ask-first'],
    turns: [
      turn('show my approvals', 'list_approvals', undefined, /2 approvals are waiting/),
      answer('refuse it', /Which one\?/),
      turn('refuse the second one', 'answer_approval', undefined, /^Refused/),
      turn('and approve the other one', 'answer_approval', undefined, /^Approved/),
    ],
  },
  {
    name: 'workflows: “approve it” with one waiting but none shown lists it and asks, then approves it',
    workflows: [askFirst],
    runs: ['ask-first'],
    turns: [
      turn(
        'approve it',
        'list_approvals',
        undefined,
        /1 approval is waiting\. Is it this one\?[\s\S]*Save the weekly note\?/,
      ),
      turn('approve it', 'answer_approval', undefined, /^Approved “Save the weekly note\?”/),
    ],
  },
  {
    name: 'workflows: “refuse 1” with two waiting but none shown lists them and asks which',
    workflows: [askFirst],
    runs: ['ask-first', 'ask-first'],
    turns: [
      turn('refuse 1', 'list_approvals', undefined, /2 approvals are waiting\. Which one\?/),
      turn('refuse 1', 'answer_approval', undefined, /^Refused/),
    ],
  },
  {
    name: 'workflows: “approve it” with nothing shown looks first',
    turns: [
      turn('what is waiting for me?', 'list_approvals', undefined, 'Nothing is waiting for your approval.'),
      turn('approve it', 'list_approvals', undefined, 'Nothing is waiting for your approval.'),
    ],
  },
];
