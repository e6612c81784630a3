import { describe, expect, it } from 'vitest';
import { assertToolStepAllowed, toolStepRefusal } from './tool-step-policy.js';

describe('the tools a tool step may call', () => {
  it('keeps the workflow tools and workflow__<name> out of reach, and lets the others through', () => {
    for (const tool of [
      'run_workflow',
      'list_workflows',
      'answer_approval',
      'list_approvals',
      'workflow__digest',
    ])
      expect(toolStepRefusal(tool), tool).toBeDefined();
    expect(toolStepRefusal('add_task')).toBeUndefined();
    expect(toolStepRefusal('github__list_issues')).toBeUndefined();
    expect(() => assertToolStepAllowed('answer_approval')).toThrow(
      expect.objectContaining({ code: 'TOOL_NOT_ALLOWED' }),
    );
    expect(() => assertToolStepAllowed('add_task')).not.toThrow();
  });
});
