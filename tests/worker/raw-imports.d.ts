/** Vite's `?raw` imports: a file's text as a string (used to compare served and written SDL). */
declare module '*?raw' {
  const text: string;
  export default text;
}
