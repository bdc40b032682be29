import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@passerelle/auth';
import { IsISO8601 } from 'class-validator';
import { AdjustableClock, CLOCK, Clock, parisDate } from './clock';

export class SetClockRequest {
  @ApiProperty({ example: '2027-05-01T08:00:00+02:00', description: 'the instant the service takes as now' })
  @IsISO8601({ strict: true })
  now!: string;
}

export interface ClockReading {
  now: string;
  /** Today's calendar date in Europe/Paris. */
  today: string;
}

/**
 * Lets days pass in a demo or a multi-process test: each service process keeps its own clock, so
 * a driver moves all of them. Answers 404 unless PASSERELLE_CLOCK_CONTROL=1 (never in production).
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/clock')
export class ClockController {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @Get()
  @Roles('admin')
  read(): ClockReading {
    return readingOf(this.clock);
  }

  @Put()
  @HttpCode(200)
  @Roles('admin')
  set(@Body() request: SetClockRequest): ClockReading {
    if (!(this.clock instanceof AdjustableClock)) throw new NotFoundException('clock control is off (PASSERELLE_CLOCK_CONTROL=1 turns it on outside production)');
    this.clock.set(request.now);
    return readingOf(this.clock);
  }
}

function readingOf(clock: Clock): ClockReading {
  const now = clock.now();
  return { now: now.toISOString(), today: parisDate(now) };
}
