import { rssOverRehearsedDay } from '../server.ts';
console.table(await rssOverRehearsedDay(Number(process.argv[2] ?? 60000)));
