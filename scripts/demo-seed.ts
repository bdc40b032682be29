// Loads the demo territory into the system `npm start` runs (once: a second run adds nothing), then
// prints what a newcomer needs: the territory, a development token per role and the story command.
import { mintDevToken, Role } from '@passerelle/auth';
import { DEMO_DEPARTEMENT_CODES, seedDemoTerritory, SeededDepartement, startedSystemUrls } from '@passerelle/system-driver';

const HOURS = 12;

function tokenOf(role: Role, organisation?: string, departements = DEMO_DEPARTEMENT_CODES): string {
  return mintDevToken({ subject: `demo-${role}`, roles: [role], departements: role === 'admin' ? [] : departements, organisation, expiresInSeconds: HOURS * 3600 });
}

function describe(departement: SeededDepartement): string {
  const added = departement.imported + departement.structuresCreated + (departement.session.created ? 1 : 0) > 0;
  return `  ${departement.code} ${departement.name.padEnd(17)} ${String(departement.detentions).padStart(4)} detentions, ${departement.structures} structures `
    + `(${departement.reservedPlaces} places fléchées justice), commission on ${departement.session.sessionDate}${added ? '' : '   (already there)'}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const seeded = await seedDemoTerritory(startedSystemUrls());
  const say = (line = '') => process.stdout.write(`${line}\n`);
  say(`[passerelle] demo territory ready (${((Date.now() - started) / 1000).toFixed(1)} s):`);
  seeded.forEach((departement) => say(describe(departement)));
  const structure = seeded[0].aStructure;
  say(`[passerelle] development tokens (valid ${HOURS} h, départements ${DEMO_DEPARTEMENT_CODES.join(', ')}; mint others with npm run token):`);
  say(`  spip        ${tokenOf('spip')}`);
  say(`  siao        ${tokenOf('siao')}`);
  say(`  structure   ${tokenOf('structure', structure.id, [seeded[0].code])}`);
  say(`              (a user of ${structure.name}, ${seeded[0].code}: organisation ${structure.id})`);
  say(`  prefecture  ${tokenOf('prefecture')}`);
  say(`  admin       ${tokenOf('admin')}`);
  say('[passerelle] play the two stories (a person housed, a sortie sèche), with a readable timeline: npm run story');
}

main().catch((error) => {
  process.stderr.write(`demo seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
