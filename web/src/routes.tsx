import { createBrowserRouter, type RouteObject } from 'react-router';
import { Spinner } from './components/feedback';
import { AppShell } from './layout/app-shell';
import { RouteError } from './layout/route-error';

/**
 * Every page and its path. Pages load on demand (each `pages/<name>/index.tsx` exports `Component`),
 * so the first load fetches the shell and the page asked for only. The server sends signed-out
 * visitors of the app's pages to /signin before any of this runs. One pathless root gives every page
 * the spinner shown while its code loads on the first visit (without it React Router warns on
 * every page that no `HydrateFallback` was provided).
 */
export const routes: RouteObject[] = [
  {
    hydrateFallbackElement: <PageLoading />,
    children: [
      { path: '/signin', lazy: () => import('./pages/auth/signin-page') },
      { path: '/setup', lazy: () => import('./pages/auth/setup-page') },
      { path: '/signup', lazy: () => import('./pages/auth/signup-page') },
      { path: '/consent', lazy: () => import('./pages/auth/consent-page') },
      {
        element: <AppShell />,
        errorElement: <RouteError />,
        children: [
          { index: true, lazy: () => import('./pages/chat') },
          { path: 'chat', lazy: () => import('./pages/chat') },
          { path: 'chat/:conversationId', lazy: () => import('./pages/chat') },
          { path: 'tasks', lazy: () => import('./pages/tasks') },
          { path: 'documents/:documentId?', lazy: () => import('./pages/documents') },
          { path: 'prompts/:promptId?', lazy: () => import('./pages/prompts') },
          { path: 'tools/:toolName?', lazy: () => import('./pages/tools') },
          { path: 'workflows/:workflowId?', lazy: () => import('./pages/workflows') },
          { path: 'runs/:runId?', lazy: () => import('./pages/runs') },
          { path: 'agents/:agentId?', lazy: () => import('./pages/agents') },
          { path: 'agents/teams/:teamId', lazy: () => import('./pages/agents') },
          { path: 'context/:spaceId?', lazy: () => import('./pages/context') },
          { path: 'events/:section?', lazy: () => import('./pages/events') },
          { path: 'memories', lazy: () => import('./pages/memories') },
          { path: 'marketplace/:listingId?', lazy: () => import('./pages/marketplace') },
          { path: 'approvals', lazy: () => import('./pages/approvals') },
          { path: 'settings/:section?', lazy: () => import('./pages/settings') },
          { path: 'admin/:section?', lazy: () => import('./pages/admin') },
          { path: '*', lazy: () => import('./layout/not-found') },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);

function PageLoading() {
  return (
    <div className="grid h-dvh place-items-center">
      <Spinner label="Loading the page" />
    </div>
  );
}
