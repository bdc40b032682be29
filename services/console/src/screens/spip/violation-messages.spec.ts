import { ApiError } from '../../api/api-error';
import { frenchRefusal, inFrench } from './violation-messages';

describe('the server’s refusals in French', () => {
  it('words the health-data guard with the term it found', () => {
    const message = 'socialEvaluation must not contain medical information (found "psychiatr"): use the care-continuity flag, never a diagnosis or a treatment';
    expect(inFrench({ field: 'socialEvaluation', rule: 'noHealthData', message }))
      .toBe('Aucune information de santé (« psychiatr » refusé) : cochez la continuité des soins, jamais un diagnostic ni un traitement.');
  });

  it('words a step the status forbids with the status’s label', () => {
    expect(inFrench({ field: 'status', rule: 'allowsThisStep', message: 'a referral that is submitted cannot be edited' }))
      .toBe('Une demande « Transmise au SIAO » ne peut pas être modifiée.');
  });

  it('keeps the server’s message for a rule it does not know', () => {
    expect(inFrench({ field: 'x', rule: 'somethingNew', message: 'x is wrong' })).toBe('x is wrong');
  });

  it('puts a refused territory under the territories field, in French', () => {
    const error = new ApiError(422, 'refused', [{ field: 'preferredTerritories[1]', rule: 'noHealthData', message: 'medical (found "cmp")' }]);
    const french = frenchRefusal(error) as ApiError;
    expect(french.status).toBe(422);
    expect(french.messagesFor('preferredTerritories')).toEqual([expect.stringMatching(/^Aucune information de santé/)]);
    expect(frenchRefusal(undefined)).toBeUndefined();
  });
});
