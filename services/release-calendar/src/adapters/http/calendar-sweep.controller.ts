import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@passerelle/auth';
import { SweepCalendar, SweepReport } from '../../application/sweep-calendar.use-case';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/sweep')
export class CalendarSweepController {
  constructor(private readonly sweep: SweepCalendar) {}

  /** Runs the daily sweep now (it also runs by itself); safe to call at any time, twice, or from two instances. */
  @Post()
  @HttpCode(200)
  @Roles('admin')
  run(): Promise<SweepReport> {
    return this.sweep.execute();
  }
}
