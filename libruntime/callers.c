/*
 * callers.c: runtime.Callers until the stack walk reaches Go's API (#8).
 *
 * The testing package needs at least one pc from runtime.Callers for every
 * test (tRunner's callerName panics with "zero callers found" on 0), and
 * runtimeapi.c's runtime.Callers returns 0. Package runtime's Go API names
 * this function for Callers (//go:linkname Callers runtime.golcCallers in
 * go/runtime/api.go; golc honours //go:linkname on bodyless functions of
 * package runtime only), so the stub can stay where it is until #8 replaces
 * both. It reports one frame, its Go caller's return address, whatever skip
 * is: CallersFrames(...).Next, still a stub, gives no names for it, so
 * testing's file:line decorations read "???:1".
 */
#include "rt.h"

RT_HOOK(intptr_t, rt_golc_callers, "runtime.golcCallers", (intptr_t skip, uintptr_t *pc, intptr_t n, intptr_t cap))
{
	(void)skip, (void)cap;
	if (n < 1)
		return 0;
	pc[0] = (uintptr_t)__builtin_return_address(0);
	return 1;
}
