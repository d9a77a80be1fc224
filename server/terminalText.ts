/**
 * Text from a workbook (an agency's name, a goal's, a message quoting a cell) shown on a terminal. A cell can
 * hold escape sequences that clear the screen, retitle the window, hide text or fake a hyperlink, and bidi
 * overrides that make text read differently from what it is. None of that is the user's data on screen, so
 * it is removed before anything reaches the terminal.
 */

/** ESC-introduced sequences: CSI (`ESC [ … final`), OSC/DCS/PM/APC/SOS (up to BEL or `ESC \`), or ESC + one. */
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\x1b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?|[\s\S]?)/g;

/** C1 controls introducing the same kinds of sequence on their own (CSI 0x9B, OSC 0x9D, DCS 0x90, ...). */
// eslint-disable-next-line no-control-regex
const C1_SEQUENCE = /\x9b[0-?]*[ -/]*[@-~]?|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x9c)?/g;

/** C0 controls except tab and newline, DEL, C1, and the bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(C1_SEQUENCE, '').replace(CONTROL, '');
}

/**
 * JSON for a terminal: the same document once parsed (no data is changed), but with C1 controls, DEL and bidi
 * controls written as `\u` escapes, since JSON.stringify escapes only C0.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(
    /[\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
