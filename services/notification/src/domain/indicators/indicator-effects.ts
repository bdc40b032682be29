/**
 * What each event changes in the préfecture's figures, as pure data: counted flows on a day, and
 * the intervals behind the stocks (windows open, alerts open by level, reserved places), so any
 * day's stock is computed from dates alone and a rebuild from the topics gives the same figures.
 */
export type Flow =
  | 'detentions_registered' | 'requests_opened' | 'requests_submitted' | 'requests_oriented' | 'placements_confirmed'
  | 'people_entered' | 'sorties_seches';

export type Milestone = 'opened_on' | 'submitted_on' | 'oriented_on';

export type IndicatorEffect =
  | { kind: 'flow'; departement: string; day: string; flow: Flow }
  | { kind: 'window'; detentionId: string; departement: string; day: string; open: boolean }
  | { kind: 'alert'; referralId: string; alertKind: string; departement: string; day: string; level?: string }
  | { kind: 'milestone'; referralId: string; departement: string; day: string; milestone: Milestone }
  | { kind: 'places'; structureId: string; departement: string; day: string; reserved: number; occupied: number; freeJustice: number };

type Data = Record<string, unknown>;

const text = (data: Data, field: string) => data[field] as string;

/** The day an event counts on: its own business date when it has one, else when it happened (Europe/Paris). */
function dayOf(data: Data, occurredOn: string, field?: string): string {
  return (field && typeof data[field] === 'string' ? data[field] : occurredOn) as string;
}

const FLOWS: Record<string, { flow: Flow; departement: string; dayField?: string; milestone?: Milestone }> = {
  'release-calendar.detention.registered': { flow: 'detentions_registered', departement: 'destinationDepartement' },
  'referral.request.opened': { flow: 'requests_opened', departement: 'siaoDepartement', milestone: 'opened_on' },
  'housing-placement.orientation.decided': { flow: 'requests_oriented', departement: 'siaoDepartement', milestone: 'oriented_on' },
  'housing-placement.placement.confirmed': { flow: 'placements_confirmed', departement: 'siaoDepartement' },
  'housing-placement.person.entered': { flow: 'people_entered', departement: 'siaoDepartement', dayField: 'enteredOn' },
  'referral.sortie-seche.recorded': { flow: 'sorties_seches', departement: 'siaoDepartement', dayField: 'releasedOn' },
};

export function effectsOf(type: string, data: Data, occurredOn: string): IndicatorEffect[] {
  const name = type.replace(/\.v\d+$/, '');
  const flow = FLOWS[name];
  if (flow) {
    const departement = text(data, flow.departement);
    const day = dayOf(data, occurredOn, flow.dayField);
    const counted: IndicatorEffect = { kind: 'flow', departement, day, flow: flow.flow };
    if (!flow.milestone) return [counted];
    return [counted, { kind: 'milestone', referralId: text(data, 'referralId'), departement, day, milestone: flow.milestone }];
  }
  switch (name) {
    case 'referral.request.submitted':
      // A request returned and sent again is submitted once, for the figures.
      if (data.submission !== 1) return [];
      return [
        { kind: 'flow', departement: text(data, 'siaoDepartement'), day: occurredOn, flow: 'requests_submitted' },
        { kind: 'milestone', referralId: text(data, 'referralId'), departement: text(data, 'siaoDepartement'), day: occurredOn, milestone: 'submitted_on' },
      ];
    case 'release-calendar.window.opened':
      return [{ kind: 'window', detentionId: text(data, 'detentionId'), departement: text(data, 'destinationDepartement'), day: dayOf(data, occurredOn, 'opensOn'), open: true }];
    case 'release-calendar.window.closed':
    case 'release-calendar.person.released':
      return [{ kind: 'window', detentionId: text(data, 'detentionId'), departement: text(data, 'destinationDepartement'), day: dayOf(data, occurredOn, name.endsWith('released') ? 'releasedOn' : 'closedOn'), open: false }];
    case 'referral.alert.raised':
    case 'referral.alert.escalated':
      return [{ kind: 'alert', referralId: text(data, 'referralId'), alertKind: text(data, 'kind'), departement: text(data, 'siaoDepartement'), day: occurredOn, level: text(data, 'level') }];
    case 'referral.alert.resolved':
      return [{ kind: 'alert', referralId: text(data, 'referralId'), alertKind: text(data, 'kind'), departement: text(data, 'siaoDepartement'), day: occurredOn }];
    case 'housing-placement.capacity.changed':
      return [{
        kind: 'places', structureId: text(data, 'structureId'), departement: text(data, 'siaoDepartement'), day: dayOf(data, occurredOn, 'asOf'),
        reserved: data.reservedJusticePlaces as number, occupied: data.occupiedJustice as number, freeJustice: data.freeJustice as number,
      }];
    default:
      return [];
  }
}
