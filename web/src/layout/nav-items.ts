import type { IconName } from './icons';

export interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  adminOnly?: boolean;
  /** A count beside the label: the approvals waiting for the user. */
  badge?: 'pendingApprovals';
}

/** The app's main pages, in the order the navigation shows them. */
export const navItems: NavItem[] = [
  { to: '/chat', label: 'Chat', icon: 'chat' },
  { to: '/tasks', label: 'Tasks', icon: 'tasks' },
  { to: '/documents', label: 'Documents', icon: 'documents' },
  { to: '/prompts', label: 'Prompts', icon: 'prompts' },
  { to: '/tools', label: 'Tools', icon: 'tools' },
  { to: '/workflows', label: 'Workflows', icon: 'workflows' },
  { to: '/runs', label: 'Runs', icon: 'runs' },
  { to: '/approvals', label: 'Approvals', icon: 'approvals', badge: 'pendingApprovals' },
  { to: '/agents', label: 'Agents', icon: 'agents' },
  { to: '/marketplace', label: 'Marketplace', icon: 'marketplace' },
  { to: '/memories', label: 'Memory', icon: 'memory' },
  { to: '/context', label: 'Context', icon: 'context' },
  { to: '/events', label: 'Events', icon: 'events' },
  { to: '/settings', label: 'Settings', icon: 'settings' },
  { to: '/admin', label: 'Admin', icon: 'admin', adminOnly: true },
];
