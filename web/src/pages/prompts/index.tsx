import { PageHeader } from '../../components/feedback';

/** The Prompts page (being built). */
export function Component() {
  return (
    <div className="p-6">
      <PageHeader title="Prompts" />
    </div>
  );
}
