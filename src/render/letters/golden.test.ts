import { describe, it } from 'vitest';
import { LETTER_KINDS } from '../../domain/letters/index.ts';
import { expectLetterGolden } from '../../../test/golden/letters/golden.ts';
import { readZipPart } from '../report/zip.ts';
import { renderLetterDocx, renderLetterHtml } from './index.ts';
import { sampleLetters } from './samples.fixture.ts';

/** word/document.xml with one element per line, so that a golden diff points at the changed element. */
const documentXml = async (bytes: Buffer) =>
  readZipPart(bytes, 'word/document.xml').replace(/></g, '>\n<') + '\n';

describe('rendered letters match their golden files', () => {
  const letters = sampleLetters();
  for (const kind of LETTER_KINDS) {
    it(`${kind}: HTML`, () => expectLetterGolden(`${kind}.html`, renderLetterHtml(letters[kind])));
    it(`${kind}: DOCX word/document.xml`, async () =>
      expectLetterGolden(`${kind}.document.xml`, await documentXml(await renderLetterDocx(letters[kind]))));
  }
});
