// Print the summary of a V8 .cpuprofile (from `node --cpu-prof`): busy time by package and by function,
// the project's own functions by inclusive time, and who calls into the busiest packages.
// Run: npx tsx bench/cpuprofile.ts <file.cpuprofile> [skip-ms]
import { summarizeProfile, type Frame } from './lib/profile.js';

const [file, skip] = process.argv.slice(2);
if (!file) throw new Error('usage: npx tsx bench/cpuprofile.ts <file.cpuprofile> [skip-ms]');
const summary = summarizeProfile(file, Number(skip ?? 0));
const show = (title: string, frames: Frame[]) => {
  console.log(`\n${title}`);
  for (const f of frames) console.log(`  ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}`);
};
console.log(`${summary.totalMs.toFixed(0)} ms profiled, ${(summary.idleShare * 100).toFixed(0)}% idle; shares are of busy time`);
show('packages (self)', summary.packages);
show('functions (self)', summary.selfTop);
show('project functions (inclusive)', summary.ownInclusive);
for (const { pkg, frames } of summary.callers) show(`callers into ${pkg}`, frames);
