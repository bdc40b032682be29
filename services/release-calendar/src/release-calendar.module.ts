import { Module } from '@nestjs/common';
import { ServicePlatformModule } from '@passerelle/service-kit';
import { CalendarSweepController } from './adapters/http/calendar-sweep.controller';
import { DepartementSettingsController } from './adapters/http/departement-settings.controller';
import { DetentionsController } from './adapters/http/detentions.controller';
import { ImportsController } from './adapters/http/imports.controller';
import { DepartementSettingsTypeormRepository } from './adapters/persistence/departement-settings.typeorm-repository';
import { DetentionTypeormRepository } from './adapters/persistence/detention.typeorm-repository';
import { DailySweepScheduler } from './adapters/scheduling/daily-sweep.scheduler';
import { DetentionCommands } from './application/detention-commands.use-case';
import { ManageDepartementSettings } from './application/departement-settings.use-case';
import { DetentionEventPublisher } from './application/detention-event-publisher';
import { DetentionStore } from './application/detention-store';
import { GetDetention } from './application/get-detention.use-case';
import { ImportDetentions } from './application/import-detentions.use-case';
import { ListDetentions } from './application/list-detentions.use-case';
import { DEPARTEMENT_SETTINGS_REPOSITORY } from './application/ports/departement-settings.repository';
import { DETENTION_REPOSITORY } from './application/ports/detention.repository';
import { RegisterDetention } from './application/register-detention.use-case';
import { SweepCalendar } from './application/sweep-calendar.use-case';
import { releaseCalendarService } from './release-calendar.definition';

@Module({
  imports: [ServicePlatformModule.forService(releaseCalendarService)],
  controllers: [DetentionsController, DepartementSettingsController, CalendarSweepController, ImportsController],
  providers: [
    RegisterDetention,
    GetDetention,
    ListDetentions,
    ImportDetentions,
    DetentionCommands,
    SweepCalendar,
    ManageDepartementSettings,
    DetentionEventPublisher,
    DetentionStore,
    DailySweepScheduler,
    { provide: DETENTION_REPOSITORY, useClass: DetentionTypeormRepository },
    { provide: DEPARTEMENT_SETTINGS_REPOSITORY, useClass: DepartementSettingsTypeormRepository },
  ],
})
export class ReleaseCalendarModule {}
