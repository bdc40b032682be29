import { useQuery } from '@tanstack/react-query';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';

interface DevStructure {
  id: string;
  name: string;
  area: string;
}

async function structuresOf(departement: string): Promise<DevStructure[]> {
  const response = await fetch(`/dev/structures?departement=${encodeURIComponent(departement)}`);
  if (!response.ok) throw new Error(`Erreur ${response.status}`);
  return (await response.json()) as DevStructure[];
}

/**
 * A structure user's structure: picked among the département's (the console server's development
 * list), or its id typed in when the list is unavailable or the structure is elsewhere.
 */
export function StructurePicker({ departement, value, onChange }: { departement: string; value: string; onChange(id: string): void }) {
  const structures = useQuery({ queryKey: ['dev-structures', departement], queryFn: () => structuresOf(departement), enabled: departement !== '', retry: false });
  const listed = structures.data ?? [];
  return (
    <>
      {listed.length > 0 && (
        <Select
          label="Structure"
          hint={`Structures du département ${departement}`}
          nativeSelectProps={{ value: listed.some((s) => s.id === value) ? value : '', onChange: (e) => onChange(e.target.value), name: 'structure' }}
        >
          <option value="">— Choisir une structure —</option>
          {[...listed].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((s) => (
            <option key={s.id} value={s.id}>{s.name} ({s.area})</option>
          ))}
        </Select>
      )}
      <Input
        label="Identifiant de la structure"
        hintText={listed.length > 0 ? 'Rempli par le choix ci-dessus, ou à saisir pour une autre structure' : undefined}
        nativeInputProps={{ value, onChange: (e) => onChange(e.target.value), name: 'organisation' }}
      />
    </>
  );
}
