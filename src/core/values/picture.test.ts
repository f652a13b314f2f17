import { pictureId } from "./picture";

describe("pictureId: a picture WPS placed in a cell, as a program reads the cell", () => {
  test.each<[string, unknown, string | undefined]>([
    ["the cached text WPS writes", '=DISPIMG("ID_9A3B4C5D",1)', "ID_9A3B4C5D"],
    ["the formula as stored", '_xlfn.DISPIMG("ID_9A3B4C5D",1)', "ID_9A3B4C5D"],
    ["the formula with its =", '=_xlfn.DISPIMG("ID_1", 1)', "ID_1"],
    ["spaces and another case", '  =dispimg( "ID_2" , 0 ) ', "ID_2"],
    ["an empty id", '=DISPIMG("",1)', ""],
    ["words about a picture", "见照片", undefined],
    ["another function", '=IMAGE("https://example.com/a.png")', undefined],
    ["DISPIMG among other words", '附件 =DISPIMG("ID_3",1)', undefined],
    ["no mode", '=DISPIMG("ID_4")', undefined],
    ["a number", 3, undefined],
    ["empty", null, undefined],
  ])("%s", (_name, value, id) => {
    expect(pictureId(value as string | number | null)).toBe(id);
  });
});
