/** Vite's `?raw` imports: a file's text (tests read wrangler.toml's limits with it). */
declare module '*?raw' {
  const text: string;
  export default text;
}
