import { useState } from 'react';
import { Link } from 'react-router';
import type { ApprovalView } from '../../api/workflow-types';
import { Button } from '../../components/button';
import { ErrorNotice } from '../../components/feedback';
import { TextArea } from '../../components/field';
import { Time } from '../../components/time';
import { useSchemaForm } from '../workflows/use-schema-form';
import { useAnswerApproval } from './approval-api';

/** One approval waiting: what the run asks, its form fields, a comment, Approve and Refuse. */
export function ApprovalCard({ approval }: { approval: ApprovalView }) {
  const answer = useAnswerApproval(approval.id);
  const form = useSchemaForm(approval.fields, answer.error);
  const [comment, setComment] = useState('');
  const send = (approved: boolean) => {
    // A refusal needs no form values: only an approval is checked against the fields.
    const values = approved ? form.build() : {};
    if (values === null) return;
    answer.mutate({
      approved,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(approved && !form.empty ? { values } : {}),
    });
  };
  const headingId = `approval-${approval.id}`;
  return (
    <li>
      <article
        aria-labelledby={headingId}
        className="rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-900"
      >
        <h2 id={headingId} className="font-semibold">
          {approval.workflow_name}{' '}
          <span className="font-mono text-sm font-normal">· {approval.step_path}</span>
        </h2>
        <p className="text-xs text-neutral-600 dark:text-neutral-400">
          Asked <Time value={approval.created_at} relativeToNow />
          {approval.expires_at && (
            <>
              {' '}
              · expires <Time value={approval.expires_at} relativeToNow />
            </>
          )}{' '}
          · <Link to={`/runs/${approval.run_id}`}>see the run</Link>
        </p>
        <p className="mt-3 whitespace-pre-wrap">{approval.message}</p>
        <form
          className="mt-3 flex flex-col gap-3"
          noValidate
          aria-label={`Answer ${approval.workflow_name}`}
          onSubmit={(event) => {
            event.preventDefault();
            send(true);
          }}
        >
          {form.inputs}
          <TextArea
            label="Comment"
            rows={2}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
          {!form.placed && <ErrorNotice error={answer.error} />}
          <div className="flex gap-2">
            <Button type="submit" variant="primary" disabled={answer.isPending}>
              Approve
            </Button>
            <Button variant="danger" disabled={answer.isPending} onClick={() => send(false)}>
              Refuse
            </Button>
          </div>
        </form>
      </article>
    </li>
  );
}
