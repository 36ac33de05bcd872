/**
 * Recorded answers for the tests that guard a pure function through a change made for speed:
 * cases drawn from a fixed seed (the demo's generator, the same numbers everywhere), the
 * answers compared with the file recorded once, `UPDATE_GOLDEN=1` to record them again.
 */
import fs from 'node:fs';

export { seededRandom } from '../../apps/cli/src/demo/demo-answers';

/** Fails at the first answer that is not the one recorded in `file`, naming its case. */
export function expectAsRecorded(file: string, answers: readonly string[]): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.writeFileSync(file, `${JSON.stringify(answers, null, 2)}\n`);
  }
  const recorded = JSON.parse(fs.readFileSync(file, 'utf8')) as string[];
  expect(answers).toHaveLength(recorded.length);
  answers.forEach((answer, index) => {
    if (answer !== recorded[index]) {
      throw new Error(`case ${index}: now "${answer}", recorded "${recorded[index]}"`);
    }
  });
}
