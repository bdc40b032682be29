import 'reflect-metadata';
import { runService } from '@passerelle/service-kit';
import { housingPlacementService } from './housing-placement.definition';
import { HousingPlacementModule } from './housing-placement.module';

void runService(HousingPlacementModule, housingPlacementService);
