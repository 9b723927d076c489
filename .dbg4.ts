import { readFileSync } from 'node:fs';
import * as bc from './tools/ingest/body-choice';
import { readPage } from './tools/ingest/page';
const orig = bc.chooseBody;
const r = readPage(readFileSync(process.argv[2]!, 'utf8'), 'x') as any;
console.log(r.story.paragraphs.map((p: string) => p.slice(0, 50)), r.story.headline);
void orig;
