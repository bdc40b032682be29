import { Select } from '@codegouvfr/react-dsfr/Select';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { PERIOD_MONTHS, PeriodMonths } from './period';

/** The département (among the user's) and the period the dashboard shows. */
export function DashboardFilters({ departements, departement, onDepartement, months, onMonths }: {
  departements: string[];
  departement: string;
  onDepartement(code: string): void;
  months: PeriodMonths;
  onMonths(months: PeriodMonths): void;
}) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
      <div className="fr-col-12 fr-col-md-4">
        {departements.length > 0 ? (
          <Select label="Département" nativeSelectProps={{ value: departement, onChange: (e) => onDepartement(e.target.value), name: 'departement' }}>
            {departements.map((code) => <option key={code} value={code}>{code}</option>)}
          </Select>
        ) : (
          // A national user (admin) names the département to look at.
          <Input
            label="Département"
            hintText="Code du département, par exemple 13"
            nativeInputProps={{ value: departement, onChange: (e) => onDepartement(e.target.value.trim()), name: 'departement', maxLength: 3 }}
          />
        )}
      </div>
      <div className="fr-col-12 fr-col-md-4">
        <Select label="Période" nativeSelectProps={{ value: String(months), onChange: (e) => onMonths(Number(e.target.value) as PeriodMonths), name: 'periode' }}>
          {PERIOD_MONTHS.map((count) => <option key={count} value={count}>{`${count} derniers mois`}</option>)}
        </Select>
      </div>
    </div>
  );
}
