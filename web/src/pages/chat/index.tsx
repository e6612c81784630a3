import { PageHeader } from '../../components/feedback';

/** The Chat page (being built). */
export function Component() {
  return (
    <div className="p-6">
      <PageHeader title="Chat" />
    </div>
  );
}
