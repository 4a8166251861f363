// runtime.SetFinalizer rejects bad arguments with gc's fatal errors.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t notptr > %t.1 2>&1
// RUN: FileCheck --check-prefix=NOTPTR %s < %t.1
// RUN: %expect-exit 2 %run %t notfunc > %t.2 2>&1
// RUN: FileCheck --check-prefix=NOTFUNC %s < %t.2
// RUN: %expect-exit 2 %run %t badarg > %t.3 2>&1
// RUN: FileCheck --check-prefix=BADARG %s < %t.3
// RUN: %expect-exit 2 %run %t twice > %t.4 2>&1
// RUN: FileCheck --check-prefix=TWICE %s < %t.4
// RUN: %expect-exit 2 %run %t inner > %t.5 2>&1
// RUN: FileCheck --check-prefix=INNER %s < %t.5
// RUN: %expect-exit 2 %run %t nil > %t.6 2>&1
// RUN: FileCheck --check-prefix=NIL %s < %t.6
// NOTPTR: fatal error: runtime.SetFinalizer: first argument is int, not pointer
// NOTPTR: main.main()
// NOTFUNC: fatal error: runtime.SetFinalizer: second argument is int, not a function
// BADARG: fatal error: runtime.SetFinalizer: cannot pass *int to finalizer func(*string)
// TWICE: fatal error: runtime.SetFinalizer: finalizer already set
// INNER: fatal error: runtime.SetFinalizer: pointer not at beginning of allocated block
// NIL: fatal error: runtime.SetFinalizer: first argument is nil
package main

import (
	"os"
	"runtime"
)

type S struct {
	a int
	b *int
}

func main() {
	switch os.Args[1] {
	case "notptr":
		runtime.SetFinalizer(5, func(int) {})
	case "notfunc":
		runtime.SetFinalizer(new(int), 5)
	case "badarg":
		runtime.SetFinalizer(new(int), func(*string) {})
	case "twice":
		p := new(int)
		runtime.SetFinalizer(p, func(*int) {})
		runtime.SetFinalizer(p, func(*int) {})
	case "inner":
		s := &S{}
		runtime.SetFinalizer(&s.b, func(**int) {})
	case "nil":
		runtime.SetFinalizer(nil, nil)
	}
}
