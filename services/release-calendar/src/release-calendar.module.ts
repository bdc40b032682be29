import { Module } from '@nestjs/common';
import { ServicePlatformModule } from '@passerelle/service-kit';
import { CalendarSweepController } from './adapters/http/calendar-sweep.controller';
import { DepartementSettingsController } from './adapters/http/departement-settings.controller';
import { DetentionsController } from './adapters/http/detentions.controller';
import { ImportsController } from './adapters/http/imports.controller';
import { PersonalDataController } from './adapters/http/personal-data.controller';
import { ReleasesController } from './adapters/http/releases.controller';
import { DepartementSettingsTypeormRepository } from './adapters/persistence/departement-settings.typeorm-repository';
import { DetentionTypeormRepository } from './adapters/persistence/detention.typeorm-repository';
import { PersonalDataSqlRepository } from './adapters/persistence/personal-data.sql-repository';
import { DailySweepScheduler } from './adapters/scheduling/daily-sweep.scheduler';
import { RetentionSweepScheduler } from './adapters/scheduling/retention-sweep.scheduler';
import { DetentionCommands } from './application/detention-commands.use-case';
import { ManageDepartementSettings } from './application/departement-settings.use-case';
import { DetentionEventPublisher } from './application/detention-event-publisher';
import { DetentionStore } from './application/detention-store';
import { EraseClosedCases } from './application/erase-closed-cases.use-case';
import { ExportPersonalData } from './application/export-personal-data.use-case';
import { GetDetention } from './application/get-detention.use-case';
import { ImportDetentions } from './application/import-detentions.use-case';
import { ListDetentions } from './application/list-detentions.use-case';
import { DEPARTEMENT_SETTINGS_REPOSITORY } from './application/ports/departement-settings.repository';
import { DETENTION_REPOSITORY } from './application/ports/detention.repository';
import { PERSONAL_DATA_REPOSITORY } from './application/ports/personal-data.repository';
import { RegisterDetention } from './application/register-detention.use-case';
import { ReleaseDetentions } from './application/release-detentions.use-case';
import { SweepCalendar } from './application/sweep-calendar.use-case';
import { releaseCalendarService } from './release-calendar.definition';

@Module({
  imports: [ServicePlatformModule.forService(releaseCalendarService)],
  controllers: [DetentionsController, DepartementSettingsController, CalendarSweepController, ImportsController, PersonalDataController, ReleasesController],
  providers: [
    RegisterDetention,
    GetDetention,
    ListDetentions,
    ImportDetentions,
    DetentionCommands,
    ReleaseDetentions,
    SweepCalendar,
    ManageDepartementSettings,
    DetentionEventPublisher,
    DetentionStore,
    DailySweepScheduler,
    EraseClosedCases,
    ExportPersonalData,
    RetentionSweepScheduler,
    { provide: DETENTION_REPOSITORY, useClass: DetentionTypeormRepository },
    { provide: DEPARTEMENT_SETTINGS_REPOSITORY, useClass: DepartementSettingsTypeormRepository },
    { provide: PERSONAL_DATA_REPOSITORY, useClass: PersonalDataSqlRepository },
  ],
})
export class ReleaseCalendarModule {}
