/** Case folding for name search, shared by every adapter so `nameContains` means one thing. */
export function foldCase(value: string): string {
  return value.normalize('NFKC').toLocaleLowerCase('en');
}
