import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@passerelle/auth';
import { StallSweepReport, SweepStalledReferrals } from '../../application/sweep-stalled-referrals.use-case';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/stall-sweep')
export class StallSweepController {
  constructor(private readonly sweep: SweepStalledReferrals) {}

  /** Looks for stalled requests now (it also runs by itself); safe to call at any time or twice. */
  @Post()
  @HttpCode(200)
  @Roles('admin')
  run(): Promise<StallSweepReport> {
    return this.sweep.execute();
  }
}
