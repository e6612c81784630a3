import { Navigate, useParams } from 'react-router';
import { SectionedPage } from '../../components/section-nav';
import { DeliveriesSection } from './deliveries-section';
import { HistorySection } from './history-section';
import { LiveSection } from './live-section';
import { StatsSection } from './stats-section';
import { SubscriptionsSection } from './subscriptions-section';

const sections = [
  { id: 'subscriptions', label: 'Subscriptions', render: () => <SubscriptionsSection /> },
  { id: 'deliveries', label: 'Deliveries', render: () => <DeliveriesSection /> },
  { id: 'live', label: 'Live', render: () => <LiveSection /> },
  { id: 'history', label: 'History', render: () => <HistorySection /> },
  { id: 'analytics', label: 'Analytics', render: () => <StatsSection /> },
];

/** The Events page: subscriptions and where they send, deliveries and dead letters, history, analytics. */
export function Component() {
  const { section } = useParams();
  const current = sections.find((candidate) => candidate.id === section);
  if (!current) return <Navigate to="/events/subscriptions" replace />;
  return (
    <SectionedPage title="Events" sections={sections} active={current.id} basePath="/events">
      {current.render()}
    </SectionedPage>
  );
}
