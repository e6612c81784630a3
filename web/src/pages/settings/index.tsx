import { PageHeader } from '../../components/feedback';

/** The Settings page (being built). */
export function Component() {
  return (
    <div className="p-6">
      <PageHeader title="Settings" />
    </div>
  );
}
