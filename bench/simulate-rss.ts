/**
 * Peak memory of one simulate() of a generated portfolio, in a process of its own so that nothing
 * else the bench holds counts: `node --import tsx bench/simulate-rss.ts 10000 240` prints the peak
 * resident set in MB (the process's high-water mark, start-up included).
 */
import { simulate } from '../engine/index';
import { portfolio } from './portfolio';

const [parcels, months] = process.argv.slice(2).map(Number);
const result = simulate(portfolio({ parcels, months, seed: 1 }));
if (!result) throw new Error('no result');
process.stdout.write(`${(process.resourceUsage().maxRSS / 1024).toFixed(0)}\n`);
