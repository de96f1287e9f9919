import { importFigures } from './import.ts';
console.log(JSON.stringify(await importFigures()));
