import type { CorpusCase } from '../case';
import { cellCases } from './cells';
import { fileCases } from './files';
import { headerCases } from './headers';
import { numberCases } from './numbers';
import { referenceCases } from './references';
import { shareCases } from './shares';
import { textCases } from './text';

/** The whole bad-input corpus, by group. */
export const CORPUS: Record<string, CorpusCase[]> = {
  headers: headerCases,
  cells: cellCases,
  numbers: numberCases,
  references: referenceCases,
  shares: shareCases,
  text: textCases,
  files: fileCases,
};
