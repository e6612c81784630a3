import { PageHeader } from '../../components/feedback';

/** The Documents page (being built). */
export function Component() {
  return (
    <div className="p-6">
      <PageHeader title="Documents" />
    </div>
  );
}
