/** Vite's `?raw` imports: a file's text as a string (served vs written SDL; wrangler.toml's limits). */
declare module '*?raw' {
  const text: string;
  export default text;
}
