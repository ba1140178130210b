// The browser game's figures (filled in below as the game lands).
export async function browserBench(): Promise<void> {
  console.log('== Browser ==\n(browser bench not written yet)');
}
