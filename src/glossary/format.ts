/**
 * What a glossary file is, before anything reads or parses it: its name and text, and which file
 * names are glossary files in which format. Pure and dependency-free, so the parser-free reader
 * (`sources.ts`), the builder (`build.ts`), the store and the web app share one definition.
 */

/** One glossary file's name (as it should appear in messages) and text. */
export interface GlossarySource {
  file: string;
  text: string;
}

/** Whether a file name is a glossary file, and which format: `yaml`, `tsv`, or undefined. */
export function glossaryFormat(file: string): 'yaml' | 'tsv' | undefined {
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  if (/\.tsv$/i.test(file)) return 'tsv';
  return undefined;
}
