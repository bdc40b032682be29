import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUrl, Length, Matches, Max, Min } from 'class-validator';
import { IsDepartementCode } from '@passerelle/contracts';
import { SUBSCRIBER_ROLES, SubscriberRole } from '../../domain/webhooks/subscriber-view';

export class CreateSubscriptionRequest {
  @ApiProperty({ example: 'https://si.spip-94.justice.fr/passerelle/webhooks' })
  @IsString() @Length(1, 2000) @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false }) url!: string;
  @ApiProperty({ example: ['release-calendar.*', 'referral.alert.raised'], description: 'Event types, `<service>.*` or `*`' })
  @ArrayMinSize(1) @ArrayMaxSize(50) @ArrayUnique() @IsString({ each: true }) @Length(1, 100, { each: true }) eventTypes!: string[];
  @ApiProperty({ example: ['94'] }) @ArrayMinSize(1) @ArrayMaxSize(101) @ArrayUnique() @IsDepartementCode({ each: true }) departements!: string[];
  @ApiProperty({ enum: SUBSCRIBER_ROLES, description: 'The role the subscriber receives as: only a SPIP receives identities' })
  @IsIn(SUBSCRIBER_ROLES) role!: SubscriberRole;
}

export class ReplayRequest {
  @ApiProperty({ example: '2026-11-20T00:00:00Z', description: 'Failed deliveries created since then are sent again' })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'since must be a date and time such as 2026-11-20T00:00:00Z' })
  @IsISO8601({ strict: true }) since!: string;
}

const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

export class HistoryQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES }) @IsOptional() @IsIn(DELIVERY_STATUSES) status?: (typeof DELIVERY_STATUSES)[number];
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit = 50;
}
