import { collectGarbage } from "./memory";

test("collectGarbage frees what nothing holds any more", async () => {
  let buffer: Uint8Array | undefined = new Uint8Array(8 * 1024 * 1024);
  const held = new WeakRef(buffer);
  buffer = undefined;
  // A WeakRef's target is kept until the current job ends.
  await new Promise((resolve) => setTimeout(resolve, 0));
  collectGarbage();
  expect(held.deref()).toBeUndefined();
  // Again, once the function is made.
  expect(() => collectGarbage()).not.toThrow();
});
