import { Module } from '@nestjs/common';
import { ServicePlatformModule } from '@passerelle/service-kit';
import { housingPlacementService } from './housing-placement.definition';

/** Platform only (health, metrics, docs, messaging) until the referral events it reacts to exist. */
@Module({
  imports: [ServicePlatformModule.forService(housingPlacementService)],
})
export class HousingPlacementModule {}
