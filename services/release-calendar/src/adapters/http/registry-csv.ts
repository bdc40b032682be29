import { plainToInstance } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, validateSync } from 'class-validator';
import { IsCalendarDate, IsDepartementCode, RELEASE_KINDS, ReleaseKind, violationsOf } from '@passerelle/contracts';
import { ImportRejection, ImportRow } from '../../application/import-detentions.use-case';

/** One line of a prison registry export, columns named as in the file's header. */
class RegistryRow {
  @IsString() @Length(1, 30) ecrou!: string;
  @IsString() @Length(1, 20) establishment_code!: string;
  @IsString() @Length(1, 200) establishment_name!: string;
  @IsString() @Length(1, 100) last_name!: string;
  @IsString() @Length(1, 200) first_names!: string;
  @IsCalendarDate() birth_date!: string;
  @IsDepartementCode() spip_departement!: string;
  @IsOptional() @IsDepartementCode() destination_departement?: string;
  @IsCalendarDate() incarceration_date!: string;
  @IsOptional() @IsCalendarDate() sentence_end_date?: string;
  @IsCalendarDate() expected_release_date!: string;
  @IsIn(RELEASE_KINDS) expected_release_kind!: ReleaseKind;
}

export const REGISTRY_COLUMNS = Object.freeze([
  'ecrou', 'establishment_code', 'establishment_name', 'last_name', 'first_names', 'birth_date',
  'spip_departement', 'destination_departement', 'incarceration_date', 'sentence_end_date', 'expected_release_date', 'expected_release_kind',
]);

const OPTIONAL_COLUMNS = ['destination_departement', 'sentence_end_date'];

export class MalformedCsvError extends Error {}

/**
 * Reads the export (`;` or `,` separated, as the header shows, quotes allowed) into well-formed
 * rows and rejections naming the line, the column and the rule; a bad line never stops the others.
 */
export function readRegistryCsv(text: string): { rows: ImportRow[]; rejected: ImportRejection[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const separator = (lines[0] ?? '').includes(';') ? ';' : ',';
  const header = splitLine(lines[0] ?? '', separator).map((name) => name.trim().toLowerCase());
  const missing = REGISTRY_COLUMNS.filter((column) => !OPTIONAL_COLUMNS.includes(column) && !header.includes(column));
  if (missing.length > 0) throw new MalformedCsvError(`missing columns: ${missing.join(', ')}`);
  const rows: ImportRow[] = [];
  const rejected: ImportRejection[] = [];
  lines.slice(1).forEach((content, index) => {
    const line = index + 2;
    if (content.trim() === '') return;
    const cells = splitLine(content, separator);
    if (cells.length !== header.length) {
      rejected.push({ line, reason: `expected ${header.length} columns, found ${cells.length}` });
      return;
    }
    const record = Object.fromEntries(header.map((name, i) => [name, cells[i].trim() === '' ? undefined : cells[i].trim()]));
    const row = plainToInstance(RegistryRow, record);
    const violations = violationsOf(validateSync(row, { whitelist: true }));
    if (violations.length > 0) rejected.push({ line, reason: violations.map((v) => `${v.field}: ${v.message}`).join('; ') });
    else rows.push({ line, detention: toDetention(row) });
  });
  return { rows, rejected };
}

function toDetention(row: RegistryRow): ImportRow['detention'] {
  return {
    ecrou: row.ecrou,
    establishmentCode: row.establishment_code,
    establishmentName: row.establishment_name,
    identity: { lastName: row.last_name, firstNames: row.first_names, birthDate: row.birth_date },
    spipDepartement: row.spip_departement,
    destinationDepartement: row.destination_departement,
    incarcerationDate: row.incarceration_date,
    ...(row.sentence_end_date ? { sentenceEndDate: row.sentence_end_date } : {}),
    expectedReleaseDate: row.expected_release_date,
    expectedReleaseKind: row.expected_release_kind,
  };
}

function splitLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      current += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === separator && !quoted) {
      cells.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  cells.push(current);
  return cells;
}
