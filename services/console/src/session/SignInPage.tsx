import { FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { homeOf, Role, ROLE_LABELS } from './session';
import { useSession } from './session-context';
import { StructurePicker } from './StructurePicker';

/**
 * Development sign-in: a role and départements, for which the console's server mints a dev token
 * (refused in production, where the ministry's identity provider issues the tokens).
 */
export function SignInPage() {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [role, setRole] = useState<Role>('spip');
  const [departements, setDepartements] = useState('13');
  const [organisation, setOrganisation] = useState('');
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const codes = departements.split(/[\s,]+/).filter(Boolean);
    const response = await fetch('/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role, departements: codes, organisation: organisation || undefined }),
    });
    const body = (await response.json()) as { token?: string; message?: string };
    if (!response.ok || !body.token) {
      setError(body.message ?? `Erreur ${response.status}`);
      return;
    }
    signIn({ token: body.token, role, departements: codes, organisation: organisation || undefined });
    navigate(homeOf(role));
  }

  return (
    <div className="fr-container fr-my-6w">
      <h1>Choisir un profil</h1>
      <p>Environnement de développement : un jeton de démonstration est créé pour le rôle et les départements choisis.</p>
      {error && <Alert severity="error" title="Connexion refusée" description={error} small className="fr-mb-3w" />}
      <form onSubmit={submit} style={{ maxWidth: '32rem' }}>
        <Select label="Rôle" nativeSelectProps={{ value: role, onChange: (e) => setRole(e.target.value as Role), name: 'role' }}>
          {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
            <option key={r} value={r}>{ROLE_LABELS[r]}</option>
          ))}
        </Select>
        <Input
          label="Départements"
          hintText="Codes séparés par des virgules, par exemple 13, 31"
          nativeInputProps={{ value: departements, onChange: (e) => setDepartements(e.target.value), name: 'departements' }}
        />
        {role === 'structure' && <StructurePicker departement={departements.split(/[\s,]+/).find(Boolean) ?? ''} value={organisation} onChange={setOrganisation} />}
        <Button type="submit">Se connecter</Button>
      </form>
    </div>
  );
}
