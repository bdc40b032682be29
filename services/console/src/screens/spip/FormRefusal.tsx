import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ApiError } from '../../api/api-error';
import { otherMessages } from '../../ui/field-state';

/** Above a form: that the server refused it, and its messages that name no field of the form. */
export function FormRefusal({ error, fields }: { error: unknown; fields: string[] }) {
  if (!error) return null;
  const rest = otherMessages(error, fields);
  const status = error instanceof ApiError ? ` (${error.status})` : '';
  const detail = rest.length > 0 ? rest.join(' ; ') : 'voir les messages sous les champs concernés.';
  return <Alert severity="error" small role="alert" className="fr-mb-2w" description={`Le serveur a refusé l’enregistrement${status} : ${detail}`} />;
}
