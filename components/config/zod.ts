/**
 * zod as every config module uses it. A stack config is parsed once per process: zod's compiled
 * fast path (generated with `new Function`) costs more to build than it saves on a single parse.
 * zod reads the setting when each object schema is constructed, so it must be set before any
 * schema exists: every config module imports `z` from here, never from "zod" directly.
 */
import { z } from "zod";

z.config({ jitless: true });

export { z };
