import { measureBulk, measureSigning } from './signing';

// The benchmark page (built only by `npm run bench`, S3P_BENCH=1): it bundles the same utils/presign.ts the
// background and popup ship, through the same build, and exposes the measurements for scripts/bench/ to call
// with page.evaluate. It runs nothing by itself.

/** What scripts/bench/ calls in this page. */
export interface BenchApi {
  measureSigning: typeof measureSigning;
  measureBulk: typeof measureBulk;
}

declare global {
  interface Window {
    s3pBench?: BenchApi;
  }
}

window.s3pBench = { measureSigning, measureBulk };
document.body.dataset.ready = 'true';
