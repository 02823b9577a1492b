// `npm start`: build the web app when its sources changed, then start the server — in one process, so that a
// start pays for one TypeScript loader rather than two (start-up time, issue 12; docs/operations/startup.md).
import { buildWebIfChanged } from './build-web';

await buildWebIfChanged(false);
await import('../server/main');
