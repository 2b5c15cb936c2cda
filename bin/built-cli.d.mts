// Types of built-cli.mjs for the TypeScript that imports it (the build script and the test setup).
export declare const BUILT_CLI: string;
export declare function builtCliIsFresh(): boolean;
