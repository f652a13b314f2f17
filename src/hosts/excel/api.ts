// The part of the Excel JavaScript API (Office.js) that the Excel host uses, as our own interfaces: the real
// `Excel` and `Office` globals satisfy them structurally (test/excel-host.test.ts checks it against
// @types/office-js), and test/fakes/excel.ts implements them in memory for tests and the bench.
//
// Enumerations are plain strings here ("VeryHidden", "Custom"): Office.js takes the string forms of its enums.

/** `Excel`, or its fake: one batch of queued operations per `run`, sent to the workbook on each `sync()`. */
export interface ExcelRunner {
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
}

/** `Office`, for the requirement-set check. */
export interface OfficeRuntime {
  readonly context: {
    readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

export interface RequestContext {
  readonly workbook: Workbook;
  /** Sends the queued operations and loads; resolves when the workbook has answered. */
  sync(): Promise<unknown>;
}

/** Properties common to every proxy object. */
export interface ClientObject {
  /** Readable after a load and a sync, for objects from a `…OrNullObject` method. */
  readonly isNullObject: boolean;
}

export interface Workbook {
  /** The file's name (ExcelApi 1.7). */
  readonly name: string;
  readonly worksheets: WorksheetCollection;
  /** Worksheet functions evaluated by Excel without touching a cell (ExcelApi 1.2). */
  readonly functions: Functions;
  /** Protect Workbook, structure (ExcelApi 1.7): load("protection/protected"). */
  readonly protection: { readonly protected: boolean };
  load(propertyNames: string | string[]): Workbook;
}

export interface Functions {
  date(year: number, month: number, day: number): FunctionResult<number>;
}

export interface FunctionResult<T> {
  readonly value: T;
  load(propertyNames: string | string[]): FunctionResult<T>;
}

export interface WorksheetCollection {
  readonly items: Worksheet[];
  load(propertyNames: string | string[]): WorksheetCollection;
  getItem(key: string): Worksheet;
  getItemOrNullObject(key: string): Worksheet;
  /** The sheet the person is looking at: a workbook always has one (ExcelApi 1.1). */
  getActiveWorksheet(): Worksheet;
  /** Appended after the last sheet; not activated. */
  add(name?: string): Worksheet;
}

export interface Worksheet extends ClientObject {
  /** Stays the same through a rename; `getItem` takes it as well as a name. */
  readonly id: string;
  name: string;
  /** "Visible" | "Hidden" | "VeryHidden" */
  visibility: string;
  readonly freezePanes: WorksheetFreezePanes;
  readonly autoFilter: AutoFilter;
  readonly pageLayout: PageLayout;
  readonly charts: ChartCollection;
  /** The sheet's Excel Tables (ExcelApi 1.1). */
  readonly tables: TableCollection;
  readonly horizontalPageBreaks: PageBreakCollection;
  /** Protect Sheet (ExcelApi 1.2): load("protection/protected"). */
  readonly protection: { readonly protected: boolean };
  load(propertyNames: string | string[]): Worksheet;
  getRange(address?: string): Range;
  /** Zero-based (ExcelApi 1.7). */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range;
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range;
  delete(): void;
  activate(): void;
}

export interface TableCollection {
  /** Loaded: load("items/name,items/showHeaders,items/showTotals"). */
  readonly items: Table[];
  load(propertyNames: string | string[]): TableCollection;
}

/** An Excel Table (a ListObject). */
export interface Table {
  readonly name: string;
  /** Whether the header row shows (ExcelApi 1.1); a hidden one is no part of the table's range. */
  readonly showHeaders: boolean;
  /** Whether the totals row shows (ExcelApi 1.1). */
  readonly showTotals: boolean;
  load(propertyNames: string | string[]): Table;
  /** The whole table, its header and totals rows included where they show. */
  getRange(): Range;
}

export interface WorksheetFreezePanes {
  freezeRows(count?: number): void;
}

export interface AutoFilter {
  apply(range: Range | string): void;
}

export interface PageBreakCollection {
  add(pageBreakRange: Range | string): unknown;
}

export interface PageLayout {
  /** "Portrait" | "Landscape" */
  orientation: string;
  /** Set as a whole object, never property by property (Office.js refuses the latter). */
  zoom: PageLayoutZoomOptions;
  centerHorizontally: boolean;
  /** "A4", "Letter", … */
  paperSize: string;
  readonly headersFooters: { readonly defaultForAllPages: { centerFooter: string } };
  setPrintTitleRows(printTitleRows: Range | string): void;
}

export interface PageLayoutZoomOptions {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
}

/** A value as `Range.values` carries it: errors come as their text (#N/A), an empty cell as "". */
export type CellScalar = string | number | boolean;

/**
 * What a 2-D array written to a range may hold besides values: null leaves that cell as it is ("Blank and
 * null values in Excel add-ins"), so a block can change a few scattered cells in one operation.
 */
export type CellWrite<T> = Array<Array<T | null>>;

export interface Range extends ClientObject {
  get values(): CellScalar[][];
  set values(values: CellWrite<CellScalar>);
  get numberFormat(): string[][];
  set numberFormat(formats: CellWrite<string>);
  /** A formula as typed (=A1) where a cell has one, its value where it has none. */
  get formulas(): CellScalar[][];
  set formulas(formulas: CellWrite<CellScalar>);
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly format: RangeFormat;
  readonly conditionalFormats: ConditionalFormatCollection;
  hyperlink: RangeHyperlink;
  load(propertyNames: string | string[]): Range;
  getCell(row: number, column: number): Range;
  getResizedRange(deltaRows: number, deltaColumns: number): Range;
  getOffsetRange(rowOffset: number, columnOffset: number): Range;
  getEntireColumn(): Range;
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range;
  /** ExcelApi 1.13; fails when the range holds more than 512 merged areas. */
  getMergedAreasOrNullObject(): RangeAreas;
  /**
   * ExcelApi 1.9. "Visible": the cells of the range in rows and columns that are not hidden (by hand or by a
   * filter); a null object when there are none.
   */
  getSpecialCellsOrNullObject(cellType: string): RangeAreas;
  merge(across?: boolean): void;
  select(): void;
  /** "All" | "Formats" | "Contents" | … */
  clear(applyTo?: string): void;
}

export interface RangeHyperlink {
  /** A place in this workbook: `'Sheet'!H12`. */
  documentReference?: string;
  textToDisplay?: string;
  address?: string;
  screenTip?: string;
}

export interface RangeAreas extends ClientObject {
  /** Every area with its sheet: `Sheet1!A1:B4, Sheet1!D1:D4`. */
  readonly address: string;
  readonly areaCount: number;
  load(propertyNames: string | string[]): RangeAreas;
}

export interface RangeFormat {
  readonly fill: { color: string };
  readonly font: RangeFont;
  readonly borders: { getItem(index: string): RangeBorder };
  /** Points, not characters. */
  columnWidth: number;
  /** Points. */
  rowHeight: number;
  /** "General" | "Left" | "Center" | "Right" | … */
  horizontalAlignment: string;
  /** "Top" | "Center" | "Bottom" | … */
  verticalAlignment: string;
  wrapText: boolean;
  autofitRows(): void;
}

export interface RangeFont {
  bold: boolean;
  size: number;
  /** #RRGGBB */
  color: string;
  /** "None" | "Single" | … */
  underline: string;
}

export interface RangeBorder {
  /** "None" | "Continuous" | … */
  style: string;
  color: string;
}

export interface ConditionalFormatCollection {
  readonly items: ConditionalFormat[];
  load(propertyNames: string | string[]): ConditionalFormatCollection;
  /** Added at the top priority (before the person's own rules). */
  add(type: string): ConditionalFormat;
}

export interface ConditionalFormat {
  /** "Custom" | "DataBar" | … */
  readonly type: string;
  /** Index in its sheet's list, 0 first; a number past the end moves it last. */
  priority: number;
  stopIfTrue: boolean;
  /** Only on a "Custom" format; anything else fails at sync. */
  readonly custom: CustomConditionalFormat;
  /** Only on a "DataBar" format. */
  readonly dataBar: DataBarConditionalFormat;
  load(propertyNames: string | string[]): ConditionalFormat;
  delete(): void;
}

export interface CustomConditionalFormat {
  readonly rule: ConditionalFormatRule;
  readonly format: {
    readonly fill: { color: string };
    readonly font: { color: string };
  };
}

export interface ConditionalFormatRule {
  /** Relative references count from the top-left cell of the format's range. */
  formula: string;
  load(propertyNames: string | string[]): ConditionalFormatRule;
}

export interface DataBarConditionalFormat {
  readonly positiveFormat: { fillColor: string; gradientFill: boolean };
  /** Set as a whole object ({ type: "Number", formula: "0" }). */
  lowerBoundRule: ConditionalDataBarRule;
  upperBoundRule: ConditionalDataBarRule;
}

export interface ConditionalDataBarRule {
  /** "Number" | "LowestValue" | … */
  type: string;
  formula?: string;
}

export interface ChartCollection {
  /** type: "BarClustered", "Line", …; seriesBy: "Columns" | "Rows" | "Auto". */
  add(type: string, sourceData: Range, seriesBy?: string): Chart;
  /** Loaded: load("count"). */
  readonly count: number;
  /** Loaded: load("items") or load("items/name"). */
  readonly items: Chart[];
  getItemAt(index: number): Chart;
  load(names: string | string[]): ChartCollection;
}

export interface Chart {
  name: string;
  readonly title: { text: string };
  /** position ("Bottom", "Right" …; Office's own type has more): ExcelApi 1.1, as visible. */
  readonly legend: { visible: boolean; position: string };
  readonly axes: {
    readonly valueAxis: ChartAxis;
    readonly categoryAxis: ChartAxis;
  };
  readonly series: ChartSeriesCollection;
  readonly dataLabels: ChartDataLabels;
  setPosition(startCell: Range | string, endCell?: Range | string): void;
  delete(): void;
}

export interface ChartAxis {
  minimum: unknown;
  maximum: unknown;
  numberFormat: string;
  reversePlotOrder: boolean;
  /** Where the other axis crosses this one: "Automatic" | "Maximum" | "Minimum" | "Custom" (ExcelApi 1.8). */
  position: string;
}

export interface ChartDataLabels {
  showValue: boolean;
  /** "OutsideEnd", "Center", … */
  position: string;
  numberFormat: string;
}

export interface ChartSeriesCollection {
  getItemAt(index: number): ChartSeries;
  /** A new series, drawn once its values are set (ExcelApi 1.7). */
  add(name?: string, index?: number): ChartSeries;
}

export interface ChartSeries {
  name: string;
  setValues(sourceData: Range): void;
  setXAxisValues(sourceData: Range): void;
  readonly format: {
    readonly fill: { setSolidColor(color: string): void };
    readonly line: { color: string };
  };
}
