// Types of scripts/package.mjs for the TypeScript tests that import it.
export declare const MARKETPLACE_README: string;
export declare function vsixFile(root?: string): string;
export declare function repositoryUrl(root?: string): string;
