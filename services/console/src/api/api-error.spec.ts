import { apiErrorFrom } from './api-error';

describe('a service refusal read by the console', () => {
  it('keeps the named fields and their rules', () => {
    const error = apiErrorFrom(400, {
      statusCode: 400,
      message: ['household.adults must not be less than 1', 'socialEvaluation holds a health term'],
      violations: [
        { field: 'household.adults', rule: 'min', message: 'household.adults must not be less than 1' },
        { field: 'socialEvaluation', rule: 'noHealthData', message: 'socialEvaluation holds a health term' },
      ],
    });
    expect(error.status).toBe(400);
    expect(error.message).toBe('household.adults must not be less than 1 ; socialEvaluation holds a health term');
    expect(error.messagesFor('household')).toEqual(['household.adults must not be less than 1']);
    expect(error.messagesFor('socialEvaluation')).toEqual(['socialEvaluation holds a health term']);
    expect(error.messagesFor('house')).toEqual([]);
  });

  it('reads a bare message, or none at all', () => {
    expect(apiErrorFrom(409, { message: 'already submitted' }).message).toBe('already submitted');
    expect(apiErrorFrom(502, undefined)).toMatchObject({ message: 'Erreur 502', violations: [] });
  });
});
