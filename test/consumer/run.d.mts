// Declarations of run.mjs, for test/consumer.test.ts and bench/package.ts.
export interface Outcome {
  failures: string[];
  notes: string[];
}
export declare const root: string;
export declare const compilers: Record<"TypeScript 5.9" | "TypeScript 7", string>;
export declare const mnistFile: string;
export declare function makeProject(): string;
export declare function checkTypes(project: string): Outcome;
export declare function checkNode(project: string): Outcome;
export declare function checkBrowser(project: string): Promise<Outcome>;
export declare function checkChecker(project: string): Outcome;
