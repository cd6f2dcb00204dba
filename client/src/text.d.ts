// Template files are bundled as text (esbuild loader `text` in scripts/bundle.js).
declare module '*.roles.yaml' {
  const text: string;
  export default text;
}
