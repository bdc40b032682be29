import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@passerelle/auth';
import { LapseOrientations } from '../../application/lapse-orientations.use-case';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/lapse-sweep')
export class LapseSweepController {
  constructor(private readonly lapse: LapseOrientations) {}

  /** Lapses the orientations not taken in time now (it also runs by itself); safe to call at any time or twice. */
  @Post()
  @HttpCode(200)
  @Roles('admin')
  run(): Promise<{ today: string; lapsed: number }> {
    return this.lapse.run();
  }
}
