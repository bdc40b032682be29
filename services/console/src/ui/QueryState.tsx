import { ReactNode } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ApiError } from '../api/api-error';

/** What a screen shows while its data loads or when the server refused: the server's own words. */
export function QueryState({ isLoading, error, children }: { isLoading: boolean; error: unknown; children: ReactNode }) {
  if (isLoading) return <p role="status">Chargement…</p>;
  if (error) return <ErrorNotice error={error} />;
  return <>{children}</>;
}

export function ErrorNotice({ error, title = 'La demande n’a pas abouti' }: { error: unknown; title?: string }) {
  const description = error instanceof ApiError ? `${error.message} (${error.status})` : String(error);
  return <Alert severity="error" small title={title} description={description} className="fr-my-2w" />;
}
