import { Module } from '@nestjs/common';
import { ServicePlatformModule } from '@passerelle/service-kit';
import { AdmissionController } from './adapters/http/admission.controller';
import { CommissionController } from './adapters/http/commission.controller';
import { LapseSweepController } from './adapters/http/lapse-sweep.controller';
import { PersonalDataController } from './adapters/http/personal-data.controller';
import { StructuresController } from './adapters/http/structures.controller';
import { ReferralEventsConsumer } from './adapters/kafka/referral-events.consumer';
import { CommissionSessionTypeormRepository } from './adapters/persistence/commission-session.typeorm-repository';
import { HousingRequestTypeormRepository } from './adapters/persistence/housing-request.typeorm-repository';
import { PersonalDataSqlRepository } from './adapters/persistence/personal-data.sql-repository';
import { PlacementTypeormRepository } from './adapters/persistence/placement.typeorm-repository';
import { StructureTypeormRepository } from './adapters/persistence/structure.typeorm-repository';
import { LapseSweepScheduler } from './adapters/scheduling/lapse-sweep.scheduler';
import { RetentionSweepScheduler } from './adapters/scheduling/retention-sweep.scheduler';
import { AdmissionCommands } from './application/admission-commands.use-case';
import { CommissionCommands } from './application/commission-commands.use-case';
import { EraseClosedCases } from './application/erase-closed-cases.use-case';
import { ExportPersonalData } from './application/export-personal-data.use-case';
import { HousingEventPublisher } from './application/housing-event-publisher';
import { HousingQueries } from './application/housing-queries.use-case';
import { HousingStore } from './application/housing-store';
import { LapseOrientations } from './application/lapse-orientations.use-case';
import { Places } from './application/places';
import { COMMISSION_SESSION_REPOSITORY } from './application/ports/commission-session.repository';
import { HOUSING_REQUEST_REPOSITORY } from './application/ports/housing-request.repository';
import { PERSONAL_DATA_REPOSITORY } from './application/ports/personal-data.repository';
import { PLACEMENT_REPOSITORY } from './application/ports/placement.repository';
import { STRUCTURE_REPOSITORY } from './application/ports/structure.repository';
import { ReceiveReferrals } from './application/receive-referrals.use-case';
import { StructureCommands } from './application/structure-commands.use-case';
import { housingPlacementService } from './housing-placement.definition';

@Module({
  imports: [ServicePlatformModule.forService(housingPlacementService)],
  controllers: [StructuresController, CommissionController, AdmissionController, LapseSweepController, PersonalDataController],
  providers: [
    Places,
    HousingEventPublisher,
    HousingStore,
    ReceiveReferrals,
    StructureCommands,
    CommissionCommands,
    AdmissionCommands,
    HousingQueries,
    LapseOrientations,
    LapseSweepScheduler,
    EraseClosedCases,
    ExportPersonalData,
    RetentionSweepScheduler,
    ReferralEventsConsumer,
    { provide: HOUSING_REQUEST_REPOSITORY, useClass: HousingRequestTypeormRepository },
    { provide: STRUCTURE_REPOSITORY, useClass: StructureTypeormRepository },
    { provide: PLACEMENT_REPOSITORY, useClass: PlacementTypeormRepository },
    { provide: COMMISSION_SESSION_REPOSITORY, useClass: CommissionSessionTypeormRepository },
    { provide: PERSONAL_DATA_REPOSITORY, useClass: PersonalDataSqlRepository },
  ],
})
export class HousingPlacementModule {}
