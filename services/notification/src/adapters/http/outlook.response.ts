import { ApiProperty } from '@nestjs/swagger';

/** One Monday-to-Sunday week of the outlook (Europe/Paris). Counts only. */
export class OutlookWeekResponse {
  @ApiProperty({ example: '2026-11-02', description: 'Monday' }) weekStart!: string;
  @ApiProperty({ example: '2026-11-08', description: 'Sunday, included' }) weekEnd!: string;
  @ApiProperty({ example: 14, description: 'People still in prison whose expected release date, bound for the département, falls in the week' })
  releasesExpected!: number;
  @ApiProperty({ example: 9, description: 'Of those, the people no placement holds a place for: none confirmed, or each one since cancelled, declined or no-show' })
  releasesWithoutPlacement!: number;
  @ApiProperty({
    example: 4,
    description: 'Places fléchées justice of the département\'s structures free on the week\'s Sunday (stays have no planned end, so free for anyone released that week): '
      + 'each structure\'s free reserved places on its latest capacity.changed, less one per placement booked into it from a later day up to that Sunday',
  })
  reservedPlacesFree!: number;
  @ApiProperty({ example: 5, description: 'releasesWithoutPlacement − reservedPlacesFree: positive when places are missing. Weeks stand alone: gaps do not add up' })
  gap!: number;
}

/** A département's 12-week outlook of releases and reserved places: figures, never people. */
export class OutlookResponse {
  @ApiProperty({ example: '94' }) departement!: string;
  @ApiProperty({ example: '2026-11-04', description: 'Today in Europe/Paris: the first week holds it' }) asOf!: string;
  @ApiProperty({ type: [OutlookWeekResponse], description: 'The week holding asOf and the eleven after it' }) weeks!: OutlookWeekResponse[];
}
