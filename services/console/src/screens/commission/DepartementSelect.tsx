import { useState } from 'react';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useCurrentSession } from '../../session/session-context';

/** The département a SIAO screen shows: the user's first, or the one they pick when they have several. */
export function useDepartement(): [string, (code: string) => void] {
  const { departements } = useCurrentSession();
  return useState(departements[0] ?? '');
}

export function DepartementSelect({ value, onChange }: { value: string; onChange(code: string): void }) {
  const { departements } = useCurrentSession();
  if (departements.length <= 1) return null;
  return (
    <Select label="Département" nativeSelectProps={{ value, onChange: (e) => onChange(e.target.value), name: 'departement' }} style={{ maxWidth: '16rem' }}>
      {departements.map((code) => (
        <option key={code} value={code}>{code}</option>
      ))}
    </Select>
  );
}
