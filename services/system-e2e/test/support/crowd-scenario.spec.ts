import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { departementForRun, UNUSED_DEPARTEMENTS } from './crowd-scenario';

const ROOT = path.resolve(__dirname, '../../../..');

/** Every test file of the services and libraries, where a fixed département would be written. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(full);
    return /\.(spec|integration-spec|e2e-spec|fault-spec)\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** `const DEPARTEMENT = '04'`, `const D = '07'`: the way the suites name the one they publish for. */
function fixedDepartements(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/const (?:DEPARTEMENT|D) = '(\w{2,3})'/g)].map((match) => match[1]);
}

describe('the départements the crowd and fault runs take', () => {
  it('are never one another suite publishes for, which would add its people to the runs’ counts', () => {
    const taken = ['services', 'libs'].flatMap((group) => testFiles(path.join(ROOT, group)))
      .flatMap((file) => fixedDepartements(file).map((departement) => `${departement} (${path.relative(ROOT, file)})`));
    expect(taken.length).toBeGreaterThan(5);
    expect(taken.filter((entry) => UNUSED_DEPARTEMENTS.includes(entry.split(' ')[0]))).toEqual([]);
  });

  it('give the crowd and the fault run different ones in the same minute', () => {
    for (let minute = 0; minute < UNUSED_DEPARTEMENTS.length; minute += 1) {
      expect(departementForRun('crowd', minute * 60_000)).not.toBe(departementForRun('faults', minute * 60_000));
    }
  });
});
