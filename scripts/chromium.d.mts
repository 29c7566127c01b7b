import type { LaunchOptions } from '@playwright/test';
export const CHROMIUM_ARGS: string[];
export function chromiumExecutable(): string | undefined;
export function chromiumLaunchOptions(extraArgs?: string[]): LaunchOptions;
