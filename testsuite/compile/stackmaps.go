// The linked program keeps .llvm_stackmaps, and the runtime's parser sees
// every record of the binary with the IDs codegen emitted.
// RUN: %golc build -o %t %s
// RUN: llvm-readobj-19 --stackmap %t | FileCheck --check-prefix=RO %s
// RUN: %stackmap-check %t %run | FileCheck %s
package main

type T struct{ next *T }

func build(n int) *T {
	var t *T
	for i := 0; i < n; i++ {
		t = &T{t}
	}
	return t
}

func count(t *T) int {
	n := 0
	for ; t != nil; t = t.next {
		n++
	}
	return n
}

func main() {
	println(count(build(5)))
}

// RO: LLVM StackMap Version: 3
// RO: Record ID: {{[1-9][0-9]*}}, instruction offset:
// CHECK: stackmap-check: {{[0-9]+}} records match
