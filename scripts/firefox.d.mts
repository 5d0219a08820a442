// Types for scripts/firefox.mjs (plain JavaScript so that Node runs it without a build step).
import type { ChildProcess } from 'node:child_process';

export const FIREFOX_PATH: string;

/** One line saying how to get Firefox ESR, or null when it is there. */
export function firefoxMissing(): string | null;

/** What the Firefox build must be; the problems found, one line each. */
export function firefoxBuildProblems(sourceDir: string): string[];

/** `web-ext lint`: null when it reports nothing, else why not (problems, no report, timeout). */
export function lintProblems(sourceDir: string, options?: { timeoutMs?: number }): string | null;

/** `web-ext run` in headless Firefox ESR: null once it installed the build as a temporary add-on, else why not. */
export function installsAsTemporaryAddon(sourceDir: string): Promise<string | null>;

/** Stops a detached child's whole process group (SIGINT, then SIGKILL), even when the child itself has exited. */
export function stopGroup(child: ChildProcess): Promise<void>;
