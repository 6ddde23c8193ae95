import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Test support: lets pending callbacks run and collects garbage, a few times over, so that a
 * `WeakRef` to what nothing holds any more reads `undefined` afterwards.
 */
export async function collectGarbage(): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
}
