// One line for a file that cannot be read: which file, what is wrong with it, and what to do, in zh-CN or en-US.

import type { Locale } from "../../core/settings";
import type { WorkbookInputError } from "./errors";

/** Each way of going wrong that needs its own sentence. */
type MessageKey =
  | "not-found"
  | "unreadable-directory"
  | "unreadable-permission"
  | "unreadable-other"
  | "empty"
  | "text"
  | "csv"
  | "html"
  | "xml"
  | "pdf"
  | "document"
  | "xlsb"
  | "zip"
  | "unknown-format"
  | "truncated"
  | "damaged"
  | "damaged-part"
  | "damaged-unwritable"
  | "doctype"
  | "duplicate"
  | "encrypted"
  | "legacy-xls"
  | "too-large-contents"
  | "too-large-file"
  | "too-large-ratio"
  | "opendocument";

/** The facts a sentence may use, already formatted. */
interface Facts {
  readonly size: string;
  readonly limit: string;
  readonly entry: string;
  readonly ratio: string;
  readonly reason: string;
}

interface Wording {
  /** How the file name joins the sentence. */
  readonly line: (file: string, sentence: string) => string;
  readonly sentences: { readonly [K in MessageKey]: (facts: Facts) => string };
}

const SAVE_AS_ZH = "请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿 (.xlsx) 后再检查。";
const SHRINK_ZH = "请删除用不到的工作表、图片和空白行列，或把任务表单独另存为一个工作簿后再检查。";

const ZH_CN: Wording = {
  line: (file, sentence) => `${file}：${sentence}`,
  sentences: {
    "not-found": () => "找不到这个文件。请检查路径和文件名是否正确。",
    "unreadable-directory": () => "这是一个文件夹，不是文件。请指定要检查的 .xlsx 文件。",
    "unreadable-permission": () =>
      "没有读取这个文件的权限。请检查文件权限，或把它复制到自己的文件夹后再检查。",
    "unreadable-other": ({ reason }) =>
      `读取文件时出错（${reason}）。请确认文件没有被其他程序占用，然后重试。`,
    empty: () => "文件是空的（0 字节），可能没有保存或下载完整。请重新保存或重新下载后再检查。",
    text: () => `这是文本文件，不是 Excel 工作簿。${SAVE_AS_ZH}`,
    csv: () => `这是 CSV 文本文件，不是 Excel 工作簿（Duban 只读 .xlsx）。${SAVE_AS_ZH}`,
    html: () => `这是网页 (HTML) 文件，只是用了 Excel 的文件名（有些系统导出的表格就是这样）。${SAVE_AS_ZH}`,
    xml: () => `这是 XML 文件（可能是 Excel 2003 XML 表格），不是 .xlsx 工作簿。${SAVE_AS_ZH}`,
    pdf: () => "这是 PDF 文件，不是 Excel 工作簿。请找到原来的 Excel 文件再检查。",
    document: () => "这是 Word、PowerPoint 或其他文档，不是 Excel 工作簿。请选择任务表所在的 .xlsx 文件。",
    xlsb: () =>
      "这是 Excel 二进制工作簿 (.xlsb)，Duban 只读 .xlsx。请在 Excel 中“另存为” Excel 工作簿 (.xlsx) 后再检查。",
    zip: () => "这是一个压缩包，里面没有 Excel 工作簿。请确认选对了文件；如果任务表在压缩包里，请先解压。",
    "unknown-format": () =>
      "无法识别这个文件的格式，它不是 Excel 工作簿 (.xlsx)。请确认选对了文件，或在 Excel 或 WPS 中打开，“另存为” Excel 工作簿 (.xlsx) 后再检查。",
    truncated: () => "文件不完整（可能没有下载或复制完），无法读取。请重新获取文件后再检查。",
    damaged: () =>
      "文件已损坏，无法按 Excel 工作簿读取。如果 Excel 或 WPS 还能打开它，请“另存为”一份新的 .xlsx 后再检查。",
    "damaged-part": ({ entry }) =>
      `文件已损坏：其中的 ${entry} 不是完好的 XML。如果 Excel 或 WPS 还能打开它，请“另存为”一份新的 .xlsx 后再检查。`,
    "damaged-unwritable": ({ entry }) =>
      `其中的 ${entry} 不合 Excel 工作簿的规范：能读出并检查，但无法把检查结果写进这个文件，没有写出任何文件。请在 Excel 或 WPS 中“另存为”一份新的 .xlsx，再检查新文件。`,
    doctype: ({ entry }) =>
      `其中的 ${entry} 带有 DOCTYPE 声明，Excel 工作簿不允许这样（Excel 也打不开它），Duban 不读取。请用生成它的程序重新导出，或在 WPS 中“另存为” .xlsx 后再检查。`,
    duplicate: ({ entry }) =>
      `其中有两个同名的部件 ${entry}（只差大小写也算同名），Excel 工作簿不允许这样：不同的程序会读出不同的内容，Duban 不读取。如果 Excel 或 WPS 能打开它，请“另存为”一份新的 .xlsx 后再检查。`,
    encrypted: () =>
      "这个工作簿设置了打开密码（已加密），Duban 无法读取。请在 Excel 或 WPS 中打开，取消打开密码后另存一份再检查。",
    "legacy-xls": () =>
      `这是旧版 .xls 格式，Duban 只读 .xlsx。请在 Excel 或 WPS 中“另存为” Excel 工作簿 (.xlsx) 后再检查。`,
    "too-large-contents": ({ size, limit }) =>
      `工作簿解压后有 ${size}，超过 Duban 能读取的 ${limit}。${SHRINK_ZH}`,
    "too-large-file": ({ size, limit }) => `文件有 ${size}，超过 Duban 能读取的 ${limit}。${SHRINK_ZH}`,
    "too-large-ratio": ({ entry, size, ratio }) =>
      `其中的 ${entry} 声明解压后有 ${size}，压缩比 ${ratio}:1，远超正常工作簿（这是“压缩炸弹”的特征），Duban 不读取。如果文件来源可信，请在 Excel 或 WPS 中另存一份后再检查。`,
    opendocument: () =>
      "这是 OpenDocument 表格 (.ods)，Duban 只读 .xlsx。请在 WPS、LibreOffice 或 Excel 中“另存为” Excel 工作簿 (.xlsx) 后再检查。",
  },
};

const SAVE_AS_EN = "Open it in Excel or WPS and use Save As > Excel Workbook (.xlsx), then check the copy.";
const SHRINK_EN =
  "Delete sheets, pictures and blank rows or columns you do not need, or save the task table as a workbook of its own, then check that.";

const EN_US: Wording = {
  line: (file, sentence) => `${file}: ${sentence}`,
  sentences: {
    "not-found": () => "file not found. Check the path and the file name.",
    "unreadable-directory": () => "this is a folder, not a file. Give the .xlsx file to check.",
    "unreadable-permission": () =>
      "no permission to read this file. Check its permissions, or copy it to a folder of your own and check the copy.",
    "unreadable-other": ({ reason }) =>
      `the file could not be read (${reason}). Make sure no other program holds it, then try again.`,
    empty: () =>
      "the file is empty (0 bytes), perhaps an unfinished save or download. Save or download it again, then check it.",
    text: () => `this is a text file, not an Excel workbook. ${SAVE_AS_EN}`,
    csv: () => `this is a CSV text file, not an Excel workbook (Duban reads .xlsx only). ${SAVE_AS_EN}`,
    html: () =>
      `this is a web page (HTML) with an Excel file name, as some systems export tables. ${SAVE_AS_EN}`,
    xml: () =>
      `this is an XML file (perhaps an Excel 2003 XML spreadsheet), not an .xlsx workbook. ${SAVE_AS_EN}`,
    pdf: () => "this is a PDF, not an Excel workbook. Find the original Excel file and check that.",
    document: () =>
      "this is a Word, PowerPoint or other document, not an Excel workbook. Choose the .xlsx file that holds the task table.",
    xlsb: () =>
      "this is an Excel binary workbook (.xlsb); Duban reads .xlsx only. Open it in Excel and use Save As > Excel Workbook (.xlsx), then check the copy.",
    zip: () =>
      "this is a zip archive with no Excel workbook in it. Make sure this is the right file; if the task table is inside the archive, extract it first.",
    "unknown-format": () =>
      "this is not an Excel workbook (.xlsx), and Duban does not recognise its format. Make sure this is the right file, or open it in Excel or WPS and use Save As > Excel Workbook (.xlsx).",
    truncated: () =>
      "the file is incomplete (perhaps an unfinished download or copy) and cannot be read. Get the file again, then check it.",
    damaged: () =>
      "the file is damaged and cannot be read as an Excel workbook. If Excel or WPS still opens it, use Save As to make a new .xlsx and check that.",
    "damaged-part": ({ entry }) =>
      `the file is damaged: its part ${entry} is not well-formed XML. If Excel or WPS still opens it, use Save As to make a new .xlsx and check that.`,
    "damaged-unwritable": ({ entry }) =>
      `its part ${entry} is not as an Excel workbook has it: Duban can read and check the file but cannot write the check into it, and wrote nothing. Use Save As in Excel or WPS to make a new .xlsx, and check that.`,
    doctype: ({ entry }) =>
      `its part ${entry} declares a DOCTYPE, which workbooks may not have (Excel does not open it either), so Duban does not read it. Export it again from the program that made it, or save a copy as .xlsx in WPS, then check that.`,
    duplicate: ({ entry }) =>
      `it holds two parts named ${entry} (names that differ only in case are the same name), which a workbook may not: programs disagree about which one it shows, so Duban does not read it. If Excel or WPS opens it, use Save As to make a new .xlsx and check that.`,
    encrypted: () =>
      "this workbook is encrypted with a password to open, which Duban cannot read. Open it in Excel or WPS, remove the password, save a copy and check the copy.",
    "legacy-xls": () =>
      "this is an old .xls workbook; Duban reads .xlsx only. Open it in Excel or WPS and use Save As > Excel Workbook (.xlsx), then check the copy.",
    "too-large-contents": ({ size, limit }) =>
      `the workbook declares ${size} of contents, more than the ${limit} Duban reads. ${SHRINK_EN}`,
    "too-large-file": ({ size, limit }) =>
      `the file is ${size}, more than the ${limit} Duban reads. ${SHRINK_EN}`,
    "too-large-ratio": ({ entry, size, ratio }) =>
      `its part ${entry} declares ${size} at ${ratio}:1 compression, far beyond any normal workbook (the mark of a "zip bomb"), so Duban does not read it. If you trust the file, open it in Excel or WPS, save a copy and check that.`,
    opendocument: () =>
      "this is an OpenDocument spreadsheet (.ods); Duban reads .xlsx only. Open it in WPS, LibreOffice or Excel and use Save As > Excel Workbook (.xlsx), then check the copy.",
  },
};

const WORDING: Readonly<Record<Locale, Wording>> = { "zh-CN": ZH_CN, "en-US": EN_US };

/**
 * @example describeInputProblem(new WorkbookInputError("legacy-xls", "tasks.xlsx"), "en-US")
 * // "tasks.xlsx: this is an old .xls workbook; Duban reads .xlsx only. Open it in Excel or WPS and …"
 */
export function describeInputProblem(error: WorkbookInputError, locale: Locale): string {
  const wording = WORDING[locale];
  const values = error.values;
  const text = (key: string): string => (values[key] === undefined ? "" : String(values[key]));
  const number = (key: string): number => (typeof values[key] === "number" ? values[key] : Number.NaN);
  const [size, limit] = megabytes(number("sizeBytes"), number("limitBytes"));
  const facts: Facts = {
    size,
    limit,
    entry: text("entry"),
    ratio: text("ratio"),
    reason: text("reason"),
  };
  return wording.line(error.fileName, wording.sentences[messageKey(error)](facts));
}

function messageKey(error: WorkbookInputError): MessageKey {
  const kind = error.values.kind;
  const reason = error.values.reason;
  switch (error.problem) {
    case "not-found":
    case "empty":
    case "encrypted":
    case "legacy-xls":
    case "opendocument":
      return error.problem;
    case "unreadable":
      if (reason === "directory") return "unreadable-directory";
      if (reason === "permission") return "unreadable-permission";
      return "unreadable-other";
    case "not-a-workbook":
      switch (kind) {
        case "text":
        case "csv":
        case "html":
        case "xml":
        case "pdf":
        case "document":
        case "xlsb":
        case "zip":
          return kind;
        default:
          return "unknown-format";
      }
    case "damaged":
      if (reason === "doctype") return "doctype";
      if (reason === "duplicate" && error.values.entry !== undefined) return "duplicate";
      if (reason === "xml" && error.values.entry !== undefined) return "damaged-part";
      if (reason === "unwritable" && error.values.entry !== undefined) return "damaged-unwritable";
      return reason === "truncated" ? "truncated" : "damaged";
    case "too-large":
      if (error.values.what === "ratio") return "too-large-ratio";
      return error.values.what === "file" ? "too-large-file" : "too-large-contents";
  }
}

/** Sizes in MB (as Windows counts them, 1024 x 1024 bytes), with a decimal where whole numbers would look equal. */
function megabytes(size: number, limit: number): [string, string] {
  const MB = 1024 * 1024;
  const whole = (bytes: number): string => (Number.isFinite(bytes) ? `${Math.round(bytes / MB)} MB` : "?");
  const tenth = (bytes: number): string => (Number.isFinite(bytes) ? `${(bytes / MB).toFixed(1)} MB` : "?");
  if (whole(size) === whole(limit) || (Number.isFinite(size) && size < 10 * MB))
    return [tenth(size), whole(limit)];
  return [whole(size), whole(limit)];
}
