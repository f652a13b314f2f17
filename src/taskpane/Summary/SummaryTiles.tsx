// The summary in six numbers, three to a row: tasks, done, completion rate, overdue, due soon, data problems.

import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { word } from "../../core";
import type { WordId } from "../../core/i18n";
import type { SummaryTilesProps } from "./SummaryTiles.types";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  tile: {
    display: "flex",
    flexDirection: "column-reverse",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  label: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    fontVariantNumeric: "tabular-nums",
  },
  danger: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground3 },
});

type Tone = "danger" | "warning" | undefined;

export function SummaryTiles({ total, locale }: SummaryTilesProps) {
  const styles = useStyles();
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const tiles: ReadonlyArray<{ id: WordId; value: string; tone: Tone }> = [
    { id: "tasks", value: String(total.tasks), tone: undefined },
    { id: "done", value: String(total.done), tone: undefined },
    {
      id: "completionRate",
      value: total.tasks > 0 ? percent.format(total.completionRate) : "—",
      tone: undefined,
    },
    { id: "overdue", value: String(total.overdue), tone: total.overdue > 0 ? "danger" : undefined },
    { id: "dueSoon", value: String(total.dueSoon), tone: total.dueSoon > 0 ? "warning" : undefined },
    {
      id: "dataProblems",
      value: String(total.dataProblems),
      tone: total.dataProblems > 0 ? "warning" : undefined,
    },
  ];
  // dt comes before dd, as HTML wants; column-reverse shows the number above its label.
  return (
    <dl className={styles.grid}>
      {tiles.map((tile) => (
        <div key={tile.id} className={styles.tile}>
          <dt className={styles.label}>{word(tile.id, locale)}</dt>
          <dd className={mergeClasses(styles.value, tile.tone && styles[tile.tone])}>{tile.value}</dd>
        </div>
      ))}
    </dl>
  );
}
