// npm run story: plays the two stories against the system `npm start` runs and prints their timelines,
// the signed webhooks a SPIP and a SIAO received, and how the préfecture's indicators moved.
// Each run starts on the services' current day and lets about eight months pass (clocks move forward).
import { DEMO_DEPARTEMENTS, formatStoriesReport, letTimePassTo, playStories, startedSystemUrls, waitCaughtUp } from '@passerelle/system-driver';

async function main(): Promise<void> {
  const urls = startedSystemUrls();
  const [departement] = DEMO_DEPARTEMENTS;
  const [establishment] = departement.prisons;
  process.stdout.write(`[passerelle] playing the stories in ${departement.code} (${departement.name}), ${establishment.name}; this takes a minute…\n\n`);
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`  … ${line}\n`);
  await waitCaughtUp(urls, log);
  const report = await playStories({ urls, letTimePassTo: (instant) => letTimePassTo(urls, instant), departement: departement.code, establishment, log });
  process.stdout.write(`${formatStoriesReport(report)}\n\n[passerelle] played in ${((Date.now() - started) / 1000).toFixed(0)} s; the services' day is now ${report.sortieSeche.releasedOn}\n`);
}

main().catch((error) => {
  process.stderr.write(`story failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.stderr.write('Is the system running (npm start), with its clock control on (PASSERELLE_CLOCK_CONTROL=1, which npm start sets)?\n');
  process.exit(1);
});
