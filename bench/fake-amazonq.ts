/**
 * The test suite's Amazon Q / Kiro fake (tests/fakes/amazonq-fake.ts) as a benchmark upstream, in its
 * own process: every chat is answered with BENCH_CHUNKS (default 50) text frames and the usual usage
 * frames, written at once. What it records is dropped every second so memory stays flat under load.
 * Prints `ready <port>` on stdout once listening.
 */
import { fakeScenarios, startFakeAmazonQ } from '../tests/fakes/amazonq-fake.js';

const chunkCount = Number(process.env.BENCH_CHUNKS ?? 50);
const answer = fakeScenarios.text(Array.from({ length: chunkCount }, (_, index) => `word${index} `));
const fake = await startFakeAmazonQ();
// The fake answers queued scenarios in order: the queue starts longer than any second of load needs,
// and every second what was answered is queued again.
const queueAnswers = (count: number): void => fake.enqueue(...Array.from({ length: count }, () => answer));
queueAnswers(20_000);
setInterval(() => {
  const answered = fake.chatRequests().length;
  fake.requests.length = 0;
  queueAnswers(answered);
}, 1000);
process.stdout.write(`ready ${new URL(fake.url).port}\n`);
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
