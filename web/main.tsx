// Entry point: i18n first (so the first paint is translated), then Mantine, React Query, App.
import './i18n.ts';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client.ts';
import { App } from './App.tsx';
import { rememberSession } from './api/session-hint.ts';
import { SESSION_KEY } from './session.tsx';

// System fonts only: no web-font downloads (the CSP and 152-FZ forbid third-party requests).
const theme = createTheme({
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
  primaryColor: 'indigo',
});

const queryClient: QueryClient = new QueryClient({
  // A session that expired while a page was open: drop it, which shows the login page.
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (
        error instanceof ApiError &&
        error.code === 'unauthorized' &&
        query.queryKey[0] !== SESSION_KEY[0]
      ) {
        rememberSession(false);
        queryClient.setQueryData(SESSION_KEY, null);
      }
    },
  }),
  defaultOptions: {
    queries: {
      // A 4xx will not change on retry; network blips and 5xx get one more try.
      retry: (count, error) =>
        count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
