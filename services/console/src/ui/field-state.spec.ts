import { ApiError } from '../api/api-error';
import { fieldState, otherMessages } from './field-state';

describe('server errors shown on a form', () => {
  const refused = new ApiError(422, 'refused', [
    { field: 'entryDate', rule: 'inEntryWindow', message: 'entryDate must be within 15 days of the release' },
    { field: 'status', rule: 'allowsThisStep', message: 'the request is already oriented' },
  ]);

  it('puts each message next to its field', () => {
    expect(fieldState(refused, 'entryDate')).toEqual({ state: 'error', stateRelatedMessage: 'entryDate must be within 15 days of the release' });
    expect(fieldState(refused, 'reason')).toEqual({});
    expect(fieldState(new Error('network'), 'entryDate')).toEqual({});
  });

  it('shows above the form what names no field of it', () => {
    expect(otherMessages(refused, ['entryDate'])).toEqual(['the request is already oriented']);
    expect(otherMessages(new ApiError(403, 'Forbidden'), ['entryDate'])).toEqual(['Forbidden']);
    expect(otherMessages(undefined, ['entryDate'])).toEqual([]);
  });
});
