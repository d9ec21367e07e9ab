// The parse-ahead thread starts without the parent's TypeScript loader: register tsx, then load its body.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
