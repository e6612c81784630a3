import { PageHeader } from '../../components/feedback';

/** The Tasks page (being built). */
export function Component() {
  return (
    <div className="p-6">
      <PageHeader title="Tasks" />
    </div>
  );
}
