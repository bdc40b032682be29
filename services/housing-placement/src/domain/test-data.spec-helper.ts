import { HousingRequestState } from './housing-request';
import { RequestFile } from './request-file';
import { Structure } from './structure';

/** A complete file of a man alone, with the commission's usual answers; each test changes what it checks. */
export function aFile(overrides: Partial<RequestFile> = {}): RequestFile {
  return {
    household: { composition: 'alone', applicantGender: 'man', childrenAges: [] },
    needs: { reducedMobility: false, animals: false },
    resources: ['rsa'],
    rightsToReopen: [],
    preferredTerritories: ['Marseille'],
    careContinuity: false,
    consent: { givenOn: '2026-11-02', recipients: ['siao', 'host_structures'] },
    ...overrides,
  };
}

export function aStructure(overrides: Partial<Structure> = {}): Structure {
  return {
    id: 'structure-1', name: 'CHRS Les Lauriers', type: 'chrs', departement: '13', area: 'Marseille',
    capacity: 10, reservedJusticePlaces: 2, volantePlaces: 1,
    accepts: { men: true, women: true, couples: false, children: false, animals: false, reducedMobility: false },
    ...overrides,
  };
}

export function aRequest(overrides: Partial<HousingRequestState> = {}): HousingRequestState {
  return {
    id: 'request-1', referralId: 'referral-1', personId: 'person-1', detentionId: 'detention-1', spipDepartement: '13',
    siaoDepartement: '13', expectedReleaseDate: '2027-03-31', urgent: false, submission: 1, status: 'awaiting_review',
    file: aFile(), receivedOn: '2026-11-20', missing: [], ...overrides,
  };
}
