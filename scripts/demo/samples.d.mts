// Types for scripts/demo/samples.mjs.

export const DEMO_BUCKET: string;
export const BIG_FOLDER: string;
export const BIG_FOLDER_SIZE: number;
export function demoPdf(title: string): Buffer;
export function demoSamples(): { key: string; body: Buffer; type: string }[];
export function bigFolderKey(index: number): string;
