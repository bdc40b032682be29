import { describeHostileHttp, startService } from '@passerelle/testing';
import { housingPlacementService } from '../../src/housing-placement.definition';
import { HousingPlacementModule } from '../../src/housing-placement.module';

describeHostileHttp('housing-placement: every operation of its API against hostile requests', () => startService(HousingPlacementModule, housingPlacementService));
