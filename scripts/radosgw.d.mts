// Types for scripts/radosgw.mjs: those of scripts/radosgw/index.mjs, whose API it re-exports.

export * from './radosgw/index.mjs';
