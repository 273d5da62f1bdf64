/** ELF `e_machine` for the `utsname.machine` names kdump headers carry (facts from the ELF ABI). */
const MACHINES: Array<[RegExp, number]> = [
  [/^x86_64$/, 62],
  [/^i[3-6]86$/, 3],
  [/^(aarch64|arm64)$/, 183],
  [/^arm/, 40],
  [/^ppc64(le)?$/, 21],
  [/^(ppc|powerpc)$/, 20],
  [/^s390x?$/, 22],
  [/^riscv(32|64)$/, 243],
  [/^loongarch64$/, 258],
  [/^mips/, 8],
  [/^sparc64$/, 43],
];

/** The ELF machine number for a kernel machine name, or 0 (EM_NONE) when unknown. */
export function elfMachineFor(machine: string): number {
  return MACHINES.find(([pattern]) => pattern.test(machine))?.[1] ?? 0;
}
