import { Navigate, useParams } from 'react-router';
import { SectionedPage } from '../../components/section-nav';
import { ApiKeysSection } from './api-keys/api-keys-section';
import { AppearanceSection } from './appearance-section';
import { ConnectSection } from './connect/connect-section';
import { ExportSection } from './export-section';
import { McpServersSection } from './mcp-servers/mcp-servers-section';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { SessionsSection } from './sessions-section';
import { useFeature } from '../../api/features';

const sections = [
  { id: 'profile', label: 'Profile', render: () => <ProfileSection /> },
  { id: 'password', label: 'Password', render: () => <PasswordSection /> },
  { id: 'appearance', label: 'Appearance', render: () => <AppearanceSection /> },
  { id: 'sessions', label: 'Sessions', render: () => <SessionsSection /> },
  { id: 'api-keys', label: 'API keys', render: () => <ApiKeysSection /> },
  { id: 'mcp-servers', label: 'MCP servers', render: () => <McpServersSection /> },
  { id: 'connect', label: 'Connect an MCP client', render: () => <ConnectSection /> },
  { id: 'export', label: 'Export and import', render: () => <ExportSection /> },
];

/** The Settings page: your account, how the app looks, your sessions and keys, MCP in both directions, and your data as one file. */
export function Component() {
  const { section } = useParams();
  const mcpServers = useFeature('external_mcp_servers');
  const shown = sections.filter((candidate) => mcpServers || candidate.id !== 'mcp-servers');
  const current = shown.find((candidate) => candidate.id === section);
  if (!current) return <Navigate to="/settings/profile" replace />;
  return (
    <SectionedPage title="Settings" sections={shown} active={current.id} basePath="/settings">
      {current.render()}
    </SectionedPage>
  );
}
