import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { otherMessages } from '../../ui/field-state';

/** The refusal's messages that name none of the form's fields, above the form (live, so a screen reader hears them). */
export function FormErrors({ error, fields }: { error: unknown; fields: string[] }) {
  const messages = error ? otherMessages(error, fields) : [];
  return (
    <div aria-live="polite">
      {messages.length > 0 && <Alert severity="error" small title="La demande n’a pas abouti" description={messages.join(' ; ')} className="fr-mb-2w" />}
    </div>
  );
}
