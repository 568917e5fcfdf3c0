import { expect } from '@open-wc/testing';
import { createClient, type RatingReceipt } from '@motcua/sdk';
import { env, setFault } from './support/page.js';

const RATINGS = 200;
const BATCH = 20;

/** Total ratings of an office, read directly from the real server (not through the proxy, not from a cache). */
async function storedTotal(office: string): Promise<number> {
  const res = await fetch(`${env().urls.main}/v1/ratings/summary?office=${office}`, { cache: 'no-store' });
  expect(res.status).to.equal(200);
  return ((await res.json()) as { total: number }).total;
}

/** A fresh Idempotency-Key, kept by the caller across every attempt of one rating. */
const key = (i: number) => `flaky-${i}-${Math.random().toString(36).slice(2, 12)}`;

describe('flaky network: 30 % of requests dropped, 30 % of answers lost, 30 % delayed', () => {
  afterEach(async () => {
    await setFault('up');
  });

  it(`${RATINGS} ratings submitted through it end as exactly ${RATINGS} stored ratings`, async function () {
    this.timeout(300000);
    const offices = (await (await fetch(`${env().urls.main}/v1/offices`)).json()) as { items: { id: string }[] };
    const office = offices.items.at(-1)!.id;
    const before = await storedTotal(office);

    await setFault('flaky', { seed: 20260217, dropRequests: 0.3, dropResponses: 0.3, delay: 0.3 });
    // The SDK retries a few times itself; the page keeps trying (same key) until the server's receipt arrives.
    const client = createClient({ baseUrl: `${env().proxy}/_/flaky`, timeout: 5000, retry: { limit: 2, backoffLimit: 200 } });
    const receipts: RatingReceipt[] = [];
    let failedAttempts = 0;
    const submitUntilStored = async (i: number): Promise<void> => {
      const idempotencyKey = key(i);
      const level = (['very_satisfied', 'satisfied', 'dissatisfied'] as const)[i % 3]!;
      const submission = { target: { type: 'office' as const, id: office }, level, ...(level === 'dissatisfied' ? { comment: `Góp ý số ${i}` } : {}) };
      for (let attempt = 0; attempt < 30; attempt++) {
        try {
          receipts.push(await client.ratings.submit(submission, { idempotencyKey }));
          return;
        } catch {
          failedAttempts++;
        }
      }
      throw new Error(`rating ${i} never got a receipt in 30 attempts`);
    };
    for (let start = 0; start < RATINGS; start += BATCH) {
      await Promise.all(Array.from({ length: BATCH }, (_, j) => submitUntilStored(start + j)));
    }
    const counted = await setFault('up');
    console.log(`flaky network: ${JSON.stringify(counted)}; ${failedAttempts} failed attempts retried by the page`);

    // The network really was flaky: requests and answers were lost, so duplicates were possible.
    expect(counted['dropped-request'] ?? 0, JSON.stringify(counted)).to.be.greaterThan(20);
    expect(counted['dropped-response'] ?? 0, JSON.stringify(counted)).to.be.greaterThan(20);
    expect(failedAttempts).to.be.greaterThan(0);
    // One receipt per rating, each a distinct stored rating, and exactly that many more ratings in the database.
    expect(receipts).to.have.length(RATINGS);
    expect(new Set(receipts.map((r) => r.id)).size).to.equal(RATINGS);
    expect(await storedTotal(office)).to.equal(before + RATINGS);
  });
});
