import { consentBody, consentFormOf, consentState } from './consent-form';
import { alertLevelLabel, daysCountLabel, daysToReleaseLabel, missingElementLabel, releaseKindLabel, statusLabel } from './labels';
import { actorLabel, describeEntry } from './timeline';

describe('the SPIP’s labels', () => {
  it('names each status in French, and a release without request', () => {
    expect(statusLabel('to_complete')).toBe('À compléter');
    expect(statusLabel('submitted')).toBe('Transmise au SIAO');
    expect(statusLabel(undefined)).toBe('Pas encore ouverte');
    expect(alertLevelLabel('critical')).toBe('Critique');
    expect(alertLevelLabel(undefined)).toBe('Aucune alerte');
    expect(releaseKindLabel('lsc')).toBe('Libération sous contrainte');
  });

  it('says how far the release is', () => {
    expect([daysToReleaseLabel(0), daysToReleaseLabel(1), daysToReleaseLabel(12), daysToReleaseLabel(-1), daysToReleaseLabel(-3)])
      .toEqual(['aujourd’hui', 'demain', 'dans 12 jours', 'dépassée de 1 jour', 'dépassée de 3 jours']);
    expect([daysCountLabel(0), daysCountLabel(1), daysCountLabel(12), daysCountLabel(-2)]).toEqual(['aujourd’hui', '1 jour', '12 jours', 'dépassée de 2 jours']);
  });

  it('names what a submission still lacks', () => {
    expect(missingElementLabel('rights.bank_account')).toBe('Droit : Compte bancaire');
    expect(missingElementLabel('consent')).toMatch(/Consentement/);
    expect(missingElementLabel('status')).toBe('status');
  });
});

describe('the timeline in French', () => {
  const at = '2026-12-03T08:00:00Z';
  it.each([
    [{ entry: 'Opened', detail: {} }, 'Demande ouverte à l’ouverture de la fenêtre de sortie'],
    [{ entry: 'FileUpdated', detail: { fields: ['household', 'socialEvaluation'] } }, 'Dossier complété : ménage, évaluation sociale'],
    [{ entry: 'Submitted', detail: { submission: 2 } }, 'Demande transmise au SIAO (envoi n° 2)'],
    [{ entry: 'Withdrawn', detail: { reason: 'consent_withdrawn' } }, 'Demande retirée (consentement retiré)'],
    [{ entry: 'Alert', detail: { change: { kind: 'escalated', alert: 'sortie_seche_risk', level: 'critical' } } }, 'Alerte aggravée : Risque de sortie sèche (Critique)'],
    [{ entry: 'Decided', detail: { decision: { kind: 'refused', reason: 'not_eligible' } } }, 'Refusée par la commission (non éligible)'],
    [{ entry: 'SomethingNew', detail: {} }, 'SomethingNew'],
  ])('%j', (entry, text) => {
    expect(describeEntry({ ...entry, at, actor: 'me' })).toBe(text);
  });

  it('names the services that acted by themselves', () => {
    expect(actorLabel('release-calendar')).toBe('Calendrier des sorties (greffe)');
    expect(actorLabel('spip-42')).toBe('spip-42');
  });
});

describe('the consent form', () => {
  it('starts from today and the SIAO, and sends a refusal with no recipient', () => {
    const form = consentFormOf(undefined, '2026-12-03');
    expect(form).toMatchObject({ decision: '', decidedOn: '2026-12-03', recipients: ['siao'] });
    expect(consentBody({ ...form, decision: 'given', recipients: ['siao', 'host_structures'] })).toEqual({
      decision: 'given', decidedOn: '2026-12-03', scope: form.scope, recipients: ['siao', 'host_structures'],
    });
    expect(consentBody({ ...form, decision: 'refused' }).recipients).toEqual([]);
    expect(consentBody(form).decision).toBeUndefined();
  });

  it('tells a consent in force from a withdrawn or refused one', () => {
    const given = { decision: 'given' as const, decidedOn: '2026-12-01', scope: 's', recipients: ['siao' as const] };
    expect([consentState(undefined), consentState(given), consentState({ ...given, withdrawnOn: '2026-12-02' }), consentState({ ...given, decision: 'refused' })])
      .toEqual(['none', 'given', 'withdrawn', 'refused']);
  });
});
