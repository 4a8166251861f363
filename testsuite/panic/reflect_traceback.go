// A panic in Go code called through reflect (a MakeFunc function calling
// reflect.Value.Call): the walk crosses both call-ins (libffi and the C
// frames hold no Go frames of their own), and reflect.callReflect is hidden
// as gc hides it. GOLC_GCSTRESS walks the same stacks at every allocation.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
// RUN: env GOLC_GCSTRESS=1 %expect-exit 2 %run %t > %t.stress 2>&1
// RUN: FileCheck %s < %t.stress
package main

import "reflect"

func inner(x int) int {
	if x > 0 {
		panic("deep")
	}
	return x
}

func main() {
	f := reflect.MakeFunc(reflect.TypeOf(inner), func(in []reflect.Value) []reflect.Value {
		return reflect.ValueOf(inner).Call(in)
	})
	f.Call([]reflect.Value{reflect.ValueOf(1)})
}

// CHECK: panic: deep
// CHECK-EMPTY:
// CHECK-NEXT: goroutine 1 [running]:
// CHECK-NEXT: main.inner(...)
// CHECK-NEXT: {{.*}}reflect_traceback.go:16 +0x
// CHECK-NEXT: reflect.Value.call(...)
// CHECK-NEXT: reflect/value.go:{{[0-9]+}} +0x
// CHECK-NEXT: reflect.Value.Call(...)
// CHECK-NEXT: reflect/value.go:{{[0-9]+}} +0x
// CHECK-NEXT: main.main.func1(...)
// CHECK-NEXT: {{.*}}reflect_traceback.go:23 +0x
// CHECK-NEXT: reflect.Value.call(...)
// CHECK-NEXT: reflect/value.go:{{[0-9]+}} +0x
// CHECK-NEXT: reflect.Value.Call(...)
// CHECK-NEXT: reflect/value.go:{{[0-9]+}} +0x
// CHECK-NEXT: main.main()
// CHECK-NEXT: {{.*}}reflect_traceback.go:25 +0x
