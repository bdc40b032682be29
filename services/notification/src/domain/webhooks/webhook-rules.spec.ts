import { isReachable, kindOfAddress } from './address-guard';
import { retryAfterMs, verdictOf } from './attempt-outcome';
import { afterAttempt, DeliveryState } from './delivery';
import { isEventPattern, matchesPattern } from './event-pattern';
import { DEFAULT_RETRY_SCHEDULE_MS, nextAttemptAt } from './retry-schedule';
import { departementsOf, payloadFor } from './subscriber-view';
import { Subscription } from './subscription';

const NOW = new Date('2026-11-23T10:00:00Z');

describe('event patterns', () => {
  it('match every event, a service\'s events, or one type with or without its version', () => {
    expect(matchesPattern('*', 'referral.request.opened.v1')).toBe(true);
    expect(matchesPattern('release-calendar.*', 'release-calendar.window.opened.v1')).toBe(true);
    expect(matchesPattern('release-calendar.*', 'referral.request.opened.v1')).toBe(false);
    expect(matchesPattern('referral.request.opened', 'referral.request.opened.v1')).toBe(true);
    expect(matchesPattern('referral.request.opened.v2', 'referral.request.opened.v1')).toBe(false);
    expect(['*', 'referral.*', 'housing-placement.person.no-show', 'referral.request.opened.v1'].every(isEventPattern)).toBe(true);
    expect(['', 'referral.%', 'Referral.*', '*.opened'].some(isEventPattern)).toBe(false);
  });
});

describe('the SSRF guard', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['::1', 'loopback'], ['10.1.2.3', 'private'], ['172.20.0.1', 'private'], ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'], ['169.254.169.254', 'link-local'], ['fe80::1', 'link-local'], ['fd12::1', 'private'], ['0.0.0.0', 'reserved'],
    ['224.0.0.1', 'reserved'], ['::ffff:10.0.0.1', 'private'], ['::ffff:7f00:1', 'loopback'], ['::ffff:a9fe:a9fe', 'link-local'],
    ['64:ff9b::a00:1', 'reserved'], ['93.184.216.34', 'public'], ['2001:db8::1', 'public'],
  ])('classes %s as %s', (address, kind) => {
    expect(kindOfAddress(address)).toBe(kind);
  });

  it('lets through public addresses, and others only where configured', () => {
    expect(isReachable('127.0.0.1', { allowed: new Set() })).toBe(false);
    expect(isReachable('127.0.0.1', { allowed: new Set(['loopback']) })).toBe(true);
    expect(isReachable('169.254.169.254', { allowed: new Set(['loopback']) })).toBe(false);
    expect(isReachable('93.184.216.34', { allowed: new Set() })).toBe(true);
  });
});

describe('retries', () => {
  it('follow 0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h with ±10 % jitter, then stop', () => {
    expect(DEFAULT_RETRY_SCHEDULE_MS).toEqual([0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(nextAttemptAt(NOW, 1, DEFAULT_RETRY_SCHEDULE_MS, () => 0.5)!.getTime() - NOW.getTime()).toBe(5_000);
    expect(nextAttemptAt(NOW, 2, DEFAULT_RETRY_SCHEDULE_MS, () => 1)!.getTime() - NOW.getTime()).toBe(330_000);
    expect(nextAttemptAt(NOW, 2, DEFAULT_RETRY_SCHEDULE_MS, () => 0)!.getTime() - NOW.getTime()).toBe(270_000);
    expect(nextAttemptAt(NOW, 8, DEFAULT_RETRY_SCHEDULE_MS, () => 0.5)).toBeUndefined();
  });

  it('wait longer when a 429 asks for it, in seconds or as a date', () => {
    expect(nextAttemptAt(NOW, 1, DEFAULT_RETRY_SCHEDULE_MS, () => 0.5, 60_000)!.getTime() - NOW.getTime()).toBe(60_000);
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 10:01:00 GMT', NOW)).toBe(60_000);
    expect(retryAfterMs('soon', NOW)).toBeUndefined();
    expect(retryAfterMs('9999999999999999', NOW)).toBe(86_400_000);
  });

  it('count only a 2xx as a success and a 410 as an endpoint gone', () => {
    expect(verdictOf({ kind: 'answered', status: 204, latencyMs: 1 })).toBe('succeeded');
    expect(verdictOf({ kind: 'answered', status: 302, latencyMs: 1 })).toBe('retry');
    expect(verdictOf({ kind: 'answered', status: 410, latencyMs: 1 })).toBe('endpoint_gone');
    expect(verdictOf({ kind: 'failed', error: 'ECONNREFUSED', latencyMs: 1 })).toBe('retry');
  });

  it('fail a delivery once the schedule is spent', () => {
    const delivery: DeliveryState = { id: 'd', subscriptionId: 's', eventId: 'e', eventType: 't', orderingKey: 'k', body: '{}', status: 'pending', attempts: 1 };
    const schedule = [0, 100];
    expect(afterAttempt(delivery, { kind: 'answered', status: 500, latencyMs: 3 }, NOW, schedule, () => 0.5).delivery)
      .toMatchObject({ status: 'failed', attempts: 2, lastStatusCode: 500 });
    expect(afterAttempt({ ...delivery, attempts: 0 }, { kind: 'failed', error: 'timeout', latencyMs: 3 }, NOW, schedule, () => 0.5).delivery)
      .toMatchObject({ status: 'pending', attempts: 1, lastError: 'timeout', nextAttemptAt: '2026-11-23T10:00:00.100Z' });
  });
});

describe('what a subscriber receives', () => {
  const data = { personId: 'p', spipDepartement: '94', destinationDepartement: '13', identity: { lastName: 'Durand' }, ecrou: '000123' };

  it('reads the SPIP département for a SPIP and the SIAO one for everyone else', () => {
    expect(departementsOf(data, 'spip')).toEqual(['94']);
    expect(departementsOf(data, 'prefecture')).toEqual(['13']);
  });

  it('removes names and écrou for anyone but the SPIP', () => {
    expect(payloadFor('siao', data)).toEqual({ personId: 'p', spipDepartement: '94', destinationDepartement: '13' });
    expect(payloadFor('spip', data)).toBe(data);
  });

  it('shows a structure the request\'s file only with the consent naming host structures, the care flag only with health partners', () => {
    const submitted = { referralId: 'r', household: { composition: 'alone' }, careContinuity: true, consent: { recipients: ['siao'] } };
    expect(Object.keys(payloadFor('structure', submitted))).toEqual(['referralId']);
    const consented = { ...submitted, consent: { recipients: ['siao', 'host_structures'] } };
    expect(Object.keys(payloadFor('structure', consented))).toEqual(['referralId', 'household', 'consent']);
    expect(payloadFor('siao', consented)).toEqual(consented);
  });
});

describe('a subscription', () => {
  const subscription = () => Subscription.create({
    id: 's', url: 'https://example.org', eventTypes: ['referral.*'], departements: ['13'], ownerRole: 'siao', ownerSubject: 'u',
    secrets: [{ secret: 'whsec_a' }], createdAt: NOW.toISOString(),
  });

  it('is disabled after five days of failures, or at once by a 410', () => {
    const flaky = subscription();
    expect(flaky.failed(NOW, false)).toBe(false);
    expect(flaky.failed(new Date(NOW.getTime() + 4 * 86_400_000), false)).toBe(false);
    expect(flaky.failed(new Date(NOW.getTime() + 5 * 86_400_000), false)).toBe(true);
    expect(flaky.snapshot()).toMatchObject({ status: 'disabled', disabledReason: 'endpoint failing for 5 days' });
    const gone = subscription();
    expect(gone.failed(NOW, true)).toBe(true);
    expect(gone.failed(NOW, true)).toBe(false);
    gone.resume();
    expect(gone.snapshot()).toMatchObject({ status: 'active', failingSince: undefined });
  });

  it('signs with both secrets during the grace period, then with the new one only; rotating again never lengthens an old one', () => {
    const rotating = subscription();
    rotating.rotate('whsec_b', NOW, 3_600_000);
    expect(rotating.signingSecrets(NOW)).toEqual(['whsec_b', 'whsec_a']);
    expect(rotating.signingSecrets(new Date(NOW.getTime() + 3_600_001))).toEqual(['whsec_b']);
    rotating.rotate('whsec_c', new Date(NOW.getTime() + 1_800_000), 3_600_000);
    expect(rotating.signingSecrets(new Date(NOW.getTime() + 3_600_001))).toEqual(['whsec_c', 'whsec_b']);
  });

  it('wants only its event types, in its départements, paused or not, and nothing from before it existed', () => {
    const s = subscription();
    const later = '2026-11-23T10:00:01Z';
    expect(s.wants('referral.request.opened.v1', { siaoDepartement: '13' }, later)).toBe(true);
    expect(s.wants('referral.request.opened.v1', { siaoDepartement: '13' }, '2026-11-23T09:59:59Z')).toBe(false);
    expect(s.wants('referral.request.opened.v1', { siaoDepartement: '84' }, later)).toBe(false);
    expect(s.wants('release-calendar.window.opened.v1', { destinationDepartement: '13' }, later)).toBe(false);
    s.pause();
    expect(s.wants('referral.request.opened.v1', { siaoDepartement: '13' }, later)).toBe(true);
  });
});
