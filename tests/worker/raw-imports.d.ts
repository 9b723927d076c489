/** Vite's `?raw` imports: a file's text as a string (the SDL, wrangler.toml, operations/*.graphql). */
declare module '*?raw' {
  const text: string;
  export default text;
}
