import { PageHeader } from '../../components/feedback';

/** The Admin page (being built). */
export function Component() {
  return (
    <div className="p-6">
      <PageHeader title="Admin" />
    </div>
  );
}
