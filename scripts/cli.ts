/** Shared by the command-line scripts: arguments and a clean exit instead of a stack trace. */
export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

/** The export a build or a check reads: `--data DIR`, else DATA_DIR, else the sample in data/. */
export const dataDirOf = (args: string[], env: NodeJS.ProcessEnv = process.env): string =>
  argValue(args, '--data') ?? env.DATA_DIR ?? 'data';

/** Every value after `name` up to the next option (`--merge a b c`), or undefined when `name` is absent. */
export function argValues(args: string[], name: string): string[] | undefined {
  let i = args.indexOf(name);
  const first: string[] = [];
  if (i < 0) {
    // `--merge=a b c`
    i = args.findIndex((a) => a.startsWith(`${name}=`));
    if (i < 0) return undefined;
    first.push(args[i].slice(name.length + 1));
  }
  const end = args.findIndex((a, j) => j > i && a.startsWith('--'));
  return [...first, ...args.slice(i + 1, end < 0 ? undefined : end)];
}

/** Runs main; an unexpected failure prints one clear line and exits 2, never a stack trace. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`✗ Kesalahan tak terduga / unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
      if (process.env.KT_DEBUG) console.error(e);
      process.exit(2);
    },
  );
}
