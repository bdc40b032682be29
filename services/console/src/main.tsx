import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import '@codegouvfr/react-dsfr/main.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons.min.css';
import { App } from './app/App';
import { SessionProvider } from './session/session-context';
import { ApiError } from './api/api-error';

startReactDsfr({ defaultColorScheme: 'light', Link });

declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link;
  }
}

const queryClient = new QueryClient({
  defaultOptions: {
    // A refusal (4xx) is an answer, not a failure to retry.
    queries: { retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2, staleTime: 5_000 },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
