// Unrecovered panics with deferred calls, one program run four ways (the case
// is chosen by rewriting `switch 1` with sed):
//  1. an unrecovered panic runs every deferred call, innermost first, then dies;
//  2. a deferred call recovers and panics again: gc's [recovered] chain;
//  3. a deferred call panics while the first panic is in progress: both print;
//  4. a runtime error runs the deferred calls (arguments evaluated at the defer).
// RUN: %golc build -o %t1 %s
// RUN: %expect-exit 2 %run %t1 > %t1.out 2>&1
// RUN: FileCheck --check-prefix=PLAIN %s < %t1.out
// RUN: sed 's/switch 1 {/switch 2 {/' %s > %t2.go
// RUN: %golc build -o %t2 %t2.go
// RUN: %expect-exit 2 %run %t2 > %t2.out 2>&1
// RUN: FileCheck --check-prefix=REPANIC %s < %t2.out
// RUN: sed 's/switch 1 {/switch 3 {/' %s > %t3.go
// RUN: %golc build -o %t3 %t3.go
// RUN: %expect-exit 2 %run %t3 > %t3.out 2>&1
// RUN: FileCheck --check-prefix=NESTED %s < %t3.out
// RUN: sed 's/switch 1 {/switch 4 {/' %s > %t4.go
// RUN: %golc build -o %t4 %t4.go
// RUN: %expect-exit 2 %run %t4 > %t4.out 2>&1
// RUN: FileCheck --check-prefix=RTERR %s < %t4.out
package main

func f() {
	defer println("deferred in f")
	g()
}

func g() {
	switch 1 {
	case 1:
		defer println("deferred in g")
		panic("plain")
	case 2:
		defer func() {
			r := recover()
			panic(r)
		}()
		panic("first")
	case 3:
		defer func() { panic("second") }()
		panic("first")
	case 4:
		var a []int
		defer println("len", len(a))
		a[3] = 1
	}
}

func main() {
	defer println("main deferred")
	f()
}

// PLAIN: deferred in g
// PLAIN-NEXT: deferred in f
// PLAIN-NEXT: main deferred
// PLAIN-NEXT: panic: plain
// PLAIN-EMPTY:
// PLAIN: goroutine 1 [running]:

// REPANIC: deferred in f
// REPANIC-NEXT: main deferred
// REPANIC-NEXT: panic: first [recovered]
// REPANIC-NEXT: {{^}}	panic: first
// REPANIC-EMPTY:
// REPANIC: goroutine 1 [running]:

// NESTED: deferred in f
// NESTED-NEXT: main deferred
// NESTED-NEXT: panic: first
// NESTED-NEXT: {{^}}	panic: second
// NESTED-EMPTY:
// NESTED: goroutine 1 [running]:

// RTERR: len 0
// RTERR-NEXT: deferred in f
// RTERR-NEXT: main deferred
// RTERR-NEXT: panic: runtime error: index out of range [3] with length 0
// RTERR-EMPTY:
// RTERR: goroutine 1 [running]:
