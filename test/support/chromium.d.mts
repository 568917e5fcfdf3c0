import type { Browser, LaunchOptions } from 'playwright-core';

export declare const CHROME_PATH: string;
export declare const CHROMIUM_FLAGS: readonly string[];
export declare function chromiumLaunchOptions(): LaunchOptions & { executablePath: string; headless: true; args: string[] };
export declare function launchChromium(): Promise<Browser>;
