import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OpenAlert } from '../../application/ports/referral.repository';
import { TimelineEntry } from '../../application/ports/referral-journal';
import { ReferralView } from '../../application/referral-view';
import { Consent } from '../../domain/consent';
import { Placement } from '../../domain/housing-progress';
import { PersonIdentity, ReferralStatus } from '../../domain/referral';
import { ReferralFile } from '../../domain/referral-file';
import { RuleViolation } from '../../domain/referral-errors';

export class OpenAlertResponse {
  @ApiProperty() kind!: string;
  @ApiProperty() level!: string;
  @ApiProperty() raisedOn!: string;
}

export class ReferralResponse {
  @ApiProperty() id!: string;
  @ApiProperty() personId!: string;
  @ApiProperty() detentionId!: string;
  @ApiProperty() status!: ReferralStatus;
  @ApiProperty() spipDepartement!: string;
  @ApiProperty() siaoDepartement!: string;
  @ApiProperty() establishmentCode!: string;
  @ApiProperty() establishmentName!: string;
  @ApiProperty() identity!: PersonIdentity;
  @ApiProperty() expectedReleaseDate!: string;
  @ApiProperty() daysToRelease!: number;
  @ApiProperty() urgent!: boolean;
  @ApiProperty() openedOn!: string;
  @ApiProperty() submissions!: number;
  @ApiProperty() file!: ReferralFile;
  @ApiPropertyOptional() consent?: Consent;
  @ApiProperty({ description: 'What the SIAO said was missing when it returned the request' }) returnedMissing!: string[];
  @ApiPropertyOptional() placement?: Placement;
  @ApiPropertyOptional() releasedOn?: string;
  @ApiPropertyOptional({ enum: ['watch', 'warning', 'critical'] }) alertLevel?: string;
  @ApiProperty({ type: [OpenAlertResponse] }) openAlerts!: OpenAlertResponse[];
  @ApiProperty({ description: 'What a submission would still refuse' }) missingForSubmission!: RuleViolation[];

  static from({ referral, daysToRelease, alertLevel, missingForSubmission }: ReferralView): ReferralResponse {
    const openAlerts = Object.entries(referral.alerts)
      .filter(([, alert]) => alert?.open)
      .map(([kind, alert]) => ({ kind, level: alert!.level, raisedOn: alert!.raisedOn }));
    return {
      id: referral.id, personId: referral.personId, detentionId: referral.detentionId, status: referral.status,
      spipDepartement: referral.spipDepartement, siaoDepartement: referral.siaoDepartement,
      establishmentCode: referral.establishmentCode, establishmentName: referral.establishmentName, identity: referral.identity,
      expectedReleaseDate: referral.expectedReleaseDate, daysToRelease, urgent: referral.urgent, openedOn: referral.openedOn,
      submissions: referral.submissions, file: referral.file, consent: referral.consent, returnedMissing: referral.returnedMissing,
      placement: referral.placement, releasedOn: referral.releasedOn,
      alertLevel, openAlerts, missingForSubmission,
    };
  }
}

export class TimelineEntryResponse {
  @ApiProperty() at!: string;
  @ApiProperty() entry!: string;
  @ApiProperty() detail!: Record<string, unknown>;
  @ApiProperty() actor!: string;
}

export class ReferralWithTimelineResponse extends ReferralResponse {
  @ApiProperty({ type: [TimelineEntryResponse] }) timeline!: TimelineEntryResponse[];

  static withTimeline(view: ReferralView & { timeline: TimelineEntry[] }): ReferralWithTimelineResponse {
    return { ...ReferralResponse.from(view), timeline: view.timeline.map((e) => ({ ...e, at: e.at.toISOString() })) };
  }
}

export class ReferralPageResponse {
  @ApiProperty({ type: [ReferralResponse] }) items!: ReferralResponse[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

export class AlertListItemResponse extends OpenAlertResponse {
  @ApiProperty() referralId!: string;
  @ApiProperty() personId!: string;
  @ApiProperty() spipDepartement!: string;
  @ApiProperty() siaoDepartement!: string;
  @ApiProperty() expectedReleaseDate!: string;
  @ApiProperty() status!: string;

  static from(alert: OpenAlert): AlertListItemResponse {
    const { open: _open, resolvedOn: _resolved, ...rest } = alert;
    return rest;
  }
}
