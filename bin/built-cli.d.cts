// Types of built-cli.cjs for the TypeScript that imports it (the build script, the test setup, the bench).
export declare const MANIFEST: string;
export declare function builtCliIsFresh(): boolean;
export declare function loadBuiltCli(): { main(argv: string[], io?: { out(text: string): void; err(text: string): void }): Promise<number> } | null;
export declare function writeCodeCache(): string[];
export declare function recordedAnswer(argv: string[]): { out: string; err: string; code: number } | null;
