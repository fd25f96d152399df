// Interface texts: the shell's catalogue (ru.json, en.json) plus one file pair per module,
// shared/i18n/modules/<module>.<lang>.json, mounted under the key <module>. Modules own their
// files, so parallel work on different modules never edits the same catalogue.
export type Tree = { [key: string]: string | Tree };
export type Lang = 'ru' | 'en';

export function mergeCatalogues(
  base: Record<Lang, Tree>,
  moduleFiles: Record<string, { default: Tree } | Tree>,
): Record<Lang, Tree> {
  const out: Record<Lang, Tree> = { ru: { ...base.ru }, en: { ...base.en } };
  for (const [path, mod] of Object.entries(moduleFiles)) {
    const match = /\/([a-z][\w-]*)\.(ru|en)\.json$/.exec(path);
    if (!match) continue;
    const [, name, lang] = match as unknown as [string, string, Lang];
    if (name in base[lang])
      throw new Error(`i18n module ${name} collides with a key of the shell catalogue`);
    out[lang][name] = ('default' in mod ? mod.default : mod) as Tree;
  }
  return out;
}
