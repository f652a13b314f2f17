// Wording findings, notices and problems in a locale: the only place words are chosen.

import type { Finding, Notice } from "../findings";
import type { Locale } from "../settings";
import type { Field } from "../table/fields";
import type { TableProblem } from "../table/locate";
import { pictureId } from "../values/picture";
import {
  MESSAGE_IDS,
  NOTICE_IDS,
  type Catalogue,
  type MessageId,
  type NoticeId,
  type WordId,
} from "./catalogue";
import { enUS } from "./en-US";
import { zhCN } from "./zh-CN";

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { "zh-CN": zhCN, "en-US": enUS };
export { MESSAGE_IDS, NOTICE_IDS, type Catalogue, type MessageId, type NoticeId, type WordId };

const MESSAGE_ID_SET: ReadonlySet<string> = new Set(MESSAGE_IDS);

function isMessageId(id: string): id is MessageId {
  return MESSAGE_ID_SET.has(id);
}

/** The sentence for a finding, naming its cell, its value and what to do. */
export function formatFinding(finding: Finding, locale: Locale): string {
  const catalogue = CATALOGUES[locale];
  if (!isMessageId(finding.messageId)) throw new Error(`No wording for message ${finding.messageId}`);
  const field = finding.values.field;
  // Object.assign rather than a spread: the same object, but each rule's values have a shape of their own,
  // and V8 copies mixed shapes by assign several times faster (a large issues sheet words one per finding).
  // The rule's values come after the row's unit and task: unknown-unit names the unit it could not find, the
  // second of 综采一队、二队, not the row's lead unit.
  const values = Object.assign({ unit: finding.unit ?? "", task: finding.task ?? "" }, finding.values, {
    cell: finding.column
      ? `${finding.column}${finding.row}`
      : `${catalogue.words.sheet} ${finding.sheet} #${finding.row}`,
    fieldName: typeof field === "string" ? (catalogue.fields[field as Field] ?? field) : undefined,
  });
  // A cell's text a rule could not read may be a picture placed in it: worded as notices word one.
  if (typeof values.value === "string" && pictureId(values.value) !== undefined)
    (values as Record<string, unknown>).value = catalogue.output.feedback.picture;
  return catalogue.messages[finding.messageId](values);
}

/**
 * Where a finding is, as the issues sheet and the pane name it: its cell (D4), or its row for a finding about
 * a whole row (第 7 行); marked when the row is hidden (D4（隐藏）).
 */
export function findingPlace(finding: Finding, locale: Locale, hidden: boolean): string {
  const output = CATALOGUES[locale].output;
  const place = finding.column ? `${finding.column}${finding.row}` : output.rowRef(finding.row);
  return hidden ? output.hiddenRef(place) : place;
}

export function formatNotice(notice: Notice, locale: Locale): string {
  return CATALOGUES[locale].notices[notice.id](notice.values);
}

export function formatTableProblem(problem: TableProblem, locale: Locale): string {
  const catalogue = CATALOGUES[locale];
  // Fields are data (ids); the person reads them as the header words of their language.
  const names = catalogue.fields;
  const list = (items: readonly string[]) =>
    items.length === 0 ? catalogue.words.none : items.join(catalogue.words.listSeparator);
  switch (problem.problem) {
    case "missing-columns": {
      const { fields, found, ...values } = problem.values;
      return catalogue.tableProblems[problem.problem]({
        ...values,
        fields: list(fields.map((field) => names[field])),
        found: list(found.map(({ field, column }) => `${names[field]} ${column}`)),
      });
    }
    case "column-not-found":
      return catalogue.tableProblems[problem.problem]({
        ...problem.values,
        field: names[problem.values.field],
      });
    default:
      return catalogue.tableProblems[problem.problem](problem.values);
  }
}

export function word(id: WordId, locale: Locale): string {
  return CATALOGUES[locale].words[id];
}
