import type { StepKindRunner } from '../step-kind.js';

/**
 * Waits for a person: makes the approval row, marks the run waiting, sleeps on DBOS.recv until
 * answered (or its timeout), and gives `{ approved, comment, values, answered_by }`.
 * (To be built: the approvals part of issue 18.)
 */
export const runApprovalStep: StepKindRunner<'approval'> = async () => {
  throw new Error('approval steps are not built yet');
};
