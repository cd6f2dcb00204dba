/** The last part of a path, for messages ("department.catalogue.yaml"). */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Zero-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
