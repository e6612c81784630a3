import { PageHeader } from '../../components/feedback';

/** The Tools page (being built). */
export function Component() {
  return (
    <div className="p-6">
      <PageHeader title="Tools" />
    </div>
  );
}
