import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { Paging } from '../../ui/Paging';
import { QueryState } from '../../ui/QueryState';
import { formatShortDate, parisToday } from '../../ui/dates';
import { pageOf, weeklyAvailability, weeksFrom } from './availability';
import { commissionApi, commissionKeys } from './commission-api';
import { DepartementSelect, useDepartement } from './DepartementSelect';
import { Structure } from './housing-types';
import { structureTypeLabel } from './labels';

const PAGE_SIZE = 10;
const WEEKS = 8;

/** The département's structures and their free places over the coming weeks, each contingent apart. */
export function PlacesScreen() {
  const [departement, setDepartement] = useDepartement();
  const [page, setPage] = useState(1);
  const structures = useQuery({ queryKey: commissionKeys.structures(departement), queryFn: () => commissionApi.structures(departement) });
  const all = [...(structures.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return (
    <>
      <h1>Places du département</h1>
      <p>
        Places libres par semaine, sur les {WEEKS} semaines à venir : le plus petit nombre de places libres chaque jour de la semaine, ce
        qu’une entrée cette semaine-là peut réserver. Les places fléchées justice et les places volantes (urgence, sortie sous 7 jours) sont
        comptées à part.
      </p>
      <DepartementSelect value={departement} onChange={(code) => { setDepartement(code); setPage(1); }} />
      <QueryState isLoading={structures.isLoading} error={structures.error}>
        {all.length === 0 && <p>Aucune structure enregistrée dans ce département.</p>}
        {pageOf(all, page, PAGE_SIZE).map((structure) => <StructurePlaces key={structure.id} structure={structure} />)}
        <Paging page={page} pageSize={PAGE_SIZE} total={all.length} onPage={setPage} />
      </QueryState>
    </>
  );
}

function StructurePlaces({ structure }: { structure: Structure }) {
  const { from, to } = weeksFrom(parisToday(), WEEKS);
  const availability = useQuery({
    queryKey: commissionKeys.availability(structure.id, from, to),
    queryFn: () => commissionApi.availability(structure.id, from, to),
  });
  const weeks = weeklyAvailability(availability.data ?? []);
  const general = structure.capacity - structure.reservedJusticePlaces - structure.volantePlaces;
  return (
    <section className="fr-mb-4w" aria-labelledby={`structure-${structure.id}`}>
      <h2 id={`structure-${structure.id}`} className="fr-h5 fr-mb-1w">{structure.name}</h2>
      <p className="fr-text--sm fr-mb-1w">
        {structureTypeLabel(structure.type)}, {structure.area} — {structure.capacity} places : {structure.reservedJusticePlaces} fléchées justice,{' '}
        {structure.volantePlaces} volante{structure.volantePlaces > 1 ? 's' : ''}, {general} de droit commun
      </p>
      <QueryState isLoading={availability.isLoading} error={availability.error}>
        <Table
          noCaption
          fixed
          caption={`Places libres de ${structure.name}, par semaine`}
          headers={['Semaine du', ...weeks.map((w) => formatShortDate(w.from))]}
          data={[
            ['Fléchées justice', ...weeks.map((w) => w.freeJustice)],
            ['Droit commun', ...weeks.map((w) => w.freeGeneral)],
            ['Volantes', ...weeks.map((w) => w.freeVolante)],
            ['Hors service (fermetures)', ...weeks.map((w) => w.outOfService)],
          ]}
        />
      </QueryState>
    </section>
  );
}
