/** unbzip2-stream ships no types: a function returning a transform stream from bzip2 to bytes. */
declare module 'unbzip2-stream' {
  import type { Transform } from 'node:stream';
  export default function unbzip2Stream(): Transform;
}
