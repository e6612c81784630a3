import { Navigate, useParams } from 'react-router';
import { EmptyState, Spinner } from '../../components/feedback';
import { SectionedPage } from '../../components/section-nav';
import { useCurrentUser } from '../../session';
import { AuditSection } from './audit/audit-section';
import { FeaturesSection } from './features/features-section';
import { ModelsSection } from './models/models-section';
import { InvitesSection } from './users/invites-section';
import { UsersSection } from './users/users-section';

const sections = [
  { id: 'users', label: 'Users', render: () => <UsersSection /> },
  { id: 'invites', label: 'Invite links', render: () => <InvitesSection /> },
  { id: 'audit', label: 'Audit log', render: () => <AuditSection /> },
  { id: 'models', label: 'Models', render: () => <ModelsSection /> },
  { id: 'features', label: 'Features', render: () => <FeaturesSection /> },
];

/** The Admin page: accounts, invite links, the audit log, the models and the features; for administrators only. */
export function Component() {
  const { section } = useParams();
  const user = useCurrentUser();
  if (!user.data) return <Spinner />;
  if (user.data.role !== 'admin')
    return (
      <div className="mx-auto max-w-xl p-6">
        <EmptyState title="This page is for administrators.">
          Ask an administrator of this instance if you need something changed.
        </EmptyState>
      </div>
    );
  const current = sections.find((candidate) => candidate.id === section);
  if (!current) return <Navigate to="/admin/users" replace />;
  return (
    <SectionedPage
      title="Admin"
      description="Accounts, access, models and features for everyone on this instance."
      sections={sections}
      active={current.id}
      basePath="/admin"
    >
      {current.render()}
    </SectionedPage>
  );
}
