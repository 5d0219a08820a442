// Types for scripts/demo/page.mjs.

export function demoPage(options: {
  bucket: string;
  objectUrl: (key: string) => string;
  verifiesSignatures: boolean;
}): string;
